//! The HTTP side of RTM: the websocket path and the `/_sim/rtm/…` control routes.

use std::sync::Arc;

use http::{Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use serde_json::{Value, json};

use super::conn;
use crate::body::SimBody;
use crate::realtime::control::{self, count, error};
use crate::realtime::websocket;
use crate::server::Core;

/// The path Engine.IO is served on (what `connect/endpoints` hands out).
pub(crate) const RTM_PATH: &str = "/rtm/";
/// The rescue socket's path (`data.rescue.socket.app`), served like [`RTM_PATH`].
pub(crate) const RESCUE_PATH: &str = "/rtm/rescue";
const CONTROL: &str = "/_sim/rtm/";

/// Whether `path` belongs to RTM rather than to the REST simulators.
pub(crate) fn handles(path: &str) -> bool {
    path == "/rtm" || path.starts_with(RTM_PATH) || path.starts_with(CONTROL)
}

fn reply(status: StatusCode, body: Value) -> Response<SimBody> {
    websocket::json_response(status, &body)
}

/// Serves a request for which [`handles`] is true.
pub(crate) async fn serve(core: Arc<Core>, req: Request<Incoming>) -> Response<SimBody> {
    let path = req.uri().path().to_owned();
    let Some(action) = path.strip_prefix(CONTROL) else {
        return conn::upgrade(core, req);
    };
    control::serve(req, action, |method, action, body| {
        control(&core, method, action, body)
    })
    .await
}

fn control(core: &Core, method: &Method, action: &str, body: &Value) -> Response<SimBody> {
    let rtm = core.crisp.rtm();
    let want_post = |m: &Method| m == Method::POST;
    match action {
        "stats" if method == Method::GET => {
            let s = rtm.stats();
            let h = rtm.heartbeat();
            reply(
                StatusCode::OK,
                json!({
                    "connection_attempts": s.connection_attempts,
                    "connections_refused": s.connections_refused,
                    "rescue_attempts": s.rescue_attempts,
                    "open_sockets": s.open_sockets,
                    "authentications": s.authentications,
                    "authenticated": s.authenticated,
                    "unauthorized": s.unauthorized,
                    "binds": s.binds,
                    "pushed": s.pushed,
                    "pings_sent": s.pings_sent,
                    "pongs_received": s.pongs_received,
                    "heartbeat": {
                        "ping_interval_ms": h.ping_interval_ms,
                        "ping_timeout_ms": h.ping_timeout_ms,
                        "pinging": h.pinging,
                        "answer_pings": h.answer_pings,
                    },
                }),
            )
        }
        "inject" if want_post(method) => {
            let Some(event) = body.get("event").and_then(Value::as_str) else {
                return error(StatusCode::BAD_REQUEST, "`event` (a string) is required");
            };
            let data = body.get("data").cloned().unwrap_or_else(|| json!({}));
            let website = body
                .get("website_id")
                .or_else(|| data.get("website_id"))
                .and_then(Value::as_str)
                .unwrap_or(core.crisp.website_id())
                .to_owned();
            let n = rtm.inject(event, &website, data);
            reply(StatusCode::OK, json!({"sockets": n}))
        }
        "drop" if want_post(method) => reply(StatusCode::OK, json!({"dropped": rtm.drop_all()})),
        "refuse" if want_post(method) => match count(body) {
            Some(n) => {
                rtm.refuse_next(n);
                reply(StatusCode::OK, json!({"refuse_next": n}))
            }
            None => control::bad_count(),
        },
        "unauthorize" if want_post(method) => match count(body) {
            Some(n) => {
                rtm.unauthorize_next(n);
                reply(StatusCode::OK, json!({"unauthorize_next": n}))
            }
            None => control::bad_count(),
        },
        "heartbeat" if want_post(method) => {
            let h = rtm.heartbeat();
            let ms = |k: &str, old: u64| match body.get(k) {
                None => Some(old),
                Some(v) => v.as_u64().filter(|n| *n > 0),
            };
            let flag = |k: &str, old: bool| match body.get(k) {
                None => Some(old),
                Some(v) => v.as_bool(),
            };
            let (Some(i), Some(t), Some(p), Some(a)) = (
                ms("ping_interval_ms", h.ping_interval_ms),
                ms("ping_timeout_ms", h.ping_timeout_ms),
                flag("pinging", h.pinging),
                flag("answer_pings", h.answer_pings),
            ) else {
                return error(
                    StatusCode::BAD_REQUEST,
                    "ping_interval_ms / ping_timeout_ms should be positive integers, pinging / answer_pings booleans",
                );
            };
            rtm.set_ping(i, t);
            rtm.set_pinging(p);
            rtm.set_answer_pings(a);
            reply(
                StatusCode::OK,
                json!({"ping_interval_ms": i, "ping_timeout_ms": t, "pinging": p, "answer_pings": a}),
            )
        }
        "stats" | "inject" | "drop" | "refuse" | "unauthorize" | "heartbeat" => error(
            StatusCode::METHOD_NOT_ALLOWED,
            "wrong method for this control route",
        ),
        _ => error(StatusCode::NOT_FOUND, "unknown RTM control route"),
    }
}
