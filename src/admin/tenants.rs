//! Tenants: list, create, read, delete, reset, extra credentials, and whole-state snapshots.

use super::{object_body, AdminError};
use crate::fixtures::FixtureSet;
use crate::ratelimit::LimitRule;
use crate::state::SandboxState;
use crate::tenancy::Tenant;
use crate::vendors::Vendor;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

pub async fn health(sandbox: web::Data<SandboxState>) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "status": "ok",
        "vendors": Vendor::ALL,
        "tenants": sandbox.registry.list().len(),
    }))
}

pub async fn list_tenants(sandbox: web::Data<SandboxState>) -> HttpResponse {
    let tenants: Vec<Value> = sandbox
        .registry
        .list()
        .iter()
        .map(|t| sandbox.tenant_json(t))
        .collect();
    HttpResponse::Ok().json(tenants)
}

/// Body of `POST /_sandbox/tenants`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewTenant {
    vendor: String,
    /// `empty` (default), `demo`, or a directory.
    fixtures: Option<String>,
    seed: Option<u64>,
    /// A chosen id; generated when absent.
    id: Option<String>,
    /// `true`: the vendor's documented limits; a list: these rules; `false`: none.
    rate_limits: Option<RateLimits>,
    /// Panora only: the vendor tenants the project links, one connection token each.
    connections: Option<Vec<NewConnection>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NewConnection {
    tenant: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RateLimits {
    Documented(bool),
    Rules(Vec<LimitRule>),
}

pub async fn create_tenant(
    sandbox: web::Data<SandboxState>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let request: NewTenant = crate::http::from_value(object_body(&body)?)?;
    let vendor = Vendor::from_slug(&request.vendor).ok_or_else(|| {
        let served: Vec<&str> = Vendor::ALL.iter().map(|v| v.slug()).collect();
        AdminError::field(
            "vendor",
            format!(
                "unknown vendor `{}`; served: {}",
                request.vendor,
                served.join(", ")
            ),
        )
    })?;
    if let Some(id) = &request.id {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(AdminError::field(
                "id",
                "use letters, digits, `-` and `_` only",
            ));
        }
    }
    let fixtures = FixtureSet::resolve(request.fixtures.as_deref().unwrap_or("empty"))?;
    let limits = match request.rate_limits {
        None => None,
        Some(RateLimits::Documented(false)) => Some(Vec::new()),
        Some(RateLimits::Documented(true)) => {
            let documented = vendor.documented_limits();
            if documented.is_empty() {
                return Err(AdminError::field(
                    "rate_limits",
                    format!("{vendor} documents no rate limits; give a list of rules instead"),
                ));
            }
            Some(documented)
        }
        Some(RateLimits::Rules(rules)) => {
            if rules
                .iter()
                .any(|r| r.per_second.is_none() && r.concurrent.is_none())
            {
                return Err(AdminError::field(
                    "rate_limits",
                    "each rule needs per_second or concurrent",
                ));
            }
            Some(rules)
        }
    };
    let links = match (&request.connections, vendor) {
        (None, _) => Vec::new(),
        (Some(_), v) if v != Vendor::Panora => {
            return Err(AdminError::field(
                "connections",
                "only a panora tenant links other tenants",
            ))
        }
        (Some(list), _) => {
            for c in list {
                match sandbox.registry.get(&c.tenant) {
                    Some(t) if t.backend().unified().is_some() => {}
                    Some(t) => {
                        return Err(AdminError::field(
                            "connections",
                            format!("{} tenants cannot be linked to Panora yet", t.vendor),
                        ))
                    }
                    None => {
                        return Err(AdminError::field(
                            "connections",
                            format!("no tenant {}", c.tenant),
                        ))
                    }
                }
            }
            list.iter().map(|c| c.tenant.clone()).collect()
        }
    };
    let tenant = sandbox.create_tenant(vendor, &fixtures, request.seed, request.id, false)?;
    if let Some(project) = tenant.state::<crate::vendors::panora::tenant::PanoraTenant>() {
        let mut store = project.write();
        let mut rng = project.rng();
        for link in &links {
            store.link(link, &mut rng);
        }
    }
    if let Some(rules) = limits {
        sandbox.set_limits(&tenant.id, rules);
    }
    Ok(HttpResponse::Created().json(sandbox.tenant_json(&tenant)))
}

fn tenant(sandbox: &SandboxState, id: &str) -> Result<Arc<Tenant>, AdminError> {
    sandbox
        .registry
        .get(id)
        .ok_or_else(|| AdminError::not_found(format!("no tenant {id}")))
}

pub async fn get_tenant(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    Ok(HttpResponse::Ok().json(sandbox.tenant_json(&tenant)))
}

pub async fn delete_tenant(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    sandbox
        .remove_tenant(&id)
        .ok_or_else(|| AdminError::not_found(format!("no tenant {id}")))?;
    Ok(HttpResponse::NoContent().finish())
}

pub async fn reset_tenant(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    tenant.backend().reset();
    sandbox.registry.reindex(&tenant);
    Ok(HttpResponse::Ok().json(sandbox.tenant_json(&tenant)))
}

pub async fn create_credential(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    let request = object_body(&body)?;
    let created = tenant.backend().add_credential(&request, &sandbox.clock)?;
    sandbox.registry.reindex(&tenant);
    Ok(HttpResponse::Created().json(created))
}

pub async fn get_snapshot(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    Ok(HttpResponse::Ok().json(json!({
        "tenant": tenant.id,
        "vendor": tenant.vendor,
        "state": tenant.backend().snapshot(),
    })))
}

/// Body of `PUT /_sandbox/tenants/{id}/snapshot`: what `GET` answered.
#[derive(Debug, Deserialize)]
struct Snapshot {
    vendor: Vendor,
    state: Value,
    #[allow(dead_code)]
    tenant: Option<String>,
}

pub async fn put_snapshot(
    sandbox: web::Data<SandboxState>,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let tenant = tenant(&sandbox, &id)?;
    let snapshot: Snapshot = crate::http::from_value(object_body(&body)?)?;
    if snapshot.vendor != tenant.vendor {
        return Err(AdminError::field(
            "vendor",
            format!(
                "a {} snapshot cannot restore a {} tenant",
                snapshot.vendor, tenant.vendor
            ),
        ));
    }
    tenant
        .backend()
        .restore(&snapshot.state)
        .map_err(|e| AdminError::field("state", e.to_string()))?;
    sandbox.registry.reindex(&tenant);
    Ok(HttpResponse::Ok().json(sandbox.tenant_json(&tenant)))
}

/// `POST /_sandbox/save`: writes the state file now.
pub async fn save(sandbox: web::Data<SandboxState>) -> Result<HttpResponse, AdminError> {
    let state = sandbox.clone();
    let saved = web::block(move || state.save())
        .await
        .map_err(|e| AdminError::bad_request(e.to_string()))?
        .map_err(|e| AdminError::bad_request(e.to_string()))?;
    match saved {
        Some(tenants) => Ok(HttpResponse::Ok().json(json!({
            "saved": sandbox.state_file.as_ref().map(|p| p.display().to_string()),
            "tenants": tenants,
        }))),
        None => Err(AdminError::conflict(
            "no state file: start the sandbox with --state-file <path>",
        )),
    }
}
