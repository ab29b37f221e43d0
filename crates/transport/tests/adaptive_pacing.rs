//! Adaptive pacing under a limit the client is not told, on tokio's paused clock: the whole
//! transport stack (retries, rate-limit layer, `LocalRateLimiter` without a quota) against a
//! simulated server enforcing a GCRA limit with a small burst, as `chatdesk-sim` does (and, like
//! it, answering a refusal with a whole-second `Retry-After`, rounded up).
//!
//! Each run sends `N` requests from 16 tasks and measures the virtual time it took against the
//! ideal `N / R`, the calls that failed and the requests the server refused. Virtual time is
//! exact and the same on every machine: these are not wall-clock measurements.

use bytes::Bytes;
use chatdesk_transport::{Body, RateKey, Replay, RequestMeta, Transport};
use http::{Request, Response, StatusCode};
use http_body_util::Full;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

/// A server allowing `rate` requests a second with a burst of `burst` (GCRA), per process.
#[derive(Clone)]
struct GcraServer {
    interval: Duration,
    burst: u32,
    /// How long an answer takes to come back.
    round_trip: Duration,
    state: Arc<Mutex<ServerState>>,
}

#[derive(Default)]
struct ServerState {
    tat: Option<Instant>,
    /// Every request as it arrived: when, and whether it was accepted.
    log: Vec<(Instant, bool)>,
}

impl GcraServer {
    fn new(rate: u32, burst: u32) -> GcraServer {
        GcraServer {
            interval: Duration::from_secs(1) / rate,
            burst,
            round_trip: Duration::from_millis(1),
            state: Arc::default(),
        }
    }

    /// Admits a request arriving at `now`, or returns how long until it would be admitted.
    fn admit(&self, now: Instant) -> Result<(), Duration> {
        let mut s = self.state.lock().unwrap();
        let tat = s.tat.unwrap_or(now).max(now);
        let tolerance = self.interval * (self.burst - 1);
        let earliest = tat.checked_sub(tolerance).unwrap_or(now);
        let verdict = if earliest <= now {
            s.tat = Some(tat + self.interval);
            Ok(())
        } else {
            Err(earliest - now)
        };
        s.log.push((now, verdict.is_ok()));
        verdict
    }

    /// Answers one request: `200`, or `429` with the wait in whole seconds, rounded up (as
    /// HTTP's delta-seconds and the simulator have it), after the round trip.
    async fn answer(self) -> Result<Response<Full<Bytes>>, Infallible> {
        let verdict = self.admit(Instant::now());
        tokio::time::sleep(self.round_trip).await;
        let mut resp = Response::new(Full::new(Bytes::from_static(b"{}")));
        if let Err(wait) = verdict {
            *resp.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            resp.headers_mut()
                .insert(http::header::RETRY_AFTER, secs.max(1).into());
        }
        Ok(resp)
    }
}

/// What one run measured.
#[derive(Debug)]
struct Run {
    /// Virtual time from the first send to the last answer, over `N / R`.
    ratio: f64,
    failed: usize,
    refused: usize,
}

/// `n` POSTs (unsafe writes: only refusals and unsent failures are re-sent) from 16 tasks
/// through the default stack, against a server limiting to `rate`/s with a burst of 5.
async fn run(rate: u32, n: usize) -> Run {
    if std::env::var_os("PACING_TRACE").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::DEBUG)
            .with_writer(std::io::stderr)
            .without_time()
            .try_init();
    }
    let server = GcraServer::new(rate, 5);
    let answering = server.clone();
    let transport = Transport::builder()
        .service(tower::service_fn(move |_req: Request<Body>| {
            answering.clone().answer()
        }))
        .build();
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let t0 = Instant::now();
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let (transport, next, failed) = (transport.clone(), next.clone(), failed.clone());
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    let mut req = Request::post("http://sim/message")
                        .body(Body::new(Bytes::from_static(b"{}")))
                        .unwrap();
                    req.extensions_mut().insert(RequestMeta {
                        endpoint: "send_message",
                        replay: Replay::Unsafe,
                        rate_key: RateKey::new("crisp", "messages"),
                    });
                    match transport.send(req).await {
                        Ok(resp) if resp.status().is_success() => {}
                        _ => {
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let wall = Instant::now() - t0;
    let log = std::mem::take(&mut server.state.lock().unwrap().log);
    if std::env::var_os("PACING_TRACE").is_some() {
        trace(&log, t0, rate);
    }
    Run {
        ratio: wall.as_secs_f64() / (n as f64 / f64::from(rate)),
        failed: failed.load(Ordering::Relaxed),
        refused: log.iter().filter(|(_, ok)| !ok).count(),
    }
}

/// With `PACING_TRACE` set: the accepted and refused requests of each tenth of a second.
fn trace(log: &[(Instant, bool)], t0: Instant, rate: u32) {
    let step = Duration::from_millis(100);
    let end = log.last().map_or(t0, |(at, _)| *at);
    let mut from = t0;
    while from <= end {
        let slice = log
            .iter()
            .filter(|(at, _)| *at >= from && *at < from + step);
        let (ok, refused) = slice.fold(
            (0, 0),
            |(o, r), (_, a)| if *a { (o + 1, r) } else { (o, r + 1) },
        );
        eprintln!(
            "limit {rate}/s  t={:>6.1}s  accepted {ok:>4}  refused {refused:>3}",
            (from - t0).as_secs_f64()
        );
        from += step;
    }
}

/// The first volley: the 16 tasks' first requests and the next ones of the tasks answered
/// first all go before any refusal comes back, so the client knows nothing yet.
const FIRST_VOLLEY: usize = 16;

/// The pacing target: within 15% of the ideal time, nothing failed, and besides the first
/// volley at most 3% of the sends refused.
fn assert_converges(rate: u32, n: usize, r: Run) {
    eprintln!("limit {rate}/s, {n} sends: {r:?}");
    assert_eq!(r.failed, 0, "limit {rate}/s: {r:?}");
    assert!(r.ratio <= 1.15, "limit {rate}/s: {r:?}");
    assert!(
        r.refused <= FIRST_VOLLEY + n * 3 / 100,
        "limit {rate}/s: {r:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn converges_under_an_unknown_limit_of_5_per_second() {
    assert_converges(5, 500, run(5, 500).await);
}

#[tokio::test(start_paused = true)]
async fn converges_under_an_unknown_limit_of_100_per_second() {
    assert_converges(100, 2_000, run(100, 2_000).await);
}

#[tokio::test(start_paused = true)]
async fn converges_under_an_unknown_limit_of_1000_per_second() {
    assert_converges(1_000, 20_000, run(1_000, 20_000).await);
}
