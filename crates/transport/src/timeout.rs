//! A deadline on everything inside the layer: one attempt, or a whole call across retries.

use crate::error::Error;
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use std::task::{Context, Poll};
use std::time::Duration;
use tower::{Layer, Service};

/// A [`Layer`] that fails with [`Error::Timeout`] when the inner service takes longer than the
/// limit. Placed around the retry layer it bounds a whole call; inside it, one attempt (including
/// reading the body).
#[derive(Debug, Clone, Copy)]
pub struct TimeoutLayer {
    after: Option<Duration>,
}

impl TimeoutLayer {
    /// A layer with the given limit (`None`: no limit, the layer passes calls through).
    pub fn new(after: impl Into<Option<Duration>>) -> TimeoutLayer {
        TimeoutLayer {
            after: after.into(),
        }
    }
}

impl<S> Layer<S> for TimeoutLayer {
    type Service = Timeout<S>;
    fn layer(&self, inner: S) -> Timeout<S> {
        Timeout {
            inner,
            after: self.after,
        }
    }
}

/// The service [`TimeoutLayer`] builds.
#[derive(Debug, Clone)]
pub struct Timeout<S> {
    inner: S,
    after: Option<Duration>,
}

impl<S> Service<Request<Body>> for Timeout<S>
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
        let fut = self.inner.call(req);
        let Some(after) = self.after else {
            return Box::pin(fut);
        };
        Box::pin(async move {
            match tokio::time::timeout(after, fut).await {
                Ok(result) => result,
                // We cannot tell how far the exchange got, so assume the worst for writes.
                Err(_) => Err(Error::Timeout {
                    after,
                    maybe_sent: true,
                }),
            }
        })
    }
}
