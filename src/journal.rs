//! The request journal: every vendor request with its response, kept per tenant in a bounded
//! ring (`--journal-size`, default 1000 per tenant), so memory stays flat under any load.
//! Requests that reach no tenant (refused credentials, the token endpoint) are kept per vendor.
//! Each ring has its own lock; nothing here is global on the request path.

use crate::tenancy::FastHash;
use crate::vendors::Vendor;
use actix_web::http::header::HeaderMap;
use actix_web::http::Method;
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

/// One request and its response, in one allocation: the tenant, path and query, header lines
/// (`name:value\n`), request body and response body, one after the other. Recording copies
/// them once (a body up to the 64 KiB a read shows, and one byte more so a read sees it was
/// cut) and holds none of the connection's buffers; a read turns them into JSON. One block per
/// entry keeps the allocator's work per request, and the memory a full ring touches, small.
#[derive(Debug, Clone)]
pub struct Entry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub vendor: Vendor,
    pub method: Method,
    /// 0 when the connection was dropped.
    pub status: u16,
    pub duration_ms: f64,
    has_tenant: bool,
    /// Where each part ends in `data`: tenant, path and query, headers, body, response.
    ends: [u32; 5],
    data: Box<[u8]>,
}

/// A request and its answer, borrowed, as [`Entry::new`] copies them.
pub struct Exchange<'a> {
    pub at: DateTime<Utc>,
    pub tenant: Option<&'a str>,
    pub vendor: Vendor,
    pub method: &'a Method,
    /// Path and query as received.
    pub path_and_query: &'a str,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
    pub status: u16,
    pub response: &'a [u8],
    pub duration_ms: f64,
}

/// The part of a body the journal keeps: all of it up to the limit, else its first
/// `BODY_LIMIT + 1` bytes.
fn kept(body: &[u8]) -> &[u8] {
    &body[..body.len().min(BODY_LIMIT + 1)]
}

impl Entry {
    /// A copy of an exchange (its `seq` is set when the journal records it).
    pub fn new(x: Exchange<'_>) -> Self {
        let tenant = x.tenant.unwrap_or_default().as_bytes();
        let (body, response) = (kept(x.body), kept(x.response));
        let header_len: usize = x
            .headers
            .iter()
            .map(|(n, v)| n.as_str().len() + v.len() + 2)
            .sum();
        let mut data = Vec::with_capacity(
            tenant.len() + x.path_and_query.len() + header_len + body.len() + response.len(),
        );
        let mut ends = [0u32; 5];
        data.extend_from_slice(tenant);
        ends[0] = data.len() as u32;
        data.extend_from_slice(x.path_and_query.as_bytes());
        ends[1] = data.len() as u32;
        // Names hold no `:` and values no line break: HTTP/1 parsing refuses both.
        for (name, value) in x.headers {
            data.extend_from_slice(name.as_str().as_bytes());
            data.push(b':');
            data.extend_from_slice(value.as_bytes());
            data.push(b'\n');
        }
        ends[2] = data.len() as u32;
        data.extend_from_slice(body);
        ends[3] = data.len() as u32;
        data.extend_from_slice(response);
        ends[4] = data.len() as u32;
        Self {
            seq: 0,
            at: x.at,
            vendor: x.vendor,
            method: x.method.clone(),
            status: x.status,
            duration_ms: x.duration_ms,
            has_tenant: x.tenant.is_some(),
            ends,
            data: data.into_boxed_slice(),
        }
    }

    /// Part `i` of `data` (see `ends`).
    fn part(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.data
            .get(start..self.ends[i] as usize)
            .unwrap_or_default()
    }

    fn text(&self, i: usize) -> &str {
        std::str::from_utf8(self.part(i)).unwrap_or_default()
    }

    pub fn tenant(&self) -> Option<&str> {
        self.has_tenant.then(|| self.text(0))
    }

    pub fn path(&self) -> &str {
        let uri = self.text(1);
        uri.split_once('?').map_or(uri, |(path, _)| path)
    }

    pub fn query(&self) -> &str {
        self.text(1).split_once('?').map_or("", |(_, query)| query)
    }

    /// `(name, value)` pairs, in the order they came.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.part(2)
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let colon = line.iter().position(|&b| b == b':').unwrap_or(line.len());
                let name = std::str::from_utf8(&line[..colon]).unwrap_or_default();
                (name, line.get(colon + 1..).unwrap_or_default())
            })
    }

    pub fn body(&self) -> &[u8] {
        self.part(3)
    }

    pub fn response(&self) -> &[u8] {
        self.part(4)
    }

    /// The entry as `GET /_sandbox/requests` shows it.
    pub fn to_json(&self) -> Value {
        json!({
            "seq": self.seq,
            "at": self.at,
            "tenant": self.tenant(),
            "vendor": self.vendor,
            "method": self.method.as_str(),
            "path": self.path(),
            "query": self.query(),
            "headers": redacted_headers(self.headers()),
            "body": body_value(self.body()),
            "status": self.status,
            "response": body_value(self.response()),
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
            .is_none_or(|t| e.tenant() == Some(t.as_str()))
            && self.vendor.is_none_or(|v| e.vendor == v)
            && self
                .method
                .as_ref()
                .is_none_or(|m| e.method.as_str().eq_ignore_ascii_case(m))
            && self
                .path
                .as_ref()
                .is_none_or(|p| e.path().contains(p.as_str()))
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

pub struct Journal {
    size: usize,
    rings: DashMap<String, Mutex<VecDeque<Entry>>, FastHash>,
    seq: AtomicU64,
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
            rings: DashMap::default(),
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
        let key = match entry.tenant() {
            Some(tenant) => Cow::Borrowed(tenant),
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
        entry_in(tenant, path, &HeaderMap::new(), b"", b"")
    }

    fn entry_in(
        tenant: &str,
        path: &str,
        headers: &HeaderMap,
        body: &[u8],
        response: &[u8],
    ) -> Entry {
        Entry::new(Exchange {
            at: Utc::now(),
            tenant: Some(tenant),
            vendor: Vendor::AtsAnywhere,
            method: &Method::GET,
            path_and_query: path,
            headers,
            body,
            status: 200,
            response,
            duration_ms: 0.1,
        })
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
        let paths: Vec<&str> = a.iter().map(|e| e.path()).collect();
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

    fn paths(journal: &Journal, filter: &Filter) -> Vec<String> {
        journal
            .list(filter, None)
            .iter()
            .map(|e| e.path().to_owned())
            .collect()
    }

    #[test]
    fn requests_from_several_threads_keep_each_tenants_last_size() {
        let journal = Journal::new(3);
        let record = |paths: std::ops::Range<u32>| {
            std::thread::scope(|s| {
                s.spawn(|| {
                    for i in paths {
                        journal.record(entry("a", &format!("/a/{i}")));
                    }
                });
            })
        };
        record(0..5);
        record(5..6);
        record(6..7);
        assert_eq!(
            paths(&journal, &Filter::default()),
            ["/a/4", "/a/5", "/a/6"]
        );
        assert_eq!(journal.len(), 3);
        let newest = Filter {
            path: Some("/a/6".into()),
            ..Filter::default()
        };
        assert_eq!(journal.clear(&newest), 1);
        // What was pushed out does not come back.
        assert_eq!(paths(&journal, &Filter::default()), ["/a/4", "/a/5"]);
        record(7..8);
        assert_eq!(
            paths(&journal, &Filter::default()),
            ["/a/4", "/a/5", "/a/7"]
        );
    }

    #[test]
    fn an_entry_gives_back_every_part_it_copied() {
        let mut map = HeaderMap::new();
        for (name, value) in [
            ("authorization", "Basic a2V5Og=="),
            ("x-custom", "a:b: c"),
            ("accept", "*/*"),
            ("x-empty", ""),
        ] {
            map.append(
                name.parse().expect("a name"),
                value.parse().expect("a value"),
            );
        }
        map.append(
            "accept".parse().expect("a name"),
            "text/plain".parse().expect("a value"),
        );
        let entry = Entry::new(Exchange {
            at: Utc::now(),
            tenant: None,
            vendor: Vendor::Ashby,
            method: &Method::POST,
            path_and_query: "/ashby/candidate.list?x=1?y",
            headers: &map,
            body: br#"{"limit":1}"#,
            status: 201,
            response: br#"{"success":true}"#,
            duration_ms: 0.5,
        });
        let kept: Vec<(String, String)> = entry
            .headers()
            .map(|(n, v)| (n.to_owned(), String::from_utf8_lossy(v).into_owned()))
            .collect();
        let expected: Vec<(String, String)> = map
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().expect("ascii").to_owned()))
            .collect();
        assert_eq!(kept, expected);
        assert_eq!(kept.len(), 5);
        assert_eq!(entry.tenant(), None);
        assert_eq!(entry.path(), "/ashby/candidate.list");
        assert_eq!(entry.query(), "x=1?y");
        assert_eq!(entry.body(), br#"{"limit":1}"#);
        assert_eq!(entry.response(), br#"{"success":true}"#);
        assert_eq!(
            (entry.method.as_str(), entry.status, entry.vendor),
            ("POST", 201, Vendor::Ashby)
        );
        let bare = entry_in("", "/p", &HeaderMap::new(), b"", b"");
        assert_eq!(
            (bare.tenant(), bare.path(), bare.query()),
            (Some(""), "/p", "")
        );
        assert!(bare.headers().next().is_none());
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
        let big = vec![b'x'; 100_000];
        assert_eq!(body_value(&big).as_str().unwrap().len(), BODY_LIMIT);
        let entry = entry_in("t", "/p", &HeaderMap::new(), &big, b"{}");
        assert_eq!(entry.body().len(), BODY_LIMIT + 1);
        assert_eq!(body_value(entry.body()), body_value(&big));
        assert_eq!(entry.response(), b"{}");
        assert!(Journal::new(0).list(&Filter::default(), None).is_empty());
    }
}
