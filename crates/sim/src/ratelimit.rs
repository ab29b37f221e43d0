//! Token buckets and daily quotas keyed by token and route class, on tokio's clock (so tests can
//! pause and advance time).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use crate::config::{RateLimit, RateScope, Vendor};

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
    day_start: Instant,
    day_count: u64,
}

/// A refusal.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limited {
    /// Seconds to wait, rounded up; `None` when `Retry-After` is off.
    pub retry_after: Option<u64>,
    /// Status for Crisp (429 or 420).
    pub crisp_status: u16,
    /// Whether the daily quota (rather than the rate) was hit.
    pub quota: bool,
}

#[derive(Debug, Default)]
struct Inner {
    rules: Vec<RateLimit>,
    buckets: HashMap<u64, Bucket>,
}

#[derive(Debug)]
pub(crate) struct RateLimiter {
    /// Whether any rule is set (lets the common no-limit case skip the lock).
    active: AtomicBool,
    inner: Mutex<Inner>,
}

impl RateLimiter {
    pub(crate) fn new(rules: Vec<RateLimit>) -> Self {
        RateLimiter {
            active: AtomicBool::new(!rules.is_empty()),
            inner: Mutex::new(Inner {
                rules,
                buckets: HashMap::new(),
            }),
        }
    }

    /// Replaces the rules and forgets every bucket.
    pub(crate) fn set_rules(&self, rules: Vec<RateLimit>) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        self.active.store(!rules.is_empty(), Ordering::Relaxed);
        inner.rules = rules;
        inner.buckets.clear();
    }

    pub(crate) fn rules(&self) -> Vec<RateLimit> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.rules.clone()
    }

    /// Takes one request from every rule covering it; refuses with the first rule that is empty.
    pub(crate) fn check(&self, vendor: Vendor, class: &str, token: &[u8]) -> Result<(), Limited> {
        if !self.active.load(Ordering::Relaxed) {
            return Ok(());
        }
        let now = Instant::now();
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let Inner { rules, buckets } = &mut *guard;
        for (idx, rule) in rules.iter().enumerate() {
            if rule.vendor.is_some_and(|v| v != vendor) {
                continue;
            }
            if rule
                .route_class
                .as_ref()
                .is_some_and(|prefix| !class.starts_with(prefix.as_str()))
            {
                continue;
            }
            let mut h = DefaultHasher::new();
            idx.hash(&mut h);
            token.hash(&mut h);
            if rule.scope == RateScope::PerClass {
                class.hash(&mut h);
            }
            let b = buckets.entry(h.finish()).or_insert_with(|| Bucket {
                tokens: f64::from(rule.burst),
                last: now,
                day_start: now,
                day_count: 0,
            });
            if let Some(quota) = rule.daily_quota {
                if now.duration_since(b.day_start) >= DAY {
                    b.day_start = now;
                    b.day_count = 0;
                }
                if b.day_count >= quota {
                    let wait = DAY.saturating_sub(now.duration_since(b.day_start));
                    return Err(Limited {
                        retry_after: rule.retry_after.then(|| ceil_secs(wait)),
                        crisp_status: rule.crisp_status,
                        quota: true,
                    });
                }
            }
            if rule.per_second > 0.0 {
                let cap = f64::from(rule.burst.max(1));
                let elapsed = now.duration_since(b.last).as_secs_f64();
                b.tokens = (b.tokens + elapsed * rule.per_second).min(cap);
                b.last = now;
                if b.tokens < 1.0 {
                    let wait = Duration::try_from_secs_f64((1.0 - b.tokens) / rule.per_second)
                        .unwrap_or(DAY);
                    return Err(Limited {
                        retry_after: rule.retry_after.then(|| ceil_secs(wait)),
                        crisp_status: rule.crisp_status,
                        quota: false,
                    });
                }
                b.tokens -= 1.0;
            }
            b.day_count += 1;
        }
        Ok(())
    }
}

fn ceil_secs(d: Duration) -> u64 {
    let s = d.as_secs();
    if d.subsec_nanos() > 0 {
        s + 1
    } else {
        s.max(1)
    }
}
