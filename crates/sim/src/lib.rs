//! `chatdesk-sim`: a stateful loopback simulator of the Crisp REST v1 and Carrot Quest APIs.
//!
//! One hyper listener serves both vendors. Crisp lives under `/v1/…` (Basic auth); Carrot under
//! `/v1/…`, `/v2/…` or no prefix (`Authorization: Token …` or `auth_token`). The first path
//! segments of the two catalogues do not overlap (`website`, `user`, `plugin`… vs `apps`,
//! `conversations`, `users`, `utils`), so routing is by path; an unknown path falls to the vendor
//! whose credentials it carries.
//!
//! Around the vendor handlers the core adds what integration tests and benchmarks need:
//! per-token rate limits, scripted faults (delays, dropped connections, 5xx, broken bodies), a
//! request log and per-write counters to check that every write was applied exactly once, and web
//! hook delivery. Its own resources are bounded (connections, request bodies held, log records,
//! head and body read times): see [`Limits`].
//!
//! Crisp RTM (the real-time socket) is served on the same port under `/rtm/`: an Engine.IO /
//! Socket.IO websocket server whose pushes follow the Crisp REST writes, with a control surface
//! for tests ([`Sim::crisp_rtm`], also over HTTP under `/_sim/rtm/`). Carrot RTS (Realtime
//! Services) is served under `/rts/` ([`Sim::carrot_rts_url`]): the vendor's push-stream websocket
//! layout, its messages following the Carrot REST writes, with replay on reconnect and controls
//! ([`Sim::carrot_rts`], `/_sim/rts/`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), chatdesk_sim::SimError> {
//! use chatdesk_sim::{Fault, FaultKind, Nth, RateLimit, Seed, Sim};
//! let sim = Sim::builder()
//!     .seed(Seed::default().conversations(100, 10))
//!     .rate_limit(RateLimit::new(50.0, 100))
//!     .fault(Fault::new(FaultKind::CloseAfterProcessing).path("/conversations/*/reply").nth(Nth::Only(1)))
//!     .start()
//!     .await?;
//! println!("{} {}", sim.crisp_base_url(), sim.carrot_base_url());
//! # Ok(()) }
//! ```
#![deny(missing_docs)]
#![recursion_limit = "256"]

mod accounting;
mod body;
pub mod carrot;
mod config;
pub mod crisp;
mod dates;
pub mod exchange;
mod form;
mod limits;
mod ratelimit;
mod realtime;
mod server;
#[cfg(feature = "testkit")]
pub mod testkit;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderValue, USER_AGENT};
use http::{HeaderName, Method, Request};
use http_body_util::Full;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

pub use accounting::RequestRecord;
pub use carrot::{ApiVersion, CarrotConfig, CarrotRts, RtsPublished, RtsStats};
pub use config::{
    ConfigError, ErrorBody, Fault, FaultKind, Nth, RateLimit, RateScope, Seed, Vendor,
};
pub use crisp::{
    CrispConfig, CrispKeypair, CrispListStatus, CrispRtm, CrispTier, RtmHeartbeat, RtmStats,
};
pub use limits::Limits;

use accounting::Accounting;
use carrot::{CarrotSim, HookBody};
use crisp::CrispSim;
use ratelimit::RateLimiter;
use server::Core;

/// Why the simulator could not start or deliver something.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// Binding or accepting failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A setting was invalid.
    #[error("invalid setting: {0}")]
    Config(#[from] ConfigError),
    /// A web hook could not be delivered.
    #[error("web hook delivery failed: {0}")]
    Webhook(String),
}

/// The Crisp credentials the simulator accepts by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrispCredentials {
    /// Basic auth user name.
    pub identifier: String,
    /// Basic auth password.
    pub key: String,
    /// The `X-Crisp-Tier` to send.
    pub tier: CrispTier,
    /// The first seeded website id.
    pub website_id: String,
}

/// One web hook the simulator posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookDelivery {
    /// Target URL.
    pub url: String,
    /// `crisp` or `carrot`.
    pub vendor: Vendor,
    /// Status answered by the receiver, or `None` when the request failed.
    pub status: Option<u16>,
    /// Attempt number (from 1).
    pub attempt: u32,
}

/// Configures and starts a [`Sim`].
#[derive(Debug, Clone)]
pub struct SimBuilder {
    addr: SocketAddr,
    seed: Option<Seed>,
    rate_limits: Vec<RateLimit>,
    faults: Vec<Fault>,
    crisp: CrispConfig,
    carrot: CarrotConfig,
    log_capacity: usize,
    limits: Limits,
    log_requests: bool,
    http2: bool,
    carrot_webhooks: Vec<String>,
    crisp_webhooks: Vec<String>,
}

impl Default for SimBuilder {
    fn default() -> Self {
        SimBuilder {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            seed: None,
            rate_limits: Vec::new(),
            faults: Vec::new(),
            crisp: CrispConfig::default(),
            carrot: CarrotConfig::default(),
            log_capacity: 100_000,
            limits: Limits::default(),
            log_requests: false,
            http2: false,
            carrot_webhooks: Vec::new(),
            crisp_webhooks: Vec::new(),
        }
    }
}

impl SimBuilder {
    /// The fixture for both vendors (Carrot: as given; Crisp: `conversations` and
    /// `messages_per_conversation` per website). Without it each vendor keeps its own default.
    pub fn seed(mut self, seed: Seed) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Adds a rate-limit rule.
    pub fn rate_limit(mut self, rule: RateLimit) -> Self {
        self.rate_limits.push(rule);
        self
    }

    /// Adds a fault rule (rules are tried in order; the first that hits wins).
    pub fn fault(mut self, fault: Fault) -> Self {
        self.faults.push(fault);
        self
    }

    /// Listens on `127.0.0.1:port` (0, the default, picks a free port).
    pub fn port(mut self, port: u16) -> Self {
        self.addr.set_port(port);
        self
    }

    /// Listens on this address.
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Replaces the identifier and key of the default Crisp keypair.
    pub fn crisp_credentials(
        mut self,
        identifier: impl Into<String>,
        key: impl Into<String>,
    ) -> Self {
        let (identifier, key) = (identifier.into(), key.into());
        match self.crisp.keypairs.first_mut() {
            Some(kp) => {
                kp.identifier = identifier;
                kp.key = key;
            }
            None => self.crisp.keypairs.push(CrispKeypair {
                identifier,
                key,
                tier: CrispTier::Plugin,
            }),
        }
        self
    }

    /// Replaces the identifier of the default Crisp keypair.
    pub fn crisp_identifier(mut self, identifier: impl Into<String>) -> Self {
        let key = self
            .crisp
            .default_keypair()
            .map(|k| k.key.clone())
            .unwrap_or_default();
        self = self.crisp_credentials(identifier, key);
        self
    }

    /// Replaces the key of the default Crisp keypair.
    pub fn crisp_key(mut self, key: impl Into<String>) -> Self {
        let id = self
            .crisp
            .default_keypair()
            .map(|k| k.identifier.clone())
            .unwrap_or_default();
        self = self.crisp_credentials(id, key);
        self
    }

    /// Replaces the whole Crisp configuration.
    pub fn crisp_config(mut self, config: CrispConfig) -> Self {
        self.crisp = config;
        self
    }

    /// Crisp message sends ignore a client-supplied `fingerprint` and store (and answer) one of
    /// the simulator's own (default: off, the supplied one is kept as by the live API). See
    /// [`CrispConfig::ignore_supplied_fingerprints`].
    pub fn crisp_ignore_supplied_fingerprints(mut self, on: bool) -> Self {
        self.crisp.ignore_supplied_fingerprints = on;
        self
    }

    /// The success status of page-numbered Crisp lists (default [`CrispListStatus::Ok`]: 200
    /// on every page, even a full one). See [`CrispConfig::list_status`].
    pub fn crisp_list_status(mut self, status: CrispListStatus) -> Self {
        self.crisp.list_status = status;
        self
    }

    /// Every batch of the Crisp message walk answers 200 (default: off, 206 while older
    /// messages exist and 200 on the oldest batch, as the live API does). See
    /// [`CrispConfig::messages_always_ok`].
    pub fn crisp_message_walk_always_ok(mut self, on: bool) -> Self {
        self.crisp.messages_always_ok = on;
        self
    }

    /// The Carrot API token accepted.
    pub fn carrot_token(mut self, token: impl Into<String>) -> Self {
        self.carrot.token = token.into();
        self
    }

    /// The Carrot app id.
    pub fn carrot_app_id(mut self, app_id: u64) -> Self {
        self.carrot.app_id = app_id;
        self
    }

    /// The `token` field of Carrot web hooks.
    pub fn carrot_webhook_token(mut self, token: impl Into<String>) -> Self {
        self.carrot.webhook_token = token.into();
        self
    }

    /// Posts a Carrot form web hook to `url` for every tracked event and every user message.
    pub fn carrot_webhook(mut self, url: impl Into<String>) -> Self {
        self.carrot_webhooks.push(url.into());
        self
    }

    /// Adds a Crisp web hook URL (`http://` only): every event a Crisp write produces (the same
    /// one RTM sockets receive) is posted there signed, one attempt each; see
    /// [`Sim::send_crisp_webhook`] for the headers and [`Sim::webhook_deliveries`] for the log.
    pub fn crisp_webhook(mut self, url: impl Into<String>) -> Self {
        self.crisp_webhooks.push(url.into());
        self
    }

    /// How many request records to keep (0 disables the log; counters still work).
    pub fn request_log_capacity(mut self, n: usize) -> Self {
        self.log_capacity = n;
        self
    }

    /// Prints one line per request on stderr (off by default).
    pub fn log_requests(mut self, on: bool) -> Self {
        self.log_requests = on;
        self
    }

    /// Also serves HTTP/2 with prior knowledge (`h2c`) on the same port; HTTP/1.1 keeps working.
    /// Off by default. Under HTTP/2 the "close" faults reset the stream instead of the connection.
    pub fn http2(mut self, on: bool) -> Self {
        self.http2 = on;
        self
    }

    /// Binds, seeds and starts serving. Must run inside a tokio runtime with the time and net
    /// drivers enabled.
    pub async fn start(self) -> Result<Sim, SimError> {
        let listener = TcpListener::bind(self.addr).await?;
        let addr = listener.local_addr()?;
        let acct = Arc::new(Accounting::new(self.log_capacity));
        let mut crisp_cfg = self.crisp;
        let mut carrot_cfg = self.carrot;
        if let Some(seed) = &self.seed {
            crisp_cfg.conversations_per_website = seed.conversations;
            crisp_cfg.messages_per_conversation = seed.messages_per_conversation;
            carrot_cfg.seed = seed.clone();
        }
        let deliveries = Arc::new(Mutex::new(Vec::new()));
        let hooks_tx = if self.carrot_webhooks.is_empty() {
            None
        } else {
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(carrot_delivery(
                rx,
                self.carrot_webhooks.clone(),
                Arc::clone(&deliveries),
            ));
            Some(tx)
        };
        let mut crisp = CrispSim::new(crisp_cfg);
        if !self.crisp_webhooks.is_empty() {
            let (tx, rx) = mpsc::unbounded_channel();
            crisp.set_webhook_sink(tx);
            tokio::spawn(crisp_delivery(
                rx,
                self.crisp_webhooks.clone(),
                crisp.config().webhook_secret.clone(),
                crisp.config().plugin_id.clone(),
                Arc::clone(&deliveries),
            ));
        }
        let core = Arc::new(Core {
            crisp,
            carrot: CarrotSim::new(carrot_cfg, Arc::clone(&acct), hooks_tx),
            acct,
            limiter: RateLimiter::new(self.rate_limits),
            faults: RwLock::new(Arc::new(Vec::new())),
            start: tokio::time::Instant::now(),
            bounds: limits::Bounds::new(self.limits),
            log_requests: self.log_requests,
            http2: self.http2,
        });
        core.set_faults(self.faults);
        tokio::spawn(carrot::rts::ping_loop(Arc::downgrade(&core)));
        let (stop_tx, stop_rx) = watch::channel(());
        let task = tokio::spawn(server::accept_loop(listener, Arc::clone(&core), stop_rx));
        Ok(Sim {
            addr,
            core,
            stop: Some(stop_tx),
            task: Some(task),
            deliveries,
        })
    }
}

/// A running simulator. Dropping it stops the listener and closes open connections.
pub struct Sim {
    addr: SocketAddr,
    core: Arc<Core>,
    stop: Option<watch::Sender<()>>,
    task: Option<JoinHandle<()>>,
    deliveries: Arc<Mutex<Vec<WebhookDelivery>>>,
}

impl std::fmt::Debug for Sim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sim")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        self.stop.take();
        self.core.crisp.rtm().drop_all();
        self.core.carrot.rts().drop_all();
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Sim {
    /// A builder with the default fixture, credentials and no limits or faults.
    pub fn builder() -> SimBuilder {
        SimBuilder::default()
    }

    /// The listening address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` (no path).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The Crisp REST base URL, ending in `/v1`.
    pub fn crisp_base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The Carrot base URL for the current API (v2: no version prefix).
    pub fn carrot_base_url(&self) -> String {
        self.base_url()
    }

    /// The Carrot base URL of the deprecated v1 API (`…/v1`).
    pub fn carrot_base_url_v1(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The Crisp RTM URL (`ws://127.0.0.1:PORT/rtm/`), what `connect/endpoints` answers in
    /// `data.socket.app`. Engine.IO lives at this path (not `/socket.io/`); a websocket client
    /// connects to it with `?EIO=4&transport=websocket` (`EIO=3` works too).
    pub fn crisp_rtm_url(&self) -> String {
        format!("ws://{}/rtm/", self.addr)
    }

    /// The Crisp RTM server's control surface: inject events, drop sockets, refuse connections
    /// or authentications, change the heartbeat, read the counters. The same controls are served
    /// over HTTP under `/_sim/rtm/` (see the README).
    pub fn crisp_rtm(&self) -> &CrispRtm {
        self.core.crisp.rtm()
    }

    /// The Carrot RTS base URL (`ws://127.0.0.1:PORT/rts`), in place of the vendor's
    /// `wss://realtime-services.carrotquest.io`: append the vendor's layout,
    /// `/websocket/{channel}[/{channel}…]?auth_token=TOKEN[&tag=TAG&time=TIME]`.
    pub fn carrot_rts_url(&self) -> String {
        format!("ws://{}/rts", self.addr)
    }

    /// The Carrot RTS server's control surface: inject messages, drop sockets, expire the token,
    /// refuse upgrades, read the publish log and the counters. The same controls are served over
    /// HTTP under `/_sim/rts/` (see the README).
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), chatdesk_sim::SimError> {
    /// let sim = chatdesk_sim::Sim::builder().start().await?;
    /// let channel = format!("conversation_reply.{}", sim.carrot_app_id());
    /// let url = format!(
    ///     "{}/websocket/{channel}?auth_token={}",
    ///     sim.carrot_rts_url(),
    ///     sim.carrot_token()
    /// );
    /// // … connect a websocket client to `url`, then make REST writes or inject …
    /// let sent = sim.carrot_rts().inject(&channel, serde_json::json!({"body": "hi"}));
    /// assert_eq!(sim.carrot_rts().published(&channel).last(), Some(&sent.id));
    /// # Ok(()) }
    /// ```
    pub fn carrot_rts(&self) -> &CarrotRts {
        self.core.carrot.rts()
    }

    /// The default Crisp keypair, its tier and the first website id.
    pub fn crisp_credentials(&self) -> CrispCredentials {
        let cfg = self.core.crisp.config();
        let kp = cfg.default_keypair();
        CrispCredentials {
            identifier: kp.map(|k| k.identifier.clone()).unwrap_or_default(),
            key: kp.map(|k| k.key.clone()).unwrap_or_default(),
            tier: kp.map_or(CrispTier::Plugin, |k| k.tier),
            website_id: cfg.website_id().to_string(),
        }
    }

    /// The full Crisp configuration (all keypairs, websites, web hook secret).
    pub fn crisp_config(&self) -> &CrispConfig {
        self.core.crisp.config()
    }

    /// The first seeded Crisp website id.
    pub fn crisp_website_id(&self) -> String {
        self.core.crisp.config().website_id().to_string()
    }

    /// The accepted Carrot token.
    pub fn carrot_token(&self) -> &str {
        &self.core.carrot.config().token
    }

    /// The Carrot app id.
    pub fn carrot_app_id(&self) -> u64 {
        self.core.carrot.config().app_id
    }

    /// The `token` field sent in Carrot web hooks.
    pub fn carrot_webhook_token(&self) -> &str {
        &self.core.carrot.config().webhook_token
    }

    /// Carrot user ids (seeded first, then created ones).
    pub fn carrot_user_ids(&self) -> Vec<u64> {
        self.core.carrot.user_ids()
    }

    /// The external `user_id` of a Carrot user.
    pub fn carrot_external_user_id(&self, id: u64) -> Option<String> {
        self.core.carrot.external_user_id(id)
    }

    /// Carrot conversation ids, ascending.
    pub fn carrot_conversation_ids(&self) -> Vec<u64> {
        self.core.carrot.conversation_ids()
    }

    /// Carrot admin ids (`default_admin` is the first).
    pub fn carrot_admin_ids(&self) -> Vec<u64> {
        self.core.carrot.admin_ids()
    }

    /// Total Carrot conversation parts held.
    pub fn carrot_part_count(&self) -> usize {
        self.core.carrot.part_count()
    }

    /// How many times each logical write was applied, for both vendors. Carrot keys start with
    /// `carrot:` (see the README for the list); Crisp keys are the Crisp module's own, prefixed
    /// with `crisp:`.
    pub fn write_counts(&self) -> BTreeMap<String, u64> {
        let mut all: BTreeMap<String, u64> = self.core.acct.writes().into_iter().collect();
        for (k, v) in self.core.crisp.write_counts() {
            all.insert(format!("crisp:{k}"), v);
        }
        all
    }

    /// How many times one write key was applied. Crisp keys may be given with or without their
    /// `crisp:` prefix (`crisp:message:<fingerprint>` or `message:<fingerprint>`). Carrot
    /// lookups are O(1); a Crisp lookup copies the Crisp counters, so to check many keys call
    /// [`Sim::write_counts`] once.
    pub fn write_count(&self, key: &str) -> u64 {
        if key.starts_with("carrot:") {
            return self.core.acct.write_count(key);
        }
        let bare = key.strip_prefix("crisp:").unwrap_or(key);
        self.core
            .crisp
            .write_counts()
            .get(bare)
            .copied()
            .unwrap_or(0)
    }

    /// The retained request log, oldest first.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.core.acct.requests()
    }

    /// Requests finished since start.
    pub fn total_requests(&self) -> u64 {
        self.core.acct.total_requests()
    }

    /// Clears the request log and the Carrot write counters.
    pub fn reset_accounting(&self) {
        self.core.acct.reset();
    }

    /// Replaces the fault rules (counters restart at zero).
    pub fn set_faults(&self, faults: Vec<Fault>) {
        self.core.set_faults(faults);
    }

    /// Adds one fault rule.
    pub fn add_fault(&self, fault: Fault) {
        let mut all = self.core.faults();
        all.push(fault);
        self.core.set_faults(all);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.core.set_faults(Vec::new());
    }

    /// Replaces the rate-limit rules (every bucket starts full again).
    pub fn set_rate_limits(&self, rules: Vec<RateLimit>) {
        self.core.limiter.set_rules(rules);
    }

    /// The rate-limit rules in force.
    pub fn rate_limits(&self) -> Vec<RateLimit> {
        self.core.limiter.rules()
    }

    /// The fault rules in force.
    pub fn faults(&self) -> Vec<Fault> {
        self.core.faults()
    }

    /// Mails accepted by Carrot's `POST /utils/email` (`{from_email, to_emails, subject, html}`).
    pub fn carrot_sent_emails(&self) -> Vec<serde_json::Value> {
        self.core.carrot.sent_emails()
    }

    /// Web hooks posted so far.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        lock(&self.deliveries).clone()
    }

    /// The form body of a Carrot chat web hook (`type=conversation`) for a part (the last one when
    /// `None`).
    pub fn carrot_conversation_webhook(
        &self,
        conversation: u64,
        part: Option<u64>,
    ) -> Option<String> {
        self.core
            .carrot
            .conversation_webhook_form(conversation, part)
    }

    /// The form body of a Carrot event web hook (`type=event`).
    pub fn carrot_event_webhook(&self, event: u64) -> Option<String> {
        self.core.carrot.event_webhook_form(event)
    }

    /// Posts a Carrot form web hook body to `url`; returns the receiver's status.
    pub async fn send_carrot_webhook(&self, url: &str, form: String) -> Result<u16, SimError> {
        let status = post_carrot(url, form).await?;
        lock(&self.deliveries).push(WebhookDelivery {
            url: url.to_string(),
            vendor: Vendor::Carrot,
            status: Some(status),
            attempt: 1,
        });
        Ok(status)
    }

    /// Posts a signed Crisp web hook (`{website_id, event, data, timestamp}` with
    /// `X-Crisp-Signature` and `X-Crisp-Request-Timestamp`) to `url`; returns the receiver's
    /// status.
    pub async fn send_crisp_webhook(
        &self,
        url: &str,
        event: &str,
        website_id: &str,
        data: serde_json::Value,
    ) -> Result<u16, SimError> {
        let crisp = &self.core.crisp;
        let body = crisp.webhook_body(event, website_id, data);
        let cfg = crisp.config();
        let status = post_crisp(url, &cfg.webhook_secret, &cfg.plugin_id, body).await?;
        lock(&self.deliveries).push(WebhookDelivery {
            url: url.to_string(),
            vendor: Vendor::Crisp,
            status: Some(status),
            attempt: 1,
        });
        Ok(status)
    }

    /// The JSON object the binary prints on start-up.
    pub fn summary(&self) -> serde_json::Value {
        let c = self.crisp_credentials();
        serde_json::json!({
            "crisp_base_url": self.crisp_base_url(),
            "carrot_base_url": self.carrot_base_url(),
            "crisp_identifier": c.identifier,
            "crisp_key": c.key,
            "crisp_tier": c.tier.as_str(),
            "crisp_website_id": c.website_id,
            "carrot_token": self.carrot_token(),
            "carrot_app_id": self.carrot_app_id(),
            "carrot_rts_url": self.carrot_rts_url(),
        })
    }

    /// [`Sim::summary`] as one line of JSON with the keys in the documented order
    /// (`crisp_base_url`, `carrot_base_url`, `crisp_identifier`, `crisp_key`, `crisp_tier`,
    /// `crisp_website_id`, `carrot_token`, `carrot_app_id`, `carrot_rts_url`): what the binary
    /// prints.
    pub fn summary_line(&self) -> String {
        let s = self.summary();
        let keys = [
            "crisp_base_url",
            "carrot_base_url",
            "crisp_identifier",
            "crisp_key",
            "crisp_tier",
            "crisp_website_id",
            "carrot_token",
            "carrot_app_id",
            "carrot_rts_url",
        ];
        let fields: Vec<String> = keys
            .iter()
            .map(|k| format!("{}:{}", serde_json::Value::from(*k), s[*k]))
            .collect();
        format!("{{{}}}", fields.join(","))
    }

    /// Stops accepting, closes connections and waits for the listener task to end.
    pub async fn shutdown(mut self) {
        self.stop.take();
        self.core.crisp.rtm().drop_all();
        self.core.carrot.rts().drop_all();
        if let Some(t) = self.task.take() {
            let _ = t.await;
        }
    }
}

async fn post(url: &str, headers: Vec<(HeaderName, String)>, body: Bytes) -> Result<u16, SimError> {
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;
    let uri: http::Uri = url
        .parse()
        .map_err(|e| SimError::Webhook(format!("bad url `{url}`: {e}")))?;
    if uri.scheme_str() != Some("http") {
        return Err(SimError::Webhook(
            "only http:// web hook URLs are supported".into(),
        ));
    }
    let mut req = Request::builder().method(Method::POST).uri(uri);
    for (k, v) in headers {
        if let Ok(v) = HeaderValue::from_str(&v) {
            req = req.header(k, v);
        }
    }
    let req = req
        .body(Full::new(body))
        .map_err(|e| SimError::Webhook(e.to_string()))?;
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let resp = tokio::time::timeout(Duration::from_secs(10), client.request(req))
        .await
        .map_err(|_| SimError::Webhook("timed out".into()))?
        .map_err(|e| SimError::Webhook(e.to_string()))?;
    Ok(resp.status().as_u16())
}

/// Posts one signed Crisp web hook body; returns the receiver's status.
async fn post_crisp(
    url: &str,
    secret: &str,
    plugin_id: &str,
    body: Vec<u8>,
) -> Result<u16, SimError> {
    let ts = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
        .to_string();
    let sig = CrispSim::sign_webhook(secret.as_bytes(), &ts, &body);
    let origin = format!("plugin/rtm {plugin_id} production");
    let headers = vec![
        (CONTENT_TYPE, "application/json".to_string()),
        (USER_AGENT, "Crisp-Hooks".to_string()),
        (HeaderName::from_static("x-crisp-request-timestamp"), ts),
        (HeaderName::from_static("x-crisp-signature"), sig),
        (HeaderName::from_static("x-crisp-hook-origin"), origin),
        (
            HeaderName::from_static("x-delivery-attempt-count"),
            "1".to_string(),
        ),
        (
            HeaderName::from_static("x-delivery-attempt-limit"),
            "1".to_string(),
        ),
    ];
    post(url, headers, Bytes::from(body)).await
}

/// Posts the web hook body of every event Crisp writes produce, once to each URL.
async fn crisp_delivery(
    mut rx: mpsc::UnboundedReceiver<Vec<u8>>,
    urls: Vec<String>,
    secret: String,
    plugin_id: String,
    log: Arc<Mutex<Vec<WebhookDelivery>>>,
) {
    while let Some(body) = rx.recv().await {
        for url in &urls {
            let status = post_crisp(url, &secret, &plugin_id, body.clone())
                .await
                .ok();
            lock(&log).push(WebhookDelivery {
                url: url.clone(),
                vendor: Vendor::Crisp,
                status,
                attempt: 1,
            });
        }
    }
}

async fn post_carrot(url: &str, form: String) -> Result<u16, SimError> {
    let headers = vec![
        (
            CONTENT_TYPE,
            "application/x-www-form-urlencoded".to_string(),
        ),
        (USER_AGENT, "Carrotquest Webhook 1.0".to_string()),
    ];
    post(url, headers, Bytes::from(form)).await
}

/// Posts queued Carrot web hooks, retrying non-200 answers twice (after 0.2 s and 1 s).
async fn carrot_delivery(
    mut rx: mpsc::UnboundedReceiver<HookBody>,
    urls: Vec<String>,
    log: Arc<Mutex<Vec<WebhookDelivery>>>,
) {
    while let Some(HookBody(form)) = rx.recv().await {
        for url in &urls {
            for attempt in 1..=3u32 {
                let status = post_carrot(url, form.clone()).await.ok();
                lock(&log).push(WebhookDelivery {
                    url: url.clone(),
                    vendor: Vendor::Carrot,
                    status,
                    attempt,
                });
                if status == Some(200) {
                    break;
                }
                let wait = if attempt == 1 { 200 } else { 1000 };
                tokio::time::sleep(Duration::from_millis(wait)).await;
            }
        }
    }
}
