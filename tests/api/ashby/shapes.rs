//! One insta snapshot per Ashby object shape, taken from a seeded demo sandbox (fixed ids and
//! a logical clock), so any change to what a client receives shows up in review.

use crate::helpers::{spawn_app, Ashby};
use serde_json::{json, Value};

/// The first result of a list, or the object itself.
fn first(v: Value) -> Value {
    match v {
        Value::Array(mut items) if !items.is_empty() => items.swap_remove(0),
        other => other,
    }
}

async fn shape(ashby: &Ashby, endpoint: &str, body: Value) -> Value {
    first(ashby.ok(endpoint, body).await)
}

#[tokio::test]
async fn every_object_shape() {
    let app = spawn_app().await;
    let a = app.ashby();
    let jobs = a.ok("job.list", json!({})).await;
    let job = jobs[0]["id"].clone();
    let candidates = a.ok("candidate.list", json!({"limit": 1})).await;
    let candidate = candidates[0]["id"].clone();
    let applications = a.ok("application.list", json!({"limit": 1})).await;
    let application = applications[0]["id"].clone();
    let users = a.ok("user.list", json!({})).await;
    let plans = a.ok("interviewPlan.list", json!({})).await;
    let postings = a.ok("jobPosting.list", json!({})).await;
    let fields = a.ok("customField.list", json!({})).await;
    let openings = a.ok("opening.list", json!({})).await;
    let note = a
        .ok(
            "candidate.createNote",
            json!({"candidateId": candidate, "note": "Shape"}),
        )
        .await;
    let email = a
        .ok(
            "candidate.addEmailMessage",
            json!({"candidateId": candidate, "emailProviderEmailId": "e1", "subject": "Hi", "from": "a@x.io", "to": "b@y.io", "body": "Hello"}),
        )
        .await;
    let compensation = a
        .ok(
            "job.updateCompensation",
            json!({"jobId": job, "compensationTiers": [{"components": [{"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 1, "maxValue": 2}]}]}),
        )
        .await;
    let shapes: Vec<(&str, Value)> = vec![
        ("api_key", a.ok("apiKey.info", json!({})).await),
        ("user", first(users.clone())),
        ("user_with_custom_fields", users[1].clone()),
        ("department", shape(&a, "department.list", json!({})).await),
        ("location", shape(&a, "location.list", json!({})).await),
        ("interview_plan", first(plans.clone())),
        (
            "interview_stage",
            shape(
                &a,
                "interviewStage.list",
                json!({"interviewPlanId": plans[0]["id"]}),
            )
            .await,
        ),
        (
            "interview_stage_group",
            shape(&a, "interviewStageGroup.list", json!({})).await,
        ),
        (
            "job_interview_plan",
            a.ok("jobInterviewPlan.info", json!({"jobId": job})).await,
        ),
        (
            "archive_reason",
            shape(&a, "archiveReason.list", json!({})).await,
        ),
        (
            "close_reason",
            shape(&a, "closeReason.list", json!({})).await,
        ),
        ("source", shape(&a, "source.list", json!({})).await),
        (
            "source_tracking_link",
            shape(&a, "sourceTrackingLink.list", json!({})).await,
        ),
        (
            "candidate_tag",
            shape(&a, "candidateTag.list", json!({})).await,
        ),
        ("brand", shape(&a, "brand.list", json!({})).await),
        (
            "communication_template",
            shape(&a, "communicationTemplate.list", json!({})).await,
        ),
        ("job_board", shape(&a, "jobBoard.list", json!({})).await),
        (
            "hiring_team_role",
            shape(&a, "hiringTeamRole.list", json!({})).await,
        ),
        ("job", first(jobs.clone())),
        ("job_with_compensation", compensation),
        (
            "job_template",
            shape(&a, "jobTemplate.list", json!({})).await,
        ),
        ("job_posting_summary", first(postings.clone())),
        (
            "job_posting",
            a.ok(
                "jobPosting.info",
                json!({"jobPostingId": postings[0]["id"]}),
            )
            .await,
        ),
        ("opening", first(openings)),
        ("custom_field", first(fields)),
        (
            "candidate",
            a.ok("candidate.info", json!({"id": candidate})).await,
        ),
        ("note", note),
        ("email_message", email),
        (
            "application",
            a.ok("application.info", json!({"applicationId": application}))
                .await,
        ),
        (
            "application_history",
            shape(
                &a,
                "application.listHistory",
                json!({"applicationId": application}),
            )
            .await,
        ),
        ("project", shape(&a, "project.list", json!({})).await),
        (
            "interviewer_settings",
            a.ok(
                "user.interviewerSettings",
                json!({"userId": users[1]["id"]}),
            )
            .await,
        ),
        (
            "interviewer_pause",
            shape(
                &a,
                "user.listInterviewerPauses",
                json!({"userId": users[3]["id"]}),
            )
            .await,
        ),
    ];
    for (name, value) in shapes {
        assert!(value.is_object(), "{name}: {value}");
        insta::assert_json_snapshot!(format!("ashby_{name}"), value);
    }
}

#[tokio::test]
async fn the_envelopes() {
    let app = spawn_app().await;
    let a = app.ashby();
    let list = a.call("source.list", json!({"limit": 1})).await;
    insta::assert_json_snapshot!("ashby_list_envelope", list.body, {
        ".results" => "[results]", ".nextCursor" => "[cursor]",
    });
    let error = a.call("candidate.info", json!({"id": "nope"})).await;
    insta::assert_json_snapshot!("ashby_error_envelope", error.body, {
        ".errorInfo.requestId" => "[request id]",
    });
    let denied = app
        .ashby_with("demo-ashby-readonly-key")
        .call("candidate.create", json!({"name": "x"}))
        .await;
    insta::assert_json_snapshot!("ashby_missing_permission", denied.body, {
        ".errorInfo.requestId" => "[request id]",
    });
}
