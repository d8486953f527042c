//! Both ways in (path prefix and Host header), unknown routes, wrong methods, oversized bodies,
//! and the served OpenAPI document.

use crate::helpers::{assert_error, read, spawn_app};
use ats_sandbox::Vendor;
use serde_json::json;

#[tokio::test]
async fn the_host_form_serves_the_vendor_paths_at_the_root() {
    let app = spawn_app().await;
    // Written through the prefix form...
    let created = app
        .ats("admin")
        .post("/api/v1/jobs", json!({"title": "Routed"}))
        .await;
    let id = created.body["id"].as_u64().unwrap();
    // ...read through the Host form, as a client with a hard-coded base URL would.
    for host in ["api.applicant-tracking.com", "api.atsanywhere.io:443"] {
        let response = app
            .client
            .get(format!("{}/api/v1/jobs/{id}", app.sandbox.base_url()))
            .header("Host", host)
            .basic_auth("demo-admin-key", Some("demo-admin-password"))
            .send()
            .await
            .unwrap();
        let reply = read(response).await;
        assert_eq!(reply.status, 200, "{host}: {}", reply.body);
        assert_eq!(reply.body["title"], "Routed");
    }
    // Without the vendor host, the root path is not a vendor path.
    let plain = read(
        app.client
            .get(format!("{}/api/v1/jobs", app.sandbox.base_url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(plain.status, 404);
    assert_eq!(plain.body["error"], "not_found");
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_answer_in_the_vendor_shape() {
    let app = spawn_app().await;
    let admin = app.ats("admin");
    assert_error(
        &admin.get("/api/v1/candidates").await,
        404,
        "not_found",
        None,
    );
    assert_error(&admin.get("/nothing/here").await, 404, "not_found", None);
    assert_error(
        &admin.delete("/api/v1/jobs").await,
        405,
        "method_not_allowed",
        None,
    );
    assert_error(
        &admin.post("/api/v1/jobs/active", json!({})).await,
        405,
        "method_not_allowed",
        None,
    );
    let host_form = app
        .client
        .get(format!("{}/api/v2/whatever", app.sandbox.base_url()))
        .header("Host", "api.applicant-tracking.com")
        .send()
        .await
        .unwrap();
    assert_error(&read(host_form).await, 404, "not_found", None);
}

#[tokio::test]
async fn oversized_bodies_are_refused_in_the_vendor_shape() {
    let app = spawn_app().await;
    let huge = "x".repeat(11 * 1024 * 1024);
    let response = app
        .client
        .post(format!(
            "{}/users",
            app.sandbox.api_url(Vendor::AtsAnywhere)
        ))
        .basic_auth("demo-admin-key", Some("demo-admin-password"))
        .header("content-type", "application/json")
        .body(format!("{{\"first_name\":\"{huge}\"}}"))
        .send()
        .await
        .unwrap();
    assert_error(&read(response).await, 413, "payload_too_large", None);
    assert_eq!(
        app.ats("admin")
            .get("/api/v1/users?per_page=100")
            .await
            .ids()
            .len(),
        7
    );
}

#[tokio::test]
async fn each_served_openapi_document_is_the_committed_one() {
    let app = spawn_app().await;
    for vendor in Vendor::ALL {
        let served = app
            .client
            .get(format!("{}/openapi.json", app.sandbox.vendor_url(vendor)))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let file = format!("{}/openapi/{vendor}.json", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            served == committed,
            "{file} is stale: run `cargo run -- openapi {vendor} > openapi/{vendor}.json`"
        );
        let doc: serde_json::Value = serde_json::from_str(&served).unwrap();
        let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
        insta::assert_json_snapshot!(format!("{vendor}_openapi_paths"), paths);
    }
}
