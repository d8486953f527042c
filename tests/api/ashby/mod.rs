//! Ashby over HTTP.

mod candidates;
mod files;
mod jobs;
mod projects;
mod schemas;
mod structure;
mod teams;
mod transport;
