//! Jobs: create, update (PUT and JSON Patch), the status transition table, search, positions,
//! hiring team, note and approvals.

use super::{job, job_input, user};
use crate::helpers::{assert_sr_error, spawn_app, Sr};
use serde_json::json;

#[tokio::test]
async fn jobs_are_created_and_updated_by_standard_users_and_up() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let made = sr.post("/jobs", job_input("Rust Engineer")).await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(
        (
            made.body["status"].as_str(),
            made.body["postingStatus"].as_str()
        ),
        (Some("CREATED"), Some("NOT_PUBLISHED"))
    );
    assert_eq!(made.body["creator"]["id"], user(3));
    assert_eq!(
        made.body["department"],
        json!({"id": "dep-engineering", "label": "Engineering"})
    );
    let id = made.body["id"].as_str().unwrap().to_owned();
    let team = sr.get(&format!("/jobs/{id}/hiring-team")).await;
    assert_eq!(
        team.body["content"][0]["role"], "RECRUITER",
        "the creator recruits"
    );
    assert_sr_error(
        &app.sr("employee").post("/jobs", job_input("No")).await,
        403,
        "FORBIDDEN",
        Some("STANDARD"),
    );
    assert_sr_error(
        &app.sr("restricted")
            .put(&format!("/jobs/{id}"), job_input("No"))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
    let mut missing = job_input("x");
    missing.as_object_mut().unwrap().remove("industry");
    assert_sr_error(
        &sr.post("/jobs", missing).await,
        400,
        "MISSING_FIELD",
        Some("industry"),
    );
    let mut bad_department = job_input("x");
    bad_department["department"] = json!({"id": "nope"});
    assert_sr_error(
        &sr.post("/jobs", bad_department).await,
        400,
        "INVALID_FIELD",
        Some("department.id"),
    );
    assert_sr_error(
        &sr.post("/jobs", job_input("  ")).await,
        400,
        "INVALID_FIELD",
        Some("title"),
    );

    let mut replaced = job_input("Senior Rust Engineer");
    replaced["refNumber"] = json!("R-9");
    let put = sr.put(&format!("/jobs/{id}"), replaced).await;
    assert_eq!(
        (put.body["title"].as_str(), put.body["refNumber"].as_str()),
        (Some("Senior Rust Engineer"), Some("R-9"))
    );
    let patched = sr
        .patch(
            &format!("/jobs/{id}"),
            json!([
                {"op": "replace", "path": "/title", "value": "Staff Rust Engineer"},
                {"op": "remove", "path": "/refNumber"},
                {"op": "add", "path": "/targetHiringDate", "value": "2026-09-01"},
            ]),
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(
        (
            patched.body["title"].as_str(),
            patched.body["targetHiringDate"].as_str()
        ),
        (Some("Staff Rust Engineer"), Some("2026-09-01"))
    );
    assert!(patched.body["refNumber"].is_null());
    let refused = sr
        .patch(
            &format!("/jobs/{id}"),
            json!([{"op": "replace", "path": "/title", "value": ""}]),
        )
        .await;
    assert_sr_error(&refused, 400, "INVALID_FIELD", Some("title"));
    assert_sr_error(
        &sr.patch(
            &format!("/jobs/{id}"),
            json!([{"op": "replace", "path": "/nope", "value": 1}]),
        )
        .await,
        400,
        "INVALID_FIELD",
        None,
    );
    assert_sr_error(
        &sr.patch(&format!("/jobs/{id}"), json!({"op": "replace"}))
            .await,
        400,
        "INVALID_FIELD",
        None,
    );
    assert_eq!(
        sr.get(&format!("/jobs/{id}")).await.body["title"],
        "Staff Rust Engineer",
        "refusals change nothing"
    );
}

fn status(n: u32) -> String {
    format!("/jobs/{}/status", job(n))
}

#[tokio::test]
async fn job_status_follows_the_transition_table() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    assert_sr_error(
        &sr.put(&status(1), json!({"status": "FILLED"})).await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("CREATED"),
    );
    assert_sr_error(
        &sr.put(&status(1), json!({"status": "OTHER"})).await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("OTHER"),
    );
    assert_sr_error(
        &sr.put(&status(1), json!({"status": "OPEN"})).await,
        400,
        "INVALID_FIELD",
        Some("status"),
    );
    assert_sr_error(
        &sr.put(&status(2), json!({"status": "CREATED"})).await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("CREATED"),
    );
    assert_sr_error(
        &sr.put(&status(3), json!({"status": "SOURCING"})).await,
        400,
        "INVALID_STATUS_CHANGE",
        Some("INTERVIEW"),
    );
    let ok = sr.put(&status(1), json!({"status": "SOURCING"})).await;
    assert_eq!(
        (ok.status.as_u16(), ok.body.clone()),
        (200, json!({"status": "SOURCING"}))
    );
    assert_eq!(
        sr.put(&status(3), json!({"status": "ON_HOLD"}))
            .await
            .status,
        200
    );
    // Resuming from hold cannot go below the stage reached.
    assert_sr_error(
        &sr.put(&status(3), json!({"status": "SOURCING"})).await,
        400,
        "INVALID_STATUS_CHANGE",
        None,
    );
    assert_eq!(
        sr.put(&status(3), json!({"status": "INTERVIEW"}))
            .await
            .status,
        200
    );
    assert_eq!(
        sr.put(&status(5), json!({"status": "OFFER"})).await.status,
        200,
        "a filled job reopens"
    );
    assert_eq!(
        sr.put(&status(7), json!({"status": "SOURCING"}))
            .await
            .status,
        200,
        "a cancelled job reopens"
    );
    let history = sr.get(&format!("/jobs/{}/status/history", job(3))).await;
    let statuses: Vec<&str> = history.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["CREATED", "SOURCING", "INTERVIEW", "ON_HOLD", "INTERVIEW"]
    );
    assert_eq!(
        sr.put(&status(3), json!({"status": "INTERVIEW"}))
            .await
            .status,
        200
    );
    assert_eq!(
        sr.get(&format!("/jobs/{}/status/history", job(3)))
            .await
            .body["totalFound"],
        5,
        "no-op"
    );
    assert_sr_error(
        &app.sr("restricted")
            .put(&status(2), json!({"status": "ON_HOLD"}))
            .await,
        403,
        "FORBIDDEN",
        None,
    );
}

#[tokio::test]
async fn job_search_filters_and_pages() {
    let app = spawn_app().await;
    let sr = app.sr("employee");
    let all = sr.get("/jobs").await;
    assert_eq!(
        (all.body["totalFound"].as_u64(), all.body["limit"].as_u64()),
        (Some(7), Some(10))
    );
    assert!(all.body["nextPageId"].is_null());
    assert_eq!(
        Sr::ids(&sr.get("/jobs?status=FILLED&status=CANCELLED").await),
        vec![job(5), job(7)]
    );
    assert_eq!(Sr::ids(&sr.get("/jobs?q=designer").await), vec![job(3)]);
    assert_eq!(
        Sr::ids(&sr.get("/jobs?department=dep-sales").await),
        vec![job(4)]
    );
    assert_eq!(sr.get("/jobs?city=berlin").await.body["totalFound"], 3);
    assert_eq!(
        sr.get("/jobs?postingStatus=PUBLIC").await.body["totalFound"],
        3
    );
    assert_eq!(
        sr.get("/jobs?updatedAfter=2026-01-07").await.body["totalFound"],
        3
    );
    let page = sr
        .get("/jobs?limit=3&status=SOURCING&status=INTERVIEW&status=OFFER&status=CREATED")
        .await;
    assert_eq!(
        (Sr::ids(&page), page.body["totalFound"].as_u64()),
        (vec![job(1), job(2), job(3)], Some(4))
    );
    let rest = sr
        .get(&format!(
            "/jobs?limit=3&status=SOURCING&status=INTERVIEW&status=OFFER&status=CREATED&pageId={}",
            page.body["nextPageId"].as_str().unwrap()
        ))
        .await;
    assert_eq!(Sr::ids(&rest), vec![job(4)]);
    assert_sr_error(
        &sr.get("/jobs?status=OPEN").await,
        400,
        "INVALID_FIELD",
        Some("status"),
    );
}

#[tokio::test]
async fn positions_hiring_team_note_and_approvals() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let positions = format!("/jobs/{}/positions", job(2));
    assert_eq!(sr.get(&positions).await.body["totalFound"], 2);
    let made = sr
        .post(
            &positions,
            json!({"type": "NEW", "positionId": "P-1", "targetStartDate": "2026-07-01"}),
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let pid = made.body["id"].as_str().unwrap();
    assert_eq!(
        sr.get(&format!("{positions}/{pid}")).await.body["positionId"],
        "P-1"
    );
    assert_sr_error(
        &sr.post(&positions, json!({"type": "REPLACEMENT"})).await,
        400,
        "INVALID_FIELD",
        Some("incumbentName"),
    );
    assert_sr_error(
        &sr.post(&positions, json!({"type": "TEMP"})).await,
        400,
        "INVALID_FIELD",
        Some("type"),
    );
    let updated = sr
        .put(
            &format!("{positions}/{pid}"),
            json!({"type": "REPLACEMENT", "incumbentName": "Kim"}),
        )
        .await;
    assert_eq!(updated.body["incumbentName"], "Kim");
    assert_eq!(sr.delete(&format!("{positions}/{pid}")).await.status, 204);
    assert_sr_error(
        &sr.get(&format!("{positions}/{pid}")).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(sr.get(&positions).await.body["totalFound"], 2);

    let team = format!("/jobs/{}/hiring-team", job(2));
    let added = sr
        .post(&team, json!({"id": user(4), "role": "EXECUTIVE"}))
        .await;
    assert_eq!(
        (added.status.as_u16(), added.body["role"].as_str()),
        (201, Some("EXECUTIVE"))
    );
    assert_sr_error(
        &sr.post(&team, json!({"id": user(4), "role": "RECRUITER"}))
            .await,
        409,
        "CONFLICT",
        None,
    );
    assert_sr_error(
        &sr.post(&team, json!({"id": user(6), "role": "RECRUITER"}))
            .await,
        400,
        "INVALID_FIELD",
        Some("not active"),
    );
    assert_sr_error(
        &sr.post(&team, json!({"id": user(1), "role": "BOSS"})).await,
        400,
        "INVALID_FIELD",
        Some("role"),
    );
    assert_eq!(sr.get(&team).await.body["totalFound"], 4);
    assert_eq!(sr.delete(&format!("{team}/{}", user(4))).await.status, 204);
    assert_sr_error(
        &sr.delete(&format!("{team}/{}", user(4))).await,
        404,
        "NOT_FOUND",
        None,
    );

    let note = format!("/jobs/{}/note", job(2));
    assert_eq!(
        sr.get(&note).await.body["content"],
        "Hiring plan for Backend Engineer."
    );
    assert_eq!(
        sr.put(&note, json!({"content": "Updated"})).await.body,
        json!({"content": "Updated"})
    );
    assert_eq!(sr.get(&note).await.body["content"], "Updated");
    assert_sr_error(
        &app.sr("employee").put(&note, json!({"content": "x"})).await,
        403,
        "FORBIDDEN",
        None,
    );
    let pending = sr.get(&format!("/jobs/{}/approvals/latest", job(1))).await;
    assert_eq!(pending.body["status"], "PENDING");
    assert_eq!(pending.body["approvers"][1]["status"], "PENDING");
    assert_eq!(
        sr.get(&format!("/jobs/{}/approvals/latest", job(2)))
            .await
            .body["status"],
        "APPROVED"
    );
    let made = sr.post("/jobs", job_input("No approval")).await;
    let path = format!(
        "/jobs/{}/approvals/latest",
        made.body["id"].as_str().unwrap()
    );
    assert_sr_error(&sr.get(&path).await, 404, "NOT_FOUND", Some("approval"));
}
