//! `/v2/requests` and their flow; `/v2/request-matches`.

use crate::helpers::{assert_problem, spawn_app, Pandape};
use serde_json::{json, Value};

fn request() -> Value {
    json!({"Job": "Analista de Dados", "IdCategory1": 101, "NumberVacancies": 1, "IdRequestReason": 701,
           "ExternalCode": "EXT-900", "isConfidential": false,
           "CustomFields": [{"IdRequestField": 1, "Value": "802"}, {"IdRequestField": 2, "Value": "15000"}]})
}

fn status(to: &str) -> Value {
    json!({"Status": to})
}

#[tokio::test]
async fn creating_a_request_needs_the_flag_and_the_required_custom_fields() {
    let app = spawn_app().await;
    let requisitor = app.pandape("requisitor").await;
    let created = requisitor.post("/v2/requests", request()).await;
    assert_eq!(created.status, 200, "{}", created.body);
    assert_eq!(created.body["status"], "Draft");
    assert_eq!(created.body["idUser"], 8);
    assert_eq!(
        created.body["customFields"][0],
        json!({"idRequestField": 1, "value": "802"})
    );

    assert_problem(
        &app.pandape("recruiter2")
            .await
            .post("/v2/requests", request())
            .await,
        403,
        None,
    );
    let mut no_cost_center = request();
    no_cost_center["CustomFields"] = json!([]);
    assert_problem(
        &requisitor.post("/v2/requests", no_cost_center).await,
        400,
        Some("CustomFields"),
    );
    let mut bad_values = request();
    bad_values["CustomFields"] = json!([{"IdRequestField": 1, "Value": "101"}, {"IdRequestField": 2, "Value": "lots"}, {"IdRequestField": 9, "Value": "x"}]);
    let reply = requisitor.post("/v2/requests", bad_values).await;
    for field in [
        "CustomFields[0].Value",
        "CustomFields[1].Value",
        "CustomFields[2].IdRequestField",
    ] {
        assert_problem(&reply, 400, Some(field));
    }
    assert_problem(
        &requisitor
            .post("/v2/requests", json!({"NumberVacancies": 1}))
            .await,
        400,
        Some("Job"),
    );
}

#[tokio::test]
async fn a_request_travels_its_flow_with_the_right_flags() {
    let app = spawn_app().await;
    let requisitor = app.pandape("requisitor").await;
    let manager = app.pandape("manager").await; // request manager, change flow, override; no prime
    let supervisor = app.pandape("supervisor").await; // request manager with prime
    let id = requisitor.post("/v2/requests", request()).await.body["id"]
        .as_u64()
        .unwrap();
    let path = format!("/v2/requests/{id}/status");

    assert_problem(
        &requisitor.put(&path, status("Approved")).await,
        400,
        Some("Status"),
    );
    assert_eq!(
        requisitor.put(&path, status("PendingApproval")).await.body["status"],
        "PendingApproval"
    );
    assert_problem(&requisitor.put(&path, status("Approved")).await, 403, None);
    // A request manager without IsAllowedToPrime records an approval; the request waits.
    let waiting = manager.put(&path, status("Approved")).await;
    assert_eq!(waiting.status, 200, "{}", waiting.body);
    assert_eq!(waiting.body["status"], "PendingApproval");
    assert_eq!(waiting.body["approvals"][0]["isFinal"], false);
    // The final approval comes from a user with IsAllowedToPrime.
    let approved = supervisor.put(&path, status("Approved")).await;
    assert_eq!(approved.body["status"], "Approved");
    assert_eq!(approved.body["approvals"][1]["idUser"], 2);
    assert_problem(
        &manager.put(&path, json!({"Status": "Assigned"})).await,
        400,
        Some("IdRecruiter"),
    );
    assert_problem(
        &manager
            .put(&path, json!({"Status": "Assigned", "IdRecruiter": 8}))
            .await,
        400,
        Some("IdRecruiter"),
    );
    let assigned = manager
        .put(
            &path,
            json!({"Status": "Assigned", "IdRecruiter": 5, "Comment": "Rita takes it"}),
        )
        .await;
    assert_eq!(assigned.body["status"], "Assigned");
    assert_eq!(assigned.body["idRecruiter"], 5);
    // Moving the flow along needs IsAllowedToChangeRequestFlow.
    assert_problem(&supervisor.put(&path, status("InProcess")).await, 403, None);
    assert_eq!(
        manager.put(&path, status("InProcess")).await.body["status"],
        "InProcess"
    );
    assert_problem(
        &manager.put(&path, status("Draft")).await,
        400,
        Some("Status"),
    );
    for next in ["Completed", "Filed", "Archived"] {
        assert_eq!(manager.put(&path, status(next)).await.body["status"], next);
    }
    let history: Vec<String> = manager.get(&format!("/v2/requests/{id}")).await.body
        ["statusHistory"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        history,
        [
            "Draft",
            "PendingApproval",
            "Approved",
            "Assigned",
            "InProcess",
            "Completed",
            "Filed",
            "Archived"
        ]
    );
    assert_problem(
        &manager.put(&path, status("Bogus")).await,
        400,
        Some("$.Status"),
    );
}

#[tokio::test]
async fn overriding_a_decision_needs_its_flag() {
    let app = spawn_app().await;
    // Request 5 was denied.
    assert_problem(
        &app.pandape("supervisor")
            .await
            .put("/v2/requests/5/status", status("Approved"))
            .await,
        403,
        None,
    );
    let overridden = app
        .pandape("manager")
        .await
        .put("/v2/requests/5/status", status("Approved"))
        .await;
    assert_eq!(overridden.status, 200, "{}", overridden.body);
    assert_eq!(overridden.body["status"], "Approved");
}

#[tokio::test]
async fn requests_are_visible_to_those_involved() {
    let app = spawn_app().await;
    let recruiter2 = app.pandape("recruiter2").await;
    assert_problem(&recruiter2.get("/v2/requests/7").await, 404, None);
    assert_eq!(
        app.pandape("manager")
            .await
            .get("/v2/requests/7")
            .await
            .status,
        200
    );
    assert_eq!(
        Pandape::page_ids(&app.pandape("requisitor").await.get("/v2/requests").await),
        [1, 2, 3, 5, 6]
    );
    assert_eq!(
        Pandape::page_ids(&app.pandape("recruiter").await.get("/v2/requests").await),
        [3]
    );
    assert_eq!(
        Pandape::page_ids(&recruiter2.get("/v2/requests").await),
        Vec::<u64>::new()
    );
    assert_problem(
        &recruiter2
            .put("/v2/requests/7/status", status("Canceled"))
            .await,
        404,
        None,
    );
}

#[tokio::test]
async fn candidates_are_matched_to_requests_in_progress() {
    let app = spawn_app().await;
    let recruiter = app.pandape("recruiter").await;
    let candidate = json!({"IdRequest": 3, "Name": "Carla", "Surname": "Dias", "Email": "carla.dias@mail.com.br"});
    let created = recruiter
        .post("/v2/request-matches", candidate.clone())
        .await;
    assert_eq!(created.status, 200, "{}", created.body);
    assert_eq!(created.body["idVacancy"], 1);
    assert_eq!(created.body["candidate"]["email"], "carla.dias@mail.com.br");
    let id = created.body["id"].as_u64().unwrap();
    assert_eq!(
        recruiter
            .get(&format!("/v2/request-matches/{id}"))
            .await
            .body,
        created.body
    );
    assert_problem(
        &recruiter.post("/v2/request-matches", candidate).await,
        400,
        Some("Email"),
    );
    let draft = json!({"IdRequest": 1, "Name": "A", "Surname": "B", "Email": "a@b.io"});
    assert_problem(
        &app.pandape("admin")
            .await
            .post("/v2/request-matches", draft)
            .await,
        400,
        Some("IdRequest"),
    );
    assert_problem(
        &recruiter
            .post("/v2/request-matches", json!({"Name": "A"}))
            .await,
        400,
        Some("IdRequest"),
    );
    assert_problem(
        &app.pandape("interviewer")
            .await
            .post("/v2/request-matches", json!({"IdRequest": 3}))
            .await,
        403,
        None,
    );
    assert_problem(
        &app.pandape("recruiter2")
            .await
            .get("/v2/request-matches/1")
            .await,
        404,
        None,
    );
}
