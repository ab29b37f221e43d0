//! Adaptive pacing: the rate [`LocalRateLimiter`](super::LocalRateLimiter) learns per key from
//! the server's refusals when it is told no quota (see the module docs of
//! [`ratelimit`](super)).

use super::Quota;
use super::gcra::{gcra_start, later};
use crate::meta::RateKey;
use std::collections::HashMap;
use std::time::Duration;
use tokio::time::Instant;

/// What the pacer knows, per key: the send rate of the current one-second window and the rate
/// learnt from refusals.
#[derive(Debug, Default)]
pub(super) struct Pacer {
    windows: HashMap<RateKey, (Instant, u32)>,
    learnt: HashMap<RateKey, Learnt>,
}

/// A slot offered by the learnt pace: the quota it stands for, the earliest start and the tat
/// to build on (see [`gcra_start`]).
pub(super) type Slot = (Quota, (Instant, Instant));

/// A rate learnt from refusals on one key.
#[derive(Debug, Clone, Copy)]
struct Learnt {
    /// Current pace, requests per second.
    rate: f64,
    /// The lowest rate the server refused recently; the pace stays under 95% of it.
    ceiling: f64,
    /// GCRA theoretical arrival time at `rate`.
    tat: Instant,
    /// When the pace was last cut, and when the ceiling was last raised or set.
    last_cut: Instant,
    last_probe: Instant,
    /// The share of `ceiling` the pace may creep up to (`COARSE` or `FINE`).
    headroom: f64,
}

impl Learnt {
    const CUT: f64 = 2.0 / 3.0;
    /// Headroom while refusals come quickly (far above the limit)…
    const COARSE: f64 = 0.85;
    /// …and once a pace has held for `SETTLED` (close to the limit).
    const FINE: f64 = 0.95;
    const SETTLED: Duration = Duration::from_secs(2);
    const CREEP: f64 = 1.01;
    const PROBE_EVERY: Duration = Duration::from_secs(30);
    const FORGET_AFTER: Duration = Duration::from_secs(60);
    const PROBE: f64 = 1.1;
    const MIN_RATE: f64 = 0.2;

    fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.rate.max(Self::MIN_RATE))
    }
}

impl Pacer {
    /// The learnt pace's next slot for a request on `key` at `now`, if a pace is learnt (one
    /// left alone for a minute is forgotten first).
    pub(super) fn slot(&mut self, key: RateKey, now: Instant) -> Option<Slot> {
        if self
            .learnt
            .get(&key)
            .is_some_and(|l| now.saturating_duration_since(l.last_cut) >= Learnt::FORGET_AFTER)
        {
            self.learnt.remove(&key);
        }
        self.learnt.get(&key).map(|l| {
            let q = Quota {
                interval: l.interval(),
                burst: 1,
            };
            (q, gcra_start(Some(&l.tat), &q, now))
        })
    }

    /// Takes the slot at `start` (`slot` is what [`slot`](Self::slot) offered) and counts the
    /// send in the current window.
    pub(super) fn commit(&mut self, key: RateKey, slot: Option<Slot>, start: Instant) {
        if let Some((q, (_, tat))) = slot
            && let Some(l) = self.learnt.get_mut(&key)
        {
            l.tat = later(tat.max(start), q.interval);
        }
        let window = self.windows.entry(key).or_insert((start, 0));
        if start.saturating_duration_since(window.0) >= Duration::from_secs(1) {
            *window = (start, 0);
        }
        window.1 += 1;
    }

    /// A refusal on `key` at `now`: cut the pace (or learn a first one from the window).
    pub(super) fn refused(&mut self, key: RateKey, now: Instant) {
        // The rate that was refused: the learnt pace, or else the sends of the current window.
        let observed = match self.windows.get(&key) {
            Some((since, count)) => {
                let span = now
                    .saturating_duration_since(*since)
                    .max(Duration::from_millis(100));
                f64::from(*count) / span.as_secs_f64()
            }
            None => 1.0,
        };
        match self.learnt.get_mut(&key) {
            // Refusals of requests already in flight when the pace was cut say nothing new.
            Some(l) if now.saturating_duration_since(l.last_cut) < Duration::from_millis(250) => {}
            Some(l) => {
                l.headroom = if now.saturating_duration_since(l.last_cut) >= Learnt::SETTLED {
                    Learnt::FINE
                } else {
                    Learnt::COARSE
                };
                l.ceiling = l.rate.min(l.ceiling);
                l.rate = (l.ceiling * Learnt::CUT).max(Learnt::MIN_RATE);
                l.last_cut = now;
                l.last_probe = now;
            }
            None => {
                let ceiling = observed.max(Learnt::MIN_RATE);
                self.learnt.insert(
                    key,
                    Learnt {
                        rate: (ceiling * Learnt::CUT).max(Learnt::MIN_RATE),
                        ceiling,
                        tat: now,
                        last_cut: now,
                        last_probe: now,
                        headroom: Learnt::COARSE,
                    },
                );
            }
        }
    }

    /// An accepted request on `key` at `now`: creep the pace back up.
    pub(super) fn succeeded(&mut self, key: RateKey, now: Instant) {
        if let Some(l) = self.learnt.get_mut(&key) {
            if now.saturating_duration_since(l.last_probe) >= Learnt::PROBE_EVERY {
                l.ceiling *= Learnt::PROBE;
                l.last_probe = now;
            }
            l.rate = (l.rate * Learnt::CREEP).min(l.ceiling * l.headroom);
        }
    }

    /// Forgets what was learnt on `key`.
    pub(super) fn forget(&mut self, key: RateKey) {
        self.learnt.remove(&key);
        self.windows.remove(&key);
    }

    /// Forgets every learnt pace.
    pub(super) fn clear(&mut self) {
        self.learnt.clear();
        self.windows.clear();
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
        // 600 accepted at 100/s is 6 s at best, and each refusal closes the key for 1 s. On the
        // paused clock (so exact, not a wall-clock timing): 9.7 s and 30 refusals adaptive,
        // 119 s and 1919 refusals with the gate alone. Narrowing in 5% at a time, as the first
        // version did, took 14.8 s: the bound below catches a return to that.
        assert!(
            adaptive < Duration::from_secs(12),
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
