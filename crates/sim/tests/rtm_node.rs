//! The official Crisp Node client (npm `crisp-api` 11.3.0, on socket.io-client 4.x) against the
//! simulator's RTM server: it discovers the URL over REST, connects over websocket, authenticates
//! and receives the `message:send` a REST write produced.
//!
//! Needs Node and the locked packages, so it is ignored by default. Run it with:
//!
//! ```text
//! (cd crates/sim/tests/node && npm ci --ignore-scripts)
//! cargo test -p chatdesk-sim --test rtm_node -- --ignored
//! ```

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use chatdesk_sim::Sim;
use common::*;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::time::timeout;

async fn next_json(lines: &mut tokio::io::Lines<BufReader<tokio::process::ChildStdout>>) -> Value {
    let l = timeout(Duration::from_secs(15), lines.next_line())
        .await
        .expect("node said nothing in time")
        .unwrap()
        .expect("node exited");
    serde_json::from_str(&l).unwrap()
}

#[tokio::test]
#[ignore = "needs node and `npm ci` in crates/sim/tests/node"]
async fn the_official_node_client_connects_authenticates_and_receives_an_event() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node");
    assert!(
        dir.join("node_modules/crisp-api").is_dir(),
        "run `npm ci --ignore-scripts` in {}",
        dir.display()
    );
    let sim = Sim::builder().start().await.unwrap();
    let creds = sim.crisp_credentials();
    let mut child = Command::new("node")
        .arg("rtm_client.js")
        .current_dir(&dir)
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
