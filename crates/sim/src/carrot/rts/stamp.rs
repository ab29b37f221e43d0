//! Where a message sits in the stream: its `time` (an HTTP date, whole seconds) and its `tag` (a
//! counter within that second), as the push-stream server behind RTS numbers its messages, and
//! the resume point a reconnecting client passes back (`?tag=…&time=…`).
//!
//! The simulator keeps one clock for all channels, so `(time, tag)` orders every message it ever
//! published: the first message of a second has tag 1, the next in the same second 2, and so on;
//! the clock never goes back (a message is never stamped before the previous one).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `(time, tag)`, ordered by time then tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Stamp {
    /// Seconds since the Unix epoch.
    pub time: u64,
    /// Counter within `time`, from 1.
    pub tag: u64,
}

impl Stamp {
    /// `time` as an HTTP date (`Wed, 02 Dec 2026 01:00:00 GMT`).
    pub(crate) fn http_date(self) -> String {
        httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(self.time))
    }
}

/// The stamps handed out, one after another.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    last: Stamp,
}

impl Clock {
    /// The stamp of the next message published at wall-clock second `now`.
    pub(crate) fn next(&mut self, now: u64) -> Stamp {
        self.last = if now > self.last.time {
            Stamp { time: now, tag: 1 }
        } else {
            Stamp {
                time: self.last.time,
                tag: self.last.tag + 1,
            }
        };
        self.last
    }
}

/// The wall clock in whole seconds.
pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The resume point of a connection from its decoded `time` and `tag` parameters: `None` without
/// `time` (only new messages); with `time` alone, tag 0 (every message of that second on).
pub(crate) fn resume_point(
    time: Option<&str>,
    tag: Option<&str>,
) -> Result<Option<Stamp>, &'static str> {
    let Some(time) = time else {
        return match tag {
            None => Ok(None),
            Some(_) => Err("`tag` was given without `time`"),
        };
    };
    let at = httpdate::parse_http_date(time.trim())
        .map_err(|_| "`time` should be an HTTP date (`Wed, 02 Dec 2026 01:00:00 GMT`)")?;
    let secs = at
        .duration_since(UNIX_EPOCH)
        .map_err(|_| "`time` is before 1970")?
        .as_secs();
    let tag = match tag {
        None => 0,
        Some(t) => t
            .trim()
            .parse::<u64>()
            .map_err(|_| "`tag` should be a non-negative integer")?,
    };
    Ok(Some(Stamp { time: secs, tag }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_within_a_second_and_never_goes_back() {
        let mut c = Clock::default();
        assert_eq!(c.next(100), Stamp { time: 100, tag: 1 });
        assert_eq!(c.next(100), Stamp { time: 100, tag: 2 });
        // The wall clock stepped back: the stream does not.
        assert_eq!(c.next(99), Stamp { time: 100, tag: 3 });
        assert_eq!(c.next(101), Stamp { time: 101, tag: 1 });
    }

    #[test]
    fn reads_back_what_it_writes() {
        let s = Stamp {
            time: 1_796_173_200,
            tag: 7,
        };
        let date = s.http_date();
        assert!(date.ends_with(" GMT"), "{date}");
        assert_eq!(resume_point(Some(&date), Some("7")), Ok(Some(s)));
        assert_eq!(
            resume_point(Some(&date), None),
            Ok(Some(Stamp { tag: 0, ..s }))
        );
        assert_eq!(resume_point(None, None), Ok(None));
        assert!(resume_point(None, Some("1")).is_err());
        assert!(resume_point(Some("yesterday"), None).is_err());
        assert!(resume_point(Some(&date), Some("x")).is_err());
    }
}
