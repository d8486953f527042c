//! Configuration lookups (`/v2/custom-fields`, `/v2/data-sources/items`) and admission records
//! (`/v3/precollaborators/{id}`, onboarding managers only).

use super::auth::Caller;
use super::error::{PandapeError, ProblemDetails};
use super::input;
use super::model::{CustomField, Precollaborator};
use super::pagination::PageRequest;
use super::rules;
use actix_web::{web, HttpRequest, HttpResponse};

/// The request custom fields of the company.
#[utoipa::path(get, path = "/v2/custom-fields", tag = "Configuration",
    responses((status = 200, description = "Every custom field", body = [CustomField])),
    security(("bearer" = [])))]
pub async fn custom_fields(caller: Caller) -> Result<HttpResponse, PandapeError> {
    let fields: Vec<CustomField> =
        caller.read(|store, _| Ok(store.custom_fields.values().cloned().collect()))?;
    Ok(HttpResponse::Ok().json(fields))
}

/// The items of one data source (categories 1, managerial levels 2, locations 3, contract work
/// types 4, working hours 5, work methods 6, request reasons 7, and the company's own).
#[utoipa::path(get, path = "/v2/data-sources/items", tag = "Configuration",
    params(("IdDatasource" = u64, Query, description = "The data source"),
           ("Page" = Option<u32>, Query, description = "Page, from 1"),
           ("PageSize" = Option<u32>, Query, description = "1 to 100, default 20")),
    responses((status = 200, description = "A page of items"),
              (status = 400, description = "IdDatasource missing", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn datasource_items(
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, PandapeError> {
    let datasource = input::query::<u64>(&req, "IdDatasource")?
        .ok_or_else(|| PandapeError::required("IdDatasource"))?;
    let page = PageRequest::from_query(&req)?;
    let page = caller.read(|store, _| {
        Ok(page.cut(
            store
                .datasource_items
                .values()
                .filter(|i| i.id_datasource == datasource),
        ))
    })?;
    Ok(HttpResponse::Ok().json(page))
}

/// An admission record (needs IsOnboardingManager).
#[utoipa::path(get, path = "/v3/precollaborators/{id}", tag = "Admission",
    params(("id" = u64, Path, description = "Pre-collaborator id")),
    responses((status = 200, description = "The admission record", body = Precollaborator),
              (status = 403, description = "IsOnboardingManager missing", body = ProblemDetails),
              (status = 404, description = "No such record", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn precollaborator(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "Precollaborator")?;
    let record = caller.read(|store, actor| {
        rules::require_onboarding_manager(actor)?;
        store
            .precollaborators
            .get(&id)
            .cloned()
            .ok_or_else(|| PandapeError::not_found("Precollaborator", id))
    })?;
    Ok(HttpResponse::Ok().json(record))
}
