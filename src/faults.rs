//! Fault injection: rules scoped by vendor, tenant, method and path pattern that add latency,
//! answer an error status in the vendor's own shape (429 with `Retry-After`), or drop the
//! connection; on the next N matching requests or with a seeded probability.
//!
//! The rule list is swapped atomically (`ArcSwap`): a request reads it without taking a lock.

use crate::ids::SeededRng;
use crate::vendors::Vendor;
use arc_swap::ArcSwap;
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A rule as `POST /_sandbox/faults` takes it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    pub vendor: Option<Vendor>,
    pub tenant: Option<String>,
    pub method: Option<String>,
    /// The vendor path without the prefix; `*` matches any run of characters.
    pub path: Option<String>,
    pub status: Option<u16>,
    pub latency_ms: Option<u64>,
    #[serde(default)]
    pub drop: bool,
    /// Fire on the next `times` matching requests only.
    pub times: Option<u64>,
    /// Fire with this probability (0 to 1), drawn from `seed`.
    pub probability: Option<f64>,
    pub seed: Option<u64>,
}

/// Why a spec was refused: the field and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub field: &'static str,
    pub message: String,
}

impl FaultSpec {
    pub fn validate(&self) -> Result<(), SpecError> {
        let err = |field, message: &str| {
            Err(SpecError {
                field,
                message: message.into(),
            })
        };
        if self.status.is_none() && self.latency_ms.is_none() && !self.drop {
            return err(
                "status",
                "a rule needs an effect: status, latency_ms or drop",
            );
        }
        if self.status.is_some_and(|s| !(400..=599).contains(&s)) {
            return err("status", "must be an error status, 400 to 599");
        }
        if self.drop && self.status.is_some() {
            return err(
                "drop",
                "a dropped connection answers no status: give drop or status",
            );
        }
        if self.probability.is_some_and(|p| !(0.0..=1.0).contains(&p)) {
            return err("probability", "must be between 0 and 1");
        }
        if self.times.is_some() && self.probability.is_some() {
            return err("times", "give times or probability, not both");
        }
        if self.latency_ms.is_some_and(|ms| ms > 600_000) {
            return err("latency_ms", "at most 600000 (ten minutes)");
        }
        Ok(())
    }
}

/// What a firing rule does to the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effect {
    pub latency_ms: Option<u64>,
    pub status: Option<u16>,
    pub drop: bool,
}

pub struct FaultRule {
    pub id: String,
    pub spec: FaultSpec,
    method: Option<String>,
    remaining: Option<AtomicU64>,
    rng: Mutex<SeededRng>,
    hits: AtomicU64,
}

/// `*` matches any run of characters (slashes included); everything else literally.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    // Bytewise: `*` is ASCII, and a literal UTF-8 sequence only ever matches itself at a
    // character boundary, so this agrees with matching character by character.
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && p[pi] != b'*' && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == b'*')
}

impl FaultRule {
    fn new(id: String, spec: FaultSpec) -> Self {
        Self {
            id,
            method: spec.method.as_ref().map(|m| m.to_ascii_uppercase()),
            remaining: spec.times.map(AtomicU64::new),
            rng: Mutex::new(SeededRng::new(spec.seed.unwrap_or(0))),
            hits: AtomicU64::new(0),
            spec,
        }
    }

    fn matches(&self, vendor: Vendor, tenant: Option<&str>, method: &str, path: &str) -> bool {
        self.spec.vendor.is_none_or(|v| v == vendor)
            && self
                .spec
                .tenant
                .as_deref()
                .is_none_or(|t| Some(t) == tenant)
            && self.method.as_deref().is_none_or(|m| m == method)
            && self
                .spec
                .path
                .as_deref()
                .is_none_or(|p| glob_match(p, path))
    }

    /// Whether the rule fires for this (matching) request; counts the hit when it does.
    fn fires(&self) -> bool {
        if let Some(remaining) = &self.remaining {
            if remaining
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
                .is_err()
            {
                return false;
            }
        }
        if let Some(p) = self.spec.probability {
            // A draw in [0, 1) from the rule's own seeded generator.
            let draw = self.rng.lock().below(1 << 30) as f64 / (1u64 << 30) as f64;
            if draw >= p {
                return false;
            }
        }
        self.hits.fetch_add(1, Ordering::Relaxed);
        true
    }

    pub fn to_json(&self) -> Value {
        let mut rule = serde_json::to_value(&self.spec).unwrap_or_default();
        rule["id"] = json!(self.id);
        rule["hits"] = json!(self.hits.load(Ordering::Relaxed));
        if let Some(remaining) = &self.remaining {
            rule["remaining"] = json!(remaining.load(Ordering::Relaxed));
        }
        rule
    }
}

#[derive(Default)]
pub struct Faults {
    rules: ArcSwap<Vec<Arc<FaultRule>>>,
    next: AtomicU64,
    writes: Mutex<()>,
}

impl Faults {
    pub fn add(&self, spec: FaultSpec) -> Result<Arc<FaultRule>, SpecError> {
        spec.validate()?;
        let id = format!("fault-{}", self.next.fetch_add(1, Ordering::Relaxed) + 1);
        let rule = Arc::new(FaultRule::new(id, spec));
        let _writer = self.writes.lock();
        let mut rules = self.rules.load().as_ref().clone();
        rules.push(rule.clone());
        self.rules.store(Arc::new(rules));
        Ok(rule)
    }

    pub fn is_empty(&self) -> bool {
        self.rules.load().is_empty()
    }

    pub fn list(&self) -> Vec<Arc<FaultRule>> {
        self.rules.load().as_ref().clone()
    }

    /// Removes one rule (`Some(id)`) or all; answers how many went.
    pub fn remove(&self, id: Option<&str>) -> usize {
        let _writer = self.writes.lock();
        let rules = self.rules.load();
        let kept: Vec<_> = rules
            .iter()
            .filter(|r| id.is_some_and(|id| r.id != id))
            .cloned()
            .collect();
        let removed = rules.len() - kept.len();
        self.rules.store(Arc::new(kept));
        removed
    }

    /// The effect of the first rule that fires for this request, if any.
    pub fn check(
        &self,
        vendor: Vendor,
        tenant: Option<&str>,
        method: &str,
        path: &str,
    ) -> Option<Effect> {
        let rules = self.rules.load();
        if rules.is_empty() {
            return None;
        }
        rules
            .iter()
            .find(|r| r.matches(vendor, tenant, method, path) && r.fires())
            .map(|r| Effect {
                latency_ms: r.spec.latency_ms,
                status: r.spec.status,
                drop: r.spec.drop,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(v: Value) -> FaultSpec {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn globs() {
        assert!(glob_match("/api/v1/users", "/api/v1/users"));
        assert!(glob_match("/api/v1/*", "/api/v1/users/3"));
        assert!(glob_match("*/users/*", "/api/v1/users/3"));
        assert!(!glob_match("/api/v1/jobs*", "/api/v1/users"));
        assert!(glob_match("*", ""));
        assert!(glob_match("/café/*", "/café/ü"));
        assert!(!glob_match("/caf*é", "/cafe"));
    }

    /// Character-by-character matching, the definition the bytewise matcher must agree with.
    fn glob_by_chars(pattern: &[char], text: &[char]) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some(('*', rest)) => (0..=text.len()).any(|skip| glob_by_chars(rest, &text[skip..])),
            Some((c, rest)) => text.first() == Some(c) && glob_by_chars(rest, &text[1..]),
        }
    }

    proptest::proptest! {
        #[test]
        fn bytewise_globs_agree_with_matching_by_characters(
            pattern in "[a/é*ü]{0,8}",
            text in "[a/éü]{0,10}",
        ) {
            let chars = |s: &str| s.chars().collect::<Vec<_>>();
            proptest::prop_assert_eq!(
                glob_match(&pattern, &text),
                glob_by_chars(&chars(&pattern), &chars(&text))
            );
        }
    }

    #[test]
    fn times_fires_on_the_next_n_matches_only() {
        let faults = Faults::default();
        faults
            .add(spec(json!({"vendor": "atsanywhere", "method": "get", "path": "/api/v1/*", "status": 503, "times": 2})))
            .unwrap();
        let check = || faults.check(Vendor::AtsAnywhere, None, "GET", "/api/v1/users");
        assert_eq!(check().and_then(|e| e.status), Some(503));
        assert!(faults
            .check(Vendor::AtsAnywhere, None, "POST", "/api/v1/users")
            .is_none());
        assert!(faults
            .check(Vendor::Pandape, None, "GET", "/api/v1/users")
            .is_none());
        assert!(check().is_some());
        assert!(check().is_none());
        assert_eq!(faults.list()[0].to_json()["hits"], 2);
    }

    #[test]
    fn a_seeded_probability_is_reproducible() {
        let run = || {
            let faults = Faults::default();
            faults
                .add(spec(
                    json!({"latency_ms": 1, "probability": 0.3, "seed": 9}),
                ))
                .unwrap();
            (0..200)
                .map(|_| {
                    faults
                        .check(Vendor::AtsAnywhere, Some("t"), "GET", "/x")
                        .is_some()
                })
                .collect::<Vec<_>>()
        };
        let first = run();
        assert_eq!(first, run());
        let fired = first.iter().filter(|f| **f).count();
        assert!((30..=90).contains(&fired), "{fired} of 200 at p=0.3");
    }

    #[test]
    fn specs_need_one_sensible_effect() {
        assert_eq!(
            spec(json!({"path": "/x"})).validate().unwrap_err().field,
            "status"
        );
        assert_eq!(
            spec(json!({"status": 200})).validate().unwrap_err().field,
            "status"
        );
        assert_eq!(
            spec(json!({"drop": true, "status": 500}))
                .validate()
                .unwrap_err()
                .field,
            "drop"
        );
        assert_eq!(
            spec(json!({"drop": true, "probability": 2.0}))
                .validate()
                .unwrap_err()
                .field,
            "probability"
        );
        assert!(spec(json!({"drop": true, "tenant": "t"}))
            .validate()
            .is_ok());
    }
}
