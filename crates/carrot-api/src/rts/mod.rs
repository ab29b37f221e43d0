//! Carrot Quest / Dashly Realtime Services (RTS): the messages of your app's channels as they
//! are published, over one websocket that resumes where it left off (feature `rts`, off by
//! default; the `chatdesk` umbrella forwards it as its own `rts` feature).
//!
//! ```no_run
//! use chatdesk_carrot_api::CarrotClient;
//! use chatdesk_carrot_api::model::RtsEvent;
//! use chatdesk_carrot_api::rts::{Channel, RtsItem};
//! use futures_util::StreamExt;
//!
//! # async fn run() -> Result<(), chatdesk_carrot_api::rts::RtsError> {
//! let client = CarrotClient::new(std::env::var("CARROT_TOKEN").unwrap_or_default());
//! let app = 42_u64;
//! let mut rts = client
//!     .rts()
//!     .channel(Channel::conversation_reply(app, None))
//!     .channel(Channel::conversation_started_user(app))
//!     .channel(Channel::ping())
//!     .connect()
//!     .await?;
//! while let Some(item) = rts.next().await {
//!     match item? {
//!         RtsItem::Message(m) => match m.event {
//!             RtsEvent::Reply(reply) => println!("{:?}", reply.part.body),
//!             other => println!("{}: {other:?}", m.channel),
//!         },
//!         other => println!("{other:?}"),
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! * **Channels** are built with [`Channel`]'s constructors, one per channel the vendor
//!   documents; a subscription takes 1 to [`MAX_CHANNELS`] (50, the server's limit) and is
//!   checked before any connection ([`ChannelError`]). App and user ids are Carrot ids (digits).
//! * **Host**: from the client's REST base URL, Carrot Quest ([`CARROT_RTS_URL`]) or Dashly
//!   ([`DASHLY_RTS_URL`]); any other REST host (a proxy, the simulator) needs
//!   [`RtsBuilder::url`]. The socket is `{base}/websocket/{ch1}/{ch2}…?auth_token=<token>`,
//!   plain `ws://` only to a loopback host unless [`RtsBuilder::allow_plain_ws`].
//! * **Messages** come as [`RtsItem::Message`], the payload typed by the channel's kind
//!   ([`RtsEvent`](chatdesk_model::carrot::RtsEvent), whose docs have the table), raw JSON for
//!   kinds without a type, and [`RtsItem::Malformed`] (the envelope as sent) for a payload
//!   that does not fit its type.
//! * **Resume, exactly once**: the client remembers the `tag` and `time` of the last message
//!   and reconnects with them as `tag` and `time` query parameters, so the server sends what was
//!   published in between. Carrot documents that the last `tag` and `time` are passed back; the
//!   parameter names are **inferred** from the Nginx push-stream module RTS runs on, whose
//!   websocket mode takes them so. The server may send again a message already delivered; the
//!   client drops every message whose id it delivered among the last
//!   [`RtsBuilder::dedup_window`] ids (4096 by default), so each is yielded once.
//!   [`RtsItem::Resumed`] says from where; [`RtsBuilder::resume_from`] starts from a position
//!   saved earlier.
//!   Before the first message the position is the moment the first connection opened (less
//!   5 s, for a client clock ahead of the server's), sent as `time` alone: a connection lost
//!   before any message still asks for what was published while it was down. This relies on
//!   the local clock being within 5 s of Carrot's.
//! * **Close codes**: 3401 (bad or expired token) and 3403 (no permitted channel), like 401 and
//!   403 on the upgrade, end the stream with a final [`RtsError`]; no further connection is
//!   attempted. 3500, 3502, 3503, HTTP 502/503 on the upgrade and every other failure are
//!   retried with full-jitter backoff ([`RtsBuilder::backoff`], 1 s base, 30 s cap), each wait
//!   announced by [`RtsItem::Reconnecting`]; it never gives up on its own.
//! * **Silence**: a connection on which nothing arrives for [`RtsBuilder::silence_timeout`]
//!   (3 minutes by default) is taken for dead and replaced. A quiet app may well send nothing
//!   for that long: subscribe to [`Channel::ping`] as well, which the server publishes to
//!   periodically.
//! * **Backpressure**: messages wait in a bounded buffer ([`RtsBuilder::buffer`]); when it is
//!   full the client stops reading the socket until you take an item. Nothing is dropped inside
//!   the library (a server that gives up on a slow reader shows as a reconnection, and the
//!   resume fetches what was missed).
//! * **Task**: one task per subscription, spawned on the current runtime; dropping the [`Rts`]
//!   handle aborts it and closes the socket.
//! * **Secrets**: the URL carries the token, so it is never printed: `Debug` of every type
//!   here, the errors and the tracing spans (`rts.connect` with the host and channels,
//!   `rts.reconnect`) show the host and the channels only. The upgrade request is written by
//!   the transport's own handshake, not tungstenite's, which logs the raw request (token
//!   included) to the `log` crate at trace level.

mod channel;
mod dedup;
mod item;
mod session;
mod url;

pub use channel::{CHANNEL_KINDS, Channel, ChannelError, MAX_CHANNELS, RtsId};
pub use item::{RtsError, RtsItem, RtsMessage};
pub use url::{CARROT_RTS_URL, DASHLY_RTS_URL};

use crate::client::CarrotClient;
use chatdesk_transport::realtime::{self, Backoff, Inbox, Task};
use futures_util::Stream;
use session::{Driver, Outcome, Settings};
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Configures an RTS subscription: [`CarrotClient::rts`], the channels, then
/// [`RtsBuilder::connect`].
#[must_use]
pub struct RtsBuilder {
    client: CarrotClient,
    channels: Vec<Channel>,
    url: Option<String>,
    allow_plain: bool,
    resume: url::Resume,
    backoff: Backoff,
    connect_timeout: Duration,
    silence: Duration,
    buffer: usize,
    dedup_window: usize,
    connect_attempts: u32,
}

impl fmt::Debug for RtsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let channels: Vec<String> = self.channels.iter().map(ToString::to_string).collect();
        f.debug_struct("RtsBuilder")
            .field("client", &self.client)
            .field("channels", &channels)
            .field("url", &self.url)
            .field("resume", &self.resume)
            .field("backoff", &self.backoff)
            .field("silence", &self.silence)
            .field("buffer", &self.buffer)
            .finish_non_exhaustive()
    }
}

impl CarrotClient {
    /// A real-time subscription with this client's token and brand (feature `rts`); see
    /// [`crate::rts`].
    pub fn rts(&self) -> RtsBuilder {
        RtsBuilder {
            client: self.clone(),
            channels: Vec::new(),
            url: None,
            allow_plain: false,
            resume: url::Resume::default(),
            backoff: Backoff::new(Duration::from_secs(1), Duration::from_secs(30)),
            connect_timeout: Duration::from_secs(10),
            silence: Duration::from_secs(180),
            buffer: 256,
            dedup_window: 4096,
            connect_attempts: 3,
        }
    }
}

impl RtsBuilder {
    /// Adds a channel (at most [`MAX_CHANNELS`] in all; one given twice counts once).
    pub fn channel(mut self, channel: Channel) -> Self {
        self.channels.push(channel);
        self
    }

    /// Adds channels.
    pub fn channels(mut self, channels: impl IntoIterator<Item = Channel>) -> Self {
        self.channels.extend(channels);
        self
    }

    /// Connects to this RTS base instead of the brand's (`wss://…`, or `ws://` to a loopback
    /// host): `/websocket/{channels}?auth_token=…` is appended to it. The simulator prints it
    /// as `carrot_rts_url`.
    pub fn url(mut self, base: impl Into<String>) -> Self {
        self.url = Some(base.into());
        self
    }

    /// Accepts plain `ws://` to a host that is not a loopback address (the token then travels
    /// in clear).
    pub fn allow_plain_ws(mut self) -> Self {
        self.allow_plain = true;
        self
    }

    /// Starts from a position saved earlier (the `tag` and `time` of the last message you
    /// handled), so the first connection already asks for what was published since.
    pub fn resume_from(mut self, tag: Option<String>, time: Option<String>) -> Self {
        self.resume = url::Resume { tag, time };
        self
    }

    /// The reconnection backoff: attempt `n` waits a random time up to
    /// `min(cap, base·2^(n-1))` (1 s and 30 s by default).
    pub fn backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.backoff = Backoff::new(base, cap);
        self
    }

    /// The longest TCP + TLS + upgrade may take (10 s by default).
    pub fn connect_timeout(mut self, after: Duration) -> Self {
        self.connect_timeout = after;
        self
    }

    /// How long a connection may stay silent before it is taken for dead and replaced (3
    /// minutes by default). Subscribe to [`Channel::ping`] so that a quiet app is not silent.
    pub fn silence_timeout(mut self, after: Duration) -> Self {
        self.silence = after;
        self
    }

    /// How many items wait for you before the socket stops being read (256 by default; at
    /// least 1).
    pub fn buffer(mut self, items: usize) -> Self {
        self.buffer = items.max(1);
        self
    }

    /// How many of the latest message ids are remembered to drop a message sent again after a
    /// reconnect (4096 by default; at least 1). A replay reaching further back than this many
    /// messages could deliver an old one twice.
    pub fn dedup_window(mut self, ids: usize) -> Self {
        self.dedup_window = ids.max(1);
        self
    }

    /// How many attempts [`RtsBuilder::connect`] makes before returning the last error (3 by
    /// default; at least 1). Once connected, reconnection never gives up except on a final
    /// error.
    pub fn connect_attempts(mut self, attempts: u32) -> Self {
        self.connect_attempts = attempts.max(1);
        self
    }

    /// Checks the channels, opens the first connection (retried with the backoff, up to
    /// [`RtsBuilder::connect_attempts`]; a final error at once) and returns the stream.
    pub async fn connect(self) -> Result<Rts, RtsError> {
        let channels = channel::checked(&self.channels)?;
        let base = match self.url {
            Some(url) => url,
            None => url::brand_base(self.client.base_url())
                .ok_or_else(|| RtsError::NoHost {
                    base: self.client.base_url().to_owned(),
                })?
                .to_owned(),
        };
        let user_agent = self.client.user_agent().to_str().ok().map(str::to_owned);
        let (items, inbox) = realtime::bounded(self.buffer);
        let driver = Driver {
            settings: Settings {
                base,
                channels,
                token: self.client.token().clone(),
                user_agent,
                allow_plain: self.allow_plain,
                backoff: self.backoff,
                connect_timeout: self.connect_timeout,
                silence: self.silence,
                connect_attempts: self.connect_attempts,
            },
            resume: self.resume,
            seen: dedup::RecentIds::new(self.dedup_window),
            items,
        };
        let ws = driver.first().await?;
        let task = Task::spawn(driver.run(ws));
        Ok(Rts {
            items: inbox,
            _task: task,
        })
    }
}

/// A live RTS subscription: a [`Stream`] of [`RtsItem`]s, ending after a final error (yielded
/// as the last item). Dropping it ends the connection and its task.
pub struct Rts {
    items: Inbox<Outcome>,
    _task: Task,
}

impl fmt::Debug for Rts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rts")
            .field("queued", &self.items.len())
            .finish_non_exhaustive()
    }
}

impl Rts {
    /// How many items wait in the buffer (never more than [`RtsBuilder::buffer`]).
    pub fn queued(&self) -> usize {
        self.items.len()
    }
}

impl Stream for Rts {
    type Item = Result<RtsItem, RtsError>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut self.items).poll_next(cx)
    }
}
