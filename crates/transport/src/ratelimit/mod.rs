//! Client-side rate limiting: learn from refusals, and optionally pace below a known quota.
//!
//! A [`RateLimiter`] is shared state behind an `Arc`: every clone of a transport, and every
//! vendor client built on it, consults the same one. Three mechanisms:
//!
//! * **Reactive gate.** When the server refuses a request (a 429, or what the request's
//!   [`classify`](crate::classify) rules call a refusal, such as Crisp's 420), the request's
//!   [`RateKey`] is closed until the server's `Retry-After` (or [`LocalRateLimiter::default_pause`]),
//!   so that the other tasks using that key wait instead of collecting refusals. Other keys, and the
//!   other vendor, keep going. With adaptive pacing on (the default), a pause of a second or less
//!   (the least a whole-second `Retry-After` can say, so it tells little about a fast limit) does
//!   not close the key: the pace is cut instead (below). The gate never stays closed longer than
//!   [`LocalRateLimiter::max_gate`] (60 s by default, the retry layer's `max_retry_after`): after a
//!   longer `Retry-After`, one probe request goes at the ceiling and its answer reopens the key or
//!   closes it again. [`RateLimiter::reset`] reopens a key at once.
//! * **Proactive quota.** A [`Quota`] per vendor or per key (GCRA: a steady rate with a burst) lets a
//!   bulk job run at the limit instead of into it.
//! * **Adaptive pacing** (on by default). Crisp does not publish its limits, so after a refusal
//!   the limiter paces that key itself, one request per interval (no burst):
//!   - the first refusal sets the pace to half the rate sent over the last second;
//!   - a later refusal of a request sent at the current pace cuts it: to half when nothing was
//!     accepted at that pace (far above the limit); to 97% of the rate the server accepted since
//!     the last cut when at least three were and that rate and the pace stayed within 10% of
//!     each other (the server's bucket was empty at both refusals, so that rate is its limit);
//!     else by 10%.
//!     Refusals of requests sent before the last cut say nothing about the new pace and change
//!     nothing;
//!   - while the pace holds requests back and they are accepted, it grows: doubling every 100 ms
//!     until it is first cut, then by 0.1% per accepted request, so that it finds a limit that
//!     rose at the cost of about one refusal per hundred requests;
//!   - requests already waiting take a new slot when the pace is cut or has grown by a quarter,
//!     so that they neither go at a pace the server refused nor lag behind one it accepts;
//!   - a pace is forgotten after 60 s without a cut.
//!
//!   Under a limit the client is not told, 16 tasks finish within 15% of the ideal time with
//!   about 1% of their requests refused after the first volley (`tests/adaptive_pacing.rs`, at
//!   5/s, 100/s and 1,000/s). The first volley itself is refused beyond the server's burst, and
//!   each refused request waits its `Retry-After` in the retry layer before it goes again.
//!
//! * **Daily quotas** ([`DailyQuota`], per vendor). Once a day's budget is spent, or a vendor
//!   answer says the token's quota is ([`RateLimiter::exhausted`]), requests fail at once with
//!   [`Error::QuotaExhausted`], before sending; [`RateLimiter::budget`] tells how much is left.
//!
//! Waiting uses tokio's clock, so tests under `tokio::time::pause` are exact and instant.
//!
//! The trait is small and asynchronous so that a shared backend can implement it without
//! changing the layer or the vendor crates: `RedisRateLimiter` (feature `redis`) shares one
//! quota between every process on a token.

mod adaptive;
mod daily;
mod gcra;
mod layer;
mod local;
#[cfg(feature = "redis")]
pub mod redis;

pub use daily::{Budget, DailyQuota, DailyReset};
pub use layer::{RateLimit, RateLimitLayer};
pub(crate) use layer::{Settled, quota_error, settle};
pub use local::LocalRateLimiter;
#[cfg(feature = "redis")]
pub use redis::{FailurePolicy, RedisRateLimiter};

use crate::BoxFuture;
use crate::error::Error;
use crate::meta::RateKey;
use std::time::Duration;

/// What [`RateLimiter::acquire_now`] answers.
pub enum Acquire {
    /// Known at once: the request may go (`Ok`), or fails without waiting (`Err`).
    Ready(Result<(), Error>),
    /// The request must wait: this future ends when it may go, or fails.
    Wait(BoxFuture<Result<(), Error>>),
}

impl Acquire {
    /// Waits for the answer.
    pub async fn wait(self) -> Result<(), Error> {
        match self {
            Acquire::Ready(result) => result,
            Acquire::Wait(wait) => wait.await,
        }
    }
}

impl std::fmt::Debug for Acquire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Acquire::Ready(result) => f.debug_tuple("Ready").field(result).finish(),
            Acquire::Wait(_) => f.write_str("Wait(..)"),
        }
    }
}

/// A shared rate limiter consulted before every attempt.
///
/// Implement it to share limits between processes; only [`acquire`](Self::acquire) and
/// [`refused`](Self::refused) are required. A limiter that wraps another should forward every
/// method, the defaulted ones included.
pub trait RateLimiter: Send + Sync + 'static {
    /// Waits until a request on `key` may be sent. Fails with [`Error::RateLimited`] (scope
    /// [`RateLimitScope::Client`](crate::RateLimitScope::Client)) when the wait would exceed the limiter's cap.
    fn acquire(&self, key: RateKey) -> BoxFuture<Result<(), Error>>;

    /// [`acquire`](Self::acquire) for a request that must be done by `deadline` (the
    /// [`Deadline`](crate::Deadline) the timeout layers put on it; `None`: no deadline). The
    /// rate-limit layer calls this one. A limiter that knows its wait should fail at once with
    /// [`Error::RateLimited`] (scope [`RateLimitScope::Client`](crate::RateLimitScope::Client),
    /// `status: None`, the wait as `retry_after`) when the request could not go before
    /// `deadline`, instead of waiting until the timeout cancels it (which reports the request
    /// as maybe sent). The default ignores the deadline and calls `acquire`, so limiters
    /// written before it existed keep working; the call's timeout still bounds them.
    fn acquire_by(
        &self,
        key: RateKey,
        deadline: Option<tokio::time::Instant>,
    ) -> BoxFuture<Result<(), Error>> {
        let _ = deadline;
        self.acquire(key)
    }

    /// [`acquire_by`](Self::acquire_by) that answers at once, without a future, when it can:
    /// [`Acquire::Ready`] when the request may go now (or must fail now), [`Acquire::Wait`]
    /// with the wait otherwise. The transport calls this one before every attempt, so that the
    /// common case (nothing to wait for) costs no allocation. The default always waits through
    /// `acquire_by`; a limiter whose answer is often known at once overrides it.
    fn acquire_now(&self, key: RateKey, deadline: Option<tokio::time::Instant>) -> Acquire {
        Acquire::Wait(self.acquire_by(key, deadline))
    }

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

    /// Records that a vendor answer on `key` said the token's daily quota is spent
    /// ([`Outcome::QuotaExhausted`](crate::classify::Outcome::QuotaExhausted)), with how long
    /// until it frees up when the answer said. A limiter with a [`DailyQuota`] for the vendor
    /// marks it spent, so that [`acquire`](Self::acquire) fails with
    /// [`Error::QuotaExhausted`] before sending. The default treats it as a refusal
    /// ([`refused`](Self::refused)).
    fn exhausted(&self, key: RateKey, resets_in: Option<Duration>) {
        self.refused(key, resets_in);
    }

    /// The current budget of `vendor`'s [`DailyQuota`], or `None` when the limiter has none
    /// (the default).
    fn budget(&self, vendor: &'static str) -> BoxFuture<Option<Budget>> {
        let _ = vendor;
        Box::pin(async { None })
    }
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
