//! `/v2/vacancies`: who may create, see and publish.

use crate::helpers::{assert_problem, spawn_app, Pandape};
use serde_json::{json, Value};

fn vacancy(publish: bool) -> Value {
    json!({"Job": "Engenheiro de Software", "Description": "Backend em Rust.", "IdCategory1": 101,
           "IdLocation1": 302, "IdContractWorkType": 402, "NumberVacancies": 2, "SalaryMin": "9000",
           "SalaryMax": "12000", "VacancyLocationType": "0 - CompanyAddress", "Publish": publish})
}

#[tokio::test]
async fn publishing_needs_is_allowed_to_publish() {
    let app = spawn_app().await;
    let recruiter = app.pandape("recruiter").await; // may publish
    let published = recruiter.post("/v2/vacancies", vacancy(true)).await;
    assert_eq!(published.status, 200, "{}", published.body);
    assert_eq!(published.body["status"], "Published");
    assert_eq!(published.body["idUser"], 4);
    assert!(published.body["publishedAt"].is_string());

    let no_flag = app.pandape("recruiter2").await;
    assert_problem(
        &no_flag.post("/v2/vacancies", vacancy(true)).await,
        403,
        None,
    );
    let draft = no_flag.post("/v2/vacancies", vacancy(false)).await;
    assert_eq!(draft.body["status"], "Draft");
    let id = draft.body["id"].as_u64().unwrap();
    let refused = no_flag
        .post(&format!("/v2/vacancies/{id}/publish"), json!({}))
        .await;
    assert_problem(&refused, 403, None);
    assert!(refused.body["detail"]
        .as_str()
        .unwrap()
        .contains("IsAllowedToPublish"));
    let admin = app.pandape("admin").await;
    let now_published = admin
        .post(&format!("/v2/vacancies/{id}/publish"), json!({}))
        .await;
    assert_eq!(now_published.body["status"], "Published");
}

#[tokio::test]
async fn roles_decide_who_creates_and_sees_vacancies() {
    let app = spawn_app().await;
    for who in ["interviewer", "contributor", "requisitor"] {
        assert_problem(
            &app.pandape(who)
                .await
                .post("/v2/vacancies", vacancy(false))
                .await,
            403,
            None,
        );
    }
    assert_problem(
        &app.pandape("requisitor").await.get("/v2/vacancies").await,
        403,
        None,
    );
    assert_eq!(
        Pandape::page_ids(&app.pandape("supervisor").await.get("/v2/vacancies").await),
        [1, 2, 3, 4]
    );
    assert_eq!(
        Pandape::page_ids(&app.pandape("recruiter").await.get("/v2/vacancies").await),
        [1, 4]
    );
    assert_eq!(
        Pandape::page_ids(&app.pandape("recruiter2").await.get("/v2/vacancies").await),
        [2]
    );
    let contributor = app.pandape("contributor").await;
    assert_eq!(
        Pandape::page_ids(&contributor.get("/v2/vacancies").await),
        [2]
    );
    assert_problem(&contributor.get("/v2/vacancies/1").await, 404, None);
    assert_eq!(
        Pandape::page_ids(&app.pandape("interviewer").await.get("/v2/vacancies").await),
        [1]
    );
    // A recruiter creates vacancies of their own only.
    let mut for_other = vacancy(false);
    for_other["IdUser"] = json!(5);
    assert_problem(
        &app.pandape("recruiter")
            .await
            .post("/v2/vacancies", for_other.clone())
            .await,
        403,
        None,
    );
    assert_eq!(
        app.pandape("manager")
            .await
            .post("/v2/vacancies", for_other)
            .await
            .body["idUser"],
        5
    );
}

#[tokio::test]
async fn vacancy_fields_are_validated_against_the_data_sources() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let missing = admin
        .post("/v2/vacancies", json!({"NumberVacancies": 0}))
        .await;
    for field in ["Job", "Description", "IdCategory1", "NumberVacancies"] {
        assert_problem(&missing, 400, Some(field));
    }
    let mut wrong = vacancy(false);
    wrong["IdCategory1"] = json!(301);
    wrong["IdWorkMethod"] = json!(999);
    let reply = admin.post("/v2/vacancies", wrong).await;
    assert_problem(&reply, 400, Some("IdCategory1"));
    assert_problem(&reply, 400, Some("IdWorkMethod"));
    let mut unknown_user = vacancy(false);
    unknown_user["AssignedUserIds"] = json!([77]);
    assert_problem(
        &admin.post("/v2/vacancies", unknown_user).await,
        400,
        Some("AssignedUserIds"),
    );
    assert_problem(&admin.get("/v2/vacancies/abc").await, 404, None);
    assert_eq!(admin.get("/v2/vacancies").await.body["totalItems"], 4);
}

#[tokio::test]
async fn associating_an_approved_request_puts_it_in_process() {
    let app = spawn_app().await;
    let admin = app.pandape("admin").await;
    let mut linked = vacancy(false);
    linked["IdRequestToAssociate"] = json!(4);
    let created = admin.post("/v2/vacancies", linked).await;
    assert_eq!(created.status, 200, "{}", created.body);
    let id = created.body["id"].as_u64().unwrap();
    assert_eq!(created.body["idRequest"], 4);
    let request = admin.get("/v2/requests/4").await.body;
    assert_eq!(request["status"], "InProcess");
    assert_eq!(request["idVacancy"], id);
    // A Draft request cannot be associated, nor one that already has its vacancy.
    for request in [1, 4] {
        let mut again = vacancy(false);
        again["IdRequestToAssociate"] = json!(request);
        assert_problem(
            &admin.post("/v2/vacancies", again).await,
            400,
            Some("IdRequestToAssociate"),
        );
    }
}
