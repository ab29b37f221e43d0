//! The official Crisp Node client (npm `crisp-api` 11.3.0, on socket.io-client 4.x) against the
//! simulator's RTM server: it discovers the URL over REST, connects over websocket, authenticates
//! and receives the `message:send` a REST write produced.
//!
//! It needs Node and the locked packages. Without `tests/node/node_modules` it prints a notice
//! and passes, unless `CHATDESK_REQUIRE_NODE=1` is set (`.ci/run` sets it after installing
//! them), in which case it fails. To run it by hand:
//!
//! ```text
//! (cd crates/sim/tests/node && npm ci --ignore-scripts --no-audit --no-fund)
//! CHATDESK_REQUIRE_NODE=1 cargo test -p chatdesk-sim --test rtm_node
//! ```
//!
//! The lock file check below needs neither Node nor the packages.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use chatdesk_sim::Sim;
use common::*;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::time::timeout;

/// The whole Node run is bounded by this (the script also exits by itself after 20 s).
const NODE_RUN: Duration = Duration::from_secs(40);

fn node_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node")
}

/// Whether the Node test must run: `CHATDESK_REQUIRE_NODE=1` makes a missing install a failure.
fn node_required() -> bool {
    std::env::var("CHATDESK_REQUIRE_NODE").is_ok_and(|v| v == "1")
}

/// The lock file pins the versions the test is about and takes every package from the public
/// npm registry, each with its integrity hash (what `npm ci` verifies).
#[test]
fn the_lock_file_pins_crisp_api_11_3_0_on_socket_io_client_4_from_the_npm_registry() {
    let read = |name: &str| -> Value {
        let text = std::fs::read_to_string(node_dir().join(name)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let manifest = read("package.json");
    assert_eq!(
        manifest["dependencies"]["crisp-api"], "11.3.0",
        "{manifest}"
    );
    let lock = read("package-lock.json");
    let packages = lock["packages"]
        .as_object()
        .expect("lockfileVersion 3 `packages`");
    assert_eq!(packages["node_modules/crisp-api"]["version"], "11.3.0");
    let socket_io = packages["node_modules/socket.io-client"]["version"]
        .as_str()
        .unwrap();
    assert!(socket_io.starts_with("4."), "socket.io-client {socket_io}");
    let mut checked = 0;
    for (path, entry) in packages.iter().filter(|(path, _)| !path.is_empty()) {
        let resolved = entry["resolved"].as_str().unwrap_or_default();
        assert!(
            resolved.starts_with("https://registry.npmjs.org/"),
            "{path} resolves from {resolved:?}"
        );
        assert!(
            entry["integrity"]
                .as_str()
                .is_some_and(|i| i.starts_with("sha512-")),
            "{path} has no sha512 integrity"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} packages in the lock file");
}

async fn next_json(lines: &mut tokio::io::Lines<BufReader<tokio::process::ChildStdout>>) -> Value {
    let l = timeout(Duration::from_secs(15), lines.next_line())
        .await
        .expect("node said nothing in time")
        .unwrap()
        .expect("node exited");
    serde_json::from_str(&l).unwrap()
}

#[tokio::test]
async fn the_official_node_client_connects_authenticates_and_receives_an_event() {
    let dir = node_dir();
    if !dir.join("node_modules/crisp-api").is_dir() {
        assert!(
            !node_required(),
            "CHATDESK_REQUIRE_NODE=1 but {} has no node_modules/crisp-api: run \
             `npm ci --ignore-scripts --no-audit --no-fund` there",
            dir.display()
        );
        eprintln!(
            "rtm_node: skipped, no node_modules in {} (run `npm ci --ignore-scripts` there; \
             CHATDESK_REQUIRE_NODE=1 makes this a failure)",
            dir.display()
        );
        return;
    }
    timeout(NODE_RUN, node_client_run(&dir))
        .await
        .expect("the Node client run took longer than its bound");
}

async fn node_client_run(dir: &Path) {
    let sim = Sim::builder().start().await.unwrap();
    let creds = sim.crisp_credentials();
    let mut child = Command::new("node")
        .arg("rtm_client.js")
        .current_dir(dir)
        .env("SIM_BASE_URL", sim.base_url())
        .env("CRISP_IDENTIFIER", &creds.identifier)
        .env("CRISP_KEY", &creds.key)
        .env("CRISP_TIER", creds.tier.as_str())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("node");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(next_json(&mut lines).await["event"], "bound");
    // Wait (bounded) for the client's `authentication` to be answered.
    let mut authenticated = false;
    for _ in 0..1500 {
        if sim.crisp_rtm().stats().authenticated >= 1 {
            authenticated = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(authenticated, "{:?}", sim.crisp_rtm().stats());
    let (w, s) = (creds.website_id.clone(), sim.crisp_config().session_id());
    let kp = sim.crisp_config().default_keypair().unwrap().clone();
    let auth = kp.authorization();
    let body = json!({"type": "text", "from": "user", "origin": "chat", "content": "hi node", "fingerprint": 8080});
    let r = request(
        sim.addr(),
        "POST",
        &format!("/v1/website/{w}/conversation/{s}/message"),
        &[
            ("Authorization", &auth),
            ("X-Crisp-Tier", kp.tier.as_str()),
            ("Content-Type", "application/json"),
        ],
        body.to_string().as_bytes(),
    )
    .await
    .unwrap();
    assert!(r.status < 300);
    let got = next_json(&mut lines).await;
    assert_eq!(got["event"], "message:send");
    assert_eq!(got["data"]["fingerprint"], 8080);
    assert_eq!(got["data"]["content"], "hi node");
    let stats = sim.crisp_rtm().stats();
    assert_eq!(stats.connection_attempts, 1, "{stats:?}");
    let _ = child.kill().await;
}
