//! What the limiter does while Redis cannot answer: the policy, the outage bookkeeping (one
//! warning per outage, counters, a short circuit breaker) and the in-process fallback.

use super::config::Settings;
use crate::error::{BoxError, Error};
use crate::ratelimit::daily::DailyQuota;
use crate::ratelimit::{LocalRateLimiter, Quota};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// What a [`RedisRateLimiter`](super::RedisRateLimiter) does when Redis does not answer
/// within its timeout (down, hung, unreachable).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum FailurePolicy {
    /// Keep sending, paced by an in-process limiter at `local_share` of each configured quota
    /// (0.5: this process alone may use half the rate and half the burst). With N processes
    /// on a token, a share of 1/N keeps the fleet within the quota during the outage.
    /// One `warn!` per outage; [`RedisLimiterStats::fallback_decisions`] counts the requests
    /// decided locally. The default, at a share of 0.5.
    FailOpen {
        /// The share of each quota this process may use alone, in (0, 1].
        local_share: f64,
    },
    /// Send nothing: the call fails within the timeout with [`Error::Transport`]
    /// (`maybe_sent: false`, so the retry layer treats it as never sent) whose source is
    /// [`LimiterUnavailable`].
    FailClosed,
}

impl Default for FailurePolicy {
    fn default() -> Self {
        FailurePolicy::FailOpen { local_share: 0.5 }
    }
}

/// The source of the error a [`FailurePolicy::FailClosed`] limiter returns: Redis did not
/// decide, so the request was not sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LimiterUnavailable {
    /// Redis did not answer within the limiter's timeout.
    #[error("the shared rate limiter did not answer within {0:?}; the request was not sent")]
    Timeout(Duration),
    /// Redis answered with an error, or the connection failed.
    #[error("the shared rate limiter failed; the request was not sent")]
    Redis(#[source] BoxError),
    /// Redis failed several times in a row; the limiter does not ask it again for a moment.
    #[error("the shared rate limiter is failing; the request was not sent")]
    CircuitOpen,
}

impl LimiterUnavailable {
    /// The transport error a fail-closed limiter returns: never sent.
    pub(super) fn into_error(self) -> Error {
        Error::Transport {
            maybe_sent: false,
            source: Box::new(self),
        }
    }
}

/// Counters of a [`RedisRateLimiter`](super::RedisRateLimiter), from its `stats()`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedisLimiterStats {
    /// Decisions Redis made.
    pub redis_decisions: u64,
    /// Round trips that failed or ran out of time.
    pub redis_failures: u64,
    /// Requests the in-process fallback decided (fail open).
    pub fallback_decisions: u64,
    /// Requests refused because Redis could not decide (fail closed).
    pub refused_unavailable: u64,
    /// Outages: runs of failures between two answers.
    pub outages: u64,
}

/// After this many failures in a row, Redis is not asked for [`BREAKER_OPEN`]…
const BREAKER_FAILURES: u32 = 3;
/// …after which one request probes it.
const BREAKER_OPEN: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
struct Breaker {
    failures: u32,
    skip_until: Option<Instant>,
    in_outage: bool,
}

/// Outage bookkeeping shared by every clone of a limiter.
#[derive(Debug, Default)]
pub(super) struct Health {
    breaker: Mutex<Breaker>,
    redis_decisions: AtomicU64,
    redis_failures: AtomicU64,
    fallback_decisions: AtomicU64,
    refused_unavailable: AtomicU64,
    outages: AtomicU64,
}

impl Health {
    /// Whether to ask Redis now (the breaker is closed, or its pause is over: a probe).
    pub(super) fn may_ask(&self) -> bool {
        let breaker = self.breaker.lock().unwrap_or_else(PoisonError::into_inner);
        breaker.skip_until.is_none_or(|t| Instant::now() >= t)
    }

    pub(super) fn answered(&self) {
        self.redis_decisions.fetch_add(1, Ordering::Relaxed);
        let mut breaker = self.breaker.lock().unwrap_or_else(PoisonError::into_inner);
        if breaker.in_outage {
            tracing::info!("shared rate limiter: Redis answers again");
        }
        *breaker = Breaker::default();
    }

    pub(super) fn failed(&self, why: &LimiterUnavailable) {
        self.redis_failures.fetch_add(1, Ordering::Relaxed);
        let mut breaker = self.breaker.lock().unwrap_or_else(PoisonError::into_inner);
        breaker.failures = breaker.failures.saturating_add(1);
        if breaker.failures >= BREAKER_FAILURES {
            breaker.skip_until = Some(Instant::now() + BREAKER_OPEN);
        }
        if !breaker.in_outage {
            breaker.in_outage = true;
            self.outages.fetch_add(1, Ordering::Relaxed);
            // Our own message only: a Redis error may name the server's address.
            tracing::warn!(error = %why, "shared rate limiter: Redis unavailable, applying the failure policy");
        }
    }

    pub(super) fn fell_back(&self) {
        self.fallback_decisions.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn refused(&self) {
        self.refused_unavailable.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn stats(&self) -> RedisLimiterStats {
        RedisLimiterStats {
            redis_decisions: self.redis_decisions.load(Ordering::Relaxed),
            redis_failures: self.redis_failures.load(Ordering::Relaxed),
            fallback_decisions: self.fallback_decisions.load(Ordering::Relaxed),
            refused_unavailable: self.refused_unavailable.load(Ordering::Relaxed),
            outages: self.outages.load(Ordering::Relaxed),
        }
    }
}

/// A share in (0, 1]; anything else counts as 1.
fn valid(share: f64) -> f64 {
    if share.is_finite() && share > 0.0 {
        share.min(1.0)
    } else {
        1.0
    }
}

/// `quota` at `share` of its rate and burst (at least one request at once).
fn scaled(quota: Quota, share: f64) -> Quota {
    let share = valid(share);
    Quota {
        interval: quota.interval.div_f64(share),
        burst: ((f64::from(quota.burst) * share).floor() as u32).max(1),
    }
}

/// `quota` with `share` of its limit and margin.
fn scaled_daily(quota: DailyQuota, share: f64) -> DailyQuota {
    let share = valid(share);
    DailyQuota {
        limit: (f64::from(quota.limit) * share).floor() as u32,
        margin: (f64::from(quota.margin) * share).ceil() as u32,
        ..quota
    }
}

/// The in-process limiter a fail-open limiter uses during an outage: every quota at the
/// policy's share.
pub(super) fn fallback(settings: &Settings) -> LocalRateLimiter {
    let share = match settings.policy {
        FailurePolicy::FailOpen { local_share } => local_share,
        FailurePolicy::FailClosed => 1.0,
    };
    let mut local = LocalRateLimiter::new()
        .max_wait(settings.max_wait)
        .default_pause(settings.default_pause)
        .max_gate(settings.max_gate);
    for (vendor, quota) in &settings.vendor_quotas {
        local = local.vendor_quota(vendor, scaled(*quota, share));
    }
    for (key, quota) in &settings.key_quotas {
        local = local.key_quota(*key, scaled(*quota, share));
    }
    for (vendor, quota) in &settings.daily_quotas {
        local = local.daily_quota(vendor, scaled_daily(*quota, share));
    }
    local
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_scales_rate_and_burst_and_keeps_one_request() {
        let q = scaled(Quota::per_second(10, 4), 0.5);
        assert_eq!(q.interval, Duration::from_millis(200));
        assert_eq!(q.burst, 2);
        assert_eq!(scaled(Quota::per_second(10, 1), 0.25).burst, 1);
        // nonsense shares leave the quota whole instead of dividing by zero
        assert_eq!(
            scaled(Quota::per_second(10, 4), 0.0),
            Quota::per_second(10, 4)
        );
        assert_eq!(
            scaled(Quota::per_second(10, 4), f64::NAN),
            Quota::per_second(10, 4)
        );
        let day = scaled_daily(DailyQuota::rolling(5_000).margin(100), 0.25);
        assert_eq!((day.limit, day.margin), (1_250, 25));
    }
}
