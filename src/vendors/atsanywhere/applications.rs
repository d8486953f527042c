//! Applications (`/api/v1/applications[...]`, `/api/v1/jobs/{id}/applications[...]`), their
//! rating, archiving and deletion, notes (`/api/v1/notes`), and quick apply
//! (`POST /applicant_webhooks/add_applicant`).
//!
//! `applications` lists every application; `unrated` and `rated` list those not archived,
//! split by whether they carry a rating; `archived` lists the archived ones.

use super::auth::Caller;
use super::error::{AtsError, ErrorBody};
use super::input;
use super::model::User;
use super::model::{Application, ApplicationInput, Note, NoteInput, QuickApplyInput};
use super::pagination::{paginate, PageQuery};
use super::rules;
use super::store::Store;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

/// Which applications a collection endpoint lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collection {
    All,
    Unrated,
    Rated,
    Archived,
}

impl Collection {
    fn includes(self, app: &Application) -> bool {
        match self {
            Collection::All => true,
            Collection::Unrated => !app.archived && app.rating.is_none(),
            Collection::Rated => !app.archived && app.rating.is_some(),
            Collection::Archived => app.archived,
        }
    }
}

fn visible(store: &Store, actor: &User, app: &Application) -> bool {
    store
        .jobs
        .get(&app.job_id)
        .is_some_and(|job| rules::can_see_job(actor, job))
}

fn list(
    caller: Caller,
    job: Option<&str>,
    collection: Collection,
    page: &PageQuery,
    req: &HttpRequest,
) -> Result<HttpResponse, AtsError> {
    let page = caller.read(|store, actor| match job {
        Some(raw) => {
            let job = rules::visible_job(store, actor, input::id(raw, "Job")?)?;
            paginate(
                store
                    .applications_of_job(job.id)
                    .filter(|app| collection.includes(app)),
                page,
            )
        }
        None if collection == Collection::All && rules::sees_every_job(actor) => {
            paginate(store.applications.values(), page)
        }
        None => paginate(
            store
                .applications
                .values()
                .filter(|app| collection.includes(app) && visible(store, actor, app)),
            page,
        ),
    })?;
    Ok(page.respond(req))
}

macro_rules! collection_endpoints {
    ($( $name:ident, $job_name:ident, $collection:expr, $path:literal, $job_path:literal, $doc:literal; )*) => {$(
        #[doc = concat!("List ", $doc, " applications.")]
        #[utoipa::path(get, path = $path, tag = "Applications", params(PageQuery),
            responses((status = 200, description = "A page of applications", body = [Application]),
                      (status = 403, description = "Credentials refused", body = ErrorBody)),
            security(("basic" = [])))]
        pub async fn $name(caller: Caller, page: web::Query<PageQuery>, req: HttpRequest) -> Result<HttpResponse, AtsError> {
            list(caller, None, $collection, &page, &req)
        }

        #[doc = concat!("List ", $doc, " applications of one job.")]
        #[utoipa::path(get, path = $job_path, tag = "Applications",
            params(("id" = u64, Path, description = "Job id"), PageQuery),
            responses((status = 200, description = "A page of applications", body = [Application]),
                      (status = 404, description = "No such job", body = ErrorBody)),
            security(("basic" = [])))]
        pub async fn $job_name(caller: Caller, id: web::Path<String>, page: web::Query<PageQuery>, req: HttpRequest) -> Result<HttpResponse, AtsError> {
            list(caller, Some(id.as_str()), $collection, &page, &req)
        }
    )*};
}

collection_endpoints! {
    list_applications, list_job_applications, Collection::All,
        "/api/v1/applications", "/api/v1/jobs/{id}/applications", "all";
    list_unrated, list_job_unrated, Collection::Unrated,
        "/api/v1/applications/unrated", "/api/v1/jobs/{id}/applications/unrated", "unrated (not archived)";
    list_rated, list_job_rated, Collection::Rated,
        "/api/v1/applications/rated", "/api/v1/jobs/{id}/applications/rated", "rated (not archived)";
    list_archived, list_job_archived, Collection::Archived,
        "/api/v1/applications/archived", "/api/v1/jobs/{id}/applications/archived", "archived";
}

/// Read an application.
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "Applications",
    params(("id" = u64, Path, description = "Application id")),
    responses((status = 200, description = "The application", body = Application),
              (status = 404, description = "No such application", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn get_application(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "Application")?;
    let app = caller.read(|store, actor| rules::visible_application(store, actor, id).cloned())?;
    Ok(HttpResponse::Ok().json(app))
}

/// Rate (`rating` 1-5, `null` clears) or archive/restore (`archived`) an application.
#[utoipa::path(patch, path = "/api/v1/applications/{id}", tag = "Applications",
    params(("id" = u64, Path, description = "Application id")),
    request_body = ApplicationInput,
    responses((status = 200, description = "The updated application", body = Application),
              (status = 403, description = "The caller's level may not do this", body = ErrorBody),
              (status = 404, description = "No such application", body = ErrorBody),
              (status = 422, description = "Invalid rating", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn update_application(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "Application")?;
    let input: ApplicationInput = input::body(&body, "application")?;
    let app = caller.write(
        |store, actor, now| Ok((rules::update_application(store, actor, id, input, now)?, id)),
        |store, id| store.applications.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(app))
}

/// Delete an applicant record and its notes (AccountOwner only).
#[utoipa::path(delete, path = "/api/v1/applications/{id}", tag = "Applications",
    params(("id" = u64, Path, description = "Application id")),
    responses((status = 204, description = "Deleted"),
              (status = 403, description = "Only the AccountOwner deletes applicants", body = ErrorBody),
              (status = 404, description = "No such application", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn delete_application(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "Application")?;
    caller.write(
        |store, actor, _| Ok((rules::delete_application(store, actor, id)?, ())),
        |_, ()| (),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NoteFilter {
    /// Only notes of this application.
    pub app_id: Option<u64>,
    /// Only notes of this job's applications.
    pub job_id: Option<u64>,
    /// Only notes written at or after this instant (ISO 8601 date or date-time).
    pub begin_date: Option<String>,
}

fn parse_begin_date(raw: &str) -> Result<DateTime<Utc>, AtsError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| AtsError::field("begin_date", "must be an ISO 8601 date or date-time"))
}

/// List notes, filtered by `app_id`, `job_id` and `begin_date`.
#[utoipa::path(get, path = "/api/v1/notes", tag = "Notes", params(NoteFilter, PageQuery),
    responses((status = 200, description = "A page of notes", body = [Note]),
              (status = 422, description = "Bad begin_date", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn list_notes(
    caller: Caller,
    filter: web::Query<NoteFilter>,
    page: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    let since = filter
        .begin_date
        .as_deref()
        .map(parse_begin_date)
        .transpose()?;
    let page = caller.read(|store, actor| {
        paginate(
            store.notes.values().filter(|note| {
                filter.app_id.is_none_or(|id| note.app_id == id)
                    && filter.job_id.is_none_or(|id| note.job_id == id)
                    && since.is_none_or(|t| note.created_at >= t)
                    && store
                        .jobs
                        .get(&note.job_id)
                        .is_some_and(|job| rules::can_see_job(actor, job))
            }),
            &page,
        )
    })?;
    Ok(page.respond(&req))
}

/// Add a note to an application, as the calling user.
#[utoipa::path(post, path = "/api/v1/notes", tag = "Notes",
    request_body = NoteInput,
    responses((status = 201, description = "The new note", body = Note),
              (status = 403, description = "ReadOnly users write nothing", body = ErrorBody),
              (status = 404, description = "No such application", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn create_note(caller: Caller, body: web::Bytes) -> Result<HttpResponse, AtsError> {
    let input: NoteInput = input::body(&body, "note")?;
    let note = caller.write(
        |store, actor, now| rules::create_note(store, actor, input, now),
        |store, id| store.notes.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Created().json(note))
}

/// Quick apply: a partner submits an applicant to the job with `reference_number`. Only Online
/// jobs with `express_apply` accept it.
#[utoipa::path(post, path = "/applicant_webhooks/add_applicant", tag = "Quick apply",
    request_body = QuickApplyInput,
    responses((status = 201, description = "The new application", body = Application),
              (status = 422, description = "Unknown job, job not taking quick apply, or invalid fields", body = ErrorBody)),
    security(("basic" = [])))]
pub async fn add_applicant(caller: Caller, body: web::Bytes) -> Result<HttpResponse, AtsError> {
    let input: QuickApplyInput = input::body(&body, "applicant")?;
    let app = caller.write(
        |store, actor, now| rules::quick_apply(store, actor, input, now),
        |store, id| store.applications.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Created().json(app))
}
