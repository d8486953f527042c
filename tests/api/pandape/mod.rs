//! Pandapé over HTTP.

mod auth;
mod lookups;
mod requests;
mod snapshots;
mod users;
mod vacancies;
