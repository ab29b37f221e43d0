//! The server-side scripts (`acquire.lua`, `pause.lua`, `budget.lua`, with the daily-quota
//! functions of `daily.lua` in front of the two that need them) and the arguments they take.
//!
//! [`redis::Script`] sends `EVALSHA` and, when the server answers `NOSCRIPT` (a restart, a
//! `SCRIPT FLUSH`, a fail-over), loads the script and runs it again: one decision is one
//! round trip in the steady state.

use crate::ratelimit::Quota;
use crate::ratelimit::daily::{DailyQuota, DailyReset};
use redis::Script;
use std::time::Duration;

/// About thirty years in microseconds: the longest interval or wait passed to a script, so
/// that the arithmetic stays exact in Lua's doubles (below 2^53 with "now" added).
const FAR_US: u64 = 86_400 * 365 * 30 * 1_000_000;

const DAILY: &str = include_str!("daily.lua");

/// The scripts, hashed once per limiter.
pub(super) struct Scripts {
    pub(super) acquire: Script,
    pub(super) pause: Script,
    pub(super) budget: Script,
}

impl Scripts {
    pub(super) fn new() -> Scripts {
        Scripts {
            acquire: Script::new(&[DAILY, include_str!("acquire.lua")].concat()),
            pause: Script::new(include_str!("pause.lua")),
            budget: Script::new(&[DAILY, include_str!("budget.lua")].concat()),
        }
    }
}

/// `d` in whole microseconds, at most [`FAR_US`].
pub(super) fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX).min(FAR_US)
}

/// A quota as the scripts take it: `(interval_us, burst)`, `(0, 0)` for none. An interval
/// shorter than a microsecond counts as one.
pub(super) fn quota_args(quota: Option<&Quota>) -> (u64, u32) {
    match quota {
        Some(q) => (micros(q.interval).max(1), q.burst),
        None => (0, 0),
    }
}

/// The "now" argument: a fixed instant (tests), or empty for the server's `TIME`.
pub(super) fn now_arg(now_us: Option<u64>) -> String {
    now_us.map(|n| n.to_string()).unwrap_or_default()
}

/// A daily quota as the scripts take it (`day_quota` in `daily.lua`): bucket length (ms),
/// buckets kept, where bucket 0 starts (ms), usable requests, rolling or not; a zero length
/// for none.
pub(super) fn daily_args(quota: Option<&DailyQuota>) -> [u64; 5] {
    match quota {
        Some(q) => {
            let shape = q.shape();
            [
                shape.len_ms,
                shape.kept as u64,
                shape.offset_ms,
                u64::from(q.usable()),
                u64::from(q.reset == DailyReset::Rolling24h),
            ]
        }
        None => [0; 5],
    }
}
