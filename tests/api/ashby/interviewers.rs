//! Interviewer settings and pauses.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn settings_change_only_what_is_given() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let users = ashby.ok("user.list", json!({})).await;
    let user = users[1]["id"].clone();
    let before = ashby
        .ok("user.interviewerSettings", json!({"userId": user}))
        .await;
    assert_eq!(before["dailyLimit"], 3);
    let weekly_only = ashby
        .ok(
            "user.updateInterviewerSettings",
            json!({"userId": user, "weeklyLimit": 12}),
        )
        .await;
    assert_eq!(weekly_only["dailyLimit"], 3);
    assert_eq!(weekly_only["weeklyLimit"], 12);
    let unset = ashby
        .ok(
            "user.updateInterviewerSettings",
            json!({"userId": user, "dailyLimit": null}),
        )
        .await;
    assert!(unset.get("dailyLimit").is_none() || unset["dailyLimit"].is_null());
    assert_eq!(unset["weeklyLimit"], 12);
    assert_eq!(
        ashby
            .error(
                "user.updateInterviewerSettings",
                json!({"userId": user, "dailyLimit": 20})
            )
            .await,
        "invalid_input",
        "more a day than a week"
    );
    assert_eq!(
        ashby
            .error("user.interviewerSettings", json!({"userId": "nope"}))
            .await,
        "user_not_found"
    );
}

#[tokio::test]
async fn a_user_has_one_current_pause() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let users = ashby.ok("user.list", json!({})).await;
    let user = users[0]["id"].clone();
    assert_eq!(
        ashby
            .error("user.createInterviewerPause", json!({"userId": user, "startsAt": "2026-03-01T00:00:00Z", "endsAt": "2026-02-01T00:00:00Z"}))
            .await,
        "invalid_input"
    );
    let pause = ashby
        .ok(
            "user.createInterviewerPause",
            json!({"userId": user, "startsAt": "2026-03-01T00:00:00Z", "comment": "Sabbatical"}),
        )
        .await;
    assert!(pause.get("endsAt").is_none() || pause["endsAt"].is_null());
    assert_eq!(
        ashby
            .error("user.createInterviewerPause", json!({"userId": user}))
            .await,
        "interviewer_pause_already_exists"
    );
    let listed = ashby
        .ok("user.listInterviewerPauses", json!({"userId": user}))
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let deleted = ashby
        .ok(
            "user.deleteInterviewerPause",
            json!({"interviewerPauseId": pause["id"]}),
        )
        .await;
    assert_eq!(deleted["id"], pause["id"]);
    assert_eq!(
        ashby
            .error(
                "user.deleteInterviewerPause",
                json!({"interviewerPauseId": pause["id"]})
            )
            .await,
        "interviewer_pause_not_found"
    );
    assert_eq!(
        ashby
            .ok("user.listInterviewerPauses", json!({"userId": user}))
            .await,
        json!([])
    );
    ashby
        .ok("user.createInterviewerPause", json!({"userId": user}))
        .await;
}
