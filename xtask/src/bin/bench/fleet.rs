//! Part 6 of the report: a fleet of worker processes on one token, with the quota shared
//! through Redis or with an in-process limiter in each worker, and the shared limiter's round
//! trip.
//!
//! Runs the `fleet_worker` example (built next to this runner, in release mode by
//! `cargo xtask bench`) against a `redis-server` of its own on a free loopback port
//! (persistence off, killed at the end). Without `redis-server` on the `PATH` (or
//! `$CHATDESK_REDIS_SERVER`) the part says so and measures nothing.

use chatdesk_transport::{RateKey, RedisRateLimiter};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The last line of one `fleet_worker` run (its JSON, parsed).
pub struct Run {
    pub shared: bool,
    pub ok: u64,
    pub refused: u64,
    pub failed: u64,
    pub wall_s: f64,
    pub rate: f64,
}

/// The part's figures.
pub struct Fleet {
    pub runs: Vec<Run>,
    /// Limiter round trip (one `acquire.lua` decision), p50 and p99, in ms.
    pub round_trip_ms: (f64, f64),
}

/// A `redis-server` child, killed and waited for on drop.
struct Server(Child, std::path::PathBuf);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let _ = std::fs::remove_dir_all(&self.1);
    }
}

fn start_redis(root: &std::path::Path) -> Result<Option<(Server, String)>, String> {
    let binary = std::env::var("CHATDESK_REDIS_SERVER").unwrap_or_else(|_| "redis-server".into());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let dir = root.join(format!("target/bench/redis-{port}"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let child = match Command::new(&binary)
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .arg("--dir")
        .arg(&dir)
        .stdout(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{binary}: {e}")),
    };
    let server = Server(child, dir);
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err("redis-server did not listen within 5 s".into());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(Some((server, format!("redis://127.0.0.1:{port}/0"))))
}

fn fleet_run(
    example: &std::path::Path,
    redis: Option<&str>,
    n: usize,
    rate: u32,
) -> Result<Run, String> {
    let mut cmd = Command::new(example);
    cmd.args([
        "--workers",
        "4",
        "--requests",
        &n.to_string(),
        "--limit",
        &rate.to_string(),
    ])
    .env_remove("REDIS_URL")
    .stderr(Stdio::null());
    if let Some(url) = redis {
        cmd.env("REDIS_URL", url);
    }
    let out = cmd
        .output()
        .map_err(|e| format!("{}: {e}", example.display()))?;
    if !out.status.success() {
        return Err("fleet_worker failed".into());
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().last().ok_or("fleet_worker printed nothing")?;
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let num = |k: &str| v[k].as_f64().ok_or(format!("no {k} in {line}"));
    Ok(Run {
        shared: v["shared"].as_bool().ok_or("no shared")?,
        ok: num("ok")? as u64,
        refused: num("refused")? as u64,
        failed: num("failed")? as u64,
        wall_s: num("wall_s")?,
        rate: num("rate")?,
    })
}

/// p50 and p99 of `samples` decisions on a key without quotas (a bare round trip).
async fn round_trip(url: &str, samples: usize) -> Result<(f64, f64), String> {
    let limiter = RedisRateLimiter::builder(url)
        .token_id("bench-round-trip")
        .build()
        .map_err(|e| e.to_string())?;
    let key = RateKey::new("bench", "round-trip");
    let mut ms = Vec::with_capacity(samples);
    for i in 0..samples + 20 {
        let t = Instant::now();
        limiter
            .reserve_at(key, Duration::ZERO, None)
            .await
            .map_err(|e| e.to_string())?;
        if i >= 20 {
            // the first calls connect and load the script
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    ms.sort_by(f64::total_cmp);
    Ok((ms[ms.len() / 2], ms[ms.len() * 99 / 100]))
}

/// `None` when there is no `redis-server`.
pub fn run(rt: &tokio::runtime::Runtime, n: usize, rate: u32) -> Result<Option<Fleet>, String> {
    let root = std::env::current_dir().map_err(|e| e.to_string())?;
    // `target/<profile>/examples/`, beside this runner in `target/<profile>/`.
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let example = exe
        .parent()
        .ok_or("the runner has no directory")?
        .join("examples")
        .join(format!("fleet_worker{}", std::env::consts::EXE_SUFFIX));
    let Some((_server, url)) = start_redis(&root)? else {
        return Ok(None);
    };
    let runs = vec![
        fleet_run(&example, Some(&url), n, rate)?,
        fleet_run(&example, None, n, rate)?,
    ];
    let round_trip_ms = rt.block_on(round_trip(&url, 2_000))?;
    Ok(Some(Fleet {
        runs,
        round_trip_ms,
    }))
}
