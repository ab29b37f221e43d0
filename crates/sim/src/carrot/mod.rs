//! Carrot Quest / Dashly API v1 and v2: the `apps`, `conversations`, `users` and `utils` routes.
//!
//! Written from `docs/api/carrot-api.md` (protocol notes) and `carrot-examples/` (vendor
//! payloads): `{meta, data}` envelope, vendor error names (a missing object is `400 LookupError`),
//! parameters from the query, url-encoded or multipart bodies (or a flat JSON object), nested values
//! JSON-encoded, ids as numbers or strings (`id_as_string`), v1 `after`/`count` and v2
//! `paginate_*` cursors, leads `offset`/`limit`.
//!
//! Laid out as the Crisp side is: this file holds the configuration, authentication and the
//! dispatch table; `routes.rs` maps paths to routes, `wire.rs` the envelope, errors and request
//! parameters, `paging.rs` and `page.rs` the cursors, `render.rs` the JSON forms, and one
//! handler file per API group: `apps.rs`, `conversations.rs`, `users.rs`, `utils.rs`.

mod apps;
mod conversations;
mod filters;
pub(crate) mod page;
mod paging;
mod render;
mod routes;
pub(crate) mod rts;
pub(crate) mod state;
mod users;
mod utils;
mod wire;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use http::{Method, StatusCode, header};
use serde_json::{Map, Value, json};

use crate::accounting::Accounting;
use crate::config::Seed;
use crate::exchange::{Exchange, Reply};
use crate::form;
use conversations::new_part;
use filters::{Filter, now_secs};
use page::{ByKey, Direction, Page, PageReq, paginate};
use paging::*;
use render::*;
use routes::*;
use state::{Conversation, Event, Part, PartExtra, PartKind, Presence, State, User};
use wire::*;

pub use routes::route_class;
pub use rts::{CarrotRts, RtsPublished, RtsStats};
pub use wire::error_reply;
pub(crate) use wire::request_token;

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
    /// The RTS server the writes publish to.
    rts: CarrotRts,
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
            rts: CarrotRts::default(),
        }
    }

    /// The RTS server (real-time messages of the writes) and its controls.
    pub fn rts(&self) -> &CarrotRts {
        &self.rts
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

    fn dispatch(&self, route: Route, arg: &str, req: &Req) -> Res<Answer> {
        let mut st = self.lock();
        let st = &mut *st;
        match route {
            Route::ActiveUsers => self.active_users(st, arg, req),
            Route::Channels => self.channels(st, arg, req),
            Route::Leads => self.leads(st, arg, req),
            Route::AppConversations => self.app_conversations(st, arg, req),
            Route::ConvGet => self.conversation(st, arg, req),
            Route::Parts => self.parts(st, arg, req),
            Route::Reply => self.reply(st, arg, req),
            Route::SetTyping => self.set_typing(st, arg, req),
            Route::Assign => self.assign(st, arg, req),
            Route::TagAdd | Route::TagDelete => self.tag(route, st, arg, req),
            Route::Close => self.close(st, arg, req),
            Route::MarkRead => self.mark_read(st, arg, req),
            Route::UserGet => self.user(st, arg, req),
            Route::EventsGet => self.events_get(st, arg, req),
            Route::UserConversations => self.user_conversations(st, arg, req),
            Route::EventsPost => self.events_post(st, arg, req),
            Route::Props => self.props(st, arg, req),
            Route::SetPresence => self.set_presence(st, arg, req),
            Route::SendMessage => self.send_message(st, arg, req),
            Route::StartConversation => self.start_conversation(st, arg, req),
            Route::Import => self.import(st, req),
            Route::Unsubscribe => self.unsubscribe(st, arg, req),
            Route::Email => self.email(st, arg, req),
        }
    }
}
