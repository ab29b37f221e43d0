//! Unit tests of the Crisp simulator: `CrispSim::handle` driven with `Exchange` values.

use std::collections::BTreeSet;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::{Value, json};

use super::*;

fn small() -> CrispConfig {
    CrispConfig {
        conversations_per_website: 45,
        messages_per_conversation: 47,
        people_per_website: 61,
        visitors_per_website: 25,
        ..CrispConfig::default()
    }
}

struct T {
    sim: CrispSim,
}

fn ex(
    method: &str,
    path: &str,
    query: &str,
    body: &[u8],
    auth: Option<(&str, &str)>,
    tier: Option<&str>,
) -> Exchange {
    let mut headers = HeaderMap::new();
    if let Some((id, key)) = auth {
        let raw = format!("{id}:{key}");
        let value = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        );
        headers.insert("authorization", HeaderValue::from_str(&value).unwrap());
    }
    if let Some(t) = tier {
        headers.insert("x-crisp-tier", HeaderValue::from_str(t).unwrap());
    }
    Exchange {
        method: Method::from_bytes(method.as_bytes()).unwrap(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Bytes::copy_from_slice(body),
    }
}

impl T {
    fn new() -> T {
        T::with(small())
    }

    fn with(cfg: CrispConfig) -> T {
        T {
            sim: CrispSim::new(cfg),
        }
    }

    fn w(&self) -> String {
        self.sim.website_id().to_owned()
    }

    fn s(&self) -> String {
        self.sim.session_id()
    }

    fn as_tier(
        &self,
        tier: CrispTier,
        method: &str,
        path: &str,
        query: &str,
        body: &str,
    ) -> (StatusCode, Value) {
        let kp = self.sim.config().keypair(tier).unwrap().clone();
        let reply = self.sim.handle(&ex(
            method,
            path,
            query,
            body.as_bytes(),
            Some((&kp.identifier, &kp.key)),
            Some(tier.as_str()),
        ));
        let v = if reply.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&reply.body).unwrap()
        };
        (reply.status, v)
    }

    /// As the plugin (default) keypair.
    fn call(&self, method: &str, path: &str, query: &str, body: &str) -> (StatusCode, Value) {
        self.as_tier(CrispTier::Plugin, method, path, query, body)
    }

    fn ok(&self, method: &str, path: &str, query: &str, body: &str) -> Value {
        let (status, v) = self.call(method, path, query, body);
        // The message walk says 206 while older messages exist (see tests/message_walk_status.rs).
        let partial_ok = path.ends_with("/messages") && status == StatusCode::PARTIAL_CONTENT;
        if !partial_ok {
            assert_eq!(status, StatusCode::OK, "{method} {path}?{query}: {v}");
        }
        assert_eq!(v["error"], json!(false), "{v}");
        v["data"].clone()
    }

    fn err(&self, method: &str, path: &str, query: &str, body: &str) -> (StatusCode, String) {
        let (status, v) = self.call(method, path, query, body);
        assert!(!status.is_success(), "{method} {path} should fail: {v}");
        if method != "HEAD" {
            assert_eq!(v["error"], json!(true), "{v}");
            assert!(v["data"]["message"].is_string(), "{v}");
        }
        (status, v["reason"].as_str().unwrap_or("").to_owned())
    }
}

// ---------------------------------------------------------------------------------------------
// Auth and tiers
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_or_wrong_credentials_are_401_invalid_session() {
    let t = T::new();
    let path = format!("/website/{}", t.w());
    let kp = t.sim.config().keypair(CrispTier::Plugin).unwrap().clone();
    for exchange in [
        ex("GET", &path, "", b"", None, Some("plugin")),
        ex(
            "GET",
            &path,
            "",
            b"",
            Some((&kp.identifier, "wrong")),
            Some("plugin"),
        ),
        ex(
            "GET",
            &path,
            "",
            b"",
            Some(("nobody", &kp.key)),
            Some("plugin"),
        ),
        // The right keypair announced as another tier (and the default tier is `user`).
        ex(
            "GET",
            &path,
            "",
            b"",
            Some((&kp.identifier, &kp.key)),
            Some("website"),
        ),
        ex("GET", &path, "", b"", Some((&kp.identifier, &kp.key)), None),
        ex(
            "GET",
            &path,
            "",
            b"",
            Some((&kp.identifier, &kp.key)),
            Some("admin"),
        ),
    ] {
        let reply = t.sim.handle(&exchange);
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        let v: Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(v["reason"], "invalid_session");
        assert_eq!(v["error"], true);
    }
    let mut bad_scheme = ex("GET", &path, "", b"", None, Some("plugin"));
    bad_scheme
        .headers
        .insert("authorization", HeaderValue::from_static("Bearer abc"));
    assert_eq!(t.sim.handle(&bad_scheme).status, StatusCode::UNAUTHORIZED);
    let mut bad_b64 = ex("GET", &path, "", b"", None, Some("plugin"));
    bad_b64
        .headers
        .insert("authorization", HeaderValue::from_static("Basic %%%"));
    assert_eq!(t.sim.handle(&bad_b64).status, StatusCode::UNAUTHORIZED);
    // Every configured tier authenticates with its own header.
    for tier in [CrispTier::User, CrispTier::Website, CrispTier::Plugin] {
        assert_eq!(
            t.as_tier(tier, "GET", &path, "", "").0,
            StatusCode::OK,
            "{tier:?}"
        );
    }
}

#[test]
fn routes_outside_a_tier_are_403_restricted_route_tier() {
    let t = T::new();
    let w = t.w();
    let user_only = [
        (
            "POST",
            "/website".to_owned(),
            r#"{"name":"A","domain":"a.example.com"}"#,
        ),
        (
            "DELETE",
            format!("/website/{w}"),
            r#"{"verify":{"method":"password","secret":"x"}}"#,
        ),
        ("DELETE", format!("/website/{w}/expunge"), ""),
        ("GET", "/plans/subscription".to_owned(), ""),
        ("GET", format!("/plans/subscription/{w}"), ""),
        ("GET", "/user/account".to_owned(), ""),
        ("GET", "/user/availability".to_owned(), ""),
    ];
    for (m, p, b) in &user_only {
        for tier in [CrispTier::Plugin, CrispTier::Website] {
            let (status, v) = t.as_tier(tier, m, p, "", b);
            assert_eq!(status, StatusCode::FORBIDDEN, "{m} {p} as {tier:?}: {v}");
            assert_eq!(v["reason"], "restricted_route_tier");
        }
        assert!(
            t.as_tier(CrispTier::User, m, p, "", b).0.is_success(),
            "{m} {p} as user"
        );
    }
    for tier in [CrispTier::User, CrispTier::Website] {
        let (status, v) = t.as_tier(tier, "GET", "/plugin/connect/account", "", "");
        assert_eq!(
            (status, v["reason"].as_str()),
            (StatusCode::FORBIDDEN, Some("restricted_route_tier"))
        );
    }
    assert_eq!(
        t.ok("GET", "/plugin/connect/account", "", "")["plugin_id"],
        json!(t.sim.config().plugin_id)
    );
}

#[test]
fn plugin_tokens_need_the_plugin_installed_404_not_subscribed() {
    let t = T::new();
    // Unknown website.
    let (status, reason) = t.err("GET", "/website/nope/conversations/1", "", "");
    assert_eq!(
        (status, reason.as_str()),
        (StatusCode::NOT_FOUND, "not_subscribed")
    );
    // The user tier sees an unknown website as not found.
    let (status, v) = t.as_tier(CrispTier::User, "GET", "/website/nope", "", "");
    assert_eq!(
        (status, v["reason"].as_str()),
        (StatusCode::NOT_FOUND, Some("website_not_found"))
    );
    // A website created by the user has no plugin until subscribed.
    let created = t
        .as_tier(
            CrispTier::User,
            "POST",
            "/website",
            "",
            r#"{"name":"New","domain":"new.example.com"}"#,
        )
        .1;
    let id = created["data"]["website_id"].as_str().unwrap().to_owned();
    assert_eq!(
        t.as_tier(CrispTier::User, "GET", &format!("/website/{id}"), "", "")
            .0,
        StatusCode::OK
    );
    let (status, reason) = t.err("GET", &format!("/website/{id}"), "", "");
    assert_eq!(
        (status, reason.as_str()),
        (StatusCode::NOT_FOUND, "not_subscribed")
    );
    let pid = t.sim.config().plugin_id.clone();
    let body = json!({ "plugin_id": pid }).to_string();
    assert_eq!(
        t.as_tier(
            CrispTier::User,
            "POST",
            &format!("/plugins/subscription/{id}"),
            "",
            &body
        )
        .0,
        StatusCode::OK
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{id}"), "", "")["domain"],
        "new.example.com"
    );
    // And loses access when unsubscribed.
    let w = t.w();
    assert_eq!(
        t.as_tier(
            CrispTier::User,
            "DELETE",
            &format!("/plugins/subscription/{w}/{pid}"),
            "",
            ""
        )
        .0,
        StatusCode::OK
    );
    assert_eq!(
        t.err("GET", &format!("/website/{w}"), "", "").1,
        "not_subscribed"
    );
}

// ---------------------------------------------------------------------------------------------
// Conversations and messages
// ---------------------------------------------------------------------------------------------

#[test]
fn conversation_create_send_list_edit_delete() {
    let t = T::new();
    let w = t.w();
    let sid = t.ok("POST", &format!("/website/{w}/conversation"), "", "{}")["session_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(sid.starts_with("session_"));
    let base = format!("/website/{w}/conversation/{sid}");
    assert_eq!(t.call("HEAD", &base, "", "").0, StatusCode::OK);
    // Empty conversations are listed only with include_empty=1.
    let listed = |q: &str| -> Vec<String> {
        let mut all = Vec::new();
        for page in 1.. {
            let items = t.ok("GET", &format!("/website/{w}/conversations/{page}"), q, "");
            let items = items.as_array().unwrap().clone();
            if items.is_empty() {
                break;
            }
            all.extend(
                items
                    .iter()
                    .map(|c| c["session_id"].as_str().unwrap().to_owned()),
            );
        }
        all
    };
    assert!(!listed("").contains(&sid));
    assert!(listed("include_empty=1").contains(&sid));
    assert!(
        t.ok("GET", &format!("{base}/messages"), "", "")
            .as_array()
            .unwrap()
            .is_empty()
    );

    let sent = t.ok(
        "POST",
        &format!("{base}/message"),
        "",
        r#"{"type":"text","from":"user","origin":"chat","content":"Hello there"}"#,
    );
    let fp = sent["fingerprint"].as_i64().unwrap();
    let with_fp = t.ok(
        "POST",
        &format!("{base}/message"),
        "",
        r#"{"type":"text","from":"operator","origin":"chat","content":"Hi!","fingerprint":1234567}"#,
    );
    assert_eq!(with_fp["fingerprint"], 1234567);
    let list = listed("");
    assert_eq!(
        list.first(),
        Some(&sid),
        "the updated conversation comes first"
    );
    let conv = t.ok("GET", &base, "", "");
    assert_eq!(conv["last_message"], "Hi!");
    assert_eq!(conv["state"], "unresolved");
    assert_eq!(conv["preview_message"]["fingerprint"], 1234567);

    let msgs = t.ok("GET", &format!("{base}/messages"), "", "");
    let contents: Vec<&str> = msgs
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["content"].as_str().unwrap())
        .collect();
    assert_eq!(contents, ["Hello there", "Hi!"]);
    assert_eq!(msgs[0]["fingerprint"], fp);
    assert_eq!(msgs[0]["session_id"], json!(sid));

    // Edit, read marks, single message fetch.
    t.ok(
        "PATCH",
        &format!("{base}/message/{fp}"),
        "",
        r#"{"content":"Hello (edited)"}"#,
    );
    let one = t.ok("GET", &format!("{base}/message/{fp}"), "", "");
    assert_eq!(
        (one["content"].as_str(), one["edited"].as_bool()),
        (Some("Hello (edited)"), Some(true))
    );
    t.ok(
        "PATCH",
        &format!("{base}/read"),
        "",
        &json!({"from": "operator", "origin": "chat", "fingerprints": [fp]}).to_string(),
    );
    assert_eq!(
        t.ok("GET", &format!("{base}/message/{fp}"), "", "")["read"],
        "chat"
    );
    assert_eq!(t.ok("GET", &base, "", "")["unread"]["operator"], 0);
    // Content must match the message type.
    assert_eq!(
        t.err(
            "PATCH",
            &format!("{base}/message/{fp}"),
            "",
            r#"{"content":{"a":1}}"#
        )
        .1,
        "invalid_data"
    );

    // Delete.
    t.ok("DELETE", &format!("{base}/message/{fp}"), "", "");
    assert_eq!(
        t.err("GET", &format!("{base}/message/{fp}"), "", "").1,
        "message_not_found"
    );
    assert_eq!(
        t.ok("GET", &format!("{base}/messages"), "", "")
            .as_array()
            .unwrap()
            .len(),
        1
    );
    t.ok("DELETE", &base, "", "");
    assert_eq!(t.call("HEAD", &base, "", "").0, StatusCode::NOT_FOUND);
    assert_eq!(t.err("GET", &base, "", "").1, "session_not_found");

    let counts = t.sim.write_counts();
    assert_eq!(counts.get("conversation:create:1"), Some(&1));
    assert_eq!(counts.get("message:1234567"), Some(&1));
    assert_eq!(
        counts
            .keys()
            .filter(|k| k.starts_with(&format!("message:{sid}:")))
            .count(),
        1
    );
}

#[test]
fn conversation_state_meta_routing_block_and_inbox_are_stateful() {
    let t = T::new();
    let w = t.w();
    let base = format!("/website/{w}/conversation/{}", t.s());
    t.ok(
        "PATCH",
        &format!("{base}/state"),
        "",
        r#"{"state":"resolved"}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("{base}/state"), "", "")["state"],
        "resolved"
    );
    assert_eq!(
        t.err(
            "PATCH",
            &format!("{base}/state"),
            "",
            r#"{"state":"closed"}"#
        )
        .1,
        "invalid_data"
    );
    t.ok(
        "PATCH",
        &format!("{base}/meta"),
        "",
        r#"{"nickname":"Ada","data":{"plan":"team"},"segments":["a","b"]}"#,
    );
    t.ok(
        "PATCH",
        &format!("{base}/meta"),
        "",
        r#"{"data":{"seats":3}}"#,
    );
    let meta = t.ok("GET", &format!("{base}/meta"), "", "");
    assert_eq!(meta["nickname"], "Ada");
    assert_eq!(meta["data"], json!({"plan": "team", "seats": 3}));
    assert_eq!(meta["segments"], json!(["a", "b"]));
    t.ok(
        "PATCH",
        &format!("{base}/routing"),
        "",
        r#"{"assigned":{"user_id":"op-1"}}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("{base}/routing"), "", "")["assigned"]["user_id"],
        "op-1"
    );
    assert_eq!(t.ok("GET", &base, "", "")["assigned"]["user_id"], "op-1");
    t.ok(
        "PATCH",
        &format!("{base}/routing"),
        "",
        r#"{"assigned":null}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("{base}/routing"), "", "")["assigned"],
        Value::Null
    );
    t.ok("PATCH", &format!("{base}/block"), "", r#"{"blocked":true}"#);
    assert_eq!(
        t.ok("GET", &format!("{base}/block"), "", "")["blocked"],
        true
    );
    assert_eq!(t.ok("GET", &base, "", "")["is_blocked"], true);
    t.ok(
        "PATCH",
        &format!("{base}/inbox"),
        "",
        r#"{"inbox_id":"inbox-x"}"#,
    );
    let only_inbox = t.ok(
        "GET",
        &format!("/website/{w}/conversations/1"),
        "filter_inbox_id=inbox-x",
        "",
    );
    assert_eq!(only_inbox.as_array().unwrap().len(), 1);
    let note = json!({"type": "note", "from": "operator", "origin": "chat", "content": "@op-2 look", "mentions": ["op-2"]});
    t.ok("POST", &format!("{base}/message"), "", &note.to_string());
    let mentioned = t.ok(
        "GET",
        &format!("/website/{w}/conversations/1"),
        "filter_mention=1",
        "",
    );
    assert_eq!(mentioned.as_array().unwrap().len(), 1);
    assert_eq!(mentioned[0]["mentions"], json!(["op-2"]));
    let resolved = t.ok(
        "GET",
        &format!("/website/{w}/conversations/1"),
        "filter_resolved=1&per_page=50",
        "",
    );
    assert!(
        resolved
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["state"] == "resolved")
    );
    // Batch operations reach the same state.
    let body = json!({"sessions": [t.s()]}).to_string();
    t.ok("PATCH", &format!("/website/{w}/batch/unresolve"), "", &body);
    assert_eq!(
        t.ok("GET", &format!("{base}/state"), "", "")["state"],
        "unresolved"
    );
    // Text search and JSON filters.
    let found = t.ok(
        "GET",
        &format!("/website/{w}/conversations/1"),
        "search_query=ada&search_type=text",
        "",
    );
    assert_eq!(found.as_array().unwrap().len(), 1);
    let filter = json!([{"model": "session", "criterion": "meta.nickname", "operator": "eq", "query": ["Ada"]}]).to_string();
    let q =
        serde_urlencoded::to_string([("search_type", "filter"), ("search_query", filter.as_str())])
            .unwrap();
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/conversations/1"), &q, "")
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        t.err(
            "GET",
            &format!("/website/{w}/conversations/1"),
            "search_type=filter&search_query=%5Bnope",
            ""
        )
        .1,
        "invalid_data"
    );
}

#[test]
fn message_paging_with_timestamp_before_walks_every_message_once() {
    let t = T::new();
    let w = t.w();
    let base = format!("/website/{w}/conversation/{}", t.s());
    for i in 0..3 {
        t.ok("POST", &format!("{base}/message"), "", &json!({"type": "note", "from": "operator", "origin": "chat", "content": format!("n{i}")}).to_string());
    }
    let mut seen = Vec::new();
    let mut query = String::new();
    loop {
        let batch = t.ok("GET", &format!("{base}/messages"), &query, "");
        let batch = batch.as_array().unwrap().clone();
        if batch.is_empty() {
            break;
        }
        assert!(batch.len() <= 20);
        let ts: Vec<i64> = batch
            .iter()
            .map(|m| m["timestamp"].as_i64().unwrap())
            .collect();
        assert!(
            ts.windows(2).all(|p| p[0] < p[1]),
            "a batch is in ascending order"
        );
        for m in batch.iter().rev() {
            seen.push(m["fingerprint"].as_i64().unwrap());
        }
        query = format!("timestamp_before={}", ts[0]);
    }
    assert_eq!(seen.len(), 47 + 3);
    assert_eq!(
        seen.iter().collect::<BTreeSet<_>>().len(),
        seen.len(),
        "each message once"
    );
    // timestamp_after walks forward from the oldest.
    let oldest = t.ok("GET", &format!("{base}/messages"), "timestamp_before=1", "");
    assert!(oldest.as_array().unwrap().is_empty());
    let first = t.ok("GET", &format!("{base}/messages"), "timestamp_after=0", "");
    assert_eq!(first[0]["content"], "Seeded message 0 of conversation 0");
    assert_eq!(
        t.err(
            "GET",
            &format!("{base}/messages"),
            "timestamp_before=yesterday",
            ""
        )
        .1,
        "invalid_data"
    );
}

#[test]
fn conversation_pages_walk_every_conversation_once_and_end_empty() {
    let t = T::new();
    let w = t.w();
    for (per_page, query) in [
        (20, String::new()),
        (50, "per_page=50".to_owned()),
        (20, "order_date_created=1".to_owned()),
    ] {
        let mut seen = Vec::new();
        let mut page = 1;
        loop {
            let items = t.ok(
                "GET",
                &format!("/website/{w}/conversations/{page}"),
                &query,
                "",
            );
            let items = items.as_array().unwrap().clone();
            if items.is_empty() {
                break;
            }
            assert!(items.len() <= per_page);
            seen.extend(
                items
                    .iter()
                    .map(|c| c["session_id"].as_str().unwrap().to_owned()),
            );
            page += 1;
        }
        assert_eq!(seen.len(), 45, "{query}");
        assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), 45, "{query}");
        assert_eq!(page, 45usize.div_ceil(per_page) + 1, "{query}");
    }
    for bad in ["per_page=10", "per_page=51", "per_page=x"] {
        assert_eq!(
            t.err("GET", &format!("/website/{w}/conversations/1"), bad, "")
                .1,
            "invalid_data"
        );
    }
    for bad_page in ["0", "-1", "x", "99999999999999999999999"] {
        assert_eq!(
            t.err(
                "GET",
                &format!("/website/{w}/conversations/{bad_page}"),
                "",
                ""
            )
            .1,
            "invalid_data"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

#[test]
fn people_create_update_data_and_list() {
    let t = T::new();
    let w = t.w();
    let created = t.ok(
        "POST",
        &format!("/website/{w}/people/profile"),
        "",
        r#"{"email":"Ada@Example.com","person":{"nickname":"Ada L"},"segments":["vip"]}"#,
    );
    let id = created["people_id"].as_str().unwrap().to_owned();
    let (status, reason) = t.err(
        "POST",
        &format!("/website/{w}/people/profile"),
        "",
        r#"{"email":"ada@example.com"}"#,
    );
    assert_eq!(
        (status, reason.as_str()),
        (StatusCode::CONFLICT, "people_exists")
    );
    assert_eq!(
        t.err(
            "POST",
            &format!("/website/{w}/people/profile"),
            "",
            r#"{"person":{}}"#
        )
        .1,
        "invalid_data"
    );
    let by_email = t.ok(
        "GET",
        &format!("/website/{w}/people/profile/ada%40example.com"),
        "",
        "",
    );
    assert_eq!(by_email["people_id"], json!(id));
    assert_eq!(by_email["person"]["nickname"], "Ada L");
    t.ok(
        "PATCH",
        &format!("/website/{w}/people/profile/{id}"),
        "",
        r#"{"person":{"phone":"+331"},"notepad":"hi"}"#,
    );
    let p = t.ok("GET", &format!("/website/{w}/people/profile/{id}"), "", "");
    assert_eq!(
        (
            p["person"]["nickname"].as_str(),
            p["person"]["phone"].as_str(),
            p["notepad"].as_str()
        ),
        (Some("Ada L"), Some("+331"), Some("hi"))
    );
    t.ok(
        "PUT",
        &format!("/website/{w}/people/data/{id}"),
        "",
        r#"{"data":{"plan":"pro"}}"#,
    );
    t.ok(
        "PATCH",
        &format!("/website/{w}/people/data/{id}"),
        "",
        r#"{"data":{"seats":5}}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/people/data/{id}"), "", "")["data"],
        json!({"plan": "pro", "seats": 5})
    );
    assert_eq!(
        t.err(
            "PATCH",
            &format!("/website/{w}/people/data/{id}"),
            "",
            r#"{"data":{"x":[1]}}"#
        )
        .1,
        "invalid_data"
    );
    t.ok(
        "POST",
        &format!("/website/{w}/people/events/{id}"),
        "",
        r#"{"text":"Signed up","color":"blue"}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/people/events/{id}/list/1"),
            "",
            ""
        )[0]["text"],
        "Signed up"
    );
    let found = t.ok(
        "GET",
        &format!("/website/{w}/people/profiles/1"),
        "search_text=ada",
        "",
    );
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/people/stats"), "", "")["total"],
        62
    );
    let segs = t.ok(
        "GET",
        &format!("/website/{w}/people/suggest/segments/1"),
        "",
        "",
    );
    assert_eq!(segs, json!([{"segment": "vip", "count": 1}]));
    t.ok(
        "DELETE",
        &format!("/website/{w}/people/profile/{id}"),
        "",
        "",
    );
    assert_eq!(
        t.call("HEAD", &format!("/website/{w}/people/profile/{id}"), "", "")
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.sim.write_counts().get("people:create:ada@example.com"),
        Some(&1)
    );
}

#[test]
fn people_pages_walk_every_profile_once() {
    let t = T::new();
    let w = t.w();
    let mut seen = BTreeSet::new();
    let mut pages = 0;
    for page in 1.. {
        let items = t.ok(
            "GET",
            &format!("/website/{w}/people/profiles/{page}"),
            "",
            "",
        );
        let items = items.as_array().unwrap().clone();
        if items.is_empty() {
            break;
        }
        pages += 1;
        for p in items {
            assert!(seen.insert(p["people_id"].as_str().unwrap().to_owned()));
        }
    }
    assert_eq!((seen.len(), pages), (61, 4));
    let sorted = t.ok(
        "GET",
        &format!("/website/{w}/people/profiles/1"),
        "sort_field=email&sort_order=descending&per_page=50",
        "",
    );
    assert_eq!(sorted.as_array().unwrap().len(), 50);
    assert_eq!(sorted[0]["email"], "person9@site0.example.com");
}

// ---------------------------------------------------------------------------------------------
// Other resources
// ---------------------------------------------------------------------------------------------

#[test]
fn generic_collections_create_get_list_update_delete() {
    let t = T::new();
    let w = t.w();
    let id = t.ok(
        "POST",
        &format!("/website/{w}/inbox"),
        "",
        r#"{"name":"Sales","emoji":"💰","order":5}"#,
    )["inbox_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        t.call("HEAD", &format!("/website/{w}/inbox/{id}"), "", "")
            .0,
        StatusCode::OK
    );
    let inbox = t.ok("GET", &format!("/website/{w}/inbox/{id}"), "", "");
    assert_eq!(
        (inbox["name"].as_str(), inbox["inbox_id"].as_str()),
        (Some("Sales"), Some(id.as_str()))
    );
    t.ok(
        "PUT",
        &format!("/website/{w}/inbox/{id}"),
        "",
        r#"{"name":"Sales EU"}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/inbox/{id}"), "", "")["name"],
        "Sales EU"
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/inbox/{id}"), "", "")["inbox_id"],
        json!(id)
    );
    let all = t.ok("GET", &format!("/website/{w}/inboxes/list/1"), "", "");
    assert_eq!(all.as_array().unwrap().len(), 3);
    t.ok("DELETE", &format!("/website/{w}/inbox/{id}"), "", "");
    assert_eq!(
        t.err("GET", &format!("/website/{w}/inbox/{id}"), "", "").0,
        StatusCode::NOT_FOUND
    );

    // Campaigns: 25 seeded, two pages then an empty one; dispatch changes the state.
    let pages: Vec<usize> = (1..=3)
        .map(|p| {
            t.ok("GET", &format!("/website/{w}/campaigns/list/{p}"), "", "")
                .as_array()
                .unwrap()
                .len()
        })
        .collect();
    assert_eq!(pages, [20, 5, 0]);
    let cid = t.ok(
        "POST",
        &format!("/website/{w}/campaign"),
        "",
        r#"{"type":"one-shot","name":"Launch"}"#,
    )["campaign_id"]
        .as_str()
        .unwrap()
        .to_owned();
    t.ok(
        "POST",
        &format!("/website/{w}/campaign/{cid}/dispatch"),
        "",
        "{}",
    );
    let c = t.ok("GET", &format!("/website/{w}/campaign/{cid}"), "", "");
    assert_eq!(
        (c["name"].as_str(), c["dispatched"].as_bool()),
        (Some("Launch"), Some(true))
    );

    // Operators: invite then list.
    t.ok(
        "POST",
        &format!("/website/{w}/operator"),
        "",
        r#"{"email":"new@op.example.com","role":"member","verify":true}"#,
    );
    let ops = t.ok("GET", &format!("/website/{w}/operators/list"), "", "");
    assert!(
        ops.as_array()
            .unwrap()
            .iter()
            .any(|o| o["details"]["email"] == "new@op.example.com")
    );
    assert_eq!(ops[0]["type"], "website");

    // Settings deep-merge.
    t.ok(
        "PATCH",
        &format!("/website/{w}/settings"),
        "",
        r#"{"chatbox":{"color_theme":"red"},"name":"Renamed"}"#,
    );
    let settings = t.ok("GET", &format!("/website/{w}/settings"), "", "");
    assert_eq!(
        (
            settings["chatbox"]["color_theme"].as_str(),
            settings["chatbox"]["locale"].as_str()
        ),
        (Some("red"), Some(""))
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}"), "", "")["name"],
        "Renamed"
    );

    // Visitors: counted and paged.
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/visitors/count"), "", "")["count"],
        25
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/visitors/list/2"), "", "")
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/visitors/blocked/ip_domain"),
            "",
            ""
        ),
        2
    );
    t.ok(
        "DELETE",
        &format!("/website/{w}/visitors/blocked/ip_domain"),
        "",
        "",
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/visitors/blocked"), "", ""),
        json!({"rule": ["email_domain"], "blocked": 1})
    );
}

#[test]
fn helpdesk_tree_paths_span_segments_and_move() {
    let t = T::new();
    let w = t.w();
    let base = format!("/website/{w}/helpdesk/tree");
    assert_eq!(
        t.ok(
            "GET",
            &format!("{base}/page/en/articles/guides/getting%20started"),
            "",
            ""
        )["title"],
        "Getting started (guide)"
    );
    t.ok(
        "POST",
        &format!("{base}/path/en/articles/guides/faq/billing"),
        "",
        "{}",
    );
    t.ok(
        "PUT",
        &format!("{base}/content/en/articles/guides/faq/billing"),
        "",
        r#"{"content":"Pay us"}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("{base}/content/en/articles/guides/faq/billing"),
            "",
            ""
        )["content"],
        "Pay us"
    );
    t.ok(
        "PATCH",
        &format!("{base}/path/en/articles/guides/faq/billing"),
        "",
        r#"{"action":"move","path":{"to":"billing"}}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("{base}/content/en/articles/billing"),
            "",
            ""
        )["content"],
        "Pay us"
    );
    assert_eq!(
        t.err(
            "GET",
            &format!("{base}/content/en/articles/guides/faq/billing"),
            "",
            ""
        )
        .0,
        StatusCode::NOT_FOUND
    );
    let top = t.ok("GET", &format!("{base}/list/en/articles/1"), "", "");
    let slugs: BTreeSet<&str> = top
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        BTreeSet::from(["billing", "getting-started", "guides"])
    );
    assert_eq!(
        t.err("GET", &format!("{base}/list/en/manuals/1"), "", "").1,
        "invalid_data"
    );
    assert_eq!(
        t.err("GET", &format!("{base}/list/de/articles/1"), "", "")
            .1,
        "locale_not_found"
    );
    let history = t.ok(
        "GET",
        &format!("/website/{w}/helpdesk/history/changes/1"),
        "",
        "",
    );
    assert_eq!(history[0]["message"], "Move entry");
}

// ---------------------------------------------------------------------------------------------
// Protocol edges
// ---------------------------------------------------------------------------------------------

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
    for route in routes::ROUTES {
        let path = route
            .pattern
            .replace("{website_id}", &w)
            .replace('{', "x")
            .replace('}', "");
        for body in ["{", "[1]", "{\"x\":1}"] {
            let m = format!("{:?}", route.method).to_uppercase();
            let reply = t.sim.handle(&ex(
                &m,
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
fn every_route_pattern_is_distinct_and_the_table_has_275_endpoints() {
    let mut seen = BTreeSet::new();
    for r in routes::ROUTES {
        assert!(
            seen.insert((format!("{:?}", r.method), r.pattern)),
            "duplicate {:?} {}",
            r.method,
            r.pattern
        );
    }
    assert_eq!(seen.len(), 275);
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
