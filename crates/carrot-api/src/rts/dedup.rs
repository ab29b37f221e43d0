//! The ids of the most recent messages delivered, so that a message the server sends again
//! after a reconnect (a replay that overlaps what was already delivered) is recognised.

use std::collections::{HashSet, VecDeque};

/// A bounded set of recent ids: remembers the last `capacity` ids, forgetting the oldest first.
#[derive(Debug)]
pub(crate) struct RecentIds {
    set: HashSet<String>,
    order: VecDeque<String>,
    capacity: usize,
}

impl RecentIds {
    pub(crate) fn new(capacity: usize) -> RecentIds {
        let capacity = capacity.max(1);
        RecentIds {
            set: HashSet::with_capacity(capacity.min(4096)),
            order: VecDeque::with_capacity(capacity.min(4096)),
            capacity,
        }
    }

    /// Records `id`; `false` when it was already there (a duplicate).
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        if self.set.contains(id) {
            return false;
        }
        if self.order.len() == self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.set.remove(&oldest);
        }
        self.set.insert(id.to_owned());
        self.order.push_back(id.to_owned());
        true
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_a_bounded_window() {
        let mut ids = RecentIds::new(3);
        assert!(ids.insert("1"));
        assert!(!ids.insert("1"));
        for id in ["2", "3", "4"] {
            assert!(ids.insert(id));
        }
        assert_eq!(ids.len(), 3);
        // "1" fell out of the window; "2".."4" are still known.
        assert!(!ids.insert("4"));
        assert!(ids.insert("1"));
        assert!(ids.set.len() == 3 && !ids.set.contains("2"));
    }
}
