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

#[tokio::test]
async fn the_deprecated_multipart_form_uploads_in_one_call() {
    let app = spawn_app().await;
    let ashby = app.ashby();
    let candidate = ashby
        .ok("candidate.create", json!({"name": "Mona Multipart"}))
        .await;
    let url = format!("{}/candidate.uploadResume", ashby.base);
    let form = reqwest::multipart::Form::new()
        .text("candidateId", candidate["id"].as_str().unwrap().to_owned())
        .part(
            "resume",
            reqwest::multipart::Part::bytes(b"%PDF-1.4 mona".to_vec())
                .file_name("mona.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let sent = app
        .client
        .post(&url)
        .basic_auth("demo-ashby-key", Some(""))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = sent.json().await.unwrap();
    assert_eq!(body["success"], true, "{body}");
    let handle = body["results"]["resumeFileHandle"]["handle"].clone();
    assert_eq!(body["results"]["resumeFileHandle"]["name"], "mona.pdf");
    let info = ashby.ok("file.info", json!({"fileHandle": handle})).await;
    let served = app
        .client
        .get(info["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(served.headers()["content-type"], "application/pdf");
    assert_eq!(&served.bytes().await.unwrap()[..], b"%PDF-1.4 mona");

    // A form without the file part, and one that is not multipart at all.
    let empty = reqwest::multipart::Form::new()
        .text("candidateId", candidate["id"].as_str().unwrap().to_owned());
    let refused: serde_json::Value = app
        .client
        .post(format!("{}/candidate.uploadFile", ashby.base))
        .basic_auth("demo-ashby-key", Some(""))
        .multipart(empty)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(refused["errorInfo"]["code"], "invalid_input");
    let broken: serde_json::Value = app
        .client
        .post(format!("{}/candidate.uploadFile", ashby.base))
        .basic_auth("demo-ashby-key", Some(""))
        .header("Content-Type", "multipart/form-data; boundary=xyz")
        .body("not a form")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(broken["errorInfo"]["code"], "invalid_input");
}
