//! Pandapé's auth: `POST /connect/token` (OAuth2 client credentials, form-encoded, IdentityServer
//! style errors), then `Authorization: Bearer <token>` on every `/v2` and `/v3` call. A missing,
//! unknown or expired token (by the sandbox clock), or one whose user was deactivated, gets 401.
//!
//! The [`Caller`] runs reads and rules with the acting user re-read under the tenant's lock.

use super::error::PandapeError;
use super::model::User;
use super::store::{Changes, Store};
use super::tenant::{client_key, token_key, OAuthError, PandapeTenant};
use crate::http::{basic_auth, BasicAuth};
use crate::state::SandboxState;
use crate::tenancy::{Tenant, TenantTag};
use crate::vendors::Vendor;
use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde_json::json;
use std::collections::HashMap;
use std::future::{ready, Ready};
use std::sync::Arc;

pub struct Caller {
    tenant: Arc<Tenant>,
    user_id: u64,
    /// The request (a handle local to the worker), where the sandbox is borrowed from.
    request: HttpRequest,
}

fn invalid_token(detail: &str) -> PandapeError {
    PandapeError::Unauthorized(detail.to_owned())
}

/// The user a token acts as, if the token is still good at `now`.
fn token_user<'s>(
    store: &'s Store,
    token: &str,
    now: DateTime<Utc>,
) -> Result<&'s User, PandapeError> {
    let access = store
        .tokens
        .get(token)
        .ok_or_else(|| invalid_token("The access token is invalid."))?;
    if access.expires_at <= now {
        return Err(invalid_token("The access token expired."));
    }
    store
        .users
        .get(&access.user_id)
        .filter(|u| u.is_active)
        .ok_or_else(|| invalid_token("The user of this access token is inactive."))
}

impl Caller {
    fn company(&self) -> Result<&PandapeTenant, PandapeError> {
        self.tenant
            .state::<PandapeTenant>()
            .ok_or_else(|| invalid_token("The access token is invalid."))
    }

    fn actor<'s>(&self, store: &'s Store) -> Result<&'s User, PandapeError> {
        store
            .users
            .get(&self.user_id)
            .filter(|u| u.is_active)
            .ok_or_else(|| invalid_token("The user of this access token is inactive."))
    }

    pub fn read<T>(
        &self,
        f: impl FnOnce(&Store, &User) -> Result<T, PandapeError>,
    ) -> Result<T, PandapeError> {
        let store = self.company()?.read();
        let actor = self.actor(&store)?;
        f(&store, actor)
    }

    pub fn write<R, T>(
        &self,
        rule: impl FnOnce(&Store, &User, DateTime<Utc>) -> Result<(Changes, R), PandapeError>,
        render: impl FnOnce(&Store, R) -> T,
    ) -> Result<T, PandapeError> {
        let now = SandboxState::of(&self.request)
            .ok_or_else(|| invalid_token("The access token is invalid."))?
            .clock
            .now();
        self.company()?.change_then_read(
            |store| {
                let (changes, outcome) = rule(store, self.actor(store)?, now)?;
                store.apply(changes);
                Ok(outcome)
            },
            |store, outcome| outcome.map(|outcome| render(store, outcome)),
        )
    }
}

/// The index key of a request's credentials: its bearer token, or the client id of HTTP Basic
/// client authentication (the token endpoint).
pub fn credential_key(headers: &header::HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    if let Some(token) = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
    {
        return Some(token_key(token.trim()));
    }
    match basic_auth(headers) {
        BasicAuth::Credentials { user, .. } => Some(client_key(&user)),
        _ => None,
    }
}

fn resolve(req: &HttpRequest) -> Result<Caller, PandapeError> {
    let sandbox =
        SandboxState::of(req).ok_or_else(|| invalid_token("The access token is invalid."))?;
    let header = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| {
            PandapeError::Unauthorized(
                "An access token is required: Authorization: Bearer <token>.".into(),
            )
        })?;
    let token = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .map(str::trim)
        .ok_or_else(|| invalid_token("The Authorization header must carry a Bearer token."))?;
    let tenant = sandbox
        .registry
        .by_credential(Vendor::Pandape, &token_key(token))
        .ok_or_else(|| invalid_token("The access token is invalid."))?;
    let company = tenant
        .state::<PandapeTenant>()
        .ok_or_else(|| invalid_token("The access token is invalid."))?;
    req.extensions_mut().insert(TenantTag(tenant.id.clone()));
    let user_id = token_user(&company.read(), token, sandbox.clock.now())?.id;
    Ok(Caller {
        tenant,
        user_id,
        request: req.clone(),
    })
}

impl FromRequest for Caller {
    type Error = PandapeError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(resolve(req))
    }
}

fn oauth_error(status: StatusCode, error: &str) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({ "error": error }))
}

/// `POST /connect/token`: the client-credentials grant. Client credentials come in the form
/// (`client_id`, `client_secret`) or as HTTP Basic; a Basic client that fails gets 401, a form
/// client 400, as IdentityServer answers.
pub async fn token(
    req: HttpRequest,
    body: web::Bytes,
    sandbox: web::Data<SandboxState>,
) -> HttpResponse {
    let form: HashMap<String, String> = match serde_urlencoded::from_bytes(&body) {
        Ok(form) => form,
        Err(_) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request"),
    };
    let (client_id, client_secret, via_header) = match basic_auth(req.headers()) {
        BasicAuth::Credentials { user, password } => (Some(user), Some(password), true),
        _ => (
            form.get("client_id").cloned(),
            form.get("client_secret").cloned(),
            false,
        ),
    };
    let refused = if via_header {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::BAD_REQUEST
    };
    match form.get("grant_type").map(String::as_str) {
        None => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request"),
        Some("client_credentials") => {}
        Some(_) => return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type"),
    }
    let (Some(client_id), Some(client_secret)) = (client_id, client_secret) else {
        return oauth_error(refused, "invalid_client");
    };
    let Some(tenant) = sandbox
        .registry
        .by_credential(Vendor::Pandape, &client_key(&client_id))
    else {
        return oauth_error(refused, "invalid_client");
    };
    let Some(company) = tenant.state::<PandapeTenant>() else {
        return oauth_error(refused, "invalid_client");
    };
    req.extensions_mut().insert(TenantTag(tenant.id.clone()));
    match company.issue_token(
        &client_id,
        &client_secret,
        form.get("scope").map(String::as_str),
        &sandbox.clock,
    ) {
        Ok(issued) => {
            sandbox
                .registry
                .index_key(&tenant, token_key(&issued.access_token));
            HttpResponse::Ok()
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .json(issued)
        }
        Err(OAuthError(error)) if error == "invalid_client" => oauth_error(refused, error),
        Err(OAuthError(error)) => oauth_error(StatusCode::BAD_REQUEST, error),
    }
}
