//! The standalone binary's start-up line, and web hook delivery to a loopback receiver.

mod common;

use std::process::Command;
use std::time::Duration;

use chatdesk_sim::{Sim, Vendor};
use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn binary_prints_one_json_line_and_serves() {
    let (mut child, line) = start_binary(&[
        "--port",
        "0",
        "--seed",
        "users=5,conversations=4,messages=2",
        "--carrot-token",
        "app.9.cli",
        "--carrot-app-id",
        "9",
        "--crisp-identifier",
        "cli-id",
        "--crisp-key",
        "cli-key",
        "--rate-limit",
        "rps=100,burst=100",
        "--fault",
        "kind=status,status=503,path=/apps/*/activeusers,nth=1",
        "--max-connections",
        "64",
        "--max-body=1MiB",
        "--body-budget",
        "64MiB",
        "--log-field-bytes",
        "512",
        "--header-read-timeout",
        "20s",
    ])
    .await;
    let v: Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [
            "carrot_app_id",
            "carrot_base_url",
            "carrot_rts_url",
            "carrot_token",
            "crisp_base_url",
            "crisp_identifier",
            "crisp_key",
            "crisp_tier",
            "crisp_website_id"
        ]
    );
    assert!(
        line.trim_start().starts_with("{\"crisp_base_url\":"),
        "documented order: {line}"
    );
    assert_eq!(v["carrot_token"], "app.9.cli");
    assert_eq!(v["carrot_app_id"], 9);
    assert_eq!(v["crisp_identifier"], "cli-id");
    assert_eq!(v["crisp_key"], "cli-key");
    let crisp = v["crisp_base_url"].as_str().unwrap();
    assert!(
        crisp.starts_with("http://127.0.0.1:") && crisp.ends_with("/v1"),
        "{crisp}"
    );
    let carrot = v["carrot_base_url"].as_str().unwrap();
    let addr: std::net::SocketAddr = carrot.trim_start_matches("http://").parse().unwrap();

    // It serves with the flags applied.
    let r = bare_get(addr, "/apps/9/activeusers?auth_token=app.9.cli").await;
    assert_eq!(r.status, 503, "scripted fault");
    let r = bare_get(addr, "/apps/9/users?auth_token=app.9.cli&limit=50").await;
    assert_eq!(r.json()["data"]["total"], 5);

    // SIGTERM stops it cleanly.
    #[cfg(unix)]
    {
        let pid = child.0.id().to_string();
        let killed = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        // A guard against a hang (20 s), not a timing check.
        let mut status = None;
        for _ in 0..800 {
            if let Some(s) = child.0.try_wait().expect("wait") {
                status = Some(s);
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        // `None` here: still running after the guard; a status without a code: killed by the
        // signal itself (no handler installed yet).
        assert_eq!(
            status.map(|s| s.code()),
            Some(Some(0)),
            "exits 0 on SIGTERM ({status:?})"
        );
    }
}

#[tokio::test]
async fn binary_rejects_bad_flags() {
    for (args, says) in [
        (["--fault", "kind=nope"], "unknown fault kind"),
        (["--max-connections", "many"], "--max-connections"),
        (["--header-read-timeout", "soon"], "--header-read-timeout"),
    ] {
        let out = tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_chatdesk-sim"))
                .args(args)
                .output()
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{args:?}"
        );
    }
}

fn form(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).expect("form body")
}

fn field<'a>(f: &'a [(String, String)], k: &str) -> &'a str {
    f.iter()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

#[tokio::test]
async fn carrot_form_webhooks_are_posted_for_events_and_user_messages() {
    let (url, mut rx) = hook_receiver("/hook?key=secret", 200).await;
    let sim = Sim::builder()
        .carrot_webhook(url.clone())
        .carrot_webhook_token("hook-token")
        .start()
        .await
        .unwrap();
    let user = sim.carrot_user_ids()[0];
    carrot_post(
        &sim,
        &format!("/users/{user}/events"),
        &[("event", "$order_paid"), ("params", r#"{"sum":5}"#)],
    )
    .await;
    let (head, body) = tokio::time::timeout(STEP, rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(head.starts_with("POST /hook?key=secret HTTP/1.1"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/x-www-form-urlencoded")
    );
    assert!(head.contains("Carrotquest Webhook 1.0"));
    let f = form(&body);
    assert_eq!(field(&f, "type"), "event");
    assert_eq!(field(&f, "token"), "hook-token");
    assert_eq!(field(&f, "event_name"), "$order_paid");
    assert_eq!(field(&f, "user_id"), user.to_string());
    let ev: Value = serde_json::from_str(field(&f, "event")).unwrap();
    assert_eq!(ev["props"], json!({"sum": 5}));
    assert_eq!(field(&f, "event_id"), ev["id"].to_string());
    let u: Value = serde_json::from_str(field(&f, "user")).unwrap();
    assert_eq!(u["id"], user);

    // A user message gives a conversation hook shaped like the vendor's captured payload.
    let conv = sim.carrot_conversation_ids()[0];
    carrot_post(
        &sim,
        &format!("/conversations/{conv}/reply"),
        &[
            ("body", "need help"),
            ("from_user", "default_user"),
            ("random_id", "42"),
        ],
    )
    .await;
    let (_, body) = tokio::time::timeout(STEP, rx.recv())
        .await
        .unwrap()
        .unwrap();
    let f = form(&body);
    assert_eq!(field(&f, "type"), "conversation");
    let c: Value = serde_json::from_str(field(&f, "conversation")).unwrap();
    for k in [
        "direction",
        "conversation_closed",
        "conversation_tags",
        "type",
        "id",
        "body",
        "assignee",
        "sent_via",
        "created",
        "random_id",
        "conversation",
        "from",
    ] {
        assert!(c.get(k).is_some(), "missing {k} in {c}");
    }
    assert_eq!(c["direction"], "u2a");
    assert_eq!(c["body"], "need help");
    assert_eq!(c["random_id"], 42);
    assert_eq!(c["conversation"], conv);
    // Admin replies do not trigger the chat hook.
    carrot_post(
        &sim,
        &format!("/conversations/{conv}/reply"),
        &[("body", "on it"), ("from_admin", "default_admin")],
    )
    .await;
    assert!(
        tokio::time::timeout(Duration::from_millis(200), rx.recv())
            .await
            .is_err()
    );
    let d = sim.webhook_deliveries();
    assert_eq!(d.len(), 2);
    assert!(
        d.iter()
            .all(|d| d.status == Some(200) && d.vendor == Vendor::Carrot && d.url == url)
    );

    // Explicit sends.
    let body = sim.carrot_conversation_webhook(conv, None).unwrap();
    assert_eq!(sim.send_carrot_webhook(&url, body).await.unwrap(), 200);
    assert!(sim.carrot_conversation_webhook(1, None).is_none());
}

#[tokio::test]
async fn failed_carrot_deliveries_are_retried() {
    let (url, mut rx) = hook_receiver("/hook?key=secret", 500).await;
    let sim = Sim::builder().carrot_webhook(url).start().await.unwrap();
    let user = sim.carrot_user_ids()[0];
    carrot_post(&sim, &format!("/users/{user}/events"), &[("event", "x")]).await;
    for _ in 0..2 {
        tokio::time::timeout(STEP, rx.recv())
            .await
            .unwrap()
            .unwrap();
    }
    // The delivery is logged once the receiver's answer is in.
    let mut d = sim.webhook_deliveries();
    for _ in 0..100 {
        if d.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        d = sim.webhook_deliveries();
    }
    assert_eq!(
        d.iter().map(|d| d.attempt).take(2).collect::<Vec<_>>(),
        [1, 2]
    );
    assert!(d.iter().all(|d| d.status == Some(500)));
}

#[tokio::test]
async fn crisp_webhooks_carry_the_signing_headers() {
    let (url, mut rx) = hook_receiver("/hook?key=secret", 200).await;
    let sim = Sim::builder().start().await.unwrap();
    let site = sim.crisp_website_id();
    let status = sim
        .send_crisp_webhook(
            &url,
            "message:send",
            &site,
            json!({"content": "hi", "type": "text"}),
        )
        .await
        .unwrap();
    assert_eq!(status, 200);
    let (head, body) = tokio::time::timeout(STEP, rx.recv())
        .await
        .unwrap()
        .unwrap();
    let lower = head.to_ascii_lowercase();
    for h in [
        "x-crisp-signature:",
        "x-crisp-request-timestamp:",
        "x-crisp-hook-origin:",
        "content-type: application/json",
    ] {
        assert!(lower.contains(h), "missing {h} in {head}");
    }
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["event"], "message:send");
    assert_eq!(v["website_id"], site.as_str());
    assert_eq!(v["data"]["content"], "hi");
    // The signature is what the Crisp module computes over `[timestamp;body]`.
    let header = |name: &str| head_header(&head, name).unwrap_or_default().to_string();
    let ts = header("x-crisp-request-timestamp");
    let expected = chatdesk_sim::crisp::CrispSim::sign_webhook(
        sim.crisp_config().webhook_secret.as_bytes(),
        &ts,
        &body,
    );
    assert_eq!(header("x-crisp-signature"), expected);
    assert!(
        sim.send_crisp_webhook("https://example.invalid/", "x", &site, json!({}))
            .await
            .is_err()
    );
}
