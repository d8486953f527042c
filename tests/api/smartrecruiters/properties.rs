//! Job and candidate properties, dependents, jobs' property values, and access groups.

use super::job_input;
use crate::helpers::{assert_sr_error, spawn_app, Sr};
use serde_json::json;

const JP: &str = "/configuration/job-properties";

#[tokio::test]
async fn job_properties_values_and_activation() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    assert_eq!(
        Sr::ids(&app.sr("employee").get(JP).await),
        ["jp-region", "jp-office", "jp-cost-center", "jp-legacy"]
    );
    assert_eq!(
        Sr::ids(&admin.get(&format!("{JP}/jp-office/values")).await),
        ["berlin", "krakow", "sf"],
        "archived values are hidden"
    );
    assert_sr_error(
        &app.sr("extended")
            .post(JP, json!({"label": "Band", "type": "SINGLE_SELECT"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
    assert_sr_error(
        &admin
            .post(JP, json!({"label": "Band", "type": "MULTI"}))
            .await,
        400,
        "INVALID_FIELD",
        Some("type"),
    );
    assert_sr_error(
        &admin
            .post(JP, json!({"label": "region", "type": "TEXT"}))
            .await,
        409,
        "CONFLICT",
        None,
    );
    let made = admin
        .post(JP, json!({"label": "Band", "type": "SINGLE_SELECT"}))
        .await;
    assert_eq!(
        (made.status.as_u16(), made.body["active"].as_bool()),
        (201, Some(false))
    );
    let band = made.body["id"].as_str().unwrap().to_owned();
    let value = admin
        .post(&format!("{JP}/{band}/values"), json!({"label": "B1"}))
        .await;
    assert_eq!(value.status, 201, "{}", value.body);
    let b1 = value.body["id"].as_str().unwrap().to_owned();
    assert_sr_error(
        &admin
            .post(&format!("{JP}/{band}/values"), json!({"label": "b1"}))
            .await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &admin
            .post(
                &format!("{JP}/jp-cost-center/values"),
                json!({"label": "x"}),
            )
            .await,
        400,
        "INVALID_FIELD",
        Some("SINGLE_SELECT"),
    );
    // A job may use an active property only, with a live value.
    let mut input = job_input("Banded");
    input["properties"] = json!([{"id": band, "value": {"id": b1}}]);
    assert_sr_error(
        &admin.post("/jobs", input.clone()).await,
        400,
        "INVALID_FIELD",
        Some("not active"),
    );
    assert_eq!(
        admin
            .put(&format!("{JP}/{band}/activation"), json!({}))
            .await
            .status,
        204
    );
    assert_eq!(
        admin.get(&format!("{JP}/{band}")).await.body["active"],
        true
    );
    assert_eq!(admin.post("/jobs", input.clone()).await.status, 201);
    assert_eq!(
        admin
            .put(&format!("{JP}/{band}/archive-values/{b1}"), json!({}))
            .await
            .status,
        204
    );
    assert_sr_error(
        &admin.post("/jobs", input.clone()).await,
        400,
        "INVALID_FIELD",
        Some("live value"),
    );
    assert_eq!(
        admin
            .delete(&format!("{JP}/{band}/archive-values/{b1}"))
            .await
            .status,
        204
    );
    assert_eq!(admin.post("/jobs", input).await.status, 201);
    assert_eq!(
        admin
            .delete(&format!("{JP}/{band}/activation"))
            .await
            .status,
        204
    );
    let mut text = job_input("Costed");
    text["properties"] = json!([{"id": "jp-cost-center"}]);
    assert_sr_error(
        &admin.post("/jobs", text.clone()).await,
        400,
        "MISSING_FIELD",
        Some("properties[0].value"),
    );
    text["properties"] = json!([{"id": "jp-cost-center", "value": "CC-7"}]);
    assert_eq!(admin.post("/jobs", text).await.status, 201);
}

#[tokio::test]
async fn dependents_restrict_the_values_a_job_may_combine() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    assert_eq!(
        Sr::ids(&admin.get(&format!("{JP}/jp-region/dependents")).await),
        ["jp-office"]
    );
    let relations = admin
        .get(&format!("{JP}/jp-region/dependents/jp-office/values"))
        .await;
    assert_eq!(
        relations.body["content"][0],
        json!({"id": "emea", "values": ["berlin", "krakow"]})
    );
    assert_eq!(
        Sr::ids(
            &admin
                .get(&format!(
                    "{JP}/jp-region/values/amer/dependents/jp-office/values"
                ))
                .await
        ),
        ["sf"]
    );
    let job = |region: &str, office: &str| {
        let mut input = job_input("Placed");
        input["properties"] = json!([{"id": "jp-region", "value": {"id": region}}, {"id": "jp-office", "value": {"id": office}}]);
        input
    };
    assert_eq!(admin.post("/jobs", job("emea", "krakow")).await.status, 201);
    assert_sr_error(
        &admin.post("/jobs", job("amer", "berlin")).await,
        400,
        "INVALID_FIELD",
        Some("not allowed"),
    );
    let path = format!("{JP}/jp-region/values/amer/dependents/jp-office/values");
    assert_eq!(admin.post(&path, json!({"id": "berlin"})).await.status, 204);
    assert_sr_error(
        &admin.post(&path, json!({"id": "berlin"})).await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &admin.post(&path, json!({"id": "emea"})).await,
        400,
        "INVALID_FIELD",
        None,
    );
    assert_eq!(admin.post("/jobs", job("amer", "berlin")).await.status, 201);
    // No cycles, SINGLE_SELECT only.
    assert_sr_error(
        &admin
            .post(&format!("{JP}/jp-office/dependents"), json!(["jp-region"]))
            .await,
        400,
        "INVALID_FIELD",
        Some("cycle"),
    );
    assert_sr_error(
        &admin
            .post(
                &format!("{JP}/jp-region/dependents"),
                json!(["jp-cost-center"]),
            )
            .await,
        400,
        "INVALID_FIELD",
        None,
    );
    assert_sr_error(
        &admin
            .post(&format!("{JP}/jp-region/dependents"), json!(["nope"]))
            .await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        Sr::ids(&admin.get(&format!("{JP}/jp-region/dependents")).await),
        ["jp-office"],
        "refusals change nothing"
    );
}

#[tokio::test]
async fn candidate_properties_and_their_values() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    let cp = "/configuration/candidate-properties";
    assert_eq!(
        Sr::ids(&app.sr("employee").get(cp).await),
        ["cp-notice", "cp-salary"]
    );
    assert_eq!(
        admin.get(&format!("{cp}/cp-notice")).await.body["type"],
        "SINGLE_SELECT"
    );
    let made = admin
        .post(
            &format!("{cp}/cp-notice/values"),
            json!({"label": "90 days"}),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.body["id"].as_str().unwrap();
    assert_eq!(
        admin.get(&format!("{cp}/cp-notice/values/{id}")).await.body["label"],
        "90 days"
    );
    let renamed = admin
        .put(
            &format!("{cp}/cp-notice/values/{id}"),
            json!({"label": "3 months"}),
        )
        .await;
    assert_eq!(renamed.body["label"], "3 months");
    assert_sr_error(
        &admin
            .put(
                &format!("{cp}/cp-notice/values/{id}"),
                json!({"label": "Immediate"}),
            )
            .await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &admin
            .post(&format!("{cp}/cp-salary/values"), json!({"label": "x"}))
            .await,
        400,
        "INVALID_FIELD",
        Some("SINGLE_SELECT"),
    );
    assert_sr_error(
        &app.sr("standard")
            .post(&format!("{cp}/cp-notice/values"), json!({"label": "y"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
    assert_eq!(
        Sr::ids(&admin.get(&format!("{cp}/cp-notice/values")).await).len(),
        3
    );
}

#[tokio::test]
async fn access_groups_are_created_and_updated_by_administrators() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    let groups = "/user-api/v201804/access-groups";
    assert_eq!(
        admin.get(&format!("{groups}/ag-all-jobs")).await.body["usersCount"],
        3
    );
    let made = admin
        .post(
            groups,
            json!({"name": "APAC", "description": "Asia-Pacific"}),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let id = made.body["id"].as_str().unwrap();
    assert_sr_error(
        &admin.post(groups, json!({"name": "apac"})).await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &app.sr("extended").post(groups, json!({"name": "X"})).await,
        403,
        "FORBIDDEN",
        None,
    );
    let renamed = admin
        .put(&format!("{groups}/{id}"), json!({"name": "APJ"}))
        .await;
    assert_eq!(renamed.body["name"], "APJ");
    assert_sr_error(
        &admin
            .put(&format!("{groups}/nope"), json!({"name": "Z"}))
            .await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        admin.get(groups).await.body["content"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}
