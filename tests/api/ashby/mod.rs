//! Ashby over HTTP.

mod candidates;
mod jobs;
mod structure;
mod transport;
