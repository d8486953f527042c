//! Tenants and the credential index.
//!
//! A tenant is one sandbox company of one vendor. Its state lives behind the vendor's own
//! [`VendorTenant`] implementation; the [`Registry`] only knows how to find a tenant by id and by
//! credential. Both maps are sharded (`DashMap`), so finding the tenant of a request takes no
//! global lock.

use crate::admin::AdminError;
use crate::clock::Clock;
use crate::fixtures::FixtureError;
use crate::ids::SeededRng;
use crate::vendors::unified::UnifiedAts;
use crate::vendors::Vendor;
use chrono::{DateTime, Utc};
use dashmap::DashMap;
use parking_lot::{
    MappedRwLockReadGuard, MappedRwLockWriteGuard, Mutex, MutexGuard, RwLock, RwLockReadGuard,
    RwLockWriteGuard,
};
use serde_json::{json, Value};
use std::any::Any;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Put in a request's extensions by a vendor's auth once the credentials name a tenant, so the
/// journal can file the request under it.
#[derive(Debug, Clone)]
pub struct TenantTag(pub String);

/// What the control plane needs from a vendor's tenant state. Each vendor implements it once.
pub trait VendorTenant: Send + Sync + 'static {
    /// The credentials of the tenant's default principal, as `GET /_sandbox/tenants` shows them.
    fn credentials(&self) -> Value;
    /// The lookup key of every credential that currently exists in the tenant (for the index).
    fn credential_keys(&self) -> Vec<String>;
    /// Records per kind, for the tenant object's `counts`.
    fn counts(&self) -> BTreeMap<&'static str, usize>;
    /// Puts the tenant back to the state it had when it was created.
    fn reset(&self);
    /// The whole state as JSON (records with ids and timestamps, id sequences, credentials).
    fn snapshot(&self) -> Value;
    /// Replaces the whole state with a snapshot, validated like a fixture; on error nothing
    /// changes.
    fn restore(&self, snapshot: &Value) -> Result<(), FixtureError>;
    /// The state `reset` returns to, as a snapshot (for the state file).
    fn origin_snapshot(&self) -> Value;
    /// Makes an extra credential from a control-plane request body; answers
    /// `{"credentials": {...}, "user_id": ...}`.
    fn add_credential(&self, request: &Value, clock: &Clock) -> Result<Value, AdminError>;
    fn as_any(&self) -> &dyn Any;
    /// The tenant in Panora's unified model, for vendors Panora can sit in front of.
    fn unified(&self) -> Option<&dyn UnifiedAts> {
        None
    }
}

/// A vendor's store, as the shared tenant plumbing needs it: snapshots, credentials, counts.
/// Each vendor implements it once on its `Store`; [`TenantState`] does the rest.
pub trait VendorStore: Clone + Send + Sync + 'static {
    /// The whole state as JSON (the fixture format plus what a restore needs exactly).
    fn snapshot(&self) -> Value;
    /// A store from a snapshot, validated like a fixture (`label` names it in errors).
    fn from_snapshot(label: &str, snapshot: &Value) -> Result<Self, FixtureError>;
    /// The credentials of the tenant's default principal.
    fn credentials(&self) -> Value;
    /// The index key of every credential.
    fn credential_keys(&self) -> Vec<String>;
    /// Records per kind.
    fn counts(&self) -> BTreeMap<&'static str, usize>;
    /// Makes an extra credential from a control-plane request (see [`VendorTenant`]).
    fn add_credential(
        &mut self,
        request: &Value,
        rng: &mut SeededRng,
        now: DateTime<Utc>,
    ) -> Result<Value, AdminError>;
    /// The tenant state in Panora's unified model, where the vendor maps onto it.
    fn unified(_state: &TenantState<Self>) -> Option<&dyn UnifiedAts> {
        None
    }
}

/// A tenant's state: the store behind its lock, the state a reset returns to, and the tenant's
/// own seeded generator.
///
/// The store and its origin share one copy until the first write (copy on write): a tenant of
/// 100k records that is only read holds them once, and a reset is a pointer swap. The first
/// write after a start or a reset pays for the copy, under the write lock.
pub struct TenantState<S> {
    store: RwLock<Arc<S>>,
    origin: Arc<S>,
    rng: Mutex<SeededRng>,
}

impl<S: VendorStore> TenantState<S> {
    /// A tenant starting (and resetting) to `store`.
    pub fn new(store: S, rng: SeededRng) -> Self {
        let origin = Arc::new(store);
        Self {
            store: RwLock::new(origin.clone()),
            origin,
            rng: Mutex::new(rng),
        }
    }

    /// A tenant from saved snapshots: its state and the state a reset returns to.
    pub fn from_snapshots(origin: &Value, state: &Value, seed: u64) -> Result<Self, FixtureError> {
        Ok(Self {
            origin: Arc::new(S::from_snapshot("origin", origin)?),
            store: RwLock::new(Arc::new(S::from_snapshot("state", state)?)),
            rng: Mutex::new(SeededRng::new(seed)),
        })
    }

    pub fn read(&self) -> MappedRwLockReadGuard<'_, S> {
        RwLockReadGuard::map(self.store.read(), |store| &**store)
    }

    /// The store to change; copies it first while it is still shared with the origin.
    pub fn write(&self) -> MappedRwLockWriteGuard<'_, S> {
        RwLockWriteGuard::map(self.store.write(), Arc::make_mut)
    }

    /// Changes the store under the write lock, then reads it under a read lock the write lock
    /// turns into: no other write comes in between, and reads of other requests (their
    /// credential checks, say) go on while `then` renders the answer.
    pub fn change_then_read<T, R>(
        &self,
        change: impl FnOnce(&mut S) -> T,
        then: impl FnOnce(&S, T) -> R,
    ) -> R {
        let mut guard = self.store.write();
        let changed = change(Arc::make_mut(&mut guard));
        let guard = RwLockWriteGuard::downgrade(guard);
        then(&guard, changed)
    }

    /// The tenant's generator (secrets, fake data); never held with a lock across an await.
    pub fn rng(&self) -> MutexGuard<'_, SeededRng> {
        self.rng.lock()
    }
}

impl<S: VendorStore> VendorTenant for TenantState<S> {
    fn credentials(&self) -> Value {
        self.read().credentials()
    }

    fn credential_keys(&self) -> Vec<String> {
        self.read().credential_keys()
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        self.read().counts()
    }

    fn reset(&self) {
        *self.store.write() = self.origin.clone();
    }

    fn snapshot(&self) -> Value {
        self.read().snapshot()
    }

    fn restore(&self, snapshot: &Value) -> Result<(), FixtureError> {
        let store = S::from_snapshot("snapshot", snapshot)?;
        *self.store.write() = Arc::new(store);
        Ok(())
    }

    fn origin_snapshot(&self) -> Value {
        self.origin.snapshot()
    }

    fn add_credential(&self, request: &Value, clock: &Clock) -> Result<Value, AdminError> {
        let mut store = self.write();
        let mut rng = self.rng();
        store.add_credential(request, &mut rng, clock.now())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn unified(&self) -> Option<&dyn UnifiedAts> {
        S::unified(self)
    }
}

/// One sandbox company.
pub struct Tenant {
    pub id: String,
    pub vendor: Vendor,
    /// The fixture set it was made from (`demo`, `empty`, or a directory).
    pub fixtures: String,
    pub seed: u64,
    created: u64,
    backend: Box<dyn VendorTenant>,
    /// The credential keys this tenant has in the registry's index, to remove them again.
    indexed: Mutex<Vec<String>>,
}

impl Tenant {
    pub fn new(
        id: String,
        vendor: Vendor,
        fixtures: String,
        seed: u64,
        backend: Box<dyn VendorTenant>,
    ) -> Self {
        Self {
            id,
            vendor,
            fixtures,
            seed,
            created: 0,
            backend,
            indexed: Mutex::new(Vec::new()),
        }
    }

    pub fn backend(&self) -> &dyn VendorTenant {
        self.backend.as_ref()
    }

    /// The vendor state, typed; `None` when the tenant belongs to another vendor.
    pub fn state<T: 'static>(&self) -> Option<&T> {
        self.backend.as_any().downcast_ref::<T>()
    }

    /// The tenant object of the control plane.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "vendor": self.vendor,
            "fixtures": self.fixtures,
            "seed": self.seed,
            "credentials": self.backend.credentials(),
            "counts": self.backend.counts(),
        })
    }
}

/// The hasher of the maps a request looks things up in (tenants, credentials, journal rings,
/// rate-limit counters): foldhash, seeded per map, several times cheaper than SipHash on short
/// keys.
pub type FastHash = foldhash::fast::RandomState;

/// All tenants, by id and by credential.
#[derive(Default)]
pub struct Registry {
    tenants: DashMap<String, Arc<Tenant>, FastHash>,
    /// One map per vendor (at [`Vendor::index`]), so a credential key is looked up as a `&str`
    /// without building a key on every request.
    credentials: [DashMap<String, Arc<Tenant>, FastHash>; Vendor::ALL.len()],
    next: AtomicU64,
}

impl Registry {
    pub fn new() -> Self {
        Self::default()
    }

    fn keys(&self, vendor: Vendor) -> &DashMap<String, Arc<Tenant>, FastHash> {
        &self.credentials[vendor.index()]
    }

    /// Adds a tenant and indexes its credentials. Fails when the id is taken or one of its
    /// credentials already belongs to another tenant.
    pub fn insert(&self, mut tenant: Tenant) -> Result<Arc<Tenant>, AdminError> {
        if self.tenants.contains_key(&tenant.id) {
            return Err(AdminError::conflict(format!(
                "a tenant with id {} already exists",
                tenant.id
            )));
        }
        let vendor = tenant.vendor;
        if let Some(key) = tenant
            .backend
            .credential_keys()
            .into_iter()
            .find(|k| self.keys(vendor).contains_key(k))
        {
            return Err(AdminError::conflict(format!(
                "credential {key} is already used by another {vendor} tenant"
            )));
        }
        tenant.created = self.next.fetch_add(1, Ordering::Relaxed);
        let tenant = Arc::new(tenant);
        self.tenants.insert(tenant.id.clone(), tenant.clone());
        self.reindex(&tenant);
        Ok(tenant)
    }

    pub fn get(&self, id: &str) -> Option<Arc<Tenant>> {
        self.tenants.get(id).map(|t| t.clone())
    }

    /// Removes a tenant and its credentials.
    pub fn remove(&self, id: &str) -> Option<Arc<Tenant>> {
        let (_, tenant) = self.tenants.remove(id)?;
        for key in tenant.indexed.lock().drain(..) {
            self.keys(tenant.vendor).remove(&key);
        }
        Some(tenant)
    }

    /// Every tenant, in creation order.
    pub fn list(&self) -> Vec<Arc<Tenant>> {
        let mut all: Vec<_> = self.tenants.iter().map(|t| t.clone()).collect();
        all.sort_by_key(|t| t.created);
        all
    }

    /// The tenant a credential key belongs to.
    pub fn by_credential(&self, vendor: Vendor, key: &str) -> Option<Arc<Tenant>> {
        self.keys(vendor).get(key).map(|t| t.clone())
    }

    /// Adds one credential key of a tenant to the index (a token just handed out).
    pub fn index_key(&self, tenant: &Arc<Tenant>, key: String) {
        self.keys(tenant.vendor).insert(key.clone(), tenant.clone());
        tenant.indexed.lock().push(key);
    }

    /// Brings the index in line with the tenant's credentials (after a reset or a new credential).
    pub fn reindex(&self, tenant: &Arc<Tenant>) {
        let mut indexed = tenant.indexed.lock();
        let keys = self.keys(tenant.vendor);
        for key in indexed.drain(..) {
            keys.remove(&key);
        }
        for key in tenant.backend.credential_keys() {
            keys.insert(key.clone(), tenant.clone());
            indexed.push(key);
        }
    }
}
