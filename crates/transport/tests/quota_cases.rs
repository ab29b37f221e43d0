//! The shared quota table (`support/quota_cases.rs`) against the in-process limiter, on tokio's
//! paused clock. `redis_limiter.rs` runs the same table against Redis.

#[path = "support/quota_cases.rs"]
mod quota_cases;

use chatdesk_transport::{Error, LocalRateLimiter, RateLimitScope, RateLimiter};
use quota_cases::{CASES, Expect, KEY};
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn the_in_process_limiter_follows_the_quota_table() {
    for case in CASES {
        let mut limiter = LocalRateLimiter::new().max_wait(case.max_wait);
        if let Some(q) = case.vendor_quota {
            limiter = limiter.vendor_quota(KEY.vendor, q);
        }
        if let Some(q) = case.key_quota {
            limiter = limiter.key_quota(KEY, q);
        }
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for &(at_ms, expect) in case.requests {
            tokio::time::sleep_until(t0 + Duration::from_millis(at_ms)).await;
            // The slot is reserved when `acquire` is called; the task only waits for it.
            let waiting = limiter.acquire(KEY);
            let arrived = Instant::now();
            tasks.push((
                at_ms,
                expect,
                tokio::spawn(async move { waiting.await.map(|()| arrived.elapsed()) }),
            ));
        }
        for (at_ms, expect, task) in tasks {
            let got = match task.await.unwrap() {
                Ok(wait) => Expect::Wait(wait.as_millis() as u64),
                Err(Error::RateLimited {
                    scope: RateLimitScope::Client,
                    ..
                }) => Expect::Refused,
                Err(e) => panic!("{}: request at {at_ms} ms: {e}", case.name),
            };
            assert_eq!(got, expect, "{}: request at {at_ms} ms", case.name);
        }
    }
}
