//! Calendar dates in the ISO-8601 / RFC 3339 forms the Crisp API answers and accepts, on
//! [`jiff`] (UTC only: no time-zone database is compiled in).

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// Epoch milliseconds as an ISO-8601 UTC string with milliseconds
/// (`2026-01-01T00:00:00.000Z`). Outside jiff's range (years -9999 to 9999) the nearest
/// representable instant is written.
pub(crate) fn iso(ms: i64) -> String {
    let ts = Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    ts.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Parses an RFC 3339 instant (`2026-01-01T00:00:00Z`, `…T00:00:00.250+02:00`), a date and
/// time without an offset (read as UTC) or a bare date (UTC midnight) to epoch milliseconds.
pub(crate) fn parse_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Some(ts.as_millisecond());
    }
    let civil = s.parse::<DateTime>().ok()?;
    TimeZone::UTC
        .to_timestamp(civil)
        .ok()
        .map(Timestamp::as_millisecond)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The values below are what the hand-written calendar code answered before jiff.

    #[test]
    fn iso_writes_utc_with_milliseconds() {
        assert_eq!(iso(1_767_225_600_000), "2026-01-01T00:00:00.000Z");
        assert_eq!(iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso(951_827_696_123), "2000-02-29T12:34:56.123Z");
        assert_eq!(iso(1_709_164_800_000), "2024-02-29T00:00:00.000Z");
    }

    #[test]
    fn iso_never_panics_out_of_range() {
        // jiff's range ends a little inside the years ±9999.
        assert!(iso(i64::MAX).starts_with("9999-12-"), "{}", iso(i64::MAX));
        assert!(iso(i64::MIN).starts_with("-9999-01-"), "{}", iso(i64::MIN));
    }

    #[test]
    fn parse_reads_instants_dates_and_unzoned_times() {
        assert_eq!(parse_ms("2026-01-01T00:00:00Z"), Some(1_767_225_600_000));
        assert_eq!(
            parse_ms("2026-01-01T00:00:00.250Z"),
            Some(1_767_225_600_250)
        );
        assert_eq!(parse_ms("2026-01-01"), Some(1_767_225_600_000));
        assert_eq!(parse_ms("2026-01-01T00:00:00"), Some(1_767_225_600_000));
        assert_eq!(parse_ms("2000-02-29T12:34:56Z"), Some(951_827_696_000));
        // An offset is honoured (the old code rejected it).
        assert_eq!(
            parse_ms("2026-01-01T02:00:00+02:00"),
            Some(1_767_225_600_000)
        );
    }

    #[test]
    fn parse_rejects_what_is_not_a_date() {
        for bad in [
            "",
            "nope",
            "2026-13-01",
            "2026-01-32",
            "2026-02-31",
            "2026-01-01T25:00:00Z",
            "1767225600",
        ] {
            assert_eq!(parse_ms(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_and_iso_round_trip() {
        for ms in [0, 1_767_225_600_000, 951_827_696_123, -86_400_001] {
            assert_eq!(parse_ms(&iso(ms)), Some(ms));
        }
    }
}
