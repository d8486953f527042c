//! `user.interviewerSettings`, `user.updateInterviewerSettings` and interviewer pauses
//! (`user.createInterviewerPause`, `user.listInterviewerPauses`, `user.deleteInterviewerPause`).
//!
//! A user has at most one pause that is active or scheduled (not yet ended); a pause ends after
//! it starts. Pauses that have ended are no longer listed.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{InterviewerPause, Time, User};
use super::render;
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

fn user<'s>(s: &'s Store, id: &str) -> Result<&'s User> {
    s.users
        .get(id)
        .ok_or_else(|| AshbyError::not_found("user", "User"))
}

/// Active or scheduled at `now`.
fn current(p: &InterviewerPause, now: Time) -> bool {
    !p.deleted && p.ends_at.is_none_or(|end| end > now)
}

fn settings(u: &User) -> Value {
    json!({
        "id": u.id, "dailyLimit": u.interviewer_settings.daily_limit,
        "weeklyLimit": u.interviewer_settings.weekly_limit,
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserId {
    user_id: String,
}

pub fn settings_info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserId = params(body)?;
    let out = call.read(|s| Ok(settings(user(s, &p.user_id)?)))?;
    Ok(success(out, None))
}

/// Absent: leave as is; `null`: unset; a number: set.
fn tri_state<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewSettings {
    user_id: String,
    #[serde(default, deserialize_with = "tri_state")]
    daily_limit: Option<Option<i64>>,
    #[serde(default, deserialize_with = "tri_state")]
    weekly_limit: Option<Option<i64>>,
}

pub fn update_settings(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewSettings = params(body)?;
    if [p.daily_limit, p.weekly_limit]
        .iter()
        .any(|l| l.flatten().is_some_and(|n| n < 0))
    {
        return Err(AshbyError::invalid_input("limits must not be negative"));
    }
    let out = call.write(
        |s, now, _| {
            let mut u = user(s, &p.user_id)?.clone();
            if let Some(daily) = p.daily_limit {
                u.interviewer_settings.daily_limit = daily;
            }
            if let Some(weekly) = p.weekly_limit {
                u.interviewer_settings.weekly_limit = weekly;
            }
            let (daily, weekly) = (
                u.interviewer_settings.daily_limit,
                u.interviewer_settings.weekly_limit,
            );
            if let (Some(d), Some(w)) = (daily, weekly) {
                if d > w {
                    return Err(AshbyError::invalid_input(
                        "dailyLimit must not be greater than weeklyLimit",
                    ));
                }
            }
            u.updated_at = now;
            let id = u.id.clone();
            Ok((vec![Change::User(u)], id))
        },
        |s, id| s.users.get(&id).map(settings),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewPause {
    user_id: String,
    starts_at: Option<Time>,
    ends_at: Option<Time>,
    comment: Option<String>,
}

pub fn create_pause(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewPause = params(body)?;
    let out = call.write(
        |s, now, rng| {
            user(s, &p.user_id)?;
            let starts_at = p.starts_at.unwrap_or(now);
            if p.ends_at.is_some_and(|end| end <= starts_at) {
                return Err(AshbyError::invalid_input("endsAt must be after startsAt"));
            }
            if s.interviewer_pauses
                .values()
                .any(|x| x.user_id == p.user_id && current(x, now))
            {
                return Err(AshbyError::new(
                    "interviewer_pause_already_exists",
                    "The user already has an active or scheduled interviewer pause",
                ));
            }
            let pause = InterviewerPause {
                id: rng.uuid(),
                user_id: p.user_id.clone(),
                starts_at,
                ends_at: p.ends_at,
                comment: p.comment.clone(),
                created_at: now,
                deleted: false,
            };
            let id = pause.id.clone();
            Ok((vec![Change::InterviewerPause(pause)], id))
        },
        |s, id| s.interviewer_pauses.get(&id).map(render::interviewer_pause),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

pub fn list_pauses(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserId = params(body)?;
    let now = call.now();
    let out = call.read(|s| {
        user(s, &p.user_id)?;
        Ok(s.interviewer_pauses
            .values()
            .filter(|x| x.user_id == p.user_id && current(x, now))
            .map(render::interviewer_pause)
            .collect())
    })?;
    Ok(success(Value::Array(out), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PauseId {
    interviewer_pause_id: String,
}

pub fn delete_pause(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: PauseId = params(body)?;
    let out = call.write(
        |s, _, _| {
            let mut pause = s
                .interviewer_pauses
                .get(&p.interviewer_pause_id)
                .filter(|x| !x.deleted)
                .cloned()
                .ok_or_else(|| AshbyError::not_found("interviewer_pause", "Interviewer pause"))?;
            pause.deleted = true;
            let id = pause.id.clone();
            Ok((vec![Change::InterviewerPause(pause)], id))
        },
        |_, id| json!({"id": id}),
    )?;
    Ok(success(out, None))
}
