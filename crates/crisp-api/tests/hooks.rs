//! The web hook receiver (`hooks`): what it answers and what it yields, in process (the service
//! called directly) and end to end on loopback (the simulator posting signed hooks to it over
//! HTTP while an RTM socket gets the same writes). Every wait is bounded by [`WAIT`].

mod crisp_sim;
mod rtm_support;

use bytes::Bytes;
use chatdesk_crisp_api::events::{Dedup, EventItem, Events, Mode};
use chatdesk_crisp_api::hooks::{WebhookReceiver, WebhookService};
use chatdesk_crisp_api::model::message::{MessageContent, MessageFrom, MessageSend, Origin};
use chatdesk_crisp_api::model::webhook::{
    Event, SIGNATURE_HEADER, TIMESTAMP_HEADER, compute_signature,
};
use chatdesk_crisp_api::rtm::RtmError;
use chatdesk_sim::{CrispConfig, Sim};
use futures_util::StreamExt;
use http::{Request, StatusCode};
use http_body_util::Full;
use rtm_support::connected;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::time::timeout;
use tower::ServiceExt;

const WAIT: Duration = Duration::from_secs(5);
const SECRET: &str = "hook-secret";

fn body(event: &str, data: Value) -> Vec<u8> {
    json!({"website_id": "w1", "event": event, "data": data, "timestamp": 1_700_000_000_000_i64})
        .to_string()
        .into_bytes()
}

fn visitor_message(fingerprint: i64, text: &str) -> Vec<u8> {
    body(
        "message:send",
        json!({
            "website_id": "w1", "session_id": "s1", "type": "text", "from": "user",
            "origin": "chat", "content": text, "fingerprint": fingerprint,
            "timestamp": 1_700_000_000_000_i64,
        }),
    )
}

/// A delivery as Crisp sends it: signed with `secret`, attempt `attempt`.
fn signed(body: &[u8], secret: &str, attempt: u32) -> Request<Full<Bytes>> {
    let ts = "1700000000123";
    Request::post("/crisp")
        .header(TIMESTAMP_HEADER, ts)
        .header(
            SIGNATURE_HEADER,
            compute_signature(secret.as_bytes(), body, ts).unwrap(),
        )
        .header("X-Delivery-Attempt-Count", attempt.to_string())
        .header("X-Delivery-Attempt-Limit", "3")
        .body(Full::new(Bytes::copy_from_slice(body)))
        .unwrap()
}

async fn status(service: &WebhookService, request: Request<Full<Bytes>>) -> StatusCode {
    service.clone().oneshot(request).await.unwrap().status()
}

async fn next(events: &mut Events) -> EventItem {
    timeout(WAIT, events.next())
        .await
        .expect("an item in time")
        .expect("the stream goes on")
        .expect("no error from a web hook stream")
}

/// Closes the stream and returns what was still in it: proves what was (not) yielded.
async fn drain(events: &mut Events) -> Vec<EventItem> {
    events.close().unwrap();
    let mut rest = Vec::new();
    while let Some(item) = timeout(WAIT, events.next()).await.expect("the stream ends") {
        rest.push(item.unwrap());
    }
    rest
}

fn fingerprint_of(item: &EventItem) -> Option<i64> {
    match item {
        EventItem::Event(Event::MessageSend(m) | Event::MessageReceived(m)) => m.fingerprint,
        _ => None,
    }
}

#[tokio::test]
async fn a_signed_delivery_is_answered_200_and_yields_its_typed_event() {
    let (service, mut events) = WebhookReceiver::plugin(SECRET).build();
    assert_eq!(events.mode(), Mode::Webhooks);
    let hook = visitor_message(7, "hello");
    assert_eq!(
        status(&service, signed(&hook, SECRET, 1)).await,
        StatusCode::OK
    );
    let item = next(&mut events).await;
    let EventItem::Event(Event::MessageSend(message)) = &item else {
        panic!("expected message:send, got {item:?}");
    };
    assert_eq!(message.content.as_text(), Some("hello"));
    assert_eq!(message.fingerprint, Some(7));
    // The same event as an RTM push (`42["message:send", data]`) decodes to the same item.
    let data: Value = serde_json::from_slice::<Value>(&hook).unwrap()["data"].clone();
    assert_eq!(EventItem::from_parts("message:send".into(), data), item);
    assert!(drain(&mut events).await.is_empty());
}

#[tokio::test]
async fn a_bad_signature_is_401_and_yields_nothing() {
    let (service, mut events) = WebhookReceiver::plugin(SECRET).build();
    let hook = visitor_message(1, "forged");
    assert_eq!(
        status(&service, signed(&hook, "another secret", 1)).await,
        StatusCode::UNAUTHORIZED
    );
    let unsigned = Request::post("/crisp")
        .body(Full::new(Bytes::from(hook.clone())))
        .unwrap();
    assert_eq!(status(&service, unsigned).await, StatusCode::UNAUTHORIZED);
    // A body changed after signing.
    let mut tampered = signed(&hook, SECRET, 1);
    *tampered.body_mut() = Full::new(Bytes::from(visitor_message(1, "changed")));
    assert_eq!(status(&service, tampered).await, StatusCode::UNAUTHORIZED);
    assert_eq!(events.queued(), 0);
    assert!(drain(&mut events).await.is_empty());
}

#[tokio::test]
async fn a_stale_timestamp_is_401_only_when_a_max_age_is_set() {
    let hook = visitor_message(1, "old");
    let (lenient, _kept) = WebhookReceiver::plugin(SECRET).build();
    assert_eq!(
        status(&lenient, signed(&hook, SECRET, 1)).await,
        StatusCode::OK
    );
    let (strict, mut events) = WebhookReceiver::plugin(SECRET)
        .max_age(Duration::from_secs(300))
        .build();
    assert_eq!(
        status(&strict, signed(&hook, SECRET, 1)).await,
        StatusCode::UNAUTHORIZED
    );
    assert!(drain(&mut events).await.is_empty());
}

#[tokio::test]
async fn an_unsigned_website_hook_needs_the_url_key() {
    let (service, mut events) = WebhookReceiver::website_key("k3y&=x").build();
    let hook = body(
        "session:set_state",
        json!({"session_id": "s1", "state": "resolved"}),
    );
    let post = |uri: &str| {
        Request::post(uri)
            .body(Full::new(Bytes::from(hook.clone())))
            .unwrap()
    };
    for (uri, expected) in [
        ("/crisp", StatusCode::UNAUTHORIZED),
        ("/crisp?key=k3y", StatusCode::UNAUTHORIZED),
        ("/crisp?key=k3y%26%3Dy", StatusCode::UNAUTHORIZED),
        ("/crisp?other=1&key=k3y%26%3Dx", StatusCode::OK),
    ] {
        assert_eq!(status(&service, post(uri)).await, expected, "{uri}");
    }
    let item = next(&mut events).await;
    assert!(
        matches!(&item, EventItem::Event(Event::SessionSetState(s)) if s.session_id.as_deref() == Some("s1")),
        "{item:?}"
    );
    assert!(drain(&mut events).await.is_empty());
    let debug = format!("{service:?} {events:?}");
    assert!(!debug.contains("k3y"), "{debug}");
}

#[tokio::test]
async fn bodies_that_are_not_hooks_are_400_and_known_names_with_bad_data_are_malformed() {
    let (service, mut events) = WebhookReceiver::plugin(SECRET).build();
    for bad in [&b"not json"[..], br#"{"data":{}}"#, br#"[1,2]"#] {
        assert_eq!(
            status(&service, signed(bad, SECRET, 1)).await,
            StatusCode::BAD_REQUEST,
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    let get = Request::get("/crisp")
        .body(Full::new(Bytes::new()))
        .unwrap();
    let answer = service.clone().oneshot(get).await.unwrap();
    assert_eq!(answer.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(answer.headers()["allow"], "POST");
    // A known name whose data does not fit: taken (200), yielded raw, as RTM does.
    let odd = body("session:set_segments", json!({"segments": "not a list"}));
    assert_eq!(
        status(&service, signed(&odd, SECRET, 1)).await,
        StatusCode::OK
    );
    let unknown = body("brand:new:event", json!({"x": 1}));
    assert_eq!(
        status(&service, signed(&unknown, SECRET, 1)).await,
        StatusCode::OK
    );
    match next(&mut events).await {
        EventItem::Malformed { name, data, .. } => {
            assert_eq!(name, "session:set_segments");
            assert_eq!(data["segments"], "not a list");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        next(&mut events).await,
        EventItem::Event(Event::Unknown {
            name: "brand:new:event".into(),
            data: json!({"x": 1})
        })
    );
    assert!(drain(&mut events).await.is_empty());
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_and_yields_nothing() {
    let (service, mut events) = WebhookReceiver::plugin(SECRET).body_limit(256).build();
    let big = visitor_message(1, &"x".repeat(300));
    // Without a Content-Length (read under the limit) and with one (refused before reading).
    assert_eq!(
        status(&service, signed(&big, SECRET, 1)).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let mut announced = signed(&big, SECRET, 1);
    announced
        .headers_mut()
        .insert("content-length", big.len().to_string().parse().unwrap());
    assert_eq!(
        status(&service, announced).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    let small = visitor_message(2, "ok");
    assert!(small.len() <= 256);
    assert_eq!(
        status(&service, signed(&small, SECRET, 1)).await,
        StatusCode::OK
    );
    let rest = drain(&mut events).await;
    assert_eq!(
        rest.iter().map(fingerprint_of).collect::<Vec<_>>(),
        [Some(2)]
    );
}

#[tokio::test]
async fn a_full_buffer_is_503_and_the_redelivery_is_not_lost() {
    let (service, mut events) = WebhookReceiver::plugin(SECRET).buffer(2).build();
    let hooks: Vec<_> = (1..=3).map(|i| visitor_message(i, "m")).collect();
    assert_eq!(
        status(&service, signed(&hooks[0], SECRET, 1)).await,
        StatusCode::OK
    );
    assert_eq!(
        status(&service, signed(&hooks[1], SECRET, 1)).await,
        StatusCode::OK
    );
    let refused = service
        .clone()
        .oneshot(signed(&hooks[2], SECRET, 1))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.headers()["retry-after"], "1");
    assert_eq!(events.queued(), 2);
    assert_eq!(fingerprint_of(&next(&mut events).await), Some(1));
    // Crisp delivers the refused one again: now there is room.
    assert_eq!(
        status(&service, signed(&hooks[2], SECRET, 2)).await,
        StatusCode::OK
    );
    let rest = drain(&mut events).await;
    assert_eq!(
        rest.iter().map(fingerprint_of).collect::<Vec<_>>(),
        [Some(2), Some(3)]
    );
    // After close (and after the stream is gone), deliveries are refused for a later retry.
    assert_eq!(
        status(&service, signed(&hooks[0], SECRET, 3)).await,
        StatusCode::SERVICE_UNAVAILABLE
    );
    drop(events);
    let (service, events) = WebhookReceiver::plugin(SECRET).build();
    drop(events);
    assert_eq!(
        status(&service, signed(&hooks[0], SECRET, 1)).await,
        StatusCode::SERVICE_UNAVAILABLE
    );
}

#[tokio::test(start_paused = true)]
async fn retried_deliveries_are_let_through_once_by_dedup() {
    let (service, events) = WebhookReceiver::plugin(SECRET).build();
    let mut events = events.dedup(16, Duration::from_secs(60));
    let first = visitor_message(10, "once");
    let state = body(
        "session:set_state",
        json!({"session_id": "s1", "state": "resolved"}),
    );
    // Attempt 1's answer was lost, so Crisp sends attempts 2 and 3 of the same delivery.
    for attempt in 1..=3 {
        assert_eq!(
            status(&service, signed(&first, SECRET, attempt)).await,
            StatusCode::OK
        );
        assert_eq!(
            status(&service, signed(&state, SECRET, attempt)).await,
            StatusCode::OK
        );
    }
    let other = visitor_message(11, "another");
    assert_eq!(
        status(&service, signed(&other, SECRET, 1)).await,
        StatusCode::OK
    );
    let message = next(&mut events).await;
    assert_eq!(fingerprint_of(&message), Some(10));
    assert!(matches!(
        next(&mut events).await,
        EventItem::Event(Event::SessionSetState(_))
    ));
    assert_eq!(fingerprint_of(&next(&mut events).await), Some(11));
    assert_eq!(events.duplicates(), 4);
    // Past the window the same identity is new again (a real repeat, not a retry).
    tokio::time::advance(Duration::from_secs(61)).await;
    assert_eq!(
        status(&service, signed(&first, SECRET, 1)).await,
        StatusCode::OK
    );
    assert_eq!(fingerprint_of(&next(&mut events).await), Some(10));
    assert!(drain(&mut events).await.is_empty());
    assert_eq!(events.duplicates(), 4);
}

#[tokio::test(start_paused = true)]
async fn the_stream_ends_once_the_service_is_gone() {
    let (service, mut events) = WebhookReceiver::plugin(SECRET).build();
    let copy = service.clone();
    assert_eq!(
        status(&service, signed(&visitor_message(5, "last"), SECRET, 1)).await,
        StatusCode::OK
    );
    drop(service);
    assert_eq!(fingerprint_of(&next(&mut events).await), Some(5));
    // A clone still serves: the stream waits for it.
    assert!(
        timeout(Duration::from_millis(50), events.next())
            .await
            .is_err()
    );
    drop(copy);
    assert!(timeout(WAIT, events.next()).await.unwrap().is_none());
    events.close().unwrap();
}

#[tokio::test]
async fn rtm_commands_on_a_web_hook_stream_are_refused() {
    let (_service, events) = WebhookReceiver::plugin(SECRET).build();
    assert!(events.control().is_none());
    assert!(matches!(events.rebind(), Err(RtmError::NotRtm)));
    assert!(matches!(
        events.bind_push(["message:send"]),
        Err(RtmError::NotRtm)
    ));
    assert!(matches!(
        events.bind_pop(["message:send"]),
        Err(RtmError::NotRtm)
    ));
}

// ---------------------------------------------------------------------------------------------
// End to end: the simulator posts signed hooks over HTTP while RTM sees the same writes
// ---------------------------------------------------------------------------------------------

/// Serves `service` over HTTP/1 on a loopback port; returns its URL.
async fn serve(service: WebhookService) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/crisp", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let service = service.clone();
            let hyper_service =
                hyper::service::service_fn(move |request| service.clone().oneshot(request));
            tokio::spawn(
                hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), hyper_service),
            );
        }
    });
    url
}

/// The next `message:send` with `fingerprint` (other events the write produced are skipped).
async fn message(events: &mut Events, fingerprint: i64) -> EventItem {
    loop {
        let item = timeout(WAIT, events.next())
            .await
            .expect("the message in time")
            .expect("the stream goes on")
            .unwrap();
        if matches!(&item, EventItem::Event(Event::MessageSend(_)))
            && fingerprint_of(&item) == Some(fingerprint)
        {
            return item;
        }
    }
}

#[tokio::test]
async fn a_simulator_write_gives_the_same_event_over_a_web_hook_as_over_rtm() {
    // The simulator signs with the plugin hook secret of its configuration.
    let config = CrispConfig {
        webhook_secret: SECRET.to_owned(),
        ..CrispConfig::default()
    };
    let (service, mut hooks) = WebhookReceiver::plugin(SECRET).build();
    let url = serve(service).await;
    let sim = Sim::builder()
        .crisp_config(config)
        .crisp_webhook(url)
        .start()
        .await
        .unwrap();
    let client = crisp_sim::sim_builder(&sim).build().unwrap();
    let mut rtm = connected(client.rtm().events(["message:send"]), WAIT).await;

    let website_id = sim.crisp_website_id();
    let website = client.website(&website_id);
    let session = crisp_sim::new_conversation(&client, &website_id).await;
    let sent = website
        .conversation(&session)
        .send_message(MessageSend::new(
            MessageFrom::User,
            Origin::Chat,
            MessageContent::text("over both"),
        ))
        .await
        .unwrap()
        .fingerprint
        .unwrap();

    let from_rtm = message(&mut rtm, sent).await;
    let from_hook = message(&mut hooks, sent).await;
    assert_eq!(from_hook, from_rtm);
    let (Some(a), Some(b)) = (from_rtm.event(), from_hook.event()) else {
        panic!("two events");
    };
    assert_eq!(a.identity(), b.identity());
    assert_eq!(a.identity().fingerprint(), Some(sent));
    // The simulator logs a delivery once it has the answer, which may be after the event is in
    // the stream.
    timeout(WAIT, async {
        while !sim
            .webhook_deliveries()
            .iter()
            .any(|d| d.status == Some(200))
        {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the simulator saw a 200");

    // A bot running both modes lets the event through once.
    let mut seen = Dedup::new(64, Duration::from_secs(60));
    let now = std::time::Instant::now();
    assert!(seen.first_seen(&a.identity(), now));
    assert!(!seen.first_seen(&b.identity(), now));
    rtm.close().unwrap();
    sim.shutdown().await;
}
