//! The control plane for test suites: snapshots and the clock.

use crate::helpers::{assert_problem, spawn_app};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_snapshot_restores_the_tenant_exactly() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    admin
        .post("/api/v1/users", json!({"first_name": "Snap", "last_name": "Shot", "email": "snap@x.io", "admin_level": "Basic"}))
        .await;
    let before = app
        .admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
        .await;
    assert_eq!(before.status, 200);
    assert_eq!(before.body["vendor"], "atsanywhere");
    assert_eq!(before.body["state"]["sequences"]["user"], 9);

    // Change everything a test might change.
    app.ats("owner")
        .patch("/api/v1/users/2", json!({"admin_level": "AccountOwner"}))
        .await;
    app.ats("owner").delete("/api/v1/applications/1").await;
    admin.post("/api/v1/jobs", json!({"title": "Temp"})).await;
    let extra = app
        .admin(
            Method::POST,
            "/tenants/atsanywhere-default/credentials",
            Some(json!({"role": "Admin"})),
        )
        .await;

    let restored = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(before.body.clone()),
        )
        .await;
    assert_eq!(restored.status, 200, "{}", restored.body);
    let after = app
        .admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
        .await;
    assert_eq!(after.body, before.body);
    // Sequences came back too: the next user gets the id it would have had.
    let next = admin
        .post("/api/v1/users", json!({"first_name": "Next", "last_name": "One", "email": "next@x.io", "admin_level": "Basic"}))
        .await;
    assert_eq!(next.body["id"], 9);
    // Credentials made after the snapshot are gone with it.
    let gone = app.ats_with(
        extra.body["credentials"]["api_key"].as_str().unwrap(),
        extra.body["credentials"]["api_password"].as_str().unwrap(),
    );
    assert_eq!(gone.get("/api/v1/users").await.status, 403);
}

#[tokio::test]
async fn pandape_snapshots_keep_tokens() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let snapshot = app
        .admin(Method::GET, "/tenants/pandape-default/snapshot", None)
        .await;
    admin
        .post(
            "/v2/requests",
            json!({"Job": "X", "CustomFields": [{"IdRequestField": 1, "Value": "801"}]}),
        )
        .await;
    let restored = app
        .admin(
            Method::PUT,
            "/tenants/pandape-default/snapshot",
            Some(snapshot.body.clone()),
        )
        .await;
    assert_eq!(restored.status, 200, "{}", restored.body);
    assert_eq!(
        app.admin(Method::GET, "/tenants/pandape-default/snapshot", None)
            .await
            .body,
        snapshot.body
    );
    assert_eq!(
        admin.get("/v2/requests").await.body["totalItems"],
        7,
        "the token of the snapshot still works"
    );
}

#[tokio::test]
async fn a_bad_snapshot_changes_nothing() {
    let app = spawn_app().await;
    let good = app
        .admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
        .await
        .body;
    let mut two_owners = good.clone();
    two_owners["state"]["users"][1]["admin_level"] = json!("AccountOwner");
    let reply = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(two_owners),
        )
        .await;
    assert_eq!(
        (reply.status.as_u16(), reply.body["field"].as_str()),
        (400, Some("state"))
    );
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .contains("second AccountOwner"),
        "{}",
        reply.body
    );
    let mut wrong_vendor = good.clone();
    wrong_vendor["vendor"] = json!("pandape");
    let reply = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(wrong_vendor),
        )
        .await;
    assert_eq!(reply.body["field"], "vendor");
    let reply = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(json!({"vendor": "atsanywhere"})),
        )
        .await;
    assert_eq!(reply.body["field"], "state");
    assert_eq!(
        app.admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
            .await
            .body,
        good
    );
    assert_eq!(
        app.admin(Method::GET, "/tenants/nope/snapshot", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn the_clock_is_read_set_frozen_and_advanced() {
    let app = spawn_app().await;
    let set = app
        .admin(
            Method::POST,
            "/clock",
            Some(json!({"set": "2027-03-01T10:00:00Z", "freeze": true})),
        )
        .await;
    assert_eq!(
        set.body,
        json!({"now": "2027-03-01T10:00:00.000Z", "frozen": true})
    );
    assert_eq!(
        app.admin(Method::GET, "/clock", None).await.body["now"],
        "2027-03-01T10:00:00.000Z"
    );
    let job = app
        .ats("admin")
        .post("/api/v1/jobs", json!({"title": "Dated"}))
        .await;
    assert_eq!(job.body["created_at"], "2027-03-01T10:00:00Z");

    // Token expiry follows the clock.
    let pandape = app.pandape("admin").await;
    let advanced = app
        .admin(Method::POST, "/clock", Some(json!({"advance": "PT59M"})))
        .await;
    assert_eq!(advanced.body["now"], "2027-03-01T10:59:00.000Z");
    assert_eq!(pandape.get("/v2/vacancies").await.status, 200);
    app.admin(Method::POST, "/clock", Some(json!({"advance": "PT1M"})))
        .await;
    assert_problem(&pandape.get("/v2/vacancies").await, 401, None);

    // Notes filtered by begin_date follow it too: a note written now is after yesterday.
    app.admin(Method::POST, "/clock", Some(json!({"advance": "P30D"})))
        .await;
    let note = app
        .ats("admin")
        .post("/api/v1/notes", json!({"app_id": 1, "body": "Later"}))
        .await;
    assert_eq!(note.body["created_at"], "2027-03-31T11:00:00Z");
    assert_eq!(
        app.ats("admin")
            .get("/api/v1/notes?begin_date=2027-03-30")
            .await
            .ids(),
        [4]
    );

    let running = app
        .admin(Method::POST, "/clock", Some(json!({"freeze": false})))
        .await;
    assert_eq!(running.body["frozen"], false);
    for (body, field) in [
        (json!({"advance": "thirty days"}), "advance"),
        (json!({"set": "yesterday"}), "set"),
        (json!({"speed": 2}), ""),
    ] {
        let reply = app.admin(Method::POST, "/clock", Some(body.clone())).await;
        assert_eq!(reply.status, 400, "{body}");
        if !field.is_empty() {
            assert_eq!(reply.body["field"], field, "{body}");
        }
    }
}
