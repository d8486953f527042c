//! Opening rules: which state changes are allowed and what they stamp, and what a non-Draft
//! opening must have.
//!
//! Ashby publishes no transition table for openings; the sandbox's, chosen to match how the
//! product behaves: Draft -> Approved | Open; Approved -> Draft | Open; Open -> Closed;
//! Closed -> Open (reopening); Filled -> Open | Closed. `Filled` cannot be set through the API
//! (it is the product's own doing), setting the current state again is a no-op, and an archived
//! opening takes no state change until restored. Any state but Draft needs at least one job;
//! `closeReasonId` is only for Closed and must name a close reason; leaving Closed clears it.

use crate::vendors::ashby::error::AshbyError;
use crate::vendors::ashby::model::{Opening, OpeningState, Time};
use crate::vendors::ashby::store::Store;

type Result<T> = std::result::Result<T, AshbyError>;

pub fn transition_allowed(from: OpeningState, to: OpeningState) -> bool {
    use OpeningState::*;
    from == to
        || matches!(
            (from, to),
            (Draft, Approved)
                | (Draft, Open)
                | (Approved, Draft)
                | (Approved, Open)
                | (Open, Closed)
                | (Closed, Open)
                | (Filled, Open)
                | (Filled, Closed)
        )
}

/// What a non-Draft opening must satisfy.
pub fn check_complete(o: &Opening) -> Result<()> {
    if o.opening_state != OpeningState::Draft && o.job_ids.is_empty() {
        return Err(AshbyError::invalid_input(format!(
            "An opening in state {:?} needs at least one job",
            o.opening_state
        )));
    }
    Ok(())
}

/// `opening.setOpeningState` (and `opening.create` with a state).
pub fn set_state(
    store: &Store,
    opening: &Opening,
    to: OpeningState,
    close_reason_id: Option<&str>,
    now: Time,
) -> Result<Opening> {
    if opening.is_archived {
        return Err(AshbyError::invalid_input(
            "The opening is archived; restore it before changing its state",
        ));
    }
    if to == OpeningState::Filled {
        return Err(AshbyError::invalid_input(
            "openingState Filled cannot be set through the API",
        ));
    }
    if !transition_allowed(opening.opening_state, to) {
        return Err(AshbyError::invalid_input(format!(
            "An opening cannot move from {:?} to {:?}",
            opening.opening_state, to
        )));
    }
    match (to, close_reason_id) {
        (OpeningState::Closed, Some(id)) if !store.close_reasons.contains(id) => {
            return Err(AshbyError::not_found("close_reason", "Close reason"))
        }
        (OpeningState::Closed, _) => {}
        (_, Some(_)) => {
            return Err(AshbyError::invalid_input(
                "closeReasonId is only allowed when closing an opening",
            ))
        }
        (_, None) => {}
    }
    let mut next = opening.clone();
    if to != opening.opening_state {
        next.opening_state = to;
        match to {
            OpeningState::Open => {
                next.opened_at = Some(now);
                next.closed_at = None;
                next.close_reason_id = None;
            }
            OpeningState::Closed => {
                next.closed_at = Some(now);
                next.close_reason_id = close_reason_id.map(str::to_owned);
            }
            _ => next.close_reason_id = None,
        }
    } else if to == OpeningState::Closed && close_reason_id.is_some() {
        next.close_reason_id = close_reason_id.map(str::to_owned);
    }
    check_complete(&next)?;
    next.updated_at = now;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vendors::ashby::model::EmploymentType;
    use chrono::Utc;
    use proptest::prelude::*;

    const ALL: [OpeningState; 5] = [
        OpeningState::Draft,
        OpeningState::Approved,
        OpeningState::Open,
        OpeningState::Closed,
        OpeningState::Filled,
    ];

    fn opening(jobs: usize) -> Opening {
        let t = Utc::now();
        Opening {
            id: "o".into(),
            identifier: "O-1".into(),
            description: String::new(),
            team_id: None,
            location_ids: vec![],
            job_ids: (0..jobs).map(|i| i.to_string()).collect(),
            target_hire_date: None,
            target_start_date: None,
            is_backfill: false,
            employment_type: EmploymentType::FullTime,
            opening_state: OpeningState::Draft,
            is_archived: false,
            archived_at: None,
            opened_at: None,
            closed_at: None,
            close_reason_id: None,
            author_id: None,
            hiring_team: vec![],
            custom_fields: vec![],
            version_id: "v".into(),
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn an_opening_without_jobs_stays_a_draft() {
        let store = Store::default();
        let err = set_state(&store, &opening(0), OpeningState::Open, None, Utc::now()).unwrap_err();
        assert_eq!(err.code, "invalid_input");
        let open = set_state(&store, &opening(1), OpeningState::Open, None, Utc::now()).unwrap();
        assert!(open.opened_at.is_some());
    }

    proptest! {
        #[test]
        fn state_calls_follow_the_table(calls in prop::collection::vec(0usize..5, 1..40), reason in any::<bool>()) {
            let store = Store::default();
            let mut o = opening(1);
            for to in calls.into_iter().map(|i| ALL[i]) {
                let with = (reason && to == OpeningState::Closed).then_some("missing");
                match set_state(&store, &o, to, with, Utc::now()) {
                    Ok(next) => {
                        prop_assert!(transition_allowed(o.opening_state, next.opening_state));
                        prop_assert!(next.opening_state != OpeningState::Filled || o.opening_state == OpeningState::Filled);
                        prop_assert!(next.close_reason_id.is_none() || next.opening_state == OpeningState::Closed);
                        if next.opening_state == OpeningState::Open { prop_assert!(next.opened_at.is_some()); }
                        if next.opening_state == OpeningState::Closed { prop_assert!(next.closed_at.is_some()); }
                        o = next;
                    }
                    Err(_) => prop_assert!(!transition_allowed(o.opening_state, to) || to == OpeningState::Filled || with.is_some()),
                }
            }
        }
    }
}
