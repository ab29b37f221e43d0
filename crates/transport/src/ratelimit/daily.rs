//! Daily quotas: a request budget per day that fails a call **before sending** once it is spent.
//!
//! Crisp caps each token per day (plugin tokens 5,000 requests a day by default, website tokens
//! 10,000) and says only that the quota "resets daily". A [`DailyQuota`] lets a bulk job stop
//! cleanly with [`Error::QuotaExhausted`](crate::Error::QuotaExhausted) and the time it frees
//! up, instead of collecting refusals that the vendor may count against the token.
//!
//! The arithmetic is pure and takes the time as Unix milliseconds, so that every backend (the
//! in-process limiter, a shared store) counts the same way and tests can inject any instant:
//!
//! * **Rolling 24 h** ([`DailyReset::Rolling24h`]): the count is kept in 25 hourly buckets and
//!   a request is admitted while the sum of the last 25 buckets leaves room. The 25 buckets
//!   cover at least the last 24 hours, so whatever instant the vendor resets at, its own count
//!   since that reset is never more than ours: safe under any anchor, at the price of some
//!   quota left unused after the vendor resets.
//! * **Fixed reset** ([`DailyReset::UtcMidnight`], [`DailyReset::UtcOffset`]): one bucket per
//!   day that empties at the reset instant. UTC has no daylight saving, so the instant is plain
//!   arithmetic on Unix time.

use std::time::Duration;

const HOUR_MS: u64 = 3_600_000;
const DAY_MS: u64 = 24 * HOUR_MS;
/// The rolling window keeps this many hourly buckets (the current hour and the 24 before it).
const ROLLING_BUCKETS: usize = 25;

/// A per-day request budget for one token.
///
/// Requests are counted when the limiter lets them go, so a request that was sent counts even
/// if it failed. Once `limit - margin` requests are counted in the window, every call fails at
/// once with [`Error::QuotaExhausted`](crate::Error::QuotaExhausted), before anything is sent.
/// The `margin` leaves room for requests the limiter does not see (another tool using the same
/// token, a retry by hand).
///
/// ```
/// use chatdesk_transport::{DailyQuota, DailyReset, LocalRateLimiter};
/// // A Crisp plugin token: 5,000 requests a day, reset instant undocumented, so rolling 24 h,
/// // keeping 100 requests in reserve.
/// let plugin = DailyQuota::rolling(5_000).margin(100);
/// assert_eq!(plugin.usable(), 4_900);
/// // A vendor that resets at 00:00 UTC.
/// let midnight = DailyQuota::utc_midnight(10_000);
/// assert_eq!(midnight.reset, DailyReset::UtcMidnight);
/// let limiter = LocalRateLimiter::new().daily_quota("crisp", plugin);
/// # let _ = (limiter, midnight);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyQuota {
    /// The vendor's daily limit for the token.
    pub limit: u32,
    /// When the count starts again.
    pub reset: DailyReset,
    /// How many requests of `limit` to leave unused (default 0).
    pub margin: u32,
}

/// When a [`DailyQuota`]'s count starts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DailyReset {
    /// A sliding window: a request stops counting 24 to 25 hours after it was sent (hourly
    /// buckets). Safe whatever instant the vendor resets at; the choice when it is not
    /// documented (Crisp).
    Rolling24h,
    /// Every day at 00:00 UTC.
    UtcMidnight,
    /// Every day at this time after 00:00 UTC (taken modulo 24 h): a vendor resetting at
    /// midnight in UTC−8 resets at `UtcOffset(Duration::from_secs(8 * 3600))`.
    UtcOffset(Duration),
}

impl DailyQuota {
    /// `limit` requests in any rolling 24 hours ([`DailyReset::Rolling24h`]), no margin.
    pub const fn rolling(limit: u32) -> DailyQuota {
        DailyQuota {
            limit,
            reset: DailyReset::Rolling24h,
            margin: 0,
        }
    }

    /// `limit` requests per UTC day, reset at 00:00 UTC, no margin.
    pub const fn utc_midnight(limit: u32) -> DailyQuota {
        DailyQuota {
            limit,
            reset: DailyReset::UtcMidnight,
            margin: 0,
        }
    }

    /// `limit` requests per day, reset every day at `after_midnight` past 00:00 UTC, no margin.
    pub const fn utc_offset(limit: u32, after_midnight: Duration) -> DailyQuota {
        DailyQuota {
            limit,
            reset: DailyReset::UtcOffset(after_midnight),
            margin: 0,
        }
    }

    /// Leaves `margin` requests of the limit unused.
    pub const fn margin(mut self, margin: u32) -> DailyQuota {
        self.margin = margin;
        self
    }

    /// How many requests the limiter lets go per window: `limit - margin` (0 when the margin
    /// is larger).
    pub const fn usable(&self) -> u32 {
        self.limit.saturating_sub(self.margin)
    }

    /// The bucket layout of this quota: how long one bucket lasts, how many are kept, and where
    /// bucket 0 starts (milliseconds after the Unix epoch).
    pub(crate) fn shape(&self) -> Shape {
        match self.reset {
            DailyReset::Rolling24h => Shape {
                len_ms: HOUR_MS,
                kept: ROLLING_BUCKETS,
                offset_ms: 0,
            },
            DailyReset::UtcMidnight => Shape {
                len_ms: DAY_MS,
                kept: 1,
                offset_ms: 0,
            },
            DailyReset::UtcOffset(after) => Shape {
                len_ms: DAY_MS,
                kept: 1,
                // `as u64`: the remainder of a division by a day always fits.
                offset_ms: (after.as_millis() % u128::from(DAY_MS)) as u64,
            },
        }
    }
}

/// A snapshot of a [`DailyQuota`]'s budget, for a job to plan with
/// ([`RateLimiter::budget`](crate::RateLimiter::budget)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The quota's daily limit.
    pub limit: u32,
    /// Requests counted in the current window.
    pub used: u32,
    /// Requests the limiter still lets go in the window (`limit - margin - used`, 0 when the
    /// vendor said the quota is spent).
    pub remaining: u32,
    /// When more budget frees up: for a fixed reset, the reset; for a rolling window, when the
    /// oldest counted hour leaves it (zero when nothing is counted); while the vendor's signal
    /// holds, its end.
    pub resets_in: Duration,
}

/// Where a quota's buckets fall on the Unix time line (milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// The length of one bucket.
    pub(crate) len_ms: u64,
    /// How many buckets the window sums (the newest included).
    pub(crate) kept: usize,
    /// Where bucket 0 starts.
    pub(crate) offset_ms: u64,
}

impl Shape {
    /// The bucket `now_ms` falls in.
    pub(crate) fn bucket(&self, now_ms: u64) -> u64 {
        now_ms.saturating_sub(self.offset_ms) / self.len_ms
    }

    /// When a request counted in `bucket` stops counting.
    pub(crate) fn drops_at(&self, bucket: u64) -> u64 {
        bucket
            .saturating_add(self.kept as u64)
            .saturating_mul(self.len_ms)
            .saturating_add(self.offset_ms)
    }
}

/// The count of one [`DailyQuota`]: a fixed ring of buckets and an optional "spent until" set
/// by the vendor's signal. No allocation; every method takes the time as Unix milliseconds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DailyCounter {
    quota: DailyQuota,
    shape: Shape,
    /// Counts by `bucket % ROLLING_BUCKETS`; only the first `shape.kept` slots are used.
    counts: [u32; ROLLING_BUCKETS],
    /// The newest bucket written (or rolled to).
    newest: u64,
    /// The vendor said the quota is spent: nothing goes before this instant.
    spent_until: Option<u64>,
}

impl DailyCounter {
    pub(crate) fn new(quota: DailyQuota) -> DailyCounter {
        DailyCounter {
            quota,
            shape: quota.shape(),
            counts: [0; ROLLING_BUCKETS],
            newest: 0,
            spent_until: None,
        }
    }

    fn slot(&self, bucket: u64) -> usize {
        // `as usize`: the remainder is below `kept`, at most 25.
        (bucket % self.shape.kept as u64) as usize
    }

    /// Moves the ring to `now_ms`, emptying the buckets that left the window.
    fn roll(&mut self, now_ms: u64) {
        if self.spent_until.is_some_and(|until| until <= now_ms) {
            self.spent_until = None;
        }
        let bucket = self.shape.bucket(now_ms);
        if bucket <= self.newest {
            // The same bucket, or a clock that went back: keep counting in the newest bucket.
            return;
        }
        let stale = (bucket - self.newest).min(self.shape.kept as u64);
        for k in 0..stale {
            let slot = self.slot(bucket - k);
            self.counts[slot] = 0;
        }
        self.newest = bucket;
    }

    /// The counted requests in the window at `now_ms` (after [`roll`](Self::roll)).
    fn used(&self) -> u32 {
        self.counts[..self.shape.kept]
            .iter()
            .fold(0u32, |sum, c| sum.saturating_add(*c))
    }

    /// When at least `need` counted requests will have left the window: the drop instant of the
    /// bucket that frees the `need`-th one, oldest first.
    fn frees_at(&self, need: u32) -> u64 {
        let oldest = self.newest.saturating_sub(self.shape.kept as u64 - 1);
        let mut freed = 0u32;
        for bucket in oldest..=self.newest {
            freed = freed.saturating_add(self.counts[self.slot(bucket)]);
            if freed >= need.max(1) {
                return self.shape.drops_at(bucket);
            }
        }
        self.shape.drops_at(self.newest)
    }

    /// Whether one more request may go at `now_ms`: `Err(resets_in)` when the budget is spent,
    /// with the time until one frees up.
    pub(crate) fn check(&mut self, now_ms: u64) -> Result<(), Duration> {
        self.roll(now_ms);
        if let Some(until) = self.spent_until {
            return Err(Duration::from_millis(until.saturating_sub(now_ms)));
        }
        let used = self.used();
        let usable = self.quota.usable();
        if used < usable {
            return Ok(());
        }
        // `used - usable + 1` requests must leave the window before one more fits.
        let at = self.frees_at(used - usable + 1);
        Err(Duration::from_millis(at.saturating_sub(now_ms)))
    }

    /// Counts one request sent at `now_ms` (after a successful [`check`](Self::check)).
    pub(crate) fn count(&mut self, now_ms: u64) {
        self.roll(now_ms);
        let slot = self.slot(self.newest);
        self.counts[slot] = self.counts[slot].saturating_add(1);
    }

    /// The vendor said the quota is spent: nothing goes until `resets_in` from `now_ms` when it
    /// said so, or else until the quota's own reset (24 h for a rolling window, the vendor's
    /// window being at most that long). A longer mark already set holds.
    pub(crate) fn mark_spent(&mut self, now_ms: u64, resets_in: Option<Duration>) {
        self.roll(now_ms);
        let until = match resets_in {
            Some(d) => now_ms.saturating_add(u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            None => match self.quota.reset {
                DailyReset::Rolling24h => now_ms.saturating_add(DAY_MS),
                _ => self.shape.drops_at(self.shape.bucket(now_ms)),
            },
        };
        self.spent_until = Some(self.spent_until.map_or(until, |held| held.max(until)));
    }

    /// The budget at `now_ms`.
    pub(crate) fn budget(&mut self, now_ms: u64) -> Budget {
        self.roll(now_ms);
        let used = self.used();
        let (remaining, at) = match self.spent_until {
            Some(until) => (0, until),
            None if used == 0 && self.quota.reset == DailyReset::Rolling24h => {
                (self.quota.usable(), now_ms)
            }
            None => (
                self.quota.usable().saturating_sub(used),
                match self.quota.reset {
                    DailyReset::Rolling24h => self.frees_at(1),
                    _ => self.shape.drops_at(self.newest),
                },
            ),
        };
        Budget {
            limit: self.quota.limit,
            used,
            remaining,
            resets_in: Duration::from_millis(at.saturating_sub(now_ms)),
        }
    }
}
