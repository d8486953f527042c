//! The README's shell examples, run as written (in order, as one script, against a fresh demo
//! sandbox): every `curl` line must answer the status its trailing comment promises, and the
//! variable assignments (`TOKEN=$(curl ...)`) carry over to the lines after them.

use crate::helpers::spawn_app;
use std::process::Command;

/// The script to run and, for each `curl` line, `(command, expected status)`.
fn readme_script(base: &str) -> (String, Vec<(String, String)>) {
    let readme = include_str!("../../README.md");
    let mut in_sh = false;
    let mut script = String::new();
    let mut expected = Vec::new();
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let local = line.replace("http://127.0.0.1:8080", base);
        if line.starts_with("curl ") {
            let (command, status) = local
                .rsplit_once("   # ")
                .unwrap_or_else(|| panic!("README curl without its expected status: {line}"));
            script.push_str(&format!(
                "{command} -s -o /dev/null -w '%{{http_code}}\\n'\n"
            ));
            expected.push((line.to_owned(), status.trim().to_owned()));
        } else if line.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_')
        }) {
            script.push_str(&local);
            script.push('\n');
        }
    }
    (script, expected)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_readme_example_works_as_written() {
    let app = spawn_app().await;
    let (script, expected) = readme_script(&app.sandbox.base_url());
    assert!(expected.len() > 30, "the walkthroughs are there");
    let output = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("sh runs");
    let statuses: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        statuses.len(),
        expected.len(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for ((command, want), got) in expected.iter().zip(&statuses) {
        assert_eq!(got, want, "README: {command}");
    }
}

#[test]
fn the_ashby_coverage_table_matches_the_code() {
    use ats_sandbox::vendors::ashby::{endpoints::SPEC_ENDPOINTS, SERVED};
    let readme = include_str!("../../README.md");
    for (name, permission) in SPEC_ENDPOINTS {
        let served = if SERVED.iter().any(|(e, _)| e == name) {
            "yes"
        } else {
            "no"
        };
        let row = format!("| `{name}` | {} | {served} |", permission.unwrap_or("–"));
        assert!(
            readme.contains(&row),
            "README coverage row missing or stale: {row}"
        );
    }
}

#[test]
fn the_smartrecruiters_coverage_table_matches_the_code() {
    use ats_sandbox::vendors::smartrecruiters::catalogue::{ACTIONS, ROUTES};
    let readme = include_str!("../../README.md");
    assert_eq!(ACTIONS.len(), 164);
    for (name, route) in ACTIONS {
        let row = match route {
            Some(route) => {
                let (method, path) = route.split_once(' ').unwrap();
                assert!(
                    ROUTES.iter().any(|(m, p, _, _)| *m == method && *p == path),
                    "{name}: {route} is not a served route"
                );
                format!("| {name} | `{route}` | yes |")
            }
            None => format!("| {name} | – | no |"),
        };
        assert!(
            readme.contains(&row),
            "README coverage row missing or stale: {row}"
        );
    }
    let served = ACTIONS.iter().filter(|(_, r)| r.is_some()).count();
    assert!(readme.contains(&format!(
        "(164 actions) and the route that serves each; {served} are"
    )));
}
