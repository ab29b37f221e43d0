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
        let meta = RequestMeta::of(&req);
        let span = tracing::info_span!(
            "chatdesk.call",
            vendor = meta.rate_key.vendor,
            endpoint = meta.endpoint,
            method = %req.method(),
            status = tracing::field::Empty,
            retry_classifier = tracing::field::Empty,
        );
        let fut = inner.call(req);
        let record = span.clone();
        Box::pin(
            async move {
                let result = fut.await;
                match &result {
                    Ok(resp) => {
                        record.record("status", resp.status().as_u16());
                    }
                    Err(e) => tracing::debug!(error = %e, "call failed"),
                }
                result
            }
            .instrument(span),
        )
    }
}
