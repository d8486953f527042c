//! SmartRecruiters records as the sandbox stores them (and as fixture files spell them, camelCase)
//! and the enumerations of VENDORS.md §2.4.

pub use super::compact::{Json, Text};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

pub type Time = DateTime<Utc>;

/// A user's system role, from least to most rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SystemRole {
    Employee,
    Restricted,
    Standard,
    Extended,
    Administrator,
}

impl SystemRole {
    pub const ALL: [SystemRole; 5] = [
        SystemRole::Employee,
        SystemRole::Restricted,
        SystemRole::Standard,
        SystemRole::Extended,
        SystemRole::Administrator,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SystemRole::Employee => "EMPLOYEE",
            SystemRole::Restricted => "RESTRICTED",
            SystemRole::Standard => "STANDARD",
            SystemRole::Extended => "EXTENDED",
            SystemRole::Administrator => "ADMINISTRATOR",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SystemRole::Employee => "Employee",
            SystemRole::Restricted => "Restricted",
            SystemRole::Standard => "Standard",
            SystemRole::Extended => "Extended",
            SystemRole::Administrator => "Administrator",
        }
    }

    pub fn parse(id: &str) -> Option<SystemRole> {
        SystemRole::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The status of a job (`JobStatus`; `OTHER` is read-only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum JobStatus {
    Created,
    Sourcing,
    Interview,
    Offer,
    Filled,
    OnHold,
    Cancelled,
    Other,
}

impl JobStatus {
    pub const ALL: [JobStatus; 8] = [
        JobStatus::Created,
        JobStatus::Sourcing,
        JobStatus::Interview,
        JobStatus::Offer,
        JobStatus::Filled,
        JobStatus::OnHold,
        JobStatus::Cancelled,
        JobStatus::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            JobStatus::Created => "CREATED",
            JobStatus::Sourcing => "SOURCING",
            JobStatus::Interview => "INTERVIEW",
            JobStatus::Offer => "OFFER",
            JobStatus::Filled => "FILLED",
            JobStatus::OnHold => "ON_HOLD",
            JobStatus::Cancelled => "CANCELLED",
            JobStatus::Other => "OTHER",
        }
    }

    pub fn parse(name: &str) -> Option<JobStatus> {
        JobStatus::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The hiring stage of an active status (SOURCING < INTERVIEW < OFFER).
    pub fn stage(self) -> Option<u8> {
        match self {
            JobStatus::Sourcing => Some(1),
            JobStatus::Interview => Some(2),
            JobStatus::Offer => Some(3),
            _ => None,
        }
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The status of a candidate on a job (`CandidateStatusEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CandidateStatus {
    Lead,
    New,
    InReview,
    Interview,
    Offered,
    Hired,
    Rejected,
    Withdrawn,
    Transferred,
}

impl CandidateStatus {
    pub const ALL: [CandidateStatus; 9] = [
        CandidateStatus::Lead,
        CandidateStatus::New,
        CandidateStatus::InReview,
        CandidateStatus::Interview,
        CandidateStatus::Offered,
        CandidateStatus::Hired,
        CandidateStatus::Rejected,
        CandidateStatus::Withdrawn,
        CandidateStatus::Transferred,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CandidateStatus::Lead => "LEAD",
            CandidateStatus::New => "NEW",
            CandidateStatus::InReview => "IN_REVIEW",
            CandidateStatus::Interview => "INTERVIEW",
            CandidateStatus::Offered => "OFFERED",
            CandidateStatus::Hired => "HIRED",
            CandidateStatus::Rejected => "REJECTED",
            CandidateStatus::Withdrawn => "WITHDRAWN",
            CandidateStatus::Transferred => "TRANSFERRED",
        }
    }

    pub fn parse(name: &str) -> Option<CandidateStatus> {
        CandidateStatus::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for CandidateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PostingStatus {
    Public,
    Internal,
    NotPublished,
    Private,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum HiringTeamRole {
    HiringManager,
    InterviewTeam,
    Recruiter,
    Executive,
    Coordinator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OnboardingStatus {
    ReadyToOnboard,
    OnboardingSuccessful,
    OnboardingFailed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct User {
    pub id: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub system_role: SystemRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_login_mode: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    pub active: bool,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_on: Time,
    #[serde(default)]
    pub access_groups: Vec<String>,
}

pub fn default_language() -> String {
    "en".into()
}

/// An email the sandbox "sent" (activation, password reset), kept for the control plane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SentEmail {
    pub kind: String,
    pub user_id: String,
    pub to: String,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub sent_on: Time,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessGroup {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Department {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A job's or a predefined location.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default)]
    pub remote: bool,
}

/// A rejection or withdrawal reason, a source, an industry...: an id and a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labeled {
    pub id: String,
    pub label: String,
}

/// A hiring process: the sub-statuses a job using it offers per candidate status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HiringProcess {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub sub_statuses: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HiringTeamMember {
    pub user_id: String,
    pub role: HiringTeamRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Position {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incumbent_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_start_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobStatusChange {
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub changed_on: Time,
    pub status: JobStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Job {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_number: Option<String>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_on: Time,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub last_activity_on: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_id: Option<String>,
    pub location: Location,
    pub status: JobStatus,
    /// The furthest hiring stage the job has reached (see `rules`).
    #[serde(default)]
    pub reached_stage: u8,
    pub posting_status: PostingStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_hiring_date: Option<NaiveDate>,
    pub industry: Labeled,
    pub function: Labeled,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_of_employment: Option<Labeled>,
    pub experience_level: Labeled,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eeo_category: Option<Labeled>,
    pub creator_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compensation: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_ad: Option<Value>,
    #[serde(default)]
    pub properties: Vec<Value>,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hiring_process_id: Option<String>,
    #[serde(default)]
    pub hiring_team: Vec<HiringTeamMember>,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub status_history: Vec<JobStatusChange>,
    /// Job ads; the first is the default ad (`/jobs/{id}/publication`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ads: Vec<JobAd>,
    /// Approval requests, oldest first (fixtures only: the sandbox has no approval flow).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<JobApproval>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Approver {
    pub user_id: String,
    pub status: ApprovalStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobApproval {
    pub id: String,
    pub status: ApprovalStatus,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
    pub approvers: Vec<Approver>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<ApprovalComment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApprovalComment {
    pub id: String,
    pub author_id: String,
    pub text: String,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScreeningAnswer {
    pub question_id: Text,
    pub question: Text,
    pub answer: Json,
}

/// A publication of a job ad: where, and while when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Posting {
    /// PUBLIC or INTERNAL.
    pub visibility: PostingStatus,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub published_on: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::wire_time::auto_opt")]
    pub unpublished_on: Option<Time>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobAd {
    pub id: String,
    pub title: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Value>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_on: Time,
    /// Every publication, the live one (no `unpublishedOn`) last.
    #[serde(default)]
    pub postings: Vec<Posting>,
}

impl JobAd {
    pub fn live(&self) -> Option<&Posting> {
        self.postings.last().filter(|p| p.unpublished_on.is_none())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceDetails {
    pub source_type_id: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sub_type_id: Option<Text>,
    pub source_id: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusChange {
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub changed_on: Time,
    pub status: CandidateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_status: Option<Text>,
}

/// A candidate's application to one job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Application {
    pub job_id: Text,
    pub status: CandidateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_status: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_of_rejection: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_of_withdrawal: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onboarding_status: Option<OnboardingStatus>,
    /// Candidate property values on this application, by property id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub properties: std::collections::BTreeMap<String, Value>,
    /// Answers to the job's screening questions (from the Apply API; fixtures only).
    #[serde(
        default,
        deserialize_with = "crate::fixtures::exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub screening_answers: Vec<ScreeningAnswer>,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
    #[serde(deserialize_with = "crate::fixtures::exact_list")]
    pub history: Vec<StatusChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Candidate {
    pub id: String,
    #[serde(default)]
    pub internal: bool,
    pub first_name: Text,
    pub last_name: Text,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Json>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<Json>,
    #[serde(default, deserialize_with = "crate::fixtures::exact_list")]
    pub tags: Vec<String>,
    #[serde(default)]
    pub education: Box<[Json]>,
    #[serde(default)]
    pub experience: Box<[Json]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_details: Option<SourceDetails>,
    #[serde(default)]
    pub average_rating: f64,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub updated_on: Time,
    /// Applications in assignment order; the last one is the primary assignment.
    #[serde(default, deserialize_with = "crate::fixtures::exact_list")]
    pub applications: Vec<Application>,
    #[serde(
        default,
        deserialize_with = "crate::fixtures::exact_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AttachmentType {
    Resume,
    CoverLetter,
    Other,
}

/// A file attached to a candidate, on one of their applications or on the candidate alone; the
/// bytes are kept (base64 in snapshots).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Attachment {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    pub name: String,
    pub content_type: String,
    #[serde(rename = "type")]
    pub kind: AttachmentType,
    #[serde(serialize_with = "crate::wire_time::auto")]
    pub created_on: Time,
    /// The bytes, base64.
    pub data: String,
}

impl Candidate {
    /// Drops the spare capacity of the candidate's lists (a list parsed or pushed to grows by
    /// doubling; a stored candidate only changes by being replaced).
    pub fn shrink_to_fit(&mut self) {
        self.tags.shrink_to_fit();
        self.attachments.shrink_to_fit();
        self.applications.shrink_to_fit();
        for a in &mut self.applications {
            a.screening_answers.shrink_to_fit();
            a.history.shrink_to_fit();
        }
    }

    pub fn application(&self, job_id: &str) -> Option<&Application> {
        self.applications.iter().find(|a| a.job_id == job_id)
    }

    pub fn primary(&self) -> Option<&Application> {
        self.applications.last()
    }
}

/// The company's own data (`GET /configuration/company`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Company {
    pub identifier: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<Labeled>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// A value of a job or candidate property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropertyValue {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub archived: bool,
}

/// The kinds of a property; only SINGLE_SELECT properties have values and dependents.
pub const PROPERTY_TYPES: &[&str] = &[
    "SINGLE_SELECT",
    "TEXT",
    "NUMBER",
    "CURRENCY",
    "DATE",
    "BOOLEAN",
];

/// A job property: its values, the properties that depend on it, and for each of its values the
/// values each dependent allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobProperty {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub active: bool,
    #[serde(default)]
    pub values: Vec<PropertyValue>,
    #[serde(default)]
    pub dependents: Vec<String>,
    /// Value id -> dependent property id -> the dependent's allowed value ids.
    #[serde(default)]
    pub dependent_values:
        std::collections::BTreeMap<String, std::collections::BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CandidateProperty {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub values: Vec<PropertyValue>,
}
