//! Decoding of Crisp's `{error, reason, data}` envelope, once for every endpoint.

use bytes::Bytes;
use chatdesk_model::crisp::common::{Envelope, ErrorData};
use chatdesk_transport::http::{Response, StatusCode};
use chatdesk_transport::{ApiError, Attempts, Error, decode_json};
use serde::de::DeserializeOwned;

/// Decodes a JSON answer into the endpoint's output.
///
/// * 2xx with `error: false` → `data` as `T` (a missing or `null` `data` is read as `{}`, as the
///   official Node client does);
/// * `error: true` (whatever the status) or a non-2xx status → [`Error::Api`] with the status,
///   `reason` and `data.message` when the body is an envelope, none of them otherwise (an HTML
///   error page from a proxy, say);
/// * 2xx with an empty, non-JSON or mistyped body → [`Error::Decode`] naming the failing field;
/// * a 404 to a DELETE sent again after an earlier attempt that may have been processed
///   ([`Attempts::not_found_means_deleted`]) → the output of an empty success (`{}`), when the
///   endpoint's output can be empty: the earlier attempt deleted it and its answer was lost.
///
/// Every [`Error::Api`] carries the attempt history in [`ApiError::attempts`].
pub fn decode_data<T: DeserializeOwned>(response: Response<Bytes>) -> Result<T, Error> {
    let attempts = Attempts::of(&response);
    let status = response.status();
    let body = response.into_body();
    if attempts.is_some_and(|a| a.not_found_means_deleted(status))
        && let Ok(deleted) = decode_json::<T>(&Bytes::from_static(b"{}"))
    {
        return Ok(deleted);
    }
    decode_body(status, body).map_err(|e| e.with_attempts(attempts))
}

fn decode_body<T: DeserializeOwned>(status: StatusCode, body: Bytes) -> Result<T, Error> {
    if !status.is_success() {
        return Err(api_error(status, body));
    }
    // One pass on the happy path. If it fails, a second look at the flags tells an error
    // envelope (whose `data` need not have the success type) from a malformed success.
    let envelope: Envelope<T> = match decode_json(&body) {
        Ok(envelope) => envelope,
        Err(decode) => {
            return Err(
                match serde_json::from_slice::<Envelope<serde::de::IgnoredAny>>(&body) {
                    Ok(head) if head.error => api_error(status, body),
                    _ => decode,
                },
            );
        }
    };
    if envelope.error {
        return Err(api_error(status, body));
    }
    match envelope.data {
        Some(data) => Ok(data),
        None => decode_json(&Bytes::from_static(b"{}")).map_err(|e| match e {
            Error::Decode { source, .. } => Error::Decode {
                path: "data".into(),
                source,
                body: body.slice(..body.len().min(4096)),
            },
            other => other,
        }),
    }
}

/// The answer of a HEAD `check…` route: `true` on 2xx, `false` on 404, an error otherwise.
pub fn decode_exists(response: Response<Bytes>) -> Result<bool, Error> {
    let status = response.status();
    if status.is_success() {
        Ok(true)
    } else if status == StatusCode::NOT_FOUND {
        Ok(false)
    } else {
        Err(api_error(status, response.into_body()))
    }
}

/// The [`Error::Api`] for an error answer: `reason` and `data.message` when the body is a Crisp
/// envelope, only the status and raw body otherwise.
pub fn api_error(status: StatusCode, body: Bytes) -> Error {
    let (reason, message) = reason_and_message(&body);
    ApiError::new(status, body)
        .with_reason(reason)
        .with_message(message)
        .into()
}

/// The `reason` (when not empty) and `data.message` of an error envelope; both `None` when the
/// body is not one.
pub(crate) fn reason_and_message(body: &[u8]) -> (Option<String>, Option<String>) {
    match serde_json::from_slice::<Envelope<ErrorData>>(body) {
        Ok(env) => (
            Some(env.reason).filter(|r| !r.is_empty()),
            env.data.and_then(|d| d.message),
        ),
        Err(_) => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatdesk_model::crisp::common::Empty;

    fn resp(status: u16, body: &'static str) -> Response<Bytes> {
        let mut r = Response::new(Bytes::from_static(body.as_bytes()));
        *r.status_mut() = StatusCode::from_u16(status).unwrap();
        r
    }

    #[test]
    fn success_returns_data() {
        let v: Vec<u32> = decode_data(resp(
            200,
            r#"{"error":false,"reason":"listed","data":[1,2]}"#,
        ))
        .unwrap();
        assert_eq!(v, [1, 2]);
        let _: Empty = decode_data(resp(200, r#"{"error":false,"reason":"deleted"}"#)).unwrap();
    }

    #[test]
    fn errors_carry_reason_and_message() {
        let e = decode_data::<Empty>(resp(
            400,
            r#"{"error":true,"reason":"invalid_data","data":{"message":"data should have required property 'origin'"}}"#,
        ))
        .unwrap_err();
        assert_eq!(e.status(), Some(StatusCode::BAD_REQUEST));
        assert_eq!(e.reason(), Some("invalid_data"));
        match e {
            Error::Api(api) => assert_eq!(
                api.message.as_deref(),
                Some("data should have required property 'origin'")
            ),
            other => panic!("{other:?}"),
        }
        // error: true on a 200 is an error too, even though `data` has another shape.
        let e = decode_data::<Vec<u32>>(resp(
            200,
            r#"{"error":true,"reason":"not_found","data":{}}"#,
        ))
        .unwrap_err();
        assert_eq!(e.reason(), Some("not_found"));
    }

    #[test]
    fn html_and_empty_bodies() {
        let e =
            decode_data::<Empty>(resp(502, "<html><body>Bad Gateway</body></html>")).unwrap_err();
        assert_eq!(e.status(), Some(StatusCode::BAD_GATEWAY));
        assert_eq!(e.reason(), None);
        assert!(matches!(
            decode_data::<Empty>(resp(200, "")),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode_data::<Empty>(resp(200, "<html>")),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode_data::<Vec<u32>>(resp(200, r#"{"error":false,"reason":"x","data":["a"]}"#)),
            Err(Error::Decode { path, .. }) if path == "data[0]"
        ));
        // Missing data reads as `{}`: fine for objects, a decode error for lists.
        assert!(matches!(
            decode_data::<Vec<u32>>(resp(200, r#"{"error":false,"reason":"x"}"#)),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn exists() {
        assert!(decode_exists(resp(200, "")).unwrap());
        assert!(!decode_exists(resp(404, "")).unwrap());
        assert_eq!(
            decode_exists(resp(403, "")).unwrap_err().status(),
            Some(StatusCode::FORBIDDEN)
        );
    }
}
