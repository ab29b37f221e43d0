//! The quota cases both limiter backends run (`quota_cases.rs` in-process on tokio's paused
//! clock, `redis_limiter.rs` in Redis with a fixed "now"), so that their burst and rate cannot
//! drift apart.
#![allow(dead_code)]

use chatdesk_transport::{Quota, RateKey};
use std::time::Duration;

/// The key every case sends on.
pub const KEY: RateKey = RateKey::new("crisp", "messages");

/// What the limiter must answer a request arriving at `at_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Sent after this wait (milliseconds).
    Wait(u64),
    /// Refused at once: the wait would exceed `max_wait`; no slot is taken.
    Refused,
}

/// One case: quotas, a wait cap, and requests by arrival time with the expected answer.
pub struct QuotaCase {
    pub name: &'static str,
    pub vendor_quota: Option<Quota>,
    pub key_quota: Option<Quota>,
    pub max_wait: Duration,
    /// (arrival in ms from the start, expected answer), arrivals in order.
    pub requests: &'static [(u64, Expect)],
}

use Expect::{Refused, Wait};

const MINUTE: Duration = Duration::from_secs(60);

/// A quota of one request every `ms` milliseconds with a burst of `burst`.
const fn every(ms: u64, burst: u32) -> Option<Quota> {
    Some(Quota {
        interval: Duration::from_millis(ms),
        burst,
    })
}

pub const CASES: &[QuotaCase] = &[
    QuotaCase {
        name: "the burst goes at once, then one request per interval",
        vendor_quota: every(100, 3),
        key_quota: None,
        max_wait: MINUTE,
        requests: &[
            (0, Wait(0)),
            (0, Wait(0)),
            (0, Wait(0)),
            (0, Wait(100)),
            (0, Wait(200)),
            (0, Wait(300)),
            (0, Wait(400)),
            (0, Wait(500)),
            (0, Wait(600)),
            (0, Wait(700)),
            (0, Wait(800)),
            (0, Wait(900)),
            (0, Wait(1000)),
        ],
    },
    QuotaCase {
        name: "a quiet period refills the burst, no more",
        vendor_quota: every(100, 2),
        key_quota: None,
        max_wait: MINUTE,
        requests: &[
            (0, Wait(0)),
            (0, Wait(0)),
            (0, Wait(100)),
            (1000, Wait(0)),
            (1000, Wait(0)),
            (1000, Wait(100)),
            (1050, Wait(150)),
        ],
    },
    QuotaCase {
        name: "steady arrivals at the rate never wait",
        vendor_quota: every(250, 1),
        key_quota: None,
        max_wait: MINUTE,
        requests: &[
            (0, Wait(0)),
            (250, Wait(0)),
            (500, Wait(0)),
            (600, Wait(150)),
            (1000, Wait(0)),
        ],
    },
    QuotaCase {
        name: "a wait beyond max_wait is refused and takes no slot",
        vendor_quota: every(1000, 1),
        key_quota: None,
        max_wait: Duration::from_millis(1500),
        requests: &[
            (0, Wait(0)),
            (0, Wait(1000)),
            (0, Refused),
            (0, Refused),
            (1000, Wait(1000)),
        ],
    },
    QuotaCase {
        name: "the vendor quota and the key quota both hold",
        vendor_quota: every(100, 5),
        key_quota: every(500, 1),
        max_wait: MINUTE,
        requests: &[
            (0, Wait(0)),
            (0, Wait(500)),
            (0, Wait(1000)),
            (600, Wait(900)),
        ],
    },
    QuotaCase {
        name: "a key quota alone",
        vendor_quota: None,
        key_quota: every(200, 2),
        max_wait: MINUTE,
        requests: &[(0, Wait(0)), (0, Wait(0)), (0, Wait(200)), (100, Wait(300))],
    },
    QuotaCase {
        name: "a zero burst counts as one",
        vendor_quota: every(100, 0),
        key_quota: None,
        max_wait: MINUTE,
        requests: &[(0, Wait(0)), (0, Wait(100)), (0, Wait(200))],
    },
];
