//! One ATS Anywhere company's state, with the indexes that keep lookups O(1): records by id
//! (insertion-ordered, so a page of an unfiltered list is a slice), users by lowercased email,
//! jobs by reference number, applications by job, and the current AccountOwner.
//!
//! The store never decides anything: rules (in `rules.rs`) read it and return [`Changes`], and
//! [`Store::apply`] writes them and keeps the indexes in step.

use super::model::{AdminLevel, Application, Job, Note, Site, User};
use indexmap::{IndexMap, IndexSet};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An API credential: the key/password pair and the user it acts as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiCredential {
    pub api_key: String,
    pub api_password: String,
    pub user_id: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub name: String,
}

/// The next id of each record kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequences {
    pub user: u64,
    pub site: u64,
    pub job: u64,
    pub application: u64,
    pub note: u64,
}

impl Default for Sequences {
    fn default() -> Self {
        Self {
            user: 1,
            site: 1,
            job: 1,
            application: 1,
            note: 1,
        }
    }
}

/// A write a rule has decided on.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    PutUser(User),
    DeleteUser(u64),
    PutSite(Site),
    PutJob(Job),
    PutApplication(Application),
    /// Removes the application and its notes.
    DeleteApplication(u64),
    PutNote(Note),
    PutCredential(ApiCredential),
}

pub type Changes = Vec<Change>;

/// Records by id, in insertion order. Each record is boxed: the map's entries stay three words
/// wide, so when a table of 100k+ records grows, it moves pointers instead of copying every
/// record under the tenant's write lock (a stall of a tenth of a second per doubling).
#[derive(Debug, Clone)]
pub struct Records<T>(IndexMap<u64, Box<T>>);

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self(IndexMap::new())
    }
}

/// `records[&id]`: the record, or a panic when there is none (as a map's index does).
impl<T> std::ops::Index<&u64> for Records<T> {
    type Output = T;

    fn index(&self, id: &u64) -> &T {
        &self.0[id]
    }
}

impl<T> Records<T> {
    pub fn get(&self, id: &u64) -> Option<&T> {
        self.0.get(id).map(|b| &**b)
    }

    pub fn contains_key(&self, id: &u64) -> bool {
        self.0.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// In insertion order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.0.values().map(|b| &**b)
    }

    /// The map underneath (for code shared with vendors that keep plain maps).
    pub fn as_map(&self) -> &IndexMap<u64, Box<T>> {
        &self.0
    }

    pub fn keys(&self) -> impl Iterator<Item = &u64> {
        self.0.keys()
    }

    /// Inserts or replaces (a replaced record keeps its place).
    fn insert(&mut self, id: u64, record: T) {
        self.0.insert(id, Box::new(record));
    }

    /// Removes a record, keeping the others' order (O(n)).
    fn shift_remove(&mut self, id: &u64) -> Option<T> {
        self.0.shift_remove(id).map(|b| *b)
    }

    fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.0.retain(|_, record| keep(record));
    }
}

#[derive(Debug, Clone, Default)]
pub struct Store {
    pub company: Company,
    pub users: Records<User>,
    pub sites: Records<Site>,
    pub jobs: Records<Job>,
    pub applications: Records<Application>,
    pub notes: Records<Note>,
    /// By API key.
    pub credentials: IndexMap<String, ApiCredential>,
    pub sequences: Sequences,
    users_by_email: HashMap<String, u64>,
    jobs_by_reference: HashMap<String, u64>,
    applications_by_job: HashMap<u64, IndexSet<u64>>,
    owner: Option<u64>,
}

/// Emails compare case-insensitively.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    /// The current AccountOwner's id.
    pub fn owner_id(&self) -> Option<u64> {
        self.owner
    }

    pub fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users_by_email
            .get(&email_key(email))
            .and_then(|id| self.users.get(id))
    }

    pub fn job_by_reference(&self, reference: &str) -> Option<&Job> {
        self.jobs_by_reference
            .get(reference)
            .and_then(|id| self.jobs.get(id))
    }

    /// The applications of a job, in id order.
    pub fn applications_of_job(&self, job_id: u64) -> impl Iterator<Item = &Application> {
        self.applications_by_job
            .get(&job_id)
            .into_iter()
            .flat_map(|ids| ids.iter())
            .filter_map(|id| self.applications.get(id))
    }

    /// Writes the changes a rule decided on, keeping every index in step.
    pub fn apply(&mut self, changes: Changes) {
        for change in changes {
            match change {
                Change::PutUser(user) => self.put_user(user),
                Change::DeleteUser(id) => {
                    if let Some(user) = self.users.shift_remove(&id) {
                        self.users_by_email.remove(&email_key(&user.email));
                        if self.owner == Some(id) {
                            self.owner = None;
                        }
                        self.credentials.retain(|_, c| c.user_id != id);
                    }
                }
                Change::PutSite(site) => {
                    self.sequences.site = self.sequences.site.max(site.id + 1);
                    self.sites.insert(site.id, site);
                }
                Change::PutJob(job) => {
                    self.sequences.job = self.sequences.job.max(job.id + 1);
                    if let Some(old) = self.jobs.get(&job.id) {
                        self.jobs_by_reference.remove(&old.reference_number);
                    }
                    self.jobs_by_reference
                        .insert(job.reference_number.clone(), job.id);
                    self.jobs.insert(job.id, job);
                }
                Change::PutApplication(app) => {
                    self.sequences.application = self.sequences.application.max(app.id + 1);
                    self.applications_by_job
                        .entry(app.job_id)
                        .or_default()
                        .insert(app.id);
                    self.applications.insert(app.id, app);
                }
                Change::DeleteApplication(id) => {
                    if let Some(app) = self.applications.shift_remove(&id) {
                        if let Some(ids) = self.applications_by_job.get_mut(&app.job_id) {
                            ids.shift_remove(&id);
                        }
                        self.notes.retain(|n| n.app_id != id);
                    }
                }
                Change::PutNote(note) => {
                    self.sequences.note = self.sequences.note.max(note.id + 1);
                    self.notes.insert(note.id, note);
                }
                Change::PutCredential(credential) => {
                    self.credentials
                        .insert(credential.api_key.clone(), credential);
                }
            }
        }
    }

    fn put_user(&mut self, user: User) {
        self.sequences.user = self.sequences.user.max(user.id + 1);
        if let Some(old) = self.users.get(&user.id) {
            self.users_by_email.remove(&email_key(&old.email));
        }
        if user.admin_level == AdminLevel::AccountOwner {
            self.owner = Some(user.id);
        } else if self.owner == Some(user.id) {
            self.owner = None;
        }
        self.users_by_email.insert(email_key(&user.email), user.id);
        self.users.insert(user.id, user);
    }

    /// Number of users holding AccountOwner (the invariant says: always exactly one).
    pub fn count_owners(&self) -> usize {
        self.users
            .values()
            .filter(|u| u.admin_level == AdminLevel::AccountOwner)
            .count()
    }
}
