//! `/v2/company/users`: creation exactly as documented, roles, flags, who may change users.

use crate::helpers::{assert_problem, spawn_app, Pandape};
use serde_json::json;

#[tokio::test]
async fn an_administrator_creates_a_user_with_documented_defaults() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let reply = admin
        .post("/v2/company/users", json!({"Name": "Jane", "Surname": "Doe", "Email": "jane.doe@example.com", "Phone": "555-1234", "IsAllowedToPublish": true}))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let user = &reply.body;
    assert_eq!(user["name"], "Jane");
    assert_eq!(user["role"], "Company_Recruiter");
    assert_eq!(user["isActive"], true);
    assert_eq!(user["isAllowedToPublish"], true);
    for flag in [
        "isRequestManager",
        "isOnboardingManager",
        "isAllowedToRequest",
        "isAllowedToChangeRequestFlow",
        "isAllowedToOverrideRequest",
        "isAllowedToPrime",
    ] {
        assert_eq!(user[flag], false, "{flag}");
    }
    let id = user["id"].as_u64().unwrap();
    assert_eq!(
        admin.get(&format!("/v2/company/users/{id}")).await.body,
        reply.body
    );
    // Property names bind case-insensitively, as in ASP.NET.
    let camel = admin
        .post("/v2/company/users", json!({"name": "Joe", "surname": "Roe", "email": "joe@example.com", "role": "Company_Manager", "isOnboardingManager": true}))
        .await;
    assert_eq!(camel.status, 200, "{}", camel.body);
    assert_eq!(camel.body["isOnboardingManager"], true);
}

#[tokio::test]
async fn invalid_users_get_problem_details_and_nothing_is_created() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let before = admin.get("/v2/company/users").await.body["totalItems"].clone();
    let missing = admin.post("/v2/company/users", json!({"Phone": "1"})).await;
    for field in ["Name", "Surname", "Email"] {
        assert_problem(&missing, 400, Some(field));
    }
    assert_eq!(
        missing.body["title"],
        "One or more validation errors occurred."
    );
    let duplicate = admin
        .post(
            "/v2/company/users",
            json!({"Name": "A", "Surname": "B", "Email": "ANA.admin@exemplo.com.br"}),
        )
        .await;
    assert_problem(&duplicate, 400, Some("Email"));
    let onboarding = admin
        .post("/v2/company/users", json!({"Name": "A", "Surname": "B", "Email": "a@b.io", "Role": "Company_Contributor", "IsOnboardingManager": true}))
        .await;
    assert_problem(&onboarding, 400, Some("IsOnboardingManager"));
    assert!(onboarding.body["errors"]["IsOnboardingManager"][0]
        .as_str()
        .unwrap()
        .contains("Company_Supervisor"));
    let role = admin
        .post(
            "/v2/company/users",
            json!({"Name": "A", "Surname": "B", "Email": "a@b.io", "Role": "Company_Boss"}),
        )
        .await;
    assert_problem(&role, 400, Some("$.Role"));
    let flag = admin
        .post(
            "/v2/company/users",
            json!({"Name": "A", "Surname": "B", "Email": "a@b.io", "IsAllowedToPrime": "yes"}),
        )
        .await;
    assert_problem(&flag, 400, Some("$.IsAllowedToPrime"));
    let bad_email = admin
        .post(
            "/v2/company/users",
            json!({"Name": "A", "Surname": "B", "Email": "not-an-email"}),
        )
        .await;
    assert_problem(&bad_email, 400, Some("Email"));
    let url = format!("{}/v2/company/users", admin.base);
    let malformed = crate::helpers::read(
        app.client
            .post(url)
            .bearer_auth(&admin.token)
            .header("content-type", "application/json")
            .body("{oops")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_problem(&malformed, 400, Some("$"));
    assert_eq!(
        admin.get("/v2/company/users").await.body["totalItems"],
        before
    );
}

#[tokio::test]
async fn only_administrators_change_users() {
    let app = spawn_app().await;
    for who in ["supervisor", "manager", "recruiter", "requisitor"] {
        let client = app.pandape(who).await;
        let reply = client
            .post(
                "/v2/company/users",
                json!({"Name": "A", "Surname": "B", "Email": format!("{who}@x.io")}),
            )
            .await;
        assert_problem(&reply, 403, None);
        assert_problem(
            &client
                .put(
                    "/v2/company/users/5",
                    json!({"Name": "A", "Surname": "B", "Email": "x@x.io"}),
                )
                .await,
            403,
            None,
        );
        assert_problem(&client.delete("/v2/company/users/5").await, 403, None);
        assert_eq!(client.get("/v2/company/users/5").await.body["name"], "Rita");
    }
}

#[tokio::test]
async fn users_are_listed_replaced_and_deactivated() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let page = admin.get("/v2/company/users?Page=2&PageSize=4").await;
    assert_eq!(Pandape::page_ids(&page), [5, 6, 7, 8]);
    assert_eq!(
        (
            page.body["currentPage"].as_u64(),
            page.body["totalItems"].as_u64(),
            page.body["totalPages"].as_u64()
        ),
        (Some(2), Some(9), Some(3))
    );
    assert_eq!(
        Pandape::page_ids(&admin.get("/v2/company/users?page=3&pagesize=4").await),
        [9]
    );
    assert_problem(
        &admin.get("/v2/company/users?PageSize=500").await,
        400,
        Some("PageSize"),
    );
    assert_problem(
        &admin.get("/v2/company/users?Page=abc").await,
        400,
        Some("Page"),
    );
    assert_problem(&admin.get("/v2/company/users/99").await, 404, None);

    let replaced = admin
        .put("/v2/company/users/5", json!({"Name": "Rita", "Surname": "Recrutadora", "Email": "rita@exemplo.com.br", "IsAllowedToPublish": true}))
        .await;
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    assert_eq!(replaced.body["email"], "rita@exemplo.com.br");
    assert_eq!(replaced.body["role"], "Company_Recruiter");
    assert_eq!(replaced.body["isAllowedToPublish"], true);

    let recruiter = app.pandape("recruiter2").await;
    assert_eq!(recruiter.get("/v2/vacancies").await.status, 200);
    assert_eq!(admin.delete("/v2/company/users/5").await.status, 204);
    assert_eq!(
        admin.get("/v2/company/users/5").await.body["isActive"],
        false
    );
    assert_problem(&recruiter.get("/v2/vacancies").await, 401, None);
    assert_eq!(
        app.pandape_token(
            "demo-pandape-recruiter2",
            "demo-pandape-recruiter2-secret",
            None
        )
        .await
        .status,
        400
    );
}

#[tokio::test]
async fn the_company_keeps_an_active_administrator() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    assert_problem(
        &admin.delete("/v2/company/users/1").await,
        400,
        Some("IsActive"),
    );
    let demote = admin
        .put("/v2/company/users/1", json!({"Name": "Ana", "Surname": "Admin", "Email": "ana.admin@exemplo.com.br", "Role": "Company_Manager"}))
        .await;
    assert_problem(&demote, 400, Some("Role"));
    assert_eq!(
        admin.get("/v2/company/users/1").await.body["role"],
        "Company_Administrator"
    );
}
