//! Rules for users, access groups and configuration records (ADMINISTRATOR only), pure functions
//! on the [`Store`] like `rules.rs`.
//!
//! Choices: emails are unique among users (case-insensitive); the company keeps at least one
//! active ADMINISTRATOR (deactivating or demoting the last one is refused) and nobody deactivates
//! themselves; an activation email goes only to an inactive user, a password reset only to an
//! active user who signs in with a password (not SSO). Sent emails are recorded in the tenant's
//! state (`emails` in the control plane's snapshot).

use super::error::SrError;
use super::input::*;
use super::model::*;
use super::rules::{need, require, user};
use super::store::{Change, Changes, Store};
use crate::validation::is_valid_email;
use serde_json::{json, Value};

fn active_admins(store: &Store) -> usize {
    store
        .users
        .values()
        .filter(|u| u.active && u.system_role == SystemRole::Administrator)
        .count()
}

/// Checks a user about to be written (API writes and fixtures alike).
pub fn validate_user(store: &Store, u: &User) -> Result<(), SrError> {
    if u.first_name.trim().is_empty() {
        return Err(SrError::invalid("firstName", "must not be blank"));
    }
    if u.last_name.trim().is_empty() {
        return Err(SrError::invalid("lastName", "must not be blank"));
    }
    if !is_valid_email(&u.email) {
        return Err(SrError::invalid(
            "email",
            format!("'{}' is not a valid email address", u.email),
        ));
    }
    if store.user_by_email(&u.email).is_some_and(|o| o.id != u.id) {
        return Err(SrError::conflict(format!(
            "a user with email '{}' already exists",
            u.email
        )));
    }
    if let Some(mode) = &u.sso_login_mode {
        if mode != "SSO" && mode != "PASSWORD" {
            return Err(SrError::invalid(
                "ssoLoginMode",
                format!("'{mode}' is not one of SSO, PASSWORD"),
            ));
        }
    }
    if let Some(g) = u
        .access_groups
        .iter()
        .find(|g| !store.access_groups.contains_key(*g))
    {
        return Err(SrError::invalid(
            "accessGroups",
            format!("unknown access group '{g}'"),
        ));
    }
    if let Some(existing) = store.users.get(&u.id) {
        let demoted = existing.active
            && existing.system_role == SystemRole::Administrator
            && (!u.active || u.system_role != SystemRole::Administrator);
        if demoted && active_admins(store) <= 1 {
            return Err(SrError::conflict(
                "the company must keep at least one active ADMINISTRATOR",
            ));
        }
    }
    Ok(())
}

fn role(id: &str, field: &str) -> Result<SystemRole, SrError> {
    SystemRole::parse(id).ok_or_else(|| {
        SrError::invalid(
            field,
            format!("'{id}' is not one of EMPLOYEE, RESTRICTED, STANDARD, EXTENDED, ADMINISTRATOR"),
        )
    })
}

pub fn create_user(
    store: &Store,
    actor: &User,
    id: String,
    input: UserInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Creating users")?;
    let u = User {
        id,
        email: input.email.trim().to_owned(),
        first_name: input.first_name.trim().to_owned(),
        last_name: input.last_name.trim().to_owned(),
        system_role: role(&input.system_role.id, "systemRole.id")?,
        external_data: input.external_data,
        sso_identifier: input.sso_identifier,
        sso_login_mode: input.sso_login_mode,
        language: input.language.map_or_else(default_language, |l| l.code),
        active: true,
        updated_on: now,
        access_groups: Vec::new(),
    };
    validate_user(store, &u)?;
    Ok(vec![Change::PutUser(u)])
}

/// The editable document of a user, as `PATCH /users/{id}` patches it.
pub fn patchable(u: &User) -> Value {
    json!({
        "email": u.email,
        "firstName": u.first_name,
        "lastName": u.last_name,
        "systemRole": {"id": u.system_role.id()},
        "externalData": u.external_data,
        "ssoIdentifier": u.sso_identifier,
        "ssoLoginMode": u.sso_login_mode,
        "language": {"code": u.language},
    })
}

/// A user after its patched document (from [`patchable`]) came back as input.
pub fn patch_user(
    store: &Store,
    actor: &User,
    id: &str,
    input: UserInput,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Updating users")?;
    let mut u = user(store, id)?.clone();
    u.email = input.email.trim().to_owned();
    u.first_name = input.first_name.trim().to_owned();
    u.last_name = input.last_name.trim().to_owned();
    u.system_role = role(&input.system_role.id, "systemRole.id")?;
    u.external_data = input.external_data;
    u.sso_identifier = input.sso_identifier;
    u.sso_login_mode = input.sso_login_mode;
    u.language = input.language.map_or_else(default_language, |l| l.code);
    u.updated_on = now;
    validate_user(store, &u)?;
    Ok(vec![Change::PutUser(u)])
}

pub fn set_active(
    store: &Store,
    actor: &User,
    id: &str,
    active: bool,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Activating or deactivating users")?;
    let mut u = user(store, id)?.clone();
    if !active && u.id == actor.id {
        return Err(SrError::conflict("a user cannot deactivate themselves"));
    }
    if u.active == active {
        return Ok(Vec::new());
    }
    u.active = active;
    u.updated_on = now;
    validate_user(store, &u)?;
    Ok(vec![Change::PutUser(u)])
}

/// Which email a user is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailKind {
    Activation,
    PasswordReset,
}

pub fn send_email(
    store: &Store,
    actor: &User,
    id: &str,
    kind: EmailKind,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Sending user emails")?;
    let u = user(store, id)?;
    let kind = match kind {
        EmailKind::Activation if u.active => {
            return Err(SrError::conflict(format!("user '{id}' is already active")))
        }
        EmailKind::Activation => "activation",
        EmailKind::PasswordReset if !u.active => {
            return Err(SrError::conflict(format!(
                "user '{id}' is inactive: send an activation email instead"
            )))
        }
        EmailKind::PasswordReset if u.sso_login_mode.as_deref() == Some("SSO") => {
            return Err(SrError::conflict(format!(
                "user '{id}' signs in with SSO and has no password to reset"
            )))
        }
        EmailKind::PasswordReset => "password-reset",
    };
    Ok(vec![Change::Email(SentEmail {
        kind: kind.into(),
        user_id: u.id.clone(),
        to: u.email.clone(),
        sent_on: now,
    })])
}

pub fn assign_access_group(
    store: &Store,
    actor: &User,
    group: &str,
    user_ids: &[String],
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing access groups")?;
    if !store.access_groups.contains_key(group) {
        return Err(SrError::not_found("Access group", group));
    }
    let mut changes = Vec::new();
    for (i, id) in user_ids.iter().enumerate() {
        let mut u = store
            .users
            .get(id)
            .ok_or_else(|| {
                SrError::invalid(&format!("userIds[{i}]"), format!("unknown user '{id}'"))
            })?
            .clone();
        if !u.access_groups.iter().any(|g| g == group) {
            u.access_groups.push(group.to_owned());
            u.updated_on = now;
            changes.push(Change::PutUser(u));
        }
    }
    Ok(changes)
}

pub fn remove_access_group(
    store: &Store,
    actor: &User,
    group: &str,
    user_id: &str,
    now: Time,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing access groups")?;
    if !store.access_groups.contains_key(group) {
        return Err(SrError::not_found("Access group", group));
    }
    let mut u = user(store, user_id)?.clone();
    let before = u.access_groups.len();
    u.access_groups.retain(|g| g != group);
    if u.access_groups.len() == before {
        return Err(SrError::not_found("Access group member", user_id));
    }
    u.updated_on = now;
    Ok(vec![Change::PutUser(u)])
}

pub fn create_department(
    store: &Store,
    actor: &User,
    id: String,
    input: DepartmentInput,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Creating departments")?;
    let label = input.label.trim();
    if label.is_empty() {
        return Err(SrError::invalid("label", "must not be blank"));
    }
    if store
        .departments
        .values()
        .any(|d| d.label.eq_ignore_ascii_case(label))
    {
        return Err(SrError::conflict(format!(
            "a department '{label}' already exists"
        )));
    }
    Ok(vec![Change::PutDepartment(Department {
        id,
        label: label.to_owned(),
        description: input.description,
    })])
}

/// Create (`id` new) or replace (`id` existing) a predefined location.
pub fn put_location(
    store: &Store,
    actor: &User,
    id: String,
    mut input: Location,
    creating: bool,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing predefined locations")?;
    if !creating && !store.locations.contains_key(&id) {
        return Err(SrError::not_found("Location", &id));
    }
    for (field, value) in [("country", &input.country), ("city", &input.city)] {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            return Err(SrError::missing(field));
        }
    }
    if let Some(code) = &input.country_code {
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(SrError::invalid(
                "countryCode",
                "must be an ISO 3166-1 alpha-2 code",
            ));
        }
    }
    input.id = Some(id);
    Ok(vec![Change::PutLocation(input)])
}

pub fn delete_location(store: &Store, actor: &User, id: &str) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing predefined locations")?;
    if !store.locations.contains_key(id) {
        return Err(SrError::not_found("Location", id));
    }
    Ok(vec![Change::DeleteLocation(id.to_owned())])
}
