//! Carrot Quest / Dashly types (feature `carrot`).
//!
//! Every response is an [`Envelope`] of `meta` and `data`; the `data` type of each endpoint and
//! its parameter type are listed in `docs/api/carrot-types-map.tsv`. All types are re-exported
//! here, so `chatdesk_model::carrot::Conversation` works.
//!
//! Wire facts these types follow:
//!
//! - **Parameters** go as a query string (GET) or an `application/x-www-form-urlencoded` body
//!   (POST, DELETE). Every params type serializes with `serde_urlencoded`; arrays and objects
//!   (`operations`, `params`, `filters`, `tags`, `paginate_position`...) are written as JSON text
//!   inside one value, as the API expects. File uploads are multipart and left to the caller.
//! - **Ids** are [`FlexId`](crate::id::FlexId): read from numbers or strings (`id_as_string=true`),
//!   never through `f64`, written as strings.
//! - **Client flags** are not fields of the params types: `id_as_string` (sent on every request)
//!   and `by_user_id` (sent when the path names a user by your own User ID) are the API crate's
//!   to add, so a params value describes the request's content and nothing else.
//! - **Cursors** are kept as the exact text the server sent: `meta.next_after` (an integer or a
//!   float) as a `String`, and v2 positions as [`Position`], to pass back unchanged. This is why
//!   the `carrot` feature turns on `serde_json/raw_value`, and why decoding an [`Envelope`] needs
//!   `serde_json` (from text, or from a `Value`).
//! - **Tolerance**: unknown fields are ignored, optional fields are `Option`, and enums keep
//!   unknown values in `Other`. An error response whose `data` does not fit still decodes.
//!
//! Open points of the API and how the types absorb them:
//!
//! - Which pagination fields a list returns without a version prefix: [`Meta`] reads both.
//! - Whether the leads list returns `data.total`: [`Leads::total`] is optional.
//! - The shapes of `meta.error_fields`, `meta.ignored_operations`, channels and several optional
//!   User fields are not documented: they stay `serde_json::Value`.
//! - `markread`, `unsubscribeemail` and `/utils/email` have no documented response: their response
//!   type is `serde_json::Value`.
//! - The names of the flags that include optional Conversation fields are unknown: the params
//!   types carry an `extra` map sent as given.
//! - The chat-message web hook is documented as form-encoded (one help page also says "base64",
//!   unexplained): [`parse_webhook`] reads the form encoding only.
//! - Whether the event web hook's `user_id` is always the numeric Carrot id: a non-numeric value is
//!   kept in `extra` instead of failing the parse.

mod app;
mod common;
mod conversation;
mod envelope;
mod event;
mod filter;
mod props;
mod rts;
mod user;
mod util;
mod webhook;
mod wire;

pub use app::*;
pub use common::*;
pub use conversation::*;
pub use envelope::*;
pub use event::*;
pub use filter::*;
pub use props::*;
pub use rts::*;
pub use user::*;
pub use util::*;
pub use webhook::*;
