//! Credentials: 401 without, 403 for anything refused.

use crate::helpers::{assert_error, spawn_app};
use serde_json::json;

#[tokio::test]
async fn missing_credentials_get_401_with_a_basic_challenge() {
    let app = spawn_app().await;
    let url = format!("{}/api/v1/users", app.ats("owner").base);
    let reply = crate::helpers::read(app.client.get(url).send().await.unwrap()).await;
    assert_error(&reply, 401, "unauthorized", None);
    assert!(reply
        .header("www-authenticate")
        .unwrap()
        .starts_with("Basic"));
}

#[tokio::test]
async fn refused_credentials_get_403() {
    let app = spawn_app().await;
    for (key, password) in [
        ("demo-owner-key", "wrong"),
        ("nobody", "demo-owner-password"),
        ("", ""),
    ] {
        let reply = app.ats_with(key, password).get("/api/v1/users").await;
        assert_error(&reply, 403, "forbidden", None);
    }
    let url = format!("{}/api/v1/users", app.ats("owner").base);
    let malformed = app
        .client
        .get(url)
        .header("Authorization", "Basic not-base64!")
        .send()
        .await
        .unwrap();
    assert_error(
        &crate::helpers::read(malformed).await,
        403,
        "forbidden",
        None,
    );
}

#[tokio::test]
async fn deactivated_and_deleted_users_lose_their_credentials() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    let reviewer = app.ats("reviewer");
    assert_eq!(reviewer.get("/api/v1/jobs").await.status, 200);
    let reply = admin
        .patch("/api/v1/users/5", json!({"active": false}))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_error(&reviewer.get("/api/v1/jobs").await, 403, "forbidden", None);
    admin
        .patch("/api/v1/users/5", json!({"active": true}))
        .await;
    assert_eq!(reviewer.get("/api/v1/jobs").await.status, 200);

    let manager = app.ats("manager");
    assert_eq!(admin.delete("/api/v1/users/3").await.status, 204);
    assert_error(&manager.get("/api/v1/jobs").await, 403, "forbidden", None);
    assert_error(&admin.get("/api/v1/users/3").await, 404, "not_found", None);
}
