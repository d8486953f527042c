//! The README's curl examples, run as written (in order, against a fresh demo sandbox), each
//! answering the status its trailing comment promises.

use crate::helpers::spawn_app;
use std::process::Command;

/// `(command, expected status)` for every `curl` line of the README's `sh` blocks.
fn readme_curls() -> Vec<(String, String)> {
    let readme = include_str!("../../README.md");
    let mut in_sh = false;
    let mut curls = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if in_sh && line.starts_with("curl ") {
            let (command, status) = line
                .rsplit_once("   # ")
                .unwrap_or_else(|| panic!("README curl without its expected status: {line}"));
            curls.push((command.to_owned(), status.trim().to_owned()));
        }
    }
    curls
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_readme_curl_works_as_written() {
    let app = spawn_app().await;
    let curls = readme_curls();
    assert!(curls.len() > 20, "the walkthrough is there");
    for (command, expected) in curls {
        let local = command.replace("http://127.0.0.1:8080", &app.sandbox.base_url());
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("{local} -s -o /dev/null -w '%{{http_code}}'"))
            .output()
            .expect("curl runs");
        let status = String::from_utf8_lossy(&output.stdout);
        assert_eq!(status, expected, "README: {command}");
    }
}
