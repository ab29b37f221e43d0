//! The adapter between any HTTP service and our stack: buffers the response body under a size
//! cap and turns the service's errors into [`Error`]s that say whether the request left.

use crate::error::{BoxError, Error};
use crate::layered::{AroundCall, Layered};
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use std::task::{Context, Poll};
use tower::Service;

/// The default cap on a response body: 8 MiB.
pub const DEFAULT_MAX_BODY: usize = 8 * 1024 * 1024;

/// A tower `Layer` that makes a service returning any `http_body::Body` into one returning
/// `Response<Bytes>`, reading at most `max_body` bytes.
#[derive(Debug, Clone, Copy)]
pub struct CollectLayer {
    max_body: usize,
}

impl CollectLayer {
    /// A layer with the given body cap in bytes.
    pub fn new(max_body: usize) -> CollectLayer {
        CollectLayer { max_body }
    }

    /// The body cap in bytes.
    pub fn max_body(&self) -> usize {
        self.max_body
    }
}

impl Default for CollectLayer {
    fn default() -> Self {
        CollectLayer::new(DEFAULT_MAX_BODY)
    }
}

crate::layered::layered!(CollectLayer);

/// The service [`CollectLayer`] builds.
pub type Collect<S> = Layered<CollectLayer, S>;

impl<S, B> AroundCall<S> for CollectLayer
where
    S: Service<Request<Body>, Response = Response<B>>,
    S::Error: Into<BoxError> + 'static,
    S::Future: Send + 'static,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    fn poll_ready(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        inner
            .poll_ready(cx)
            .map_err(|e| classify_send_error(e.into()))
    }

    fn call(&self, inner: &mut S, req: Request<Body>) -> BoxFuture<Result<Response<Bytes>, Error>> {
        Box::pin(collected(inner.call(req), self.max_body))
    }
}

/// The answer `sent` resolves to, its body read under `max_body` bytes; the sender's errors
/// become [`Error`]s that say whether the request left. Shared by [`CollectLayer`] and the
/// fused default stack.
pub(crate) async fn collected<F, B, E>(sent: F, max_body: usize) -> Result<Response<Bytes>, Error>
where
    F: std::future::Future<Output = Result<Response<B>, E>>,
    E: Into<BoxError>,
    B: http_body::Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    let resp = sent.await.map_err(|e| classify_send_error(e.into()))?;
    let (parts, body) = resp.into_parts();
    let collected = Limited::new(body, max_body).collect().await.map_err(|e| {
        if e.is::<LengthLimitError>() {
            Error::BodyTooLarge { limit: max_body }
        } else {
            // The answer had started: the request was certainly received.
            Error::Transport {
                maybe_sent: true,
                source: e,
            }
        }
    })?;
    Ok(Response::from_parts(parts, collected.to_bytes()))
}

/// Whether an error from sending says the request never left the process.
pub(crate) fn classify_send_error(e: BoxError) -> Error {
    let e = match e.downcast::<Error>() {
        Ok(ours) => return *ours,
        Err(e) => e,
    };
    #[cfg(feature = "hyper-client")]
    if e.downcast_ref::<hyper_util::client::legacy::Error>()
        .is_some_and(|he| he.is_connect())
    {
        return Error::Connect { source: e };
    }
    if e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::ConnectionRefused)
    {
        return Error::Connect { source: e };
    }
    Error::Transport {
        maybe_sent: true,
        source: e,
    }
}
