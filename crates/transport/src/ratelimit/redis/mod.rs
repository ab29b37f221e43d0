//! [`RedisRateLimiter`] (feature `redis`): one quota shared by every process on a token.
//!
//! A vendor's limit belongs to the token, not to a process: four workers with their own
//! [`LocalRateLimiter`](crate::LocalRateLimiter) send four times the limit. This limiter keeps
//! the quota in Redis, so every process using the same token id (and key prefix) draws from one
//! budget:
//!
//! * **One atomic script per decision** (`acquire.lua`): the shared pause first, then GCRA on
//!   the vendor quota and the route, on the **Redis server's clock** (integer microseconds), so
//!   client clocks do not matter. A request reserves its slot and sleeps until it: one round
//!   trip per request, no polling. A wait beyond [`max_wait`](RedisRateLimiterBuilder::max_wait)
//!   fails at once and takes nothing. Every key has a TTL. Burst and rate mean what they mean
//!   in-process (the same test table runs against both).
//! * **Shared pause** (`pause.lua`): a refusal (429, Crisp's 420) seen by one worker pauses
//!   that key for all of them until its `Retry-After` (else
//!   [`default_pause`](RedisRateLimiterBuilder::default_pause), at most
//!   [`max_gate`](RedisRateLimiterBuilder::max_gate)). A pause never shortens a longer one,
//!   and the route's pacing restarts at the steady rate after it, without a burst. Unlike the
//!   in-process limiter there is no probe after a capped pause, and no adaptive pacing: give
//!   the limiter the quota.
//! * **Daily quota** ([`daily_quota`](RedisRateLimiterBuilder::daily_quota)): counted in the
//!   same script, checked at the instant the request would go and before counting, with the
//!   in-process limiter's buckets (25 hourly buckets for a rolling 24 h, one for a fixed
//!   reset) and the same case table. A spent budget fails the call with
//!   [`Error::QuotaExhausted`](crate::Error::QuotaExhausted) before sending, in every process;
//!   a vendor's "quota spent" answer marks it spent for all of them.
//! * **Keys** `<prefix>:{<vendor>:<fingerprint>}:…`: the fingerprint is a short SHA-256 of the
//!   token id; neither the id nor any credential is sent to Redis. The braces keep a token's
//!   keys in one Redis Cluster slot. Use a dedicated database, or `noeviction`.
//! * **Failures**: every round trip is bounded by [`timeout`](RedisRateLimiterBuilder::timeout)
//!   (100 ms by default) and by the request's [`Deadline`](crate::Deadline) less 5 ms; the
//!   deadline also caps the wait Redis may reserve (see below). Then the
//!   [`FailurePolicy`] holds: fail open to an in-process limiter at a share of the quota
//!   (default), or fail closed with an error that says the request was not sent. After three
//!   failures in a row Redis is left alone for 2 s, then one request probes it. A round trip
//!   cut short by a deadline is not counted as a failure.
//! * **Deadlines** ([`RateLimiter::acquire_by`](crate::ratelimit::RateLimiter::acquire_by)):
//!   no wait ends after the request's deadline. Redis is asked only for a slot before it, so a
//!   later one fails at once with [`Error::RateLimited`](crate::Error::RateLimited) (scope
//!   client) and takes nothing; with no time left to ask, the policy answers at once. When the
//!   slot Redis reserved ends after the deadline once its answer is back (the round trip took
//!   the difference), the request fails the same way and the slot is left unused: that costs
//!   the fleet one slot, where sending early would over-send and giving it back would need a
//!   second round trip that later reservations make unsafe.
//!
//! * **Redis Cluster** (feature `redis-cluster`): `RedisRateLimiter::cluster_builder(seeds)`
//!   takes the URLs of some nodes and the same settings. A token's keys share one slot (the
//!   hash tag above), so a decision is still one script on one node; `EVALSHA` goes to the
//!   slot's node, and a `NOSCRIPT` loads the script on every primary and runs it again. A
//!   cluster has only database 0: separate applications by [`prefix`](RedisRateLimiterBuilder::prefix).
//!
//! Needs Redis 6.2 or later (or Valkey).
//!
//! ```no_run
//! use chatdesk_transport::Quota;
//! use chatdesk_transport::ratelimit::{FailurePolicy, RedisRateLimiter};
//! use std::time::Duration;
//!
//! # fn main() -> Result<(), chatdesk_transport::Error> {
//! // Every worker on this token shares 5 requests/s with a burst of 5.
//! let limiter = RedisRateLimiter::builder("redis://127.0.0.1:6379/0")
//!     .token_id("my-carrot-app-id") // the id, never the API key
//!     .vendor_quota("carrot", Quota::per_second(5, 5))
//!     .failure_policy(FailurePolicy::FailOpen { local_share: 0.25 }) // 4 workers
//!     .timeout(Duration::from_millis(100))
//!     .build()?;
//! let transport = chatdesk_transport::Transport::builder().rate_limiter(limiter).build();
//! # let _ = transport;
//! # Ok(()) }
//! ```

mod config;
mod conn;
mod failure;
mod keys;
mod limiter;
mod scripts;

pub use config::{DEFAULT_REDIS_TIMEOUT, RedisRateLimiterBuilder};
pub use failure::{FailurePolicy, LimiterUnavailable, RedisLimiterStats};
pub use keys::DEFAULT_PREFIX;
pub use limiter::{RedisRateLimiter, Reservation};
