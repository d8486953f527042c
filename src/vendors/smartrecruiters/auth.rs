//! SmartRecruiters' auth: `X-SmartToken: <api key>` (header name case-insensitive), or OAuth2
//! client credentials at `POST /identity/oauth/token` then `Authorization: Bearer <token>`.
//! Every credential acts as a user; a missing, unknown or expired credential, or one whose user
//! is deactivated, gets 401.
//!
//! The [`Caller`] runs reads and rules with the acting user re-read under the tenant's lock.

use super::error::SrError;
use super::model::User;
use super::store::{Changes, Store};
use super::tenant::{client_key, key_key, token_key, SrTenant};
use crate::ids::SeededRng;
use crate::state::SandboxState;
use crate::tenancy::{Tenant, TenantTag};
use crate::vendors::Vendor;
use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderMap};
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde_json::json;
use std::collections::HashMap;
use std::future::{ready, Ready};
use std::sync::Arc;

pub const SMART_TOKEN: &str = "x-smarttoken";

pub struct Caller {
    tenant: Arc<Tenant>,
    user_id: String,
    /// The request (a handle local to the worker), where the sandbox is borrowed from.
    request: HttpRequest,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The index key of a request's credentials: its API key, its bearer token, or (on the token
/// endpoint) nothing.
pub fn credential_key(headers: &HeaderMap) -> Option<String> {
    if let Some(key) = headers.get(SMART_TOKEN).and_then(|v| v.to_str().ok()) {
        return Some(key_key(key.trim()));
    }
    bearer(headers).map(token_key)
}

/// The user a credential acts as, if it is still good at `now`.
fn credential_user(
    store: &Store,
    headers: &HeaderMap,
    now: DateTime<Utc>,
) -> Result<String, SrError> {
    let user_id = if let Some(key) = headers.get(SMART_TOKEN).and_then(|v| v.to_str().ok()) {
        store
            .api_keys
            .get(key.trim())
            .map(|k| k.user_id.clone())
            .ok_or_else(|| SrError::unauthorized("Invalid X-SmartToken"))?
    } else {
        let token = bearer(headers).unwrap_or_default();
        let access = store
            .tokens
            .get(token)
            .ok_or_else(|| SrError::unauthorized("Invalid access token"))?;
        if access.expires_at <= now {
            return Err(SrError::unauthorized("The access token expired"));
        }
        access.user_id.clone()
    };
    store
        .users
        .get(&user_id)
        .filter(|u| u.active)
        .map(|u| u.id.clone())
        .ok_or_else(|| SrError::unauthorized("The user of this credential is deactivated"))
}

impl Caller {
    fn company(&self) -> Result<&SrTenant, SrError> {
        self.tenant
            .state::<SrTenant>()
            .ok_or_else(|| SrError::unauthorized("Invalid credentials"))
    }

    fn actor<'s>(&self, store: &'s Store) -> Result<&'s User, SrError> {
        store
            .users
            .get(&self.user_id)
            .filter(|u| u.active)
            .ok_or_else(|| SrError::unauthorized("The user of this credential is deactivated"))
    }

    pub fn now(&self) -> DateTime<Utc> {
        // The request carries the sandbox: `resolve` found it there.
        SandboxState::of(&self.request).map_or_else(Utc::now, |sandbox| sandbox.clock.now())
    }

    /// Draws from the tenant's generator (ids of new records), before any lock is taken.
    pub fn draw<T>(&self, f: impl FnOnce(&mut SeededRng) -> T) -> Result<T, SrError> {
        Ok(f(&mut self.company()?.rng()))
    }

    pub fn read<T>(
        &self,
        f: impl FnOnce(&Store, &User) -> Result<T, SrError>,
    ) -> Result<T, SrError> {
        let store = self.company()?.read();
        let actor = self.actor(&store)?;
        f(&store, actor)
    }

    /// Runs a rule under the tenant's write lock, applies its changes, renders from the new state
    /// (under the read lock the write lock turns into).
    pub fn write<T>(
        &self,
        rule: impl FnOnce(&Store, &User, DateTime<Utc>) -> Result<Changes, SrError>,
        render: impl FnOnce(&Store) -> Result<T, SrError>,
    ) -> Result<T, SrError> {
        let now = self.now();
        self.company()?.change_then_read(
            |store| {
                let changes = rule(store, self.actor(store)?, now)?;
                store.apply(changes);
                Ok(())
            },
            |store, changed| changed.and_then(|()| render(store)),
        )
    }
}

fn resolve(req: &HttpRequest) -> Result<Caller, SrError> {
    let sandbox =
        SandboxState::of(req).ok_or_else(|| SrError::unauthorized("Invalid credentials"))?;
    let key = credential_key(req.headers()).ok_or_else(|| {
        SrError::unauthorized(
            "Authentication required: send X-SmartToken or Authorization: Bearer <access token>",
        )
    })?;
    let tenant = sandbox
        .registry
        .by_credential(Vendor::SmartRecruiters, &key)
        .ok_or_else(|| match key.starts_with("key:") {
            true => SrError::unauthorized("Invalid X-SmartToken"),
            false => SrError::unauthorized("Invalid access token"),
        })?;
    let company = tenant
        .state::<SrTenant>()
        .ok_or_else(|| SrError::unauthorized("Invalid credentials"))?;
    req.extensions_mut().insert(TenantTag(tenant.id.clone()));
    let user_id = credential_user(&company.read(), req.headers(), sandbox.clock.now())?;
    Ok(Caller {
        tenant,
        user_id,
        request: req.clone(),
    })
}

impl FromRequest for Caller {
    type Error = SrError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(resolve(req))
    }
}

fn oauth_error(status: u16, error: &str, description: &str) -> HttpResponse {
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap_or_default())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({ "error": error, "error_description": description }))
}

/// `POST /identity/oauth/token`: the client-credentials grant, form-encoded.
pub async fn token(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: web::Data<SandboxState>,
) -> HttpResponse {
    let Ok(form) = serde_urlencoded::from_bytes::<HashMap<String, String>>(&body) else {
        return oauth_error(
            400,
            "invalid_request",
            "the body must be application/x-www-form-urlencoded",
        );
    };
    match form.get("grant_type").map(String::as_str) {
        None => return oauth_error(400, "invalid_request", "grant_type is required"),
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                400,
                "unsupported_grant_type",
                "only client_credentials is supported",
            )
        }
    }
    let (Some(id), Some(secret)) = (form.get("client_id"), form.get("client_secret")) else {
        return oauth_error(
            400,
            "invalid_request",
            "client_id and client_secret are required",
        );
    };
    let Some(tenant) = sandbox
        .registry
        .by_credential(Vendor::SmartRecruiters, &client_key(id))
    else {
        return oauth_error(401, "invalid_client", "unknown client or wrong secret");
    };
    let Some(company) = tenant.state::<SrTenant>() else {
        return oauth_error(401, "invalid_client", "unknown client or wrong secret");
    };
    req.extensions_mut().insert(TenantTag(tenant.id.clone()));
    match company.issue_token(id, secret, &sandbox.clock) {
        Ok(issued) => {
            sandbox
                .registry
                .index_key(&tenant, token_key(&issued.access_token));
            HttpResponse::Ok()
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .json(issued)
        }
        Err(e) => oauth_error(401, "invalid_client", &e.message),
    }
}
