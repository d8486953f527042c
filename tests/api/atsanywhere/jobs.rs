//! Jobs: collections, status and hidden flag, assignments, who may edit.

use crate::helpers::{assert_error, spawn_app};
use serde_json::json;

#[tokio::test]
async fn collections_follow_status_and_hidden_flag() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    assert_eq!(admin.get("/api/v1/jobs").await.ids(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(admin.get("/api/v1/jobs/active").await.ids(), [1, 2, 3, 4]);
    assert_eq!(
        admin.get("/api/v1/jobs/active_visible").await.ids(),
        [1, 2, 4]
    );
    assert_eq!(admin.get("/api/v1/jobs/hidden").await.ids(), [3]);
    assert_eq!(admin.get("/api/v1/jobs/archived").await.ids(), [6]);

    let hide = admin.patch("/api/v1/jobs/1", json!({"hidden": true})).await;
    assert_eq!(hide.status, 200, "{}", hide.body);
    assert_eq!(admin.get("/api/v1/jobs/hidden").await.ids(), [1, 3]);
    let offline = admin
        .put("/api/v1/jobs/4", json!({"job": {"status": "Offline"}}))
        .await;
    assert_eq!(offline.body["status"], "Offline");
    assert_eq!(admin.get("/api/v1/jobs/active").await.ids(), [1, 2, 3]);
    let archived = admin
        .patch("/api/v1/jobs/5", json!({"status": "Archived"}))
        .await;
    assert_eq!(archived.body["status"], "Archived");
    assert_eq!(admin.get("/api/v1/jobs/archived").await.ids(), [5, 6]);
    let restored = admin
        .patch("/api/v1/jobs/6", json!({"status": "Online"}))
        .await;
    assert_eq!(restored.body["status"], "Online");
    assert!(restored.body["updated_at"] != restored.body["created_at"]);
}

#[tokio::test]
async fn a_new_job_starts_offline_with_a_reference_number() {
    let app = spawn_app().await;
    let manager = app.ats("manager");
    let created = manager
        .post(
            "/api/v1/jobs",
            json!({"title": "Data Analyst", "city": "Seattle"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["status"], "Offline");
    assert_eq!(created.body["hidden"], false);
    assert_eq!(created.body["reference_number"], "REF-00007");
    // The manager is restricted to site 1; the job they made stays theirs to see.
    let id = created.body["id"].as_u64().unwrap();
    assert_eq!(manager.get(&format!("/api/v1/jobs/{id}")).await.status, 200);
    let me = manager.get("/api/v1/users/3").await.body;
    assert_eq!(me["assigned_job_ids"], json!([id]));
}

#[tokio::test]
async fn invalid_jobs_are_refused_naming_the_field() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    assert_error(
        &admin.post("/api/v1/jobs", json!({"city": "X"})).await,
        422,
        "validation_failed",
        Some("title"),
    );
    let status = admin
        .post("/api/v1/jobs", json!({"title": "X", "status": "Open"}))
        .await;
    assert_error(&status, 422, "validation_failed", Some("status"));
    assert!(status.body["message"].as_str().unwrap().contains("Online"));
    let duplicate = admin
        .post(
            "/api/v1/jobs",
            json!({"title": "X", "reference_number": "NW-ENG-001"}),
        )
        .await;
    assert_error(
        &duplicate,
        422,
        "validation_failed",
        Some("reference_number"),
    );
    let site = admin.patch("/api/v1/jobs/1", json!({"site_id": 77})).await;
    assert_error(&site, 422, "validation_failed", Some("site_id"));
    let hidden = admin
        .patch("/api/v1/jobs/1", json!({"hidden": "yes"}))
        .await;
    assert_error(&hidden, 422, "validation_failed", Some("hidden"));
    assert_error(&admin.get("/api/v1/jobs/999").await, 404, "not_found", None);
    assert_error(
        &admin.patch("/api/v1/jobs/999", json!({"title": "Y"})).await,
        404,
        "not_found",
        None,
    );
    assert_eq!(admin.get("/api/v1/jobs").await.ids().len(), 6);
    assert_eq!(admin.get("/api/v1/jobs/1").await.body["site_id"], 1);
}

#[tokio::test]
async fn limited_and_read_only_users_cannot_edit_jobs() {
    let app = spawn_app().await;
    for who in ["reviewer", "readonly"] {
        let ats = app.ats(who);
        assert_error(
            &ats.post("/api/v1/jobs", json!({"title": "X"})).await,
            403,
            "forbidden",
            None,
        );
        assert_error(
            &ats.patch("/api/v1/jobs/1", json!({"title": "X"})).await,
            403,
            "forbidden",
            None,
        );
    }
    assert_eq!(
        app.ats("admin").get("/api/v1/jobs/1").await.body["title"],
        "Senior Backend Engineer"
    );
}

#[tokio::test]
async fn assignments_restrict_what_users_below_admin_see() {
    let app = spawn_app().await;
    // Mia (Basic) is assigned site 1: jobs 1, 2 and 3.
    let manager = app.ats("manager");
    assert_eq!(manager.get("/api/v1/jobs").await.ids(), [1, 2, 3]);
    assert_eq!(
        manager.get("/api/v1/jobs/active_visible").await.ids(),
        [1, 2]
    );
    assert_error(&manager.get("/api/v1/jobs/4").await, 404, "not_found", None);
    assert_error(
        &manager.patch("/api/v1/jobs/4", json!({"title": "X"})).await,
        404,
        "not_found",
        None,
    );
    // Rita (Limited) is assigned jobs 1 and 2.
    let reviewer = app.ats("reviewer");
    assert_eq!(reviewer.get("/api/v1/jobs").await.ids(), [1, 2]);
    // Rory (ReadOnly) has no assignments: sees everything.
    assert_eq!(app.ats("readonly").get("/api/v1/jobs").await.ids().len(), 6);
    // Changing the assignment changes the view at once.
    let admin = app.ats("admin");
    admin
        .patch("/api/v1/users/5", json!({"assigned_job_ids": [4]}))
        .await;
    assert_eq!(reviewer.get("/api/v1/jobs").await.ids(), [4]);
    // Sites are listed for assignment.
    assert_eq!(admin.get("/api/v1/sites").await.ids(), [1, 2]);
}
