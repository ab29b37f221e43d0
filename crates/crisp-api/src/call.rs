//! [`Call`]: the request builder every endpoint returns, and the [`Op`] trait that describes an
//! endpoint to it.

use crate::client::CrispClient;
use crate::envelope;
use bytes::Bytes;
use chatdesk_transport::http::{Method, Request, Response};
use chatdesk_transport::{
    Body, BoxFuture, Endpoint, EndpointSpec, Error, Fetched, Paginator, PathArg, RequestBody,
    Transport, build_request, encode_query,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;

/// The static description of one endpoint: its spec and its query, body and output types.
///
/// Implemented by the zero-sized types of [`crate::ops`], one per endpoint, all generated from
/// the endpoint table.
pub trait Op: Send + Sync + 'static {
    /// The query string: a model query type, or `()` for none.
    type Query: Serialize + Clone + Send + Sync + 'static;
    /// The body: [`NoBody`] or [`Json`] around a model body type.
    type Body: Payload;
    /// What a successful call returns.
    type Output: Send + 'static;
    /// Method, path template, replay and rate-limit class.
    const SPEC: EndpointSpec;
    /// The same, as a `'static` reference.
    fn spec() -> &'static EndpointSpec;
    /// Turns the answer into the output or an error.
    fn decode(response: Response<Bytes>) -> Result<Self::Output, Error>;

    /// Sends a call: once through the transport, or, for the writes the table marks
    /// `confirmed`, with a look-up after an ambiguous failure (see [`crate::confirm`]).
    fn dispatch(call: Call<Self>) -> BoxFuture<Result<Self::Output, Error>>
    where
        Self: Sized,
    {
        send_plain(&call)
    }
}

/// Sends `call` once through its transport (with the transport's own retries) and decodes the
/// answer: what every endpoint that is not confirmed does.
pub(crate) fn send_plain<K: Op>(call: &Call<K>) -> BoxFuture<Result<K::Output, Error>> {
    let request = call.to_request();
    let transport = call.client.inner.transport.clone();
    Box::pin(async move {
        let response = transport.send(request?).await?;
        K::decode(response)
    })
}

/// A page-numbered list endpoint (`…/{page_number}`, 1-based).
pub trait Paged: Op<Output = Vec<Self::Item>> {
    /// One element of a page.
    type Item: Send + 'static;
}

/// A request body as an endpoint declares it.
pub trait Payload: Clone + Send + Sync + 'static {
    /// Encodes the body for a request with `method`.
    fn encode(&self, method: &Method) -> Result<RequestBody, Error>;
}

/// The body of an endpoint that takes none.
///
/// Like the official Node client, POST, PUT and PATCH still send `{}` (some routes reject an
/// empty body); GET, HEAD and DELETE send nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoBody;

impl Payload for NoBody {
    fn encode(&self, method: &Method) -> Result<RequestBody, Error> {
        if *method == Method::POST || *method == Method::PUT || *method == Method::PATCH {
            Ok(RequestBody::Json(Bytes::from_static(b"{}")))
        } else {
            Ok(RequestBody::Empty)
        }
    }
}

/// A JSON body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Json<T>(pub T);

impl<T: Serialize + Clone + Send + Sync + 'static> Payload for Json<T> {
    fn encode(&self, _method: &Method) -> Result<RequestBody, Error> {
        RequestBody::json(&self.0)
    }
}

/// One call to one endpoint, ready to be sent.
///
/// Required parameters were given when it was made; optional ones are set with its methods
/// (`query`, `page`, and per-endpoint setters). Then:
///
/// * `.await` it (or [`Endpoint::send`]) to send it and get the decoded output;
/// * [`Endpoint::to_request`] gives the exact `http::Request` without sending it;
/// * for page-numbered lists, [`Call::stream`] walks the pages lazily.
#[must_use = "a call does nothing until it is awaited or sent"]
pub struct Call<K: Op> {
    pub(crate) client: CrispClient,
    pub(crate) path: Vec<String>,
    pub(crate) query: K::Query,
    pub(crate) body: K::Body,
    /// Whether a confirmed write looks itself up after an ambiguous failure (default: yes;
    /// only read by the confirmed endpoints, and only when the client allows it).
    pub(crate) confirm: bool,
}

impl<K: Op> Clone for Call<K> {
    fn clone(&self) -> Self {
        Call {
            client: self.client.clone(),
            path: self.path.clone(),
            query: self.query.clone(),
            body: self.body.clone(),
            confirm: self.confirm,
        }
    }
}

impl<K: Op> fmt::Debug for Call<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &K::spec().name)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl<K: Op> Call<K> {
    pub(crate) fn new(
        client: CrispClient,
        path: Vec<String>,
        query: K::Query,
        body: K::Body,
    ) -> Self {
        Call {
            client,
            path,
            query,
            body,
            confirm: true,
        }
    }

    /// The endpoint's static description.
    pub fn spec(&self) -> &'static EndpointSpec {
        K::spec()
    }

    /// Replaces the whole query (all optional parameters at once).
    pub fn query(mut self, query: K::Query) -> Self {
        self.query = query;
        self
    }

    /// The query, to change single parameters in place.
    pub fn query_mut(&mut self) -> &mut K::Query {
        &mut self.query
    }

    /// The body that will be sent.
    pub fn body(&self) -> &K::Body {
        &self.body
    }

    /// The rendered path, relative to the base URL (every argument percent-encoded).
    pub fn path(&self) -> Result<String, Error> {
        let spec = K::spec();
        let args: Vec<PathArg<'_>> = spec
            .placeholders()
            .zip(self.path.iter())
            .map(|(name, value)| {
                // Only the Helpdesk tree `{path}` spans several segments.
                if name == "path" {
                    PathArg::Tree(value)
                } else {
                    PathArg::Segment(value)
                }
            })
            .collect();
        if args.len() != self.path.len() {
            return Err(Error::invalid(format!(
                "{}: {} path arguments for {} placeholders",
                spec.name,
                self.path.len(),
                args.len()
            )));
        }
        spec.render_path(&args)
    }
}

impl<K: Op> Endpoint for Call<K> {
    type Output = K::Output;

    fn spec(&self) -> &'static EndpointSpec {
        K::spec()
    }

    fn to_request(&self) -> Result<Request<Body>, Error> {
        let setup = self
            .client
            .inner
            .setup
            .as_ref()
            .map_err(|reason| Error::invalid(reason.clone()))?;
        let path = self.path()?;
        let query = encode_query(&self.query)?;
        let body = self.body.encode(&K::spec().method)?;
        build_request(&setup.base, K::spec(), &path, &query, body, &setup.headers)
            .map(crate::retry_rules::attach)
    }

    fn transport(&self) -> &Transport {
        &self.client.inner.transport
    }

    fn decode(response: Response<Bytes>) -> Result<K::Output, Error> {
        K::decode(response)
    }

    fn send(self) -> BoxFuture<Result<K::Output, Error>> {
        K::dispatch(self)
    }
}

impl<K: Op> std::future::IntoFuture for Call<K> {
    type Output = Result<K::Output, Error>;
    type IntoFuture = BoxFuture<Self::Output>;
    fn into_future(self) -> Self::IntoFuture {
        Endpoint::send(self)
    }
}

impl<K: Paged> Call<K> {
    /// The page to fetch, 1-based (default 1).
    pub fn page(mut self, page_number: u32) -> Self {
        if let Some(last) = self.path.last_mut() {
            *last = page_number.to_string();
        }
        self
    }

    /// The page this call fetches.
    pub fn page_number(&self) -> u32 {
        self.path.last().and_then(|p| p.parse().ok()).unwrap_or(1)
    }

    /// Every item of every page from this call's page on, fetched one page at a time when the
    /// stream needs it; it ends after an empty page (or an error, yielded once). Bound the walk
    /// with [`Paginator::max_pages`].
    ///
    /// ```no_run
    /// # async fn f(client: chatdesk_crisp_api::CrispClient) -> Result<(), chatdesk_transport::Error> {
    /// use futures_util::TryStreamExt;
    /// let mut visitors = client.website("website-1").visitors().list().stream().max_pages(10);
    /// while let Some(visitor) = visitors.try_next().await? {
    ///     println!("{:?}", visitor.session_id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream(self) -> Paginator<K::Item, u32>
    where
        K::Query: Clone,
    {
        let first = self.page_number().max(1);
        Paginator::new(first, move |page: u32| {
            let call = self.clone().page(page);
            Box::pin(async move {
                let items = call.await?;
                Ok(Fetched {
                    items,
                    next: page.checked_add(1),
                })
            }) as BoxFuture<Result<Fetched<K::Item, u32>, Error>>
        })
    }
}

/// Decoding strategies the endpoint table picks from.
pub(crate) fn decode_data<T: DeserializeOwned>(response: Response<Bytes>) -> Result<T, Error> {
    envelope::decode_data(response)
}

/// Not public API: what the request snapshot tests use to build any endpoint's request from
/// raw parts (path arguments, an encoded query, a JSON body) through the endpoint's own types.
#[doc(hidden)]
pub mod __private {
    use super::*;

    /// A body type that can be read from the JSON a test fixture gives.
    pub trait FromRawBody: Sized {
        /// Reads the body (`None`: the fixture has none).
        fn from_raw(value: Option<serde_json::Value>) -> Result<Self, String>;
    }

    impl FromRawBody for NoBody {
        fn from_raw(_value: Option<serde_json::Value>) -> Result<Self, String> {
            Ok(NoBody)
        }
    }

    impl<T: DeserializeOwned> FromRawBody for Json<T> {
        fn from_raw(value: Option<serde_json::Value>) -> Result<Self, String> {
            let value = value.unwrap_or_else(|| serde_json::Value::Object(Default::default()));
            serde_json::from_value(value)
                .map(Json)
                .map_err(|e| e.to_string())
        }
    }

    /// Builds a request from path arguments, an encoded query and a JSON body.
    pub type BuildRaw = fn(
        &CrispClient,
        Vec<String>,
        &str,
        Option<serde_json::Value>,
    ) -> Result<Request<Body>, Error>;

    /// One endpoint of the table, type-erased.
    #[derive(Clone, Copy)]
    pub struct RawEntry {
        /// The endpoint's spec.
        pub spec: fn() -> &'static EndpointSpec,
        /// Builds its request from path arguments (all placeholders, page included), an encoded
        /// query string and a JSON body, going through the endpoint's query and body types.
        pub build: BuildRaw,
        /// Decodes an answer into the endpoint's output, and drops it.
        pub decode: fn(Response<Bytes>) -> Result<(), Error>,
        /// Like `build`, but through the generated group method (handle ids, positional
        /// arguments, then the optional query and page).
        pub via_group: BuildRaw,
    }

    /// A positional path argument read back from its text.
    pub trait FromPathArg<'a>: Sized {
        /// Parses `s`.
        fn from_path_arg(s: &'a str) -> Result<Self, Error>;
    }

    impl<'a> FromPathArg<'a> for &'a str {
        fn from_path_arg(s: &'a str) -> Result<Self, Error> {
            Ok(s)
        }
    }

    macro_rules! from_path_arg_num {
        ($($t:ty),*) => {$(
            impl FromPathArg<'_> for $t {
                fn from_path_arg(s: &str) -> Result<Self, Error> {
                    s.parse().map_err(|_| Error::invalid(format!("{s:?} is not a number")))
                }
            }
        )*};
    }
    from_path_arg_num!(i64, u64, u32);

    /// Reads a query type from its encoded form (empty: the default).
    pub fn parse_query<Q: DeserializeOwned + Default>(query: &str) -> Result<Q, Error> {
        if query.is_empty() {
            return Ok(Q::default());
        }
        serde_urlencoded::from_str(query)
            .map_err(|e| Error::invalid(format!("query {query:?}: {e}")))
    }

    /// Reads a body type from JSON (`None`: `{}`).
    pub fn parse_body<B: DeserializeOwned>(body: Option<serde_json::Value>) -> Result<B, Error> {
        let value = body.unwrap_or_else(|| serde_json::Value::Object(Default::default()));
        serde_json::from_value(value).map_err(|e| Error::invalid(format!("body: {e}")))
    }

    /// The decoder behind [`RawEntry::decode`].
    pub fn decode_raw<K: Op>(response: Response<Bytes>) -> Result<(), Error> {
        K::decode(response).map(|_| ())
    }

    /// The builder behind [`RawEntry::build`].
    pub fn build_raw<K: Op>(
        client: &CrispClient,
        path: Vec<String>,
        query: &str,
        body: Option<serde_json::Value>,
    ) -> Result<Request<Body>, Error>
    where
        K::Query: DeserializeOwned + Default,
        K::Body: FromRawBody,
    {
        let query: K::Query = if query.is_empty() {
            Default::default()
        } else {
            serde_urlencoded::from_str(query)
                .map_err(|e| Error::invalid(format!("query {query:?}: {e}")))?
        };
        let body = K::Body::from_raw(body).map_err(|e| Error::invalid(format!("body: {e}")))?;
        Call::<K>::new(client.clone(), path, query, body).to_request()
    }
}
