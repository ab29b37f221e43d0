//! Project automation, run as `cargo xtask <command>`.
//!
//! * `ci`: what CI runs (`.ci/run`): fmt check, clippy with `-D warnings`, the test command.
//! * `endpoints crisp|carrot`: one line per implemented endpoint, `METHOD<TAB>PATH<TAB>call`,
//!   read from the vendor crate's own declarations (`ENDPOINTS`).

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("endpoints") => endpoints(args.get(1).map(String::as_str)),
        _ => {
            eprintln!("usage: cargo xtask <ci | endpoints crisp|carrot>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs `.ci/run`, so that the two can never drift apart.
fn ci() -> Result<(), String> {
    let root = workspace_root();
    let status = Command::new("bash")
        .arg(root.join(".ci/run"))
        .current_dir(&root)
        .status()
        .map_err(|e| format!("could not start .ci/run: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(".ci/run failed ({status})"))
    }
}

fn workspace_root() -> std::path::PathBuf {
    let manifest = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or(manifest)
}

/// Prints the endpoints a vendor crate declares, straight from its `ENDPOINTS` table.
fn endpoints(vendor: Option<&str>) -> Result<(), String> {
    let table: &[chatdesk_transport::EndpointSpec] = match vendor {
        Some("crisp") => chatdesk_crisp_api::ENDPOINTS,
        Some("carrot") => chatdesk_carrot_api::ENDPOINTS,
        other => {
            return Err(format!(
                "endpoints: expected `crisp` or `carrot`, got {other:?}"
            ));
        }
    };
    let mut out = String::new();
    for spec in table {
        out.push_str(&format!("{}\t{}\t{}\n", spec.method, spec.path, spec.call));
    }
    print!("{out}");
    Ok(())
}
