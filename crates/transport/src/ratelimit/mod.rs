//! Client-side rate limiting: learn from refusals, and optionally pace below a known quota.
//!
//! A [`RateLimiter`] is shared state behind an `Arc`: every clone of a transport, and every
//! vendor client built on it, consults the same one. Two mechanisms:
//!
//! * **Reactive gate.** When the server refuses a request (a 429, or what the request's
//!   [`classify`](crate::classify) rules call a refusal, such as Crisp's 420), the request's
//!   [`RateKey`] is closed until the server's `Retry-After` (or [`LocalRateLimiter::default_pause`]),
//!   so that the other tasks using that key wait instead of collecting refusals. Other keys, and the
//!   other vendor, keep going. The gate never stays closed longer than
//!   [`LocalRateLimiter::max_gate`] (60 s by default, the retry layer's `max_retry_after`): after a
//!   longer `Retry-After`, one probe request goes at the ceiling and its answer reopens the key or
//!   closes it again. [`RateLimiter::reset`] reopens a key at once.
//! * **Proactive quota.** A [`Quota`] per vendor or per key (GCRA: a steady rate with a burst) lets a
//!   bulk job run at the limit instead of into it.
//! * **Adaptive pacing** (on by default). Crisp does not publish its limits, so after a refusal
//!   the limiter paces that key at two thirds of the rate that was refused and creeps back up by
//!   1% per accepted request, to at most a share of the lowest rate refused so far: 85% while the
//!   refusals come within 2 s of each other (the pace is still far above the limit, so it
//!   narrows in by big steps), 95% once a pace has held for longer (it is close, so it stays
//!   close). It probes 10% higher after 30 s without a refusal, and forgets the pace after 60 s
//!   without one. Without it, every task waiting at a reopened gate would go at once and be
//!   refused again.
//!
//! Waiting uses tokio's clock, so tests under `tokio::time::pause` are exact and instant.
//!
//! The trait is small and asynchronous so that a shared backend (Redis, a coordinator) can
//! implement it later without changing the layer or the vendor crates.

mod adaptive;
mod gcra;
mod layer;
mod local;

pub use layer::{RateLimit, RateLimitLayer};
pub use local::LocalRateLimiter;

use crate::BoxFuture;
use crate::error::Error;
use crate::meta::RateKey;
use std::time::Duration;

/// A shared rate limiter consulted before every attempt.
///
/// Implement it to share limits between processes; only [`acquire`](Self::acquire) and
/// [`refused`](Self::refused) are required. A limiter that wraps another should forward every
/// method, the defaulted ones included.
pub trait RateLimiter: Send + Sync + 'static {
    /// Waits until a request on `key` may be sent. Fails with [`Error::RateLimited`] (scope
    /// [`RateLimitScope::Client`](crate::RateLimitScope::Client)) when the wait would exceed the limiter's cap.
    fn acquire(&self, key: RateKey) -> BoxFuture<Result<(), Error>>;

    /// Records that the server refused a request on `key`, with its `Retry-After` if any.
    fn refused(&self, key: RateKey, retry_after: Option<Duration>);

    /// Records that the server accepted a request on `key` (any answer the classifiers do not
    /// call a refusal). Limiters that learn a rate use it to speed up again; the default does
    /// nothing.
    fn succeeded(&self, key: RateKey) {
        let _ = key;
    }

    /// Forgets what the limiter learnt from refusals on `key`, so that it opens at once: an
    /// operator's way out when a server's `Retry-After` was wrong. Configured quotas keep
    /// pacing. The default does nothing, which suits a limiter that learns nothing.
    fn reset(&self, key: RateKey) {
        let _ = key;
    }

    /// [`reset`](Self::reset) for every key. The default does nothing.
    fn reset_all(&self) {}
}

/// A steady rate with a burst allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// The time between two requests at the steady rate.
    pub interval: Duration,
    /// How many requests may go back to back after a quiet period (at least 1).
    pub burst: u32,
}

impl Quota {
    /// `per_second` requests a second, with a burst of `burst`.
    ///
    /// ```
    /// use chatdesk_transport::Quota;
    /// let q = Quota::per_second(5, 2);
    /// assert_eq!(q.interval, std::time::Duration::from_millis(200));
    /// ```
    pub fn per_second(per_second: u32, burst: u32) -> Quota {
        Quota {
            interval: Duration::from_secs(1) / per_second.max(1),
            burst: burst.max(1),
        }
    }
}
