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
const WEBSOCKET: &str = "/rts/websocket";
const CONTROL: &str = "/_sim/rts/";
/// The control routes (after [`CONTROL`]).
const ROUTES: [&str; 9] = [
    "stats", "log", "inject", "drop", "refuse", "expire", "replay", "ping", "queue",
];

/// Whether `path` belongs to RTS rather than to the REST simulators.
pub(crate) fn handles(path: &str) -> bool {
    path == RTS_PATH || path.starts_with("/rts/") || path.starts_with(CONTROL)
}

/// Serves a request for which [`handles`] is true.
pub(crate) async fn serve(core: Arc<Core>, req: Request<Incoming>) -> Response<SimBody> {
    let path = req.uri().path().to_owned();
    if let Some(rest) = path.strip_prefix(WEBSOCKET)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        return conn::upgrade(core, req, rest);
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
                "ping_interval_ms": rts.ping_interval().map(|d| d.as_millis() as u64),
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
        "replay" if post => set_positive(body, "capacity", |n| rts.set_replay_capacity(n)),
        "ping" if post => match body.get("interval_ms").map(Value::as_u64) {
            Some(Some(ms)) => {
                let every = (ms > 0).then(|| std::time::Duration::from_millis(ms));
                rts.set_ping_interval(every);
                ok(json!({"interval_ms": ms}))
            }
            _ => error(
                StatusCode::BAD_REQUEST,
                "`interval_ms` should be a non-negative integer (0 stops the pings)",
            ),
        },
        "queue" if post => set_positive(body, "messages", |n| rts.set_socket_queue(n)),
        known if ROUTES.contains(&known) => error(
            StatusCode::METHOD_NOT_ALLOWED,
            "wrong method for this control route",
        ),
        _ => error(StatusCode::NOT_FOUND, "unknown RTS control route"),
    }
}

/// Applies the positive integer `key` of `body` with `set`; answers `{key: n}`, or 400.
fn set_positive(body: &Value, key: &str, set: impl FnOnce(usize)) -> Response<SimBody> {
    match body.get(key).and_then(Value::as_u64).filter(|n| *n > 0) {
        Some(n) => {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            set(n);
            ok(json!({ key: n }))
        }
        None => error(
            StatusCode::BAD_REQUEST,
            &format!("`{key}` should be a positive integer"),
        ),
    }
}
