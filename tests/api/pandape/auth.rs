//! `/connect/token` and bearer tokens.

use crate::helpers::{assert_problem, read, spawn_app};
use ats_sandbox::Vendor;
use serde_json::json;

#[tokio::test]
async fn the_token_endpoint_grants_client_credentials() {
    let app = spawn_app().await;
    let reply = app
        .pandape_token(
            "demo-pandape-admin",
            "demo-pandape-admin-secret",
            Some("ExternalRequestApi PandapeApi"),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["token_type"], "Bearer");
    assert_eq!(reply.body["expires_in"], 3600);
    assert_eq!(reply.body["scope"], "ExternalRequestApi PandapeApi");
    assert!(reply.body["access_token"].as_str().unwrap().len() >= 32);
    let default_scope = app
        .pandape_token("demo-pandape-admin", "demo-pandape-admin-secret", None)
        .await;
    assert_eq!(default_scope.body["scope"], "PandapeApi");
}

#[tokio::test]
async fn the_token_endpoint_refuses_as_an_oauth2_server_does() {
    let app = spawn_app().await;
    for (id, secret, scope, error) in [
        ("demo-pandape-admin", "wrong", None, "invalid_client"),
        ("nobody", "x", None, "invalid_client"),
        (
            "demo-pandape-admin",
            "demo-pandape-admin-secret",
            Some("Everything"),
            "invalid_scope",
        ),
    ] {
        let reply = app.pandape_token(id, secret, scope).await;
        assert_eq!(reply.status, 400, "{id}: {}", reply.body);
        assert_eq!(reply.body, json!({ "error": error }));
    }
    let url = format!("{}/connect/token", app.sandbox.vendor_url(Vendor::Pandape));
    let form = |grant: &'static str| {
        vec![
            ("grant_type", grant),
            ("client_id", "demo-pandape-admin"),
            ("client_secret", "demo-pandape-admin-secret"),
        ]
    };
    let password = read(
        app.client
            .post(&url)
            .form(&form("password"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (password.status.as_u16(), password.body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    let missing = read(
        app.client
            .post(&url)
            .form(&[("client_id", "x")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (missing.status.as_u16(), missing.body["error"].as_str()),
        (400, Some("invalid_request"))
    );
    let basic = read(
        app.client
            .post(&url)
            .basic_auth("demo-pandape-admin", Some("wrong"))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (basic.status.as_u16(), basic.body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let basic_ok = read(
        app.client
            .post(&url)
            .basic_auth("demo-pandape-admin", Some("demo-pandape-admin-secret"))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(basic_ok.status, 200);
}

#[tokio::test]
async fn missing_unknown_and_expired_tokens_get_401() {
    let app = spawn_app().await;
    let url = format!("{}/v2/vacancies", app.sandbox.vendor_url(Vendor::Pandape));
    let none = read(app.client.get(&url).send().await.unwrap()).await;
    assert_problem(&none, 401, None);
    assert!(none
        .header("www-authenticate")
        .unwrap()
        .starts_with("Bearer"));
    let unknown = read(
        app.client
            .get(&url)
            .bearer_auth("nope")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_problem(&unknown, 401, None);

    let admin = app.pandape("admin").await;
    assert_eq!(admin.get("/v2/vacancies").await.status, 200);
    app.sandbox
        .state()
        .clock
        .advance(chrono::Duration::seconds(3599));
    assert_eq!(admin.get("/v2/vacancies").await.status, 200);
    app.sandbox
        .state()
        .clock
        .advance(chrono::Duration::seconds(2));
    let expired = admin.get("/v2/vacancies").await;
    assert_problem(&expired, 401, None);
    assert!(expired.body["detail"].as_str().unwrap().contains("expired"));
    // A fresh token works again.
    assert_eq!(
        app.pandape("admin").await.get("/v2/vacancies").await.status,
        200
    );
}

#[tokio::test]
async fn the_host_forms_serve_the_real_paths() {
    let app = spawn_app().await;
    let base = app.sandbox.base_url();
    let token = read(
        app.client
            .post(format!("{base}/connect/token"))
            .header("Host", "login.pandape.com.br")
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", "demo-pandape-admin"),
                ("client_secret", "demo-pandape-admin-secret"),
                ("scope", "PandapeApi"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(token.status, 200, "{}", token.body);
    let vacancy = read(
        app.client
            .get(format!("{base}/v2/vacancies/1"))
            .header("Host", "api.pandape.com.br")
            .bearer_auth(token.body["access_token"].as_str().unwrap())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(vacancy.status, 200, "{}", vacancy.body);
    assert_eq!(vacancy.body["job"], "Desenvolvedor Backend");
    let unknown = read(
        app.client
            .get(format!("{base}/v9/nothing"))
            .header("Host", "api.pandape.com.br")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_problem(&unknown, 404, None);
}
