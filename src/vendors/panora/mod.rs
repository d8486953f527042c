//! Panora's unified ATS API (VENDORS.md §5) in front of the other vendors' tenants, both
//! published contracts at once: singular routes with `Authorization: Bearer <api key>`
//! (`/ats/candidate`) and plural routes with `x-api-key` (`/ats/candidates`), each with
//! `x-connection-token` naming the linked vendor tenant.
//!
//! Files: `tenant.rs` the project (keys, connections, stored field mappings), `api.rs` the
//! endpoints over [`crate::vendors::unified::UnifiedAts`], `error.rs` NestJS's error bodies.
//!
//! As Panora did: a missing or unknown API key is 401 `Unauthorized`; a missing or unknown
//! connection token, an unknown cursor or id are 500 `Internal server error` (its controllers
//! re-throw); creates answer 201. Where Panora is silent: a vendor refusing a unified write
//! answers 400 naming the vendor and its reason, and nothing is written.

pub mod api;
pub mod error;
pub mod tenant;

use actix_web::{web, Scope};

pub const HOSTS: &[&str] = &["api.panora.dev"];
pub const API_BASE: &str = "";
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;

pub fn mount(scope: Scope) -> impl actix_web::dev::HttpServiceFactory {
    scope
        .service(
            web::resource("/ats/{object}")
                .get(api::list)
                .post(api::create),
        )
        .service(web::resource("/ats/{object}/{id}").get(api::retrieve))
}

/// The OpenAPI document of the served surface: every list, retrieve and create of both
/// contracts, with their security schemes.
pub fn openapi_document() -> String {
    use utoipa::openapi::path::{
        HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathsBuilder,
    };
    use utoipa::openapi::security::{
        ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
    };
    use utoipa::openapi::{
        ComponentsBuilder, InfoBuilder, OpenApiBuilder, Required, ResponseBuilder, ServerBuilder,
    };
    let token = || {
        ParameterBuilder::new()
            .name("x-connection-token")
            .parameter_in(ParameterIn::Header)
            .required(Required::True)
            .build()
    };
    let mut paths = PathsBuilder::new();
    for &(kind, one, many, creates) in api::ROUTES {
        for (segment, scheme) in [(one, "bearer"), (many, "api_key")] {
            if segment == many && one == many && scheme == "bearer" {
                continue;
            }
            let op = |id: String, status: &str| {
                OperationBuilder::new()
                    .operation_id(Some(id))
                    .tag(format!("{kind:?}"))
                    .parameter(token())
                    .security(SecurityRequirement::new(scheme, Vec::<String>::new()))
                    .response(
                        status,
                        ResponseBuilder::new()
                            .description("unified object(s)")
                            .build(),
                    )
                    .build()
            };
            let mut item = utoipa::openapi::PathItem::new(
                HttpMethod::Get,
                op(format!("list_{segment}"), "200"),
            );
            if creates {
                item.post = Some(op(format!("create_{segment}"), "201"));
            }
            paths = paths.path(format!("/ats/{segment}"), item).path(
                format!("/ats/{segment}/{{id}}"),
                utoipa::openapi::PathItem::new(
                    HttpMethod::Get,
                    op(format!("retrieve_{segment}"), "200"),
                ),
            );
        }
    }
    let doc = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Panora unified ATS API (ats-sandbox)")
                .version("1")
                .description(Some("Both published contracts: singular routes with Authorization: Bearer, plural routes with x-api-key; x-connection-token names the linked vendor tenant. Served under /panora, or at the root for Host api.panora.dev."))
                .build(),
        )
        .servers(Some([ServerBuilder::new().url("/panora").build()]))
        .paths(paths.build())
        .components(Some(
            ComponentsBuilder::new()
                .security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()))
                .security_scheme("api_key", SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("x-api-key"))))
                .build(),
        ))
        .build();
    doc.to_pretty_json().unwrap_or_default()
}
