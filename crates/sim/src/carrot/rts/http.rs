//! The HTTP side of RTS: the websocket path (`/rts/websocket/…`) and the `/_sim/rts/…` control
//! routes.

use std::sync::Arc;

use http::{Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use serde_json::{Value, json};

use super::conn;
use crate::body::SimBody;
use crate::realtime::control::{self, count, error, ok};
use crate::server::Core;

/// The base the vendor's URL layout is appended to (`{base}/websocket/{channels}?auth_token=…`).
pub(crate) const RTS_PATH: &str = "/rts";
const WEBSOCKET: &str = "/rts/websocket/";
const CONTROL: &str = "/_sim/rts/";

/// Whether `path` belongs to RTS rather than to the REST simulators.
pub(crate) fn handles(path: &str) -> bool {
    path == RTS_PATH || path.starts_with("/rts/") || path.starts_with(CONTROL)
}

/// Serves a request for which [`handles`] is true.
pub(crate) async fn serve(core: Arc<Core>, req: Request<Incoming>) -> Response<SimBody> {
    let path = req.uri().path().to_owned();
    if let Some(channels) = path.strip_prefix(WEBSOCKET) {
        return conn::upgrade(core, req, channels);
    }
    let Some(action) = path.strip_prefix(CONTROL) else {
        return error(
            StatusCode::NOT_FOUND,
            "unknown RTS path (the simulator serves /rts/websocket/{channel}/… only)",
        );
    };
    control::serve(req, action, |method, action, body| {
        control(&core, method, action, body)
    })
    .await
}

fn control(core: &Core, method: &Method, action: &str, body: &Value) -> Response<SimBody> {
    let rts = core.carrot.rts();
    let post = method == Method::POST;
    let get = method == Method::GET;
    match action {
        "stats" if get => {
            let s = rts.stats();
            ok(json!({
                "connection_attempts": s.connection_attempts,
                "connections_refused": s.connections_refused,
                "bad_requests": s.bad_requests,
                "closed_unauthorized": s.closed_unauthorized,
                "closed_forbidden": s.closed_forbidden,
                "subscribed": s.subscribed,
                "open_sockets": s.open_sockets,
                "published": s.published,
                "sent": s.sent,
                "replayed": s.replayed,
                "replay_gaps": s.replay_gaps,
                "dropped_slow": s.dropped_slow,
            }))
        }
        "log" if get => ok(json!(rts.publish_log())),
        "inject" if post => {
            let Some(channel) = body.get("channel").and_then(Value::as_str) else {
                return error(StatusCode::BAD_REQUEST, "`channel` (a string) is required");
            };
            let message = body.get("message").cloned().unwrap_or_else(|| json!({}));
            let p = rts.inject(channel, message);
            ok(json!({"id": p.id, "sockets": p.sockets}))
        }
        "drop" if post => ok(json!({"dropped": rts.drop_all()})),
        "refuse" if post => {
            let status = match body.get("status").map(Value::as_u64) {
                None => Some(503),
                Some(Some(s @ (502 | 503))) => Some(s as u16),
                Some(_) => None,
            };
            match (count(body), status) {
                (Some(n), Some(s)) => {
                    rts.refuse_next(n, s);
                    ok(json!({"refuse_next": n, "status": s}))
                }
                (None, _) => control::bad_count(),
                (_, None) => error(StatusCode::BAD_REQUEST, "`status` should be 502 or 503"),
            }
        }
        "expire" if post => match count(body) {
            Some(n) => {
                rts.expire_token_next(n);
                ok(json!({"expire_next": n}))
            }
            None => control::bad_count(),
        },
        "replay" if post => match body.get("capacity").and_then(Value::as_u64) {
            Some(n) if n > 0 => {
                let n = usize::try_from(n).unwrap_or(usize::MAX);
                rts.set_replay_capacity(n);
                ok(json!({"capacity": n}))
            }
            _ => error(
                StatusCode::BAD_REQUEST,
                "`capacity` should be a positive integer",
            ),
        },
        "stats" | "log" | "inject" | "drop" | "refuse" | "expire" | "replay" => error(
            StatusCode::METHOD_NOT_ALLOWED,
            "wrong method for this control route",
        ),
        _ => error(StatusCode::NOT_FOUND, "unknown RTS control route"),
    }
}
