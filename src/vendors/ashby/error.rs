//! Ashby's envelope. Success: `{"success": true, "results": ...}` (lists add
//! `moreDataAvailable`, `nextCursor`, `syncToken`). Business and validation errors are HTTP 200
//! with `{"success": false, "errors": [code], "errorInfo": {code, message, requestId}}`; only
//! authentication answers 401 (no key) and 403 (unknown key, or a key without the endpoint's
//! permission: `missing_endpoint_permission`). Every response carries `x-ashby-request-id`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Value};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// The response header naming the request.
pub const REQUEST_ID_HEADER: &str = "x-ashby-request-id";

/// A request id in Ashby's style (26 Crockford base-32 characters, like a ULID), from a
/// counter so runs are reproducible.
pub fn next_request_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut x = (n as u128).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835) ^ (n as u128);
    let mut id = String::from("01J");
    for _ in 0..23 {
        id.push(ALPHABET[(x % 32) as usize] as char);
        x /= 32;
        if x == 0 {
            x = (n as u128).wrapping_mul(0x2545_F491_4F6C_DD1D) | 1;
        }
    }
    id
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AshbyError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
}

impl AshbyError {
    /// A business or validation error (HTTP 200, `success: false`).
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::OK,
            code: code.to_owned(),
            message: message.into(),
        }
    }

    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self::new("invalid_input", message)
    }

    /// `<thing>_not_found`, e.g. `candidate_not_found`.
    pub fn not_found(thing: &str, what: &str) -> Self {
        Self::new(
            &format!("{thing}_not_found"),
            format!("{what} not found - are you lacking permissions to read it?"),
        )
    }

    pub fn unauthorized() -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized".into(),
            message: "Authentication required: send your API key as the Basic auth user name"
                .into(),
        }
    }

    pub fn invalid_key() -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            code: "invalid_api_key".into(),
            message: "The API key is invalid or has been deactivated".into(),
        }
    }

    pub fn missing_permission(endpoint: &str, permission: &str) -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            code: "missing_endpoint_permission".into(),
            message: format!(
                "The API key is missing the {permission} permission required by {endpoint}"
            ),
        }
    }

    pub fn render_status(status: StatusCode, message: String) -> HttpResponse {
        let code = match status.as_u16() {
            404 => "not_found",
            405 => "method_not_allowed",
            413 => "payload_too_large",
            429 => "rate_limit_exceeded",
            _ => "error",
        };
        AshbyError {
            status,
            code: code.into(),
            message,
        }
        .error_response()
    }

    pub fn body(&self, request_id: &str) -> Value {
        json!({
            "success": false,
            "errors": [self.code],
            "errorInfo": {"code": self.code, "message": self.message, "requestId": request_id},
        })
    }
}

impl fmt::Display for AshbyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl ResponseError for AshbyError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let request_id = next_request_id();
        HttpResponse::build(self.status)
            .insert_header((REQUEST_ID_HEADER, request_id.clone()))
            .json(self.body(&request_id))
    }
}

impl From<crate::http::JsonProblem> for AshbyError {
    fn from(problem: crate::http::JsonProblem) -> Self {
        match problem {
            crate::http::JsonProblem::Syntax(message) => {
                AshbyError::invalid_input(format!("Request payload is malformed: {message}"))
            }
            crate::http::JsonProblem::Data { field, message } => {
                let at = if field.is_empty() {
                    String::new()
                } else {
                    format!(" at {field}")
                };
                AshbyError::invalid_input(format!("Invalid request parameters{at}: {message}"))
            }
        }
    }
}

/// A successful answer: `{"success": true, "results": ...}` plus any list fields (which
/// replace a member of the same name in place). Results go out without their null members.
pub fn success(results: Value, extra: Option<Value>) -> HttpResponse {
    success_typed(&super::render::Compact(&results), extra)
}

/// [`success`] for results that serialize themselves (typed views that leave out their absent
/// members), written without a JSON tree.
pub fn success_typed<R: Serialize + ?Sized>(results: &R, extra: Option<Value>) -> HttpResponse {
    written(results, extra, 4 * 1024)
}

/// [`success_typed`] for a page of records: the answer is written into a buffer sized for the
/// page up front (a page of 100 candidates is ~120 KB; grown by doubling it would be copied
/// ten times).
pub fn success_page<R: Serialize>(results: &[R], extra: Option<Value>) -> HttpResponse {
    written(results, extra, 256 + results.len() * 1280)
}

fn written<R: Serialize + ?Sized>(results: &R, extra: Option<Value>, room: usize) -> HttpResponse {
    let extra = match &extra {
        Some(Value::Object(extra)) => Some(extra),
        _ => None,
    };
    let mut body = Vec::with_capacity(room);
    if let Err(e) = serde_json::to_writer(&mut body, &Envelope { results, extra }) {
        return AshbyError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal_error".into(),
            message: format!("the answer could not be written: {e}"),
        }
        .error_response();
    }
    HttpResponse::Ok()
        .insert_header((REQUEST_ID_HEADER, next_request_id()))
        .content_type(actix_web::http::header::ContentType::json())
        .body(body)
}

/// The success envelope, serialized as it stands (no copy of the results).
struct Envelope<'a, R: ?Sized> {
    results: &'a R,
    extra: Option<&'a serde_json::Map<String, Value>>,
}

impl<R: Serialize + ?Sized> Serialize for Envelope<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let given = |key: &str| self.extra.and_then(|extra| extra.get(key));
        let mut map = serializer.serialize_map(None)?;
        match given("success") {
            Some(v) => map.serialize_entry("success", v)?,
            None => map.serialize_entry("success", &true)?,
        }
        match given("results") {
            Some(v) => map.serialize_entry("results", v)?,
            None => map.serialize_entry("results", self.results)?,
        }
        for (k, v) in self.extra.into_iter().flatten() {
            if k != "success" && k != "results" {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}
