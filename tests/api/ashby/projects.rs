//! Projects and the candidates in them; confidential projects hide from keys without the toggle.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn candidates_join_and_leave_projects() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let projects = ashby.ok("project.list", json!({})).await;
    assert_eq!(projects.as_array().unwrap().len(), 2);
    let open = projects
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["confidential"] == false)
        .unwrap()
        .clone();
    let secret = projects
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["confidential"] == true)
        .unwrap()
        .clone();
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Pia Project"}))
        .await;
    let membership = json!({"candidateId": candidate["id"], "projectId": open["id"]});
    ashby.ok("candidate.addProject", membership.clone()).await;
    ashby.ok("candidate.addProject", membership.clone()).await;
    let listed = ashby
        .ok(
            "candidate.listProjects",
            json!({"candidateId": candidate["id"]}),
        )
        .await;
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "added twice, listed once"
    );
    ashby.ok("candidate.removeProject", membership).await;
    assert_eq!(
        ashby
            .ok(
                "candidate.listProjects",
                json!({"candidateId": candidate["id"]})
            )
            .await,
        json!([])
    );
    assert_eq!(
        ashby.ok("project.search", json!({"title": "senior"})).await[0]["id"],
        open["id"]
    );
    assert_eq!(
        ashby
            .ok("project.info", json!({"projectId": secret["id"]}))
            .await["title"],
        secret["title"]
    );

    let reader = app.ashby_with("demo-ashby-readonly-key");
    assert_eq!(
        reader
            .error("project.info", json!({"projectId": secret["id"]}))
            .await,
        "project_not_found"
    );
    assert_eq!(
        reader
            .ok("project.list", json!({}))
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ashby
            .error(
                "candidate.addProject",
                json!({"candidateId": candidate["id"], "projectId": "nope"})
            )
            .await,
        "project_not_found"
    );
}
