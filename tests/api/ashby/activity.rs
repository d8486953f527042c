//! Email messages, fraud status, empty client-info and criteria lists, and history edits.

use crate::helpers::spawn_app;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn email_messages_are_unique_per_key_and_vanish_with_anonymization() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Mail Man"}))
        .await;
    let email = json!({"candidateId": candidate["id"], "emailProviderEmailId": "gmail-1", "subject": "Hello",
                       "from": "recruiter@acme.example", "to": "mail@man.example", "body": "<p>Hi</p>"});
    let added = ashby.ok("candidate.addEmailMessage", email.clone()).await;
    assert_eq!(added["threadId"], "gmail-1");
    assert_eq!(
        ashby
            .error("candidate.addEmailMessage", email.clone())
            .await,
        "email_message_already_exists"
    );
    let mut bad = email.clone();
    bad["from"] = json!("not an address");
    bad["emailProviderEmailId"] = json!("gmail-2");
    assert_eq!(
        ashby.error("candidate.addEmailMessage", bad).await,
        "invalid_input"
    );
    let mut extra = email.clone();
    extra["emailProviderEmailId"] = json!("gmail-3");
    extra["priority"] = json!("high");
    assert_eq!(
        ashby.error("candidate.addEmailMessage", extra).await,
        "invalid_input"
    );

    for list in ["candidate.listClientInfo", "candidate.listFraudChecks"] {
        assert_eq!(
            ashby
                .ok(list, json!({"candidateId": candidate["id"]}))
                .await,
            json!([])
        );
        assert_eq!(
            ashby.error(list, json!({"candidateId": "nope"})).await,
            "candidate_not_found"
        );
    }
    let flagged = ashby
        .ok(
            "candidate.setFraudStatus",
            json!({"candidateId": candidate["id"], "fraudStatus": "Unsure"}),
        )
        .await;
    assert_eq!(flagged["fraudStatus"], "Unsure");
    assert_eq!(
        ashby
            .error(
                "candidate.setFraudStatus",
                json!({"candidateId": candidate["id"], "fraudStatus": "Unreviewed"})
            )
            .await,
        "invalid_input"
    );

    ashby
        .ok(
            "candidate.anonymize",
            json!({"candidateId": candidate["id"]}),
        )
        .await;
    let snapshot = app
        .admin(Method::GET, "/tenants/ashby-default/snapshot", None)
        .await
        .body;
    let message = snapshot["state"]["emailMessages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["candidateId"] == candidate["id"])
        .unwrap()
        .clone();
    assert_eq!(message["subject"], "");
    assert!(message["body"].is_null());
}

#[tokio::test]
async fn history_is_rewritten_whole_and_checked() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let jobs = ashby.ok("job.list", json!({})).await;
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Hist Ory"}))
        .await;
    let application = ashby
        .ok(
            "application.create",
            json!({"candidateId": candidate["id"], "jobId": jobs[0]["id"]}),
        )
        .await;
    let aid = application["id"].clone();
    let plan = ashby
        .ok("jobInterviewPlan.info", json!({"jobId": jobs[0]["id"]}))
        .await;
    let stage = |kind: &str| {
        plan["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["type"] == kind)
            .unwrap()["id"]
            .clone()
    };
    let reasons = ashby.ok("archiveReason.list", json!({})).await;
    let event = |stage: &serde_json::Value, n: u32, at: &str| json!({"stageId": stage, "stageNumber": n, "enteredStageAt": at});
    let update =
        |events: serde_json::Value| json!({"applicationId": aid, "applicationHistory": events});
    for (events, why) in [
        (json!([]), "empty"),
        (
            json!([event(&stage("Lead"), 1, "2026-01-05T09:00:00Z")]),
            "numbers start at 0",
        ),
        (
            json!([
                event(&stage("Lead"), 0, "2026-01-05T09:00:00Z"),
                event(&stage("Active"), 1, "2026-01-04T09:00:00Z")
            ]),
            "time goes back",
        ),
        (
            json!([event(&stage("Lead"), 0, "2030-01-01T00:00:00Z")]),
            "future",
        ),
        (
            json!([event(&stage("Archived"), 0, "2026-01-05T09:00:00Z")]),
            "no archive reason",
        ),
        (
            json!([{"stageId": stage("Lead"), "stageNumber": 0, "enteredStageAt": "2026-01-05T09:00:00Z", "archiveReasonId": reasons[0]["id"]}]),
            "archive reason on a Lead stage",
        ),
        (
            json!([{"stageId": stage("Lead"), "stageNumber": 0, "enteredStageAt": "2026-01-05T09:00:00Z", "applicationHistoryId": "foreign"}]),
            "unknown event id",
        ),
    ] {
        assert_eq!(
            ashby
                .error("application.updateHistory", update(events))
                .await,
            "invalid_input",
            "{why}"
        );
    }
    let moved = ashby
        .ok(
            "application.updateHistory",
            update(json!([
                event(&stage("Lead"), 0, "2026-01-05T09:00:00Z"),
                {"stageId": stage("Archived"), "stageNumber": 1, "enteredStageAt": "2026-01-05T09:00:00.001Z", "archiveReasonId": reasons[0]["id"]},
            ])),
        )
        .await;
    assert_eq!(moved["status"], "Archived");
    assert_eq!(moved["archiveReason"]["id"], reasons[0]["id"]);
    let history = ashby
        .ok("application.listHistory", json!({"applicationId": aid}))
        .await;
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[0]["leftStageAt"], history[1]["enteredStageAt"]);
    assert_eq!(history[1]["stageNumber"], 1);

    // The setting on the key is needed besides candidatesWrite.
    let created = app
        .admin(
            Method::POST,
            "/tenants/ashby-default/credentials",
            Some(json!({"permissions": ["candidatesRead", "candidatesWrite", "jobsRead"]})),
        )
        .await;
    let key = created.body["credentials"]["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let limited = app.ashby_with(&key);
    let refused = limited
        .call(
            "application.updateHistory",
            update(json!([event(&stage("Lead"), 0, "2026-01-05T09:00:00Z")])),
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(
        refused.body["errorInfo"]["code"],
        "missing_endpoint_permission"
    );

    assert_eq!(
        ashby
            .ok(
                "application.listCriteriaEvaluations",
                json!({"applicationId": aid})
            )
            .await,
        json!([])
    );
    assert_eq!(
        ashby
            .error(
                "application.listCriteriaEvaluations",
                json!({"applicationId": "nope"})
            )
            .await,
        "application_not_found"
    );
}
