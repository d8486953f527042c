//! Configuration lists: `closeReason.list`, `brand.list`, `communicationTemplate.list`,
//! `jobBoard.list`, `hiringTeamRole.list`, `applicationHiringTeamRole.list`,
//! `interviewStageGroup.list`, and `jobInterviewPlan.info`.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::render;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::{json, Value};

fn no_more() -> Option<Value> {
    Some(json!({"moreDataAvailable": false}))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ArchivedFilter {
    #[serde(default)]
    include_archived: bool,
}

pub fn close_reason_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ArchivedFilter = params(body)?;
    let list: Vec<Value> = call.read(|s| {
        Ok(s.close_reasons
            .values()
            .filter(|r| p.include_archived || !r.is_archived)
            .map(|r| json!(r))
            .collect())
    })?;
    Ok(success(Value::Array(list), no_more()))
}

pub fn brand_list(call: &Call, _body: Value) -> Result<HttpResponse> {
    let list: Vec<Value> = call.read(|s| Ok(s.brands.values().map(|b| json!(b)).collect()))?;
    Ok(success(Value::Array(list), no_more()))
}

pub fn communication_template_list(call: &Call, _body: Value) -> Result<HttpResponse> {
    let list: Vec<Value> = call.read(|s| {
        Ok(s.communication_templates
            .values()
            .map(|t| {
                json!({
                    "id": t.id, "title": t.title, "intendedTypes": t.intended_types,
                    "createdAt": t.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                    "updatedAt": t.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                })
            })
            .collect())
    })?;
    Ok(success(Value::Array(list), no_more()))
}

pub fn job_board_list(call: &Call, _body: Value) -> Result<HttpResponse> {
    let list: Vec<Value> = call.read(|s| Ok(s.job_boards.values().map(|b| json!(b)).collect()))?;
    Ok(success(Value::Array(list), no_more()))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RoleList {
    #[serde(default)]
    names_only: bool,
}

/// `namesOnly: true` answers the titles alone.
pub fn hiring_team_role_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: RoleList = params(body)?;
    let list: Vec<Value> = call.read(|s| {
        Ok(s.hiring_team_roles
            .values()
            .map(|r| {
                if p.names_only {
                    json!(r.title)
                } else {
                    json!({"id": r.id, "title": r.title})
                }
            })
            .collect())
    })?;
    Ok(success(Value::Array(list), no_more()))
}

pub fn application_hiring_team_role_list(call: &Call, _body: Value) -> Result<HttpResponse> {
    let list: Vec<Value> = call.read(|s| {
        Ok(s.hiring_team_roles
            .values()
            .map(|r| json!({"id": r.id, "title": r.title}))
            .collect())
    })?;
    Ok(success(Value::Array(list), no_more()))
}

/// One group per stage type present in the plans, in the order stage types run.
pub fn interview_stage_group_list(call: &Call, _body: Value) -> Result<HttpResponse> {
    let list: Vec<Value> = call.read(|s| {
        let mut groups: Vec<(u32, Value)> = Vec::new();
        for stage in s.stages.values() {
            let kind = json!(stage.stage_type);
            if groups.iter().any(|(_, g)| g["stageType"] == kind) {
                continue;
            }
            let order = stage.stage_type as u32;
            let title = kind.as_str().unwrap_or_default().to_owned();
            groups.push((order, json!({"id": format!("group-{}", title.to_lowercase()), "title": title, "order": order, "stageType": kind})));
        }
        groups.sort_by_key(|(o, _)| *o);
        Ok(groups.into_iter().map(|(_, g)| g).collect())
    })?;
    Ok(success(Value::Array(list), no_more()))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JobId {
    job_id: String,
}

/// A job's default interview plan with its stages.
pub fn job_interview_plan_info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: JobId = params(body)?;
    let out = call.read(|s| {
        let job = s
            .jobs
            .get(&p.job_id)
            .filter(|j| call.can_see_job(j))
            .ok_or_else(|| AshbyError::not_found("job", "Job"))?;
        let plan = job
            .default_interview_plan_id
            .as_deref()
            .ok_or_else(|| AshbyError::not_found("interview_plan", "Interview plan"))?;
        // Interview activities are not modelled yet: every stage lists none.
        let stages: Vec<Value> = s
            .stages_of(plan)
            .into_iter()
            .map(|stage| {
                let mut stage = render::stage(stage);
                stage["activities"] = json!([]);
                stage
            })
            .collect();
        Ok(json!({"jobId": job.id, "interviewPlanId": plan, "stages": stages}))
    })?;
    Ok(success(out, None))
}
