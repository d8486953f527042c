//! Builds the server: the shared state with its default tenants, the actix `App` (vendor scopes
//! by path prefix, and by Host header through the gateway; the control plane), and the listener.

use crate::admin;
use crate::clock::Clock;
use crate::config::Settings;
use crate::fixtures::{FixtureError, FixtureSet};
use crate::ids::random_seed;
use crate::persistence;
use crate::state::{SandboxState, TenantError};
use crate::vendors::Vendor;
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::json;
use std::net::{SocketAddr, TcpListener};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("fixtures: {0}")]
    Fixture(#[from] FixtureError),
    #[error("cannot create the default tenant: {0}")]
    Tenant(String),
    #[error(transparent)]
    StateFile(#[from] persistence::StateFileError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
}

/// The id of a vendor's default tenant.
pub fn default_tenant_id(vendor: Vendor) -> String {
    format!("{vendor}-default")
}

/// The shared state with one default tenant per vendor, from the settings' fixture set. The
/// clock is `clock` when given; otherwise logical under `--seed` and the wall clock without.
pub fn build_state(settings: &Settings, clock: Option<Clock>) -> Result<SandboxState, StartError> {
    let fixtures = FixtureSet::resolve(&settings.fixtures)?;
    let (seed, default_clock) = match settings.seed {
        Some(seed) => (seed, Clock::deterministic as fn() -> Clock),
        None => (random_seed(), Clock::real as fn() -> Clock),
    };
    let clock = clock.unwrap_or_else(default_clock);
    let mut state = SandboxState::new(seed, clock, settings.journal_size);
    state.enforce_rate_limits = settings.enforce_rate_limits;
    if let Some(path) = &settings.state_file {
        state.state_file = Some(path.clone());
        for tenant in persistence::load(path)?.unwrap_or_default() {
            let tenant = state
                .registry
                .insert(tenant)
                .map_err(|e| StartError::Tenant(e.message))?;
            if state.enforce_rate_limits {
                state.set_limits(&tenant.id, tenant.vendor.documented_limits());
            }
        }
    }
    for vendor in Vendor::ALL {
        if state.registry.get(&default_tenant_id(vendor)).is_some() {
            continue;
        }
        state
            .create_tenant(
                vendor,
                &fixtures,
                None,
                Some(default_tenant_id(vendor)),
                true,
            )
            .map_err(|e| match e {
                TenantError::Fixture(e) => StartError::Fixture(e),
                TenantError::Admin(e) => StartError::Tenant(e.message),
            })?;
    }
    Ok(state)
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    let prefixes: Vec<String> = Vendor::ALL.iter().map(|v| v.prefix()).collect();
    HttpResponse::NotFound().json(json!({
        "error": "not_found",
        "message": format!(
            "{} {} is not served; vendors live under {} and the control plane under /_sandbox",
            req.method(),
            req.path(),
            prefixes.join(", ")
        ),
    }))
}

/// Registers every route: the control plane, then each vendor under its path prefix. Requests
/// to a vendor's own host reach the same scope: [`crate::gateway`] routes them by their Host
/// header.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(admin::mount(web::scope("/_sandbox")));
    for vendor in Vendor::ALL {
        vendor.mount(cfg, web::scope(&vendor.prefix()));
    }
    cfg.default_service(web::to(not_found));
}

/// A bound, not yet running server.
pub struct Application {
    addr: SocketAddr,
    state: web::Data<SandboxState>,
    server: Server,
    save_interval: u64,
}

impl Application {
    /// Loads the fixtures, binds the listener and prepares the server.
    pub fn build(settings: &Settings) -> Result<Self, StartError> {
        Self::build_with_clock(settings, None)
    }

    /// As [`Application::build`], with an injected clock.
    pub fn build_with_clock(settings: &Settings, clock: Option<Clock>) -> Result<Self, StartError> {
        let state = web::Data::new(build_state(settings, clock)?);
        let addr = format!("{}:{}", settings.bind, settings.port);
        let listener = TcpListener::bind(&addr).map_err(|source| StartError::Bind {
            addr: addr.clone(),
            source,
        })?;
        let bound = listener.local_addr().map_err(|source| StartError::Bind {
            addr: addr.clone(),
            source,
        })?;
        let shared = state.clone();
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(shared.clone())
                .wrap(from_fn(crate::gateway::gateway))
                .configure(routes)
        })
        .listen(listener)
        .map_err(|source| StartError::Bind { addr, source })?;
        if let Some(workers) = settings.workers {
            server = server.workers(workers.max(1));
        }
        Ok(Self {
            addr: bound,
            state,
            server: server.run(),
            save_interval: settings.save_interval,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn state(&self) -> web::Data<SandboxState> {
        self.state.clone()
    }

    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGINT/SIGTERM (actix stops gracefully on both) or a stop through the handle;
    /// with a state file, saves every `save_interval` seconds and once more at the end.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let saver = (self.save_interval > 0 && self.state.state_file.is_some()).then(|| {
            let state = self.state.clone();
            let every = std::time::Duration::from_secs(self.save_interval);
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(every).await;
                    let state = state.clone();
                    match tokio::task::spawn_blocking(move || state.save()).await {
                        Ok(Ok(_)) => {}
                        Ok(Err(e)) => tracing::error!("periodic save failed: {e}"),
                        Err(e) => tracing::error!("periodic save failed: {e}"),
                    }
                }
            })
        });
        let served = self.server.await;
        if let Some(saver) = saver {
            saver.abort();
        }
        if self.state.state_file.is_some() {
            match self.state.save() {
                Ok(n) => tracing::info!("saved {} tenants to the state file", n.unwrap_or(0)),
                Err(e) => tracing::error!("saving the state file on shutdown failed: {e}"),
            }
        }
        served
    }
}
