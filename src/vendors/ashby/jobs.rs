//! `job.create`, `job.info`, `job.list`, `job.update`, `job.setStatus`, `job.search`.
//! Confidential jobs are invisible to keys without the confidential-jobs toggle.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{EmploymentType, Job, JobStatus};
use super::pagination::{page, ListParams};
use super::render;
use super::rules;
use super::store::Change;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewJob {
    title: String,
    team_id: String,
    location_id: String,
    default_interview_plan_id: Option<String>,
    employment_type: Option<EmploymentType>,
    #[serde(default)]
    confidential: bool,
}

/// Creates a Draft job.
pub fn create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewJob = params(body)?;
    let job = call.write(
        |s, now, rng| {
            if p.title.trim().is_empty() {
                return Err(AshbyError::invalid_input("title must not be empty"));
            }
            if !s.departments.contains(&p.team_id) {
                return Err(AshbyError::not_found("department", "Team"));
            }
            if !s.locations.contains(&p.location_id) {
                return Err(AshbyError::not_found("location", "Location"));
            }
            if let Some(plan) = &p.default_interview_plan_id {
                if !s.plans.contains(plan) {
                    return Err(AshbyError::not_found("interview_plan", "Interview plan"));
                }
            }
            let job = Job {
                id: rng.uuid(),
                title: p.title.trim().to_owned(),
                confidential: p.confidential,
                status: JobStatus::Draft,
                employment_type: p.employment_type.unwrap_or(EmploymentType::FullTime),
                location_id: Some(p.location_id),
                department_id: Some(p.team_id),
                interview_plan_ids: p.default_interview_plan_id.iter().cloned().collect(),
                default_interview_plan_id: p.default_interview_plan_id,
                custom_requisition_id: None,
                author_id: None,
                created_at: now,
                updated_at: now,
                opened_at: None,
                closed_at: None,
                hiring_team: Vec::new(),
                custom_fields: Vec::new(),
                compensation_tiers: Vec::new(),
            };
            let id = job.id.clone();
            Ok((vec![Change::Job(job)], id))
        },
        |s, id| s.jobs.get(&id).map(|j| render::job(s, j)),
    )?;
    Ok(success(job.unwrap_or(Value::Null), None))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JobView {
    #[serde(default)]
    include_unpublished_job_postings_ids: bool,
    #[serde(default)]
    expand: Vec<JobExpand>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
enum JobExpand {
    Location,
    Openings,
}

impl JobView {
    fn render(&self, s: &super::store::Store, j: &Job) -> Value {
        render::job_view(
            s,
            j,
            self.include_unpublished_job_postings_ids,
            self.expand.contains(&JobExpand::Location),
            self.expand.contains(&JobExpand::Openings),
        )
    }
}

#[derive(Deserialize)]
struct JobId {
    id: String,
    #[serde(flatten)]
    view: JobView,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobId = params(body)?;
    let job = call.read(|s| Ok(p.view.render(s, call.job(s, &p.id)?)))?;
    Ok(success(job, None))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct JobList {
    #[serde(flatten)]
    list: ListParams,
    status: Option<Vec<JobStatus>>,
    #[serde(flatten)]
    view: JobView,
}

/// Draft jobs are left out unless `status` names Draft.
pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobList = params(body)?;
    let wanted = |j: &Job| match &p.status {
        Some(statuses) => statuses.contains(&j.status),
        None => j.status != JobStatus::Draft,
    };
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.jobs,
            &p.list,
            |j| call.can_see_job(j) && wanted(j),
            |j| j.created_at,
            |j| p.view.render(s, j),
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JobUpdate {
    job_id: String,
    title: Option<String>,
    team_id: Option<String>,
    location_id: Option<String>,
    default_interview_plan_id: Option<String>,
    custom_requisition_id: Option<String>,
}

pub fn update(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobUpdate = params(body)?;
    let job = call.write(
        |s, now, _| {
            let mut job = call.job(s, &p.job_id)?.clone();
            if let Some(title) = p.title {
                if title.trim().is_empty() {
                    return Err(AshbyError::invalid_input("title must not be empty"));
                }
                job.title = title.trim().to_owned();
            }
            if let Some(team) = p.team_id {
                if !s.departments.contains(&team) {
                    return Err(AshbyError::not_found("department", "Team"));
                }
                job.department_id = Some(team);
            }
            if let Some(location) = p.location_id {
                if !s.locations.contains(&location) {
                    return Err(AshbyError::not_found("location", "Location"));
                }
                job.location_id = Some(location);
            }
            if let Some(plan) = p.default_interview_plan_id {
                if !s.plans.contains(&plan) {
                    return Err(AshbyError::not_found("interview_plan", "Interview plan"));
                }
                if !job.interview_plan_ids.contains(&plan) {
                    job.interview_plan_ids.push(plan.clone());
                }
                job.default_interview_plan_id = Some(plan);
            }
            if p.custom_requisition_id.is_some() {
                job.custom_requisition_id = p.custom_requisition_id;
            }
            job.updated_at = now;
            let id = job.id.clone();
            Ok((vec![Change::Job(job)], id))
        },
        |s, id| s.jobs.get(&id).map(|j| render::job(s, j)),
    )?;
    Ok(success(job.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SetStatus {
    job_id: String,
    status: JobStatus,
}

pub fn set_status(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: SetStatus = params(body)?;
    let job = call.write(
        |s, now, _| {
            let job = rules::set_job_status(s, call.job(s, &p.job_id)?, p.status, now)?;
            let id = job.id.clone();
            Ok((vec![Change::Job(job)], id))
        },
        |s, id| s.jobs.get(&id).map(|j| render::job(s, j)),
    )?;
    Ok(success(job.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JobSearch {
    title: Option<String>,
    requisition_id: Option<String>,
}

pub fn search(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobSearch = params(body)?;
    if p.title.is_none() && p.requisition_id.is_none() {
        return Err(AshbyError::invalid_input("give title or requisitionId"));
    }
    let found: Vec<Value> = call.read(|s| {
        Ok(s.jobs
            .values()
            .filter(|j| call.can_see_job(j))
            .filter(|j| {
                p.title
                    .as_deref()
                    .is_none_or(|t| j.title.to_lowercase().contains(&t.to_lowercase()))
                    && p.requisition_id
                        .as_deref()
                        .is_none_or(|r| j.custom_requisition_id.as_deref() == Some(r))
            })
            .map(|j| render::job(s, j))
            .collect())
    })?;
    Ok(success(Value::Array(found), None))
}
