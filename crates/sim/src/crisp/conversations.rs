//! Conversations and messages: the stateful core of the Crisp side.
//!
//! Lists are ordered by last update (newest first) unless `order_date_created` /
//! `order_date_waiting` asks otherwise; conversations without messages are only listed with
//! `include_empty=1`, as on Crisp. Messages are kept in ascending timestamp order; the message
//! list answers the newest batch, `timestamp_before` walks backwards batch by batch.

use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::ctx::{Ctx, PAGE_SIZE, coll_values, paged};
use super::people;
use super::state::{Conversation, Msg, Website, seed_message_text, seeded_operator_id};
use super::wire::{ApiError, Res, flag, fnv64, page_range};

/// Messages per batch on the message list.
pub(crate) const MESSAGE_BATCH: usize = 20;

const MESSAGE_TYPES: [&str; 9] = [
    "text",
    "file",
    "animation",
    "audio",
    "carousel",
    "note",
    "picker",
    "field",
    "event",
];

fn conv_not_found() -> ApiError {
    ApiError::not_found("session_not_found", "conversation not found")
}

/// The conversation named by `{session_id}`.
fn conv<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut Conversation, ApiError> {
    let sid = ctx.param("session_id").to_owned();
    ctx.site()?
        .conversations
        .get_mut(&sid)
        .ok_or_else(conv_not_found)
}

/// The conversation named by `{session_id}`, with "now" for a write.
fn conv_w<'c>(ctx: &'c mut Ctx<'_>) -> Result<(i64, &'c mut Conversation), ApiError> {
    let now = ctx.st.now();
    let c = conv(ctx)?;
    c.updated_at = c.updated_at.max(now);
    Ok((now, c))
}

fn status_of(state: &str) -> u8 {
    match state {
        "unresolved" => 1,
        "resolved" => 2,
        _ => 0,
    }
}

/// The conversation's `meta`, with every documented field present.
pub(crate) fn render_meta(c: &Conversation) -> Value {
    let mut meta = json!({
        "nickname": "", "email": "", "phone": "", "ip": "", "avatar": "", "address": "", "subject": "",
        "origin": "chat", "data": {}, "segments": [], "connection": {},
        "device": {"capabilities": [], "geolocation": {}, "system": {}, "timezone": 0, "locales": []}
    });
    if let Some(obj) = meta.as_object_mut() {
        for (k, v) in &c.meta {
            obj.insert(k.clone(), v.clone());
        }
    }
    meta
}

/// A `Conversation` object.
pub(crate) fn render(c: &Conversation, website_id: &str) -> Value {
    let mut v = json!({
        "session_id": c.session_id, "website_id": website_id, "state": c.state,
        "status": status_of(&c.state), "is_verified": c.verified, "is_blocked": c.blocked,
        "availability": "offline", "active": {"now": false, "last": c.updated_at},
        "last_message": c.last_message, "topic": "", "verifications": c.verifications,
        "participants": c.participants, "mentions": c.mentions, "compose": c.compose,
        "unread": {"operator": c.unread_operator, "visitor": c.unread_visitor},
        "meta": render_meta(c), "created_at": c.created_at, "updated_at": c.updated_at,
    });
    if let Some(obj) = v.as_object_mut() {
        if let Some(inbox) = &c.inbox_id {
            obj.insert("inbox_id".to_owned(), json!(inbox));
        }
        if let Some(p) = &c.people_id {
            obj.insert("people_id".to_owned(), json!(p));
        }
        if let Some(p) = &c.preview {
            obj.insert("preview_message".to_owned(), p.clone());
        }
        if let Some(a) = &c.assigned {
            obj.insert("assigned".to_owned(), json!({"user_id": a}));
        }
        if let Some(w) = c.waiting_since {
            obj.insert("waiting_since".to_owned(), json!(w));
        }
    }
    v
}

/// A `ConversationMessage` object for one slot.
pub(crate) fn render_msg(c: &Conversation, slot: &Msg, website_id: &str) -> Value {
    let mut v = match slot {
        Msg::Full(v) => (**v).clone(),
        Msg::Seed(i) => {
            let (w, ci) = c.seed.map(|(w, ci, _)| (w, ci)).unwrap_or((0, 0));
            let from = if i.is_multiple_of(2) {
                "user"
            } else {
                "operator"
            };
            let user = if from == "user" {
                json!({"type": "participant", "user_id": c.session_id,
                       "nickname": c.meta.get("nickname").cloned().unwrap_or(json!("visitor"))})
            } else {
                json!({"type": "website", "user_id": seeded_operator_id(w, 0), "nickname": "Operator0 Sim",
                       "avatar": "https://avatars.example.com/operator0.png"})
            };
            json!({"session_id": c.session_id, "website_id": website_id, "type": "text", "from": from,
                   "origin": "chat", "content": seed_message_text(ci, *i), "stamped": true,
                   "fingerprint": c.seed_fingerprint(*i), "timestamp": c.seed_timestamp(*i), "user": user,
                   "mentions": [], "edited": false, "translated": false, "automated": false})
        }
    };
    let fp = c.slot_fingerprint(slot);
    if let (Some((read, delivered)), Some(obj)) = (c.marks.get(&fp), v.as_object_mut()) {
        if let Some(r) = read {
            obj.insert("read".to_owned(), json!(r));
        }
        if let Some(d) = delivered {
            obj.insert("delivered".to_owned(), json!(d));
        }
    }
    v
}

fn website_id(ctx: &Ctx<'_>) -> String {
    ctx.param("website_id").to_owned()
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

struct ListFilter {
    include_empty: bool,
    inbox: Option<String>,
    unread: bool,
    resolved: bool,
    not_resolved: bool,
    mention: bool,
    assigned: Option<String>,
    unassigned: bool,
    date_start: Option<String>,
    date_end: Option<String>,
    search: Option<(String, String, String)>,
    filters: Vec<Value>,
}

fn parse_filter(ctx: &Ctx<'_>) -> Result<ListFilter, ApiError> {
    let search_type = ctx.q("search_type").unwrap_or("text").to_owned();
    let search_query = ctx.q("search_query").filter(|s| !s.is_empty());
    let mut filters = Vec::new();
    let mut search = None;
    if let Some(query) = search_query {
        match search_type.as_str() {
            "filter" => {
                let parsed: Value = serde_json::from_str(query).map_err(|_| {
                    ApiError::invalid("search_query should be a JSON array of filters")
                })?;
                filters = parsed.as_array().cloned().ok_or_else(|| {
                    ApiError::invalid("search_query should be a JSON array of filters")
                })?;
            }
            "text" | "segment" => {}
            other => {
                return Err(ApiError::invalid(format!(
                    "search_type should be one of text, segment, filter, got '{other}'"
                )));
            }
        }
        search = Some((
            search_type.clone(),
            query.to_lowercase(),
            ctx.q("search_operator").unwrap_or("and").to_owned(),
        ));
    }
    Ok(ListFilter {
        include_empty: flag(ctx.q("include_empty")),
        inbox: ctx.q("filter_inbox_id").map(str::to_owned),
        unread: flag(ctx.q("filter_unread")),
        resolved: flag(ctx.q("filter_resolved")),
        not_resolved: flag(ctx.q("filter_not_resolved")),
        mention: flag(ctx.q("filter_mention")),
        assigned: ctx.q("filter_assigned").map(str::to_owned),
        unassigned: flag(ctx.q("filter_unassigned")),
        date_start: ctx.q("filter_date_start").map(str::to_owned),
        date_end: ctx.q("filter_date_end").map(str::to_owned),
        search,
        filters,
    })
}

fn field_of(c: &Conversation, criterion: &str) -> String {
    let key = criterion.strip_prefix("meta.").unwrap_or(criterion);
    match key {
        "session_id" => c.session_id.clone(),
        "state" => c.state.clone(),
        "inbox_id" => c.inbox_id.clone().unwrap_or_default(),
        "people_id" => c.people_id.clone().unwrap_or_default(),
        _ => match c.meta.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => key
                .strip_prefix("data.")
                .and_then(|k| c.meta.get("data").and_then(|d| d.get(k)))
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string())
                })
                .unwrap_or_default(),
        },
    }
}

fn segments_of(c: &Conversation) -> Vec<String> {
    c.meta
        .get("segments")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn filter_matches(c: &Conversation, f: &Value) -> bool {
    let criterion = f.get("criterion").and_then(Value::as_str).unwrap_or("");
    let operator = f.get("operator").and_then(Value::as_str).unwrap_or("eq");
    let values: Vec<String> = match f.get("query") {
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let actual = if criterion.ends_with("segments") {
        segments_of(c).join(",")
    } else {
        field_of(c, criterion)
    };
    let actual_l = actual.to_lowercase();
    match operator {
        "eq" => values.contains(&actual),
        "neq" => values.iter().all(|v| *v != actual),
        "ex" => !actual.is_empty(),
        "nex" => actual.is_empty(),
        "nhas" | "ncontains" => values.iter().all(|v| !actual_l.contains(&v.to_lowercase())),
        _ => values.iter().any(|v| actual_l.contains(&v.to_lowercase())),
    }
}

fn date_ms(iso: &str) -> Option<i64> {
    let t = httpdate::parse_http_date(iso).ok();
    if let Some(t) = t {
        return t
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_millis()).ok());
    }
    crate::dates::parse_ms(iso)
}

fn keep(c: &Conversation, f: &ListFilter) -> bool {
    if !f.include_empty && c.message_count() == 0 {
        return false;
    }
    if let Some(inbox) = &f.inbox
        && c.inbox_id.as_deref() != Some(inbox.as_str())
    {
        return false;
    }
    if f.unread && c.unread_operator == 0 {
        return false;
    }
    if f.resolved && c.state != "resolved" {
        return false;
    }
    if f.not_resolved && c.state == "resolved" {
        return false;
    }
    if f.mention && c.mentions.is_empty() {
        return false;
    }
    if let Some(a) = &f.assigned
        && c.assigned.as_deref() != Some(a.as_str())
    {
        return false;
    }
    if f.unassigned && c.assigned.is_some() {
        return false;
    }
    if let Some(start) = f.date_start.as_deref().and_then(date_ms)
        && c.updated_at < start
    {
        return false;
    }
    if let Some(end) = f.date_end.as_deref().and_then(date_ms)
        && c.updated_at > end
    {
        return false;
    }
    if let Some((kind, query, operator)) = &f.search {
        match kind.as_str() {
            "segment" => {
                if !segments_of(c).iter().any(|s| s.to_lowercase() == *query) {
                    return false;
                }
            }
            "filter" => {
                let mut results = f.filters.iter().map(|flt| filter_matches(c, flt));
                let ok = if operator == "or" {
                    results.any(|b| b)
                } else {
                    results.all(|b| b)
                };
                if !ok {
                    return false;
                }
            }
            _ => {
                let hay = [
                    field_of(c, "nickname"),
                    field_of(c, "email"),
                    c.last_message.clone(),
                    c.session_id.clone(),
                ];
                if !hay
                    .iter()
                    .any(|h| h.to_lowercase().contains(query.as_str()))
                {
                    return false;
                }
            }
        }
    }
    true
}

/// `GET /website/{website_id}/conversations/{page_number}`.
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let per_page = match ctx.q("per_page") {
        None | Some("") => PAGE_SIZE,
        Some(raw) => match raw.parse::<usize>() {
            Ok(n) if (20..=50).contains(&n) => n,
            _ => {
                return Err(ApiError::invalid(
                    "per_page should be an integer between 20 and 50",
                ));
            }
        },
    };
    let filter = parse_filter(ctx)?;
    let by_created = flag(ctx.q("order_date_created"));
    let by_waiting = flag(ctx.q("order_date_waiting"));
    let mut key_parts: Vec<String> = ctx
        .query
        .iter()
        .filter(|(k, _)| k != "per_page")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    key_parts.sort();
    let key = key_parts.join("&");
    let wid = website_id(ctx);
    let site = ctx.site()?;
    let ids = ordered_ids(site, &key, &filter, by_created, by_waiting);
    let range = page_range(ids.len(), page, per_page);
    let out: Vec<Value> = ids[range]
        .iter()
        .filter_map(|sid| site.conversations.get(sid))
        .map(|c| render(c, &wid))
        .collect();
    Ok(Value::Array(out))
}

fn ordered_ids(
    site: &mut Website,
    key: &str,
    filter: &ListFilter,
    by_created: bool,
    by_waiting: bool,
) -> Arc<Vec<String>> {
    if let Some((version, cached_key, ids)) = &site.list_cache
        && *version == site.conversations_version
        && cached_key == key
    {
        return Arc::clone(ids);
    }
    let mut convs: Vec<&Conversation> = site
        .conversations
        .values()
        .filter(|c| keep(c, filter))
        .collect();
    if by_waiting {
        convs.sort_by_key(|c| (c.waiting_since.unwrap_or(i64::MAX), c.seq));
    } else if by_created {
        convs.sort_by_key(|c| (std::cmp::Reverse(c.created_at), std::cmp::Reverse(c.seq)));
    } else {
        convs.sort_by_key(|c| (std::cmp::Reverse(c.updated_at), std::cmp::Reverse(c.seq)));
    }
    let ids: Arc<Vec<String>> = Arc::new(convs.iter().map(|c| c.session_id.clone()).collect());
    site.list_cache = Some((site.conversations_version, key.to_owned(), Arc::clone(&ids)));
    ids
}

fn suggested<F>(ctx: &mut Ctx<'_>, kind: &str, field: &str, extract: F) -> Res
where
    F: Fn(&Conversation) -> Vec<String>,
{
    let page = ctx.page()?;
    let site = ctx.site()?;
    let mut counts: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for c in site.conversations.values() {
        for s in extract(c) {
            *counts.entry(s).or_insert(0) += 1;
        }
    }
    let items: Vec<Value> = counts
        .into_iter()
        .filter(|(k, _)| !site.dismissed.contains(&format!("conversation:{kind}:{k}")))
        .map(|(k, n)| json!({ field: k, "count": n }))
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `GET …/conversations/suggest/segments/{page_number}`.
pub(crate) fn suggest_segments(ctx: &mut Ctx<'_>) -> Res {
    suggested(ctx, "segment", "segment", segments_of)
}

/// `GET …/conversations/suggest/data/{page_number}`.
pub(crate) fn suggest_data(ctx: &mut Ctx<'_>) -> Res {
    suggested(ctx, "data", "key", |c| {
        c.meta
            .get("data")
            .and_then(Value::as_object)
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default()
    })
}

fn dismiss(ctx: &mut Ctx<'_>, kind: &str, field: &str) -> Res {
    let value = ctx.bs(field).unwrap_or("").to_owned();
    ctx.site()?
        .dismissed
        .insert(format!("conversation:{kind}:{value}"));
    Ok(json!({}))
}

/// `DELETE …/conversations/suggest/segment`.
pub(crate) fn dismiss_segment(ctx: &mut Ctx<'_>) -> Res {
    dismiss(ctx, "segment", "segment")
}

/// `DELETE …/conversations/suggest/data`.
pub(crate) fn dismiss_data(ctx: &mut Ctx<'_>) -> Res {
    dismiss(ctx, "data", "key")
}

/// `GET …/conversations/spams/{page_number}`.
pub(crate) fn spam_list(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let site = ctx.site()?;
    let items: Vec<Value> = coll_values(site, "spams")
        .into_iter()
        .map(|mut v| {
            if let Some(o) = v.as_object_mut() {
                o.remove("content");
            }
            v
        })
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `POST …/conversations/spam/{spam_id}/decision`.
pub(crate) fn spam_decision(ctx: &mut Ctx<'_>) -> Res {
    let action = ctx.bs("action").unwrap_or("");
    if !matches!(action, "accept" | "reject") {
        return Err(ApiError::invalid("data.action should be accept or reject"));
    }
    let id = ctx.param("spam_id").to_owned();
    ctx.site()?
        .colls
        .get_mut("spams")
        .and_then(|c| c.remove(&id))
        .map(|_| json!({}))
        .ok_or_else(|| ApiError::not_found("not_found", "spam not found"))
}

// ---------------------------------------------------------------------------------------------
// Conversation lifecycle
// ---------------------------------------------------------------------------------------------

/// `POST /website/{website_id}/conversation`.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    ctx.st.conversations_created += 1;
    let n = ctx.st.conversations_created;
    let session_id = format!("session_{}", ctx.st.new_id("session"));
    let site = ctx.site()?;
    site.conversation_seq += 1;
    let c = Conversation::new(session_id.clone(), site.conversation_seq, now);
    site.conversations.insert(session_id.clone(), c);
    ctx.write_key = Some(format!("conversation:create:{n}"));
    ctx.reason = Some("added");
    Ok(json!({ "session_id": session_id }))
}

/// `HEAD /website/{website_id}/conversation/{session_id}`.
pub(crate) fn exists(ctx: &mut Ctx<'_>) -> Res {
    conv(ctx).map(|_| json!({}))
}

/// `GET /website/{website_id}/conversation/{session_id}`.
pub(crate) fn get(ctx: &mut Ctx<'_>) -> Res {
    let wid = website_id(ctx);
    let c = conv(ctx)?;
    Ok(render(c, &wid))
}

/// `DELETE /website/{website_id}/conversation/{session_id}`.
pub(crate) fn remove(ctx: &mut Ctx<'_>) -> Res {
    let sid = ctx.param("session_id").to_owned();
    ctx.site()?
        .conversations
        .remove(&sid)
        .map(|_| json!({}))
        .ok_or_else(conv_not_found)
}

/// `POST …/initiate`, and the plain acknowledgements scoped to a conversation.
pub(crate) fn initiate(ctx: &mut Ctx<'_>) -> Res {
    conv_w(ctx).map(|_| json!({}))
}

/// A conversation-scoped acknowledgement (purge, feedback, tool, reminder, report).
pub(crate) fn ack(ctx: &mut Ctx<'_>) -> Res {
    conv(ctx).map(|_| json!({}))
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

fn ts_param(ctx: &Ctx<'_>, name: &str) -> Result<Option<i64>, ApiError> {
    match ctx.q(name) {
        None | Some("") => Ok(None),
        Some(raw) => raw.parse::<i64>().map(Some).map_err(|_| {
            ApiError::invalid(format!("{name} should be a timestamp in milliseconds"))
        }),
    }
}

/// `GET …/conversation/{session_id}/messages`: one batch of up to 20, oldest first; 206 while
/// the conversation holds older messages than the batch's oldest, 200 otherwise.
pub(crate) fn messages(ctx: &mut Ctx<'_>) -> Res {
    let before = ts_param(ctx, "timestamp_before")?;
    let after = ts_param(ctx, "timestamp_after")?;
    let around = ts_param(ctx, "timestamp_around")?;
    let always_ok = ctx.cfg.messages_always_ok;
    let wid = website_id(ctx);
    let c = conv(ctx)?;
    c.slots();
    let c: &Conversation = c;
    let slots = c.messages.as_deref().unwrap_or(&[]);
    let ts = |s: &Msg| c.slot_timestamp(s);
    let range = if let Some(t) = before {
        let end = slots.partition_point(|s| ts(s) < t);
        end.saturating_sub(MESSAGE_BATCH)..end
    } else if let Some(t) = after {
        let start = slots.partition_point(|s| ts(s) <= t);
        start..(start + MESSAGE_BATCH).min(slots.len())
    } else if let Some(t) = around {
        let mid = slots.partition_point(|s| ts(s) < t);
        let start = mid.saturating_sub(MESSAGE_BATCH / 2);
        start..(start + MESSAGE_BATCH).min(slots.len())
    } else {
        slots.len().saturating_sub(MESSAGE_BATCH)..slots.len()
    };
    // The live API's walk signal: 206 while older messages exist, 200 on the oldest batch.
    let status = if range.start > 0 && !always_ok {
        http::StatusCode::PARTIAL_CONTENT
    } else {
        http::StatusCode::OK
    };
    let batch = Value::Array(
        slots[range]
            .iter()
            .map(|s| render_msg(c, s, &wid))
            .collect(),
    );
    ctx.status = Some(status);
    Ok(batch)
}

fn check_content(kind: &str, content: &Value) -> Result<(), ApiError> {
    let wants_string = matches!(kind, "text" | "note");
    if wants_string && !content.is_string() {
        return Err(ApiError::invalid(format!(
            "data.content should be string for type {kind}"
        )));
    }
    if !wants_string && !content.is_object() {
        return Err(ApiError::invalid(format!(
            "data.content should be object for type {kind}"
        )));
    }
    Ok(())
}

fn excerpt(kind: &str, content: &Value) -> String {
    match content {
        Value::String(s) => s.chars().take(200).collect(),
        Value::Object(o) => o
            .get("text")
            .or_else(|| o.get("name"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("[{kind}]")),
        _ => format!("[{kind}]"),
    }
}

/// `POST …/conversation/{session_id}/message`: stores the message, answers `{fingerprint}`
/// (the supplied one, unless [`super::CrispConfig::ignore_supplied_fingerprints`]).
pub(crate) fn send_message(ctx: &mut Ctx<'_>) -> Res {
    let kind = ctx.bs("type").unwrap_or("").to_owned();
    if !MESSAGE_TYPES.contains(&kind.as_str()) {
        return Err(ApiError::invalid(format!(
            "data.type should be one of {}",
            MESSAGE_TYPES.join(", ")
        )));
    }
    let from = ctx.bs("from").unwrap_or("").to_owned();
    if !matches!(from.as_str(), "user" | "operator") {
        return Err(ApiError::invalid("data.from should be user or operator"));
    }
    let content = ctx.b("content").cloned().unwrap_or(Value::Null);
    check_content(&kind, &content)?;
    let client_fp = match ctx.b("fingerprint") {
        Some(v) => Some(v.as_i64().filter(|n| *n >= 0).ok_or_else(|| {
            ApiError::invalid("data.fingerprint should be a non-negative integer")
        })?),
        None => None,
    };
    let client_ts = match ctx.b("timestamp") {
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| ApiError::invalid("data.timestamp should be an integer"))?,
        ),
        None => None,
    };
    // The live API stores a supplied fingerprint; the "ignore" mode stands for one that does
    // not, to test clients that rely on it. The write stays keyed by the supplied one.
    let kept_fp = client_fp.filter(|_| !ctx.cfg.ignore_supplied_fingerprints);
    let body = ctx.body.clone();
    let wid = website_id(ctx);
    let seq = ctx.st.id_seq;
    ctx.st.id_seq += 1;
    let (now, c) = conv_w(ctx)?;
    c.slots();
    let mut ts = client_ts.unwrap_or(now);
    let exists_at = |c: &Conversation, t: i64| {
        let slots = c.messages.as_deref().unwrap_or(&[]);
        let i = slots.partition_point(|s| c.slot_timestamp(s) < t);
        slots.get(i).is_some_and(|s| c.slot_timestamp(s) == t)
    };
    while exists_at(c, ts) && ts < i64::MAX {
        ts += 1;
    }
    let fingerprint =
        kept_fp.unwrap_or_else(|| ts.saturating_mul(1000).saturating_add((seq % 1000) as i64));
    let mut msg = Map::new();
    for key in [
        "mentions",
        "references",
        "original",
        "properties",
        "translated",
        "automated",
    ] {
        if let Some(v) = body.get(key) {
            msg.insert(key.to_owned(), v.clone());
        }
    }
    let user = body.get("user").cloned().unwrap_or_else(|| {
        if from == "user" {
            json!({"type": "participant", "user_id": c.session_id,
                   "nickname": c.meta.get("nickname").cloned().unwrap_or(json!("visitor"))})
        } else {
            json!({"type": "website", "user_id": "", "nickname": "Operator"})
        }
    });
    msg.insert("session_id".to_owned(), json!(c.session_id));
    msg.insert("website_id".to_owned(), json!(wid));
    msg.insert("type".to_owned(), json!(kind));
    msg.insert("from".to_owned(), json!(from));
    msg.insert(
        "origin".to_owned(),
        body.get("origin").cloned().unwrap_or(json!("chat")),
    );
    msg.insert("content".to_owned(), content.clone());
    msg.insert("stamped".to_owned(), json!(true));
    msg.insert("fingerprint".to_owned(), json!(fingerprint));
    msg.insert("timestamp".to_owned(), json!(ts));
    msg.insert("user".to_owned(), user);
    msg.insert("edited".to_owned(), json!(false));
    let pos = {
        let cref: &Conversation = c;
        let slots_ref = cref.messages.as_deref().unwrap_or(&[]);
        slots_ref.partition_point(|s| cref.slot_timestamp(s) <= ts)
    };
    c.slots()
        .insert(pos, Msg::Full(Box::new(Value::Object(msg))));
    if let Some(mentions) = body.get("mentions").and_then(Value::as_array) {
        for m in mentions.iter().filter_map(Value::as_str) {
            if !c.mentions.iter().any(|x| x == m) {
                c.mentions.push(m.to_owned());
            }
        }
    }
    c.updated_at = c.updated_at.max(ts);
    if kind != "note" {
        c.last_message = excerpt(&kind, &content);
        c.preview = Some(
            json!({"type": kind, "from": from, "excerpt": c.last_message, "fingerprint": fingerprint}),
        );
        if from == "user" {
            c.unread_operator += 1;
            c.waiting_since.get_or_insert(ts);
            if c.state == "resolved" {
                c.state = "unresolved".to_owned();
            }
        } else {
            c.unread_visitor += 1;
            c.waiting_since = None;
            if c.state == "pending" {
                c.state = "unresolved".to_owned();
            }
        }
    }
    let sid = c.session_id.clone();
    ctx.write_key = Some(match client_fp {
        Some(fp) => format!("message:{fp}"),
        None => {
            let content_s = content.to_string();
            let h = fnv64(&[
                sid.as_bytes(),
                kind.as_bytes(),
                from.as_bytes(),
                content_s.as_bytes(),
            ]);
            format!("message:{sid}:{h:016x}")
        }
    });
    ctx.reason = Some("dispatched");
    Ok(json!({ "fingerprint": fingerprint }))
}

fn fp_param(ctx: &Ctx<'_>) -> Result<i64, ApiError> {
    ctx.param("fingerprint")
        .parse::<i64>()
        .map_err(|_| ApiError::not_found("message_not_found", "message not found"))
}

fn find_slot(c: &mut Conversation, fp: i64) -> Result<usize, ApiError> {
    c.slots();
    let c: &Conversation = c;
    c.messages
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .position(|s| c.slot_fingerprint(s) == fp)
        .ok_or_else(|| ApiError::not_found("message_not_found", "message not found"))
}

/// `GET …/message/{fingerprint}`.
pub(crate) fn get_message(ctx: &mut Ctx<'_>) -> Res {
    let fp = fp_param(ctx)?;
    let wid = website_id(ctx);
    let c = conv(ctx)?;
    let i = find_slot(c, fp)?;
    let c: &Conversation = c;
    let slot = c
        .messages
        .as_deref()
        .and_then(|m| m.get(i))
        .ok_or_else(|| ApiError::not_found("message_not_found", "message not found"))?;
    Ok(render_msg(c, slot, &wid))
}

/// `PATCH …/message/{fingerprint}`: replaces the content, marks the message edited.
pub(crate) fn edit_message(ctx: &mut Ctx<'_>) -> Res {
    let fp = fp_param(ctx)?;
    let content = ctx.b("content").cloned().unwrap_or(Value::Null);
    let wid = website_id(ctx);
    let sid = ctx.param("session_id").to_owned();
    let (_, c) = conv_w(ctx)?;
    let i = find_slot(c, fp)?;
    let mut rendered = {
        let cref: &Conversation = c;
        match cref.messages.as_deref().and_then(|m| m.get(i)) {
            Some(slot) => render_msg(cref, slot, &wid),
            None => {
                return Err(ApiError::not_found(
                    "message_not_found",
                    "message not found",
                ));
            }
        }
    };
    let kind = rendered
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("text")
        .to_owned();
    check_content(&kind, &content)?;
    if let Some(o) = rendered.as_object_mut() {
        o.insert("content".to_owned(), content);
        o.insert("edited".to_owned(), json!(true));
        o.remove("read");
        o.remove("delivered");
    }
    if let Some(slot) = c.slots().get_mut(i) {
        *slot = Msg::Full(Box::new(rendered));
    }
    ctx.write_key = Some(format!("message:edit:{sid}:{fp}"));
    Ok(json!({}))
}

/// `DELETE …/message/{fingerprint}`.
pub(crate) fn delete_message(ctx: &mut Ctx<'_>) -> Res {
    let fp = fp_param(ctx)?;
    let sid = ctx.param("session_id").to_owned();
    let (_, c) = conv_w(ctx)?;
    let i = find_slot(c, fp)?;
    c.slots().remove(i);
    c.marks.remove(&fp);
    ctx.write_key = Some(format!("message:delete:{sid}:{fp}"));
    Ok(json!({}))
}

/// `PATCH …/compose`.
pub(crate) fn compose(ctx: &mut Ctx<'_>) -> Res {
    let kind = ctx.bs("type").unwrap_or("").to_owned();
    if !matches!(kind.as_str(), "start" | "stop") {
        return Err(ApiError::invalid("data.type should be start or stop"));
    }
    let from = ctx.bs("from").unwrap_or("operator").to_owned();
    let excerpt = ctx.bs("excerpt").unwrap_or("").to_owned();
    let automated = ctx.b("automated").and_then(Value::as_bool).unwrap_or(false);
    let side = if from == "user" {
        "visitor"
    } else {
        "operator"
    };
    let now = ctx.st.now();
    let c = conv(ctx)?;
    if kind == "stop" {
        c.compose.remove(side);
    } else {
        c.compose.insert(
            side.to_owned(),
            json!({"type": kind, "excerpt": excerpt, "timestamp": now, "automated": automated}),
        );
    }
    Ok(json!({}))
}

fn mark(ctx: &mut Ctx<'_>, read: bool) -> Res {
    let from = ctx.bs("from").unwrap_or("").to_owned();
    if !matches!(from.as_str(), "user" | "operator") {
        return Err(ApiError::invalid("data.from should be user or operator"));
    }
    let origin = ctx.bs("origin").unwrap_or("chat").to_owned();
    let fps: Vec<i64> = ctx
        .b("fingerprints")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    let (_, c) = conv_w(ctx)?;
    for fp in fps {
        let entry = c.marks.entry(fp).or_insert((None, None));
        if read {
            entry.0 = Some(origin.clone());
        } else {
            entry.1 = Some(origin.clone());
        }
    }
    if read {
        if from == "operator" {
            c.unread_operator = 0;
        } else {
            c.unread_visitor = 0;
        }
    }
    Ok(json!({}))
}

/// `PATCH …/read`.
pub(crate) fn mark_read(ctx: &mut Ctx<'_>) -> Res {
    mark(ctx, true)
}

/// `PATCH …/delivered`.
pub(crate) fn mark_delivered(ctx: &mut Ctx<'_>) -> Res {
    mark(ctx, false)
}

/// `PATCH …/unread`.
pub(crate) fn mark_unread(ctx: &mut Ctx<'_>) -> Res {
    let from = ctx.bs("from").unwrap_or("").to_owned();
    if !matches!(from.as_str(), "user" | "operator") {
        return Err(ApiError::invalid("data.from should be user or operator"));
    }
    let (_, c) = conv_w(ctx)?;
    if from == "operator" {
        c.unread_operator = c.unread_operator.max(1);
    } else {
        c.unread_visitor = c.unread_visitor.max(1);
    }
    Ok(json!({}))
}

/// `PATCH …/open`.
pub(crate) fn set_open(ctx: &mut Ctx<'_>) -> Res {
    let opened = ctx.b("opened").and_then(Value::as_bool).unwrap_or(false);
    conv(ctx)?.opened = opened;
    Ok(json!({}))
}

/// `GET …/routing`.
pub(crate) fn routing_get(ctx: &mut Ctx<'_>) -> Res {
    let c = conv(ctx)?;
    Ok(match &c.assigned {
        Some(a) => json!({"assigned": {"user_id": a}}),
        None => json!({"assigned": null}),
    })
}

fn assigned_of(v: Option<&Value>) -> Result<Option<String>, ApiError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => match o.get("user_id") {
            Some(Value::String(s)) => Ok(Some(s.clone())),
            _ => Err(ApiError::invalid(
                "data.assigned should have required property '.user_id'",
            )),
        },
        Some(_) => Err(ApiError::invalid("data.assigned should be object or null")),
    }
}

/// `PATCH …/routing`.
pub(crate) fn routing_set(ctx: &mut Ctx<'_>) -> Res {
    let assigned = assigned_of(ctx.b("assigned"))?;
    let (_, c) = conv_w(ctx)?;
    c.assigned = assigned;
    Ok(json!({}))
}

/// `PATCH …/inbox`.
pub(crate) fn inbox_set(ctx: &mut Ctx<'_>) -> Res {
    let inbox = ctx.bs("inbox_id").map(str::to_owned);
    let (_, c) = conv_w(ctx)?;
    c.inbox_id = inbox;
    Ok(json!({}))
}

/// `GET …/meta`.
pub(crate) fn meta_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(render_meta(conv(ctx)?))
}

/// `PATCH …/meta`: top-level fields replace, `data` merges key by key.
pub(crate) fn meta_set(ctx: &mut Ctx<'_>) -> Res {
    let body = ctx.body.as_object().cloned().unwrap_or_default();
    let (_, c) = conv_w(ctx)?;
    for (k, v) in body {
        if k == "data"
            && let (Some(Value::Object(existing)), Value::Object(new)) =
                (c.meta.get_mut("data"), &v)
        {
            for (dk, dv) in new {
                existing.insert(dk.clone(), dv.clone());
            }
            continue;
        }
        c.meta.insert(k, v);
    }
    Ok(json!({}))
}

/// `GET …/original/{original_id}`.
pub(crate) fn original(ctx: &mut Ctx<'_>) -> Res {
    let wid = website_id(ctx);
    let oid = ctx.param("original_id").to_owned();
    let c = conv(ctx)?;
    Ok(
        json!({"website_id": wid, "session_id": c.session_id, "original_id": oid, "type": "full",
              "headers": {"content-type": "text/html"}, "content": "<p>original</p>", "timestamp": c.created_at}),
    )
}

/// `GET …/pages/{page_number}`.
pub(crate) fn pages(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let wid = website_id(ctx);
    let c = conv(ctx)?;
    let mut all = seeded_pages(c, &wid);
    all.extend(c.pages.iter().cloned());
    Ok(Value::Array(paged(&all, page)))
}

/// The browsing history of a seeded conversation (computed, never stored).
fn seeded_pages(c: &Conversation, website_id: &str) -> Vec<Value> {
    if c.seed.is_none() {
        return Vec::new();
    }
    (0..3)
        .map(|i| {
            json!({"page_title": format!("Page {i}"),
                   "page_url": format!("https://{website_id}.example.com/page/{i}"),
                   "page_referrer": "https://search.example.com/", "timestamp": c.created_at + i})
        })
        .collect()
}

/// `GET …/events/{page_number}`.
pub(crate) fn events(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    Ok(Value::Array(paged(&conv(ctx)?.events, page)))
}

/// `GET …/files/{page_number}`: the file messages of the conversation.
pub(crate) fn files(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let c = conv(ctx)?;
    c.slots();
    let c: &Conversation = c;
    let files: Vec<Value> = c
        .messages
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .filter_map(|s| match s {
            Msg::Full(v) if v.get("type").and_then(Value::as_str) == Some("file") => {
                let content = v.get("content").cloned().unwrap_or(json!({}));
                Some(
                    json!({"name": content.get("name").cloned().unwrap_or(json!("")),
                            "type": content.get("type").cloned().unwrap_or(json!("")),
                            "url": content.get("url").cloned().unwrap_or(json!("")),
                            "fingerprint": v.get("fingerprint").cloned().unwrap_or(json!(0)),
                            "timestamp": v.get("timestamp").cloned().unwrap_or(json!(0))}),
                )
            }
            _ => None,
        })
        .collect();
    Ok(Value::Array(paged(&files, page)))
}

/// `GET …/state`.
pub(crate) fn state_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"state": conv(ctx)?.state}))
}

/// `PATCH …/state`.
pub(crate) fn state_set(ctx: &mut Ctx<'_>) -> Res {
    let state = ctx.bs("state").unwrap_or("").to_owned();
    if !matches!(state.as_str(), "pending" | "unresolved" | "resolved") {
        return Err(ApiError::invalid(
            "data.state should be pending, unresolved or resolved",
        ));
    }
    let sid = ctx.param("session_id").to_owned();
    let (_, c) = conv_w(ctx)?;
    c.state = state.clone();
    ctx.write_key = Some(format!("conversation:state:{sid}:{state}"));
    Ok(json!({}))
}

/// `GET …/relations`.
pub(crate) fn relations(ctx: &mut Ctx<'_>) -> Res {
    conv(ctx)?;
    Ok(json!({"conversations": {"parent": null, "children": []}}))
}

/// `GET …/participants`.
pub(crate) fn participants_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"participants": conv(ctx)?.participants}))
}

/// `PUT …/participants`.
pub(crate) fn participants_set(ctx: &mut Ctx<'_>) -> Res {
    let list = ctx
        .b("participants")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for p in &list {
        let ok = p.get("type").is_some_and(Value::is_string)
            && p.get("target").is_some_and(Value::is_string);
        if !ok {
            return Err(ApiError::invalid(
                "data.participants items should have string type and target",
            ));
        }
    }
    let (_, c) = conv_w(ctx)?;
    c.participants = list;
    Ok(json!({}))
}

/// `GET …/block`.
pub(crate) fn block_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"blocked": conv(ctx)?.blocked}))
}

/// `PATCH …/block`.
pub(crate) fn block_set(ctx: &mut Ctx<'_>) -> Res {
    let blocked = ctx.b("blocked").and_then(Value::as_bool).unwrap_or(false);
    let (_, c) = conv_w(ctx)?;
    c.blocked = blocked;
    Ok(json!({}))
}

/// `GET …/verify`.
pub(crate) fn verify_get(ctx: &mut Ctx<'_>) -> Res {
    let c = conv(ctx)?;
    Ok(json!({"verified": c.verified, "verifications": c.verifications}))
}

/// `PATCH …/verify`.
pub(crate) fn verify_set(ctx: &mut Ctx<'_>) -> Res {
    let verified = ctx.b("verified").and_then(Value::as_bool).unwrap_or(false);
    let (_, c) = conv_w(ctx)?;
    c.verified = verified;
    Ok(json!({}))
}

fn check_identity(identity: &str) -> Result<(), ApiError> {
    if identity == "email" || identity == "phone" || identity.starts_with("urn:") {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "data.identity should be email, phone or urn:*",
        ))
    }
}

/// `POST …/verify/identity`.
pub(crate) fn verify_request(ctx: &mut Ctx<'_>) -> Res {
    check_identity(ctx.bs("identity").unwrap_or(""))?;
    if ctx.bs("method") != Some("link") {
        return Err(ApiError::invalid("data.method should be link"));
    }
    conv(ctx).map(|_| json!({}))
}

/// `PUT …/verify/identity/link`.
pub(crate) fn verify_redeem(ctx: &mut Ctx<'_>) -> Res {
    let identity = ctx.bs("identity").unwrap_or("").to_owned();
    check_identity(&identity)?;
    let recipient = ctx.bs("recipient").unwrap_or("").to_owned();
    let (_, c) = conv_w(ctx)?;
    c.verified = true;
    c.verifications
        .push(json!({"identity": identity, "method": "link", "annotation": recipient}));
    Ok(json!({}))
}

/// `POST …/transcript`.
pub(crate) fn transcript(ctx: &mut Ctx<'_>) -> Res {
    if !matches!(ctx.bs("to"), Some("user") | Some("operator")) {
        return Err(ApiError::invalid("data.to should be user or operator"));
    }
    conv(ctx).map(|_| json!({}))
}

/// `GET …/browsing`.
pub(crate) fn browsing_list(ctx: &mut Ctx<'_>) -> Res {
    Ok(Value::Array(conv(ctx)?.browsing.clone()))
}

/// `POST …/browsing`.
pub(crate) fn browsing_start(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.st.new_id("browsing");
    let token = ctx.st.new_id("browsing-token");
    let c = conv(ctx)?;
    c.browsing.push(
        json!({"browsing_id": id, "browsing_token": token, "useragent": "Mozilla/5.0 (sim)"}),
    );
    Ok(json!({}))
}

/// `PATCH …/browsing/{browsing_id}` and `…/assist` (browsing sessions are ephemeral: any id).
pub(crate) fn browsing_action(ctx: &mut Ctx<'_>) -> Res {
    conv(ctx).map(|_| json!({}))
}

/// `POST …/call`.
pub(crate) fn call_start(ctx: &mut Ctx<'_>) -> Res {
    if let Some(mode) = ctx.bs("mode")
        && !matches!(mode, "audio" | "video")
    {
        return Err(ApiError::invalid("data.mode should be audio or video"));
    }
    let id = ctx.st.new_id("call");
    let (_, c) = conv_w(ctx)?;
    c.call = Some(id.clone());
    Ok(json!({ "call_id": id }))
}

/// `GET …/call`.
pub(crate) fn call_get(ctx: &mut Ctx<'_>) -> Res {
    match &conv(ctx)?.call {
        Some(id) => Ok(json!({ "call_id": id })),
        None => Err(ApiError::not_found("call_not_found", "no ongoing call")),
    }
}

fn ongoing_call<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut Conversation, ApiError> {
    let call_id = ctx.param("call_id").to_owned();
    let c = conv(ctx)?;
    if c.call.as_deref() == Some(call_id.as_str()) {
        Ok(c)
    } else {
        Err(ApiError::not_found("call_not_found", "call not found"))
    }
}

/// `DELETE …/call/{call_id}`.
pub(crate) fn call_abort(ctx: &mut Ctx<'_>) -> Res {
    ongoing_call(ctx)?.call = None;
    Ok(json!({}))
}

/// `PATCH …/call/{call_id}`.
pub(crate) fn call_signal(ctx: &mut Ctx<'_>) -> Res {
    ongoing_call(ctx).map(|_| json!({}))
}

/// `POST …/widget/{plugin_id}/button|data`.
pub(crate) fn widget_action(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.st.new_id("correlation");
    conv(ctx)?;
    Ok(json!({"correlation_id": id, "strategy": {"attempts": 3, "exhaustion": 10000}}))
}

// ---------------------------------------------------------------------------------------------
// Batch operations
// ---------------------------------------------------------------------------------------------

/// The sessions a batch body targets: `sessions`, else every session of `inbox_id`, else all.
fn targets(ctx: &mut Ctx<'_>) -> Result<Vec<String>, ApiError> {
    let sessions: Option<Vec<String>> = ctx.b("sessions").and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    });
    let inbox = ctx.bs("inbox_id").map(str::to_owned);
    let site = ctx.site()?;
    Ok(match sessions {
        Some(list) => list
            .into_iter()
            .filter(|s| site.conversations.contains_key(s))
            .collect(),
        None => {
            let mut all: Vec<&Conversation> = site
                .conversations
                .values()
                .filter(|c| inbox.is_none() || c.inbox_id == inbox)
                .collect();
            all.sort_by_key(|c| c.seq);
            all.iter().map(|c| c.session_id.clone()).collect()
        }
    })
}

fn batch<F>(ctx: &mut Ctx<'_>, apply: F) -> Res
where
    F: Fn(&mut Conversation),
{
    let ids = targets(ctx)?;
    let now = ctx.st.now();
    let site = ctx.site()?;
    for id in ids {
        if let Some(c) = site.conversations.get_mut(&id) {
            apply(c);
            c.updated_at = c.updated_at.max(now);
        }
    }
    Ok(json!({}))
}

/// `PATCH …/batch/resolve`.
pub(crate) fn batch_resolve(ctx: &mut Ctx<'_>) -> Res {
    batch(ctx, |c| c.state = "resolved".to_owned())
}

/// `PATCH …/batch/unresolve`.
pub(crate) fn batch_unresolve(ctx: &mut Ctx<'_>) -> Res {
    batch(ctx, |c| c.state = "unresolved".to_owned())
}

/// `PATCH …/batch/read`.
pub(crate) fn batch_read(ctx: &mut Ctx<'_>) -> Res {
    batch(ctx, |c| c.unread_operator = 0)
}

/// `PATCH …/batch/unread`.
pub(crate) fn batch_unread(ctx: &mut Ctx<'_>) -> Res {
    batch(ctx, |c| c.unread_operator = c.unread_operator.max(1))
}

/// `PATCH …/batch/remove`: conversations, or people profiles when the body has `people`.
pub(crate) fn batch_remove(ctx: &mut Ctx<'_>) -> Res {
    if ctx.b("people").is_some() {
        return people::batch_remove(ctx);
    }
    let ids = targets(ctx)?;
    let site = ctx.site()?;
    for id in ids {
        site.conversations.remove(&id);
    }
    Ok(json!({}))
}

/// `POST …/batch/report`.
pub(crate) fn batch_report(ctx: &mut Ctx<'_>) -> Res {
    targets(ctx).map(|_| json!({}))
}

/// `PATCH …/batch/block`.
pub(crate) fn batch_block(ctx: &mut Ctx<'_>) -> Res {
    let blocked = ctx.b("blocked").and_then(Value::as_bool).unwrap_or(false);
    batch(ctx, |c| c.blocked = blocked)
}

/// `PATCH …/batch/routing`.
pub(crate) fn batch_routing(ctx: &mut Ctx<'_>) -> Res {
    let assigned = assigned_of(ctx.b("assigned"))?;
    batch(ctx, |c| c.assigned = assigned.clone())
}

/// `PATCH …/batch/inbox`.
pub(crate) fn batch_inbox(ctx: &mut Ctx<'_>) -> Res {
    let inbox = ctx.bs("inbox_id").map(str::to_owned);
    let sessions = ctx.b("sessions").cloned();
    // `inbox_id` here is the destination, not a filter: target only `sessions`.
    let ids: Vec<String> = sessions
        .as_ref()
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let now = ctx.st.now();
    let site = ctx.site()?;
    for id in ids {
        if let Some(c) = site.conversations.get_mut(&id) {
            c.inbox_id = inbox.clone();
            c.updated_at = c.updated_at.max(now);
        }
    }
    Ok(json!({}))
}

/// `PATCH …/batch/data`: conversations' `meta.data`, or people data when the body has `people`.
pub(crate) fn batch_data(ctx: &mut Ctx<'_>) -> Res {
    if ctx.b("people").is_some() {
        return people::batch_data(ctx);
    }
    if ctx.b("sessions").is_none() {
        return Err(ApiError::invalid(
            "data should have required property '.sessions'",
        ));
    }
    let data = ctx
        .b("data")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    batch(ctx, |c| {
        let entry = c.meta.entry("data").or_insert_with(|| json!({}));
        if let Some(o) = entry.as_object_mut() {
            for (k, v) in &data {
                o.insert(k.clone(), v.clone());
            }
        }
    })
}

/// `PATCH …/batch/segments`: adds segments to conversations, or to people with `people`.
pub(crate) fn batch_segments(ctx: &mut Ctx<'_>) -> Res {
    if ctx.b("people").is_some() {
        return people::batch_segments(ctx);
    }
    if ctx.b("sessions").is_none() {
        return Err(ApiError::invalid(
            "data should have required property '.sessions'",
        ));
    }
    let segments: Vec<String> = ctx
        .b("segments")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    batch(ctx, |c| {
        let mut current = segments_of(c);
        for s in &segments {
            if !current.contains(s) {
                current.push(s.clone());
            }
        }
        c.meta.insert("segments".to_owned(), json!(current));
    })
}
