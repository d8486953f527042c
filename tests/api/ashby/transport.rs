//! Ashby's transport: auth, permissions, the envelope, request ids, pagination and sync.

use crate::helpers::{assert_ashby_error, read, spawn_app};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn auth_answers_401_403_and_missing_endpoint_permission() {
    let app = spawn_app().await;
    let url = format!("{}/candidate.list", app.ashby().base);
    let none = read(app.client.post(&url).json(&json!({})).send().await.unwrap()).await;
    assert_eq!(none.status, 401);
    assert_ashby_error(&none);
    let unknown = app
        .ashby_with("nope")
        .call("candidate.list", json!({}))
        .await;
    assert_eq!(unknown.status, 403);
    assert_ashby_error(&unknown);
    let reader = app.ashby_with("demo-ashby-readonly-key");
    assert!(reader.call("candidate.list", json!({})).await.body["success"] == true);
    let refused = reader.call("candidate.create", json!({"name": "X"})).await;
    assert_eq!(refused.status, 403);
    assert_eq!(
        refused.body["errorInfo"]["code"],
        "missing_endpoint_permission"
    );
    let count = app
        .ashby()
        .ok("candidate.list", json!({}))
        .await
        .as_array()
        .unwrap()
        .len();
    assert_eq!(count, 28, "nothing was created");
}

#[tokio::test]
async fn every_answer_has_the_envelope_and_a_request_id() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let ok = ashby.call("apiKey.info", json!({})).await;
    assert!(ok
        .header("x-ashby-request-id")
        .is_some_and(|id| id.len() == 26));
    assert_eq!(ok.body["results"]["title"], "Demo full-access key");
    assert_eq!(
        ashby.error("candidate.info", json!({"id": "nope"})).await,
        "candidate_not_found"
    );
    assert_eq!(
        ashby
            .error("candidate.create", json!({"email": "x@y.io"}))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby.error("candidate.create", json!({"name": 5})).await,
        "invalid_input"
    );
    let url = format!("{}/candidate.create", ashby.base);
    let malformed = read(
        app.client
            .post(&url)
            .basic_auth("demo-ashby-key", Some(""))
            .body("{oops")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(malformed.status, 200);
    assert_eq!(malformed.body["errorInfo"]["code"], "invalid_input");
    let unknown = ashby.call("candidate.teleport", json!({})).await;
    assert_eq!(unknown.status, 404);
    assert_ashby_error(&unknown);
    let unserved = ashby.call("offer.list", json!({})).await;
    assert_eq!(unserved.status, 501);
    assert_eq!(unserved.body["errorInfo"]["code"], "endpoint_not_served");
    let get = read(app.client.get(&url).send().await.unwrap()).await;
    assert_eq!(get.status, 405);
    assert_ashby_error(&get);
}

#[tokio::test]
async fn lists_page_with_cursors_and_sync_incrementally() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let sync_token = loop {
        let mut body = json!({"limit": 10});
        if let Some(c) = &cursor {
            body["cursor"] = json!(c);
        }
        let page = ashby.call("candidate.list", body).await.body;
        seen.extend(
            page["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_owned()),
        );
        if page["moreDataAvailable"] == true {
            assert!(page["syncToken"].is_null());
            cursor = Some(page["nextCursor"].as_str().unwrap().to_owned());
        } else {
            assert!(page["nextCursor"].is_null());
            break page["syncToken"].as_str().unwrap().to_owned();
        }
    };
    assert_eq!(seen.len(), 28);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 28, "no record twice");

    // Nothing changed: an incremental sync is empty.
    let empty = ashby
        .call("candidate.list", json!({"syncToken": sync_token}))
        .await
        .body;
    assert_eq!(empty["results"], json!([]));
    // One created, one changed: exactly those two.
    let created = ashby
        .ok(
            "candidate.create",
            json!({"name": "Nova Sync", "email": "nova@sync.io"}),
        )
        .await;
    ashby
        .ok(
            "candidate.update",
            json!({"candidateId": seen[3], "name": "Renamed One"}),
        )
        .await;
    let changes = ashby
        .call("candidate.list", json!({"syncToken": sync_token}))
        .await
        .body;
    let ids: Vec<&str> = changes["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [created["id"].as_str().unwrap(), seen[3].as_str()],
        "in change order"
    );
    assert!(changes["syncToken"].is_string());

    // createdAfter filters by creation time (ms since the epoch).
    let late = ashby
        .ok(
            "candidate.list",
            json!({"createdAfter": 1_767_603_600_000i64 + 20 * 60_000}),
        )
        .await;
    assert_eq!(late.as_array().unwrap().len(), 8);

    assert_eq!(
        ashby
            .error("candidate.list", json!({"cursor": "garbage"}))
            .await,
        "invalid_next_cursor"
    );
    assert_eq!(
        ashby
            .error("candidate.list", json!({"syncToken": "garbage"}))
            .await,
        "sync_token_invalid"
    );
    let job_cursor = ashby.call("job.list", json!({"limit": 1})).await.body["nextCursor"].clone();
    assert_eq!(
        ashby
            .error("candidate.list", json!({"cursor": job_cursor}))
            .await,
        "invalid_next_cursor"
    );
    let cursor = ashby.call("candidate.list", json!({"limit": 5})).await.body["nextCursor"].clone();
    app.admin(Method::POST, "/clock", Some(json!({"advance": "PT2H"})))
        .await;
    assert_eq!(
        ashby
            .error("candidate.list", json!({"cursor": cursor}))
            .await,
        "next_cursor_expired"
    );
    app.admin(Method::POST, "/clock", Some(json!({"advance": "P31D"})))
        .await;
    assert_eq!(
        ashby
            .error("candidate.list", json!({"syncToken": sync_token}))
            .await,
        "sync_token_expired"
    );
    assert_eq!(
        ashby.error("candidate.list", json!({"limit": 0})).await,
        "invalid_input"
    );
}

#[tokio::test]
async fn restricted_keys_come_from_the_control_plane() {
    let app = spawn_app().await;
    let made = app
        .admin(
            Method::POST,
            "/tenants/ashby-default/credentials",
            Some(json!({"permissions": ["jobsRead"]})),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let key = made.body["credentials"]["api_key"].as_str().unwrap();
    let jobs = app.ashby_with(key);
    let visible = jobs.ok("job.list", json!({})).await;
    assert!(
        visible
            .as_array()
            .unwrap()
            .iter()
            .all(|j| j["confidential"] == false),
        "no confidential toggle"
    );
    let all = app.ashby().ok("job.list", json!({})).await;
    assert_eq!(
        all.as_array().unwrap().len(),
        visible.as_array().unwrap().len() + 1
    );
    assert_eq!(jobs.call("candidate.list", json!({})).await.status, 403);
    let bad = app
        .admin(
            Method::POST,
            "/tenants/ashby-default/credentials",
            Some(json!({"permissions": ["everything"]})),
        )
        .await;
    assert_eq!(
        (bad.status.as_u16(), bad.body["field"].as_str()),
        (400, Some("permissions"))
    );
}
