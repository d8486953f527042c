//! The wire shapes Ashby answers, rendered from the stored records (camelCase, with the joins
//! Ashby makes: a candidate's tags and applications, an application's candidate, stage and job).

use super::model::*;
use super::store::Store;
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

fn time(t: &Time) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn opt_time(t: &Option<Time>) -> Value {
    t.as_ref().map(time).map_or(Value::Null, Value::String)
}

pub fn user(u: &User) -> Value {
    json!({
        "id": u.id, "firstName": u.first_name, "lastName": u.last_name, "email": u.email,
        "globalRole": u.global_role, "isEnabled": u.is_enabled, "updatedAt": time(&u.updated_at),
        "managerId": u.manager_id,
    })
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

pub fn source(s: &Source) -> Value {
    let source_type = s
        .source_type_title
        .as_ref()
        .map(|title| json!({"id": format!("{}-type", s.id), "title": title, "isArchived": false}));
    json!({"id": s.id, "title": s.title, "isArchived": s.is_archived, "sourceType": source_type})
}

pub fn tag(t: &CandidateTag) -> Value {
    json!({"id": t.id, "title": t.title, "isArchived": t.is_archived})
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
        "interviewPlanIds": j.interview_plan_ids, "customFields": [], "jobPostingIds": [],
        "customRequisitionId": j.custom_requisition_id, "brandId": null,
        "hiringTeam": hiring_team(store, &j.hiring_team),
        "author": j.author_id.as_deref().and_then(|id| store.users.get(id)).map(user),
        "createdAt": time(&j.created_at), "updatedAt": time(&j.updated_at),
        "openedAt": opt_time(&j.opened_at), "closedAt": opt_time(&j.closed_at),
    })
}

fn primary(contacts: &[Contact]) -> Value {
    contacts
        .iter()
        .find(|c| c.is_primary)
        .or_else(|| contacts.first())
        .map_or(Value::Null, |c| json!(c))
}

pub fn candidate(store: &Store, c: &Candidate) -> Value {
    let tags: Vec<Value> = c
        .tag_ids
        .iter()
        .filter_map(|id| store.tags.get(id))
        .map(tag)
        .collect();
    let applications: Vec<&str> = store
        .applications_of(&c.id)
        .map(|a| a.id.as_str())
        .collect();
    json!({
        "id": c.id, "createdAt": time(&c.created_at), "updatedAt": time(&c.updated_at),
        "name": c.name,
        "primaryEmailAddress": primary(&c.email_addresses), "emailAddresses": c.email_addresses,
        "primaryPhoneNumber": primary(&c.phone_numbers), "phoneNumbers": c.phone_numbers,
        "socialLinks": c.social_links, "tags": tags, "position": c.position,
        "company": c.company, "school": c.school, "applicationIds": applications,
        "resumeFileHandle": c.resume_handle.as_deref().and_then(|h| file_handle(store, h)),
        "fileHandles": c.file_handles.iter().filter_map(|h| file_handle(store, h)).collect::<Vec<_>>(),
        "customFields": [],
        "profileUrl": format!("https://app.ashbyhq.com/candidate-searches/new/right-side/candidates/{}", c.id),
        "source": c.source_id.as_deref().and_then(|id| store.sources.get(id)).map(source),
        "creditedToUser": c.credited_to_user_id.as_deref().and_then(|id| store.users.get(id)).map(user),
        "timezone": null,
        "location": c.location_summary.as_ref().map(|summary| json!({
            "id": format!("{}-location", c.id), "locationSummary": summary, "locationComponents": [],
        })),
        "fraudStatus": null,
    })
}

pub fn application(store: &Store, a: &Application) -> Value {
    let candidate = store.candidates.get(&a.candidate_id);
    let job = store.jobs.get(&a.job_id);
    json!({
        "id": a.id, "createdAt": time(&a.created_at), "updatedAt": time(&a.updated_at),
        "status": a.status, "customFields": [],
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
pub fn file_handle(store: &Store, handle: &str) -> Option<Value> {
    store
        .files
        .get(handle)
        .map(|f| json!({"id": f.handle, "name": f.filename, "handle": f.handle}))
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
