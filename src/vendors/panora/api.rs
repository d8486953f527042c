//! The unified ATS endpoints: list, retrieve and create, over the vendor tenant a connection
//! token names, through [`UnifiedAts`] only.
//!
//! Ids: a remote object's Panora id is a UUID v5 of (linked tenant, kind, remote id), so it is
//! stable for as long as the remote object exists, across restarts and snapshots. Cursors are
//! the base64 of the Panora id of the first record of the page they fetch (Panora fetches
//! `limit + 1` records; the extra one's id is `next_cursor`, and `prev_cursor` echoes the cursor
//! sent).

use super::error::{PanoraError, Result};
use super::tenant::PanoraTenant;
use crate::state::SandboxState;
use crate::tenancy::{Tenant, TenantTag};
use crate::vendors::unified::*;
use crate::vendors::Vendor;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use dashmap::DashMap;
use serde_json::{json, Map, Value};
use std::sync::{Arc, LazyLock};

/// The two published contracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// Until 2024-07-29: singular routes, `Authorization: Bearer <api key>`.
    Singular,
    /// After: plural routes, `x-api-key: <api key>`.
    Plural,
}

/// Each kind's route segment in both versions, and whether it takes creates.
pub const ROUTES: &[(UnifiedKind, &str, &str, bool)] = &[
    (UnifiedKind::Activity, "activity", "activities", true),
    (
        UnifiedKind::Application,
        "application",
        "applications",
        true,
    ),
    (UnifiedKind::Attachment, "attachment", "attachments", true),
    (UnifiedKind::Candidate, "candidate", "candidates", true),
    (UnifiedKind::Department, "department", "departments", false),
    (UnifiedKind::Interview, "interview", "interviews", true),
    (
        UnifiedKind::JobInterviewStage,
        "jobinterviewstage",
        "jobinterviewstages",
        false,
    ),
    (UnifiedKind::Job, "job", "jobs", false),
    (UnifiedKind::Offer, "offer", "offers", false),
    (UnifiedKind::Office, "office", "offices", false),
    (
        UnifiedKind::RejectReason,
        "rejectreason",
        "rejectreasons",
        false,
    ),
    (UnifiedKind::Scorecard, "scorecard", "scorecards", false),
    (UnifiedKind::Tag, "tag", "tags", false),
    (UnifiedKind::User, "user", "users", false),
    (UnifiedKind::Eeocs, "eeocs", "eeocs", false),
];

/// The kind and version a route segment names (`eeocs` is the same in both; it answers to
/// either scheme).
fn route(segment: &str) -> Option<(UnifiedKind, Option<Version>, bool)> {
    ROUTES.iter().find_map(|&(kind, one, many, creates)| {
        if one == many && segment == one {
            Some((kind, None, creates))
        } else if segment == one {
            Some((kind, Some(Version::Singular), creates))
        } else if segment == many {
            Some((kind, Some(Version::Plural), creates))
        } else {
            None
        }
    })
}

/// Which fields of a unified input name other records, and of which kind.
fn input_refs(kind: UnifiedKind) -> &'static [(&'static str, UnifiedKind)] {
    match kind {
        UnifiedKind::Application => &[
            ("candidate_id", UnifiedKind::Candidate),
            ("job_id", UnifiedKind::Job),
            ("current_stage", UnifiedKind::JobInterviewStage),
            ("credited_to", UnifiedKind::User),
        ],
        UnifiedKind::Activity | UnifiedKind::Attachment => {
            &[("candidate_id", UnifiedKind::Candidate)]
        }
        UnifiedKind::Interview => &[
            ("application_id", UnifiedKind::Application),
            ("job_interview_stage_id", UnifiedKind::JobInterviewStage),
            ("organized_by", UnifiedKind::User),
            ("interviewers", UnifiedKind::User),
        ],
        _ => &[],
    }
}

/// Panora ids seen so far, to find the remote object again (ids are derived, so this is a
/// cache: a miss falls back to a scan of the kind).
static SEEN: LazyLock<DashMap<String, (String, UnifiedKind, String)>> = LazyLock::new(DashMap::new);

fn panora_id(tenant: &str, kind: UnifiedKind, remote_id: &str) -> String {
    let id = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_OID,
        format!("{tenant}/{kind:?}/{remote_id}").as_bytes(),
    )
    .to_string();
    SEEN.entry(id.clone())
        .or_insert_with(|| (tenant.to_owned(), kind, remote_id.to_owned()));
    id
}

/// The request's project and the vendor tenant its connection token names.
struct Linked {
    panora: Arc<Tenant>,
    vendor: Arc<Tenant>,
}

impl Linked {
    fn project(&self) -> Result<&PanoraTenant> {
        self.panora
            .state::<PanoraTenant>()
            .ok_or_else(PanoraError::unauthorized)
    }

    fn ats(&self) -> Result<&dyn UnifiedAts> {
        self.vendor
            .backend()
            .unified()
            .ok_or_else(PanoraError::internal)
    }

    /// The remote id of a Panora id of `kind` in the linked tenant.
    fn remote_id(&self, kind: UnifiedKind, id: &str) -> Result<Option<String>> {
        if let Some(seen) = SEEN.get(id) {
            let (tenant, k, remote) = seen.value();
            return Ok((tenant == &self.vendor.id && *k == kind).then(|| remote.clone()));
        }
        let ats = self.ats()?;
        let mut from: Option<String> = None;
        loop {
            let Some(page) = ats.page(kind, from.as_deref(), 500) else {
                return Ok(None);
            };
            if let Some(r) = page
                .records
                .iter()
                .find(|r| panora_id(&self.vendor.id, kind, &r.remote_id) == id)
            {
                return Ok(Some(r.remote_id.clone()));
            }
            match page.next {
                Some(next) => from = Some(next.remote_id),
                None => return Ok(None),
            }
        }
    }
}

/// The API key the version's scheme carries.
fn api_key(req: &HttpRequest, version: Option<Version>) -> Option<String> {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let bearer = || {
        header("authorization").and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
                .map(|k| k.trim().to_owned())
        })
    };
    match version {
        Some(Version::Singular) => bearer(),
        Some(Version::Plural) => header("x-api-key"),
        None => header("x-api-key").or_else(bearer),
    }
}

/// The credential index key of a request (either scheme), for the gateway.
pub fn credential_key(headers: &actix_web::http::header::HeaderMap) -> Option<String> {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    get("x-api-key").map(str::to_owned).or_else(|| {
        get("authorization")
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|k| k.trim().to_owned())
    })
}

fn authenticate(
    req: &HttpRequest,
    sandbox: &SandboxState,
    version: Option<Version>,
) -> Result<Linked> {
    let key = api_key(req, version).ok_or_else(PanoraError::unauthorized)?;
    let panora = sandbox
        .registry
        .by_credential(Vendor::Panora, &key)
        .ok_or_else(PanoraError::unauthorized)?;
    let project = panora
        .state::<PanoraTenant>()
        .ok_or_else(PanoraError::unauthorized)?;
    if !project.read().has_key(&key) {
        return Err(PanoraError::unauthorized());
    }
    req.extensions_mut().insert(TenantTag(panora.id.clone()));
    let token = req
        .headers()
        .get("x-connection-token")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(PanoraError::internal)?;
    let linked = project
        .read()
        .connection(token)
        .map(|c| c.tenant.clone())
        .ok_or_else(PanoraError::internal)?;
    let vendor = sandbox
        .registry
        .get(&linked)
        .ok_or_else(PanoraError::internal)?;
    Ok(Linked { panora, vendor })
}

/// `remote_data`, `limit` and `cursor` as Panora's DTO coerces them (`"true"`, `"10"`,
/// `"10.0"`).
struct Query {
    remote_data: bool,
    limit: usize,
    cursor: Option<String>,
}

fn query(req: &HttpRequest) -> Result<Query> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string())
        .map_err(|_| PanoraError::bad_request("query string is malformed"))?;
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let remote_data = match get("remote_data") {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") | Some("") => true,
        Some(_) => {
            return Err(PanoraError::bad_request(
                "remote_data must be a boolean value",
            ))
        }
    };
    let limit = match get("limit") {
        None => 50,
        Some(raw) => match raw.trim().parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 1.0 && n.fract() == 0.0 => n as usize,
            _ => {
                return Err(PanoraError::bad_request(
                    "limit must be a positive whole number",
                ))
            }
        },
    };
    Ok(Query {
        remote_data,
        limit,
        cursor: get("cursor").map(str::to_owned),
    })
}

/// A unified record as Panora answers it.
fn render(linked: &Linked, record: &UnifiedRecord, remote_data: bool) -> Result<Value> {
    let tenant = &linked.vendor.id;
    let id = panora_id(tenant, record.kind, &record.remote_id);
    let mut out: Map<String, Value> = record.fields.clone();
    for (name, reference) in &record.refs {
        let value = match reference {
            UnifiedRef::One(kind, remote) => Value::String(panora_id(tenant, *kind, remote)),
            UnifiedRef::Many(kind, remotes) => remotes
                .iter()
                .map(|r| Value::String(panora_id(tenant, *kind, r)))
                .collect(),
        };
        out.insert((*name).to_owned(), value);
    }
    let mappings = linked
        .project()?
        .read()
        .field_mappings
        .get(&id)
        .cloned()
        .unwrap_or_else(|| json!({}));
    out.insert("field_mappings".into(), mappings);
    out.insert("id".into(), Value::String(id));
    out.insert("remote_id".into(), Value::String(record.remote_id.clone()));
    let time = |t: &chrono::DateTime<chrono::Utc>| {
        Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    };
    out.insert("created_at".into(), time(&record.created_at));
    out.insert("modified_at".into(), time(&record.modified_at));
    if remote_data {
        out.insert("remote_data".into(), record.remote_data.clone());
    }
    Ok(Value::Object(out))
}

fn not_found(req: &HttpRequest) -> PanoraError {
    PanoraError::not_found(format!("Cannot {} {}", req.method(), req.path()))
}

/// `GET /ats/{object}`.
pub async fn list(
    req: HttpRequest,
    object: web::Path<String>,
    sandbox: web::Data<SandboxState>,
) -> HttpResponse {
    let run = || -> Result<HttpResponse> {
        let (kind, version, _) = route(&object).ok_or_else(|| not_found(&req))?;
        let linked = authenticate(&req, &sandbox, version)?;
        let q = query(&req)?;
        let from = match &q.cursor {
            None => None,
            Some(cursor) => {
                let id = STANDARD
                    .decode(cursor.trim())
                    .ok()
                    .and_then(|b| String::from_utf8(b).ok())
                    .ok_or_else(PanoraError::internal)?;
                Some(
                    linked
                        .remote_id(kind, &id)?
                        .ok_or_else(PanoraError::internal)?,
                )
            }
        };
        let page = linked
            .ats()?
            .page(kind, from.as_deref(), q.limit)
            .ok_or_else(PanoraError::internal)?;
        let data = page
            .records
            .iter()
            .map(|r| render(&linked, r, q.remote_data))
            .collect::<Result<Vec<Value>>>()?;
        let next = page
            .next
            .map(|n| STANDARD.encode(panora_id(&linked.vendor.id, kind, &n.remote_id)));
        Ok(HttpResponse::Ok().json(json!({
            "prev_cursor": q.cursor, "next_cursor": next, "data": data,
        })))
    };
    run().unwrap_or_else(|e| e.response())
}

/// `GET /ats/{object}/{id}`.
pub async fn retrieve(
    req: HttpRequest,
    path: web::Path<(String, String)>,
    sandbox: web::Data<SandboxState>,
) -> HttpResponse {
    let (object, id) = path.into_inner();
    let run = || -> Result<HttpResponse> {
        let (kind, version, _) = route(&object).ok_or_else(|| not_found(&req))?;
        let linked = authenticate(&req, &sandbox, version)?;
        let q = query(&req)?;
        let record = linked
            .remote_id(kind, &id)?
            .and_then(|remote| linked.ats().ok()?.get(kind, &remote))
            .ok_or_else(PanoraError::internal)?;
        Ok(HttpResponse::Ok().json(render(&linked, &record, q.remote_data)?))
    };
    run().unwrap_or_else(|e| e.response())
}

/// `POST /ats/{object}`: the vendor's rules decide; a refusal names the vendor's reason and
/// writes nothing.
pub async fn create(
    req: HttpRequest,
    object: web::Path<String>,
    body: web::Bytes,
    sandbox: web::Data<SandboxState>,
) -> HttpResponse {
    let run = || -> Result<HttpResponse> {
        let (kind, version, creates) = route(&object).ok_or_else(|| not_found(&req))?;
        if !creates {
            return Err(not_found(&req));
        }
        let linked = authenticate(&req, &sandbox, version)?;
        let q = query(&req)?;
        let body: Value = if body.iter().all(u8::is_ascii_whitespace) {
            json!({})
        } else {
            serde_json::from_slice(&body)
                .map_err(|e| PanoraError::bad_request(format!("Unexpected JSON: {e}")))?
        };
        let Value::Object(mut fields) = body else {
            return Err(PanoraError::bad_request("the body must be a JSON object"));
        };
        let field_mappings = fields.remove("field_mappings");
        if field_mappings.as_ref().is_some_and(|m| !m.is_object()) {
            return Err(PanoraError::bad_request("field_mappings must be an object"));
        }
        let mut input = UnifiedInput::default();
        for &(name, target) in input_refs(kind) {
            let Some(value) = fields.remove(name) else {
                continue;
            };
            let ids: Vec<&str> = match &value {
                Value::String(s) => vec![s.as_str()],
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                Value::Null => continue,
                _ => return Err(PanoraError::bad_request(format!("{name} must be an id"))),
            };
            let mut remote = Vec::with_capacity(ids.len());
            for id in ids {
                remote.push(linked.remote_id(target, id)?.ok_or_else(|| {
                    PanoraError::bad_request(format!(
                        "{name}: no {target:?} with id {id} in this connection"
                    ))
                })?);
            }
            input.refs.insert(name.to_owned(), remote);
        }
        input.fields = fields;
        let record = linked
            .ats()?
            .create(kind, &input, sandbox.clock.now())
            .map_err(|refusal| {
                PanoraError::bad_request(format!(
                    "{} refused the write: {} ({})",
                    linked.vendor.vendor, refusal.message, refusal.code
                ))
            })?;
        if let Some(mappings) = field_mappings {
            let id = panora_id(&linked.vendor.id, kind, &record.remote_id);
            linked
                .project()?
                .write()
                .field_mappings
                .insert(id, mappings);
        }
        Ok(HttpResponse::Created().json(render(&linked, &record, q.remote_data)?))
    };
    run().unwrap_or_else(|e| e.response())
}
