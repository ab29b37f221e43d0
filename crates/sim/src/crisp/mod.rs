//! The Crisp REST v1 side of the simulator.
//!
//! [`CrispSim`] is an independent, stateful implementation of the Crisp wire protocol, written from
//! the project's Crisp notes (`docs/api/crisp-api.md`, the endpoint catalogue, the Node client's
//! types and recorded requests). The server core hands it an [`Exchange`] (the path is what follows
//! `/v1`) and sends back the [`Reply`]; everything here is synchronous.
//!
//! # Protocol
//!
//! * Every answer is a `{error, reason, data}` envelope — `data: {}` when there is nothing to
//!   return — except HEAD `check…` routes, which answer an empty 200 (found) or 404 (absent).
//!   Success reasons: `resolved` (GET), `added` (POST), `updated` (PUT/PATCH), `deleted` (DELETE),
//!   `dispatched` (message send).
//! * Errors: 404 `not_found` (no such route, checked before auth), 401 `invalid_session`,
//!   403 `restricted_route_tier`, 404 `not_subscribed` (plugin token, website without the
//!   plugin), 400 `invalid_data` (invalid JSON or UTF-8, a body that is not an object, a missing
//!   required field, a wrong JSON type, an out-of-range value), 404 `website_not_found`,
//!   `session_not_found`, `message_not_found`, `people_not_found`, … for unknown ids,
//!   409 `people_exists` / `website_exists` / `operator_exists` on duplicates. Every error has
//!   a human `data.message`.
//! * Paths are split on `/` first and each segment percent-decoded after, so `a%2Fb` is one id;
//!   the Helpdesk tree `{path}` takes every remaining segment (it may contain `/`).
//! * Page-numbered lists are 1-based, 20 items a page (`per_page` 20–50 on conversations and
//!   people), and end with an empty page; they answer 200 on every page (see
//!   [`CrispListStatus`]). Messages come in batches of 20 in ascending time; walk older ones
//!   with `timestamp_before=<oldest timestamp seen>` (also `timestamp_after`,
//!   `timestamp_around`). A batch answers **206 Partial Content while the conversation holds
//!   messages older than the batch's oldest, and 200 once it holds the oldest** (or is empty),
//!   as Crisp staff describe the live API (crisp-im/ruby-crisp-api#16); the body is the same
//!   either way. [`CrispConfig::messages_always_ok`] turns the 206 off.
//! * Tiers: user-only are `POST /website`, `DELETE /website/{id}`, `…/expunge`, `/plans/…` and
//!   the legacy `/user/…` routes; `/plugin/connect/…` is plugin-only; subscribing or removing a
//!   plugin needs a user or website token; everything else accepts all three tiers.
//!
//! # Seed
//!
//! Deterministic, sized by [`CrispConfig`]. Per website: `conversations_per_website`
//! conversations ([`CrispConfig::seeded_session_id`]; states cycle pending / unresolved /
//! resolved; conversation `c` belongs to person `c % people`) with `messages_per_conversation`
//! messages each (alternately from `user` and `operator`, generated from their index on first
//! use, so 100k messages cost a few MB), `people_per_website` profiles
//! ([`CrispConfig::seeded_people_id`], email `person{p}@site{w}.example.com`), visitors,
//! 3 operators (the first is the owner), 2 inboxes, 2 teams, 25 campaigns, 3 templates, 2 spam
//! items, a Helpdesk with locales `en`/`fr`, a small `en/articles` tree, 25 legacy articles, and
//! an ongoing call on the first conversation. The plugin is installed on every seeded website.
//! Timestamps start at [`CrispConfig::epoch_ms`] and a logical clock advances one second per
//! write, so runs are reproducible.
//!
//! # Known simplifications
//!
//! Browsing sessions, originals, feedback, analytics and media are canned; spam decisions only
//! remove the item; website tokens are not bound to one workspace (any configured website
//! works); a missing `X-Crisp-Tier` means `user`, as in the official clients; a message replayed with the same fingerprint is stored again (and counted
//! twice in [`CrispSim::write_counts`], which is how duplicate deliveries are detected).

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use http::StatusCode;
use http::header::{AUTHORIZATION, HOST};
use serde_json::Value;
use sha2::Sha256;

use crate::exchange::{Exchange, Reply};

mod conversations;
mod ctx;
mod events;
mod people;
mod resources;
mod routes;
pub(crate) mod rtm;
mod state;
mod wire;

pub use rtm::{CrispRtm, RtmHeartbeat, RtmStats};

use ctx::Ctx;
use routes::{Lookup, M};
use state::State;
use wire::{ApiError, ok_reply, parse_body, parse_query};

/// The kind of token a keypair is, as sent in the `X-Crisp-Tier` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CrispTier {
    /// A user-account token (the official clients' default tier).
    User,
    /// A workspace-bound website token.
    Website,
    /// A Marketplace plugin token; only works on websites the plugin is installed on.
    Plugin,
}

impl CrispTier {
    /// The header value for this tier (`user`, `website` or `plugin`).
    pub fn as_str(self) -> &'static str {
        match self {
            CrispTier::User => "user",
            CrispTier::Website => "website",
            CrispTier::Plugin => "plugin",
        }
    }

    /// Parses an `X-Crisp-Tier` header value.
    pub fn parse(value: &str) -> Option<CrispTier> {
        match value.trim() {
            "user" => Some(CrispTier::User),
            "website" => Some(CrispTier::Website),
            "plugin" => Some(CrispTier::Plugin),
            _ => None,
        }
    }
}

/// One token keypair the simulator accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrispKeypair {
    /// The token identifier (Basic auth user name).
    pub identifier: String,
    /// The token key (Basic auth password).
    pub key: String,
    /// The tier the token belongs to; requests must announce it in `X-Crisp-Tier`.
    pub tier: CrispTier,
}

impl CrispKeypair {
    /// The `Authorization` header value for this keypair (`Basic base64(identifier:key)`).
    pub fn authorization(&self) -> String {
        let raw = format!("{}:{}", self.identifier, self.key);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }
}

/// How the simulator is seeded and which credentials it accepts.
///
/// Everything is deterministic: two simulators built from equal configs answer identically.
#[derive(Debug, Clone)]
pub struct CrispConfig {
    /// The accepted keypairs. The first one is the "default" keypair handed out to quickstarts.
    pub keypairs: Vec<CrispKeypair>,
    /// The ids of the seeded websites (the plugin is installed on every one of them).
    pub website_ids: Vec<String>,
    /// Seeded conversations per website.
    pub conversations_per_website: usize,
    /// Seeded messages per seeded conversation (generated lazily, so large values are cheap).
    pub messages_per_conversation: usize,
    /// Seeded people profiles per website.
    pub people_per_website: usize,
    /// Seeded visitors per website.
    pub visitors_per_website: usize,
    /// The Marketplace plugin id the plugin keypairs belong to.
    pub plugin_id: String,
    /// The secret web hooks are signed with (see [`CrispSim::sign_webhook`]).
    pub webhook_secret: String,
    /// Epoch milliseconds the seeded data is dated from.
    pub epoch_ms: i64,
    /// Store every sent message under a fingerprint of the simulator's own, answering it in
    /// `data.fingerprint`, even when the client supplied one (default: keep the supplied one,
    /// as the live API does). Lets a test check that a client never trusts a lookup by its own
    /// fingerprint against an API that does not keep it.
    pub ignore_supplied_fingerprints: bool,
    /// The success status of page-numbered lists (default [`CrispListStatus::Ok`]: 200 on
    /// every page, the only behaviour of the live API known for certain).
    pub list_status: CrispListStatus,
    /// Answer 200 on every batch of the message walk (default: off, 206 while older messages
    /// exist, as the live API does). Stands for a server whose status cannot be trusted, so a
    /// test can prove that a client reading 200 as "last" still walks every message.
    pub messages_always_ok: bool,
}

/// Which success status page-numbered Crisp lists (`…/{page_number}`) answer.
///
/// The live API's rule for the message walk (206 while more exists, 200 on the last batch) is
/// not confirmed for page-numbered lists, so by default they answer 200 whatever the page
/// holds: a full page with 200 is then what a client meets, and it must not read it as "last".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CrispListStatus {
    /// 200 on every page, full or not (the default).
    #[default]
    Ok,
    /// 206 on a full page (as many items as the page size: 20, or `per_page`), 200 on a
    /// shorter or empty one: the message walk's rule applied to lists, for clients that
    /// want to test a walk against it.
    PartialWhileFull,
}

impl CrispListStatus {
    /// Parses `ok` or `partial-while-full` (the binary's `--crisp-list-status` values).
    pub fn parse(value: &str) -> Option<CrispListStatus> {
        match value.trim() {
            "ok" => Some(CrispListStatus::Ok),
            "partial-while-full" => Some(CrispListStatus::PartialWhileFull),
            _ => None,
        }
    }
}

impl Default for CrispConfig {
    fn default() -> Self {
        CrispConfig {
            keypairs: vec![
                CrispKeypair {
                    identifier: "0b5e5b4e-7c1a-4d1a-9a52-5fd0b7a3c001".to_owned(),
                    key: "sim-plugin-key-7f3c9a1e2b4d6f8091a3c5e7f9b1d3e5".to_owned(),
                    tier: CrispTier::Plugin,
                },
                CrispKeypair {
                    identifier: "0b5e5b4e-7c1a-4d1a-9a52-5fd0b7a3c002".to_owned(),
                    key: "sim-website-key-2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c1e".to_owned(),
                    tier: CrispTier::Website,
                },
                CrispKeypair {
                    identifier: "0b5e5b4e-7c1a-4d1a-9a52-5fd0b7a3c003".to_owned(),
                    key: "sim-user-key-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b".to_owned(),
                    tier: CrispTier::User,
                },
            ],
            website_ids: vec![
                "8c842203-7ed8-4e29-a608-7cf78a7d2fcc".to_owned(),
                "42286ab3-b29a-4fde-8538-da0ae501d825".to_owned(),
            ],
            conversations_per_website: 30,
            messages_per_conversation: 45,
            people_per_website: 45,
            visitors_per_website: 25,
            plugin_id: "c64f3595-adee-425a-8d3a-89d47f7ed6bb".to_owned(),
            webhook_secret: "sim-webhook-secret".to_owned(),
            epoch_ms: 1_767_225_600_000,
            ignore_supplied_fingerprints: false,
            list_status: CrispListStatus::Ok,
            messages_always_ok: false,
        }
    }
}

impl CrispConfig {
    /// The default keypair (the first configured one).
    pub fn default_keypair(&self) -> Option<&CrispKeypair> {
        self.keypairs.first()
    }

    /// The first keypair of the given tier.
    pub fn keypair(&self, tier: CrispTier) -> Option<&CrispKeypair> {
        self.keypairs.iter().find(|k| k.tier == tier)
    }

    /// The first seeded website id (empty when no website is configured).
    pub fn website_id(&self) -> &str {
        self.website_ids.first().map(String::as_str).unwrap_or("")
    }

    /// The session id of the `index`-th seeded conversation of the `website`-th website.
    pub fn seeded_session_id(&self, website: usize, index: usize) -> String {
        format!("session_{:08x}-5eed-4c0e-8000-{:012x}", website, index)
    }

    /// The session id of the first seeded conversation of the first website.
    pub fn session_id(&self) -> String {
        self.seeded_session_id(0, 0)
    }

    /// The people id of the `index`-th seeded profile of the `website`-th website (its email is
    /// `person{index}@site{website}.example.com`).
    pub fn seeded_people_id(&self, website: usize, index: usize) -> String {
        state::seeded_people_id(website, index)
    }

    /// The user id of the `index`-th seeded operator of the `website`-th website (0: the owner).
    pub fn seeded_operator_id(&self, website: usize, index: usize) -> String {
        state::seeded_operator_id(website, index)
    }
}

/// The stateful Crisp simulator. Cheap to share (`Send + Sync`); handlers are synchronous and
/// never hold the state lock across an await.
///
/// Request handling, in order: route lookup (unknown method + path → 404 `not_found`), then
/// authentication (`Authorization: Basic` against the configured keypairs, with `X-Crisp-Tier`
/// — default `user` — naming the keypair's tier; otherwise 401 `invalid_session`), then the
/// route's allowed tiers (403 `restricted_route_tier`), then the body schema (400
/// `invalid_data`), then the website in the path (404 `not_subscribed` for a plugin token on a
/// website without the plugin, 404 `website_not_found` otherwise), then the handler.
#[derive(Debug)]
pub struct CrispSim {
    config: CrispConfig,
    state: Mutex<State>,
    rtm: CrispRtm,
    /// Where signed web hook bodies of the same events go, when web hooks are configured.
    hooks: Option<tokio::sync::mpsc::UnboundedSender<Vec<u8>>>,
}

impl CrispSim {
    /// Builds a simulator seeded from `config`.
    pub fn new(config: CrispConfig) -> CrispSim {
        let state = State::seed(&config);
        CrispSim {
            config,
            state: Mutex::new(state),
            rtm: CrispRtm::default(),
            hooks: None,
        }
    }

    /// The configuration the simulator was built with.
    pub fn config(&self) -> &CrispConfig {
        &self.config
    }

    /// The first seeded website id.
    pub fn website_id(&self) -> &str {
        self.config.website_id()
    }

    /// The session id of the first seeded conversation of the first website.
    pub fn session_id(&self) -> String {
        self.config.session_id()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        match self.state.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Answers one request; `ex.path` is what follows `/v1`.
    pub fn handle(&self, ex: &Exchange) -> Reply {
        let head = ex.method == http::Method::HEAD;
        let mut events = Vec::new();
        let result = self.dispatch(ex, &mut events);
        // Pushed after the state lock is released, in the order the write produced them.
        self.rtm.publish(&events);
        if let Some(tx) = &self.hooks {
            for (name, website_id, data) in events {
                let _ = tx.send(self.webhook_body(&name, &website_id, data));
            }
        }
        match result {
            Ok((status, reason, data)) => {
                if head {
                    Reply::empty(StatusCode::OK)
                } else {
                    ok_reply(status, reason, data)
                }
            }
            Err(err) => {
                if head {
                    Reply::empty(err.status)
                } else {
                    err.reply()
                }
            }
        }
    }

    fn dispatch(
        &self,
        ex: &Exchange,
        events: &mut Vec<events::Event>,
    ) -> Result<(StatusCode, &'static str, Value), ApiError> {
        let method = M::from_http(&ex.method).ok_or_else(ApiError::no_route)?;
        let (compiled, params) = match routes::lookup(method, &ex.path) {
            Lookup::Found(c, params) => (c, params),
            Lookup::NotFound => return Err(ApiError::no_route()),
        };
        let route = compiled.route;
        let keypair = self.authenticate(ex)?;
        let tier_bit = match keypair.tier {
            CrispTier::User => routes::U,
            CrispTier::Website => routes::W,
            CrispTier::Plugin => routes::P,
        };
        if route.tiers & tier_bit == 0 {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "restricted_route_tier",
                format!(
                    "this route is not available to {} tokens",
                    keypair.tier.as_str()
                ),
            ));
        }
        let body = match route.body {
            Some(schema) => {
                let body = parse_body(&ex.body)?;
                wire::check_schema(&body, schema)?;
                body
            }
            None => Value::Object(serde_json::Map::new()),
        };
        let mut st = self.lock();
        if let Some((_, website_id)) = params.iter().find(|(k, _)| *k == "website_id") {
            match st.websites.get(website_id) {
                Some(site)
                    if keypair.tier == CrispTier::Plugin
                        && !site.plugins.contains_key(&self.config.plugin_id) =>
                {
                    return Err(not_subscribed());
                }
                Some(_) => {}
                None if keypair.tier == CrispTier::Plugin => return Err(not_subscribed()),
                None => {
                    return Err(ApiError::not_found(
                        "website_not_found",
                        "website not found",
                    ));
                }
            }
        }
        let host = ex
            .headers
            .get(HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned);
        let mut ctx = Ctx {
            cfg: &self.config,
            st: &mut st,
            params,
            query: parse_query(&ex.query),
            body,
            host,
            write_key: None,
            reason: None,
            status: None,
        };
        let data = ctx::run(&route.handler, &mut ctx)?;
        let status = ctx.status.unwrap_or_else(|| self.list_status(&ctx, &data));
        let reason = ctx.reason.unwrap_or(match method {
            M::Get | M::Head => "resolved",
            M::Post => "added",
            M::Put | M::Patch => "updated",
            M::Delete => "deleted",
        });
        if method.is_write() {
            let key = ctx.write_key.take().unwrap_or_else(|| {
                let ids: Vec<&str> = ctx.params.iter().map(|(_, v)| v.as_str()).collect();
                format!("{} {}:{}", ex.method, compiled.class, ids.join("/"))
            });
            let website = ctx.param("website_id").to_owned();
            events.extend(events::derive(
                ctx.st,
                method,
                compiled.class.as_str(),
                &ctx.params,
                &ctx.body,
                &data,
            ));
            ctx.st.count_write(key);
            if let Some(site) = ctx.st.websites.get_mut(&website) {
                site.conversations_version += 1;
            }
        }
        Ok((status, reason, data))
    }

    /// The status of a successful answer no handler chose: 200, or 206 for a full page of a
    /// page-numbered list under [`CrispListStatus::PartialWhileFull`].
    fn list_status(&self, ctx: &Ctx<'_>, data: &Value) -> StatusCode {
        if self.config.list_status != CrispListStatus::PartialWhileFull
            || !ctx.params.iter().any(|(k, _)| *k == "page_number")
        {
            return StatusCode::OK;
        }
        // A handler that succeeded accepted `per_page` (or there is none), so it is the size.
        let per_page = ctx
            .q("per_page")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(ctx::PAGE_SIZE);
        match data.as_array() {
            Some(items) if items.len() >= per_page => StatusCode::PARTIAL_CONTENT,
            _ => StatusCode::OK,
        }
    }

    fn authenticate(&self, ex: &Exchange) -> Result<&CrispKeypair, ApiError> {
        let unauthorized =
            |why: &str| ApiError::new(StatusCode::UNAUTHORIZED, "invalid_session", why.to_owned());
        let header = ex
            .headers
            .get(AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .ok_or_else(|| unauthorized("missing Authorization header"))?;
        let (scheme, token) = header.trim().split_once(' ').unwrap_or((header, ""));
        if !scheme.eq_ignore_ascii_case("basic") {
            return Err(unauthorized("the Authorization scheme should be Basic"));
        }
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(token.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .ok_or_else(|| unauthorized("the Basic credentials are not valid base64"))?;
        let (identifier, key) = decoded
            .split_once(':')
            .ok_or_else(|| unauthorized("the Basic credentials should be identifier:key"))?;
        let tier = match ex.headers.get("x-crisp-tier") {
            None => CrispTier::User,
            Some(v) => v
                .to_str()
                .ok()
                .and_then(CrispTier::parse)
                .ok_or_else(|| unauthorized("unknown X-Crisp-Tier"))?,
        };
        self.config
            .keypairs
            .iter()
            .find(|k| k.identifier == identifier && k.key == key && k.tier == tier)
            .ok_or_else(|| unauthorized("no token matches these credentials and tier"))
    }

    /// Sends the web hook body of every event a write produces to `tx` (the simulator's
    /// delivery task), next to the RTM push.
    pub(crate) fn set_webhook_sink(&mut self, tx: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) {
        self.hooks = Some(tx);
    }

    /// The RTM server's state and control surface (see [`CrispRtm`]).
    pub fn rtm(&self) -> &CrispRtm {
        &self.rtm
    }

    /// Checks the credentials of an RTM `authentication` payload (`{tier, username, password}`;
    /// a missing tier means `user`, as for REST) against the configured keypairs.
    pub(crate) fn rtm_authenticate(&self, auth: &Value) -> Option<CrispTier> {
        let field = |k: &str| auth.get(k).and_then(Value::as_str);
        let tier = match field("tier") {
            None => CrispTier::User,
            Some(t) => CrispTier::parse(t)?,
        };
        let (identifier, key) = (field("username")?, field("password")?);
        self.config
            .keypairs
            .iter()
            .find(|k| k.identifier == identifier && k.key == key && k.tier == tier)
            .map(|k| k.tier)
    }

    /// The websites a token of `tier` receives events for: those with the plugin installed for a
    /// plugin token, every website otherwise.
    pub(crate) fn rtm_websites(&self, tier: CrispTier) -> std::collections::BTreeSet<String> {
        let st = self.lock();
        st.websites
            .iter()
            .filter(|(_, site)| {
                tier != CrispTier::Plugin || site.plugins.contains_key(&self.config.plugin_id)
            })
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// A stable name for the route `ex` hits — its literal path segments joined by `/` (e.g.
    /// `website/conversation/messages`) — for per-route rate limits and fault scripts; `unknown`
    /// when no route matches.
    pub fn route_class(ex: &Exchange) -> &'static str {
        routes::class_of(&ex.method, &ex.path)
    }

    /// Every route the simulator answers, as a method and a path pattern after `/v1` with
    /// `{name}` placeholders (`GET /website/{website_id}/conversations/{page_number}`): one per
    /// endpoint of the Crisp REST v1 catalogue.
    pub fn routes() -> impl Iterator<Item = (http::Method, &'static str)> {
        routes::ROUTES
            .iter()
            .map(|r| (r.method.to_http(), r.pattern))
    }

    /// How many times each logical write was applied: `message:<fingerprint>` (client-supplied
    /// fingerprint) or `message:<session_id>:<content hash>`, `conversation:create:<n>`,
    /// `people:create:<email>`, `website:create:<domain>`, ...; other writes are keyed
    /// `<METHOD> <route class>:<path ids>`.
    pub fn write_counts(&self) -> BTreeMap<String, u64> {
        self.lock().writes.clone()
    }

    /// The hex HMAC-SHA256 of `[timestamp;body]` keyed with `secret`, as Crisp signs plugin web
    /// hooks (`X-Crisp-Signature`, with the timestamp of `X-Crisp-Request-Timestamp`).
    pub fn sign_webhook(secret: &[u8], timestamp: &str, body: &[u8]) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
            return String::new();
        };
        mac.update(b"[");
        mac.update(timestamp.as_bytes());
        mac.update(b";");
        mac.update(body);
        mac.update(b"]");
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The `data` of a `message:send` / `message:received` event (web hook or RTM) for a stored
    /// message: `{website_id, session_id, inbox_id, type, content, from, origin, stamped,
    /// timestamp, fingerprint, user}`. `None` when the website, conversation or message is unknown.
    pub fn message_event_data(
        &self,
        website_id: &str,
        session_id: &str,
        fingerprint: i64,
    ) -> Option<Value> {
        events::message_data(&mut self.lock(), website_id, session_id, fingerprint)
    }

    /// A web hook body `{website_id, event, data, timestamp}` for `event`, dated with the
    /// simulator's clock.
    pub fn webhook_body(&self, event: &str, website_id: &str, data: serde_json::Value) -> Vec<u8> {
        let timestamp = self.lock().clock;
        serde_json::json!({"website_id": website_id, "event": event, "data": data, "timestamp": timestamp})
            .to_string()
            .into_bytes()
    }
}

fn not_subscribed() -> ApiError {
    ApiError::not_found(
        "not_subscribed",
        "the plugin is not subscribed to this website",
    )
}
