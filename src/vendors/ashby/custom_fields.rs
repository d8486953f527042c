//! `customField.*` (definitions and values on candidates, applications, jobs and openings) and
//! `user.setCustomFieldValue(s)` (values on employees). Values are checked against the field's
//! type and options (`rules::fields`); a batch is written whole or not at all.

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::Time;
use super::model::{CustomField, FieldType, FieldValue, SelectableValue};
use super::pagination::{page, ListParams};
use super::render;
use super::rules::fields::{
    answered_object_type, check_value, merge_selectable_values, with_values,
};
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::Value;

fn field<'s>(s: &'s Store, id: &str) -> Result<&'s CustomField> {
    s.custom_fields
        .get(id)
        .ok_or_else(|| AshbyError::not_found("custom_field", "Custom field"))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewField {
    field_type: FieldType,
    object_type: RequestedObject,
    title: String,
    description: Option<String>,
    selectable_values: Option<Vec<SelectableValue>>,
    is_date_only_field: Option<bool>,
    #[serde(default)]
    is_exposable_to_candidate: bool,
}

/// The object types `customField.create` takes.
#[derive(Deserialize, Clone, Copy)]
enum RequestedObject {
    Application,
    Candidate,
    Job,
    Employee,
    #[serde(rename = "Talent_Project")]
    TalentProject,
    #[serde(rename = "Opening_Version")]
    OpeningVersion,
    #[serde(rename = "Offer_Version")]
    OfferVersion,
}

impl RequestedObject {
    fn name(self) -> &'static str {
        match self {
            Self::Application => "Application",
            Self::Candidate => "Candidate",
            Self::Job => "Job",
            Self::Employee => "Employee",
            Self::TalentProject => "Talent_Project",
            Self::OpeningVersion => "Opening_Version",
            Self::OfferVersion => "Offer_Version",
        }
    }
}

pub fn create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewField = params(body)?;
    let out = call.write(
        |_, now, rng| {
            if p.title.trim().is_empty() {
                return Err(AshbyError::invalid_input("title must not be empty"));
            }
            let select = matches!(
                p.field_type,
                FieldType::ValueSelect | FieldType::MultiValueSelect
            );
            let options =
                match (&p.selectable_values, select) {
                    (Some(v), true) if !v.is_empty() => merge_selectable_values(&[], v)?,
                    (_, true) => return Err(AshbyError::invalid_input(
                        "selectableValues is required for ValueSelect and MultiValueSelect fields",
                    )),
                    (Some(v), false) if !v.is_empty() => {
                        return Err(AshbyError::invalid_input(
                            "selectableValues is only for ValueSelect and MultiValueSelect fields",
                        ))
                    }
                    _ => Vec::new(),
                };
            let f = CustomField {
                id: rng.uuid(),
                title: p.title.trim().to_owned(),
                description: p.description.clone(),
                object_type: answered_object_type(p.object_type.name()).to_owned(),
                field_type: p.field_type,
                is_archived: false,
                is_private: false,
                is_required: false,
                is_exposable_to_candidate: p.is_exposable_to_candidate,
                is_date_only_field: (p.field_type == FieldType::Date)
                    .then_some(p.is_date_only_field.unwrap_or(true)),
                selectable_values: options,
                created_at: now,
            };
            let id = f.id.clone();
            Ok((vec![Change::CustomField(f)], id))
        },
        |s, id| s.custom_fields.get(&id).map(render::custom_field),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FieldId {
    custom_field_id: String,
}

pub fn info(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: FieldId = params(body)?;
    let out = call.read(|s| Ok(render::custom_field(field(s, &p.custom_field_id)?)))?;
    Ok(success(out, None))
}

pub fn list(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: ListParams = params(body)?;
    let page = call.read(|s| {
        page(
            call.list_at(s),
            &s.custom_fields,
            &p,
            |_| true,
            |f| f.created_at,
            render::custom_field,
        )
    })?;
    Ok(success(Value::Array(page.results), Some(page.extra)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NewOptions {
    custom_field_id: String,
    selectable_values: Vec<SelectableValue>,
}

pub fn update_selectable_values(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewOptions = params(body)?;
    let out = call.write(
        |s, _, _| {
            let mut f = field(s, &p.custom_field_id)?.clone();
            if !matches!(
                f.field_type,
                FieldType::ValueSelect | FieldType::MultiValueSelect
            ) {
                return Err(AshbyError::invalid_input(
                    "Only ValueSelect and MultiValueSelect fields have selectable values",
                ));
            }
            f.selectable_values =
                merge_selectable_values(&f.selectable_values, &p.selectable_values)?;
            let id = f.id.clone();
            Ok((vec![Change::CustomField(f)], id))
        },
        |s, id| s.custom_fields.get(&id).map(render::custom_field),
    )?;
    Ok(success(out.unwrap_or(Value::Null), None))
}

/// The record kinds values are set on.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
enum Target {
    Application,
    Candidate,
    Job,
    Opening,
    /// Only through `user.setCustomFieldValue(s)`.
    #[serde(skip)]
    Employee,
}

impl Target {
    fn object_type(self) -> &'static str {
        match self {
            Target::Application => "Application",
            Target::Candidate => "Candidate",
            Target::Job => "Job",
            Target::Opening => "Opening",
            Target::Employee => "Employee",
        }
    }
}

/// The values now on the record, or its `*_not_found`.
fn current(call: &Call, s: &Store, target: Target, id: &str) -> Result<Vec<FieldValue>> {
    Ok(match target {
        Target::Application => call.application(s, id)?.custom_fields.clone(),
        Target::Candidate => call.candidate(s, id)?.custom_fields.clone(),
        Target::Job => call.job(s, id)?.custom_fields.clone(),
        Target::Opening => call.opening(s, id)?.custom_fields.clone(),
        Target::Employee => s
            .users
            .get(id)
            .ok_or_else(|| AshbyError::not_found("user", "User"))?
            .custom_fields
            .clone(),
    })
}

/// The record with its new values, as a change.
fn store_values(
    s: &Store,
    target: Target,
    id: &str,
    values: Vec<FieldValue>,
    now: Time,
) -> Option<Change> {
    Some(match target {
        Target::Application => {
            let mut r = s.applications.get(id)?.clone();
            (r.custom_fields, r.updated_at) = (values, now);
            Change::Application(r)
        }
        Target::Candidate => {
            let mut r = s.candidates.get(id)?.clone();
            (r.custom_fields, r.updated_at) = (values, now);
            Change::Candidate(r)
        }
        Target::Job => {
            let mut r = s.jobs.get(id)?.clone();
            (r.custom_fields, r.updated_at) = (values, now);
            Change::Job(r)
        }
        Target::Opening => {
            let mut r = s.openings.get(id)?.clone();
            (r.custom_fields, r.updated_at) = (values, now);
            Change::Opening(r)
        }
        Target::Employee => {
            let mut r = s.users.get(id)?.clone();
            (r.custom_fields, r.updated_at) = (values, now);
            Change::User(r)
        }
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Update {
    field_id: String,
    field_value: Value,
}

/// Checks every update against its field, then writes them all; answers the values set.
fn set(call: &Call, target: Target, id: &str, updates: &[Update]) -> Result<Vec<Value>> {
    if updates.is_empty() {
        return Err(AshbyError::invalid_input("values must not be empty"));
    }
    call.write(
        |s, now, _| {
            let before = current(call, s, target, id)?;
            let mut set = Vec::with_capacity(updates.len());
            for u in updates {
                let f = field(s, &u.field_id)?;
                if f.object_type != target.object_type() {
                    return Err(AshbyError::invalid_input(format!(
                        "Custom field {} is a field of {} records, not {}",
                        f.title,
                        f.object_type,
                        target.object_type()
                    )));
                }
                set.push(FieldValue {
                    field_id: f.id.clone(),
                    value: check_value(f, &u.field_value)?,
                });
            }
            let change = store_values(s, target, id, with_values(&before, &set), now)
                .ok_or_else(|| AshbyError::invalid_input("record not found"))?;
            Ok((vec![change], set))
        },
        |s, set| render::field_values(s, &set),
    )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SetValue {
    object_id: String,
    object_type: Target,
    field_id: String,
    field_value: Value,
}

pub fn set_value(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: SetValue = params(body)?;
    let update = [Update {
        field_id: p.field_id,
        field_value: p.field_value,
    }];
    let mut out = set(call, p.object_type, &p.object_id, &update)?;
    Ok(success(out.pop().unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SetValues {
    object_id: String,
    object_type: Target,
    values: Vec<Update>,
}

pub fn set_values(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: SetValues = params(body)?;
    let out = set(call, p.object_type, &p.object_id, &p.values)?;
    Ok(success(Value::Array(out), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserValue {
    user_id: String,
    field_id: String,
    field_value: Value,
}

pub fn user_set_value(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserValue = params(body)?;
    let update = [Update {
        field_id: p.field_id,
        field_value: p.field_value,
    }];
    let mut out = set(call, Target::Employee, &p.user_id, &update)?;
    Ok(success(out.pop().unwrap_or(Value::Null), None))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct UserValues {
    user_id: String,
    values: Vec<Update>,
}

pub fn user_set_values(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: UserValues = params(body)?;
    let out = set(call, Target::Employee, &p.user_id, &p.values)?;
    Ok(success(Value::Array(out), None))
}
