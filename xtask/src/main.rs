//! Project automation, run as `cargo xtask <command>`.
//!
//! * `ci`: what CI runs (`.ci/run`): fmt check, clippy with `-D warnings`, the docs with
//!   warnings denied, the test command.
//! * `endpoints crisp|carrot`: one line per implemented endpoint, `METHOD<TAB>PATH<TAB>call`,
//!   read from the vendor crate's own declarations (`ENDPOINTS`).
//! * `bench [--quick] [--skip-build-cost] [--pacing]`: builds the benchmark runner in release
//!   mode, runs it, measures cold build cost, prints the report and writes it to
//!   `target/bench/report.md`; with `--pacing`, only the bulk sends under a limit (part 2, the
//!   adaptive-pacing row three times), written to `target/bench/pacing.md`.
//! * `soak [--short] [--requests N] [--concurrency N]`: 50,000 mixed calls over both vendors at
//!   concurrency 64 with 2% random faults against an in-process simulator (release build);
//!   fails on a task, socket or memory leak or a write not applied exactly once.
//! * `reliability`: runs the fault matrix and writes `docs/reliability.md`.
//! * `fuzz [--cases N]`: the property tests over every public decoder, with `N` cases each
//!   (default 20,000) instead of CI's few hundred.

use std::process::{Command, ExitCode};
use xtask::runtime;

const USAGE: &str = "\
usage: cargo xtask <command>

  ci                                  what CI runs: fmt check, clippy -D warnings, docs, the tests
  endpoints crisp|carrot              the endpoints a vendor crate declares
  bench [--quick] [--skip-build-cost] [--pacing]
                                      the benchmark report (target/bench/report.md); --pacing:
                                      part 2 only, adaptive pacing 3 times (target/bench/pacing.md)
  soak [--short] [--requests N] [--concurrency N]
                                      50,000 calls at concurrency 64, 2% random faults: checks
                                      tasks, sockets, memory and exactly-once writes
  reliability                         runs the fault matrix, writes docs/reliability.md
  fuzz [--cases N]                    the decoder property tests with N cases (default 20000)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci(),
        Some("endpoints") => endpoints(args.get(1).map(String::as_str)),
        Some("bench") => bench(&args[1..]),
        Some("soak") => soak(&args[1..]),
        Some("reliability") => reliability(),
        Some("fuzz") => fuzz(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
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
    // Part 6 runs the `fleet_worker` example as its worker fleet.
    let status = Command::new(&cargo)
        .args(["build", "--release", "--quiet", "-p", "chatdesk"])
        .args(["--example", "fleet_worker"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cargo build: {e}"))?;
    if !status.success() {
        return Err("building the fleet_worker example failed".into());
    }
    let mut runner = Command::new(root.join("target/release/bench"));
    let pacing = args.iter().any(|a| a == "--pacing");
    for flag in ["--quick", "--pacing"] {
        if args.iter().any(|a| a == flag) {
            runner.arg(flag);
        }
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
    if !pacing && !args.iter().any(|a| a == "--skip-build-cost") {
        // A failed cold build must not throw away the minutes of measurements above it.
        match build_cost(&root, &cargo) {
            Ok(part) => report.push_str(&part),
            Err(e) => report.push_str(&format!("\n## 5. Build cost\n\nnot measured: {e}\n")),
        }
    }
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = if pacing { "pacing.md" } else { "report.md" };
    std::fs::write(dir.join(file), &report).map_err(|e| e.to_string())?;
    print!("{report}");
    eprintln!("bench: report written to target/bench/{file}");
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

/// The value after `flag` in `args`, parsed.
fn flag_value<T: std::str::FromStr>(args: &[String], flag: &str) -> Result<Option<T>, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{flag} needs a number")),
    }
}

/// Re-runs this command from a release build unless it already is one: the soak's numbers (and
/// its 50,000 calls) mean little in a debug build.
fn in_release(args: &[String]) -> Result<bool, String> {
    if !cfg!(debug_assertions) {
        return Ok(false);
    }
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args([
            "run",
            "--release",
            "--quiet",
            "-p",
            "xtask",
            "--bin",
            "xtask",
            "--",
        ])
        .args(args)
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cargo run --release: {e}"))?;
    if status.success() {
        Ok(true)
    } else {
        Err(format!(
            "{} failed ({status})",
            args.first().map_or("", String::as_str)
        ))
    }
}

/// `cargo xtask soak`: prints the report; fails when a check fails.
fn soak(args: &[String]) -> Result<(), String> {
    let mut full = vec!["soak".to_owned()];
    full.extend(args.iter().cloned());
    if in_release(&full)? {
        return Ok(());
    }
    let mut config = if args.iter().any(|a| a == "--short") {
        xtask::soak::SoakConfig::short()
    } else {
        xtask::soak::SoakConfig::full()
    };
    if let Some(n) = flag_value(args, "--requests")? {
        config.requests = n;
    }
    if let Some(n) = flag_value(args, "--concurrency")? {
        config.concurrency = n;
    }
    eprintln!(
        "soak: {} calls at concurrency {}…",
        config.requests, config.concurrency
    );
    let report = runtime()?
        .block_on(xtask::soak::run(config))
        .map_err(|e| e.to_string())?;
    print!("{report}");
    if report.passed() {
        Ok(())
    } else {
        Err(format!("soak: {} checks failed", report.failures.len()))
    }
}

/// `cargo xtask reliability`: runs the matrix and writes `docs/reliability.md`.
fn reliability() -> Result<(), String> {
    eprintln!("reliability: running the fault matrix…");
    let rows = runtime()?
        .block_on(xtask::reliability::run())
        .map_err(|e| e.to_string())?;
    let doc = xtask::reliability::render(&rows);
    let path = workspace_root().join("docs/reliability.md");
    std::fs::write(&path, &doc).map_err(|e| format!("writing {}: {e}", path.display()))?;
    let findings: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            r.findings()
                .into_iter()
                .map(move |f| format!("{} {} under {}: {f}", r.vendor, r.endpoint, r.fault))
        })
        .collect();
    eprintln!(
        "reliability: {} rows written to docs/reliability.md; {} findings",
        rows.len(),
        findings.len()
    );
    for f in findings {
        eprintln!("  {f}");
    }
    Ok(())
}

/// `cargo xtask fuzz`: runs every property-test binary over a public decoder in release mode
/// with `PROPTEST_CASES` set, and says how many cases ran.
fn fuzz(args: &[String]) -> Result<(), String> {
    let cases: u64 = flag_value(args, "--cases")?.unwrap_or(20_000);
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut report = String::new();
    for t in xtask::fuzz::TARGETS {
        eprintln!("fuzz: {} --test {}…", t.package, t.test);
        let mut cmd = Command::new(&cargo);
        cmd.args(["test", "--release", "-p", t.package, "--test", t.test])
            .env("PROPTEST_CASES", cases.to_string())
            .current_dir(&root)
            .stderr(std::process::Stdio::inherit());
        if !t.features.is_empty() {
            cmd.args(["--features", t.features]);
        }
        let out = cmd.output().map_err(|e| format!("cargo test: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            print!("{stdout}");
            return Err(format!("fuzz: {} --test {} failed", t.package, t.test));
        }
        let passed = xtask::fuzz::passed_tests(&stdout);
        report.push_str(&format!(
            "{} {}: {passed} tests passed\n",
            t.package, t.test
        ));
    }
    print!("{report}");
    println!("fuzz: every property above ran with at least {cases} generated cases.");
    Ok(())
}
