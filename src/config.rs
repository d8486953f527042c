//! Settings of a sandbox run, from flags or `ATS_SANDBOX_*` environment variables.

use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address to listen on.
    #[arg(long, env = "ATS_SANDBOX_BIND", default_value = "127.0.0.1")]
    pub bind: String,
    /// Port to listen on; 0 picks a free one.
    #[arg(long, env = "ATS_SANDBOX_PORT", default_value_t = 8080)]
    pub port: u16,
    /// Fixture set of the default tenants: `demo`, `empty`, or a directory of <vendor>.json files.
    #[arg(long, env = "ATS_SANDBOX_FIXTURES", default_value = "demo")]
    pub fixtures: String,
    /// Makes ids, secrets, generated data and timestamps reproducible.
    #[arg(long, env = "ATS_SANDBOX_SEED")]
    pub seed: Option<u64>,
    /// Log lines as text or JSON (level from RUST_LOG, default info).
    #[arg(long, env = "ATS_SANDBOX_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Requests kept in the journal per tenant (0 turns the journal off).
    #[arg(long, env = "ATS_SANDBOX_JOURNAL_SIZE", default_value_t = 1000)]
    pub journal_size: usize,
    /// Load every tenant from this file at start (when it exists) and save them to it on
    /// shutdown, every --save-interval, and on POST /_sandbox/save.
    #[arg(long, env = "ATS_SANDBOX_STATE_FILE")]
    pub state_file: Option<std::path::PathBuf>,
    /// Seconds between automatic saves of the state file (0: only on shutdown and on request).
    #[arg(long, env = "ATS_SANDBOX_SAVE_INTERVAL", default_value_t = 0)]
    pub save_interval: u64,
    /// Apply each vendor's documented rate limits to every tenant.
    #[arg(long, env = "ATS_SANDBOX_ENFORCE_RATE_LIMITS")]
    pub enforce_rate_limits: bool,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "ATS_SANDBOX_WORKERS")]
    pub workers: Option<usize>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1".into(),
            port: 8080,
            fixtures: "demo".into(),
            seed: None,
            log_format: LogFormat::Text,
            journal_size: 1000,
            state_file: None,
            save_interval: 0,
            enforce_rate_limits: false,
            workers: None,
        }
    }
}
