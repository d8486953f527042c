//! Candidate attachments: upload (on the candidate, or on one of their applications), list, read
//! the bytes back, delete. Uploads are `multipart/form-data` with a `file` part and an optional
//! `attachmentType` part (RESUME, COVER_LETTER, OTHER; OTHER when absent), as SmartRecruiters
//! takes them, or JSON `{fileName, contentType, content (base64), attachmentType}` for clients
//! that send files base64-encoded.
//!
//! Rules: reading needs RESTRICTED, uploading and deleting STANDARD; an upload on a job needs an
//! application of the candidate to that job; a file is not empty. Deleting the candidate deletes
//! their attachments.

use super::auth::Caller;
use super::error::SrError;
use super::input;
use super::model::{Attachment, AttachmentType, Candidate, Time};
use super::render::BASE;
use super::rules::{self, need, require};
use super::store::{Change, Changes, Store};
use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{json, Value};

/// An upload, read from either form.
pub struct Upload {
    pub name: String,
    pub content_type: String,
    pub kind: AttachmentType,
    pub bytes: Vec<u8>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonUpload {
    file_name: String,
    content_type: Option<String>,
    content: String,
    attachment_type: Option<AttachmentType>,
}

fn kind(raw: &str) -> Result<AttachmentType, SrError> {
    serde_json::from_value(json!(raw.trim())).map_err(|_| {
        SrError::invalid(
            "attachmentType",
            format!("'{raw}' is not one of RESUME, COVER_LETTER, OTHER"),
        )
    })
}

async fn read_upload(req: &HttpRequest, payload: web::Payload) -> Result<Upload, SrError> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if !content_type.starts_with("multipart/form-data") {
        let bytes = payload
            .to_bytes()
            .await
            .map_err(|e| SrError::invalid("body", e))?;
        let upload: JsonUpload = input::body(&bytes)?;
        let bytes = B64
            .decode(upload.content.trim())
            .map_err(|_| SrError::invalid("content", "is not base64"))?;
        return Ok(Upload {
            name: upload.file_name,
            content_type: upload
                .content_type
                .unwrap_or_else(|| "application/octet-stream".into()),
            kind: upload.attachment_type.unwrap_or(AttachmentType::Other),
            bytes,
        });
    }
    let malformed = || SrError::invalid("body", "is not valid multipart/form-data");
    let mut form = Multipart::new(req.headers(), payload);
    let mut file = None;
    let mut kind_part = None;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| malformed())?;
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let part_type = field.content_type().map(|m| m.to_string());
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            bytes.extend_from_slice(&chunk.map_err(|_| malformed())?);
        }
        match name.as_str() {
            "file" => file = Some((filename, part_type, bytes)),
            "attachmentType" => kind_part = Some(String::from_utf8_lossy(&bytes).into_owned()),
            _ => {}
        }
    }
    let (filename, part_type, bytes) = file.ok_or_else(|| SrError::missing("file"))?;
    Ok(Upload {
        name: filename.unwrap_or_else(|| "attachment".into()),
        content_type: part_type.unwrap_or_else(|| "application/octet-stream".into()),
        kind: kind_part
            .as_deref()
            .map(kind)
            .transpose()?
            .unwrap_or(AttachmentType::Other),
        bytes,
    })
}

/// The rule of an upload: the candidate (and application) exist, the file is not empty.
pub fn attach(
    store: &Store,
    actor: &super::model::User,
    candidate_id: &str,
    job_id: Option<&str>,
    id: String,
    upload: Upload,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_CANDIDATES, "Uploading attachments")?;
    let mut c = rules::candidate(store, candidate_id)?.clone();
    if let Some(job) = job_id {
        rules::job(store, job)?;
        c.application(job)
            .ok_or_else(|| rules::no_application(candidate_id, job))?;
    }
    if upload.bytes.is_empty() {
        return Err(SrError::invalid("file", "is empty"));
    }
    let name = upload.name.trim();
    if name.is_empty() {
        return Err(SrError::invalid("fileName", "must not be blank"));
    }
    c.attachments.push(Attachment {
        id,
        job_id: job_id.map(str::to_owned),
        name: name.to_owned(),
        content_type: upload.content_type,
        kind: upload.kind,
        created_on: now,
        data: B64.encode(&upload.bytes),
    });
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

pub fn detach(
    store: &Store,
    actor: &super::model::User,
    id: &str,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_CANDIDATES, "Deleting attachments")?;
    let (c, _) = store
        .attachment(id)
        .ok_or_else(|| SrError::not_found("Attachment", id))?;
    let mut c = c.clone();
    c.attachments.retain(|a| a.id != id);
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

fn render(c: &Candidate, a: &Attachment) -> Value {
    json!({
        "id": a.id,
        "name": a.name,
        "type": a.kind,
        "contentType": a.content_type,
        "size": B64.decode(&a.data).map_or(0, |b| b.len()),
        "createdOn": a.created_on,
        "actions": {"fileUrl": {"url": format!("{BASE}/candidates/{}/attachments/{}", c.id, a.id), "method": "GET"}},
    })
}

fn list(caller: &Caller, id: &str, job: Option<&str>) -> Result<HttpResponse, SrError> {
    let content = caller.read(|store, actor| {
        require(actor, need::READ_CANDIDATES, "Reading attachments")?;
        let c = rules::candidate(store, id)?;
        if let Some(job) = job {
            rules::job(store, job)?;
            c.application(job)
                .ok_or_else(|| rules::no_application(id, job))?;
        }
        Ok(c.attachments
            .iter()
            .filter(|a| job.is_none_or(|j| a.job_id.as_deref() == Some(j)))
            .map(|a| render(c, a))
            .collect::<Vec<_>>())
    })?;
    Ok(HttpResponse::Ok().json(json!({ "totalFound": content.len(), "content": content })))
}

pub async fn list_all(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    list(&caller, &id, None)
}

pub async fn list_for_job(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    list(&caller, &id, Some(&job))
}

async fn upload(
    caller: Caller,
    req: HttpRequest,
    payload: web::Payload,
    id: &str,
    job: Option<&str>,
) -> Result<HttpResponse, SrError> {
    let upload = read_upload(&req, payload).await?;
    let attachment = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |store, actor, now| attach(store, actor, id, job, attachment.clone(), upload, now),
        |store| {
            let (c, a) = store
                .attachment(&attachment)
                .ok_or_else(|| SrError::not_found("Attachment", &attachment))?;
            Ok(render(c, a))
        },
    )?;
    Ok(HttpResponse::Created().json(out))
}

/// `POST /candidates/{id}/attachments`.
pub async fn upload_for_candidate(
    caller: Caller,
    req: HttpRequest,
    payload: web::Payload,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    upload(caller, req, payload, &id, None).await
}

/// `POST /candidates/{id}/jobs/{jobId}/attachments`.
pub async fn upload_for_job(
    caller: Caller,
    req: HttpRequest,
    payload: web::Payload,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, job) = path.into_inner();
    upload(caller, req, payload, &id, Some(&job)).await
}

fn file(caller: &Caller, candidate: Option<&str>, id: &str) -> Result<HttpResponse, SrError> {
    let (content_type, name, bytes) = caller.read(|store, actor| {
        require(actor, need::READ_CANDIDATES, "Reading attachments")?;
        let (_, a) = store
            .attachment(id)
            .filter(|(c, _)| candidate.is_none_or(|cid| c.id == cid))
            .ok_or_else(|| SrError::not_found("Attachment", id))?;
        Ok((
            a.content_type.clone(),
            a.name.clone(),
            B64.decode(&a.data).unwrap_or_default(),
        ))
    })?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", name.replace('"', "")),
        ))
        .body(bytes))
}

/// `GET /candidates/{id}/attachments/{attachmentId}`: the bytes.
pub async fn get_for_candidate(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (candidate, id) = path.into_inner();
    file(&caller, Some(&candidate), &id)
}

/// `GET /candidates/attachments/{attachmentId}`: the bytes.
pub async fn get(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    file(&caller, None, &id)
}

/// `DELETE /candidates/attachments/{attachmentId}` (204).
pub async fn delete(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    caller.write(
        |store, actor, now| detach(store, actor, &id, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}
