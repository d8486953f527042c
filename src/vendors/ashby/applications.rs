//! `application.create/info/list/changeStage/listHistory/update`. Applications to
//! confidential jobs are invisible to keys without the confidential-jobs toggle.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{Application, ApplicationStatus};
use super::pagination::{page, ListParams};
use super::render;
use super::rules;
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::Value;

fn render_one(store: &Store, id: &str) -> Option<Value> {
    store
        .applications
        .get(id)
        .map(|a| render::application(store, a))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewApplication {
    candidate_id: String,
    job_id: String,
    interview_plan_id: Option<String>,
    interview_stage_id: Option<String>,
    source_id: Option<String>,
    credited_to_user_id: Option<String>,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewApplication = params(body)?;
    let app = call.write(
        |s, now, rng| {
            let candidate = s
                .candidates
                .get(&p.candidate_id)
                .ok_or_else(|| AshbyError::not_found("candidate", "Candidate"))?;
            let job = s
                .jobs
                .get(&p.job_id)
                .filter(|j| call.can_see_job(j))
                .ok_or_else(|| AshbyError::not_found("job", "Job"))?;
            let app = rules::create_application(
                s,
                rng.uuid(),
                rng.uuid(),
                candidate,
                job,
                p.interview_plan_id.as_deref(),
                p.interview_stage_id.as_deref(),
                p.source_id,
                p.credited_to_user_id,
                p.created_at.unwrap_or(now),
                None,
            )?;
            let id = app.id.clone();
            Ok((vec![Change::Application(app)], id))
        },
        |s, id| render_one(s, &id),
    )?;
    Ok(success(app.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApplicationId {
    application_id: String,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ApplicationId = params(body)?;
    let app = call.read(|s| {
        Ok(render::application(
            s,
            call.application(s, &p.application_id)?,
        ))
    })?;
    Ok(success(app, None))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AppList {
    #[serde(flatten)]
    list: ListParams,
    status: Option<ApplicationStatus>,
    job_id: Option<String>,
}

pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: AppList = params(body)?;
    let page = call.read(|s| {
        let keep = |a: &Application| {
            p.status.is_none_or(|st| a.status == st)
                && p.job_id.as_deref().is_none_or(|j| a.job_id == j)
                && s.jobs.get(&a.job_id).is_some_and(|j| call.can_see_job(j))
        };
        page(
            call.list_at(s),
            &s.applications,
            &p.list,
            keep,
            |a| a.created_at,
            |a| render::application(s, a),
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ChangeStage {
    application_id: String,
    interview_stage_id: String,
    archive_reason_id: Option<String>,
}

pub fn change_stage(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ChangeStage = params(body)?;
    let app = call.write(
        |s, now, rng| {
            let app = call.application(s, &p.application_id)?;
            let app = rules::change_stage(
                s,
                app,
                &p.interview_stage_id,
                p.archive_reason_id.as_deref(),
                rng.uuid(),
                now,
                None,
            )?;
            let id = app.id.clone();
            Ok((vec![Change::Application(app)], id))
        },
        |s, id| render_one(s, &id),
    )?;
    Ok(success(app.unwrap_or(Value::Null), None))
}

pub fn list_history(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ApplicationId = params(body)?;
    let history: Vec<Value> = call.read(|s| {
        Ok(call
            .application(s, &p.application_id)?
            .history
            .iter()
            .map(render::visit)
            .collect())
    })?;
    Ok(success(
        Value::Array(history),
        Some(serde_json::json!({"moreDataAvailable": false})),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Update {
    application_id: String,
    source_id: Option<String>,
    credited_to_user_id: Option<String>,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn update(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Update = params(body)?;
    let app = call.write(
        |s, now, _| {
            let mut app = call.application(s, &p.application_id)?.clone();
            if let Some(source) = p.source_id {
                if !s.sources.contains(&source) {
                    return Err(AshbyError::not_found("source", "Source"));
                }
                app.source_id = Some(source);
            }
            if let Some(user) = p.credited_to_user_id {
                if !s.users.contains(&user) {
                    return Err(AshbyError::not_found("user", "User"));
                }
                app.credited_to_user_id = Some(user);
            }
            if let Some(created) = p.created_at {
                app.created_at = created;
            }
            app.updated_at = now;
            let id = app.id.clone();
            Ok((vec![Change::Application(app)], id))
        },
        |s, id| render_one(s, &id),
    )?;
    Ok(success(app.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HistoryUpdate {
    application_id: String,
    application_history: Vec<HistoryEventInput>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HistoryEventInput {
    stage_id: String,
    stage_number: u32,
    entered_stage_at: chrono::DateTime<chrono::Utc>,
    application_history_id: Option<String>,
    archive_reason_id: Option<String>,
}

/// Needs the key's "Allow updating application history?" setting besides `candidatesWrite`.
pub fn update_history(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: HistoryUpdate = params(body)?;
    if !call.key.allow_history_updates {
        return Err(AshbyError::missing_permission(
            call.endpoint,
            "Allow updating application history",
        ));
    }
    let events: Vec<rules::HistoryEvent> = p
        .application_history
        .into_iter()
        .map(|e| rules::HistoryEvent {
            stage_id: e.stage_id,
            stage_number: e.stage_number,
            entered_stage_at: e.entered_stage_at,
            application_history_id: e.application_history_id,
            archive_reason_id: e.archive_reason_id,
        })
        .collect();
    let app = call.write(
        |s, now, rng| {
            let app = call.application(s, &p.application_id)?;
            let next = rules::update_history(s, app, &events, || rng.uuid(), now)?;
            let id = next.id.clone();
            Ok((vec![Change::Application(next)], id))
        },
        |s, id| {
            render_one(s, &id).map(|mut out| {
                out["applicationHistory"] = s
                    .applications
                    .get(&id)
                    .map(|a| a.history.iter().map(render::visit).collect())
                    .unwrap_or_default();
                out
            })
        },
    )?;
    Ok(success(app.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CriteriaList {
    application_id: String,
    cursor: Option<String>,
}

/// The sandbox runs no AI application review: an empty page for a visible application.
pub fn list_criteria_evaluations(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: CriteriaList = params(body)?;
    if p.cursor.is_some() {
        return Err(AshbyError::new(
            "invalid_next_cursor",
            "The cursor is not valid for this list",
        ));
    }
    call.read(|s| call.application(s, &p.application_id).map(|_| ()))?;
    Ok(success(
        Value::Array(Vec::new()),
        Some(serde_json::json!({"moreDataAvailable": false})),
    ))
}
