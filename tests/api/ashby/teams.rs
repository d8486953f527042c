//! Hiring teams, source changes and transfers.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn hiring_teams_at_job_and_application_level() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let job = ashby.ok("job.list", json!({})).await[0].clone();
    let user = ashby.ok("user.list", json!({})).await[0].clone();
    let role = ashby.ok("hiringTeamRole.list", json!({})).await[1].clone();
    let add = json!({"jobId": job["id"], "teamMemberId": user["id"], "roleId": role["id"]});
    let member = ashby.ok("hiringTeam.addMember", add.clone()).await;
    assert_eq!(
        (member["userId"].clone(), member["role"].clone()),
        (user["id"].clone(), role["title"].clone())
    );
    ashby.ok("hiringTeam.addMember", add.clone()).await;
    let team = ashby.ok("job.info", json!({"id": job["id"]})).await["hiringTeam"].clone();
    assert_eq!(
        team.as_array().unwrap().len(),
        1,
        "adding twice keeps one membership"
    );
    ashby.ok("hiringTeam.removeMember", add.clone()).await;
    assert_eq!(
        ashby.ok("job.info", json!({"id": job["id"]})).await["hiringTeam"],
        json!([])
    );
    let mut bad_role = add.clone();
    bad_role["roleId"] = json!("nope");
    assert_eq!(
        ashby.error("hiringTeam.addMember", bad_role).await,
        "hiring_team_role_not_found"
    );
    let opening = json!({"openingId": "x", "teamMemberId": user["id"], "roleId": role["id"]});
    assert_eq!(
        ashby.error("hiringTeam.addMember", opening).await,
        "opening_not_found"
    );
    let both = json!({"jobId": job["id"], "applicationId": "x", "teamMemberId": user["id"], "roleId": role["id"]});
    assert_eq!(
        ashby.error("hiringTeam.addMember", both).await,
        "invalid_input"
    );

    let application = ashby
        .ok("application.list", json!({"jobId": job["id"], "limit": 1}))
        .await[0]
        .clone();
    let on_app = json!({"applicationId": application["id"], "teamMemberId": user["id"], "roleId": role["id"]});
    ashby
        .ok("application.addHiringTeamMember", on_app.clone())
        .await;
    let seen = ashby
        .ok(
            "application.info",
            json!({"applicationId": application["id"]}),
        )
        .await;
    assert_eq!(seen["hiringTeam"][0]["userId"], user["id"]);
    assert_eq!(
        ashby.error("application.addHiringTeamMember", add).await,
        "invalid_input",
        "applications only"
    );
}

#[tokio::test]
async fn transfers_move_an_application_to_another_job() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let jobs = ashby.ok("job.list", json!({"status": ["Open"]})).await;
    let (first, second) = (jobs[0]["id"].clone(), jobs[1]["id"].clone());
    let plan = ashby.ok("interviewPlan.list", json!({})).await[0]["id"].clone();
    let stages = ashby
        .ok("interviewStage.list", json!({"interviewPlanId": plan}))
        .await;
    let screen = stages
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "Active")
        .unwrap()["id"]
        .clone();
    let archived = stages
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "Archived")
        .unwrap()["id"]
        .clone();
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Tess Transfer"}))
        .await;
    let application = ashby
        .ok(
            "application.create",
            json!({"candidateId": candidate["id"], "jobId": first}),
        )
        .await;
    let to = |stage: &serde_json::Value| json!({"applicationId": application["id"], "jobId": second, "interviewPlanId": plan, "interviewStageId": stage});
    assert_eq!(
        ashby.error("application.transfer", to(&archived)).await,
        "invalid_input"
    );
    let moved = ashby.ok("application.transfer", to(&screen)).await;
    assert_eq!(moved["job"]["id"], second);
    assert_eq!(moved["status"], "Active");
    let history = ashby
        .ok(
            "application.listHistory",
            json!({"applicationId": application["id"]}),
        )
        .await;
    assert_eq!(history.as_array().unwrap().len(), 2);
    // Another active application for the same job blocks a transfer there.
    let again = ashby
        .ok(
            "application.create",
            json!({"candidateId": candidate["id"], "jobId": first}),
        )
        .await;
    let back = json!({"applicationId": again["id"], "jobId": second, "interviewPlanId": plan, "interviewStageId": screen});
    assert_eq!(
        ashby.error("application.transfer", back).await,
        "application_already_exists"
    );
    let unset = ashby
        .ok(
            "application.changeSource",
            json!({"applicationId": again["id"], "sourceId": null}),
        )
        .await;
    assert!(unset["source"].is_null());
    let source = ashby.ok("source.list", json!({})).await[0]["id"].clone();
    let set = ashby
        .ok(
            "application.changeSource",
            json!({"applicationId": again["id"], "sourceId": source}),
        )
        .await;
    assert_eq!(set["source"]["id"], source);
}
