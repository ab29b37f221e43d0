//! Conversations and messages: lists, search, the message walk, sends and their effects.

use super::*;

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
