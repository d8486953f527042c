//! Rules for job ads and their publication, pure functions on the [`Store`].
//!
//! Help-center semantics, as the sandbox applies them: a job in FILLED, CANCELLED or ON_HOLD
//! cannot be published (its ad must be unpublished there); changing a job's status does not
//! unpublish it. Publishing a CREATED job moves it to SOURCING ("has or had a published ad").
//! A job's `postingStatus` follows its ads: PUBLIC when one is published publicly, INTERNAL when
//! only internally, NOT_PUBLISHED otherwise. `POST /jobs/{id}/publication` publishes the default
//! ad (the first), made from the job's title and `jobAd` when the job has none. Publishing a
//! live ad again changes its visibility; unpublishing an unpublished ad is refused (409).

use super::error::SrError;
use super::model::*;
use super::rules::{job, moved_job, need, require};
use super::store::{Change, Changes, Store};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobAdInput {
    pub title: String,
    pub language: Option<super::input::LanguageInput>,
    pub job_ad: Option<Value>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PublishInput {
    pub visibility: Option<PostingStatus>,
}

/// The posting status a job's ads give it.
pub fn posting_status(job: &Job) -> PostingStatus {
    let live: Vec<PostingStatus> = job
        .ads
        .iter()
        .filter_map(|a| a.live().map(|p| p.visibility))
        .collect();
    if live.contains(&PostingStatus::Public) {
        PostingStatus::Public
    } else if live.contains(&PostingStatus::Internal) {
        PostingStatus::Internal
    } else {
        PostingStatus::NotPublished
    }
}

fn ad_index(job: &Job, ad: &str) -> Result<usize, SrError> {
    job.ads
        .iter()
        .position(|a| a.id == ad)
        .ok_or_else(|| SrError::not_found("Job ad", ad))
}

fn title(raw: &str) -> Result<String, SrError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(SrError::invalid("title", "must not be blank"));
    }
    Ok(t.to_owned())
}

pub fn create_ad(
    store: &Store,
    actor: &User,
    job_id: &str,
    id: String,
    input: JobAdInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Creating job ads")?;
    let mut job = job(store, job_id)?.clone();
    job.ads.push(JobAd {
        id,
        title: title(&input.title)?,
        language: input
            .language
            .map_or_else(|| job.language.clone(), |l| l.code),
        content: input.job_ad,
        created_on: now,
        updated_on: now,
        postings: Vec::new(),
    });
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

pub fn update_ad(
    store: &Store,
    actor: &User,
    job_id: &str,
    ad: &str,
    input: JobAdInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Updating job ads")?;
    let mut job = job(store, job_id)?.clone();
    let i = ad_index(&job, ad)?;
    let slot = &mut job.ads[i];
    slot.title = title(&input.title)?;
    if let Some(l) = input.language {
        slot.language = l.code;
    }
    slot.content = input.job_ad;
    slot.updated_on = now;
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

/// Publishes ad `ad` (the default ad when `None`, made if missing) with `visibility`.
pub fn publish(
    store: &Store,
    actor: &User,
    job_id: &str,
    ad: Option<&str>,
    new_ad_id: String,
    visibility: PostingStatus,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Publishing jobs")?;
    if !matches!(visibility, PostingStatus::Public | PostingStatus::Internal) {
        return Err(SrError::invalid("visibility", "must be PUBLIC or INTERNAL"));
    }
    let mut job = job(store, job_id)?.clone();
    if matches!(
        job.status,
        JobStatus::Filled | JobStatus::Cancelled | JobStatus::OnHold
    ) {
        return Err(SrError::status_change(format!(
            "job '{job_id}' is {}: a job is published only while it is open",
            job.status
        )));
    }
    let i = match ad {
        Some(ad) => ad_index(&job, ad)?,
        None if job.ads.is_empty() => {
            job.ads.push(JobAd {
                id: new_ad_id,
                title: job.title.clone(),
                language: job.language.clone(),
                content: job.job_ad.clone(),
                created_on: now,
                updated_on: now,
                postings: Vec::new(),
            });
            0
        }
        None => 0,
    };
    let ad = &mut job.ads[i];
    if let Some(live) = ad
        .postings
        .last_mut()
        .filter(|p| p.unpublished_on.is_none())
    {
        if live.visibility == visibility {
            return Ok(Vec::new());
        }
        live.unpublished_on = Some(now);
    }
    ad.postings.push(Posting {
        visibility,
        published_on: now,
        unpublished_on: None,
    });
    job.posting_status = posting_status(&job);
    if job.status == JobStatus::Created {
        job = moved_job(&job, JobStatus::Sourcing, now);
    }
    job.updated_on = now;
    job.last_activity_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}

/// Unpublishes ad `ad`, or every ad of the job when `None`.
pub fn unpublish(
    store: &Store,
    actor: &User,
    job_id: &str,
    ad: Option<&str>,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::WRITE_JOBS, "Unpublishing jobs")?;
    let mut job = job(store, job_id)?.clone();
    let targets: Vec<usize> = match ad {
        Some(ad) => vec![ad_index(&job, ad)?],
        None => (0..job.ads.len()).collect(),
    };
    let mut changed = false;
    for i in targets {
        if let Some(live) = job.ads[i]
            .postings
            .last_mut()
            .filter(|p| p.unpublished_on.is_none())
        {
            live.unpublished_on = Some(now);
            changed = true;
        }
    }
    if !changed {
        return Err(SrError::conflict(format!(
            "job '{job_id}' is not published"
        )));
    }
    job.posting_status = posting_status(&job);
    job.updated_on = now;
    Ok(vec![Change::PutJob(Box::new(job))])
}
