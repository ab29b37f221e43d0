//! Bounded, budgeted retries that never duplicate a write.
//!
//! Whether an attempt is re-sent depends on what is known about it, not only on its status code.
//! A chain of named classifiers ([`crate::classify`]: the vendor's rules carried by the request,
//! then the generic ones) turns each attempt's result into an [`Outcome`], and [`decide`] applies
//! the replay rule to it:
//!
//! | outcome of the attempt (generic classifier) | [`Replay::Safe`] | [`Replay::Unsafe`] |
//! |---|---|---|
//! | [`Outcome::NotSent`]: never left the process ([`Error::Connect`], `Transport { maybe_sent: false }`) | retry | retry |
//! | [`Outcome::RateLimited`]: refused unprocessed (429; a vendor's own refusal, such as Crisp's 420, when its rules say so) | retry after `Retry-After` (else backoff) | same |
//! | …with a `Retry-After` longer than [`RetryConfig::max_retry_after`] | [`Error::RateLimited`] at once | same |
//! | [`Outcome::QuotaExhausted`]: refused unprocessed because a daily quota is spent (a vendor's rules say so) | [`Error::QuotaExhausted`] at once (the rate-limit layer marks the budget spent) | same |
//! | [`Outcome::ServerError`]: a 5xx answer (or a vendor's error in a 2xx body that says 5xx) | retry | return the answer: it may have been processed |
//! | [`Outcome::MaybeSent`]: timeout, reset or other failure after sending | retry | return the error |
//! | [`Outcome::Final`]: any other answer (2xx, 3xx, other 4xx) or error | return | return |
//!
//! Every retry fits in [`RetryConfig::max_attempts`], waits an exponential backoff with full
//! jitter (or the server's `Retry-After`), and withdraws from a tower `TpsBudget` shared by every clone
//! of the stack, so an outage does not multiply the load on the vendor.

pub use crate::classify::Outcome;
use crate::classify::{Classified, RetryRules};
use crate::error::{Error, RateLimitScope};
use crate::layered::{AroundCall, Layered, inner_ready};
use crate::meta::{Deadline, Replay, RequestMeta};
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{HeaderMap, Method, Request, Response, StatusCode};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime};
use tower::retry::budget::{Budget, TpsBudget};
use tower::{Service, ServiceExt};

/// The default [`RetryConfig::max_retry_after`], and the default ceiling of the rate limiter's
/// gate ([`LocalRateLimiter::max_gate`](crate::LocalRateLimiter::max_gate)): 60 s.
pub const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// How the retry layer behaves.
#[derive(Debug, Clone)]
pub struct RetryConfig {
    /// Attempts in total, the first included (at least 1). Default 3.
    pub max_attempts: u32,
    /// The backoff before the first retry; doubled for each further one. Default 250 ms.
    pub base_backoff: Duration,
    /// The largest backoff. Default 20 s.
    pub max_backoff: Duration,
    /// The longest server-requested wait the layer sleeps through; a longer `Retry-After` (a
    /// daily quota, say) returns [`Error::RateLimited`] at once. Default 60 s.
    pub max_retry_after: Duration,
    /// The retry budget: retries may add at most this fraction of the recent request rate…
    /// (taken within 0 to 1000; not a number counts as 0).
    pub budget_percent: f32,
    /// …plus this many retries per second regardless of traffic (at most `i32::MAX - 1`).
    pub budget_min_per_sec: u32,
    /// Over how long the budget remembers requests (taken within 1 to 60 s).
    pub budget_ttl: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_attempts: 3,
            base_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(20),
            max_retry_after: DEFAULT_MAX_RETRY_AFTER,
            budget_percent: 0.2,
            budget_min_per_sec: 10,
            budget_ttl: Duration::from_secs(10),
        }
    }
}

impl RetryConfig {
    /// A configuration that never retries.
    pub fn disabled() -> RetryConfig {
        RetryConfig {
            max_attempts: 1,
            ..RetryConfig::default()
        }
    }

    /// The full-jitter backoff before retry number `retry` (1 for the first retry): a uniform
    /// draw from zero to `min(max_backoff, base_backoff * 2^(retry-1))`.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .base_backoff
            .saturating_mul(1u32 << retry.saturating_sub(1).min(20));
        let ceiling = exp.min(self.max_backoff);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// How the answer of a call was reached: the retry layer puts it in the extensions of every
/// response it returns, and the vendor crates copy it into [`ApiError::attempts`](crate::ApiError).
///
/// ```
/// use chatdesk_transport::retry::Attempts;
/// # let response = http::Response::new(());
/// if let Some(attempts) = Attempts::of(&response) {
///     println!("answered on attempt {}", attempts.number());
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempts {
    number: u32,
    earlier_may_have_applied: bool,
    delete: bool,
    outcome: Outcome,
    classifier: &'static str,
}

impl Attempts {
    /// The history of `response`, when it came through the retry layer.
    pub fn of<B>(response: &Response<B>) -> Option<Attempts> {
        response.extensions().get::<Attempts>().copied()
    }

    /// The attempt that produced the answer: 1 for the first.
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Whether an earlier attempt of the same call may have been processed by the server: it
    /// timed out or lost its connection after the request may have been written, or it was
    /// answered 5xx. False when every earlier attempt was certainly not processed (refused at
    /// connect, or refused for rate limiting), and on the first attempt.
    pub fn earlier_may_have_applied(&self) -> bool {
        self.earlier_may_have_applied
    }

    /// What the classifier chain made of the answer: [`Outcome::RateLimited`] for a refusal
    /// (a 429, or a vendor's own refusal status when its rules say so), [`Outcome::ServerError`]
    /// for a server failure, [`Outcome::Final`] for an ordinary answer. [`Error::is_retryable`]
    /// reads it, so a vendor's refusal counts as one without the transport knowing the vendor.
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// The name of the classifier that decided [`Attempts::outcome`] (e.g. `"http_429"`,
    /// `"crisp_420"`, `"fallback"`).
    pub fn classifier(&self) -> &'static str {
        self.classifier
    }

    /// Whether a `status` answer means that the call did what it asked: a 404 to a DELETE
    /// that was sent again after an earlier attempt that may have been processed. That attempt
    /// may have deleted the resource and lost its answer, and a DELETE asks for the resource to
    /// be gone, which it is. The vendor crates report such a 404 as the endpoint's success.
    pub fn not_found_means_deleted(&self, status: StatusCode) -> bool {
        self.delete && self.earlier_may_have_applied && status == StatusCode::NOT_FOUND
    }
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Hand the result to the caller as it is.
    Return,
    /// Send again after this wait.
    RetryAfter(Duration),
    /// Stop with [`Error::RateLimited`] carrying the server's wait, if any.
    RateLimited(Option<Duration>),
}

/// The replay rule: a pure function of the request's class, the attempt's classified outcome,
/// how many attempts were made (1 after the first) and the configuration. `backoff` is the
/// jittered wait to use when the server gave none.
pub fn decide(
    replay: Replay,
    outcome: Outcome,
    attempts_made: u32,
    config: &RetryConfig,
    backoff: Duration,
) -> Decision {
    let attempts_left = attempts_made < config.max_attempts;
    match outcome {
        Outcome::RateLimited(retry_after) => match retry_after {
            Some(wait) if wait > config.max_retry_after => Decision::RateLimited(Some(wait)),
            _ if !attempts_left => Decision::RateLimited(retry_after),
            Some(wait) => Decision::RetryAfter(wait),
            None => Decision::RetryAfter(backoff),
        },
        Outcome::ServerError(retry_after) if replay == Replay::Safe && attempts_left => {
            match retry_after {
                Some(wait) if wait <= config.max_retry_after => Decision::RetryAfter(wait),
                _ => Decision::RetryAfter(backoff),
            }
        }
        Outcome::NotSent if attempts_left => Decision::RetryAfter(backoff),
        Outcome::MaybeSent if replay == Replay::Safe && attempts_left => {
            Decision::RetryAfter(backoff)
        }
        _ => Decision::Return,
    }
}

/// The `Retry-After` of `response`, read at the current wall-clock time (see
/// [`parse_retry_after`]); for classifiers.
pub fn retry_after_of<B>(response: &Response<B>) -> Option<Duration> {
    if response.headers().contains_key(http::header::RETRY_AFTER) {
        parse_retry_after(response.headers(), SystemTime::now())
    } else {
        None
    }
}

/// Reads `Retry-After` as delta-seconds or as an HTTP date (relative to `now`).
pub fn parse_retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let raw = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = raw.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = raw.parse::<f64>()
        && secs.is_finite()
        && secs >= 0.0
    {
        return Some(Duration::from_secs_f64(secs.min(1e9)));
    }
    let at = httpdate::parse_http_date(raw).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A tower `Layer` that applies the replay rule; see the module docs.
#[derive(Clone)]
pub struct RetryLayer {
    shared: Arc<Shared>,
}

pub(crate) struct Shared {
    config: RetryConfig,
    budget: TpsBudget,
}

/// A handle on a transport's retry budget, for a caller that re-sends on its own terms above
/// the transport (a vendor crate confirming a write, say), so that its re-sends draw on the
/// same budget as the transport's retries and an outage cannot multiply traffic.
///
/// Cheap to clone; every clone of the [`RetryLayer`] (and of the `Transport` built on it)
/// shares it.
#[derive(Clone)]
pub struct RetryBudget {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for RetryBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RetryBudget")
            .field("max_attempts", &self.shared.config.max_attempts)
            .finish_non_exhaustive()
    }
}

impl RetryBudget {
    /// Takes one re-send from the budget: `false` when retries are turned off
    /// (`max_attempts` of 1, as [`RetryConfig::disabled`] sets) or the budget is spent, in
    /// which case the caller should not re-send.
    pub fn withdraw(&self) -> bool {
        self.shared.config.max_attempts > 1 && self.shared.budget.withdraw()
    }
}

impl RetryLayer {
    /// The budget this layer's retries withdraw from.
    pub fn budget(&self) -> RetryBudget {
        RetryBudget {
            shared: self.shared.clone(),
        }
    }

    /// A layer with its own budget. Clones of the layer (and of the services it builds) share
    /// that budget.
    pub fn new(config: RetryConfig) -> RetryLayer {
        // `TpsBudget::new` asserts on these ranges; the fields are the caller's, so they are
        // brought into range rather than allowed to panic.
        let percent = if config.budget_percent >= 0.0 {
            config.budget_percent.min(1000.0)
        } else {
            0.0
        };
        let budget = TpsBudget::new(
            config
                .budget_ttl
                .clamp(Duration::from_secs(1), Duration::from_secs(60)),
            config.budget_min_per_sec.min((i32::MAX - 1).unsigned_abs()),
            percent,
        );
        RetryLayer {
            shared: Arc::new(Shared { config, budget }),
        }
    }
}

crate::layered::layered!(RetryLayer);

/// The service [`RetryLayer`] builds.
pub type Retry<S> = Layered<RetryLayer, S>;

impl<S> AroundCall<S> for RetryLayer
where
    S: Service<Request<Body>, Response = Response<Bytes>, Error = Error> + Clone + Send + 'static,
    S::Future: Send,
{
    fn poll_ready(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        inner_ready(inner, cx)
    }

    fn call(&self, inner: &mut S, req: Request<Body>) -> BoxFuture<Result<Response<Bytes>, Error>> {
        // Take the service that was driven to readiness; leave a fresh clone in its place.
        let clone = inner.clone();
        let first = std::mem::replace(inner, clone);
        let shared = self.shared.clone();
        let facts = CallFacts::of(&req);
        // Each attempt but the last sends a clone of the ready service; the last, the service
        // itself.
        let mut spare = Some(first);
        let send = move |req: Request<Body>, last: bool| {
            let svc = match (&spare, last) {
                (_, true) => spare.take(),
                (Some(svc), false) => Some(svc.clone()),
                (None, false) => None,
            };
            async move {
                match svc {
                    // The rate-limit layer below stamps its verdict on the answer.
                    Some(svc) => (svc.oneshot(req).await, None),
                    // Unreachable: only the last attempt takes it, and it returns.
                    None => (
                        Err(Error::invalid("retry layer: service already used")),
                        None,
                    ),
                }
            }
        };
        Box::pin(run(send, req, shared, facts))
    }
}

/// What the retry loop needs to know about a call, read once before its first attempt.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CallFacts {
    /// Whether the request may be re-sent after it may have been processed.
    pub(crate) replay: Replay,
    /// The vendor's classifiers, if the request carries them.
    pub(crate) rules: Option<RetryRules>,
    /// By when the call must be done, if a timeout above said so.
    pub(crate) deadline: Option<tokio::time::Instant>,
}

impl CallFacts {
    /// The facts the request's extensions carry ([`RequestMeta`], [`RetryRules`], [`Deadline`]).
    pub(crate) fn of(req: &Request<Body>) -> CallFacts {
        CallFacts {
            replay: RequestMeta::of(req).replay,
            rules: RetryRules::of(req),
            deadline: Deadline::of(req),
        }
    }
}

impl RetryLayer {
    /// The configuration and budget, for the fused stack ([`crate::stack`]).
    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }
}

/// The retry loop: sends `req` with `send` (told whether it is the last attempt, which may
/// consume what it holds; it answers the attempt's result, with the classifier chain's verdict
/// when it already has it) until an attempt's outcome says to stop, the attempts or the budget
/// run out, or the next wait would pass `facts.deadline`. Shared by [`RetryLayer`] and the
/// fused default stack.
///
/// The loop is an `async` block over what this function was given, rather than an `async fn`:
/// an `async fn` keeps each argument twice in its state (as given, and as the local it is moved
/// to), and this state is allocated and moved with every call.
pub(crate) fn run<F, Fut>(
    mut send: F,
    req: Request<Body>,
    shared: Arc<Shared>,
    facts: CallFacts,
) -> impl std::future::Future<Output = Result<Response<Bytes>, Error>> + Send + 'static
where
    F: FnMut(Request<Body>, bool) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = (Result<Response<Bytes>, Error>, Option<Classified>)> + Send,
{
    // Taken by the last attempt.
    let mut req = Some(req);
    async move {
        let config = &shared.config;
        shared.budget.deposit();
        let delete = req.as_ref().is_some_and(|r| r.method() == Method::DELETE);
        let mut history = Attempts {
            number: 1,
            earlier_may_have_applied: false,
            delete,
            outcome: Outcome::Final,
            classifier: crate::classify::FALLBACK,
        };
        loop {
            let attempt = history.number;
            let last = attempt >= config.max_attempts;
            // The last attempt may consume the request itself. (No named `Option` here: one that
            // was moved out of would stay in the state across the await.)
            let Some(request) = (if last { req.take() } else { req.clone() }) else {
                // Unreachable: only the last attempt takes it, and it returns.
                return Err(Error::invalid("retry layer: request already sent"));
            };
            let (result, known) = send(request, last).await;
            let classified = known.unwrap_or_else(|| Classified::of(facts.rules.as_ref(), &result));
            attempt_event(attempt, &result, classified.by);
            history.outcome = classified.outcome;
            history.classifier = classified.by;
            // The span of the call names the classifier that decided its last attempt.
            tracing::Span::current().record("retry_classifier", classified.by);
            let backoff = if last {
                Duration::ZERO
            } else {
                config.backoff(attempt)
            };
            match decide(facts.replay, classified.outcome, attempt, config, backoff) {
                Decision::Return => return result.map(|r| stamped(r, history)),
                Decision::RateLimited(retry_after) => {
                    tracing::debug!(
                        attempt,
                        ?retry_after,
                        classifier = classified.by,
                        "rate limited; not retrying"
                    );
                    // A refusal in a success answer's body (Carrot's `meta.status`) is reported as
                    // the 429 it stands for, not as the 200 it came in.
                    let status = match &result {
                        Ok(resp) if !resp.status().is_success() => Some(resp.status()),
                        Ok(_) => Some(http::StatusCode::TOO_MANY_REQUESTS),
                        Err(_) => None,
                    };
                    return Err(Error::RateLimited {
                        retry_after,
                        scope: RateLimitScope::Server,
                        status,
                    });
                }
                Decision::RetryAfter(_) if last => return result.map(|r| stamped(r, history)),
                // A retry that could not start before the call's deadline would only turn this
                // answer into a timeout: return it instead.
                Decision::RetryAfter(wait)
                    if facts.deadline.is_some_and(|by| {
                        tokio::time::Instant::now()
                            .checked_add(wait)
                            .is_none_or(|at| at >= by)
                    }) =>
                {
                    tracing::debug!(attempt, "no time left for a retry before the deadline");
                    return result.map(|r| stamped(r, history));
                }
                Decision::RetryAfter(wait) => {
                    if !shared.budget.withdraw() {
                        tracing::debug!(attempt, "retry budget exhausted");
                        return result.map(|r| stamped(r, history));
                    }
                    tracing::debug!(
                        attempt,
                        wait_ms = wait.as_millis() as u64,
                        classifier = classified.by,
                        "retrying"
                    );
                    // The answer is not needed past here: dropped now, it is not kept in the
                    // state while the loop waits.
                    drop(result);
                    tokio::time::sleep(wait).await;
                    history.earlier_may_have_applied |= classified.outcome.may_have_applied();
                    history.number += 1;
                }
            }
        }
    }
}

fn stamped(mut response: Response<Bytes>, history: Attempts) -> Response<Bytes> {
    response.extensions_mut().insert(history);
    response
}

/// One event per attempt: its number, its status or error, and the classifier that decided.
fn attempt_event(attempt: u32, result: &Result<Response<Bytes>, Error>, classifier: &str) {
    match result {
        Ok(resp) => tracing::debug!(
            attempt,
            status = resp.status().as_u16(),
            classifier,
            "attempt"
        ),
        Err(e) => tracing::debug!(attempt, error = %e, classifier, "attempt failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::Layer;

    const B: Duration = Duration::from_millis(123);

    fn cfg() -> RetryConfig {
        RetryConfig::default()
    }

    /// What the generic classifier chain makes of an answer with this status.
    fn answer(code: u16) -> Outcome {
        answer_with(code, None)
    }

    fn answer_with(code: u16, retry_after: Option<u64>) -> Outcome {
        let mut resp = Response::builder().status(code);
        if let Some(secs) = retry_after {
            resp = resp.header(http::header::RETRY_AFTER, secs.to_string());
        }
        let attempt = Ok(resp.body(Bytes::new()).unwrap());
        crate::classify::classify(None, &attempt).0
    }

    /// A vendor rule as the vendor crates write them: here 420 is a refusal.
    struct Refuses420;
    impl crate::classify::Classifier for Refuses420 {
        fn name(&self) -> &'static str {
            "test_420"
        }
        fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
            let resp = attempt.as_ref().ok()?;
            (resp.status().as_u16() == 420).then(|| Outcome::RateLimited(retry_after_of(resp)))
        }
    }
    static RULES_420: RetryRules = RetryRules::new(&[&Refuses420]);

    fn vendor_answer(code: u16) -> Outcome {
        let attempt = Ok(Response::builder().status(code).body(Bytes::new()).unwrap());
        crate::classify::classify(Some(&RULES_420), &attempt).0
    }

    /// The replay table, one row per case, for both replay classes: each answer is classified
    /// by the generic chain (or a vendor rule where said), then decided.
    #[test]
    fn replay_table() {
        use Decision::*;
        use Replay::*;
        let c = cfg();
        let rows: &[(Replay, Outcome, Decision)] = &[
            // never left the process: any method
            (Safe, Outcome::NotSent, RetryAfter(B)),
            (Unsafe, Outcome::NotSent, RetryAfter(B)),
            // refused unprocessed: any method, Retry-After wins over backoff
            (Unsafe, answer(429), RetryAfter(B)),
            // a vendor's own refusal status counts only when its rules say so
            (Unsafe, vendor_answer(420), RetryAfter(B)),
            (Unsafe, answer(420), Return),
            (
                Unsafe,
                answer_with(429, Some(7)),
                RetryAfter(Duration::from_secs(7)),
            ),
            // server-requested wait over the cap: give up at once
            (
                Safe,
                answer_with(429, Some(61)),
                RateLimited(Some(Duration::from_secs(61))),
            ),
            // a 5xx's wait is honoured within the cap, the backoff used beyond it
            (
                Safe,
                answer_with(503, Some(5)),
                RetryAfter(Duration::from_secs(5)),
            ),
            (Safe, answer_with(503, Some(61)), RetryAfter(B)),
            // may have been processed: only safe requests
            (Safe, answer(503), RetryAfter(B)),
            (Unsafe, answer(503), Return),
            (Safe, answer(500), RetryAfter(B)),
            (Unsafe, answer(500), Return),
            (Safe, Outcome::MaybeSent, RetryAfter(B)),
            (Unsafe, Outcome::MaybeSent, Return),
            // other answers: never
            (Safe, answer(200), Return),
            (Safe, answer(400), Return),
            (Unsafe, answer(404), Return),
            (Safe, answer(401), Return),
            (Safe, Outcome::Final, Return),
        ];
        for (replay, outcome, want) in rows {
            assert_eq!(
                decide(*replay, *outcome, 1, &c, B),
                *want,
                "{replay:?} {outcome:?}"
            );
        }
    }

    /// Which attempts may have been processed, for [`Attempts::earlier_may_have_applied`]:
    /// never one refused at connect, refused for rate limiting, or by our own checks.
    #[test]
    fn only_maybe_sent_and_5xx_attempts_may_have_applied() {
        for (outcome, applied) in [
            (Outcome::MaybeSent, true),
            (answer(500), true),
            (answer(503), true),
            (Outcome::NotSent, false),
            (answer(429), false),
            (vendor_answer(420), false),
            (Outcome::Final, false),
        ] {
            assert_eq!(outcome.may_have_applied(), applied, "{outcome:?}");
        }
    }

    #[test]
    fn attempts_are_bounded() {
        let c = cfg();
        assert_eq!(
            decide(Replay::Safe, Outcome::NotSent, 3, &c, B),
            Decision::Return
        );
        assert_eq!(
            decide(Replay::Safe, answer(503), 3, &c, B),
            Decision::Return
        );
        // a 429 on the last attempt surfaces as RateLimited, not as a bare answer
        assert_eq!(
            decide(Replay::Unsafe, answer(429), 3, &c, B),
            Decision::RateLimited(None)
        );
    }

    #[test]
    fn backoff_is_full_jitter_within_the_exponential_ceiling() {
        let c = RetryConfig {
            base_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(300),
            ..cfg()
        };
        let mut distinct = std::collections::BTreeSet::new();
        for _ in 0..200 {
            let b1 = c.backoff(1);
            let b3 = c.backoff(3);
            assert!(b1 <= Duration::from_millis(100));
            assert!(b3 <= Duration::from_millis(300), "capped");
            distinct.insert(b1.as_micros());
        }
        assert!(distinct.len() > 50, "jittered, not fixed");
    }

    /// Budget settings outside what `TpsBudget` accepts are brought into range: building the
    /// layer (so `Transport::builder().build()`) does not panic, and retries still happen.
    #[tokio::test(start_paused = true)]
    async fn out_of_range_budget_settings_do_not_panic() {
        use std::sync::atomic::{AtomicU32, Ordering};
        let all = cfg().max_attempts;
        // (ttl, min_per_sec, percent, attempts made against a server answering 503)
        for (ttl, min_per_sec, percent, attempts) in [
            (Duration::ZERO, u32::MAX, f32::NAN, all),
            // No allowance at all (a negative share counts as 0): the first attempt only.
            (Duration::MAX, 0, -1.0, 1),
            (Duration::from_millis(1), 5, f32::INFINITY, all),
        ] {
            let config = RetryConfig {
                budget_ttl: ttl,
                budget_min_per_sec: min_per_sec,
                budget_percent: percent,
                ..cfg()
            };
            let calls = Arc::new(AtomicU32::new(0));
            let counted = calls.clone();
            let server = tower::service_fn(move |_req: Request<Body>| {
                counted.fetch_add(1, Ordering::SeqCst);
                async {
                    let resp = Response::builder().status(503).body(Bytes::new()).unwrap();
                    Ok::<_, Error>(resp)
                }
            });
            let svc = RetryLayer::new(config).layer(server);
            let req = Request::get("http://unused/")
                .body(Body::default())
                .unwrap();
            let resp = svc.oneshot(req).await.unwrap();
            assert_eq!(resp.status(), 503);
            assert_eq!(
                calls.load(Ordering::SeqCst),
                attempts,
                "{ttl:?} {min_per_sec} {percent}"
            );
        }
    }

    #[test]
    fn retry_after_in_both_formats() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let mut h = HeaderMap::new();
        h.insert(http::header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), Some(Duration::from_secs(7)));
        let date = httpdate::fmt_http_date(now + Duration::from_secs(30));
        h.insert(http::header::RETRY_AFTER, date.parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), Some(Duration::from_secs(30)));
        let past = httpdate::fmt_http_date(now - Duration::from_secs(30));
        h.insert(http::header::RETRY_AFTER, past.parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), Some(Duration::ZERO));
        h.insert(http::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), None);
    }
}
