//! Organization endpoints: `apiKey.info`, `user.*` reads, `department.list/info`,
//! `location.list/info`.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::pagination::{page, ListParams};
use super::render;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::{json, Value};

pub fn api_key_info(call: &Call, _body: Value) -> Result<HttpResponse> {
    let key = &call.key;
    Ok(success(
        json!({
            "title": key.title,
            "createdAt": key.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "scopes": key.permissions,
        }),
        None,
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserId {
    user_id: String,
}

pub fn user_info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserId = params(body)?;
    let user = call.read(|s| {
        s.users
            .get(&p.user_id)
            .map(|u| render::user_with_fields(s, u))
            .ok_or_else(|| AshbyError::not_found("user", "User"))
    })?;
    Ok(success(user, None))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct UserList {
    #[serde(flatten)]
    list: ListParams,
    #[serde(default)]
    include_deactivated: bool,
}

pub fn user_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserList = params(body)?;
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.users,
            &p.list,
            |u| p.include_deactivated || u.is_enabled,
            |u| u.updated_at,
            |u| render::user_with_fields(s, u),
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
struct UserSearch {
    email: String,
}

pub fn user_search(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserSearch = params(body)?;
    let found: Vec<Value> = call.read(|s| {
        Ok(s.users
            .values()
            .filter(|u| {
                u.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(p.email.trim()))
            })
            .map(|u| render::user_with_fields(s, u))
            .collect())
    })?;
    Ok(success(Value::Array(found), None))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ArchivedList {
    #[serde(flatten)]
    list: ListParams,
    #[serde(default)]
    include_archived: bool,
}

pub fn department_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ArchivedList = params(body)?;
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.departments,
            &p.list,
            |d| p.include_archived || !d.is_archived,
            |d| d.created_at,
            render::department,
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DepartmentId {
    department_id: String,
}

pub fn department_info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: DepartmentId = params(body)?;
    let d = call.read(|s| {
        s.departments
            .get(&p.department_id)
            .map(render::department)
            .ok_or_else(|| AshbyError::not_found("department", "Department"))
    })?;
    Ok(success(d, None))
}

pub fn location_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ArchivedList = params(body)?;
    let found: Vec<Value> = call.read(|s| {
        Ok(s.locations
            .values()
            .filter(|l| p.include_archived || !l.is_archived)
            .map(render::location)
            .collect())
    })?;
    Ok(success(
        Value::Array(found),
        Some(json!({"moreDataAvailable": false})),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationId {
    location_id: String,
}

pub fn location_info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LocationId = params(body)?;
    let l = call.read(|s| {
        s.locations
            .get(&p.location_id)
            .map(render::location)
            .ok_or_else(|| AshbyError::not_found("location", "Location"))
    })?;
    Ok(success(l, None))
}
