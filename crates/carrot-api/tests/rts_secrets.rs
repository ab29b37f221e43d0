//! The RTS token never reaches any output: every tracing level (spans included), every `log`
//! record, `Debug` of every type and every error variant are captured and searched. A binary of
//! its own, so that its subscriber and logger see no other test's callsites first.

#[path = "support/rts_fake.rs"]
mod rts_fake;

use chatdesk_carrot_api::rts::{Channel, RtsError};
use chatdesk_transport::websocket::{self, WsConfig, WsUrl, tungstenite};
use rts_fake::*;
use std::sync::Mutex;
use std::time::Duration;

/// Every record written to the `log` crate (where tungstenite and tokio-tungstenite log), from
/// this binary.
struct LogCapture(Mutex<Vec<String>>);

impl log::Log for LogCapture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        self.0.lock().unwrap().push(line);
    }
    fn flush(&self) {}
}

static LOGS: LogCapture = LogCapture(Mutex::new(Vec::new()));

#[tokio::test]
async fn the_token_never_appears_in_traces_debug_or_errors() {
    // The only test of this binary installs it.
    log::set_logger(&LOGS).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let capture = chatdesk_sim::testkit::CaptureWriter::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        // Every span's opening and closing too, with its fields (the URL among them).
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let fake = Fake::start(vec![
        Conn::Reject(502),
        Conn::Serve(vec![reply(1)], End::Close(3502)),
        Conn::Reject(503),
        Conn::Serve(vec![reply(2)], End::Drop),
        Conn::Serve(vec![reply(3)], End::Close(3401)),
    ])
    .await;
    let builder = subscribe(&fake).channel(Channel::ping());
    let mut printed = vec![format!("{builder:?}"), format!("{:?}", client())];
    let mut rts = builder.connect().await.unwrap();
    printed.push(format!("{rts:?}"));
    let mut errors = Vec::new();
    while let Some(item) = next(&mut rts).await {
        match item {
            Ok(item) => printed.push(format!("{item:?}")),
            Err(e) => errors.push(e),
        }
    }
    assert_eq!(errors.len(), 1, "the 3401 ended it");
    assert_eq!(fake.upgrades().len(), 5);
    assert!(
        fake.upgrades()
            .iter()
            .all(|u| u.query["auth_token"] == TOKEN),
        "the server got it"
    );

    // Every variant, with what a real failure puts in it.
    let url_error = WsUrl::parse("ws://relay.example/").unwrap_err();
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed_port.local_addr().unwrap().port();
    drop(closed_port);
    let dead = WsUrl::parse(&format!(
        "ws://127.0.0.1:{port}/websocket/ping?auth_token={TOKEN}"
    ))
    .unwrap();
    printed.push(format!("{dead:?}"));
    let connect_error = websocket::connect(&dead, &WsConfig::default())
        .await
        .unwrap_err();
    // A subscription to the ping channel with the client's defaults.
    let ping = || client().rts().channel(Channel::ping());
    let more = [
        client().rts().connect().await.unwrap_err(),
        ping().connect().await.unwrap_err(),
        ping()
            .url("ws://relay.example")
            .connect()
            .await
            .unwrap_err(),
        ping()
            .url(format!("ws://127.0.0.1:{port}"))
            .connect_attempts(1)
            .connect()
            .await
            .unwrap_err(),
        RtsError::Url(url_error),
        RtsError::Connect(connect_error),
        RtsError::Unauthorized {
            reason: Some("expired".into()),
        },
        RtsError::Forbidden { reason: None },
        RtsError::Upgrade { status: 502 },
        RtsError::Closed {
            code: Some(3500),
            reason: None,
        },
        RtsError::Socket(Box::new(tungstenite::Error::ConnectionClosed)),
        RtsError::Silent(Duration::from_secs(1)),
        RtsError::NoHost {
            base: "http://127.0.0.1:9/v1".into(),
        },
    ];
    errors.extend(more);
    for e in &errors {
        let mut text = format!("{e} / {e:?}");
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            text.push_str(&format!(" / {s} / {s:?}"));
            source = s.source();
        }
        printed.push(text);
    }
    let logs = capture.text();
    assert!(logs.contains("rts.connect"), "spans were captured: {logs}");
    assert!(
        logs.contains("RTS reconnecting") && logs.contains("RTS resumed"),
        "{logs}"
    );
    assert!(
        logs.contains(&format!("conversation_reply.{APP}/ping")),
        "channels are shown: {logs}"
    );
    assert!(logs.contains("127.0.0.1"), "the host is shown: {logs}");
    let records = LOGS.0.lock().unwrap().join("\n");
    assert!(
        records.contains("tungstenite"),
        "log records were captured: {records}"
    );
    for text in printed.iter().chain([&logs, &records]) {
        assert!(!text.contains("s3cr3t"), "the token leaked: {text}");
    }
}
