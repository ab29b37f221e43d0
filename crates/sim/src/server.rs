//! The hyper server core: routing to a vendor, body limits, rate limits, faults and accounting.

use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use http::{HeaderMap, Method, Request, Response, StatusCode};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::accounting::{Accounting, RequestRecord};
use crate::body::{Aborted, SimBody};
use crate::carrot::{self, ApiVersion, CarrotSim};
use crate::config::{ErrorBody, Fault, FaultKind, Vendor};
use crate::crisp::CrispSim;
use crate::exchange::{Exchange, Reply};
use crate::limits::{BodyRefused, Bounds, WallTimer};
use crate::ratelimit::RateLimiter;

/// Request headers larger than this (names plus values) get the vendor's error envelope; hyper
/// itself refuses heads over `MAX_BUF` with a bare 431.
const MAX_HEADER_BYTES: usize = 64 * 1024;
const MAX_BUF: usize = 1024 * 1024;

/// First path segments that belong to Carrot (Crisp uses `website`, `user`, `plugin(s)`, `bucket`,
/// `media`, `plans`: no overlap, so one listener serves both).
const CARROT_ROOTS: [&str; 4] = ["apps", "conversations", "users", "utils"];

/// A fault rule with its match counter.
pub(crate) struct FaultRule {
    pub fault: Fault,
    pub seen: AtomicU64,
}

/// Everything a connection task needs.
pub(crate) struct Core {
    pub crisp: CrispSim,
    pub carrot: CarrotSim,
    pub acct: Arc<Accounting>,
    pub limiter: RateLimiter,
    pub faults: RwLock<Arc<Vec<FaultRule>>>,
    pub start: Instant,
    /// Connection, body-memory, log-record and header-time bounds.
    pub bounds: Bounds,
    /// Print one line per request on stderr.
    pub log_requests: bool,
    /// Also speak HTTP/2 (prior knowledge, `h2c`) on the same port.
    pub http2: bool,
}

impl Core {
    pub(crate) fn set_faults(&self, faults: Vec<Fault>) {
        let rules: Vec<FaultRule> = faults
            .into_iter()
            .map(|fault| FaultRule {
                fault,
                seen: AtomicU64::new(0),
            })
            .collect();
        let mut w = self.faults.write().unwrap_or_else(|p| p.into_inner());
        *w = Arc::new(rules);
    }

    pub(crate) fn faults(&self) -> Vec<Fault> {
        let r = self.faults.read().unwrap_or_else(|p| p.into_inner());
        r.iter().map(|f| f.fault.clone()).collect()
    }
}

/// Where a request goes.
struct Target {
    vendor: Vendor,
    /// Byte offset of the vendor-relative path in the request path.
    sub: usize,
    version: Option<ApiVersion>,
}

fn first_segment(path: &str) -> &str {
    path.trim_start_matches('/').split('/').next().unwrap_or("")
}

fn scheme_is(value: &[u8], scheme: &[u8]) -> bool {
    let v = value.trim_ascii_start();
    v.len() > scheme.len() && v[..scheme.len()].eq_ignore_ascii_case(scheme)
}

fn has_carrot_auth(headers: &HeaderMap, query: &str) -> bool {
    let header = headers
        .get(http::header::AUTHORIZATION)
        .is_some_and(|v| scheme_is(v.as_bytes(), b"token ") || scheme_is(v.as_bytes(), b"bearer "));
    header || query.split('&').any(|p| p.starts_with("auth_token="))
}

fn is_basic(headers: &HeaderMap) -> bool {
    headers
        .get(http::header::AUTHORIZATION)
        .is_some_and(|v| scheme_is(v.as_bytes(), b"basic "))
}

fn target(path: &str, headers: &HeaderMap, query: &str) -> Target {
    let carrot_root = |rest: &str| CARROT_ROOTS.contains(&first_segment(rest));
    if path == "/v1" || path.starts_with("/v1/") {
        let rest = &path[3..];
        if carrot_root(rest) || has_carrot_auth(headers, query) {
            return Target {
                vendor: Vendor::Carrot,
                sub: 3,
                version: Some(ApiVersion::V1),
            };
        }
        return Target {
            vendor: Vendor::Crisp,
            sub: 3,
            version: None,
        };
    }
    if path == "/v2" || path.starts_with("/v2/") {
        return Target {
            vendor: Vendor::Carrot,
            sub: 3,
            version: Some(ApiVersion::V2),
        };
    }
    if !carrot_root(path) && is_basic(headers) {
        return Target {
            vendor: Vendor::Crisp,
            sub: 0,
            version: None,
        };
    }
    Target {
        vendor: Vendor::Carrot,
        sub: 0,
        version: None,
    }
}

/// The vendor's error envelope for failures the core detects itself.
pub(crate) fn vendor_error(
    vendor: Vendor,
    status: u16,
    carrot_name: &str,
    crisp_reason: &str,
    message: &str,
) -> Reply {
    match vendor {
        Vendor::Carrot => carrot::error_reply(status, carrot_name, message),
        Vendor::Crisp => Reply::json(
            StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
            &serde_json::json!({"error": true, "reason": crisp_reason, "data": {"message": message}}),
        ),
    }
}

fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k == name).then_some(v)
    })
}

/// `Token X` / `Bearer X` → `X`, so a Carrot token shares its buckets whichever way it is sent.
fn strip_scheme(v: &[u8]) -> &[u8] {
    let t = v.trim_ascii_start();
    for scheme in [&b"token "[..], &b"bearer "[..]] {
        if scheme_is(t, scheme) {
            return t[scheme.len()..].trim_ascii();
        }
    }
    v
}

/// Picks the fault for this request (every matching rule counts it; the first that hits wins).
fn pick_fault(core: &Core, vendor: Vendor, method: &Method, path: &str) -> Option<FaultKind> {
    let rules = {
        let r = core.faults.read().unwrap_or_else(|p| p.into_inner());
        if r.is_empty() {
            return None;
        }
        Arc::clone(&r)
    };
    let mut chosen = None;
    for rule in rules.iter() {
        if rule.fault.matches(Some(vendor), method, path) {
            let n = rule.seen.fetch_add(1, Ordering::Relaxed) + 1;
            if chosen.is_none() && rule.fault.nth.hits(n) {
                chosen = Some(rule.fault.kind.clone());
            }
        }
    }
    chosen
}

fn html_page(status: StatusCode) -> Bytes {
    let reason = status.canonical_reason().unwrap_or("Error");
    Bytes::from(format!(
        "<html>\r\n<head><title>{} {reason}</title></head>\r\n<body>\r\n<center><h1>{} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        status.as_u16(),
        status.as_u16()
    ))
}

struct Outcome {
    status: u16,
    processed: bool,
    fault: Option<&'static str>,
    rate_limited: bool,
    class: &'static str,
}

fn build(reply: Reply, body: SimBody) -> Response<SimBody> {
    let mut resp = Response::new(body);
    *resp.status_mut() = reply.status;
    *resp.headers_mut() = reply.headers;
    resp
}

/// Serves one request end to end.
pub(crate) async fn serve(
    core: Arc<Core>,
    req: Request<Incoming>,
) -> Result<Response<SimBody>, Aborted> {
    let seq = core.acct.next_seq();
    let at = core.start.elapsed();
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_string();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    let tgt = target(&path, &parts.headers, &query);
    let vendor = tgt.vendor;
    let mut out = Outcome {
        status: 0,
        processed: false,
        fault: None,
        rate_limited: false,
        class: "unknown",
    };
    let result = serve_inner(&core, parts, body, &path, &query, &tgt, &mut out).await;
    if let Ok(r) = &result {
        out.status = r.status().as_u16();
    }
    let (path, path_cut) = core.bounds.log_field(&path);
    let (query, query_cut) = core.bounds.log_field(&query);
    if core.log_requests {
        eprintln!(
            "chatdesk-sim: {seq} {vendor} {method} {path}{}{query} -> {}{}{}",
            if query.is_empty() { "" } else { "?" },
            if out.status == 0 {
                "closed".to_string()
            } else {
                out.status.to_string()
            },
            out.fault
                .map(|f| format!(" [fault {f}]"))
                .unwrap_or_default(),
            if out.rate_limited {
                " [rate limited]"
            } else {
                ""
            },
        );
    }
    core.acct.record_request(RequestRecord {
        seq,
        at,
        vendor: Some(vendor),
        method,
        path,
        query,
        route_class: out.class,
        status: out.status,
        processed: out.processed,
        fault: out.fault,
        rate_limited: out.rate_limited,
        truncated: path_cut || query_cut,
    });
    result
}

async fn serve_inner(
    core: &Core,
    parts: http::request::Parts,
    body: Incoming,
    path: &str,
    query: &str,
    tgt: &Target,
    out: &mut Outcome,
) -> Result<Response<SimBody>, Aborted> {
    let vendor = tgt.vendor;
    let plain = |reply: Reply| {
        let b = reply.body.clone();
        build(with_content_type(reply), SimBody::full(b))
    };
    let header_bytes: usize = parts
        .headers
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len())
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        return Ok(plain(vendor_error(
            vendor,
            431,
            "BadRequest",
            "request_header_fields_too_large",
            "request headers are too large",
        )));
    }
    let declared = http_body::Body::size_hint(&body).exact();
    // `_hold` keeps the body counted against the global budget until the request is answered.
    let (body, _hold) = match core.bounds.collect_body(body, declared).await {
        Ok(b) => b,
        Err(BodyRefused::Aborted) => return Err(Aborted),
        Err(refused) => return Ok(plain(refused_body(vendor, &refused))),
    };
    let sub = &path[tgt.sub..];
    let ex = Exchange {
        method: parts.method,
        path: if sub.is_empty() {
            "/".to_string()
        } else {
            sub.to_string()
        },
        query: query.to_string(),
        headers: parts.headers,
        body,
    };
    out.class = match vendor {
        Vendor::Crisp => CrispSim::route_class(&ex),
        Vendor::Carrot => carrot::route_class(&ex.method, &ex.path),
    };

    // Rate limits, keyed by the credential as sent.
    let token: &[u8] = match ex.headers.get(http::header::AUTHORIZATION) {
        Some(v) => strip_scheme(v.as_bytes()),
        None => query_param(query, "auth_token").unwrap_or("").as_bytes(),
    };
    if let Err(lim) = core.limiter.check(vendor, out.class, token) {
        out.rate_limited = true;
        let status = match vendor {
            Vendor::Crisp => lim.crisp_status,
            Vendor::Carrot => 429,
        };
        let msg = if lim.quota {
            "daily quota exceeded"
        } else {
            "too many requests"
        };
        let mut reply = vendor_error(vendor, status, "TooManyRequests", "rate_limited", msg);
        if let Some(s) = lim.retry_after {
            reply.headers.insert(RETRY_AFTER, HeaderValue::from(s));
        }
        return Ok(plain(reply));
    }

    let fault = pick_fault(core, vendor, &ex.method, path);
    out.fault = fault.as_ref().map(FaultKind::name);
    match &fault {
        Some(FaultKind::CloseBeforeProcessing) => return Err(Aborted),
        Some(FaultKind::Status { status, body }) => {
            let st = StatusCode::from_u16(*status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let reply = match body {
                ErrorBody::Json => vendor_error(
                    vendor,
                    st.as_u16(),
                    "InternalServerError",
                    "internal_error",
                    st.canonical_reason().unwrap_or("server error"),
                ),
                ErrorBody::Html => {
                    let mut r = Reply {
                        status: st,
                        headers: HeaderMap::new(),
                        body: html_page(st),
                    };
                    r.headers
                        .insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
                    r
                }
            };
            return Ok(plain(reply));
        }
        _ => {}
    }

    out.processed = true;
    let handled = std::panic::catch_unwind(AssertUnwindSafe(|| match vendor {
        Vendor::Crisp => core.crisp.handle(&ex),
        Vendor::Carrot => core.carrot.handle(&ex, tgt.version),
    }));
    let reply = match handled {
        Ok(r) => r,
        Err(_) => {
            eprintln!(
                "chatdesk-sim: BUG: handler panicked on {} {}",
                ex.method, path
            );
            vendor_error(
                vendor,
                500,
                "InternalServerError",
                "internal_error",
                "handler panicked",
            )
        }
    };
    let mut reply = with_content_type(reply);
    let body = std::mem::take(&mut reply.body);
    match fault {
        None => Ok(build(reply, SimBody::full(body))),
        Some(FaultKind::CloseAfterProcessing) => Err(Aborted),
        Some(FaultKind::Delay {
            headers,
            body: slow,
        }) => {
            if !headers.is_zero() {
                tokio::time::sleep(headers).await;
            }
            if slow.is_zero() {
                Ok(build(reply, SimBody::full(body)))
            } else {
                reply
                    .headers
                    .insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
                Ok(build(reply, SimBody::slow(body, slow, 8)))
            }
        }
        Some(FaultKind::TruncatedBody) => {
            reply
                .headers
                .insert(CONTENT_LENGTH, HeaderValue::from(body.len().max(2) * 2));
            let half = body.slice(..body.len() / 2);
            Ok(build(reply, SimBody::truncated(half)))
        }
        Some(FaultKind::InvalidJson) => {
            let mut broken = body.slice(..body.len().saturating_sub(1)).to_vec();
            broken.extend_from_slice(b",<html>}");
            reply.status = StatusCode::OK;
            Ok(build(reply, SimBody::full(Bytes::from(broken))))
        }
        Some(FaultKind::OversizedBody { bytes }) => {
            let pad = bytes.saturating_sub(body.len() as u64);
            Ok(build(
                reply,
                SimBody::Padded {
                    head: Some(body),
                    pad,
                },
            ))
        }
        Some(FaultKind::CloseBeforeProcessing | FaultKind::Status { .. }) => Err(Aborted),
    }
}

/// The answer to a request whose body was not read in full (nothing was processed).
fn refused_body(vendor: Vendor, refused: &BodyRefused) -> Reply {
    let (status, carrot_name, crisp_reason, message) = match refused {
        BodyRefused::TooLarge => (
            413,
            "BadRequest",
            "request_entity_too_large",
            "request body is too large",
        ),
        // `Aborted` is answered by closing the connection; it never gets here.
        BodyRefused::OverBudget | BodyRefused::Aborted => (
            503,
            "ServiceUnavailable",
            "service_unavailable",
            "the simulator holds too many request bodies; retry later",
        ),
        BodyRefused::TimedOut => (
            408,
            "BadRequest",
            "request_timeout",
            "the request body did not arrive in time",
        ),
    };
    let mut reply = vendor_error(vendor, status, carrot_name, crisp_reason, message);
    if status == 503 {
        // The budget frees as other requests finish: the same request may fit in a moment.
        reply.headers.insert(RETRY_AFTER, HeaderValue::from(1));
    }
    reply
}

fn with_content_type(mut reply: Reply) -> Reply {
    if !reply.body.is_empty() && !reply.headers.contains_key(CONTENT_TYPE) {
        reply.headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
    }
    reply
}

/// Accepts connections until `shutdown` fires (or its sender is dropped).
pub(crate) async fn accept_loop(
    listener: TcpListener,
    core: Arc<Core>,
    mut shutdown: watch::Receiver<()>,
) {
    // The header-read timeout runs on the wall clock (`WallTimer`): on tokio's paused clock a
    // timer would otherwise close idle keep-alive connections as virtual time jumps ahead.
    let header_timeout = core.bounds.limits.header_read_timeout;
    let mut h1 = hyper::server::conn::http1::Builder::new();
    h1.timer(WallTimer)
        .max_buf_size(MAX_BUF)
        .header_read_timeout(header_timeout);
    let h1 = Arc::new(h1);
    let mut auto = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    auto.http1()
        .timer(WallTimer)
        .max_buf_size(MAX_BUF)
        .header_read_timeout(header_timeout);
    auto.http2().timer(TokioTimer::new());
    let auto = Arc::new(auto);
    loop {
        let accepted = tokio::select! {
            _ = shutdown.changed() => break,
            a = listener.accept() => a,
        };
        let (stream, _peer): (tokio::net::TcpStream, SocketAddr) = match accepted {
            Ok(a) => a,
            Err(e) => {
                eprintln!("chatdesk-sim: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        // Over the connection limit: close at once, before reading anything.
        let Some(permit) = core.bounds.admit() else {
            if core.log_requests {
                eprintln!("chatdesk-sim: connection refused (connection limit reached)");
            }
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let core = Arc::clone(&core);
        let (h1, auto) = (Arc::clone(&h1), Arc::clone(&auto));
        let mut sd = shutdown.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let http2 = core.http2;
            let svc = hyper::service::service_fn(move |req: Request<Incoming>| {
                let core = Arc::clone(&core);
                async move {
                    // Crisp RTM, Carrot RTS (websocket upgrades) and their control routes bypass the REST
                    // pipeline.
                    if crate::crisp::rtm::http::handles(req.uri().path()) {
                        return Ok(crate::crisp::rtm::http::serve(core, req).await);
                    }
                    if crate::carrot::rts::http::handles(req.uri().path()) {
                        return Ok(crate::carrot::rts::http::serve(core, req).await);
                    }
                    serve(core, req).await
                }
            });
            if http2 {
                let conn = auto.serve_connection_with_upgrades(TokioIo::new(stream), svc);
                tokio::select! {
                    _ = conn => {}
                    _ = sd.changed() => {}
                }
            } else {
                let conn = h1
                    .serve_connection(TokioIo::new(stream), svc)
                    .with_upgrades();
                tokio::select! {
                    _ = conn => {}
                    _ = sd.changed() => {}
                }
            }
        });
    }
}
