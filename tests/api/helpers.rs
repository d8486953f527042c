//! `spawn_app()` and small HTTP helpers shared by the integration tests.

use ats_sandbox::{Sandbox, Vendor};
use reqwest::{Method, StatusCode};
use serde_json::Value;

pub struct TestApp {
    pub sandbox: Sandbox,
    pub client: reqwest::Client,
}

/// A sandbox with the demo fixtures and a fixed seed, on a free port.
pub async fn spawn_app() -> TestApp {
    spawn_with(Sandbox::builder().fixtures("demo").seed(42)).await
}

pub async fn spawn_with(builder: ats_sandbox::SandboxBuilder) -> TestApp {
    let sandbox = builder.start().await.expect("the sandbox starts");
    TestApp {
        sandbox,
        client: reqwest::Client::new(),
    }
}

/// A response, read.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The ids of a JSON array of records.
    pub fn ids(&self) -> Vec<u64> {
        self.body
            .as_array()
            .unwrap_or_else(|| panic!("expected an array, got {}", self.body))
            .iter()
            .map(|r| r["id"].as_u64().expect("an id"))
            .collect()
    }
}

pub async fn read(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.expect("a body");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// An ATS Anywhere client acting with one credential.
#[derive(Clone)]
pub struct Ats {
    client: reqwest::Client,
    pub base: String,
    key: String,
    password: String,
}

impl TestApp {
    /// ATS Anywhere as one of the demo users: `owner`, `admin`, `manager` (Basic, site 1),
    /// `reviewer` (Limited, jobs 1 and 2) or `readonly`.
    pub fn ats(&self, who: &str) -> Ats {
        self.ats_with(&format!("demo-{who}-key"), &format!("demo-{who}-password"))
    }

    pub fn ats_with(&self, key: &str, password: &str) -> Ats {
        Ats {
            client: self.client.clone(),
            base: self.sandbox.vendor_url(Vendor::AtsAnywhere),
            key: key.into(),
            password: password.into(),
        }
    }

    /// Control plane call.
    pub async fn admin(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let url = format!("{}/_sandbox{path}", self.sandbox.base_url());
        let mut request = self.client.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(request.send().await.expect("the request is sent")).await
    }
}

impl Ats {
    /// `path` is relative to `/atsanywhere` (so `/api/v1/users`).
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .basic_auth(&self.key, Some(&self.password));
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(request.send().await.expect("the request is sent")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.call(Method::DELETE, path, None).await
    }
}

/// Asserts an ATS Anywhere error: status, code, and (optionally) the field at fault.
pub fn assert_error(reply: &Reply, status: u16, code: &str, field: Option<&str>) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.body);
    assert_eq!(reply.body["status"], status, "{}", reply.body);
    assert_eq!(reply.body["error"], code, "{}", reply.body);
    assert!(reply.body["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    if let Some(field) = field {
        let fields: Vec<&str> = reply.body["errors"]
            .as_array()
            .map(|errors| errors.iter().filter_map(|e| e["field"].as_str()).collect())
            .unwrap_or_default();
        assert!(
            fields.contains(&field),
            "expected field {field} in {}",
            reply.body
        );
    }
}

/// A Pandapé client holding a bearer token.
#[derive(Clone)]
pub struct Pandape {
    client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl TestApp {
    /// `POST /connect/token` with a client's credentials; the raw reply.
    pub async fn pandape_token(&self, client_id: &str, secret: &str, scope: Option<&str>) -> Reply {
        let mut form = vec![
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("client_secret", secret),
        ];
        if let Some(scope) = scope {
            form.push(("scope", scope));
        }
        let url = format!("{}/connect/token", self.sandbox.vendor_url(Vendor::Pandape));
        read(self.client.post(url).form(&form).send().await.unwrap()).await
    }

    /// Pandapé as a demo client: `admin`, `supervisor`, `manager`, `recruiter` (may publish),
    /// `recruiter2` (no flags), `interviewer`, `contributor`, `requisitor`.
    pub async fn pandape(&self, who: &str) -> Pandape {
        let id = format!("demo-pandape-{who}");
        self.pandape_with(&id, &format!("{id}-secret")).await
    }

    pub async fn pandape_with(&self, client_id: &str, secret: &str) -> Pandape {
        let reply = self.pandape_token(client_id, secret, None).await;
        assert_eq!(reply.status, 200, "token for {client_id}: {}", reply.body);
        Pandape {
            client: self.client.clone(),
            base: self.sandbox.vendor_url(Vendor::Pandape),
            token: reply.body["access_token"].as_str().unwrap().to_owned(),
        }
    }
}

impl Pandape {
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(request.send().await.expect("the request is sent")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.call(Method::DELETE, path, None).await
    }

    /// The ids of a page's `items`.
    pub fn page_ids(reply: &Reply) -> Vec<u64> {
        reply.body["items"]
            .as_array()
            .unwrap_or_else(|| panic!("expected a page, got {}", reply.body))
            .iter()
            .map(|r| r["id"].as_u64().unwrap())
            .collect()
    }
}

/// Asserts a ProblemDetails error: status, content type, and (optionally) a field in `errors`.
pub fn assert_problem(reply: &Reply, status: u16, field: Option<&str>) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.body);
    assert!(
        reply
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/problem+json")),
        "{:?}",
        reply.header("content-type")
    );
    assert_eq!(reply.body["status"], status, "{}", reply.body);
    assert!(reply.body["type"]
        .as_str()
        .is_some_and(|t| t.starts_with("https://tools.ietf.org/html/rfc9110")));
    assert!(
        reply.body["title"].is_string() && reply.body["traceId"].is_string(),
        "{}",
        reply.body
    );
    if let Some(field) = field {
        assert!(
            reply.body["errors"][field].is_array(),
            "expected errors.{field} in {}",
            reply.body
        );
    }
}

/// An Ashby client with one API key.
#[derive(Clone)]
pub struct Ashby {
    client: reqwest::Client,
    pub base: String,
    key: String,
}

impl TestApp {
    /// Ashby with a demo key: `demo-ashby-key` (every permission) unless named.
    pub fn ashby(&self) -> Ashby {
        self.ashby_with("demo-ashby-key")
    }

    pub fn ashby_with(&self, key: &str) -> Ashby {
        Ashby {
            client: self.client.clone(),
            base: self.sandbox.vendor_url(Vendor::Ashby),
            key: key.into(),
        }
    }
}

impl Ashby {
    /// `POST /{endpoint}` with a JSON body.
    pub async fn call(&self, endpoint: &str, body: Value) -> Reply {
        let request = self
            .client
            .post(format!("{}/{endpoint}", self.base))
            .basic_auth(&self.key, Some(""))
            .json(&body);
        read(request.send().await.expect("the request is sent")).await
    }

    /// The `results` of a successful call (panics with the body otherwise).
    pub async fn ok(&self, endpoint: &str, body: Value) -> Value {
        let reply = self.call(endpoint, body).await;
        assert_eq!(reply.status, 200, "{endpoint}: {}", reply.body);
        assert_eq!(reply.body["success"], true, "{endpoint}: {}", reply.body);
        reply.body["results"].clone()
    }

    /// The error code of a refused call (HTTP 200, `success: false`).
    pub async fn error(&self, endpoint: &str, body: Value) -> String {
        let reply = self.call(endpoint, body).await;
        assert_eq!(reply.status, 200, "{endpoint}: {}", reply.body);
        assert_ashby_error(&reply);
        reply.body["errorInfo"]["code"].as_str().unwrap().to_owned()
    }
}

/// Asserts Ashby's error envelope.
pub fn assert_ashby_error(reply: &Reply) {
    let body = &reply.body;
    assert_eq!(body["success"], false, "{body}");
    let code = body["errorInfo"]["code"].as_str().expect("errorInfo.code");
    assert_eq!(body["errors"], serde_json::json!([code]), "{body}");
    assert!(body["errorInfo"]["message"].is_string(), "{body}");
    assert_eq!(
        body["errorInfo"]["requestId"].as_str(),
        reply.header("x-ashby-request-id"),
        "{body}"
    );
}

/// A SmartRecruiters client with one credential: an `X-SmartToken` key or a bearer token.
#[derive(Clone)]
pub struct Sr {
    client: reqwest::Client,
    pub base: String,
    header: (&'static str, String),
}

impl TestApp {
    /// SmartRecruiters as a demo user by `X-SmartToken`: `employee`, `restricted`, `standard`,
    /// `extended`, `admin` (or `former`, a deactivated user).
    pub fn sr(&self, who: &str) -> Sr {
        self.sr_key(&format!("demo-sr-{who}-key"))
    }

    pub fn sr_key(&self, key: &str) -> Sr {
        Sr {
            client: self.client.clone(),
            base: self.sandbox.vendor_url(Vendor::SmartRecruiters),
            header: ("X-SmartToken", key.to_owned()),
        }
    }

    /// SmartRecruiters with a bearer token.
    pub fn sr_bearer(&self, token: &str) -> Sr {
        Sr {
            client: self.client.clone(),
            base: self.sandbox.vendor_url(Vendor::SmartRecruiters),
            header: ("Authorization", format!("Bearer {token}")),
        }
    }

    /// `POST /identity/oauth/token`; the raw reply.
    pub async fn sr_token(&self, client_id: &str, secret: &str) -> Reply {
        let url = format!(
            "{}/identity/oauth/token",
            self.sandbox.vendor_url(Vendor::SmartRecruiters)
        );
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("client_secret", secret),
        ];
        read(self.client.post(url).form(&form).send().await.unwrap()).await
    }
}

impl Sr {
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header(self.header.0, &self.header.1);
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(request.send().await.expect("the request is sent")).await
    }

    /// A request with a raw body (malformed JSON and the like).
    pub async fn raw(&self, method: Method, path: &str, body: &'static str) -> Reply {
        let request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header(self.header.0, &self.header.1)
            .header("content-type", "application/json")
            .body(body);
        read(request.send().await.expect("the request is sent")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.call(Method::DELETE, path, None).await
    }

    /// The ids of a list's `content`.
    pub fn ids(reply: &Reply) -> Vec<String> {
        reply.body["content"]
            .as_array()
            .unwrap_or_else(|| panic!("expected a list, got {}", reply.body))
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// Asserts SmartRecruiters' `ErrorResponse`: status, the code of the first error, and that the
/// message mentions `mentions` (a field name, say).
pub fn assert_sr_error(reply: &Reply, status: u16, code: &str, mentions: Option<&str>) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.body);
    let message = reply.body["message"].as_str().expect("message");
    assert_eq!(reply.body["errors"][0]["code"], code, "{}", reply.body);
    assert!(
        reply.body["errors"][0]["message"].is_string(),
        "{}",
        reply.body
    );
    if let Some(word) = mentions {
        assert!(message.contains(word), "expected '{word}' in {message}");
    }
}
