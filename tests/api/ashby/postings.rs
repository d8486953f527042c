//! Job postings, job templates, tracking links and a job's compensation.

use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn postings_are_published_while_their_job_is_open() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let all = ashby.ok("jobPosting.list", json!({})).await;
    assert_eq!(all.as_array().unwrap().len(), 2, "the two open demo jobs");
    let listed = ashby
        .ok("jobPosting.list", json!({"listedOnly": true}))
        .await;
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "the confidential job's posting is unlisted"
    );
    let posting = listed[0].clone();
    let by_location = ashby
        .ok(
            "jobPosting.list",
            json!({"location": posting["locationName"]}),
        )
        .await;
    assert!(by_location
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["locationName"] == posting["locationName"]));
    assert_eq!(
        ashby
            .ok(
                "jobPosting.list",
                json!({"department": "No such department"})
            )
            .await,
        json!([])
    );
    let reader = app.ashby_with("demo-ashby-readonly-key");
    assert_eq!(
        reader
            .ok("jobPosting.list", json!({}))
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let info = ashby
        .ok(
            "jobPosting.info",
            json!({"jobPostingId": posting["id"], "expand": ["job"]}),
        )
        .await;
    assert_eq!(info["job"]["id"], posting["jobId"]);
    assert!(info["descriptionHtml"]
        .as_str()
        .unwrap()
        .contains("Join us"));
    let updated = ashby
        .ok(
            "jobPosting.update",
            json!({"jobPostingId": posting["id"], "title": "Ace builder", "suppressDescriptionOpening": true,
                   "suppressDescriptionClosing": true, "description": {"type": "text/html", "content": "<p>Only this</p>"}}),
        )
        .await;
    assert_eq!(updated["title"], "Ace builder");
    assert_eq!(updated["descriptionHtml"], "<p>Only this</p>");
    assert_eq!(updated["descriptionPlain"], "Only this");
    assert!(updated["descriptionParts"]
        .get("descriptionOpening")
        .is_none());
    assert_eq!(
        ashby
            .error("jobPosting.update", json!({"jobPostingId": posting["id"], "description": {"type": "text/plain", "content": "x"}}))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error("jobPosting.info", json!({"jobPostingId": "nope"}))
            .await,
        "job_posting_not_found"
    );

    // Closing the job unpublishes its posting.
    ashby
        .ok(
            "job.setStatus",
            json!({"jobId": posting["jobId"], "status": "Closed"}),
        )
        .await;
    let after = ashby.ok("jobPosting.list", json!({})).await;
    assert!(after
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["id"] != posting["id"]));
    let job = ashby.ok("job.info", json!({"id": posting["jobId"]})).await;
    assert_eq!(job["jobPostingIds"], json!([]), "unpublished");
    let job = ashby
        .ok("job.info", json!({"id": posting["jobId"], "includeUnpublishedJobPostingsIds": true, "expand": ["openings", "location"]}))
        .await;
    assert_eq!(job["jobPostingIds"], json!([posting["id"]]));
    assert_eq!(
        job["openings"][0]["latestVersion"]["jobIds"],
        json!([posting["jobId"]])
    );
    assert!(job["location"]["id"].is_string());
}

#[tokio::test]
async fn templates_links_and_compensation() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let templates = ashby
        .ok("jobTemplate.list", json!({"expand": ["location"]}))
        .await;
    assert_eq!(templates.as_array().unwrap().len(), 2);
    assert!(templates[0]["location"]["id"].is_string());
    assert!(templates
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["status"] == "Inactive"));
    let links = ashby.ok("sourceTrackingLink.list", json!({})).await;
    assert_eq!(
        links.as_array().unwrap().len(),
        1,
        "disabled links are left out"
    );
    let all = ashby
        .ok("sourceTrackingLink.list", json!({"includeDisabled": true}))
        .await;
    assert_eq!(all.as_array().unwrap().len(), 2);

    let jobs = ashby.ok("job.list", json!({})).await;
    let job = jobs[0]["id"].clone();
    let salary = |min: f64, max: f64| json!({"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "EUR", "minValue": min, "maxValue": max});
    for (tiers, why) in [
        (
            json!([{"components": [salary(90.0, 80.0)]}]),
            "min above max",
        ),
        (json!([{"components": []}]), "no component"),
        (
            json!([{"components": [{"compensationType": "Salary", "interval": "yearly", "currencyCode": "EUR", "minValue": 1, "maxValue": 2}]}]),
            "unknown interval",
        ),
        (
            json!([{"components": [{"compensationType": "Bonus", "interval": "1 YEAR", "minValue": 1, "maxValue": 2}]}]),
            "no currency",
        ),
        (
            json!([{"components": [salary(1.0, 2.0)]}, {"components": [salary(3.0, 4.0)]}]),
            "untitled tiers",
        ),
    ] {
        assert_eq!(
            ashby
                .error(
                    "job.updateCompensation",
                    json!({"jobId": job, "compensationTiers": tiers})
                )
                .await,
            "invalid_input",
            "{why}"
        );
    }
    let paid = ashby
        .ok(
            "job.updateCompensation",
            json!({"jobId": job, "compensationTiers": [
                {"title": "Senior", "components": [salary(90000.0, 120000.0), {"compensationType": "EquityPercentage", "interval": "NONE", "minValue": 0.1, "maxValue": 0.2}]},
                {"title": "Staff", "components": [salary(120000.0, 150000.0)]},
            ]}),
        )
        .await;
    assert_eq!(paid["compensationTiers"].as_array().unwrap().len(), 2);
    assert!(paid["compensationTiers"][0]["tierSummary"]
        .as_str()
        .unwrap()
        .contains("EUR"));
}
