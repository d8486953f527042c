//! Unit and property tests of the ATS Anywhere rules, without HTTP.

use super::*;
use crate::vendors::atsanywhere::model::Site;
use chrono::TimeZone;
use proptest::prelude::*;

fn now() -> Now {
    Utc.with_ymd_and_hms(2026, 2, 1, 10, 0, 0).unwrap()
}

fn user(id: u64, level: AdminLevel) -> User {
    User {
        id,
        first_name: format!("First{id}"),
        last_name: format!("Last{id}"),
        email: format!("user{id}@example.com"),
        phone: None,
        admin_level: level,
        assigned_job_ids: vec![],
        assigned_site_ids: vec![],
        active: true,
        created_at: now(),
        updated_at: now(),
    }
}

fn job(id: u64, site: Option<u64>) -> Job {
    Job {
        id,
        title: format!("Job {id}"),
        reference_number: format!("J{id}"),
        description: String::new(),
        city: None,
        state: None,
        country: None,
        department: None,
        employment_type: None,
        site_id: site,
        status: JobStatus::Online,
        hidden: false,
        express_apply: true,
        created_at: now(),
        updated_at: now(),
    }
}

/// Owner 1, Admin 2, Basic 3, Limited 4, ReadOnly 5; site 1; jobs 1 (site 1) and 2; one
/// application on each job.
fn company() -> Store {
    let mut store = Store::default();
    store.apply(vec![Change::PutSite(Site {
        id: 1,
        name: "Main".into(),
        url: "https://jobs.example.com".into(),
        created_at: now(),
    })]);
    store.apply(vec![
        Change::PutJob(job(1, Some(1))),
        Change::PutJob(job(2, None)),
    ]);
    for (id, level) in AdminLevel::ALL.iter().enumerate() {
        store.apply(vec![Change::PutUser(user(id as u64 + 1, *level))]);
    }
    for (id, job_id) in [(1, 1), (2, 2)] {
        store.apply(vec![Change::PutApplication(Application {
            id,
            job_id,
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: "ann@example.com".into(),
            phone: None,
            cover_letter: None,
            resume: None,
            source: "career_site".into(),
            rating: None,
            archived: false,
            archived_at: None,
            created_at: now(),
            updated_at: now(),
        })]);
    }
    store
}

fn actor(store: &Store, id: u64) -> User {
    store.users[&id].clone()
}

fn level(level: AdminLevel) -> UserInput {
    UserInput {
        admin_level: Some(level),
        ..Default::default()
    }
}

fn new_user(email: &str, admin_level: AdminLevel) -> UserInput {
    UserInput {
        first_name: Some("New".into()),
        last_name: Some("Person".into()),
        email: Some(email.into()),
        admin_level: Some(admin_level),
        ..Default::default()
    }
}

#[test]
fn promoting_another_user_demotes_the_owner_in_the_same_step() {
    let mut store = company();
    let changes = update_user(
        &store,
        &actor(&store, 1),
        3,
        level(AdminLevel::AccountOwner),
        now(),
    )
    .unwrap();
    store.apply(changes);
    assert_eq!(store.owner_id(), Some(3));
    assert_eq!(store.users[&1].admin_level, AdminLevel::Admin);
    assert_eq!(store.count_owners(), 1);
}

#[test]
fn creating_an_owner_demotes_the_previous_one() {
    let mut store = company();
    let (changes, id) = create_user(
        &store,
        &actor(&store, 1),
        new_user("boss@example.com", AdminLevel::AccountOwner),
        now(),
    )
    .unwrap();
    store.apply(changes);
    assert_eq!(store.owner_id(), Some(id));
    assert_eq!(store.users[&1].admin_level, AdminLevel::Admin);
}

#[test]
fn only_the_owner_assigns_ownership() {
    let store = company();
    let err = update_user(
        &store,
        &actor(&store, 2),
        3,
        level(AdminLevel::AccountOwner),
        now(),
    )
    .unwrap_err();
    assert!(matches!(err, AtsError::Forbidden(_)), "{err:?}");
    let err = create_user(
        &store,
        &actor(&store, 2),
        new_user("x@example.com", AdminLevel::AccountOwner),
        now(),
    )
    .unwrap_err();
    assert!(matches!(err, AtsError::Forbidden(_)));
}

#[test]
fn the_owner_cannot_be_demoted_deactivated_or_deleted() {
    let store = company();
    let owner = actor(&store, 1);
    let err = update_user(&store, &owner, 1, level(AdminLevel::Admin), now()).unwrap_err();
    assert!(matches!(err, AtsError::AccountOwnerRequired(_)));
    let deactivate = UserInput {
        active: Some(false),
        ..Default::default()
    };
    let err = update_user(&store, &owner, 1, deactivate, now()).unwrap_err();
    assert!(matches!(err, AtsError::AccountOwnerRequired(_)));
    let err = delete_user(&store, &owner, 1).unwrap_err();
    assert!(matches!(err, AtsError::AccountOwnerRequired(_)));
}

#[test]
fn admins_cannot_touch_the_owner_record() {
    let store = company();
    let rename = UserInput {
        first_name: Some("Mallory".into()),
        ..Default::default()
    };
    let err = update_user(&store, &actor(&store, 2), 1, rename, now()).unwrap_err();
    assert!(matches!(err, AtsError::Forbidden(_)));
}

#[test]
fn an_inactive_user_cannot_become_owner() {
    let mut store = company();
    let mut inactive = actor(&store, 3);
    inactive.active = false;
    store.apply(vec![Change::PutUser(inactive)]);
    let err = update_user(
        &store,
        &actor(&store, 1),
        3,
        level(AdminLevel::AccountOwner),
        now(),
    )
    .unwrap_err();
    assert!(matches!(err, AtsError::AccountOwnerRequired(_)));
}

#[test]
fn levels_below_admin_manage_no_users() {
    let store = company();
    for id in [3, 4, 5] {
        let err = create_user(
            &store,
            &actor(&store, id),
            new_user("x@example.com", AdminLevel::Basic),
            now(),
        )
        .unwrap_err();
        assert!(matches!(err, AtsError::Forbidden(_)), "user {id}: {err:?}");
        assert!(delete_user(&store, &actor(&store, id), 4).is_err());
    }
}

#[test]
fn emails_are_unique_case_insensitively() {
    let store = company();
    let err = create_user(
        &store,
        &actor(&store, 2),
        new_user("USER3@Example.com", AdminLevel::Basic),
        now(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        AtsError::Validation(vec![FieldError::new("email", "has already been taken")])
    );
}

#[test]
fn required_fields_and_unknown_assignments_are_named() {
    let store = company();
    let err = create_user(&store, &actor(&store, 2), UserInput::default(), now()).unwrap_err();
    let AtsError::Validation(errors) = err else {
        panic!("expected validation errors");
    };
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["first_name", "last_name", "email", "admin_level"]);
    assert!(errors[3].message.contains("ReadOnly"));

    let mut input = new_user("new@example.com", AdminLevel::Basic);
    input.assigned_job_ids = Some(vec![1, 99]);
    input.assigned_site_ids = Some(vec![7]);
    let AtsError::Validation(errors) =
        create_user(&store, &actor(&store, 2), input, now()).unwrap_err()
    else {
        panic!("expected validation errors");
    };
    assert_eq!(errors[0].field, "assigned_job_ids");
    assert!(errors[0].message.contains("99"));
    assert_eq!(errors[1].field, "assigned_site_ids");
}

#[test]
fn assignments_hide_other_jobs_from_users_below_admin() {
    let mut store = company();
    let mut basic = actor(&store, 3);
    basic.assigned_site_ids = vec![1];
    store.apply(vec![Change::PutUser(basic.clone())]);
    assert!(visible_job(&store, &basic, 1).is_ok());
    assert!(matches!(
        visible_job(&store, &basic, 2),
        Err(AtsError::NotFound(_))
    ));
    assert!(visible_application(&store, &basic, 2).is_err());
    // Admins ignore assignments.
    let mut admin = actor(&store, 2);
    admin.assigned_job_ids = vec![1];
    assert!(visible_job(&store, &admin, 2).is_ok());
}

#[test]
fn limited_users_rate_but_do_not_edit_jobs_or_archive() {
    let store = company();
    let limited = actor(&store, 4);
    assert!(create_job(
        &store,
        &limited,
        JobInput {
            title: Some("X".into()),
            ..Default::default()
        },
        now()
    )
    .is_err());
    let rate = ApplicationInput {
        rating: Some(Some(4)),
        archived: None,
    };
    assert!(update_application(&store, &limited, 1, rate, now()).is_ok());
    let archive = ApplicationInput {
        rating: None,
        archived: Some(true),
    };
    assert!(matches!(
        update_application(&store, &limited, 1, archive, now()),
        Err(AtsError::Forbidden(_))
    ));
}

#[test]
fn read_only_users_write_nothing() {
    let store = company();
    let read_only = actor(&store, 5);
    let note = NoteInput {
        app_id: 1,
        body: "hi".into(),
    };
    assert!(matches!(
        create_note(&store, &read_only, note, now()),
        Err(AtsError::Forbidden(_))
    ));
    let rate = ApplicationInput {
        rating: Some(Some(3)),
        archived: None,
    };
    assert!(update_application(&store, &read_only, 1, rate, now()).is_err());
}

#[test]
fn only_the_owner_deletes_applicants() {
    let store = company();
    assert!(matches!(
        delete_application(&store, &actor(&store, 2), 1),
        Err(AtsError::Forbidden(_))
    ));
    assert!(delete_application(&store, &actor(&store, 1), 1).is_ok());
}

#[test]
fn ratings_stay_between_one_and_five() {
    let store = company();
    let rate = ApplicationInput {
        rating: Some(Some(6)),
        archived: None,
    };
    assert!(matches!(
        update_application(&store, &actor(&store, 2), 1, rate, now()),
        Err(AtsError::Validation(_))
    ));
}

#[test]
fn quick_apply_needs_an_online_express_job() {
    let mut store = company();
    let input = |reference: &str| QuickApplyInput {
        reference_number: reference.into(),
        name: "Grace Hopper".into(),
        email: "grace@example.com".into(),
        phone: None,
        coverletter: None,
        resume: Some(super::super::model::ResumeUpload {
            filename: "cv.pdf".into(),
            data: "JVBERi0=".into(),
        }),
    };
    let owner = actor(&store, 1);
    let (changes, id) = quick_apply(&store, &owner, input("J1"), now()).unwrap();
    store.apply(changes);
    let app = &store.applications[&id];
    assert_eq!(
        (app.first_name.as_str(), app.last_name.as_str()),
        ("Grace", "Hopper")
    );
    assert_eq!(app.resume.as_ref().unwrap().size, 5);

    let mut offline = store.jobs[&2].clone();
    offline.status = JobStatus::Offline;
    store.apply(vec![Change::PutJob(offline)]);
    assert!(quick_apply(&store, &owner, input("J2"), now()).is_err());
    assert!(quick_apply(&store, &owner, input("nope"), now()).is_err());
}

#[test]
fn a_restricted_manager_keeps_sight_of_the_job_they_create() {
    let mut store = company();
    let mut basic = actor(&store, 3);
    basic.assigned_job_ids = vec![1];
    store.apply(vec![Change::PutUser(basic.clone())]);
    let input = JobInput {
        title: Some("Welder".into()),
        ..Default::default()
    };
    let (changes, id) = create_job(&store, &basic, input, now()).unwrap();
    store.apply(changes);
    assert!(visible_job(&store, &actor(&store, 3), id).is_ok());
}

/// One user operation of the property test; indexes pick among the current users.
#[derive(Debug, Clone)]
enum Op {
    Create {
        actor: usize,
        level: AdminLevel,
    },
    SetLevel {
        actor: usize,
        target: usize,
        level: AdminLevel,
    },
    SetActive {
        actor: usize,
        target: usize,
        active: bool,
    },
    Delete {
        actor: usize,
        target: usize,
    },
}

fn any_level() -> impl Strategy<Value = AdminLevel> {
    prop::sample::select(AdminLevel::ALL.to_vec())
}

fn any_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any_level()).prop_map(|(actor, level)| Op::Create { actor, level }),
        (any::<usize>(), any::<usize>(), any_level()).prop_map(|(actor, target, level)| {
            Op::SetLevel {
                actor,
                target,
                level,
            }
        }),
        (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(actor, target, active)| {
            Op::SetActive {
                actor,
                target,
                active,
            }
        }),
        (any::<usize>(), any::<usize>()).prop_map(|(actor, target)| Op::Delete { actor, target }),
    ]
}

proptest! {
    /// Whatever users do, the company keeps exactly one AccountOwner, and that owner is active.
    #[test]
    fn any_sequence_of_user_operations_leaves_exactly_one_owner(ops in prop::collection::vec(any_op(), 1..60)) {
        let mut store = company();
        for (n, op) in ops.into_iter().enumerate() {
            let ids: Vec<u64> = store.users.keys().copied().collect();
            let pick = |i: usize| ids[i % ids.len()];
            let result = match op {
                Op::Create { actor: a, level } => {
                    let actor = store.users[&pick(a)].clone();
                    create_user(&store, &actor, new_user(&format!("n{n}@example.com"), level), now())
                        .map(|(changes, _)| changes)
                }
                Op::SetLevel { actor: a, target, level: l } => {
                    let actor = store.users[&pick(a)].clone();
                    update_user(&store, &actor, pick(target), level(l), now())
                }
                Op::SetActive { actor: a, target, active } => {
                    let actor = store.users[&pick(a)].clone();
                    let input = UserInput { active: Some(active), ..Default::default() };
                    update_user(&store, &actor, pick(target), input, now())
                }
                Op::Delete { actor: a, target } => {
                    let actor = store.users[&pick(a)].clone();
                    delete_user(&store, &actor, pick(target))
                }
            };
            if let Ok(changes) = result {
                store.apply(changes);
            }
            prop_assert_eq!(store.count_owners(), 1);
            let owner = store.owner_id().expect("an owner");
            prop_assert_eq!(store.users[&owner].admin_level, AdminLevel::AccountOwner);
            prop_assert!(store.users[&owner].active);
        }
    }
}
