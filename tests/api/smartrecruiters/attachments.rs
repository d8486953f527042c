//! Candidate attachments: uploads (multipart and base64 JSON), lists, bytes, delete.

use super::{candidate, job};
use crate::helpers::{assert_sr_error, read, spawn_app};
use reqwest::multipart::{Form, Part};
use serde_json::json;

#[tokio::test]
async fn attachments_keep_their_bytes_until_deleted() {
    let app = spawn_app().await;
    let sr = app.sr("standard");
    let base = format!("/candidates/{}", candidate(3));
    let form = Form::new()
        .part(
            "file",
            Part::bytes(b"%PDF-1.4 resume".to_vec())
                .file_name("cv.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        )
        .text("attachmentType", "RESUME");
    let uploaded = read(
        app.client
            .post(format!("{}{base}/jobs/{}/attachments", sr.base, job(3)))
            .header("X-SmartToken", "demo-sr-standard-key")
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(uploaded.status, 201, "{}", uploaded.body);
    assert_eq!(
        (
            uploaded.body["name"].as_str(),
            uploaded.body["type"].as_str(),
            uploaded.body["size"].as_u64()
        ),
        (Some("cv.pdf"), Some("RESUME"), Some(15))
    );
    let id = uploaded.body["id"].as_str().unwrap().to_owned();
    let json_upload = sr
        .post(
            &format!("{base}/attachments"),
            json!({"fileName": "note.txt", "contentType": "text/plain", "content": "aGVsbG8="}),
        )
        .await;
    assert_eq!(
        (
            json_upload.status.as_u16(),
            json_upload.body["type"].as_str()
        ),
        (201, Some("OTHER"))
    );
    assert_eq!(
        sr.get(&format!("{base}/attachments")).await.body["totalFound"],
        2
    );
    assert_eq!(
        sr.get(&format!("{base}/jobs/{}/attachments", job(3)))
            .await
            .body["content"][0]["id"],
        id.as_str()
    );
    let bytes = app
        .client
        .get(format!("{}/candidates/attachments/{id}", sr.base))
        .header("X-SmartToken", "demo-sr-restricted-key")
        .send()
        .await
        .unwrap();
    assert_eq!(bytes.headers()["content-type"], "application/pdf");
    assert_eq!(bytes.bytes().await.unwrap().as_ref(), b"%PDF-1.4 resume");
    let by_candidate = app
        .client
        .get(format!("{}{base}/attachments/{id}", sr.base))
        .header("X-SmartToken", "demo-sr-standard-key")
        .send()
        .await
        .unwrap();
    assert_eq!(by_candidate.status(), 200);
    assert_sr_error(
        &sr.get(&format!("/candidates/{}/attachments/{id}", candidate(2)))
            .await,
        404,
        "NOT_FOUND",
        None,
    );

    assert_sr_error(
        &sr.post(
            &format!("{base}/jobs/{}/attachments", job(2)),
            json!({"fileName": "x", "content": "eA=="}),
        )
        .await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_sr_error(
        &sr.post(
            &format!("{base}/attachments"),
            json!({"fileName": "x", "content": ""}),
        )
        .await,
        400,
        "INVALID_FIELD",
        Some("file"),
    );
    assert_sr_error(
        &sr.post(
            &format!("{base}/attachments"),
            json!({"fileName": "x", "content": "%%%"}),
        )
        .await,
        400,
        "INVALID_FIELD",
        Some("content"),
    );
    assert_sr_error(
        &sr.post(
            &format!("{base}/attachments"),
            json!({"fileName": "x", "content": "eA==", "attachmentType": "PHOTO"}),
        )
        .await,
        400,
        "INVALID_FIELD",
        Some("attachmentType"),
    );
    assert_sr_error(
        &app.sr("restricted")
            .post(
                &format!("{base}/attachments"),
                json!({"fileName": "x", "content": "eA=="}),
            )
            .await,
        403,
        "FORBIDDEN",
        None,
    );

    assert_eq!(
        sr.delete(&format!("/candidates/attachments/{id}"))
            .await
            .status,
        204
    );
    assert_sr_error(
        &sr.get(&format!("/candidates/attachments/{id}")).await,
        404,
        "NOT_FOUND",
        None,
    );
    assert_eq!(
        sr.get(&format!("{base}/attachments")).await.body["totalFound"],
        1
    );
    // Deleting the candidate deletes the rest.
    let other = json_upload.body["id"].as_str().unwrap();
    assert_eq!(app.sr("extended").delete(&base).await.status, 204);
    assert_sr_error(
        &sr.get(&format!("/candidates/attachments/{other}")).await,
        404,
        "NOT_FOUND",
        None,
    );
}
