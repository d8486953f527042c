//! One SmartRecruiters company's state. Records live in [`Table`]s: by id in O(1), and in
//! creation order by a sequence number, so a page after a `pageId` is a slice read (O(page), plus
//! the slots of rows removed in between). Rows are shared (`Arc`): copying a store copies
//! pointers, and a write replaces the rows it changes.
//! Indexes: users by email, attachments and approval requests by id, candidates by job (so `GET /candidates?jobId=`
//! reads only that job's candidates). Rules decide and return [`Change`]s; [`Store::apply`]
//! writes them.

use super::model::*;
use crate::key_index::KeyIndex;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Records that have a string id.
pub trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(impl Keyed for $t { fn key(&self) -> &str { &self.id } })*};
}
keyed!(User, Job, Candidate);

/// A table's rows in creation order: the row with sequence number `seq` is at `seq - 1`, a
/// removed row leaves a `None`. Rows are shared (`Arc`), so copying a table (a tenant's first
/// write copies its store) copies pointers, not records.
#[derive(Debug)]
pub struct Table<T> {
    rows: Vec<Option<Arc<T>>>,
    /// Id to sequence number (the ids themselves stay in the rows).
    ids: KeyIndex,
}

impl<T> Clone for Table<T> {
    fn clone(&self) -> Self {
        Self {
            rows: self.rows.clone(),
            ids: self.ids.clone(),
        }
    }
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            ids: KeyIndex::default(),
        }
    }
}

/// The key of the row with sequence number `seq`.
fn key_at<T: Keyed>(rows: &[Option<Arc<T>>], seq: u64) -> Option<&str> {
    let index = usize::try_from(seq.checked_sub(1)?).ok()?;
    rows.get(index)?.as_deref().map(Keyed::key)
}

impl<T: Keyed> Table<T> {
    /// A table with room for `n` rows.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            rows: Vec::with_capacity(n),
            ids: KeyIndex::with_capacity(n),
        }
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.seq(id).and_then(|seq| self.at(seq))
    }

    pub fn contains(&self, id: &str) -> bool {
        self.seq(id).is_some()
    }

    /// The sequence number of a record (its place in creation order).
    pub fn seq(&self, id: &str) -> Option<u64> {
        self.ids.find(id, |seq| key_at(&self.rows, seq))
    }

    /// The record at a sequence number.
    pub fn at(&self, seq: u64) -> Option<&T> {
        let index = usize::try_from(seq.checked_sub(1)?).ok()?;
        self.rows.get(index)?.as_deref()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.rows.iter().filter_map(|row| row.as_deref())
    }

    /// Records from the one with id `id` on, in creation order.
    pub fn from_id(&self, id: &str) -> Option<impl Iterator<Item = &T>> {
        let seq = self.seq(id)?;
        Some(self.after(seq - 1).map(|(_, row)| row))
    }

    /// Records after sequence number `seq`, in creation order, with their sequence numbers.
    pub fn after(&self, seq: u64) -> impl Iterator<Item = (u64, &T)> {
        let from = usize::try_from(seq).map_or(self.rows.len(), |s| s.min(self.rows.len()));
        self.rows[from..]
            .iter()
            .zip(seq.saturating_add(1)..)
            .filter_map(|(row, seq)| Some((seq, row.as_deref()?)))
    }

    /// Inserts or replaces (a replaced record keeps its place).
    pub fn put(&mut self, row: T) {
        match self.seq(row.key()) {
            Some(seq) => {
                // `seq` came from this table, so its slot exists.
                if let Some(slot) = usize::try_from(seq - 1)
                    .ok()
                    .and_then(|i| self.rows.get_mut(i))
                {
                    *slot = Some(Arc::new(row));
                }
            }
            None => {
                self.ids.insert(row.key(), self.rows.len() as u64 + 1);
                self.rows.push(Some(Arc::new(row)));
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Arc<T>> {
        let seq = self.ids.remove(id, |seq| key_at(&self.rows, seq))?;
        let slot = self.rows.get_mut(usize::try_from(seq - 1).ok()?)?;
        slot.take()
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
    candidates_by_job: HashMap<Text, BTreeSet<u64>>,
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
            .filter_map(|j| self.candidates_by_job.get(j.as_str()))
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
            if let Some(set) = self.candidates_by_job.get_mut(app.job_id.as_str()) {
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
                Change::PutCandidate(mut candidate) => {
                    candidate.shrink_to_fit();
                    self.unindex_candidate(&candidate.id);
                    for a in &candidate.attachments {
                        self.attachments.insert(a.id.clone(), candidate.id.clone());
                    }
                    let jobs: Vec<Text> = candidate
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

    #[derive(Debug, Clone, PartialEq)]
    struct Row {
        id: String,
        n: u32,
    }

    impl Keyed for Row {
        fn key(&self) -> &str {
            &self.id
        }
    }

    fn row(id: &str, n: u32) -> Row {
        Row { id: id.into(), n }
    }

    #[test]
    fn a_table_keeps_creation_order_through_replaces_and_removes() {
        let mut t = Table::default();
        for (i, id) in ["a", "b", "c", "d"].into_iter().enumerate() {
            t.put(row(id, i as u32));
        }
        t.put(row("b", 10));
        assert_eq!(t.remove("c").map(|r| r.n), Some(2));
        assert!(t.remove("c").is_none());
        t.put(row("e", 4));
        let copy = t.clone();
        t.put(row("a", 11));
        let ns = |t: &Table<Row>| t.values().map(|r| r.n).collect::<Vec<_>>();
        assert_eq!(ns(&t), [11, 10, 3, 4]);
        assert_eq!(ns(&copy), [0, 10, 3, 4]);
        assert_eq!((t.len(), t.seq("d"), t.seq("c")), (4, Some(4), None));
        assert_eq!(t.get("b"), Some(&row("b", 10)));
        assert!(t.get("c").is_none() && !t.contains("c") && t.contains("e"));
        let after = |seq| t.after(seq).map(|(s, r)| (s, r.n)).collect::<Vec<_>>();
        assert_eq!(after(0), [(1, 11), (2, 10), (4, 3), (5, 4)]);
        assert_eq!(after(2), [(4, 3), (5, 4)]);
        assert!(after(5).is_empty() && after(u64::MAX).is_empty());
        assert_eq!(t.at(3), None);
        assert_eq!(t.at(0), None);
        assert_eq!(t.at(u64::MAX), None);
        let from = |id| {
            t.from_id(id)
                .map(|rows| rows.map(|r| r.n).collect::<Vec<_>>())
        };
        assert_eq!(from("d"), Some(vec![3, 4]));
        assert_eq!(from("c"), None);
    }

    #[test]
    fn free_form_candidate_fields_read_back_as_written() {
        let mut doc = super::super::generate::generate(5, 2, &|_| {});
        let written = serde_json::json!({
            "location": {"city": "Kraków", "lat": 50.06, "country": "Poland", "extra": [1, null, {"z": true, "a": -1}]},
            "web": {"website": "https://example.com", "linkedIn": "in/x"},
            "education": [{"institution": "U", "degree": "BSc", "from": 2001}],
            "experience": [],
        });
        let c = &mut doc["candidates"][0];
        for (k, v) in written.as_object().unwrap() {
            c[k] = v.clone();
        }
        let id = c["id"].as_str().unwrap().to_owned();
        let store = Store::from_snapshot("demo", &doc).unwrap();
        let shown =
            super::super::render::candidate_details(&store, store.candidates.get(&id).unwrap());
        for k in ["location", "web", "education", "experience"] {
            assert_eq!(shown[k].to_string(), written[k].to_string(), "{k}");
        }
        let again = Store::from_snapshot("again", &store.snapshot()).unwrap();
        assert_eq!(again.candidates.get(&id), store.candidates.get(&id));
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
        app.job_id = Text::new(&jobs[6]);
        joined.applications.push(app);
        store.apply(vec![Change::PutCandidate(Box::new(joined))]);
        check(&store);
        assert_eq!(
            store.clone().candidates_of_jobs(&jobs),
            store.candidates_of_jobs(&jobs)
        );
    }
}
