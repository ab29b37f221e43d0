//! The simulator's internal request/response contract between the server core and the vendor
//! route handlers.
//!
//! The core (server, auth-independent plumbing, rate limits, faults, accounting) turns each HTTP
//! request into an [`Exchange`] and asks a vendor module for a [`Reply`]. Vendor modules never touch
//! hyper types, so they stay plain functions over state that tests can call directly.

use bytes::Bytes;
use http::{HeaderMap, Method, StatusCode};

/// One incoming request, fully buffered.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The HTTP method.
    pub method: Method,
    /// The path after the vendor prefix, still percent-encoded, starting with `/`
    /// (for Crisp: what follows `/v1`, e.g. `/website/abc/conversations/1`).
    pub path: String,
    /// The raw query string, without `?`, empty when absent.
    pub query: String,
    /// The request headers.
    pub headers: HeaderMap,
    /// The request body.
    pub body: Bytes,
}

/// What a vendor module answers.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The status code.
    pub status: StatusCode,
    /// Extra headers (the core adds `content-type: application/json` when the body is non-empty and
    /// no content type is set).
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl Reply {
    /// A JSON reply with the given status.
    pub fn json(status: StatusCode, value: &serde_json::Value) -> Reply {
        Reply {
            status,
            headers: HeaderMap::new(),
            body: Bytes::from(value.to_string()),
        }
    }

    /// An empty reply (used for HEAD answers).
    pub fn empty(status: StatusCode) -> Reply {
        Reply {
            status,
            headers: HeaderMap::new(),
            body: Bytes::new(),
        }
    }
}
