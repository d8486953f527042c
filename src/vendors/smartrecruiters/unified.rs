//! SmartRecruiters in Panora's unified ATS model: users (`systemRole` -> `access_role`), jobs
//! (CREATED DRAFT; SOURCING, INTERVIEW, OFFER OPEN; ON_HOLD PENDING; FILLED CLOSED; CANCELLED
//! ARCHIVED), departments, predefined locations as offices, rejection reasons, the candidate
//! statuses as job interview stages, candidates, their applications (one per job, remote id
//! `<candidate id>:<job id>`) and attachments. Activities, tags (plain strings here),
//! interviews, offers, scorecards and EEOC answers are empty.
//!
//! Unified writes act as the company's first active ADMINISTRATOR and run SmartRecruiters'
//! rules: a candidate needs a first name, last name and valid email; an application needs a
//! job that still takes candidates (not FILLED or CANCELLED) and a candidate not yet on it.

use super::input::CandidateInput;
use super::model::*;
use super::render;
use super::rules;
use super::store::Store;
use super::tenant::SrTenant;
use crate::vendors::unified::*;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Panora's `access_role` for a SmartRecruiters system role.
pub fn access_role(role: SystemRole) -> &'static str {
    match role {
        SystemRole::Administrator => "SUPER_ADMIN",
        SystemRole::Extended => "ADMIN",
        SystemRole::Standard => "TEAM_MEMBER",
        SystemRole::Restricted => "LIMITED_TEAM_MEMBER",
        SystemRole::Employee => "INTERVIEWER",
    }
}

/// Panora's job status for a SmartRecruiters job status.
pub fn job_status(status: JobStatus) -> Option<&'static str> {
    Some(match status {
        JobStatus::Created => "DRAFT",
        JobStatus::Sourcing | JobStatus::Interview | JobStatus::Offer => "OPEN",
        JobStatus::OnHold => "PENDING",
        JobStatus::Filled => "CLOSED",
        JobStatus::Cancelled => "ARCHIVED",
        JobStatus::Other => return None,
    })
}

fn application_id(c: &Candidate, a: &Application) -> String {
    format!("{}:{}", c.id, a.job_id)
}

fn user(s: &Store, u: &User) -> UnifiedRecord {
    UnifiedRecord::new(
        UnifiedKind::User,
        u.id.clone(),
        (u.updated_on, u.updated_on),
        json!({
            "first_name": u.first_name, "last_name": u.last_name, "email": u.email,
            "disabled": !u.active, "access_role": access_role(u.system_role),
            "remote_created_at": null, "remote_modified_at": time(&u.updated_on),
        }),
        Vec::new(),
        render::user(s, u),
    )
}

fn job(s: &Store, j: &Job) -> UnifiedRecord {
    let team = |role: HiringTeamRole| -> Vec<String> {
        j.hiring_team
            .iter()
            .filter(|m| m.role == role)
            .map(|m| m.user_id.clone())
            .collect()
    };
    UnifiedRecord::new(
        UnifiedKind::Job,
        j.id.clone(),
        (j.created_on, j.updated_on),
        json!({
            "name": j.title, "description": null, "code": j.ref_number,
            "status": job_status(j.status), "type": j.type_of_employment.as_ref().map(|t| &t.label),
            "confidential": false,
            "remote_created_at": time(&j.created_on), "remote_updated_at": time(&j.updated_on),
        }),
        vec![
            (
                "departments",
                UnifiedRef::Many(
                    UnifiedKind::Department,
                    j.department_id.iter().cloned().collect(),
                ),
            ),
            (
                "offices",
                UnifiedRef::Many(UnifiedKind::Office, j.location.id.iter().cloned().collect()),
            ),
            (
                "managers",
                UnifiedRef::Many(UnifiedKind::User, team(HiringTeamRole::HiringManager)),
            ),
            (
                "recruiters",
                UnifiedRef::Many(UnifiedKind::User, team(HiringTeamRole::Recruiter)),
            ),
        ],
        render::job_details(s, j),
    )
}

fn candidate(s: &Store, c: &Candidate) -> UnifiedRecord {
    UnifiedRecord::new(
        UnifiedKind::Candidate,
        c.id.clone(),
        (c.created_on, c.updated_on),
        json!({
            "first_name": c.first_name, "last_name": c.last_name, "company": null, "title": null,
            "locations": c.location.as_ref().and_then(|l| l.get("city")).cloned(),
            "is_private": false, "email_reachable": !c.email.is_empty(),
            "remote_created_at": time(&c.created_on), "remote_modified_at": time(&c.updated_on),
            "last_interaction_at": time(&c.updated_on), "urls": [],
            "phone_numbers": c.phone_number.iter().map(|p| json!({"phone_number": p, "phone_type": "PERSONAL"})).collect::<Vec<_>>(),
            "email_addresses": [{"email_address": c.email, "email_address_type": "PERSONAL"}],
        }),
        vec![
            (
                "applications",
                UnifiedRef::Many(
                    UnifiedKind::Application,
                    c.applications
                        .iter()
                        .map(|a| application_id(c, a))
                        .collect(),
                ),
            ),
            (
                "attachments",
                UnifiedRef::Many(
                    UnifiedKind::Attachment,
                    c.attachments.iter().map(|a| a.id.clone()).collect(),
                ),
            ),
            ("tags", UnifiedRef::Many(UnifiedKind::Tag, Vec::new())),
        ],
        render::candidate(s, c),
    )
}

fn application(s: &Store, c: &Candidate, a: &Application) -> UnifiedRecord {
    let rejected = a
        .history
        .iter()
        .rev()
        .find(|h| h.status == CandidateStatus::Rejected)
        .filter(|_| a.status == CandidateStatus::Rejected);
    let reason = a
        .reason_of_rejection
        .as_deref()
        .and_then(|r| s.rejection_reasons.get(r))
        .map(|r| r.label.clone());
    let source = a
        .source
        .as_ref()
        .and_then(|d| s.sources.get(d.source_id.as_str()))
        .map(|v| v.label.clone());
    let modified = a.history.last().map_or(a.created_on, |h| h.changed_on);
    UnifiedRecord::new(
        UnifiedKind::Application,
        application_id(c, a),
        (a.created_on, modified),
        json!({
            "applied_at": time(&a.created_on), "rejected_at": rejected.map(|h| time(&h.changed_on)),
            "source": source, "reject_reason": reason,
            "remote_created_at": time(&a.created_on), "remote_modified_at": time(&modified),
        }),
        vec![
            (
                "candidate_id",
                UnifiedRef::One(UnifiedKind::Candidate, c.id.clone()),
            ),
            (
                "job_id",
                UnifiedRef::One(UnifiedKind::Job, a.job_id.to_string()),
            ),
            (
                "current_stage",
                UnifiedRef::One(UnifiedKind::JobInterviewStage, a.status.to_string()),
            ),
            ("offers", UnifiedRef::Many(UnifiedKind::Offer, Vec::new())),
        ],
        render::application(s, c, a),
    )
}

fn attachment(c: &Candidate, a: &Attachment) -> UnifiedRecord {
    let kind = match a.kind {
        AttachmentType::Resume => "RESUME",
        AttachmentType::CoverLetter => "COVER_LETTER",
        AttachmentType::Other => "OTHER",
    };
    UnifiedRecord::new(
        UnifiedKind::Attachment,
        a.id.clone(),
        (a.created_on, a.created_on),
        json!({
            "file_url": null, "file_name": a.name, "attachment_type": kind,
            "remote_created_at": time(&a.created_on), "remote_modified_at": time(&a.created_on),
        }),
        vec![(
            "candidate_id",
            UnifiedRef::One(UnifiedKind::Candidate, c.id.clone()),
        )],
        json!({"id": a.id, "name": a.name, "type": a.kind, "contentType": a.content_type}),
    )
}

fn stage(status: CandidateStatus) -> UnifiedRecord {
    let order = CandidateStatus::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or(0);
    let epoch = DateTime::<Utc>::UNIX_EPOCH;
    UnifiedRecord::new(
        UnifiedKind::JobInterviewStage,
        status.to_string(),
        (epoch, epoch),
        json!({"name": status.to_string(), "stage_order": order}),
        Vec::new(),
        json!({"status": status.to_string()}),
    )
}

fn labeled(kind: UnifiedKind, id: &str, fields: Value, remote_data: Value) -> UnifiedRecord {
    let epoch = DateTime::<Utc>::UNIX_EPOCH;
    UnifiedRecord::new(
        kind,
        id.to_owned(),
        (epoch, epoch),
        fields,
        Vec::new(),
        remote_data,
    )
}

/// A page over every (candidate, item) pair in candidate order, from the item whose id is
/// `from` (the candidate's id is its prefix up to `:` for applications).
fn nested<'s, I: 's>(
    s: &'s Store,
    from: Option<&str>,
    limit: usize,
    items: impl Fn(&'s Candidate) -> Vec<I>,
    id_of: impl Fn(&'s Candidate, &I) -> String,
    map: impl Fn(&'s Candidate, &I) -> UnifiedRecord,
    owner_of: impl Fn(&str) -> Option<String>,
) -> Option<UnifiedPage> {
    let candidates: Box<dyn Iterator<Item = &Candidate>> = match from {
        None => Box::new(s.candidates.values()),
        Some(id) => Box::new(s.candidates.from_id(&owner_of(id)?)?),
    };
    let mut started = from.is_none();
    let mut found = false;
    let records = candidates.flat_map(|c| items(c).into_iter().map(move |i| (c, i)));
    let records = records.filter(|(c, i)| {
        if !started && Some(id_of(c, i).as_str()) == from {
            started = true;
            found = true;
        }
        started
    });
    let page = take_page(records.map(|(c, i)| map(c, &i)), limit);
    (found || from.is_none()).then_some(page)
}

fn page_of(s: &Store, kind: UnifiedKind, from: Option<&str>, limit: usize) -> Option<UnifiedPage> {
    use UnifiedKind as K;
    let owned = |it: Option<Box<dyn Iterator<Item = UnifiedRecord> + '_>>| {
        it.map(|it| take_page(it, limit))
    };
    match kind {
        K::User => owned(match from {
            None => Some(Box::new(s.users.values().map(|u| user(s, u)))),
            Some(id) => s.users.from_id(id).map(|it| {
                Box::new(it.map(|u| user(s, u))) as Box<dyn Iterator<Item = UnifiedRecord>>
            }),
        }),
        K::Job => owned(match from {
            None => Some(Box::new(s.jobs.values().map(|j| job(s, j)))),
            Some(id) => s.jobs.from_id(id).map(|it| {
                Box::new(it.map(|j| job(s, j))) as Box<dyn Iterator<Item = UnifiedRecord>>
            }),
        }),
        K::Candidate => owned(match from {
            None => Some(Box::new(s.candidates.values().map(|c| candidate(s, c)))),
            Some(id) => s.candidates.from_id(id).map(|it| {
                Box::new(it.map(|c| candidate(s, c))) as Box<dyn Iterator<Item = UnifiedRecord>>
            }),
        }),
        K::Application => nested(
            s,
            from,
            limit,
            |c| c.applications.iter().collect(),
            |c, a| application_id(c, a),
            |c, a| application(s, c, a),
            |id| id.split_once(':').map(|(c, _)| c.to_owned()),
        ),
        K::Attachment => nested(
            s,
            from,
            limit,
            |c| c.attachments.iter().collect(),
            |_, a| a.id.clone(),
            |c, a| attachment(c, a),
            |id| {
                s.candidates
                    .values()
                    .find(|c| c.attachments.iter().any(|a| a.id == id))
                    .map(|c| c.id.clone())
            },
        ),
        K::Department => keyed(&s.departments, from, limit, |d| {
            labeled(
                kind,
                &d.id,
                json!({"name": d.label}),
                serde_json::to_value(d).unwrap_or_default(),
            )
        }),
        K::Office => keyed(&s.locations, from, limit, office),
        K::RejectReason => keyed(&s.rejection_reasons, from, limit, |r| {
            labeled(
                kind,
                &r.id,
                json!({"name": r.label}),
                serde_json::to_value(r).unwrap_or_default(),
            )
        }),
        K::JobInterviewStage => {
            let start = match from {
                None => 0,
                Some(id) => CandidateStatus::ALL
                    .iter()
                    .position(|s| s.to_string() == id)?,
            };
            Some(take_page(
                CandidateStatus::ALL[start..].iter().map(|s| stage(*s)),
                limit,
            ))
        }
        _ => empty_page(from),
    }
}

fn office(l: &Location) -> UnifiedRecord {
    let place: Vec<&str> = [&l.city, &l.region, &l.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    labeled(
        UnifiedKind::Office,
        l.id.as_deref().unwrap_or_default(),
        json!({"name": place.first().copied().unwrap_or_default(), "location": place.join(", ")}),
        serde_json::to_value(l).unwrap_or_default(),
    )
}

/// A page of a configuration list keyed by string ids.
fn keyed<V>(
    table: &indexmap::IndexMap<String, V>,
    from: Option<&str>,
    limit: usize,
    map: impl Fn(&V) -> UnifiedRecord,
) -> Option<UnifiedPage> {
    let start = match from {
        Some(id) => table.get_index_of(id)?,
        None => 0,
    };
    Some(take_page(table.values().skip(start).map(map), limit))
}

fn one(s: &Store, kind: UnifiedKind, id: &str) -> Option<UnifiedRecord> {
    use UnifiedKind as K;
    match kind {
        K::User => s.users.get(id).map(|u| user(s, u)),
        K::Job => s.jobs.get(id).map(|j| job(s, j)),
        K::Candidate => s.candidates.get(id).map(|c| candidate(s, c)),
        K::Application => {
            let (cid, job_id) = id.split_once(':')?;
            let c = s.candidates.get(cid)?;
            c.application(job_id).map(|a| application(s, c, a))
        }
        K::Attachment => s.candidates.values().find_map(|c| {
            c.attachments
                .iter()
                .find(|a| a.id == id)
                .map(|a| attachment(c, a))
        }),
        K::Department => s.departments.get(id).map(|d| {
            labeled(
                kind,
                &d.id,
                json!({"name": d.label}),
                serde_json::to_value(d).unwrap_or_default(),
            )
        }),
        K::Office => s.locations.get(id).map(office),
        K::RejectReason => s.rejection_reasons.get(id).map(|r| {
            labeled(
                kind,
                &r.id,
                json!({"name": r.label}),
                serde_json::to_value(r).unwrap_or_default(),
            )
        }),
        K::JobInterviewStage => CandidateStatus::ALL
            .iter()
            .find(|st| st.to_string() == id)
            .map(|st| stage(*st)),
        _ => None,
    }
}

fn refusal(e: super::error::SrError) -> VendorRefusal {
    let code = e
        .errors
        .first()
        .map_or_else(|| e.status.as_u16().to_string(), |i| i.code.clone());
    VendorRefusal {
        code,
        message: e.message,
    }
}

impl UnifiedAts for SrTenant {
    fn page(&self, kind: UnifiedKind, from: Option<&str>, limit: usize) -> Option<UnifiedPage> {
        page_of(&self.read(), kind, from, limit)
    }

    fn get(&self, kind: UnifiedKind, remote_id: &str) -> Option<UnifiedRecord> {
        one(&self.read(), kind, remote_id)
    }

    fn create(
        &self,
        kind: UnifiedKind,
        input: &UnifiedInput,
        now: DateTime<Utc>,
    ) -> Result<UnifiedRecord, VendorRefusal> {
        let mut store = self.write();
        let actor = store
            .users
            .values()
            .find(|u| u.active && u.system_role == SystemRole::Administrator)
            .cloned()
            .ok_or_else(|| VendorRefusal {
                code: "FORBIDDEN".into(),
                message: "the company has no active administrator to act as".into(),
            })?;
        let (changes, id) = match kind {
            UnifiedKind::Candidate => {
                let first = |list: &str, field: &str| {
                    input
                        .fields
                        .get(list)?
                        .as_array()?
                        .first()?
                        .get(field)?
                        .as_str()
                        .map(str::to_owned)
                };
                let candidate = CandidateInput {
                    first_name: input.str("first_name").unwrap_or_default().to_owned(),
                    last_name: input.str("last_name").unwrap_or_default().to_owned(),
                    email: first("email_addresses", "email_address").unwrap_or_default(),
                    phone_number: first("phone_numbers", "phone_number"),
                    ..CandidateInput::default()
                };
                let id = self.rng().uuid();
                let changes =
                    rules::create_candidate(&store, &actor, id.clone(), candidate, None, now)
                        .map_err(refusal)?;
                (changes, id)
            }
            UnifiedKind::Application => {
                let candidate = input.one_ref("candidate_id").unwrap_or_default();
                let job = input.one_ref("job_id").unwrap_or_default();
                let changes =
                    rules::assign_to_job(&store, &actor, candidate, job, now).map_err(refusal)?;
                (changes, format!("{candidate}:{job}"))
            }
            other => {
                return Err(cannot_create(
                    "SmartRecruiters",
                    other,
                    "its API has no such record to write through Panora",
                ))
            }
        };
        store.apply(changes);
        one(&store, kind, &id).ok_or_else(|| VendorRefusal {
            code: "NOT_FOUND".into(),
            message: "the record was not made".into(),
        })
    }
}
