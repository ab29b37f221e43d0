//! Carrot Quest request parameters: the exact form/query values they encode to.
#![cfg(feature = "carrot")]

use chatdesk_model::carrot::*;
use chatdesk_model::id::FlexId;
use serde::Serialize;
use serde_json::json;

/// Encodes with serde_urlencoded and reads the pairs back (percent-decoded).
fn form<T: Serialize>(params: &T) -> Vec<(String, String)> {
    let body = serde_urlencoded::to_string(params).expect("form-encode");
    serde_urlencoded::from_str(&body).expect("form-decode")
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn get<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[test]
fn every_prop_operation_serializes_to_the_exact_wire_json() {
    let ops = vec![
        PropOperation::update_or_create("$name", "Alex"),
        PropOperation::set_once("first_seen_page", "/pricing"),
        PropOperation::add("visits", 1),
        PropOperation::add("balance", -2.5),
        PropOperation::delete("old_prop"),
        PropOperation::append("viewed", "sku-1"),
        PropOperation::union("interests", json!(["rust", "chat"])),
        PropOperation::exclude("interests", json!(["php"])),
    ];
    let expected = concat!(
        r#"[{"op":"update_or_create","key":"$name","value":"Alex"},"#,
        r#"{"op":"set_once","key":"first_seen_page","value":"/pricing"},"#,
        r#"{"op":"add","key":"visits","value":1},"#,
        r#"{"op":"add","key":"balance","value":-2.5},"#,
        r#"{"op":"delete","key":"old_prop","value":0},"#,
        r#"{"op":"append","key":"viewed","value":"sku-1"},"#,
        r#"{"op":"union","key":"interests","value":["rust","chat"]},"#,
        r#"{"op":"exclude","key":"interests","value":["php"]}]"#
    );
    assert_eq!(operations_json(&ops).expect("json"), expected);

    let mut params = SetPropsParams::new(ops);
    params.app = Some(AppRef::SelfApp);
    params.source = Some(json!({"type": "form"}));
    assert_eq!(
        form(&params),
        pairs(&[
            ("operations", expected),
            ("source", r#"{"type":"form"}"#),
            ("app", "$self_app"),
        ])
    );
}

#[test]
fn prop_op_wire_names_and_unknown_ops() {
    let names = [
        (PropOp::UpdateOrCreate, "update_or_create"),
        (PropOp::SetOnce, "set_once"),
        (PropOp::Add, "add"),
        (PropOp::Delete, "delete"),
        (PropOp::Append, "append"),
        (PropOp::Union, "union"),
        (PropOp::Exclude, "exclude"),
    ];
    for (op, wire) in names {
        assert_eq!(serde_json::to_value(&op).expect("encode"), json!(wire));
        assert_eq!(
            serde_json::from_value::<PropOp>(json!(wire)).expect("decode"),
            op
        );
    }
    let op: PropOperation =
        serde_json::from_str(r#"{"op":"multiply","key":"k","value":3}"#).expect("decode");
    assert_eq!(op.op, PropOp::Other("multiply".into()));
    assert_eq!(
        serde_json::to_string(&op).expect("encode"),
        r#"{"op":"multiply","key":"k","value":3}"#
    );
    assert_eq!(MAX_PROP_OPERATIONS, 250);
}

#[test]
fn track_event_form() {
    let mut p = TrackEventParams::new("$order_paid")
        .param("$order_id", "A-1")
        .param("$order_amount", 1500);
    p.created = Some(Timestamp::from_secs(1_700_000_000));
    p.app = Some(FlexId(7));
    let f = form(&p);
    let keys: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["event", "params", "created", "app"]);
    assert_eq!(get(&f, "event"), Some("$order_paid"));
    // Object keys may be reordered by serde_json, so compare `params` as JSON.
    let params: serde_json::Value =
        serde_json::from_str(get(&f, "params").expect("params")).expect("json");
    assert_eq!(params, json!({"$order_id": "A-1", "$order_amount": 1500}));
    assert_eq!(get(&f, "created"), Some("1700000000"));
    assert_eq!(get(&f, "app"), Some("7"));
    // Just the name when nothing else is set.
    assert_eq!(form(&TrackEventParams::new("x")), pairs(&[("event", "x")]));
}

#[test]
fn v2_pagination_position_goes_as_exact_json_text() {
    let pos: Position =
        serde_json::from_str("[1684739969.358085, 1160406004324630614]").expect("position");
    let p = UserEventsParams {
        filter_name: Some("$cart_added".into()),
        pagination: Pagination::v2(Some(pos), PageDirection::Before, 50),
        props_as_string: Some(true),
        ..UserEventsParams::default()
    };
    assert_eq!(
        form(&p),
        pairs(&[
            ("filter_name", "$cart_added"),
            ("props_as_string", "true"),
            (
                "paginate_position",
                "[1684739969.358085,1160406004324630614]"
            ),
            ("paginate_count", "50"),
            ("paginate_direction", "before"),
        ])
    );
    let p = PartsParams {
        pagination: Pagination {
            paginate_position: Some(Position::id(u64::MAX)),
            paginate_direction: Some(PageDirection::Around),
            paginate_including: Some(true),
            paginate_page_order: Some(SortOrder::Asc),
            ..Pagination::default()
        },
        ..PartsParams::default()
    };
    assert_eq!(
        form(&p),
        pairs(&[
            ("paginate_position", "[18446744073709551615]"),
            ("paginate_direction", "around"),
            ("paginate_including", "true"),
            ("paginate_page_order", "asc"),
        ])
    );
}

#[test]
fn assign_unassign_and_admin_refs() {
    assert_eq!(
        form(&AssignParams::new(
            Assignee::Admin(FlexId(9_007_199_254_740_993)),
            AdminRef::Default
        )),
        pairs(&[
            ("admin", "9007199254740993"),
            ("from_admin", "default_admin")
        ])
    );
    assert_eq!(
        form(&AssignParams::new(Assignee::Nobody, AdminRef::from(77))),
        pairs(&[("admin", ""), ("from_admin", "77")])
    );
    assert_eq!(
        form(&CloseParams::new(AdminRef::Default)),
        pairs(&[("from_admin", "default_admin")])
    );
}

#[test]
fn reply_sends_the_admin_under_from_admin() {
    let mut p = ReplyParams::admin(AdminRef::from(42), "Hello <b>there</b>");
    p.reply_type = Some(ReplyType::Note);
    p.random_id = Some(17);
    p.actions = Some(json!([{"type": "button", "text": "OK"}]));
    let f = form(&p);
    assert_eq!(get(&f, "from_admin"), Some("42"));
    assert_eq!(get(&f, "from_user"), None);
    assert_eq!(get(&f, "type"), Some("note"));
    assert_eq!(get(&f, "body"), Some("Hello <b>there</b>"));
    assert_eq!(get(&f, "random_id"), Some("17"));
    // Object keys may be reordered by serde_json, so compare as JSON.
    let actions: serde_json::Value =
        serde_json::from_str(get(&f, "actions").expect("actions")).expect("json");
    assert_eq!(actions, json!([{"type": "button", "text": "OK"}]));

    let f = form(&ReplyParams::user(UserSender::Default, "hi"));
    assert_eq!(f, pairs(&[("body", "hi"), ("from_user", "default_user")]));

    let typing = SetTypingParams {
        body: Some("typ".into()),
        from_admin: Some(AdminRef::Default),
        ..SetTypingParams::default()
    };
    assert_eq!(
        form(&typing),
        pairs(&[("body", "typ"), ("from_admin", "default_admin")])
    );
}

#[test]
fn tag_add_delete_and_deprecated_action() {
    let mut p = TagParams::new("vip, gold");
    p.from_admin = Some(AdminRef::Default);
    assert_eq!(
        form(&p),
        pairs(&[("tag", "vip, gold"), ("from_admin", "default_admin")])
    );
    p.action = Some(TagAction::Delete);
    assert_eq!(get(&form(&p), "action"), Some("delete"));
}

#[test]
fn list_filters_are_json_text() {
    let p = LeadsParams {
        filters: Some(LeadsFilter::new(
            FilterLogic::And,
            vec![LeadsCondition::new("eq", "$email", "a@b.c")],
        )),
        sort_order: Some(SortOrder::Asc),
        offset: Some(40),
        limit: Some(20),
        ..LeadsParams::default()
    };
    assert_eq!(
        form(&p),
        pairs(&[
            (
                "filters",
                r#"{"type":"and","filters":[{"type":"eq","property_name":"$email","value":"a@b.c"}]}"#
            ),
            ("sort_order", "asc"),
            ("offset", "40"),
            ("limit", "20"),
        ])
    );

    let mut p = AppConversationsParams {
        closed: Some(false),
        assigned: Some(FlexId(0)),
        tags: Some(vec!["vip".into(), "new".into()]),
        assistant_type: Some(AssistantType::LeadBot),
        pagination: Pagination::v1(Some("1447339319.900966".into()), 50),
        ..AppConversationsParams::default()
    };
    p.extra.insert("include_channel".into(), "true".into());
    assert_eq!(
        form(&p),
        pairs(&[
            ("closed", "false"),
            ("assigned", "0"),
            ("tags", r#"["vip","new"]"#),
            ("assistant_type", "lead_bot"),
            ("after", "1447339319.900966"),
            ("count", "50"),
            ("include_channel", "true"),
        ])
    );
}

#[test]
fn user_endpoint_params() {
    let p = GetUserParams {
        props: Some(true),
        presence_details: Some(true),
        ..GetUserParams::default()
    };
    assert_eq!(
        form(&p),
        pairs(&[("props", "true"), ("presence_details", "true")])
    );
    let mut p = SetPresenceParams::new(Presence::Online);
    p.current_url = Some("https://shop.example/cart?x=1&y=2".into());
    assert_eq!(
        form(&p),
        pairs(&[
            ("presence", "online"),
            ("current_url", "https://shop.example/cart?x=1&y=2")
        ])
    );
    let mut p = SendMessageParams::new("Hi");
    p.message_type = Some(MessageType::PopupBig);
    assert_eq!(form(&p), pairs(&[("body", "Hi"), ("type", "popup_big")]));
    let mut p = StartConversationParams::new("Help");
    p.random_id = Some(5);
    assert_eq!(form(&p), pairs(&[("body", "Help"), ("random_id", "5")]));
    let mut p = ImportUsersParams::new(AppRef::SelfApp);
    p.merge_field = Some(MergeField::Email);
    p.delimiter = Some(CsvDelimiter::Semicolon);
    p.tags = Some(vec!["imported".into()]);
    assert_eq!(
        form(&p),
        pairs(&[
            ("app", "$self_app"),
            ("merge_field", "$email"),
            ("delimiter", "semicolon"),
            ("tags", r#"["imported"]"#),
        ])
    );
    assert_eq!(form(&UnsubscribeEmailParams::default()), vec![]);
    assert_eq!(form(&MarkReadParams::default()), vec![]);
    assert_eq!(form(&ChannelsParams::default()), vec![]);
    assert_eq!(form(&ActiveUsersParams::default()), vec![]);
    assert_eq!(form(&ConversationParams::default()), vec![]);
    assert_eq!(form(&UserConversationsParams::default()), vec![]);
}

#[test]
fn client_flags_are_not_model_fields() {
    // `id_as_string` and `by_user_id` are the client's to send: a params value with every
    // optional part set still carries neither (the API crate adds them per request).
    let mut p = GetUserParams {
        props: Some(true),
        app: Some(FlexId(1)),
        ..GetUserParams::default()
    };
    p.convert_props_types = Some(false);
    let mut e = TrackEventParams::new("e");
    e.app = Some(FlexId(1));
    let mut s = SetPropsParams::new(vec![PropOperation::delete("x")]);
    s.app = Some(AppRef::SelfApp);
    let forms = [
        form(&p),
        form(&e),
        form(&s),
        form(&SendMessageParams::new("b")),
        form(&UserEventsParams::default()),
        form(&LeadsParams::default()),
    ];
    for f in forms {
        assert!(
            f.iter()
                .all(|(k, _)| k != "id_as_string" && k != "by_user_id"),
            "{f:?}"
        );
    }
}

#[test]
fn send_email_params() {
    let p = SendEmailParams::new("a@b.c", vec!["x@y.z".into()], "Subj", "<p>x</p>");
    assert_eq!(
        form(&p),
        pairs(&[
            ("from_email", "a@b.c"),
            ("to_emails", r#"["x@y.z"]"#),
            ("subject", "Subj"),
            ("html", "<p>x</p>"),
        ])
    );
}

#[test]
fn types_map_lists_the_24_current_endpoints() {
    let text = include_str!("../../../docs/api/carrot-types-map.tsv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("http_method\tpath_template\tname\tparams_type\tresponse_type")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 24);
    let mut routes: Vec<String> = rows
        .iter()
        .map(|r| {
            assert_eq!(r.len(), 5, "{r:?}");
            format!("{} {}", r[0], r[1])
        })
        .collect();
    routes.sort();
    let mut want = vec![
        "GET /apps/{app_id}/activeusers",
        "GET /apps/{app_id}/users",
        "GET /apps/{app_id}/conversations",
        "GET /apps/{app_id}/channels",
        "GET /conversations/{conversation_id}",
        "GET /conversations/{conversation_id}/parts",
        "POST /conversations/{conversation_id}/reply",
        "POST /conversations/{conversation_id}/settyping",
        "POST /conversations/{conversation_id}/assign",
        "POST /conversations/{conversation_id}/tag",
        "DELETE /conversations/{conversation_id}/tag",
        "POST /conversations/{conversation_id}/close",
        "POST /conversations/{conversation_id}/markread",
        "GET /users/{user}",
        "GET /users/{user}/events",
        "GET /users/{user}/conversations",
        "POST /users/{user}/events",
        "POST /users/{user}/props",
        "POST /users/{user}/setpresence",
        "POST /users/{user}/sendmessage",
        "POST /users/{user}/startconversation",
        "POST /users/import",
        "POST /users/{user}/unsubscribeemail",
        "POST /utils/email",
    ];
    want.sort();
    assert_eq!(routes, want);

    // Every type named in the map exists and behaves: params encode, responses decode.
    for r in &rows {
        assert!(encode_default_params(r[3]), "unknown params type {}", r[3]);
        assert!(
            decodes_empty_list_or_object(r[4]),
            "unknown response type {}",
            r[4]
        );
    }
}

fn encode_default_params(name: &str) -> bool {
    macro_rules! enc {
        ($($n:literal => $e:expr),* $(,)?) => {
            match name {
                $($n => serde_urlencoded::to_string($e).is_ok(),)*
                _ => false,
            }
        };
    }
    enc! {
        "ActiveUsersParams" => ActiveUsersParams::default(),
        "LeadsParams" => LeadsParams::default(),
        "AppConversationsParams" => AppConversationsParams::default(),
        "ChannelsParams" => ChannelsParams::default(),
        "ConversationParams" => ConversationParams::default(),
        "PartsParams" => PartsParams::default(),
        "ReplyParams" => ReplyParams::default(),
        "SetTypingParams" => SetTypingParams::default(),
        "AssignParams" => AssignParams::default(),
        "TagParams" => TagParams::new("t"),
        "CloseParams" => CloseParams::default(),
        "MarkReadParams" => MarkReadParams::default(),
        "GetUserParams" => GetUserParams::default(),
        "UserEventsParams" => UserEventsParams::default(),
        "UserConversationsParams" => UserConversationsParams::default(),
        "TrackEventParams" => TrackEventParams::new("e"),
        "SetPropsParams" => SetPropsParams::new(vec![]),
        "SetPresenceParams" => SetPresenceParams::new(Presence::Idle),
        "SendMessageParams" => SendMessageParams::new("b"),
        "StartConversationParams" => StartConversationParams::new("b"),
        "ImportUsersParams" => ImportUsersParams::default(),
        "UnsubscribeEmailParams" => UnsubscribeEmailParams::default(),
        "SendEmailParams" => SendEmailParams::default(),
    }
}

fn decodes_empty_list_or_object(name: &str) -> bool {
    fn ok<T: serde::de::DeserializeOwned>(data: &str) -> bool {
        let text = format!(r#"{{"meta":{{"status":200}},"data":{data}}}"#);
        serde_json::from_str::<Envelope<T>>(&text).is_ok()
    }
    match name {
        "Vec<User>" => ok::<Vec<User>>("[]"),
        "Vec<Conversation>" => ok::<Vec<Conversation>>("[]"),
        "Vec<Channel>" => ok::<Vec<Channel>>("[]"),
        "Vec<ConversationPart>" => ok::<Vec<ConversationPart>>("[]"),
        "Vec<Event>" => ok::<Vec<Event>>("[]"),
        "Leads" => ok::<Leads>(r#"{"users":[]}"#),
        "Conversation" => ok::<Conversation>(r#"{"id":1}"#),
        "ConversationPart" => ok::<ConversationPart>(r#"{"id":1}"#),
        "User" => ok::<User>(r#"{"id":1}"#),
        "Event" => ok::<Event>(r#"{"id":1}"#),
        "Empty" => ok::<Empty>("{}"),
        "SystemPart" => ok::<SystemPart>("{}"),
        "SentMessage" => ok::<SentMessage>("{}"),
        "StartedConversation" => ok::<StartedConversation>(r#"{"id":1}"#),
        "ImportResult" => ok::<ImportResult>("{}"),
        "AnyData" => ok::<AnyData>("{}"),
        _ => false,
    }
}

/// The JSON text one condition encodes to inside `filters`.
fn condition_json(c: LeadsCondition) -> String {
    serde_json::to_string(&c).expect("condition json")
}

#[test]
fn leads_conditions_have_the_documented_wire_form() {
    let cases = [
        (
            LeadsCondition::known("$name"),
            r#"{"type":"known","property_name":"$name","value":{}}"#,
        ),
        (
            LeadsCondition::unknown("$name"),
            r#"{"type":"unknown","property_name":"$name","value":{}}"#,
        ),
        (
            LeadsCondition::eq("$sessions", 5),
            r#"{"type":"eq","property_name":"$sessions","value":{"value":5}}"#,
        ),
        (
            LeadsCondition::neq("$sessions", 5u64),
            r#"{"type":"neq","property_name":"$sessions","value":{"value":5}}"#,
        ),
        (
            LeadsCondition::gt("$sessions", -1i64),
            r#"{"type":"gt","property_name":"$sessions","value":{"value":-1}}"#,
        ),
        (
            LeadsCondition::gt_or_unknown("orders", 4),
            r#"{"type":"gt_or_unknown","property_name":"orders","value":{"value":4}}"#,
        ),
        (
            LeadsCondition::lt("$sessions", 5),
            r#"{"type":"lt","property_name":"$sessions","value":{"value":5}}"#,
        ),
        (
            LeadsCondition::lt_or_unknown("orders", 5),
            r#"{"type":"lt_or_unknown","property_name":"orders","value":{"value":5}}"#,
        ),
        (
            LeadsCondition::range("$sessions", 2, 5),
            r#"{"type":"range","property_name":"$sessions","value":{"value1":2,"value2":5}}"#,
        ),
        (
            LeadsCondition::eq("price", serde_json::Number::from_f64(2.5).expect("finite")),
            r#"{"type":"eq","property_name":"price","value":{"value":2.5}}"#,
        ),
        (
            LeadsCondition::str_eq("$name", "Maks"),
            r#"{"type":"str_eq","property_name":"$name","value":{"value":"Maks"}}"#,
        ),
        (
            LeadsCondition::str_neq("$name", "Maks"),
            r#"{"type":"str_neq","property_name":"$name","value":{"value":"Maks"}}"#,
        ),
        (
            LeadsCondition::str_contains("$name", "mak"),
            r#"{"type":"str_contains","property_name":"$name","value":{"value":"mak"}}"#,
        ),
        (
            LeadsCondition::str_not_contains("$email", "@test"),
            r#"{"type":"str_notcontains","property_name":"$email","value":{"value":"@test"}}"#,
        ),
        (
            LeadsCondition::is_true("vip"),
            r#"{"type":"bool_true","property_name":"vip","value":{}}"#,
        ),
        (
            LeadsCondition::is_false("vip"),
            r#"{"type":"bool_false","property_name":"vip","value":{}}"#,
        ),
        (
            LeadsCondition::days_more("$last_seen", 7, TimeUnit::Days),
            r#"{"type":"daysmore","property_name":"$last_seen","value":{"unit":"days","value":7}}"#,
        ),
        (
            LeadsCondition::days_more_or_unknown("$last_seen", 2, TimeUnit::Weeks),
            r#"{"type":"daysmore_or_unknown","property_name":"$last_seen","value":{"unit":"weeks","value":2}}"#,
        ),
        (
            LeadsCondition::days_less("$last_seen", 30, TimeUnit::Minutes),
            r#"{"type":"daysless","property_name":"$last_seen","value":{"unit":"minutes","value":30}}"#,
        ),
        (
            LeadsCondition::days_less_or_unknown("$last_seen", 12, TimeUnit::Hours),
            r#"{"type":"daysless_or_unknown","property_name":"$last_seen","value":{"unit":"hours","value":12}}"#,
        ),
        (
            LeadsCondition::list_contains("$segments", "vip"),
            r#"{"type":"lcontains","property_name":"$segments","value":{"value":"vip"}}"#,
        ),
    ];
    // (serde_json writes object keys in order: `unit` before `value`.)
    for (condition, want) in cases {
        assert_eq!(condition_json(condition), want);
    }
    // The untyped constructor still sends kind and operand exactly as given.
    assert_eq!(
        condition_json(LeadsCondition::new("eq", "$email", "a@b.c")),
        r#"{"type":"eq","property_name":"$email","value":"a@b.c"}"#
    );
}

#[test]
fn leads_filter_all_and_any_go_as_one_json_value() {
    let p = LeadsParams {
        filters: Some(LeadsFilter::any(vec![
            LeadsCondition::known("$email"),
            LeadsCondition::gt("$sessions", 3),
        ])),
        ..LeadsParams::default()
    };
    assert_eq!(
        form(&p),
        pairs(&[(
            "filters",
            concat!(
                r#"{"type":"or","filters":["#,
                r#"{"type":"known","property_name":"$email","value":{}},"#,
                r#"{"type":"gt","property_name":"$sessions","value":{"value":3}}]}"#
            )
        )])
    );
    assert_eq!(
        LeadsFilter::all(vec![]),
        LeadsFilter::new(FilterLogic::And, vec![])
    );
    // Decoding keeps what was sent, typed kinds included.
    let back: LeadsCondition =
        serde_json::from_str(&condition_json(LeadsCondition::range("n", 1, 2))).expect("decode");
    assert_eq!(back, LeadsCondition::range("n", 1, 2));
}
