//! `/api/v1/users`: list, create, read, update (PUT and PATCH alike: absent fields keep their
//! value, as Rails' update does) and delete. Every authenticated user may read users; only the
//! AccountOwner and Admins may change them (see `rules.rs`).

use super::auth::Caller;
use super::error::{AtsError, ErrorBody};
use super::input;
use super::model::{User, UserInput};
use super::pagination::{paginate, PageQuery};
use super::rules;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    /// Only the user with this email (case-insensitive).
    pub email: Option<String>,
    /// Only active (`true`) or inactive (`false`) users.
    pub active: Option<bool>,
}

/// List users.
#[utoipa::path(get, path = "/api/v1/users", tag = "Users",
    params(PageQuery, UserFilter),
    responses(
        (status = 200, description = "A page of users", body = [User]),
        (status = 401, description = "No credentials", body = ErrorBody),
        (status = 403, description = "Credentials refused", body = ErrorBody),
    ),
    security(("basic" = [])))]
pub async fn list_users(
    caller: Caller,
    page: web::Query<PageQuery>,
    filter: web::Query<UserFilter>,
    req: HttpRequest,
) -> Result<HttpResponse, AtsError> {
    let page = caller.read(|store, _| {
        if let Some(email) = &filter.email {
            let found = store
                .user_by_email(email)
                .filter(|u| filter.active.is_none_or(|a| u.active == a));
            return paginate(found.into_iter(), &page);
        }
        match filter.active {
            None => paginate(store.users.values(), &page),
            Some(active) => paginate(store.users.values().filter(|u| u.active == active), &page),
        }
    })?;
    Ok(page.respond(&req))
}

/// Create a user. `admin_level: AccountOwner` (AccountOwner only) transfers ownership: the
/// previous owner becomes Admin in the same step.
#[utoipa::path(post, path = "/api/v1/users", tag = "Users",
    request_body = UserInput,
    responses(
        (status = 201, description = "The new user", body = User),
        (status = 400, description = "Body is not JSON", body = ErrorBody),
        (status = 403, description = "Caller may not manage users", body = ErrorBody),
        (status = 422, description = "Invalid or duplicate fields", body = ErrorBody),
    ),
    security(("basic" = [])))]
pub async fn create_user(caller: Caller, body: web::Bytes) -> Result<HttpResponse, AtsError> {
    let input: UserInput = input::body(&body, "user")?;
    caller.write(
        |store, actor, now| rules::create_user(store, actor, input, now),
        |store, id| HttpResponse::Created().json(store.users.get(&id)),
    )
}

/// Read a user.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "Users",
    params(("id" = u64, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = User),
        (status = 404, description = "No such user", body = ErrorBody),
    ),
    security(("basic" = [])))]
pub async fn get_user(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "User")?;
    caller.read(|store, _| {
        let user = store
            .users
            .get(&id)
            .ok_or_else(|| AtsError::not_found("User", id))?;
        Ok(HttpResponse::Ok().json(user))
    })
}

/// Update a user (PUT and PATCH alike). Demoting, deactivating the AccountOwner is refused with
/// `account_owner_required`; make another user AccountOwner instead.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "Users",
    params(("id" = u64, Path, description = "User id")),
    request_body = UserInput,
    responses(
        (status = 200, description = "The updated user", body = User),
        (status = 403, description = "Caller may not change this user", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 422, description = "Invalid fields, or the change would leave no AccountOwner", body = ErrorBody),
    ),
    security(("basic" = [])))]
pub async fn update_user(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "User")?;
    let input: UserInput = input::body(&body, "user")?;
    let user = caller.write(
        |store, actor, now| Ok((rules::update_user(store, actor, id, input, now)?, id)),
        |store, id| store.users.get(&id).cloned(),
    )?;
    Ok(HttpResponse::Ok().json(user))
}

/// Delete a user (never the AccountOwner). Their credentials stop working.
#[utoipa::path(delete, path = "/api/v1/users/{id}", tag = "Users",
    params(("id" = u64, Path, description = "User id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Caller may not manage users", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 422, description = "The user is the AccountOwner", body = ErrorBody),
    ),
    security(("basic" = [])))]
pub async fn delete_user(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, AtsError> {
    let id = input::id(&id, "User")?;
    caller.write(
        |store, actor, _| Ok((rules::delete_user(store, actor, id)?, ())),
        |_, ()| (),
    )?;
    Ok(HttpResponse::NoContent().finish())
}
