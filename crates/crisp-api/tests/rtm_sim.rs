//! Our RTM client against the simulator's RTM server (`chatdesk-sim`), end to end on loopback:
//! discovery over REST, the Engine.IO / Socket.IO handshake, authentication, pushes that follow
//! REST writes made with our REST client, and the failure paths driven through the simulator's
//! control API (`sim.crisp_rtm()`). The two sides were written apart from each other; this is
//! where they meet. Every wait is bounded by [`WAIT`]; heartbeats run in milliseconds.

mod crisp_sim;
mod rtm_support;

use std::collections::BTreeSet;
use std::time::Duration;

use chatdesk_crisp_api::CrispClient;
use chatdesk_crisp_api::model::message::{MessageContent, MessageFrom, MessageSend, Origin};
use chatdesk_crisp_api::model::webhook::Event;
use chatdesk_crisp_api::rtm::{Rtm, RtmBuilder, RtmError, RtmItem};
use chatdesk_sim::{CrispTier, Sim};
use crisp_sim::{builder_for, new_conversation};
use futures_util::StreamExt;
use rtm_support::{connected, next_within};
use serde_json::json;
use tokio::time::timeout;

/// The longest any single step may take.
const WAIT: Duration = Duration::from_secs(5);

async fn start() -> (Sim, CrispClient, String) {
    let sim = Sim::builder().start().await.unwrap();
    let creds = sim.crisp_credentials();
    let client = client_with_key(&sim, &creds.key);
    (sim, client, creds.website_id)
}

fn client_with_key(sim: &Sim, key: &str) -> CrispClient {
    let creds = sim.crisp_credentials();
    builder_for(sim, &creds.identifier, key, creds.tier)
        .build()
        .unwrap()
}

/// Quick retries, so the failure paths play out in milliseconds.
fn fast(builder: RtmBuilder) -> RtmBuilder {
    builder
        .backoff(Duration::from_millis(10), Duration::from_millis(40))
        .connect_timeout(Duration::from_secs(2))
        .auth_timeout(Duration::from_secs(2))
}

async fn next(rtm: &mut Rtm) -> Result<RtmItem, RtmError> {
    next_within(rtm, WAIT).await.expect("the RTM stream ended")
}

async fn next_ok(rtm: &mut Rtm) -> RtmItem {
    next(rtm).await.expect("an RTM item, not an error")
}

/// Reads `Reconnecting` items up to `Reconnected` and returns their attempt numbers; anything
/// else fails the test (`what` says where).
async fn reconnecting_attempts(rtm: &mut Rtm, what: &str) -> Vec<u32> {
    let mut attempts = Vec::new();
    loop {
        match next_ok(rtm).await {
            RtmItem::Reconnecting { attempt, .. } => attempts.push(attempt),
            RtmItem::Reconnected { .. } => return attempts,
            other => panic!("{what}: expected Reconnecting/Reconnected, got {other:?}"),
        }
    }
}

/// The next event (lifecycle items are skipped and returned alongside).
async fn next_event(rtm: &mut Rtm) -> (Event, Vec<RtmItem>) {
    let mut lifecycle = Vec::new();
    loop {
        match next_ok(rtm).await {
            RtmItem::Event(e) => return (e, lifecycle),
            RtmItem::Malformed { name, error, .. } => panic!("{name} did not decode: {error}"),
            other => lifecycle.push(other),
        }
    }
}

/// Polls `cond` on the simulator until it holds (bounded by [`WAIT`]).
async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    timeout(WAIT, async {
        while !cond() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("timed out waiting for {what}"));
}

/// Sends a visitor message over REST; returns its fingerprint.
async fn visitor_says(client: &CrispClient, website_id: &str, session: &str, text: &str) -> i64 {
    let message = MessageSend::new(MessageFrom::User, Origin::Chat, MessageContent::text(text));
    client
        .website(website_id)
        .conversation(session)
        .send_message(message)
        .await
        .unwrap()
        .fingerprint
        .expect("a fingerprint")
}

/// Sends an operator message over REST; returns its fingerprint.
async fn operator_says(client: &CrispClient, website_id: &str, session: &str, text: &str) -> i64 {
    client
        .website(website_id)
        .conversation(session)
        .send_message(MessageSend::operator(MessageContent::text(text)))
        .await
        .unwrap()
        .fingerprint
        .expect("a fingerprint")
}

/// A request body from JSON (the tests need only its wire shape).
fn from<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).unwrap()
}

fn fingerprint(event: &Event) -> Option<i64> {
    match event {
        Event::MessageSend(m) | Event::MessageReceived(m) => m.fingerprint,
        _ => None,
    }
}

#[tokio::test]
async fn discovered_connection_delivers_the_events_of_rest_writes() {
    let (sim, client, website_id) = start().await;
    let mut rtm = connected(
        fast(client.rtm()).events(["message:send", "message:received"]),
        WAIT,
    )
    .await;
    let stats = sim.crisp_rtm().stats();
    assert_eq!((stats.connection_attempts, stats.authenticated), (1, 1));

    let session = new_conversation(&client, &website_id).await;
    let sent = visitor_says(&client, &website_id, &session, "hello from the visitor").await;
    let (event, lifecycle) = next_event(&mut rtm).await;
    assert!(lifecycle.is_empty(), "{lifecycle:?}");
    let Event::MessageSend(message) = &event else {
        panic!("expected message:send, got {event:?}");
    };
    assert_eq!(message.fingerprint, Some(sent));
    assert_eq!(message.session_id.as_deref(), Some(session.as_str()));
    assert_eq!(message.website_id.as_deref(), Some(website_id.as_str()));
    assert_eq!(message.content.as_text(), Some("hello from the visitor"));
    assert_eq!(message.from, Some(MessageFrom::User));

    let answered = operator_says(&client, &website_id, &session, "hello from us").await;
    let (event, _) = next_event(&mut rtm).await;
    let Event::MessageReceived(message) = &event else {
        panic!("expected message:received, got {event:?}");
    };
    assert_eq!(message.fingerprint, Some(answered));
    assert_eq!(message.from, Some(MessageFrom::Operator));

    rtm.close().unwrap();
    assert!(timeout(WAIT, rtm.next()).await.unwrap().is_none());
    until("the socket to close", || {
        sim.crisp_rtm().stats().open_sockets == 0
    })
    .await;
}

#[tokio::test]
async fn a_bad_keypair_is_one_final_error_and_no_further_attempt() {
    let (sim, _, _) = start().await;
    let client = client_with_key(&sim, "not-the-key");
    // The socket URL given: the RTM server itself refuses the key.
    let err = fast(client.rtm())
        .url(sim.crisp_rtm_url())
        .connect_attempts(5)
        .connect()
        .await
        .unwrap_err();
    assert!(matches!(err, RtmError::Unauthorized { .. }), "{err:?}");
    assert!(err.is_final());
    assert!(!format!("{err:?} {err}").contains("not-the-key"));
    // Longer than every backoff of the remaining attempts: none is made.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stats = sim.crisp_rtm().stats();
    assert_eq!(stats.connection_attempts, 1, "{stats:?}");
    assert_eq!((stats.authentications, stats.unauthorized), (1, 1));

    // Discovered: the REST discovery refuses the key first, and no socket is opened at all.
    let err = fast(client.rtm()).connect().await.unwrap_err();
    assert!(matches!(err, RtmError::Discovery(_)), "{err:?}");
    assert!(err.is_final());
    assert_eq!(sim.crisp_rtm().stats().connection_attempts, 1);
}

#[tokio::test]
async fn unauthorized_on_a_reconnection_ends_the_stream() {
    let (sim, client, _) = start().await;
    let mut rtm = connected(fast(client.rtm()), WAIT).await;
    sim.crisp_rtm().unauthorize_next(1);
    sim.crisp_rtm().drop_all();
    loop {
        match next(&mut rtm).await {
            Ok(RtmItem::Reconnecting { .. }) => {}
            Err(RtmError::Unauthorized { .. }) => break,
            other => panic!("expected Reconnecting then Unauthorized, got {other:?}"),
        }
    }
    assert!(timeout(WAIT, rtm.next()).await.unwrap().is_none());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stats = sim.crisp_rtm().stats();
    assert_eq!(stats.connection_attempts, 2, "{stats:?}");
    assert_eq!(stats.unauthorized, 1);
}

#[tokio::test]
async fn dropped_sockets_reconnect_reauthenticate_and_deliver_each_event_once() {
    let (sim, client, website_id) = start().await;
    let mut rtm = connected(fast(client.rtm()).events(["message:send"]), WAIT).await;
    let session = new_conversation(&client, &website_id).await;
    let mut seen = Vec::new();
    let before = visitor_says(&client, &website_id, &session, "before").await;
    let (event, _) = next_event(&mut rtm).await;
    seen.push(fingerprint(&event));
    assert_eq!(seen, [Some(before)]);

    for round in 0..2 {
        assert_eq!(sim.crisp_rtm().drop_all(), 1);
        let attempts = reconnecting_attempts(&mut rtm, &format!("round {round}")).await;
        let reconnecting = u32::try_from(attempts.len()).unwrap();
        assert_eq!(attempts, (1..=reconnecting).collect::<Vec<_>>());
        assert!(reconnecting >= 1);
        let stats = sim.crisp_rtm().stats();
        assert_eq!(
            stats.authenticated,
            2 + round,
            "re-authenticated: {stats:?}"
        );
        let after = visitor_says(&client, &website_id, &session, "after").await;
        let (event, lifecycle) = next_event(&mut rtm).await;
        assert!(lifecycle.is_empty(), "{lifecycle:?}");
        seen.push(fingerprint(&event));
        assert_eq!(seen.last(), Some(&Some(after)));
    }
    // Nothing else queued: in particular no event delivered a second time.
    assert!(
        timeout(Duration::from_millis(100), rtm.next())
            .await
            .is_err()
    );
    let unique: BTreeSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "{seen:?}");
}

#[tokio::test]
async fn a_silent_server_is_detected_by_the_heartbeat_then_reconnected() {
    let (sim, client, website_id) = start().await;
    // pingInterval 100 ms + pingTimeout 100 ms: silence is noticed after 200 ms.
    sim.crisp_rtm().set_ping(100, 100);
    let mut rtm = connected(fast(client.rtm()).events(["message:send"]), WAIT).await;
    until("a ping answered", || {
        sim.crisp_rtm().stats().pongs_received >= 1
    })
    .await;
    // Silent, and refusing new connections for now, so the reconnection waits for us.
    sim.crisp_rtm().set_pinging(false);
    sim.crisp_rtm().refuse_next(u64::MAX);
    let silent_since = tokio::time::Instant::now();
    let cause = match next_ok(&mut rtm).await {
        RtmItem::Reconnecting {
            attempt: 1, cause, ..
        } => cause,
        other => panic!("expected Reconnecting, got {other:?}"),
    };
    // The client uses the server's announced values, not its own defaults (45 s).
    let took = silent_since.elapsed();
    assert_eq!(
        cause,
        RtmError::HeartbeatTimeout(Duration::from_millis(200)).to_string()
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    // The sim never closes the silent socket itself: the client lets go of it.
    until("the client to close the dead socket", || {
        sim.crisp_rtm().stats().open_sockets == 0
    })
    .await;
    sim.crisp_rtm().set_pinging(true);
    sim.crisp_rtm().refuse_next(0);
    reconnecting_attempts(&mut rtm, "after the silence").await;
    let session = new_conversation(&client, &website_id).await;
    let sent = visitor_says(&client, &website_id, &session, "still there?").await;
    let (event, _) = next_event(&mut rtm).await;
    assert_eq!(fingerprint(&event), Some(sent));
}

#[tokio::test]
async fn refused_connections_are_retried_and_the_rescue_url_is_used() {
    let (sim, client, _) = start().await;
    // The first connection: two refusals, then the third attempt goes to the rescue URL (the
    // switch comes after `rediscover_after` failures, with a new discovery).
    sim.crisp_rtm().refuse_next(2);
    let mut rtm = connected(
        fast(client.rtm()).rediscover_after(2).connect_attempts(5),
        WAIT,
    )
    .await;
    let stats = sim.crisp_rtm().stats();
    assert_eq!(stats.connection_attempts, 3, "{stats:?}");
    assert_eq!(stats.connections_refused, 2);
    assert_eq!(stats.rescue_attempts, 1, "the third went to the rescue URL");

    // Once connected: a drop, then three refusals, are retried (no give-up while connected).
    sim.crisp_rtm().refuse_next(3);
    sim.crisp_rtm().drop_all();
    let attempts = reconnecting_attempts(&mut rtm, "after the refusals").await;
    assert_eq!(attempts, [1, 2, 3, 4]);
    let stats = sim.crisp_rtm().stats();
    assert_eq!(stats.connection_attempts, 7, "{stats:?}");
    assert_eq!(stats.connections_refused, 5);
    assert_eq!(stats.authenticated, 2);
}

#[tokio::test]
async fn only_bound_events_arrive_and_binds_reach_the_server() {
    let (sim, client, website_id) = start().await;
    let mut rtm = connected(fast(client.rtm()).events(["message:send"]), WAIT).await;
    let session = new_conversation(&client, &website_id).await;

    // Not bound: the operator message is not pushed; the visitor one behind it is.
    operator_says(&client, &website_id, &session, "unbound").await;
    let sent = visitor_says(&client, &website_id, &session, "bound").await;
    let (event, _) = next_event(&mut rtm).await;
    assert_eq!(event.name(), "message:send");
    assert_eq!(fingerprint(&event), Some(sent));

    let binds = sim.crisp_rtm().stats().binds;
    rtm.bind_push(["message:received"]).unwrap();
    until("socket:bind:push", || {
        sim.crisp_rtm().stats().binds == binds + 1
    })
    .await;
    let answered = operator_says(&client, &website_id, &session, "now bound").await;
    let (event, _) = next_event(&mut rtm).await;
    assert_eq!(event.name(), "message:received");
    assert_eq!(fingerprint(&event), Some(answered));

    // An unknown name, once bound, arrives raw.
    rtm.bind_push(["plugin:custom"]).unwrap();
    until("the second push", || {
        sim.crisp_rtm().stats().binds == binds + 2
    })
    .await;
    let data = json!({"website_id": website_id, "anything": [1, 2]});
    assert_eq!(
        sim.crisp_rtm()
            .inject("plugin:custom", &website_id, data.clone()),
        1
    );
    let (event, _) = next_event(&mut rtm).await;
    assert_eq!(
        event,
        Event::Unknown {
            name: "plugin:custom".into(),
            data
        }
    );

    rtm.bind_pop(["message:received"]).unwrap();
    until("socket:bind:pop", || {
        sim.crisp_rtm().stats().binds == binds + 3
    })
    .await;
    operator_says(&client, &website_id, &session, "unbound again").await;

    rtm.rebind().unwrap();
    assert!(matches!(
        rtm.rebind(),
        Err(RtmError::RebindThrottled { .. })
    ));
    until("socket:bind", || sim.crisp_rtm().stats().binds == binds + 4).await;
    let sent = visitor_says(&client, &website_id, &session, "after rebind").await;
    let (event, _) = next_event(&mut rtm).await;
    assert_eq!(fingerprint(&event), Some(sent), "{event:?}");

    // The bindings survive a reconnection: they are part of the next authentication.
    sim.crisp_rtm().drop_all();
    loop {
        if let RtmItem::Reconnected { .. } = next_ok(&mut rtm).await {
            break;
        }
    }
    operator_says(&client, &website_id, &session, "popped").await;
    sim.crisp_rtm().inject(
        "plugin:custom",
        &website_id,
        json!({"website_id": website_id}),
    );
    let (event, _) = next_event(&mut rtm).await;
    assert_eq!(event.name(), "plugin:custom");
}

/// Every event the simulator pushes for a range of REST writes arrives typed: none is
/// `Malformed` (data our types cannot read) and none of a known name falls back to `Unknown`.
#[tokio::test]
async fn the_pushes_of_many_rest_writes_all_decode_as_their_types() {
    let (_sim, client, website_id) = start().await;
    // No `events(…)`: every name this crate types.
    let mut rtm = connected(fast(client.rtm()), WAIT).await;
    let website = client.website(&website_id);
    let session = new_conversation(&client, &website_id).await;
    let conversation = website.conversation(&session);
    let sent = visitor_says(&client, &website_id, &session, "first").await;
    operator_says(&client, &website_id, &session, "second").await;
    conversation
        .update_message(sent, from(json!({"content": "first, edited"})))
        .await
        .unwrap();
    conversation.remove_message(sent).await.unwrap();
    conversation
        .compose(from(
            json!({"type": "start", "from": "operator", "excerpt": "typ"}),
        ))
        .await
        .unwrap();
    conversation
        .change_state(from(json!({"state": "resolved"})))
        .await
        .unwrap();
    conversation
        .block(from(json!({"blocked": true})))
        .await
        .unwrap();
    conversation
        .update_metas(from(
            json!({"nickname": "Ada", "segments": ["vip"], "data": {"plan": "pro"}}),
        ))
        .await
        .unwrap();
    let profile = website
        .people()
        .add_profile(from(
            json!({"email": "ada@example.com", "person": {"nickname": "Ada"}}),
        ))
        .await
        .unwrap();
    let person = website.person(profile.people_id.clone().expect("a people id"));
    person
        .update(from(json!({"person": {"nickname": "Ada L."}})))
        .await
        .unwrap();
    person.remove().await.unwrap();
    conversation.remove().await.unwrap();

    let expected = [
        "message:send",
        "message:received",
        "message:updated",
        "message:removed",
        "message:compose:receive",
        "session:set_state",
        "session:set_block",
        "session:set_nickname",
        "session:set_segments",
        "session:set_data",
        "people:profile:created",
        "people:profile:updated",
        "people:profile:removed",
        "session:removed",
    ];
    let mut seen = BTreeSet::new();
    while !expected.iter().all(|name| seen.contains(*name)) {
        match next_ok(&mut rtm).await {
            RtmItem::Event(Event::Unknown { name, data }) => {
                assert!(
                    !chatdesk_crisp_api::model::webhook::EVENT_NAMES.contains(&name.as_str()),
                    "{name} kept raw: {data}"
                );
            }
            RtmItem::Event(event) => {
                seen.insert(event.name().to_owned());
            }
            RtmItem::Malformed { name, data, error } => {
                panic!("{name} did not decode ({error}): {data}")
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// A client for the simulator's first keypair of `tier`, with `key` in place of its own.
fn tier_client(sim: &Sim, tier: CrispTier, key: Option<&str>) -> CrispClient {
    let kp = sim
        .crisp_config()
        .keypair(tier)
        .expect("a keypair of that tier")
        .clone();
    builder_for(sim, &kp.identifier, key.unwrap_or(&kp.key), tier)
        .build()
        .unwrap()
}

/// `rooms` narrows delivery to the listed websites: a message on a website the token covers
/// but that is not in `rooms` is not delivered, and the one behind it on a listed website is.
#[tokio::test]
async fn rooms_limit_delivery_to_the_listed_websites() {
    let (sim, client, first) = start().await;
    let second = sim.crisp_config().website_ids[1].clone();
    let mut rtm = connected(
        fast(client.rtm())
            .events(["message:send"])
            .rooms([second.as_str()]),
        WAIT,
    )
    .await;
    // Without `rooms` the token would get both websites: the plugin is on each.
    let outside = new_conversation(&client, &first).await;
    let inside = new_conversation(&client, &second).await;
    let pushed = sim.crisp_rtm().stats().pushed;
    visitor_says(&client, &first, &outside, "not in rooms").await;
    let sent = visitor_says(&client, &second, &inside, "in rooms").await;
    let (event, _) = next_event(&mut rtm).await;
    let Event::MessageSend(message) = &event else {
        panic!("expected message:send, got {event:?}");
    };
    assert_eq!(message.fingerprint, Some(sent));
    assert_eq!(message.website_id.as_deref(), Some(second.as_str()));
    assert_eq!(sim.crisp_rtm().stats().pushed, pushed + 1);
    assert!(
        timeout(Duration::from_millis(100), rtm.next())
            .await
            .is_err(),
        "nothing else may arrive"
    );
}

/// The website and user tiers discover over their own routes, authenticate with their own tier
/// and receive the events of REST writes; a wrong key of theirs is final, at discovery or at
/// authentication, and opens no further connection.
#[tokio::test]
async fn website_and_user_tokens_discover_authenticate_and_receive_events() {
    for (tier, route) in [
        (CrispTier::Website, "/v1/website/connect/endpoints"),
        (CrispTier::User, "/v1/user/connect/endpoints"),
    ] {
        let sim = Sim::builder().start().await.unwrap();
        let website_id = sim.crisp_website_id();
        let client = tier_client(&sim, tier, None);
        let mut rtm = fast(client.rtm())
            .events(["message:send"])
            .connect()
            .await
            .unwrap_or_else(|e| panic!("{tier:?}: {e}"));
        assert_eq!(next_ok(&mut rtm).await, RtmItem::Connected, "{tier:?}");
        let discovered: Vec<_> = sim
            .requests()
            .into_iter()
            .filter(|r| r.path.ends_with("/connect/endpoints"))
            .map(|r| (r.path, r.status))
            .collect();
        assert_eq!(discovered, [(route.to_owned(), 200)], "{tier:?}");
        let stats = sim.crisp_rtm().stats();
        assert_eq!(
            (stats.authentications, stats.authenticated),
            (1, 1),
            "{tier:?}"
        );

        let session = new_conversation(&client, &website_id).await;
        let sent = visitor_says(&client, &website_id, &session, "hello").await;
        let (event, _) = next_event(&mut rtm).await;
        assert_eq!(fingerprint(&event), Some(sent), "{tier:?}: {event:?}");
        drop(rtm);

        // A wrong key: refused by discovery (final), or, with the URL given, by the RTM server.
        let wrong = tier_client(&sim, tier, Some("not-the-key"));
        let err = fast(wrong.rtm()).connect().await.unwrap_err();
        assert!(
            matches!(err, RtmError::Discovery(_)) && err.is_final(),
            "{tier:?}: {err:?}"
        );
        let err = fast(wrong.rtm())
            .url(sim.crisp_rtm_url())
            .connect_attempts(5)
            .connect()
            .await
            .unwrap_err();
        assert!(
            matches!(err, RtmError::Unauthorized { .. }),
            "{tier:?}: {err:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        let stats = sim.crisp_rtm().stats();
        assert_eq!(stats.connection_attempts, 2, "{tier:?}: {stats:?}");
        assert_eq!(stats.unauthorized, 1, "{tier:?}");
    }
}

/// A REST write of each of four kinds arrives over RTM as its typed event, carrying the
/// identity the write had: the fingerprint of a sent and of an edited message, the session of a
/// state change, the people id and email of a new profile.
#[tokio::test]
async fn rest_writes_arrive_as_typed_events_with_their_identity() {
    use chatdesk_crisp_api::model::conversation::ConversationState;
    use chatdesk_crisp_api::model::webhook::UpdatedContent;

    let (_sim, client, website_id) = start().await;
    let mut rtm = connected(
        fast(client.rtm()).events([
            "message:send",
            "message:updated",
            "session:set_state",
            "people:profile:created",
        ]),
        WAIT,
    )
    .await;
    let website = client.website(&website_id);
    let session = new_conversation(&client, &website_id).await;
    let conversation = website.conversation(&session);

    let sent = visitor_says(&client, &website_id, &session, "typo").await;
    match next_event(&mut rtm).await.0 {
        Event::MessageSend(m) => {
            assert_eq!(m.fingerprint, Some(sent));
            assert_eq!(m.session_id.as_deref(), Some(session.as_str()));
        }
        other => panic!("expected message:send, got {other:?}"),
    }

    conversation
        .update_message(sent, from(json!({"content": "no typo"})))
        .await
        .unwrap();
    match next_event(&mut rtm).await.0 {
        Event::MessageUpdated(m) => {
            assert_eq!(m.fingerprint, Some(sent));
            assert_eq!(m.session_id.as_deref(), Some(session.as_str()));
            assert_eq!(m.content, Some(UpdatedContent::Text("no typo".into())));
        }
        other => panic!("expected message:updated, got {other:?}"),
    }

    conversation
        .change_state(from(json!({"state": "resolved"})))
        .await
        .unwrap();
    match next_event(&mut rtm).await.0 {
        Event::SessionSetState(s) => {
            assert_eq!(s.session_id.as_deref(), Some(session.as_str()));
            assert_eq!(s.website_id.as_deref(), Some(website_id.as_str()));
            assert_eq!(s.state, Some(ConversationState::Resolved));
        }
        other => panic!("expected session:set_state, got {other:?}"),
    }

    let profile = website
        .people()
        .add_profile(from(
            json!({"email": "grace@example.com", "person": {"nickname": "Grace"}}),
        ))
        .await
        .unwrap();
    match next_event(&mut rtm).await.0 {
        Event::PeopleProfileCreated(p) => {
            assert!(p.people_id.is_some());
            assert_eq!(p.people_id, profile.people_id);
            assert_eq!(p.email.as_deref(), Some("grace@example.com"));
        }
        other => panic!("expected people:profile:created, got {other:?}"),
    }
}
