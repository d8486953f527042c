//! Ashby list pagination and incremental sync.
//!
//! A full sync pages through records in creation order: `limit` (default and at most 100),
//! `cursor` from the previous `nextCursor`, `moreDataAvailable`; the last page carries a
//! `syncToken`. A later call with that `syncToken` pages through only the records created or
//! changed since the sync began. Cursors and tokens are opaque (base64 of a small JSON
//! document); a cursor lives one hour of sandbox time (`next_cursor_expired`), a sync token
//! thirty days (`sync_token_expired`); anything unreadable or from another endpoint is
//! `invalid_next_cursor` / `sync_token_invalid`.

use super::error::AshbyError;
use super::model::Time;
use super::store::Table;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

pub const MAX_LIMIT: usize = 100;
const CURSOR_LIFETIME_MS: i64 = 60 * 60 * 1000;
const SYNC_TOKEN_LIFETIME_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// The list fields of a request body.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListParams {
    pub cursor: Option<String>,
    pub sync_token: Option<String>,
    pub limit: Option<i64>,
    /// Milliseconds since the epoch.
    pub created_after: Option<i64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Position {
    /// The endpoint it belongs to.
    e: String,
    /// `f`: full sync (`p` is a position), `i`: incremental (`p` is a change number),
    /// `t`: a sync token (`p` is the change number it was taken at).
    m: char,
    p: u64,
    /// The change number the sync started at (the next sync token).
    s: u64,
    /// Issued at, ms since the epoch (sandbox clock).
    t: i64,
}

fn encode(position: &Position) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(position).unwrap_or_default())
}

fn decode(raw: &str) -> Option<Position> {
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// One page: `results` and the list fields to add to the envelope.
pub struct Page<R = Value> {
    pub results: Vec<R>,
    pub extra: Value,
}

/// Where a list is taken: the endpoint, the store's last change number, the time.
pub struct ListAt<'a> {
    pub endpoint: &'a str,
    pub seq: u64,
    pub now: Time,
}

/// Pages `table` as `at.endpoint` does; `keep` filters records (visibility, request filters),
/// `created` gives a record's creation time (for `createdAfter`), `render` its wire shape.
pub fn page<'t, T, R>(
    at: ListAt,
    table: &'t Table<T>,
    params: &ListParams,
    keep: impl Fn(&T) -> bool,
    created: impl Fn(&T) -> Time,
    render: impl Fn(&'t T) -> R,
) -> Result<Page<R>, AshbyError> {
    let (endpoint, store_seq) = (at.endpoint, at.seq);
    let now_ms = at.now.timestamp_millis();
    let limit = match params.limit {
        None => MAX_LIMIT,
        Some(n) if n < 1 => return Err(AshbyError::invalid_input("limit must be at least 1")),
        Some(n) => (n as usize).min(MAX_LIMIT),
    };
    let keep = |t: &T| {
        keep(t)
            && params
                .created_after
                .is_none_or(|after| created(t).timestamp_millis() > after)
    };
    // Where this page starts.
    let (mode, from, sync_seq) = match (&params.cursor, &params.sync_token) {
        (Some(cursor), _) => {
            let p = decode(cursor)
                .filter(|p| p.e == endpoint && (p.m == 'f' || p.m == 'i'))
                .ok_or_else(|| {
                    AshbyError::new(
                        "invalid_next_cursor",
                        "The cursor is not valid for this endpoint; start again without it",
                    )
                })?;
            if now_ms - p.t > CURSOR_LIFETIME_MS {
                return Err(AshbyError::new(
                    "next_cursor_expired",
                    "The cursor has expired; start the sync again without it",
                ));
            }
            (p.m, p.p, p.s)
        }
        (None, Some(token)) => {
            let p = decode(token)
                .filter(|p| p.e == endpoint && p.m == 't')
                .ok_or_else(|| {
                    AshbyError::new(
                        "sync_token_invalid",
                        "The sync token is not valid for this endpoint; run a full sync",
                    )
                })?;
            if now_ms - p.t > SYNC_TOKEN_LIFETIME_MS {
                return Err(AshbyError::new(
                    "sync_token_expired",
                    "The sync token has expired; run a full sync",
                ));
            }
            ('i', p.p, store_seq)
        }
        (None, None) => ('f', 0, store_seq),
    };
    let mut results = Vec::with_capacity(limit);
    let mut next: Option<u64> = None;
    if mode == 'f' {
        for (position, record) in table.from_position(from as usize).filter(|(_, r)| keep(r)) {
            if results.len() == limit {
                next = Some(position as u64);
                break;
            }
            results.push(render(record));
        }
    } else {
        let mut last = from;
        for (seq, record) in table.changed_after(from).filter(|(_, r)| keep(r)) {
            if results.len() == limit {
                next = Some(last);
                break;
            }
            last = seq;
            results.push(render(record));
        }
    }
    let extra = match next {
        Some(p) => json!({
            "moreDataAvailable": true,
            "nextCursor": encode(&Position { e: endpoint.into(), m: mode, p, s: sync_seq, t: now_ms }),
        }),
        None => json!({
            "moreDataAvailable": false,
            "syncToken": encode(&Position { e: endpoint.into(), m: 't', p: sync_seq, s: sync_seq, t: now_ms }),
        }),
    };
    Ok(Page { results, extra })
}
