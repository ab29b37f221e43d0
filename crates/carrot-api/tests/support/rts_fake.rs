//! A small RTS server for the client's tests (included with `#[path]` by `tests/rts.rs` and
//! `tests/rts_secrets.rs`): each connection follows a script (answer the upgrade with a status,
//! or send messages and then close with a code, drop the socket, or hold it open), and every
//! upgrade request is recorded. Plus the helpers both tests read the stream with.
#![allow(dead_code)]

use chatdesk_carrot_api::CarrotClient;
use chatdesk_carrot_api::rts::{Channel, Rts, RtsBuilder, RtsError, RtsItem};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

pub const TOKEN: &str = "app.1.rts-s3cr3t-t0ken";
pub const APP: u64 = 42;

/// What the fake does with one connection.
pub enum Conn {
    /// Answers the upgrade with this status instead of 101.
    Reject(u16),
    /// Accepts, sends these text frames, then ends so.
    Serve(Vec<String>, End),
}

pub enum End {
    /// A close frame with this code.
    Close(u16),
    /// Drops the TCP connection without a close frame.
    Drop,
    /// Keeps the socket open (silent) until the client goes away.
    Hold,
}

/// One upgrade request the fake received.
#[derive(Debug, Clone)]
pub struct Upgrade {
    pub path: String,
    pub query: HashMap<String, String>,
}

pub struct Fake {
    pub base: String,
    pub upgrades: Arc<Mutex<Vec<Upgrade>>>,
    /// Connections that ended because the client closed or dropped them.
    pub client_gone: Arc<AtomicUsize>,
    /// Frames written so far, over all connections.
    pub written: Arc<AtomicUsize>,
}

impl Fake {
    /// Serves `script`, one entry per connection in order; connections after it are held open.
    pub async fn start(script: Vec<Conn>) -> Fake {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let fake = Fake {
            base: format!("ws://{}", listener.local_addr().unwrap()),
            upgrades: Arc::default(),
            client_gone: Arc::default(),
            written: Arc::default(),
        };
        let (upgrades, gone, written) = (
            fake.upgrades.clone(),
            fake.client_gone.clone(),
            fake.written.clone(),
        );
        let mut script = VecDeque::from(script);
        tokio::spawn(async move {
            loop {
                let (tcp, _) = listener.accept().await.unwrap();
                let conn = script
                    .pop_front()
                    .unwrap_or(Conn::Serve(Vec::new(), End::Hold));
                let (upgrades, gone, written) = (upgrades.clone(), gone.clone(), written.clone());
                tokio::spawn(serve(tcp, conn, upgrades, gone, written));
            }
        });
        fake
    }

    pub fn upgrades(&self) -> Vec<Upgrade> {
        self.upgrades.lock().unwrap().clone()
    }
}

pub async fn serve(
    tcp: tokio::net::TcpStream,
    conn: Conn,
    upgrades: Arc<Mutex<Vec<Upgrade>>>,
    gone: Arc<AtomicUsize>,
    written: Arc<AtomicUsize>,
) {
    let reject = match &conn {
        Conn::Reject(status) => Some(*status),
        Conn::Serve(..) => None,
    };
    // The callback's error type is tungstenite's, not ours.
    #[allow(clippy::result_large_err)]
    let callback = |req: &Request, resp: Response| -> Result<Response, ErrorResponse> {
        let query = req
            .uri()
            .query()
            .map(|q| serde_urlencoded::from_str(q).unwrap())
            .unwrap_or_default();
        upgrades.lock().unwrap().push(Upgrade {
            path: req.uri().path().to_owned(),
            query,
        });
        match reject {
            Some(status) => {
                let mut answer = ErrorResponse::new(None);
                *answer.status_mut() = http::StatusCode::from_u16(status).unwrap();
                Err(answer)
            }
            None => Ok(resp),
        }
    };
    let Ok(mut ws) = tokio_tungstenite::accept_hdr_async(tcp, callback).await else {
        return;
    };
    let Conn::Serve(frames, end) = conn else {
        return;
    };
    for frame in frames {
        if ws.send(Message::text(frame)).await.is_err() {
            gone.fetch_add(1, Ordering::SeqCst);
            return;
        }
        written.fetch_add(1, Ordering::SeqCst);
    }
    match end {
        End::Close(code) => {
            let _ = ws
                .close(Some(CloseFrame {
                    code: CloseCode::from(code),
                    reason: "scripted".into(),
                }))
                .await;
            // Let the client read the close before the TCP connection goes.
            while let Some(Ok(_)) = ws.next().await {}
        }
        End::Drop => drop(ws),
        End::Hold => {
            while let Some(Ok(_)) = ws.next().await {}
            gone.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// A message as RTS sends it: `tag` a number, `time` an HTTP date.
pub fn msg(id: u64, channel: &str, message: Value) -> String {
    json!({
        "id": id,
        "channel": channel,
        "message": message,
        "tag": id,
        "time": time_of(id),
    })
    .to_string()
}

pub fn time_of(id: u64) -> String {
    format!("Wed, 02 Dec 2026 01:{:02}:{:02} GMT", id / 60 % 60, id % 60)
}

pub fn reply(id: u64) -> String {
    msg(
        id,
        &format!("conversation_reply.{APP}"),
        json!({"id": 1000 + id, "conversation": 7, "body": format!("reply {id}"), "type": "reply_user"}),
    )
}

pub fn client() -> CarrotClient {
    CarrotClient::builder()
        .token(TOKEN)
        .base_url("http://127.0.0.1:9/v1")
        .build()
        .unwrap()
}

pub fn subscribe(fake: &Fake) -> RtsBuilder {
    client()
        .rts()
        .url(&fake.base)
        .channel(Channel::conversation_reply(APP, None))
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
}

/// Connects and takes the first item, `Connected`.
pub async fn started(builder: RtsBuilder) -> Rts {
    let mut rts = builder.connect().await.unwrap();
    assert_eq!(item(&mut rts).await, RtsItem::Connected);
    rts
}

pub async fn next(rts: &mut Rts) -> Option<Result<RtsItem, RtsError>> {
    tokio::time::timeout(Duration::from_secs(10), rts.next())
        .await
        .expect("an item within 10 s")
}

pub async fn item(rts: &mut Rts) -> RtsItem {
    next(rts).await.expect("an item").expect("not an error")
}

/// The id of the next message item, skipping nothing else.
pub async fn message_id(rts: &mut Rts) -> String {
    match item(rts).await {
        RtsItem::Message(m) => m.id,
        other => panic!("expected a message, got {other:?}"),
    }
}

pub async fn eventually(mut check: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("condition not met within 10 s");
}
