//! Reading what a request carries: JSON bodies (optionally wrapped in their resource name, as
//! Rails-style clients send them) and numeric path ids.

use super::error::AtsError;
use crate::http::{from_value, parse_value};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses a JSON object body into `T`; `{"<root>": {...}}` is unwrapped first.
pub fn body<T: DeserializeOwned>(bytes: &[u8], root: &str) -> Result<T, AtsError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AtsError::BadRequest(
            "The request body is empty; send a JSON object".into(),
        ));
    }
    let value = parse_value(bytes)?;
    let value = match value {
        Value::Object(mut map) if map.len() == 1 && map.get(root).is_some_and(Value::is_object) => {
            map.remove(root).unwrap_or_default()
        }
        Value::Object(map) => Value::Object(map),
        _ => return Err(AtsError::field("body", "must be a JSON object")),
    };
    Ok(from_value(value)?)
}

/// A record id from the path; anything that is not one is a record that does not exist.
pub fn id(raw: &str, what: &str) -> Result<u64, AtsError> {
    raw.parse().map_err(|_| AtsError::not_found(what, raw))
}
