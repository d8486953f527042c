//! Hiring-process metadata: `interviewPlan.list`, `interviewStage.list/info`,
//! `archiveReason.list`, `source.list`, `candidateTag.create/list`.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::CandidateTag;
use super::pagination::{page, ListParams};
use super::render;
use super::store::Change;
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ArchivedFilter {
    #[serde(default)]
    include_archived: bool,
}

pub fn interview_plan_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ArchivedFilter = params(body)?;
    let plans: Vec<Value> = call.read(|s| {
        Ok(s.plans
            .values()
            .filter(|x| p.include_archived || !x.is_archived)
            .map(render::plan)
            .collect())
    })?;
    Ok(success(
        Value::Array(plans),
        Some(json!({"moreDataAvailable": false})),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanId {
    interview_plan_id: String,
}

pub fn interview_stage_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: PlanId = params(body)?;
    let stages: Vec<Value> = call.read(|s| {
        if !s.plans.contains(&p.interview_plan_id) {
            return Err(AshbyError::not_found("interview_plan", "Interview plan"));
        }
        Ok(s.stages_of(&p.interview_plan_id)
            .into_iter()
            .map(render::stage)
            .collect())
    })?;
    Ok(success(
        Value::Array(stages),
        Some(json!({"moreDataAvailable": false})),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StageId {
    interview_stage_id: String,
}

pub fn interview_stage_info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: StageId = params(body)?;
    let stage = call.read(|s| {
        s.stages
            .get(&p.interview_stage_id)
            .map(render::stage)
            .ok_or_else(|| AshbyError::not_found("interview_stage", "Interview stage"))
    })?;
    Ok(success(stage, None))
}

pub fn archive_reason_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ArchivedFilter = params(body)?;
    let reasons: Vec<Value> = call.read(|s| {
        Ok(s.archive_reasons
            .values()
            .filter(|r| p.include_archived || !r.is_archived)
            .map(render::archive_reason)
            .collect())
    })?;
    Ok(success(Value::Array(reasons), None))
}

pub fn source_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ArchivedFilter = params(body)?;
    let sources: Vec<Value> = call.read(|s| {
        Ok(s.sources
            .values()
            .filter(|x| p.include_archived || !x.is_archived)
            .map(render::source)
            .collect())
    })?;
    Ok(success(
        Value::Array(sources),
        Some(json!({"moreDataAvailable": false})),
    ))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct TagList {
    #[serde(flatten)]
    list: ListParams,
    #[serde(default)]
    include_archived: bool,
}

pub fn candidate_tag_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: TagList = params(body)?;
    let now = call.now();
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.tags,
            &p.list,
            |t| p.include_archived || !t.is_archived,
            |_| now,
            render::tag,
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
struct NewTag {
    title: String,
}

/// Answers the existing tag when one has the title (case-insensitively).
pub fn candidate_tag_create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewTag = params(body)?;
    let title = p.title.trim().to_owned();
    if title.is_empty() {
        return Err(AshbyError::invalid_input("title must not be empty"));
    }
    let tag = call.write(
        |s, _, rng| {
            if let Some(existing) = s.tag_by_title(&title) {
                return Ok((Vec::new(), existing.id.clone()));
            }
            let tag = CandidateTag {
                id: rng.uuid(),
                title,
                is_archived: false,
            };
            let id = tag.id.clone();
            Ok((vec![Change::Tag(tag)], id))
        },
        |s, id| s.tags.get(&id).map(render::tag),
    )?;
    Ok(success(tag.unwrap_or(Value::Null), None))
}
