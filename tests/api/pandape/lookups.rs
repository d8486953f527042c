//! Custom fields, data-source items, admission records.

use crate::helpers::{assert_problem, spawn_app, Pandape};

#[tokio::test]
async fn configuration_lookups() {
    let app = spawn_app().await;
    let recruiter = app.pandape("recruiter2").await;
    let fields = recruiter.get("/v2/custom-fields").await;
    assert_eq!(fields.body.as_array().unwrap().len(), 2);
    assert_eq!(fields.body[0]["isRequired"], true);
    let locations = recruiter.get("/v2/data-sources/items?IdDatasource=3").await;
    assert_eq!(Pandape::page_ids(&locations), [301, 302, 303]);
    let paged = recruiter
        .get("/v2/data-sources/items?idDatasource=1&Page=2&PageSize=2")
        .await;
    assert_eq!(Pandape::page_ids(&paged), [103]);
    assert_eq!(paged.body["totalItems"], 3);
    assert_eq!(paged.body["totalPages"], 2);
    assert_problem(
        &recruiter.get("/v2/data-sources/items").await,
        400,
        Some("IdDatasource"),
    );
    assert_problem(
        &recruiter.get("/v2/data-sources/items?IdDatasource=x").await,
        400,
        Some("IdDatasource"),
    );
    assert_eq!(
        Pandape::page_ids(
            &recruiter
                .get("/v2/data-sources/items?IdDatasource=42")
                .await
        ),
        Vec::<u64>::new()
    );
}

#[tokio::test]
async fn admission_records_are_for_onboarding_managers() {
    let app = spawn_app().await;
    let supervisor = app.pandape("supervisor").await;
    let record = supervisor.get("/v3/precollaborators/1").await;
    assert_eq!(record.status, 200, "{}", record.body);
    assert_eq!(record.body["vacancyReference"], "VAG-001");
    assert_eq!(record.body["forms"][0]["answers"][0]["fieldName"], "CPF");
    assert_problem(&supervisor.get("/v3/precollaborators/9").await, 404, None);
    for who in ["manager", "recruiter"] {
        let refused = app.pandape(who).await.get("/v3/precollaborators/1").await;
        assert_problem(&refused, 403, None);
        assert!(refused.body["detail"]
            .as_str()
            .unwrap()
            .contains("IsOnboardingManager"));
    }
}
