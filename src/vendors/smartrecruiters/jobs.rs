//! `/jobs`: create, search, read, full update (PUT), JSON Patch, status with history, positions,
//! hiring team, note and the latest approval.

use super::auth::Caller;
use super::error::SrError;
use super::input::{self, HiringTeamInput, JobInput, JobStatusInput, NoteInput, PositionInput};
use super::job_rules;
use super::model::{Job, JobStatus, PostingStatus};
use super::pagination::{self, PageParams, Shape};
use super::patch;
use super::render;
use super::rules;
use super::store::Store;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

fn details(store: &Store, id: &str) -> Result<Value, SrError> {
    Ok(render::job_details(store, rules::job(store, id)?))
}

fn read_job<T>(
    caller: &Caller,
    id: &str,
    f: impl FnOnce(&Store, &Job) -> Result<T, SrError>,
) -> Result<T, SrError> {
    caller.read(|store, _| f(store, rules::job(store, id)?))
}

pub async fn create(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    let input: JobInput = input::body(&body)?;
    let id = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |store, actor, now| job_rules::create_job(store, actor, id.clone(), input, now),
        |store| details(store, &id),
    )?;
    Ok(HttpResponse::Created().json(out))
}

struct Filters {
    words: Vec<String>,
    statuses: Vec<JobStatus>,
    departments: Vec<String>,
    cities: Vec<String>,
    posting: Vec<PostingStatus>,
    updated_after: Option<super::model::Time>,
    activity_after: Option<super::model::Time>,
    language: Option<String>,
}

impl Filters {
    fn from_query(req: &HttpRequest) -> Result<Self, SrError> {
        let statuses = input::query_enums(req, "status", "job status", JobStatus::parse)?;
        let posting = input::query_enums(req, "postingStatus", "posting status", |s| {
            serde_json::from_value(json!(s)).ok()
        })?;
        Ok(Filters {
            words: input::query(req, "q")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
            statuses,
            departments: input::query_all(req, "department"),
            cities: input::query_all(req, "city")
                .iter()
                .map(|c| c.to_lowercase())
                .collect(),
            posting,
            updated_after: input::query_time(req, "updatedAfter")?,
            activity_after: input::query_time(req, "lastActivityAfter")?,
            language: input::query(req, "language"),
        })
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.statuses.is_empty()
            && self.departments.is_empty()
            && self.cities.is_empty()
            && self.posting.is_empty()
            && self.updated_after.is_none()
            && self.activity_after.is_none()
            && self.language.is_none()
    }

    fn matches(&self, j: &Job) -> bool {
        (self.words.is_empty() || {
            let h = format!("{} {}", j.title, j.ref_number.as_deref().unwrap_or("")).to_lowercase();
            self.words.iter().all(|w| h.contains(w))
        }) && (self.statuses.is_empty() || self.statuses.contains(&j.status))
            && (self.departments.is_empty()
                || j.department_id
                    .as_ref()
                    .is_some_and(|d| self.departments.contains(d)))
            && (self.cities.is_empty()
                || j.location
                    .city
                    .as_ref()
                    .is_some_and(|c| self.cities.contains(&c.to_lowercase())))
            && (self.posting.is_empty() || self.posting.contains(&j.posting_status))
            && self.updated_after.is_none_or(|t| j.updated_on > t)
            && self.activity_after.is_none_or(|t| j.last_activity_on > t)
            && self.language.as_ref().is_none_or(|l| &j.language == l)
    }
}

/// `GET /jobs`: `q`, `status`, `department`, `city`, `postingStatus`, `updatedAfter`,
/// `lastActivityAfter`, `language`; `limit` (default 10) and `pageId`.
pub async fn search(caller: Caller, req: HttpRequest) -> Result<HttpResponse, SrError> {
    let params = PageParams::from_query(&req, 10)?;
    let filters = Filters::from_query(&req)?;
    let page = caller.read(|store, _| {
        let keep = |j: &Job| filters.matches(j);
        let keep: Option<&dyn Fn(&Job) -> bool> = if filters.is_empty() {
            None
        } else {
            Some(&keep)
        };
        Ok(pagination::page(&store.jobs, params, keep, |j| {
            render::job_summary(store, j)
        }))
    })?;
    Ok(pagination::respond(&req, page, Shape::Full))
}

pub async fn get(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = read_job(&caller, &id, |store, job| {
        Ok(render::job_details(store, job))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn replace(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: JobInput = input::body(&body)?;
    let out = caller.write(
        |store, actor, now| job_rules::replace_job(store, actor, &id, input, now),
        |store| details(store, &id),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

/// `PATCH /jobs/{id}`: RFC 6902 JSON Patch over the job's `JobInput` fields.
pub async fn patch(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let ops = patch::parse(&body)?;
    let out = caller.write(
        |store, actor, now| {
            rules::require(actor, rules::need::WRITE_JOBS, "Updating jobs")?;
            let input: JobInput =
                patch::patched(job_rules::patchable(rules::job(store, &id)?), &ops)?;
            job_rules::replace_job(store, actor, &id, input, now)
        },
        |store| details(store, &id),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

/// `PUT /jobs/{id}/status`: answers `JobStatusUpdate` (`{status}`).
pub async fn put_status(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: JobStatusInput = input::body(&body)?;
    let out = caller.write(
        |store, actor, now| rules::set_job_status(store, actor, &id, &input, now),
        |store| Ok(json!({ "status": rules::job(store, &id)?.status })),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn status_history(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let out = read_job(&caller, &id, |_, job| Ok(render::job_history(job)))?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn positions(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = read_job(&caller, &id, |_, job| {
        Ok(json!({ "totalFound": job.positions.len(), "content": job.positions }))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn get_position(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, pid) = path.into_inner();
    let out = read_job(&caller, &id, |_, job| {
        job.positions
            .iter()
            .find(|p| p.id == pid)
            .cloned()
            .ok_or_else(|| SrError::not_found("Position", &pid))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn create_position(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: PositionInput = input::body(&body)?;
    let pid = caller.draw(|rng| rng.uuid())?;
    let mut made = None;
    caller.write(
        |store, actor, now| {
            let (changes, position) = job_rules::add_position(store, actor, &id, pid, input, now)?;
            made = Some(position);
            Ok(changes)
        },
        |_| Ok(()),
    )?;
    Ok(HttpResponse::Created().json(made))
}

pub async fn update_position(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, pid) = path.into_inner();
    let input: PositionInput = input::body(&body)?;
    let mut made = None;
    caller.write(
        |store, actor, now| {
            let (changes, position) =
                job_rules::update_position(store, actor, &id, &pid, input, now)?;
            made = Some(position);
            Ok(changes)
        },
        |_| Ok(()),
    )?;
    Ok(HttpResponse::Ok().json(made))
}

pub async fn delete_position(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, pid) = path.into_inner();
    caller.write(
        |store, actor, now| job_rules::delete_position(store, actor, &id, &pid, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn hiring_team(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = read_job(&caller, &id, |store, job| {
        Ok(render::hiring_team(store, job))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

/// `POST /jobs/{id}/hiring-team` `{id, role}`: answers the member.
pub async fn add_member(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: HiringTeamInput = input::body(&body)?;
    let out = caller.write(
        |store, actor, now| job_rules::add_team_member(store, actor, &id, &input, now),
        |store| {
            let team = render::hiring_team(store, rules::job(store, &id)?);
            Ok(team["content"]
                .as_array()
                .and_then(|c| c.last().cloned())
                .unwrap_or_default())
        },
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn remove_member(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, user) = path.into_inner();
    caller.write(
        |store, actor, now| job_rules::remove_team_member(store, actor, &id, &user, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn note(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = read_job(&caller, &id, |_, job| Ok(json!({ "content": job.note })))?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn put_note(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: NoteInput = input::body(&body)?;
    let out = caller.write(
        |store, actor, now| job_rules::set_note(store, actor, &id, input.content, now),
        |store| Ok(json!({ "content": rules::job(store, &id)?.note })),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

/// `GET /jobs/{id}/approvals/latest`: the job's latest approval request with its approvers; 404
/// when the job has none (the sandbox has no approval flow of its own: jobs made through the API
/// are created approved, and only fixtures carry approval requests).
pub async fn latest_approval(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let out = read_job(&caller, &id, |store, job| {
        let approval = job.approvals.last().ok_or_else(|| {
            SrError::new(
                actix_web::http::StatusCode::NOT_FOUND,
                "NOT_FOUND",
                format!("Job '{id}' has no approval request"),
            )
        })?;
        Ok(super::approvals::render(store, &job.id, approval))
    })?;
    Ok(HttpResponse::Ok().json(out))
}
