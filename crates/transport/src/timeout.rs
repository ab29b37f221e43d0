//! A deadline on everything inside the layer: one attempt, or a whole call across retries.

use crate::error::Error;
use crate::layered::{AroundCall, Layered, inner_ready};
use crate::meta::Deadline;
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::Instant;
use tower::Service;

/// A tower `Layer` that fails with [`Error::Timeout`] when the inner service takes longer than the
/// limit. Placed around the retry layer it bounds a whole call; inside it, one attempt (including
/// reading the body).
///
/// It puts the instant the request must be done by on the request ([`Deadline`], the narrower
/// of one already there and its own), so that the rate limiter inside does not wait past it.
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

crate::layered::layered!(TimeoutLayer);

/// The service [`TimeoutLayer`] builds.
pub type Timeout<S> = Layered<TimeoutLayer, S>;

impl<S> AroundCall<S> for TimeoutLayer
where
    S: Service<Request<Body>, Response = Response<Bytes>, Error = Error>,
    S::Future: Send + 'static,
{
    fn poll_ready(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        inner_ready(inner, cx)
    }

    fn call(
        &self,
        inner: &mut S,
        mut req: Request<Body>,
    ) -> BoxFuture<Result<Response<Bytes>, Error>> {
        let Some(after) = self.after else {
            return Box::pin(inner.call(req));
        };
        // The layers inside (the rate limiter) learn by when the request must be done.
        let by = Instant::now().checked_add(after);
        if let Some(by) = by {
            Deadline::narrow(&mut req, by);
        }
        let fut = inner.call(req);
        Box::pin(within(by, after, fut))
    }
}

/// `fut`, unless the instant `by` (or, when that is past what the clock can say, `after` from
/// now) comes first: then [`Error::Timeout`] saying `after`.
async fn within<F, T>(by: Option<Instant>, after: Duration, fut: F) -> Result<T, Error>
where
    F: std::future::Future<Output = Result<T, Error>>,
{
    match by {
        Some(by) => timed(tokio::time::timeout_at(by, fut).await, after),
        None => timed(tokio::time::timeout(after, fut).await, after),
    }
}

/// The result of a tokio timeout of `after`: the inner result, or [`Error::Timeout`] when the
/// timer fired. Shared by [`TimeoutLayer`] and the fused default stack.
pub(crate) fn timed<T>(
    result: Result<Result<T, Error>, tokio::time::error::Elapsed>,
    after: Duration,
) -> Result<T, Error> {
    // We cannot tell how far the exchange got, so assume the worst for writes.
    result.unwrap_or(Err(Error::Timeout {
        after,
        maybe_sent: true,
    }))
}
