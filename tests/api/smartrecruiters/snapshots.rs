//! Wire shapes of SmartRecruiters records, lists and errors, pinned with insta.

use super::{candidate, job, user};
use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn record_shapes() {
    let app = spawn_app().await;
    let sr = app.sr("admin");
    let get = |path: String| {
        let sr = sr.clone();
        async move { sr.get(&path).await.body }
    };
    insta::assert_json_snapshot!(
        "sr_candidate_details",
        get(format!("/candidates/{}", candidate(9))).await
    );
    insta::assert_json_snapshot!("sr_candidate_page", get("/candidates?limit=1".into()).await);
    insta::assert_json_snapshot!(
        "sr_application",
        get(format!("/candidates/{}/jobs/{}", candidate(7), job(3))).await
    );
    insta::assert_json_snapshot!(
        "sr_candidate_history",
        get(format!(
            "/candidates/{}/jobs/{}/status/history",
            candidate(6),
            job(5)
        ))
        .await
    );
    insta::assert_json_snapshot!("sr_job_details", get(format!("/jobs/{}", job(4))).await);
    insta::assert_json_snapshot!("sr_job_page", get("/jobs?limit=1".into()).await);
    insta::assert_json_snapshot!(
        "sr_job_history",
        get(format!("/jobs/{}/status/history", job(5))).await
    );
    insta::assert_json_snapshot!(
        "sr_hiring_team",
        get(format!("/jobs/{}/hiring-team", job(2))).await
    );
    insta::assert_json_snapshot!(
        "sr_positions",
        get(format!("/jobs/{}/positions", job(2))).await
    );
    insta::assert_json_snapshot!(
        "sr_user",
        get(format!("/user-api/v201804/users/{}", user(3))).await
    );
    insta::assert_json_snapshot!(
        "sr_user_page",
        get("/user-api/v201804/users?limit=1".into()).await
    );
    insta::assert_json_snapshot!(
        "sr_departments",
        get("/configuration/departments".into()).await
    );
    insta::assert_json_snapshot!(
        "sr_job_approval",
        get(format!("/jobs/{}/approvals/latest", job(1))).await
    );
    insta::assert_json_snapshot!(
        "sr_screening_answers",
        get(format!(
            "/candidates/{}/jobs/{}/screening-answers",
            candidate(4),
            job(3)
        ))
        .await
    );
    insta::assert_json_snapshot!("sr_company", get("/configuration/company".into()).await);
    let token = app
        .sr_token("demo-sr-admin-client", "demo-sr-admin-secret")
        .await;
    insta::assert_json_snapshot!("sr_token", token.body, {".access_token" => "[token]"});
}

#[tokio::test]
async fn created_record_shapes() {
    let app = spawn_app().await;
    let sr = app.sr("admin");
    let made = sr
        .post(&format!("/jobs/{}/candidates", job(2)), json!({"firstName": "Sky", "lastName": "Shape", "email": "sky@shape.io", "web": {"linkedIn": "https://linkedin.example/sky"}}))
        .await;
    insta::assert_json_snapshot!("sr_candidate_created", made.body, {
        ".id" => "[id]", ".createdOn" => "[time]", ".updatedOn" => "[time]",
        ".actions.*.url" => "[url]", ".primaryAssignment.actions.application.url" => "[url]",
    });
    let job_made = sr.post("/jobs", super::job_input("Shape Engineer")).await;
    insta::assert_json_snapshot!("sr_job_created", job_made.body, {
        ".id" => "[id]", ".createdOn" => "[time]", ".updatedOn" => "[time]", ".lastActivityOn" => "[time]",
        ".actions.*.url" => "[url]",
    });
}

#[tokio::test]
async fn error_shapes() {
    let app = spawn_app().await;
    let sr = app.sr("admin");
    insta::assert_json_snapshot!(
        "sr_error_missing_field",
        sr.post("/candidates", json!({"firstName": "A"})).await.body
    );
    insta::assert_json_snapshot!("sr_error_not_found", sr.get("/jobs/nope").await.body);
    insta::assert_json_snapshot!(
        "sr_error_status_change",
        sr.put(
            &format!("/jobs/{}/status", job(1)),
            json!({"status": "FILLED"})
        )
        .await
        .body
    );
    insta::assert_json_snapshot!(
        "sr_error_forbidden",
        app.sr("employee")
            .post("/jobs", super::job_input("x"))
            .await
            .body
    );
    insta::assert_json_snapshot!(
        "sr_error_unauthorized",
        app.sr_key("nope").get("/jobs").await.body
    );
}
