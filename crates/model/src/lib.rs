//! Wire types for the Crisp REST v1 and Carrot Quest v1 APIs.
//!
//! This crate holds data only: serde types for requests, responses and web hooks, and the web hook
//! verification helpers. It has no HTTP dependencies, so a web hook receiver can depend on it alone.
//!
//! Enable the vendor you need:
//!
//! ```toml
//! chatdesk-model = { version = "0.1", features = ["crisp"] }   # or "carrot", or both
//! ```
//!
//! Decoding is tolerant by design: unknown fields are ignored, fields the vendor does not promise are
//! `Option`, and enums keep values they do not know in an `Other(String)` variant, so a new value on
//! the vendor's side never breaks a running integration.
#![deny(missing_docs)]

#[macro_use]
mod macros;

pub mod id;

#[cfg(feature = "crisp")]
pub mod crisp;

#[cfg(feature = "carrot")]
pub mod carrot;
