//! One Pandapé company's state and its indexes (users by lowercased email, matches by request).
//! Rules decide, returning [`Change`]s; [`Store::apply`] writes them.

use super::model::{
    CustomField, DataSourceItem, Precollaborator, Request, RequestMatch, User, Vacancy,
};
use chrono::{DateTime, Utc};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An API client (OAuth2 client credentials); its tokens act as `user_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiClient {
    pub client_id: String,
    pub client_secret: String,
    pub user_id: u64,
}

/// An access token handed out by `/connect/token`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessToken {
    pub client_id: String,
    pub user_id: u64,
    pub scope: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sequences {
    pub user: u64,
    pub vacancy: u64,
    pub request: u64,
    pub request_match: u64,
}

impl Default for Sequences {
    fn default() -> Self {
        Self {
            user: 1,
            vacancy: 1,
            request: 1,
            request_match: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    PutUser(User),
    PutVacancy(Vacancy),
    PutRequest(Request),
    PutMatch(RequestMatch),
    PutClient(ApiClient),
}

pub type Changes = Vec<Change>;

#[derive(Debug, Clone, Default)]
pub struct Store {
    pub company_name: String,
    pub users: IndexMap<u64, User>,
    pub vacancies: IndexMap<u64, Vacancy>,
    pub requests: IndexMap<u64, Request>,
    pub matches: IndexMap<u64, RequestMatch>,
    pub custom_fields: IndexMap<u64, CustomField>,
    pub datasource_items: IndexMap<u64, DataSourceItem>,
    pub precollaborators: IndexMap<u64, Precollaborator>,
    /// By client id.
    pub clients: IndexMap<String, ApiClient>,
    /// By token.
    pub tokens: HashMap<String, AccessToken>,
    pub sequences: Sequences,
    users_by_email: HashMap<String, u64>,
    matches_by_request: HashMap<u64, Vec<u64>>,
}

pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    pub fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users_by_email
            .get(&email_key(email))
            .and_then(|id| self.users.get(id))
    }

    pub fn matches_of_request(&self, request: u64) -> impl Iterator<Item = &RequestMatch> {
        self.matches_by_request
            .get(&request)
            .into_iter()
            .flatten()
            .filter_map(|id| self.matches.get(id))
    }

    /// Whether `id` is an item of data source `datasource`.
    pub fn is_item_of(&self, id: u64, datasource: u64) -> bool {
        self.datasource_items
            .get(&id)
            .is_some_and(|item| item.id_datasource == datasource)
    }

    pub fn apply(&mut self, changes: Changes) {
        for change in changes {
            match change {
                Change::PutUser(user) => {
                    self.sequences.user = self.sequences.user.max(user.id + 1);
                    if let Some(old) = self.users.get(&user.id) {
                        self.users_by_email.remove(&email_key(&old.email));
                    }
                    self.users_by_email.insert(email_key(&user.email), user.id);
                    self.users.insert(user.id, user);
                }
                Change::PutVacancy(vacancy) => {
                    self.sequences.vacancy = self.sequences.vacancy.max(vacancy.id + 1);
                    self.vacancies.insert(vacancy.id, vacancy);
                }
                Change::PutRequest(request) => {
                    self.sequences.request = self.sequences.request.max(request.id + 1);
                    self.requests.insert(request.id, request);
                }
                Change::PutMatch(m) => {
                    self.sequences.request_match = self.sequences.request_match.max(m.id + 1);
                    if !self.matches.contains_key(&m.id) {
                        self.matches_by_request
                            .entry(m.id_request)
                            .or_default()
                            .push(m.id);
                    }
                    self.matches.insert(m.id, m);
                }
                Change::PutClient(client) => {
                    self.clients.insert(client.client_id.clone(), client);
                }
            }
        }
    }
}
