//! Openings: state table, job and location links, archive, versions, hiring team.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn openings_follow_their_state_table() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let jobs = ashby.ok("job.list", json!({})).await;
    let job = jobs[0]["id"].clone();
    assert_eq!(
        ashby
            .error(
                "opening.create",
                json!({"identifier": "X", "openingState": "Open"})
            )
            .await,
        "invalid_input",
        "an open opening needs a job"
    );
    assert_eq!(
        ashby
            .error("opening.create", json!({"jobIds": ["nope"]}))
            .await,
        "job_not_found"
    );
    assert_eq!(
        ashby
            .error("opening.create", json!({"targetHireDate": "next week"}))
            .await,
        "invalid_input"
    );
    let draft = ashby
        .ok(
            "opening.create",
            json!({"identifier": "OPN-NEW", "employmentType": ""}),
        )
        .await;
    assert_eq!(draft["openingState"], "Draft");
    assert_eq!(draft["latestVersion"]["employmentType"], "FullTime");
    let id = draft["id"].clone();
    let set = |state: &str| json!({"openingId": id, "openingState": state});
    assert_eq!(
        ashby.error("opening.setOpeningState", set("Open")).await,
        "invalid_input",
        "no job yet"
    );
    let linked = ashby
        .ok("opening.addJob", json!({"openingId": id, "jobId": job}))
        .await;
    assert_ne!(
        linked["latestVersion"]["id"], draft["latestVersion"]["id"],
        "a new version"
    );
    ashby
        .ok("opening.addJob", json!({"openingId": id, "jobId": job}))
        .await;
    let open = ashby.ok("opening.setOpeningState", set("Open")).await;
    assert_eq!(open["latestVersion"]["jobIds"], json!([job]));
    assert!(open["openedAt"].is_string());
    assert_eq!(
        ashby
            .error("opening.removeJob", json!({"openingId": id, "jobId": job}))
            .await,
        "invalid_input",
        "an open opening keeps a job"
    );
    assert_eq!(
        ashby.error("opening.setOpeningState", set("Draft")).await,
        "invalid_input"
    );
    assert_eq!(
        ashby.error("opening.setOpeningState", set("Filled")).await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error(
                "opening.setOpeningState",
                json!({"openingId": id, "openingState": "Closed", "closeReasonId": "nope"})
            )
            .await,
        "close_reason_not_found"
    );
    let reasons = ashby.ok("closeReason.list", json!({})).await;
    let closed = ashby
        .ok(
            "opening.setOpeningState",
            json!({"openingId": id, "openingState": "Closed", "closeReasonId": reasons[0]["id"]}),
        )
        .await;
    assert_eq!(closed["closeReasonId"], reasons[0]["id"]);
    assert!(closed["closedAt"].is_string());
    let reopened = ashby.ok("opening.setOpeningState", set("Open")).await;
    assert!(reopened.get("closeReasonId").is_none());

    let archived = ashby
        .ok(
            "opening.setArchived",
            json!({"openingId": id, "archive": true}),
        )
        .await;
    assert_eq!(archived["isArchived"], true);
    assert_eq!(
        ashby
            .error(
                "opening.update",
                json!({"openingId": id, "description": "x"})
            )
            .await,
        "invalid_input",
        "archived openings take no edits"
    );
    assert_eq!(
        ashby.error("opening.setOpeningState", set("Closed")).await,
        "invalid_input"
    );
    ashby
        .ok(
            "opening.setArchived",
            json!({"openingId": id, "archive": false}),
        )
        .await;
    let updated = ashby
        .ok("opening.update", json!({"openingId": id, "description": "Two hires", "isBackfill": true, "employmentType": "Contract"}))
        .await;
    assert_eq!(updated["latestVersion"]["description"], "Two hires");
    assert_eq!(updated["latestVersion"]["employmentType"], "Contract");
    assert_eq!(updated["latestVersion"]["identifier"], "OPN-NEW");
    let found = ashby
        .ok("opening.search", json!({"identifier": "opn-new"}))
        .await;
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(
        ashby
            .error("opening.info", json!({"openingId": "nope"}))
            .await,
        "opening_not_found"
    );
}

#[tokio::test]
async fn locations_and_hiring_team_attach_to_openings() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let openings = ashby.ok("opening.list", json!({})).await;
    assert_eq!(openings.as_array().unwrap().len(), 5, "one per demo job");
    let id = openings[0]["id"].clone();
    let locations = ashby.ok("location.list", json!({})).await;
    let location = locations[1]["id"].clone();
    let with = ashby
        .ok(
            "opening.addLocation",
            json!({"openingId": id, "locationId": location}),
        )
        .await;
    assert!(with["latestVersion"]["locationIds"]
        .as_array()
        .unwrap()
        .contains(&location));
    let without = ashby
        .ok(
            "opening.removeLocation",
            json!({"openingId": id, "locationId": location}),
        )
        .await;
    assert!(!without["latestVersion"]["locationIds"]
        .as_array()
        .unwrap()
        .contains(&location));
    assert_eq!(
        ashby
            .error(
                "opening.addLocation",
                json!({"openingId": id, "locationId": "nope"})
            )
            .await,
        "location_not_found"
    );
    let users = ashby.ok("user.list", json!({})).await;
    let roles = ashby.ok("hiringTeamRole.list", json!({})).await;
    ashby
        .ok(
            "hiringTeam.addMember",
            json!({"openingId": id, "teamMemberId": users[0]["id"], "roleId": roles[0]["id"]}),
        )
        .await;
    let info = ashby.ok("opening.info", json!({"openingId": id})).await;
    assert_eq!(
        info["latestVersion"]["hiringTeam"][0]["userId"],
        users[0]["id"]
    );
}
