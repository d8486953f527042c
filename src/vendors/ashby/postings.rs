//! `jobPosting.info/list/update`, `jobTemplate.list`, `sourceTrackingLink.list` and
//! `job.updateCompensation`: what a job shows to candidates and how it pays.
//!
//! A posting is published while its job is Open; `jobPosting.list` answers published postings
//! of one job board (the first external board unless `jobBoardId` names another).

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{CompensationComponent, CompensationTier, JobPosting, JobStatus};
use super::pagination::{page, ListParams};
use super::render;
use super::rules::fields::INTERVALS;
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::{json, Value};

fn posting<'s>(call: &Call, s: &'s Store, id: &str) -> Result<&'s JobPosting> {
    s.job_postings
        .get(id)
        .filter(|p| s.jobs.get(&p.job_id).is_some_and(|j| call.can_see_job(j)))
        .ok_or_else(|| AshbyError::not_found("job_posting", "Job posting"))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostingInfo {
    job_posting_id: String,
    #[serde(default)]
    expand: Vec<PostingExpand>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
enum PostingExpand {
    Job,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: PostingInfo = params(body)?;
    let out = call.read(|s| {
        let posting = posting(call, s, &p.job_posting_id)?;
        let mut out = render::job_posting(s, posting);
        if p.expand.contains(&PostingExpand::Job) {
            out["job"] = s
                .jobs
                .get(&posting.job_id)
                .map_or(Value::Null, |j| render::job(s, j));
        }
        Ok(out)
    })?;
    Ok(success(out, None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostingList {
    location: Option<String>,
    department: Option<String>,
    #[serde(default)]
    listed_only: bool,
    job_board_id: Option<String>,
}

pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: PostingList = params(body)?;
    let out = call.read(|s| {
        let board = match &p.job_board_id {
            Some(id) => Some(
                s.job_boards
                    .get(id)
                    .ok_or_else(|| AshbyError::not_found("job_board", "Job board"))?,
            ),
            None => s.job_boards.values().find(|b| !b.is_internal),
        };
        let board_id = board.map(|b| b.id.as_str());
        Ok(s.job_postings
            .values()
            .filter(|x| x.job_board_id.as_deref() == board_id || x.job_board_id.is_none())
            .filter(|x| !p.listed_only || x.is_listed)
            .filter(|x| {
                s.jobs
                    .get(&x.job_id)
                    .is_some_and(|j| j.status == JobStatus::Open && call.can_see_job(j))
            })
            .map(|x| render::job_posting_summary(s, x))
            .filter(|r| {
                p.location.as_deref().is_none_or(|l| r["locationName"] == l)
                    && p.department
                        .as_deref()
                        .is_none_or(|d| r["departmentName"] == d)
            })
            .collect::<Vec<Value>>())
    })?;
    Ok(success(Value::Array(out), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostingUpdate {
    job_posting_id: String,
    title: Option<String>,
    workplace_type: Option<WorkplaceType>,
    suppress_description_opening: Option<bool>,
    suppress_description_closing: Option<bool>,
    description: Option<Description>,
}

#[derive(Deserialize, Debug)]
enum WorkplaceType {
    OnSite,
    Hybrid,
    Remote,
}

#[derive(Deserialize)]
struct Description {
    #[serde(rename = "type")]
    kind: String,
    content: String,
}

pub fn update(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: PostingUpdate = params(body)?;
    if let Some(d) = &p.description {
        if d.kind != "text/html" {
            return Err(AshbyError::invalid_input(
                "description.type must be text/html",
            ));
        }
    }
    if p.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(AshbyError::invalid_input("title must not be empty"));
    }
    let out = call.write(
        |s, now, _| {
            let mut x = posting(call, s, &p.job_posting_id)?.clone();
            if let Some(t) = &p.title {
                x.title = t.trim().to_owned();
            }
            if let Some(w) = &p.workplace_type {
                x.workplace_type = Some(format!("{w:?}"));
            }
            if let Some(v) = p.suppress_description_opening {
                x.suppress_description_opening = v;
            }
            if let Some(v) = p.suppress_description_closing {
                x.suppress_description_closing = v;
            }
            if let Some(d) = &p.description {
                x.description_html.clone_from(&d.content);
            }
            x.updated_at = now;
            let id = x.id.clone();
            Ok((vec![Change::JobPosting(x)], id))
        },
        |s, id| s.job_postings.get(&id).map(|x| render::job_posting(s, x)),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct TemplateList {
    #[serde(flatten)]
    list: ListParams,
    #[serde(default)]
    expand: Vec<TemplateExpand>,
}

#[derive(Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
enum TemplateExpand {
    Location,
}

pub fn job_template_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: TemplateList = params(body)?;
    let with_location = p.expand.contains(&TemplateExpand::Location);
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.job_templates,
            &p.list,
            |_| true,
            |t| t.created_at,
            |t| {
                let mut out = render::job_template(t);
                if with_location {
                    out["location"] = t
                        .location_id
                        .as_deref()
                        .and_then(|l| s.locations.get(l))
                        .map_or(Value::Null, render::location);
                }
                out
            },
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct LinkList {
    #[serde(default)]
    include_disabled: bool,
}

pub fn source_tracking_link_list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LinkList = params(body)?;
    let out: Vec<Value> = call.read(|s| {
        Ok(s.source_tracking_links
            .values()
            .filter(|l| p.include_disabled || l.enabled)
            .map(render::source_tracking_link)
            .collect())
    })?;
    Ok(success(
        Value::Array(out),
        Some(json!({"moreDataAvailable": false})),
    ))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CompensationUpdate {
    job_id: String,
    compensation_tiers: Vec<TierInput>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TierInput {
    title: Option<String>,
    additional_information: Option<String>,
    components: Vec<ComponentInput>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ComponentInput {
    compensation_type: CompensationType,
    interval: String,
    currency_code: Option<String>,
    label: Option<String>,
    min_value: Option<f64>,
    max_value: Option<f64>,
}

#[derive(Deserialize, Debug, PartialEq)]
enum CompensationType {
    Salary,
    EquityPercentage,
    EquityCashValue,
    Commission,
    Bonus,
}

/// Checks every tier before anything is written: at least one component each, a title on
/// every tier of a multi-tier range, a known interval, a currency for every component but
/// equity percentages, and `minValue <= maxValue`.
pub fn update_compensation(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: CompensationUpdate = params(body)?;
    let many = p.compensation_tiers.len() > 1;
    for tier in &p.compensation_tiers {
        if tier.components.is_empty() {
            return Err(AshbyError::invalid_input(
                "every compensation tier needs at least one component",
            ));
        }
        if many && tier.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(AshbyError::invalid_input(
                "title is required for multi-tier compensation ranges",
            ));
        }
        for c in &tier.components {
            if !INTERVALS.contains(&c.interval.as_str()) {
                return Err(AshbyError::invalid_input(format!(
                    "interval {} is not one of {}",
                    c.interval,
                    INTERVALS.join(", ")
                )));
            }
            let currency_ok = c
                .currency_code
                .as_deref()
                .is_some_and(|c| c.len() == 3 && c.chars().all(|x| x.is_ascii_uppercase()));
            if c.compensation_type != CompensationType::EquityPercentage && !currency_ok {
                return Err(AshbyError::invalid_input(format!(
                    "{:?} components need an ISO 4217 currencyCode",
                    c.compensation_type
                )));
            }
            if let (Some(a), Some(b)) = (c.min_value, c.max_value) {
                if a > b {
                    return Err(AshbyError::invalid_input(
                        "minValue must not be greater than maxValue",
                    ));
                }
            }
        }
    }
    let out = call.write(
        |s, now, rng| {
            let mut job = call.job(s, &p.job_id)?.clone();
            job.compensation_tiers = p
                .compensation_tiers
                .iter()
                .map(|t| CompensationTier {
                    id: rng.uuid(),
                    title: t.title.clone(),
                    additional_information: t.additional_information.clone(),
                    components: t
                        .components
                        .iter()
                        .map(|c| CompensationComponent {
                            id: rng.uuid(),
                            compensation_type: format!("{:?}", c.compensation_type),
                            interval: c.interval.clone(),
                            currency_code: c.currency_code.clone(),
                            label: c.label.clone(),
                            min_value: c.min_value,
                            max_value: c.max_value,
                        })
                        .collect(),
                })
                .collect();
            job.updated_at = now;
            let id = job.id.clone();
            Ok((vec![Change::Job(job)], id))
        },
        |s, id| {
            s.jobs.get(&id).map(|j| {
                let mut out = render::job(s, j);
                out["compensationTiers"] = j
                    .compensation_tiers
                    .iter()
                    .map(render::compensation_tier)
                    .collect();
                out
            })
        },
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}
