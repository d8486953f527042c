//! The control plane, `/_sandbox`: our own JSON API for test suites and demos. This file holds
//! its error type and routes; `tenants.rs` the tenants (reset, credentials, snapshots),
//! `clock.rs` the sandbox clock, `requests.rs` the request journal, `faults.rs` fault rules. Errors are
//! `{"error": "<code>", "message": "...", "field": "..."}` with an ordinary status; bad bodies
//! name the field at fault.

mod clock;
mod faults;
mod requests;
mod tenants;

use crate::fixtures::FixtureError;
use crate::http::{parse_value, vendor_error_shape, JsonProblem};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse, ResponseError};
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
pub(crate) fn object_body(bytes: &[u8]) -> Result<Value, AdminError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    let value = parse_value(bytes)?;
    if !value.is_object() {
        return Err(AdminError::bad_request("the body must be a JSON object"));
    }
    Ok(value)
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
        .route("/health", web::get().to(tenants::health))
        .service(
            web::resource("/tenants")
                .get(tenants::list_tenants)
                .post(tenants::create_tenant),
        )
        .service(
            web::resource("/tenants/{id}")
                .get(tenants::get_tenant)
                .delete(tenants::delete_tenant),
        )
        .route("/tenants/{id}/reset", web::post().to(tenants::reset_tenant))
        .route(
            "/tenants/{id}/credentials",
            web::post().to(tenants::create_credential),
        )
        .service(
            web::resource("/tenants/{id}/snapshot")
                .get(tenants::get_snapshot)
                .put(tenants::put_snapshot),
        )
        .service(
            web::resource("/clock")
                .get(clock::get_clock)
                .post(clock::set_clock),
        )
        .service(
            web::resource("/requests")
                .get(requests::list)
                .delete(requests::clear),
        )
        .service(
            web::resource("/faults")
                .get(faults::list)
                .post(faults::add)
                .delete(faults::clear),
        )
        .route("/faults/{id}", web::delete().to(faults::remove))
        .route("/save", web::post().to(tenants::save))
        .default_service(web::to(unknown_route))
}
