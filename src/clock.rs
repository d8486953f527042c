//! The sandbox clock: every timestamp the sandbox writes, every token expiry and every
//! `updated_after`-style filter reads the time from here, so tests can control it.
//!
//! Three modes, all lock-free (atomics only, so reading the time never contends):
//! - `Real`: wall-clock time plus an offset (the offset moves when the clock is set or advanced);
//! - `Frozen`: always the same instant until unfrozen or moved;
//! - `Logical`: starts at a fixed instant and steps by one millisecond on each read, so a run
//!   started with `--seed` produces the same timestamps for the same sequence of requests.

use chrono::{DateTime, Duration, TimeZone, Utc};
use std::sync::atomic::{AtomicI64, AtomicU8, Ordering};

const REAL: u8 = 0;
const FROZEN: u8 = 1;
const LOGICAL: u8 = 2;

/// The instant a deterministic (`--seed`) clock starts from.
pub const DETERMINISTIC_EPOCH: &str = "2026-01-05T09:00:00Z";

#[derive(Debug)]
pub struct Clock {
    mode: AtomicU8,
    /// Real mode: microseconds added to the wall clock.
    offset_us: AtomicI64,
    /// Frozen mode: the instant, in microseconds since the Unix epoch.
    frozen_us: AtomicI64,
    /// Logical mode: the next instant to hand out, in microseconds since the Unix epoch.
    logical_us: AtomicI64,
}

fn to_us(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

fn from_us(us: i64) -> DateTime<Utc> {
    Utc.timestamp_micros(us).single().unwrap_or_default()
}

impl Clock {
    /// The wall clock.
    pub fn real() -> Self {
        Self {
            mode: AtomicU8::new(REAL),
            offset_us: AtomicI64::new(0),
            frozen_us: AtomicI64::new(0),
            logical_us: AtomicI64::new(0),
        }
    }

    /// A clock that starts at `start` and advances one millisecond per reading.
    pub fn logical(start: DateTime<Utc>) -> Self {
        let clock = Self::real();
        clock.logical_us.store(to_us(start), Ordering::SeqCst);
        clock.mode.store(LOGICAL, Ordering::SeqCst);
        clock
    }

    /// The clock a `--seed` run uses: logical, from [`DETERMINISTIC_EPOCH`].
    pub fn deterministic() -> Self {
        let start = DateTime::parse_from_rfc3339(DETERMINISTIC_EPOCH)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        Self::logical(start)
    }

    /// A clock stopped at `at`.
    pub fn frozen(at: DateTime<Utc>) -> Self {
        let clock = Self::real();
        clock.freeze_at(at);
        clock
    }

    /// The current sandbox time, truncated to milliseconds (what the vendors serialize).
    pub fn now(&self) -> DateTime<Utc> {
        let us = match self.mode.load(Ordering::Acquire) {
            FROZEN => self.frozen_us.load(Ordering::Acquire),
            LOGICAL => self.logical_us.fetch_add(1_000, Ordering::AcqRel),
            _ => to_us(Utc::now()) + self.offset_us.load(Ordering::Acquire),
        };
        from_us(us - us.rem_euclid(1_000))
    }

    pub fn is_frozen(&self) -> bool {
        self.mode.load(Ordering::Acquire) == FROZEN
    }

    /// Stops the clock at `at`.
    pub fn freeze_at(&self, at: DateTime<Utc>) {
        self.frozen_us.store(to_us(at), Ordering::Release);
        self.mode.store(FROZEN, Ordering::Release);
    }

    /// Stops the clock where it is now.
    pub fn freeze(&self) {
        let now = self.now();
        self.freeze_at(now);
    }

    /// Lets a frozen clock run again from where it stood.
    pub fn unfreeze(&self) {
        if self.is_frozen() {
            let at = self.frozen_us.load(Ordering::Acquire);
            self.offset_us
                .store(at - to_us(Utc::now()), Ordering::Release);
            self.mode.store(REAL, Ordering::Release);
        }
    }

    /// Moves the clock to `at`, keeping its mode.
    pub fn set(&self, at: DateTime<Utc>) {
        match self.mode.load(Ordering::Acquire) {
            FROZEN => self.frozen_us.store(to_us(at), Ordering::Release),
            LOGICAL => self.logical_us.store(to_us(at), Ordering::Release),
            _ => self
                .offset_us
                .store(to_us(at) - to_us(Utc::now()), Ordering::Release),
        }
    }

    /// Moves the clock forward (or back, for a negative duration).
    pub fn advance(&self, by: Duration) {
        let us = by.num_microseconds().unwrap_or(i64::MAX / 4);
        match self.mode.load(Ordering::Acquire) {
            FROZEN => self.frozen_us.fetch_add(us, Ordering::AcqRel),
            LOGICAL => self.logical_us.fetch_add(us, Ordering::AcqRel),
            _ => self.offset_us.fetch_add(us, Ordering::AcqRel),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_clock_is_reproducible_and_monotonic() {
        let a = Clock::deterministic();
        let b = Clock::deterministic();
        let first: Vec<_> = (0..5).map(|_| a.now()).collect();
        let second: Vec<_> = (0..5).map(|_| b.now()).collect();
        assert_eq!(first, second);
        assert!(first.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn frozen_clock_stands_still_and_advances_on_request() {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        let clock = Clock::frozen(at);
        assert_eq!(clock.now(), at);
        assert_eq!(clock.now(), at);
        clock.advance(Duration::days(30));
        assert_eq!(clock.now(), at + Duration::days(30));
    }

    #[test]
    fn real_clock_moves_by_offset() {
        let clock = Clock::real();
        clock.advance(Duration::days(365));
        assert!(clock.now() > Utc::now() + Duration::days(364));
        clock.freeze();
        let t = clock.now();
        clock.unfreeze();
        assert!(clock.now() >= t);
    }
}
