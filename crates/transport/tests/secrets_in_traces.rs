//! Credentials never reach logs: the tracing output of a retried call is captured and searched.

mod support;

use chatdesk_transport::{Body, Error, RetryConfig, Secret, Transport};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::*;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const KEY: &str = "sk_live_5f0e3c9a1b";

#[tokio::test]
async fn no_span_or_event_contains_the_key() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = ScriptServer::start(vec![status(503), ok("{}")]).await;
    let t = Transport::builder()
        .retry(RetryConfig {
            base_backoff: Duration::from_millis(1),
            ..RetryConfig::default()
        })
        .build();
    let secret = Secret::new(KEY);
    let mut req = get(&server.url("/v1/website/abc"));
    req.headers_mut().insert(
        http::header::AUTHORIZATION,
        Secret::sensitive_header(&format!("Token {}", secret.expose())).unwrap(),
    );
    let resp = t.send(req).await.unwrap();
    assert_eq!(resp.status(), 200);
    // The server did get the key: the header was sent, only never logged.
    assert!(server.seen()[0].headers["authorization"] == format!("Token {KEY}").as_str());

    // A failing call too, so error events are covered.
    let mut bad: http::Request<Body> = post("http://127.0.0.1:1/v1/x", "{}");
    bad.headers_mut().insert(
        http::header::AUTHORIZATION,
        Secret::sensitive_header(&format!("Token {KEY}")).unwrap(),
    );
    let err = t.send(bad).await.unwrap_err();
    assert!(matches!(err, Error::Connect { .. }));

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("chatdesk.call"),
        "spans were captured: {logs}"
    );
    assert!(logs.contains("retrying"), "retry events were captured");
    assert!(
        logs.contains("attempt=1") && logs.contains("attempt=2") && logs.contains("status=503"),
        "one event per attempt, with number and status: {logs}"
    );
    assert!(
        logs.contains("classifier=\"http_5xx\"") && logs.contains("classifier=\"transport\""),
        "each attempt names the retry classifier that decided it: {logs}"
    );
    assert!(
        logs.contains("retry_classifier=\"http_5xx\""),
        "the call's span names the classifier that decided its latest attempt: {logs}"
    );
    assert!(!logs.contains(KEY), "the key leaked into traces:\n{logs}");
    assert!(!format!("{err} {err:?}").contains(KEY));
    assert!(!format!("{secret} {secret:?}").contains(KEY));
}
