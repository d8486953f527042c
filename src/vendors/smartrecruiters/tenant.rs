//! A SmartRecruiters company as a sandbox tenant: fixture loading through the rules, snapshots,
//! API keys, OAuth2 clients and the access tokens they obtain.

use super::error::SrError;
use super::model::*;
use super::store::{AccessToken, ApiClient, ApiKey, Change, SourceValue, Store, Table};
use super::user_rules::validate_user;
use crate::admin::AdminError;
use crate::clock::Clock;
use crate::fixtures::{FixtureError, FixtureFile, FixtureSet};
use crate::http::from_value;
use crate::ids::SeededRng;
use crate::tenancy::{TenantState, VendorStore};
use crate::vendors::Vendor;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Lifetime of an access token, in seconds.
pub const TOKEN_LIFETIME: i64 = 1800;

/// Index keys: API keys, clients and tokens share the vendor's credential index.
pub fn key_key(key: &str) -> String {
    format!("key:{key}")
}

pub fn client_key(client_id: &str) -> String {
    format!("client:{client_id}")
}

pub fn token_key(token: &str) -> String {
    format!("token:{token}")
}

/// The fixture file `<set>/smartrecruiters.json`. A tenant snapshot is the same document with
/// the live `tokens` and the sent `emails`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(super) struct FixtureDoc {
    company: Company,
    users: Vec<User>,
    #[serde(default)]
    access_groups: Vec<AccessGroup>,
    #[serde(default)]
    departments: Vec<Department>,
    #[serde(default)]
    locations: Vec<Location>,
    #[serde(default)]
    hiring_processes: Vec<HiringProcess>,
    #[serde(default)]
    rejection_reasons: Vec<Labeled>,
    #[serde(default)]
    withdrawal_reasons: Vec<Labeled>,
    #[serde(default)]
    sources: Vec<SourceValue>,
    #[serde(default)]
    offer_properties: Vec<Value>,
    #[serde(default)]
    job_properties: Vec<JobProperty>,
    #[serde(default)]
    candidate_properties: Vec<CandidateProperty>,
    #[serde(default)]
    jobs: Vec<Job>,
    /// Boxed, so the list holds pointers while it grows, not 100k records twice.
    #[allow(clippy::vec_box)]
    #[serde(default)]
    candidates: Vec<Box<Candidate>>,
    #[serde(default)]
    api_keys: Vec<ApiKey>,
    #[serde(default)]
    clients: Vec<ApiClient>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tokens: Vec<AccessToken>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    emails: Vec<SentEmail>,
}

/// What `/identity/oauth/token` answers.
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub token_type: &'static str,
    pub expires_in: i64,
}

/// A SmartRecruiters company as a tenant.
pub type SrTenant = TenantState<Store>;

fn load(file: &FixtureFile) -> Result<Store, FixtureError> {
    // Interned: the texts that repeat on every candidate (job ids, sources, screening questions,
    // cities) are held once.
    let doc: FixtureDoc = super::compact::interning(|| file.parse())?;
    let mut store = Store::new(doc.company);
    for g in doc.access_groups {
        store.apply(vec![Change::PutAccessGroup(g)]);
    }
    for (i, u) in doc.users.into_iter().enumerate() {
        let record = format!("users[{i}] (id {})", u.id);
        if store.users.contains(&u.id) {
            return Err(file.record_error(record, "duplicate id"));
        }
        validate_user(&store, &u).map_err(|e| file.record_error(&record, e.to_string()))?;
        store.apply(vec![Change::PutUser(u)]);
    }
    if !store
        .users
        .values()
        .any(|u| u.active && u.system_role == SystemRole::Administrator)
    {
        return Err(file.error("no active ADMINISTRATOR: a company needs one"));
    }
    for d in doc.departments {
        store.apply(vec![Change::PutDepartment(d)]);
    }
    for (i, l) in doc.locations.into_iter().enumerate() {
        if l.id.is_none() {
            return Err(file.record_error(
                format!("locations[{i}]"),
                "a predefined location needs an id",
            ));
        }
        store.apply(vec![Change::PutLocation(l)]);
    }
    for p in doc.hiring_processes {
        store.hiring_processes.insert(p.id.clone(), p);
    }
    for r in doc.rejection_reasons {
        store.rejection_reasons.insert(r.id.clone(), r);
    }
    for r in doc.withdrawal_reasons {
        store.withdrawal_reasons.insert(r.id.clone(), r);
    }
    for s in doc.sources {
        store.sources.insert(s.id.clone(), s);
    }
    store.offer_properties = doc.offer_properties;
    let properties = doc.job_properties;
    for p in &properties {
        store.apply(vec![Change::PutJobProperty(Box::new(p.clone()))]);
    }
    for (i, p) in properties.iter().enumerate() {
        super::config_rules::check_job_property(&store, p).map_err(|e| {
            file.record_error(format!("jobProperties[{i}] (id {})", p.id), e.to_string())
        })?;
    }
    for p in doc.candidate_properties {
        store.apply(vec![Change::PutCandidateProperty(Box::new(p))]);
    }
    for (i, job) in doc.jobs.into_iter().enumerate() {
        check_job(&store, &job)
            .map_err(|m| file.record_error(format!("jobs[{i}] (id {})", job.id), m))?;
        store.apply(vec![Change::PutJob(Box::new(job))]);
    }
    store.candidates = Table::with_capacity(doc.candidates.len());
    for (i, c) in doc.candidates.into_iter().enumerate() {
        check_candidate(&store, &c)
            .map_err(|m| file.record_error(format!("candidates[{i}] (id {})", c.id), m))?;
        store.apply(vec![Change::PutCandidate(c)]);
    }
    let user_ok = |store: &Store, id: &str| store.users.contains(id);
    for (i, k) in doc.api_keys.into_iter().enumerate() {
        if !user_ok(&store, &k.user_id) {
            return Err(file.record_error(
                format!("apiKeys[{i}]"),
                format!("unknown user {}", k.user_id),
            ));
        }
        store.api_keys.insert(k.key.clone(), k);
    }
    for (i, c) in doc.clients.into_iter().enumerate() {
        if !user_ok(&store, &c.user_id) {
            return Err(file.record_error(
                format!("clients[{i}]"),
                format!("unknown user {}", c.user_id),
            ));
        }
        store.clients.insert(c.client_id.clone(), c);
    }
    for t in doc.tokens {
        store.tokens.insert(t.token.clone(), t);
    }
    store.emails = doc.emails;
    Ok(store)
}

fn check_job(store: &Store, job: &Job) -> Result<(), String> {
    if store.jobs.contains(&job.id) {
        return Err("duplicate id".into());
    }
    if job.title.trim().is_empty() {
        return Err("title must not be blank".into());
    }
    if let Some(d) = job
        .department_id
        .as_ref()
        .filter(|d| !store.departments.contains_key(*d))
    {
        return Err(format!("unknown department {d}"));
    }
    if !store.users.contains(&job.creator_id) {
        return Err(format!("unknown creator {}", job.creator_id));
    }
    if let Some(m) = job
        .hiring_team
        .iter()
        .find(|m| !store.users.contains(&m.user_id))
    {
        return Err(format!("unknown hiring team member {}", m.user_id));
    }
    if let Some(a) = job
        .approvals
        .iter()
        .flat_map(|a| &a.approvers)
        .find(|a| !store.users.contains(&a.user_id))
    {
        return Err(format!("unknown approver {}", a.user_id));
    }
    if job.posting_status != super::ad_rules::posting_status(job) {
        return Err("postingStatus does not follow the job's ads".into());
    }
    if job.status == JobStatus::Other {
        return Err("status OTHER is not a state the sandbox keeps".into());
    }
    if job.status.stage().is_some_and(|s| s < job.reached_stage) {
        return Err(format!(
            "status {} is below its reachedStage {}",
            job.status, job.reached_stage
        ));
    }
    Ok(())
}

fn check_candidate(store: &Store, c: &Candidate) -> Result<(), String> {
    if store.candidates.contains(&c.id) {
        return Err("duplicate id".into());
    }
    if !crate::validation::is_valid_email(&c.email) {
        return Err(format!("'{}' is not a valid email address", c.email));
    }
    for a in &c.applications {
        if !store.jobs.contains(&a.job_id) {
            return Err(format!("unknown job {}", a.job_id));
        }
        if a.status == CandidateStatus::Rejected
            && !a
                .reason_of_rejection
                .as_ref()
                .is_some_and(|r| store.rejection_reasons.contains_key(r.as_str()))
        {
            return Err(format!(
                "REJECTED on job {} without a known rejection reason",
                a.job_id
            ));
        }
        if a.status == CandidateStatus::Withdrawn
            && !a
                .reason_of_withdrawal
                .as_ref()
                .is_some_and(|r| store.withdrawal_reasons.contains_key(r.as_str()))
        {
            return Err(format!(
                "WITHDRAWN on job {} without a known withdrawal reason",
                a.job_id
            ));
        }
        if a.history.last().map(|h| h.status) != Some(a.status) {
            return Err(format!(
                "the history on job {} does not end in its status",
                a.job_id
            ));
        }
    }
    Ok(())
}

fn snapshot(store: &Store) -> Value {
    let mut tokens: Vec<AccessToken> = store.tokens.values().cloned().collect();
    tokens.sort_by(|a, b| a.token.cmp(&b.token));
    let doc = FixtureDoc {
        company: store.company.clone(),
        users: store.users.values().cloned().collect(),
        access_groups: store.access_groups.values().cloned().collect(),
        departments: store.departments.values().cloned().collect(),
        locations: store.locations.values().cloned().collect(),
        hiring_processes: store.hiring_processes.values().cloned().collect(),
        rejection_reasons: store.rejection_reasons.values().cloned().collect(),
        withdrawal_reasons: store.withdrawal_reasons.values().cloned().collect(),
        sources: store.sources.values().cloned().collect(),
        offer_properties: store.offer_properties.clone(),
        job_properties: store.job_properties.values().cloned().collect(),
        candidate_properties: store.candidate_properties.values().cloned().collect(),
        jobs: store.jobs.values().cloned().collect(),
        candidates: store
            .candidates
            .values()
            .map(|c| Box::new(c.clone()))
            .collect(),
        api_keys: store.api_keys.values().cloned().collect(),
        clients: store.clients.values().cloned().collect(),
        tokens,
        emails: store.emails.clone(),
    };
    serde_json::to_value(doc).unwrap_or_default()
}

/// The company an `empty` tenant starts with: an administrator and the configuration the rules
/// need (a hiring process, rejection and withdrawal reasons, sources).
fn minimal(clock: &Clock) -> Store {
    let mut store = Store::new(Company {
        identifier: "SandboxCompany".into(),
        name: "Sandbox Company".into(),
        website: None,
        industry: None,
        location: None,
    });
    store.apply(vec![Change::PutUser(User {
        id: "000000000000000000000001".into(),
        email: "admin@example.com".into(),
        first_name: "Company".into(),
        last_name: "Administrator".into(),
        system_role: SystemRole::Administrator,
        external_data: None,
        sso_identifier: None,
        sso_login_mode: Some("PASSWORD".into()),
        language: default_language(),
        active: true,
        updated_on: clock.now(),
        access_groups: Vec::new(),
    })]);
    store.hiring_processes.insert(
        "default".into(),
        HiringProcess {
            id: "default".into(),
            name: "Default hiring process".into(),
            sub_statuses: BTreeMap::from([(
                "INTERVIEW".into(),
                vec!["Phone Screen".into(), "Onsite".into()],
            )]),
        },
    );
    for (id, label) in [("1", "Not qualified"), ("2", "Position filled")] {
        store.rejection_reasons.insert(
            id.into(),
            Labeled {
                id: id.into(),
                label: label.into(),
            },
        );
    }
    for (id, label) in [("1", "Accepted another offer"), ("2", "Not interested")] {
        store.withdrawal_reasons.insert(
            id.into(),
            Labeled {
                id: id.into(),
                label: label.into(),
            },
        );
    }
    store.sources.insert(
        "sr-referral".into(),
        SourceValue {
            id: "sr-referral".into(),
            label: "Employee referral".into(),
            source_type: "REFERRAL".into(),
        },
    );
    store
}

fn new_key(store: &mut Store, rng: &mut SeededRng, user_id: &str) -> (ApiKey, ApiClient) {
    let key = ApiKey {
        key: rng.secret("", 32),
        user_id: user_id.to_owned(),
    };
    let client = ApiClient {
        client_id: rng.uuid(),
        client_secret: rng.secret("", 40),
        user_id: user_id.to_owned(),
    };
    store.api_keys.insert(key.key.clone(), key.clone());
    store
        .clients
        .insert(client.client_id.clone(), client.clone());
    (key, client)
}

/// A company from a fixture set. With `well_known_credentials` the fixture's keys and clients
/// are kept as written; otherwise each gets fresh secrets from `seed`.
pub fn build(
    fixtures: &FixtureSet,
    seed: u64,
    clock: &Clock,
    well_known_credentials: bool,
) -> Result<SrTenant, FixtureError> {
    let mut rng = SeededRng::new(seed);
    let mut store = match fixtures.file(Vendor::SmartRecruiters)? {
        Some(file) => load(&file)?,
        None => minimal(clock),
    };
    if !well_known_credentials {
        let holders: Vec<String> = store.api_keys.values().map(|k| k.user_id.clone()).collect();
        store.api_keys.clear();
        store.clients.clear();
        for user_id in holders {
            new_key(&mut store, &mut rng, &user_id);
        }
    }
    if store.api_keys.is_empty() {
        let admin = store
            .users
            .values()
            .find(|u| u.active && u.system_role == SystemRole::Administrator)
            .map(|u| u.id.clone())
            .unwrap_or_default();
        new_key(&mut store, &mut rng, &admin);
    }
    Ok(TenantState::new(store, rng))
}

impl SrTenant {
    /// The client-credentials grant: checks the client, stores and returns a token.
    pub fn issue_token(
        &self,
        client_id: &str,
        client_secret: &str,
        clock: &Clock,
    ) -> Result<TokenResponse, SrError> {
        let mut store = self.write();
        let client = store
            .clients
            .get(client_id)
            .filter(|c| c.client_secret == client_secret)
            .ok_or_else(|| SrError::unauthorized("invalid client credentials"))?;
        let user_id = client.user_id.clone();
        if !store.users.get(&user_id).is_some_and(|u| u.active) {
            return Err(SrError::unauthorized("the client's user is deactivated"));
        }
        let now = clock.now();
        if store.tokens.len() > 1024 {
            store.tokens.retain(|_, t| t.expires_at > now);
        }
        let token = self.rng().secret("", 48);
        store.tokens.insert(
            token.clone(),
            AccessToken {
                token: token.clone(),
                user_id,
                expires_at: now + chrono::Duration::seconds(TOKEN_LIFETIME),
            },
        );
        Ok(TokenResponse {
            access_token: token,
            token_type: "bearer",
            expires_in: TOKEN_LIFETIME,
        })
    }
}

/// Body of `POST /_sandbox/tenants/{id}/credentials` for SmartRecruiters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialRequest {
    role: Option<String>,
    user_id: Option<String>,
}

impl VendorStore for Store {
    fn unified(state: &SrTenant) -> Option<&dyn crate::vendors::unified::UnifiedAts> {
        Some(state)
    }

    fn credentials(&self) -> Value {
        let admin_key = self.api_keys.values().find(|k| {
            self.users
                .get(&k.user_id)
                .is_some_and(|u| u.active && u.system_role == SystemRole::Administrator)
        });
        let Some(key) = admin_key.or_else(|| self.api_keys.values().next()) else {
            return json!({});
        };
        let client = self.clients.values().find(|c| c.user_id == key.user_id);
        json!({
            "api_key": key.key,
            "client_id": client.map(|c| c.client_id.clone()),
            "client_secret": client.map(|c| c.client_secret.clone()),
        })
    }

    fn credential_keys(&self) -> Vec<String> {
        self.api_keys
            .keys()
            .map(|k| key_key(k))
            .chain(self.clients.keys().map(|c| client_key(c)))
            .chain(self.tokens.keys().map(|t| token_key(t)))
            .collect()
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        BTreeMap::from([
            ("users", self.users.len()),
            ("jobs", self.jobs.len()),
            ("candidates", self.candidates.len()),
            ("departments", self.departments.len()),
            ("locations", self.locations.len()),
            ("api_keys", self.api_keys.len()),
            ("emails", self.emails.len()),
        ])
    }

    fn snapshot(&self) -> Value {
        snapshot(self)
    }

    fn from_snapshot(label: &str, snapshot: &Value) -> Result<Self, FixtureError> {
        load(&FixtureFile::text(label, snapshot.to_string()))
    }

    fn add_credential(
        &mut self,
        request: &Value,
        rng: &mut SeededRng,
        now: Time,
    ) -> Result<Value, AdminError> {
        let request: CredentialRequest = from_value(request.clone()).map_err(AdminError::from)?;
        let user_id = match (request.user_id, request.role) {
            (Some(id), _) => {
                let u = self
                    .users
                    .get(&id)
                    .ok_or_else(|| AdminError::field("user_id", format!("no user {id} in this tenant")))?;
                if !u.active {
                    return Err(AdminError::field("user_id", format!("user {id} is inactive")));
                }
                id
            }
            (None, Some(role)) => {
                let role = SystemRole::parse(&role).ok_or_else(|| {
                    AdminError::field(
                        "role",
                        "one of EMPLOYEE, RESTRICTED, STANDARD, EXTENDED, ADMINISTRATOR",
                    )
                })?;
                let first = rng.first_name();
                let last = rng.last_name();
                let id = rng.hex_id("", 24);
                let u = User {
                    email: format!("{}.{}.{}@example.com", first.to_lowercase(), last.to_lowercase(), &id[..6]),
                    id: id.clone(),
                    first_name: first,
                    last_name: last,
                    system_role: role,
                    external_data: None,
                    sso_identifier: None,
                    sso_login_mode: Some("PASSWORD".into()),
                    language: default_language(),
                    active: true,
                    updated_on: now,
                    access_groups: Vec::new(),
                };
                validate_user(self, &u).map_err(|e| AdminError::field("role", e.to_string()))?;
                self.apply(vec![Change::PutUser(u)]);
                id
            }
            (None, None) => {
                return Err(AdminError::field(
                    "role",
                    "give a role (EMPLOYEE, RESTRICTED, STANDARD, EXTENDED, ADMINISTRATOR) or a user_id",
                ))
            }
        };
        let (key, client) = new_key(self, rng, &user_id);
        Ok(json!({
            "credentials": {"api_key": key.key, "client_id": client.client_id, "client_secret": client.client_secret},
            "user_id": user_id,
        }))
    }
}
