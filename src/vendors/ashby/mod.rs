//! Ashby (VENDORS.md §1; contract: Ashby's OpenAPI document): RPC-style `POST /{endpoint}`,
//! HTTP Basic with the API key as user name, JSON bodies in camelCase, the `success` envelope
//! with business errors on HTTP 200.
//!
//! Files: `endpoints.rs` every spec endpoint with its permission, `error.rs` the envelope,
//! `call.rs` an authenticated call, `pagination.rs` cursors and sync tokens, `model.rs`,
//! `store.rs`, `render.rs` wire shapes, `rules.rs` the vendor's rules, handlers in
//! `organization.rs`, `structure.rs`, `catalog.rs`, `hiring.rs`, `jobs.rs`, `candidates.rs`,
//! `applications.rs`, `files.rs` (uploads), `projects.rs`, `teams.rs` (hiring teams, source changes, transfers), and
//! `tenant.rs` fixtures and keys.
//!
//! Served so far: the endpoints in [`SERVED`]. Every other endpoint of the spec answers 501
//! with the envelope code `endpoint_not_served` (after authentication and its permission
//! check), so an integration learns at once what the sandbox does not cover. A path that is not
//! an Ashby endpoint at all answers 404 with `not_found`.
//!
//! Choices where Ashby documents nothing: the refusal of `candidate.anonymize` is
//! `candidate_has_active_applications`; a second active application is
//! `application_already_exists`; cursors live an hour, sync tokens thirty days.

pub mod applications;
pub mod call;
pub mod candidate_activity;
pub mod candidates;
pub mod catalog;
pub mod custom_fields;
pub mod endpoints;
pub mod error;
pub mod files;
pub mod generate;
pub mod hiring;
pub mod interviewers;
pub mod jobs;
pub mod model;
pub mod openings;
pub mod organization;
pub mod pagination;
pub mod postings;
pub mod projects;
pub mod render;
pub mod rules;
pub mod store;
pub mod structure;
pub mod teams;
pub mod tenant;
pub mod unified;

use crate::http::{basic_auth, parse_value, BasicAuth};
use crate::state::SandboxState;
use crate::tenancy::TenantTag;
use crate::vendors::Vendor;
use actix_web::http::StatusCode;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse, ResponseError, Scope};
use call::Call;
use error::AshbyError;
use serde_json::Value;
use tenant::AshbyTenant;

pub use generate::generate;

pub const HOSTS: &[&str] = &["api.ashbyhq.com"];
pub const API_BASE: &str = "";
pub const BODY_LIMIT: usize = 10 * 1024 * 1024;

type Handler = fn(&Call, Value) -> call::Result<HttpResponse>;

/// The endpoints the sandbox serves, with their handlers.
pub const SERVED: &[(&str, Handler)] = &[
    ("apiKey.info", organization::api_key_info),
    ("user.info", organization::user_info),
    ("user.list", organization::user_list),
    ("user.search", organization::user_search),
    ("department.list", organization::department_list),
    ("department.info", organization::department_info),
    ("location.list", organization::location_list),
    ("location.info", organization::location_info),
    ("department.create", structure::department_create),
    ("department.update", structure::department_update),
    ("department.archive", structure::department_archive),
    ("department.restore", structure::department_restore),
    ("department.move", structure::department_move),
    ("location.create", structure::location_create),
    ("location.archive", structure::location_archive),
    ("location.restore", structure::location_restore),
    ("location.move", structure::location_move),
    ("location.updateName", structure::location_update_name),
    (
        "location.updateExternalName",
        structure::location_update_external_name,
    ),
    ("location.updateAddress", structure::location_update_address),
    (
        "location.updateWorkplaceType",
        structure::location_update_workplace_type,
    ),
    ("candidateTag.archive", structure::candidate_tag_archive),
    ("closeReason.list", catalog::close_reason_list),
    ("brand.list", catalog::brand_list),
    (
        "communicationTemplate.list",
        catalog::communication_template_list,
    ),
    ("jobBoard.list", catalog::job_board_list),
    ("hiringTeamRole.list", catalog::hiring_team_role_list),
    (
        "applicationHiringTeamRole.list",
        catalog::application_hiring_team_role_list,
    ),
    (
        "interviewStageGroup.list",
        catalog::interview_stage_group_list,
    ),
    ("jobInterviewPlan.info", catalog::job_interview_plan_info),
    ("interviewPlan.list", hiring::interview_plan_list),
    ("interviewStage.list", hiring::interview_stage_list),
    ("interviewStage.info", hiring::interview_stage_info),
    ("archiveReason.list", hiring::archive_reason_list),
    ("source.list", hiring::source_list),
    ("candidateTag.list", hiring::candidate_tag_list),
    ("candidateTag.create", hiring::candidate_tag_create),
    ("job.create", jobs::create),
    ("job.info", jobs::info),
    ("job.list", jobs::list),
    ("job.update", jobs::update),
    ("job.setStatus", jobs::set_status),
    ("job.search", jobs::search),
    ("candidate.create", candidates::create),
    ("candidate.info", candidates::info),
    ("candidate.list", candidates::list),
    ("candidate.search", candidates::search),
    ("candidate.update", candidates::update),
    ("candidate.addTag", candidates::add_tag),
    ("candidate.removeTag", candidates::remove_tag),
    ("candidate.createNote", candidates::create_note),
    ("candidate.listNotes", candidates::list_notes),
    ("candidate.anonymize", candidates::anonymize),
    ("candidate.uploadFile", files::candidate_upload_file),
    ("candidate.uploadResume", files::candidate_upload_resume),
    ("file.createFileUploadHandle", files::create_upload_handle),
    ("file.info", files::info),
    ("project.info", projects::info),
    ("project.list", projects::list),
    ("project.search", projects::search),
    ("candidate.addProject", projects::add_candidate),
    ("candidate.removeProject", projects::remove_candidate),
    ("candidate.listProjects", projects::of_candidate),
    ("application.create", applications::create),
    ("application.info", applications::info),
    ("application.list", applications::list),
    ("application.changeStage", applications::change_stage),
    ("application.listHistory", applications::list_history),
    ("application.update", applications::update),
    ("application.changeSource", teams::change_source),
    ("application.transfer", teams::transfer),
    (
        "application.addHiringTeamMember",
        teams::application_add_member,
    ),
    (
        "application.removeHiringTeamMember",
        teams::application_remove_member,
    ),
    ("hiringTeam.addMember", teams::add_member),
    ("hiringTeam.removeMember", teams::remove_member),
    ("customField.create", custom_fields::create),
    ("customField.info", custom_fields::info),
    ("customField.list", custom_fields::list),
    ("customField.setValue", custom_fields::set_value),
    ("customField.setValues", custom_fields::set_values),
    (
        "customField.updateSelectableValues",
        custom_fields::update_selectable_values,
    ),
    ("user.setCustomFieldValue", custom_fields::user_set_value),
    ("user.setCustomFieldValues", custom_fields::user_set_values),
    ("opening.create", openings::create),
    ("opening.info", openings::info),
    ("opening.list", openings::list),
    ("opening.search", openings::search),
    ("opening.addJob", openings::add_job),
    ("opening.removeJob", openings::remove_job),
    ("opening.addLocation", openings::add_location),
    ("opening.removeLocation", openings::remove_location),
    ("opening.setOpeningState", openings::set_opening_state),
    ("opening.setArchived", openings::set_archived),
    ("opening.update", openings::update),
    ("jobPosting.info", postings::info),
    ("jobPosting.list", postings::list),
    ("jobPosting.update", postings::update),
    ("jobTemplate.list", postings::job_template_list),
    (
        "sourceTrackingLink.list",
        postings::source_tracking_link_list,
    ),
    ("job.updateCompensation", postings::update_compensation),
    ("user.interviewerSettings", interviewers::settings_info),
    (
        "user.updateInterviewerSettings",
        interviewers::update_settings,
    ),
    ("user.createInterviewerPause", interviewers::create_pause),
    ("user.listInterviewerPauses", interviewers::list_pauses),
    ("user.deleteInterviewerPause", interviewers::delete_pause),
    (
        "candidate.addEmailMessage",
        candidate_activity::add_email_message,
    ),
    (
        "candidate.listClientInfo",
        candidate_activity::list_client_info,
    ),
    (
        "candidate.listFraudChecks",
        candidate_activity::list_fraud_checks,
    ),
    (
        "candidate.setFraudStatus",
        candidate_activity::set_fraud_status,
    ),
    ("application.updateHistory", applications::update_history),
    (
        "application.listCriteriaEvaluations",
        applications::list_criteria_evaluations,
    ),
];

/// Every spec endpoint by name: its permission, and its handler where it is served.
type Route = (&'static str, Option<&'static str>, Option<Handler>);

static ROUTES: std::sync::LazyLock<std::collections::HashMap<&'static str, Route>> =
    std::sync::LazyLock::new(|| {
        endpoints::SPEC_ENDPOINTS
            .iter()
            .map(|&(name, permission)| {
                let handler = SERVED.iter().find(|(e, _)| *e == name).map(|(_, h)| *h);
                (name, (name, permission, handler))
            })
            .collect()
    });

/// `POST /{endpoint}`: find the endpoint, authenticate, check the permission, run it.
async fn dispatch(req: HttpRequest, endpoint: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let Some(&(name, permission, handler)) = ROUTES.get(endpoint.as_str()) else {
        return AshbyError {
            status: StatusCode::NOT_FOUND,
            code: "not_found".into(),
            message: format!("{} is not an Ashby API endpoint", endpoint.as_str()),
        }
        .error_response();
    };
    let is_form = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("multipart/form-data"));
    let body = if is_form {
        Body::Form(files::read_form(req.headers(), body).await)
    } else {
        Body::Json(body)
    };
    let Some(sandbox) = SandboxState::of(&req) else {
        return AshbyError::invalid_key().error_response();
    };
    match run(&req, (name, permission, handler), body, sandbox) {
        Ok(response) => response,
        Err(error) => error.error_response(),
    }
}

/// A request body: JSON, or a multipart form read into its fields and files.
enum Body {
    Json(web::Bytes),
    Form(call::Result<(Value, Vec<files::FormFile>)>),
}

fn run(
    req: &HttpRequest,
    (name, permission, handler): Route,
    body: Body,
    sandbox: &SandboxState,
) -> call::Result<HttpResponse> {
    let key = match basic_auth(req.headers()) {
        BasicAuth::Missing => return Err(AshbyError::unauthorized()),
        BasicAuth::Malformed => return Err(AshbyError::invalid_key()),
        BasicAuth::Credentials { user, .. } => user,
    };
    let tenant = sandbox
        .registry
        .by_credential(Vendor::Ashby, &key)
        .ok_or_else(AshbyError::invalid_key)?;
    let org = tenant
        .state::<AshbyTenant>()
        .ok_or_else(AshbyError::invalid_key)?;
    req.extensions_mut().insert(TenantTag(tenant.id.clone()));
    let api_key = org
        .read()
        .api_keys
        .get(&key)
        .cloned()
        .ok_or_else(AshbyError::invalid_key)?;
    if let Some(permission) = permission {
        if !api_key.permissions.iter().any(|p| p == permission) {
            return Err(AshbyError::missing_permission(name, permission));
        }
    }
    let Some(handler) = handler else {
        return Err(AshbyError {
            status: StatusCode::NOT_IMPLEMENTED,
            code: "endpoint_not_served".into(),
            message: format!(
                "ats-sandbox does not serve {name} yet; see the README's Ashby coverage table"
            ),
        });
    };
    let (body, uploads) = match body {
        Body::Json(raw) if raw.iter().all(u8::is_ascii_whitespace) => {
            (Value::Object(Default::default()), Vec::new())
        }
        Body::Json(raw) => (parse_value(&raw)?, Vec::new()),
        Body::Form(form) => form?,
    };
    if !body.is_object() {
        return Err(AshbyError::invalid_input(
            "Request payload is malformed: expected a JSON object",
        ));
    }
    let call = Call {
        tenant: org,
        key: api_key,
        clock: &sandbox.clock,
        endpoint: name,
        tenant_id: tenant.id.clone(),
        request: req,
        uploads,
    };
    handler(&call, body)
}

pub fn mount(scope: Scope) -> impl actix_web::dev::HttpServiceFactory {
    scope
        // Every API call is one path segment; the file routes have two, so they never compete
        // with it, and most requests are matched by the first pattern tried.
        .service(web::resource("/{endpoint}").post(dispatch))
        .route("/_storage/{handle}", web::post().to(files::upload))
        .route("/_files/{handle}", web::get().to(files::download))
}

/// The OpenAPI document of the served surface: one `POST /{endpoint}` per served endpoint, with
/// its permission (the request and response schemas are Ashby's own, not repeated here).
pub fn openapi_document() -> String {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathsBuilder};
    use utoipa::openapi::security::{
        HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
    };
    use utoipa::openapi::{
        ComponentsBuilder, InfoBuilder, OpenApiBuilder, ResponseBuilder, ServerBuilder,
    };
    let mut paths = PathsBuilder::new();
    for (name, _) in SERVED {
        let permission = endpoints::SPEC_ENDPOINTS
            .iter()
            .find(|(e, _)| e == name)
            .and_then(|(_, p)| *p);
        let operation = OperationBuilder::new()
            .operation_id(Some(name.replace('.', "_")))
            .tag(name.split('.').next().unwrap_or(name))
            .summary(Some(*name))
            .description(permission.map(|p| format!("Requires the {p} permission.")))
            .securities(Some([SecurityRequirement::new(
                "BasicAuth",
                Vec::<String>::new(),
            )]))
            .response(
                "200",
                ResponseBuilder::new().description(
                    "`{success: true, results}`, or `{success: false, errors, errorInfo}`",
                ),
            )
            .response("401", ResponseBuilder::new().description("No API key"))
            .response(
                "403",
                ResponseBuilder::new().description("Unknown key, or missing_endpoint_permission"),
            )
            .build();
        paths = paths.path(
            format!("/{name}"),
            utoipa::openapi::PathItem::new(HttpMethod::Post, operation),
        );
    }
    let doc = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Ashby API (ats-sandbox)")
                .version("1")
                .description(Some("The Ashby endpoints ats-sandbox serves; HTTP Basic with the API key as user name. Served under /ashby, or at the root for Host api.ashbyhq.com."))
                .build(),
        )
        .servers(Some([ServerBuilder::new().url("/ashby").build()]))
        .paths(paths.build())
        .components(Some(
            ComponentsBuilder::new()
                .security_scheme("BasicAuth", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Basic).build()))
                .build(),
        ))
        .build();
    crate::http::openapi_json(&doc)
}
