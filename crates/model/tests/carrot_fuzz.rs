//! Random JSON and random web hook bodies never panic a Carrot Quest decoder.
#![cfg(feature = "carrot")]

use chatdesk_model::carrot::*;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

/// Field names the decoders look at, so random objects reach the interesting code paths.
const KEYS: &[&str] = &[
    "meta",
    "data",
    "status",
    "error",
    "error_message",
    "error_fields",
    "next_after",
    "next_before_position",
    "next_after_position",
    "total",
    "affected_props",
    "ignored_operations",
    "id",
    "app",
    "user_id",
    "user",
    "users",
    "presence",
    "props",
    "props_custom",
    "created",
    "type",
    "name",
    "score",
    "conversation",
    "message",
    "from",
    "assignee",
    "last_admin",
    "part_last",
    "part_group",
    "random_id",
    "tags",
    "last_update",
    "row_errors",
    "updates_planned",
    "conversation_closed",
    "conversation_tags",
    "op",
    "key",
    "value",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => "[a-z_$]{0,8}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| Number::from_f64(f).map(Value::Number)),
        any::<u64>().prop_map(|n| Value::String(n.to_string())),
        "-?[0-9]{0,22}(\\.[0-9]{0,8})?".prop_map(Value::String),
        prop::sample::select(
            &[
                "admin",
                "reply_user",
                "popup_chat",
                "online",
                "ValidationError",
                "true",
                "",
            ][..]
        )
        .prop_map(|s| Value::String(s.to_owned())),
        any::<String>().prop_map(Value::String),
    ]
}

/// Any JSON value, nested a few levels, with objects that favour known field names.
fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..10)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A value shaped like an envelope around random meta and data.
fn envelope_value() -> impl Strategy<Value = Value> {
    (json_value(), json_value()).prop_map(|(meta, data)| {
        let mut m = Map::new();
        m.insert("meta".into(), meta);
        m.insert("data".into(), data);
        Value::Object(m)
    })
}

fn try_all<T: DeserializeOwned>(text: &str, value: &Value) {
    let _ = serde_json::from_str::<T>(text);
    let _ = serde_json::from_value::<T>(value.clone());
    let _ = serde_json::from_str::<Envelope<T>>(text);
    let _ = serde_json::from_value::<Envelope<T>>(value.clone());
}

fn decode_everything(value: &Value) {
    let text = value.to_string();
    try_all::<Vec<User>>(&text, value);
    try_all::<User>(&text, value);
    try_all::<Leads>(&text, value);
    try_all::<Vec<Conversation>>(&text, value);
    try_all::<Conversation>(&text, value);
    try_all::<Vec<Channel>>(&text, value);
    try_all::<Vec<ConversationPart>>(&text, value);
    try_all::<ConversationPart>(&text, value);
    try_all::<Vec<Event>>(&text, value);
    try_all::<Event>(&text, value);
    try_all::<Empty>(&text, value);
    try_all::<SystemPart>(&text, value);
    try_all::<SentMessage>(&text, value);
    try_all::<StartedConversation>(&text, value);
    try_all::<ImportResult>(&text, value);
    try_all::<AnyData>(&text, value);
    try_all::<ChatMessage>(&text, value);
    try_all::<EventWebhook>(&text, value);
    try_all::<ChatWebhook>(&text, value);
    try_all::<Meta>(&text, value);
    try_all::<Position>(&text, value);
    try_all::<PropOperation>(&text, value);
    try_all::<LeadsFilter>(&text, value);
    if let Ok(env) = serde_json::from_str::<Envelope<Empty>>(&text) {
        let _ = PropsOutcome::from_meta(&env.meta).ignored_as_operations();
        let _ = env
            .meta
            .next_before_position
            .as_ref()
            .map(Position::to_param);
        let _ = env.into_result();
    }
}

fn webhook_field() -> impl Strategy<Value = (String, String)> {
    let name = prop_oneof![
        prop::sample::select(
            &[
                "type",
                "token",
                "user",
                "user_id",
                "event_name",
                "event",
                "event_id",
                "conversation",
            ][..]
        )
        .prop_map(str::to_owned),
        "[a-z_]{0,6}",
    ];
    let value = prop_oneof![
        prop::sample::select(&["event", "conversation", "", "1", "abc"][..])
            .prop_map(str::to_owned),
        json_value().prop_map(|v| v.to_string()),
        any::<String>(),
    ];
    (name, value)
}

proptest! {
    // 512 cases in CI; more when `PROPTEST_CASES` asks for more (`cargo xtask fuzz`).
    #![proptest_config(ProptestConfig::with_cases(ProptestConfig::default().cases.max(512)))]

    #[test]
    fn random_json_never_panics_a_decoder(value in json_value()) {
        decode_everything(&value);
    }

    #[test]
    fn random_envelopes_never_panic_a_decoder(value in envelope_value()) {
        decode_everything(&value);
    }

    #[test]
    fn random_text_never_panics_a_decoder(text in any::<String>()) {
        let _ = serde_json::from_str::<Envelope<Vec<Conversation>>>(&text);
        let _ = serde_json::from_str::<Envelope<User>>(&text);
        let _ = parse_webhook(text.as_bytes());
    }

    #[test]
    fn random_web_hook_forms_never_panic(fields in prop::collection::vec(webhook_field(), 0..8)) {
        let body = serde_urlencoded::to_string(&fields).unwrap_or_default();
        if let Ok(hook) = parse_webhook(body.as_bytes()) {
            let _ = hook.verify("secret");
        }
        let _ = EventWebhook::from_form(body.as_bytes());
        let _ = ChatWebhook::from_form(body.as_bytes());
    }

    #[test]
    fn random_tokens_match_only_themselves(a in "[ -~]{0,24}", b in "[ -~]{0,24}") {
        prop_assert_eq!(verify_token(&a, &b), !a.is_empty() && a == b);
    }
}
