//! The `{meta, data}` envelope every Carrot Quest response comes in.

use crate::carrot::common::Position;
use crate::carrot::wire::{de_cursor, de_opt_lenient_uint};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

string_enum! {
    /// The error name in `meta.error`.
    pub enum ErrorName {
        /// A parameter is missing or invalid (400); see `meta.error_fields`.
        ValidationError => "ValidationError",
        /// The request is malformed (400).
        BadRequest => "BadRequest",
        /// No object with this id, or an unknown User ID (400, not 404).
        LookupError => "LookupError",
        /// The token is missing or invalid (401).
        NotAuthenticated => "NotAuthenticated",
        /// The token may not touch this object or action (403).
        PermissionDeniedError => "PermissionDeniedError",
        /// Unknown route (404).
        Error404 => "Error404",
        /// The message or file is too large (reply, startconversation).
        ReplyTooBig => "ReplyTooBig",
        /// The tag is already on the conversation.
        ConversationTagAlreadyAssigned => "ConversationTagAlreadyAssigned",
        /// The tag to remove is not on the conversation.
        ConversationTagIsNotAssigned => "ConversationTagIsNotAssigned",
        /// v1: wrong HTTP method.
        MethodNotAllowed => "MethodNotAllowed",
        /// v1: bad credentials.
        AuthenticationFailed => "AuthenticationFailed",
        /// v1: missing scope or right.
        PermissionDenied => "PermissionDenied",
    }
}

wire_struct! {
    /// The `meta` object: status, error details, pagination cursors and per-endpoint extras.
    ///
    /// Every field is optional; a missing or `null` field is `None`.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct Meta {
        /// The HTTP status, repeated (a numeric string is read too; anything else reads as `None`).
        #[serde(deserialize_with = "de_opt_lenient_uint")]
        pub status: Option<u16>,
        /// The error name, on failure.
        pub error: Option<ErrorName>,
        /// A human-readable error text, on failure.
        pub error_message: Option<String>,
        /// The failing fields of a `ValidationError`; the shape is not documented, so it is kept as
        /// JSON.
        pub error_fields: Option<serde_json::Value>,
        /// v1 cursor for the next page, an integer or a float on the wire, kept as its exact text.
        #[serde(deserialize_with = "de_cursor")]
        pub next_after: Option<String>,
        /// v2 position of the page before this one; `None` when there is none.
        pub next_before_position: Option<Position>,
        /// v2 position of the page after this one; `None` when there is none.
        pub next_after_position: Option<Position>,
        /// A total count, where an endpoint reports one in `meta`.
        #[serde(deserialize_with = "de_opt_lenient_uint")]
        pub total: Option<u64>,
        /// `POST /users/{id}/props`: names of the properties that changed.
        pub affected_props: Option<Vec<String>>,
        /// `POST /users/{id}/props`: operations the server skipped (empty value, nothing to
        /// change). Their shape is not documented, so they are kept as JSON.
        pub ignored_operations: Option<Vec<serde_json::Value>>,
    }
}

impl Meta {
    /// A success `meta` with status 200.
    pub fn ok() -> Self {
        Meta {
            status: Some(200),
            ..Meta::default()
        }
    }

    /// An error `meta`.
    pub fn error(status: u16, error: ErrorName, message: impl Into<String>) -> Self {
        Meta {
            status: Some(status),
            error: Some(error),
            error_message: Some(message.into()),
            ..Meta::default()
        }
    }

    /// Whether this describes a failure: an error name, or a status of 400 or more.
    pub fn is_error(&self) -> bool {
        self.error.is_some() || self.status.is_some_and(|s| s >= 400)
    }
}

/// A response: `meta` plus the endpoint's `data`.
///
/// `data` is `None` when absent or `null`. On an error response (see [`Meta::is_error`]) a `data`
/// that does not fit `T` (usually `{}`) is dropped instead of failing the decode, so the error
/// details stay readable. Decoding needs `serde_json` (from text or from a `Value`).
///
/// A `data` decode error reads `data: <serde_json error>`, with line and column counted inside the
/// `data` value. To get a full path instead, decode `Envelope<Box<serde_json::value::RawValue>>`
/// and decode the raw `data` with a path-tracking deserializer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Envelope<T> {
    /// Status, errors and cursors.
    pub meta: Meta,
    /// The payload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
}

impl<T> Envelope<T> {
    /// A success envelope around `data`.
    pub fn ok(data: T) -> Self {
        Envelope {
            meta: Meta::ok(),
            data: Some(data),
        }
    }

    /// An envelope with the given `meta` and no data.
    pub fn from_meta(meta: Meta) -> Self {
        Envelope { meta, data: None }
    }

    /// Whether the server reported an error.
    pub fn is_error(&self) -> bool {
        self.meta.is_error()
    }

    /// The data on success, or the `meta` on error or when data is missing.
    pub fn into_result(self) -> Result<T, Box<Meta>> {
        match self.data {
            Some(d) if !self.meta.is_error() => Ok(d),
            _ => Err(Box::new(self.meta)),
        }
    }
}

#[derive(Deserialize)]
struct RawEnvelope {
    #[serde(default)]
    meta: Option<Meta>,
    #[serde(default)]
    data: Option<Box<RawValue>>,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Envelope<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawEnvelope::deserialize(d)?;
        let meta = raw.meta.unwrap_or_default();
        let data = match raw.data {
            None => None,
            Some(r) if r.get().trim() == "null" => None,
            Some(r) => match serde_json::from_str::<T>(r.get()) {
                Ok(v) => Some(v),
                Err(_) if meta.is_error() => None,
                Err(e) => return Err(D::Error::custom(format_args!("data: {e}"))),
            },
        };
        Ok(Envelope { meta, data })
    }
}
