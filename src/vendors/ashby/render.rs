//! The wire shapes Ashby answers, rendered from the stored records (camelCase, with the joins
//! Ashby makes: a candidate's tags and applications, an application's candidate, stage and job).

use super::model::*;
use super::store::Store;
use crate::joined::Joined;
use crate::wire_time::Millis;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{json, Value};

/// Ashby leaves absent optional fields out rather than sending `null` (its schemas type them
/// without `null`), so rendered objects drop their null members, at every depth. `Compact`
/// does that while serializing, so an answer is not rebuilt before it is written.
pub struct Compact<'a>(pub &'a Value);

impl Serialize for Compact<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(members) => {
                let mut map = serializer.serialize_map(None)?;
                for (k, v) in members.iter().filter(|(_, v)| !v.is_null()) {
                    map.serialize_entry(k, &Compact(v))?;
                }
                map.end()
            }
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Compact(item))?;
                }
                seq.end()
            }
            other => other.serialize(serializer),
        }
    }
}

/// A value with its null members dropped, as a new tree (for answers kept rather than written,
/// such as Panora's `remote_data`).
pub fn compact(value: Value) -> Value {
    serde_json::to_value(Compact(&value)).unwrap_or(value)
}

pub fn time(t: &Time) -> String {
    Millis(*t).text()
}

fn opt_time(t: &Option<Time>) -> Value {
    t.as_ref().map(time).map_or(Value::Null, Value::String)
}

/// A user as Ashby answers it (absent optional members left out).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserView<'a> {
    id: &'a str,
    first_name: &'a str,
    last_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    global_role: GlobalRole,
    is_enabled: bool,
    updated_at: Millis,
    #[serde(skip_serializing_if = "Option::is_none")]
    manager_id: Option<&'a str>,
}

pub fn user_view(u: &User) -> UserView<'_> {
    UserView {
        id: &u.id,
        first_name: &u.first_name,
        last_name: &u.last_name,
        email: u.email.as_deref(),
        global_role: u.global_role,
        is_enabled: u.is_enabled,
        updated_at: Millis(u.updated_at),
        manager_id: u.manager_id.as_deref(),
    }
}

pub fn user(u: &User) -> Value {
    serde_json::to_value(user_view(u)).unwrap_or(Value::Null)
}

/// A user with the values of its Employee custom fields (`user.info`, `user.list`).
pub fn user_with_fields(store: &Store, u: &User) -> Value {
    let mut out = user(u);
    out["customFields"] = Value::Array(field_values(store, &u.custom_fields));
    out
}

pub fn department(d: &Department) -> Value {
    json!({
        "id": d.id, "name": d.name, "externalName": d.external_name, "isArchived": d.is_archived,
        "parentId": d.parent_id, "createdAt": time(&d.created_at), "updatedAt": time(&d.updated_at),
    })
}

pub fn location(l: &Location) -> Value {
    json!({
        "id": l.id, "name": l.name, "externalName": l.external_name, "isArchived": l.is_archived,
        "address": {"postalAddress": {
            "addressCountry": l.country, "addressRegion": l.region, "addressLocality": l.locality,
        }},
        "isRemote": l.is_remote, "workplaceType": l.workplace_type,
        "parentLocationId": l.parent_location_id, "type": l.location_type,
    })
}

pub fn plan(p: &InterviewPlan) -> Value {
    json!({
        "id": p.id, "title": p.title, "isArchived": p.is_archived,
        "createdAt": time(&p.created_at), "updatedAt": time(&p.updated_at),
    })
}

pub fn stage(s: &InterviewStage) -> Value {
    json!({
        "id": s.id, "title": s.title, "type": s.stage_type,
        "orderInInterviewPlan": s.order_in_interview_plan,
        "interviewStageGroupId": s.interview_stage_group_id, "interviewPlanId": s.interview_plan_id,
    })
}

pub fn archive_reason(r: &ArchiveReason) -> Value {
    json!({"id": r.id, "text": r.text, "reasonType": r.reason_type, "isArchived": r.is_archived})
}

/// A source as Ashby answers it (on its own and inside candidates and applications).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceView<'a> {
    id: &'a str,
    title: &'a str,
    is_archived: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_type: Option<SourceTypeView<'a>>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SourceTypeView<'a> {
    id: Joined<'a, 2>,
    title: &'a str,
    is_archived: bool,
}

pub fn source_view(s: &Source) -> SourceView<'_> {
    SourceView {
        id: &s.id,
        title: &s.title,
        is_archived: s.is_archived,
        source_type: s.source_type_title.as_deref().map(|title| SourceTypeView {
            id: Joined([&s.id, "-type"]),
            title,
            is_archived: false,
        }),
    }
}

pub fn source(s: &Source) -> Value {
    serde_json::to_value(source_view(s)).unwrap_or(Value::Null)
}

/// A tag is answered as stored: `{id, title, isArchived}`.
pub fn tag(t: &CandidateTag) -> Value {
    serde_json::to_value(t).unwrap_or(Value::Null)
}

/// A hiring team as Ashby lists it: `{email, firstName, lastName, role, userId}` per member.
pub fn hiring_team(store: &Store, team: &[TeamMember]) -> Vec<Value> {
    team.iter().filter_map(|m| team_member(store, m)).collect()
}

pub fn team_member(store: &Store, m: &TeamMember) -> Option<Value> {
    let user = store.users.get(&m.user_id)?;
    let role = store.hiring_team_roles.get(&m.role_id)?;
    Some(json!({
        "email": user.email, "firstName": user.first_name, "lastName": user.last_name,
        "role": role.title, "userId": user.id,
    }))
}

pub fn job(store: &Store, j: &Job) -> Value {
    json!({
        "id": j.id, "title": j.title, "confidential": j.confidential, "status": j.status,
        "employmentType": j.employment_type, "locationId": j.location_id,
        "departmentId": j.department_id, "defaultInterviewPlanId": j.default_interview_plan_id,
        "interviewPlanIds": j.interview_plan_ids,
        "customFields": field_values(store, &j.custom_fields),
        "jobPostingIds": posting_ids(store, j, false),
        "customRequisitionId": j.custom_requisition_id, "brandId": null,
        "hiringTeam": hiring_team(store, &j.hiring_team),
        "author": j.author_id.as_deref().and_then(|id| store.users.get(id)).map(user),
        "createdAt": time(&j.created_at), "updatedAt": time(&j.updated_at),
        "openedAt": opt_time(&j.opened_at), "closedAt": opt_time(&j.closed_at),
    })
}

/// A job's posting ids: published ones (the job is Open) unless `unpublished` asks for all.
pub fn posting_ids(store: &Store, j: &Job, unpublished: bool) -> Vec<String> {
    if !unpublished && j.status != JobStatus::Open {
        return Vec::new();
    }
    store
        .job_postings
        .values()
        .filter(|p| p.job_id == j.id)
        .map(|p| p.id.clone())
        .collect()
}

/// `job.info` / `job.list` with their options: every posting id, and the `location` and
/// `openings` expansions.
pub fn job_view(
    store: &Store,
    j: &Job,
    unpublished: bool,
    location: bool,
    openings: bool,
) -> Value {
    let mut out = job(store, j);
    if unpublished {
        out["jobPostingIds"] = json!(posting_ids(store, j, true));
    }
    if location {
        out["location"] = j
            .location_id
            .as_deref()
            .and_then(|l| store.locations.get(l))
            .map_or(Value::Null, self::location);
    }
    if openings {
        out["openings"] = store
            .openings
            .values()
            .filter(|o| o.job_ids.contains(&j.id))
            .map(|o| opening(store, o))
            .collect();
    }
    out
}

fn primary(contacts: &[Contact]) -> Value {
    primary_contact(contacts).map_or(Value::Null, |c| json!(c))
}

/// A candidate as Ashby answers it, serialized straight from the store: the hot paths
/// (`candidate.info`, `candidate.list`, `candidate.create`) write it without building a JSON
/// tree. Absent optional members are left out, as [`Compact`] does for trees.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CandidateView<'a> {
    id: &'a str,
    created_at: Millis,
    updated_at: Millis,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_email_address: Option<&'a Contact>,
    email_addresses: &'a [Contact],
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_phone_number: Option<&'a Contact>,
    phone_numbers: &'a [Contact],
    social_links: &'a [SocialLink],
    tags: Vec<&'a CandidateTag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    school: Option<&'a str>,
    application_ids: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resume_file_handle: Option<FileHandleView<'a>>,
    file_handles: Vec<FileHandleView<'a>>,
    custom_fields: Vec<FieldValueView<'a>>,
    profile_url: Joined<'a, 2>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credited_to_user: Option<UserView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<LocationView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fraud_status: Option<&'a str>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationView<'a> {
    id: Joined<'a, 2>,
    location_summary: &'a str,
    location_components: [(); 0],
}

fn primary_contact(contacts: &[Contact]) -> Option<&Contact> {
    contacts
        .iter()
        .find(|c| c.is_primary)
        .or_else(|| contacts.first())
}

pub fn candidate_view<'a>(store: &'a Store, c: &'a Candidate) -> CandidateView<'a> {
    CandidateView {
        id: &c.id,
        created_at: Millis(c.created_at),
        updated_at: Millis(c.updated_at),
        name: &c.name,
        primary_email_address: primary_contact(&c.email_addresses),
        email_addresses: &c.email_addresses,
        primary_phone_number: primary_contact(&c.phone_numbers),
        phone_numbers: &c.phone_numbers,
        social_links: &c.social_links,
        tags: c
            .tag_ids
            .iter()
            .filter_map(|id| store.tags.get(id))
            .collect(),
        position: c.position.as_deref(),
        company: c.company.as_deref(),
        school: c.school.as_deref(),
        application_ids: store
            .applications_of(&c.id)
            .map(|a| a.id.as_str())
            .collect(),
        resume_file_handle: c
            .resume_handle
            .as_deref()
            .and_then(|h| file_handle_view(store, h)),
        file_handles: c
            .file_handles
            .iter()
            .filter_map(|h| file_handle_view(store, h))
            .collect(),
        custom_fields: field_value_views(store, &c.custom_fields),
        profile_url: Joined([
            "https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/",
            &c.id,
        ]),
        source: c
            .source_id
            .as_deref()
            .and_then(|id| store.sources.get(id))
            .map(source_view),
        credited_to_user: c
            .credited_to_user_id
            .as_deref()
            .and_then(|id| store.users.get(id))
            .map(user_view),
        location: c.location_summary.as_deref().map(|summary| LocationView {
            id: Joined([&c.id, "-location"]),
            location_summary: summary,
            location_components: [],
        }),
        fraud_status: c.fraud_status.as_deref(),
    }
}

/// A candidate as a JSON tree (for answers that embed it or keep it).
pub fn candidate(store: &Store, c: &Candidate) -> Value {
    serde_json::to_value(candidate_view(store, c)).unwrap_or(Value::Null)
}

pub fn application(store: &Store, a: &Application) -> Value {
    let candidate = store.candidates.get(&a.candidate_id);
    let job = store.jobs.get(&a.job_id);
    json!({
        "id": a.id, "createdAt": time(&a.created_at), "updatedAt": time(&a.updated_at),
        "status": a.status, "customFields": field_values(store, &a.custom_fields),
        "candidate": candidate.map(|c| json!({
            "id": c.id, "name": c.name,
            "primaryEmailAddress": primary(&c.email_addresses),
            "primaryPhoneNumber": primary(&c.phone_numbers),
        })),
        "currentInterviewStage": store.stages.get(&a.current_interview_stage_id).map(stage),
        "source": a.source_id.as_deref().and_then(|id| store.sources.get(id)).map(source),
        "archiveReason": a.archive_reason_id.as_deref().and_then(|id| store.archive_reasons.get(id)).map(|r| {
            let mut r = archive_reason(r);
            r["customFields"] = json!([]);
            r
        }),
        "archivedAt": opt_time(&a.archived_at),
        "job": job.map(|j| json!({
            "id": j.id, "title": j.title, "locationId": j.location_id, "departmentId": j.department_id,
        })),
        "creditedToUser": a.credited_to_user_id.as_deref().and_then(|id| store.users.get(id)).map(user),
        "hiringTeam": hiring_team(store, &a.hiring_team),
        "appliedViaJobPostingId": null,
    })
}

pub fn project(p: &Project) -> Value {
    json!({
        "id": p.id, "title": p.title, "isArchived": p.is_archived, "confidential": p.confidential,
        "authorId": p.author_id, "createdAt": time(&p.created_at), "customFieldEntries": [],
    })
}

/// `{id, name, handle}` of a stored file.
/// A file as records refer to it: `{id, name, handle}`.
#[derive(serde::Serialize)]
pub struct FileHandleView<'a> {
    id: &'a str,
    name: &'a str,
    handle: &'a str,
}

pub fn file_handle_view<'a>(store: &'a Store, handle: &str) -> Option<FileHandleView<'a>> {
    store.files.get(handle).map(|f| FileHandleView {
        id: &f.handle,
        name: &f.filename,
        handle: &f.handle,
    })
}

pub fn file_handle(store: &Store, handle: &str) -> Option<Value> {
    file_handle_view(store, handle).and_then(|f| serde_json::to_value(f).ok())
}

pub fn visit(v: &StageVisit) -> Value {
    json!({
        "id": v.id, "stageId": v.stage_id, "title": v.title,
        "enteredStageAt": time(&v.entered_stage_at), "leftStageAt": opt_time(&v.left_stage_at),
        "stageNumber": v.stage_number, "allowedActions": ["none"], "actorId": v.actor_id,
    })
}

pub fn note(store: &Store, n: &Note) -> Value {
    let author = n.author_id.as_deref().and_then(|id| store.users.get(id));
    json!({
        "id": n.id, "createdAt": time(&n.created_at), "isPrivate": n.is_private,
        "content": n.content,
        "author": author.map(|u| json!({"id": u.id, "firstName": u.first_name, "lastName": u.last_name, "email": u.email})),
    })
}

/// The values set on a record, as `customFields` lists them: `{id, isPrivate, title,
/// valueLabel, value}` (`valueLabel` for select fields only).
pub fn field_values(store: &Store, values: &[FieldValue]) -> Vec<Value> {
    field_value_views(store, values)
        .into_iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect()
}

/// A record's value of a custom field: `{id, isPrivate, title, valueLabel, value}`; the label
/// only for select fields (the selectable value's label, or the value when none matches).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldValueView<'a> {
    id: &'a str,
    is_private: bool,
    title: &'a str,
    #[serde(skip_serializing_if = "Value::is_null", serialize_with = "compacted")]
    value_label: Value,
    #[serde(skip_serializing_if = "is_null", serialize_with = "compacted")]
    value: &'a Value,
}

fn is_null(v: &&Value) -> bool {
    v.is_null()
}

fn compacted<S: Serializer, V: std::borrow::Borrow<Value>>(
    v: &V,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    Compact(v.borrow()).serialize(serializer)
}

pub fn field_value_view<'a>(f: &'a CustomField, value: &'a Value) -> FieldValueView<'a> {
    let label_of = |v: &Value| {
        f.selectable_values
            .iter()
            .find(|s| Some(s.value.as_str()) == v.as_str())
            .map_or_else(|| v.clone(), |s| Value::String(s.label.clone()))
    };
    let value_label = match (f.field_type, value) {
        (FieldType::ValueSelect, v) => label_of(v),
        (FieldType::MultiValueSelect, Value::Array(items)) => {
            Value::Array(items.iter().map(label_of).collect())
        }
        _ => Value::Null,
    };
    FieldValueView {
        id: &f.id,
        is_private: f.is_private,
        title: &f.title,
        value_label,
        value,
    }
}

pub fn field_value(f: &CustomField, value: &Value) -> Value {
    serde_json::to_value(field_value_view(f, value)).unwrap_or(Value::Null)
}

/// The values of a record's custom fields whose definitions exist.
pub fn field_value_views<'a>(
    store: &'a Store,
    values: &'a [FieldValue],
) -> Vec<FieldValueView<'a>> {
    values
        .iter()
        .filter_map(|v| {
            Some(field_value_view(
                store.custom_fields.get(&v.field_id)?,
                &v.value,
            ))
        })
        .collect()
}

pub fn custom_field(f: &CustomField) -> Value {
    json!({
        "id": f.id, "isPrivate": f.is_private, "title": f.title, "objectType": f.object_type,
        "isArchived": f.is_archived, "fieldType": f.field_type, "isRequired": f.is_required,
        "selectableValues": matches!(f.field_type, FieldType::ValueSelect | FieldType::MultiValueSelect)
            .then_some(&f.selectable_values),
    })
}

pub fn interviewer_pause(p: &InterviewerPause) -> Value {
    json!({
        "id": p.id, "userId": p.user_id, "startsAt": time(&p.starts_at),
        "endsAt": opt_time(&p.ends_at), "comment": p.comment, "createdAt": time(&p.created_at),
    })
}

pub fn opening(store: &Store, o: &Opening) -> Value {
    json!({
        "id": o.id, "openedAt": opt_time(&o.opened_at), "closedAt": opt_time(&o.closed_at),
        "isArchived": o.is_archived, "archivedAt": opt_time(&o.archived_at),
        "closeReasonId": o.close_reason_id, "openingState": o.opening_state,
        "latestVersion": {
            "id": o.version_id, "identifier": o.identifier, "description": o.description,
            "authorId": o.author_id, "createdAt": time(&o.updated_at), "teamId": o.team_id,
            "jobIds": o.job_ids, "targetHireDate": o.target_hire_date,
            "targetStartDate": o.target_start_date, "isBackfill": o.is_backfill,
            "employmentType": o.employment_type, "locationIds": o.location_ids,
            "hiringTeam": hiring_team(store, &o.hiring_team),
            "customFields": field_values(store, &o.custom_fields),
        },
    })
}

/// The fields `jobPosting.list` and `jobPosting.info` share.
fn posting_summary(store: &Store, p: &JobPosting) -> Value {
    let job = store.jobs.get(&p.job_id);
    let department = job
        .and_then(|j| j.department_id.as_deref())
        .and_then(|d| store.departments.get(d));
    let location = job
        .and_then(|j| j.location_id.as_deref())
        .and_then(|l| store.locations.get(l));
    let employment_type = job.map(|j| j.employment_type);
    json!({
        "id": p.id, "title": p.title, "jobId": p.job_id,
        "departmentName": department.map_or("", |d| d.name.as_str()),
        "teamName": department.map_or("", |d| d.name.as_str()),
        "locationName": location.map_or("", |l| l.name.as_str()),
        "locationIds": {
            "primaryLocationId": location.map(|l| l.id.as_str()),
            "secondaryLocationIds": [],
        },
        "workplaceType": p.workplace_type, "employmentType": employment_type,
        "isListed": p.is_listed, "publishedDate": p.published_date,
        "externalLink": format!("https://jobs.ashbyhq.com/{}/{}", store.organization.replace(' ', ""), p.id),
        "applyLink": format!("https://jobs.ashbyhq.com/{}/{}/application", store.organization.replace(' ', ""), p.id),
        "shouldDisplayCompensationOnJobBoard": false,
        "updatedAt": time(&p.updated_at),
    })
}

pub fn job_posting_summary(store: &Store, p: &JobPosting) -> Value {
    posting_summary(store, p)
}

/// `jobPosting.info`: the summary with the description and its parts.
pub fn job_posting(store: &Store, p: &JobPosting) -> Value {
    let mut out = posting_summary(store, p);
    let plain = strip_tags(&p.description_html);
    let part = |html: &str| json!({"html": html, "plain": strip_tags(html)});
    let brand = store.brands.values().next().map(|b| b.name.clone());
    let opening = (!p.suppress_description_opening).then(|| {
        part(&format!(
            "<p>About {}</p>",
            brand.clone().unwrap_or_default()
        ))
    });
    let closing = (!p.suppress_description_closing)
        .then(|| part("<p>We are an equal opportunity employer.</p>"));
    let tiers: Vec<Value> = store
        .jobs
        .get(&p.job_id)
        .map(|j| j.compensation_tiers.iter().map(compensation_tier).collect())
        .unwrap_or_default();
    let mut html = String::new();
    for piece in [
        opening.as_ref(),
        Some(&part(&p.description_html)),
        closing.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        html.push_str(piece["html"].as_str().unwrap_or_default());
    }
    let extra = json!({
        "descriptionPlain": strip_tags(&html), "descriptionHtml": html,
        "descriptionSocial": plain.chars().take(200).collect::<String>(),
        "descriptionParts": {
            "descriptionOpening": opening, "descriptionBody": part(&p.description_html),
            "descriptionClosing": closing,
        },
        "teamNameHierarchy": [out["teamName"].clone()],
        "isRemote": p.workplace_type.as_deref() == Some("Remote"),
        "linkedData": {
            "@context": "https://schema.org/", "@type": "JobPosting", "title": p.title,
            "description": html, "identifier": {"@type": "PropertyValue", "name": store.organization, "value": p.id},
            "datePosted": p.published_date,
            "hiringOrganization": {"@type": "Organization", "name": store.organization},
            "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress"}},
            "employmentType": match store.jobs.get(&p.job_id).map(|j| j.employment_type) {
                Some(EmploymentType::PartTime) => "PART_TIME",
                Some(EmploymentType::Contract) => "CONTRACTOR",
                Some(EmploymentType::Temporary) => "TEMPORARY",
                Some(EmploymentType::Intern) => "INTERN",
                _ => "FULL_TIME",
            },
        },
        "applicationFormDefinition": {"sections": [{"fields": [
            form_field(&p.id, "_systemfield_name", "Name", "String"),
            form_field(&p.id, "_systemfield_email", "Email", "Email"),
            form_field(&p.id, "_systemfield_resume", "Resume", "File"),
        ]}]},
        "surveyFormDefinitions": [],
        "compensation": {
            "compensationTierSummary": tiers.iter().map(|t| t["tierSummary"].as_str().unwrap_or_default().to_owned()).collect::<Vec<_>>().join(" | "),
            "compensationTiers": tiers,
            "summaryComponents": [],
            "shouldDisplayCompensationOnJobBoard": false,
        },
        "suppressDescriptionOpening": p.suppress_description_opening,
        "suppressDescriptionClosing": p.suppress_description_closing,
    });
    if let (Value::Object(o), Value::Object(e)) = (&mut out, extra) {
        o.extend(e);
    }
    out
}

/// A field of the application form: the ids are derived from the posting, so stable.
fn form_field(posting: &str, path: &str, title: &str, kind: &str) -> Value {
    let id = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("{posting}/{path}").as_bytes(),
    );
    json!({"isRequired": true, "field": {
        "id": id.to_string(), "path": path, "humanReadablePath": title, "title": title,
        "type": kind, "isNullable": false,
    }})
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

pub fn job_template(t: &JobTemplate) -> Value {
    json!({
        "id": t.id, "title": t.title, "status": if t.is_active { "Active" } else { "Inactive" },
        "locationId": t.location_id, "departmentId": t.department_id,
        "defaultInterviewPlanId": t.default_interview_plan_id,
        "interviewPlanIds": t.default_interview_plan_id.iter().collect::<Vec<_>>(),
        "createdAt": time(&t.created_at), "updatedAt": time(&t.updated_at),
    })
}

pub fn source_tracking_link(l: &SourceTrackingLink) -> Value {
    json!({
        "id": l.id, "code": l.code, "enabled": l.enabled, "sourceId": l.source_id,
        "link": format!("https://jobs.ashbyhq.com/?utm_source={}", l.code),
    })
}

pub fn compensation_tier(t: &CompensationTier) -> Value {
    let summary: Vec<String> = t.components.iter().map(component_summary).collect();
    json!({
        "id": t.id, "title": t.title, "additionalInformation": t.additional_information,
        "components": t.components.iter().map(|c| json!({
            "id": c.id, "summary": component_summary(c), "compensationType": c.compensation_type,
            "interval": c.interval, "currencyCode": c.currency_code, "label": c.label,
            "minValue": c.min_value, "maxValue": c.max_value,
        })).collect::<Vec<_>>(),
        "tierSummary": summary.join(" • "),
    })
}

fn component_summary(c: &CompensationComponent) -> String {
    let amount = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v}"));
    let range = match (c.min_value, c.max_value) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", amount(Some(a)), amount(Some(b))),
        (a, b) => amount(a.or(b)),
    };
    let currency = c
        .currency_code
        .as_deref()
        .map_or(String::new(), |c| format!("{c} "));
    format!(
        "{}{} {} ({})",
        currency, range, c.compensation_type, c.interval
    )
    .trim()
    .to_owned()
}

pub fn email_message(m: &EmailMessage) -> Value {
    json!({
        "id": m.id, "candidateId": m.candidate_id, "emailProviderEmailId": m.email_provider_email_id,
        "subject": m.subject, "from": m.from, "to": m.to, "body": m.body,
        "sentAt": time(&m.sent_at), "cc": m.cc, "messageUrl": m.message_url,
        "messageIdHeader": m.message_id_header, "threadId": m.thread_id,
        "isPrivate": m.is_private, "userIsSender": m.user_id.is_some(),
    })
}
