//! Protocol edges: malformed input, web hook signatures, route classes, big seeds and
//! sharing across threads.

use super::*;

#[test]
fn ids_in_paths_are_percent_decoded_per_segment() {
    let t = T::new();
    let w = t.w();
    // `a%2Fb` is one segment: an unknown session, not an unknown route.
    assert_eq!(
        t.err("GET", &format!("/website/{w}/conversation/a%2Fb"), "", "")
            .1,
        "session_not_found"
    );
    assert_eq!(
        t.err("GET", &format!("/website/{w}/conversation/a/b"), "", "")
            .1,
        "not_found"
    );
    // Encoded and raw forms of the same id reach the same resource.
    let s = t.s();
    let encoded = s.replace('_', "%5F").replace('-', "%2D");
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/conversation/{encoded}"),
            "",
            ""
        )["session_id"],
        json!(s)
    );
    let encoded_w = w.replace('-', "%2d");
    assert_eq!(
        t.ok("GET", &format!("/website/{encoded_w}"), "", "")["website_id"],
        json!(w)
    );
    // Emails in people_id position, `+` stays a plus in paths.
    t.ok(
        "POST",
        &format!("/website/{w}/people/profile"),
        "",
        r#"{"email":"john+tag@doe.com"}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/people/profile/john%2Btag%40doe.com"),
            "",
            ""
        )["email"],
        "john+tag@doe.com"
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/people/profile/john+tag@doe.com"),
            "",
            ""
        )["email"],
        "john+tag@doe.com"
    );
    // Invalid UTF-8 after decoding is not a crash, just an unknown id.
    assert_eq!(
        t.err("GET", &format!("/website/{w}/conversation/%FF%FE"), "", "")
            .1,
        "session_not_found"
    );
}

#[test]
fn unknown_routes_are_404_not_found() {
    let t = T::new();
    let w = t.w();
    for (m, p) in [
        ("GET", "/".to_owned()),
        ("GET", "/nope".to_owned()),
        ("GET", format!("/website/{w}/conversations")),
        ("GET", format!("/website/{w}/conversations/1/extra")),
        ("POST", format!("/website/{w}/conversations/1")),
        // One trailing slash is ignored (`/website/{w}/` is the website), an empty segment is not.
        ("GET", format!("/website/{w}//")),
        ("OPTIONS", format!("/website/{w}")),
    ] {
        let (status, v) = t.call(m, &p, "", "");
        assert_eq!(status, StatusCode::NOT_FOUND, "{m} {p}");
        assert_eq!(
            (v["reason"].as_str(), v["data"]["message"].as_str()),
            (Some("not_found"), Some("the route does not exist"))
        );
    }
    // Unknown routes answer 404 before authentication.
    let reply = t.sim.handle(&ex("GET", "/nope", "", b"", None, None));
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[test]
fn schema_violations_are_400_invalid_data() {
    let t = T::new();
    let w = t.w();
    let msg = format!("/website/{w}/conversation/{}/message", t.s());
    for body in [
        "{",
        "[]",
        "\"text\"",
        "null",
        r#"{"from":"user","origin":"chat","content":"x"}"#,
        r#"{"type":"text","from":"user","origin":"chat"}"#,
        r#"{"type":1,"from":"user","origin":"chat","content":"x"}"#,
        r#"{"type":"text","from":"user","origin":"chat","content":{"a":1}}"#,
        r#"{"type":"file","from":"user","origin":"chat","content":"x"}"#,
        r#"{"type":"gif","from":"user","origin":"chat","content":"x"}"#,
        r#"{"type":"text","from":"bot","origin":"chat","content":"x"}"#,
        r#"{"type":"text","from":"user","origin":"chat","content":"x","fingerprint":"12"}"#,
        r#"{"type":"text","from":"user","origin":"chat","content":"x","fingerprint":-1}"#,
        r#"{"type":"text","from":"user","origin":"chat","content":"x","stealth":"yes"}"#,
    ] {
        let (status, v) = t.call("POST", &msg, "", body);
        assert_eq!(
            (status, v["reason"].as_str()),
            (StatusCode::BAD_REQUEST, Some("invalid_data")),
            "{body}: {v}"
        );
        assert!(v["data"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let missing = t
        .call(
            "POST",
            &msg,
            "",
            r#"{"type":"text","from":"user","content":"x"}"#,
        )
        .1;
    assert_eq!(
        missing["data"]["message"],
        "data should have required property '.origin'"
    );
    let reply = t.sim.handle(&{
        let kp = t.sim.config().keypair(CrispTier::Plugin).unwrap().clone();
        ex(
            "POST",
            &msg,
            "",
            &[0xff, 0xfe, 0x00],
            Some((&kp.identifier, &kp.key)),
            Some("plugin"),
        )
    });
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    // Routes without a documented body ignore whatever is sent; POSTs accept an empty body.
    assert_eq!(
        t.call("GET", &format!("/website/{w}"), "", "garbage").0,
        StatusCode::OK
    );
    assert_eq!(
        t.call("POST", &format!("/website/{w}/conversation"), "", "")
            .0,
        StatusCode::OK
    );
}

#[test]
fn head_check_routes_answer_without_a_body() {
    let t = T::new();
    let w = t.w();
    let kp = t.sim.config().keypair(CrispTier::Plugin).unwrap().clone();
    let auth = Some((kp.identifier.as_str(), kp.key.as_str()));
    for (path, query, found) in [
        (format!("/website/{w}/conversation/{}", t.s()), "", true),
        (
            format!("/website/{w}/conversation/session_missing"),
            "",
            false,
        ),
        ("/website".to_owned(), "domain=site0.example.com", true),
        ("/website".to_owned(), "domain=missing.example.com", false),
        (format!("/website/{w}/helpdesk/locale/en"), "", true),
        (format!("/website/{w}/helpdesk/locale/pt%2FBR"), "", false),
        (
            format!("/website/{w}/people/profile/person0%40site0.example.com"),
            "",
            true,
        ),
        (format!("/website/{w}/campaign/missing"), "", false),
        ("/plugin/connect/session".to_owned(), "", true),
    ] {
        let reply = t
            .sim
            .handle(&ex("HEAD", &path, query, b"", auth, Some("plugin")));
        let expected = if found {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(reply.status, expected, "HEAD {path}?{query}");
        assert!(reply.body.is_empty(), "HEAD {path} has a body");
    }
    let unauth = t.sim.handle(&ex(
        "HEAD",
        &format!("/website/{w}/conversation/{}", t.s()),
        "",
        b"",
        None,
        None,
    ));
    assert_eq!(
        (unauth.status, unauth.body.is_empty()),
        (StatusCode::UNAUTHORIZED, true)
    );
}

#[test]
fn web_hook_signatures_match_an_independent_hmac() {
    // Vectors computed with Python's hmac module: hex(HMAC-SHA256(secret, "[ts;body]")).
    assert_eq!(
        CrispSim::sign_webhook(
            b"sim-webhook-secret",
            "1506985696616",
            br#"{"event":"message:send"}"#
        ),
        "37dc442e2209aa11a45e5f65dcfa6288c23392e0c8e7f947d9af1ad5e2671954"
    );
    assert_eq!(
        CrispSim::sign_webhook(b"key", "1", b""),
        "922458e531d89318862453c818e1134fb8174fcca15c588be8d0803849986e6a"
    );
    // And against the hmac crate driven directly, on a body from `webhook_body`.
    let t = T::new();
    let body = t
        .sim
        .webhook_body("message:send", &t.w(), json!({"content": "Hey :)"}));
    let parsed: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        (parsed["event"].as_str(), parsed["website_id"].as_str()),
        (Some("message:send"), Some(t.w().as_str()))
    );
    assert!(parsed["timestamp"].is_i64());
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(b"s3cret").unwrap();
    mac.update(format!("[42;{}]", String::from_utf8_lossy(&body)).as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(CrispSim::sign_webhook(b"s3cret", "42", &body), expected);
}

#[test]
fn route_classes_name_the_literal_segments() {
    let t = T::new();
    let w = t.w();
    let class = |m: &str, p: &str| CrispSim::route_class(&ex(m, p, "", b"", None, None));
    assert_eq!(
        class("GET", &format!("/website/{w}/conversation/s/messages")),
        "website/conversation/messages"
    );
    assert_eq!(
        class("POST", &format!("/website/{w}/conversation/s/message")),
        "website/conversation/message"
    );
    assert_eq!(
        class("GET", &format!("/website/{w}/conversations/3")),
        "website/conversations"
    );
    assert_eq!(
        class(
            "GET",
            &format!("/website/{w}/helpdesk/tree/page/en/articles/a/b/c")
        ),
        "website/helpdesk/tree/page"
    );
    assert_eq!(class("GET", "/nope"), "unknown");
    assert_eq!(class("PATCH", "/website"), "unknown");
}

#[test]
fn write_counts_key_messages_by_fingerprint_or_content() {
    let t = T::new();
    let w = t.w();
    let msg = format!("/website/{w}/conversation/{}/message", t.s());
    let body = r#"{"type":"text","from":"user","origin":"chat","content":"same"}"#;
    t.ok("POST", &msg, "", body);
    t.ok("POST", &msg, "", body);
    let fp_body = r#"{"type":"text","from":"user","origin":"chat","content":"x","fingerprint":99}"#;
    t.ok("POST", &msg, "", fp_body);
    t.ok("POST", &msg, "", fp_body);
    let counts = t.sim.write_counts();
    assert_eq!(
        counts.get("message:99"),
        Some(&2),
        "a replayed fingerprint is applied (and counted) twice"
    );
    let by_content: Vec<u64> = counts
        .iter()
        .filter(|(k, _)| k.starts_with(&format!("message:{}:", t.s())))
        .map(|(_, v)| *v)
        .collect();
    assert_eq!(by_content, [2]);
    // Reads are not writes; failed writes are not counted.
    t.ok("GET", &format!("/website/{w}"), "", "");
    t.call("POST", &msg, "", "{}");
    assert_eq!(t.sim.write_counts().values().sum::<u64>(), 4);
    t.ok(
        "PATCH",
        &format!("/website/{w}/conversation/{}/state", t.s()),
        "",
        r#"{"state":"resolved"}"#,
    );
    assert!(
        t.sim
            .write_counts()
            .keys()
            .any(|k| k.starts_with("conversation:state:"))
    );
}

#[test]
fn large_seeds_are_cheap_and_lazy() {
    let cfg = CrispConfig {
        website_ids: vec!["big".to_owned()],
        conversations_per_website: 2,
        messages_per_conversation: 100_000,
        people_per_website: 20_000,
        ..CrispConfig::default()
    };
    let started = std::time::Instant::now();
    let t = T::with(cfg);
    let s = t.s();
    let latest = t.ok(
        "GET",
        &format!("/website/big/conversation/{s}/messages"),
        "",
        "",
    );
    assert_eq!(latest.as_array().unwrap().len(), 20);
    assert_eq!(
        latest[19]["content"],
        "Seeded message 99999 of conversation 0"
    );
    let mut before = latest[0]["timestamp"].as_i64().unwrap();
    let mut walked = 20;
    for _ in 0..200 {
        let batch = t.ok(
            "GET",
            &format!("/website/big/conversation/{s}/messages"),
            &format!("timestamp_before={before}"),
            "",
        );
        walked += batch.as_array().unwrap().len();
        before = batch[0]["timestamp"].as_i64().unwrap();
    }
    assert_eq!(walked, 20 * 201);
    let fp = latest[5]["fingerprint"].as_i64().unwrap();
    t.ok(
        "PATCH",
        &format!("/website/big/conversation/{s}/message/{fp}"),
        "",
        r#"{"content":"edited"}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/big/conversation/{s}/message/{fp}"),
            "",
            ""
        )["content"],
        "edited"
    );
    assert_eq!(
        t.ok("GET", "/website/big/people/profiles/1000", "", "")
            .as_array()
            .unwrap()
            .len(),
        20
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

/// A tiny deterministic generator for the garbage loop.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

#[test]
fn malformed_inputs_never_panic() {
    let t = T::new();
    let w = t.w();
    let s = t.s();
    let kp = t.sim.config().keypair(CrispTier::Plugin).unwrap().clone();
    let segments = [
        "website",
        w.as_str(),
        s.as_str(),
        "conversation",
        "conversations",
        "message",
        "messages",
        "people",
        "profile",
        "helpdesk",
        "tree",
        "path",
        "en",
        "articles",
        "1",
        "0",
        "-1",
        "%",
        "%2",
        "%FF",
        "%00",
        "..",
        ".",
        "",
        "a%2Fb",
        "99999999999999999999999999",
        "💥",
        "plugins",
        "subscription",
        "user",
        "plans",
        "campaign",
        "batch",
        "meta",
    ];
    let segments: Vec<&str> = segments.to_vec();
    let bodies = [
        "",
        "{",
        "}",
        "[]",
        "null",
        "1e999999",
        "\"\u{0}\"",
        "{\"a\":",
        "{\"type\":\"text\"}",
        "{\"sessions\":[1,2]}",
        "{\"data\":{\"a\":{\"b\":[]}}}",
        "{\"content\":null}",
        "{\"assigned\":7}",
        "{\"orders\":[null]}",
        "{\"participants\":[1]}",
        "{\"people\":{\"profiles\":[null],\"search\":{}}}",
        "{\"state\":[]}",
    ];
    let queries = [
        "",
        "%",
        "a=%FF",
        "per_page=",
        "per_page=1e9",
        "timestamp_before=-9223372036854775808",
        "search_type=filter&search_query=%7B",
        "search_filter=[{}]",
        "sort_field=",
        "&&&=",
        "code=",
        "domain=%00",
        "timestamp_around=1",
    ];
    let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
    let mut rng = Lcg(7);
    let mut statuses = BTreeSet::new();
    for i in 0..4000 {
        let depth = 1 + (rng.next() % 8) as usize;
        let mut path = String::new();
        for _ in 0..depth {
            path.push('/');
            path.push_str(rng.pick(&segments));
        }
        let body: Vec<u8> = if i % 7 == 0 {
            (0..(rng.next() % 64)).map(|_| rng.next() as u8).collect()
        } else {
            rng.pick(&bodies).as_bytes().to_vec()
        };
        let tier = rng.pick(&["plugin", "user", "website", "x"]);
        let exchange = ex(
            rng.pick(&methods),
            &path,
            rng.pick(&queries),
            &body,
            Some((&kp.identifier, &kp.key)),
            Some(tier),
        );
        let reply = t.sim.handle(&exchange);
        statuses.insert(reply.status.as_u16());
        if !reply.body.is_empty() {
            let v: Value =
                serde_json::from_slice(&reply.body).expect("every body is a JSON envelope");
            assert!(v["error"].is_boolean() && v["reason"].is_string(), "{v}");
        }
    }
    assert!(
        statuses.contains(&404) && statuses.contains(&401),
        "{statuses:?}"
    );
    // Deeply nested and huge bodies.
    let deep = "[".repeat(100_000);
    let huge = format!(
        "{{\"type\":\"text\",\"from\":\"user\",\"origin\":\"chat\",\"content\":\"{}\"}}",
        "x".repeat(2_000_000)
    );
    for body in [deep.as_str(), huge.as_str()] {
        let reply = t.sim.handle(&ex(
            "POST",
            &format!("/website/{w}/conversation/{s}/message"),
            "",
            body.as_bytes(),
            Some((&kp.identifier, &kp.key)),
            Some("plugin"),
        ));
        assert!(reply.status == StatusCode::BAD_REQUEST || reply.status == StatusCode::OK);
    }
    // Every catalogued route with garbage bodies and ids.
    for (method, pattern) in CrispSim::routes() {
        let path = pattern
            .replace("{website_id}", &w)
            .replace('{', "x")
            .replace('}', "");
        for body in ["{", "[1]", "{\"x\":1}"] {
            let m = method.as_str();
            let reply = t.sim.handle(&ex(
                m,
                &path,
                "per_page=abc",
                body.as_bytes(),
                Some((&kp.identifier, &kp.key)),
                Some("plugin"),
            ));
            assert!(reply.status.as_u16() < 500, "{m} {path}: {}", reply.status);
        }
    }
}

#[test]
fn every_route_pattern_is_distinct_and_the_table_has_275_endpoints_plus_2_rtm_discoveries() {
    let mut seen = BTreeSet::new();
    for (method, pattern) in CrispSim::routes() {
        assert!(
            seen.insert((method.clone(), pattern)),
            "duplicate {method} {pattern}"
        );
    }
    // The catalogue's 275, plus `GET /website/connect/endpoints` and `GET /user/connect/endpoints`
    // (RTM discovery for website and user tokens, which the official clients call).
    assert_eq!(seen.len(), 277);
    assert!(seen.contains(&(http::Method::GET, "/user/connect/endpoints")));
}

#[test]
fn extreme_numbers_in_bodies_and_queries_do_not_overflow() {
    let t = T::new();
    let w = t.w();
    let msg = format!("/website/{w}/conversation/{}/message", t.s());
    for _ in 0..2 {
        let body = json!({"type": "text", "from": "user", "origin": "chat", "content": "late", "timestamp": i64::MAX});
        t.ok("POST", &msg, "", &body.to_string());
    }
    let body = json!({"type": "text", "from": "user", "origin": "chat", "content": "early", "timestamp": i64::MIN});
    t.ok("POST", &msg, "", &body.to_string());
    let oldest = t.ok(
        "GET",
        &format!("/website/{w}/conversation/{}/messages", t.s()),
        "timestamp_after=-9223372036854775808",
        "",
    );
    assert_eq!(oldest[0]["content"], "Seeded message 0 of conversation 0");
    for q in [
        "filter_date_start=-9223372036854775807-01-01T00:00:00Z",
        "filter_date_end=99999999999-12-31T99:99:99.999Z",
        "filter_date_start=2026-13-01",
        "filter_date_start=2026-01-01T00:00:00.%C3%A9Z",
    ] {
        t.ok("GET", &format!("/website/{w}/conversations/1"), q, "");
    }
    t.ok(
        "GET",
        "/plugin/connect/websites/since",
        "date_since=-9223372036854775808-01-01",
        "",
    );
}

#[test]
fn the_simulator_is_shareable_across_threads() {
    fn assert_send_sync<X: Send + Sync>() {}
    assert_send_sync::<CrispSim>();
    let t = std::sync::Arc::new(T::new());
    let w = t.w();
    let s = t.s();
    let handles: Vec<_> = (0..8)
        .map(|n| {
            let t = std::sync::Arc::clone(&t);
            let path = format!("/website/{w}/conversation/{s}/message");
            std::thread::spawn(move || {
                for i in 0..50 {
                    let body = json!({"type": "text", "from": "user", "origin": "chat", "content": format!("t{n} m{i}")});
                    t.ok("POST", &path, "", &body.to_string());
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut seen = BTreeSet::new();
    let mut query = String::new();
    loop {
        let batch = t.ok(
            "GET",
            &format!("/website/{w}/conversation/{s}/messages"),
            &query,
            "",
        );
        let Some(first) = batch.as_array().unwrap().first().cloned() else {
            break;
        };
        for m in batch.as_array().unwrap() {
            assert!(seen.insert(m["fingerprint"].as_i64().unwrap()));
        }
        query = format!("timestamp_before={}", first["timestamp"]);
    }
    assert_eq!(seen.len(), 47 + 400);
    assert_eq!(t.sim.write_counts().values().sum::<u64>(), 400);
}

#[test]
fn writes_are_visible_to_the_matching_reads() {
    let t = T::new();
    let w = t.w();
    let s = t.s();
    let p = t.sim.config().plugin_id.clone();
    let person = t.sim.config().seeded_people_id(0, 3);
    let op = t.sim.config().seeded_operator_id(0, 1);
    // (write method, write path, body, read path, JSON pointer in data, expected)
    let cases: Vec<(&str, String, String, String, &str, Value)> = vec![
        (
            "PATCH",
            format!("/website/{w}/verify/settings"),
            r#"{"enabled":true}"#.to_owned(),
            format!("/website/{w}/verify/settings"),
            "/enabled",
            json!(true),
        ),
        (
            "PATCH",
            format!("/website/{w}/helpdesk/settings"),
            r#"{"behavior":{"show_chatbox":false}}"#.to_owned(),
            format!("/website/{w}/helpdesk/settings"),
            "/behavior/show_chatbox",
            json!(false),
        ),
        (
            "PATCH",
            format!("/website/{w}/helpdesk/domain"),
            r#"{"custom":"help.acme.test"}"#.to_owned(),
            format!("/website/{w}/helpdesk/domain"),
            "/custom",
            json!("help.acme.test"),
        ),
        (
            "PUT",
            format!("/plugins/subscription/{w}/{p}/settings"),
            r#"{"channel":"sales"}"#.to_owned(),
            format!("/plugins/subscription/{w}/{p}/settings"),
            "/settings",
            json!({"channel": "sales"}),
        ),
        (
            "PATCH",
            format!("/plugins/subscription/{w}/{p}/settings"),
            r#"{"x":1}"#.to_owned(),
            format!("/plugins/subscription/{w}/{p}/settings"),
            "/settings/x",
            json!(1),
        ),
        (
            "POST",
            format!("/plugins/subscription/{w}/{p}/bill/usage"),
            r#"{"name":"sms","units":2,"price":5}"#.to_owned(),
            format!("/plugins/subscription/{w}/{p}/bill/usage"),
            "/0/name",
            json!("sms"),
        ),
        (
            "PATCH",
            format!("/website/{w}/people/subscription/{person}"),
            r#"{"email":false}"#.to_owned(),
            format!("/website/{w}/people/subscription/{person}"),
            "/email",
            json!(false),
        ),
        (
            "PATCH",
            format!("/website/{w}/operator/{op}"),
            r#"{"title":"Lead"}"#.to_owned(),
            format!("/website/{w}/operator/{op}"),
            "/title",
            json!("Lead"),
        ),
        (
            "PUT",
            format!("/website/{w}/conversation/{s}/participants"),
            r#"{"participants":[{"type":"email","target":"cc@x.io"}]}"#.to_owned(),
            format!("/website/{w}/conversation/{s}/participants"),
            "/participants/0/target",
            json!("cc@x.io"),
        ),
        (
            "PUT",
            format!("/website/{w}/conversation/{s}/verify/identity/link"),
            r#"{"identity":"email","token":"t","recipient":"a@b.c"}"#.to_owned(),
            format!("/website/{w}/conversation/{s}/verify"),
            "/verified",
            json!(true),
        ),
        (
            "PATCH",
            format!("/website/{w}/conversation/{s}/compose"),
            r#"{"type":"start","from":"operator","excerpt":"Typ"}"#.to_owned(),
            format!("/website/{w}/conversation/{s}"),
            "/compose/operator/excerpt",
            json!("Typ"),
        ),
        (
            "PATCH",
            format!("/website/{w}/batch/segments"),
            json!({"sessions": [s], "segments": ["gold"]}).to_string(),
            format!("/website/{w}/conversation/{s}/meta"),
            "/segments/1",
            json!("gold"),
        ),
        (
            "PATCH",
            format!("/website/{w}/batch/data"),
            json!({"people": {"profiles": [person]}, "data": {"tier": "gold"}}).to_string(),
            format!("/website/{w}/people/data/{person}"),
            "/data/tier",
            json!("gold"),
        ),
        (
            "PATCH",
            format!("/plans/subscription/{w}/bill/period"),
            r#"{"period":"yearly"}"#.to_owned(),
            format!("/plans/subscription/{w}"),
            "/bill_period",
            json!("yearly"),
        ),
        (
            "PATCH",
            "/user/availability".to_owned(),
            r#"{"type":"away"}"#.to_owned(),
            "/user/availability/status".to_owned(),
            "/status",
            json!("away"),
        ),
        (
            "POST",
            format!("/website/{w}/conversation/{s}/browsing"),
            "{}".to_owned(),
            format!("/website/{w}/conversation/{s}/browsing"),
            "/0/useragent",
            json!("Mozilla/5.0 (sim)"),
        ),
        (
            "POST",
            format!("/website/{w}/helpdesk/locale"),
            r#"{"locale":"de"}"#.to_owned(),
            format!("/website/{w}/helpdesk/locale/de"),
            "/locale",
            json!("de"),
        ),
        (
            "DELETE",
            format!("/website/{w}/conversation/{s}/call/{}", {
                let c = t.ok(
                    "GET",
                    &format!("/website/{w}/conversation/{s}/call"),
                    "",
                    "",
                );
                c["call_id"].as_str().unwrap().to_owned()
            }),
            "{}".to_owned(),
            format!("/website/{w}/conversation/{s}/relations"),
            "/conversations/parent",
            Value::Null,
        ),
    ];
    for (m, path, body, read, pointer, expected) in cases {
        let tier = if path.starts_with("/plans") || path.starts_with("/user") {
            CrispTier::User
        } else {
            CrispTier::Plugin
        };
        let (status, v) = t.as_tier(tier, m, &path, "", &body);
        assert_eq!(status, StatusCode::OK, "{m} {path}: {v}");
        let (status, v) = t.as_tier(tier, "GET", &read, "", "");
        assert_eq!(status, StatusCode::OK, "GET {read}: {v}");
        assert_eq!(
            v["data"].pointer(pointer),
            Some(&expected),
            "{m} {path} then GET {read}{pointer}: {v}"
        );
    }
    assert_eq!(
        t.err(
            "GET",
            &format!("/website/{w}/conversation/{s}/call"),
            "",
            ""
        )
        .1,
        "call_not_found"
    );
}

#[test]
fn message_event_data_matches_the_documented_web_hook_payload() {
    let t = T::new();
    let (w, s) = (t.w(), t.s());
    let body = r#"{"type":"text","from":"user","origin":"chat","content":"Hey :)","fingerprint":150698569649423}"#;
    t.ok(
        "POST",
        &format!("/website/{w}/conversation/{s}/message"),
        "",
        body,
    );
    let data = t.sim.message_event_data(&w, &s, 150698569649423).unwrap();
    // Keys of crisp-examples/webhook-message-send.json (plus inbox_id, typed in node's events).
    for key in [
        "website_id",
        "session_id",
        "type",
        "content",
        "from",
        "origin",
        "stamped",
        "timestamp",
        "fingerprint",
        "user",
        "inbox_id",
    ] {
        assert!(data.get(key).is_some(), "{key} missing in {data}");
    }
    assert_eq!(
        (data["content"].as_str(), data["user"]["user_id"].as_str()),
        (Some("Hey :)"), Some(s.as_str()))
    );
    assert!(t.sim.message_event_data(&w, &s, 1).is_none());
    assert!(
        t.sim
            .message_event_data(&w, "session_nope", 150698569649423)
            .is_none()
    );
    let hook = t.sim.webhook_body("message:send", &w, data);
    let parsed: Value = serde_json::from_slice(&hook).unwrap();
    assert_eq!(parsed["data"]["fingerprint"], 150698569649423i64);
}
