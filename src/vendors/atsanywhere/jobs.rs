//! `/api/v1/jobs` and its collections (`active`, `active_visible`, `hidden`, `archived`), one
//! job's read/create/update, and `/api/v1/sites`. Users below Admin with assignments see only
//! their jobs; Limited and ReadOnly users may not create or edit jobs.

use super::auth::Caller;
use super::error::{AtsError, ErrorBody};
use super::input;
use super::model::{Job, JobInput, JobStatus, Site};
use super::pagination::{paginate, PageQuery};
use super::rules;
use actix_web::{web, HttpRequest, HttpResponse};

/// Which jobs a collection endpoint lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collection {
    /// Every job, whatever its status.
    All,
    /// Online, hidden or not.
    Active,
    /// Online and listed publicly.
    ActiveVisible,
    /// Online but hidden from public listings.
    Hidden,
    Archived,
}

impl Collection {
    fn includes(self, job: &Job) -> bool {
        match self {
            Collection::All => true,
            Collection::Active => job.status == JobStatus::Online,
            Collection::ActiveVisible => job.status == JobStatus::Online && !job.hidden,
            Collection::Hidden => job.status == JobStatus::Online && job.hidden,
            Collection::Archived => job.status == JobStatus::Archived,
        }
    }
}

fn list(
    caller: Caller,
    collection: Collection,
    page: &PageQuery,
    req: &HttpRequest,
) -> Result<HttpResponse, AtsError> {
    let page = caller.read(|store, actor| {
        if collection == Collection::All && rules::sees_every_job(actor) {
            paginate(store.jobs.values(), page)
        } else {
            paginate(
                store
                    .jobs
                    .values()
                    .filter(|job| collection.includes(job) && rules::can_see_job(actor, job)),
                page,
            )
        }
    })?;
    Ok(page.respond(req))
}

/// List every job the caller may see.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "Jobs", params(PageQuery),
    responses((status = 200, description = "A page of jobs", body = [Job]),
              (status = 403, description = "Credentials refused", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn list_jobs(
    caller: Caller,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    list(caller, Collection::All, &page, &req)
}

/// List Online jobs, hidden or not.
#[utoipa::path(get, path = "/api/v1/jobs/active", tag = "Jobs", params(PageQuery),
    responses((status = 200, description = "A page of jobs", body = [Job])),
    security(("basic" = [])))]
pub async fn list_active(
    caller: Caller,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    list(caller, Collection::Active, &page, &req)
}

/// List Online jobs that are publicly listed (not hidden).
#[utoipa::path(get, path = "/api/v1/jobs/active_visible", tag = "Jobs", params(PageQuery),
    responses((status = 200, description = "A page of jobs", body = [Job])),
    security(("basic" = [])))]
pub async fn list_active_visible(
    caller: Caller,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    list(caller, Collection::ActiveVisible, &page, &req)
}

/// List Online jobs hidden from public listings.
#[utoipa::path(get, path = "/api/v1/jobs/hidden", tag = "Jobs", params(PageQuery),
    responses((status = 200, description = "A page of jobs", body = [Job])),
    security(("basic" = [])))]
pub async fn list_hidden(
    caller: Caller,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    list(caller, Collection::Hidden, &page, &req)
}

/// List Archived jobs.
#[utoipa::path(get, path = "/api/v1/jobs/archived", tag = "Jobs", params(PageQuery),
    responses((status = 200, description = "A page of jobs", body = [Job])),
    security(("basic" = [])))]
pub async fn list_archived(
    caller: Caller,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    list(caller, Collection::Archived, &page, &req)
}

/// Read a job.
#[utoipa::path(get, path = "/api/v1/jobs/{id}", tag = "Jobs",
    params(("id" = u64, Path, description = "Job id")),
    responses((status = 200, description = "The job", body = Job),
              (status = 404, description = "No such job, or not visible to the caller", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn get_job(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "Job")?;
    let job = caller.read(|store, actor| rules::visible_job(store, actor, id).cloned())?;
    Ok(HttpResponse::Ok().json(job))
}

/// Create a job (Offline unless `status` is given). `reference_number` defaults to `REF-<id>`.
#[utoipa::path(post, path = "/api/v1/jobs", tag = "Jobs",
    request_body = JobInput,
    responses((status = 201, description = "The new job", body = Job),
              (status = 403, description = "Limited and ReadOnly users may not create jobs", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn create_job(caller: Caller, body: web::Bytes) -> Result<HttpResponse, AtsError> {
    let input: JobInput = input::body(&body, "job")?;
    let job = caller.write(
        |store, actor, now| rules::create_job(store, actor, input, now),
        |store, id| store.jobs.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Created().json(job))
}

/// Update a job (PUT and PATCH alike): status Online, Offline or Archived, `hidden`, fields.
#[utoipa::path(patch, path = "/api/v1/jobs/{id}", tag = "Jobs",
    params(("id" = u64, Path, description = "Job id")),
    request_body = JobInput,
    responses((status = 200, description = "The updated job", body = Job),
              (status = 403, description = "Limited and ReadOnly users may not edit jobs", body = ErrorBody),
              (status = 404, description = "No such job", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn update_job(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "Job")?;
    let input: JobInput = input::body(&body, "job")?;
    let job = caller.write(
        |store, actor, now| Ok((rules::update_job(store, actor, id, input, now)?, id)),
        |store, id| store.jobs.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(job))
}

/// List the company's career sites (the ids `assigned_site_ids` and `site_id` refer to).
#[utoipa::path(get, path = "/api/v1/sites", tag = "Jobs", params(PageQuery),
    responses((status = 200, description = "A page of sites", body = [Site])),
    security(("basic" = [])))]
pub async fn list_sites(
    caller: Caller,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    let page = caller.read(|store, _| paginate(store.sites.values(), &page))?;
    Ok(page.respond(&req))
}
