//! Carrot Quest / Dashly Realtime Services (RTS) in the simulator: the push-stream websocket
//! (`/rts/websocket/{channel}/…?auth_token=…[&tag=…&time=…]`) on the REST port, fed by the same
//! writes the REST handlers apply, with a replay buffer per channel, a publish log and a control
//! surface for tests ([`CarrotRts`], reached with `Sim::carrot_rts()`, and `/_sim/rts/…`).
//!
//! Laid out as Crisp RTM is: this file holds the hub (sockets, channels, counters, controls),
//! `channel.rs` the channel names, `stamp.rs` the `time`/`tag` clock and resume points,
//! `conn.rs` one connection, `http.rs` the paths and control routes, and `publish.rs` what each
//! REST write publishes. The websocket upgrade and the connection gate are shared with Crisp RTM
//! (`crate::realtime`).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};

use crate::realtime::Gate;
use stamp::{Clock, Stamp};

pub(crate) mod channel;
pub(crate) mod conn;
pub(crate) mod http;
pub(in crate::carrot) mod publish;
pub(crate) mod stamp;

pub(crate) use channel::Kind;

/// Default number of messages queued for one socket (beyond its replay) before the hub gives
/// up on it: a client that reads this slowly is cut, and can resume from its last `tag`/`time`.
const SOCKET_QUEUE: usize = 1024;
/// Default number of messages each channel keeps for replay.
const DEFAULT_REPLAY: usize = 1000;
/// Message ids each channel keeps in the publish log (the oldest are forgotten beyond it).
const LOG_PER_CHANNEL: usize = 100_000;
/// Default period of the messages on the `ping` channel.
const DEFAULT_PING: Duration = Duration::from_secs(30);

/// Counters of what the RTS server saw since start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RtsStats {
    /// Upgrade requests to `/rts/websocket/…` (refused and closed ones included).
    pub connection_attempts: u64,
    /// Attempts answered 502 or 503 by [`CarrotRts::refuse_next`].
    pub connections_refused: u64,
    /// Attempts answered 400 (no channel, a malformed `tag`/`time` or query, not an upgrade).
    pub bad_requests: u64,
    /// Connections closed with 3401 (bad, missing or expired token).
    pub closed_unauthorized: u64,
    /// Connections closed with 3403 (more than 50 channels, or none permitted).
    pub closed_forbidden: u64,
    /// Connections subscribed (each one is counted once, when accepted).
    pub subscribed: u64,
    /// Sockets subscribed right now.
    pub open_sockets: u64,
    /// Messages published (one per channel a write or an injection published on).
    pub published: u64,
    /// Message frames written to sockets (live and replayed).
    pub sent: u64,
    /// Of the messages queued for sockets, those queued as a replay on connection.
    pub replayed: u64,
    /// Connections whose resume point was older than a channel's replay buffer (messages were
    /// lost to them).
    pub replay_gaps: u64,
    /// Sockets cut because their queue was full.
    pub dropped_slow: u64,
}

/// One published message as kept for replay.
#[derive(Debug)]
struct Stored {
    id: u64,
    stamp: Stamp,
    text: Arc<str>,
}

#[derive(Debug, Default)]
struct ChannelLog {
    replay: VecDeque<Stored>,
    /// The stamp of the newest message evicted from `replay`, if any.
    evicted: Option<Stamp>,
    /// Ids of every message published here (the last [`LOG_PER_CHANNEL`]).
    log: VecDeque<u64>,
}

#[derive(Debug)]
struct Socket {
    tx: mpsc::Sender<Arc<str>>,
    channels: BTreeSet<String>,
}

#[derive(Debug)]
struct Hub {
    sockets: BTreeMap<u64, Socket>,
    channels: HashMap<String, ChannelLog>,
    next_socket: u64,
    next_id: u64,
    clock: Clock,
    expire_next: u64,
    replay_capacity: usize,
    socket_queue: usize,
}

/// What publishing a message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RtsPublished {
    /// The message's `id` (unique across all channels of the simulator, increasing).
    pub id: u64,
    /// Sockets it was queued for.
    pub sockets: usize,
}

/// The simulator's RTS server state and its control surface, reached with `Sim::carrot_rts()`.
/// Every method is synchronous and cheap.
pub struct CarrotRts {
    hub: Mutex<Hub>,
    gate: Gate,
    /// The period of `ping` messages and how many sockets listen there.
    ping: watch::Sender<Ping>,
    bad_requests: AtomicU64,
    unauthorized: AtomicU64,
    forbidden: AtomicU64,
    subscribed: AtomicU64,
    published: AtomicU64,
    sent: AtomicU64,
    replayed: AtomicU64,
    gaps: AtomicU64,
    dropped_slow: AtomicU64,
}

impl std::fmt::Debug for CarrotRts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CarrotRts")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl Default for CarrotRts {
    fn default() -> Self {
        CarrotRts {
            hub: Mutex::new(Hub {
                sockets: BTreeMap::new(),
                channels: HashMap::new(),
                next_socket: 1,
                next_id: 1,
                clock: Clock::default(),
                expire_next: 0,
                replay_capacity: DEFAULT_REPLAY,
                socket_queue: SOCKET_QUEUE,
            }),
            gate: Gate::default(),
            ping: watch::Sender::new(Ping {
                every: Some(DEFAULT_PING),
                listeners: 0,
            }),
            bad_requests: AtomicU64::new(0),
            unauthorized: AtomicU64::new(0),
            forbidden: AtomicU64::new(0),
            subscribed: AtomicU64::new(0),
            published: AtomicU64::new(0),
            sent: AtomicU64::new(0),
            replayed: AtomicU64::new(0),
            gaps: AtomicU64::new(0),
            dropped_slow: AtomicU64::new(0),
        }
    }
}

fn bump(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

/// What the `ping` ticker needs to know.
#[derive(Debug, Clone, Copy)]
struct Ping {
    /// The period (`None`: no pings).
    every: Option<Duration>,
    /// Sockets subscribed to `ping`: the ticker runs no timer while there are none, so a
    /// simulator on a paused test clock has no timer of its own to jump to.
    listeners: usize,
}

/// Why a connection is closed right after the upgrade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// 3401: the token is missing, wrong or expired.
    Unauthorized,
    /// 3403: more than [`channel::MAX_CHANNELS`] channels, or none permitted.
    Forbidden(&'static str),
}

impl Refusal {
    pub(crate) fn code(self) -> u16 {
        match self {
            Refusal::Unauthorized => 3401,
            Refusal::Forbidden(_) => 3403,
        }
    }

    pub(crate) fn reason(self) -> &'static str {
        match self {
            Refusal::Unauthorized => "the token is invalid or expired",
            Refusal::Forbidden(why) => why,
        }
    }
}

/// A socket registered with the hub; unregisters it when dropped.
pub(crate) struct Registration {
    core: Arc<crate::server::Core>,
    id: u64,
    /// The socket's messages, its replay first.
    pub rx: mpsc::Receiver<Arc<str>>,
    /// Changes when every socket is to be cut.
    pub drop_rx: watch::Receiver<u64>,
}

impl Drop for Registration {
    fn drop(&mut self) {
        self.core.carrot.rts().unregister(self.id);
    }
}

impl CarrotRts {
    fn lock(&self) -> MutexGuard<'_, Hub> {
        self.hub.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Publishes `message` on `channel` exactly as a REST write does (stamped, kept for replay
    /// and in the publish log, queued for every socket subscribed to it). Any channel name is
    /// accepted, documented or not.
    pub fn inject(&self, channel: &str, message: Value) -> RtsPublished {
        self.publish(channel, message)
    }

    /// Cuts every open RTS socket at once, without a close frame (as a network cut or a server
    /// restart looks to the client). Returns how many were open.
    pub fn drop_all(&self) -> usize {
        let n = self.lock().sockets.len();
        self.gate.drop_all();
        n
    }

    /// Answers the next `n` upgrade requests with HTTP `status` (502 or 503; anything else is
    /// taken as 503) instead of upgrading. Replaces any count still pending.
    pub fn refuse_next(&self, n: u64, status: u16) {
        let status = match status {
            502 => ::http::StatusCode::BAD_GATEWAY,
            _ => ::http::StatusCode::SERVICE_UNAVAILABLE,
        };
        self.gate.refuse_next(n, status);
    }

    /// Treats the token of the next `n` connections as expired: they are closed with 3401 whatever
    /// they send. Replaces any count still pending.
    pub fn expire_token_next(&self, n: u64) {
        self.lock().expire_next = n;
    }

    /// How many messages each channel keeps for replay (at least 1; default 1000). Shrinking
    /// evicts the oldest at once.
    pub fn set_replay_capacity(&self, n: usize) {
        let n = n.max(1);
        let mut hub = self.lock();
        hub.replay_capacity = n;
        for ch in hub.channels.values_mut() {
            while ch.replay.len() > n {
                if let Some(old) = ch.replay.pop_front() {
                    ch.evicted = Some(old.stamp);
                }
            }
        }
    }

    /// Publishes a message on the `ping` channel every `every` (default 30 s) while a socket is
    /// subscribed to it; `None` stops them (a silent server, for heartbeat tests). Takes effect at
    /// once. The payload is `{}`.
    pub fn set_ping_interval(&self, every: Option<Duration>) {
        self.ping
            .send_modify(|p| p.every = every.filter(|d| !d.is_zero()));
    }

    /// The period of `ping` messages in force.
    pub fn ping_interval(&self) -> Option<Duration> {
        self.ping.borrow().every
    }

    /// Counts a socket in or out of the `ping` listeners.
    fn ping_listener(&self, channels: &BTreeSet<String>, joined: bool) {
        if channels.contains(channel::PING) {
            self.ping.send_modify(|p| {
                p.listeners = if joined {
                    p.listeners + 1
                } else {
                    p.listeners.saturating_sub(1)
                }
            });
        }
    }

    /// How many messages may wait for one socket (beyond its replay) before it is cut as too
    /// slow (at least 1; default 1024). Applies to sockets opened afterwards. A small queue lets a
    /// test reach a slow client's cut with little data (the socket's TCP buffers fill first).
    pub fn set_socket_queue(&self, n: usize) {
        self.lock().socket_queue = n.max(1);
    }

    /// The ids of every message published on `channel`, oldest first (the last 100,000).
    pub fn published(&self, channel: &str) -> Vec<u64> {
        self.lock()
            .channels
            .get(channel)
            .map(|c| c.log.iter().copied().collect())
            .unwrap_or_default()
    }

    /// The publish log of every channel: message ids per channel, oldest first.
    pub fn publish_log(&self) -> BTreeMap<String, Vec<u64>> {
        self.lock()
            .channels
            .iter()
            .filter(|(_, c)| !c.log.is_empty())
            .map(|(name, c)| (name.clone(), c.log.iter().copied().collect()))
            .collect()
    }

    /// The messages `channel` keeps for replay, oldest first, as sent
    /// (`{id, channel, message, tag, time}`).
    pub fn buffered(&self, channel: &str) -> Vec<Value> {
        self.lock()
            .channels
            .get(channel)
            .map(|c| {
                c.replay
                    .iter()
                    .filter_map(|m| serde_json::from_str(&m.text).ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The counters since start.
    pub fn stats(&self) -> RtsStats {
        let open = self.lock().sockets.len() as u64;
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        RtsStats {
            connection_attempts: self.gate.attempts(),
            connections_refused: self.gate.refused(),
            bad_requests: g(&self.bad_requests),
            closed_unauthorized: g(&self.unauthorized),
            closed_forbidden: g(&self.forbidden),
            subscribed: g(&self.subscribed),
            open_sockets: open,
            published: g(&self.published),
            sent: g(&self.sent),
            replayed: g(&self.replayed),
            replay_gaps: g(&self.gaps),
            dropped_slow: g(&self.dropped_slow),
        }
    }

    /// Publishes `message` on every channel of `kind` about `user` in `app`.
    pub(crate) fn publish_kind(&self, kind: Kind, app: u64, user: u64, message: &Value) {
        for ch in kind.channels(app, user) {
            self.publish(&ch, message.clone());
        }
    }

    /// Stamps, stores and queues one message.
    pub(crate) fn publish(&self, channel: &str, message: Value) -> RtsPublished {
        let now = stamp::now_secs();
        let mut hub = self.lock();
        let hub = &mut *hub;
        let stamp = hub.clock.next(now);
        let id = hub.next_id;
        hub.next_id += 1;
        let text: Arc<str> = json!({
            "id": id,
            "channel": channel,
            "message": message,
            "tag": stamp.tag.to_string(),
            "time": stamp.http_date(),
        })
        .to_string()
        .into();
        let capacity = hub.replay_capacity;
        let log = hub.channels.entry(channel.to_owned()).or_default();
        log.replay.push_back(Stored {
            id,
            stamp,
            text: Arc::clone(&text),
        });
        while log.replay.len() > capacity {
            if let Some(old) = log.replay.pop_front() {
                log.evicted = Some(old.stamp);
            }
        }
        log.log.push_back(id);
        while log.log.len() > LOG_PER_CHANNEL {
            log.log.pop_front();
        }
        bump(&self.published);
        let mut sockets = 0;
        let mut slow = Vec::new();
        for (sid, sock) in &hub.sockets {
            if !sock.channels.contains(channel) {
                continue;
            }
            match sock.tx.try_send(Arc::clone(&text)) {
                Ok(()) => sockets += 1,
                Err(_) => slow.push(*sid),
            }
        }
        // A socket that cannot keep up is cut (its task sees its queue close).
        for sid in slow {
            if let Some(gone) = hub.sockets.remove(&sid) {
                self.ping_listener(&gone.channels, false);
            }
            bump(&self.dropped_slow);
        }
        RtsPublished { id, sockets }
    }

    /// Counts an upgrade attempt; `Some(status)` when it must be refused.
    pub(crate) fn admit(&self) -> Option<::http::StatusCode> {
        self.gate.admit()
    }

    pub(crate) fn count_bad_request(&self) {
        bump(&self.bad_requests);
    }

    pub(crate) fn count_sent(&self) {
        bump(&self.sent);
    }

    /// Decides a connection and, when it is accepted, registers it with what it missed since
    /// `from` queued first. Runs under the hub lock, so nothing published meanwhile is missed or
    /// queued twice.
    pub(crate) fn subscribe(
        &self,
        core: &Arc<crate::server::Core>,
        token_ok: bool,
        channels: BTreeSet<String>,
        from: Option<Stamp>,
    ) -> Result<Registration, Refusal> {
        let app = core.carrot.config().app_id;
        let mut hub = self.lock();
        let expired = hub.expire_next > 0;
        if expired {
            hub.expire_next -= 1;
        }
        if !token_ok || expired {
            bump(&self.unauthorized);
            return Err(Refusal::Unauthorized);
        }
        if channels.len() > channel::MAX_CHANNELS {
            bump(&self.forbidden);
            return Err(Refusal::Forbidden("more than 50 channels"));
        }
        let channels: BTreeSet<String> = channels
            .into_iter()
            .filter(|c| channel::permitted(c, app))
            .collect();
        if channels.is_empty() {
            bump(&self.forbidden);
            return Err(Refusal::Forbidden("no permitted channel"));
        }
        let mut replay: Vec<(u64, Arc<str>)> = Vec::new();
        if let Some(from) = from {
            let mut gap = false;
            for name in &channels {
                let Some(log) = hub.channels.get(name) else {
                    continue;
                };
                gap |= log.evicted.is_some_and(|e| e > from);
                replay.extend(
                    log.replay
                        .iter()
                        .filter(|m| m.stamp > from)
                        .map(|m| (m.id, Arc::clone(&m.text))),
                );
            }
            if gap {
                bump(&self.gaps);
            }
            replay.sort_by_key(|(id, _)| *id);
        }
        let (tx, rx) = mpsc::channel(hub.socket_queue.saturating_add(replay.len()));
        for (_, text) in replay {
            // The queue was sized for the replay: this cannot fail.
            if tx.try_send(text).is_ok() {
                bump(&self.replayed);
            }
        }
        let id = hub.next_socket;
        hub.next_socket += 1;
        self.ping_listener(&channels, true);
        hub.sockets.insert(id, Socket { tx, channels });
        bump(&self.subscribed);
        Ok(Registration {
            core: Arc::clone(core),
            id,
            rx,
            drop_rx: self.gate.drop_signal(),
        })
    }

    fn unregister(&self, id: u64) {
        let gone = self.lock().sockets.remove(&id);
        if let Some(gone) = gone {
            self.ping_listener(&gone.channels, false);
        }
    }
}

/// Publishes on `ping` at the period [`CarrotRts::set_ping_interval`] sets, while a socket
/// listens there; ends when the simulator is gone.
pub(crate) async fn ping_loop(core: Weak<crate::server::Core>) {
    let Some(mut every) = core.upgrade().map(|c| c.carrot.rts().ping.subscribe()) else {
        return;
    };
    loop {
        let ping = *every.borrow_and_update();
        let tick = async {
            match ping.every {
                Some(p) if ping.listeners > 0 => tokio::time::sleep(p).await,
                _ => std::future::pending().await,
            }
        };
        tokio::select! {
            changed = every.changed() => if changed.is_err() { return },
            () = tick => {
                let Some(core) = core.upgrade() else { return };
                core.carrot.rts().publish(channel::PING, json!({}));
            }
        }
    }
}
