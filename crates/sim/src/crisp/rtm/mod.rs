//! Crisp RTM in the simulator: a small Engine.IO v4 / Socket.IO v5 websocket server (EIO3 clients
//! are accepted too) under `/rtm/` on the REST port, fed by the same writes the REST handlers
//! apply, plus a control surface for tests ([`CrispRtm`]).
//!
//! The server is our own, on tokio-tungstenite over a hyper upgrade, rather than socketioxide:
//! RTM needs one namespace, text frames and six packet kinds, while the tests need to script the
//! transport itself (stop pinging, ignore pongs, refuse connections, drop every socket), which a
//! full Socket.IO server hides.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;
use tokio::sync::{mpsc, watch};

use crate::realtime::Gate;

pub(crate) mod conn;
pub(crate) mod frame;
pub(crate) mod http;

/// Frames queued for one socket before the server gives up on it (a client that reads this
/// slowly is dropped, as a live server would).
const SOCKET_QUEUE: usize = 1024;

/// Counters of what the RTM server saw since start, for assertions such as "no further
/// connection attempts after `unauthorized`".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RtmStats {
    /// Websocket upgrade requests to the RTM path (refused ones included).
    pub connection_attempts: u64,
    /// Attempts refused by [`CrispRtm::refuse_next`].
    pub connections_refused: u64,
    /// Upgrade requests to the rescue path (`/rtm/rescue/`, what `data.rescue.socket.app`
    /// names), refused ones included; also counted in `connection_attempts`.
    pub rescue_attempts: u64,
    /// Sockets open right now.
    pub open_sockets: u64,
    /// `authentication` events received.
    pub authentications: u64,
    /// Authentications answered `authenticated`.
    pub authenticated: u64,
    /// Authentications answered `unauthorized`.
    pub unauthorized: u64,
    /// `socket:bind`, `socket:bind:push` and `socket:bind:pop` events received.
    pub binds: u64,
    /// Event frames pushed to sockets (one per socket reached).
    pub pushed: u64,
    /// Pings the server sent (EIO4).
    pub pings_sent: u64,
    /// Pongs the server received (EIO4).
    pub pongs_received: u64,
}

/// Heartbeat settings; changes apply to sockets opened afterwards, except the two switches,
/// which apply at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RtmHeartbeat {
    /// `pingInterval` announced in the open packet and used by the server (ms). Default 25 000.
    pub ping_interval_ms: u64,
    /// `pingTimeout` announced in the open packet: how long the server waits for a pong (ms).
    /// Default 20 000.
    pub ping_timeout_ms: u64,
    /// Whether the server sends pings (EIO4). Off simulates a silent server.
    pub pinging: bool,
    /// Whether the server answers client pings (EIO3 clients ping) and acts on pongs; off makes
    /// it ignore them, so an EIO4 socket is closed after `pingTimeout` too.
    pub answer_pings: bool,
}

impl Default for RtmHeartbeat {
    fn default() -> Self {
        RtmHeartbeat {
            ping_interval_ms: 25_000,
            ping_timeout_ms: 20_000,
            pinging: true,
            answer_pings: true,
        }
    }
}

/// What an authenticated socket receives.
#[derive(Debug, Clone)]
pub(crate) struct Binding {
    /// Websites the token covers (re-read on `socket:bind`).
    pub websites: BTreeSet<String>,
    /// Event names the socket bound.
    pub events: BTreeSet<String>,
    /// Optional narrowing to some website ids (`rooms`).
    pub rooms: Option<BTreeSet<String>>,
}

impl Binding {
    fn wants(&self, event: &str, website_id: &str) -> bool {
        self.events.contains(event)
            && self.websites.contains(website_id)
            && self.rooms.as_ref().is_none_or(|r| r.contains(website_id))
    }
}

/// A frame for a socket task.
#[derive(Debug)]
pub(crate) enum Out {
    Text(String),
}

struct Socket {
    tx: mpsc::Sender<Out>,
    binding: Option<Binding>,
}

struct HubState {
    sockets: BTreeMap<u64, Socket>,
    next_id: u64,
    unauthorize_next: u64,
    heartbeat: RtmHeartbeat,
}

/// The simulator's RTM server state and its control surface, reached with
/// `Sim::crisp_rtm()`. Every method is synchronous and cheap.
pub struct CrispRtm {
    state: Mutex<HubState>,
    /// Attempts, refusals and the drop-all signal.
    gate: Gate,
    rescue: AtomicU64,
    authentications: AtomicU64,
    authenticated: AtomicU64,
    unauthorized: AtomicU64,
    binds: AtomicU64,
    pushed: AtomicU64,
    pings: AtomicU64,
    pongs: AtomicU64,
}

impl std::fmt::Debug for CrispRtm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CrispRtm")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl Default for CrispRtm {
    fn default() -> Self {
        CrispRtm {
            state: Mutex::new(HubState {
                sockets: BTreeMap::new(),
                next_id: 1,
                unauthorize_next: 0,
                heartbeat: RtmHeartbeat::default(),
            }),
            gate: Gate::default(),
            rescue: AtomicU64::new(0),
            authentications: AtomicU64::new(0),
            authenticated: AtomicU64::new(0),
            unauthorized: AtomicU64::new(0),
            binds: AtomicU64::new(0),
            pushed: AtomicU64::new(0),
            pings: AtomicU64::new(0),
            pongs: AtomicU64::new(0),
        }
    }
}

fn bump(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

impl CrispRtm {
    fn lock(&self) -> std::sync::MutexGuard<'_, HubState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Pushes `event` with `data` to every authenticated socket that bound `event` and whose token
    /// (and `rooms`, when given) covers `website_id`, exactly as a REST write does. Returns how many
    /// sockets it was queued for. The payload is sent as given (a live payload carries
    /// `website_id` itself).
    pub fn inject(&self, event: &str, website_id: &str, data: Value) -> usize {
        self.publish(&[(event.to_owned(), website_id.to_owned(), data)])
    }

    /// Closes every open RTM socket at once, without a close handshake (as a server restart or a
    /// network cut looks to the client). Returns how many were open.
    pub fn drop_all(&self) -> usize {
        let n = self.lock().sockets.len();
        self.gate.drop_all();
        n
    }

    /// Refuses the next `n` connection attempts with HTTP 503 before the websocket upgrade
    /// (replaces any count still pending).
    pub fn refuse_next(&self, n: u64) {
        self.gate
            .refuse_next(n, ::http::StatusCode::SERVICE_UNAVAILABLE);
    }

    /// Answers the next `n` `authentication` events with `unauthorized` (then closes), whatever
    /// the credentials (replaces any count still pending).
    pub fn unauthorize_next(&self, n: u64) {
        self.lock().unauthorize_next = n;
    }

    /// Sets `pingInterval` and `pingTimeout` (milliseconds, at least 1) for sockets opened from now on.
    pub fn set_ping(&self, interval_ms: u64, timeout_ms: u64) {
        let mut st = self.lock();
        st.heartbeat.ping_interval_ms = interval_ms.max(1);
        st.heartbeat.ping_timeout_ms = timeout_ms.max(1);
    }

    /// Turns the server's pings on or off (takes effect on open sockets too).
    pub fn set_pinging(&self, on: bool) {
        self.lock().heartbeat.pinging = on;
    }

    /// Turns answering client pings and acting on pongs on or off (open sockets too).
    pub fn set_answer_pings(&self, on: bool) {
        self.lock().heartbeat.answer_pings = on;
    }

    /// The heartbeat settings in force.
    pub fn heartbeat(&self) -> RtmHeartbeat {
        self.lock().heartbeat
    }

    /// The counters since start.
    pub fn stats(&self) -> RtmStats {
        let open = self.lock().sockets.len() as u64;
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        RtmStats {
            connection_attempts: self.gate.attempts(),
            connections_refused: self.gate.refused(),
            rescue_attempts: g(&self.rescue),
            open_sockets: open,
            authentications: g(&self.authentications),
            authenticated: g(&self.authenticated),
            unauthorized: g(&self.unauthorized),
            binds: g(&self.binds),
            pushed: g(&self.pushed),
            pings_sent: g(&self.pings),
            pongs_received: g(&self.pongs),
        }
    }

    /// Queues each `(event, website_id, data)` for the sockets that want it.
    pub(crate) fn publish(&self, events: &[(String, String, Value)]) -> usize {
        if events.is_empty() {
            return 0;
        }
        let mut reached = 0;
        let mut st = self.lock();
        let mut overflowed = Vec::new();
        for (name, website_id, data) in events {
            let text = frame::event(name, data);
            for (id, sock) in &st.sockets {
                if sock
                    .binding
                    .as_ref()
                    .is_some_and(|b| b.wants(name, website_id))
                {
                    match sock.tx.try_send(Out::Text(text.clone())) {
                        Ok(()) => {
                            reached += 1;
                            bump(&self.pushed);
                        }
                        Err(_) => overflowed.push(*id),
                    }
                }
            }
        }
        // A socket that cannot keep up is dropped (its task sees the channel close).
        for id in overflowed {
            st.sockets.remove(&id);
        }
        reached
    }

    /// Counts an upgrade attempt; `false` when it must be refused.
    pub(crate) fn admit(&self, rescue: bool) -> bool {
        if rescue {
            bump(&self.rescue);
        }
        self.gate.admit().is_none()
    }

    /// Registers a new socket: its id, its frame queue and the drop signal.
    pub(crate) fn register(
        &self,
    ) -> (u64, mpsc::Receiver<Out>, watch::Receiver<u64>, RtmHeartbeat) {
        let (tx, rx) = mpsc::channel(SOCKET_QUEUE);
        let mut st = self.lock();
        let id = st.next_id;
        st.next_id += 1;
        st.sockets.insert(id, Socket { tx, binding: None });
        (id, rx, self.gate.drop_signal(), st.heartbeat)
    }

    pub(crate) fn unregister(&self, id: u64) {
        self.lock().sockets.remove(&id);
    }

    /// Takes one pending forced `unauthorized`, if any.
    pub(crate) fn take_unauthorize(&self) -> bool {
        let mut st = self.lock();
        if st.unauthorize_next > 0 {
            st.unauthorize_next -= 1;
            true
        } else {
            false
        }
    }

    /// Applies `f` to the binding of socket `id` (creating none); `false` when unknown.
    pub(crate) fn with_binding(&self, id: u64, f: impl FnOnce(&mut Option<Binding>)) -> bool {
        match self.lock().sockets.get_mut(&id) {
            Some(s) => {
                f(&mut s.binding);
                true
            }
            None => false,
        }
    }

    pub(crate) fn count_auth(&self, ok: bool) {
        bump(&self.authentications);
        bump(if ok {
            &self.authenticated
        } else {
            &self.unauthorized
        });
    }

    pub(crate) fn count_bind(&self) {
        bump(&self.binds);
    }

    pub(crate) fn count_ping(&self) {
        bump(&self.pings);
    }

    pub(crate) fn count_pong(&self) {
        bump(&self.pongs);
    }
}
