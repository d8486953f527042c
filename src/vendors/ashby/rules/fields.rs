//! Custom field rules: which values a field of each type takes, how a record's values change,
//! and how a select field's options merge (`customField.updateSelectableValues`).

use crate::vendors::ashby::error::AshbyError;
use crate::vendors::ashby::model::{CustomField, FieldType, FieldValue, SelectableValue};
use serde_json::Value;

type Result<T> = std::result::Result<T, AshbyError>;

/// Compensation intervals Ashby accepts.
pub const INTERVALS: &[&str] = &[
    "NONE",
    "1 TIME",
    "1 HOUR",
    "1 DAY",
    "1 WEEK",
    "2 WEEK",
    "1 MONTH",
    "2 MONTH",
    "1 YEAR",
    "6 MONTH",
    "0.5 MONTH",
    "3 MONTH",
];

/// The object type a field answers for a requested one (`Opening_Version` is an Opening's).
pub fn answered_object_type(requested: &str) -> &str {
    match requested {
        "Opening_Version" => "Opening",
        "Offer_Version" => "Offer",
        other => other,
    }
}

fn bad(field: &CustomField, expected: &str) -> AshbyError {
    AshbyError::invalid_input(format!(
        "Invalid value for custom field {} ({:?}): expected {expected}",
        field.title, field.field_type
    ))
}

fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

fn number(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn range_ok(v: &Value) -> bool {
    matches!((number(v, "minValue"), number(v, "maxValue")), (Some(a), Some(b)) if a <= b)
        && v.get("type").is_some_and(Value::is_string)
}

/// The value to store for `field`, or why `value` does not fit it. Archived fields and archived
/// options take no new values.
pub fn check_value(field: &CustomField, value: &Value) -> Result<Value> {
    if field.is_archived {
        return Err(AshbyError::invalid_input(format!(
            "Custom field {} is archived",
            field.title
        )));
    }
    let option = |v: &str| {
        field
            .selectable_values
            .iter()
            .any(|o| o.value == v && !o.is_archived)
    };
    let ok = match field.field_type {
        FieldType::Boolean => value.is_boolean(),
        FieldType::Number => value.is_number(),
        FieldType::String | FieldType::LongText => value.is_string(),
        FieldType::Date => value.as_str().is_some_and(|s| {
            chrono::DateTime::parse_from_rfc3339(s).is_ok()
                || chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        }),
        FieldType::Url => value
            .as_str()
            .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://")),
        FieldType::Uuid => value
            .as_str()
            .is_some_and(|s| uuid::Uuid::parse_str(s).is_ok()),
        FieldType::ValueSelect => value.as_str().is_some_and(option),
        FieldType::MultiValueSelect => value
            .as_array()
            .is_some_and(|items| items.iter().all(|i| i.as_str().is_some_and(option))),
        FieldType::Currency => {
            number(value, "value").is_some()
                && value
                    .get("currencyCode")
                    .and_then(Value::as_str)
                    .is_some_and(is_currency_code)
        }
        FieldType::NumberRange => range_ok(value),
        FieldType::CompensationRange => {
            range_ok(value)
                && value
                    .get("currencyCode")
                    .and_then(Value::as_str)
                    .is_some_and(is_currency_code)
                && value
                    .get("interval")
                    .and_then(Value::as_str)
                    .is_some_and(|i| INTERVALS.contains(&i))
        }
    };
    if !ok {
        let expected = match field.field_type {
            FieldType::Boolean => "a boolean",
            FieldType::Number => "a number",
            FieldType::String | FieldType::LongText => "a string",
            FieldType::Date => "an ISO date",
            FieldType::Url => "an http or https URL",
            FieldType::Uuid => "a UUID",
            FieldType::ValueSelect => "the value of one of the field's options",
            FieldType::MultiValueSelect => "an array of values of the field's options",
            FieldType::Currency => "{value, currencyCode}",
            FieldType::NumberRange => "{type, minValue, maxValue} with minValue <= maxValue",
            FieldType::CompensationRange => "{type, minValue, maxValue, currencyCode, interval}",
        };
        return Err(bad(field, expected));
    }
    Ok(value.clone())
}

/// `current` with `updates` applied: a field already set is replaced in place, a new one added.
pub fn with_values(current: &[FieldValue], updates: &[FieldValue]) -> Vec<FieldValue> {
    let mut out = current.to_vec();
    for update in updates {
        match out.iter_mut().find(|v| v.field_id == update.field_id) {
            Some(existing) => existing.value = update.value.clone(),
            None => out.push(update.clone()),
        }
    }
    out
}

/// Merges options as Ashby documents: new values are added, existing ones (matched by `value`)
/// take the given label and archive flag, and existing ones left out are archived.
pub fn merge_selectable_values(
    existing: &[SelectableValue],
    incoming: &[SelectableValue],
) -> Result<Vec<SelectableValue>> {
    for (i, v) in incoming.iter().enumerate() {
        if v.value.trim().is_empty() || v.label.trim().is_empty() {
            return Err(AshbyError::invalid_input(
                "selectable values need a label and a value",
            ));
        }
        if incoming[..i].iter().any(|o| o.value == v.value) {
            return Err(AshbyError::invalid_input(format!(
                "selectable value {} is given twice",
                v.value
            )));
        }
    }
    let mut out: Vec<SelectableValue> = existing
        .iter()
        .map(|old| match incoming.iter().find(|n| n.value == old.value) {
            Some(new) => new.clone(),
            None => SelectableValue {
                is_archived: true,
                ..old.clone()
            },
        })
        .collect();
    out.extend(
        incoming
            .iter()
            .filter(|n| !existing.iter().any(|o| o.value == n.value))
            .cloned(),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use proptest::prelude::*;
    use serde_json::json;

    fn field(field_type: FieldType) -> CustomField {
        CustomField {
            id: "f".into(),
            title: "F".into(),
            description: None,
            object_type: "Candidate".into(),
            field_type,
            is_archived: false,
            is_private: false,
            is_required: false,
            is_exposable_to_candidate: false,
            is_date_only_field: None,
            selectable_values: vec![
                SelectableValue {
                    label: "A".into(),
                    value: "a".into(),
                    is_archived: false,
                },
                SelectableValue {
                    label: "Old".into(),
                    value: "old".into(),
                    is_archived: true,
                },
            ],
            created_at: Utc::now(),
        }
    }

    #[test]
    fn values_must_fit_the_field_type() {
        let cases = [
            (FieldType::Boolean, json!(true), json!("true")),
            (FieldType::Number, json!(3.5), json!("3")),
            (FieldType::String, json!("x"), json!(1)),
            (FieldType::Date, json!("2026-02-01"), json!("Feb 1")),
            (FieldType::Url, json!("https://a.example"), json!("ftp://a")),
            (
                FieldType::Uuid,
                json!("0b7b4a3e-8f5c-4f43-9a8a-1d2f0a6c9e11"),
                json!("nope"),
            ),
            (FieldType::ValueSelect, json!("a"), json!("old")),
            (FieldType::MultiValueSelect, json!(["a"]), json!(["a", "b"])),
            (
                FieldType::Currency,
                json!({"value": 10, "currencyCode": "EUR"}),
                json!({"value": 10, "currencyCode": "euro"}),
            ),
            (
                FieldType::NumberRange,
                json!({"type": "number-range", "minValue": 1, "maxValue": 2}),
                json!({"type": "number-range", "minValue": 3, "maxValue": 2}),
            ),
            (
                FieldType::CompensationRange,
                json!({"type": "r", "minValue": 1, "maxValue": 2, "currencyCode": "USD", "interval": "1 YEAR"}),
                json!({"type": "r", "minValue": 1, "maxValue": 2, "currencyCode": "USD", "interval": "yearly"}),
            ),
        ];
        for (t, good, wrong) in cases {
            assert!(check_value(&field(t), &good).is_ok(), "{t:?} takes {good}");
            assert!(
                check_value(&field(t), &wrong).is_err(),
                "{t:?} refuses {wrong}"
            );
        }
        let mut archived = field(FieldType::String);
        archived.is_archived = true;
        assert!(check_value(&archived, &json!("x")).is_err());
    }

    #[test]
    fn merging_options_archives_what_is_left_out() {
        let existing = field(FieldType::ValueSelect).selectable_values;
        let merged = merge_selectable_values(
            &existing,
            &[SelectableValue {
                label: "B".into(),
                value: "b".into(),
                is_archived: false,
            }],
        )
        .unwrap();
        assert_eq!(merged.len(), 3);
        assert!(merged.iter().find(|v| v.value == "a").unwrap().is_archived);
        assert!(!merged.iter().find(|v| v.value == "b").unwrap().is_archived);
    }

    proptest! {
        #[test]
        fn setting_values_keeps_one_value_per_field(
            updates in prop::collection::vec((0u8..5, 0i64..100), 0..30)
        ) {
            let mut values: Vec<FieldValue> = Vec::new();
            for (field, v) in &updates {
                values = with_values(&values, &[FieldValue { field_id: field.to_string(), value: json!(v) }]);
            }
            let mut ids: Vec<&str> = values.iter().map(|v| v.field_id.as_str()).collect();
            let n = ids.len();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), n);
            for (field, v) in &updates {
                let last = updates.iter().rev().find(|(f, _)| f == field).map(|(_, v)| *v);
                let _ = v;
                prop_assert_eq!(
                    values.iter().find(|x| x.field_id == field.to_string()).map(|x| x.value.clone()),
                    last.map(|l| json!(l))
                );
            }
        }
    }
}
