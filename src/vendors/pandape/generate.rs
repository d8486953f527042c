//! Large, consistent Pandapé data sets for `ats-sandbox fixtures generate`: users of every role
//! with their flags, the data sources and custom fields, vacancies, requests in every status and
//! `candidates` request matches. The same seed gives the same document, byte for byte.

use super::model::{
    CustomField, CustomFieldValue, DataSourceItem, MatchCandidate, Permissions, Request,
    RequestMatch, RequestStatus, StatusChange, User, UserRole, Vacancy, VacancyStatus,
};
use super::rules::{ALL_STATUSES, DS_CATEGORIES, DS_LOCATIONS};
use super::store::ApiClient;
use super::tenant::{Company, FixtureDoc};
use crate::ids::SeededRng;
use chrono::{DateTime, Duration, TimeZone, Utc};

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

const DATA_SOURCES: &[(u64, &[&str])] = &[
    (
        1,
        &[
            "Tecnologia",
            "Vendas",
            "Administração",
            "Logística",
            "Saúde",
        ],
    ),
    (2, &["Júnior", "Pleno", "Sênior"]),
    (3, &["São Paulo", "Rio de Janeiro", "Curitiba", "Recife"]),
    (4, &["CLT", "PJ", "Estágio"]),
    (5, &["Integral", "Meio período"]),
    (6, &["Presencial", "Remoto", "Híbrido"]),
    (7, &["Nova posição", "Substituição"]),
    (8, &["CC-100", "CC-200", "CC-300"]),
];

fn item_id(datasource: u64, index: usize) -> u64 {
    datasource * 100 + index as u64 + 1
}

pub fn generate(seed: u64, candidates: u64, progress: &dyn Fn(u64)) -> serde_json::Value {
    let mut rng = SeededRng::new(seed);
    let company = rng.company();
    let t0 = base();
    let datasource_items: Vec<DataSourceItem> = DATA_SOURCES
        .iter()
        .flat_map(|(ds, names)| {
            names
                .iter()
                .enumerate()
                .map(move |(i, name)| DataSourceItem {
                    id: item_id(*ds, i),
                    id_datasource: *ds,
                    name: (*name).into(),
                })
        })
        .collect();
    let custom_fields = vec![CustomField {
        id: 1,
        name: "Centro de custo".into(),
        field_type: "List".into(),
        is_required: true,
        id_datasource: Some(8),
    }];
    let all = Permissions {
        is_allowed_to_publish: true,
        is_request_manager: true,
        is_onboarding_manager: true,
        is_allowed_to_request: true,
        is_allowed_to_change_request_flow: true,
        is_allowed_to_override_request: true,
        is_allowed_to_prime: true,
    };
    let roles = [
        (UserRole::Administrator, all),
        (
            UserRole::Supervisor,
            Permissions {
                is_allowed_to_change_request_flow: false,
                is_allowed_to_override_request: false,
                ..all
            },
        ),
        (
            UserRole::Manager,
            Permissions {
                is_allowed_to_prime: false,
                ..all
            },
        ),
        (
            UserRole::Recruiter,
            Permissions {
                is_allowed_to_publish: true,
                ..Permissions::default()
            },
        ),
        (UserRole::Recruiter, Permissions::default()),
        (UserRole::Interviewer, Permissions::default()),
        (UserRole::Contributor, Permissions::default()),
        (
            UserRole::Requisitor,
            Permissions {
                is_allowed_to_request: true,
                ..Permissions::default()
            },
        ),
    ];
    let users: Vec<User> = roles
        .iter()
        .enumerate()
        .map(|(i, (role, permissions))| {
            let id = i as u64 + 1;
            let name = rng.first_name();
            let surname = rng.last_name();
            User {
                id,
                email: format!(
                    "{}.{}.{id}@empresa.example",
                    name.to_lowercase(),
                    surname.to_lowercase()
                )
                .replace(' ', ""),
                name,
                surname,
                phone: Some(rng.phone()),
                role: *role,
                is_active: true,
                permissions: *permissions,
                created_at: t0,
                updated_at: t0,
            }
        })
        .collect();
    let recruiters = [4u64, 5];
    let vacancy_count = (candidates / 20).max(4);
    let vacancies: Vec<Vacancy> = (1..=vacancy_count)
        .map(|id| {
            let published = id % 3 != 0;
            Vacancy {
                id,
                id_user: recruiters[(id % 2) as usize],
                id_request: None,
                reference: Some(format!("GEN-{id:05}")),
                job: rng.job_title(),
                job_complement: None,
                id_category1: item_id(DS_CATEGORIES, (id % 5) as usize),
                id_category2: None,
                id_managerial_level: Some(item_id(2, (id % 3) as usize)),
                id_location1: Some(item_id(DS_LOCATIONS, (id % 4) as usize)),
                id_location2: None,
                id_location3: None,
                description: rng.sentence(),
                number_vacancies: 1 + (id % 3) as u32,
                id_contract_work_type: Some(item_id(4, 0)),
                id_working_hours: Some(item_id(5, 0)),
                id_work_method: Some(item_id(6, (id % 3) as usize)),
                salary_min: Some(format!("{}", 3000 + 500 * (id % 10))),
                salary_max: Some(format!("{}", 6000 + 500 * (id % 10))),
                hide_salary: id % 5 == 0,
                cep: None,
                vacancy_location_type: Some("0 - CompanyAddress".into()),
                company_hidden: false,
                assigned_user_ids: vec![6, 7],
                status: if published {
                    VacancyStatus::Published
                } else {
                    VacancyStatus::Draft
                },
                published_at: published.then_some(t0 + Duration::days(1)),
                created_at: t0 + Duration::hours(id as i64),
                updated_at: t0 + Duration::hours(id as i64),
            }
        })
        .collect();
    let request_count = (candidates / 10).max(ALL_STATUSES.len() as u64);
    let requests: Vec<Request> = (1..=request_count)
        .map(|id| {
            let status = ALL_STATUSES[(id as usize - 1) % ALL_STATUSES.len()];
            Request {
                id,
                id_user: 8,
                job: rng.job_title(),
                id_category1: Some(item_id(DS_CATEGORIES, (id % 5) as usize)),
                id_category2: None,
                id_managerial_level: None,
                number_vacancies: 1,
                id_request_reason: Some(item_id(7, 0)),
                external_code: Some(format!("EXT-{id:05}")),
                description: Some(rng.sentence()),
                is_confidential: id % 9 == 0,
                custom_fields: vec![CustomFieldValue {
                    id_request_field: 1,
                    value: item_id(8, (id % 3) as usize).to_string(),
                }],
                status,
                id_recruiter: matches!(
                    status,
                    RequestStatus::Assigned
                        | RequestStatus::InProcess
                        | RequestStatus::Completed
                        | RequestStatus::Filed
                )
                .then_some(4),
                id_vacancy: None,
                approvals: Vec::new(),
                status_history: vec![StatusChange {
                    from: None,
                    to: status,
                    id_user: 8,
                    comment: None,
                    date: t0 + Duration::hours(id as i64),
                }],
                created_at: t0 + Duration::hours(id as i64),
                updated_at: t0 + Duration::hours(id as i64),
            }
        })
        .collect();
    let open: Vec<u64> = requests
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                RequestStatus::Approved | RequestStatus::Assigned | RequestStatus::InProcess
            )
        })
        .map(|r| r.id)
        .collect();
    let mut matches = Vec::with_capacity(candidates as usize);
    for id in 1..=candidates {
        let name = rng.first_name();
        let surname = rng.last_name();
        matches.push(RequestMatch {
            id,
            id_request: open[(id as usize) % open.len()],
            id_vacancy: None,
            candidate: MatchCandidate {
                email: format!(
                    "{}.{}.{id}@mail.example",
                    name.to_lowercase(),
                    surname.to_lowercase()
                )
                .replace(' ', ""),
                name,
                surname,
                phone: rng.chance(70).then(|| rng.phone()),
            },
            stage: ["Inscrito", "Triagem", "Entrevista", "Oferta"][rng.below(4) as usize].into(),
            id_user: 4,
            created_at: t0 + Duration::minutes(id as i64),
        });
        if id % 1000 == 0 {
            progress(id);
        }
    }
    progress(candidates);
    let clients = users
        .iter()
        .map(|u| ApiClient {
            client_id: rng.secret("gen-", 16),
            client_secret: rng.secret("", 40),
            user_id: u.id,
        })
        .collect();
    let doc = FixtureDoc {
        company: Company { name: company },
        users,
        clients,
        datasource_items,
        custom_fields,
        vacancies,
        requests,
        matches,
        precollaborators: Vec::new(),
        sequences: None,
        tokens: Vec::new(),
    };
    serde_json::to_value(doc).unwrap_or_default()
}
