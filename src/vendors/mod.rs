//! The emulated vendors. Each vendor is a folder that owns its state, its rules and its wire
//! format; vendors never import each other. This module only names them and builds their tenants.

pub mod ashby;
pub mod atsanywhere;
pub mod pandape;
pub mod panora;
pub mod smartrecruiters;
pub mod unified;

use crate::clock::Clock;
use crate::fixtures::{FixtureError, FixtureSet};
use crate::http::{basic_auth, BasicAuth};
use crate::tenancy::Registry;
use crate::tenancy::VendorTenant;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::web::ServiceConfig;
use actix_web::{HttpRequest, HttpResponse, Scope};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A vendor the sandbox serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Vendor {
    #[value(name = "ashby")]
    Ashby,
    #[value(name = "atsanywhere")]
    AtsAnywhere,
    #[value(name = "pandape")]
    Pandape,
    #[value(name = "smartrecruiters")]
    SmartRecruiters,
    #[value(name = "panora")]
    Panora,
}

impl Vendor {
    /// Every vendor served, in the order they are printed and listed.
    /// Panora comes last: its default tenant links the others'.
    pub const ALL: [Vendor; 5] = [
        Vendor::AtsAnywhere,
        Vendor::Pandape,
        Vendor::Ashby,
        Vendor::SmartRecruiters,
        Vendor::Panora,
    ];

    /// A number of its own below `Vendor::ALL.len()` (for tables with one entry per vendor).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The name used in URLs, fixture files and the control plane.
    pub fn slug(self) -> &'static str {
        match self {
            Vendor::Ashby => "ashby",
            Vendor::AtsAnywhere => "atsanywhere",
            Vendor::Pandape => "pandape",
            Vendor::SmartRecruiters => "smartrecruiters",
            Vendor::Panora => "panora",
        }
    }

    /// The path prefix that serves this vendor (`/atsanywhere`).
    pub fn prefix(self) -> String {
        format!("/{}", self.slug())
    }

    /// The vendor's real API hosts; a request with one of these in `Host` is served the
    /// vendor's real paths at the root.
    pub fn hosts(self) -> &'static [&'static str] {
        match self {
            Vendor::Ashby => ashby::HOSTS,
            Vendor::AtsAnywhere => atsanywhere::HOSTS,
            Vendor::Pandape => pandape::HOSTS,
            Vendor::SmartRecruiters => smartrecruiters::HOSTS,
            Vendor::Panora => panora::HOSTS,
        }
    }

    /// Where the vendor's API starts under its prefix (what a client uses as base URL).
    pub fn api_base(self) -> &'static str {
        match self {
            Vendor::Ashby => ashby::API_BASE,
            Vendor::AtsAnywhere => atsanywhere::API_BASE,
            Vendor::Pandape => pandape::API_BASE,
            Vendor::SmartRecruiters => smartrecruiters::API_BASE,
            Vendor::Panora => panora::API_BASE,
        }
    }

    /// The vendor whose real API lives at `host` (without a port).
    pub fn by_host(host: &str) -> Option<Vendor> {
        Vendor::ALL.into_iter().find(|v| v.hosts().contains(&host))
    }

    /// Which vendor a request is for, and its path as the vendor knows it (without our prefix):
    /// by Host header first, then by path prefix.
    pub fn route(host: &str, path: &str) -> Option<(Vendor, String)> {
        let host = host.split(':').next().unwrap_or(host);
        if let Some(vendor) = Vendor::by_host(host) {
            return Some((vendor, path.to_owned()));
        }
        Vendor::ALL.into_iter().find_map(|v| {
            let rest = path.strip_prefix('/')?.strip_prefix(v.slug())?;
            (rest.is_empty() || rest.starts_with('/')).then(|| (v, rest.to_owned()))
        })
    }

    /// The vendor's own 404 for a path it does not serve.
    pub async fn unknown_route(self, req: HttpRequest) -> HttpResponse {
        self.error_response(
            StatusCode::NOT_FOUND,
            format!("No route matches {} {}", req.method(), req.path()),
        )
    }

    /// The largest request body the vendor takes.
    pub fn body_limit(self) -> usize {
        match self {
            Vendor::Ashby => ashby::BODY_LIMIT,
            Vendor::AtsAnywhere => atsanywhere::BODY_LIMIT,
            Vendor::Pandape => pandape::BODY_LIMIT,
            Vendor::SmartRecruiters => smartrecruiters::BODY_LIMIT,
            Vendor::Panora => panora::BODY_LIMIT,
        }
    }

    /// An error response in the vendor's own shape.
    pub fn error_response(self, status: StatusCode, message: String) -> HttpResponse {
        match self {
            Vendor::Ashby => ashby::error::AshbyError::render_status(status, message),
            Vendor::AtsAnywhere => atsanywhere::error::AtsError::render_status(status, message),
            Vendor::Pandape => pandape::error::PandapeError::render_status(status, message),
            Vendor::SmartRecruiters => {
                smartrecruiters::error::SrError::render_status(status, message)
            }
            Vendor::Panora => panora::error::PanoraError::render_status(status, message),
        }
    }

    /// The response of an injected error fault: the vendor's error shape, and for 429 the
    /// headers the vendor sends with it.
    pub fn fault_response(self, status: StatusCode) -> HttpResponse {
        let message = match status {
            StatusCode::TOO_MANY_REQUESTS => {
                "Too many requests; retry after the delay in Retry-After".to_owned()
            }
            _ => format!(
                "{} (injected by the sandbox)",
                status.canonical_reason().unwrap_or("Error")
            ),
        };
        let mut response = self.error_response(status, message);
        if status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }

    /// The credential index key a request carries, before any handler runs.
    pub fn credential_key(self, headers: &HeaderMap) -> Option<String> {
        match self {
            Vendor::Ashby | Vendor::AtsAnywhere => match basic_auth(headers) {
                BasicAuth::Credentials { user, .. } => Some(user),
                _ => None,
            },
            Vendor::Pandape => pandape::auth::credential_key(headers),
            Vendor::SmartRecruiters => smartrecruiters::auth::credential_key(headers),
            Vendor::Panora => panora::api::credential_key(headers),
        }
    }

    /// The vendor's 429 for a request over a rate limit.
    pub fn rate_limited_response(self, refusal: crate::ratelimit::Refusal) -> HttpResponse {
        let mut response = self.error_response(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "Rate limit of {} exceeded; retry after {} second(s)",
                refusal.limit, refusal.retry_after_secs
            ),
        );
        if let Ok(value) = HeaderValue::from_str(&refusal.retry_after_secs.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }

    /// The tenant a request's credentials name, before any handler runs (for tenant-scoped
    /// faults and rate limits).
    pub fn tenant_hint(self, headers: &HeaderMap, registry: &Registry) -> Option<String> {
        let key = self.credential_key(headers)?;
        registry.by_credential(self, &key).map(|t| t.id.clone())
    }

    /// The rate limits the vendor documents, per credential. Neither ATS Anywhere nor Pandapé
    /// documents any (VENDORS.md §3, §4), so `--enforce-rate-limits` adds none for them; a
    /// tenant can still be given its own rules through the control plane.
    pub fn documented_limits(self) -> Vec<crate::ratelimit::LimitRule> {
        match self {
            Vendor::AtsAnywhere | Vendor::Pandape | Vendor::Panora => Vec::new(),
            // Ashby documents limits only for report endpoints, which are not served yet.
            Vendor::Ashby => Vec::new(),
            // VENDORS.md §2.6: 10 requests/s and 8 in flight per credential, only 1 in flight on
            // `GET /candidates`; publication calls 2/s.
            Vendor::SmartRecruiters => {
                let rule = |method: Option<&str>, path: Option<&str>, per_second, concurrent| {
                    crate::ratelimit::LimitRule {
                        path: path.map(Into::into),
                        method: method.map(Into::into),
                        per_second,
                        concurrent,
                    }
                };
                vec![
                    rule(None, None, Some(10), Some(8)),
                    rule(Some("GET"), Some("/candidates"), None, Some(1)),
                    rule(Some("POST"), Some("/jobs/*/publication"), Some(2), None),
                    rule(Some("DELETE"), Some("/jobs/*/publication"), Some(2), None),
                    rule(Some("GET"), Some("/offers/*/documents/*"), Some(2), None),
                ]
            }
        }
    }

    /// Whether the vendor reports its rate limits on every response (SmartRecruiters'
    /// `X-RateLimit-*` headers, VENDORS.md §2.6).
    pub fn reports_rate_limits(self) -> bool {
        self == Vendor::SmartRecruiters
    }

    pub fn from_slug(slug: &str) -> Option<Vendor> {
        Vendor::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// Mounts the vendor's routes, error shape and body limits on `scope` (its path prefix,
    /// or the root behind a Host guard).
    pub fn mount(self, cfg: &mut ServiceConfig, scope: Scope) {
        let scope = scope
            .app_data(actix_web::web::PayloadConfig::new(self.body_limit()))
            .route(
                "/openapi.json",
                actix_web::web::get().to(move || async move {
                    HttpResponse::Ok()
                        .content_type("application/json")
                        .body(self.openapi_json())
                }),
            )
            .default_service(actix_web::web::to(move |req: HttpRequest| {
                self.unknown_route(req)
            }));
        match self {
            Vendor::Ashby => cfg.service(ashby::mount(scope)),
            Vendor::AtsAnywhere => cfg.service(atsanywhere::mount(scope)),
            Vendor::Pandape => cfg.service(pandape::mount(scope)),
            Vendor::SmartRecruiters => cfg.service(smartrecruiters::mount(scope)),
            Vendor::Panora => cfg.service(panora::mount(scope)),
        };
    }

    /// The OpenAPI document of what the sandbox serves for this vendor.
    pub fn openapi_json(self) -> String {
        match self {
            Vendor::Ashby => ashby::openapi_document(),
            Vendor::AtsAnywhere => atsanywhere::openapi::document(),
            Vendor::Pandape => pandape::openapi::document(),
            Vendor::SmartRecruiters => smartrecruiters::catalogue::document(),
            Vendor::Panora => panora::openapi_document(),
        }
    }

    /// Builds a tenant's state from a fixture set. `well_known_credentials` keeps the fixture's
    /// published credentials (the default tenants); otherwise fresh secrets are drawn from `seed`,
    /// so that many tenants can share one fixture set.
    pub fn build_tenant(
        self,
        fixtures: &FixtureSet,
        seed: u64,
        clock: &Clock,
        well_known_credentials: bool,
    ) -> Result<Box<dyn VendorTenant>, FixtureError> {
        match self {
            Vendor::Ashby => Ok(Box::new(ashby::tenant::build(
                fixtures,
                seed,
                clock,
                well_known_credentials,
            )?)),
            Vendor::AtsAnywhere => Ok(Box::new(atsanywhere::tenant::build(
                fixtures,
                seed,
                clock,
                well_known_credentials,
            )?)),
            Vendor::Pandape => Ok(Box::new(pandape::tenant::build(
                fixtures,
                seed,
                clock,
                well_known_credentials,
            )?)),
            Vendor::SmartRecruiters => Ok(Box::new(smartrecruiters::tenant::build(
                fixtures,
                seed,
                clock,
                well_known_credentials,
            )?)),
            Vendor::Panora => Ok(Box::new(panora::tenant::build(
                fixtures,
                seed,
                clock,
                well_known_credentials,
            )?)),
        }
    }
}

impl Vendor {
    /// A fixture document of `candidates` candidates (ATS Anywhere applications, Pandapé
    /// request matches), reproducible from `seed`; `progress` hears how many are made.
    pub fn generate_fixtures(
        self,
        seed: u64,
        candidates: u64,
        progress: &dyn Fn(u64),
    ) -> serde_json::Value {
        match self {
            Vendor::Ashby => ashby::generate(seed, candidates, progress),
            Vendor::AtsAnywhere => atsanywhere::generate::generate(seed, candidates, progress),
            Vendor::Pandape => pandape::generate::generate(seed, candidates, progress),
            Vendor::SmartRecruiters => {
                smartrecruiters::generate::generate(seed, candidates, progress)
            }
            Vendor::Panora => panora::tenant::generate(seed),
        }
    }

    /// Rebuilds a tenant's state from the snapshots a state file holds.
    pub fn tenant_from_snapshots(
        self,
        origin: &serde_json::Value,
        state: &serde_json::Value,
        seed: u64,
    ) -> Result<Box<dyn VendorTenant>, FixtureError> {
        Ok(match self {
            Vendor::Ashby => Box::new(ashby::tenant::AshbyTenant::from_snapshots(
                origin, state, seed,
            )?),
            Vendor::AtsAnywhere => Box::new(
                atsanywhere::tenant::AtsAnywhereTenant::from_snapshots(origin, state, seed)?,
            ),
            Vendor::Pandape => Box::new(pandape::tenant::PandapeTenant::from_snapshots(
                origin, state, seed,
            )?),
            Vendor::SmartRecruiters => Box::new(smartrecruiters::tenant::SrTenant::from_snapshots(
                origin, state, seed,
            )?),
            Vendor::Panora => Box::new(panora::tenant::PanoraTenant::from_snapshots(
                origin, state, seed,
            )?),
        })
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}
