//! The benchmark's baseline (`bench/run.sh`): the smallest actix-web server there is, built with
//! this crate's actix-web, answering every request with one fixed small JSON body. It is the
//! practical limit the sandbox's endpoints are compared against. `GET /sized/{n}` answers a fixed
//! JSON body of `n` bytes instead (built once per size), the limit for answers as large as a list
//! page.
//!
//! `cargo run --release --example baseline -- <port> <workers>`

use actix_web::{web, App, HttpResponse, HttpServer};

const BODY: &str =
    r#"{"success":true,"results":{"id":"4f6c2e4e-6b1e-4c55-9a59-7d1c3b0f2a10","name":"Baseline"}}"#;

/// A JSON body of exactly `n` bytes (at least the bytes of `{"data":""}`).
fn sized_body(n: usize) -> web::Bytes {
    let padding = n.saturating_sub(r#"{"data":""}"#.len());
    web::Bytes::from(format!(r#"{{"data":"{}"}}"#, "x".repeat(padding)))
}

thread_local! {
    static SIZED: std::cell::RefCell<std::collections::HashMap<usize, web::Bytes>> =
        Default::default();
}

async fn sized(n: web::Path<usize>) -> HttpResponse {
    let n = (*n).min(16 << 20);
    let body = SIZED.with(|cache| {
        cache
            .borrow_mut()
            .entry(n)
            .or_insert_with(|| sized_body(n))
            .clone()
    });
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body)
}

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
    HttpServer::new(|| {
        App::new()
            .route("/sized/{n}", web::get().to(sized))
            .default_service(web::to(answer))
    })
    .workers(workers)
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
