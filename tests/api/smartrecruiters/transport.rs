//! Credentials, errors for bad input, routes, and the rate-limit headers.

use super::{candidate_input, user};
use crate::helpers::{assert_sr_error, read, spawn_app, spawn_with, Sr};
use ats_sandbox::{Sandbox, Vendor};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn api_keys_act_as_their_user_and_the_header_name_is_case_insensitive() {
    let app = spawn_app().await;
    let url = format!(
        "{}/user-api/v201804/users/me",
        app.sandbox.vendor_url(Vendor::SmartRecruiters)
    );
    for name in ["X-SmartToken", "x-smarttoken", "X-SMARTTOKEN"] {
        let reply = read(
            app.client
                .get(&url)
                .header(name, "demo-sr-standard-key")
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(reply.status, 200, "{name}: {}", reply.body);
        assert_eq!(reply.body["id"], user(3));
        assert_eq!(reply.body["systemRole"]["id"], "STANDARD");
    }
    let none = read(app.client.get(&url).send().await.unwrap()).await;
    assert_sr_error(&none, 401, "UNAUTHORIZED", Some("X-SmartToken"));
    assert_sr_error(
        &app.sr_key("nope").get("/jobs").await,
        401,
        "UNAUTHORIZED",
        None,
    );
    assert_sr_error(
        &app.sr("former").get("/jobs").await,
        401,
        "UNAUTHORIZED",
        Some("deactivated"),
    );
}

#[tokio::test]
async fn client_credentials_give_bearer_tokens() {
    let app = spawn_app().await;
    let token = app
        .sr_token("demo-sr-extended-client", "demo-sr-extended-secret")
        .await;
    assert_eq!(token.status, 200, "{}", token.body);
    assert_eq!(token.body["token_type"], "bearer");
    assert_eq!(token.body["expires_in"], 1800);
    let bearer = app.sr_bearer(token.body["access_token"].as_str().unwrap());
    let me = bearer.get("/user-api/v201804/users/me").await;
    assert_eq!(me.body["systemRole"]["id"], "EXTENDED", "{}", me.body);
    assert_sr_error(
        &app.sr_bearer("nope").get("/jobs").await,
        401,
        "UNAUTHORIZED",
        None,
    );
    let wrong = app.sr_token("demo-sr-extended-client", "wrong").await;
    assert_eq!(
        (wrong.status.as_u16(), wrong.body["error"].as_str()),
        (401, Some("invalid_client"))
    );
    let url = format!(
        "{}/identity/oauth/token",
        app.sandbox.vendor_url(Vendor::SmartRecruiters)
    );
    let grant = read(
        app.client
            .post(&url)
            .form(&[("grant_type", "password")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (grant.status.as_u16(), grant.body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
    // Deactivating the user stops its token and its key.
    let admin = app.sr("admin");
    assert_eq!(
        admin
            .delete(&format!("/user-api/v201804/users/{}/activation", user(4)))
            .await
            .status,
        204
    );
    assert_sr_error(
        &bearer.get("/jobs").await,
        401,
        "UNAUTHORIZED",
        Some("deactivated"),
    );
    assert_sr_error(
        &app.sr("extended").get("/jobs").await,
        401,
        "UNAUTHORIZED",
        None,
    );
    let again = app
        .sr_token("demo-sr-extended-client", "demo-sr-extended-secret")
        .await;
    assert_eq!(again.status, 401, "{}", again.body);
}

#[tokio::test]
async fn bad_input_gets_named_4xx_errors_and_changes_nothing() {
    let app = spawn_app().await;
    let sr = app.sr("admin");
    let before = sr.get("/candidates?limit=1").await.body["totalFound"].clone();
    let mut nested = candidate_input("n@x.io");
    nested["location"] = json!([[[]]]);
    assert_sr_error(
        &sr.post("/candidates", nested).await,
        400,
        "INVALID_FIELD",
        Some("location"),
    );
    let mut school = candidate_input("n@x.io");
    school["education"] = json!([{"institution": "MIT"}]);
    assert_sr_error(
        &sr.post("/candidates", school).await,
        400,
        "MISSING_FIELD",
        Some("education[0].degree"),
    );
    assert_sr_error(
        &sr.raw(Method::POST, "/candidates", "{nope").await,
        400,
        "INVALID_JSON",
        None,
    );
    assert_sr_error(
        &sr.raw(Method::POST, "/candidates", "").await,
        400,
        "MISSING_FIELD",
        Some("body"),
    );
    assert_sr_error(
        &sr.post("/candidates", json!({"firstName": "A", "lastName": "B"}))
            .await,
        400,
        "MISSING_FIELD",
        Some("email"),
    );
    assert_sr_error(
        &sr.post(
            "/candidates",
            json!({"firstName": "A", "lastName": "B", "email": "a@b.io", "tags": "x"}),
        )
        .await,
        400,
        "INVALID_FIELD",
        Some("tags"),
    );
    assert_sr_error(
        &sr.post("/candidates", candidate_input("not-an-email"))
            .await,
        400,
        "INVALID_FIELD",
        Some("email"),
    );
    assert_eq!(
        sr.get("/candidates?limit=1").await.body["totalFound"],
        before
    );
    assert_sr_error(
        &sr.get("/candidates/nope").await,
        404,
        "NOT_FOUND",
        Some("nope"),
    );
    assert_sr_error(
        &sr.get("/jobs/nope/positions").await,
        404,
        "NOT_FOUND",
        Some("nope"),
    );
    assert_sr_error(&sr.get("/nothing/here").await, 404, "NOT_FOUND", None);
    assert_sr_error(
        &sr.get("/user-api/v201804/nothing").await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(&sr.delete("/jobs").await, 405, "METHOD_NOT_ALLOWED", None);
    assert_sr_error(
        &sr.get("/candidates?limit=0").await,
        400,
        "INVALID_FIELD",
        Some("limit"),
    );
    assert_sr_error(
        &sr.get("/candidates?limit=101").await,
        400,
        "INVALID_FIELD",
        Some("limit"),
    );
    assert_sr_error(
        &sr.get("/candidates?pageId=garbage").await,
        400,
        "INVALID_FIELD",
        Some("pageId"),
    );
    assert_sr_error(
        &sr.get("/jobs?updatedAfter=yesterday").await,
        400,
        "INVALID_FIELD",
        Some("updatedAfter"),
    );
    let huge = format!("{{\"firstName\":\"{}\"}}", "x".repeat(11 * 1024 * 1024));
    let response = app
        .client
        .post(format!("{}/candidates", sr.base))
        .header("X-SmartToken", "demo-sr-admin-key")
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_sr_error(&read(response).await, 413, "PAYLOAD_TOO_LARGE", None);
}

#[tokio::test]
async fn the_host_form_serves_the_real_paths() {
    let app = spawn_app().await;
    let reply = read(
        app.client
            .get(format!("{}/configuration/company", app.sandbox.base_url()))
            .header("Host", "api.smartrecruiters.com")
            .header("X-SmartToken", "demo-sr-employee-key")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["identifier"], "AcmeSandbox");
}

fn rate(reply: &crate::helpers::Reply) -> [u32; 4] {
    [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-concurrent-limit",
        "x-ratelimit-concurrent-remaining",
    ]
    .map(|h| {
        reply
            .header(h)
            .unwrap_or_else(|| panic!("{h} missing"))
            .parse()
            .unwrap()
    })
}

#[tokio::test]
async fn every_response_reports_the_rate_limits_honestly() {
    let clock = ats_sandbox::clock::Clock::frozen("2026-03-01T00:00:00Z".parse().unwrap());
    let app = spawn_with(Sandbox::builder().fixtures("demo").seed(42).clock(clock)).await;
    let sr = app.sr("admin");
    assert_eq!(rate(&sr.get("/jobs").await), [10, 9, 8, 7]);
    assert_eq!(
        rate(&sr.get("/jobs").await),
        [10, 8, 8, 7],
        "the second in the same second"
    );
    assert_eq!(
        rate(&sr.get("/candidates").await),
        [10, 7, 1, 0],
        "one in flight on GET /candidates"
    );
    assert_eq!(
        rate(&app.sr("standard").get("/jobs").await),
        [10, 9, 8, 7],
        "per credential"
    );
    assert_eq!(
        rate(&app.sr_key("nope").get("/jobs").await),
        [10, 10, 8, 8],
        "nothing counted"
    );
    assert_eq!(
        rate(&sr.get("/nowhere").await)[1],
        6,
        "errors count and carry them too"
    );
    // Not enforced by default: the eleventh call in a second still passes, at 0 remaining.
    for _ in 0..5 {
        sr.get("/jobs").await;
    }
    let over = sr.get("/jobs").await;
    assert_eq!((over.status.as_u16(), rate(&over)[1]), (200, 0));
}

#[tokio::test]
async fn enforced_limits_refuse_with_429_and_the_headers() {
    let clock = ats_sandbox::clock::Clock::frozen("2026-03-01T00:00:00Z".parse().unwrap());
    let app = spawn_with(Sandbox::builder().fixtures("demo").seed(42).clock(clock)).await;
    let tenant = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "smartrecruiters", "rate_limits": true})),
        )
        .await;
    assert_eq!(tenant.status, 201, "{}", tenant.body);
    let sr: Sr = app.sr_key(tenant.body["credentials"]["api_key"].as_str().unwrap());
    for n in 0..10 {
        assert_eq!(sr.get("/jobs").await.status, 200, "call {n}");
    }
    let refused = sr.get("/jobs").await;
    assert_sr_error(&refused, 429, "RATE_LIMIT_EXCEEDED", None);
    assert_eq!(rate(&refused)[..2], [10, 0]);
    assert_eq!(refused.header("retry-after"), Some("1"));
}

#[tokio::test]
async fn every_route_of_the_catalogue_is_routed() {
    use ats_sandbox::vendors::smartrecruiters::catalogue::ROUTES;
    let app = spawn_app().await;
    let sr = app.sr("admin");
    for (method, path, _, _) in ROUTES {
        let concrete = path
            .replace("{id}", &super::candidate(2))
            .replace("{jobId}", &super::job(2))
            .replace("{positionId}", "pos-2-1")
            .replace("{userId}", &user(2))
            .replace("{accessGroupId}", "ag-emea")
            .replace("{sourceType}", "JOB_BOARD")
            .replace("{sourceValueId}", "src-indeed")
            .replace("{sourceIdentifier}", "src-indeed")
            .replace("{attachmentId}", "nope")
            .replace("{dependentId}", "jp-office")
            .replace("{valueId}", "emea")
            .replace("{jobAdId}", "nope")
            .replace("{companyIdentifier}", "AcmeSandbox")
            .replace("{postingId}", "ad-2")
            .replace("{approvalId}", "apr-1");
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let reply = sr.call(method.clone(), &concrete, Some(json!({}))).await;
        let message = reply.body["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            reply.status != 405 && !message.starts_with("No route matches"),
            "{method} {path}: {} {}",
            reply.status,
            reply.body
        );
    }
}

#[tokio::test]
async fn the_control_plane_makes_credentials_acting_as_a_role_or_a_user() {
    let app = spawn_app().await;
    let made = app
        .admin(
            Method::POST,
            "/tenants/smartrecruiters-default/credentials",
            Some(json!({"role": "EXTENDED"})),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let key = made.body["credentials"]["api_key"].as_str().unwrap();
    assert_eq!(key.len(), 32);
    let me = app.sr_key(key).get("/user-api/v201804/users/me").await;
    assert_eq!(
        (me.body["systemRole"]["id"].as_str(), me.body["id"].as_str()),
        (Some("EXTENDED"), made.body["user_id"].as_str())
    );
    let client = &made.body["credentials"];
    let token = app
        .sr_token(
            client["client_id"].as_str().unwrap(),
            client["client_secret"].as_str().unwrap(),
        )
        .await;
    assert_eq!(token.status, 200, "{}", token.body);
    let existing = app
        .admin(
            Method::POST,
            "/tenants/smartrecruiters-default/credentials",
            Some(json!({"user_id": user(2)})),
        )
        .await;
    let me = app
        .sr_key(existing.body["credentials"]["api_key"].as_str().unwrap())
        .get("/user-api/v201804/users/me")
        .await;
    assert_eq!(me.body["id"], user(2));
    for bad in [
        json!({"role": "BOSS"}),
        json!({"user_id": user(6)}),
        json!({}),
    ] {
        let refused = app
            .admin(
                Method::POST,
                "/tenants/smartrecruiters-default/credentials",
                Some(bad.clone()),
            )
            .await;
        assert_eq!(refused.status, 400, "{bad}: {}", refused.body);
    }
}

#[tokio::test]
async fn the_same_seed_gives_the_same_ids() {
    let mut ids = Vec::new();
    for _ in 0..2 {
        let app = spawn_app().await;
        let made = app
            .sr("standard")
            .post("/candidates", candidate_input("same@seed.io"))
            .await;
        ids.push((made.body["id"].clone(), made.body["createdOn"].clone()));
    }
    assert_eq!(ids[0], ids[1]);
}
