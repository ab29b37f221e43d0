//! Project automation, run as `cargo xtask <command>`.
//!
//! * `ci`: what CI runs (`.ci/run`): fmt check, clippy with `-D warnings`, the test command.
//! * `endpoints crisp|carrot`: one line per implemented endpoint, `METHOD<TAB>PATH<TAB>call`,
//!   read from the vendor crate's own declarations (`ENDPOINTS`).
//! * `bench [--quick] [--skip-build-cost]`: builds the benchmark runner in release mode, runs it,
//!   measures cold build cost, prints the report and writes it to `target/bench/report.md`.

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("endpoints") => endpoints(args.get(1).map(String::as_str)),
        Some("bench") => bench(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <ci | endpoints crisp|carrot | bench [--quick] [--skip-build-cost]>"
            );
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

/// Runs the benchmark: parts 1-4 in the release-built runner, part 5 (build cost) here.
fn bench(args: &[String]) -> Result<(), String> {
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("bench: building the runner (release)…");
    let status = Command::new(&cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "xtask",
            "--bin",
            "bench",
        ])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cargo build: {e}"))?;
    if !status.success() {
        return Err("building the bench runner failed".into());
    }
    let mut runner = Command::new(root.join("target/release/bench"));
    if args.iter().any(|a| a == "--quick") {
        runner.arg("--quick");
    }
    let out = runner
        .current_dir(&root)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("running the bench: {e}"))?;
    if !out.status.success() {
        return Err("the bench runner failed".into());
    }
    let mut report = String::from("# chatdesk benchmark report\n\n");
    report.push_str(&machine_line());
    report.push_str(&String::from_utf8_lossy(&out.stdout));
    if !args.iter().any(|a| a == "--skip-build-cost") {
        // A failed cold build must not throw away the minutes of measurements above it.
        match build_cost(&root, &cargo) {
            Ok(part) => report.push_str(&part),
            Err(e) => report.push_str(&format!("\n## 5. Build cost\n\nnot measured: {e}\n")),
        }
    }
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("report.md"), &report).map_err(|e| e.to_string())?;
    print!("{report}");
    eprintln!("bench: report written to target/bench/report.md");
    Ok(())
}

/// One line about the machine the numbers come from.
fn machine_line() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    format!("Machine: {cpus} CPUs ({model}); {rustc}; loopback only.\n\n")
}

/// Part 5: cold debug builds of one vendor crate and of the umbrella, each in a fresh target
/// directory, with the number of crates compiled and in the normal dependency tree.
fn build_cost(root: &std::path::Path, cargo: &str) -> Result<String, String> {
    let mut r = String::from(
        "\n## 5. Build cost (cold `cargo build`, debug, fresh target directory)\n\n\
         | package | wall s | crates compiled | crates in dependency tree |\n|---|---:|---:|---:|\n",
    );
    for package in ["chatdesk-carrot-api", "chatdesk-crisp-api", "chatdesk"] {
        eprintln!("bench: cold build of {package}…");
        let target = root.join("target/bench/cold").join(package);
        let _ = std::fs::remove_dir_all(&target);
        let t0 = std::time::Instant::now();
        let out = Command::new(cargo)
            .args(["build", "--offline", "-p", package])
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(root)
            .output()
            .map_err(|e| format!("cargo build: {e}"))?;
        let wall = t0.elapsed().as_secs_f64();
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "cold build of {package} failed: {}",
                tail.join(" / ")
            ));
        }
        let compiled = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.trim_start().starts_with("Compiling"))
            .count();
        let tree = Command::new(cargo)
            .args([
                "tree",
                "--offline",
                "-p",
                package,
                "-e",
                "normal",
                "--prefix",
                "none",
            ])
            .current_dir(root)
            .output()
            .map_err(|e| format!("cargo tree: {e}"))?;
        let mut names: Vec<String> = String::from_utf8_lossy(&tree.stdout)
            .lines()
            .map(|l| l.trim_end_matches(" (*)").to_owned())
            .collect();
        names.sort();
        names.dedup();
        r.push_str(&format!(
            "| {package} | {wall:.1} | {compiled} | {} |\n",
            names.len()
        ));
        let _ = std::fs::remove_dir_all(&target);
    }
    Ok(r)
}
