//! Pandapé in Panora's unified ATS model, where its data allows: company users (role ->
//! `access_role`) and vacancies as jobs (`Draft` DRAFT, `Published` OPEN, `Closed` CLOSED).
//! Pandapé's API exposes no candidates or applications of its own, so every other kind is
//! empty, and unified creates are refused.

use super::model::{User, UserRole, Vacancy, VacancyStatus};
use super::tenant::PandapeTenant;
use crate::vendors::unified::*;
use chrono::{DateTime, Utc};
use serde_json::json;

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Panora's `access_role` for a Pandapé role.
pub fn access_role(role: UserRole) -> &'static str {
    match role {
        UserRole::Administrator => "SUPER_ADMIN",
        UserRole::Supervisor | UserRole::Manager => "ADMIN",
        UserRole::Recruiter => "TEAM_MEMBER",
        UserRole::Interviewer => "INTERVIEWER",
        _ => "LIMITED_TEAM_MEMBER",
    }
}

fn user(u: &User) -> UnifiedRecord {
    UnifiedRecord::new(
        UnifiedKind::User,
        u.id.to_string(),
        (u.created_at, u.updated_at),
        json!({
            "first_name": u.name, "last_name": u.surname, "email": u.email,
            "disabled": !u.is_active, "access_role": access_role(u.role),
            "remote_created_at": time(&u.created_at), "remote_modified_at": time(&u.updated_at),
        }),
        Vec::new(),
        serde_json::to_value(u).unwrap_or_default(),
    )
}

fn job(v: &Vacancy) -> UnifiedRecord {
    let status = match v.status {
        VacancyStatus::Draft => "DRAFT",
        VacancyStatus::Published => "OPEN",
        VacancyStatus::Closed => "CLOSED",
    };
    UnifiedRecord::new(
        UnifiedKind::Job,
        v.id.to_string(),
        (v.created_at, v.updated_at),
        json!({
            "name": v.job, "description": v.description, "code": v.reference, "status": status,
            "type": null, "confidential": v.company_hidden,
            "remote_created_at": time(&v.created_at), "remote_updated_at": time(&v.updated_at),
        }),
        vec![
            (
                "departments",
                UnifiedRef::Many(UnifiedKind::Department, Vec::new()),
            ),
            ("offices", UnifiedRef::Many(UnifiedKind::Office, Vec::new())),
            (
                "managers",
                UnifiedRef::Many(UnifiedKind::User, vec![v.id_user.to_string()]),
            ),
            (
                "recruiters",
                UnifiedRef::Many(
                    UnifiedKind::User,
                    v.assigned_user_ids.iter().map(u64::to_string).collect(),
                ),
            ),
        ],
        serde_json::to_value(v).unwrap_or_default(),
    )
}

impl UnifiedAts for PandapeTenant {
    fn page(&self, kind: UnifiedKind, from: Option<&str>, limit: usize) -> Option<UnifiedPage> {
        let s = self.read();
        match kind {
            UnifiedKind::User => page_of_map(&s.users, from, limit, |u| Some(user(u))),
            UnifiedKind::Job => page_of_map(&s.vacancies, from, limit, |v| Some(job(v))),
            _ => empty_page(from),
        }
    }

    fn get(&self, kind: UnifiedKind, remote_id: &str) -> Option<UnifiedRecord> {
        let id: u64 = remote_id.parse().ok()?;
        let s = self.read();
        match kind {
            UnifiedKind::User => s.users.get(&id).map(user),
            UnifiedKind::Job => s.vacancies.get(&id).map(job),
            _ => None,
        }
    }

    fn create(
        &self,
        kind: UnifiedKind,
        _input: &UnifiedInput,
        _now: DateTime<Utc>,
    ) -> Result<UnifiedRecord, VendorRefusal> {
        Err(cannot_create(
            "Pandapé",
            kind,
            "its API has no candidates or applications to write",
        ))
    }
}
