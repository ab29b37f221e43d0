//! The plumbing of the real-time servers' `/_sim/…` control routes: reading the JSON body and
//! answering JSON.

use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;
use serde_json::{Value, json};

use super::websocket::json_response;
use crate::body::SimBody;

/// Control request bodies larger than this are refused.
const MAX_CONTROL_BODY: usize = 1024 * 1024;

/// `{"error": true, "message": …}` with `status`.
pub(crate) fn error(status: StatusCode, message: &str) -> Response<SimBody> {
    json_response(status, &json!({"error": true, "message": message}))
}

/// `200` with `body`.
pub(crate) fn ok(body: Value) -> Response<SimBody> {
    json_response(StatusCode::OK, &body)
}

/// Answers a control request: `action` is the path after the control prefix (trailing slashes
/// ignored); `answer` gets the method, the action and the JSON body (`{}` when empty).
pub(crate) async fn serve(
    req: Request<Incoming>,
    action: &str,
    answer: impl FnOnce(&Method, &str, &Value) -> Response<SimBody>,
) -> Response<SimBody> {
    let action = action.trim_end_matches('/').to_owned();
    let method = req.method().clone();
    match read_object(req).await {
        Ok(body) => answer(&method, &action, &body),
        Err(resp) => resp,
    }
}

/// Reads a control request's body: a JSON object, or `{}` when empty; the error answer otherwise.
async fn read_object(req: Request<Incoming>) -> Result<Value, Response<SimBody>> {
    let body = match Limited::new(req.into_body(), MAX_CONTROL_BODY)
        .collect()
        .await
    {
        Ok(b) => b.to_bytes(),
        Err(_) => return Err(error(StatusCode::BAD_REQUEST, "the body could not be read")),
    };
    if body.is_empty() {
        return Ok(json!({}));
    }
    match serde_json::from_slice(&body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        _ => Err(error(
            StatusCode::BAD_REQUEST,
            "the body should be a JSON object",
        )),
    }
}

/// The body's `count` (default 1), `None` when it is not a non-negative integer.
pub(crate) fn count(body: &Value) -> Option<u64> {
    match body.get("count") {
        None => Some(1),
        Some(v) => v.as_u64(),
    }
}

/// The error answer for a `count` that is not a non-negative integer.
pub(crate) fn bad_count() -> Response<SimBody> {
    error(
        StatusCode::BAD_REQUEST,
        "`count` should be a non-negative integer",
    )
}
