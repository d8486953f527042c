//! `ats-sandbox fixtures generate`: reproducible, loadable data sets; fixture folders.

use crate::helpers::spawn_with;
use ats_sandbox::Sandbox;
use reqwest::Method;
use std::path::{Path, PathBuf};
use std::process::Command;

fn generate(vendor: &str, candidates: u32, seed: u32, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_ats-sandbox"))
        .args(["fixtures", "generate", "--vendor", vendor])
        .args([
            "--candidates",
            &candidates.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .arg("--out")
        .arg(out)
        .status()
        .unwrap();
    assert!(status.success());
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ats-sandbox-gen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_seed_gives_the_same_bytes_and_the_data_loads() {
    let (a, b, c) = (temp("a"), temp("b"), temp("c"));
    for vendor in ["atsanywhere", "pandape", "smartrecruiters"] {
        generate(vendor, 300, 11, &a);
        generate(vendor, 300, 11, &b);
        generate(vendor, 300, 12, &c);
        let read = |dir: &Path| std::fs::read(dir.join(format!("{vendor}.json"))).unwrap();
        assert_eq!(read(&a), read(&b), "{vendor}: same seed, same bytes");
        assert_ne!(read(&a), read(&c), "{vendor}: another seed, other data");
    }
    let app = spawn_with(Sandbox::builder().fixtures(&a.display().to_string())).await;
    let tenants = app.admin(Method::GET, "/tenants", None).await.body;
    assert_eq!(tenants[0]["counts"]["applications"], 300);
    assert_eq!(tenants[1]["counts"]["request_matches"], 300);
    assert_eq!(tenants[3]["counts"]["candidates"], 309);
    let sr = app.sr_key(tenants[3]["credentials"]["api_key"].as_str().unwrap());
    assert_eq!(
        sr.get("/candidates?limit=100").await.body["totalFound"],
        309
    );
    // The generated credentials work.
    let ats = app.ats_with(
        tenants[0]["credentials"]["api_key"].as_str().unwrap(),
        tenants[0]["credentials"]["api_password"].as_str().unwrap(),
    );
    assert_eq!(
        ats.get("/api/v1/applications?per_page=100")
            .await
            .ids()
            .len(),
        100
    );
    for dir in [a, b, c] {
        std::fs::remove_dir_all(dir).ok();
    }
}

#[tokio::test]
async fn a_vendor_folder_is_a_fixture_too() {
    let dir = temp("folder");
    let folder = dir.join("atsanywhere");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("company.json"), r#"{"name": "Folded"}"#).unwrap();
    std::fs::write(
        folder.join("users.json"),
        r#"[{"id": 1, "first_name": "F", "last_name": "O", "email": "f@o.io", "phone": null,
            "admin_level": "AccountOwner", "assigned_job_ids": [], "assigned_site_ids": [],
            "active": true, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}]"#,
    )
    .unwrap();
    std::fs::write(
        folder.join("credentials.json"),
        r#"[{"api_key": "fold", "api_password": "pw", "user_id": 1}]"#,
    )
    .unwrap();
    let app = spawn_with(Sandbox::builder().fixtures(&dir.display().to_string())).await;
    assert_eq!(
        app.ats_with("fold", "pw").get("/api/v1/users").await.ids(),
        [1]
    );
    std::fs::write(folder.join("users.json"), "[{]").unwrap();
    let settings = ats_sandbox::Settings {
        port: 0,
        fixtures: dir.display().to_string(),
        ..ats_sandbox::Settings::default()
    };
    let error = ats_sandbox::Application::build(&settings)
        .err()
        .unwrap()
        .to_string();
    assert!(error.contains("users.json"), "{error}");
    std::fs::remove_dir_all(dir).ok();
}
