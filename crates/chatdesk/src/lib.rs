//! Rust clients for the Crisp and Carrot Quest customer-messaging APIs.
//!
//! This crate gathers the workspace behind one dependency:
//!
//! * [`crisp`]: the Crisp REST v1 client (feature `crisp`, default);
//! * [`carrot`]: the Carrot Quest / Dashly client (feature `carrot`, default);
//! * [`transport`]: the HTTP stack both use (retries that never duplicate a write, a shared rate
//!   limiter, timeouts, the [`Error`] type);
//! * [`model`]: the wire types, usable without any HTTP (for web hook receivers).
//!
//! Turn off the vendor you do not use; its code is then not compiled at all:
//!
//! ```toml
//! chatdesk = { version = "0.1", default-features = false, features = ["carrot", "hyper-client"] }
//! ```
#![deny(missing_docs)]

#[cfg(feature = "carrot")]
pub use chatdesk_carrot_api as carrot;
#[cfg(feature = "crisp")]
pub use chatdesk_crisp_api as crisp;
pub use chatdesk_model as model;
pub use chatdesk_transport as transport;

pub use chatdesk_transport::{Error, Secret, Transport};
