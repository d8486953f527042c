//! Uploads: a presigned handle, the multipart upload to it, attaching to a candidate, and
//! reading the bytes back through the URL file.info gives.

use crate::helpers::{read, spawn_app};
use serde_json::json;

#[tokio::test]
async fn a_resume_goes_up_by_handle_and_comes_back_byte_for_byte() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let pdf: Vec<u8> = b"%PDF-1.4\n% sandbox resume\n"
        .iter()
        .copied()
        .chain(0u8..=255)
        .collect();
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Ursula Upload"}))
        .await;
    let handle = ashby
        .ok(
            "file.createFileUploadHandle",
            json!({"fileUploadContext": "CandidateResume", "filename": "ursula.pdf", "contentType": "application/pdf", "contentLength": pdf.len()}),
        )
        .await;
    let key = handle["handle"].as_str().unwrap().to_owned();
    assert_eq!(handle["fields"]["key"], key);
    let early = json!({"candidateId": candidate["id"], "resumeHandle": key});
    assert_eq!(
        ashby.error("candidate.uploadResume", early.clone()).await,
        "invalid_input",
        "not uploaded yet"
    );

    let url = handle["url"].as_str().unwrap().to_owned();
    let short = reqwest::multipart::Form::new()
        .text("key", key.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(vec![1, 2, 3]).file_name("ursula.pdf"),
        );
    let refused = app.client.post(&url).multipart(short).send().await.unwrap();
    assert_eq!(refused.status(), 400, "the length must match the handle");
    let form = reqwest::multipart::Form::new()
        .text("key", key.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("ursula.pdf"),
        );
    let uploaded = app.client.post(&url).multipart(form).send().await.unwrap();
    assert_eq!(uploaded.status(), 204);

    let with_resume = ashby.ok("candidate.uploadResume", early).await;
    assert_eq!(with_resume["resumeFileHandle"]["handle"], key);
    assert_eq!(with_resume["resumeFileHandle"]["name"], "ursula.pdf");
    assert_eq!(with_resume["fileHandles"][0]["handle"], key);
    let info = ashby.ok("file.info", json!({"fileHandle": key})).await;
    let bytes = app
        .client
        .get(info["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(bytes.headers()["content-type"], "application/pdf");
    assert_eq!(bytes.bytes().await.unwrap().to_vec(), pdf);

    assert_eq!(
        ashby
            .error("file.info", json!({"fileHandle": "nope"}))
            .await,
        "file_not_found"
    );
    assert_eq!(
        ashby
            .error("file.createFileUploadHandle", json!({"fileUploadContext": "Selfie", "filename": "x.png", "contentType": "image/png", "contentLength": 1}))
            .await,
        "invalid_input"
    );
    assert_eq!(
        ashby
            .error(
                "candidate.uploadFile",
                json!({"candidateId": candidate["id"]})
            )
            .await,
        "invalid_input"
    );
    let stranger = read(
        app.client
            .get(format!("{}/_files/bm9wZS54", ashby.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(stranger.status, 404);
}
