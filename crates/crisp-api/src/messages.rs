//! Walking a conversation's messages backwards in time.

use crate::call::Call;
use crate::ops;
use chatdesk_model::crisp::message::Message;
use chatdesk_transport::{BoxFuture, Error, Page, Paginator};

impl Call<ops::GetMessagesInConversation> {
    /// Every message of the conversation, newest first, fetched one batch at a time.
    ///
    /// Crisp returns the latest batch of messages, and older ones with `timestamp_before` set
    /// to the oldest timestamp seen; this stream does that until a batch is empty (or brings
    /// nothing older, a guard against a server that ignores the parameter). Start from an
    /// earlier point with [`Call::timestamp_before`]; bound the walk with
    /// [`Paginator::max_pages`].
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
        Paginator::new(first, move |before: Option<i64>| {
            let mut call = self.clone();
            call.query.timestamp_before = before;
            call.query.timestamp_after = None;
            call.query.timestamp_around = None;
            Box::pin(async move {
                let mut items = call.await?;
                // Only strictly older messages: the bound may be inclusive on the server.
                if let Some(bound) = before {
                    items.retain(|m| m.timestamp.is_none_or(|t| t < bound));
                }
                items.sort_by_key(|m| std::cmp::Reverse(m.timestamp));
                let oldest = items.iter().filter_map(|m| m.timestamp).min();
                let next = match (oldest, before) {
                    (Some(t), Some(b)) if t >= b => None,
                    (Some(t), _) => Some(Some(t)),
                    (None, _) => None,
                };
                Ok(Page { items, next })
            }) as BoxFuture<Result<Page<Message, Option<i64>>, Error>>
        })
    }
}
