//! One Ashby organization's state. Every record kind is a [`Table`]: records by id in creation
//! order (so a page of a full sync is a slice) plus an index of the last change of each record by
//! a store-wide sequence number (so an incremental sync reads only what changed).

use super::model::*;
use indexmap::IndexMap;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone)]
pub struct Table<T> {
    rows: IndexMap<String, (T, u64)>,
    /// Change number -> position in `rows` (records are never removed, so positions hold).
    changes: BTreeMap<u64, u32>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: IndexMap::new(),
            changes: BTreeMap::new(),
        }
    }
}

impl<T> Table<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.rows.get(id).map(|(v, _)| v)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.rows.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.rows.values().map(|(v, _)| v)
    }

    /// Where a record stands in creation order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.rows.get_index_of(id)
    }

    /// Records from position `start` on, with their positions (full sync pages).
    pub fn from_position(&self, start: usize) -> impl Iterator<Item = (usize, &T)> {
        self.rows
            .values()
            .enumerate()
            .skip(start)
            .map(|(i, (v, _))| (i, v))
    }

    /// Records changed after `seq`, in change order, with their change numbers.
    pub fn changed_after(&self, seq: u64) -> impl Iterator<Item = (u64, &T)> {
        self.changes
            .range(seq + 1..)
            .filter_map(|(s, at)| self.rows.get_index(*at as usize).map(|(_, (v, _))| (*s, v)))
    }

    /// Makes room for `more` records at once (a fixture load), so the table does not grow by
    /// doubling past what it holds.
    pub fn reserve(&mut self, more: usize) {
        self.rows.reserve_exact(more);
    }

    /// The record at a position in creation order.
    pub fn at(&self, position: usize) -> Option<&T> {
        self.rows.get_index(position).map(|(_, (v, _))| v)
    }

    /// Writes a record as change number `seq`.
    pub fn put(&mut self, id: String, value: T, seq: u64) {
        self.put_at(id, value, seq);
    }

    /// [`Table::put`], answering the record's position.
    pub fn put_at(&mut self, id: String, value: T, seq: u64) -> usize {
        let (at, old) = self.rows.insert_full(id, (value, seq));
        if let Some((_, old)) = old {
            self.changes.remove(&old);
        }
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
                Change::User(v) => self.users.put(v.id.clone(), v, seq),
                Change::Department(v) => self.departments.put(v.id.clone(), v, seq),
                Change::Location(v) => self.locations.put(v.id.clone(), v, seq),
                Change::Plan(v) => self.plans.put(v.id.clone(), v, seq),
                Change::Stage(v) => {
                    let ids = self
                        .stages_by_plan
                        .entry(v.interview_plan_id.clone())
                        .or_default();
                    if !ids.contains(&v.id) {
                        ids.push(v.id.clone());
                    }
                    self.stages.put(v.id.clone(), v, seq)
                }
                Change::ArchiveReason(v) => self.archive_reasons.put(v.id.clone(), v, seq),
                Change::Source(v) => self.sources.put(v.id.clone(), v, seq),
                Change::Tag(v) => {
                    self.tags_by_title
                        .insert(v.title.trim().to_lowercase(), v.id.clone());
                    self.tags.put(v.id.clone(), v, seq)
                }
                Change::Job(v) => self.jobs.put(v.id.clone(), v, seq),
                Change::Candidate(mut v) => {
                    v.shrink_to_fit();
                    self.candidates.put(v.id.clone(), v, seq)
                }
                Change::Application(mut v) => {
                    v.shrink_to_fit();
                    let new = !self.applications.contains(&v.id);
                    let candidate = self.candidates.position(&v.candidate_id);
                    let at = self.applications.put_at(v.id.clone(), v, seq);
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
                    self.notes.put(v.id.clone(), v, seq)
                }
                Change::ApiKey(v) => {
                    self.api_keys.insert(v.key.clone(), std::sync::Arc::new(v));
                }
                Change::CloseReason(v) => self.close_reasons.put(v.id.clone(), v, seq),
                Change::Brand(v) => self.brands.put(v.id.clone(), v, seq),
                Change::CommunicationTemplate(v) => {
                    self.communication_templates.put(v.id.clone(), v, seq)
                }
                Change::JobBoard(v) => self.job_boards.put(v.id.clone(), v, seq),
                Change::HiringTeamRole(v) => self.hiring_team_roles.put(v.id.clone(), v, seq),
                Change::File(v) => self.files.put(v.handle.clone(), v, seq),
                Change::Project(v) => self.projects.put(v.id.clone(), v, seq),
                Change::CustomField(v) => self.custom_fields.put(v.id.clone(), v, seq),
                Change::InterviewerPause(v) => self.interviewer_pauses.put(v.id.clone(), v, seq),
                Change::Opening(v) => self.openings.put(v.id.clone(), v, seq),
                Change::JobPosting(v) => self.job_postings.put(v.id.clone(), v, seq),
                Change::JobTemplate(v) => self.job_templates.put(v.id.clone(), v, seq),
                Change::SourceTrackingLink(v) => {
                    self.source_tracking_links.put(v.id.clone(), v, seq)
                }
                Change::EmailMessage(v) => self.email_messages.put(v.id.clone(), v, seq),
            }
        }
    }
}
