//! Runs every example as a user would, against its in-process simulator, and checks what it
//! prints.
//!
//! `cargo test` builds the examples before it runs any test; they are looked up next to this
//! test binary (`target/<profile>/examples/`). Each run is small (`--size`), and a run that
//! hangs is killed after a generous bound.

#![cfg(all(feature = "crisp", feature = "carrot", feature = "hyper-client"))]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Not a performance bound: only a guard so that a hung example fails instead of blocking CI.
const HANG_GUARD: Duration = Duration::from_secs(120);

struct Run {
    stdout: String,
    stderr: String,
}

/// `target/<profile>/examples/<name>`, from `target/<profile>/deps/<this test>`.
fn example_path(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary lives in target/<profile>/deps");
    let path = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.is_file(),
        "example binary {} is missing: run `cargo test -p chatdesk` (which builds the examples) \
         or `cargo build -p chatdesk --examples` first",
        path.display()
    );
    path
}

/// Runs an example with `args`, without any vendor credentials, and requires exit status 0.
fn run(name: &str, args: &[&str]) -> Run {
    run_full(name, args, &[], 0)
}

/// [`run`] with `env` set for the example.
fn run_with(name: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    run_full(name, args, env, 0)
}

/// [`run`], requiring exit status `code`.
fn run_to(name: &str, args: &[&str], code: i32) -> Run {
    run_full(name, args, &[], code)
}

/// Runs an example with `args` and `env`, without vendor credentials, and requires exit status
/// `code`.
fn run_full(name: &str, args: &[&str], env: &[(&str, &str)], code: i32) -> Run {
    let mut child = Command::new(example_path(name))
        .args(args)
        .env_remove("CHATDESK_CRISP_MODE")
        .env_remove("CHATDESK_CRISP_LISTEN")
        .env_remove("CRISP_IDENTIFIER")
        .env_remove("CRISP_KEY")
        .env_remove("CRISP_WEBSITE_ID")
        .env_remove("CARROT_TOKEN")
        .env_remove("CHATDESK_EXAMPLE_SIZE")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start example {name}: {e}"));
    // Drain both pipes on threads, so a chatty example cannot block on a full pipe.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            pipe.read_to_string(&mut text).map(|_| text)
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the example") {
            break status;
        }
        if started.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("example {name} did not finish within {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = stdout.join().expect("stdout reader").expect("utf-8 stdout");
    let stderr = stderr.join().expect("stderr reader").expect("utf-8 stderr");
    assert_eq!(
        status.code(),
        Some(code),
        "example {name} {args:?} exited with {status}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    Run { stdout, stderr }
}

impl Run {
    /// Asserts that some line of stdout contains `text`.
    fn prints(&self, text: &str) -> &Self {
        assert!(
            self.stdout.lines().any(|l| l.contains(text)),
            "expected a line containing {text:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn count(&self, text: &str) -> usize {
        self.stdout.lines().filter(|l| l.contains(text)).count()
    }
}

#[test]
fn quickstart() {
    run("quickstart", &[])
        .prints("crisp:  simulator at http://127.0.0.1:")
        .prints("listed 2 messages back: text, picker")
        .prints("tracked event")
        .prints("done");
}

#[test]
fn bulk_import() {
    run("bulk_import", &["--size", "40"])
        .prints("importing 40 records")
        .prints("ok: 40, failed: 0")
        .prints("simulator: 40 writes applied, each exactly once: yes");
}

#[test]
fn export_conversations() {
    let out = run("export_conversations", &["--size", "4"]);
    let mut kinds = std::collections::BTreeMap::new();
    for line in out.stdout.lines() {
        let record: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        let key = format!("{} {}", record["vendor"], record["kind"]).replace('"', "");
        *kinds.entry(key).or_insert(0usize) += 1;
    }
    // Four seeded conversations of three messages each, on both vendors.
    assert_eq!(kinds.get("crisp conversation"), Some(&4), "{kinds:?}");
    assert_eq!(kinds.get("crisp message"), Some(&12), "{kinds:?}");
    assert_eq!(kinds.get("carrot conversation"), Some(&4), "{kinds:?}");
    assert_eq!(kinds.get("carrot part"), Some(&12), "{kinds:?}");
    assert!(
        out.stderr.contains("crisp: 12 message records"),
        "{}",
        out.stderr
    );
}

/// A spent daily quota stops the export cleanly: before sending on the client's own budget, and
/// after the server's answer on the simulator's quota; both print the budget and exit with 3.
#[test]
fn export_conversations_stops_on_a_daily_quota() {
    let out = run_to("export_conversations", &["--size", "6", "--daily", "5"], 3);
    assert!(
        out.stderr
            .contains("crisp daily budget: 0 of 5 requests left (5 used), more frees up in 2"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("stopped: the crisp daily quota is spent; it frees up in 2"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stdout.contains("carrot"),
        "the export stopped at Crisp"
    );
    let out = run_to(
        "export_conversations",
        &["--size", "6", "--sim-daily", "4"],
        3,
    );
    // Four accepted, the fifth refused by the simulator (sent, so counted), none after it.
    assert!(
        out.stderr
            .contains("crisp daily budget: 0 of 5000 requests left (5 used)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("stopped: the crisp daily quota is spent; it frees up in 24h 00m 00s"),
        "{}",
        out.stderr
    );
}

#[test]
fn webhook_receiver() {
    let out = run("webhook_receiver", &["--size", "2"]);
    out.prints("verified carrot message in conversation")
        .prints("verified crisp session:set_email on website")
        .prints("rejected crisp hook: web hook signature does not match (answered 401")
        .prints("rejected carrot hook: wrong token (answered 401)");
    assert_eq!(
        out.count("verified carrot event plan_upgraded"),
        2,
        "{}",
        out.stdout
    );
}

#[test]
fn custom_middleware() {
    run("custom_middleware", &["--size", "3"])
        .prints("layers: 3 calls, 4 attempts")
        .prints("double: event id 42 without a network")
        .prints(r#"double saw: POST /v1/users/double/events x-source=Some("custom-middleware")"#);
}

/// The bot's run is the same in both modes but for how it starts listening.
#[cfg(feature = "rtm")]
fn rtm_bot_answers_twice(mode: &str, listening: &str) {
    let out = run_with(
        "rtm_bot",
        &["--max-events", "2"],
        &[("CHATDESK_CRISP_MODE", mode)],
    );
    out.prints("crisp: simulator at http://127.0.0.1:")
        .prints(listening)
        .prints(": question 1")
        .prints(": question 2")
        .prints("done: answered 2 visitor messages")
        .prints(r#"simulator: 2 "got it" answers stored"#);
    assert_eq!(out.count(r#"answered "got it""#), 2, "{}", out.stdout);
}

#[test]
#[cfg(feature = "rtm")]
fn rtm_bot() {
    rtm_bot_answers_twice("rtm", "connected, waiting for visitor messages");
}

#[test]
#[cfg(feature = "rtm")]
fn rtm_bot_on_web_hooks() {
    rtm_bot_answers_twice("webhook", "web hooks: POST http://127.0.0.1:");
}

#[test]
#[cfg(feature = "rts")]
fn carrot_rts_bot() {
    let out = run("carrot_rts_bot", &["--conversations", "2"]);
    out.prints("carrot: simulator at http://127.0.0.1:")
        .prints("connected, waiting for new conversations")
        .prints(": Hello, question 1")
        .prints(": Hello, question 2")
        .prints("done: answered 2 new conversations")
        .prints("simulator: 2 answers stored");
    assert_eq!(out.count("answered conversation"), 2, "{}", out.stdout);
}

#[test]
fn fleet_worker() {
    // Two worker processes on one token (each with its own limiter, or sharing through Redis
    // when REDIS_URL is set): every read ends ok, and the last line is the documented summary.
    let out = run(
        "fleet_worker",
        &["--workers", "2", "--requests", "20", "--limit", "50"],
    );
    let last = out.stdout.lines().last().expect("a summary line");
    assert!(
        last.starts_with(r#"{"workers": 2, "ok": 20, "refused": "#),
        "{last}"
    );
    let v: serde_json::Value = serde_json::from_str(last).expect("JSON");
    assert_eq!(v["failed"], 0, "{last}");
    for field in ["wall_s", "rate", "shared"] {
        assert!(v.get(field).is_some(), "no {field} in {last}");
    }
}
