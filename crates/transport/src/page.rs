//! [`Page`]: one page of a list, the same type for every list endpoint of both vendors.

use std::ops::{Deref, DerefMut};

/// One page of a list endpoint: its items, whether the server said more exist, and what else
/// the vendor sent with it (`M`: Crisp sends nothing, `()`; Carrot Quest its answer's `meta`,
/// or the total of the leads list).
///
/// It derefs to a slice, so `page.len()`, `page.iter()`, `page[0]` and `for item in &page`
/// work as on a `Vec`; [`Page::into_items`] (or `for item in page`) takes the items out.
///
/// ```
/// use chatdesk_transport::Page;
/// let page = Page::new(vec!["a", "b"]).with_more(Some(true));
/// assert_eq!(page.len(), 2);
/// assert_eq!(page.has_more(), Some(true));
/// assert_eq!(page.iter().copied().collect::<Vec<_>>(), ["a", "b"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Page<T, M = ()> {
    /// The items, in the server's order.
    pub items: Vec<T>,
    /// Whether the server said more items follow: `Some(true)` more exist, `Some(false)` this is
    /// the last page, `None` the server gives no such signal for this list (then only a
    /// following empty page proves the end).
    pub more: Option<bool>,
    /// What the vendor sent beside the items.
    pub meta: M,
}

impl<T> Page<T, ()> {
    /// A page of `items`, with no signal about more and no metadata.
    pub fn new(items: Vec<T>) -> Page<T, ()> {
        Page {
            items,
            more: None,
            meta: (),
        }
    }
}

impl<T, M> Page<T, M> {
    /// A page of `items` with `meta`.
    pub fn with_meta(items: Vec<T>, meta: M) -> Page<T, M> {
        Page {
            items,
            more: None,
            meta,
        }
    }

    /// Sets what the server said about more items.
    pub fn with_more(mut self, more: Option<bool>) -> Self {
        self.more = more;
        self
    }

    /// Whether the server said more items follow (`None`: it gives no such signal).
    pub fn has_more(&self) -> Option<bool> {
        self.more
    }

    /// The items, taken out of the page.
    pub fn into_items(self) -> Vec<T> {
        self.items
    }

    /// The items and the metadata, taken apart.
    pub fn into_parts(self) -> (Vec<T>, M) {
        (self.items, self.meta)
    }
}

impl<T, M> Deref for Page<T, M> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T, M> DerefMut for Page<T, M> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.items
    }
}

impl<T, M> IntoIterator for Page<T, M> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T, M> IntoIterator for &'a Page<T, M> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T, M: Default> From<Vec<T>> for Page<T, M> {
    fn from(items: Vec<T>) -> Self {
        Page::with_meta(items, M::default())
    }
}

impl<T: PartialEq, M> PartialEq<Vec<T>> for Page<T, M> {
    fn eq(&self, other: &Vec<T>) -> bool {
        &self.items == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_like_a_vec_and_keeps_its_signal_and_meta() {
        let mut page = Page::with_meta(vec![3, 1, 2], "meta").with_more(Some(false));
        page.sort();
        assert_eq!(page, vec![1, 2, 3]);
        assert_eq!(page.first(), Some(&1));
        assert_eq!((&page).into_iter().sum::<i32>(), 6);
        assert_eq!(page.has_more(), Some(false));
        assert_eq!(page.meta, "meta");
        let (items, meta) = page.into_parts();
        assert_eq!((items, meta), (vec![1, 2, 3], "meta"));
        let plain: Page<u8> = vec![7].into();
        assert_eq!(plain.has_more(), None);
        assert_eq!(plain.into_iter().collect::<Vec<_>>(), [7]);
    }
}
