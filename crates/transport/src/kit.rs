//! The endpoint kit both vendor crates are built on: one call type for every endpoint of every
//! vendor, described by an [`Op`] (one zero-sized marker type per endpoint) and sent by a
//! [`Vendor`] (a vendor crate's client).
//!
//! A vendor crate implements [`Vendor`] once for its client (how a call becomes a request: base
//! URL, credentials, how parameters are encoded), generates one [`Op`] per endpoint from a
//! declarative table, and declares its `Call<O>` with one line, [`call_type!`](crate::call_type!). Every call type
//! made so wraps the same [`Parts`] and has the same methods, written once in that macro, so
//! everything a user does with a call is the same for both vendors:
//!
//! * `.await` it (or `.send()`) to send it and get the typed output;
//! * `.to_request()` gives the exact `http::Request` without sending it;
//! * `.params()`, `.params_mut()`, `.with_params(|p| …)`, `.replace_params(p)` reach the
//!   optional parameters, and endpoint-specific setters are inherent methods of `Call<ThatOp>`
//!   (which is why the type is declared in each vendor crate: Rust allows inherent methods only
//!   in the crate that defines a type);
//! * on a list endpoint ([`List`]), `.stream()` walks every item, `.pages()` every page with its
//!   [`Position`](crate::Position), and `.stream_from(position)` resumes a walk from a stored position.
//!
//! A call is `Clone` (a template for many requests), `Debug` (endpoint, path arguments,
//! parameters; never credentials, which live in the client and are not printed) and
//! `#[must_use]`.

use crate::endpoint::EndpointSpec;
use crate::error::Error;
use crate::meta::Described;
use crate::paginate::Paginator;
use crate::{Body, BoxFuture, RequestBody, Transport};
use bytes::Bytes;
use http::{Method, Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;

/// A vendor crate's client, as the kit sees it: what a call needs to become a request.
pub trait Vendor: Clone + Send + Sync + 'static {
    /// Per-call settings the vendor keeps beside the parameters and body (for example whether a
    /// write is confirmed, or which user reference the path holds). Its `Debug` is printed with
    /// the call, so it must hold no secret.
    type Extra: Clone + fmt::Debug + Default + Send + Sync + 'static;

    /// The transport calls are sent through.
    fn transport(&self) -> &Transport;

    /// Renders `call` into the request it sends (base URL, path, encoded parameters and body,
    /// credentials), with its description beside it: the endpoint's
    /// [`RequestMeta`](crate::RequestMeta) and the vendor's [`RetryRules`](crate::RetryRules).
    fn describe<O: Op<Client = Self>>(call: &Parts<O>) -> Result<Described, Error>;

    /// The request `call` sends, its description in its extensions
    /// ([`Described::into_request`]).
    fn to_request<O: Op<Client = Self>>(call: &Parts<O>) -> Result<Request<Body>, Error> {
        Self::describe(call).map(Described::into_request)
    }

    /// What a call whose body is `()` sends with `method` (by default nothing; a vendor whose
    /// writes need a body even when empty says so here).
    fn encode_unit_body(method: &Method) -> Result<RequestBody, Error> {
        let _ = method;
        Ok(RequestBody::Empty)
    }
}

/// A body type a vendor can send: the bound on [`Op::Body`], so an operation whose body its
/// vendor cannot encode does not compile (rather than failing when it is sent).
///
/// `()` is a body of every vendor ([`Vendor::encode_unit_body`]); a vendor crate implements it
/// for its own body types (for example a JSON wrapper).
pub trait BodyFor<V: Vendor>: Clone + Send + Sync + 'static {
    /// Encodes the body for a request with `method`.
    fn encode(&self, method: &Method) -> Result<RequestBody, Error>;
}

impl<V: Vendor> BodyFor<V> for () {
    fn encode(&self, method: &Method) -> Result<RequestBody, Error> {
        V::encode_unit_body(method)
    }
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
    /// The required body, given when the call is made (a type its vendor can encode, see
    /// [`BodyFor`]; `()` for none).
    type Body: BodyFor<Self::Client>;
    /// What a successful call returns.
    type Output: Send + 'static;
    /// Method, path template, replay class, rate-limit class.
    const SPEC: &'static EndpointSpec;

    /// Turns the answer into the output, or into [`Error::Api`] for an error answer.
    fn decode(response: Response<Bytes>) -> Result<Self::Output, Error>;

    /// Renders the request with its description beside it; by default the vendor's
    /// [`Vendor::describe`]. An endpoint overrides it to check its parameters or to change its
    /// description (a write that is safe to replay with some parameters, say).
    fn describe(call: &Parts<Self>) -> Result<Described, Error> {
        <Self::Client as Vendor>::describe(call)
    }

    /// The request, its description in its extensions: [`describe`](Self::describe), then
    /// [`Described::into_request`].
    fn to_request(call: &Parts<Self>) -> Result<Request<Body>, Error> {
        Self::describe(call).map(Described::into_request)
    }

    /// Sends a call: by default once through the transport (with its retries), see
    /// [`send_once`]. An endpoint overrides it to do more, such as confirming a write whose fate
    /// the transport could not tell.
    fn dispatch(call: Parts<Self>) -> BoxFuture<Result<Self::Output, Error>> {
        send_once(&call)
    }
}

/// A list endpoint: one that can be walked item by item or page by page, and resumed.
pub trait List: Op {
    /// One item of the list.
    type Item: Send + 'static;
    /// The cursor of one page (a page number, a server cursor, an offset, a time bound),
    /// serialisable so that a [`Position`](crate::Position) can be stored between runs.
    type Cursor: Clone + fmt::Debug + Serialize + DeserializeOwned + Send + Sync + 'static;

    /// The walk from `call` on: from the page `from` names, or else from where the call's own
    /// parameters start.
    fn walk(call: Parts<Self>, from: Option<Self::Cursor>) -> Paginator<Self::Item, Self::Cursor>;
}

/// What one call holds: the client, the path arguments, the parameters, the body and the
/// vendor's per-call settings. A vendor crate's `Call<O>` (from [`call_type!`](crate::call_type!)) wraps it; the
/// kit's traits and the vendor's request code work on it.
pub struct Parts<O: Op> {
    client: O::Client,
    path: Vec<String>,
    params: O::Params,
    body: O::Body,
    extra: <O::Client as Vendor>::Extra,
}

impl<O: Op> Clone for Parts<O> {
    fn clone(&self) -> Self {
        Parts {
            client: self.client.clone(),
            path: self.path.clone(),
            params: self.params.clone(),
            body: self.body.clone(),
            extra: self.extra.clone(),
        }
    }
}

impl<O: Op> fmt::Debug for Parts<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &O::SPEC.name)
            .field("path", &self.path)
            .field("params", &self.params)
            .field("extra", &self.extra)
            .finish_non_exhaustive()
    }
}

impl<O: Op> Parts<O> {
    /// A call from its parts: the client, the path arguments in the order of the template's
    /// placeholders (unencoded), the parameters and the body; the vendor's per-call settings
    /// start at their default.
    pub fn new(client: O::Client, path: Vec<String>, params: O::Params, body: O::Body) -> Self {
        Parts {
            client,
            path,
            params,
            body,
            extra: Default::default(),
        }
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

    /// The parameters.
    pub fn params(&self) -> &O::Params {
        &self.params
    }

    /// The parameters, to change them.
    pub fn params_mut(&mut self) -> &mut O::Params {
        &mut self.params
    }

    /// The body.
    pub fn body(&self) -> &O::Body {
        &self.body
    }

    /// The body, to change it.
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

    /// The exact request this call sends.
    pub fn to_request(&self) -> Result<Request<Body>, Error> {
        O::to_request(self)
    }

    /// Sends the call the endpoint's way ([`Op::dispatch`]).
    pub fn send(self) -> BoxFuture<Result<O::Output, Error>> {
        O::dispatch(self)
    }
}

/// Sends `call` once through its client's transport (with the transport's own retries) and
/// decodes the answer: what [`Op::dispatch`] does unless an endpoint says otherwise.
pub fn send_once<O: Op>(call: &Parts<O>) -> BoxFuture<Result<O::Output, Error>> {
    let described = O::describe(call);
    let transport = call.client.transport().clone();
    // The transport's call starts (its clock, its span) when this future is first polled.
    Box::pin(async move {
        let response = transport.send_described(described?).await?;
        O::decode(response)
    })
}

/// Declares a vendor crate's `Call<O>`: the one request builder every endpoint of that crate
/// returns, with the methods every call of every vendor has (written once, here).
///
/// ```ignore
/// chatdesk_transport::call_type!();
/// // then, in the same crate, endpoint-specific setters:
/// impl Call<ops::ListLeads> {
///     pub fn limit(self, n: u32) -> Self { self.with_params(|p| p.limit = Some(n)) }
/// }
/// ```
#[macro_export]
macro_rules! call_type {
    () => {
        /// One call to one endpoint, ready to be sent: `.await` it (or [`Call::send`]) for the
        /// typed output, or inspect it with [`Call::to_request`].
        ///
        /// Required parameters were given when it was made; optional ones are set with its
        /// methods (per-endpoint setters, or [`Call::params_mut`] / [`Call::with_params`] for
        /// any field). On a list endpoint, [`Call::stream`] walks every item and
        /// [`Call::pages`] every page, and both can resume from a stored position. `Clone`
        /// makes it a template; `Debug` shows the endpoint, path arguments and parameters, never
        /// credentials.
        #[must_use = "a call does nothing until it is awaited or sent"]
        pub struct Call<O: $crate::kit::Op>(pub(crate) $crate::kit::Parts<O>);

        impl<O: $crate::kit::Op> ::core::clone::Clone for Call<O> {
            fn clone(&self) -> Self {
                Call(self.0.clone())
            }
        }

        impl<O: $crate::kit::Op> ::core::fmt::Debug for Call<O> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.0, f)
            }
        }

        impl<O: $crate::kit::Op> ::core::convert::From<$crate::kit::Parts<O>> for Call<O> {
            fn from(parts: $crate::kit::Parts<O>) -> Self {
                Call(parts)
            }
        }

        #[allow(dead_code)]
        impl<O: $crate::kit::Op> Call<O> {
            /// The endpoint's static description (method, path template, replay class…).
            pub fn spec(&self) -> &'static $crate::EndpointSpec {
                O::SPEC
            }

            /// The optional parameters as they stand.
            pub fn params(&self) -> &O::Params {
                self.0.params()
            }

            /// The optional parameters, to change any of them in place.
            pub fn params_mut(&mut self) -> &mut O::Params {
                self.0.params_mut()
            }

            /// Changes the optional parameters with `f` and returns the call (for chaining).
            pub fn with_params(mut self, f: impl ::core::ops::FnOnce(&mut O::Params)) -> Self {
                f(self.0.params_mut());
                self
            }

            /// Replaces all optional parameters at once.
            pub fn replace_params(mut self, params: O::Params) -> Self {
                *self.0.params_mut() = params;
                self
            }

            /// The body that will be sent.
            pub fn body(&self) -> &O::Body {
                self.0.body()
            }

            /// The path arguments, in the order of the template's placeholders (unencoded).
            pub fn path_args(&self) -> &[::std::string::String] {
                self.0.path_args()
            }

            /// The exact request this call sends, without sending it.
            pub fn to_request(
                &self,
            ) -> ::core::result::Result<$crate::http::Request<$crate::Body>, $crate::Error> {
                self.0.to_request()
            }

            /// Sends the call and decodes the answer (what `.await` does).
            pub fn send(
                self,
            ) -> $crate::BoxFuture<::core::result::Result<O::Output, $crate::Error>> {
                self.0.send()
            }

            /// The parts the call is made of (for vendor code and the kit's traits).
            pub fn into_parts(self) -> $crate::kit::Parts<O> {
                self.0
            }

            /// The parts, borrowed.
            pub fn parts(&self) -> &$crate::kit::Parts<O> {
                &self.0
            }

            /// The parts, to change them.
            pub(crate) fn parts_mut(&mut self) -> &mut $crate::kit::Parts<O> {
                &mut self.0
            }
        }

        impl<O: $crate::kit::Op> ::core::future::IntoFuture for Call<O> {
            type Output = ::core::result::Result<O::Output, $crate::Error>;
            type IntoFuture = $crate::BoxFuture<Self::Output>;
            fn into_future(self) -> Self::IntoFuture {
                self.0.send()
            }
        }

        impl<O: $crate::kit::Op> $crate::Endpoint for Call<O> {
            type Output = O::Output;

            fn spec(&self) -> &'static $crate::EndpointSpec {
                O::SPEC
            }

            fn to_request(
                &self,
            ) -> ::core::result::Result<$crate::http::Request<$crate::Body>, $crate::Error> {
                self.0.to_request()
            }

            fn transport(&self) -> &$crate::Transport {
                $crate::kit::Vendor::transport(self.0.client())
            }

            fn decode(
                response: $crate::http::Response<$crate::bytes::Bytes>,
            ) -> ::core::result::Result<O::Output, $crate::Error> {
                <O as $crate::kit::Op>::decode(response)
            }

            fn send(self) -> $crate::BoxFuture<::core::result::Result<O::Output, $crate::Error>> {
                self.0.send()
            }
        }

        impl<O: $crate::kit::List> Call<O> {
            /// Every item of every page from this call's start on, fetched one page at a time
            /// as the stream is read. Read [`Paginator::position`]($crate::Paginator::position)
            /// to checkpoint; bound the walk with
            /// [`Paginator::max_pages`]($crate::Paginator::max_pages). How each list ends is
            /// documented on its method.
            pub fn stream(self) -> $crate::Paginator<O::Item, O::Cursor> {
                <O as $crate::kit::List>::walk(self.0, None)
            }

            /// The same walk, resumed at `position` (from `Paginator::position` or
            /// `PageStep::next` of an earlier walk with the same parameters): the items the
            /// earlier walk had not yielded yet, as long as the list did not change.
            pub fn stream_from(
                self,
                position: $crate::Position<O::Cursor>,
            ) -> $crate::Paginator<O::Item, O::Cursor> {
                <O as $crate::kit::List>::walk(self.0, Some(position.cursor))
                    .skip_first(position.skip)
            }

            /// The walk a page at a time: each step holds the page's items, where they start
            /// and where to resume after them (serialisable).
            pub fn pages(self) -> $crate::Pages<O::Item, O::Cursor> {
                self.stream().pages()
            }

            /// The page-at-a-time walk, resumed at `position`.
            pub fn pages_from(
                self,
                position: $crate::Position<O::Cursor>,
            ) -> $crate::Pages<O::Item, O::Cursor> {
                self.stream_from(position).pages()
            }
        }
    };
}
