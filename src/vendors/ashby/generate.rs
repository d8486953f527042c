//! Consistent Ashby data sets for `ats-sandbox fixtures generate` (and the demo set): users of
//! every global role, departments, locations, an interview plan with every stage type, archive
//! reasons, sources, tags, jobs in every status, and `candidates` candidates, each with an
//! application in a stage that cycles through the plan. The same seed gives the same bytes.

use super::model::*;
use super::tenant::{FixtureDoc, Organization};
use crate::ids::SeededRng;
use chrono::{Duration, TimeZone, Utc};

pub fn generate(seed: u64, candidates: u64, progress: &dyn Fn(u64)) -> serde_json::Value {
    let mut rng = SeededRng::new(seed);
    let t0 = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let org = rng.company();
    let domain = format!(
        "{}.example",
        org.to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    );
    let roles = [
        GlobalRole::OrganizationAdmin,
        GlobalRole::ElevatedAccess,
        GlobalRole::ElevatedAccess,
        GlobalRole::LimitedAccess,
        GlobalRole::ExternalRecruiter,
    ];
    let users: Vec<User> = roles
        .iter()
        .enumerate()
        .map(|(i, role)| {
            let (first, last) = (rng.first_name(), rng.last_name());
            User {
                id: rng.uuid(),
                email: Some(
                    format!(
                        "{}.{}.{i}@{domain}",
                        first.to_lowercase(),
                        last.to_lowercase()
                    )
                    .replace(' ', ""),
                ),
                first_name: first,
                last_name: last,
                global_role: *role,
                is_enabled: i != 4,
                manager_id: None,
                updated_at: t0,
                custom_fields: Vec::new(),
                interviewer_settings: InterviewerSettings::default(),
            }
        })
        .collect();
    let engineering = rng.uuid();
    let departments: Vec<Department> = [
        ("Engineering", None),
        ("Platform", Some(engineering.clone())),
        ("Sales", None),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, parent))| Department {
        id: if i == 0 {
            engineering.clone()
        } else {
            rng.uuid()
        },
        name: name.into(),
        external_name: None,
        is_archived: false,
        parent_id: parent,
        created_at: t0,
        updated_at: t0,
    })
    .collect();
    let locations: Vec<Location> = [
        ("San Francisco", "US", "California"),
        ("Remote", "US", ""),
        ("London", "GB", "England"),
    ]
    .into_iter()
    .map(|(name, country, region)| Location {
        id: rng.uuid(),
        name: name.into(),
        external_name: None,
        is_archived: false,
        is_remote: name == "Remote",
        parent_location_id: None,
        country: Some(country.into()),
        region: (!region.is_empty()).then(|| region.to_owned()),
        locality: (name != "Remote").then(|| name.to_owned()),
        location_type: LocationType::Location,
        workplace_type: Some(if name == "Remote" { "Remote" } else { "OnSite" }.into()),
    })
    .collect();
    let plan = InterviewPlan {
        id: rng.uuid(),
        title: "Standard hiring plan".into(),
        is_archived: false,
        created_at: t0,
        updated_at: t0,
    };
    let stage_defs = [
        ("Lead", StageType::Lead),
        ("Application Review", StageType::PreInterviewScreen),
        ("Phone Screen", StageType::Active),
        ("Onsite", StageType::Active),
        ("Offer", StageType::Offer),
        ("Hired", StageType::Hired),
        ("Archived", StageType::Archived),
    ];
    let stages: Vec<InterviewStage> = stage_defs
        .iter()
        .enumerate()
        .map(|(i, (title, kind))| InterviewStage {
            id: rng.uuid(),
            title: (*title).into(),
            stage_type: *kind,
            order_in_interview_plan: i as u32,
            interview_stage_group_id: None,
            interview_plan_id: plan.id.clone(),
        })
        .collect();
    let archive_reasons: Vec<ArchiveReason> = [
        ("Withdrew", ReasonType::RejectedByCandidate),
        ("Not a fit", ReasonType::RejectedByOrg),
        ("Position filled", ReasonType::Other),
    ]
    .into_iter()
    .map(|(text, reason_type)| ArchiveReason {
        id: rng.uuid(),
        text: text.into(),
        reason_type,
        is_archived: false,
    })
    .collect();
    let sources: Vec<Source> = ["LinkedIn", "Referral", "Careers page"]
        .into_iter()
        .map(|title| Source {
            id: rng.uuid(),
            title: title.into(),
            is_archived: false,
            source_type_title: Some("Inbound".into()),
        })
        .collect();
    let tags: Vec<CandidateTag> = ["Senior", "Rehire", "Top talent"]
        .into_iter()
        .map(|title| CandidateTag {
            id: rng.uuid(),
            title: title.into(),
            is_archived: false,
        })
        .collect();
    let statuses = [
        JobStatus::Open,
        JobStatus::Open,
        JobStatus::Draft,
        JobStatus::Closed,
        JobStatus::Archived,
    ];
    let job_count = (candidates / 50).max(statuses.len() as u64);
    let jobs: Vec<Job> = (0..job_count)
        .map(|i| {
            let status = statuses[(i as usize) % statuses.len()];
            Job {
                id: rng.uuid(),
                title: rng.job_title(),
                confidential: i == 1,
                status,
                employment_type: EmploymentType::FullTime,
                location_id: Some(locations[(i as usize) % locations.len()].id.clone()),
                department_id: Some(departments[(i as usize) % departments.len()].id.clone()),
                default_interview_plan_id: Some(plan.id.clone()),
                interview_plan_ids: vec![plan.id.clone()],
                custom_requisition_id: Some(format!("REQ-{:04}", i + 1)),
                author_id: Some(users[0].id.clone()),
                created_at: t0 + Duration::hours(i as i64),
                updated_at: t0 + Duration::hours(i as i64),
                opened_at: matches!(
                    status,
                    JobStatus::Open | JobStatus::Closed | JobStatus::Archived
                )
                .then_some(t0 + Duration::days(1)),
                closed_at: matches!(status, JobStatus::Closed | JobStatus::Archived)
                    .then_some(t0 + Duration::days(20)),
                hiring_team: Vec::new(),
                custom_fields: Vec::new(),
                compensation_tiers: Vec::new(),
            }
        })
        .collect();
    let mut all_candidates = Vec::with_capacity(candidates as usize);
    let mut applications = Vec::with_capacity(candidates as usize);
    for i in 0..candidates {
        let (first, last) = (rng.first_name(), rng.last_name());
        let at = t0 + Duration::minutes(i as i64 + 1);
        let email = format!(
            "{}.{}.{i}@mail.example",
            first.to_lowercase(),
            last.to_lowercase()
        )
        .replace(' ', "");
        let candidate = Candidate {
            id: rng.uuid(),
            name: format!("{first} {last}"),
            email_addresses: vec![Contact {
                value: email,
                contact_type: ContactType::Personal,
                is_primary: true,
            }],
            phone_numbers: vec![Contact {
                value: rng.phone(),
                contact_type: ContactType::Personal,
                is_primary: true,
            }],
            social_links: Vec::new(),
            tag_ids: if i % 7 == 0 {
                vec![tags[(i as usize) % tags.len()].id.clone()]
            } else {
                Vec::new()
            },
            position: Some(rng.job_title()),
            company: Some(rng.company()),
            school: None,
            source_id: Some(sources[(i as usize) % sources.len()].id.clone()),
            credited_to_user_id: None,
            location_summary: Some(rng.city()),
            file_handles: Vec::new(),
            resume_handle: None,
            project_ids: Vec::new(),
            custom_fields: Vec::new(),
            fraud_status: None,
            anonymized: false,
            created_at: at,
            updated_at: at,
        };
        let stage = &stages[(i as usize) % stages.len()];
        let job = &jobs[(i as usize) % jobs.len()];
        let status = ApplicationStatus::of_stage(stage.stage_type);
        let archived = status == ApplicationStatus::Archived;
        applications.push(Application {
            id: rng.uuid(),
            candidate_id: candidate.id.clone(),
            job_id: job.id.clone(),
            interview_plan_id: plan.id.clone(),
            current_interview_stage_id: stage.id.clone(),
            status,
            source_id: candidate.source_id.clone(),
            credited_to_user_id: None,
            archive_reason_id: archived.then(|| {
                archive_reasons[(i as usize) % archive_reasons.len()]
                    .id
                    .clone()
            }),
            archived_at: archived.then_some(at + Duration::days(3)),
            history: vec![StageVisit {
                id: rng.uuid(),
                stage_id: stage.id.clone(),
                title: stage.title.clone(),
                entered_stage_at: at,
                left_stage_at: None,
                stage_number: 0,
                actor_id: None,
            }],
            created_at: at,
            updated_at: at,
            hiring_team: Vec::new(),
            custom_fields: Vec::new(),
        });
        all_candidates.push(candidate);
        if (i + 1) % 1000 == 0 {
            progress(i + 1);
        }
    }
    progress(candidates);
    let api_keys = vec![ApiKey {
        key: rng.secret("ashby_", 32),
        title: "Generated full-access key".into(),
        permissions: ALL_PERMISSIONS.iter().map(|p| (*p).to_owned()).collect(),
        confidential_jobs: true,
        allow_history_updates: true,
        created_at: t0,
    }];
    let mut doc = FixtureDoc {
        organization: Organization { name: org },
        users,
        departments,
        locations,
        interview_plans: vec![plan],
        interview_stages: stages,
        archive_reasons,
        sources,
        candidate_tags: tags,
        jobs,
        candidates: all_candidates.into(),
        applications: applications.into(),
        notes: Vec::new(),
        api_keys,
        close_reasons: ["Filled", "Budget cut", "Put on hold"]
            .into_iter()
            .map(|text| CloseReason {
                id: rng.uuid(),
                reason_text: text.into(),
                is_archived: false,
            })
            .collect(),
        brands: vec![Brand {
            id: rng.uuid(),
            name: "Main brand".into(),
            hosted_jobs_page_slug: "careers".into(),
        }],
        communication_templates: [
            ("Rejection", "Rejection"),
            ("Interview invite", "Scheduling"),
        ]
        .into_iter()
        .map(|(title, kind)| CommunicationTemplate {
            id: rng.uuid(),
            title: title.into(),
            intended_types: vec![kind.into()],
            created_at: t0,
            updated_at: t0,
        })
        .collect(),
        job_boards: [
            ("External careers page", false),
            ("Internal job board", true),
        ]
        .into_iter()
        .map(|(title, is_internal)| JobBoard {
            id: rng.uuid(),
            title: title.into(),
            is_internal,
        })
        .collect(),
        hiring_team_roles: ["Hiring Manager", "Recruiter", "Coordinator", "Sourcer"]
            .into_iter()
            .map(|title| HiringTeamRole {
                id: rng.uuid(),
                title: title.into(),
            })
            .collect(),
        files: Vec::new(),
        projects: [
            "Senior engineers pipeline",
            "Confidential leadership search",
        ]
        .into_iter()
        .enumerate()
        .map(|(i, title)| Project {
            id: rng.uuid(),
            title: title.into(),
            is_archived: false,
            confidential: i == 1,
            author_id: None,
            created_at: t0,
        })
        .collect(),
        custom_fields: Vec::new(),
        interviewer_pauses: Vec::new(),
        openings: Vec::new(),
        job_postings: Vec::new(),
        job_templates: Vec::new(),
        source_tracking_links: Vec::new(),
        email_messages: Vec::new(),
        seq: None,
    };
    hiring_extras(&mut doc, &mut rng, t0);
    serde_json::to_value(doc).unwrap_or_default()
}

/// Custom fields, openings, job postings, job templates, tracking links and an interviewer
/// pause, drawn after everything else so the records above keep their ids for a seed.
fn hiring_extras(doc: &mut FixtureDoc, rng: &mut SeededRng, t0: chrono::DateTime<Utc>) {
    let select = |values: &[&str]| -> Vec<SelectableValue> {
        values
            .iter()
            .map(|v| SelectableValue {
                label: (*v).into(),
                value: v.to_lowercase().replace(' ', "_"),
                is_archived: false,
            })
            .collect()
    };
    let fields: [(&str, &str, FieldType, Vec<SelectableValue>); 7] = [
        (
            "Notice period (weeks)",
            "Candidate",
            FieldType::Number,
            vec![],
        ),
        (
            "Work authorization",
            "Candidate",
            FieldType::ValueSelect,
            select(&["Citizen", "Visa required", "Visa held"]),
        ),
        (
            "Languages",
            "Candidate",
            FieldType::MultiValueSelect,
            select(&["English", "German", "Spanish", "French"]),
        ),
        ("Referral bonus", "Application", FieldType::Currency, vec![]),
        ("Cost center", "Job", FieldType::String, vec![]),
        ("Budget approved", "Opening", FieldType::Boolean, vec![]),
        (
            "T-shirt size",
            "Employee",
            FieldType::ValueSelect,
            select(&["S", "M", "L", "XL"]),
        ),
    ];
    doc.custom_fields = fields
        .into_iter()
        .map(
            |(title, object_type, field_type, selectable_values)| CustomField {
                id: rng.uuid(),
                title: title.into(),
                description: None,
                object_type: object_type.into(),
                field_type,
                is_archived: false,
                is_private: false,
                is_required: false,
                is_exposable_to_candidate: false,
                is_date_only_field: None,
                selectable_values,
                created_at: t0,
            },
        )
        .collect();
    let plan = doc.interview_plans.first().map(|p| p.id.clone());
    doc.job_templates = [
        ("Software Engineer template", true),
        ("Retired sales template", false),
    ]
    .into_iter()
    .map(|(title, is_active)| JobTemplate {
        id: rng.uuid(),
        title: title.into(),
        is_active,
        location_id: doc.locations.first().map(|l| l.id.clone()),
        department_id: doc.departments.first().map(|d| d.id.clone()),
        default_interview_plan_id: plan.clone(),
        created_at: t0,
        updated_at: t0,
    })
    .collect();
    doc.source_tracking_links = doc
        .sources
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, source)| SourceTrackingLink {
            id: rng.uuid(),
            code: format!("track{}", i + 1),
            enabled: i == 0,
            source_id: source.id.clone(),
        })
        .collect();
    let author = doc.users.first().map(|u| u.id.clone());
    let first_jobs: Vec<Job> = doc.jobs.iter().take(5).cloned().collect();
    for (i, job) in first_jobs.iter().enumerate() {
        let (state, opened, closed) = match job.status {
            JobStatus::Open => (OpeningState::Open, job.opened_at, None),
            JobStatus::Closed | JobStatus::Archived => {
                (OpeningState::Closed, job.opened_at, job.closed_at)
            }
            JobStatus::Draft => (OpeningState::Draft, None, None),
        };
        doc.openings.push(Opening {
            id: rng.uuid(),
            identifier: format!("OPN-{:03}", i + 1),
            description: format!("Headcount for {}", job.title),
            team_id: job.department_id.clone(),
            location_ids: job.location_id.iter().cloned().collect(),
            job_ids: vec![job.id.clone()],
            target_hire_date: Some("2026-06-30".into()),
            target_start_date: Some("2026-08-01".into()),
            is_backfill: i == 1,
            employment_type: job.employment_type,
            opening_state: state,
            is_archived: job.status == JobStatus::Archived,
            archived_at: (job.status == JobStatus::Archived).then_some(t0 + Duration::days(30)),
            opened_at: opened,
            closed_at: closed,
            close_reason_id: closed.and_then(|_| doc.close_reasons.first().map(|r| r.id.clone())),
            author_id: author.clone(),
            hiring_team: Vec::new(),
            custom_fields: Vec::new(),
            version_id: rng.uuid(),
            created_at: t0 + Duration::hours(i as i64),
            updated_at: t0 + Duration::hours(i as i64),
        });
        if job.status == JobStatus::Open {
            doc.job_postings.push(JobPosting {
                id: rng.uuid(),
                job_id: job.id.clone(),
                title: job.title.clone(),
                description_html: format!("<p>Join us as {}.</p>", job.title),
                is_listed: !job.confidential,
                workplace_type: Some("Hybrid".into()),
                suppress_description_opening: false,
                suppress_description_closing: false,
                job_board_id: doc.job_boards.first().map(|b| b.id.clone()),
                published_date: "2026-01-06".into(),
                updated_at: t0 + Duration::days(1),
            });
        }
    }
    if let Some(user) = doc.users.get(3) {
        doc.interviewer_pauses.push(InterviewerPause {
            id: rng.uuid(),
            user_id: user.id.clone(),
            starts_at: t0 + Duration::days(10),
            ends_at: Some(t0 + Duration::days(24)),
            comment: Some("Parental leave".into()),
            created_at: t0,
            deleted: false,
        });
    }
}
