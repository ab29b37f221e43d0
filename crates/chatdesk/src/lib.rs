//! Rust clients for the Crisp and Carrot Quest customer-messaging APIs.
//!
//! This crate gathers the workspace behind one dependency:
//!
//! * [`crisp`]: the Crisp REST v1 client (feature `crisp`, default);
//! * [`carrot`]: the Carrot Quest / Dashly client (feature `carrot`, default);
//! * [`transport`]: the HTTP stack both use (retries that never duplicate a write, a shared rate
//!   limiter, timeouts, the [`Error`] type);
//! * [`model`]: the wire types, usable without any HTTP (for web hook receivers);
//! * [`prelude`]: the usual imports in one line, `use chatdesk::prelude::*;`;
//! * `sim` (feature `sim`, off by default): clients wired to the `chatdesk-sim` simulator in
//!   one call, for tests and examples.
//!
//! Turn off the vendor you do not use; its code is then not compiled at all:
//!
//! ```toml
//! chatdesk = { version = "0.1", default-features = false, features = ["carrot", "hyper-client"] }
//! ```
//!
//! # One transport for both vendors
//!
//! Each client builds its own [`Transport`] unless you give it one. Give both the same one (a
//! clone: clones share everything) and the two clients send through **one connection pool, one
//! rate limiter and one retry budget**:
//!
//! ```no_run
//! use chatdesk::prelude::*;
//! use std::sync::Arc;
//!
//! # #[cfg(not(all(feature = "crisp", feature = "carrot")))] fn main() {}
//! # #[cfg(all(feature = "crisp", feature = "carrot"))]
//! # fn main() -> Result<(), Error> {
//! let transport = Transport::builder()
//!     .rate_limiter(chatdesk::default_rate_limiter())
//!     .build();
//! let crisp = CrispClient::builder()
//!     .credentials(Credentials::new("identifier", "key", Tier::Plugin))
//!     .transport(transport.clone())
//!     .build()?;
//! let carrot = CarrotClient::builder()
//!     .token("app.1.token")
//!     .transport(transport.clone())
//!     .build()?;
//! assert!(Arc::ptr_eq(
//!     crisp.transport().rate_limiter(),
//!     carrot.transport().rate_limiter(),
//! ));
//! # Ok(()) }
//! ```
//!
//! Sharing costs neither vendor its independence: the limiter keeps its state per vendor and
//! route class, so when Crisp refuses a request (429/420) only that Crisp route waits out the
//! refusal; Carrot requests, and other Crisp routes, keep going.
//!
//! **Carrot's pace comes from the transport.** A Carrot client that builds its own transport
//! paces itself to [`carrot::DEFAULT_QUOTA`] (Carrot Quest publishes no limit but blocks tokens
//! that burst). A transport you pass to [`carrot::CarrotClientBuilder::transport`] is used as
//! given, and [`carrot::CarrotClientBuilder::quota`] is then ignored: the pace is whatever the
//! transport's limiter says. Build the shared transport on [`default_rate_limiter`], which
//! carries that quota, or on your own [`transport::LocalRateLimiter`] with
//! `.vendor_quota("carrot", …)`; a plain [`Transport::default`] does not pace Carrot at all.
#![deny(missing_docs)]

#[cfg(feature = "carrot")]
pub use chatdesk_carrot_api as carrot;
#[cfg(feature = "crisp")]
pub use chatdesk_crisp_api as crisp;
pub use chatdesk_model as model;
pub use chatdesk_transport as transport;

pub mod prelude;
#[cfg(feature = "sim")]
pub mod sim;

pub use chatdesk_transport::{Error, Secret, Transport};

use chatdesk_transport::LocalRateLimiter;

/// The rate limiter the vendor clients use when they build their own transport, for a
/// transport you share between them.
///
/// Both vendors get the reactive gate (a refused route waits for the server's `Retry-After`)
/// and adaptive pacing after refusals. With the `carrot` feature, Carrot requests are also paced
/// to [`carrot::DEFAULT_QUOTA`]. Crisp publishes no quota, so none is set for it; add your own
/// with [`LocalRateLimiter::vendor_quota`] (vendor `"crisp"` or `"carrot"`), which replaces the
/// default for that vendor.
pub fn default_rate_limiter() -> LocalRateLimiter {
    let limiter = LocalRateLimiter::new();
    #[cfg(feature = "carrot")]
    let limiter = limiter.vendor_quota("carrot", chatdesk_carrot_api::DEFAULT_QUOTA);
    limiter
}

/// The examples of the README and of the guides in `docs/`, run as doc tests so that what the
/// front page shows keeps compiling and working.
#[cfg(all(
    doctest,
    feature = "crisp",
    feature = "carrot",
    feature = "hyper-client"
))]
mod guide_doctests {
    #[doc = include_str!("../../../README.md")]
    pub struct Readme;
    #[doc = include_str!("../../../docs/retries-and-rate-limits.md")]
    pub struct RetriesAndRateLimits;
    #[doc = include_str!("../../../docs/testing-with-the-simulator.md")]
    pub struct TestingWithTheSimulator;
}
