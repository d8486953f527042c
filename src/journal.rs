//! The request journal: every vendor request with its response, kept per tenant in a bounded
//! ring (`--journal-size`, default 1000 per tenant), so memory stays flat under any load.
//! Requests that reach no tenant (refused credentials, the token endpoint) are kept per vendor.
//! Each ring has its own lock; nothing here is global on the request path.

use crate::tenancy::FastHash;
use crate::vendors::Vendor;
use actix_web::http::header::HeaderMap;
use actix_web::http::{Method, Uri};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use parking_lot::{Mutex, MutexGuard};
use serde_json::{json, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

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
    /// As received; secrets are redacted when the journal is read.
    pub headers: HeaderLines,
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
                self.headers.iter()
            ),
            "body": body_value(&self.body),
            "status": self.status,
            "response": body_value(&self.response),
            "duration_ms": (self.duration_ms * 1000.0).round() / 1000.0,
        })
    }
}

/// A request's headers as the journal keeps them: copied into one buffer of `name:value\n`
/// lines. actix's header values are slices of the connection's read buffer; an entry that
/// shared them would keep that buffer alive for as long as the entry lives, so the connection
/// would need a fresh buffer every few requests. One copy of a few hundred bytes is cheaper.
#[derive(Debug, Clone, Default)]
pub struct HeaderLines(Box<[u8]>);

impl HeaderLines {
    /// A copy of every header, in the map's order. (Names hold no `:` and values no line
    /// break: HTTP/1 parsing refuses both.)
    pub fn copy(headers: &HeaderMap) -> Self {
        let len = headers
            .iter()
            .map(|(n, v)| n.as_str().len() + v.len() + 2)
            .sum();
        let mut lines = Vec::with_capacity(len);
        for (name, value) in headers {
            lines.extend_from_slice(name.as_str().as_bytes());
            lines.push(b':');
            lines.extend_from_slice(value.as_bytes());
            lines.push(b'\n');
        }
        Self(lines.into_boxed_slice())
    }

    /// `(name, value)` pairs, in the order they were copied.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.0
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let colon = line.iter().position(|&b| b == b':').unwrap_or(line.len());
                let name = std::str::from_utf8(&line[..colon]).unwrap_or_default();
                (name, line.get(colon + 1..).unwrap_or_default())
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

/// Shards of the journal; a thread records into one of them (see [`Journal`]).
const SHARDS: usize = 16;

/// The rings of one shard, by tenant id (or `-<vendor>`). Aligned so two shards never share a
/// cache line.
#[repr(align(128))]
#[derive(Default)]
struct Shard(Mutex<HashMap<String, VecDeque<Entry>, FastHash>>);

static NEXT_SHARD: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The shard this thread records into, handed out round robin.
    static THREAD_SHARD: usize = NEXT_SHARD.fetch_add(1, Ordering::Relaxed) % SHARDS;
}

/// Each recording thread (an actix worker) writes into its own shard, so workers recording at
/// once share no lock, no map and no ring, and an entry is freed by the thread that made it.
/// A shard keeps the newest `size` entries per tenant; a read merges the shards by `seq` and
/// shows a tenant's newest `size` of them, which are exactly its last `size` requests, since
/// each of those is among the newest `size` of its own shard. The shards together hold at most
/// `SHARDS * size` entries per tenant, and no more than `workers * size` while only workers
/// record.
pub struct Journal {
    size: usize,
    shards: Box<[Shard]>,
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
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
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
        let shard = &self.shards[THREAD_SHARD.with(|s| *s)];
        let oldest = {
            let mut rings = shard.0.lock();
            match rings.get_mut(key.as_ref()) {
                Some(ring) => push(ring, entry, self.size),
                None => {
                    let key = key.into_owned();
                    let mut ring = VecDeque::with_capacity(self.size.min(64));
                    ring.push_back(entry);
                    rings.insert(key, ring);
                    None
                }
            }
        };
        // Dropped here, after the lock is released.
        drop(oldest);
    }

    /// Runs `f` with every shard locked (always in the same order; a recording thread holds
    /// one lock only), and the oldest `seq` still shown of each ring key: a key's newest `size`
    /// entries over all shards are shown, older ones are not.
    fn with_all<T>(
        &self,
        f: impl FnOnce(
            &mut [MutexGuard<'_, HashMap<String, VecDeque<Entry>, FastHash>>],
            &HashMap<String, u64, FastHash>,
        ) -> T,
    ) -> T {
        let mut guards: Vec<_> = self.shards.iter().map(|s| s.0.lock()).collect();
        let mut seqs: HashMap<String, Vec<u64>, FastHash> = HashMap::default();
        for rings in &guards {
            for (key, ring) in rings.iter() {
                seqs.entry(key.clone())
                    .or_default()
                    .extend(ring.iter().map(|e| e.seq));
            }
        }
        let cutoff = seqs
            .into_iter()
            .map(|(key, mut seqs)| {
                let skip = seqs.len().saturating_sub(self.size);
                let oldest_shown = if skip == 0 {
                    0
                } else {
                    *seqs.select_nth_unstable(skip).1
                };
                (key, oldest_shown)
            })
            .collect();
        f(&mut guards, &cutoff)
    }

    /// Matching entries, oldest first; at most `limit` of the newest.
    pub fn list(&self, filter: &Filter, limit: Option<usize>) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self.with_all(|shards, cutoff| {
            shards
                .iter()
                .flat_map(|rings| rings.iter())
                .flat_map(|(key, ring)| {
                    let oldest_shown = cutoff.get(key).copied().unwrap_or(0);
                    ring.iter()
                        .filter(move |e| e.seq >= oldest_shown)
                        .filter(|e| filter.matches(e))
                        .cloned()
                })
                .collect()
        });
        entries.sort_by_key(|e| e.seq);
        if let Some(limit) = limit {
            let skip = entries.len().saturating_sub(limit);
            entries.drain(..skip);
        }
        entries
    }

    /// Removes the matching entries; answers how many. Entries no longer shown (older than a
    /// key's newest `size`) go too, so none of them comes back into view.
    pub fn clear(&self, filter: &Filter) -> usize {
        self.with_all(|shards, cutoff| {
            let mut removed = 0;
            for rings in shards.iter_mut() {
                for (key, ring) in rings.iter_mut() {
                    let oldest_shown = cutoff.get(key).copied().unwrap_or(0);
                    ring.retain(|e| {
                        if e.seq < oldest_shown {
                            return false;
                        }
                        let matched = filter.matches(e);
                        removed += usize::from(matched);
                        !matched
                    });
                }
            }
            removed
        })
    }

    /// Entries shown, over all rings.
    pub fn len(&self) -> usize {
        self.with_all(|shards, cutoff| {
            shards
                .iter()
                .flat_map(|rings| rings.iter())
                .map(|(key, ring)| {
                    let oldest_shown = cutoff.get(key).copied().unwrap_or(0);
                    ring.iter().filter(|e| e.seq >= oldest_shown).count()
                })
                .sum()
        })
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

    fn paths(journal: &Journal, filter: &Filter) -> Vec<String> {
        journal
            .list(filter, None)
            .iter()
            .map(|e| e.uri.path().to_owned())
            .collect()
    }

    #[test]
    fn threads_record_into_shards_and_reads_show_each_tenants_last_size() {
        let journal = Journal::new(3);
        // Each thread records into a shard of its own (or a shared one: the answer is the same).
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
        // What was out of view stays out of view.
        assert_eq!(paths(&journal, &Filter::default()), ["/a/4", "/a/5"]);
        record(7..8);
        assert_eq!(
            paths(&journal, &Filter::default()),
            ["/a/4", "/a/5", "/a/7"]
        );
    }

    #[test]
    fn header_lines_keep_every_header_in_order() {
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
        let lines = HeaderLines::copy(&map);
        let kept: Vec<(String, String)> = lines
            .iter()
            .map(|(n, v)| (n.to_owned(), String::from_utf8_lossy(v).into_owned()))
            .collect();
        let expected: Vec<(String, String)> = map
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().expect("ascii").to_owned()))
            .collect();
        assert_eq!(kept, expected);
        assert_eq!(kept.len(), 5);
        assert!(HeaderLines::default().iter().next().is_none());
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
