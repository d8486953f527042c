//! Compact stored values for records there are 100k of.
//!
//! [`Text`] is an immutable shared string: a fixture load interns them (see [`interning`]), so a
//! screening question, a job id or a city repeated on every candidate is held once. [`Json`] is
//! free-form JSON (a candidate's location, links, education, a screening answer) kept in boxed
//! slices instead of `serde_json::Value`'s hash maps; it is written back exactly as it was read
//! (the same keys in the same order, the same numbers).

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Number, Value};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string whose clones share one allocation.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(Arc<str>);

thread_local! {
    /// The strings parsed so far by the [`interning`] call running on this thread.
    static INTERNED: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
}

/// Runs `parse` with interning on: every [`Text`] parsed on this thread meanwhile that equals one
/// parsed before shares its allocation. The table of strings lives only as long as the call.
pub fn interning<R>(parse: impl FnOnce() -> R) -> R {
    /// Puts back the table of an enclosing call (normally none), also if `parse` unwinds.
    struct Restore(Option<HashSet<Arc<str>>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let outer = self.0.take();
            INTERNED.with(|table| *table.borrow_mut() = outer);
        }
    }
    let _restore = Restore(INTERNED.with(|table| table.replace(Some(HashSet::new()))));
    parse()
}

impl Text {
    /// `s` as a [`Text`], shared with an equal one while [`interning`].
    pub fn new(s: &str) -> Text {
        INTERNED.with(|table| match table.borrow_mut().as_mut() {
            Some(table) => match table.get(s) {
                Some(seen) => Text(seen.clone()),
                None => {
                    let text: Arc<str> = Arc::from(s);
                    table.insert(text.clone());
                    Text(text)
                }
            },
            None => Text(Arc::from(s)),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::new(&s)
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::new(s)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, s: &str) -> Result<Text, E> {
                Ok(Text::new(s))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A JSON value, kept compact: object members in order in a boxed slice, strings as [`Text`].
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(Text),
    Array(Box<[Json]>),
    Object(Box<[(Text, Json)]>),
}

impl Json {
    /// An object's member.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl From<Value> for Json {
    fn from(value: Value) -> Json {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n),
            Value::String(s) => Json::String(Text::from(s)),
            Value::Array(items) => Json::Array(items.into_iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(k, v)| (Text::from(k), Json::from(v)))
                    .collect(),
            ),
        }
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) => n.serialize(serializer),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => serializer.collect_seq(items.iter()),
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (k, v) in members.iter() {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Number::from_f64(n).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(Text::new(s)))
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items.into_boxed_slice()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members: Vec<(Text, Json)> = Vec::new();
        while let Some(key) = map.next_key::<Text>()? {
            let value = map.next_value()?;
            // As `serde_json::Value`: a repeated key keeps its first place and its last value.
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value,
                None => members.push((key, value)),
            }
        }
        Ok(Json::Object(members.into_boxed_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_and_writes_like_value() {
        let text = r#"{"z":1,"a":[true,null,-2,3.5,1e300,"x"],"n":{"b":"","a":{}},"z2":18446744073709551615}"#;
        let json: Json = serde_json::from_str(text).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&json).unwrap(), value.to_string());
        assert_eq!(serde_json::to_value(&json).unwrap(), value);
        assert_eq!(Json::from(value.clone()), json);
        let repeated = r#"{"a":1,"b":2,"a":3}"#;
        let json: Json = serde_json::from_str(repeated).unwrap();
        let value: Value = serde_json::from_str(repeated).unwrap();
        assert_eq!(serde_json::to_string(&json).unwrap(), value.to_string());
        assert_eq!(json.get("a"), Some(&Json::Number(3.into())));
    }

    #[test]
    fn interning_shares_equal_texts_only_while_it_runs() {
        let (a, b): (Text, Text) = interning(|| {
            let parsed: Vec<Text> = serde_json::from_str(r#"["Berlin","Berlin"]"#).unwrap();
            (parsed[0].clone(), parsed[1].clone())
        });
        assert!(Arc::ptr_eq(&a.0, &b.0));
        let (c, d) = (Text::new("Berlin"), Text::new("Berlin"));
        assert!(!Arc::ptr_eq(&c.0, &d.0));
        assert_eq!(c, d);
        assert_eq!(a, c);
    }
}
