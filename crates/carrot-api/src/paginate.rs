//! Pagination: the pages of the list endpoints, and the walks over all of them.
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
//! walks read whichever cursor the answer carries. A list call returns one
//! [`chatdesk_transport::Page`]: `Page<T, Meta>` for the cursor lists (the answer's
//! `meta`, with the cursors), `Page<User, LeadsMeta>` for the leads (the total); `has_more()`
//! is the server's own signal (a non-null cursor; an offset below the total), read when the
//! call is sent (an answer decoded on its own with `Endpoint::decode` has `None`). A walk
//! (`.stream()`, `.pages()`) holds one page in memory and can be resumed from its
//! [`Position`](chatdesk_transport::Position): a [`Cursor`] for the cursor lists, the offset
//! for the leads.

use crate::call::CarrotOp;
use crate::client::CarrotClient;
use chatdesk_model::carrot::{
    Leads, LeadsParams, Meta, PageDirection, Pagination, Position as CarrotPosition, User,
};
use chatdesk_transport::kit::{Parts, Vendor};
use chatdesk_transport::{BoxFuture, Error, Fetched, Page, Paginator};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// Where a page of a cursor-paginated list starts: what a walk's
/// [`Position`](chatdesk_transport::Position) holds (serialisable), and what `.cursor(c)` sets on
/// a single-page call.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cursor {
    /// The first page (or the position the call's parameters set).
    Start,
    /// A v2 position, sent as `paginate_position`.
    Position(CarrotPosition),
    /// A v1 cursor, sent as `after`, exactly as the server wrote it.
    After(String),
}

impl Cursor {
    /// Where the page after one with `meta` starts when reading in `direction` (the server's
    /// default is `before`), from whichever cursor the answer carries; `None` at the end.
    pub fn next(meta: &Meta, direction: Option<&PageDirection>) -> Option<Cursor> {
        next_cursor(meta, direction, false)
    }
}

/// What the leads list sends beside its items: `data.total`, the number of leads matching the
/// filter (read by one client; not shown in the docs, so it may be absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LeadsMeta {
    /// The number of matching leads, when the server sends it.
    pub total: Option<u64>,
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

/// A cursor list: where its parameters keep the pagination.
pub(crate) trait CursorOp: CarrotOp {
    fn pagination(params: &mut Self::Params) -> &mut Pagination;
}

pub(crate) fn apply_cursor(p: &mut Pagination, cursor: Cursor) {
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

/// The API's page-size range (`paginate_count`, `count`, `limit`: 1 to 50).
pub(crate) fn check_page_size(endpoint: &str, size: Option<u32>) -> Result<(), String> {
    match size {
        Some(n) if !(1..=50).contains(&n) => Err(format!(
            "{endpoint}: a page size is 1 to 50 (the API's range), not {n}"
        )),
        _ => Ok(()),
    }
}

/// Sends one page of a cursor list (one boxed future, as the kit's `send_once`), and sets
/// `Page::more` from the cursor the answer carries for the call's direction and scheme.
pub(crate) fn send_cursor_page<O, T>(mut call: Parts<O>) -> BoxFuture<Result<Page<T, Meta>, Error>>
where
    O: CursorOp<Output = Page<T, Meta>>,
    T: Send + 'static,
{
    let request = O::describe(&call);
    let transport = call.client().transport().clone();
    let pagination = O::pagination(call.params_mut());
    let direction = pagination.paginate_direction.clone();
    let sent_v1 = pagination.after.is_some();
    Box::pin(async move {
        let response = transport.send_described(request?).await?;
        let page = O::decode(response)?;
        let more = next_cursor(&page.meta, direction.as_ref(), sent_v1).is_some();
        Ok(page.with_more(Some(more)))
    })
}

/// The walk of a cursor list from `from` (or the call's own start).
///
/// It follows whichever cursor each answer carries (v2 position in the requested direction,
/// else v1 `next_after`), and ends on a `null` cursor, an empty page, or a cursor it has
/// already fetched with (one that does not move, or a server cycling its cursors with any
/// period): that page's items are yielded and the walk ends without an error. It remembers
/// every cursor of the walk, one per page.
pub(crate) fn cursor_walk<O, T>(template: Parts<O>, from: Option<Cursor>) -> Paginator<T, Cursor>
where
    O: CursorOp<Output = Page<T, Meta>>,
    T: Send + 'static,
{
    Paginator::new(from.unwrap_or(Cursor::Start), move |cursor: Cursor| {
        let mut call = template.clone();
        let pagination = O::pagination(call.params_mut());
        apply_cursor(pagination, cursor);
        let direction = pagination.paginate_direction.clone();
        let sent_v1 = pagination.after.is_some();
        let page = O::dispatch(call);
        let fut: BoxFuture<Result<Fetched<T, Cursor>, Error>> = Box::pin(async move {
            let page = page.await?;
            let next = next_cursor(&page.meta, direction.as_ref(), sent_v1);
            Ok(Fetched {
                items: page.items,
                next,
            })
        });
        fut
    })
    .end_on_repeated_cursor()
}

/// The leads answer as a page (more unknown until the offset is known: see
/// [`send_leads_page`]).
pub(crate) fn leads_page(leads: Leads) -> Page<User, LeadsMeta> {
    Page::with_meta(leads.users, LeadsMeta { total: leads.total })
}

/// Sends one page of leads, and sets `Page::more` when the answer carries the total.
pub(crate) fn send_leads_page<O>(call: Parts<O>) -> BoxFuture<Result<Page<User, LeadsMeta>, Error>>
where
    O: CarrotOp<Client = CarrotClient, Output = Page<User, LeadsMeta>, Params = LeadsParams>,
{
    let request = O::describe(&call);
    let transport = Vendor::transport(call.client()).clone();
    let offset = call.params().offset.unwrap_or(0);
    Box::pin(async move {
        let response = transport.send_described(request?).await?;
        let page = O::decode(response)?;
        let more = page
            .meta
            .total
            .map(|total| offset.saturating_add(page.len() as u64) < total);
        Ok(page.with_more(more))
    })
}

/// How many pages in a row made only of already-yielded leads the leads walk reads past
/// before it ends.
pub const MAX_REPEAT_PAGES: u32 = 3;

/// The server's default leads page size.
const DEFAULT_LIMIT: u32 = 20;

/// The leads walk: every lead, `limit` at a time (50 unless set), by offset, from `from` (or
/// the call's own `offset`).
///
/// Offset paging over a list sorted by `$last_seen` can shift while it is read, so a lead may
/// come back on two pages (the docs warn about it): the walk skips ids it has already yielded
/// (remembering one `u64` per lead). It ends on a short or empty page, when the offset reaches
/// `data.total`, or after [`MAX_REPEAT_PAGES`] pages in a row made only of leads it has
/// already yielded (a server that ignores `offset` cannot keep it busy). A resumed walk
/// remembers nothing of the leads the earlier walk yielded.
pub(crate) fn leads_walk<O>(mut template: Parts<O>, from: Option<u64>) -> Paginator<User, u64>
where
    O: CarrotOp<Client = CarrotClient, Output = Page<User, LeadsMeta>, Params = LeadsParams>,
{
    if template.params().limit.is_none() {
        template.params_mut().limit = Some(50);
    }
    let start = from.unwrap_or_else(|| template.params().offset.unwrap_or(0));
    let seen = Arc::new(Mutex::new(HashSet::<u64>::new()));
    Paginator::new(start, move |offset: u64| {
        let template = template.clone();
        let seen = seen.clone();
        let fut: BoxFuture<Result<Fetched<User, u64>, Error>> = Box::pin(async move {
            let mut offset = offset;
            let mut repeat_pages = 0;
            loop {
                let mut call = template.clone();
                call.params_mut().offset = Some(offset);
                let limit = u64::from(call.params().limit.unwrap_or(DEFAULT_LIMIT).max(1));
                let page = O::dispatch(call).await?;
                let got = page.len() as u64;
                let next_offset = offset.saturating_add(got);
                let more = got > 0
                    && match page.meta.total {
                        Some(total) => next_offset < total,
                        None => got >= limit,
                    };
                let fresh: Vec<User> = {
                    let mut seen = seen.lock().unwrap_or_else(|p| p.into_inner());
                    page.into_items()
                        .into_iter()
                        .filter(|u| seen.insert(u.id.0))
                        .collect()
                };
                let next = more.then_some(next_offset);
                match next {
                    // A page made only of repeats must not end the walk, nor a run of them
                    // keep it going for ever.
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
