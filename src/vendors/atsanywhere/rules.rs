//! ATS Anywhere's rules, as pure functions: each reads the [`Store`], decides, and returns the
//! [`Changes`] to write or the error to answer. Nothing is written on an error, so a refused
//! request changes nothing. Callers hold the tenant's write lock from the read to the write.
//!
//! What the vendor documents, and what the sandbox chose where it does not (VENDORS.md §4):
//! - exactly one AccountOwner per company, always, and active; making another user AccountOwner
//!   (on create or update) demotes the previous owner to Admin in the same step; demoting,
//!   deactivating or deleting the owner is refused (`account_owner_required`, 422);
//! - only the AccountOwner may assign AccountOwner or change the owner's record; Admins manage
//!   every other user; Basic, Limited and ReadOnly manage no users; ReadOnly writes nothing;
//! - `assigned_job_ids` / `assigned_site_ids` restrict users below Admin to those jobs (both
//!   empty: no restriction); jobs outside them are invisible (404), with their applications and
//!   notes; unknown ids in them are refused;
//! - Limited (Reviewer) users may not create or edit jobs nor archive applications, but may rate
//!   applications and write notes; deleting an applicant record is for the AccountOwner alone;
//! - emails are unique per company, case-insensitively; job reference numbers are unique;
//! - quick apply only reaches Online jobs with `express_apply`.

use super::error::{AtsError, FieldError};
use super::model::{
    AdminLevel, Application, ApplicationInput, Job, JobInput, JobStatus, Note, NoteInput,
    QuickApplyInput, Resume, User, UserInput,
};
use super::store::{Change, Changes, Store};
use crate::validation::{is_valid_email, non_blank};
use base64::Engine;
use chrono::{DateTime, Utc};

type Now = DateTime<Utc>;

const LEVELS: &str = "AccountOwner, Admin, Basic, Limited, ReadOnly";

/// The user a credential acts as, if it may still act at all.
pub fn acting_user(store: &Store, user_id: u64) -> Result<&User, AtsError> {
    store
        .users
        .get(&user_id)
        .filter(|u| u.active)
        .ok_or_else(|| AtsError::forbidden(super::error::BAD_CREDENTIALS))
}

/// True when no assignment restricts what the user sees.
pub fn sees_every_job(actor: &User) -> bool {
    actor.admin_level.is_admin()
        || (actor.assigned_job_ids.is_empty() && actor.assigned_site_ids.is_empty())
}

pub fn can_see_job(actor: &User, job: &Job) -> bool {
    sees_every_job(actor)
        || actor.assigned_job_ids.contains(&job.id)
        || job
            .site_id
            .is_some_and(|site| actor.assigned_site_ids.contains(&site))
}

fn require_writer(actor: &User) -> Result<(), AtsError> {
    if actor.admin_level == AdminLevel::ReadOnly {
        return Err(AtsError::forbidden(
            "ReadOnly users may not add or edit any data",
        ));
    }
    Ok(())
}

fn require_user_manager(actor: &User) -> Result<(), AtsError> {
    require_writer(actor)?;
    if !actor.admin_level.is_admin() {
        return Err(AtsError::forbidden(format!(
            "{:?} users may not manage users; only the AccountOwner and Admins may",
            actor.admin_level
        )));
    }
    Ok(())
}

fn require_job_editor(actor: &User) -> Result<(), AtsError> {
    require_writer(actor)?;
    if actor.admin_level == AdminLevel::Limited {
        return Err(AtsError::forbidden(
            "Limited users may not create or edit jobs",
        ));
    }
    Ok(())
}

fn require_owner(actor: &User, what: &str) -> Result<(), AtsError> {
    if actor.admin_level != AdminLevel::AccountOwner {
        return Err(AtsError::forbidden(format!(
            "Only the AccountOwner may {what}"
        )));
    }
    Ok(())
}

fn unknown_ids(ids: &[u64], exists: impl Fn(u64) -> bool) -> Option<String> {
    let unknown: Vec<String> = ids
        .iter()
        .filter(|id| !exists(**id))
        .map(u64::to_string)
        .collect();
    (!unknown.is_empty()).then(|| unknown.join(", "))
}

/// Field checks of a user record about to be written (API writes and fixtures alike).
pub fn validate_user(store: &Store, user: &User) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if user.first_name.trim().is_empty() {
        errors.push(FieldError::new("first_name", "can't be blank"));
    }
    if user.last_name.trim().is_empty() {
        errors.push(FieldError::new("last_name", "can't be blank"));
    }
    if !is_valid_email(user.email.trim()) {
        errors.push(FieldError::new("email", "is not a valid email address"));
    } else if store
        .user_by_email(&user.email)
        .is_some_and(|other| other.id != user.id)
    {
        errors.push(FieldError::new("email", "has already been taken"));
    }
    if let Some(ids) = unknown_ids(&user.assigned_job_ids, |id| store.jobs.contains_key(&id)) {
        errors.push(FieldError::new(
            "assigned_job_ids",
            format!("contains unknown job ids: {ids}"),
        ));
    }
    if let Some(ids) = unknown_ids(&user.assigned_site_ids, |id| store.sites.contains_key(&id)) {
        errors.push(FieldError::new(
            "assigned_site_ids",
            format!("contains unknown site ids: {ids}"),
        ));
    }
    errors
}

fn dedup(mut ids: Vec<u64>) -> Vec<u64> {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    ids
}

/// The writes that make `user` the AccountOwner: the user, plus the previous owner demoted to
/// Admin.
fn transfer_ownership(store: &Store, mut user: User, now: Now) -> Result<Changes, AtsError> {
    if !user.active {
        return Err(AtsError::owner_required(
            "The AccountOwner must be an active user; activate the user before making them AccountOwner",
        ));
    }
    user.admin_level = AdminLevel::AccountOwner;
    let mut changes = Vec::new();
    if let Some(previous) = store
        .owner_id()
        .filter(|id| *id != user.id)
        .and_then(|id| store.users.get(&id))
    {
        let mut demoted = previous.clone();
        demoted.admin_level = AdminLevel::Admin;
        demoted.updated_at = now;
        changes.push(Change::PutUser(demoted));
    }
    changes.push(Change::PutUser(user));
    Ok(changes)
}

/// `POST /users`. Returns the writes and the new user's id.
pub fn create_user(
    store: &Store,
    actor: &User,
    input: UserInput,
    now: Now,
) -> Result<(Changes, u64), AtsError> {
    require_user_manager(actor)?;
    let mut missing = Vec::new();
    for (field, value) in [
        ("first_name", &input.first_name),
        ("last_name", &input.last_name),
        ("email", &input.email),
    ] {
        if value.is_none() {
            missing.push(FieldError::new(field, "is required"));
        }
    }
    if input.admin_level.is_none() {
        missing.push(FieldError::new(
            "admin_level",
            format!("is required (one of {LEVELS})"),
        ));
    }
    if !missing.is_empty() {
        return Err(AtsError::Validation(missing));
    }
    let level = input.admin_level.unwrap_or(AdminLevel::Basic);
    if level == AdminLevel::AccountOwner {
        require_owner(actor, "assign the AccountOwner role")?;
    }
    let id = store.sequences.user;
    let user = User {
        id,
        first_name: input.first_name.unwrap_or_default().trim().to_owned(),
        last_name: input.last_name.unwrap_or_default().trim().to_owned(),
        email: input.email.unwrap_or_default().trim().to_owned(),
        phone: non_blank(input.phone),
        admin_level: level,
        assigned_job_ids: dedup(input.assigned_job_ids.unwrap_or_default()),
        assigned_site_ids: dedup(input.assigned_site_ids.unwrap_or_default()),
        active: input.active.unwrap_or(true),
        created_at: now,
        updated_at: now,
    };
    let errors = validate_user(store, &user);
    if !errors.is_empty() {
        return Err(AtsError::Validation(errors));
    }
    let changes = if level == AdminLevel::AccountOwner {
        transfer_ownership(store, user, now)?
    } else {
        vec![Change::PutUser(user)]
    };
    Ok((changes, id))
}

/// `PUT`/`PATCH /users/{id}`: absent fields keep their value.
pub fn update_user(
    store: &Store,
    actor: &User,
    id: u64,
    input: UserInput,
    now: Now,
) -> Result<Changes, AtsError> {
    let target = store
        .users
        .get(&id)
        .ok_or_else(|| AtsError::not_found("User", id))?;
    require_user_manager(actor)?;
    let target_is_owner = target.admin_level == AdminLevel::AccountOwner;
    if target_is_owner && actor.id != target.id {
        require_owner(actor, "change the AccountOwner's account")?;
    }
    let mut user = target.clone();
    if let Some(v) = input.first_name {
        user.first_name = v.trim().to_owned();
    }
    if let Some(v) = input.last_name {
        user.last_name = v.trim().to_owned();
    }
    if let Some(v) = input.email {
        user.email = v.trim().to_owned();
    }
    if input.phone.is_some() {
        user.phone = non_blank(input.phone);
    }
    if let Some(v) = input.assigned_job_ids {
        user.assigned_job_ids = dedup(v);
    }
    if let Some(v) = input.assigned_site_ids {
        user.assigned_site_ids = dedup(v);
    }
    if let Some(v) = input.active {
        user.active = v;
    }
    user.updated_at = now;
    let level = input.admin_level.unwrap_or(target.admin_level);
    if target_is_owner {
        if level != AdminLevel::AccountOwner {
            return Err(AtsError::owner_required(
                "The AccountOwner cannot be demoted: the company must always have an AccountOwner. \
                 Make another user AccountOwner instead; that demotes the current owner to Admin",
            ));
        }
        if !user.active {
            return Err(AtsError::owner_required(
                "The AccountOwner cannot be deactivated: the company must always have an active AccountOwner",
            ));
        }
    }
    if level == AdminLevel::AccountOwner && !target_is_owner {
        require_owner(actor, "assign the AccountOwner role")?;
    }
    user.admin_level = level;
    let errors = validate_user(store, &user);
    if !errors.is_empty() {
        return Err(AtsError::Validation(errors));
    }
    if level == AdminLevel::AccountOwner && !target_is_owner {
        transfer_ownership(store, user, now)
    } else {
        Ok(vec![Change::PutUser(user)])
    }
}

/// `DELETE /users/{id}`.
pub fn delete_user(store: &Store, actor: &User, id: u64) -> Result<Changes, AtsError> {
    let target = store
        .users
        .get(&id)
        .ok_or_else(|| AtsError::not_found("User", id))?;
    require_user_manager(actor)?;
    if target.admin_level == AdminLevel::AccountOwner {
        return Err(AtsError::owner_required(
            "The AccountOwner cannot be deleted: make another user AccountOwner first",
        ));
    }
    Ok(vec![Change::DeleteUser(id)])
}

fn validate_job(store: &Store, job: &Job) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if job.title.trim().is_empty() {
        errors.push(FieldError::new("title", "can't be blank"));
    }
    if job.reference_number.trim().is_empty() {
        errors.push(FieldError::new("reference_number", "can't be blank"));
    } else if store
        .job_by_reference(&job.reference_number)
        .is_some_and(|other| other.id != job.id)
    {
        errors.push(FieldError::new(
            "reference_number",
            "has already been taken",
        ));
    }
    if let Some(site) = job.site_id.filter(|id| !store.sites.contains_key(id)) {
        errors.push(FieldError::new("site_id", format!("unknown site {site}")));
    }
    errors
}

/// Field checks of a job record about to be written (API writes and fixtures alike).
pub fn check_job(store: &Store, job: &Job) -> Result<(), AtsError> {
    let errors = validate_job(store, job);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AtsError::Validation(errors))
    }
}

fn apply_job_input(job: &mut Job, input: JobInput) {
    if let Some(v) = input.title {
        job.title = v.trim().to_owned();
    }
    if let Some(v) = input.reference_number {
        job.reference_number = v.trim().to_owned();
    }
    if let Some(v) = input.description {
        job.description = v;
    }
    for (slot, value) in [
        (&mut job.city, input.city),
        (&mut job.state, input.state),
        (&mut job.country, input.country),
        (&mut job.department, input.department),
        (&mut job.employment_type, input.employment_type),
    ] {
        if value.is_some() {
            *slot = non_blank(value);
        }
    }
    if let Some(v) = input.site_id {
        job.site_id = Some(v);
    }
    if let Some(v) = input.status {
        job.status = v;
    }
    if let Some(v) = input.hidden {
        job.hidden = v;
    }
    if let Some(v) = input.express_apply {
        job.express_apply = v;
    }
}

/// `POST /jobs`: a new job, Offline unless `status` says otherwise. A restricted Basic user
/// who creates a job is assigned to it, so it stays visible to them.
pub fn create_job(
    store: &Store,
    actor: &User,
    input: JobInput,
    now: Now,
) -> Result<(Changes, u64), AtsError> {
    require_job_editor(actor)?;
    if input.title.is_none() {
        return Err(AtsError::field("title", "is required"));
    }
    let id = store.sequences.job;
    let mut job = Job {
        id,
        title: String::new(),
        reference_number: format!("REF-{id:05}"),
        description: String::new(),
        city: None,
        state: None,
        country: None,
        department: None,
        employment_type: None,
        site_id: None,
        status: JobStatus::Offline,
        hidden: false,
        express_apply: false,
        created_at: now,
        updated_at: now,
    };
    apply_job_input(&mut job, input);
    check_job(store, &job)?;
    let mut changes = vec![Change::PutJob(job)];
    if !sees_every_job(actor) {
        let mut assigned = actor.clone();
        assigned.assigned_job_ids.push(id);
        assigned.updated_at = now;
        changes.push(Change::PutUser(assigned));
    }
    Ok((changes, id))
}

/// `PUT`/`PATCH /jobs/{id}`: any status may follow any other (Online, Offline, Archived); the
/// `hidden` flag is independent of the status.
pub fn update_job(
    store: &Store,
    actor: &User,
    id: u64,
    input: JobInput,
    now: Now,
) -> Result<Changes, AtsError> {
    let job = visible_job(store, actor, id)?;
    require_job_editor(actor)?;
    let mut job = job.clone();
    apply_job_input(&mut job, input);
    job.updated_at = now;
    check_job(store, &job)?;
    Ok(vec![Change::PutJob(job)])
}

/// A job the actor may see, or 404.
pub fn visible_job<'s>(store: &'s Store, actor: &User, id: u64) -> Result<&'s Job, AtsError> {
    store
        .jobs
        .get(&id)
        .filter(|job| can_see_job(actor, job))
        .ok_or_else(|| AtsError::not_found("Job", id))
}

/// An application the actor may see (its job is visible to them), or 404.
pub fn visible_application<'s>(
    store: &'s Store,
    actor: &User,
    id: u64,
) -> Result<&'s Application, AtsError> {
    store
        .applications
        .get(&id)
        .filter(|app| {
            store
                .jobs
                .get(&app.job_id)
                .is_some_and(|j| can_see_job(actor, j))
        })
        .ok_or_else(|| AtsError::not_found("Application", id))
}

fn check_rating(rating: Option<u8>) -> Result<(), AtsError> {
    match rating {
        Some(r) if !(1..=5).contains(&r) => Err(AtsError::field(
            "rating",
            "must be between 1 and 5 (or null to clear)",
        )),
        _ => Ok(()),
    }
}

/// `PUT`/`PATCH /applications/{id}`: rating (Limited and up) and archiving (Basic and up).
pub fn update_application(
    store: &Store,
    actor: &User,
    id: u64,
    input: ApplicationInput,
    now: Now,
) -> Result<Changes, AtsError> {
    let app = visible_application(store, actor, id)?;
    require_writer(actor)?;
    let mut app = app.clone();
    if let Some(rating) = input.rating {
        check_rating(rating)?;
        app.rating = rating;
    }
    if let Some(archived) = input.archived {
        if archived != app.archived {
            if actor.admin_level == AdminLevel::Limited {
                return Err(AtsError::forbidden(
                    "Limited users may not archive or restore applications",
                ));
            }
            app.archived = archived;
            app.archived_at = archived.then_some(now);
        }
    }
    app.updated_at = now;
    Ok(vec![Change::PutApplication(app)])
}

/// `DELETE /applications/{id}`: a destructive action reserved to the AccountOwner.
pub fn delete_application(store: &Store, actor: &User, id: u64) -> Result<Changes, AtsError> {
    visible_application(store, actor, id)?;
    require_owner(actor, "delete applicant records")?;
    Ok(vec![Change::DeleteApplication(id)])
}

/// `POST /notes`.
pub fn create_note(
    store: &Store,
    actor: &User,
    input: NoteInput,
    now: Now,
) -> Result<(Changes, u64), AtsError> {
    let app = visible_application(store, actor, input.app_id)?;
    require_writer(actor)?;
    if input.body.trim().is_empty() {
        return Err(AtsError::field("body", "can't be blank"));
    }
    let id = store.sequences.note;
    let note = Note {
        id,
        app_id: app.id,
        job_id: app.job_id,
        user_id: actor.id,
        body: input.body,
        created_at: now,
    };
    Ok((vec![Change::PutNote(note)], id))
}

/// Field checks of an application record about to be written (API writes and fixtures alike).
pub fn check_application(store: &Store, app: &Application) -> Result<(), AtsError> {
    let mut errors = Vec::new();
    if !store.jobs.contains_key(&app.job_id) {
        errors.push(FieldError::new(
            "job_id",
            format!("unknown job {}", app.job_id),
        ));
    }
    if app.first_name.trim().is_empty() {
        errors.push(FieldError::new("first_name", "can't be blank"));
    }
    if !is_valid_email(&app.email) {
        errors.push(FieldError::new("email", "is not a valid email address"));
    }
    if !errors.is_empty() {
        return Err(AtsError::Validation(errors));
    }
    check_rating(app.rating)
}

/// `POST /applicant_webhooks/add_applicant`: a new applicant on an Online job that takes
/// quick apply. Returns the writes and the new application's id.
pub fn quick_apply(
    store: &Store,
    actor: &User,
    input: QuickApplyInput,
    now: Now,
) -> Result<(Changes, u64), AtsError> {
    require_writer(actor)?;
    let job = store
        .job_by_reference(input.reference_number.trim())
        .filter(|job| can_see_job(actor, job))
        .ok_or_else(|| AtsError::field("reference_number", "does not match any job"))?;
    if !job.express_apply {
        return Err(AtsError::field(
            "reference_number",
            "this job does not accept quick apply (express_apply is off)",
        ));
    }
    if job.status != JobStatus::Online {
        return Err(AtsError::field(
            "reference_number",
            format!(
                "this job is {:?} and does not accept applications",
                job.status
            ),
        ));
    }
    let name = input.name.trim();
    let (first, last) = name.split_once(' ').unwrap_or((name, ""));
    let resume = match input.resume {
        Some(upload) => {
            if upload.filename.trim().is_empty() {
                return Err(AtsError::field("resume.filename", "can't be blank"));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(upload.data.trim())
                .map_err(|_| AtsError::field("resume.data", "is not valid base64"))?;
            Some(Resume {
                filename: upload.filename.trim().to_owned(),
                size: bytes.len() as u64,
            })
        }
        None => None,
    };
    let id = store.sequences.application;
    let app = Application {
        id,
        job_id: job.id,
        first_name: first.to_owned(),
        last_name: last.trim().to_owned(),
        email: input.email.trim().to_owned(),
        phone: non_blank(input.phone),
        cover_letter: non_blank(input.coverletter),
        resume,
        source: "quick_apply".into(),
        rating: None,
        archived: false,
        archived_at: None,
        created_at: now,
        updated_at: now,
    };
    if name.is_empty() {
        return Err(AtsError::field("name", "can't be blank"));
    }
    check_application(store, &app)?;
    Ok((vec![Change::PutApplication(app)], id))
}

#[cfg(test)]
mod tests;
