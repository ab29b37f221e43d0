//! The client against a real HTTP server on 127.0.0.1: auth headers, envelope errors, retries
//! by replay class, broken answers, HEAD checks and pagination.

use bytes::Bytes;
use chatdesk_crisp_api::model::common::SearchFilter;
use chatdesk_crisp_api::model::message::{MessageContent, MessageSend};
use chatdesk_crisp_api::{Credentials, CrispClient, Error, Tier};
use chatdesk_transport::{RetryConfig, Transport};
use futures_util::TryStreamExt;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server saw of one request.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    query: HashMap<String, String>,
    headers: http::HeaderMap,
    body: Bytes,
}

/// An answer: status, extra headers, body.
struct Reply(u16, Vec<(&'static str, &'static str)>, String);

fn envelope(data: Value) -> Reply {
    Reply(
        200,
        vec![("content-type", "application/json")],
        json!({"error": false, "reason": "resolved", "data": data}).to_string(),
    )
}

/// A success envelope with another 2xx status: 206 is how Crisp says more messages follow.
fn envelope_with(status: u16, data: Value) -> Reply {
    let Reply(_, headers, body) = envelope(data);
    Reply(status, headers, body)
}

/// 206 while older messages exist, 200 on the oldest batch, as Crisp answers the message walk.
fn walk_status(more: bool) -> u16 {
    if more { 206 } else { 200 }
}

fn error(status: u16, reason: &str, message: &str) -> Reply {
    Reply(
        status,
        vec![("content-type", "application/json")],
        json!({"error": true, "reason": reason, "data": {"message": message}}).to_string(),
    )
}

type Handler = Arc<dyn Fn(&Seen, usize) -> Reply + Send + Sync>;

struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Serves `handler(request, index of the request)` until the test ends.
    async fn start(handler: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let handler: Handler = Arc::new(handler);
        let log = seen.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let handler = handler.clone();
                let log = log.clone();
                tokio::spawn(async move {
                    let svc = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                        let handler = handler.clone();
                        let log = log.clone();
                        async move {
                            let (parts, body) = req.into_parts();
                            let body = body
                                .collect()
                                .await
                                .map(|c| c.to_bytes())
                                .unwrap_or_default();
                            let seen = Seen {
                                method: parts.method.to_string(),
                                path: parts.uri.path().to_owned(),
                                query: serde_urlencoded::from_str(parts.uri.query().unwrap_or(""))
                                    .unwrap(),
                                headers: parts.headers,
                                body,
                            };
                            let index = {
                                let mut log = log.lock().unwrap();
                                log.push(seen.clone());
                                log.len() - 1
                            };
                            let Reply(status, headers, body) = handler(&seen, index);
                            let mut resp = hyper::Response::builder().status(status);
                            for (k, v) in headers {
                                resp = resp.header(k, v);
                            }
                            Ok::<_, Infallible>(resp.body(Full::new(Bytes::from(body))).unwrap())
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), svc)
                        .await;
                });
            }
        });
        Server { addr, seen }
    }

    fn client(&self) -> CrispClient {
        let transport = Transport::builder()
            .retry(RetryConfig {
                max_attempts: 3,
                base_backoff: Duration::from_millis(1),
                max_backoff: Duration::from_millis(5),
                ..RetryConfig::default()
            })
            .build();
        CrispClient::builder()
            .credentials(Credentials::new("ident", "s3cr3t", Tier::Website))
            .base_url(format!("http://{}/v1", self.addr))
            .transport(transport)
            .build()
            .unwrap()
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    /// How many requests the server has received.
    fn hits(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// Conversation `s` of website `w1` through a fresh [`Server::client`].
    fn conversation(&self) -> chatdesk_crisp_api::groups::Conversation {
        self.client().website("w1").conversation("s")
    }
}

/// The page number a list request asks for (the last path segment).
fn page_of(seen: &Seen) -> usize {
    seen.path.rsplit('/').next().unwrap().parse().unwrap()
}

/// A paged list answered with `status`: page `n` (from 1) holds `sizes[n - 1]` items
/// `{key: "<prefix><n>_<i>"}`, and every page after them is empty.
fn list_pages(
    status: u16,
    key: &'static str,
    prefix: &'static str,
    sizes: &'static [usize],
) -> impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static {
    move |seen, _| {
        let page = page_of(seen);
        let n = page.checked_sub(1).and_then(|i| sizes.get(i)).copied();
        let items: Vec<Value> = (0..n.unwrap_or(0))
            .map(|i| json!({key: format!("{prefix}{page}_{i}")}))
            .collect();
        envelope_with(status, Value::Array(items))
    }
}

fn api(err: Error) -> chatdesk_transport::ApiError {
    match err {
        Error::Api(api) => *api,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

#[tokio::test]
async fn sends_auth_tier_and_user_agent_and_decodes_data() {
    let server =
        Server::start(|_, _| envelope(json!({"session_id": "session_1", "state": "resolved"})))
            .await;
    let conversation = server
        .client()
        .website("w1")
        .conversation("session_1")
        .get()
        .await
        .unwrap();
    assert_eq!(conversation.session_id.as_deref(), Some("session_1"));
    let seen = &server.seen()[0];
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.path, "/v1/website/w1/conversation/session_1");
    // base64("ident:s3cr3t")
    assert_eq!(seen.headers["authorization"], "Basic aWRlbnQ6czNjcjN0");
    assert_eq!(seen.headers["x-crisp-tier"], "website");
    assert!(
        seen.headers["user-agent"]
            .to_str()
            .unwrap()
            .starts_with("chatdesk-crisp-api/")
    );
}

#[tokio::test]
async fn envelope_errors_map_to_api_errors() {
    let server = Server::start(|seen, _| match seen.path.as_str() {
        p if p.ends_with("/message") => error(
            400,
            "invalid_data",
            "data should have required property 'origin'",
        ),
        p if p.contains("/conversation/") => error(404, "not_found", "the route does not exist"),
        p if p.starts_with("/v1/plugins/") => error(404, "not_subscribed", "plugin not subscribed"),
        _ => error(
            403,
            "restricted_route_tier",
            "route not allowed for this tier",
        ),
    })
    .await;
    let client = server.client();
    let website = client.website("w1");

    let e = api(website
        .conversation("s")
        .send_message(MessageSend::operator(MessageContent::text("hi")))
        .await
        .unwrap_err());
    assert_eq!(
        (e.status.as_u16(), e.reason.as_deref()),
        (400, Some("invalid_data"))
    );
    assert_eq!(
        e.message.as_deref(),
        Some("data should have required property 'origin'")
    );

    let e = api(website.conversation("s").get().await.unwrap_err());
    assert_eq!(
        (e.status.as_u16(), e.reason.as_deref()),
        (404, Some("not_found"))
    );
    assert_eq!(e.message.as_deref(), Some("the route does not exist"));

    let e = api(client
        .plugin()
        .website("w1")
        .subscription("p1")
        .settings()
        .await
        .unwrap_err());
    assert_eq!(
        (e.status.as_u16(), e.reason.as_deref()),
        (404, Some("not_subscribed"))
    );

    let err = client
        .websites()
        .create(serde_json::from_value(json!({"name": "Acme", "domain": "acme.example"})).unwrap())
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("restricted_route_tier"));
    assert!(!err.is_retryable());
    let e = api(err);
    assert_eq!(e.status.as_u16(), 403);
    assert_eq!(
        e.message.as_deref(),
        Some("route not allowed for this tier")
    );
}

#[tokio::test]
async fn post_refused_with_429_is_resent_exactly_once() {
    let server = Server::start(|_, i| {
        if i == 0 {
            Reply(429, vec![("retry-after", "0")], String::new())
        } else {
            envelope(json!({"fingerprint": 42}))
        }
    })
    .await;
    let sent = server
        .client()
        .website("w1")
        .conversation("s")
        .send_message(MessageSend::operator(MessageContent::text("hi")))
        .await
        .unwrap();
    assert_eq!(sent.fingerprint, Some(42));
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "one refusal, one re-send");
    assert_eq!(seen[0].body, seen[1].body, "the same message both times");
}

#[tokio::test]
async fn post_answered_503_is_not_resent_but_get_is() {
    let server = Server::start(|_, _| Reply(503, vec![], "busy".into())).await;
    let client = server.client();
    // The transport's rule alone: no confirmation look-up (`confirmed_writes.rs` covers those).
    let e = api(client
        .website("w1")
        .conversation("s")
        .send_message(MessageSend::operator(MessageContent::text("hi")))
        .confirm(false)
        .await
        .unwrap_err());
    assert_eq!(e.status.as_u16(), 503);
    assert_eq!(
        server.hits(),
        1,
        "a POST that may have been processed is never re-sent"
    );

    let e = api(client
        .website("w1")
        .conversation("s")
        .get()
        .await
        .unwrap_err());
    assert_eq!(e.status.as_u16(), 503);
    assert_eq!(server.hits(), 1 + 3, "a GET is retried up to max_attempts");
}

#[tokio::test]
async fn html_error_page_and_empty_success_are_typed_errors() {
    let server = Server::start(|seen, _| {
        if seen.path.ends_with("/state") {
            Reply(
                502,
                vec![("content-type", "text/html")],
                "<html><body><h1>502 Bad Gateway</h1></body></html>".into(),
            )
        } else if seen.path.ends_with("/meta") {
            Reply(
                200,
                vec![("content-type", "application/json")],
                String::new(),
            )
        } else {
            Reply(
                200,
                vec![("content-type", "text/html")],
                "<html>maintenance</html>".into(),
            )
        }
    })
    .await;
    let client = server.client();
    let conversation = client.website("w1").conversation("s");
    // PATCH: not retried, so the 502 page comes straight back.
    let body = serde_json::from_value(json!({"state": "resolved"})).unwrap();
    let e = api(conversation.change_state(body).await.unwrap_err());
    assert_eq!(e.status.as_u16(), 502);
    assert_eq!(e.reason, None);
    assert!(e.body.starts_with(b"<html>"));
    assert!(matches!(
        conversation.metas().await,
        Err(Error::Decode { .. })
    ));
    assert!(matches!(
        conversation.relations().await,
        Err(Error::Decode { .. })
    ));
}

#[tokio::test]
async fn head_checks_return_bool() {
    let server = Server::start(|seen, _| {
        if seen.path.ends_with("/known") {
            Reply(200, vec![], String::new())
        } else if seen.path.ends_with("/forbidden") {
            Reply(403, vec![], String::new())
        } else {
            Reply(404, vec![], String::new())
        }
    })
    .await;
    let website = server.client().website("w1");
    assert!(website.person("known").exists().await.unwrap());
    assert!(!website.person("missing").exists().await.unwrap());
    assert_eq!(
        website
            .person("forbidden")
            .exists()
            .await
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(403)
    );
    assert!(server.seen().iter().all(|s| s.method == "HEAD"));
}

#[tokio::test]
async fn page_stream_walks_every_page_once_and_stops_at_the_empty_page() {
    let server = Server::start(list_pages(200, "session_id", "session_", &[20, 20, 2])).await;
    let conversations: Vec<_> = server
        .client()
        .website("w1")
        .conversations()
        .list()
        .per_page(20)
        .search_filters([SearchFilter::new("people", "email", "eq", ["a@b.c"])])
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(conversations.len(), 42);
    assert_eq!(conversations[41].session_id.as_deref(), Some("session_3_1"));
    let seen = server.seen();
    let pages: Vec<&str> = seen
        .iter()
        .map(|s| s.path.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(pages, ["1", "2", "3", "4"]);
    for s in &seen {
        assert_eq!(s.query["per_page"], "20");
        assert_eq!(s.query["search_type"], "filter");
        assert_eq!(
            s.query["search_query"],
            r#"[{"model":"people","criterion":"email","operator":"eq","query":["a@b.c"]}]"#
        );
    }
}

#[tokio::test]
async fn page_stream_honours_start_page_and_max_pages() {
    let server = Server::start(|_, _| envelope(json!([{"people_id": "p"}]))).await;
    let people: Vec<_> = server
        .client()
        .website("w1")
        .people()
        .list_profiles()
        .page(5)
        .stream()
        .max_pages(3)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(people.len(), 3);
    let pages: Vec<String> = server.seen().iter().map(|s| s.path.clone()).collect();
    assert_eq!(
        pages,
        [
            "/v1/website/w1/people/profiles/5",
            "/v1/website/w1/people/profiles/6",
            "/v1/website/w1/people/profiles/7"
        ]
    );
}

#[tokio::test]
async fn page_stream_yields_an_error_once_then_ends() {
    let server = Server::start(|seen, _| {
        if seen.path.ends_with("/2") {
            error(500, "internal_error", "boom")
        } else {
            envelope(json!([{"inbox_id": "i"}]))
        }
    })
    .await;
    let mut stream = server.client().website("w1").inboxes().list().stream();
    assert!(stream.try_next().await.unwrap().is_some());
    let err = stream.try_next().await.unwrap_err();
    assert_eq!(err.reason(), Some("internal_error"));
    assert!(futures_util::StreamExt::next(&mut stream).await.is_none());
}

#[tokio::test]
async fn messages_walk_backwards_with_timestamp_before() {
    // 25 messages, timestamps 1000..=25000; the server returns at most 10 before the bound,
    // oldest first, with 206 while older ones exist, like Crisp.
    let server = Server::start(|seen, _| {
        let before: i64 = seen.query.get("timestamp_before").map(|v| v.parse().unwrap()).unwrap_or(i64::MAX);
        let mut batch: Vec<i64> = (1..=25).map(|i| i * 1000).filter(|t| *t < before).collect();
        let more = batch.len() > 10;
        let batch = batch.split_off(batch.len().saturating_sub(10));
        envelope_with(walk_status(more), Value::Array(
            batch
                .into_iter()
                .map(|t| json!({"type": "text", "content": format!("m{t}"), "from": "user", "origin": "chat", "fingerprint": t, "timestamp": t}))
                .collect(),
        ))
    })
    .await;
    let messages: Vec<_> = server
        .client()
        .website("w1")
        .conversation("s")
        .messages()
        .stream_backwards()
        .try_collect()
        .await
        .unwrap();
    let timestamps: Vec<i64> = messages.iter().map(|m| m.timestamp.unwrap()).collect();
    assert_eq!(
        timestamps,
        (1..=25).rev().map(|i| i * 1000).collect::<Vec<_>>()
    );
    let bounds: Vec<Option<String>> = server
        .seen()
        .iter()
        .map(|s| s.query.get("timestamp_before").cloned())
        .collect();
    assert_eq!(
        bounds,
        [None, Some("16000".into()), Some("6000".into())],
        "each request asks for what is older than the oldest timestamp seen (held by one message \
         of its batch), and the 200 on the oldest batch ends the walk: ceil(25 / 10) requests"
    );
}

/// A conversation's messages as `(fingerprint, timestamp)`, oldest first; the server answers
/// at most `batch` of them: the newest below `timestamp_before` (at or below it when
/// `inclusive`), oldest first, with 206 while older ones exist, like Crisp. Messages sharing a
/// timestamp keep their list order.
fn message_history(
    messages: Vec<(i64, i64)>,
    batch: usize,
    inclusive: bool,
) -> impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static {
    move |seen, _| {
        let bound: Option<i64> = seen
            .query
            .get("timestamp_before")
            .map(|v| v.parse().unwrap());
        let below: Vec<&(i64, i64)> = messages
            .iter()
            .filter(|(_, t)| bound.is_none_or(|b| if inclusive { *t <= b } else { *t < b }))
            .collect();
        let page = &below[below.len().saturating_sub(batch)..];
        envelope_with(walk_status(below.len() > batch), Value::Array(
            page.iter()
                .map(|(fp, t)| json!({"type": "text", "content": format!("m{fp}"), "from": "user", "origin": "chat", "fingerprint": fp, "timestamp": t}))
                .collect(),
        ))
    }
}

/// Walks the history backwards (bounded in time: the walk must end by itself) and returns the
/// fingerprints in the order yielded, after checking the order is newest first.
async fn walk_back(server: &Server, before: Option<i64>) -> Vec<i64> {
    let mut call = server.conversation().messages();
    if let Some(before) = before {
        call = call.timestamp_before(before);
    }
    fingerprints_of(call.stream_backwards()).await
}

/// Runs a message walk to its end (bounded in time: it must end by itself), checks it yields
/// newest first, and returns the fingerprints in the order yielded.
async fn fingerprints_of(walk: MessageWalk) -> Vec<i64> {
    let messages: Vec<_> =
        tokio::time::timeout(Duration::from_secs(10), walk.try_collect::<Vec<_>>())
            .await
            .expect("the walk ends")
            .unwrap();
    assert!(
        messages
            .windows(2)
            .all(|w| w[0].timestamp >= w[1].timestamp),
        "newest first"
    );
    messages.iter().map(|m| m.fingerprint.unwrap()).collect()
}

/// A walk over a conversation's messages.
type MessageWalk = chatdesk_crisp_api::Paginator<
    chatdesk_crisp_api::model::message::Message,
    chatdesk_crisp_api::MessageCursor,
>;

/// Takes `stop_after` messages from `walk`, stores its position through JSON, resumes the
/// conversation's walk from it, and returns the fingerprints of both parts in the order yielded.
async fn stopped_and_resumed(
    server: &Server,
    mut walk: MessageWalk,
    stop_after: usize,
) -> Vec<i64> {
    let mut got = Vec::new();
    for _ in 0..stop_after {
        got.push(walk.try_next().await.unwrap().unwrap().fingerprint.unwrap());
    }
    let stored = serde_json::to_string(&walk.position().unwrap()).unwrap();
    let position: chatdesk_crisp_api::Position<chatdesk_crisp_api::MessageCursor> =
        serde_json::from_str(&stored).unwrap();
    let rest: Vec<_> = server
        .conversation()
        .messages()
        .stream_from(position)
        .try_collect()
        .await
        .unwrap();
    got.extend(rest.iter().map(|m| m.fingerprint.unwrap()));
    got
}

fn bounds_sent(server: &Server) -> Vec<Option<i64>> {
    server
        .seen()
        .iter()
        .map(|s| s.query.get("timestamp_before").map(|v| v.parse().unwrap()))
        .collect()
}

/// A history with these timestamps, oldest first, fingerprinted 1, 2, 3, …
fn history(timestamps: &[i64]) -> Vec<(i64, i64)> {
    timestamps.iter().zip(1..).map(|(t, fp)| (fp, *t)).collect()
}

/// Fingerprints 1..=11, oldest first: two at 100, three at 200, one at 300, three at 400, two
/// at 500. With batches of 4, every batch boundary but one falls inside a shared timestamp.
fn shared_timestamps() -> Vec<(i64, i64)> {
    history(&[100, 100, 200, 200, 200, 300, 400, 400, 400, 500, 500])
}

/// Every fingerprint of `shared_timestamps` exactly once.
fn assert_each_once(mut fingerprints: Vec<i64>) {
    assert_eq!(fingerprints.len(), 11, "no duplicate: {fingerprints:?}");
    fingerprints.sort_unstable();
    assert_eq!(fingerprints, (1..=11).collect::<Vec<_>>(), "none skipped");
}

#[tokio::test]
async fn messages_sharing_a_timestamp_across_batches_are_walked_once_exclusive_bound() {
    let server = Server::start(message_history(shared_timestamps(), 4, false)).await;
    assert_each_once(walk_back(&server, None).await);
    assert_eq!(
        bounds_sent(&server),
        [None, Some(401), Some(300), Some(100), Some(101)],
        "one past a timestamp its batch holds twice (400), strictly before one it holds once \
         (300, 100); the empty answer before 100 after a 206 reads 100 once more, one past"
    );
}

#[tokio::test]
async fn messages_sharing_a_timestamp_across_batches_are_walked_once_inclusive_bound() {
    let server = Server::start(message_history(shared_timestamps(), 4, true)).await;
    assert_each_once(walk_back(&server, None).await);
    // A caller's own bound stays exclusive, whatever the server makes of it.
    let older = walk_back(&server, Some(400)).await;
    assert_eq!(older, [6, 3, 4, 5, 2, 1]);
}

#[tokio::test]
async fn a_batch_made_of_one_timestamp_neither_loops_nor_repeats_nor_stops_the_walk() {
    // Fingerprint 1 at 100, 2..=7 at 200, 8 at 300: six messages share a timestamp, more than
    // a batch of 4 holds.
    let history = history(&[100, 200, 200, 200, 200, 200, 200, 300]);
    for inclusive in [false, true] {
        let server = Server::start(message_history(history.clone(), 4, inclusive)).await;
        let fingerprints = walk_back(&server, None).await;
        // 2 and 3 are in no batch the server can give for any `timestamp_before`; every other
        // message comes once, the older one included.
        assert_eq!(fingerprints, [8, 5, 6, 7, 4, 1], "inclusive: {inclusive}");
        assert!(server.hits() <= 8, "{:?}", bounds_sent(&server));
    }
}

#[tokio::test]
async fn messages_walk_ends_when_the_server_ignores_timestamp_before() {
    // It also always says more messages follow (206).
    let server_ignoring = Server::start(move |_, _| {
        envelope_with(206, json!([
            {"type": "text", "content": "a", "from": "user", "origin": "chat", "fingerprint": 1, "timestamp": 100},
            {"type": "text", "content": "b", "from": "user", "origin": "chat", "fingerprint": 2, "timestamp": 100},
            {"type": "text", "content": "c", "from": "user", "origin": "chat", "fingerprint": 3, "timestamp": 200}
        ]))
    })
    .await;
    assert_eq!(walk_back(&server_ignoring, None).await, [3, 1, 2]);
    assert_eq!(
        bounds_sent(&server_ignoring),
        [None, Some(101), Some(100), Some(99)],
        "one batch, then at most three bounds that bring nothing new"
    );
}

/// `n` messages with distinct timestamps, served in Crisp's batches of 20 with 206/200.
fn distinct_history(n: i64) -> Vec<(i64, i64)> {
    (1..=n).map(|i| (i, i * 10)).collect()
}

#[tokio::test]
async fn a_message_walk_sends_exactly_ceil_n_over_20_requests() {
    for n in [0i64, 1, 19, 20, 21, 40, 45, 60, 100] {
        let server = Server::start(message_history(distinct_history(n), 20, false)).await;
        let fingerprints = walk_back(&server, None).await;
        assert_eq!(fingerprints, (1..=n).rev().collect::<Vec<_>>(), "n = {n}");
        let minimum = usize::try_from(n).unwrap().div_ceil(20).max(1);
        assert_eq!(
            server.hits(),
            minimum,
            "n = {n}: {:?}",
            bounds_sent(&server)
        );
    }
}

/// A history whose batch of 4 ends on a timestamp its batch holds once (300, fingerprint 4)
/// while an older message shares it (fingerprint 3): the plain walk's one blind spot.
fn tie_cut_at_a_batch_edge() -> Vec<(i64, i64)> {
    history(&[100, 200, 300, 300, 400, 500, 600])
}

/// Walks with `stream_lossless` and returns the fingerprints in the order yielded.
async fn walk_back_lossless(server: &Server) -> Vec<i64> {
    fingerprints_of(server.conversation().messages().stream_lossless()).await
}

#[tokio::test]
async fn the_plain_walk_misses_a_tie_cut_at_a_batch_edge_and_the_lossless_walk_does_not() {
    for inclusive in [false, true] {
        let server = Server::start(message_history(tie_cut_at_a_batch_edge(), 4, inclusive)).await;
        let lossless = walk_back_lossless(&server).await;
        assert_eq!(lossless, [7, 6, 5, 4, 3, 2, 1], "inclusive: {inclusive}");
    }
    // The documented limit of the plain walk, against a server reading the bound as exclusive:
    // asked strictly before 300, it never sees fingerprint 3.
    let server = Server::start(message_history(tie_cut_at_a_batch_edge(), 4, false)).await;
    assert_eq!(walk_back(&server, None).await, [7, 6, 5, 4, 2, 1]);
}

#[tokio::test]
async fn a_lossless_walk_yields_every_message_once_at_one_repeat_per_batch() {
    for n in [0i64, 1, 19, 20, 21, 39, 40, 45, 60, 100] {
        let server = Server::start(message_history(distinct_history(n), 20, false)).await;
        assert_eq!(
            walk_back_lossless(&server).await,
            (1..=n).rev().collect::<Vec<_>>(),
            "n = {n}"
        );
        let n = usize::try_from(n).unwrap();
        let expected = 1 + n.saturating_sub(20).div_ceil(19);
        assert_eq!(
            server.hits(),
            expected,
            "n = {n}: {:?}",
            bounds_sent(&server)
        );
    }
    // Shared timestamps across every edge: still each once.
    for inclusive in [false, true] {
        let server = Server::start(message_history(shared_timestamps(), 4, inclusive)).await;
        assert_each_once(walk_back_lossless(&server).await);
    }
}

#[tokio::test]
async fn a_lossless_walk_resumed_from_its_position_stays_lossless() {
    let server = Server::start(message_history(tie_cut_at_a_batch_edge(), 4, false)).await;
    for stop_after in 0..7 {
        let walk = server.conversation().messages().stream_lossless();
        let got = stopped_and_resumed(&server, walk, stop_after).await;
        assert_eq!(got, [7, 6, 5, 4, 3, 2, 1], "stopped after {stop_after}");
    }
}

#[tokio::test]
async fn a_single_messages_call_returns_one_batch_with_the_more_signal() {
    let server = Server::start(message_history(distinct_history(25), 20, false)).await;
    let conversation = server.conversation();
    let latest = conversation.messages().await.unwrap();
    assert_eq!(latest.len(), 20);
    assert_eq!(latest.has_more(), Some(true), "206: older messages exist");
    // Oldest first within the batch, as Crisp sends it.
    assert_eq!(latest.first().and_then(|m| m.fingerprint), Some(6));
    let oldest = conversation.messages().timestamp_before(60).await.unwrap();
    assert_eq!(oldest.len(), 5);
    assert_eq!(oldest.has_more(), Some(false), "200: none older");
}

#[tokio::test]
async fn a_message_walk_resumed_from_its_stored_position_yields_exactly_the_rest() {
    // Shared timestamps across batch edges, so the cursor must carry what was yielded at the
    // bound for the resumed walk not to repeat it.
    let server = Server::start(message_history(shared_timestamps(), 4, false)).await;
    let all = walk_back(&server, None).await;
    for stop_after in 0..all.len() {
        let walk = server.conversation().messages().stream();
        let got = stopped_and_resumed(&server, walk, stop_after).await;
        assert_eq!(got, all, "stopped after {stop_after}");
    }
}

#[tokio::test]
async fn a_full_list_page_answered_200_does_not_end_the_walk() {
    // Pages 1 and 2 are full (20) and answered 200 (or 206: lists give no end signal); page 3
    // is short, page 4 empty. Only the empty page ends the walk.
    for status in [200, 206] {
        let server = Server::start(list_pages(status, "session_id", "s", &[20, 20, 5])).await;
        let list = server.client().website("w1").conversations().list();
        let first = list.clone().await.unwrap();
        assert_eq!(
            (first.len(), first.has_more()),
            (20, None),
            "no signal on lists"
        );
        let all: Vec<_> = list.stream().try_collect().await.unwrap();
        assert_eq!(all.len(), 45, "status {status}");
        assert_eq!(server.hits(), 1 + 4, "the single call, then pages 1 to 4");
    }
}

#[tokio::test]
async fn a_page_walk_resumes_from_a_stored_position_and_pages_say_where_to_resume() {
    let server = Server::start(list_pages(200, "people_id", "p", &[3, 3, 3])).await;
    let list = server.client().website("w1").people().list_profiles();
    let mut walk = list.clone().stream();
    for _ in 0..4 {
        walk.try_next().await.unwrap();
    }
    let position = walk.position().unwrap();
    assert_eq!((position.cursor, position.skip), (2, 1));
    let stored = serde_json::to_string(&position).unwrap();
    let rest: Vec<_> = list
        .clone()
        .stream_from(serde_json::from_str(&stored).unwrap())
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = rest.iter().filter_map(|p| p.people_id.clone()).collect();
    assert_eq!(ids, ["p2_1", "p2_2", "p3_0", "p3_1", "p3_2"]);
    let steps: Vec<_> = list.pages().try_collect().await.unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1].at.cursor, 2);
    assert_eq!(steps[1].next.as_ref().map(|p| p.cursor), Some(3));
}

#[tokio::test]
async fn per_page_outside_20_to_50_is_refused_before_sending() {
    let server = Server::start(|_, _| envelope(json!([]))).await;
    let website = server.client().website("w1");
    for n in [0, 19, 51] {
        let err = website
            .conversations()
            .list()
            .per_page(n)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest { .. }), "{n}: {err:?}");
        let err = website
            .people()
            .list_profiles()
            .per_page(n)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest { .. }), "{n}: {err:?}");
    }
    assert!(server.seen().is_empty(), "nothing sent");
    for n in [20, 50] {
        website.conversations().list().per_page(n).await.unwrap();
    }
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn error_name_is_the_envelope_reason() {
    let server = Server::start(|_, _| error(409, "people_exists", "exists")).await;
    let err = server
        .client()
        .website("w1")
        .person("p")
        .get()
        .await
        .unwrap_err();
    assert_eq!(chatdesk_crisp_api::error_name(&err), Some("people_exists"));
    assert_eq!(chatdesk_crisp_api::error_name(&Error::invalid("x")), None);
}
