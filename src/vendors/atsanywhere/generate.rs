//! Large, consistent ATS Anywhere data sets for `ats-sandbox fixtures generate`: a company with
//! users of every level, sites, jobs of every status, and `candidates` applications with ratings,
//! archives and notes. The same seed gives the same document, byte for byte.

use super::model::{AdminLevel, Application, Job, JobStatus, Note, Resume, Site, User};
use super::store::{ApiCredential, Company};
use super::tenant::FixtureDoc;
use crate::ids::SeededRng;
use chrono::{DateTime, Duration, TimeZone, Utc};

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The fixture document, as JSON; `progress` is called with the number of applications made.
pub fn generate(seed: u64, candidates: u64, progress: &dyn Fn(u64)) -> serde_json::Value {
    let mut rng = SeededRng::new(seed);
    let company = rng.company();
    let domain = format!(
        "{}.example",
        company
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
    );
    let t0 = base();
    let sites: Vec<Site> = (1..=3)
        .map(|id| Site {
            id,
            name: format!("{company} Careers {id}"),
            url: format!("https://careers{id}.{domain}"),
            created_at: t0,
        })
        .collect();
    let job_count = (candidates / 40).max(6);
    let jobs: Vec<Job> = (1..=job_count)
        .map(|id| {
            let status = match id % 6 {
                0 => JobStatus::Archived,
                1 => JobStatus::Offline,
                _ => JobStatus::Online,
            };
            Job {
                id,
                title: rng.job_title(),
                reference_number: format!("GEN-{id:06}"),
                description: rng.sentence(),
                city: Some(rng.city()),
                state: None,
                country: Some("US".into()),
                department: None,
                employment_type: Some(
                    if id % 4 == 0 {
                        "Part-time"
                    } else {
                        "Full-time"
                    }
                    .into(),
                ),
                site_id: Some(id % 3 + 1),
                status,
                hidden: id % 7 == 0,
                express_apply: id % 2 == 0,
                created_at: t0 + Duration::hours(id as i64),
                updated_at: t0 + Duration::hours(id as i64),
            }
        })
        .collect();
    let levels = [
        (AdminLevel::AccountOwner, 1),
        (AdminLevel::Admin, 3),
        (AdminLevel::Basic, 8),
        (AdminLevel::Limited, 6),
        (AdminLevel::ReadOnly, 2),
    ];
    let mut users = Vec::new();
    for (level, count) in levels {
        for _ in 0..count {
            let id = users.len() as u64 + 1;
            let first = rng.first_name();
            let last = rng.last_name();
            let restricted =
                matches!(level, AdminLevel::Basic | AdminLevel::Limited) && id.is_multiple_of(2);
            users.push(User {
                id,
                email: format!(
                    "{}.{}.{id}@{domain}",
                    first.to_lowercase(),
                    last.to_lowercase()
                )
                .replace(' ', ""),
                first_name: first,
                last_name: last,
                phone: Some(rng.phone()),
                admin_level: level,
                assigned_job_ids: Vec::new(),
                assigned_site_ids: if restricted {
                    vec![id % 3 + 1]
                } else {
                    Vec::new()
                },
                active: true,
                created_at: t0,
                updated_at: t0,
            });
        }
    }
    let mut applications = Vec::with_capacity(candidates as usize);
    let mut notes = Vec::new();
    for id in 1..=candidates {
        let first = rng.first_name();
        let last = rng.last_name();
        let job_id = id % job_count + 1;
        let at = t0 + Duration::minutes(id as i64);
        let archived = rng.chance(15);
        let rating = rng.chance(40).then(|| rng.below(5) as u8 + 1);
        applications.push(Application {
            id,
            job_id,
            email: format!(
                "{}.{}.{id}@mail.example",
                first.to_lowercase(),
                last.to_lowercase()
            )
            .replace(' ', ""),
            first_name: first,
            last_name: last,
            phone: rng.chance(70).then(|| rng.phone()),
            cover_letter: rng.chance(30).then(|| rng.sentence()),
            resume: rng.chance(80).then(|| Resume {
                filename: format!("resume-{id}.pdf"),
                size: 20_000 + rng.below(200_000),
            }),
            source: ["career_site", "quick_apply", "referral", "job_board"][rng.below(4) as usize]
                .into(),
            rating,
            archived,
            archived_at: archived.then_some(at + Duration::days(2)),
            created_at: at,
            updated_at: at,
        });
        if id % 10 == 0 {
            notes.push(Note {
                id: notes.len() as u64 + 1,
                app_id: id,
                job_id,
                user_id: rng.below(users.len() as u64) + 1,
                body: rng.sentence(),
                created_at: at + Duration::days(1),
            });
        }
        if id % 1000 == 0 {
            progress(id);
        }
    }
    progress(candidates);
    let credentials = users
        .iter()
        .filter(|u| u.id == 1 || u.id % 5 == 0)
        .map(|u| ApiCredential {
            api_key: rng.secret("gen_", 24),
            api_password: rng.secret("", 32),
            user_id: u.id,
        })
        .collect();
    let doc = FixtureDoc {
        company: Company { name: company },
        sites,
        jobs,
        users,
        applications,
        notes,
        credentials,
        sequences: None,
    };
    serde_json::to_value(doc).unwrap_or_default()
}
