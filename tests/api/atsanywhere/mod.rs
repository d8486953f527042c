//! ATS Anywhere over HTTP.

mod applications;
mod auth;
mod jobs;
mod snapshots;
mod users;
