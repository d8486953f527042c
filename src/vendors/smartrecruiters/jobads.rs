//! `/jobs/{id}/jobads` (job ads and their postings) and `/jobs/{id}/publication` (the default
//! ad). Rules in `ad_rules.rs`.

use super::ad_rules::{self, JobAdInput, PublishInput};
use super::auth::Caller;
use super::error::SrError;
use super::input;
use super::model::{Job, JobAd, PostingStatus};
use super::render::BASE;
use super::rules;
use super::store::Store;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

fn render(job: &Job, ad: &JobAd) -> Value {
    json!({
        "id": ad.id,
        "title": ad.title,
        "language": {"code": ad.language},
        "jobAd": ad.content,
        "createdOn": ad.created_on,
        "updatedOn": ad.updated_on,
        "postingStatus": ad.live().map_or(PostingStatus::NotPublished, |p| p.visibility),
        "actions": {
            "postings": {"url": format!("{BASE}/jobs/{}/jobads/{}/postings", job.id, ad.id), "method": "GET"},
        },
    })
}

fn ad_json(store: &Store, job_id: &str, ad: &str) -> Result<Value, SrError> {
    let job = rules::job(store, job_id)?;
    let found = job
        .ads
        .iter()
        .find(|a| a.id == ad)
        .ok_or_else(|| SrError::not_found("Job ad", ad))?;
    Ok(render(job, found))
}

/// The postings of an ad (`activeOnly=true`: the live one only).
fn postings(ad: &JobAd, active_only: bool) -> Value {
    let content: Vec<Value> = ad
        .postings
        .iter()
        .filter(|p| !active_only || p.unpublished_on.is_none())
        .map(|p| {
            json!({
                "jobAdId": ad.id,
                "visibility": p.visibility,
                "status": if p.unpublished_on.is_none() { "ACTIVE" } else { "INACTIVE" },
                "publishedOn": p.published_on,
                "unpublishedOn": p.unpublished_on,
            })
        })
        .collect();
    json!({ "totalFound": content.len(), "content": content })
}

fn active_only(req: &HttpRequest) -> Result<bool, SrError> {
    match input::query(req, "activeOnly").as_deref() {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(SrError::invalid(
            "activeOnly",
            format!("'{other}' is not a boolean"),
        )),
    }
}

pub async fn list(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    let content = caller.read(|s, _| {
        let job = rules::job(s, &id)?;
        Ok(job.ads.iter().map(|a| render(job, a)).collect::<Vec<_>>())
    })?;
    Ok(HttpResponse::Ok().json(json!({ "totalFound": content.len(), "content": content })))
}

pub async fn get(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, ad) = path.into_inner();
    Ok(HttpResponse::Ok().json(caller.read(|s, _| ad_json(s, &id, &ad))?))
}

pub async fn create(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: JobAdInput = input::body(&body)?;
    let ad = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, now| ad_rules::create_ad(s, actor, &id, ad.clone(), input, now),
        |s| ad_json(s, &id, &ad),
    )?;
    Ok(HttpResponse::Created().json(out))
}

pub async fn update(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, ad) = path.into_inner();
    let input: JobAdInput = input::body(&body)?;
    let out = caller.write(
        |s, actor, now| ad_rules::update_ad(s, actor, &id, &ad, input, now),
        |s| ad_json(s, &id, &ad),
    )?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn ad_postings(
    caller: Caller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, ad) = path.into_inner();
    let active = active_only(&req)?;
    let out = caller.read(|s, _| {
        let job = rules::job(s, &id)?;
        let found = job
            .ads
            .iter()
            .find(|a| a.id == ad)
            .ok_or_else(|| SrError::not_found("Job ad", &ad))?;
        Ok(postings(found, active))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

/// The optional body of a publish call (`{visibility}`, PUBLIC by default).
fn visibility(body: &[u8]) -> Result<PostingStatus, SrError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(PostingStatus::Public);
    }
    let input: PublishInput = input::body(body)?;
    Ok(input.visibility.unwrap_or(PostingStatus::Public))
}

fn publish(caller: &Caller, id: &str, ad: Option<&str>, body: &[u8]) -> Result<(), SrError> {
    let visibility = visibility(body)?;
    let new_ad = caller.draw(|rng| rng.uuid())?;
    caller.write(
        |s, actor, now| ad_rules::publish(s, actor, id, ad, new_ad, visibility, now),
        |_| Ok(()),
    )
}

/// `POST /jobs/{id}/jobads/{adId}/postings`: 202, the publication is scheduled (and done).
pub async fn publish_ad(
    caller: Caller,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let (id, ad) = path.into_inner();
    publish(&caller, &id, Some(&ad), &body)?;
    Ok(HttpResponse::Accepted().json(json!({ "id": ad, "status": "PUBLISHED" })))
}

pub async fn unpublish_ad(
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (id, ad) = path.into_inner();
    caller.write(
        |s, actor, now| ad_rules::unpublish(s, actor, &id, Some(&ad), now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::Accepted().json(json!({ "id": ad, "status": "UNPUBLISHED" })))
}

/// `GET /jobs/{id}/publication`: the postings of the default ad.
pub async fn publications(
    caller: Caller,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let active = active_only(&req)?;
    let out = caller.read(|s, _| {
        let job = rules::job(s, &id)?;
        Ok(job.ads.first().map_or_else(
            || json!({"totalFound": 0, "content": []}),
            |ad| postings(ad, active),
        ))
    })?;
    Ok(HttpResponse::Ok().json(out))
}

/// `POST /jobs/{id}/publication` (204).
pub async fn publish_job(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    publish(&caller, &id, None, &body)?;
    Ok(HttpResponse::NoContent().finish())
}

/// `DELETE /jobs/{id}/publication`: every ad unpublished (204).
pub async fn unpublish_job(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    caller.write(
        |s, actor, now| ad_rules::unpublish(s, actor, &id, None, now),
        |_| Ok(()),
    )?;
    Ok(HttpResponse::NoContent().finish())
}
