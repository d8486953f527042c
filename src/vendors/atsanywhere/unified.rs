//! ATS Anywhere in Panora's unified ATS model, where its data allows: users (`admin_level` ->
//! `access_role`), jobs (`Online` OPEN, `Offline` CLOSED, `Archived` ARCHIVED; `hidden` as
//! `confidential`), sites as offices, and applicants, each of which is both a candidate and its
//! one application (same remote id), with notes as activities and resumes as attachments.
//! ATS Anywhere has no departments, stages, reject reasons, tags, interviews, offers,
//! scorecards or EEOC answers: those kinds are empty. Its API creates applicants only through
//! a job's quick apply, so unified creates are refused with that reason.

use super::model::{AdminLevel, Application, JobStatus, User};
use super::store::{Identified, Records, Store};
use super::tenant::AtsAnywhereTenant;
use crate::vendors::unified::*;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn record(
    kind: UnifiedKind,
    id: u64,
    at: (DateTime<Utc>, DateTime<Utc>),
    fields: Value,
    refs: Vec<(&'static str, UnifiedRef)>,
    remote_data: Value,
) -> UnifiedRecord {
    UnifiedRecord::new(kind, id.to_string(), at, fields, refs, remote_data)
}

/// Panora's `access_role` for an ATS Anywhere `admin_level`.
pub fn access_role(level: AdminLevel) -> &'static str {
    match level {
        AdminLevel::AccountOwner => "SUPER_ADMIN",
        AdminLevel::Admin => "ADMIN",
        AdminLevel::Basic => "TEAM_MEMBER",
        AdminLevel::Limited => "LIMITED_TEAM_MEMBER",
        AdminLevel::ReadOnly => "INTERVIEWER",
    }
}

fn user(u: &User) -> UnifiedRecord {
    record(
        UnifiedKind::User,
        u.id,
        (u.created_at, u.updated_at),
        json!({
            "first_name": u.first_name, "last_name": u.last_name, "email": u.email,
            "disabled": !u.active, "access_role": access_role(u.admin_level),
            "remote_created_at": time(&u.created_at), "remote_modified_at": time(&u.updated_at),
        }),
        Vec::new(),
        serde_json::to_value(u).unwrap_or_default(),
    )
}

fn candidate(a: &Application) -> UnifiedRecord {
    record(
        UnifiedKind::Candidate,
        a.id,
        (a.created_at, a.updated_at),
        json!({
            "first_name": a.first_name, "last_name": a.last_name, "company": null, "title": null,
            "locations": null, "is_private": false, "email_reachable": !a.email.is_empty(),
            "remote_created_at": time(&a.created_at), "remote_modified_at": time(&a.updated_at),
            "last_interaction_at": time(&a.updated_at), "urls": [],
            "phone_numbers": a.phone.iter().map(|p| json!({"phone_number": p, "phone_type": "PERSONAL"})).collect::<Vec<_>>(),
            "email_addresses": [{"email_address": a.email, "email_address_type": "PERSONAL"}],
        }),
        vec![
            (
                "applications",
                UnifiedRef::Many(UnifiedKind::Application, vec![a.id.to_string()]),
            ),
            (
                "attachments",
                UnifiedRef::Many(
                    UnifiedKind::Attachment,
                    a.resume.iter().map(|_| a.id.to_string()).collect(),
                ),
            ),
            ("tags", UnifiedRef::Many(UnifiedKind::Tag, Vec::new())),
        ],
        serde_json::to_value(a).unwrap_or_default(),
    )
}

fn application(a: &Application) -> UnifiedRecord {
    record(
        UnifiedKind::Application,
        a.id,
        (a.created_at, a.updated_at),
        json!({
            "applied_at": time(&a.created_at), "rejected_at": a.archived_at.as_ref().map(time),
            "source": a.source, "reject_reason": null,
            "remote_created_at": time(&a.created_at), "remote_modified_at": time(&a.updated_at),
        }),
        vec![
            (
                "candidate_id",
                UnifiedRef::One(UnifiedKind::Candidate, a.id.to_string()),
            ),
            (
                "job_id",
                UnifiedRef::One(UnifiedKind::Job, a.job_id.to_string()),
            ),
            ("offers", UnifiedRef::Many(UnifiedKind::Offer, Vec::new())),
        ],
        serde_json::to_value(a).unwrap_or_default(),
    )
}

fn one(s: &Store, kind: UnifiedKind, id: u64) -> Option<UnifiedRecord> {
    use UnifiedKind as K;
    match kind {
        K::User => s.users.get(&id).map(user),
        K::Candidate => s.applications.get(&id).map(candidate),
        K::Application => s.applications.get(&id).map(application),
        K::Job => s.jobs.get(&id).map(|j| {
            let status = match j.status {
                JobStatus::Online => "OPEN",
                JobStatus::Offline => "CLOSED",
                JobStatus::Archived => "ARCHIVED",
            };
            record(
                kind,
                j.id,
                (j.created_at, j.updated_at),
                json!({
                    "name": j.title, "description": j.description, "code": j.reference_number,
                    "status": status, "type": j.employment_type, "confidential": j.hidden,
                    "remote_created_at": time(&j.created_at), "remote_updated_at": time(&j.updated_at),
                }),
                vec![
                    ("departments", UnifiedRef::Many(K::Department, Vec::new())),
                    ("offices", UnifiedRef::Many(K::Office, j.site_id.iter().map(u64::to_string).collect())),
                    ("managers", UnifiedRef::Many(K::User, Vec::new())),
                    ("recruiters", UnifiedRef::Many(K::User, Vec::new())),
                ],
                serde_json::to_value(j).unwrap_or_default(),
            )
        }),
        K::Office => s.sites.get(&id).map(|site| {
            record(
                kind,
                site.id,
                (site.created_at, site.created_at),
                json!({"name": site.name, "location": null}),
                Vec::new(),
                serde_json::to_value(site).unwrap_or_default(),
            )
        }),
        K::Activity => s.notes.get(&id).map(|n| {
            record(
                kind,
                n.id,
                (n.created_at, n.created_at),
                json!({"activity_type": "NOTE", "subject": null, "body": n.body, "visibility": "PUBLIC",
                       "remote_created_at": time(&n.created_at)}),
                vec![("candidate_id", UnifiedRef::One(K::Candidate, n.app_id.to_string()))],
                serde_json::to_value(n).unwrap_or_default(),
            )
        }),
        K::Attachment => s.applications.get(&id).and_then(|a| {
            let resume = a.resume.as_ref()?;
            Some(record(
                kind,
                a.id,
                (a.created_at, a.created_at),
                json!({"file_url": null, "file_name": resume.filename, "attachment_type": "RESUME",
                       "remote_created_at": time(&a.created_at), "remote_modified_at": time(&a.created_at)}),
                vec![("candidate_id", UnifiedRef::One(K::Candidate, a.id.to_string()))],
                serde_json::to_value(resume).unwrap_or_default(),
            ))
        }),
        _ => None,
    }
}

/// A page of one of the store's tables.
fn records_page<T: Identified>(
    records: &Records<T>,
    from: Option<&str>,
    limit: usize,
    map: impl Fn(&T) -> Option<UnifiedRecord>,
) -> Option<UnifiedPage> {
    page_from(
        records.values(),
        |id| records.position(&id),
        from,
        limit,
        map,
    )
}

impl UnifiedAts for AtsAnywhereTenant {
    fn page(&self, kind: UnifiedKind, from: Option<&str>, limit: usize) -> Option<UnifiedPage> {
        use UnifiedKind as K;
        let s = self.read();
        let get = |id: u64| one(&s, kind, id);
        match kind {
            K::User => records_page(&s.users, from, limit, |v| get(v.id)),
            K::Candidate | K::Application | K::Attachment => {
                records_page(&s.applications, from, limit, |v| get(v.id))
            }
            K::Job => records_page(&s.jobs, from, limit, |v| get(v.id)),
            K::Office => records_page(&s.sites, from, limit, |v| get(v.id)),
            K::Activity => records_page(&s.notes, from, limit, |v| get(v.id)),
            _ => empty_page(from),
        }
    }

    fn get(&self, kind: UnifiedKind, remote_id: &str) -> Option<UnifiedRecord> {
        one(&self.read(), kind, remote_id.parse().ok()?)
    }

    fn create(
        &self,
        kind: UnifiedKind,
        _input: &UnifiedInput,
        _now: DateTime<Utc>,
    ) -> Result<UnifiedRecord, VendorRefusal> {
        Err(cannot_create(
            "ATS Anywhere",
            kind,
            "its API adds applicants only through a job's quick apply",
        ))
    }
}
