//! Lazy pagination: a `Stream` of items that fetches the next page only when it is needed.

use crate::BoxFuture;
use crate::error::Error;
use futures_core::Stream;
use std::collections::VecDeque;
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

/// A stream of items over pages fetched one at a time.
///
/// Memory stays bounded by one page. The stream ends after a page with no `next` cursor, after
/// an empty page, or after `max_pages` pages (a guard against a server that ignores the page
/// parameter). An error is yielded once, then the stream ends.
pub struct Paginator<T, C> {
    fetch: Fetch<T, C>,
    next: Option<C>,
    buffer: VecDeque<T>,
    pending: Option<BoxFuture<Result<Page<T, C>, Error>>>,
    pages_left: u64,
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
        }
    }

    /// Stops after `pages` pages.
    pub fn max_pages(mut self, pages: u64) -> Self {
        self.pages_left = pages;
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
