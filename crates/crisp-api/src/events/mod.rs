//! One stream of Crisp events for both delivery modes (feature `rtm`): [`Events`], whether the
//! events come over an RTM websocket ([`CrispClient::rtm`](crate::CrispClient::rtm)) or as web
//! hooks POSTed to your server ([`WebhookReceiver`](crate::hooks::WebhookReceiver)).
//!
//! A bot written against [`Events`] switches between the two by configuration, as the Node
//! client's `setRtmMode` does: both yield the same [`EventItem::Event`] (an RTM push and a hook
//! delivery of one event decode to equal [`Event`]s) and the same [`EventItem::Malformed`].
//!
//! ```no_run
//! use chatdesk_crisp_api::events::{EventItem, Events};
//! use chatdesk_crisp_api::hooks::WebhookReceiver;
//! use chatdesk_crisp_api::model::webhook::Event;
//! use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
//! use futures_util::StreamExt;
//!
//! # async fn run(use_hooks: bool) -> Result<(), Box<dyn std::error::Error>> {
//! let client = CrispClient::new(Credentials::new("identifier", "key", Tier::Plugin));
//! let mut events: Events = if use_hooks {
//!     let (service, events) = WebhookReceiver::plugin("hook signing secret").build();
//!     // Mount `service` in hyper or axum (it is a `tower::Service<http::Request<B>>`).
//!     # drop(service);
//!     events
//! } else {
//!     client.rtm().events(["message:send"]).connect().await?
//! };
//! // Retried hooks (and an RTM push that also came as a hook) are let through once.
//! let mut events = events.dedup(4096, std::time::Duration::from_secs(3600));
//! while let Some(item) = events.next().await {
//!     match item? {
//!         EventItem::Event(Event::MessageSend(message)) => println!("{:?}", message.content),
//!         EventItem::Reconnected { .. } => println!("RTM only: resync over REST"),
//!         _ => {}
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! **Lifecycle items are RTM only.** [`EventItem::Connected`], [`EventItem::Reconnecting`],
//! [`EventItem::Reconnected`] and the `Err` items ([`RtmError`]) come from the websocket; a web
//! hook stream yields only `Event` and `Malformed` items, and ends after [`Events::close`] (the
//! receiver then answers `503`) or once every clone of its service is dropped.
//!
//! **Duplicates.** RTM never delivers an event twice on its own, but Crisp re-delivers a web hook
//! whose answer it did not get (`X-Delivery-Attempt-Count` counts the attempts), and a bot that
//! runs both modes gets each event twice. [`Events::dedup`] (or [`Dedup`] on a stream of your
//! own) lets each [`Event::identity`] through once within a time window.

mod dedup;

pub use dedup::Dedup;

use crate::hooks::Shared;
use crate::rtm::{RtmControl, RtmError};
use chatdesk_model::crisp::webhook::Event;
use chatdesk_transport::realtime::Task;
use futures_util::Stream;
use serde_json::Value;
use std::fmt;
use std::pin::Pin;
use std::sync::Weak;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;

/// One item of an [`Events`] stream.
// An event is large (a message, an enriched profile) and the rest small; boxing it would only
// make matching worse, and the buffer holds a bounded number of items anyway.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventItem {
    /// RTM only: authenticated, events flow from now on. The first item of every RTM stream.
    Connected,
    /// An event, typed the same for RTM and web hooks (unknown names are [`Event::Unknown`],
    /// raw).
    Event(Event),
    /// An event of a known name whose data did not decode as its type, kept as sent.
    Malformed {
        /// The event name.
        name: String,
        /// The data as sent.
        data: Value,
        /// What did not decode.
        error: String,
    },
    /// RTM only: the connection was lost; a new one is tried after `after`.
    Reconnecting {
        /// 1 for the first attempt after a loss.
        attempt: u32,
        /// The wait before this attempt.
        after: Duration,
        /// Why the connection (or the previous attempt) failed.
        cause: String,
    },
    /// RTM only: connected and authenticated again. Events of the `downtime` were not
    /// delivered.
    Reconnected {
        /// From the loss of the connection to the new authentication.
        downtime: Duration,
    },
}

impl EventItem {
    /// The item for an event `name` with its `data`, as RTM pushes and web hooks carry them:
    /// typed, or [`EventItem::Malformed`] when the data of a known name does not fit its type.
    pub fn from_parts(name: String, data: Value) -> EventItem {
        match Event::from_parts_keeping(&name, data) {
            Ok(event) => EventItem::Event(event),
            Err((e, data)) => EventItem::Malformed {
                name,
                data,
                error: e.to_string(),
            },
        }
    }

    /// The event, for an [`EventItem::Event`].
    pub fn event(&self) -> Option<&Event> {
        match self {
            EventItem::Event(event) => Some(event),
            _ => None,
        }
    }
}

/// Where the events of a stream come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// An RTM websocket.
    Rtm,
    /// Web hooks, through a [`WebhookReceiver`](crate::hooks::WebhookReceiver).
    Webhooks,
}

pub(crate) type Received = Result<EventItem, RtmError>;

/// A stream of Crisp events ([`EventItem`]s), from RTM or from web hooks; see the [module
/// docs](self).
///
/// It ends after [`Events::close`], after a final RTM error (yielded as the last item), or, for
/// web hooks, once every clone of the [`WebhookService`](crate::hooks::WebhookService) is
/// dropped (after the items already received). Dropping it ends the RTM connection and its task, or
/// makes the web hook receiver answer `503` (so Crisp delivers again later).
pub struct Events {
    items: mpsc::Receiver<Received>,
    source: Source,
    dedup: Option<Dedup>,
    duplicates: u64,
}

enum Source {
    Rtm {
        control: RtmControl,
        _task: Task,
    },
    /// Weak: the services keep the receiver alive, so the stream ends once every clone of
    /// the service is dropped (the server is gone).
    Webhooks(Weak<Shared>),
}

impl fmt::Debug for Events {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Events")
            .field("mode", &self.mode())
            .field("queued", &self.items.len())
            .field("dedup", &self.dedup)
            .field("duplicates", &self.duplicates)
            .finish()
    }
}

impl Events {
    pub(crate) fn rtm(items: mpsc::Receiver<Received>, control: RtmControl, task: Task) -> Self {
        Events::new(
            items,
            Source::Rtm {
                control,
                _task: task,
            },
        )
    }

    pub(crate) fn webhooks(items: mpsc::Receiver<Received>, shared: Weak<Shared>) -> Self {
        Events::new(items, Source::Webhooks(shared))
    }

    fn new(items: mpsc::Receiver<Received>, source: Source) -> Self {
        Events {
            items,
            source,
            dedup: None,
            duplicates: 0,
        }
    }

    /// Where the events come from.
    pub fn mode(&self) -> Mode {
        match self.source {
            Source::Rtm { .. } => Mode::Rtm,
            Source::Webhooks(_) => Mode::Webhooks,
        }
    }

    /// For RTM, a handle to control the connection from elsewhere (it does not keep it alive);
    /// `None` for web hooks.
    pub fn control(&self) -> Option<RtmControl> {
        match &self.source {
            Source::Rtm { control, .. } => Some(control.clone()),
            Source::Webhooks(_) => None,
        }
    }

    /// How many items wait in the buffer (never more than its capacity: RTM's
    /// [`buffer`](crate::rtm::RtmBuilder::buffer), the receiver's
    /// [`buffer`](crate::hooks::WebhookReceiver::buffer)).
    pub fn queued(&self) -> usize {
        self.items.len()
    }

    /// Lets each event through once: an item whose [`Event::identity`] was yielded less than
    /// `ttl` ago, among the last `capacity` events, is skipped (and counted in
    /// [`Events::duplicates`]). Lifecycle and malformed items always pass. See [`Dedup`].
    pub fn dedup(mut self, capacity: usize, ttl: Duration) -> Self {
        self.dedup = Some(Dedup::new(capacity, ttl));
        self
    }

    /// How many duplicates [`Events::dedup`] skipped so far.
    pub fn duplicates(&self) -> u64 {
        self.duplicates
    }

    /// Ends the stream gracefully. RTM: `41` and a websocket close, carried out when the
    /// connection is read again (see [`RtmControl::close`]). Web hooks: the receiver answers
    /// `503` from now on, and the stream ends after the buffered items and the deliveries
    /// being answered.
    pub fn close(&self) -> Result<(), RtmError> {
        match &self.source {
            Source::Rtm { control, .. } => control.close(),
            Source::Webhooks(shared) => {
                // Without a service left the stream is ending anyway.
                if let Some(shared) = shared.upgrade() {
                    shared.close();
                }
                Ok(())
            }
        }
    }

    /// RTM: [`RtmControl::rebind`]. Web hooks: [`RtmError::NotRtm`] (a hook's websites and
    /// events are set in the Crisp Marketplace).
    pub fn rebind(&self) -> Result<(), RtmError> {
        self.rtm_control()?.rebind()
    }

    /// RTM: [`RtmControl::bind_push`]. Web hooks: [`RtmError::NotRtm`].
    pub fn bind_push<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rtm_control()?.bind_push(events)
    }

    /// RTM: [`RtmControl::bind_pop`]. Web hooks: [`RtmError::NotRtm`].
    pub fn bind_pop<I, S>(&self, events: I) -> Result<(), RtmError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rtm_control()?.bind_pop(events)
    }

    fn rtm_control(&self) -> Result<&RtmControl, RtmError> {
        match &self.source {
            Source::Rtm { control, .. } => Ok(control),
            Source::Webhooks(_) => Err(RtmError::NotRtm),
        }
    }
}

impl Stream for Events {
    type Item = Received;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            let item = match this.items.poll_recv(cx) {
                Poll::Ready(Some(item)) => item,
                other => return other,
            };
            if let (Some(dedup), Ok(EventItem::Event(event))) = (&mut this.dedup, &item) {
                let now = tokio::time::Instant::now().into_std();
                if !dedup.first_seen(&event.identity(), now) {
                    this.duplicates += 1;
                    tracing::debug!(event = event.name(), "duplicate event skipped");
                    continue;
                }
            }
            return Poll::Ready(Some(item));
        }
    }
}
