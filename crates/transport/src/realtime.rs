//! What the vendor crates' real-time sessions share (feature `websocket`): the reconnection
//! backoff, the bounded channel from the connection task to the consumer, the task handle that
//! ends the connection when dropped, and the flattening of an error chain into one line.
//!
//! Crisp RTM (`chatdesk-crisp-api`, feature `rtm`) and Carrot RTS (`chatdesk-carrot-api`,
//! feature `rts`) are both built the same way: one task per connection, spawned on the current
//! runtime, writes items into a [`bounded`] channel and waits when it is full (so the socket is
//! not read while the consumer is behind: nothing is dropped and memory stays bounded); the
//! consumer reads the [`Inbox`] as a `Stream`; dropping the session drops its [`Task`], which
//! aborts the connection task.
//!
//! ```
//! use chatdesk_transport::realtime::Backoff;
//! use std::time::Duration;
//!
//! let backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));
//! // Attempt 3 waits a random time up to min(30 s, 1 s * 2^2).
//! assert!(backoff.delay(3) <= Duration::from_secs(4));
//! ```

use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc;

/// Full-jitter exponential backoff: attempt `n` (from 1) waits a uniformly random time in
/// `[0, min(cap, base·2^(n-1))]`, so that many clients cut off at once do not come back at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
}

impl Backoff {
    /// A backoff from `base`, never above `cap` (a cap below the base is raised to it).
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        Backoff {
            base,
            cap: cap.max(base),
        }
    }

    /// The first wait's ceiling.
    pub fn base(&self) -> Duration {
        self.base
    }

    /// The largest wait.
    pub fn cap(&self) -> Duration {
        self.cap
    }

    /// The ceiling of attempt `attempt` (1 for the first): `min(cap, base·2^(attempt-1))`.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        self.base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.cap)
    }

    /// A random wait for attempt `attempt` (1 for the first), at most [`Backoff::ceiling`].
    pub fn delay(&self, attempt: u32) -> Duration {
        self.ceiling(attempt).mul_f64(fastrand::f64())
    }
}

/// A bounded channel from a connection task to its consumer: at most `capacity` items wait
/// (at least 1).
pub fn bounded<T>(capacity: usize) -> (Outbox<T>, Inbox<T>) {
    let (tx, rx) = mpsc::channel(capacity.max(1));
    (Outbox(tx), Inbox(rx))
}

/// The task's end of [`bounded`].
pub struct Outbox<T>(mpsc::Sender<T>);

impl<T> fmt::Debug for Outbox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outbox")
            .field("closed", &self.0.is_closed())
            .finish()
    }
}

impl<T> Clone for Outbox<T> {
    fn clone(&self) -> Self {
        Outbox(self.0.clone())
    }
}

impl<T> Outbox<T> {
    /// Waits for room and hands `item` over; `false` when the consumer is gone (then the task
    /// should stop). While this waits, the caller reads nothing: that is the backpressure.
    pub async fn send(&self, item: T) -> bool {
        self.0.send(item).await.is_ok()
    }

    /// Whether the consumer is gone.
    pub fn is_closed(&self) -> bool {
        self.0.is_closed()
    }
}

/// The consumer's end of [`bounded`]: a `Stream` of the items, ending when every [`Outbox`] is
/// gone and the waiting items are taken.
pub struct Inbox<T>(mpsc::Receiver<T>);

impl<T> fmt::Debug for Inbox<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inbox")
            .field("queued", &self.0.len())
            .finish()
    }
}

impl<T> Inbox<T> {
    /// How many items wait (never more than the capacity).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no item waits.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> Stream for Inbox<T> {
    type Item = T;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.0.poll_recv(cx)
    }
}

/// A spawned connection task that is aborted when this handle is dropped.
pub struct Task(tokio::task::JoinHandle<()>);

impl fmt::Debug for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Task")
            .field("finished", &self.0.is_finished())
            .finish()
    }
}

impl Task {
    /// Spawns `future` on the current tokio runtime (a current-thread runtime works).
    ///
    /// Panics, as `tokio::spawn` does, outside a tokio runtime; the sessions call it from an
    /// `async fn` the user awaits on one.
    pub fn spawn<F>(future: F) -> Task
    where
        F: Future<Output = ()> + Send + 'static,
    {
        Task(tokio::spawn(future))
    }

    /// Whether the task has ended.
    pub fn is_finished(&self) -> bool {
        self.0.is_finished()
    }
}

impl Drop for Task {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// `e` and its sources joined by `": "`, for a lifecycle item that carries the cause as text.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[test]
    fn backoff_is_full_jitter_under_the_cap() {
        let b = Backoff::new(Duration::from_secs(5), Duration::from_secs(10));
        assert_eq!(b.ceiling(1), Duration::from_secs(5));
        assert_eq!(b.ceiling(2), Duration::from_secs(10));
        assert_eq!(b.ceiling(u32::MAX), Duration::from_secs(10));
        for attempt in 1..40 {
            assert!(b.delay(attempt) <= b.ceiling(attempt));
        }
        // Full jitter spreads the waits (not all at the cap).
        let waits: Vec<_> = (0..50).map(|_| b.delay(3)).collect();
        assert!(waits.iter().any(|w| *w < Duration::from_secs(9)));
        assert_eq!(
            Backoff::new(Duration::from_secs(3), Duration::from_secs(1)).cap(),
            Duration::from_secs(3)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_full_outbox_waits_and_a_dropped_inbox_stops_the_sender() {
        let (tx, mut rx) = bounded(1);
        assert!(tx.send(1).await);
        let blocked = tokio::spawn({
            let tx = tx.clone();
            async move { tx.send(2).await }
        });
        tokio::task::yield_now().await;
        assert!(!blocked.is_finished());
        assert_eq!(rx.len(), 1);
        assert_eq!(rx.next().await, Some(1));
        assert!(blocked.await.unwrap());
        assert_eq!(rx.next().await, Some(2));
        drop(rx);
        assert!(tx.is_closed());
        assert!(!tx.send(3).await);
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_task_handle_aborts_the_task() {
        let (tx, mut rx) = bounded::<()>(1);
        let task = Task::spawn(async move {
            let _tx = tx;
            std::future::pending::<()>().await;
        });
        tokio::task::yield_now().await;
        assert!(!task.is_finished());
        drop(task);
        // The task held the only sender: its end closes the stream.
        assert_eq!(rx.next().await, None);
    }

    #[test]
    fn error_chain_joins_the_sources() {
        #[derive(Debug, thiserror::Error)]
        #[error("outer")]
        struct Outer(#[source] std::io::Error);
        let e = Outer(std::io::Error::other("inner"));
        assert_eq!(error_chain(&e), "outer: inner");
    }
}
