//! `/_sandbox/faults`: add, list (with hit counts) and remove fault rules.

use super::{object_body, AdminError};
use crate::faults::FaultSpec;
use crate::state::SandboxState;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

pub async fn add(
    sandbox: web::Data<SandboxState>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let spec: FaultSpec = crate::http::from_value(object_body(&body)?)?;
    let rule = sandbox
        .faults
        .add(spec)
        .map_err(|e| AdminError::field(e.field, e.message))?;
    Ok(HttpResponse::Created().json(rule.to_json()))
}

pub async fn list(sandbox: web::Data<SandboxState>) -> HttpResponse {
    let rules: Vec<Value> = sandbox.faults.list().iter().map(|r| r.to_json()).collect();
    HttpResponse::Ok().json(rules)
}

pub async fn clear(sandbox: web::Data<SandboxState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "removed": sandbox.faults.remove(None) }))
}

pub async fn remove(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    match sandbox.faults.remove(Some(&id)) {
        0 => Err(AdminError::not_found(format!("no fault rule {id}"))),
        _ => Ok(HttpResponse::NoContent().finish()),
    }
}
