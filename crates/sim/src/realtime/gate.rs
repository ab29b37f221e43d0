//! The connection gate of a real-time server: counts upgrade attempts, refuses the next `n`
//! with an HTTP status (as a proxy in front of a restarting server does), and signals every open
//! socket to drop at once.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use http::StatusCode;
use tokio::sync::watch;

#[derive(Debug)]
struct Refusal {
    remaining: u64,
    status: StatusCode,
}

/// See the module documentation.
#[derive(Debug)]
pub(crate) struct Gate {
    refusal: Mutex<Refusal>,
    /// Bumped to close every open socket at once.
    drop_gen: watch::Sender<u64>,
    attempts: AtomicU64,
    refused: AtomicU64,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            refusal: Mutex::new(Refusal {
                remaining: 0,
                status: StatusCode::SERVICE_UNAVAILABLE,
            }),
            drop_gen: watch::Sender::new(0),
            attempts: AtomicU64::new(0),
            refused: AtomicU64::new(0),
        }
    }
}

impl Gate {
    /// Counts one upgrade attempt; `Some(status)` when it must be refused with that status.
    pub(crate) fn admit(&self) -> Option<StatusCode> {
        self.attempts.fetch_add(1, Ordering::Relaxed);
        let mut r = self.refusal.lock().unwrap_or_else(|p| p.into_inner());
        if r.remaining == 0 {
            return None;
        }
        r.remaining -= 1;
        self.refused.fetch_add(1, Ordering::Relaxed);
        Some(r.status)
    }

    /// Refuses the next `n` attempts with `status` (replaces any count still pending).
    pub(crate) fn refuse_next(&self, n: u64, status: StatusCode) {
        let mut r = self.refusal.lock().unwrap_or_else(|p| p.into_inner());
        *r = Refusal {
            remaining: n,
            status,
        };
    }

    /// Tells every socket task holding a [`Gate::drop_signal`] to stop.
    pub(crate) fn drop_all(&self) {
        self.drop_gen.send_modify(|g| *g += 1);
    }

    /// A receiver that changes when [`Gate::drop_all`] is called from now on.
    pub(crate) fn drop_signal(&self) -> watch::Receiver<u64> {
        let mut rx = self.drop_gen.subscribe();
        rx.mark_unchanged();
        rx
    }

    /// Upgrade attempts since start, refused ones included.
    pub(crate) fn attempts(&self) -> u64 {
        self.attempts.load(Ordering::Relaxed)
    }

    /// Attempts refused by [`Gate::refuse_next`].
    pub(crate) fn refused(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_exactly_the_next_n_with_the_status_given() {
        let g = Gate::default();
        assert_eq!(g.admit(), None);
        g.refuse_next(2, StatusCode::BAD_GATEWAY);
        assert_eq!(g.admit(), Some(StatusCode::BAD_GATEWAY));
        assert_eq!(g.admit(), Some(StatusCode::BAD_GATEWAY));
        assert_eq!(g.admit(), None);
        assert_eq!((g.attempts(), g.refused()), (4, 2));
    }

    #[test]
    fn the_drop_signal_fires_only_for_later_drops() {
        let g = Gate::default();
        g.drop_all();
        let rx = g.drop_signal();
        assert!(!rx.has_changed().unwrap());
        g.drop_all();
        assert!(rx.has_changed().unwrap());
    }
}
