//! Reading Pandapé requests as ASP.NET binds them: JSON property names and query-string keys
//! are case-insensitive (`isConfidential` binds `IsConfidential`), and binding failures name
//! the field the way ASP.NET does.

use super::error::PandapeError;
use crate::http::{from_value, parse_value};
use actix_web::HttpRequest;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::str::FromStr;

/// Upper-cases the first letter of every object key, recursively (camelCase -> PascalCase).
fn pascalize(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let mut chars = k.chars();
                    let key = match chars.next() {
                        Some(first) => first.to_uppercase().chain(chars).collect(),
                        None => k,
                    };
                    (key, pascalize(v))
                })
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(pascalize).collect()),
        other => other,
    }
}

/// Parses a JSON object body into `T` (PascalCase fields, matched case-insensitively).
pub fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, PandapeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PandapeError::field(
            "",
            "A non-empty request body is required.",
        ));
    }
    let value = parse_value(bytes)?;
    if !value.is_object() {
        return Err(PandapeError::field(
            "$",
            "The JSON value could not be converted: expected an object.",
        ));
    }
    Ok(from_value(pascalize(value))?)
}

/// A query-string parameter, its name matched case-insensitively.
pub fn query<T: FromStr>(req: &HttpRequest, name: &str) -> Result<Option<T>, PandapeError> {
    let found = req
        .query_string()
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| key.eq_ignore_ascii_case(name));
    match found {
        None => Ok(None),
        Some((_, raw)) => {
            let value = raw.replace('+', " ");
            value.parse().map(Some).map_err(|_| {
                PandapeError::field(
                    name,
                    format!("The value '{value}' is not valid for {name}."),
                )
            })
        }
    }
}

/// A record id from the path; anything else is a record that does not exist.
pub fn id(raw: &str, what: &str) -> Result<u64, PandapeError> {
    raw.parse().map_err(|_| PandapeError::not_found(what, raw))
}
