//! One test per fault kind, with the write counters showing whether the state changed.

mod common;

use std::time::{Duration, Instant};

use chatdesk_sim::{ErrorBody, Fault, FaultKind, Nth, Sim, Vendor};
use common::*;
use http::Method;

async fn sim_with(fault: Fault) -> Sim {
    Sim::builder()
        .fault(fault)
        .start()
        .await
        .expect("sim starts")
}

fn reply_path(sim: &Sim) -> (u64, String) {
    let conv = sim.carrot_conversation_ids()[0];
    (conv, format!("/conversations/{conv}/reply"))
}

/// Sends a reply with `random_id` and returns the raw answer bytes (empty when closed).
async fn send_reply(sim: &Sim, path: &str, random_id: &str) -> Vec<u8> {
    let body = serde_urlencoded::to_string([
        ("body", "fault test"),
        ("from_admin", "default_admin"),
        ("random_id", random_id),
    ])
    .unwrap();
    let raw = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Token {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        sim.carrot_token(),
        body.len()
    );
    exchange_raw(sim.addr(), raw.as_bytes())
        .await
        .unwrap_or_default()
}

fn reply_fault(kind: FaultKind) -> Fault {
    Fault::new(kind)
        .method(Method::POST)
        .path("/conversations/*/reply")
        .nth(Nth::Only(1))
}

#[tokio::test]
async fn close_before_processing_drops_the_request_unapplied() {
    let sim = sim_with(reply_fault(FaultKind::CloseBeforeProcessing)).await;
    let (conv, path) = reply_path(&sim);
    assert!(
        send_reply(&sim, &path, "11").await.is_empty(),
        "no answer at all"
    );
    assert_eq!(sim.write_count(&format!("carrot:reply:{conv}:11")), 0);
    // The retry (second matching request) goes through and is applied once.
    let answer = send_reply(&sim, &path, "11").await;
    assert_eq!(parse(&answer).unwrap().status, 200);
    assert_eq!(sim.write_count(&format!("carrot:reply:{conv}:11")), 1);
    let log = sim.requests();
    assert_eq!(log[0].fault, Some("close_before"));
    assert!(!log[0].processed);
    assert_eq!(log[0].status, 0);
}

#[tokio::test]
async fn close_after_processing_applies_then_hangs_up() {
    let sim = sim_with(reply_fault(FaultKind::CloseAfterProcessing)).await;
    let (conv, path) = reply_path(&sim);
    assert!(send_reply(&sim, &path, "12").await.is_empty());
    assert_eq!(
        sim.write_count(&format!("carrot:reply:{conv}:12")),
        1,
        "applied although unanswered"
    );
    // A blind retry is a duplicate the counters reveal.
    send_reply(&sim, &path, "12").await;
    assert_eq!(sim.write_count(&format!("carrot:reply:{conv}:12")), 2);
    assert!(sim.requests()[0].processed);
}

#[tokio::test]
async fn status_faults_answer_json_or_html_without_processing() {
    let sim = sim_with(reply_fault(FaultKind::Status {
        status: 503,
        body: ErrorBody::Json,
    }))
    .await;
    let (conv, path) = reply_path(&sim);
    let r = parse(&send_reply(&sim, &path, "13").await).unwrap();
    assert_eq!(r.status, 503);
    assert_eq!(r.json()["meta"]["status"], 503);
    assert!(r.json()["meta"]["error"].is_string());
    assert_eq!(sim.write_count(&format!("carrot:reply:{conv}:13")), 0);

    sim.set_faults(vec![
        Fault::new(FaultKind::Status {
            status: 502,
            body: ErrorBody::Html,
        })
        .vendor(Vendor::Crisp),
    ]);
    let r = bare_get(sim.addr(), "/v1/website/abc/conversations/1").await;
    assert_eq!(r.status, 502);
    assert_eq!(r.header("content-type"), Some("text/html"));
    assert!(String::from_utf8_lossy(&r.body).contains("502 Bad Gateway"));
    // Carrot is not covered by that rule.
    assert_eq!(
        carrot_get(&sim, &format!("/conversations/{conv}"))
            .await
            .status,
        200
    );

    sim.set_faults(vec!["kind=status,status=500,vendor=crisp".parse().unwrap()]);
    let r = bare_get(sim.addr(), "/v1/website/abc/conversations/1").await;
    assert_eq!(r.status, 500);
    assert_eq!(r.json()["error"], true, "Crisp envelope");
}

#[tokio::test]
async fn truncated_body_declares_more_than_it_sends() {
    let sim = sim_with(reply_fault(FaultKind::TruncatedBody)).await;
    let (conv, path) = reply_path(&sim);
    let raw = send_reply(&sim, &path, "14").await;
    let err = parse(&raw).expect_err("must be truncated");
    assert!(err.contains("truncated"), "{err}");
    assert!(raw.starts_with(b"HTTP/1.1 200"));
    assert_eq!(sim.write_count(&format!("carrot:reply:{conv}:14")), 1);
}

#[tokio::test]
async fn invalid_json_after_processing() {
    let sim = sim_with(reply_fault(FaultKind::InvalidJson)).await;
    let (conv, path) = reply_path(&sim);
    let r = parse(&send_reply(&sim, &path, "15").await).unwrap();
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    assert_eq!(sim.write_count(&format!("carrot:reply:{conv}:15")), 1);
}

#[tokio::test]
async fn oversized_body_is_padded_valid_json() {
    let sim = sim_with(
        Fault::new(FaultKind::OversizedBody { bytes: 3 << 20 })
            .path("/apps/")
            .nth(Nth::Always),
    )
    .await;
    let r = carrot_get(&sim, &format!("/apps/{}/channels", sim.carrot_app_id())).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body.len(), 3 << 20);
    assert_eq!(
        r.json()["meta"]["status"],
        200,
        "still JSON after the padding"
    );
}

#[tokio::test]
async fn slow_headers_and_slow_body() {
    let sim = sim_with(Fault::new(FaultKind::Delay {
        headers: Duration::from_millis(150),
        body: Duration::ZERO,
    }))
    .await;
    let conv = sim.carrot_conversation_ids()[0];
    let t = Instant::now();
    let r = carrot_get(&sim, &format!("/conversations/{conv}")).await;
    assert_eq!(r.status, 200);
    assert!(t.elapsed() >= Duration::from_millis(150));

    sim.set_faults(vec![Fault::new(FaultKind::Delay {
        headers: Duration::ZERO,
        body: Duration::from_millis(200),
    })]);
    // The head arrives before the body is complete.
    let mut s = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let req = format!(
        "GET /conversations/{conv} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Token {}\r\n\r\n",
        sim.carrot_token()
    );
    let t = Instant::now();
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 1 << 16];
    let n = tokio::time::timeout(STEP, s.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    let first = t.elapsed();
    let mut all = buf[..n].to_vec();
    loop {
        let n = tokio::time::timeout(STEP, s.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        if n == 0 {
            break;
        }
        all.extend_from_slice(&buf[..n]);
    }
    let total = t.elapsed();
    assert!(total >= Duration::from_millis(190), "{total:?}");
    assert!(first < total, "body dribbled in");
    assert_eq!(parse(&all).unwrap().json()["meta"]["status"], 200);
}

#[tokio::test]
async fn every_nth_and_first_n_selection() {
    let sim = sim_with(
        Fault::new(FaultKind::Status {
            status: 500,
            body: ErrorBody::Json,
        })
        .path("/apps/*/channels")
        .nth(Nth::Every(2)),
    )
    .await;
    let path = format!("/apps/{}/channels", sim.carrot_app_id());
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(carrot_get(&sim, &path).await.status);
    }
    assert_eq!(statuses, [200, 500, 200, 500]);
    sim.set_faults(vec![
        "kind=close_before,path=/apps/,first=2".parse().unwrap(),
    ]);
    let auth = token_header(&sim);
    let mut outcomes = Vec::new();
    for _ in 0..3 {
        outcomes.push(
            request(sim.addr(), "GET", &path, &[("Authorization", &auth)], b"")
                .await
                .is_ok(),
        );
    }
    assert_eq!(outcomes, [false, false, true]);
}
