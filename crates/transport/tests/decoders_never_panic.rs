//! Property tests over the transport's public decoders: `decode_json` / `parse_json` (every
//! answer body goes through them) and `parse_retry_after` (every 429/420 and 503).
//!
//! The crate has no property-testing dependency, so the cases come from `fastrand` (already a
//! dependency) with a fixed seed per property, the failing input in the message. The number of
//! cases per property is `PROPTEST_CASES` (as for the proptest files elsewhere; default 256), so
//! `cargo xtask fuzz` runs these with many more.

use bytes::Bytes;
use chatdesk_transport::http::{HeaderMap, HeaderValue, header::RETRY_AFTER};
use chatdesk_transport::retry::parse_retry_after;
use chatdesk_transport::{Error, decode_json, parse_json};
use serde::Deserialize;
use serde_json::Value;
use std::time::{Duration, SystemTime};

fn cases() -> u64 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// Runs `property` on `cases()` random inputs from `seed`.
fn check(seed: u64, mut property: impl FnMut(&mut fastrand::Rng)) {
    let mut rng = fastrand::Rng::with_seed(seed);
    for _ in 0..cases() {
        property(&mut rng);
    }
}

/// A random JSON value without floats (serde_json's default float parsing is not exact).
fn json(rng: &mut fastrand::Rng, depth: u32) -> Value {
    let leaf = depth == 0 || rng.u8(..3) == 0;
    if leaf {
        return match rng.u8(..6) {
            0 => Value::Null,
            1 => Value::Bool(rng.bool()),
            2 => Value::from(rng.i64(..)),
            3 => Value::from(rng.u64(..)),
            4 => Value::String((0..rng.usize(..12)).map(|_| rng.char(' '..='~')).collect()),
            _ => Value::String((0..rng.usize(..6)).map(|_| rng.char(..)).collect()),
        };
    }
    let n = rng.usize(..6);
    if rng.bool() {
        Value::Array((0..n).map(|_| json(rng, depth - 1)).collect())
    } else {
        Value::Object(
            (0..n)
                .map(|_| {
                    let key = ["a", "b", "items", "id", "name"][rng.usize(..5)].to_owned();
                    (key, json(rng, depth - 1))
                })
                .collect(),
        )
    }
}

/// Bytes that are often almost JSON: a document cut short or with one byte changed, or noise.
fn bytes(rng: &mut fastrand::Rng) -> Vec<u8> {
    if rng.bool() {
        return (0..rng.usize(..256)).map(|_| rng.u8(..)).collect();
    }
    let mut raw = serde_json::to_vec(&json(rng, 4)).unwrap_or_default();
    if !raw.is_empty() {
        let i = rng.usize(..raw.len());
        if rng.bool() {
            raw.truncate(i);
        } else {
            raw[i] = rng.u8(..);
        }
    }
    raw
}

#[derive(Debug, Deserialize, PartialEq)]
#[allow(dead_code)]
struct Typed {
    items: Vec<Item>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[allow(dead_code)]
struct Item {
    id: u64,
    name: Option<String>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Borrowed<'a> {
    #[serde(borrow)]
    name: Option<&'a str>,
}

#[test]
fn arbitrary_bytes_never_panic_the_json_decoders_and_fail_as_decode_errors() {
    check(1, |rng| {
        let raw = bytes(rng);
        let body = Bytes::from(raw.clone());
        for result in [
            decode_json::<Value>(&body).map(drop),
            decode_json::<Typed>(&body).map(drop),
        ] {
            match result {
                Ok(()) | Err(Error::Decode { .. }) => {}
                Err(other) => panic!("{raw:?}: not a decode error: {other:?}"),
            }
        }
        let _ = parse_json::<Value>(&raw);
        let _ = parse_json::<Borrowed<'_>>(&raw);
    });
}

#[test]
fn valid_json_decodes_to_the_value_it_encodes() {
    check(2, |rng| {
        let v = json(rng, 4);
        let raw = serde_json::to_vec(&v).unwrap_or_default();
        let decoded = decode_json::<Value>(&Bytes::from(raw.clone()));
        assert_eq!(decoded.ok().as_ref(), Some(&v), "{v}");
        assert_eq!(parse_json::<Value>(&raw).ok().as_ref(), Some(&v), "{v}");
    });
}

#[test]
fn a_decode_error_names_the_field_that_failed() {
    check(3, |rng| {
        let n = rng.usize(1..6);
        let bad = rng.usize(..n);
        let items: Vec<Value> = (0..n)
            .map(|i| {
                if i == bad {
                    serde_json::json!({"id": "not a number"})
                } else {
                    serde_json::json!({"id": rng.u64(..)})
                }
            })
            .collect();
        let body = Bytes::from(
            serde_json::to_vec(&serde_json::json!({"items": items})).unwrap_or_default(),
        );
        match decode_json::<Typed>(&body) {
            Err(Error::Decode { path, .. }) => assert_eq!(path, format!("items[{bad}].id")),
            other => panic!("{other:?}"),
        }
    });
}

fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let mut headers = HeaderMap::new();
    headers.insert(RETRY_AFTER, HeaderValue::from_str(value).ok()?);
    parse_retry_after(&headers, now)
}

#[test]
fn retry_after_never_panics_and_reads_seconds_and_dates() {
    // A whole second, so that an HTTP date (second precision) is exact.
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    check(4, |rng| {
        // Noise: any visible ASCII, including numbers out of range and half-dates.
        let noise: String = (0..rng.usize(..40)).map(|_| rng.char(' '..='~')).collect();
        let _ = retry_after(&noise, now);
        let big = format!("{}e{}", rng.u32(..), rng.u32(..400));
        let _ = retry_after(&big, now);

        // Any count of seconds parses without panicking; a short one reads exactly (a long one
        // may be capped where it is used).
        let _ = retry_after(&rng.u64(..).to_string(), now);
        let secs = rng.u64(..60);
        assert_eq!(
            retry_after(&secs.to_string(), now),
            Some(Duration::from_secs(secs))
        );

        let ahead = rng.u64(..60);
        let future = httpdate::fmt_http_date(now + Duration::from_secs(ahead));
        assert_eq!(
            retry_after(&future, now),
            Some(Duration::from_secs(ahead)),
            "{future}"
        );
        let past = httpdate::fmt_http_date(now - Duration::from_secs(ahead));
        assert_eq!(retry_after(&past, now), Some(Duration::ZERO), "{past}");
    });
}
