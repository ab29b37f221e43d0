//! The request log and the per-write counters tests use to check "every write applied exactly
//! once" after faults and retries.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::config::Vendor;

/// One request as the simulator saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// Arrival order, from 1.
    pub seq: u64,
    /// Time since the simulator started (tokio clock).
    pub at: Duration,
    /// The vendor the request was routed to (`None` when it could not be told).
    pub vendor: Option<Vendor>,
    /// The HTTP method.
    pub method: String,
    /// The path as sent, still percent-encoded (cut to `Limits::log_field_bytes`).
    pub path: String,
    /// The raw query string (cut to `Limits::log_field_bytes`).
    pub query: String,
    /// The route class used for rate limits (e.g. `conversations.reply` for Carrot,
    /// `website/conversation/messages` for Crisp).
    pub route_class: &'static str,
    /// The status sent, or 0 when the connection was closed without an answer.
    pub status: u16,
    /// Whether the vendor handler ran (the state may have changed).
    pub processed: bool,
    /// Name of the injected fault, if any.
    pub fault: Option<&'static str>,
    /// Whether the rate limiter refused the request.
    pub rate_limited: bool,
    /// Whether `path` or `query` was cut to the log's field limit (`Limits::log_field_bytes`).
    pub truncated: bool,
}

/// Shared counters; cheap to update from request handlers.
#[derive(Debug)]
pub struct Accounting {
    writes: Mutex<HashMap<String, u64>>,
    log: Mutex<VecDeque<RequestRecord>>,
    log_capacity: usize,
    seq: AtomicU64,
    total: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Accounting {
    /// Keeps at most `log_capacity` request records (the oldest are dropped first).
    pub fn new(log_capacity: usize) -> Self {
        Accounting {
            writes: Mutex::new(HashMap::new()),
            log: Mutex::new(VecDeque::new()),
            log_capacity,
            seq: AtomicU64::new(0),
            total: AtomicU64::new(0),
        }
    }

    /// Counts one application of the logical write `key`.
    pub fn record_write(&self, key: String) {
        *lock(&self.writes).entry(key).or_insert(0) += 1;
    }

    /// Next request sequence number.
    pub fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Stores a finished request.
    pub fn record_request(&self, rec: RequestRecord) {
        self.total.fetch_add(1, Ordering::Relaxed);
        if self.log_capacity == 0 {
            return;
        }
        let mut log = lock(&self.log);
        if log.len() >= self.log_capacity {
            log.pop_front();
        }
        log.push_back(rec);
    }

    /// A copy of the write counters.
    pub fn writes(&self) -> HashMap<String, u64> {
        lock(&self.writes).clone()
    }

    /// How many times `key` was applied.
    pub fn write_count(&self, key: &str) -> u64 {
        lock(&self.writes).get(key).copied().unwrap_or(0)
    }

    /// A copy of the retained request log, oldest first.
    pub fn requests(&self) -> Vec<RequestRecord> {
        lock(&self.log).iter().cloned().collect()
    }

    /// Requests finished since start (including those dropped from the log).
    pub fn total_requests(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Forgets the log and the counters.
    pub fn reset(&self) {
        lock(&self.log).clear();
        lock(&self.writes).clear();
    }
}
