//! The HTTP stack under chatdesk's vendor clients.
//!
//! A [`Transport`] is a tower service over hyper-util's pooled client (rustls with the ring
//! provider, HTTP/1.1 and HTTP/2) with the behaviour a production integration needs:
//!
//! * **retries that never duplicate a write** ([`retry`]): a request is re-sent only when it never
//!   left the process, when the server refused it unprocessed (429, or what the vendor's
//!   [`classify`] rules call a refusal, after `Retry-After`), or when it is marked
//!   [`Replay::Safe`]; attempts are bounded, backed off with full jitter and budgeted;
//! * **rate limiting** ([`ratelimit`]): a shared limiter that pauses a route after a refusal and can
//!   pace requests to a known quota;
//! * **timeouts** per attempt and per call, a **body size cap**, and one **error type**
//!   ([`Error`]) that says what happened and whether the request may have been processed;
//! * **tracing**: a span per call and an event per retry, never containing credentials.
//!
//! Every layer is public and usable alone, and the builder takes your own layers and your own
//! inner service:
//!
//! ```
//! use chatdesk_transport::{Body, RetryConfig, Transport};
//! use bytes::Bytes;
//! use http::{Request, Response};
//! use std::convert::Infallible;
//!
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! // A test double instead of the network: every request gets 200 "ok".
//! let double = tower::service_fn(|_req: Request<Body>| async {
//!     Ok::<_, Infallible>(Response::new(http_body_util::Full::new(Bytes::from_static(b"ok"))))
//! });
//! let transport = Transport::builder()
//!     .retry(RetryConfig::disabled())
//!     // your own layer around every attempt: here, a header on each request
//!     .layer_per_attempt(tower::util::MapRequestLayer::new(|mut req: Request<Body>| {
//!         req.headers_mut().insert("x-trace", http::HeaderValue::from_static("1"));
//!         req
//!     }))
//!     .service(double)
//!     .build();
//! let resp = transport.send(Request::get("http://unused/").body(Body::default()).unwrap()).await.unwrap();
//! assert_eq!(resp.body(), "ok");
//! # }
//! ```
#![deny(missing_docs)]

mod builder;
pub mod classify;
#[cfg(feature = "hyper-client")]
mod client;
mod collect;
pub mod endpoint;
mod error;
pub mod kit;
pub mod layered;
mod meta;
mod page;
pub mod paginate;
pub mod ratelimit;
#[cfg(feature = "websocket")]
pub mod realtime;
pub mod retry;
mod secret;
mod stack;
mod timeout;
mod trace;
#[cfg(feature = "websocket")]
pub mod websocket;
#[cfg(feature = "websocket")]
mod ws_handshake;

pub use builder::{Transport, TransportBuilder};
pub use classify::{Classifier, RetryRules};
#[cfg(feature = "hyper-client")]
pub use client::{HyperClient, hyper_client, tls_config};
pub use collect::{Collect, CollectLayer, DEFAULT_MAX_BODY};
pub use endpoint::{
    BaseUrl, Endpoint, EndpointSpec, Multipart, PathArg, PlainHttpRefused, RequestBody,
    build_described, build_request, decode_json, encode_query, parse_json,
};
pub use error::{ApiError, BoxError, Error, RateLimitScope};
pub use kit::{List, Op, Parts, Vendor, send_once};
pub use meta::{Deadline, Described, RateKey, Replay, RequestMeta};
pub use page::Page;
pub use paginate::{Fetched, PageStep, Pages, Paginator, Position};
pub use ratelimit::{
    Acquire, Budget, DailyQuota, DailyReset, LocalRateLimiter, Quota, RateLimitLayer, RateLimiter,
};
#[cfg(feature = "redis")]
pub use ratelimit::{FailurePolicy, RedisRateLimiter};
pub use retry::{Attempts, RetryBudget, RetryConfig, RetryLayer};
pub use secret::Secret;
pub use timeout::{Timeout, TimeoutLayer};
pub use trace::{Trace, TraceLayer};

pub use bytes;
pub use http;

/// The request body every layer sees: the whole body in memory, so a retry is a cheap clone.
pub type Body = http_body_util::Full<bytes::Bytes>;

/// A boxed, `Send` future, as the layers return.
pub type BoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'static>>;

/// The type-erased stack: `Clone + Send + Sync`, no worker task.
pub type HttpService =
    tower::util::BoxCloneSyncService<http::Request<Body>, http::Response<bytes::Bytes>, Error>;
