//! Making candidates and notes: what a new record must satisfy, for `candidate.create`,
//! `candidate.createNote` and Panora's unified writes alike.

use crate::validation::is_valid_email;
use crate::vendors::ashby::error::AshbyError;
use crate::vendors::ashby::model::{Candidate, Contact, ContactType, Note, SocialLink, Time};
use crate::vendors::ashby::store::Store;

type Result<T> = std::result::Result<T, AshbyError>;

/// What `candidate.create` takes.
#[derive(Debug, Clone, Default)]
pub struct CandidateInput {
    pub name: String,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub linked_in_url: Option<String>,
    pub github_url: Option<String>,
    pub website: Option<String>,
    pub source_id: Option<String>,
    pub credited_to_user_id: Option<String>,
    pub created_at: Option<Time>,
}

/// A primary personal email or phone number.
pub fn contact(value: &str) -> Contact {
    Contact {
        value: value.trim().to_owned(),
        contact_type: ContactType::Personal,
        is_primary: true,
    }
}

/// A new candidate: a name, a valid email if any, a known source and credited user.
pub fn new_candidate(
    store: &Store,
    input: CandidateInput,
    id: String,
    now: Time,
) -> Result<Candidate> {
    if input.name.trim().is_empty() {
        return Err(AshbyError::invalid_input("name must not be empty"));
    }
    if let Some(e) = input.email.as_deref().filter(|e| !is_valid_email(e.trim())) {
        return Err(AshbyError::invalid_input(format!(
            "{e} is not a valid email address"
        )));
    }
    if let Some(source) = &input.source_id {
        if !store.sources.contains(source) {
            return Err(AshbyError::not_found("source", "Source"));
        }
    }
    if let Some(user) = &input.credited_to_user_id {
        if !store.users.contains(user) {
            return Err(AshbyError::not_found("user", "User"));
        }
    }
    let links = [
        ("LinkedIn", &input.linked_in_url),
        ("GitHub", &input.github_url),
        ("Website", &input.website),
    ]
    .into_iter()
    .filter_map(|(kind, url)| {
        url.as_ref().map(|url| SocialLink {
            link_type: kind.into(),
            url: url.clone(),
        })
    })
    .collect();
    Ok(Candidate {
        id,
        name: input.name.trim().to_owned(),
        email_addresses: input.email.as_deref().map(contact).into_iter().collect(),
        phone_numbers: input
            .phone_number
            .as_deref()
            .map(contact)
            .into_iter()
            .collect(),
        social_links: links,
        tag_ids: Vec::new(),
        position: None,
        company: None,
        school: None,
        source_id: input.source_id,
        credited_to_user_id: input.credited_to_user_id,
        location_summary: None,
        file_handles: Vec::new(),
        resume_handle: None,
        project_ids: Vec::new(),
        custom_fields: Vec::new(),
        fraud_status: None,
        anonymized: false,
        created_at: input.created_at.unwrap_or(now),
        updated_at: now,
    })
}

/// A note on a candidate that exists and is not anonymized.
pub fn new_note(
    store: &Store,
    candidate_id: &str,
    content: String,
    is_private: bool,
    id: String,
    created_at: Time,
) -> Result<Note> {
    if content.trim().is_empty() {
        return Err(AshbyError::invalid_input("note must not be empty"));
    }
    let c = store
        .candidates
        .get(candidate_id)
        .ok_or_else(|| AshbyError::not_found("candidate", "Candidate"))?;
    if c.anonymized {
        return Err(AshbyError::invalid_input(
            "The candidate has been anonymized",
        ));
    }
    Ok(Note {
        id,
        candidate_id: c.id.clone(),
        content,
        is_private,
        author_id: store.api_user().map(|u| u.id.clone()),
        created_at,
    })
}
