//! `RedisRateLimiter` against a real `redis-server` the tests start themselves
//! (`support/redis_server.rs`): the shared quota table with a fixed "now", the pause script's
//! arithmetic, a pause reaching every worker, separate processes sharing one quota, no
//! credential on the wire (`MONITOR`), Redis stopped, killed and restarted mid-run, and the
//! daily-quota table (`support/daily_cases.rs`, shared with the in-process limiter).
//!
//! Skipped with a notice when `redis-server` is not installed, failed under
//! `CHATDESK_REQUIRE_REDIS=1`. Run: `cargo test -p chatdesk-transport --features redis --test
//! redis_limiter`.
#![cfg(feature = "redis")]

#[path = "support/daily_cases.rs"]
mod daily_cases;
#[path = "support/quota_cases.rs"]
mod quota_cases;
#[path = "support/redis_server.rs"]
mod redis_server;
#[path = "support/redis_tables.rs"]
mod redis_tables;

use chatdesk_transport::ratelimit::redis::{LimiterUnavailable, RedisRateLimiterBuilder};
use chatdesk_transport::{Error, FailurePolicy, Quota, RateLimiter, RedisRateLimiter};
use quota_cases::KEY;
use redis_server::{RedisServer, text};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis_tables::T0;

fn builder(server: &RedisServer, token: &str) -> RedisRateLimiterBuilder {
    RedisRateLimiter::builder(server.url()).token_id(token)
}

#[tokio::test]
async fn redis_follows_the_quota_table() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    redis_tables::quota_table(|token| builder(&server, token)).await;
}

#[tokio::test]
async fn the_pause_script_never_shortens_and_resumes_without_a_burst() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    let limiter = builder(&server, "pause-math")
        .vendor_quota("crisp", Quota::per_second(10, 5))
        .build()
        .unwrap();
    let second = 1_000_000;
    assert_eq!(
        limiter
            .pause_at(KEY, Duration::from_secs(2), Some(T0))
            .await
            .unwrap(),
        T0 + 2 * second
    );
    // A shorter pause a moment later leaves the longer one.
    assert_eq!(
        limiter
            .pause_at(KEY, Duration::from_millis(200), Some(T0 + 100_000))
            .await
            .unwrap(),
        T0 + 2 * second
    );
    let mut waits = Vec::new();
    for at in [
        T0 + second,
        T0 + 2 * second,
        T0 + 2 * second,
        T0 + 2 * second,
    ] {
        let r = limiter
            .reserve_at(KEY, Duration::from_secs(60), Some(at))
            .await
            .unwrap();
        assert!(r.reserved);
        waits.push(r.wait.as_millis());
    }
    // Until the pause end, then one per 100 ms: the burst of 5 is not spent at a server that
    // has just refused.
    assert_eq!(waits, [1000, 100, 200, 300]);
    // TATs are stored as exact integer microseconds, and every key expires.
    let fp = limiter.fingerprint().to_owned();
    let vendor = format!("chatdesk:{{crisp:{fp}}}:gcra");
    assert_eq!(
        text(server.query(&["GET", &vendor]).unwrap()),
        (T0 + 2 * second + 300_000 + 100_000).to_string()
    );
    let keys = match server.query(&["KEYS", "*"]).unwrap() {
        redis::Value::Array(keys) => keys.into_iter().map(text).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(keys.len(), 3, "{keys:?}");
    for key in keys {
        let ttl: i64 = text(server.query(&["PTTL", &key]).unwrap())
            .parse()
            .unwrap();
        assert!(ttl > 0, "{key} has no TTL ({ttl})");
    }
}

#[tokio::test]
async fn a_refusal_seen_by_one_worker_pauses_every_worker_on_the_token() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    redis_tables::pause_reaches_every_worker(|token| builder(&server, token)).await;
}

/// Environment of a child process of `processes_sharing_a_token_stay_within_the_quota`.
const WORKER_URL: &str = "CHATDESK_REDIS_WORKER_URL";
const RATE: u32 = 20;
const BURST: u32 = 5;
const WORKERS: usize = 4;

#[test]
#[ignore = "a child process of processes_sharing_a_token_stay_within_the_quota"]
fn worker_process() {
    let url =
        std::env::var(WORKER_URL).expect("run by processes_sharing_a_token_stay_within_the_quota");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let limiter = RedisRateLimiter::builder(url)
            .token_id("fleet-token")
            .vendor_quota(KEY.vendor, Quota::per_second(RATE, BURST))
            .timeout(Duration::from_secs(1))
            .build()
            .unwrap();
        let until = Instant::now() + Duration::from_millis(2500);
        let mut slots = Vec::new();
        while Instant::now() < until {
            // What `acquire` does, keeping the server's time of each slot.
            let r = limiter
                .reserve_at(KEY, Duration::from_secs(60), None)
                .await
                .unwrap();
            assert!(r.reserved);
            slots.push(r.server_now_us + r.wait.as_micros() as u64);
            tokio::time::sleep(r.wait).await;
        }
        let slots: Vec<String> = slots.iter().map(u64::to_string).collect();
        println!("SLOTS {}", slots.join(","));
    });
}

#[test]
fn processes_sharing_a_token_stay_within_the_quota() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..WORKERS)
        .map(|_| {
            std::process::Command::new(&exe)
                .args(["worker_process", "--exact", "--ignored", "--nocapture"])
                .args(["--test-threads", "1"])
                .env(WORKER_URL, server.url())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut all = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "a worker failed");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let line = stdout
            .lines()
            // libtest may print "test worker_process ... " on the same line.
            .find_map(|l| l.split_once("SLOTS ").map(|(_, slots)| slots))
            .expect("a worker printed no slots");
        let slots: Vec<u64> = line.split(',').map(|s| s.parse().unwrap()).collect();
        assert!(slots.len() >= 5, "a worker was starved: {}", slots.len());
        all.extend(slots);
    }
    all.sort_unstable();
    let span_s = (all[all.len() - 1] - all[0]) as f64 / 1e6;
    let allowed = f64::from(RATE) * span_s + f64::from(BURST);
    let admitted = all.len() as f64;
    eprintln!("{admitted} slots over {span_s:.3} s, at most {allowed:.1} allowed");
    // GCRA's bound (+1 for the slot at the very end of the span); four in-process limiters
    // would take about four times as many.
    assert!(admitted <= allowed + 1.0, "{admitted} > {allowed}");
    // And the quota is used, not starved.
    assert!(
        admitted >= 0.9 * f64::from(RATE) * span_s,
        "{admitted} slots in {span_s} s"
    );
    // No two slots closer than the interval beyond the burst: the sorted slots, BURST apart,
    // are at least (BURST - 1) intervals apart.
    let interval_us = 1_000_000 / u64::from(RATE);
    for w in all.windows(BURST as usize + 1) {
        assert!(w[BURST as usize] - w[0] >= interval_us, "{w:?}");
    }
}

#[tokio::test]
async fn monitor_shows_the_fingerprint_never_the_token_id() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    let token = "website-3f9c-SECRET-token-id";
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut monitor = std::net::TcpStream::connect(("127.0.0.1", server.port())).unwrap();
    monitor.write_all(b"MONITOR\r\n").unwrap();
    let reader = {
        let (seen, mut monitor) = (seen.clone(), monitor.try_clone().unwrap());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = monitor.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let limiter = builder(&server, token)
        .vendor_quota("crisp", Quota::per_second(10, 2))
        .build()
        .unwrap();
    for _ in 0..3 {
        limiter.acquire(KEY).await.unwrap();
    }
    limiter.refused(KEY, Some(Duration::from_millis(50)));
    limiter.reset(KEY);
    let fp = limiter.fingerprint().to_owned();
    // Wait (bounded) until MONITOR has shown the background DEL of the reset.
    for _ in 0..200 {
        if String::from_utf8_lossy(&seen.lock().unwrap()).contains("\"DEL\"") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    monitor.shutdown(std::net::Shutdown::Both).unwrap();
    reader.join().unwrap();
    let log = String::from_utf8_lossy(&seen.lock().unwrap()).into_owned();
    assert!(log.contains("\"DEL\""), "MONITOR saw no DEL:\n{log}");
    assert!(log.contains(&fp), "MONITOR saw no key of the token:\n{log}");
    assert!(!log.contains("SECRET") && !log.contains(token), "{log}");
    // Nor do the limiter's `Debug` and the builder's, even with a password in the URL.
    let with_password = RedisRateLimiter::builder("redis://:hunter2@127.0.0.1:1/0").token_id(token);
    let debug = format!(
        "{with_password:?} {:?}",
        with_password.clone().build().unwrap()
    );
    assert!(
        !debug.contains("hunter2") && !debug.contains("SECRET"),
        "{debug}"
    );
}

/// Every call returns within the limiter's timeout (plus scheduling slack) while Redis is
/// stopped or dead, with the policy's answer; the limiter comes back afterwards, also to a
/// restarted server that has lost its scripts.
#[tokio::test]
async fn a_stopped_killed_or_restarted_redis_never_hangs_a_request() {
    let Some(mut server) = RedisServer::start() else {
        return;
    };
    let timeout = Duration::from_millis(100);
    let bound = timeout + Duration::from_millis(400);
    let quota = Quota::per_second(1000, 100);
    let open = builder(&server, "outage")
        .vendor_quota("crisp", quota)
        .timeout(timeout)
        .failure_policy(FailurePolicy::FailOpen { local_share: 0.5 })
        .build()
        .unwrap();
    let closed = builder(&server, "outage")
        .vendor_quota("crisp", quota)
        .timeout(timeout)
        .failure_policy(FailurePolicy::FailClosed)
        .build()
        .unwrap();
    open.acquire(KEY).await.unwrap();
    closed.acquire(KEY).await.unwrap();

    for (outage, signal) in [(1, "STOP"), (2, "KILL")] {
        if signal == "KILL" {
            server.kill();
        } else {
            server.signal(signal);
        }
        let fallbacks = open.stats().fallback_decisions;
        let refusals = closed.stats().refused_unavailable;
        for _ in 0..6 {
            let t = Instant::now();
            open.acquire(KEY).await.unwrap();
            assert!(
                t.elapsed() <= bound,
                "fail open took {:?} ({signal})",
                t.elapsed()
            );
            let t = Instant::now();
            let err = closed.acquire(KEY).await.unwrap_err();
            assert!(
                t.elapsed() <= bound,
                "fail closed took {:?} ({signal})",
                t.elapsed()
            );
            assert_eq!(err.was_sent(), Some(false), "{err:?}");
            let source = std::error::Error::source(&err).unwrap();
            assert!(source.is::<LimiterUnavailable>(), "{err:?}");
            assert!(err.is_retryable());
        }
        assert_eq!(open.stats().fallback_decisions, fallbacks + 6);
        assert_eq!(
            open.stats().outages,
            outage,
            "one outage per event ({signal})"
        );
        assert_eq!(closed.stats().refused_unavailable, refusals + 6);

        // Back: SIGCONT, or a new server on the same port with an empty script cache.
        if signal == "KILL" {
            server.restart();
        } else {
            server.signal("CONT");
        }
        let deadline = Instant::now() + Duration::from_secs(15);
        for limiter in [&open, &closed] {
            let before = limiter.stats().redis_decisions;
            while limiter.stats().redis_decisions == before {
                assert!(
                    Instant::now() < deadline,
                    "Redis never used again after {signal}"
                );
                let t = Instant::now();
                let _ = limiter.acquire(KEY).await;
                assert!(
                    t.elapsed() <= bound,
                    "took {:?} after {signal}",
                    t.elapsed()
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    // The restarted server had no script: it was loaded again (EVALSHA, NOSCRIPT, SCRIPT LOAD).
    let stats = text(server.query(&["INFO", "commandstats"]).unwrap());
    assert!(stats.contains("cmdstat_evalsha"), "{stats}");
    assert!(
        stats.contains("cmdstat_script") || stats.contains("cmdstat_eval:"),
        "{stats}"
    );
}

#[test]
fn a_token_id_is_required_and_a_bad_url_is_not_echoed() {
    let err = RedisRateLimiter::builder("redis://127.0.0.1/0")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    let err = RedisRateLimiter::builder("nonsense://:hunter2@x")
        .token_id("t")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }));
    assert!(!format!("{err} {err:?}").contains("hunter2"));
}

/// Every case of the shared daily-quota table, in Redis with the case's instants as "now".
#[tokio::test]
async fn redis_follows_the_daily_quota_table() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    redis_tables::daily_table(|token| builder(&server, token)).await;
}

/// A spent shared budget fails the call before sending, in this process and in another one on
/// the same token; the budget is observable through the trait.
#[tokio::test]
async fn a_spent_shared_daily_quota_fails_before_sending() {
    use chatdesk_transport::{Body, DailyQuota, Replay, RequestMeta, Transport};
    let Some(server) = RedisServer::start() else {
        return;
    };
    let make = || {
        builder(&server, "daily-token")
            .daily_quota("crisp", DailyQuota::rolling(3))
            .build()
            .unwrap()
    };
    let hits = Arc::new(std::sync::atomic::AtomicU32::new(0));
    let counted = hits.clone();
    let service = tower::service_fn(move |_req: http::Request<Body>| {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        async {
            Ok::<_, std::convert::Infallible>(http::Response::new(http_body_util::Full::new(
                bytes::Bytes::new(),
            )))
        }
    });
    let t = Transport::builder()
        .rate_limiter(make())
        .service(service)
        .build();
    let send = || {
        let mut req = http::Request::post("http://unused/w")
            .body(Body::default())
            .unwrap();
        req.extensions_mut().insert(RequestMeta {
            endpoint: "test",
            replay: Replay::Unsafe,
            rate_key: KEY,
        });
        t.send(req)
    };
    for _ in 0..3 {
        send().await.unwrap();
    }
    let err = send().await.unwrap_err();
    assert!(
        matches!(err, Error::QuotaExhausted { vendor: "crisp", resets_in: Some(d) } if d > Duration::from_secs(23 * 3600)),
        "{err:?}"
    );
    assert_eq!(err.was_sent(), Some(false));
    assert_eq!(
        hits.load(std::sync::atomic::Ordering::SeqCst),
        3,
        "the fourth was never sent"
    );
    let budget = t.rate_limiter().budget("crisp").await.unwrap();
    assert_eq!((budget.used, budget.remaining), (3, 0));
    // Another process on the token: the same budget, already spent.
    let other = make();
    assert!(matches!(
        other.acquire(KEY).await,
        Err(Error::QuotaExhausted { .. })
    ));
    // A vendor with no daily quota here keeps going; its "exhausted" is a refusal (a pause).
    let carrot = chatdesk_transport::RateKey::new("carrot", "users");
    other.acquire(carrot).await.unwrap();
    assert_eq!(other.budget("carrot").await, None);
}

/// A call whose own timeout is shorter than the limiter's 100 ms round trip returns by its
/// deadline while Redis is stopped, with the policy's answer (the local share, or the typed
/// never-sent error), not with the call's `Timeout { maybe_sent: true }`.
#[tokio::test]
async fn a_call_deadline_shorter_than_the_round_trip_cap_bounds_the_limiter() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    let call_timeout = Duration::from_millis(30);
    // Generous for a loaded machine, and still well below what a hung Redis would take.
    let bound = Duration::from_millis(500);
    let quota = Quota::per_second(1000, 100);
    let transport = |policy| {
        let limiter = builder(&server, "deadline")
            .vendor_quota("crisp", quota)
            .timeout(Duration::from_millis(100))
            .failure_policy(policy)
            .build()
            .unwrap();
        let t = chatdesk_transport::Transport::builder()
            .rate_limiter(limiter.clone())
            .call_timeout(call_timeout)
            .service(tower::service_fn(|_req| async {
                Ok::<_, std::convert::Infallible>(http::Response::new(http_body_util::Full::new(
                    bytes::Bytes::from_static(b"{}"),
                )))
            }))
            .build();
        (limiter, t)
    };
    let req = || {
        let mut r = http::Request::get("http://unused/")
            .body(chatdesk_transport::Body::default())
            .unwrap();
        r.extensions_mut().insert(chatdesk_transport::RequestMeta {
            endpoint: "test",
            replay: chatdesk_transport::Replay::Safe,
            rate_key: KEY,
        });
        r
    };
    let (open_limiter, open) = transport(FailurePolicy::FailOpen { local_share: 0.5 });
    let (closed_limiter, closed) = transport(FailurePolicy::FailClosed);
    // Connected and answering first.
    open.send(req()).await.unwrap();
    closed.send(req()).await.unwrap();
    assert!(open_limiter.stats().redis_decisions >= 1);

    server.signal("STOP");
    for _ in 0..5 {
        let t = Instant::now();
        let got = open.send(req()).await;
        assert!(t.elapsed() <= bound, "fail open took {:?}", t.elapsed());
        assert_eq!(got.map(|r| r.status()).unwrap(), 200);

        let t = Instant::now();
        let err = closed.send(req()).await.unwrap_err();
        assert!(t.elapsed() <= bound, "fail closed took {:?}", t.elapsed());
        assert!(!matches!(err, Error::Timeout { .. }), "{err:?}");
        assert_eq!(err.was_sent(), Some(false), "{err:?}");
        let source = std::error::Error::source(&err).unwrap();
        assert!(source.is::<LimiterUnavailable>(), "{err:?}");
    }
    assert!(open_limiter.stats().fallback_decisions >= 5);
    assert!(closed_limiter.stats().refused_unavailable >= 5);
    server.signal("CONT");
}
