//! The one service shape every layer of the stack shares.
//!
//! Each of our layers (tracing, timeouts, retries, rate limiting, body collection) is a small
//! value holding its settings; what it does to a call is its [`AroundCall`] implementation. The
//! `tower::Layer` and `tower::Service` plumbing around it is written once, here: a layer builds
//! a [`Layered`] service that keeps a clone of the layer next to the inner service and hands
//! every call to [`AroundCall::call`].

use crate::error::Error;
use crate::{Body, BoxFuture};
use bytes::Bytes;
use http::{Request, Response};
use std::task::{Context, Poll};
use tower::Service;

/// What a layer of the stack does around one call to the inner service `S`.
pub trait AroundCall<S>: Clone {
    /// Whether the inner service can take a call; usually [`inner_ready`].
    fn poll_ready(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>>;

    /// Handles `req`, calling `inner` (which [`poll_ready`](Self::poll_ready) drove to
    /// readiness) as many times as the layer needs.
    fn call(&self, inner: &mut S, req: Request<Body>) -> BoxFuture<Result<Response<Bytes>, Error>>;
}

/// Readiness of an inner service that already speaks our types.
pub fn inner_ready<S>(inner: &mut S, cx: &mut Context<'_>) -> Poll<Result<(), Error>>
where
    S: Service<Request<Body>, Error = Error>,
{
    inner.poll_ready(cx)
}

/// The service a layer `L` of the stack builds around `S`.
#[derive(Debug, Clone)]
pub struct Layered<L, S> {
    layer: L,
    inner: S,
}

impl<L, S> Layered<L, S> {
    /// `layer`'s behaviour around `inner`.
    pub fn new(layer: L, inner: S) -> Layered<L, S> {
        Layered { layer, inner }
    }

    /// The inner service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<L, S> Service<Request<Body>> for Layered<L, S>
where
    L: AroundCall<S>,
{
    type Response = Response<Bytes>;
    type Error = Error;
    type Future = BoxFuture<Result<Response<Bytes>, Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Error>> {
        L::poll_ready(&mut self.inner, cx)
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        self.layer.call(&mut self.inner, req)
    }
}

/// Implements `tower::Layer` for layers whose service is [`Layered`].
macro_rules! layered {
    ($($layer:ty),+ $(,)?) => {$(
        impl<S> ::tower::Layer<S> for $layer {
            type Service = $crate::layered::Layered<$layer, S>;
            fn layer(&self, inner: S) -> Self::Service {
                $crate::layered::Layered::new(self.clone(), inner)
            }
        }
    )+};
}
pub(crate) use layered;
