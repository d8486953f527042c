//! Wire shapes of ATS Anywhere records and errors, pinned with insta.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn record_shapes() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    insta::assert_json_snapshot!("atsanywhere_user", admin.get("/api/v1/users/5").await.body);
    insta::assert_json_snapshot!("atsanywhere_job", admin.get("/api/v1/jobs/1").await.body);
    insta::assert_json_snapshot!(
        "atsanywhere_application",
        admin.get("/api/v1/applications/1").await.body
    );
    insta::assert_json_snapshot!(
        "atsanywhere_note",
        admin.get("/api/v1/notes?app_id=1").await.body
    );
    let created = admin
        .post(
            "/api/v1/users",
            json!({"first_name": "Sam", "last_name": "Snap", "email": "sam@northwind.example", "admin_level": "Limited", "assigned_site_ids": [2]}),
        )
        .await;
    insta::assert_json_snapshot!("atsanywhere_created_user", created.body, {
        ".created_at" => "[timestamp]",
        ".updated_at" => "[timestamp]",
    });
}

#[tokio::test]
async fn error_shapes() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    insta::assert_json_snapshot!(
        "atsanywhere_validation_error",
        admin
            .post(
                "/api/v1/users",
                json!({"email": "adam.admin@northwind.example"})
            )
            .await
            .body
    );
    insta::assert_json_snapshot!(
        "atsanywhere_owner_error",
        app.ats("owner")
            .patch("/api/v1/users/1", json!({"admin_level": "Admin"}))
            .await
            .body
    );
    insta::assert_json_snapshot!(
        "atsanywhere_forbidden_error",
        app.ats_with("x", "y").get("/api/v1/jobs").await.body
    );
    insta::assert_json_snapshot!(
        "atsanywhere_not_found_error",
        admin.get("/api/v1/jobs/404").await.body
    );
}
