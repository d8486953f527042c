//! Pandapé wire types. Responses are camelCase (the .NET default); request bodies are PascalCase,
//! and (as ASP.NET binds them) property names are matched case-insensitively: `isConfidential`
//! and `IsConfidential` are the same field. Ids are integers per company.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A company user's role (`UserRole.Company_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum UserRole {
    #[serde(rename = "Company_Administrator")]
    Administrator,
    #[serde(rename = "Company_Supervisor")]
    Supervisor,
    #[serde(rename = "Company_Manager")]
    Manager,
    #[serde(rename = "Company_Recruiter")]
    Recruiter,
    #[serde(rename = "Company_Interviewer")]
    Interviewer,
    #[serde(rename = "Company_Contributor")]
    Contributor,
    #[serde(rename = "Company_Requisitor")]
    Requisitor,
}

impl UserRole {
    pub const ALL: [UserRole; 7] = [
        UserRole::Administrator,
        UserRole::Supervisor,
        UserRole::Manager,
        UserRole::Recruiter,
        UserRole::Interviewer,
        UserRole::Contributor,
        UserRole::Requisitor,
    ];

    /// The wire name (`Company_Administrator`).
    pub fn name(self) -> &'static str {
        match self {
            UserRole::Administrator => "Company_Administrator",
            UserRole::Supervisor => "Company_Supervisor",
            UserRole::Manager => "Company_Manager",
            UserRole::Recruiter => "Company_Recruiter",
            UserRole::Interviewer => "Company_Interviewer",
            UserRole::Contributor => "Company_Contributor",
            UserRole::Requisitor => "Company_Requisitor",
        }
    }
}

/// The seven permission flags of a user (absent flags read as false).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", default)]
pub struct Permissions {
    pub is_allowed_to_publish: bool,
    pub is_request_manager: bool,
    pub is_onboarding_manager: bool,
    pub is_allowed_to_request: bool,
    pub is_allowed_to_change_request_flow: bool,
    pub is_allowed_to_override_request: bool,
    pub is_allowed_to_prime: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: u64,
    pub name: String,
    pub surname: String,
    pub email: String,
    pub phone: Option<String>,
    pub role: UserRole,
    pub is_active: bool,
    #[serde(flatten)]
    pub permissions: Permissions,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Body of `POST /v2/company/users` and `PUT /v2/company/users/{id}`: `Name`, `Surname` and
/// `Email` required, flags false when absent, `Role` Company_Recruiter when absent.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct UserInput {
    pub name: Option<String>,
    pub surname: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: Option<UserRole>,
    pub is_allowed_to_publish: Option<bool>,
    pub is_request_manager: Option<bool>,
    pub is_onboarding_manager: Option<bool>,
    pub is_allowed_to_request: Option<bool>,
    pub is_allowed_to_change_request_flow: Option<bool>,
    pub is_allowed_to_override_request: Option<bool>,
    pub is_allowed_to_prime: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum VacancyStatus {
    Draft,
    Published,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vacancy {
    pub id: u64,
    /// The recruiter responsible for it.
    pub id_user: u64,
    /// The request (requisition) it fills, if any.
    pub id_request: Option<u64>,
    pub reference: Option<String>,
    pub job: String,
    pub job_complement: Option<String>,
    pub id_category1: u64,
    pub id_category2: Option<u64>,
    pub id_managerial_level: Option<u64>,
    pub id_location1: Option<u64>,
    pub id_location2: Option<u64>,
    pub id_location3: Option<u64>,
    pub description: String,
    pub number_vacancies: u32,
    pub id_contract_work_type: Option<u64>,
    pub id_working_hours: Option<u64>,
    pub id_work_method: Option<u64>,
    pub salary_min: Option<String>,
    pub salary_max: Option<String>,
    pub hide_salary: bool,
    pub cep: Option<String>,
    pub vacancy_location_type: Option<String>,
    pub company_hidden: bool,
    /// Users (Contributors, Interviewers) who work on it besides `idUser`.
    pub assigned_user_ids: Vec<u64>,
    pub status: VacancyStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Body of `POST /v2/vacancies`: `Job`, `Description` and `IdCategory1` required; `Publish`
/// publishes at once (needs `IsAllowedToPublish`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct VacancyInput {
    pub id_user: Option<u64>,
    pub id_request_to_associate: Option<u64>,
    pub reference: Option<String>,
    pub job: Option<String>,
    pub job_complement: Option<String>,
    pub id_category1: Option<u64>,
    pub id_category2: Option<u64>,
    pub id_managerial_level: Option<u64>,
    pub id_location1: Option<u64>,
    pub id_location2: Option<u64>,
    pub id_location3: Option<u64>,
    pub description: Option<String>,
    pub number_vacancies: Option<u32>,
    pub id_contract_work_type: Option<u64>,
    pub id_working_hours: Option<u64>,
    pub id_work_method: Option<u64>,
    pub salary_min: Option<String>,
    pub salary_max: Option<String>,
    pub hide_salary: Option<bool>,
    #[serde(rename = "CEP")]
    pub cep: Option<String>,
    pub vacancy_location_type: Option<String>,
    pub company_hidden: Option<bool>,
    pub assigned_user_ids: Option<Vec<u64>>,
    pub publish: Option<bool>,
}

/// The statuses of a vacancy request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum RequestStatus {
    Draft,
    PendingApproval,
    Approved,
    Denied,
    Assigned,
    InProcess,
    Completed,
    Filed,
    Archived,
    Canceled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldValue {
    pub id_request_field: u64,
    pub value: String,
}

/// A request manager's decision on a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    pub id_user: u64,
    /// `Approved` or `Denied`.
    pub decision: RequestStatus,
    /// Whether the approver held `IsAllowedToPrime` (a final approval).
    pub is_final: bool,
    pub date: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub from: Option<RequestStatus>,
    pub to: RequestStatus,
    pub id_user: u64,
    pub comment: Option<String>,
    pub date: DateTime<Utc>,
}

/// A vacancy request (requisition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    pub id: u64,
    /// Who asked for it.
    pub id_user: u64,
    pub job: String,
    pub id_category1: Option<u64>,
    pub id_category2: Option<u64>,
    pub id_managerial_level: Option<u64>,
    pub number_vacancies: u32,
    pub id_request_reason: Option<u64>,
    pub external_code: Option<String>,
    pub description: Option<String>,
    pub is_confidential: bool,
    pub custom_fields: Vec<CustomFieldValue>,
    pub status: RequestStatus,
    /// The recruiter it was assigned to.
    pub id_recruiter: Option<u64>,
    /// The vacancy that fills it.
    pub id_vacancy: Option<u64>,
    pub approvals: Vec<Approval>,
    pub status_history: Vec<StatusChange>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct CustomFieldInput {
    pub id_request_field: u64,
    pub value: String,
}

/// Body of `POST /v2/requests`: `Job` required; `Submit: true` sends it for approval at once.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct RequestInput {
    pub job: Option<String>,
    pub id_category1: Option<u64>,
    pub id_category2: Option<u64>,
    pub id_managerial_level: Option<u64>,
    pub number_vacancies: Option<u32>,
    pub id_request_reason: Option<u64>,
    pub external_code: Option<String>,
    pub description: Option<String>,
    pub is_confidential: Option<bool>,
    pub custom_fields: Option<Vec<CustomFieldInput>>,
    pub submit: Option<bool>,
}

/// Body of `PUT /v2/requests/{id}/status`.
#[derive(Debug, Clone, PartialEq, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct StatusInput {
    pub status: RequestStatus,
    pub comment: Option<String>,
    /// With `Assigned`: the recruiter who takes it.
    pub id_recruiter: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MatchCandidate {
    pub name: String,
    pub surname: String,
    pub email: String,
    pub phone: Option<String>,
}

/// A candidate matched to a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RequestMatch {
    pub id: u64,
    pub id_request: u64,
    pub id_vacancy: Option<u64>,
    pub candidate: MatchCandidate,
    /// Where the candidate stands in the selection process.
    pub stage: String,
    pub id_user: u64,
    pub created_at: DateTime<Utc>,
}

/// Body of `POST /v2/request-matches`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(rename_all = "PascalCase")]
pub struct MatchInput {
    pub id_request: Option<u64>,
    pub name: Option<String>,
    pub surname: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomField {
    pub id: u64,
    pub name: String,
    /// `Text`, `Number`, `Date` or `List` (values from `idDatasource`).
    #[serde(rename = "type")]
    pub field_type: String,
    pub is_required: bool,
    pub id_datasource: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DataSourceItem {
    pub id: u64,
    pub id_datasource: u64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FormAnswer {
    pub field_name: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FormDocument {
    pub name: String,
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AdmissionForm {
    pub name: String,
    pub answers: Vec<FormAnswer>,
    pub documents: Vec<FormDocument>,
}

/// An admission (pre-hire) record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Precollaborator {
    pub id: u64,
    pub name: String,
    pub surname: String,
    pub email: String,
    pub admission_date: DateTime<Utc>,
    pub vacancy_job: String,
    pub vacancy_reference: Option<String>,
    pub current_folder_name: String,
    pub forms: Vec<AdmissionForm>,
    pub link: Vec<String>,
}
