//! Parts 2 and 3: bulk message sends against the simulator, under its rate limit and under
//! injected faults, with every write checked against the simulator's accounting.

use chatdesk::crisp::model::message::{MessageContent, MessageSend};
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use chatdesk::transport::{Error, LocalRateLimiter, Quota, RetryConfig, Transport};
use chatdesk_sim::{ErrorBody, Fault, FaultKind, Nth, RateLimit, Seed, Sim, Vendor};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The outcome of one bulk run.
pub struct Outcome {
    pub label: String,
    pub ok: usize,
    /// Calls that returned an error to the caller.
    pub failed: usize,
    /// Of the failed calls, how many the server had in fact applied (the caller was told
    /// "maybe sent" or got an undecodable answer; it must reconcile these).
    pub failed_but_applied: usize,
    /// Calls reported as successful but never applied.
    pub lost: usize,
    /// Writes applied more than once.
    pub duplicated: usize,
    /// Confirmation look-ups (`GET …/message/{fingerprint}`) the client made.
    pub lookups: usize,
    /// Requests the simulator's rate limiter refused (429s sent).
    pub refused: usize,
    pub wall: Duration,
}

/// Sends `n` messages at concurrency `c` through `client`, fingerprints `base..base+n`.
async fn send_all(
    sim: &Sim,
    client: &CrispClient,
    session: &str,
    n: usize,
    c: usize,
    base: i64,
    label: String,
) -> Outcome {
    let website = sim.crisp_website_id();
    let results: Arc<Vec<AtomicUsize>> = Arc::new((0..n).map(|_| AtomicUsize::new(0)).collect());
    let next = Arc::new(AtomicUsize::new(0));
    let t0 = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..c {
        let (client, results, next) = (client.clone(), results.clone(), next.clone());
        let (website, session) = (website.clone(), session.to_owned());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return;
                }
                let mut msg =
                    MessageSend::operator(MessageContent::Text(format!("bulk message {i}")));
                msg.fingerprint = Some(base + i as i64);
                let r = client
                    .website(&website)
                    .conversation(&session)
                    .send_message(msg)
                    .await;
                // 1 = ok, 2 = error
                results[i].store(if r.is_ok() { 1 } else { 2 }, Ordering::Relaxed);
                if let Err(e) = r {
                    log_error(&e);
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let wall = t0.elapsed();
    let log = sim.requests();
    let mut out = Outcome {
        label,
        ok: 0,
        failed: 0,
        failed_but_applied: 0,
        lost: 0,
        duplicated: 0,
        lookups: log
            .iter()
            .filter(|r| r.method == "GET" && r.path.contains("/message/"))
            .count(),
        refused: log.iter().filter(|r| r.rate_limited).count(),
        wall,
    };
    let counts = sim.write_counts();
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        // Accepted/refused per 100 ms, from the simulator's log.
        let mut slices = std::collections::BTreeMap::<u128, (u32, u32)>::new();
        for r in &log {
            let slice = slices.entry(r.at.as_millis() / 100).or_default();
            if r.rate_limited {
                slice.1 += 1;
            } else {
                slice.0 += 1;
            }
        }
        let line: Vec<String> = slices
            .iter()
            .map(|(t, (ok, no))| format!("{t}:{ok}/{no}"))
            .collect();
        eprintln!("  per 100 ms (accepted/refused): {}", line.join(" "));
        eprintln!(
            "  write keys: {:?}",
            counts.keys().take(5).collect::<Vec<_>>()
        );
    }
    for (i, r) in results.iter().enumerate() {
        let applied = counts
            .get(&format!("crisp:message:{}", base + i as i64))
            .copied()
            .unwrap_or(0);
        match r.load(Ordering::Relaxed) {
            1 => {
                out.ok += 1;
                if applied == 0 {
                    out.lost += 1;
                }
            }
            _ => {
                out.failed += 1;
                if applied > 0 {
                    out.failed_but_applied += 1;
                }
            }
        }
        if applied > 1 {
            out.duplicated += 1;
        }
    }
    out
}

fn log_error(e: &Error) {
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        let mut chain = String::new();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            chain.push_str(&format!(": {s}"));
            source = s.source();
        }
        eprintln!("  call failed: {e}{chain} (was_sent={:?})", e.was_sent());
    }
}

/// A client of `sim` over `transport`; `confirm` turns write confirmation on or off.
fn client(sim: &Sim, transport: Transport, confirm: bool) -> Result<CrispClient, String> {
    let c = sim.crisp_credentials();
    let tier: Tier = c.tier.as_str().parse().map_err(|e: Error| e.to_string())?;
    CrispClient::builder()
        .credentials(Credentials::new(c.identifier, c.key, tier))
        .base_url(sim.crisp_base_url())
        .transport(transport)
        .confirm_writes(confirm)
        .build()
        .map_err(|e| e.to_string())
}

async fn new_session(client: &CrispClient, sim: &Sim) -> Result<String, String> {
    let created = client
        .website(sim.crisp_website_id())
        .conversations()
        .create()
        .await
        .map_err(|e| e.to_string())?;
    created.session_id.ok_or_else(|| "no session_id".into())
}

/// Part 2: `n` sends at concurrency `c` against a simulator limiting Crisp to `rate`/s.
/// With `pace`, the client's quota is set to the same rate (the documented limit); without it
/// the client relies on the default stack: the reactive gate, adaptive pacing and retries.
pub async fn under_limit(
    n: usize,
    c: usize,
    rate: u32,
    pace: bool,
) -> Result<(Outcome, f64), String> {
    let sim = Sim::builder()
        .seed(Seed::empty())
        .rate_limit(RateLimit::new(rate as f64, 5).vendor(Vendor::Crisp))
        .start()
        .await
        .map_err(|e| e.to_string())?;
    let mut limiter = LocalRateLimiter::new();
    if pace {
        limiter = limiter.vendor_quota("crisp", Quota::per_second(rate, 1));
    }
    let client = client(
        &sim,
        Transport::builder().rate_limiter(limiter).build(),
        true,
    )?;
    let session = new_session(&client, &sim).await?;
    let label = if pace {
        format!("quota {rate}/s = limit")
    } else {
        "default stack, no quota (adaptive pacing)".to_owned()
    };
    let out = send_all(&sim, &client, &session, n, c, 1_000_000, label).await;
    let ideal = n as f64 / rate as f64;
    let ratio = out.wall.as_secs_f64() / ideal;
    Ok((out, ratio))
}

/// The fault kinds of part 3, with a short name.
pub fn fault_kinds() -> Vec<(&'static str, FaultKind)> {
    vec![
        ("close before processing", FaultKind::CloseBeforeProcessing),
        ("process, then close", FaultKind::CloseAfterProcessing),
        (
            "503 JSON",
            FaultKind::Status {
                status: 503,
                body: ErrorBody::Json,
            },
        ),
        (
            "502 HTML",
            FaultKind::Status {
                status: 502,
                body: ErrorBody::Html,
            },
        ),
        ("truncated body", FaultKind::TruncatedBody),
        ("invalid JSON", FaultKind::InvalidJson),
        (
            "oversized body",
            FaultKind::OversizedBody {
                bytes: 2 * 1024 * 1024,
            },
        ),
        (
            "slow headers (> attempt timeout)",
            FaultKind::Delay {
                headers: Duration::from_millis(1500),
                body: Duration::ZERO,
            },
        ),
    ]
}

/// Part 3: `n` sends with every 20th send hit by `kinds` (each its own rule, so 5% each), from a
/// client that confirms its writes (`confirm`) or one that does not. A re-send after a
/// confirmation look-up is a send too, so it counts toward the fault cadence.
pub async fn under_faults(
    label: &str,
    kinds: Vec<FaultKind>,
    n: usize,
    c: usize,
    confirm: bool,
) -> Result<Outcome, String> {
    let mut builder = Sim::builder().seed(Seed::empty());
    for (k, kind) in kinds.into_iter().enumerate() {
        // Offset cadences (20, 21, 22, …) so that mixed rules rarely hit the same request.
        builder = builder.fault(
            Fault::new(kind)
                .vendor(Vendor::Crisp)
                .method(http::Method::POST)
                .path("/v1/website/*/conversation/*/message")
                .nth(Nth::Every(20 + k as u64)),
        );
    }
    let sim = builder.start().await.map_err(|e| e.to_string())?;
    let transport = Transport::builder()
        .retry(RetryConfig {
            base_backoff: Duration::from_millis(20),
            ..RetryConfig::default()
        })
        .attempt_timeout(Duration::from_millis(1000))
        .max_body(1024 * 1024)
        .build();
    let client = client(&sim, transport, confirm)?;
    let session = new_session(&client, &sim).await?;
    Ok(send_all(&sim, &client, &session, n, c, 2_000_000, label.to_owned()).await)
}
