//! `opening.*`: openings (headcount) with their jobs, locations and state. State changes follow
//! `rules::openings`; every change makes a new latest version.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{EmploymentType, Opening, OpeningState};
use super::pagination::{page, ListParams};
use super::render;
use super::rules::openings::{check_complete, set_state};
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `employmentType` as openings take it: one of the types, or `""` for the default.
fn employment_type<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<EmploymentType>, D::Error> {
    let raw: Option<String> = Option::deserialize(d)?;
    match raw.as_deref() {
        None | Some("") => Ok(None),
        Some(other) => serde_json::from_value(Value::String(other.to_owned()))
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

fn check_date(name: &str, value: &Option<String>) -> Result<()> {
    match value {
        Some(d) if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() => Err(
            AshbyError::invalid_input(format!("{name} must be a date in YYYY-MM-DD format")),
        ),
        _ => Ok(()),
    }
}

fn check_team(s: &Store, team: &Option<String>) -> Result<()> {
    match team {
        Some(t) if s.departments.get(t).is_none_or(|d| d.is_archived) => {
            Err(AshbyError::not_found("department", "Team"))
        }
        _ => Ok(()),
    }
}

fn check_location(s: &Store, id: &str) -> Result<()> {
    if s.locations.get(id).is_some_and(|l| !l.is_archived) {
        Ok(())
    } else {
        Err(AshbyError::not_found("location", "Location"))
    }
}

fn render_one(s: &Store, id: String) -> Option<Value> {
    s.openings.get(&id).map(|o| render::opening(s, o))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewOpening {
    identifier: Option<String>,
    description: Option<String>,
    team_id: Option<String>,
    #[serde(default)]
    location_ids: Vec<String>,
    #[serde(default)]
    job_ids: Vec<String>,
    target_hire_date: Option<String>,
    target_start_date: Option<String>,
    #[serde(default)]
    is_backfill: bool,
    #[serde(default, deserialize_with = "employment_type")]
    employment_type: Option<EmploymentType>,
    opening_state: Option<OpeningState>,
}

pub fn create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewOpening = params(body)?;
    let out = call.write(
        |s, now, rng| {
            check_date("targetHireDate", &p.target_hire_date)?;
            check_date("targetStartDate", &p.target_start_date)?;
            check_team(s, &p.team_id)?;
            for l in &p.location_ids {
                check_location(s, l)?;
            }
            let mut job_ids: Vec<String> = Vec::new();
            for j in &p.job_ids {
                call.job(s, j)?;
                if !job_ids.contains(j) {
                    job_ids.push(j.clone());
                }
            }
            let mut location_ids = p.location_ids.clone();
            location_ids.dedup();
            let draft = Opening {
                id: rng.uuid(),
                identifier: p.identifier.clone().unwrap_or_default(),
                description: p.description.clone().unwrap_or_default(),
                team_id: p.team_id.clone(),
                location_ids,
                job_ids,
                target_hire_date: p.target_hire_date.clone(),
                target_start_date: p.target_start_date.clone(),
                is_backfill: p.is_backfill,
                employment_type: p.employment_type.unwrap_or(EmploymentType::FullTime),
                opening_state: OpeningState::Draft,
                is_archived: false,
                archived_at: None,
                opened_at: None,
                closed_at: None,
                close_reason_id: None,
                author_id: s.api_user().map(|u| u.id.clone()),
                hiring_team: Vec::new(),
                custom_fields: Vec::new(),
                version_id: rng.uuid(),
                created_at: now,
                updated_at: now,
            };
            let opening = match p.opening_state {
                None | Some(OpeningState::Draft) => draft,
                Some(OpeningState::Closed) => {
                    let open = set_state(s, &draft, OpeningState::Open, None, now)?;
                    set_state(s, &open, OpeningState::Closed, None, now)?
                }
                Some(to) => set_state(s, &draft, to, None, now)?,
            };
            let id = opening.id.clone();
            Ok((vec![Change::Opening(opening)], id))
        },
        render_one,
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpeningId {
    opening_id: String,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: OpeningId = params(body)?;
    let out = call.read(|s| Ok(render::opening(s, call.opening(s, &p.opening_id)?)))?;
    Ok(success(out, None))
}

pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ListParams = params(body)?;
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.openings,
            &p,
            |_| true,
            |o| o.created_at,
            |o| render::opening(s, o),
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
struct Search {
    identifier: String,
}

/// Openings whose identifier is the one given (case-insensitively), at most 100.
pub fn search(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Search = params(body)?;
    let wanted = p.identifier.trim().to_lowercase();
    let found = call.read(|s| {
        Ok(s.openings
            .values()
            .filter(|o| o.identifier.to_lowercase() == wanted)
            .take(100)
            .map(|o| render::opening(s, o))
            .collect())
    })?;
    Ok(success(Value::Array(found), None))
}

/// Runs `edit` on the opening as a new version; archived openings take no edits.
fn edit(
    call: &Call,
    opening_id: &str,
    edit: impl FnOnce(&Store, &mut Opening) -> Result<()>,
) -> Result<HttpResponse> {
    let out = call.write(
        |s, now, rng| {
            let mut o = call.opening(s, opening_id)?.clone();
            if o.is_archived {
                return Err(AshbyError::invalid_input(
                    "The opening is archived; restore it before changing it",
                ));
            }
            edit(s, &mut o)?;
            check_complete(&o)?;
            o.updated_at = now;
            o.version_id = rng.uuid();
            let id = o.id.clone();
            Ok((vec![Change::Opening(o)], id))
        },
        render_one,
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JobLink {
    opening_id: String,
    job_id: String,
}

pub fn add_job(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobLink = params(body)?;
    edit(call, &p.opening_id, |s, o| {
        call.job(s, &p.job_id)?;
        if !o.job_ids.contains(&p.job_id) {
            o.job_ids.push(p.job_id.clone());
        }
        Ok(())
    })
}

/// The last job of an opening that is not a Draft stays (`check_complete`).
pub fn remove_job(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobLink = params(body)?;
    edit(call, &p.opening_id, |s, o| {
        call.job(s, &p.job_id)?;
        o.job_ids.retain(|j| *j != p.job_id);
        Ok(())
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationLink {
    opening_id: String,
    location_id: String,
}

pub fn add_location(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LocationLink = params(body)?;
    edit(call, &p.opening_id, |s, o| {
        check_location(s, &p.location_id)?;
        if !o.location_ids.contains(&p.location_id) {
            o.location_ids.push(p.location_id.clone());
        }
        Ok(())
    })
}

pub fn remove_location(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LocationLink = params(body)?;
    edit(call, &p.opening_id, |s, o| {
        if !s.locations.contains(&p.location_id) {
            return Err(AshbyError::not_found("location", "Location"));
        }
        o.location_ids.retain(|l| *l != p.location_id);
        Ok(())
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewState {
    opening_id: String,
    opening_state: OpeningState,
    close_reason_id: Option<String>,
}

pub fn set_opening_state(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewState = params(body)?;
    let out = call.write(
        |s, now, rng| {
            let o = call.opening(s, &p.opening_id)?;
            let mut next = set_state(s, o, p.opening_state, p.close_reason_id.as_deref(), now)?;
            next.version_id = rng.uuid();
            let id = next.id.clone();
            Ok((vec![Change::Opening(next)], id))
        },
        render_one,
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Archive {
    opening_id: String,
    archive: bool,
}

pub fn set_archived(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Archive = params(body)?;
    let out = call.write(
        |s, now, _| {
            let mut o = call.opening(s, &p.opening_id)?.clone();
            if o.is_archived != p.archive {
                o.is_archived = p.archive;
                o.archived_at = p.archive.then_some(now);
                o.updated_at = now;
            }
            let id = o.id.clone();
            Ok((vec![Change::Opening(o)], id))
        },
        render_one,
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpeningUpdate {
    opening_id: String,
    identifier: Option<String>,
    description: Option<String>,
    team_id: Option<String>,
    target_hire_date: Option<String>,
    target_start_date: Option<String>,
    is_backfill: Option<bool>,
    #[serde(default, deserialize_with = "employment_type")]
    employment_type: Option<EmploymentType>,
}

pub fn update(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: OpeningUpdate = params(body)?;
    check_date("targetHireDate", &p.target_hire_date)?;
    check_date("targetStartDate", &p.target_start_date)?;
    edit(call, &p.opening_id, |s, o| {
        check_team(s, &p.team_id)?;
        let keep = |new: &Option<String>, old: &mut String| {
            if let Some(v) = new {
                old.clone_from(v);
            }
        };
        keep(&p.identifier, &mut o.identifier);
        keep(&p.description, &mut o.description);
        if p.team_id.is_some() {
            o.team_id.clone_from(&p.team_id);
        }
        if p.target_hire_date.is_some() {
            o.target_hire_date.clone_from(&p.target_hire_date);
        }
        if p.target_start_date.is_some() {
            o.target_start_date.clone_from(&p.target_start_date);
        }
        if let Some(b) = p.is_backfill {
            o.is_backfill = b;
        }
        if let Some(t) = p.employment_type {
            o.employment_type = t;
        }
        Ok(())
    })
}
