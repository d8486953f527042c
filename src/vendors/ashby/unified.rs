//! Ashby in Panora's unified ATS model, as Panora's Ashby mappers read it: candidates,
//! applications, jobs, users (`globalRole` -> `access_role`), departments, locations as
//! offices, candidate tags, archive reasons as reject reasons, interview stages, notes as
//! activities and candidate files as attachments. Ashby has no interviews, offers, scorecards
//! or EEOC answers in the served surface, so those kinds are empty. Candidates, applications and
//! activities (notes) are created under the same rules as `candidate.create`,
//! `application.create` and `candidate.createNote`; attachments need uploaded bytes (Ashby takes
//! no file URL), so they are refused.

use super::model::*;
use super::render;
use super::render::time;
use super::rules;
use super::rules::candidates::{new_candidate, new_note, CandidateInput};
use super::store::{Change, Store, Table};
use super::tenant::AshbyTenant;
use crate::vendors::unified::*;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

fn record(
    kind: UnifiedKind,
    remote_id: &str,
    created: Time,
    modified: Time,
    fields: Value,
    refs: Vec<(&'static str, UnifiedRef)>,
    remote_data: Value,
) -> UnifiedRecord {
    let remote_data = render::compact(remote_data);
    UnifiedRecord::new(
        kind,
        remote_id.to_owned(),
        (created, modified),
        fields,
        refs,
        remote_data,
    )
}

/// Panora's `access_role` for an Ashby `globalRole`.
pub fn access_role(role: GlobalRole) -> &'static str {
    match role {
        GlobalRole::OrganizationAdmin => "SUPER_ADMIN",
        GlobalRole::ElevatedAccess => "ADMIN",
        GlobalRole::LimitedAccess => "LIMITED_TEAM_MEMBER",
        GlobalRole::ExternalRecruiter => "INTERVIEWER",
    }
}

/// Panora's job status for an Ashby job status.
pub fn job_status(status: JobStatus) -> &'static str {
    match status {
        JobStatus::Draft => "DRAFT",
        JobStatus::Open => "OPEN",
        JobStatus::Closed => "CLOSED",
        JobStatus::Archived => "ARCHIVED",
    }
}

fn contact_type(t: ContactType) -> &'static str {
    match t {
        ContactType::Personal => "PERSONAL",
        ContactType::Work => "WORK",
        ContactType::Other => "OTHER",
    }
}

fn url_type(link: &str) -> &'static str {
    match link.to_ascii_lowercase().as_str() {
        "linkedin" => "LINKEDIN",
        "github" => "GITHUB",
        "website" | "portfolio" => "WEBSITE",
        "blog" => "BLOG",
        _ => "OTHER",
    }
}

fn candidate(s: &Store, c: &Candidate) -> UnifiedRecord {
    let (first, last) = c.name.split_once(' ').unwrap_or((c.name.as_str(), ""));
    let applications: Vec<String> = s.applications_of(&c.id).map(|a| a.id.clone()).collect();
    record(
        UnifiedKind::Candidate,
        &c.id,
        c.created_at,
        c.updated_at,
        json!({
            "first_name": first, "last_name": last, "company": c.company, "title": c.position,
            "locations": c.location_summary, "is_private": false,
            "email_reachable": !c.email_addresses.is_empty(),
            "remote_created_at": time(&c.created_at), "remote_modified_at": time(&c.updated_at),
            "last_interaction_at": time(&c.updated_at),
            "urls": c.social_links.iter().map(|l| json!({"url": l.url, "url_type": url_type(&l.link_type)})).collect::<Vec<_>>(),
            "phone_numbers": c.phone_numbers.iter().map(|p| json!({"phone_number": p.value, "phone_type": contact_type(p.contact_type)})).collect::<Vec<_>>(),
            "email_addresses": c.email_addresses.iter().map(|e| json!({"email_address": e.value, "email_address_type": contact_type(e.contact_type)})).collect::<Vec<_>>(),
        }),
        vec![
            (
                "applications",
                UnifiedRef::Many(UnifiedKind::Application, applications),
            ),
            (
                "attachments",
                UnifiedRef::Many(UnifiedKind::Attachment, c.file_handles.clone()),
            ),
            (
                "tags",
                UnifiedRef::Many(UnifiedKind::Tag, c.tag_ids.clone()),
            ),
        ],
        render::candidate(s, c),
    )
}

fn application(s: &Store, a: &Application) -> UnifiedRecord {
    let mut refs = vec![
        (
            "candidate_id",
            UnifiedRef::One(UnifiedKind::Candidate, a.candidate_id.clone()),
        ),
        (
            "job_id",
            UnifiedRef::One(UnifiedKind::Job, a.job_id.clone()),
        ),
        (
            "current_stage",
            UnifiedRef::One(
                UnifiedKind::JobInterviewStage,
                a.current_interview_stage_id.clone(),
            ),
        ),
        ("offers", UnifiedRef::Many(UnifiedKind::Offer, Vec::new())),
    ];
    if let Some(user) = &a.credited_to_user_id {
        refs.push((
            "credited_to",
            UnifiedRef::One(UnifiedKind::User, user.clone()),
        ));
    }
    let reason = a
        .archive_reason_id
        .as_deref()
        .and_then(|r| s.archive_reasons.get(r));
    record(
        UnifiedKind::Application,
        &a.id,
        a.created_at,
        a.updated_at,
        json!({
            "applied_at": time(&a.created_at),
            "rejected_at": a.archived_at.as_ref().map(time),
            "source": a.source_id.as_deref().and_then(|x| s.sources.get(x)).map(|x| x.title.clone()),
            "reject_reason": reason.map(|r| r.text.clone()),
            "remote_created_at": time(&a.created_at), "remote_modified_at": time(&a.updated_at),
        }),
        refs,
        render::application(s, a),
    )
}

fn job(s: &Store, j: &Job) -> UnifiedRecord {
    let members = |role: &str| -> Vec<String> {
        j.hiring_team
            .iter()
            .filter(|m| {
                s.hiring_team_roles
                    .get(&m.role_id)
                    .is_some_and(|r| r.title == role)
            })
            .map(|m| m.user_id.clone())
            .collect()
    };
    record(
        UnifiedKind::Job,
        &j.id,
        j.created_at,
        j.updated_at,
        json!({
            "name": j.title, "description": null, "code": j.custom_requisition_id,
            "status": job_status(j.status), "type": "POSTING", "confidential": j.confidential,
            "remote_created_at": time(&j.created_at), "remote_updated_at": time(&j.updated_at),
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
                UnifiedRef::Many(UnifiedKind::Office, j.location_id.iter().cloned().collect()),
            ),
            (
                "managers",
                UnifiedRef::Many(UnifiedKind::User, members("Hiring Manager")),
            ),
            (
                "recruiters",
                UnifiedRef::Many(UnifiedKind::User, members("Recruiter")),
            ),
        ],
        render::job(s, j),
    )
}

fn user(s: &Store, u: &User) -> UnifiedRecord {
    record(
        UnifiedKind::User,
        &u.id,
        u.updated_at,
        u.updated_at,
        json!({
            "first_name": u.first_name, "last_name": u.last_name, "email": u.email,
            "disabled": !u.is_enabled, "access_role": access_role(u.global_role),
            "remote_created_at": null, "remote_modified_at": time(&u.updated_at),
        }),
        Vec::new(),
        render::user_with_fields(s, u),
    )
}

/// The records of a table in creation order from the one with id `from` on, at most `limit`,
/// and the one after; rows `map` leaves out (files attached to no candidate) are skipped.
fn slice<T: super::store::Keyed>(
    table: &Table<T>,
    from: Option<&str>,
    limit: usize,
    map: impl Fn(&T) -> Option<UnifiedRecord>,
) -> Option<UnifiedPage> {
    let start = match from {
        Some(id) => table.position(id)?,
        None => 0,
    };
    Some(take_page(
        table.from_position(start).filter_map(|(_, v)| map(v)),
        limit,
    ))
}

fn one(s: &Store, kind: UnifiedKind, id: &str) -> Option<UnifiedRecord> {
    use UnifiedKind as K;
    match kind {
        K::Candidate => s.candidates.get(id).map(|c| candidate(s, c)),
        K::Application => s.applications.get(id).map(|a| application(s, a)),
        K::Job => s.jobs.get(id).map(|j| job(s, j)),
        K::User => s.users.get(id).map(|u| user(s, u)),
        K::Department => s.departments.get(id).map(|d| {
            record(
                kind,
                &d.id,
                d.created_at,
                d.updated_at,
                json!({"name": d.name}),
                Vec::new(),
                render::department(d),
            )
        }),
        K::Office => s.locations.get(id).map(|l| {
            let place: Vec<&str> = [&l.locality, &l.region, &l.country]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let epoch = DateTime::<Utc>::UNIX_EPOCH;
            record(
                kind,
                &l.id,
                epoch,
                epoch,
                json!({"name": l.name, "location": place.join(", ")}),
                Vec::new(),
                render::location(l),
            )
        }),
        K::Tag => s.tags.get(id).map(|t| {
            let epoch = DateTime::<Utc>::UNIX_EPOCH;
            record(
                kind,
                &t.id,
                epoch,
                epoch,
                json!({"name": t.title, "id_ats_candidate": null}),
                Vec::new(),
                render::tag(t),
            )
        }),
        K::RejectReason => s.archive_reasons.get(id).map(|r| {
            let epoch = DateTime::<Utc>::UNIX_EPOCH;
            record(
                kind,
                &r.id,
                epoch,
                epoch,
                json!({"name": r.text}),
                Vec::new(),
                render::archive_reason(r),
            )
        }),
        K::JobInterviewStage => s.stages.get(id).map(|st| {
            let plan = s.plans.get(&st.interview_plan_id);
            let at = plan.map_or(DateTime::<Utc>::UNIX_EPOCH, |p| p.created_at);
            record(
                kind,
                &st.id,
                at,
                at,
                json!({"name": st.title, "stage_order": st.order_in_interview_plan}),
                Vec::new(),
                render::stage(st),
            )
        }),
        K::Activity => s.notes.get(id).map(|n| {
            record(
                kind,
                &n.id,
                n.created_at,
                n.created_at,
                json!({"activity_type": "NOTE", "subject": null, "body": n.content,
                       "visibility": if n.is_private { "PRIVATE" } else { "PUBLIC" },
                       "remote_created_at": time(&n.created_at)}),
                vec![(
                    "candidate_id",
                    UnifiedRef::One(UnifiedKind::Candidate, n.candidate_id.clone()),
                )],
                render::note(s, n),
            )
        }),
        K::Attachment => {
            let f = s.files.get(id)?;
            let owner = s
                .candidates
                .values()
                .find(|c| c.file_handles.contains(&f.handle))?;
            let resume = owner.resume_handle.as_deref() == Some(f.handle.as_str());
            Some(record(
                kind,
                &f.handle,
                f.created_at,
                f.created_at,
                json!({"file_url": null, "file_name": f.filename,
                       "attachment_type": if resume { "RESUME" } else { "OTHER" },
                       "remote_created_at": time(&f.created_at), "remote_modified_at": time(&f.created_at)}),
                vec![(
                    "candidate_id",
                    UnifiedRef::One(UnifiedKind::Candidate, owner.id.clone()),
                )],
                json!({"id": f.handle, "name": f.filename, "handle": f.handle}),
            ))
        }
        K::Interview | K::Offer | K::Scorecard | K::Eeocs => None,
    }
}

fn page_of(s: &Store, kind: UnifiedKind, from: Option<&str>, limit: usize) -> Option<UnifiedPage> {
    use UnifiedKind as K;
    let get = |id: &str| one(s, kind, id);
    match kind {
        K::Candidate => slice(&s.candidates, from, limit, |v| get(&v.id)),
        K::Application => slice(&s.applications, from, limit, |v| get(&v.id)),
        K::Job => slice(&s.jobs, from, limit, |v| get(&v.id)),
        K::User => slice(&s.users, from, limit, |v| get(&v.id)),
        K::Department => slice(&s.departments, from, limit, |v| get(&v.id)),
        K::Office => slice(&s.locations, from, limit, |v| get(&v.id)),
        K::Tag => slice(&s.tags, from, limit, |v| get(&v.id)),
        K::RejectReason => slice(&s.archive_reasons, from, limit, |v| get(&v.id)),
        K::JobInterviewStage => slice(&s.stages, from, limit, |v| get(&v.id)),
        K::Activity => slice(&s.notes, from, limit, |v| get(&v.id)),
        K::Attachment => slice(&s.files, from, limit, |v| get(&v.handle)),
        K::Interview | K::Offer | K::Scorecard | K::Eeocs => empty_page(from),
    }
}

fn refusal(e: super::error::AshbyError) -> VendorRefusal {
    VendorRefusal {
        code: e.code,
        message: e.message,
    }
}

fn refuse(code: &str, message: &str) -> VendorRefusal {
    VendorRefusal {
        code: code.to_owned(),
        message: message.to_owned(),
    }
}

/// The first value of a unified contact list (`email_addresses`, `phone_numbers`).
fn first_of(input: &UnifiedInput, list: &str, field: &str) -> Option<String> {
    input
        .fields
        .get(list)?
        .as_array()?
        .first()?
        .get(field)?
        .as_str()
        .map(str::to_owned)
}

fn url_of(input: &UnifiedInput, kind: &str) -> Option<String> {
    input
        .fields
        .get("urls")?
        .as_array()?
        .iter()
        .find(|u| u.get("url_type").and_then(Value::as_str) == Some(kind))?
        .get("url")?
        .as_str()
        .map(str::to_owned)
}

/// The changes a unified create makes, and the id of the record it makes.
fn create_changes(
    s: &Store,
    kind: UnifiedKind,
    input: &UnifiedInput,
    mut new_id: impl FnMut() -> String,
    now: Time,
) -> Result<(Vec<Change>, String), VendorRefusal> {
    match kind {
        UnifiedKind::Candidate => {
            let name = [input.str("first_name"), input.str("last_name")]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let mut c = new_candidate(
                s,
                CandidateInput {
                    name,
                    email: first_of(input, "email_addresses", "email_address"),
                    phone_number: first_of(input, "phone_numbers", "phone_number"),
                    linked_in_url: url_of(input, "LINKEDIN"),
                    github_url: url_of(input, "GITHUB"),
                    website: url_of(input, "WEBSITE"),
                    ..CandidateInput::default()
                },
                new_id(),
                now,
            )
            .map_err(refusal)?;
            c.company = input.str("company").map(str::to_owned);
            c.position = input.str("title").map(str::to_owned);
            c.location_summary = input.str("locations").map(str::to_owned);
            for tag in input.refs.get("tags").into_iter().flatten() {
                if !s.tags.contains(tag) {
                    return Err(refuse("tag_not_found", "Tag not found"));
                }
                c.tag_ids.push(tag.clone());
            }
            let id = c.id.clone();
            Ok((vec![Change::Candidate(c)], id))
        }
        UnifiedKind::Application => {
            let candidate = input
                .one_ref("candidate_id")
                .and_then(|id| s.candidates.get(id))
                .ok_or_else(|| refuse("candidate_not_found", "Candidate not found"))?;
            let job = input
                .one_ref("job_id")
                .and_then(|id| s.jobs.get(id))
                .ok_or_else(|| refuse("job_not_found", "Job not found"))?;
            let source = input
                .str("source")
                .and_then(|t| s.sources.values().find(|x| x.title.eq_ignore_ascii_case(t)))
                .map(|x| x.id.clone());
            let a = rules::create_application(
                s,
                new_id(),
                new_id(),
                candidate,
                job,
                None,
                input.one_ref("current_stage"),
                source,
                input.one_ref("credited_to").map(str::to_owned),
                now,
                None,
            )
            .map_err(refusal)?;
            let id = a.id.clone();
            Ok((vec![Change::Application(a)], id))
        }
        UnifiedKind::Activity => {
            let candidate = input
                .one_ref("candidate_id")
                .ok_or_else(|| refuse("candidate_not_found", "Candidate not found"))?;
            let body = input.str("body").unwrap_or_default().to_owned();
            let private = input.str("visibility") == Some("PRIVATE");
            let n = new_note(s, candidate, body, private, new_id(), now).map_err(refusal)?;
            let id = n.id.clone();
            Ok((vec![Change::Note(n)], id))
        }
        UnifiedKind::Attachment => Err(refuse(
            "invalid_input",
            "Ashby takes candidate files as uploaded bytes (file.createFileUploadHandle), not by URL",
        )),
        other => Err(refuse(
            "endpoint_not_served",
            &format!("Creating {other:?} records in Ashby is not served"),
        )),
    }
}

impl UnifiedAts for AshbyTenant {
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
        let (changes, id) = {
            let mut rng = self.rng();
            create_changes(&store, kind, input, || rng.uuid(), now)?
        };
        store.apply(changes);
        one(&store, kind, &id).ok_or_else(|| refuse("invalid_input", "the record was not made"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::fixtures::FixtureSet;
    use crate::tenancy::VendorTenant;

    fn demo() -> AshbyTenant {
        let fixtures = FixtureSet::resolve("demo").unwrap();
        super::super::tenant::build(&fixtures, 7, &Clock::deterministic(), true).unwrap()
    }

    #[test]
    fn every_kind_pages_in_creation_order_without_gaps() {
        let t = demo();
        let unified = t.unified().unwrap();
        for kind in UnifiedKind::ALL {
            let all = unified.page(kind, None, 10_000).unwrap().records;
            let mut walked = Vec::new();
            let mut from: Option<String> = None;
            loop {
                let page = unified.page(kind, from.as_deref(), 3).unwrap();
                walked.extend(page.records.iter().map(|r| r.remote_id.clone()));
                match page.next {
                    Some(next) => from = Some(next.remote_id),
                    None => break,
                }
            }
            let ids: Vec<String> = all.iter().map(|r| r.remote_id.clone()).collect();
            assert_eq!(walked, ids, "{kind:?}");
            for r in &all {
                assert_eq!(unified.get(kind, &r.remote_id).as_ref(), Some(r));
            }
        }
        assert!(unified
            .page(UnifiedKind::Candidate, Some("nope"), 5)
            .is_none());
    }

    #[test]
    fn roles_and_statuses_map_as_panora_mapped_them() {
        let t = demo();
        let unified = t.unified().unwrap();
        let users = unified.page(UnifiedKind::User, None, 100).unwrap().records;
        let roles: Vec<&str> = users
            .iter()
            .filter_map(|u| u.fields["access_role"].as_str())
            .collect();
        assert_eq!(
            roles,
            [
                "SUPER_ADMIN",
                "ADMIN",
                "ADMIN",
                "LIMITED_TEAM_MEMBER",
                "INTERVIEWER"
            ]
        );
        let jobs = unified.page(UnifiedKind::Job, None, 100).unwrap().records;
        let statuses: Vec<&str> = jobs
            .iter()
            .filter_map(|j| j.fields["status"].as_str())
            .collect();
        assert_eq!(statuses, ["OPEN", "OPEN", "DRAFT", "CLOSED", "ARCHIVED"]);
    }

    #[test]
    fn unified_writes_follow_ashbys_rules() {
        let t = demo();
        let unified = t.unified().unwrap();
        let now = Utc::now();
        let nameless = unified.create(UnifiedKind::Candidate, &UnifiedInput::default(), now);
        assert_eq!(nameless.unwrap_err().code, "invalid_input");
        let mut input = UnifiedInput::default();
        input.fields.insert("first_name".into(), json!("Grace"));
        input.fields.insert("last_name".into(), json!("Hopper"));
        input.fields.insert(
            "email_addresses".into(),
            json!([{"email_address": "grace@navy.example", "email_address_type": "WORK"}]),
        );
        let made = unified.create(UnifiedKind::Candidate, &input, now).unwrap();
        assert_eq!(made.remote_data["name"], "Grace Hopper");
        assert_eq!(made.fields["email_reachable"], true);

        let jobs = unified.page(UnifiedKind::Job, None, 100).unwrap().records;
        let mut apply = UnifiedInput::default();
        apply
            .refs
            .insert("candidate_id".into(), vec![made.remote_id.clone()]);
        apply
            .refs
            .insert("job_id".into(), vec![jobs[0].remote_id.clone()]);
        let app = unified
            .create(UnifiedKind::Application, &apply, now)
            .unwrap();
        assert_eq!(
            app.refs["candidate_id"],
            UnifiedRef::One(UnifiedKind::Candidate, made.remote_id.clone())
        );
        let twice = unified
            .create(UnifiedKind::Application, &apply, now)
            .unwrap_err();
        assert_eq!(twice.code, "application_already_exists");
        let before = t.snapshot();
        let refused = unified.create(UnifiedKind::Attachment, &UnifiedInput::default(), now);
        assert!(refused.is_err());
        assert_eq!(t.snapshot(), before, "a refused write changes nothing");
    }
}
