//! An ATS Anywhere company as a sandbox tenant: its store behind one lock, the state it was
//! created with (for reset), fixture loading through the rules, and extra credentials.

use super::error::AtsError;
use super::model::{AdminLevel, Application, Job, Note, Site, User, UserInput};
use super::rules;
use super::store::{ApiCredential, Change, Company, Sequences, Store};
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

/// The fixture file `<set>/atsanywhere.json`: records with their ids and timestamps. A tenant
/// snapshot is the same document with the id `sequences`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FixtureDoc {
    pub(super) company: Company,
    #[serde(default)]
    pub(super) sites: Vec<Site>,
    #[serde(default)]
    pub(super) jobs: Vec<Job>,
    pub(super) users: Vec<User>,
    #[serde(default)]
    pub(super) applications: Vec<Application>,
    #[serde(default)]
    pub(super) notes: Vec<Note>,
    #[serde(default)]
    pub(super) credentials: Vec<ApiCredential>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) sequences: Option<Sequences>,
}

/// An ATS Anywhere company as a tenant.
pub type AtsAnywhereTenant = TenantState<Store>;

fn describe(problem: AtsError) -> String {
    problem.to_string()
}

/// Loads a fixture file record by record through the same checks as API writes.
fn load(file: FixtureFile) -> Result<Store, FixtureError> {
    let doc: FixtureDoc = file.parse()?;
    let mut store = Store::default();
    store.company = doc.company;
    for (i, site) in doc.sites.into_iter().enumerate() {
        if store.sites.contains_key(&site.id) {
            return Err(file.record_error(format!("sites[{i}] (id {})", site.id), "duplicate id"));
        }
        store.apply(vec![Change::PutSite(site)]);
    }
    for (i, job) in doc.jobs.into_iter().enumerate() {
        let record = format!("jobs[{i}] (id {})", job.id);
        if store.jobs.contains_key(&job.id) {
            return Err(file.record_error(record, "duplicate id"));
        }
        rules::check_job(&store, &job).map_err(|e| file.record_error(&record, describe(e)))?;
        store.apply(vec![Change::PutJob(job)]);
    }
    for (i, user) in doc.users.into_iter().enumerate() {
        let record = format!("users[{i}] (id {})", user.id);
        if store.users.contains_key(&user.id) {
            return Err(file.record_error(record, "duplicate id"));
        }
        let errors = rules::validate_user(&store, &user);
        if !errors.is_empty() {
            return Err(file.record_error(record, describe(AtsError::Validation(errors))));
        }
        if user.admin_level == AdminLevel::AccountOwner {
            if let Some(owner) = store.owner_id() {
                return Err(file.record_error(
                    record,
                    format!("a second AccountOwner: user {owner} already is the company's one AccountOwner"),
                ));
            }
            if !user.active {
                return Err(file.record_error(record, "the AccountOwner must be active"));
            }
        }
        store.apply(vec![Change::PutUser(user)]);
    }
    if store.owner_id().is_none() {
        return Err(file.error("no AccountOwner: every company must have exactly one user with admin_level AccountOwner"));
    }
    for (i, app) in doc.applications.into_iter().enumerate() {
        let record = format!("applications[{i}] (id {})", app.id);
        if store.applications.contains_key(&app.id) {
            return Err(file.record_error(record, "duplicate id"));
        }
        rules::check_application(&store, &app)
            .map_err(|e| file.record_error(&record, describe(e)))?;
        store.apply(vec![Change::PutApplication(app)]);
    }
    for (i, note) in doc.notes.into_iter().enumerate() {
        let record = format!("notes[{i}] (id {})", note.id);
        let app = store.applications.get(&note.app_id);
        if app.is_none_or(|app| app.job_id != note.job_id) {
            return Err(file.record_error(
                record,
                "app_id and job_id must name an application of that job",
            ));
        }
        if !store.users.contains_key(&note.user_id) {
            return Err(file.record_error(record, format!("unknown user {}", note.user_id)));
        }
        store.apply(vec![Change::PutNote(note)]);
    }
    for (i, credential) in doc.credentials.into_iter().enumerate() {
        let record = format!("credentials[{i}]");
        if !store.users.contains_key(&credential.user_id) {
            return Err(file.record_error(record, format!("unknown user {}", credential.user_id)));
        }
        if store.credentials.contains_key(&credential.api_key) {
            return Err(file.record_error(record, "duplicate api_key"));
        }
        store.apply(vec![Change::PutCredential(credential)]);
    }
    if let Some(sequences) = doc.sequences {
        let next = &mut store.sequences;
        next.user = next.user.max(sequences.user);
        next.site = next.site.max(sequences.site);
        next.job = next.job.max(sequences.job);
        next.application = next.application.max(sequences.application);
        next.note = next.note.max(sequences.note);
    }
    Ok(store)
}

/// The whole state as a snapshot document (the fixture format plus `sequences`).
fn snapshot(store: &Store) -> Value {
    let doc = FixtureDoc {
        company: store.company.clone(),
        sites: store.sites.values().cloned().collect(),
        jobs: store.jobs.values().cloned().collect(),
        users: store.users.values().cloned().collect(),
        applications: store.applications.values().cloned().collect(),
        notes: store.notes.values().cloned().collect(),
        credentials: store.credentials.values().cloned().collect(),
        sequences: Some(store.sequences.clone()),
    };
    serde_json::to_value(doc).unwrap_or_default()
}

/// A store from a snapshot document, validated like a fixture.
fn store_from_snapshot(label: &str, snapshot: &Value) -> Result<Store, FixtureError> {
    load(FixtureFile::text(label, snapshot.to_string()))
}

/// The least a company needs to answer at all: itself and its AccountOwner.
fn minimal(clock: &Clock) -> Store {
    let now = clock.now();
    let mut store = Store::default();
    store.company = Company {
        name: "Sandbox Company".into(),
    };
    store.apply(vec![Change::PutUser(User {
        id: 1,
        first_name: "Account".into(),
        last_name: "Owner".into(),
        email: "owner@example.com".into(),
        phone: None,
        admin_level: AdminLevel::AccountOwner,
        assigned_job_ids: vec![],
        assigned_site_ids: vec![],
        active: true,
        created_at: now,
        updated_at: now,
    })]);
    store
}

fn new_credential(rng: &mut SeededRng, user_id: u64) -> ApiCredential {
    ApiCredential {
        api_key: rng.secret("atsa_", 24),
        api_password: rng.secret("", 32),
        user_id,
    }
}

/// Body of `POST /_sandbox/tenants/{id}/credentials` for ATS Anywhere.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialRequest {
    #[serde(alias = "admin_level")]
    role: Option<AdminLevel>,
    user_id: Option<u64>,
}

/// A company from a fixture set. With `well_known_credentials` the fixture's credentials are
/// kept as written; otherwise each gets fresh secrets from `seed`.
pub fn build(
    fixtures: &FixtureSet,
    seed: u64,
    clock: &Clock,
    well_known_credentials: bool,
) -> Result<AtsAnywhereTenant, FixtureError> {
    let mut rng = SeededRng::new(seed);
    let mut store = match fixtures.file(Vendor::AtsAnywhere)? {
        Some(file) => load(file)?,
        None => minimal(clock),
    };
    if !well_known_credentials {
        let users: Vec<u64> = store.credentials.values().map(|c| c.user_id).collect();
        store.credentials.clear();
        for user_id in users {
            store.apply(vec![Change::PutCredential(new_credential(
                &mut rng, user_id,
            ))]);
        }
    }
    let owner = store.owner_id().unwrap_or(1);
    if !store.credentials.values().any(|c| c.user_id == owner) {
        store.apply(vec![Change::PutCredential(new_credential(&mut rng, owner))]);
    }
    Ok(TenantState::new(store, rng))
}

impl VendorStore for Store {
    fn unified(state: &AtsAnywhereTenant) -> Option<&dyn crate::vendors::unified::UnifiedAts> {
        Some(state)
    }

    fn credentials(&self) -> Value {
        let store = self;
        let owner = store.owner_id();
        let credential = store
            .credentials
            .values()
            .find(|c| Some(c.user_id) == owner)
            .or_else(|| store.credentials.values().next());
        match credential {
            Some(c) => json!({"api_key": c.api_key, "api_password": c.api_password}),
            None => json!({}),
        }
    }

    fn credential_keys(&self) -> Vec<String> {
        self.credentials.keys().cloned().collect()
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        let store = self;
        BTreeMap::from([
            ("users", store.users.len()),
            ("sites", store.sites.len()),
            ("jobs", store.jobs.len()),
            ("applications", store.applications.len()),
            ("notes", store.notes.len()),
            ("credentials", store.credentials.len()),
        ])
    }

    fn snapshot(&self) -> Value {
        snapshot(self)
    }

    fn from_snapshot(label: &str, snapshot: &Value) -> Result<Self, FixtureError> {
        store_from_snapshot(label, snapshot)
    }

    fn add_credential(
        &mut self,
        request: &Value,
        rng: &mut SeededRng,
        now: DateTime<Utc>,
    ) -> Result<Value, AdminError> {
        let request: CredentialRequest = from_value(request.clone()).map_err(AdminError::from)?;
        let store = self;
        let user_id = match (request.user_id, request.role) {
            (Some(id), role) => {
                let user = store
                    .users
                    .get(&id)
                    .ok_or_else(|| AdminError::field("user_id", format!("no user {id} in this tenant")))?;
                if !user.active {
                    return Err(AdminError::field("user_id", format!("user {id} is inactive")));
                }
                if role.is_some_and(|r| r != user.admin_level) {
                    return Err(AdminError::field(
                        "role",
                        format!("user {id} is {:?}; omit role or change the user through the API", user.admin_level),
                    ));
                }
                id
            }
            (None, Some(role)) => {
                let owner = store
                    .owner_id()
                    .and_then(|id| store.users.get(&id))
                    .cloned()
                    .ok_or_else(|| AdminError::conflict("the company has no AccountOwner"))?;
                let first = rng.first_name();
                let last = rng.last_name();
                let email = format!(
                    "{}.{}.{}@example.com",
                    first.to_lowercase(),
                    last.to_lowercase(),
                    store.sequences.user
                );
                let input = UserInput {
                    first_name: Some(first),
                    last_name: Some(last),
                    email: Some(email),
                    phone: Some(rng.phone()),
                    admin_level: Some(role),
                    ..Default::default()
                };
                let (changes, id) = rules::create_user(store, &owner, input, now)
                    .map_err(|e| AdminError::field("role", e.to_string()))?;
                store.apply(changes);
                id
            }
            (None, None) => {
                return Err(AdminError::field(
                    "role",
                    "give a role (an admin_level: AccountOwner, Admin, Basic, Limited, ReadOnly) or a user_id",
                ))
            }
        };
        let credential = new_credential(rng, user_id);
        store.apply(vec![Change::PutCredential(credential.clone())]);
        Ok(json!({
            "credentials": {"api_key": credential.api_key, "api_password": credential.api_password},
            "user_id": user_id,
        }))
    }
}
