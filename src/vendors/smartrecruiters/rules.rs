//! SmartRecruiters' rules as pure functions on the [`Store`]: each returns the [`Changes`] to
//! write or the error to answer, so a refused request changes nothing.
//!
//! # Permissions by system role
//! SmartRecruiters documents the roles, not an API matrix; the sandbox grants, cumulatively:
//! - EMPLOYEE: read jobs, configuration and users (`/users/me` included);
//! - RESTRICTED: + read candidates, change their status and tags;
//! - STANDARD: + create and update candidates (source, onboarding) and jobs (status, positions,
//!   hiring team, note);
//! - EXTENDED: + delete candidates and applications;
//! - ADMINISTRATOR: + manage users, access groups and configuration.
//!
//! # Job status transitions
//! `OTHER` is readable, never settable. `CREATED` is only the start: no job returns to it.
//! The active statuses are stages, SOURCING < INTERVIEW < OFFER, and a job remembers the
//! furthest stage it reached (`reachedStage`); it never moves back below it, so a job that reached
//! INTERVIEW stays there (help center: "stays in Interview or Offer even if candidates are later
//! rejected"). The table:
//!
//! | from \ to                   | SOURCING, INTERVIEW, OFFER | FILLED | ON_HOLD | CANCELLED |
//! |----------------------------|----------------------------|--------|---------|-----------|
//! | CREATED                    | yes                        | no     | yes     | yes       |
//! | SOURCING, INTERVIEW, OFFER | if ≥ the reached stage     | yes    | yes     | yes       |
//! | ON_HOLD, FILLED, CANCELLED | if ≥ the reached stage     | yes    | yes     | yes       |
//!
//! CREATED and OTHER are never targets (setting the current status is a no-op, no history).
//! Automatic moves: a candidate added to a CREATED job moves it to SOURCING; a candidate reaching
//! INTERVIEW or OFFERED moves an active or CREATED job up to INTERVIEW or OFFER. Each change,
//! manual or automatic, is a row of the job's status history.
//!
//! Candidates' rules (status per job, tags, sources) are in `candidate_rules.rs`, re-exported here.

use super::error::SrError;
use super::input::JobStatusInput;
use super::model::*;
use super::store::{Change, Changes, Store};

/// The least system role an action needs.
pub mod need {
    use super::SystemRole;
    pub const READ_CANDIDATES: SystemRole = SystemRole::Restricted;
    pub const MOVE_CANDIDATES: SystemRole = SystemRole::Restricted;
    pub const WRITE_CANDIDATES: SystemRole = SystemRole::Standard;
    pub const DELETE_CANDIDATES: SystemRole = SystemRole::Extended;
    pub const WRITE_JOBS: SystemRole = SystemRole::Standard;
    pub const ADMIN: SystemRole = SystemRole::Administrator;
}

pub fn require(actor: &User, least: SystemRole, action: &str) -> Result<(), SrError> {
    if actor.system_role < least {
        return Err(SrError::forbidden(format!(
            "{action} requires system role {} or higher; the caller is {}",
            least.id(),
            actor.system_role.id()
        )));
    }
    Ok(())
}

/// 404 for a candidate without an application to a job.
pub fn no_application(candidate_id: &str, job_id: &str) -> SrError {
    SrError::not_found(
        "Application of candidate",
        format!("{candidate_id} to job {job_id}"),
    )
}

pub fn job<'s>(store: &'s Store, id: &str) -> Result<&'s Job, SrError> {
    store
        .jobs
        .get(id)
        .ok_or_else(|| SrError::not_found("Job", id))
}

pub fn candidate<'s>(store: &'s Store, id: &str) -> Result<&'s Candidate, SrError> {
    store
        .candidates
        .get(id)
        .ok_or_else(|| SrError::not_found("Candidate", id))
}

pub fn user<'s>(store: &'s Store, id: &str) -> Result<&'s User, SrError> {
    store
        .users
        .get(id)
        .ok_or_else(|| SrError::not_found("User", id))
}

// ---------------------------------------------------------------- job status

/// Whether a job may move from its status to `to` (see the module docs).
pub fn job_transition(job: &Job, to: JobStatus) -> Result<(), SrError> {
    let from = job.status;
    if to == JobStatus::Other {
        return Err(SrError::status_change(
            "status OTHER cannot be set through the API",
        ));
    }
    if to == from {
        return Ok(());
    }
    if to == JobStatus::Created {
        return Err(SrError::status_change(format!(
            "a job cannot return to CREATED (it is {from})"
        )));
    }
    if to == JobStatus::Filled && from == JobStatus::Created {
        return Err(SrError::status_change(
            "a job in CREATED cannot be FILLED: start sourcing first",
        ));
    }
    if let Some(stage) = to.stage() {
        if stage < job.reached_stage {
            return Err(SrError::status_change(format!(
                "a job that reached {} cannot move back to {to}",
                stage_status(job.reached_stage)
            )));
        }
    }
    Ok(())
}

fn stage_status(stage: u8) -> JobStatus {
    match stage {
        0 | 1 => JobStatus::Sourcing,
        2 => JobStatus::Interview,
        _ => JobStatus::Offer,
    }
}

/// The job after a (checked) move to `to`, with its history row.
pub fn moved_job(job: &Job, to: JobStatus, now: Time) -> Job {
    let mut job = job.clone();
    if job.status == to {
        return job;
    }
    job.status = to;
    if let Some(stage) = to.stage() {
        job.reached_stage = job.reached_stage.max(stage);
    }
    job.updated_on = now;
    job.last_activity_on = now;
    job.status_history.push(JobStatusChange {
        changed_on: now,
        status: to,
    });
    job
}

pub fn set_job_status(
    store: &Store,
    actor: &User,
    job_id: &str,
    input: &JobStatusInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Changing a job's status")?;
    let to = JobStatus::parse(&input.status).ok_or_else(|| {
        SrError::invalid(
            "status",
            format!(
                "'{}' is not one of CREATED, SOURCING, INTERVIEW, OFFER, FILLED, ON_HOLD, CANCELLED",
                input.status
            ),
        )
    })?;
    let job = job(store, job_id)?;
    job_transition(job, to)?;
    Ok(vec![Change::PutJob(Box::new(moved_job(job, to, now)))])
}

/// The automatic move of a job when a candidate reaches `status` on it (or joins it).
pub(super) fn auto_job_status(job: &Job, candidate_status: CandidateStatus) -> Option<JobStatus> {
    let target = match candidate_status {
        CandidateStatus::Interview => JobStatus::Interview,
        CandidateStatus::Offered => JobStatus::Offer,
        CandidateStatus::Lead | CandidateStatus::New => JobStatus::Sourcing,
        _ => return None,
    };
    let current = match job.status {
        JobStatus::Created => 0,
        status => status.stage()?,
    };
    (target.stage()? > current).then_some(target)
}

pub use super::candidate_rules::*;

#[cfg(test)]
mod tests;
