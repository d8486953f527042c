//! Request bodies and query parameters as SmartRecruiters spells them (camelCase), parsed so
//! that errors name the field.

use super::error::SrError;
use super::model::{HiringTeamRole, Json, Labeled, Location, OnboardingStatus, SourceDetails};
use crate::http::parse_json;
use actix_web::HttpRequest;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Parses a JSON body into `T`; an empty body is a missing body.
pub fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, SrError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SrError::missing("body"));
    }
    Ok(parse_json(bytes)?)
}

/// Every value of a query parameter (SmartRecruiters repeats keys for lists: `status=A&status=B`).
pub fn query_all(req: &HttpRequest, name: &str) -> Vec<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v)
        .collect()
}

/// Every value of a repeatable enum query parameter, each parsed by `parse`; `what` names the
/// kind of value in the error.
pub fn query_enums<T>(
    req: &HttpRequest,
    name: &str,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, SrError> {
    query_all(req, name)
        .iter()
        .map(|raw| {
            parse(raw).ok_or_else(|| SrError::invalid(name, format!("'{raw}' is not a {what}")))
        })
        .collect()
}

/// One query parameter (the last if repeated).
pub fn query(req: &HttpRequest, name: &str) -> Option<String> {
    query_all(req, name).pop()
}

/// A timestamp query parameter (`updatedAfter`): RFC 3339 or a plain date.
pub fn query_time(req: &HttpRequest, name: &str) -> Result<Option<super::model::Time>, SrError> {
    let Some(raw) = query(req, name) else {
        return Ok(None);
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(&raw) {
        return Ok(Some(t.with_timezone(&chrono::Utc)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        return Ok(Some(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()));
    }
    Err(SrError::invalid(name, "must be an ISO 8601 date-time"))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateInput {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: Option<String>,
    pub location: Option<CandidateLocation>,
    pub web: Option<Web>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    pub source_details: Option<SourceDetails>,
    pub internal: Option<bool>,
}

/// `PATCH /candidates/{id}`: every field optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidatePatch {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub location: Option<CandidateLocation>,
    pub web: Option<Web>,
    pub education: Option<Vec<Education>>,
    pub experience: Option<Vec<Experience>>,
    pub internal: Option<bool>,
}

/// A candidate's location (`Location` of the candidate API).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lng: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Web {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skype: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facebook: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub twitter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// An education entry: `institution` and `degree` required.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Education {
    pub institution: String,
    pub degree: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub major: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Experience {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A typed input as the JSON the store keeps.
pub fn stored<T: Serialize>(value: T) -> Json {
    Json::from(serde_json::to_value(value).unwrap_or_default())
}

#[derive(Debug, Clone, Deserialize)]
pub struct TagsInput {
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateStatusInput {
    pub status: String,
    pub sub_status: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnboardingInput {
    pub onboarding_status: OnboardingStatus,
}

/// A reference by id (`{"id": "..."}`).
#[derive(Debug, Clone, Deserialize)]
pub struct IdRef {
    pub id: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobInput {
    pub title: String,
    pub ref_number: Option<String>,
    pub target_hiring_date: Option<NaiveDate>,
    pub department: Option<IdRef>,
    pub location: Location,
    pub industry: IdRef,
    pub function: IdRef,
    pub type_of_employment: Option<IdRef>,
    pub experience_level: IdRef,
    pub eeo_category: Option<IdRef>,
    pub compensation: Option<Value>,
    pub job_ad: Option<Value>,
    #[serde(default)]
    pub properties: Vec<Value>,
    pub language: Option<Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct JobStatusInput {
    pub status: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PositionInput {
    #[serde(rename = "type")]
    pub kind: String,
    pub position_id: Option<String>,
    pub incumbent_name: Option<String>,
    pub target_start_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HiringTeamInput {
    pub id: String,
    pub role: HiringTeamRole,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NoteInput {
    pub content: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserInput {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub system_role: IdRef,
    pub external_data: Option<String>,
    pub sso_identifier: Option<String>,
    pub sso_login_mode: Option<String>,
    pub language: Option<LanguageInput>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LanguageInput {
    pub code: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DepartmentInput {
    pub label: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UserIdsInput {
    #[serde(rename = "userIds")]
    pub user_ids: Vec<String>,
}

/// A labeled reference as inputs may give it (the label is filled from configuration).
pub fn labeled(id: &IdRef, label: &str) -> Labeled {
    Labeled {
        id: id.id.clone(),
        label: label.to_owned(),
    }
}
