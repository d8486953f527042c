//! Every served Ashby endpoint's answer validates against the success-response schema of
//! Ashby's OpenAPI document (a reduced copy in tests/data/ashby, made by
//! tools/reduce_ashby_schemas.py).

use crate::helpers::{spawn_app, Ashby};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SCHEMAS: &str = include_str!("../../data/ashby/response-schemas.json");

struct Checker {
    ashby: Ashby,
    schemas: Value,
    checked: BTreeSet<String>,
}

impl Checker {
    /// Calls `endpoint`, validates the whole body against its schema, answers `results`.
    async fn check(&mut self, endpoint: &str, body: Value) -> Value {
        let reply = self.ashby.call(endpoint, body).await;
        assert_eq!(reply.body["success"], true, "{endpoint}: {}", reply.body);
        let schema = &self.schemas[endpoint];
        assert!(schema.is_object(), "no schema for {endpoint}");
        let validator = jsonschema::validator_for(schema).expect("a valid schema");
        let errors: Vec<String> = validator
            .iter_errors(&reply.body)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{endpoint} does not match Ashby's schema:\n{}",
            errors.join("\n")
        );
        self.checked.insert(endpoint.to_owned());
        reply.body["results"].clone()
    }
}

#[tokio::test]
async fn every_served_endpoint_answers_in_ashbys_schema() {
    let app = spawn_app().await;
    let mut c = Checker {
        ashby: app.ashby(),
        schemas: serde_json::from_str(SCHEMAS).unwrap(),
        checked: BTreeSet::new(),
    };
    c.check("apiKey.info", json!({})).await;
    let users = c.check("user.list", json!({})).await;
    c.check("user.info", json!({"userId": users[0]["id"]}))
        .await;
    c.check("user.search", json!({"email": users[0]["email"]}))
        .await;
    let departments = c.check("department.list", json!({})).await;
    c.check(
        "department.info",
        json!({"departmentId": departments[0]["id"]}),
    )
    .await;
    let department = c
        .check(
            "department.create",
            json!({"name": "Schema", "parentId": departments[0]["id"]}),
        )
        .await;
    c.check(
        "department.update",
        json!({"departmentId": department["id"], "name": "Schemas"}),
    )
    .await;
    c.check("department.move", json!({"departmentId": department["id"]}))
        .await;
    c.check(
        "department.archive",
        json!({"departmentId": department["id"]}),
    )
    .await;
    c.check(
        "department.restore",
        json!({"departmentId": department["id"]}),
    )
    .await;
    let locations = c.check("location.list", json!({})).await;
    c.check("location.info", json!({"locationId": locations[0]["id"]}))
        .await;
    let region = c
        .check(
            "location.create",
            json!({"name": "Region", "type": "LocationHierarchy"}),
        )
        .await;
    let id = locations[0]["id"].clone();
    c.check(
        "location.move",
        json!({"locationId": id, "parentLocationHierarchyId": region["id"]}),
    )
    .await;
    c.check(
        "location.updateName",
        json!({"locationId": id, "name": "Renamed"}),
    )
    .await;
    c.check(
        "location.updateExternalName",
        json!({"locationId": id, "externalName": "Public"}),
    )
    .await;
    c.check(
        "location.updateAddress",
        json!({"locationId": id, "address": {"postalAddress": {"addressCountry": "US"}}}),
    )
    .await;
    c.check(
        "location.updateWorkplaceType",
        json!({"locationId": id, "workplaceType": "Hybrid"}),
    )
    .await;
    c.check("location.archive", json!({"locationId": region["id"]}))
        .await;
    c.check("location.restore", json!({"locationId": region["id"]}))
        .await;
    let plans = c.check("interviewPlan.list", json!({})).await;
    let stages = c
        .check(
            "interviewStage.list",
            json!({"interviewPlanId": plans[0]["id"]}),
        )
        .await;
    c.check(
        "interviewStage.info",
        json!({"interviewStageId": stages[0]["id"]}),
    )
    .await;
    let reasons = c.check("archiveReason.list", json!({})).await;
    c.check("source.list", json!({})).await;
    let tag = c
        .check("candidateTag.create", json!({"title": "Schema"}))
        .await;
    c.check("candidateTag.list", json!({})).await;
    let jobs = c.check("job.list", json!({})).await;
    c.check("job.info", json!({"id": jobs[0]["id"]})).await;
    c.check("job.search", json!({"title": "e"})).await;
    let job = c
        .check("job.create", json!({"title": "Schema job", "teamId": departments[0]["id"], "locationId": locations[1]["id"]}))
        .await;
    c.check(
        "job.update",
        json!({"jobId": job["id"], "defaultInterviewPlanId": plans[0]["id"]}),
    )
    .await;
    c.check(
        "job.setStatus",
        json!({"jobId": job["id"], "status": "Open"}),
    )
    .await;
    let listed = c.check("candidate.list", json!({"limit": 5})).await;
    c.check("candidate.info", json!({"id": listed[0]["id"]}))
        .await;
    c.check("candidate.search", json!({"name": "a"})).await;
    let candidate = c.check("candidate.create", json!({"name": "Schema Person", "email": "schema@person.io", "linkedInUrl": "https://linkedin.com/in/s"})).await;
    let cid = candidate["id"].clone();
    c.check(
        "candidate.update",
        json!({"candidateId": cid, "phoneNumber": "555-0100"}),
    )
    .await;
    c.check(
        "candidate.addTag",
        json!({"candidateId": cid, "tagId": tag["id"]}),
    )
    .await;
    c.check(
        "candidate.removeTag",
        json!({"candidateId": cid, "tagId": tag["id"]}),
    )
    .await;
    c.check(
        "candidate.createNote",
        json!({"candidateId": cid, "note": "Schema note"}),
    )
    .await;
    c.check("candidate.listNotes", json!({"candidateId": cid}))
        .await;
    let application = c
        .check(
            "application.create",
            json!({"candidateId": cid, "jobId": job["id"]}),
        )
        .await;
    let aid = application["id"].clone();
    c.check(
        "application.update",
        json!({"applicationId": aid, "sourceId": listed[0]["source"]["id"]}),
    )
    .await;
    c.check("application.info", json!({"applicationId": aid}))
        .await;
    c.check("application.list", json!({"limit": 10})).await;
    let archived = stages
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "Archived")
        .unwrap()["id"]
        .clone();
    c.check("application.changeStage", json!({"applicationId": aid, "interviewStageId": archived, "archiveReasonId": reasons[0]["id"]})).await;
    c.check("application.listHistory", json!({"applicationId": aid}))
        .await;
    c.check("candidate.anonymize", json!({"candidateId": cid}))
        .await;
    c.check("candidateTag.archive", json!({"tagId": tag["id"]}))
        .await;

    c.check("closeReason.list", json!({})).await;
    c.check("brand.list", json!({})).await;
    c.check("communicationTemplate.list", json!({})).await;
    c.check("jobBoard.list", json!({})).await;
    let names = c
        .check("hiringTeamRole.list", json!({"namesOnly": true}))
        .await;
    assert!(names[0].is_string());
    let roles = c.check("hiringTeamRole.list", json!({})).await;
    assert!(roles[0]["id"].is_string());
    c.check("applicationHiringTeamRole.list", json!({})).await;
    let groups = c.check("interviewStageGroup.list", json!({})).await;
    assert_eq!(
        groups.as_array().unwrap().len(),
        6,
        "one group per stage type"
    );
    let plan = c
        .check("jobInterviewPlan.info", json!({"jobId": job["id"]}))
        .await;
    assert_eq!(plan["stages"].as_array().unwrap().len(), 7);

    let role = roles[0]["id"].clone();
    let user = users[0]["id"].clone();
    c.check(
        "hiringTeam.addMember",
        json!({"jobId": job["id"], "teamMemberId": user, "roleId": role}),
    )
    .await;
    c.check(
        "hiringTeam.removeMember",
        json!({"jobId": job["id"], "teamMemberId": user, "roleId": role}),
    )
    .await;
    let other = c
        .check(
            "candidate.create",
            json!({"name": "Mover", "email": "mover@x.io"}),
        )
        .await;
    let moving = c
        .check(
            "application.create",
            json!({"candidateId": other["id"], "jobId": jobs[0]["id"]}),
        )
        .await;
    c.check(
        "application.addHiringTeamMember",
        json!({"applicationId": moving["id"], "teamMemberId": user, "roleId": role}),
    )
    .await;
    c.check(
        "application.removeHiringTeamMember",
        json!({"applicationId": moving["id"], "teamMemberId": user, "roleId": role}),
    )
    .await;
    c.check(
        "application.changeSource",
        json!({"applicationId": moving["id"], "sourceId": null}),
    )
    .await;
    c.check(
        "application.transfer",
        json!({"applicationId": moving["id"], "jobId": job["id"], "interviewPlanId": plans[0]["id"], "interviewStageId": stages[2]["id"]}),
    )
    .await;

    let upload = c
        .check(
            "file.createFileUploadHandle",
            json!({"fileUploadContext": "CandidateFiles", "filename": "notes.txt", "contentType": "text/plain", "contentLength": 5}),
        )
        .await;
    let form = reqwest::multipart::Form::new()
        .part("file", reqwest::multipart::Part::bytes(b"hello".to_vec()));
    let sent = app
        .client
        .post(upload["url"].as_str().unwrap())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 204);
    c.check(
        "candidate.uploadFile",
        json!({"candidateId": other["id"], "fileHandle": upload["handle"]}),
    )
    .await;
    c.check(
        "candidate.uploadResume",
        json!({"candidateId": other["id"], "resumeHandle": upload["handle"]}),
    )
    .await;
    c.check("file.info", json!({"fileHandle": upload["handle"]}))
        .await;
    c.check("candidate.info", json!({"id": other["id"]})).await;

    let projects = c.check("project.list", json!({})).await;
    c.check("project.info", json!({"projectId": projects[0]["id"]}))
        .await;
    c.check("project.search", json!({"title": "e"})).await;
    let joined = json!({"candidateId": other["id"], "projectId": projects[0]["id"]});
    c.check("candidate.addProject", joined.clone()).await;
    c.check(
        "candidate.listProjects",
        json!({"candidateId": other["id"]}),
    )
    .await;
    c.check("candidate.removeProject", joined).await;

    let fields = c.check("customField.list", json!({})).await;
    let field_id = |title: &str| {
        fields
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["title"] == title)
            .unwrap()["id"]
            .clone()
    };
    c.check(
        "customField.info",
        json!({"customFieldId": field_id("Languages")}),
    )
    .await;
    let level = c
        .check(
            "customField.create",
            json!({"fieldType": "ValueSelect", "objectType": "Candidate", "title": "Level", "selectableValues": [{"label": "Senior", "value": "senior"}]}),
        )
        .await;
    c.check(
        "customField.updateSelectableValues",
        json!({"customFieldId": level["id"], "selectableValues": [{"label": "Staff", "value": "staff"}]}),
    )
    .await;
    c.check(
        "customField.setValue",
        json!({"objectId": other["id"], "objectType": "Candidate", "fieldId": level["id"], "fieldValue": "staff"}),
    )
    .await;
    c.check(
        "customField.setValues",
        json!({"objectId": other["id"], "objectType": "Candidate", "values": [
            {"fieldId": field_id("Languages"), "fieldValue": ["english", "french"]},
            {"fieldId": field_id("Notice period (weeks)"), "fieldValue": 6},
        ]}),
    )
    .await;
    c.check(
        "user.setCustomFieldValue",
        json!({"userId": user, "fieldId": field_id("T-shirt size"), "fieldValue": "l"}),
    )
    .await;
    c.check(
        "user.setCustomFieldValues",
        json!({"userId": user, "values": [{"fieldId": field_id("T-shirt size"), "fieldValue": "xl"}]}),
    )
    .await;
    c.check("candidate.info", json!({"id": other["id"]})).await;
    c.check("user.info", json!({"userId": user})).await;

    c.check("user.interviewerSettings", json!({"userId": user}))
        .await;
    c.check(
        "user.updateInterviewerSettings",
        json!({"userId": user, "dailyLimit": 2, "weeklyLimit": null}),
    )
    .await;
    let pause = c
        .check(
            "user.createInterviewerPause",
            json!({"userId": user, "comment": "Conference"}),
        )
        .await;
    c.check("user.listInterviewerPauses", json!({"userId": user}))
        .await;
    c.check(
        "user.deleteInterviewerPause",
        json!({"interviewerPauseId": pause["id"]}),
    )
    .await;

    let openings = c.check("opening.list", json!({})).await;
    c.check("opening.info", json!({"openingId": openings[0]["id"]}))
        .await;
    c.check("opening.search", json!({"identifier": "OPN-001"}))
        .await;
    let opening = c
        .check(
            "opening.create",
            json!({"identifier": "OPN-SCHEMA", "teamId": departments[0]["id"], "jobIds": [job["id"]], "targetHireDate": "2026-12-01"}),
        )
        .await;
    let oid = opening["id"].clone();
    c.check(
        "opening.update",
        json!({"openingId": oid, "description": "Two engineers", "isBackfill": true}),
    )
    .await;
    c.check(
        "opening.addLocation",
        json!({"openingId": oid, "locationId": locations[1]["id"]}),
    )
    .await;
    c.check(
        "opening.removeLocation",
        json!({"openingId": oid, "locationId": locations[1]["id"]}),
    )
    .await;
    c.check(
        "opening.addJob",
        json!({"openingId": oid, "jobId": jobs[0]["id"]}),
    )
    .await;
    c.check(
        "opening.removeJob",
        json!({"openingId": oid, "jobId": jobs[0]["id"]}),
    )
    .await;
    c.check(
        "opening.setOpeningState",
        json!({"openingId": oid, "openingState": "Open"}),
    )
    .await;
    c.check(
        "opening.setArchived",
        json!({"openingId": oid, "archive": true}),
    )
    .await;

    let postings = c.check("jobPosting.list", json!({})).await;
    c.check(
        "jobPosting.info",
        json!({"jobPostingId": postings[0]["id"]}),
    )
    .await;
    c.check(
        "jobPosting.update",
        json!({"jobPostingId": postings[0]["id"], "title": "Renamed posting", "description": {"type": "text/html", "content": "<p>New body</p>"}}),
    )
    .await;
    c.check("jobTemplate.list", json!({})).await;
    c.check("sourceTrackingLink.list", json!({"includeDisabled": true}))
        .await;
    c.check(
        "job.updateCompensation",
        json!({"jobId": job["id"], "compensationTiers": [{"components": [
            {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 100000, "maxValue": 140000}
        ]}]}),
    )
    .await;

    c.check(
        "candidate.addEmailMessage",
        json!({"candidateId": other["id"], "emailProviderEmailId": "m-1", "subject": "Hi", "from": "a@x.io", "to": "b@y.io", "body": "<p>Hello</p>"}),
    )
    .await;
    c.check(
        "candidate.listClientInfo",
        json!({"candidateId": other["id"]}),
    )
    .await;
    c.check(
        "candidate.listFraudChecks",
        json!({"candidateId": other["id"]}),
    )
    .await;
    c.check(
        "candidate.setFraudStatus",
        json!({"candidateId": other["id"], "fraudStatus": "NotFraudulent"}),
    )
    .await;
    let history = c
        .check(
            "application.listHistory",
            json!({"applicationId": moving["id"]}),
        )
        .await;
    c.check(
        "application.updateHistory",
        json!({"applicationId": moving["id"], "applicationHistory": [{
            "stageId": history[0]["stageId"], "stageNumber": 0,
            "enteredStageAt": "2026-01-05T09:00:00Z", "applicationHistoryId": history[0]["id"],
        }]}),
    )
    .await;
    c.check(
        "application.listCriteriaEvaluations",
        json!({"applicationId": moving["id"]}),
    )
    .await;

    let served: BTreeSet<String> = ats_sandbox::vendors::ashby::SERVED
        .iter()
        .map(|(e, _)| (*e).to_owned())
        .collect();
    let missing: Vec<&String> = served.difference(&c.checked).collect();
    assert!(
        missing.is_empty(),
        "served but not schema-checked: {missing:?}"
    );
}
