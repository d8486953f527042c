//! The `ats-sandbox` binary itself: flags from the environment, the start banner, JSON logs,
//! graceful stop on SIGTERM, and the `openapi` subcommand.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_prints_its_tenants_logs_json_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ats-sandbox"))
        .arg("serve")
        .env("ATS_SANDBOX_PORT", "0")
        .env("ATS_SANDBOX_LOG_FORMAT", "json")
        .env("ATS_SANDBOX_SEED", "5")
        .env("ATS_SANDBOX_WORKERS", "1")
        .env("RUST_LOG", "info,ats_sandbox=debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut banner = String::new();
    while !banner.contains("/_sandbox") {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "banner ended early: {banner}"
        );
        banner.push_str(&line);
    }
    assert!(banner.contains("(fixtures: demo)"), "{banner}");
    assert!(
        banner.contains("demo-owner-key") && banner.contains("demo-owner-password"),
        "{banner}"
    );
    assert!(banner.contains("api.applicant-tracking.com"), "{banner}");
    let base = banner
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the bound address")
        .to_owned();
    assert!(!base.ends_with(":0"), "{base}");

    let client = reqwest::Client::new();
    let users = client
        .get(format!("{base}/atsanywhere/api/v1/users"))
        .basic_auth("demo-owner-key", Some("demo-owner-password"))
        .send()
        .await
        .unwrap();
    assert_eq!(users.status(), 200);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful stop: {status:?}");
    let mut logs = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    let request_line = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|l| l["fields"]["path"] == "/atsanywhere/api/v1/users")
        .unwrap_or_else(|| panic!("a JSON log line for the request in: {logs}"));
    assert_eq!(request_line["fields"]["status"], 200);
}

#[test]
fn the_openapi_subcommand_prints_the_committed_documents() {
    for (vendor, committed) in [
        (
            "atsanywhere",
            include_str!("../../openapi/atsanywhere.json"),
        ),
        ("pandape", include_str!("../../openapi/pandape.json")),
        ("ashby", include_str!("../../openapi/ashby.json")),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_ats-sandbox"))
            .args(["openapi", vendor])
            .output()
            .unwrap();
        assert!(output.status.success());
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            committed,
            "{vendor}"
        );
    }
}

#[test]
fn a_bad_fixture_set_stops_the_start_with_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_ats-sandbox"))
        .args(["--port", "0", "--fixtures", "/no/such/set"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("/no/such/set") && stderr.contains("no such fixture set"),
        "{stderr}"
    );
}
