//! Carrot Quest decoding edge cases: unknown fields and enum values, error names, 64-bit ids,
//! exact cursors, tolerant `meta`.
#![cfg(feature = "carrot")]

use chatdesk_model::carrot::*;
use chatdesk_model::id::FlexId;
use serde_json::json;

const BEYOND_F64: u64 = (1u64 << 53) + 1; // 9007199254740993, not representable in f64
const MAX: u64 = u64::MAX;

fn env<T: serde::de::DeserializeOwned>(text: &str) -> Envelope<T> {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("decode failed: {e}\n{text}"))
}

#[test]
fn unknown_fields_are_ignored_and_unknown_enum_values_kept() {
    let text = r#"{
        "meta": {"status": 200, "brand_new_meta": {"x": 1}},
        "data": {
            "id": 5, "created": 1, "future_field": [1, 2, 3],
            "type": "popup_hologram",
            "user": {"id": 6, "presence": "away", "mood": "happy"},
            "part_last": {"id": 7, "type": "system_merge", "sent_via": "carrier_pigeon",
                          "from": {"id": 8, "type": "robot", "name": "R2", "extra": true}},
            "assignee": {"id": 9, "type": "admin", "team": "x"},
            "tags": ["vip"]
        },
        "also_unknown": null
    }"#;
    let c = env::<Conversation>(text).into_result().expect("data");
    assert_eq!(
        c.conversation_type,
        Some(MessageType::Other("popup_hologram".into()))
    );
    let user = c.user.as_ref().expect("user");
    assert_eq!(user.presence, Some(Presence::Other("away".into())));
    let part = c.part_last.as_ref().expect("part");
    assert_eq!(part.part_type, Some(PartType::Other("system_merge".into())));
    match part.from.as_ref().expect("from") {
        PartFrom::Admin(a) => assert_eq!(a.kind, Some(ActorKind::Other("robot".into()))),
        other => panic!("expected an object sender, got {other:?}"),
    }
    assert_eq!(c.tags, Some(vec!["vip".to_owned()]));

    // Unknown enum values survive re-encoding unchanged.
    let out = serde_json::to_value(&c).expect("encode");
    assert_eq!(out["type"], "popup_hologram");
    assert_eq!(out["user"]["presence"], "away");
    assert_eq!(out["part_last"]["type"], "system_merge");
    assert_eq!(out["part_last"]["from"]["type"], "robot");
    assert!(out.get("future_field").is_none());
}

#[test]
fn every_documented_error_name_and_an_unknown_one() {
    let cases = [
        ("ValidationError", ErrorName::ValidationError),
        ("BadRequest", ErrorName::BadRequest),
        ("LookupError", ErrorName::LookupError),
        ("NotAuthenticated", ErrorName::NotAuthenticated),
        ("PermissionDeniedError", ErrorName::PermissionDeniedError),
        ("Error404", ErrorName::Error404),
        ("ReplyTooBig", ErrorName::ReplyTooBig),
        (
            "ConversationTagAlreadyAssigned",
            ErrorName::ConversationTagAlreadyAssigned,
        ),
        (
            "ConversationTagIsNotAssigned",
            ErrorName::ConversationTagIsNotAssigned,
        ),
        ("MethodNotAllowed", ErrorName::MethodNotAllowed),
        ("AuthenticationFailed", ErrorName::AuthenticationFailed),
        ("PermissionDenied", ErrorName::PermissionDenied),
        ("QuotaExceeded", ErrorName::Other("QuotaExceeded".into())),
    ];
    for (wire, want) in cases {
        let text = format!(r#"{{"meta":{{"status":400,"error":"{wire}","error_message":"m"}}}}"#);
        let e = env::<SystemPart>(&text);
        assert!(e.is_error());
        assert_eq!(e.meta.error.as_ref(), Some(&want));
        assert_eq!(want.as_str(), wire);
        assert_eq!(
            serde_json::to_value(&e.meta).expect("encode")["error"],
            wire
        );
    }
}

#[test]
fn validation_error_fields_are_kept_free_form() {
    let text = r#"{"meta":{"status":400,"error":"ValidationError",
        "error_message":"bad","error_fields":{"tag":["too long"],"from_admin":"required"}},
        "data":{}}"#;
    let e = env::<SystemPart>(text);
    assert_eq!(e.meta.error, Some(ErrorName::ValidationError));
    assert_eq!(
        e.meta.error_fields,
        Some(json!({"tag":["too long"],"from_admin":"required"}))
    );
}

#[test]
fn an_error_status_without_a_name_is_still_an_error() {
    let e = env::<Conversation>(r#"{"meta":{"status":500},"data":{}}"#);
    assert!(e.is_error());
    assert!(e.data.is_none());
}

#[test]
fn wrong_data_on_success_is_a_decode_error_not_silently_dropped() {
    let res =
        serde_json::from_str::<Envelope<Conversation>>(r#"{"meta":{"status":200},"data":{}}"#);
    assert!(res.is_err());
    let res = serde_json::from_str::<Envelope<Conversation>>(
        r#"{"meta":{"status":200},"data":{"id":-4}}"#,
    );
    assert!(res.is_err());
}

#[test]
fn meta_is_tolerant_of_missing_and_null_fields() {
    let e = env::<Empty>(r#"{"data":{}}"#);
    assert_eq!(e.meta, Meta::default());
    assert!(!e.is_error());
    let e = env::<Empty>(r#"{"meta":null,"data":null}"#);
    assert_eq!(e.meta, Meta::default());
    assert_eq!(e.data, None);
    let e = env::<Vec<Event>>(
        r#"{"meta":{"status":200,"next_after":null,"next_before_position":null,
            "next_after_position":null,"error":null,"total":null},"data":[]}"#,
    );
    assert_eq!(e.meta, Meta::ok());
    assert_eq!(e.data, Some(vec![]));
}

#[test]
fn ids_beyond_2_pow_53_survive_as_number_and_as_string() {
    for id in [BEYOND_F64, MAX, 1160406004324630614] {
        for text in [
            format!(
                r#"{{"meta":{{"status":200}},"data":{{"id":{id},"user":{{"id":{id},"app":{id}}},
                "part_last":{{"id":{id},"conversation":{id},"from":{id}}},
                "assignee":{{"id":{id}}}}}}}"#
            ),
            format!(
                r#"{{"meta":{{"status":200}},"data":{{"id":"{id}","user":{{"id":"{id}","app":"{id}"}},
                "part_last":{{"id":"{id}","conversation":"{id}","from":"{id}"}},
                "assignee":{{"id":"{id}"}}}}}}"#
            ),
        ] {
            let c = env::<Conversation>(&text).into_result().expect("data");
            let want = FlexId(id);
            assert_eq!(c.id, want);
            assert_eq!(c.user.as_ref().map(|u| u.id), Some(want));
            assert_eq!(c.user.as_ref().and_then(|u| u.app), Some(want));
            let part = c.part_last.as_ref().expect("part");
            assert_eq!(part.id, want);
            assert_eq!(part.conversation, Some(want));
            assert_eq!(part.from, Some(PartFrom::Id(want)));
            assert_eq!(c.assignee.as_ref().map(|a| a.id), Some(want));

            // Encode, decode again: nothing moved.
            let encoded = serde_json::to_string(&c).expect("encode");
            assert!(encoded.contains(&format!("\"{id}\"")), "{encoded}");
            let back: Conversation = serde_json::from_str(&encoded).expect("re-decode");
            assert_eq!(back, c);
        }
    }
}

#[test]
fn big_ids_in_other_response_types() {
    let id = BEYOND_F64;
    let sent = env::<SentMessage>(&format!(
        r#"{{"data":{{"conversation":{id},"message":"{id}"}}}}"#
    ))
    .into_result()
    .expect("data");
    assert_eq!(sent.conversation, Some(FlexId(id)));
    assert_eq!(sent.message, Some(FlexId(id)));

    let leads = env::<Leads>(&format!(
        r#"{{"data":{{"users":[{{"id":{id},"user_id":12345}}],"total":7}}}}"#
    ))
    .into_result()
    .expect("data");
    assert_eq!(leads.users[0].id, FlexId(id));
    // A numeric User ID is read as text.
    assert_eq!(leads.users[0].user_id.as_deref(), Some("12345"));
    assert_eq!(leads.total, Some(7));

    let ev = env::<Event>(&format!(
        r#"{{"data":{{"id":"{id}","user":{id},"type":{{"id":{id}}}}}}}"#
    ))
    .into_result()
    .expect("data");
    assert_eq!(ev.id, FlexId(id));
    assert_eq!(ev.event_type.and_then(|t| t.id), Some(FlexId(id)));
}

#[test]
fn next_after_is_kept_exactly_whether_int_or_float() {
    let cases = [
        ("7936756", "7936756"),
        ("1447339319.900966", "1447339319.900966"),
        // More digits than an f64 holds, and a trailing zero: kept as sent.
        ("1447339319.9009661234567", "1447339319.9009661234567"),
        ("1447339319.0", "1447339319.0"),
        ("18446744073709551615", "18446744073709551615"),
        ("1.5e9", "1.5e9"),
        (r#""1447339319.900966""#, "1447339319.900966"),
    ];
    for (wire, want) in cases {
        let text = format!(r#"{{"meta":{{"status":200,"next_after":{wire}}},"data":[]}}"#);
        let e = env::<Vec<Conversation>>(&text);
        assert_eq!(e.meta.next_after.as_deref(), Some(want), "wire {wire}");
        // Also from bytes.
        let e2: Envelope<Vec<Conversation>> =
            serde_json::from_slice(text.as_bytes()).expect("decode from bytes");
        assert_eq!(e2.meta.next_after.as_deref(), Some(want));
        // Round trip keeps the string.
        let again = serde_json::to_string(&e).expect("encode");
        let back: Envelope<Vec<Conversation>> = serde_json::from_str(&again).expect("re-decode");
        assert_eq!(back.meta.next_after.as_deref(), Some(want));
        // Passed back as the v1 `after` parameter unchanged.
        let q =
            serde_urlencoded::to_string(Pagination::v1(back.meta.next_after, 20)).expect("query");
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&q).expect("parse");
        assert_eq!(pairs[0], ("after".to_owned(), want.to_owned()));
    }
    for bad in ["{}", "[1]", "true"] {
        let text = format!(r#"{{"meta":{{"next_after":{bad}}},"data":[]}}"#);
        assert!(serde_json::from_str::<Envelope<Vec<Event>>>(&text).is_err());
    }
}

#[test]
fn envelope_also_decodes_from_a_json_value() {
    let value = json!({"meta": {"status": 200, "next_after": 7936756,
        "next_before_position": [1684739969.5, 1160406004324630614u64]}, "data": {"id": 1}});
    let e: Envelope<StartedConversation> = serde_json::from_value(value).expect("decode");
    assert_eq!(e.meta.next_after.as_deref(), Some("7936756"));
    assert_eq!(
        e.meta.next_before_position.map(|p| p.to_param()).as_deref(),
        Some("[1684739969.5,1160406004324630614]")
    );
    assert_eq!(e.data.map(|d| d.id), Some(FlexId(1)));
}

#[test]
fn v2_positions_with_string_ids_stay_strings() {
    let text = r#"{"meta":{"next_after_position":["1684739969.358085","1160406004324630614"],
        "next_before_position":[12]},"data":[]}"#;
    let e = env::<Vec<Conversation>>(text);
    let after = e.meta.next_after_position.clone().expect("after");
    assert_eq!(
        after.0,
        vec![
            PositionValue::Text("1684739969.358085".into()),
            PositionValue::Text("1160406004324630614".into()),
        ]
    );
    assert_eq!(
        after.to_param(),
        r#"["1684739969.358085","1160406004324630614"]"#
    );
    let out = serde_json::to_value(&e.meta).expect("encode");
    assert_eq!(out["next_after_position"][1], "1160406004324630614");
    assert_eq!(out["next_before_position"][0], 12);
    // A null inside a position is rejected rather than passed back.
    assert!(
        serde_json::from_str::<Envelope<Vec<Event>>>(r#"{"meta":{"next_before_position":[null]}}"#)
            .is_err()
    );
}

#[test]
fn timestamp_secs_is_none_outside_the_i64_range() {
    let float = |v: f64| Timestamp(serde_json::Number::from_f64(v).expect("finite"));
    // 2^63 (the f64 nearest i64::MAX, one above it) and beyond do not fit.
    let two_63 = 9_223_372_036_854_775_808.0_f64;
    assert_eq!(two_63, i64::MAX as f64);
    for outside in [1e300, -1e300, two_63, 9.23e18, -9.23e18, -two_63 - 2048.0] {
        assert_eq!(float(outside).secs(), None, "{outside:e}");
    }
    // The largest f64 below 2^63, and -2^63 itself, do.
    let below = f64::from_bits(two_63.to_bits() - 1);
    assert_eq!(float(below).secs(), Some(9_223_372_036_854_774_784));
    assert_eq!(float(-two_63).secs(), Some(i64::MIN));
    assert_eq!(float(9.22e18).secs(), Some(9_220_000_000_000_000_000));
    assert_eq!(float(-9.22e18).secs(), Some(-9_220_000_000_000_000_000));
    assert_eq!(float(-0.5).secs(), Some(-1));
    // Integers: i64's range exactly; a larger u64 does not fit.
    assert_eq!(Timestamp::from_secs(i64::MAX).secs(), Some(i64::MAX));
    assert_eq!(Timestamp::from_secs(i64::MIN).secs(), Some(i64::MIN));
    assert_eq!(Timestamp(serde_json::Number::from(MAX)).secs(), None);
    assert_eq!(Timestamp(serde_json::Number::from(1u64 << 63)).secs(), None);
    // The same through decoding.
    let c: Conversation = serde_json::from_str(r#"{"id":1,"last_update":1e300}"#).expect("decode");
    assert_eq!(c.last_update.and_then(|t| t.secs()), None);
}

#[test]
fn timestamps_keep_integer_or_float_form() {
    let p: ConversationPart =
        serde_json::from_str(r#"{"id":1,"created":1450420434}"#).expect("int");
    assert_eq!(
        serde_json::to_value(&p).expect("encode")["created"],
        json!(1450420434)
    );
    let c: Conversation =
        serde_json::from_str(r#"{"id":1,"last_update":1447339319.900966}"#).expect("float");
    let ts = c.last_update.clone().expect("ts");
    assert_eq!(ts.secs(), Some(1447339319));
    assert!((ts.as_f64().expect("f64") - 1447339319.900966).abs() < 1e-6);
    assert_eq!(
        serde_json::to_string(&c).expect("encode"),
        r#"{"id":"1","last_update":1447339319.900966}"#
    );
    // A numeric string (as some web hooks send) is read too.
    let p: ConversationPart =
        serde_json::from_str(r#"{"id":"1","created":"1492604036"}"#).expect("string timestamp");
    assert_eq!(p.created, Some(Timestamp::from_secs(1492604036)));
}

#[test]
fn channels_and_leads_decode_with_unknown_types() {
    let e = env::<Vec<Channel>>(
        r#"{"meta":{"status":200},"data":[
            {"id":1,"name":"Main","type":"telegram","operators":[1,2],"priority":0},
            {"id":"2","type":"carrier_pigeon"}]}"#,
    );
    let ch = e.into_result().expect("data");
    assert_eq!(ch[0].channel_type, Some(ChannelType::Telegram));
    assert_eq!(
        ch[1].channel_type,
        Some(ChannelType::Other("carrier_pigeon".into()))
    );
    let leads = env::<Leads>(r#"{"data":{"users":[]}}"#)
        .into_result()
        .expect("data");
    assert_eq!(leads.total, None);
}

#[test]
fn props_outcome_reads_ignored_operations() {
    let e = env::<Empty>(
        r#"{"meta":{"status":200,"affected_props":["$name"],
        "ignored_operations":[{"op":"set_once","key":"$email","value":"a@b.c"},"odd"]},"data":{}}"#,
    );
    let out = PropsOutcome::from_meta(&e.meta);
    assert_eq!(out.affected_props, vec!["$name".to_owned()]);
    assert_eq!(out.ignored_operations.len(), 2);
    assert_eq!(
        out.ignored_as_operations(),
        vec![PropOperation::set_once("$email", "a@b.c")]
    );
}

#[test]
fn empty_style_data_accepts_a_php_style_empty_array_or_anything() {
    for data in ["{}", "[]", r#"{"ok":true}"#, "true", "[1]"] {
        let text = format!(r#"{{"meta":{{"status":200}},"data":{data}}}"#);
        assert_eq!(env::<Empty>(&text).data, Some(Empty::new()), "data {data}");
    }
    assert_eq!(serde_json::to_string(&Empty::new()).expect("encode"), "{}");
    let part = env::<SystemPart>(r#"{"meta":{"status":200},"data":[]}"#);
    assert_eq!(part.data, Some(SystemPart::default()));
}

#[test]
fn informational_meta_numbers_are_read_leniently() {
    let e = env::<Empty>(r#"{"meta":{"status":"200","total":"12"},"data":{}}"#);
    assert_eq!(e.meta.status, Some(200));
    assert_eq!(e.meta.total, Some(12));
    let e = env::<Empty>(r#"{"meta":{"status":"OK","total":-1},"data":{}}"#);
    assert_eq!(e.meta.status, None);
    assert_eq!(e.meta.total, None);
    let e = env::<Empty>(r#"{"meta":{"status":70000},"data":{}}"#);
    assert_eq!(e.meta.status, None);
}
