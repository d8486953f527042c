//! SmartRecruiters over HTTP. Demo ids: users `5f…01` EMPLOYEE, `…02` RESTRICTED, `…03`
//! STANDARD, `…04` EXTENDED, `…05` ADMINISTRATOR, `…06` deactivated; jobs `a…01` to `a…07` in
//! statuses CREATED, SOURCING, INTERVIEW, OFFER, FILLED, ON_HOLD, CANCELLED; candidates `c…01`
//! to `c…09` in LEAD, NEW, IN_REVIEW, INTERVIEW, OFFERED, HIRED, REJECTED, WITHDRAWN,
//! TRANSFERRED.

mod approvals;
mod attachments;
mod candidates;
mod configuration;
mod jobads;
mod jobs;
mod postings;
mod properties;
mod snapshots;
mod statuses;
mod transport;
mod users;

pub fn job(n: u32) -> String {
    format!("a0000000-0000-4000-8000-00000000000{n}")
}

pub fn candidate(n: u32) -> String {
    format!("c0000000-0000-4000-8000-0000000000{n:02}")
}

pub fn user(n: u32) -> String {
    format!("5f00000000000000000000{n:02}")
}

/// A valid `CandidateInput`.
pub fn candidate_input(email: &str) -> serde_json::Value {
    serde_json::json!({"firstName": "Casey", "lastName": "Candidate", "email": email})
}

/// A valid `JobInput`.
pub fn job_input(title: &str) -> serde_json::Value {
    serde_json::json!({
        "title": title,
        "location": {"country": "Germany", "countryCode": "de", "city": "Berlin"},
        "industry": {"id": "computer_software"},
        "function": {"id": "engineering"},
        "experienceLevel": {"id": "entry_level"},
        "department": {"id": "dep-engineering"},
    })
}
