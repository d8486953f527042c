//! `/_sandbox/clock`: read, set, advance, freeze and unfreeze the sandbox time. Timestamps,
//! token expiry and date filters all follow it.

use super::{object_body, AdminError};
use crate::state::SandboxState;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::json;

fn clock_json(sandbox: &SandboxState) -> serde_json::Value {
    let clock = &sandbox.clock;
    json!({
        "now": clock.now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "frozen": clock.is_frozen(),
    })
}

pub async fn get_clock(sandbox: web::Data<SandboxState>) -> HttpResponse {
    HttpResponse::Ok().json(clock_json(&sandbox))
}

/// Body of `POST /_sandbox/clock`; the keys apply in this order: set, advance, freeze.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockChange {
    /// An RFC 3339 instant.
    set: Option<String>,
    /// An ISO 8601 duration (`P30D`, `PT1H30M`); a leading `-` goes back.
    advance: Option<String>,
    freeze: Option<bool>,
}

/// Parses `P30D`, `PT90S`, `-P1D` (months count 30 days and years 365, as the `iso8601`
/// crate converts them).
fn parse_duration(raw: &str) -> Result<Duration, AdminError> {
    let (sign, body) = match raw.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, raw),
    };
    let parsed: iso8601::Duration = body.parse().map_err(|_| {
        AdminError::field(
            "advance",
            format!("`{raw}` is not an ISO 8601 duration such as P30D or PT1H"),
        )
    })?;
    let std: std::time::Duration = parsed.into();
    let duration = Duration::from_std(std)
        .map_err(|_| AdminError::field("advance", "duration out of range"))?;
    Ok(duration * sign)
}

pub async fn set_clock(
    sandbox: web::Data<SandboxState>,
    body: web::Bytes,
) -> Result<HttpResponse, AdminError> {
    let change: ClockChange = crate::http::from_value(object_body(&body)?)?;
    let set = change
        .set
        .as_deref()
        .map(|raw| {
            DateTime::parse_from_rfc3339(raw)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| {
                    AdminError::field("set", format!("`{raw}` is not an RFC 3339 instant"))
                })
        })
        .transpose()?;
    let advance = change.advance.as_deref().map(parse_duration).transpose()?;
    let clock = &sandbox.clock;
    if let Some(at) = set {
        clock.set(at);
    }
    if let Some(by) = advance {
        clock.advance(by);
    }
    match change.freeze {
        Some(true) => clock.freeze(),
        Some(false) => clock.unfreeze(),
        None => {}
    }
    Ok(HttpResponse::Ok().json(clock_json(&sandbox)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("P30D").unwrap(), Duration::days(30));
        assert_eq!(parse_duration("PT1H30M").unwrap(), Duration::minutes(90));
        assert_eq!(parse_duration("-P1D").unwrap(), Duration::days(-1));
        assert!(parse_duration("thirty days").is_err());
    }
}
