//! Organization structure writes: `department.create/update/archive/restore/move`,
//! `location.create/archive/restore/move/updateName/updateExternalName/updateAddress/
//! updateWorkplaceType`, and `candidateTag.archive`. The trees stay valid (see `rules.rs`).

use super::call::{params, Call, Result};
use super::error::{success, AshbyError};
use super::model::{Department, Location, LocationType};
use super::render;
use super::rules;
use super::store::{Change, Store};
use actix_web::HttpResponse;
use serde::Deserialize;
use serde_json::Value;

fn department<'s>(s: &'s Store, id: &str) -> Result<&'s Department> {
    s.departments
        .get(id)
        .ok_or_else(|| AshbyError::not_found("department", "Department"))
}

fn location<'s>(s: &'s Store, id: &str) -> Result<&'s Location> {
    s.locations
        .get(id)
        .ok_or_else(|| AshbyError::not_found("location", "Location"))
}

fn department_out(s: &Store, id: String) -> Option<Value> {
    s.departments.get(&id).map(render::department)
}

fn location_out(s: &Store, id: String) -> Option<Value> {
    s.locations.get(&id).map(render::location)
}

fn answer(v: Option<Value>) -> HttpResponse {
    success(v.unwrap_or(Value::Null), None)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewDepartment {
    name: String,
    external_name: Option<String>,
    parent_id: Option<String>,
}

pub fn department_create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewDepartment = params(body)?;
    if p.name.trim().is_empty() {
        return Err(AshbyError::invalid_input("name must not be empty"));
    }
    let out = call.write(
        |s, now, rng| {
            if let Some(parent) = &p.parent_id {
                if department(s, parent)?.is_archived {
                    return Err(AshbyError::invalid_input(
                        "An active department cannot have an archived parent",
                    ));
                }
            }
            let d = Department {
                id: rng.uuid(),
                name: p.name.trim().to_owned(),
                external_name: p.external_name,
                is_archived: false,
                parent_id: p.parent_id,
                created_at: now,
                updated_at: now,
            };
            let id = d.id.clone();
            Ok((vec![Change::Department(d)], id))
        },
        department_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DepartmentUpdate {
    department_id: String,
    name: Option<String>,
    external_name: Option<String>,
}

pub fn department_update(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: DepartmentUpdate = params(body)?;
    let out = call.write(
        |s, now, _| {
            let mut d = department(s, &p.department_id)?.clone();
            if let Some(name) = p.name {
                if name.trim().is_empty() {
                    return Err(AshbyError::invalid_input("name must not be empty"));
                }
                d.name = name.trim().to_owned();
            }
            if p.external_name.is_some() {
                d.external_name = p.external_name;
            }
            d.updated_at = now;
            let id = d.id.clone();
            Ok((vec![Change::Department(d)], id))
        },
        department_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DepartmentId {
    department_id: String,
}

pub fn department_archive(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: DepartmentId = params(body)?;
    let out = call.write(
        |s, now, _| {
            department(s, &p.department_id)?;
            let changes = rules::archive_subtree(
                &s.departments.values().collect::<Vec<_>>(),
                &p.department_id,
            )
            .into_iter()
            .map(|mut d| {
                d.updated_at = now;
                Change::Department(d)
            })
            .collect();
            Ok((changes, p.department_id.clone()))
        },
        department_out,
    )?;
    Ok(answer(out))
}

pub fn department_restore(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: DepartmentId = params(body)?;
    let out = call.write(
        |s, now, _| {
            let d = department(s, &p.department_id)?;
            let parent = d.parent_id.as_deref().and_then(|id| s.departments.get(id));
            let mut d = rules::restore(d, parent)?;
            d.updated_at = now;
            let id = d.id.clone();
            Ok((vec![Change::Department(d)], id))
        },
        department_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DepartmentMove {
    department_id: String,
    parent_id: Option<String>,
}

pub fn department_move(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: DepartmentMove = params(body)?;
    let out = call.write(
        |s, now, _| {
            let d = department(s, &p.department_id)?;
            let parent = p
                .parent_id
                .as_deref()
                .map(|id| department(s, id))
                .transpose()?;
            rules::check_move(&s.departments.values().collect::<Vec<_>>(), d, parent)?;
            let mut d = d.clone();
            d.parent_id = p.parent_id.clone();
            d.updated_at = now;
            let id = d.id.clone();
            Ok((vec![Change::Department(d)], id))
        },
        department_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Address {
    postal_address: Option<PostalAddress>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct PostalAddress {
    address_country: Option<String>,
    address_region: Option<String>,
    address_locality: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewLocation {
    name: String,
    #[serde(rename = "type")]
    location_type: LocationType,
    address: Option<Address>,
    parent_location_id: Option<String>,
    #[serde(default)]
    is_remote: bool,
    workplace_type: Option<String>,
    external_name: Option<String>,
}

const WORKPLACE_TYPES: &[&str] = &["OnSite", "Remote", "Hybrid"];

fn check_workplace(w: &Option<String>) -> Result<()> {
    match w {
        Some(w) if !WORKPLACE_TYPES.contains(&w.as_str()) => {
            Err(AshbyError::invalid_input(format!(
                "workplaceType must be one of {}",
                WORKPLACE_TYPES.join(", ")
            )))
        }
        _ => Ok(()),
    }
}

/// A location's parent must be an active location hierarchy.
fn check_parent<'s>(s: &'s Store, parent: Option<&str>) -> Result<Option<&'s Location>> {
    let Some(id) = parent else { return Ok(None) };
    let parent = location(s, id)?;
    if parent.location_type != LocationType::LocationHierarchy {
        return Err(AshbyError::invalid_input(
            "The parent must be a location hierarchy",
        ));
    }
    Ok(Some(parent))
}

pub fn location_create(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: NewLocation = params(body)?;
    if p.name.trim().is_empty() {
        return Err(AshbyError::invalid_input("name must not be empty"));
    }
    check_workplace(&p.workplace_type)?;
    let out = call.write(
        |s, _, rng| {
            if check_parent(s, p.parent_location_id.as_deref())?.is_some_and(|x| x.is_archived) {
                return Err(AshbyError::invalid_input(
                    "An active location cannot have an archived parent",
                ));
            }
            let postal = p.address.and_then(|a| a.postal_address).unwrap_or_default();
            let l = Location {
                id: rng.uuid(),
                name: p.name.trim().to_owned(),
                external_name: p.external_name,
                is_archived: false,
                is_remote: p.is_remote,
                parent_location_id: p.parent_location_id,
                country: postal.address_country,
                region: postal.address_region,
                locality: postal.address_locality,
                location_type: p.location_type,
                workplace_type: p.workplace_type,
            };
            let id = l.id.clone();
            Ok((vec![Change::Location(l)], id))
        },
        location_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationId {
    location_id: String,
}

pub fn location_archive(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LocationId = params(body)?;
    let out = call.write(
        |s, _, _| {
            location(s, &p.location_id)?;
            let changes =
                rules::archive_subtree(&s.locations.values().collect::<Vec<_>>(), &p.location_id)
                    .into_iter()
                    .map(Change::Location)
                    .collect();
            Ok((changes, p.location_id.clone()))
        },
        location_out,
    )?;
    Ok(answer(out))
}

pub fn location_restore(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LocationId = params(body)?;
    let out = call.write(
        |s, _, _| {
            let l = location(s, &p.location_id)?;
            let parent = l
                .parent_location_id
                .as_deref()
                .and_then(|id| s.locations.get(id));
            let l = rules::restore(l, parent)?;
            let id = l.id.clone();
            Ok((vec![Change::Location(l)], id))
        },
        location_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationMove {
    location_id: String,
    parent_location_hierarchy_id: Option<String>,
}

pub fn location_move(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: LocationMove = params(body)?;
    let out = call.write(
        |s, _, _| {
            let l = location(s, &p.location_id)?;
            let parent = check_parent(s, p.parent_location_hierarchy_id.as_deref())?;
            rules::check_move(&s.locations.values().collect::<Vec<_>>(), l, parent)?;
            let mut l = l.clone();
            l.parent_location_id = p.parent_location_hierarchy_id.clone();
            let id = l.id.clone();
            Ok((vec![Change::Location(l)], id))
        },
        location_out,
    )?;
    Ok(answer(out))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationEdit {
    location_id: String,
    name: Option<String>,
    external_name: Option<String>,
    address: Option<Address>,
    workplace_type: Option<String>,
}

/// The four `location.update*` endpoints: each changes one aspect.
fn location_edit(call: &Call, body: Value, aspect: &str) -> Result<HttpResponse> {
    let p: LocationEdit = params(body)?;
    check_workplace(&p.workplace_type)?;
    let out = call.write(
        |s, _, _| {
            let mut l = location(s, &p.location_id)?.clone();
            match aspect {
                "name" => {
                    let name = p
                        .name
                        .filter(|n| !n.trim().is_empty())
                        .ok_or_else(|| AshbyError::invalid_input("name is required"))?;
                    l.name = name.trim().to_owned();
                }
                "externalName" => l.external_name = p.external_name,
                "address" => {
                    let postal = p
                        .address
                        .ok_or_else(|| AshbyError::invalid_input("address is required"))?
                        .postal_address
                        .unwrap_or_default();
                    l.country = postal.address_country;
                    l.region = postal.address_region;
                    l.locality = postal.address_locality;
                }
                _ => {
                    l.workplace_type =
                        Some(p.workplace_type.ok_or_else(|| {
                            AshbyError::invalid_input("workplaceType is required")
                        })?);
                }
            }
            let id = l.id.clone();
            Ok((vec![Change::Location(l)], id))
        },
        location_out,
    )?;
    Ok(answer(out))
}

pub fn location_update_name(call: &Call, body: Value) -> Result<HttpResponse> {
    location_edit(call, body, "name")
}

pub fn location_update_external_name(call: &Call, body: Value) -> Result<HttpResponse> {
    location_edit(call, body, "externalName")
}

pub fn location_update_address(call: &Call, body: Value) -> Result<HttpResponse> {
    location_edit(call, body, "address")
}

pub fn location_update_workplace_type(call: &Call, body: Value) -> Result<HttpResponse> {
    location_edit(call, body, "workplaceType")
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TagId {
    tag_id: String,
}

pub fn candidate_tag_archive(call: &Call, body: Value) -> Result<HttpResponse> {
    let p: TagId = params(body)?;
    let out = call.write(
        |s, _, _| {
            let mut tag = s
                .tags
                .get(&p.tag_id)
                .cloned()
                .ok_or_else(|| AshbyError::not_found("tag", "Tag"))?;
            tag.is_archived = true;
            let id = tag.id.clone();
            Ok((vec![Change::Tag(tag)], id))
        },
        |s, id| s.tags.get(&id).map(render::tag),
    )?;
    Ok(answer(out))
}
