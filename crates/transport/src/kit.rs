//! The endpoint kit both vendor crates are built on: one [`Call`] type for every endpoint of
//! every vendor, described by an [`Op`] (one zero-sized marker type per endpoint) and sent by a
//! [`Vendor`] (a vendor crate's client).
//!
//! A vendor crate implements [`Vendor`] once for its client (how a call becomes a request: base
//! URL, credentials, how parameters are encoded) and generates one [`Op`] per endpoint from a
//! declarative table. Everything a user does with a call is then the same for both vendors:
//!
//! * `.await` it (or [`Call::send`]) to send it and get the typed output;
//! * [`Call::to_request`] gives the exact `http::Request` without sending it;
//! * [`Call::params_mut`], [`Call::with_params`], [`Call::replace_params`] reach the optional
//!   parameters, and endpoint-specific setters are inherent methods of `Call<ThatOp>`;
//! * on a list endpoint ([`List`]), [`Call::stream`] walks every item, [`Call::pages`] every page
//!   with its [`Position`], and [`Call::stream_from`] resumes a walk from a stored position.
//!
//! `Call` is `Clone` (a template for many requests), `Debug` (endpoint, path arguments,
//! parameters; never credentials, which live in the client and are not printed) and
//! `#[must_use]`.

use crate::endpoint::{Endpoint, EndpointSpec};
use crate::error::Error;
use crate::paginate::{Pages, Paginator, Position};
use crate::{Body, BoxFuture, Transport};
use bytes::Bytes;
use http::{Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;

/// A vendor crate's client, as the kit sees it: what a [`Call`] needs to become a request.
pub trait Vendor: Clone + Send + Sync + 'static {
    /// Per-call settings the vendor keeps beside the parameters and body (for example whether a
    /// write is confirmed, or which user reference the path holds). Its `Debug` is printed with
    /// the call, so it must hold no secret.
    type Extra: Clone + fmt::Debug + Default + Send + Sync + 'static;

    /// The transport calls are sent through.
    fn transport(&self) -> &Transport;

    /// Renders `call` into the request it sends: base URL, path, encoded parameters and body,
    /// credentials.
    fn to_request<O: Op<Client = Self>>(call: &Call<O>) -> Result<Request<Body>, Error>;
}

/// The static description of one endpoint: its spec and its wire types.
///
/// Implemented by the marker types a vendor crate generates from its endpoint table (its `ops`
/// module); not meant to be implemented by hand elsewhere.
pub trait Op: Sized + Send + Sync + 'static {
    /// The vendor client that sends it.
    type Client: Vendor;
    /// The parameters (query, or form for the vendors that send forms): a model type, or `()`.
    type Params: Serialize + Clone + fmt::Debug + Send + Sync + 'static;
    /// The required body, given when the call is made (the vendor's own type; `()` for none).
    type Body: Clone + Send + Sync + 'static;
    /// What a successful call returns.
    type Output: Send + 'static;
    /// Method, path template, replay class, rate-limit class.
    const SPEC: &'static EndpointSpec;

    /// Turns the answer into the output, or into [`Error::Api`] for an error answer.
    fn decode(response: Response<Bytes>) -> Result<Self::Output, Error>;

    /// Renders the request; by default the vendor's [`Vendor::to_request`].
    fn to_request(call: &Call<Self>) -> Result<Request<Body>, Error> {
        <Self::Client as Vendor>::to_request(call)
    }

    /// Sends a call: by default once through the transport (with its retries), see
    /// [`send_once`]. An endpoint overrides it to do more, such as confirming a write whose fate
    /// the transport could not tell.
    fn dispatch(call: Call<Self>) -> BoxFuture<Result<Self::Output, Error>> {
        send_once(&call)
    }
}

/// A list endpoint: one that can be walked item by item or page by page, and resumed.
pub trait List: Op {
    /// One item of the list.
    type Item: Send + 'static;
    /// The cursor of one page (a page number, a server cursor, an offset, a time bound),
    /// serialisable so that a [`Position`] can be stored between runs.
    type Cursor: Clone + fmt::Debug + Serialize + DeserializeOwned + Send + Sync + 'static;

    /// The walk from `call` on: from the page `from` names, or else from where the call's own
    /// parameters start.
    fn walk(call: Call<Self>, from: Option<Self::Cursor>) -> Paginator<Self::Item, Self::Cursor>;
}

/// One call to endpoint `O`, ready to be sent. See the [module](self) for what it offers.
#[must_use = "a call does nothing until it is awaited or sent"]
pub struct Call<O: Op> {
    client: O::Client,
    path: Vec<String>,
    params: O::Params,
    body: O::Body,
    extra: <O::Client as Vendor>::Extra,
}

impl<O: Op> Clone for Call<O> {
    fn clone(&self) -> Self {
        Call {
            client: self.client.clone(),
            path: self.path.clone(),
            params: self.params.clone(),
            body: self.body.clone(),
            extra: self.extra.clone(),
        }
    }
}

impl<O: Op> fmt::Debug for Call<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &O::SPEC.name)
            .field("path", &self.path)
            .field("params", &self.params)
            .field("extra", &self.extra)
            .finish_non_exhaustive()
    }
}

impl<O: Op> Call<O> {
    /// A call from its parts: the client, the path arguments in the order of the template's
    /// placeholders, the parameters and the body. What a vendor crate's generated methods use.
    pub fn from_parts(
        client: O::Client,
        path: Vec<String>,
        params: O::Params,
        body: O::Body,
    ) -> Self {
        Call {
            client,
            path,
            params,
            body,
            extra: Default::default(),
        }
    }

    /// The endpoint's static description (method, path template, replay class…).
    pub fn spec(&self) -> &'static EndpointSpec {
        O::SPEC
    }

    /// The client the call is sent with.
    pub fn client(&self) -> &O::Client {
        &self.client
    }

    /// The path arguments, in the order of the template's placeholders (unencoded).
    pub fn path_args(&self) -> &[String] {
        &self.path
    }

    /// The path arguments, to change one (for example a page number).
    pub fn path_args_mut(&mut self) -> &mut Vec<String> {
        &mut self.path
    }

    /// The optional parameters as they stand.
    pub fn params(&self) -> &O::Params {
        &self.params
    }

    /// The optional parameters, to change any of them in place.
    pub fn params_mut(&mut self) -> &mut O::Params {
        &mut self.params
    }

    /// Changes the optional parameters with `f` and returns the call (for chaining).
    pub fn with_params(mut self, f: impl FnOnce(&mut O::Params)) -> Self {
        f(&mut self.params);
        self
    }

    /// Replaces all optional parameters at once.
    pub fn replace_params(mut self, params: O::Params) -> Self {
        self.params = params;
        self
    }

    /// The body that will be sent.
    pub fn body(&self) -> &O::Body {
        &self.body
    }

    /// The body, to change it in place.
    pub fn body_mut(&mut self) -> &mut O::Body {
        &mut self.body
    }

    /// The vendor's per-call settings.
    pub fn extra(&self) -> &<O::Client as Vendor>::Extra {
        &self.extra
    }

    /// The vendor's per-call settings, to change them.
    pub fn extra_mut(&mut self) -> &mut <O::Client as Vendor>::Extra {
        &mut self.extra
    }

    /// The exact request this call sends, without sending it.
    pub fn to_request(&self) -> Result<Request<Body>, Error> {
        O::to_request(self)
    }

    /// Sends the call and decodes the answer (what `.await` does).
    pub fn send(self) -> BoxFuture<Result<O::Output, Error>> {
        O::dispatch(self)
    }
}

/// Sends `call` once through its client's transport (with the transport's own retries) and
/// decodes the answer: what [`Op::dispatch`] does unless an endpoint says otherwise.
pub fn send_once<O: Op>(call: &Call<O>) -> BoxFuture<Result<O::Output, Error>> {
    let request = O::to_request(call);
    let transport = call.client.transport().clone();
    Box::pin(async move {
        let response = transport.send(request?).await?;
        O::decode(response)
    })
}

impl<O: Op> std::future::IntoFuture for Call<O> {
    type Output = Result<O::Output, Error>;
    type IntoFuture = BoxFuture<Self::Output>;
    fn into_future(self) -> Self::IntoFuture {
        O::dispatch(self)
    }
}

impl<O: Op> Endpoint for Call<O> {
    type Output = O::Output;

    fn spec(&self) -> &'static EndpointSpec {
        O::SPEC
    }

    fn to_request(&self) -> Result<Request<Body>, Error> {
        O::to_request(self)
    }

    fn transport(&self) -> &Transport {
        self.client.transport()
    }

    fn decode(response: Response<Bytes>) -> Result<O::Output, Error> {
        O::decode(response)
    }

    fn send(self) -> BoxFuture<Result<O::Output, Error>> {
        O::dispatch(self)
    }
}

impl<O: List> Call<O> {
    /// Every item of every page from this call's start on, fetched one page at a time as the
    /// stream is read. Read [`Paginator::position`] to checkpoint; bound the walk with
    /// [`Paginator::max_pages`]. How the walk ends is documented on each vendor's lists.
    pub fn stream(self) -> Paginator<O::Item, O::Cursor> {
        O::walk(self, None)
    }

    /// The same walk, resumed at `position` (from [`Paginator::position`] or
    /// [`crate::paginate::PageStep::next`] of an earlier walk with the same parameters): the
    /// items the earlier walk had not yielded yet, as long as the list did not change.
    pub fn stream_from(self, position: Position<O::Cursor>) -> Paginator<O::Item, O::Cursor> {
        O::walk(self, Some(position.cursor)).skip_first(position.skip)
    }

    /// The walk a page at a time: each step holds the page's items, where they start and where
    /// to resume after them (serialisable).
    pub fn pages(self) -> Pages<O::Item, O::Cursor> {
        self.stream().pages()
    }

    /// The page-at-a-time walk, resumed at `position`.
    pub fn pages_from(self, position: Position<O::Cursor>) -> Pages<O::Item, O::Cursor> {
        self.stream_from(position).pages()
    }
}
