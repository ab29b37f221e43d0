//! The checks the single-server and the cluster tests share, each over a builder maker
//! (`make(token)` gives a limiter's settings for that token on the Redis under test).
//! Included by `redis_limiter.rs` and `redis_cluster.rs` next to `quota_cases.rs`,
//! `daily_cases.rs` and `redis_server.rs`.
#![allow(dead_code)]

use super::daily_cases::{Action, daily_cases};
use super::quota_cases::{CASES, Expect, KEY};
use chatdesk_transport::ratelimit::redis::RedisRateLimiterBuilder;
use chatdesk_transport::{Error, RateLimiter};
use std::time::Duration;

/// A fixed "now" for the arithmetic tests (2027-01-15, in microseconds).
pub const T0: u64 = 1_800_000_000_000_000;

/// Runs every case of the shared quota table (`quota_cases.rs`) with a fixed "now", on
/// limiters from `make(token)` (one token per case).
pub async fn quota_table(make: impl Fn(&str) -> RedisRateLimiterBuilder) {
    for case in CASES {
        // One token per case: the cases do not share keys.
        let mut b = make(case.name);
        if let Some(q) = case.vendor_quota {
            b = b.vendor_quota(KEY.vendor, q);
        }
        if let Some(q) = case.key_quota {
            b = b.key_quota(KEY, q);
        }
        let limiter = b.build().unwrap();
        for &(at_ms, expect) in case.requests {
            let r = limiter
                .reserve_at(KEY, case.max_wait, Some(T0 + at_ms * 1000))
                .await
                .unwrap();
            let got = if r.reserved {
                assert_eq!(r.wait.as_micros() % 1000, 0, "{}: whole ms", case.name);
                Expect::Wait(r.wait.as_millis() as u64)
            } else {
                Expect::Refused
            };
            assert_eq!(got, expect, "{}: request at {at_ms} ms", case.name);
            assert_eq!(r.server_now_us, T0 + at_ms * 1000, "the fixed now is used");
        }
    }
}

/// A refusal seen by one worker pauses the route for every worker on the token (and for no
/// other route or token); through the trait, a wait past `max_wait` is refused unsent.
pub async fn pause_reaches_every_worker(make: impl Fn(&str) -> RedisRateLimiterBuilder) {
    let a = make("shared-token").build().unwrap();
    let b = make("shared-token").build().unwrap();
    let other = make("other-token").build().unwrap();
    // Connect both before the refusal.
    a.acquire(KEY).await.unwrap();
    b.acquire(KEY).await.unwrap();
    a.refused(KEY, Some(Duration::from_secs(3)));
    // `refused` writes in the background: wait until Redis has it (a bounded poll).
    let mut seen = None;
    for _ in 0..100 {
        let r = b.reserve_at(KEY, Duration::ZERO, None).await.unwrap();
        if !r.reserved {
            seen = Some(r.wait);
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let wait = seen.expect("the pause never reached the other worker");
    assert!(
        wait > Duration::from_secs(2) && wait <= Duration::from_secs(3),
        "{wait:?}"
    );
    // Another route and another token are not paused.
    let route = chatdesk_transport::RateKey::new("crisp", "people");
    assert!(
        b.reserve_at(route, Duration::ZERO, None)
            .await
            .unwrap()
            .reserved
    );
    assert!(
        other
            .reserve_at(KEY, Duration::ZERO, None)
            .await
            .unwrap()
            .reserved
    );
    // Through the trait, a wait beyond `max_wait` is a client-side refusal that sent nothing.
    let short = make("shared-token")
        .max_wait(Duration::from_secs(1))
        .build()
        .unwrap();
    let err = short.acquire(KEY).await.unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert_eq!(err.was_sent(), Some(false));
}

/// Runs every case of the shared daily-quota table (`daily_cases.rs`) with the case's
/// instants as "now", on limiters from `make(token)`.
pub async fn daily_table(make: impl Fn(&str) -> RedisRateLimiterBuilder) {
    for case in daily_cases() {
        let limiter = make(case.name)
            .daily_quota("crisp", case.quota)
            .build()
            .unwrap();
        for (i, step) in case.steps.iter().enumerate() {
            let now = Some((case.start_ms + step.at_ms) * 1000);
            let at = format!("{} / step {i} ({:?})", case.name, step.action);
            match step.action {
                Action::Acquire {
                    calls,
                    allowed,
                    resets_in_ms,
                } => {
                    for call in 0..calls {
                        let r = limiter
                            .reserve_at(KEY, Duration::from_secs(60), now)
                            .await
                            .unwrap();
                        if call < allowed {
                            assert!(r.reserved, "{at}: call {call} refused: {r:?}");
                        } else {
                            assert!(r.quota_exhausted && !r.reserved, "{at}: call {call}: {r:?}");
                            assert_eq!(
                                r.wait.as_millis() as u64,
                                resets_in_ms,
                                "{at}: call {call}"
                            );
                        }
                    }
                }
                Action::VendorSpent { resets_in_ms } => {
                    let d = resets_in_ms.map(Duration::from_millis);
                    assert!(limiter.exhausted_at("crisp", d, now).await.unwrap());
                }
                Action::Budget {
                    used,
                    remaining,
                    resets_in_ms,
                } => {
                    let b = limiter.budget_at("crisp", now).await.unwrap().unwrap();
                    assert_eq!(
                        (b.limit, b.used, b.remaining, b.resets_in.as_millis() as u64),
                        (case.quota.limit, used, remaining, resets_in_ms),
                        "{at}"
                    );
                }
            }
        }
    }
}
