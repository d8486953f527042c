//! Ashby jobs: Draft on creation, the documented status transitions, the default plan to open.

use crate::helpers::spawn_app;
use serde_json::{json, Value};

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_job_moves_only_along_the_documented_transitions() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let team = ashby.ok("department.list", json!({})).await[0]["id"].clone();
    let location = ashby.ok("location.list", json!({})).await[0]["id"].clone();
    let plan = ashby.ok("interviewPlan.list", json!({})).await[0]["id"].clone();
    assert_eq!(
        ashby
            .error("job.create", json!({"title": "X", "locationId": location}))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error(
                "job.create",
                json!({"title": "X", "teamId": "nope", "locationId": location})
            )
            .await,
        "department_not_found"
    );
    let job = ashby
        .ok(
            "job.create",
            json!({"title": "Robotics Engineer", "teamId": team, "locationId": location}),
        )
        .await;
    assert_eq!(job["status"], "Draft");
    let id = job["id"].clone();
    let set = |status: &str| json!({"jobId": id, "status": status});
    assert_eq!(
        ashby.error("job.setStatus", set("Closed")).await,
        "invalid_input"
    );
    assert_eq!(
        ashby.error("job.setStatus", set("Open")).await,
        "invalid_input",
        "no default plan yet"
    );
    ashby
        .ok(
            "job.update",
            json!({"jobId": id, "defaultInterviewPlanId": plan}),
        )
        .await;
    let open = ashby.ok("job.setStatus", set("Open")).await;
    assert_eq!(open["status"], "Open");
    assert!(open["openedAt"].is_string());
    assert_eq!(
        ashby.error("job.setStatus", set("Draft")).await,
        "invalid_input"
    );
    let closed = ashby.ok("job.setStatus", set("Closed")).await;
    assert!(closed["closedAt"].is_string());
    assert_eq!(
        ashby.ok("job.setStatus", set("Archived")).await["status"],
        "Archived"
    );
    assert_eq!(
        ashby.error("job.setStatus", set("Open")).await,
        "invalid_input"
    );
    assert_eq!(
        ashby.ok("job.setStatus", set("Draft")).await["status"],
        "Draft"
    );
    assert_eq!(
        ashby
            .error("job.setStatus", json!({"jobId": id, "status": "Paused"}))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby.error("job.info", json!({"id": "nope"})).await,
        "job_not_found"
    );
}

#[tokio::test]
async fn job_list_leaves_drafts_out_unless_asked() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let listed = ashby.ok("job.list", json!({})).await;
    let statuses: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["status"].as_str().unwrap())
        .collect();
    assert!(!statuses.contains(&"Draft"), "{statuses:?}");
    assert_eq!(statuses.len(), 4);
    let drafts = ashby.ok("job.list", json!({"status": ["Draft"]})).await;
    assert_eq!(drafts.as_array().unwrap().len(), 1);
    let title = listed[0]["title"].as_str().unwrap();
    let found = ashby.ok("job.search", json!({"title": &title[..4]})).await;
    assert!(ids(&found).contains(&listed[0]["id"].as_str().unwrap().to_owned()));
    let req = ashby
        .ok("job.search", json!({"requisitionId": "REQ-0001"}))
        .await;
    assert_eq!(req.as_array().unwrap().len(), 1);
}
