//! What every request handler shares: the tenant registry, the clock, the request journal, the
//! fault rules, and the seeded generator that names new tenants.

use crate::admin::AdminError;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::fixtures::{FixtureError, FixtureSet};
use crate::ids::SeededRng;
use crate::journal::Journal;
use crate::tenancy::{Registry, Tenant};
use crate::vendors::Vendor;
use parking_lot::Mutex;
use std::sync::Arc;

pub struct SandboxState {
    pub registry: Registry,
    pub clock: Clock,
    pub journal: Journal,
    pub faults: Faults,
    /// Where `--state-file` saves tenants, if it was given.
    pub state_file: Option<std::path::PathBuf>,
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
    pub fn new(seed: u64, clock: Clock, journal_size: usize) -> Self {
        Self {
            registry: Registry::new(),
            clock,
            journal: Journal::new(journal_size),
            faults: Faults::default(),
            state_file: None,
            rng: Mutex::new(SeededRng::new(seed)),
        }
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
        self.registry.insert(tenant).map_err(TenantError::Admin)
    }
}
