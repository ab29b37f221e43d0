//! [`Transport`]: the assembled stack, and the builder that assembles it.

use crate::collect::{CollectLayer, DEFAULT_MAX_BODY};
use crate::error::{BoxError, Error};
use crate::meta::Described;
use crate::ratelimit::{LocalRateLimiter, RateLimitLayer, RateLimiter};
use crate::retry::{RetryBudget, RetryConfig, RetryLayer};
use crate::stack::{Fused, Sender};
use crate::timeout::TimeoutLayer;
use crate::trace::TraceLayer;
use crate::{Body, BoxFuture, HttpService};
use bytes::Bytes;
use http::{Request, Response};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tower::util::BoxCloneSyncService;
use tower::{Layer, Service, ServiceExt};

type Wrap = Box<dyn FnOnce(HttpService) -> HttpService + Send>;
type MakeInner = Box<dyn FnOnce(CollectLayer) -> HttpService + Send>;

/// The assembled stack: fused into one future per call when no user layer sits around the
/// retries ([`crate::stack`]), else the layers as tower services.
#[derive(Clone)]
pub(crate) enum Stack {
    Fused(Arc<Fused>),
    Layered(HttpService),
}

/// The HTTP stack every chatdesk client sends through: cheap to clone, `Send + Sync`, no
/// background task.
///
/// Clones share the connection pool, the rate limiter and the retry budget, so one `Transport`
/// can serve many tasks and both vendor clients.
///
/// The layers, outermost first:
///
/// 1. tracing span per call ([`crate::TraceLayer`]);
/// 2. overall deadline ([`Self::builder`]'s `call_timeout`);
/// 3. your [`TransportBuilder::layer_per_call`] layers;
/// 4. retries ([`crate::RetryLayer`]);
/// 5. rate limiting, per attempt ([`crate::RateLimitLayer`]);
/// 6. per-attempt deadline;
/// 7. your [`TransportBuilder::layer_per_attempt`] layers;
/// 8. body collection with a size cap ([`crate::CollectLayer`]) over the inner service
///    (hyper-util's pooled client, or yours from [`TransportBuilder::service`]).
///
/// Without a per-call layer, the transport's own layers run fused, as one future per call
/// that does all of the above in this order. That costs less per call than a chain of tower
/// services. A per-call layer makes the builder compose the layers as tower services instead,
/// with the same behaviour. The `Debug` output names the composition (`stack: "fused"` or
/// `"layered"`).
///
/// ```no_run
/// use chatdesk_transport::{LocalRateLimiter, Quota, RetryConfig, Transport};
/// use std::time::Duration;
///
/// let transport = Transport::builder()
///     .retry(RetryConfig { max_attempts: 5, ..RetryConfig::default() })
///     .rate_limiter(LocalRateLimiter::new().vendor_quota("carrot", Quota::per_second(5, 5)))
///     .attempt_timeout(Duration::from_secs(10))
///     .call_timeout(Duration::from_secs(60))
///     .build();
/// # let _ = transport;
/// ```
#[derive(Clone)]
pub struct Transport {
    pub(crate) stack: Stack,
    limiter: Arc<dyn RateLimiter>,
    retry_budget: RetryBudget,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stack = match self.stack {
            Stack::Fused(_) => "fused",
            Stack::Layered(_) => "layered",
        };
        f.debug_struct("Transport")
            .field("stack", &stack)
            .finish_non_exhaustive()
    }
}

impl Default for Transport {
    fn default() -> Self {
        Transport::builder().build()
    }
}

impl Transport {
    /// A builder with the defaults: 3 attempts, a reactive rate limiter, 30 s per attempt,
    /// 120 s per call, 8 MiB body cap, hyper-util's client.
    pub fn builder() -> TransportBuilder {
        TransportBuilder {
            retry: RetryConfig::default(),
            limiter: Arc::new(LocalRateLimiter::new()),
            attempt_timeout: Some(Duration::from_secs(30)),
            call_timeout: Some(Duration::from_secs(120)),
            max_body: DEFAULT_MAX_BODY,
            per_call: Vec::new(),
            per_attempt: Vec::new(),
            inner: None,
        }
    }

    /// Sends a request through the stack and returns the buffered response. Non-2xx answers
    /// are returned as responses (vendor crates turn them into [`Error::Api`]); rate-limit
    /// refusals that outlast the retries come back as [`Error::RateLimited`].
    pub fn send(&self, req: Request<Body>) -> BoxFuture<Result<Response<Bytes>, Error>> {
        match &self.stack {
            Stack::Fused(fused) => Box::pin(fused.call(fused.prepare(req))),
            Stack::Layered(service) => Box::pin(service.clone().oneshot(req)),
        }
    }

    /// [`send`](Self::send) for a request whose [`RequestMeta`](crate::RequestMeta) and
    /// [`RetryRules`](crate::RetryRules) come beside it: what the endpoint kit sends. It
    /// behaves as `send(described.into_request())`, and spares the extension map on every
    /// call when nothing below the stack reads it (the default stack with hyper-util's
    /// client); a user's inner service or layers still find the description in the
    /// extensions.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), chatdesk_transport::Error> {
    /// use chatdesk_transport::{Body, Described, RequestMeta, Transport};
    /// let transport = Transport::default();
    /// let request = http::Request::get("https://api.example/v1/ping").body(Body::default()).unwrap();
    /// let meta = RequestMeta::for_method(request.method());
    /// let response = transport.send_described(Described::new(request, meta)).await?;
    /// # Ok(()) }
    /// ```
    pub fn send_described(
        &self,
        described: Described,
    ) -> BoxFuture<Result<Response<Bytes>, Error>> {
        match &self.stack {
            Stack::Fused(fused) => Box::pin(fused.call(fused.prepare_described(described))),
            Stack::Layered(service) => Box::pin(service.clone().oneshot(described.into_request())),
        }
    }

    /// The rate limiter this transport consults (shared by all its clones).
    pub fn rate_limiter(&self) -> &Arc<dyn RateLimiter> {
        &self.limiter
    }

    /// The retry budget this transport's retries withdraw from (shared by all its clones), for
    /// re-sends decided above the transport.
    pub fn retry_budget(&self) -> &RetryBudget {
        &self.retry_budget
    }

    /// The stack as a boxed tower service.
    pub fn into_service(self) -> HttpService {
        match self.stack {
            Stack::Fused(_) => BoxCloneSyncService::new(self),
            Stack::Layered(service) => service,
        }
    }
}

impl Service<Request<Body>> for Transport {
    type Response = Response<Bytes>;
    type Error = Error;
    type Future = BoxFuture<Result<Response<Bytes>, Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        match &mut self.stack {
            // Every attempt waits for what it needs (a rate-limit slot, a connection) in
            // the call's future.
            Stack::Fused(_) => Poll::Ready(Ok(())),
            Stack::Layered(service) => service.poll_ready(cx),
        }
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        match &mut self.stack {
            Stack::Fused(fused) => Box::pin(fused.call(fused.prepare(req))),
            Stack::Layered(service) => Box::pin(service.call(req)),
        }
    }
}

/// Assembles a [`Transport`]; see there for the layer order.
#[must_use]
pub struct TransportBuilder {
    retry: RetryConfig,
    limiter: Arc<dyn RateLimiter>,
    attempt_timeout: Option<Duration>,
    call_timeout: Option<Duration>,
    max_body: usize,
    per_call: Vec<Wrap>,
    per_attempt: Vec<Wrap>,
    inner: Option<MakeInner>,
}

impl TransportBuilder {
    /// Sets the retry behaviour ([`RetryConfig::disabled`] to turn retries off, e.g. when you
    /// add your own retry layer).
    pub fn retry(mut self, config: RetryConfig) -> Self {
        self.retry = config;
        self
    }

    /// Sets the rate limiter (by default a [`LocalRateLimiter`] with no quotas). Share one
    /// limiter between transports by passing clones of it.
    pub fn rate_limiter(mut self, limiter: impl RateLimiter) -> Self {
        self.limiter = Arc::new(limiter);
        self
    }

    /// Like [`Self::rate_limiter`] for a limiter that is already shared.
    pub fn shared_rate_limiter(mut self, limiter: Arc<dyn RateLimiter>) -> Self {
        self.limiter = limiter;
        self
    }

    /// The deadline for one attempt, body included (`None`: no limit). Default 30 s.
    pub fn attempt_timeout(mut self, after: impl Into<Option<Duration>>) -> Self {
        self.attempt_timeout = after.into();
        self
    }

    /// The deadline for a whole call, retries and rate-limit waits included (`None`: no
    /// limit). Default 120 s.
    pub fn call_timeout(mut self, after: impl Into<Option<Duration>>) -> Self {
        self.call_timeout = after.into();
        self
    }

    /// The largest response body read, in bytes; a larger one fails with
    /// [`Error::BodyTooLarge`]. Default 8 MiB.
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Adds a layer around each call, outside the retries (it sees one request per call).
    /// Layers added first end up outermost. Its errors are converted with [`Error::from_boxed`].
    pub fn layer_per_call<L>(mut self, layer: L) -> Self
    where
        L: Layer<HttpService> + Send + 'static,
        L::Service:
            Service<Request<Body>, Response = Response<Bytes>> + Clone + Send + Sync + 'static,
        <L::Service as Service<Request<Body>>>::Error: Into<BoxError>,
        <L::Service as Service<Request<Body>>>::Future: Send + 'static,
    {
        self.per_call
            .push(Box::new(move |svc| boxed(layer.layer(svc))));
        self
    }

    /// Adds a layer around each attempt, inside the retries and the rate limiter (it sees every
    /// re-send). Layers added first end up outermost.
    pub fn layer_per_attempt<L>(mut self, layer: L) -> Self
    where
        L: Layer<HttpService> + Send + 'static,
        L::Service:
            Service<Request<Body>, Response = Response<Bytes>> + Clone + Send + Sync + 'static,
        <L::Service as Service<Request<Body>>>::Error: Into<BoxError>,
        <L::Service as Service<Request<Body>>>::Future: Send + 'static,
    {
        self.per_attempt
            .push(Box::new(move |svc| boxed(layer.layer(svc))));
        self
    }

    /// Replaces the inner HTTP service (a proxy client, a recorder, a test double). Any body
    /// type works; it is read under the size cap.
    pub fn service<S, B>(mut self, service: S) -> Self
    where
        S: Service<Request<Body>, Response = Response<B>> + Clone + Send + Sync + 'static,
        S::Error: Into<BoxError> + 'static,
        S::Future: Send + 'static,
        B: http_body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
    {
        self.inner = Some(Box::new(move |collect: CollectLayer| {
            BoxCloneSyncService::new(collect.layer(service))
        }));
        self
    }

    /// Assembles the stack.
    ///
    /// With no [`layer_per_call`](Self::layer_per_call) layer, our own layers run as one
    /// future per call (see [`Transport`]'s layer order, which it keeps); with one, they are
    /// composed as tower services and boxed only where a user layer sits between them.
    pub fn build(self) -> Transport {
        let collect = CollectLayer::new(self.max_body);
        let retry = RetryLayer::new(self.retry);
        let retry_budget = retry.budget();
        if self.per_call.is_empty() {
            let sender = match self.inner {
                Some(make) => Sender::Service(wrapped(make(collect), self.per_attempt)),
                None if self.per_attempt.is_empty() => default_sender(collect),
                None => Sender::Service(wrapped(default_inner(collect), self.per_attempt)),
            };
            let fused = Fused {
                sender,
                retry: retry.shared().clone(),
                limiter: self.limiter.clone(),
                attempt_timeout: self.attempt_timeout,
                call_timeout: self.call_timeout,
            };
            return Transport {
                stack: Stack::Fused(Arc::new(fused)),
                limiter: self.limiter,
                retry_budget,
            };
        }
        let attempt = match self.inner {
            Some(make) => make(collect),
            None => default_inner(collect),
        };
        let attempt = wrapped(attempt, self.per_attempt);
        let per_call = (
            retry,
            RateLimitLayer::new(self.limiter.clone()),
            TimeoutLayer::new(self.attempt_timeout),
        )
            .layer(attempt);
        let mut svc: HttpService = BoxCloneSyncService::new(per_call);
        for wrap in self.per_call.into_iter().rev() {
            svc = wrap(svc);
        }
        let outer = (TraceLayer, TimeoutLayer::new(self.call_timeout));
        Transport {
            stack: Stack::Layered(BoxCloneSyncService::new(outer.layer(svc))),
            limiter: self.limiter,
            retry_budget,
        }
    }
}

/// `attempt` inside the user's per-attempt layers (the first added outermost).
fn wrapped(mut attempt: HttpService, layers: Vec<Wrap>) -> HttpService {
    for wrap in layers.into_iter().rev() {
        attempt = wrap(attempt);
    }
    attempt
}

fn boxed<S>(svc: S) -> HttpService
where
    S: Service<Request<Body>, Response = Response<Bytes>> + Clone + Send + Sync + 'static,
    S::Error: Into<BoxError>,
    S::Future: Send + 'static,
{
    BoxCloneSyncService::new(svc.map_err(|e: S::Error| Error::from_boxed(e.into())))
}

#[cfg(feature = "hyper-client")]
fn default_inner(collect: CollectLayer) -> HttpService {
    match crate::client::hyper_client() {
        Ok(client) => BoxCloneSyncService::new(collect.layer(client)),
        Err(e) => failing(tls_failed(e)),
    }
}

/// The fused stack's sender without user layers: hyper-util's client, called directly.
#[cfg(feature = "hyper-client")]
fn default_sender(collect: CollectLayer) -> Sender {
    match crate::client::hyper_client() {
        Ok(client) => Sender::Hyper {
            client,
            max_body: collect.max_body(),
        },
        Err(e) => Sender::Service(failing(tls_failed(e))),
    }
}

#[cfg(feature = "hyper-client")]
fn tls_failed(e: rustls::Error) -> Error {
    Error::InvalidRequest {
        reason: "could not set up TLS".into(),
        source: Some(Box::new(e)),
    }
}

#[cfg(not(feature = "hyper-client"))]
fn default_inner(_collect: CollectLayer) -> HttpService {
    failing(Error::invalid(
        "no inner HTTP service: enable the `hyper-client` feature or call TransportBuilder::service",
    ))
}

#[cfg(not(feature = "hyper-client"))]
fn default_sender(collect: CollectLayer) -> Sender {
    Sender::Service(default_inner(collect))
}

/// A service that answers every request with (a description of) `err`.
fn failing(err: Error) -> HttpService {
    let reason = err.to_string();
    BoxCloneSyncService::new(tower::service_fn(move |_req: Request<Body>| {
        let reason = reason.clone();
        async move { Err::<Response<Bytes>, Error>(Error::invalid(reason)) }
    }))
}
