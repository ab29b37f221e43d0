//! Test support: a scripted HTTP server on loopback and a scripted inner-service double.
#![allow(dead_code)]

use bytes::Bytes;
use chatdesk_transport::Body;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::time::Instant;

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Step {
    /// Answer with a status, headers and a body.
    Reply(u16, Vec<(&'static str, String)>, String),
    /// Read the request, then drop the connection without answering.
    Close,
    /// Read the request and never answer.
    Hang,
}

pub fn ok(body: &str) -> Step {
    Step::Reply(200, vec![], body.to_owned())
}

pub fn status(code: u16) -> Step {
    Step::Reply(code, vec![], String::new())
}

pub fn with_retry_after(code: u16, value: &str) -> Step {
    Step::Reply(code, vec![("retry-after", value.to_owned())], String::new())
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: Method,
    pub path: String,
    pub headers: http::HeaderMap,
    pub body: Bytes,
    pub at: Instant,
}

type Script = Arc<Mutex<VecDeque<Step>>>;
type Log = Arc<Mutex<Vec<Seen>>>;

/// A hyper 1 server on 127.0.0.1:0 answering from a script; once the script is used up it
/// answers 200 `{}`. Stops when the test's runtime ends.
pub struct ScriptServer {
    pub addr: SocketAddr,
    log: Log,
}

impl ScriptServer {
    pub async fn start(steps: Vec<Step>) -> ScriptServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let script: Script = Arc::new(Mutex::new(steps.into()));
        let log: Log = Arc::default();
        let (s, l) = (script.clone(), log.clone());
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (s, l) = (s.clone(), l.clone());
                let svc = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                    let (s, l) = (s.clone(), l.clone());
                    async move {
                        let (parts, body) = req.into_parts();
                        let body = body
                            .collect()
                            .await
                            .map(|b| b.to_bytes())
                            .unwrap_or_default();
                        l.lock().unwrap().push(Seen {
                            method: parts.method,
                            path: parts.uri.to_string(),
                            headers: parts.headers,
                            body,
                            at: Instant::now(),
                        });
                        let step = s.lock().unwrap().pop_front().unwrap_or_else(|| ok("{}"));
                        match step {
                            Step::Reply(code, headers, body) => {
                                let mut resp = Response::new(Full::new(Bytes::from(body)));
                                *resp.status_mut() = StatusCode::from_u16(code).unwrap();
                                for (k, v) in headers {
                                    resp.headers_mut().insert(k, v.parse().unwrap());
                                }
                                Ok(resp)
                            }
                            Step::Close => Err("scripted close"),
                            Step::Hang => std::future::pending().await,
                        }
                    }
                });
                tokio::spawn(async move {
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), svc)
                        .await;
                });
            }
        });
        ScriptServer { addr, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn hits(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }
}

pub fn get(url: &str) -> Request<Body> {
    Request::get(url).body(Body::default()).unwrap()
}

pub fn post(url: &str, body: &'static str) -> Request<Body> {
    Request::post(url)
        .body(Body::new(Bytes::from_static(body.as_bytes())))
        .unwrap()
}

/// A scripted inner service (no network), for tests on tokio's paused clock.
#[derive(Clone, Default)]
pub struct Double {
    script: Arc<Mutex<VecDeque<Step>>>,
    pub seen: Arc<Mutex<Vec<(Instant, Method, String)>>>,
}

impl Double {
    pub fn new(steps: Vec<Step>) -> Double {
        Double {
            script: Arc::new(Mutex::new(steps.into())),
            seen: Arc::default(),
        }
    }

    pub fn hits(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    pub fn times(&self) -> Vec<Instant> {
        self.seen.lock().unwrap().iter().map(|s| s.0).collect()
    }

    pub fn service(
        self,
    ) -> impl tower::Service<
        Request<Body>,
        Response = Response<Full<Bytes>>,
        Error = Infallible,
        Future = impl Send,
    > + Clone
    + Send
    + Sync
    + 'static {
        let this = self;
        tower::service_fn(move |req: Request<Body>| {
            let this = this.clone();
            async move {
                this.seen.lock().unwrap().push((
                    Instant::now(),
                    req.method().clone(),
                    req.uri().path().to_owned(),
                ));
                let step = this
                    .script
                    .lock()
                    .unwrap()
                    .pop_front()
                    .unwrap_or_else(|| ok("{}"));
                let Step::Reply(code, headers, body) = step else {
                    return std::future::pending().await;
                };
                let mut resp = Response::new(Full::new(Bytes::from(body)));
                *resp.status_mut() = StatusCode::from_u16(code).unwrap();
                for (k, v) in headers {
                    resp.headers_mut().insert(k, v.parse().unwrap());
                }
                Ok(resp)
            }
        })
    }
}
