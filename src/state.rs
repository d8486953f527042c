//! What every request handler shares: the tenant registry, the clock, the request journal, the
//! fault rules, and the seeded generator that names new tenants.

use crate::admin::AdminError;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::fixtures::{FixtureError, FixtureSet};
use crate::ids::SeededRng;
use crate::journal::Journal;
use crate::ratelimit::{LimitRule, Limiter};
use crate::tenancy::{FastHash, Registry, Tenant};
use crate::vendors::Vendor;
use dashmap::DashMap;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct SandboxState {
    pub registry: Registry,
    pub clock: Clock,
    pub journal: Journal,
    pub faults: Faults,
    /// Where `--state-file` saves tenants, if it was given.
    pub state_file: Option<std::path::PathBuf>,
    /// `--enforce-rate-limits`: every new tenant gets its vendor's documented limits.
    pub enforce_rate_limits: bool,
    /// Rate limits by tenant id (only tenants that have some).
    limiters: DashMap<String, Arc<Limiter>, FastHash>,
    /// Observing limiters (count, never refuse) of tenants whose vendor reports its limits on
    /// every response but which have no enforced limits.
    observers: DashMap<String, Arc<Limiter>, FastHash>,
    /// Whether any tenant has limits, so requests skip the lookup when none does.
    any_limits: AtomicBool,
    /// Seeds and ids of new tenants (control plane only, never on a vendor request).
    rng: Mutex<SeededRng>,
}

/// Why a tenant could not be made.
#[derive(Debug, thiserror::Error)]
pub enum TenantError {
    #[error(transparent)]
    Fixture(#[from] FixtureError),
    #[error("{0}")]
    Admin(AdminError),
}

impl From<TenantError> for AdminError {
    fn from(error: TenantError) -> Self {
        match error {
            TenantError::Fixture(e) => e.into(),
            TenantError::Admin(e) => e,
        }
    }
}

impl SandboxState {
    /// The sandbox a request is served by, borrowed from the request: cloning its `Data` would
    /// write to a reference count that every worker shares.
    pub fn of(req: &actix_web::HttpRequest) -> Option<&SandboxState> {
        req.app_data::<actix_web::web::Data<SandboxState>>()
            .map(|data| data.get_ref())
    }

    pub fn new(seed: u64, clock: Clock, journal_size: usize) -> Self {
        Self {
            registry: Registry::new(),
            clock,
            journal: Journal::new(journal_size),
            faults: Faults::default(),
            state_file: None,
            enforce_rate_limits: false,
            limiters: DashMap::default(),
            observers: DashMap::default(),
            any_limits: AtomicBool::new(false),
            rng: Mutex::new(SeededRng::new(seed)),
        }
    }

    /// Gives a tenant rate limits (an empty list removes them).
    pub fn set_limits(&self, tenant: &str, rules: Vec<LimitRule>) {
        if rules.is_empty() {
            self.limiters.remove(tenant);
        } else {
            self.limiters
                .insert(tenant.to_owned(), Arc::new(Limiter::new(rules)));
            self.any_limits.store(true, Ordering::Release);
        }
    }

    /// The limits of a tenant, if it has any.
    /// Whether any tenant has rate limits in force (`--enforce-rate-limits` or the control plane).
    pub fn limits_in_force(&self) -> bool {
        self.any_limits.load(Ordering::Acquire)
    }

    pub fn limiter(&self, tenant: &str) -> Option<Arc<Limiter>> {
        if !self.any_limits.load(Ordering::Acquire) {
            return None;
        }
        self.limiters.get(tenant).map(|l| l.clone())
    }

    /// The observing limiter of a tenant of a vendor that reports its documented limits on
    /// every response (made on first use).
    pub fn observer(&self, tenant: &str, vendor: Vendor) -> Arc<Limiter> {
        if let Some(observer) = self.observers.get(tenant) {
            return observer.clone();
        }
        self.observers
            .entry(tenant.to_owned())
            .or_insert_with(|| Arc::new(Limiter::observing(vendor.documented_limits())))
            .clone()
    }

    /// The tenant object of the control plane, with its rate limits.
    pub fn tenant_json(&self, tenant: &Tenant) -> serde_json::Value {
        let mut json = tenant.to_json();
        json["rate_limits"] = match self.limiters.get(&tenant.id) {
            Some(limiter) => serde_json::to_value(limiter.rules()).unwrap_or_default(),
            None => serde_json::Value::Null,
        };
        json
    }

    /// Removes a tenant with everything kept about it.
    pub fn remove_tenant(&self, id: &str) -> Option<Arc<Tenant>> {
        self.limiters.remove(id);
        self.observers.remove(id);
        self.registry.remove(id)
    }

    /// Saves every tenant to the state file; `Ok(None)` without one.
    pub fn save(&self) -> Result<Option<usize>, crate::persistence::StateFileError> {
        match &self.state_file {
            Some(path) => crate::persistence::save(path, self).map(Some),
            None => Ok(None),
        }
    }

    /// Builds a tenant from a fixture set and registers it. Without an `id`, one is drawn from
    /// the sandbox seed; without a `seed`, the tenant's seed is too.
    pub fn create_tenant(
        &self,
        vendor: Vendor,
        fixtures: &FixtureSet,
        seed: Option<u64>,
        id: Option<String>,
        well_known_credentials: bool,
    ) -> Result<Arc<Tenant>, TenantError> {
        let (seed, id) = {
            let mut rng = self.rng.lock();
            let seed = seed.unwrap_or_else(|| rng.child_seed());
            let id = id.unwrap_or_else(|| rng.hex_id(&format!("{vendor}-"), 8));
            (seed, id)
        };
        let backend = vendor.build_tenant(fixtures, seed, &self.clock, well_known_credentials)?;
        let tenant = Tenant::new(id, vendor, fixtures.name(), seed, backend);
        let tenant = self.registry.insert(tenant).map_err(TenantError::Admin)?;
        if self.enforce_rate_limits {
            self.set_limits(&tenant.id, vendor.documented_limits());
        }
        Ok(tenant)
    }
}
