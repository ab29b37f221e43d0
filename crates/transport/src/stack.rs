//! The default stack as one future per call.
//!
//! With no user layer around the retries, the transport's own steps (the call's span and
//! deadline, the retry loop, and around each attempt the rate limiter, the attempt's deadline
//! and the body read under its cap) run as one future, composed from the same functions the
//! layers are made of ([`call_span`] and [`record`], [`retry::run`], [`settle`], [`timed`],
//! [`collected`])
//! instead of one boxed future per layer. It behaves as the layered stack does; it allocates
//! and moves less per call, and arms one timer per attempt instead of one per deadline: the
//! call's deadline bounds the attempt's timer, and the rate limiter's wait costs a future and a
//! timer only when there is one ([`RateLimiter::acquire_now`]).

use crate::classify::Classified;
#[cfg(feature = "hyper-client")]
use crate::collect::collected;
use crate::error::Error;
use crate::meta::{Deadline, RateKey, RequestMeta};
use crate::ratelimit::{Acquire, RateLimiter, Settled, quota_error, settle};
use crate::retry::{self, CallFacts};
use crate::timeout::timed;
use crate::trace::{call_span, record};
use crate::{Body, HttpService, RetryRules};
use bytes::Bytes;
use http::{Request, Response};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;
use tower::ServiceExt;
use tracing::Instrument;

/// The transport's own layers, fused, over the service that sends one attempt.
pub(crate) struct Fused {
    pub(crate) sender: Sender,
    pub(crate) retry: Arc<retry::Shared>,
    pub(crate) limiter: Arc<dyn RateLimiter>,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) call_timeout: Option<Duration>,
}

/// What sends one attempt.
// One per transport, behind its `Arc`: the size of a variant costs nothing per call.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Sender {
    /// hyper-util's pooled client, its answers read under `max_body` bytes. Sent through a
    /// shared reference: no clone of the client per attempt.
    #[cfg(feature = "hyper-client")]
    Hyper {
        client: crate::client::HyperClient,
        max_body: usize,
    },
    /// Any service that already answers in our types: the user's inner service under the body
    /// cap, with the user's per-attempt layers around it. It sees the request's extensions
    /// (with the attempt's [`Deadline`]), as it would in the layered stack.
    Service(HttpService),
}

impl Sender {
    /// Whether the sender ignores our extensions (the hyper client does).
    fn needs_no_extensions(&self) -> bool {
        match self {
            #[cfg(feature = "hyper-client")]
            Sender::Hyper { .. } => true,
            Sender::Service(_) => false,
        }
    }
}

/// Our own extensions on a request, read once per call; the hyper client needs none of them,
/// so they are not cloned for every attempt.
fn strip_ours(req: &mut Request<Body>) {
    let ext = req.extensions_mut();
    ext.remove::<RequestMeta>();
    ext.remove::<RetryRules>();
    ext.remove::<Deadline>();
    if ext.is_empty() {
        // An empty map still costs an allocation per clone.
        *ext = http::Extensions::new();
    }
}

/// The earlier of two deadlines, each with the limit it stands for.
fn earlier(
    a: Option<(Instant, Duration)>,
    b: Option<(Instant, Duration)>,
) -> Option<(Instant, Duration)> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl Fused {
    /// The whole call: what `Transport::send` returns (boxed).
    ///
    /// Futures are created where they are awaited, never passed into an `async fn`: an
    /// argument and the future awaited from it would both stay in the call's state, and the
    /// state is copied whole wherever it moves.
    pub(crate) fn call(
        self: &Arc<Self>,
        req: Request<Body>,
    ) -> impl Future<Output = Result<Response<Bytes>, Error>> + Send + 'static {
        let span = call_span(&req);
        Fused::run(self.clone(), req, span.clone()).instrument(span)
    }

    async fn run(
        this: Arc<Self>,
        mut req: Request<Body>,
        span: tracing::Span,
    ) -> Result<Response<Bytes>, Error> {
        let key = RequestMeta::of(&req).rate_key;
        let mut facts = CallFacts::of(&req);
        // The call's timer (`None`: no limit, or one past what the clock can say).
        let started = Instant::now();
        let call = this
            .call_timeout
            .and_then(|after| Some((started.checked_add(after)?, after)));
        if let Some((by, _)) = call {
            facts.deadline = Some(facts.deadline.map_or(by, |old| old.min(by)));
        }
        if this.sender.needs_no_extensions() {
            strip_ours(&mut req);
        }
        // Each attempt on the heap: the call's own state stays small, so that moving it costs
        // little.
        // The first attempt starts when the call does: the clock is read once for both.
        let mut now = Some(started);
        let fused = &*this;
        let send = |req: Request<Body>, _last: bool| {
            Box::pin(fused.attempt(req, key, facts, call, now.take()))
        };
        let result = retry::run(send, req, &this.retry, facts).await;
        record(&span, &result);
        result
    }

    /// One attempt: the rate limiter's slot (within the call's deadline), then the send under
    /// the earlier of the attempt's deadline and the call's (from `now`, when the caller read
    /// the clock just before); the result, with the classifier chain's verdict when there was
    /// an answer to classify.
    async fn attempt(
        &self,
        mut req: Request<Body>,
        key: RateKey,
        facts: CallFacts,
        call: Option<(Instant, Duration)>,
        now: Option<Instant>,
    ) -> (Result<Response<Bytes>, Error>, Option<Classified>) {
        let limiter = &*self.limiter;
        // A slot free at once costs no future and arms no timer.
        let (acquired, now) = match limiter.acquire_now(key, facts.deadline) {
            Acquire::Ready(result) => (result, now),
            // After a wait the clock is read again.
            Acquire::Wait(wait) => (
                match call {
                    Some((by, after)) => timed(tokio::time::timeout_at(by, wait).await, after),
                    None => wait.await,
                },
                None,
            ),
        };
        if let Err(e) = acquired {
            return (Err(e), None);
        }
        let own = self.attempt_timeout.and_then(|after| {
            let now = now.unwrap_or_else(Instant::now);
            Some((now.checked_add(after)?, after))
        });
        let timer = earlier(own, call);
        let result = match &self.sender {
            #[cfg(feature = "hyper-client")]
            Sender::Hyper { client, max_body } => {
                let sent = collected(client.request(req), *max_body);
                match timer {
                    Some((by, after)) => timed(tokio::time::timeout_at(by, sent).await, after),
                    None => sent.await,
                }
            }
            Sender::Service(svc) => {
                if let Some((by, _)) = timer {
                    Deadline::narrow(&mut req, by);
                }
                let sent = svc.clone().oneshot(req);
                match timer {
                    Some((by, after)) => timed(tokio::time::timeout_at(by, sent).await, after),
                    None => sent.await,
                }
            }
        };
        match settle(limiter, key, facts.rules.as_ref(), result) {
            // The verdict goes to the retry loop with the answer, not stamped on it.
            Settled::Answer(answer, classified) => (answer, Some(classified)),
            Settled::QuotaExhausted(resets_in) => {
                (Err(quota_error(limiter, key, resets_in).await), None)
            }
        }
    }
}
