//! `/v2/requests` (vacancy requests and their status flow) and `/v2/request-matches`.

use super::auth::Caller;
use super::error::{PandapeError, ProblemDetails};
use super::input;
use super::model::{MatchInput, Request, RequestInput, RequestMatch, StatusInput};
use super::pagination::PageRequest;
use super::rules;
use actix_web::{web, HttpRequest, HttpResponse};

/// Create a request (needs IsAllowedToRequest): a Draft, or PendingApproval with `Submit: true`.
#[utoipa::path(post, path = "/v2/requests", tag = "Requests",
    request_body = RequestInput,
    responses((status = 200, description = "The new request", body = Request),
              (status = 400, description = "Validation errors", body = ProblemDetails),
              (status = 403, description = "IsAllowedToRequest missing", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn create_request(
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, PandapeError> {
    let input: RequestInput = input::body(&body)?;
    let request = caller.write(
        |store, actor, now| rules::create_request(store, actor, input, now),
        |store, id| store.requests.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(request))
}

/// List the requests the caller may see.
#[utoipa::path(get, path = "/v2/requests", tag = "Requests",
    params(("Page" = Option<u32>, Query, description = "Page, from 1"),
           ("PageSize" = Option<u32>, Query, description = "1 to 100, default 20")),
    responses((status = 200, description = "A page of requests")),
    security(("bearer" = [])))]
pub async fn list_requests(caller: Caller, req: HttpRequest) -> Result<HttpResponse, PandapeError> {
    let page = PageRequest::from_query(&req)?;
    let page = caller.read(|store, actor| {
        Ok(page.cut(
            store
                .requests
                .values()
                .filter(|r| rules::can_see_request(actor, r)),
        ))
    })?;
    Ok(HttpResponse::Ok().json(page))
}

/// Read a request, with its approvals and status history.
#[utoipa::path(get, path = "/v2/requests/{id}", tag = "Requests",
    params(("id" = u64, Path, description = "Request id")),
    responses((status = 200, description = "The request", body = Request),
              (status = 404, description = "No such request, or not visible", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn get_request(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "Request")?;
    let request = caller.read(|store, actor| rules::visible_request(store, actor, id).cloned())?;
    Ok(HttpResponse::Ok().json(request))
}

/// Move a request along its flow. Approving or denying needs IsRequestManager (an approval is
/// final only with IsAllowedToPrime); reversing a decision IsAllowedToOverrideRequest; moving
/// approved work along (or cancelling it) IsAllowedToChangeRequestFlow.
#[utoipa::path(put, path = "/v2/requests/{id}/status", tag = "Requests",
    params(("id" = u64, Path, description = "Request id")),
    request_body = StatusInput,
    responses((status = 200, description = "The request", body = Request),
              (status = 400, description = "Not a move of the flow", body = ProblemDetails),
              (status = 403, description = "Flag missing", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn set_status(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "Request")?;
    let input: StatusInput = input::body(&body)?;
    let request = caller.write(
        |store, actor, now| Ok((rules::set_request_status(store, actor, id, input, now)?, id)),
        |store, id| store.requests.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(request))
}

/// Match a candidate to an Approved, Assigned or InProcess request.
#[utoipa::path(post, path = "/v2/request-matches", tag = "Requests",
    request_body = MatchInput,
    responses((status = 200, description = "The match", body = RequestMatch),
              (status = 400, description = "Validation errors", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn create_match(caller: Caller, body: web::Bytes) -> Result<HttpResponse, PandapeError> {
    let input: MatchInput = input::body(&body)?;
    let m = caller.write(
        |store, actor, now| rules::create_match(store, actor, input, now),
        |store, id| store.matches.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(m))
}

/// Read a match (visible with its request).
#[utoipa::path(get, path = "/v2/request-matches/{id}", tag = "Requests",
    params(("id" = u64, Path, description = "Match id")),
    responses((status = 200, description = "The match", body = RequestMatch),
              (status = 404, description = "No such match", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn get_match(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "RequestMatch")?;
    let m = caller.read(|store, actor| {
        store
            .matches
            .get(&id)
            .filter(|m| {
                store
                    .requests
                    .get(&m.id_request)
                    .is_some_and(|r| rules::can_see_request(actor, r))
            })
            .cloned()
            .ok_or_else(|| PandapeError::not_found("RequestMatch", id))
    })?;
    Ok(HttpResponse::Ok().json(m))
}
