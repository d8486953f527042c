//! The `ats-sandbox` command: `serve` (the default) and `openapi <vendor>`.

use ats_sandbox::config::{LogFormat, Settings};
use ats_sandbox::{app, Application, Vendor};
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[derive(Debug, Parser)]
#[command(
    name = "ats-sandbox",
    version,
    about = "Stateful emulators of ATS vendor APIs"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: Settings,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve every vendor and the control plane (the default).
    Serve(Settings),
    /// Print the OpenAPI document of what is served for a vendor.
    Openapi {
        #[arg(value_enum)]
        vendor: Vendor,
    },
}

fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn banner(settings: &Settings, application: &Application) {
    let base = format!("http://{}", application.addr());
    println!(
        "ats-sandbox listening on {base} (fixtures: {})",
        settings.fixtures
    );
    let state = application.state();
    for vendor in Vendor::ALL {
        println!(
            "  {:<12} {base}{}{}   (or Host: {})",
            vendor.slug(),
            vendor.prefix(),
            vendor.api_base(),
            vendor.hosts().join(", ")
        );
        if let Some(tenant) = state.registry.get(&app::default_tenant_id(vendor)) {
            println!(
                "  {:<12} tenant {}  credentials {}",
                "",
                tenant.id,
                tenant.backend().credentials()
            );
        }
    }
    println!("  {:<12} {base}/_sandbox", "control");
}

async fn serve(settings: Settings) -> ExitCode {
    init_logging(settings.log_format);
    let application = match Application::build(&settings) {
        Ok(application) => application,
        Err(e) => {
            eprintln!("ats-sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    banner(&settings, &application);
    match application.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ats-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

#[actix_web::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => serve(cli.serve).await,
        Some(Command::Serve(settings)) => serve(settings).await,
        Some(Command::Openapi { vendor }) => {
            print!("{}", vendor.openapi_json());
            ExitCode::SUCCESS
        }
    }
}
