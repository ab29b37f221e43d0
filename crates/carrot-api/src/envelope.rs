//! Decoding of Carrot Quest's `{meta, data}` envelope, once for every endpoint, and the
//! details of its error answers.

use bytes::Bytes;
use chatdesk_model::carrot::{ErrorName, Meta};
use chatdesk_transport::{Error, decode_json, parse_json};
use http::{Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

#[derive(serde::Deserialize)]
struct RawEnvelope<'a> {
    #[serde(default)]
    meta: Option<Meta>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

#[derive(serde::Deserialize)]
struct ErrorEnvelope {
    #[serde(default)]
    meta: Option<Meta>,
}

/// Decodes the `{meta, data}` envelope of any Carrot Quest answer.
///
/// * a non-2xx status, or a `meta.error` (or error `meta.status`) in a 2xx answer →
///   [`Error::Api`] with the status, `meta.error` as the reason (unknown names kept as sent) and
///   `meta.error_message` as the message; an HTML or other non-JSON error page gives an
///   [`Error::Api`] with no reason and the start of the page as its body;
/// * a 2xx answer that is empty, not JSON, or whose `data` does not fit `T` → [`Error::Decode`]
///   naming the failing field (`data.…`).
///
/// A missing or `null` `data` decodes as `null`, or else as `{}` (for the endpoints that answer
/// an empty object). Every [`Error::Api`] carries the attempt history in
/// [`ApiError::attempts`](chatdesk_transport::ApiError::attempts).
pub fn decode_envelope<T: DeserializeOwned>(response: Response<Bytes>) -> Result<(Meta, T), Error> {
    let attempts = chatdesk_transport::Attempts::of(&response);
    // Carrot's one DELETE (`…/tag`) removes a tag named in the parameters: its repeat is refused
    // with a 400 (`ConversationTagIsNotAssigned`), and a 404 there means the conversation is
    // missing, which no earlier attempt caused. So no 404 is read as "deleted" here; the
    // attempt history on the error tells the caller how the answer was reached.
    decode_body(response.status(), response.into_body()).map_err(|e| e.with_attempts(attempts))
}

fn decode_body<T: DeserializeOwned>(status: StatusCode, body: Bytes) -> Result<(Meta, T), Error> {
    if !status.is_success() {
        return Err(api_error(status, body));
    }
    // `data` is borrowed from the body, so decoding it below copies nothing.
    let raw: RawEnvelope<'_> = match parse_json(&body) {
        Ok(raw) => raw,
        Err(e) => {
            return Err(Error::Decode {
                path: ".".into(),
                source: e,
                body: body.slice(..body.len().min(4096)),
            });
        }
    };
    let meta = raw.meta.unwrap_or_default();
    if meta.is_error() {
        return Err(api_error(status, body));
    }
    let data = match raw.data {
        Some(r) if r.get().trim() != "null" => {
            decode_json::<T>(&body.slice_ref(r.get().as_bytes())).map_err(in_data)?
        }
        _ => match serde_json::from_str::<T>("null") {
            Ok(v) => v,
            Err(_) => decode_json::<T>(&Bytes::from_static(b"{}")).map_err(in_data)?,
        },
    };
    Ok((meta, data))
}

fn in_data(e: Error) -> Error {
    match e {
        Error::Decode { path, source, body } => Error::Decode {
            path: if path == "." {
                "data".to_owned()
            } else {
                format!("data.{path}")
            },
            source,
            body,
        },
        other => other,
    }
}

fn api_error(status: StatusCode, body: Bytes) -> Error {
    let meta = serde_json::from_slice::<ErrorEnvelope>(&body)
        .ok()
        .and_then(|e| e.meta);
    let (reason, message, meta_status) = match meta {
        Some(m) => (
            m.error.as_ref().map(|e| e.as_str().to_owned()),
            m.error_message,
            m.status,
        ),
        None => (None, None, None),
    };
    // A 2xx answer that reports an error in `meta` takes the status `meta` gives.
    let status = if status.is_success() {
        meta_status
            .and_then(|s| StatusCode::from_u16(s).ok())
            .filter(|s| !s.is_success())
            .unwrap_or(status)
    } else {
        status
    };
    chatdesk_transport::ApiError::new(status, body)
        .with_reason(reason)
        .with_message(message)
        .into()
}

/// The `meta` of an [`Error::Api`] from Carrot Quest, for the details the error itself does not
/// carry (`meta.error_fields` of a `ValidationError`).
///
/// ```
/// # use chatdesk_carrot_api::error_meta;
/// # let err = chatdesk_transport::Error::invalid("x");
/// if let Some(meta) = error_meta(&err) {
///     println!("{:?}", meta.error_fields);
/// }
/// ```
pub fn error_meta(err: &Error) -> Option<Meta> {
    match err {
        Error::Api(api) => serde_json::from_slice::<ErrorEnvelope>(&api.body)
            .ok()
            .and_then(|e| e.meta),
        _ => None,
    }
}

/// The Carrot Quest error name of an [`Error::Api`] (`ValidationError`, `LookupError`...), typed.
pub fn error_name(err: &Error) -> Option<ErrorName> {
    err.reason().map(|r| match r.parse::<ErrorName>() {
        Ok(n) => n,
        Err(never) => match never {},
    })
}
