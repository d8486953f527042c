//! ats-sandbox: stateful, rule-enforcing emulators of applicant-tracking-system APIs.
//!
//! Run the binary, or start a sandbox inside a Rust test:
//!
//! ```no_run
//! # async fn demo() -> Result<(), ats_sandbox::StartError> {
//! use ats_sandbox::{Sandbox, Vendor};
//! let sandbox = Sandbox::builder().port(0).fixtures("demo").seed(42).start().await?;
//! let api = sandbox.api_url(Vendor::AtsAnywhere); // http://127.0.0.1:PORT/atsanywhere/api/v1
//! let tenant = sandbox.default_tenant(Vendor::AtsAnywhere).unwrap();
//! println!("{api} {}", tenant.credentials["api_key"]);
//! sandbox.stop().await;
//! # Ok(()) }
//! ```

pub mod admin;
pub mod app;
pub mod clock;
pub mod config;
pub mod faults;
pub mod fixtures;
pub mod gateway;
pub mod http;
pub mod ids;
pub mod joined;
pub mod journal;
pub mod key_index;
pub mod persistence;
pub mod ratelimit;
pub mod state;
pub mod tenancy;
pub mod validation;
pub mod vendors;
pub mod wire_time;

pub use app::{Application, StartError};
pub use config::Settings;
pub use vendors::Vendor;

use actix_web::dev::ServerHandle;
use actix_web::web;
use serde_json::Value;
use state::SandboxState;
use std::net::SocketAddr;

/// Builds a [`Sandbox`]; defaults: port 0 (a free one), demo fixtures, two workers.
pub struct SandboxBuilder {
    settings: Settings,
    clock: Option<clock::Clock>,
}

impl SandboxBuilder {
    pub fn port(mut self, port: u16) -> Self {
        self.settings.port = port;
        self
    }

    pub fn fixtures(mut self, fixtures: &str) -> Self {
        self.settings.fixtures = fixtures.to_owned();
        self
    }

    pub fn seed(mut self, seed: u64) -> Self {
        self.settings.seed = Some(seed);
        self
    }

    /// Injects the clock (for instance `Clock::frozen(t)`); by default the clock is logical
    /// with a seed and the wall clock without.
    pub fn clock(mut self, clock: clock::Clock) -> Self {
        self.clock = Some(clock);
        self
    }

    /// Loads tenants from this state file at start and saves them on stop.
    pub fn state_file(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.settings.state_file = Some(path.into());
        self
    }

    /// Requests kept in the journal per tenant (0 turns it off).
    pub fn journal_size(mut self, size: usize) -> Self {
        self.settings.journal_size = size;
        self
    }

    pub fn workers(mut self, workers: usize) -> Self {
        self.settings.workers = Some(workers);
        self
    }

    /// Starts serving on the current Tokio runtime and returns once the port is bound.
    pub async fn start(self) -> Result<Sandbox, StartError> {
        let app = Application::build_with_clock(&self.settings, self.clock)?;
        let addr = app.addr();
        let state = app.state();
        let handle = app.handle();
        let running = tokio::spawn(app.run_until_stopped());
        Ok(Sandbox {
            addr,
            state,
            handle,
            running,
        })
    }
}

/// A running sandbox (in-process).
pub struct Sandbox {
    addr: SocketAddr,
    state: web::Data<SandboxState>,
    handle: ServerHandle,
    running: tokio::task::JoinHandle<std::io::Result<()>>,
}

/// A tenant as the control plane describes it.
#[derive(Debug, Clone)]
pub struct TenantInfo {
    pub id: String,
    pub credentials: Value,
}

impl Sandbox {
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder {
            settings: Settings {
                port: 0,
                workers: Some(2),
                ..Settings::default()
            },
            clock: None,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The vendor's prefix URL: `http://127.0.0.1:PORT/atsanywhere`.
    pub fn vendor_url(&self, vendor: Vendor) -> String {
        format!("{}{}", self.base_url(), vendor.prefix())
    }

    /// The vendor's API base URL: `http://127.0.0.1:PORT/atsanywhere/api/v1`.
    pub fn api_url(&self, vendor: Vendor) -> String {
        format!("{}{}", self.vendor_url(vendor), vendor.api_base())
    }

    /// The vendor's default tenant (made from the fixture set at start).
    pub fn default_tenant(&self, vendor: Vendor) -> Option<TenantInfo> {
        let tenant = self.state.registry.get(&app::default_tenant_id(vendor))?;
        Some(TenantInfo {
            id: tenant.id.clone(),
            credentials: tenant.backend().credentials(),
        })
    }

    /// The shared state (registry, clock), for tests that reach past HTTP.
    pub fn state(&self) -> &SandboxState {
        &self.state
    }

    /// Stops gracefully (and saves the state file, when there is one).
    pub async fn stop(self) {
        self.handle.stop(true).await;
        let _ = self.running.await;
    }
}
