//! The control plane, `/_sandbox`: our own JSON API for test suites and demos (health, tenants,
//! reset, extra credentials). Its errors are `{"error": "<code>", "message": "...", "field": "..."}`
//! with an ordinary status; bad bodies name the field at fault.

use crate::fixtures::{FixtureError, FixtureSet};
use crate::http::{parse_value, vendor_error_shape, JsonProblem};
use crate::state::SandboxState;
use crate::vendors::Vendor;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse, ResponseError};
use serde::Deserialize;
use serde_json::{json, Value};
use std::fmt;

/// A control-plane error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminError {
    pub status: StatusCode,
    pub code: &'static str,
    pub field: Option<String>,
    pub message: String,
}

impl AdminError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_field",
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            field: None,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            field: None,
            message: message.into(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            code: "conflict",
            field: None,
            message: message.into(),
        }
    }

    fn render_status(status: StatusCode, message: String) -> HttpResponse {
        AdminError {
            status,
            code: "error",
            field: None,
            message,
        }
        .error_response()
    }
}

impl fmt::Display for AdminError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl ResponseError for AdminError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut body = json!({"error": self.code, "message": self.message});
        if let Some(field) = &self.field {
            body["field"] = json!(field);
        }
        HttpResponse::build(self.status).json(body)
    }
}

impl From<JsonProblem> for AdminError {
    fn from(problem: JsonProblem) -> Self {
        match problem {
            JsonProblem::Syntax(message) => {
                AdminError::bad_request(format!("the body is not valid JSON: {message}"))
            }
            JsonProblem::Data { field, message } if field.is_empty() => {
                AdminError::bad_request(message)
            }
            JsonProblem::Data { field, message } => AdminError::field(&field, message),
        }
    }
}

impl From<FixtureError> for AdminError {
    fn from(error: FixtureError) -> Self {
        AdminError::field("fixtures", error.to_string())
    }
}

/// A JSON object body; an empty body counts as `{}`.
fn object_body(bytes: &[u8]) -> Result<Value, AdminError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    let value = parse_value(bytes)?;
    if !value.is_object() {
        return Err(AdminError::bad_request("the body must be a JSON object"));
    }
    Ok(value)
}

async fn health(sandbox: web::Data<SandboxState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "status": "ok",
        "vendors": Vendor::ALL,
        "tenants": sandbox.registry.list().len(),
    }))
}

async fn list_tenants(sandbox: web::Data<SandboxState>) -> HttpResponse {
    let tenants: Vec<Value> = sandbox
        .registry
        .list()
        .iter()
        .map(|t| t.to_json())
        .collect();
    HttpResponse::Ok().json(tenants)
}

/// Body of `POST /_sandbox/tenants`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewTenant {
    vendor: String,
    /// `empty` (default), `demo`, or a directory.
    fixtures: Option<String>,
    seed: Option<u64>,
    /// A chosen id; generated when absent.
    id: Option<String>,
}

async fn create_tenant(
    sandbox: web::Data<SandboxState>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let request: NewTenant = crate::http::from_value(object_body(&body)?)?;
    let vendor = Vendor::from_slug(&request.vendor).ok_or_else(|| {
        let served: Vec<&str> = Vendor::ALL.iter().map(|v| v.slug()).collect();
        AdminError::field(
            "vendor",
            format!(
                "unknown vendor `{}`; served: {}",
                request.vendor,
                served.join(", ")
            ),
        )
    })?;
    if let Some(id) = &request.id {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(AdminError::field(
                "id",
                "use letters, digits, `-` and `_` only",
            ));
        }
    }
    let fixtures = FixtureSet::resolve(request.fixtures.as_deref().unwrap_or("empty"))?;
    let tenant = sandbox.create_tenant(vendor, &fixtures, request.seed, request.id, false)?;
    Ok(HttpResponse::Created().json(tenant.to_json()))
}

fn tenant(
    sandbox: &SandboxState,
    id: &str,
) -> Result<std::sync::Arc<crate::tenancy::Tenant>, AdminError> {
    sandbox
        .registry
        .get(id)
        .ok_or_else(|| AdminError::not_found(format!("no tenant {id}")))
}

async fn get_tenant(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    Ok(HttpResponse::Ok().json(tenant(&sandbox, &id)?.to_json()))
}

async fn delete_tenant(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    sandbox
        .registry
        .remove(&id)
        .ok_or_else(|| AdminError::not_found(format!("no tenant {id}")))?;
    Ok(HttpResponse::NoContent().finish())
}

async fn reset_tenant(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    tenant.backend().reset();
    sandbox.registry.reindex(&tenant);
    Ok(HttpResponse::Ok().json(tenant.to_json()))
}

async fn create_credential(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    let request = object_body(&body)?;
    let created = tenant.backend().add_credential(&request, &sandbox.clock)?;
    sandbox.registry.reindex(&tenant);
    Ok(HttpResponse::Created().json(created))
}

async fn unknown_route(req: actix_web::HttpRequest) -> HttpResponse {
    AdminError::not_found(format!(
        "no control-plane route {} {}",
        req.method(),
        req.path()
    ))
    .error_response()
}

/// Mounts the control plane on `scope` (`/_sandbox`).
pub fn mount(scope: actix_web::Scope) -> impl actix_web::dev::HttpServiceFactory {
    scope
        .wrap(vendor_error_shape(AdminError::render_status))
        .route("/health", web::get().to(health))
        .service(
            web::resource("/tenants")
                .get(list_tenants)
                .post(create_tenant),
        )
        .service(
            web::resource("/tenants/{id}")
                .get(get_tenant)
                .delete(delete_tenant),
        )
        .route("/tenants/{id}/reset", web::post().to(reset_tenant))
        .route(
            "/tenants/{id}/credentials",
            web::post().to(create_credential),
        )
        .default_service(web::to(unknown_route))
}
