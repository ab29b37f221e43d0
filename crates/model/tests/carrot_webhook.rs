//! Carrot Quest web hooks: form bodies built here with serde_urlencoded, parsed into types.
#![cfg(feature = "carrot")]

use chatdesk_model::carrot::*;
use chatdesk_model::id::FlexId;
use serde_json::json;

const SECRET: &str = "wh-7f3a9c1e";
const BIG: u64 = 9_007_199_254_740_993; // 2^53 + 1

fn body(fields: &[(&str, &str)]) -> Vec<u8> {
    serde_urlencoded::to_string(fields)
        .expect("form-encode")
        .into_bytes()
}

fn event_fields(user_json: &str, event_json: &str) -> Vec<u8> {
    body(&[
        ("type", "event"),
        ("token", SECRET),
        ("user", user_json),
        ("user_id", &BIG.to_string()),
        ("event_name", "$order_paid"),
        ("event", event_json),
        ("event_id", "335704586"),
        ("site", "shop.example"),
    ])
}

#[test]
fn event_webhook_parses_with_nested_json_and_string_or_number_ids() {
    let user = json!({"id": BIG.to_string(), "app": 3, "user_id": "cust-1",
        "presence": "online", "props": {"$name": "Alex", "$email": "a@b.c"}, "new_field": 1});
    let event = json!({"id": BIG, "created": 1467192929,
        "type": {"id": "5857", "name": "$order_paid", "score": 0, "visible": true},
        "user": BIG.to_string(), "props": {"$order_amount": 1500}});
    let raw = event_fields(&user.to_string(), &event.to_string());

    let hook = parse_webhook(&raw).expect("parse");
    assert!(hook.verify(SECRET));
    assert_eq!(hook.token().expose(), SECRET);
    let ev = match hook {
        Webhook::Event(ev) => ev,
        other => panic!("expected an event web hook, got {other:?}"),
    };
    assert_eq!(ev.token.expose(), SECRET);
    assert_eq!(ev.user_id, Some(FlexId(BIG)));
    assert_eq!(ev.event_id, Some(FlexId(335704586)));
    assert_eq!(ev.event_name.as_deref(), Some("$order_paid"));
    let user = ev.user.as_ref().expect("user");
    assert_eq!(user.id, FlexId(BIG));
    assert_eq!(user.user_id.as_deref(), Some("cust-1"));
    assert_eq!(user.presence, Some(Presence::Online));
    assert_eq!(user.prop("$name"), Some(&json!("Alex")));
    let event = ev.event.as_ref().expect("event");
    assert_eq!(event.id, FlexId(BIG));
    assert_eq!(event.user, Some(FlexId(BIG)));
    assert_eq!(event.name(), Some("$order_paid"));
    assert_eq!(
        event.event_type.as_ref().and_then(|t| t.id),
        Some(FlexId(5857))
    );
    assert_eq!(
        ev.extra.get("site").map(String::as_str),
        Some("shop.example")
    );

    // The typed entry point gives the same result.
    let direct = EventWebhook::from_form(&raw).expect("parse");
    assert_eq!(&direct, ev.as_ref());
}

#[test]
fn event_webhook_with_only_the_required_fields() {
    let ev =
        EventWebhook::from_form(&body(&[("type", "event"), ("token", SECRET)])).expect("parse");
    assert_eq!(ev.user, None);
    assert_eq!(ev.event, None);
    assert_eq!(ev.user_id, None);
    // Empty values count as absent.
    let ev = EventWebhook::from_form(&body(&[
        ("type", "event"),
        ("token", SECRET),
        ("user", ""),
        ("event_id", ""),
    ]))
    .expect("parse");
    assert_eq!(ev.user, None);
    assert_eq!(ev.event_id, None);
}

#[test]
fn chat_webhook_parses_the_vendor_sample() {
    // The help-centre sample of the `conversation` field, as published (valid JSON).
    let field = include_str!("fixtures/carrot/webhook_chat_conversation_field.json");
    let raw = body(&[
        ("type", "conversation"),
        ("token", SECRET),
        ("conversation", field),
    ]);
    let hook = parse_webhook(&raw).expect("parse");
    assert!(hook.verify(SECRET));
    let chat = match hook {
        Webhook::Conversation(c) => c,
        other => panic!("expected a chat web hook, got {other:?}"),
    };
    let msg = &chat.conversation;
    assert_eq!(msg.conversation_closed, Some(false));
    assert_eq!(msg.conversation_tags, Some(vec![]));
    assert_eq!(msg.part.id, FlexId(78183798));
    assert_eq!(msg.part.body.as_deref(), Some("ewfwfwef"));
    assert_eq!(msg.part.part_type, Some(PartType::ReplyUser));
    assert_eq!(msg.part.direction.as_deref(), Some("u2a"));
    assert_eq!(msg.part.sent_via.as_deref(), Some("web_user"));
    assert_eq!(msg.part.created, Some(Timestamp::from_secs(1492604036)));
    assert_eq!(msg.part.random_id, Some(FlexId(132466821)));
    assert_eq!(msg.part.conversation, Some(FlexId(64558819)));
    assert_eq!(msg.part.from, Some(PartFrom::Id(FlexId(85648207))));
    let a = msg.part.assignee.as_ref().expect("assignee");
    assert_eq!(a.id, FlexId(111));
    assert_eq!(a.name.as_deref(), Some("inkov"));

    assert_eq!(ChatWebhook::from_form(&raw).expect("parse"), *chat);
}

#[test]
fn chat_webhook_with_string_ids_and_extra_state() {
    let field = json!({
        "id": BIG.to_string(), "conversation": BIG.to_string(), "from": BIG.to_string(),
        "random_id": "132466821", "created": "1492604036", "type": "reply_user",
        "body": "привет & bye=1", "conversation_closed": "true",
        "conversation_tags": ["vip"], "conversation_assistant_type": "lead_bot",
        "user": {"id": BIG.to_string(), "props": {"$name": "A"}},
        "unknown_thing": {"deep": [1, 2]}
    });
    let raw = body(&[
        ("token", SECRET),
        ("type", "conversation"),
        ("conversation", &field.to_string()),
    ]);
    let chat = ChatWebhook::from_form(&raw).expect("parse");
    let msg = &chat.conversation;
    assert_eq!(msg.part.id, FlexId(BIG));
    assert_eq!(msg.part.conversation, Some(FlexId(BIG)));
    assert_eq!(msg.part.from, Some(PartFrom::Id(FlexId(BIG))));
    assert_eq!(msg.part.random_id, Some(FlexId(132466821)));
    assert_eq!(msg.part.body.as_deref(), Some("привет & bye=1"));
    assert_eq!(msg.conversation_closed, Some(true));
    assert_eq!(msg.conversation_tags, Some(vec!["vip".to_owned()]));
    assert_eq!(msg.conversation_assistant_type.as_deref(), Some("lead_bot"));
    assert_eq!(msg.user.as_ref().map(|u| u.id), Some(FlexId(BIG)));

    // Re-encoding and decoding the message keeps it.
    let text = serde_json::to_string(msg).expect("encode");
    let back: ChatMessage = serde_json::from_str(&text).expect("decode");
    assert_eq!(&back, msg);
}

#[test]
fn malformed_web_hooks_are_errors_not_panics() {
    // No token.
    assert_eq!(
        parse_webhook(&body(&[("type", "event")])),
        Err(WebhookError::MissingField("token"))
    );
    // No type.
    assert_eq!(
        parse_webhook(&body(&[("token", SECRET)])),
        Err(WebhookError::MissingField("type"))
    );
    // Chat web hook without its message.
    assert_eq!(
        parse_webhook(&body(&[("type", "conversation"), ("token", SECRET)])),
        Err(WebhookError::MissingField("conversation"))
    );
    // Broken nested JSON.
    let err = parse_webhook(&body(&[
        ("type", "event"),
        ("token", SECRET),
        ("user", "{not json"),
    ]))
    .expect_err("bad user JSON");
    assert!(
        matches!(err, WebhookError::InvalidField { field: "user", .. }),
        "{err}"
    );
    // Non-numeric id.
    let err = parse_webhook(&body(&[
        ("type", "event"),
        ("token", SECRET),
        ("event_id", "abc"),
    ]))
    .expect_err("bad id");
    assert!(
        matches!(
            err,
            WebhookError::InvalidField {
                field: "event_id",
                ..
            }
        ),
        "{err}"
    );
    // The typed entry points check the kind.
    assert!(matches!(
        EventWebhook::from_form(&body(&[("type", "conversation"), ("token", SECRET)])),
        Err(WebhookError::InvalidField { field: "type", .. })
    ));
    // Not a form at all.
    assert!(parse_webhook(&[0xff, 0xfe, b'=', 0x80]).is_err());
}

#[test]
fn unknown_web_hook_types_are_kept_raw() {
    let raw = body(&[("type", "lead_merged"), ("token", SECRET), ("a", "1")]);
    match parse_webhook(&raw).expect("parse") {
        Webhook::Other {
            kind,
            token,
            fields,
        } => {
            assert_eq!(kind, "lead_merged");
            assert_eq!(token.expose(), SECRET);
            // The token is not among the raw fields, where printing them would show it.
            let expected = [("type", "lead_merged"), ("a", "1")];
            assert_eq!(fields, expected.map(|(k, v)| (k.to_owned(), v.to_owned())));
        }
        other => panic!("expected Other, got {other:?}"),
    }
}

#[test]
fn the_token_never_shows_in_debug_display_or_json_of_a_parsed_hook() {
    let chat_field = include_str!("fixtures/carrot/webhook_chat_conversation_field.json");
    let bodies = [
        body(&[("type", "event"), ("token", SECRET), ("event_name", "x")]),
        body(&[
            ("type", "conversation"),
            ("token", SECRET),
            ("conversation", chat_field),
        ]),
        // Another type, with the token repeated.
        body(&[
            ("type", "lead_merged"),
            ("token", SECRET),
            ("token", SECRET),
        ]),
    ];
    for raw in &bodies {
        let hook = parse_webhook(raw).expect("parse");
        let shown = [
            format!("{hook:?}"),
            format!("{hook:#?}"),
            format!("{}", hook.token()),
            format!("{:?}", hook.token()),
        ];
        for text in shown {
            assert!(!text.contains(SECRET), "{text}");
        }
        // The verifier still sees the token.
        assert!(hook.verify(SECRET));
        assert!(!hook.verify("wh-7f3a9c1f"));
        assert!(!hook.verify(""));
        let json = match &hook {
            Webhook::Event(ev) => serde_json::to_string(ev).expect("encode"),
            Webhook::Conversation(chat) => serde_json::to_string(chat).expect("encode"),
            _ => continue,
        };
        assert!(!json.contains(SECRET), "{json}");
    }
}

#[test]
fn a_serialised_hook_decodes_back_without_its_token() {
    let mut ev = EventWebhook::new(SECRET);
    ev.event_name = Some("$order_paid".into());
    let json = serde_json::to_value(&ev).expect("encode");
    assert_eq!(json, json!({"event_name": "$order_paid"}));
    let back: EventWebhook = serde_json::from_value(json).expect("decode");
    assert!(back.token.is_empty());
    assert!(!back.token.verify(""));
    assert_eq!(back.event_name, ev.event_name);
    // The form body, which Carrot sends and a simulator needs, still carries it.
    let form = ev.to_form().expect("form");
    assert!(form.contains("token=wh-7f3a9c1e"), "{form}");
    assert!(
        EventWebhook::from_form(form.as_bytes())
            .expect("parse")
            .token
            .verify(SECRET)
    );
}

#[test]
fn token_check_accepts_only_the_exact_secret() {
    assert!(verify_token(SECRET, SECRET));
    assert!(!verify_token(SECRET, "wh-7f3a9c1f"));
    assert!(!verify_token(SECRET, "wh-7f3a9c1"));
    assert!(!verify_token(SECRET, "wh-7f3a9c1e "));
    assert!(!verify_token(SECRET, ""));
    assert!(!verify_token(SECRET, &SECRET.to_uppercase()));
    // An unset secret accepts nothing, not even an empty token.
    assert!(!verify_token("", ""));
    assert!(!verify_token("", SECRET));

    let hook = parse_webhook(&body(&[("type", "event"), ("token", "forged")])).expect("parse");
    assert!(!hook.verify(SECRET));
}

#[test]
fn a_non_numeric_user_id_is_kept_in_extra_instead_of_failing() {
    let ev = EventWebhook::from_form(&body(&[
        ("type", "event"),
        ("token", SECRET),
        ("user_id", "cust-42"),
        ("event_id", "5"),
    ]))
    .expect("parse");
    assert_eq!(ev.user_id, None);
    assert_eq!(ev.extra.get("user_id").map(String::as_str), Some("cust-42"));
    assert_eq!(ev.event_id, Some(FlexId(5)));
}

#[test]
fn web_hooks_built_in_code_survive_to_form_and_back() {
    let mut ev = EventWebhook::new(SECRET);
    ev.user_id = Some(FlexId(BIG));
    ev.event_name = Some("$cart_added".into());
    ev.event_id = Some(FlexId(u64::MAX));
    ev.user = Some(User::new(BIG));
    ev.event = Some(Event::new(u64::MAX));
    ev.extra.insert("site".into(), "a&b=c".into());
    let form = ev.to_form().expect("encode");
    assert_eq!(EventWebhook::from_form(form.as_bytes()).expect("parse"), ev);

    let mut part = ConversationPart::new(BIG);
    part.body = Some("hi & bye".into());
    part.from = Some(PartFrom::Id(FlexId(7)));
    let mut msg = ChatMessage::new(part);
    msg.conversation_closed = Some(true);
    let chat = ChatWebhook::new(SECRET, msg);
    let form = chat.to_form().expect("encode");
    match parse_webhook(form.as_bytes()).expect("parse") {
        Webhook::Conversation(back) => assert_eq!(*back, chat),
        other => panic!("expected a chat web hook, got {other:?}"),
    }
}
