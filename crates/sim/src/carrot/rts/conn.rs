//! One RTS connection: checking the upgrade request, then the task that writes the socket's
//! messages (its replay first) until the client leaves or the socket is cut.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use http::{Request, Response, StatusCode};
use hyper::body::Incoming;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::{Refusal, Registration, stamp};
use crate::body::SimBody;
use crate::realtime::websocket::{self, Socket};
use crate::server::Core;

/// Largest frame a client may send (it only listens; anything it sends is ignored).
const MAX_PAYLOAD: usize = 64 * 1024;
/// How long a refused connection waits for the client's answer to its close frame.
const CLOSE_WAIT: Duration = Duration::from_secs(2);

fn bad_request(core: &Core, message: &str) -> Response<SimBody> {
    core.carrot.rts().count_bad_request();
    websocket::json_response(
        StatusCode::BAD_REQUEST,
        &json!({"error": true, "message": message}),
    )
}

/// A page like the one a proxy answers when the server behind it is away.
fn refused(status: StatusCode) -> Response<SimBody> {
    let reason = status.canonical_reason().unwrap_or("Error");
    let code = status.as_u16();
    let mut resp = Response::new(SimBody::full(bytes::Bytes::from(format!(
        "<html><head><title>{code} {reason}</title></head><body><center><h1>{code} {reason}</h1></center></body></html>\r\n"
    ))));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/html"),
    );
    resp
}

/// Answers a request to `/rts/websocket/{channels}`: `101` and a socket task (which closes at
/// once with 3401 or 3403 when the connection is refused), 502/503 while the control API
/// refuses, or 400 for a request that is not a valid subscription.
pub(crate) fn upgrade(
    core: Arc<Core>,
    mut req: Request<Incoming>,
    channels: &str,
) -> Response<SimBody> {
    let rts = core.carrot.rts();
    let Some(key) = websocket::upgrade_key(&req) else {
        return bad_request(&core, "only websocket upgrades are served here");
    };
    if let Some(status) = rts.admit() {
        return refused(status);
    }
    let mut names = BTreeSet::new();
    for raw in channels.split('/').filter(|s| !s.is_empty()) {
        match percent_encoding::percent_decode_str(raw).decode_utf8() {
            Ok(name) => names.insert(name.into_owned()),
            Err(_) => return bad_request(&core, "a channel name is not UTF-8"),
        };
    }
    if names.is_empty() {
        return bad_request(&core, "no channel given");
    }
    let query = req.uri().query().unwrap_or("");
    let Ok(params) = serde_urlencoded::from_str::<Vec<(String, String)>>(query) else {
        return bad_request(&core, "the query could not be decoded");
    };
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let from = match stamp::resume_point(param("time"), param("tag")) {
        Ok(f) => f,
        Err(why) => return bad_request(&core, why),
    };
    let token_ok = param("auth_token") == Some(core.carrot.config().token.as_str());
    let verdict = rts.subscribe(&core, token_ok, names, from);
    websocket::accept(&mut req, &key, MAX_PAYLOAD, move |ws| async move {
        match verdict {
            Ok(reg) => run(&core, ws, reg).await,
            Err(refusal) => close(ws, refusal).await,
        }
    })
}

/// Closes a refused connection with its code and waits (briefly) for the client's answer.
async fn close(mut ws: Socket, refusal: Refusal) {
    let frame = CloseFrame {
        code: CloseCode::from(refusal.code()),
        reason: refusal.reason().into(),
    };
    if ws.send(Message::Close(Some(frame))).await.is_err() {
        return;
    }
    let _ = tokio::time::timeout(CLOSE_WAIT, async {
        while let Some(Ok(_)) = ws.next().await {}
    })
    .await;
}

/// Writes the socket's messages until the client closes, the socket is cut or its queue is
/// dropped (it fell too far behind).
async fn run(core: &Core, ws: Socket, mut reg: Registration) {
    let rts = core.carrot.rts();
    let (mut sink, mut stream) = ws.split();
    loop {
        tokio::select! {
            _ = reg.drop_rx.changed() => return,
            out = reg.rx.recv() => match out {
                Some(text) => {
                    if sink.send(Message::text(&*text)).await.is_err() {
                        return;
                    }
                    rts.count_sent();
                }
                None => return,
            },
            msg = stream.next() => match msg {
                Some(Ok(Message::Close(_))) => break,
                None | Some(Err(_)) => return,
                // The client only listens; pings are answered by the websocket layer.
                Some(Ok(_)) => {}
            },
        }
    }
    // The client closed: answer its close frame.
    let _ = sink.flush().await;
}
