//! Waits, budgets and pacing, measured on tokio's paused clock (virtual time, exact and instant).

mod support;

use chatdesk_transport::retry::DEFAULT_MAX_RETRY_AFTER;
use chatdesk_transport::{
    Body, Error, LocalRateLimiter, Quota, RateKey, RateLimitScope, Replay, RequestMeta,
    RetryConfig, Transport,
};
use std::time::{Duration, SystemTime};
use support::*;
use tokio::time::Instant;

/// Where every transport here starts. `layered_stack.rs` runs this file again from a builder
/// whose per-call layer makes it compose the layers as tower services instead of fusing them.
#[allow(dead_code)]
fn builder() -> chatdesk_transport::TransportBuilder {
    Transport::builder()
}

fn tagged(mut req: http::Request<Body>, class: &'static str) -> http::Request<Body> {
    let replay = Replay::from_method(req.method());
    req.extensions_mut().insert(RequestMeta {
        endpoint: "test",
        replay,
        rate_key: RateKey::new("crisp", class),
    });
    req
}

#[tokio::test(start_paused = true)]
async fn retry_after_seconds_is_honoured_for_a_post() {
    let double = Double::new(vec![with_retry_after(429, "7"), ok("{}")]);
    let t = crate::builder().service(double.clone().service()).build();
    let t0 = Instant::now();
    let resp = t.send(post("http://sim/w", "{}")).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(double.hits(), 2);
    assert_eq!(Instant::now() - t0, Duration::from_secs(7));
}

#[tokio::test(start_paused = true)]
async fn retry_after_http_date_is_honoured() {
    // The date is computed when the double answers; HTTP dates have one-second resolution.
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(6));
    let double = Double::new(vec![with_retry_after(503, &date), ok("{}")]);
    let t = crate::builder().service(double.clone().service()).build();
    let t0 = Instant::now();
    t.send(get("http://sim/r")).await.unwrap();
    let waited = Instant::now() - t0;
    assert!(
        waited >= Duration::from_secs(5) && waited <= Duration::from_secs(6),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn retry_budget_stops_retry_storms() {
    // Budget: no share of traffic, 1 retry per second of reserve over a 1 s window.
    let config = RetryConfig {
        max_attempts: 5,
        budget_percent: 0.0,
        budget_min_per_sec: 1,
        budget_ttl: Duration::from_secs(1),
        ..RetryConfig::default()
    };
    let double = Double::new(vec![status(503); 100]);
    let t = crate::builder()
        .retry(config)
        .service(double.clone().service())
        .build();
    for _ in 0..3 {
        let resp = t.send(get("http://sim/r")).await.unwrap();
        assert_eq!(resp.status(), 503);
    }
    // Without a budget this would be 3 calls × 5 attempts = 15.
    let hits = double.hits();
    assert!(hits <= 5, "budget did not limit retries: {hits}");
    assert!(hits >= 3, "every call made at least its first attempt");
}

#[tokio::test(start_paused = true)]
async fn a_refusal_pauses_the_key_for_every_clone() {
    let double = Double::new(vec![
        with_retry_after(429, "5"),
        ok("{}"),
        ok("{}"),
        ok("{}"),
    ]);
    let t1 = crate::builder()
        .retry(RetryConfig::disabled())
        .service(double.clone().service())
        .build();
    let t2 = t1.clone();
    let t0 = Instant::now();
    // First call is refused; with retries off it fails with the server's wait, and the gate learns.
    let err = t1
        .send(tagged(post("http://sim/a", "{}"), "messages"))
        .await
        .unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(5)));
    // Another key is not paused…
    t2.send(tagged(get("http://sim/b"), "people"))
        .await
        .unwrap();
    assert_eq!(Instant::now(), t0);
    // …the same key, from a clone, waits until the server's Retry-After.
    t2.send(tagged(get("http://sim/c"), "messages"))
        .await
        .unwrap();
    assert_eq!(Instant::now() - t0, Duration::from_secs(5));
    let times = double.times();
    assert_eq!(times[2] - t0, Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn a_gate_longer_than_the_cap_fails_fast_with_client_scope() {
    let double = Double::new(vec![with_retry_after(429, "30"), ok("{}")]);
    let t = crate::builder()
        .retry(RetryConfig::disabled())
        .rate_limiter(LocalRateLimiter::new().max_wait(Duration::from_secs(10)))
        .service(double.clone().service())
        .build();
    let first = t.send(tagged(get("http://sim/a"), "k")).await.unwrap_err();
    assert!(matches!(first, Error::RateLimited { .. }), "{first:?}");
    let t0 = Instant::now();
    let err = t.send(tagged(get("http://sim/a"), "k")).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d), .. } if d == Duration::from_secs(30)),
        "{err:?}"
    );
    assert_eq!(Instant::now(), t0);
    assert_eq!(double.hits(), 1, "nothing was sent");
}

#[tokio::test(start_paused = true)]
async fn proactive_quota_holds_the_send_rate_across_tasks() {
    let double = Double::new(vec![]);
    let t = crate::builder()
        .rate_limiter(LocalRateLimiter::new().vendor_quota("crisp", Quota::per_second(10, 2)))
        .service(double.clone().service())
        .build();
    let t0 = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..40 {
        let t = t.clone();
        let class = if i % 2 == 0 { "a" } else { "b" };
        tasks.push(tokio::spawn(async move {
            t.send(tagged(get("http://sim/x"), class)).await.unwrap();
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let times = double.times();
    assert_eq!(times.len(), 40);
    // Burst of 2, then one every 100 ms: the 40th request goes at 3.8 s.
    assert_eq!(
        *times.iter().max().unwrap() - t0,
        Duration::from_millis(3800)
    );
    // In no one-second window are there more than rate + burst requests.
    for start in &times {
        let in_window = times
            .iter()
            .filter(|t| **t >= *start && **t < *start + Duration::from_secs(1))
            .count();
        assert!(in_window <= 11, "{in_window} requests within 1 s");
    }
}

/// `Retry-After: 1000000000` (about 31 years) closes the key for at most the limiter's ceiling
/// (60 s, the retry layer's `max_retry_after`): until then calls fail at once, unsent, saying
/// when to come back. Then one probe goes while the others wait for its answer: refused again,
/// the key closes again for the ceiling; accepted, the key is open.
#[tokio::test(start_paused = true)]
async fn an_absurd_retry_after_closes_the_key_only_until_the_ceiling_then_one_probe_goes() {
    let forever = "1000000000";
    let double = Double::new(vec![
        with_retry_after(429, forever),
        with_retry_after(429, forever),
        ok("{}"),
    ]);
    let t = crate::builder().service(double.clone().service()).build();
    let t0 = Instant::now();
    let first = t.send(tagged(get("http://sim/a"), "k")).await.unwrap_err();
    assert!(
        matches!(
            first,
            Error::RateLimited {
                scope: RateLimitScope::Server,
                ..
            }
        ),
        "{first:?}"
    );
    // Closed: refused at once, unsent, with the time left to the ceiling.
    tokio::time::sleep(Duration::from_secs(20)).await;
    let closed = t.send(tagged(get("http://sim/a"), "k")).await.unwrap_err();
    assert!(
        matches!(closed, Error::RateLimited { scope: RateLimitScope::Client, retry_after: Some(d), status: None }
            if d == DEFAULT_MAX_RETRY_AFTER - Duration::from_secs(20)),
        "{closed:?}"
    );
    assert_eq!(double.hits(), 1);
    // At the ceiling, of three calls exactly one is sent.
    tokio::time::sleep_until(t0 + DEFAULT_MAX_RETRY_AFTER).await;
    let calls: Vec<_> = (0..3)
        .map(|_| {
            let t = t.clone();
            tokio::spawn(async move { t.send(tagged(get("http://sim/a"), "k")).await })
        })
        .collect();
    let mut server_refusals = 0;
    let mut client_refusals = 0;
    for call in calls {
        match call.await.unwrap() {
            Err(Error::RateLimited {
                scope: RateLimitScope::Server,
                ..
            }) => server_refusals += 1,
            Err(Error::RateLimited {
                scope: RateLimitScope::Client,
                ..
            }) => client_refusals += 1,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((server_refusals, client_refusals), (1, 2));
    assert_eq!(double.hits(), 2, "one probe, not three");
    assert_eq!(double.times()[1] - t0, DEFAULT_MAX_RETRY_AFTER);
    // The probe's refusal closed the key again, again for the ceiling only.
    tokio::time::sleep_until(double.times()[1] + DEFAULT_MAX_RETRY_AFTER).await;
    let resp = t.send(tagged(get("http://sim/a"), "k")).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        double.times()[2] - double.times()[1],
        DEFAULT_MAX_RETRY_AFTER
    );
    // Accepted: the key is open.
    let before = Instant::now();
    t.send(tagged(get("http://sim/a"), "k")).await.unwrap();
    assert_eq!(Instant::now(), before);
    assert_eq!(double.hits(), 4);
}

/// `reset` reopens one key at once, `reset_all` every key, through the transport's limiter.
#[tokio::test(start_paused = true)]
async fn reset_reopens_a_closed_key_at_once() {
    let forever = "1000000000";
    let double = Double::new(vec![
        with_retry_after(429, forever),
        with_retry_after(429, forever),
        with_retry_after(429, forever),
    ]);
    let t = crate::builder().service(double.clone().service()).build();
    for class in ["a", "b", "c"] {
        t.send(tagged(get("http://sim/x"), class))
            .await
            .unwrap_err();
    }
    let t0 = Instant::now();
    t.rate_limiter().reset(RateKey::new("crisp", "a"));
    t.send(tagged(get("http://sim/x"), "a")).await.unwrap();
    assert_eq!(Instant::now(), t0, "the reset key goes at once");
    assert_eq!(double.hits(), 4);
    t.rate_limiter().reset_all();
    for class in ["b", "c"] {
        t.send(tagged(get("http://sim/x"), class)).await.unwrap();
    }
    assert_eq!(Instant::now(), t0, "every key goes at once after reset_all");
    assert_eq!(double.hits(), 6);
}

/// A transport from `builder` over a double answering `{}`, with a Crisp quota of one request
/// per 5 s (no burst), for the deadline tests.
fn one_per_five_seconds(builder: chatdesk_transport::TransportBuilder) -> (Double, Transport) {
    let double = Double::new(vec![ok("{}"); 4]);
    let limiter = LocalRateLimiter::new().vendor_quota(
        "crisp",
        Quota {
            interval: Duration::from_secs(5),
            burst: 1,
        },
    );
    let t = builder
        .rate_limiter(limiter)
        .service(double.clone().service())
        .build();
    (double, t)
}

/// A call with a 1 s timeout facing a 5 s quota wait fails at once, unsent, with the limiter's
/// answer, instead of sleeping until its timeout and being reported as maybe sent.
#[tokio::test(start_paused = true)]
async fn a_quota_wait_beyond_the_call_deadline_fails_at_once_unsent() {
    let (double, t) = one_per_five_seconds(crate::builder().call_timeout(Duration::from_secs(1)));
    t.send(tagged(get("http://sim/r"), "r")).await.unwrap();
    let t0 = Instant::now();
    let err = t.send(tagged(get("http://sim/r"), "r")).await.unwrap_err();
    assert_eq!(Instant::now(), t0, "no virtual time passed");
    assert!(
        matches!(
            err,
            Error::RateLimited {
                scope: RateLimitScope::Client,
                retry_after: Some(d),
                status: None,
            } if d == Duration::from_secs(5)
        ),
        "{err:?}"
    );
    assert_eq!(err.was_sent(), Some(false));
    assert_eq!(double.hits(), 1, "the second request was not sent");
    // It took no slot: after the quota's interval the next one goes at once.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let t1 = Instant::now();
    t.send(tagged(get("http://sim/r"), "r")).await.unwrap();
    assert_eq!(Instant::now(), t1);
    assert_eq!(double.hits(), 2);
}

/// The narrower deadline holds when an attempt timeout is set too, and a wait that fits the
/// call's deadline is still waited for.
#[tokio::test(start_paused = true)]
async fn the_narrower_deadline_holds_and_a_wait_that_fits_is_waited_for() {
    let (double, t) = one_per_five_seconds(
        crate::builder()
            .call_timeout(Duration::from_secs(2))
            .attempt_timeout(Duration::from_secs(30)),
    );
    t.send(tagged(get("http://sim/r"), "r")).await.unwrap();
    let t0 = Instant::now();
    let err = t.send(tagged(get("http://sim/r"), "r")).await.unwrap_err();
    assert_eq!(Instant::now(), t0);
    assert_eq!(err.was_sent(), Some(false), "{err:?}");
    // With a call timeout longer than the wait, the request waits for its slot.
    let t = crate::builder()
        .rate_limiter(LocalRateLimiter::new().vendor_quota(
            "crisp",
            Quota {
                interval: Duration::from_secs(5),
                burst: 1,
            },
        ))
        .call_timeout(Duration::from_secs(10))
        .service(double.clone().service())
        .build();
    t.send(tagged(get("http://sim/r"), "r")).await.unwrap();
    let t2 = Instant::now();
    t.send(tagged(get("http://sim/r"), "r")).await.unwrap();
    assert_eq!(Instant::now() - t2, Duration::from_secs(5));
}

/// A retried request keeps its deadline: after a 503, the second attempt's quota wait would end
/// after the call's deadline, so it fails at once, unsent, instead of sleeping into the timeout.
#[tokio::test(start_paused = true)]
async fn every_attempt_of_a_retried_call_carries_the_deadline() {
    let double = Double::new(vec![status(503), ok("{}"), ok("{}")]);
    let limiter = LocalRateLimiter::new().vendor_quota(
        "crisp",
        Quota {
            interval: Duration::from_secs(5),
            burst: 1,
        },
    );
    let t = crate::builder()
        .rate_limiter(limiter)
        .call_timeout(Duration::from_secs(3))
        .service(double.clone().service())
        .build();
    let t0 = Instant::now();
    let err = t.send(tagged(get("http://sim/r"), "r")).await.unwrap_err();
    assert!(
        Instant::now() - t0 < Duration::from_secs(3),
        "returned before the deadline"
    );
    assert!(!matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(
        matches!(
            err,
            Error::RateLimited {
                scope: RateLimitScope::Client,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(double.hits(), 1, "only the first attempt was sent");
}
