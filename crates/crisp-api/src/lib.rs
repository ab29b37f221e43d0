//! A typed client for the [Crisp](https://crisp.chat) REST API v1: every endpoint, on the
//! chatdesk HTTP stack (safe retries, rate limiting, timeouts, one error type).
//!
//! * **Client**: [`CrispClient`] with a token keypair and its [`Tier`]; it sends
//!   `Authorization: Basic …` (marked sensitive), `X-Crisp-Tier` and a `User-Agent`.
//! * **Groups**: calls are grouped the way the API is — `client.website(id).conversation(sid)
//!   .send_message(body)`, `client.website(id).conversations().list()`, `client.plugin()…`,
//!   `client.bucket()…` ([`groups`]). Required parameters are positional, optional ones are
//!   methods of the returned [`Call`].
//! * **Calls**: a [`Call`] (the endpoint kit's call type, declared here; the same shape as
//!   Carrot's, see `docs/conventions.md`) can be `.await`ed, sent with [`Call::send`], or turned
//!   into the exact `http::Request` with [`Call::to_request`] without sending it. Optional
//!   parameters: per-endpoint setters, or [`Call::params_mut`], [`Call::with_params`],
//!   [`Call::replace_params`]. Each endpoint is a marker in [`ops`] implementing [`Op`].
//! * **Envelope**: Crisp's `{error, reason, data}` is decoded once ([`envelope`]): `data` as
//!   the endpoint's type, or [`Error::Api`] with the status, `reason` and `data.message`.
//!   HEAD `check…`/`exists` routes return `bool`.
//! * **Lists**: every list returns a [`Page`]. Page-numbered lists ([`Paged`]) get
//!   [`Call::page`], and every list ([`List`]) gets [`Call::stream`] (a lazy `Stream` of
//!   items), [`Call::pages`] (page by page, with where to resume) and [`Call::stream_from`] /
//!   [`Call::pages_from`] (resume from a stored, serialisable [`Position`]). A page-numbered
//!   walk ends on an empty page; the message walk (newest first, cursor [`MessageCursor`]) ends
//!   after Crisp's 200, so `N` messages cost `ceil(N / 20)` requests. `per_page` takes 20–50
//!   ([`PER_PAGE`]), checked before sending.
//! * **Confirmed writes**: a message send or a profile creation whose answer was lost is looked
//!   up (by fingerprint, by e-mail) and answered from what the server holds, re-sent only where
//!   "not found" proves it was not applied ([`confirm`]; opt out with [`Call::confirm`] or
//!   [`CrispClientBuilder::confirm_writes`]).
//! * **Real time** (feature `rtm`, off by default; the `chatdesk` umbrella's `rtm` feature
//!   turns it on): `client.rtm().events([…]).connect().await?` streams Crisp's RTM events,
//!   typed like web hooks, with reconnection and backpressure (`rtm` module).
//! * **Table**: every endpoint is one declaration in the crate's endpoint table; [`ENDPOINTS`]
//!   lists them (method, path template, Rust call, replay and rate-limit class).
//!
//! ```
//! use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
//! use chatdesk_model::crisp::message::{MessageContent, MessageSend};
//!
//! let client = CrispClient::new(Credentials::new("identifier", "key", Tier::Plugin));
//! let website = client.website("8c842203-7ed8-4e29-a608-7cf78a7d2fcc");
//!
//! // Build (or `.await`) a call: here we only look at the request it would send.
//! let send = website.conversation("session_1").send_message(MessageSend::operator(MessageContent::text("Hi!")));
//! let request = send.to_request().unwrap();
//! assert_eq!(request.method(), "POST");
//! assert_eq!(
//!     request.uri().path(),
//!     "/v1/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/conversation/session_1/message"
//! );
//! ```
//!
//! Against the API (or a simulator: point [`CrispClientBuilder::base_url`] at it):
//!
//! ```no_run
//! use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
//! use futures_util::TryStreamExt;
//!
//! # async fn run() -> Result<(), chatdesk_crisp_api::Error> {
//! let client = CrispClient::new(Credentials::new("identifier", "key", Tier::Plugin));
//! let website = client.website("8c842203-7ed8-4e29-a608-7cf78a7d2fcc");
//! let unread = website.conversations().list().filter_unread(true).await?;
//! println!("{} unread on page 1", unread.len());
//! let mut all = website.conversations().list().per_page(50).stream();
//! while let Some(conversation) = all.try_next().await? {
//!     println!("{:?}", conversation.session_id);
//! }
//! let history: Vec<_> = website.conversation("session_1").messages().stream().try_collect().await?;
//! if !website.person("jane@example.com").exists().await? {
//!     println!("no such contact");
//! }
//! # let _ = history; Ok(()) }
//! ```
//!
//! # Differences from the official Node client (11.3.0)
//!
//! Every request is checked against Node's recorded request (`tests/requests.rs`). Where they
//! differ, it is on purpose:
//!
//! * path ids are percent-encoded per segment (Node inserts them raw, so `a/b?c#d e` changes
//!   its route); only the Helpdesk tree `{path}` spans segments;
//! * `sendEmailToWebsiteOperators` sends `user_id` (Node's type says `userID`) and
//!   `updateWebsiteSettings` sends no `websiteID` in the body: the API's keys are snake_case
//!   (Go's JSON tags agree) and the website is in the path;
//! * bodies are typed: a call whose required fields are missing does not compile, where Node
//!   sends `{}`;
//! * `User-Agent` is `chatdesk-crisp-api/<version>`, and a failed attempt is re-sent only where
//!   the transport's replay rule allows it (see [`chatdesk_transport::retry`]);
//! * Go-only and legacy routes (legacy Helpdesk locale articles/categories/sections, `/user/*`,
//!   `people/segments`) are declared too.
#![deny(missing_docs)]

#[macro_use]
mod macros;

mod call;
mod client;
pub mod confirm;
pub mod envelope;
pub mod groups;
mod messages;
mod query;
mod retry_rules;
#[cfg(feature = "rtm")]
pub mod rtm;
mod table;

pub use call::{Call, CallSettings, Json, NoBody, Paged, Payload};
pub use client::{
    Credentials, CrispClient, CrispClientBuilder, DEFAULT_BASE_URL, DEFAULT_USER_AGENT,
    PLUGIN_DAILY_QUOTA, Tier, WEBSITE_DAILY_QUOTA,
};
pub use messages::{MESSAGE_BATCH, MessageCursor};
pub use query::PER_PAGE;
pub use table::{ENDPOINTS, ops};

/// The Crisp error name of an [`Error::Api`] (`reason` in Crisp's envelope, such as
/// `invalid_data`, `not_found`, `people_exists`), as the server sent it; `None` for any other
/// error, or an error answer that was not a Crisp envelope.
///
/// Crisp documents no closed list of reasons, so the name is not typed: compare it with the
/// reason you handle.
///
/// ```
/// # let err = chatdesk_crisp_api::Error::invalid("x");
/// if chatdesk_crisp_api::error_name(&err) == Some("people_exists") {
///     println!("already there");
/// }
/// ```
pub fn error_name(err: &Error) -> Option<&str> {
    match err {
        Error::Api(_) => err.reason(),
        _ => None,
    }
}

/// The README's example, compiled as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

#[cfg(feature = "__raw-table")]
#[doc(hidden)]
pub mod __private {
    pub use crate::call::__private::*;
    pub use crate::table::RAW;
}

pub use chatdesk_model::crisp as model;
pub use chatdesk_transport::{
    Budget, DailyQuota, DailyReset, Endpoint, Error, List, Op, Page, PageStep, Paginator, Position,
    Secret, Transport,
};
