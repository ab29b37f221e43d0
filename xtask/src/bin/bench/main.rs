//! The benchmark runner behind `cargo xtask bench` (built in release mode by xtask).
//!
//! Prints a Markdown report on stdout. Every figure is measured side by side in the same run on
//! loopback; absolute times on a shared machine vary, so the report leads with ratios and counts.

mod export;
mod fleet;
mod percall;

use xtask::{bulk, rtm_bench, runtime, sys};

use std::fmt::Write;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // `--profile`: only the per-request rows, long enough to attach a sampling profiler
    // (`BENCH_N` requests per row; fewer for an instruction-counting run under callgrind), in
    // `BENCH_ROUNDS` interleaved rounds (default 1).
    if std::env::args().any(|a| a == "--profile") {
        let n = std::env::var("BENCH_N").ok().and_then(|v| v.parse().ok());
        let rounds = std::env::var("BENCH_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok());
        match percall::run(n.unwrap_or(200_000), rounds.unwrap_or(1)) {
            Ok(rows) => {
                for r in rows {
                    println!(
                        "{} c={} {:.0}/s {:.1}µs",
                        r.client, r.concurrency, r.per_sec, r.cpu_us
                    );
                }
            }
            Err(e) => eprintln!("bench: {e}"),
        }
        return;
    }
    // `--rtm`: only the RTM row (`BENCH_N` events, default 20,000).
    if std::env::args().any(|a| a == "--rtm") {
        let n = std::env::var("BENCH_N").ok().and_then(|v| v.parse().ok());
        let n = n.unwrap_or(20_000);
        match rtm_bench::run(n).and_then(|rows| Ok((rows, rtm_bench::decode_only(n)?))) {
            Ok((rows, decode)) => print!("{}", rtm_bench::section(&rows, decode)),
            Err(e) => {
                eprintln!("bench: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    // `--fleet`: only part 6 (the worker fleet on one token).
    if std::env::args().any(|a| a == "--fleet") {
        let mut r = String::new();
        match fleet_part(&mut r, quick) {
            Ok(()) => print!("{r}"),
            Err(e) => {
                eprintln!("bench: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    // `--pacing`: only part 2, the bulk sends under a limit (the adaptive row three times).
    if std::env::args().any(|a| a == "--pacing") {
        match pacing(quick) {
            Ok(report) => print!("{report}"),
            Err(e) => {
                eprintln!("bench: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    match run(quick) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(1);
        }
    }
}

fn run(quick: bool) -> Result<String, String> {
    let mut r = String::new();
    let w = |r: &mut String, s: String| {
        r.push_str(&s);
        r.push('\n');
    };

    // 1. Per-request cost.
    let (n, rounds) = if quick { (6_000, 6) } else { (60_000, 20) };
    eprintln!("bench: per-request cost ({n} requests per row in {rounds} rounds)…");
    let rows = percall::run(n, rounds)?;
    w(
        &mut r,
        format!(
            "## 1. Per-request cost (loopback, fixed envelope, client on one thread; {n} requests per row, in {rounds} interleaved rounds)\n"
        ),
    );
    w(&mut r, "| client | concurrency | requests/s | client CPU µs/request | CPU vs bare | throughput vs bare | CPU vs bare + decode | throughput vs bare + decode |".into());
    w(&mut r, "|---|---:|---:|---:|---:|---:|---:|---:|".into());
    let ratio = |row: &percall::Row, name: &str| {
        rows.iter()
            .find(|b| b.client == name && b.concurrency == row.concurrency)
            .map(|b| {
                (
                    format!("{:.2}×", row.cpu_us / b.cpu_us),
                    format!("{:.2}×", row.per_sec / b.per_sec),
                )
            })
            .unwrap_or(("—".into(), "—".into()))
    };
    for row in &rows {
        let (cpu_ratio, tput_ratio) = ratio(row, "bare hyper-util");
        // Each vendor's rows against the bare client doing that vendor's typed decode.
        let typed = if row.client.contains("crisp") {
            ratio(row, percall::BARE_DECODE_CRISP)
        } else if row.client.contains("carrot") {
            ratio(row, percall::BARE_DECODE_CARROT)
        } else {
            ("—".into(), "—".into())
        };
        w(
            &mut r,
            format!(
                "| {} | {} | {:.0} | {:.1} | {} | {} | {} | {} |",
                row.client,
                row.concurrency,
                row.per_sec,
                row.cpu_us,
                cpu_ratio,
                tput_ratio,
                typed.0,
                typed.1
            ),
        );
    }

    let (crisp_decode, carrot_decode) = percall::decode_only(n)?;
    w(
        &mut r,
        format!(
            "\nTyped decode alone, same bodies, no I/O: {crisp_decode:.1} µs CPU per Crisp conversation, \
             {carrot_decode:.1} µs per Carrot conversation (included in the rows above).\n"
        ),
    );

    // 1b. RTM events.
    let events = if quick { 2_000 } else { 20_000 };
    eprintln!("bench: RTM events ({events} per row)…");
    let rows = rtm_bench::run(events)?;
    r.push_str(&rtm_bench::section(&rows, rtm_bench::decode_only(events)?));

    let rt = runtime()?;
    r.push_str(&bulk_under_limit(&rt, quick)?);

    // 3. Faults.
    let (n, c) = if quick { (200, 8) } else { (600, 8) };
    eprintln!("bench: bulk under faults…");
    w(
        &mut r,
        format!(
            "\n## 3. Bulk sends with injected faults ({n} sends, concurrency 8; each kind hits every 20th send = 5%)\n"
        ),
    );
    w(&mut r, "| fault | writes | ok | failed (reported to caller) | of which applied by server | lost (ok but not applied) | duplicated | confirmation look-ups |".into());
    w(&mut r, "|---|---|---:|---:|---:|---:|---:|---:|".into());
    let mut runs: Vec<(String, Vec<chatdesk_sim::FaultKind>)> = bulk::fault_kinds()
        .into_iter()
        .map(|(name, kind)| (name.to_owned(), vec![kind]))
        .collect();
    runs.push((
        "all kinds at once (5% each)".into(),
        bulk::fault_kinds().into_iter().map(|(_, k)| k).collect(),
    ));
    for (label, kinds) in runs {
        for (confirm, writes) in [(false, "unconfirmed"), (true, "confirmed")] {
            let o = rt.block_on(bulk::under_faults(&label, kinds.clone(), n, c, confirm))?;
            w(
                &mut r,
                format!(
                    "| {} | {writes} | {} | {} | {} | {} | {} | {} |",
                    o.label, o.ok, o.failed, o.failed_but_applied, o.lost, o.duplicated, o.lookups
                ),
            );
        }
    }

    // 4. Export.
    eprintln!("bench: export…");
    w(
        &mut r,
        "\n## 4. Export: stream every seeded message to JSON lines\n".into(),
    );
    w(
        &mut r,
        "| messages seeded | conversations | messages exported | items/s | peak RSS growth | requests sent | minimum ceil(N / page size) |"
            .into(),
    );
    w(&mut r, "|---:|---:|---:|---:|---:|---:|---:|".into());
    let shapes: &[(usize, usize)] = if quick {
        &[(20, 100), (100, 100)]
    } else {
        &[(100, 100), (1_000, 100)]
    };
    for &(convs, per) in shapes {
        let e = rt.block_on(export::run(convs, per))?;
        let growth = e
            .peak_growth_kib
            .map(|k| format!("{:.1} MB", k as f64 / 1024.0))
            .unwrap_or_else(|| "n/a".into());
        let mut line = String::new();
        let _ = write!(
            line,
            "| {} | {} | {} | {:.0} | {} | {} | {} |",
            convs * per,
            e.conversations,
            e.messages,
            e.messages as f64 / e.wall.as_secs_f64(),
            growth,
            e.requests,
            e.minimum
        );
        w(&mut r, line);
    }

    fleet_part(&mut r, quick)?;
    Ok(r)
}

/// Part 6: a fleet of worker processes on one token.
fn fleet_part(r: &mut String, quick: bool) -> Result<(), String> {
    let w = |r: &mut String, s: String| {
        r.push_str(&s);
        r.push('\n');
    };
    let rt = runtime()?;
    let (n, rate) = if quick { (100, 20) } else { (500, 50) };
    eprintln!("bench: 4 worker processes on one token…");
    w(
        r,
        format!(
            "\n## 6. Four worker processes on one token, simulator limit {rate} requests/s for the token ({n} reads, `fleet_worker` example)\n"
        ),
    );
    match fleet::run(&rt, n, rate)? {
        None => w(r, "not measured: no `redis-server` on the PATH".into()),
        Some(f) => {
            w(r, "| quota | ok | refused (429s counted by the simulator) | failed | wall s | combined ok/s | ok/s ÷ R |".into());
            w(r, "|---|---:|---:|---:|---:|---:|---:|".into());
            for run in &f.runs {
                let label = if run.shared {
                    "shared through Redis"
                } else {
                    "in-process limiter per worker"
                };
                w(
                    r,
                    format!(
                        "| {label} | {} | {} | {} | {:.2} | {:.2} | {:.2} |",
                        run.ok,
                        run.refused,
                        run.failed,
                        run.wall_s,
                        run.rate,
                        run.rate / f64::from(rate)
                    ),
                );
            }
            let (p50, p99) = f.round_trip_ms;
            w(
                r,
                format!(
                    "\nShared limiter round trip (one decision, loopback Redis, 2,000 calls): p50 {p50:.3} ms, p99 {p99:.3} ms.\n"
                ),
            );
        }
    }
    Ok(())
}

/// `--pacing`: part 2 alone.
fn pacing(quick: bool) -> Result<String, String> {
    bulk_under_limit(&runtime()?, quick)
}

/// How many times the adaptive-pacing row runs: its target must hold in every run.
const PACING_RUNS: usize = 3;

/// Part 2: bulk sends under a simulator limit, with the client told the quota, then three runs
/// of the default stack that is not told it (adaptive pacing).
fn bulk_under_limit(rt: &tokio::runtime::Runtime, quick: bool) -> Result<String, String> {
    let mut r = String::new();
    let (n, rate, c) = if quick {
        (200, 100, 16)
    } else {
        (1_000, 100, 16)
    };
    eprintln!("bench: bulk under a {rate}/s limit…");
    let _ = writeln!(
        r,
        "\n## 2. Bulk sends under a simulator limit of {rate} requests/s ({n} sends, concurrency {c})\n"
    );
    let _ = writeln!(
        r,
        "| client pacing | run | ok | failed | refused (429) | duplicated | lost | wall s | wall ÷ (N/R) |"
    );
    let _ = writeln!(r, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let runs = std::iter::once((true, 1)).chain((1..=PACING_RUNS).map(|run| (false, run)));
    for (pace, run) in runs {
        let (o, ratio) = rt.block_on(bulk::under_limit(n, c, rate, pace))?;
        let _ = writeln!(
            r,
            "| {} | {run} | {} | {} | {} | {} | {} | {:.2} | {:.2} |",
            o.label,
            o.ok,
            o.failed,
            o.refused,
            o.duplicated,
            o.lost,
            o.wall.as_secs_f64(),
            ratio
        );
    }
    Ok(r)
}
