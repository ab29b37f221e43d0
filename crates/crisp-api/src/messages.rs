//! Walking a conversation's messages backwards in time: the [`List`] impl of
//! [`ops::GetMessagesInConversation`], and its serialisable cursor.

use crate::call::Call;
use crate::ops;
use chatdesk_model::crisp::message::Message;
use chatdesk_transport::kit::{List, Parts};
use chatdesk_transport::{BoxFuture, Error, Fetched, Paginator};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Crisp's batch of messages: `GET …/messages` answers at most this many (no parameter changes
/// it).
pub const MESSAGE_BATCH: usize = 20;

/// Where a backwards message walk stands: the `timestamp_before` of the next request, and what
/// the walk has yielded at the timestamp it reached (to drop those messages when they come
/// again).
///
/// It is the cursor of [`Call::<ops::GetMessagesInConversation>::stream`]'s
/// [`Position`](chatdesk_transport::Position): serialise the position (serde) to resume the walk in another run with
/// [`Call::stream_from`]. Its fields are the walk's own bookkeeping, not settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageCursor {
    /// The `timestamp_before` the batch is asked with (`None`: the latest batch).
    before: Option<i64>,
    /// The oldest timestamp passed: everything newer has been yielded (or was not asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    boundary: Option<i64>,
    /// Every message at `boundary` is excluded (the caller's own `timestamp_before`).
    #[serde(default, skip_serializing_if = "is_false")]
    closed: bool,
    /// The messages yielded at `boundary`.
    #[serde(default, skip_serializing_if = "Yielded::is_empty")]
    at_boundary: Yielded,
    /// The messages yielded with no timestamp (they cannot be placed against a bound).
    #[serde(default, skip_serializing_if = "Yielded::is_empty")]
    undated: Yielded,
    /// Every next batch overlaps the last at its oldest timestamp
    /// ([`Call::stream_lossless`]), so a message cut off there is still reached.
    #[serde(default, skip_serializing_if = "is_false")]
    overlap: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl MessageCursor {
    /// The `timestamp_before` the batch this cursor names is asked with (`None`: the latest).
    pub fn timestamp_before(&self) -> Option<i64> {
        self.before
    }

    /// A walk from the latest message, or from strictly before `before`.
    fn starting_before(before: Option<i64>) -> MessageCursor {
        MessageCursor {
            before,
            boundary: before,
            closed: before.is_some(),
            ..MessageCursor::default()
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

    /// The bound of the next request after a batch with new messages, `shared` telling whether
    /// several messages of that batch sit at its oldest timestamp: then (and always on a
    /// lossless walk) one past the boundary, so the messages at it come again (those yielded
    /// are dropped) and any the batch cut off are reached; else strictly before it, so that no
    /// message is asked for twice.
    fn next_bound(&self, shared: bool) -> Option<i64> {
        match self.boundary {
            Some(b) if !self.closed && (shared || self.overlap) => Some(b.saturating_add(1)),
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

/// Messages already yielded, to recognise them when they come again: by fingerprint, or whole
/// when they have none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Yielded {
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    fingerprints: BTreeSet<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    without_fingerprint: Vec<Message>,
}

impl Yielded {
    fn is_empty(&self) -> bool {
        self.fingerprints.is_empty() && self.without_fingerprint.is_empty()
    }

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

/// Whether several messages of `batch` sit at its oldest timestamp.
fn oldest_is_shared(batch: &[Message]) -> bool {
    let Some(oldest) = batch.iter().filter_map(|m| m.timestamp).min() else {
        return false;
    };
    batch.iter().filter(|m| m.timestamp == Some(oldest)).count() > 1
}

/// Fetches the batch `cursor` names (and, when it brings nothing new, the lower bounds that may).
fn fetch(
    call: Call<ops::GetMessagesInConversation>,
    cursor: MessageCursor,
) -> BoxFuture<Result<Fetched<Message, MessageCursor>, Error>> {
    Box::pin(async move {
        let mut state = cursor;
        let mut bound = state.before;
        let mut reread = false;
        loop {
            let batch = call
                .clone()
                .with_params(|q| q.timestamp_before = bound)
                .await?;
            let more = batch.has_more() == Some(true);
            let batch = batch.into_items();
            if batch.is_empty() {
                // Asked strictly before the boundary after a 206: what is left may share the
                // boundary's timestamp. Read it once more, one past.
                if !reread
                    && !state.closed
                    && let (Some(x), Some(b)) = (bound, state.boundary)
                    && x == b
                {
                    reread = true;
                    bound = b.checked_add(1);
                    continue;
                }
                return Ok(Fetched {
                    items: batch,
                    next: None,
                });
            }
            let shared = oldest_is_shared(&batch);
            let items = state.take_new(batch);
            if !items.is_empty() {
                let next = more.then(|| {
                    let mut next = state.clone();
                    next.before = state.next_bound(shared);
                    next
                });
                return Ok(Fetched { items, next });
            }
            if !more {
                return Ok(Fetched { items, next: None });
            }
            match state.step_down(bound) {
                Some(lower) if !(reread && Some(lower) == state.boundary) => bound = Some(lower),
                _ => {
                    return Ok(Fetched {
                        items: Vec::new(),
                        next: None,
                    });
                }
            }
        }
    })
}

/// The conversation's message history, walked backwards (newest first).
///
/// Crisp answers the latest batch of [`MESSAGE_BATCH`] messages (oldest first within it), and
/// the batch before a time with `timestamp_before`; the status says whether older messages
/// exist: **206** Partial Content while they do, **200** on the oldest batch (Crisp staff in
/// ruby-crisp-api#16). The walk stops after a 200 batch, or (a backstop against a server that
/// never says 200) after an empty batch, so a history of `N` messages with distinct timestamps
/// costs exactly `ceil(N / 20)` requests (one when `N` is 0).
///
/// Several messages may share a timestamp, and a batch may end in the middle of them. When the
/// batch's oldest timestamp is held by several of its messages, the next request asks for what
/// is older than *one past* it: the messages at that timestamp come again and those already
/// yielded (by fingerprint) are dropped. When it is held by one, the next request asks strictly
/// before it (the official clients' way). An empty answer to that, after a 206, reads the
/// timestamp once more, one past. A batch that brings nothing new while the server says 206
/// steps the bound down (at most twice, which covers a server reading the bound as exclusive or
/// as inclusive); one that is empty, or still brings nothing new, ends the walk. So no message
/// is yielded twice and the walk ends even against a server that ignores the parameter. Two
/// limits: when more messages share one timestamp than a batch holds, those the server never
/// puts in a batch cannot be reached by `timestamp_before` at all; and a message sharing the
/// timestamp of a batch's single oldest message, but cut off from that batch, is not reached
/// when older messages exist (Crisp stamps messages in milliseconds, so this needs two messages
/// in the same millisecond at a batch's edge). [`Call::stream_lossless`] closes the second at
/// the cost of one message read twice per batch. The walk's bound is one it computes itself and
/// never raises, so a server cannot make it cycle.
impl List for ops::GetMessagesInConversation {
    type Item = Message;
    type Cursor = MessageCursor;

    fn walk(call: Parts<Self>, from: Option<MessageCursor>) -> Paginator<Message, MessageCursor> {
        let mut call = Call(call);
        let first =
            from.unwrap_or_else(|| MessageCursor::starting_before(call.params().timestamp_before));
        {
            let q = call.params_mut();
            q.timestamp_after = None;
            q.timestamp_around = None;
        }
        Paginator::new(first, move |cursor: MessageCursor| {
            fetch(call.clone(), cursor)
        })
    }
}

impl Call<ops::GetMessagesInConversation> {
    /// The walk of [`Call::stream`] without its one blind spot: every next batch is asked *one
    /// past* the oldest timestamp of the last, so a message sharing that millisecond but cut
    /// off by the batch limit is still reached (the repeated ones are dropped by fingerprint).
    ///
    /// The price is one message read twice per batch: a history of `N` messages costs
    /// `1 + ceil((N - 20) / 19)` requests instead of `ceil(N / 20)` (6 instead of 5 for 100).
    /// Use it for an export that must be provably complete; the plain walk is right for
    /// everything else. Its position ([`Paginator::position`]) remembers the mode, so
    /// [`Call::stream_from`] resumes a lossless walk losslessly.
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// # async fn run(client: chatdesk_crisp_api::CrispClient) -> Result<(), chatdesk_crisp_api::Error> {
    /// let mut walk = client.website("w").conversation("session_1").messages().stream_lossless();
    /// while let Some(message) = walk.try_next().await? {
    ///     println!("{:?}", message.fingerprint);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream_lossless(self) -> Paginator<Message, MessageCursor> {
        let mut first = MessageCursor::starting_before(self.params().timestamp_before);
        first.overlap = true;
        <ops::GetMessagesInConversation as List>::walk(self.0, Some(first))
    }

    /// The same walk as [`Call::stream`], under its former name: every message of the
    /// conversation, newest first. Kept as an alias; prefer `.stream()`.
    pub fn stream_backwards(self) -> Paginator<Message, MessageCursor> {
        self.stream()
    }
}
