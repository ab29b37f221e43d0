//! The pieces both vendor crates declare their endpoints with.
//!
//! An endpoint is a static [`EndpointSpec`] (method, path template, replay class, rate-limit
//! class) plus a builder that supplies the path arguments, query and body. This module turns
//! those into an `http::Request`: every path argument percent-encoded, the query and form bodies
//! URL-encoded, JSON bodies serialised, the [`RequestMeta`] attached for the layers. It also
//! decodes JSON answers with the failing field's path.

use crate::error::Error;
use crate::meta::{Replay, RequestMeta};
use crate::{Body, BoxFuture, Transport};
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{Method, Request, Response, Uri};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Everything but RFC 3986 unreserved characters is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The static description of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointSpec {
    /// The vendor (`"crisp"`, `"carrot"`).
    pub vendor: &'static str,
    /// The Rust call that reaches it, e.g. `"website(id).conversation(sid).send_message(..)"`.
    pub call: &'static str,
    /// A short stable name for traces and errors, e.g. `"send_message_in_conversation"`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template relative to the base URL, with `{name}` placeholders, e.g.
    /// `/website/{website_id}/conversation/{session_id}/message`.
    pub path: &'static str,
    /// Whether the request may be re-sent after it may have been processed.
    pub replay: Replay,
    /// The rate-limit class within the vendor.
    pub rate_class: &'static str,
}

/// One argument for a path placeholder.
#[derive(Debug, Clone, Copy)]
pub enum PathArg<'a> {
    /// A single segment: every reserved character (including `/`) is percent-encoded.
    Segment(&'a str),
    /// A tree path that spans several segments: split on `/` and each piece encoded.
    Tree(&'a str),
}

impl EndpointSpec {
    /// The metadata the layers read.
    pub const fn meta(&self) -> RequestMeta {
        RequestMeta {
            endpoint: self.name,
            replay: self.replay,
            rate_key: crate::meta::RateKey::new(self.vendor, self.rate_class),
        }
    }

    /// The placeholders of the path template, in order.
    pub fn placeholders(&self) -> impl Iterator<Item = &'static str> {
        self.path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }

    /// Fills the template's placeholders, in order, with `args`.
    ///
    /// Fails with [`Error::InvalidRequest`] when the count differs, or when an argument (or a
    /// piece of a [`PathArg::Tree`]) is empty or exactly `.` or `..`: an empty segment would
    /// silently change the route, and URL-normalising proxies resolve dot segments even when
    /// percent-encoded. Other ids made of dots (`...`, `.x`) are ordinary segments, and a `%`
    /// in an id is itself encoded (`%2e` is sent as `%252e`), so it cannot form a dot segment.
    ///
    /// ```
    /// use chatdesk_transport::{EndpointSpec, PathArg, Replay};
    /// use http::Method;
    /// const SPEC: EndpointSpec = EndpointSpec {
    ///     vendor: "crisp", call: "c", name: "n", method: Method::GET,
    ///     path: "/website/{website_id}/people/profile/{people_id}",
    ///     replay: Replay::Safe, rate_class: "people",
    /// };
    /// let path = SPEC.render_path(&[PathArg::Segment("w 1"), PathArg::Segment("a/b?c#d")]).unwrap();
    /// assert_eq!(path, "/website/w%201/people/profile/a%2Fb%3Fc%23d");
    /// ```
    pub fn render_path(&self, args: &[PathArg<'_>]) -> Result<String, Error> {
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut args = args.iter();
        for segment in self.path.split('/').skip(1) {
            out.push('/');
            let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                out.push_str(segment);
                continue;
            };
            let arg = args.next().ok_or_else(|| {
                Error::invalid(format!("{}: missing path argument `{name}`", self.name))
            })?;
            match *arg {
                PathArg::Segment(value) => push_segment(&mut out, value, name)?,
                PathArg::Tree(value) => {
                    let mut first = true;
                    for piece in value.trim_matches('/').split('/') {
                        if !first {
                            out.push('/');
                        }
                        first = false;
                        push_segment(&mut out, piece, name)?;
                    }
                }
            }
        }
        if args.next().is_some() {
            return Err(Error::invalid(format!(
                "{}: more path arguments than placeholders",
                self.name
            )));
        }
        Ok(out)
    }
}

fn push_segment(out: &mut String, value: &str, name: &str) -> Result<(), Error> {
    match value {
        "" => Err(Error::invalid(format!("path argument `{name}` is empty"))),
        // A dot segment, even percent-encoded (`%2E`, `%2E%2E`), is collapsed by URL-normalising
        // hops (WHATWG parsers, many proxies): `…/conversation/%2E%2E` would reach the parent
        // route. No id of either vendor is a bare dot segment, so refuse it.
        "." | ".." => Err(Error::invalid(format!(
            "path argument `{name}` is the dot segment {value:?}, which URL normalisation \
             would resolve to another route"
        ))),
        _ => {
            out.extend(utf8_percent_encode(value, SEGMENT));
            Ok(())
        }
    }
}

/// A base URL split once into the part every request starts with.
///
/// Plain `http://` is accepted only for loopback targets (`127.0.0.0/8`, `::1`, `localhost`):
/// the vendor crates send the API credentials with every request, and over plain HTTP anyone on
/// the path reads them. Other plain-HTTP targets (a proxy on a private network) need the
/// explicit [`BaseUrl::parse_allowing_plain_http`], which both vendor client builders expose as
/// `allow_plain_http()`.
///
/// ```
/// use chatdesk_transport::BaseUrl;
/// let base = BaseUrl::parse("http://127.0.0.1:8080/v1/").unwrap();
/// assert_eq!(base.as_str(), "http://127.0.0.1:8080/v1");
/// assert!(BaseUrl::parse("https://api.crisp.chat/v1").is_ok());
/// assert!(BaseUrl::parse("http://api.crisp.chat/v1").is_err());
/// assert!(BaseUrl::parse_allowing_plain_http("http://proxy.internal:8080/v1").is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

/// Why [`BaseUrl::parse`] refused a base URL: plain `http://` to a host that is not a loopback
/// address. It is the `source()` of the [`Error::InvalidRequest`] returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "plain http:// to `{host}`, which is not a loopback address, would send the credentials in clear"
)]
#[non_exhaustive]
pub struct PlainHttpRefused {
    /// The host of the refused URL.
    pub host: String,
}

impl BaseUrl {
    /// Checks that `url` is an absolute `https` URL without query or fragment, or a plain
    /// `http` one to a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    ///
    /// Plain `http` to any other host fails with [`Error::InvalidRequest`] whose source is
    /// [`PlainHttpRefused`]; see [`BaseUrl::parse_allowing_plain_http`].
    pub fn parse(url: &str) -> Result<BaseUrl, Error> {
        Self::parse_inner(url, false)
    }

    /// Like [`BaseUrl::parse`], but accepts plain `http` to any host: the credentials then travel
    /// in clear, so use it only for a target you trust the network path to (a proxy on a
    /// private network).
    pub fn parse_allowing_plain_http(url: &str) -> Result<BaseUrl, Error> {
        Self::parse_inner(url, true)
    }

    fn parse_inner(url: &str, allow_plain_http: bool) -> Result<BaseUrl, Error> {
        let uri: Uri = url.parse().map_err(|e| Error::InvalidRequest {
            reason: format!("base URL {url:?} is not a URL"),
            source: Some(Box::new(e)),
        })?;
        let plain = match uri.scheme_str() {
            Some("https") => false,
            Some("http") => true,
            _ => {
                return Err(Error::invalid(format!(
                    "base URL {url:?} must start with http:// or https://"
                )));
            }
        };
        let Some(host) = uri.host().filter(|_| uri.query().is_none()) else {
            return Err(Error::invalid(format!(
                "base URL {url:?} needs a host and no query"
            )));
        };
        if plain && !allow_plain_http && !is_loopback(host) {
            return Err(Error::InvalidRequest {
                reason: format!(
                    "base URL uses plain http:// to `{host}`, which is not a loopback address, \
                     so the credentials would travel in clear: use https://, or opt in with \
                     `allow_plain_http()` on the client builder"
                ),
                source: Some(Box::new(PlainHttpRefused {
                    host: host.to_owned(),
                })),
            });
        }
        Ok(BaseUrl(url.trim_end_matches('/').to_owned()))
    }

    /// The URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `127.0.0.0/8`, `::1` (also IPv4-mapped) or the name `localhost`.
pub(crate) fn is_loopback(host: &str) -> bool {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.to_canonical().is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

/// A request body, encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestBody {
    /// No body.
    Empty,
    /// `application/json`.
    Json(Bytes),
    /// `application/x-www-form-urlencoded`.
    Form(Bytes),
    /// `multipart/form-data` with this content type (it carries the boundary).
    Multipart(HeaderValue, Bytes),
}

impl RequestBody {
    /// Serialises `value` as JSON.
    pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<RequestBody, Error> {
        serde_json::to_vec(value)
            .map(|v| RequestBody::Json(Bytes::from(v)))
            .map_err(|e| Error::InvalidRequest {
                reason: "could not encode the JSON body".into(),
                source: Some(Box::new(e)),
            })
    }

    /// URL-encodes `value` (a flat struct or a list of pairs) as a form.
    pub fn form<T: Serialize + ?Sized>(value: &T) -> Result<RequestBody, Error> {
        encode_query(value).map(|s| RequestBody::Form(Bytes::from(s)))
    }
}

/// URL-encodes `value` (a flat struct, a map or a list of pairs); `None` fields are skipped.
pub fn encode_query<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    serde_urlencoded::to_string(value).map_err(|e| Error::InvalidRequest {
        reason: "could not encode the query or form".into(),
        source: Some(Box::new(e)),
    })
}

/// A `multipart/form-data` body under construction.
///
/// ```
/// use chatdesk_transport::Multipart;
/// let body = Multipart::new().text("name", "value").file("file", "a.csv", "text/csv", b"x,y".to_vec()).finish();
/// # let _ = body;
/// ```
#[derive(Debug)]
pub struct Multipart {
    boundary: String,
    buf: Vec<u8>,
}

impl Default for Multipart {
    fn default() -> Self {
        Multipart::new()
    }
}

impl Multipart {
    /// An empty form with a random boundary.
    pub fn new() -> Multipart {
        Multipart {
            boundary: format!(
                "chatdesk-{:016x}{:016x}",
                fastrand::u64(..),
                fastrand::u64(..)
            ),
            buf: Vec::new(),
        }
    }

    fn header(&mut self, name: &str, filename: Option<&str>) {
        let clean = |s: &str| s.replace(['"', '\r', '\n'], "_");
        self.buf.extend_from_slice(b"--");
        self.buf.extend_from_slice(self.boundary.as_bytes());
        self.buf
            .extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        self.buf.extend_from_slice(clean(name).as_bytes());
        self.buf.push(b'"');
        if let Some(f) = filename {
            self.buf.extend_from_slice(b"; filename=\"");
            self.buf.extend_from_slice(clean(f).as_bytes());
            self.buf.push(b'"');
        }
        self.buf.extend_from_slice(b"\r\n");
    }

    /// Adds a text field.
    pub fn text(mut self, name: &str, value: &str) -> Multipart {
        self.header(name, None);
        self.buf.extend_from_slice(b"\r\n");
        self.buf.extend_from_slice(value.as_bytes());
        self.buf.extend_from_slice(b"\r\n");
        self
    }

    /// Adds a file field.
    pub fn file(
        mut self,
        name: &str,
        filename: &str,
        content_type: &str,
        data: Vec<u8>,
    ) -> Multipart {
        self.header(name, Some(filename));
        self.buf.extend_from_slice(b"Content-Type: ");
        self.buf
            .extend_from_slice(content_type.replace(['\r', '\n'], "").as_bytes());
        self.buf.extend_from_slice(b"\r\n\r\n");
        self.buf.extend_from_slice(&data);
        self.buf.extend_from_slice(b"\r\n");
        self
    }

    /// Closes the form.
    pub fn finish(mut self) -> RequestBody {
        self.buf.extend_from_slice(b"--");
        self.buf.extend_from_slice(self.boundary.as_bytes());
        self.buf.extend_from_slice(b"--\r\n");
        let ct = format!("multipart/form-data; boundary={}", self.boundary);
        match HeaderValue::from_str(&ct) {
            Ok(v) => RequestBody::Multipart(v, Bytes::from(self.buf)),
            // The boundary is ASCII hex, so this cannot happen; keep a valid fallback anyway.
            Err(_) => RequestBody::Empty,
        }
    }
}

/// Assembles the `http::Request` for one endpoint call.
///
/// `path` is the rendered path ([`EndpointSpec::render_path`]), `query` an encoded query string
/// (empty for none), `headers` the vendor's auth and identification headers.
pub fn build_request(
    base: &BaseUrl,
    spec: &EndpointSpec,
    path: &str,
    query: &str,
    body: RequestBody,
    headers: &[(HeaderName, HeaderValue)],
) -> Result<Request<Body>, Error> {
    let mut uri = String::with_capacity(base.0.len() + path.len() + query.len() + 1);
    uri.push_str(&base.0);
    uri.push_str(path);
    if !query.is_empty() {
        uri.push('?');
        uri.push_str(query);
    }
    let mut builder = Request::builder().method(spec.method.clone()).uri(uri);
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let bytes = match body {
        RequestBody::Empty => Bytes::new(),
        RequestBody::Json(b) => {
            builder = builder.header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            b
        }
        RequestBody::Form(b) => {
            builder = builder.header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            b
        }
        RequestBody::Multipart(ct, b) => {
            builder = builder.header(CONTENT_TYPE, ct);
            b
        }
    };
    let mut req = builder
        .body(Body::new(bytes))
        .map_err(|e| Error::InvalidRequest {
            reason: format!("{}: could not build the request", spec.name),
            source: Some(Box::new(e)),
        })?;
    req.extensions_mut().insert(spec.meta());
    Ok(req)
}

/// Decodes a JSON document, naming the path of the field that failed.
///
/// The happy path is a plain [`parse_json`]; only when it fails is the document decoded
/// again with path tracking, so naming the failing field costs nothing on success.
pub fn decode_json<T: DeserializeOwned>(body: &Bytes) -> Result<T, Error> {
    parse_json(body).map_err(|plain| locate_error::<T>(plain, body))
}

/// A plain `serde_json` decode of `body`, which `T` may borrow from.
///
/// The body is checked as UTF-8 once, as a whole, and then decoded as text: decoding bytes would
/// re-check every string on its own, which costs several times more on answers made of many
/// short strings. Bytes that are not UTF-8 are decoded as bytes, for serde_json's own error.
pub fn parse_json<'de, T: Deserialize<'de>>(body: &'de [u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    }
}

/// Re-decodes `body` with path tracking to say where `plain` happened.
fn locate_error<T: DeserializeOwned>(plain: serde_json::Error, body: &Bytes) -> Error {
    let mut de = serde_json::Deserializer::from_slice(body);
    let (path, source) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => (e.path().to_string(), e.into_inner()),
        // The value itself decoded: the failure was after it (trailing characters).
        Ok(_) => (".".to_owned(), plain),
    };
    Error::Decode {
        path,
        source,
        body: crate::error::truncate(body.clone(), 4096),
    }
}

/// One endpoint call, ready to be sent: implemented by every request builder of the vendor
/// crates so that `.await`, `.send()` and request inspection work the same everywhere.
pub trait Endpoint: Sized + Send + 'static {
    /// What a successful call returns.
    type Output: Send + 'static;

    /// The endpoint's static description.
    fn spec(&self) -> &'static EndpointSpec;

    /// The exact request that would be sent, without sending it (for inspection and tests).
    fn to_request(&self) -> Result<Request<Body>, Error>;

    /// The transport to send it through.
    fn transport(&self) -> &Transport;

    /// Turns the answer into the output, or into [`Error::Api`] for an error answer.
    fn decode(response: Response<Bytes>) -> Result<Self::Output, Error>;

    /// Sends the request and decodes the answer.
    fn send(self) -> BoxFuture<Result<Self::Output, Error>> {
        let request = self.to_request();
        let transport = self.transport().clone();
        Box::pin(async move {
            let response = transport.send(request?).await?;
            Self::decode(response)
        })
    }
}

/// Implements `IntoFuture` for endpoint builders, so that `builder.await` sends them.
///
/// ```ignore
/// chatdesk_transport::endpoint_into_future!(GetConversation, ListMessages);
/// ```
#[macro_export]
macro_rules! endpoint_into_future {
    ($($ty:ty),+ $(,)?) => {$(
        impl ::core::future::IntoFuture for $ty {
            type Output = ::core::result::Result<
                <$ty as $crate::Endpoint>::Output,
                $crate::Error,
            >;
            type IntoFuture = $crate::BoxFuture<Self::Output>;
            fn into_future(self) -> Self::IntoFuture {
                $crate::Endpoint::send(self)
            }
        }
    )+};
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: EndpointSpec = EndpointSpec {
        vendor: "crisp",
        call: "test",
        name: "test",
        method: Method::GET,
        path: "/website/{website_id}/helpdesk/tree/{path}/x",
        replay: Replay::Safe,
        rate_class: "t",
    };

    #[test]
    fn hostile_ids_cannot_change_the_route() {
        for hostile in [
            "a/b", "a?b", "a#b", "a b", "a\r\nb", "é", "%2F", "%2e", "%2E%2E", "...", ".x", "x.",
        ] {
            let p = SPEC
                .render_path(&[PathArg::Segment(hostile), PathArg::Segment("t")])
                .unwrap();
            let uri: Uri = format!("http://h{p}").parse().unwrap();
            assert_eq!(uri.path(), p, "{hostile:?}");
            assert_eq!(uri.path().split('/').count(), 7, "{hostile:?} -> {p}");
            assert!(uri.query().is_none(), "{hostile:?}");
        }
    }

    #[test]
    fn dot_segments_are_refused_as_ids_and_as_tree_pieces() {
        for dots in [".", ".."] {
            for args in [
                [PathArg::Segment(dots), PathArg::Segment("t")],
                [PathArg::Segment("w"), PathArg::Segment(dots)],
                [PathArg::Segment("w"), PathArg::Tree(dots)],
                [
                    PathArg::Segment("w"),
                    PathArg::Tree(&format!("guides/{dots}/x")),
                ],
                [PathArg::Segment("w"), PathArg::Tree(&format!("/{dots}/"))],
            ] {
                let err = SPEC.render_path(&args).unwrap_err();
                assert!(
                    matches!(err, Error::InvalidRequest { .. }),
                    "{args:?}: {err:?}"
                );
            }
        }
        // Only exactly `.` and `..` are dot segments; anything else is sent, encoded.
        let sent = |id: &str| SPEC.render_path(&[PathArg::Segment(id), PathArg::Segment("t")]);
        assert_eq!(sent("...").unwrap(), "/website/.../helpdesk/tree/t/x");
        assert_eq!(sent(".x").unwrap(), "/website/.x/helpdesk/tree/t/x");
        assert_eq!(sent("%2e").unwrap(), "/website/%252e/helpdesk/tree/t/x");
        assert_eq!(
            sent("%2E%2E").unwrap(),
            "/website/%252E%252E/helpdesk/tree/t/x"
        );
        let tree = SPEC.render_path(&[PathArg::Segment("w"), PathArg::Tree("a/.../.b")]);
        assert_eq!(tree.unwrap(), "/website/w/helpdesk/tree/a/.../.b/x");
    }

    #[test]
    fn tree_paths_are_encoded_per_segment() {
        let p = SPEC
            .render_path(&[
                PathArg::Segment("w"),
                PathArg::Tree("/guides/getting started/"),
            ])
            .unwrap();
        assert_eq!(p, "/website/w/helpdesk/tree/guides/getting%20started/x");
    }

    #[test]
    fn argument_count_and_emptiness_are_checked() {
        assert!(SPEC.render_path(&[PathArg::Segment("w")]).is_err());
        assert!(
            SPEC.render_path(&[PathArg::Segment(""), PathArg::Segment("t")])
                .is_err()
        );
        assert!(
            SPEC.render_path(&[
                PathArg::Segment("w"),
                PathArg::Segment("t"),
                PathArg::Segment("x")
            ])
            .is_err()
        );
        assert_eq!(
            SPEC.placeholders().collect::<Vec<_>>(),
            ["website_id", "path"]
        );
    }

    #[test]
    fn decode_names_the_failing_field() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            a: Vec<u32>,
        }
        let err = decode_json::<T>(&Bytes::from_static(br#"{"a":[1,"x"]}"#)).unwrap_err();
        match err {
            Error::Decode { path, .. } => assert_eq!(path, "a[1]"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            decode_json::<T>(&Bytes::from_static(b"<html>")),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            decode_json::<T>(&Bytes::new()),
            Err(Error::Decode { .. })
        ));
    }

    #[test]
    fn decode_reads_text_and_refuses_bytes_that_are_not_utf8() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct S {
            s: String,
        }
        let ok: S = decode_json(&Bytes::from_static(
            "{\"s\":\"caf\u{e9} \\u00e9\"}".as_bytes(),
        ))
        .unwrap();
        assert_eq!(ok.s, "caf\u{e9} \u{e9}");
        let bad = decode_json::<S>(&Bytes::from_static(b"{\"s\":\"\xff\"}")).unwrap_err();
        match bad {
            Error::Decode { path, .. } => assert_eq!(path, "s"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn build_request_attaches_meta_and_content_type() {
        let base = BaseUrl::parse("https://api.example/v1/").unwrap();
        let req = build_request(
            &base,
            &SPEC,
            "/p",
            "a=1",
            RequestBody::form(&[("x", "y z")]).unwrap(),
            &[],
        )
        .unwrap();
        assert_eq!(req.uri(), "https://api.example/v1/p?a=1");
        assert_eq!(
            req.headers()[CONTENT_TYPE],
            "application/x-www-form-urlencoded"
        );
        assert_eq!(RequestMeta::of(&req).rate_key.class, "t");
        assert!(BaseUrl::parse("ftp://x").is_err());
        assert!(BaseUrl::parse("not a url").is_err());
    }

    #[test]
    fn plain_http_is_accepted_only_for_loopback_or_with_the_opt_in() {
        let refused = [
            "http://api.crisp.chat/v1",
            "http://10.0.0.7:8080/v1",
            "http://128.0.0.1/v1",
            "http://[::2]/v1",
            "http://localhost.example/v1",
            "http://user@example.com/v1",
        ];
        for url in refused {
            let err = BaseUrl::parse(url).unwrap_err();
            let Error::InvalidRequest { reason, source } = &err else {
                panic!("{url}: {err:?}");
            };
            assert!(reason.contains("allow_plain_http()"), "{url}: {reason}");
            let typed = source
                .as_ref()
                .and_then(|s| s.downcast_ref::<PlainHttpRefused>());
            assert!(typed.is_some(), "{url}: {source:?}");
            assert!(BaseUrl::parse_allowing_plain_http(url).is_ok(), "{url}");
        }
        let accepted = [
            "http://127.0.0.1:8080/v1",
            "http://127.255.1.2/v1",
            "http://[::1]:9000/v1",
            "http://[::ffff:127.0.0.1]/v1",
            "http://localhost:3000/v1",
            "http://LocalHost/v1",
            "https://api.crisp.chat/v1",
            "https://10.0.0.7/v1",
        ];
        for url in accepted {
            assert!(BaseUrl::parse(url).is_ok(), "{url}");
        }
        // The opt-in relaxes only the scheme rule.
        assert!(BaseUrl::parse_allowing_plain_http("ftp://x").is_err());
        assert!(BaseUrl::parse_allowing_plain_http("http://x/?q=1").is_err());
    }
}
