//! The request journal: every vendor request with its response, kept per tenant in a bounded
//! ring (`--journal-size`, default 1000 per tenant), so memory stays flat under any load.
//! Requests that reach no tenant (refused credentials, the token endpoint) are kept per vendor.
//! Each ring has its own lock; nothing here is global on the request path.

use crate::vendors::Vendor;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::{Method, Uri};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use dashmap::DashMap;
use parking_lot::Mutex;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};

/// Bodies longer than this are cut in the journal.
const BODY_LIMIT: usize = 64 * 1024;

/// Headers whose values are secrets.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "x-smarttoken",
    "x-api-key",
    "x-connection-token",
    "cookie",
    "proxy-authorization",
];

/// One request and its response. Bodies are kept as bytes and turned into JSON only when the
/// journal is read, so recording costs a copy and nothing more.
#[derive(Debug, Clone)]
pub struct Entry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub tenant: Option<String>,
    pub vendor: Vendor,
    pub method: Method,
    /// Path and query as received (a clone shares the request's bytes).
    pub uri: Uri,
    /// As received; secrets are redacted when the journal is read. A list, not a map: it is
    /// only ever copied in and read in order.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: Bytes,
    /// 0 when the connection was dropped.
    pub status: u16,
    pub response: Bytes,
    pub duration_ms: f64,
}

impl Entry {
    /// The entry as `GET /_sandbox/requests` shows it.
    pub fn to_json(&self) -> Value {
        json!({
            "seq": self.seq,
            "at": self.at,
            "tenant": self.tenant,
            "vendor": self.vendor,
            "method": self.method.as_str(),
            "path": self.uri.path(),
            "query": self.uri.query().unwrap_or_default(),
            "headers": redacted_headers(
                self.headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes()))
            ),
            "body": body_value(&self.body),
            "status": self.status,
            "response": body_value(&self.response),
            "duration_ms": (self.duration_ms * 1000.0).round() / 1000.0,
        })
    }
}

/// What a filter on the journal asks for.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub tenant: Option<String>,
    pub vendor: Option<Vendor>,
    pub method: Option<String>,
    /// Substring of the path.
    pub path: Option<String>,
}

impl Filter {
    fn matches(&self, e: &Entry) -> bool {
        self.tenant
            .as_ref()
            .is_none_or(|t| e.tenant.as_ref() == Some(t))
            && self.vendor.is_none_or(|v| e.vendor == v)
            && self
                .method
                .as_ref()
                .is_none_or(|m| e.method.as_str().eq_ignore_ascii_case(m))
            && self
                .path
                .as_ref()
                .is_none_or(|p| e.uri.path().contains(p.as_str()))
    }
}

pub struct Journal {
    size: usize,
    rings: DashMap<String, Mutex<VecDeque<Entry>>>,
    seq: AtomicU64,
}

/// The bytes of a body worth keeping: all of it up to the 64 KiB a read of the journal shows,
/// and one byte more beyond that (so [`body_value`] still sees that it was cut), so a ring of
/// large answers (list pages) stays small.
/// What the journal keeps of a body: all of it up to the limit (shared, not copied), else a
/// copy of its first `BODY_LIMIT + 1` bytes (so a large answer's buffer is not held).
pub fn kept(bytes: &Bytes) -> Bytes {
    if bytes.len() <= BODY_LIMIT + 1 {
        bytes.clone()
    } else {
        Bytes::copy_from_slice(&bytes[..BODY_LIMIT + 1])
    }
}

/// A body as the journal keeps it: JSON when it parses, text otherwise, cut at 64 KiB.
pub fn body_value(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    if bytes.len() <= BODY_LIMIT {
        if let Ok(value) = serde_json::from_slice(bytes) {
            return value;
        }
    }
    let cut = &bytes[..bytes.len().min(BODY_LIMIT)];
    Value::String(String::from_utf8_lossy(cut).into_owned())
}

/// Header values, secrets replaced by `[redacted]`.
pub fn redacted_headers<'a>(
    headers: impl Iterator<Item = (&'a str, &'a [u8])>,
) -> BTreeMap<String, String> {
    headers
        .map(|(name, value)| {
            let name = name.to_ascii_lowercase();
            let value = if SECRET_HEADERS.contains(&name.as_str()) {
                "[redacted]".to_owned()
            } else {
                String::from_utf8_lossy(value).into_owned()
            };
            (name, value)
        })
        .collect()
}

/// Appends to a ring of `size`, answering the entry it pushed out.
fn push(ring: &mut VecDeque<Entry>, entry: Entry, size: usize) -> Option<Entry> {
    let oldest = (ring.len() >= size).then(|| ring.pop_front()).flatten();
    ring.push_back(entry);
    oldest
}

impl Journal {
    /// A journal keeping `size` entries per tenant (0: off).
    pub fn new(size: usize) -> Self {
        Self {
            size,
            rings: DashMap::new(),
            seq: AtomicU64::new(1),
        }
    }

    pub fn enabled(&self) -> bool {
        self.size > 0
    }

    /// Records an entry (its `seq` is assigned here), dropping the oldest of its ring when full.
    pub fn record(&self, mut entry: Entry) {
        if !self.enabled() {
            return;
        }
        entry.seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let key = match &entry.tenant {
            Some(tenant) => Cow::Borrowed(tenant.as_str()),
            None => Cow::Owned(format!("-{}", entry.vendor)),
        };
        // The ring exists after a tenant's first request: find it under the map's shared lock.
        let oldest = match self.rings.get(key.as_ref()) {
            Some(ring) => push(&mut ring.lock(), entry, self.size),
            None => {
                let ring = self
                    .rings
                    .entry(key.into_owned())
                    .or_insert_with(|| Mutex::new(VecDeque::with_capacity(self.size.min(64))));
                let oldest = push(&mut ring.lock(), entry, self.size);
                oldest
            }
        };
        // Dropped here, after the locks are released.
        drop(oldest);
    }

    /// Matching entries, oldest first; at most `limit` of the newest.
    pub fn list(&self, filter: &Filter, limit: Option<usize>) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self
            .rings
            .iter()
            .flat_map(|ring| {
                ring.lock()
                    .iter()
                    .filter(|e| filter.matches(e))
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .collect();
        entries.sort_by_key(|e| e.seq);
        if let Some(limit) = limit {
            let skip = entries.len().saturating_sub(limit);
            entries.drain(..skip);
        }
        entries
    }

    /// Removes the matching entries; answers how many.
    pub fn clear(&self, filter: &Filter) -> usize {
        let mut removed = 0;
        for ring in self.rings.iter() {
            let mut ring = ring.lock();
            let before = ring.len();
            ring.retain(|e| !filter.matches(e));
            removed += before - ring.len();
        }
        removed
    }

    /// Entries held in all rings.
    pub fn len(&self) -> usize {
        self.rings.iter().map(|r| r.lock().len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(tenant: &str, path: &str) -> Entry {
        Entry {
            seq: 0,
            at: Utc::now(),
            tenant: Some(tenant.into()),
            vendor: Vendor::AtsAnywhere,
            method: Method::GET,
            uri: path.parse().expect("a test path"),
            headers: Default::default(),
            body: Bytes::new(),
            status: 200,
            response: Bytes::new(),
            duration_ms: 0.1,
        }
    }

    #[test]
    fn each_tenant_keeps_at_most_size_entries_newest_last() {
        let journal = Journal::new(3);
        for i in 0..10 {
            journal.record(entry("a", &format!("/a/{i}")));
            journal.record(entry("b", &format!("/b/{i}")));
        }
        assert_eq!(journal.len(), 6);
        let a = journal.list(
            &Filter {
                tenant: Some("a".into()),
                ..Filter::default()
            },
            None,
        );
        let paths: Vec<&str> = a.iter().map(|e| e.uri.path()).collect();
        assert_eq!(paths, ["/a/7", "/a/8", "/a/9"]);
        assert_eq!(journal.list(&Filter::default(), Some(2)).len(), 2);
        assert_eq!(
            journal.clear(&Filter {
                tenant: Some("b".into()),
                ..Filter::default()
            }),
            3
        );
        assert_eq!(journal.len(), 3);
    }

    #[test]
    fn secrets_are_redacted_and_bodies_bounded() {
        let headers = redacted_headers(
            [
                ("Authorization", b"Basic abc".as_slice()),
                ("Accept", b"*/*".as_slice()),
            ]
            .into_iter(),
        );
        assert_eq!(headers["authorization"], "[redacted]");
        assert_eq!(headers["accept"], "*/*");
        assert_eq!(body_value(br#"{"a":1}"#)["a"], 1);
        let big = Bytes::from(vec![b'x'; 100_000]);
        assert_eq!(body_value(&big).as_str().unwrap().len(), BODY_LIMIT);
        assert_eq!(kept(&big).len(), BODY_LIMIT + 1);
        assert_eq!(body_value(&kept(&big)), body_value(&big));
        assert_eq!(kept(&Bytes::from_static(b"{}")).as_ref(), b"{}");
        assert!(Journal::new(0).list(&Filter::default(), None).is_empty());
    }
}
