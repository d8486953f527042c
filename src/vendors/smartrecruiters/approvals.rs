//! Job approval requests (`/approvals-api/v201910`, the base VENDORS.md §2.2 names): the
//! caller's pending requests, one request, a new request based on a decided one, approve,
//! reject, and comments.
//!
//! Choices (SmartRecruiters documents the actions, not their paths or rules): requests live on
//! jobs (fixtures make them; `GET /jobs/{id}/approvals/latest` reads the last); paths are
//! `/approvals`, `/approvals/pending`, `/approvals/{id}`, `/approvals/{id}/approve`,
//! `/approvals/{id}/reject`, `/approvals/{id}/comments`. Only an approver still PENDING on a
//! PENDING request decides; the request is APPROVED when every approver approved and REJECTED
//! at the first rejection, and a decided request is final. A new request (`{"approvalId"}`)
//! copies the approvers of a decided one, all PENDING; a job has one PENDING request at most.
//! Anyone who can read the job comments (`{text}`, not blank).

use super::auth::Caller;
use super::error::SrError;
use super::input;
use super::model::{ApprovalComment, ApprovalStatus, Approver, JobApproval, Time, User};
use super::store::{Change, Changes, Store};
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

fn find<'s>(
    store: &'s Store,
    id: &str,
) -> Result<(&'s super::model::Job, &'s JobApproval), SrError> {
    store
        .approval(id)
        .ok_or_else(|| SrError::not_found("Approval request", id))
}

/// The approval with `id` changed by `f`, as a change of its job.
fn change(
    store: &Store,
    id: &str,
    f: impl FnOnce(&mut JobApproval) -> Result<(), SrError>,
) -> Result<Changes, SrError> {
    let (job, _) = find(store, id)?;
    let mut job = job.clone();
    let approval = job
        .approvals
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or_else(|| SrError::not_found("Approval request", id))?;
    f(approval)?;
    Ok(vec![Change::PutJob(Box::new(job))])
}

/// The rule of a decision by `actor`.
pub fn decide(store: &Store, actor: &User, id: &str, approve: bool) -> Result<Changes, SrError> {
    change(store, id, |approval| {
        if approval.status != ApprovalStatus::Pending {
            return Err(SrError::conflict(format!(
                "approval request '{id}' is already decided"
            )));
        }
        let me = approval
            .approvers
            .iter_mut()
            .find(|a| a.user_id == actor.id)
            .ok_or_else(|| SrError::forbidden("only an approver of the request decides it"))?;
        if me.status != ApprovalStatus::Pending {
            return Err(SrError::conflict("the caller already decided"));
        }
        me.status = if approve {
            ApprovalStatus::Approved
        } else {
            ApprovalStatus::Rejected
        };
        approval.status = if !approve {
            ApprovalStatus::Rejected
        } else if approval
            .approvers
            .iter()
            .all(|a| a.status == ApprovalStatus::Approved)
        {
            ApprovalStatus::Approved
        } else {
            ApprovalStatus::Pending
        };
        Ok(())
    })
}

pub fn renew(store: &Store, based_on: &str, id: String, now: Time) -> Result<Changes, SrError> {
    let (job, old) = find(store, based_on)?;
    if old.status == ApprovalStatus::Pending {
        return Err(SrError::conflict(format!(
            "approval request '{based_on}' is still pending"
        )));
    }
    if job
        .approvals
        .iter()
        .any(|a| a.status == ApprovalStatus::Pending)
    {
        return Err(SrError::conflict(format!(
            "job '{}' already has a pending approval request",
            job.id
        )));
    }
    let mut job = job.clone();
    let approvers = old
        .approvers
        .iter()
        .map(|a| Approver {
            user_id: a.user_id.clone(),
            status: ApprovalStatus::Pending,
        })
        .collect();
    job.approvals.push(JobApproval {
        id,
        status: ApprovalStatus::Pending,
        created_on: now,
        approvers,
        comments: Vec::new(),
    });
    Ok(vec![Change::PutJob(Box::new(job))])
}

pub fn comment(
    store: &Store,
    actor: &User,
    id: &str,
    comment_id: String,
    text: &str,
    now: Time,
) -> Result<Changes, SrError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(SrError::invalid("text", "must not be blank"));
    }
    change(store, id, |approval| {
        approval.comments.push(ApprovalComment {
            id: comment_id,
            author_id: actor.id.clone(),
            text: text.to_owned(),
            created_on: now,
        });
        Ok(())
    })
}

pub fn render(store: &Store, job_id: &str, approval: &JobApproval) -> Value {
    let approvers: Vec<Value> = approval
        .approvers
        .iter()
        .map(|a| {
            let u = store.users.get(&a.user_id);
            json!({
                "id": a.user_id,
                "firstName": u.map(|u| u.first_name.clone()),
                "lastName": u.map(|u| u.last_name.clone()),
                "status": a.status,
            })
        })
        .collect();
    json!({
        "id": approval.id,
        "jobId": job_id,
        "status": approval.status,
        "createdOn": approval.created_on,
        "approvers": approvers,
    })
}

fn one(store: &Store, id: &str) -> Result<Value, SrError> {
    let (job, approval) = find(store, id)?;
    Ok(render(store, &job.id, approval))
}

/// `GET /approvals/pending`: the requests waiting for the caller's decision.
pub async fn pending(caller: Caller) -> Result<HttpResponse, SrError> {
    let content = caller.read(|store, actor| {
        Ok(store
            .jobs
            .values()
            .flat_map(|job| job.approvals.iter().map(move |a| (job, a)))
            .filter(|(_, a)| {
                a.status == ApprovalStatus::Pending
                    && a.approvers
                        .iter()
                        .any(|x| x.user_id == actor.id && x.status == ApprovalStatus::Pending)
            })
            .map(|(job, a)| render(store, &job.id, a))
            .collect::<Vec<_>>())
    })?;
    Ok(HttpResponse::Ok().json(json!({ "totalFound": content.len(), "content": content })))
}

pub async fn get(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    Ok(HttpResponse::Ok().json(caller.read(|s, _| one(s, &id))?))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RenewInput {
    approval_id: String,
}

/// `POST /approvals` `{approvalId}`: a new request based on a decided one (201).
pub async fn create(caller: Caller, body: web::Bytes) -> Result<HttpResponse, SrError> {
    let input: RenewInput = input::body(&body)?;
    let id = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, now| {
            super::rules::require(
                actor,
                super::rules::need::WRITE_JOBS,
                "Requesting approvals",
            )?;
            renew(s, &input.approval_id, id.clone(), now)
        },
        |s| one(s, &id),
    )?;
    Ok(HttpResponse::Created().json(out))
}

async fn decision(caller: Caller, id: &str, approve: bool) -> Result<HttpResponse, SrError> {
    let out = caller.write(|s, actor, _| decide(s, actor, id, approve), |s| one(s, id))?;
    Ok(HttpResponse::Ok().json(out))
}

pub async fn approve(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    decision(caller, &id, true).await
}

pub async fn reject(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    decision(caller, &id, false).await
}

fn comments_of(store: &Store, id: &str) -> Result<Value, SrError> {
    let (_, approval) = find(store, id)?;
    let content: Vec<Value> = approval
        .comments
        .iter()
        .map(|c| json!({"id": c.id, "authorId": c.author_id, "text": c.text, "createdOn": c.created_on}))
        .collect();
    Ok(json!({ "totalFound": content.len(), "content": content }))
}

pub async fn comments(caller: Caller, id: web::Path<String>) -> Result<HttpResponse, SrError> {
    Ok(HttpResponse::Ok().json(caller.read(|s, _| comments_of(s, &id))?))
}

#[derive(Deserialize)]
struct CommentInput {
    text: String,
}

pub async fn add_comment(
    caller: Caller,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, SrError> {
    let input: CommentInput = input::body(&body)?;
    let comment_id = caller.draw(|rng| rng.uuid())?;
    let out = caller.write(
        |s, actor, now| comment(s, actor, &id, comment_id.clone(), &input.text, now),
        |s| {
            let (_, a) = find(s, &id)?;
            let c = a.comments.iter().find(|c| c.id == comment_id).cloned();
            Ok(c.map(|c| json!({"id": c.id, "authorId": c.author_id, "text": c.text, "createdOn": c.created_on})))
        },
    )?;
    Ok(HttpResponse::Created().json(out))
}
