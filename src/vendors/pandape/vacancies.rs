//! `/v2/vacancies`: create, read, list (what the caller may see), publish.

use super::auth::Caller;
use super::error::{PandapeError, ProblemDetails};
use super::input;
use super::model::{Vacancy, VacancyInput};
use super::pagination::PageRequest;
use super::rules;
use actix_web::{web, HttpRequest, HttpResponse};

/// Create a vacancy (Draft, or Published with `Publish: true`, which needs IsAllowedToPublish).
/// `IdRequestToAssociate` links an Approved or Assigned request, which moves to InProcess.
#[utoipa::path(post, path = "/v2/vacancies", tag = "Vacancies",
    request_body = VacancyInput,
    responses((status = 200, description = "The new vacancy", body = Vacancy),
              (status = 400, description = "Validation errors", body = ProblemDetails),
              (status = 403, description = "Role or flag missing", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn create_vacancy(
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, PandapeError> {
    let input: VacancyInput = input::body(&body)?;
    let vacancy = caller.write(
        |store, actor, now| rules::create_vacancy(store, actor, input, now),
        |store, id| store.vacancies.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(vacancy))
}

/// List the vacancies the caller may see.
#[utoipa::path(get, path = "/v2/vacancies", tag = "Vacancies",
    params(("Page" = Option<u32>, Query, description = "Page, from 1"),
           ("PageSize" = Option<u32>, Query, description = "1 to 100, default 20")),
    responses((status = 200, description = "A page of vacancies"),
              (status = 403, description = "Requisitors see no vacancies", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn list_vacancies(
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, PandapeError> {
    let page = PageRequest::from_query(&req)?;
    let page = caller.read(|store, actor| {
        rules::require_vacancy_access(actor)?;
        Ok(page.cut(
            store
                .vacancies
                .values()
                .filter(|v| rules::can_see_vacancy(actor, v)),
        ))
    })?;
    Ok(HttpResponse::Ok().json(page))
}

/// Read a vacancy.
#[utoipa::path(get, path = "/v2/vacancies/{id}", tag = "Vacancies",
    params(("id" = u64, Path, description = "Vacancy id")),
    responses((status = 200, description = "The vacancy", body = Vacancy),
              (status = 404, description = "No such vacancy, or not visible to the caller", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn get_vacancy(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "Vacancy")?;
    let vacancy = caller.read(|store, actor| rules::visible_vacancy(store, actor, id).cloned())?;
    Ok(HttpResponse::Ok().json(vacancy))
}

/// Publish a vacancy (needs IsAllowedToPublish).
#[utoipa::path(post, path = "/v2/vacancies/{id}/publish", tag = "Vacancies",
    params(("id" = u64, Path, description = "Vacancy id")),
    responses((status = 200, description = "The published vacancy", body = Vacancy),
              (status = 403, description = "IsAllowedToPublish missing", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn publish_vacancy(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "Vacancy")?;
    let vacancy = caller.write(
        |store, actor, now| Ok((rules::publish_vacancy(store, actor, id, now)?, id)),
        |store, id| store.vacancies.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(vacancy))
}
