//! A Crisp web hook receiver (feature `rtm`): a [`tower::Service`] you mount in hyper, axum or
//! any server taking one, that checks each delivery and yields its event on the same
//! [`Events`] stream RTM gives.
//!
//! ```no_run
//! use chatdesk_crisp_api::hooks::WebhookReceiver;
//! use futures_util::StreamExt;
//!
//! # async fn run() {
//! // Plugin hooks (Marketplace) are signed with the plugin's hook secret.
//! let (service, mut events) = WebhookReceiver::plugin("hook signing secret").build();
//! // Website hooks (website settings) are not signed: put a secret in the URL you give Crisp,
//! // `https://bot.example/crisp?key=…`, and check it.
//! let (website_service, website_events) = WebhookReceiver::website_key("url secret").build();
//! // Serve `service` (a `tower::Service<http::Request<B>>`, cheap to clone) with hyper or
//! // axum, e.g. `axum::Router::new().route_service("/crisp", service)`, then:
//! while let Some(item) = events.next().await {
//!     println!("{item:?}");
//! }
//! # drop((service, website_service, website_events)); }
//! ```
//!
//! What a delivery is answered:
//!
//! | answer | when | what it means for the event |
//! |---|---|---|
//! | `200` | the delivery is checked and its event is in the stream's buffer (as [`EventItem::Event`], or [`EventItem::Malformed`] when the data of a known name does not fit its type) | yielded once; not awaited: the answer is immediate |
//! | `400` | the body is not a hook (not JSON, no `event`) | not yielded (logged) |
//! | `401` | a missing or wrong signature, a stale timestamp ([`WebhookReceiver::max_age`]), a missing or wrong `?key=` | not yielded |
//! | `405` | not a `POST` | not yielded |
//! | `413` | a body over [`WebhookReceiver::body_limit`] (1 MiB by default) | not yielded |
//! | `500` | the receiver's secret is empty (not configured) | not yielded; Crisp retries, so nothing is lost while you fix it |
//! | `503` | the buffer is full (the consumer is behind), or the stream was closed or dropped | **not yielded: Crisp delivers it again later** (`X-Delivery-Attempt-Count`), so nothing is dropped silently; `Retry-After: 1` |
//!
//! Crisp retries deliveries it did not get a `200` for, up to `X-Delivery-Attempt-Limit`
//! attempts; an event may then arrive twice (a `200` lost on the way back). Use
//! [`Events::dedup`](crate::events::Events::dedup) to let it through once.
//!
//! Verification is over the raw body bytes with [`verify_signature`] (HMAC-SHA256 of
//! `[timestamp;body]`), before any parsing. Secrets are never in `Debug`, logs or traces.

use crate::events::{EventItem, Events, Received};
use bytes::Bytes;
use chatdesk_model::crisp::webhook::{
    SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookError, parse_webhook_raw, verify_signature,
    verify_signature_fresh,
};
use chatdesk_transport::Secret;
use http::header::{ALLOW, CONTENT_LENGTH, RETRY_AFTER};
use http::{HeaderValue, Method, Request, Response, StatusCode};
use http_body::Body;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc;

/// The header with the delivery attempt number (1 for the first).
pub const ATTEMPT_COUNT_HEADER: &str = "X-Delivery-Attempt-Count";

/// The largest body read by default (1 MiB): Crisp's hooks are a few KiB.
pub const DEFAULT_BODY_LIMIT: usize = 1 << 20;

/// Configures a web hook receiver: [`WebhookReceiver::plugin`] or
/// [`WebhookReceiver::website_key`], then [`WebhookReceiver::build`].
#[must_use]
pub struct WebhookReceiver {
    checks: Checks,
    buffer: usize,
}

#[derive(Clone)]
struct Checks {
    signing_secret: Option<Secret>,
    url_key: Option<Secret>,
    max_age: Option<Duration>,
    body_limit: usize,
}

impl fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("checks", &self.checks)
            .field("buffer", &self.buffer)
            .finish()
    }
}

impl fmt::Debug for Checks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Whether each secret is set, never its value.
        f.debug_struct("Checks")
            .field("signed", &self.signing_secret.is_some())
            .field("url_key", &self.url_key.is_some())
            .field("max_age", &self.max_age)
            .field("body_limit", &self.body_limit)
            .finish()
    }
}

impl WebhookReceiver {
    /// For plugin hooks (set up in the Crisp Marketplace): each delivery must carry a valid
    /// `X-Crisp-Signature` made with `signing_secret`, the plugin's hook secret.
    pub fn plugin(signing_secret: impl Into<Secret>) -> Self {
        WebhookReceiver::new(Some(signing_secret.into()), None)
    }

    /// For website hooks (set up in the website settings), which Crisp does not sign: each
    /// delivery must carry `?key=<key>` in its URL, the secret you put in the URL you gave
    /// Crisp, as Crisp's docs advise. Use HTTPS, or the key travels in clear.
    pub fn website_key(key: impl Into<Secret>) -> Self {
        WebhookReceiver::new(None, Some(key.into()))
    }

    fn new(signing_secret: Option<Secret>, url_key: Option<Secret>) -> Self {
        WebhookReceiver {
            checks: Checks {
                signing_secret,
                url_key,
                max_age: None,
                body_limit: DEFAULT_BODY_LIMIT,
            },
            buffer: 256,
        }
    }

    /// Also requires `?key=<key>` in the URL (in addition to the signature of a plugin hook).
    pub fn url_key(mut self, key: impl Into<Secret>) -> Self {
        self.checks.url_key = Some(key.into());
        self
    }

    /// Refuses (`401`) a signed delivery whose `X-Crisp-Request-Timestamp` is more than
    /// `max_age` away from this machine's clock, against replays. Off by default, as in both
    /// official clients: Crisp does not say whether a retry carries a new timestamp, and if it
    /// does not, a retry later than `max_age` would be refused on every attempt and lost.
    pub fn max_age(mut self, max_age: Duration) -> Self {
        self.checks.max_age = Some(max_age);
        self
    }

    /// The largest body read (1 MiB by default); a larger one is answered `413`.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.checks.body_limit = bytes;
        self
    }

    /// How many events wait for the consumer (256 by default; at least 1). When the buffer is
    /// full, deliveries are answered `503` and Crisp retries them later.
    pub fn buffer(mut self, items: usize) -> Self {
        self.buffer = items.max(1);
        self
    }

    /// The service to mount and the stream its events go to.
    pub fn build(self) -> (WebhookService, Events) {
        let (items, items_rx) = mpsc::channel(self.buffer);
        let shared = Arc::new(Shared {
            checks: self.checks,
            items: Mutex::new(Some(items)),
        });
        let events = Events::webhooks(items_rx, Arc::downgrade(&shared));
        (WebhookService { shared }, events)
    }
}

/// What the service and its stream share: the checks and the sending side of the buffer.
pub(crate) struct Shared {
    checks: Checks,
    /// `None` once the stream is closed.
    items: Mutex<Option<mpsc::Sender<Received>>>,
}

impl Shared {
    pub(crate) fn close(&self) {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }

    fn sender(&self) -> Option<mpsc::Sender<Received>> {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// The web hook endpoint: a [`tower::Service`] over `http::Request<B>` for any body `B`
/// (hyper's `Incoming`, axum's `Body`, …), answering an `http::Response<Full<Bytes>>` and never
/// failing. `Clone` (all clones feed the same stream); see the [module docs](self) for what it
/// answers.
#[derive(Clone)]
pub struct WebhookService {
    shared: Arc<Shared>,
}

impl fmt::Debug for WebhookService {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookService")
            .field("checks", &self.shared.checks)
            .field("closed", &self.shared.sender().is_none())
            .finish()
    }
}

impl<B> tower::Service<Request<B>> for WebhookService
where
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = Response<Full<Bytes>>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let shared = Arc::clone(&self.shared);
        Box::pin(async move { Ok(receive(&shared, request).await) })
    }
}

/// Why a delivery was not taken: its answer and a line for the log.
struct Refusal {
    status: StatusCode,
    why: String,
}

fn refuse(status: StatusCode, why: impl fmt::Display) -> Refusal {
    Refusal {
        status,
        why: why.to_string(),
    }
}

async fn receive<B>(shared: &Shared, request: Request<B>) -> Response<Full<Bytes>>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let attempt = request
        .headers()
        .get(ATTEMPT_COUNT_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u32>().ok());
    match take(shared, request).await {
        Ok(name) => {
            tracing::debug!(event = %name, ?attempt, "Crisp web hook received");
            answer(StatusCode::OK)
        }
        Err(Refusal { status, why }) => {
            tracing::warn!(status = status.as_u16(), ?attempt, %why, "Crisp web hook refused");
            let mut response = answer(status);
            if status == StatusCode::METHOD_NOT_ALLOWED {
                response
                    .headers_mut()
                    .insert(ALLOW, HeaderValue::from_static("POST"));
            }
            if status == StatusCode::SERVICE_UNAVAILABLE {
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from_static("1"));
            }
            response
        }
    }
}

fn answer(status: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}

/// Checks one delivery and puts its event in the buffer; the event name on success.
async fn take<B>(shared: &Shared, request: Request<B>) -> Result<String, Refusal>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let checks = &shared.checks;
    if request.method() != Method::POST {
        return Err(refuse(StatusCode::METHOD_NOT_ALLOWED, "not a POST"));
    }
    if let Some(key) = &checks.url_key {
        check_url_key(request.uri().query(), key)?;
    }
    // Refuse early what is announced too large; `Limited` catches what is not announced.
    let announced = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > checks.body_limit as u64) {
        return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, "body over the limit"));
    }
    // The buffer is checked before the body is read, so a full one costs no reading; the slot
    // is reserved only once the delivery is known good.
    if shared.sender().is_none_or(|s| s.capacity() == 0) {
        return Err(refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "the event buffer is full or closed",
        ));
    }
    let (head, body) = request.into_parts();
    let body = match Limited::new(body, checks.body_limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, "body over the limit"));
        }
        Err(e) => {
            return Err(refuse(
                StatusCode::BAD_REQUEST,
                format!("body not read: {e}"),
            ));
        }
    };
    if let Some(secret) = &checks.signing_secret {
        let header = |name| {
            head.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
        };
        let (timestamp, signature) = (header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER));
        let secret = secret.expose().as_bytes();
        let verified = match checks.max_age {
            Some(max_age) => {
                verify_signature_fresh(secret, &body, timestamp, signature, now_ms(), max_age)
            }
            None => verify_signature(secret, &body, timestamp, signature),
        };
        verified.map_err(|e| match e {
            WebhookError::EmptySecret | WebhookError::InvalidKey => {
                refuse(StatusCode::INTERNAL_SERVER_ERROR, e)
            }
            e => refuse(StatusCode::UNAUTHORIZED, e),
        })?;
    }
    let raw = parse_webhook_raw(&body).map_err(|e| refuse(StatusCode::BAD_REQUEST, e))?;
    let name = raw.event.clone();
    let item = EventItem::from_parts(raw.event, raw.data);
    // Reserve without waiting: a full buffer (filled since the check above) or a closed stream
    // is a 503, so Crisp delivers again; the event is never dropped here.
    let sender = shared.sender().ok_or_else(|| {
        refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "the event stream is closed",
        )
    })?;
    let permit = sender.try_reserve().map_err(|e| {
        refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            match e {
                mpsc::error::TrySendError::Full(()) => "the event buffer is full",
                mpsc::error::TrySendError::Closed(()) => "the event stream is closed",
            },
        )
    })?;
    permit.send(Ok(item));
    Ok(name)
}

/// Compares the `key` query parameter with `key` (in time independent of where they differ).
fn check_url_key(query: Option<&str>, key: &Secret) -> Result<(), Refusal> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or(""))
        .map_err(|_| refuse(StatusCode::UNAUTHORIZED, "unreadable query"))?;
    let given = pairs
        .iter()
        .find(|(name, _)| name == "key")
        .map(|(_, value)| value.as_bytes())
        .ok_or_else(|| refuse(StatusCode::UNAUTHORIZED, "no ?key= in the URL"))?;
    let expected = key.expose().as_bytes();
    if expected.is_empty() {
        return Err(refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the URL key is empty (not configured?)",
        ));
    }
    let same = given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0;
    if same {
        Ok(())
    } else {
        Err(refuse(StatusCode::UNAUTHORIZED, "wrong ?key= in the URL"))
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}
