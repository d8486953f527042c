//! One ATS Anywhere company's state, with the indexes that keep lookups O(1): records by id
//! (insertion-ordered, so a page of an unfiltered list is a slice), users by lowercased email,
//! jobs by reference number, applications by job, and the current AccountOwner.
//!
//! The store never decides anything: rules (in `rules.rs`) read it and return [`Changes`], and
//! [`Store::apply`] writes them and keeps the indexes in step.

use super::model::{AdminLevel, Application, Job, Note, Site, User};
use crate::key_index::KeyIndex;
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

/// A record with a numeric id.
pub trait Identified {
    fn id(&self) -> &u64;
}

macro_rules! identified {
    ($($t:ty),*) => {$(impl Identified for $t { fn id(&self) -> &u64 { &self.id } })*};
}
identified!(User, Site, Job, Application, Note);

/// Records by id, in insertion order: the records in a list (so a page is a slice) and a
/// [`KeyIndex`] of positions. Growing either never copies or rehashes a record: the list moves
/// boxes, the index moves (hash, position) pairs. A map of records (`IndexMap<u64, User>`)
/// copied every record when it grew and re-read each one's hash, a stall of a tenth of a second
/// under the tenant's write lock once a table passed 100k.
#[derive(Debug, Clone)]
pub struct Records<T> {
    rows: Vec<Box<T>>,
    index: KeyIndex<u64>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            index: KeyIndex::default(),
        }
    }
}

/// `records[&id]` in tests: the record, or a panic when there is none (as a map's index does).
/// Request code uses [`Records::get`].
#[cfg(test)]
impl<T: Identified> std::ops::Index<&u64> for Records<T> {
    type Output = T;

    fn index(&self, id: &u64) -> &T {
        match self.get(id) {
            Some(record) => record,
            None => panic!("no record {id}"),
        }
    }
}

impl<T: Identified> Records<T> {
    /// Where a record stands in insertion order.
    pub fn position(&self, id: &u64) -> Option<usize> {
        let rows = &self.rows;
        self.index
            .find(id, |at| rows.get(at as usize).map(|r| r.id()))
            .map(|at| at as usize)
    }

    pub fn get(&self, id: &u64) -> Option<&T> {
        self.rows.get(self.position(id)?).map(|r| &**r)
    }

    pub fn contains_key(&self, id: &u64) -> bool {
        self.position(id).is_some()
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// In insertion order (skipping ahead is O(1)).
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.rows.iter().map(|r| &**r)
    }

    pub fn keys(&self) -> impl Iterator<Item = &u64> {
        self.rows.iter().map(|r| r.id())
    }

    /// Inserts or replaces (a replaced record keeps its place).
    fn insert(&mut self, record: T) {
        match self.position(record.id()) {
            Some(at) => *self.rows[at] = record,
            None => {
                self.index.insert(record.id(), self.rows.len() as u64);
                self.rows.push(Box::new(record));
            }
        }
    }

    /// Removes a record, keeping the others' order (O(n)).
    fn shift_remove(&mut self, id: &u64) -> Option<T> {
        let rows = &self.rows;
        let at = self
            .index
            .remove(id, |at| rows.get(at as usize).map(|r| r.id()))?;
        let record = self.rows.remove(at as usize);
        self.index
            .move_positions(|p| if p > at { p - 1 } else { p });
        Some(*record)
    }

    /// Keeps the records `keep` says yes to (O(n)).
    fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        let mut keep = keep;
        self.rows.retain(|r| keep(r));
        self.index = KeyIndex::with_capacity(self.rows.len());
        for (at, row) in self.rows.iter().enumerate() {
            self.index.insert(row.id(), at as u64);
        }
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
    /// Indexes keyed by text are `IndexMap`s: they keep each key's hash, so growing them never
    /// rehashes the keys (a `HashMap` of 200k emails stalls writes for tens of milliseconds).
    users_by_email: IndexMap<String, u64>,
    jobs_by_reference: IndexMap<String, u64>,
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
                        self.users_by_email.swap_remove(&email_key(&user.email));
                        if self.owner == Some(id) {
                            self.owner = None;
                        }
                        self.credentials.retain(|_, c| c.user_id != id);
                    }
                }
                Change::PutSite(site) => {
                    self.sequences.site = self.sequences.site.max(site.id + 1);
                    self.sites.insert(site);
                }
                Change::PutJob(job) => {
                    self.sequences.job = self.sequences.job.max(job.id + 1);
                    if let Some(old) = self.jobs.get(&job.id) {
                        self.jobs_by_reference.swap_remove(&old.reference_number);
                    }
                    self.jobs_by_reference
                        .insert(job.reference_number.clone(), job.id);
                    self.jobs.insert(job);
                }
                Change::PutApplication(app) => {
                    self.sequences.application = self.sequences.application.max(app.id + 1);
                    self.applications_by_job
                        .entry(app.job_id)
                        .or_default()
                        .insert(app.id);
                    self.applications.insert(app);
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
                    self.notes.insert(note);
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
            self.users_by_email.swap_remove(&email_key(&old.email));
        }
        if user.admin_level == AdminLevel::AccountOwner {
            self.owner = Some(user.id);
        } else if self.owner == Some(user.id) {
            self.owner = None;
        }
        self.users_by_email.insert(email_key(&user.email), user.id);
        self.users.insert(user);
    }

    /// Number of users holding AccountOwner (the invariant says: always exactly one).
    pub fn count_owners(&self) -> usize {
        self.users
            .values()
            .filter(|u| u.admin_level == AdminLevel::AccountOwner)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn note(id: u64, app_id: u64) -> Note {
        Note {
            id,
            app_id,
            job_id: 0,
            user_id: 0,
            body: String::new(),
            created_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[derive(Debug, Clone)]
    enum Op {
        Put(u64, u64),
        Remove(u64),
        DropApp(u64),
    }

    proptest! {
        /// Against an `IndexMap` (what the table replaced): the same records, in the same
        /// order, at the same positions, after any run of puts, removes and retains.
        #[test]
        fn records_answer_like_an_index_map(ops in prop::collection::vec(
            prop_oneof![
                (0u64..30, 0u64..4).prop_map(|(id, app)| Op::Put(id, app)),
                (0u64..30).prop_map(Op::Remove),
                (0u64..4).prop_map(Op::DropApp),
            ],
            0..200,
        )) {
            let mut records = Records::default();
            let mut model: IndexMap<u64, u64> = IndexMap::new();
            for op in ops {
                match op {
                    Op::Put(id, app) => {
                        records.insert(note(id, app));
                        model.insert(id, app);
                    }
                    Op::Remove(id) => {
                        let removed = records.shift_remove(&id).map(|n| n.app_id);
                        prop_assert_eq!(removed, model.shift_remove(&id));
                    }
                    Op::DropApp(app) => {
                        records.retain(|n| n.app_id != app);
                        model.retain(|_, a| *a != app);
                    }
                }
            }
            let listed: Vec<(u64, u64)> = records.values().map(|n| (n.id, n.app_id)).collect();
            let expected: Vec<(u64, u64)> = model.iter().map(|(k, v)| (*k, *v)).collect();
            prop_assert_eq!(listed, expected);
            for id in 0u64..30 {
                prop_assert_eq!(records.position(&id), model.get_index_of(&id));
                prop_assert_eq!(records.get(&id).map(|n| n.app_id), model.get(&id).copied());
            }
        }
    }
}
