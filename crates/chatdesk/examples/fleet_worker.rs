//! A fleet of worker processes on one token, sharing its quota through Redis.
//!
//! The parent starts a simulator that allows the Carrot token `--limit` requests a second (all
//! routes together, a burst of 5), then runs `--workers` copies of itself as separate
//! processes, each sending its share of `--requests` reads with the default retry stack:
//!
//! * with `REDIS_URL` set, every worker paces through one [`RedisRateLimiter`] quota of
//!   `--limit`/s for the token: together they stay at the limit and nothing is refused;
//! * without it, each worker has its own in-process limiter at `--limit`/s, so the fleet sends
//!   `--workers` times the limit and the simulator refuses the excess (the retries wait for its
//!   `Retry-After`, and a call whose retries run out fails).
//!
//! Progress goes to stderr; the last line on stdout is one JSON object,
//! `{"workers", "ok", "refused", "failed", "wall_s", "rate", "shared"}`, where `refused` is the
//! number of 429s the simulator sent and `rate` the combined ok calls per second.
//!
//! ```sh
//! cargo run --example fleet_worker -- --workers 4 --requests 400 --limit 20
//! REDIS_URL=redis://127.0.0.1:6379/0 cargo run --example fleet_worker -- --workers 4 --requests 400 --limit 20
//! ```
//!
//! [`RedisRateLimiter`]: chatdesk::transport::RedisRateLimiter

mod common;

use chatdesk::prelude::*;
use chatdesk::transport::RedisRateLimiter;
use chatdesk_sim::{RateLimit, RateScope, Sim, Vendor};
use indicatif::{ProgressBar, ProgressStyle};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The simulator's burst; the workers spend none of it (a request delayed on its way would
/// otherwise find the bucket empty).
const SERVER_BURST: u32 = 5;
/// How a worker learns the simulator's address and token (not on the command line, where `ps`
/// shows it).
const ENV_BASE_URL: &str = "CHATDESK_FLEET_BASE_URL";
const ENV_TOKEN: &str = "CHATDESK_FLEET_TOKEN";

struct Options {
    workers: usize,
    requests: usize,
    limit: u32,
    worker: bool,
    token_id: String,
}

fn options() -> common::Fallible<Options> {
    let mut o = Options {
        workers: 4,
        requests: 400,
        limit: 20,
        worker: false,
        token_id: String::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--workers" => o.workers = value()?.parse()?,
            "--requests" => o.requests = value()?.parse()?,
            "--limit" => o.limit = value()?.parse()?,
            "--worker" => o.worker = true,
            "--token-id" => o.token_id = value()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if o.workers == 0 || o.limit == 0 {
        return Err("--workers and --limit must be at least 1".into());
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> common::Fallible<()> {
    let o = options()?;
    if o.worker {
        worker(&o).await
    } else {
        parent(&o).await
    }
}

/// Starts the simulator and the workers, shows progress, sums up.
async fn parent(o: &Options) -> common::Fallible<()> {
    let sim = std::sync::Arc::new(
        Sim::builder()
            .rate_limit(RateLimit {
                vendor: Some(Vendor::Carrot),
                scope: RateScope::PerToken,
                ..RateLimit::new(f64::from(o.limit), SERVER_BURST)
            })
            .start()
            .await?,
    );
    let shared = std::env::var_os("REDIS_URL").is_some();
    // The quota's identity in Redis: the app id (a fingerprint of it), never the token. A
    // fresh one per run, so that a run does not inherit the last one's pacing.
    let token_id = format!(
        "fleet-example:{}:{}",
        sim.carrot_app_id(),
        std::process::id()
    );
    eprintln!(
        "{} workers, {} requests, simulator limit {}/s per token, quota {}",
        o.workers,
        o.requests,
        o.limit,
        if shared {
            "shared through Redis"
        } else {
            "per process (REDIS_URL unset)"
        }
    );
    let bar = ProgressBar::new(o.requests as u64).with_style(ProgressStyle::with_template(
        "{wide_bar} {pos}/{len} ok, {msg}",
    )?);
    let started = Instant::now();
    let mut children = Vec::new();
    for i in 0..o.workers {
        // Spread the remainder so that the shares add up to --requests.
        let share = o.requests / o.workers + usize::from(i < o.requests % o.workers);
        children.push(
            Command::new(std::env::current_exe()?)
                .args(["--worker", "--requests", &share.to_string()])
                .args(["--limit", &o.limit.to_string(), "--token-id", &token_id])
                .env(ENV_BASE_URL, sim.carrot_base_url())
                .env(ENV_TOKEN, sim.carrot_token())
                .stdout(Stdio::piped())
                .spawn()?,
        );
    }
    // Progress from the simulator's own log, while the workers run.
    let progress = {
        let (bar, sim) = (bar.clone(), sim.clone());
        tokio::spawn(async move {
            loop {
                let log = sim.requests();
                bar.set_position(log.iter().filter(|r| r.status == 200).count() as u64);
                bar.set_message(format!(
                    "{} refused",
                    log.iter().filter(|r| r.rate_limited).count()
                ));
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    let (mut ok, mut failed) = (0u64, 0u64);
    for child in children {
        let out = tokio::task::spawn_blocking(move || child.wait_with_output()).await??;
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().last().ok_or("a worker printed nothing")?;
        let counts: serde_json::Value = serde_json::from_str(line)?;
        ok += counts["ok"].as_u64().ok_or("no ok count")?;
        failed += counts["failed"].as_u64().ok_or("no failed count")?;
        if !out.status.success() {
            failed += 1;
        }
    }
    let wall_s = started.elapsed().as_secs_f64();
    progress.abort();
    bar.finish_and_clear();
    let refused = sim.requests().iter().filter(|r| r.rate_limited).count();
    // By hand, to keep the fields in the documented order.
    println!(
        "{{\"workers\": {}, \"ok\": {ok}, \"refused\": {refused}, \"failed\": {failed}, \"wall_s\": {wall_s:.3}, \"rate\": {:.2}, \"shared\": {shared}}}",
        o.workers,
        ok as f64 / wall_s,
    );
    Ok(())
}

/// One worker process: its share of reads, then `{"ok", "failed"}` on stdout.
async fn worker(o: &Options) -> common::Fallible<()> {
    let quota = Quota::per_second(o.limit, 1);
    let transport = match std::env::var("REDIS_URL") {
        Ok(url) => {
            let limiter = RedisRateLimiter::builder(url)
                .token_id(&o.token_id)
                .vendor_quota("carrot", quota)
                .build()?;
            Transport::builder().rate_limiter(limiter).build()
        }
        Err(_) => Transport::builder()
            .rate_limiter(LocalRateLimiter::new().vendor_quota("carrot", quota))
            .build(),
    };
    let carrot = CarrotClient::builder()
        .token(std::env::var(ENV_TOKEN)?)
        .base_url(std::env::var(ENV_BASE_URL)?)
        .transport(transport)
        .build()?;
    let (mut ok, mut failed) = (0u64, 0u64);
    for _ in 0..o.requests {
        match carrot.this_app().channels().await {
            Ok(_) => ok += 1,
            Err(e) => {
                failed += 1;
                eprintln!("worker {}: {e}", std::process::id());
            }
        }
    }
    println!("{}", serde_json::json!({ "ok": ok, "failed": failed }));
    Ok(())
}
