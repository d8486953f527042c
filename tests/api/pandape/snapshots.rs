//! Wire shapes of Pandapé records and errors, pinned with insta.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn record_shapes() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    insta::assert_json_snapshot!("pandape_user", admin.get("/v2/company/users/2").await.body);
    insta::assert_json_snapshot!("pandape_vacancy", admin.get("/v2/vacancies/1").await.body);
    insta::assert_json_snapshot!("pandape_request", admin.get("/v2/requests/3").await.body);
    insta::assert_json_snapshot!(
        "pandape_match",
        admin.get("/v2/request-matches/1").await.body
    );
    insta::assert_json_snapshot!(
        "pandape_precollaborator",
        admin.get("/v3/precollaborators/1").await.body
    );
    insta::assert_json_snapshot!(
        "pandape_user_page",
        admin.get("/v2/company/users?PageSize=1").await.body
    );
    let token = app
        .pandape_token("demo-pandape-admin", "demo-pandape-admin-secret", None)
        .await;
    insta::assert_json_snapshot!("pandape_token", token.body, {".access_token" => "[token]"});
}

#[tokio::test]
async fn error_shapes() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let redact = |v: serde_json::Value| {
        let mut v = v;
        v["traceId"] = json!("[traceId]");
        v
    };
    insta::assert_json_snapshot!(
        "pandape_validation_problem",
        redact(
            admin
                .post("/v2/company/users", json!({"Email": "x"}))
                .await
                .body
        )
    );
    insta::assert_json_snapshot!(
        "pandape_forbidden_problem",
        redact(
            app.pandape("recruiter")
                .await
                .get("/v3/precollaborators/1")
                .await
                .body
        )
    );
    insta::assert_json_snapshot!(
        "pandape_not_found_problem",
        redact(admin.get("/v2/vacancies/77").await.body)
    );
    insta::assert_json_snapshot!(
        "pandape_unknown_route_problem",
        redact(
            app.pandape_with("demo-pandape-admin", "demo-pandape-admin-secret")
                .await
                .call(reqwest::Method::GET, "/v2/nothing", None)
                .await
                .body
        )
    );
}
