//! One SmartRecruiters company's state. Records live in [`Table`]s: by id in O(1), and in
//! creation order by a sequence number, so a page after a `pageId` is a range read (O(page)).
//! Indexes: users by email, attachments and approval requests by id, candidates by job (so `GET /candidates?jobId=`
//! reads only that job's candidates). Rules decide and return [`Change`]s; [`Store::apply`]
//! writes them.

use super::model::*;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Records that have a string id.
pub trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(impl Keyed for $t { fn key(&self) -> &str { &self.id } })*};
}
keyed!(User, Job, Candidate);

#[derive(Debug, Clone)]
pub struct Table<T> {
    rows: BTreeMap<u64, T>,
    ids: HashMap<String, u64>,
    next: u64,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: BTreeMap::new(),
            ids: HashMap::new(),
            next: 1,
        }
    }
}

impl<T: Keyed> Table<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.ids.get(id).and_then(|seq| self.rows.get(seq))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// The sequence number of a record (its place in creation order).
    pub fn seq(&self, id: &str) -> Option<u64> {
        self.ids.get(id).copied()
    }

    /// The record at a sequence number.
    pub fn at(&self, seq: u64) -> Option<&T> {
        self.rows.get(&seq)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.rows.values()
    }

    /// Records from the one with id `id` on, in creation order.
    pub fn from_id(&self, id: &str) -> Option<impl Iterator<Item = &T>> {
        let seq = *self.ids.get(id)?;
        Some(self.rows.range(seq..).map(|(_, row)| row))
    }

    /// Records after sequence number `seq`, in creation order, with their sequence numbers.
    pub fn after(&self, seq: u64) -> impl Iterator<Item = (u64, &T)> {
        self.rows
            .range(seq.saturating_add(1)..)
            .map(|(seq, row)| (*seq, row))
    }

    /// Inserts or replaces (a replaced record keeps its place).
    pub fn put(&mut self, row: T) {
        let seq = match self.ids.get(row.key()) {
            Some(seq) => *seq,
            None => {
                let seq = self.next;
                self.next += 1;
                self.ids.insert(row.key().to_owned(), seq);
                seq
            }
        };
        self.rows.insert(seq, row);
    }

    pub fn remove(&mut self, id: &str) -> Option<T> {
        let seq = self.ids.remove(id)?;
        self.rows.remove(&seq)
    }
}

/// An API client (OAuth2 client credentials) acting as a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiClient {
    pub client_id: String,
    pub client_secret: String,
    pub user_id: String,
}

/// An `X-SmartToken` API key acting as a user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiKey {
    pub key: String,
    pub user_id: String,
}

/// An access token from `/identity/oauth/token`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessToken {
    pub token: String,
    pub user_id: String,
    pub expires_at: Time,
}

/// A candidate source value (`/configuration/sources/{type}/values`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceValue {
    pub id: String,
    pub label: String,
    pub source_type: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    PutUser(User),
    PutJob(Box<Job>),
    PutCandidate(Box<Candidate>),
    DeleteCandidate(String),
    PutDepartment(Department),
    PutLocation(Location),
    DeleteLocation(String),
    PutAccessGroup(AccessGroup),
    PutJobProperty(Box<JobProperty>),
    PutCandidateProperty(Box<CandidateProperty>),
    Email(SentEmail),
}

pub type Changes = Vec<Change>;

#[derive(Debug, Clone)]
pub struct Store {
    pub company: Company,
    pub users: Table<User>,
    pub access_groups: IndexMap<String, AccessGroup>,
    pub departments: IndexMap<String, Department>,
    pub locations: IndexMap<String, Location>,
    pub hiring_processes: IndexMap<String, HiringProcess>,
    pub rejection_reasons: IndexMap<String, Labeled>,
    pub withdrawal_reasons: IndexMap<String, Labeled>,
    pub sources: IndexMap<String, SourceValue>,
    pub offer_properties: Vec<serde_json::Value>,
    pub job_properties: IndexMap<String, JobProperty>,
    pub candidate_properties: IndexMap<String, CandidateProperty>,
    pub jobs: Table<Job>,
    pub candidates: Table<Candidate>,
    pub api_keys: IndexMap<String, ApiKey>,
    pub clients: IndexMap<String, ApiClient>,
    pub tokens: HashMap<String, AccessToken>,
    pub emails: Vec<SentEmail>,
    users_by_email: HashMap<String, String>,
    /// Attachment id to candidate id.
    attachments: HashMap<String, String>,
    /// Job id to the sequence numbers of the candidates with an application to it.
    candidates_by_job: HashMap<String, BTreeSet<u64>>,
    /// Approval request id to job id.
    approvals: HashMap<String, String>,
}

pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl Store {
    pub fn new(company: Company) -> Self {
        Store {
            company,
            users: Table::default(),
            access_groups: IndexMap::new(),
            departments: IndexMap::new(),
            locations: IndexMap::new(),
            hiring_processes: IndexMap::new(),
            rejection_reasons: IndexMap::new(),
            withdrawal_reasons: IndexMap::new(),
            sources: IndexMap::new(),
            offer_properties: Vec::new(),
            job_properties: IndexMap::new(),
            candidate_properties: IndexMap::new(),
            jobs: Table::default(),
            candidates: Table::default(),
            api_keys: IndexMap::new(),
            clients: IndexMap::new(),
            tokens: HashMap::new(),
            emails: Vec::new(),
            users_by_email: HashMap::new(),
            attachments: HashMap::new(),
            candidates_by_job: HashMap::new(),
            approvals: HashMap::new(),
        }
    }

    pub fn user_by_email(&self, email: &str) -> Option<&User> {
        self.users_by_email
            .get(&email_key(email))
            .and_then(|id| self.users.get(id))
    }

    /// The candidate an attachment belongs to, and the attachment.
    pub fn attachment(&self, id: &str) -> Option<(&Candidate, &Attachment)> {
        let candidate = self.candidates.get(self.attachments.get(id)?)?;
        Some((
            candidate,
            candidate.attachments.iter().find(|a| a.id == id)?,
        ))
    }

    /// The job an approval request belongs to, and the request.
    pub fn approval(&self, id: &str) -> Option<(&Job, &JobApproval)> {
        let job = self.jobs.get(self.approvals.get(id)?)?;
        Some((job, job.approvals.iter().find(|a| a.id == id)?))
    }

    /// The candidates (by sequence number) with an application to one of `jobs`.
    pub fn candidates_of_jobs(&self, jobs: &[String]) -> BTreeSet<u64> {
        jobs.iter()
            .filter_map(|j| self.candidates_by_job.get(j))
            .flatten()
            .copied()
            .collect()
    }

    /// Drops a candidate's entries from the attachment and job indexes.
    fn unindex_candidate(&mut self, candidate: &str) {
        let (Some(old), Some(seq)) = (
            self.candidates.get(candidate),
            self.candidates.seq(candidate),
        ) else {
            return;
        };
        for a in &old.attachments {
            self.attachments.remove(&a.id);
        }
        for app in &old.applications {
            if let Some(set) = self.candidates_by_job.get_mut(&app.job_id) {
                set.remove(&seq);
            }
        }
    }

    pub fn apply(&mut self, changes: Changes) {
        for change in changes {
            match change {
                Change::PutUser(user) => {
                    if let Some(old) = self.users.get(&user.id) {
                        self.users_by_email.remove(&email_key(&old.email));
                    }
                    self.users_by_email
                        .insert(email_key(&user.email), user.id.clone());
                    self.users.put(user);
                }
                Change::PutJob(job) => {
                    for a in &job.approvals {
                        self.approvals.insert(a.id.clone(), job.id.clone());
                    }
                    self.jobs.put(*job)
                }
                Change::PutCandidate(candidate) => {
                    self.unindex_candidate(&candidate.id);
                    for a in &candidate.attachments {
                        self.attachments.insert(a.id.clone(), candidate.id.clone());
                    }
                    let jobs: Vec<String> = candidate
                        .applications
                        .iter()
                        .map(|a| a.job_id.clone())
                        .collect();
                    let id = candidate.id.clone();
                    self.candidates.put(*candidate);
                    if let Some(seq) = self.candidates.seq(&id) {
                        for job in jobs {
                            self.candidates_by_job.entry(job).or_default().insert(seq);
                        }
                    }
                }
                Change::DeleteCandidate(id) => {
                    self.unindex_candidate(&id);
                    self.candidates.remove(&id);
                }
                Change::PutDepartment(d) => {
                    self.departments.insert(d.id.clone(), d);
                }
                Change::PutLocation(l) => {
                    if let Some(id) = l.id.clone() {
                        self.locations.insert(id, l);
                    }
                }
                Change::DeleteLocation(id) => {
                    self.locations.shift_remove(&id);
                }
                Change::PutAccessGroup(g) => {
                    self.access_groups.insert(g.id.clone(), g);
                }
                Change::PutJobProperty(p) => {
                    self.job_properties.insert(p.id.clone(), *p);
                }
                Change::PutCandidateProperty(p) => {
                    self.candidate_properties.insert(p.id.clone(), *p);
                }
                Change::Email(email) => self.emails.push(email),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tenancy::VendorStore;

    fn by_scan(store: &Store, job: &str) -> BTreeSet<u64> {
        store
            .candidates
            .after(0)
            .filter(|(_, c)| c.application(job).is_some())
            .map(|(seq, _)| seq)
            .collect()
    }

    #[test]
    fn the_job_index_follows_every_change() {
        let doc = super::super::generate::generate(5, 50, &|_| {});
        let mut store = Store::from_snapshot("demo", &doc).unwrap();
        let jobs: Vec<String> = store.jobs.values().map(|j| j.id.clone()).collect();
        let check = |store: &Store| {
            for job in &jobs {
                assert_eq!(
                    store.candidates_of_jobs(std::slice::from_ref(job)),
                    by_scan(store, job),
                    "{job}"
                );
            }
        };
        check(&store);
        let ids: Vec<String> = store.candidates.values().map(|c| c.id.clone()).collect();
        store.apply(vec![Change::DeleteCandidate(ids[3].clone())]);
        let mut moved = store.candidates.get(&ids[4]).unwrap().clone();
        moved.applications.retain(|_| false);
        store.apply(vec![Change::PutCandidate(Box::new(moved))]);
        let mut joined = store.candidates.get(&ids[5]).unwrap().clone();
        let mut app = joined.applications[0].clone();
        app.job_id = jobs[6].clone();
        joined.applications.push(app);
        store.apply(vec![Change::PutCandidate(Box::new(joined))]);
        check(&store);
        assert_eq!(
            store.clone().candidates_of_jobs(&jobs),
            store.candidates_of_jobs(&jobs)
        );
    }
}
