//! `/configuration/...`: company information, departments, hiring processes, rejection and
//! withdrawal reasons, sources, offer properties and predefined locations (CRUD).
//!
//! Choice: predefined locations are served at `/configuration/locations` (the derived reference
//! does not list their path); reads are open to every role, writes to ADMINISTRATOR.

use super::auth::Caller;
use super::error::SrError;
use super::input::{self, DepartmentInput};
use super::model::Location;
use super::pagination::listing;
use super::user_rules;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

fn list(
    caller: &Caller,
    f: impl FnOnce(&super::store::Store) -> Vec<Value>,
) -> Result<HttpResponse, SrError> {
    let content = caller.read(|store, _| Ok(f(store)))?;
    Ok(listing(content))
}

fn to_values<T: serde::Serialize>(items: impl Iterator<Item = T>) -> Vec<Value> {
    items
        .map(|i| serde_json::to_value(i).unwrap_or_default())
        .collect()
}

pub async fn company(caller: Caller) -> Result<HttpResponse, SrError> {
    let out = caller.read(|store, _| Ok(store.company.clone()))?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn departments(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| to_values(s.departments.values()))
}

pub async fn department(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = caller.read(|s, _| {
        s.departments
            .get(id.as_str())
            .cloned()
            .ok_or_else(|| SrError::not_found("Department", &id))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn create_department(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    let input: DepartmentInput = input::body(&body)?;
    let id = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, _| user_rules::create_department(s, actor, id.clone(), input),
        |s| Ok(s.departments.get(&id).cloned()),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn hiring_processes(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| {
        s.hiring_processes
            .values()
            .map(|p| json!({"id": p.id, "name": p.name}))
            .collect()
    })
}

pub async fn hiring_process(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let out = caller.read(|s, _| {
        s.hiring_processes
            .get(id.as_str())
            .cloned()
            .ok_or_else(|| SrError::not_found("Hiring process", &id))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn rejection_reasons(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| to_values(s.rejection_reasons.values()))
}

pub async fn withdrawal_reasons(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| to_values(s.withdrawal_reasons.values()))
}

pub async fn offer_properties(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| s.offer_properties.clone())
}

/// `GET /configuration/sources`: the source types, each with its values' count.
pub async fn source_types(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| {
        let mut types: indexmap::IndexMap<&str, usize> = indexmap::IndexMap::new();
        for v in s.sources.values() {
            *types.entry(v.source_type.as_str()).or_default() += 1;
        }
        types
            .into_iter()
            .map(|(t, n)| json!({"id": t, "label": t, "totalValues": n}))
            .collect()
    })
}

pub async fn source_values(
    caller: Caller,
    kind: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let kind = kind.into_inner();
    let content = caller.read(|s, _| {
        let values: Vec<Value> = s
            .sources
            .values()
            .filter(|v| v.source_type == kind)
            .map(|v| json!({"id": v.id, "label": v.label}))
            .collect();
        if values.is_empty() {
            return Err(SrError::not_found("Source type", &kind));
        }
        Ok(values)
    })?;
    Ok(listing(content))
}

pub async fn source_value(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (kind, id) = path.into_inner();
    let out = caller.read(|s, _| {
        s.sources
            .get(&id)
            .filter(|v| v.source_type == kind)
            .map(|v| json!({"id": v.id, "label": v.label, "sourceType": v.source_type}))
            .ok_or_else(|| SrError::not_found("Source", &id))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

/// `GET /configuration/sources/{sourceIdentifier}`: a source by its id, with its type.
pub async fn source_by_identifier(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let out = caller.read(|s, _| {
        s.sources
            .get(id.as_str())
            .map(|v| json!({"id": v.id, "label": v.label, "sourceType": v.source_type}))
            .ok_or_else(|| SrError::not_found("Source", &id))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn locations(caller: Caller) -> Result<HttpResponse, SrError> {
    list(&caller, |s| to_values(s.locations.values()))
}

pub async fn location(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let out = caller.read(|s, _| {
        s.locations
            .get(id.as_str())
            .cloned()
            .ok_or_else(|| SrError::not_found("Location", &id))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn create_location(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    let input: Location = input::body(&body)?;
    let id = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, _| user_rules::put_location(s, actor, id.clone(), input, true),
        |s| Ok(s.locations.get(&id).cloned()),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn update_location(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: Location = input::body(&body)?;
    let out = caller.write(
        |s, actor, _| user_rules::put_location(s, actor, id.to_string(), input, false),
        |s| Ok(s.locations.get(id.as_str()).cloned()),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn delete_location(
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    caller.write(
        |s, actor, _| user_rules::delete_location(s, actor, &id),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}
