//! A candidate's activity beyond notes: `candidate.addEmailMessage`, `candidate.listClientInfo`,
//! `candidate.listFraudChecks` and `candidate.setFraudStatus`.
//!
//! The sandbox records no client info (IP and user agent of application-form submissions; its
//! applications come through the API) and runs no fraud detection, so those lists are empty
//! for every candidate that exists. `emailProviderEmailId` is unique per API key; a second
//! message with the same id answers `email_message_already_exists`.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{EmailMessage, Time};
use super::render;
use super::store::Change;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NewEmail {
    candidate_id: String,
    email_provider_email_id: String,
    subject: String,
    from: String,
    to: String,
    body: String,
    user_id: Option<String>,
    sent_at: Option<Time>,
    cc: Option<String>,
    message_url: Option<String>,
    message_id_header: Option<String>,
    thread_id: Option<String>,
    #[serde(default)]
    is_private: bool,
}

fn looks_like_email(s: &str) -> bool {
    s.split_once('@')
        .is_some_and(|(user, host)| !user.trim().is_empty() && host.contains('.'))
}

pub fn add_email_message(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewEmail = params(body)?;
    for (name, value) in [("from", &p.from), ("to", &p.to)] {
        if !looks_like_email(value) {
            return Err(AshbyError::invalid_input(format!(
                "{name} must be an email address"
            )));
        }
    }
    if p.email_provider_email_id.trim().is_empty() {
        return Err(AshbyError::invalid_input(
            "emailProviderEmailId must not be empty",
        ));
    }
    if p.message_url
        .as_deref()
        .is_some_and(|u| !u.starts_with("https://") && !u.starts_with("http://"))
    {
        return Err(AshbyError::invalid_input("messageUrl must be a URL"));
    }
    let out = call.write(
        |s, now, rng| {
            call.candidate(s, &p.candidate_id)?;
            if let Some(u) = &p.user_id {
                if !s.users.contains(u) {
                    return Err(AshbyError::not_found("user", "User"));
                }
            }
            if s.email_messages.values().any(|m| {
                m.api_key == call.key.key && m.email_provider_email_id == p.email_provider_email_id
            }) {
                return Err(AshbyError::new(
                    "email_message_already_exists",
                    "An email with this emailProviderEmailId was already added with this API key",
                ));
            }
            let message = EmailMessage {
                id: rng.uuid(),
                candidate_id: p.candidate_id.clone(),
                email_provider_email_id: p.email_provider_email_id.clone(),
                api_key: call.key.key.clone(),
                subject: p.subject.clone(),
                from: p.from.clone(),
                to: p.to.clone(),
                body: Some(p.body.clone()),
                cc: p.cc.clone(),
                message_url: p.message_url.clone(),
                message_id_header: p.message_id_header.clone(),
                thread_id: p
                    .thread_id
                    .clone()
                    .unwrap_or_else(|| p.email_provider_email_id.clone()),
                is_private: p.is_private,
                user_id: p
                    .user_id
                    .clone()
                    .or_else(|| s.api_user().map(|u| u.id.clone())),
                sent_at: p.sent_at.unwrap_or(now),
            };
            let id = message.id.clone();
            Ok((vec![Change::EmailMessage(message)], id))
        },
        |s, id| s.email_messages.get(&id).map(render::email_message),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CandidateList {
    candidate_id: String,
    cursor: Option<String>,
    limit: Option<i64>,
}

/// An empty page for a candidate that exists (see the module docs).
fn empty_page(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: CandidateList = params(body)?;
    if p.limit.is_some_and(|l| l < 1) {
        return Err(AshbyError::invalid_input("limit must be at least 1"));
    }
    if p.cursor.is_some() {
        return Err(AshbyError::new(
            "invalid_next_cursor",
            "The cursor is not valid for this list",
        ));
    }
    call.read(|s| call.candidate(s, &p.candidate_id).map(|_| ()))?;
    Ok(success(
        json!([]),
        Some(json!({"moreDataAvailable": false})),
    ))
}

pub fn list_client_info(call: &Call, body: Value) -> Result<HttpResponse> {
    empty_page(call, body)
}

pub fn list_fraud_checks(call: &Call, body: Value) -> Result<HttpResponse> {
    empty_page(call, body)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FraudStatus {
    candidate_id: String,
    fraud_status: SettableFraudStatus,
}

#[derive(Deserialize, Debug)]
enum SettableFraudStatus {
    Fraudulent,
    NotFraudulent,
    Unsure,
}

pub fn set_fraud_status(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: FraudStatus = params(body)?;
    let out = call.write(
        |s, now, _| {
            let mut c = call.candidate(s, &p.candidate_id)?.clone();
            c.fraud_status = Some(format!("{:?}", p.fraud_status));
            c.updated_at = now;
            let id = c.id.clone();
            Ok((vec![Change::Candidate(c)], id))
        },
        |s, id| s.candidates.get(&id).map(|c| render::candidate(s, c)),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}
