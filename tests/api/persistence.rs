//! `--state-file`: tenants survive a restart; a corrupt or incompatible file stops the start and
//! is left untouched; saves are atomic.

use crate::helpers::spawn_with;
use ats_sandbox::{Application, Sandbox, Settings};
use reqwest::Method;
use serde_json::json;
use std::path::PathBuf;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ats-sandbox-state-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn tenants_survive_a_restart() {
    let dir = temp_dir("restart");
    let file = dir.join("state.json");
    let app = spawn_with(Sandbox::builder().seed(3).state_file(&file)).await;
    let made = app
        .ats("admin")
        .post("/api/v1/users", json!({"first_name": "Kept", "last_name": "Across", "email": "kept@x.io", "admin_level": "Basic"}))
        .await;
    let id = made.body["id"].as_u64().unwrap();
    let extra = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "pandape", "id": "kept"})),
        )
        .await;
    let saved = app.admin(Method::POST, "/save", None).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(saved.body["tenants"], ats_sandbox::Vendor::ALL.len() + 1);
    let on_disk: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        (on_disk["format"].as_str(), on_disk["version"].as_u64()),
        (Some("ats-sandbox-state"), Some(1))
    );
    // A change after the explicit save is saved on stop.
    app.ats("admin")
        .patch(&format!("/api/v1/users/{id}"), json!({"phone": "+1 222"}))
        .await;
    app.sandbox.stop().await;
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["state.json"],
        "no temporary file is left behind"
    );

    let again = spawn_with(Sandbox::builder().seed(3).state_file(&file)).await;
    let user = again.ats("admin").get(&format!("/api/v1/users/{id}")).await;
    assert_eq!(user.status, 200, "{}", user.body);
    assert_eq!(user.body["phone"], "+1 222");
    let kept = again.admin(Method::GET, "/tenants/kept", None).await;
    assert_eq!(kept.body["credentials"], extra.body["credentials"]);
    let client = again
        .pandape_with(
            extra.body["credentials"]["client_id"].as_str().unwrap(),
            extra.body["credentials"]["client_secret"].as_str().unwrap(),
        )
        .await;
    assert_eq!(client.get("/v2/company/users").await.status, 200);
    // Reset still returns to the fixture state the tenant was made from.
    again
        .admin(Method::POST, "/tenants/atsanywhere-default/reset", None)
        .await;
    assert_eq!(
        again
            .ats("admin")
            .get(&format!("/api/v1/users/{id}"))
            .await
            .status,
        404
    );
    again.sandbox.stop().await;
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_corrupt_or_incompatible_state_file_stops_the_start_untouched() {
    let dir = temp_dir("corrupt");
    for (name, contents, reason) in [
        ("torn.json", "{\"format\": \"ats-sandbox-state\", \"version\": 1, \"tenants\": [", "not valid JSON"),
        ("future.json", "{\"format\": \"ats-sandbox-state\", \"version\": 99, \"tenants\": []}", "version 99"),
        ("other.json", "{\"hello\": \"world\"}", "not an ats-sandbox state file"),
        (
            "broken.json",
            "{\"format\": \"ats-sandbox-state\", \"version\": 1, \"saved_at\": \"x\", \"tenants\": [{\"id\": \"t\", \"vendor\": \"atsanywhere\", \"fixtures\": \"demo\", \"seed\": 1, \"origin\": {}, \"state\": {}}]}",
            "tenant t",
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, contents).unwrap();
        let settings = Settings {
            port: 0,
            state_file: Some(file.clone()),
            ..Settings::default()
        };
        let error = Application::build(&settings).err().expect("the start fails").to_string();
        assert!(error.contains(name) && error.contains(reason), "{name}: {error}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), contents, "{name} is left as it was");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn saving_needs_a_state_file_and_happens_on_an_interval() {
    let app = crate::helpers::spawn_app().await;
    assert_eq!(app.admin(Method::POST, "/save", None).await.status, 409);

    let dir = temp_dir("interval");
    let file = dir.join("state.json");
    let mut settings = Settings {
        port: 0,
        state_file: Some(file.clone()),
        save_interval: 1,
        workers: Some(1),
        ..Settings::default()
    };
    settings.fixtures = "empty".into();
    let application = Application::build(&settings).unwrap();
    let handle = application.handle();
    let running = tokio::spawn(application.run_until_stopped());
    let mut waited = 0;
    while !file.exists() && waited < 50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    assert!(file.exists(), "a periodic save wrote the file");
    handle.stop(true).await;
    running.await.unwrap().unwrap();
    std::fs::remove_dir_all(dir).ok();
}
