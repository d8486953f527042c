//! The OpenAPI document of the Pandapé surface the sandbox serves, generated from the handlers'
//! annotations; a test keeps `openapi/pandape.json` equal to it.

use super::{lookups, requests, users, vacancies};
use utoipa::openapi::path::{HttpMethod, OperationBuilder};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, ResponseBuilder};
use utoipa::{Modify, OpenApi};

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
        // The token endpoint takes a form, which the path macro does not describe.
        let token = OperationBuilder::new()
            .tag("Auth")
            .summary(Some("OAuth2 client credentials: grant_type, client_id, client_secret, scope (PandapeApi, ExternalRequestApi)"))
            .request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/x-www-form-urlencoded", ContentBuilder::new().build())
                    .build(),
            ))
            .response("200", ResponseBuilder::new().description("access_token, expires_in, token_type, scope"))
            .response("400", ResponseBuilder::new().description("invalid_request, invalid_client, unsupported_grant_type, invalid_scope"))
            .response("401", ResponseBuilder::new().description("invalid_client (client authenticated with HTTP Basic)"))
            .build();
        openapi
            .paths
            .add_path_operation("/connect/token", vec![HttpMethod::Post], token);
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pandapé API (ats-sandbox)",
        version = "v2",
        description = "The Pandapé API as ats-sandbox serves it: OAuth2 client credentials at /connect/token, then Bearer tokens. Requests PascalCase (case-insensitive), responses camelCase, errors as ProblemDetails. Served under /pandape, or at the root for Host api.pandape.com.br and login.pandape.com.br."
    ),
    servers((url = "/pandape")),
    paths(
        users::create_user, users::list_users, users::get_user, users::update_user, users::deactivate_user,
        vacancies::create_vacancy, vacancies::list_vacancies, vacancies::get_vacancy, vacancies::publish_vacancy,
        requests::create_request, requests::list_requests, requests::get_request, requests::set_status,
        requests::create_match, requests::get_match,
        lookups::custom_fields, lookups::datasource_items, lookups::precollaborator,
    ),
    modifiers(&Security),
)]
struct ApiDoc;

pub fn document() -> String {
    crate::http::openapi_json(&ApiDoc::openapi())
}
