//! The control plane for test suites: snapshots and the clock.

use crate::helpers::{assert_problem, spawn_app};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_snapshot_restores_the_tenant_exactly() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    admin
        .post("/api/v1/users", json!({"first_name": "Snap", "last_name": "Shot", "email": "snap@x.io", "admin_level": "Basic"}))
        .await;
    let before = app
        .admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
        .await;
    assert_eq!(before.status, 200);
    assert_eq!(before.body["vendor"], "atsanywhere");
    assert_eq!(before.body["state"]["sequences"]["user"], 9);

    // Change everything a test might change.
    app.ats("owner")
        .patch("/api/v1/users/2", json!({"admin_level": "AccountOwner"}))
        .await;
    app.ats("owner").delete("/api/v1/applications/1").await;
    admin.post("/api/v1/jobs", json!({"title": "Temp"})).await;
    let extra = app
        .admin(
            Method::POST,
            "/tenants/atsanywhere-default/credentials",
            Some(json!({"role": "Admin"})),
        )
        .await;

    let restored = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(before.body.clone()),
        )
        .await;
    assert_eq!(restored.status, 200, "{}", restored.body);
    let after = app
        .admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
        .await;
    assert_eq!(after.body, before.body);
    // Sequences came back too: the next user gets the id it would have had.
    let next = admin
        .post("/api/v1/users", json!({"first_name": "Next", "last_name": "One", "email": "next@x.io", "admin_level": "Basic"}))
        .await;
    assert_eq!(next.body["id"], 9);
    // Credentials made after the snapshot are gone with it.
    let gone = app.ats_with(
        extra.body["credentials"]["api_key"].as_str().unwrap(),
        extra.body["credentials"]["api_password"].as_str().unwrap(),
    );
    assert_eq!(gone.get("/api/v1/users").await.status, 403);
}

#[tokio::test]
async fn pandape_snapshots_keep_tokens() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let snapshot = app
        .admin(Method::GET, "/tenants/pandape-default/snapshot", None)
        .await;
    admin
        .post(
            "/v2/requests",
            json!({"Job": "X", "CustomFields": [{"IdRequestField": 1, "Value": "801"}]}),
        )
        .await;
    let restored = app
        .admin(
            Method::PUT,
            "/tenants/pandape-default/snapshot",
            Some(snapshot.body.clone()),
        )
        .await;
    assert_eq!(restored.status, 200, "{}", restored.body);
    assert_eq!(
        app.admin(Method::GET, "/tenants/pandape-default/snapshot", None)
            .await
            .body,
        snapshot.body
    );
    assert_eq!(
        admin.get("/v2/requests").await.body["totalItems"],
        7,
        "the token of the snapshot still works"
    );
}

#[tokio::test]
async fn a_bad_snapshot_changes_nothing() {
    let app = spawn_app().await;
    let good = app
        .admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
        .await
        .body;
    let mut two_owners = good.clone();
    two_owners["state"]["users"][1]["admin_level"] = json!("AccountOwner");
    let reply = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(two_owners),
        )
        .await;
    assert_eq!(
        (reply.status.as_u16(), reply.body["field"].as_str()),
        (400, Some("state"))
    );
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .contains("second AccountOwner"),
        "{}",
        reply.body
    );
    let mut wrong_vendor = good.clone();
    wrong_vendor["vendor"] = json!("pandape");
    let reply = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(wrong_vendor),
        )
        .await;
    assert_eq!(reply.body["field"], "vendor");
    let reply = app
        .admin(
            Method::PUT,
            "/tenants/atsanywhere-default/snapshot",
            Some(json!({"vendor": "atsanywhere"})),
        )
        .await;
    assert_eq!(reply.body["field"], "state");
    assert_eq!(
        app.admin(Method::GET, "/tenants/atsanywhere-default/snapshot", None)
            .await
            .body,
        good
    );
    assert_eq!(
        app.admin(Method::GET, "/tenants/nope/snapshot", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn the_clock_is_read_set_frozen_and_advanced() {
    let app = spawn_app().await;
    let set = app
        .admin(
            Method::POST,
            "/clock",
            Some(json!({"set": "2027-03-01T10:00:00Z", "freeze": true})),
        )
        .await;
    assert_eq!(
        set.body,
        json!({"now": "2027-03-01T10:00:00.000Z", "frozen": true})
    );
    assert_eq!(
        app.admin(Method::GET, "/clock", None).await.body["now"],
        "2027-03-01T10:00:00.000Z"
    );
    let job = app
        .ats("admin")
        .post("/api/v1/jobs", json!({"title": "Dated"}))
        .await;
    assert_eq!(job.body["created_at"], "2027-03-01T10:00:00Z");

    // Token expiry follows the clock.
    let pandape = app.pandape("admin").await;
    let advanced = app
        .admin(Method::POST, "/clock", Some(json!({"advance": "PT59M"})))
        .await;
    assert_eq!(advanced.body["now"], "2027-03-01T10:59:00.000Z");
    assert_eq!(pandape.get("/v2/vacancies").await.status, 200);
    app.admin(Method::POST, "/clock", Some(json!({"advance": "PT1M"})))
        .await;
    assert_problem(&pandape.get("/v2/vacancies").await, 401, None);

    // Notes filtered by begin_date follow it too: a note written now is after yesterday.
    app.admin(Method::POST, "/clock", Some(json!({"advance": "P30D"})))
        .await;
    let note = app
        .ats("admin")
        .post("/api/v1/notes", json!({"app_id": 1, "body": "Later"}))
        .await;
    assert_eq!(note.body["created_at"], "2027-03-31T11:00:00Z");
    assert_eq!(
        app.ats("admin")
            .get("/api/v1/notes?begin_date=2027-03-30")
            .await
            .ids(),
        [4]
    );

    let running = app
        .admin(Method::POST, "/clock", Some(json!({"freeze": false})))
        .await;
    assert_eq!(running.body["frozen"], false);
    for (body, field) in [
        (json!({"advance": "thirty days"}), "advance"),
        (json!({"set": "yesterday"}), "set"),
        (json!({"speed": 2}), ""),
    ] {
        let reply = app.admin(Method::POST, "/clock", Some(body.clone())).await;
        assert_eq!(reply.status, 400, "{body}");
        if !field.is_empty() {
            assert_eq!(reply.body["field"], field, "{body}");
        }
    }
}

#[tokio::test]
async fn the_journal_records_every_vendor_request_with_secrets_redacted() {
    let app = spawn_app().await;
    app.admin(Method::DELETE, "/requests", None).await;
    let admin = app.ats("admin");
    admin.get("/api/v1/users/2?x=1").await;
    admin
        .post("/api/v1/jobs", json!({"title": "Journaled"}))
        .await;
    app.ats_with("bad", "creds").get("/api/v1/jobs").await;
    let pandape = app.pandape("admin").await;
    pandape.get("/v2/vacancies/1").await;

    let all = app.admin(Method::GET, "/requests", None).await.body;
    let entries = all.as_array().unwrap();
    assert_eq!(entries.len(), 5, "{all}");
    let first = &entries[0];
    assert_eq!(first["tenant"], "atsanywhere-default");
    assert_eq!(first["vendor"], "atsanywhere");
    assert_eq!(first["method"], "GET");
    assert_eq!(first["path"], "/atsanywhere/api/v1/users/2");
    assert_eq!(first["query"], "x=1");
    assert_eq!(first["headers"]["authorization"], "[redacted]");
    assert_eq!(first["status"], 200);
    assert_eq!(first["response"]["first_name"], "Adam");
    assert!(first["duration_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(entries[1]["body"], json!({"title": "Journaled"}));
    assert_eq!(entries[1]["status"], 201);
    assert_eq!(
        (entries[2]["tenant"].clone(), entries[2]["status"].clone()),
        (json!(null), json!(403))
    );
    assert_eq!(entries[3]["path"], "/pandape/connect/token");
    assert_eq!(entries[3]["tenant"], "pandape-default");
    assert_eq!(entries[4]["vendor"], "pandape");

    let filtered = app
        .admin(
            Method::GET,
            "/requests?vendor=atsanywhere&method=post",
            None,
        )
        .await
        .body;
    assert_eq!(filtered.as_array().unwrap().len(), 1);
    let by_path = app
        .admin(
            Method::GET,
            "/requests?path=/vacancies&tenant=pandape-default",
            None,
        )
        .await
        .body;
    assert_eq!(by_path.as_array().unwrap().len(), 1);
    assert_eq!(
        app.admin(Method::GET, "/requests?limit=2", None).await.body[1]["path"],
        "/pandape/v2/vacancies/1"
    );
    assert_eq!(
        app.admin(Method::GET, "/requests?vendor=nope", None)
            .await
            .status,
        400
    );
    let cleared = app
        .admin(Method::DELETE, "/requests?tenant=pandape-default", None)
        .await;
    assert_eq!(cleared.body["removed"], 2);
    assert_eq!(
        app.admin(Method::GET, "/requests", None)
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn the_journal_stays_within_its_bound() {
    let app =
        crate::helpers::spawn_with(ats_sandbox::Sandbox::builder().seed(1).journal_size(5)).await;
    let admin = app.ats("admin");
    for _ in 0..20 {
        admin.get("/api/v1/jobs").await;
    }
    let entries = app
        .admin(Method::GET, "/requests?tenant=atsanywhere-default", None)
        .await
        .body;
    assert_eq!(entries.as_array().unwrap().len(), 5);
    let off = crate::helpers::spawn_with(ats_sandbox::Sandbox::builder().journal_size(0)).await;
    off.ats("admin").get("/api/v1/jobs").await;
    assert_eq!(
        off.admin(Method::GET, "/requests", None).await.body,
        json!([])
    );
}

#[tokio::test]
async fn an_error_fault_answers_in_the_vendor_shape_and_changes_nothing() {
    let app = spawn_app().await;
    let rule = app
        .admin(
            Method::POST,
            "/faults",
            Some(json!({"vendor": "atsanywhere", "method": "POST", "path": "/api/v1/users", "status": 503, "times": 1})),
        )
        .await;
    assert_eq!(rule.status, 201, "{}", rule.body);
    let admin = app.ats("admin");
    let body =
        json!({"first_name": "F", "last_name": "L", "email": "fault@x.io", "admin_level": "Basic"});
    let faulted = admin.post("/api/v1/users", body.clone()).await;
    crate::helpers::assert_error(&faulted, 503, "error", None);
    assert_eq!(
        admin.get("/api/v1/users?email=fault@x.io").await.ids(),
        Vec::<u64>::new()
    );
    assert_eq!(
        admin.post("/api/v1/users", body).await.status,
        201,
        "times: 1 fired once"
    );
    let rules = app.admin(Method::GET, "/faults", None).await.body;
    assert_eq!(rules[0]["hits"], 1);
    assert_eq!(rules[0]["remaining"], 0);
    let id = rules[0]["id"].as_str().unwrap();
    assert_eq!(
        app.admin(Method::DELETE, &format!("/faults/{id}"), None)
            .await
            .status,
        204
    );
    assert_eq!(
        app.admin(Method::DELETE, &format!("/faults/{id}"), None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_429_fault_carries_retry_after_in_the_vendor_shape() {
    let app = spawn_app().await;
    app.admin(
        Method::POST,
        "/faults",
        Some(json!({"vendor": "pandape", "path": "/v2/*", "status": 429})),
    )
    .await;
    let pandape = app.pandape("admin").await; // /connect/token is outside /v2/*
    let limited = pandape.get("/v2/vacancies").await;
    assert_problem(&limited, 429, None);
    assert_eq!(limited.header("retry-after"), Some("1"));
    // Scoped to Pandapé: ATS Anywhere is untouched.
    assert_eq!(app.ats("admin").get("/api/v1/jobs").await.status, 200);
    assert_eq!(
        app.admin(Method::DELETE, "/faults", None).await.body["removed"],
        1
    );
    assert_eq!(pandape.get("/v2/vacancies").await.status, 200);
}

#[tokio::test]
async fn latency_and_dropped_connection_faults() {
    let app = spawn_app().await;
    app.admin(
        Method::POST,
        "/faults",
        Some(json!({"path": "/api/v1/jobs/1", "latency_ms": 300, "times": 1})),
    )
    .await;
    let started = std::time::Instant::now();
    let slow = app.ats("admin").get("/api/v1/jobs/1").await;
    assert_eq!(slow.status, 200);
    assert!(started.elapsed() >= std::time::Duration::from_millis(300));

    app.admin(
        Method::POST,
        "/faults",
        Some(json!({"method": "GET", "path": "*/jobs/2", "drop": true})),
    )
    .await;
    let url = format!(
        "{}/api/v1/jobs/2",
        app.sandbox
            .api_url(ats_sandbox::Vendor::AtsAnywhere)
            .trim_end_matches("/api/v1")
    );
    let outcome = async {
        let response = app
            .client
            .get(url)
            .basic_auth("demo-admin-key", Some("demo-admin-password"))
            .send()
            .await?;
        response.text().await
    }
    .await;
    assert!(outcome.is_err(), "the connection drops: {outcome:?}");
    assert_eq!(app.ats("admin").get("/api/v1/jobs/3").await.status, 200);
}

#[tokio::test]
async fn faults_scope_by_tenant_and_probability() {
    let app = spawn_app().await;
    let other = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere", "id": "other"})),
        )
        .await;
    let other_ats = app.ats_with(
        other.body["credentials"]["api_key"].as_str().unwrap(),
        other.body["credentials"]["api_password"].as_str().unwrap(),
    );
    app.admin(
        Method::POST,
        "/faults",
        Some(json!({"tenant": "other", "status": 500})),
    )
    .await;
    assert_eq!(other_ats.get("/api/v1/users").await.status, 500);
    assert_eq!(app.ats("admin").get("/api/v1/users").await.status, 200);
    app.admin(Method::DELETE, "/faults", None).await;
    app.admin(
        Method::POST,
        "/faults",
        Some(json!({"status": 502, "probability": 0.0, "seed": 3})),
    )
    .await;
    for _ in 0..10 {
        assert_eq!(app.ats("admin").get("/api/v1/users").await.status, 200);
    }
    for (body, field) in [
        (json!({"path": "/x"}), "status"),
        (json!({"status": 200}), "status"),
        (json!({"status": 500, "probability": 1.5}), "probability"),
        (json!({"status": 500, "vendor": "nope"}), "vendor"),
    ] {
        let reply = app.admin(Method::POST, "/faults", Some(body.clone())).await;
        assert_eq!(
            (reply.status.as_u16(), reply.body["field"].as_str()),
            (400, Some(field)),
            "{body}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_answer_the_vendors_429() {
    let app = spawn_app().await;
    let created = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "atsanywhere", "id": "limited", "rate_limits": [{"per_second": 2}, {"path": "/api/v1/users", "concurrent": 1}]})),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["rate_limits"][0]["per_second"], 2);
    let ats = app.ats_with(
        created.body["credentials"]["api_key"].as_str().unwrap(),
        created.body["credentials"]["api_password"]
            .as_str()
            .unwrap(),
    );
    app.admin(Method::POST, "/clock", Some(json!({"freeze": true})))
        .await;
    assert_eq!(ats.get("/api/v1/jobs").await.status, 200);
    assert_eq!(ats.get("/api/v1/jobs").await.status, 200);
    let limited = ats.get("/api/v1/jobs").await;
    crate::helpers::assert_error(&limited, 429, "error", None);
    assert_eq!(limited.header("retry-after"), Some("1"));
    assert_eq!(
        app.ats("admin").get("/api/v1/jobs").await.status,
        200,
        "other tenants are not limited"
    );
    app.admin(Method::POST, "/clock", Some(json!({"advance": "PT1S"})))
        .await;
    assert_eq!(ats.get("/api/v1/jobs").await.status, 200, "a new second");

    // One request in flight at a time on /api/v1/users: hold one with a latency fault.
    app.admin(Method::POST, "/clock", Some(json!({"advance": "PT1S"})))
        .await;
    app.admin(
        Method::POST,
        "/faults",
        Some(json!({"tenant": "limited", "path": "/api/v1/users", "latency_ms": 500, "times": 2})),
    )
    .await;
    let (slow, quick) = futures::join!(ats.get("/api/v1/users"), async {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        ats.get("/api/v1/users").await
    });
    assert_eq!(slow.status, 200);
    assert_eq!(quick.status, 429);
}

#[tokio::test]
async fn rate_limit_requests_are_checked() {
    let app = spawn_app().await;
    for (body, field) in [
        (
            json!({"vendor": "atsanywhere", "rate_limits": true}),
            "rate_limits",
        ),
        (
            json!({"vendor": "pandape", "rate_limits": [{"path": "/v2/*"}]}),
            "rate_limits",
        ),
    ] {
        let reply = app
            .admin(Method::POST, "/tenants", Some(body.clone()))
            .await;
        assert_eq!(
            (reply.status.as_u16(), reply.body["field"].as_str()),
            (400, Some(field)),
            "{body}: {}",
            reply.body
        );
    }
    let plain = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "pandape", "rate_limits": false})),
        )
        .await;
    assert_eq!(plain.body["rate_limits"], json!(null));
}

#[tokio::test]
async fn ashby_snapshots_keep_every_kind_of_record() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let handle = ashby
        .ok(
            "file.createFileUploadHandle",
            json!({"fileUploadContext": "CandidateFiles", "filename": "a.txt", "contentType": "text/plain", "contentLength": 2}),
        )
        .await;
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(b"hi".to_vec()));
    app.client
        .post(handle["url"].as_str().unwrap())
        .multipart(form)
        .send()
        .await
        .unwrap();
    let snapshot = app
        .admin(Method::GET, "/tenants/ashby-default/snapshot", None)
        .await
        .body;
    for kind in [
        "files",
        "projects",
        "hiringTeamRoles",
        "closeReasons",
        "candidates",
        "applications",
    ] {
        assert!(
            !snapshot["state"][kind].as_array().unwrap().is_empty(),
            "{kind} in the snapshot"
        );
    }
    ashby.ok("candidate.create", json!({"name": "After"})).await;
    let restored = app
        .admin(
            Method::PUT,
            "/tenants/ashby-default/snapshot",
            Some(snapshot.clone()),
        )
        .await;
    assert_eq!(restored.status, 200, "{}", restored.body);
    assert_eq!(
        app.admin(Method::GET, "/tenants/ashby-default/snapshot", None)
            .await
            .body,
        snapshot
    );
    let info = ashby
        .ok("file.info", json!({"fileHandle": handle["handle"]}))
        .await;
    let bytes = app
        .client
        .get(info["url"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&bytes[..], b"hi");
}
