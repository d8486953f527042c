//! Projects: `project.info/list/search` and `candidate.addProject/removeProject/listProjects`.
//! Confidential projects, like confidential jobs, hide from keys without the toggle.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::Project;
use super::pagination::{page, ListParams};
use super::render;
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::{json, Value};

fn visible<'s>(call: &Call, s: &'s Store, id: &str) -> Result<&'s Project> {
    s.projects
        .get(id)
        .filter(|p| !p.confidential || call.key.confidential_jobs)
        .ok_or_else(|| AshbyError::not_found("project", "Project"))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProjectId {
    project_id: String,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ProjectId = params(body)?;
    let out = call.read(|s| Ok(render::project(visible(call, s, &p.project_id)?)))?;
    Ok(success(out, None))
}

pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ListParams = params(body)?;
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.projects,
            &p,
            |x| !x.confidential || call.key.confidential_jobs,
            |x| x.created_at,
            render::project,
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
struct Search {
    title: Option<String>,
}

/// At most 100 projects whose title contains `title` (case-insensitively).
pub fn search(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: Search = params(body)?;
    let title = p.title.unwrap_or_default().to_lowercase();
    let found: Vec<Value> = call.read(|s| {
        Ok(s.projects
            .values()
            .filter(|x| !x.confidential || call.key.confidential_jobs)
            .filter(|x| x.title.to_lowercase().contains(&title))
            .take(100)
            .map(render::project)
            .collect())
    })?;
    Ok(success(Value::Array(found), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Membership {
    candidate_id: String,
    project_id: String,
}

fn change(call: &Call, body: Value, add: bool) -> Result<HttpResponse> {
    let p: Membership = params(body)?;
    let out = call.write(
        |s, now, _| {
            let mut c = s
                .candidates
                .get(&p.candidate_id)
                .cloned()
                .ok_or_else(|| AshbyError::not_found("candidate", "Candidate"))?;
            visible(call, s, &p.project_id)?;
            c.project_ids.retain(|x| *x != p.project_id);
            if add {
                c.project_ids.push(p.project_id.clone());
            }
            c.updated_at = now;
            let id = c.id.clone();
            Ok((vec![Change::Candidate(c)], id))
        },
        |s, id| s.candidates.get(&id).map(|c| render::candidate(s, c)),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

pub fn add_candidate(call: &Call, body: Value) -> Result<HttpResponse> {
    change(call, body, true)
}

pub fn remove_candidate(call: &Call, body: Value) -> Result<HttpResponse> {
    change(call, body, false)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CandidateId {
    candidate_id: String,
}

pub fn of_candidate(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: CandidateId = params(body)?;
    let list: Vec<Value> = call.read(|s| {
        let c = s
            .candidates
            .get(&p.candidate_id)
            .ok_or_else(|| AshbyError::not_found("candidate", "Candidate"))?;
        Ok(c.project_ids
            .iter()
            .filter_map(|id| visible(call, s, id).ok())
            .map(render::project)
            .collect())
    })?;
    Ok(success(
        Value::Array(list),
        Some(json!({"moreDataAvailable": false})),
    ))
}
