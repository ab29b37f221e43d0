//! A test kit for clients driven against the simulator: the fault cases a write can meet, the
//! check of each write's outcome against the simulator's counter for it, and the request-log
//! checks of a burst over a rate limit, and a writer that captures trace output for secret checks.
//!
//! Enabled by the `testkit` cargo feature, which adds a dependency on `chatdesk-transport`
//! (with its `hyper-client` feature) for its [`Error`] and [`Transport`] types; the simulator
//! itself does not need them. The checks are vendor-neutral: the Crisp and the Carrot client of
//! this workspace are held to the same rule with them, and a client of your own built on
//! `chatdesk-transport` can be too.
//!
//! ```no_run
//! # async fn demo(sim: &chatdesk_sim::Sim) {
//! use chatdesk_sim::testkit::{fault_cases, send_each};
//! for case in fault_cases() {
//!     sim.set_faults(vec![case.fault("/v1/website/*/conversation/*/message")]);
//!     let tally = send_each(sim, &case, 4, |i| async move {
//!         // send write `i` through your client here
//!         Ok::<_, chatdesk_transport::Error>(i)
//!     }, |i| format!("crisp:message:{i}"))
//!     .await;
//!     tally.assert_split(2, 2);
//! }
//! # }
//! ```
//!
//! # Panics
//!
//! These are test assertions: every check panics, with a message naming the fault and the
//! write, when a client breaks the rule it checks.

use chatdesk_transport::http::Method;
use chatdesk_transport::{Error, RetryConfig, Transport};

use crate::{ErrorBody, Fault, FaultKind, Nth, RequestRecord, Sim};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::future::Future;
use std::time::Duration;

/// The per-attempt deadline of the clients under test.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a delayed answer waits: well beyond [`ATTEMPT_TIMEOUT`].
pub const DELAY: Duration = Duration::from_secs(10);

/// One fault kind to inject on a write, and what it must do to a client's answer.
#[derive(Debug, Clone)]
pub struct FaultCase {
    /// The fault the simulator injects.
    pub kind: FaultKind,
}

/// Every fault kind that can hit a write: closes before and after processing, 500/502/503 as
/// JSON and as HTML, a truncated body, invalid JSON, and an answer later than the attempt
/// deadline.
pub fn fault_cases() -> Vec<FaultCase> {
    let mut kinds = vec![
        FaultKind::CloseBeforeProcessing,
        FaultKind::CloseAfterProcessing,
    ];
    for status in [500, 502, 503] {
        for body in [ErrorBody::Json, ErrorBody::Html] {
            kinds.push(FaultKind::Status { status, body });
        }
    }
    kinds.extend([
        FaultKind::TruncatedBody,
        FaultKind::InvalidJson,
        FaultKind::Delay {
            headers: DELAY,
            body: Duration::ZERO,
        },
    ]);
    kinds.into_iter().map(|kind| FaultCase { kind }).collect()
}

impl FaultCase {
    /// This fault on every second POST whose path matches `pattern` (`*` matches anything).
    pub fn fault(&self, pattern: &str) -> Fault {
        Fault::new(self.kind.clone())
            .method(Method::POST)
            .path(pattern)
            .nth(Nth::Every(2))
    }

    /// Whether `err` is what this fault must produce for a write the client may not re-send.
    fn is_expected(&self, err: &Error) -> bool {
        match &self.kind {
            // The client cannot tell a close before processing from one after: both may have
            // been processed as far as it knows.
            FaultKind::CloseBeforeProcessing
            | FaultKind::CloseAfterProcessing
            | FaultKind::TruncatedBody => matches!(
                err,
                Error::Transport {
                    maybe_sent: true,
                    ..
                }
            ),
            FaultKind::Status { status, .. } => {
                matches!(err, Error::Api(api) if api.status.as_u16() == *status)
            }
            FaultKind::InvalidJson => matches!(err, Error::Decode { .. }),
            FaultKind::Delay { .. } => matches!(
                err,
                Error::Timeout {
                    maybe_sent: true,
                    ..
                }
            ),
            FaultKind::OversizedBody { .. } => matches!(err, Error::BodyTooLarge { .. }),
        }
    }
}

/// What an error tells the caller about a write: may the server have applied it?
///
/// `Error::was_sent` answers for failures without an answer; an answer says it by its status: a
/// 4xx refused the request, a 5xx may follow processing, and a 2xx the client could not decode
/// was processed.
pub fn may_have_applied(err: &Error) -> bool {
    match (err.was_sent(), err) {
        (Some(sent), _) => sent,
        (None, Error::Api(api)) => !api.status.is_client_error(),
        (None, _) => true,
    }
}

/// The outcomes of the writes sent under one fault case.
#[derive(Debug)]
pub struct Tally {
    case: FaultCase,
    ok: usize,
    failed: usize,
}

impl Tally {
    /// An empty tally for writes sent under `case`.
    pub fn new(case: &FaultCase) -> Tally {
        Tally {
            case: case.clone(),
            ok: 0,
            failed: 0,
        }
    }

    /// Checks one write: `applied` is how many times the simulator applied it.
    ///
    /// * never twice;
    /// * reported `Ok` → applied exactly once;
    /// * reported as an error → the error is the fault's, applied once exactly when the fault
    ///   processes requests, and an error that says "not sent" was indeed not applied.
    pub fn record<T: Debug>(&mut self, what: &str, result: &Result<T, Error>, applied: u64) {
        let kind = &self.case.kind;
        assert!(applied <= 1, "{kind:?}: {what} applied {applied} times");
        match result {
            Ok(_) => {
                assert_eq!(applied, 1, "{kind:?}: {what} reported Ok");
                self.ok += 1;
            }
            Err(err) => {
                assert!(
                    self.case.is_expected(err),
                    "{kind:?}: {what}: unexpected error {err:?}"
                );
                assert_eq!(
                    applied,
                    u64::from(kind.processes()),
                    "{kind:?}: {what}: {err:?}"
                );
                if applied > 0 {
                    assert!(
                        may_have_applied(err),
                        "{kind:?}: {what} was applied but the error says it was not: {err:?}"
                    );
                }
                self.failed += 1;
            }
        }
    }

    /// Checks how many writes succeeded and how many the fault broke.
    pub fn assert_split(&self, ok: usize, failed: usize) {
        assert_eq!(
            (self.ok, self.failed),
            (ok, failed),
            "{:?}: (ok, failed)",
            self.case.kind
        );
    }
}

/// Sends writes `1..=n` one after the other with `send`, checks each outcome against the
/// simulator's counter for `key(i)`, and at the end that no write at all was applied twice.
pub async fn send_each<T, F>(
    sim: &Sim,
    case: &FaultCase,
    n: u64,
    mut send: impl FnMut(u64) -> F,
    key: impl Fn(u64) -> String,
) -> Tally
where
    T: Debug,
    F: Future<Output = Result<T, Error>>,
{
    let mut tally = Tally::new(case);
    for i in 1..=n {
        let result = send(i).await;
        tally.record(&format!("write {i}"), &result, sim.write_count(&key(i)));
    }
    no_duplicates(&sim.write_counts());
    tally
}

/// Asserts that no write in `counts` was applied more than once.
pub fn no_duplicates(counts: &BTreeMap<String, u64>) {
    let twice: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "applied more than once: {twice:?}");
}

/// A transport that outlasts a burst of rate-limit refusals: up to ten attempts a call, over
/// the transport's default hyper client (which is why the `testkit` feature turns on
/// `chatdesk-transport/hyper-client`).
pub fn patient_transport() -> Transport {
    Transport::builder()
        .retry(RetryConfig {
            max_attempts: 10,
            ..RetryConfig::default()
        })
        .build()
}

/// Checks the request log of a burst of `n` writes sent over a rate limit: the limit was hit,
/// no refused request was processed, and exactly `n` requests were.
pub fn assert_burst_log(log: &[RequestRecord], n: u64) {
    assert!(
        log.iter().any(|r| r.rate_limited),
        "the limit was never hit"
    );
    assert!(log.iter().filter(|r| r.rate_limited).all(|r| !r.processed));
    let processed = log.iter().filter(|r| r.processed).count();
    assert_eq!(processed as u64, n, "{log:#?}");
}

/// A loopback server for client tests that need answers the simulator would never give: it
/// answers the n-th connection with the n-th `(status, JSON body)` of `steps`, then closes it,
/// and stops after the last step. Returns the base URL (`http://127.0.0.1:PORT{base_path}`) and
/// the number of connections accepted so far.
///
/// # Panics
///
/// When the loopback port cannot be bound: a test helper, not library code.
pub async fn scripted_server(
    steps: Vec<(u16, &'static str)>,
    base_path: &str,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::Ordering;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    #[allow(clippy::expect_used)]
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    #[allow(clippy::expect_used)]
    let url = format!(
        "http://{}{base_path}",
        listener
            .local_addr()
            .expect("a bound listener has an address")
    );
    let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        for (code, body) in steps {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && matches!(sock.read(&mut byte).await, Ok(1)) {
                head.push(byte[0]);
            }
            let reply = format!(
                "HTTP/1.1 {code} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = sock.write_all(reply.as_bytes()).await;
            let _ = sock.shutdown().await;
        }
    });
    (url, hits)
}

/// An in-memory writer for a test's trace or log output: clone it into a subscriber's writer
/// (`tracing_subscriber::fmt().with_writer(move || capture.clone())`), then read everything
/// written with [`text`](Self::text), for example to check that no secret was printed.
#[derive(Debug, Clone, Default)]
pub struct CaptureWriter(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl CaptureWriter {
    /// Everything written so far, as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        let bytes = self.0.lock().unwrap_or_else(|p| p.into_inner());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl std::io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
