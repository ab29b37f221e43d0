//! The outgoing request of every declared endpoint: snapshotted, compared field by field with
//! the official Node client's request (`tests/data/crisp-wire-node-11.3.0.jsonl`, `full` rows),
//! and checked to keep its route with hostile ids.

mod common;

use bytes::Bytes;
use chatdesk_transport::Body;
use chatdesk_transport::http::Request;
use common::{Fixture, client, fixtures, json_eq};
use http_body_util::BodyExt;
use percent_encoding::percent_decode_str;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn body_bytes(req: Request<Body>) -> (http::request::Parts, Bytes) {
    let (parts, body) = req.into_parts();
    let bytes = futures_executor(body.collect())
        .map(|c| c.to_bytes())
        .unwrap();
    (parts, bytes)
}

/// `Full` bodies are ready at once; poll the collect future to completion without a runtime.
fn futures_executor<F: std::future::Future>(f: F) -> F::Output {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(f)
}

/// The query as sorted, decoded `key=value` strings.
fn query_pairs(query: &str) -> Vec<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
    let mut pairs: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs.sort();
    pairs
}

fn decoded_segments(path: &str) -> Vec<String> {
    path.split('/')
        .map(|s| percent_decode_str(s).decode_utf8().unwrap().into_owned())
        .collect()
}

/// The request as a JSON document for the snapshot.
fn describe(fx: &Fixture) -> (Value, http::request::Parts, Option<Value>) {
    let req = (fx.build.build)(&client(), fx.path_args.clone(), &fx.query, fx.body.clone())
        .unwrap_or_else(|e| panic!("{}: {e}", fx.spec.name));
    let (parts, bytes) = body_bytes(req);
    let body: Option<Value> = if bytes.is_empty() {
        None
    } else {
        Some(serde_json::from_slice(&bytes).unwrap())
    };
    let headers: BTreeMap<String, String> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            let v = match k.as_str() {
                "authorization" => {
                    assert!(v.is_sensitive(), "authorization must be marked sensitive");
                    "Basic [redacted]".to_owned()
                }
                "user-agent" => v
                    .to_str()
                    .unwrap()
                    .replace(env!("CARGO_PKG_VERSION"), "[version]"),
                _ => v.to_str().unwrap().to_owned(),
            };
            (k.as_str().to_owned(), v)
        })
        .collect();
    let doc = json!({
        "call": fx.spec.call,
        "method": parts.method.as_str(),
        "path": parts.uri.path(),
        "query": query_pairs(parts.uri.query().unwrap_or("")),
        "headers": headers,
        "body": body,
    });
    (doc, parts, body)
}

/// Where our request deliberately differs from Node's, by endpoint name and field, with why.
/// The test fails on any difference not listed here, and on any listed one that went away.
const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &[
    (
        "send_email_to_website_operators",
        "body",
        "Node's WebsiteOperatorEmail type sends `userID`; the API and Go use `user_id` (docs/api/crisp-api.md §9), which we send",
    ),
    (
        "update_website_settings",
        "body",
        "Node's WebsiteSettings type sends `websiteID` in the body; the website is already in the path and the \
         API's settings document has no such key (Go has none), so we send nothing",
    ),
];

#[test]
fn every_endpoint_request_snapshot_and_node_parity() {
    let mut differences: Vec<(String, &'static str, String)> = Vec::new();
    let mut matched = 0;
    let mut snapshotted = 0;
    for fx in fixtures() {
        let (doc, parts, body) = describe(&fx);
        // The generated group method builds exactly the same request.
        let via = (fx.build.via_group)(&client(), fx.path_args.clone(), &fx.query, fx.body.clone())
            .unwrap_or_else(|e| panic!("{} via its group method: {e}", fx.spec.name));
        let (via_parts, via_body) = body_bytes(via);
        assert_eq!(via_parts.method, parts.method, "{}", fx.spec.name);
        assert_eq!(
            via_parts.uri, parts.uri,
            "{} via its group method",
            fx.spec.name
        );
        assert_eq!(via_parts.headers, parts.headers, "{}", fx.spec.name);
        let via_body: Option<Value> =
            (!via_body.is_empty()).then(|| serde_json::from_slice(&via_body).unwrap());
        assert_eq!(via_body, body, "{}", fx.spec.name);
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_json_snapshot!(fx.spec.name, doc);
        });
        snapshotted += 1;
        let Some(node) = &fx.node else { continue };
        let mut diff = |field: &'static str, detail: String| {
            differences.push((fx.spec.name.to_owned(), field, detail));
        };
        if node["http_method"] != parts.method.as_str() {
            diff(
                "method",
                format!("{} vs {}", parts.method, node["http_method"]),
            );
        }
        let ours = decoded_segments(parts.uri.path().trim_start_matches("/v1"));
        let theirs = decoded_segments(node["path"].as_str().unwrap());
        if ours != theirs {
            diff("path", format!("{ours:?} vs {theirs:?}"));
        }
        let ours = query_pairs(parts.uri.query().unwrap_or(""));
        let theirs = query_pairs(node["query_raw"].as_str().unwrap_or(""));
        if ours != theirs {
            diff("query", format!("{ours:?} vs {theirs:?}"));
        }
        let theirs = Some(node["body"].clone()).filter(|b| !b.is_null());
        let same = match (&body, &theirs) {
            (Some(a), Some(b)) => json_eq(a, b),
            (a, b) => a == b,
        };
        if !same {
            diff("body", format!("{} vs {}", json!(body), json!(theirs)));
        }
        let ct = parts
            .headers
            .get("content-type")
            .map(|v| v.to_str().unwrap());
        if ct != node["headers"]["content-type"].as_str() {
            diff(
                "content-type",
                format!("{ct:?} vs {}", node["headers"]["content-type"]),
            );
        }
        if parts.headers["x-crisp-tier"] != node["headers"]["x-crisp-tier"].as_str().unwrap() {
            diff("x-crisp-tier", String::new());
        }
        if !parts.headers.contains_key("authorization") {
            diff("authorization", String::new());
        }
        matched += 1;
    }
    let unexpected: Vec<_> = differences
        .iter()
        .filter(|(n, f, _)| {
            !KNOWN_DIFFERENCES
                .iter()
                .any(|(kn, kf, _)| kn == n && kf == f)
        })
        .collect();
    let stale: Vec<_> = KNOWN_DIFFERENCES
        .iter()
        .filter(|(kn, kf, _)| !differences.iter().any(|(n, f, _)| kn == n && kf == f))
        .collect();
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "unexpected differences from Node:\n{}\nlisted differences that no longer occur: {stale:?}",
        unexpected
            .iter()
            .map(|(n, f, d)| format!("  {n} {f}: {d}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(snapshotted, chatdesk_crisp_api::ENDPOINTS.len());
    assert_eq!(matched, 229, "every Node method is compared");
}

/// Ids a caller may not control: none of them may change the route or add to the query.
/// (`.` and `..` are refused instead: see `dot_segment_ids_are_refused_before_sending`.)
const HOSTILE: &[&str] = &[
    "a/b?c#d e",
    "x\r\nHost: evil",
    "é/ü",
    "...",
    "%2F",
    "%2E%2E",
    "a&b=c",
];

#[test]
fn hostile_ids_keep_the_route_for_every_endpoint() {
    for fx in fixtures() {
        let normal =
            (fx.build.build)(&client(), fx.path_args.clone(), &fx.query, fx.body.clone()).unwrap();
        for hostile in HOSTILE {
            let names: Vec<&str> = fx.spec.placeholders().collect();
            let args: Vec<String> = names
                .iter()
                .zip(&fx.path_args)
                .map(|(name, value)| {
                    if *name == "page_number" {
                        value.clone()
                    } else {
                        (*hostile).to_owned()
                    }
                })
                .collect();
            let req = (fx.build.build)(&client(), args.clone(), &fx.query, fx.body.clone())
                .unwrap_or_else(|e| panic!("{} {hostile:?}: {e}", fx.spec.name));
            let what = format!("{} with {hostile:?}", fx.spec.name);
            assert_eq!(req.method(), normal.method(), "{what}");
            assert_eq!(
                req.uri().query(),
                normal.uri().query(),
                "{what}: query changed"
            );
            let path = req.uri().path().strip_prefix("/v1").unwrap();
            // Literal segments stay in place, placeholders decode back to the id.
            let template: Vec<&str> = fx.spec.path.split('/').collect();
            let segments: Vec<&str> = path.split('/').collect();
            let mut j = 0;
            let mut arg = 0;
            for (i, t) in template.iter().enumerate() {
                if *t == "{path}" {
                    let take = segments.len() - j - (template.len() - i - 1);
                    let joined = decoded(&segments[j..j + take].join("/"));
                    assert_eq!(joined, args[arg].trim_matches('/'), "{what}: tree path");
                    j += take;
                    arg += 1;
                } else if t.starts_with('{') {
                    assert_eq!(decoded(segments[j]), args[arg], "{what}: segment {i}");
                    j += 1;
                    arg += 1;
                } else {
                    assert_eq!(segments[j], *t, "{what}: literal segment {i} moved");
                    j += 1;
                }
            }
            assert_eq!(j, segments.len(), "{what}: extra segments");
        }
    }
}

fn decoded(s: &str) -> String {
    percent_decode_str(s).decode_utf8().unwrap().into_owned()
}

/// `DELETE …/conversation/%2E%2E` is a delete of the website route to a URL-normalising proxy:
/// `.` and `..` ids, and such pieces of a Helpdesk tree path, never leave the process.
#[test]
fn dot_segment_ids_are_refused_before_sending() {
    use chatdesk_transport::Error;
    let refused = |result: Result<Request<Body>, Error>, what: &str| match result {
        Err(Error::InvalidRequest { reason, .. }) => {
            assert!(reason.contains("dot segment"), "{what}: {reason}")
        }
        other => panic!("{what}: {other:?}"),
    };
    let c = client();
    for dots in [".", ".."] {
        refused(
            c.website("w").conversation(dots).remove().to_request(),
            "remove_conversation",
        );
        refused(
            c.website(dots).conversation("s").remove().to_request(),
            "website id",
        );
        let articles = c.website("w").helpdesk().locale("en").content("articles");
        for tree in [
            dots.to_owned(),
            format!("guides/{dots}/x"),
            format!("/{dots}/"),
        ] {
            refused(articles.delete_tree_path(&tree).to_request(), &tree);
        }
    }
    // Near misses are ordinary ids, encoded as usual.
    let req = c
        .website("w")
        .conversation("...")
        .remove()
        .to_request()
        .unwrap();
    assert_eq!(req.uri().path(), "/v1/website/w/conversation/...");
    let req = c
        .website("w")
        .conversation("%2e")
        .remove()
        .to_request()
        .unwrap();
    assert_eq!(req.uri().path(), "/v1/website/w/conversation/%252e");
    let articles = c.website("w").helpdesk().locale("en").content("articles");
    let req = articles.delete_tree_path("a/.b/...").to_request().unwrap();
    assert_eq!(
        req.uri().path(),
        "/v1/website/w/helpdesk/tree/path/en/articles/a/.b/..."
    );
}

/// Where a `minimal` Node row (required arguments only, per Node's types) does not give the
/// same request, with why. Anything else must match.
const KNOWN_MINIMAL: &[(&str, &str)] = &[
    // Node's types make every field optional; the API needs these, so our types require them
    // and an empty body cannot be built.
    (
        "generate_bucket_url",
        "rejected: `namespace` and `file` are required",
    ),
    (
        "forward_plugin_payload_to_channel",
        "rejected: `namespace` is required",
    ),
    ("dispatch_plugin_event", "rejected: `name` is required"),
    (
        "create_website",
        "rejected: `name` and `domain` are required",
    ),
    (
        "delete_website",
        "rejected: the verification (`method`, `secret`) is required",
    ),
    (
        "mark_messages_read_in_conversation",
        "rejected: `from`, `origin` are required",
    ),
    (
        "mark_conversation_as_unread",
        "rejected: `from` is required",
    ),
    (
        "mark_messages_delivered_in_conversation",
        "rejected: `from`, `origin` are required",
    ),
    (
        "save_conversation_participants",
        "rejected: `participants` is required",
    ),
    (
        "request_identity_verification_for_conversation",
        "rejected: `identity`, `method`, `recipient` are required",
    ),
    (
        "redeem_identity_verification_link_for_conversation",
        "rejected: `identity`, `token`, `recipient` are required",
    ),
    (
        "import_people_profiles",
        "rejected: `url` and `mapping` are required",
    ),
    ("add_people_event", "rejected: `text` is required"),
    (
        "update_people_subscription_status",
        "rejected: `email` is required",
    ),
    ("batch_order_inboxes", "rejected: `orders` is required"),
    (
        "send_email_to_website_operators",
        "rejected: `recipient`, `subject`, `message` are required",
    ),
    ("update_verify_settings", "rejected: `enabled` is required"),
    // The model sends `assigned: null` explicitly: that is how the API unassigns.
    (
        "assign_conversation_routing",
        "body: `{\"assigned\":null}` where Node sends `{}`",
    ),
];

/// The `minimal` Node rows (required arguments only) build to the same request too.
#[test]
fn minimal_node_requests_match() {
    let rows = common::node_rows("minimal");
    let client = client();
    let mut compared = 0;
    let mut differing = Vec::new();
    for entry in chatdesk_crisp_api::__private::RAW {
        let spec = (entry.spec)();
        let Some(row) = common::node_row_for(&rows, spec) else {
            continue;
        };
        compared += 1;
        let args = common::path_args_from(spec.path, row["path"].as_str().unwrap());
        let query = row["query_raw"].as_str().unwrap_or("");
        let body = Some(common::snake_keys(row["body"].clone())).filter(|b| !b.is_null());
        let Ok(req) = (entry.build)(&client, args, query, body) else {
            differing.push(spec.name);
            continue;
        };
        let (parts, bytes) = body_bytes(req);
        assert_eq!(
            decoded_segments(parts.uri.path().trim_start_matches("/v1")),
            decoded_segments(row["path"].as_str().unwrap()),
            "{}",
            spec.name
        );
        let ours: Value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap()
        };
        if query_pairs(parts.uri.query().unwrap_or("")) != query_pairs(query)
            || !json_eq(&ours, &row["body"])
        {
            differing.push(spec.name);
        }
    }
    assert_eq!(compared, 229);
    let mut known: Vec<&str> = KNOWN_MINIMAL.iter().map(|(n, _)| *n).collect();
    known.sort_unstable();
    differing.sort_unstable();
    assert_eq!(
        differing, known,
        "minimal rows differing from Node (update KNOWN_MINIMAL with the reason)"
    );
}

/// Node does not percent-encode ids (its `hostile` rows change the route); we do.
#[test]
fn node_hostile_rows_would_change_the_route_ours_do_not() {
    let rows = common::node_rows("hostile");
    assert!(!rows.is_empty());
    for row in rows {
        let template = row["path_template"].as_str().unwrap();
        let entry = chatdesk_crisp_api::__private::RAW
            .iter()
            .find(|e| {
                (e.spec)().path == template && (e.spec)().method.as_str() == row["http_method"]
            })
            .unwrap();
        let args: Vec<String> = (entry.spec)()
            .placeholders()
            .map(|p| {
                if p == "page_number" {
                    "1".to_owned()
                } else {
                    "a/b?c#d e".to_owned()
                }
            })
            .collect();
        let body = Some(common::snake_keys(row["body"].clone())).filter(|b| !b.is_null());
        let req = (entry.build)(&client(), args, "", body).unwrap();
        // Every id stays one segment; only the Helpdesk tree `{path}` spans several by design.
        let tree_extra = if template.contains("{path}") { 1 } else { 0 };
        assert_eq!(
            req.uri().path().matches('/').count(),
            template.matches('/').count() + 1 + tree_extra,
            "{template}"
        );
        assert!(req.uri().query().is_none(), "{template}");
    }
}

/// The token keypair travels with every request: plain `http://` is refused unless the target
/// is loopback or the caller opted in with `allow_plain_http()`; `https://` always goes.
#[test]
fn plain_http_needs_loopback_or_the_opt_in() {
    use chatdesk_crisp_api::{Credentials, CrispClient, Tier};
    use chatdesk_transport::{Error, PlainHttpRefused};
    let build = |url: &str, opt_in: bool| {
        let b = CrispClient::builder()
            .credentials(Credentials::new("id", "key", Tier::Plugin))
            .base_url(url);
        if opt_in { b.allow_plain_http() } else { b }.build()
    };
    let err = build("http://api.crisp.chat/v1", false).unwrap_err();
    match &err {
        Error::InvalidRequest { reason, source } => {
            assert!(reason.contains("allow_plain_http()"), "{reason}");
            let typed = source
                .as_ref()
                .and_then(|s| s.downcast_ref::<PlainHttpRefused>());
            assert_eq!(typed.map(|t| t.host.as_str()), Some("api.crisp.chat"));
        }
        other => panic!("{other:?}"),
    }
    let proxied = build("http://10.1.2.3:8080/v1", true).unwrap();
    let req = proxied.website("w").get().to_request().unwrap();
    assert_eq!(req.uri(), "http://10.1.2.3:8080/v1/website/w");
    for url in [
        "http://127.0.0.1:9/v1",
        "http://[::1]:9/v1",
        "http://localhost:9/v1",
        "https://api.crisp.chat/v1",
    ] {
        assert!(build(url, false).is_ok(), "{url}");
    }
}
