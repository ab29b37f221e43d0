//! Crisp RTM: the events of your websites as they happen, over a websocket (feature `rtm`, off
//! by default; the `chatdesk` umbrella forwards it as its own `rtm` feature, not a default one).
//!
//! [`RtmBuilder::connect`] returns an [`Events`] stream, the same type a web hook receiver
//! ([`crate::hooks`]) gives, so one handler serves both delivery modes ([`crate::events`]).
//!
//! ```no_run
//! use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
//! use chatdesk_crisp_api::events::EventItem;
//! use chatdesk_crisp_api::model::webhook::Event;
//! use futures_util::StreamExt;
//!
//! # async fn run() -> Result<(), chatdesk_crisp_api::rtm::RtmError> {
//! let client = CrispClient::new(Credentials::new("identifier", "key", Tier::Plugin));
//! let mut rtm = client.rtm().events(["message:send", "session:set_state"]).connect().await?;
//! while let Some(item) = rtm.next().await {
//!     match item? {
//!         EventItem::Event(Event::MessageSend(message)) => println!("{:?}", message.content),
//!         EventItem::Reconnected { downtime } => println!("missed up to {downtime:?}: resync over REST"),
//!         other => println!("{other:?}"),
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! * **Discovery**: `GET /{tier}/connect/endpoints` with the client's credentials gives
//!   `data.socket.app` and, optionally, `data.rescue.socket.app`; [`RtmBuilder::url`] skips it.
//!   Discovery refusing the key (401 or 403) is final.
//! * **Connection**: a websocket to the URL's origin, with the URL's **own path** as the Engine.IO
//!   path (often `/`, not `/socket.io/`) and `EIO=4&transport=websocket`; then `40`, then the
//!   `authentication` emit (tier, identifier, key, events, rooms, inboxes). `authenticated` makes
//!   the stream yield [`EventItem::Connected`]; `unauthorized` ends it with
//!   [`RtmError::Unauthorized`], and no further connection is attempted.
//! * **Heartbeat**: the server pings, the client answers; no ping for `pingInterval +
//!   pingTimeout` (the server's values, from its handshake) means the connection is dead.
//! * **Reconnection**: full-jitter backoff (a random wait up to `min(cap, base·2^attempt)`,
//!   5 s base and 10 s cap by default), authentication again every time, and after
//!   [`RtmBuilder::rediscover_after`] consecutive failures a new discovery and a switch to the
//!   rescue URL when there is one. The stream yields [`EventItem::Reconnecting`] before each
//!   wait and [`EventItem::Reconnected`] with the downtime: **events of that gap are lost** (RTM
//!   has no replay), so resync what matters over REST, e.g. the messages of the open
//!   conversations since the last one you saw.
//! * **Backpressure**: events wait in a bounded buffer ([`RtmBuilder::buffer`]). When it is
//!   full the client stops reading the socket (and so stops answering pings) until you take an
//!   item: nothing is ever dropped inside the library. A consumer that stays behind long
//!   enough gets dropped by the server, which shows as `Reconnecting`/`Reconnected`.
//! * **Tasks**: the connection runs in one task spawned on the current runtime (a
//!   current-thread runtime works); dropping the [`Events`] stream aborts it.
//! * **Secrets**: the key is never in `Debug`, errors or traces. Spans `rtm.discover`,
//!   `rtm.connect`, `rtm.authenticate` and `rtm.reconnect`; an event per push, with its name.

pub mod codec;

use crate::client::{CrispClient, Tier};
use crate::events::{EventItem, Events};
use chatdesk_model::crisp::webhook::EVENT_NAMES;
use chatdesk_model::crisp::website::ConnectEndpoints;
use chatdesk_transport::http::{Method, StatusCode};
use chatdesk_transport::realtime::{Backoff, Task, error_chain};
use chatdesk_transport::websocket::{self, WsConfig, WsError, WsStream, WsUrl, tungstenite};
use chatdesk_transport::{EndpointSpec, Error, Replay, RequestBody, build_request};
use codec::{CodecError, Packet, SioPacket};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tracing::Instrument as _;
use tungstenite::Message;

/// The shortest time between two [`RtmControl::rebind`] calls, as the official Node client
/// enforces: Crisp re-reads the token's websites on each, and asks clients not to flood it.
pub const REBIND_INTERVAL: Duration = Duration::from_millis(2500);

/// The items of an RTM stream: the [`EventItem`] both delivery modes share, under the name it
/// had before web hooks joined it.
pub use crate::events::EventItem as RtmItem;

/// A live RTM connection: the [`Events`] stream both delivery modes share, under the name it
/// had before web hooks joined it.
pub use crate::events::Events as Rtm;

/// What can end an RTM connection, or refuse a control call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RtmError {
    /// The server answered `unauthorized`: the keypair is wrong or lacks RTM access. Final.
    #[error("the RTM server refused the token{}", .message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Unauthorized {
        /// The server's message, when it sent one.
        message: Option<String>,
    },
    /// `connect/endpoints` failed. Final when it refused the key (401, 403).
    #[error("RTM endpoint discovery failed")]
    Discovery(#[source] Error),
    /// `connect/endpoints` answered without `socket.app`.
    #[error("RTM endpoint discovery gave no socket URL")]
    NoSocketUrl,
    /// The client has no credentials or an unusable base URL. Final.
    #[error("the client cannot authenticate: {0}")]
    Setup(String),
    /// The RTM URL is not usable (not a URL, or plain `ws://` to a remote host). Final.
    #[error("unusable RTM URL")]
    Url(#[source] WsError),
    /// The websocket could not be opened.
    #[error("could not open the RTM websocket")]
    Connect(#[source] WsError),
    /// The websocket failed while open.
    #[error("the RTM websocket failed")]
    Socket(#[source] Box<tungstenite::Error>),
    /// The server sent something this client cannot read.
    #[error("RTM protocol error")]
    Protocol(#[source] CodecError),
    /// No Engine.IO handshake or namespace connection within the connect timeout.
    #[error("no RTM handshake within {0:?}")]
    HandshakeTimeout(Duration),
    /// No `authenticated` or `unauthorized` within the authentication timeout.
    #[error("no RTM authentication answer within {0:?}")]
    AuthTimeout(Duration),
    /// No ping within `pingInterval + pingTimeout`.
    #[error("no RTM heartbeat within {0:?}")]
    HeartbeatTimeout(Duration),
    /// The server closed the connection or the namespace.
    #[error("the RTM server closed the connection")]
    ServerClosed,
    /// The server refused the Socket.IO namespace connection (`44`).
    #[error("the RTM server refused the connection{}", .message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Refused {
        /// The server's message, when it sent one.
        message: Option<String>,
    },
    /// [`RtmControl::rebind`] was called less than [`REBIND_INTERVAL`] after the last one.
    #[error("rebind refused: the last one was less than 2.5 s ago, retry after {retry_after:?}")]
    RebindThrottled {
        /// When a rebind is allowed again.
        retry_after: Duration,
    },
    /// The connection is closed (after [`RtmControl::close`] or a final error).
    #[error("the RTM connection is closed")]
    Closed,
    /// An RTM command (`rebind`, `bind_push`, `bind_pop`) on an [`Events`] stream of web hooks,
    /// whose websites and events are set in the Crisp Marketplace instead.
    #[error("not an RTM stream: web hooks take no RTM commands")]
    NotRtm,
}

impl RtmError {
    /// Whether trying again cannot help: a refused key, a missing setup, an unusable URL.
    pub fn is_final(&self) -> bool {
        match self {
            RtmError::Unauthorized { .. }
            | RtmError::Setup(_)
            | RtmError::Url(_)
            | RtmError::Closed
            | RtmError::NotRtm => true,
            RtmError::Discovery(e) => matches!(
                e.status(),
                Some(StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
            ),
            _ => false,
        }
    }
}

/// Tunables of the RTM connection (all have defaults close to the official Node client's).
#[derive(Debug, Clone)]
struct Settings {
    events: Vec<String>,
    rooms: Option<Vec<String>>,
    inboxes: Option<Vec<String>>,
    url: Option<String>,
    rescue_url: Option<String>,
    allow_plain: bool,
    backoff_base: Duration,
    backoff_cap: Duration,
    rediscover_after: u32,
    connect_timeout: Duration,
    auth_timeout: Duration,
    buffer: usize,
    connect_attempts: u32,
}

/// Configures an RTM connection: [`CrispClient::rtm`], then [`RtmBuilder::connect`].
#[must_use]
pub struct RtmBuilder {
    client: CrispClient,
    settings: Settings,
}

impl fmt::Debug for RtmBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RtmBuilder")
            .field("client", &self.client)
            .field("settings", &self.settings)
            .finish()
    }
}

impl CrispClient {
    /// Crisp's real-time events for this client's token (feature `rtm`); see [`crate::rtm`].
    pub fn rtm(&self) -> RtmBuilder {
        RtmBuilder {
            client: self.clone(),
            settings: Settings {
                events: Vec::new(),
                rooms: None,
                inboxes: None,
                url: None,
                rescue_url: None,
                allow_plain: false,
                backoff_base: Duration::from_secs(5),
                backoff_cap: Duration::from_secs(10),
                rediscover_after: 3,
                connect_timeout: Duration::from_secs(10),
                auth_timeout: Duration::from_secs(10),
                buffer: 256,
                connect_attempts: 3,
            },
        }
    }
}

impl RtmBuilder {
    /// The event names to receive (`message:send`, …; see
    /// [`EVENT_NAMES`]). By default every name
    /// this crate types. Change it later with [`RtmControl::bind_push`] / `bind_pop`.
    pub fn events<I, S>(mut self, events: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.settings.events = events.into_iter().map(Into::into).collect();
        self
    }

    /// Only events of these websites (`rooms` in the authentication; by default every website
    /// the token covers).
    pub fn rooms<I, S>(mut self, website_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.settings.rooms = Some(website_ids.into_iter().map(Into::into).collect());
        self
    }

    /// Only events of these inboxes (`inboxes` in the authentication).
    pub fn inboxes<I, S>(mut self, inbox_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.settings.inboxes = Some(inbox_ids.into_iter().map(Into::into).collect());
        self
    }

    /// Connects to `url` instead of discovering it (`wss://…`, or `ws://` to a loopback
    /// host). Its path is the Engine.IO path.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.settings.url = Some(url.into());
        self
    }

    /// With [`RtmBuilder::url`]: a second URL to switch to after repeated failures.
    pub fn rescue_url(mut self, url: impl Into<String>) -> Self {
        self.settings.rescue_url = Some(url.into());
        self
    }

    /// Accepts plain `ws://` to a host that is not a loopback address (the key then travels
    /// in clear).
    pub fn allow_plain_ws(mut self) -> Self {
        self.settings.allow_plain = true;
        self
    }

    /// The backoff base and cap: attempt `n` waits a random time up to `min(cap, base·2^(n-1))`
    /// (5 s and 10 s by default).
    pub fn backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.settings.backoff_base = base;
        self.settings.backoff_cap = cap.max(base);
        self
    }

    /// After this many consecutive failed attempts, discover the endpoints again and switch
    /// between the main and the rescue URL (3 by default; at least 1).
    pub fn rediscover_after(mut self, failures: u32) -> Self {
        self.settings.rediscover_after = failures.max(1);
        self
    }

    /// The longest TCP + TLS + upgrade + Engine.IO handshake may take (10 s by default).
    pub fn connect_timeout(mut self, after: Duration) -> Self {
        self.settings.connect_timeout = after;
        self
    }

    /// How long to wait for `authenticated` after the `authentication` emit (10 s by default);
    /// then the attempt counts as failed and is retried.
    pub fn auth_timeout(mut self, after: Duration) -> Self {
        self.settings.auth_timeout = after;
        self
    }

    /// How many items wait for you before the socket stops being read (256 by default; at
    /// least 1).
    pub fn buffer(mut self, items: usize) -> Self {
        self.settings.buffer = items.max(1);
        self
    }

    /// How many attempts [`RtmBuilder::connect`] makes before returning the last error (3 by
    /// default; at least 1). Once connected, reconnection never gives up except on a final
    /// error.
    pub fn connect_attempts(mut self, attempts: u32) -> Self {
        self.settings.connect_attempts = attempts.max(1);
        self
    }

    /// Discovers (unless a URL is set), connects and authenticates, then returns the stream.
    ///
    /// Failed attempts are retried with the backoff, up to [`RtmBuilder::connect_attempts`];
    /// a final error ([`RtmError::is_final`]), such as `unauthorized`, is returned at once.
    pub async fn connect(self) -> Result<Events, RtmError> {
        let mut settings = self.settings;
        if settings.events.is_empty() {
            settings.events = EVENT_NAMES.iter().map(|s| (*s).to_owned()).collect();
        }
        let mut targets = Targets::default();
        if let Some(url) = &settings.url {
            targets.explicit = true;
            targets.app = Some(url.clone());
            targets.rescue = settings.rescue_url.clone();
        }
        let (items, items_rx) = mpsc::channel(settings.buffer.max(1));
        let (commands, commands_rx) = mpsc::unbounded_channel();
        let mut driver = Driver {
            client: self.client,
            events: settings.events.clone(),
            settings,
            targets,
            failures: 0,
            items,
            commands: commands_rx,
        };
        let mut attempt = 0;
        let (session, early) = loop {
            attempt += 1;
            match driver.open().await {
                Ok(opened) => break opened,
                Err(e) if e.is_final() || attempt >= driver.settings.connect_attempts => {
                    return Err(e);
                }
                Err(e) => {
                    tracing::debug!(attempt, error = %e, "RTM connection attempt failed");
                    driver.failed().await?;
                    tokio::time::sleep(driver.backoff(attempt)).await;
                }
            }
        };
        driver.failures = 0;
        let task = Task::spawn(driver.run(session, early));
        let control = RtmControl {
            commands,
            last_rebind: Arc::new(Mutex::new(None)),
        };
        Ok(Events::rtm(items_rx, control, task))
    }
}

/// Sends commands to an RTM connection: `Clone`, usable while the stream is being read.
#[derive(Clone)]
pub struct RtmControl {
    commands: mpsc::UnboundedSender<Command>,
    last_rebind: Arc<Mutex<Option<Instant>>>,
}

impl fmt::Debug for RtmControl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RtmControl")
            .field("closed", &self.commands.is_closed())
            .finish()
    }
}

#[derive(Debug)]
enum Command {
    Rebind,
    Push(Vec<String>),
    Pop(Vec<String>),
    Close,
}

impl RtmControl {
    /// Asks Crisp to re-read which websites the token covers (`socket:bind`), as needed after
    /// the plugin is installed on a new website. At most one per [`REBIND_INTERVAL`]
    /// (2.5 s): sooner fails with [`RtmError::RebindThrottled`]. While reconnecting it is a
    /// no-op (every authentication reads them anew).
    pub fn rebind(&self) -> Result<(), RtmError> {
        let now = Instant::now();
        let mut last = self
            .last_rebind
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(at) = *last {
            let since = now.saturating_duration_since(at);
            if since < REBIND_INTERVAL {
                return Err(RtmError::RebindThrottled {
                    retry_after: REBIND_INTERVAL - since,
                });
            }
        }
        self.send(Command::Rebind)?;
        *last = Some(now);
        Ok(())
    }

    /// Adds event names (`socket:bind:push`); they are also part of every later
    /// authentication.
    pub fn bind_push<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.send(Command::Push(events.into_iter().map(Into::into).collect()))
    }

    /// Removes event names (`socket:bind:pop`), for now and for later authentications.
    pub fn bind_pop<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.send(Command::Pop(events.into_iter().map(Into::into).collect()))
    }

    /// Closes the connection gracefully (`41`, then a websocket close); the stream ends after
    /// the items already buffered. Like every command, it is carried out when the connection is
    /// read again: at once, unless the buffer is full (then once you take an item). To stop
    /// at once, drop the [`Events`] stream.
    pub fn close(&self) -> Result<(), RtmError> {
        self.send(Command::Close)
    }

    fn send(&self, command: Command) -> Result<(), RtmError> {
        self.commands.send(command).map_err(|_| RtmError::Closed)
    }
}

/// Where to connect: the main and the rescue URL, and which one is in use.
#[derive(Debug, Default)]
struct Targets {
    explicit: bool,
    app: Option<String>,
    rescue: Option<String>,
    on_rescue: bool,
}

/// The Engine.IO URL for a socket URL: its origin, its own path with a trailing slash (as
/// engine.io-client adds), its query, then `EIO=4&transport=websocket`.
fn engine_url(url: &str, allow_plain: bool) -> Result<WsUrl, RtmError> {
    let base = if allow_plain {
        WsUrl::parse_allowing_plain(url)
    } else {
        WsUrl::parse(url)
    }
    .map_err(RtmError::Url)?;
    let uri = base.uri();
    let mut path = uri.path().to_owned();
    if !path.ends_with('/') {
        path.push('/');
    }
    let query = match uri.query() {
        Some(q) if !q.is_empty() => format!("{q}&EIO=4&transport=websocket"),
        _ => "EIO=4&transport=websocket".to_owned(),
    };
    let scheme = if base.is_tls() { "wss" } else { "ws" };
    let authority = uri.authority().map_or("", |a| a.as_str());
    let full = format!("{scheme}://{authority}{path}?{query}");
    if allow_plain {
        WsUrl::parse_allowing_plain(&full)
    } else {
        WsUrl::parse(&full)
    }
    .map_err(RtmError::Url)
}

/// The discovery route of each tier.
fn discovery_spec(tier: Tier) -> &'static EndpointSpec {
    const fn spec(name: &'static str, path: &'static str) -> EndpointSpec {
        EndpointSpec {
            vendor: "crisp",
            call: "rtm().connect()",
            name,
            method: Method::GET,
            path,
            replay: Replay::Safe,
            rate_class: "connect",
        }
    }
    static PLUGIN: EndpointSpec = spec("rtm_discover_plugin", "/plugin/connect/endpoints");
    static WEBSITE: EndpointSpec = spec("rtm_discover_website", "/website/connect/endpoints");
    static USER: EndpointSpec = spec("rtm_discover_user", "/user/connect/endpoints");
    match tier {
        Tier::Plugin => &PLUGIN,
        Tier::Website => &WEBSITE,
        Tier::User => &USER,
    }
}

/// One open, authenticated connection.
struct Session {
    ws: WsStream,
    heartbeat: Duration,
}

/// How a session ended.
enum End {
    /// Closed on request, or the consumer went away: stop.
    Stop,
    /// Lost: reconnect.
    Lost(RtmError),
    /// A final error: report it and stop.
    Fatal(RtmError),
}

struct Driver {
    client: CrispClient,
    settings: Settings,
    /// The event names of the next authentication (changed by push and pop).
    events: Vec<String>,
    targets: Targets,
    failures: u32,
    items: mpsc::Sender<Result<EventItem, RtmError>>,
    commands: mpsc::UnboundedReceiver<Command>,
}

type Early = Vec<EventItem>;

impl Driver {
    fn backoff(&self, attempt: u32) -> Duration {
        Backoff::new(self.settings.backoff_base, self.settings.backoff_cap).delay(attempt)
    }

    /// Counts a failed attempt; every `rediscover_after` in a row, discovers again and
    /// switches to the other URL when there is a rescue one.
    async fn failed(&mut self) -> Result<(), RtmError> {
        self.failures += 1;
        if !self.failures.is_multiple_of(self.settings.rediscover_after) {
            return Ok(());
        }
        if !self.targets.explicit {
            match self.discover().await {
                Ok(()) => {}
                Err(e) if e.is_final() => return Err(e),
                Err(e) => tracing::debug!(error = %e, "RTM re-discovery failed, keeping the URLs"),
            }
        }
        if self.targets.rescue.is_some() {
            self.targets.on_rescue = !self.targets.on_rescue;
            tracing::debug!(rescue = self.targets.on_rescue, "RTM switches URL");
        }
        Ok(())
    }

    async fn discover(&mut self) -> Result<(), RtmError> {
        let span = tracing::debug_span!("rtm.discover", tier = %self.client.tier());
        async {
            let setup = self
                .client
                .inner
                .setup
                .as_ref()
                .map_err(|r| RtmError::Setup(r.clone()))?;
            let spec = discovery_spec(self.client.tier());
            let request = build_request(
                &setup.base,
                spec,
                spec.path,
                "",
                RequestBody::Empty,
                &setup.headers,
            )
            .map_err(RtmError::Discovery)?;
            let response = self
                .client
                .inner
                .transport
                .send(request)
                .await
                .map_err(RtmError::Discovery)?;
            let found: ConnectEndpoints =
                crate::envelope::decode_data(response).map_err(RtmError::Discovery)?;
            let app = found
                .socket
                .and_then(|s| s.app)
                .ok_or(RtmError::NoSocketUrl)?;
            self.targets.app = Some(app);
            self.targets.rescue = found.rescue.and_then(|r| r.socket).and_then(|s| s.app);
            if self.targets.rescue.is_none() {
                self.targets.on_rescue = false;
            }
            Ok(())
        }
        .instrument(span)
        .await
    }

    fn current_url(&self) -> Option<&str> {
        if self.targets.on_rescue {
            self.targets
                .rescue
                .as_deref()
                .or(self.targets.app.as_deref())
        } else {
            self.targets.app.as_deref()
        }
    }

    /// One attempt: discovery when no URL is known, websocket, handshake, authentication.
    async fn open(&mut self) -> Result<(Session, Early), RtmError> {
        let credentials = self
            .client
            .inner
            .credentials
            .clone()
            .ok_or_else(|| RtmError::Setup("no credentials".into()))?;
        if self.current_url().is_none() {
            self.discover().await?;
        }
        let url = engine_url(
            self.current_url().unwrap_or_default(),
            self.settings.allow_plain,
        )?;
        let timeout = self.settings.connect_timeout;
        let span = tracing::debug_span!("rtm.connect", url = ?url);
        let (mut ws, heartbeat) = async {
            let mut config = WsConfig::default();
            config.user_agent = Some(crate::DEFAULT_USER_AGENT.to_owned());
            config.timeout = timeout;
            let mut ws = websocket::connect(&url, &config)
                .await
                .map_err(RtmError::Connect)?;
            let handshake = tokio::time::timeout(timeout, async {
                let heartbeat = loop {
                    match next_packet(&mut ws).await? {
                        Packet::Open(h) => break h.heartbeat_deadline(),
                        Packet::Ping => send_text(&mut ws, codec::PONG).await?,
                        Packet::Close => return Err(RtmError::ServerClosed),
                        _ => {}
                    }
                };
                send_text(&mut ws, codec::CONNECT).await?;
                loop {
                    match next_packet(&mut ws).await? {
                        Packet::Message(SioPacket::Connect { .. }) => break,
                        Packet::Message(SioPacket::ConnectError { message, .. }) => {
                            return Err(RtmError::Refused { message });
                        }
                        Packet::Message(SioPacket::Disconnect) | Packet::Close => {
                            return Err(RtmError::ServerClosed);
                        }
                        Packet::Ping => send_text(&mut ws, codec::PONG).await?,
                        _ => {}
                    }
                }
                Ok::<_, RtmError>(heartbeat)
            })
            .await
            .map_err(|_| RtmError::HandshakeTimeout(timeout))??;
            Ok::<_, RtmError>((ws, handshake))
        }
        .instrument(span)
        .await?;

        let auth_timeout = self.settings.auth_timeout;
        let mut auth = json!({
            "tier": credentials.tier.as_str(),
            "username": credentials.identifier,
            "password": credentials.key.expose(),
            "events": self.events,
        });
        if let Some(rooms) = &self.settings.rooms {
            auth["rooms"] = json!(rooms);
        }
        if let Some(inboxes) = &self.settings.inboxes {
            auth["inboxes"] = json!(inboxes);
        }
        let span = tracing::debug_span!("rtm.authenticate", tier = credentials.tier.as_str());
        let early = async {
            send_text(&mut ws, &codec::encode_event("authentication", &auth)).await?;
            drop(auth);
            tokio::time::timeout(auth_timeout, async {
                let mut early = Vec::new();
                loop {
                    match next_packet(&mut ws).await? {
                        Packet::Message(SioPacket::Event { name, data }) => match name.as_str() {
                            "authenticated" => return Ok(early),
                            "unauthorized" => {
                                let message = match &data {
                                    Value::String(s) => Some(s.clone()),
                                    v => {
                                        v.get("message").and_then(Value::as_str).map(str::to_owned)
                                    }
                                };
                                return Err(RtmError::Unauthorized { message });
                            }
                            _ => early.push(EventItem::from_parts(name, data)),
                        },
                        Packet::Message(SioPacket::Disconnect) | Packet::Close => {
                            return Err(RtmError::ServerClosed);
                        }
                        Packet::Ping => send_text(&mut ws, codec::PONG).await?,
                        _ => {}
                    }
                }
            })
            .await
            .map_err(|_| RtmError::AuthTimeout(auth_timeout))?
        }
        .instrument(span)
        .await?;
        Ok((Session { ws, heartbeat }, early))
    }

    async fn emit(&self, item: Result<EventItem, RtmError>) -> bool {
        self.items.send(item).await.is_ok()
    }

    async fn run(mut self, mut session: Session, early: Early) {
        if !self.emit(Ok(EventItem::Connected)).await {
            return;
        }
        for item in early {
            if !self.emit(Ok(item)).await {
                return;
            }
        }
        loop {
            let cause = match self.serve(&mut session).await {
                End::Stop => return,
                End::Fatal(e) => {
                    self.emit(Err(e)).await;
                    return;
                }
                End::Lost(e) => e,
            };
            // A lost connection is let go at once: a silent server may keep it open, and it
            // must not stay open (or keep receiving pushes) for the whole reconnection.
            drop(session);
            let lost_at = Instant::now();
            let span = tracing::info_span!("rtm.reconnect");
            let next = self.reconnect(cause, lost_at).instrument(span).await;
            match next {
                Some(s) => session = s,
                None => return,
            }
        }
    }

    /// Tries until connected again (`None`: stop, after a final error or a close).
    async fn reconnect(&mut self, mut cause: RtmError, lost_at: Instant) -> Option<Session> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let after = self.backoff(attempt);
            tracing::info!(attempt, ?after, cause = %cause, "RTM reconnecting");
            let item = EventItem::Reconnecting {
                attempt,
                after,
                cause: error_chain(&cause),
            };
            if !self.emit(Ok(item)).await {
                return None;
            }
            let wake = Instant::now() + after;
            loop {
                tokio::select! {
                    () = tokio::time::sleep_until(wake) => break,
                    command = self.commands.recv() => match command {
                        None | Some(Command::Close) => return None,
                        Some(Command::Push(events)) => self.push(events),
                        Some(Command::Pop(events)) => self.pop(&events),
                        Some(Command::Rebind) => {}
                    },
                }
            }
            match self.open().await {
                Ok((session, early)) => {
                    self.failures = 0;
                    let downtime = lost_at.elapsed();
                    tracing::info!(?downtime, "RTM reconnected");
                    if !self.emit(Ok(EventItem::Reconnected { downtime })).await {
                        return None;
                    }
                    for item in early {
                        if !self.emit(Ok(item)).await {
                            return None;
                        }
                    }
                    return Some(session);
                }
                Err(e) if e.is_final() => {
                    self.emit(Err(e)).await;
                    return None;
                }
                Err(e) => {
                    if let Err(e) = self.failed().await {
                        self.emit(Err(e)).await;
                        return None;
                    }
                    cause = e;
                }
            }
        }
    }

    fn push(&mut self, events: Vec<String>) {
        for event in events {
            if !self.events.contains(&event) {
                self.events.push(event);
            }
        }
    }

    fn pop(&mut self, events: &[String]) {
        self.events.retain(|e| !events.contains(e));
    }

    /// Reads the socket until it is lost or closed; answers pings, forwards events, runs
    /// commands.
    async fn serve(&mut self, session: &mut Session) -> End {
        let heartbeat = session.heartbeat;
        let deadline = tokio::time::sleep(heartbeat);
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                biased;
                frame = session.ws.next() => {
                    let text = match frame {
                        Some(Ok(Message::Text(text))) => text,
                        Some(Ok(Message::Close(_))) | None => return End::Lost(RtmError::ServerClosed),
                        Some(Ok(_)) => continue,
                        Some(Err(e)) => return End::Lost(RtmError::Socket(Box::new(e))),
                    };
                    match codec::decode(text.as_str()) {
                        Ok(Packet::Ping) => {
                            deadline.as_mut().reset(Instant::now() + heartbeat);
                            if let Err(e) = send_text(&mut session.ws, codec::PONG).await {
                                return End::Lost(e);
                            }
                        }
                        Ok(Packet::Message(SioPacket::Event { name, data })) => {
                            if name == "unauthorized" {
                                let message = data.get("message").and_then(Value::as_str).map(str::to_owned);
                                return End::Fatal(RtmError::Unauthorized { message });
                            }
                            tracing::debug!(event = %name, "RTM push");
                            // A full buffer blocks here: the socket is not read until the
                            // consumer takes an item.
                            if !self.emit(Ok(EventItem::from_parts(name, data))).await {
                                return End::Stop;
                            }
                        }
                        Ok(Packet::Close | Packet::Message(SioPacket::Disconnect)) => {
                            return End::Lost(RtmError::ServerClosed);
                        }
                        Ok(_) => {}
                        Err(e) => return End::Lost(RtmError::Protocol(e)),
                    }
                }
                command = self.commands.recv() => {
                    let frame = match command {
                        None | Some(Command::Close) => {
                            let _ = send_text(&mut session.ws, codec::DISCONNECT).await;
                            let _ = session.ws.close(None).await;
                            return End::Stop;
                        }
                        Some(Command::Rebind) => codec::encode_event("socket:bind", &json!({})),
                        Some(Command::Push(events)) => {
                            let frame = codec::encode_event("socket:bind:push", &json!({ "events": events }));
                            self.push(events);
                            frame
                        }
                        Some(Command::Pop(events)) => {
                            let frame = codec::encode_event("socket:bind:pop", &json!({ "events": events }));
                            self.pop(&events);
                            frame
                        }
                    };
                    if let Err(e) = send_text(&mut session.ws, &frame).await {
                        return End::Lost(e);
                    }
                }
                () = &mut deadline => return End::Lost(RtmError::HeartbeatTimeout(heartbeat)),
            }
        }
    }
}

async fn next_packet(ws: &mut WsStream) -> Result<Packet, RtmError> {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(text))) => {
                return codec::decode(text.as_str()).map_err(RtmError::Protocol);
            }
            Some(Ok(Message::Close(_))) | None => return Err(RtmError::ServerClosed),
            Some(Ok(_)) => {}
            Some(Err(e)) => return Err(RtmError::Socket(Box::new(e))),
        }
    }
}

async fn send_text(ws: &mut WsStream, text: &str) -> Result<(), RtmError> {
    ws.send(Message::text(text))
        .await
        .map_err(|e| RtmError::Socket(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_url_keeps_the_discovered_path() {
        let u = engine_url("https://relay.example/", false).unwrap();
        assert_eq!(u.as_str(), "wss://relay.example/?EIO=4&transport=websocket");
        let u = engine_url("http://127.0.0.1:9/rtm", false).unwrap();
        assert_eq!(
            u.as_str(),
            "ws://127.0.0.1:9/rtm/?EIO=4&transport=websocket"
        );
        let u = engine_url("wss://relay.example/a/b/?x=1", false).unwrap();
        assert_eq!(
            u.as_str(),
            "wss://relay.example/a/b/?x=1&EIO=4&transport=websocket"
        );
        assert!(matches!(
            engine_url("ws://relay.example/", false),
            Err(RtmError::Url(WsError::PlainRefused { .. }))
        ));
        assert!(engine_url("ws://relay.example/", true).is_ok());
    }

    fn control() -> (RtmControl, mpsc::UnboundedReceiver<Command>) {
        let (commands, rx) = mpsc::unbounded_channel();
        let control = RtmControl {
            commands,
            last_rebind: Arc::new(Mutex::new(None)),
        };
        (control, rx)
    }

    #[tokio::test(start_paused = true)]
    async fn rebind_is_throttled_to_one_per_interval() {
        let (control, mut rx) = control();
        control.rebind().unwrap();
        tokio::time::advance(Duration::from_millis(2499)).await;
        match control.rebind() {
            Err(RtmError::RebindThrottled { retry_after }) => {
                assert_eq!(retry_after, Duration::from_millis(1));
            }
            other => panic!("{other:?}"),
        }
        tokio::time::advance(Duration::from_millis(1)).await;
        control.rebind().unwrap();
        assert!(matches!(rx.recv().await, Some(Command::Rebind)));
        assert!(matches!(rx.recv().await, Some(Command::Rebind)));
        assert!(rx.try_recv().is_err());
        drop(rx);
        tokio::time::advance(REBIND_INTERVAL).await;
        assert!(matches!(control.rebind(), Err(RtmError::Closed)));
    }

    #[test]
    fn backoff_is_full_jitter_under_the_cap() {
        let (items, _rx) = mpsc::channel(1);
        let (_tx, commands) = mpsc::unbounded_channel();
        let client = CrispClient::new(crate::Credentials::new("i", "k", Tier::Plugin));
        let mut settings = client.rtm().settings;
        settings.backoff_base = Duration::from_secs(5);
        settings.backoff_cap = Duration::from_secs(10);
        let driver = Driver {
            client,
            events: Vec::new(),
            settings,
            targets: Targets::default(),
            failures: 0,
            items,
            commands,
        };
        for attempt in 1..40 {
            let cap = if attempt == 1 { 5 } else { 10 };
            assert!(driver.backoff(attempt) <= Duration::from_secs(cap));
        }
        // Full jitter spreads the waits (not all at the cap).
        let waits: Vec<_> = (0..50).map(|_| driver.backoff(3)).collect();
        assert!(waits.iter().any(|w| *w < Duration::from_secs(9)));
    }

    #[test]
    fn errors_say_whether_they_are_final_and_keep_secrets_out() {
        assert!(RtmError::Unauthorized { message: None }.is_final());
        assert!(!RtmError::HeartbeatTimeout(Duration::from_secs(1)).is_final());
        let builder = CrispClient::new(crate::Credentials::new("ident", "s3cr3t", Tier::Plugin))
            .rtm()
            .rooms(["w"]);
        assert!(!format!("{builder:?}").contains("s3cr3t"));
    }
}
