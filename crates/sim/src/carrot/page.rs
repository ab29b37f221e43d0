//! Carrot's cursor pagination (v2 positions and v1 `after`) over ordered keys.
//!
//! Lists are newest first by default; a key is a part/event id, or `(last_update_us, id)` for
//! conversations.

use std::collections::BTreeSet;
use std::ops::Bound;

/// A sorted set of keys the pager can walk both ways.
pub(crate) trait Ordered<K> {
    /// Keys below `upper`, largest first.
    fn desc_below(&self, upper: Bound<K>) -> Box<dyn Iterator<Item = K> + '_>;
    /// Keys above `lower`, smallest first.
    fn asc_above(&self, lower: Bound<K>) -> Box<dyn Iterator<Item = K> + '_>;
}

impl<K: Ord + Copy> Ordered<K> for BTreeSet<K> {
    fn desc_below(&self, upper: Bound<K>) -> Box<dyn Iterator<Item = K> + '_> {
        Box::new(self.range((Bound::Unbounded, upper)).rev().copied())
    }
    fn asc_above(&self, lower: Bound<K>) -> Box<dyn Iterator<Item = K> + '_> {
        Box::new(self.range((lower, Bound::Unbounded)).copied())
    }
}

/// Items of a slice sorted ascending by a `u64` key.
pub(crate) struct ByKey<'a, T> {
    pub items: &'a [T],
    pub key: fn(&T) -> u64,
}

impl<T> ByKey<'_, T> {
    /// Index of the first item whose key is not below the bound's edge (for upper bounds: the
    /// number of items inside the bound).
    fn split_upper(&self, upper: Bound<u64>) -> usize {
        match upper {
            Bound::Unbounded => self.items.len(),
            Bound::Excluded(k) => self.items.partition_point(|t| (self.key)(t) < k),
            Bound::Included(k) => self.items.partition_point(|t| (self.key)(t) <= k),
        }
    }
    fn split_lower(&self, lower: Bound<u64>) -> usize {
        match lower {
            Bound::Unbounded => 0,
            Bound::Excluded(k) => self.items.partition_point(|t| (self.key)(t) <= k),
            Bound::Included(k) => self.items.partition_point(|t| (self.key)(t) < k),
        }
    }
}

impl<T> Ordered<u64> for ByKey<'_, T> {
    fn desc_below(&self, upper: Bound<u64>) -> Box<dyn Iterator<Item = u64> + '_> {
        let end = self.split_upper(upper);
        Box::new(self.items[..end].iter().rev().map(self.key))
    }
    fn asc_above(&self, lower: Bound<u64>) -> Box<dyn Iterator<Item = u64> + '_> {
        let start = self.split_lower(lower);
        Box::new(self.items[start..].iter().map(self.key))
    }
}

/// `paginate_direction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Before,
    After,
    Around,
}

/// A page request (v1 requests become `Before` without `including`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageReq<K> {
    pub position: Option<K>,
    pub direction: Direction,
    pub including: bool,
    pub count: usize,
    pub asc: bool,
}

/// A page: keys in output order, plus the cursors to the neighbouring pages.
#[derive(Debug, Clone)]
pub(crate) struct Page<K> {
    pub items: Vec<K>,
    /// Position of the oldest item on the page when older items exist.
    pub next_before: Option<K>,
    /// Position of the newest item on the page when newer items exist.
    pub next_after: Option<K>,
}

pub(crate) fn paginate<K: Ord + Copy>(
    src: &dyn Ordered<K>,
    keep: &dyn Fn(K) -> bool,
    req: &PageReq<K>,
) -> Page<K> {
    let n = req.count;
    let mut items: Vec<K> = match (req.position, req.direction) {
        (None, Direction::After) => src
            .asc_above(Bound::Unbounded)
            .filter(|k| keep(*k))
            .take(n)
            .collect(),
        (None, _) => src
            .desc_below(Bound::Unbounded)
            .filter(|k| keep(*k))
            .take(n)
            .collect(),
        (Some(p), Direction::Before) => {
            let b = if req.including {
                Bound::Included(p)
            } else {
                Bound::Excluded(p)
            };
            src.desc_below(b).filter(|k| keep(*k)).take(n).collect()
        }
        (Some(p), Direction::After) => {
            let b = if req.including {
                Bound::Included(p)
            } else {
                Bound::Excluded(p)
            };
            src.asc_above(b).filter(|k| keep(*k)).take(n).collect()
        }
        (Some(p), Direction::Around) => {
            let mut v: Vec<K> = src
                .desc_below(Bound::Excluded(p))
                .filter(|k| keep(*k))
                .take(n / 2)
                .collect();
            let rest = n - v.len();
            let lower = if req.including {
                Bound::Included(p)
            } else {
                Bound::Excluded(p)
            };
            v.extend(src.asc_above(lower).filter(|k| keep(*k)).take(rest));
            v
        }
    };
    items.sort_unstable();
    let (next_before, next_after) = match (items.first(), items.last()) {
        (Some(&lo), Some(&hi)) => (
            src.desc_below(Bound::Excluded(lo)).any(keep).then_some(lo),
            src.asc_above(Bound::Excluded(hi)).any(keep).then_some(hi),
        ),
        _ => (None, None),
    };
    if !req.asc {
        items.reverse();
    }
    Page {
        items,
        next_before,
        next_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_every_item_once_both_ways() {
        let set: BTreeSet<u64> = (1..=45).collect();
        let keep = |k: u64| !k.is_multiple_of(7);
        let mut seen = Vec::new();
        let mut req = PageReq {
            position: None,
            direction: Direction::Before,
            including: false,
            count: 10,
            asc: false,
        };
        loop {
            let page = paginate(&set, &keep, &req);
            seen.extend(page.items.iter().copied());
            match page.next_before {
                Some(p) => req.position = Some(p),
                None => break,
            }
        }
        let want: Vec<u64> = (1..=45).rev().filter(|k| keep(*k)).collect();
        assert_eq!(seen, want);

        let ids: Vec<u64> = (1..=45).collect();
        let src = ByKey {
            items: &ids,
            key: |k| *k,
        };
        let mut seen = Vec::new();
        let mut req = PageReq {
            position: None,
            direction: Direction::After,
            including: false,
            count: 20,
            asc: true,
        };
        loop {
            let page = paginate(&src, &|_| true, &req);
            seen.extend(page.items.iter().copied());
            match page.next_after {
                Some(p) => req.position = Some(p),
                None => break,
            }
        }
        assert_eq!(seen, ids);
    }
}
