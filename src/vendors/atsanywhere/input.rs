//! Reading what a request carries: JSON bodies (optionally wrapped in their resource name, as
//! Rails-style clients send them) and numeric path ids.

use super::error::AtsError;
use crate::http::{from_value, parse_json, parse_value};
use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// Parses a JSON object body into `T`; `{"<root>": {...}}` is unwrapped first.
///
/// A body that parses is read straight into `T`, without a JSON tree; any other body goes the
/// long way (tree, unwrap, convert), whose errors are the ones the API answers with.
pub fn body<T: DeserializeOwned>(bytes: &[u8], root: &str) -> Result<T, AtsError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AtsError::BadRequest(
            "The request body is empty; send a JSON object".into(),
        ));
    }
    let typed = match top_level(bytes, root) {
        Some(TopLevel::Wrapped) => unwrapped(bytes, root),
        Some(TopLevel::Bare) => parse_json(bytes).ok(),
        None => None,
    };
    match typed {
        Some(parsed) => Ok(parsed),
        None => body_through_tree(bytes, root),
    }
}

/// [`body`] by way of a [`Value`]: slower, and the source of every error message.
fn body_through_tree<T: DeserializeOwned>(bytes: &[u8], root: &str) -> Result<T, AtsError> {
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

/// A body's top level, as [`body`] reads it.
#[derive(Debug, PartialEq)]
enum TopLevel {
    /// `{"<root>": {...}}` and nothing else.
    Wrapped,
    /// Any other object.
    Bare,
}

/// The top level of a JSON object body; `None` for anything else (or bad JSON). Values are
/// skipped, not kept.
fn top_level(bytes: &[u8], root: &str) -> Option<TopLevel> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let top = TopLevelSeed(root).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(top)
}

/// `T` from the value of the only member, `root`, of a wrapped body.
fn unwrapped<T: DeserializeOwned>(bytes: &[u8], root: &str) -> Option<T> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let inner = Member(root, std::marker::PhantomData::<T>)
        .deserialize(&mut de)
        .ok()??;
    de.end().ok()?;
    Some(inner)
}

struct TopLevelSeed<'r>(&'r str);

impl<'de> DeserializeSeed<'de> for TopLevelSeed<'_> {
    type Value = TopLevel;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevelSeed<'_> {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut keys, mut wrapped) = (0usize, false);
        while let Some(is_root) = map.next_key_seed(KeyIs(self.0))? {
            let is_object = map.next_value_seed(IsObject)?;
            keys += 1;
            wrapped |= is_root && is_object;
        }
        Ok(match (keys, wrapped) {
            (1, true) => TopLevel::Wrapped,
            _ => TopLevel::Bare,
        })
    }
}

/// Skips a value, answering whether it was an object.
struct IsObject;

impl<'de> DeserializeSeed<'de> for IsObject {
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<bool, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IsObject {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(true)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// The value of member `.0` of an object, as `T` (`None` when another member comes first).
struct Member<'r, T>(&'r str, std::marker::PhantomData<T>);

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Member<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for Member<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if map.next_key_seed(KeyIs(self.0))? != Some(true) {
            return Ok(None);
        }
        let inner: T = map.next_value()?;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Some(inner))
    }
}

/// Reads an object key, answering whether it is the given one (without keeping it).
struct KeyIs<'r>(&'r str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<bool, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

/// A record id from the path; anything that is not one is a record that does not exist.
pub fn id(raw: &str, what: &str) -> Result<u64, AtsError> {
    raw.parse().map_err(|_| AtsError::not_found(what, raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Input {
        name: Option<String>,
        user: Option<Value>,
    }

    /// The direct path and the tree path agree on every body the direct path accepts.
    #[test]
    fn direct_and_tree_paths_agree() {
        for text in [
            r#"{"name":"a"}"#,
            r#" {"user": {"name":"b"}} "#,
            r#"{"user": {"name":"b"}, "name":"c"}"#,
            r#"{"user": 5}"#,
            r#"{"user": {}}"#,
            r#"{"na\u006de":"escaped key"}"#,
            r#"{"name":"dup","name":"last"}"#,
            r#"{"user":{"name":"x"},"user":{"name":"y"}}"#,
            r#"{}"#,
        ] {
            let direct = body::<Input>(text.as_bytes(), "user").ok();
            let tree = body_through_tree::<Input>(text.as_bytes(), "user").ok();
            assert_eq!(direct, tree, "{text}");
        }
        assert_eq!(
            top_level(br#"{"user": {"name":"b"}}"#, "user"),
            Some(TopLevel::Wrapped)
        );
        assert_eq!(
            top_level(br#"{"user": [1, {"a": 2}]}"#, "user"),
            Some(TopLevel::Bare)
        );
        assert_eq!(
            top_level(br#"{"user": {}, "x": 1}"#, "user"),
            Some(TopLevel::Bare)
        );
        assert!(top_level(b"[1]", "user").is_none());
        assert!(top_level(b"{\"a\":1} x", "user").is_none());
    }
}
