//! Carrot RTS in the simulator, driven by a raw tokio-tungstenite client that connects with the
//! vendor's URL layout and reads the `{id, channel, message, tag, time}` frames itself. The
//! messages are produced by REST writes (or injected) and counted against the simulator's
//! publish log. Every wait is bounded; everything is on loopback.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use chatdesk_sim::{Seed, Sim};
use common::*;
use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The longest any single step may take.
const WAIT: Duration = Duration::from_secs(5);
/// How long to listen for a message that must not come.
const QUIET: Duration = Duration::from_millis(300);

async fn sim() -> Sim {
    Sim::builder()
        .seed(Seed::default().conversations(2, 2))
        .start()
        .await
        .unwrap()
}

/// `{carrot_rts_url}/websocket/{channels}?auth_token=…` plus `extra` query parameters, exactly
/// the layout the vendor documents.
fn url(sim: &Sim, channels: &[String], token: &str, extra: &[(&str, &str)]) -> String {
    let mut q = vec![("auth_token", token)];
    q.extend_from_slice(extra);
    format!(
        "{}/websocket/{}?{}",
        sim.carrot_rts_url(),
        channels.join("/"),
        serde_urlencoded::to_string(&q).unwrap()
    )
}

async fn connect_with(
    sim: &Sim,
    channels: &[String],
    token: &str,
    extra: &[(&str, &str)],
) -> Result<Ws, WsError> {
    let u = url(sim, channels, token, extra);
    let (ws, _) = timeout(WAIT, tokio_tungstenite::connect_async(u))
        .await
        .expect("connect timed out")?;
    Ok(ws)
}

async fn connect(sim: &Sim, channels: &[String]) -> Ws {
    connect_with(sim, channels, sim.carrot_token(), &[])
        .await
        .expect("connect")
}

/// What the server sent next: a message, or the close code (`None` for a cut without a close
/// frame).
#[derive(Debug)]
enum Next {
    Msg(Value),
    Closed(Option<u16>),
}

async fn next_item(ws: &mut Ws, wait: Duration) -> Option<Next> {
    loop {
        let msg = timeout(wait, ws.next()).await.ok()?;
        return Some(match msg {
            Some(Ok(Message::Text(t))) => Next::Msg(serde_json::from_str(t.as_str()).unwrap()),
            Some(Ok(Message::Close(frame))) => Next::Closed(frame.map(|f| u16::from(f.code))),
            Some(Ok(_)) => continue,
            None | Some(Err(_)) => Next::Closed(None),
        });
    }
}

async fn next(ws: &mut Ws) -> Value {
    match next_item(ws, WAIT).await {
        Some(Next::Msg(v)) => v,
        other => panic!("expected a message, got {other:?}"),
    }
}

async fn nothing_more(ws: &mut Ws) {
    if let Some(Next::Msg(v)) = next_item(ws, QUIET).await {
        panic!("unexpected message {v}");
    }
}

async fn close_code(ws: &mut Ws) -> Option<u16> {
    match next_item(ws, WAIT).await {
        Some(Next::Closed(code)) => code,
        other => panic!("expected a close, got {other:?}"),
    }
}

fn ch(name: &str, sim: &Sim) -> String {
    format!("{name}.{}", sim.carrot_app_id())
}

fn chu(name: &str, sim: &Sim, user: u64) -> String {
    format!("{name}.{}.{user}", sim.carrot_app_id())
}

/// The first seeded conversation and its user.
async fn conversation(sim: &Sim) -> (u64, u64) {
    let conv = sim.carrot_conversation_ids()[0];
    let data = ok_data(&carrot_get(sim, &format!("/conversations/{conv}")).await);
    let user = data["user"]["id"].as_u64().expect("user id");
    (conv, user)
}

async fn reply(sim: &Sim, conv: u64, body: &str) -> Value {
    ok_data(
        &carrot_post(
            sim,
            &format!("/conversations/{conv}/reply"),
            &[("from_admin", "default_admin"), ("body", body)],
        )
        .await,
    )
}

/// A REST write: its path, its form fields and the channels it must publish on, in order.
type Write<'a> = (String, Vec<(&'a str, String)>, Vec<String>);

#[tokio::test]
async fn every_write_publishes_on_its_channels() {
    let sim = sim().await;
    let (conv, user) = conversation(&sim).await;
    let kinds_app_and_user = [
        "conversation",
        "conversation_reply",
        "conversation_typing",
        "conversation_read",
    ];
    let kinds_app = [
        "conversation_started_user",
        "conversation_assigned",
        "conversation_closed",
        "conversation_tag_added",
        "conversation_tag_deleted",
        "user_presence_changed",
    ];
    let kinds_user = ["user_props_changed", "event"];
    let mut channels: Vec<String> = Vec::new();
    for k in kinds_app_and_user {
        channels.push(ch(k, &sim));
        channels.push(chu(k, &sim, user));
    }
    channels.extend(kinds_app.iter().map(|k| ch(k, &sim)));
    channels.extend(kinds_user.iter().map(|k| chu(k, &sim, user)));
    let mut ws = connect(&sim, &channels).await;

    let path = |tail: &str| format!("/conversations/{conv}/{tail}");
    // Each write, and the channels it must publish on, in order.
    let admin = sim.carrot_admin_ids()[0].to_string();
    let writes: Vec<Write> = vec![
        (
            path("reply"),
            vec![
                ("from_admin", "default_admin".into()),
                ("body", "hello".into()),
            ],
            vec![
                ch("conversation_reply", &sim),
                chu("conversation_reply", &sim, user),
            ],
        ),
        (
            path("settyping"),
            vec![("from_user", "default_user".into()), ("body", "typ".into())],
            vec![
                ch("conversation_typing", &sim),
                chu("conversation_typing", &sim, user),
            ],
        ),
        (
            path("markread"),
            vec![],
            vec![
                ch("conversation_read", &sim),
                chu("conversation_read", &sim, user),
            ],
        ),
        (
            path("assign"),
            vec![("from_admin", admin.clone()), ("admin", admin.clone())],
            vec![ch("conversation_assigned", &sim)],
        ),
        (
            path("tag"),
            vec![("tag", "vip".into())],
            vec![ch("conversation_tag_added", &sim)],
        ),
        (
            path("tag"),
            vec![("tag", "vip".into()), ("action", "delete".into())],
            vec![ch("conversation_tag_deleted", &sim)],
        ),
        (
            path("close"),
            vec![("from_admin", admin.clone())],
            vec![ch("conversation_closed", &sim)],
        ),
        (
            format!("/users/{user}/props"),
            vec![(
                "operations",
                json!([{"op": "update_or_create", "key": "plan", "value": "gold"}]).to_string(),
            )],
            vec![chu("user_props_changed", &sim, user)],
        ),
        (
            format!("/users/{user}/events"),
            vec![("event", "paid".into())],
            vec![chu("event", &sim, user)],
        ),
        (
            format!("/users/{user}/setpresence"),
            vec![("presence", "online".into())],
            vec![ch("user_presence_changed", &sim)],
        ),
        (
            format!("/users/{user}/startconversation"),
            vec![("body", "new here".into())],
            vec![
                ch("conversation_started_user", &sim),
                ch("conversation", &sim),
                chu("conversation", &sim, user),
            ],
        ),
    ];
    let mut seen = BTreeSet::new();
    for (p, fields, expected) in &writes {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        ok_data(&carrot_post(&sim, p, &fields).await);
        for want in expected {
            let m = next(&mut ws).await;
            assert_eq!(&m["channel"], want, "after {p}: {m}");
            for key in ["id", "tag", "time", "message"] {
                assert!(m.get(key).is_some(), "{key} missing in {m}");
            }
            assert!(m["tag"].is_string(), "{m}");
            assert!(m["time"].as_str().unwrap().ends_with(" GMT"), "{m}");
            let id = m["id"].as_u64().unwrap();
            assert!(seen.insert(id), "id {id} delivered twice");
            assert_eq!(
                sim.carrot_rts().published(want).last(),
                Some(&id),
                "the publish log of {want}"
            );
            seen_payload(&m, conv, user);
        }
    }
    nothing_more(&mut ws).await;
    // Every channel subscribed got something.
    assert_eq!(
        sim.carrot_rts().publish_log().len(),
        channels.len(),
        "{:?}",
        sim.carrot_rts().publish_log().keys()
    );
}

/// Checks the payload fields each kind carries.
fn seen_payload(m: &Value, conv: u64, user: u64) {
    let channel = m["channel"].as_str().unwrap();
    let kind = channel.split('.').next().unwrap();
    let msg = &m["message"];
    match kind {
        "conversation_reply" => {
            assert_eq!(msg["conversation"], conv, "{m}");
            assert_eq!(msg["body"], "hello", "{m}");
            assert_eq!(msg["type"], "reply_admin", "{m}");
            assert!(msg.get("assignee").is_some(), "{m}");
        }
        "conversation_typing" => {
            assert_eq!(msg["from"], user, "{m}");
            assert_eq!(msg["body"], "typ", "{m}");
        }
        "conversation_tag_added" | "conversation_tag_deleted" => {
            assert_eq!(msg["tag"], "vip", "{m}")
        }
        "conversation_assigned" => assert!(msg["assignee"]["id"].is_u64(), "{m}"),
        "user_props_changed" => assert_eq!(msg["props"]["plan"], "gold", "{m}"),
        "event" => assert_eq!(msg["type"]["name"], "paid", "{m}"),
        "user_presence_changed" => assert_eq!(msg["presence"], "online", "{m}"),
        "conversation_started_user" | "conversation" => {
            assert_eq!(msg["user"]["id"], user, "{m}");
            assert_eq!(msg["part_last"]["body"], "new here", "{m}");
        }
        _ => assert_eq!(msg["conversation"], conv, "{m}"),
    }
}

#[tokio::test]
async fn a_reply_reaches_the_user_channel_of_its_conversation_only() {
    let sim = sim().await;
    let convs = sim.carrot_conversation_ids();
    let (conv, user) = conversation(&sim).await;
    let other = convs.iter().copied().find(|c| *c != conv).unwrap();
    let mut ws = connect(&sim, &[chu("conversation_reply", &sim, user)]).await;
    let other_user =
        ok_data(&carrot_get(&sim, &format!("/conversations/{other}")).await)["user"]["id"]
            .as_u64()
            .unwrap();
    assert_ne!(other_user, user);
    reply(&sim, other, "not for you").await;
    let mine = reply(&sim, conv, "for you").await;
    let m = next(&mut ws).await;
    assert_eq!(m["message"]["id"], mine["id"], "{m}");
    nothing_more(&mut ws).await;
}

#[tokio::test]
async fn resume_with_tag_and_time_gets_exactly_the_missed_ones() {
    let sim = sim().await;
    let (conv, _) = conversation(&sim).await;
    let channel = ch("conversation_reply", &sim);
    let mut ws = connect(&sim, std::slice::from_ref(&channel)).await;
    let mut last = Value::Null;
    for i in 0..3 {
        reply(&sim, conv, &format!("before {i}")).await;
        last = next(&mut ws).await;
    }
    ws.close(None).await.unwrap();
    drop(ws);
    for i in 0..4 {
        reply(&sim, conv, &format!("missed {i}")).await;
    }
    let log = sim.carrot_rts().published(&channel);
    assert_eq!(log.len(), 7);
    assert_eq!(last["id"], log[2]);

    let tag = last["tag"].as_str().unwrap();
    let time = last["time"].as_str().unwrap();
    let mut ws = connect_with(
        &sim,
        std::slice::from_ref(&channel),
        sim.carrot_token(),
        &[("tag", tag), ("time", time)],
    )
    .await
    .unwrap();
    let mut got = Vec::new();
    for _ in 0..4 {
        let m = next(&mut ws).await;
        assert!(
            m["message"]["body"].as_str().unwrap().starts_with("missed"),
            "{m}"
        );
        got.push(m["id"].as_u64().unwrap());
    }
    assert_eq!(got, log[3..]);
    // Then live messages follow, nothing repeated in between.
    let live = reply(&sim, conv, "live").await;
    let m = next(&mut ws).await;
    assert_eq!(m["message"]["id"], live["id"]);
    nothing_more(&mut ws).await;
    let last = m;

    // Resuming from the newest message replays nothing.
    drop(ws);
    let mut ws = connect_with(
        &sim,
        std::slice::from_ref(&channel),
        sim.carrot_token(),
        &[
            ("tag", last["tag"].as_str().unwrap()),
            ("time", last["time"].as_str().unwrap()),
        ],
    )
    .await
    .unwrap();
    let p = sim.carrot_rts().inject(&channel, json!({"marker": true}));
    let m = next(&mut ws).await;
    assert_eq!(m["id"], p.id, "{m}");
    assert_eq!(sim.carrot_rts().stats().replayed, 4);
}

#[tokio::test]
async fn a_resume_older_than_the_buffer_gets_what_is_kept_and_is_counted() {
    let sim = sim().await;
    sim.carrot_rts().set_replay_capacity(2);
    let channel = ch("conversation_reply", &sim);
    let first = sim.carrot_rts().inject(&channel, json!({"n": 0}));
    let kept = sim.carrot_rts().buffered(&channel);
    assert_eq!(kept.len(), 1);
    let (tag, time) = (kept[0]["tag"].clone(), kept[0]["time"].clone());
    for n in 1..=3 {
        sim.carrot_rts().inject(&channel, json!({"n": n}));
    }
    let mut ws = connect_with(
        &sim,
        std::slice::from_ref(&channel),
        sim.carrot_token(),
        &[
            ("tag", tag.as_str().unwrap()),
            ("time", time.as_str().unwrap()),
        ],
    )
    .await
    .unwrap();
    assert_eq!(next(&mut ws).await["message"]["n"], 2);
    assert_eq!(next(&mut ws).await["message"]["n"], 3);
    nothing_more(&mut ws).await;
    assert_eq!(sim.carrot_rts().stats().replay_gaps, 1);
    assert_eq!(sim.carrot_rts().published(&channel)[0], first.id);
}

#[tokio::test]
async fn a_bad_or_expired_token_is_closed_with_3401() {
    let sim = sim().await;
    let channels = [ch("conversation_reply", &sim)];
    let mut ws = connect_with(&sim, &channels, "wrong", &[]).await.unwrap();
    assert_eq!(close_code(&mut ws).await, Some(3401));

    sim.carrot_rts().expire_token_next(1);
    let mut ws = connect_with(&sim, &channels, sim.carrot_token(), &[])
        .await
        .unwrap();
    assert_eq!(close_code(&mut ws).await, Some(3401));
    // Only the next one: the token works again.
    let mut ws = connect(&sim, &channels).await;
    let p = sim.carrot_rts().inject(&channels[0], json!({}));
    assert_eq!(next(&mut ws).await["id"], p.id);
    let s = sim.carrot_rts().stats();
    assert_eq!(
        (s.connection_attempts, s.closed_unauthorized, s.subscribed),
        (3, 2, 1)
    );
}

#[tokio::test]
async fn fifty_one_channels_or_none_permitted_are_closed_with_3403() {
    let sim = sim().await;
    let fifty: Vec<String> = (0..50).map(|u| chu("event", &sim, u)).collect();
    let mut ws = connect(&sim, &fifty).await;
    let p = sim.carrot_rts().inject(&fifty[49], json!({}));
    assert_eq!(next(&mut ws).await["id"], p.id);

    let mut fifty_one = fifty.clone();
    fifty_one.push(chu("event", &sim, 50));
    let mut ws = connect(&sim, &fifty_one).await;
    assert_eq!(close_code(&mut ws).await, Some(3403));

    let other_app = sim.carrot_app_id() + 1;
    let foreign = vec![format!("conversation_reply.{other_app}")];
    let mut ws = connect(&sim, &foreign).await;
    assert_eq!(close_code(&mut ws).await, Some(3403));
    assert_eq!(sim.carrot_rts().stats().closed_forbidden, 2);
}

#[tokio::test]
async fn channels_not_permitted_beside_permitted_ones_are_ignored() {
    let sim = sim().await;
    let mine = ch("conversation_reply", &sim);
    let foreign = format!("conversation_reply.{}", sim.carrot_app_id() + 1);
    let mut ws = connect(&sim, &[foreign.clone(), mine.clone()]).await;
    sim.carrot_rts().inject(&foreign, json!({"n": 1}));
    let p = sim.carrot_rts().inject(&mine, json!({"n": 2}));
    let m = next(&mut ws).await;
    assert_eq!(
        (m["id"].as_u64(), &m["channel"]),
        (Some(p.id), &json!(mine))
    );
}

#[tokio::test]
async fn a_refused_upgrade_answers_502_then_the_next_one_connects() {
    let sim = sim().await;
    let channels = [ch("conversation_reply", &sim)];
    sim.carrot_rts().refuse_next(1, 502);
    match connect_with(&sim, &channels, sim.carrot_token(), &[]).await {
        Err(WsError::Http(resp)) => assert_eq!(resp.status(), 502),
        other => panic!("expected a 502, got {other:?}"),
    }
    sim.carrot_rts().refuse_next(1, 503);
    match connect_with(&sim, &channels, sim.carrot_token(), &[]).await {
        Err(WsError::Http(resp)) => assert_eq!(resp.status(), 503),
        other => panic!("expected a 503, got {other:?}"),
    }
    let mut ws = connect(&sim, &channels).await;
    let p = sim.carrot_rts().inject(&channels[0], json!({}));
    assert_eq!(next(&mut ws).await["id"], p.id);
    let s = sim.carrot_rts().stats();
    assert_eq!((s.connection_attempts, s.connections_refused), (3, 2));
}

#[tokio::test]
async fn drop_all_cuts_every_socket_without_a_close_frame() {
    let sim = sim().await;
    let channels = [ch("conversation_reply", &sim)];
    let mut a = connect(&sim, &channels).await;
    let mut b = connect(&sim, &channels).await;
    assert_eq!(sim.carrot_rts().stats().open_sockets, 2);
    assert_eq!(sim.carrot_rts().drop_all(), 2);
    assert_eq!(close_code(&mut a).await, None);
    assert_eq!(close_code(&mut b).await, None);
    for _ in 0..50 {
        if sim.carrot_rts().stats().open_sockets == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(sim.carrot_rts().stats().open_sockets, 0);
    // A new connection after the drop works.
    let mut c = connect(&sim, &channels).await;
    let p = sim.carrot_rts().inject(&channels[0], json!({}));
    assert_eq!(next(&mut c).await["id"], p.id);
}

#[tokio::test]
async fn malformed_subscriptions_are_answered_400() {
    let sim = sim().await;
    let token = sim.carrot_token().to_owned();
    type Case<'a> = (&'a [String], Vec<(&'a str, &'a str)>);
    let cases: [Case; 3] = [
        (&[], vec![]),
        (&[ch("conversation", &sim)], vec![("time", "yesterday")]),
        (&[ch("conversation", &sim)], vec![("tag", "1")]),
    ];
    for (channels, extra) in &cases {
        match connect_with(&sim, channels, &token, extra).await {
            Err(WsError::Http(resp)) => assert_eq!(resp.status(), 400, "{channels:?} {extra:?}"),
            other => panic!("expected a 400, got {other:?}"),
        }
    }
    // No slash after `websocket` at all: no channel either.
    let bare = format!("{}/websocket?auth_token={token}", sim.carrot_rts_url());
    match timeout(WAIT, tokio_tungstenite::connect_async(bare))
        .await
        .unwrap()
    {
        Err(WsError::Http(resp)) => assert_eq!(resp.status(), 400),
        other => panic!("expected a 400, got {other:?}"),
    }
    assert_eq!(sim.carrot_rts().stats().bad_requests, 4);
}

#[tokio::test]
async fn the_http_control_routes_drive_the_same_server() {
    let sim = sim().await;
    let channel = ch("conversation_reply", &sim);
    let post = |path: &'static str, body: Value| {
        let addr = sim.addr();
        async move {
            let body = body.to_string();
            let r = request(
                addr,
                "POST",
                path,
                &[("Content-Type", "application/json")],
                body.as_bytes(),
            )
            .await
            .unwrap();
            assert_eq!(
                r.status,
                200,
                "{path}: {}",
                String::from_utf8_lossy(&r.body)
            );
            r.json()
        }
    };
    let mut ws = connect(&sim, std::slice::from_ref(&channel)).await;
    let injected = post(
        "/_sim/rts/inject",
        json!({"channel": channel, "message": {"x": 1}}),
    )
    .await;
    assert_eq!(injected["sockets"], 1);
    let m = next(&mut ws).await;
    assert_eq!(
        (&m["id"], &m["message"]),
        (&injected["id"], &json!({"x": 1}))
    );

    assert_eq!(post("/_sim/rts/drop", json!({})).await["dropped"], 1);
    post("/_sim/rts/refuse", json!({"count": 1, "status": 502})).await;
    match connect_with(
        &sim,
        std::slice::from_ref(&channel),
        sim.carrot_token(),
        &[],
    )
    .await
    {
        Err(WsError::Http(resp)) => assert_eq!(resp.status(), 502),
        other => panic!("expected a 502, got {other:?}"),
    }
    post("/_sim/rts/expire", json!({})).await;
    let mut ws = connect(&sim, std::slice::from_ref(&channel)).await;
    assert_eq!(close_code(&mut ws).await, Some(3401));

    assert_eq!(
        post("/_sim/rts/queue", json!({"messages": 3})).await["messages"],
        3
    );
    assert_eq!(
        post("/_sim/rts/replay", json!({"capacity": 5})).await["capacity"],
        5
    );
    post("/_sim/rts/ping", json!({"interval_ms": 0})).await;
    assert_eq!(sim.carrot_rts().ping_interval(), None);
    post("/_sim/rts/ping", json!({"interval_ms": 1500})).await;
    assert_eq!(
        sim.carrot_rts().ping_interval(),
        Some(Duration::from_millis(1500))
    );
    let stats = request(sim.addr(), "GET", "/_sim/rts/stats", &[], b"")
        .await
        .unwrap()
        .json();
    assert_eq!(stats["connection_attempts"], 3, "{stats}");
    assert_eq!(stats["connections_refused"], 1, "{stats}");
    assert_eq!(stats["closed_unauthorized"], 1, "{stats}");
    assert_eq!(stats["ping_interval_ms"], 1500, "{stats}");
    let log = request(sim.addr(), "GET", "/_sim/rts/log", &[], b"")
        .await
        .unwrap()
        .json();
    assert_eq!(log[&channel], json!([injected["id"]]), "{log}");
    for (path, body) in [
        ("/_sim/rts/refuse", &br#"{"status": 500}"#[..]),
        ("/_sim/rts/replay", br#"{"capacity": 0}"#),
        ("/_sim/rts/inject", br#"{"message": {}}"#),
        ("/_sim/rts/expire", br#"[1]"#),
    ] {
        let bad = request(sim.addr(), "POST", path, &[], body).await.unwrap();
        assert_eq!(bad.status, 400, "{path}");
    }
    let wrong = request(sim.addr(), "GET", "/_sim/rts/drop", &[], b"")
        .await
        .unwrap();
    assert_eq!(wrong.status, 405);
}

#[tokio::test]
async fn a_burst_is_delivered_in_order_and_matches_the_publish_log() {
    let sim = sim().await;
    let (conv, user) = conversation(&sim).await;
    let channel = chu("conversation_reply", &sim, user);
    let mut ws = connect(&sim, std::slice::from_ref(&channel)).await;
    for i in 0..30 {
        reply(&sim, conv, &format!("burst {i}")).await;
    }
    let mut ids = Vec::new();
    for i in 0..30 {
        let m = next(&mut ws).await;
        assert_eq!(m["message"]["body"], format!("burst {i}"));
        ids.push(m["id"].as_u64().unwrap());
    }
    assert_eq!(ids, sim.carrot_rts().published(&channel));
    let stamps: Vec<(u64, u64)> = sim
        .carrot_rts()
        .buffered(&channel)
        .iter()
        .map(|m| {
            let t = httpdate_secs(m["time"].as_str().unwrap());
            (t, m["tag"].as_str().unwrap().parse().unwrap())
        })
        .collect();
    assert!(stamps.windows(2).all(|w| w[0] < w[1]), "{stamps:?}");
}

fn httpdate_secs(s: &str) -> u64 {
    httpdate::parse_http_date(s)
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test]
async fn the_ping_channel_ticks_while_subscribed_and_can_be_silenced() {
    let sim = sim().await;
    sim.carrot_rts()
        .set_ping_interval(Some(Duration::from_millis(50)));
    // Nobody listens on `ping`: nothing is published there.
    let mut other = connect(&sim, &[ch("conversation_reply", &sim)]).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(sim.carrot_rts().published("ping").is_empty());
    nothing_more(&mut other).await;

    let mut ws = connect(&sim, &["ping".to_owned()]).await;
    let a = next(&mut ws).await;
    let b = next(&mut ws).await;
    assert_eq!(
        (&a["channel"], &b["channel"]),
        (&json!("ping"), &json!("ping"))
    );
    assert!(b["id"].as_u64() > a["id"].as_u64(), "{a} {b}");

    sim.carrot_rts().set_ping_interval(None);
    // At most one tick may have been queued before the switch.
    let _ = next_item(&mut ws, Duration::from_millis(100)).await;
    nothing_more(&mut ws).await;
}

/// The JSON type of a value, for comparing shapes.
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[tokio::test]
async fn a_user_reply_has_every_field_of_the_vendors_example() {
    // `tests/data/carrot-examples/rts_conversation_reply.json`: the `conversation_reply` message
    // body published on https://developers.dashly.io/rts/channels/conversation_reply (copied
    // verbatim from the reference material's carrot-examples/).
    let example: Value = serde_json::from_str(include_str!(
        "data/carrot-examples/rts_conversation_reply.json"
    ))
    .unwrap();
    let sim = sim().await;
    let (conv, user) = conversation(&sim).await;
    let admin = sim.carrot_admin_ids()[0].to_string();
    ok_data(
        &carrot_post(
            &sim,
            &format!("/conversations/{conv}/assign"),
            &[("from_admin", admin.as_str()), ("admin", admin.as_str())],
        )
        .await,
    );
    let mut ws = connect(&sim, &[ch("conversation_reply", &sim)]).await;
    ok_data(
        &carrot_post(
            &sim,
            &format!("/conversations/{conv}/reply"),
            &[
                ("from_user", "default_user"),
                ("body", "Reply test"),
                ("random_id", "1650977560"),
            ],
        )
        .await,
    );
    let got = next(&mut ws).await["message"].clone();
    let mut missing = Vec::new();
    for (path, want, have) in [
        ("", &example, &got),
        (".assignee", &example["assignee"], &got["assignee"]),
    ] {
        for (k, w) in want.as_object().unwrap() {
            match have.get(k) {
                Some(h) if json_type(h) == json_type(w) => {}
                other => missing.push(format!(
                    "{path}.{k}: {other:?} instead of a {}",
                    json_type(w)
                )),
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?} in {got}");
    assert_eq!(
        (
            &got["type"],
            &got["from"],
            &got["conversation"],
            &got["random_id"]
        ),
        (
            &json!("reply_user"),
            &json!(user),
            &json!(conv),
            &json!(1_650_977_560u64)
        )
    );
}

#[tokio::test]
async fn what_the_client_sends_is_ignored_and_its_pings_are_answered() {
    use futures_util::SinkExt;
    let sim = sim().await;
    let channel = ch("conversation_reply", &sim);
    let mut ws = connect(&sim, std::slice::from_ref(&channel)).await;
    ws.send(Message::text("hello?")).await.unwrap();
    ws.send(Message::Ping(b"probe".to_vec().into()))
        .await
        .unwrap();
    let pong = timeout(WAIT, ws.next()).await.unwrap().unwrap().unwrap();
    assert_eq!(pong, Message::Pong(b"probe".to_vec().into()));
    let p = sim.carrot_rts().inject(&channel, json!({}));
    assert_eq!(next(&mut ws).await["id"], p.id);
}

/// Collects messages until `n` arrived or the socket ends; returns them and whether it ended.
async fn collect(ws: &mut Ws, n: usize) -> (Vec<Value>, bool) {
    let mut got = Vec::new();
    while got.len() < n {
        match next_item(ws, WAIT).await {
            Some(Next::Msg(m)) => got.push(m),
            Some(Next::Closed(_)) => return (got, true),
            None => panic!("no message in time after {}", got.len()),
        }
    }
    (got, false)
}

async fn resume(sim: &Sim, channel: &str, last: &Value) -> Ws {
    connect_with(
        sim,
        &[channel.to_owned()],
        sim.carrot_token(),
        &[
            ("tag", last["tag"].as_str().unwrap()),
            ("time", last["time"].as_str().unwrap()),
        ],
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_drop_in_the_middle_of_a_burst_loses_and_repeats_nothing_after_a_resume() {
    let sim = std::sync::Arc::new(sim().await);
    let (conv, user) = conversation(&sim).await;
    let channel = chu("conversation_reply", &sim, user);
    let mut ws = connect(&sim, std::slice::from_ref(&channel)).await;
    let total = 40;
    let writer = {
        let sim = std::sync::Arc::clone(&sim);
        tokio::spawn(async move {
            for i in 0..total {
                reply(&sim, conv, &format!("burst {i}")).await;
            }
        })
    };
    let (mut got, ended) = collect(&mut ws, 10).await;
    assert!(!ended);
    sim.carrot_rts().drop_all();
    // Whatever was already on the wire still arrives, then the cut.
    let (more, ended) = collect(&mut ws, total).await;
    assert!(ended, "the socket was cut");
    got.extend(more);
    let mut ws = resume(&sim, &channel, got.last().unwrap()).await;
    writer.await.unwrap();
    let left = total - got.len();
    let (rest, ended) = collect(&mut ws, left).await;
    assert!(!ended);
    got.extend(rest);
    nothing_more(&mut ws).await;
    let ids: Vec<u64> = got.iter().map(|m| m["id"].as_u64().unwrap()).collect();
    assert_eq!(
        ids,
        sim.carrot_rts().published(&channel),
        "in order, once each"
    );
    for (i, m) in got.iter().enumerate() {
        assert_eq!(m["message"]["body"], format!("burst {i}"));
    }
}

#[tokio::test]
async fn a_client_that_does_not_read_is_cut_and_resumes_without_loss() {
    let sim = sim().await;
    sim.carrot_rts().set_socket_queue(2);
    let channel = ch("conversation_reply", &sim);
    // A small receive buffer, so the server's writes block after a few MiB.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(16 * 1024).unwrap();
    let stream = socket.connect(sim.addr()).await.unwrap();
    let (mut ws, _) = tokio_tungstenite::client_async(
        url(
            &sim,
            std::slice::from_ref(&channel),
            sim.carrot_token(),
            &[],
        ),
        MaybeTlsStream::Plain(stream),
    )
    .await
    .unwrap();
    let pad = "x".repeat(64 * 1024);
    let total = 200;
    for i in 0..total {
        sim.carrot_rts()
            .inject(&channel, json!({"n": i, "pad": pad}));
        if sim.carrot_rts().stats().dropped_slow > 0 {
            break;
        }
        tokio::task::yield_now().await;
    }
    for _ in 0..100 {
        if sim.carrot_rts().stats().dropped_slow > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        sim.carrot_rts().stats().dropped_slow,
        1,
        "the slow socket was cut"
    );
    let published = sim.carrot_rts().published(&channel);
    assert!(published.len() < total, "cut before the end");
    let (mut got, ended) = collect(&mut ws, published.len()).await;
    assert!(ended, "the socket ends after what was on the wire");
    assert!(
        !got.is_empty() && got.len() < published.len(),
        "{}",
        got.len()
    );
    let mut ws = resume(&sim, &channel, got.last().unwrap()).await;
    let (rest, ended) = collect(&mut ws, published.len() - got.len()).await;
    assert!(!ended);
    got.extend(rest);
    let ids: Vec<u64> = got.iter().map(|m| m["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, published);
}

#[tokio::test]
async fn a_message_sent_to_a_user_opens_a_conversation_but_no_user_start() {
    let sim = sim().await;
    let (_, user) = conversation(&sim).await;
    let channels = [
        ch("conversation", &sim),
        ch("conversation_reply", &sim),
        ch("conversation_started_user", &sim),
    ];
    let mut ws = connect(&sim, &channels).await;
    let sent = ok_data(
        &carrot_post(
            &sim,
            &format!("/users/{user}/sendmessage"),
            &[("body", "promo")],
        )
        .await,
    );
    let conv = next(&mut ws).await;
    assert_eq!(conv["channel"], channels[0]);
    assert_eq!(conv["message"]["id"], sent["conversation"]);
    let part = next(&mut ws).await;
    assert_eq!(part["channel"], channels[1]);
    assert_eq!(
        (&part["message"]["type"], &part["message"]["body"]),
        (&json!("reply_admin"), &json!("promo"))
    );
    nothing_more(&mut ws).await;
}
