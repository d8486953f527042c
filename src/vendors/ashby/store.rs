//! One Ashby organization's state. Every record kind is a [`Table`]: records by id in creation
//! order (so a page of a full sync is a slice) plus an index of the last change of each record by
//! a store-wide sequence number (so an incremental sync reads only what changed).

use super::model::*;
use crate::key_index::KeyIndex;
use indexmap::IndexMap;
use std::collections::{BTreeMap, HashMap};

/// A record that knows its own key (its id; a file's handle), so a [`Table`] need not keep a
/// second copy of it.
pub trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed_by_id {
    ($($t:ty),* $(,)?) => {$(impl Keyed for $t { fn key(&self) -> &str { &self.id } })*};
}

keyed_by_id!(
    User,
    Department,
    Location,
    InterviewPlan,
    InterviewStage,
    ArchiveReason,
    Source,
    CandidateTag,
    Job,
    Candidate,
    Application,
    Note,
    CloseReason,
    Brand,
    CommunicationTemplate,
    JobBoard,
    HiringTeamRole,
    Project,
    CustomField,
    InterviewerPause,
    Opening,
    JobPosting,
    JobTemplate,
    SourceTrackingLink,
    EmailMessage,
);

impl Keyed for StoredFile {
    fn key(&self) -> &str {
        &self.handle
    }
}

/// Records in creation order, in blocks of [`Rows::BLOCK`]: a table never moves the records it
/// holds to grow (a 100k-record `Vec` doubling copies ~50 MB under the write lock and holds both
/// copies at once), and a fixture load reuses the blocks its parsed lists free.
#[derive(Debug, Clone)]
struct Rows<T> {
    blocks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            blocks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Rows<T> {
    const BLOCK: usize = 1024;

    fn get(&self, at: usize) -> Option<&T> {
        self.blocks.get(at / Self::BLOCK)?.get(at % Self::BLOCK)
    }

    fn get_mut(&mut self, at: usize) -> Option<&mut T> {
        self.blocks
            .get_mut(at / Self::BLOCK)?
            .get_mut(at % Self::BLOCK)
    }

    fn push(&mut self, row: T) {
        match self.blocks.last_mut() {
            // A growing first block doubles up to the block size at most (a power of two).
            Some(block) if block.len() < Self::BLOCK => block.push(row),
            _ => {
                // The first block grows as records come (most tables of a small tenant hold a
                // handful); the next ones are made whole.
                let mut block = match self.blocks.is_empty() {
                    true => Vec::new(),
                    false => Vec::with_capacity(Self::BLOCK),
                };
                block.push(row);
                self.blocks.push(block);
            }
        }
        self.len += 1;
    }

    /// Rows from position `start` on (O(1) to find the start).
    fn iter_from(&self, start: usize) -> impl Iterator<Item = &T> {
        let (first, skip) = (start / Self::BLOCK, start % Self::BLOCK);
        self.blocks.iter().skip(first).flatten().skip(skip)
    }
}

/// Records in creation order, found by key through a hash index of positions.
#[derive(Debug, Clone)]
pub struct Table<T> {
    /// Each record with the number of its last change.
    rows: Rows<(T, u64)>,
    /// Positions in `rows`, by the record's key.
    index: KeyIndex,
    /// Change number -> position in `rows` (records are never removed, so positions hold).
    changes: BTreeMap<u64, u32>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: Rows::default(),
            index: KeyIndex::default(),
            changes: BTreeMap::new(),
        }
    }
}

impl<T> Table<T> {
    pub fn len(&self) -> usize {
        self.rows.len
    }

    pub fn is_empty(&self) -> bool {
        self.rows.len == 0
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.rows.iter_from(0).map(|(v, _)| v)
    }

    /// Records from position `start` on, with their positions (full sync pages).
    pub fn from_position(&self, start: usize) -> impl Iterator<Item = (usize, &T)> {
        self.rows
            .iter_from(start)
            .enumerate()
            .map(move |(i, (v, _))| (start + i, v))
    }

    /// Records changed after `seq`, in change order, with their change numbers.
    pub fn changed_after(&self, seq: u64) -> impl Iterator<Item = (u64, &T)> {
        self.changes
            .range(seq + 1..)
            .filter_map(|(s, at)| self.rows.get(*at as usize).map(|(v, _)| (*s, v)))
    }

    /// The record at a position in creation order.
    pub fn at(&self, position: usize) -> Option<&T> {
        self.rows.get(position).map(|(v, _)| v)
    }
}

impl<T: Keyed> Table<T> {
    fn find(&self, id: &str) -> Option<usize> {
        let rows = &self.rows;
        self.index
            .find(id, |at| rows.get(at as usize).map(|(row, _)| row.key()))
            .map(|at| at as usize)
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.rows.get(self.find(id)?).map(|(row, _)| row)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    /// Where a record stands in creation order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.find(id)
    }

    /// Makes room in the key index for `more` records at once (a fixture load).
    pub fn reserve(&mut self, more: usize) {
        self.index.reserve(more);
    }

    /// Writes a record as change number `seq`.
    pub fn put(&mut self, value: T, seq: u64) {
        self.put_at(value, seq);
    }

    /// [`Table::put`], answering the record's position.
    pub fn put_at(&mut self, value: T, seq: u64) -> usize {
        let at = match self.find(value.key()) {
            Some(at) => {
                if let Some(row) = self.rows.get_mut(at) {
                    let old = std::mem::replace(row, (value, seq)).1;
                    self.changes.remove(&old);
                }
                at
            }
            None => {
                let at = self.rows.len;
                self.index.insert(value.key(), at as u64);
                self.rows.push((value, seq));
                at
            }
        };
        self.changes.insert(seq, at as u32);
        at
    }
}

/// A write a rule decided on.
#[derive(Debug, Clone)]
pub enum Change {
    User(User),
    Department(Department),
    Location(Location),
    Plan(InterviewPlan),
    Stage(InterviewStage),
    ArchiveReason(ArchiveReason),
    Source(Source),
    Tag(CandidateTag),
    Job(Job),
    Candidate(Candidate),
    Application(Application),
    Note(Note),
    ApiKey(ApiKey),
    CloseReason(CloseReason),
    Brand(Brand),
    CommunicationTemplate(CommunicationTemplate),
    JobBoard(JobBoard),
    HiringTeamRole(HiringTeamRole),
    File(StoredFile),
    Project(Project),
    CustomField(CustomField),
    InterviewerPause(InterviewerPause),
    Opening(Opening),
    JobPosting(JobPosting),
    JobTemplate(JobTemplate),
    SourceTrackingLink(SourceTrackingLink),
    EmailMessage(EmailMessage),
}

#[derive(Debug, Clone, Default)]
pub struct Store {
    pub organization: String,
    /// The number of the last change.
    pub seq: u64,
    pub users: Table<User>,
    pub departments: Table<Department>,
    pub locations: Table<Location>,
    pub plans: Table<InterviewPlan>,
    pub stages: Table<InterviewStage>,
    pub archive_reasons: Table<ArchiveReason>,
    pub sources: Table<Source>,
    pub tags: Table<CandidateTag>,
    pub jobs: Table<Job>,
    pub candidates: Table<Candidate>,
    pub applications: Table<Application>,
    pub notes: Table<Note>,
    /// Shared: every request clones its key's grant, which must not copy the permission list.
    pub api_keys: IndexMap<String, std::sync::Arc<ApiKey>>,
    pub close_reasons: Table<CloseReason>,
    pub brands: Table<Brand>,
    pub communication_templates: Table<CommunicationTemplate>,
    pub job_boards: Table<JobBoard>,
    pub hiring_team_roles: Table<HiringTeamRole>,
    pub files: Table<StoredFile>,
    pub projects: Table<Project>,
    pub custom_fields: Table<CustomField>,
    pub interviewer_pauses: Table<InterviewerPause>,
    pub openings: Table<Opening>,
    pub job_postings: Table<JobPosting>,
    pub job_templates: Table<JobTemplate>,
    pub source_tracking_links: Table<SourceTrackingLink>,
    pub email_messages: Table<EmailMessage>,
    stages_by_plan: HashMap<String, Vec<String>>,
    /// Candidate position -> positions of their applications.
    applications_by_candidate: HashMap<u32, Vec<u32>>,
    notes_by_candidate: HashMap<String, Vec<String>>,
    tags_by_title: HashMap<String, String>,
}

impl Store {
    /// The user an API key acts as where Ashby records an author (notes): the organization's
    /// first enabled Organization Admin.
    pub fn api_user(&self) -> Option<&User> {
        self.users
            .values()
            .find(|u| u.is_enabled && u.global_role == GlobalRole::OrganizationAdmin)
    }

    /// The stages of a plan, in plan order.
    pub fn stages_of(&self, plan: &str) -> Vec<&InterviewStage> {
        let mut stages: Vec<&InterviewStage> = self
            .stages_by_plan
            .get(plan)
            .into_iter()
            .flatten()
            .filter_map(|id| self.stages.get(id))
            .collect();
        stages.sort_by_key(|s| s.order_in_interview_plan);
        stages
    }

    pub fn applications_of(&self, candidate: &str) -> impl Iterator<Item = &Application> {
        self.candidates
            .position(candidate)
            .and_then(|at| self.applications_by_candidate.get(&(at as u32)))
            .into_iter()
            .flatten()
            .filter_map(|at| self.applications.at(*at as usize))
    }

    pub fn notes_of(&self, candidate: &str) -> impl Iterator<Item = &Note> {
        self.notes_by_candidate
            .get(candidate)
            .into_iter()
            .flatten()
            .filter_map(|id| self.notes.get(id))
    }

    pub fn tag_by_title(&self, title: &str) -> Option<&CandidateTag> {
        self.tags_by_title
            .get(&title.trim().to_lowercase())
            .and_then(|id| self.tags.get(id))
    }

    /// Writes the changes, each as the next change number.
    pub fn apply(&mut self, changes: Vec<Change>) {
        for change in changes {
            self.seq += 1;
            let seq = self.seq;
            match change {
                Change::User(v) => self.users.put(v, seq),
                Change::Department(v) => self.departments.put(v, seq),
                Change::Location(v) => self.locations.put(v, seq),
                Change::Plan(v) => self.plans.put(v, seq),
                Change::Stage(v) => {
                    let ids = self
                        .stages_by_plan
                        .entry(v.interview_plan_id.clone())
                        .or_default();
                    if !ids.contains(&v.id) {
                        ids.push(v.id.clone());
                    }
                    self.stages.put(v, seq)
                }
                Change::ArchiveReason(v) => self.archive_reasons.put(v, seq),
                Change::Source(v) => self.sources.put(v, seq),
                Change::Tag(v) => {
                    self.tags_by_title
                        .insert(v.title.trim().to_lowercase(), v.id.clone());
                    self.tags.put(v, seq)
                }
                Change::Job(v) => self.jobs.put(v, seq),
                Change::Candidate(mut v) => {
                    v.shrink_to_fit();
                    self.candidates.put(v, seq)
                }
                Change::Application(mut v) => {
                    v.shrink_to_fit();
                    let new = !self.applications.contains(&v.id);
                    let candidate = self.candidates.position(&v.candidate_id);
                    let at = self.applications.put_at(v, seq);
                    if let (true, Some(candidate)) = (new, candidate) {
                        self.applications_by_candidate
                            .entry(candidate as u32)
                            .or_default()
                            .push(at as u32);
                    }
                }
                Change::Note(v) => {
                    if !self.notes.contains(&v.id) {
                        self.notes_by_candidate
                            .entry(v.candidate_id.clone())
                            .or_default()
                            .push(v.id.clone());
                    }
                    self.notes.put(v, seq)
                }
                Change::ApiKey(v) => {
                    self.api_keys.insert(v.key.clone(), std::sync::Arc::new(v));
                }
                Change::CloseReason(v) => self.close_reasons.put(v, seq),
                Change::Brand(v) => self.brands.put(v, seq),
                Change::CommunicationTemplate(v) => self.communication_templates.put(v, seq),
                Change::JobBoard(v) => self.job_boards.put(v, seq),
                Change::HiringTeamRole(v) => self.hiring_team_roles.put(v, seq),
                Change::File(v) => self.files.put(v, seq),
                Change::Project(v) => self.projects.put(v, seq),
                Change::CustomField(v) => self.custom_fields.put(v, seq),
                Change::InterviewerPause(v) => self.interviewer_pauses.put(v, seq),
                Change::Opening(v) => self.openings.put(v, seq),
                Change::JobPosting(v) => self.job_postings.put(v, seq),
                Change::JobTemplate(v) => self.job_templates.put(v, seq),
                Change::SourceTrackingLink(v) => self.source_tracking_links.put(v, seq),
                Change::EmailMessage(v) => self.email_messages.put(v, seq),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Row {
        id: String,
        value: u32,
    }

    impl Keyed for Row {
        fn key(&self) -> &str {
            &self.id
        }
    }

    proptest! {
        /// A table answers like a map in first-write order whose change index holds each
        /// record's last change once.
        #[test]
        fn table_matches_an_ordered_map(writes in proptest::collection::vec((0u8..40, any::<u32>()), 0..300)) {
            let mut table = Table::default();
            let mut model: Vec<(String, u32, u64)> = Vec::new();
            for (seq, (key, value)) in writes.into_iter().enumerate() {
                let seq = seq as u64 + 1;
                let id = format!("id-{key}");
                table.put(Row { id: id.clone(), value }, seq);
                match model.iter_mut().find(|(k, _, _)| *k == id) {
                    Some(row) => { row.1 = value; row.2 = seq; }
                    None => model.push((id, value, seq)),
                }
            }
            prop_assert_eq!(table.len(), model.len());
            for (position, (id, value, _)) in model.iter().enumerate() {
                prop_assert_eq!(table.get(id).map(|r| r.value), Some(*value));
                prop_assert_eq!(table.position(id), Some(position));
            }
            prop_assert!(table.get("missing").is_none());
            let mut by_change: Vec<_> = model.iter().map(|(id, _, seq)| (*seq, id.clone())).collect();
            by_change.sort();
            let after = by_change.get(by_change.len() / 2).map_or(0, |(seq, _)| *seq);
            let changed: Vec<_> = table.changed_after(after).map(|(s, r)| (s, r.id.clone())).collect();
            let expected: Vec<_> = by_change.into_iter().filter(|(s, _)| *s > after).collect();
            prop_assert_eq!(changed, expected);
        }
    }

    /// Positions and pages hold across the table's blocks.
    #[test]
    fn pages_cross_blocks() {
        let mut table = Table::default();
        for i in 0..3000u32 {
            table.put(
                Row {
                    id: format!("r{i}"),
                    value: i,
                },
                u64::from(i) + 1,
            );
        }
        assert_eq!(table.len(), 3000);
        for start in [0, 1023, 1024, 1025, 2047, 2999, 3000] {
            let page: Vec<_> = table
                .from_position(start)
                .take(3)
                .map(|(p, r)| (p, r.value))
                .collect();
            let expected: Vec<_> = (start..3000.min(start + 3))
                .map(|p| (p, p as u32))
                .collect();
            assert_eq!(page, expected, "from {start}");
        }
        assert_eq!(table.position("r2048"), Some(2048));
        assert_eq!(table.at(1500).map(|r| r.value), Some(1500));
        assert_eq!(table.values().count(), 3000);
        table.put(
            Row {
                id: "r5".into(),
                value: 7,
            },
            9000,
        );
        assert_eq!(table.get("r5").map(|r| r.value), Some(7));
        assert_eq!(
            table
                .changed_after(3000)
                .map(|(s, r)| (s, r.value))
                .collect::<Vec<_>>(),
            vec![(9000, 7)]
        );
    }
}
