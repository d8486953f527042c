//! RFC 6902 JSON Patch (`add`, `remove`, `replace`, `move`, `copy`, `test`) over RFC 6901
//! pointers, as `PATCH /jobs/{id}` and `PATCH /users/{id}` take it. The patch is applied to a
//! copy of the resource's editable document; the caller re-validates the result.

use super::error::SrError;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    pub op: String,
    pub path: String,
    pub from: Option<String>,
    pub value: Option<Value>,
}

fn tokens(pointer: &str, field: &str) -> Result<Vec<String>, SrError> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let rest = pointer
        .strip_prefix('/')
        .ok_or_else(|| SrError::invalid(field, format!("'{pointer}' is not a JSON pointer")))?;
    Ok(rest
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect())
}

fn parent<'v>(
    doc: &'v mut Value,
    tokens: &[String],
    field: &str,
) -> Result<(&'v mut Value, String), SrError> {
    let (last, init) = tokens
        .split_last()
        .ok_or_else(|| SrError::invalid(field, "the whole document cannot be patched"))?;
    let mut at = doc;
    for t in init {
        at = match at {
            Value::Object(map) => map.get_mut(t),
            Value::Array(items) => t.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
            _ => None,
        }
        .ok_or_else(|| SrError::invalid(field, format!("path segment '{t}' does not exist")))?;
    }
    Ok((at, last.clone()))
}

fn get<'v>(doc: &'v Value, pointer: &str) -> Option<&'v Value> {
    doc.pointer(pointer)
}

fn remove(doc: &mut Value, pointer: &str, field: &str) -> Result<Value, SrError> {
    let toks = tokens(pointer, field)?;
    let (at, last) = parent(doc, &toks, field)?;
    let missing = || SrError::invalid(field, format!("'{pointer}' does not exist"));
    match at {
        Value::Object(map) => map.shift_remove(&last).ok_or_else(missing),
        Value::Array(items) => match last.parse::<usize>() {
            Ok(i) if i < items.len() => Ok(items.remove(i)),
            _ => Err(missing()),
        },
        _ => Err(missing()),
    }
}

fn add(
    doc: &mut Value,
    pointer: &str,
    value: Value,
    replace: bool,
    field: &str,
) -> Result<(), SrError> {
    let toks = tokens(pointer, field)?;
    let (at, last) = parent(doc, &toks, field)?;
    match at {
        Value::Object(map) => {
            if replace && !map.contains_key(&last) {
                return Err(SrError::invalid(
                    field,
                    format!("'{pointer}' does not exist"),
                ));
            }
            map.insert(last, value);
        }
        Value::Array(items) => {
            let index = if last == "-" && !replace {
                items.len()
            } else {
                last.parse::<usize>()
                    .ok()
                    .filter(|i| {
                        if replace {
                            *i < items.len()
                        } else {
                            *i <= items.len()
                        }
                    })
                    .ok_or_else(|| {
                        SrError::invalid(field, format!("'{pointer}' is out of range"))
                    })?
            };
            if replace {
                items[index] = value;
            } else {
                items.insert(index, value);
            }
        }
        _ => {
            return Err(SrError::invalid(
                field,
                format!("'{pointer}' has no parent object"),
            ))
        }
    }
    Ok(())
}

/// Parses a patch body (a JSON array of operations).
pub fn parse(bytes: &[u8]) -> Result<Vec<Operation>, SrError> {
    super::input::body(bytes)
}

/// `doc` patched with `ops`, read back as `T` (the resource's input type, so the result is
/// validated like a full update).
pub fn patched<T: serde::de::DeserializeOwned>(
    mut doc: Value,
    ops: &[Operation],
) -> Result<T, SrError> {
    apply(&mut doc, ops)?;
    Ok(crate::http::from_value(doc)?)
}

/// Applies `ops` in order to `doc`; on error `doc` is left half-patched, so patch a copy.
pub fn apply(doc: &mut Value, ops: &[Operation]) -> Result<(), SrError> {
    for (i, op) in ops.iter().enumerate() {
        let field = format!("[{i}].path");
        let value = || {
            op.value
                .clone()
                .ok_or_else(|| SrError::missing(&format!("[{i}].value")))
        };
        match op.op.as_str() {
            "add" => add(doc, &op.path, value()?, false, &field)?,
            "replace" => add(doc, &op.path, value()?, true, &field)?,
            "remove" => {
                remove(doc, &op.path, &field)?;
            }
            "move" | "copy" => {
                let from = op
                    .from
                    .clone()
                    .ok_or_else(|| SrError::missing(&format!("[{i}].from")))?;
                let moved = if op.op == "move" {
                    remove(doc, &from, &format!("[{i}].from"))?
                } else {
                    get(doc, &from).cloned().ok_or_else(|| {
                        SrError::invalid(&format!("[{i}].from"), format!("'{from}' does not exist"))
                    })?
                };
                add(doc, &op.path, moved, false, &field)?;
            }
            "test" => {
                if get(doc, &op.path) != Some(&value()?) {
                    return Err(SrError::new(
                        actix_web::http::StatusCode::CONFLICT,
                        "PATCH_TEST_FAILED",
                        format!("test of '{}' failed", op.path),
                    ));
                }
            }
            other => {
                return Err(SrError::invalid(
                    &format!("[{i}].op"),
                    format!("'{other}' is not one of add, remove, replace, move, copy, test"),
                ))
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ops(v: Value) -> Vec<Operation> {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn operations_follow_rfc_6902() {
        let mut doc = json!({"a": 1, "list": [1, 2], "o": {"x": "y"}});
        apply(
            &mut doc,
            &ops(json!([
                {"op": "replace", "path": "/a", "value": 2},
                {"op": "add", "path": "/list/-", "value": 3},
                {"op": "remove", "path": "/o/x"},
                {"op": "copy", "from": "/a", "path": "/b"},
                {"op": "test", "path": "/b", "value": 2},
            ])),
        )
        .unwrap();
        assert_eq!(doc, json!({"a": 2, "list": [1, 2, 3], "o": {}, "b": 2}));
        let mut doc = json!({"a": 1});
        assert!(apply(
            &mut doc,
            &ops(json!([{"op": "replace", "path": "/zz", "value": 1}]))
        )
        .is_err());
        assert!(apply(
            &mut doc,
            &ops(json!([{"op": "test", "path": "/a", "value": 5}]))
        )
        .is_err());
        assert!(apply(&mut doc, &ops(json!([{"op": "jump", "path": "/a"}]))).is_err());
    }
}
