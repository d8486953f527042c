//! Integration tests: each test starts a real sandbox on a free port and talks HTTP to it.

mod admin;
mod ashby;
mod atsanywhere;
mod binary;
mod control_plane;
mod generate;
mod helpers;
mod pandape;
mod panora;
mod persistence;
mod readme;
mod routing;
mod smartrecruiters;
