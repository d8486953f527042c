//! The benchmark's baseline (`bench/run.sh`): the smallest actix-web server there is, built with
//! this crate's actix-web, answering every request with one fixed small JSON body. It is the
//! practical limit the sandbox's endpoints are compared against.
//!
//! `cargo run --release --example baseline -- <port> <workers>`

use actix_web::{web, App, HttpResponse, HttpServer};

const BODY: &str =
    r#"{"success":true,"results":{"id":"4f6c2e4e-6b1e-4c55-9a59-7d1c3b0f2a10","name":"Baseline"}}"#;

async fn answer() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(BODY)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let port: u16 = args.next().and_then(|p| p.parse().ok()).unwrap_or(8090);
    let workers: usize = args
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    HttpServer::new(|| App::new().default_service(web::to(answer)))
        .workers(workers)
        .bind(("127.0.0.1", port))?
        .run()
        .await
}
