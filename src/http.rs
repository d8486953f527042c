//! HTTP plumbing shared by every vendor: JSON body parsing that names the offending field, Basic
//! credentials, the fallback that gives actix's own error responses (405, 413, bad query
//! strings) the vendor's error shape.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderMap};
use actix_web::http::StatusCode;
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::HttpResponse;
use base64::Engine;
use serde::de::DeserializeOwned;

/// Why a JSON body was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// Not JSON at all (or empty when a body is required).
    Syntax(String),
    /// JSON, but a field is missing or has the wrong type or value. `field` is the path
    /// (`user.admin_level`, `assigned_job_ids[2]`), empty for the document itself.
    Data { field: String, message: String },
}

/// Strips serde's " at line 1 column 7" suffix, which means nothing to an API client.
fn without_position(message: String) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// Parses a JSON body straight into `T` (no `Value` first), naming the field that broke it.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, JsonProblem> {
    parse_json_from(serde_json::Deserializer::from_slice(body)).map_err(|problem| match problem {
        JsonProblem::Syntax(message) => JsonProblem::Syntax(without_position(message)),
        data => data,
    })
}

/// Parses a body as JSON of any shape.
pub fn parse_value(body: &[u8]) -> Result<serde_json::Value, JsonProblem> {
    serde_json::from_slice(body).map_err(|e| JsonProblem::Syntax(without_position(e.to_string())))
}

/// Converts an already-parsed JSON value into `T`, naming the field that broke it.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, JsonProblem> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| data_problem(e.path().to_string(), e.into_inner().to_string()))
}

/// Parses JSON text straight into `T`, without building a `Value` first (a fixture of 100k
/// records would take several times its size as a `Value`), naming the field that broke it.
/// A syntax error keeps serde's line and column, which help in a file.
pub fn parse_json_text<T: DeserializeOwned>(text: &str) -> Result<T, JsonProblem> {
    parse_json_from(serde_json::Deserializer::from_str(text))
}

/// [`parse_json_text`] for a reader (a fixture file, parsed while it is read).
pub fn parse_json_reader<T: DeserializeOwned>(
    reader: impl std::io::Read,
) -> Result<T, JsonProblem> {
    parse_json_from(serde_json::Deserializer::from_reader(reader))
}

fn parse_json_from<'de, T: DeserializeOwned, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
) -> Result<T, JsonProblem> {
    let parsed = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            data_problem(path, inner.to_string())
        } else {
            JsonProblem::Syntax(inner.to_string())
        }
    })?;
    de.end().map_err(|e| JsonProblem::Syntax(e.to_string()))?;
    Ok(parsed)
}

/// A data error at `path` (serde_path_to_error's notation, `.` for the document).
fn data_problem(path: String, message: String) -> JsonProblem {
    let path = if path == "." { String::new() } else { path };
    let message = without_position(message);
    // serde reports a missing field at the level of its parent: name the field itself.
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    let field = match missing {
        Some(name) if path.is_empty() => name.to_owned(),
        Some(name) => format!("{path}.{name}"),
        None => path,
    };
    JsonProblem::Data { field, message }
}

/// The host a request was sent to, without the port: the `Host` header, else the authority
/// of an absolute request URI. Vendor hosts route on it (the real APIs' paths at the root).
pub fn request_host(head: &actix_web::dev::RequestHead) -> Option<&str> {
    let host = match head.headers().get(header::HOST) {
        Some(value) => value.to_str().ok()?,
        None => head.uri.host()?,
    };
    Some(host.rsplit_once(':').map_or(host, |(name, _)| name))
}

/// What the `Authorization` header holds for Basic auth.
#[derive(Debug, PartialEq, Eq)]
pub enum BasicAuth {
    Missing,
    /// Present but not `Basic base64(user:password)`.
    Malformed,
    Credentials {
        user: String,
        password: String,
    },
}

pub fn basic_auth(headers: &HeaderMap) -> BasicAuth {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return BasicAuth::Missing;
    };
    let Ok(value) = value.to_str() else {
        return BasicAuth::Malformed;
    };
    let mut parts = value.trim().splitn(2, ' ');
    let (Some(scheme), Some(encoded)) = (parts.next(), parts.next()) else {
        return BasicAuth::Malformed;
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return BasicAuth::Malformed;
    }
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return BasicAuth::Malformed;
    };
    let Ok(decoded) = String::from_utf8(decoded) else {
        return BasicAuth::Malformed;
    };
    match decoded.split_once(':') {
        Some((user, password)) => BasicAuth::Credentials {
            user: user.to_owned(),
            password: password.to_owned(),
        },
        None => BasicAuth::Credentials {
            user: decoded,
            password: String::new(),
        },
    }
}

/// How a vendor renders an error of its own: status and a human message in, response out.
pub type ErrorRenderer = fn(StatusCode, String) -> HttpResponse;

/// Middleware for a scope of our own (the control plane): error responses in its shape, as
/// [`in_vendor_shape`] makes them.
pub fn vendor_error_shape<B: MessageBody + 'static>(render: ErrorRenderer) -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(move |res: ServiceResponse<B>| {
        Ok(ErrorHandlerResponse::Response(
            in_vendor_shape(res, render).map_into_right_body(),
        ))
    })
}

/// An error response that is not already JSON or `+json` (actix's own 404, 405, 413,
/// query-string and path errors) re-rendered by `render` in a vendor's error shape; any other
/// response as it is.
pub fn in_vendor_shape<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
    render: impl FnOnce(StatusCode, String) -> HttpResponse,
) -> ServiceResponse<BoxBody> {
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res.map_into_boxed_body();
    }
    let message = match res.response().error() {
        Some(e) => e.to_string(),
        None if status == StatusCode::METHOD_NOT_ALLOWED => {
            format!(
                "{} is not allowed on {}",
                res.request().method(),
                res.request().path()
            )
        }
        None => status.canonical_reason().unwrap_or("error").to_owned(),
    };
    let (req, _) = res.into_parts();
    ServiceResponse::new(req, render(status, message))
}

/// A served OpenAPI document: pretty JSON with a trailing newline (as committed in `openapi/`).
pub fn openapi_json(doc: &utoipa::openapi::OpenApi) -> String {
    let mut json = doc
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderValue;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Input {
        name: String,
        tags: Vec<u32>,
    }

    #[test]
    fn json_errors_name_the_field() {
        assert!(matches!(
            parse_json::<Input>(b"{"),
            Err(JsonProblem::Syntax(_))
        ));
        let Err(JsonProblem::Data { field, message }) =
            parse_json::<Input>(br#"{"name":"a","tags":[1,"x"]}"#)
        else {
            panic!("expected a data error");
        };
        assert_eq!(field, "tags[1]");
        assert!(message.contains("invalid type"), "{message}");
        let Err(JsonProblem::Data { field, message }) = parse_json::<Input>(br#"{"tags":[]}"#)
        else {
            panic!("expected a data error");
        };
        assert_eq!(field, "name");
        assert!(message.contains("missing field `name`"), "{message}");
    }

    #[test]
    fn basic_auth_forms() {
        let mut headers = HeaderMap::new();
        assert_eq!(basic_auth(&headers), BasicAuth::Missing);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        assert_eq!(basic_auth(&headers), BasicAuth::Malformed);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic a2V5OnB3"),
        );
        assert_eq!(
            basic_auth(&headers),
            BasicAuth::Credentials {
                user: "key".into(),
                password: "pw".into()
            }
        );
    }
}
