//! The real-time events a REST write produces: what Crisp pushes over RTM (and to web hooks)
//! after the same write, with the web hook `data` shape.

use serde_json::{Map, Value, json};

use super::conversations;
use super::routes::M;
use super::state::{self, State};

/// One event: its name, the website it concerns and its `data`.
pub(crate) type Event = (String, String, Value);

/// The `data` of `message:send` / `message:received` for a stored message.
pub(crate) fn message_data(
    st: &mut State,
    website_id: &str,
    session_id: &str,
    fingerprint: i64,
) -> Option<Value> {
    let conv = st
        .websites
        .get_mut(website_id)?
        .conversations
        .get_mut(session_id)?;
    conv.slots();
    let conv: &state::Conversation = conv;
    let slot = conv
        .messages
        .as_deref()?
        .iter()
        .find(|s| conv.slot_fingerprint(s) == fingerprint)?;
    let msg = conversations::render_msg(conv, slot, website_id);
    let mut data = serde_json::Map::new();
    data.insert("website_id".to_owned(), Value::from(website_id));
    data.insert("session_id".to_owned(), Value::from(session_id));
    data.insert(
        "inbox_id".to_owned(),
        conv.inbox_id
            .clone()
            .map(Value::from)
            .unwrap_or(Value::Null),
    );
    for key in [
        "type",
        "content",
        "from",
        "origin",
        "stamped",
        "timestamp",
        "fingerprint",
        "mentions",
        "automated",
    ] {
        if let Some(v) = msg.get(key) {
            data.insert(key.to_owned(), v.clone());
        }
    }
    let user = msg.get("user").cloned().unwrap_or(Value::Null);
    data.insert(
        "user".to_owned(),
        serde_json::json!({"nickname": user.get("nickname").cloned().unwrap_or(Value::Null),
                               "user_id": user.get("user_id").cloned().unwrap_or(Value::Null)}),
    );
    Some(Value::Object(data))
}

fn param<'a>(params: &'a [(&'static str, String)], name: &str) -> &'a str {
    params
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// `{website_id, session_id, inbox_id}`, the head of every session-scoped payload.
fn session_head(st: &State, website_id: &str, session_id: &str) -> Map<String, Value> {
    let inbox = st
        .websites
        .get(website_id)
        .and_then(|w| w.conversations.get(session_id))
        .and_then(|c| c.inbox_id.clone())
        .map(Value::from)
        .unwrap_or(Value::Null);
    let mut m = Map::new();
    m.insert("website_id".into(), json!(website_id));
    m.insert("session_id".into(), json!(session_id));
    m.insert("inbox_id".into(), inbox);
    m
}

fn with(mut head: Map<String, Value>, extra: &[(&str, Value)]) -> Value {
    for (k, v) in extra {
        head.insert((*k).to_owned(), v.clone());
    }
    Value::Object(head)
}

/// The events a successful write produces. `class` is the route class (literal segments),
/// `body` the parsed request body and `data` the handler's answer.
pub(crate) fn derive(
    st: &mut State,
    method: M,
    class: &str,
    params: &[(&'static str, String)],
    body: &Value,
    data: &Value,
) -> Vec<Event> {
    let w = param(params, "website_id").to_owned();
    let sid = param(params, "session_id").to_owned();
    let ev = |name: &str, payload: Value| (name.to_owned(), w.clone(), payload);
    let b = |k: &str| body.get(k).cloned().unwrap_or(Value::Null);
    let mut out = Vec::new();
    match (method, class) {
        (M::Post, "website/conversation/message") => {
            let fp = data.get("fingerprint").and_then(Value::as_i64);
            if let Some(payload) = fp.and_then(|fp| message_data(st, &w, &sid, fp)) {
                let name = if payload.get("from").and_then(Value::as_str) == Some("user") {
                    "message:send"
                } else {
                    "message:received"
                };
                out.push(ev(name, payload));
            }
        }
        (M::Patch, "website/conversation/message") => {
            let fp = param(params, "fingerprint").parse::<i64>().unwrap_or(0);
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "message:updated",
                with(
                    head,
                    &[("fingerprint", json!(fp)), ("content", b("content"))],
                ),
            ));
        }
        (M::Delete, "website/conversation/message") => {
            let fp = param(params, "fingerprint").parse::<i64>().unwrap_or(0);
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "message:removed",
                with(head, &[("fingerprint", json!(fp))]),
            ));
        }
        (M::Patch, "website/conversation/compose") => {
            let from_user = body.get("from").and_then(Value::as_str) == Some("user");
            let name = if from_user {
                "message:compose:send"
            } else {
                "message:compose:receive"
            };
            let head = session_head(st, &w, &sid);
            let mut extra = vec![
                ("type", b("type")),
                ("excerpt", body.get("excerpt").cloned().unwrap_or(json!(""))),
                ("timestamp", json!(st.clock)),
                (
                    "stealth",
                    body.get("stealth").cloned().unwrap_or(json!(false)),
                ),
            ];
            if !from_user {
                extra.push(("user", json!({"user_id": "", "nickname": "Operator"})));
            }
            out.push(ev(name, with(head, &extra)));
        }
        (M::Patch, "website/conversation/state") => {
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "session:set_state",
                with(head, &[("state", b("state"))]),
            ));
        }
        (M::Patch, "website/conversation/block") => {
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "session:set_block",
                with(head, &[("blocked", b("blocked"))]),
            ));
        }
        (M::Patch, "website/conversation/routing") => {
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "session:set_routing",
                with(head, &[("assigned", b("assigned"))]),
            ));
        }
        (M::Patch, "website/conversation/inbox") => {
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "session:set_inbox",
                with(head, &[("inbox_id", b("inbox_id"))]),
            ));
        }
        (M::Patch, "website/conversation/open") => {
            let name = if body.get("opened").and_then(Value::as_bool) == Some(true) {
                "session:set_opened"
            } else {
                "session:set_closed"
            };
            out.push(ev(name, Value::Object(session_head(st, &w, &sid))));
        }
        (M::Put, "website/conversation/participants") => {
            let head = session_head(st, &w, &sid);
            out.push(ev(
                "session:set_participants",
                with(head, &[("participants", b("participants"))]),
            ));
        }
        (M::Patch, "website/conversation/meta") => {
            for (field, name) in [
                ("nickname", "session:set_nickname"),
                ("email", "session:set_email"),
                ("phone", "session:set_phone"),
                ("address", "session:set_address"),
                ("subject", "session:set_subject"),
                ("avatar", "session:set_avatar"),
                ("origin", "session:set_origin"),
                ("segments", "session:set_segments"),
                ("data", "session:set_data"),
            ] {
                if let Some(v) = body.get(field) {
                    let head = session_head(st, &w, &sid);
                    out.push(ev(name, with(head, &[(field, v.clone())])));
                }
            }
        }
        (M::Delete, "website/conversation") => {
            let mut head = Map::new();
            head.insert("website_id".into(), json!(w));
            head.insert("session_id".into(), json!(sid));
            out.push(ev("session:removed", Value::Object(head)));
        }
        (M::Post, "website/people/profile") => {
            let id = data.get("people_id").cloned().unwrap_or(Value::Null);
            out.push(ev("people:profile:created", people_payload(&w, id, body)));
        }
        (M::Put | M::Patch, "website/people/profile") => {
            let id = json!(param(params, "people_id"));
            out.push(ev("people:profile:updated", people_payload(&w, id, body)));
        }
        (M::Delete, "website/people/profile") => {
            out.push(ev(
                "people:profile:removed",
                json!({"website_id": w, "people_id": param(params, "people_id")}),
            ));
        }
        _ => {}
    }
    out
}

fn people_payload(website_id: &str, people_id: Value, body: &Value) -> Value {
    let mut m = Map::new();
    m.insert("website_id".into(), json!(website_id));
    m.insert("people_id".into(), people_id);
    for k in ["email", "person", "company", "segments"] {
        if let Some(v) = body.get(k) {
            m.insert(k.to_owned(), v.clone());
        }
    }
    Value::Object(m)
}
