//! The one middleware in front of every request (the App wraps it around everything).
//!
//! - A request sent to a vendor's own host (`Host: api.ashbyhq.com`) is routed as if its path
//!   had the vendor's prefix (`/ashby/candidate.info`), so one scope per vendor serves both
//!   forms. Only the path the router matches on changes: handlers, error messages and the
//!   journal see the URI as it was sent.
//! - For a vendor request: rate limits first, then injected faults, then the vendor's body-size
//!   limit (413 in the vendor's shape; the body is read here, before any handler), then the
//!   handler; actix's own error answers (404, 405, extractor errors) are re-rendered in the
//!   vendor's error shape, and the request is journaled with its answer. For a vendor that
//!   reports its rate limits on every response (SmartRecruiters' `X-RateLimit-*`), it adds the
//!   headers with what the credential has left.
//! - At debug level (`RUST_LOG=debug`), one log line per request (method, path, status,
//!   duration); a sandbox under load should not pay for a line per request.
//!
//! One middleware, not one per concern: each layer costs a boxed future and a virtual call on
//! every request.
//!
//! Vendor handlers tag a request with its tenant ([`TenantTag`]) once credentials resolve; the
//! journal files the entry under that tenant. Faults scoped to a tenant find it earlier, from
//! the credentials alone ([`crate::vendors::Vendor::tenant_hint`]).

use crate::http::in_vendor_shape;
use crate::journal::{Entry, Exchange};
use crate::ratelimit::Usage;
use crate::state::SandboxState;
use crate::tenancy::TenantTag;
use crate::vendors::Vendor;
use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpRequest, HttpResponse};
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use std::time::{Duration, Instant};

/// A response whose body fails at once: the client sees the connection drop mid-response.
fn dropped() -> HttpResponse {
    let failing = futures_util::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "connection dropped by an injected fault",
        ))
    });
    HttpResponse::Ok().streaming(failing)
}

/// Reads the whole body, up to `limit` bytes; `None` when it is larger.
async fn read_body(payload: &mut Payload, limit: usize) -> Result<Option<Bytes>, Error> {
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk?;
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body.freeze()))
}

/// When and for which vendor a request came in, for its journal entry.
struct Started {
    vendor: Vendor,
    at: Instant,
}

impl Started {
    /// Journals the request with its answer (the request's method, URI and headers are read
    /// from `req`, as they were received).
    fn record(
        self,
        req: &HttpRequest,
        tenant: Option<&str>,
        body: &[u8],
        status: u16,
        response: &[u8],
    ) {
        let Some(sandbox) = SandboxState::of(req) else {
            return;
        };
        if !sandbox.journal.enabled() {
            return;
        }
        sandbox.journal.record(Entry::new(Exchange {
            at: sandbox.clock.now(),
            tenant,
            vendor: self.vendor,
            method: req.method(),
            path_and_query: req.uri().path_and_query().map_or("/", |p| p.as_str()),
            headers: req.headers(),
            body,
            status,
            response,
            duration_ms: self.at.elapsed().as_secs_f64() * 1000.0,
        }));
    }
}

/// What a vendor that reports its limits says about them on this request's response.
#[derive(Debug, Clone, Copy)]
struct Reported(Usage);

pub async fn gateway(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if !tracing::enabled!(tracing::Level::DEBUG) {
        return route(req, next).await;
    }
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.path().to_owned();
    let res = route(req, next).await?;
    tracing::debug!(
        method = %method,
        path = %path,
        status = res.status().as_u16(),
        micros = started.elapsed().as_micros() as u64,
        "request"
    );
    Ok(res)
}

/// Routes by vendor host, and sends vendor requests through [`handle`].
async fn route(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let host = crate::http::request_host(req.head()).unwrap_or_default();
    let Some((vendor, vendor_path)) = Vendor::route(host, req.path()) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    if Vendor::by_host(host).is_some() {
        let routed = format!("/{}{}", vendor.slug(), req.path());
        if let Ok(uri) = actix_web::http::Uri::try_from(routed) {
            req.match_info_mut().get_mut().update(&uri);
        }
    }
    let mut res = handle(req, next, vendor, vendor_path).await?;
    let reported = res.request().extensions().get::<Reported>().copied();
    if let Some(Reported(usage)) = reported {
        let headers = res.headers_mut();
        for (name, value) in [
            ("x-ratelimit-limit", usage.limit),
            ("x-ratelimit-remaining", usage.remaining),
            ("x-ratelimit-concurrent-limit", usage.concurrent_limit),
            (
                "x-ratelimit-concurrent-remaining",
                usage.concurrent_remaining,
            ),
        ] {
            headers.insert(HeaderName::from_static(name), HeaderValue::from(value));
        }
    }
    Ok(res)
}

/// A vendor request: limits, faults, body size, the handler, the error shape, the journal.
async fn handle(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    vendor: Vendor,
    vendor_path: String,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let Some(sandbox) = SandboxState::of(req.request()) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let journal_on = sandbox.journal.enabled();
    let started = Started {
        vendor,
        at: Instant::now(),
    };

    // Rate limits first: a refused request does not reach faults or handlers.
    let mut _permit = None;
    let mut counted = None;
    // Only a vendor that reports its limits, or limits in force somewhere, need the caller's
    // credential here.
    let limited = vendor.reports_rate_limits() || sandbox.limits_in_force();
    if let Some(key) = limited
        .then(|| vendor.credential_key(req.headers()))
        .flatten()
    {
        let tenant = sandbox
            .registry
            .by_credential(vendor, &key)
            .map(|t| t.id.clone());
        let limiter = tenant.as_deref().and_then(|t| {
            sandbox.limiter(t).or_else(|| {
                vendor
                    .reports_rate_limits()
                    .then(|| sandbox.observer(t, vendor))
            })
        });
        if let Some(limiter) = limiter {
            let second = sandbox.clock.now().timestamp();
            match limiter.admit(&key, req.method().as_str(), &vendor_path, second) {
                Ok(permit) => {
                    counted = Some(permit.1);
                    _permit = Some(permit)
                }
                Err(refusal) => {
                    if vendor.reports_rate_limits() {
                        req.extensions_mut().insert(Reported(refusal.usage));
                    }
                    let response = vendor.rate_limited_response(refusal);
                    let (http_req, _) = req.into_parts();
                    let (head, bytes) = buffered(response).await?;
                    started.record(&http_req, tenant.as_deref(), b"", 429, &bytes);
                    return Ok(ServiceResponse::new(http_req, with_body(head, bytes)));
                }
            }
        }
    }
    if vendor.reports_rate_limits() {
        // A request nothing was counted for (no credential, or an unknown one) reports every
        // limit untouched.
        let usage = counted.unwrap_or_else(|| {
            Usage::idle(
                &vendor.documented_limits(),
                req.method().as_str(),
                &vendor_path,
            )
        });
        req.extensions_mut().insert(Reported(usage));
    }

    if !sandbox.faults.is_empty() {
        let tenant = vendor.tenant_hint(req.headers(), &sandbox.registry);
        if let Some(effect) = sandbox.faults.check(
            vendor,
            tenant.as_deref(),
            req.method().as_str(),
            &vendor_path,
        ) {
            if let Some(ms) = effect.latency_ms {
                actix_web::rt::time::sleep(Duration::from_millis(ms)).await;
            }
            if effect.drop {
                started.record(
                    req.request(),
                    tenant.as_deref(),
                    b"",
                    0,
                    b"[connection dropped]",
                );
                return Ok(req.into_response(dropped()));
            }
            if let Some(status) = effect.status {
                let status =
                    StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
                let response = vendor.fault_response(status);
                let (http_req, _) = req.into_parts();
                let (head, bytes) = buffered(response).await?;
                started.record(&http_req, tenant.as_deref(), b"", status.as_u16(), &bytes);
                return Ok(ServiceResponse::new(http_req, with_body(head, bytes)));
            }
        }
    }

    let mut payload = req.take_payload();
    let Some(body) = read_body(&mut payload, vendor.body_limit()).await? else {
        let response = vendor.error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "The request body is larger than {} bytes",
                vendor.body_limit()
            ),
        );
        return Ok(req.into_response(response));
    };
    req.set_payload(Payload::from(body.clone()));
    let res = in_vendor_shape(next.call(req).await?, |status, message| {
        vendor.error_response(status, message)
    });
    if !journal_on {
        return Ok(res);
    }
    let (http_req, res) = res.into_parts();
    let (head, bytes) = buffered(res).await?;
    let extensions = http_req.extensions();
    let tenant = extensions.get::<TenantTag>().map(|t| t.0.as_str());
    started.record(&http_req, tenant, &body, head.status().as_u16(), &bytes);
    drop(extensions);
    Ok(ServiceResponse::new(http_req, with_body(head, bytes)))
}

/// Reads a response's body so it can be both journaled and sent: the response without its
/// body, and the body. A body that is one buffer already (every JSON answer) is taken as it
/// is, not copied.
async fn buffered<B: MessageBody + 'static>(
    res: HttpResponse<B>,
) -> Result<(HttpResponse<()>, Bytes), Error> {
    let (head, body) = res.into_parts();
    let bytes = match body.try_into_bytes() {
        Ok(bytes) => bytes,
        Err(body) => body::to_bytes(body)
            .await
            .map_err(|e| actix_web::error::ErrorInternalServerError(e.into().to_string()))?,
    };
    Ok((head, bytes))
}

/// A response put back together from [`buffered`]'s parts.
fn with_body(head: HttpResponse<()>, bytes: Bytes) -> HttpResponse<BoxBody> {
    head.set_body(BoxBody::new(bytes))
}
