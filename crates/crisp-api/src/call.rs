//! [`Call`]: the request builder every endpoint returns (the kit's call type, declared here with
//! `call_type!`), how a Crisp call becomes a request ([`Vendor`] for [`CrispClient`]), and the
//! body types of the endpoint table.

use crate::client::CrispClient;
use crate::envelope;
use bytes::Bytes;
use chatdesk_model::crisp::message::Message;
use chatdesk_transport::http::{Method, Response, StatusCode};
use chatdesk_transport::kit::{BodyFor, List, Op, Parts, Vendor};
use chatdesk_transport::{
    BoxFuture, Described, Error, Fetched, Page, Paginator, PathArg, RequestBody, Transport,
    build_described, encode_query,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

chatdesk_transport::call_type!();

/// What a Crisp call keeps beside its parameters and body (the kit's [`Vendor::Extra`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallSettings {
    /// Whether a confirmed write looks itself up after an ambiguous failure (default: yes; only
    /// read by the confirmed endpoints, and only when the client allows it). Set it with
    /// [`Call::confirm`].
    pub confirm: bool,
}

impl Default for CallSettings {
    fn default() -> Self {
        CallSettings { confirm: true }
    }
}

impl Vendor for CrispClient {
    type Extra = CallSettings;

    fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// Renders a call of any Crisp operation, the table's or one a user declares: base URL,
    /// path, query and the body, encoded by its [`BodyFor<CrispClient>`] impl ([`Json`],
    /// [`NoBody`], `()`, or a user's own type). An operation whose body Crisp cannot encode
    /// does not compile, as the kit bounds [`Op::Body`] by [`BodyFor`].
    fn describe<O: Op<Client = Self>>(call: &Parts<O>) -> Result<Described, Error> {
        render(
            call,
            BodyFor::<CrispClient>::encode(call.body(), &O::SPEC.method)?,
        )
    }

    /// A `()` body is [`NoBody`]: `{}` on POST, PUT and PATCH, nothing otherwise.
    fn encode_unit_body(method: &Method) -> Result<RequestBody, Error> {
        BodyFor::<CrispClient>::encode(&NoBody, method)
    }
}

/// Renders `call` with an encoded body: base URL (parsed once, when the client was built),
/// path (every argument percent-encoded), query and headers.
pub(crate) fn render<O: Op<Client = CrispClient>>(
    call: &Parts<O>,
    body: RequestBody,
) -> Result<Described, Error> {
    let setup = call
        .client()
        .inner
        .setup
        .as_ref()
        .map_err(|reason| Error::invalid(reason.clone()))?;
    let path = path_of(O::SPEC, call.path_args())?;
    let query = encode_query(call.params())?;
    build_described(&setup.base, O::SPEC, &path, &query, body, &setup.headers)
        .map(|described| described.with_rules(crate::retry_rules::RULES))
}

/// What every table endpoint's [`Op::to_request`] does: checks the parameters with `check`,
/// encodes the body and renders the call.
pub(crate) fn describe<O>(
    call: &Parts<O>,
    check: fn(&O::Params) -> Result<(), Error>,
) -> Result<Described, Error>
where
    O: Op<Client = CrispClient>,
{
    check(call.params())?;
    render(
        call,
        BodyFor::<CrispClient>::encode(call.body(), &O::SPEC.method)?,
    )
}

/// The default parameter check: none.
pub(crate) fn no_check<P>(_params: &P) -> Result<(), Error> {
    Ok(())
}

/// The rendered path of an endpoint, relative to the base URL.
fn path_of(
    spec: &'static chatdesk_transport::EndpointSpec,
    args: &[String],
) -> Result<String, Error> {
    // Only the Helpdesk tree `{path}` spans several segments.
    spec.render_path_by_name(args, |name, value| match name {
        "path" => PathArg::Tree(value),
        _ => PathArg::Segment(value),
    })
}

impl<O: Op<Client = CrispClient>> Call<O> {
    /// The rendered path, relative to the base URL (every argument percent-encoded).
    pub fn path(&self) -> Result<String, Error> {
        path_of(O::SPEC, self.0.path_args())
    }
}

/// A request body a Crisp endpoint can carry: another name for [`BodyFor<CrispClient>`],
/// implemented by every type that implements that. A body type of your own (for an operation
/// you declare yourself) implements [`BodyFor<CrispClient>`]; [`Json`] already covers any
/// `Serialize` value.
pub trait Payload: BodyFor<CrispClient> {}

impl<P: BodyFor<CrispClient>> Payload for P {}

/// The body of an endpoint that takes none.
///
/// Like the official Node client, POST, PUT and PATCH still send `{}` (some routes reject an
/// empty body); GET, HEAD and DELETE send nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoBody;

impl BodyFor<CrispClient> for NoBody {
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

impl<T: Serialize + Clone + Send + Sync + 'static> BodyFor<CrispClient> for Json<T> {
    fn encode(&self, _method: &Method) -> Result<RequestBody, Error> {
        RequestBody::json(&self.0)
    }
}

/// A page-numbered list endpoint (`…/{page_number}`, 1-based): its calls get [`Call::page`],
/// and its walk ([`Call::stream`]) goes page by page, its cursor the page number.
///
/// Crisp signals no end on these lists (unlike the message walk, no source shows a list
/// answering 206 while more pages exist, or 200 marking the last one), so a walk ends only
/// after an **empty page**: it never stops on a short page or on a 200, which would lose data
/// if a page came back short for another reason. That costs one request per walk, the empty
/// page; [`Page::has_more`] of a single page is `None` for the same reason. The evidence
/// looked at (official clients, their issues, the reference) is in
/// `docs/api/crisp-pagination-evidence.md`.
pub trait Paged: List<Cursor = u32> {}

impl<O: Paged> Call<O> {
    /// The page to fetch, 1-based (default 1).
    pub fn page(mut self, page_number: u32) -> Self {
        if let Some(last) = self.0.path_args_mut().last_mut() {
            *last = page_number.to_string();
        }
        self
    }

    /// The page this call fetches.
    pub fn page_number(&self) -> u32 {
        self.0
            .path_args()
            .last()
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
    }
}

/// The walk of a page-numbered list: from page `from` (or the call's own page) on, one page at
/// a time, until an empty page.
pub(crate) fn walk_pages<O>(call: Parts<O>, from: Option<u32>) -> Paginator<O::Item, u32>
where
    O: Paged + Op<Output = Page<<O as List>::Item>>,
{
    let call = Call(call);
    let first = from.unwrap_or_else(|| call.page_number()).max(1);
    Paginator::new(first, move |page: u32| {
        let call = call.clone().page(page);
        Box::pin(async move {
            let items = call.await?.into_items();
            Ok(Fetched {
                items,
                next: page.checked_add(1),
            })
        }) as BoxFuture<Result<Fetched<O::Item, u32>, Error>>
    })
}

/// Decoding strategies the endpoint table picks from.
pub(crate) fn decode_data<T: DeserializeOwned>(response: Response<Bytes>) -> Result<T, Error> {
    envelope::decode_data(response)
}

/// A page of a page-numbered list: the server gives no "more" signal.
pub(crate) fn decode_page<T: DeserializeOwned>(
    response: Response<Bytes>,
) -> Result<Page<T>, Error> {
    envelope::decode_data::<Vec<T>>(response).map(Page::new)
}

/// A batch of the message walk: 206 means older messages exist, 200 that none do.
pub(crate) fn decode_batch(response: Response<Bytes>) -> Result<Page<Message>, Error> {
    let more = response.status() == StatusCode::PARTIAL_CONTENT;
    envelope::decode_data::<Vec<Message>>(response)
        .map(|items| Page::new(items).with_more(Some(more)))
}

/// Not public API, and not compiled without the `__raw-table` feature (this crate's own tests
/// enable it): what the request snapshot tests use to build any endpoint's request from raw
/// parts (path arguments, an encoded query, a JSON body) through the endpoint's own types.
#[cfg(feature = "__raw-table")]
#[doc(hidden)]
pub mod __private {
    use super::*;
    use chatdesk_transport::Body;
    use chatdesk_transport::http::Request;

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
        pub spec: fn() -> &'static chatdesk_transport::EndpointSpec,
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

    /// The spec behind [`RawEntry::spec`].
    pub fn spec_of<K: Op>() -> &'static chatdesk_transport::EndpointSpec {
        K::SPEC
    }

    /// The builder behind [`RawEntry::build`].
    pub fn build_raw<K: Op<Client = CrispClient>>(
        client: &CrispClient,
        path: Vec<String>,
        query: &str,
        body: Option<serde_json::Value>,
    ) -> Result<Request<Body>, Error>
    where
        K::Params: DeserializeOwned + Default,
        K::Body: FromRawBody,
    {
        let query: K::Params = if query.is_empty() {
            Default::default()
        } else {
            serde_urlencoded::from_str(query)
                .map_err(|e| Error::invalid(format!("query {query:?}: {e}")))?
        };
        let body = K::Body::from_raw(body).map_err(|e| Error::invalid(format!("body: {e}")))?;
        Parts::<K>::new(client.clone(), path, query, body).to_request()
    }
}
