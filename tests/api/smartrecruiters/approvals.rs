//! Job approval requests: pending lists, decisions, renewals and comments.

use super::job;
use crate::helpers::{assert_sr_error, spawn_app};
use reqwest::Method;
use serde_json::json;

const API: &str = "/approvals-api/v201910/approvals";

#[tokio::test]
async fn approvers_decide_pending_requests_once() {
    let app = spawn_app().await;
    let (admin, extended, standard) = (app.sr("admin"), app.sr("extended"), app.sr("standard"));
    let pending = extended.get(&format!("{API}/pending")).await;
    assert_eq!(
        pending.body["content"][0]["id"], "apr-1",
        "{}",
        pending.body
    );
    assert_eq!(
        admin.get(&format!("{API}/pending")).await.body["totalFound"],
        0,
        "already approved"
    );
    assert_sr_error(
        &standard
            .call(Method::POST, &format!("{API}/apr-1/approve"), None)
            .await,
        403,
        "FORBIDDEN",
        Some("approver"),
    );
    assert_sr_error(
        &admin
            .call(Method::POST, &format!("{API}/apr-1/approve"), None)
            .await,
        409,
        "CONFLICT",
        None,
    );
    let approved = extended
        .call(Method::POST, &format!("{API}/apr-1/approve"), None)
        .await;
    assert_eq!(
        (approved.status.as_u16(), approved.body["status"].as_str()),
        (200, Some("APPROVED"))
    );
    assert_eq!(
        admin
            .get(&format!("/jobs/{}/approvals/latest", job(1)))
            .await
            .body["status"],
        "APPROVED"
    );
    assert_sr_error(
        &extended
            .call(Method::POST, &format!("{API}/apr-1/reject"), None)
            .await,
        409,
        "CONFLICT",
        Some("decided"),
    );
    // A new request based on it; a rejection is final.
    assert_sr_error(
        &admin.post(API, json!({"approvalId": "nope"})).await,
        404,
        "NOT_FOUND",
        None,
    );
    let renewed = admin.post(API, json!({"approvalId": "apr-1"})).await;
    assert_eq!(
        (renewed.status.as_u16(), renewed.body["status"].as_str()),
        (201, Some("PENDING"))
    );
    let id = renewed.body["id"].as_str().unwrap().to_owned();
    assert_sr_error(
        &admin.post(API, json!({"approvalId": "apr-1"})).await,
        409,
        "CONFLICT",
        Some("pending"),
    );
    assert_sr_error(
        &app.sr("restricted")
            .post(API, json!({"approvalId": "apr-2"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
    let rejected = admin
        .call(Method::POST, &format!("{API}/{id}/reject"), None)
        .await;
    assert_eq!(rejected.body["status"], "REJECTED");
    assert_sr_error(
        &extended
            .call(Method::POST, &format!("{API}/{id}/approve"), None)
            .await,
        409,
        "CONFLICT",
        None,
    );
    assert_eq!(
        admin
            .get(&format!("/jobs/{}/approvals/latest", job(1)))
            .await
            .body["id"],
        id.as_str()
    );
    assert_sr_error(
        &admin.get(&format!("{API}/nope")).await,
        404,
        "NOT_FOUND",
        None,
    );
}

#[tokio::test]
async fn comments_on_requests() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let path = format!("{API}/apr-2/comments");
    let made = sr.post(&path, json!({"text": "Budget confirmed."})).await;
    assert_eq!(
        (made.status.as_u16(), made.body["authorId"].as_str()),
        (201, Some("5f0000000000000000000003"))
    );
    assert_sr_error(
        &sr.post(&path, json!({"text": "  "})).await,
        400,
        "INVALID_FIELD",
        Some("text"),
    );
    assert_sr_error(
        &sr.post(&path, json!({})).await,
        400,
        "MISSING_FIELD",
        Some("text"),
    );
    let list = sr.get(&path).await;
    assert_eq!(
        (
            list.body["totalFound"].as_u64(),
            list.body["content"][0]["text"].as_str()
        ),
        (Some(1), Some("Budget confirmed."))
    );
}
