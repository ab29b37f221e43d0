//! Walking a conversation's messages backwards in time.

use crate::call::Call;
use crate::ops;
use chatdesk_model::crisp::message::Message;
use chatdesk_transport::{BoxFuture, Error, Fetched, Paginator};
use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

impl Call<ops::GetMessagesInConversation> {
    /// Every message of the conversation, newest first, fetched one batch at a time.
    ///
    /// Crisp returns the latest batch of messages, and older ones with `timestamp_before` set.
    /// Several messages may share a timestamp, and a batch may end in the middle of them, so
    /// each further request asks for what is older than *one past* the oldest timestamp seen:
    /// the messages at that timestamp come again and those already yielded (by fingerprint)
    /// are dropped. A batch that brings nothing new steps the bound down (at most twice, which
    /// covers a server reading the bound as exclusive or as inclusive); one that is empty, or
    /// still brings nothing new, ends the stream. So no message is yielded twice, none the
    /// server can reach is skipped, and the walk ends even against a server that ignores the
    /// parameter. (When more messages share one timestamp than a batch holds, those the server
    /// never puts in a batch cannot be reached by `timestamp_before` at all.) The walk's cursor
    /// is a bound it computes itself and never raises, so a server cannot make it cycle; it may
    /// ask with the same bound again while that still brings new messages, which is why this
    /// stream does not use [`Paginator::end_on_repeated_cursor`].
    ///
    /// Start from an earlier point with [`Call::timestamp_before`] (messages strictly older are
    /// yielded); bound the walk with [`Paginator::max_pages`].
    ///
    /// ```no_run
    /// # async fn f(client: chatdesk_crisp_api::CrispClient) -> Result<(), chatdesk_transport::Error> {
    /// use futures_util::TryStreamExt;
    /// let history: Vec<_> = client.website("w").conversation("session_1").messages()
    ///     .stream_backwards().max_pages(20).try_collect().await?;
    /// # let _ = history; Ok(()) }
    /// ```
    pub fn stream_backwards(self) -> Paginator<Message, Option<i64>> {
        let first = self.query.timestamp_before;
        // The paginator fetches one batch at a time, so the lock is never contended; it only
        // carries the walk's state from one batch to the next.
        let walk = Arc::new(Mutex::new(Walk::starting_before(first)));
        Paginator::new(first, move |before: Option<i64>| {
            let mut call = self.clone();
            call.query.timestamp_after = None;
            call.query.timestamp_around = None;
            let walk = walk.clone();
            Box::pin(async move {
                let mut bound = before;
                loop {
                    call.query.timestamp_before = bound;
                    let batch = call.clone().await?;
                    if batch.is_empty() {
                        return Ok(Fetched {
                            items: batch,
                            next: None,
                        });
                    }
                    let lower = {
                        let mut state = walk.lock().unwrap_or_else(PoisonError::into_inner);
                        let items = state.take_new(batch);
                        if !items.is_empty() {
                            return Ok(Fetched {
                                items,
                                next: Some(state.next_bound()),
                            });
                        }
                        state.step_down(bound)
                    };
                    match lower {
                        Some(lower) => bound = Some(lower),
                        None => {
                            return Ok(Fetched {
                                items: Vec::new(),
                                next: None,
                            });
                        }
                    }
                }
            }) as BoxFuture<Result<Fetched<Message, Option<i64>>, Error>>
        })
    }
}

/// Messages already yielded, to recognise them when they come again: by fingerprint, or whole
/// when they have none.
#[derive(Debug, Default)]
struct Yielded {
    fingerprints: HashSet<i64>,
    without_fingerprint: Vec<Message>,
}

impl Yielded {
    /// Records `m`; false when it was already recorded.
    fn insert(&mut self, m: &Message) -> bool {
        match m.fingerprint {
            Some(fp) => self.fingerprints.insert(fp),
            None if self.without_fingerprint.contains(m) => false,
            None => {
                self.without_fingerprint.push(m.clone());
                true
            }
        }
    }
}

/// Where a backwards walk stands.
#[derive(Debug, Default)]
struct Walk {
    /// The oldest timestamp passed: everything newer has been yielded (or was not asked for).
    boundary: Option<i64>,
    /// Every message at `boundary` is excluded (the caller's own `timestamp_before`).
    closed: bool,
    /// The messages yielded at `boundary`.
    at_boundary: Yielded,
    /// The messages yielded with no timestamp (they cannot be placed against a bound).
    undated: Yielded,
}

impl Walk {
    /// A walk from the latest message, or from strictly before `before`.
    fn starting_before(before: Option<i64>) -> Walk {
        Walk {
            boundary: before,
            closed: before.is_some(),
            ..Walk::default()
        }
    }

    /// The messages of `batch` not yielded yet, newest first; records them.
    fn take_new(&mut self, mut batch: Vec<Message>) -> Vec<Message> {
        let passed = self.boundary;
        batch.retain(|m| match (m.timestamp, passed) {
            (None, _) => self.undated.insert(m),
            (Some(t), Some(b)) if t > b => false,
            (Some(t), Some(b)) if t == b => !self.closed && self.at_boundary.insert(m),
            (Some(_), _) => true,
        });
        // Newest first; the sort is stable, so messages sharing a timestamp keep the server's
        // order, and those without one come last.
        batch.sort_by_key(|m| std::cmp::Reverse(m.timestamp));
        if let Some(oldest) = batch.iter().filter_map(|m| m.timestamp).min()
            && passed.is_none_or(|b| oldest < b)
        {
            self.boundary = Some(oldest);
            self.closed = false;
            self.at_boundary = Yielded::default();
            // Records the new boundary's messages, dropping any the batch repeats.
            batch.retain(|m| m.timestamp != Some(oldest) || self.at_boundary.insert(m));
        }
        batch
    }

    /// The bound of the next request after a batch with new messages: one past the boundary,
    /// so the messages sharing it come again (unless they are all excluded).
    fn next_bound(&self) -> Option<i64> {
        match self.boundary {
            Some(b) if !self.closed => Some(b.saturating_add(1)),
            other => other,
        }
    }

    /// After a batch asked with `bound` brought nothing new: the next lower bound to try, down
    /// to one below the boundary (strictly older under an inclusive reading), or `None`.
    fn step_down(&self, bound: Option<i64>) -> Option<i64> {
        match (bound, self.boundary) {
            (Some(x), Some(b)) if x >= b => x.checked_sub(1),
            _ => None,
        }
    }
}
