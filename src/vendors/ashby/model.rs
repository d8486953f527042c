//! Ashby records as the sandbox keeps them (camelCase, as fixtures and snapshots write them).
//! What the API answers is rendered from these in `render.rs`, joining what Ashby joins
//! (a candidate's tags and application ids, an application's stage and job, ...).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub type Time = DateTime<Utc>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GlobalRole {
    #[serde(rename = "Organization Admin")]
    OrganizationAdmin,
    #[serde(rename = "Elevated Access")]
    ElevatedAccess,
    #[serde(rename = "Limited Access")]
    LimitedAccess,
    #[serde(rename = "External Recruiter")]
    ExternalRecruiter,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub global_role: GlobalRole,
    pub is_enabled: bool,
    pub manager_id: Option<String>,
    pub updated_at: Time,
    #[serde(default)]
    pub custom_fields: Vec<FieldValue>,
    #[serde(default)]
    pub interviewer_settings: InterviewerSettings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Department {
    pub id: String,
    pub name: String,
    pub external_name: Option<String>,
    pub is_archived: bool,
    pub parent_id: Option<String>,
    pub created_at: Time,
    pub updated_at: Time,
}

/// A location, or a location hierarchy (a node that groups locations).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LocationType {
    #[default]
    Location,
    LocationHierarchy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub id: String,
    pub name: String,
    pub external_name: Option<String>,
    pub is_archived: bool,
    pub is_remote: bool,
    pub parent_location_id: Option<String>,
    pub country: Option<String>,
    pub region: Option<String>,
    pub locality: Option<String>,
    #[serde(default, rename = "type")]
    pub location_type: LocationType,
    /// `OnSite`, `Remote` or `Hybrid`.
    #[serde(default)]
    pub workplace_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterviewPlan {
    pub id: String,
    pub title: String,
    pub is_archived: bool,
    pub created_at: Time,
    pub updated_at: Time,
}

/// The type of an interview stage; an application's status follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StageType {
    Lead,
    PreInterviewScreen,
    Active,
    Offer,
    Hired,
    Archived,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterviewStage {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub stage_type: StageType,
    pub order_in_interview_plan: u32,
    pub interview_stage_group_id: Option<String>,
    pub interview_plan_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReasonType {
    RejectedByCandidate,
    RejectedByOrg,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveReason {
    pub id: String,
    pub text: String,
    pub reason_type: ReasonType,
    pub is_archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub id: String,
    pub title: String,
    pub is_archived: bool,
    pub source_type_title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateTag {
    pub id: String,
    pub title: String,
    pub is_archived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JobStatus {
    Draft,
    Open,
    Closed,
    Archived,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Intern,
    Contract,
    Temporary,
}

/// A user holding a hiring-team role on a job or an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamMember {
    pub user_id: String,
    pub role_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub id: String,
    pub title: String,
    pub confidential: bool,
    pub status: JobStatus,
    pub employment_type: EmploymentType,
    pub location_id: Option<String>,
    pub department_id: Option<String>,
    pub default_interview_plan_id: Option<String>,
    pub interview_plan_ids: Vec<String>,
    pub custom_requisition_id: Option<String>,
    pub author_id: Option<String>,
    pub created_at: Time,
    pub updated_at: Time,
    pub opened_at: Option<Time>,
    pub closed_at: Option<Time>,
    #[serde(default)]
    pub hiring_team: Vec<TeamMember>,
    #[serde(default)]
    pub custom_fields: Vec<FieldValue>,
    #[serde(default)]
    pub compensation_tiers: Vec<CompensationTier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContactType {
    Personal,
    Work,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub value: String,
    #[serde(rename = "type")]
    pub contact_type: ContactType,
    pub is_primary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialLink {
    #[serde(rename = "type")]
    pub link_type: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub id: String,
    pub name: String,
    #[serde(deserialize_with = "crate::fixtures::exact_list")]
    pub email_addresses: Vec<Contact>,
    #[serde(deserialize_with = "crate::fixtures::exact_list")]
    pub phone_numbers: Vec<Contact>,
    pub social_links: Vec<SocialLink>,
    pub tag_ids: Vec<String>,
    pub position: Option<String>,
    pub company: Option<String>,
    pub school: Option<String>,
    pub source_id: Option<String>,
    pub credited_to_user_id: Option<String>,
    pub location_summary: Option<String>,
    /// Handles of the files attached to the candidate.
    #[serde(default)]
    pub file_handles: Vec<String>,
    #[serde(default)]
    pub resume_handle: Option<String>,
    #[serde(default)]
    pub project_ids: Vec<String>,
    #[serde(default)]
    pub custom_fields: Vec<FieldValue>,
    #[serde(default)]
    pub fraud_status: Option<String>,
    pub anonymized: bool,
    pub created_at: Time,
    pub updated_at: Time,
}

impl Candidate {
    /// Gives back the spare capacity of its lists: serde grows a list by doubling, so a record
    /// parsed with one email address holds room for four (a store of 100k candidates keeps them).
    pub fn shrink_to_fit(&mut self) {
        self.email_addresses.shrink_to_fit();
        self.phone_numbers.shrink_to_fit();
        self.social_links.shrink_to_fit();
        self.tag_ids.shrink_to_fit();
        self.file_handles.shrink_to_fit();
        self.project_ids.shrink_to_fit();
        self.custom_fields.shrink_to_fit();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationStatus {
    Hired,
    Archived,
    Active,
    Lead,
}

impl ApplicationStatus {
    /// The status an application in a stage of this type has.
    pub fn of_stage(stage: StageType) -> Self {
        match stage {
            StageType::Lead => ApplicationStatus::Lead,
            StageType::Hired => ApplicationStatus::Hired,
            StageType::Archived => ApplicationStatus::Archived,
            StageType::PreInterviewScreen | StageType::Active | StageType::Offer => {
                ApplicationStatus::Active
            }
        }
    }
}

/// One stay of an application in a stage (`application.listHistory`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StageVisit {
    pub id: String,
    pub stage_id: String,
    pub title: String,
    pub entered_stage_at: Time,
    pub left_stage_at: Option<Time>,
    pub stage_number: u32,
    pub actor_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub id: String,
    pub candidate_id: String,
    pub job_id: String,
    pub interview_plan_id: String,
    pub current_interview_stage_id: String,
    pub status: ApplicationStatus,
    pub source_id: Option<String>,
    pub credited_to_user_id: Option<String>,
    pub archive_reason_id: Option<String>,
    pub archived_at: Option<Time>,
    #[serde(deserialize_with = "crate::fixtures::exact_list")]
    pub history: Vec<StageVisit>,
    #[serde(default)]
    pub hiring_team: Vec<TeamMember>,
    #[serde(default)]
    pub custom_fields: Vec<FieldValue>,
    pub created_at: Time,
    pub updated_at: Time,
}

impl Application {
    /// Gives back the spare capacity of its lists (see [`Candidate::shrink_to_fit`]).
    pub fn shrink_to_fit(&mut self) {
        self.history.shrink_to_fit();
        self.hiring_team.shrink_to_fit();
        self.custom_fields.shrink_to_fit();
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: String,
    pub candidate_id: String,
    pub content: String,
    pub is_private: bool,
    pub author_id: Option<String>,
    pub created_at: Time,
}

/// Why a job or opening closed (`closeReason.list`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloseReason {
    pub id: String,
    pub reason_text: String,
    pub is_archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Brand {
    pub id: String,
    pub name: String,
    pub hosted_jobs_page_slug: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommunicationTemplate {
    pub id: String,
    pub title: String,
    pub intended_types: Vec<String>,
    pub created_at: Time,
    pub updated_at: Time,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobBoard {
    pub id: String,
    pub title: String,
    pub is_internal: bool,
}

/// A role on a hiring team (Recruiter, Hiring Manager, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HiringTeamRole {
    pub id: String,
    pub title: String,
}

/// A file: announced by `file.createFileUploadHandle`, its bytes uploaded to the presigned
/// URL, then attached to a candidate. The bytes are kept (base64) and served back by the URL
/// `file.info` answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredFile {
    /// The handle clients pass around.
    pub handle: String,
    pub context: String,
    pub filename: String,
    pub content_type: String,
    pub content_length: u64,
    /// Base64 of the bytes, once uploaded.
    pub data: Option<String>,
    pub created_at: Time,
}

/// A sourcing project candidates are added to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: String,
    pub title: String,
    pub is_archived: bool,
    pub confidential: bool,
    pub author_id: Option<String>,
    pub created_at: Time,
}

/// The value of one custom field on a record (candidate, application, job, opening, user).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldValue {
    pub field_id: String,
    pub value: serde_json::Value,
}

/// A custom field definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomField {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// As Ashby answers it: Application, Candidate, Employee, Job, Offer, Opening, Talent_Project.
    pub object_type: String,
    pub field_type: FieldType,
    pub is_archived: bool,
    pub is_private: bool,
    pub is_required: bool,
    pub is_exposable_to_candidate: bool,
    #[serde(default)]
    pub is_date_only_field: Option<bool>,
    #[serde(default)]
    pub selectable_values: Vec<SelectableValue>,
    pub created_at: Time,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldType {
    Boolean,
    CompensationRange,
    Currency,
    Date,
    LongText,
    MultiValueSelect,
    Number,
    NumberRange,
    String,
    ValueSelect,
    Url,
    #[serde(rename = "UUID")]
    Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectableValue {
    pub label: String,
    pub value: String,
    #[serde(default)]
    pub is_archived: bool,
}

/// A user's interviewer load limits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterviewerSettings {
    pub daily_limit: Option<i64>,
    pub weekly_limit: Option<i64>,
}

/// A period in which a user is not scheduled for interviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InterviewerPause {
    pub id: String,
    pub user_id: String,
    pub starts_at: Time,
    pub ends_at: Option<Time>,
    pub comment: Option<String>,
    pub created_at: Time,
    /// Deleted pauses are kept (tables never drop rows) but no longer listed.
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpeningState {
    Draft,
    Approved,
    Open,
    Closed,
    Filled,
}

/// A headcount slot jobs hire against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Opening {
    pub id: String,
    pub identifier: String,
    pub description: String,
    pub team_id: Option<String>,
    pub location_ids: Vec<String>,
    pub job_ids: Vec<String>,
    pub target_hire_date: Option<String>,
    pub target_start_date: Option<String>,
    pub is_backfill: bool,
    pub employment_type: EmploymentType,
    pub opening_state: OpeningState,
    pub is_archived: bool,
    pub archived_at: Option<Time>,
    pub opened_at: Option<Time>,
    pub closed_at: Option<Time>,
    pub close_reason_id: Option<String>,
    pub author_id: Option<String>,
    #[serde(default)]
    pub hiring_team: Vec<TeamMember>,
    #[serde(default)]
    pub custom_fields: Vec<FieldValue>,
    /// Every change makes a new version; this is the latest one's id.
    pub version_id: String,
    pub created_at: Time,
    pub updated_at: Time,
}

/// A job's posting on the job boards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobPosting {
    pub id: String,
    pub job_id: String,
    pub title: String,
    pub description_html: String,
    pub is_listed: bool,
    pub workplace_type: Option<String>,
    pub suppress_description_opening: bool,
    pub suppress_description_closing: bool,
    pub job_board_id: Option<String>,
    pub published_date: String,
    pub updated_at: Time,
}

/// A template jobs are created from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobTemplate {
    pub id: String,
    pub title: String,
    pub is_active: bool,
    pub location_id: Option<String>,
    pub department_id: Option<String>,
    pub default_interview_plan_id: Option<String>,
    pub created_at: Time,
    pub updated_at: Time,
}

/// A custom tracking link crediting a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceTrackingLink {
    pub id: String,
    pub code: String,
    pub enabled: bool,
    pub source_id: String,
}

/// One compensation tier of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompensationTier {
    pub id: String,
    pub title: Option<String>,
    pub additional_information: Option<String>,
    pub components: Vec<CompensationComponent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompensationComponent {
    pub id: String,
    pub compensation_type: String,
    pub interval: String,
    pub currency_code: Option<String>,
    pub label: Option<String>,
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
}

/// An email logged on a candidate's activity feed by `candidate.addEmailMessage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailMessage {
    pub id: String,
    pub candidate_id: String,
    pub email_provider_email_id: String,
    /// The API key that logged it: `emailProviderEmailId` is unique per key.
    pub api_key: String,
    pub subject: String,
    pub from: String,
    pub to: String,
    pub body: Option<String>,
    pub cc: Option<String>,
    pub message_url: Option<String>,
    pub message_id_header: Option<String>,
    pub thread_id: String,
    pub is_private: bool,
    pub user_id: Option<String>,
    pub sent_at: Time,
}

/// An API key and what it may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    pub key: String,
    pub title: String,
    /// Permission names (`candidatesRead`, `jobsWrite`, ...).
    pub permissions: Vec<String>,
    /// The confidential-jobs toggle: without it, confidential jobs (and their applications)
    /// are invisible.
    pub confidential_jobs: bool,
    /// The "Allow updating application history?" setting (`application.updateHistory`).
    #[serde(default)]
    pub allow_history_updates: bool,
    pub created_at: DateTime<Utc>,
}

/// Every permission a key can hold.
pub const ALL_PERMISSIONS: &[&str] = &[
    "apiKeysRead",
    "apiKeysWrite",
    "approvalsRead",
    "approvalsWrite",
    "candidatesRead",
    "candidatesWrite",
    "hiringProcessMetadataRead",
    "hiringProcessMetadataWrite",
    "interviewsRead",
    "interviewsWrite",
    "jobsRead",
    "jobsWrite",
    "notetakerRead",
    "offersRead",
    "offersWrite",
    "organizationRead",
    "organizationWrite",
    "reportsRead",
];
