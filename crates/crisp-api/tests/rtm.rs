//! The RTM client against a small in-test Socket.IO v5 server on loopback (tokio-tungstenite),
//! and a discovery route answered by an in-process transport double.

mod rtm_support;

use bytes::Bytes;
use chatdesk_crisp_api::model::webhook::Event;
use chatdesk_crisp_api::rtm::{Rtm, RtmBuilder, RtmError, RtmItem};
use chatdesk_crisp_api::{Credentials, CrispClient, Tier};
use chatdesk_transport::http;
use chatdesk_transport::{Body, RetryConfig, Transport};
use futures_util::{SinkExt, StreamExt};
use rtm_support::{connected, next_within};
use serde_json::{Value, json};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};

const KEY: &str = "k3y-s3cr3t";
/// The longest any single wait may take (the loop under test is real time on loopback).
const WAIT: Duration = Duration::from_secs(10);

#[derive(Clone)]
enum Out {
    Frame(String),
    Drop,
}

struct Behaviour {
    auth_ok: bool,
    /// Never answer the authentication.
    auth_silent: bool,
    pings: bool,
    ping_interval: u64,
    ping_timeout: u64,
}

#[derive(Default)]
struct Seen {
    paths: Vec<String>,
    auths: Vec<Value>,
    frames: Vec<String>,
    pongs: usize,
}

struct Fake {
    addr: SocketAddr,
    behaviour: Arc<Mutex<Behaviour>>,
    seen: Arc<Mutex<Seen>>,
    connections: Arc<AtomicUsize>,
    open: Arc<AtomicUsize>,
    out: broadcast::Sender<Out>,
}

impl Fake {
    async fn start() -> Fake {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake = Fake {
            addr: listener.local_addr().unwrap(),
            behaviour: Arc::new(Mutex::new(Behaviour {
                auth_ok: true,
                auth_silent: false,
                pings: true,
                ping_interval: 50,
                ping_timeout: 200,
            })),
            seen: Arc::default(),
            connections: Arc::default(),
            open: Arc::default(),
            out: broadcast::channel(4096).0,
        };
        let (behaviour, seen, connections, open, out) = (
            fake.behaviour.clone(),
            fake.seen.clone(),
            fake.connections.clone(),
            fake.open.clone(),
            fake.out.clone(),
        );
        tokio::spawn(async move {
            loop {
                let (tcp, _) = listener.accept().await.unwrap();
                connections.fetch_add(1, Ordering::SeqCst);
                open.fetch_add(1, Ordering::SeqCst);
                let (behaviour, seen, open, rx) = (
                    behaviour.clone(),
                    seen.clone(),
                    open.clone(),
                    out.subscribe(),
                );
                tokio::spawn(async move {
                    serve(tcp, behaviour, seen, rx).await;
                    open.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        fake
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// An RTM builder of [`client`] pointed at this server's root.
    fn rtm(&self) -> RtmBuilder {
        client().rtm().url(self.url("/"))
    }

    fn push(&self, frame: impl Into<String>) {
        let _ = self.out.send(Out::Frame(frame.into()));
    }

    fn drop_all(&self) {
        let _ = self.out.send(Out::Drop);
    }

    fn seen<T>(&self, f: impl FnOnce(&Seen) -> T) -> T {
        f(&self.seen.lock().unwrap())
    }
}

async fn serve(
    tcp: tokio::net::TcpStream,
    behaviour: Arc<Mutex<Behaviour>>,
    seen: Arc<Mutex<Seen>>,
    mut out: broadcast::Receiver<Out>,
) {
    let path_seen = seen.clone();
    // The callback's error type is tungstenite's, not ours.
    #[allow(clippy::result_large_err)]
    let Ok(mut ws) = tokio_tungstenite::accept_hdr_async(tcp, |req: &Request, resp: Response| {
        path_seen.lock().unwrap().paths.push(req.uri().to_string());
        Ok(resp)
    })
    .await
    else {
        return;
    };
    let (pings, interval, timeout) = {
        let b = behaviour.lock().unwrap();
        (b.pings, b.ping_interval, b.ping_timeout)
    };
    let open = format!(
        r#"0{{"sid":"eio","upgrades":[],"pingInterval":{interval},"pingTimeout":{timeout},"maxPayload":1000000}}"#
    );
    if ws.send(Message::text(open)).await.is_err() {
        return;
    }
    let mut ticker = tokio::time::interval(Duration::from_millis(interval));
    loop {
        tokio::select! {
            frame = ws.next() => {
                let Some(Ok(Message::Text(text))) = frame else { return };
                let text = text.as_str().to_owned();
                if text == "40" {
                    let _ = ws.send(Message::text(r#"40{"sid":"sio"}"#)).await;
                } else if text == "3" {
                    seen.lock().unwrap().pongs += 1;
                } else if let Some(args) = text.strip_prefix(r#"42["authentication","#) {
                    let payload: Value = serde_json::from_str(args.strip_suffix(']').unwrap()).unwrap();
                    seen.lock().unwrap().auths.push(payload);
                    if behaviour.lock().unwrap().auth_silent {
                        continue;
                    }
                    if behaviour.lock().unwrap().auth_ok {
                        let _ = ws.send(Message::text(r#"42["authenticated",true]"#)).await;
                    } else {
                        let _ = ws.send(Message::text(r#"42["unauthorized",{"message":"invalid_session"}]"#)).await;
                        let _ = ws.close(None).await;
                        return;
                    }
                } else {
                    seen.lock().unwrap().frames.push(text);
                }
            }
            item = out.recv() => match item {
                Ok(Out::Frame(frame)) => { if ws.send(Message::text(frame)).await.is_err() { return } }
                Ok(Out::Drop) | Err(_) => return,
            },
            _ = ticker.tick(), if pings => {
                if ws.send(Message::text("2")).await.is_err() { return }
            }
        }
    }
}

/// A client whose discovery route is answered by `answer` (path → body), counting the calls.
fn client_with_discovery(
    answer: impl Fn(&str) -> Value + Send + Sync + 'static,
    calls: Arc<Mutex<Vec<String>>>,
) -> CrispClient {
    let answer = Arc::new(answer);
    let double = tower::service_fn(move |req: http::Request<Body>| {
        let (answer, calls) = (answer.clone(), calls.clone());
        async move {
            let path = req.uri().path().to_owned();
            calls.lock().unwrap().push(path.clone());
            let answer = answer(&path);
            let status = if answer["reason"] == "invalid_session" {
                401
            } else {
                200
            };
            let body = serde_json::to_vec(&answer).unwrap();
            let mut response = http::Response::new(http_body_util::Full::new(Bytes::from(body)));
            *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
            Ok::<_, Infallible>(response)
        }
    });
    let transport = Transport::builder()
        .retry(RetryConfig::disabled())
        .service(double)
        .build();
    CrispClient::builder()
        .credentials(Credentials::new("ident", KEY, Tier::Plugin))
        .base_url("http://127.0.0.1:1/v1")
        .transport(transport)
        .build()
        .unwrap()
}

fn client() -> CrispClient {
    client_with_discovery(|_| json!({"error": true}), Arc::default())
}

/// [`Fake::rtm`] bound to `message:send`, with retries in milliseconds.
fn fast_bound(fake: &Fake) -> RtmBuilder {
    fake.rtm()
        .events(["message:send"])
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
}

/// The next item, within [`WAIT`].
async fn next(rtm: &mut Rtm) -> Option<Result<RtmItem, RtmError>> {
    next_within(rtm, WAIT).await
}

/// Drops every connection and checks that the client reconnects; returns the number of the
/// `Reconnecting` attempt that came first.
async fn drop_and_reconnect(fake: &Fake, rtm: &mut Rtm) -> u32 {
    fake.drop_all();
    let attempt = match next(rtm).await {
        Some(Ok(RtmItem::Reconnecting { attempt, .. })) => attempt,
        other => panic!("expected Reconnecting, got {other:?}"),
    };
    assert!(matches!(
        next(rtm).await,
        Some(Ok(RtmItem::Reconnected { .. }))
    ));
    attempt
}

async fn eventually(mut check: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("condition not reached within 10 s");
}

const VISITOR_MESSAGE: &str = r#"42["message:send",{"website_id":"w1","session_id":"session_1","type":"text","from":"user","origin":"chat","content":"hello","fingerprint":163408179,"timestamp":1700000000000,"user":{"nickname":"Jane"}}]"#;

#[tokio::test]
async fn happy_path_authenticates_answers_pings_and_types_events() {
    let fake = Fake::start().await;
    let mut rtm = connected(fake.rtm().events(["message:send"]).rooms(["w1"]), WAIT).await;
    let auth = fake.seen(|s| s.auths[0].clone());
    assert_eq!(
        auth,
        json!({"tier": "plugin", "username": "ident", "password": KEY,
               "events": ["message:send"], "rooms": ["w1"]})
    );
    fake.push(VISITOR_MESSAGE);
    match next(&mut rtm).await.unwrap().unwrap() {
        RtmItem::Event(Event::MessageSend(m)) => {
            assert_eq!(m.fingerprint, Some(163408179));
            assert_eq!(m.session_id.as_deref(), Some("session_1"));
        }
        other => panic!("{other:?}"),
    }
    eventually(|| fake.seen(|s| s.pongs >= 2)).await;
    assert_eq!(fake.connections.load(Ordering::SeqCst), 1);
    assert!(!format!("{rtm:?}").contains(KEY));
}

#[tokio::test]
async fn discovered_url_path_is_the_engine_io_path() {
    let fake = Fake::start().await;
    let app = fake.url("/relay/app");
    let calls = Arc::new(Mutex::new(Vec::new()));
    let client = client_with_discovery(
        move |_| json!({"error": false, "reason": "resolved", "data": {"socket": {"app": app}}}),
        calls.clone(),
    );
    let _rtm = connected(client.rtm(), WAIT).await;
    assert_eq!(*calls.lock().unwrap(), ["/v1/plugin/connect/endpoints"]);
    let path = fake.seen(|s| s.paths[0].clone());
    assert_eq!(path, "/relay/app/?EIO=4&transport=websocket");
    // No events named: every typed name is bound.
    let events = fake.seen(|s| s.auths[0]["events"].as_array().unwrap().len());
    assert!(events > 80, "{events}");
}

#[tokio::test]
async fn bad_key_is_one_final_error_and_no_second_attempt() {
    let fake = Fake::start().await;
    fake.behaviour.lock().unwrap().auth_ok = false;
    let err = fake
        .rtm()
        .backoff(Duration::from_millis(1), Duration::from_millis(2))
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(&err, RtmError::Unauthorized { message } if message.as_deref() == Some("invalid_session")),
        "{err:?}"
    );
    assert!(err.is_final());
    assert!(!format!("{err:?} {err}").contains(KEY));
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(fake.connections.load(Ordering::SeqCst), 1);

    // A key revoked while connected: the reconnection's refusal ends the stream.
    fake.behaviour.lock().unwrap().auth_ok = true;
    let fast = fake
        .rtm()
        .backoff(Duration::from_millis(1), Duration::from_millis(2));
    let mut rtm = connected(fast, WAIT).await;
    fake.behaviour.lock().unwrap().auth_ok = false;
    fake.drop_all();
    assert!(matches!(
        next(&mut rtm).await,
        Some(Ok(RtmItem::Reconnecting { attempt: 1, .. }))
    ));
    assert!(matches!(
        next(&mut rtm).await,
        Some(Err(RtmError::Unauthorized { .. }))
    ));
    assert!(next(&mut rtm).await.is_none());
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(fake.connections.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn dropped_connection_reconnects_and_authenticates_again() {
    let fake = Fake::start().await;
    let mut rtm = connected(fast_bound(&fake), WAIT).await;
    assert_eq!(drop_and_reconnect(&fake, &mut rtm).await, 1);
    assert_eq!(fake.seen(|s| s.auths.len()), 2);
    fake.push(VISITOR_MESSAGE);
    assert!(matches!(
        next(&mut rtm).await,
        Some(Ok(RtmItem::Event(Event::MessageSend(_))))
    ));
    assert_eq!(rtm.queued(), 0);
}

#[tokio::test]
async fn silent_server_is_a_heartbeat_timeout() {
    let fake = Fake::start().await;
    {
        let mut b = fake.behaviour.lock().unwrap();
        b.pings = false;
        b.ping_interval = 30;
        b.ping_timeout = 30;
    }
    let fast = fake
        .rtm()
        .backoff(Duration::from_millis(1), Duration::from_millis(5));
    let mut rtm = connected(fast, WAIT).await;
    match next(&mut rtm).await {
        Some(Ok(RtmItem::Reconnecting { cause, .. })) => {
            assert!(cause.contains("heartbeat within 60ms"), "{cause}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn rebind_is_throttled_bind_changes_carry_over_and_close_ends_the_stream() {
    let fake = Fake::start().await;
    let mut rtm = connected(fast_bound(&fake), WAIT).await;
    rtm.rebind().unwrap();
    assert!(matches!(
        rtm.rebind(),
        Err(RtmError::RebindThrottled { .. })
    ));
    rtm.bind_push(["session:set_state"]).unwrap();
    rtm.bind_pop(["message:send"]).unwrap();
    eventually(|| fake.seen(|s| s.frames.len() >= 3)).await;
    assert_eq!(
        fake.seen(|s| s.frames.clone()),
        [
            r#"42["socket:bind",{}]"#,
            r#"42["socket:bind:push",{"events":["session:set_state"]}]"#,
            r#"42["socket:bind:pop",{"events":["message:send"]}]"#,
        ]
    );
    drop_and_reconnect(&fake, &mut rtm).await;
    assert_eq!(
        fake.seen(|s| s.auths[1]["events"].clone()),
        json!(["session:set_state"])
    );
    rtm.close().unwrap();
    assert!(next(&mut rtm).await.is_none());
    eventually(|| fake.seen(|s| s.frames.last().map(String::as_str) == Some("41"))).await;
}

#[tokio::test]
async fn unknown_events_are_kept_raw_and_mistyped_ones_kept_as_sent() {
    let fake = Fake::start().await;
    let mut rtm = connected(fake.rtm(), WAIT).await;
    fake.push(r#"42["brand:new:event",{"a":1}]"#);
    fake.push(r#"42["session:set_block",{"is_blocked":"yes"}]"#);
    assert_eq!(
        next(&mut rtm).await.unwrap().unwrap(),
        RtmItem::Event(Event::Unknown {
            name: "brand:new:event".into(),
            data: json!({"a": 1})
        })
    );
    match next(&mut rtm).await.unwrap().unwrap() {
        RtmItem::Malformed { name, data, .. } => {
            assert_eq!(name, "session:set_block");
            assert_eq!(data, json!({"is_blocked": "yes"}));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn rescue_url_is_used_after_failures_and_discovery_is_repeated() {
    let fake = Fake::start().await;
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        drop(l);
        format!("http://{addr}/")
    };
    let rescue = fake.url("/rescue/");
    let calls = Arc::new(Mutex::new(Vec::new()));
    let client = client_with_discovery(
        move |_| {
            json!({"error": false, "reason": "resolved", "data": {
                "socket": {"app": dead}, "rescue": {"socket": {"app": rescue}}}})
        },
        calls.clone(),
    );
    let rescuing = client
        .rtm()
        .rediscover_after(2)
        .connect_attempts(5)
        .backoff(Duration::from_millis(1), Duration::from_millis(2));
    let _rtm = connected(rescuing, WAIT).await;
    // Discovery first, again after two failures on the main URL, then the rescue URL.
    assert_eq!(calls.lock().unwrap().len(), 2);
    assert_eq!(fake.connections.load(Ordering::SeqCst), 1);
    assert_eq!(
        fake.seen(|s| s.paths[0].clone()),
        "/rescue/?EIO=4&transport=websocket"
    );
}

#[tokio::test]
async fn slow_consumer_keeps_the_buffer_bounded_and_loses_nothing() {
    let fake = Fake::start().await;
    fake.behaviour.lock().unwrap().ping_interval = 60_000;
    let mut rtm = fake.rtm().buffer(4).connect().await.unwrap();
    const N: usize = 2000;
    for i in 0..N {
        fake.push(format!(r#"42["custom:n",{{"i":{i}}}]"#));
    }
    // Let the client read as much as it will while nobody consumes.
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert!(rtm.queued() <= 4, "{}", rtm.queued());
    }
    assert_eq!(rtm.queued(), 4);
    assert_eq!(next(&mut rtm).await.unwrap().unwrap(), RtmItem::Connected);
    for i in 0..N {
        match next(&mut rtm).await.unwrap().unwrap() {
            RtmItem::Event(Event::Unknown { data, .. }) => assert_eq!(data["i"], i),
            other => panic!("{other:?}"),
        }
        assert!(rtm.queued() <= 4);
    }
}

#[tokio::test]
async fn dropping_the_handle_ends_every_task() {
    let fake = Fake::start().await;
    let metrics = tokio::runtime::Handle::current().metrics();
    let before = metrics.num_alive_tasks();
    let rtm = connected(fake.rtm(), WAIT).await;
    // The client's one task and the fake server's connection task.
    assert_eq!(metrics.num_alive_tasks(), before + 2);
    drop(rtm);
    eventually(|| fake.open.load(Ordering::SeqCst) == 0).await;
    eventually(|| metrics.num_alive_tasks() == before).await;
}

#[tokio::test]
async fn no_authentication_answer_is_retried_then_reported() {
    let fake = Fake::start().await;
    fake.behaviour.lock().unwrap().auth_silent = true;
    let err = fake
        .rtm()
        .auth_timeout(Duration::from_millis(50))
        .connect_attempts(2)
        .backoff(Duration::from_millis(1), Duration::from_millis(2))
        .connect()
        .await
        .unwrap_err();
    assert!(matches!(err, RtmError::AuthTimeout(_)), "{err:?}");
    assert!(!err.is_final());
    assert_eq!(fake.connections.load(Ordering::SeqCst), 2);
    assert_eq!(fake.seen(|s| s.auths.len()), 2);
}

#[tokio::test]
async fn discovery_refusing_the_key_is_final() {
    let calls = Arc::new(Mutex::new(Vec::new()));
    let client = client_with_discovery(
        |_| json!({"error": true, "reason": "invalid_session", "data": {}}),
        calls.clone(),
    );
    let err = client
        .rtm()
        .connect_attempts(5)
        .backoff(Duration::from_millis(1), Duration::from_millis(2))
        .connect()
        .await
        .unwrap_err();
    assert!(matches!(err, RtmError::Discovery(_)), "{err:?}");
    assert!(err.is_final());
    assert_eq!(calls.lock().unwrap().len(), 1);
}
