//! Ashby over HTTP.

mod candidates;
mod jobs;
mod schemas;
mod structure;
mod teams;
mod transport;
