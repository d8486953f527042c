//! Applications, rating and archiving, deletion, notes, quick apply.

use crate::helpers::{assert_error, spawn_app};
use serde_json::json;

#[tokio::test]
async fn collections_split_by_rating_and_archive() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    assert_eq!(
        admin.get("/api/v1/applications").await.ids(),
        (1..=11).collect::<Vec<_>>()
    );
    assert_eq!(
        admin.get("/api/v1/applications/rated").await.ids(),
        [1, 2, 4]
    );
    assert_eq!(
        admin.get("/api/v1/applications/unrated").await.ids(),
        [3, 5, 6, 8, 11]
    );
    assert_eq!(
        admin.get("/api/v1/applications/archived").await.ids(),
        [7, 9, 10]
    );
    assert_eq!(
        admin.get("/api/v1/jobs/4/applications").await.ids(),
        [7, 8, 11]
    );
    assert_eq!(
        admin.get("/api/v1/jobs/4/applications/unrated").await.ids(),
        [8, 11]
    );
    assert_eq!(
        admin
            .get("/api/v1/jobs/4/applications/archived")
            .await
            .ids(),
        [7]
    );
    assert_eq!(
        admin.get("/api/v1/jobs/1/applications/rated").await.ids(),
        [1, 2]
    );
    assert_error(
        &admin.get("/api/v1/jobs/99/applications").await,
        404,
        "not_found",
        None,
    );
    let page = admin.get("/api/v1/applications?per_page=4&page=2").await;
    assert_eq!(page.ids(), [5, 6, 7, 8]);
    assert!(page.header("link").unwrap().contains("rel=\"prev\""));
}

#[tokio::test]
async fn rating_and_archiving_move_applications_between_collections() {
    let app = spawn_app().await;
    let manager = app.ats("manager");
    let rated = manager
        .patch("/api/v1/applications/3", json!({"rating": 4}))
        .await;
    assert_eq!(rated.status, 200, "{}", rated.body);
    assert_eq!(rated.body["rating"], 4);
    let archived = manager
        .put(
            "/api/v1/applications/3",
            json!({"application": {"archived": true}}),
        )
        .await;
    assert_eq!(archived.body["archived"], true);
    assert!(archived.body["archived_at"].is_string());
    let admin = app.ats("admin");
    assert!(admin
        .get("/api/v1/applications/archived")
        .await
        .ids()
        .contains(&3));
    assert!(!admin
        .get("/api/v1/applications/rated")
        .await
        .ids()
        .contains(&3));
    let restored = manager
        .patch(
            "/api/v1/applications/3",
            json!({"archived": false, "rating": null}),
        )
        .await;
    assert_eq!(restored.body["archived_at"], json!(null));
    assert_eq!(restored.body["rating"], json!(null));
    assert!(admin
        .get("/api/v1/applications/unrated")
        .await
        .ids()
        .contains(&3));
    for rating in [json!(0), json!(6), json!("five")] {
        let reply = manager
            .patch("/api/v1/applications/3", json!({"rating": rating}))
            .await;
        assert_error(&reply, 422, "validation_failed", Some("rating"));
    }
}

#[tokio::test]
async fn who_may_rate_archive_and_delete() {
    let app = spawn_app().await;
    let reviewer = app.ats("reviewer");
    assert_eq!(
        reviewer
            .patch("/api/v1/applications/1", json!({"rating": 2}))
            .await
            .status,
        200
    );
    assert_error(
        &reviewer
            .patch("/api/v1/applications/1", json!({"archived": true}))
            .await,
        403,
        "forbidden",
        None,
    );
    assert_error(
        &app.ats("readonly")
            .patch("/api/v1/applications/1", json!({"rating": 1}))
            .await,
        403,
        "forbidden",
        None,
    );
    // Deleting an applicant record is for the AccountOwner alone.
    assert_error(
        &app.ats("admin").delete("/api/v1/applications/2").await,
        403,
        "forbidden",
        None,
    );
    let owner = app.ats("owner");
    assert_eq!(owner.delete("/api/v1/applications/2").await.status, 204);
    assert_error(
        &owner.get("/api/v1/applications/2").await,
        404,
        "not_found",
        None,
    );
    // Its notes went with it.
    assert_eq!(
        owner.get("/api/v1/notes?app_id=2").await.ids(),
        Vec::<u64>::new()
    );
    assert_eq!(owner.get("/api/v1/applications/1").await.body["rating"], 2);
}

#[tokio::test]
async fn applications_of_invisible_jobs_are_invisible() {
    let app = spawn_app().await;
    let reviewer = app.ats("reviewer"); // jobs 1 and 2
    assert_eq!(
        reviewer.get("/api/v1/applications").await.ids(),
        [1, 2, 3, 4, 5]
    );
    assert_error(
        &reviewer.get("/api/v1/applications/8").await,
        404,
        "not_found",
        None,
    );
    assert_error(
        &reviewer
            .patch("/api/v1/applications/8", json!({"rating": 1}))
            .await,
        404,
        "not_found",
        None,
    );
    assert_eq!(reviewer.get("/api/v1/notes").await.ids(), [1, 2, 3]);
    let manager = app.ats("manager"); // site 1: jobs 1-3
    assert_eq!(
        manager.get("/api/v1/applications/unrated").await.ids(),
        [3, 5, 6]
    );
}

#[tokio::test]
async fn notes_are_filtered_and_written_by_the_calling_user() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    assert_eq!(admin.get("/api/v1/notes?app_id=1").await.ids(), [1]);
    assert_eq!(admin.get("/api/v1/notes?job_id=1").await.ids(), [1, 2]);
    assert_eq!(
        admin.get("/api/v1/notes?begin_date=2026-01-14").await.ids(),
        [2, 3]
    );
    assert_eq!(
        admin
            .get("/api/v1/notes?begin_date=2026-01-14T12:00:00Z")
            .await
            .ids(),
        [3]
    );
    assert_error(
        &admin.get("/api/v1/notes?begin_date=yesterday").await,
        422,
        "validation_failed",
        Some("begin_date"),
    );

    let reviewer = app.ats("reviewer");
    let note = reviewer
        .post(
            "/api/v1/notes",
            json!({"app_id": 3, "body": "Worth a call."}),
        )
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    assert_eq!(note.body["user_id"], 5);
    assert_eq!(note.body["job_id"], 1);
    assert_error(
        &reviewer
            .post("/api/v1/notes", json!({"app_id": 8, "body": "x"}))
            .await,
        404,
        "not_found",
        None,
    );
    assert_error(
        &reviewer
            .post("/api/v1/notes", json!({"app_id": 3, "body": " "}))
            .await,
        422,
        "validation_failed",
        Some("body"),
    );
    assert_error(
        &reviewer.post("/api/v1/notes", json!({"body": "x"})).await,
        422,
        "validation_failed",
        Some("app_id"),
    );
    assert_error(
        &app.ats("readonly")
            .post("/api/v1/notes", json!({"app_id": 3, "body": "x"}))
            .await,
        403,
        "forbidden",
        None,
    );
    assert_eq!(admin.get("/api/v1/notes?app_id=3").await.ids(), [4]);
}

#[tokio::test]
async fn quick_apply_reaches_online_jobs_that_allow_it() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    let applicant = |reference: &str| {
        json!({
            "reference_number": reference,
            "name": "Katherine Johnson",
            "email": "katherine@mail.example",
            "phone": "+1 757 555 0100",
            "coverletter": "Numbers are my thing.",
            "resume": {"filename": "kj.pdf", "data": "JVBERi0xLjQK"}
        })
    };
    let created = owner
        .post("/applicant_webhooks/add_applicant", applicant("NW-ENG-001"))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["job_id"], 1);
    assert_eq!(created.body["first_name"], "Katherine");
    assert_eq!(created.body["last_name"], "Johnson");
    assert_eq!(created.body["source"], "quick_apply");
    assert_eq!(
        created.body["resume"],
        json!({"filename": "kj.pdf", "size": 9})
    );
    let id = created.body["id"].as_u64().unwrap();
    assert!(owner
        .get("/api/v1/applications/unrated")
        .await
        .ids()
        .contains(&id));

    // Product Designer does not take quick apply; Forklift Operator is Offline.
    for reference in ["NW-DES-002", "NW-WH-005", "NOPE"] {
        let reply = owner
            .post("/applicant_webhooks/add_applicant", applicant(reference))
            .await;
        assert_error(&reply, 422, "validation_failed", Some("reference_number"));
    }
    let mut bad_resume = applicant("NW-ENG-001");
    bad_resume["resume"]["data"] = json!("%%%");
    let reply = owner
        .post("/applicant_webhooks/add_applicant", bad_resume)
        .await;
    assert_error(&reply, 422, "validation_failed", Some("resume.data"));
    let reply = owner
        .post(
            "/applicant_webhooks/add_applicant",
            json!({"reference_number": "NW-ENG-001", "email": "a@b.io"}),
        )
        .await;
    assert_error(&reply, 422, "validation_failed", Some("name"));
    assert_error(
        &app.ats("readonly")
            .post("/applicant_webhooks/add_applicant", applicant("NW-ENG-001"))
            .await,
        403,
        "forbidden",
        None,
    );
    assert_eq!(
        owner.get("/api/v1/jobs/1/applications").await.ids(),
        [1, 2, 3, id]
    );
}
