//! Wire shapes: records of the [`Store`] as SmartRecruiters answers them (`CandidateDetails`,
//! `Candidate`, `Application`, `JobDetails`, `JobSummary`, `UserEntity`, ...), with `actions`
//! links on the real host.

use super::model::*;
use super::store::Store;
use crate::joined::Joined;
use serde_json::{json, Value};

pub const BASE: &str = "https://api.smartrecruiters.com";

fn link(path: String) -> Value {
    json!(Link::to([&path, "", "", ""]))
}

fn labeled(l: &Labeled) -> Value {
    json!({ "id": l.id, "label": l.label })
}

fn reason(map: &indexmap::IndexMap<String, Labeled>, id: &Option<Text>) -> Value {
    match id {
        None => Value::Null,
        Some(id) => map
            .get(id.as_str())
            .map_or_else(|| json!({ "id": id }), labeled),
    }
}

/// An `actions` link: `{url, method: GET}` on the real host, its URL written from the pieces of
/// its path when serialized (a page of 100 candidates has 500 links).
#[derive(serde::Serialize)]
struct Link<'a> {
    url: Joined<'a, 5>,
    method: &'static str,
}

impl<'a> Link<'a> {
    /// `BASE` followed by the pieces (`""` for the ones not needed).
    fn to([a, b, c, d]: [&'a str; 4]) -> Self {
        Link {
            url: Joined([BASE, a, b, c, d]),
            method: "GET",
        }
    }
}

/// `Candidate` (a search result), written straight from the store: a page of 100 is written
/// without building a JSON tree per candidate.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateView<'a> {
    id: &'a str,
    internal: bool,
    first_name: &'a Text,
    last_name: &'a Text,
    email: &'a str,
    #[serde(serialize_with = "crate::wire_time::auto")]
    created_on: &'a Time,
    #[serde(serialize_with = "crate::wire_time::auto")]
    updated_on: &'a Time,
    location: &'a Option<Json>,
    average_rating: f64,
    tags: &'a [String],
    primary_assignment: Option<AssignmentView<'a>>,
    secondary_assignments: Vec<AssignmentView<'a>>,
    /// The candidate's own data, in `CandidateDetails` only.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    details: Option<CandidateOwnData<'a>>,
    actions: CandidateActions<'a>,
}

/// What `CandidateDetails` adds to a search result.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct CandidateOwnData<'a> {
    phone_number: &'a Option<Text>,
    web: &'a Option<Json>,
    education: &'a [Json],
    experience: &'a [Json],
}

#[derive(serde::Serialize)]
struct CandidateActions<'a> {
    details: Link<'a>,
    tags: Link<'a>,
    attachments: Link<'a>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct AssignmentView<'a> {
    job: AssignedJob<'a>,
    status: CandidateStatus,
    sub_status: &'a Option<Text>,
    actions: AssignmentActions<'a>,
}

#[derive(serde::Serialize)]
struct AssignedJob<'a> {
    id: &'a Text,
    title: Option<&'a str>,
    actions: JobActions<'a>,
}

#[derive(serde::Serialize)]
struct JobActions<'a> {
    details: Link<'a>,
}

#[derive(serde::Serialize)]
struct AssignmentActions<'a> {
    application: Link<'a>,
}

fn assignment<'a>(store: &'a Store, c: &'a Candidate, a: &'a Application) -> AssignmentView<'a> {
    AssignmentView {
        job: AssignedJob {
            id: &a.job_id,
            title: store.jobs.get(&a.job_id).map(|j| j.title.as_str()),
            actions: JobActions {
                details: Link::to(["/jobs/", &a.job_id, "", ""]),
            },
        },
        status: a.status,
        sub_status: &a.sub_status,
        actions: AssignmentActions {
            application: Link::to(["/candidates/", &c.id, "/jobs/", &a.job_id]),
        },
    }
}

pub fn candidate_view<'a>(store: &'a Store, c: &'a Candidate) -> CandidateView<'a> {
    let n = c.applications.len().saturating_sub(1);
    CandidateView {
        id: &c.id,
        internal: c.internal,
        first_name: &c.first_name,
        last_name: &c.last_name,
        email: &c.email,
        created_on: &c.created_on,
        updated_on: &c.updated_on,
        location: &c.location,
        average_rating: c.average_rating,
        tags: &c.tags,
        primary_assignment: c.primary().map(|a| assignment(store, c, a)),
        secondary_assignments: c.applications[..n]
            .iter()
            .rev()
            .map(|a| assignment(store, c, a))
            .collect(),
        details: None,
        actions: CandidateActions {
            details: Link::to(["/candidates/", &c.id, "", ""]),
            tags: Link::to(["/candidates/", &c.id, "/tags", ""]),
            attachments: Link::to(["/candidates/", &c.id, "/attachments", ""]),
        },
    }
}

/// `Candidate` (search results) as a JSON tree.
pub fn candidate(store: &Store, c: &Candidate) -> Value {
    serde_json::to_value(candidate_view(store, c)).unwrap_or(Value::Null)
}

/// `CandidateDetails`: the search fields and the candidate's own data (`actions` stay last).
pub fn candidate_details_view<'a>(store: &'a Store, c: &'a Candidate) -> CandidateView<'a> {
    CandidateView {
        details: Some(CandidateOwnData {
            phone_number: &c.phone_number,
            web: &c.web,
            education: &c.education,
            experience: &c.experience,
        }),
        ..candidate_view(store, c)
    }
}

/// `CandidateDetails` as a JSON tree.
pub fn candidate_details(store: &Store, c: &Candidate) -> Value {
    serde_json::to_value(candidate_details_view(store, c)).unwrap_or(Value::Null)
}

/// `Application`.
pub fn application(store: &Store, c: &Candidate, a: &Application) -> Value {
    json!({
        "status": a.status,
        "subStatus": a.sub_status,
        "startsOn": a.starts_on,
        "source": a.source,
        "reasonOfRejection": reason(&store.rejection_reasons, &a.reason_of_rejection),
        "reasonOfWithdrawal": reason(&store.withdrawal_reasons, &a.reason_of_withdrawal),
        "actions": {
            "candidate": link(format!("/candidates/{}", c.id)),
            "job": link(format!("/jobs/{}", a.job_id)),
            "statusHistory": link(format!("/candidates/{}/jobs/{}/status/history", c.id, a.job_id)),
        },
        "url": format!("https://www.smartrecruiters.com/app/people/applications/{}/{}", a.job_id, c.id),
    })
}

/// `CandidateStatusHistoryList`.
pub fn status_history(c: &Candidate, a: &Application) -> Value {
    let content: Vec<Value> = a
        .history
        .iter()
        .map(|h| {
            json!({
                "changedOn": h.changed_on,
                "status": h.status,
                "subStatus": h.sub_status,
                "actions": {"application": link(format!("/candidates/{}/jobs/{}", c.id, a.job_id))},
            })
        })
        .collect();
    json!({ "totalFound": content.len(), "content": content })
}

fn department(store: &Store, job: &Job) -> Value {
    match &job.department_id {
        None => Value::Null,
        Some(id) => store.departments.get(id).map_or_else(
            || json!({ "id": id }),
            |d| json!({ "id": d.id, "label": d.label }),
        ),
    }
}

fn job_actions(job: &Job) -> Value {
    json!({
        "details": link(format!("/jobs/{}", job.id)),
        "hiringTeam": link(format!("/jobs/{}/hiring-team", job.id)),
        "positions": link(format!("/jobs/{}/positions", job.id)),
        "statusHistory": link(format!("/jobs/{}/status/history", job.id)),
    })
}

/// `JobSummary` (search results).
pub fn job_summary(store: &Store, job: &Job) -> Value {
    json!({
        "id": job.id,
        "title": job.title,
        "refNumber": job.ref_number,
        "createdOn": job.created_on,
        "updatedOn": job.updated_on,
        "lastActivityOn": job.last_activity_on,
        "department": department(store, job),
        "location": job.location,
        "status": job.status,
        "postingStatus": job.posting_status,
        "language": {"code": job.language},
        "actions": job_actions(job),
    })
}

/// Adds `extra` fields to a rendered record, keeping its `actions` last.
fn extended(mut base: Value, extra: Value) -> Value {
    if let (Some(base), Value::Object(extra)) = (base.as_object_mut(), extra) {
        let actions = base.shift_remove("actions");
        base.extend(extra);
        if let Some(actions) = actions {
            base.insert("actions".into(), actions);
        }
    }
    base
}

/// `JobDetails`: the summary and the job's own data.
pub fn job_details(store: &Store, job: &Job) -> Value {
    let creator = store.users.get(&job.creator_id).map_or_else(
        || json!({ "id": job.creator_id }),
        |u| json!({ "id": u.id, "firstName": u.first_name, "lastName": u.last_name }),
    );
    extended(
        job_summary(store, job),
        json!({
            "targetHiringDate": job.target_hiring_date,
            "industry": labeled(&job.industry),
            "function": labeled(&job.function),
            "typeOfEmployment": job.type_of_employment.as_ref().map(labeled),
            "experienceLevel": labeled(&job.experience_level),
            "eeoCategory": job.eeo_category.as_ref().map(labeled),
            "creator": creator,
            "compensation": job.compensation,
            "jobAd": job.job_ad,
            "properties": job.properties,
        }),
    )
}

pub fn job_history(job: &Job) -> Value {
    let content: Vec<Value> = job
        .status_history
        .iter()
        .map(|h| json!({ "changedOn": h.changed_on, "status": h.status, "actions": {"job": link(format!("/jobs/{}", job.id))} }))
        .collect();
    json!({ "totalFound": content.len(), "content": content })
}

pub fn hiring_team(store: &Store, job: &Job) -> Value {
    let content: Vec<Value> = job
        .hiring_team
        .iter()
        .map(|m| {
            let u = store.users.get(&m.user_id);
            json!({
                "id": m.user_id,
                "firstName": u.map(|u| u.first_name.clone()),
                "lastName": u.map(|u| u.last_name.clone()),
                "role": m.role,
                "actions": {"user": link(format!("/user-api/v201804/users/{}", m.user_id))},
            })
        })
        .collect();
    json!({ "totalFound": content.len(), "content": content })
}

/// `UserEntity`; the list item is the same without `location`.
pub fn user(store: &Store, u: &User) -> Value {
    let groups: Vec<Value> = u
        .access_groups
        .iter()
        .map(|g| {
            let name = store.access_groups.get(g).map(|a| a.name.clone());
            json!({ "id": g, "name": name })
        })
        .collect();
    json!({
        "id": u.id,
        "email": u.email,
        "firstName": u.first_name,
        "lastName": u.last_name,
        "systemRole": {"id": u.system_role.id(), "name": u.system_role.name()},
        "externalData": u.external_data,
        "ssoIdentifier": u.sso_identifier,
        "ssoLoginMode": u.sso_login_mode,
        "language": {"code": u.language},
        "active": u.active,
        "updatedOn": u.updated_on,
        "accessGroups": groups,
        "seats": [],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link writes `BASE` and its pieces, whether they fit the stack buffer or not.
    #[test]
    fn links_write_their_pieces_in_order() {
        let long = "x".repeat(300);
        for (pieces, path) in [
            (
                ["/candidates/", "c1", "/jobs/", "j1"],
                "/candidates/c1/jobs/j1".to_owned(),
            ),
            (["/jobs/", "j1", "", ""], "/jobs/j1".to_owned()),
            (
                ["/candidates/", &long, "/tags", ""],
                format!("/candidates/{long}/tags"),
            ),
        ] {
            assert_eq!(
                serde_json::to_value(Link::to(pieces)).unwrap(),
                json!({ "url": format!("{BASE}{path}"), "method": "GET" })
            );
        }
    }
}
