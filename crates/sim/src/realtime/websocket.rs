//! The websocket upgrade on the REST listener: recognise an upgrade request, answer
//! `101 Switching Protocols` and run a session on the socket once hyper hands the connection over.

use std::future::Future;

use http::header::{CONNECTION, CONTENT_TYPE, SEC_WEBSOCKET_ACCEPT, SEC_WEBSOCKET_KEY, UPGRADE};
use http::{HeaderValue, Request, Response, StatusCode};
use hyper::body::Incoming;
use hyper::upgrade::Upgraded;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::{Role, WebSocketConfig};

use crate::body::SimBody;

/// The server side of an accepted websocket.
pub(crate) type Socket = WebSocketStream<TokioIo<Upgraded>>;

/// The `Sec-WebSocket-Key` of a websocket upgrade request (`Upgrade: websocket` with a key), or
/// `None` when the request is not one.
pub(crate) fn upgrade_key(req: &Request<Incoming>) -> Option<HeaderValue> {
    let is_ws = req
        .headers()
        .get(UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    if !is_ws {
        return None;
    }
    req.headers().get(SEC_WEBSOCKET_KEY).cloned()
}

/// Answers `101` to an upgrade request whose key is `key` and spawns `session` on the socket.
/// Frames larger than `max_payload` bytes are refused by the websocket layer. When the client
/// goes away before the upgrade completes, `session` is dropped without being run (so anything
/// it owns is released).
pub(crate) fn accept<F, Fut>(
    req: &mut Request<Incoming>,
    key: &HeaderValue,
    max_payload: usize,
    session: F,
) -> Response<SimBody>
where
    F: FnOnce(Socket) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let on_upgrade = hyper::upgrade::on(req);
    tokio::spawn(async move {
        let Ok(upgraded) = on_upgrade.await else {
            return;
        };
        let config = WebSocketConfig::default()
            .max_message_size(Some(max_payload))
            .max_frame_size(Some(max_payload));
        let ws =
            WebSocketStream::from_raw_socket(TokioIo::new(upgraded), Role::Server, Some(config))
                .await;
        session(ws).await;
    });
    let mut resp = Response::new(SimBody::full(bytes::Bytes::new()));
    *resp.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = resp.headers_mut();
    h.insert(UPGRADE, HeaderValue::from_static("websocket"));
    h.insert(CONNECTION, HeaderValue::from_static("Upgrade"));
    if let Ok(v) = HeaderValue::from_str(&derive_accept_key(key.as_bytes())) {
        h.insert(SEC_WEBSOCKET_ACCEPT, v);
    }
    resp
}

/// A JSON answer (`application/json`) with `status`.
pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response<SimBody> {
    let mut resp = Response::new(SimBody::full(bytes::Bytes::from(body.to_string())));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}
