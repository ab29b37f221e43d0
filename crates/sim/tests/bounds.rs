//! The simulator's own resource bounds (`Limits`): open connections, request-body bytes held
//! across connections, request-log record size and the time allowed for a request head and body. Every
//! assertion is on counts and bytes; the only clock is a generous safety bound on each step.

mod common;

use std::time::Duration;

use chatdesk_sim::{Limits, Sim};
use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Polls `done` until it holds, for at most [`STEP`] (the server updates its counters when a
/// connection task notices the client, a moment after the client acted).
async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + STEP;
    while !done() {
        assert!(tokio::time::Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

fn channels_request(sim: &Sim) -> String {
    format!(
        "GET /apps/{}/channels HTTP/1.1\r\nHost: x\r\nAuthorization: Token {}\r\n\r\n",
        sim.carrot_app_id(),
        sim.carrot_token()
    )
}

/// Sends one keep-alive request on `conn` and returns the first bytes of the answer.
async fn ask(conn: &mut TcpStream, req: &str) -> Vec<u8> {
    let mut buf = vec![0u8; 16 * 1024];
    tokio::time::timeout(STEP, conn.write_all(req.as_bytes()))
        .await
        .unwrap()
        .unwrap();
    let n = tokio::time::timeout(STEP, conn.read(&mut buf))
        .await
        .unwrap()
        .unwrap_or(0);
    buf.truncate(n);
    buf
}

/// Reads until the server closes `conn` (end of stream or reset); returns what it sent first.
async fn until_closed(conn: &mut TcpStream) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(STEP, conn.read(&mut buf))
            .await
            .expect("the server should close the connection")
        {
            Ok(0) | Err(_) => return out,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
}

#[tokio::test]
async fn connections_over_the_limit_are_closed_at_accept_and_counted() {
    let sim = Sim::builder().max_connections(3).start().await.unwrap();
    let req = channels_request(&sim);
    let mut open = Vec::new();
    for _ in 0..3 {
        let mut c = TcpStream::connect(sim.addr()).await.unwrap();
        assert!(ask(&mut c, &req).await.starts_with(b"HTTP/1.1 200"));
        open.push(c);
    }
    assert_eq!(sim.open_connections(), 3);
    // Two more: each is closed without an answer, whatever it sends.
    for n in 1..=2u64 {
        let mut extra = TcpStream::connect(sim.addr()).await.unwrap();
        let _ = extra.write_all(req.as_bytes()).await;
        let answer = until_closed(&mut extra).await;
        assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
        assert_eq!(sim.refused_connections(), n);
    }
    assert_eq!(sim.open_connections(), 3);
    assert_eq!(
        sim.total_requests(),
        3,
        "refused connections reach no handler"
    );
    // A slot frees when a client leaves; the next connection is served.
    drop(open.pop());
    eventually("a closed connection frees its slot", || {
        sim.open_connections() == 2
    })
    .await;
    let mut again = TcpStream::connect(sim.addr()).await.unwrap();
    assert!(ask(&mut again, &req).await.starts_with(b"HTTP/1.1 200"));
    assert_eq!(sim.open_connections(), 3);
    assert_eq!(sim.refused_connections(), 2);
}

/// Starts a reply whose body is `held` bytes long, sends only part of it (declared with
/// `Content-Length`, or as one unfinished chunk), and waits until the server holds it.
async fn hold_body(sim: &Sim, held: usize, chunked: bool) -> TcpStream {
    let conv = sim.carrot_conversation_ids()[0];
    let mut c = TcpStream::connect(sim.addr()).await.unwrap();
    let framing = if chunked {
        "Transfer-Encoding: chunked".to_string()
    } else {
        format!("Content-Length: {held}")
    };
    let head = format!(
        "POST /conversations/{conv}/reply HTTP/1.1\r\nHost: x\r\nAuthorization: Token {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\n{framing}\r\n\r\n",
        sim.carrot_token()
    );
    c.write_all(head.as_bytes()).await.unwrap();
    if chunked {
        // One chunk of `held` bytes, and no last chunk: the body never ends.
        c.write_all(format!("{held:x}\r\n").as_bytes())
            .await
            .unwrap();
        c.write_all(&vec![b'b'; held]).await.unwrap();
    } else {
        c.write_all(b"body=").await.unwrap();
    }
    eventually("the first body is held", || sim.body_bytes_held() == held).await;
    c
}

#[tokio::test]
async fn a_body_over_the_global_budget_gets_503_and_is_not_applied() {
    const BUDGET: usize = 1024 * 1024;
    const HELD: usize = 700 * 1024;
    for chunked in [false, true] {
        let sim = Sim::builder()
            .body_budget_bytes(BUDGET)
            .start()
            .await
            .unwrap();
        let user = sim.carrot_user_ids()[0];
        let pad = "p".repeat(400 * 1024);
        let form = format!("event=over-budget&pad={pad}");
        let event_head = format!(
            "POST /users/{user}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Token {}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
            sim.carrot_token(),
            form.len()
        );
        let events = |sim: &Sim| {
            sim.write_counts()
                .keys()
                .filter(|k| k.starts_with(&format!("carrot:event:{user}:over-budget")))
                .count()
        };

        let first = hold_body(&sim, HELD, chunked).await;
        // 700 KiB held + 400 KiB declared > 1 MiB: refused before its body is read.
        let mut second = TcpStream::connect(sim.addr()).await.unwrap();
        second.write_all(event_head.as_bytes()).await.unwrap();
        let answer = parse(&until_closed(&mut second).await).unwrap();
        assert_eq!(answer.status, 503, "chunked={chunked}");
        assert_eq!(answer.header("retry-after"), Some("1"));
        assert_eq!(answer.json()["meta"]["status"], 503);
        assert_eq!(events(&sim), 0, "a refused write is not applied");
        let refused = sim.requests().into_iter().last().unwrap();
        assert_eq!((refused.status, refused.processed), (503, false));
        assert_eq!(
            sim.body_bytes_held(),
            HELD,
            "the refused body holds nothing"
        );

        // The first client gives up: its bytes are given back, and the same write now fits.
        drop(first);
        eventually("an aborted body is released", || sim.body_bytes_held() == 0).await;
        let path = format!("/users/{user}/events");
        let r = carrot_send(&sim, "POST", &path, FORM, form.as_bytes()).await;
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        assert_eq!(events(&sim), 1);
        assert_eq!(sim.body_bytes_held(), 0, "an answered body is released");
    }
}

#[tokio::test]
async fn long_paths_and_queries_are_cut_in_the_request_log() {
    let sim = Sim::builder().start().await.unwrap();
    let limit = Limits::default().log_field_bytes;
    let long = "q".repeat(60 * 1024);
    let paths = [
        format!("/apps/{}/channels?pad={long}", sim.carrot_app_id()),
        format!("/conversations/{long}"),
    ];
    for _ in 0..20 {
        for p in &paths {
            carrot_get(&sim, p).await;
        }
    }
    carrot_get(&sim, "/conversations/1?short=1").await;
    let log = sim.requests();
    assert_eq!(log.len(), 41);
    let (long_records, short) = log.split_at(40);
    for r in long_records {
        assert!(r.truncated, "{} bytes of path", r.path.len());
        assert!(r.path.len() <= limit && r.query.len() <= limit);
        assert!(
            r.path.len() + r.query.len() >= limit,
            "the cut keeps the limit"
        );
    }
    let kept: usize = log.iter().map(|r| r.path.len() + r.query.len()).sum();
    assert!(kept <= 41 * 2 * limit, "{kept} bytes kept");
    assert_eq!(
        (short[0].path.as_str(), short[0].query.as_str()),
        ("/conversations/1", "short=1")
    );
    assert!(!short[0].truncated);
}

#[tokio::test]
async fn half_sent_heads_are_closed_after_the_header_read_timeout() {
    let sim = Sim::builder()
        .header_read_timeout(Duration::from_millis(200))
        .start()
        .await
        .unwrap();
    let mut conns = Vec::new();
    for _ in 0..20 {
        let mut c = TcpStream::connect(sim.addr()).await.unwrap();
        c.write_all(b"GET /apps/1/channels HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        conns.push(c);
    }
    for c in &mut conns {
        let answer = until_closed(c).await;
        assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    }
    eventually("every half-sent connection is gone", || {
        sim.open_connections() == 0
    })
    .await;
    assert_eq!(
        sim.total_requests(),
        0,
        "no half-sent head reached a handler"
    );
    // A whole request on a fresh connection is still served.
    let mut c = TcpStream::connect(sim.addr()).await.unwrap();
    assert!(
        ask(&mut c, &channels_request(&sim))
            .await
            .starts_with(b"HTTP/1.1 200")
    );
}

#[tokio::test]
async fn half_sent_bodies_get_408_after_the_body_read_timeout() {
    let sim = Sim::builder()
        .body_read_timeout(Duration::from_millis(200))
        .start()
        .await
        .unwrap();
    let user = sim.carrot_user_ids()[0];
    let mut conns = Vec::new();
    for _ in 0..10 {
        let mut c = TcpStream::connect(sim.addr()).await.unwrap();
        let head = format!(
            "POST /users/{user}/events HTTP/1.1\r\nHost: x\r\nAuthorization: Token {}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nevent=slow",
            sim.carrot_token()
        );
        c.write_all(head.as_bytes()).await.unwrap();
        conns.push(c);
    }
    for c in &mut conns {
        let answer = parse(&until_closed(c).await).unwrap();
        assert_eq!(answer.status, 408);
        assert_eq!(answer.json()["meta"]["status"], 408);
    }
    eventually("every half-sent body is gone", || {
        sim.open_connections() == 0
    })
    .await;
    assert_eq!(sim.body_bytes_held(), 0);
    let log = sim.requests();
    assert_eq!(log.len(), 10);
    assert!(log.iter().all(|r| r.status == 408 && !r.processed));
    assert!(!sim.write_counts().keys().any(|k| k.contains(":slow")));
}

#[test]
fn limits_parse_from_a_spec_on_top_of_the_defaults() {
    let l: Limits = "connections=8,body_budget=2MiB,header_timeout=500ms"
        .parse()
        .unwrap();
    assert_eq!(l.max_connections, 8);
    assert_eq!(l.body_budget_bytes, 2 * 1024 * 1024);
    assert_eq!(l.header_read_timeout, Some(Duration::from_millis(500)));
    assert_eq!(l.max_body_bytes, Limits::default().max_body_bytes);
    let off = l
        .with_spec("header_timeout=off,body_timeout=off,log_field=64KiB")
        .unwrap();
    assert_eq!(off.header_read_timeout, None);
    assert_eq!(off.body_read_timeout, None);
    assert_eq!(off.log_field_bytes, 64 * 1024);
    for bad in ["connections=x", "nope=1", "max_body", "log_field=1TiB"] {
        assert!(bad.parse::<Limits>().is_err(), "{bad}");
    }
}
