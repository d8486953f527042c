//! Files: `file.createFileUploadHandle` (a presigned upload URL on the sandbox's own
//! storage), the upload itself (`POST` multipart to that URL, S3 style: the form fields, then
//! the `file` field), `candidate.uploadFile` / `candidate.uploadResume` with the handle, and
//! `file.info`, whose URL serves the bytes back. The deprecated multipart form of the upload
//! endpoints (`candidateId` and a `file` or `resume` part) is served too: the bytes become a
//! stored file exactly as an uploaded handle would.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::StoredFile;
use super::render;
use super::store::Change;
use super::tenant::AshbyTenant;
use crate::state::SandboxState;
use actix_multipart::Multipart;
use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{json, Value};

const CONTEXTS: &[&str] = &["CandidateResume", "CandidateFiles", "ApplicationForm"];

/// A handle names its tenant, so the unauthenticated storage URLs find it.
fn new_handle(tenant: &str, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{tenant}.{id}"))
}

fn tenant_of(handle: &str) -> Option<String> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(handle).ok()?).ok()?;
    raw.split_once('.').map(|(t, _)| t.to_owned())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewHandle {
    file_upload_context: String,
    filename: String,
    content_type: String,
    content_length: u64,
}

pub fn create_upload_handle(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewHandle = params(body)?;
    if !CONTEXTS.contains(&p.file_upload_context.as_str()) {
        return Err(AshbyError::invalid_input(format!(
            "fileUploadContext must be one of {}",
            CONTEXTS.join(", ")
        )));
    }
    if p.filename.trim().is_empty() {
        return Err(AshbyError::invalid_input("filename must not be empty"));
    }
    let tenant = call.tenant_id.clone();
    let base = call.base_url();
    let out = call.write(
        |_, now, rng| {
            let handle = new_handle(&tenant, &rng.uuid());
            let file = StoredFile {
                handle: handle.clone(),
                context: p.file_upload_context,
                filename: p.filename.trim().to_owned(),
                content_type: p.content_type,
                content_length: p.content_length,
                data: None,
                created_at: now,
            };
            Ok((vec![Change::File(file)], handle))
        },
        |_, handle| {
            json!({
                "handle": handle,
                "url": format!("{base}/_storage/{handle}"),
                "fields": {"key": handle, "Content-Type": "multipart/form-data"},
            })
        },
    )?;
    Ok(success(out, None))
}

fn storage_error(status: actix_web::http::StatusCode, code: &str, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({"error": code, "message": message}))
}

/// `POST /_storage/{handle}`: the presigned upload. Answers 204 as S3 does.
pub async fn upload(
    handle: web::Path<String>,
    mut form: Multipart,
    sandbox: web::Data<SandboxState>,
) -> HttpResponse {
    use actix_web::http::StatusCode;
    let Some(tenant) = tenant_of(&handle).and_then(|t| sandbox.registry.get(&t)) else {
        return storage_error(
            StatusCode::FORBIDDEN,
            "AccessDenied",
            "Invalid or expired upload URL",
        );
    };
    let Some(org) = tenant.state::<AshbyTenant>() else {
        return storage_error(
            StatusCode::FORBIDDEN,
            "AccessDenied",
            "Invalid or expired upload URL",
        );
    };
    let mut bytes = Vec::new();
    let mut found = false;
    while let Some(field) = form.next().await {
        let Ok(mut field) = field else {
            return storage_error(
                StatusCode::BAD_REQUEST,
                "MalformedPOSTRequest",
                "The body is not valid multipart/form-data",
            );
        };
        let is_file = field.name() == Some("file");
        while let Some(chunk) = field.next().await {
            match chunk {
                Ok(chunk) if is_file => bytes.extend_from_slice(&chunk),
                Ok(_) => {}
                Err(_) => {
                    return storage_error(
                        StatusCode::BAD_REQUEST,
                        "MalformedPOSTRequest",
                        "The body is not valid multipart/form-data",
                    )
                }
            }
        }
        found |= is_file;
    }
    if !found {
        return storage_error(
            StatusCode::BAD_REQUEST,
            "InvalidArgument",
            "The file field is missing",
        );
    }
    let mut store = org.write();
    let Some(mut file) = store.files.get(&handle).cloned() else {
        return storage_error(
            StatusCode::FORBIDDEN,
            "AccessDenied",
            "Invalid or expired upload URL",
        );
    };
    if bytes.len() as u64 != file.content_length {
        return storage_error(
            StatusCode::BAD_REQUEST,
            "EntityTooLarge",
            &format!(
                "The upload is {} bytes; the handle was made for {}",
                bytes.len(),
                file.content_length
            ),
        );
    }
    file.data = Some(STANDARD.encode(&bytes));
    store.apply(vec![Change::File(file)]);
    HttpResponse::NoContent().finish()
}

/// `GET /_files/{handle}`: the bytes of an uploaded file (the URL `file.info` answers).
pub async fn download(handle: web::Path<String>, sandbox: web::Data<SandboxState>) -> HttpResponse {
    use actix_web::http::StatusCode;
    let org = tenant_of(&handle).and_then(|t| sandbox.registry.get(&t));
    let file = org
        .as_ref()
        .and_then(|t| t.state::<AshbyTenant>())
        .and_then(|o| o.read().files.get(&handle).cloned());
    match file.and_then(|f| {
        f.data
            .as_deref()
            .and_then(|d| STANDARD.decode(d).ok())
            .map(|b| (f, b))
    }) {
        Some((file, bytes)) => HttpResponse::Ok()
            .content_type(file.content_type.as_str())
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"{}\"", file.filename),
            ))
            .body(bytes),
        None => storage_error(
            StatusCode::NOT_FOUND,
            "NoSuchKey",
            "The file does not exist",
        ),
    }
}

/// A file part of a multipart request to an endpoint (the deprecated upload form).
#[derive(Debug, Clone)]
pub struct FormFile {
    pub field: String,
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// A `multipart/form-data` request body: its text fields as a JSON object (as the JSON form
/// would send them) and its file parts.
pub async fn read_form(
    headers: &actix_web::http::header::HeaderMap,
    body: web::Bytes,
) -> Result<(Value, Vec<FormFile>)> {
    let malformed =
        || AshbyError::invalid_input("Request payload is not valid multipart/form-data");
    let stream =
        futures_util::stream::once(async move { Ok::<_, actix_web::error::PayloadError>(body) });
    let mut form = Multipart::new(headers, stream);
    let (mut fields, mut files) = (serde_json::Map::new(), Vec::new());
    while let Some(part) = form.next().await {
        let mut part = part.map_err(|_| malformed())?;
        let name = part.name().unwrap_or_default().to_owned();
        let filename = part
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let content_type = part
            .content_type()
            .map_or("application/octet-stream".to_owned(), |m| m.to_string());
        let mut bytes = Vec::new();
        while let Some(chunk) = part.next().await {
            bytes.extend_from_slice(&chunk.map_err(|_| malformed())?);
        }
        match filename {
            Some(filename) => files.push(FormFile {
                field: name,
                filename,
                content_type,
                bytes,
            }),
            None => {
                let text = String::from_utf8(bytes).map_err(|_| malformed())?;
                fields.insert(name, Value::String(text));
            }
        }
    }
    Ok((Value::Object(fields), files))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Attach {
    candidate_id: String,
    file_handle: Option<String>,
    resume_handle: Option<String>,
}

fn attach(call: &Call, body: Value, resume: bool) -> Result<HttpResponse> {
    let p: Attach = params(body)?;
    let (field, part) = if resume {
        ("resumeHandle", "resume")
    } else {
        ("fileHandle", "file")
    };
    let given = if resume {
        p.resume_handle
    } else {
        p.file_handle
    };
    let sent = call.uploads.iter().find(|f| f.field == part);
    let source = match (given, sent) {
        (Some(handle), _) => Ok(handle),
        (None, Some(upload)) => Err(upload),
        (None, None) => {
            return Err(AshbyError::invalid_input(format!(
                "{field} is required (or a multipart `{part}` file)"
            )))
        }
    };
    let tenant = call.tenant_id.clone();
    let out = call.write(
        |s, now, rng| {
            let mut c = call.candidate(s, &p.candidate_id)?.clone();
            let mut changes = Vec::new();
            let handle = match &source {
                Ok(handle) => {
                    let file = s.files.get(handle).ok_or_else(|| {
                        AshbyError::invalid_input(format!("{field} is not a valid file handle"))
                    })?;
                    if file.data.is_none() {
                        return Err(AshbyError::invalid_input(
                            "The file has not been uploaded to its URL yet",
                        ));
                    }
                    handle.clone()
                }
                Err(upload) => {
                    let handle = new_handle(&tenant, &rng.uuid());
                    changes.push(Change::File(StoredFile {
                        handle: handle.clone(),
                        context: if resume {
                            "CandidateResume"
                        } else {
                            "CandidateFiles"
                        }
                        .into(),
                        filename: upload.filename.clone(),
                        content_type: upload.content_type.clone(),
                        content_length: upload.bytes.len() as u64,
                        data: Some(STANDARD.encode(&upload.bytes)),
                        created_at: now,
                    }));
                    handle
                }
            };
            if resume {
                c.resume_handle = Some(handle.clone());
            }
            if !c.file_handles.contains(&handle) {
                c.file_handles.push(handle);
            }
            c.updated_at = now;
            let id = c.id.clone();
            changes.push(Change::Candidate(c));
            Ok((changes, id))
        },
        |s, id| s.candidates.get(&id).map(|c| render::candidate(s, c)),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

pub fn candidate_upload_file(call: &Call, body: Value) -> Result<HttpResponse> {
    attach(call, body, false)
}

pub fn candidate_upload_resume(call: &Call, body: Value) -> Result<HttpResponse> {
    attach(call, body, true)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileInfo {
    file_handle: String,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: FileInfo = params(body)?;
    let uploaded = call.read(|s| {
        Ok(s.files
            .get(&p.file_handle)
            .is_some_and(|f| f.data.is_some()))
    })?;
    if !uploaded {
        return Err(AshbyError::not_found("file", "File"));
    }
    Ok(success(
        json!({"url": format!("{}/_files/{}", call.base_url(), p.file_handle)}),
        None,
    ))
}
