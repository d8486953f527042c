//! `/v2/company/users`: create (200 with the user, as the help center documents), list, read,
//! replace (PUT) and deactivate (DELETE). Only Company_Administrator users change users.

use super::auth::Caller;
use super::error::{PandapeError, ProblemDetails};
use super::input;
use super::model::{User, UserInput};
use super::pagination::PageRequest;
use super::rules;
use actix_web::{web, HttpRequest, HttpResponse};

/// Create a user. `Name`, `Surname`, `Email` required; flags default to false; `Role` defaults
/// to Company_Recruiter.
#[utoipa::path(post, path = "/v2/company/users", tag = "Users",
    request_body = UserInput,
    responses(
        (status = 200, description = "The new user", body = User),
        (status = 400, description = "Validation errors", body = ProblemDetails),
        (status = 401, description = "Missing, unknown or expired token", body = ProblemDetails),
        (status = 403, description = "The caller may not register users", body = ProblemDetails),
    ),
    security(("bearer" = [])))]
pub async fn create_user(caller: Caller, body: web::Bytes) -> Result<HttpResponse, PandapeError> {
    let input: UserInput = input::body(&body)?;
    let user = caller.write(
        |store, actor, now| rules::create_user(store, actor, input, now),
        |store, id| store.users.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(user))
}

/// List the company's users (`Page`, `PageSize`).
#[utoipa::path(get, path = "/v2/company/users", tag = "Users",
    params(("Page" = Option<u32>, Query, description = "Page, from 1"),
           ("PageSize" = Option<u32>, Query, description = "1 to 100, default 20")),
    responses((status = 200, description = "A page of users")),
    security(("bearer" = [])))]
pub async fn list_users(caller: Caller, req: HttpRequest) -> Result<HttpResponse, PandapeError> {
    let page = PageRequest::from_query(&req)?;
    let page = caller.read(|store, _| Ok(page.cut(store.users.values())))?;
    Ok(HttpResponse::Ok().json(page))
}

/// Read a user.
#[utoipa::path(get, path = "/v2/company/users/{id}", tag = "Users",
    params(("id" = u64, Path, description = "User id")),
    responses((status = 200, description = "The user", body = User),
              (status = 404, description = "No such user", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn get_user(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "User")?;
    let user = caller.read(|store, _| {
        store
            .users
            .get(&id)
            .cloned()
            .ok_or_else(|| PandapeError::not_found("User", id))
    })?;
    Ok(HttpResponse::Ok().json(user))
}

/// Replace a user's data and flags (absent flags become false; absent `Role` keeps the role).
#[utoipa::path(put, path = "/v2/company/users/{id}", tag = "Users",
    params(("id" = u64, Path, description = "User id")),
    request_body = UserInput,
    responses((status = 200, description = "The updated user", body = User),
              (status = 400, description = "Validation errors", body = ProblemDetails),
              (status = 403, description = "The caller may not change users", body = ProblemDetails),
              (status = 404, description = "No such user", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn update_user(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "User")?;
    let input: UserInput = input::body(&body)?;
    let user = caller.write(
        |store, actor, now| Ok((rules::update_user(store, actor, id, input, now)?, id)),
        |store, id| store.users.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(user))
}

/// Deactivate a user: the record stays (`isActive: false`) and their tokens stop working.
#[utoipa::path(delete, path = "/v2/company/users/{id}", tag = "Users",
    params(("id" = u64, Path, description = "User id")),
    responses((status = 204, description = "Deactivated"),
              (status = 400, description = "The last active administrator", body = ProblemDetails),
              (status = 403, description = "The caller may not change users", body = ProblemDetails)),
    security(("bearer" = [])))]
pub async fn deactivate_user(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, PandapeError> {
    let id = input::id(&id, "User")?;
    caller.write(
        |store, actor, now| Ok((rules::deactivate_user(store, actor, id, now)?, ())),
        |_, ()| (),
    )?;
    Ok(HttpResponse::NoContent().finish())
}
