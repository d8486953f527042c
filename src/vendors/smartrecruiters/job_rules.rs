//! Rules for jobs' own data (create, full update, JSON Patch, positions, hiring team, note), pure
//! functions on the [`Store`] like `rules.rs`. Status moves are in `rules.rs`.
//!
//! Choices: `industry`, `function` and `experienceLevel` take any non-blank id (SmartRecruiters
//! validates them against its own catalogues, which are not published); `department.id` must be a
//! department of the company; a position's `type` is NEW or REPLACEMENT, and a REPLACEMENT names
//! its `incumbentName`; a user is on a hiring team once (adding them again is 409).

use super::error::SrError;
use super::input::*;
use super::model::*;
use super::rules::{job, need, require, user};
use super::store::{Change, Changes, Store};

fn build(store: &Store, input: JobInput, into: &mut Job) -> Result<(), SrError> {
    let title = input.title.trim();
    if title.is_empty() {
        return Err(SrError::invalid("title", "must not be blank"));
    }
    for (field, r) in [
        ("industry.id", &input.industry),
        ("function.id", &input.function),
        ("experienceLevel.id", &input.experience_level),
    ] {
        if r.id.trim().is_empty() {
            return Err(SrError::invalid(field, "must not be blank"));
        }
    }
    if let Some(d) = &input.department {
        if !store.departments.contains_key(&d.id) {
            return Err(SrError::invalid(
                "department.id",
                format!("unknown department '{}'", d.id),
            ));
        }
    }
    if input
        .location
        .city
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
        && !input.location.remote
    {
        return Err(SrError::invalid(
            "location.city",
            "a job needs a city unless it is remote",
        ));
    }
    super::config_rules::check_job_values(store, &input.properties)?;
    let language = match &input.language {
        None => into.language.clone(),
        Some(serde_json::Value::String(code)) => code.clone(),
        Some(serde_json::Value::Object(o)) => match o.get("code").and_then(|c| c.as_str()) {
            Some(code) => code.to_owned(),
            None => return Err(SrError::missing("language.code")),
        },
        Some(_) => return Err(SrError::invalid("language", "expected {\"code\": ...}")),
    };
    into.title = title.to_owned();
    into.ref_number = input.ref_number;
    into.target_hiring_date = input.target_hiring_date;
    into.department_id = input.department.map(|d| d.id);
    into.location = input.location;
    into.industry = labeled(&input.industry, &input.industry.id);
    into.function = labeled(&input.function, &input.function.id);
    into.type_of_employment = input.type_of_employment.map(|t| labeled(&t, &t.id));
    into.experience_level = labeled(&input.experience_level, &input.experience_level.id);
    into.eeo_category = input.eeo_category.map(|t| labeled(&t, &t.id));
    into.compensation = input.compensation;
    into.job_ad = input.job_ad;
    into.properties = input.properties;
    into.language = language;
    Ok(())
}

pub fn create_job(
    store: &Store,
    actor: &User,
    id: String,
    input: JobInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Creating jobs")?;
    let empty = Labeled {
        id: String::new(),
        label: String::new(),
    };
    let mut job = Job {
        id,
        title: String::new(),
        ref_number: None,
        created_on: now,
        updated_on: now,
        last_activity_on: now,
        department_id: None,
        location: Location::default(),
        status: JobStatus::Created,
        reached_stage: 0,
        posting_status: PostingStatus::NotPublished,
        target_hiring_date: None,
        industry: empty.clone(),
        function: empty.clone(),
        type_of_employment: None,
        experience_level: empty,
        eeo_category: None,
        creator_id: actor.id.clone(),
        compensation: None,
        job_ad: None,
        properties: Vec::new(),
        language: default_language(),
        hiring_process_id: store.hiring_processes.keys().next().cloned(),
        hiring_team: vec![HiringTeamMember {
            user_id: actor.id.clone(),
            role: HiringTeamRole::Recruiter,
        }],
        positions: Vec::new(),
        note: String::new(),
        status_history: vec![JobStatusChange {
            changed_on: now,
            status: JobStatus::Created,
        }],
        ads: Vec::new(),
        approvals: Vec::new(),
    };
    build(store, input, &mut job)?;
    Ok(vec![Change::PutJob(Box::new(job))])
}

/// `PUT /jobs/{id}`: every field of `JobInput` replaced; status, team, positions kept.
pub fn replace_job(
    store: &Store,
    actor: &User,
    id: &str,
    input: JobInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Updating jobs")?;
    let mut job = job(store, id)?.clone();
    build(store, input, &mut job)?;
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

/// The editable document of a job, as `PATCH /jobs/{id}` patches it (the `JobInput` fields).
pub fn patchable(job: &Job) -> serde_json::Value {
    let idref = |l: &Labeled| serde_json::json!({ "id": l.id });
    let mut doc = serde_json::json!({
        "title": job.title,
        "location": job.location,
        "industry": idref(&job.industry),
        "function": idref(&job.function),
        "experienceLevel": idref(&job.experience_level),
        "properties": job.properties,
        "language": {"code": job.language},
    });
    let optional = [
        (
            "refNumber",
            job.ref_number.as_ref().map(|v| serde_json::json!(v)),
        ),
        (
            "targetHiringDate",
            job.target_hiring_date.map(|v| serde_json::json!(v)),
        ),
        (
            "department",
            job.department_id
                .as_ref()
                .map(|d| serde_json::json!({ "id": d })),
        ),
        (
            "typeOfEmployment",
            job.type_of_employment.as_ref().map(idref),
        ),
        ("eeoCategory", job.eeo_category.as_ref().map(idref)),
        ("compensation", job.compensation.clone()),
        ("jobAd", job.job_ad.clone()),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            doc[key] = value;
        }
    }
    doc
}

pub fn add_position(
    store: &Store,
    actor: &User,
    job_id: &str,
    id: String,
    input: PositionInput,
    now: Time,
) -> Result<(Changes, Position), SrError> {
    require(actor, need::WRITE_JOBS, "Changing positions")?;
    let mut job = job(store, job_id)?.clone();
    let position = position(id, input)?;
    job.positions.push(position.clone());
    job.updated_on = now;
    Ok((vec![Change::PutJob(Box::new(job))], position))
}

fn position(id: String, input: PositionInput) -> Result<Position, SrError> {
    if !matches!(input.kind.as_str(), "NEW" | "REPLACEMENT") {
        return Err(SrError::invalid(
            "type",
            format!("'{}' is not one of NEW, REPLACEMENT", input.kind),
        ));
    }
    let incumbent = input
        .incumbent_name
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if input.kind == "REPLACEMENT" && incumbent.is_none() {
        return Err(SrError::invalid(
            "incumbentName",
            "a REPLACEMENT position names the person it replaces",
        ));
    }
    Ok(Position {
        id,
        kind: input.kind,
        position_id: input.position_id,
        incumbent_name: incumbent,
        target_start_date: input.target_start_date,
    })
}

pub fn update_position(
    store: &Store,
    actor: &User,
    job_id: &str,
    position_id: &str,
    input: PositionInput,
    now: Time,
) -> Result<(Changes, Position), SrError> {
    require(actor, need::WRITE_JOBS, "Changing positions")?;
    let mut job = job(store, job_id)?.clone();
    let slot = job
        .positions
        .iter_mut()
        .find(|p| p.id == position_id)
        .ok_or_else(|| SrError::not_found("Position", position_id))?;
    *slot = position(position_id.to_owned(), input)?;
    let updated = slot.clone();
    job.updated_on = now;
    Ok((vec![Change::PutJob(Box::new(job))], updated))
}

pub fn delete_position(
    store: &Store,
    actor: &User,
    job_id: &str,
    position_id: &str,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Changing positions")?;
    let mut job = job(store, job_id)?.clone();
    let before = job.positions.len();
    job.positions.retain(|p| p.id != position_id);
    if job.positions.len() == before {
        return Err(SrError::not_found("Position", position_id));
    }
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

pub fn add_team_member(
    store: &Store,
    actor: &User,
    job_id: &str,
    input: &HiringTeamInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Changing a hiring team")?;
    let mut job = job(store, job_id)?.clone();
    let member = user(store, &input.id)
        .map_err(|_| SrError::invalid("id", format!("unknown user '{}'", input.id)))?;
    if !member.active {
        return Err(SrError::invalid(
            "id",
            format!("user '{}' is not active", input.id),
        ));
    }
    if job.hiring_team.iter().any(|m| m.user_id == input.id) {
        return Err(SrError::conflict(format!(
            "user '{}' is already on the hiring team of job '{job_id}'",
            input.id
        )));
    }
    job.hiring_team.push(HiringTeamMember {
        user_id: input.id.clone(),
        role: input.role,
    });
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

pub fn remove_team_member(
    store: &Store,
    actor: &User,
    job_id: &str,
    user_id: &str,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Changing a hiring team")?;
    let mut job = job(store, job_id)?.clone();
    let before = job.hiring_team.len();
    job.hiring_team.retain(|m| m.user_id != user_id);
    if job.hiring_team.len() == before {
        return Err(SrError::not_found("Hiring team member", user_id));
    }
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

pub fn set_note(
    store: &Store,
    actor: &User,
    job_id: &str,
    content: String,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Changing a job note")?;
    let mut job = job(store, job_id)?.clone();
    job.note = content;
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}
