//! One `tracing` span per call, carrying the vendor, endpoint and method.
//!
//! Attempts are recorded as events inside the span by the retry layer, each naming the retry
//! classifier that decided it ([`crate::classify`]); the span's `retry_classifier` field names
//! the one that decided the last attempt. Nothing here reads headers or bodies, so credentials
//! cannot end up in a trace.

use crate::error::Error;
use crate::layered::{AroundCall, Layered, inner_ready};
use crate::meta::RequestMeta;
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use std::task::{Context, Poll};
use tower::Service;
use tracing::Instrument;

/// A tower `Layer` that opens a `chatdesk.call` span around each call.
#[derive(Debug, Clone, Copy, Default)]
pub struct TraceLayer;

crate::layered::layered!(TraceLayer);

/// The service [`TraceLayer`] builds.
pub type Trace<S> = Layered<TraceLayer, S>;

impl<S> AroundCall<S> for TraceLayer
where
    S: Service<Request<Body>, Response = Response<Bytes>, Error = Error>,
    S::Future: Send + 'static,
{
    fn poll_ready(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        inner_ready(inner, cx)
    }

    fn call(&self, inner: &mut S, req: Request<Body>) -> BoxFuture<Result<Response<Bytes>, Error>> {
        let span = call_span(&req);
        let fut = inner.call(req);
        Box::pin(traced(span, fut))
    }
}

/// The `chatdesk.call` span of `req`: vendor, endpoint and method; status and the deciding
/// retry classifier are recorded later.
pub(crate) fn call_span<B>(req: &Request<B>) -> tracing::Span {
    span_for(&RequestMeta::of(req), req.method())
}

/// The span of a call described by `meta`.
pub(crate) fn span_for(meta: &RequestMeta, method: &http::Method) -> tracing::Span {
    tracing::info_span!(
        "chatdesk.call",
        vendor = meta.rate_key.vendor,
        endpoint = meta.endpoint,
        method = %method,
        status = tracing::field::Empty,
        retry_classifier = tracing::field::Empty,
    )
}

/// `call` inside `span`, with the answer's status (or the error) recorded in it ([`record`]).
pub(crate) async fn traced<F>(span: tracing::Span, call: F) -> Result<Response<Bytes>, Error>
where
    F: std::future::Future<Output = Result<Response<Bytes>, Error>>,
{
    let record_in = span.clone();
    async move {
        let result = call.await;
        record(&record_in, &result);
        result
    }
    .instrument(span)
    .await
}

/// Records a call's result in its span: the answer's status, or a debug event for the error.
/// Shared by [`TraceLayer`] and the fused default stack.
pub(crate) fn record(span: &tracing::Span, result: &Result<Response<Bytes>, Error>) {
    match result {
        Ok(resp) => {
            span.record("status", resp.status().as_u16());
        }
        Err(e) => tracing::debug!(error = %e, "call failed"),
    }
}
