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

    let got = carrot_get(&sim, &format!("/conversations/{c0}"))
        .await
        .json();
    check("conversations_get.json", &got, &mut failures);

    // Parts: the newest is an admin reply, as in the example.
    carrot_post(
        &sim,
        &format!("/conversations/{c1}/reply"),
        &[("body", "admin"), ("from_admin", "default_admin")],
    )
    .await;
    let got = carrot_get(&sim, &format!("/conversations/{c1}/parts?paginate_count=1"))
        .await
        .json();
    check("conversations_parts.json", &got, &mut failures);
    let got = carrot_get(&sim, &format!("/v1/conversations/{c1}/parts?count=1"))
        .await
        .json();
    check("conversations_parts_v1.json", &got, &mut failures);

    let got = carrot_post(
        &sim,
        &format!("/conversations/{c2}/assign"),
        &[
            ("admin", &sim.carrot_admin_ids()[1].to_string()),
            ("from_admin", "default_admin"),
        ],
    )
    .await
    .json();
    check("conversations_assign.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/conversations/{c2}/close"),
        &[("from_admin", "default_admin")],
    )
    .await
    .json();
    check("conversations_close.json", &got, &mut failures);
    let got = carrot_post(&sim, &format!("/conversations/{c2}/tag"), &[("tag", "t1")])
        .await
        .json();
    check("conversations_tag_post.json", &got, &mut failures);
    let got = carrot_form(
        &sim,
        "DELETE",
        &format!("/conversations/{c2}/tag"),
        &[("tag", "t1")],
    )
    .await
    .json();
    check("conversations_tag_post.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/conversations/{c2}/settyping"),
        &[("body", "…"), ("from_admin", "default_admin")],
    )
    .await
    .json();
    check("conversations_settyping.json", &got, &mut failures);

    let got = carrot_get(&sim, &format!("/apps/{app}/conversations?paginate_count=1"))
        .await
        .json();
    check("pagination_v2_apps_conversations.json", &got, &mut failures);

    let got = carrot_get(&sim, &format!("/users/{user}/events?paginate_count=1"))
        .await
        .json();
    check("users_events_get.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/users/{user}/events"),
        &[("event", "testEvent")],
    )
    .await
    .json();
    check("users_events_post.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/v1/users/{user}/events"),
        &[("event", "testEvent")],
    )
    .await
    .json();
    check("users_events_post_v1.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/v1/users/{user}/props"),
        &[("operations", r#"[{"op":"delete","key":"none","value":0}]"#)],
    )
    .await
    .json();
    check("users_props_post_v1.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/users/{user}/setpresence"),
        &[("presence", "online")],
    )
    .await
    .json();
    check("users_setpresence.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/users/{user}/sendmessage"),
        &[("body", "hello")],
    )
    .await
    .json();
    check("users_sendmessage.json", &got, &mut failures);
    let got = carrot_post(
        &sim,
        &format!("/users/{user}/startconversation"),
        &[("body", "hi")],
    )
    .await
    .json();
    check("users_startconversation.json", &got, &mut failures);
    // The user's conversations, v1 cursor (as the example shows): the newest has an admin
    // answer and ends with the user's message.
    carrot_post(
        &sim,
        &format!("/conversations/{c0}/reply"),
        &[("body", "a"), ("from_admin", "default_admin")],
    )
    .await;
    carrot_post(
        &sim,
        &format!("/conversations/{c0}/reply"),
        &[("body", "u"), ("from_user", "default_user")],
    )
    .await;
    let got = carrot_get(&sim, &format!("/v1/users/{user}/conversations?count=1"))
        .await
        .json();
    check("users_conversations.json", &got, &mut failures);

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
