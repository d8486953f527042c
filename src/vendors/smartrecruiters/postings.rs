//! The public Posting API (`/v1/companies/{companyIdentifier}/...`, no credentials): the live
//! PUBLIC postings of a company's job ads, one posting, and the company's departments.
//!
//! Choices: a company is found by its `identifier` (`GET /configuration/company`), the first
//! SmartRecruiters tenant with it in creation order, or by its sandbox tenant id (tenants made
//! from one fixture share an identifier); a posting's id is its job ad's id; lists take `limit`
//! (1 to 100, default 10) and `offset` and answer `{offset, limit, totalFound, content}`.

use super::error::SrError;
use super::input;
use super::model::{Job, JobAd, PostingStatus};
use super::store::Store;
use super::tenant::SrTenant;
use crate::state::SandboxState;
use crate::tenancy::{Tenant, TenantTag};
use crate::vendors::Vendor;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use serde_json::{json, Value};
use std::sync::Arc;

fn company(
    req: &HttpRequest,
    sandbox: &SandboxState,
    identifier: &str,
) -> Result<Arc<Tenant>, SrError> {
    let found = sandbox
        .registry
        .get(identifier)
        .filter(|t| t.vendor == Vendor::SmartRecruiters)
        .or_else(|| {
            sandbox.registry.list().into_iter().find(|t| {
                t.state::<SrTenant>()
                    .is_some_and(|s| s.read().company.identifier == identifier)
            })
        })
        .ok_or_else(|| SrError::not_found("Company", identifier))?;
    req.extensions_mut().insert(TenantTag(found.id.clone()));
    Ok(found)
}

fn read<T>(tenant: &Tenant, f: impl FnOnce(&Store) -> Result<T, SrError>) -> Result<T, SrError> {
    let state = tenant
        .state::<SrTenant>()
        .ok_or_else(|| SrError::not_found("Company", &tenant.id))?;
    let store = state.read();
    f(&store)
}

/// The public postings of the company, in job order.
fn live(store: &Store) -> impl Iterator<Item = (&Job, &JobAd)> {
    store.jobs.values().flat_map(|job| {
        job.ads
            .iter()
            .filter(|ad| {
                ad.live()
                    .is_some_and(|p| p.visibility == PostingStatus::Public)
            })
            .map(move |ad| (job, ad))
    })
}

fn posting(store: &Store, job: &Job, ad: &JobAd, full: bool) -> Value {
    let department = job
        .department_id
        .as_ref()
        .and_then(|d| store.departments.get(d))
        .map(|d| json!({"id": d.id, "label": d.label}));
    let mut out = json!({
        "id": ad.id,
        "uuid": ad.id,
        "name": ad.title,
        "refNumber": job.ref_number,
        "jobId": job.id,
        "company": {"identifier": store.company.identifier, "name": store.company.name},
        "releasedDate": ad.live().map(|p| p.published_on),
        "location": job.location,
        "department": department,
        "industry": {"id": job.industry.id, "label": job.industry.label},
        "function": {"id": job.function.id, "label": job.function.label},
        "experienceLevel": {"id": job.experience_level.id, "label": job.experience_level.label},
        "typeOfEmployment": job.type_of_employment.as_ref().map(|t| json!({"id": t.id, "label": t.label})),
        "language": {"code": ad.language},
        "ref": format!("https://api.smartrecruiters.com/v1/companies/{}/postings/{}", store.company.identifier, ad.id),
    });
    if full {
        out["jobAd"] = ad.content.clone().unwrap_or(Value::Null);
    }
    out
}

fn bounded(req: &HttpRequest, name: &str, default: usize, max: usize) -> Result<usize, SrError> {
    match input::query(req, name) {
        None => Ok(default),
        Some(raw) => raw
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= max && (name == "offset" || *n >= 1))
            .ok_or_else(|| SrError::invalid(name, format!("'{raw}' is out of range"))),
    }
}

/// `GET /v1/companies/{companyIdentifier}/postings`: `q` (in the title), `department`,
/// `limit`, `offset`.
pub async fn list(
    req: HttpRequest,
    sandbox: web::Data<SandboxState>,
    identifier: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let limit = bounded(&req, "limit", 10, 100)?;
    let offset = bounded(&req, "offset", 0, usize::MAX)?;
    let words: Vec<String> = input::query(&req, "q")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let departments = input::query_all(&req, "department");
    let tenant = company(&req, &sandbox, &identifier)?;
    let body = read(&tenant, |store| {
        let matching: Vec<(&Job, &JobAd)> = live(store)
            .filter(|(job, ad)| {
                let title = ad.title.to_lowercase();
                words.iter().all(|w| title.contains(w))
                    && (departments.is_empty()
                        || job
                            .department_id
                            .as_ref()
                            .is_some_and(|d| departments.contains(d)))
            })
            .collect();
        let content: Vec<Value> = matching
            .iter()
            .skip(offset)
            .take(limit)
            .map(|(job, ad)| posting(store, job, ad, false))
            .collect();
        Ok(
            json!({"offset": offset, "limit": limit, "totalFound": matching.len(), "content": content}),
        )
    })?;
    Ok(HttpResponse::Ok().json(body))
}

/// `GET /v1/companies/{companyIdentifier}/postings/{postingId}`: a live public posting.
pub async fn get(
    req: HttpRequest,
    sandbox: web::Data<SandboxState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, SrError> {
    let (identifier, id) = path.into_inner();
    let tenant = company(&req, &sandbox, &identifier)?;
    let body = read(&tenant, |store| {
        live(store)
            .find(|(_, ad)| ad.id == id)
            .map(|(job, ad)| posting(store, job, ad, true))
            .ok_or_else(|| SrError::not_found("Posting", &id))
    })?;
    Ok(HttpResponse::Ok().json(body))
}

/// `GET /v1/companies/{companyIdentifier}/departments`.
pub async fn departments(
    req: HttpRequest,
    sandbox: web::Data<SandboxState>,
    identifier: web::Path<String>,
) -> Result<HttpResponse, SrError> {
    let tenant = company(&req, &sandbox, &identifier)?;
    let content = read(&tenant, |store| {
        Ok(store
            .departments
            .values()
            .map(|d| json!({"id": d.id, "label": d.label}))
            .collect::<Vec<_>>())
    })?;
    Ok(HttpResponse::Ok().json(json!({"totalFound": content.len(), "content": content})))
}
