//! Vendor rate limits, emulated per credential: requests per second (a fixed one-second window
//! on the sandbox clock, so a frozen clock makes it deterministic) and requests in flight.
//!
//! A tenant gets limits when the sandbox runs with `--enforce-rate-limits` (the vendor's
//! documented limits, [`crate::vendors::Vendor::documented_limits`]) or when the control plane
//! creates it with `"rate_limits": true` (the same) or with its own list of rules. Refusals are
//! the vendor's 429, with `Retry-After`.
//!
//! A vendor that reports its limits on every response (SmartRecruiters' `X-RateLimit-*`) gets
//! an observing limiter for tenants without enforced limits: it counts the documented limits the
//! same way but never refuses, so the headers stay honest about what was used.

use crate::faults::glob_match;
use crate::tenancy::FastHash;
use dashmap::DashMap;
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// One limit: which requests it counts, and how many it allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitRule {
    /// Vendor path pattern (`*` matches anything); all paths when absent.
    pub path: Option<String>,
    pub method: Option<String>,
    /// Requests per second per credential.
    pub per_second: Option<u32>,
    /// Requests in flight at once per credential.
    pub concurrent: Option<u32>,
}

impl LimitRule {
    fn applies(&self, method: &str, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path.as_deref().is_none_or(|p| glob_match(p, path))
    }
}

/// A refusal: which limit, for the 429's headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub limit: u32,
    pub retry_after_secs: u32,
    /// What the credential has used, with the request refused not counted.
    pub usage: Usage,
}

/// What a credential has left of the limits that apply to a request (the tightest per-second
/// and the tightest concurrency rule), after counting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    pub limit: u32,
    pub remaining: u32,
    pub concurrent_limit: u32,
    pub concurrent_remaining: u32,
}

impl Usage {
    /// The usage of a request nothing was counted for (no credential): every limit untouched.
    pub fn idle(rules: &[LimitRule], method: &str, path: &str) -> Usage {
        Usage::untouched(rules.iter().filter(|r| r.applies(method, path)))
    }

    /// The usage before anything is counted, under the rules that apply to a request.
    fn untouched<'a>(applicable: impl Iterator<Item = &'a LimitRule>) -> Usage {
        let mut usage = Usage::default();
        for rule in applicable {
            if let Some(max) = rule.per_second {
                if usage.limit == 0 || max < usage.limit {
                    (usage.limit, usage.remaining) = (max, max);
                }
            }
            if let Some(max) = rule.concurrent {
                if usage.concurrent_limit == 0 || max < usage.concurrent_limit {
                    (usage.concurrent_limit, usage.concurrent_remaining) = (max, max);
                }
            }
        }
        usage
    }
}

#[derive(Default)]
struct Window {
    second: i64,
    count: u32,
}

/// Limits of one tenant, with their counters per credential.
pub struct Limiter {
    rules: Vec<LimitRule>,
    /// False for an observing limiter: it counts but never refuses.
    enforce: bool,
    windows: DashMap<(String, usize), Mutex<Window>, FastHash>,
    in_flight: DashMap<(String, usize), Arc<AtomicU32>, FastHash>,
}

/// Held while a request is in flight; gives its place back when dropped.
pub struct Permit(Vec<Arc<AtomicU32>>, pub Usage);

impl Drop for Permit {
    fn drop(&mut self) {
        for counter in &self.0 {
            counter.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

impl Limiter {
    pub fn new(rules: Vec<LimitRule>) -> Self {
        Self {
            rules,
            enforce: true,
            windows: DashMap::default(),
            in_flight: DashMap::default(),
        }
    }

    /// A limiter that counts `rules` but never refuses (for honest usage headers).
    pub fn observing(rules: Vec<LimitRule>) -> Self {
        Self {
            rules,
            enforce: false,
            windows: DashMap::default(),
            in_flight: DashMap::default(),
        }
    }

    /// The in-flight counter of a credential under one rule, made on first use. Looked up under
    /// the shard's shared lock first: every request of a credential asks for the same one.
    fn in_flight_counter(&self, credential: &str, rule: usize) -> Arc<AtomicU32> {
        let key = (credential.to_owned(), rule);
        if let Some(counter) = self.in_flight.get(&key) {
            return counter.clone();
        }
        self.in_flight.entry(key).or_default().clone()
    }

    pub fn rules(&self) -> &[LimitRule] {
        &self.rules
    }

    /// Admits a request of `credential` at `second` (Unix seconds of the sandbox clock), or says
    /// which limit refuses it. Nothing is counted for a refused request.
    pub fn admit(
        &self,
        credential: &str,
        method: &str,
        path: &str,
        second: i64,
    ) -> Result<Permit, Refusal> {
        let applicable: Vec<usize> = (0..self.rules.len())
            .filter(|i| self.rules[*i].applies(method, path))
            .collect();
        let mut usage = Usage::untouched(applicable.iter().map(|i| &self.rules[*i]));
        let mut held = Vec::new();
        for i in &applicable {
            if let Some(max) = self.rules[*i].concurrent {
                let counter = self.in_flight_counter(credential, *i);
                let before = counter.fetch_add(1, Ordering::AcqRel);
                if before >= max && self.enforce {
                    counter.fetch_sub(1, Ordering::AcqRel);
                    drop(Permit(held, usage));
                    usage.concurrent_remaining = 0;
                    return Err(Refusal {
                        limit: max,
                        retry_after_secs: 1,
                        usage,
                    });
                }
                if max == usage.concurrent_limit {
                    let left = max.saturating_sub(before + 1);
                    usage.concurrent_remaining = usage.concurrent_remaining.min(left);
                }
                held.push(counter);
            }
        }
        let mut counted = Vec::new();
        for i in &applicable {
            if let Some(max) = self.rules[*i].per_second {
                let window = match self.windows.get(&(credential.to_owned(), *i)) {
                    Some(window) => window,
                    None => self
                        .windows
                        .entry((credential.to_owned(), *i))
                        .or_default()
                        .downgrade(),
                };
                let mut window = window.lock();
                if window.second != second {
                    *window = Window { second, count: 0 };
                }
                if window.count >= max && self.enforce {
                    drop(window);
                    for (i, _) in counted {
                        if let Some(w) = self.windows.get(&(credential.to_owned(), i)) {
                            let mut w = w.lock();
                            w.count = w.count.saturating_sub(1);
                        }
                    }
                    drop(Permit(held, usage));
                    usage.remaining = 0;
                    return Err(Refusal {
                        limit: max,
                        retry_after_secs: 1,
                        usage,
                    });
                }
                window.count += 1;
                counted.push((*i, ()));
                if max == usage.limit {
                    usage.remaining = usage.remaining.min(max.saturating_sub(window.count));
                }
            }
        }
        Ok(Permit(held, usage))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(path: Option<&str>, per_second: Option<u32>, concurrent: Option<u32>) -> LimitRule {
        LimitRule {
            path: path.map(Into::into),
            method: None,
            per_second,
            concurrent,
        }
    }

    #[test]
    fn per_second_windows_per_credential() {
        let limiter = Limiter::new(vec![rule(None, Some(2), None)]);
        assert!(limiter.admit("a", "GET", "/x", 10).is_ok());
        assert!(limiter.admit("a", "GET", "/x", 10).is_ok());
        assert_eq!(
            limiter.admit("a", "GET", "/x", 10).err().map(|r| r.limit),
            Some(2)
        );
        assert!(
            limiter.admit("b", "GET", "/x", 10).is_ok(),
            "another credential has its own"
        );
        assert!(limiter.admit("a", "GET", "/x", 11).is_ok(), "a new second");
    }

    #[test]
    fn usage_counts_down_and_an_observer_never_refuses() {
        let limiter = Limiter::observing(vec![rule(None, Some(2), Some(8))]);
        let first = limiter.admit("a", "GET", "/x", 10).unwrap();
        assert_eq!(
            first.1,
            Usage {
                limit: 2,
                remaining: 1,
                concurrent_limit: 8,
                concurrent_remaining: 7
            }
        );
        let second = limiter.admit("a", "GET", "/x", 10).unwrap();
        assert_eq!((second.1.remaining, second.1.concurrent_remaining), (0, 6));
        let third = limiter.admit("a", "GET", "/x", 10).unwrap();
        assert_eq!(third.1.remaining, 0, "counted, never refused");
        let enforced = Limiter::new(vec![rule(None, Some(1), None)]);
        let _kept = enforced.admit("a", "GET", "/x", 10).unwrap();
        let refused = enforced.admit("a", "GET", "/x", 10).err().unwrap();
        assert_eq!((refused.usage.limit, refused.usage.remaining), (1, 0));
    }

    #[test]
    fn concurrency_is_given_back_when_the_permit_drops() {
        let limiter = Limiter::new(vec![rule(Some("/candidates"), None, Some(1))]);
        let first = limiter.admit("a", "GET", "/candidates", 1).unwrap();
        assert!(limiter.admit("a", "GET", "/candidates", 1).is_err());
        assert!(
            limiter.admit("a", "GET", "/jobs", 1).is_ok(),
            "other paths are not counted"
        );
        drop(first);
        assert!(limiter.admit("a", "GET", "/candidates", 1).is_ok());
    }
}
