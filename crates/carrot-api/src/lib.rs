//! A typed client for the Carrot Quest / Dashly REST API (v1 base URL, current endpoints).
//!
//! * **Every current endpoint** (24, see [`ENDPOINTS`]), each declared once in the crate's
//!   endpoint table: its marker in [`ops`], its method on a handle ([`App`], [`Conversation`],
//!   [`User`], or the client), its path, wire types, replay class and reason, and rate-limit
//!   class ([`DECLARATIONS`]). Built on the kit both vendor crates share
//!   ([`chatdesk_transport::kit`]; the conventions are in `docs/conventions.md`): every method
//!   returns a [`Call`]`<ops::Name>`, to `.await` or inspect with `.to_request()`.
//! * **Requests as the API expects them**: the token only in `Authorization: Token …` (marked
//!   sensitive), GET parameters in the query, POST/DELETE parameters as
//!   `application/x-www-form-urlencoded` with arrays and objects JSON-encoded into one value,
//!   multipart only when a file is sent, `id_as_string=true` on every request so ids above 2^53
//!   arrive intact.
//! * **Users by one type**, [`UserRef`]: a Carrot id, or your own User ID (percent-encoded in
//!   the path, with `by_user_id=true`); an endpoint that takes only Carrot ids refuses the other
//!   kind unsent.
//! * **One envelope decoder** ([`envelope::decode_envelope`]): error answers become
//!   [`Error::Api`] with the status, `meta.error` as the reason ([`error_name`], typed) and
//!   `meta.error_message` as the message.
//! * **Lists** return a [`Page`] (`Page<T, Meta>`, or `Page<User, LeadsMeta>` for the leads),
//!   and walk every page with `.stream()` / `.pages()`, resumable from a serialisable
//!   [`Position`] with `.stream_from(..)`, over the three pagination schemes ([`paginate`]).
//! * **Props** with a typed operations builder that splits past 250 operations ([`SetProps`]).
//! * Sent through [`chatdesk_transport`]: retries that never duplicate a write, a client-side
//!   pace of [`DEFAULT_QUOTA`], timeouts.
//! * **Real time** (feature `rts`, off by default): `client.rts()`, a resumable websocket
//!   subscription to the app's RTS channels that delivers each message once across
//!   reconnects (the `rts` module).
//!
//! # Examples
//!
//! Set properties and track an event (against a loopback double standing in for the API):
//!
//! ```
//! use chatdesk_carrot_api::{CarrotClient, UserRef};
//! # use chatdesk_transport::{Body, Transport};
//! # use http::{Request, Response};
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let double = tower_double();
//! let client = CarrotClient::builder()
//!     .token("app.1.secret")
//!     .transport(double) // omit for the real network
//!     .build()?;
//! let user = client.user(UserRef::external("customer-42"));
//!
//! let outcome = user
//!     .props()
//!     .update_or_create("$email", "ada@example.com")
//!     .add("orders", 1)
//!     .await?;
//! println!("changed: {:?}", outcome.affected_props);
//!
//! let event = user
//!     .track_event("$order_completed")
//!     .param("$order_amount", 120)
//!     .await?;
//! println!("event {}", event.id);
//! # Ok(()) }
//! # fn tower_double() -> Transport {
//! #     let svc = tower::service_fn(|req: Request<Body>| async move {
//! #         let body = if req.uri().path().ends_with("/events") {
//! #             r#"{"meta":{"status":200},"data":{"id":"9007199254740993"}}"#
//! #         } else {
//! #             r#"{"meta":{"status":200,"affected_props":["$email","orders"],"ignored_operations":[]},"data":{}}"#
//! #         };
//! #         Ok::<_, std::convert::Infallible>(Response::new(http_body_util::Full::new(bytes::Bytes::from(body))))
//! #     });
//! #     Transport::builder().service(svc).build()
//! # }
//! ```
//!
//! Reply in a conversation, and export every conversation of the app:
//!
//! ```no_run
//! use chatdesk_carrot_api::CarrotClient;
//! use futures_util::TryStreamExt;
//! # async fn run() -> Result<(), chatdesk_transport::Error> {
//! let client = CarrotClient::new(std::env::var("CARROT_TOKEN").unwrap_or_default());
//!
//! let part = client
//!     .conversation(7100586_u64)
//!     .reply("Thanks, we are on it!")
//!     .from_admin(24601_u64)
//!     .await?;
//! println!("sent part {}", part.id);
//!
//! let mut all = client.this_app().conversations().per_page(50).stream();
//! while let Some(conversation) = all.try_next().await? {
//!     println!("{} closed={:?}", conversation.id, conversation.closed);
//! }
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

#[macro_use]
mod macros;

mod call;
mod client;
pub mod envelope;
pub mod groups;
pub mod paginate;
mod props;
mod retry_rules;
#[cfg(feature = "rts")]
pub mod rts;
mod setters;
mod table;

pub use call::{Call, CallExtra, Declaration, UserKinds};
pub use client::{
    CarrotClient, CarrotClientBuilder, DASHLY_BASE_URL, DEFAULT_BASE_URL, DEFAULT_QUOTA, UserRef,
};
pub use envelope::{error_meta, error_name};
pub use groups::{App, Conversation, User};
pub use paginate::{Cursor, LeadsMeta};
pub use props::{PropsError, SetProps};
pub use table::{DECLARATIONS, ENDPOINTS, ops};

pub use chatdesk_model::carrot as model;
pub use chatdesk_transport::{
    Endpoint, Error, List, Op, Page, PageStep, Paginator, Position, Secret, Transport,
};
