//! The OpenAPI document of the ATS Anywhere surface the sandbox serves, generated from the
//! handlers' annotations. `ats-sandbox openapi atsanywhere` prints it; a test keeps
//! `openapi/atsanywhere.json` equal to it.

use super::{applications, jobs, users};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct BasicAuth;

impl Modify for BasicAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "basic",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Basic).build()),
            );
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ATS Anywhere API (ats-sandbox)",
        version = "v1",
        description = "The ATS Anywhere API as ats-sandbox serves it. HTTP Basic auth: API key as user name, API password as password. Served under /atsanywhere, or at the root for Host api.applicant-tracking.com."
    ),
    servers((url = "/atsanywhere")),
    paths(
        users::list_users, users::create_user, users::get_user, users::update_user, users::delete_user,
        jobs::list_jobs, jobs::list_active, jobs::list_active_visible, jobs::list_hidden,
        jobs::list_archived, jobs::get_job, jobs::create_job, jobs::update_job, jobs::list_sites,
        applications::list_applications, applications::list_unrated, applications::list_rated,
        applications::list_archived, applications::list_job_applications,
        applications::list_job_unrated, applications::list_job_rated,
        applications::list_job_archived, applications::get_application,
        applications::update_application, applications::delete_application,
        applications::list_notes, applications::create_note, applications::add_applicant,
    ),
    modifiers(&BasicAuth),
    tags(
        (name = "Users", description = "Company users and their admin_level"),
        (name = "Jobs", description = "Jobs (Online, Offline, Archived; hidden flag) and sites"),
        (name = "Applications", description = "Applications: rating, archiving"),
        (name = "Notes", description = "Notes on applications"),
        (name = "Quick apply", description = "Partner submissions of applicants"),
    )
)]
struct ApiDoc;

/// The document, pretty-printed, with a trailing newline.
pub fn document() -> String {
    crate::http::openapi_json(&ApiDoc::openapi())
}
