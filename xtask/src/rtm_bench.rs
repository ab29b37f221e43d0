//! The benchmark's RTM row: events per second and client CPU per event, the chatdesk Crisp RTM
//! client against bare websocket readers of the same frames.
//!
//! A loopback frame pump (a websocket server on its own thread) plays the server side of the
//! Engine.IO v4 / Socket.IO v5 handshake the way Crisp does (`0{…}`, `40{sid}`,
//! `authenticated`), then writes `N` pre-rendered `42["message:send",{…}]` frames as fast as the
//! reader takes them (TCP flow control paces it). Each reader runs on a current-thread runtime on
//! the calling thread, so that thread's CPU time is the whole client cost: for our client that
//! includes its connection task, which runs on the same runtime. The pump's CPU is not counted.
//!
//! Rows, each timed from the TCP connect to the `N`-th event:
//! * [`BARE_VALUE`]: tokio-tungstenite reading frames, `serde_json::from_str::<Value>` of each
//!   `42[…]` body; no typing;
//! * [`BARE_TYPED`]: the same reader, each body read as `(name, data)` then typed with
//!   `Event::from_parts`, the decode our client does; the honest floor for a typed
//!   client;
//! * [`CLIENT`]: `client.rtm().url(…).connect()`, then the stream read until `N` events
//!   (codec, heartbeat watch, bounded buffer, typed items).
//!
//! The pump is used rather than the simulator's RTM server because the simulator drops a socket
//! whose queue of 1,024 frames fills (as a live server would), and `N` injected events at once
//! would fill it; the frames are the ones the simulator pushes for a visitor message.

use crate::sys::thread_cpu_ns;
use chatdesk::crisp::model::webhook::Event;
use chatdesk::crisp::rtm::RtmItem;
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};

/// Row label: bare reader, untyped JSON.
pub const BARE_VALUE: &str = "bare tungstenite + serde_json::Value";
/// Row label: bare reader, typed decode (the row the client is compared with).
pub const BARE_TYPED: &str = "bare tungstenite + typed decode";
/// Row label: our client.
pub const CLIENT: &str = "chatdesk crisp rtm()";

/// One measured row.
#[derive(Debug, Clone)]
pub struct Row {
    /// What read the frames ([`BARE_VALUE`], [`BARE_TYPED`] or [`CLIENT`]).
    pub client: &'static str,
    /// Events read.
    pub events: usize,
    /// Events per second of wall time.
    pub per_sec: f64,
    /// Client CPU time per event, in microseconds.
    pub cpu_us: f64,
}

/// The web hook `data` of a visitor message, as the simulator pushes it (fixture of the model).
const MESSAGE_SEND: &str =
    include_str!("../../crates/model/tests/fixtures/crisp/p1_webhook_message_send.json");

/// The open packet: heartbeat values long enough that no ping falls inside a run.
const OPEN: &str = r#"0{"sid":"bench","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"#;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    Value,
    Typed,
    Client,
}

impl Reader {
    const ALL: [Reader; 3] = [Reader::Value, Reader::Typed, Reader::Client];

    fn label(self) -> &'static str {
        match self {
            Reader::Value => BARE_VALUE,
            Reader::Typed => BARE_TYPED,
            Reader::Client => CLIENT,
        }
    }
}

/// `n` distinct `message:send` frames (each its own fingerprint).
fn frames(n: usize) -> Result<Arc<Vec<Message>>, String> {
    let hook: Value = serde_json::from_str(MESSAGE_SEND).map_err(|e| e.to_string())?;
    let mut data = hook.get("data").cloned().ok_or("fixture without `data`")?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        data["fingerprint"] = Value::from(150_698_569_649_423_u64 + i as u64);
        let frame = serde_json::to_string(&("message:send", &data)).map_err(|e| e.to_string())?;
        out.push(Message::Text(Utf8Bytes::from(format!("42{frame}"))));
    }
    Ok(Arc::new(out))
}

/// Starts the frame pump on a one-worker runtime of its own (a thread other than the
/// measuring one): every connection gets the handshake, then `frames`. Dropping the runtime
/// stops it.
fn start_pump(frames: Arc<Vec<Message>>) -> Result<(tokio::runtime::Runtime, SocketAddr), String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let listener = rt
        .block_on(TcpListener::bind("127.0.0.1:0"))
        .map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    rt.spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let _ = stream.set_nodelay(true);
            let frames = frames.clone();
            tokio::spawn(async move {
                if let Err(e) = pump(stream, &frames).await {
                    eprintln!("bench: rtm pump: {e}");
                }
            });
        }
    });
    Ok((rt, addr))
}

/// Reads text frames until one satisfies `want` (a closed socket is an error).
async fn wait_for<S>(
    ws: &mut tokio_tungstenite::WebSocketStream<S>,
    want: impl Fn(&str) -> bool,
) -> Result<(), String>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    while let Some(msg) = ws.next().await {
        if let Message::Text(t) = msg.map_err(|e| e.to_string())?
            && want(t.as_str())
        {
            return Ok(());
        }
    }
    Err("the reader closed during the handshake".into())
}

/// One connection of the pump: the server half of the handshake, then every frame.
async fn pump(stream: TcpStream, frames: &[Message]) -> Result<(), String> {
    let mut ws = tokio_tungstenite::accept_async(stream)
        .await
        .map_err(|e| e.to_string())?;
    let send_err = |e: tokio_tungstenite::tungstenite::Error| e.to_string();
    ws.send(Message::text(OPEN)).await.map_err(send_err)?;
    wait_for(&mut ws, |t| t.starts_with("40")).await?;
    ws.send(Message::text(r#"40{"sid":"bench"}"#))
        .await
        .map_err(send_err)?;
    wait_for(&mut ws, |t| t.starts_with(r#"42["authentication""#)).await?;
    ws.send(Message::text(r#"42["authenticated",true]"#))
        .await
        .map_err(send_err)?;
    for frame in frames {
        // A reader that leaves after its `n` events ends the write; that is the normal end.
        if ws.feed(frame.clone()).await.is_err() {
            return Ok(());
        }
    }
    let _ = ws.flush().await;
    // Hold the socket until the reader goes away.
    while let Some(Ok(_)) = ws.next().await {}
    Ok(())
}

/// A bare tokio-tungstenite reader: handshake by hand, then `n` events decoded per `reader`.
async fn bare(addr: SocketAddr, n: usize, reader: Reader) -> Result<(), String> {
    let stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let _ = stream.set_nodelay(true);
    let url = format!("ws://{addr}/rtm/?EIO=4&transport=websocket");
    let (mut ws, _) = tokio_tungstenite::client_async(url, stream)
        .await
        .map_err(|e| e.to_string())?;
    let mut authenticated = false;
    let mut events = 0;
    while events < n {
        let msg = ws
            .next()
            .await
            .ok_or("the pump closed early")?
            .map_err(|e| e.to_string())?;
        let Message::Text(text) = msg else { continue };
        let text = text.as_str();
        let reply = if let Some(body) = text.strip_prefix("42") {
            if !authenticated {
                authenticated = body.starts_with(r#"["authenticated""#);
                continue;
            }
            match reader {
                Reader::Value => {
                    let v: Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
                    std::hint::black_box(v);
                }
                _ => {
                    let (name, data): (String, Value) =
                        serde_json::from_str(body).map_err(|e| e.to_string())?;
                    let event = Event::from_parts(&name, data).map_err(|e| e.to_string())?;
                    std::hint::black_box(event);
                }
            }
            events += 1;
            continue;
        } else if text.starts_with('0') {
            "40".to_owned()
        } else if text.starts_with("40") {
            r#"42["authentication",{"tier":"plugin","username":"bench","password":"bench","events":["message:send"]}]"#.to_owned()
        } else if text == "2" {
            "3".to_owned()
        } else {
            continue;
        };
        ws.send(Message::text(reply))
            .await
            .map_err(|e| e.to_string())?;
    }
    let _ = ws.close(None).await;
    Ok(())
}

/// Our client, given the pump's URL (no discovery), read until `n` events.
async fn client(addr: SocketAddr, n: usize) -> Result<(), String> {
    let client = CrispClient::new(Credentials::new("bench", "bench-key", Tier::Plugin));
    let mut rtm = client
        .rtm()
        .url(format!("ws://{addr}/rtm/"))
        .events(["message:send"])
        .connect()
        .await
        .map_err(|e| e.to_string())?;
    let mut events = 0;
    while events < n {
        match rtm.next().await.ok_or("the RTM stream ended early")? {
            Ok(RtmItem::Event(event)) => {
                std::hint::black_box(event);
                events += 1;
            }
            Ok(RtmItem::Connected) => {}
            Ok(other) => return Err(format!("unexpected RTM item: {other:?}")),
            Err(e) => return Err(e.to_string()),
        }
    }
    Ok(())
}

/// Runs one reader for `n` events; returns (wall, client CPU).
fn measure(addr: SocketAddr, n: usize, reader: Reader) -> Result<(Duration, Duration), String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let cpu0 = thread_cpu_ns().unwrap_or(0);
    let t0 = Instant::now();
    rt.block_on(async {
        match reader {
            Reader::Client => client(addr, n).await,
            bare_reader => bare(addr, n, bare_reader).await,
        }
    })?;
    let wall = t0.elapsed();
    let cpu = Duration::from_nanos(thread_cpu_ns().unwrap_or(0).saturating_sub(cpu0));
    Ok((wall, cpu))
}

/// The typed decode alone, no I/O, over the same `n` frames: CPU µs per frame as the bare typed
/// reader does it, and with one clone of the data `Value` before typing (what the client did
/// until 2026-12-02 to keep the data for a `Malformed` item; it now gets the data back from a
/// failed decode instead).
pub fn decode_only(n: usize) -> Result<(f64, f64), String> {
    let frames = frames(n)?;
    let texts: Vec<&str> = frames
        .iter()
        .filter_map(|m| match m {
            Message::Text(t) => t.as_str().strip_prefix("42"),
            _ => None,
        })
        .collect();
    let mut per_frame = [0.0; 2];
    for (clone, slot) in [(false, 0), (true, 1)] {
        let cpu0 = thread_cpu_ns().unwrap_or(0);
        for body in &texts {
            let (name, data): (String, Value) =
                serde_json::from_str(body).map_err(|e| e.to_string())?;
            let data = if clone {
                std::hint::black_box(&data).clone()
            } else {
                data
            };
            let event = Event::from_parts(&name, data).map_err(|e| e.to_string())?;
            std::hint::black_box(event);
        }
        let cpu = thread_cpu_ns().unwrap_or(0).saturating_sub(cpu0);
        per_frame[slot] = cpu as f64 / 1e3 / texts.len().max(1) as f64;
    }
    Ok((per_frame[0], per_frame[1]))
}

/// Measures every row on `n` events: a warm-up pass, then three interleaved runs of each row;
/// each row reports its median.
pub fn run(n: usize) -> Result<Vec<Row>, String> {
    // Kept until the end of the run: dropping it stops the pump.
    let (_pump, addr) = start_pump(frames(n)?)?;
    for reader in Reader::ALL {
        measure(addr, n.min(1_000), reader)?;
    }
    let mut samples: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); Reader::ALL.len()];
    for _ in 0..3 {
        for (i, reader) in Reader::ALL.into_iter().enumerate() {
            let (wall, cpu) = measure(addr, n, reader)?;
            samples[i].0.push(n as f64 / wall.as_secs_f64());
            samples[i].1.push(cpu.as_secs_f64() * 1e6 / n as f64);
        }
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    Ok(Reader::ALL
        .into_iter()
        .zip(samples)
        .map(|(reader, (per_sec, cpu_us))| Row {
            client: reader.label(),
            events: n,
            per_sec: median(per_sec),
            cpu_us: median(cpu_us),
        })
        .collect())
}

/// The report section: one line per row with its ratios against both bare rows, then the decode
/// alone (`decode`, from [`decode_only`]).
pub fn section(rows: &[Row], decode: (f64, f64)) -> String {
    let n = rows.first().map_or(0, |r| r.events);
    let mut s = format!(
        "\n## 1b. Crisp RTM events (loopback frame pump, `message:send` frames, reader on one thread; median of 3 runs of {n} events)\n\n\
         | reader | events/s | client CPU µs/event | CPU vs bare + typed decode | throughput vs bare + typed decode | CPU vs bare Value |\n\
         |---|---:|---:|---:|---:|---:|\n"
    );
    let find = |name: &str| rows.iter().find(|r| r.client == name);
    let ratio = |a: f64, b: Option<f64>| b.map_or("—".to_owned(), |b| format!("{:.2}×", a / b));
    for r in rows {
        let typed = find(BARE_TYPED);
        s.push_str(&format!(
            "| {} | {:.0} | {:.2} | {} | {} | {} |\n",
            r.client,
            r.per_sec,
            r.cpu_us,
            ratio(r.cpu_us, typed.map(|b| b.cpu_us)),
            ratio(r.per_sec, typed.map(|b| b.per_sec)),
            ratio(r.cpu_us, find(BARE_VALUE).map(|b| b.cpu_us)),
        ));
    }
    s.push_str(&format!(
        "\nTyped decode alone, same frames, no I/O: {:.2} µs CPU per frame; {:.2} µs with one clone \
         of the data `Value` before typing, which the client no longer makes.\n",
        decode.0, decode.1
    ));
    s
}
