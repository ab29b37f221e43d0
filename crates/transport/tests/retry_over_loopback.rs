//! The replay table, row by row, against a real HTTP server on loopback.

mod support;

use chatdesk_transport::{Error, RateLimitScope, RetryConfig, Transport};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use support::*;

/// Where every transport here starts. `layered_stack.rs` runs this file again from a builder
/// whose per-call layer makes it compose the layers as tower services instead of fusing them.
#[allow(dead_code)]
fn builder() -> chatdesk_transport::TransportBuilder {
    Transport::builder()
}

/// Retries without noticeable backoff, so the tests stay fast on the real clock.
fn fast_retry(max_attempts: u32) -> RetryConfig {
    RetryConfig {
        max_attempts,
        base_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(5),
        ..RetryConfig::default()
    }
}

fn transport(max_attempts: u32) -> Transport {
    crate::builder().retry(fast_retry(max_attempts)).build()
}

#[tokio::test]
async fn get_is_retried_after_503_and_succeeds() {
    let server = ScriptServer::start(vec![status(503), ok("{\"ok\":1}")]).await;
    let resp = transport(3).send(get(&server.url("/x"))).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.body().as_ref(), b"{\"ok\":1}");
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn post_answered_503_is_not_resent() {
    let server = ScriptServer::start(vec![status(503), ok("{}")]).await;
    let resp = transport(3)
        .send(post(&server.url("/write"), "{\"m\":1}"))
        .await
        .unwrap();
    assert_eq!(resp.status(), 503, "the 503 is handed back, not retried");
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn put_and_delete_are_safe_by_method_and_retried_after_500() {
    let server = ScriptServer::start(vec![status(500), ok("{}"), status(502), ok("{}")]).await;
    let t = transport(3);
    let put = http::Request::put(server.url("/doc"))
        .body(chatdesk_transport::Body::default())
        .unwrap();
    assert_eq!(t.send(put).await.unwrap().status(), 200);
    let del = http::Request::delete(server.url("/doc"))
        .body(chatdesk_transport::Body::default())
        .unwrap();
    assert_eq!(t.send(del).await.unwrap().status(), 200);
    assert_eq!(server.hits(), 4);
}

#[tokio::test]
async fn post_with_connection_closed_after_write_is_not_resent() {
    let server = ScriptServer::start(vec![Step::Close, ok("{}")]).await;
    let err = transport(3)
        .send(post(&server.url("/write"), "{\"m\":1}"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                maybe_sent: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.was_sent(), Some(true));
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn get_with_connection_closed_after_write_is_resent() {
    let server = ScriptServer::start(vec![Step::Close, ok("{}")]).await;
    let resp = transport(3).send(get(&server.url("/read"))).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn post_refused_at_connect_is_resent_exactly_once() {
    // A port nobody listens on: every attempt is refused before anything is sent.
    let addr = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let attempts = Arc::new(AtomicUsize::new(0));
    let counter = attempts.clone();
    let t = crate::builder()
        .retry(fast_retry(2))
        .layer_per_attempt(tower::util::MapRequestLayer::new(
            move |req: http::Request<chatdesk_transport::Body>| {
                counter.fetch_add(1, Ordering::SeqCst);
                req
            },
        ))
        .build();
    let err = t
        .send(post(&format!("http://{addr}/write"), "{}"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    assert_eq!(err.was_sent(), Some(false));
    assert_eq!(
        attempts.load(Ordering::SeqCst),
        2,
        "first try + one re-send"
    );
}

#[tokio::test]
async fn post_refused_with_429_is_resent_once_after_retry_after() {
    let server = ScriptServer::start(vec![with_retry_after(429, "1"), ok("{\"id\":7}")]).await;
    let started = Instant::now();
    let resp = transport(3)
        .send(post(&server.url("/write"), "{\"m\":1}"))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(server.hits(), 2);
    let seen = server.seen();
    assert!(seen[1].at - seen[0].at >= Duration::from_secs(1));
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(seen[0].body, seen[1].body, "the same body is re-sent");
}

/// A vendor's refusal status (here 420, as Crisp sends) is the vendor's rule, carried by the
/// request: the transport alone hands it back; with the rule attached it is re-sent.
/// A vendor rule for these tests: a 420 is a refusal.
struct Calm;

impl chatdesk_transport::Classifier for Calm {
    fn name(&self) -> &'static str {
        "test_420"
    }
    fn classify(
        &self,
        attempt: &Result<http::Response<bytes::Bytes>, Error>,
    ) -> Option<chatdesk_transport::classify::Outcome> {
        let resp = attempt.as_ref().ok()?;
        (resp.status().as_u16() == 420).then(|| {
            chatdesk_transport::classify::Outcome::RateLimited(
                chatdesk_transport::retry::retry_after_of(resp),
            )
        })
    }
}

static RULES: chatdesk_transport::RetryRules = chatdesk_transport::RetryRules::new(&[&Calm]);

#[tokio::test]
async fn a_420_is_retried_only_with_rules_that_call_it_a_refusal() {
    let server = ScriptServer::start(vec![status(420), ok("{}")]).await;
    let resp = transport(3)
        .send(post(&server.url("/write"), "{}"))
        .await
        .unwrap();
    assert_eq!(resp.status(), 420, "no rule: an ordinary 4xx");
    assert_eq!(server.hits(), 1);

    let server = ScriptServer::start(vec![status(420), ok("{}")]).await;
    let mut req = post(&server.url("/write"), "{}");
    req.extensions_mut().insert(RULES);
    let resp = transport(3).send(req).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(server.hits(), 2, "the refused POST was re-sent");
    let attempts = chatdesk_transport::Attempts::of(&resp).unwrap();
    assert_eq!(
        attempts.classifier(),
        "fallback",
        "the 200 decided by nobody"
    );
    assert!(!attempts.earlier_may_have_applied());
}

#[tokio::test]
async fn retry_after_beyond_the_cap_fails_at_once() {
    let server = ScriptServer::start(vec![with_retry_after(429, "3600")]).await;
    let started = Instant::now();
    let err = transport(3).send(get(&server.url("/x"))).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::RateLimited {
                retry_after: Some(d),
                scope: RateLimitScope::Server,
                status: Some(s),
            } if d == Duration::from_secs(3600) && s == 429
        ),
        "{err:?}"
    );
    assert_eq!(server.hits(), 1);
    assert_eq!(err.was_sent(), Some(false), "a refusal was not processed");
    assert!(started.elapsed() < Duration::from_secs(5), "did not wait");
}

#[tokio::test]
async fn other_4xx_are_never_retried() {
    for code in [400u16, 401, 403, 404, 409, 422] {
        let server = ScriptServer::start(vec![status(code), ok("{}")]).await;
        let t = transport(3);
        assert_eq!(t.send(get(&server.url("/x"))).await.unwrap().status(), code);
        assert_eq!(server.hits(), 1, "GET {code}");
        let server = ScriptServer::start(vec![status(code), ok("{}")]).await;
        assert_eq!(
            t.send(post(&server.url("/x"), "{}"))
                .await
                .unwrap()
                .status(),
            code
        );
        assert_eq!(server.hits(), 1, "POST {code}");
    }
}

#[tokio::test]
async fn attempts_are_bounded() {
    let server = ScriptServer::start(vec![status(503); 10]).await;
    let resp = transport(3).send(get(&server.url("/x"))).await.unwrap();
    assert_eq!(resp.status(), 503);
    assert_eq!(server.hits(), 3);
}

#[tokio::test]
async fn attempt_timeout_fires_and_get_is_retried() {
    let server = ScriptServer::start(vec![Step::Hang, Step::Hang]).await;
    let t = crate::builder()
        .retry(fast_retry(2))
        .attempt_timeout(Duration::from_millis(200))
        .call_timeout(None)
        .build();
    let started = Instant::now();
    let err = t.send(get(&server.url("/slow"))).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(server.hits(), 2);
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(400), "{took:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[tokio::test]
async fn post_that_timed_out_is_not_resent() {
    let server = ScriptServer::start(vec![Step::Hang, ok("{}")]).await;
    let t = crate::builder()
        .retry(fast_retry(3))
        .attempt_timeout(Duration::from_millis(200))
        .build();
    let err = t.send(post(&server.url("/w"), "{}")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                maybe_sent: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn overall_timeout_bounds_the_whole_call() {
    let server = ScriptServer::start(vec![Step::Hang; 5]).await;
    let t = crate::builder()
        .retry(fast_retry(5))
        .attempt_timeout(Duration::from_secs(30))
        .call_timeout(Duration::from_millis(300))
        .build();
    let started = Instant::now();
    let err = t.send(get(&server.url("/slow"))).await.unwrap_err();
    assert!(
        matches!(err, Error::Timeout { after, .. } if after == Duration::from_millis(300)),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn body_over_the_cap_is_a_typed_error() {
    let big = "x".repeat(64 * 1024);
    let server = ScriptServer::start(vec![ok(&big), ok(&big)]).await;
    let t = crate::builder()
        .retry(fast_retry(1))
        .max_body(16 * 1024)
        .build();
    let err = t.send(get(&server.url("/big"))).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 16384 }),
        "{err:?}"
    );
    // Under the cap it is read whole.
    let t = crate::builder().max_body(128 * 1024).build();
    let resp = t.send(get(&server.url("/big"))).await.unwrap();
    assert_eq!(resp.body().len(), big.len());
}

#[tokio::test]
async fn layers_per_call_and_per_attempt_see_calls_and_attempts() {
    let server = ScriptServer::start(vec![status(503), ok("{}")]).await;
    let calls = Arc::new(AtomicUsize::new(0));
    let attempts = Arc::new(AtomicUsize::new(0));
    let (c, a) = (calls.clone(), attempts.clone());
    let t = crate::builder()
        .retry(fast_retry(3))
        .layer_per_call(tower::util::MapRequestLayer::new(
            move |req: http::Request<chatdesk_transport::Body>| {
                c.fetch_add(1, Ordering::SeqCst);
                req
            },
        ))
        .layer_per_attempt(tower::util::MapRequestLayer::new(
            move |mut req: http::Request<chatdesk_transport::Body>| {
                a.fetch_add(1, Ordering::SeqCst);
                req.headers_mut()
                    .insert("x-attempt-layer", http::HeaderValue::from_static("yes"));
                req
            },
        ))
        .build();
    t.send(get(&server.url("/x"))).await.unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
    assert!(
        server
            .seen()
            .iter()
            .all(|s| s.headers["x-attempt-layer"] == "yes")
    );
}

/// A DELETE whose first answer is lost after the server read it, answered 404 the second time:
/// the response carries the attempt history that lets the vendor crates call it deleted.
/// Refused unprocessed first (429), or not a DELETE, the same 404 stays a 404.
#[tokio::test]
async fn a_resent_delete_records_whether_an_earlier_attempt_may_have_applied() {
    use chatdesk_transport::Attempts;
    let delete = |url: &str| {
        http::Request::delete(url)
            .body(chatdesk_transport::Body::default())
            .unwrap()
    };
    // (first answer, request, number, earlier may have applied, 404 means deleted)
    let cases: [(Step, bool, u32, bool, bool); 4] = [
        (Step::Close, true, 2, true, true),
        (status(503), true, 2, true, true),
        (with_retry_after(429, "0"), true, 2, false, false),
        (Step::Close, false, 2, true, false),
    ];
    for (first, is_delete, number, earlier, deleted) in cases {
        let what = format!("{first:?} delete={is_delete}");
        let server = ScriptServer::start(vec![first, status(404)]).await;
        let url = server.url("/conversation/s1");
        let req = if is_delete { delete(&url) } else { get(&url) };
        let resp = transport(3).send(req).await.unwrap();
        assert_eq!(resp.status(), 404, "{what}");
        assert_eq!(server.hits(), 2, "{what}");
        let attempts = Attempts::of(&resp).expect("the retry layer stamps every answer");
        assert_eq!(attempts.number(), number, "{what}");
        assert_eq!(attempts.earlier_may_have_applied(), earlier, "{what}");
        assert_eq!(
            attempts.not_found_means_deleted(resp.status()),
            deleted,
            "{what}"
        );
    }
    // A first-attempt 404 is a plain 404.
    let server = ScriptServer::start(vec![status(404)]).await;
    let resp = transport(3).send(delete(&server.url("/c"))).await.unwrap();
    let attempts = Attempts::of(&resp).unwrap();
    assert_eq!(
        (attempts.number(), attempts.earlier_may_have_applied()),
        (1, false)
    );
}

/// A request sent with its description beside it (`send_described`, the endpoint kit's way)
/// is sent as the same request with the description in its extensions: its rules decide, and
/// its replay class, not its method, says whether it is re-sent.
#[tokio::test]
async fn a_described_request_is_sent_by_its_description() {
    use chatdesk_transport::{Described, Replay, RequestMeta, RetryRules};
    // A POST described as `replay`, with `rules`, against a server answering `first` then 200:
    // the status the caller got, and how many requests the server saw.
    async fn case(first: u16, replay: Replay, rules: Option<RetryRules>) -> (u16, usize) {
        let server = ScriptServer::start(vec![status(first), ok("{}")]).await;
        let req = post(&server.url("/write"), "{}");
        let meta = RequestMeta {
            replay,
            ..RequestMeta::for_method(req.method())
        };
        let mut described = Described::new(req, meta);
        described.rules = rules;
        let resp = transport(3).send_described(described).await.unwrap();
        (resp.status().as_u16(), server.hits())
    }
    assert_eq!(case(420, Replay::Unsafe, None).await, (420, 1), "no rules");
    assert_eq!(
        case(420, Replay::Unsafe, Some(RULES)).await,
        (200, 2),
        "the rule's refusal"
    );
    assert_eq!(
        case(503, Replay::Unsafe, None).await,
        (503, 1),
        "not re-sent"
    );
    assert_eq!(
        case(503, Replay::Safe, None).await,
        (200, 2),
        "described safe"
    );
}

/// Below the stack, a user's service finds a described request's description in its
/// extensions, as it would for `send(described.into_request())`.
#[tokio::test]
async fn a_users_service_sees_the_description_in_the_extensions() {
    use chatdesk_transport::{Described, Replay, RequestMeta, RetryRules};
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let service = tower::service_fn(move |req: http::Request<chatdesk_transport::Body>| {
        let meta = RequestMeta::of(&req);
        let rules = RetryRules::of(&req).map(|r| r.chain().len());
        log.lock()
            .unwrap()
            .push((meta.endpoint, meta.replay, rules));
        async {
            Ok::<_, std::convert::Infallible>(http::Response::new(http_body_util::Full::new(
                bytes::Bytes::from_static(b"{}"),
            )))
        }
    });
    let transport = crate::builder().service(service).build();
    let req = get("http://unused.invalid/read");
    let meta = RequestMeta {
        endpoint: "read_it",
        ..RequestMeta::for_method(req.method())
    };
    let resp = transport
        .send_described(Described::new(req, meta).with_rules(RULES))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(*seen.lock().unwrap(), [("read_it", Replay::Safe, Some(1))]);
}
