//! Crisp RTM in the simulator, driven by a raw websocket client that writes and reads
//! Engine.IO / Socket.IO text frames itself, so the tests see exactly what goes on the wire.
//! Every wait is bounded (a few seconds at most); everything is on loopback.

mod common;

use std::time::Duration;

use chatdesk_sim::{CrispKeypair, CrispTier, Sim};
use common::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The longest any single step may take.
const WAIT: Duration = Duration::from_secs(3);

fn url(sim: &Sim, eio: u8) -> String {
    format!("{}?EIO={eio}&transport=websocket", sim.crisp_rtm_url())
}

async fn connect_raw(sim: &Sim, eio: u8) -> Result<Ws, tokio_tungstenite::tungstenite::Error> {
    let (ws, _) = timeout(WAIT, tokio_tungstenite::connect_async(url(sim, eio)))
        .await
        .expect("connect timed out")?;
    Ok(ws)
}

/// The next text frame (pings are answered and skipped unless `keep_pings`); `None` on close.
async fn next_frame(ws: &mut Ws, keep_pings: bool) -> Option<String> {
    loop {
        let msg = timeout(WAIT, ws.next()).await.expect("no frame in time");
        match msg {
            Some(Ok(Message::Text(t))) => {
                let t = t.as_str().to_owned();
                if t == "2" && !keep_pings {
                    ws.send(Message::text("3")).await.ok()?;
                    continue;
                }
                return Some(t);
            }
            Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return None,
            Some(Ok(_)) => continue,
        }
    }
}

async fn next(ws: &mut Ws) -> String {
    next_frame(ws, false).await.expect("socket closed")
}

/// Connects, reads the open packet and joins the default namespace; returns the open packet.
async fn open(sim: &Sim) -> (Ws, Value) {
    let mut ws = connect_raw(sim, 4).await.expect("connect");
    let open = next(&mut ws).await;
    assert!(open.starts_with('0'), "open packet: {open}");
    let open: Value = serde_json::from_str(&open[1..]).unwrap();
    ws.send(Message::text("40")).await.unwrap();
    let connected = next(&mut ws).await;
    assert!(connected.starts_with("40{"), "connect answer: {connected}");
    let c: Value = serde_json::from_str(&connected[2..]).unwrap();
    assert!(c["sid"].is_string());
    (ws, open)
}

fn event(frame: &str) -> (String, Value) {
    assert!(frame.starts_with("42"), "not an event: {frame}");
    let v: Value = serde_json::from_str(&frame[2..]).unwrap();
    (v[0].as_str().unwrap().to_owned(), v[1].clone())
}

async fn emit(ws: &mut Ws, name: &str, arg: Value) {
    ws.send(Message::text(format!("42{}", json!([name, arg]))))
        .await
        .unwrap();
}

fn keypair(sim: &Sim, tier: CrispTier) -> CrispKeypair {
    sim.crisp_config().keypair(tier).unwrap().clone()
}

async fn authenticate(ws: &mut Ws, kp: &CrispKeypair, events: &[&str]) -> (String, Value) {
    emit(
        ws,
        "authentication",
        json!({"tier": kp.tier.as_str(), "username": kp.identifier, "password": kp.key, "events": events}),
    )
    .await;
    event(&next(ws).await)
}

/// Opens a socket authenticated with the default (plugin) keypair, bound to `events`.
async fn bound(sim: &Sim, events: &[&str]) -> Ws {
    let (mut ws, _) = open(sim).await;
    let kp = keypair(sim, CrispTier::Plugin);
    let (name, arg) = authenticate(&mut ws, &kp, events).await;
    assert_eq!((name.as_str(), arg), ("authenticated", json!(true)));
    ws
}

async fn crisp(sim: &Sim, method: &str, path: &str, body: Value) -> Resp {
    let kp = keypair(sim, CrispTier::Plugin);
    let auth = kp.authorization();
    let body = if body.is_null() {
        Vec::new()
    } else {
        body.to_string().into_bytes()
    };
    let mut headers = vec![("Authorization", auth.as_str()), ("X-Crisp-Tier", "plugin")];
    if !body.is_empty() {
        headers.push(("Content-Type", "application/json"));
    }
    request(sim.addr(), method, &format!("/v1{path}"), &headers, &body)
        .await
        .unwrap()
}

async fn send_message(sim: &Sim, from: &str, fingerprint: i64, text: &str) {
    let (w, s) = (sim.crisp_website_id(), sim.crisp_config().session_id());
    let r = crisp(
        sim,
        "POST",
        &format!("/website/{w}/conversation/{s}/message"),
        json!({"type": "text", "from": from, "origin": "chat", "content": text, "fingerprint": fingerprint}),
    )
    .await;
    assert!(
        r.status < 300,
        "send message: {} {}",
        r.status,
        String::from_utf8_lossy(&r.body)
    );
}

/// Waits (bounded) until the server has processed `n` bind events.
/// PATCHes the state of the conversation at `path` to `state` and checks it was accepted.
async fn set_state(sim: &Sim, path: &str, state: &str) {
    assert!(
        crisp(sim, "PATCH", path, json!({ "state": state }))
            .await
            .status
            < 300
    );
}

/// Sends the bind frame `frame` with `events`, then waits for the simulator's `binds`-th bind.
async fn rebind(ws: &mut Ws, sim: &Sim, frame: &str, events: &[&str], binds: u64) {
    emit(ws, frame, json!({ "events": events })).await;
    binds_reach(sim, binds).await;
}

async fn binds_reach(sim: &Sim, n: u64) {
    for _ in 0..300 {
        if sim.crisp_rtm().stats().binds >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the bind was not processed");
}

#[tokio::test]
async fn discovery_points_at_the_rtm_path_with_a_rescue_url() {
    let sim = Sim::builder().start().await.unwrap();
    for (tier, path) in [
        (CrispTier::Plugin, "/v1/plugin/connect/endpoints".to_owned()),
        (
            CrispTier::Website,
            "/v1/website/connect/endpoints".to_owned(),
        ),
        (CrispTier::User, "/v1/user/connect/endpoints".to_owned()),
        (
            CrispTier::Plugin,
            format!("/v1/website/{}/connect/endpoints", sim.crisp_website_id()),
        ),
    ] {
        let kp = keypair(&sim, tier);
        let auth = kp.authorization();
        let r = request(
            sim.addr(),
            "GET",
            &path,
            &[("Authorization", &auth), ("X-Crisp-Tier", tier.as_str())],
            b"",
        )
        .await
        .unwrap();
        assert_eq!(r.status, 200, "{path}");
        let data = r.json()["data"].clone();
        assert_eq!(data["socket"]["app"], sim.crisp_rtm_url(), "{path}");
        let rescue = data["rescue"]["socket"]["app"].as_str().unwrap();
        assert!(rescue.starts_with(&sim.crisp_rtm_url()) && rescue != sim.crisp_rtm_url());
    }
    // The rescue URL serves RTM too.
    let kp = keypair(&sim, CrispTier::Plugin);
    let (mut ws, _) = timeout(
        WAIT,
        tokio_tungstenite::connect_async(format!(
            "{}rescue/?EIO=4&transport=websocket",
            sim.crisp_rtm_url()
        )),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(next(&mut ws).await.starts_with('0'));
    ws.send(Message::text("40")).await.unwrap();
    assert!(next(&mut ws).await.starts_with("40"));
    assert_eq!(authenticate(&mut ws, &kp, &[]).await.0, "authenticated");
}

#[tokio::test]
async fn handshake_announces_the_ping_settings_and_the_server_pings_in_ms() {
    let sim = Sim::builder().start().await.unwrap();
    sim.crisp_rtm().set_ping(120, 400);
    let (mut ws, open) = open(&sim).await;
    assert_eq!(open["pingInterval"], 120);
    assert_eq!(open["pingTimeout"], 400);
    assert_eq!(open["upgrades"], json!([]));
    assert!(open["maxPayload"].as_u64().unwrap() > 0);
    // Two pings arrive (well within the 3 s step) and both pongs are counted.
    for _ in 0..2 {
        assert_eq!(next_frame(&mut ws, true).await.as_deref(), Some("2"));
        ws.send(Message::text("3")).await.unwrap();
    }
    assert_eq!(next_frame(&mut ws, true).await.as_deref(), Some("2"));
    let s = sim.crisp_rtm().stats();
    assert!(s.pings_sent >= 3 && s.pongs_received >= 2, "{s:?}");
    assert_eq!(s.open_sockets, 1);
}

#[tokio::test]
async fn a_socket_that_stops_answering_pings_is_closed_after_ping_timeout() {
    let sim = Sim::builder().start().await.unwrap();
    sim.crisp_rtm().set_ping(50, 100);
    let (mut ws, _) = open(&sim).await;
    // Read without answering: the server gives up and closes.
    let mut pings = 0;
    while let Some(f) = next_frame(&mut ws, true).await {
        assert_eq!(f, "2");
        pings += 1;
    }
    assert_eq!(pings, 1, "one ping, no pong, closed");
}

#[tokio::test]
async fn a_silent_server_sends_no_pings_and_ignored_pongs_close_the_socket() {
    let sim = Sim::builder().start().await.unwrap();
    let rtm = sim.crisp_rtm();
    rtm.set_ping(40, 60);
    rtm.set_pinging(false);
    let (mut ws, _) = open(&sim).await;
    // Nothing arrives while pings are off: a bounded read sees no frame.
    let quiet = timeout(Duration::from_millis(300), ws.next()).await;
    assert!(quiet.is_err(), "unexpected frame: {quiet:?}");
    assert_eq!(rtm.stats().pings_sent, 0);
    // Pings on again, pongs ignored: the socket is closed after one ping.
    rtm.set_answer_pings(false);
    rtm.set_pinging(true);
    assert_eq!(next_frame(&mut ws, true).await.as_deref(), Some("2"));
    ws.send(Message::text("3")).await.unwrap();
    assert_eq!(next_frame(&mut ws, true).await, None);
}

#[tokio::test]
async fn a_rest_message_is_pushed_with_the_same_fingerprint() {
    let sim = Sim::builder().start().await.unwrap();
    let mut ws = bound(&sim, &["message:send", "message:received"]).await;
    send_message(&sim, "user", 424242, "hello from the visitor").await;
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(name, "message:send");
    assert_eq!(data["fingerprint"], 424242);
    assert_eq!(data["website_id"], sim.crisp_website_id());
    assert_eq!(data["session_id"], sim.crisp_config().session_id());
    assert_eq!(data["content"], "hello from the visitor");
    assert_eq!(data["from"], "user");
    assert_eq!(data["type"], "text");
    assert!(data["timestamp"].is_i64());
    send_message(&sim, "operator", 515151, "an answer").await;
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(name, "message:received");
    assert_eq!(data["fingerprint"], 515151);
    assert_eq!(sim.crisp_rtm().stats().pushed, 2);
}

#[tokio::test]
async fn writes_push_the_events_the_live_api_sends() {
    let sim = Sim::builder().start().await.unwrap();
    let names = [
        "message:updated",
        "message:removed",
        "message:compose:send",
        "message:compose:receive",
        "session:set_state",
        "session:set_block",
        "session:set_segments",
        "session:set_data",
        "session:set_routing",
        "session:removed",
        "people:profile:created",
        "people:profile:updated",
        "people:profile:removed",
    ];
    let mut ws = bound(&sim, &names).await;
    let (w, s) = (sim.crisp_website_id(), sim.crisp_config().session_id());
    send_message(&sim, "user", 777, "to be edited").await; // not bound: no push
    let conv = format!("/website/{w}/conversation/{s}");
    let steps: Vec<(&str, String, Value, &str)> = vec![
        (
            "PATCH",
            format!("{conv}/message/777"),
            json!({"content": "edited"}),
            "message:updated",
        ),
        (
            "DELETE",
            format!("{conv}/message/777"),
            Value::Null,
            "message:removed",
        ),
        (
            "PATCH",
            format!("{conv}/compose"),
            json!({"type": "start", "from": "user", "excerpt": "typ"}),
            "message:compose:send",
        ),
        (
            "PATCH",
            format!("{conv}/compose"),
            json!({"type": "start", "from": "operator"}),
            "message:compose:receive",
        ),
        (
            "PATCH",
            format!("{conv}/state"),
            json!({"state": "resolved"}),
            "session:set_state",
        ),
        (
            "PATCH",
            format!("{conv}/block"),
            json!({"blocked": true}),
            "session:set_block",
        ),
        (
            "PATCH",
            format!("{conv}/meta"),
            json!({"segments": ["vip"]}),
            "session:set_segments",
        ),
        (
            "PATCH",
            format!("{conv}/meta"),
            json!({"data": {"plan": "pro"}}),
            "session:set_data",
        ),
        (
            "PATCH",
            format!("{conv}/routing"),
            json!({"assigned": {"user_id": sim.crisp_config().seeded_operator_id(0, 0)}}),
            "session:set_routing",
        ),
        (
            "POST",
            format!("/website/{w}/people/profile"),
            json!({"email": "rtm@example.com", "person": {"nickname": "R"}}),
            "people:profile:created",
        ),
    ];
    for (method, path, body, want) in steps {
        let r = crisp(&sim, method, &path, body.clone()).await;
        assert!(
            r.status < 300,
            "{method} {path}: {} {}",
            r.status,
            String::from_utf8_lossy(&r.body)
        );
        let (name, data) = event(&next(&mut ws).await);
        assert_eq!(name, want, "{method} {path}");
        assert_eq!(data["website_id"], w);
        if want.starts_with("session:") || want.starts_with("message:") {
            assert_eq!(data["session_id"], s, "{want}");
        }
        match want {
            "message:updated" => {
                assert_eq!(data["fingerprint"], 777);
                assert_eq!(data["content"], "edited");
            }
            "message:removed" => assert_eq!(data["fingerprint"], 777),
            "session:set_state" => assert_eq!(data["state"], "resolved"),
            "session:set_block" => assert_eq!(data["blocked"], true),
            "session:set_segments" => assert_eq!(data["segments"], json!(["vip"])),
            "session:set_data" => assert_eq!(data["data"]["plan"], "pro"),
            "people:profile:created" => {
                assert_eq!(data["email"], "rtm@example.com");
                let id = data["people_id"].as_str().unwrap().to_owned();
                let p = format!("/website/{w}/people/profile/{id}");
                let r = crisp(&sim, "PATCH", &p, json!({"person": {"nickname": "Q"}})).await;
                assert!(r.status < 300);
                let (name, data) = event(&next(&mut ws).await);
                assert_eq!(
                    (name.as_str(), &data["people_id"]),
                    ("people:profile:updated", &json!(id))
                );
                let r = crisp(&sim, "DELETE", &p, Value::Null).await;
                assert!(r.status < 300);
                let (name, data) = event(&next(&mut ws).await);
                assert_eq!(
                    (name.as_str(), &data["people_id"]),
                    ("people:profile:removed", &json!(id))
                );
            }
            _ => {}
        }
    }
    let r = crisp(&sim, "DELETE", &conv, Value::Null).await;
    assert!(r.status < 300);
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(
        (name.as_str(), &data["session_id"]),
        ("session:removed", &json!(s))
    );
}

#[tokio::test]
async fn unbound_events_are_not_pushed_and_bind_push_pop_change_that() {
    let sim = Sim::builder().start().await.unwrap();
    let mut ws = bound(&sim, &["message:send"]).await;
    let (w, s) = (sim.crisp_website_id(), sim.crisp_config().session_id());
    let state = format!("/website/{w}/conversation/{s}/state");
    // Not bound: the state change is not pushed, so the next frame is the later message.
    set_state(&sim, &state, "resolved").await;
    send_message(&sim, "user", 1001, "one").await;
    assert_eq!(event(&next(&mut ws).await).0, "message:send");
    rebind(&mut ws, &sim, "socket:bind:push", &["session:set_state"], 1).await;
    set_state(&sim, &state, "pending").await;
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(
        (name.as_str(), &data["state"]),
        ("session:set_state", &json!("pending"))
    );
    rebind(&mut ws, &sim, "socket:bind:pop", &["session:set_state"], 2).await;
    set_state(&sim, &state, "resolved").await;
    send_message(&sim, "user", 1002, "two").await;
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(
        (name.as_str(), &data["fingerprint"]),
        ("message:send", &json!(1002))
    );
    // `socket:bind` with a list replaces the bound events.
    rebind(&mut ws, &sim, "socket:bind", &["session:set_state"], 3).await;
    send_message(&sim, "user", 1003, "three").await;
    set_state(&sim, &state, "pending").await;
    assert_eq!(event(&next(&mut ws).await).0, "session:set_state");
}

#[tokio::test]
async fn rooms_narrow_the_websites_pushed() {
    let sim = Sim::builder().start().await.unwrap();
    let (mut ws, _) = open(&sim).await;
    let kp = keypair(&sim, CrispTier::Plugin);
    let other = sim.crisp_config().website_ids[1].clone();
    emit(
        &mut ws,
        "authentication",
        json!({"tier": "plugin", "username": kp.identifier, "password": kp.key,
               "events": ["message:send"], "rooms": [other]}),
    )
    .await;
    assert_eq!(event(&next(&mut ws).await).0, "authenticated");
    send_message(&sim, "user", 31, "first website").await;
    let s2 = sim.crisp_config().seeded_session_id(1, 0);
    let r = crisp(
        &sim,
        "POST",
        &format!("/website/{other}/conversation/{s2}/message"),
        json!({"type": "text", "from": "user", "origin": "chat", "content": "second", "fingerprint": 32}),
    )
    .await;
    assert!(r.status < 300);
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(
        (name.as_str(), &data["fingerprint"]),
        ("message:send", &json!(32))
    );
}

#[tokio::test]
async fn a_wrong_keypair_is_unauthorized_then_closed() {
    let sim = Sim::builder().start().await.unwrap();
    let (mut ws, _) = open(&sim).await;
    let mut kp = keypair(&sim, CrispTier::Plugin);
    kp.key.push('x');
    let (name, arg) = authenticate(&mut ws, &kp, &["message:send"]).await;
    assert_eq!(name, "unauthorized");
    assert!(arg["message"].is_string());
    assert_eq!(
        next_frame(&mut ws, false).await,
        None,
        "closed after unauthorized"
    );
    // The right keypair with the wrong tier is refused too.
    let (mut ws, _) = open(&sim).await;
    let mut kp = keypair(&sim, CrispTier::Plugin);
    kp.tier = CrispTier::User;
    assert_eq!(authenticate(&mut ws, &kp, &[]).await.0, "unauthorized");
    let s = sim.crisp_rtm().stats();
    assert_eq!(
        (s.authentications, s.unauthorized, s.authenticated),
        (2, 2, 0)
    );
    assert_eq!(s.connection_attempts, 2);
}

#[tokio::test]
async fn control_unauthorize_refuse_and_drop() {
    let sim = Sim::builder().start().await.unwrap();
    let rtm = sim.crisp_rtm();
    rtm.unauthorize_next(1);
    let (mut ws, _) = open(&sim).await;
    let kp = keypair(&sim, CrispTier::Plugin);
    assert_eq!(authenticate(&mut ws, &kp, &[]).await.0, "unauthorized");
    let (mut ws, _) = open(&sim).await;
    assert_eq!(authenticate(&mut ws, &kp, &[]).await.0, "authenticated");

    rtm.refuse_next(2);
    for _ in 0..2 {
        match connect_raw(&sim, 4).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
                assert_eq!(resp.status(), 503)
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    let (mut ws2, _) = open(&sim).await;
    let s = rtm.stats();
    assert_eq!((s.connection_attempts, s.connections_refused), (5, 2));
    assert_eq!(s.open_sockets, 2);

    assert_eq!(rtm.drop_all(), 2);
    assert_eq!(next_frame(&mut ws, false).await, None);
    assert_eq!(next_frame(&mut ws2, false).await, None);
    for _ in 0..300 {
        if rtm.stats().open_sockets == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(rtm.stats().open_sockets, 0);
}

#[tokio::test]
async fn http_control_routes() {
    let sim = Sim::builder().start().await.unwrap();
    let post = |path: &'static str, body: Value| {
        let addr = sim.addr();
        async move {
            let b = body.to_string();
            request(
                addr,
                "POST",
                path,
                &[("Content-Type", "application/json")],
                b.as_bytes(),
            )
            .await
            .unwrap()
        }
    };
    let r = post(
        "/_sim/rtm/heartbeat",
        json!({"ping_interval_ms": 150, "ping_timeout_ms": 250}),
    )
    .await;
    assert_eq!(r.status, 200);
    let (mut ws, open_packet) = open(&sim).await;
    assert_eq!(
        (
            open_packet["pingInterval"].clone(),
            open_packet["pingTimeout"].clone()
        ),
        (json!(150), json!(250))
    );
    let kp = keypair(&sim, CrispTier::Plugin);
    assert_eq!(
        authenticate(&mut ws, &kp, &["custom:thing"]).await.0,
        "authenticated"
    );
    let w = sim.crisp_website_id();
    let r = post(
        "/_sim/rtm/inject",
        json!({"event": "custom:thing", "website_id": w, "data": {"website_id": w, "x": 1}}),
    )
    .await;
    assert_eq!((r.status, r.json()["sockets"].clone()), (200, json!(1)));
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!((name.as_str(), &data["x"]), ("custom:thing", &json!(1)));
    // Not bound: injected but reaches nobody.
    let r = post("/_sim/rtm/inject", json!({"event": "other", "data": {}})).await;
    assert_eq!(r.json()["sockets"], 0);

    let r = request(sim.addr(), "GET", "/_sim/rtm/stats", &[], b"")
        .await
        .unwrap();
    let stats = r.json();
    assert_eq!(stats["authenticated"], 1);
    assert_eq!(stats["open_sockets"], 1);
    assert_eq!(stats["heartbeat"]["ping_interval_ms"], 150);

    assert_eq!(
        post("/_sim/rtm/unauthorize", json!({"count": 1}))
            .await
            .status,
        200
    );
    assert_eq!(
        post("/_sim/rtm/refuse", json!({"count": 1})).await.status,
        200
    );
    assert!(connect_raw(&sim, 4).await.is_err());
    let (mut ws2, _) = open(&sim).await;
    assert_eq!(authenticate(&mut ws2, &kp, &[]).await.0, "unauthorized");
    let r = post("/_sim/rtm/drop", json!({})).await;
    assert_eq!(r.json()["dropped"], 1);
    assert_eq!(next_frame(&mut ws, false).await, None);

    assert_eq!(
        post("/_sim/rtm/refuse", json!({"count": -1})).await.status,
        400
    );
    assert_eq!(post("/_sim/rtm/nope", json!({})).await.status, 404);
    let r = request(sim.addr(), "GET", "/_sim/rtm/inject", &[], b"")
        .await
        .unwrap();
    assert_eq!(r.status, 405);
    // Polling (or a plain GET) is not served: websocket only.
    let r = request(sim.addr(), "GET", "/rtm/?EIO=4&transport=polling", &[], b"")
        .await
        .unwrap();
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn an_eio3_client_is_connected_at_once_and_its_pings_answered() {
    let sim = Sim::builder().start().await.unwrap();
    sim.crisp_rtm().set_ping(1000, 1000);
    let mut ws = connect_raw(&sim, 3).await.unwrap();
    assert!(next(&mut ws).await.starts_with('0'));
    assert_eq!(next(&mut ws).await, "40");
    ws.send(Message::text("2")).await.unwrap();
    assert_eq!(next(&mut ws).await, "3");
    let kp = keypair(&sim, CrispTier::Plugin);
    assert_eq!(
        authenticate(&mut ws, &kp, &["message:send"]).await.0,
        "authenticated"
    );
    send_message(&sim, "user", 99, "eio3").await;
    let (name, data) = event(&next(&mut ws).await);
    assert_eq!(
        (name.as_str(), &data["fingerprint"]),
        ("message:send", &json!(99))
    );
}

#[tokio::test]
async fn a_write_goes_to_rtm_and_to_the_crisp_web_hook_as_the_same_event() {
    let (url, mut hooks) = hook_receiver("/hooks", 200).await;
    let sim = Sim::builder()
        .crisp_webhook(url.clone())
        .start()
        .await
        .unwrap();
    let mut ws = bound(&sim, &["message:send"]).await;
    send_message(&sim, "user", 6060, "both ways").await;
    let (name, data) = event(&next(&mut ws).await);
    let (head, body) = timeout(WAIT, hooks.recv()).await.unwrap().unwrap();
    let hook: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(hook["event"], name.as_str());
    assert_eq!(hook["data"], data);
    assert_eq!(hook["data"]["fingerprint"], 6060);
    assert_eq!(hook["website_id"], sim.crisp_website_id());
    // Signed like any Crisp web hook.
    let ts = head_header(&head, "x-crisp-request-timestamp").unwrap();
    let sig = head_header(&head, "x-crisp-signature").unwrap();
    let secret = &sim.crisp_config().webhook_secret;
    assert_eq!(
        sig,
        chatdesk_sim::crisp::CrispSim::sign_webhook(secret.as_bytes(), ts, &body)
    );
    for _ in 0..300 {
        if !sim.webhook_deliveries().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let d = sim.webhook_deliveries();
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].url.as_str(), d[0].status), (url.as_str(), Some(200)));
}
