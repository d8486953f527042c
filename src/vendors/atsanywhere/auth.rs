//! Who is calling: `Authorization: Basic base64(api_key:api_password)` resolved to a tenant and
//! the user the credential acts as. Missing credentials get 401; unknown ones, a wrong password,
//! or a deleted or deactivated user get the 403 the vendor documents.
//!
//! The [`Caller`] also runs rules: it takes the tenant's lock, re-reads the acting user under it
//! (their level may have changed since the request arrived), and applies what the rule decided.

use super::error::{AtsError, BAD_CREDENTIALS};
use super::model::User;
use super::rules::acting_user;
use super::store::{Changes, Store};
use super::tenant::AtsAnywhereTenant;
use crate::http::{basic_auth, BasicAuth};
use crate::state::SandboxState;
use crate::tenancy::{Tenant, TenantTag};
use crate::vendors::Vendor;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use chrono::{DateTime, Utc};
use std::future::{ready, Ready};
use std::sync::Arc;

pub struct Caller {
    tenant: Arc<Tenant>,
    user_id: u64,
    /// The request (a handle local to the worker), where the sandbox is borrowed from.
    request: HttpRequest,
}

impl Caller {
    fn company(&self) -> Result<&AtsAnywhereTenant, AtsError> {
        self.tenant
            .state::<AtsAnywhereTenant>()
            .ok_or_else(|| AtsError::forbidden(BAD_CREDENTIALS))
    }

    /// Runs a read with the acting user, under the tenant's read lock.
    pub fn read<T>(
        &self,
        f: impl FnOnce(&Store, &User) -> Result<T, AtsError>,
    ) -> Result<T, AtsError> {
        let store = self.company()?.read();
        let actor = acting_user(&store, self.user_id)?;
        f(&store, actor)
    }

    /// Runs a rule under the tenant's write lock, applies its changes, then renders from the
    /// updated store with no other write in between (reads may run while it renders).
    pub fn write<R, T>(
        &self,
        rule: impl FnOnce(&Store, &User, DateTime<Utc>) -> Result<(Changes, R), AtsError>,
        render: impl FnOnce(&Store, R) -> T,
    ) -> Result<T, AtsError> {
        let now = SandboxState::of(&self.request)
            .ok_or_else(|| AtsError::forbidden(BAD_CREDENTIALS))?
            .clock
            .now();
        self.company()?.change_then_read(
            |store| {
                let (changes, outcome) = rule(store, acting_user(store, self.user_id)?, now)?;
                store.apply(changes);
                Ok(outcome)
            },
            |store, outcome| outcome.map(|outcome| render(store, outcome)),
        )
    }
}

fn resolve(req: &HttpRequest) -> Result<Caller, AtsError> {
    let sandbox = SandboxState::of(req).ok_or_else(|| AtsError::forbidden(BAD_CREDENTIALS))?;
    let (key, password) = match basic_auth(req.headers()) {
        BasicAuth::Missing => return Err(AtsError::Unauthorized),
        BasicAuth::Malformed => return Err(AtsError::forbidden(BAD_CREDENTIALS)),
        BasicAuth::Credentials { user, password } => (user, password),
    };
    let tenant = sandbox
        .registry
        .by_credential(Vendor::AtsAnywhere, &key)
        .ok_or_else(|| AtsError::forbidden(BAD_CREDENTIALS))?;
    let company = tenant
        .state::<AtsAnywhereTenant>()
        .ok_or_else(|| AtsError::forbidden(BAD_CREDENTIALS))?;
    req.extensions_mut().insert(TenantTag(tenant.id.clone()));
    let user_id = {
        let store = company.read();
        let credential = store
            .credentials
            .get(&key)
            .filter(|c| c.api_password == password)
            .ok_or_else(|| AtsError::forbidden(BAD_CREDENTIALS))?;
        acting_user(&store, credential.user_id)?.id
    };
    Ok(Caller {
        tenant,
        user_id,
        request: req.clone(),
    })
}

impl FromRequest for Caller {
    type Error = AtsError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(resolve(req))
    }
}
