//! Time arithmetic of the limiter: GCRA slots and overflow-safe instants.

use super::Quota;
use std::time::Duration;
use tokio::time::Instant;

/// About thirty years: where an instant lands when the wait asked for does not fit in one.
const FAR_FUTURE: Duration = Duration::from_secs(86_400 * 365 * 30);

/// `t + d`, or a far-off instant when that overflows (`Instant + Duration` panics there).
pub(super) fn later(t: Instant, d: Duration) -> Instant {
    t.checked_add(d)
        .or_else(|| t.checked_add(FAR_FUTURE))
        .unwrap_or(t)
}

/// GCRA: with theoretical arrival time `tat`, the earliest a request may start, and the tat
/// to build on.
pub(super) fn gcra_start(tat: Option<&Instant>, q: &Quota, now: Instant) -> (Instant, Instant) {
    let tat = tat.copied().unwrap_or(now).max(now);
    // `Quota`'s fields are public: a zero burst or a huge interval must not overflow.
    let tolerance = q.interval.saturating_mul(q.burst.saturating_sub(1));
    let earliest = tat.checked_sub(tolerance).unwrap_or(now).max(now);
    (earliest, tat)
}
