//! [`RedisRateLimiter`]: the [`RateLimiter`] whose decisions Redis makes.

use super::config::{RedisRateLimiterBuilder, Settings};
use super::conn::{Conn, Source};
use super::failure::{self, FailurePolicy, Health, LimiterUnavailable, RedisLimiterStats};
use super::keys::Keys;
use super::scripts::{Scripts, daily_args, micros, now_arg, quota_args};
use crate::BoxFuture;
use crate::error::{Error, RateLimitScope};
use crate::meta::RateKey;
use crate::ratelimit::daily::{Budget, DailyQuota};
use crate::ratelimit::{LocalRateLimiter, Quota, RateLimiter};
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::sync::OnceCell;
use tokio::time::Instant;

/// How long before a request's deadline the limiter stops waiting for Redis.
const DEADLINE_MARGIN: Duration = Duration::from_millis(5);

/// A [`RateLimiter`] shared through Redis by every process on one token (see the
/// [module docs](super)). Cheap to clone; clones share the connection and the counters.
///
/// `Debug` shows the key prefix and the token's fingerprint, never the URL or the token id.
#[derive(Clone)]
pub struct RedisRateLimiter {
    inner: Arc<Inner>,
}

struct Inner {
    source: Source,
    /// Made by the first request: redis-rs's connections must be created inside a Tokio
    /// runtime. Both kinds reconnect after a failure.
    conn: OnceCell<Conn>,
    keys: Keys,
    settings: Settings,
    scripts: Scripts,
    health: Health,
    /// Decides during an outage (fail open), and holds this process's own pauses then.
    fallback: LocalRateLimiter,
    /// Pauses this process saw, applied before Redis has them.
    local_pauses: Mutex<HashMap<RateKey, Instant>>,
}

/// One decision of the shared limiter, from [`RedisRateLimiter::reserve_at`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reservation {
    /// Whether a slot was reserved (the wait fitted in the limit given, and the daily quota,
    /// if any, had room).
    pub reserved: bool,
    /// Whether the vendor's daily quota is spent (then nothing was reserved, and `wait` is how
    /// long until it frees up).
    pub quota_exhausted: bool,
    /// How long until the slot (or, when refused, until a slot would have been free).
    pub wait: Duration,
    /// The server's "now" of the decision, microseconds since 1970.
    pub server_now_us: u64,
}

impl fmt::Debug for RedisRateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisRateLimiter")
            .field("fingerprint", &self.inner.keys.fingerprint())
            .field("settings", &self.inner.settings)
            .finish_non_exhaustive()
    }
}

impl RedisRateLimiter {
    /// Settings for a limiter on the Redis at `url` (`redis://host:port/db`,
    /// `redis+unix:///path`, `rediss://` with feature `redis-tls`). A password in the URL is
    /// never printed.
    pub fn builder(url: impl Into<String>) -> RedisRateLimiterBuilder {
        RedisRateLimiterBuilder::new(url.into())
    }

    /// Settings for a limiter on a Redis Cluster reached through any of `seeds` (node URLs,
    /// `redis://host:port`; the others are found from the cluster). A token's keys share one
    /// slot (one hash tag per token), so each decision is still one script on one node.
    #[cfg(feature = "redis-cluster")]
    pub fn cluster_builder<S: Into<String>>(
        seeds: impl IntoIterator<Item = S>,
    ) -> RedisRateLimiterBuilder {
        RedisRateLimiterBuilder::new_cluster(seeds.into_iter().map(Into::into).collect())
    }

    pub(super) fn new(source: Source, keys: Keys, settings: Settings) -> RedisRateLimiter {
        let fallback = failure::fallback(&settings);
        RedisRateLimiter {
            inner: Arc::new(Inner {
                source,
                conn: OnceCell::new(),
                keys,
                settings,
                scripts: Scripts::new(),
                health: Health::default(),
                fallback,
                local_pauses: Mutex::default(),
            }),
        }
    }

    /// The token's fingerprint, as it appears in key names (to find its keys in Redis).
    pub fn fingerprint(&self) -> &str {
        self.inner.keys.fingerprint()
    }

    /// What the limiter has done so far: decisions by Redis, failures, fallbacks, outages.
    pub fn stats(&self) -> RedisLimiterStats {
        self.inner.health.stats()
    }

    /// One decision in Redis for a request on `key` that accepts a wait of `max_wait`:
    /// reserves a slot when it fits. `now_us` fixes the server's "now" (microseconds since
    /// 1970), for tests; `None` uses the server's clock. Bounded by the limiter's timeout;
    /// no failure policy applies.
    pub async fn reserve_at(
        &self,
        key: RateKey,
        max_wait: Duration,
        now_us: Option<u64>,
    ) -> Result<Reservation, LimiterUnavailable> {
        self.reserve_within(key, max_wait, now_us, self.inner.settings.timeout)
            .await
    }

    /// [`reserve_at`](Self::reserve_at) with the round trip bounded by `timeout`.
    async fn reserve_within(
        &self,
        key: RateKey,
        max_wait: Duration,
        now_us: Option<u64>,
        timeout: Duration,
    ) -> Result<Reservation, LimiterUnavailable> {
        let inner = &self.inner;
        let (v_interval, v_burst) = quota_args(inner.settings.vendor_quotas.get(key.vendor));
        let (r_interval, r_burst) = quota_args(inner.route_pacing(key));
        let mut invocation = inner.scripts.acquire.prepare_invoke();
        invocation
            .key(inner.keys.vendor_tat(key))
            .key(inner.keys.route_tat(key))
            .key(inner.keys.pause(key))
            .key(inner.keys.day(key.vendor))
            .arg(now_arg(now_us))
            .arg(micros(max_wait))
            .arg(v_interval)
            .arg(v_burst)
            .arg(r_interval)
            .arg(r_burst)
            .arg(&daily_args(inner.settings.daily_quotas.get(key.vendor))[..]);
        let (reserved, wait_us, now): (i64, i64, i64) = inner
            .round_trip_within(timeout, |mut conn| async move {
                invocation.invoke_async(&mut conn).await
            })
            .await?;
        Ok(Reservation {
            reserved: reserved == 1,
            quota_exhausted: reserved == 2,
            wait: Duration::from_micros(u64::try_from(wait_us).unwrap_or(0)),
            server_now_us: u64::try_from(now).unwrap_or(0),
        })
    }

    /// Pauses `key` for every process for `pause` from the server's "now" (or `now_us`, for
    /// tests), unless a longer pause holds; returns the pause's end, microseconds since 1970.
    /// [`RateLimiter::refused`] calls it in the background.
    pub async fn pause_at(
        &self,
        key: RateKey,
        pause: Duration,
        now_us: Option<u64>,
    ) -> Result<u64, LimiterUnavailable> {
        let inner = &self.inner;
        let (r_interval, r_burst) = quota_args(inner.route_pacing(key));
        let mut invocation = inner.scripts.pause.prepare_invoke();
        invocation
            .key(inner.keys.pause(key))
            .key(inner.keys.route_tat(key))
            .arg(now_arg(now_us))
            .arg(micros(pause))
            .arg(r_interval)
            .arg(r_burst);
        let end: i64 = inner
            .round_trip(|mut conn| async move { invocation.invoke_async(&mut conn).await })
            .await?;
        Ok(u64::try_from(end).unwrap_or(0))
    }

    /// Marks `vendor`'s daily quota spent for every process: until `resets_in` from the
    /// server's "now" (or `now_us`), or, when the vendor did not say, until the quota's reset
    /// (24 h for a rolling one). A longer mark holds. `Ok(false)` when the vendor has no daily
    /// quota here. [`RateLimiter::exhausted`] calls it in the background.
    pub async fn exhausted_at(
        &self,
        vendor: &'static str,
        resets_in: Option<Duration>,
        now_us: Option<u64>,
    ) -> Result<bool, LimiterUnavailable> {
        let Some(quota) = self.inner.settings.daily_quotas.get(vendor) else {
            return Ok(false);
        };
        let said = resets_in.map(|d| (micros(d) / 1000).to_string());
        self.day_script(vendor, now_us, "spent", said.unwrap_or_default(), quota)
            .await?;
        Ok(true)
    }

    /// `vendor`'s daily budget as Redis counts it at the server's "now" (or `now_us`), or
    /// `None` when the vendor has no daily quota here.
    pub async fn budget_at(
        &self,
        vendor: &'static str,
        now_us: Option<u64>,
    ) -> Result<Option<Budget>, LimiterUnavailable> {
        let Some(quota) = self.inner.settings.daily_quotas.get(vendor) else {
            return Ok(None);
        };
        let (used, remaining, resets_in_ms) = self
            .day_script(vendor, now_us, "budget", String::new(), quota)
            .await?;
        let count = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        Ok(Some(Budget {
            limit: quota.limit,
            used: count(used),
            remaining: count(remaining),
            resets_in: Duration::from_millis(u64::try_from(resets_in_ms).unwrap_or(0)),
        }))
    }

    /// `budget.lua` on `vendor`'s daily counts: mark spent, or read the budget.
    async fn day_script(
        &self,
        vendor: &'static str,
        now_us: Option<u64>,
        mode: &str,
        said_ms: String,
        quota: &DailyQuota,
    ) -> Result<(i64, i64, i64), LimiterUnavailable> {
        let inner = &self.inner;
        let mut invocation = inner.scripts.budget.prepare_invoke();
        invocation
            .key(inner.keys.day(vendor))
            .arg(now_arg(now_us))
            .arg(mode)
            .arg(said_ms)
            .arg(&daily_args(Some(quota))[..]);
        inner
            .round_trip(|mut conn| async move { invocation.invoke_async(&mut conn).await })
            .await
    }

    /// Spawns `work` on the current runtime, if there is one (the trait's synchronous
    /// methods are called from inside the layer, so there is).
    fn in_background<F>(&self, work: impl FnOnce(RedisRateLimiter) -> F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(work(self.clone()));
        }
    }

    async fn acquire_inner(self, key: RateKey, by: Option<Instant>) -> Result<(), Error> {
        let inner = &self.inner;
        let start = Instant::now();
        // The call's deadline caps every wait and every round trip.
        let left = |now: Instant| by.map(|by| by.saturating_duration_since(now));
        let max_wait =
            left(start).map_or(inner.settings.max_wait, |l| l.min(inner.settings.max_wait));
        let local = inner.local_pause(key);
        if local > max_wait {
            return Err(Error::RateLimited {
                retry_after: Some(local),
                scope: RateLimitScope::Client,
                status: None,
            });
        }
        if !local.is_zero() {
            tokio::time::sleep(local).await;
        }
        let cap = inner.settings.timeout;
        // Redis is given up on a little before the deadline, so that the policy's answer
        // reaches the caller before the call's own timeout fires.
        let round_trip =
            left(Instant::now()).map_or(cap, |l| l.saturating_sub(DEADLINE_MARGIN).min(cap));
        let why = if round_trip.is_zero() {
            // No time left to ask: the policy decides at once.
            LimiterUnavailable::Timeout(Duration::ZERO)
        } else if inner.health.may_ask() {
            match self
                .reserve_within(key, max_wait - local, None, round_trip)
                .await
            {
                Ok(r) if r.reserved => {
                    // Time passed during the round trip: a slot that now ends after the
                    // deadline is left unused (see the module docs) rather than slept into.
                    if let Some(l) = left(Instant::now())
                        && r.wait > l
                    {
                        return Err(Error::RateLimited {
                            retry_after: Some(r.wait),
                            scope: RateLimitScope::Client,
                            status: None,
                        });
                    }
                    if !r.wait.is_zero() {
                        tracing::debug!(
                            vendor = key.vendor,
                            class = key.class,
                            wait_ms = r.wait.as_millis() as u64,
                            "waiting for the shared rate limit"
                        );
                        tokio::time::sleep(r.wait).await;
                    }
                    return Ok(());
                }
                Ok(r) if r.quota_exhausted => {
                    return Err(Error::QuotaExhausted {
                        vendor: key.vendor,
                        resets_in: Some(r.wait),
                    });
                }
                Ok(r) => {
                    return Err(Error::RateLimited {
                        retry_after: Some(r.wait),
                        scope: RateLimitScope::Client,
                        status: None,
                    });
                }
                Err(why) => why,
            }
        } else {
            LimiterUnavailable::CircuitOpen
        };
        match inner.settings.policy {
            FailurePolicy::FailOpen { .. } => {
                inner.health.fell_back();
                inner.fallback.acquire_by(key, by).await
            }
            FailurePolicy::FailClosed => {
                inner.health.refused();
                Err(why.into_error())
            }
        }
    }
}

impl Inner {
    /// The pacing of `key`'s route: its own quota, else the vendor's. A route bucket at the
    /// vendor's rate never holds a request the vendor bucket lets through, except after a
    /// pause, where it stops the burst.
    fn route_pacing(&self, key: RateKey) -> Option<&Quota> {
        let s = &self.settings;
        s.key_quotas
            .get(&key)
            .or_else(|| s.vendor_quotas.get(key.vendor))
    }

    /// How long this process's own pause on `key` still holds.
    fn local_pause(&self, key: RateKey) -> Duration {
        let mut pauses = self
            .local_pauses
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        match pauses.get(&key) {
            Some(until) if *until > now => *until - now,
            Some(_) => {
                pauses.remove(&key);
                Duration::ZERO
            }
            None => Duration::ZERO,
        }
    }

    /// One command on the shared connection, connecting first if needed, within the timeout.
    async fn round_trip<T, F>(
        &self,
        command: impl FnOnce(Conn) -> F,
    ) -> Result<T, LimiterUnavailable>
    where
        F: Future<Output = redis::RedisResult<T>>,
    {
        self.round_trip_within(self.settings.timeout, command).await
    }

    /// [`round_trip`](Self::round_trip) within `timeout`. Running out of a timeout shorter
    /// than the limiter's own (a call's deadline was nearer) says nothing about Redis, and is
    /// not counted as its failure.
    async fn round_trip_within<T, F>(
        &self,
        timeout: Duration,
        command: impl FnOnce(Conn) -> F,
    ) -> Result<T, LimiterUnavailable>
    where
        F: Future<Output = redis::RedisResult<T>>,
    {
        let result = tokio::time::timeout(timeout, async {
            let conn = self.conn.get_or_try_init(|| self.source.connect()).await?;
            command(conn.clone()).await
        })
        .await;
        let outcome = match result {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(LimiterUnavailable::Redis(Box::new(e))),
            Err(_) => Err(LimiterUnavailable::Timeout(timeout)),
        };
        match &outcome {
            Ok(_) => self.health.answered(),
            Err(LimiterUnavailable::Timeout(_)) if timeout < self.settings.timeout => {}
            Err(why) => self.health.failed(why),
        }
        outcome
    }
}

impl RateLimiter for RedisRateLimiter {
    fn acquire(&self, key: RateKey) -> BoxFuture<Result<(), Error>> {
        Box::pin(self.clone().acquire_inner(key, None))
    }

    /// Bounds the round trip by the time left before `deadline` as well as by the limiter's
    /// timeout, and asks Redis only for a slot that comes before it; with no time left, the
    /// [`FailurePolicy`] decides at once.
    fn acquire_by(&self, key: RateKey, deadline: Option<Instant>) -> BoxFuture<Result<(), Error>> {
        Box::pin(self.clone().acquire_inner(key, deadline))
    }

    fn refused(&self, key: RateKey, retry_after: Option<Duration>) {
        let s = &self.inner.settings;
        let pause = retry_after.unwrap_or(s.default_pause).min(s.max_gate);
        {
            let mut pauses = self
                .inner
                .local_pauses
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let until = crate::ratelimit::gcra::later(Instant::now(), pause);
            let entry = pauses.entry(key).or_insert(until);
            *entry = (*entry).max(until);
        }
        self.inner.fallback.refused(key, retry_after);
        self.in_background(|this| async move {
            // A failure is counted by the health bookkeeping; the local pause still holds.
            let _ = this.pause_at(key, pause, None).await;
        });
    }

    fn succeeded(&self, key: RateKey) {
        self.inner.fallback.succeeded(key);
    }

    /// Marks the vendor's daily quota spent for every process (see
    /// [`exhausted_at`](RedisRateLimiter::exhausted_at)); without a daily quota for the vendor,
    /// a [`refused`](RateLimiter::refused).
    fn exhausted(&self, key: RateKey, resets_in: Option<Duration>) {
        if !self.inner.settings.daily_quotas.contains_key(key.vendor) {
            self.refused(key, resets_in);
            return;
        }
        self.inner.fallback.exhausted(key, resets_in);
        self.in_background(|this| async move {
            let _ = this.exhausted_at(key.vendor, resets_in, None).await;
        });
    }

    /// The budget as Redis counts it; this process's own count while Redis cannot answer.
    fn budget(&self, vendor: &'static str) -> BoxFuture<Option<Budget>> {
        let this = self.clone();
        Box::pin(async move {
            match this.budget_at(vendor, None).await {
                Ok(budget) => budget,
                Err(_) => this.inner.fallback.budget(vendor).await,
            }
        })
    }

    /// Lifts this process's pause on `key` and the shared one.
    fn reset(&self, key: RateKey) {
        self.inner
            .local_pauses
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&key);
        self.inner.fallback.reset(key);
        self.in_background(|this| async move {
            let pause = this.inner.keys.pause(key);
            let _: Result<(), _> = this
                .inner
                .round_trip(|mut conn| async move {
                    redis::cmd("DEL")
                        .arg(pause)
                        .query_async::<()>(&mut conn)
                        .await
                })
                .await;
        });
    }

    /// Lifts this process's pauses; the shared ones run out on their own (they are at most
    /// `max_gate` long).
    fn reset_all(&self) {
        self.inner
            .local_pauses
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.inner.fallback.reset_all();
    }
}
