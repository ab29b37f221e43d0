//! The RTM server's bookkeeping and scripted failures, over real loopback sockets with a raw
//! websocket client: the bind throttle, the request log and frame counters, and fault rules on
//! the RTM path. Every wait is bounded by [`WAIT`].

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use crate::{CrispTier, ErrorBody, Fault, FaultKind, Nth, Sim};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const WAIT: Duration = Duration::from_secs(3);

fn url(sim: &Sim) -> String {
    format!("{}?EIO=4&transport=websocket", sim.crisp_rtm_url())
}

async fn connect(sim: &Sim) -> Result<Ws, tokio_tungstenite::tungstenite::Error> {
    let (ws, _) = timeout(WAIT, tokio_tungstenite::connect_async(url(sim)))
        .await
        .expect("connect timed out")?;
    Ok(ws)
}

/// The next text frame, or `None` once the socket is closed.
async fn frame(ws: &mut Ws) -> Option<String> {
    loop {
        match timeout(WAIT, ws.next()).await.expect("no frame in time") {
            Some(Ok(Message::Text(t))) => return Some(t.as_str().to_owned()),
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
            Some(Ok(_)) => {}
        }
    }
}

async fn emit(ws: &mut Ws, name: &str, arg: Value) {
    ws.send(Message::text(format!("42{}", json!([name, arg]))))
        .await
        .unwrap();
}

/// A socket through the handshake, authenticated with the plugin keypair, bound to `events`.
async fn authenticated(sim: &Sim, events: &[&str]) -> Ws {
    let mut ws = connect(sim).await.unwrap();
    assert!(frame(&mut ws).await.unwrap().starts_with("0{"));
    ws.send(Message::text("40")).await.unwrap();
    assert!(frame(&mut ws).await.unwrap().starts_with("40{"));
    let kp = sim
        .crisp_config()
        .keypair(CrispTier::Plugin)
        .unwrap()
        .clone();
    emit(
        &mut ws,
        "authentication",
        json!({"tier": "plugin", "username": kp.identifier, "password": kp.key, "events": events}),
    )
    .await;
    assert_eq!(frame(&mut ws).await.unwrap(), r#"42["authenticated",true]"#);
    ws
}

/// Waits (bounded) until `cond` holds on the simulator's RTM counters.
async fn until(sim: &Sim, what: &str, cond: impl Fn(&super::RtmStats) -> bool) {
    timeout(WAIT, async {
        while !cond(&sim.crisp_rtm().stats()) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap_or_else(|_| {
        panic!(
            "timed out waiting for {what}: {:?}",
            sim.crisp_rtm().stats()
        )
    });
}

/// How many sockets a `message:send` on the first website reaches now.
fn message_send_reaches(sim: &Sim) -> usize {
    let website = sim.crisp_website_id();
    sim.crisp_rtm()
        .inject("message:send", &website, json!({"website_id": website}))
}

#[tokio::test]
async fn a_socket_bind_sooner_than_the_interval_is_ignored_and_counted() {
    let sim = Sim::builder().start().await.unwrap();
    assert_eq!(sim.crisp_rtm().bind_interval(), Duration::from_millis(2500));
    sim.crisp_rtm()
        .set_bind_interval(Duration::from_millis(300));
    let mut ws = authenticated(&sim, &["message:send"]).await;
    assert_eq!(message_send_reaches(&sim), 1);
    // (event, its `events`, wait before it in ms, then: binds throttled so far, whether a
    // `message:send` reaches the socket).
    let steps: [(&str, &str, u64, u64, bool); 5] = [
        // The first bind is applied: it replaces the bound events.
        ("socket:bind", "session:set_state", 0, 0, false),
        // The second, at once, is received but not applied.
        ("socket:bind", "message:send", 0, 1, false),
        // push / pop are not throttled.
        ("socket:bind:push", "message:send", 0, 1, true),
        ("socket:bind:pop", "message:send", 0, 1, false),
        // After the interval, a bind is applied again.
        ("socket:bind", "message:send", 350, 1, true),
    ];
    for (i, (name, events, wait_ms, throttled, reaches)) in steps.into_iter().enumerate() {
        tokio::time::sleep(Duration::from_millis(wait_ms)).await;
        emit(&mut ws, name, json!({ "events": [events] })).await;
        let received = i as u64 + 1;
        until(&sim, name, |s| s.binds == received).await;
        let step = format!("step {i}: {name} {events}");
        assert_eq!(sim.crisp_rtm().stats().binds_throttled, throttled, "{step}");
        assert_eq!(message_send_reaches(&sim) == 1, reaches, "{step}");
    }
}

#[tokio::test]
async fn upgrades_are_in_the_request_log_and_frames_are_counted() {
    let sim = Sim::builder().start().await.unwrap();
    sim.crisp_rtm().refuse_next(1);
    assert!(connect(&sim).await.is_err());
    let mut ws = authenticated(&sim, &["message:send"]).await;
    let rtm: Vec<_> = sim
        .requests()
        .into_iter()
        .filter(|r| r.route_class == "rtm")
        .collect();
    assert_eq!(rtm.len(), 2, "{rtm:?}");
    assert_eq!(rtm.iter().map(|r| r.status).collect::<Vec<_>>(), [503, 101]);
    assert!(rtm.iter().all(|r| r.method == "GET" && r.path == "/rtm/"));
    assert!(rtm[1].query.contains("EIO=4") && rtm[1].processed && !rtm[0].processed);
    // Sent: open, `40{sid}`, `authenticated`; received: `40`, `authentication`.
    let stats = sim.crisp_rtm().stats();
    assert_eq!(
        (stats.frames_sent, stats.frames_received),
        (3, 2),
        "{stats:?}"
    );
    assert_eq!(message_send_reaches(&sim), 1);
    assert!(
        frame(&mut ws)
            .await
            .unwrap()
            .starts_with(r#"42["message:send""#)
    );
    ws.send(Message::text("3")).await.unwrap();
    until(&sim, "the pong to be read", |s| s.frames_received == 3).await;
    assert_eq!(sim.crisp_rtm().stats().frames_sent, 4);
}

#[tokio::test]
async fn fault_rules_on_the_rtm_path_break_upgrades_as_their_kind_says() {
    let sim = Sim::builder().start().await.unwrap();
    let on_rtm = |kind: FaultKind| Fault::new(kind).path("/rtm/").nth(Nth::First(1));

    sim.set_faults(vec![on_rtm(FaultKind::Status {
        status: 502,
        body: ErrorBody::Json,
    })]);
    let err = connect(&sim).await.unwrap_err();
    assert!(err.to_string().contains("502"), "{err}");

    sim.set_faults(vec![on_rtm(FaultKind::CloseBeforeProcessing)]);
    assert!(connect(&sim).await.is_err());

    sim.set_faults(vec![on_rtm(FaultKind::CloseAfterProcessing)]);
    let mut ws = connect(&sim).await.unwrap();
    assert_eq!(frame(&mut ws).await, None);

    sim.set_faults(vec![on_rtm(FaultKind::InvalidJson)]);
    let mut ws = connect(&sim).await.unwrap();
    let open = frame(&mut ws).await.unwrap();
    assert!(serde_json::from_str::<Value>(&open[1..]).is_err(), "{open}");
    assert_eq!(frame(&mut ws).await, None);

    sim.set_faults(vec![on_rtm(FaultKind::TruncatedBody)]);
    let mut ws = connect(&sim).await.unwrap();
    let open = frame(&mut ws).await.unwrap();
    assert!(open.starts_with("0{") && !open.ends_with('}'), "{open}");
    assert_eq!(frame(&mut ws).await, None);

    // The rule hit only its first match: the next upgrade opens normally.
    drop(authenticated(&sim, &[]).await);
    let faults: Vec<_> = sim
        .requests()
        .into_iter()
        .filter(|r| r.route_class == "rtm")
        .map(|r| (r.status, r.fault))
        .collect();
    assert_eq!(
        faults,
        [
            (502, Some("status")),
            (0, Some("close_before")),
            (101, Some("close_after")),
            (101, Some("invalid_json")),
            (101, Some("truncated")),
            (101, None),
        ]
    );
    // A rule on REST paths only leaves RTM alone.
    sim.set_faults(vec![
        Fault::new(FaultKind::CloseBeforeProcessing).path("/v1/"),
    ]);
    drop(authenticated(&sim, &[]).await);
}
