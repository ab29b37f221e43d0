//! Daily quotas in the in-process limiter: the shared case table on tokio's paused clock, a spent
//! budget failing before anything is sent, the vendor's signal, and concurrent callers.

#[path = "support/daily_cases.rs"]
mod daily_cases;
mod support;

use bytes::Bytes;
use chatdesk_transport::classify::{Classifier, Outcome, RetryRules, mentions_quota};
use chatdesk_transport::http::Response;
use chatdesk_transport::retry::retry_after_of;
use chatdesk_transport::{
    Body, DailyQuota, Error, LocalRateLimiter, RateKey, RateLimiter, Replay, RequestMeta, Transport,
};
use daily_cases::{Action, DAY, DAY0_MS, HOUR, daily_cases};
use std::sync::Arc;
use std::time::Duration;
use support::*;
use tokio::time::Instant;

const KEY: RateKey = RateKey::new("crisp", "messages");

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap()
}

/// Every case of the shared table, against `LocalRateLimiter`, with the wall clock set to the
/// case's start and moved by tokio's paused clock.
#[tokio::test(start_paused = true)]
async fn the_shared_case_table_holds_in_process() {
    for case in daily_cases() {
        let limiter = LocalRateLimiter::new()
            .wall_clock(Duration::from_millis(case.start_ms))
            .daily_quota("crisp", case.quota);
        let t0 = Instant::now();
        for (i, step) in case.steps.iter().enumerate() {
            tokio::time::sleep_until(t0 + Duration::from_millis(step.at_ms)).await;
            let at = format!("{} / step {i} ({:?})", case.name, step.action);
            match step.action {
                Action::Acquire {
                    calls,
                    allowed,
                    resets_in_ms,
                } => {
                    for call in 0..calls {
                        let got = limiter.acquire(KEY).await;
                        if call < allowed {
                            assert!(got.is_ok(), "{at}: call {call} refused: {got:?}");
                            continue;
                        }
                        match got {
                            Err(Error::QuotaExhausted {
                                vendor: "crisp",
                                resets_in: Some(d),
                            }) => assert_eq!(ms(d), resets_in_ms, "{at}: call {call}"),
                            other => panic!("{at}: call {call}: {other:?}"),
                        }
                    }
                }
                Action::VendorSpent { resets_in_ms } => {
                    limiter.exhausted(KEY, resets_in_ms.map(Duration::from_millis));
                }
                Action::Budget {
                    used,
                    remaining,
                    resets_in_ms,
                } => {
                    let b = limiter.budget("crisp").await.expect("a budget");
                    assert_eq!(
                        (b.limit, b.used, b.remaining, ms(b.resets_in)),
                        (case.quota.limit, used, remaining, resets_in_ms),
                        "{at}"
                    );
                }
            }
        }
    }
}

/// A quota spent fails the call with `QuotaExhausted` and the inner service never sees it.
#[tokio::test(start_paused = true)]
async fn a_spent_budget_fails_before_sending() {
    let double = Double::new(vec![]);
    let limiter = LocalRateLimiter::new()
        .wall_clock(Duration::from_millis(DAY0_MS))
        .daily_quota("crisp", DailyQuota::utc_midnight(3));
    let t = Transport::builder()
        .rate_limiter(limiter)
        .service(double.clone().service())
        .build();
    let send = || t.send(tagged(post("http://sim/w", "{}")));
    for _ in 0..3 {
        send().await.unwrap();
    }
    let err = send().await.unwrap_err();
    assert!(
        matches!(err, Error::QuotaExhausted { vendor: "crisp", resets_in: Some(d) } if d == Duration::from_millis(DAY)),
        "{err:?}"
    );
    assert_eq!(err.was_sent(), Some(false));
    assert!(!err.is_retryable(), "retrying before the reset cannot help");
    assert_eq!(err.retry_after(), Some(Duration::from_millis(DAY)));
    assert_eq!(double.hits(), 3, "the fourth request was never sent");
    // Another vendor on the same limiter has no quota and keeps going.
    let mut other = post("http://sim/c", "{}");
    other
        .extensions_mut()
        .insert(meta(RateKey::new("carrot", "users")));
    t.send(other).await.unwrap();
    assert_eq!(double.hits(), 4);
    let budget = t.rate_limiter().budget("crisp").await.unwrap();
    assert_eq!((budget.used, budget.remaining), (3, 0));
    assert_eq!(t.rate_limiter().budget("carrot").await, None);
}

/// This test's vendor: a 429 whose body mentions a quota says the daily quota is spent.
struct QuotaIn429;
impl Classifier for QuotaIn429 {
    fn name(&self) -> &'static str {
        "test_quota"
    }
    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        let resp = attempt.as_ref().ok().filter(|r| r.status() == 429)?;
        let body = std::str::from_utf8(resp.body()).ok()?;
        mentions_quota(body).then(|| Outcome::QuotaExhausted(retry_after_of(resp)))
    }
}
static RULES: RetryRules = RetryRules::new(&[&QuotaIn429]);

fn meta(key: RateKey) -> RequestMeta {
    RequestMeta {
        endpoint: "test",
        replay: Replay::Unsafe,
        rate_key: key,
    }
}

fn tagged(mut req: http::Request<Body>) -> http::Request<Body> {
    req.extensions_mut().insert(meta(KEY));
    req.extensions_mut().insert(RULES);
    req
}

/// The vendor's "quota spent" answer fails the call at once (no retry), marks the budget spent,
/// and the next call fails before sending; a plain 429 stays a retried refusal.
#[tokio::test(start_paused = true)]
async fn the_vendor_signal_marks_the_budget_spent() {
    let spent = Step::Reply(
        429,
        vec![("retry-after", "7200".to_owned())],
        r#"{"error":true,"reason":"rate_limited","data":{"message":"daily quota exceeded"}}"#
            .to_owned(),
    );
    let double = Double::new(vec![status(429), ok("{}"), spent]);
    let limiter = LocalRateLimiter::new()
        .wall_clock(Duration::from_millis(DAY0_MS))
        .daily_quota("crisp", DailyQuota::rolling(1_000));
    let t = Transport::builder()
        .rate_limiter(limiter)
        .service(double.clone().service())
        .build();
    let send = || t.send(tagged(post("http://sim/w", "{}")));
    // A refusal without the word: retried, then accepted.
    send().await.unwrap();
    assert_eq!(double.hits(), 2);
    let err = send().await.unwrap_err();
    assert!(
        matches!(err, Error::QuotaExhausted { vendor: "crisp", resets_in: Some(d) } if d == Duration::from_secs(7200)),
        "{err:?}"
    );
    assert_eq!(double.hits(), 3, "a spent quota is not retried");
    let again = send().await.unwrap_err();
    assert!(matches!(again, Error::QuotaExhausted { .. }), "{again:?}");
    assert_eq!(double.hits(), 3, "the next call was never sent");
    let budget = t.rate_limiter().budget("crisp").await.unwrap();
    assert_eq!(
        (budget.used, budget.remaining, budget.resets_in),
        (3, 0, Duration::from_secs(7200))
    );
    tokio::time::advance(Duration::from_secs(7200)).await;
    send().await.unwrap();
    assert_eq!(double.hits(), 4, "the budget opens when the vendor said");
}

/// Without a daily quota configured, the vendor's signal still fails the call with
/// `QuotaExhausted`, and the key is paused like after a refusal.
#[tokio::test(start_paused = true)]
async fn the_vendor_signal_without_a_configured_quota() {
    let body = r#"{"reason":"quota_exceeded"}"#.to_owned();
    let double = Double::new(vec![Step::Reply(429, vec![], body)]);
    let t = Transport::builder()
        .service(double.clone().service())
        .build();
    let err = t
        .send(tagged(post("http://sim/w", "{}")))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::QuotaExhausted {
                resets_in: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(double.hits(), 1);
    let t0 = Instant::now();
    t.send(tagged(post("http://sim/w", "{}"))).await.unwrap();
    assert_eq!(
        Instant::now() - t0,
        Duration::from_secs(1),
        "paused, then sent"
    );
}

/// Many tasks on several threads draw from one budget: exactly the limit goes, however they
/// interleave.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_callers_never_exceed_the_limit() {
    let limiter = Arc::new(LocalRateLimiter::new().daily_quota("crisp", DailyQuota::rolling(100)));
    let mut tasks = Vec::new();
    for _ in 0..32 {
        let limiter = limiter.clone();
        tasks.push(tokio::spawn(async move {
            let (mut ok, mut spent) = (0u32, 0u32);
            for _ in 0..10 {
                match limiter.acquire(KEY).await {
                    Ok(()) => ok += 1,
                    Err(Error::QuotaExhausted { .. }) => spent += 1,
                    Err(other) => panic!("{other:?}"),
                }
                tokio::task::yield_now().await;
            }
            (ok, spent)
        }));
    }
    let (mut ok, mut spent) = (0, 0);
    for t in tasks {
        let (o, s) = t.await.unwrap();
        ok += o;
        spent += s;
    }
    assert_eq!((ok, spent), (100, 220));
    let budget = limiter.budget("crisp").await.unwrap();
    assert_eq!((budget.used, budget.remaining), (100, 0));
    // The window is 25 hourly buckets: the oldest counted hour leaves it more than 24 and at
    // most 25 hours from now.
    assert!(
        budget.resets_in > Duration::from_millis(DAY)
            && budget.resets_in <= Duration::from_millis(DAY + HOUR),
        "{:?}",
        budget.resets_in
    );
}
