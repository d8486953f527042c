//! SmartRecruiters' `ErrorResponse`: `{"message": ..., "errors": [{"code": ..., "message": ...}]}`
//! with an ordinary 4xx status. Codes are the sandbox's (SmartRecruiters documents the shape, not
//! the codes): `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `INVALID_JSON`, `MISSING_FIELD`,
//! `INVALID_FIELD`, `INVALID_STATUS_CHANGE`, `CONFLICT`, `METHOD_NOT_ALLOWED`,
//! `PAYLOAD_TOO_LARGE`, `RATE_LIMIT_EXCEEDED`.

use crate::http::JsonProblem;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorItem {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrError {
    pub status: StatusCode,
    pub message: String,
    pub errors: Vec<ErrorItem>,
}

#[derive(Serialize)]
struct Body<'a> {
    message: &'a str,
    errors: &'a [ErrorItem],
}

impl SrError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        SrError {
            status,
            errors: vec![ErrorItem {
                code: code.to_owned(),
                message: message.clone(),
            }],
            message,
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "FORBIDDEN", message)
    }

    pub fn not_found(what: &str, id: impl fmt::Display) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            format!("{what} with id '{id}' was not found"),
        )
    }

    /// 400 about one field.
    pub fn invalid(field: &str, message: impl fmt::Display) -> Self {
        let message = format!("{field}: {message}");
        Self::new(StatusCode::BAD_REQUEST, "INVALID_FIELD", message)
    }

    pub fn missing(field: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "MISSING_FIELD",
            format!("{field}: required field is missing"),
        )
    }

    /// 400: the rules refuse a status change.
    pub fn status_change(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "INVALID_STATUS_CHANGE", message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "CONFLICT", message)
    }

    /// Any status with a message (actix's own errors, the gateway's 413 and 429).
    pub fn render_status(status: StatusCode, message: String) -> HttpResponse {
        let code = match status.as_u16() {
            401 => "UNAUTHORIZED",
            403 => "FORBIDDEN",
            404 => "NOT_FOUND",
            405 => "METHOD_NOT_ALLOWED",
            413 => "PAYLOAD_TOO_LARGE",
            415 => "UNSUPPORTED_MEDIA_TYPE",
            429 => "RATE_LIMIT_EXCEEDED",
            400..=499 => "INVALID_REQUEST",
            _ => "SERVER_ERROR",
        };
        SrError::new(status, code, message).error_response()
    }
}

impl fmt::Display for SrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl ResponseError for SrError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status).json(Body {
            message: &self.message,
            errors: &self.errors,
        })
    }
}

impl From<JsonProblem> for SrError {
    fn from(problem: JsonProblem) -> Self {
        match problem {
            JsonProblem::Syntax(message) => Self::new(
                StatusCode::BAD_REQUEST,
                "INVALID_JSON",
                format!("The request body is not valid JSON: {message}"),
            ),
            JsonProblem::Data { field, message } if message.starts_with("missing field") => {
                Self::missing(&field)
            }
            JsonProblem::Data { field, message } => {
                let field = if field.is_empty() { "body" } else { &field };
                Self::invalid(field, message)
            }
        }
    }
}
