//! Custom fields: definitions, typed values on every record kind, option merges.

use crate::helpers::spawn_app;
use serde_json::{json, Value};

async fn field(ashby: &crate::helpers::Ashby, title: &str) -> Value {
    ashby
        .ok("customField.list", json!({}))
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == title)
        .cloned()
        .unwrap()
}

#[tokio::test]
async fn values_are_checked_against_the_field_and_shown_on_the_record() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Val Ue"}))
        .await;
    let languages = field(&ashby, "Languages").await;
    let notice = field(&ashby, "Notice period (weeks)").await;
    let set = |field: &Value, value: Value| json!({"objectId": candidate["id"], "objectType": "Candidate", "fieldId": field["id"], "fieldValue": value});
    assert_eq!(
        ashby
            .error("customField.setValue", set(&notice, json!("four")))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error("customField.setValue", set(&languages, json!(["klingon"])))
            .await,
        "invalid_input"
    );
    let value = ashby
        .ok(
            "customField.setValue",
            set(&languages, json!(["german", "english"])),
        )
        .await;
    assert_eq!(value["valueLabel"], json!(["German", "English"]));
    ashby
        .ok("customField.setValue", set(&notice, json!(2)))
        .await;
    ashby
        .ok("customField.setValue", set(&notice, json!(3)))
        .await;
    let shown = ashby
        .ok("candidate.info", json!({"id": candidate["id"]}))
        .await;
    let fields = shown["customFields"].as_array().unwrap();
    assert_eq!(fields.len(), 2, "one value per field: {fields:?}");
    assert!(fields
        .iter()
        .any(|f| f["title"] == "Notice period (weeks)" && f["value"] == 3));

    // A field of another object type, an unknown record, and an unknown field.
    let cost_center = field(&ashby, "Cost center").await;
    assert_eq!(
        ashby
            .error("customField.setValue", set(&cost_center, json!("CC-1")))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error("customField.setValue", json!({"objectId": "nope", "objectType": "Candidate", "fieldId": notice["id"], "fieldValue": 1}))
            .await,
        "candidate_not_found"
    );
    assert_eq!(
        ashby
            .error("customField.setValue", json!({"objectId": candidate["id"], "objectType": "Candidate", "fieldId": "nope", "fieldValue": 1}))
            .await,
        "custom_field_not_found"
    );

    // setValues is all or nothing.
    let refused = ashby
        .error(
            "customField.setValues",
            json!({"objectId": candidate["id"], "objectType": "Candidate", "values": [
                {"fieldId": notice["id"], "fieldValue": 9},
                {"fieldId": languages["id"], "fieldValue": "english"},
            ]}),
        )
        .await;
    assert_eq!(refused, "invalid_input");
    let again = ashby
        .ok("candidate.info", json!({"id": candidate["id"]}))
        .await;
    assert_eq!(again["customFields"], shown["customFields"]);

    // Jobs take Job fields; users take Employee fields.
    let jobs = ashby.ok("job.list", json!({})).await;
    ashby
        .ok(
            "customField.setValue",
            json!({"objectId": jobs[0]["id"], "objectType": "Job", "fieldId": cost_center["id"], "fieldValue": "CC-7"}),
        )
        .await;
    let job = ashby.ok("job.info", json!({"id": jobs[0]["id"]})).await;
    assert_eq!(job["customFields"][0]["value"], "CC-7");
    let users = ashby.ok("user.list", json!({})).await;
    let size = field(&ashby, "T-shirt size").await;
    assert_eq!(
        ashby
            .error(
                "user.setCustomFieldValue",
                json!({"userId": users[0]["id"], "fieldId": notice["id"], "fieldValue": 1})
            )
            .await,
        "invalid_input"
    );
    let set = ashby
        .ok(
            "user.setCustomFieldValue",
            json!({"userId": users[0]["id"], "fieldId": size["id"], "fieldValue": "s"}),
        )
        .await;
    assert_eq!(set["valueLabel"], "S");
}

#[tokio::test]
async fn definitions_are_created_and_options_merge() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    assert_eq!(
        ashby
            .error(
                "customField.create",
                json!({"fieldType": "ValueSelect", "objectType": "Candidate", "title": "Seniority"})
            )
            .await,
        "invalid_input",
        "select fields need options"
    );
    assert_eq!(
        ashby
            .error(
                "customField.create",
                json!({"fieldType": "Color", "objectType": "Candidate", "title": "X"})
            )
            .await,
        "invalid_input"
    );
    let created = ashby
        .ok(
            "customField.create",
            json!({"fieldType": "MultiValueSelect", "objectType": "Opening_Version", "title": "Skills",
                   "selectableValues": [{"label": "Rust", "value": "rust"}, {"label": "Go", "value": "go"}]}),
        )
        .await;
    assert_eq!(created["objectType"], "Opening");
    let merged = ashby
        .ok(
            "customField.updateSelectableValues",
            json!({"customFieldId": created["id"], "selectableValues": [
                {"label": "Rust (systems)", "value": "rust"}, {"label": "Zig", "value": "zig"}
            ]}),
        )
        .await;
    let values = merged["selectableValues"].as_array().unwrap();
    assert_eq!(values.len(), 3);
    assert!(values
        .iter()
        .any(|v| v["value"] == "go" && v["isArchived"] == true));
    assert!(values
        .iter()
        .any(|v| v["value"] == "rust" && v["label"] == "Rust (systems)"));
    assert_eq!(
        ashby
            .error(
                "customField.updateSelectableValues",
                json!({"customFieldId": created["id"], "selectableValues": [], "extra": 1})
            )
            .await,
        "invalid_input",
        "unknown parameters are refused"
    );
    // An archived option takes no new values.
    let openings = ashby.ok("opening.list", json!({})).await;
    assert_eq!(
        ashby
            .error("customField.setValue", json!({"objectId": openings[0]["id"], "objectType": "Opening", "fieldId": created["id"], "fieldValue": ["go"]}))
            .await,
        "invalid_input"
    );
    let set = ashby
        .ok("customField.setValue", json!({"objectId": openings[0]["id"], "objectType": "Opening", "fieldId": created["id"], "fieldValue": ["zig"]}))
        .await;
    assert_eq!(set["valueLabel"], json!(["Zig"]));
    let info = ashby
        .ok("customField.info", json!({"customFieldId": created["id"]}))
        .await;
    assert_eq!(info, merged);
    let reader = app.ashby_with("demo-ashby-readonly-key");
    assert_eq!(
        reader
            .call(
                "customField.create",
                json!({"fieldType": "String", "objectType": "Job", "title": "No"})
            )
            .await
            .status,
        403
    );
}
