//! The RTS client against a small in-test RTS server on loopback (tokio-tungstenite,
//! `support/rts_fake.rs`).

#[path = "support/rts_fake.rs"]
mod rts_fake;

use chatdesk_carrot_api::model::{Presence, RtsEvent};
use chatdesk_carrot_api::rts::{Channel, ChannelError, RtsError, RtsItem};
use rts_fake::*;
use serde_json::json;
use std::sync::atomic::Ordering;
use std::time::Duration;

#[tokio::test]
async fn each_channel_kind_decodes_as_its_type() {
    let u = 7_u64;
    let frames = vec![
        reply(1),
        msg(
            2,
            &format!("conversation_started_user.{APP}"),
            json!({"id": 70, "user": {"id": u}}),
        ),
        msg(
            3,
            &format!("conversation_typing.{APP}.{u}"),
            json!({"conversation": 70, "from": u, "from_type": "user", "body": "hel"}),
        ),
        msg(
            4,
            &format!("conversation_read.{APP}"),
            json!({"conversation": 70, "user": u}),
        ),
        msg(
            5,
            &format!("conversation_assigned.{APP}"),
            json!({"conversation": 70, "assignee": {"id": 11946, "name": "Maks", "type": "admin"}}),
        ),
        msg(
            6,
            &format!("conversation_closed.{APP}"),
            json!({"conversation": 70, "from": {"id": 11946, "name": "Maks"}}),
        ),
        msg(
            7,
            &format!("conversation_tag_added.{APP}"),
            json!({"conversation": 70, "tag": "vip"}),
        ),
        msg(
            8,
            &format!("conversation_tag_deleted.{APP}"),
            json!({"conversation": 70, "tag": "vip"}),
        ),
        msg(
            9,
            &format!("user_presence_changed.{APP}"),
            json!({"user": u, "presence": "online"}),
        ),
        msg(
            10,
            &format!("user_props_changed.{APP}.{u}"),
            json!({"user": u, "props": {"$email": "a@b.c"}}),
        ),
        msg(
            11,
            &format!("event.{APP}.{u}"),
            json!({"id": 99, "user": u, "type": {"name": "$order_paid"}}),
        ),
        msg(
            12,
            &format!("conversation.{APP}"),
            json!({"anything": [1, 2]}),
        ),
        msg(13, "ping", json!({})),
        msg(
            14,
            &format!("conversation_closed.{APP}"),
            json!("not an object"),
        ),
        "not json at all".to_owned(),
    ];
    let fake = Fake::start(vec![Conn::Serve(frames, End::Hold)]).await;
    let channels = [
        Channel::conversation_started_user(APP),
        Channel::conversation_typing(APP, Some(u.into())),
        Channel::conversation_read(APP, None),
        Channel::conversation_assigned(APP),
        Channel::conversation_closed(APP),
        Channel::conversation_tag_added(APP),
        Channel::conversation_tag_deleted(APP),
        Channel::user_presence_changed(APP),
        Channel::user_props_changed(APP, u),
        Channel::event(APP, u),
        Channel::conversation(APP, None),
        Channel::ping(),
    ];
    let mut rts = started(subscribe(&fake).channels(channels)).await;
    let mut events = Vec::new();
    for _ in 0..13 {
        match item(&mut rts).await {
            RtsItem::Message(m) => events.push(m.event),
            other => panic!("{other:?}"),
        }
    }
    let [
        RtsEvent::Reply(reply),
        RtsEvent::ConversationStarted(started),
        RtsEvent::Typing(typing),
        RtsEvent::Read(read),
        RtsEvent::Assigned(assigned),
        RtsEvent::Closed(closed),
        RtsEvent::TagAdded(added),
        RtsEvent::TagDeleted(deleted),
        RtsEvent::PresenceChanged(presence),
        RtsEvent::PropsChanged(props),
        RtsEvent::Event(event),
        RtsEvent::Other {
            kind: conversation, ..
        },
        RtsEvent::Other { kind: ping, .. },
    ] = events.as_slice()
    else {
        panic!("unexpected kinds: {events:#?}");
    };
    assert_eq!(reply.part.body.as_deref(), Some("reply 1"));
    assert_eq!(started.id.0, 70);
    assert_eq!(typing.body.as_deref(), Some("hel"));
    assert_eq!(read.user.map(|u| u.0), Some(7));
    assert_eq!(
        assigned.assignee.as_ref().and_then(|a| a.name.as_deref()),
        Some("Maks")
    );
    assert_eq!(closed.from.as_ref().map(|f| f.id().0), Some(11946));
    assert_eq!(
        (added.tag.as_deref(), deleted.tag.as_deref()),
        (Some("vip"), Some("vip"))
    );
    assert_eq!(presence.presence, Some(Presence::Online));
    assert_eq!(props.props.as_ref().unwrap()["$email"], "a@b.c");
    assert_eq!(event.name(), Some("$order_paid"));
    assert_eq!(
        (conversation.as_str(), ping.as_str()),
        ("conversation", "ping")
    );
    match item(&mut rts).await {
        RtsItem::Malformed { envelope, .. } => {
            assert_eq!(envelope.id, "14");
            assert_eq!(envelope.message, json!("not an object"));
        }
        other => panic!("{other:?}"),
    }
    match item(&mut rts).await {
        RtsItem::Unreadable { text, .. } => assert_eq!(text, "not json at all"),
        other => panic!("{other:?}"),
    }
    let upgrades = fake.upgrades();
    assert_eq!(upgrades.len(), 1);
    assert_eq!(
        upgrades[0].path,
        format!(
            "/websocket/conversation_reply.{APP}/conversation_started_user.{APP}/conversation_typing.{APP}.7/\
             conversation_read.{APP}/conversation_assigned.{APP}/conversation_closed.{APP}/\
             conversation_tag_added.{APP}/conversation_tag_deleted.{APP}/user_presence_changed.{APP}/\
             user_props_changed.{APP}.7/event.{APP}.7/conversation.{APP}/ping"
        )
    );
    assert_eq!(
        upgrades[0].query.get("auth_token").map(String::as_str),
        Some(TOKEN)
    );
    assert!(
        !upgrades[0].query.contains_key("tag"),
        "a fresh start has no position"
    );
}

#[tokio::test]
async fn resume_sends_tag_and_time_and_drops_what_was_already_delivered() {
    // Each reconnect replays part of what the previous connection delivered.
    let fake = Fake::start(vec![
        Conn::Serve(vec![reply(1), reply(2), reply(3)], End::Close(3502)),
        Conn::Serve(vec![reply(2), reply(3), reply(4), reply(5)], End::Drop),
        Conn::Serve(vec![reply(1), reply(5), reply(6)], End::Close(3500)),
        Conn::Serve(vec![reply(6), reply(7)], End::Hold),
    ])
    .await;
    let mut rts = subscribe(&fake).connect().await.unwrap();
    let mut ids = Vec::new();
    let mut resumed = Vec::new();
    let mut causes = Vec::new();
    while ids.len() < 7 {
        match item(&mut rts).await {
            RtsItem::Message(m) => ids.push(m.id.parse::<u64>().unwrap()),
            RtsItem::Resumed {
                from_tag,
                from_time,
            } => resumed.push((from_tag, from_time)),
            RtsItem::Reconnecting { cause, attempt, .. } => {
                assert_eq!(attempt, 1, "each connection delivered something new");
                causes.push(cause);
            }
            RtsItem::Connected => assert!(ids.is_empty()),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(ids, [1, 2, 3, 4, 5, 6, 7], "each message once, in order");
    let at = |id: u64| (Some(id.to_string()), Some(time_of(id)));
    assert_eq!(resumed, [at(3), at(5), at(6)]);
    assert!(causes[0].contains("3502"), "{causes:?}");
    assert!(causes[2].contains("3500"), "{causes:?}");
    let upgrades = fake.upgrades();
    assert_eq!(upgrades.len(), 4);
    for (upgrade, id) in upgrades[1..].iter().zip([3, 5, 6]) {
        assert_eq!(upgrade.query.get("tag"), Some(&id.to_string()));
        assert_eq!(upgrade.query.get("time"), Some(&time_of(id)));
        assert_eq!(
            upgrade.query.get("auth_token").map(String::as_str),
            Some(TOKEN)
        );
    }
}

#[tokio::test]
async fn a_saved_position_is_sent_on_the_first_connection() {
    let fake = Fake::start(vec![Conn::Serve(vec![reply(9)], End::Hold)]).await;
    let mut rts = started(subscribe(&fake).resume_from(Some("8".into()), Some(time_of(8)))).await;
    assert_eq!(message_id(&mut rts).await, "9");
    let first = &fake.upgrades()[0];
    assert_eq!(first.query.get("tag").map(String::as_str), Some("8"));
    assert_eq!(first.query.get("time"), Some(&time_of(8)));
}

#[tokio::test]
async fn close_codes_3401_and_3403_are_final() {
    for (code, want_unauthorized) in [(3401, true), (3403, false)] {
        let fake = Fake::start(vec![Conn::Serve(vec![reply(1)], End::Close(code))]).await;
        let mut rts = started(subscribe(&fake)).await;
        assert_eq!(message_id(&mut rts).await, "1");
        let err = next(&mut rts).await.unwrap().unwrap_err();
        assert!(err.is_final(), "{err}");
        if want_unauthorized {
            assert!(matches!(err, RtsError::Unauthorized { .. }), "{err:?}");
        } else {
            assert!(matches!(err, RtsError::Forbidden { .. }), "{err:?}");
        }
        assert!(next(&mut rts).await.is_none(), "the stream ends");
        // The task has ended: no connection can follow.
        assert_eq!(fake.upgrades().len(), 1, "no reconnection after {code}");
    }
}

#[tokio::test]
async fn a_refused_upgrade_is_final_at_connect() {
    for (status, unauthorized) in [(401, true), (403, false)] {
        let fake = Fake::start(vec![Conn::Reject(status)]).await;
        let err = subscribe(&fake).connect().await.unwrap_err();
        assert_eq!(
            matches!(err, RtsError::Unauthorized { .. }),
            unauthorized,
            "{err:?}"
        );
        assert!(err.is_final());
        assert_eq!(fake.upgrades().len(), 1, "one attempt for {status}");
    }
}

#[tokio::test]
async fn upgrades_answered_502_or_503_are_retried() {
    // At connect.
    let fake = Fake::start(vec![
        Conn::Reject(502),
        Conn::Reject(503),
        Conn::Serve(vec![reply(1)], End::Hold),
    ])
    .await;
    let mut rts = started(subscribe(&fake)).await;
    assert_eq!(message_id(&mut rts).await, "1");
    assert_eq!(fake.upgrades().len(), 3);

    // While reconnecting: the attempts count up until one delivers.
    let fake = Fake::start(vec![
        Conn::Serve(vec![reply(1)], End::Close(3503)),
        Conn::Reject(502),
        Conn::Reject(503),
        Conn::Serve(vec![reply(2)], End::Hold),
    ])
    .await;
    let mut rts = started(subscribe(&fake)).await;
    assert_eq!(message_id(&mut rts).await, "1");
    let mut attempts = Vec::new();
    loop {
        match item(&mut rts).await {
            RtsItem::Reconnecting { attempt, cause, .. } => attempts.push((attempt, cause)),
            RtsItem::Resumed { from_tag, .. } => {
                assert_eq!(from_tag.as_deref(), Some("1"));
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(attempts.len(), 3, "{attempts:?}");
    assert_eq!(attempts[1].0, 2);
    assert!(attempts[0].1.contains("3503"), "{attempts:?}");
    assert!(
        attempts[1].1.contains("502") && attempts[2].1.contains("503"),
        "{attempts:?}"
    );
    assert_eq!(message_id(&mut rts).await, "2");
}

#[tokio::test]
async fn fifty_one_channels_are_refused_before_any_connection() {
    let fake = Fake::start(vec![]).await;
    let many = (0..51_u64).map(|app| Channel::conversation_reply(app, None));
    let err = client()
        .rts()
        .url(&fake.base)
        .channels(many.clone())
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(err, RtsError::Channels(ChannelError::TooMany { count: 51 })),
        "{err:?}"
    );
    let err = client()
        .rts()
        .url(&fake.base)
        .channel(Channel::event(APP, "not-a-carrot-id"))
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(err, RtsError::Channels(ChannelError::InvalidId { .. })),
        "{err:?}"
    );
    let err = client().rts().url(&fake.base).connect().await.unwrap_err();
    assert!(
        matches!(err, RtsError::Channels(ChannelError::Empty)),
        "{err:?}"
    );
    assert!(fake.upgrades().is_empty(), "nothing was connected");

    // Fifty is the limit, not over it.
    let mut rts = client()
        .rts()
        .url(&fake.base)
        .channels(many.take(50))
        .connect()
        .await
        .unwrap();
    assert_eq!(item(&mut rts).await, RtsItem::Connected);
    assert_eq!(fake.upgrades()[0].path.matches('/').count(), 51);
}

#[tokio::test]
async fn an_unknown_rest_host_needs_an_explicit_url() {
    let err = client()
        .rts()
        .channel(Channel::ping())
        .connect()
        .await
        .unwrap_err();
    assert!(matches!(err, RtsError::NoHost { .. }), "{err:?}");
    assert!(err.is_final());
}

#[tokio::test]
async fn slow_consumer_keeps_the_buffer_bounded_and_loses_nothing() {
    const N: u64 = 300;
    let frames = (1..=N).map(reply).collect();
    let fake = Fake::start(vec![Conn::Serve(frames, End::Hold)]).await;
    let mut rts = subscribe(&fake).buffer(4).connect().await.unwrap();
    // The server writes everything (the socket buffers hold it) while the client stops at a
    // full buffer of four.
    eventually(|| fake.written.load(Ordering::SeqCst) == N as usize && rts.queued() == 4).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(rts.queued(), 4, "the buffer never grows past its bound");
    assert_eq!(item(&mut rts).await, RtsItem::Connected);
    for id in 1..=N {
        assert_eq!(message_id(&mut rts).await, id.to_string());
    }
    assert_eq!(fake.upgrades().len(), 1);
}

#[tokio::test]
async fn dropping_the_handle_closes_the_socket_and_ends_the_task() {
    let fake = Fake::start(vec![Conn::Serve(vec![reply(1)], End::Hold)]).await;
    let mut rts = started(subscribe(&fake)).await;
    assert_eq!(message_id(&mut rts).await, "1");
    assert_eq!(fake.client_gone.load(Ordering::SeqCst), 0);
    drop(rts);
    eventually(|| fake.client_gone.load(Ordering::SeqCst) == 1).await;
    assert_eq!(fake.upgrades().len(), 1, "and it did not reconnect");
}

#[tokio::test]
async fn a_silent_connection_is_replaced() {
    let fake = Fake::start(vec![
        Conn::Serve(vec![reply(1)], End::Hold),
        Conn::Serve(vec![reply(2)], End::Hold),
    ])
    .await;
    let mut rts = started(subscribe(&fake).silence_timeout(Duration::from_millis(100))).await;
    assert_eq!(message_id(&mut rts).await, "1");
    match item(&mut rts).await {
        RtsItem::Reconnecting { cause, .. } => assert!(cause.contains("silent"), "{cause}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(item(&mut rts).await, RtsItem::Resumed { .. }));
    assert_eq!(message_id(&mut rts).await, "2");
    // The silent one was let go.
    eventually(|| fake.client_gone.load(Ordering::SeqCst) >= 1).await;
}
