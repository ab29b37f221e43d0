//! The daily-quota case table, shared by every limiter backend so that they cannot drift: a
//! backend's test runs each [`DailyCase`] with its own clock injection (tokio's paused clock
//! and `LocalRateLimiter::wall_clock` in process; a fixed "now" for a shared store) and
//! compares what it gets with the expected column. Include it with
//! `#[path = "support/daily_cases.rs"] mod daily_cases;`.
#![allow(dead_code)]

use chatdesk_transport::DailyQuota;
use std::time::Duration;

/// 2026-12-01T00:00:00Z, in Unix milliseconds.
pub const DAY0_MS: u64 = 1_796_083_200_000;
pub const SECOND: u64 = 1_000;
pub const MINUTE: u64 = 60 * SECOND;
pub const HOUR: u64 = 60 * MINUTE;
pub const DAY: u64 = 24 * HOUR;

/// One thing a case does at one instant.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    /// `calls` acquisitions in a row: the first `allowed` go, the others fail with
    /// `QuotaExhausted` whose `resets_in` is exactly `resets_in_ms` (when any fail).
    Acquire {
        calls: u32,
        allowed: u32,
        resets_in_ms: u64,
    },
    /// The vendor answered that the quota is spent, with this `Retry-After` if any.
    VendorSpent { resets_in_ms: Option<u64> },
    /// The budget is exactly this.
    Budget {
        used: u32,
        remaining: u32,
        resets_in_ms: u64,
    },
}

/// One step: an action `at_ms` after the case's start.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub at_ms: u64,
    pub action: Action,
}

/// A quota, the wall-clock instant its limiter starts at, and the steps.
#[derive(Debug, Clone)]
pub struct DailyCase {
    pub name: &'static str,
    pub quota: DailyQuota,
    pub start_ms: u64,
    pub steps: Vec<Step>,
}

fn acquire(at_ms: u64, calls: u32, allowed: u32, resets_in_ms: u64) -> Step {
    Step {
        at_ms,
        action: Action::Acquire {
            calls,
            allowed,
            resets_in_ms,
        },
    }
}

fn budget(at_ms: u64, used: u32, remaining: u32, resets_in_ms: u64) -> Step {
    Step {
        at_ms,
        action: Action::Budget {
            used,
            remaining,
            resets_in_ms,
        },
    }
}

fn vendor_spent(at_ms: u64, resets_in_ms: Option<u64>) -> Step {
    Step {
        at_ms,
        action: Action::VendorSpent { resets_in_ms },
    }
}

/// The table.
pub fn daily_cases() -> Vec<DailyCase> {
    vec![
        DailyCase {
            // Started at 10:30: the requests count in the 10:00 bucket, which leaves the 25-hour
            // window at 11:00 the next day, 24 h 30 min later.
            name: "rolling window frees after its oldest hour leaves",
            quota: DailyQuota::rolling(5),
            start_ms: DAY0_MS + 10 * HOUR + 30 * MINUTE,
            steps: vec![
                budget(0, 0, 5, 0),
                acquire(0, 2, 2, 0),
                budget(0, 2, 3, DAY + 30 * MINUTE),
                acquire(0, 4, 3, DAY + 30 * MINUTE),
                budget(0, 5, 0, DAY + 30 * MINUTE),
                acquire(DAY + 30 * MINUTE - 1, 1, 0, 1),
                acquire(DAY + 30 * MINUTE, 6, 5, DAY + HOUR),
            ],
        },
        DailyCase {
            // Two at 10:30, two at 12:30: the 10:00 pair frees at 11:00 the next day, the 12:00
            // pair at 13:00; the two taken at 11:00 the next day free at 12:00 the day after.
            name: "rolling window frees hour by hour",
            quota: DailyQuota::rolling(4),
            start_ms: DAY0_MS + 10 * HOUR + 30 * MINUTE,
            steps: vec![
                acquire(0, 2, 2, 0),
                acquire(2 * HOUR, 2, 2, 0),
                acquire(3 * HOUR, 1, 0, DAY - 2 * HOUR - 30 * MINUTE),
                acquire(DAY + 30 * MINUTE, 3, 2, 2 * HOUR),
                budget(DAY + 30 * MINUTE, 4, 0, 2 * HOUR),
                acquire(DAY + 2 * HOUR + 30 * MINUTE, 3, 2, 23 * HOUR),
            ],
        },
        DailyCase {
            name: "UTC midnight resets exactly at 00:00",
            quota: DailyQuota::utc_midnight(3),
            start_ms: DAY0_MS + 23 * HOUR + 59 * MINUTE,
            steps: vec![
                acquire(0, 4, 3, MINUTE),
                budget(0, 3, 0, MINUTE),
                acquire(MINUTE - 1, 1, 0, 1),
                acquire(MINUTE, 4, 3, DAY),
                budget(MINUTE, 3, 0, DAY),
            ],
        },
        DailyCase {
            // 08:00 UTC is midnight in UTC−8.
            name: "a fixed reset at an offset from UTC midnight",
            quota: DailyQuota::utc_offset(2, Duration::from_secs(8 * 3600)),
            start_ms: DAY0_MS + 7 * HOUR + 59 * MINUTE + 59 * SECOND,
            steps: vec![acquire(0, 3, 2, SECOND), acquire(SECOND, 3, 2, DAY)],
        },
        DailyCase {
            name: "the margin is left unused",
            quota: DailyQuota::utc_midnight(10).margin(3),
            start_ms: DAY0_MS + 12 * HOUR,
            steps: vec![
                budget(0, 0, 7, 12 * HOUR),
                acquire(0, 8, 7, 12 * HOUR),
                budget(0, 7, 0, 12 * HOUR),
            ],
        },
        DailyCase {
            // Nothing counted yet; the vendor says spent with no `Retry-After`: a rolling quota
            // holds for 24 h (the longest the vendor's own window can run), then opens whole.
            name: "a vendor signal marks a rolling budget spent for a day",
            quota: DailyQuota::rolling(100),
            start_ms: DAY0_MS + 9 * HOUR,
            steps: vec![
                acquire(0, 1, 1, 0),
                vendor_spent(HOUR, None),
                budget(HOUR, 1, 0, DAY),
                acquire(HOUR, 1, 0, DAY),
                acquire(HOUR + DAY - 1, 1, 0, 1),
                acquire(HOUR + DAY, 1, 1, 0),
            ],
        },
        DailyCase {
            // With a fixed reset the vendor signal holds until the reset; a `Retry-After`
            // holds for as long as it says, and a shorter later one does not shorten it.
            name: "a vendor signal holds until the reset or its Retry-After",
            quota: DailyQuota::utc_midnight(100),
            start_ms: DAY0_MS + 20 * HOUR,
            steps: vec![
                vendor_spent(0, None),
                acquire(0, 1, 0, 4 * HOUR),
                acquire(4 * HOUR, 1, 1, 0),
                vendor_spent(5 * HOUR, Some(2 * HOUR)),
                vendor_spent(5 * HOUR, Some(MINUTE)),
                budget(5 * HOUR, 1, 0, 2 * HOUR),
                acquire(7 * HOUR, 1, 1, 0),
            ],
        },
    ]
}
