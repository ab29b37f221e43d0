//! Resource bounds of the simulator itself: open connections, request bytes held in memory,
//! the size of request-log records and how long a request head may take to arrive.
//!
//! Everything configurable lives here ([`Limits`], its builder setters and the handle's
//! counters), so the rest of the crate only carries one `Limits` value around.

use std::pin::Pin;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use http_body_util::BodyExt as _;
use hyper::body::Incoming;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::{ConfigError, duration};
use crate::{Sim, SimBuilder};

/// The simulator's own resource bounds. The defaults are far above what the test suites and
/// benchmarks of this workspace use; lower them to test a client against a constrained server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once (default 512). A connection accepted above it is closed at
    /// once, before anything is read, and counted in [`Sim::refused_connections`].
    pub max_connections: usize,
    /// Largest single request body (default 32 MiB); a larger one gets a 413 envelope.
    pub max_body_bytes: usize,
    /// Request-body bytes held at once across all connections (default 128 MiB). A request whose
    /// body would go over it gets a 503 envelope with `Retry-After: 1` and is not processed.
    pub body_budget_bytes: usize,
    /// Longest path and longest query kept in a request-log record (default 1024 bytes each);
    /// longer ones are cut at a character boundary and the record is marked `truncated`.
    pub log_field_bytes: usize,
    /// How long an HTTP/1.1 request head may take to arrive, counted from when the server starts
    /// waiting for it, on the wall clock (default 30 s; `None` = no limit). An idle keep-alive
    /// connection is waiting for its next head too, so it is closed after the same time.
    pub header_read_timeout: Option<Duration>,
    /// How long a request body may take to arrive once its head has, on the wall clock (default
    /// 60 s; `None` = no limit). Over it the request gets a 408 envelope, is not processed, and
    /// the connection is closed.
    pub body_read_timeout: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 512,
            max_body_bytes: 32 * 1024 * 1024,
            body_budget_bytes: 128 * 1024 * 1024,
            log_field_bytes: 1024,
            header_read_timeout: Some(Duration::from_secs(30)),
            body_read_timeout: Some(Duration::from_secs(60)),
        }
    }
}

/// `4096`, `64KiB`, `32MiB`, `1GiB`.
fn size(key: &str, v: &str) -> Result<usize, ConfigError> {
    let (n, scale) = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        .into_iter()
        .find_map(|(suffix, scale)| v.strip_suffix(suffix).map(|n| (n, scale)))
        .unwrap_or((v, 1));
    n.trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| ConfigError(format!("`{key}` needs a size (bytes, KiB, MiB), got `{v}`")))
}

/// `off`, or a duration.
fn timeout(key: &str, v: &str) -> Result<Option<Duration>, ConfigError> {
    if v == "off" {
        Ok(None)
    } else {
        duration(key, v).map(Some)
    }
}

impl Limits {
    /// Applies a `key=value,…` spec on top of these values. Keys: `connections`, `max_body`,
    /// `body_budget`, `log_field` (sizes), `header_timeout`, `body_timeout` (a duration such as
    /// `500ms`, or `off`).
    pub fn with_spec(mut self, spec: &str) -> Result<Self, ConfigError> {
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .ok_or_else(|| ConfigError(format!("`{part}` should be key=value")))?;
            match k {
                "connections" => self.max_connections = size(k, v)?,
                "max_body" => self.max_body_bytes = size(k, v)?,
                "body_budget" => self.body_budget_bytes = size(k, v)?,
                "log_field" => self.log_field_bytes = size(k, v)?,
                "header_timeout" => self.header_read_timeout = timeout(k, v)?,
                "body_timeout" => self.body_read_timeout = timeout(k, v)?,
                other => return Err(ConfigError(format!("unknown limit `{other}`"))),
            }
        }
        Ok(self)
    }
}

/// `connections=512,max_body=32MiB,body_budget=128MiB,log_field=1024,header_timeout=30s|off,
/// body_timeout=60s|off`, any subset, on top of the defaults.
impl FromStr for Limits {
    type Err = ConfigError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Limits::default().with_spec(s)
    }
}

/// The builder setters of the bounds (see [`Limits`] for what each one means).
impl SimBuilder {
    /// Replaces all the bounds at once.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Largest request body accepted (default 32 MiB); larger ones get a 413 envelope.
    pub fn max_body_bytes(mut self, n: usize) -> Self {
        self.limits.max_body_bytes = n;
        self
    }

    /// Connections served at once (default 512); more are closed as they are accepted.
    pub fn max_connections(mut self, n: usize) -> Self {
        self.limits.max_connections = n;
        self
    }

    /// Request-body bytes held at once across all connections (default 128 MiB); a request that
    /// would go over gets a 503 envelope and is not processed.
    pub fn body_budget_bytes(mut self, n: usize) -> Self {
        self.limits.body_budget_bytes = n;
        self
    }

    /// Longest path and query kept in a request-log record (default 1024 bytes each).
    pub fn request_log_field_bytes(mut self, n: usize) -> Self {
        self.limits.log_field_bytes = n;
        self
    }

    /// How long an HTTP/1.1 request head may take to arrive (default 30 s, `None` = forever);
    /// measured on the wall clock, so tests on tokio's paused clock never trip it.
    pub fn header_read_timeout(mut self, t: impl Into<Option<Duration>>) -> Self {
        self.limits.header_read_timeout = t.into();
        self
    }

    /// How long a request body may take to arrive once its head has (default 60 s, `None` =
    /// forever); over it: a 408 envelope. Measured on the wall clock like the header timeout.
    pub fn body_read_timeout(mut self, t: impl Into<Option<Duration>>) -> Self {
        self.limits.body_read_timeout = t.into();
        self
    }
}

/// The bounds' counters on the handle.
impl Sim {
    /// The bounds in force.
    pub fn limits(&self) -> &Limits {
        &self.core.bounds.limits
    }

    /// Connections being served now.
    pub fn open_connections(&self) -> usize {
        self.core.bounds.open_connections()
    }

    /// Connections closed at accept because [`Limits::max_connections`] were already open.
    pub fn refused_connections(&self) -> u64 {
        self.core.bounds.refused.load(Ordering::Relaxed)
    }

    /// Request-body bytes held now across all connections (counted against
    /// [`Limits::body_budget_bytes`]).
    pub fn body_bytes_held(&self) -> usize {
        self.core.bounds.body_held.load(Ordering::Relaxed)
    }
}

/// The bounds at run time.
#[derive(Debug)]
pub(crate) struct Bounds {
    pub limits: Limits,
    connections: Arc<Semaphore>,
    refused: AtomicU64,
    body_held: AtomicUsize,
}

/// Why a request body was not collected.
pub(crate) enum BodyRefused {
    /// Over the per-request cap (413).
    TooLarge,
    /// Over the global budget (503).
    OverBudget,
    /// Not all there within the body-read timeout (408).
    TimedOut,
    /// The client went away mid-body.
    Aborted,
}

/// Bytes reserved against the body budget; given back when dropped.
pub(crate) struct BodyHold<'a> {
    bounds: &'a Bounds,
    bytes: usize,
}

impl BodyHold<'_> {
    fn reserve(&mut self, n: usize) -> bool {
        let budget = self.bounds.limits.body_budget_bytes;
        let held = &self.bounds.body_held;
        let ok = held
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |h| {
                h.checked_add(n).filter(|&t| t <= budget)
            })
            .is_ok();
        if ok {
            self.bytes += n;
        }
        ok
    }
}

impl Drop for BodyHold<'_> {
    fn drop(&mut self) {
        self.bounds
            .body_held
            .fetch_sub(self.bytes, Ordering::AcqRel);
    }
}

impl Bounds {
    pub(crate) fn new(limits: Limits) -> Self {
        Bounds {
            connections: Arc::new(Semaphore::new(
                limits.max_connections.min(Semaphore::MAX_PERMITS),
            )),
            limits,
            refused: AtomicU64::new(0),
            body_held: AtomicUsize::new(0),
        }
    }

    /// A slot for a new connection, or `None` (counted) when all are taken.
    pub(crate) fn admit(&self) -> Option<OwnedSemaphorePermit> {
        let permit = Arc::clone(&self.connections).try_acquire_owned().ok();
        if permit.is_none() {
            self.refused.fetch_add(1, Ordering::Relaxed);
        }
        permit
    }

    fn open_connections(&self) -> usize {
        self.limits
            .max_connections
            .min(Semaphore::MAX_PERMITS)
            .saturating_sub(self.connections.available_permits())
    }

    /// Reads a whole request body within the per-request cap, the global budget and the
    /// body-read timeout. A declared
    /// `Content-Length` is reserved up front (so a request that cannot fit is refused before its
    /// body is read); a chunked body is reserved frame by frame. The returned hold keeps the
    /// bytes counted until the request is answered.
    pub(crate) async fn collect_body(
        &self,
        mut body: Incoming,
        declared: Option<u64>,
    ) -> Result<(Bytes, BodyHold<'_>), BodyRefused> {
        let max = self.limits.max_body_bytes;
        let mut hold = BodyHold {
            bounds: self,
            bytes: 0,
        };
        let declared = match declared.map(usize::try_from) {
            Some(Ok(n)) if n <= max => Some(n),
            Some(_) => return Err(BodyRefused::TooLarge),
            None => None,
        };
        if let Some(n) = declared
            && !hold.reserve(n)
        {
            return Err(BodyRefused::OverBudget);
        }
        let mut buf = BytesMut::with_capacity(declared.unwrap_or(0));
        let read = async {
            while let Some(frame) = body.frame().await {
                let Ok(frame) = frame else {
                    return Err(BodyRefused::Aborted);
                };
                let Ok(data) = frame.into_data() else {
                    continue; // trailers
                };
                let total = buf.len() + data.len();
                if total > max {
                    return Err(BodyRefused::TooLarge);
                }
                if total > hold.bytes && !hold.reserve(total - hold.bytes) {
                    return Err(BodyRefused::OverBudget);
                }
                buf.extend_from_slice(&data);
            }
            Ok(())
        };
        match self.limits.body_read_timeout {
            None => read.await?,
            Some(t) => tokio::select! {
                r = read => r?,
                () = WallSleep::after(t) => return Err(BodyRefused::TimedOut),
            },
        }
        Ok((buf.freeze(), hold))
    }

    /// `s` cut to at most [`Limits::log_field_bytes`] at a character boundary; `true` if cut.
    pub(crate) fn log_field(&self, s: &str) -> (String, bool) {
        let max = self.limits.log_field_bytes;
        if s.len() <= max {
            return (s.to_string(), false);
        }
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        (s[..end].to_string(), true)
    }
}

/// A hyper timer on the wall clock, woken through tokio's timer (also the body-read timeout).
///
/// hyper's header-read timeout also runs while a keep-alive connection sits idle. On tokio's
/// paused clock (common in client tests) virtual time jumps ahead whenever the runtime is idle,
/// so a timer on tokio's clock would close idle connections in the middle of a test. This one
/// completes only once the deadline has passed on both clocks; on a normal runtime the two agree
/// and it fires once.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WallTimer;

struct WallSleep {
    deadline: Instant,
    inner: Pin<Box<tokio::time::Sleep>>,
}

impl WallSleep {
    fn until(deadline: Instant) -> WallSleep {
        let left = deadline.saturating_duration_since(Instant::now());
        WallSleep {
            deadline,
            inner: Box::pin(tokio::time::sleep(left)),
        }
    }

    fn after(t: Duration) -> WallSleep {
        WallSleep::until(Instant::now() + t)
    }
}

impl std::future::Future for WallSleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            if self.inner.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let left = self.deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Poll::Ready(());
            }
            let next = tokio::time::Instant::now() + left;
            self.inner.as_mut().reset(next);
        }
    }
}

impl hyper::rt::Sleep for WallSleep {}

impl hyper::rt::Timer for WallTimer {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn hyper::rt::Sleep>> {
        self.sleep_until(Instant::now() + duration)
    }

    fn sleep_until(&self, deadline: Instant) -> Pin<Box<dyn hyper::rt::Sleep>> {
        Box::pin(WallSleep::until(deadline))
    }

    fn now(&self) -> Instant {
        Instant::now()
    }
}
