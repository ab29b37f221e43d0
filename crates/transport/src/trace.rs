//! One `tracing` span per call, carrying the vendor, endpoint and method.
//!
//! Attempts are recorded as events inside the span by the retry layer, each naming the retry
//! classifier that decided it ([`crate::classify`]); the span's `retry_classifier` field names
//! the one that decided the last attempt. Nothing here reads headers or bodies, so credentials
//! cannot end up in a trace.

use crate::error::Error;
use crate::meta::RequestMeta;
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use std::task::{Context, Poll};
use tower::{Layer, Service};
use tracing::Instrument;

/// A [`Layer`] that opens a `chatdesk.call` span around each call.
#[derive(Debug, Clone, Copy, Default)]
pub struct TraceLayer;

impl<S> Layer<S> for TraceLayer {
    type Service = Trace<S>;
    fn layer(&self, inner: S) -> Trace<S> {
        Trace { inner }
    }
}

/// The service [`TraceLayer`] builds.
#[derive(Debug, Clone)]
pub struct Trace<S> {
    inner: S,
}

impl<S> Service<Request<Body>> for Trace<S>
where
    S: Service<Request<Body>, Response = Response<Bytes>, Error = Error>,
    S::Future: Send + 'static,
{
    type Response = Response<Bytes>;
    type Error = Error;
    type Future = BoxFuture<Result<Response<Bytes>, Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        let meta = RequestMeta::of(&req);
        let span = tracing::info_span!(
            "chatdesk.call",
            vendor = meta.rate_key.vendor,
            endpoint = meta.endpoint,
            method = %req.method(),
            status = tracing::field::Empty,
            retry_classifier = tracing::field::Empty,
        );
        let fut = self.inner.call(req);
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
