//! Rules for configurable properties and access groups, pure functions on the [`Store`]:
//! job properties with their values and dependents, candidate properties' values, and the
//! check of a job's `properties` against them. All writes need ADMINISTRATOR.
//!
//! Choices: a new job property starts inactive (SmartRecruiters has an activation call); only
//! SINGLE_SELECT properties have values and dependents; labels are unique among a property's
//! values (case-insensitive); dependents form no cycle; a dependent value relation links a value
//! of the property to a value of one of its dependents. A job may set an active property only,
//! a SINGLE_SELECT one to a live (not archived) value, and a dependent property to a value its
//! parent's value allows (when the parent's value restricts it).

use super::error::SrError;
use super::model::*;
use super::rules::{need, require};
use super::store::{Change, Changes, Store};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
pub struct PropertyInput {
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LabelInput {
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AccessGroupInput {
    pub name: String,
    pub description: Option<String>,
}

pub fn job_property<'s>(store: &'s Store, id: &str) -> Result<&'s JobProperty, SrError> {
    store
        .job_properties
        .get(id)
        .ok_or_else(|| SrError::not_found("Job property", id))
}

pub fn candidate_property<'s>(
    store: &'s Store,
    id: &str,
) -> Result<&'s CandidateProperty, SrError> {
    store
        .candidate_properties
        .get(id)
        .ok_or_else(|| SrError::not_found("Candidate property", id))
}

fn label(raw: &str) -> Result<String, SrError> {
    let label = raw.trim();
    if label.is_empty() {
        return Err(SrError::invalid("label", "must not be blank"));
    }
    Ok(label.to_owned())
}

fn new_value(values: &[PropertyValue], id: String, raw: &str) -> Result<PropertyValue, SrError> {
    let label = label(raw)?;
    if values.iter().any(|v| v.label.eq_ignore_ascii_case(&label)) {
        return Err(SrError::conflict(format!(
            "a value '{label}' already exists"
        )));
    }
    Ok(PropertyValue {
        id,
        label,
        archived: false,
    })
}

/// Adds a value to a SINGLE_SELECT property's values.
fn push_value(
    kind: &str,
    values: &mut Vec<PropertyValue>,
    id: String,
    raw: &str,
) -> Result<(), SrError> {
    single_select(kind, "values are for")?;
    let value = new_value(values, id, raw)?;
    values.push(value);
    Ok(())
}

fn single_select(kind: &str, what: &str) -> Result<(), SrError> {
    if kind != "SINGLE_SELECT" {
        return Err(SrError::invalid(
            "type",
            format!("{what} only SINGLE_SELECT properties; this one is {kind}"),
        ));
    }
    Ok(())
}

/// Whether `from` reaches `to` through dependents.
fn reaches(store: &Store, from: &str, to: &str) -> bool {
    let mut seen = HashSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(id) = stack.pop() {
        if id == to {
            return true;
        }
        if seen.insert(id.clone()) {
            if let Some(p) = store.job_properties.get(&id) {
                stack.extend(p.dependents.iter().cloned());
            }
        }
    }
    false
}

/// Checks a job property against the store (fixtures and snapshots).
pub fn check_job_property(store: &Store, p: &JobProperty) -> Result<(), SrError> {
    if !PROPERTY_TYPES.contains(&p.kind.as_str()) {
        return Err(SrError::invalid(
            "type",
            format!("'{}' is not a property type", p.kind),
        ));
    }
    if p.kind != "SINGLE_SELECT" && (!p.values.is_empty() || !p.dependents.is_empty()) {
        return Err(SrError::invalid(
            "values",
            "only SINGLE_SELECT properties have values and dependents",
        ));
    }
    let mut ids = HashSet::new();
    if let Some(v) = p.values.iter().find(|v| !ids.insert(v.id.as_str())) {
        return Err(SrError::invalid(
            "values",
            format!("duplicate value id {}", v.id),
        ));
    }
    for d in &p.dependents {
        let dep = job_property(store, d)?;
        single_select(&dep.kind, "dependents can be")?;
        if d == &p.id || reaches(store, d, &p.id) {
            return Err(SrError::invalid(
                "dependents",
                format!("{d} would make a cycle"),
            ));
        }
    }
    for (value, by_dependent) in &p.dependent_values {
        if !ids.contains(value.as_str()) {
            return Err(SrError::invalid(
                "dependentValues",
                format!("{value} is not a value of {}", p.id),
            ));
        }
        for (d, values) in by_dependent {
            let dep = job_property(store, d)?;
            if !p.dependents.contains(d)
                || values
                    .iter()
                    .any(|v| !dep.values.iter().any(|x| &x.id == v))
            {
                return Err(SrError::invalid(
                    "dependentValues",
                    format!("bad relation {value} -> {d}"),
                ));
            }
        }
    }
    Ok(())
}

fn put(p: JobProperty) -> Changes {
    vec![Change::PutJobProperty(Box::new(p))]
}

pub fn create_job_property(
    store: &Store,
    actor: &User,
    id: String,
    input: PropertyInput,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Creating job properties")?;
    if !PROPERTY_TYPES.contains(&input.kind.as_str()) {
        return Err(SrError::invalid(
            "type",
            format!(
                "'{}' is not one of {}",
                input.kind,
                PROPERTY_TYPES.join(", ")
            ),
        ));
    }
    let label = label(&input.label)?;
    if store
        .job_properties
        .values()
        .any(|p| p.label.eq_ignore_ascii_case(&label))
    {
        return Err(SrError::conflict(format!(
            "a job property '{label}' already exists"
        )));
    }
    Ok(put(JobProperty {
        id,
        label,
        kind: input.kind,
        active: false,
        values: Vec::new(),
        dependents: Vec::new(),
        dependent_values: Default::default(),
    }))
}

pub fn set_job_property_active(
    store: &Store,
    actor: &User,
    id: &str,
    active: bool,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Activating job properties")?;
    let mut p = job_property(store, id)?.clone();
    p.active = active;
    Ok(put(p))
}

pub fn add_job_property_value(
    store: &Store,
    actor: &User,
    id: &str,
    value_id: String,
    raw: &str,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Creating job property values")?;
    let mut p = job_property(store, id)?.clone();
    push_value(&p.kind, &mut p.values, value_id, raw)?;
    Ok(put(p))
}

pub fn set_value_archived(
    store: &Store,
    actor: &User,
    id: &str,
    value_id: &str,
    archived: bool,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Archiving job property values")?;
    let mut p = job_property(store, id)?.clone();
    let value = p
        .values
        .iter_mut()
        .find(|v| v.id == value_id)
        .ok_or_else(|| SrError::not_found("Job property value", value_id))?;
    value.archived = archived;
    Ok(put(p))
}

pub fn add_dependents(
    store: &Store,
    actor: &User,
    id: &str,
    dependents: &[String],
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing job property dependents")?;
    let mut p = job_property(store, id)?.clone();
    single_select(&p.kind, "dependents are for")?;
    for d in dependents {
        if !p.dependents.contains(d) {
            p.dependents.push(d.clone());
        }
    }
    check_job_property(store, &p)?;
    Ok(put(p))
}

pub fn add_dependent_value(
    store: &Store,
    actor: &User,
    id: &str,
    value_id: &str,
    dependent_id: &str,
    dependent_value: &str,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing job property dependents")?;
    let mut p = job_property(store, id)?.clone();
    if !p.values.iter().any(|v| v.id == value_id) {
        return Err(SrError::not_found("Job property value", value_id));
    }
    if !p.dependents.iter().any(|d| d == dependent_id) {
        return Err(SrError::not_found("Dependent job property", dependent_id));
    }
    let dependent = job_property(store, dependent_id)?;
    if !dependent.values.iter().any(|v| v.id == dependent_value) {
        return Err(SrError::invalid(
            "id",
            format!("'{dependent_value}' is not a value of {dependent_id}"),
        ));
    }
    let allowed = p
        .dependent_values
        .entry(value_id.to_owned())
        .or_default()
        .entry(dependent_id.to_owned())
        .or_default();
    if allowed.iter().any(|v| v == dependent_value) {
        return Err(SrError::conflict("the relation already exists"));
    }
    allowed.push(dependent_value.to_owned());
    Ok(put(p))
}

/// Checks a job's `properties` (`[{"id": ..., "value": {"id": ...}}]`) against the company's
/// job properties.
pub fn check_job_values(store: &Store, properties: &[Value]) -> Result<(), SrError> {
    let mut chosen: Vec<(String, Option<String>)> = Vec::new();
    for (i, entry) in properties.iter().enumerate() {
        let field = format!("properties[{i}]");
        let id = entry["id"]
            .as_str()
            .ok_or_else(|| SrError::missing(&format!("{field}.id")))?;
        let p = store.job_properties.get(id).ok_or_else(|| {
            SrError::invalid(
                &format!("{field}.id"),
                format!("unknown job property '{id}'"),
            )
        })?;
        if !p.active {
            return Err(SrError::invalid(
                &format!("{field}.id"),
                format!("job property '{id}' is not active"),
            ));
        }
        let value = if p.kind == "SINGLE_SELECT" {
            let value = entry["value"]["id"]
                .as_str()
                .ok_or_else(|| SrError::missing(&format!("{field}.value.id")))?;
            if !p.values.iter().any(|v| v.id == value && !v.archived) {
                return Err(SrError::invalid(
                    &format!("{field}.value.id"),
                    format!("'{value}' is not a live value of job property '{id}'"),
                ));
            }
            Some(value.to_owned())
        } else {
            if entry.get("value").is_none_or(Value::is_null) {
                return Err(SrError::missing(&format!("{field}.value")));
            }
            None
        };
        chosen.push((id.to_owned(), value));
    }
    for (parent, value) in &chosen {
        let Some(value) = value else { continue };
        let p = &store.job_properties[parent.as_str()];
        let Some(rules) = p.dependent_values.get(value) else {
            continue;
        };
        for (dependent, allowed) in rules {
            if let Some((_, Some(got))) = chosen.iter().find(|(id, _)| id == dependent) {
                if !allowed.contains(got) {
                    return Err(SrError::invalid(
                        "properties",
                        format!(
                            "'{got}' of '{dependent}' is not allowed with '{value}' of '{parent}'"
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// One candidate property value to set on an application.
#[derive(Debug, Clone, Deserialize)]
pub struct PropertyValueInput {
    pub id: String,
    pub value: Value,
}

/// Whether `value` fits a candidate property (SINGLE_SELECT: a value id; TEXT: a string;
/// NUMBER: a number; CURRENCY: `{code, value}`; DATE: `YYYY-MM-DD`; BOOLEAN: a boolean).
fn check_candidate_value(p: &CandidateProperty, value: &Value) -> Result<(), SrError> {
    let ok = match p.kind.as_str() {
        "SINGLE_SELECT" => value
            .as_str()
            .is_some_and(|v| p.values.iter().any(|x| x.id == v && !x.archived)),
        "TEXT" => value.is_string(),
        "NUMBER" => value.is_number(),
        "CURRENCY" => {
            value["code"].as_str().is_some_and(|c| c.len() == 3) && value["value"].is_number()
        }
        "DATE" => value
            .as_str()
            .is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()),
        "BOOLEAN" => value.is_boolean(),
        _ => false,
    };
    if !ok {
        return Err(SrError::invalid(
            "value",
            format!(
                "{value} is not a valid {} value of candidate property '{}'",
                p.kind, p.id
            ),
        ));
    }
    Ok(())
}

/// Sets candidate property values on an application, all or none.
pub fn set_application_properties(
    store: &Store,
    actor: &User,
    candidate_id: &str,
    job_id: &str,
    values: &[PropertyValueInput],
    now: Time,
) -> Result<Changes, SrError> {
    require(
        actor,
        need::WRITE_CANDIDATES,
        "Setting candidate property values",
    )?;
    super::rules::job(store, job_id)?;
    let mut c = super::rules::candidate(store, candidate_id)?.clone();
    let app = c
        .applications
        .iter_mut()
        .find(|a| a.job_id == job_id)
        .ok_or_else(|| super::rules::no_application(candidate_id, job_id))?;
    for v in values {
        check_candidate_value(candidate_property(store, &v.id)?, &v.value)?;
        app.properties.insert(v.id.clone(), v.value.clone());
    }
    c.updated_on = now;
    Ok(vec![Change::PutCandidate(Box::new(c))])
}

pub fn add_candidate_property_value(
    store: &Store,
    actor: &User,
    id: &str,
    value_id: String,
    raw: &str,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Creating candidate property values")?;
    let mut p = candidate_property(store, id)?.clone();
    push_value(&p.kind, &mut p.values, value_id, raw)?;
    Ok(vec![Change::PutCandidateProperty(Box::new(p))])
}

pub fn relabel_candidate_property_value(
    store: &Store,
    actor: &User,
    id: &str,
    value_id: &str,
    raw: &str,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing candidate property values")?;
    let mut p = candidate_property(store, id)?.clone();
    let label = label(raw)?;
    if p.values
        .iter()
        .any(|v| v.id != value_id && v.label.eq_ignore_ascii_case(&label))
    {
        return Err(SrError::conflict(format!(
            "a value '{label}' already exists"
        )));
    }
    let value = p
        .values
        .iter_mut()
        .find(|v| v.id == value_id)
        .ok_or_else(|| SrError::not_found("Candidate property value", value_id))?;
    value.label = label;
    Ok(vec![Change::PutCandidateProperty(Box::new(p))])
}

pub fn put_access_group(
    store: &Store,
    actor: &User,
    id: String,
    input: AccessGroupInput,
    creating: bool,
) -> Result<Changes, SrError> {
    require(actor, need::ADMIN, "Changing access groups")?;
    if !creating && !store.access_groups.contains_key(&id) {
        return Err(SrError::not_found("Access group", &id));
    }
    let name = input.name.trim();
    if name.is_empty() {
        return Err(SrError::invalid("name", "must not be blank"));
    }
    if store
        .access_groups
        .values()
        .any(|g| g.id != id && g.name.eq_ignore_ascii_case(name))
    {
        return Err(SrError::conflict(format!(
            "an access group '{name}' already exists"
        )));
    }
    Ok(vec![Change::PutAccessGroup(AccessGroup {
        id,
        name: name.to_owned(),
        description: input.description,
    })])
}
