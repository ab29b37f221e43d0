//! Carrot Quest's own retry rules, attached to every request this crate builds.
//!
//! Every Carrot answer is a `{meta, data}` envelope whose `meta.status` repeats the HTTP status,
//! and an error adds `meta.error` and `meta.error_message` (the vendor's `/webapi/exceptions`
//! page). The decoder already reads a 2xx answer whose `meta` reports an error as that error
//! ([`crate::envelope::decode_envelope`]); this module makes the retry layer read it the same way:
//!
//! * a 2xx whose `meta` is an error with status **429** is a refusal for rate limiting, re-sent
//!   like a real 429 (any request, after `Retry-After` if the answer has one);
//! * a 2xx whose `meta` is an error with a **5xx** status is a server error, subject to the same
//!   replay rule as a real 5xx (re-sent only when the endpoint is replay-safe);
//! * any other error in `meta` (a 4xx such as `ValidationError` or `LookupError`) is final.
//!
//! Carrot documents no rate-limit status, header or error name at all (only "2–3 requests per
//! second; bursts may get the token blocked"), so no error *name* is read as a refusal; only
//! the status decides. Real HTTP 429 and 5xx answers are left to the transport's generic rules.
//!
//! **Spent quota.** Carrot documents no daily quota and no code for one. Should it answer a
//! refusal (an HTTP 429, or a 429 in a 2xx `meta`) whose `meta.error` or `meta.error_message`
//! mentions "quota" ([`mentions_quota`]), that is read as [`Outcome::QuotaExhausted`]: the call
//! fails with [`Error::QuotaExhausted`] and a [`DailyQuota`](chatdesk_transport::DailyQuota)
//! configured for `"carrot"` is marked spent. Any other 429 stays a short refusal.
//!
//! The check costs one SIMD substring search for the `"meta"` key on every 2xx answer, and a
//! look inside that key's object; the envelope's `meta` is parsed only when the look says it may
//! be an error. Both rules live in one classifier for that reason: it reports `carrot_quota` when it
//! finds a spent quota and `carrot_meta_error` for any other error it decides.

use bytes::Bytes;
use chatdesk_model::carrot::Meta;
use chatdesk_transport::classify::{Classifier, Outcome, RetryRules, mentions_quota};
use chatdesk_transport::http::Response;
use chatdesk_transport::retry::retry_after_of;
use chatdesk_transport::{Error, parse_json};
use memchr::memmem;
use std::sync::LazyLock;

/// The key of the envelope's `meta`, where [`may_be_error`] looks.
const META_KEY: &[u8] = b"\"meta\"";
/// The key whose value [`may_be_error`] looks at inside a `meta`.
const STATUS_KEY: &[u8] = b"\"status\"";

/// The name of a decision on an error in the `meta` of a 2xx answer (a 429 or a 5xx there).
const META_ERROR: &str = "carrot_meta_error";
/// The name of a decision that the token's quota is spent (see the module docs).
const QUOTA: &str = "carrot_quota";

/// Carrot's envelope rules: an error reported in the `meta` of a 2xx answer, and a refusal
/// (HTTP 429, or 429 in a 2xx `meta`) whose error name or message mentions a quota.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EnvelopeRules;

impl Classifier for EnvelopeRules {
    fn name(&self) -> &'static str {
        META_ERROR
    }

    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        self.decide(attempt).map(|(outcome, _)| outcome)
    }

    fn decide(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<(Outcome, &'static str)> {
        let resp = attempt.as_ref().ok()?;
        let refused = resp.status().as_u16() == 429;
        let may_be_meta_error = resp.status().is_success() && may_be_error(resp.body());
        if !refused && !may_be_meta_error {
            return None;
        }
        let meta = meta_of(resp.body())?;
        let status = if refused { Some(429) } else { meta.status };
        if status == Some(429) {
            let name = meta.error.as_ref().map(|e| e.as_str());
            if [name, meta.error_message.as_deref()]
                .into_iter()
                .flatten()
                .any(mentions_quota)
            {
                return Some((Outcome::QuotaExhausted(retry_after_of(resp)), QUOTA));
            }
        }
        // A real 429 without a quota in it is the generic rules' business.
        if refused || !meta.is_error() {
            return None;
        }
        match status? {
            429 => Some((Outcome::RateLimited(retry_after_of(resp)), META_ERROR)),
            500..=599 => Some((Outcome::ServerError(retry_after_of(resp)), META_ERROR)),
            _ => None,
        }
    }
}

/// The `meta` of an envelope, when `body` is one.
fn meta_of(body: &[u8]) -> Option<Meta> {
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(default)]
        meta: Option<Meta>,
    }
    parse_json::<Head>(body).ok()?.meta
}

/// Whether `body` may carry an error `meta`: some `"meta"` key holds an object that names an
/// `error` key, or whose `"status"` holds a number (or numeric string) not starting with `2`.
/// False positives only cost a parse.
///
/// This runs on every 2xx answer, so it searches bytes with `memchr`'s SIMD substring finder
/// for the `"meta"` key only, and looks for the error signs inside that key's object, a few
/// bytes long, rather than in the whole body (where `data` may hold its own `error` and
/// `status` fields). Every `"meta"` is looked at, so one nested in `data` before the envelope's
/// own does not hide it. (Profiles of 2026-12-02 on a 1 kB answer: about 4,400 instructions
/// per call for the first text search, 2,700 per classifier for a hand-rolled byte scan, about
/// 1,700 for two SIMD searches of the whole body.)
///
/// First, though, it reads the body from its end: when the envelope's last member is `meta`
/// (as Carrot writes it, after `data`), that object is the envelope's own, the one the parse
/// would read, and only it is looked at: a few dozen bytes instead of the whole body. Any
/// other ending (another member last, a cut-short body, not an object) falls back to the
/// search.
fn may_be_error(body: &[u8]) -> bool {
    // The searchers are built once: building one costs about as much as a search.
    static META: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(META_KEY));
    static ERROR: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"\"error"));
    static STATUS: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(STATUS_KEY));
    let error_in = |meta: &[u8]| {
        ERROR.find(meta).is_some()
            || STATUS
                .find_iter(meta)
                .any(|at| status_may_be_error(&meta[at + STATUS_KEY.len()..]))
    };
    if let Some(meta) = trailing_meta(body) {
        return error_in(meta);
    }
    // Bytes, not text: a body that is not UTF-8 is searched the same way (the parse reads
    // `meta` from such a body too), with no pass over it to check its encoding.
    META.find_iter(body)
        .filter_map(|at| object_after_key(&body[at + META_KEY.len()..]))
        .any(error_in)
}

/// The object value of the last member of the JSON object `body`, when that member's key is
/// exactly `"meta"`: read backwards from the closing brace, so that only the member's own bytes
/// are read. `None` for any other ending.
///
/// The last value before an object's closing brace is its last member's, so in a body that is
/// one JSON object this `meta` is the envelope's own, not one nested in `data`. (A body that is
/// not valid JSON is not classified whatever this says: the parse that follows fails.)
fn trailing_meta(body: &[u8]) -> Option<&[u8]> {
    let last_value = body.trim_ascii_end().strip_suffix(b"}")?.trim_ascii_end();
    if !last_value.ends_with(b"}") {
        return None;
    }
    let open = opening_brace(last_value)?;
    let before = last_value[..open]
        .trim_ascii_end()
        .strip_suffix(b":")?
        .trim_ascii_end()
        .strip_suffix(META_KEY)?
        .trim_ascii_end();
    // The key opens the envelope, or follows another member.
    match before.last()? {
        b',' => Some(&last_value[open..]),
        b'{' if before.trim_ascii_start().len() == 1 => Some(&last_value[open..]),
        _ => None,
    }
}

/// Where the object ending `text` (its last byte is `}`) opens: braces counted backwards,
/// strings skipped (a quote escaped by an odd run of backslashes is inside the string).
fn opening_brace(text: &[u8]) -> Option<usize> {
    let escaped = |quote: usize| {
        text[..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count()
            % 2
            == 1
    };
    let mut depth = 0usize;
    let mut i = text.len();
    while i > 0 {
        i -= 1;
        match text[i] {
            b'}' => depth += 1,
            b'{' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            // The string's end: back to its opening quote.
            b'"' => loop {
                i = i.checked_sub(1)?;
                if text[i] == b'"' && !escaped(i) {
                    break;
                }
            },
            _ => {}
        }
    }
    None
}

/// The object that is the value after a key (`rest` starts after the key's closing quote):
/// from its `{` to its matching `}` (strings and nested objects skipped), or to the end of the
/// body when it is cut short. `None` when the value is not an object.
fn object_after_key(rest: &[u8]) -> Option<&[u8]> {
    let value = rest
        .trim_ascii_start()
        .strip_prefix(b":")?
        .trim_ascii_start();
    if !value.starts_with(b"{") {
        return None;
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in value.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(&value[..=i]);
                }
            }
            _ => {}
        }
    }
    Some(value)
}

/// Whether the value after a `"status"` key is a number (or numeric string) not starting
/// with `2`.
fn status_may_be_error(rest: &[u8]) -> bool {
    let Some(value) = rest.trim_ascii_start().strip_prefix(b":") else {
        return false;
    };
    let value = value.trim_ascii_start();
    let value = value.strip_prefix(b"\"").unwrap_or(value);
    value
        .first()
        .is_some_and(|&b| b.is_ascii_digit() && b != b'2')
}

/// Carrot's rules, consulted before the transport's generic ones.
pub(crate) static RULES: RetryRules = RetryRules::new(&[&EnvelopeRules]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CarrotClient;
    use chatdesk_transport::classify::classify;
    use chatdesk_transport::{Error, RateLimitScope, RetryConfig, Transport};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn answer(code: u16, body: &'static str) -> Result<Response<Bytes>, Error> {
        Ok(Response::builder()
            .status(code)
            .body(Bytes::from_static(body.as_bytes()))
            .unwrap())
    }

    const THROTTLED: &str =
        r#"{"meta":{"status":429,"error":"Throttled","error_message":"slow down"},"data":{}}"#;
    const BROKEN: &str = r#"{"data":{},"meta":{"status":"503"}}"#;
    const INVALID: &str = r#"{"meta":{"status":400,"error":"ValidationError"},"data":{}}"#;
    const FINE: &str = r#"{"meta":{"status":200},"data":{"id":1,"status":"opened"}}"#;
    const FINE_WITH_ERROR_FIELD: &str =
        r#"{"meta":{"status":200},"data":{"error":"none","status":404}}"#;

    #[test]
    fn errors_in_a_2xx_meta_are_classified_by_their_status() {
        for (code, body, outcome, by) in [
            (
                200,
                THROTTLED,
                Outcome::RateLimited(None),
                "carrot_meta_error",
            ),
            (200, BROKEN, Outcome::ServerError(None), "carrot_meta_error"),
            (200, INVALID, Outcome::Final, "fallback"),
            (200, FINE, Outcome::Final, "fallback"),
            // The words appear in `data`, but `meta` reports success: a parse, then no opinion.
            (200, FINE_WITH_ERROR_FIELD, Outcome::Final, "fallback"),
            (200, "not json", Outcome::Final, "fallback"),
            // Real statuses stay the generic rules' business.
            (429, THROTTLED, Outcome::RateLimited(None), "http_429"),
            (502, "<html>", Outcome::ServerError(None), "http_5xx"),
        ] {
            assert_eq!(
                classify(Some(&RULES), &answer(code, body)),
                (outcome, by),
                "{code} {body}"
            );
        }
    }

    /// A refusal whose error name or message mentions a quota is a spent quota, in a real 429
    /// or a 429 in a 2xx `meta`; other refusals and other errors are not.
    #[test]
    fn a_refusal_that_mentions_a_quota_is_a_spent_quota() {
        const SPENT: &str = r#"{"meta":{"status":429,"error":"TooManyRequests","error_message":"daily quota exceeded"},"data":{}}"#;
        const NAMED: &str = r#"{"meta":{"status":429,"error":"QuotaExceeded"},"data":{}}"#;
        const NOT_A_REFUSAL: &str = r#"{"meta":{"status":400,"error":"ValidationError","error_message":"quota"},"data":{}}"#;
        let spent = Outcome::QuotaExhausted(None);
        for (code, body, outcome, by) in [
            (429, SPENT, spent, "carrot_quota"),
            (200, SPENT, spent, "carrot_quota"),
            (429, NAMED, spent, "carrot_quota"),
            (429, THROTTLED, Outcome::RateLimited(None), "http_429"),
            (
                200,
                THROTTLED,
                Outcome::RateLimited(None),
                "carrot_meta_error",
            ),
            (400, NOT_A_REFUSAL, Outcome::Final, "fallback"),
            (200, NOT_A_REFUSAL, Outcome::Final, "fallback"),
            (429, "quota", Outcome::RateLimited(None), "http_429"),
        ] {
            assert_eq!(
                classify(Some(&RULES), &answer(code, body)),
                (outcome, by),
                "{code} {body}"
            );
        }
    }

    #[test]
    fn the_prefilter_only_lets_success_through_unparsed() {
        assert!(may_be_error(THROTTLED.as_bytes()));
        assert!(may_be_error(BROKEN.as_bytes()));
        assert!(may_be_error(br#"{"meta":{"status" : "429"}}"#));
        // Not UTF-8: searched as bytes all the same.
        assert!(!may_be_error(b"\xff"));
        assert!(may_be_error(
            b"{\"data\":\"\xff\",\"meta\":{\"status\":500}}"
        ));
        assert!(!may_be_error(FINE.as_bytes()));
        assert!(!may_be_error(br#"{"meta":{"status":201},"data":[]}"#));
        // `data`'s own fields are not the envelope's: no parse.
        assert!(!may_be_error(FINE_WITH_ERROR_FIELD.as_bytes()));
        assert!(!may_be_error(br#"{"data":{"error":"x","status":500}}"#));
        // A `meta` nested in `data` before the envelope's own does not hide it.
        assert!(may_be_error(
            br#"{"data":{"meta":{"status":200}},"meta":{"status":500}}"#
        ));
        // Nested objects and strings with braces or quotes inside `meta` are skipped over.
        assert!(may_be_error(
            br#"{"meta":{"page":{"next":"}"},"note":"a \"}\" b","error":"X"}}"#
        ));
        assert!(!may_be_error(
            br#"{"meta":{"page":{"status":"}"}},"status":200},"error":1}"#
        ));
        // A cut-short body still counts.
        assert!(may_be_error(br#"{"meta":{"status":503"#));
    }

    /// Read from its end, an envelope whose last member is `meta` yields that object, strings
    /// with braces and escaped quotes included; any other ending yields nothing (and the
    /// search runs instead).
    #[test]
    fn the_envelopes_own_meta_is_read_from_the_end() {
        let fixture = include_bytes!("../../model/tests/fixtures/carrot/conversations_get.json");
        let meta = trailing_meta(fixture).expect("the vendor's example ends with its meta");
        assert_eq!(
            meta.iter()
                .filter(|b| !b.is_ascii_whitespace())
                .copied()
                .collect::<Vec<_>>(),
            br#"{"status":200}"#
        );
        for (body, meta) in [
            (
                &br#"{"data":{},"meta":{"status":500}}"#[..],
                &br#"{"status":500}"#[..],
            ),
            (br#"{ "meta" : {"status":429} }"#, br#"{"status":429}"#),
            (
                br#"{"data":{"meta":{"status":500}},"meta":{"n":{"x":"}"},"e":"a \"}\" b\\"}}"#,
                br#"{"n":{"x":"}"},"e":"a \"}\" b\\"}"#,
            ),
        ] {
            assert_eq!(
                trailing_meta(body),
                Some(meta),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        for body in [
            &br#"{"meta":{"status":500},"data":{}}"#[..],
            br#"{"data":{"meta":{"status":500}}}"#,
            br#"{"data":{},"x\"meta":{"status":500}}"#,
            br#"{"data":{},"xmeta":{"status":500}}"#,
            br#"{"data":{},"meta":"x"}"#,
            br#"{"meta":{"status":503"#,
            br#"[{"meta":{}}]"#,
            b"}",
            b"",
        ] {
            assert_eq!(
                trailing_meta(body),
                None,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        // The end decides alone only when it is the envelope's meta: an error there is found,
        // and a `meta` first is still searched.
        assert!(may_be_error(
            br#"{"data":{"meta":{"status":500}},"meta":{"status":200,"error":"X"}}"#
        ));
        assert!(may_be_error(
            br#"{"meta":{"status":500},"data":{"meta":{"status":200}}}"#
        ));
        assert!(!may_be_error(
            br#"{"data":{"meta":{"status":500}},"meta":{"status":200}}"#
        ));
    }

    /// The search finds a key wherever it falls: at the start, across the finder's 32-byte
    /// blocks, in the last bytes, whatever padding comes before it.
    #[test]
    fn the_prefilter_finds_a_key_at_every_offset() {
        for pad in 0..100 {
            let spaces = " ".repeat(pad);
            for (body, expected) in [
                (THROTTLED, true),
                (BROKEN, true),
                (INVALID, true),
                (FINE, false),
                (r#"{"meta":{"status" :  "5"}}"#, true),
                (r#"{"data":{"sent":1,"status":"opened"}}"#, false),
                (r#"{"data":{},"meta":{"status":404}}"#, true),
                (r#"{"data":{},"meta":{"status":204}}"#, false),
            ] {
                let padded = format!("{spaces}{body}");
                assert_eq!(may_be_error(padded.as_bytes()), expected, "{padded}");
                // The key in the very last bytes of the answer.
                let tail = format!("{spaces}{}", &body[..body.len() - 2]);
                assert_eq!(may_be_error(tail.as_bytes()), expected, "{tail}");
            }
            // An `error` key in the last bytes of a cut-short `meta`; outside one, no look.
            assert!(may_be_error(
                format!("{spaces}{{\"meta\":{{\"error").as_bytes()
            ));
            assert!(!may_be_error(format!("{spaces}\"error").as_bytes()));
            assert!(!may_be_error(
                format!("{spaces}{{\"meta\":{{\"statu").as_bytes()
            ));
        }
    }

    /// The test kit's scripted server, at this client's base path.
    async fn script(steps: Vec<(u16, &'static str)>) -> (String, Arc<AtomicUsize>) {
        chatdesk_sim::testkit::scripted_server(steps, "/").await
    }

    fn client(url: &str) -> CarrotClient {
        let retry = RetryConfig {
            base_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(2),
            ..RetryConfig::default()
        };
        CarrotClient::builder()
            .token("app.1.test-secret")
            .base_url(url)
            .quota(None)
            .transport(Transport::builder().retry(retry).build())
            .build()
            .unwrap()
    }

    /// Over loopback: a 200 whose `meta` says 429 is re-sent even for a POST, when the request
    /// carries Carrot's rules (as every request this crate builds does); without them it is an
    /// ordinary 200.
    #[tokio::test]
    async fn a_meta_429_in_a_200_is_retried_as_a_refusal_only_with_the_rules() {
        let (url, hits) = script(vec![(200, THROTTLED), (200, FINE)]).await;
        let carrot = client(&url);
        let req = carrot.conversation(1_u64).reply("hi").to_request().unwrap();
        assert_eq!(req.method(), "POST");
        assert!(RetryRules::of(&req).is_some(), "to_request attaches them");
        let resp = carrot.transport().send(req).await.unwrap();
        assert_eq!(resp.body().as_ref(), FINE.as_bytes());
        assert_eq!(hits.load(Ordering::SeqCst), 2);

        let (url, hits) = script(vec![(200, THROTTLED), (200, FINE)]).await;
        let carrot = client(&url);
        let mut bare = carrot.conversation(1_u64).reply("hi").to_request().unwrap();
        bare.extensions_mut().remove::<RetryRules>();
        let resp = carrot.transport().send(bare).await.unwrap();
        assert_eq!(resp.body().as_ref(), THROTTLED.as_bytes());
        assert_eq!(hits.load(Ordering::SeqCst), 1);
    }

    /// When the retries run out on a `meta` 429, the error is a server refusal reported with
    /// status 429 (what the body said), not the 200 it arrived in.
    #[tokio::test]
    async fn a_meta_429_left_unanswered_is_a_server_refusal_with_status_429() {
        let (url, hits) = script(vec![(200, THROTTLED), (200, THROTTLED)]).await;
        let retry = RetryConfig {
            max_attempts: 2,
            base_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(2),
            ..RetryConfig::default()
        };
        let carrot = CarrotClient::builder()
            .token("app.1.test-secret")
            .base_url(&url)
            .quota(None)
            .transport(Transport::builder().retry(retry).build())
            .build()
            .unwrap();
        let err = carrot.conversation(1_u64).reply("hi").await.unwrap_err();
        assert_eq!(hits.load(Ordering::SeqCst), 2);
        assert!(
            matches!(
                err,
                Error::RateLimited {
                    scope: RateLimitScope::Server,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    }

    /// A 200 whose `meta` says 503 follows the 5xx replay rule: a GET is re-sent, a POST is not,
    /// and the POST's error says who decided and that it is retryable.
    #[tokio::test]
    async fn a_meta_5xx_in_a_200_is_resent_only_when_replay_safe() {
        let (url, hits) = script(vec![(200, BROKEN), (200, FINE)]).await;
        let carrot = client(&url);
        let req = carrot.conversation(1_u64).get().to_request().unwrap();
        assert_eq!(req.method(), "GET");
        let resp = carrot.transport().send(req).await.unwrap();
        assert_eq!(resp.body().as_ref(), FINE.as_bytes());
        assert_eq!(hits.load(Ordering::SeqCst), 2);

        let (url, hits) = script(vec![(200, BROKEN), (200, FINE)]).await;
        let err = client(&url)
            .conversation(1_u64)
            .reply("hi")
            .await
            .unwrap_err();
        assert_eq!(
            hits.load(Ordering::SeqCst),
            1,
            "a POST that may have applied"
        );
        let Error::Api(api) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(api.status.as_u16(), 503);
        assert_eq!(
            api.attempts.map(|a| (a.outcome(), a.classifier())),
            Some((Outcome::ServerError(None), "carrot_meta_error"))
        );
        assert!(err.is_retryable());
    }
}
