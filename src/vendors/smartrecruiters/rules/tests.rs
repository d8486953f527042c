//! Unit tests of the status rules and permissions, without HTTP, on the demo company.

use super::*;
use crate::tenancy::VendorStore;
use crate::vendors::smartrecruiters::input::CandidateStatusInput;
use proptest::prelude::*;

fn demo() -> Store {
    let doc = crate::vendors::smartrecruiters::generate::generate(1, 0, &|_| {});
    Store::from_snapshot("demo", &doc).expect("the demo company loads")
}

fn now() -> Time {
    "2026-02-01T00:00:00Z".parse().unwrap()
}

fn job_id(n: u32) -> String {
    format!("a0000000-0000-4000-8000-00000000000{n}")
}

fn cand_id(n: u32) -> String {
    format!("c0000000-0000-4000-8000-0000000000{n:02}")
}

fn admin(store: &Store) -> User {
    store.users.get("5f0000000000000000000005").unwrap().clone()
}

fn job_in(status: JobStatus, reached: u8) -> Job {
    let mut job = demo().jobs.get(&job_id(1)).unwrap().clone();
    job.status = status;
    job.reached_stage = reached;
    job
}

#[test]
fn the_job_transition_table() {
    use JobStatus::*;
    // From CREATED: anything but FILLED, CREATED itself is a no-op, OTHER never.
    for (to, ok) in [
        (Sourcing, true),
        (Interview, true),
        (Offer, true),
        (Filled, false),
        (OnHold, true),
        (Cancelled, true),
        (Other, false),
        (Created, true),
    ] {
        assert_eq!(
            job_transition(&job_in(Created, 0), to).is_ok(),
            ok,
            "CREATED -> {to}"
        );
    }
    // A job that reached INTERVIEW never goes back to SOURCING or CREATED, whatever it is now.
    for from in [Interview, OnHold, Filled, Cancelled] {
        let job = job_in(from, 2);
        assert!(
            job_transition(&job, Sourcing).is_err(),
            "{from} -> SOURCING"
        );
        assert!(job_transition(&job, Created).is_err(), "{from} -> CREATED");
        for to in [Interview, Offer, Filled, OnHold, Cancelled] {
            assert!(job_transition(&job, to).is_ok(), "{from} -> {to}");
        }
    }
}

#[test]
fn moving_a_job_records_history_and_its_stage() {
    let job = job_in(JobStatus::Sourcing, 1);
    let moved = moved_job(&job, JobStatus::Offer, now());
    assert_eq!((moved.status, moved.reached_stage), (JobStatus::Offer, 3));
    assert_eq!(
        moved.status_history.last().map(|h| h.status),
        Some(JobStatus::Offer)
    );
    assert_eq!(
        moved_job(&moved, JobStatus::Offer, now())
            .status_history
            .len(),
        moved.status_history.len()
    );
}

#[test]
fn the_candidate_transition_rules() {
    use CandidateStatus::*;
    for to in [New, Rejected, Withdrawn, Lead] {
        assert!(
            candidate_transition(Lead, to, false).is_ok(),
            "LEAD -> {to}"
        );
    }
    for to in [InReview, Interview, Offered, Hired] {
        assert!(
            candidate_transition(Lead, to, false).is_err(),
            "LEAD -> {to}"
        );
        assert!(
            candidate_transition(Rejected, to, false).is_err(),
            "dismissed LEAD -> {to}"
        );
    }
    for from in [New, InReview, Rejected] {
        assert!(
            candidate_transition(from, Lead, true).is_err(),
            "{from} -> LEAD"
        );
    }
    assert!(candidate_transition(New, Transferred, true).is_err());
    assert!(
        candidate_transition(Rejected, Interview, true).is_ok(),
        "a rejected candidate can be reconsidered"
    );
    let at = now();
    let row = |status| StatusChange {
        changed_on: at,
        status,
        sub_status: None,
    };
    assert!(!converted(&[row(Lead), row(Rejected)]));
    assert!(converted(&[row(Lead), row(New), row(Rejected)]));
}

fn status(s: &str, reason: Option<&str>) -> CandidateStatusInput {
    CandidateStatusInput {
        status: s.into(),
        sub_status: None,
        starts_on: None,
        reason: reason.map(Into::into),
    }
}

#[test]
fn reasons_are_checked_against_configuration() {
    let store = demo();
    let actor = admin(&store);
    let (c, j) = (cand_id(3), job_id(3));
    let run = |input| set_candidate_status(&store, &actor, &c, Some(&j), &input, now());
    assert!(run(status("REJECTED", None)).is_err());
    assert!(run(status("REJECTED", Some("wr-1"))).is_err());
    assert!(run(status("REJECTED", Some("rr-1"))).is_ok());
    assert!(run(status("WITHDRAWN", Some("rr-1"))).is_err());
    assert!(run(status("WITHDRAWN", Some("wr-2"))).is_ok());
    assert!(run(status("INTERVIEW", Some("rr-1"))).is_err());
    let mut sub = status("INTERVIEW", None);
    sub.sub_status = Some("Onsite".into());
    assert!(run(sub.clone()).is_ok());
    sub.sub_status = Some("Lunch".into());
    assert!(run(sub).is_err());
}

#[test]
fn roles_gate_actions() {
    let store = demo();
    let employee = store.users.get("5f0000000000000000000001").unwrap();
    let restricted = store.users.get("5f0000000000000000000002").unwrap();
    let input = status("IN_REVIEW", None);
    assert!(set_candidate_status(
        &store,
        employee,
        &cand_id(2),
        Some(&job_id(2)),
        &input,
        now()
    )
    .is_err());
    assert!(set_candidate_status(
        &store,
        restricted,
        &cand_id(2),
        Some(&job_id(2)),
        &input,
        now()
    )
    .is_ok());
    assert!(delete_candidate(&store, restricted, &cand_id(2)).is_err());
    assert!(delete_candidate(&store, &admin(&store), &cand_id(2)).is_ok());
    let jobs_input = JobStatusInput {
        status: "ON_HOLD".into(),
    };
    assert!(set_job_status(&store, restricted, &job_id(2), &jobs_input, now()).is_err());
}

/// What a test sequence does: set a job status, or move a candidate on the job.
#[derive(Debug, Clone)]
enum Step {
    Job(JobStatus),
    Candidate(CandidateStatus),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        proptest::sample::select(JobStatus::ALL.to_vec()).prop_map(Step::Job),
        proptest::sample::select(CandidateStatus::ALL.to_vec()).prop_map(Step::Candidate),
    ]
}

proptest! {
    /// No sequence of job status calls and candidate moves reaches a state SmartRecruiters
    /// forbids: OTHER is never set, CREATED is never re-entered, an active status is never below
    /// the stage the job reached, a LEAD never skips conversion, and the histories end in the
    /// current statuses.
    #[test]
    fn no_sequence_reaches_a_forbidden_state(steps in proptest::collection::vec(step(), 1..40)) {
        let mut store = demo();
        let actor = admin(&store);
        let (j, c) = (job_id(2), cand_id(1));
        let mut left_created = false;
        let mut converted = false;
        for (k, step) in steps.into_iter().enumerate() {
            let at = now() + chrono::Duration::minutes(k as i64);
            let result = match &step {
                Step::Job(to) => set_job_status(&store, &actor, &j, &JobStatusInput { status: to.name().into() }, at),
                Step::Candidate(to) => {
                    let reason = match to {
                        CandidateStatus::Rejected => Some("rr-1"),
                        CandidateStatus::Withdrawn => Some("wr-1"),
                        _ => None,
                    };
                    set_candidate_status(&store, &actor, &c, Some(&j), &status(to.name(), reason), at)
                }
            };
            if let Ok(changes) = result {
                store.apply(changes);
            }
            let job = store.jobs.get(&j).unwrap();
            prop_assert_ne!(job.status, JobStatus::Other);
            left_created |= job.status != JobStatus::Created;
            prop_assert!(!(left_created && job.status == JobStatus::Created));
            if let Some(stage) = job.status.stage() {
                prop_assert!(stage >= job.reached_stage, "{} below stage {}", job.status, job.reached_stage);
            }
            prop_assert_eq!(job.status_history.last().map(|h| h.status), Some(job.status));
            let app = store.candidates.get(&c).unwrap().application(&j).unwrap().clone();
            converted |= app.status == CandidateStatus::New;
            if matches!(app.status, CandidateStatus::InReview | CandidateStatus::Interview | CandidateStatus::Offered | CandidateStatus::Hired) {
                prop_assert!(converted, "a LEAD reached {} without conversion", app.status);
            }
            prop_assert_ne!(app.status, CandidateStatus::Transferred);
            prop_assert_eq!(app.history.last().map(|h| h.status), Some(app.status));
            prop_assert_eq!(app.reason_of_rejection.is_some(), app.status == CandidateStatus::Rejected);
        }
    }
}
