//! The `ats-sandbox` command: `serve` (the default), `openapi <vendor>` and
//! `fixtures generate`.

use ats_sandbox::config::{LogFormat, Settings};
use ats_sandbox::{app, Application, Vendor};
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// mimalloc: a sandbox answer builds and drops many small JSON values, where glibc's malloc
/// showed as a fifth of the server's CPU under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Returns memory freed so far to the operating system (mimalloc's `mi_collect`).
fn release_freed_memory() {
    // SAFETY: mi_collect only walks mimalloc's own heaps; `force` frees what is unused.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

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
    /// Fixture sets.
    #[command(subcommand)]
    Fixtures(FixturesCommand),
}

#[derive(Debug, Subcommand)]
enum FixturesCommand {
    /// Generate a large, consistent fixture file; the same seed gives the same bytes.
    Generate {
        #[arg(long, value_enum)]
        vendor: Vendor,
        /// Candidates to make (ATS Anywhere applications, Pandapé request matches).
        #[arg(long, default_value_t = 1000)]
        candidates: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Directory to write `<vendor>.json` into (a fixture set for --fixtures).
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

fn generate(vendor: Vendor, candidates: u64, seed: u64, out: &std::path::Path) -> ExitCode {
    let bar = indicatif::ProgressBar::new(candidates);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(format!("{vendor} candidates"));
    let written = ats_sandbox::fixtures::write_generated(vendor, candidates, seed, out, &|n| {
        bar.set_position(n)
    });
    bar.finish_and_clear();
    match written {
        Ok(path) => {
            println!(
                "wrote {} ({candidates} candidates, seed {seed})",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "ats-sandbox: cannot write fixtures to {}: {e}",
                out.display()
            );
            ExitCode::FAILURE
        }
    }
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
    // Loading fixtures freed what parsing them took (a 100k-candidate file is a few hundred MB
    // of transient records): hand those pages back to the system now rather than after
    // mimalloc's purge delay, so the resident size is what the tenants hold.
    release_freed_memory();
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
        Some(Command::Fixtures(FixturesCommand::Generate {
            vendor,
            candidates,
            seed,
            out,
        })) => generate(vendor, candidates, seed, &out),
    }
}
