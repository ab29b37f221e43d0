//! Whole calls against a hyper server on 127.0.0.1: envelope and error decoding, retries and
//! the replay rule, props splitting, and every pagination scheme.

mod support;

use chatdesk_carrot_api::model::{ErrorName, PageDirection, PropOperation};
use chatdesk_carrot_api::{CarrotClient, Error, UserRef, error_meta, error_name};
use chatdesk_transport::Quota;
use futures_util::TryStreamExt;
use std::time::{Duration, Instant};
use support::{Reply, Server, json, ok, walk_ids};

#[tokio::test]
async fn error_envelope_becomes_api_error_with_reason() {
    let server = Server::start(|_, _| {
        json(
            400,
            r#"{"meta":{"status":400,"error":"LookupError","error_message":"User not found"},"data":{}}"#,
        )
    })
    .await;
    let err = server
        .client()
        .user(UserRef::external("nobody"))
        .get()
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 400);
    assert_eq!(api.reason.as_deref(), Some("LookupError"));
    assert_eq!(api.message.as_deref(), Some("User not found"));
    assert_eq!(error_name(&err), Some(ErrorName::LookupError));
    assert_eq!(server.hits(), 1, "a 400 is final");
}

#[tokio::test]
async fn validation_error_keeps_error_fields_and_unknown_names() {
    let server = Server::start(|n, _| match n {
        0 => json(
            400,
            r#"{"meta":{"status":400,"error":"ValidationError","error_message":"bad","error_fields":{"event":["required"]}}}"#,
        ),
        _ => json(
            403,
            r#"{"meta":{"status":403,"error":"BrandNewError","error_message":"new"},"data":null}"#,
        ),
    })
    .await;
    let c = server.client();
    let err = c.track_event(1_u64, "").await.unwrap_err();
    assert_eq!(err.reason(), Some("ValidationError"));
    let meta = error_meta(&err).unwrap();
    assert_eq!(
        meta.error_fields,
        Some(serde_json::json!({"event": ["required"]}))
    );
    let err = c.user(1_u64).get().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(403));
    assert_eq!(err.reason(), Some("BrandNewError"));
    assert_eq!(
        error_name(&err),
        Some(ErrorName::Other("BrandNewError".into()))
    );
}

#[tokio::test]
async fn meta_error_in_a_200_answer_is_an_error() {
    let server = Server::start(|_, _| {
        json(
            200,
            r#"{"meta":{"status":400,"error":"ConversationTagAlreadyAssigned","error_message":"already"},"data":{}}"#,
        )
    })
    .await;
    let err = server
        .client()
        .conversation(1_u64)
        .add_tag("vip")
        .await
        .unwrap_err();
    assert_eq!(err.reason(), Some("ConversationTagAlreadyAssigned"));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400));
}

#[tokio::test]
async fn html_error_page_is_an_api_error_and_bad_2xx_bodies_are_decode_errors() {
    let server = Server::start(|n, _| match n {
        0 => Reply {
            status: 404,
            headers: vec![("content-type", "text/html".into())],
            body: "<html><body><h1>Not Found</h1></body></html>".into(),
        },
        1 => json(200, ""),
        2 => Reply {
            status: 200,
            headers: vec![("content-type", "text/html".into())],
            body: "<html>maintenance</html>".into(),
        },
        _ => ok(r#"{"id":"not-a-number"}"#),
    })
    .await;
    let c = server.client();
    let err = c.conversation(1_u64).get().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 404);
    assert_eq!(api.reason, None);
    assert!(api.body.starts_with(b"<html>"));
    for _ in 0..2 {
        let err = c.conversation(1_u64).get().await.unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    }
    let err = c.conversation(1_u64).get().await.unwrap_err();
    match err {
        Error::Decode { path, .. } => assert_eq!(path, "data.id"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn rate_limited_429_is_retried_then_succeeds() {
    let server = Server::start(|n, _| match n {
        0 => Reply {
            status: 429,
            headers: vec![("retry-after", "0.05".into())],
            body: String::new(),
        },
        _ => ok(r#"{"id":"6187513","type":{"name":"paid"}}"#),
    })
    .await;
    // A POST that is not replay-safe: still re-sent, because a 429 was refused unprocessed.
    let event = server
        .client()
        .track_event(UserRef::external("u-1"), "paid")
        .await
        .unwrap();
    assert_eq!(event.id.0, 6187513);
    assert_eq!(event.name(), Some("paid"));
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn post_answered_503_is_not_resent_but_get_is() {
    let server = Server::start(|n, _| match n {
        0 | 1 => json(503, r#"{"meta":{"status":503}}"#),
        _ => ok(r#"{"id":1}"#),
    })
    .await;
    let c = server.client();
    let err = c.conversation(1_u64).reply("hello").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(
        server.hits(),
        1,
        "the reply may have been processed: not re-sent"
    );
    let conversation = c.conversation(1_u64).get().await.unwrap();
    assert_eq!(conversation.id.0, 1);
    assert_eq!(server.hits(), 3, "a read is re-sent after a 503");
}

#[tokio::test]
async fn ids_above_2_pow_53_survive_the_round_trip() {
    let server = Server::start(|n, _| match n {
        0 => ok(r#"{"id":"18446744073709551615","user":{"id":9007199254740993}}"#),
        _ => ok(r#"{"id":9007199254740993,"user_id":12345678901234567890}"#),
    })
    .await;
    let c = server.client();
    let conv = c.conversation(u64::MAX).get().await.unwrap();
    assert_eq!(conv.id.0, u64::MAX);
    assert_eq!(conv.user.unwrap().id.0, 9_007_199_254_740_993);
    let user = c.user(9_007_199_254_740_993_u64).get().await.unwrap();
    assert_eq!(user.id.0, 9_007_199_254_740_993);
    assert_eq!(user.user_id.as_deref(), Some("12345678901234567890"));
    let seen = server.seen();
    assert_eq!(seen[0].path, format!("/v1/conversations/{}", u64::MAX));
    assert!(seen.iter().all(|s| s.query("id_as_string") == Some("true")));
}

#[tokio::test]
async fn hostile_external_id_reaches_the_user_route_intact() {
    let server = Server::start(|_, _| ok("[]")).await;
    let id = "../apps/1?x=1#y z/é";
    let page = server
        .client()
        .user(UserRef::external(id))
        .events()
        .await
        .unwrap();
    assert!(page.items.is_empty());
    let seen = &server.seen()[0];
    assert!(seen.path.starts_with("/v1/users/") && seen.path.ends_with("/events"));
    assert_eq!(seen.path.matches('/').count(), 4, "{}", seen.path);
    assert_eq!(seen.query("by_user_id"), Some("true"));
    assert_eq!(seen.query("x"), None);
}

#[tokio::test]
async fn props_over_250_operations_go_in_order_and_merge() {
    let server = Server::start(|n, seen| {
        let ops: Vec<serde_json::Value> =
            serde_json::from_str(&seen.form_value("operations").unwrap()).unwrap();
        let first = ops[0]["key"].as_str().unwrap().to_owned();
        json(
            200,
            format!(
                r#"{{"meta":{{"status":200,"affected_props":["{first}"],"ignored_operations":[{{"op":"delete","key":"x{n}","value":0}}]}},"data":{{}}}}"#
            ),
        )
    })
    .await;
    let ops = (0..600).map(|i| PropOperation::update_or_create(format!("k{i}"), i));
    let outcome = server
        .client()
        .user(UserRef::external("u/1"))
        .props()
        .operations(ops)
        .await
        .unwrap();
    assert_eq!(outcome.affected_props, ["k0", "k250", "k500"]);
    assert_eq!(outcome.ignored_operations.len(), 3);
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    let mut next = 0;
    for (s, n) in seen.iter().zip([250, 250, 100]) {
        assert_eq!(s.method, "POST");
        assert_eq!(s.path, "/v1/users/u%2F1/props");
        assert_eq!(s.form_value("by_user_id").as_deref(), Some("true"));
        let ops: Vec<serde_json::Value> =
            serde_json::from_str(&s.form_value("operations").unwrap()).unwrap();
        assert_eq!(ops.len(), n);
        for op in ops {
            assert_eq!(op["key"], format!("k{next}"));
            next += 1;
        }
    }
}

#[tokio::test]
async fn props_split_stops_at_the_first_error_and_says_what_was_applied() {
    let server = Server::start(|n, _| match n {
        0 => json(
            200,
            r#"{"meta":{"status":200,"affected_props":["k0"],"ignored_operations":[]},"data":{}}"#,
        ),
        _ => json(
            400,
            r#"{"meta":{"status":400,"error":"ValidationError","error_message":"bad value"}}"#,
        ),
    })
    .await;
    let ops = (0..700).map(|i| PropOperation::add(format!("k{i}"), 1));
    let err = server
        .client()
        .user(1_u64)
        .props()
        .operations(ops)
        .await
        .unwrap_err();
    assert_eq!(err.applied, 250);
    assert_eq!(err.total, 700);
    assert_eq!(err.outcome.affected_props, ["k0"]);
    assert_eq!(err.source.reason(), Some("ValidationError"));
    assert!(err.to_string().contains("250 of 700"));
    assert_eq!(server.hits(), 2, "the third request is never sent");
}

/// v2: `paginate_position` from `meta.next_before_position`, ending on `null`.
#[tokio::test]
async fn v2_cursor_pages_walk_every_item_once() {
    let server = Server::start(|_, seen| {
        let body = match seen.query("paginate_position") {
            None => r#"{"meta":{"status":200,"next_before_position":[9007199254740995]},"data":[{"id":9007199254740999},{"id":9007199254740997}]}"#,
            Some("[9007199254740995]") => r#"{"meta":{"status":200,"next_before_position":[1684739969.358085,3]},"data":[{"id":9007199254740995},{"id":5}]}"#,
            Some("[1684739969.358085,3]") => r#"{"meta":{"status":200,"next_before_position":null,"next_after_position":[7]},"data":[{"id":3}]}"#,
            Some(other) => panic!("unexpected position {other}"),
        };
        json(200, body)
    })
    .await;
    let c = server.client();
    let ids = walk_ids(c.conversation(1_u64).parts().per_page(2).stream()).await;
    assert_eq!(
        ids,
        [9007199254740999, 9007199254740997, 9007199254740995, 5, 3]
    );
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|s| s.query("paginate_count") == Some("2")));
}

/// v2 read forwards: the `after` direction follows `next_after_position`.
#[tokio::test]
async fn v2_after_direction_follows_next_after_position() {
    let server = Server::start(|_, seen| {
        assert_eq!(seen.query("paginate_direction"), Some("after"));
        let body = match seen.query("paginate_position") {
            None => r#"{"meta":{"next_after_position":["11"],"next_before_position":["1"]},"data":[{"id":"10"}]}"#,
            Some(r#"["11"]"#) => r#"{"meta":{"next_after_position":null},"data":[{"id":"11"}]}"#,
            Some(other) => panic!("unexpected position {other}"),
        };
        json(200, body)
    })
    .await;
    let c = server.client();
    let ids = walk_ids(
        c.user(1_u64)
            .events()
            .direction(PageDirection::After)
            .stream(),
    )
    .await;
    assert_eq!(ids, [10, 11]);
}

/// v1: `after` from `meta.next_after`, an int or a float passed back digit for digit.
#[tokio::test]
async fn v1_cursor_pages_walk_every_item_once() {
    let server = Server::start(|_, seen| {
        let body = match seen.query("after") {
            None => r#"{"meta":{"status":200,"next_after":1447339319.900966},"data":[{"id":1},{"id":2}]}"#,
            Some("1447339319.900966") => r#"{"meta":{"status":200,"next_after":1160406004324630614},"data":[{"id":3}]}"#,
            Some("1160406004324630614") => r#"{"meta":{"status":200,"next_after":null},"data":[{"id":4}]}"#,
            Some(other) => panic!("cursor changed on the way: {other}"),
        };
        json(200, body)
    })
    .await;
    let user = server.client().user(UserRef::external("u-1"));
    let ids = walk_ids(user.conversations().per_page(2).stream()).await;
    assert_eq!(ids, [1, 2, 3, 4]);
    assert_eq!(server.hits(), 3);
    // The v2 page size was sent too; the answer carried a v1 cursor, and that is what was
    // followed.
    assert!(
        server
            .seen()
            .iter()
            .all(|s| s.query("paginate_position").is_none()
                && s.query("count") == Some("2")
                && s.query("paginate_count") == Some("2"))
    );
}

/// Leads: `offset`/`limit` with `total`; a lead repeated across pages is yielded once.
#[tokio::test]
async fn leads_offset_pages_walk_every_lead_once() {
    let server = Server::start(|_, seen| {
        assert_eq!(seen.query("limit"), Some("2"));
        let body = match seen.query("offset") {
            Some("0") => r#"{"users":[{"id":1},{"id":2}],"total":5}"#,
            // The list shifted: lead 2 comes again.
            Some("2") => r#"{"users":[{"id":2},{"id":3}],"total":5}"#,
            Some("4") => r#"{"users":[{"id":4}],"total":5}"#,
            other => panic!("unexpected offset {other:?}"),
        };
        ok(body)
    })
    .await;
    let c = server.client();
    let ids = walk_ids(c.this_app().leads().per_page(2).stream()).await;
    assert_eq!(ids, [1, 2, 3, 4]);
    assert_eq!(server.hits(), 3);
    assert_eq!(server.seen()[0].path, "/v1/apps/$self_app/users");
}

/// Without `total`, a short page ends the leads.
#[tokio::test]
async fn leads_without_total_end_on_a_short_page() {
    let server = Server::start(|_, seen| match seen.query("offset") {
        Some("0") => ok(r#"{"users":[{"id":1},{"id":2}]}"#),
        _ => ok(r#"{"users":[{"id":3}]}"#),
    })
    .await;
    let c = server.client();
    let ids = walk_ids(c.app(12_u64).leads().per_page(2).stream()).await;
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(server.hits(), 2);
}

/// A server that ignores `offset` and claims an endless `total` cannot keep the stream reading:
/// after `MAX_REPEAT_PAGES` pages of nothing new it ends.
#[tokio::test]
async fn leads_end_after_a_run_of_pages_with_nothing_new() {
    let server =
        Server::start(|_, _| ok(r#"{"users":[{"id":1},{"id":2}],"total":18446744073709551615}"#))
            .await;
    let c = server.client();
    let ids = walk_ids(c.this_app().leads().per_page(2).stream()).await;
    assert_eq!(ids, [1, 2]);
    let max = chatdesk_carrot_api::paginate::MAX_REPEAT_PAGES as usize;
    assert_eq!(server.hits(), 1 + max + 1);
}

#[tokio::test]
async fn count_leads_reads_the_total() {
    let server = Server::start(|_, _| ok(r#"{"users":[{"id":1}],"total":1234}"#)).await;
    let leads = server.client().this_app().count_leads().await.unwrap();
    assert_eq!(leads.meta.total, Some(1234));
}

#[tokio::test]
async fn a_stream_error_is_yielded_once_then_the_stream_ends() {
    let server = Server::start(|n, _| match n {
        0 => ok(r#"[{"id":1}]"#).with_meta(r#"{"next_before_position":[1]}"#),
        _ => json(401, r#"{"meta":{"status":401,"error":"NotAuthenticated"}}"#),
    })
    .await;
    let mut stream = server.client().this_app().conversations().stream();
    assert_eq!(stream.try_next().await.unwrap().unwrap().id.0, 1);
    let err = stream.try_next().await.unwrap_err();
    assert_eq!(err.reason(), Some("NotAuthenticated"));
    assert!(stream.try_next().await.unwrap().is_none());
}

#[tokio::test]
async fn empty_data_endpoints_accept_empty_objects_arrays_and_missing_data() {
    let server = Server::start(|n, _| match n {
        0 => ok("{}"),
        1 => ok("[]"),
        2 => json(200, r#"{"meta":{"status":200}}"#),
        _ => ok(r#"{"id":123,"part_group":345}"#),
    })
    .await;
    let c = server.client();
    c.conversation(1_u64).set_typing().await.unwrap();
    c.user(1_u64)
        .set_presence(chatdesk_carrot_api::model::Presence::Online)
        .await
        .unwrap();
    let unchanged = c
        .conversation(1_u64)
        .assign(chatdesk_carrot_api::model::Assignee::Nobody)
        .await
        .unwrap();
    assert_eq!(
        unchanged.id, None,
        "assign answers {{}} when nothing changed"
    );
    let part = c.conversation(1_u64).close().await.unwrap();
    assert_eq!(part.id.map(|i| i.0), Some(123));
}

#[tokio::test]
async fn the_token_travels_only_in_the_authorization_header() {
    let server = Server::start(|_, _| ok(r#"{"id":1}"#)).await;
    server.client().user(1_u64).get().await.unwrap();
    let seen = &server.seen()[0];
    assert_eq!(seen.headers["authorization"], "Token app.1.test-secret");
    assert!(seen.query.iter().all(|(_, v)| !v.contains("test-secret")));
    assert!(!seen.path.contains("test-secret"));
}

#[tokio::test]
async fn the_builder_quota_paces_requests() {
    let server = Server::start(|_, _| ok(r#"{"id":1}"#)).await;
    let builder = || {
        CarrotClient::builder()
            .token("app.1.test-secret")
            .base_url(&server.url)
    };
    let paced = builder().quota(Some(Quota::per_second(10, 1)));
    let took = four_gets(&paced.build().unwrap()).await;
    assert!(took >= Duration::from_millis(290), "{took:?}");

    // Without a transport of its own, the client paces to DEFAULT_QUOTA (3/s, burst 3): the
    // fourth request waits for a slot.
    let took = four_gets(&builder().build().unwrap()).await;
    assert!(took >= Duration::from_millis(300), "{took:?}");
}

/// How long four `user(1).get()` calls through `c` take, one after the other.
async fn four_gets(c: &CarrotClient) -> Duration {
    let t0 = Instant::now();
    for _ in 0..4 {
        c.user(1_u64).get().await.unwrap();
    }
    t0.elapsed()
}

trait WithMeta {
    fn with_meta(self, meta: &str) -> Reply;
}

impl WithMeta for Reply {
    fn with_meta(mut self, meta: &str) -> Reply {
        self.body = self
            .body
            .replacen(r#""meta":{"status":200}"#, &format!(r#""meta":{meta}"#), 1);
        self
    }
}

/// Each answer's own cursor is followed, even when the scheme changes between pages.
#[tokio::test]
async fn whichever_cursor_each_answer_carries_is_followed() {
    let server = Server::start(|n, seen| {
        let body = match n {
            0 => {
                assert_eq!(seen.query("paginate_position"), None);
                r#"{"meta":{"next_before_position":[20]},"data":[{"id":30}]}"#
            }
            1 => {
                assert_eq!(seen.query("paginate_position"), Some("[20]"));
                r#"{"meta":{"next_after":"19.5"},"data":[{"id":20}]}"#
            }
            _ => {
                assert_eq!(seen.query("after"), Some("19.5"));
                assert_eq!(seen.query("paginate_position"), None);
                r#"{"meta":{"next_after":null,"next_before_position":null},"data":[{"id":10}]}"#
            }
        };
        json(200, body)
    })
    .await;
    let c = server.client();
    let ids = walk_ids(c.this_app().active_users().stream()).await;
    assert_eq!(ids, [30, 20, 10]);
}
