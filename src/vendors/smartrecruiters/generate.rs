//! The demo company and generated fixture documents (`fixtures generate --vendor
//! smartrecruiters`): users of every system role with well-known credentials, configuration,
//! jobs in every status with hiring teams and positions, candidates in every status with their
//! history, plus `candidates` more drawn from the seed. Everything is reproducible from the seed.

use crate::ids::SeededRng;
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

const ROLES: [(&str, &str); 5] = [
    ("employee", "EMPLOYEE"),
    ("restricted", "RESTRICTED"),
    ("standard", "STANDARD"),
    ("extended", "EXTENDED"),
    ("admin", "ADMINISTRATOR"),
];

/// The id of the demo user of a role (`admin`, `standard`, ...).
pub fn user_id(i: usize) -> String {
    format!("5f00000000000000000000{:02}", i + 1)
}

fn at(base: DateTime<Utc>, hours: i64) -> String {
    (base + Duration::hours(hours)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

const JOBS: [(&str, &str, u8, &[&str]); 7] = [
    ("CREATED", "Data Analyst", 0, &["CREATED"]),
    ("SOURCING", "Backend Engineer", 1, &["CREATED", "SOURCING"]),
    (
        "INTERVIEW",
        "Product Designer",
        2,
        &["CREATED", "SOURCING", "INTERVIEW"],
    ),
    (
        "OFFER",
        "Account Executive",
        3,
        &["CREATED", "SOURCING", "INTERVIEW", "OFFER"],
    ),
    (
        "FILLED",
        "HR Business Partner",
        3,
        &["CREATED", "SOURCING", "INTERVIEW", "OFFER", "FILLED"],
    ),
    (
        "ON_HOLD",
        "Site Reliability Engineer",
        1,
        &["CREATED", "SOURCING", "ON_HOLD"],
    ),
    (
        "CANCELLED",
        "Office Manager",
        1,
        &["CREATED", "SOURCING", "CANCELLED"],
    ),
];

pub fn job_id(i: usize) -> String {
    format!("a0000000-0000-4000-8000-00000000000{}", i + 1)
}

fn job(i: usize, base: DateTime<Utc>) -> Value {
    let (status, title, reached, history) = JOBS[i];
    let departments = [
        "dep-engineering",
        "dep-engineering",
        "dep-product",
        "dep-sales",
        "dep-people",
        "dep-engineering",
        "dep-people",
    ];
    let cities = [
        ("Berlin", "de", "Germany"),
        ("Kraków", "pl", "Poland"),
        ("San Francisco", "us", "United States"),
    ];
    let (city, code, country) = cities[i % cities.len()];
    let history: Vec<Value> = history
        .iter()
        .enumerate()
        .map(|(h, s)| json!({"changedOn": at(base, (i * 10 + h) as i64), "status": s}))
        .collect();
    let mut positions = vec![
        json!({"id": format!("pos-{}-1", i + 1), "type": "NEW", "positionId": format!("REQ-{:03}-1", i + 1), "targetStartDate": "2026-06-01"}),
    ];
    if i % 2 == 1 {
        positions.push(json!({"id": format!("pos-{}-2", i + 1), "type": "REPLACEMENT", "incumbentName": "Jordan Example"}));
    }
    let ads = match status {
        "CREATED" => json!([]),
        _ => {
            let mut posting =
                json!({"visibility": "PUBLIC", "publishedOn": at(base, (i * 10 + 1) as i64)});
            if !matches!(status, "SOURCING" | "INTERVIEW" | "OFFER") {
                posting["unpublishedOn"] = json!(at(base, (i * 10 + 4) as i64));
            }
            json!([{
                "id": format!("ad-{}", i + 1),
                "title": title,
                "language": "en",
                "content": {"sections": {"jobDescription": {"title": "Job description", "text": format!("We are hiring a {title}.")}}},
                "createdOn": at(base, (i * 10) as i64),
                "updatedOn": at(base, (i * 10) as i64),
                "postings": [posting],
            }])
        }
    };
    json!({
        "id": job_id(i),
        "title": title,
        "refNumber": format!("REF-{:03}", i + 1),
        "createdOn": at(base, (i * 10) as i64),
        "updatedOn": at(base, (i * 10 + 5) as i64),
        "lastActivityOn": at(base, (i * 10 + 5) as i64),
        "departmentId": departments[i],
        "location": {"country": country, "countryCode": code, "city": city, "remote": false},
        "status": status,
        "reachedStage": reached,
        "postingStatus": if status == "CREATED" || status == "FILLED" || status == "CANCELLED" || status == "ON_HOLD" { "NOT_PUBLISHED" } else { "PUBLIC" },
        "industry": {"id": "computer_software", "label": "Computer Software"},
        "function": {"id": "engineering", "label": "Engineering"},
        "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
        "experienceLevel": {"id": "mid_senior_level", "label": "Mid-Senior Level"},
        "creatorId": user_id(4),
        "language": "en",
        "hiringProcessId": "default",
        "hiringTeam": [
            {"userId": user_id(4), "role": "RECRUITER"},
            {"userId": user_id(2), "role": "HIRING_MANAGER"},
            {"userId": user_id(1), "role": "INTERVIEW_TEAM"},
        ],
        "positions": positions,
        "note": format!("Hiring plan for {title}."),
        "statusHistory": history,
        "ads": ads,
        "approvals": [{
            "id": format!("apr-{}", i + 1),
            "status": if status == "CREATED" { "PENDING" } else { "APPROVED" },
            "createdOn": at(base, (i * 10) as i64),
            "approvers": [
                {"userId": user_id(4), "status": "APPROVED"},
                {"userId": user_id(3), "status": if status == "CREATED" { "PENDING" } else { "APPROVED" }},
            ],
        }],
    })
}

/// The statuses a candidate passed through to reach `status` (a plausible path).
fn path_to(status: &str) -> Vec<&'static str> {
    match status {
        "LEAD" => vec!["LEAD"],
        "NEW" => vec!["NEW"],
        "IN_REVIEW" => vec!["NEW", "IN_REVIEW"],
        "INTERVIEW" => vec!["NEW", "IN_REVIEW", "INTERVIEW"],
        "OFFERED" => vec!["NEW", "IN_REVIEW", "INTERVIEW", "OFFERED"],
        "HIRED" => vec!["NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED"],
        "REJECTED" => vec!["NEW", "IN_REVIEW", "REJECTED"],
        "WITHDRAWN" => vec!["NEW", "IN_REVIEW", "INTERVIEW", "WITHDRAWN"],
        _ => vec!["NEW", "TRANSFERRED"],
    }
}

fn sub_status(status: &str) -> Option<&'static str> {
    match status {
        "INTERVIEW" => Some("Phone Screen"),
        "OFFERED" => Some("Offer Sent"),
        _ => None,
    }
}

fn application(job: usize, status: &str, start: i64, base: DateTime<Utc>) -> Value {
    let steps = path_to(status);
    let history: Vec<Value> = steps
        .iter()
        .enumerate()
        .map(|(k, s)| json!({"changedOn": at(base, start + k as i64), "status": s, "subStatus": sub_status(s)}))
        .collect();
    let mut app = json!({
        "jobId": job_id(job),
        "status": status,
        "subStatus": sub_status(status),
        "source": {"sourceTypeId": "JOB_BOARD", "sourceId": "src-linkedin"},
        "createdOn": at(base, start),
        "history": history,
    });
    if status != "LEAD" {
        app["screeningAnswers"] = json!([
            {"questionId": "q-authorized", "question": "Are you authorized to work in the country of the job?", "answer": true},
            {"questionId": "q-notice", "question": "What is your notice period?", "answer": "1 month"},
        ]);
    }
    match status {
        "REJECTED" => app["reasonOfRejection"] = json!("rr-1"),
        "WITHDRAWN" => app["reasonOfWithdrawal"] = json!("wr-1"),
        "HIRED" => {
            app["startsOn"] = json!("2026-04-01");
            app["onboardingStatus"] = json!("READY_TO_ONBOARD");
        }
        _ => {}
    }
    strip_nulls(&mut app);
    app
}

fn strip_nulls(v: &mut Value) {
    if let Value::Object(map) = v {
        map.retain(|_, x| !x.is_null());
        for x in map.values_mut() {
            strip_nulls(x);
        }
    } else if let Value::Array(items) = v {
        items.iter_mut().for_each(strip_nulls);
    }
}

fn candidate(
    id: String,
    first: &str,
    last: &str,
    tags: &[&str],
    apps: Vec<Value>,
    created: String,
) -> Value {
    let updated = apps
        .last()
        .and_then(|a| {
            a["history"].as_array()?.last()?["changedOn"]
                .as_str()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| created.clone());
    json!({
        "id": id,
        "firstName": first,
        "lastName": last,
        "email": format!("{}.{}@example.com", first.to_lowercase(), last.to_lowercase()).replace(' ', ""),
        "phoneNumber": "+1 555 0100",
        "location": {"country": "Germany", "city": "Berlin"},
        "tags": tags,
        "createdOn": created,
        "updatedOn": updated,
        "applications": apps,
    })
}

/// The demo document plus `extra` generated candidates.
pub fn generate(seed: u64, extra: u64, progress: &dyn Fn(u64)) -> Value {
    let base: DateTime<Utc> = "2026-01-05T09:00:00Z".parse().unwrap_or_default();
    let names = [
        ("Erin", "Employee"),
        ("Riley", "Restricted"),
        ("Sam", "Standard"),
        ("Alex", "Extended"),
        ("Ada", "Admin"),
    ];
    let mut users: Vec<Value> = ROLES
        .iter()
        .enumerate()
        .map(|(i, (who, role))| {
            json!({
                "id": user_id(i),
                "email": format!("{who}@acme.example"),
                "firstName": names[i].0,
                "lastName": names[i].1,
                "systemRole": role,
                "ssoLoginMode": "PASSWORD",
                "language": "en",
                "active": true,
                "updatedOn": at(base, -100),
                "accessGroups": if i >= 2 { vec!["ag-all-jobs"] } else { vec![] },
            })
        })
        .collect();
    users.push(json!({
        "id": user_id(5), "email": "former@acme.example", "firstName": "Fran", "lastName": "Former",
        "systemRole": "STANDARD", "ssoLoginMode": "PASSWORD", "language": "en", "active": false,
        "updatedOn": at(base, -50), "accessGroups": [],
    }));
    let api_keys: Vec<Value> = ROLES
        .iter()
        .enumerate()
        .map(|(i, (who, _))| json!({"key": format!("demo-sr-{who}-key"), "userId": user_id(i)}))
        .chain(std::iter::once(
            json!({"key": "demo-sr-former-key", "userId": user_id(5)}),
        ))
        .collect();
    let clients: Vec<Value> = ROLES
        .iter()
        .enumerate()
        .map(|(i, (who, _))| {
            json!({"clientId": format!("demo-sr-{who}-client"), "clientSecret": format!("demo-sr-{who}-secret"), "userId": user_id(i)})
        })
        .collect();
    let jobs: Vec<Value> = (0..JOBS.len()).map(|i| job(i, base)).collect();
    // Active jobs take candidates: SOURCING (1), INTERVIEW (2), OFFER (3); HIRED sits on FILLED (4).
    let demo = [
        ("LEAD", 1, "Lena", "Lead", vec!["referral"]),
        ("NEW", 1, "Nora", "New", vec![]),
        ("IN_REVIEW", 2, "Ian", "Review", vec!["rust"]),
        ("INTERVIEW", 2, "Ivy", "Interview", vec!["design"]),
        ("OFFERED", 3, "Otto", "Offered", vec!["sales"]),
        ("HIRED", 4, "Hana", "Hired", vec![]),
        ("REJECTED", 2, "Rex", "Rejected", vec![]),
        ("WITHDRAWN", 3, "Wendy", "Withdrawn", vec![]),
    ];
    let mut candidates: Vec<Value> = demo
        .iter()
        .enumerate()
        .map(|(k, (status, job, first, last, tags))| {
            let start = 100 + 10 * k as i64;
            candidate(
                format!("c0000000-0000-4000-8000-0000000000{:02}", k + 1),
                first,
                last,
                tags,
                vec![application(*job, status, start, base)],
                at(base, start),
            )
        })
        .collect();
    // Transferred from the ON_HOLD job to the SOURCING one: two applications.
    candidates.push(candidate(
        "c0000000-0000-4000-8000-000000000009".into(),
        "Theo",
        "Transferred",
        &[],
        vec![
            application(5, "TRANSFERRED", 200, base),
            application(1, "NEW", 205, base),
        ],
        at(base, 200),
    ));
    let mut rng = SeededRng::new(seed);
    let statuses = [
        "NEW",
        "IN_REVIEW",
        "INTERVIEW",
        "OFFERED",
        "REJECTED",
        "WITHDRAWN",
        "LEAD",
    ];
    for n in 0..extra {
        let first = rng.first_name();
        let last = rng.last_name();
        let status = statuses[rng.below(statuses.len() as u64) as usize];
        let job = match status {
            "OFFERED" | "WITHDRAWN" => 3,
            "INTERVIEW" | "REJECTED" => 2 + rng.below(2) as usize,
            _ => 1 + rng.below(3) as usize,
        };
        let start = 300 + n as i64;
        let mut c = candidate(
            rng.uuid(),
            &first,
            &last,
            &[],
            vec![application(job, status, start, base)],
            at(base, start),
        );
        c["email"] = json!(format!(
            "{}.{}.{n}@example.com",
            first.to_lowercase(),
            last.to_lowercase()
        )
        .replace([' ', '\''], ""));
        candidates.push(c);
        if (n + 1) % 1000 == 0 || n + 1 == extra {
            progress(n + 1);
        }
    }
    json!({
        "company": {
            "identifier": "AcmeSandbox",
            "name": "Acme Sandbox Inc.",
            "website": "https://acme.example",
            "industry": {"id": "computer_software", "label": "Computer Software"},
            "location": {"country": "Germany", "countryCode": "de", "city": "Berlin", "remote": false},
        },
        "users": users,
        "accessGroups": [
            {"id": "ag-all-jobs", "name": "All jobs", "description": "Sees every job"},
            {"id": "ag-emea", "name": "EMEA recruiting"},
        ],
        "departments": [
            {"id": "dep-engineering", "label": "Engineering"},
            {"id": "dep-product", "label": "Product"},
            {"id": "dep-sales", "label": "Sales"},
            {"id": "dep-people", "label": "People", "description": "HR and office"},
        ],
        "locations": [
            {"id": "loc-berlin", "country": "Germany", "countryCode": "de", "city": "Berlin", "address": "Invalidenstraße 1", "postalCode": "10115", "remote": false},
            {"id": "loc-krakow", "country": "Poland", "countryCode": "pl", "city": "Kraków", "remote": false},
        ],
        "hiringProcesses": [{
            "id": "default",
            "name": "Default hiring process",
            "subStatuses": {
                "IN_REVIEW": ["Screening"],
                "INTERVIEW": ["Phone Screen", "Onsite"],
                "OFFERED": ["Offer Sent", "Offer Accepted"],
            },
        }],
        "rejectionReasons": [
            {"id": "rr-1", "label": "Not qualified"},
            {"id": "rr-2", "label": "Position filled"},
            {"id": "rr-3", "label": "Salary expectations"},
        ],
        "withdrawalReasons": [
            {"id": "wr-1", "label": "Accepted another offer"},
            {"id": "wr-2", "label": "Not interested anymore"},
        ],
        "sources": [
            {"id": "src-linkedin", "label": "LinkedIn", "sourceType": "JOB_BOARD"},
            {"id": "src-indeed", "label": "Indeed", "sourceType": "JOB_BOARD"},
            {"id": "src-referral", "label": "Employee referral", "sourceType": "REFERRAL"},
        ],
        "offerProperties": [
            {"id": "base-salary", "label": "Base salary", "type": "CURRENCY", "required": true},
            {"id": "start-date", "label": "Start date", "type": "DATE", "required": true},
        ],
        "jobProperties": [
            {
                "id": "jp-region", "label": "Region", "type": "SINGLE_SELECT", "active": true,
                "values": [{"id": "emea", "label": "EMEA"}, {"id": "amer", "label": "Americas"}],
                "dependents": ["jp-office"],
                "dependentValues": {"emea": {"jp-office": ["berlin", "krakow"]}, "amer": {"jp-office": ["sf"]}},
            },
            {
                "id": "jp-office", "label": "Office", "type": "SINGLE_SELECT", "active": true,
                "values": [
                    {"id": "berlin", "label": "Berlin"},
                    {"id": "krakow", "label": "Kraków"},
                    {"id": "sf", "label": "San Francisco"},
                    {"id": "paris", "label": "Paris", "archived": true},
                ],
            },
            {"id": "jp-cost-center", "label": "Cost center", "type": "TEXT", "active": true},
            {"id": "jp-legacy", "label": "Legacy code", "type": "TEXT", "active": false},
        ],
        "candidateProperties": [
            {
                "id": "cp-notice", "label": "Notice period", "type": "SINGLE_SELECT",
                "values": [{"id": "n-0", "label": "Immediate"}, {"id": "n-30", "label": "30 days"}],
            },
            {"id": "cp-salary", "label": "Expected salary", "type": "CURRENCY"},
        ],
        "jobs": jobs,
        "candidates": candidates,
        "apiKeys": api_keys,
        "clients": clients,
    })
}
