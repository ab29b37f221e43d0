//! The simulator's Carrot answers have the vendor's shape: every field of each published example
//! (`tests/data/carrot-examples/`) is present in the matching answer with the same JSON type.

mod common;

use chatdesk_sim::{Seed, Sim};
use common::*;
use serde_json::Value;

/// Keys whose members are data (user properties, row numbers), not schema.
const DATA_KEYS: [&str; 3] = ["props", "row_errors", "params"];

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Collects every difference between the vendor example `want` and our answer `got`.
fn compare(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Null, _) => {}
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                match g.get(k) {
                    None => out.push(format!("{path}.{k}: missing")),
                    Some(gv) if DATA_KEYS.contains(&k.as_str()) => {
                        if kind(gv) != kind(wv) && !wv.is_null() {
                            out.push(format!("{path}.{k}: {} instead of {}", kind(gv), kind(wv)));
                        }
                    }
                    Some(gv) => compare(&format!("{path}.{k}"), wv, gv, out),
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            if let Some(g0) = g.first() {
                // Element by element (cursor positions mix types); extra example items are
                // compared with our first one.
                for (i, w) in w.iter().enumerate() {
                    compare(&format!("{path}[{i}]"), w, g.get(i).unwrap_or(g0), out);
                }
            } else if !w.is_empty() {
                out.push(format!("{path}: empty, the example has items"));
            }
        }
        (w, g) if kind(w) == kind(g) => {}
        (w, g) => out.push(format!(
            "{path}: {} {g} instead of {} like {w}",
            kind(g),
            kind(w)
        )),
    }
}

fn example(name: &str) -> Value {
    let path = format!(
        "{}/tests/data/carrot-examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn check(name: &str, got: &Value, failures: &mut Vec<String>) {
    let mut out = Vec::new();
    compare("$", &example(name), got, &mut out);
    failures.extend(out.into_iter().map(|d| format!("{name}: {d}")));
}

/// One request: the example its answer must match (none for a write that sets the scene), the
/// method, the path and the form fields.
type Step<'a> = (Option<&'a str>, &'a str, String, &'a [(&'a str, &'a str)]);

#[tokio::test]
async fn answers_match_the_vendor_examples() {
    // Three messages per conversation: the last one is from the user, as in the examples.
    let sim = Sim::builder()
        .seed(Seed {
            users: 2,
            conversations: 6,
            messages_per_conversation: 3,
            events_per_user: 3,
            admins: 2,
            big_ids: false,
        })
        .start()
        .await
        .unwrap();
    let app = sim.carrot_app_id();
    let user = sim.carrot_user_ids()[0];
    let convs = sim.carrot_conversation_ids();
    let (c0, c1, c2) = (convs[0], convs[1], convs[2]);
    let mut failures = Vec::new();

    let admin = sim.carrot_admin_ids()[1].to_string();
    let by_admin = ("from_admin", "default_admin");
    // In order.
    #[rustfmt::skip]
    let steps: [Step; 20] = [
        (Some("conversations_get.json"), "GET", format!("/conversations/{c0}"), &[]),
        // Parts: the newest is an admin reply, as in the example.
        (None, "POST", format!("/conversations/{c1}/reply"), &[("body", "admin"), by_admin]),
        (Some("conversations_parts.json"), "GET", format!("/conversations/{c1}/parts?paginate_count=1"), &[]),
        (Some("conversations_parts_v1.json"), "GET", format!("/v1/conversations/{c1}/parts?count=1"), &[]),
        (Some("conversations_assign.json"), "POST", format!("/conversations/{c2}/assign"), &[("admin", &admin), by_admin]),
        (Some("conversations_close.json"), "POST", format!("/conversations/{c2}/close"), &[by_admin]),
        (Some("conversations_tag_post.json"), "POST", format!("/conversations/{c2}/tag"), &[("tag", "t1")]),
        (Some("conversations_tag_post.json"), "DELETE", format!("/conversations/{c2}/tag"), &[("tag", "t1")]),
        (Some("conversations_settyping.json"), "POST", format!("/conversations/{c2}/settyping"), &[("body", "…"), by_admin]),
        (Some("pagination_v2_apps_conversations.json"), "GET", format!("/apps/{app}/conversations?paginate_count=1"), &[]),
        (Some("users_events_get.json"), "GET", format!("/users/{user}/events?paginate_count=1"), &[]),
        (Some("users_events_post.json"), "POST", format!("/users/{user}/events"), &[("event", "testEvent")]),
        (Some("users_events_post_v1.json"), "POST", format!("/v1/users/{user}/events"), &[("event", "testEvent")]),
        (Some("users_props_post_v1.json"), "POST", format!("/v1/users/{user}/props"), &[("operations", r#"[{"op":"delete","key":"none","value":0}]"#)]),
        (Some("users_setpresence.json"), "POST", format!("/users/{user}/setpresence"), &[("presence", "online")]),
        (Some("users_sendmessage.json"), "POST", format!("/users/{user}/sendmessage"), &[("body", "hello")]),
        (Some("users_startconversation.json"), "POST", format!("/users/{user}/startconversation"), &[("body", "hi")]),
        // The user's conversations, v1 cursor (as the example shows): the newest has an admin
        // answer and ends with the user's message.
        (None, "POST", format!("/conversations/{c0}/reply"), &[("body", "a"), by_admin]),
        (None, "POST", format!("/conversations/{c0}/reply"), &[("body", "u"), ("from_user", "default_user")]),
        (Some("users_conversations.json"), "GET", format!("/v1/users/{user}/conversations?count=1"), &[]),
    ];
    for (example, method, path, fields) in steps {
        let r = match method {
            "GET" => carrot_get(&sim, &path).await,
            _ => carrot_form(&sim, method, &path, fields).await,
        };
        if let Some(name) = example {
            check(name, &r.json(), &mut failures);
        }
    }

    let csv = b"$user_id\tplan\nu-1\tfree\nbroken\n";
    let got = carrot_multipart(
        &sim,
        "/users/import",
        &[("app", None, b"$self_app"), ("file", Some("x.csv"), csv)],
    )
    .await
    .json();
    check("users_import.json", &got, &mut failures);

    let path = format!("/conversations/{c0}/reply");
    let r = carrot_send(&sim, "POST", &path, "multipart/form-data", b"junk").await;
    check("error_envelope.json", &r.json(), &mut failures);

    // The chat web hook's `conversation` field.
    let form = sim.carrot_conversation_webhook(c1, None).unwrap();
    let fields: Vec<(String, String)> = serde_urlencoded::from_str(&form).unwrap();
    let conv = fields
        .iter()
        .find(|(k, _)| k == "conversation")
        .map(|(_, v)| v)
        .unwrap();
    let got: Value = serde_json::from_str(conv).unwrap();
    check("webhook_chat_conversation_field.json", &got, &mut failures);

    assert!(
        failures.is_empty(),
        "shape differences:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_comparison_catches_differences() {
    let want: Value = serde_json::json!({"a": 1, "b": {"c": "x"}, "d": [1.5], "e": null});
    let mut out = Vec::new();
    compare(
        "$",
        &want,
        &serde_json::json!({"a": "1", "b": {}, "d": [2], "e": 3}),
        &mut out,
    );
    assert_eq!(out.len(), 3, "{out:?}");
}
