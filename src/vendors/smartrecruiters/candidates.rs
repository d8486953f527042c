//! `/candidates`: create (talent pool or a job), search, read, PATCH, delete, tags, applications
//! with their status, history, source and onboarding status, and the consent and screening reads.

use super::auth::Caller;
use super::config_rules::{self, PropertyValueInput};
use super::error::SrError;
use super::input::{
    self, CandidateInput, CandidatePatch, CandidateStatusInput, OnboardingInput, TagsInput,
};
use super::model::{Application, Candidate, CandidateStatus, OnboardingStatus, SourceDetails};
use super::pagination::{self, PageParams, Shape};
use super::render;
use super::rules::{self, need, require, TagsVerb};
use super::store::Store;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

/// A candidate's `CandidateDetails` as the answer, with `status`.
fn details(store: &Store, id: &str, status: StatusCode) -> Result<HttpResponse, SrError> {
    let candidate = rules::candidate(store, id)?;
    Ok(HttpResponse::build(status).json(render::candidate_details_view(store, candidate)))
}

fn created(caller: &Caller, body: &[u8], job: Option<&str>) -> Result<HttpResponse, SrError> {
    let input: CandidateInput = input::body(body)?;
    let id = caller.draw(|rng| rng.uuid())?;
    caller.write(
        |store, actor, now| rules::create_candidate(store, actor, id.clone(), input, job, now),
        |store| details(store, &id, StatusCode::CREATED),
    )
}

/// `POST /candidates`: a new candidate in the talent pool.
pub async fn create(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    created(&caller, &body, None)
}

/// `POST /jobs/{jobId}/candidates`: a new candidate assigned to a job (status NEW).
pub async fn create_for_job(
    caller: Caller,
    job: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    created(&caller, &body, Some(&job))
}

/// The search filters of `GET /candidates`.
struct Filters {
    words: Vec<String>,
    jobs: Vec<String>,
    statuses: Vec<CandidateStatus>,
    sub_statuses: Vec<String>,
    tags: Vec<String>,
    updated_after: Option<super::model::Time>,
    onboarding: Vec<OnboardingStatus>,
}

impl Filters {
    fn from_query(req: &HttpRequest) -> Result<Self, SrError> {
        let statuses =
            input::query_enums(req, "status", "candidate status", CandidateStatus::parse)?;
        let sub_statuses = input::query_all(req, "subStatus");
        if !sub_statuses.is_empty() && statuses.is_empty() {
            return Err(SrError::invalid(
                "subStatus",
                "subStatus can only be used together with status",
            ));
        }
        Ok(Filters {
            words: input::query(req, "q")
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
            jobs: input::query_all(req, "jobId"),
            statuses,
            sub_statuses,
            tags: input::query_all(req, "tag")
                .iter()
                .map(|t| t.to_lowercase())
                .collect(),
            updated_after: input::query_time(req, "updatedAfter")?,
            onboarding: input::query_enums(req, "onboardingStatus", "onboarding status", |s| {
                serde_json::from_value(json!(s)).ok()
            })?,
        })
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.jobs.is_empty()
            && self.statuses.is_empty()
            && self.tags.is_empty()
            && self.updated_after.is_none()
            && self.onboarding.is_empty()
    }

    fn application(&self, a: &Application) -> bool {
        (self.jobs.is_empty() || self.jobs.iter().any(|j| *j == a.job_id))
            && (self.statuses.is_empty() || self.statuses.contains(&a.status))
            && (self.sub_statuses.is_empty()
                || a.sub_status
                    .as_ref()
                    .is_some_and(|s| self.sub_statuses.iter().any(|x| x == s)))
            && (self.onboarding.is_empty()
                || a.onboarding_status
                    .is_some_and(|o| self.onboarding.contains(&o)))
    }

    fn matches(&self, c: &Candidate) -> bool {
        let haystack = || format!("{} {} {}", c.first_name, c.last_name, c.email).to_lowercase();
        let by_application =
            !self.jobs.is_empty() || !self.statuses.is_empty() || !self.onboarding.is_empty();
        (self.words.is_empty() || {
            let h = haystack();
            self.words.iter().all(|w| h.contains(w))
        }) && (!by_application || c.applications.iter().any(|a| self.application(a)))
            && (self.tags.is_empty()
                || c.tags.iter().any(|t| self.tags.contains(&t.to_lowercase())))
            && self.updated_after.is_none_or(|t| c.updated_on > t)
    }
}

/// `GET /candidates`: search with `q`, `jobId`, `status`, `subStatus` (with `status`), `tag`,
/// `updatedAfter`, `onboardingStatus`; `limit` (default 10) and `pageId`.
pub async fn search(caller: Caller, req: HttpRequest) -> Result<HttpResponse, SrError> {
    let params = PageParams::from_query(&req, 10)?;
    let filters = Filters::from_query(&req)?;
    caller.read(|store, actor| {
        require(actor, need::READ_CANDIDATES, "Reading candidates")?;
        let keep = |c: &Candidate| filters.matches(c);
        let render = |c| render::candidate_view(store, c);
        if !filters.jobs.is_empty() {
            let seqs = store.candidates_of_jobs(&filters.jobs);
            let page = pagination::page_of(&store.candidates, &seqs, params, &keep, render);
            return Ok(pagination::respond(&req, page, Shape::Full));
        }
        let keep: Option<&dyn Fn(&Candidate) -> bool> = if filters.is_empty() {
            None
        } else {
            Some(&keep)
        };
        let page = pagination::page(&store.candidates, params, keep, render);
        Ok(pagination::respond(&req, page, Shape::Full))
    })
}

fn read_candidate<T>(
    caller: &Caller,
    id: &str,
    f: impl FnOnce(&Store, &Candidate) -> Result<T, SrError>,
) -> Result<T, SrError> {
    caller.read(|store, actor| {
        require(actor, need::READ_CANDIDATES, "Reading candidates")?;
        f(store, rules::candidate(store, id)?)
    })
}

fn read_application<T>(
    caller: &Caller,
    id: &str,
    job: &str,
    f: impl FnOnce(&Store, &Candidate, &Application) -> Result<T, SrError>,
) -> Result<T, SrError> {
    read_candidate(caller, id, |store, c| {
        rules::job(store, job)?;
        let a = c
            .application(job)
            .ok_or_else(|| rules::no_application(id, job))?;
        f(store, c, a)
    })
}

pub async fn get(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    read_candidate(&caller, &id, |store, c| {
        Ok(HttpResponse::Ok().json(render::candidate_details_view(store, c)))
    })
}

pub async fn update(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let patch: CandidatePatch = input::body(&body)?;
    caller.write(
        |store, actor, now| rules::update_candidate(store, actor, &id, patch, now),
        |store| details(store, &id, StatusCode::OK),
    )
}

pub async fn delete(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    caller.write(
        |store, actor, _| rules::delete_candidate(store, actor, &id),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn get_tags(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let tags = read_candidate(&caller, &id, |_, c| Ok(c.tags.clone()))?;
    Ok(HttpResponse::Ok().json(json!({ "tags": tags })))
}

async fn tags(
    caller: Caller,
    id: &str,
    verb: TagsVerb,
    body: &[u8],
) -> Result<HttpResponse, SrError> {
    let tags = match verb {
        TagsVerb::DeleteAll => Vec::new(),
        _ => input::body::<TagsInput>(body)?.tags,
    };
    let out = caller.write(
        |store, actor, now| rules::set_tags(store, actor, id, verb, &tags, now),
        |store| Ok(rules::candidate(store, id)?.tags.clone()),
    )?;
    Ok(match verb {
        TagsVerb::DeleteAll => HttpResponse::NoContent().finish(),
        _ => HttpResponse::Ok().json(json!({ "tags": out })),
    })
}

/// `POST /candidates/{id}/tags`: adds to the tags.
pub async fn add_tags(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    tags(caller, &id, TagsVerb::Add, &body).await
}

/// `PUT /candidates/{id}/tags`: replaces the tags.
pub async fn replace_tags(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    tags(caller, &id, TagsVerb::Replace, &body).await
}

/// `DELETE /candidates/{id}/tags`: removes every tag.
pub async fn delete_tags(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    tags(caller, &id, TagsVerb::DeleteAll, &[]).await
}

pub async fn get_application(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let out = read_application(&caller, &id, &job, |store, c, a| {
        Ok(render::application(store, c, a))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn delete_application(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    caller.write(
        |store, actor, now| rules::delete_application(store, actor, &id, &job, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

fn set_status(
    caller: &Caller,
    id: &str,
    job: Option<&str>,
    body: &[u8],
) -> Result<HttpResponse, SrError> {
    let input: CandidateStatusInput = input::body(body)?;
    caller.write(
        |store, actor, now| rules::set_candidate_status(store, actor, id, job, &input, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

/// `PUT /candidates/{id}/jobs/{jobId}/status` (204).
pub async fn put_status(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    set_status(&caller, &id, Some(&job), &body)
}

/// `PUT /candidates/{id}/status`: on the primary assignment (204).
pub async fn put_primary_status(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    set_status(&caller, &id, None, &body)
}

pub async fn status_history(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let out = read_application(&caller, &id, &job, |_, c, a| {
        Ok(render::status_history(c, a))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

/// `GET /candidates/{id}/status/history`: of the primary assignment.
pub async fn primary_status_history(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let out = read_candidate(&caller, &id, |_, c| {
        Ok(c.primary().map_or_else(
            || json!({"totalFound": 0, "content": []}),
            |a| render::status_history(c, a),
        ))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn put_source(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let source: SourceDetails = input::body(&body)?;
    caller.write(
        |store, actor, now| rules::set_source(store, actor, &id, &job, source, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

fn onboarding_body(a: &Application) -> Value {
    json!({ "onboardingStatus": a.onboarding_status })
}

pub async fn get_onboarding(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let out = read_application(&caller, &id, &job, |_, _, a| Ok(onboarding_body(a)))?;
    Ok(HttpResponse::Ok().json(out))
}

/// `GET /candidates/{id}/onboardingStatus` (deprecated): of the primary assignment.
pub async fn get_primary_onboarding(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let out = read_candidate(&caller, &id, |_, c| {
        Ok(c.primary()
            .map_or_else(|| json!({"onboardingStatus": null}), onboarding_body))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn put_onboarding(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let input: OnboardingInput = input::body(&body)?;
    caller.write(
        |store, actor, now| {
            rules::set_onboarding(store, actor, &id, &job, input.onboarding_status, now)
        },
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

/// `GET /candidates/{id}/consent`: the sandbox records no consent requests, so every candidate
/// is `ACQUIRED` when created through the API (the recruiter's responsibility) — a read only.
pub async fn consent(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    read_candidate(&caller, &id, |_, _| Ok(()))?;
    Ok(HttpResponse::Ok().json(json!({ "status": "ACQUIRED" })))
}

pub async fn consents(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = read_candidate(&caller, &id, |_, c| {
        Ok(
            json!({ "content": [{"scope": "SMART_RECRUIT", "status": "ACQUIRED", "decidedOn": c.created_on}] }),
        )
    })?;
    Ok(HttpResponse::Ok().json(out))
}

/// Screening answers of an application (they come from the Apply API, so only fixtures have
/// them; an application made through this API has none).
pub async fn screening_answers(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let content = read_application(&caller, &id, &job, |_, _, a| {
        Ok(a.screening_answers.clone())
    })?;
    Ok(HttpResponse::Ok().json(json!({ "content": content })))
}

/// `GET /candidates/{id}/jobs/{jobId}/properties`: every candidate property with its value on
/// the application (null when unset).
pub async fn properties(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let content = read_application(&caller, &id, &job, |store, _, a| {
        Ok(store
            .candidate_properties
            .values()
            .map(|p| {
                json!({"id": p.id, "label": p.label, "type": p.kind, "value": a.properties.get(&p.id)})
            })
            .collect::<Vec<_>>())
    })?;
    Ok(HttpResponse::Ok().json(json!({ "totalFound": content.len(), "content": content })))
}

fn set_properties(
    caller: &Caller,
    id: &str,
    job: &str,
    values: &[PropertyValueInput],
) -> Result<HttpResponse, SrError> {
    caller.write(
        |store, actor, now| {
            config_rules::set_application_properties(store, actor, id, job, values, now)
        },
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

/// `PUT /candidates/{id}/jobs/{jobId}/properties`: `[{id, value}]`, all or none (204).
pub async fn put_properties(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    let values: Vec<PropertyValueInput> = input::body(&body)?;
    set_properties(&caller, &id, &job, &values)
}

/// `PUT /candidates/{id}/jobs/{jobId}/properties/{propertyId}`: `{value}` (204).
pub async fn put_property(
    caller: Caller,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    #[derive(serde::Deserialize)]
    struct One {
        value: Value,
    }
    let (id, job, property) = path.into_inner();
    let one: One = input::body(&body)?;
    set_properties(
        &caller,
        &id,
        &job,
        &[PropertyValueInput {
            id: property,
            value: one.value,
        }],
    )
}
