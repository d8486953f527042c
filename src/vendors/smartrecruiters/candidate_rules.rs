//! Candidates' rules as pure functions on the [`Store`] (re-exported by `rules.rs`): creation,
//! updates, tags, deletion, and the status of a candidate on a job.
//!
//! # Candidate status per job
//! - REJECTED needs `reason`, the id of a rejection reason; WITHDRAWN the id of a withdrawal reason;
//!   no other status takes a reason.
//! - `subStatus` only with `status` (the body requires `status`), and it must be one of the
//!   sub-statuses the job's hiring process lists for that status.
//! - A LEAD must be converted (to NEW) before moving into the process: from LEAD only NEW,
//!   REJECTED and WITHDRAWN, and a LEAD dismissed (REJECTED, WITHDRAWN) and reconsidered still
//!   goes through NEW; nothing moves back to LEAD. TRANSFERRED is set by SmartRecruiters
//!   itself, not through the API. `startsOn` only with HIRED.
//! - Setting the current status and sub-status again is a no-op; every change is a history row.
//! - Candidates cannot be added to FILLED or CANCELLED jobs, nor twice to one job.

use super::error::SrError;
use super::input::*;
use super::model::*;
use super::rules::{auto_job_status, candidate, job, moved_job, need, no_application, require};
use super::store::{Change, Changes, Store};
use crate::validation::is_valid_email;

fn non_blank(field: &str, value: &str) -> Result<String, SrError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(SrError::invalid(field, "must not be blank"));
    }
    Ok(value.to_owned())
}

fn valid_email(field: &str, email: &str) -> Result<String, SrError> {
    let email = email.trim();
    if !is_valid_email(email) {
        return Err(SrError::invalid(
            field,
            format!("'{email}' is not a valid email address"),
        ));
    }
    Ok(email.to_owned())
}

fn clean_tags(tags: &[String]) -> Result<Vec<String>, SrError> {
    let mut out: Vec<String> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let tag = non_blank(&format!("tags[{i}]"), tag)?;
        if !out.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    Ok(out)
}

fn check_source(store: &Store, source: &Option<SourceDetails>) -> Result<(), SrError> {
    if let Some(s) = source {
        match store.sources.get(s.source_id.as_str()) {
            Some(v) if v.source_type == s.source_type_id => {}
            Some(_) => {
                return Err(SrError::invalid(
                    "sourceDetails.sourceTypeId",
                    format!(
                        "source '{}' is not of type '{}'",
                        s.source_id, s.source_type_id
                    ),
                ))
            }
            None => {
                return Err(SrError::invalid(
                    "sourceDetails.sourceId",
                    format!("unknown source '{}'", s.source_id),
                ))
            }
        }
    }
    Ok(())
}

fn application_mut<'c>(c: &'c mut Candidate, job_id: &str) -> Result<&'c mut Application, SrError> {
    let id = c.id.clone();
    c.applications
        .iter_mut()
        .find(|a| a.job_id == job_id)
        .ok_or_else(|| no_application(&id, job_id))
}

/// Whether an application ever entered the hiring process (a status other than LEAD, REJECTED
/// or WITHDRAWN): a LEAD dismissed and reconsidered still needs converting.
pub fn converted(history: &[StatusChange]) -> bool {
    use CandidateStatus::*;
    history
        .iter()
        .any(|h| !matches!(h.status, Lead | Rejected | Withdrawn))
}

/// Whether a candidate may move from `from` to `to` on a job (see the module docs);
/// `converted` says whether the application ever entered the process ([`converted`]).
pub fn candidate_transition(
    from: CandidateStatus,
    to: CandidateStatus,
    converted: bool,
) -> Result<(), SrError> {
    use CandidateStatus::*;
    if to == Transferred {
        return Err(SrError::status_change(
            "TRANSFERRED is set by SmartRecruiters when a candidate moves to another job",
        ));
    }
    if to == Lead && from != Lead {
        return Err(SrError::status_change(format!(
            "a candidate in {from} cannot become a LEAD again"
        )));
    }
    if !converted && !matches!(to, Lead | New | Rejected | Withdrawn) {
        return Err(SrError::status_change(format!(
            "a LEAD must be converted (status NEW) before moving to {to}"
        )));
    }
    Ok(())
}

pub fn create_candidate(
    store: &Store,
    actor: &User,
    id: String,
    input: CandidateInput,
    job_id: Option<&str>,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_CANDIDATES, "Creating candidates")?;
    let first_name = non_blank("firstName", &input.first_name)?;
    let last_name = non_blank("lastName", &input.last_name)?;
    let email = valid_email("email", &input.email)?;
    let tags = clean_tags(&input.tags)?;
    check_source(store, &input.source_details)?;
    let mut changes = Vec::new();
    let mut applications = Vec::new();
    if let Some(job_id) = job_id {
        let (application, job) = new_application(store, job_id, input.source_details.clone(), now)?;
        applications.push(application);
        changes.push(job);
    }
    changes.push(Change::PutCandidate(Box::new(Candidate {
        id,
        internal: input.internal.unwrap_or(false),
        first_name: first_name.into(),
        last_name: last_name.into(),
        email,
        phone_number: input.phone_number.map(Text::from),
        location: input.location.map(stored),
        web: input.web.map(stored),
        tags,
        education: input.education.into_iter().map(stored).collect(),
        experience: input.experience.into_iter().map(stored).collect(),
        source_details: input.source_details,
        average_rating: 0.0,
        created_on: now,
        updated_on: now,
        applications,
        attachments: Vec::new(),
    })));
    Ok(changes)
}

/// A NEW application to `job_id`, and the job as it moves with it (its status may advance
/// and its last activity is now).
fn new_application(
    store: &Store,
    job_id: &str,
    source: Option<SourceDetails>,
    now: Time,
) -> Result<(Application, Change), SrError> {
    let job = job(store, job_id)?;
    check_job_takes_candidates(job)?;
    let application = Application {
        job_id: Text::new(&job.id),
        status: CandidateStatus::New,
        sub_status: None,
        starts_on: None,
        source,
        reason_of_rejection: None,
        reason_of_withdrawal: None,
        onboarding_status: None,
        properties: Default::default(),
        screening_answers: Vec::new(),
        created_on: now,
        history: vec![StatusChange {
            changed_on: now,
            status: CandidateStatus::New,
            sub_status: None,
        }],
    };
    let mut job = job.clone();
    if let Some(to) = auto_job_status(&job, CandidateStatus::New) {
        job = moved_job(&job, to, now);
    }
    job.last_activity_on = now;
    Ok((application, Change::PutJob(Box::new(job))))
}

/// An existing candidate applying to another job (Panora's unified application create): the
/// job must take candidates and the candidate must not be on it already.
pub fn assign_to_job(
    store: &Store,
    actor: &User,
    candidate_id: &str,
    job_id: &str,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_CANDIDATES, "Adding candidates to jobs")?;
    let mut c = candidate(store, candidate_id)?.clone();
    if c.application(job_id).is_some() {
        return Err(SrError::conflict(format!(
            "candidate '{candidate_id}' is already on job '{job_id}'"
        )));
    }
    let (application, job) = new_application(store, job_id, c.source_details.clone(), now)?;
    c.applications.push(application);
    c.updated_on = now;
    Ok(vec![job, Change::PutCandidate(Box::new(c))])
}

pub fn check_job_takes_candidates(job: &Job) -> Result<(), SrError> {
    if matches!(job.status, JobStatus::Filled | JobStatus::Cancelled) {
        return Err(SrError::status_change(format!(
            "candidates cannot be added to job '{}': it is {}",
            job.id, job.status
        )));
    }
    Ok(())
}

pub fn update_candidate(
    store: &Store,
    actor: &User,
    id: &str,
    patch: CandidatePatch,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_CANDIDATES, "Updating candidates")?;
    let mut c = candidate(store, id)?.clone();
    if let Some(v) = patch.first_name {
        c.first_name = non_blank("firstName", &v)?.into();
    }
    if let Some(v) = patch.last_name {
        c.last_name = non_blank("lastName", &v)?.into();
    }
    if let Some(v) = patch.email {
        c.email = valid_email("email", &v)?;
    }
    if let Some(v) = patch.phone_number {
        c.phone_number = Some(v.into());
    }
    if let Some(v) = patch.location {
        c.location = Some(stored(v));
    }
    if let Some(v) = patch.web {
        c.web = Some(stored(v));
    }
    if let Some(v) = patch.education {
        c.education = v.into_iter().map(stored).collect();
    }
    if let Some(v) = patch.experience {
        c.experience = v.into_iter().map(stored).collect();
    }
    if let Some(v) = patch.internal {
        c.internal = v;
    }
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

pub fn delete_candidate(store: &Store, actor: &User, id: &str) -> Result<Changes, SrError> {
    require(actor, need::DELETE_CANDIDATES, "Deleting candidates")?;
    candidate(store, id)?;
    Ok(vec![Change::DeleteCandidate(id.to_owned())])
}

/// How a tags call changes the tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagsVerb {
    Add,
    Replace,
    DeleteAll,
}

pub fn set_tags(
    store: &Store,
    actor: &User,
    id: &str,
    verb: TagsVerb,
    tags: &[String],
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::MOVE_CANDIDATES, "Changing tags")?;
    let mut c = candidate(store, id)?.clone();
    let tags = clean_tags(tags)?;
    c.tags = match verb {
        TagsVerb::Add => {
            let mut all = c.tags.clone();
            all.extend(tags);
            clean_tags(&all)?
        }
        TagsVerb::Replace => tags,
        TagsVerb::DeleteAll => Vec::new(),
    };
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

/// The sub-statuses the job's hiring process offers for `status`.
fn sub_statuses<'s>(store: &'s Store, job: &Job, status: CandidateStatus) -> &'s [String] {
    job.hiring_process_id
        .as_ref()
        .and_then(|id| store.hiring_processes.get(id))
        .or_else(|| store.hiring_processes.values().next())
        .and_then(|p| p.sub_statuses.get(status.name()))
        .map_or(&[], Vec::as_slice)
}

/// The reason a status takes: `(rejection, withdrawal)` reason ids, checked against the
/// company's configuration.
fn status_reason(
    store: &Store,
    to: CandidateStatus,
    reason: Option<&str>,
) -> Result<(Option<Text>, Option<Text>), SrError> {
    let (reasons, kind, path) = match to {
        CandidateStatus::Rejected => (&store.rejection_reasons, "rejection", "rejection-reasons"),
        CandidateStatus::Withdrawn => (
            &store.withdrawal_reasons,
            "withdrawal",
            "withdrawal-reasons",
        ),
        _ if reason.is_some() => {
            return Err(SrError::invalid(
                "reason",
                format!("only REJECTED and WITHDRAWN take a reason, not {to}"),
            ))
        }
        _ => return Ok((None, None)),
    };
    let id = match reason {
        None => {
            return Err(SrError::invalid(
                "reason",
                format!("{to} needs the id of a {kind} reason (GET /configuration/{path})"),
            ))
        }
        Some(r) if !reasons.contains_key(r) => {
            return Err(SrError::invalid(
                "reason",
                format!("unknown {kind} reason '{r}'"),
            ))
        }
        Some(r) => Some(Text::new(r)),
    };
    Ok(match to {
        CandidateStatus::Rejected => (id, None),
        _ => (None, id),
    })
}

/// `PUT .../status`: on the job's application, or the primary one when `job_id` is `None`.
pub fn set_candidate_status(
    store: &Store,
    actor: &User,
    candidate_id: &str,
    job_id: Option<&str>,
    input: &CandidateStatusInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(
        actor,
        need::MOVE_CANDIDATES,
        "Changing a candidate's status",
    )?;
    let to = CandidateStatus::parse(&input.status).ok_or_else(|| {
        SrError::invalid(
            "status",
            format!(
                "'{}' is not one of LEAD, NEW, IN_REVIEW, INTERVIEW, OFFERED, HIRED, REJECTED, WITHDRAWN, TRANSFERRED",
                input.status
            ),
        )
    })?;
    let mut c = candidate(store, candidate_id)?.clone();
    let index = match job_id {
        Some(job_id) => {
            job(store, job_id)?;
            c.applications
                .iter()
                .position(|a| a.job_id == job_id)
                .ok_or_else(|| no_application(candidate_id, job_id))?
        }
        None => c.applications.len().checked_sub(1).ok_or_else(|| {
            SrError::status_change(format!(
                "candidate '{candidate_id}' has no primary assignment: assign them to a job first"
            ))
        })?,
    };
    let job = job(store, &c.applications[index].job_id)?.clone();
    let app = &mut c.applications[index];
    candidate_transition(app.status, to, converted(&app.history))?;
    let (rejection, withdrawal) = status_reason(store, to, input.reason.as_deref())?;
    if let Some(sub) = &input.sub_status {
        let allowed = sub_statuses(store, &job, to);
        if !allowed.iter().any(|s| s == sub) {
            return Err(SrError::invalid(
                "subStatus",
                format!(
                    "'{sub}' is not a sub-status of {to} in the job's hiring process (allowed: {})",
                    if allowed.is_empty() {
                        "none".to_owned()
                    } else {
                        allowed.join(", ")
                    }
                ),
            ));
        }
    }
    if input.starts_on.is_some() && to != CandidateStatus::Hired {
        return Err(SrError::invalid(
            "startsOn",
            "only HIRED takes a start date",
        ));
    }
    let sub_status = input.sub_status.as_deref().map(Text::new);
    if app.status == to && app.sub_status == sub_status && input.starts_on.is_none() {
        return Ok(Vec::new());
    }
    app.status = to;
    app.sub_status = sub_status.clone();
    app.starts_on = input.starts_on.or(app.starts_on);
    app.reason_of_rejection = rejection;
    app.reason_of_withdrawal = withdrawal;
    app.history.push(StatusChange {
        changed_on: now,
        status: to,
        sub_status,
    });
    c.updated_on = now;
    let mut changes = vec![Change::PutCandidate(Box::new(c))];
    let mut job = job;
    if let Some(next) = auto_job_status(&job, to) {
        job = moved_job(&job, next, now);
    }
    job.last_activity_on = now;
    changes.push(Change::PutJob(Box::new(job)));
    Ok(changes)
}

pub fn delete_application(
    store: &Store,
    actor: &User,
    candidate_id: &str,
    job_id: &str,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::DELETE_CANDIDATES, "Deleting applications")?;
    let mut c = candidate(store, candidate_id)?.clone();
    let before = c.applications.len();
    c.applications.retain(|a| a.job_id != job_id);
    if c.applications.len() == before {
        return Err(no_application(candidate_id, job_id));
    }
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

pub fn set_source(
    store: &Store,
    actor: &User,
    candidate_id: &str,
    job_id: &str,
    source: SourceDetails,
    now: Time,
) -> Result<Changes, SrError> {
    require(
        actor,
        need::WRITE_CANDIDATES,
        "Changing a candidate's source",
    )?;
    check_source(store, &Some(source.clone()))?;
    let mut c = candidate(store, candidate_id)?.clone();
    let app = application_mut(&mut c, job_id)?;
    app.source = Some(source);
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

pub fn set_onboarding(
    store: &Store,
    actor: &User,
    candidate_id: &str,
    job_id: &str,
    status: OnboardingStatus,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_CANDIDATES, "Changing onboarding status")?;
    let mut c = candidate(store, candidate_id)?.clone();
    let app = application_mut(&mut c, job_id)?;
    if app.status != CandidateStatus::Hired {
        return Err(SrError::status_change(format!(
            "onboarding status can be set only for HIRED candidates; this one is {}",
            app.status
        )));
    }
    app.onboarding_status = Some(status);
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}
