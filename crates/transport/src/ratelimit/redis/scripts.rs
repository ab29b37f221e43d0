//! The two server-side scripts (`acquire.lua`, `pause.lua`) and the arguments they take.
//!
//! [`redis::Script`] sends `EVALSHA` and, when the server answers `NOSCRIPT` (a restart, a
//! `SCRIPT FLUSH`, a fail-over), loads the script and runs it again: one decision is one
//! round trip in the steady state.

use crate::ratelimit::Quota;
use redis::Script;
use std::time::Duration;

/// About thirty years in microseconds: the longest interval or wait passed to a script, so
/// that the arithmetic stays exact in Lua's doubles (below 2^53 with "now" added).
const FAR_US: u64 = 86_400 * 365 * 30 * 1_000_000;

/// Both scripts, hashed once per limiter.
pub(super) struct Scripts {
    pub(super) acquire: Script,
    pub(super) pause: Script,
}

impl Scripts {
    pub(super) fn new() -> Scripts {
        Scripts {
            acquire: Script::new(include_str!("acquire.lua")),
            pause: Script::new(include_str!("pause.lua")),
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
