//! Retry classification: a chain of named classifiers that say what one attempt's result means.
//!
//! The retry layer ([`crate::retry`]) and the rate limiter's refusal notice
//! ([`crate::ratelimit`]) never look at a status code themselves. They ask a chain of
//! [`Classifier`]s, each with a [`name`](Classifier::name), for an [`Outcome`]:
//!
//! 1. the vendor's own rules, carried by the request in a [`RetryRules`] extension (so one
//!    [`Transport`](crate::Transport) can serve several vendors, each with its own rules);
//! 2. the generic rules every HTTP API shares, [`GENERIC`]: a transport failure before or after
//!    sending ([`TransportErrors`]), a timeout ([`Timeouts`]), a `429 Too Many Requests`
//!    ([`TooManyRequests`]) and a `5xx` ([`ServerErrors`]);
//! 3. when nobody has an opinion, [`Outcome::Final`] by [`FALLBACK`].
//!
//! The first classifier that answers `Some` decides; its name is recorded in the
//! `chatdesk.call` span (field `retry_classifier`), in the per-attempt trace events, and in
//! [`Attempts::classifier`](crate::retry::Attempts::classifier). The transport knows no vendor:
//! a status such as Crisp's `420` means nothing to it until the Crisp crate attaches its rules.
//!
//! ```
//! use chatdesk_transport::classify::{Classifier, Outcome, RetryRules, classify};
//! use chatdesk_transport::{Error, bytes::Bytes, http::Response};
//!
//! /// "Enhance Your Calm": this vendor's way of saying 429.
//! struct Calm;
//! impl Classifier for Calm {
//!     fn name(&self) -> &'static str {
//!         "example_420"
//!     }
//!     fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
//!         let resp = attempt.as_ref().ok().filter(|r| r.status().as_u16() == 420)?;
//!         Some(Outcome::RateLimited(chatdesk_transport::retry::retry_after_of(resp)))
//!     }
//! }
//! static RULES: RetryRules = RetryRules::new(&[&Calm]);
//!
//! let answer = Ok(Response::builder().status(420).body(Bytes::new()).unwrap());
//! assert_eq!(classify(None, &answer), (Outcome::Final, "fallback"));
//! assert_eq!(classify(Some(&RULES), &answer), (Outcome::RateLimited(None), "example_420"));
//! ```

use crate::error::Error;
use crate::retry::retry_after_of;
use bytes::Bytes;
use http::{Request, Response, StatusCode};
use std::time::Duration;

/// What one attempt's result means for the replay rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The server refused the request **without processing it**, for rate limiting. Any
    /// request may be sent again, after the server's wait when it gave one.
    RateLimited(Option<Duration>),
    /// The server refused the request unprocessed because the token's **daily quota** (or
    /// another long quota) is spent, with how long until it frees up when the answer said.
    /// Retrying soon cannot succeed: the rate limiter marks the budget spent (see
    /// [`RateLimiter::exhausted`](crate::RateLimiter::exhausted)) and the call fails with
    /// [`Error::QuotaExhausted`]; later calls fail the same way before sending.
    QuotaExhausted(Option<Duration>),
    /// The server failed while handling the request: it may have been processed, so only a
    /// [`Replay::Safe`](crate::Replay::Safe) request is sent again (after the server's wait, if
    /// any and within the cap).
    ServerError(Option<Duration>),
    /// The request never reached the server; it may be sent again whatever it does.
    NotSent,
    /// The exchange failed after the request may have reached the server; only a
    /// [`Replay::Safe`](crate::Replay::Safe) request is sent again.
    MaybeSent,
    /// An answer or an error that no retry can change (a success, a 4xx, bad input, a body
    /// too large, our own limiter's refusal): handed to the caller as it is.
    Final,
}

impl Outcome {
    /// Whether trying again later could succeed: every outcome but [`Outcome::Final`].
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            Outcome::RateLimited(_)
                | Outcome::ServerError(_)
                | Outcome::NotSent
                | Outcome::MaybeSent
        )
    }

    /// Whether an attempt with this outcome may have been processed by the server.
    pub fn may_have_applied(self) -> bool {
        matches!(self, Outcome::ServerError(_) | Outcome::MaybeSent)
    }
}

/// One named rule of the retry classification chain.
///
/// A classifier looks at the result of one attempt (the buffered answer, or the error) and
/// either decides its [`Outcome`] or returns `None` to leave it to the next classifier.
/// Classifiers must be cheap: they run on every attempt, successes included.
pub trait Classifier: Send + Sync + 'static {
    /// A short stable name for traces, e.g. `"http_429"` or `"crisp_420"`.
    fn name(&self) -> &'static str;

    /// The outcome of `attempt`, or `None` for no opinion.
    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome>;

    /// The outcome of `attempt` with the name to report for it; what the chain calls. By
    /// default [`classify`](Self::classify)'s outcome under [`name`](Self::name). A classifier
    /// that makes several decisions from one look at the answer (one parse of the body, say)
    /// overrides it to name each decision on its own.
    fn decide(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<(Outcome, &'static str)> {
        self.classify(attempt).map(|o| (o, self.name()))
    }
}

/// A vendor's classifiers, consulted before the generic ones. Vendor crates insert one into
/// the extensions of every request they build:
///
/// ```
/// # use chatdesk_transport::classify::RetryRules;
/// # static RULES: RetryRules = RetryRules::new(&[]);
/// let mut req = http::Request::get("https://api.example/").body(()).unwrap();
/// req.extensions_mut().insert(RULES);
/// assert!(RetryRules::of(&req).is_some());
/// ```
#[derive(Clone, Copy)]
pub struct RetryRules {
    chain: &'static [&'static dyn Classifier],
}

impl RetryRules {
    /// Rules made of `chain`, consulted in order.
    pub const fn new(chain: &'static [&'static dyn Classifier]) -> RetryRules {
        RetryRules { chain }
    }

    /// The classifiers, in order.
    pub fn chain(&self) -> &'static [&'static dyn Classifier] {
        self.chain
    }

    /// The rules attached to `req`, if any.
    pub fn of<B>(req: &Request<B>) -> Option<RetryRules> {
        req.extensions().get::<RetryRules>().copied()
    }
}

impl std::fmt::Debug for RetryRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.chain.iter().map(|c| c.name()))
            .finish()
    }
}

/// Classifies `attempt`: the vendor `rules` first, then [`GENERIC`], then [`FALLBACK`]. Returns
/// the outcome and the name of the classifier that decided it.
pub fn classify(
    rules: Option<&RetryRules>,
    attempt: &Result<Response<Bytes>, Error>,
) -> (Outcome, &'static str) {
    let vendor = rules.map(|r| r.chain).unwrap_or(&[]);
    vendor
        .iter()
        .chain(GENERIC.iter())
        .find_map(|c| c.decide(attempt))
        .unwrap_or((Outcome::Final, FALLBACK))
}

/// The name reported when no classifier had an opinion and the result was taken as final.
pub const FALLBACK: &str = "fallback";

/// The generic chain, in the order it is consulted after the vendor's rules.
pub static GENERIC: [&dyn Classifier; 4] =
    [&TransportErrors, &Timeouts, &TooManyRequests, &ServerErrors];

/// Connection failures: [`Error::Connect`] and [`Error::Transport`] with `maybe_sent: false`
/// are [`Outcome::NotSent`]; [`Error::Transport`] after the request may have left is
/// [`Outcome::MaybeSent`]. Name: `"transport"`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TransportErrors;

impl Classifier for TransportErrors {
    fn name(&self) -> &'static str {
        "transport"
    }
    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        match attempt {
            Err(Error::Connect { .. })
            | Err(Error::Transport {
                maybe_sent: false, ..
            }) => Some(Outcome::NotSent),
            Err(Error::Transport { .. }) => Some(Outcome::MaybeSent),
            _ => None,
        }
    }
}

/// Deadlines: an [`Error::Timeout`] is [`Outcome::MaybeSent`] (or [`Outcome::NotSent`] when it
/// fired before anything was written). Name: `"timeout"`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timeouts;

impl Classifier for Timeouts {
    fn name(&self) -> &'static str {
        "timeout"
    }
    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        match attempt {
            Err(Error::Timeout {
                maybe_sent: false, ..
            }) => Some(Outcome::NotSent),
            Err(Error::Timeout { .. }) => Some(Outcome::MaybeSent),
            _ => None,
        }
    }
}

/// `429 Too Many Requests` (RFC 6585): refused unprocessed, [`Outcome::RateLimited`] with the
/// answer's `Retry-After`. Name: `"http_429"`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TooManyRequests;

impl Classifier for TooManyRequests {
    fn name(&self) -> &'static str {
        "http_429"
    }
    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        let resp = attempt.as_ref().ok()?;
        (resp.status() == StatusCode::TOO_MANY_REQUESTS)
            .then(|| Outcome::RateLimited(retry_after_of(resp)))
    }
}

/// Any `5xx` answer: [`Outcome::ServerError`] with the answer's `Retry-After`. Name:
/// `"http_5xx"`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ServerErrors;

impl Classifier for ServerErrors {
    fn name(&self) -> &'static str {
        "http_5xx"
    }
    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        let resp = attempt.as_ref().ok()?;
        resp.status()
            .is_server_error()
            .then(|| Outcome::ServerError(retry_after_of(resp)))
    }
}

/// Whether a vendor's error text speaks of a quota (`quota`, in any case): the conservative
/// rule by which the vendor crates tell a spent daily quota from a short refusal, as neither
/// Crisp nor Carrot documents a code for it. Used on the error code and message of a refusal
/// (429, Crisp's 420) only.
///
/// ```
/// use chatdesk_transport::classify::mentions_quota;
/// assert!(mentions_quota("Daily Quota exceeded"));
/// assert!(!mentions_quota("rate_limited"));
/// ```
pub fn mentions_quota(text: &str) -> bool {
    text.as_bytes()
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"quota"))
}

/// What the chain decided about an answer, put in the response's extensions by the layer that
/// classified it, so that the layers above do not classify the same answer again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classified {
    /// The outcome.
    pub outcome: Outcome,
    /// The name of the classifier that decided it.
    pub by: &'static str,
}

impl Classified {
    /// The classification of `attempt`: the one stamped on the answer by a lower layer, or else
    /// [`classify`]'s.
    pub fn of(rules: Option<&RetryRules>, attempt: &Result<Response<Bytes>, Error>) -> Classified {
        if let Ok(resp) = attempt
            && let Some(stamped) = resp.extensions().get::<Classified>()
        {
            return *stamped;
        }
        let (outcome, by) = classify(rules, attempt);
        Classified { outcome, by }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Attempt = Result<Response<Bytes>, Error>;

    fn answer(code: u16) -> Attempt {
        Ok(Response::builder().status(code).body(Bytes::new()).unwrap())
    }

    #[test]
    fn each_generic_classifier_decides_its_own_cases_only() {
        let cases: Vec<(Attempt, Outcome, &str)> = vec![
            (
                Err(Error::Connect {
                    source: "refused".into(),
                }),
                Outcome::NotSent,
                "transport",
            ),
            (
                Err(Error::Transport {
                    maybe_sent: false,
                    source: "x".into(),
                }),
                Outcome::NotSent,
                "transport",
            ),
            (
                Err(Error::Transport {
                    maybe_sent: true,
                    source: "x".into(),
                }),
                Outcome::MaybeSent,
                "transport",
            ),
            (
                Err(Error::Timeout {
                    after: Duration::from_secs(1),
                    maybe_sent: true,
                }),
                Outcome::MaybeSent,
                "timeout",
            ),
            (
                Err(Error::Timeout {
                    after: Duration::from_secs(1),
                    maybe_sent: false,
                }),
                Outcome::NotSent,
                "timeout",
            ),
            (answer(429), Outcome::RateLimited(None), "http_429"),
            (answer(500), Outcome::ServerError(None), "http_5xx"),
            (answer(503), Outcome::ServerError(None), "http_5xx"),
            // The transport knows no vendor: Crisp's 420 is an ordinary 4xx here.
            (answer(420), Outcome::Final, FALLBACK),
            (answer(200), Outcome::Final, FALLBACK),
            (answer(404), Outcome::Final, FALLBACK),
            (
                Err(Error::BodyTooLarge { limit: 1 }),
                Outcome::Final,
                FALLBACK,
            ),
        ];
        for (attempt, outcome, by) in cases {
            assert_eq!(classify(None, &attempt), (outcome, by), "{attempt:?}");
        }
    }

    #[test]
    fn retry_after_travels_with_429_and_5xx() {
        let resp = Response::builder()
            .status(503)
            .header("retry-after", "4")
            .body(Bytes::new())
            .unwrap();
        assert_eq!(
            ServerErrors.classify(&Ok(resp)),
            Some(Outcome::ServerError(Some(Duration::from_secs(4))))
        );
        let resp = Response::builder()
            .status(429)
            .header("retry-after", "2")
            .body(Bytes::new())
            .unwrap();
        assert_eq!(
            TooManyRequests.classify(&Ok(resp)),
            Some(Outcome::RateLimited(Some(Duration::from_secs(2))))
        );
    }

    struct Everything;
    impl Classifier for Everything {
        fn name(&self) -> &'static str {
            "everything_final"
        }
        fn classify(&self, _: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
            Some(Outcome::Final)
        }
    }

    #[test]
    fn vendor_rules_come_first_and_a_stamp_is_not_recomputed() {
        static RULES: RetryRules = RetryRules::new(&[&Everything]);
        assert_eq!(
            classify(Some(&RULES), &answer(503)),
            (Outcome::Final, "everything_final")
        );
        assert_eq!(format!("{RULES:?}"), "[\"everything_final\"]");
        let mut resp = Response::builder().status(503).body(Bytes::new()).unwrap();
        resp.extensions_mut().insert(Classified {
            outcome: Outcome::RateLimited(None),
            by: "stamp",
        });
        assert_eq!(
            Classified::of(None, &Ok(resp)).by,
            "stamp",
            "a lower layer's verdict is reused"
        );
    }
}
