//! [`RedisRateLimiterBuilder`]: where Redis is, which token, which quotas, how long to wait.

use super::conn::Source;
use super::failure::FailurePolicy;
use super::keys::{DEFAULT_PREFIX, Keys};
use super::limiter::RedisRateLimiter;
use crate::error::Error;
use crate::meta::RateKey;
use crate::ratelimit::Quota;
use crate::ratelimit::daily::DailyQuota;
use crate::retry::DEFAULT_MAX_RETRY_AFTER;
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

/// The default bound on one limiter round trip to Redis.
pub const DEFAULT_REDIS_TIMEOUT: Duration = Duration::from_millis(100);

/// Settings of a [`RedisRateLimiter`], from [`RedisRateLimiter::builder`].
///
/// `Debug` leaves out the URL (it may hold a Redis password) and the token id.
#[derive(Clone)]
pub struct RedisRateLimiterBuilder {
    pub(super) target: Target,
    pub(super) token_id: Option<String>,
    pub(super) prefix: String,
    pub(super) settings: Settings,
}

/// Where Redis is: one server's URL, or a cluster's seed node URLs.
#[derive(Clone)]
pub(super) enum Target {
    Single(String),
    #[cfg(feature = "redis-cluster")]
    Cluster(Vec<String>),
}

/// What the limiter needs at run time besides the connection.
#[derive(Debug, Clone)]
pub(super) struct Settings {
    pub(super) vendor_quotas: HashMap<&'static str, Quota>,
    pub(super) key_quotas: HashMap<RateKey, Quota>,
    pub(super) daily_quotas: HashMap<&'static str, DailyQuota>,
    pub(super) max_wait: Duration,
    pub(super) default_pause: Duration,
    pub(super) max_gate: Duration,
    pub(super) timeout: Duration,
    pub(super) policy: FailurePolicy,
}

impl fmt::Debug for RedisRateLimiterBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisRateLimiterBuilder")
            .field(
                "url",
                &match &self.target {
                    Target::Single(_) => "<redacted>",
                    #[cfg(feature = "redis-cluster")]
                    Target::Cluster(_) => "<redacted cluster seeds>",
                },
            )
            .field("token_id", &self.token_id.as_ref().map(|_| "<set>"))
            .field("prefix", &self.prefix)
            .field("settings", &self.settings)
            .finish()
    }
}

impl RedisRateLimiterBuilder {
    pub(super) fn new(url: String) -> RedisRateLimiterBuilder {
        RedisRateLimiterBuilder::with_target(Target::Single(url))
    }

    #[cfg(feature = "redis-cluster")]
    pub(super) fn new_cluster(seeds: Vec<String>) -> RedisRateLimiterBuilder {
        RedisRateLimiterBuilder::with_target(Target::Cluster(seeds))
    }

    fn with_target(target: Target) -> RedisRateLimiterBuilder {
        RedisRateLimiterBuilder {
            target,
            token_id: None,
            prefix: DEFAULT_PREFIX.to_owned(),
            settings: Settings {
                vendor_quotas: HashMap::new(),
                key_quotas: HashMap::new(),
                daily_quotas: HashMap::new(),
                max_wait: Duration::from_secs(60),
                default_pause: Duration::from_secs(1),
                max_gate: DEFAULT_MAX_RETRY_AFTER,
                timeout: DEFAULT_REDIS_TIMEOUT,
                policy: FailurePolicy::default(),
            },
        }
    }

    /// The token whose quota this limiter shares (required): the vendor's token or website
    /// identifier, **not** its secret key. Only a 16-hex-digit SHA-256 fingerprint of it
    /// reaches Redis. Every process using the same token id and prefix shares one quota.
    pub fn token_id(mut self, id: impl Into<String>) -> Self {
        self.token_id = Some(id.into());
        self
    }

    /// The start of every key name. Default `chatdesk`.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Paces every request to `vendor`, across all processes, to `quota`.
    pub fn vendor_quota(mut self, vendor: &'static str, quota: Quota) -> Self {
        self.settings.vendor_quotas.insert(vendor, quota);
        self
    }

    /// Paces requests on one key to `quota` (in addition to the vendor's quota).
    pub fn key_quota(mut self, key: RateKey, quota: Quota) -> Self {
        self.settings.key_quotas.insert(key, quota);
        self
    }

    /// Gives `vendor` a daily request budget shared by every process on the token (see
    /// [`DailyQuota`]; the same counting as in-process, on the Redis server's clock): once it
    /// is spent, every request fails at once with [`Error::QuotaExhausted`], before sending.
    /// While Redis is down and the limiter fails open, each process counts its own share
    /// (the policy's `local_share` of the limit) from zero.
    pub fn daily_quota(mut self, vendor: &'static str, quota: DailyQuota) -> Self {
        self.settings.daily_quotas.insert(vendor, quota);
        self
    }

    /// The longest the limiter makes a request wait for its slot; a longer wait fails the
    /// call at once with [`Error::RateLimited`] and takes no slot. Default 60 s.
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.settings.max_wait = max_wait;
        self
    }

    /// How long a refusal without `Retry-After` pauses its key for every worker. Default 1 s.
    pub fn default_pause(mut self, pause: Duration) -> Self {
        self.settings.default_pause = pause;
        self
    }

    /// The longest one refusal pauses a key, however long its `Retry-After`. Default 60 s.
    pub fn max_gate(mut self, ceiling: Duration) -> Self {
        self.settings.max_gate = ceiling;
        self
    }

    /// The bound on one round trip to Redis (default 100 ms). When it runs out, the
    /// [`FailurePolicy`] decides. A call's own timeout still bounds the whole call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.settings.timeout = timeout;
        self
    }

    /// What to do while Redis cannot be reached. Default
    /// [`FailurePolicy::FailOpen`] at half the quota.
    pub fn failure_policy(mut self, policy: FailurePolicy) -> Self {
        self.settings.policy = policy;
        self
    }

    /// The limiter. Nothing connects yet: the connection is made by the first request.
    ///
    /// Fails with [`Error::InvalidRequest`] when no [`token_id`](Self::token_id) was given
    /// or the URL is not a Redis URL (`redis://`, `redis+unix://`, `rediss://` with feature
    /// `redis-tls`); for a cluster, when there is no seed or a seed is not a Redis URL.
    pub fn build(self) -> Result<RedisRateLimiter, Error> {
        let token_id = self
            .token_id
            .as_deref()
            .ok_or_else(|| Error::invalid("RedisRateLimiter needs a token id (`.token_id(..)`)"))?;
        let keys = Keys::new(&self.prefix, token_id);
        let source = match &self.target {
            Target::Single(url) => Source::single(url),
            #[cfg(feature = "redis-cluster")]
            Target::Cluster(seeds) => Source::cluster(seeds),
        };
        let source = source.map_err(|e| Error::InvalidRequest {
            // The URL may hold a password: say what is wrong, never the URL.
            reason: format!("not a usable Redis URL ({:?})", e.kind()),
            source: None,
        })?;
        Ok(RedisRateLimiter::new(source, keys, self.settings))
    }
}
