//! Request bodies, query strings and the assembly of one endpoint call's `http::Request`.

use super::{BaseUrl, EndpointSpec};
use crate::Body;
use crate::error::Error;
use crate::meta::Described;
use bytes::Bytes;
use http::Request;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use serde::Serialize;

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

/// Assembles the `http::Request` for one endpoint call, with the endpoint's [`RequestMeta`]
/// in its extensions.
///
/// `path` is the rendered path ([`EndpointSpec::render_path`]), `query` an encoded query string
/// (empty for none), `headers` the vendor's auth and identification headers.
///
/// [`RequestMeta`]: crate::RequestMeta
pub fn build_request(
    base: &BaseUrl,
    spec: &EndpointSpec,
    path: &str,
    query: &str,
    body: RequestBody,
    headers: &[(HeaderName, HeaderValue)],
) -> Result<Request<Body>, Error> {
    build_described(base, spec, path, query, body, headers).map(Described::into_request)
}

/// [`build_request`] with the endpoint's [`RequestMeta`](crate::RequestMeta) beside the request
/// instead of in its extensions: what a vendor's [`Vendor::describe`](crate::kit::Vendor::describe)
/// returns.
pub fn build_described(
    base: &BaseUrl,
    spec: &EndpointSpec,
    path: &str,
    query: &str,
    body: RequestBody,
    headers: &[(HeaderName, HeaderValue)],
) -> Result<Described, Error> {
    let invalid = |e: http::Error| Error::InvalidRequest {
        reason: format!("{}: could not build the request", spec.name),
        source: Some(Box::new(e)),
    };
    // Only the path and query are new for each request: the scheme and the host are the base
    // URL's, parsed once.
    let base_path = base.path();
    // Exactly the length: `Bytes` takes a full `String` as it is, and reallocates any other.
    let question = usize::from(!query.is_empty());
    let mut target = String::with_capacity(base_path.len() + path.len() + question + query.len());
    target.push_str(base_path);
    target.push_str(path);
    if !query.is_empty() {
        target.push('?');
        target.push_str(query);
    }
    let mut uri = http::uri::Parts::default();
    uri.scheme = Some(base.scheme().clone());
    uri.authority = Some(base.authority().clone());
    uri.path_and_query = Some(
        http::uri::PathAndQuery::from_maybe_shared(Bytes::from(target))
            .map_err(|e| invalid(e.into()))?,
    );
    let uri = http::Uri::from_parts(uri).map_err(|e| invalid(e.into()))?;
    let mut map = http::HeaderMap::with_capacity(headers.len() + 1);
    for (name, value) in headers {
        map.append(name.clone(), value.clone());
    }
    let bytes = match body {
        RequestBody::Empty => Bytes::new(),
        RequestBody::Json(b) => {
            map.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            b
        }
        RequestBody::Form(b) => {
            map.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            b
        }
        RequestBody::Multipart(ct, b) => {
            map.insert(CONTENT_TYPE, ct);
            b
        }
    };
    let mut req = Request::new(Body::new(bytes));
    *req.method_mut() = spec.method.clone();
    *req.uri_mut() = uri;
    *req.headers_mut() = map;
    Ok(Described::new(req, spec.meta()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{Replay, RequestMeta};
    use http::Method;

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
}
