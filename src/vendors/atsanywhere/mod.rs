//! ATS Anywhere (the HiringThing "Applicant Tracking" engine; VENDORS.md §4): REST under
//! `/api/v1`, HTTP Basic with API key and password, snake_case JSON, integer ids.
//!
//! Files: `model.rs` wire types, `store.rs` state and indexes, `rules.rs` the vendor's rules as
//! pure functions, `error.rs` the one error shape, `auth.rs` credentials to acting user,
//! `pagination.rs` page/per_page lists, `users.rs`, `jobs.rs`, `applications.rs` handlers,
//! `tenant.rs` fixtures and control-plane hooks, `openapi.rs` the served document.
//!
//! Choices where the vendor documents nothing (kept consistent everywhere):
//! - PUT and PATCH both update only the fields given (Rails' `update`);
//! - bodies may be wrapped in their resource name (`{"user": {...}}`);
//! - lists are bare JSON arrays with `Link` (`rel="next"`/`"prev"`), `X-Page` and `X-Per-Page`;
//! - errors: 401 without credentials, 403 for refused credentials and forbidden actions, 404 for
//!   unknown or invisible records and routes, 400 for a body that is not JSON, 422 for invalid
//!   fields and for changes that would leave the company without its one AccountOwner.

pub mod applications;
pub mod auth;
pub mod error;
pub mod generate;
pub mod input;
pub mod jobs;
pub mod model;
pub mod openapi;
pub mod pagination;
pub mod rules;
pub mod store;
pub mod tenant;
pub mod unified;
pub mod users;

use crate::vendors::Vendor;
use actix_web::{web, Scope};

/// The vendor's API hosts (HiringThing's engine and the ATS Anywhere brand).
pub const HOSTS: &[&str] = &["api.applicant-tracking.com", "api.atsanywhere.io"];

/// Where the REST API starts.
pub const API_BASE: &str = "/api/v1";

/// Quick-apply resumes come base64-encoded in the body: allow a few megabytes.
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;

/// Mounts the vendor on `scope` (its path prefix, or the root behind a Host guard).
pub fn mount(scope: Scope) -> impl actix_web::dev::HttpServiceFactory {
    scope
        .route(
            "/applicant_webhooks/add_applicant",
            web::post().to(applications::add_applicant),
        )
        .service(
            web::scope(API_BASE)
                .service(
                    web::resource("/users")
                        .get(users::list_users)
                        .post(users::create_user),
                )
                .service(
                    web::resource("/users/{id}")
                        .get(users::get_user)
                        .put(users::update_user)
                        .patch(users::update_user)
                        .delete(users::delete_user),
                )
                .service(web::resource("/sites").get(jobs::list_sites))
                .service(
                    web::resource("/jobs")
                        .get(jobs::list_jobs)
                        .post(jobs::create_job),
                )
                .route("/jobs/active", web::get().to(jobs::list_active))
                .route(
                    "/jobs/active_visible",
                    web::get().to(jobs::list_active_visible),
                )
                .route("/jobs/hidden", web::get().to(jobs::list_hidden))
                .route("/jobs/archived", web::get().to(jobs::list_archived))
                .service(
                    web::resource("/jobs/{id}")
                        .get(jobs::get_job)
                        .put(jobs::update_job)
                        .patch(jobs::update_job),
                )
                .route(
                    "/jobs/{id}/applications",
                    web::get().to(applications::list_job_applications),
                )
                .route(
                    "/jobs/{id}/applications/unrated",
                    web::get().to(applications::list_job_unrated),
                )
                .route(
                    "/jobs/{id}/applications/rated",
                    web::get().to(applications::list_job_rated),
                )
                .route(
                    "/jobs/{id}/applications/archived",
                    web::get().to(applications::list_job_archived),
                )
                .route(
                    "/applications",
                    web::get().to(applications::list_applications),
                )
                .route(
                    "/applications/unrated",
                    web::get().to(applications::list_unrated),
                )
                .route(
                    "/applications/rated",
                    web::get().to(applications::list_rated),
                )
                .route(
                    "/applications/archived",
                    web::get().to(applications::list_archived),
                )
                .service(
                    web::resource("/applications/{id}")
                        .get(applications::get_application)
                        .put(applications::update_application)
                        .patch(applications::update_application)
                        .delete(applications::delete_application),
                )
                .service(
                    web::resource("/notes")
                        .get(applications::list_notes)
                        .post(applications::create_note),
                )
                .default_service(web::to(|req| Vendor::AtsAnywhere.unknown_route(req))),
        )
}
