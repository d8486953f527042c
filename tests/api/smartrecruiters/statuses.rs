//! Candidate status per job: the rules, the history, the primary assignment and the job's
//! automatic moves.

use super::{candidate, candidate_input, job};
use crate::helpers::{assert_sr_error, spawn_app, Sr};
use serde_json::json;

fn status_path(c: u32, j: u32) -> String {
    format!("/candidates/{}/jobs/{}/status", candidate(c), job(j))
}

#[tokio::test]
async fn status_changes_follow_the_rules_and_are_recorded() {
    let app = spawn_app().await;
    let sr = app.sr("restricted");
    // REJECTED needs a known rejection reason, WITHDRAWN a withdrawal reason; `subStatus` only
    // with `status` and from the hiring process; no TRANSFERRED, no way back to LEAD.
    let refusals = [
        (
            json!({"status": "REJECTED"}),
            400,
            "INVALID_FIELD",
            Some("reason"),
        ),
        (
            json!({"status": "REJECTED", "reason": "wr-1"}),
            400,
            "INVALID_FIELD",
            Some("rejection reason"),
        ),
        (
            json!({"status": "WITHDRAWN", "reason": "rr-1"}),
            400,
            "INVALID_FIELD",
            Some("withdrawal reason"),
        ),
        (
            json!({"status": "INTERVIEW", "reason": "rr-1"}),
            400,
            "INVALID_FIELD",
            Some("reason"),
        ),
        (
            json!({"subStatus": "Onsite"}),
            400,
            "MISSING_FIELD",
            Some("status"),
        ),
        (
            json!({"status": "INTERVIEW", "subStatus": "Lunch"}),
            400,
            "INVALID_FIELD",
            Some("subStatus"),
        ),
        (
            json!({"status": "TRANSFERRED"}),
            400,
            "INVALID_STATUS_CHANGE",
            None,
        ),
        (
            json!({"status": "NEXT"}),
            400,
            "INVALID_FIELD",
            Some("status"),
        ),
        (
            json!({"status": "LEAD"}),
            400,
            "INVALID_STATUS_CHANGE",
            Some("LEAD"),
        ),
        (
            json!({"status": "INTERVIEW", "startsOn": "2026-05-01"}),
            400,
            "INVALID_FIELD",
            Some("startsOn"),
        ),
    ];
    for (body, status, code, mentions) in refusals {
        assert_sr_error(
            &sr.put(&status_path(3, 3), body).await,
            status,
            code,
            mentions,
        );
    }
    assert_sr_error(
        &sr.put(&status_path(3, 4), json!({"status": "NEW"})).await,
        404,
        "NOT_FOUND",
        None,
    );
    let history = format!(
        "/candidates/{}/jobs/{}/status/history",
        candidate(3),
        job(3)
    );
    assert_eq!(
        sr.get(&history).await.body["totalFound"],
        2,
        "refusals changed nothing"
    );

    assert_eq!(
        sr.put(
            &status_path(3, 3),
            json!({"status": "INTERVIEW", "subStatus": "Onsite"})
        )
        .await
        .status,
        204
    );
    assert_eq!(
        sr.put(
            &status_path(3, 3),
            json!({"status": "REJECTED", "reason": "rr-2"})
        )
        .await
        .status,
        204
    );
    let rows = sr.get(&history).await.body["content"].clone();
    let statuses: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["NEW", "IN_REVIEW", "INTERVIEW", "REJECTED"]);
    assert_eq!(rows[2]["subStatus"], "Onsite");
    let application = sr
        .get(&format!("/candidates/{}/jobs/{}", candidate(3), job(3)))
        .await;
    assert_eq!(
        application.body["reasonOfRejection"],
        json!({"id": "rr-2", "label": "Position filled"})
    );
    // Setting the same status again is a no-op.
    assert_eq!(
        sr.put(
            &status_path(3, 3),
            json!({"status": "REJECTED", "reason": "rr-2"})
        )
        .await
        .status,
        204
    );
    assert_eq!(sr.get(&history).await.body["totalFound"], 4);

    // A LEAD is converted before it moves on.
    assert_sr_error(
        &sr.put(&status_path(1, 2), json!({"status": "INTERVIEW"}))
            .await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("converted"),
    );
    assert_eq!(
        sr.put(&status_path(1, 2), json!({"status": "NEW"}))
            .await
            .status,
        204
    );
    assert_eq!(
        sr.put(&status_path(1, 2), json!({"status": "IN_REVIEW"}))
            .await
            .status,
        204
    );
    assert_sr_error(
        &app.sr("employee")
            .put(&status_path(1, 2), json!({"status": "NEW"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
}

#[tokio::test]
async fn candidates_reaching_interview_or_offer_move_their_job_up() {
    let app = spawn_app().await;
    let sr = app.sr("restricted");
    let job_status = |sr: Sr, n| async move {
        sr.get(&format!("/jobs/{}", job(n))).await.body["status"].clone()
    };
    assert_eq!(job_status(sr.clone(), 2).await, "SOURCING");
    assert_eq!(
        sr.put(&status_path(2, 2), json!({"status": "INTERVIEW"}))
            .await
            .status,
        204
    );
    assert_eq!(job_status(sr.clone(), 2).await, "INTERVIEW");
    assert_eq!(
        sr.put(&status_path(2, 2), json!({"status": "OFFERED"}))
            .await
            .status,
        204
    );
    assert_eq!(job_status(sr.clone(), 2).await, "OFFER");
    // ...and the job stays there when the candidate is rejected.
    assert_eq!(
        sr.put(
            &status_path(2, 2),
            json!({"status": "REJECTED", "reason": "rr-1"})
        )
        .await
        .status,
        204
    );
    assert_eq!(job_status(sr.clone(), 2).await, "OFFER");
    // A job past a stage does not move back when another candidate reaches it.
    assert_eq!(
        sr.put(&status_path(9, 2), json!({"status": "INTERVIEW"}))
            .await
            .status,
        204
    );
    let history = sr.get(&format!("/jobs/{}/status/history", job(2))).await;
    let statuses: Vec<&str> = history.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["CREATED", "SOURCING", "INTERVIEW", "OFFER"]);
}

#[tokio::test]
async fn the_primary_assignment_takes_status_and_history_calls() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let c9 = format!("/candidates/{}", candidate(9));
    let got = sr.get(&c9).await;
    assert_eq!(got.body["primaryAssignment"]["job"]["id"], job(2));
    assert_eq!(got.body["secondaryAssignments"][0]["status"], "TRANSFERRED");
    assert_eq!(
        sr.put(&format!("{c9}/status"), json!({"status": "IN_REVIEW"}))
            .await
            .status,
        204
    );
    let history = sr.get(&format!("{c9}/status/history")).await;
    assert_eq!(history.body["content"][1]["status"], "IN_REVIEW");
    let pool = sr.post("/candidates", candidate_input("pool@x.io")).await;
    let id = pool.body["id"].as_str().unwrap();
    assert_sr_error(
        &sr.put(
            &format!("/candidates/{id}/status"),
            json!({"status": "NEW"}),
        )
        .await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("primary"),
    );
}
