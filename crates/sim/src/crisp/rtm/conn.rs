//! One RTM socket: the upgrade answer and the task that speaks Engine.IO / Socket.IO on it.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use http::{Request, Response, StatusCode};
use hyper::body::Incoming;
use serde_json::{Value, json};
use tokio::time::{Instant, sleep_until};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;

use super::frame::{self, Inbound};
use super::{Binding, Out};
use crate::body::SimBody;
use crate::crisp::CrispTier;
use crate::realtime::{query_param, websocket};
use crate::server::Core;

/// Largest text frame a client may send (the open packet announces it as `maxPayload`).
const MAX_PAYLOAD: usize = 1_000_000;

fn plain(status: StatusCode, body: Value) -> Response<SimBody> {
    websocket::json_response(status, &body)
}

/// Answers a request to the RTM path: `101 Switching Protocols` and a socket task, or the
/// Engine.IO error a server gives (`400 {"code":…,"message":…}`), or 503 while refusing.
pub(crate) fn upgrade(core: Arc<Core>, mut req: Request<Incoming>) -> Response<SimBody> {
    let query = req.uri().query().unwrap_or("").to_owned();
    let eio3 = match query_param(&query, "EIO") {
        Some("4") => false,
        Some("3") => true,
        _ => {
            return plain(
                StatusCode::BAD_REQUEST,
                json!({"code": 5, "message": "Unsupported protocol version"}),
            );
        }
    };
    let key = websocket::upgrade_key(&req);
    let (Some("websocket"), Some(key)) = (query_param(&query, "transport"), key) else {
        // Only the websocket transport is served (the Crisp clients use nothing else).
        return plain(
            StatusCode::BAD_REQUEST,
            json!({"code": 0, "message": "Transport unknown"}),
        );
    };
    let rtm = core.crisp.rtm();
    let rescue = req.uri().path().starts_with(super::http::RESCUE_PATH);
    if !rtm.admit(rescue) {
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"code": 503, "message": "refused by the simulator's control API"}),
        );
    }
    websocket::accept(&mut req, &key, MAX_PAYLOAD, move |ws| run(core, ws, eio3))
}

fn names(v: Option<&Value>) -> BTreeSet<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// What the socket loop does after a frame.
enum Next {
    Go,
    /// Close with a close frame.
    Close,
}

struct Session {
    id: u64,
    sid: String,
    eio3: bool,
    connected: bool,
    tier: Option<CrispTier>,
}

async fn run<S>(core: Arc<Core>, ws: WebSocketStream<S>, eio3: bool)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let rtm = core.crisp.rtm();
    let (id, mut rx, mut drop_rx, hb) = rtm.register();
    let interval = Duration::from_millis(hb.ping_interval_ms);
    let timeout = Duration::from_millis(hb.ping_timeout_ms);
    let mut s = Session {
        id,
        sid: format!("sim-{id:012x}"),
        eio3,
        connected: eio3,
        tier: None,
    };
    let (mut sink, mut stream) = ws.split();
    let open = frame::open(&s.sid, hb.ping_interval_ms, hb.ping_timeout_ms, MAX_PAYLOAD);
    let mut ok = sink.send(Message::text(open)).await.is_ok();
    if ok && eio3 {
        // Socket.IO v2 servers connect the default namespace unasked.
        ok = sink
            .send(Message::text(frame::connected(&s.sid, true)))
            .await
            .is_ok();
    }
    let mut next_ping = Instant::now() + interval;
    let mut pong_deadline: Option<Instant> = None;
    let mut last_client_ping = Instant::now();
    let mut graceful = false;
    while ok {
        let wake = if eio3 {
            last_client_ping + interval + timeout
        } else {
            pong_deadline.unwrap_or(next_ping)
        };
        tokio::select! {
            _ = drop_rx.changed() => break,
            out = rx.recv() => match out {
                Some(Out::Text(t)) => ok = sink.send(Message::text(t)).await.is_ok(),
                // The hub dropped this socket (it fell too far behind).
                None => break,
            },
            msg = stream.next() => {
                let text = match msg {
                    Some(Ok(Message::Text(t))) => t,
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let mut replies = Vec::new();
                let inbound = frame::parse(text.as_str());
                let answer = rtm.heartbeat().answer_pings;
                let next = match inbound {
                    Inbound::Ping(probe) => {
                        if answer {
                            last_client_ping = Instant::now();
                            replies.push(format!("3{probe}"));
                        }
                        Next::Go
                    }
                    Inbound::Pong => {
                        rtm.count_pong();
                        if answer && pong_deadline.is_some() {
                            pong_deadline = None;
                            next_ping = Instant::now() + interval;
                        }
                        Next::Go
                    }
                    other => handle(&core, &mut s, other, &mut replies),
                };
                for r in replies {
                    if sink.send(Message::text(r)).await.is_err() {
                        ok = false;
                        break;
                    }
                }
                if let Next::Close = next {
                    graceful = true;
                    break;
                }
            }
            _ = sleep_until(wake) => {
                if eio3 || pong_deadline.is_some() {
                    // EIO3: the client stopped pinging; EIO4: no pong in time.
                    break;
                }
                if rtm.heartbeat().pinging {
                    rtm.count_ping();
                    ok = sink.send(Message::text("2")).await.is_ok();
                    pong_deadline = Some(Instant::now() + timeout);
                }
                next_ping = Instant::now() + interval;
            }
        }
    }
    rtm.unregister(s.id);
    if graceful {
        let _ = sink.send(Message::Close(None)).await;
        let _ = sink.flush().await;
    }
    // Dropping both halves closes the TCP connection.
}

/// Answers one Socket.IO packet (or an Engine.IO close / noop).
fn handle(core: &Core, s: &mut Session, packet: Inbound, replies: &mut Vec<String>) -> Next {
    let rtm = core.crisp.rtm();
    match packet {
        Inbound::Close | Inbound::Disconnect => Next::Close,
        Inbound::Connect { namespace } => {
            if namespace == "/" {
                s.connected = true;
                replies.push(frame::connected(&s.sid, s.eio3));
            } else {
                replies.push(frame::connect_error(&namespace));
            }
            Next::Go
        }
        Inbound::Event { name, arg } if s.connected => match name.as_str() {
            "authentication" => {
                let forced = rtm.take_unauthorize();
                let tier = if forced {
                    None
                } else {
                    core.crisp.rtm_authenticate(&arg)
                };
                rtm.count_auth(tier.is_some());
                let Some(tier) = tier else {
                    rtm.with_binding(s.id, |b| *b = None);
                    let message = if forced {
                        "authentication refused by the simulator's control API"
                    } else {
                        "no token matches these credentials and tier"
                    };
                    replies.push(frame::event("unauthorized", &json!({"message": message})));
                    return Next::Close;
                };
                s.tier = Some(tier);
                let rooms = arg
                    .get("rooms")
                    .filter(|r| r.is_array())
                    .map(|r| names(Some(r)));
                let binding = Binding {
                    websites: core.crisp.rtm_websites(tier),
                    events: names(arg.get("events")),
                    rooms,
                };
                rtm.with_binding(s.id, |b| *b = Some(binding));
                replies.push(frame::event("authenticated", &Value::Bool(true)));
                Next::Go
            }
            "socket:bind" | "socket:bind:push" | "socket:bind:pop" => {
                let Some(tier) = s.tier else {
                    return Next::Go;
                };
                rtm.count_bind();
                let websites = core.crisp.rtm_websites(tier);
                let listed = arg
                    .get("events")
                    .filter(|e| e.is_array())
                    .map(|e| names(Some(e)));
                rtm.with_binding(s.id, |b| {
                    let Some(b) = b else { return };
                    match (name.as_str(), listed) {
                        ("socket:bind", Some(events)) => {
                            b.websites = websites;
                            b.events = events;
                        }
                        ("socket:bind", None) => b.websites = websites,
                        ("socket:bind:push", Some(events)) => b.events.extend(events),
                        ("socket:bind:pop", Some(events)) => {
                            b.events.retain(|e| !events.contains(e));
                        }
                        _ => {}
                    }
                });
                Next::Go
            }
            _ => Next::Go,
        },
        _ => Next::Go,
    }
}
