//! The one ATS Anywhere error shape. Every failure under the vendor, from a bad password to a
//! rule refusing a change, answers
//! `{"status": 422, "error": "validation_failed", "message": "...", "errors": [{"field", "message"}]}`
//! (`errors` only when fields are at fault). The docs name 403 for credentials that do not grant
//! access; missing credentials get 401 with a Basic challenge.

use crate::http::JsonProblem;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;

/// One field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The error body, as served.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub status: u16,
    /// A stable code: `unauthorized`, `forbidden`, `not_found`, `bad_request`,
    /// `validation_failed`, `account_owner_required`, `method_not_allowed`, `payload_too_large`.
    pub error: String,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtsError {
    /// No credentials at all.
    Unauthorized,
    /// Credentials unknown, or the calling user may not do this.
    Forbidden(String),
    NotFound(String),
    /// The body is not JSON.
    BadRequest(String),
    /// Fields missing or invalid.
    Validation(Vec<FieldError>),
    /// The change would leave the company without exactly one active AccountOwner.
    AccountOwnerRequired(String),
    /// Any other status, with a message (used for actix's own errors: 405, 413, ...).
    Status(StatusCode, String),
}

pub const BAD_CREDENTIALS: &str =
    "The provided authorization credentials do not grant sufficient privileges";

impl AtsError {
    pub fn forbidden(message: impl Into<String>) -> Self {
        AtsError::Forbidden(message.into())
    }

    pub fn not_found(what: &str, id: impl fmt::Display) -> Self {
        AtsError::NotFound(format!("{what} {id} not found"))
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AtsError::Validation(vec![FieldError::new(field, message)])
    }

    pub fn owner_required(message: impl Into<String>) -> Self {
        AtsError::AccountOwnerRequired(message.into())
    }

    fn code(&self) -> &'static str {
        match self {
            AtsError::Unauthorized => "unauthorized",
            AtsError::Forbidden(_) => "forbidden",
            AtsError::NotFound(_) => "not_found",
            AtsError::BadRequest(_) => "bad_request",
            AtsError::Validation(_) => "validation_failed",
            AtsError::AccountOwnerRequired(_) => "account_owner_required",
            AtsError::Status(status, _) => match status.as_u16() {
                404 => "not_found",
                405 => "method_not_allowed",
                413 => "payload_too_large",
                400 => "bad_request",
                _ => "error",
            },
        }
    }

    pub fn body(&self) -> ErrorBody {
        let errors = match self {
            AtsError::Validation(errors) => errors.clone(),
            _ => Vec::new(),
        };
        ErrorBody {
            status: self.status_code().as_u16(),
            error: self.code().to_owned(),
            message: self.to_string(),
            errors,
        }
    }

    /// Renders an actix-produced error (405, 413, bad query) in this vendor's shape.
    pub fn render_status(status: StatusCode, message: String) -> HttpResponse {
        AtsError::Status(status, message).error_response()
    }
}

impl fmt::Display for AtsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AtsError::Unauthorized => f.write_str(
                "Authentication required: send HTTP Basic credentials (API key and API password)",
            ),
            AtsError::Validation(errors) => {
                let parts: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{} {}", e.field, e.message))
                    .collect();
                write!(f, "Validation failed: {}", parts.join(", "))
            }
            AtsError::Forbidden(m)
            | AtsError::NotFound(m)
            | AtsError::BadRequest(m)
            | AtsError::AccountOwnerRequired(m)
            | AtsError::Status(_, m) => f.write_str(m),
        }
    }
}

impl ResponseError for AtsError {
    fn status_code(&self) -> StatusCode {
        match self {
            AtsError::Unauthorized => StatusCode::UNAUTHORIZED,
            AtsError::Forbidden(_) => StatusCode::FORBIDDEN,
            AtsError::NotFound(_) => StatusCode::NOT_FOUND,
            AtsError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AtsError::Validation(_) | AtsError::AccountOwnerRequired(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AtsError::Status(status, _) => *status,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        if matches!(self, AtsError::Unauthorized) {
            response.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"ATS Anywhere API\""));
        }
        response.json(self.body())
    }
}

impl From<JsonProblem> for AtsError {
    fn from(problem: JsonProblem) -> Self {
        match problem {
            JsonProblem::Syntax(message) => {
                AtsError::BadRequest(format!("The request body is not valid JSON: {message}"))
            }
            JsonProblem::Data { field, message } => {
                let field = if field.is_empty() {
                    "body".to_owned()
                } else {
                    field
                };
                AtsError::Validation(vec![FieldError::new(field, message)])
            }
        }
    }
}
