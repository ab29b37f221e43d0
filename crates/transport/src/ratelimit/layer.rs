//! [`RateLimitLayer`]: the tower layer that consults a [`RateLimiter`] around each attempt.

use super::RateLimiter;
use crate::classify::{Classified, Outcome, RetryRules};
use crate::error::Error;
use crate::layered::{AroundCall, Layered, inner_ready};
use crate::meta::{Deadline, RateKey, RequestMeta};
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use std::sync::Arc;
use std::task::{Context, Poll};
use tower::Service;

/// A tower `Layer` that asks a [`RateLimiter`] before each attempt and tells it about refusals.
#[derive(Clone)]
pub struct RateLimitLayer {
    limiter: Arc<dyn RateLimiter>,
}

impl RateLimitLayer {
    /// A layer over `limiter`.
    pub fn new(limiter: Arc<dyn RateLimiter>) -> RateLimitLayer {
        RateLimitLayer { limiter }
    }
}

crate::layered::layered!(RateLimitLayer);

/// The service [`RateLimitLayer`] builds.
pub type RateLimit<S> = Layered<RateLimitLayer, S>;

impl<S> AroundCall<S> for RateLimitLayer
where
    S: Service<Request<Body>, Response = Response<Bytes>, Error = Error> + Clone + Send + 'static,
    S::Future: Send,
{
    fn poll_ready(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        inner_ready(inner, cx)
    }

    fn call(&self, inner: &mut S, req: Request<Body>) -> BoxFuture<Result<Response<Bytes>, Error>> {
        let clone = inner.clone();
        let mut inner = std::mem::replace(inner, clone);
        let limiter = self.limiter.clone();
        let key = RequestMeta::of(&req).rate_key;
        let deadline = Deadline::of(&req);
        let rules = RetryRules::of(&req);
        Box::pin(async move {
            limiter.acquire_now(key, deadline).wait().await?;
            let result = inner.call(req).await;
            match settle(&*limiter, key, rules.as_ref(), result) {
                // The verdict travels on with the answer, so that the retry layer does not
                // decide it again.
                Settled::Answer(answer, classified) => answer.map(|mut resp| {
                    resp.extensions_mut().insert(classified);
                    resp
                }),
                Settled::QuotaExhausted(resets_in) => {
                    Err(quota_error(&*limiter, key, resets_in).await)
                }
            }
        })
    }
}

/// What [`settle`] made of an attempt's result.
pub(crate) enum Settled {
    /// The result to hand on, with the classifier chain's verdict on it.
    Answer(Result<Response<Bytes>, Error>, Classified),
    /// The vendor said the token's quota is spent (and when it frees up, if it said): the
    /// call stops with [`quota_error`]'s error.
    QuotaExhausted(Option<std::time::Duration>),
}

/// Tells `limiter` what one attempt's result means, by the classifier chain's verdict (not a
/// status list), and hands the verdict on with the result, so that the retry loop does not
/// decide it again. Shared by [`RateLimitLayer`] and the fused default stack.
pub(crate) fn settle(
    limiter: &dyn RateLimiter,
    key: RateKey,
    rules: Option<&RetryRules>,
    result: Result<Response<Bytes>, Error>,
) -> Settled {
    let classified = Classified::of(rules, &result);
    if result.is_ok() {
        match classified.outcome {
            Outcome::RateLimited(retry_after) => limiter.refused(key, retry_after),
            // Mark the quota spent: later calls get the same error before sending.
            Outcome::QuotaExhausted(resets_in) => {
                limiter.exhausted(key, resets_in);
                return Settled::QuotaExhausted(resets_in);
            }
            _ => limiter.succeeded(key),
        }
    }
    Settled::Answer(result, classified)
}

/// The error of a call stopped by a spent quota: when it frees up, as the answer said or else
/// as the limiter's budget says.
pub(crate) async fn quota_error(
    limiter: &dyn RateLimiter,
    key: RateKey,
    resets_in: Option<std::time::Duration>,
) -> Error {
    let budget = limiter.budget(key.vendor).await;
    Error::QuotaExhausted {
        vendor: key.vendor,
        resets_in: resets_in.or(budget.map(|b| b.resets_in)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::RateLimitScope;
    use crate::ratelimit::{LocalRateLimiter, Quota};
    use crate::retry::DEFAULT_MAX_RETRY_AFTER;
    use std::time::Duration;
    use tower::Layer;

    const K: crate::RateKey = crate::RateKey::new("crisp", "messages");

    /// A server's `Retry-After` of `u64::MAX` seconds (held to the 60 s ceiling, beyond this
    /// limiter's 10 s `max_wait`), and a hand-built quota with a zero burst and the largest
    /// interval, are refusals, not overflow panics.
    #[tokio::test(start_paused = true)]
    async fn absurd_waits_and_quotas_fail_the_call_instead_of_panicking() {
        let limiter = Arc::new(LocalRateLimiter::new().max_wait(Duration::from_secs(10)));
        let server = tower::service_fn(|_req: Request<Body>| async {
            let resp = Response::builder()
                .status(429)
                .header("retry-after", u64::MAX.to_string())
                .body(Bytes::new())
                .unwrap();
            Ok::<_, Error>(resp)
        });
        let mut svc = RateLimitLayer::new(limiter.clone()).layer(server);
        let req = || {
            Request::get("http://unused/")
                .body(Body::default())
                .unwrap()
        };
        let resp = svc.call(req()).await.unwrap();
        assert_eq!(resp.status(), 429);
        let err = svc.call(req()).await.unwrap_err();
        assert!(matches!(
            err,
            Error::RateLimited {
                scope: RateLimitScope::Client,
                retry_after: Some(d),
                status: None,
            } if d == DEFAULT_MAX_RETRY_AFTER
        ));

        let quota = Quota {
            interval: Duration::MAX,
            burst: 0,
        };
        let l = LocalRateLimiter::new().vendor_quota("crisp", quota);
        l.acquire(K).await.unwrap();
        assert!(matches!(
            l.acquire(K).await,
            Err(Error::RateLimited {
                scope: RateLimitScope::Client,
                ..
            })
        ));
    }
}
