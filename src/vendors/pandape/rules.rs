//! Pandapé's rules as pure functions on the [`Store`]: each returns the [`Changes`] to write or
//! the error to answer, so a refused request changes nothing.
//!
//! Roles (help center) and what the sandbox makes of them:
//! - Company_Administrator: everything, and alone registers and changes users; the company keeps
//!   at least one active Administrator;
//! - Company_Supervisor, Company_Manager: every vacancy; Company_Recruiter: the vacancies they
//!   own or are assigned to; Company_Interviewer, Company_Contributor: the vacancies they are
//!   assigned to, read only; Company_Requisitor: no vacancies, only requests;
//! - `IsOnboardingManager` only for Administrator, Supervisor or Manager, and it alone opens the
//!   admission records (`/v3/precollaborators`).
//!
//! The flags gate what they name, for every role: publishing needs `IsAllowedToPublish`;
//! creating a request `IsAllowedToRequest`; approving or denying one `IsRequestManager`, and an
//! approval is final (the request becomes Approved) only from a user with `IsAllowedToPrime`,
//! otherwise it is recorded and the request waits for a final approver; reversing a decision
//! (Approved <-> Denied) needs `IsAllowedToOverrideRequest`; moving a request along its flow
//! (Assigned -> InProcess -> Completed -> Filed -> Archived, cancelling approved work) needs
//! `IsAllowedToChangeRequestFlow`. The requester may submit, cancel and rework their own request.

use super::error::{FieldErrors, PandapeError};
use super::model::{
    Approval, CustomFieldValue, MatchCandidate, MatchInput, Permissions, Request, RequestInput,
    RequestMatch, RequestStatus, StatusChange, StatusInput, User, UserInput, UserRole, Vacancy,
    VacancyInput, VacancyStatus,
};
use super::store::{Change, Changes, Store};
use crate::validation::{is_valid_email, non_blank};
use chrono::{DateTime, Utc};

type Now = DateTime<Utc>;

/// The data sources vacancy and request fields draw their ids from.
pub const DS_CATEGORIES: u64 = 1;
pub const DS_MANAGERIAL_LEVELS: u64 = 2;
pub const DS_LOCATIONS: u64 = 3;
pub const DS_CONTRACT_WORK_TYPES: u64 = 4;
pub const DS_WORKING_HOURS: u64 = 5;
pub const DS_WORK_METHODS: u64 = 6;
pub const DS_REQUEST_REASONS: u64 = 7;

fn role_is(user: &User, roles: &[UserRole]) -> bool {
    roles.contains(&user.role)
}

const VACANCY_MANAGERS: &[UserRole] = &[
    UserRole::Administrator,
    UserRole::Supervisor,
    UserRole::Manager,
    UserRole::Recruiter,
];
const ALL_VACANCIES: &[UserRole] = &[
    UserRole::Administrator,
    UserRole::Supervisor,
    UserRole::Manager,
];

pub fn can_see_vacancy(user: &User, vacancy: &Vacancy) -> bool {
    role_is(user, ALL_VACANCIES)
        || (user.role != UserRole::Requisitor
            && (vacancy.id_user == user.id || vacancy.assigned_user_ids.contains(&user.id)))
}

pub fn can_see_request(user: &User, request: &Request) -> bool {
    let involved = request.id_user == user.id
        || request.id_recruiter == Some(user.id)
        || user.role == UserRole::Administrator
        || user.permissions.is_request_manager;
    involved || (!request.is_confidential && role_is(user, ALL_VACANCIES))
}

fn require_admin(actor: &User) -> Result<(), PandapeError> {
    if actor.role != UserRole::Administrator {
        return Err(PandapeError::forbidden(format!(
            "Only users with role Company_Administrator may register or change users; the caller is {}.",
            actor.role.name()
        )));
    }
    Ok(())
}

pub fn require_vacancy_access(actor: &User) -> Result<(), PandapeError> {
    if actor.role == UserRole::Requisitor {
        return Err(PandapeError::forbidden(
            "Users with role Company_Requisitor have no access to vacancies.",
        ));
    }
    Ok(())
}

fn require_vacancy_manager(actor: &User) -> Result<(), PandapeError> {
    if !role_is(actor, VACANCY_MANAGERS) {
        return Err(PandapeError::forbidden(format!(
            "Users with role {} may not create or change vacancies.",
            actor.role.name()
        )));
    }
    Ok(())
}

fn require_flag(granted: bool, flag: &str, action: &str) -> Result<(), PandapeError> {
    if !granted {
        return Err(PandapeError::forbidden(format!(
            "{action} requires the {flag} permission."
        )));
    }
    Ok(())
}

/// Admission records are for onboarding managers only.
pub fn require_onboarding_manager(actor: &User) -> Result<(), PandapeError> {
    require_flag(
        actor.permissions.is_onboarding_manager,
        "IsOnboardingManager",
        "Access to admission records",
    )
}

fn active_admins(store: &Store) -> usize {
    store
        .users
        .values()
        .filter(|u| u.is_active && u.role == UserRole::Administrator)
        .count()
}

/// Field checks of a user about to be written (API writes and fixtures alike).
pub fn validate_user(store: &Store, user: &User) -> Result<(), PandapeError> {
    let mut errors = FieldErrors::default();
    if user.name.trim().is_empty() {
        errors.required("Name");
    }
    if user.surname.trim().is_empty() {
        errors.required("Surname");
    }
    if user.email.trim().is_empty() {
        errors.required("Email");
    } else if !is_valid_email(&user.email) {
        errors.add("Email", "The Email field is not a valid e-mail address.");
    } else if store
        .user_by_email(&user.email)
        .is_some_and(|u| u.id != user.id)
    {
        errors.add(
            "Email",
            format!(
                "The email '{}' is already in use by another user of the company.",
                user.email
            ),
        );
    }
    if user.permissions.is_onboarding_manager && !role_is(user, ALL_VACANCIES) {
        errors.add(
            "IsOnboardingManager",
            format!(
                "IsOnboardingManager can only be granted to users with role UserRole.Company_Administrator, \
                 UserRole.Company_Supervisor or UserRole.Company_Manager; the role is UserRole.{}.",
                user.role.name()
            ),
        );
    }
    errors.into_result()
}

fn permissions(input: &UserInput) -> Permissions {
    let flag = |v: Option<bool>| v.unwrap_or(false);
    Permissions {
        is_allowed_to_publish: flag(input.is_allowed_to_publish),
        is_request_manager: flag(input.is_request_manager),
        is_onboarding_manager: flag(input.is_onboarding_manager),
        is_allowed_to_request: flag(input.is_allowed_to_request),
        is_allowed_to_change_request_flow: flag(input.is_allowed_to_change_request_flow),
        is_allowed_to_override_request: flag(input.is_allowed_to_override_request),
        is_allowed_to_prime: flag(input.is_allowed_to_prime),
    }
}

/// The role a user gets when the request names none.
pub const DEFAULT_ROLE: UserRole = UserRole::Recruiter;

/// `POST /v2/company/users`. Returns the writes and the new id.
pub fn create_user(
    store: &Store,
    actor: &User,
    input: UserInput,
    now: Now,
) -> Result<(Changes, u64), PandapeError> {
    require_admin(actor)?;
    let id = store.sequences.user;
    let user = User {
        id,
        name: input.name.clone().unwrap_or_default().trim().to_owned(),
        surname: input.surname.clone().unwrap_or_default().trim().to_owned(),
        email: input.email.clone().unwrap_or_default().trim().to_owned(),
        phone: non_blank(input.phone.clone()),
        role: input.role.unwrap_or(DEFAULT_ROLE),
        is_active: true,
        permissions: permissions(&input),
        created_at: now,
        updated_at: now,
    };
    validate_user(store, &user)?;
    Ok((vec![Change::PutUser(user)], id))
}

/// `PUT /v2/company/users/{id}`: replaces the user's fields (absent flags become false, absent
/// role keeps the current one).
pub fn update_user(
    store: &Store,
    actor: &User,
    id: u64,
    input: UserInput,
    now: Now,
) -> Result<Changes, PandapeError> {
    require_admin(actor)?;
    let current = store
        .users
        .get(&id)
        .ok_or_else(|| PandapeError::not_found("User", id))?;
    let user = User {
        name: input.name.clone().unwrap_or_default().trim().to_owned(),
        surname: input.surname.clone().unwrap_or_default().trim().to_owned(),
        email: input.email.clone().unwrap_or_default().trim().to_owned(),
        phone: non_blank(input.phone.clone()),
        role: input.role.unwrap_or(current.role),
        permissions: permissions(&input),
        updated_at: now,
        ..current.clone()
    };
    validate_user(store, &user)?;
    if current.role == UserRole::Administrator
        && user.role != UserRole::Administrator
        && current.is_active
        && active_admins(store) == 1
    {
        return Err(PandapeError::field(
            "Role",
            "The company must keep at least one active Company_Administrator.",
        ));
    }
    Ok(vec![Change::PutUser(user)])
}

/// `DELETE /v2/company/users/{id}`: deactivates the user (their tokens stop working).
pub fn deactivate_user(
    store: &Store,
    actor: &User,
    id: u64,
    now: Now,
) -> Result<Changes, PandapeError> {
    require_admin(actor)?;
    let current = store
        .users
        .get(&id)
        .ok_or_else(|| PandapeError::not_found("User", id))?;
    if current.role == UserRole::Administrator && current.is_active && active_admins(store) == 1 {
        return Err(PandapeError::field(
            "IsActive",
            "The company must keep at least one active Company_Administrator.",
        ));
    }
    let mut user = current.clone();
    user.is_active = false;
    user.updated_at = now;
    Ok(vec![Change::PutUser(user)])
}

fn check_item(
    store: &Store,
    errors: &mut FieldErrors,
    field: &str,
    id: Option<u64>,
    datasource: u64,
) {
    if let Some(id) = id.filter(|id| !store.is_item_of(*id, datasource)) {
        errors.add(
            field,
            format!("The value {id} is not an item of data source {datasource}."),
        );
    }
}

fn check_number_vacancies(errors: &mut FieldErrors, n: u32) {
    if !(1..=999).contains(&n) {
        errors.add(
            "NumberVacancies",
            "The field NumberVacancies must be between 1 and 999.",
        );
    }
}

/// `POST /v2/vacancies`. Associating a request (Approved or Assigned) puts it InProcess.
pub fn create_vacancy(
    store: &Store,
    actor: &User,
    input: VacancyInput,
    now: Now,
) -> Result<(Changes, u64), PandapeError> {
    require_vacancy_manager(actor)?;
    let publish = input.publish.unwrap_or(false);
    if publish {
        require_flag(
            actor.permissions.is_allowed_to_publish,
            "IsAllowedToPublish",
            "Publishing a vacancy",
        )?;
    }
    let owner = input.id_user.unwrap_or(actor.id);
    if actor.role == UserRole::Recruiter && owner != actor.id {
        return Err(PandapeError::forbidden(
            "Users with role Company_Recruiter may only create vacancies of their own.",
        ));
    }
    let mut errors = FieldErrors::default();
    let job = non_blank(input.job.clone());
    let description = non_blank(input.description.clone());
    if job.is_none() {
        errors.required("Job");
    }
    if description.is_none() {
        errors.required("Description");
    }
    if input.id_category1.is_none() {
        errors.required("IdCategory1");
    }
    if !store
        .users
        .get(&owner)
        .is_some_and(|u| u.is_active && role_is(u, VACANCY_MANAGERS))
    {
        errors.add(
            "IdUser",
            format!("User {owner} is not an active user who can manage vacancies."),
        );
    }
    let number = input.number_vacancies.unwrap_or(1);
    check_number_vacancies(&mut errors, number);
    check_item(
        store,
        &mut errors,
        "IdCategory1",
        input.id_category1,
        DS_CATEGORIES,
    );
    check_item(
        store,
        &mut errors,
        "IdCategory2",
        input.id_category2,
        DS_CATEGORIES,
    );
    check_item(
        store,
        &mut errors,
        "IdManagerialLevel",
        input.id_managerial_level,
        DS_MANAGERIAL_LEVELS,
    );
    check_item(
        store,
        &mut errors,
        "IdLocation1",
        input.id_location1,
        DS_LOCATIONS,
    );
    check_item(
        store,
        &mut errors,
        "IdLocation2",
        input.id_location2,
        DS_LOCATIONS,
    );
    check_item(
        store,
        &mut errors,
        "IdLocation3",
        input.id_location3,
        DS_LOCATIONS,
    );
    check_item(
        store,
        &mut errors,
        "IdContractWorkType",
        input.id_contract_work_type,
        DS_CONTRACT_WORK_TYPES,
    );
    check_item(
        store,
        &mut errors,
        "IdWorkingHours",
        input.id_working_hours,
        DS_WORKING_HOURS,
    );
    check_item(
        store,
        &mut errors,
        "IdWorkMethod",
        input.id_work_method,
        DS_WORK_METHODS,
    );
    let assigned = input.assigned_user_ids.clone().unwrap_or_default();
    let unknown: Vec<String> = assigned
        .iter()
        .filter(|id| !store.users.contains_key(*id))
        .map(u64::to_string)
        .collect();
    if !unknown.is_empty() {
        errors.add(
            "AssignedUserIds",
            format!("Unknown users: {}.", unknown.join(", ")),
        );
    }
    let id = store.sequences.vacancy;
    let mut changes = Vec::new();
    if let Some(request_id) = input.id_request_to_associate {
        match store.requests.get(&request_id).filter(|r| can_see_request(actor, r)) {
            None => errors.add("IdRequestToAssociate", format!("Request {request_id} was not found.")),
            Some(r) if r.id_vacancy.is_some() => errors.add(
                "IdRequestToAssociate",
                format!("Request {request_id} is already associated with vacancy {}.", r.id_vacancy.unwrap_or_default()),
            ),
            Some(r) if !matches!(r.status, RequestStatus::Approved | RequestStatus::Assigned) => errors.add(
                "IdRequestToAssociate",
                format!("Request {request_id} is {:?}; only Approved or Assigned requests can be associated with a vacancy.", r.status),
            ),
            Some(r) => {
                let mut request = r.clone();
                request.status_history.push(StatusChange {
                    from: Some(request.status),
                    to: RequestStatus::InProcess,
                    id_user: actor.id,
                    comment: Some(format!("Associated with vacancy {id}")),
                    date: now,
                });
                request.status = RequestStatus::InProcess;
                request.id_vacancy = Some(id);
                request.updated_at = now;
                changes.push(Change::PutRequest(request));
            }
        }
    }
    errors.into_result()?;
    let vacancy = Vacancy {
        id,
        id_user: owner,
        id_request: input.id_request_to_associate,
        reference: non_blank(input.reference),
        job: job.unwrap_or_default(),
        job_complement: non_blank(input.job_complement),
        id_category1: input.id_category1.unwrap_or_default(),
        id_category2: input.id_category2,
        id_managerial_level: input.id_managerial_level,
        id_location1: input.id_location1,
        id_location2: input.id_location2,
        id_location3: input.id_location3,
        description: description.unwrap_or_default(),
        number_vacancies: number,
        id_contract_work_type: input.id_contract_work_type,
        id_working_hours: input.id_working_hours,
        id_work_method: input.id_work_method,
        salary_min: non_blank(input.salary_min),
        salary_max: non_blank(input.salary_max),
        hide_salary: input.hide_salary.unwrap_or(false),
        cep: non_blank(input.cep),
        vacancy_location_type: non_blank(input.vacancy_location_type),
        company_hidden: input.company_hidden.unwrap_or(false),
        assigned_user_ids: assigned,
        status: if publish {
            VacancyStatus::Published
        } else {
            VacancyStatus::Draft
        },
        published_at: publish.then_some(now),
        created_at: now,
        updated_at: now,
    };
    changes.push(Change::PutVacancy(vacancy));
    Ok((changes, id))
}

/// A vacancy the actor may see, or 404.
pub fn visible_vacancy<'s>(
    store: &'s Store,
    actor: &User,
    id: u64,
) -> Result<&'s Vacancy, PandapeError> {
    require_vacancy_access(actor)?;
    store
        .vacancies
        .get(&id)
        .filter(|v| can_see_vacancy(actor, v))
        .ok_or_else(|| PandapeError::not_found("Vacancy", id))
}

/// `POST /v2/vacancies/{id}/publish`.
pub fn publish_vacancy(
    store: &Store,
    actor: &User,
    id: u64,
    now: Now,
) -> Result<Changes, PandapeError> {
    let vacancy = visible_vacancy(store, actor, id)?;
    require_vacancy_manager(actor)?;
    require_flag(
        actor.permissions.is_allowed_to_publish,
        "IsAllowedToPublish",
        "Publishing a vacancy",
    )?;
    let mut vacancy = vacancy.clone();
    if vacancy.status != VacancyStatus::Published {
        vacancy.status = VacancyStatus::Published;
        vacancy.published_at = Some(now);
        vacancy.updated_at = now;
    }
    Ok(vec![Change::PutVacancy(vacancy)])
}

fn custom_field_values(
    store: &Store,
    errors: &mut FieldErrors,
    input: Vec<super::model::CustomFieldInput>,
) -> Vec<CustomFieldValue> {
    for (i, value) in input.iter().enumerate() {
        let field = format!("CustomFields[{i}].IdRequestField");
        match store.custom_fields.get(&value.id_request_field) {
            None => errors.add(
                &field,
                format!("Unknown request field {}.", value.id_request_field),
            ),
            Some(def) => match def.field_type.as_str() {
                "Number" if value.value.trim().parse::<f64>().is_err() => errors.add(
                    &format!("CustomFields[{i}].Value"),
                    format!("'{}' is not a number.", value.value),
                ),
                "List" => {
                    let ok = value.value.trim().parse::<u64>().ok().is_some_and(|id| {
                        def.id_datasource.is_some_and(|ds| store.is_item_of(id, ds))
                    });
                    if !ok {
                        errors.add(
                            &format!("CustomFields[{i}].Value"),
                            format!(
                                "'{}' is not an item of the field's data source.",
                                value.value
                            ),
                        );
                    }
                }
                _ => {}
            },
        }
    }
    for def in store.custom_fields.values().filter(|d| d.is_required) {
        let given = input
            .iter()
            .any(|v| v.id_request_field == def.id && !v.value.trim().is_empty());
        if !given {
            errors.add(
                "CustomFields",
                format!("The custom field '{}' ({}) is required.", def.name, def.id),
            );
        }
    }
    input
        .into_iter()
        .map(|v| CustomFieldValue {
            id_request_field: v.id_request_field,
            value: v.value,
        })
        .collect()
}

/// `POST /v2/requests`: a Draft, or PendingApproval with `Submit: true`.
pub fn create_request(
    store: &Store,
    actor: &User,
    input: RequestInput,
    now: Now,
) -> Result<(Changes, u64), PandapeError> {
    require_flag(
        actor.permissions.is_allowed_to_request,
        "IsAllowedToRequest",
        "Creating a request",
    )?;
    let mut errors = FieldErrors::default();
    let job = non_blank(input.job.clone());
    if job.is_none() {
        errors.required("Job");
    }
    let number = input.number_vacancies.unwrap_or(1);
    check_number_vacancies(&mut errors, number);
    check_item(
        store,
        &mut errors,
        "IdCategory1",
        input.id_category1,
        DS_CATEGORIES,
    );
    check_item(
        store,
        &mut errors,
        "IdCategory2",
        input.id_category2,
        DS_CATEGORIES,
    );
    check_item(
        store,
        &mut errors,
        "IdManagerialLevel",
        input.id_managerial_level,
        DS_MANAGERIAL_LEVELS,
    );
    check_item(
        store,
        &mut errors,
        "IdRequestReason",
        input.id_request_reason,
        DS_REQUEST_REASONS,
    );
    let custom_fields =
        custom_field_values(store, &mut errors, input.custom_fields.unwrap_or_default());
    errors.into_result()?;
    let status = if input.submit.unwrap_or(false) {
        RequestStatus::PendingApproval
    } else {
        RequestStatus::Draft
    };
    let id = store.sequences.request;
    let mut history = vec![StatusChange {
        from: None,
        to: RequestStatus::Draft,
        id_user: actor.id,
        comment: None,
        date: now,
    }];
    if status == RequestStatus::PendingApproval {
        history.push(StatusChange {
            from: Some(RequestStatus::Draft),
            to: status,
            id_user: actor.id,
            comment: None,
            date: now,
        });
    }
    let request = Request {
        id,
        id_user: actor.id,
        job: job.unwrap_or_default(),
        id_category1: input.id_category1,
        id_category2: input.id_category2,
        id_managerial_level: input.id_managerial_level,
        number_vacancies: number,
        id_request_reason: input.id_request_reason,
        external_code: non_blank(input.external_code),
        description: non_blank(input.description),
        is_confidential: input.is_confidential.unwrap_or(false),
        custom_fields,
        status,
        id_recruiter: None,
        id_vacancy: None,
        approvals: Vec::new(),
        status_history: history,
        created_at: now,
        updated_at: now,
    };
    Ok((vec![Change::PutRequest(request)], id))
}

/// A request the actor may see, or 404.
pub fn visible_request<'s>(
    store: &'s Store,
    actor: &User,
    id: u64,
) -> Result<&'s Request, PandapeError> {
    store
        .requests
        .get(&id)
        .filter(|r| can_see_request(actor, r))
        .ok_or_else(|| PandapeError::not_found("Request", id))
}

/// Who may make a move of the request flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    /// The requester, or a user who may change the flow.
    Requester,
    /// A request manager's first decision.
    Decision,
    /// Reversing a decision.
    Override,
    /// A request manager, or a user who may change the flow.
    Assignment,
    /// A user who may change the flow.
    Flow,
}

/// The moves of the request flow, and who may make each.
fn gate(from: RequestStatus, to: RequestStatus) -> Option<Gate> {
    use RequestStatus::*;
    Some(match (from, to) {
        (Draft, PendingApproval)
        | (Draft, Canceled)
        | (PendingApproval, Canceled)
        | (Denied, Draft) => Gate::Requester,
        (PendingApproval, Approved) | (PendingApproval, Denied) => Gate::Decision,
        (Denied, Approved) | (Approved, Denied) => Gate::Override,
        (Approved, Assigned) => Gate::Assignment,
        (Assigned, InProcess)
        | (InProcess, Completed)
        | (Completed, Filed)
        | (Filed, Archived)
        | (Denied, Archived)
        | (Canceled, Archived)
        | (Approved, Canceled)
        | (Assigned, Canceled)
        | (InProcess, Canceled) => Gate::Flow,
        _ => return None,
    })
}

/// Every status a request may move to from `from` (for the property test and error messages).
pub fn next_statuses(from: RequestStatus) -> Vec<RequestStatus> {
    ALL_STATUSES
        .into_iter()
        .filter(|to| gate(from, *to).is_some())
        .collect()
}

pub const ALL_STATUSES: [RequestStatus; 10] = [
    RequestStatus::Draft,
    RequestStatus::PendingApproval,
    RequestStatus::Approved,
    RequestStatus::Denied,
    RequestStatus::Assigned,
    RequestStatus::InProcess,
    RequestStatus::Completed,
    RequestStatus::Filed,
    RequestStatus::Archived,
    RequestStatus::Canceled,
];

/// `PUT /v2/requests/{id}/status`.
pub fn set_request_status(
    store: &Store,
    actor: &User,
    id: u64,
    input: StatusInput,
    now: Now,
) -> Result<Changes, PandapeError> {
    let current = visible_request(store, actor, id)?;
    let (from, to) = (current.status, input.status);
    let Some(gate) = gate(from, to) else {
        let allowed: Vec<String> = next_statuses(from)
            .iter()
            .map(|s| format!("{s:?}"))
            .collect();
        return Err(PandapeError::field(
            "Status",
            format!(
                "A request cannot move from {from:?} to {to:?}; from {from:?} it can move to: {}.",
                if allowed.is_empty() {
                    "nothing".to_owned()
                } else {
                    allowed.join(", ")
                }
            ),
        ));
    };
    let p = &actor.permissions;
    match gate {
        Gate::Requester if current.id_user != actor.id && !p.is_allowed_to_change_request_flow => {
            return Err(PandapeError::forbidden(
                "Only the requester, or a user with IsAllowedToChangeRequestFlow, may make this change.",
            ))
        }
        Gate::Decision => require_flag(p.is_request_manager, "IsRequestManager", "Approving or denying a request")?,
        Gate::Override => require_flag(
            p.is_allowed_to_override_request,
            "IsAllowedToOverrideRequest",
            "Overriding a decision on a request",
        )?,
        Gate::Assignment if !p.is_request_manager && !p.is_allowed_to_change_request_flow => {
            return Err(PandapeError::forbidden(
                "Assigning a request requires the IsRequestManager or IsAllowedToChangeRequestFlow permission.",
            ))
        }
        Gate::Flow => require_flag(
            p.is_allowed_to_change_request_flow,
            "IsAllowedToChangeRequestFlow",
            "Changing the flow of a request",
        )?,
        _ => {}
    }
    let mut request = current.clone();
    request.updated_at = now;
    let mut reached = to;
    if matches!(gate, Gate::Decision | Gate::Override) {
        // A denial and an override decide at once; a first approval needs IsAllowedToPrime.
        let is_final =
            gate == Gate::Override || to == RequestStatus::Denied || p.is_allowed_to_prime;
        request.approvals.push(Approval {
            id_user: actor.id,
            decision: to,
            is_final,
            date: now,
        });
        if !is_final {
            // Recorded; the request waits for a user with IsAllowedToPrime.
            reached = from;
        }
    }
    if to == RequestStatus::Assigned {
        let recruiter = input
            .id_recruiter
            .ok_or_else(|| PandapeError::required("IdRecruiter"))?;
        if !store
            .users
            .get(&recruiter)
            .is_some_and(|u| u.is_active && role_is(u, VACANCY_MANAGERS))
        {
            return Err(PandapeError::field(
                "IdRecruiter",
                format!("User {recruiter} is not an active user who can manage vacancies."),
            ));
        }
        request.id_recruiter = Some(recruiter);
    }
    if reached != from {
        request.status = reached;
        request.status_history.push(StatusChange {
            from: Some(from),
            to: reached,
            id_user: actor.id,
            comment: non_blank(input.comment),
            date: now,
        });
    }
    Ok(vec![Change::PutRequest(request)])
}

/// `POST /v2/request-matches`: a candidate for a request being worked on.
pub fn create_match(
    store: &Store,
    actor: &User,
    input: MatchInput,
    now: Now,
) -> Result<(Changes, u64), PandapeError> {
    require_vacancy_manager(actor)?;
    let request_id = input
        .id_request
        .ok_or_else(|| PandapeError::required("IdRequest"))?;
    let request = store
        .requests
        .get(&request_id)
        .filter(|r| can_see_request(actor, r))
        .ok_or_else(|| {
            PandapeError::field("IdRequest", format!("Request {request_id} was not found."))
        })?;
    if !matches!(
        request.status,
        RequestStatus::Approved | RequestStatus::Assigned | RequestStatus::InProcess
    ) {
        return Err(PandapeError::field(
            "IdRequest",
            format!("Request {request_id} is {:?}; candidates can only be matched to Approved, Assigned or InProcess requests.", request.status),
        ));
    }
    let mut errors = FieldErrors::default();
    let name = non_blank(input.name);
    let surname = non_blank(input.surname);
    let email = non_blank(input.email);
    if name.is_none() {
        errors.required("Name");
    }
    if surname.is_none() {
        errors.required("Surname");
    }
    match &email {
        None => errors.required("Email"),
        Some(e) if !is_valid_email(e) => {
            errors.add("Email", "The Email field is not a valid e-mail address.")
        }
        Some(e) => {
            if store
                .matches_of_request(request_id)
                .any(|m| m.candidate.email.eq_ignore_ascii_case(e))
            {
                errors.add(
                    "Email",
                    format!(
                        "A candidate with email '{e}' is already matched to request {request_id}."
                    ),
                );
            }
        }
    }
    errors.into_result()?;
    let id = store.sequences.request_match;
    let m = RequestMatch {
        id,
        id_request: request_id,
        id_vacancy: request.id_vacancy,
        candidate: MatchCandidate {
            name: name.unwrap_or_default(),
            surname: surname.unwrap_or_default(),
            email: email.unwrap_or_default(),
            phone: non_blank(input.phone),
        },
        stage: "Inscrito".into(),
        id_user: actor.id,
        created_at: now,
    };
    Ok((vec![Change::PutMatch(m)], id))
}

#[cfg(test)]
mod tests;
