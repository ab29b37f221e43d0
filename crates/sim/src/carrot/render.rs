//! The JSON forms of admins, users, events, conversation parts and conversations.

use super::*;

pub(super) fn admin_json(req: &Req, st: &State, id: u64) -> Value {
    match st.admin(id) {
        Some(a) => json!({
            "id": req.id(a.id),
            "name": a.name,
            "avatar": "https://files.carrotquest.io/avatars/default-v2.png",
            "type": "admin",
        }),
        None => Value::Null,
    }
}

pub(super) fn user_json(req: &Req, st: &State, u: &User, full: bool) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), req.id(u.id));
    o.insert("app".into(), req.id(st.app_id));
    o.insert(
        "user_id".into(),
        u.user_id.clone().map_or(Value::Null, Value::from),
    );
    o.insert("presence".into(), Value::from(u.presence.as_str()));
    let convert = req.include("convert_props_types", true);
    let prop = |v: &Value| -> Value {
        match v {
            Value::String(_) | Value::Null => v.clone(),
            _ if !convert => Value::from(v.to_string()),
            _ => v.clone(),
        }
    };
    if !full || req.include("props", true) {
        let props: Map<String, Value> = u.props.iter().map(|(k, v)| (k.clone(), prop(v))).collect();
        o.insert("props".into(), Value::Object(props));
    }
    if !full {
        o.insert("presence_details".into(), presence_details(u));
        return Value::Object(o);
    }
    if req.include("props_custom", false) {
        let custom: Map<String, Value> = u
            .props
            .iter()
            .filter(|(k, _)| !k.starts_with('$'))
            .map(|(k, v)| (k.clone(), prop(v)))
            .collect();
        o.insert("props_custom".into(), Value::Object(custom));
    }
    if req.include("props_events", false) {
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for e in u.events.iter().filter_map(|&id| st.event(id)) {
            *counts.entry(st.event_type_name(e.type_id)).or_default() += 1;
        }
        let m: Map<String, Value> = counts
            .into_iter()
            .map(|(k, n)| (format!("$event_count_{k}"), Value::from(n)))
            .collect();
        o.insert("props_events".into(), Value::Object(m));
    }
    if req.include("presence_details", false) {
        o.insert("presence_details".into(), presence_details(u));
    }
    if req.include("events", false) {
        let evs: Vec<Value> = u
            .events
            .iter()
            .rev()
            .take(20)
            .filter_map(|&id| st.event(id))
            .map(|e| event_json(req, st, e, false))
            .collect();
        o.insert("events".into(), Value::Array(evs));
    }
    for k in ["segments", "notes", "tags"] {
        if req.include(k, false) {
            o.insert(k.into(), json!([]));
        }
    }
    if req.include("email_status", false) {
        let unsub = u
            .props
            .get("$email_unsubscribed")
            .is_some_and(|v| v == &Value::Bool(true));
        o.insert(
            "email_status".into(),
            Value::from(if unsub { "unsubscribed" } else { "subscribed" }),
        );
    }
    if req.include("timezone_offset", false) {
        o.insert("timezone_offset".into(), Value::Null);
    }
    Value::Object(o)
}

pub(super) fn presence_details(u: &User) -> Value {
    json!({
        "presence": u.presence.as_str(),
        "last_seen": u.presence_at,
        "current_page": u.presence_page,
    })
}

pub(super) fn event_json(req: &Req, st: &State, e: &Event, props_as_string: bool) -> Value {
    let props: Map<String, Value> = if props_as_string {
        e.props
            .iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.clone(), Value::from(s))
            })
            .collect()
    } else {
        e.props.clone()
    };
    json!({
        "id": req.id(e.id),
        "created": e.created,
        "type": {
            "id": req.id(e.type_id),
            "name": st.event_type_name(e.type_id),
            "score": 0,
            "visible": true,
            "active": false,
        },
        "user": req.id(e.user),
        "props": props,
    })
}

pub(super) fn part_json(req: &Req, st: &State, c: &Conversation, p: &Part) -> Value {
    let from = if p.kind.by_user() {
        req.id(p.from)
    } else {
        admin_json(req, st, p.from)
    };
    let sent_via = p
        .extra
        .as_ref()
        .and_then(|x| x.sent_via)
        .unwrap_or(if p.kind.by_user() {
            "web_user"
        } else {
            "app_web"
        });
    let mut o = json!({
        "id": req.id(p.id),
        "created": p.created_us / 1_000_000,
        "conversation": req.id(c.id),
        "body": p.body(),
        "read": p.read,
        "type": p.kind.as_str(),
        "sent_via": sent_via,
        "from": from,
        "direction": if p.kind.by_user() { "u2a" } else { "a2u" },
        "random_id": p.random_id,
        "attachments": [],
    });
    if let Some(m) = o.as_object_mut() {
        if p.part_group != 0 {
            m.insert("part_group".into(), req.id(p.part_group));
        }
        if let Some(x) = &p.extra {
            if let Some(bj) = &x.body_json {
                m.insert("body_json".into(), bj.clone());
            }
            if let Some(ext) = &x.external_id {
                m.insert("external_id".into(), Value::from(ext.clone()));
            }
            if let Some((name, size)) = &x.attachment {
                m.insert(
                    "attachments".into(),
                    json!([{"filename": name, "size": size, "type": "file"}]),
                );
            }
        }
    }
    o
}

pub(super) fn conversation_json(req: &Req, st: &State, c: &Conversation) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), req.id(c.id));
    o.insert("app".into(), req.id(st.app_id));
    o.insert("created".into(), Value::from(c.created));
    o.insert("read".into(), Value::from(c.unread_count() == 0));
    o.insert("replied".into(), Value::from(c.replied()));
    o.insert("clicked".into(), Value::from(false));
    o.insert("unsubscribed".into(), Value::from(false));
    o.insert("closed".into(), Value::from(c.closed));
    o.insert("message".into(), Value::Null);
    o.insert("type".into(), Value::from(c.kind));
    o.insert("reply_type".into(), Value::from("text"));
    o.insert("parts_count".into(), Value::from(c.parts.len()));
    o.insert(
        "assignee".into(),
        c.assignee.map_or(Value::Null, |a| admin_json(req, st, a)),
    );
    o.insert("unread_parts_count".into(), Value::from(c.unread_count()));
    o.insert(
        "last_admin".into(),
        c.last_admin.map_or(Value::Null, |a| admin_json(req, st, a)),
    );
    o.insert(
        "last_update".into(),
        Value::from(c.last_update_us / 1_000_000),
    );
    o.insert("tags".into(), json!(c.tags));
    o.insert("assistant_type".into(), Value::Null);
    let part = |p: Option<&Part>| p.map_or(Value::Null, |p| part_json(req, st, c, p));
    if req.include("part_last", true) {
        o.insert("part_last".into(), part(c.part_last()));
    }
    if req.include("important_part_last", true) {
        o.insert("important_part_last".into(), part(c.important_part_last()));
    }
    if req.include("reply_last", true) {
        o.insert("reply_last".into(), part(c.reply_last()));
    }
    if req.include("user", true) {
        o.insert(
            "user".into(),
            st.user(c.user)
                .map_or(Value::Null, |u| user_json(req, st, u, false)),
        );
    } else {
        o.insert("user".into(), req.id(c.user));
    }
    if req.include("channel", true) {
        let ch = st.channels.iter().find(|ch| ch.id == c.channel);
        o.insert(
            "channel".into(),
            ch.map_or(
                Value::Null,
                |ch| json!({"id": req.id(ch.id), "name": ch.name, "type": ch.kind}),
            ),
        );
    }
    Value::Object(o)
}
