//! Per-request metadata that the layers read from `http::Extensions`, or from beside the
//! request when it comes as a [`Described`].
//!
//! Vendor crates describe every request they build with one [`RequestMeta`]. Layers use it to decide
//! whether a request may be re-sent ([`Replay`]), which rate-limit bucket it draws from
//! ([`RateKey`]) and how to name it in traces. A request without metadata (for example one a user
//! builds by hand) gets [`RequestMeta::for_method`]'s conservative defaults.

use crate::Body;
use crate::classify::RetryRules;
use http::{Method, Request};
use tokio::time::Instant;

/// A request with what the stack needs to know about it, its [`RequestMeta`] and its vendor's
/// [`RetryRules`], kept beside it rather than in its extensions: what an endpoint call renders
/// ([`Op::describe`](crate::kit::Op::describe)) and the kit sends with
/// [`Transport::send_described`](crate::Transport::send_described).
///
/// Beside the request, the description costs nothing; in the extensions, it costs an
/// allocated map and a box per value on every call, looked up and freed again by a stack
/// whose sender does not read them. [`Described::into_request`] puts it there, for
/// [`Transport::send`](crate::Transport::send), for a user's service, or to inspect it.
///
/// ```
/// use chatdesk_transport::{Body, Described, Replay, RequestMeta};
/// let request = http::Request::get("https://api.example/v1/ping").body(Body::default()).unwrap();
/// let meta = RequestMeta { replay: Replay::Safe, ..RequestMeta::for_method(request.method()) };
/// let request = Described::new(request, meta).into_request();
/// assert_eq!(RequestMeta::of(&request).replay, Replay::Safe);
/// ```
#[derive(Debug)]
pub struct Described {
    /// The request, with none of the description in its extensions.
    pub request: Request<Body>,
    /// The endpoint's name, replay class and rate-limit bucket.
    pub meta: RequestMeta,
    /// The vendor's classifiers, consulted before the transport's own; `None`: only those.
    pub rules: Option<RetryRules>,
}

impl Described {
    /// `request` described by `meta`, with no vendor rules.
    pub fn new(request: Request<Body>, meta: RequestMeta) -> Described {
        Described {
            request,
            meta,
            rules: None,
        }
    }

    /// The same, with the vendor's `rules`.
    pub fn with_rules(mut self, rules: RetryRules) -> Described {
        self.rules = Some(rules);
        self
    }

    /// The request with its description in its extensions, where [`RequestMeta::of`] and
    /// [`RetryRules::of`] find it.
    pub fn into_request(self) -> Request<Body> {
        let mut request = self.request;
        let extensions = request.extensions_mut();
        extensions.insert(self.meta);
        if let Some(rules) = self.rules {
            extensions.insert(rules);
        }
        request
    }
}

/// The instant by which a request must be done, put on it by the timeout layers
/// ([`crate::TimeoutLayer`]): the narrower of the call's and the attempt's limits.
///
/// The rate-limit layer hands it to [`crate::ratelimit::RateLimiter::acquire_by`], so that a
/// limiter fails at once, unsent, instead of waiting into the timeout. The retry layer clones
/// the request for every attempt, extensions included, so every attempt carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Deadline(pub Instant);

impl Deadline {
    /// The deadline on `req`, if a timeout layer put one there.
    pub fn of<B>(req: &Request<B>) -> Option<Instant> {
        req.extensions().get::<Deadline>().map(|d| d.0)
    }

    /// Puts `by` on `req`, unless an earlier deadline is already there.
    pub fn narrow<B>(req: &mut Request<B>, by: Instant) {
        let by = Deadline::of(req).map_or(by, |old| old.min(by));
        req.extensions_mut().insert(Deadline(by));
    }
}

/// Whether a request may be sent again after it may have reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Replay {
    /// Sending it twice has the same effect as sending it once (reads, idempotent writes such as
    /// PUT of a whole document or DELETE of one resource).
    Safe,
    /// A second copy could apply the write twice (for example sending a message). Re-sent only
    /// when the request provably never left the process or the server refused it unprocessed
    /// (429, or a refusal by the vendor's [`crate::classify`] rules).
    Unsafe,
}

impl Replay {
    /// The replay class HTTP semantics give a method: GET, HEAD, OPTIONS, PUT and DELETE are
    /// idempotent; POST and PATCH are not.
    pub fn from_method(method: &Method) -> Replay {
        match *method {
            Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE => {
                Replay::Safe
            }
            _ => Replay::Unsafe,
        }
    }
}

/// The rate-limit bucket a request belongs to: a vendor and a route class of that vendor.
///
/// Route classes are coarse on purpose (for example `"conversation.messages"`), so that limiter
/// state stays small and traces stay low-cardinality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RateKey {
    /// The vendor, e.g. `"crisp"` or `"carrot"`.
    pub vendor: &'static str,
    /// The route class within that vendor.
    pub class: &'static str,
}

impl RateKey {
    /// A key for `vendor` and route class `class`.
    pub const fn new(vendor: &'static str, class: &'static str) -> RateKey {
        RateKey { vendor, class }
    }
}

/// What the layers need to know about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestMeta {
    /// The endpoint's name, for traces and errors (e.g. `"send_message_in_conversation"`).
    pub endpoint: &'static str,
    /// Whether the request may be re-sent after it may have been processed.
    pub replay: Replay,
    /// The rate-limit bucket.
    pub rate_key: RateKey,
}

impl RequestMeta {
    /// Conservative metadata for a request nobody described: replay class from the method, the
    /// shared `"default"` bucket.
    pub fn for_method(method: &Method) -> RequestMeta {
        RequestMeta {
            endpoint: "unnamed",
            replay: Replay::from_method(method),
            rate_key: RateKey::new("default", "default"),
        }
    }

    /// The metadata attached to `req`, or the defaults for its method.
    pub fn of<B>(req: &Request<B>) -> RequestMeta {
        req.extensions()
            .get::<RequestMeta>()
            .copied()
            .unwrap_or_else(|| RequestMeta::for_method(req.method()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_defaults_follow_http_idempotency() {
        for m in [Method::GET, Method::HEAD, Method::PUT, Method::DELETE] {
            assert_eq!(Replay::from_method(&m), Replay::Safe, "{m}");
        }
        for m in [Method::POST, Method::PATCH] {
            assert_eq!(Replay::from_method(&m), Replay::Unsafe, "{m}");
        }
    }

    #[test]
    fn explicit_meta_wins_over_method_default() {
        let mut req = Request::post("http://x/").body(()).unwrap();
        assert_eq!(RequestMeta::of(&req).replay, Replay::Unsafe);
        req.extensions_mut().insert(RequestMeta {
            endpoint: "e",
            replay: Replay::Safe,
            rate_key: RateKey::new("v", "c"),
        });
        assert_eq!(RequestMeta::of(&req).replay, Replay::Safe);
        assert_eq!(RequestMeta::of(&req).rate_key.class, "c");
    }

    #[test]
    fn a_deadline_only_narrows() {
        let mut req = Request::get("http://x/").body(()).unwrap();
        assert_eq!(Deadline::of(&req), None);
        let now = Instant::now();
        let soon = now + std::time::Duration::from_secs(1);
        let late = now + std::time::Duration::from_secs(5);
        Deadline::narrow(&mut req, late);
        assert_eq!(Deadline::of(&req), Some(late));
        Deadline::narrow(&mut req, soon);
        assert_eq!(Deadline::of(&req), Some(soon));
        Deadline::narrow(&mut req, late);
        assert_eq!(Deadline::of(&req), Some(soon));
        assert_eq!(Deadline::of(&req.clone()), Some(soon), "clones keep it");
    }
}
