//! Start, share, drop and shut down the in-process simulator.

mod common;

use std::time::Duration;

use chatdesk_sim::{Seed, Sim};
use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn assert_send_sync<T: Send + Sync + 'static>() {}

#[test]
fn the_handle_can_be_shared_across_tasks() {
    assert_send_sync::<Sim>();
}

async fn refused_or_closed(addr: std::net::SocketAddr) -> bool {
    match tokio::net::TcpStream::connect(addr).await {
        Err(_) => true,
        Ok(mut s) => {
            let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n").await;
            let mut buf = [0u8; 64];
            matches!(
                tokio::time::timeout(Duration::from_secs(2), s.read(&mut buf)).await,
                Ok(Ok(0)) | Ok(Err(_))
            )
        }
    }
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server_and_open_connections() {
    let sim = Sim::builder().seed(Seed::empty()).start().await.unwrap();
    let addr = sim.addr();
    // A keep-alive connection that has been served once.
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!(
        "GET /apps/{}/channels HTTP/1.1\r\nHost: x\r\nAuthorization: Token {}\r\n\r\n",
        sim.carrot_app_id(),
        sim.carrot_token()
    );
    conn.write_all(req.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 8192];
    let n = tokio::time::timeout(STEP, conn.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));

    drop(sim);
    // The open connection is closed…
    let n = tokio::time::timeout(STEP, conn.read(&mut buf))
        .await
        .unwrap()
        .unwrap_or(0);
    assert_eq!(n, 0, "keep-alive connection closed on drop");
    // …and nobody is served any more.
    let mut stopped = false;
    for _ in 0..50 {
        if refused_or_closed(addr).await {
            stopped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(stopped);
}

#[tokio::test]
async fn shutdown_waits_for_the_listener() {
    let sim = Sim::builder().start().await.unwrap();
    let addr = sim.addr();
    assert_eq!(
        carrot_get(&sim, &format!("/apps/{}/channels", sim.carrot_app_id()))
            .await
            .status,
        200
    );
    tokio::time::timeout(STEP, sim.shutdown())
        .await
        .expect("shutdown completes");
    assert!(refused_or_closed(addr).await);
}

#[tokio::test]
async fn two_simulators_are_independent() {
    let a = Sim::builder().start().await.unwrap();
    let b = Sim::builder().start().await.unwrap();
    assert_ne!(a.addr(), b.addr());
    let conv = a.carrot_conversation_ids()[0];
    carrot_post(
        &a,
        &format!("/conversations/{conv}/close"),
        &[("from_admin", "default_admin")],
    )
    .await;
    assert_eq!(
        ok_data(&carrot_get(&a, &format!("/conversations/{conv}")).await)["closed"],
        true
    );
    assert_eq!(
        ok_data(&carrot_get(&b, &format!("/conversations/{conv}")).await)["closed"],
        false
    );
    assert_eq!(a.write_counts().len(), 1);
    assert!(b.write_counts().keys().all(|k| k.starts_with("crisp:")));
}

#[tokio::test]
async fn summary_has_the_documented_fields() {
    let sim = Sim::builder()
        .crisp_credentials("id-1", "key-1")
        .carrot_token("app.5.x")
        .carrot_app_id(5)
        .start()
        .await
        .unwrap();
    let s = sim.summary();
    assert_eq!(s["crisp_identifier"], "id-1");
    assert_eq!(s["crisp_key"], "key-1");
    assert_eq!(s["carrot_token"], "app.5.x");
    assert_eq!(s["carrot_app_id"], 5);
    assert_eq!(s["crisp_base_url"], format!("http://{}/v1", sim.addr()));
    assert_eq!(s["carrot_base_url"], format!("http://{}", sim.addr()));
    assert_eq!(s["carrot_rts_url"], format!("ws://{}/rts", sim.addr()));
    assert_eq!(sim.crisp_credentials().identifier, "id-1");
}

#[tokio::test]
async fn http2_prior_knowledge_and_http1_share_the_port() {
    use http_body_util::{BodyExt as _, Empty};
    let sim = Sim::builder().http2(true).start().await.unwrap();
    let stream = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
    let (mut send, conn) = hyper::client::conn::http2::handshake(
        hyper_util::rt::TokioExecutor::new(),
        hyper_util::rt::TokioIo::new(stream),
    )
    .await
    .expect("h2c handshake");
    tokio::spawn(conn);
    let uri = format!(
        "http://{}/apps/{}/channels",
        sim.addr(),
        sim.carrot_app_id()
    );
    for _ in 0..3 {
        let req = http::Request::get(&uri)
            .header("authorization", token_header(&sim))
            .body(Empty::<bytes::Bytes>::new())
            .unwrap();
        let resp = tokio::time::timeout(STEP, send.send_request(req))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(resp.version(), http::Version::HTTP_2);
        assert_eq!(resp.status(), 200);
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["meta"]["status"], 200);
    }
    // HTTP/1.1 still works on the same port.
    assert_eq!(
        carrot_get(&sim, &uri[uri.find("/apps").unwrap()..])
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn write_count_accepts_crisp_keys_with_or_without_prefix() {
    let sim = Sim::builder().start().await.unwrap();
    let conv = sim.carrot_conversation_ids()[0];
    carrot_post(
        &sim,
        &format!("/conversations/{conv}/close"),
        &[("from_admin", "default_admin")],
    )
    .await;
    assert_eq!(sim.write_count(&format!("carrot:close:{conv}")), 1);
    assert_eq!(sim.write_count("carrot:close:0"), 0);
    // A Crisp write: create a conversation (Basic auth, plugin tier).
    let c = sim.crisp_credentials();
    use base64::Engine as _;
    let auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", c.identifier, c.key))
    );
    let r = request(
        sim.addr(),
        "POST",
        &format!("/v1/website/{}/conversation", c.website_id),
        &[
            ("Authorization", &auth),
            ("X-Crisp-Tier", c.tier.as_str()),
            ("Content-Type", "application/json"),
        ],
        b"{}",
    )
    .await
    .unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let crisp_keys: Vec<_> = sim
        .write_counts()
        .into_iter()
        .filter(|(k, _)| k.starts_with("crisp:"))
        .collect();
    assert!(!crisp_keys.is_empty());
    // Every Crisp key answers the same with and without `crisp:`.
    for (k, v) in crisp_keys {
        if let Some(bare) = k.strip_prefix("crisp:") {
            assert_eq!(sim.write_count(bare), v);
            assert_eq!(sim.write_count(&k), v);
        }
    }
    assert_eq!(sim.write_count("message:0"), 0);
}

/// Tests of clients often run on tokio's paused clock: an idle keep-alive connection must not be
/// closed by a server-side timer while virtual time jumps ahead.
#[tokio::test(start_paused = true)]
async fn keep_alive_survives_paused_clock_jumps() {
    let sim = Sim::builder().start().await.unwrap();
    let mut conn = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
    let req = format!(
        "GET /apps/{}/channels HTTP/1.1\r\nHost: x\r\nAuthorization: Token {}\r\n\r\n",
        sim.carrot_app_id(),
        sim.carrot_token()
    );
    let mut buf = vec![0u8; 8192];
    for _ in 0..2 {
        conn.write_all(req.as_bytes()).await.unwrap();
        let n = conn.read(&mut buf).await.unwrap();
        assert!(
            buf[..n].starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&buf[..n])
        );
        tokio::time::sleep(Duration::from_secs(120)).await;
    }
}
