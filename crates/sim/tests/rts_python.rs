//! The Python path: a Carrot RTS client written in Python with the `websockets` package
//! (`tests/python/rts_client.py`) uses the simulator binary knowing nothing but its start-up line
//! and the vendor's URL layout: subscribe, receive a reply a REST write published, reconnect with
//! `tag`/`time` and receive exactly the missed one. The ids it received are checked against the
//! simulator's publish log (`GET /_sim/rts/log`).
//!
//! Without `python3` or its `websockets` package the test prints a notice and passes, unless
//! `CHATDESK_REQUIRE_PYTHON_WS=1` (as CI sets it), when it fails.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use serde_json::Value;

/// The whole Python run is bounded by this.
const PYTHON_DEADLINE: Duration = Duration::from_secs(60);

/// Whether `python3` runs and imports `websockets`; the reason when not.
fn python_ready() -> Result<(), String> {
    match Command::new("python3")
        .args(["-c", "import websockets"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
    {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "python3 cannot import websockets: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Err(format!("python3 did not run: {e}")),
    }
}

#[tokio::test]
async fn a_python_websockets_client_subscribes_and_resumes_from_the_start_up_line() {
    if let Err(why) = python_ready() {
        assert!(
            std::env::var("CHATDESK_REQUIRE_PYTHON_WS").as_deref() != Ok("1"),
            "CHATDESK_REQUIRE_PYTHON_WS=1 but {why}"
        );
        eprintln!(
            "notice: skipping the Python RTS test ({why}); install it with \
             `python3 -m pip install websockets`"
        );
        return;
    }
    let (_binary, line) = start_binary(&["--port", "0"]).await;
    let start: Value = serde_json::from_str(line.trim()).expect("one JSON line");

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/rts_client.py");
    let run = tokio::process::Command::new("python3")
        .arg(script)
        .arg(line.trim())
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(PYTHON_DEADLINE, run)
        .await
        .expect("the Python client finished in time")
        .expect("python3 ran");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "rts_client.py failed: {stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("one JSON line from Python");
    let channel = report["channel"].as_str().expect("channel");
    assert_eq!(
        channel,
        format!("conversation_reply.{}", start["carrot_app_id"])
    );

    // What Python received is exactly what the simulator published on that channel.
    let base = start["carrot_base_url"].as_str().expect("carrot_base_url");
    let addr = base
        .trim_start_matches("http://")
        .parse()
        .expect("host:port");
    let log = request(addr, "GET", "/_sim/rts/log", &[], b"")
        .await
        .expect("publish log")
        .json();
    assert_eq!(report["ids"], log[channel], "received vs published: {log}");
    assert_eq!(report["ids"].as_array().map(Vec::len), Some(3));
}
