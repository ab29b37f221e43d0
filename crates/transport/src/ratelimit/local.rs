//! [`LocalRateLimiter`]: the in-process limiter (reactive gate, quotas, adaptive pacing).

use super::adaptive::{Pacer, SHORT_PAUSE, Ticket};
use super::daily::{Budget, DailyCounter, DailyQuota};
use super::gcra::{gcra_start, later};
use super::{Acquire, Quota, RateLimiter};
use crate::BoxFuture;
use crate::error::{Error, RateLimitScope};
use crate::meta::RateKey;
use crate::retry::DEFAULT_MAX_RETRY_AFTER;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// The in-process [`RateLimiter`].
///
/// ```
/// use chatdesk_transport::{LocalRateLimiter, Quota};
/// let limiter = LocalRateLimiter::new().vendor_quota("carrot", Quota::per_second(5, 5));
/// # let _ = limiter;
/// ```
#[derive(Debug, Clone)]
pub struct LocalRateLimiter {
    vendor_quotas: HashMap<&'static str, Quota>,
    key_quotas: HashMap<RateKey, Quota>,
    max_wait: Duration,
    default_pause: Duration,
    max_gate: Duration,
    adaptive: bool,
    /// The wall-clock time (Unix ms) at `origin.1`: daily quotas follow tokio's clock from it.
    origin: (u64, Instant),
    state: Arc<Mutex<State>>,
}

#[derive(Debug, Default)]
struct State {
    /// Keys closed by a refusal.
    gates: HashMap<RateKey, Gate>,
    /// GCRA theoretical arrival times, per vendor quota and per key quota.
    vendor_tat: HashMap<&'static str, Instant>,
    key_tat: HashMap<RateKey, Instant>,
    /// Adaptive pacing: the pace learnt from refusals, per key.
    pacer: Pacer,
    /// Daily quotas, per vendor (created when configured, so the hot path never allocates).
    daily: HashMap<&'static str, DailyCounter>,
}

/// A key closed by a refusal.
#[derive(Debug, Clone, Copy)]
struct Gate {
    /// Nothing is sent on the key before this instant.
    until: Instant,
    /// The server asked for longer than `max_gate`: until `until` requests fail at once (the
    /// server wants a longer pause than anyone should wait through); after it, one probe goes
    /// first and the others wait for its answer.
    capped: bool,
    /// While a probe is in flight: until when the others wait for its answer (then another
    /// request may probe, in case the first one's answer never comes).
    probe_until: Option<Instant>,
}

/// How long `key`'s gate holds a request arriving at `now`; zero when it may go. A request let
/// through a capped gate that expired becomes its probe: `true` in the answer. A capped gate
/// still closed refuses the request at once, with the time left until its probe. With
/// `capped_only` (a request looking again after its wait) an ordinary gate is ignored, as it
/// always was: the request keeps the slot it reserved.
fn gate_wait(
    state: &mut State,
    key: RateKey,
    now: Instant,
    probe_window: Duration,
    capped_only: bool,
) -> Result<(Duration, bool), Error> {
    let Some(gate) = state
        .gates
        .get_mut(&key)
        .filter(|g| g.capped || !capped_only)
    else {
        return Ok((Duration::ZERO, false));
    };
    if gate.until > now {
        if gate.capped {
            return Err(Error::RateLimited {
                retry_after: Some(gate.until - now),
                scope: RateLimitScope::Client,
                status: None,
            });
        }
        return Ok((gate.until - now, false));
    }
    if !gate.capped {
        state.gates.remove(&key);
        return Ok((Duration::ZERO, false));
    }
    match gate.probe_until {
        Some(until) if until > now => Ok((until - now, false)),
        _ => {
            gate.probe_until = Some(later(now, probe_window));
            Ok((Duration::ZERO, true))
        }
    }
}

impl Default for LocalRateLimiter {
    fn default() -> Self {
        LocalRateLimiter::new()
    }
}

impl LocalRateLimiter {
    /// A limiter with no quotas: only the reactive gate.
    pub fn new() -> LocalRateLimiter {
        LocalRateLimiter {
            vendor_quotas: HashMap::new(),
            key_quotas: HashMap::new(),
            max_wait: Duration::from_secs(60),
            default_pause: Duration::from_secs(1),
            max_gate: DEFAULT_MAX_RETRY_AFTER,
            adaptive: true,
            origin: (unix_now_ms(), Instant::now()),
            state: Arc::default(),
        }
    }

    /// Gives `vendor` a daily request budget (see [`DailyQuota`]): once it is spent, every
    /// request to the vendor fails at once with [`Error::QuotaExhausted`], before sending. One
    /// limiter counts for one token: give each token's client its own limiter (the default
    /// transport of each client has its own).
    pub fn daily_quota(self, vendor: &'static str, quota: DailyQuota) -> Self {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .daily
            .insert(vendor, DailyCounter::new(quota));
        self
    }

    /// Sets the wall-clock time now, as time since the Unix epoch; daily quotas follow tokio's
    /// clock from it. By default the system clock when the limiter was made. For tests under
    /// `tokio::time::pause` (where the system clock does not follow tokio's) and simulations.
    pub fn wall_clock(mut self, since_epoch: Duration) -> Self {
        self.origin = (
            u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX),
            Instant::now(),
        );
        self
    }

    /// The wall-clock time at `at`, in Unix milliseconds.
    fn unix_ms(&self, at: Instant) -> u64 {
        let since = at.saturating_duration_since(self.origin.1).as_millis();
        self.origin
            .0
            .saturating_add(u64::try_from(since).unwrap_or(u64::MAX))
    }

    /// Paces every request to `vendor` to `quota`.
    pub fn vendor_quota(mut self, vendor: &'static str, quota: Quota) -> Self {
        self.vendor_quotas.insert(vendor, quota);
        self
    }

    /// Paces requests on one key to `quota` (in addition to the vendor's quota).
    pub fn key_quota(mut self, key: RateKey, quota: Quota) -> Self {
        self.key_quotas.insert(key, quota);
        self
    }

    /// The longest the limiter makes a request wait; a longer wait fails the call with
    /// [`Error::RateLimited`]. Default 60 s.
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = max_wait;
        self
    }

    /// How long a key stays closed after a refusal that carried no `Retry-After`. Default 1 s.
    /// With adaptive pacing on, a pause of a second or less (this one by default, or a
    /// `Retry-After: 1`) does not close the key: the learnt pace is cut instead.
    pub fn default_pause(mut self, pause: Duration) -> Self {
        self.default_pause = pause;
        self
    }

    /// The longest one refusal closes a key, however long its `Retry-After`. Default 60 s
    /// ([`DEFAULT_MAX_RETRY_AFTER`], the default of the retry layer's `max_retry_after`, beyond
    /// which the retry layer gives up on waiting).
    ///
    /// A hostile or broken `Retry-After: 1000000000` would otherwise close the key for decades.
    /// When a refusal asked for longer than the ceiling, requests on the key fail at once with
    /// [`Error::RateLimited`] (scope [`RateLimitScope::Client`], `retry_after` the time left)
    /// until the ceiling, as the retry layer does not wait through such a pause either. Then
    /// the key reopens for **one probe** request; the others wait for its answer (at most
    /// [`default_pause`](Self::default_pause), after which another request may probe). An
    /// accepted probe reopens the key; a refused one closes it again, again at most for the
    /// ceiling. [`RateLimiter::reset`] reopens a key at once.
    pub fn max_gate(mut self, ceiling: Duration) -> Self {
        self.max_gate = ceiling;
        self
    }

    /// Whether to learn a pace from refusals (see the module docs). Default on.
    pub fn adaptive(mut self, on: bool) -> Self {
        self.adaptive = on;
        self
    }

    /// Reserves a slot for `key` and returns how long to wait for it, without waiting, whether
    /// the request is the probe of a capped gate, and the pacer's ticket for the slot.
    /// A wait longer than `limit` takes nothing and fails.
    fn reserve(
        &self,
        key: RateKey,
        now: Instant,
        limit: impl Fn(Instant) -> Duration,
    ) -> Result<(Duration, bool, Option<Ticket>), Error> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (gate_wait, probe) = gate_wait(&mut state, key, now, self.default_pause, false)?;
        let vendor = self
            .vendor_quotas
            .get(key.vendor)
            .map(|q| (*q, gcra_start(state.vendor_tat.get(key.vendor), q, now)));
        let route = self
            .key_quotas
            .get(&key)
            .map(|q| (*q, gcra_start(state.key_tat.get(&key), q, now)));
        let learnt = if self.adaptive {
            state.pacer.slot(key, now)
        } else {
            None
        };
        // The request goes when the gate is open and every quota has room.
        let floor = [
            Some(later(now, gate_wait)),
            vendor.map(|(_, (s, _))| s),
            route.map(|(_, (s, _))| s),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(now);
        let start = learnt.map_or(floor, |(_, (s, _))| s.max(floor));
        // Most slots are free at once: no clock arithmetic then.
        let wait = if start > now {
            start - now
        } else {
            Duration::ZERO
        };
        // The daily budget is judged at the instant the request goes, and taken at it (its
        // wall-clock time is worked out only when there is a budget).
        let sent_ms = (!state.daily.is_empty()).then(|| self.unix_ms(start));
        if let (Some(counter), Some(sent_ms)) = (state.daily.get_mut(key.vendor), sent_ms) {
            counter
                .check(sent_ms)
                .map_err(|resets_in| Error::QuotaExhausted {
                    vendor: key.vendor,
                    resets_in: Some(resets_in.saturating_add(wait)),
                })?;
        }
        if !wait.is_zero() && wait > limit(now) {
            return Err(Error::RateLimited {
                retry_after: Some(wait),
                scope: RateLimitScope::Client,
                status: None,
            });
        }
        // Commit the reservation: the slot is taken at `start` on each quota.
        if let (Some(counter), Some(sent_ms)) = (state.daily.get_mut(key.vendor), sent_ms) {
            counter.count(sent_ms);
        }
        if let Some((q, (_, tat))) = vendor {
            state
                .vendor_tat
                .insert(key.vendor, later(tat.max(start), q.interval));
        }
        if let Some((q, (_, tat))) = route {
            state.key_tat.insert(key, later(tat.max(start), q.interval));
        }
        let ticket = self
            .adaptive
            .then(|| state.pacer.commit(key, learnt, now, start, floor));
        Ok((wait, probe, ticket))
    }
}

/// How often a request waiting for a learnt pace looks whether the pace changed.
const RECHECK: Duration = Duration::from_millis(50);

impl RateLimiter for LocalRateLimiter {
    fn acquire(&self, key: RateKey) -> BoxFuture<Result<(), Error>> {
        self.acquire_by(key, None)
    }

    /// Waits at most until `deadline` (and at most [`max_wait`](LocalRateLimiter::max_wait)):
    /// a request whose slot comes later fails at once with [`Error::RateLimited`] (scope
    /// client, the wait as `retry_after`) and takes no slot, instead of sleeping into the
    /// call's timeout.
    fn acquire_by(&self, key: RateKey, by: Option<Instant>) -> BoxFuture<Result<(), Error>> {
        match self.acquire_now(key, by) {
            Acquire::Ready(result) => Box::pin(std::future::ready(result)),
            Acquire::Wait(wait) => wait,
        }
    }

    /// [`acquire_by`](RateLimiter::acquire_by) without a future when nothing holds the request
    /// back (no gate, no quota or pace to wait for): the common case costs no allocation.
    fn acquire_now(&self, key: RateKey, by: Option<Instant>) -> Acquire {
        let start = Instant::now();
        // The longest wait allowed: worked out only when there is a wait.
        let limit = |start: Instant| {
            by.map_or(self.max_wait, |by| {
                self.max_wait.min(by.saturating_duration_since(start))
            })
        };
        let (mut wait, probe, mut ticket) = match self.reserve(key, start, limit) {
            Ok(reserved) => reserved,
            Err(e) => return Acquire::Ready(Err(e)),
        };
        if wait.is_zero() {
            return Acquire::Ready(Ok(()));
        }
        let limit = limit(start);
        let state = self.state.clone();
        let (deadline, probe_window) = (later(start, limit), self.default_pause);
        Acquire::Wait(Box::pin(async move {
            if probe {
                tokio::time::sleep(wait).await;
                return Ok(());
            }
            // A capped gate may have changed while this request waited (a probe let through, or
            // refused and the key closed again): look again after each wait.
            loop {
                tracing::debug!(
                    vendor = key.vendor,
                    class = key.class,
                    wait_ms = wait.as_millis() as u64,
                    "waiting for rate limit"
                );
                // A paced request looks again now and then: the pace may have changed.
                let nap = match ticket {
                    Some(_) => wait.min(RECHECK),
                    None => wait,
                };
                tokio::time::sleep(nap).await;
                let now = Instant::now();
                let mut guard = state.lock().unwrap_or_else(PoisonError::into_inner);
                let looked = gate_wait(&mut guard, key, now, probe_window, true);
                let paced = ticket.as_mut().map(|t| guard.pacer.remaining(key, t, now));
                drop(guard);
                (wait, _) = looked?;
                wait = wait.max(paced.unwrap_or_default());
                if wait.is_zero() {
                    return Ok(());
                }
                if later(now, wait) > deadline {
                    return Err(Error::RateLimited {
                        retry_after: Some(wait),
                        scope: RateLimitScope::Client,
                        status: None,
                    });
                }
            }
        }))
    }

    fn refused(&self, key: RateKey, retry_after: Option<Duration>) {
        let now = Instant::now();
        // `Retry-After` is the server's: `18446744073709551615` must close the key for at most
        // the ceiling, neither for decades nor with a panic.
        let asked = retry_after.unwrap_or(self.default_pause);
        let gate = Gate {
            until: later(now, asked.min(self.max_gate)),
            capped: asked > self.max_gate,
            probe_until: None,
        };
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        // A short pause (a second or less, the least a whole-second `Retry-After` can say) is
        // the pacer's to keep: it slows the key down instead of closing it.
        let paced = self.adaptive && asked <= SHORT_PAUSE;
        match state.gates.get(&key) {
            _ if paced => {}
            // Refusals of requests sent together: the longest wait holds.
            Some(open) if open.until >= gate.until => {}
            _ => {
                state.gates.insert(key, gate);
            }
        }
        if !self.adaptive {
            return;
        }
        state.pacer.refused(key, now);
    }

    fn succeeded(&self, key: RateKey) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        // An answer after the gate's time (the probe's, say) opens the key.
        if state
            .gates
            .get(&key)
            .is_some_and(|g| g.until <= Instant::now())
        {
            state.gates.remove(&key);
        }
        if !self.adaptive {
            return;
        }
        state.pacer.succeeded(key, Instant::now);
    }

    /// Marks `key.vendor`'s [`DailyQuota`] spent until `resets_in` (or, when the answer did not
    /// say, until the quota's reset: 24 h for a rolling one). Without a daily quota for the
    /// vendor, a [`refused`](RateLimiter::refused).
    fn exhausted(&self, key: RateKey, resets_in: Option<Duration>) {
        let now_ms = self.unix_ms(Instant::now());
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match state.daily.get_mut(key.vendor) {
            Some(counter) => counter.mark_spent(now_ms, resets_in),
            // No budget to mark: close the key as after a refusal, even for a short pause (a
            // spent quota is not a pace the pacer could find by slowing down).
            None => {
                let now = Instant::now();
                let asked = resets_in.unwrap_or(self.default_pause);
                let gate = Gate {
                    until: later(now, asked.min(self.max_gate)),
                    capped: asked > self.max_gate,
                    probe_until: None,
                };
                if state
                    .gates
                    .get(&key)
                    .is_none_or(|open| open.until < gate.until)
                {
                    state.gates.insert(key, gate);
                }
            }
        }
    }

    fn budget(&self, vendor: &'static str) -> BoxFuture<Option<Budget>> {
        let now_ms = self.unix_ms(Instant::now());
        let budget = self
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .daily
            .get_mut(vendor)
            .map(|counter| counter.budget(now_ms));
        Box::pin(async move { budget })
    }

    /// Opens `key` at once and forgets the pace learnt on it; quotas keep pacing.
    fn reset(&self, key: RateKey) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.gates.remove(&key);
        state.pacer.forget(key);
    }

    /// Opens every key at once and forgets every learnt pace; quotas keep pacing.
    fn reset_all(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.gates.clear();
        state.pacer.clear();
    }
}

/// The system clock in Unix milliseconds (0 before 1970, which no host is at).
fn unix_now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    const K: RateKey = RateKey::new("crisp", "messages");

    // The quota cases (burst, rate, max_wait) are in `tests/support/quota_cases.rs`, run
    // against this limiter by `tests/quota_cases.rs` and against Redis by `tests/redis_limiter.rs`.

    #[tokio::test(start_paused = true)]
    async fn refusal_closes_only_its_key() {
        let l = LocalRateLimiter::new();
        l.refused(K, Some(Duration::from_secs(5)));
        let t0 = Instant::now();
        l.acquire(RateKey::new("crisp", "other")).await.unwrap();
        l.acquire(RateKey::new("carrot", "messages")).await.unwrap();
        assert_eq!(Instant::now(), t0, "other keys are not paused");
        l.acquire(K).await.unwrap();
        assert_eq!(Instant::now() - t0, Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn wait_beyond_the_cap_fails_fast() {
        let l = LocalRateLimiter::new().max_wait(Duration::from_secs(2));
        l.refused(K, Some(Duration::from_secs(10)));
        let t0 = Instant::now();
        let err = l.acquire(K).await.unwrap_err();
        assert!(matches!(
            err,
            Error::RateLimited {
                scope: RateLimitScope::Client,
                retry_after: Some(d),
                status: None,
            } if d == Duration::from_secs(10)
        ));
        assert_eq!(Instant::now(), t0);
    }
}
