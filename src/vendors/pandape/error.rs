//! Pandapé runs on ASP.NET, so every 4xx is a ProblemDetails document
//! (`application/problem+json`): `type`, `title`, `status`, `detail`, `traceId`, and for
//! validation failures (400) an `errors` map from field name to messages, named as ASP.NET names
//! them (`Email` for a missing field, `$.IsAllowedToPublish` for a value of the wrong type, `$`
//! for a body that is not JSON).

use crate::http::JsonProblem;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use indexmap::IndexMap;
use serde::Serialize;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use utoipa::ToSchema;

/// The body of every error.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProblemDetails {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Field name to messages (validation failures only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<std::collections::HashMap<String, Vec<String>>>)]
    pub errors: Option<IndexMap<String, Vec<String>>>,
    pub trace_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PandapeError {
    Unauthorized(String),
    Forbidden(String),
    NotFound(String),
    /// 400 with field errors.
    Validation(IndexMap<String, Vec<String>>),
    Status(StatusCode, String),
}

impl PandapeError {
    pub fn forbidden(detail: impl Into<String>) -> Self {
        PandapeError::Forbidden(detail.into())
    }

    pub fn not_found(what: &str, id: impl fmt::Display) -> Self {
        PandapeError::NotFound(format!("{what} {id} was not found."))
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        PandapeError::Validation(IndexMap::from([(field.to_owned(), vec![message.into()])]))
    }

    pub fn required(field: &str) -> Self {
        Self::field(field, required_message(field))
    }

    pub fn render_status(status: StatusCode, message: String) -> HttpResponse {
        PandapeError::Status(status, message).error_response()
    }

    fn title(&self) -> String {
        match self {
            PandapeError::Validation(_) => "One or more validation errors occurred.".into(),
            _ => self
                .status_code()
                .canonical_reason()
                .unwrap_or("Error")
                .to_owned(),
        }
    }

    pub fn body(&self) -> ProblemDetails {
        let status = self.status_code();
        let (detail, errors) = match self {
            PandapeError::Validation(errors) => (None, Some(errors.clone())),
            PandapeError::Unauthorized(d)
            | PandapeError::Forbidden(d)
            | PandapeError::NotFound(d)
            | PandapeError::Status(_, d) => (Some(d.clone()), None),
        };
        ProblemDetails {
            problem_type: problem_type(status),
            title: self.title(),
            status: status.as_u16(),
            detail,
            errors,
            trace_id: next_trace_id(),
        }
    }
}

/// A collector of field errors, in the order they were found.
#[derive(Debug, Default)]
pub struct FieldErrors(IndexMap<String, Vec<String>>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(message.into());
    }

    pub fn required(&mut self, field: &str) {
        self.add(field, required_message(field));
    }

    pub fn into_result(self) -> Result<(), PandapeError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(PandapeError::Validation(self.0))
        }
    }
}

pub fn required_message(field: &str) -> String {
    format!("The {field} field is required.")
}

/// The RFC section ASP.NET links for a status.
fn problem_type(status: StatusCode) -> String {
    let section = match status.as_u16() {
        400 => "15.5.1",
        401 => "15.5.2",
        403 => "15.5.4",
        404 => "15.5.5",
        405 => "15.5.6",
        409 => "15.5.10",
        413 => "15.5.14",
        415 => "15.5.16",
        _ => "15.6.1",
    };
    format!("https://tools.ietf.org/html/rfc9110#section-{section}")
}

/// W3C trace-context ids, as ASP.NET puts in `traceId`: a counter, so runs are reproducible.
fn next_trace_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let spread = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    format!(
        "00-{:016x}{:016x}-{:016x}-00",
        spread,
        spread.rotate_left(29),
        n
    )
}

impl fmt::Display for PandapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PandapeError::Validation(errors) => {
                let parts: Vec<String> = errors
                    .iter()
                    .map(|(field, messages)| format!("{field}: {}", messages.join(" ")))
                    .collect();
                f.write_str(&parts.join("; "))
            }
            PandapeError::Unauthorized(d)
            | PandapeError::Forbidden(d)
            | PandapeError::NotFound(d)
            | PandapeError::Status(_, d) => f.write_str(d),
        }
    }
}

impl ResponseError for PandapeError {
    fn status_code(&self) -> StatusCode {
        match self {
            PandapeError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            PandapeError::Forbidden(_) => StatusCode::FORBIDDEN,
            PandapeError::NotFound(_) => StatusCode::NOT_FOUND,
            PandapeError::Validation(_) => StatusCode::BAD_REQUEST,
            PandapeError::Status(status, _) => *status,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json; charset=utf-8");
        if let PandapeError::Unauthorized(detail) = self {
            response.insert_header((
                header::WWW_AUTHENTICATE,
                format!("Bearer error=\"invalid_token\", error_description=\"{detail}\""),
            ));
        }
        let body = serde_json::to_vec(&self.body()).unwrap_or_default();
        response.body(body)
    }
}

impl From<JsonProblem> for PandapeError {
    fn from(problem: JsonProblem) -> Self {
        match problem {
            JsonProblem::Syntax(message) => PandapeError::field(
                "$",
                format!("The request body is not valid JSON: {message}."),
            ),
            JsonProblem::Data { field, message } if message.starts_with("missing field") => {
                PandapeError::required(&field)
            }
            JsonProblem::Data { field, message } => {
                let path = if field.is_empty() {
                    "$".to_owned()
                } else {
                    format!("$.{field}")
                };
                PandapeError::field(
                    &path,
                    format!("The JSON value could not be converted: {message}. Path: {path}."),
                )
            }
        }
    }
}
