//! Pagination: pages of the list endpoints, and streams that walk all of them.
//!
//! Carrot Quest has three schemes (docs/api/carrot-api.md §6):
//!
//! * **v2 cursor** (`paginate_position` / `paginate_count` / `paginate_direction`): the answer's
//!   `meta.next_before_position` (or `next_after_position` when reading `after`) is passed back;
//!   `null` ends the list;
//! * **v1 cursor** (`after` / `count`): the answer's `meta.next_after`, an integer or a float,
//!   passed back digit for digit (kept as text); `null` ends the list;
//! * **offset** (`offset` / `limit`), only for leads, with `data.total`.
//!
//! Which cursor scheme a list answers with depends on the version the server applies, so the
//! streams read whichever cursor the answer carries. Each stream holds one page in memory.

use crate::call::{Call, Def};
use crate::endpoints::{
    ActiveUsers, AppConversations, ConversationParts, ListLeads, UserConversations, UserEvents,
};
use chatdesk_model::carrot::{
    Conversation, ConversationPart, Event, Leads, Meta, PageDirection, Pagination, Position, User,
};
use chatdesk_transport::{BoxFuture, Endpoint, Error, Fetched, Paginator};
use std::collections::HashSet;

/// One page of a cursor-paginated list: its items and the `meta` with the cursors.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ListPage<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The answer's `meta` (`next_before_position`, `next_after_position`, `next_after`).
    pub meta: Meta,
}

impl<T> ListPage<T> {
    /// Where the next page starts when reading in `direction` (the server's default is
    /// `before`), from whichever cursor the answer carries; `None` at the end.
    pub fn next_cursor(&self, direction: Option<&PageDirection>) -> Option<Cursor> {
        next_cursor(&self.meta, direction, false)
    }
}

/// Where a page of a cursor-paginated list starts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cursor {
    /// The first page (or the position set in the parameters).
    Start,
    /// A v2 position, sent as `paginate_position`.
    Position(Position),
    /// A v1 cursor, sent as `after`, exactly as the server wrote it.
    After(String),
}

fn next_cursor(meta: &Meta, direction: Option<&PageDirection>, sent_v1: bool) -> Option<Cursor> {
    let v2 = match direction {
        Some(PageDirection::After) => meta.next_after_position.clone(),
        _ => meta.next_before_position.clone(),
    }
    .filter(|p| !p.0.is_empty())
    .map(Cursor::Position);
    let v1 = meta.next_after.clone().map(Cursor::After);
    if sent_v1 { v1.or(v2) } else { v2.or(v1) }
}

/// A list endpoint paginated by cursor.
pub trait CursorList: Def {
    /// One item.
    type Item: Send + 'static;
    /// The pagination part of the parameters.
    fn pagination(params: &mut Self::Params) -> &mut Pagination;
    /// The items and `meta` of one answer.
    fn split(output: Self::Output) -> (Vec<Self::Item>, Meta);
}

macro_rules! cursor_list {
    ($($ty:ty => $item:ty),+ $(,)?) => {$(
        impl CursorList for $ty {
            type Item = $item;
            fn pagination(params: &mut Self::Params) -> &mut Pagination {
                &mut params.pagination
            }
            fn split(output: ListPage<$item>) -> (Vec<$item>, Meta) {
                (output.items, output.meta)
            }
        }
    )+};
}

cursor_list!(
    ActiveUsers => User,
    AppConversations => Conversation,
    ConversationParts => ConversationPart,
    UserEvents => Event,
    UserConversations => Conversation,
);

impl<D: CursorList> Call<D> {
    /// Page size, 1 to 50: sets both the v2 `paginate_count` and the v1 `count`, so the size
    /// holds whichever scheme the server applies.
    pub fn page_size(mut self, size: u32) -> Self {
        let p = D::pagination(&mut self.params);
        p.paginate_count = Some(size);
        p.count = Some(size);
        self
    }

    /// Reads in `direction` from the position (v2; the server's default is `before`).
    pub fn direction(mut self, direction: PageDirection) -> Self {
        D::pagination(&mut self.params).paginate_direction = Some(direction);
        self
    }

    /// Starts at `cursor` (a position or v1 cursor from an earlier page).
    pub fn starting_at(mut self, cursor: Cursor) -> Self {
        apply_cursor(D::pagination(&mut self.params), cursor);
        self
    }

    /// Every item of every page, fetched one page at a time as the stream is read.
    ///
    /// The stream follows whichever cursor each answer carries (v2 position in the requested
    /// direction, else v1 `next_after`), and ends on a `null` cursor, an empty page, or a cursor
    /// it has already fetched with (one that does not move, or a server cycling its cursors with
    /// any period): that page's items are yielded and the stream ends without an error, as the
    /// leads stream does after pages of repeats. It remembers every cursor of the walk, one per
    /// page. An error is yielded once, then the stream ends.
    pub fn into_stream(self) -> Paginator<D::Item, Cursor> {
        let template = self;
        Paginator::new(Cursor::Start, move |cursor: Cursor| {
            let mut call = template.clone();
            let pagination = D::pagination(&mut call.params);
            apply_cursor(pagination, cursor.clone());
            let direction = pagination.paginate_direction.clone();
            let sent_v1 = pagination.after.is_some();
            let fut: BoxFuture<Result<Fetched<D::Item, Cursor>, Error>> = Box::pin(async move {
                let (items, meta) = D::split(call.send().await?);
                let next = next_cursor(&meta, direction.as_ref(), sent_v1);
                Ok(Fetched { items, next })
            });
            fut
        })
        .end_on_repeated_cursor()
    }
}

fn apply_cursor(p: &mut Pagination, cursor: Cursor) {
    match cursor {
        Cursor::Start => {}
        Cursor::Position(pos) => {
            p.paginate_position = Some(pos);
            p.after = None;
        }
        Cursor::After(after) => {
            p.after = Some(after);
            p.paginate_position = None;
        }
    }
}

/// How many pages in a row made only of already-yielded leads the leads stream reads past
/// before it ends.
pub const MAX_REPEAT_PAGES: u32 = 3;

/// The server's default leads page size.
const DEFAULT_LIMIT: u32 = 20;

impl Call<ListLeads> {
    /// Every lead, `limit` at a time (50 unless set), by offset.
    ///
    /// Offset paging over a list sorted by `$last_seen` can shift while it is read, so a lead
    /// may come back on two pages (the docs warn about it): the stream skips ids it has already
    /// yielded (remembering one `u64` per lead). It ends on a short or empty page, when the
    /// offset reaches `data.total`, or after [`MAX_REPEAT_PAGES`] pages in a row made only of
    /// leads it has already yielded (a server that ignores `offset` cannot keep it busy).
    pub fn into_stream(mut self) -> Paginator<User, u64> {
        if self.params.limit.is_none() {
            self.params.limit = Some(50);
        }
        let start = self.params.offset.unwrap_or(0);
        let template = self;
        let seen = std::sync::Arc::new(std::sync::Mutex::new(HashSet::<u64>::new()));
        Paginator::new(start, move |offset: u64| {
            let template = template.clone();
            let seen = seen.clone();
            let fut: BoxFuture<Result<Fetched<User, u64>, Error>> = Box::pin(async move {
                let mut offset = offset;
                let mut repeat_pages = 0;
                loop {
                    let mut call = template.clone();
                    call.params.offset = Some(offset);
                    let limit = u64::from(call.params.limit.unwrap_or(DEFAULT_LIMIT).max(1));
                    let leads: Leads = call.send().await?;
                    let got = leads.users.len() as u64;
                    let next_offset = offset.saturating_add(got);
                    let more = got > 0
                        && match leads.total {
                            Some(total) => next_offset < total,
                            None => got >= limit,
                        };
                    let fresh: Vec<User> = {
                        let mut seen = seen.lock().unwrap_or_else(|p| p.into_inner());
                        leads
                            .users
                            .into_iter()
                            .filter(|u| seen.insert(u.id.0))
                            .collect()
                    };
                    let next = more.then_some(next_offset);
                    match next {
                        // A page made only of repeats must not end the stream, nor a run of
                        // them keep it going for ever.
                        Some(n) if fresh.is_empty() && repeat_pages < MAX_REPEAT_PAGES => {
                            repeat_pages += 1;
                            offset = n;
                        }
                        Some(_) if fresh.is_empty() => {
                            return Ok(Fetched {
                                items: fresh,
                                next: None,
                            });
                        }
                        _ => return Ok(Fetched { items: fresh, next }),
                    }
                }
            });
            fut
        })
    }
}
