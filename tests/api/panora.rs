//! Panora's unified ATS API over the demo Ashby tenant: both contracts, pagination,
//! remote_data, and writes that land in Ashby under Ashby's rules.

use crate::helpers::spawn_app;
use reqwest::Method;
use serde_json::{json, Value};

const KEY: &str = "demo-panora-key";
const ASHBY: &str = "demo-panora-ashby";

struct Panora {
    client: reqwest::Client,
    base: String,
}

impl Panora {
    /// `GET`/`POST` on the plural contract (`x-api-key`).
    async fn plural(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("x-api-key", KEY)
            .header("x-connection-token", ASHBY);
        if let Some(body) = body {
            req = req.json(&body);
        }
        let res = req.send().await.unwrap();
        (
            res.status().as_u16(),
            res.json().await.unwrap_or(Value::Null),
        )
    }

    /// `GET` on the singular contract (`Authorization: Bearer`).
    async fn singular(&self, path: &str) -> (u16, Value) {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(KEY)
            .header("x-connection-token", ASHBY)
            .send()
            .await
            .unwrap();
        (
            res.status().as_u16(),
            res.json().await.unwrap_or(Value::Null),
        )
    }
}

fn panora(app: &crate::helpers::TestApp) -> Panora {
    Panora {
        client: app.client.clone(),
        base: app.sandbox.vendor_url(ats_sandbox::Vendor::Panora),
    }
}

#[tokio::test]
async fn both_contracts_authenticate_their_own_way() {
    let app = spawn_app().await;
    let p = panora(&app);
    let (status, plural) = p.plural(Method::GET, "/ats/users", None).await;
    assert_eq!(status, 200);
    let (status, singular) = p.singular("/ats/user").await;
    assert_eq!(status, 200);
    assert_eq!(plural, singular, "one model behind both route sets");
    assert_eq!(plural["data"][0]["access_role"], "SUPER_ADMIN");
    let roles: Vec<&str> = plural["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["access_role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        [
            "SUPER_ADMIN",
            "ADMIN",
            "ADMIN",
            "LIMITED_TEAM_MEMBER",
            "INTERVIEWER"
        ]
    );

    // The plural contract does not take Bearer, nor the singular one x-api-key.
    let wrong = app
        .client
        .get(format!("{}/ats/users", p.base))
        .bearer_auth(KEY)
        .header("x-connection-token", ASHBY)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let body: Value = wrong.json().await.unwrap();
    assert_eq!(body, json!({"statusCode": 401, "message": "Unauthorized"}));
    let wrong = app
        .client
        .get(format!("{}/ats/user", p.base))
        .header("x-api-key", KEY)
        .header("x-connection-token", ASHBY)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    // An unknown connection token fails as Panora's controllers did.
    let unknown = app
        .client
        .get(format!("{}/ats/users", p.base))
        .header("x-api-key", KEY)
        .header("x-connection-token", "nope")
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 500);
    let missing = app
        .client
        .get(format!("{}/ats/users", p.base))
        .header("x-api-key", KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 500);
    let (status, body) = p.plural(Method::GET, "/ats/widgets", None).await;
    assert_eq!(status, 404);
    assert_eq!(body["error"], "Not Found");
}

#[tokio::test]
async fn lists_page_by_cursor_and_every_kind_answers() {
    let app = spawn_app().await;
    let p = panora(&app);
    let (_, all) = p
        .plural(Method::GET, "/ats/candidates?limit=1000", None)
        .await;
    let all: Vec<Value> = all["data"].as_array().unwrap().clone();
    assert_eq!(all.len(), 28);
    let mut walked = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/ats/candidates?limit=10.0&cursor={}", urlencode(c)),
            None => "/ats/candidates?limit=10".to_owned(),
        };
        let (status, page) = p.plural(Method::GET, &path, None).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(
            page["prev_cursor"],
            cursor.clone().map_or(Value::Null, Value::String)
        );
        walked.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].clone()),
        );
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    let ids: Vec<Value> = all.iter().map(|c| c["id"].clone()).collect();
    assert_eq!(walked, ids);
    let (status, _) = p
        .plural(Method::GET, "/ats/candidates?limit=ten", None)
        .await;
    assert_eq!(status, 400);
    let (status, _) = p
        .plural(Method::GET, "/ats/candidates?cursor=bm9wZQ==", None)
        .await;
    assert_eq!(status, 500, "an unknown cursor");

    for (segment, expect_some) in [
        ("activities", true),
        ("applications", true),
        ("attachments", false),
        ("departments", true),
        ("interviews", false),
        ("jobinterviewstages", true),
        ("jobs", true),
        ("offers", false),
        ("offices", true),
        ("rejectreasons", true),
        ("scorecards", false),
        ("tags", true),
        ("users", true),
        ("eeocs", false),
    ] {
        let (status, page) = p
            .plural(Method::GET, &format!("/ats/{segment}"), None)
            .await;
        assert_eq!(status, 200, "{segment}");
        assert_eq!(
            !page["data"].as_array().unwrap().is_empty(),
            expect_some,
            "{segment}: {page}"
        );
        if let Some(first) = page["data"].as_array().unwrap().first() {
            let (status, one) = p
                .plural(
                    Method::GET,
                    &format!("/ats/{segment}/{}", first["id"].as_str().unwrap()),
                    None,
                )
                .await;
            assert_eq!(status, 200);
            assert_eq!(&one, first);
        }
    }
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

#[tokio::test]
async fn writes_land_in_ashby_and_ashby_writes_show_in_panora() {
    let app = spawn_app().await;
    let p = panora(&app);
    let ashby = app.ashby();
    let (status, made) = p
        .plural(
            Method::POST,
            "/ats/candidates?remote_data=true",
            Some(json!({
                "first_name": "Ada", "last_name": "Lovelace", "company": "Analytical Engines",
                "email_addresses": [{"email_address": "ada@engines.example", "email_address_type": "WORK"}],
                "urls": [{"url": "https://github.com/ada", "url_type": "GITHUB"}],
                "field_mappings": {"favourite_number": 42},
            })),
        )
        .await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["field_mappings"], json!({"favourite_number": 42}));
    assert_eq!(made["remote_data"]["name"], "Ada Lovelace");
    let in_ashby = ashby
        .ok("candidate.info", json!({"id": made["remote_id"]}))
        .await;
    assert_eq!(in_ashby["company"], "Analytical Engines");
    assert_eq!(in_ashby, made["remote_data"]);
    let (_, again) = p
        .plural(
            Method::GET,
            &format!("/ats/candidates/{}", made["id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(again["field_mappings"], json!({"favourite_number": 42}));
    assert!(again.get("remote_data").is_none());

    // An application through Panora, by Panora ids; the second one breaks Ashby's rule.
    let (_, jobs) = p.plural(Method::GET, "/ats/jobs", None).await;
    let open = jobs["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["status"] == "OPEN")
        .unwrap()
        .clone();
    let apply = json!({"candidate_id": made["id"], "job_id": open["id"]});
    let (status, application) = p
        .plural(Method::POST, "/ats/applications", Some(apply.clone()))
        .await;
    assert_eq!(status, 201, "{application}");
    assert_eq!(application["candidate_id"], made["id"]);
    let (status, refused) = p
        .plural(Method::POST, "/ats/applications", Some(apply))
        .await;
    assert_eq!(status, 400);
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("application_already_exists"),
        "{refused}"
    );

    // A nameless candidate is refused with Ashby's reason, and nothing is written.
    let before = ashby.ok("candidate.list", json!({"limit": 100})).await;
    let (status, refused) = p
        .plural(
            Method::POST,
            "/ats/candidates",
            Some(json!({"company": "Nameless"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("name must not be empty"),
        "{refused}"
    );
    assert_eq!(
        ashby.ok("candidate.list", json!({"limit": 100})).await,
        before
    );

    // What Ashby writes is visible through Panora at once.
    let native = ashby
        .ok(
            "candidate.create",
            json!({"name": "Native Ashby", "email": "native@ashby.example"}),
        )
        .await;
    let (_, list) = p
        .plural(Method::GET, "/ats/candidates?limit=100", None)
        .await;
    assert!(list["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["remote_id"] == native["id"]));
    let (status, note) = p
        .plural(
            Method::POST,
            "/ats/activities",
            Some(json!({"candidate_id": made["id"], "body": "Met at a conference"})),
        )
        .await;
    assert_eq!(status, 201, "{note}");
    let notes = ashby
        .ok(
            "candidate.listNotes",
            json!({"candidateId": made["remote_id"]}),
        )
        .await;
    assert_eq!(notes[0]["content"], "Met at a conference");
    let (status, _) = p
        .plural(Method::POST, "/ats/jobs", Some(json!({"name": "x"})))
        .await;
    assert_eq!(status, 404, "jobs take no create");
}

#[tokio::test]
async fn projects_link_tenants_through_the_control_plane() {
    let app = spawn_app().await;
    let made = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "ashby", "fixtures": "demo", "id": "ashby-b"})),
        )
        .await;
    assert_eq!(made.status, 201);
    let refused = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "panora", "connections": [{"tenant": "nope"}]})),
        )
        .await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.body["field"], "connections");
    let refused = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "ashby", "connections": [{"tenant": "ashby-b"}]})),
        )
        .await;
    assert_eq!(refused.status, 400);
    let project = app
        .admin(
            Method::POST,
            "/tenants",
            Some(json!({"vendor": "panora", "connections": [{"tenant": "ashby-b"}]})),
        )
        .await;
    assert_eq!(project.status, 201, "{}", project.body);
    let key = project.body["credentials"]["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = project.body["credentials"]["connection_tokens"]["ashby-b"]
        .as_str()
        .unwrap()
        .to_owned();
    let base = app.sandbox.vendor_url(ats_sandbox::Vendor::Panora);
    let res = app
        .client
        .get(format!("{base}/ats/candidates?limit=1"))
        .header("x-api-key", &key)
        .header("x-connection-token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    // The same remote object has another Panora id in another linked tenant.
    let (_, demo) = panora(&app)
        .plural(Method::GET, "/ats/candidates?limit=1", None)
        .await;
    assert_eq!(page["data"][0]["remote_id"], demo["data"][0]["remote_id"]);
    assert_ne!(page["data"][0]["id"], demo["data"][0]["id"]);
    // The demo project's key does not open the new project's connection.
    let res = app
        .client
        .get(format!("{base}/ats/candidates"))
        .header("x-api-key", KEY)
        .header("x-connection-token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 500);
}

async fn get_with(app: &crate::helpers::TestApp, token: &str, path: &str) -> (u16, Value) {
    let res = app
        .client
        .get(format!(
            "{}{path}",
            app.sandbox.vendor_url(ats_sandbox::Vendor::Panora)
        ))
        .header("x-api-key", KEY)
        .header("x-connection-token", token)
        .send()
        .await
        .unwrap();
    (
        res.status().as_u16(),
        res.json().await.unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn ats_anywhere_and_pandape_map_where_their_data_allows() {
    let app = spawn_app().await;
    let ats = "demo-panora-atsanywhere";
    let (_, users) = get_with(&app, ats, "/ats/users").await;
    assert_eq!(users["data"][0]["access_role"], "SUPER_ADMIN");
    assert_eq!(users["data"][0]["remote_id"], "1");
    let (_, candidates) = get_with(&app, ats, "/ats/candidates?limit=100").await;
    let (_, applications) = get_with(&app, ats, "/ats/applications?limit=100").await;
    let first = candidates["data"][0].clone();
    assert_eq!(
        first["applications"][0], applications["data"][0]["id"],
        "an applicant is a candidate and its application"
    );
    assert_eq!(applications["data"][0]["candidate_id"], first["id"]);
    let (_, jobs) = get_with(&app, ats, "/ats/jobs?remote_data=true").await;
    assert!(jobs["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|j| j["status"] == "OPEN"));
    assert!(jobs["data"][0]["remote_data"]["reference_number"].is_string());
    let (_, departments) = get_with(&app, ats, "/ats/departments").await;
    assert_eq!(departments["data"], json!([]));

    // An ATS Anywhere write shows through Panora at once.
    let owner = app.ats("owner");
    let renamed = owner
        .patch("/api/v1/users/2", json!({"first_name": "Adamant"}))
        .await;
    assert_eq!(renamed.status, 200);
    let id = users["data"][1]["id"].as_str().unwrap().to_owned();
    let (_, user) = get_with(&app, ats, &format!("/ats/users/{id}")).await;
    assert_eq!(user["first_name"], "Adamant");
    let res = app
        .client
        .post(format!(
            "{}/ats/candidates",
            app.sandbox.vendor_url(ats_sandbox::Vendor::Panora)
        ))
        .header("x-api-key", KEY)
        .header("x-connection-token", ats)
        .json(&json!({"first_name": "No", "last_name": "Way"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);

    let pandape = "demo-panora-pandape";
    let (_, users) = get_with(&app, pandape, "/ats/users").await;
    assert_eq!(users["data"][0]["access_role"], "SUPER_ADMIN");
    let (_, jobs) = get_with(&app, pandape, "/ats/jobs").await;
    assert!(!jobs["data"].as_array().unwrap().is_empty());
    let (status, candidates) = get_with(&app, pandape, "/ats/candidates").await;
    assert_eq!(status, 200);
    assert_eq!(candidates["data"], json!([]));
}

#[tokio::test]
async fn every_unified_shape() {
    let app = spawn_app().await;
    let p = panora(&app);
    for segment in [
        "activities",
        "applications",
        "candidates",
        "departments",
        "jobinterviewstages",
        "jobs",
        "offices",
        "rejectreasons",
        "tags",
        "users",
    ] {
        let (_, page) = p
            .plural(
                Method::GET,
                &format!("/ats/{segment}?limit=1&remote_data=true"),
                None,
            )
            .await;
        insta::assert_json_snapshot!(format!("panora_{segment}"), page);
    }
    let (_, unauthorized) = p.singular("/ats/widget").await;
    insta::assert_json_snapshot!("panora_not_found", unauthorized);
    let res = app
        .client
        .get(format!("{}/ats/users", p.base))
        .header("x-connection-token", ASHBY)
        .send()
        .await
        .unwrap();
    insta::assert_json_snapshot!("panora_unauthorized", res.json::<Value>().await.unwrap());
    let res = app
        .client
        .get(format!("{}/ats/users", p.base))
        .header("x-api-key", KEY)
        .send()
        .await
        .unwrap();
    insta::assert_json_snapshot!(
        "panora_unknown_connection",
        res.json::<Value>().await.unwrap()
    );
}

#[tokio::test]
async fn smartrecruiters_round_trips_under_its_own_rules() {
    let app = spawn_app().await;
    let token = "demo-panora-smartrecruiters";
    let base = app.sandbox.vendor_url(ats_sandbox::Vendor::Panora);
    let post = |path: &str, body: Value| {
        app.client
            .post(format!("{base}{path}"))
            .header("x-api-key", KEY)
            .header("x-connection-token", token)
            .json(&body)
            .send()
    };
    let (_, users) = get_with(&app, token, "/ats/users").await;
    let roles: Vec<&str> = users["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["access_role"].as_str().unwrap())
        .collect();
    assert!(
        roles.contains(&"SUPER_ADMIN") && roles.contains(&"INTERVIEWER"),
        "{roles:?}"
    );
    let (_, jobs) = get_with(&app, token, "/ats/jobs?limit=100").await;
    let by_code = |status: &str| {
        jobs["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|j| j["remote_data"].is_null() && j["status"] == status)
            .cloned()
    };
    let open = by_code("OPEN").expect("an open job");
    let filled = by_code("CLOSED").expect("a filled job");
    let (_, stages) = get_with(&app, token, "/ats/jobinterviewstages").await;
    assert_eq!(
        stages["data"].as_array().unwrap().len(),
        9,
        "the candidate statuses"
    );

    let res = post(
        "/ats/candidates",
        json!({"first_name": "Katherine", "last_name": "Johnson",
               "email_addresses": [{"email_address": "kj@nasa.example", "email_address_type": "WORK"}]}),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.unwrap();
    let native = app
        .sr("admin")
        .call(
            Method::GET,
            &format!("/candidates/{}", made["remote_id"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(native.status, 200);
    assert_eq!(native.body["email"], "kj@nasa.example");
    let res = post(
        "/ats/candidates",
        json!({"first_name": "No", "last_name": "Email"}),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 400, "SmartRecruiters needs an email");

    let res = post(
        "/ats/applications",
        json!({"candidate_id": made["id"], "job_id": filled["id"]}),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 400);
    let refused: Value = res.json().await.unwrap();
    assert!(
        refused["message"].as_str().unwrap().contains("FILLED"),
        "{refused}"
    );
    let res = post(
        "/ats/applications",
        json!({"candidate_id": made["id"], "job_id": open["id"]}),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 201);
    let application: Value = res.json().await.unwrap();
    assert_eq!(
        application["current_stage"].as_str().map(str::len),
        Some(36)
    );
    let on_job = app
        .sr("admin")
        .call(
            Method::GET,
            &format!(
                "/candidates/{}/jobs/{}",
                made["remote_id"].as_str().unwrap(),
                open["remote_id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(on_job.status, 200, "{}", on_job.body);
    // What SmartRecruiters' own API writes shows through Panora at once.
    let native = app
        .sr("admin")
        .call(
            Method::POST,
            "/candidates",
            Some(json!({"firstName": "Mary", "lastName": "Jackson", "email": "mj@nasa.example"})),
        )
        .await;
    assert_eq!(native.status, 201, "{}", native.body);
    let (_, everyone) = get_with(&app, token, "/ats/candidates?limit=1000").await;
    assert!(everyone["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["remote_id"] == native.body["id"] && c["last_name"] == "Jackson"));
    let (_, list) = get_with(&app, token, "/ats/applications?limit=2").await;
    let cursor = list["next_cursor"]
        .as_str()
        .unwrap()
        .replace('=', "%3D")
        .replace('+', "%2B")
        .replace('/', "%2F");
    let (status, next) = get_with(
        &app,
        token,
        &format!("/ats/applications?limit=2&cursor={cursor}"),
    )
    .await;
    assert_eq!(status, 200);
    assert_ne!(next["data"][0]["id"], list["data"][0]["id"]);
}
