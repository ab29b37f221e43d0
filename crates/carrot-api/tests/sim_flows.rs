//! Carrot Quest flows driven through `CarrotClient` against `chatdesk-sim`, the team's independent
//! implementation of the wire: every effect a call claims is read back through the client and
//! checked against the simulator's own state and per-write counters.
//!
//! The base URL picks the API version on the simulator: `…/v1` (the client's default shape) is
//! API v1 (`after`/`count` cursors, tag conflicts answered 200), no prefix is API v2
//! (`paginate_*` cursors, `ConversationTag…` errors).

mod support;

use chatdesk_carrot_api::model::{
    Assignee, ErrorName, PartType, Presence, PropOp, PropOperation, UserSender,
};
use chatdesk_carrot_api::{CarrotClient, Error, UserRef, error_name};
use chatdesk_sim::testkit::{
    ATTEMPT_TIMEOUT, FaultCase, Tally, assert_burst_log, fault_cases, no_duplicates,
    patient_transport, send_each,
};
use chatdesk_sim::{Fault, FaultKind, Nth, RateLimit, Seed, Sim, Vendor};
use chatdesk_transport::Transport;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::future::IntoFuture;
use support::{Api, drain, ids_of, sim_builder, sim_client, start_sim};

/// A client over a transport of our own (no pacing: the transport's limiter has no quota).
fn client_over(sim: &Sim, api: Api, transport: Transport) -> CarrotClient {
    sim_builder(sim, api).transport(transport).build().unwrap()
}

/// The write counters whose key starts with `prefix`.
fn writes_with_prefix(sim: &Sim, prefix: &str) -> BTreeMap<String, u64> {
    sim.write_counts()
        .into_iter()
        .filter(|(k, _)| k.starts_with(prefix))
        .collect()
}

fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    items.into_iter().collect()
}

fn api_error(err: &Error) -> (u16, Option<&str>) {
    match err {
        Error::Api(api) => (api.status.as_u16(), api.reason.as_deref()),
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

// ---- users: props ---------------------------------------------------------------------------

#[tokio::test]
async fn props_apply_each_of_the_seven_operations() {
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V1);
    let user = c.user(UserRef::external("props-seven"));

    let first = user
        .props()
        .update_or_create("plan", "trial")
        .set_once("first_plan", "trial")
        .add("orders", 2)
        .append("history", "signup")
        .union("interests", json!(["math", "music"]))
        .update_or_create("legacy_flag", true)
        .await
        .unwrap();
    assert_eq!(
        set(first.affected_props.iter().map(String::as_str)),
        set([
            "plan",
            "first_plan",
            "orders",
            "history",
            "interests",
            "legacy_flag"
        ])
    );
    assert!(first.ignored_operations.is_empty(), "{first:?}");

    let second = user
        .props()
        .update_or_create("plan", "pro")
        .set_once("first_plan", "pro")
        .add("orders", 3)
        .delete("legacy_flag")
        .append("history", "upgrade")
        .union("interests", json!(["music", "engines"]))
        .exclude("interests", json!(["math"]))
        .await
        .unwrap();
    assert_eq!(
        set(second.affected_props.iter().map(String::as_str)),
        set(["plan", "orders", "legacy_flag", "history", "interests"])
    );
    assert_eq!(
        second.ignored_as_operations(),
        vec![PropOperation::new(PropOp::SetOnce, "first_plan", "pro")],
        "set_once on a set property is ignored"
    );

    // Read back, by the external id and by the Carrot id: each operation had its effect.
    let by_ext = user.get().await.unwrap();
    let by_id = c.user(by_ext.id).get().await.unwrap();
    assert_eq!(by_ext.props, by_id.props);
    for u in [&by_ext, &by_id] {
        assert_eq!(u.user_id.as_deref(), Some("props-seven"));
        assert_eq!(u.prop("plan"), Some(&json!("pro")), "update_or_create");
        assert_eq!(u.prop("first_plan"), Some(&json!("trial")), "set_once");
        assert_eq!(u.prop("orders"), Some(&json!(5)), "add");
        assert_eq!(u.prop("legacy_flag"), None, "delete");
        assert_eq!(
            u.prop("history"),
            Some(&json!(["signup", "upgrade"])),
            "append"
        );
        assert_eq!(
            u.prop("interests"),
            Some(&json!(["music", "engines"])),
            "union then exclude"
        );
    }
    let props = writes_with_prefix(&sim, &format!("carrot:props:{}:", by_ext.id));
    assert_eq!(props.len(), 2, "{props:?}");
    assert!(props.values().all(|&n| n == 1), "{props:?}");
}

#[tokio::test]
async fn more_than_250_operations_go_in_ordered_requests_and_all_apply() {
    const ITEMS: u64 = 310;
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V1);
    let user = c.user(UserRef::external("bulk-props"));
    // 620 operations: appends record the order the server applied them in, adds count them.
    let ops = (0..ITEMS).flat_map(|i| {
        [
            PropOperation::append("trail", i),
            PropOperation::new(PropOp::Add, "count", 1),
        ]
    });
    let props = user.props().operations(ops);
    assert_eq!(props.len(), 620);
    assert_eq!(props.chunks().len(), 3, "250 + 250 + 120");
    let outcome = props.await.unwrap();
    assert!(outcome.affected_props.iter().any(|p| p == "trail"));
    assert!(outcome.affected_props.iter().any(|p| p == "count"));

    let u = user.get().await.unwrap();
    let want: Vec<Value> = (0..ITEMS).map(Value::from).collect();
    assert_eq!(
        u.prop("trail"),
        Some(&Value::Array(want)),
        "every item, in order"
    );
    assert_eq!(
        u.prop("count"),
        Some(&json!(ITEMS)),
        "every add applied once"
    );

    let sent: Vec<_> = sim
        .requests()
        .into_iter()
        .filter(|r| r.route_class == "users.props")
        .collect();
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(sent.iter().all(|r| r.status == 200), "{sent:?}");
    let writes = writes_with_prefix(&sim, &format!("carrot:props:{}:", u.id));
    assert_eq!(writes.len(), 3, "three distinct requests");
    assert!(writes.values().all(|&n| n == 1), "{writes:?}");
}

// ---- users: events, presence, references ------------------------------------------------------

#[tokio::test]
async fn events_tracked_with_params_are_listed_by_name_and_streamed() {
    for api in [Api::V1, Api::V2] {
        let sim = start_sim(Seed::default()).await;
        let c = sim_client(&sim, api);
        let user = c.user(UserRef::external("shopper"));
        let mut orders = Vec::new();
        for i in 1..=3_u64 {
            let e = user
                .track_event("$order_completed")
                .param("$order_amount", i * 10)
                .param("item", format!("book-{i}"))
                .await
                .unwrap();
            if api == Api::V2 {
                assert_eq!(e.name(), Some("$order_completed"), "v2 answers the event");
            }
            orders.push(e.id);
        }
        let mut views = Vec::new();
        for page in ["/pricing", "/checkout"] {
            views.push(
                c.track_event(UserRef::external("shopper"), "page_view")
                    .param("url", page)
                    .await
                    .unwrap()
                    .id,
            );
        }

        let listed = user
            .events()
            .filter_name("$order_completed")
            .await
            .unwrap()
            .items;
        let ids: Vec<_> = listed.iter().map(|e| e.id).collect();
        let newest_first: Vec<_> = orders.iter().rev().copied().collect();
        assert_eq!(ids, newest_first, "{api:?}: only the orders, newest first");
        for (e, i) in listed.iter().zip([3_u64, 2, 1]) {
            assert_eq!(e.name(), Some("$order_completed"));
            let props = e.props.as_ref().expect("event params");
            assert_eq!(props["$order_amount"], json!(i * 10), "{api:?}");
            assert_eq!(props["item"], json!(format!("book-{i}")), "{api:?}");
        }

        // Every event, a page of two at a time: each once, newest first.
        let all = drain(user.events().per_page(2).stream()).await;
        let all_ids: Vec<_> = all.iter().map(|e| e.id).collect();
        let mut want: Vec<_> = orders.iter().chain(&views).copied().collect();
        want.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(all_ids, want, "{api:?}");
        let by_name = drain(user.events().filter_name("page_view").per_page(1).stream()).await;
        assert_eq!(
            by_name.iter().map(|e| e.id).collect::<Vec<_>>(),
            views.iter().rev().copied().collect::<Vec<_>>()
        );

        let uid = all[0].user.expect("event user");
        let writes = writes_with_prefix(&sim, &format!("carrot:event:{uid}:"));
        assert_eq!(writes.len(), 5, "{api:?}: {writes:?}");
        assert!(writes.values().all(|&n| n == 1), "{writes:?}");
    }
}

#[tokio::test]
async fn presence_heartbeats_set_presence_and_the_active_users() {
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V1);
    let uid = sim.carrot_user_ids()[1];
    let user = c.user(uid);

    user.set_presence(Presence::Online)
        .page("Pricing", "https://shop.example/pricing")
        .await
        .unwrap();
    let u = user.get().presence_details(true).await.unwrap();
    assert_eq!(u.presence, Some(Presence::Online));
    let details = u.presence_details.expect("presence_details");
    assert_eq!(details["current_page"], json!("Pricing"));
    let active = c.this_app().active_users().await.unwrap().items;
    assert_eq!(active.iter().map(|u| u.id.0).collect::<Vec<_>>(), vec![uid]);

    user.set_presence(Presence::Idle).await.unwrap();
    assert_eq!(user.get().await.unwrap().presence, Some(Presence::Idle));
    assert!(c.this_app().active_users().await.unwrap().items.is_empty());

    // By external id the call is refused before anything is sent.
    let ext = sim.carrot_external_user_id(uid).unwrap();
    let before = sim.total_requests();
    let err = c
        .user(UserRef::external(ext))
        .set_presence(Presence::Online)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert_eq!(err.was_sent(), Some(false));
    assert_eq!(sim.total_requests(), before, "nothing reached the server");
    assert_eq!(
        sim.write_count(&format!("carrot:setpresence:{uid}:online")),
        1
    );
    assert_eq!(
        sim.write_count(&format!("carrot:setpresence:{uid}:idle")),
        1
    );
}

#[tokio::test]
async fn a_user_is_the_same_by_carrot_id_and_by_external_id() {
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V1);
    let id = sim.carrot_user_ids()[0];
    let ext = sim
        .carrot_external_user_id(id)
        .expect("seeded users have a user_id");

    let by_id = c.user(id).get().await.unwrap();
    let by_ext = c.user(UserRef::external(ext.as_str())).get().await.unwrap();
    assert_eq!(by_id.id.0, id);
    assert_eq!(by_ext, by_id);
    assert_eq!(by_ext.user_id.as_deref(), Some(ext.as_str()));

    // A write through one reference is read through the other.
    c.user(UserRef::external(ext.as_str()))
        .set_props([("tier", "gold")])
        .await
        .unwrap();
    assert_eq!(
        c.user(id).get().await.unwrap().prop("tier"),
        Some(&json!("gold"))
    );

    // An external id full of reserved characters survives the path in both directions.
    let odd = "ext/ü 42?&#%+";
    c.user(UserRef::external(odd))
        .props()
        .update_or_create("$name", "Odd One")
        .await
        .unwrap();
    let created = c.user(UserRef::external(odd)).get().await.unwrap();
    assert_eq!(created.user_id.as_deref(), Some(odd));
    assert!(!sim.carrot_user_ids()[..3].contains(&created.id.0));
    assert_eq!(
        sim.carrot_external_user_id(created.id.0).as_deref(),
        Some(odd)
    );
    let again = c.user(created.id).get().await.unwrap();
    assert_eq!(again.prop("$name"), Some(&json!("Odd One")));
}

// ---- conversations ----------------------------------------------------------------------------

#[tokio::test]
async fn conversation_lifecycle_start_reply_assign_tag_type_read_close() {
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V2);
    let admins = sim.carrot_admin_ids();
    let operator = admins[1];

    let started = c
        .user(UserRef::external("visitor-9"))
        .start_conversation("Hello, is anyone there?")
        .random_id(777)
        .await
        .unwrap();
    let conv = c.conversation(started.id);
    let fresh = conv.get().await.unwrap();
    assert_eq!(fresh.closed, Some(false));
    assert_eq!(fresh.parts_count, Some(1));
    let uid = fresh.user.as_ref().expect("user").id;
    assert_eq!(
        sim.carrot_external_user_id(uid.0).as_deref(),
        Some("visitor-9")
    );

    let answer = conv
        .reply("Hi! How can I help?")
        .from_admin(operator)
        .random_id(1)
        .await
        .unwrap();
    assert_eq!(answer.body.as_deref(), Some("Hi! How can I help?"));
    assert_eq!(answer.part_type, Some(PartType::ReplyAdmin));
    assert_eq!(answer.conversation, Some(started.id));
    let from_user = conv
        .reply("My order is late")
        .from_user(UserSender::Default)
        .random_id(2)
        .await
        .unwrap();
    assert_eq!(from_user.part_type, Some(PartType::ReplyUser));
    let parts = conv.parts().await.unwrap().items;
    assert_eq!(
        parts.iter().map(|p| p.body.as_deref()).collect::<Vec<_>>(),
        [
            Some("My order is late"),
            Some("Hi! How can I help?"),
            Some("Hello, is anyone there?")
        ],
        "newest first"
    );

    // Assign; assigning the same operator again changes nothing and says so with `{}`.
    let assigned = conv.assign(Assignee::Admin(operator.into())).await.unwrap();
    assert!(assigned.id.is_some(), "a system part: {assigned:?}");
    let again = conv.assign(Assignee::Admin(operator.into())).await.unwrap();
    assert_eq!(again.id, None, "unchanged assignee: {again:?}");
    let got = conv.get().await.unwrap();
    assert_eq!(got.assignee.map(|a| a.id.0), Some(operator));

    // Tags: a second add is refused with the vendor's error, the DELETE removes it.
    conv.add_tag("vip").await.unwrap();
    let err = conv.add_tag("vip").await.unwrap_err();
    assert_eq!(
        api_error(&err),
        (400, Some("ConversationTagAlreadyAssigned"))
    );
    assert_eq!(
        error_name(&err),
        Some(ErrorName::ConversationTagAlreadyAssigned)
    );
    assert_eq!(conv.get().await.unwrap().tags, Some(vec!["vip".to_owned()]));
    conv.delete_tag("vip").await.unwrap();
    assert_eq!(conv.get().await.unwrap().tags, Some(vec![]));
    let err = conv.delete_tag("vip").await.unwrap_err();
    assert_eq!(api_error(&err), (400, Some("ConversationTagIsNotAssigned")));

    conv.set_typing().text("typing…").await.unwrap();
    let read = conv.mark_read().await.unwrap();
    // `markread` data is kept as JSON; the client asks for ids as strings (`id_as_string`).
    assert_eq!(read["conversation"], json!(started.id.0.to_string()));
    let got = conv.get().await.unwrap();
    assert_eq!(got.unread_parts_count, Some(0));
    assert_eq!(got.read, Some(true));

    let closed = conv.close().await.unwrap();
    assert!(closed.id.is_some(), "{closed:?}");
    assert_eq!(conv.get().await.unwrap().closed, Some(true));

    // System parts (assign, tag, untag, close) are listed and decode alongside the messages.
    let all = drain(conv.parts().per_page(2).stream()).await;
    assert_eq!(all.len(), 7, "{all:#?}");
    assert_eq!(set(all.iter().map(|p| p.id)).len(), 7, "each part once");
    let system = all
        .iter()
        .filter(|p| matches!(p.part_type, Some(PartType::Other(_))))
        .count();
    assert_eq!(system, 4, "{all:#?}");

    // A user reply reopens the conversation.
    conv.reply("One more thing")
        .from_user(UserSender::Default)
        .random_id(3)
        .await
        .unwrap();
    assert_eq!(conv.get().await.unwrap().closed, Some(false));

    let id = started.id.0;
    for key in [
        format!("carrot:startconversation:{}:777", uid.0),
        format!("carrot:reply:{id}:1"),
        format!("carrot:reply:{id}:2"),
        format!("carrot:reply:{id}:3"),
        format!("carrot:assign:{id}:{operator}"),
        format!("carrot:tag:{id}:vip"),
        format!("carrot:untag:{id}:vip"),
        format!("carrot:settyping:{id}"),
        format!("carrot:markread:{id}"),
        format!("carrot:close:{id}"),
    ] {
        assert_eq!(sim.write_count(&key), 1, "{key}");
    }
}

#[tokio::test]
async fn tag_conflicts_are_answered_with_success_under_v1() {
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V1);
    let conv = c.conversation(sim.carrot_conversation_ids()[0]);
    conv.add_tag("vip").await.unwrap();
    // v1 answers a repeated tag with 200 and empty data: no error to surface.
    conv.add_tag("vip").await.unwrap();
    assert_eq!(conv.get().await.unwrap().tags, Some(vec!["vip".to_owned()]));
    let id = sim.carrot_conversation_ids()[0];
    assert_eq!(sim.write_count(&format!("carrot:tag:{id}:vip")), 1);
}

// ---- app lists --------------------------------------------------------------------------------

#[tokio::test]
async fn leads_offset_paging_yields_every_lead_exactly_once() {
    let sim = start_sim(Seed {
        users: 57,
        ..Seed::default()
    })
    .await;
    let c = sim_client(&sim, Api::V1);
    let all_ids = set(sim.carrot_user_ids());

    // Page by page by hand: the server's own pages, with the total.
    let mut by_hand = Vec::new();
    let mut offset = 0;
    loop {
        let page = c
            .this_app()
            .leads()
            .offset(offset)
            .per_page(10)
            .await
            .unwrap();
        assert_eq!(page.meta.total, Some(57));
        if page.items.is_empty() {
            break;
        }
        offset += page.items.len() as u64;
        by_hand.extend(page.items.into_iter().map(|u| u.id.0));
    }
    assert_eq!(by_hand.len(), 57, "no lead repeated by the server");
    assert_eq!(set(by_hand.iter().copied()), all_ids);

    // The stream walks the same pages in the same order.
    let streamed = ids_of(drain(c.this_app().leads().per_page(10).stream()).await);
    assert_eq!(streamed, by_hand);
    let pages = sim
        .requests()
        .iter()
        .filter(|r| r.route_class == "apps.users")
        .count();
    assert_eq!(pages, 7 + 6, "6 pages and an empty one by hand, 6 streamed");
}

/// Walks the app's conversations a page of ten at a time and checks each comes once, in
/// `last_update` order, after two of them were moved to the top by replies.
async fn conversations_walk(api: Api, cursor_param: &str) {
    let sim = start_sim(Seed::default().conversations(47, 2)).await;
    let c = sim_client(&sim, api);
    let ids = sim.carrot_conversation_ids();
    for (n, &id) in [ids[5], ids[30]].iter().enumerate() {
        c.conversation(id)
            .reply("bump")
            .random_id(n as u64 + 1)
            .await
            .unwrap();
    }
    sim.reset_accounting();

    let listed = drain(c.this_app().conversations().per_page(10).stream()).await;
    let listed_ids: Vec<u64> = listed.iter().map(|c| c.id.0).collect();
    assert_eq!(listed_ids.len(), 47, "{api:?}: {listed_ids:?}");
    assert_eq!(set(listed_ids.iter().copied()), set(ids.iter().copied()));
    assert_eq!(
        &listed_ids[..2],
        &[ids[30], ids[5]],
        "{api:?}: the bumped ones first"
    );
    let keys: Vec<(i64, u64)> = listed
        .iter()
        .map(|c| {
            (
                c.last_update.as_ref().and_then(|t| t.secs()).unwrap(),
                c.id.0,
            )
        })
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] > w[1]),
        "{api:?}: newest update first: {keys:?}"
    );

    let pages: Vec<_> = sim
        .requests()
        .into_iter()
        .filter(|r| r.route_class == "apps.conversations")
        .collect();
    assert_eq!(pages.len(), 5, "{api:?}: 10+10+10+10+7");
    assert!(
        pages[1..]
            .iter()
            .all(|r| r.query.split('&').any(|p| p.starts_with(cursor_param))),
        "{api:?}: every later page follows the {cursor_param} cursor: {pages:?}"
    );
}

#[tokio::test]
async fn app_conversations_follow_the_v1_after_cursor() {
    conversations_walk(Api::V1, "after=").await;
}

#[tokio::test]
async fn app_conversations_follow_the_v2_position_cursor() {
    conversations_walk(Api::V2, "paginate_position=").await;
}

// ---- errors -----------------------------------------------------------------------------------

#[tokio::test]
async fn a_wrong_token_is_not_authenticated_and_writes_nothing() {
    let sim = start_sim(Seed::default()).await;
    let c = CarrotClient::builder()
        .token("app.3.not-the-token")
        .base_url(sim.carrot_base_url_v1())
        .quota(None)
        .build()
        .unwrap();
    let uid = sim.carrot_user_ids()[0];
    let err = c.user(uid).get().await.unwrap_err();
    assert_eq!(api_error(&err), (401, Some("NotAuthenticated")));
    assert_eq!(error_name(&err), Some(ErrorName::NotAuthenticated));
    let err = c.user(uid).set_props([("x", 1)]).await.unwrap_err();
    assert_eq!(api_error(&err.source), (401, Some("NotAuthenticated")));
    assert_eq!(err.applied, 0);
    assert!(sim.write_counts().is_empty(), "{:?}", sim.write_counts());
}

#[tokio::test]
async fn an_unknown_user_is_a_lookup_error_with_status_400() {
    let sim = start_sim(Seed::default()).await;
    let c = sim_client(&sim, Api::V1);
    for user in [
        UserRef::external("nobody-here"),
        UserRef::Carrot(987_654_321),
    ] {
        let err = c.user(user.clone()).get().await.unwrap_err();
        assert_eq!(api_error(&err), (400, Some("LookupError")), "{user}");
        assert_eq!(error_name(&err), Some(ErrorName::LookupError));
        let err = c.user(user.clone()).events().await.unwrap_err();
        assert_eq!(api_error(&err), (400, Some("LookupError")), "{user}");
    }
    let err = c
        .user(987_654_321_u64)
        .set_presence(Presence::Online)
        .await
        .unwrap_err();
    assert_eq!(api_error(&err), (400, Some("LookupError")));
    assert!(sim.write_counts().is_empty(), "{:?}", sim.write_counts());
}

// ---- faults and rate limits: replies ----------------------------------------------------------

/// Sends `n` replies (distinct `random_id`s) one after the other under `case`'s fault, which hits
/// every second reply, and checks each outcome against the simulator's counters.
async fn replies_under(case: &FaultCase, n: u64) -> Tally {
    let sim = Sim::builder()
        .seed(Seed::default())
        .fault(case.fault("*/conversations/*/reply"))
        .start()
        .await
        .unwrap();
    let transport = Transport::builder()
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .build();
    let c = client_over(&sim, Api::V1, transport);
    let id = sim.carrot_conversation_ids()[0];
    let conv = c.conversation(id);
    send_each(
        &sim,
        case,
        n,
        |i| conv.reply(format!("reply {i}")).random_id(i).into_future(),
        |i| format!("carrot:reply:{id}:{i}"),
    )
    .await
}

#[tokio::test(start_paused = true)]
async fn reply_faults_never_apply_a_write_twice_and_errors_tell_the_truth() {
    for case in fault_cases() {
        // Every second reply is hit, and none of them may be re-sent: three land, three fail.
        replies_under(&case, 6).await.assert_split(3, 3);
    }
}

#[tokio::test(start_paused = true)]
async fn replies_over_the_rate_limit_all_land_once() {
    const N: u64 = 12;
    let sim = Sim::builder()
        .seed(Seed::default())
        .rate_limit(RateLimit::new(2.0, 2).vendor(Vendor::Carrot))
        .start()
        .await
        .unwrap();
    let c = client_over(&sim, Api::V1, patient_transport());
    let id = sim.carrot_conversation_ids()[0];
    let conv = c.conversation(id);
    let sends = (1..=N).map(|i| conv.reply(format!("burst {i}")).random_id(i).into_future());
    let results = futures_util::future::join_all(sends).await;
    for (i, r) in (1..=N).zip(&results) {
        let part = r.as_ref().unwrap_or_else(|e| panic!("reply {i}: {e:?}"));
        assert_eq!(part.body.as_deref(), Some(format!("burst {i}").as_str()));
        assert_eq!(sim.write_count(&format!("carrot:reply:{id}:{i}")), 1, "{i}");
    }
    no_duplicates(&sim.write_counts());
    assert_burst_log(&sim.requests(), N);
}

#[test]
fn fault_cases_cover_every_kind_that_can_hit_a_write() {
    let names = set(fault_cases().iter().map(|c| c.kind.name()));
    assert_eq!(
        names,
        set([
            "close_before",
            "close_after",
            "status",
            "truncated",
            "invalid_json",
            "delay"
        ])
    );
    let statuses: Vec<_> = fault_cases()
        .into_iter()
        .filter_map(|c| match c.kind {
            FaultKind::Status { status, body } => Some((status, body)),
            _ => None,
        })
        .collect();
    assert_eq!(statuses.len(), 6, "500/502/503, JSON and HTML");
}

/// A simulator that processes the `nth` requests to paths matching `pattern`, then closes the
/// connection without answering.
async fn losing_answers(pattern: &str, nth: Nth) -> Sim {
    let lost = Fault::new(FaultKind::CloseAfterProcessing)
        .path(pattern)
        .nth(nth);
    Sim::builder().fault(lost).start().await.unwrap()
}

/// A props request made only of converging operations is re-sent after its answer is lost (the
/// counter sees both copies, the state is as after one); one with `add` is not.
#[tokio::test(start_paused = true)]
async fn converging_props_are_resent_after_a_lost_answer_and_add_is_not() {
    let sim = losing_answers("*/props", Nth::Every(2)).await;
    let c = sim_client(&sim, Api::V1);
    let user = c.user(UserRef::external("resent"));
    let counts = |sim: &Sim| writes_with_prefix(sim, "carrot:props:");

    // Request 1 goes through; request 2 (the safe one) is lost after processing and re-sent.
    user.set_props([("plan", "trial")]).await.unwrap();
    let outcome = user.set_props([("plan", "pro")]).await.unwrap();
    assert_eq!(
        outcome.affected_props,
        Vec::<String>::new(),
        "the copy changed nothing"
    );
    let twice: Vec<u64> = counts(&sim).into_values().filter(|&n| n == 2).collect();
    assert_eq!(
        twice,
        [2],
        "the re-sent copy is counted: {:?}",
        counts(&sim)
    );
    // Request 3 was the copy. Request 4 (`add`, unsafe) is lost after processing and not
    // re-sent; request 5 goes through.
    let err = user.props().add("orders", 1).await.unwrap_err();
    assert_eq!(err.applied, 0);
    assert_eq!(err.source.was_sent(), Some(true), "{err:?}");
    // (The counters key props by the operations sent, so the two adds differ.)
    user.props().add("orders", 2).await.unwrap();
    let u = user.get().await.unwrap();
    assert_eq!(u.prop("plan"), Some(&json!("pro")));
    assert_eq!(u.prop("orders"), Some(&json!(3)), "each add applied once");
    assert_eq!(counts(&sim).values().filter(|&&n| n == 1).count(), 3);
}

/// `add_tag` is re-sent when its answer is lost: the tag is applied once, and the caller sees
/// the second copy's `ConversationTagAlreadyAssigned` (API v2 refuses a repeated tag).
#[tokio::test(start_paused = true)]
async fn a_tag_whose_answer_was_lost_is_applied_once() {
    let sim = losing_answers("*/tag", Nth::Only(1)).await;
    let c = sim_client(&sim, Api::V2);
    let id = sim.carrot_conversation_ids()[0];
    let err = c.conversation(id).add_tag("vip").await.unwrap_err();
    assert_eq!(
        api_error(&err),
        (400, Some("ConversationTagAlreadyAssigned"))
    );
    assert_eq!(
        c.conversation(id).get().await.unwrap().tags,
        Some(vec!["vip".to_owned()])
    );
    assert_eq!(sim.write_count(&format!("carrot:tag:{id}:vip")), 1);
    let tries = sim
        .requests()
        .iter()
        .filter(|r| r.route_class == "conversations.tag")
        .count();
    assert_eq!(tries, 2, "the lost answer was followed by one re-send");
}

/// With every primary key above 2^60, no id is squeezed through `f64` anywhere: cursors built
/// from big ids walk every list completely, and ids read from one call address the next.
#[tokio::test]
async fn ids_above_2_pow_60_survive_cursors_and_round_trips() {
    for api in [Api::V1, Api::V2] {
        let seed = Seed {
            big_ids: true,
            users: 23,
            ..Seed::default().conversations(30, 45)
        };
        let sim = start_sim(seed).await;
        let c = sim_client(&sim, api);
        let ids = sim.carrot_conversation_ids();
        assert!(ids[0] > 1 << 60);
        for (n, &id) in ids.iter().enumerate().take(7) {
            c.conversation(id)
                .reply("bump")
                .random_id(n as u64 + 1)
                .await
                .unwrap();
        }
        let listed = ids_of(drain(c.this_app().conversations().per_page(4).stream()).await);
        assert_eq!(listed.len(), 30, "{api:?}");
        assert_eq!(set(listed), set(ids.iter().copied()), "{api:?}");
        let parts = ids_of(drain(c.conversation(ids[20]).parts().per_page(7).stream()).await);
        assert_eq!(set(parts.iter().copied()).len(), 45, "{api:?}");
        assert!(
            parts.windows(2).all(|w| w[0] > w[1]),
            "{api:?}: newest first"
        );
        let leads = ids_of(drain(c.this_app().leads().per_page(4).stream()).await);
        assert_eq!(set(leads), set(sim.carrot_user_ids()), "{api:?}");

        let user = c.user(UserRef::external("big"));
        let event = user.track_event("signed_up").await.unwrap();
        let listed = user.events().await.unwrap().items;
        assert_eq!(listed.iter().map(|e| e.id).collect::<Vec<_>>(), [event.id]);
        let started = user.start_conversation("hi").await.unwrap();
        assert!(started.id.0 > 1 << 60);
        let got = c.conversation(started.id).get().await.unwrap();
        let uid = got.user.expect("user").id;
        assert_eq!(
            c.user(uid).get().await.unwrap().user_id.as_deref(),
            Some("big")
        );
    }
}
