//! A Panora project: its API keys, one connection token per linked vendor tenant, and the
//! `field_mappings` stored with unified writes. Fixtures and snapshots share one document
//! (`{"project", "apiKeys", "connections", "fieldMappings"}`); a connection names a tenant by
//! id and is resolved at request time, so fixtures load before the tenants they link.

use crate::admin::AdminError;
use crate::clock::Clock;
use crate::fixtures::{FixtureError, FixtureFile, FixtureSet};
use crate::http::from_value;
use crate::ids::SeededRng;
use crate::tenancy::{TenantState, VendorStore};
use crate::vendors::Vendor;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub type PanoraTenant = TenantState<Store>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    pub key: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection {
    /// The linked vendor tenant's id.
    pub tenant: String,
    /// The `x-connection-token` that names it.
    pub token: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Store {
    pub project: Project,
    pub api_keys: Vec<ApiKey>,
    pub connections: Vec<Connection>,
    /// `field_mappings` given on create, by Panora id.
    #[serde(default)]
    pub field_mappings: BTreeMap<String, Value>,
}

impl Store {
    pub fn has_key(&self, key: &str) -> bool {
        self.api_keys.iter().any(|k| k.key == key)
    }

    pub fn connection(&self, token: &str) -> Option<&Connection> {
        self.connections.iter().find(|c| c.token == token)
    }

    /// Links a vendor tenant (once) and answers its connection token.
    pub fn link(&mut self, tenant: &str, rng: &mut SeededRng) -> String {
        if let Some(c) = self.connections.iter().find(|c| c.tenant == tenant) {
            return c.token.clone();
        }
        let token = rng.secret("ct_", 24);
        self.connections.push(Connection {
            tenant: tenant.to_owned(),
            token: token.clone(),
        });
        token
    }
}

fn load(file: &FixtureFile) -> Result<Store, FixtureError> {
    let store: Store = file.parse()?;
    if store.api_keys.is_empty() {
        return Err(file.record_error("apiKeys", "a project needs at least one API key"));
    }
    for (i, c) in store.connections.iter().enumerate() {
        if store.connections[..i].iter().any(|o| o.token == c.token) {
            return Err(file.record_error(format!("connections[{i}]"), "duplicate token"));
        }
    }
    Ok(store)
}

/// A project from a fixture set; fresh key and token secrets unless `well_known_credentials`.
pub fn build(
    fixtures: &FixtureSet,
    seed: u64,
    clock: &Clock,
    well_known_credentials: bool,
) -> Result<PanoraTenant, FixtureError> {
    let mut rng = SeededRng::new(seed);
    let mut store = match fixtures.file(Vendor::Panora)? {
        Some(file) => load(&file)?,
        None => Store {
            project: Project {
                name: "Sandbox project".into(),
            },
            ..Store::default()
        },
    };
    if !well_known_credentials || store.api_keys.is_empty() {
        store.api_keys = vec![ApiKey {
            key: rng.secret("pk_", 32),
            created_at: clock.now(),
        }];
        for c in &mut store.connections {
            c.token = rng.secret("ct_", 24);
        }
    }
    Ok(TenantState::new(store, rng))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialRequest {}

impl VendorStore for Store {
    fn snapshot(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    fn from_snapshot(label: &str, snapshot: &Value) -> Result<Self, FixtureError> {
        load(&FixtureFile::text(label, snapshot.to_string()))
    }

    fn credentials(&self) -> Value {
        let tokens: BTreeMap<&str, &str> = self
            .connections
            .iter()
            .map(|c| (c.tenant.as_str(), c.token.as_str()))
            .collect();
        json!({
            "api_key": self.api_keys.first().map(|k| k.key.as_str()),
            "connection_tokens": tokens,
        })
    }

    fn credential_keys(&self) -> Vec<String> {
        self.api_keys.iter().map(|k| k.key.clone()).collect()
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        BTreeMap::from([
            ("api_keys", self.api_keys.len()),
            ("connections", self.connections.len()),
            ("field_mappings", self.field_mappings.len()),
        ])
    }

    fn add_credential(
        &mut self,
        request: &Value,
        rng: &mut SeededRng,
        now: DateTime<Utc>,
    ) -> Result<Value, AdminError> {
        let _: CredentialRequest = from_value(request.clone()).map_err(AdminError::from)?;
        let key = rng.secret("pk_", 32);
        self.api_keys.push(ApiKey {
            key: key.clone(),
            created_at: now,
        });
        Ok(json!({"credentials": {"api_key": key}, "user_id": null}))
    }
}

/// `fixtures generate --vendor panora`: a project with one key, linked to the default tenant
/// of every other vendor (Panora holds no records of its own).
pub fn generate(seed: u64) -> Value {
    let mut rng = SeededRng::new(seed);
    let mut store = Store {
        project: Project {
            name: "Generated project".into(),
        },
        api_keys: vec![ApiKey {
            key: rng.secret("pk_", 32),
            created_at: DateTime::<Utc>::UNIX_EPOCH,
        }],
        ..Store::default()
    };
    for vendor in Vendor::ALL.into_iter().filter(|v| *v != Vendor::Panora) {
        store.link(&format!("{vendor}-default"), &mut rng);
    }
    store.snapshot()
}
