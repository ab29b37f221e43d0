//! Every Carrot Quest response type decodes the vendor's published examples.
//!
//! The fixtures are copies of the vendor examples (origins in `fixtures/carrot/README.md`). Some
//! were not valid JSON as published; the edits are noted at each test that loads such a file.
#![cfg(feature = "carrot")]

use chatdesk_model::carrot::*;
use chatdesk_model::id::FlexId;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/carrot/", $name))
    };
}

/// Decodes an envelope, then checks that encoding and decoding again gives the same value.
fn decode<T>(text: &str) -> Envelope<T>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let env: Envelope<T> =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("decode failed: {e}\n{text}"));
    let again = serde_json::to_string(&env).expect("encode");
    let back: Envelope<T> =
        serde_json::from_str(&again).unwrap_or_else(|e| panic!("re-decode failed: {e}\n{again}"));
    assert_eq!(env, back, "round trip changed the value");
    env
}

fn data<T>(text: &str) -> T
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let env = decode::<T>(text);
    assert!(!env.is_error(), "unexpected error meta: {:?}", env.meta);
    assert_eq!(env.meta.status, Some(200));
    env.into_result().expect("data present")
}

#[test]
fn error_envelope_decodes_whatever_data_type_is_expected() {
    let text = fixture!("error_envelope.json");
    // `data` is `{}`, which is no Conversation: the error must still be readable.
    let env = decode::<Conversation>(text);
    assert!(env.is_error());
    assert_eq!(env.meta.status, Some(400));
    assert_eq!(env.meta.error, Some(ErrorName::BadRequest));
    assert_eq!(
        env.meta.error_message.as_deref(),
        Some("The request could not be understood by the server due to malformed syntax")
    );
    assert!(env.data.is_none());
    let meta = env.into_result().expect_err("an error envelope is an Err");
    assert_eq!(meta.error, Some(ErrorName::BadRequest));

    // With a type that does fit `{}`, the data is kept but the result is still an error.
    let env = decode::<Empty>(text);
    assert_eq!(env.data, Some(Empty::new()));
    assert!(env.into_result().is_err());
}

#[test]
fn track_event_response_current_and_v1() {
    let ev: Event = data(fixture!("users_events_post.json"));
    assert_eq!(ev.id, FlexId(6187513));
    assert_eq!(ev.created, Some(Timestamp::from_secs(123123123)));
    assert_eq!(ev.name(), Some("testEvent"));
    let ty = ev.event_type.as_ref().expect("type");
    assert_eq!(ty.id, Some(FlexId(123123123)));
    assert_eq!(ty.score, Some(0.into()));
    assert_eq!(ty.visible, Some(true));
    assert_eq!(ty.active, Some(false));
    assert_eq!(ev.user, Some(FlexId(123123123)));
    assert_eq!(ev.props.as_ref().map(|p| p.len()), Some(0));

    // v1 answered with the id only.
    let ev: Event = data(fixture!("users_events_post_v1.json"));
    assert_eq!(ev, Event::new(6187513u64));
}

#[test]
fn props_response_outcome_is_in_meta() {
    let env = decode::<Empty>(fixture!("users_props_post_v1.json"));
    assert_eq!(env.meta.affected_props, Some(vec![]));
    assert_eq!(env.meta.ignored_operations, Some(vec![]));
    assert_eq!(env.data, Some(Empty::new()));
    assert_eq!(PropsOutcome::from_meta(&env.meta), PropsOutcome::default());
}

#[test]
fn send_message_response() {
    let sent: SentMessage = data(fixture!("users_sendmessage.json"));
    assert_eq!(sent.conversation, Some(FlexId(1128184)));
    assert_eq!(sent.message, Some(FlexId(2804)));
}

#[test]
fn empty_data_responses() {
    for text in [
        fixture!("users_setpresence.json"),
        fixture!("conversations_settyping.json"),
    ] {
        assert_eq!(data::<Empty>(text), Empty::new());
    }
}

#[test]
fn start_conversation_response() {
    // Published with a trailing comma after the id; the fixture drops it.
    let started: StartedConversation = data(fixture!("users_startconversation.json"));
    assert_eq!(started.id, FlexId(1856194));
}

#[test]
fn list_events_with_v2_cursor() {
    // Published with a `...` list item; the fixture drops it.
    let env = decode::<Vec<Event>>(fixture!("users_events_get.json"));
    let pos = env.meta.next_before_position.clone().expect("cursor");
    assert_eq!(pos.0, vec![PositionValue::Number("7936756".into())]);
    assert_eq!(pos.to_param(), "[7936756]");
    assert_eq!(env.meta.next_after_position, None);
    let events = env.into_result().expect("data");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].id, FlexId(335704586));
    assert_eq!(events[0].name(), Some("MyEvent"));
    assert_eq!(events[0].user, Some(FlexId(22735768)));
    let props = events[0].props.as_ref().expect("props");
    assert_eq!(props["App"], "Eva99");
}

#[test]
fn user_conversations_with_float_v1_cursor() {
    // Published with a `...` list item; the fixture drops it.
    let env = decode::<Vec<Conversation>>(fixture!("users_conversations.json"));
    assert_eq!(env.meta.next_after.as_deref(), Some("1447339319.900966"));
    let list = env.into_result().expect("data");
    assert_eq!(list.len(), 1);
    let c = &list[0];
    assert_eq!(c.id, FlexId(7100586));
    assert_eq!(c.conversation_type, Some(MessageType::PopupChat));
    assert_eq!(c.reply_type.as_deref(), Some("text"));
    assert_eq!(c.closed, Some(false));
    assert_eq!(c.message, None);
    assert_eq!(c.assignee, None);
    assert_eq!(c.parts_count, Some(13));
    assert_eq!(c.unread_parts_count, Some(2));
    assert_eq!(c.tags, Some(vec![]));
    assert_eq!(c.last_update, Some(Timestamp::from_secs(1450345019)));
    let last = c.part_last.as_ref().expect("part_last");
    assert_eq!(last.part_type, Some(PartType::ReplyUser));
    assert_eq!(last.from, Some(PartFrom::Id(FlexId(16588048))));
    assert_eq!(last.conversation, Some(FlexId(7100586)));
    let admin = c.last_admin.as_ref().expect("last_admin");
    assert_eq!(admin.id, FlexId(24601));
    assert_eq!(admin.name.as_deref(), Some("Maks"));
    assert_eq!(admin.kind, Some(ActorKind::Admin));
}

#[test]
fn import_response() {
    // Published with unquoted integer keys and a `...`; the fixture quotes the keys and drops it.
    let result: ImportResult = data(fixture!("users_import.json"));
    assert_eq!(result.updates_planned, Some(123));
    let errors = result.row_errors.expect("row_errors");
    assert_eq!(errors.len(), 2);
    assert_eq!(errors["33"], "Error in string 33");
}

#[test]
fn single_conversation() {
    // Published with a `...` inside user.props and no comma before "meta"; the fixture fixes both.
    let c: Conversation = data(fixture!("conversations_get.json"));
    assert_eq!(c.id, FlexId(7100586));
    assert_eq!(c.created, Some(Timestamp::from_secs(1450342055)));
    assert_eq!(c.read, Some(true));
    assert_eq!(c.replied, Some(true));
    assert_eq!(c.clicked, Some(false));
    assert_eq!(c.unsubscribed, Some(false));
    let user = c.user.as_ref().expect("user");
    assert_eq!(user.id, FlexId(7722092));
    assert_eq!(user.app, Some(FlexId(3)));
    assert_eq!(user.user_id.as_deref(), Some("27384"));
    assert_eq!(user.presence, Some(Presence::Idle));
    assert_eq!(
        user.prop("$email").and_then(|v| v.as_str()),
        Some("alex@example.com")
    );
    assert_eq!(user.prop("$name").and_then(|v| v.as_str()), Some("Alex"));
    let last = c.part_last.as_ref().expect("part_last");
    assert_eq!(last.sent_via.as_deref(), Some("web_user"));
    assert_eq!(last.body.as_deref(), Some("..."));
}

#[test]
fn parts_with_v2_and_v1_cursors() {
    // Both published with a `...` list item; the fixtures drop it.
    let env = decode::<Vec<ConversationPart>>(fixture!("conversations_parts.json"));
    assert_eq!(
        env.meta.next_before_position,
        Some(Position::id(7936756u64))
    );
    let parts = env.into_result().expect("data");
    let p = &parts[0];
    assert_eq!(p.id, FlexId(7936880));
    assert_eq!(p.conversation, Some(FlexId(7179725)));
    assert_eq!(p.read, Some(true));
    assert_eq!(p.part_type, Some(PartType::ReplyAdmin));
    assert_eq!(p.sent_via.as_deref(), Some("app_chrome"));
    match p.from.as_ref().expect("from") {
        PartFrom::Admin(a) => {
            assert_eq!(a.id, FlexId(14709));
            assert_eq!(a.name.as_deref(), Some("Alex"));
        }
        other => panic!("expected an admin object, got {other:?}"),
    }
    assert_eq!(p.from.as_ref().map(PartFrom::id), Some(FlexId(14709)));

    let env = decode::<Vec<ConversationPart>>(fixture!("conversations_parts_v1.json"));
    assert_eq!(env.meta.next_after.as_deref(), Some("7936756"));
    assert_eq!(env.meta.next_before_position, None);
    assert_eq!(env.into_result().expect("data").len(), 1);
}

#[test]
fn system_part_responses() {
    for text in [
        fixture!("conversations_assign.json"),
        fixture!("conversations_close.json"),
        fixture!("conversations_tag_post.json"),
    ] {
        let part: SystemPart = data(text);
        assert_eq!(part.id, Some(FlexId(123)));
        assert_eq!(part.part_group, Some(FlexId(345)));
    }
    // Assign answers `{}` when nothing changed.
    let part: SystemPart = data(r#"{"meta":{"status":200},"data":{}}"#);
    assert_eq!(part, SystemPart::default());
}

#[test]
fn v2_position_keeps_float_timestamp_and_64_bit_id_exactly() {
    // Published with `... // Objects here` as data; the fixture has an empty array.
    let text = fixture!("pagination_v2_apps_conversations.json");
    let env = decode::<Vec<Conversation>>(text);
    let pos = env.meta.next_before_position.clone().expect("cursor");
    assert_eq!(
        pos.0,
        vec![
            PositionValue::Number("1684739969.358085".into()),
            PositionValue::Number("1160406004324630614".into()),
        ]
    );
    assert_eq!(pos.to_param(), "[1684739969.358085,1160406004324630614]");
    let meta_json = serde_json::to_string(&env.meta).expect("encode");
    assert!(
        meta_json.contains("[1684739969.358085,1160406004324630614]"),
        "{meta_json}"
    );
    assert_eq!(env.into_result().expect("data"), vec![]);
}

#[test]
fn realtime_reply_is_a_conversation_part() {
    let p: ConversationPart =
        serde_json::from_str(fixture!("rts_conversation_reply.json")).expect("decode");
    assert_eq!(p.id, FlexId(7498329));
    assert_eq!(p.body.as_deref(), Some("Reply test"));
    assert_eq!(p.from, Some(PartFrom::Id(FlexId(3181982))));
    assert_eq!(p.random_id, Some(FlexId(1650977560)));
    let a = p.assignee.expect("assignee");
    assert_eq!(a.id, FlexId(11946));
    assert_eq!(
        a.avatar.as_deref(),
        Some("https://files.dashly.app/avatars/1446185805093-d6o6rtiq.jpg")
    );
}
