//! Pandapé (Redarbor's ATS; VENDORS.md §3): REST v2 on ASP.NET. OAuth2 client credentials at
//! `/connect/token` (host `login.pandape.com.br`), Bearer tokens on `/v2` and `/v3`
//! (host `api.pandape.com.br`); PascalCase requests bound case-insensitively, camelCase
//! responses, ProblemDetails errors.
//!
//! Files: `model.rs` wire types, `store.rs` state, `rules.rs` roles, flags and the request flow,
//! `error.rs` ProblemDetails, `auth.rs` token endpoint and bearer callers, `input.rs` ASP.NET-style
//! binding, `pagination.rs`, handlers in `users.rs`, `vacancies.rs`, `requests.rs`,
//! `lookups.rs`, `tenant.rs` fixtures and clients, `openapi.rs`.
//!
//! Choices where the vendor documents nothing:
//! - creates answer 200 with the record (the help center documents 200 for user creation);
//! - a user's role comes as `Role` (`Company_Recruiter` when absent); `DELETE` on a user
//!   deactivates it; `PUT` replaces the user's fields and flags;
//! - a request's status moves through `PUT /v2/requests/{id}/status` `{"Status": ...}`;
//!   publishing a vacancy is `Publish: true` on create or `POST /v2/vacancies/{id}/publish`;
//! - lists answer `{currentPage, pageSize, totalItems, totalPages, items}`.

pub mod auth;
pub mod error;
pub mod generate;
pub mod input;
pub mod lookups;
pub mod model;
pub mod openapi;
pub mod pagination;
pub mod requests;
pub mod rules;
pub mod store;
pub mod tenant;
pub mod unified;
pub mod users;
pub mod vacancies;

use actix_web::{web, Scope};

pub const HOSTS: &[&str] = &["api.pandape.com.br", "login.pandape.com.br"];
pub const API_BASE: &str = "/v2";

pub const BODY_LIMIT: usize = 1024 * 1024;

pub fn mount(scope: Scope) -> impl actix_web::dev::HttpServiceFactory {
    scope
        .route("/connect/token", web::post().to(auth::token))
        .service(
            web::resource("/v2/company/users")
                .get(users::list_users)
                .post(users::create_user),
        )
        .service(
            web::resource("/v2/company/users/{id}")
                .get(users::get_user)
                .put(users::update_user)
                .delete(users::deactivate_user),
        )
        .service(
            web::resource("/v2/vacancies")
                .get(vacancies::list_vacancies)
                .post(vacancies::create_vacancy),
        )
        .route("/v2/vacancies/{id}", web::get().to(vacancies::get_vacancy))
        .route(
            "/v2/vacancies/{id}/publish",
            web::post().to(vacancies::publish_vacancy),
        )
        .service(
            web::resource("/v2/requests")
                .get(requests::list_requests)
                .post(requests::create_request),
        )
        .route("/v2/requests/{id}", web::get().to(requests::get_request))
        .route(
            "/v2/requests/{id}/status",
            web::put().to(requests::set_status),
        )
        .route(
            "/v2/request-matches",
            web::post().to(requests::create_match),
        )
        .route(
            "/v2/request-matches/{id}",
            web::get().to(requests::get_match),
        )
        .route("/v2/custom-fields", web::get().to(lookups::custom_fields))
        .route(
            "/v2/data-sources/items",
            web::get().to(lookups::datasource_items),
        )
        .route(
            "/v3/precollaborators/{id}",
            web::get().to(lookups::precollaborator),
        )
}
