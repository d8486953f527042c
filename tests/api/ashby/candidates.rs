//! Ashby candidates and applications: creation defaults, stage changes, anonymization, tags,
//! search, confidential jobs.

use crate::helpers::{spawn_app, Ashby};
use serde_json::{json, Value};

struct Plan {
    stages: Vec<Value>,
    reason: Value,
    open_job: Value,
}

async fn plan(ashby: &Ashby) -> Plan {
    let plan = ashby.ok("interviewPlan.list", json!({})).await[0]["id"].clone();
    let stages = ashby
        .ok("interviewStage.list", json!({"interviewPlanId": plan}))
        .await;
    let reason = ashby.ok("archiveReason.list", json!({})).await[0]["id"].clone();
    let open_job = ashby.ok("job.list", json!({"status": ["Open"]})).await[0]["id"].clone();
    Plan {
        stages: stages.as_array().unwrap().clone(),
        reason,
        open_job,
    }
}

fn stage_of(plan: &Plan, kind: &str) -> Value {
    plan.stages.iter().find(|s| s["type"] == kind).unwrap()["id"].clone()
}

#[tokio::test]
async fn applications_start_in_the_first_lead_stage_and_follow_their_stage() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let plan = plan(&ashby).await;
    let candidate = ashby
        .ok(
            "candidate.create",
            json!({"name": "Ada Byron", "email": "ada@byron.io"}),
        )
        .await;
    let new = json!({"candidateId": candidate["id"], "jobId": plan.open_job});
    let application = ashby.ok("application.create", new.clone()).await;
    assert_eq!(application["status"], "Lead");
    assert_eq!(application["currentInterviewStage"]["type"], "Lead");
    assert_eq!(application["candidate"]["name"], "Ada Byron");
    assert_eq!(
        ashby.error("application.create", new.clone()).await,
        "application_already_exists"
    );
    let id = application["id"].clone();

    let archived_stage = stage_of(&plan, "Archived");
    let change = |stage: &Value, reason: Option<&Value>| {
        let mut body = json!({"applicationId": id, "interviewStageId": stage});
        if let Some(r) = reason {
            body["archiveReasonId"] = r.clone();
        }
        body
    };
    assert_eq!(
        ashby
            .error("application.changeStage", change(&archived_stage, None))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error(
                "application.changeStage",
                change(&stage_of(&plan, "Offer"), Some(&plan.reason))
            )
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error("application.changeStage", change(&json!("nope"), None))
            .await,
        "interview_stage_not_found"
    );
    let offer = ashby
        .ok(
            "application.changeStage",
            change(&stage_of(&plan, "Offer"), None),
        )
        .await;
    assert_eq!(offer["status"], "Active");
    let archived = ashby
        .ok(
            "application.changeStage",
            change(&archived_stage, Some(&plan.reason)),
        )
        .await;
    assert_eq!(archived["status"], "Archived");
    assert!(archived["archivedAt"].is_string());
    assert_eq!(archived["archiveReason"]["id"], plan.reason);
    let history = ashby
        .ok("application.listHistory", json!({"applicationId": id}))
        .await;
    let titles: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Lead", "Offer", "Archived"]);
    assert!(history[0]["leftStageAt"].is_string() && history[2]["leftStageAt"].is_null());

    // Archived, the candidate may apply again; FirstPreInterviewScreen picks that stage.
    let mut again = new.clone();
    again["interviewStageId"] = json!("FirstPreInterviewScreen");
    let second = ashby.ok("application.create", again).await;
    assert_eq!(
        second["currentInterviewStage"]["type"],
        "PreInterviewScreen"
    );
    assert_eq!(second["status"], "Active");
    let hired = ashby
        .ok(
            "application.changeStage",
            json!({"applicationId": second["id"], "interviewStageId": stage_of(&plan, "Hired")}),
        )
        .await;
    assert_eq!(hired["status"], "Hired");
    let info = ashby
        .ok("candidate.info", json!({"id": candidate["id"]}))
        .await;
    assert_eq!(info["applicationIds"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn anonymize_needs_every_application_archived_or_hired() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let plan = plan(&ashby).await;
    let candidate = ashby
        .ok(
            "candidate.create",
            json!({"name": "Grace Hopper", "email": "grace@navy.mil"}),
        )
        .await;
    let id = candidate["id"].clone();
    ashby
        .ok(
            "candidate.createNote",
            json!({"candidateId": id, "note": "Invented the compiler."}),
        )
        .await;
    let application = ashby
        .ok(
            "application.create",
            json!({"candidateId": id, "jobId": plan.open_job}),
        )
        .await;
    assert_eq!(
        ashby
            .error("candidate.anonymize", json!({"candidateId": id}))
            .await,
        "candidate_has_active_applications"
    );
    assert_eq!(
        ashby.ok("candidate.info", json!({"id": id})).await["name"],
        "Grace Hopper"
    );
    ashby
        .ok(
            "application.changeStage",
            json!({"applicationId": application["id"], "interviewStageId": stage_of(&plan, "Archived"), "archiveReasonId": plan.reason}),
        )
        .await;
    let gone = ashby
        .ok("candidate.anonymize", json!({"candidateId": id}))
        .await;
    assert_ne!(gone["name"], "Grace Hopper");
    assert_eq!(gone["emailAddresses"], json!([]));
    assert_eq!(
        ashby
            .ok("candidate.search", json!({"email": "grace@navy.mil"}))
            .await,
        json!([])
    );
    let notes = ashby
        .ok("candidate.listNotes", json!({"candidateId": id}))
        .await;
    assert_eq!(notes[0]["content"], "");
    let listed = ashby.ok("candidate.list", json!({})).await;
    assert!(!listed.to_string().contains("grace@navy.mil"));
    let app_view = ashby
        .ok(
            "application.info",
            json!({"applicationId": application["id"]}),
        )
        .await;
    assert_ne!(app_view["candidate"]["name"], "Grace Hopper");
    assert_eq!(
        ashby
            .error(
                "candidate.update",
                json!({"candidateId": id, "name": "Back"})
            )
            .await,
        "invalid_input"
    );
}

#[tokio::test]
async fn tags_search_and_confidential_jobs() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let tag = ashby
        .ok("candidateTag.create", json!({"title": "Polyglot"}))
        .await;
    let again = ashby
        .ok("candidateTag.create", json!({"title": "polyglot "}))
        .await;
    assert_eq!(again["id"], tag["id"], "the existing tag comes back");
    let c = ashby
        .ok(
            "candidate.create",
            json!({"name": "Linus Pauling", "email": "linus@chem.edu"}),
        )
        .await;
    let tagged = ashby
        .ok(
            "candidate.addTag",
            json!({"candidateId": c["id"], "tagId": tag["id"]}),
        )
        .await;
    assert_eq!(tagged["tags"][0]["title"], "Polyglot");
    let untagged = ashby
        .ok(
            "candidate.removeTag",
            json!({"candidateId": c["id"], "tagId": tag["id"]}),
        )
        .await;
    assert_eq!(untagged["tags"], json!([]));
    assert_eq!(
        ashby
            .error(
                "candidate.addTag",
                json!({"candidateId": c["id"], "tagId": "nope"})
            )
            .await,
        "tag_not_found"
    );

    let both = ashby
        .ok(
            "candidate.search",
            json!({"email": "LINUS@chem.edu", "name": "pauling"}),
        )
        .await;
    assert_eq!(both.as_array().unwrap().len(), 1);
    let mismatch = ashby
        .ok(
            "candidate.search",
            json!({"email": "linus@chem.edu", "name": "curie"}),
        )
        .await;
    assert_eq!(mismatch, json!([]), "email and name are ANDed");
    assert_eq!(
        ashby.error("candidate.search", json!({})).await,
        "invalid_input"
    );

    // The demo's second job is confidential: invisible to the read-only key without the toggle.
    let jobs = ashby.ok("job.list", json!({})).await;
    let secret = jobs
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["confidential"] == true)
        .unwrap()["id"]
        .clone();
    let reader = app.ashby_with("demo-ashby-readonly-key");
    assert_eq!(
        reader.error("job.info", json!({"id": secret})).await,
        "job_not_found"
    );
    let apps = ashby.ok("application.list", json!({"jobId": secret})).await;
    let hidden = apps[0]["id"].clone();
    assert_eq!(
        reader
            .error("application.info", json!({"applicationId": hidden}))
            .await,
        "application_not_found"
    );
    assert_eq!(
        reader
            .ok("application.list", json!({"jobId": secret}))
            .await,
        json!([])
    );
}
