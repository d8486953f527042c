//! The state file (`--state-file`): every tenant, saved atomically and loaded at start.
//!
//! Format: `{"format": "ats-sandbox-state", "version": 1, "saved_at", "tenants": [{"id",
//! "vendor", "fixtures", "seed", "origin", "state"}]}` where `origin` and `state` are tenant
//! snapshots (the state `reset` returns to, and the current one). A save writes a temporary file
//! beside the target, fsyncs it, renames it over the target and fsyncs the directory, so a crash
//! at any moment leaves the old file or the new one, never a torn one. A file that does not
//! parse, or has another format or version, stops the start and is left untouched.

use crate::state::SandboxState;
use crate::tenancy::Tenant;
use crate::vendors::Vendor;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

pub const FORMAT: &str = "ats-sandbox-state";
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct StateFile {
    format: String,
    version: u32,
    saved_at: String,
    tenants: Vec<SavedTenant>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SavedTenant {
    id: String,
    vendor: Vendor,
    fixtures: String,
    seed: u64,
    origin: Value,
    state: Value,
}

#[derive(Debug, thiserror::Error)]
pub enum StateFileError {
    #[error("state file {path}: {message}")]
    Invalid { path: String, message: String },
    #[error("state file {path}: cannot write: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

fn invalid(path: &Path, message: impl Into<String>) -> StateFileError {
    StateFileError::Invalid {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// The tenants a state file holds, rebuilt; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Vec<Tenant>>, StateFileError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(invalid(path, format!("cannot read: {e}"))),
    };
    let header: Value = serde_json::from_str(&text).map_err(|e| {
        invalid(
            path,
            format!("not valid JSON ({e}); the file is left as it is"),
        )
    })?;
    if header["format"] != FORMAT {
        return Err(invalid(
            path,
            format!("not an ats-sandbox state file (format is not \"{FORMAT}\")"),
        ));
    }
    if header["version"] != VERSION {
        return Err(invalid(
            path,
            format!(
                "format version {} is not the supported version {VERSION}",
                header["version"]
            ),
        ));
    }
    let file: StateFile =
        serde_json::from_value(header).map_err(|e| invalid(path, format!("malformed: {e}")))?;
    let mut tenants = Vec::with_capacity(file.tenants.len());
    for saved in file.tenants {
        let backend = saved
            .vendor
            .tenant_from_snapshots(&saved.origin, &saved.state, saved.seed)
            .map_err(|e| invalid(path, format!("tenant {}: {e}", saved.id)))?;
        tenants.push(Tenant::new(
            saved.id,
            saved.vendor,
            saved.fixtures,
            saved.seed,
            backend,
        ));
    }
    Ok(Some(tenants))
}

/// Writes every tenant to `path`, atomically. Answers the number of tenants saved.
pub fn save(path: &Path, sandbox: &SandboxState) -> Result<usize, StateFileError> {
    let tenants: Vec<SavedTenant> = sandbox
        .registry
        .list()
        .iter()
        .map(|t| SavedTenant {
            id: t.id.clone(),
            vendor: t.vendor,
            fixtures: t.fixtures.clone(),
            seed: t.seed,
            origin: t.backend().origin_snapshot(),
            state: t.backend().snapshot(),
        })
        .collect();
    let count = tenants.len();
    let file = StateFile {
        format: FORMAT.into(),
        version: VERSION,
        saved_at: sandbox.clock.now().to_rfc3339(),
        tenants,
    };
    let bytes = serde_json::to_vec(&file).map_err(|e| invalid(path, e.to_string()))?;
    write_atomically(path, &bytes).map_err(|source| StateFileError::Write {
        path: path.display().to_string(),
        source,
    })?;
    Ok(count)
}

/// Temp file beside the target, fsync, rename over it, fsync the directory.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state".into());
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
