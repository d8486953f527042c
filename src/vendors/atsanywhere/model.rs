//! ATS Anywhere wire types: the records as the API serves them (snake_case JSON) and the bodies
//! it accepts. Ids are integers, assigned in sequence per company.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A user's role. The UI calls Basic "Manager", Limited "Reviewer" and ReadOnly "Read-Only".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub enum AdminLevel {
    AccountOwner,
    Admin,
    Basic,
    Limited,
    ReadOnly,
}

impl AdminLevel {
    pub const ALL: [AdminLevel; 5] = [
        AdminLevel::AccountOwner,
        AdminLevel::Admin,
        AdminLevel::Basic,
        AdminLevel::Limited,
        AdminLevel::ReadOnly,
    ];

    /// AccountOwner and Admin: not restricted by job or site assignments.
    pub fn is_admin(self) -> bool {
        matches!(self, AdminLevel::AccountOwner | AdminLevel::Admin)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct User {
    pub id: u64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub admin_level: AdminLevel,
    /// For users below Admin: the jobs they may see (with `assigned_site_ids`; both empty = all).
    pub assigned_job_ids: Vec<u64>,
    /// For users below Admin: the sites whose jobs they may see.
    pub assigned_site_ids: Vec<u64>,
    pub active: bool,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_at: DateTime<Utc>,
}

/// A career site of the company; jobs belong to at most one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Site {
    pub id: u64,
    pub name: String,
    pub url: String,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum JobStatus {
    Online,
    Offline,
    Archived,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Job {
    pub id: u64,
    pub title: String,
    /// Unique in the company; quick apply names the job by it.
    pub reference_number: String,
    pub description: String,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub department: Option<String>,
    pub employment_type: Option<String>,
    pub site_id: Option<u64>,
    pub status: JobStatus,
    /// Online but left out of the public listings.
    pub hidden: bool,
    /// Accepts quick-apply submissions (`express_apply` in the job feed).
    pub express_apply: bool,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_at: DateTime<Utc>,
}

/// The resume attached to an application (its bytes are kept; only the metadata is served).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Resume {
    pub filename: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Application {
    pub id: u64,
    pub job_id: u64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub cover_letter: Option<String>,
    pub resume: Option<Resume>,
    /// Where the applicant came from (`quick_apply`, `career_site`, ...).
    pub source: String,
    /// 1 to 5 stars; `null` while unrated.
    pub rating: Option<u8>,
    pub archived: bool,
    #[serde(serialize_with = "crate::wire_time::auto_opt")]
    pub archived_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Note {
    pub id: u64,
    pub app_id: u64,
    pub job_id: u64,
    /// The user who wrote it.
    pub user_id: u64,
    pub body: String,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /users` (all of `first_name`, `last_name`, `email`, `admin_level` required) and
/// of `PUT`/`PATCH /users/{id}` (every field optional; absent fields keep their value). The
/// object may also come wrapped as `{"user": {...}}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
pub struct UserInput {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    /// An empty string clears it.
    pub phone: Option<String>,
    pub admin_level: Option<AdminLevel>,
    pub assigned_job_ids: Option<Vec<u64>>,
    pub assigned_site_ids: Option<Vec<u64>>,
    pub active: Option<bool>,
}

/// Body of `POST /jobs` (`title` required) and `PUT`/`PATCH /jobs/{id}` (all optional).
/// May come wrapped as `{"job": {...}}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
pub struct JobInput {
    pub title: Option<String>,
    pub reference_number: Option<String>,
    pub description: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub department: Option<String>,
    pub employment_type: Option<String>,
    pub site_id: Option<u64>,
    pub status: Option<JobStatus>,
    pub hidden: Option<bool>,
    pub express_apply: Option<bool>,
}

/// Body of `PUT`/`PATCH /applications/{id}`: rate (1-5, `null` to clear) and archive or restore.
/// May come wrapped as `{"application": {...}}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
pub struct ApplicationInput {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<u8>)]
    pub rating: Option<Option<u8>>,
    pub archived: Option<bool>,
}

/// Deserializes a field that may be present-and-null (`Some(None)`) or absent (`None`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Body of `POST /notes`.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
pub struct NoteInput {
    pub app_id: u64,
    pub body: String,
}

/// The resume of a quick-apply submission: a file name and the file, base64-encoded.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
pub struct ResumeUpload {
    pub filename: String,
    pub data: String,
}

/// Body of `POST /applicant_webhooks/add_applicant`.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
pub struct QuickApplyInput {
    pub reference_number: String,
    /// Full name; split at the first space into first and last name.
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub coverletter: Option<String>,
    pub resume: Option<ResumeUpload>,
}
