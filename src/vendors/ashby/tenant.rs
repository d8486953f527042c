//! An Ashby organization as a sandbox tenant: fixtures (validated against the rules), API keys
//! with their permissions, snapshots.

use super::model::*;
use super::store::{Change, Store};
use crate::admin::AdminError;
use crate::clock::Clock;
use crate::fixtures::{Chunked, FixtureError, FixtureFile, FixtureSet};
use crate::http::from_value;
use crate::ids::SeededRng;
use crate::tenancy::{TenantState, VendorStore};
use crate::vendors::Vendor;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// An Ashby organization as a tenant.
pub type AshbyTenant = TenantState<Store>;

#[derive(Debug, Deserialize, Serialize)]
pub(super) struct Organization {
    pub(super) name: String,
}

/// `<set>/ashby.json`; a snapshot is the same document with `seq`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub(super) struct FixtureDoc {
    pub(super) organization: Organization,
    #[serde(default)]
    pub(super) users: Vec<User>,
    #[serde(default)]
    pub(super) departments: Vec<Department>,
    #[serde(default)]
    pub(super) locations: Vec<Location>,
    #[serde(default)]
    pub(super) interview_plans: Vec<InterviewPlan>,
    #[serde(default)]
    pub(super) interview_stages: Vec<InterviewStage>,
    #[serde(default)]
    pub(super) archive_reasons: Vec<ArchiveReason>,
    #[serde(default)]
    pub(super) sources: Vec<Source>,
    #[serde(default)]
    pub(super) candidate_tags: Vec<CandidateTag>,
    #[serde(default)]
    pub(super) jobs: Vec<Job>,
    #[serde(default)]
    pub(super) candidates: Chunked<Candidate>,
    #[serde(default)]
    pub(super) applications: Chunked<Application>,
    #[serde(default)]
    pub(super) notes: Vec<Note>,
    #[serde(default)]
    pub(super) api_keys: Vec<ApiKey>,
    #[serde(default)]
    pub(super) close_reasons: Vec<CloseReason>,
    #[serde(default)]
    pub(super) brands: Vec<Brand>,
    #[serde(default)]
    pub(super) communication_templates: Vec<CommunicationTemplate>,
    #[serde(default)]
    pub(super) job_boards: Vec<JobBoard>,
    #[serde(default)]
    pub(super) hiring_team_roles: Vec<HiringTeamRole>,
    #[serde(default)]
    pub(super) files: Vec<StoredFile>,
    #[serde(default)]
    pub(super) projects: Vec<Project>,
    #[serde(default)]
    pub(super) custom_fields: Vec<CustomField>,
    #[serde(default)]
    pub(super) interviewer_pauses: Vec<InterviewerPause>,
    #[serde(default)]
    pub(super) openings: Vec<Opening>,
    #[serde(default)]
    pub(super) job_postings: Vec<JobPosting>,
    #[serde(default)]
    pub(super) job_templates: Vec<JobTemplate>,
    #[serde(default)]
    pub(super) source_tracking_links: Vec<SourceTrackingLink>,
    #[serde(default)]
    pub(super) email_messages: Vec<EmailMessage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) seq: Option<u64>,
}

fn load(file: FixtureFile) -> Result<Store, FixtureError> {
    let doc: FixtureDoc = file.parse()?;
    let mut store = Store::default();
    store.organization = doc.organization.name;
    let err = |kind: &str, i: usize, id: &str, msg: String| {
        file.record_error(format!("{kind}[{i}] (id {id})"), msg)
    };
    store.apply(doc.users.into_iter().map(Change::User).collect());
    store.apply(
        doc.departments
            .into_iter()
            .map(Change::Department)
            .collect(),
    );
    store.apply(doc.locations.into_iter().map(Change::Location).collect());
    store.apply(doc.interview_plans.into_iter().map(Change::Plan).collect());
    for (i, stage) in doc.interview_stages.into_iter().enumerate() {
        if !store.plans.contains(&stage.interview_plan_id) {
            return Err(err(
                "interviewStages",
                i,
                &stage.id,
                format!("unknown interview plan {}", stage.interview_plan_id),
            ));
        }
        store.apply(vec![Change::Stage(stage)]);
    }
    store.apply(
        doc.archive_reasons
            .into_iter()
            .map(Change::ArchiveReason)
            .collect(),
    );
    store.apply(doc.sources.into_iter().map(Change::Source).collect());
    store.apply(doc.candidate_tags.into_iter().map(Change::Tag).collect());
    store.apply(
        doc.close_reasons
            .into_iter()
            .map(Change::CloseReason)
            .collect(),
    );
    store.apply(doc.brands.into_iter().map(Change::Brand).collect());
    store.apply(
        doc.communication_templates
            .into_iter()
            .map(Change::CommunicationTemplate)
            .collect(),
    );
    store.apply(doc.job_boards.into_iter().map(Change::JobBoard).collect());
    store.apply(
        doc.hiring_team_roles
            .into_iter()
            .map(Change::HiringTeamRole)
            .collect(),
    );
    store.apply(doc.files.into_iter().map(Change::File).collect());
    store.apply(doc.projects.into_iter().map(Change::Project).collect());
    for (i, job) in doc.jobs.into_iter().enumerate() {
        for (what, id, ok) in [
            (
                "department",
                &job.department_id,
                job.department_id
                    .as_deref()
                    .is_none_or(|d| store.departments.contains(d)),
            ),
            (
                "location",
                &job.location_id,
                job.location_id
                    .as_deref()
                    .is_none_or(|l| store.locations.contains(l)),
            ),
            (
                "interview plan",
                &job.default_interview_plan_id,
                job.default_interview_plan_id
                    .as_deref()
                    .is_none_or(|p| store.plans.contains(p)),
            ),
        ] {
            if !ok {
                return Err(err(
                    "jobs",
                    i,
                    &job.id,
                    format!("unknown {what} {}", id.clone().unwrap_or_default()),
                ));
            }
        }
        if job.status == JobStatus::Open && job.default_interview_plan_id.is_none() {
            return Err(err(
                "jobs",
                i,
                &job.id,
                "an Open job needs a default interview plan".into(),
            ));
        }
        store.apply(vec![Change::Job(job)]);
    }
    store.candidates.reserve(doc.candidates.len());
    store.applications.reserve(doc.applications.len());
    for (i, c) in doc.candidates.into_iter().enumerate() {
        if c.name.trim().is_empty() {
            return Err(err("candidates", i, &c.id, "name must not be empty".into()));
        }
        if let Some(tag) = c.tag_ids.iter().find(|t| !store.tags.contains(t)) {
            return Err(err("candidates", i, &c.id, format!("unknown tag {tag}")));
        }
        store.apply(vec![Change::Candidate(c)]);
    }
    for (i, a) in doc.applications.into_iter().enumerate() {
        if !store.candidates.contains(&a.candidate_id) {
            return Err(err(
                "applications",
                i,
                &a.id,
                format!("unknown candidate {}", a.candidate_id),
            ));
        }
        if !store.jobs.contains(&a.job_id) {
            return Err(err(
                "applications",
                i,
                &a.id,
                format!("unknown job {}", a.job_id),
            ));
        }
        let Some(stage) = store
            .stages
            .get(&a.current_interview_stage_id)
            .filter(|s| s.interview_plan_id == a.interview_plan_id)
        else {
            return Err(err(
                "applications",
                i,
                &a.id,
                "the current stage is not a stage of the interview plan".into(),
            ));
        };
        if ApplicationStatus::of_stage(stage.stage_type) != a.status {
            return Err(err(
                "applications",
                i,
                &a.id,
                format!(
                    "status {:?} does not match a {:?} stage",
                    a.status, stage.stage_type
                ),
            ));
        }
        if a.status != ApplicationStatus::Archived
            && store
                .applications_of(&a.candidate_id)
                .any(|o| o.job_id == a.job_id && o.status != ApplicationStatus::Archived)
        {
            return Err(err(
                "applications",
                i,
                &a.id,
                "a second active application of the candidate for the job".into(),
            ));
        }
        store.apply(vec![Change::Application(a)]);
    }
    for (i, n) in doc.notes.into_iter().enumerate() {
        if !store.candidates.contains(&n.candidate_id) {
            return Err(err(
                "notes",
                i,
                &n.id,
                format!("unknown candidate {}", n.candidate_id),
            ));
        }
        store.apply(vec![Change::Note(n)]);
    }
    store.apply(
        doc.custom_fields
            .into_iter()
            .map(Change::CustomField)
            .collect(),
    );
    store.apply(
        doc.job_templates
            .into_iter()
            .map(Change::JobTemplate)
            .collect(),
    );
    store.apply(
        doc.source_tracking_links
            .into_iter()
            .map(Change::SourceTrackingLink)
            .collect(),
    );
    for (i, p) in doc.interviewer_pauses.into_iter().enumerate() {
        if !store.users.contains(&p.user_id) {
            let msg = format!("unknown user {}", p.user_id);
            return Err(err("interviewerPauses", i, &p.id, msg));
        }
        store.apply(vec![Change::InterviewerPause(p)]);
    }
    for (i, o) in doc.openings.into_iter().enumerate() {
        if let Some(job) = o.job_ids.iter().find(|j| !store.jobs.contains(j)) {
            return Err(err("openings", i, &o.id, format!("unknown job {job}")));
        }
        if let Some(l) = o.location_ids.iter().find(|l| !store.locations.contains(l)) {
            return Err(err("openings", i, &o.id, format!("unknown location {l}")));
        }
        store.apply(vec![Change::Opening(o)]);
    }
    for (i, p) in doc.job_postings.into_iter().enumerate() {
        if !store.jobs.contains(&p.job_id) {
            let msg = format!("unknown job {}", p.job_id);
            return Err(err("jobPostings", i, &p.id, msg));
        }
        store.apply(vec![Change::JobPosting(p)]);
    }
    for (i, m) in doc.email_messages.into_iter().enumerate() {
        if !store.candidates.contains(&m.candidate_id) {
            let msg = format!("unknown candidate {}", m.candidate_id);
            return Err(err("emailMessages", i, &m.id, msg));
        }
        store.apply(vec![Change::EmailMessage(m)]);
    }
    for (i, key) in doc.api_keys.into_iter().enumerate() {
        if let Some(bad) = key
            .permissions
            .iter()
            .find(|p| !ALL_PERMISSIONS.contains(&p.as_str()))
        {
            return Err(
                file.record_error(format!("apiKeys[{i}]"), format!("unknown permission {bad}"))
            );
        }
        store.apply(vec![Change::ApiKey(key)]);
    }
    if let Some(seq) = doc.seq {
        store.seq = store.seq.max(seq);
    }
    Ok(store)
}

fn snapshot(store: &Store) -> Value {
    let doc = FixtureDoc {
        organization: Organization {
            name: store.organization.clone(),
        },
        users: store.users.values().cloned().collect(),
        departments: store.departments.values().cloned().collect(),
        locations: store.locations.values().cloned().collect(),
        interview_plans: store.plans.values().cloned().collect(),
        interview_stages: store.stages.values().cloned().collect(),
        archive_reasons: store.archive_reasons.values().cloned().collect(),
        sources: store.sources.values().cloned().collect(),
        candidate_tags: store.tags.values().cloned().collect(),
        jobs: store.jobs.values().cloned().collect(),
        candidates: store.candidates.values().cloned().collect(),
        applications: store.applications.values().cloned().collect(),
        notes: store.notes.values().cloned().collect(),
        api_keys: store.api_keys.values().map(|k| (**k).clone()).collect(),
        close_reasons: store.close_reasons.values().cloned().collect(),
        brands: store.brands.values().cloned().collect(),
        communication_templates: store.communication_templates.values().cloned().collect(),
        job_boards: store.job_boards.values().cloned().collect(),
        hiring_team_roles: store.hiring_team_roles.values().cloned().collect(),
        files: store.files.values().cloned().collect(),
        projects: store.projects.values().cloned().collect(),
        custom_fields: store.custom_fields.values().cloned().collect(),
        interviewer_pauses: store.interviewer_pauses.values().cloned().collect(),
        openings: store.openings.values().cloned().collect(),
        job_postings: store.job_postings.values().cloned().collect(),
        job_templates: store.job_templates.values().cloned().collect(),
        source_tracking_links: store.source_tracking_links.values().cloned().collect(),
        email_messages: store.email_messages.values().cloned().collect(),
        seq: Some(store.seq),
    };
    serde_json::to_value(doc).unwrap_or_default()
}

fn full_key(rng: &mut SeededRng, now: DateTime<Utc>) -> ApiKey {
    ApiKey {
        key: rng.secret("ashby_", 32),
        title: "Sandbox key".into(),
        permissions: ALL_PERMISSIONS.iter().map(|p| (*p).to_owned()).collect(),
        confidential_jobs: true,
        allow_history_updates: true,
        created_at: now,
    }
}

/// An organization from a fixture set; fresh key secrets unless `well_known_credentials`.
pub fn build(
    fixtures: &FixtureSet,
    seed: u64,
    clock: &Clock,
    well_known_credentials: bool,
) -> Result<AshbyTenant, FixtureError> {
    let mut rng = SeededRng::new(seed);
    let mut store = match fixtures.file(Vendor::Ashby)? {
        Some(file) => load(file)?,
        None => {
            let mut store = Store::default();
            store.organization = "Sandbox Organization".into();
            store
        }
    };
    if !well_known_credentials {
        let keys: Vec<ApiKey> = store.api_keys.values().map(|k| (**k).clone()).collect();
        store.api_keys.clear();
        for mut key in keys {
            key.key = rng.secret("ashby_", 32);
            store.apply(vec![Change::ApiKey(key)]);
        }
    }
    if !store
        .api_keys
        .values()
        .any(|k| k.permissions.len() == ALL_PERMISSIONS.len())
    {
        let key = full_key(&mut rng, clock.now());
        store.apply(vec![Change::ApiKey(key)]);
    }
    Ok(TenantState::new(store, rng))
}

/// Body of `POST /_sandbox/tenants/{id}/credentials` for Ashby.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialRequest {
    permissions: Vec<String>,
    #[serde(default)]
    confidential_jobs: bool,
    #[serde(default)]
    allow_history_updates: bool,
    title: Option<String>,
}

impl VendorStore for Store {
    fn snapshot(&self) -> Value {
        snapshot(self)
    }

    fn unified(state: &AshbyTenant) -> Option<&dyn crate::vendors::unified::UnifiedAts> {
        Some(state)
    }

    fn from_snapshot(label: &str, snapshot: &Value) -> Result<Self, FixtureError> {
        load(FixtureFile::text(label, snapshot.to_string()))
    }

    fn credentials(&self) -> Value {
        let key = self
            .api_keys
            .values()
            .find(|k| k.permissions.len() == ALL_PERMISSIONS.len())
            .or_else(|| self.api_keys.values().next());
        match key {
            Some(k) => json!({"api_key": k.key}),
            None => json!({}),
        }
    }

    fn credential_keys(&self) -> Vec<String> {
        self.api_keys.keys().cloned().collect()
    }

    fn counts(&self) -> BTreeMap<&'static str, usize> {
        BTreeMap::from([
            ("users", self.users.len()),
            ("departments", self.departments.len()),
            ("locations", self.locations.len()),
            ("interview_plans", self.plans.len()),
            ("jobs", self.jobs.len()),
            ("candidates", self.candidates.len()),
            ("applications", self.applications.len()),
            ("api_keys", self.api_keys.len()),
        ])
    }

    fn add_credential(
        &mut self,
        request: &Value,
        rng: &mut SeededRng,
        now: DateTime<Utc>,
    ) -> Result<Value, AdminError> {
        let request: CredentialRequest = from_value(request.clone()).map_err(AdminError::from)?;
        if let Some(bad) = request
            .permissions
            .iter()
            .find(|p| !ALL_PERMISSIONS.contains(&p.as_str()))
        {
            return Err(AdminError::field(
                "permissions",
                format!(
                    "unknown permission {bad}; known: {}",
                    ALL_PERMISSIONS.join(", ")
                ),
            ));
        }
        let key = ApiKey {
            key: rng.secret("ashby_", 32),
            title: request
                .title
                .unwrap_or_else(|| "Restricted sandbox key".into()),
            permissions: request.permissions,
            confidential_jobs: request.confidential_jobs,
            allow_history_updates: request.allow_history_updates,
            created_at: now,
        };
        let out = json!({"credentials": {"api_key": key.key}, "permissions": key.permissions});
        self.apply(vec![Change::ApiKey(key)]);
        Ok(out)
    }
}
