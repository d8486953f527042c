//! Ashby over HTTP.

mod activity;
mod candidates;
mod custom_fields;
mod files;
mod interviewers;
mod jobs;
mod openings;
mod postings;
mod projects;
mod schemas;
mod shapes;
mod structure;
mod teams;
mod transport;
