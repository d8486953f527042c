//! Candidates: creation, search and pagination, PATCH, delete, tags, source, onboarding,
//! consent, screening answers and property values.

use super::{candidate, candidate_input, job};
use crate::helpers::{assert_sr_error, spawn_app, Sr};
use serde_json::json;

#[tokio::test]
async fn candidates_are_created_in_the_talent_pool_or_on_a_job() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let pool = sr.post("/candidates", json!({"firstName": " Pat ", "lastName": "Pool", "email": "pat@pool.io", "tags": ["a", "A", "b"]})).await;
    assert_eq!(pool.status, 201, "{}", pool.body);
    assert_eq!(pool.body["firstName"], "Pat");
    assert_eq!(
        pool.body["tags"],
        json!(["a", "b"]),
        "tags are deduplicated"
    );
    assert!(pool.body["primaryAssignment"].is_null());
    let id = pool.body["id"].as_str().unwrap();
    assert_eq!(sr.get(&format!("/candidates/{id}")).await.body, pool.body);

    let on_job = sr
        .post(
            &format!("/jobs/{}/candidates", job(1)),
            candidate_input("on@job.io"),
        )
        .await;
    assert_eq!(on_job.status, 201, "{}", on_job.body);
    assert_eq!(on_job.body["primaryAssignment"]["status"], "NEW");
    assert_eq!(on_job.body["primaryAssignment"]["job"]["id"], job(1));
    // The CREATED job moved to SOURCING, with a history row.
    let created_job = sr.get(&format!("/jobs/{}", job(1))).await;
    assert_eq!(created_job.body["status"], "SOURCING");
    let history = sr.get(&format!("/jobs/{}/status/history", job(1))).await;
    assert_eq!(
        history.body["content"].as_array().unwrap().last().unwrap()["status"],
        "SOURCING"
    );

    for closed in [5, 7] {
        let refused = sr
            .post(
                &format!("/jobs/{}/candidates", job(closed)),
                candidate_input("late@job.io"),
            )
            .await;
        assert_sr_error(
            &refused,
            400,
            "INVALID_STATUS_CHANGE",
            Some("cannot be added"),
        );
    }
    assert_sr_error(
        &sr.post("/jobs/nope/candidates", candidate_input("x@y.io"))
            .await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(
        &sr.post("/candidates", json!({"firstName": "A", "lastName": "B", "email": "a@b.io", "sourceDetails": {"sourceTypeId": "JOB_BOARD", "sourceId": "nope"}})).await,
        400,
        "INVALID_FIELD",
        Some("sourceDetails.sourceId"),
    );
    assert_sr_error(
        &app.sr("restricted")
            .post("/candidates", candidate_input("r@x.io"))
            .await,
        403,
        "FORBIDDEN",
        Some("STANDARD"),
    );
    assert_sr_error(
        &app.sr("employee").get("/candidates").await,
        403,
        "FORBIDDEN",
        None,
    );
}

#[tokio::test]
async fn search_filters_and_pages_with_page_ids() {
    let app = spawn_app().await;
    let sr = app.sr("restricted");
    let first = sr.get("/candidates?limit=4").await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(
        (
            first.body["limit"].as_u64(),
            first.body["offset"].as_u64(),
            first.body["totalFound"].as_u64()
        ),
        (Some(4), Some(0), Some(9))
    );
    let next = first.body["nextPageId"].as_str().unwrap().to_owned();
    let link = first.header("link").unwrap();
    assert!(
        link.ends_with(&format!("pageId={next}>; rel=\"next\"")) && link.contains("limit=4"),
        "{link}"
    );
    let second = sr.get(&format!("/candidates?limit=4&pageId={next}")).await;
    assert_eq!(second.body["offset"], 4);
    let third = sr
        .get(&format!(
            "/candidates?limit=4&pageId={}",
            second.body["nextPageId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(Sr::ids(&third), vec![candidate(9)]);
    assert!(third.body["nextPageId"].is_null() && third.body.get("nextPageId").is_some());
    assert!(third.header("link").is_none());
    let mut all: Vec<String> = [first, second, third].iter().flat_map(Sr::ids).collect();
    all.dedup();
    assert_eq!(all.len(), 9, "every candidate once");

    assert_eq!(
        Sr::ids(&sr.get("/candidates?q=otto").await),
        vec![candidate(5)]
    );
    assert_eq!(
        Sr::ids(&sr.get("/candidates?status=HIRED").await),
        vec![candidate(6)]
    );
    assert_eq!(
        Sr::ids(&sr.get("/candidates?status=REJECTED&status=WITHDRAWN").await),
        vec![candidate(7), candidate(8)]
    );
    assert_eq!(
        Sr::ids(
            &sr.get(&format!("/candidates?jobId={}&status=NEW", job(2)))
                .await
        ),
        vec![candidate(2), candidate(9)]
    );
    let on_job = sr
        .get(&format!("/candidates?jobId={}&limit=1", job(2)))
        .await;
    assert_eq!(
        (Sr::ids(&on_job), on_job.body["totalFound"].as_u64()),
        (vec![candidate(1)], Some(3))
    );
    let next = on_job.body["nextPageId"].as_str().unwrap();
    let rest = sr
        .get(&format!(
            "/candidates?jobId={}&limit=5&pageId={next}",
            job(2)
        ))
        .await;
    assert_eq!(Sr::ids(&rest), vec![candidate(2), candidate(9)]);
    assert_eq!(
        Sr::ids(
            &sr.get("/candidates?status=INTERVIEW&subStatus=Phone%20Screen")
                .await
        ),
        vec![candidate(4)]
    );
    assert_eq!(
        Sr::ids(&sr.get("/candidates?tag=RUST").await),
        vec![candidate(3)]
    );
    assert_eq!(
        sr.get("/candidates?updatedAfter=2030-01-01T00:00:00Z")
            .await
            .body["totalFound"],
        0
    );
    assert_sr_error(
        &sr.get("/candidates?subStatus=Onsite").await,
        400,
        "INVALID_FIELD",
        Some("subStatus"),
    );
    assert_sr_error(
        &sr.get("/candidates?status=OFFER").await,
        400,
        "INVALID_FIELD",
        Some("status"),
    );
}

#[tokio::test]
async fn patch_and_delete_leave_no_ghosts() {
    let app = spawn_app().await;
    let sr = app.sr("extended");
    let path = format!("/candidates/{}", candidate(4));
    let patched = sr
        .patch(
            &path,
            json!({"lastName": "Renamed", "phoneNumber": "+49 1"}),
        )
        .await;
    assert_eq!(
        (
            patched.body["lastName"].as_str(),
            patched.body["firstName"].as_str()
        ),
        (Some("Renamed"), Some("Ivy"))
    );
    assert_sr_error(
        &sr.patch(&path, json!({"email": "bad"})).await,
        400,
        "INVALID_FIELD",
        Some("email"),
    );
    assert_sr_error(
        &sr.patch(&path, json!({"firstName": 3})).await,
        400,
        "INVALID_FIELD",
        Some("firstName"),
    );
    assert_sr_error(
        &app.sr("standard").delete(&path).await,
        403,
        "FORBIDDEN",
        Some("EXTENDED"),
    );
    assert_eq!(sr.delete(&path).await.status, 204);
    assert_sr_error(&sr.get(&path).await, 404, "NOT_FOUND", None);
    assert_sr_error(
        &sr.get(&format!("{path}/jobs/{}", job(3))).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(&sr.delete(&path).await, 404, "NOT_FOUND", None);
    assert!(!Sr::ids(&sr.get("/candidates?limit=100").await).contains(&candidate(4)));
    assert!(
        Sr::ids(&sr.get(&format!("/candidates?jobId={}", job(3))).await)
            .iter()
            .all(|id| *id != candidate(4))
    );
    assert_eq!(sr.get("/candidates").await.body["totalFound"], 8);
    // An application alone can go too.
    let app_path = format!("/candidates/{}/jobs/{}", candidate(9), job(6));
    assert_eq!(sr.delete(&app_path).await.status, 204);
    assert_sr_error(&sr.get(&app_path).await, 404, "NOT_FOUND", None);
}

#[tokio::test]
async fn tags_add_replace_and_delete_as_the_verb_says() {
    let app = spawn_app().await;
    let sr = app.sr("restricted");
    let path = format!("/candidates/{}/tags", candidate(3));
    assert_eq!(sr.get(&path).await.body, json!({"tags": ["rust"]}));
    assert_eq!(
        sr.post(&path, json!({"tags": ["go", "Rust"]})).await.body,
        json!({"tags": ["rust", "go"]})
    );
    assert_eq!(
        sr.put(&path, json!({"tags": ["only"]})).await.body,
        json!({"tags": ["only"]})
    );
    assert_sr_error(
        &sr.put(&path, json!({"tags": [" "]})).await,
        400,
        "INVALID_FIELD",
        Some("tags[0]"),
    );
    assert_sr_error(
        &sr.put(&path, json!({})).await,
        400,
        "MISSING_FIELD",
        Some("tags"),
    );
    assert_eq!(sr.delete(&path).await.status, 204);
    assert_eq!(sr.get(&path).await.body, json!({"tags": []}));
    assert_sr_error(&app.sr("employee").get(&path).await, 403, "FORBIDDEN", None);
}

#[tokio::test]
async fn source_onboarding_consent_and_screening() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let base = format!("/candidates/{}/jobs/{}", candidate(6), job(5));
    assert_eq!(
        sr.put(
            &format!("{base}/source"),
            json!({"sourceTypeId": "REFERRAL", "sourceId": "src-referral"})
        )
        .await
        .status,
        204
    );
    assert_eq!(
        sr.get(&base).await.body["source"]["sourceId"],
        "src-referral"
    );
    assert_sr_error(
        &sr.put(
            &format!("{base}/source"),
            json!({"sourceTypeId": "JOB_BOARD", "sourceId": "src-referral"}),
        )
        .await,
        400,
        "INVALID_FIELD",
        None,
    );
    assert_eq!(
        sr.get(&format!("{base}/onboardingStatus")).await.body,
        json!({"onboardingStatus": "READY_TO_ONBOARD"})
    );
    assert_eq!(
        sr.put(
            &format!("{base}/onboardingStatus"),
            json!({"onboardingStatus": "ONBOARDING_SUCCESSFUL"})
        )
        .await
        .status,
        204
    );
    assert_eq!(
        sr.get(&format!("/candidates/{}/onboardingStatus", candidate(6)))
            .await
            .body["onboardingStatus"],
        "ONBOARDING_SUCCESSFUL"
    );
    assert_eq!(
        Sr::ids(
            &sr.get("/candidates?onboardingStatus=ONBOARDING_SUCCESSFUL")
                .await
        ),
        vec![candidate(6)]
    );
    let not_hired = format!(
        "/candidates/{}/jobs/{}/onboardingStatus",
        candidate(2),
        job(2)
    );
    assert_sr_error(
        &sr.put(&not_hired, json!({"onboardingStatus": "READY_TO_ONBOARD"}))
            .await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("HIRED"),
    );
    assert_sr_error(
        &sr.put(&not_hired, json!({"onboardingStatus": "DONE"}))
            .await,
        400,
        "INVALID_FIELD",
        Some("onboardingStatus"),
    );
    assert_eq!(
        sr.get(&format!("/candidates/{}/consent", candidate(6)))
            .await
            .body["status"],
        "ACQUIRED"
    );
    let answers = sr.get(&format!("{base}/screening-answers")).await;
    assert_eq!(answers.body["content"][0]["questionId"], "q-authorized");
    let made = sr
        .post(
            &format!("/jobs/{}/candidates", job(2)),
            super::candidate_input("fresh@x.io"),
        )
        .await;
    let fresh = format!(
        "/candidates/{}/jobs/{}/screening-answers",
        made.body["id"].as_str().unwrap(),
        job(2)
    );
    assert_eq!(sr.get(&fresh).await.body, json!({"content": []}));
    assert_sr_error(
        &sr.get(&format!(
            "/candidates/{}/jobs/{}/screening-answers",
            candidate(6),
            job(1)
        ))
        .await,
        404,
        "NOT_FOUND",
        None,
    );
}

#[tokio::test]
async fn candidate_property_values_per_application() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let base = format!("/candidates/{}/jobs/{}/properties", candidate(2), job(2));
    let empty = sr.get(&base).await;
    assert_eq!(
        empty.body["content"][0],
        json!({"id": "cp-notice", "label": "Notice period", "type": "SINGLE_SELECT", "value": null})
    );
    assert_eq!(
        sr.put(&format!("{base}/cp-notice"), json!({"value": "n-30"}))
            .await
            .status,
        204
    );
    assert_sr_error(
        &sr.put(&format!("{base}/cp-notice"), json!({"value": "n-99"}))
            .await,
        400,
        "INVALID_FIELD",
        Some("value"),
    );
    assert_sr_error(
        &sr.put(&format!("{base}/nope"), json!({"value": 1})).await,
        404,
        "NOT_FOUND",
        None,
    );
    // A batch is all or none.
    let batch = json!([{"id": "cp-salary", "value": {"code": "EUR", "value": 70000}}, {"id": "cp-notice", "value": 3}]);
    assert_sr_error(
        &sr.put(&base, batch).await,
        400,
        "INVALID_FIELD",
        Some("cp-notice"),
    );
    assert!(sr.get(&base).await.body["content"][1]["value"].is_null());
    let batch = json!([{"id": "cp-salary", "value": {"code": "EUR", "value": 70000}}, {"id": "cp-notice", "value": "n-0"}]);
    assert_eq!(sr.put(&base, batch).await.status, 204);
    let set = sr.get(&base).await;
    assert_eq!(
        (
            set.body["content"][0]["value"].clone(),
            set.body["content"][1]["value"]["code"].clone()
        ),
        (json!("n-0"), json!("EUR"))
    );
    assert_sr_error(
        &app.sr("restricted")
            .put(&format!("{base}/cp-notice"), json!({"value": "n-0"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
    assert_sr_error(
        &sr.put(
            &format!(
                "/candidates/{}/jobs/{}/properties/cp-notice",
                candidate(2),
                job(3)
            ),
            json!({"value": "n-0"}),
        )
        .await,
        404,
        "NOT_FOUND",
        None,
    );
}
