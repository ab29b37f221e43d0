//! Crisp part 1 wire types: conversations, messages, people, envelope and web hooks.
//!
//! Fixtures (`tests/fixtures/crisp/p1_*.json`):
//! * `p1_webhook_message_send.json`: the example web hook body published in Crisp's web hook
//!   quickstart guide (https://docs.crisp.chat/guides/web-hooks/quickstart), byte for byte as kept
//!   in the project's API reference material.
//! * `p1_node_requests.json`: the request the official Node client 11.3.0 sends for each method of
//!   our groups (every optional field set), recorded against a loopback server.
//! * `p1_responses.json`: hand-written success envelopes, one per method with a response body,
//!   built from the official clients' object shapes.
#![cfg(feature = "crisp")]

use chatdesk_model::crisp::common::{
    self, Empty, Envelope, ErrorData, JsonParam, SearchFilter, SearchOperator, SearchQuery,
};
use chatdesk_model::crisp::webhook::{
    self, EVENT_NAMES, Event, WebhookError, compute_signature, parse_webhook, parse_webhook_raw,
    verify_signature, verify_signature_fresh,
};
use chatdesk_model::crisp::{conversation, message, people};
use conversation::{Conversation, ConversationState};
use message::{Message, MessageContent, MessageFrom, MessageSend, MessageType, Origin};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

const TYPE_MAP: &str = include_str!("../../../docs/api/crisp-types-map-part1.tsv");
const NODE_REQUESTS: &str = include_str!("fixtures/crisp/p1_node_requests.json");
const RESPONSES: &str = include_str!("fixtures/crisp/p1_responses.json");
const REAL_HOOK: &[u8] = include_bytes!("fixtures/crisp/p1_webhook_message_send.json");
const EVENT_SAMPLES: &str = include_str!("fixtures/crisp/p1_events.json");

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

struct MapRow {
    http_method: String,
    path: String,
    node_method: String,
    query: String,
    body: String,
    response: String,
}

fn map_rows() -> Vec<MapRow> {
    let mut lines = TYPE_MAP.lines();
    assert_eq!(
        lines.next(),
        Some("http_method\tpath_template\tnode_method\tquery_type\tbody_type\tresponse_type")
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "bad row {l:?}");
            MapRow {
                http_method: f[0].into(),
                path: f[1].into(),
                node_method: f[2].into(),
                query: f[3].into(),
                body: f[4].into(),
                response: f[5].into(),
            }
        })
        .collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Decodes `value` as `T` and encodes it back.
fn round_trip<T: Serialize + DeserializeOwned>(value: &Value) -> Result<Value, String> {
    let decoded: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    serde_json::to_value(&decoded).map_err(|e| e.to_string())
}

/// Decodes a whole envelope whose data is `T`, and returns the data re-encoded.
fn envelope_round_trip<T: Serialize + DeserializeOwned>(value: &Value) -> Result<Value, String> {
    let env: Envelope<T> = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    if env.is_error() {
        return Err("error envelope".into());
    }
    let data = env.into_data().ok_or("no data")?;
    serde_json::to_value(&data).map_err(|e| e.to_string())
}

/// Maps a type path written in the TSV to the real type: compiling this proves every path exists,
/// and the string match proves the TSV spells them exactly.
macro_rules! type_table {
    ($fn_name:ident, $via:ident, [$($t:ty),* $(,)?]) => {
        fn $fn_name(type_path: &str, value: &Value) -> Option<Result<Value, String>> {
            let wanted = squash(type_path);
            $(
                if squash(stringify!($t)) == wanted {
                    return Some($via::<$t>(value));
                }
            )*
            None
        }
    };
}

type_table!(response_round_trip, envelope_round_trip, [
    common::Empty,
    Vec<String>,
    Vec<common::SuggestedSegment>,
    Vec<common::SuggestedDataKey>,
    Vec<conversation::Conversation>,
    conversation::Conversation,
    Vec<conversation::SpamConversation>,
    conversation::SpamConversation,
    conversation::ConversationNew,
    Vec<message::Message>,
    message::Message,
    message::MessageDispatched,
    conversation::RoutingAssign,
    conversation::ConversationMeta,
    conversation::ConversationOriginal,
    Vec<conversation::ConversationPage>,
    Vec<conversation::ConversationEvent>,
    Vec<conversation::ConversationFile>,
    conversation::ConversationStateData,
    conversation::ConversationRelations,
    conversation::ConversationParticipants,
    conversation::BlockStatus,
    conversation::VerifyStatus,
    Vec<conversation::BrowsingSession>,
    conversation::CallSession,
    conversation::ToolCallResult,
    conversation::WidgetActionDelivered,
    people::PeopleStatistics,
    Vec<people::SuggestedEvent>,
    Vec<people::PeopleProfile>,
    people::PeopleProfile,
    people::PeopleProfileNew,
    Vec<people::PeopleCampaign>,
    Vec<people::PeopleEvent>,
    people::PeopleData,
    people::PeopleSubscription,
    people::PeopleImportStarted,
]);

type_table!(
    body_round_trip,
    round_trip,
    [
        common::Empty,
        common::SuggestedSegmentDelete,
        common::SuggestedDataKeyDelete,
        conversation::SpamDecision,
        message::MessageSend,
        message::MessageUpdate,
        message::ComposeMessage,
        message::MessagesMark,
        message::UnreadMark,
        conversation::OpenStateUpdate,
        conversation::RoutingAssignUpdate,
        conversation::InboxUpdate,
        conversation::ConversationMetaUpdate,
        conversation::StateUpdate,
        conversation::ParticipantsSave,
        conversation::BlockUpdate,
        conversation::VerifyUpdate,
        conversation::IdentityVerifyRequest,
        conversation::IdentityVerifyRedeem,
        conversation::TranscriptRequest,
        conversation::BrowsingAction,
        conversation::BrowsingAssist,
        conversation::CallStart,
        conversation::CallAbort,
        conversation::CallSignaling,
        conversation::ToolCallRequest,
        conversation::WidgetButtonAction,
        conversation::WidgetDataFetchAction,
        conversation::WidgetDataEditAction,
        conversation::ReminderSchedule,
        conversation::ConversationReport,
        people::SuggestedEventDelete,
        people::PeopleProfileUpdate,
        people::PeopleEventNew,
        people::PeopleDataUpdate,
        people::PeopleSubscriptionUpdate,
        people::PeopleImport,
    ]
);

/// Query strings carry only text: turn numeric-looking values into numbers before decoding (as a
/// query deserializer would), and compare encodings as text.
fn query_round_trip<T: Serialize + DeserializeOwned>(
    query: &Value,
) -> Result<BTreeMap<String, String>, String> {
    let Value::Object(map) = query else {
        return Err("query is not an object".into());
    };
    let typed: serde_json::Map<String, Value> = map
        .iter()
        .map(|(k, v)| {
            let v = match v.as_str().and_then(|s| s.parse::<i64>().ok()) {
                Some(n) => json!(n),
                None => v.clone(),
            };
            (k.clone(), v)
        })
        .collect();
    let decoded: T = serde_json::from_value(Value::Object(typed)).map_err(|e| e.to_string())?;
    query_text(&decoded)
}

fn query_text<T: Serialize>(query: &T) -> Result<BTreeMap<String, String>, String> {
    let Value::Object(map) = serde_json::to_value(query).map_err(|e| e.to_string())? else {
        return Err("query did not encode as an object".into());
    };
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s,
                other => other.to_string(),
            };
            (k, text)
        })
        .collect())
}

type_table!(
    query_table,
    query_round_trip_value,
    [
        conversation::ConversationsQuery,
        message::MessagesQuery,
        people::PeopleProfilesQuery,
        people::PeopleConversationsQuery,
    ]
);

fn query_round_trip_value<T: Serialize + DeserializeOwned>(query: &Value) -> Result<Value, String> {
    query_round_trip::<T>(query).map(|m| json!(m))
}

// ---------------------------------------------------------------------------------------------
// The type map is complete and exact
// ---------------------------------------------------------------------------------------------

#[test]
fn type_map_covers_both_groups_and_names_real_types() {
    let rows = map_rows();
    assert_eq!(
        rows.len(),
        86,
        "60 website_conversation + 26 website_people rows"
    );
    let conv = rows.iter().filter(|r| !r.path.contains("/people/")).count();
    assert_eq!(conv, 60);
    let methods: BTreeSet<&str> = rows.iter().map(|r| r.node_method.as_str()).collect();
    assert_eq!(methods.len(), 86, "one row per node method");
    for r in &rows {
        assert!(
            ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].contains(&r.http_method.as_str()),
            "{}",
            r.node_method
        );
        assert!(r.path.starts_with("/website/{website_id}/"), "{}", r.path);
        if r.http_method == "HEAD" {
            assert_eq!((&*r.body, &*r.response), ("-", "-"), "{}", r.node_method);
        }
        if r.http_method == "GET" || r.http_method == "HEAD" {
            assert_eq!(r.body, "-", "{} has no body", r.node_method);
        }
        if ["POST", "PUT", "PATCH"].contains(&r.http_method.as_str()) {
            // Node always sends a JSON body on these, `{}` when the method takes none.
            assert_ne!(r.body, "-", "{} needs a body type", r.node_method);
        }
        let probe = json!({});
        if r.response != "-" {
            assert!(
                response_round_trip(
                    &r.response,
                    &json!({"error": false, "reason": "ok", "data": probe})
                )
                .is_some()
                    || r.response.starts_with("Vec<"),
                "unknown response type {}",
                r.response
            );
            let list = json!({"error": false, "reason": "ok", "data": []});
            assert!(
                response_round_trip(&r.response, &probe).is_some()
                    || response_round_trip(&r.response, &list).is_some(),
                "response type {} of {} is not a real type",
                r.response,
                r.node_method
            );
        }
        if r.body != "-" {
            assert!(
                body_round_trip(&r.body, &probe).is_some(),
                "body type {} of {} is not a real type",
                r.body,
                r.node_method
            );
        }
        if r.query != "-" {
            assert!(
                query_table(&r.query, &probe).is_some(),
                "query type {} of {} is not a real type",
                r.query,
                r.node_method
            );
        }
    }
}

#[test]
fn type_map_matches_node_method_and_path() {
    let node: Value = serde_json::from_str(NODE_REQUESTS).unwrap();
    let requests = node["requests"].as_object().unwrap();
    for r in map_rows() {
        let Some(req) = requests.get(&r.node_method) else {
            assert_eq!(
                r.node_method, "website.listPeopleSegments",
                "only the legacy row is not in Node"
            );
            continue;
        };
        assert_eq!(
            req["http_method"],
            json!(r.http_method),
            "{}",
            r.node_method
        );
        assert_eq!(req["path_template"], json!(r.path), "{}", r.node_method);
        let has_body = !req["body"].is_null();
        assert_eq!(has_body, r.body != "-", "{}: body presence", r.node_method);
        let has_query = req["query"].as_object().is_some_and(|q| !q.is_empty());
        if has_query {
            assert_ne!(r.query, "-", "{} sends a query", r.node_method);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Requests: exactly what the Node client sends
// ---------------------------------------------------------------------------------------------

#[test]
fn every_request_body_round_trips_the_node_body_exactly() {
    let node: Value = serde_json::from_str(NODE_REQUESTS).unwrap();
    let requests = node["requests"].as_object().unwrap();
    let mut checked = 0;
    for r in map_rows().into_iter().filter(|r| r.body != "-") {
        let body = &requests[&r.node_method]["body"];
        let encoded = body_round_trip(&r.body, body)
            .unwrap_or_else(|| panic!("no decoder for {}", r.body))
            .unwrap_or_else(|e| panic!("{} ({}): {e}", r.node_method, r.body));
        assert_eq!(&encoded, body, "{} ({})", r.node_method, r.body);
        checked += 1;
    }
    assert_eq!(checked, 48, "42 POST/PUT/PATCH + 6 DELETE with a JSON body");
}

#[test]
fn every_query_round_trips_the_node_query_exactly() {
    let node: Value = serde_json::from_str(NODE_REQUESTS).unwrap();
    let requests = node["requests"].as_object().unwrap();
    for r in map_rows().into_iter().filter(|r| r.query != "-") {
        let Some(req) = requests.get(&r.node_method) else {
            continue;
        };
        let sent = &req["query"];
        if sent.as_object().is_none_or(|q| q.is_empty()) {
            continue;
        }
        let encoded = query_table(&r.query, sent)
            .unwrap()
            .unwrap_or_else(|e| panic!("{}: {e}", r.node_method));
        assert_eq!(&encoded, sent, "{}", r.node_method);
    }
}

#[test]
fn send_message_serializes_like_node() {
    // website.sendMessageInConversation, variant `full`, body_raw of the Node 11.3.0 recording.
    let node_full = r#"{"type":"text","from":"operator","origin":"chat","content":"Hello! How can I help you today?","fingerprint":524653764345,"user":{"type":"website","user_id":"user-1","nickname":"John Doe","avatar":"https://acme.example.com/avatar.png"},"references":[{"type":"url","name":"Shipping policy","target":"https://help.acme.example.com/new-page"}],"original":{"original_id":"original-1"},"properties":{"priority":"high"},"timestamp":1767225600000,"stealth":true,"translated":true,"automated":true,"mentions":["user-1"]}"#;
    // Same method, variant `minimal`.
    let node_minimal = r#"{"type":"text","from":"operator","origin":"chat","content":"Hello! How can I help you today?"}"#;

    let minimal = MessageSend::operator(MessageContent::text("Hello! How can I help you today?"));
    assert_eq!(
        serde_json::to_value(&minimal).unwrap(),
        serde_json::from_str::<Value>(node_minimal).unwrap()
    );

    let mut full = minimal.clone();
    full.fingerprint = Some(524653764345);
    let mut user = message::MessageUser::named("John Doe");
    user.kind = Some("website".into());
    user.user_id = Some("user-1".into());
    user.avatar = Some("https://acme.example.com/avatar.png".into());
    full.user = Some(user);
    full.references = Some(vec![message::MessageReference::new(
        "url",
        "Shipping policy",
        "https://help.acme.example.com/new-page",
    )]);
    full.original = Some(message::MessageOriginal::new("original-1"));
    full.properties = Some(json!({"priority": "high"}).as_object().unwrap().clone());
    full.timestamp = Some(1767225600000);
    full.stealth = Some(true);
    full.translated = Some(true);
    full.automated = Some(true);
    full.mentions = Some(vec!["user-1".into()]);
    assert_eq!(
        serde_json::to_value(&full).unwrap(),
        serde_json::from_str::<Value>(node_full).unwrap()
    );
}

#[test]
fn typed_message_contents_serialize_with_type_and_content() {
    let file = MessageSend::operator(MessageContent::File(message::FileContent::new(
        "invoice.pdf",
        "https://storage.example.com/invoice.pdf",
        "application/pdf",
    )));
    assert_eq!(
        serde_json::to_value(&file).unwrap(),
        json!({"type": "file", "from": "operator", "origin": "chat", "content": {
            "name": "invoice.pdf", "url": "https://storage.example.com/invoice.pdf", "type": "application/pdf"}})
    );
    let picker = MessageContent::Picker(message::PickerContent::new(
        "rating",
        "How was it?",
        vec![message::PickerChoice::new("good", "Good")],
    ));
    assert_eq!(
        serde_json::to_value(&picker).unwrap(),
        json!({"type": "picker", "content": {"id": "rating", "text": "How was it?",
            "choices": [{"value": "good", "label": "Good", "selected": false}]}})
    );
    let note = MessageSend::new(
        MessageFrom::Operator,
        Origin::Chat,
        MessageContent::note("psst"),
    );
    assert_eq!(serde_json::to_value(&note).unwrap()["type"], json!("note"));
    // Every typed kind decodes into its own variant and encodes back exactly as it came.
    for wire in [
        json!({"type": "text", "content": "hi"}),
        json!({"type": "note", "content": "psst"}),
        json!({"type": "file", "content": {"name": "a.pdf", "url": "https://x/a.pdf", "type": "application/pdf"}}),
        json!({"type": "animation", "content": {"url": "https://x/a.gif", "type": "image/gif"}}),
        json!({"type": "audio", "content": {"url": "https://x/a.ogg", "type": "audio/ogg", "duration": 3}}),
        json!({"type": "picker", "content": {"id": "p", "text": "Pick", "choices": []}}),
        json!({"type": "field", "content": {"id": "f", "text": "Name?"}}),
        json!({"type": "carousel", "content": {"text": "Pick one", "targets": []}}),
        json!({"type": "event", "content": {"namespace": "state:resolved"}}),
    ] {
        let content: MessageContent = serde_json::from_value(wire.clone()).unwrap();
        assert!(!matches!(content, MessageContent::Other { .. }), "{wire}");
        assert_eq!(json!(content.kind().as_str()), wire["type"]);
        assert_eq!(serde_json::to_value(&content).unwrap(), wire);
    }
    let event = MessageContent::Event(message::EventContent::new("state:resolved"));
    assert_eq!(event.kind(), MessageType::Event);
    assert_eq!(
        message::MessageUpdate::from_content(&event).content,
        json!({"namespace": "state:resolved"})
    );
}

#[test]
fn list_conversations_query_matches_node_literal() {
    // website.listConversations, variant `full`, query_raw of the Node 11.3.0 recording, decoded.
    let node = "per_page=20&include_empty=1&filter_inbox_id=inbox-1&filter_unread=1&filter_resolved=1&filter_not_resolved=1&filter_mention=1&filter_assigned=user-1&filter_unassigned=1&filter_date_start=2026-01-01T00:00:00.000Z&filter_date_end=2026-01-31T23:59:59.000Z&order_date_created=1&order_date_updated=1&order_date_waiting=1&search_type=text&search_query=john&search_operator=and";
    let expected: BTreeMap<String, String> = node
        .split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            (k.to_owned(), v.to_owned())
        })
        .collect();
    let mut q = conversation::ConversationsQuery::text("john");
    q.per_page = Some(20);
    q.include_empty = Some(true);
    q.filter_inbox_id = Some("inbox-1".into());
    q.filter_unread = Some(true);
    q.filter_resolved = Some(true);
    q.filter_not_resolved = Some(true);
    q.filter_mention = Some(true);
    q.filter_assigned = Some("user-1".into());
    q.filter_unassigned = Some(true);
    q.filter_date_start = Some("2026-01-01T00:00:00.000Z".into());
    q.filter_date_end = Some("2026-01-31T23:59:59.000Z".into());
    q.order_date_created = Some(true);
    q.order_date_updated = Some(true);
    q.order_date_waiting = Some(true);
    q.search_operator = Some(SearchOperator::And);
    assert_eq!(query_text(&q).unwrap(), expected);
    assert_eq!(
        query_text(&conversation::ConversationsQuery::default()).unwrap(),
        BTreeMap::new()
    );
}

#[test]
fn search_filters_travel_as_one_json_parameter() {
    // website.listPeopleProfiles, variant `full`: the decoded `search_filter` parameter.
    let node =
        r#"[{"model":"people","criterion":"email","operator":"has","query":["example.com"]}]"#;
    let q = people::PeopleProfilesQuery::filtered(
        vec![SearchFilter::new("people", "email", "has", ["example.com"])],
        SearchOperator::And,
    );
    let text = query_text(&q).unwrap();
    assert_eq!(text["search_filter"], node);
    assert_eq!(text["search_operator"], "and");

    let conv = conversation::ConversationsQuery::filtered(
        vec![SearchFilter::new("session", "segments", "eq", ["vip"])],
        SearchOperator::Or,
    );
    let text = query_text(&conv).unwrap();
    assert_eq!(text["search_type"], "filter");
    assert_eq!(
        text["search_query"],
        r#"[{"model":"session","criterion":"segments","operator":"eq","query":["vip"]}]"#
    );
    // And back: the JSON text is recognised as filters, plain text stays text.
    let back: SearchQuery = serde_json::from_value(json!(text["search_query"])).unwrap();
    assert!(matches!(back, SearchQuery::Filters(ref f) if f[0].criterion == "segments"));
    let plain: SearchQuery = serde_json::from_value(json!("[not json")).unwrap();
    assert_eq!(plain, SearchQuery::Text("[not json".into()));
    let param: JsonParam<Vec<SearchFilter>> = serde_json::from_value(json!(node)).unwrap();
    assert_eq!(common::to_query_json(&param.0).unwrap(), node);
}

#[test]
fn nullable_bodies_send_null_explicitly() {
    assert_eq!(
        serde_json::to_value(conversation::InboxUpdate::new(None)).unwrap(),
        json!({"inbox_id": null})
    );
    assert_eq!(
        serde_json::to_value(conversation::RoutingAssignUpdate::unassign()).unwrap(),
        json!({"assigned": null})
    );
    assert_eq!(
        serde_json::to_value(conversation::RoutingAssignUpdate::assign("u1")).unwrap(),
        json!({"assigned": {"user_id": "u1"}})
    );
    assert_eq!(serde_json::to_value(Empty).unwrap(), json!({}));
    assert_eq!(
        serde_json::to_value(conversation::CallStart::default()).unwrap(),
        json!({"mode": "audio"})
    );
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

#[test]
fn every_response_fixture_decodes_and_re_encodes_losslessly() {
    let fixtures: Value = serde_json::from_str(RESPONSES).unwrap();
    let fixtures = fixtures["responses"].as_object().unwrap();
    let mut checked = 0;
    for r in map_rows().into_iter().filter(|r| r.response != "-") {
        let env = fixtures
            .get(&r.node_method)
            .unwrap_or_else(|| panic!("no fixture for {}", r.node_method));
        let encoded = response_round_trip(&r.response, env)
            .unwrap_or_else(|| panic!("no decoder for {}", r.response))
            .unwrap_or_else(|e| panic!("{} ({}): {e}", r.node_method, r.response));
        assert_eq!(
            encoded, env["data"],
            "{} ({}) lost data",
            r.node_method, r.response
        );
        checked += 1;
    }
    assert_eq!(checked, 84, "every non-HEAD endpoint has a sample");
}

#[test]
fn conversation_fixture_fields_are_typed() {
    let fixtures: Value = serde_json::from_str(RESPONSES).unwrap();
    let env: Envelope<Conversation> =
        serde_json::from_value(fixtures["responses"]["website.getConversation"].clone()).unwrap();
    let c = env.into_data().unwrap();
    assert_eq!(c.state, Some(ConversationState::Unresolved));
    assert_eq!(
        c.availability,
        Some(conversation::SessionAvailability::Online)
    );
    let meta = c.meta.unwrap();
    let device = meta.device.unwrap();
    assert_eq!(device.timezone, Some(-60));
    assert_eq!(
        device.geolocation.unwrap().coordinates.unwrap().latitude,
        Some(48.8566)
    );
    assert_eq!(meta.data.unwrap()["seats"], json!(5));
    assert_eq!(
        c.preview_message.unwrap().fingerprint,
        Some(176722560012345)
    );
    assert_eq!(c.unread.unwrap().operator, Some(2));
}

#[test]
fn message_list_decodes_every_content_type() {
    let fixtures: Value = serde_json::from_str(RESPONSES).unwrap();
    let env: Envelope<Vec<Message>> =
        serde_json::from_value(fixtures["responses"]["website.getMessagesInConversation"].clone())
            .unwrap();
    let messages = env.into_data().unwrap();
    let kinds: Vec<MessageType> = messages.iter().map(|m| m.content.kind()).collect();
    use MessageType::*;
    assert_eq!(
        kinds,
        vec![
            Text, Note, File, Animation, Audio, Picker, Field, Carousel, Event, Text
        ]
    );
    for m in &messages {
        assert!(
            !matches!(m.content, MessageContent::Other { .. }),
            "{:?} fell back to Other",
            m.content
        );
    }
    assert_eq!(messages[0].content.as_text(), Some("Where is my order?"));
    let MessageContent::Audio(a) = &messages[4].content else {
        panic!()
    };
    assert_eq!(a.duration, Some(12));
    let MessageContent::Picker(p) = &messages[5].content else {
        panic!()
    };
    assert_eq!(p.choices.as_ref().unwrap()[0].selected, Some(true));
    assert_eq!(messages[9].origin, Some(Origin::Email));
    assert_eq!(
        messages[9].ignored.as_ref().unwrap()["email"]
            .reason
            .as_deref(),
        Some("mailbox_full")
    );
    assert_eq!(messages[0].fingerprint, Some(176722560012345));
}

#[test]
fn people_profile_fixture_keeps_exact_numbers() {
    let fixtures: Value = serde_json::from_str(RESPONSES).unwrap();
    let env: Envelope<people::PeopleProfile> =
        serde_json::from_value(fixtures["responses"]["website.getPeopleProfile"].clone()).unwrap();
    let p = env.into_data().unwrap();
    let metrics = p.company.unwrap().metrics.unwrap();
    assert_eq!(metrics.employees.unwrap().as_i64(), Some(120));
    assert_eq!(metrics.raised.unwrap().as_f64(), Some(25000000.5));
    assert_eq!(
        p.person.unwrap().employment.unwrap().title.as_deref(),
        Some("CTO")
    );
    assert_eq!(p.score, Some(87));
}

#[test]
fn unknown_fields_and_values_are_tolerated() {
    let conv: Conversation = serde_json::from_value(json!({
        "session_id": "s", "website_id": "w",
        "state": "archived",
        "availability": "away",
        "brand_new_field": {"nested": [1, 2, 3]},
        "preview_message": {"type": "sticker", "from": "bot", "excerpt": "hi", "extra": true},
        "meta": {"nickname": "x", "unexpected": 1}
    }))
    .unwrap();
    assert_eq!(
        conv.state,
        Some(ConversationState::Other("archived".into()))
    );
    assert_eq!(
        conv.availability,
        Some(conversation::SessionAvailability::Other("away".into()))
    );
    let preview = conv.preview_message.unwrap();
    assert_eq!(preview.kind, Some(MessageType::Other("sticker".into())));
    assert_eq!(preview.from, Some(MessageFrom::Other("bot".into())));
    assert_eq!(conv.session_id.as_deref(), Some("s"));

    let raw = json!({
        "type": "sticker", "from": "user", "origin": "urn:acme:telegram:0",
        "content": {"pack": "cats", "id": 7}, "fingerprint": 1, "new_flag": true
    });
    let m: Message = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(
        m.content,
        MessageContent::Other {
            kind: "sticker".into(),
            content: json!({"pack": "cats", "id": 7})
        }
    );
    assert_eq!(m.content.kind(), MessageType::Other("sticker".into()));
    assert_eq!(m.origin, Some(Origin::Other("urn:acme:telegram:0".into())));
    let back = serde_json::to_value(&m).unwrap();
    assert_eq!(back["type"], "sticker");
    assert_eq!(back["content"], json!({"pack": "cats", "id": 7}));

    // A known type with content of the wrong shape is kept, not refused.
    let odd: Message =
        serde_json::from_value(json!({"type": "file", "content": "just a string"})).unwrap();
    assert_eq!(
        odd.content,
        MessageContent::Other {
            kind: "file".into(),
            content: json!("just a string")
        }
    );
    // No type at all, and a null parent relation.
    let bare: Message = serde_json::from_value(json!({"fingerprint": 5})).unwrap();
    assert_eq!(
        serde_json::to_value(&bare).unwrap(),
        json!({"fingerprint": 5})
    );
    let rel: conversation::ConversationRelations =
        serde_json::from_value(json!({"conversations": {"parent": null, "children": []}})).unwrap();
    assert_eq!(rel.conversations.unwrap().parent, None);
}

#[test]
fn envelope_is_lenient_and_errors_decode() {
    let missing: Envelope<Conversation> = serde_json::from_str("{}").unwrap();
    assert!(!missing.error);
    assert_eq!(missing.reason, "");
    assert!(missing.data.is_none());
    let null: Envelope<Vec<Message>> =
        serde_json::from_str(r#"{"error":false,"reason":"listed","data":null}"#).unwrap();
    assert!(null.into_data().is_none());

    let err: Envelope<ErrorData> = serde_json::from_str(
        r#"{"error":true,"reason":"invalid_data","data":{"message":"data should have required property '.origin'","namespace":"request"}}"#,
    )
    .unwrap();
    assert!(err.is_error());
    assert_eq!(err.reason, "invalid_data");
    let data = err.into_data().unwrap();
    assert_eq!(
        data.message.as_deref(),
        Some("data should have required property '.origin'")
    );
    assert_eq!(data.extra["namespace"], "request");
    assert_eq!(
        serde_json::to_value(&data).unwrap(),
        json!({"message": "data should have required property '.origin'", "namespace": "request"})
    );
    let text: ErrorData = serde_json::from_value(json!("the route does not exist")).unwrap();
    assert_eq!(text.message.as_deref(), Some("the route does not exist"));
    let odd: ErrorData = serde_json::from_value(json!({"message": 42})).unwrap();
    assert_eq!(odd.message, None);
    assert_eq!(serde_json::to_value(&odd).unwrap(), json!({"message": 42}));
    let head: Envelope<Empty> =
        serde_json::from_str(r#"{"error":true,"reason":"not_found","data":[1,"x"]}"#).unwrap();
    assert_eq!(head.reason, "not_found");

    let made = Envelope::ok("added", conversation::ConversationNew::default());
    assert_eq!(
        serde_json::to_value(&made).unwrap(),
        json!({"error": false, "reason": "added", "data": {}})
    );
}

// ---------------------------------------------------------------------------------------------
// Web hooks
// ---------------------------------------------------------------------------------------------

/// The 82 event names of the Crisp notes (§7: 81 accepted by Node, plus `widget:action:processed`).
const NOTE_EVENT_NAMES: [&str; 82] = [
    "session:update_availability",
    "session:update_verify",
    "session:request:initiated",
    "session:set_email",
    "session:set_phone",
    "session:set_address",
    "session:set_subject",
    "session:set_avatar",
    "session:set_nickname",
    "session:set_origin",
    "session:set_data",
    "session:sync:pages",
    "session:sync:events",
    "session:sync:capabilities",
    "session:sync:geolocation",
    "session:sync:system",
    "session:sync:network",
    "session:sync:timezone",
    "session:sync:locales",
    "session:sync:rating",
    "session:sync:topic",
    "session:set_state",
    "session:set_block",
    "session:set_segments",
    "session:set_opened",
    "session:set_closed",
    "session:set_participants",
    "session:set_mentions",
    "session:set_routing",
    "session:set_inbox",
    "session:removed",
    "session:error",
    "message:updated",
    "message:send",
    "message:received",
    "message:removed",
    "message:compose:send",
    "message:compose:receive",
    "message:acknowledge:read:send",
    "message:acknowledge:read:received",
    "message:acknowledge:unread:send",
    "message:acknowledge:delivered",
    "message:acknowledge:ignored",
    "message:notify:unread:send",
    "message:notify:unread:received",
    "spam:message",
    "spam:decision",
    "people:profile:created",
    "people:profile:updated",
    "people:profile:removed",
    "people:bind:session",
    "people:sync:profile",
    "people:import:progress",
    "people:import:done",
    "campaign:progress",
    "campaign:dispatched",
    "campaign:running",
    "browsing:request:initiated",
    "browsing:request:rejected",
    "call:request:initiated",
    "call:request:rejected",
    "identity:verify:request",
    "status:health:changed",
    "website:update_visitors_count",
    "website:update_operators_availability",
    "website:users:available",
    "bucket:url:upload:generated",
    "bucket:url:avatar:generated",
    "bucket:url:website:generated",
    "bucket:url:campaign:generated",
    "bucket:url:helpdesk:generated",
    "bucket:url:status:generated",
    "bucket:url:processing:generated",
    "media:animation:listed",
    "email:subscribe",
    "email:track:view",
    "plugin:channel",
    "plugin:event",
    "plugin:subscription:updated",
    "plugin:settings:saved",
    "plan:subscription:updated",
    "widget:action:processed",
];

#[test]
fn all_82_events_parse_by_name() {
    let ours: BTreeSet<&str> = EVENT_NAMES.iter().copied().collect();
    let notes: BTreeSet<&str> = NOTE_EVENT_NAMES.iter().copied().collect();
    assert_eq!(EVENT_NAMES.len(), 82);
    assert_eq!(ours.len(), 82, "names are distinct");
    assert_eq!(ours, notes);
    for name in NOTE_EVENT_NAMES {
        for data in [
            json!({}),
            Value::Null,
            json!({"website_id": "w", "extra": [1]}),
        ] {
            let body = serde_json::to_vec(&json!({
                "website_id": "w", "event": name, "data": data, "timestamp": 1700000000000_i64
            }))
            .unwrap();
            let hook = parse_webhook(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(hook.name(), name);
            assert!(
                !matches!(hook.event, Event::Unknown { .. }),
                "{name} is not typed"
            );
            assert_eq!(hook.website_id.as_deref(), Some("w"));
            // Encoding goes back to the same name.
            let again = serde_json::to_value(&hook).unwrap();
            assert_eq!(again["event"], name);
        }
    }
}

/// `null` and absent mean the same to our decoders (both `None`); drop nulls before comparing.
fn strip_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn every_event_sample_decodes_typed_and_re_encodes_losslessly() {
    let samples: Value = serde_json::from_str(EVENT_SAMPLES).unwrap();
    let hooks = samples["hooks"].as_object().unwrap();
    assert_eq!(hooks.len(), 82);
    for (name, body) in hooks {
        let hook = parse_webhook(&serde_json::to_vec(body).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(hook.name(), name);
        assert!(!matches!(hook.event, Event::Unknown { .. }), "{name}");
        assert_eq!(
            serde_json::to_value(&hook).unwrap(),
            strip_nulls(body),
            "{name}: a field was dropped or renamed"
        );
    }
}

#[test]
fn unknown_event_is_kept_raw() {
    let body = br#"{"website_id":"w","event":"future:thing","data":{"a":[1,2]},"timestamp":1}"#;
    let hook = parse_webhook(body).unwrap();
    assert_eq!(
        hook.event,
        Event::Unknown {
            name: "future:thing".into(),
            data: json!({"a": [1, 2]})
        }
    );
    assert_eq!(
        serde_json::to_value(&hook).unwrap(),
        serde_json::from_slice::<Value>(body).unwrap()
    );
}

#[test]
fn real_message_send_hook_decodes() {
    let hook = parse_webhook(REAL_HOOK).unwrap();
    assert_eq!(
        hook.website_id.as_deref(),
        Some("42286ab3-b29a-4fde-8538-da0ae501d825")
    );
    assert_eq!(hook.timestamp, Some(1506985696616));
    let Event::MessageSend(m) = &hook.event else {
        panic!("{:?}", hook.event)
    };
    assert_eq!(m.content, MessageContent::text("Hey :)"));
    assert_eq!(m.fingerprint, Some(150698569649423));
    assert_eq!(m.from, Some(MessageFrom::User));
    assert_eq!(m.origin, Some(Origin::Chat));
    assert_eq!(m.stamped, Some(true));
    assert_eq!(
        m.session_id.as_deref(),
        Some("session_36ba3566-9651-4790-afc8-ffedbccc317f")
    );
    assert_eq!(
        m.user.as_ref().unwrap().nickname.as_deref(),
        Some("visitor493603")
    );
    // Lossless: re-encoding gives the same JSON.
    assert_eq!(
        serde_json::to_value(&hook).unwrap(),
        serde_json::from_slice::<Value>(REAL_HOOK).unwrap()
    );
    let raw = parse_webhook_raw(REAL_HOOK).unwrap();
    assert_eq!(raw.event, "message:send");
}

#[test]
fn typed_event_payloads() {
    let parse = |event: &str, data: Value| {
        parse_webhook(&serde_json::to_vec(&json!({"event": event, "data": data})).unwrap())
            .unwrap()
            .event
    };
    let Event::MessageAcknowledgeIgnored(ack) = parse(
        "message:acknowledge:ignored",
        json!({"website_id": "w", "session_id": "s", "inbox_id": null, "origin": "email",
               "fingerprints": [176722560012345_i64], "details": {"type": "bounce", "reason": "mailbox_full"}}),
    ) else {
        panic!()
    };
    assert_eq!(ack.fingerprints, Some(vec![176722560012345]));
    assert_eq!(ack.inbox_id, None);
    assert_eq!(ack.details.unwrap().reason.as_deref(), Some("mailbox_full"));

    let Event::PeopleImportProgress(p) = parse(
        "people:import:progress",
        json!({"website_id": "w", "progress": 40, "count": {"skipped": 1, "remaining": 60},
               "items": {"skipped": [{"identifier": null, "reason": "invalid_email"}]}}),
    ) else {
        panic!()
    };
    assert_eq!(p.progress, Some(40));
    assert_eq!(
        p.items.unwrap().skipped.unwrap()[0].reason.as_deref(),
        Some("invalid_email")
    );

    for id in [json!(12), json!("upload-1")] {
        let Event::BucketUrlUploadGenerated(b) = parse(
            "bucket:url:upload:generated",
            json!({"from": "user", "id": id, "identifier": "i", "resource": {"type": "website", "id": "w"},
                   "policy": {"size_limit": 10485760}, "type": "image/png",
                   "url": {"resource": "https://storage.example.com/a.png", "signed": "https://storage.example.com/a.png?sig=1"}}),
        ) else {
            panic!()
        };
        assert!(b.id.is_some());
        assert_eq!(b.policy.unwrap().size_limit, Some(10485760));
    }

    let Event::StatusHealthChanged(s) = parse(
        "status:health:changed",
        json!({"website_id": "w", "health": "sick", "nodes": [{"label": "api", "replica": "eu-1"}]}),
    ) else {
        panic!()
    };
    assert_eq!(s.health, Some(webhook::HealthState::Sick));

    let Event::MessageUpdated(u) = parse(
        "message:updated",
        json!({"website_id": "w", "session_id": "s", "fingerprint": 3, "content": "edited"}),
    ) else {
        panic!()
    };
    assert_eq!(
        u.content,
        Some(webhook::UpdatedContent::Text("edited".into()))
    );

    let Event::SessionSetState(st) = parse(
        "session:set_state",
        json!({"session_id": "s", "state": "resolved"}),
    ) else {
        panic!()
    };
    assert_eq!(st.state, Some(ConversationState::Resolved));

    let Event::WidgetActionProcessed(w) = parse(
        "widget:action:processed",
        json!({"session_id": "s", "plugin_id": "p", "correlation_id": "c", "outcome": "failure", "result": {"error": "x"}}),
    ) else {
        panic!()
    };
    assert_eq!(w.outcome, Some(webhook::WidgetOutcome::Failure));
}

#[test]
fn malformed_hook_bodies_are_errors_not_panics() {
    for body in [
        &b""[..],
        b"[]",
        b"{}",
        b"{\"event\":3}",
        b"not json",
        b"{\"event\":\"session:set_segments\",\"data\":{\"segments\":\"x\"}}",
    ] {
        assert!(
            matches!(parse_webhook(body), Err(WebhookError::Payload(_))),
            "{body:?}"
        );
    }
}

const SECRET: &[u8] = b"crisp-hook-secret";
const TS: &str = "1506985696616";

#[test]
fn signature_known_answer_on_the_real_example() {
    // Computed independently (Python hmac/hashlib) over b"[" + TS + b";" + file bytes + b"]".
    let expected = "9c68b8a279f3e54cc8484333567f70c293f0dc704bfdaef772106a84a65f3216";
    assert_eq!(compute_signature(SECRET, REAL_HOOK, TS).unwrap(), expected);
    verify_signature(SECRET, REAL_HOOK, TS, expected).unwrap();
    verify_signature(SECRET, REAL_HOOK, TS, &expected.to_uppercase()).unwrap();
    verify_signature(SECRET, REAL_HOOK, TS, &format!(" {expected}\n")).unwrap();
    assert_eq!(
        compute_signature(b"key", b"{}", "1").unwrap(),
        "61400492d36a9057069dbc0519828e8f19f9a805c7c84da2620b62600597f058"
    );
}

#[test]
fn signature_rejects_changed_body_timestamp_or_secret() {
    let sig = compute_signature(SECRET, REAL_HOOK, TS).unwrap();
    let mut changed = REAL_HOOK.to_vec();
    let at = changed.iter().position(|b| *b == b'H').unwrap();
    changed[at] = b'h';
    assert!(matches!(
        verify_signature(SECRET, &changed, TS, &sig),
        Err(WebhookError::BadSignature)
    ));
    // Re-serialized JSON (same meaning, other bytes) is a different message.
    let reencoded =
        serde_json::to_vec(&serde_json::from_slice::<Value>(REAL_HOOK).unwrap()).unwrap();
    assert!(verify_signature(SECRET, &reencoded, TS, &sig).is_err());
    assert!(matches!(
        verify_signature(SECRET, REAL_HOOK, "1506985696617", &sig),
        Err(WebhookError::BadSignature)
    ));
    assert!(matches!(
        verify_signature(b"other", REAL_HOOK, TS, &sig),
        Err(WebhookError::BadSignature)
    ));
}

#[test]
fn an_empty_secret_is_refused_not_used_as_a_key() {
    // HMAC takes a zero-length key: a hook signed with it (this signature computed
    // independently, Python hmac/hashlib with key b"") must not verify against an unset secret,
    // nor may one be signed with it.
    let forged = "529b3011609595e30dc54215a4975b5b0705af2e126603514df176519b0d9943";
    assert!(verify_signature(b"", REAL_HOOK, TS, forged).is_err());
    for sig in [
        forged,
        "",
        "zz",
        &compute_signature(SECRET, REAL_HOOK, TS).unwrap(),
    ] {
        assert!(matches!(
            verify_signature(b"", REAL_HOOK, TS, sig),
            Err(WebhookError::EmptySecret)
        ));
        assert!(matches!(
            verify_signature_fresh(b"", REAL_HOOK, TS, sig, 0, Duration::MAX),
            Err(WebhookError::EmptySecret)
        ));
    }
    assert!(matches!(
        compute_signature(b"", REAL_HOOK, TS),
        Err(WebhookError::EmptySecret)
    ));
    assert!(WebhookError::EmptySecret.to_string().contains("empty"));
}

#[test]
fn signature_rejects_non_hex_and_wrong_length() {
    let sig = compute_signature(SECRET, REAL_HOOK, TS).unwrap();
    let mut non_hex = sig.clone();
    non_hex.replace_range(0..1, "g");
    for bad in [
        non_hex.as_str(),
        "",
        "abc",
        &sig[..62],
        "ü",
        &format!("{sig}00"),
        "sha256=00",
    ] {
        assert!(
            matches!(
                verify_signature(SECRET, REAL_HOOK, TS, bad),
                Err(WebhookError::MalformedSignature)
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn freshness_window_in_milliseconds_and_seconds() {
    let day = Duration::from_secs(86_400);
    let minute = Duration::from_secs(60);
    let sig = compute_signature(SECRET, REAL_HOOK, TS).unwrap();
    let ts_ms: i64 = TS.parse().unwrap();
    // Fresh: now (ms) 30 s later, and the same instant given in seconds.
    verify_signature_fresh(SECRET, REAL_HOOK, TS, &sig, ts_ms + 30_000, minute).unwrap();
    verify_signature_fresh(SECRET, REAL_HOOK, TS, &sig, ts_ms / 1000 + 30, minute).unwrap();
    // Stale: a day later.
    let stale = verify_signature_fresh(
        SECRET,
        REAL_HOOK,
        TS,
        &sig,
        ts_ms + day.as_millis() as i64,
        minute,
    );
    assert!(
        matches!(stale, Err(WebhookError::Stale { age_ms: 86_400_000 })),
        "{stale:?}"
    );
    // Too far in the future.
    assert!(matches!(
        verify_signature_fresh(SECRET, REAL_HOOK, TS, &sig, ts_ms - 120_000, minute),
        Err(WebhookError::Stale { age_ms: -120_000 })
    ));
    // A header in seconds works too.
    let ts_s = "1506985696";
    let sig_s = compute_signature(SECRET, REAL_HOOK, ts_s).unwrap();
    verify_signature_fresh(SECRET, REAL_HOOK, ts_s, &sig_s, ts_ms + 10_000, minute).unwrap();
    assert!(
        verify_signature_fresh(SECRET, REAL_HOOK, ts_s, &sig_s, ts_ms + 600_000, minute).is_err()
    );
    // A forged hook reports the signature, even when it is also stale.
    assert!(matches!(
        verify_signature_fresh(SECRET, b"{}", TS, &sig, ts_ms + 10 * 86_400_000, minute),
        Err(WebhookError::BadSignature)
    ));
    // A signed but non-numeric timestamp.
    let sig_x = compute_signature(SECRET, REAL_HOOK, "yesterday").unwrap();
    assert!(matches!(
        verify_signature_fresh(SECRET, REAL_HOOK, "yesterday", &sig_x, ts_ms, day),
        Err(WebhookError::MalformedTimestamp)
    ));
    assert_eq!(webhook::epoch_to_millis(1_506_985_696), 1_506_985_696_000);
    assert_eq!(
        webhook::epoch_to_millis(1_506_985_696_616),
        1_506_985_696_616
    );
}

// ---------------------------------------------------------------------------------------------
// Property: random JSON never panics a decoder
// ---------------------------------------------------------------------------------------------

fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("type".to_owned()),
        Just("content".to_owned()),
        Just("event".to_owned()),
        Just("data".to_owned()),
        Just("error".to_owned()),
        Just("message".to_owned()),
        Just("fingerprint".to_owned()),
        Just("timestamp".to_owned()),
        Just("session_id".to_owned()),
        Just("state".to_owned()),
        Just("search_query".to_owned()),
        Just("choices".to_owned()),
        Just("meta".to_owned()),
        any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop_oneof![
            Just("text".to_owned()),
            Just("picker".to_owned()),
            Just("file".to_owned()),
            Just("message:send".to_owned()),
            Just("[{\"model\":1}]".to_owned()),
            Just("1".to_owned()),
            any::<String>(),
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn decode_all(v: &Value) {
    fn try_as<T: DeserializeOwned + Serialize>(v: &Value) {
        if let Ok(t) = serde_json::from_value::<T>(v.clone()) {
            let _ = serde_json::to_value(&t);
        }
    }
    try_as::<Envelope<Conversation>>(v);
    try_as::<Envelope<Vec<Message>>>(v);
    try_as::<Envelope<ErrorData>>(v);
    try_as::<Envelope<Empty>>(v);
    try_as::<Message>(v);
    try_as::<MessageContent>(v);
    try_as::<MessageSend>(v);
    try_as::<people::PeopleProfile>(v);
    try_as::<conversation::ConversationsQuery>(v);
    try_as::<people::PeopleProfilesQuery>(v);
    try_as::<SearchQuery>(v);
    try_as::<JsonParam<Vec<SearchFilter>>>(v);
    try_as::<webhook::RawWebhook>(v);
    try_as::<webhook::WebhookPayload>(v);
    for name in EVENT_NAMES {
        if let Ok(e) = Event::from_parts(name, v.clone()) {
            let _ = e.data_value();
        }
    }
    let rows = map_rows();
    for r in &rows {
        if r.response != "-" {
            let _ = response_round_trip(&r.response, v);
        }
        if r.body != "-" {
            let _ = body_round_trip(&r.body, v);
        }
    }
    if let Ok(bytes) = serde_json::to_vec(v) {
        let _ = parse_webhook(&bytes);
    }
}

proptest! {
    // 256 cases in CI; more when `PROPTEST_CASES` asks for more (`cargo xtask fuzz`).
    #![proptest_config(ProptestConfig::with_cases(ProptestConfig::default().cases.max(256)))]

    #[test]
    fn random_json_never_panics_decoders(v in arb_json()) {
        decode_all(&v);
        // Also as the data of every event and inside an envelope.
        decode_all(&json!({"error": false, "reason": "x", "data": v.clone()}));
        decode_all(&json!({"event": "message:send", "data": v.clone(), "website_id": "w"}));
    }

    #[test]
    fn random_bytes_never_panic_hook_checks(
        body in prop::collection::vec(any::<u8>(), 0..256),
        ts in any::<String>(),
        sig in any::<String>(),
        now in any::<i64>(),
        secs in any::<u64>(),
    ) {
        let _ = parse_webhook(&body);
        let _ = verify_signature(SECRET, &body, &ts, &sig);
        let _ = verify_signature_fresh(SECRET, &body, &ts, &sig, now, Duration::from_secs(secs));
        let good = compute_signature(SECRET, &body, &ts).unwrap();
        prop_assert!(verify_signature(SECRET, &body, &ts, &good).is_ok());
        let _ = verify_signature_fresh(SECRET, &body, &ts, &good, now, Duration::from_secs(secs));
    }
}
