//! Crisp REST v1 types (feature `crisp`).
//!
//! Every response arrives wrapped in [`common::Envelope`]; decode the `data` part into the type the
//! endpoint documents. Web hooks (signature check and typed events) live in [`webhook`], which
//! needs nothing but this crate.
//!
//! Modules are grouped by the API's own endpoint groups; nothing is re-exported at this level so
//! that names never clash between groups.

pub mod common;
pub mod conversation;
pub mod message;
pub mod people;
pub mod webhook;

pub mod campaign;
pub mod helpdesk;
pub mod misc;
pub mod plugin;
pub mod user;
pub mod website;
