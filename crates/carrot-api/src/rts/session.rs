//! The connection task of an RTS subscription: opens the websocket, reads messages, drops
//! the ones already delivered, remembers where to resume, and reconnects with backoff.

use super::channel::Channel;
use super::dedup::RecentIds;
use super::item::{RtsError, RtsItem, RtsMessage};
use super::url::{Resume, socket_url};
use chatdesk_model::carrot::{RtsEnvelope, RtsEvent};
use chatdesk_transport::Secret;
use chatdesk_transport::realtime::{Backoff, Outbox, error_chain};
use chatdesk_transport::websocket::{self, WsConfig, WsStream, WsUrl, tungstenite};
use futures_util::StreamExt;
use std::time::{Duration, SystemTime};
use tokio::time::Instant;
use tracing::Instrument as _;
use tungstenite::Message;

/// How far before a connection without a resume position its starting `time` is put, so that a
/// client clock somewhat ahead of the server's does not skip what was published just after the
/// server accepted us.
const START_LOOKBACK: Duration = Duration::from_secs(5);

/// What a subscription was configured with.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub(crate) base: String,
    pub(crate) channels: Vec<Channel>,
    pub(crate) token: Secret,
    pub(crate) user_agent: Option<String>,
    pub(crate) allow_plain: bool,
    pub(crate) backoff: Backoff,
    pub(crate) connect_timeout: Duration,
    pub(crate) silence: Duration,
    pub(crate) connect_attempts: u32,
}

/// How a connection ended.
enum End {
    /// The consumer went away: stop.
    Stop,
    /// Lost: reconnect. `delivered` says whether it delivered anything new (which resets the
    /// attempt count).
    Lost { cause: RtsError, delivered: bool },
    /// A final error: report it and stop.
    Fatal(RtsError),
}

pub(crate) type Outcome = Result<RtsItem, RtsError>;

pub(crate) struct Driver {
    pub(crate) settings: Settings,
    pub(crate) resume: Resume,
    pub(crate) seen: RecentIds,
    pub(crate) items: Outbox<Outcome>,
}

impl Driver {
    fn url(&self) -> Result<WsUrl, RtsError> {
        socket_url(
            &self.settings.base,
            &self.settings.channels,
            self.settings.token.expose(),
            &self.resume,
            self.settings.allow_plain,
        )
    }

    /// One attempt: the websocket upgrade with the current resume position.
    pub(crate) async fn open(&self) -> Result<WsStream, RtsError> {
        let url = self.url()?;
        let span = tracing::debug_span!(
            "rts.connect",
            url = ?url,
            tag = self.resume.tag.as_deref(),
            time = self.resume.time.as_deref(),
        );
        let mut config = WsConfig::default();
        config.user_agent = self.settings.user_agent.clone();
        config.timeout = self.settings.connect_timeout;
        websocket::connect(&url, &config)
            .instrument(span)
            .await
            .map_err(RtsError::from_connect)
    }

    /// The first connection, tried up to `connect_attempts` times; a final error at once.
    pub(crate) async fn first(&self) -> Result<WsStream, RtsError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.open().await {
                Ok(ws) => return Ok(ws),
                Err(e) if e.is_final() || attempt >= self.settings.connect_attempts => {
                    return Err(e);
                }
                Err(e) => {
                    tracing::debug!(attempt, error = %e, "RTS connection attempt failed");
                    tokio::time::sleep(self.settings.backoff.delay(attempt)).await;
                }
            }
        }
    }

    async fn emit(&self, item: Outcome) -> bool {
        self.items.send(item).await
    }

    pub(crate) async fn run(mut self, mut ws: WsStream) {
        if !self.emit(Ok(RtsItem::Connected)).await {
            return;
        }
        let mut attempt = 0;
        loop {
            let (cause, delivered) = match self.serve(&mut ws).await {
                End::Stop => {
                    let _ = ws.close(None).await;
                    return;
                }
                End::Fatal(e) => {
                    tracing::warn!(error = %e, "RTS subscription ended");
                    self.emit(Err(e)).await;
                    return;
                }
                End::Lost { cause, delivered } => (cause, delivered),
            };
            drop(ws);
            if delivered {
                attempt = 0;
            }
            let span = tracing::info_span!("rts.reconnect");
            match self.reconnect(cause, &mut attempt).instrument(span).await {
                Some(next) => ws = next,
                None => return,
            }
        }
    }

    /// Tries until connected again (`None`: stop, after a final error or with the consumer
    /// gone). `attempt` goes on counting across connections that deliver nothing.
    async fn reconnect(&mut self, mut cause: RtsError, attempt: &mut u32) -> Option<WsStream> {
        loop {
            *attempt += 1;
            let after = self.settings.backoff.delay(*attempt);
            tracing::info!(attempt = *attempt, ?after, cause = %cause, "RTS reconnecting");
            let item = RtsItem::Reconnecting {
                attempt: *attempt,
                after,
                cause: error_chain(&cause),
            };
            if !self.emit(Ok(item)).await {
                return None;
            }
            tokio::time::sleep(after).await;
            match self.open().await {
                Ok(ws) => {
                    let item = RtsItem::Resumed {
                        from_tag: self.resume.tag.clone(),
                        from_time: self.resume.time.clone(),
                    };
                    tracing::info!(
                        tag = self.resume.tag.as_deref(),
                        time = self.resume.time.as_deref(),
                        "RTS resumed"
                    );
                    return self.emit(Ok(item)).await.then_some(ws);
                }
                Err(e) if e.is_final() => {
                    tracing::warn!(error = %e, "RTS subscription ended");
                    self.emit(Err(e)).await;
                    return None;
                }
                Err(e) => cause = e,
            }
        }
    }

    /// Reads the socket until it is lost or closed, forwarding each new message.
    async fn serve(&mut self, ws: &mut WsStream) -> End {
        self.mark_start();
        let silence = self.settings.silence;
        let deadline = tokio::time::sleep(silence);
        tokio::pin!(deadline);
        let mut delivered = false;
        loop {
            let frame = tokio::select! {
                frame = ws.next() => frame,
                () = &mut deadline => {
                    return End::Lost { cause: RtsError::Silent(silence), delivered };
                }
            };
            let text = match frame {
                Some(Ok(Message::Text(text))) => text,
                Some(Ok(Message::Close(frame))) => {
                    let (code, reason) = match frame {
                        Some(f) => (Some(u16::from(f.code)), Some(f.reason.to_string())),
                        None => (None, None),
                    };
                    let cause = RtsError::from_close(code, reason);
                    if cause.is_final() {
                        return End::Fatal(cause);
                    }
                    return End::Lost { cause, delivered };
                }
                None => {
                    let cause = RtsError::Closed {
                        code: None,
                        reason: None,
                    };
                    return End::Lost { cause, delivered };
                }
                Some(Err(e)) => {
                    let cause = RtsError::Socket(Box::new(e));
                    return End::Lost { cause, delivered };
                }
                // Pings (answered by the websocket layer), pongs, binary: alive, nothing to say.
                Some(Ok(_)) => {
                    deadline.as_mut().reset(Instant::now() + silence);
                    continue;
                }
            };
            if let Some(item) = self.accept(text.as_str()) {
                delivered = true;
                // A full buffer blocks here: the socket is not read until the consumer takes
                // an item.
                if !self.emit(Ok(item)).await {
                    return End::Stop;
                }
            }
            // Time spent waiting for the consumer is not the server's silence.
            deadline.as_mut().reset(Instant::now() + silence);
        }
    }

    /// A connection that has delivered nothing yet still has a place to resume from: the moment
    /// it opened (less [`START_LOOKBACK`]), as `time` without `tag` ("everything from that
    /// second on"). Without it, a connection lost before its first message would come back
    /// asking only for new messages, and what was published while it was down would be lost
    /// without a sign. What the look-back brings again is dropped by id like any repeat.
    fn mark_start(&mut self) {
        if self.resume.tag.is_none() && self.resume.time.is_none() {
            let at = SystemTime::now()
                .checked_sub(START_LOOKBACK)
                .unwrap_or(SystemTime::UNIX_EPOCH);
            self.resume.time = Some(httpdate::fmt_http_date(at));
        }
    }

    /// The item for a text frame, or `None` for a message already delivered.
    fn accept(&mut self, text: &str) -> Option<RtsItem> {
        let envelope: RtsEnvelope = match serde_json::from_str(text) {
            Ok(e) => e,
            Err(e) => {
                tracing::debug!(error = %e, "RTS frame is not a message");
                return Some(RtsItem::Unreadable {
                    text: text.to_owned(),
                    error: e.to_string(),
                });
            }
        };
        if !self.seen.insert(&envelope.id) {
            tracing::debug!(id = %envelope.id, channel = %envelope.channel, "RTS duplicate skipped");
            return None;
        }
        tracing::debug!(id = %envelope.id, channel = %envelope.channel, "RTS message");
        if envelope.tag.is_some() || envelope.time.is_some() {
            self.resume = Resume {
                tag: envelope.tag.clone(),
                time: envelope.time.clone(),
            };
        }
        Some(
            match RtsEvent::decode(&envelope.channel, envelope.message.clone()) {
                Ok(event) => RtsItem::Message(RtsMessage {
                    id: envelope.id,
                    channel: envelope.channel,
                    tag: envelope.tag,
                    time: envelope.time,
                    event,
                }),
                Err(e) => RtsItem::Malformed {
                    envelope,
                    error: e.to_string(),
                },
            },
        )
    }
}
