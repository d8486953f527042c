//! One authenticated call: the tenant, the API key that made it, and how handlers read and
//! write the organization (the key's confidential-jobs toggle, fresh ids, the clock).

use super::error::AshbyError;
use super::model::{ApiKey, Application, Candidate, Job, Opening, Time};
use super::store::{Change, Store};
use super::tenant::AshbyTenant;
use crate::clock::Clock;
use crate::ids::SeededRng;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub type Result<T> = std::result::Result<T, AshbyError>;

pub struct Call<'a> {
    pub tenant: &'a AshbyTenant,
    pub key: std::sync::Arc<ApiKey>,
    pub clock: &'a Clock,
    pub endpoint: &'static str,
    /// The tenant's id (file handles carry it).
    pub tenant_id: String,
    /// The request, for [`Call::base_url`].
    pub request: &'a actix_web::HttpRequest,
    /// File parts of a multipart request (the deprecated upload form).
    pub uploads: Vec<super::files::FormFile>,
}

impl Call<'_> {
    /// Where this API is reached (`http://host/ashby` or `http://api.ashbyhq.com`), for URLs
    /// the answers hand out.
    pub fn base_url(&self) -> String {
        let info = self.request.connection_info();
        let prefix = if self.request.path().starts_with("/ashby/") {
            "/ashby"
        } else {
            ""
        };
        format!("{}://{}{prefix}", info.scheme(), info.host())
    }

    pub fn now(&self) -> Time {
        self.clock.now()
    }

    /// Confidential jobs are invisible to keys without the confidential-jobs toggle.
    pub fn can_see_job(&self, job: &Job) -> bool {
        !job.confidential || self.key.confidential_jobs
    }

    /// A job this key may see, or `job_not_found`.
    pub fn job<'s>(&self, store: &'s Store, id: &str) -> Result<&'s Job> {
        store
            .jobs
            .get(id)
            .filter(|j| self.can_see_job(j))
            .ok_or_else(|| AshbyError::not_found("job", "Job"))
    }

    /// An application this key may see (its job is visible), or `application_not_found`.
    pub fn application<'s>(&self, store: &'s Store, id: &str) -> Result<&'s Application> {
        store
            .applications
            .get(id)
            .filter(|a| {
                store
                    .jobs
                    .get(&a.job_id)
                    .is_some_and(|j| self.can_see_job(j))
            })
            .ok_or_else(|| AshbyError::not_found("application", "Application"))
    }

    /// A candidate, or `candidate_not_found`.
    pub fn candidate<'s>(&self, store: &'s Store, id: &str) -> Result<&'s Candidate> {
        store
            .candidates
            .get(id)
            .ok_or_else(|| AshbyError::not_found("candidate", "Candidate"))
    }

    /// An opening, or `opening_not_found`.
    pub fn opening<'s>(&self, store: &'s Store, id: &str) -> Result<&'s Opening> {
        store
            .openings
            .get(id)
            .ok_or_else(|| AshbyError::not_found("opening", "Opening"))
    }

    /// Where a list of this call is taken (for [`super::pagination::page`]).
    pub fn list_at(&self, store: &Store) -> super::pagination::ListAt<'static> {
        super::pagination::ListAt {
            endpoint: self.endpoint,
            seq: store.seq,
            now: self.now(),
        }
    }

    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        f(&self.tenant.read())
    }

    /// Runs a rule under the write lock, applies its changes, and renders from the new state
    /// (under the read lock the write lock turns into).
    pub fn write<R, T>(
        &self,
        rule: impl FnOnce(&Store, Time, &mut SeededRng) -> Result<(Vec<Change>, R)>,
        render: impl FnOnce(&Store, R) -> T,
    ) -> Result<T> {
        let now = self.clock.now();
        self.tenant.change_then_read(
            |store| {
                let (changes, out) = rule(store, now, &mut self.tenant.rng())?;
                store.apply(changes);
                Ok(out)
            },
            |store, out| out.map(|out| render(store, out)),
        )
    }
}

/// The request body as `T`; field errors are `invalid_input` naming the field.
pub fn params<T: DeserializeOwned>(body: Value) -> Result<T> {
    Ok(crate::http::from_value(body)?)
}
