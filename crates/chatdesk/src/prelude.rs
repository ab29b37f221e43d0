//! The names most programs need, in one glob import.
//!
//! `use chatdesk::prelude::*;` brings in:
//!
//! * the clients of the vendors you compiled in: [`CrispClient`], its [`Credentials`] and
//!   [`Tier`] (feature `crisp`); [`CarrotClient`] and [`UserRef`] (feature `carrot`);
//! * the HTTP stack: [`Transport`], [`TransportBuilder`], [`RetryConfig`], [`LocalRateLimiter`]
//!   and [`Quota`], to build one transport for both clients (see
//!   [the crate docs](crate#one-transport-for-both-vendors));
//! * the one error type, [`Error`], and [`Secret`] for credentials you pass around;
//! * the traits whose methods you call without naming them: [`Endpoint`] (`.send()` and
//!   `.to_request()` on every call builder), and futures' [`StreamExt`] and [`TryStreamExt`]
//!   (`.next()` and `.try_next()` on the paginated streams).
//!
//! A glob import never conflicts with your own names: an item you define or import by name
//! hides the prelude's item of the same name.
//!
//! ```no_run
//! use chatdesk::prelude::*;
//!
//! # #[cfg(all(feature = "crisp", feature = "carrot"))]
//! # async fn run() -> Result<(), Error> {
//! let crisp = CrispClient::new(Credentials::new("identifier", "key", Tier::Plugin));
//! let carrot = CarrotClient::new("app.1.token");
//!
//! let mut conversations = crisp.website("website-id").conversations().list().stream();
//! while let Some(conversation) = conversations.try_next().await? {
//!     println!("{:?}", conversation.session_id);
//! }
//! carrot.user(UserRef::external("customer-42")).track_event("exported").await?;
//! # Ok(()) }
//! ```

#[cfg(feature = "carrot")]
pub use chatdesk_carrot_api::{CarrotClient, UserRef};
#[cfg(feature = "crisp")]
pub use chatdesk_crisp_api::{Credentials, CrispClient, Tier};
pub use chatdesk_transport::{
    Endpoint, Error, LocalRateLimiter, Quota, RetryConfig, Secret, Transport, TransportBuilder,
};
pub use futures_util::{StreamExt, TryStreamExt};
