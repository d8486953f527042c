//! SmartRecruiters (VENDORS.md §2): REST on `api.smartrecruiters.com`, `X-SmartToken` API keys
//! or OAuth2 client credentials, camelCase JSON, `{message, errors:[{code, message}]}` errors.
//!
//! Files: `model.rs` records and enums, `store.rs` state and tables; rules as pure functions in
//! `rules.rs` (permissions, job status), `candidate_rules.rs`, `job_rules.rs` (jobs' data),
//! `ad_rules.rs` (job ads, publication), `user_rules.rs` (users, departments, locations) and
//! `config_rules.rs` (properties, access groups); `patch.rs` JSON Patch, `error.rs`, `auth.rs`
//! keys, tokens and callers, `input.rs` bodies and queries, `pagination.rs` pageId lists,
//! `render.rs` wire shapes; handlers in `candidates.rs`, `attachments.rs`, `jobs.rs`,
//! `jobads.rs`, `approvals.rs`, `postings.rs` (public Posting API), `users.rs`, `configuration.rs`,
//! `properties.rs`; `tenant.rs` fixtures and credentials, `generate.rs` generated fixtures,
//! `catalogue.rs` the served routes and the action catalogue.
//!
//! Choices where SmartRecruiters documents nothing (more in each module's docs):
//! - creates answer 201 with the record (candidates, jobs, users, departments, locations,
//!   positions, hiring team members); status changes and deletes answer 204 except
//!   `PUT /jobs/{id}/status`, which answers `{status}`;
//! - a candidate's primary assignment is the job they were assigned to last;
//! - candidates may share an email (SmartRecruiters merges duplicates in its UI, not its API);
//!   user emails are unique;
//! - every response carries the `X-RateLimit-*` headers: with `--enforce-rate-limits` (or a
//!   tenant with limits) they count against the enforced limits; otherwise against the documented
//!   limits (10/s, 8 concurrent, 1 concurrent on `GET /candidates`), counted but not enforced.

pub mod ad_rules;
pub mod approvals;
pub mod attachments;
pub mod auth;
pub mod candidate_rules;
pub mod candidates;
pub mod catalogue;
pub mod compact;
pub mod config_rules;
pub mod configuration;
pub mod error;
pub mod generate;
pub mod input;
pub mod job_rules;
pub mod jobads;
pub mod jobs;
pub mod model;
pub mod pagination;
pub mod patch;
pub mod postings;
pub mod properties;
pub mod render;
pub mod rules;
pub mod store;
pub mod tenant;
pub mod unified;
pub mod user_rules;
pub mod users;

use actix_web::{web, Scope};
use error::SrError;

pub const HOSTS: &[&str] = &["api.smartrecruiters.com"];
pub const API_BASE: &str = "";
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;
pub const USERS_API: &str = "/user-api/v201804";

pub fn mount(scope: Scope) -> impl actix_web::dev::HttpServiceFactory {
    use web::{delete, get, post, put, resource};
    let unknown = || web::to(|req| crate::vendors::Vendor::SmartRecruiters.unknown_route(req));
    let users = web::scope(USERS_API)
        .default_service(unknown())
        .service(resource("/users").get(users::list).post(users::create))
        .route("/users/me", get().to(users::me))
        .service(resource("/users/{id}").get(users::get).patch(users::patch))
        .service(
            resource("/users/{id}/activation")
                .put(users::activate)
                .delete(users::deactivate),
        )
        .route(
            "/users/{id}/activation-email",
            post().to(users::activation_email),
        )
        .route(
            "/users/{id}/reset-password",
            post().to(users::reset_password),
        )
        .route("/system-roles", get().to(users::system_roles))
        .service(
            resource("/access-groups")
                .get(users::access_groups)
                .post(properties::create_access_group),
        )
        .service(
            resource("/access-groups/{id}")
                .get(properties::get_access_group)
                .put(properties::update_access_group),
        )
        .route("/access-groups/{id}/users", post().to(users::assign))
        .route(
            "/access-groups/{id}/users/{userId}",
            delete().to(users::unassign),
        );
    let approvals = web::scope("/approvals-api/v201910")
        .default_service(unknown())
        .route("/approvals/pending", get().to(approvals::pending))
        .route("/approvals", post().to(approvals::create))
        .route("/approvals/{id}", get().to(approvals::get))
        .route("/approvals/{id}/approve", post().to(approvals::approve))
        .route("/approvals/{id}/reject", post().to(approvals::reject))
        .service(
            resource("/approvals/{id}/comments")
                .get(approvals::comments)
                .post(approvals::add_comment),
        );
    let configuration = web::scope("/configuration")
        .default_service(unknown())
        .route("/company", get().to(configuration::company))
        .service(
            resource("/departments")
                .get(configuration::departments)
                .post(configuration::create_department),
        )
        .route("/departments/{id}", get().to(configuration::department))
        .route(
            "/hiring-processes",
            get().to(configuration::hiring_processes),
        )
        .route(
            "/hiring-processes/{id}",
            get().to(configuration::hiring_process),
        )
        .route(
            "/rejection-reasons",
            get().to(configuration::rejection_reasons),
        )
        .route(
            "/withdrawal-reasons",
            get().to(configuration::withdrawal_reasons),
        )
        .route(
            "/offer-properties",
            get().to(configuration::offer_properties),
        )
        .route("/sources", get().to(configuration::source_types))
        .route(
            "/sources/{identifier}",
            get().to(configuration::source_by_identifier),
        )
        .service(
            resource("/job-properties")
                .get(properties::list)
                .post(properties::create),
        )
        .route("/job-properties/{id}", get().to(properties::get))
        .service(
            resource("/job-properties/{id}/activation")
                .put(properties::activate)
                .delete(properties::deactivate),
        )
        .service(
            resource("/job-properties/{id}/values")
                .get(properties::list_values)
                .post(properties::create_value),
        )
        .service(
            resource("/job-properties/{id}/archive-values/{valueId}")
                .put(properties::archive_value)
                .delete(properties::unarchive_value),
        )
        .service(
            resource("/job-properties/{id}/dependents")
                .get(properties::dependents)
                .post(properties::add_dependents),
        )
        .route(
            "/job-properties/{id}/dependents/{dependentId}/values",
            get().to(properties::dependent_relations),
        )
        .service(
            resource("/job-properties/{id}/values/{valueId}/dependents/{dependentId}/values")
                .get(properties::dependent_values)
                .post(properties::add_dependent_value),
        )
        .route(
            "/candidate-properties",
            get().to(properties::candidate_properties),
        )
        .route(
            "/candidate-properties/{id}",
            get().to(properties::candidate_property),
        )
        .service(
            resource("/candidate-properties/{id}/values")
                .get(properties::candidate_property_values)
                .post(properties::create_candidate_property_value),
        )
        .service(
            resource("/candidate-properties/{id}/values/{valueId}")
                .get(properties::candidate_property_value)
                .put(properties::relabel_candidate_property_value),
        )
        .route(
            "/sources/{type}/values",
            get().to(configuration::source_values),
        )
        .route(
            "/sources/{type}/values/{id}",
            get().to(configuration::source_value),
        )
        .service(
            resource("/locations")
                .get(configuration::locations)
                .post(configuration::create_location),
        )
        .service(
            resource("/locations/{id}")
                .get(configuration::location)
                .put(configuration::update_location)
                .delete(configuration::delete_location),
        );
    scope
        .app_data(
            web::PathConfig::default().error_handler(|e, _| SrError::invalid("path", e).into()),
        )
        .route("/identity/oauth/token", post().to(auth::token))
        .service(
            web::scope("/v1/companies")
                .default_service(unknown())
                .route("/{companyIdentifier}/postings", get().to(postings::list))
                .route(
                    "/{companyIdentifier}/postings/{postingId}",
                    get().to(postings::get),
                )
                .route(
                    "/{companyIdentifier}/departments",
                    get().to(postings::departments),
                ),
        )
        .service(users)
        .service(approvals)
        .service(configuration)
        // Routes grouped under their static first segment, and within a group the one-segment
        // pattern first: actix tries patterns in order, one regex each, and no pattern of one
        // segment can match a path of two or more.
        .service(
            web::scope("/candidates")
                .default_service(unknown())
                .service(
                    resource("")
                        .get(candidates::search)
                        .post(candidates::create),
                )
                .service(
                    resource("/{id}")
                        .get(candidates::get)
                        .patch(candidates::update)
                        .delete(candidates::delete),
                )
                .service(
                    resource("/attachments/{attachmentId}")
                        .get(attachments::get)
                        .delete(attachments::delete),
                )
                .service(
                    resource("/{id}/attachments")
                        .get(attachments::list_all)
                        .post(attachments::upload_for_candidate),
                )
                .route(
                    "/{id}/attachments/{attachmentId}",
                    get().to(attachments::get_for_candidate),
                )
                .service(
                    resource("/{id}/jobs/{jobId}/attachments")
                        .get(attachments::list_for_job)
                        .post(attachments::upload_for_job),
                )
                .service(
                    resource("/{id}/tags")
                        .get(candidates::get_tags)
                        .post(candidates::add_tags)
                        .put(candidates::replace_tags)
                        .delete(candidates::delete_tags),
                )
                .route("/{id}/status", put().to(candidates::put_primary_status))
                .route(
                    "/{id}/status/history",
                    get().to(candidates::primary_status_history),
                )
                .route(
                    "/{id}/onboardingStatus",
                    get().to(candidates::get_primary_onboarding),
                )
                .route("/{id}/consent", get().to(candidates::consent))
                .route("/{id}/consents", get().to(candidates::consents))
                .service(
                    resource("/{id}/jobs/{jobId}")
                        .get(candidates::get_application)
                        .delete(candidates::delete_application),
                )
                .route(
                    "/{id}/jobs/{jobId}/status",
                    put().to(candidates::put_status),
                )
                .route(
                    "/{id}/jobs/{jobId}/status/history",
                    get().to(candidates::status_history),
                )
                .route(
                    "/{id}/jobs/{jobId}/source",
                    put().to(candidates::put_source),
                )
                .service(
                    resource("/{id}/jobs/{jobId}/onboardingStatus")
                        .get(candidates::get_onboarding)
                        .put(candidates::put_onboarding),
                )
                .route(
                    "/{id}/jobs/{jobId}/screening-answers",
                    get().to(candidates::screening_answers),
                )
                .service(
                    resource("/{id}/jobs/{jobId}/properties")
                        .get(candidates::properties)
                        .put(candidates::put_properties),
                )
                .route(
                    "/{id}/jobs/{jobId}/properties/{propertyId}",
                    put().to(candidates::put_property),
                ),
        )
        .service(
            web::scope("/jobs")
                .default_service(unknown())
                .service(resource("").get(jobs::search).post(jobs::create))
                .service(
                    resource("/{id}")
                        .get(jobs::get)
                        .put(jobs::replace)
                        .patch(jobs::patch),
                )
                .route("/{id}/candidates", post().to(candidates::create_for_job))
                .route("/{id}/status", put().to(jobs::put_status))
                .route("/{id}/status/history", get().to(jobs::status_history))
                .route("/{id}/approvals/latest", get().to(jobs::latest_approval))
                .service(
                    resource("/{id}/positions")
                        .get(jobs::positions)
                        .post(jobs::create_position),
                )
                .service(
                    resource("/{id}/positions/{positionId}")
                        .get(jobs::get_position)
                        .put(jobs::update_position)
                        .delete(jobs::delete_position),
                )
                .service(
                    resource("/{id}/hiring-team")
                        .get(jobs::hiring_team)
                        .post(jobs::add_member),
                )
                .route(
                    "/{id}/hiring-team/{userId}",
                    delete().to(jobs::remove_member),
                )
                .service(
                    resource("/{id}/jobads")
                        .get(jobads::list)
                        .post(jobads::create),
                )
                .service(
                    resource("/{id}/jobads/{adId}")
                        .get(jobads::get)
                        .put(jobads::update),
                )
                .service(
                    resource("/{id}/jobads/{adId}/postings")
                        .get(jobads::ad_postings)
                        .post(jobads::publish_ad)
                        .delete(jobads::unpublish_ad),
                )
                .service(
                    resource("/{id}/publication")
                        .get(jobads::publications)
                        .post(jobads::publish_job)
                        .delete(jobads::unpublish_job),
                )
                .service(resource("/{id}/note").get(jobs::note).put(jobs::put_note)),
        )
}
