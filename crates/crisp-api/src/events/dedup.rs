//! A bounded memory of the event identities seen recently.

use chatdesk_model::crisp::webhook::EventIdentity;
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Remembers the identities ([`EventIdentity`]) of the last `capacity` events for `ttl`, to let
/// each event through once although Crisp retries hooks and RTM and hooks overlap.
///
/// Memory is bounded by `capacity`. When it is reached the oldest identity is forgotten early,
/// so a very late duplicate may pass: it errs on delivering twice, never on losing an event.
/// Choose `ttl` to cover how long Crisp keeps retrying a hook you may have answered late, and no
/// longer: two *different* events with the same identity (equal data, no fingerprint, such as a
/// conversation set to `resolved` twice) within `ttl` are taken as one.
///
/// ```
/// use chatdesk_crisp_api::events::Dedup;
/// use chatdesk_crisp_api::model::webhook::Event;
/// use std::time::{Duration, Instant};
///
/// let event = Event::from_parts("message:send", serde_json::json!({
///     "website_id": "w", "session_id": "s", "fingerprint": 42, "content": "hi",
/// })).unwrap();
/// let mut seen = Dedup::new(1024, Duration::from_secs(600));
/// let now = Instant::now();
/// assert!(seen.first_seen(&event.identity(), now));
/// assert!(!seen.first_seen(&event.identity(), now + Duration::from_secs(1)));
/// assert!(seen.first_seen(&event.identity(), now + Duration::from_secs(601)));
/// ```
#[derive(Debug, Clone)]
pub struct Dedup {
    capacity: usize,
    ttl: Duration,
    seen: HashMap<EventIdentity, Instant>,
    order: VecDeque<(EventIdentity, Instant)>,
}

impl Dedup {
    /// Remembers up to `capacity` identities (at least 1) for `ttl` each.
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        let capacity = capacity.max(1);
        Dedup {
            capacity,
            ttl,
            seen: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// Whether `identity` is new at `now` (not seen within `ttl`); it is remembered from `now`
    /// if so. A duplicate does not extend the window.
    pub fn first_seen(&mut self, identity: &EventIdentity, now: Instant) -> bool {
        self.expire(now);
        if self
            .seen
            .get(identity)
            .is_some_and(|at| now.saturating_duration_since(*at) < self.ttl)
        {
            return false;
        }
        while self.order.len() >= self.capacity {
            self.pop_oldest();
        }
        self.seen.insert(identity.clone(), now);
        self.order.push_back((identity.clone(), now));
        true
    }

    /// How many identities are remembered (at most `capacity`).
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether no identity is remembered.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    fn expire(&mut self, now: Instant) {
        while self
            .order
            .front()
            .is_some_and(|(_, at)| now.saturating_duration_since(*at) >= self.ttl)
        {
            self.pop_oldest();
        }
    }

    fn pop_oldest(&mut self) {
        if let Some((identity, at)) = self.order.pop_front() {
            // Only the entry this one put there: a later sighting (after a expiry) keeps its own.
            if self.seen.get(&identity) == Some(&at) {
                self.seen.remove(&identity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatdesk_model::crisp::webhook::Event;
    use serde_json::json;

    fn state(session: &str) -> EventIdentity {
        Event::from_parts(
            "session:set_state",
            json!({"website_id": "w", "session_id": session, "state": "resolved"}),
        )
        .unwrap()
        .identity()
    }

    #[test]
    fn capacity_bounds_memory_and_forgets_the_oldest_first() {
        let mut seen = Dedup::new(2, Duration::from_secs(60));
        let now = Instant::now();
        assert!(seen.first_seen(&state("a"), now));
        assert!(seen.first_seen(&state("b"), now));
        assert!(seen.first_seen(&state("c"), now));
        assert_eq!(seen.len(), 2);
        // `a` was forgotten to make room: a late duplicate of it passes (twice, never lost).
        assert!(seen.first_seen(&state("a"), now));
        assert!(!seen.first_seen(&state("c"), now));
        assert!(!seen.first_seen(&state("a"), now));
        assert_eq!(seen.len(), 2);
    }

    #[test]
    fn an_identity_seen_again_after_its_window_is_new_and_kept_once() {
        let mut seen = Dedup::new(8, Duration::from_secs(10));
        let t0 = Instant::now();
        assert!(seen.first_seen(&state("a"), t0));
        assert!(!seen.first_seen(&state("a"), t0 + Duration::from_secs(9)));
        assert!(seen.first_seen(&state("a"), t0 + Duration::from_secs(10)));
        assert_eq!(seen.len(), 1);
        assert!(!seen.first_seen(&state("a"), t0 + Duration::from_secs(19)));
        assert!(seen.first_seen(&state("b"), t0 + Duration::from_secs(40)));
        assert_eq!(seen.len(), 1, "expired entries are dropped");
    }
}
