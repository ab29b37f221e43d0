//! Lazy pagination: a `Stream` of items that fetches the next page only when it is needed, and
//! can say where it is so that a walk can be resumed later.

use crate::BoxFuture;
use crate::error::Error;
use futures_core::Stream;
use serde::{Deserialize, Serialize};
use std::collections::{HashSet, VecDeque};
use std::hash::Hash;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

/// What one fetch of a [`Paginator`] brings: the items of a page and the cursor of the next page
/// (`None` when this was the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched<T, C> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Where the next page starts, if there is one.
    pub next: Option<C>,
}

/// Where a walk stands: the cursor of the page the next item comes from, and how many items of
/// that page were already yielded.
///
/// Serialisable (serde), so a job can store it and resume with the call's `stream_from` after a
/// restart. Resuming fetches the page `cursor` names again and drops its first `skip` items; on
/// a list that changed in between, the page may have shifted (the vendor crates document how
/// each list behaves).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Position<C> {
    /// The cursor the page was (or will be) fetched with.
    pub cursor: C,
    /// How many of its items were already yielded.
    pub skip: u64,
}

impl<C> Position<C> {
    /// The start of the page `cursor` names.
    pub fn at(cursor: C) -> Position<C> {
        Position { cursor, skip: 0 }
    }
}

/// One page as the page-at-a-time form ([`Paginator::pages`]) yields it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageStep<T, C> {
    /// Where this page's items start (a resumed walk's first page starts past its `skip`).
    pub at: Position<C>,
    /// The items (past `at.skip`).
    pub items: Vec<T>,
    /// Where to resume once these items are handled; `None` when the walk is complete.
    pub next: Option<Position<C>>,
}

type Fetch<T, C> = Box<dyn FnMut(C) -> BoxFuture<Result<Fetched<T, C>, Error>> + Send>;

/// Records a cursor; false when the stream has already fetched with it.
type FirstVisit<C> = Box<dyn FnMut(&C) -> bool + Send>;

/// A stream of items over pages fetched one at a time.
///
/// Memory stays bounded by one page. The stream ends after a page with no `next` cursor, after
/// an empty page, or after `max_pages` pages (a guard against a server that ignores the page
/// parameter). With [`Paginator::end_on_repeated_cursor`] it also ends, cleanly, when a page
/// names a cursor the stream has already fetched. An error is yielded once, then the stream
/// ends.
///
/// [`Paginator::position`] says where the walk stands at any time; [`Paginator::pages`] turns
/// it into a stream of whole pages, each with its position.
pub struct Paginator<T, C> {
    fetch: Fetch<T, C>,
    next: Option<C>,
    /// The cursor of the page being fetched, or of the page `buffer` holds.
    current: Option<C>,
    /// How many items of the current page were yielded (or skipped).
    taken: u64,
    /// Items to drop from the first page (a resumed walk).
    skip_first: u64,
    buffer: VecDeque<T>,
    pending: Option<BoxFuture<Result<Fetched<T, C>, Error>>>,
    pages_left: u64,
    first_visit: Option<FirstVisit<C>>,
    failed: bool,
}

impl<T, C> Paginator<T, C> {
    /// A paginator starting at `first`, fetching pages with `fetch`.
    pub fn new<F>(first: C, fetch: F) -> Paginator<T, C>
    where
        F: FnMut(C) -> BoxFuture<Result<Fetched<T, C>, Error>> + Send + 'static,
    {
        Paginator {
            fetch: Box::new(fetch),
            next: Some(first),
            current: None,
            taken: 0,
            skip_first: 0,
            buffer: VecDeque::new(),
            pending: None,
            pages_left: u64::MAX,
            first_visit: None,
            failed: false,
        }
    }

    /// A paginator resuming at `position`: it fetches the page `position.cursor` names and drops
    /// that page's first `position.skip` items.
    pub fn resume<F>(position: Position<C>, fetch: F) -> Paginator<T, C>
    where
        F: FnMut(C) -> BoxFuture<Result<Fetched<T, C>, Error>> + Send + 'static,
    {
        let mut paginator = Paginator::new(position.cursor, fetch);
        paginator.skip_first = position.skip;
        paginator
    }

    /// Stops after `pages` pages.
    pub fn max_pages(mut self, pages: u64) -> Self {
        self.pages_left = pages;
        self
    }

    /// Drops the first `items` items of the first page (what [`Paginator::resume`] sets).
    pub fn skip_first(mut self, items: u64) -> Self {
        self.skip_first = items;
        self
    }
}

impl<T, C: Clone> Paginator<T, C> {
    /// Where the walk stands: the position of the next item the stream would yield, or `None`
    /// once the walk is complete (or ended on an error: then resume from the position read
    /// before the error).
    ///
    /// Read it after handling an item to checkpoint a job; a walk started from it with the
    /// call's `stream_from` yields exactly the items this one has not yielded yet (on a list
    /// that did not change in between).
    pub fn position(&self) -> Option<Position<C>> {
        if self.failed {
            return None;
        }
        if let Some(cursor) = &self.current
            && (self.pending.is_some() || !self.buffer.is_empty())
        {
            return Some(Position {
                cursor: cursor.clone(),
                skip: self.taken,
            });
        }
        if self.pages_left == 0 {
            return None;
        }
        self.next.clone().map(|cursor| Position {
            cursor,
            skip: if self.current.is_none() {
                self.skip_first
            } else {
                0
            },
        })
    }

    /// The same walk a page at a time: each item is a [`PageStep`] with the page's items, where
    /// they start and where to resume after them.
    pub fn pages(self) -> Pages<T, C> {
        Pages { inner: self }
    }
}

impl<T, C: Eq + Hash + Clone + Send + 'static> Paginator<T, C> {
    /// Ends the stream when a page's next cursor is one the stream has already fetched with.
    ///
    /// For opaque server cursors: a server that cycles them (A → B → C → A, with any period)
    /// would otherwise keep the stream reading the same pages for ever. The page that names
    /// the repeated cursor is still yielded, and the stream then ends as after a last page,
    /// with no error (the same clean end as a page with no cursor). It remembers every cursor
    /// of the walk, so memory grows by one cursor per page. Not for walks whose cursor may
    /// legitimately come again with new items.
    pub fn end_on_repeated_cursor(mut self) -> Self {
        let mut seen: HashSet<C> = self.next.iter().cloned().collect();
        self.first_visit = Some(Box::new(move |cursor: &C| seen.insert(cursor.clone())));
        self
    }
}

impl<T, C> Paginator<T, C> {
    /// Drives the walk until the buffer holds a page (true) or the walk is over (false).
    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Result<bool, Error>>
    where
        C: Clone,
    {
        loop {
            if !self.buffer.is_empty() {
                return Poll::Ready(Ok(true));
            }
            if self.pending.is_none() {
                if self.pages_left == 0 || self.failed {
                    return Poll::Ready(Ok(false));
                }
                let Some(cursor) = self.next.take() else {
                    return Poll::Ready(Ok(false));
                };
                self.pages_left -= 1;
                self.current = Some(cursor.clone());
                self.taken = 0;
                self.pending = Some((self.fetch)(cursor));
            }
            let Some(fut) = self.pending.as_mut() else {
                return Poll::Ready(Ok(false));
            };
            let result = ready!(fut.as_mut().poll(cx));
            self.pending = None;
            match result {
                Ok(page) => {
                    if !page.items.is_empty() {
                        self.next = page.next;
                    }
                    if let (Some(next), Some(first_visit)) = (&self.next, &mut self.first_visit)
                        && !first_visit(next)
                    {
                        self.next = None;
                    }
                    let empty = page.items.is_empty();
                    self.buffer.extend(page.items);
                    if self.skip_first > 0 {
                        let drop = usize::try_from(self.skip_first)
                            .unwrap_or(usize::MAX)
                            .min(self.buffer.len());
                        self.buffer.drain(..drop);
                        self.taken = self.skip_first;
                        self.skip_first = 0;
                    }
                    if empty {
                        self.next = None;
                        return Poll::Ready(Ok(false));
                    }
                    // A page made only of skipped items: go on to the next one.
                }
                Err(e) => {
                    self.next = None;
                    self.failed = true;
                    return Poll::Ready(Err(e));
                }
            }
        }
    }
}

impl<T, C> Unpin for Paginator<T, C> {}

impl<T, C: Clone> Stream for Paginator<T, C> {
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        match ready!(this.poll_page(cx)) {
            Ok(true) => {
                let item = this.buffer.pop_front();
                if item.is_some() {
                    this.taken += 1;
                }
                Poll::Ready(item.map(Ok))
            }
            Ok(false) => Poll::Ready(None),
            Err(e) => Poll::Ready(Some(Err(e))),
        }
    }
}

impl<T, C> std::fmt::Debug for Paginator<T, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("buffered", &self.buffer.len())
            .field("fetching", &self.pending.is_some())
            .finish_non_exhaustive()
    }
}

/// A walk a page at a time (from [`Paginator::pages`]).
pub struct Pages<T, C> {
    inner: Paginator<T, C>,
}

impl<T, C> Unpin for Pages<T, C> {}

impl<T, C: Clone> Pages<T, C> {
    /// Where the walk stands (see [`Paginator::position`]).
    pub fn position(&self) -> Option<Position<C>> {
        self.inner.position()
    }
}

impl<T, C: Clone> Stream for Pages<T, C> {
    type Item = Result<PageStep<T, C>, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut self.get_mut().inner;
        match ready!(this.poll_page(cx)) {
            Ok(true) => {
                let Some(cursor) = this.current.clone() else {
                    return Poll::Ready(None);
                };
                let at = Position {
                    cursor,
                    skip: this.taken,
                };
                let items: Vec<T> = this.buffer.drain(..).collect();
                this.taken = this.taken.saturating_add(items.len() as u64);
                let next = this.position();
                Poll::Ready(Some(Ok(PageStep { at, items, next })))
            }
            Ok(false) => Poll::Ready(None),
            Err(e) => Poll::Ready(Some(Err(e))),
        }
    }
}

impl<T, C> std::fmt::Debug for Pages<T, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A server whose cursors go A → B → C → A: each page is one item named after its cursor.
    fn cycling(fetches: Arc<AtomicUsize>) -> Paginator<&'static str, &'static str> {
        Paginator::new("A", move |cursor: &'static str| {
            fetches.fetch_add(1, Ordering::SeqCst);
            let next = match cursor {
                "A" => "B",
                "B" => "C",
                _ => "A",
            };
            Box::pin(async move {
                Ok(Fetched {
                    items: vec![cursor],
                    next: Some(next),
                })
            }) as BoxFuture<_>
        })
    }

    fn collect<C: Clone>(mut stream: Paginator<&'static str, C>, cap: usize) -> Vec<&'static str> {
        let waker = std::task::Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut out = Vec::new();
        while out.len() < cap {
            match Pin::new(&mut stream).poll_next(&mut cx) {
                Poll::Ready(Some(Ok(item))) => out.push(item),
                Poll::Ready(Some(Err(e))) => panic!("{e}"),
                Poll::Ready(None) => break,
                Poll::Pending => panic!("the test fetch is always ready"),
            }
        }
        out
    }

    #[test]
    fn a_cursor_cycle_of_period_three_ends_the_stream_cleanly() {
        let fetches = Arc::new(AtomicUsize::new(0));
        let items = collect(cycling(fetches.clone()).end_on_repeated_cursor(), 100);
        assert_eq!(items, ["A", "B", "C"]);
        assert_eq!(fetches.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn without_the_check_the_cycle_is_bounded_only_by_max_pages() {
        let fetches = Arc::new(AtomicUsize::new(0));
        let items = collect(cycling(fetches.clone()).max_pages(7), 100);
        assert_eq!(items, ["A", "B", "C", "A", "B", "C", "A"]);
    }

    /// Pages 1..=3 of three items each (`"p.i"`), then an empty page 4.
    fn numbered(
        fetches: Arc<AtomicUsize>,
    ) -> impl FnMut(u32) -> BoxFuture<Result<Fetched<String, u32>, Error>> + Send + 'static {
        move |page: u32| {
            fetches.fetch_add(1, Ordering::SeqCst);
            let items: Vec<String> = if page <= 3 {
                (0..3).map(|i| format!("{page}.{i}")).collect()
            } else {
                Vec::new()
            };
            Box::pin(async move {
                Ok(Fetched {
                    items,
                    next: Some(page + 1),
                })
            }) as BoxFuture<_>
        }
    }

    fn next_item<T, C: Clone>(stream: &mut Paginator<T, C>) -> Option<T> {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match Pin::new(stream).poll_next(&mut cx) {
            Poll::Ready(Some(Ok(item))) => Some(item),
            Poll::Ready(Some(Err(e))) => panic!("{e}"),
            Poll::Ready(None) => None,
            Poll::Pending => panic!("the test fetch is always ready"),
        }
    }

    #[test]
    fn a_walk_resumed_from_its_position_yields_exactly_the_rest() {
        let all: Vec<String> = {
            let mut s = Paginator::new(1, numbered(Arc::new(AtomicUsize::new(0))));
            std::iter::from_fn(|| next_item(&mut s)).collect()
        };
        assert_eq!(all.len(), 9);
        for stop_after in 0..=9 {
            let mut first = Paginator::new(1, numbered(Arc::new(AtomicUsize::new(0))));
            let mut got: Vec<String> = (0..stop_after)
                .filter_map(|_| next_item(&mut first))
                .collect();
            let position = first.position();
            if stop_after == 9 {
                // The walk has not yet seen the empty page: it points at it.
                assert_eq!(position, Some(Position::at(4)));
            }
            let Some(position) = position else {
                panic!("a walk that has not ended has a position");
            };
            // Through serde, as a job would store it.
            let stored = serde_json::to_string(&position).unwrap();
            let position: Position<u32> = serde_json::from_str(&stored).unwrap();
            let fetches = Arc::new(AtomicUsize::new(0));
            let mut resumed = Paginator::resume(position, numbered(fetches.clone()));
            got.extend(std::iter::from_fn(|| next_item(&mut resumed)));
            assert_eq!(got, all, "stopped after {stop_after}");
            assert_eq!(resumed.position(), None, "a finished walk has no position");
        }
    }

    #[test]
    fn the_position_names_the_page_of_the_next_item() {
        let mut s = Paginator::new(1, numbered(Arc::new(AtomicUsize::new(0))));
        assert_eq!(s.position(), Some(Position::at(1)));
        for _ in 0..4 {
            next_item(&mut s);
        }
        assert_eq!(s.position(), Some(Position { cursor: 2, skip: 1 }));
        for _ in 0..2 {
            next_item(&mut s);
        }
        // A page handled to its end points at the next page.
        assert_eq!(s.position(), Some(Position::at(3)));
        next_item(&mut s);
        assert_eq!(s.position(), Some(Position { cursor: 3, skip: 1 }));
    }

    #[test]
    fn pages_yield_each_page_with_where_it_starts_and_where_to_resume() {
        let fetches = Arc::new(AtomicUsize::new(0));
        let mut pages =
            Paginator::resume(Position { cursor: 2, skip: 2 }, numbered(fetches.clone())).pages();
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let mut steps = Vec::new();
        while let Poll::Ready(Some(step)) = Pin::new(&mut pages).poll_next(&mut cx) {
            steps.push(step.unwrap());
        }
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].at, Position { cursor: 2, skip: 2 });
        assert_eq!(steps[0].items, ["2.2"]);
        assert_eq!(steps[0].next, Some(Position::at(3)));
        assert_eq!(steps[1].at, Position::at(3));
        assert_eq!(steps[1].items.len(), 3);
        assert_eq!(steps[1].next, Some(Position::at(4)));
        // pages 2, 3 and the empty page 4 that proves the end
        assert_eq!(fetches.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn a_skip_past_a_whole_page_goes_on_to_the_next_page() {
        let mut s = Paginator::resume(
            Position { cursor: 1, skip: 7 },
            numbered(Arc::new(AtomicUsize::new(0))),
        );
        assert_eq!(next_item(&mut s).as_deref(), Some("2.0"));
    }
}
