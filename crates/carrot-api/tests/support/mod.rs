//! Test support: a loopback HTTP server answering from a closure, a stable text rendering of
//! outgoing requests for snapshots, the collection of a list walk into a `Vec`, and clients
//! against `chatdesk-sim`.
#![allow(dead_code)]

use bytes::Bytes;
use chatdesk_carrot_api::model::{Conversation, ConversationPart, Event, User};
use chatdesk_carrot_api::{CarrotClient, CarrotClientBuilder, Error};
use chatdesk_sim::{Seed, Sim};
use chatdesk_transport::{Body, RetryConfig, Transport};
use futures_util::{Stream, TryStreamExt};
use http::{Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// The raw path, still percent-encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: http::HeaderMap,
    pub body: Bytes,
}

impl Seen {
    pub fn query(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn form(&self) -> Vec<(String, String)> {
        serde_urlencoded::from_bytes(&self.body).unwrap()
    }

    pub fn form_value(&self, key: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
}

/// What the server answers.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
}

pub fn json(status: u16, body: impl Into<String>) -> Reply {
    Reply {
        status,
        headers: vec![("content-type", "application/json".into())],
        body: body.into(),
    }
}

pub fn ok(data: &str) -> Reply {
    json(200, format!(r#"{{"meta":{{"status":200}},"data":{data}}}"#))
}

pub type Handler = dyn Fn(usize, &Seen) -> Reply + Send + Sync;

/// A hyper 1 server on 127.0.0.1:0; `handler(n, request)` answers the n-th request (0-based).
pub struct Server {
    pub url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub async fn start(handler: impl Fn(usize, &Seen) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let seen2 = seen.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let seen = seen2.clone();
                let handler = handler.clone();
                tokio::spawn(async move {
                    let svc =
                        hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                            let seen = seen.clone();
                            let handler = handler.clone();
                            async move {
                                let (parts, body) = req.into_parts();
                                let body = body.collect().await.unwrap().to_bytes();
                                let query = parts
                                    .uri
                                    .query()
                                    .map(|q| serde_urlencoded::from_str(q).unwrap())
                                    .unwrap_or_default();
                                let one = Seen {
                                    method: parts.method.to_string(),
                                    path: parts.uri.path().to_owned(),
                                    query,
                                    headers: parts.headers,
                                    body,
                                };
                                let n = {
                                    let mut all = seen.lock().unwrap();
                                    all.push(one.clone());
                                    all.len() - 1
                                };
                                let reply = handler(n, &one);
                                let mut resp = Response::new(Full::new(Bytes::from(reply.body)));
                                *resp.status_mut() = StatusCode::from_u16(reply.status).unwrap();
                                for (k, v) in reply.headers {
                                    resp.headers_mut().insert(k, v.parse().unwrap());
                                }
                                Ok::<_, std::convert::Infallible>(resp)
                            }
                        });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), svc)
                        .await;
                });
            }
        });
        Server {
            url: format!("http://{addr}/v1"),
            seen,
        }
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn hits(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// A client for this server with fast retries and no client-side pacing.
    pub fn client(&self) -> CarrotClient {
        let transport = Transport::builder()
            .retry(RetryConfig {
                max_attempts: 3,
                base_backoff: Duration::from_millis(5),
                max_backoff: Duration::from_millis(20),
                ..RetryConfig::default()
            })
            .build();
        CarrotClient::builder()
            .token("app.1.test-secret")
            .base_url(&self.url)
            .transport(transport)
            .build()
            .unwrap()
    }
}

/// Every item a list stream yields; a failure fails the test.
pub async fn drain<T>(stream: impl Stream<Item = Result<T, Error>>) -> Vec<T> {
    stream.try_collect().await.unwrap()
}

/// The ids of listed items.
pub fn ids_of<T: HasId>(items: Vec<T>) -> Vec<u64> {
    items.iter().map(HasId::id).collect()
}

/// The ids a list stream yields, in order; a failure fails the test.
pub async fn walk_ids<T: HasId>(stream: impl Stream<Item = Result<T, Error>>) -> Vec<u64> {
    ids_of(drain(stream).await)
}

/// Listed items with a Carrot id.
pub trait HasId {
    fn id(&self) -> u64;
}

macro_rules! has_id {
    ($($t:ty),+) => {$(
        impl HasId for $t {
            fn id(&self) -> u64 {
                self.id.0
            }
        }
    )+};
}

has_id!(User, Conversation, ConversationPart, Event);

/// Starts a simulator seeded with `seed`.
pub async fn start_sim(seed: Seed) -> Sim {
    Sim::builder().seed(seed).start().await.unwrap()
}

/// Which API version the client's base URL selects on the simulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    V1,
    V2,
}

/// A client builder with the simulator's token and the base URL of `api`.
pub fn sim_builder(sim: &Sim, api: Api) -> CarrotClientBuilder {
    let base = match api {
        Api::V1 => sim.carrot_base_url_v1(),
        Api::V2 => sim.carrot_base_url(),
    };
    CarrotClient::builder()
        .token(sim.carrot_token())
        .base_url(base)
}

/// A client without the default 3 requests/s pace (the simulator does not need it), with the
/// default transport otherwise (retries on).
pub fn sim_client(sim: &Sim, api: Api) -> CarrotClient {
    sim_builder(sim, api).quota(None).build().unwrap()
}

/// A client that is never used to send: for building requests.
pub fn offline_client() -> CarrotClient {
    CarrotClient::builder()
        .token("app.1.test-secret")
        .build()
        .unwrap()
}

/// A stable text form of a request: method, path, query, headers (sorted, Authorization
/// redacted, multipart boundary replaced), then the body decoded (form pairs sorted with JSON
/// values parsed; multipart part by part).
pub fn render(req: &Request<Body>) -> String {
    let mut out = String::new();
    out.push_str(&format!("{} {}\n", req.method(), req.uri().path()));
    out.push_str("query:\n");
    if let Some(q) = req.uri().query() {
        for (k, v) in sorted_pairs(q.as_bytes()) {
            out.push_str(&format!("  {k} = {}\n", show_value(&v)));
        }
    }
    let mut boundary = None;
    let mut headers = BTreeMap::new();
    for (name, value) in req.headers() {
        let mut v = value.to_str().unwrap_or("<binary>").to_owned();
        if name == http::header::AUTHORIZATION {
            assert!(
                value.is_sensitive(),
                "Authorization must be marked sensitive"
            );
            assert_eq!(v, "Token app.1.test-secret");
            v = "Token <redacted>".into();
        }
        if name == http::header::CONTENT_TYPE && v.starts_with("multipart/form-data; boundary=") {
            boundary = Some(v["multipart/form-data; boundary=".len()..].to_owned());
            v = "multipart/form-data; boundary=<boundary>".into();
        }
        headers.insert(name.to_string(), v);
    }
    out.push_str("headers:\n");
    for (k, v) in headers {
        out.push_str(&format!("  {k}: {v}\n"));
    }
    let body = req.body().clone();
    let bytes = futures_util::FutureExt::now_or_never(body.collect())
        .unwrap()
        .unwrap()
        .to_bytes();
    match boundary {
        _ if bytes.is_empty() => out.push_str("body: (empty)\n"),
        Some(b) => {
            out.push_str("body (multipart):\n");
            for part in multipart_parts(&bytes, &b) {
                out.push_str(&part);
            }
        }
        None => {
            out.push_str("body (form):\n");
            for (k, v) in sorted_pairs(&bytes) {
                out.push_str(&format!("  {k} = {}\n", show_value(&v)));
            }
        }
    }
    out
}

fn sorted_pairs(raw: &[u8]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(raw).unwrap();
    pairs.sort();
    pairs
}

/// A value that is a JSON array or object is shown parsed (compact, keys sorted).
fn show_value(v: &str) -> String {
    if (v.starts_with('[') || v.starts_with('{'))
        && let Ok(parsed) = serde_json::from_str::<serde_json::Value>(v)
    {
        return format!("json {parsed}");
    }
    format!("{v:?}")
}

fn multipart_parts(body: &[u8], boundary: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(body);
    let delimiter = format!("--{boundary}");
    assert!(
        text.ends_with(&format!("{delimiter}--\r\n")),
        "closing delimiter"
    );
    let mut parts = Vec::new();
    for chunk in text.split(&delimiter).skip(1) {
        if chunk.starts_with("--") {
            break;
        }
        let chunk = chunk.trim_start_matches("\r\n");
        let (head, content) = chunk.split_once("\r\n\r\n").unwrap();
        let content = content.strip_suffix("\r\n").unwrap();
        let mut s = String::from("  part:\n");
        for line in head.split("\r\n") {
            s.push_str(&format!("    {line}\n"));
        }
        s.push_str(&format!("    content: {}\n", show_value(content)));
        parts.push(s);
    }
    parts
}
