//! The default stack as one future per call.
//!
//! With no user layer around the retries, the transport's own steps (the call's span and
//! deadline, the retry loop, and around each attempt the rate limiter, the attempt's deadline
//! and the body read under its cap) run as one future, composed from the same functions the
//! layers are made of ([`span_for`] and [`record`], [`retry::run`], [`settle`], [`timed`],
//! [`collected`])
//! instead of one boxed future per layer. It behaves as the layered stack does; it allocates
//! and moves less per call, and arms one timer per attempt instead of one per deadline: the
//! call's deadline bounds the attempt's timer, and the rate limiter's wait costs a future and a
//! timer only when there is one ([`RateLimiter::acquire_now`]).

use crate::classify::Classified;
#[cfg(feature = "hyper-client")]
use crate::collect::collected;
use crate::error::Error;
use crate::meta::{Deadline, Described, RateKey, RequestMeta};
use crate::ratelimit::{Acquire, RateLimiter, Settled, quota_error, settle};
use crate::retry::{self, CallFacts};
use crate::timeout::timed;
use crate::trace::{record, span_for};
use crate::{Body, HttpService, RetryRules};
use bytes::Bytes;
use futures_util::FutureExt;
use futures_util::future::Either;
use http::{Request, Response};
use std::future::{Future, Ready, ready};
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;
use tower::ServiceExt;
use tracing::Instrument;

/// What one attempt ends with: its result, and the classifier chain's verdict when there was an
/// answer to classify.
type Attempted = (Result<Response<Bytes>, Error>, Option<Classified>);

/// A boxed future that may borrow the stack.
type BoxFuture<'a, T> = std::pin::Pin<Box<dyn Future<Output = T> + Send + 'a>>;

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

/// What the fused stack reads about a call before it starts: its description and its facts.
pub(crate) struct CallInfo {
    meta: RequestMeta,
    facts: CallFacts,
}

impl Fused {
    /// A request as [`Transport::send`](crate::Transport::send) takes it: its description read
    /// from its extensions once, and taken out of them when the sender does not read them.
    pub(crate) fn prepare(&self, mut req: Request<Body>) -> (Request<Body>, CallInfo) {
        let meta = RequestMeta::of(&req);
        let facts = CallFacts::of(&req);
        if self.sender.needs_no_extensions() {
            strip_ours(&mut req);
        }
        (req, CallInfo { meta, facts })
    }

    /// A described request ([`Transport::send_described`](crate::Transport::send_described)):
    /// its description stays beside it, unless the sender reads extensions.
    pub(crate) fn prepare_described(&self, described: Described) -> (Request<Body>, CallInfo) {
        if !self.sender.needs_no_extensions() {
            return self.prepare(described.into_request());
        }
        let Described {
            request,
            meta,
            rules,
        } = described;
        let facts = CallFacts {
            replay: meta.replay,
            rules,
            deadline: Deadline::of(&request),
        };
        (request, CallInfo { meta, facts })
    }

    /// The whole call: what `Transport::send` returns (boxed).
    ///
    /// Futures are created where they are awaited, never passed into an `async fn`: an
    /// argument and the future awaited from it would both stay in the call's state, and the
    /// state is copied whole wherever it moves. For the same reason the steps are `async`
    /// blocks, not `async fn`s, and what can be read before the first await is read here:
    /// an `async fn` keeps every argument twice in its state (once as given, once as the local
    /// it is moved to), and a request is 256 bytes. Kept under about 1 kB, the call's and each
    /// attempt's state fit the allocator's per-thread cache of small blocks; larger ones cost
    /// several times as much to allocate and free.
    pub(crate) fn call(
        self: &Arc<Self>,
        (req, info): (Request<Body>, CallInfo),
    ) -> impl Future<Output = Result<Response<Bytes>, Error>> + Send + 'static {
        let CallInfo { meta, mut facts } = info;
        let span = span_for(&meta, req.method());
        let key = meta.rate_key;
        // The call's timer (`None`: no limit, or one past what the clock can say).
        let started = Instant::now();
        let call = self
            .call_timeout
            .and_then(|after| Some((started.checked_add(after)?, after)));
        if let Some((by, _)) = call {
            facts.deadline = Some(facts.deadline.map_or(by, |old| old.min(by)));
        }
        // Each attempt on the heap: the call's own state stays small, so that moving it costs
        // little.
        // The first attempt starts when the call does: the clock is read once for both.
        let mut now = Some(started);
        let this = self.clone();
        let send =
            move |req: Request<Body>, _last: bool| this.attempt(req, key, facts, call, now.take());
        let recorded = span.clone();
        retry::run(send, req, self.retry.clone(), facts)
            .map(move |result| {
                record(&recorded, &result);
                result
            })
            .instrument(span)
    }

    /// One attempt, on the heap: the rate limiter's slot (within the call's deadline), then the
    /// send under the earlier of the attempt's deadline and the call's (from `now`, when the
    /// caller read the clock just before); the result, with the classifier chain's verdict
    /// when there was an answer to classify.
    fn attempt(
        self: &Arc<Self>,
        req: Request<Body>,
        key: RateKey,
        facts: CallFacts,
        call: Option<(Instant, Duration)>,
        now: Option<Instant>,
    ) -> BoxFuture<'static, Attempted> {
        let limiter = &*self.limiter;
        // A slot free at once costs no future and arms no timer.
        let wait = match limiter.acquire_now(key, facts.deadline) {
            Acquire::Ready(Err(e)) => return Box::pin(std::future::ready((Err(e), None))),
            Acquire::Ready(Ok(())) => return self.send(req, key, facts, self.timer(now, call)),
            Acquire::Wait(wait) => wait,
        };
        let this = self.clone();
        let mut req = Some(req);
        Box::pin(async move {
            // After a wait the clock is read again.
            let acquired = match call {
                Some((by, after)) => timed(tokio::time::timeout_at(by, wait).await, after),
                None => wait.await,
            };
            if let Err(e) = acquired {
                return (Err(e), None);
            }
            let Some(req) = req.take() else {
                return (Err(Error::invalid("attempt: request already sent")), None);
            };
            this.send(req, key, facts, this.timer(None, call)).await
        })
    }

    /// The send of an attempt whose slot is taken, under `timer`, and its settlement: made
    /// here, so that the attempt's state holds only it. Combinators, not an `async` block: a
    /// block would keep the send's future twice (as captured, and as awaited).
    fn send(
        self: &Arc<Self>,
        mut req: Request<Body>,
        key: RateKey,
        facts: CallFacts,
        timer: Option<(Instant, Duration)>,
    ) -> BoxFuture<'static, Attempted> {
        let this = self.clone();
        let settle = move |result| this.settled(key, facts, result);
        match &self.sender {
            #[cfg(feature = "hyper-client")]
            Sender::Hyper { client, max_body } => {
                let sent = collected(client.request(req), *max_body);
                Box::pin(timed_by(sent, timer).then(settle))
            }
            Sender::Service(svc) => {
                if let Some((by, _)) = timer {
                    Deadline::narrow(&mut req, by);
                }
                Box::pin(timed_by(svc.clone().oneshot(req), timer).then(settle))
            }
        }
    }

    /// The attempt's timer: the earlier of its own deadline (from `now`, or the clock) and the
    /// call's.
    fn timer(
        &self,
        now: Option<Instant>,
        call: Option<(Instant, Duration)>,
    ) -> Option<(Instant, Duration)> {
        let own = self.attempt_timeout.and_then(|after| {
            let now = now.unwrap_or_else(Instant::now);
            Some((now.checked_add(after)?, after))
        });
        earlier(own, call)
    }

    /// The attempt's result told to the rate limiter, with the classifier chain's verdict;
    /// ready at once unless the answer said the daily quota is spent.
    fn settled(
        &self,
        key: RateKey,
        facts: CallFacts,
        result: Result<Response<Bytes>, Error>,
    ) -> Either<Ready<Attempted>, BoxFuture<'static, Attempted>> {
        match settle(&*self.limiter, key, facts.rules.as_ref(), result) {
            // The verdict goes to the retry loop with the answer, not stamped on it.
            Settled::Answer(answer, classified) => Either::Left(ready((answer, Some(classified)))),
            Settled::QuotaExhausted(resets_in) => {
                let limiter = self.limiter.clone();
                Either::Right(Box::pin(async move {
                    (Err(quota_error(&*limiter, key, resets_in).await), None)
                }))
            }
        }
    }
}

/// `sent` under `timer` (its deadline, and the limit it stands for), or unbounded.
fn timed_by<F>(
    sent: F,
    timer: Option<(Instant, Duration)>,
) -> impl Future<Output = Result<Response<Bytes>, Error>>
where
    F: Future<Output = Result<Response<Bytes>, Error>>,
{
    match timer {
        Some((by, after)) => {
            Either::Left(tokio::time::timeout_at(by, sent).map(move |r| timed(r, after)))
        }
        None => Either::Right(sent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::Stack;
    use crate::{Body, Transport};

    /// The call's state and each attempt's are allocated once per call and per attempt. Under
    /// 1 kB, they come from the allocator's per-thread cache of small blocks (glibc's serves up
    /// to 1,032 bytes); past it, each costs several times as much to allocate and free. An
    /// `async fn` taking a future or a request as an argument, or a named `Option` moved out of
    /// before an await, is enough to pass it (the call's state was 2,392 bytes before this test).
    #[tokio::test]
    async fn the_call_and_attempt_states_stay_under_a_kilobyte() {
        let transport = Transport::default();
        let Stack::Fused(fused) = &transport.stack else {
            panic!("the default transport is not fused");
        };
        let call = fused.call(fused.prepare(Request::new(Body::default())));
        let size = std::mem::size_of_val(&call);
        assert!(size <= 1024, "the call's state is {size} bytes");
        let req = Request::new(Body::default());
        let facts = CallFacts::of(&req);
        let attempt = fused.attempt(req, RateKey::new("a", "b"), facts, None, None);
        let size = std::mem::size_of_val(&*attempt);
        assert!(size <= 1024, "an attempt's state is {size} bytes");
    }
}
