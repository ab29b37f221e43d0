//! The RTS client against the simulator end to end: REST writes through `CarrotClient` publish
//! over the simulator's RTS, the client's stream is counted against the simulator's publish
//! log, and the simulator's controls cut sockets, expire the token and refuse upgrades.

mod support;

use chatdesk_carrot_api::UserRef;
use chatdesk_carrot_api::model::{Assignee, Presence, RtsEvent};
use chatdesk_carrot_api::rts::{Channel, Rts, RtsBuilder, RtsError, RtsItem};
use chatdesk_sim::{Seed, Sim};
use futures_util::StreamExt;
use std::collections::BTreeSet;
use std::time::Duration;
use support::{Api, sim_client, start_sim};

async fn sim() -> Sim {
    start_sim(Seed::default().conversations(2, 2)).await
}

/// A subscription on the simulator's RTS URL (from its start-up data) with a short backoff.
fn subscribe(sim: &Sim) -> RtsBuilder {
    sim_client(sim, Api::V1)
        .rts()
        .url(sim.carrot_rts_url())
        .backoff(Duration::from_millis(5), Duration::from_millis(50))
}

/// Connects `subscription` and checks that its first item is `Connected`.
async fn connected(subscription: RtsBuilder) -> Rts {
    let mut rts = subscription.connect().await.unwrap();
    assert_eq!(item(&mut rts).await, RtsItem::Connected);
    rts
}

/// The channel of every reply in the simulator's app, and its name.
fn replies(sim: &Sim) -> (Channel, String) {
    let channel = Channel::conversation_reply(sim.carrot_app_id(), None);
    let name = channel.to_string();
    (channel, name)
}

/// An admin reply `text` over REST in the first seeded conversation.
async fn admin_reply(sim: &Sim, text: &str) {
    let conv = sim.carrot_conversation_ids()[0];
    sim_client(sim, Api::V1)
        .conversation(conv)
        .reply(text)
        .from_admin(sim.carrot_admin_ids()[0])
        .await
        .unwrap();
}

async fn next(rts: &mut Rts) -> Option<Result<RtsItem, RtsError>> {
    tokio::time::timeout(Duration::from_secs(10), rts.next())
        .await
        .expect("an item within 10 s")
}

async fn item(rts: &mut Rts) -> RtsItem {
    next(rts).await.expect("an item").expect("not an error")
}

/// Reads until `count` messages came; returns their ids and every other item seen.
async fn messages(rts: &mut Rts, count: usize) -> (Vec<u64>, Vec<RtsItem>, Vec<RtsEvent>) {
    let (mut ids, mut others, mut events) = (Vec::new(), Vec::new(), Vec::new());
    while ids.len() < count {
        match item(rts).await {
            RtsItem::Message(m) => {
                ids.push(m.id.parse().unwrap());
                events.push(m.event);
            }
            RtsItem::Malformed { envelope, error } => {
                panic!("the simulator's payload did not decode: {error}: {envelope:?}")
            }
            other => others.push(other),
        }
    }
    (ids, others, events)
}

#[tokio::test]
async fn every_write_publishes_what_decodes_as_its_type() {
    let sim = sim().await;
    let app = sim.carrot_app_id();
    let uid = sim.carrot_user_ids()[0];
    let operator = sim.carrot_admin_ids()[0];
    let channels = vec![
        Channel::conversation(app, None),
        Channel::conversation_started_user(app),
        Channel::conversation_reply(app, None),
        Channel::conversation_typing(app, None),
        Channel::conversation_read(app, None),
        Channel::conversation_assigned(app),
        Channel::conversation_closed(app),
        Channel::conversation_tag_added(app),
        Channel::conversation_tag_deleted(app),
        Channel::user_presence_changed(app),
        Channel::user_props_changed(app, uid),
        Channel::event(app, uid),
    ];
    let names: Vec<String> = channels.iter().map(ToString::to_string).collect();
    let mut rts = connected(subscribe(&sim).channels(channels)).await;

    let c = sim_client(&sim, Api::V1);
    let user = c.user(UserRef::Carrot(uid));
    let started = user.start_conversation("Hello?").await.unwrap();
    let conv = c.conversation(started.id);
    conv.reply("Hi!").from_admin(operator).await.unwrap();
    conv.set_typing().text("typing…").await.unwrap();
    conv.mark_read().await.unwrap();
    conv.assign(Assignee::Admin(operator.into())).await.unwrap();
    conv.add_tag("vip").await.unwrap();
    conv.delete_tag("vip").await.unwrap();
    conv.close().await.unwrap();
    user.set_presence(Presence::Online).await.unwrap();
    user.props().update_or_create("plan", "gold").await.unwrap();
    user.track_event("$order_paid").await.unwrap();

    let log = sim.carrot_rts().publish_log();
    let published: BTreeSet<u64> = names
        .iter()
        .flat_map(|n| log.get(n).cloned().unwrap_or_default())
        .collect();
    for name in &names {
        assert!(
            log.contains_key(name),
            "nothing published on {name}: {log:?}"
        );
    }
    let (ids, others, events) = messages(&mut rts, published.len()).await;
    assert!(others.is_empty(), "{others:?}");
    assert_eq!(ids.iter().copied().collect::<BTreeSet<_>>(), published);
    assert_eq!(ids.len(), published.len(), "each once");

    let has = |f: fn(&RtsEvent) -> bool| events.iter().any(f);
    assert!(has(
        |e| matches!(e, RtsEvent::ConversationStarted(c) if c.id.0 > 0)
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Reply(r) if r.part.body.as_deref() == Some("Hi!"))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Typing(t) if t.body.as_deref() == Some("typing…"))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Read(r) if r.conversation.is_some())
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Assigned(a) if a.assignee.is_some())
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Closed(c) if c.from.is_some())
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::TagAdded(t) if t.tag.as_deref() == Some("vip"))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::TagDeleted(t) if t.tag.as_deref() == Some("vip"))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::PresenceChanged(p) if p.presence == Some(Presence::Online))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::PropsChanged(p) if p.props.as_ref().is_some_and(|p| p["plan"] == "gold"))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Event(ev) if ev.name() == Some("$order_paid"))
    ));
    assert!(has(
        |e| matches!(e, RtsEvent::Other { kind, .. } if kind == "conversation")
    ));
}

#[tokio::test]
async fn a_drop_in_the_middle_of_a_burst_delivers_every_reply_once_in_order() {
    const REPLIES: usize = 60;
    let sim = sim().await;
    let (channel, name) = replies(&sim);
    let mut rts = connected(subscribe(&sim).channel(channel)).await;

    let conv_id = sim.carrot_conversation_ids()[0];
    let operator = sim.carrot_admin_ids()[0];
    let writer = {
        let c = sim_client(&sim, Api::V1);
        tokio::spawn(async move {
            for n in 0..REPLIES {
                c.conversation(conv_id)
                    .reply(format!("burst {n}"))
                    .from_admin(operator)
                    .await
                    .unwrap();
            }
        })
    };
    // Cut every socket twice while the burst is being published.
    let rtsim = sim.carrot_rts();
    let mut cut = 0;
    for at in [REPLIES / 3, 2 * REPLIES / 3] {
        for _ in 0..1000 {
            if rtsim.published(&name).len() >= at {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        cut += rtsim.drop_all();
    }
    assert!(cut >= 1, "a socket was open to cut");
    writer.await.unwrap();
    let published = rtsim.published(&name);
    assert_eq!(published.len(), REPLIES);

    let (ids, others, events) = messages(&mut rts, REPLIES).await;
    assert_eq!(ids, published, "every reply once, in the order published");
    let bodies: Vec<String> = events
        .iter()
        .map(|e| match e {
            RtsEvent::Reply(r) => r.part.body.clone().unwrap_or_default(),
            other => panic!("{other:?}"),
        })
        .collect();
    let want: Vec<String> = (0..REPLIES).map(|n| format!("burst {n}")).collect();
    assert_eq!(bodies, want);
    let resumed = others
        .iter()
        .filter(|i| {
            matches!(
                i,
                RtsItem::Resumed {
                    from_tag: Some(_),
                    ..
                }
            )
        })
        .count();
    assert!(resumed >= 1, "a resume happened: {others:?}");
    assert!(sim.carrot_rts().stats().subscribed >= 2);
    // Nothing more arrives: no duplicate was held back.
    assert!(
        tokio::time::timeout(Duration::from_millis(200), rts.next())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn an_expired_token_is_final_without_a_reconnect_loop() {
    let sim = sim().await;
    sim.carrot_rts().expire_token_next(1);
    let mut rts = connected(subscribe(&sim).channel(replies(&sim).0)).await;
    let err = next(&mut rts).await.unwrap().unwrap_err();
    assert!(matches!(err, RtsError::Unauthorized { .. }), "{err:?}");
    assert!(next(&mut rts).await.is_none());
    let stats = sim.carrot_rts().stats();
    assert_eq!(
        (stats.connection_attempts, stats.closed_unauthorized),
        (1, 1)
    );

    // Expired while reconnecting: one more attempt, then the end.
    let mut rts = connected(subscribe(&sim).channel(replies(&sim).0)).await;
    sim.carrot_rts().expire_token_next(1);
    sim.carrot_rts().drop_all();
    assert!(matches!(
        item(&mut rts).await,
        RtsItem::Reconnecting { attempt: 1, .. }
    ));
    // The upgrade succeeds; the close with 3401 follows it.
    assert!(matches!(item(&mut rts).await, RtsItem::Resumed { .. }));
    let err = next(&mut rts).await.unwrap().unwrap_err();
    assert!(matches!(err, RtsError::Unauthorized { .. }), "{err:?}");
    assert!(next(&mut rts).await.is_none());
    assert_eq!(sim.carrot_rts().stats().connection_attempts, 3);
}

#[tokio::test]
async fn upgrades_refused_with_502_and_503_are_retried() {
    let sim = sim().await;
    sim.carrot_rts().refuse_next(2, 502);
    let mut rts = connected(subscribe(&sim).channel(replies(&sim).0)).await;
    let stats = sim.carrot_rts().stats();
    assert_eq!(
        (stats.connection_attempts, stats.connections_refused),
        (3, 2)
    );

    sim.carrot_rts().refuse_next(1, 503);
    sim.carrot_rts().drop_all();
    let mut causes = Vec::new();
    loop {
        match item(&mut rts).await {
            RtsItem::Reconnecting { cause, .. } => causes.push(cause),
            RtsItem::Resumed { .. } => break,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(causes.len(), 2, "{causes:?}");
    assert!(causes[1].contains("503"), "{causes:?}");
    // Still live: a reply arrives.
    admin_reply(&sim, "after the 503").await;
    let (_, others, events) = messages(&mut rts, 1).await;
    assert!(others.is_empty());
    assert!(
        matches!(&events[0], RtsEvent::Reply(r) if r.part.body.as_deref() == Some("after the 503"))
    );
}

#[tokio::test]
async fn a_consumer_too_slow_for_the_server_is_cut_and_resumes_without_loss_or_repeat() {
    const MESSAGES: usize = 200;
    let sim = sim().await;
    let (channel, name) = replies(&sim);
    let rtsim = sim.carrot_rts();
    // The server cuts a socket once 4 messages wait for it; the client holds 2.
    rtsim.set_socket_queue(4);
    let mut rts = connected(subscribe(&sim).channel(channel).buffer(2)).await;
    // Large payloads, so that the socket buffers fill and the server's queue overflows while
    // nothing is read.
    let body = "x".repeat(64 * 1024);
    for n in 0..MESSAGES {
        rtsim.inject(
            &name,
            serde_json::json!({"id": n, "conversation": 1, "body": format!("{n} {body}")}),
        );
    }
    let published = rtsim.published(&name);
    assert_eq!(published.len(), MESSAGES);
    let (ids, others, _) = messages(&mut rts, MESSAGES).await;
    assert_eq!(ids, published, "every message once, in the order published");
    assert!(
        rtsim.stats().dropped_slow >= 1,
        "the server cut the slow socket"
    );
    assert!(
        others.iter().any(|i| matches!(i, RtsItem::Resumed { .. })),
        "{others:?}"
    );
}

#[tokio::test]
async fn a_connection_lost_before_its_first_message_still_gets_what_it_missed() {
    let sim = sim().await;
    let app = sim.carrot_app_id();
    let rtsim = sim.carrot_rts();
    let mut rts = connected(subscribe(&sim).channel(replies(&sim).0)).await;

    // Cut the socket and keep the client out while a reply is published.
    rtsim.refuse_next(1_000, 503);
    rtsim.drop_all();
    let gone = tokio::time::timeout(Duration::from_secs(10), async {
        while rtsim.stats().open_sockets > 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    });
    gone.await.expect("the socket closes");
    admin_reply(&sim, "while you were away").await;
    rtsim.refuse_next(0, 503);

    let (ids, others, events) = messages(&mut rts, 1).await;
    let resumed = others.iter().find_map(|i| match i {
        RtsItem::Resumed {
            from_tag,
            from_time,
        } => Some((from_tag.clone(), from_time.clone())),
        _ => None,
    });
    let (from_tag, from_time) = resumed.expect("a Resumed item before the message");
    assert_eq!(from_tag, None);
    assert!(from_time.is_some_and(|t| t.ends_with(" GMT")));
    assert!(
        matches!(&events[0], RtsEvent::Reply(r) if r.part.body.as_deref() == Some("while you were away"))
    );
    // Exactly the one reply the simulator published on that channel.
    let published = rtsim.published(&format!("conversation_reply.{app}"));
    assert_eq!(published, ids);
}
