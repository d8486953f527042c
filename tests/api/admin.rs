//! The control plane: health, tenants, reset, credentials, fixtures, seeds.

use crate::helpers::{spawn_app, spawn_with};
use ats_sandbox::{Application, Sandbox, Settings};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn health_and_the_default_tenant() {
    let app = spawn_app().await;
    let health = app.admin(Method::GET, "/health", None).await;
    assert_eq!(health.body["status"], "ok");
    let tenants = app.admin(Method::GET, "/tenants", None).await;
    let tenant = &tenants.body[0];
    assert_eq!(tenant["id"], "atsanywhere-default");
    assert_eq!(tenant["vendor"], "atsanywhere");
    assert_eq!(tenant["fixtures"], "demo");
    assert_eq!(
        tenant["credentials"],
        json!({"api_key": "demo-owner-key", "api_password": "demo-owner-password"})
    );
    assert_eq!(tenant["counts"]["users"], 7);
    assert_eq!(tenant["counts"]["applications"], 11);
}

#[tokio::test]
async fn new_tenants_are_isolated_and_get_their_own_credentials() {
    let app = spawn_app().await;
    let created = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere", "fixtures": "demo"})),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("atsanywhere-"));
    let key = created.body["credentials"]["api_key"].as_str().unwrap();
    let password = created.body["credentials"]["api_password"]
        .as_str()
        .unwrap();
    assert_ne!(key, "demo-owner-key");
    let mine = app.ats_with(key, password);
    let made = mine
        .post("/api/v1/users", json!({"first_name": "Iso", "last_name": "Lated", "email": "iso@x.io", "admin_level": "Basic"}))
        .await;
    assert_eq!(made.status, 201);
    assert_eq!(mine.get("/api/v1/users?per_page=100").await.ids().len(), 8);
    assert_eq!(
        app.ats("admin")
            .get("/api/v1/users?per_page=100")
            .await
            .ids()
            .len(),
        7
    );

    let empty = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere"})),
        )
        .await;
    assert_eq!(empty.body["fixtures"], "empty");
    assert_eq!(empty.body["counts"]["users"], 1);
    let got = app
        .admin(Method::GET, &format!("/tenants/{id}"), None)
        .await;
    assert_eq!(got.body["id"], id);

    assert_eq!(
        app.admin(Method::DELETE, &format!("/tenants/{id}"), None)
            .await
            .status,
        204
    );
    assert_eq!(mine.get("/api/v1/users").await.status, 403);
    assert_eq!(
        app.admin(Method::GET, &format!("/tenants/{id}"), None)
            .await
            .status,
        404
    );
    assert_eq!(
        app.admin(Method::DELETE, &format!("/tenants/{id}"), None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn bad_tenant_bodies_name_the_field() {
    let app = spawn_app().await;
    let tenants = app.admin(Method::GET, "/tenants", None).await.body;
    for (body, field) in [
        (json!({}), "vendor"),
        (json!({"vendor": "greenhouse"}), "vendor"),
        (json!({"vendor": 5}), "vendor"),
        (json!({"vendor": "atsanywhere", "seed": "x"}), "seed"),
        (
            json!({"vendor": "atsanywhere", "fixtures": "nope"}),
            "fixtures",
        ),
        (json!({"vendor": "atsanywhere", "id": "a b"}), "id"),
    ] {
        let reply = app
            .admin(Method::POST, "/tenants", Some(body.clone()))
            .await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(reply.body["field"], field, "{body}: {}", reply.body);
    }
    let unknown_key = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere", "colour": "red"})),
        )
        .await;
    assert_eq!(unknown_key.status, 400);
    assert!(unknown_key.body["message"]
        .as_str()
        .unwrap()
        .contains("colour"));
    let url = format!("{}/_sandbox/tenants", app.sandbox.base_url());
    let malformed = app.client.post(url).body("{nope").send().await.unwrap();
    assert_eq!(malformed.status(), 400);
    let taken = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere", "id": "atsanywhere-default"})),
        )
        .await;
    assert_eq!(taken.status, 409);
    assert_eq!(app.admin(Method::GET, "/tenants", None).await.body, tenants);
    assert_eq!(app.admin(Method::GET, "/nope", None).await.status, 404);
}

#[tokio::test]
async fn reset_restores_the_fixture_state() {
    let app = spawn_app().await;
    let owner = app.ats("owner");
    owner
        .patch("/api/v1/users/3", json!({"admin_level": "AccountOwner"}))
        .await;
    owner.delete("/api/v1/applications/1").await;
    let extra = app
        .admin(
            Method::POST,
            "/tenants/atsanywhere-default/credentials",
            Some(json!({"role": "Admin"})),
        )
        .await;
    let extra = app.ats_with(
        extra.body["credentials"]["api_key"].as_str().unwrap(),
        extra.body["credentials"]["api_password"].as_str().unwrap(),
    );
    assert_eq!(extra.get("/api/v1/jobs").await.status, 200);

    let reset = app
        .admin(Method::POST, "/tenants/atsanywhere-default/reset", None)
        .await;
    assert_eq!(reset.status, 200);
    assert_eq!(reset.body["counts"]["users"], 7);
    assert_eq!(
        owner.get("/api/v1/users/1").await.body["admin_level"],
        "AccountOwner"
    );
    assert_eq!(owner.get("/api/v1/applications/1").await.status, 200);
    assert_eq!(
        extra.get("/api/v1/jobs").await.status,
        403,
        "credentials made after creation are gone"
    );
    assert_eq!(
        app.admin(Method::POST, "/tenants/nope/reset", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn extra_credentials_act_as_a_user_of_the_role() {
    let app = spawn_app().await;
    let reply = app
        .admin(
            Method::POST,
            "/tenants/atsanywhere-default/credentials",
            Some(json!({"role": "Limited"})),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let user_id = reply.body["user_id"].as_u64().unwrap();
    let limited = app.ats_with(
        reply.body["credentials"]["api_key"].as_str().unwrap(),
        reply.body["credentials"]["api_password"].as_str().unwrap(),
    );
    let me = limited.get(&format!("/api/v1/users/{user_id}")).await;
    assert_eq!(me.body["admin_level"], "Limited");
    assert_eq!(
        limited
            .post("/api/v1/jobs", json!({"title": "X"}))
            .await
            .status,
        403
    );

    let named = app
        .admin(
            Method::POST,
            "/tenants/atsanywhere-default/credentials",
            Some(json!({"user_id": 4})),
        )
        .await;
    assert_eq!(named.body["user_id"], 4);
    for (body, field) in [
        (json!({}), "role"),
        (json!({"role": "Boss"}), "role"),
        (json!({"user_id": 99}), "user_id"),
        (json!({"user_id": 7}), "user_id"),
        (json!({"user_id": 4, "role": "Admin"}), "role"),
    ] {
        let reply = app
            .admin(
                Method::POST,
                "/tenants/atsanywhere-default/credentials",
                Some(body.clone()),
            )
            .await;
        assert_eq!(reply.status, 400, "{body}: {}", reply.body);
        assert_eq!(reply.body["field"], field, "{body}: {}", reply.body);
    }
}

#[tokio::test]
async fn a_seed_makes_tenants_and_data_reproducible() {
    let mut runs = Vec::new();
    for _ in 0..2 {
        let app = spawn_with(Sandbox::builder().fixtures("empty").seed(7)).await;
        let tenant = app
            .admin(
                Method::POST,
                "/tenants",
                Some(json!({"vendor": "atsanywhere"})),
            )
            .await;
        let credential = app
            .admin(
                Method::POST,
                &format!(
                    "/tenants/{}/credentials",
                    tenant.body["id"].as_str().unwrap()
                ),
                Some(json!({"role": "Basic"})),
            )
            .await;
        let default = app
            .admin(Method::GET, "/tenants/atsanywhere-default", None)
            .await;
        let user = app
            .ats_with(
                credential.body["credentials"]["api_key"].as_str().unwrap(),
                credential.body["credentials"]["api_password"]
                    .as_str()
                    .unwrap(),
            )
            .get(&format!("/api/v1/users/{}", credential.body["user_id"]))
            .await;
        runs.push((tenant.body, credential.body, default.body, user.body));
    }
    assert_eq!(runs[0], runs[1]);
    let other = spawn_with(Sandbox::builder().fixtures("empty").seed(8)).await;
    let tenant = other
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere"})),
        )
        .await;
    assert_ne!(tenant.body["id"], runs[0].0["id"]);
}

fn fixture_dir(name: &str, contents: serde_json::Value) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ats-sandbox-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("atsanywhere.json"), contents.to_string()).unwrap();
    dir
}

fn user(id: u64, email: &str, level: &str) -> serde_json::Value {
    json!({"id": id, "first_name": "A", "last_name": "B", "email": email, "phone": null,
           "admin_level": level, "assigned_job_ids": [], "assigned_site_ids": [], "active": true,
           "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"})
}

#[test]
fn fixtures_that_break_a_rule_refuse_to_load_naming_file_and_record() {
    let cases = [
        (
            "two-owners",
            json!({"company": {"name": "X"}, "users": [user(1, "a@x.io", "AccountOwner"), user(2, "b@x.io", "AccountOwner")]}),
            "users[1] (id 2)",
            "second AccountOwner",
        ),
        (
            "dup-email",
            json!({"company": {"name": "X"}, "users": [user(1, "a@x.io", "AccountOwner"), user(2, "A@X.io", "Basic")]}),
            "users[1] (id 2)",
            "email has already been taken",
        ),
        (
            "no-owner",
            json!({"company": {"name": "X"}, "users": [user(1, "a@x.io", "Admin")]}),
            "atsanywhere.json",
            "no AccountOwner",
        ),
        (
            "bad-level",
            json!({"company": {"name": "X"}, "users": [user(1, "a@x.io", "Chief")]}),
            "users[0].admin_level",
            "unknown variant",
        ),
    ];
    for (name, contents, record, reason) in cases {
        let dir = fixture_dir(name, contents);
        let settings = Settings {
            port: 0,
            fixtures: dir.display().to_string(),
            ..Settings::default()
        };
        let error = Application::build(&settings)
            .err()
            .expect("the load fails")
            .to_string();
        assert!(error.contains("atsanywhere.json"), "{name}: {error}");
        assert!(error.contains(record), "{name}: {error}");
        assert!(error.contains(reason), "{name}: {error}");
        std::fs::remove_dir_all(dir).ok();
    }
}

#[tokio::test]
async fn a_fixture_directory_loads_as_written() {
    let dir = fixture_dir(
        "good",
        json!({"company": {"name": "Tiny"}, "users": [user(1, "boss@tiny.io", "AccountOwner")],
               "credentials": [{"api_key": "tiny-key", "api_password": "tiny-pw", "user_id": 1}]}),
    );
    let app = spawn_with(Sandbox::builder().fixtures(&dir.display().to_string())).await;
    let users = app
        .ats_with("tiny-key", "tiny-pw")
        .get("/api/v1/users")
        .await;
    assert_eq!(users.ids(), [1]);
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn an_injected_clock_dates_every_write() {
    use ats_sandbox::clock::Clock;
    use chrono::{TimeZone, Utc};
    let at = Utc.with_ymd_and_hms(2030, 6, 1, 8, 30, 0).unwrap();
    let app = spawn_with(Sandbox::builder().clock(Clock::frozen(at))).await;
    let created = app
        .ats("admin")
        .post("/api/v1/jobs", json!({"title": "Time traveller"}))
        .await;
    assert_eq!(created.body["created_at"], "2030-06-01T08:30:00Z");
    app.sandbox.state().clock.advance(chrono::Duration::days(2));
    let updated = app
        .ats("admin")
        .patch("/api/v1/jobs/7", json!({"hidden": true}))
        .await;
    assert_eq!(updated.body["updated_at"], "2030-06-03T08:30:00Z");
}

#[tokio::test]
async fn pandape_tenants_credentials_and_reset() {
    let app = spawn_app().await;
    let created = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "pandape", "fixtures": "demo", "id": "p1"})),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["credentials"]["client_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let secret = created.body["credentials"]["client_secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(id, "demo-pandape-admin");
    assert_eq!(created.body["credentials"]["scope"], "PandapeApi");
    // The demo's well-known clients belong to the default tenant only.
    let admin = app.pandape_with(&id, &secret).await;
    admin
        .post(
            "/v2/company/users",
            json!({"Name": "Only", "Surname": "Here", "Email": "only@p1.io"}),
        )
        .await;
    assert_eq!(admin.get("/v2/company/users").await.body["totalItems"], 10);
    assert_eq!(
        app.pandape("admin")
            .await
            .get("/v2/company/users")
            .await
            .body["totalItems"],
        9
    );

    let credential = app
        .admin(
            Method::POST,
            "/tenants/p1/credentials",
            Some(json!({"role": "Company_Recruiter", "permissions": {"isAllowedToPublish": true}})),
        )
        .await;
    assert_eq!(credential.status, 201, "{}", credential.body);
    let recruiter = app
        .pandape_with(
            credential.body["credentials"]["client_id"]
                .as_str()
                .unwrap(),
            credential.body["credentials"]["client_secret"]
                .as_str()
                .unwrap(),
        )
        .await;
    let me = recruiter
        .get(&format!("/v2/company/users/{}", credential.body["user_id"]))
        .await;
    assert_eq!(me.body["role"], "Company_Recruiter");
    assert_eq!(me.body["isAllowedToPublish"], true);
    let bad = app
        .admin(
            Method::POST,
            "/tenants/p1/credentials",
            Some(json!({"role": "Company_Interviewer", "permissions": {"isOnboardingManager": true}})),
        )
        .await;
    assert_eq!(
        (bad.status.as_u16(), bad.body["field"].as_str()),
        (400, Some("permissions"))
    );

    assert_eq!(
        app.admin(Method::POST, "/tenants/p1/reset", None)
            .await
            .status,
        200
    );
    assert_eq!(
        admin.get("/v2/company/users").await.status,
        401,
        "tokens do not survive a reset"
    );
    let again = app.pandape_with(&id, &secret).await;
    assert_eq!(again.get("/v2/company/users").await.body["totalItems"], 9);
}

#[test]
fn a_pandape_fixture_without_an_administrator_refuses_to_load() {
    let dir = std::env::temp_dir().join(format!("ats-sandbox-pandape-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let user = json!({"id": 1, "name": "A", "surname": "B", "email": "a@b.io", "phone": null,
        "role": "Company_Recruiter", "isActive": true, "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z"});
    std::fs::write(
        dir.join("pandape.json"),
        json!({"company": {"name": "X"}, "users": [user]}).to_string(),
    )
    .unwrap();
    let settings = Settings {
        port: 0,
        fixtures: dir.display().to_string(),
        ..Settings::default()
    };
    let error = Application::build(&settings)
        .err()
        .expect("the load fails")
        .to_string();
    assert!(
        error.contains("pandape.json") && error.contains("Company_Administrator"),
        "{error}"
    );
    std::fs::remove_dir_all(dir).ok();
}
