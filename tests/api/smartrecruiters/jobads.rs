//! Job ads, their postings, and the job's publication.

use super::job;
use crate::helpers::{assert_sr_error, spawn_app, Sr};
use serde_json::json;

#[tokio::test]
async fn publishing_follows_the_job_status_and_sets_the_posting_status() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let posting = |sr: Sr, n: u32| async move {
        sr.get(&format!("/jobs/{}", job(n))).await.body["postingStatus"].clone()
    };
    // A CREATED job has no ad; publishing makes the default one and starts sourcing.
    assert_eq!(
        sr.get(&format!("/jobs/{}/publication", job(1))).await.body["totalFound"],
        0
    );
    assert_eq!(
        sr.call(
            reqwest::Method::POST,
            &format!("/jobs/{}/publication", job(1)),
            None
        )
        .await
        .status,
        204
    );
    let published = sr.get(&format!("/jobs/{}", job(1))).await;
    assert_eq!(
        (
            published.body["status"].as_str(),
            published.body["postingStatus"].as_str()
        ),
        (Some("SOURCING"), Some("PUBLIC"))
    );
    assert_eq!(
        sr.get(&format!("/jobs/{}/jobads", job(1))).await.body["content"][0]["title"],
        "Data Analyst"
    );
    // FILLED, CANCELLED and ON_HOLD jobs are not published.
    for closed in [5, 6, 7] {
        let refused = sr
            .post(&format!("/jobs/{}/publication", job(closed)), json!({}))
            .await;
        assert_sr_error(
            &refused,
            400,
            "INVALID_STATUS_CHANGE",
            Some("only while it is open"),
        );
    }
    // Internal only, then unpublished.
    assert_eq!(
        sr.post(
            &format!("/jobs/{}/publication", job(2)),
            json!({"visibility": "INTERNAL"})
        )
        .await
        .status,
        204
    );
    assert_eq!(posting(sr.clone(), 2).await, "INTERNAL");
    assert_eq!(
        sr.delete(&format!("/jobs/{}/publication", job(2)))
            .await
            .status,
        204
    );
    assert_eq!(posting(sr.clone(), 2).await, "NOT_PUBLISHED");
    assert_sr_error(
        &sr.delete(&format!("/jobs/{}/publication", job(2))).await,
        409,
        "CONFLICT",
        None,
    );
    let history = sr.get(&format!("/jobs/{}/publication", job(2))).await;
    assert_eq!(
        history.body["totalFound"], 2,
        "the public posting, then the internal one"
    );
    assert_eq!(
        sr.get(&format!("/jobs/{}/publication?activeOnly=true", job(2)))
            .await
            .body["totalFound"],
        0
    );
    assert_sr_error(
        &sr.get(&format!("/jobs/{}/publication?activeOnly=maybe", job(2)))
            .await,
        400,
        "INVALID_FIELD",
        Some("activeOnly"),
    );
    assert_sr_error(
        &sr.post(
            &format!("/jobs/{}/publication", job(2)),
            json!({"visibility": "PRIVATE"}),
        )
        .await,
        400,
        "INVALID_FIELD",
        Some("visibility"),
    );
    assert_sr_error(
        &app.sr("restricted")
            .post(&format!("/jobs/{}/publication", job(2)), json!({}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
}

#[tokio::test]
async fn job_ads_are_created_updated_and_published_one_by_one() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let ads = format!("/jobs/{}/jobads", job(3));
    let made = sr.post(&ads, json!({"title": "Designer (German)", "language": {"code": "de"}, "jobAd": {"sections": {}}})).await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(
        (
            made.body["language"]["code"].as_str(),
            made.body["postingStatus"].as_str()
        ),
        (Some("de"), Some("NOT_PUBLISHED"))
    );
    let id = made.body["id"].as_str().unwrap().to_owned();
    assert_sr_error(
        &sr.post(&ads, json!({"title": " "})).await,
        400,
        "INVALID_FIELD",
        Some("title"),
    );
    assert_sr_error(
        &sr.post(&ads, json!({})).await,
        400,
        "MISSING_FIELD",
        Some("title"),
    );
    let updated = sr
        .put(&format!("{ads}/{id}"), json!({"title": "Produktdesigner"}))
        .await;
    assert_eq!(updated.body["title"], "Produktdesigner");
    let postings = format!("{ads}/{id}/postings");
    let published = sr.post(&postings, json!({})).await;
    assert_eq!(published.status, 202, "{}", published.body);
    assert_eq!(
        sr.get(&format!("{ads}/{id}")).await.body["postingStatus"],
        "PUBLIC"
    );
    assert_eq!(
        sr.get(&postings).await.body["content"][0]["status"],
        "ACTIVE"
    );
    assert_eq!(sr.delete(&postings).await.status, 202);
    assert_eq!(
        sr.get(&postings).await.body["content"][0]["status"],
        "INACTIVE"
    );
    // The default ad is still live, so the job stays PUBLIC.
    assert_eq!(
        sr.get(&format!("/jobs/{}", job(3))).await.body["postingStatus"],
        "PUBLIC"
    );
    assert_eq!(Sr::ids(&sr.get(&ads).await).len(), 2);
    assert_sr_error(
        &sr.get(&format!("{ads}/nope")).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(
        &app.sr("employee").post(&ads, json!({"title": "x"})).await,
        403,
        "FORBIDDEN",
        None,
    );
}
