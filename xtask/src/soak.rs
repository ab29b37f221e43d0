//! The soak: many mixed calls over both vendors at high concurrency against an in-process
//! simulator that injects random faults, then four checks:
//!
//! 1. **no task leak**: the runtime's live tasks (`RuntimeMetrics::num_alive_tasks`) return to
//!    their count before the clients existed, once the clients are dropped;
//! 2. **no socket leak**: so do the process's open file descriptors (`/proc/self/fd`), which
//!    hold both ends of every loopback connection (the simulator runs in this process and keeps
//!    no count of its own connections);
//! 3. **flat memory**: resident memory (`VmRSS`) is sampled along the run. The simulator keeps
//!    every write it applied (about 1 KiB each), so memory grows with the writes of the mix; the
//!    last fifth of the calls are reads only, the simulator's state stops growing, and there the
//!    process must stay flat (within a limit; the short CI form reports the curve but does not
//!    judge it);
//! 4. **exactly-once writes**: every message send (Crisp) and reply (Carrot) carries a key of
//!    our choosing, and the simulator's write counters say it was applied at most once, exactly
//!    once when the call succeeded, and not at all when the error said "not sent".
//!
//! [`run`] does the work; `cargo xtask soak` and `xtask/tests/soak.rs` call it.

use crate::{Reported, carrot_client, crisp_client, fault_transport};
use chatdesk::crisp::model::message::{MessageContent, MessageSend};
use chatdesk::transport::Error;
use chatdesk_sim::{Fault, FaultKind, Nth, Seed, Sim};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::time::Duration;

/// What to run.
#[derive(Debug, Clone)]
pub struct SoakConfig {
    /// Calls to make (setup calls not included).
    pub requests: usize,
    /// Calls in flight at once.
    pub concurrency: usize,
    /// Share of the requests the simulator receives that a fault hits (0.02 = 2%).
    pub fault_rate: f64,
    /// Seed of the workload mix and of the fault placement (the same seed, the same run, up to
    /// the interleaving of concurrent calls).
    pub seed: u64,
    /// How many times to sample resident memory along the run.
    pub rss_samples: usize,
    /// Largest allowed growth of resident memory over the read-only tail (the last fifth of the
    /// calls), in KiB; `None` reports the curve without judging it.
    pub rss_growth_limit_kib: Option<u64>,
    /// How long to wait, at most, for tasks and sockets to wind down after the clients are
    /// dropped (polled; the check itself is on counts).
    pub settle: Duration,
}

impl SoakConfig {
    /// The full soak: 50,000 calls at concurrency 64 with 2% faults, memory growth over the
    /// read-only tail capped at 4 MiB.
    pub fn full() -> SoakConfig {
        SoakConfig {
            requests: 50_000,
            concurrency: 64,
            fault_rate: 0.02,
            seed: 0x50a4,
            rss_samples: 20,
            rss_growth_limit_kib: Some(4 * 1024),
            settle: Duration::from_secs(10),
        }
    }

    /// The short form CI runs: a few thousand calls, counts only.
    pub fn short() -> SoakConfig {
        SoakConfig {
            requests: 3_000,
            concurrency: 32,
            rss_samples: 6,
            rss_growth_limit_kib: None,
            ..SoakConfig::full()
        }
    }
}

/// The calls of the mix, with their share of the calls (in percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Op {
    /// `POST …/conversation/{session}/message` with a fingerprint of ours (a write).
    CrispSendMessage,
    /// `GET …/conversation/{session}` (a read).
    CrispGetConversation,
    /// `POST /conversations/{id}/reply` with a `random_id` of ours (a write).
    CarrotReply,
    /// `GET /conversations/{id}` (a read).
    CarrotGetConversation,
}

impl Op {
    const ALL: [(Op, u32); 4] = [
        (Op::CrispSendMessage, 20),
        (Op::CrispGetConversation, 30),
        (Op::CarrotReply, 20),
        (Op::CarrotGetConversation, 30),
    ];

    /// A read, for the read-only tail.
    fn pick_read(roll: u32) -> Op {
        if roll < 50 {
            Op::CrispGetConversation
        } else {
            Op::CarrotGetConversation
        }
    }

    fn pick(roll: u32) -> Op {
        let mut acc = 0;
        for (op, share) in Op::ALL {
            acc += share;
            if roll < acc {
                return op;
            }
        }
        Op::CarrotGetConversation
    }

    /// A short name for the report.
    pub fn name(self) -> &'static str {
        match self {
            Op::CrispSendMessage => "crisp send_message (write)",
            Op::CrispGetConversation => "crisp get_conversation (read)",
            Op::CarrotReply => "carrot reply (write)",
            Op::CarrotGetConversation => "carrot get_conversation (read)",
        }
    }

    fn is_write(self) -> bool {
        matches!(self, Op::CrispSendMessage | Op::CarrotReply)
    }
}

/// How the calls of one kind ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpTally {
    /// Calls made.
    pub calls: usize,
    /// By what the caller was told.
    pub reported: BTreeMap<Reported, usize>,
}

/// The exactly-once accounting of the writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteTally {
    /// Writes checked against the simulator's counters.
    pub checked: usize,
    /// Applied exactly once.
    pub applied_once: usize,
    /// Applied more than once.
    pub duplicated: usize,
    /// Reported successful but never applied.
    pub lost: usize,
    /// Failed with "may have been sent" and applied (the caller must reconcile these).
    pub failed_but_applied: usize,
    /// Failed with "may have been sent" and not applied.
    pub failed_not_applied: usize,
    /// Failed with "not sent" but applied: the error lied.
    pub not_sent_but_applied: usize,
}

/// One reading of resident memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RssSample {
    /// Calls finished when it was taken.
    pub after_calls: usize,
    /// `VmRSS`, KiB.
    pub kib: u64,
}

/// A count before the clients existed and after they were dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BeforeAfter {
    /// With the simulator running, before any client.
    pub before: usize,
    /// Highest value seen during the run.
    pub peak: usize,
    /// After the clients were dropped and the connections wound down.
    pub after: usize,
}

/// Everything the soak measured, and the checks that failed.
#[derive(Debug, Clone)]
pub struct SoakReport {
    /// What ran.
    pub config: SoakConfig,
    /// Per kind of call.
    pub ops: BTreeMap<Op, OpTally>,
    /// Requests the simulator served during the run (retries included).
    pub server_requests: u64,
    /// Faults that hit one of those requests.
    pub faults_injected: u64,
    /// The writes' accounting.
    pub writes: WriteTally,
    /// Live tokio tasks.
    pub tasks: BeforeAfter,
    /// Open file descriptors of the process.
    pub fds: BeforeAfter,
    /// Resident memory along the run.
    pub rss: Vec<RssSample>,
    /// One line per failed check; empty when the soak passed.
    pub failures: Vec<String>,
}

impl SoakReport {
    /// Whether every check passed.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    /// Calls that returned an error, all kinds together.
    pub fn failed_calls(&self) -> usize {
        self.ops
            .values()
            .map(|t| t.calls - t.reported.get(&Reported::Success).copied().unwrap_or(0))
            .sum()
    }

    /// RSS growth from the first sample at or after `from_calls` to the last sample, KiB.
    fn rss_growth_from(&self, from_calls: usize) -> Option<i64> {
        let first = self.rss.iter().find(|s| s.after_calls >= from_calls)?;
        let last = self.rss.last()?;
        Some(last.kib as i64 - first.kib as i64)
    }

    /// RSS growth from the end of the warm-up (the first quarter) to the end, KiB: includes the
    /// simulator's growing state.
    pub fn rss_growth_after_warmup_kib(&self) -> Option<i64> {
        self.rss_growth_from(self.config.requests.div_ceil(4))
    }

    /// RSS growth over the read-only tail (the last fifth of the calls), KiB.
    pub fn rss_growth_in_read_tail_kib(&self) -> Option<i64> {
        self.rss_growth_from(read_tail_start(self.config.requests))
    }
}

/// Why the soak could not run at all (a failed check is not an error: see
/// [`SoakReport::failures`]).
#[derive(Debug, thiserror::Error)]
pub enum SoakError {
    /// The simulator did not start.
    #[error("starting the simulator: {0}")]
    Sim(#[from] chatdesk_sim::SimError),
    /// Building a client or a setup call failed.
    #[error("setup: {0}")]
    Setup(#[from] Error),
    /// The setup answer lacked something.
    #[error("setup: {0}")]
    Missing(&'static str),
}

/// Open file descriptors of this process (Linux `/proc/self/fd`; 0 elsewhere).
pub fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, |d| d.count())
}

/// Live tasks of the current tokio runtime.
pub fn live_tasks() -> usize {
    tokio::runtime::Handle::current()
        .metrics()
        .num_alive_tasks()
}

/// Fault rules hitting about `rate` of the first `horizon` requests, at random positions, each
/// with a kind drawn from the benchmark's list. Returns the rules and the positions hit.
fn random_faults(rng: &mut fastrand::Rng, rate: f64, horizon: u64) -> (Vec<Fault>, BTreeSet<u64>) {
    let kinds: Vec<FaultKind> = crate::bulk::fault_kinds()
        .into_iter()
        .map(|(_, k)| k)
        .collect();
    let mut positions = BTreeSet::new();
    let mut rules = Vec::new();
    for n in 1..=horizon {
        if rng.f64() < rate {
            positions.insert(n);
            let kind = kinds[rng.usize(..kinds.len())].clone();
            rules.push(Fault::new(kind).nth(Nth::Only(n)));
        }
    }
    (rules, positions)
}

/// Outcome codes stored per call.
const NOT_RUN: u8 = 0;

fn code(r: Reported) -> u8 {
    match r {
        Reported::Success => 1,
        Reported::MayHaveBeenSent => 2,
        Reported::NotSent => 3,
    }
}

fn decode(c: u8) -> Option<Reported> {
    match c {
        1 => Some(Reported::Success),
        2 => Some(Reported::MayHaveBeenSent),
        3 => Some(Reported::NotSent),
        _ => None,
    }
}

/// The first call of the read-only tail: the last fifth of the calls are reads.
fn read_tail_start(requests: usize) -> usize {
    requests - requests / 5
}

/// Base of the Crisp fingerprints and Carrot `random_id`s (call `i` uses `BASE + i`).
const BASE: u64 = 7_000_000;

/// Runs the soak. Must be called inside a tokio runtime with the time and I/O drivers; a
/// multi-threaded one exercises the clients as production does.
pub async fn run(config: SoakConfig) -> Result<SoakReport, SoakError> {
    let mut rng = fastrand::Rng::with_seed(config.seed);
    let ops: Arc<Vec<Op>> = Arc::new(
        (0..config.requests)
            .map(|i| {
                if i < read_tail_start(config.requests) {
                    Op::pick(rng.u32(..100))
                } else {
                    Op::pick_read(rng.u32(..100))
                }
            })
            .collect(),
    );
    // The request log would grow with the run and blur the memory curve; the counters suffice.
    let sim = Sim::builder()
        .seed(Seed::default())
        .request_log_capacity(0)
        .start()
        .await?;
    let mut tasks = BeforeAfter {
        before: live_tasks(),
        ..BeforeAfter::default()
    };
    let mut fds = BeforeAfter {
        before: open_fds(),
        ..BeforeAfter::default()
    };

    let mut report = {
        let transport = fault_transport();
        let crisp = crisp_client(&sim, transport.clone())?;
        let carrot = carrot_client(&sim, transport)?;
        let website = sim.crisp_website_id();
        let session = crisp
            .website(&website)
            .conversations()
            .create()
            .await?
            .session_id
            .ok_or(SoakError::Missing(
                "no session_id in the created conversation",
            ))?;
        let carrot_conv = *sim
            .carrot_conversation_ids()
            .first()
            .ok_or(SoakError::Missing("no seeded Carrot conversation"))?;

        // Faults start now, so that the setup above is never hit. Retries and faults make more
        // requests than calls; a fifth more covers them.
        let served_before = sim.total_requests();
        let horizon = (config.requests as u64).saturating_mul(6) / 5 + 100;
        let (rules, positions) = random_faults(&mut rng, config.fault_rate, horizon);
        sim.set_faults(rules);

        let results: Arc<Vec<AtomicU8>> = Arc::new(
            (0..config.requests)
                .map(|_| AtomicU8::new(NOT_RUN))
                .collect(),
        );
        let next = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicUsize::new(0));
        let peak_tasks = Arc::new(AtomicUsize::new(0));
        let peak_fds = Arc::new(AtomicUsize::new(0));
        let rss = Arc::new(std::sync::Mutex::new(Vec::new()));
        let step = (config.requests / config.rss_samples.max(1)).max(1);
        let mut workers = Vec::new();
        for _ in 0..config.concurrency.max(1) {
            let (crisp, carrot) = (crisp.clone(), carrot.clone());
            let (ops, results, next, done) =
                (ops.clone(), results.clone(), next.clone(), done.clone());
            let (peak_tasks, peak_fds, rss) = (peak_tasks.clone(), peak_fds.clone(), rss.clone());
            let (website, session) = (website.clone(), session.clone());
            workers.push(tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&op) = ops.get(i) else { return };
                    let key = BASE + i as u64;
                    let reported = match op {
                        Op::CrispSendMessage => {
                            let mut msg = MessageSend::operator(MessageContent::Text(format!(
                                "soak message {i}"
                            )));
                            msg.fingerprint = i64::try_from(key).ok();
                            let conv = crisp.website(&website).conversation(&session);
                            Reported::of(&conv.send_message(msg).await)
                        }
                        Op::CrispGetConversation => {
                            let conv = crisp.website(&website).conversation(&session);
                            Reported::of(&conv.get().await)
                        }
                        Op::CarrotReply => {
                            let conv = carrot.conversation(carrot_conv);
                            let call = conv.reply(format!("soak reply {i}")).random_id(key);
                            Reported::of(&call.await)
                        }
                        Op::CarrotGetConversation => {
                            Reported::of(&carrot.conversation(carrot_conv).get().await)
                        }
                    };
                    if let Some(slot) = results.get(i) {
                        slot.store(code(reported), Ordering::Relaxed);
                    }
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if n % step == 0 || n == ops.len() {
                        peak_tasks.fetch_max(live_tasks(), Ordering::Relaxed);
                        peak_fds.fetch_max(open_fds(), Ordering::Relaxed);
                        if let Some((kib, _)) = crate::sys::rss_kib() {
                            let mut v = rss.lock().unwrap_or_else(|p| p.into_inner());
                            v.push(RssSample {
                                after_calls: n,
                                kib,
                            });
                        }
                    }
                }
            }));
        }
        for w in workers {
            // A worker only ends by running out of calls; a panic in one is a bug worth seeing.
            if let Err(e) = w.await {
                std::panic::resume_unwind(e.into_panic());
            }
        }
        tasks.peak = peak_tasks.load(Ordering::Relaxed);
        fds.peak = peak_fds.load(Ordering::Relaxed);
        let served = sim.total_requests() - served_before;
        let injected = positions.range(..=served).count() as u64;
        sim.clear_faults();

        let mut rss = std::mem::take(&mut *rss.lock().unwrap_or_else(|p| p.into_inner()));
        rss.sort_by_key(|s| s.after_calls);
        let mut report = SoakReport {
            config: config.clone(),
            ops: BTreeMap::new(),
            server_requests: served,
            faults_injected: injected,
            writes: WriteTally::default(),
            tasks,
            fds,
            rss,
            failures: Vec::new(),
        };
        account(
            &mut report,
            &ops,
            &results,
            &sim.write_counts(),
            &|op, key| match op {
                Op::CrispSendMessage => Some(format!("crisp:message:{key}")),
                Op::CarrotReply => Some(format!("carrot:reply:{carrot_conv}:{key}")),
                _ => None,
            },
        );
        report
        // The clients, their transport and its connection pool are dropped here.
    };

    // Let the connections wind down: the pool's connection tasks end once its senders are gone,
    // and the simulator's once the client side closed. Bounded; the check is on the counts.
    let deadline = tokio::time::Instant::now() + config.settle;
    loop {
        report.tasks.after = live_tasks();
        report.fds.after = open_fds();
        let settled =
            report.tasks.after <= report.tasks.before && report.fds.after <= report.fds.before;
        if settled || tokio::time::Instant::now() >= deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tasks = report.tasks;
    fds = report.fds;
    if tasks.after > tasks.before {
        report.failures.push(format!(
            "task leak: {} live tasks before the clients, {} after",
            tasks.before, tasks.after
        ));
    }
    if fds.after > fds.before {
        report.failures.push(format!(
            "socket leak: {} open file descriptors before the clients, {} after",
            fds.before, fds.after
        ));
    }
    if let (Some(limit), Some(growth)) = (
        config.rss_growth_limit_kib,
        report.rss_growth_in_read_tail_kib(),
    ) && growth > limit as i64
    {
        report.failures.push(format!(
            "memory grew by {growth} KiB over the read-only tail (limit {limit} KiB)"
        ));
    }
    drop(sim);
    Ok(report)
}

/// Tallies the calls and checks every write against the simulator's counters.
fn account(
    report: &mut SoakReport,
    ops: &[Op],
    results: &[AtomicU8],
    counts: &BTreeMap<String, u64>,
    key_of: &dyn Fn(Op, u64) -> Option<String>,
) {
    let mut not_run = 0;
    for (i, (&op, slot)) in ops.iter().zip(results).enumerate() {
        let Some(reported) = decode(slot.load(Ordering::Relaxed)) else {
            not_run += 1;
            continue;
        };
        let tally = report.ops.entry(op).or_default();
        tally.calls += 1;
        *tally.reported.entry(reported).or_insert(0) += 1;
        if !op.is_write() {
            continue;
        }
        let Some(key) = key_of(op, BASE + i as u64) else {
            continue;
        };
        let applied = counts.get(&key).copied().unwrap_or(0);
        let w = &mut report.writes;
        w.checked += 1;
        match (applied, reported) {
            (n, _) if n > 1 => w.duplicated += 1,
            (0, Reported::Success) => w.lost += 1,
            (1, Reported::Success) => w.applied_once += 1,
            (1, Reported::MayHaveBeenSent) => w.failed_but_applied += 1,
            (0, Reported::MayHaveBeenSent) => w.failed_not_applied += 1,
            (_, Reported::NotSent) if applied > 0 => w.not_sent_but_applied += 1,
            _ => {}
        }
    }
    let w = report.writes.clone();
    let (failed, injected) = (report.failed_calls() as u64, report.faults_injected);
    let mut fail = |what: String| report.failures.push(what);
    if not_run > 0 {
        fail(format!("{not_run} calls never finished"));
    }
    if w.duplicated > 0 {
        fail(format!("{} writes applied more than once", w.duplicated));
    }
    if w.lost > 0 {
        fail(format!(
            "{} writes reported successful but never applied",
            w.lost
        ));
    }
    if w.not_sent_but_applied > 0 {
        fail(format!(
            "{} writes reported \"not sent\" but applied",
            w.not_sent_but_applied
        ));
    }
    if failed > injected {
        fail(format!(
            "{failed} calls failed but only {injected} faults were injected"
        ));
    }
}

impl fmt::Display for SoakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.config;
        writeln!(
            f,
            "# Soak: {} calls, concurrency {}, {:.1}% random faults (seed {:#x})\n",
            c.requests,
            c.concurrency,
            c.fault_rate * 100.0,
            c.seed
        )?;
        writeln!(
            f,
            "The simulator served {} requests (retries included); {} were hit by a fault.\n",
            self.server_requests, self.faults_injected
        )?;
        writeln!(
            f,
            "| call | calls | ok | failed, may have been sent | failed, not sent |"
        )?;
        writeln!(f, "|---|---:|---:|---:|---:|")?;
        for (op, t) in &self.ops {
            let n = |r| t.reported.get(&r).copied().unwrap_or(0);
            writeln!(
                f,
                "| {} | {} | {} | {} | {} |",
                op.name(),
                t.calls,
                n(Reported::Success),
                n(Reported::MayHaveBeenSent),
                n(Reported::NotSent)
            )?;
        }
        let w = &self.writes;
        writeln!(
            f,
            "\nWrites checked against the simulator's counters: {}: applied once {}, duplicated {}, \
             lost {}, failed but applied {}, failed and not applied {}, \"not sent\" but applied {}.\n",
            w.checked,
            w.applied_once,
            w.duplicated,
            w.lost,
            w.failed_but_applied,
            w.failed_not_applied,
            w.not_sent_but_applied
        )?;
        writeln!(
            f,
            "| resource | before the clients | peak | after dropping them |"
        )?;
        writeln!(f, "|---|---:|---:|---:|")?;
        for (name, v) in [
            ("live tokio tasks", self.tasks),
            ("open file descriptors", self.fds),
        ] {
            writeln!(f, "| {name} | {} | {} | {} |", v.before, v.peak, v.after)?;
        }
        writeln!(f, "\nResident memory (VmRSS) along the run:\n")?;
        writeln!(f, "| calls done | RSS MiB |")?;
        writeln!(f, "|---:|---:|")?;
        for s in &self.rss {
            writeln!(f, "| {} | {:.1} |", s.after_calls, s.kib as f64 / 1024.0)?;
        }
        let mib = |k: i64| k as f64 / 1024.0;
        if let Some(g) = self.rss_growth_after_warmup_kib() {
            writeln!(
                f,
                "\nGrowth after warm-up (first quarter to end): {:.1} MiB, the simulator's stored \
                 writes included ({} checked).",
                mib(g),
                self.writes.checked
            )?;
        }
        if let Some(g) = self.rss_growth_in_read_tail_kib() {
            let limit = c.rss_growth_limit_kib.map_or("not judged".to_owned(), |l| {
                format!("limit {:.1} MiB", l as f64 / 1024.0)
            });
            writeln!(
                f,
                "Growth over the read-only tail (calls {} to {}): {:.1} MiB ({limit}).",
                read_tail_start(c.requests),
                c.requests,
                mib(g)
            )?;
        }
        if self.passed() {
            writeln!(f, "\nAll checks passed.")
        } else {
            writeln!(f, "\nFAILED:")?;
            for l in &self.failures {
                writeln!(f, "- {l}")?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_covers_every_call_and_sums_to_100() {
        assert_eq!(Op::ALL.iter().map(|(_, s)| s).sum::<u32>(), 100);
        let picked: BTreeSet<Op> = (0..100).map(Op::pick).collect();
        assert_eq!(picked.len(), Op::ALL.len());
    }

    #[test]
    fn random_faults_hit_about_the_asked_share() {
        let mut rng = fastrand::Rng::with_seed(1);
        let (rules, positions) = random_faults(&mut rng, 0.02, 50_000);
        assert_eq!(rules.len(), positions.len());
        assert!(
            (800..1200).contains(&positions.len()),
            "{}",
            positions.len()
        );
    }
}
