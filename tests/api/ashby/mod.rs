//! Ashby over HTTP.

mod candidates;
mod jobs;
mod transport;
