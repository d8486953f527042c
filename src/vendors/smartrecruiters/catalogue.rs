//! The served surface, as data: every route with its summary (the OpenAPI document is built from
//! it) and the action catalogue of the seed with the route serving each action (the README's
//! coverage table). Tests keep both in step with the router.

use utoipa::openapi::path::{HttpMethod, OperationBuilder, Paths};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, InfoBuilder, OpenApiBuilder, ResponseBuilder, ServerBuilder,
};

/// Every served route: method, path, tag, summary.
pub const ROUTES: &[(&str, &str, &str, &str)] = &[
    ("POST", "/identity/oauth/token", "Auth", "OAuth2 client credentials (form: grant_type, client_id, client_secret)"),
    ("GET", "/candidates", "Candidates", "Search candidates: q, jobId, status, subStatus (with status), tag, updatedAfter, onboardingStatus, limit, pageId"),
    ("POST", "/candidates", "Candidates", "Create a candidate in the talent pool (201)"),
    ("GET", "/candidates/{id}", "Candidates", "Get a candidate"),
    ("PATCH", "/candidates/{id}", "Candidates", "Update a candidate's personal information"),
    ("DELETE", "/candidates/{id}", "Candidates", "Delete a candidate (204)"),
    ("GET", "/candidates/{id}/tags", "Candidates", "Get tags"),
    ("POST", "/candidates/{id}/tags", "Candidates", "Add tags"),
    ("PUT", "/candidates/{id}/tags", "Candidates", "Replace tags"),
    ("DELETE", "/candidates/{id}/tags", "Candidates", "Delete all tags (204)"),
    ("PUT", "/candidates/{id}/status", "Candidates", "Set the status on the primary assignment (204)"),
    ("GET", "/candidates/{id}/status/history", "Candidates", "Status history of the primary assignment"),
    ("GET", "/candidates/{id}/onboardingStatus", "Candidates", "Onboarding status of the primary assignment (deprecated)"),
    ("GET", "/candidates/{id}/attachments", "Candidates", "List a candidate's attachments"),
    ("POST", "/candidates/{id}/attachments", "Candidates", "Attach a file to a candidate (multipart file + attachmentType, or JSON base64; 201)"),
    ("GET", "/candidates/{id}/attachments/{attachmentId}", "Candidates", "Download an attachment's bytes"),
    ("GET", "/candidates/{id}/jobs/{jobId}/attachments", "Candidates", "List the attachments of an application"),
    ("POST", "/candidates/{id}/jobs/{jobId}/attachments", "Candidates", "Attach a file to an application (201)"),
    ("GET", "/candidates/attachments/{attachmentId}", "Candidates", "Download an attachment's bytes by its id"),
    ("DELETE", "/candidates/attachments/{attachmentId}", "Candidates", "Delete an attachment (204)"),
    ("GET", "/candidates/{id}/consent", "Candidates", "Consent status"),
    ("GET", "/candidates/{id}/consents", "Candidates", "Consent decisions"),
    ("GET", "/candidates/{id}/jobs/{jobId}", "Candidates", "Get an application"),
    ("DELETE", "/candidates/{id}/jobs/{jobId}", "Candidates", "Delete an application (204)"),
    ("PUT", "/candidates/{id}/jobs/{jobId}/status", "Candidates", "Set the status on a job (204): status, subStatus, startsOn, reason"),
    ("GET", "/candidates/{id}/jobs/{jobId}/status/history", "Candidates", "Status history on a job"),
    ("PUT", "/candidates/{id}/jobs/{jobId}/source", "Candidates", "Update the source on a job (204)"),
    ("GET", "/candidates/{id}/jobs/{jobId}/onboardingStatus", "Candidates", "Onboarding status on a job"),
    ("PUT", "/candidates/{id}/jobs/{jobId}/onboardingStatus", "Candidates", "Set the onboarding status on a job (HIRED only, 204)"),
    ("GET", "/candidates/{id}/jobs/{jobId}/screening-answers", "Candidates", "Screening answers on a job"),
    ("GET", "/candidates/{id}/jobs/{jobId}/properties", "Candidates", "Candidate property values on a job"),
    ("PUT", "/candidates/{id}/jobs/{jobId}/properties", "Candidates", "Set candidate property values on a job: [{id, value}], all or none (204)"),
    ("PUT", "/candidates/{id}/jobs/{jobId}/properties/{propertyId}", "Candidates", "Set one candidate property value on a job: {value} (204)"),
    ("POST", "/jobs/{jobId}/candidates", "Candidates", "Create a candidate and assign them to a job (201)"),
    ("GET", "/jobs", "Jobs", "Search jobs: q, status, department, city, postingStatus, updatedAfter, lastActivityAfter, language, limit, pageId"),
    ("POST", "/jobs", "Jobs", "Create a job (201)"),
    ("GET", "/jobs/{jobId}", "Jobs", "Get a job"),
    ("PUT", "/jobs/{jobId}", "Jobs", "Replace a job's data"),
    ("PATCH", "/jobs/{jobId}", "Jobs", "Update a job with an RFC 6902 JSON Patch"),
    ("PUT", "/jobs/{jobId}/status", "Jobs", "Change a job's status (see the transition table)"),
    ("GET", "/jobs/{jobId}/status/history", "Jobs", "Job status history"),
    ("GET", "/jobs/{jobId}/approvals/latest", "Jobs", "Latest approval request"),
    ("GET", "/jobs/{jobId}/positions", "Jobs", "List positions"),
    ("POST", "/jobs/{jobId}/positions", "Jobs", "Create a position (201)"),
    ("GET", "/jobs/{jobId}/positions/{positionId}", "Jobs", "Get a position"),
    ("PUT", "/jobs/{jobId}/positions/{positionId}", "Jobs", "Update a position"),
    ("DELETE", "/jobs/{jobId}/positions/{positionId}", "Jobs", "Delete a position (204)"),
    ("GET", "/jobs/{jobId}/hiring-team", "Jobs", "Get the hiring team"),
    ("POST", "/jobs/{jobId}/hiring-team", "Jobs", "Add a hiring team member {id, role} (201)"),
    ("DELETE", "/jobs/{jobId}/hiring-team/{userId}", "Jobs", "Remove a hiring team member (204)"),
    ("GET", "/jobs/{jobId}/note", "Jobs", "Get the job note"),
    ("PUT", "/jobs/{jobId}/note", "Jobs", "Update the job note"),
    ("GET", "/user-api/v201804/users", "Users", "List users: q, updatedAfter, limit (default 100), pageId"),
    ("POST", "/user-api/v201804/users", "Users", "Create a user (201)"),
    ("GET", "/user-api/v201804/users/me", "Users", "The calling user"),
    ("GET", "/user-api/v201804/users/{id}", "Users", "Get a user"),
    ("PATCH", "/user-api/v201804/users/{id}", "Users", "Update a user with an RFC 6902 JSON Patch"),
    ("PUT", "/user-api/v201804/users/{id}/activation", "Users", "Activate a user (204)"),
    ("DELETE", "/user-api/v201804/users/{id}/activation", "Users", "Deactivate a user (204)"),
    ("POST", "/user-api/v201804/users/{id}/activation-email", "Users", "Send an activation email (204)"),
    ("POST", "/user-api/v201804/users/{id}/reset-password", "Users", "Send a password reset email (204)"),
    ("GET", "/user-api/v201804/system-roles", "Users", "List system roles"),
    ("GET", "/user-api/v201804/access-groups", "Users", "List access groups"),
    ("POST", "/user-api/v201804/access-groups/{accessGroupId}/users", "Users", "Assign users {userIds} to an access group"),
    ("DELETE", "/user-api/v201804/access-groups/{accessGroupId}/users/{id}", "Users", "Remove a user from an access group (204)"),
    ("GET", "/configuration/company", "Configuration", "Company information"),
    ("GET", "/configuration/departments", "Configuration", "List departments"),
    ("POST", "/configuration/departments", "Configuration", "Create a department (201)"),
    ("GET", "/configuration/departments/{id}", "Configuration", "Get a department"),
    ("GET", "/configuration/hiring-processes", "Configuration", "List hiring processes"),
    ("GET", "/configuration/hiring-processes/{id}", "Configuration", "Get a hiring process with its sub-statuses"),
    ("GET", "/configuration/rejection-reasons", "Configuration", "List rejection reasons"),
    ("GET", "/configuration/withdrawal-reasons", "Configuration", "List withdrawal reasons"),
    ("GET", "/configuration/offer-properties", "Configuration", "List offer properties"),
    ("GET", "/configuration/sources", "Configuration", "List source types"),
    ("GET", "/configuration/sources/{sourceType}/values", "Configuration", "List the sources of a type"),
    ("GET", "/configuration/sources/{sourceType}/values/{sourceValueId}", "Configuration", "Get a source"),
    ("GET", "/configuration/locations", "Configuration", "List predefined locations"),
    ("POST", "/configuration/locations", "Configuration", "Create a predefined location (201)"),
    ("GET", "/configuration/locations/{id}", "Configuration", "Get a predefined location"),
    ("PUT", "/configuration/locations/{id}", "Configuration", "Replace a predefined location"),
    ("DELETE", "/configuration/locations/{id}", "Configuration", "Delete a predefined location (204)"),
    ("GET", "/configuration/sources/{sourceIdentifier}", "Configuration", "Get a source by its identifier"),
    ("GET", "/configuration/job-properties", "Configuration", "List job properties"),
    ("POST", "/configuration/job-properties", "Configuration", "Create a job property {label, type} (inactive, 201)"),
    ("GET", "/configuration/job-properties/{id}", "Configuration", "Get a job property"),
    ("PUT", "/configuration/job-properties/{id}/activation", "Configuration", "Activate a job property (204)"),
    ("DELETE", "/configuration/job-properties/{id}/activation", "Configuration", "Deactivate a job property (204)"),
    ("GET", "/configuration/job-properties/{id}/values", "Configuration", "List a job property's live values"),
    ("POST", "/configuration/job-properties/{id}/values", "Configuration", "Create a job property value {label} (201)"),
    ("PUT", "/configuration/job-properties/{id}/archive-values/{valueId}", "Configuration", "Archive a job property value (204)"),
    ("DELETE", "/configuration/job-properties/{id}/archive-values/{valueId}", "Configuration", "Unarchive a job property value (204)"),
    ("GET", "/configuration/job-properties/{id}/dependents", "Configuration", "List a job property's dependents"),
    ("POST", "/configuration/job-properties/{id}/dependents", "Configuration", "Add dependents (a JSON array of job property ids; no cycles)"),
    ("GET", "/configuration/job-properties/{id}/dependents/{dependentId}/values", "Configuration", "For each value, the dependent's values it allows"),
    ("GET", "/configuration/job-properties/{id}/values/{valueId}/dependents/{dependentId}/values", "Configuration", "The dependent's values a value allows"),
    ("POST", "/configuration/job-properties/{id}/values/{valueId}/dependents/{dependentId}/values", "Configuration", "Allow a dependent value {id} with a value (204)"),
    ("GET", "/configuration/candidate-properties", "Configuration", "List candidate properties"),
    ("GET", "/configuration/candidate-properties/{id}", "Configuration", "Get a candidate property"),
    ("GET", "/configuration/candidate-properties/{id}/values", "Configuration", "List a candidate property's values"),
    ("POST", "/configuration/candidate-properties/{id}/values", "Configuration", "Create a value of a SINGLE_SELECT candidate property {label} (201)"),
    ("GET", "/configuration/candidate-properties/{id}/values/{valueId}", "Configuration", "Get a candidate property value"),
    ("PUT", "/configuration/candidate-properties/{id}/values/{valueId}", "Configuration", "Update a candidate property value's label"),
    ("POST", "/user-api/v201804/access-groups", "Users", "Create an access group {name, description} (201)"),
    ("GET", "/user-api/v201804/access-groups/{accessGroupId}", "Users", "Get an access group"),
    ("PUT", "/user-api/v201804/access-groups/{accessGroupId}", "Users", "Update an access group {name, description}"),
    ("GET", "/jobs/{jobId}/jobads", "Jobs", "List job ads"),
    ("POST", "/jobs/{jobId}/jobads", "Jobs", "Create a job ad {title, language, jobAd} (201)"),
    ("GET", "/jobs/{jobId}/jobads/{jobAdId}", "Jobs", "Get a job ad"),
    ("PUT", "/jobs/{jobId}/jobads/{jobAdId}", "Jobs", "Update a job ad"),
    ("GET", "/jobs/{jobId}/jobads/{jobAdId}/postings", "Jobs", "List a job ad's postings (activeOnly)"),
    ("POST", "/jobs/{jobId}/jobads/{jobAdId}/postings", "Jobs", "Publish a job ad {visibility: PUBLIC|INTERNAL} (202; not while FILLED, CANCELLED or ON_HOLD)"),
    ("DELETE", "/jobs/{jobId}/jobads/{jobAdId}/postings", "Jobs", "Unpublish a job ad (202)"),
    ("GET", "/jobs/{jobId}/publication", "Jobs", "List the default ad's postings (activeOnly)"),
    ("POST", "/jobs/{jobId}/publication", "Jobs", "Publish the default ad (204; 2 requests/s)"),
    ("DELETE", "/jobs/{jobId}/publication", "Jobs", "Unpublish every ad of the job (204; 2 requests/s)"),
    ("GET", "/v1/companies/{companyIdentifier}/postings", "Posting API", "Public: the company's live public postings (q, department, limit, offset)"),
    ("GET", "/v1/companies/{companyIdentifier}/postings/{postingId}", "Posting API", "Public: a live public posting with its job ad"),
    ("GET", "/v1/companies/{companyIdentifier}/departments", "Posting API", "Public: the company's departments"),
    ("GET", "/approvals-api/v201910/approvals/pending", "Approvals", "The approval requests waiting for the caller's decision"),
    ("POST", "/approvals-api/v201910/approvals", "Approvals", "A new approval request based on a decided one {approvalId} (201)"),
    ("GET", "/approvals-api/v201910/approvals/{approvalId}", "Approvals", "Get an approval request"),
    ("POST", "/approvals-api/v201910/approvals/{approvalId}/approve", "Approvals", "Approve (an approver still pending, on a pending request)"),
    ("POST", "/approvals-api/v201910/approvals/{approvalId}/reject", "Approvals", "Reject (final)"),
    ("GET", "/approvals-api/v201910/approvals/{approvalId}/comments", "Approvals", "List comments"),
    ("POST", "/approvals-api/v201910/approvals/{approvalId}/comments", "Approvals", "Add a comment {text} (201)"),
];

/// The 164 actions of the SmartRecruiters action catalogue (the seed), with the route that serves
/// each (`None`: not served). The README's coverage table is kept equal to it by a test.
pub const ACTIONS: &[(&str, Option<&str>)] = &[
    ("Get Application Configuration For Posting", None),
    ("Create Candidate Application", None),
    ("Get Application Status", None),
    ("Get Job Application", None),
    ("Delete Job Application", None),
    ("List Pending Approvals", Some("GET /approvals-api/v201910/approvals/pending")),
    ("Get Approval Request", Some("GET /approvals-api/v201910/approvals/{approvalId}")),
    ("Create Approval Request", Some("POST /approvals-api/v201910/approvals")),
    ("Approve Approval Request", Some("POST /approvals-api/v201910/approvals/{approvalId}/approve")),
    ("Reject Approval Request", Some("POST /approvals-api/v201910/approvals/{approvalId}/reject")),
    ("List Approval Comments", Some("GET /approvals-api/v201910/approvals/{approvalId}/comments")),
    ("Add Approval Comment", Some("POST /approvals-api/v201910/approvals/{approvalId}/comments")),
    ("Search Candidates", Some("GET /candidates")),
    ("Get Candidate", Some("GET /candidates/{id}")),
    ("Create Candidate", Some("POST /candidates")),
    ("Update Candidate", Some("PATCH /candidates/{id}")),
    ("Delete Candidate", Some("DELETE /candidates/{id}")),
    ("Get Candidate Tags", Some("GET /candidates/{id}/tags")),
    ("Add Candidate Tags", Some("POST /candidates/{id}/tags")),
    ("Update Candidate Tags", Some("PUT /candidates/{id}/tags")),
    (
        "Delete Candidate Tags",
        Some("DELETE /candidates/{id}/tags"),
    ),
    (
        "Get Candidate Onboarding Status",
        Some("GET /candidates/{id}/onboardingStatus"),
    ),
    (
        "Get Candidate Onboarding Status For Job",
        Some("GET /candidates/{id}/jobs/{jobId}/onboardingStatus"),
    ),
    (
        "Update Candidate Onboarding Status For Job",
        Some("PUT /candidates/{id}/jobs/{jobId}/onboardingStatus"),
    ),
    (
        "List Candidate Attachments",
        Some("GET /candidates/{id}/attachments"),
    ),
    (
        "Get Candidate Attachment",
        Some("GET /candidates/attachments/{attachmentId}"),
    ),
    (
        "List Candidate Attachments For Job",
        Some("GET /candidates/{id}/jobs/{jobId}/attachments"),
    ),
    (
        "Upload Candidate Attachment For Job",
        Some("POST /candidates/{id}/jobs/{jobId}/attachments"),
    ),
    (
        "Delete Candidate Attachment",
        Some("DELETE /candidates/attachments/{attachmentId}"),
    ),
    ("Get Candidate Status", None),
    (
        "Update Candidate Status",
        Some("PUT /candidates/{id}/jobs/{jobId}/status"),
    ),
    (
        "Get Candidate Status History For Job",
        Some("GET /candidates/{id}/jobs/{jobId}/status/history"),
    ),
    (
        "Get Candidate Properties For Job",
        Some("GET /candidates/{id}/jobs/{jobId}/properties"),
    ),
    (
        "Get Candidate Consent Status",
        Some("GET /candidates/{id}/consent"),
    ),
    (
        "Get Candidate Consent Decisions",
        Some("GET /candidates/{id}/consents"),
    ),
    (
        "Update Candidate Source",
        Some("PUT /candidates/{id}/jobs/{jobId}/source"),
    ),
    (
        "Get Candidate Screening Answers",
        Some("GET /candidates/{id}/jobs/{jobId}/screening-answers"),
    ),
    (
        "Create A New Candidate And Assign To A Job",
        Some("POST /jobs/{jobId}/candidates"),
    ),
    (
        "Get Candidate Application",
        Some("GET /candidates/{id}/jobs/{jobId}"),
    ),
    (
        "Delete Candidate Application",
        Some("DELETE /candidates/{id}/jobs/{jobId}"),
    ),
    ("Parse Resume", None),
    (
        "List Access Groups",
        Some("GET /user-api/v201804/access-groups"),
    ),
    ("Get Access Group", Some("GET /user-api/v201804/access-groups/{accessGroupId}")),
    ("Create Access Group", Some("POST /user-api/v201804/access-groups")),
    ("Update Access Group", Some("PUT /user-api/v201804/access-groups/{accessGroupId}")),
    (
        "Get Company Information",
        Some("GET /configuration/company"),
    ),
    ("List Job Properties", Some("GET /configuration/job-properties")),
    ("Create Job Property", Some("POST /configuration/job-properties")),
    ("Get Job Property", Some("GET /configuration/job-properties/{id}")),
    ("Get Job Property Values", Some("GET /configuration/job-properties/{id}/values")),
    ("Create Job Property Value", Some("POST /configuration/job-properties/{id}/values")),
    ("Archive Job Property Value", Some("PUT /configuration/job-properties/{id}/archive-values/{valueId}")),
    ("Activate Job Property", Some("PUT /configuration/job-properties/{id}/activation")),
    ("Get Job Property Dependents", Some("GET /configuration/job-properties/{id}/dependents")),
    ("Create Job Property Dependents", Some("POST /configuration/job-properties/{id}/dependents")),
    ("Get Job Property Dependent Values", Some("GET /configuration/job-properties/{id}/dependents/{dependentId}/values")),
    ("Get Job Property Value Dependents", Some("GET /configuration/job-properties/{id}/values/{valueId}/dependents/{dependentId}/values")),
    ("Add Job Property Dependent Value", Some("POST /configuration/job-properties/{id}/values/{valueId}/dependents/{dependentId}/values")),
    ("List Departments", Some("GET /configuration/departments")),
    (
        "Get Department",
        Some("GET /configuration/departments/{id}"),
    ),
    ("Create Department", Some("POST /configuration/departments")),
    (
        "List Hiring Processes",
        Some("GET /configuration/hiring-processes"),
    ),
    (
        "Get Hiring Process",
        Some("GET /configuration/hiring-processes/{id}"),
    ),
    (
        "List Offer Properties",
        Some("GET /configuration/offer-properties"),
    ),
    ("List Candidate Properties", Some("GET /configuration/candidate-properties")),
    ("Get Candidate Property", Some("GET /configuration/candidate-properties/{id}")),
    ("Get Candidate Property Values", Some("GET /configuration/candidate-properties/{id}/values")),
    ("Create Candidate Property Value", Some("POST /configuration/candidate-properties/{id}/values")),
    ("Update Candidate Property Value Label", Some("PUT /configuration/candidate-properties/{id}/values/{valueId}")),
    ("Get Candidate Property Value", Some("GET /configuration/candidate-properties/{id}/values/{valueId}")),
    ("Get Source Types", Some("GET /configuration/sources")),
    (
        "Get Source Values",
        Some("GET /configuration/sources/{sourceType}/values"),
    ),
    (
        "Get Source Value",
        Some("GET /configuration/sources/{sourceType}/values/{sourceValueId}"),
    ),
    ("Get Source By Identifier", Some("GET /configuration/sources/{sourceIdentifier}")),
    (
        "List Rejection Reasons",
        Some("GET /configuration/rejection-reasons"),
    ),
    (
        "List Withdrawal Reasons",
        Some("GET /configuration/withdrawal-reasons"),
    ),
    ("List Career Sites", None),
    ("Get Career Site", None),
    (
        "List Predefined Locations",
        Some("GET /configuration/locations"),
    ),
    (
        "Create Predefined Location",
        Some("POST /configuration/locations"),
    ),
    (
        "Get Predefined Location",
        Some("GET /configuration/locations/{id}"),
    ),
    (
        "Update Predefined Location",
        Some("PUT /configuration/locations/{id}"),
    ),
    (
        "Delete Predefined Location",
        Some("DELETE /configuration/locations/{id}"),
    ),
    ("Get Managed Hiring Process Steps", None),
    ("Get Interview Template", None),
    ("Update Interview Template", None),
    ("Delete Interview Template", None),
    ("List Interview Templates", None),
    ("Create Interview Template", None),
    ("Get Job Interview Templates", None),
    ("List Job Interview Templates", None),
    ("Get Application Interview Templates", None),
    ("Search Job Interview Templates", None),
    ("Update Job Interview Template", None),
    ("Save Job Interview Template", None),
    ("Patch Job Interview Template Interviewers", None),
    ("Get User Schedule Preferences", None),
    ("Get Interview Types", None),
    ("List Interviews", None),
    ("Get Interview", None),
    ("Create Interview", None),
    ("Update Interview", None),
    ("Delete Interview", None),
    ("Update Interviewer Status", None),
    ("Update Timeslot Candidate Status", None),
    ("Create Timeslot", None),
    ("Get Timeslot", None),
    ("Update Timeslot", None),
    ("Delete Timeslot", None),
    ("Update Timeslot No-Show", None),
    ("Delete Interview Type", None),
    ("Search Jobs", Some("GET /jobs")),
    ("Get Job", Some("GET /jobs/{jobId}")),
    ("Create Job", Some("POST /jobs")),
    ("Update Job", Some("PUT /jobs/{jobId}")),
    ("Update Job Status", Some("PUT /jobs/{jobId}/status")),
    (
        "Get Job Status History",
        Some("GET /jobs/{jobId}/status/history"),
    ),
    (
        "Get Job Approvals",
        Some("GET /jobs/{jobId}/approvals/latest"),
    ),
    ("List Job Positions", Some("GET /jobs/{jobId}/positions")),
    (
        "Get Job Position",
        Some("GET /jobs/{jobId}/positions/{positionId}"),
    ),
    ("Create Job Position", Some("POST /jobs/{jobId}/positions")),
    (
        "Update Job Position",
        Some("PUT /jobs/{jobId}/positions/{positionId}"),
    ),
    (
        "Delete Job Position",
        Some("DELETE /jobs/{jobId}/positions/{positionId}"),
    ),
    ("List Job Ads", Some("GET /jobs/{jobId}/jobads")),
    ("Get Job Ad", Some("GET /jobs/{jobId}/jobads/{jobAdId}")),
    ("Create Job Ad", Some("POST /jobs/{jobId}/jobads")),
    ("Update Job Ad", Some("PUT /jobs/{jobId}/jobads/{jobAdId}")),
    ("List Job Ad Postings", Some("GET /jobs/{jobId}/jobads/{jobAdId}/postings")),
    ("Publish Job Ad", Some("POST /jobs/{jobId}/jobads/{jobAdId}/postings")),
    ("Unpublish Job Ad", Some("DELETE /jobs/{jobId}/jobads/{jobAdId}/postings")),
    ("List Job Publications", Some("GET /jobs/{jobId}/publication")),
    ("Publish Job", Some("POST /jobs/{jobId}/publication")),
    ("Unpublish Job", Some("DELETE /jobs/{jobId}/publication")),
    ("Get Hiring Team", Some("GET /jobs/{jobId}/hiring-team")),
    (
        "Add Hiring Team Member",
        Some("POST /jobs/{jobId}/hiring-team"),
    ),
    (
        "Remove Hiring Team Member",
        Some("DELETE /jobs/{jobId}/hiring-team/{userId}"),
    ),
    ("Get Job Note", Some("GET /jobs/{jobId}/note")),
    ("Update Job Note", Some("PUT /jobs/{jobId}/note")),
    ("List Candidate Offers", None),
    ("Get Candidate Offer", None),
    ("Get Offer Approval", None),
    ("Search Offers", None),
    ("List Offer Documents", None),
    ("Get Offer Document", None),
    ("List Postings", Some("GET /v1/companies/{companyIdentifier}/postings")),
    ("List Company Departments", Some("GET /v1/companies/{companyIdentifier}/departments")),
    ("Get Posting", Some("GET /v1/companies/{companyIdentifier}/postings/{postingId}")),
    ("Get Candidate Reviews", None),
    ("Get Review", None),
    ("Create Review", None),
    ("Update Review", None),
    ("Delete Review", None),
    ("Get Job Review Criteria", None),
    ("List Users", Some("GET /user-api/v201804/users")),
    ("Create User", Some("POST /user-api/v201804/users")),
    ("Get Current User", Some("GET /user-api/v201804/users/me")),
    ("Get User", Some("GET /user-api/v201804/users/{id}")),
    (
        "Reset User Password",
        Some("POST /user-api/v201804/users/{id}/reset-password"),
    ),
    (
        "Send User Activation Email",
        Some("POST /user-api/v201804/users/{id}/activation-email"),
    ),
    (
        "Activate User",
        Some("PUT /user-api/v201804/users/{id}/activation"),
    ),
    (
        "Deactivate User",
        Some("DELETE /user-api/v201804/users/{id}/activation"),
    ),
    (
        "List System Roles",
        Some("GET /user-api/v201804/system-roles"),
    ),
    (
        "Assign Users To Access Group",
        Some("POST /user-api/v201804/access-groups/{accessGroupId}/users"),
    ),
    (
        "Remove User From Access Group",
        Some("DELETE /user-api/v201804/access-groups/{accessGroupId}/users/{id}"),
    ),
];

fn method(m: &str) -> HttpMethod {
    match m {
        "POST" => HttpMethod::Post,
        "PUT" => HttpMethod::Put,
        "PATCH" => HttpMethod::Patch,
        "DELETE" => HttpMethod::Delete,
        _ => HttpMethod::Get,
    }
}

/// The OpenAPI document of the served surface.
pub fn document() -> String {
    let mut paths = Paths::new();
    for (m, path, tag, summary) in ROUTES {
        let operation = OperationBuilder::new()
            .tag(*tag)
            .summary(Some(*summary))
            .response("2XX", ResponseBuilder::new().description("Success"))
            .response(
                "4XX",
                ResponseBuilder::new()
                    .description("ErrorResponse {message, errors: [{code, message}]}"),
            )
            .build();
        paths.add_path_operation(*path, vec![method(m)], operation);
    }
    let components = ComponentsBuilder::new()
        .security_scheme(
            "smartToken",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-SmartToken"))),
        )
        .security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        )
        .build();
    let doc = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("SmartRecruiters API (ats-sandbox)")
                .version("v1")
                .description(Some("The SmartRecruiters Customer API as ats-sandbox serves it: X-SmartToken or OAuth2 client credentials, camelCase JSON, errors {message, errors:[{code, message}]}. Served under /smartrecruiters, or at the root for Host api.smartrecruiters.com."))
                .build(),
        )
        .servers(Some(vec![ServerBuilder::new().url("/smartrecruiters").build()]))
        .paths(paths)
        .components(Some(components))
        .build();
    crate::http::openapi_json(&doc)
}
