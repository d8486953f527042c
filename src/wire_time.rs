//! Timestamps as the vendors write them: RFC 3339 in UTC with a `Z`, written digit by digit
//! into a stack buffer. chrono's own writer goes through `core::fmt` a piece at a time, which
//! showed in the profile of every read that answers a record. The answers are byte for byte
//! chrono's (a property test holds the two together); years chrono writes differently (before
//! 0 or after 9999) and leap seconds go to chrono itself.
//!
//! - [`auto`] / [`auto_opt`]: `serialize_with` helpers for chrono's default serde form (no
//!   fraction when the nanoseconds are 0, else 3, 6 or 9 digits, whichever is exact).
//! - [`Millis`]: always three fraction digits (Ashby's `2026-01-05T09:00:00.000Z`).

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use serde::{Serialize, Serializer};

/// How many fraction digits a timestamp gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fraction {
    /// chrono's `SecondsFormat::AutoSi`.
    Auto,
    /// chrono's `SecondsFormat::Millis`.
    Millis,
}

/// The longest answer: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`.
const LONGEST: usize = 30;

fn two(buf: &mut [u8], at: usize, n: u32) {
    buf[at] = b'0' + (n / 10) as u8;
    buf[at + 1] = b'0' + (n % 10) as u8;
}

/// Writes `t` into `buf`, answering the length; `None` where chrono must write it.
fn write(t: &DateTime<Utc>, fraction: Fraction, buf: &mut [u8; LONGEST]) -> Option<usize> {
    // Once to the calendar: each accessor on a `DateTime` converts again.
    let t = t.naive_utc();
    let year = t.year();
    let nanos = t.nanosecond();
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 {
        return None;
    }
    let year = year as u32;
    two(buf, 0, year / 100);
    two(buf, 2, year % 100);
    buf[4] = b'-';
    two(buf, 5, t.month());
    buf[7] = b'-';
    two(buf, 8, t.day());
    buf[10] = b'T';
    two(buf, 11, t.hour());
    buf[13] = b':';
    two(buf, 14, t.minute());
    buf[16] = b':';
    two(buf, 17, t.second());
    let digits = match fraction {
        Fraction::Millis => 3,
        Fraction::Auto if nanos == 0 => 0,
        Fraction::Auto if nanos.is_multiple_of(1_000_000) => 3,
        Fraction::Auto if nanos.is_multiple_of(1_000) => 6,
        Fraction::Auto => 9,
    };
    let mut len = 19;
    if digits > 0 {
        buf[len] = b'.';
        len += 1;
        let mut value = nanos / 10u32.pow(9 - digits);
        for i in (0..digits as usize).rev() {
            buf[len + i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
        len += digits as usize;
    }
    buf[len] = b'Z';
    Some(len + 1)
}

fn serialize<S: Serializer>(
    t: &DateTime<Utc>,
    fraction: Fraction,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; LONGEST];
    match write(t, fraction, &mut buf) {
        // Only ASCII digits and separators were written.
        Some(len) => s.serialize_str(std::str::from_utf8(&buf[..len]).unwrap_or_default()),
        None => s.serialize_str(&t.to_rfc3339_opts(fraction.chrono(), true)),
    }
}

impl Fraction {
    fn chrono(self) -> SecondsFormat {
        match self {
            Fraction::Auto => SecondsFormat::AutoSi,
            Fraction::Millis => SecondsFormat::Millis,
        }
    }
}

/// `#[serde(serialize_with = "crate::wire_time::auto")]`: chrono's default form, faster.
pub fn auto<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    serialize(t, Fraction::Auto, s)
}

/// [`auto`] for an optional timestamp (`null` when absent).
pub fn auto_opt<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => serialize(t, Fraction::Auto, s),
        None => s.serialize_none(),
    }
}

/// A timestamp written with milliseconds, always three digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Millis(pub DateTime<Utc>);

impl Serialize for Millis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, Fraction::Millis, s)
    }
}

impl Millis {
    /// As a `String` (for answers built as JSON trees).
    pub fn text(&self) -> String {
        let mut buf = [0u8; LONGEST];
        match write(&self.0, Fraction::Millis, &mut buf) {
            Some(len) => String::from_utf8_lossy(&buf[..len]).into_owned(),
            None => self.0.to_rfc3339_opts(SecondsFormat::Millis, true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn json<T: Serialize>(value: T) -> String {
        serde_json::to_string(&value).unwrap()
    }

    #[derive(Serialize)]
    struct Auto(#[serde(serialize_with = "auto")] DateTime<Utc>);

    #[derive(Serialize)]
    struct Chrono(DateTime<Utc>);

    proptest! {
        /// Byte for byte chrono's answers, for any instant (years -300..=12000) and any
        /// nanoseconds, including the round ones each fraction length is chosen for.
        #[test]
        fn writes_what_chrono_writes(
            seconds in -71_000_000_000i64..316_000_000_000,
            nanos in prop_oneof![
                Just(0u32),
                (0u32..1000).prop_map(|n| n * 1_000_000),
                (0u32..1_000_000).prop_map(|n| n * 1000),
                0u32..1_000_000_000,
            ],
        ) {
            let t = Utc.timestamp_opt(seconds, nanos).unwrap();
            prop_assert_eq!(json(Auto(t)), json(Chrono(t)));
            let millis = format!("\"{}\"", t.to_rfc3339_opts(SecondsFormat::Millis, true));
            prop_assert_eq!(json(Millis(t)), millis.clone());
            prop_assert_eq!(format!("\"{}\"", Millis(t).text()), millis);
        }
    }

    #[test]
    fn known_answers() {
        let t = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
        assert_eq!(json(Auto(t)), r#""2026-01-05T09:00:00Z""#);
        assert_eq!(json(Millis(t)), r#""2026-01-05T09:00:00.000Z""#);
        let t = t + chrono::Duration::microseconds(1500);
        assert_eq!(json(Auto(t)), r#""2026-01-05T09:00:00.001500Z""#);
    }
}
