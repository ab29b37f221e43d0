//! The exact outgoing request of every endpoint, snapshotted; plus the encoding rules that must
//! hold for any input (ids beyond 2^53, hostile User IDs, user kinds).

mod support;

use chatdesk_carrot_api::model::{
    AdminRef, AppRef, Assignee, CsvDelimiter, FilterLogic, ImportUsersParams, LeadsCondition,
    LeadsFilter, MergeField, PageDirection, Position, Presence, PropOperation, SendEmailParams,
    SortOrder, Timestamp,
};
use chatdesk_carrot_api::{ENDPOINTS, Error, UserRef};
use chatdesk_transport::{Body, Replay, RequestMeta};
use http::Request;
use std::collections::BTreeSet;
use support::{offline_client, render};

const BIG: u64 = 9_007_199_254_740_993; // 2^53 + 1: not representable as f64

/// One representative request per endpoint, with most parameters set.
fn every_endpoint() -> Vec<Request<Body>> {
    let c = offline_client();
    let ext = UserRef::external("customer-42");
    let props = c
        .user(ext.clone())
        .props()
        .update_or_create("$name", "Ada")
        .set_once("plan", "trial")
        .add("orders", 2)
        .delete("legacy")
        .append("visited", "/pricing")
        .union("interests", serde_json::json!(["math", "engines"]))
        .exclude("interests", serde_json::json!(["poetry"]))
        .source(serde_json::json!({"$email": "form"}));
    let reqs: Vec<Result<Request<Body>, Error>> = vec![
        c.this_app().active_users().to_request(),
        c.app(12345_u64)
            .leads()
            .filter(LeadsFilter::new(
                FilterLogic::And,
                vec![LeadsCondition::new("eq", "$email", "ada@example.com")],
            ))
            .sort("$last_seen", SortOrder::Desc)
            .offset(40)
            .per_page(20)
            .to_request(),
        c.this_app()
            .conversations()
            .closed(false)
            .assigned(BIG)
            .tags(["vip", "billing"])
            .per_page(50)
            .cursor(chatdesk_carrot_api::Cursor::Position(Position(vec![
                chatdesk_carrot_api::model::PositionValue::Number("1684739969.358085".into()),
                chatdesk_carrot_api::model::PositionValue::Number("1160406004324630614".into()),
            ])))
            .to_request(),
        c.this_app().channels().to_request(),
        c.conversation(BIG).get().to_request(),
        c.conversation(BIG)
            .parts()
            .direction(PageDirection::After)
            .cursor(chatdesk_carrot_api::Cursor::After(
                "1447339319.900966".into(),
            ))
            .to_request(),
        c.conversation(7100586_u64)
            .reply("Thanks, <b>we are on it</b> & more")
            .from_admin(24601_u64)
            .random_id(77)
            .external_id("crm-1")
            .to_request(),
        c.conversation(7100586_u64)
            .set_typing()
            .text("Typing…")
            .to_request(),
        c.conversation(7100586_u64)
            .assign(Assignee::Admin(24601_u64.into()))
            .random_id(5)
            .to_request(),
        c.conversation(7100586_u64).add_tag("vip").to_request(),
        c.conversation(7100586_u64)
            .delete_tag("vip")
            .from_admin(24601_u64)
            .to_request(),
        c.conversation(7100586_u64).close().to_request(),
        c.conversation(7100586_u64).mark_read().to_request(),
        c.user(ext.clone())
            .get()
            .presence_details(true)
            .to_request(),
        c.user(BIG)
            .events()
            .filter_name("$order_completed")
            .per_page(10)
            .to_request(),
        c.user(ext.clone())
            .conversations()
            .with_user_replies_only(true)
            .to_request(),
        c.track_event(ext.clone(), "$order_completed")
            .param("$order_amount", 120)
            .param("items", serde_json::json!(["book", "pen"]))
            .created(Timestamp::from_secs(1_700_000_000))
            .to_request(),
        props.to_requests().map(|mut v| v.remove(0)),
        c.user(BIG)
            .set_presence(Presence::Online)
            .page("Pricing", "https://example.com/pricing")
            .session("s-1")
            .to_request(),
        c.user(ext.clone())
            .send_message("Hello from the team")
            .to_request(),
        c.user(ext.clone())
            .start_conversation("I need help")
            .random_id(9)
            .referrer("https://example.com/help")
            .to_request(),
        c.import_users(
            ImportUsersParams::new(AppRef::SelfApp),
            &b"$user_id,$email\nu1,a@example.com\n"[..],
        )
        .merge_field(MergeField::Email)
        .delimiter(CsvDelimiter::Comma)
        .tags(["imported"])
        .to_request(),
        c.user(ext).unsubscribe_email().to_request(),
        c.send_email(SendEmailParams::new(
            "team@example.com",
            vec!["ada@example.com".into(), "bob@example.com".into()],
            "Your receipt",
            "<p>Thanks!</p>",
        ))
        .to_request(),
    ];
    reqs.into_iter().map(|r| r.unwrap()).collect()
}

#[test]
fn every_endpoint_request_is_snapshotted() {
    let requests = every_endpoint();
    let covered: BTreeSet<&str> = requests
        .iter()
        .map(|r| RequestMeta::of(r).endpoint)
        .collect();
    let declared: BTreeSet<&str> = ENDPOINTS.iter().map(|s| s.name).collect();
    assert_eq!(covered, declared, "one request per declared endpoint");
    for req in &requests {
        let name = RequestMeta::of(req).endpoint;
        insta::assert_snapshot!(name, render(req));
    }
}

#[test]
fn attachments_and_files_go_multipart_and_only_then() {
    let c = offline_client();
    let reply = c
        .conversation(1_u64)
        .reply("see attached")
        .attachment("invoice.pdf", "application/pdf", &b"%PDF-1.4"[..])
        .to_request()
        .unwrap();
    insta::assert_snapshot!("reply_with_attachment", render(&reply));
    let start = c
        .user(5_u64)
        .start_conversation("")
        .file("screen.png", "image/png", &b"\x89PNG"[..])
        .to_request()
        .unwrap();
    assert!(render(&start).contains("multipart/form-data"));
    for req in every_endpoint() {
        let multipart = render(&req).contains("body (multipart)");
        assert_eq!(
            multipart,
            RequestMeta::of(&req).endpoint == "import_users",
            "{}",
            req.uri()
        );
    }
}

#[test]
fn token_is_never_in_the_url_and_id_as_string_is_always_sent() {
    for req in every_endpoint() {
        let uri = req.uri().to_string();
        assert!(!uri.contains("test-secret"), "{uri}");
        assert!(!uri.contains("auth_token"), "{uri}");
        let query: Vec<(String, String)> =
            serde_urlencoded::from_str(req.uri().query().unwrap_or("")).unwrap();
        let n = query
            .iter()
            .filter(|(k, v)| k == "id_as_string" && v == "true")
            .count();
        assert_eq!(n, 1, "{uri}");
    }
}

#[test]
fn ids_beyond_2_pow_53_survive_in_paths_and_params() {
    let c = offline_client();
    let req = c.conversation(u64::MAX).get().to_request().unwrap();
    assert_eq!(req.uri().path(), format!("/v1/conversations/{}", u64::MAX));
    let req = c.user(BIG).get().to_request().unwrap();
    assert_eq!(req.uri().path(), format!("/v1/users/{BIG}"));
    let req = c
        .conversation(1_u64)
        .reply("x")
        .from_admin(BIG)
        .auto_assign(u64::MAX)
        .to_request()
        .unwrap();
    let text = render(&req);
    assert!(text.contains(&format!("from_admin = \"{BIG}\"")), "{text}");
    assert!(
        text.contains(&format!("auto_assign = \"{}\"", u64::MAX)),
        "{text}"
    );
}

#[test]
fn hostile_external_user_ids_keep_the_route() {
    let c = offline_client();
    let hostile = [
        "a/b",
        "../../apps/1/users",
        "x?by_user_id=false",
        "x#frag",
        "a b+c",
        "a\r\nb",
        "%2F",
        "%2E%2E",
        "...",
        ".x",
        "émile@example.com",
        "1234",
    ];
    for id in hostile {
        let req = c.user(UserRef::external(id)).events().to_request().unwrap();
        let path = req.uri().path().to_owned();
        let segments: Vec<&str> = path.split('/').collect();
        assert_eq!(segments.len(), 5, "{id:?} -> {path}");
        assert_eq!(segments[1], "v1");
        assert_eq!(segments[2], "users");
        assert_eq!(segments[4], "events");
        let decoded = percent_decode(segments[3]);
        assert_eq!(decoded, id, "{path}");
        let query: Vec<(String, String)> =
            serde_urlencoded::from_str(req.uri().query().unwrap()).unwrap();
        assert!(
            query.contains(&("by_user_id".into(), "true".into())),
            "{id:?}"
        );
        assert_eq!(query.iter().filter(|(k, _)| k == "by_user_id").count(), 1);
    }
    // A Carrot id is never sent with by_user_id, even when it looks like a User ID would.
    let req = c.user(1234_u64).get().to_request().unwrap();
    assert!(!req.uri().query().unwrap().contains("by_user_id"));
    // POST: by_user_id goes in the form.
    let req = c
        .user(UserRef::external("a/b"))
        .track_event("x")
        .to_request()
        .unwrap();
    assert!(render(&req).contains("by_user_id = \"true\""));
}

/// A `..` User ID would reach `/v1/users/events` through a URL-normalising proxy: `.` and `..`
/// are refused before sending (a Carrot numeric id can never be one).
#[test]
fn dot_segment_user_ids_are_refused_before_sending() {
    let c = offline_client();
    for dots in [".", ".."] {
        let err = c
            .user(UserRef::external(dots))
            .events()
            .to_request()
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidRequest { .. }),
            "{dots:?}: {err:?}"
        );
        let err = c
            .user(UserRef::external(dots))
            .track_event("x")
            .to_request()
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidRequest { .. }),
            "{dots:?}: {err:?}"
        );
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn wrong_user_kind_or_empty_id_is_refused_unsent() {
    let c = offline_client();
    let err = c
        .user(UserRef::external("customer-42"))
        .set_presence(Presence::Online)
        .to_request()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert!(err.to_string().contains("Carrot id"), "{err}");
    assert!(matches!(
        c.user(UserRef::external("")).get().to_request(),
        Err(Error::InvalidRequest { .. })
    ));
    assert!(matches!(
        c.user(UserRef::external("x".repeat(256)))
            .get()
            .to_request(),
        Err(Error::InvalidRequest { .. })
    ));
    assert!(
        c.user(UserRef::external("x".repeat(255)))
            .get()
            .to_request()
            .is_ok()
    );
    assert!(
        c.user(42_u64)
            .set_presence(Presence::Idle)
            .to_request()
            .is_ok()
    );
}

#[test]
fn props_replay_class_follows_the_operations() {
    let c = offline_client();
    let user = c.user(1_u64);
    let safe = user
        .props()
        .update_or_create("a", 1)
        .delete("b")
        .union("c", serde_json::json!(["x"]))
        .to_requests()
        .unwrap();
    assert_eq!(RequestMeta::of(&safe[0]).replay, Replay::Safe);
    let unsafe_add = user
        .props()
        .update_or_create("a", 1)
        .add("n", 1)
        .to_requests()
        .unwrap();
    assert_eq!(RequestMeta::of(&unsafe_add[0]).replay, Replay::Unsafe);
    let unsafe_append = user.props().append("l", "x").to_requests().unwrap();
    assert_eq!(RequestMeta::of(&unsafe_append[0]).replay, Replay::Unsafe);
    let double = user
        .props()
        .update_or_create("$email", "a@example.com")
        .double_subscribe(true)
        .to_requests()
        .unwrap();
    assert_eq!(RequestMeta::of(&double[0]).replay, Replay::Unsafe);
    assert!(matches!(
        user.props().to_requests(),
        Err(Error::InvalidRequest { .. })
    ));
}

#[test]
fn more_than_250_operations_are_split_in_order() {
    let c = offline_client();
    let ops = (0..600).map(|i| PropOperation::update_or_create(format!("k{i}"), i));
    let requests = c.user(1_u64).props().operations(ops).to_requests().unwrap();
    assert_eq!(requests.len(), 3);
    let mut next = 0;
    for (req, expected) in requests.iter().zip([250, 250, 100]) {
        let text = render(req);
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("operations = json "))
            .unwrap();
        let ops: Vec<serde_json::Value> =
            serde_json::from_str(line.split_once("json ").unwrap().1).unwrap();
        assert_eq!(ops.len(), expected);
        for op in ops {
            assert_eq!(op["key"], format!("k{next}"));
            next += 1;
        }
    }
}

#[test]
fn dashly_and_custom_base_urls() {
    let d = chatdesk_carrot_api::CarrotClient::dashly("app.1.x");
    assert_eq!(d.base_url(), "https://api.dashly.app/v1");
    let r = d.user(1_u64).get().to_request().unwrap();
    assert_eq!(r.uri().host(), Some("api.dashly.app"));
    let c = chatdesk_carrot_api::CarrotClient::new("app.1.x");
    assert_eq!(c.base_url(), "https://api.carrotquest.io/v1");
    assert!(
        chatdesk_carrot_api::CarrotClient::builder()
            .token("t")
            .base_url("ftp://x")
            .build()
            .is_err()
    );
    assert!(
        chatdesk_carrot_api::CarrotClient::builder()
            .base_url("https://x")
            .build()
            .is_err()
    );
    // A token that cannot be a header value fails every call, unsent, instead of panicking.
    let bad = chatdesk_carrot_api::CarrotClient::new("bad\ntoken");
    assert!(matches!(
        bad.user(1_u64).get().to_request(),
        Err(Error::InvalidRequest { .. })
    ));
    assert!(!format!("{bad:?}").contains("token\""));
    let _ = AdminRef::Default;
}

/// The token travels with every request: plain `http://` is refused unless the target is
/// loopback or the caller opted in with `allow_plain_http()`; `https://` always goes.
#[test]
fn plain_http_needs_loopback_or_the_opt_in() {
    use chatdesk_carrot_api::CarrotClient;
    let build = |url: &str, opt_in: bool| {
        let b = CarrotClient::builder().token("app.1.x").base_url(url);
        if opt_in { b.allow_plain_http() } else { b }.build()
    };
    let err = build("http://api.carrotquest.io/v1", false).unwrap_err();
    match &err {
        Error::InvalidRequest { reason, source } => {
            assert!(reason.contains("allow_plain_http()"), "{reason}");
            let typed = source
                .as_ref()
                .and_then(|s| s.downcast_ref::<chatdesk_transport::PlainHttpRefused>());
            assert_eq!(typed.map(|t| t.host.as_str()), Some("api.carrotquest.io"));
        }
        other => panic!("{other:?}"),
    }
    let proxied = build("http://10.1.2.3:8080/v1", true).unwrap();
    let req = proxied.user(1_u64).get().to_request().unwrap();
    assert_eq!(req.uri().scheme_str(), Some("http"));
    assert_eq!(
        req.uri().authority().map(|a| a.as_str()),
        Some("10.1.2.3:8080")
    );
    for url in [
        "http://127.0.0.1:9/v1",
        "http://[::1]:9/v1",
        "http://localhost:9/v1",
        "https://api.carrotquest.io/v1",
    ] {
        assert!(build(url, false).is_ok(), "{url}");
    }
}

/// A call is a template: `Debug` names the endpoint, path, parameters, user and file name,
/// never the token or the file's bytes; the spec's `call` string is the method that made it.
#[test]
fn a_call_prints_what_it_sends_but_never_the_token_or_file_bytes() {
    let c = offline_client();
    let call =
        c.conversation(7_u64)
            .reply("hi")
            .attachment("a.png", "image/png", b"FILE-BYTES".to_vec());
    let text = format!("{:?}", call.clone());
    assert!(text.contains("reply_in_conversation"), "{text}");
    assert!(text.contains("a.png"), "{text}");
    assert!(!text.contains("FILE-BYTES"), "{text}");
    assert!(!text.contains("test-secret"), "{text}");
    assert_eq!(call.spec().call, "conversation(id).reply(body)");
    assert_eq!(call.path_args(), ["7"]);
    let call = c.user(UserRef::external("u-1")).get();
    assert!(format!("{call:?}").contains("u-1"));
    assert_eq!(call.spec().call, "user(user).get()");
    let call = c.import_users(ImportUsersParams::new(AppRef::SelfApp), "a\n1\n");
    assert_eq!(call.spec().call, "import_users(params, csv)");
    assert!(format!("{call:?}").contains("users.csv"));
}
