//! The Users API (`/user-api/v201804`): list, create, read, `me`, JSON Patch, activation,
//! activation email and password reset, system roles and access groups.

use super::auth::Caller;
use super::error::SrError;
use super::input::{self, UserIdsInput, UserInput};
use super::model::{SystemRole, User};
use super::pagination::{self, PageParams, Shape};
use super::patch;
use super::render;
use super::rules::user;
use super::store::Store;
use super::user_rules::{self, EmailKind};
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

fn entity(store: &Store, id: &str) -> Result<Value, SrError> {
    Ok(render::user(store, user(store, id)?))
}

/// `GET /users`: `q` (first name, last name, email, externalData), `updatedAfter`, `limit`
/// (default 100) and `pageId`.
pub async fn list(caller: Caller, req: HttpRequest) -> Result<HttpResponse, SrError> {
    let params = PageParams::from_query(&req, 100)?;
    let words: Vec<String> = input::query(&req, "q")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let updated_after = input::query_time(&req, "updatedAfter")?;
    let page = caller.read(|store, _| {
        let keep = |u: &User| {
            let h = format!(
                "{} {} {} {}",
                u.first_name,
                u.last_name,
                u.email,
                u.external_data.as_deref().unwrap_or("")
            )
            .to_lowercase();
            words.iter().all(|w| h.contains(w)) && updated_after.is_none_or(|t| u.updated_on > t)
        };
        let filtered = !words.is_empty() || updated_after.is_some();
        let keep: Option<&dyn Fn(&User) -> bool> = if filtered { Some(&keep) } else { None };
        Ok(pagination::page(&store.users, params, keep, |u| {
            let mut item = render::user(store, u);
            if let Some(o) = item.as_object_mut() {
                o.shift_remove("location");
            }
            item
        }))
    })?;
    Ok(pagination::respond(&req, page, Shape::Users))
}

pub async fn create(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    let input: UserInput = input::body(&body)?;
    let id = caller.draw(|rng| rng.hex_id("", 24))?;
    let out = caller.write(
        |store, actor, now| user_rules::create_user(store, actor, id.clone(), input, now),
        |store| entity(store, &id),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn get(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = caller.read(|store, _| entity(store, &id))?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn me(caller: Caller) -> Result<HttpResponse, SrError> {
    let out = caller.read(|store, actor| Ok(render::user(store, actor)))?;
    Ok(HttpResponse::Ok().json(out))
}

/// `PATCH /users/{id}`: RFC 6902 JSON Patch over the user's editable fields.
pub async fn patch(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let ops = patch::parse(&body)?;
    let out = caller.write(
        |store, actor, now| {
            let input: UserInput = patch::patched(user_rules::patchable(user(store, &id)?), &ops)?;
            user_rules::patch_user(store, actor, &id, input, now)
        },
        |store| entity(store, &id),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

fn activation(caller: &Caller, id: &str, active: bool) -> Result<HttpResponse, SrError> {
    caller.write(
        |store, actor, now| user_rules::set_active(store, actor, id, active, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn activate(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    activation(&caller, &id, true)
}

pub async fn deactivate(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    activation(&caller, &id, false)
}

fn email(caller: &Caller, id: &str, kind: EmailKind) -> Result<HttpResponse, SrError> {
    caller.write(
        |store, actor, now| user_rules::send_email(store, actor, id, kind, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn activation_email(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    email(&caller, &id, EmailKind::Activation)
}

pub async fn reset_password(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    email(&caller, &id, EmailKind::PasswordReset)
}

pub async fn system_roles(caller: Caller) -> Result<HttpResponse, SrError> {
    caller.read(|_, _| Ok(()))?;
    let content: Vec<Value> = SystemRole::ALL
        .iter()
        .map(|r| json!({ "id": r.id(), "name": r.name() }))
        .collect();
    Ok(HttpResponse::Ok().json(json!({ "content": content })))
}

pub async fn access_groups(caller: Caller) -> Result<HttpResponse, SrError> {
    let content =
        caller.read(|store, _| Ok(store.access_groups.values().cloned().collect::<Vec<_>>()))?;
    Ok(HttpResponse::Ok().json(json!({ "content": content })))
}

/// `POST /access-groups/{id}/users` `{userIds: [...]}`: answers the groups list.
pub async fn assign(
    caller: Caller,
    group: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: UserIdsInput = input::body(&body)?;
    let content = caller.write(
        |store, actor, now| {
            user_rules::assign_access_group(store, actor, &group, &input.user_ids, now)
        },
        |store| Ok(store.access_groups.values().cloned().collect::<Vec<_>>()),
    )?;
    Ok(HttpResponse::Ok().json(json!({ "content": content })))
}

pub async fn unassign(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (group, id) = path.into_inner();
    caller.write(
        |store, actor, now| user_rules::remove_access_group(store, actor, &group, &id, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}
