//! `/_sandbox/requests`: the request journal, filtered by tenant, vendor, method and path.

use super::AdminError;
use crate::journal::Filter;
use crate::state::SandboxState;
use crate::vendors::Vendor;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Debug, Deserialize)]
pub struct JournalQuery {
    tenant: Option<String>,
    vendor: Option<String>,
    method: Option<String>,
    /// A substring of the path.
    path: Option<String>,
    /// Only the newest `limit` entries.
    limit: Option<usize>,
}

impl JournalQuery {
    fn filter(&self) -> Result<Filter, AdminError> {
        let vendor =
            match &self.vendor {
                None => None,
                Some(slug) => Some(Vendor::from_slug(slug).ok_or_else(|| {
                    AdminError::field("vendor", format!("unknown vendor `{slug}`"))
                })?),
            };
        Ok(Filter {
            tenant: self.tenant.clone(),
            vendor,
            method: self.method.clone(),
            path: self.path.clone(),
        })
    }
}

pub async fn list(
    sandbox: web::Data<SandboxState>,
    query: web::Query<JournalQuery>,
) -> Result<HttpResponse, AdminError> {
    let entries: Vec<Value> = sandbox
        .journal
        .list(&query.filter()?, query.limit)
        .iter()
        .map(|e| e.to_json())
        .collect();
    Ok(HttpResponse::Ok().json(entries))
}

pub async fn clear(
    sandbox: web::Data<SandboxState>,
    query: web::Query<JournalQuery>,
) -> Result<HttpResponse, AdminError> {
    let removed = sandbox.journal.clear(&query.filter()?);
    Ok(HttpResponse::Ok().json(json!({ "removed": removed })))
}
