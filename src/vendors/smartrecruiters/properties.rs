//! `/configuration/job-properties` (values, activation, archiving, dependents and dependent
//! values), `/configuration/candidate-properties` (values and labels) and access group writes.

use super::auth::Caller;
use super::config_rules::{self as cr, AccessGroupInput, LabelInput, PropertyInput};
use super::error::SrError;
use super::input::{self, IdRef};
use super::model::{JobProperty, PropertyValue};
use super::pagination::listing;
use super::render::BASE;
use super::store::{Changes, Store};
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

fn render(p: &JobProperty) -> Value {
    json!({
        "id": p.id,
        "label": p.label,
        "type": p.kind,
        "active": p.active,
        "actions": {
            "values": {"url": format!("{BASE}/configuration/job-properties/{}/values", p.id), "method": "GET"},
            "dependents": {"url": format!("{BASE}/configuration/job-properties/{}/dependents", p.id), "method": "GET"},
        },
    })
}

fn values<'v>(values: &'v [PropertyValue]) -> impl Iterator<Item = Value> + 'v {
    values
        .iter()
        .filter(|v| !v.archived)
        .map(|v| json!({"id": v.id, "label": v.label}))
}

fn job_property(store: &Store, id: &str) -> Result<Value, SrError> {
    Ok(render(cr::job_property(store, id)?))
}

/// Runs a configuration write and answers 204.
fn no_content(
    caller: &Caller,
    rule: impl FnOnce(&Store, &super::model::User) -> Result<Changes, SrError>,
) -> Result<HttpResponse, SrError> {
    caller.write(|store, actor, _| rule(store, actor), |_| Ok(()))?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn list(caller: Caller) -> Result<HttpResponse, SrError> {
    let content = caller.read(|s, _| Ok(s.job_properties.values().map(render).collect()))?;
    Ok(listing(content))
}

pub async fn get(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    Ok(HttpResponse::Ok().json(caller.read(|s, _| job_property(s, &id))?))
}

pub async fn create(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    let input: PropertyInput = input::body(&body)?;
    let id = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, _| cr::create_job_property(s, actor, id.clone(), input),
        |s| job_property(s, &id),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn activate(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    no_content(&caller, |s, a| cr::set_job_property_active(s, a, &id, true))
}

pub async fn deactivate(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    no_content(&caller, |s, a| {
        cr::set_job_property_active(s, a, &id, false)
    })
}

pub async fn list_values(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let content = caller.read(|s, _| Ok(values(&cr::job_property(s, &id)?.values).collect()))?;
    Ok(listing(content))
}

pub async fn create_value(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: LabelInput = input::body(&body)?;
    let value = caller.draw(|rng| rng.uuid())?;
    caller.write(
        |s, actor, _| cr::add_job_property_value(s, actor, &id, value.clone(), &input.label),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::Created().json(json!({"id": value, "label": input.label.trim()})))
}

pub async fn archive_value(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, value) = path.into_inner();
    no_content(&caller, |s, a| {
        cr::set_value_archived(s, a, &id, &value, true)
    })
}

pub async fn unarchive_value(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, value) = path.into_inner();
    no_content(&caller, |s, a| {
        cr::set_value_archived(s, a, &id, &value, false)
    })
}

pub async fn dependents(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let content = caller.read(|s, _| {
        let p = cr::job_property(s, &id)?;
        Ok(p.dependents
            .iter()
            .filter_map(|d| s.job_properties.get(d))
            .map(|d| json!({"id": d.id, "label": d.label, "type": d.kind}))
            .collect())
    })?;
    Ok(listing(content))
}

/// `POST .../dependents` with a JSON array of job property ids.
pub async fn add_dependents(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let ids: Vec<String> = input::body(&body)?;
    let content = caller.write(
        |s, actor, _| cr::add_dependents(s, actor, &id, &ids),
        |s| Ok(cr::job_property(s, &id)?.dependents.clone()),
    )?;
    Ok(HttpResponse::Created().json(json!({ "content": content })))
}

/// `GET .../dependents/{dependentId}/values`: for each value of the property, the dependent's
/// values it allows.
pub async fn dependent_relations(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, dependent) = path.into_inner();
    let content = caller.read(|s, _| {
        let p = cr::job_property(s, &id)?;
        if !p.dependents.contains(&dependent) {
            return Err(SrError::not_found("Dependent job property", &dependent));
        }
        Ok(p.values
            .iter()
            .map(|v| {
                let allowed = p
                    .dependent_values
                    .get(&v.id)
                    .and_then(|m| m.get(&dependent))
                    .cloned()
                    .unwrap_or_default();
                json!({"id": v.id, "values": allowed})
            })
            .collect())
    })?;
    Ok(listing(content))
}

pub async fn dependent_values(
    caller: Caller,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, value, dependent) = path.into_inner();
    let content = caller.read(|s, _| {
        let p = cr::job_property(s, &id)?;
        if !p.values.iter().any(|v| v.id == value) {
            return Err(SrError::not_found("Job property value", &value));
        }
        let dep = cr::job_property(s, &dependent)?;
        let allowed = p
            .dependent_values
            .get(&value)
            .and_then(|m| m.get(&dependent))
            .cloned()
            .unwrap_or_default();
        Ok(dep
            .values
            .iter()
            .filter(|v| allowed.contains(&v.id))
            .map(|v| json!({"id": v.id, "label": v.label}))
            .collect())
    })?;
    Ok(listing(content))
}

pub async fn add_dependent_value(
    caller: Caller,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, value, dependent) = path.into_inner();
    let input: IdRef = input::body(&body)?;
    no_content(&caller, |s, a| {
        cr::add_dependent_value(s, a, &id, &value, &dependent, &input.id)
    })
}

fn candidate_property_json(s: &Store, id: &str) -> Result<Value, SrError> {
    let p = cr::candidate_property(s, id)?;
    Ok(json!({"id": p.id, "label": p.label, "type": p.kind}))
}

pub async fn candidate_properties(caller: Caller) -> Result<HttpResponse, SrError> {
    let content = caller.read(|s, _| {
        s.candidate_properties
            .keys()
            .map(|id| candidate_property_json(s, id))
            .collect()
    })?;
    Ok(listing(content))
}

pub async fn candidate_property(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    Ok(HttpResponse::Ok().json(caller.read(|s, _| candidate_property_json(s, &id))?))
}

pub async fn candidate_property_values(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let content =
        caller.read(|s, _| Ok(values(&cr::candidate_property(s, &id)?.values).collect()))?;
    Ok(listing(content))
}

fn candidate_value(s: &Store, id: &str, value: &str) -> Result<Value, SrError> {
    cr::candidate_property(s, id)?
        .values
        .iter()
        .find(|v| v.id == value)
        .map(|v| json!({"id": v.id, "label": v.label}))
        .ok_or_else(|| SrError::not_found("Candidate property value", value))
}

pub async fn candidate_property_value(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, value) = path.into_inner();
    Ok(HttpResponse::Ok().json(caller.read(|s, _| candidate_value(s, &id, &value))?))
}

pub async fn create_candidate_property_value(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: LabelInput = input::body(&body)?;
    let value = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, _| cr::add_candidate_property_value(s, actor, &id, value.clone(), &input.label),
        |s| candidate_value(s, &id, &value),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn relabel_candidate_property_value(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, value) = path.into_inner();
    let input: LabelInput = input::body(&body)?;
    let out = caller.write(
        |s, actor, _| cr::relabel_candidate_property_value(s, actor, &id, &value, &input.label),
        |s| candidate_value(s, &id, &value),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

fn access_group(s: &Store, id: &str) -> Result<Value, SrError> {
    let g = s
        .access_groups
        .get(id)
        .ok_or_else(|| SrError::not_found("Access group", id))?;
    let members = s
        .users
        .values()
        .filter(|u| u.access_groups.iter().any(|x| x == id))
        .count();
    Ok(json!({"id": g.id, "name": g.name, "description": g.description, "usersCount": members}))
}

pub async fn get_access_group(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    Ok(HttpResponse::Ok().json(caller.read(|s, _| access_group(s, &id))?))
}

pub async fn create_access_group(
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: AccessGroupInput = input::body(&body)?;
    let id = caller.draw(|rng| rng.hex_id("", 24))?;
    let out = caller.write(
        |s, actor, _| cr::put_access_group(s, actor, id.clone(), input, true),
        |s| access_group(s, &id),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn update_access_group(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: AccessGroupInput = input::body(&body)?;
    let out = caller.write(
        |s, actor, _| cr::put_access_group(s, actor, id.to_string(), input, false),
        |s| access_group(s, &id),
    )?;
    Ok(HttpResponse::Ok().json(out))
}
