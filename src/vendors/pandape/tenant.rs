//! A Pandapé company as a sandbox tenant: its store, fixture loading through the rules, API
//! clients and the access tokens they obtain.

use super::error::PandapeError;
use super::model::{
    CustomField, DataSourceItem, Permissions, Precollaborator, Request, RequestMatch, User,
    UserRole, Vacancy,
};
use super::rules;
use super::store::{AccessToken, ApiClient, Change, Sequences, Store};
use crate::admin::AdminError;
use crate::clock::Clock;
use crate::fixtures::{FixtureError, FixtureFile, FixtureSet};
use crate::http::from_value;
use crate::ids::SeededRng;
use crate::tenancy::{TenantState, VendorStore};
use crate::vendors::Vendor;
use chrono::Duration;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Scopes a client may ask for.
pub const SCOPES: &[&str] = &["PandapeApi", "ExternalRequestApi"];
/// Lifetime of an access token, in seconds.
pub const TOKEN_LIFETIME: i64 = 3600;

/// Index keys: clients and tokens share the vendor's credential index.
pub fn client_key(client_id: &str) -> String {
    format!("client:{client_id}")
}

pub fn token_key(token: &str) -> String {
    format!("token:{token}")
}

/// The fixture file `<set>/pandape.json` (camelCase, as the API answers). A tenant snapshot is
/// the same document with the id `sequences` and the live `tokens`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(super) struct FixtureDoc {
    pub(super) company: Company,
    pub(super) users: Vec<User>,
    #[serde(default)]
    pub(super) clients: Vec<ApiClient>,
    #[serde(default)]
    pub(super) datasource_items: Vec<DataSourceItem>,
    #[serde(default)]
    pub(super) custom_fields: Vec<CustomField>,
    #[serde(default)]
    pub(super) vacancies: Vec<Vacancy>,
    #[serde(default)]
    pub(super) requests: Vec<Request>,
    #[serde(default)]
    pub(super) matches: Vec<RequestMatch>,
    #[serde(default)]
    pub(super) precollaborators: Vec<Precollaborator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) sequences: Option<Sequences>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) tokens: Vec<TokenRecord>,
}

#[derive(Debug, Deserialize, Serialize)]
pub(super) struct Company {
    pub(super) name: String,
}

/// An access token in a snapshot.
#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TokenRecord {
    pub(super) token: String,
    pub(super) client_id: String,
    pub(super) user_id: u64,
    pub(super) scope: String,
    pub(super) expires_at: chrono::DateTime<chrono::Utc>,
}

/// What `/connect/token` answers.
#[derive(Debug, Serialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub expires_in: i64,
    pub token_type: &'static str,
    pub scope: String,
}

/// An OAuth2 token-endpoint refusal (`invalid_client`, `invalid_scope`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthError(pub &'static str);

/// A Pandapé company as a tenant.
pub type PandapeTenant = TenantState<Store>;

fn load(file: FixtureFile) -> Result<Store, FixtureError> {
    let doc: FixtureDoc = file.parse()?;
    let mut store = Store::default();
    store.company_name = doc.company.name;
    for item in doc.datasource_items {
        store.datasource_items.insert(item.id, item);
    }
    for field in doc.custom_fields {
        store.custom_fields.insert(field.id, field);
    }
    for (i, user) in doc.users.into_iter().enumerate() {
        let record = format!("users[{i}] (id {})", user.id);
        if store.users.contains_key(&user.id) {
            return Err(file.record_error(record, "duplicate id"));
        }
        rules::validate_user(&store, &user)
            .map_err(|e| file.record_error(&record, e.to_string()))?;
        store.apply(vec![Change::PutUser(user)]);
    }
    if !store
        .users
        .values()
        .any(|u| u.is_active && u.role == UserRole::Administrator)
    {
        return Err(file.error("no active Company_Administrator: a company needs one"));
    }
    let user_exists = |store: &Store, id: u64| store.users.contains_key(&id);
    for (i, vacancy) in doc.vacancies.into_iter().enumerate() {
        if !user_exists(&store, vacancy.id_user) {
            return Err(file.record_error(
                format!("vacancies[{i}] (id {})", vacancy.id),
                format!("unknown user {}", vacancy.id_user),
            ));
        }
        store.apply(vec![Change::PutVacancy(vacancy)]);
    }
    for (i, request) in doc.requests.into_iter().enumerate() {
        if !user_exists(&store, request.id_user) {
            return Err(file.record_error(
                format!("requests[{i}] (id {})", request.id),
                format!("unknown user {}", request.id_user),
            ));
        }
        store.apply(vec![Change::PutRequest(request)]);
    }
    for (i, m) in doc.matches.into_iter().enumerate() {
        if !store.requests.contains_key(&m.id_request) {
            return Err(file.record_error(
                format!("matches[{i}] (id {})", m.id),
                format!("unknown request {}", m.id_request),
            ));
        }
        store.apply(vec![Change::PutMatch(m)]);
    }
    for p in doc.precollaborators {
        store.precollaborators.insert(p.id, p);
    }
    for (i, client) in doc.clients.into_iter().enumerate() {
        if !user_exists(&store, client.user_id) {
            return Err(file.record_error(
                format!("clients[{i}]"),
                format!("unknown user {}", client.user_id),
            ));
        }
        store.apply(vec![Change::PutClient(client)]);
    }
    if let Some(sequences) = doc.sequences {
        let next = &mut store.sequences;
        next.user = next.user.max(sequences.user);
        next.vacancy = next.vacancy.max(sequences.vacancy);
        next.request = next.request.max(sequences.request);
        next.request_match = next.request_match.max(sequences.request_match);
    }
    for t in doc.tokens {
        store.tokens.insert(
            t.token,
            AccessToken {
                client_id: t.client_id,
                user_id: t.user_id,
                scope: t.scope,
                expires_at: t.expires_at,
            },
        );
    }
    Ok(store)
}

fn snapshot(store: &Store) -> Value {
    let doc = FixtureDoc {
        company: Company {
            name: store.company_name.clone(),
        },
        users: store.users.values().cloned().collect(),
        clients: store.clients.values().cloned().collect(),
        datasource_items: store.datasource_items.values().cloned().collect(),
        custom_fields: store.custom_fields.values().cloned().collect(),
        vacancies: store.vacancies.values().cloned().collect(),
        requests: store.requests.values().cloned().collect(),
        matches: store.matches.values().cloned().collect(),
        precollaborators: store.precollaborators.values().cloned().collect(),
        sequences: Some(store.sequences.clone()),
        tokens: {
            let mut tokens: Vec<TokenRecord> = store
                .tokens
                .iter()
                .map(|(token, t)| TokenRecord {
                    token: token.clone(),
                    client_id: t.client_id.clone(),
                    user_id: t.user_id,
                    scope: t.scope.clone(),
                    expires_at: t.expires_at,
                })
                .collect();
            tokens.sort_by(|a, b| a.token.cmp(&b.token));
            tokens
        },
    };
    serde_json::to_value(doc).unwrap_or_default()
}

/// A store from a snapshot document, validated like a fixture.
fn store_from_snapshot(label: &str, snapshot: &Value) -> Result<Store, FixtureError> {
    load(FixtureFile::text(label, snapshot.to_string()))
}

fn minimal(clock: &Clock) -> Store {
    let now = clock.now();
    let mut store = Store::default();
    store.company_name = "Sandbox Company".into();
    store.apply(vec![Change::PutUser(User {
        id: 1,
        name: "Company".into(),
        surname: "Administrator".into(),
        email: "admin@example.com".into(),
        phone: None,
        role: UserRole::Administrator,
        is_active: true,
        permissions: Permissions {
            is_allowed_to_publish: true,
            is_request_manager: true,
            is_onboarding_manager: true,
            is_allowed_to_request: true,
            is_allowed_to_change_request_flow: true,
            is_allowed_to_override_request: true,
            is_allowed_to_prime: true,
        },
        created_at: now,
        updated_at: now,
    })]);
    store
}

fn new_client(rng: &mut SeededRng, user_id: u64) -> ApiClient {
    ApiClient {
        client_id: rng.secret("pandape-", 16),
        client_secret: rng.secret("", 40),
        user_id,
    }
}

/// Body of `POST /_sandbox/tenants/{id}/credentials` for Pandapé.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialRequest {
    role: Option<UserRole>,
    user_id: Option<u64>,
    /// Flags of the new user (camelCase, as the API answers them).
    permissions: Option<Permissions>,
}

/// A company from a fixture set. With `well_known_credentials` the fixture's clients are kept
/// as written; otherwise each gets fresh secrets from `seed`.
pub fn build(
    fixtures: &FixtureSet,
    seed: u64,
    clock: &Clock,
    well_known_credentials: bool,
) -> Result<PandapeTenant, FixtureError> {
    let mut rng = SeededRng::new(seed);
    let mut store = match fixtures.file(Vendor::Pandape)? {
        Some(file) => load(file)?,
        None => minimal(clock),
    };
    if !well_known_credentials {
        let users: Vec<u64> = store.clients.values().map(|c| c.user_id).collect();
        store.clients.clear();
        for user_id in users {
            store.apply(vec![Change::PutClient(new_client(&mut rng, user_id))]);
        }
    }
    if store.clients.is_empty() {
        let admin = store
            .users
            .values()
            .find(|u| u.is_active && u.role == UserRole::Administrator)
            .map_or(1, |u| u.id);
        store.apply(vec![Change::PutClient(new_client(&mut rng, admin))]);
    }
    Ok(TenantState::new(store, rng))
}

impl PandapeTenant {
    /// The client-credentials grant: checks the client and scope, stores and returns a token.
    pub fn issue_token(
        &self,
        client_id: &str,
        client_secret: &str,
        scope: Option<&str>,
        clock: &Clock,
    ) -> Result<TokenResponse, OAuthError> {
        let mut store = self.write();
        let client = store
            .clients
            .get(client_id)
            .filter(|c| c.client_secret == client_secret)
            .ok_or(OAuthError("invalid_client"))?;
        if !store
            .users
            .get(&client.user_id)
            .is_some_and(|u| u.is_active)
        {
            return Err(OAuthError("invalid_client"));
        }
        let scope = match scope.map(str::trim).filter(|s| !s.is_empty()) {
            None => SCOPES[0].to_owned(),
            Some(requested) => {
                if requested.split_whitespace().any(|s| !SCOPES.contains(&s)) {
                    return Err(OAuthError("invalid_scope"));
                }
                requested.to_owned()
            }
        };
        let user_id = client.user_id;
        let now = clock.now();
        // Keep the token table small: drop what has expired.
        if store.tokens.len() > 1024 {
            store.tokens.retain(|_, t| t.expires_at > now);
        }
        let token = self.rng().secret("", 48);
        store.tokens.insert(
            token.clone(),
            AccessToken {
                client_id: client_id.to_owned(),
                user_id,
                scope: scope.clone(),
                expires_at: now + Duration::seconds(TOKEN_LIFETIME),
            },
        );
        Ok(TokenResponse {
            access_token: token,
            expires_in: TOKEN_LIFETIME,
            token_type: "Bearer",
            scope,
        })
    }
}

impl VendorStore for Store {
    fn unified(state: &PandapeTenant) -> Option<&dyn crate::vendors::unified::UnifiedAts> {
        Some(state)
    }

    fn credentials(&self) -> Value {
        let store = self;
        let admin_client = store.clients.values().find(|c| {
            store
                .users
                .get(&c.user_id)
                .is_some_and(|u| u.is_active && u.role == UserRole::Administrator)
        });
        match admin_client.or_else(|| store.clients.values().next()) {
            Some(c) => {
                json!({"client_id": c.client_id, "client_secret": c.client_secret, "scope": SCOPES[0]})
            }
            None => json!({}),
        }
    }

    fn credential_keys(&self) -> Vec<String> {
        let store = self;
        store
            .clients
            .keys()
            .map(|c| client_key(c))
            .chain(store.tokens.keys().map(|t| token_key(t)))
            .collect()
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        let store = self;
        BTreeMap::from([
            ("users", store.users.len()),
            ("vacancies", store.vacancies.len()),
            ("requests", store.requests.len()),
            ("request_matches", store.matches.len()),
            ("custom_fields", store.custom_fields.len()),
            ("datasource_items", store.datasource_items.len()),
            ("precollaborators", store.precollaborators.len()),
            ("clients", store.clients.len()),
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
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Value, AdminError> {
        let request: CredentialRequest = from_value(request.clone()).map_err(AdminError::from)?;
        let store = self;
        let user_id = match (request.user_id, request.role) {
            (Some(id), _) => {
                let user = store.users.get(&id).ok_or_else(|| {
                    AdminError::field("user_id", format!("no user {id} in this tenant"))
                })?;
                if !user.is_active {
                    return Err(AdminError::field(
                        "user_id",
                        format!("user {id} is inactive"),
                    ));
                }
                id
            }
            (None, Some(role)) => {
                let name = rng.first_name();
                let surname = rng.last_name();
                let id = store.sequences.user;
                let user = User {
                    id,
                    email: format!(
                        "{}.{}.{id}@example.com",
                        name.to_lowercase(),
                        surname.to_lowercase()
                    ),
                    name,
                    surname,
                    phone: Some(rng.phone()),
                    role,
                    is_active: true,
                    permissions: request.permissions.unwrap_or_default(),
                    created_at: now,
                    updated_at: now,
                };
                rules::validate_user(store, &user)
                    .map_err(|e: PandapeError| AdminError::field("permissions", e.to_string()))?;
                store.apply(vec![Change::PutUser(user)]);
                id
            }
            (None, None) => {
                let roles: Vec<&str> = UserRole::ALL.iter().map(|r| r.name()).collect();
                return Err(AdminError::field(
                    "role",
                    format!("give a role ({}) or a user_id", roles.join(", ")),
                ));
            }
        };
        let client = new_client(rng, user_id);
        store.apply(vec![Change::PutClient(client.clone())]);
        Ok(json!({
            "credentials": {"client_id": client.client_id, "client_secret": client.client_secret, "scope": SCOPES[0]},
            "user_id": user_id,
        }))
    }
}
