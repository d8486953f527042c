//! Ashby's rules as pure functions on the [`Store`]: each returns the changes to write or the
//! error to answer (nothing is written on an error).
//!
//! - jobs start as Draft; `job.setStatus` allows Draft -> Open | Archived, Open -> Closed,
//!   Closed -> Draft | Archived, Archived -> Draft; a job without a default interview plan
//!   cannot open; `openedAt` / `closedAt` follow;
//! - `application.create` uses the job's default plan unless one is named, and its first Lead
//!   stage unless a stage is named (`FirstPreInterviewScreen` picks the first pre-interview
//!   screen); one active (not Archived) application per candidate and job;
//! - `application.changeStage`: the status follows the stage type; `archiveReasonId` is required
//!   for Archived stages and refused for others; every move is recorded in the history;
//! - `candidate.anonymize` only when every application of the candidate is Archived or Hired;
//! - `candidateTag.create` answers the existing tag when the title exists;
//! - departments and locations form trees that stay valid: no cycles, no archived parent for
//!   an active child (archiving archives the subtree; restoring needs an active parent).

pub mod candidates;
pub mod fields;
pub mod openings;

use super::error::AshbyError;
use super::model::*;
use super::store::{Change, Store};

type Result<T> = std::result::Result<T, AshbyError>;

/// Whether `to` may follow `from`.
pub fn job_transition_allowed(from: JobStatus, to: JobStatus) -> bool {
    use JobStatus::*;
    matches!(
        (from, to),
        (Draft, Open)
            | (Draft, Archived)
            | (Open, Closed)
            | (Closed, Draft)
            | (Closed, Archived)
            | (Archived, Draft)
    )
}

pub fn set_job_status(store: &Store, job: &Job, to: JobStatus, now: Time) -> Result<Job> {
    if job.status == to {
        return Ok(job.clone());
    }
    if !job_transition_allowed(job.status, to) {
        return Err(AshbyError::invalid_input(format!(
            "A job cannot move from {:?} to {:?}",
            job.status, to
        )));
    }
    if to == JobStatus::Open {
        let has_plan = job
            .default_interview_plan_id
            .as_deref()
            .is_some_and(|id| store.plans.contains(id));
        if !has_plan {
            return Err(AshbyError::invalid_input(
                "A job cannot be opened without a default interview plan",
            ));
        }
    }
    let mut job = job.clone();
    job.status = to;
    job.updated_at = now;
    match to {
        JobStatus::Open => {
            job.opened_at = Some(now);
            job.closed_at = None;
        }
        JobStatus::Closed | JobStatus::Archived => {
            if job.closed_at.is_none() {
                job.closed_at = Some(now);
            }
        }
        JobStatus::Draft => {}
    }
    Ok(job)
}

/// Where a new application starts: the plan and the stage.
pub fn starting_stage<'s>(
    store: &'s Store,
    job: &Job,
    plan_id: Option<&str>,
    stage_id: Option<&str>,
) -> Result<(&'s InterviewPlan, &'s InterviewStage)> {
    let plan_id = plan_id
        .or(job.default_interview_plan_id.as_deref())
        .ok_or_else(|| {
            AshbyError::new(
                "interview_plan_not_found",
                "The job has no default interview plan; name one",
            )
        })?;
    let plan = store
        .plans
        .get(plan_id)
        .ok_or_else(|| AshbyError::not_found("interview_plan", "Interview plan"))?;
    let stages = store.stages_of(&plan.id);
    let stage = match stage_id {
        None => stages.iter().find(|s| s.stage_type == StageType::Lead),
        Some("FirstPreInterviewScreen") => stages
            .iter()
            .find(|s| s.stage_type == StageType::PreInterviewScreen),
        Some(id) => stages.iter().find(|s| s.id == id),
    }
    .copied()
    .ok_or_else(|| AshbyError::not_found("interview_stage", "Interview stage"))?;
    Ok((plan, stage))
}

/// The new application's record.
#[allow(clippy::too_many_arguments)]
pub fn create_application(
    store: &Store,
    id: String,
    visit_id: String,
    candidate: &Candidate,
    job: &Job,
    plan_id: Option<&str>,
    stage_id: Option<&str>,
    source_id: Option<String>,
    credited_to_user_id: Option<String>,
    created_at: Time,
    actor: Option<String>,
) -> Result<Application> {
    if candidate.anonymized {
        return Err(AshbyError::invalid_input(
            "The candidate has been anonymized",
        ));
    }
    if store
        .applications_of(&candidate.id)
        .any(|a| a.job_id == job.id && a.status != ApplicationStatus::Archived)
    {
        return Err(AshbyError::new(
            "application_already_exists",
            "The candidate already has an active application for this job",
        ));
    }
    if let Some(source) = &source_id {
        if !store.sources.contains(source) {
            return Err(AshbyError::not_found("source", "Source"));
        }
    }
    if let Some(user) = &credited_to_user_id {
        if !store.users.contains(user) {
            return Err(AshbyError::not_found("user", "User"));
        }
    }
    let (plan, stage) = starting_stage(store, job, plan_id, stage_id)?;
    Ok(Application {
        id,
        candidate_id: candidate.id.clone(),
        job_id: job.id.clone(),
        interview_plan_id: plan.id.clone(),
        current_interview_stage_id: stage.id.clone(),
        status: ApplicationStatus::of_stage(stage.stage_type),
        source_id,
        credited_to_user_id,
        archive_reason_id: None,
        archived_at: None,
        history: vec![StageVisit {
            id: visit_id,
            stage_id: stage.id.clone(),
            title: stage.title.clone(),
            entered_stage_at: created_at,
            left_stage_at: None,
            stage_number: 0,
            actor_id: actor,
        }],
        created_at,
        updated_at: created_at,
        hiring_team: Vec::new(),
        custom_fields: Vec::new(),
    })
}

/// `application.changeStage`.
pub fn change_stage(
    store: &Store,
    app: &Application,
    stage_id: &str,
    archive_reason_id: Option<&str>,
    visit_id: String,
    now: Time,
    actor: Option<String>,
) -> Result<Application> {
    let stage = store
        .stages
        .get(stage_id)
        .filter(|s| s.interview_plan_id == app.interview_plan_id)
        .ok_or_else(|| AshbyError::not_found("interview_stage", "Interview stage"))?;
    let archive_reason = match (stage.stage_type, archive_reason_id) {
        (StageType::Archived, None) => {
            return Err(AshbyError::invalid_input(
                "Archive reason ID is required for archive stages",
            ))
        }
        (StageType::Archived, Some(id)) => Some(
            store
                .archive_reasons
                .get(id)
                .ok_or_else(|| AshbyError::not_found("archive_reason", "Archive reason"))?,
        ),
        (_, Some(_)) => {
            return Err(AshbyError::invalid_input(
                "Archive fields are not allowed for non-archive stages",
            ))
        }
        (_, None) => None,
    };
    let mut app = app.clone();
    if let Some(last) = app.history.last_mut() {
        last.left_stage_at = Some(now);
    }
    let number = app.history.len() as u32;
    app.history.push(StageVisit {
        id: visit_id,
        stage_id: stage.id.clone(),
        title: stage.title.clone(),
        entered_stage_at: now,
        left_stage_at: None,
        stage_number: number,
        actor_id: actor,
    });
    app.current_interview_stage_id = stage.id.clone();
    app.status = ApplicationStatus::of_stage(stage.stage_type);
    app.archive_reason_id = archive_reason.map(|r| r.id.clone());
    app.archived_at = archive_reason.map(|_| now);
    app.updated_at = now;
    Ok(app)
}

/// `candidate.anonymize`: the personal data goes for good; only when every application is
/// Archived or Hired.
pub fn anonymize(store: &Store, candidate: &Candidate, now: Time) -> Result<Vec<Change>> {
    if let Some(open) = store.applications_of(&candidate.id).find(|a| {
        !matches!(
            a.status,
            ApplicationStatus::Archived | ApplicationStatus::Hired
        )
    }) {
        return Err(AshbyError::new(
            "candidate_has_active_applications",
            format!(
                "Candidates can only be anonymized when all their applications are archived or hired; application {} is {:?}",
                open.id, open.status
            ),
        ));
    }
    let mut c = candidate.clone();
    c.name = "Anonymized Candidate".into();
    c.email_addresses.clear();
    c.phone_numbers.clear();
    c.social_links.clear();
    c.position = None;
    c.company = None;
    c.school = None;
    c.location_summary = None;
    c.custom_fields.clear();
    let files: Vec<String> = c
        .file_handles
        .drain(..)
        .chain(c.resume_handle.take())
        .collect();
    c.anonymized = true;
    c.updated_at = now;
    let mut changes = vec![Change::Candidate(c)];
    for handle in files {
        if let Some(f) = store.files.get(&handle) {
            let mut f = f.clone();
            f.filename = "anonymized".into();
            f.data = None;
            changes.push(Change::File(f));
        }
    }
    for message in store
        .email_messages
        .values()
        .filter(|m| m.candidate_id == candidate.id)
    {
        let mut m = message.clone();
        m.subject = String::new();
        m.body = None;
        m.from = String::new();
        m.to = String::new();
        m.cc = None;
        changes.push(Change::EmailMessage(m));
    }
    for note in store.notes_of(&candidate.id) {
        let mut n = note.clone();
        n.content = String::new();
        changes.push(Change::Note(n));
    }
    Ok(changes)
}

/// One event of an application's history as `application.updateHistory` takes it.
#[derive(Debug, Clone)]
pub struct HistoryEvent {
    pub stage_id: String,
    pub stage_number: u32,
    pub entered_stage_at: Time,
    /// An existing event to keep (with its id); none makes a new one.
    pub application_history_id: Option<String>,
    pub archive_reason_id: Option<String>,
}

/// `application.updateHistory`: the whole history replaced by `events`. Stage numbers are
/// 0..n in order with non-decreasing entry times, not in the future; every stage belongs to
/// the application's plan; existing ids must be the application's own; `archiveReasonId` only on
/// Archived stages. The application ends where the last event is (status, archive reason and
/// time follow it), and one active application per candidate and job still holds.
pub fn update_history(
    store: &Store,
    app: &Application,
    events: &[HistoryEvent],
    mut new_id: impl FnMut() -> String,
    now: Time,
) -> Result<Application> {
    let mut events = events.to_vec();
    events.sort_by_key(|e| e.stage_number);
    if events.is_empty() {
        return Err(AshbyError::invalid_input(
            "applicationHistory must hold at least one event",
        ));
    }
    if events
        .iter()
        .enumerate()
        .any(|(i, e)| e.stage_number as usize != i)
    {
        return Err(AshbyError::invalid_input(
            "stageNumber must run from 0 through the number of events less one",
        ));
    }
    let mut visits = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let stage = store
            .stages
            .get(&e.stage_id)
            .filter(|s| s.interview_plan_id == app.interview_plan_id)
            .ok_or_else(|| AshbyError::not_found("interview_stage", "Interview stage"))?;
        if e.entered_stage_at > now {
            return Err(AshbyError::invalid_input(
                "enteredStageAt must not be in the future",
            ));
        }
        if i > 0 && e.entered_stage_at < events[i - 1].entered_stage_at {
            return Err(AshbyError::invalid_input(
                "enteredStageAt must not go back in time from one event to the next",
            ));
        }
        match (&e.archive_reason_id, stage.stage_type) {
            (Some(r), StageType::Archived) if !store.archive_reasons.contains(r) => {
                return Err(AshbyError::not_found("archive_reason", "Archive reason"))
            }
            (Some(_), t) if t != StageType::Archived => {
                return Err(AshbyError::invalid_input(
                    "Archive fields are not allowed for non-archive stages",
                ))
            }
            _ => {}
        }
        let existing = match &e.application_history_id {
            Some(id) => Some(app.history.iter().find(|v| v.id == *id).ok_or_else(|| {
                AshbyError::invalid_input(format!(
                    "applicationHistoryId {id} is not an event of this application"
                ))
            })?),
            None => None,
        };
        visits.push(StageVisit {
            id: existing.map_or_else(&mut new_id, |v| v.id.clone()),
            stage_id: stage.id.clone(),
            title: stage.title.clone(),
            entered_stage_at: e.entered_stage_at,
            left_stage_at: events.get(i + 1).map(|n| n.entered_stage_at),
            stage_number: i as u32,
            actor_id: existing.and_then(|v| v.actor_id.clone()),
        });
    }
    let last = events.last().map(|e| (e, store.stages.get(&e.stage_id)));
    let (Some((last, Some(stage))), mut next) = (last, app.clone()) else {
        return Err(AshbyError::invalid_input("applicationHistory is empty"));
    };
    next.status = ApplicationStatus::of_stage(stage.stage_type);
    next.current_interview_stage_id = stage.id.clone();
    if stage.stage_type == StageType::Archived {
        next.archive_reason_id = last
            .archive_reason_id
            .clone()
            .or_else(|| app.archive_reason_id.clone());
        if next.archive_reason_id.is_none() {
            return Err(AshbyError::invalid_input(
                "Archive reason ID is required for archive stages",
            ));
        }
        next.archived_at = Some(last.entered_stage_at);
    } else {
        next.archive_reason_id = None;
        next.archived_at = None;
        if app.status == ApplicationStatus::Archived
            && store.applications_of(&app.candidate_id).any(|o| {
                o.id != app.id && o.job_id == app.job_id && o.status != ApplicationStatus::Archived
            })
        {
            return Err(AshbyError::new(
                "application_already_exists",
                "The candidate already has an active application for this job",
            ));
        }
    }
    next.history = visits;
    next.updated_at = now;
    Ok(next)
}

/// A node of an organization tree (departments, locations).
pub trait TreeNode: Clone {
    fn id(&self) -> &str;
    fn parent(&self) -> Option<&str>;
    fn set_parent(&mut self, parent: Option<String>);
    fn is_archived(&self) -> bool;
    fn set_archived(&mut self, archived: bool);
}

/// `id` and every node below it.
pub fn subtree<'a, T: TreeNode>(all: &[&'a T], id: &str) -> Vec<&'a T> {
    let mut found: Vec<&T> = all.iter().copied().filter(|n| n.id() == id).collect();
    let mut i = 0;
    while i < found.len() {
        let parent = found[i].id().to_owned();
        found.extend(
            all.iter()
                .copied()
                .filter(|n| n.parent() == Some(parent.as_str())),
        );
        i += 1;
    }
    found
}

/// Moving `node` under `parent` keeps the tree valid: the parent exists, is active when the
/// node is, and is not the node itself or below it (no cycles).
pub fn check_move<T: TreeNode>(all: &[&T], node: &T, parent: Option<&T>) -> Result<()> {
    let Some(parent) = parent else { return Ok(()) };
    if subtree(all, node.id())
        .iter()
        .any(|n| n.id() == parent.id())
    {
        return Err(AshbyError::invalid_input(
            "A node cannot move under itself or one of its descendants",
        ));
    }
    if parent.is_archived() && !node.is_archived() {
        return Err(AshbyError::invalid_input(
            "An active node cannot have an archived parent",
        ));
    }
    Ok(())
}

/// Archiving archives the whole subtree, so no active node keeps an archived parent.
pub fn archive_subtree<T: TreeNode>(all: &[&T], id: &str) -> Vec<T> {
    subtree(all, id)
        .into_iter()
        .map(|n| {
            let mut n = n.clone();
            n.set_archived(true);
            n
        })
        .collect()
}

/// Restoring needs an active parent.
pub fn restore<T: TreeNode>(node: &T, parent: Option<&T>) -> Result<T> {
    if parent.is_some_and(|p| p.is_archived()) {
        return Err(AshbyError::invalid_input(
            "Restore the parent first: an active node cannot have an archived parent",
        ));
    }
    let mut node = node.clone();
    node.set_archived(false);
    Ok(node)
}

impl TreeNode for Department {
    fn id(&self) -> &str {
        &self.id
    }
    fn parent(&self) -> Option<&str> {
        self.parent_id.as_deref()
    }
    fn set_parent(&mut self, parent: Option<String>) {
        self.parent_id = parent;
    }
    fn is_archived(&self) -> bool {
        self.is_archived
    }
    fn set_archived(&mut self, archived: bool) {
        self.is_archived = archived;
    }
}

impl TreeNode for Location {
    fn id(&self) -> &str {
        &self.id
    }
    fn parent(&self) -> Option<&str> {
        self.parent_location_id.as_deref()
    }
    fn set_parent(&mut self, parent: Option<String>) {
        self.parent_location_id = parent;
    }
    fn is_archived(&self) -> bool {
        self.is_archived
    }
    fn set_archived(&mut self, archived: bool) {
        self.is_archived = archived;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ALL: [JobStatus; 4] = [
        JobStatus::Draft,
        JobStatus::Open,
        JobStatus::Closed,
        JobStatus::Archived,
    ];

    proptest! {
        /// No sequence of status calls reaches a state the vendor forbids: every applied change
        /// is one of the documented transitions, and opening needs a default plan.
        #[test]
        fn job_status_calls_follow_the_documented_transitions(
            calls in prop::collection::vec(0usize..4, 1..40),
            with_plan in any::<bool>(),
        ) {
            let mut store = Store::default();
            let t = Time::default();
            if with_plan {
                store.apply(vec![Change::Plan(InterviewPlan { id: "p".into(), title: "P".into(), is_archived: false, created_at: t, updated_at: t })]);
            }
            let mut job = Job {
                id: "j".into(), title: "J".into(), confidential: false, status: JobStatus::Draft,
                employment_type: EmploymentType::FullTime, location_id: None, department_id: None,
                default_interview_plan_id: Some("p".into()), interview_plan_ids: vec![],
                custom_requisition_id: None, author_id: None, created_at: t, updated_at: t,
                opened_at: None, closed_at: None, hiring_team: vec![], custom_fields: vec![],
                compensation_tiers: vec![],
            };
            for to in calls.into_iter().map(|i| ALL[i]) {
                match set_job_status(&store, &job, to, t) {
                    Ok(next) => {
                        prop_assert!(next.status == job.status || job_transition_allowed(job.status, next.status));
                        if next.status == JobStatus::Open && job.status != JobStatus::Open {
                            prop_assert!(with_plan);
                            prop_assert!(next.opened_at.is_some());
                        }
                        job = next;
                    }
                    Err(_) => prop_assert!(!job_transition_allowed(job.status, to) || (to == JobStatus::Open && !with_plan)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tree_tests {
    use super::*;
    use proptest::prelude::*;

    fn dept(i: usize) -> Department {
        let t = Time::default();
        Department {
            id: format!("d{i}"),
            name: format!("D{i}"),
            external_name: None,
            is_archived: false,
            parent_id: None,
            created_at: t,
            updated_at: t,
        }
    }

    proptest! {
        /// Whatever moves, archives and restores happen, the tree has no cycle and no active
        /// node under an archived parent.
        #[test]
        fn department_trees_stay_valid(ops in prop::collection::vec((0u8..3, 0usize..6, 0usize..7), 1..60)) {
            let mut all: Vec<Department> = (0..6).map(dept).collect();
            for (op, a, b) in ops {
                let refs: Vec<&Department> = all.iter().collect();
                let node = refs[a].clone();
                let outcome: Vec<Department> = match op {
                    0 => {
                        let parent = (b < 6).then(|| refs[b]);
                        match check_move(&refs, &node, parent) {
                            Ok(()) => { let mut n = node.clone(); n.parent_id = parent.map(|p| p.id.clone()); vec![n] }
                            Err(_) => vec![],
                        }
                    }
                    1 => archive_subtree(&refs, &node.id),
                    _ => {
                        let parent = node.parent_id.as_deref().and_then(|p| refs.iter().find(|d| d.id == p).copied());
                        restore(&node, parent).map(|n| vec![n]).unwrap_or_default()
                    }
                };
                for changed in outcome {
                    if let Some(slot) = all.iter_mut().find(|d| d.id == changed.id) {
                        *slot = changed;
                    }
                }
                for d in &all {
                    let mut seen = vec![d.id.clone()];
                    let mut at = d.parent_id.clone();
                    while let Some(p) = at {
                        prop_assert!(!seen.contains(&p), "cycle through {p}");
                        seen.push(p.clone());
                        let parent = all.iter().find(|x| x.id == p).unwrap();
                        if !d.is_archived && seen.len() == 2 {
                            prop_assert!(!parent.is_archived, "{} active under archived {}", d.id, p);
                        }
                        at = parent.parent_id.clone();
                    }
                }
            }
        }
    }
}
