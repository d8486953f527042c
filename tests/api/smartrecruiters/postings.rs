//! The public Posting API follows what is published.

use super::job;
use crate::helpers::{assert_sr_error, read, spawn_app};
use reqwest::Method;

#[tokio::test]
async fn public_postings_follow_publication() {
    let app = spawn_app().await;
    let base = format!(
        "{}/v1/companies",
        app.sandbox.vendor_url(ats_sandbox::Vendor::SmartRecruiters)
    );
    let get = |path: String| {
        let client = app.client.clone();
        async move { read(client.get(path).send().await.unwrap()).await }
    };
    let list = get(format!("{base}/AcmeSandbox/postings")).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let names: Vec<&str> = list.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Backend Engineer", "Product Designer", "Account Executive"]
    );
    assert_eq!(list.header("x-ratelimit-limit"), Some("10"));
    let one = get(format!("{base}/AcmeSandbox/postings/ad-2")).await;
    assert_eq!(
        (
            one.body["jobId"].as_str(),
            one.body["department"]["label"].as_str()
        ),
        (Some(job(2).as_str()), Some("Engineering"))
    );
    assert!(one.body["jobAd"]["sections"].is_object());
    assert_eq!(
        get(format!("{base}/AcmeSandbox/postings?q=designer&limit=1"))
            .await
            .body["totalFound"],
        1
    );
    assert_eq!(
        get(format!("{base}/AcmeSandbox/postings?department=dep-sales"))
            .await
            .body["totalFound"],
        1
    );
    assert_sr_error(
        &get(format!("{base}/AcmeSandbox/postings?limit=0")).await,
        400,
        "INVALID_FIELD",
        Some("limit"),
    );
    assert_sr_error(
        &get(format!("{base}/Nobody/postings")).await,
        404,
        "NOT_FOUND",
        Some("Nobody"),
    );
    assert_sr_error(
        &get(format!("{base}/AcmeSandbox/postings/ad-5")).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        get(format!("{base}/smartrecruiters-default/departments"))
            .await
            .body["totalFound"],
        4
    );
    // Unpublishing takes the posting down; publishing a new job puts it up.
    let sr = app.sr("standard");
    assert_eq!(
        sr.delete(&format!("/jobs/{}/publication", job(2)))
            .await
            .status,
        204
    );
    assert_sr_error(
        &get(format!("{base}/AcmeSandbox/postings/ad-2")).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        sr.call(Method::POST, &format!("/jobs/{}/publication", job(1)), None)
            .await
            .status,
        204
    );
    assert_eq!(
        get(format!("{base}/AcmeSandbox/postings")).await.body["totalFound"],
        3
    );
}
