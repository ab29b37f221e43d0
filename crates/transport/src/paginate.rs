//! Lazy pagination: a `Stream` of items that fetches the next page only when it is needed.

use crate::BoxFuture;
use crate::error::Error;
use futures_core::Stream;
use std::collections::{HashSet, VecDeque};
use std::hash::Hash;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

/// One page of results and the cursor of the next page (`None` when this was the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, C> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Where the next page starts, if there is one.
    pub next: Option<C>,
}

type Fetch<T, C> = Box<dyn FnMut(C) -> BoxFuture<Result<Page<T, C>, Error>> + Send>;

/// Records a cursor; false when the stream has already fetched with it.
type FirstVisit<C> = Box<dyn FnMut(&C) -> bool + Send>;

/// A stream of items over pages fetched one at a time.
///
/// Memory stays bounded by one page. The stream ends after a page with no `next` cursor, after
/// an empty page, or after `max_pages` pages (a guard against a server that ignores the page
/// parameter). With [`Paginator::end_on_repeated_cursor`] it also ends, cleanly, when a page
/// names a cursor the stream has already fetched. An error is yielded once, then the stream
/// ends.
pub struct Paginator<T, C> {
    fetch: Fetch<T, C>,
    next: Option<C>,
    buffer: VecDeque<T>,
    pending: Option<BoxFuture<Result<Page<T, C>, Error>>>,
    pages_left: u64,
    first_visit: Option<FirstVisit<C>>,
}

impl<T, C> Paginator<T, C> {
    /// A paginator starting at `first`, fetching pages with `fetch`.
    pub fn new<F>(first: C, fetch: F) -> Paginator<T, C>
    where
        F: FnMut(C) -> BoxFuture<Result<Page<T, C>, Error>> + Send + 'static,
    {
        Paginator {
            fetch: Box::new(fetch),
            next: Some(first),
            buffer: VecDeque::new(),
            pending: None,
            pages_left: u64::MAX,
            first_visit: None,
        }
    }

    /// Stops after `pages` pages.
    pub fn max_pages(mut self, pages: u64) -> Self {
        self.pages_left = pages;
        self
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

impl<T, C> Unpin for Paginator<T, C> {}

impl<T, C> Stream for Paginator<T, C> {
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            if this.pending.is_none() {
                if this.pages_left == 0 {
                    return Poll::Ready(None);
                }
                let Some(cursor) = this.next.take() else {
                    return Poll::Ready(None);
                };
                this.pages_left -= 1;
                this.pending = Some((this.fetch)(cursor));
            }
            let Some(fut) = this.pending.as_mut() else {
                return Poll::Ready(None);
            };
            let result = ready!(fut.as_mut().poll(cx));
            this.pending = None;
            match result {
                Ok(page) => {
                    if !page.items.is_empty() {
                        this.next = page.next;
                    }
                    if let (Some(next), Some(first_visit)) = (&this.next, &mut this.first_visit)
                        && !first_visit(next)
                    {
                        this.next = None;
                    }
                    this.buffer.extend(page.items);
                    if this.buffer.is_empty() {
                        return Poll::Ready(None);
                    }
                }
                Err(e) => {
                    this.next = None;
                    return Poll::Ready(Some(Err(e)));
                }
            }
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
                Ok(Page {
                    items: vec![cursor],
                    next: Some(next),
                })
            }) as BoxFuture<_>
        })
    }

    fn collect<C>(mut stream: Paginator<&'static str, C>, cap: usize) -> Vec<&'static str> {
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
}
