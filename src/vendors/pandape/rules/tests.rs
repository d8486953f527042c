//! Unit and property tests of the Pandapé rules, without HTTP.

use super::*;
use crate::vendors::pandape::model::{CustomField, DataSourceItem};
use chrono::TimeZone;
use proptest::prelude::*;

fn now() -> Now {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn all_flags() -> Permissions {
    Permissions {
        is_allowed_to_publish: true,
        is_request_manager: true,
        is_onboarding_manager: true,
        is_allowed_to_request: true,
        is_allowed_to_change_request_flow: true,
        is_allowed_to_override_request: true,
        is_allowed_to_prime: true,
    }
}

fn user(id: u64, role: UserRole, permissions: Permissions) -> User {
    User {
        id,
        name: format!("N{id}"),
        surname: format!("S{id}"),
        email: format!("u{id}@example.com"),
        phone: None,
        role,
        is_active: true,
        permissions,
        created_at: now(),
        updated_at: now(),
    }
}

/// 1 Administrator with every flag; 2 Recruiter with no flags; 3 Requisitor who may request;
/// 4 Manager who is a request manager without prime; a category item 10 and a location 30.
fn company() -> Store {
    let mut store = Store::default();
    store.apply(vec![
        Change::PutUser(user(1, UserRole::Administrator, all_flags())),
        Change::PutUser(user(2, UserRole::Recruiter, Permissions::default())),
        Change::PutUser(user(
            3,
            UserRole::Requisitor,
            Permissions {
                is_allowed_to_request: true,
                ..Permissions::default()
            },
        )),
        Change::PutUser(user(
            4,
            UserRole::Manager,
            Permissions {
                is_request_manager: true,
                ..Permissions::default()
            },
        )),
    ]);
    for (id, ds) in [(10, DS_CATEGORIES), (30, DS_LOCATIONS)] {
        store.datasource_items.insert(
            id,
            DataSourceItem {
                id,
                id_datasource: ds,
                name: format!("item {id}"),
            },
        );
    }
    store
}

fn actor(store: &Store, id: u64) -> User {
    store.users[&id].clone()
}

fn request(store: &mut Store, by: u64, submit: bool) -> u64 {
    let input = RequestInput {
        job: Some("Analyst".into()),
        submit: Some(submit),
        ..Default::default()
    };
    let (changes, id) = create_request(store, &actor(store, by), input, now()).unwrap();
    store.apply(changes);
    id
}

fn to(status: RequestStatus) -> StatusInput {
    StatusInput {
        status,
        comment: None,
        id_recruiter: None,
    }
}

#[test]
fn onboarding_manager_only_for_admin_supervisor_or_manager() {
    let store = company();
    let admin = actor(&store, 1);
    let input = |role| UserInput {
        name: Some("A".into()),
        surname: Some("B".into()),
        email: Some(format!("{role:?}@x.io")),
        role: Some(role),
        is_onboarding_manager: Some(true),
        ..Default::default()
    };
    for role in [
        UserRole::Administrator,
        UserRole::Supervisor,
        UserRole::Manager,
    ] {
        assert!(
            create_user(&store, &admin, input(role), now()).is_ok(),
            "{role:?}"
        );
    }
    for role in [
        UserRole::Recruiter,
        UserRole::Interviewer,
        UserRole::Contributor,
        UserRole::Requisitor,
    ] {
        let PandapeError::Validation(errors) =
            create_user(&store, &admin, input(role), now()).unwrap_err()
        else {
            panic!("validation error expected");
        };
        assert!(errors.contains_key("IsOnboardingManager"), "{role:?}");
    }
}

#[test]
fn only_administrators_register_users_and_emails_are_unique() {
    let store = company();
    let input = UserInput {
        name: Some("A".into()),
        surname: Some("B".into()),
        email: Some("U1@EXAMPLE.com".into()),
        ..Default::default()
    };
    assert!(matches!(
        create_user(&store, &actor(&store, 4), input.clone(), now()),
        Err(PandapeError::Forbidden(_))
    ));
    let PandapeError::Validation(errors) =
        create_user(&store, &actor(&store, 1), input, now()).unwrap_err()
    else {
        panic!("validation error expected");
    };
    assert!(errors.contains_key("Email"));
    let (changes, _) = create_user(
        &store,
        &actor(&store, 1),
        UserInput {
            name: Some("A".into()),
            surname: Some("B".into()),
            email: Some("fresh@example.com".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    let Change::PutUser(created) = &changes[0] else {
        panic!()
    };
    assert_eq!(created.role, DEFAULT_ROLE);
    assert_eq!(created.permissions, Permissions::default());
}

#[test]
fn the_last_administrator_stays() {
    let store = company();
    let admin = actor(&store, 1);
    assert!(deactivate_user(&store, &admin, 1, now()).is_err());
    let demote = UserInput {
        name: Some("N1".into()),
        surname: Some("S1".into()),
        email: Some("u1@example.com".into()),
        role: Some(UserRole::Manager),
        ..Default::default()
    };
    assert!(update_user(&store, &admin, 1, demote, now()).is_err());
    assert!(deactivate_user(&store, &admin, 2, now()).is_ok());
}

#[test]
fn publishing_needs_the_flag() {
    let store = company();
    let input = VacancyInput {
        job: Some("Dev".into()),
        description: Some("Code".into()),
        id_category1: Some(10),
        publish: Some(true),
        ..Default::default()
    };
    assert!(matches!(
        create_vacancy(&store, &actor(&store, 2), input.clone(), now()),
        Err(PandapeError::Forbidden(_))
    ));
    let (changes, id) = create_vacancy(&store, &actor(&store, 1), input, now()).unwrap();
    let Change::PutVacancy(v) = &changes[0] else {
        panic!()
    };
    assert_eq!((v.id, v.status), (id, VacancyStatus::Published));
}

#[test]
fn vacancy_fields_are_checked_against_data_sources() {
    let store = company();
    let input = VacancyInput {
        job: Some("Dev".into()),
        description: Some("Code".into()),
        id_category1: Some(30),
        id_location1: Some(30),
        ..Default::default()
    };
    let PandapeError::Validation(errors) =
        create_vacancy(&store, &actor(&store, 1), input, now()).unwrap_err()
    else {
        panic!("validation error expected");
    };
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["IdCategory1"]);
    assert!(matches!(
        create_vacancy(&store, &actor(&store, 3), VacancyInput::default(), now()),
        Err(PandapeError::Forbidden(_))
    ));
}

#[test]
fn a_non_prime_approval_waits_for_a_final_one() {
    let mut store = company();
    let id = request(&mut store, 3, true);
    let changes = set_request_status(
        &store,
        &actor(&store, 4),
        id,
        to(RequestStatus::Approved),
        now(),
    )
    .unwrap();
    store.apply(changes);
    assert_eq!(store.requests[&id].status, RequestStatus::PendingApproval);
    assert_eq!(store.requests[&id].approvals.len(), 1);
    let changes = set_request_status(
        &store,
        &actor(&store, 1),
        id,
        to(RequestStatus::Approved),
        now(),
    )
    .unwrap();
    store.apply(changes);
    assert_eq!(store.requests[&id].status, RequestStatus::Approved);
    assert!(store.requests[&id].approvals[1].is_final);
}

#[test]
fn flags_gate_the_flow() {
    let mut store = company();
    let id = request(&mut store, 3, true);
    // A recruiter without IsRequestManager cannot decide; the requester cannot either.
    for who in [2, 3] {
        assert!(matches!(
            set_request_status(
                &store,
                &actor(&store, who),
                id,
                to(RequestStatus::Approved),
                now()
            ),
            Err(PandapeError::Forbidden(_)) | Err(PandapeError::NotFound(_))
        ));
    }
    // The requester may cancel their own pending request.
    assert!(set_request_status(
        &store,
        &actor(&store, 3),
        id,
        to(RequestStatus::Canceled),
        now()
    )
    .is_ok());
    // Moves outside the flow are refused naming Status.
    let PandapeError::Validation(errors) = set_request_status(
        &store,
        &actor(&store, 1),
        id,
        to(RequestStatus::Completed),
        now(),
    )
    .unwrap_err() else {
        panic!("validation error expected");
    };
    assert!(errors["Status"][0].contains("Approved"));
}

#[test]
fn required_custom_fields_are_enforced() {
    let mut store = company();
    store.custom_fields.insert(
        1,
        CustomField {
            id: 1,
            name: "Cost center".into(),
            field_type: "Number".into(),
            is_required: true,
            id_datasource: None,
        },
    );
    let admin = actor(&store, 1);
    let mut input = RequestInput {
        job: Some("Analyst".into()),
        ..Default::default()
    };
    assert!(create_request(&store, &admin, input.clone(), now()).is_err());
    input.custom_fields = Some(vec![super::super::model::CustomFieldInput {
        id_request_field: 1,
        value: "abc".into(),
    }]);
    assert!(create_request(&store, &admin, input.clone(), now()).is_err());
    input.custom_fields = Some(vec![super::super::model::CustomFieldInput {
        id_request_field: 1,
        value: "4100".into(),
    }]);
    assert!(create_request(&store, &admin, input, now()).is_ok());
}

proptest! {
    /// Whatever status calls anyone makes, a request only ever takes the moves of the flow, and a
    /// refused call leaves it as it was.
    #[test]
    fn no_sequence_of_status_calls_leaves_the_flow(
        calls in prop::collection::vec((1u64..=4, 0usize..10, prop::option::of(1u64..=2)), 1..40)
    ) {
        let mut store = company();
        let id = request(&mut store, 3, false);
        for (who, target, recruiter) in calls {
            let before = store.requests[&id].clone();
            let input = StatusInput { status: ALL_STATUSES[target], comment: None, id_recruiter: recruiter };
            match set_request_status(&store, &actor(&store, who), id, input, now()) {
                Ok(changes) => {
                    store.apply(changes);
                    let after = &store.requests[&id];
                    if after.status != before.status {
                        prop_assert!(next_statuses(before.status).contains(&after.status),
                            "{:?} -> {:?}", before.status, after.status);
                    }
                }
                Err(_) => prop_assert_eq!(&store.requests[&id], &before),
            }
        }
    }
}
