//! Carrot Quest / Dashly API v1 and v2: the `apps`, `conversations`, `users` and `utils` routes.
//!
//! Written from `docs/api/carrot-api.md` (protocol notes) and `carrot-examples/` (vendor
//! payloads): `{meta, data}` envelope, vendor error names (a missing object is `400 LookupError`),
//! parameters from the query, url-encoded or multipart bodies (or a flat JSON object), nested values
//! JSON-encoded, ids as numbers or strings (`id_as_string`), v1 `after`/`count` and v2
//! `paginate_*` cursors, leads `offset`/`limit`.

pub(crate) mod page;
pub(crate) mod state;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use http::{Method, StatusCode, header};
use serde_json::{Map, Value, json};

use crate::accounting::Accounting;
use crate::config::Seed;
use crate::exchange::{Exchange, Reply};
use crate::form;
use page::{ByKey, Direction, Page, PageReq, paginate};
use state::{Conversation, Event, Part, PartExtra, PartKind, Presence, State, User};

/// Longest message body accepted before `ReplyTooBig`.
const MAX_REPLY_CHARS: usize = 20_000;
/// Most operations one props request may carry.
const MAX_PROPS_OPERATIONS: usize = 250;

/// Which API version a request uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiVersion {
    /// The deprecated v1 (`/v1/…` or `version=1`): `after`/`count` cursors, short event answers.
    V1,
    /// The current default (`/v2/…`, no prefix, or `version=2`): `paginate_*` cursors.
    V2,
}

/// Settings of the simulated Carrot app.
#[derive(Debug, Clone)]
pub struct CarrotConfig {
    /// The API token accepted (`Authorization: Token …`, `Bearer …` or `auth_token`).
    pub token: String,
    /// The app id (also reachable as `$self_app`).
    pub app_id: u64,
    /// The `token` field sent in outgoing web hooks.
    pub webhook_token: String,
    /// The fixture.
    pub seed: Seed,
}

impl Default for CarrotConfig {
    fn default() -> Self {
        CarrotConfig {
            token: "app.3.5f1b0c2d9e8a4b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a".into(),
            app_id: 3,
            webhook_token: "carrot-webhook-secret".into(),
            seed: Seed::default(),
        }
    }
}

/// An outgoing web hook body (form-encoded), queued by handlers and posted by the core.
#[derive(Debug, Clone)]
pub(crate) struct HookBody(pub String);

/// The simulated Carrot app.
pub struct CarrotSim {
    cfg: CarrotConfig,
    state: Mutex<State>,
    acct: Arc<Accounting>,
    hooks: Option<tokio::sync::mpsc::UnboundedSender<HookBody>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    ActiveUsers,
    Leads,
    AppConversations,
    Channels,
    ConvGet,
    Parts,
    Reply,
    SetTyping,
    Assign,
    TagAdd,
    TagDelete,
    Close,
    MarkRead,
    UserGet,
    EventsGet,
    UserConversations,
    EventsPost,
    Props,
    SetPresence,
    SendMessage,
    StartConversation,
    Import,
    Unsubscribe,
    Email,
}

impl Route {
    fn class(self) -> &'static str {
        match self {
            Route::ActiveUsers => "apps.activeusers",
            Route::Leads => "apps.users",
            Route::AppConversations => "apps.conversations",
            Route::Channels => "apps.channels",
            Route::ConvGet => "conversations.get",
            Route::Parts => "conversations.parts",
            Route::Reply => "conversations.reply",
            Route::SetTyping => "conversations.settyping",
            Route::Assign => "conversations.assign",
            Route::TagAdd | Route::TagDelete => "conversations.tag",
            Route::Close => "conversations.close",
            Route::MarkRead => "conversations.markread",
            Route::UserGet => "users.get",
            Route::EventsGet | Route::EventsPost => "users.events",
            Route::UserConversations => "users.conversations",
            Route::Props => "users.props",
            Route::SetPresence => "users.setpresence",
            Route::SendMessage => "users.sendmessage",
            Route::StartConversation => "users.startconversation",
            Route::Import => "users.import",
            Route::Unsubscribe => "users.unsubscribeemail",
            Route::Email => "utils.email",
        }
    }
}

enum RouteErr {
    NotFound,
    Method,
}

/// Matches a path (after any version prefix) to a route and its raw path argument.
fn resolve<'p>(method: &Method, path: &'p str) -> Result<(Route, &'p str), RouteErr> {
    let trimmed = path.trim_start_matches('/');
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    let segs: Vec<&str> = trimmed.split('/').collect();
    let get = method == Method::GET || method == Method::HEAD;
    let post = method == Method::POST;
    let pick = |ok: bool, r: Route, arg: &'p str| {
        if ok {
            Ok((r, arg))
        } else {
            Err(RouteErr::Method)
        }
    };
    match segs.as_slice() {
        ["apps", app, tail] => {
            let r = match *tail {
                "activeusers" => Route::ActiveUsers,
                "users" => Route::Leads,
                "conversations" => Route::AppConversations,
                "channels" => Route::Channels,
                _ => return Err(RouteErr::NotFound),
            };
            pick(get, r, app)
        }
        ["conversations", id] => pick(get, Route::ConvGet, id),
        ["conversations", id, tail] => match *tail {
            "parts" => pick(get, Route::Parts, id),
            "reply" => pick(post, Route::Reply, id),
            "settyping" => pick(post, Route::SetTyping, id),
            "assign" => pick(post, Route::Assign, id),
            "close" => pick(post, Route::Close, id),
            "markread" => pick(post, Route::MarkRead, id),
            "tag" if post => Ok((Route::TagAdd, id)),
            "tag" if method == Method::DELETE => Ok((Route::TagDelete, id)),
            "tag" => Err(RouteErr::Method),
            _ => Err(RouteErr::NotFound),
        },
        ["users", "import"] if post => Ok((Route::Import, "")),
        ["users", id] => pick(get, Route::UserGet, id),
        ["users", id, tail] => match *tail {
            "events" if get => Ok((Route::EventsGet, id)),
            "events" if post => Ok((Route::EventsPost, id)),
            "events" => Err(RouteErr::Method),
            "conversations" => pick(get, Route::UserConversations, id),
            "props" => pick(post, Route::Props, id),
            "setpresence" => pick(post, Route::SetPresence, id),
            "sendmessage" => pick(post, Route::SendMessage, id),
            "startconversation" => pick(post, Route::StartConversation, id),
            "unsubscribeemail" => pick(post, Route::Unsubscribe, id),
            _ => Err(RouteErr::NotFound),
        },
        ["utils", "email"] => pick(post, Route::Email, ""),
        _ => Err(RouteErr::NotFound),
    }
}

/// The route class of a Carrot request path (after the version prefix), for rate limits.
pub fn route_class(method: &Method, path: &str) -> &'static str {
    match resolve(method, path) {
        Ok((r, _)) => r.class(),
        Err(_) => "unknown",
    }
}

/// A vendor error.
#[derive(Debug)]
struct ApiErr {
    status: u16,
    name: &'static str,
    message: String,
    field: Option<&'static str>,
}

type Res<T> = Result<T, ApiErr>;

fn validation(field: &'static str, message: impl Into<String>) -> ApiErr {
    ApiErr {
        status: 400,
        name: "ValidationError",
        message: message.into(),
        field: Some(field),
    }
}

fn lookup(message: impl Into<String>) -> ApiErr {
    ApiErr {
        status: 400,
        name: "LookupError",
        message: message.into(),
        field: None,
    }
}

fn api_err(status: u16, name: &'static str, message: impl Into<String>) -> ApiErr {
    ApiErr {
        status,
        name,
        message: message.into(),
        field: None,
    }
}

/// The Carrot error envelope (`{"meta": {status, error, error_message}, "data": {}}`).
pub fn error_reply(status: u16, name: &str, message: &str) -> Reply {
    let st = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    Reply::json(
        st,
        &json!({"meta": {"status": status, "error": name, "error_message": message}, "data": {}}),
    )
}

fn reply_for(e: &ApiErr) -> Reply {
    let mut meta = json!({"status": e.status, "error": e.name, "error_message": e.message});
    if let (Some(f), Some(m)) = (e.field, meta.as_object_mut()) {
        m.insert("error_fields".into(), json!({ f: [e.message.clone()] }));
    }
    let st = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    Reply::json(st, &json!({"meta": meta, "data": {}}))
}

fn ok(data: Value, meta: Map<String, Value>) -> Reply {
    let mut m = meta;
    m.insert("status".into(), Value::from(200));
    Reply::json(StatusCode::OK, &json!({"meta": m, "data": data}))
}

/// Decoded parameters of one request plus per-request rendering options.
struct Req {
    params: Vec<(String, form::Value)>,
    v1: bool,
    ids_str: bool,
}

/// Docs rule: `false`, `0` or empty (any case) are false, anything else true.
fn truthy(s: &str) -> bool {
    !(s.is_empty() || s == "0" || s.eq_ignore_ascii_case("false"))
}

impl Req {
    fn get(&self, k: &str) -> Option<&str> {
        self.params.iter().find_map(|(n, v)| match v {
            form::Value::Text(t) if n == k => Some(t.as_str()),
            _ => None,
        })
    }
    fn text(&self, k: &str) -> Option<&str> {
        self.get(k).filter(|s| !s.is_empty())
    }
    fn flag(&self, k: &str) -> Option<bool> {
        self.get(k).map(truthy)
    }
    fn file(&self, k: &str) -> Option<(&str, &Bytes)> {
        self.params.iter().find_map(|(n, v)| match v {
            form::Value::File { filename, data, .. } if n == k => Some((filename.as_str(), data)),
            _ => None,
        })
    }
    fn uint(&self, k: &'static str) -> Res<Option<u64>> {
        match self.text(k) {
            None => Ok(None),
            Some(s) => s
                .trim()
                .parse::<u64>()
                .map(Some)
                .map_err(|_| validation(k, format!("{k} must be an unsigned integer"))),
        }
    }
    fn json(&self, k: &'static str) -> Res<Option<Value>> {
        match self.text(k) {
            None => Ok(None),
            Some(s) => serde_json::from_str(s)
                .map(Some)
                .map_err(|_| validation(k, format!("{k} must be valid JSON"))),
        }
    }
    fn id(&self, v: u64) -> Value {
        if self.ids_str {
            Value::from(v.to_string())
        } else {
            Value::from(v)
        }
    }
    /// Include flag with a default.
    fn include(&self, k: &str, default: bool) -> bool {
        self.flag(k).unwrap_or(default)
    }
}

/// Parses an id that may arrive as a JSON number or a string.
fn json_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn json_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn ts_to_us(ts: f64) -> u64 {
    if ts.is_finite() && ts > 0.0 {
        (ts * 1e6).round() as u64
    } else {
        0
    }
}

fn us_to_ts(us: u64) -> Value {
    Value::from(us as f64 / 1e6)
}

/// Pagination parameters as asked for, independent of the key type.
struct Paging {
    v1: bool,
    position: Option<Vec<Value>>,
    after: Option<Value>,
    direction: Direction,
    including: bool,
    count: usize,
    asc: bool,
}

fn paging(req: &Req) -> Res<Paging> {
    let legacy = req.v1
        || ((req.get("after").is_some() || req.get("count").is_some())
            && !req.params.iter().any(|(k, _)| k.starts_with("paginate_")));
    let count_key = if legacy { "count" } else { "paginate_count" };
    let count = match req.text(count_key) {
        None => 20,
        Some(s) => match s.trim().parse::<usize>() {
            Ok(n) if (1..=50).contains(&n) => n,
            _ => {
                return Err(validation(
                    if legacy { "count" } else { "paginate_count" },
                    "count must be between 1 and 50",
                ));
            }
        },
    };
    if legacy {
        // An empty `after` (`text` skips it) and `after=0` mean "no cursor": the PHP wrapper
        // `veksa/carrot-api` sends `after=0` on every first page.
        let after = match req.text("after") {
            None => None,
            Some(s) => Some(
                serde_json::from_str::<Value>(s)
                    .ok()
                    .filter(|v| json_f64(v).is_some())
                    .ok_or_else(|| validation("after", "after must be a number"))?,
            )
            .filter(|v| json_f64(v) != Some(0.0)),
        };
        return Ok(Paging {
            v1: true,
            position: None,
            after,
            direction: Direction::Before,
            including: false,
            count,
            asc: false,
        });
    }
    let position = match req.json("paginate_position")? {
        None => None,
        Some(Value::Array(a)) if !a.is_empty() => Some(a),
        Some(Value::Number(n)) => Some(vec![Value::Number(n)]),
        Some(_) => {
            return Err(validation(
                "paginate_position",
                "paginate_position must be a non-empty JSON array",
            ));
        }
    };
    let direction = match req.text("paginate_direction") {
        None | Some("before") => Direction::Before,
        Some("after") => Direction::After,
        Some("around") => Direction::Around,
        Some(_) => {
            return Err(validation(
                "paginate_direction",
                "paginate_direction must be after, before or around",
            ));
        }
    };
    let asc = match req.text("paginate_page_order") {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(_) => {
            return Err(validation(
                "paginate_page_order",
                "paginate_page_order must be asc or desc",
            ));
        }
    };
    if direction == Direction::Around && position.is_none() {
        return Err(validation(
            "paginate_position",
            "paginate_direction=around needs paginate_position",
        ));
    }
    Ok(Paging {
        v1: false,
        position,
        after: None,
        direction,
        including: req.flag("paginate_including").unwrap_or(false),
        count,
        asc,
    })
}

impl Paging {
    /// For id-ordered lists (parts, events).
    fn by_id(&self) -> Res<PageReq<u64>> {
        let position = if self.v1 {
            match &self.after {
                None => None,
                Some(v) => {
                    Some(json_u64(v).ok_or_else(|| validation("after", "after must be an id"))?)
                }
            }
        } else {
            match &self.position {
                None => None,
                Some(a) => Some(
                    a.first()
                        .and_then(json_u64)
                        .ok_or_else(|| validation("paginate_position", "expected [id]"))?,
                ),
            }
        };
        Ok(PageReq {
            position,
            direction: self.direction,
            including: self.including,
            count: self.count,
            asc: self.asc,
        })
    }

    /// For conversations ordered by `(last_update, id)`.
    fn by_time(&self) -> Res<PageReq<(u64, u64)>> {
        let position = if self.v1 {
            match &self.after {
                None => None,
                Some(v) => Some((
                    ts_to_us(
                        json_f64(v)
                            .ok_or_else(|| validation("after", "after must be a timestamp"))?,
                    ),
                    0,
                )),
            }
        } else {
            match self.position.as_deref() {
                None => None,
                Some([t]) => {
                    let us = ts_to_us(json_f64(t).ok_or_else(|| {
                        validation("paginate_position", "expected [timestamp, id]")
                    })?);
                    let id = if self.direction == Direction::After {
                        u64::MAX
                    } else {
                        0
                    };
                    Some((us, id))
                }
                Some([t, id, ..]) => Some((
                    ts_to_us(json_f64(t).ok_or_else(|| {
                        validation("paginate_position", "expected [timestamp, id]")
                    })?),
                    json_u64(id).ok_or_else(|| {
                        validation("paginate_position", "expected [timestamp, id]")
                    })?,
                )),
                Some([]) => None,
            }
        };
        Ok(PageReq {
            position,
            direction: self.direction,
            including: self.including,
            count: self.count,
            asc: self.asc,
        })
    }
}

/// Cursor `meta` for an id-ordered page.
fn meta_ids(req: &Req, pg: &Paging, page: &Page<u64>) -> Map<String, Value> {
    let mut m = Map::new();
    if pg.v1 {
        m.insert(
            "next_after".into(),
            page.next_before.map_or(Value::Null, |id| req.id(id)),
        );
    } else {
        m.insert(
            "next_before_position".into(),
            page.next_before
                .map_or(Value::Null, |id| json!([req.id(id)])),
        );
        m.insert(
            "next_after_position".into(),
            page.next_after
                .map_or(Value::Null, |id| json!([req.id(id)])),
        );
    }
    m
}

/// Cursor `meta` for a time-ordered page.
fn meta_time(req: &Req, pg: &Paging, page: &Page<(u64, u64)>) -> Map<String, Value> {
    let mut m = Map::new();
    if pg.v1 {
        m.insert(
            "next_after".into(),
            page.next_before.map_or(Value::Null, |(t, _)| us_to_ts(t)),
        );
    } else {
        let pos = |k: Option<(u64, u64)>| {
            k.map_or(Value::Null, |(t, id)| json!([us_to_ts(t), req.id(id)]))
        };
        m.insert("next_before_position".into(), pos(page.next_before));
        m.insert("next_after_position".into(), pos(page.next_after));
    }
    m
}

fn admin_json(req: &Req, st: &State, id: u64) -> Value {
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

fn user_json(req: &Req, st: &State, u: &User, full: bool) -> Value {
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

fn presence_details(u: &User) -> Value {
    json!({
        "presence": u.presence.as_str(),
        "last_seen": u.presence_at,
        "current_page": u.presence_page,
    })
}

fn event_json(req: &Req, st: &State, e: &Event, props_as_string: bool) -> Value {
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

fn part_json(req: &Req, st: &State, c: &Conversation, p: &Part) -> Value {
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

fn conversation_json(req: &Req, st: &State, c: &Conversation) -> Value {
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

/// Compares two property values for sorting (numbers numerically, otherwise as text).
fn cmp_props(a: Option<&Value>, b: Option<&Value>) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (None, None) => Equal,
        (None, Some(_)) => Less,
        (Some(_), None) => Greater,
        (Some(x), Some(y)) => match (json_f64(x), json_f64(y)) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(Equal),
            _ => text(x).cmp(&text(y)),
        },
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Evaluates one leads filter `{type, property_name, value}`.
fn filter_one(u: &User, f: &Value) -> Res<bool> {
    let bad = || validation("filters", "each filter needs type and property_name");
    let kind = f.get("type").and_then(Value::as_str).ok_or_else(bad)?;
    let name = f
        .get("property_name")
        .and_then(Value::as_str)
        .ok_or_else(bad)?;
    let want = f.get("value").unwrap_or(&Value::Null);
    let have = if name == "$user_id" {
        u.user_id.clone().map(Value::from)
    } else {
        u.props.get(name).cloned()
    };
    let have = have.as_ref();
    let ord = || cmp_props(have, Some(want));
    Ok(match kind {
        "eq" => have.is_some_and(|h| text(h) == text(want)),
        "neq" => have.is_none_or(|h| text(h) != text(want)),
        "contains" => have.is_some_and(|h| text(h).contains(&text(want))),
        "not_contains" => !have.is_some_and(|h| text(h).contains(&text(want))),
        "known" | "have" => have.is_some(),
        "unknown" | "not_have" => have.is_none(),
        "gt" => have.is_some() && ord().is_gt(),
        "gte" => have.is_some() && ord().is_ge(),
        "lt" => have.is_some() && ord().is_lt(),
        "lte" => have.is_some() && ord().is_le(),
        _ => {
            return Err(validation(
                "filters",
                format!("unknown filter type `{kind}`"),
            ));
        }
    })
}

fn filter_user(u: &User, filters: &Value) -> Res<bool> {
    let list = filters
        .get("filters")
        .and_then(Value::as_array)
        .ok_or_else(|| validation("filters", "filters must be {type, filters: [...]}"))?;
    let any = match filters.get("type").and_then(Value::as_str) {
        None | Some("and") => false,
        Some("or") => true,
        Some(_) => return Err(validation("filters", "filters.type must be and or or")),
    };
    if list.is_empty() {
        return Ok(true);
    }
    let mut acc = !any;
    for f in list {
        let r = filter_one(u, f)?;
        if any {
            acc |= r;
        } else {
            acc &= r;
        }
    }
    Ok(acc)
}

/// Applies one props operation; `Ok(true)` when it changed something.
fn apply_op(props: &mut BTreeMap<String, Value>, op: &str, key: &str, value: &Value) -> Res<bool> {
    let empty = value.is_null() || value.as_str() == Some("");
    let as_list = |v: &Value| -> Vec<Value> {
        match v {
            Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        }
    };
    Ok(match op {
        "update_or_create" => {
            if empty || props.get(key) == Some(value) {
                false
            } else {
                props.insert(key.to_string(), value.clone());
                true
            }
        }
        "set_once" => {
            if empty || props.contains_key(key) {
                false
            } else {
                props.insert(key.to_string(), value.clone());
                true
            }
        }
        "add" => {
            let Some(delta) = json_f64(value) else {
                return Ok(false);
            };
            let cur = match props.get(key) {
                None => Value::from(0),
                Some(v) => v.clone(),
            };
            let Some(c) = json_f64(&cur) else {
                return Ok(false);
            };
            let int_delta = match value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.parse::<i64>().ok(),
                _ => None,
            };
            let int_cur = match &cur {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.parse::<i64>().ok(),
                _ => None,
            };
            let new = match (int_cur, int_delta) {
                (Some(a), Some(b)) => a.checked_add(b).map_or(Value::from(c + delta), Value::from),
                _ => Value::from(c + delta),
            };
            if delta == 0.0 {
                return Ok(false);
            }
            props.insert(key.to_string(), new);
            true
        }
        "delete" => props.remove(key).is_some(),
        "append" => {
            let entry = props.entry(key.to_string()).or_insert_with(|| json!([]));
            if !entry.is_array() {
                *entry = json!([entry.clone()]);
            }
            if let Value::Array(a) = entry {
                a.push(value.clone());
            }
            true
        }
        "union" => {
            let entry = props.entry(key.to_string()).or_insert_with(|| json!([]));
            if !entry.is_array() {
                *entry = json!([entry.clone()]);
            }
            let mut changed = false;
            if let Value::Array(a) = entry {
                for v in as_list(value) {
                    if !a.contains(&v) {
                        a.push(v);
                        changed = true;
                    }
                }
            }
            changed
        }
        "exclude" => match props.get_mut(key) {
            Some(Value::Array(a)) => {
                let drop = as_list(value);
                let before = a.len();
                a.retain(|v| !drop.contains(v));
                a.len() != before
            }
            _ => false,
        },
        other => {
            return Err(validation(
                "operations",
                format!("unknown operation `{other}`"),
            ));
        }
    })
}

fn content_type(ex: &Exchange) -> &str {
    ex.headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Decodes query and body parameters.
fn decode_params(ex: &Exchange) -> Res<Vec<(String, form::Value)>> {
    let mut out = Vec::new();
    let bad = |e: form::FormError| api_err(400, "BadRequest", e.0);
    form::urlencoded(ex.query.as_bytes(), &mut out).map_err(bad)?;
    if ex.body.is_empty() {
        return Ok(out);
    }
    let ct = content_type(ex).to_ascii_lowercase();
    if ct.starts_with("multipart/form-data") {
        let b = form::boundary(content_type(ex))
            .ok_or_else(|| api_err(400, "BadRequest", "multipart body without a boundary"))?;
        form::multipart(&ex.body, &b, &mut out).map_err(bad)?;
    } else if ct.starts_with("application/json") {
        form::json_object(&ex.body, &mut out).map_err(bad)?;
    } else {
        // Form encoding is the documented default; a missing content type is read the same way.
        form::urlencoded(&ex.body, &mut out).map_err(bad)?;
    }
    Ok(out)
}

/// The token a request carries (header first, then `auth_token`).
pub(crate) fn request_token(ex: &Exchange) -> Option<&str> {
    let h = ex.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, rest) = h.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("token") || scheme.eq_ignore_ascii_case("bearer"))
        .then(|| rest.trim())
}

impl CarrotSim {
    /// Builds the app from its fixture. Writes are counted in `acct`; web hook bodies go to
    /// `hooks` when set.
    pub(crate) fn new(
        cfg: CarrotConfig,
        acct: Arc<Accounting>,
        hooks: Option<tokio::sync::mpsc::UnboundedSender<HookBody>>,
    ) -> Self {
        let state = State::seeded(cfg.app_id, &cfg.seed);
        CarrotSim {
            cfg,
            state: Mutex::new(state),
            acct,
            hooks,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The configuration.
    pub fn config(&self) -> &CarrotConfig {
        &self.cfg
    }

    /// Seeded (and created) user ids, ascending.
    pub fn user_ids(&self) -> Vec<u64> {
        self.lock().users.iter().map(|u| u.id).collect()
    }

    /// External `user_id` of a user, if any.
    pub fn external_user_id(&self, id: u64) -> Option<String> {
        self.lock().user(id).and_then(|u| u.user_id.clone())
    }

    /// Conversation ids, ascending.
    pub fn conversation_ids(&self) -> Vec<u64> {
        self.lock().conversations.iter().map(|c| c.id).collect()
    }

    /// Admin ids.
    pub fn admin_ids(&self) -> Vec<u64> {
        self.lock().admins.iter().map(|a| a.id).collect()
    }

    /// Mails accepted by `POST /utils/email`.
    pub fn sent_emails(&self) -> Vec<Value> {
        self.lock().emails.clone()
    }

    /// Total parts in all conversations.
    pub fn part_count(&self) -> usize {
        self.lock()
            .conversations
            .iter()
            .map(|c| c.parts.len())
            .sum()
    }

    /// Form fields of a conversation web hook for one part (`type=conversation`), or `None` when
    /// the part does not exist.
    pub fn conversation_webhook_form(
        &self,
        conversation: u64,
        part: Option<u64>,
    ) -> Option<String> {
        let st = self.lock();
        self.conversation_hook(&st, conversation, part)
    }

    /// Form fields of an event web hook (`type=event`), or `None` when the event does not exist.
    pub fn event_webhook_form(&self, event: u64) -> Option<String> {
        let st = self.lock();
        self.event_hook(&st, event)
    }

    fn conversation_hook(
        &self,
        st: &State,
        conversation: u64,
        part: Option<u64>,
    ) -> Option<String> {
        let c = st.conv(conversation)?;
        let p = match part {
            Some(id) => c.parts.iter().find(|p| p.id == id)?,
            None => c.parts.last()?,
        };
        let req = Req {
            params: Vec::new(),
            v1: false,
            ids_str: false,
        };
        let mut v = part_json(&req, st, c, p);
        if let Some(m) = v.as_object_mut() {
            m.insert("conversation_closed".into(), Value::from(c.closed));
            m.insert("conversation_tags".into(), json!(c.tags));
            m.insert("conversation_assistant_type".into(), Value::Null);
            m.insert(
                "assignee".into(),
                c.assignee.map_or(Value::Null, |a| admin_json(&req, st, a)),
            );
            m.insert(
                "user".into(),
                st.user(c.user)
                    .map_or(Value::Null, |u| user_json(&req, st, u, false)),
            );
            m.insert("from".into(), Value::from(p.from));
        }
        serde_urlencoded::to_string([
            ("type", "conversation"),
            ("token", self.cfg.webhook_token.as_str()),
            ("conversation", v.to_string().as_str()),
        ])
        .ok()
    }

    fn event_hook(&self, st: &State, event: u64) -> Option<String> {
        let e = st.event(event)?;
        let req = Req {
            params: Vec::new(),
            v1: false,
            ids_str: false,
        };
        let user = st
            .user(e.user)
            .map_or(Value::Null, |u| user_json(&req, st, u, false));
        let ev = event_json(&req, st, e, false);
        serde_urlencoded::to_string([
            ("type", "event"),
            ("token", self.cfg.webhook_token.as_str()),
            ("user", user.to_string().as_str()),
            ("user_id", e.user.to_string().as_str()),
            ("event_name", st.event_type_name(e.type_id)),
            ("event", ev.to_string().as_str()),
            ("event_id", e.id.to_string().as_str()),
        ])
        .ok()
    }

    fn queue_hook(&self, body: Option<String>) {
        if let (Some(tx), Some(b)) = (&self.hooks, body) {
            let _ = tx.send(HookBody(b));
        }
    }

    /// Answers one request. `version` is the path prefix (`None` without one: then the `version`
    /// parameter decides, default v2). `path` in the exchange excludes the prefix.
    pub fn handle(&self, ex: &Exchange, version: Option<ApiVersion>) -> Reply {
        let (route, arg) = match resolve(&ex.method, &ex.path) {
            Ok(r) => r,
            Err(RouteErr::NotFound) => {
                return error_reply(
                    404,
                    "Error404",
                    "The requested URL was not found on the server",
                );
            }
            Err(RouteErr::Method) => {
                return error_reply(
                    405,
                    "MethodNotAllowed",
                    "The method is not allowed for the requested URL",
                );
            }
        };
        let params = match decode_params(ex) {
            Ok(p) => p,
            Err(e) => return reply_for(&e),
        };
        let mut req = Req {
            params,
            v1: false,
            ids_str: false,
        };
        let token = request_token(ex).or_else(|| req.get("auth_token"));
        if token != Some(self.cfg.token.as_str()) {
            return error_reply(
                401,
                "NotAuthenticated",
                "Authentication credentials were not provided or are invalid",
            );
        }
        req.v1 = match version {
            Some(v) => v == ApiVersion::V1,
            None => req.get("version").map(str::trim) == Some("1"),
        };
        req.ids_str = req.flag("id_as_string").unwrap_or(false);
        let arg = match form::decode_path_segment(arg) {
            Ok(a) => a,
            Err(e) => return reply_for(&api_err(400, "BadRequest", e.0)),
        };
        let result = self.dispatch(route, &arg, &req);
        match result {
            Ok((data, meta)) => ok(data, meta),
            Err(e) => reply_for(&e),
        }
    }

    fn check_app(&self, raw: &str) -> Res<()> {
        if raw == "$self_app" || raw.parse::<u64>().ok() == Some(self.cfg.app_id) {
            Ok(())
        } else {
            Err(api_err(
                403,
                "PermissionDeniedError",
                "You have no access to this app",
            ))
        }
    }

    fn check_app_param(&self, req: &Req) -> Res<()> {
        match req.text("app") {
            None => Ok(()),
            Some(a) => self.check_app(a),
        }
    }

    /// Finds (or with `create`, creates) the user a path names.
    fn user_id(&self, st: &mut State, raw: &str, req: &Req, create: bool) -> Res<u64> {
        self.check_app_param(req)?;
        if req.flag("by_user_id") == Some(true) {
            if raw.is_empty() || raw.chars().count() > 255 {
                return Err(validation("user_id", "user_id must be 1 to 255 characters"));
            }
            if let Some(&id) = st.by_user_id.get(raw) {
                return Ok(id);
            }
            if create {
                let now = st.now_us() / 1_000_000;
                return Ok(st.create_user(Some(raw.to_string()), now));
            }
            return Err(lookup(format!("User with user_id `{raw}` not found")));
        }
        let id: u64 = raw
            .parse()
            .map_err(|_| lookup(format!("User `{raw}` not found")))?;
        st.user(id)
            .map(|u| u.id)
            .ok_or_else(|| lookup(format!("User {id} not found")))
    }

    fn conv_id(st: &State, raw: &str) -> Res<u64> {
        let id: u64 = raw
            .parse()
            .map_err(|_| lookup(format!("Conversation `{raw}` not found")))?;
        st.conv(id)
            .map(|c| c.id)
            .ok_or_else(|| lookup(format!("Conversation {id} not found")))
    }

    fn admin_param(st: &State, req: &Req, key: &'static str, required: bool) -> Res<Option<u64>> {
        match req.text(key) {
            None if required => Err(validation(key, format!("{key} is required"))),
            None => Ok(None),
            Some("default_admin") => Ok(st.admins.first().map(|a| a.id)),
            Some(s) => {
                let id: u64 = s.trim().parse().map_err(|_| {
                    validation(key, format!("{key} must be an admin id or default_admin"))
                })?;
                st.admin(id)
                    .map(|a| Some(a.id))
                    .ok_or_else(|| lookup(format!("Admin {id} not found")))
            }
        }
    }

    fn write(&self, key: String) {
        self.acct.record_write(key);
    }

    fn dispatch(&self, route: Route, arg: &str, req: &Req) -> Res<(Value, Map<String, Value>)> {
        let mut st = self.lock();
        let st = &mut *st;
        let none = Map::new;
        match route {
            Route::ActiveUsers => {
                self.check_app(arg)?;
                let users: Vec<Value> = st
                    .users
                    .iter()
                    .filter(|u| u.presence == Presence::Online)
                    .map(|u| user_json(req, st, u, false))
                    .collect();
                Ok((Value::Array(users), none()))
            }
            Route::Channels => {
                self.check_app(arg)?;
                let admins: Vec<Value> = st.admins.iter().map(|a| req.id(a.id)).collect();
                let list: Vec<Value> = st
                    .channels
                    .iter()
                    .enumerate()
                    .map(|(i, ch)| {
                        json!({
                            "id": req.id(ch.id),
                            "name": ch.name,
                            "avatar": null,
                            "type": ch.kind,
                            "operators": admins,
                            "priority": i,
                        })
                    })
                    .collect();
                Ok((Value::Array(list), none()))
            }
            Route::Leads => {
                self.check_app(arg)?;
                let offset = req.uint("offset")?.unwrap_or(0) as usize;
                let limit = match req.uint("limit")? {
                    None => 20,
                    Some(n @ 1..=50) => n as usize,
                    Some(_) => return Err(validation("limit", "limit must be between 1 and 50")),
                };
                let filters = req.json("filters")?;
                let sort_prop = req.text("sort_prop").unwrap_or("$last_seen");
                let asc = match req.text("sort_order") {
                    None | Some("desc") => false,
                    Some("asc") => true,
                    Some(_) => {
                        return Err(validation("sort_order", "sort_order must be asc or desc"));
                    }
                };
                let mut matched: Vec<&User> = Vec::new();
                for u in &st.users {
                    if match &filters {
                        None => true,
                        Some(f) => filter_user(u, f)?,
                    } {
                        matched.push(u);
                    }
                }
                matched.sort_by(|a, b| {
                    cmp_props(a.props.get(sort_prop), b.props.get(sort_prop)).then(a.id.cmp(&b.id))
                });
                if !asc {
                    matched.reverse();
                }
                let total = matched.len();
                let users: Vec<Value> = matched
                    .into_iter()
                    .skip(offset)
                    .take(limit)
                    .map(|u| user_json(req, st, u, false))
                    .collect();
                Ok((json!({"users": users, "total": total}), none()))
            }
            Route::AppConversations => {
                self.check_app(arg)?;
                let pg = paging(req)?;
                let closed = req.flag("closed");
                let answered = req.flag("answered");
                let delayed = req.flag("delayed");
                let assigned = req.uint("assigned")?;
                let include_not_assigned = req.flag("include_not_assigned").unwrap_or(false);
                let tags: Option<Vec<String>> = match req.text("tags") {
                    None => None,
                    Some(s) if s.trim_start().starts_with('[') => {
                        let v: Vec<String> = serde_json::from_str(s).map_err(|_| {
                            validation("tags", "tags must be a JSON array of strings")
                        })?;
                        Some(v)
                    }
                    Some(s) => Some(
                        s.split(',')
                            .map(|t| t.trim().to_string())
                            .filter(|t| !t.is_empty())
                            .collect(),
                    ),
                };
                let include_no_tags = req.flag("include_no_tags").unwrap_or(false);
                let channel = req.uint("channel")?;
                let assistant = req.text("assistant_type");
                let keep = |(_, id): (u64, u64)| -> bool {
                    let Some(c) = st.conv(id) else { return false };
                    if closed.is_some_and(|x| x != c.closed) {
                        return false;
                    }
                    if answered.is_some_and(|x| x != c.replied()) {
                        return false;
                    }
                    if delayed == Some(true) || assistant.is_some() {
                        return false;
                    }
                    if let Some(a) = assigned {
                        let hit = if a == 0 {
                            c.assignee.is_none()
                        } else {
                            c.assignee == Some(a)
                        };
                        if !(hit || include_not_assigned && c.assignee.is_none()) {
                            return false;
                        }
                    }
                    if let Some(t) = &tags {
                        let hit = t.iter().all(|t| c.tags.contains(t));
                        if !(hit || include_no_tags && c.tags.is_empty()) {
                            return false;
                        }
                    }
                    !channel.is_some_and(|ch| ch != 0 && c.channel != ch)
                };
                let page = paginate(&st.conv_order, &keep, &pg.by_time()?);
                let data: Vec<Value> = page
                    .items
                    .iter()
                    .filter_map(|&(_, id)| st.conv(id))
                    .map(|c| conversation_json(req, st, c))
                    .collect();
                Ok((Value::Array(data), meta_time(req, &pg, &page)))
            }
            Route::ConvGet => {
                let id = Self::conv_id(st, arg)?;
                let c = st
                    .conv(id)
                    .ok_or_else(|| lookup("Conversation not found"))?;
                Ok((conversation_json(req, st, c), none()))
            }
            Route::Parts => {
                let id = Self::conv_id(st, arg)?;
                let pg = paging(req)?;
                let c = st
                    .conv(id)
                    .ok_or_else(|| lookup("Conversation not found"))?;
                let src = ByKey {
                    items: &c.parts,
                    key: |p: &Part| p.id,
                };
                let page = paginate(&src, &|_| true, &pg.by_id()?);
                let data: Vec<Value> = page
                    .items
                    .iter()
                    .filter_map(|id| c.parts.binary_search_by_key(id, |p| p.id).ok())
                    .map(|i| part_json(req, st, c, &c.parts[i]))
                    .collect();
                Ok((Value::Array(data), meta_ids(req, &pg, &page)))
            }
            Route::Reply => self.reply(st, arg, req),
            Route::SetTyping => {
                let id = Self::conv_id(st, arg)?;
                let who = match req.text("from_user") {
                    Some(_) => st.conv(id).map_or(0, |c| c.user),
                    None => Self::admin_param(st, req, "from_admin", false)?
                        .or_else(|| st.admins.first().map(|a| a.id))
                        .unwrap_or(0),
                };
                let body = req.get("body").unwrap_or("").to_string();
                if let Some(c) = st.conv_mut(id) {
                    c.typing = Some((who, body));
                }
                self.write(format!("carrot:settyping:{id}"));
                Ok((json!({}), none()))
            }
            Route::Assign => {
                let id = Self::conv_id(st, arg)?;
                let from = Self::admin_param(st, req, "from_admin", true)?.unwrap_or(0);
                // An empty `admin` (or `0`) unassigns.
                let admin = if req.text("admin").map(str::trim) == Some("0") {
                    None
                } else {
                    Self::admin_param(st, req, "admin", false)?
                };
                let random_id = req.uint("random_id")?.unwrap_or(0);
                if st.conv(id).map(|c| c.assignee) == Some(admin) {
                    return Ok((json!({}), none()));
                }
                if let Some(c) = st.conv_mut(id) {
                    c.assignee = admin;
                }
                let body = match admin {
                    Some(a) => format!("assigned to {a}"),
                    None => "unassigned".to_string(),
                };
                let r = self.system_part(st, id, PartKind::Assigned, from, body, random_id, req)?;
                self.write(format!("carrot:assign:{id}:{}", admin.unwrap_or(0)));
                Ok((r, none()))
            }
            Route::TagAdd | Route::TagDelete => {
                let id = Self::conv_id(st, arg)?;
                let tag = req
                    .text("tag")
                    .ok_or_else(|| validation("tag", "tag is required"))?
                    .to_string();
                if tag.chars().count() > 255 {
                    return Err(validation("tag", "tag must be at most 255 characters"));
                }
                let from = Self::admin_param(st, req, "from_admin", false)?
                    .or_else(|| st.admins.first().map(|a| a.id))
                    .unwrap_or(0);
                let random_id = req.uint("random_id")?.unwrap_or(0);
                let delete = route == Route::TagDelete
                    || match req.text("action") {
                        None | Some("add") => false,
                        Some("delete") => true,
                        Some(_) => {
                            return Err(validation("action", "action must be add or delete"));
                        }
                    };
                let has = st.conv(id).is_some_and(|c| c.tags.contains(&tag));
                if delete {
                    if !has {
                        if req.v1 {
                            return Ok((json!({}), none()));
                        }
                        return Err(api_err(
                            400,
                            "ConversationTagIsNotAssigned",
                            format!("Tag `{tag}` is not assigned to the conversation"),
                        ));
                    }
                    if let Some(c) = st.conv_mut(id) {
                        c.tags.retain(|t| t != &tag);
                    }
                    let r = self.system_part(
                        st,
                        id,
                        PartKind::TagRemoved,
                        from,
                        tag.clone(),
                        random_id,
                        req,
                    )?;
                    self.write(format!("carrot:untag:{id}:{tag}"));
                    return Ok((if req.v1 { json!({}) } else { r }, none()));
                }
                if has {
                    if req.v1 {
                        return Ok((json!({}), none()));
                    }
                    return Err(api_err(
                        400,
                        "ConversationTagAlreadyAssigned",
                        format!("Tag `{tag}` is already assigned to the conversation"),
                    ));
                }
                if req.v1 && tag.contains(',') {
                    return Err(validation("tag", "tag must not contain commas"));
                }
                if let Some(c) = st.conv_mut(id) {
                    c.tags.push(tag.clone());
                }
                let r = self.system_part(
                    st,
                    id,
                    PartKind::TagAdded,
                    from,
                    tag.clone(),
                    random_id,
                    req,
                )?;
                self.write(format!("carrot:tag:{id}:{tag}"));
                Ok((if req.v1 { json!({}) } else { r }, none()))
            }
            Route::Close => {
                let id = Self::conv_id(st, arg)?;
                let from = Self::admin_param(st, req, "from_admin", true)?.unwrap_or(0);
                let random_id = req.uint("random_id")?.unwrap_or(0);
                if let Some(c) = st.conv_mut(id) {
                    c.closed = true;
                }
                let r = self.system_part(
                    st,
                    id,
                    PartKind::Closed,
                    from,
                    "closed".into(),
                    random_id,
                    req,
                )?;
                self.write(format!("carrot:close:{id}"));
                Ok((r, none()))
            }
            Route::MarkRead => {
                let id = Self::conv_id(st, arg)?;
                if let Some(c) = st.conv_mut(id) {
                    for p in &mut c.parts {
                        p.read = true;
                    }
                }
                self.write(format!("carrot:markread:{id}"));
                Ok((json!({"conversation": req.id(id)}), none()))
            }
            Route::UserGet => {
                let id = self.user_id(st, arg, req, false)?;
                let u = st.user(id).ok_or_else(|| lookup("User not found"))?;
                Ok((user_json(req, st, u, true), none()))
            }
            Route::EventsGet => {
                let id = self.user_id(st, arg, req, false)?;
                let pg = paging(req)?;
                let u = st.user(id).ok_or_else(|| lookup("User not found"))?;
                let filter = req.text("filter_name").map(str::to_string);
                let type_filter = filter.as_ref().map(|n| st.event_types.get(n).copied());
                let keep = |eid: u64| match type_filter {
                    None => true,
                    Some(None) => false,
                    Some(Some(t)) => st.event(eid).is_some_and(|e| e.type_id == t),
                };
                let src = ByKey {
                    items: &u.events,
                    key: |e: &u64| *e,
                };
                let page = paginate(&src, &keep, &pg.by_id()?);
                let pas = req.flag("props_as_string").unwrap_or(false);
                let data: Vec<Value> = page
                    .items
                    .iter()
                    .filter_map(|&e| st.event(e))
                    .map(|e| event_json(req, st, e, pas))
                    .collect();
                Ok((Value::Array(data), meta_ids(req, &pg, &page)))
            }
            Route::UserConversations => {
                let id = self.user_id(st, arg, req, false)?;
                let pg = paging(req)?;
                let only_replied = req.flag("with_user_replies_only").unwrap_or(false);
                let keys: BTreeSet<(u64, u64)> = st
                    .user(id)
                    .map(|u| {
                        u.conversations
                            .iter()
                            .filter_map(|&c| st.conv(c))
                            .filter(|c| !only_replied || c.user_replied())
                            .map(|c| (c.last_update_us, c.id))
                            .collect()
                    })
                    .unwrap_or_default();
                let page = paginate(&keys, &|_| true, &pg.by_time()?);
                let data: Vec<Value> = page
                    .items
                    .iter()
                    .filter_map(|&(_, c)| st.conv(c))
                    .map(|c| conversation_json(req, st, c))
                    .collect();
                Ok((Value::Array(data), meta_time(req, &pg, &page)))
            }
            Route::EventsPost => {
                let name = req
                    .text("event")
                    .ok_or_else(|| validation("event", "event is required"))?
                    .to_string();
                if name.chars().count() > 255 {
                    return Err(validation("event", "event must be 1 to 255 characters"));
                }
                let params = match req.json("params")? {
                    None => Map::new(),
                    Some(Value::Object(m)) => m,
                    Some(_) => return Err(validation("params", "params must be a JSON object")),
                };
                let created = match req.text("created") {
                    None => None,
                    Some(s) => Some(
                        s.trim()
                            .parse::<f64>()
                            .ok()
                            .filter(|t| t.is_finite() && *t >= 0.0)
                            .ok_or_else(|| {
                                validation("created", "created must be a Unix timestamp")
                            })? as u64,
                    ),
                };
                let uid = self.user_id(st, arg, req, true)?;
                let now = st.now_us() / 1_000_000;
                let eid = st.add_event(uid, &name, params, created.unwrap_or(now));
                self.write(format!(
                    "carrot:event:{uid}:{name}:{}",
                    req.get("params").unwrap_or("{}")
                ));
                let hook = self.event_hook(st, eid);
                self.queue_hook(hook);
                let e = st.event(eid).ok_or_else(|| lookup("event vanished"))?;
                let data = if req.v1 {
                    json!({"id": req.id(eid)})
                } else {
                    event_json(req, st, e, false)
                };
                Ok((data, none()))
            }
            Route::Props => {
                let raw = req
                    .text("operations")
                    .ok_or_else(|| validation("operations", "operations is required"))?;
                let ops = match serde_json::from_str::<Value>(raw) {
                    Ok(Value::Array(a)) => a,
                    _ => return Err(validation("operations", "operations must be a JSON array")),
                };
                if ops.len() > MAX_PROPS_OPERATIONS {
                    return Err(validation(
                        "operations",
                        format!("at most {MAX_PROPS_OPERATIONS} operations per request"),
                    ));
                }
                let mut parsed = Vec::with_capacity(ops.len());
                for op in &ops {
                    let o = op.get("op").and_then(Value::as_str);
                    let k = op.get("key").and_then(Value::as_str);
                    match (o, k) {
                        (Some(o), Some(k)) if !k.is_empty() && k.chars().count() <= 255 => {
                            if !matches!(
                                o,
                                "update_or_create"
                                    | "set_once"
                                    | "add"
                                    | "delete"
                                    | "append"
                                    | "union"
                                    | "exclude"
                            ) {
                                return Err(validation(
                                    "operations",
                                    format!("unknown operation `{o}`"),
                                ));
                            }
                            parsed.push((o, k, op.get("value").unwrap_or(&Value::Null)));
                        }
                        _ => {
                            return Err(validation(
                                "operations",
                                "each operation needs op and key (1 to 255 characters)",
                            ));
                        }
                    }
                }
                let uid = self.user_id(st, arg, req, true)?;
                let mut affected: Vec<Value> = Vec::new();
                let mut ignored: Vec<Value> = Vec::new();
                if let Some(u) = st.user_mut(uid) {
                    for (i, (o, k, v)) in parsed.into_iter().enumerate() {
                        if apply_op(&mut u.props, o, k, v)? {
                            if !affected.iter().any(|a| a == k) {
                                affected.push(Value::from(k));
                            }
                        } else {
                            ignored.push(ops[i].clone());
                        }
                    }
                }
                let ext = st
                    .user(uid)
                    .and_then(|u| match (&u.user_id, u.props.get("$user_id")) {
                        (None, Some(Value::String(ext))) => Some(ext.clone()),
                        _ => None,
                    });
                if let Some(ext) = ext
                    && !st.by_user_id.contains_key(&ext)
                {
                    if let Some(u) = st.user_mut(uid) {
                        u.user_id = Some(ext.clone());
                    }
                    st.by_user_id.insert(ext, uid);
                }
                self.write(format!("carrot:props:{uid}:{raw}"));
                let mut meta = Map::new();
                meta.insert("affected_props".into(), Value::Array(affected));
                meta.insert("ignored_operations".into(), Value::Array(ignored));
                Ok((json!({}), meta))
            }
            Route::SetPresence => {
                if req.flag("by_user_id") == Some(true) {
                    return Err(validation(
                        "by_user_id",
                        "setpresence accepts only the Carrot user id",
                    ));
                }
                let presence = match req.text("presence") {
                    Some("online") => Presence::Online,
                    Some("idle") => Presence::Idle,
                    Some("offline") => Presence::Offline,
                    Some(_) => {
                        return Err(validation("presence", "presence must be online or idle"));
                    }
                    None => return Err(validation("presence", "presence is required")),
                };
                let uid = self.user_id(st, arg, req, false)?;
                let page = req
                    .text("current_page")
                    .or(req.text("current_url"))
                    .map(str::to_string);
                let now = st.now_us() / 1_000_000;
                if let Some(u) = st.user_mut(uid) {
                    u.presence = presence;
                    u.presence_at = now;
                    if page.is_some() {
                        u.presence_page = page;
                    }
                }
                self.write(format!("carrot:setpresence:{uid}:{}", presence.as_str()));
                Ok((json!({}), none()))
            }
            Route::SendMessage => {
                let body = req
                    .text("body")
                    .ok_or_else(|| validation("body", "body is required"))?
                    .to_string();
                let kind = match req.text("type") {
                    None | Some("popup_chat") => "popup_chat",
                    Some("popup_small") => "popup_small",
                    Some("popup_big") => "popup_big",
                    Some("email") => "email",
                    Some(_) => {
                        return Err(validation(
                            "type",
                            "type must be popup_chat, popup_small or popup_big",
                        ));
                    }
                };
                if body.chars().count() > MAX_REPLY_CHARS {
                    return Err(api_err(400, "ReplyTooBig", "The message is too big"));
                }
                let uid = self.user_id(st, arg, req, false)?;
                let admin = st.admins.first().map_or(0, |a| a.id);
                let cid = st.open_conversation(uid, kind);
                st.push_part(
                    cid,
                    new_part(PartKind::ReplyAdmin, admin, body.clone(), 0, None),
                );
                if let Some(c) = st.conv_mut(cid) {
                    c.last_admin = Some(admin);
                }
                st.next_message += 1;
                let msg = st.next_message;
                self.write(format!("carrot:sendmessage:{uid}:{body}"));
                Ok((
                    json!({"conversation": req.id(cid), "message": req.id(msg)}),
                    none(),
                ))
            }
            Route::StartConversation => {
                let body = req.get("body").unwrap_or("").to_string();
                let file = req.file("file");
                if body.is_empty() && file.is_none() {
                    return Err(validation("body", "body or file is required"));
                }
                if file.is_some() && req.text("filename").is_none() {
                    return Err(validation("filename", "filename is required with file"));
                }
                if body.chars().count() > MAX_REPLY_CHARS {
                    return Err(api_err(400, "ReplyTooBig", "The message is too big"));
                }
                let random_id = req.uint("random_id")?.unwrap_or(0);
                let uid = self.user_id(st, arg, req, true)?;
                let cid = st.open_conversation(uid, "popup_chat");
                let mut part = new_part(PartKind::ReplyUser, uid, body.clone(), random_id, None);
                if let Some((_, data)) = file {
                    let name = req.text("filename").unwrap_or("file").to_string();
                    part.extra = Some(Box::new(PartExtra {
                        attachment: Some((name, data.len())),
                        ..PartExtra::default()
                    }));
                }
                let pid = st.push_part(cid, part);
                let disc = if random_id != 0 {
                    random_id.to_string()
                } else {
                    body
                };
                self.write(format!("carrot:startconversation:{uid}:{disc}"));
                let hook = self.conversation_hook(st, cid, pid);
                self.queue_hook(hook);
                Ok((json!({"id": req.id(cid)}), none()))
            }
            Route::Import => self.import(st, req),
            Route::Unsubscribe => {
                let uid = self.user_id(st, arg, req, false)?;
                if let Some(u) = st.user_mut(uid) {
                    u.props
                        .insert("$email_unsubscribed".into(), Value::Bool(true));
                }
                self.write(format!("carrot:unsubscribeemail:{uid}"));
                Ok((json!({}), none()))
            }
            Route::Email => {
                let from = req
                    .text("from_email")
                    .ok_or_else(|| validation("from_email", "from_email is required"))?;
                let to_raw = req
                    .text("to_emails")
                    .ok_or_else(|| validation("to_emails", "to_emails is required"))?;
                let to: Vec<String> = if to_raw.trim_start().starts_with('[') {
                    serde_json::from_str(to_raw).map_err(|_| {
                        validation("to_emails", "to_emails must be a JSON array of strings")
                    })?
                } else {
                    to_raw.split(',').map(|s| s.trim().to_string()).collect()
                };
                if to.is_empty() || to.iter().any(|t| !t.contains('@')) {
                    return Err(validation(
                        "to_emails",
                        "to_emails must hold e-mail addresses",
                    ));
                }
                let subject = req
                    .text("subject")
                    .ok_or_else(|| validation("subject", "subject is required"))?;
                let html = req
                    .text("html")
                    .ok_or_else(|| validation("html", "html is required"))?;
                st.emails.push(
                    json!({"from_email": from, "to_emails": to, "subject": subject, "html": html}),
                );
                self.write(format!("carrot:email:{subject}"));
                Ok((json!({}), none()))
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn system_part(
        &self,
        st: &mut State,
        conv: u64,
        kind: PartKind,
        from: u64,
        body: String,
        random_id: u64,
        req: &Req,
    ) -> Res<Value> {
        let group = st.new_part_group();
        let mut part = new_part(kind, from, body, random_id, None);
        part.part_group = group;
        let pid = st
            .push_part(conv, part)
            .ok_or_else(|| lookup("Conversation not found"))?;
        Ok(json!({"id": req.id(pid), "part_group": req.id(group)}))
    }

    fn reply(&self, st: &mut State, arg: &str, req: &Req) -> Res<(Value, Map<String, Value>)> {
        let id = Self::conv_id(st, arg)?;
        let conv_user = st.conv(id).map_or(0, |c| c.user);
        let (kind, from) = match (req.text("from_user"), req.text("from_admin")) {
            (Some(u), _) => {
                let uid = match u {
                    "default_user" => conv_user,
                    s if truthy(s) && s.parse::<u64>().is_err() => conv_user,
                    s => s.parse::<u64>().map_err(|_| {
                        validation("from_user", "from_user must be a user id or default_user")
                    })?,
                };
                if uid != conv_user {
                    return Err(api_err(
                        403,
                        "PermissionDeniedError",
                        "from_user must be the user of the conversation",
                    ));
                }
                (PartKind::ReplyUser, uid)
            }
            (None, Some(_)) => {
                let admin = Self::admin_param(st, req, "from_admin", true)?.unwrap_or(0);
                let kind = match req.text("type") {
                    None | Some("reply_admin") => PartKind::ReplyAdmin,
                    Some("note") => PartKind::Note,
                    Some("article") => PartKind::Article,
                    Some(_) => {
                        return Err(validation(
                            "type",
                            "type must be reply_admin, note or article",
                        ));
                    }
                };
                (kind, admin)
            }
            (None, None) => {
                return Err(validation(
                    "from_admin",
                    "from_admin or from_user is required",
                ));
            }
        };
        let body = req.get("body").unwrap_or("").to_string();
        let body_json = req.json("body_json")?;
        let attachment = req.file("attachment");
        if body.is_empty() && attachment.is_none() && body_json.is_none() {
            return Err(validation("body", "body is required"));
        }
        if body.chars().count() > MAX_REPLY_CHARS {
            return Err(api_err(400, "ReplyTooBig", "The reply is too big"));
        }
        let random_id = req.uint("random_id")?.unwrap_or(0);
        let external_id = req.text("external_id").map(str::to_string);
        let auto_assign = Self::admin_param(st, req, "auto_assign", false)?;
        let mut part = new_part(kind, from, body.clone(), random_id, None);
        if body_json.is_some() || external_id.is_some() || attachment.is_some() {
            part.extra = Some(Box::new(PartExtra {
                body_json,
                external_id: external_id.clone(),
                attachment: attachment.map(|(name, data)| {
                    (
                        req.text("attachment_file_name").unwrap_or(name).to_string(),
                        data.len(),
                    )
                }),
                sent_via: None,
            }));
        }
        if let Some(c) = st.conv_mut(id) {
            if kind == PartKind::ReplyUser {
                c.closed = false;
            } else if kind == PartKind::ReplyAdmin {
                for p in c.parts.iter_mut().filter(|p| p.kind.by_user()) {
                    p.read = true;
                }
            }
            if let Some(a) = auto_assign {
                c.assignee = Some(a);
            }
        }
        let pid = st
            .push_part(id, part)
            .ok_or_else(|| lookup("Conversation not found"))?;
        let disc = if random_id != 0 {
            random_id.to_string()
        } else if let Some(e) = external_id {
            e
        } else {
            body
        };
        self.write(format!("carrot:reply:{id}:{disc}"));
        if kind == PartKind::ReplyUser {
            let hook = self.conversation_hook(st, id, Some(pid));
            self.queue_hook(hook);
        }
        let c = st
            .conv(id)
            .ok_or_else(|| lookup("Conversation not found"))?;
        let i = c
            .parts
            .binary_search_by_key(&pid, |p| p.id)
            .map_err(|_| lookup("part vanished"))?;
        Ok((part_json(req, st, c, &c.parts[i]), Map::new()))
    }

    fn import(&self, st: &mut State, req: &Req) -> Res<(Value, Map<String, Value>)> {
        let app = req
            .text("app")
            .ok_or_else(|| validation("app", "app is required"))?;
        self.check_app(app)?;
        let (filename, data) = req
            .file("file")
            .ok_or_else(|| validation("file", "file (multipart CSV) is required"))?;
        if data.len() >= 30 * 1024 * 1024 {
            return Err(validation("file", "file must be smaller than 30 MB"));
        }
        let delim = match req.text("delimiter") {
            None | Some("tab") => '\t',
            Some("comma") => ',',
            Some("pipe") => '|',
            Some("semicolon") => ';',
            Some("space") => ' ',
            Some(_) => {
                return Err(validation(
                    "delimiter",
                    "delimiter must be comma, pipe, semicolon, tab or space",
                ));
            }
        };
        let merge = match req.text("merge_field") {
            None | Some("$user_id") => "$user_id",
            Some("$email") => "$email",
            Some(_) => {
                return Err(validation(
                    "merge_field",
                    "merge_field must be $user_id or $email",
                ));
            }
        };
        if let Some(t) = req.json("tags")?
            && !t.as_array().is_some_and(|a| a.iter().all(Value::is_string))
        {
            return Err(validation("tags", "tags must be a JSON array of strings"));
        }
        let text =
            std::str::from_utf8(data).map_err(|_| validation("file", "file must be UTF-8"))?;
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let header: Vec<String> = lines
            .next()
            .ok_or_else(|| validation("file", "file has no header row"))?
            .split(delim)
            .map(|h| h.trim().trim_matches('"').to_string())
            .collect();
        let Some(merge_col) = header.iter().position(|h| h == merge) else {
            return Err(validation("file", format!("header has no {merge} column")));
        };
        let mut row_errors = Map::new();
        let mut planned = 0u64;
        let now = st.now_us() / 1_000_000;
        for (i, line) in lines.enumerate() {
            let row = i + 1;
            let cells: Vec<&str> = line
                .split(delim)
                .map(|c| c.trim().trim_matches('"'))
                .collect();
            if cells.len() != header.len() {
                row_errors.insert(
                    row.to_string(),
                    Value::from(format!("Error in string {row}: wrong number of columns")),
                );
                continue;
            }
            let key = cells[merge_col];
            if key.is_empty() {
                row_errors.insert(
                    row.to_string(),
                    Value::from(format!("Error in string {row}: empty {merge}")),
                );
                continue;
            }
            let uid = if merge == "$user_id" {
                match st.by_user_id.get(key) {
                    Some(&id) => id,
                    None => st.create_user(Some(key.to_string()), now),
                }
            } else {
                let found = st
                    .users
                    .iter()
                    .find(|u| u.props.get("$email").and_then(Value::as_str) == Some(key))
                    .map(|u| u.id);
                match found {
                    Some(id) => id,
                    None => st.create_user(None, now),
                }
            };
            if let Some(u) = st.user_mut(uid) {
                for (h, c) in header.iter().zip(&cells) {
                    if h != "$user_id" && !c.is_empty() {
                        u.props.insert(h.clone(), Value::from(*c));
                    }
                }
            }
            planned += 1;
        }
        st.imports += 1;
        self.write(format!("carrot:import:{filename}:{}", data.len()));
        Ok((
            json!({"row_errors": row_errors, "updates_planned": planned}),
            Map::new(),
        ))
    }
}

fn new_part(
    kind: PartKind,
    from: u64,
    body: String,
    random_id: u64,
    extra: Option<Box<PartExtra>>,
) -> Part {
    Part {
        id: 0,
        created_us: 0,
        kind,
        from,
        body: Some(body.into_boxed_str()),
        read: false,
        random_id,
        part_group: 0,
        extra,
    }
}
