//! Configuration: reads for every role, writes for administrators.

use crate::helpers::{assert_sr_error, spawn_app, Sr};
use serde_json::json;

#[tokio::test]
async fn configuration_reads() {
    let app = spawn_app().await;
    let sr = app.sr("employee");
    assert_eq!(
        sr.get("/configuration/company").await.body["name"],
        "Acme Sandbox Inc."
    );
    assert_eq!(
        sr.get("/configuration/departments").await.body["totalFound"],
        4
    );
    assert_eq!(
        sr.get("/configuration/departments/dep-people").await.body["label"],
        "People"
    );
    assert_sr_error(
        &sr.get("/configuration/departments/nope").await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        Sr::ids(&sr.get("/configuration/rejection-reasons").await),
        ["rr-1", "rr-2", "rr-3"]
    );
    assert_eq!(
        Sr::ids(&sr.get("/configuration/withdrawal-reasons").await),
        ["wr-1", "wr-2"]
    );
    assert_eq!(
        Sr::ids(&sr.get("/configuration/hiring-processes").await),
        ["default"]
    );
    assert_eq!(
        sr.get("/configuration/hiring-processes/default").await.body["subStatuses"]["INTERVIEW"],
        json!(["Phone Screen", "Onsite"])
    );
    assert_eq!(
        Sr::ids(&sr.get("/configuration/sources").await),
        ["JOB_BOARD", "REFERRAL"]
    );
    assert_eq!(
        Sr::ids(&sr.get("/configuration/sources/JOB_BOARD/values").await),
        ["src-linkedin", "src-indeed"]
    );
    assert_eq!(
        sr.get("/configuration/sources/JOB_BOARD/values/src-indeed")
            .await
            .body["label"],
        "Indeed"
    );
    assert_sr_error(
        &sr.get("/configuration/sources/REFERRAL/values/src-indeed")
            .await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(
        &sr.get("/configuration/sources/NOPE/values").await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        sr.get("/configuration/offer-properties").await.body["totalFound"],
        2
    );
}

#[tokio::test]
async fn departments_and_predefined_locations_are_managed_by_administrators() {
    let app = spawn_app().await;
    let admin = app.sr("admin");
    assert_sr_error(
        &app.sr("extended")
            .post("/configuration/departments", json!({"label": "Legal"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
    let made = admin
        .post("/configuration/departments", json!({"label": "Legal"}))
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_sr_error(
        &admin
            .post("/configuration/departments", json!({"label": "legal"}))
            .await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &admin
            .post("/configuration/departments", json!({"label": " "}))
            .await,
        400,
        "INVALID_FIELD",
        Some("label"),
    );
    // A new department is usable by jobs at once.
    let mut input = super::job_input("Counsel");
    input["department"] = json!({"id": made.body["id"]});
    assert_eq!(admin.post("/jobs", input).await.status, 201);

    let location = json!({"country": "France", "countryCode": "fr", "city": "Paris"});
    let loc = admin
        .post("/configuration/locations", location.clone())
        .await;
    assert_eq!(loc.status, 201, "{}", loc.body);
    let path = format!(
        "/configuration/locations/{}",
        loc.body["id"].as_str().unwrap()
    );
    assert_eq!(admin.get(&path).await.body["city"], "Paris");
    let moved = admin
        .put(
            &path,
            json!({"country": "France", "countryCode": "fr", "city": "Lyon"}),
        )
        .await;
    assert_eq!(moved.body["city"], "Lyon");
    assert_sr_error(
        &admin
            .post("/configuration/locations", json!({"country": "France"}))
            .await,
        400,
        "MISSING_FIELD",
        Some("city"),
    );
    assert_sr_error(
        &admin
            .post(
                "/configuration/locations",
                json!({"country": "France", "city": "Nice", "countryCode": "FRA"}),
            )
            .await,
        400,
        "INVALID_FIELD",
        Some("countryCode"),
    );
    assert_sr_error(
        &admin
            .post(
                "/configuration/locations",
                json!({"country": "France", "city": "Nice", "planet": "Earth"}),
            )
            .await,
        400,
        "INVALID_FIELD",
        Some("planet"),
    );
    assert_sr_error(
        &app.sr("standard").delete(&path).await,
        403,
        "FORBIDDEN",
        None,
    );
    assert_eq!(
        admin.get("/configuration/locations").await.body["totalFound"],
        3
    );
    assert_eq!(admin.delete(&path).await.status, 204);
    assert_sr_error(&admin.get(&path).await, 404, "NOT_FOUND", None);
    assert_sr_error(&admin.put(&path, location).await, 404, "NOT_FOUND", None);
    assert_eq!(
        admin.get("/configuration/locations").await.body["totalFound"],
        2
    );
}
