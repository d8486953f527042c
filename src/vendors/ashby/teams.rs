//! Hiring teams (`hiringTeam.addMember/removeMember` at application or job level,
//! `application.addHiringTeamMember/removeHiringTeamMember`), and moving applications:
//! `application.changeSource`, `application.transfer`.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::TeamMember;
use super::render;
use super::rules;
use super::store::Change;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Membership {
    application_id: Option<String>,
    job_id: Option<String>,
    opening_id: Option<String>,
    team_member_id: String,
    role_id: String,
}

/// Adds or removes a member; the change is idempotent (adding twice keeps one membership).
fn change_membership(
    call: &Call,
    body: Value,
    add: bool,
    application_only: bool,
) -> Result<HttpResponse> {
    let p: Membership = params(body)?;
    let member = TeamMember {
        user_id: p.team_member_id.clone(),
        role_id: p.role_id.clone(),
    };
    let out = call.write(
        |s, now, _| {
            if !s.users.get(&member.user_id).is_some_and(|u| u.is_enabled) {
                return Err(AshbyError::not_found("user", "User"));
            }
            if !s.hiring_team_roles.contains(&member.role_id) {
                return Err(AshbyError::not_found(
                    "hiring_team_role",
                    "Hiring team role",
                ));
            }
            let edit = |team: &mut Vec<TeamMember>| {
                team.retain(|m| *m != member);
                if add {
                    team.push(member.clone());
                }
            };
            let change = match (&p.application_id, &p.job_id, &p.opening_id) {
                (Some(id), None, None) => {
                    let mut app = call.application(s, id)?.clone();
                    edit(&mut app.hiring_team);
                    app.updated_at = now;
                    Change::Application(app)
                }
                (None, Some(id), None) if !application_only => {
                    let mut job = call.job(s, id)?.clone();
                    edit(&mut job.hiring_team);
                    job.updated_at = now;
                    Change::Job(job)
                }
                (None, None, Some(id)) if !application_only => {
                    let mut opening = call.opening(s, id)?.clone();
                    edit(&mut opening.hiring_team);
                    opening.updated_at = now;
                    Change::Opening(opening)
                }
                _ => {
                    return Err(AshbyError::invalid_input(if application_only {
                        "give applicationId"
                    } else {
                        "give exactly one of applicationId, jobId or openingId"
                    }))
                }
            };
            Ok((vec![change], ()))
        },
        |s, ()| render::team_member(s, &member),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

pub fn add_member(call: &Call, body: Value) -> Result<HttpResponse> {
    change_membership(call, body, true, false)
}

pub fn remove_member(call: &Call, body: Value) -> Result<HttpResponse> {
    change_membership(call, body, false, false)
}

pub fn application_add_member(call: &Call, body: Value) -> Result<HttpResponse> {
    change_membership(call, body, true, true)
}

pub fn application_remove_member(call: &Call, body: Value) -> Result<HttpResponse> {
    change_membership(call, body, false, true)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChangeSource {
    application_id: String,
    /// `null` unsets the source.
    source_id: Option<String>,
}

pub fn change_source(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ChangeSource = params(body)?;
    let out = call.write(
        |s, now, _| {
            let mut app = call.application(s, &p.application_id)?.clone();
            if let Some(source) = &p.source_id {
                if !s.sources.contains(source) {
                    return Err(AshbyError::not_found("source", "Source"));
                }
            }
            app.source_id = p.source_id.clone();
            app.updated_at = now;
            let id = app.id.clone();
            Ok((vec![Change::Application(app)], id))
        },
        |s, id| s.applications.get(&id).map(|a| render::application(s, a)),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Transfer {
    application_id: String,
    job_id: String,
    interview_plan_id: String,
    interview_stage_id: String,
}

/// Moves an application to another job, plan and stage (not an Archived stage, which needs
/// an archive reason: change the stage for that).
pub fn transfer(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Transfer = params(body)?;
    let out = call.write(
        |s, now, rng| {
            let app = call.application(s, &p.application_id)?;
            let job = s
                .jobs
                .get(&p.job_id)
                .filter(|j| call.can_see_job(j))
                .ok_or_else(|| AshbyError::not_found("job", "Job"))?;
            let (plan, stage) = rules::starting_stage(
                s,
                job,
                Some(&p.interview_plan_id),
                Some(&p.interview_stage_id),
            )?;
            if stage.stage_type == super::model::StageType::Archived {
                return Err(AshbyError::invalid_input(
                    "Transfer to an active stage, then archive with application.changeStage",
                ));
            }
            if s.applications_of(&app.candidate_id).any(|o| {
                o.id != app.id
                    && o.job_id == job.id
                    && o.status != super::model::ApplicationStatus::Archived
            }) {
                return Err(AshbyError::new(
                    "application_already_exists",
                    "The candidate already has an active application for that job",
                ));
            }
            let mut moved = app.clone();
            moved.job_id = job.id.clone();
            moved.interview_plan_id = plan.id.clone();
            let mut moved =
                rules::change_stage(s, &moved, &stage.id.clone(), None, rng.uuid(), now, None)?;
            moved.updated_at = now;
            let id = moved.id.clone();
            Ok((vec![Change::Application(moved)], id))
        },
        |s, id| s.applications.get(&id).map(|a| render::application(s, a)),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}
