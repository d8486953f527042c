//! Panora's error bodies: NestJS's defaults, since Panora installs no exception filter
//! (VENDORS.md §5.4): `{"statusCode", "message"}` plus `"error"` for the 4xx HttpExceptions.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde_json::json;

#[derive(Debug, Clone, PartialEq)]
pub struct PanoraError {
    pub status: StatusCode,
    pub message: String,
}

pub type Result<T> = std::result::Result<T, PanoraError>;

impl PanoraError {
    /// The passport API-key guard's refusal.
    pub fn unauthorized() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            message: "Unauthorized".into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// What a controller's `throw new Error(...)` becomes: Panora answers an unknown connection
    /// token or cursor this way.
    pub fn internal() -> Self {
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "Internal server error".into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    pub fn response(&self) -> HttpResponse {
        Self::render_status(self.status, self.message.clone())
    }

    /// The NestJS body for a status; 401 and 500 carry no `error` member, as Nest sends them.
    pub fn render_status(status: StatusCode, message: String) -> HttpResponse {
        let body = match status {
            StatusCode::UNAUTHORIZED | StatusCode::INTERNAL_SERVER_ERROR => {
                json!({"statusCode": status.as_u16(), "message": message})
            }
            _ => json!({
                "statusCode": status.as_u16(), "message": message,
                "error": status.canonical_reason().unwrap_or("Error"),
            }),
        };
        HttpResponse::build(status).json(body)
    }
}
