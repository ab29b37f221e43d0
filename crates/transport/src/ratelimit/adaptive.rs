//! Adaptive pacing: the rate [`LocalRateLimiter`](super::LocalRateLimiter) learns per key from
//! the server's refusals when it is told no quota (see the module docs of
//! [`ratelimit`](super)).

use super::Quota;
use super::gcra::{gcra_start, later};
use crate::meta::RateKey;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::time::Duration;
use tokio::time::Instant;

/// The longest refusal pause the pacer keeps to itself: a `Retry-After` of a second (the least
/// a whole-second value can say) or none at all slows the key down instead of closing it.
pub(super) const SHORT_PAUSE: Duration = Duration::from_secs(1);

/// What the pacer knows, per key.
#[derive(Debug, Default)]
pub(super) struct Pacer {
    tracks: HashMap<RateKey, Track, BuildHasherDefault<KeyHasher>>,
}

/// The hasher of the pacer's keys, looked up three times a request. Its keys are route names
/// from the vendor crates' code, never from the network, so it needs none of the default
/// SipHash's defence against chosen collisions: a multiply-rotate over 8-byte words does.
#[derive(Debug, Default)]
pub(super) struct KeyHasher(u64);

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A slot offered by the learnt pace: the quota it stands for, the earliest start and the tat
/// to build on (see [`gcra_start`]).
pub(super) type Slot = (Quota, (Instant, Instant));

/// What is followed on every key, learnt pace or not.
#[derive(Debug, Default)]
struct Track {
    /// What was sent lately.
    window: Window,
    /// When the requests not yet answered went (or go), with how many at each instant: an
    /// answer is taken to be the earliest one's (bounded, since an attempt that fails is never
    /// answered). Kept sorted by instant; requests mostly go in order, so a send is mostly a
    /// push at the back, and the buffer is kept between requests (a map would allocate a node
    /// whenever it filled from empty, on every call at one in flight).
    outstanding: VecDeque<(Instant, u32)>,
    outstanding_len: usize,
    learnt: Option<Learnt>,
}

/// The requests sent on a key over the current one-second window: the rate the first refusal
/// was a refusal of.
#[derive(Debug, Default, Clone, Copy)]
struct Window {
    since: Option<Instant>,
    until: Option<Instant>,
    sent: u32,
}

impl Window {
    fn send(&mut self, at: Instant) {
        // `until` is `since` plus a second, kept so that each send only compares instants.
        match self.until {
            Some(until) if at < until => {}
            _ => {
                self.since = Some(at);
                self.until = at.checked_add(Duration::from_secs(1));
                self.sent = 0;
            }
        }
        self.sent += 1;
    }

    /// Requests a second (over at least 100 ms).
    fn rate(&self, now: Instant) -> f64 {
        let Some(since) = self.since else {
            return 0.0;
        };
        let span = now
            .saturating_duration_since(since)
            .max(Duration::from_millis(100));
        f64::from(self.sent) / span.as_secs_f64()
    }
}

/// A request's slot: the epoch of the pace it was taken at, when it goes, and the earliest the
/// gate and the quotas let it go.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ticket {
    epoch: u64,
    start: Instant,
    floor: Instant,
}

impl Track {
    fn send(&mut self, start: Instant) {
        if self.outstanding_len >= Learnt::MAX_OUTSTANDING {
            self.answered();
        }
        match self.outstanding.back_mut() {
            Some((at, n)) if *at == start => *n += 1,
            Some((at, _)) if *at > start => {
                match self.outstanding.binary_search_by(|(at, _)| at.cmp(&start)) {
                    Ok(i) => self.outstanding[i].1 += 1,
                    Err(i) => self.outstanding.insert(i, (start, 1)),
                }
            }
            _ => self.outstanding.push_back((start, 1)),
        }
        self.outstanding_len += 1;
    }

    /// Takes the earliest request out of `outstanding`: the one an answer is for.
    fn answered(&mut self) -> Option<Instant> {
        let (at, n) = self.outstanding.front_mut()?;
        let at = *at;
        *n -= 1;
        if *n == 0 {
            self.outstanding.pop_front();
        }
        self.outstanding_len -= 1;
        Some(at)
    }

    /// Takes the request sent at `at` out of `outstanding`.
    fn answered_at(&mut self, at: Instant) {
        if let Ok(i) = self.outstanding.binary_search_by(|(t, _)| t.cmp(&at)) {
            self.outstanding[i].1 -= 1;
            if self.outstanding[i].1 == 0 {
                self.outstanding.remove(i);
            }
            self.outstanding_len -= 1;
        }
    }
}

/// A rate learnt from refusals on one key.
#[derive(Debug, Clone, Copy)]
struct Learnt {
    /// Current pace, requests per second.
    rate: f64,
    /// The pace it was last cut to (infinite before the first cut): below it the pace grows
    /// fast, above it slowly.
    threshold: f64,
    /// GCRA theoretical arrival time at `rate`.
    tat: Instant,
    /// Counts the changes of pace: a slot taken in an earlier epoch went at an earlier pace,
    /// `epoch_rate`.
    epoch: u64,
    epoch_rate: f64,
    /// When the pace was last cut, and to what.
    last_cut: Instant,
    cut_to: f64,
    /// Answers accepted to requests sent since the last cut.
    accepted: u32,
    /// When the pace last grew (doubling is in proportion to time).
    grown: Instant,
    /// Whether the last request had to wait for its slot: the pace, not the caller, set the
    /// rate, so an accepted answer says the pace itself was accepted.
    binding: bool,
}

impl Learnt {
    /// A refusal before anything was accepted at the pace: far above the limit.
    const HALVE: f64 = 0.5;
    /// A refusal after a few were accepted: near it.
    const CUT: f64 = 0.9;
    /// From this many accepted at a pace, their rate measures the limit…
    const MEASURE_FROM: u32 = 3;
    /// …and the pace goes to this share of it (or of the pace refused, if lower), provided the
    /// pace it started at and it are within this share of each other.
    const UNDER: f64 = 0.97;
    const HELD: f64 = 0.9;
    /// Growth per accepted answer above the threshold (about one refusal per hundred
    /// requests, whatever the rate)…
    const GROWTH: f64 = 0.001;
    /// …and below it: the pace doubles every `DOUBLING` while accepted.
    const DOUBLING: Duration = Duration::from_millis(100);
    const FORGET_AFTER: Duration = Duration::from_secs(60);
    const MIN_RATE: f64 = 0.2;
    const MAX_OUTSTANDING: usize = 4096;

    /// Requests waiting at a pace are given new slots once it grew by this factor.
    const RESLOT_AFTER_GROWTH: f64 = 1.25;

    fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.rate.max(Self::MIN_RATE))
    }

    /// A new pace: the next slot is one interval away, and the slots taken at the old pace are
    /// taken again.
    fn new_epoch(&mut self, now: Instant) {
        self.tat = later(now, self.interval());
        self.epoch += 1;
        self.epoch_rate = self.rate;
    }
}

impl Pacer {
    /// The learnt pace's next slot for a request on `key` at `now`, if a pace is learnt (one
    /// left alone for a minute is forgotten first).
    pub(super) fn slot(&mut self, key: RateKey, now: Instant) -> Option<Slot> {
        let track = self.tracks.get_mut(&key)?;
        if track
            .learnt
            .is_some_and(|l| now.saturating_duration_since(l.last_cut) >= Learnt::FORGET_AFTER)
        {
            track.learnt = None;
        }
        track.learnt.map(|l| {
            let q = Quota {
                interval: l.interval(),
                burst: 1,
            };
            (q, gcra_start(Some(&l.tat), &q, now))
        })
    }

    /// Takes the slot at `start` for a request that asked at `now` (`slot` is what
    /// [`slot`](Self::slot) offered) and counts the send.
    pub(super) fn commit(
        &mut self,
        key: RateKey,
        slot: Option<Slot>,
        now: Instant,
        start: Instant,
        floor: Instant,
    ) -> Ticket {
        let track = self.tracks.entry(key).or_default();
        if let Some((q, (earliest, tat))) = slot
            && let Some(l) = track.learnt.as_mut()
        {
            l.tat = later(tat.max(start), q.interval);
            l.binding = earliest > now;
        }
        track.send(start);
        track.window.send(start);
        Ticket {
            epoch: track.learnt.map_or(0, |l| l.epoch),
            start,
            floor,
        }
    }

    /// How long the request holding `ticket` still waits at `now`. When the pace changed since
    /// it took its slot (a cut, or growth from a low pace), it takes a new one at the new pace.
    pub(super) fn remaining(
        &mut self,
        key: RateKey,
        ticket: &mut Ticket,
        now: Instant,
    ) -> Duration {
        if let Some(track) = self.tracks.get_mut(&key)
            && let Some(l) = track.learnt.as_mut()
            && l.epoch != ticket.epoch
        {
            let q = Quota {
                interval: l.interval(),
                burst: 1,
            };
            let (earliest, tat) = gcra_start(Some(&l.tat), &q, now);
            let start = earliest.max(ticket.floor);
            l.tat = later(tat.max(start), q.interval);
            l.binding = earliest > now;
            ticket.epoch = l.epoch;
            track.answered_at(ticket.start);
            track.send(start);
            ticket.start = start;
        }
        ticket
            .start
            .max(ticket.floor)
            .saturating_duration_since(now)
    }

    /// A refusal on `key` at `now`: cut the pace (or learn a first one from the window).
    pub(super) fn refused(&mut self, key: RateKey, now: Instant) {
        let track = self.tracks.entry(key).or_default();
        let sent = track.answered();
        let Some(l) = track.learnt.as_mut() else {
            // Half the rate that was refused: below the limit, or one halving away.
            let rate = (track.window.rate(now) * Learnt::HALVE).max(Learnt::MIN_RATE);
            track.learnt = Some(Learnt {
                rate,
                threshold: f64::INFINITY,
                // The server's bucket is empty: the next request waits one interval.
                tat: later(now, Duration::from_secs_f64(1.0 / rate)),
                epoch: 1,
                epoch_rate: rate,
                last_cut: now,
                cut_to: rate,
                accepted: 0,
                grown: now,
                binding: false,
            });
            return;
        };
        // A request that took its slot before the last cut went at the old pace: its refusal
        // says nothing about the new one.
        if sent.is_some_and(|at| at <= l.last_cut) {
            return;
        }
        // The server's bucket was empty at the last cut and is empty now: at a pace above its
        // limit, it accepted its limit in between.
        let refused = l.rate;
        let span = now.saturating_duration_since(l.last_cut).as_secs_f64();
        let accepted = f64::from(l.accepted) / span.max(f64::EPSILON);
        // That holds when the pace never went much below what was accepted (not after a
        // stretch of fast growth from far below, whose average says little), and what was
        // accepted kept up with the pace (not when the caller sent less, or stalled).
        let measured = l.accepted >= Learnt::MEASURE_FROM
            && l.cut_to >= accepted * Learnt::HELD
            && accepted >= l.cut_to * Learnt::HELD;
        l.rate = match l.accepted {
            // Refused before anything at the pace was accepted: far above the limit.
            0 => refused * Learnt::HALVE,
            _ if measured => (accepted * Learnt::UNDER)
                .max(refused * Learnt::HALVE)
                .min(refused * Learnt::UNDER),
            _ => refused * Learnt::CUT,
        }
        .max(Learnt::MIN_RATE);
        l.cut_to = l.rate;
        l.threshold = l.rate;
        // The next slot is one interval at the new pace away, and the requests waiting for a
        // slot take theirs again (`remaining`).
        l.new_epoch(now);
        l.last_cut = now;
        l.accepted = 0;
        l.grown = now;
        tracing::debug!(
            vendor = key.vendor,
            class = key.class,
            pace = l.rate,
            threshold = l.threshold,
            "refused: pace cut"
        );
    }

    /// An accepted request on `key` at `now`: grow the pace, if it was the pace that held the
    /// request back (a caller sending less than the pace allows earns no growth).
    /// An answer on `key` that was not a refusal; `now` reads the clock, only when a pace was
    /// learnt on the key.
    pub(super) fn succeeded(&mut self, key: RateKey, now: impl FnOnce() -> Instant) {
        let Some(track) = self.tracks.get_mut(&key) else {
            return;
        };
        let sent = track.answered();
        if let Some(l) = track.learnt.as_mut() {
            let now = now();
            if sent.is_some_and(|at| at > l.last_cut) {
                l.accepted += 1;
            }
            let held = now.saturating_duration_since(l.grown).min(Learnt::DOUBLING);
            l.grown = now;
            if l.binding {
                let held = held.as_secs_f64();
                let grown = if l.rate >= l.threshold {
                    l.rate * (1.0 + Learnt::GROWTH)
                } else {
                    (l.rate * 2f64.powf(held / Learnt::DOUBLING.as_secs_f64())).min(l.threshold)
                };
                l.rate = grown;
                // Requests waiting at a pace this far below take their slots again.
                if l.rate >= l.epoch_rate * Learnt::RESLOT_AFTER_GROWTH {
                    l.new_epoch(now);
                }
            }
        }
    }

    /// Forgets what was learnt on `key`.
    pub(super) fn forget(&mut self, key: RateKey) {
        self.tracks.remove(&key);
    }

    /// Forgets every learnt pace.
    pub(super) fn clear(&mut self) {
        self.tracks.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{LocalRateLimiter, RateLimiter};
    use super::*;
    use std::sync::{Arc, Mutex};

    const K: RateKey = RateKey::new("crisp", "messages");

    /// A server allowing `rate`/s with a small bucket, answering 429 + `Retry-After: 1` beyond
    /// it: with `adaptive`, concurrent senders converge below the limit instead of herding
    /// through the reopened gate.
    async fn run_against_bucket(adaptive: bool) -> (Duration, u32) {
        use std::sync::atomic::{AtomicU32, Ordering};
        let l = LocalRateLimiter::new().adaptive(adaptive);
        let bucket = Arc::new(Mutex::new((5.0f64, Instant::now())));
        let refusals = Arc::new(AtomicU32::new(0));
        let sent = Arc::new(AtomicU32::new(0));
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (l, bucket, refusals, sent) =
                (l.clone(), bucket.clone(), refusals.clone(), sent.clone());
            tasks.push(tokio::spawn(async move {
                while sent.load(Ordering::SeqCst) < 600 {
                    l.acquire(K).await.unwrap();
                    tokio::time::sleep(Duration::from_millis(2)).await; // round trip
                    let ok = {
                        let mut b = bucket.lock().unwrap();
                        let now = Instant::now();
                        b.0 = (b.0 + (now - b.1).as_secs_f64() * 100.0).min(5.0);
                        b.1 = now;
                        if b.0 >= 1.0 {
                            b.0 -= 1.0;
                            true
                        } else {
                            false
                        }
                    };
                    if ok {
                        sent.fetch_add(1, Ordering::SeqCst);
                        l.succeeded(K);
                    } else {
                        refusals.fetch_add(1, Ordering::SeqCst);
                        l.refused(K, Some(Duration::from_secs(1)));
                    }
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        (Instant::now() - t0, refusals.load(Ordering::SeqCst))
    }

    #[tokio::test(start_paused = true)]
    async fn adaptive_pacing_converges_under_an_unknown_limit() {
        let (adaptive, adaptive_refusals) = run_against_bucket(true).await;
        let (reactive, reactive_refusals) = run_against_bucket(false).await;
        // 600 accepted at 100/s is 6 s at best. On the paused clock (so exact, not a wall-clock
        // timing): 6.3 s and 21 refusals adaptive; 119 s and 1919 refusals with the gate alone,
        // which closes the key for the 1 s asked at each refusal. The pacer that also closed
        // the key for that second took 9.7 s: the bound below catches a return to that.
        assert!(
            adaptive < Duration::from_secs(7),
            "adaptive took {adaptive:?}"
        );
        assert!(
            reactive > adaptive * 5,
            "gate alone {reactive:?} vs adaptive {adaptive:?}"
        );
        assert!(
            adaptive_refusals * 10 < reactive_refusals,
            "refusals: adaptive {adaptive_refusals}, gate alone {reactive_refusals}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_learnt_pace_is_forgotten_after_a_quiet_minute() {
        let l = LocalRateLimiter::new();
        l.refused(K, None);
        tokio::time::sleep(Duration::from_secs(61)).await;
        let t0 = Instant::now();
        for _ in 0..20 {
            l.acquire(K).await.unwrap();
        }
        assert_eq!(Instant::now(), t0, "no pacing left after a quiet minute");
    }
}
