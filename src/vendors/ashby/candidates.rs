//! `candidate.create/info/list/search/update/addTag/removeTag/createNote/listNotes/anonymize`.

use super::call::{params, Call, Result};
use super::error::{success, success_page, success_typed, AshbyError};
use super::model::{Candidate, SocialLink};
use super::pagination::{page, ListParams};
use super::render;
use super::rules;
use super::rules::candidates::{contact, new_candidate, new_note, CandidateInput};
use super::store::{Change, Store};
use crate::validation::is_valid_email;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::Value;

fn live<'s>(store: &'s Store, id: &str) -> Result<&'s Candidate> {
    store
        .candidates
        .get(id)
        .ok_or_else(|| AshbyError::not_found("candidate", "Candidate"))
}

fn render_one(store: &Store, id: &str) -> Option<Value> {
    store
        .candidates
        .get(id)
        .map(|c| render::candidate(store, c))
}

fn check_email(email: &Option<String>) -> Result<()> {
    match email {
        Some(e) if !is_valid_email(e.trim()) => Err(AshbyError::invalid_input(format!(
            "{e} is not a valid email address"
        ))),
        _ => Ok(()),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewCandidate {
    name: String,
    email: Option<String>,
    phone_number: Option<String>,
    linked_in_url: Option<String>,
    github_url: Option<String>,
    website: Option<String>,
    source_id: Option<String>,
    credited_to_user_id: Option<String>,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewCandidate = params(body)?;
    let input = CandidateInput {
        name: p.name,
        email: p.email,
        phone_number: p.phone_number,
        linked_in_url: p.linked_in_url,
        github_url: p.github_url,
        website: p.website,
        source_id: p.source_id,
        credited_to_user_id: p.credited_to_user_id,
        created_at: p.created_at,
    };
    let candidate = call.write(
        |s, now, rng| {
            let c = new_candidate(s, input, rng.uuid(), now)?;
            let id = c.id.clone();
            Ok((vec![Change::Candidate(c)], id))
        },
        |s, id| {
            s.candidates
                .get(&id)
                .map(|c| success_typed(&render::candidate_view(s, c), None))
        },
    )?;
    Ok(candidate.unwrap_or_else(|| success(Value::Null, None)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CandidateRef {
    id: Option<String>,
    external_mapping_id: Option<String>,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: CandidateRef = params(body)?;
    let id =
        p.id.or(p.external_mapping_id)
            .ok_or_else(|| AshbyError::invalid_input("give id or externalMappingId"))?;
    call.read(|s| {
        Ok(success_typed(
            &render::candidate_view(s, live(s, &id)?),
            None,
        ))
    })
}

pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ListParams = params(body)?;
    call.read(|s| {
        let page = page(
            call.list_at(s),
            &s.candidates,
            &p,
            |_| true,
            |c| c.created_at,
            |c| render::candidate_view(s, c),
        )?;
        Ok(success_page(&page.results, Some(page.extra)))
    })
}

#[derive(Deserialize)]
struct Search {
    email: Option<String>,
    name: Option<String>,
}

/// `email` and `name` are ANDed; at most 100 results.
pub fn search(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Search = params(body)?;
    if p.email.is_none() && p.name.is_none() {
        return Err(AshbyError::invalid_input("give email or name"));
    }
    let found: Vec<Value> = call.read(|s| {
        Ok(s.candidates
            .values()
            .filter(|c| !c.anonymized)
            .filter(|c| {
                p.email.as_deref().is_none_or(|e| {
                    c.email_addresses
                        .iter()
                        .any(|x| x.value.eq_ignore_ascii_case(e.trim()))
                }) && p
                    .name
                    .as_deref()
                    .is_none_or(|n| c.name.to_lowercase().contains(&n.trim().to_lowercase()))
            })
            .take(100)
            .map(|c| render::candidate(s, c))
            .collect())
    })?;
    Ok(success(Value::Array(found), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Update {
    candidate_id: String,
    name: Option<String>,
    email: Option<String>,
    phone_number: Option<String>,
    source_id: Option<String>,
    credited_to_user_id: Option<String>,
    social_links: Option<Vec<SocialLink>>,
}

pub fn update(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Update = params(body)?;
    check_email(&p.email)?;
    let c = call.write(
        |s, now, _| {
            let mut c = live(s, &p.candidate_id)?.clone();
            if c.anonymized {
                return Err(AshbyError::invalid_input(
                    "The candidate has been anonymized",
                ));
            }
            if let Some(name) = p.name {
                if name.trim().is_empty() {
                    return Err(AshbyError::invalid_input("name must not be empty"));
                }
                c.name = name.trim().to_owned();
            }
            if let Some(email) = p.email {
                c.email_addresses
                    .iter_mut()
                    .for_each(|e| e.is_primary = false);
                c.email_addresses
                    .retain(|e| !e.value.eq_ignore_ascii_case(email.trim()));
                c.email_addresses.insert(0, contact(&email));
            }
            if let Some(phone) = p.phone_number {
                c.phone_numbers
                    .iter_mut()
                    .for_each(|e| e.is_primary = false);
                c.phone_numbers.insert(0, contact(&phone));
            }
            if let Some(source) = p.source_id {
                if !s.sources.contains(&source) {
                    return Err(AshbyError::not_found("source", "Source"));
                }
                c.source_id = Some(source);
            }
            if let Some(user) = p.credited_to_user_id {
                if !s.users.contains(&user) {
                    return Err(AshbyError::not_found("user", "User"));
                }
                c.credited_to_user_id = Some(user);
            }
            if let Some(links) = p.social_links {
                c.social_links = links;
            }
            c.updated_at = now;
            let id = c.id.clone();
            Ok((vec![Change::Candidate(c)], id))
        },
        |s, id| render_one(s, &id),
    )?;
    Ok(success(c.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TagRef {
    candidate_id: String,
    tag_id: String,
}

fn retag(call: &Call, body: Value, add: bool) -> Result<HttpResponse> {
    let p: TagRef = params(body)?;
    let c = call.write(
        |s, now, _| {
            let mut c = live(s, &p.candidate_id)?.clone();
            if !s.tags.contains(&p.tag_id) {
                return Err(AshbyError::not_found("tag", "Tag"));
            }
            c.tag_ids.retain(|t| *t != p.tag_id);
            if add {
                c.tag_ids.push(p.tag_id.clone());
            }
            c.updated_at = now;
            let id = c.id.clone();
            Ok((vec![Change::Candidate(c)], id))
        },
        |s, id| render_one(s, &id),
    )?;
    Ok(success(c.unwrap_or(Value::Null), None))
}

pub fn add_tag(call: &Call, body: Value) -> Result<HttpResponse> {
    retag(call, body, true)
}

pub fn remove_tag(call: &Call, body: Value) -> Result<HttpResponse> {
    retag(call, body, false)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewNote {
    candidate_id: String,
    note: Value,
    #[serde(default)]
    is_private: bool,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// `note` is a string or `{"type": "text/plain"|"text/html", "value": ...}`.
pub fn create_note(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewNote = params(body)?;
    let content = match &p.note {
        Value::String(text) => text.clone(),
        Value::Object(o) => o
            .get("value")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| AshbyError::invalid_input("note.value must be a string"))?,
        _ => {
            return Err(AshbyError::invalid_input(
                "note must be a string or {type, value}",
            ))
        }
    };
    let note = call.write(
        |s, now, rng| {
            let note = new_note(
                s,
                &p.candidate_id,
                content,
                p.is_private,
                rng.uuid(),
                p.created_at.unwrap_or(now),
            )?;
            let id = note.id.clone();
            Ok((vec![Change::Note(note)], id))
        },
        |s, id| s.notes.get(&id).map(|n| render::note(s, n)),
    )?;
    Ok(success(note.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NotesOf {
    candidate_id: String,
}

pub fn list_notes(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NotesOf = params(body)?;
    let notes: Vec<Value> = call.read(|s| {
        live(s, &p.candidate_id)?;
        Ok(s.notes_of(&p.candidate_id)
            .map(|n| render::note(s, n))
            .collect())
    })?;
    Ok(success(
        Value::Array(notes),
        Some(serde_json::json!({"moreDataAvailable": false})),
    ))
}

/// Irreversible; only when every application is Archived or Hired.
pub fn anonymize(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NotesOf = params(body)?;
    let c = call.write(
        |s, now, _| {
            let c = live(s, &p.candidate_id)?;
            let changes = rules::anonymize(s, c, now)?;
            Ok((changes, c.id.clone()))
        },
        |s, id| render_one(s, &id),
    )?;
    Ok(success(c.unwrap_or(Value::Null), None))
}
