//! Crisp's own retry rules, attached to every request this crate builds.
//!
//! The transport's generic classifiers ([`chatdesk_transport::classify`]) know 429, 5xx,
//! connection failures and timeouts. Crisp adds one status of its own: its rate-limits guide
//! says that a limited request is answered **429 Too Many Requests or 420 Enhance Your Calm**,
//! so a 420 is a refusal of a request the server did not process, re-sent like a 429 (after
//! `Retry-After` when one is sent, which Crisp does not document). The rules travel with each
//! request in a [`RetryRules`] extension, so a transport shared with another vendor applies them
//! to Crisp's requests only.
//!
//! **Spent daily quota.** Crisp's guide says only that a plugin token's quota is "reset daily"
//! and that a spent one gives "quota limit errors"; it documents no code for them, and no
//! official client tells them apart. The rule chosen here is conservative: a 429 or 420 whose
//! `reason` or `data.message` mentions "quota" ([`mentions_quota`]) is
//! [`Outcome::QuotaExhausted`], so the call fails with [`Error::QuotaExhausted`] and the rate
//! limiter marks the token's daily budget spent (until the answer's `Retry-After`, else the
//! quota's reset); any other 429 or 420 stays a short refusal.

use bytes::Bytes;
use chatdesk_transport::Error;
use chatdesk_transport::classify::{Classifier, Outcome, RetryRules, mentions_quota};
use chatdesk_transport::http::Response;
use chatdesk_transport::retry::retry_after_of;

/// `420 Enhance Your Calm`: Crisp's second rate-limit status, a refusal like 429. Name:
/// `"crisp_420"`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EnhanceYourCalm;

impl Classifier for EnhanceYourCalm {
    fn name(&self) -> &'static str {
        "crisp_420"
    }

    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        let resp = attempt.as_ref().ok()?;
        (resp.status().as_u16() == 420).then(|| Outcome::RateLimited(retry_after_of(resp)))
    }
}

/// A 429 or 420 whose `reason` or `data.message` mentions a quota: the token's daily quota is
/// spent (see the module docs). Name: `"crisp_quota"`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct QuotaSpent;

impl Classifier for QuotaSpent {
    fn name(&self) -> &'static str {
        "crisp_quota"
    }

    fn classify(&self, attempt: &Result<Response<Bytes>, Error>) -> Option<Outcome> {
        let resp = attempt
            .as_ref()
            .ok()
            .filter(|r| matches!(r.status().as_u16(), 420 | 429))?;
        let (reason, message) = crate::envelope::reason_and_message(resp.body());
        [reason, message]
            .iter()
            .flatten()
            .any(|text| mentions_quota(text))
            .then(|| Outcome::QuotaExhausted(retry_after_of(resp)))
    }
}

/// Crisp's rules, consulted before the transport's generic ones.
pub(crate) static RULES: RetryRules = RetryRules::new(&[&QuotaSpent, &EnhanceYourCalm]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Credentials, CrispClient, Tier};
    use chatdesk_transport::classify::classify;
    use chatdesk_transport::{RetryConfig, Transport};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn answer(code: u16, retry_after: Option<&str>) -> Result<Response<Bytes>, Error> {
        let mut resp = Response::builder().status(code);
        if let Some(wait) = retry_after {
            resp = resp.header("retry-after", wait);
        }
        Ok(resp.body(Bytes::new()).unwrap())
    }

    #[test]
    fn a_420_is_a_refusal_and_nothing_else_changes() {
        assert_eq!(
            classify(Some(&RULES), &answer(420, None)),
            (Outcome::RateLimited(None), "crisp_420")
        );
        assert_eq!(
            classify(Some(&RULES), &answer(420, Some("3"))),
            (
                Outcome::RateLimited(Some(Duration::from_secs(3))),
                "crisp_420"
            )
        );
        // The generic chain still decides the rest.
        for (code, outcome, by) in [
            (429, Outcome::RateLimited(None), "http_429"),
            (503, Outcome::ServerError(None), "http_5xx"),
            (422, Outcome::Final, "fallback"),
            (200, Outcome::Final, "fallback"),
        ] {
            assert_eq!(classify(Some(&RULES), &answer(code, None)), (outcome, by));
        }
        assert_eq!(EnhanceYourCalm.classify(&Err(Error::invalid("x"))), None);
    }

    /// The test kit's scripted server, at this client's base path.
    async fn script(steps: Vec<(u16, &'static str)>) -> (String, Arc<AtomicUsize>) {
        chatdesk_sim::testkit::scripted_server(steps, "/v1").await
    }

    fn client(url: &str, retry: RetryConfig) -> CrispClient {
        CrispClient::builder()
            .credentials(Credentials::new("id", "key", Tier::Plugin))
            .base_url(url)
            .transport(Transport::builder().retry(retry).build())
            .build()
            .unwrap()
    }

    fn fast(max_attempts: u32) -> RetryConfig {
        RetryConfig {
            max_attempts,
            base_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(2),
            ..RetryConfig::default()
        }
    }

    const REFUSED: &str = r#"{"error":true,"reason":"rate_limited","data":{}}"#;
    const OK: &str = r#"{"error":false,"reason":"resolved","data":{}}"#;

    /// Over loopback: the request a Crisp call builds carries the rules, and its 420 is re-sent
    /// (a POST, so only a refusal allows it); the same request without them is not.
    #[tokio::test]
    async fn a_420_is_retried_only_with_the_crisp_rules_attached() {
        let (url, hits) = script(vec![(420, REFUSED), (200, OK)]).await;
        let crisp = client(&url, fast(3));
        let call = crisp.website("w").conversations().create();
        let req = call.to_request().unwrap();
        assert_eq!(req.method(), "POST");
        assert!(RetryRules::of(&req).is_some(), "to_request attaches them");
        let resp = crisp.transport().send(req).await.unwrap();
        assert_eq!(resp.status(), 200);
        assert_eq!(hits.load(Ordering::SeqCst), 2);

        let (url, hits) = script(vec![(420, REFUSED), (200, OK)]).await;
        let crisp = client(&url, fast(3));
        let mut bare = crisp
            .website("w")
            .conversations()
            .create()
            .to_request()
            .unwrap();
        bare.extensions_mut().remove::<RetryRules>();
        let resp = crisp.transport().send(bare).await.unwrap();
        assert_eq!(
            resp.status(),
            420,
            "without the rules a 420 is an ordinary 4xx"
        );
        assert_eq!(hits.load(Ordering::SeqCst), 1);
    }

    /// A 420 that the transport could not re-send (here: no retry budget at all) reaches the
    /// caller as an API error that still says it is retryable, from the classifier's verdict.
    #[tokio::test]
    async fn a_420_handed_back_is_a_retryable_error() {
        let (url, hits) = script(vec![(420, REFUSED)]).await;
        let no_budget = RetryConfig {
            budget_min_per_sec: 0,
            budget_percent: 0.0,
            ..fast(3)
        };
        let err = client(&url, no_budget)
            .website("w")
            .conversations()
            .create()
            .await
            .unwrap_err();
        assert_eq!(hits.load(Ordering::SeqCst), 1);
        let Error::Api(api) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(api.status.as_u16(), 420);
        assert_eq!(api.attempts.map(|a| a.classifier()), Some("crisp_420"));
        assert!(err.is_retryable());
        // On the last allowed attempt the refusal is reported as one.
        let (url, _) = script(vec![(420, REFUSED)]).await;
        let err = client(&url, fast(1))
            .website("w")
            .conversations()
            .create()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
        // Reported with the status the server sent, not as a 429.
        assert_eq!(err.status().map(|s| s.as_u16()), Some(420), "{err:?}");
    }

    const QUOTA: &str =
        r#"{"error":true,"reason":"rate_limited","data":{"message":"daily quota exceeded"}}"#;

    fn answer_with(
        code: u16,
        body: &'static str,
        retry_after: Option<&str>,
    ) -> Result<Response<Bytes>, Error> {
        let mut resp = Response::builder().status(code);
        if let Some(wait) = retry_after {
            resp = resp.header("retry-after", wait);
        }
        Ok(resp.body(Bytes::from_static(body.as_bytes())).unwrap())
    }

    /// A refusal that mentions a quota, in its reason or its message, is a spent quota; any
    /// other refusal, and a non-refusal that mentions one, is not.
    #[test]
    fn a_refusal_that_mentions_a_quota_is_a_spent_quota() {
        let quota_reason = r#"{"error":true,"reason":"quota_limit","data":{}}"#;
        let invalid =
            r#"{"error":true,"reason":"invalid_data","data":{"message":"quota must be a number"}}"#;
        let spent = |d| Outcome::QuotaExhausted(d);
        for (code, body, retry_after, outcome, by) in [
            (429, QUOTA, None, spent(None), "crisp_quota"),
            (420, QUOTA, None, spent(None), "crisp_quota"),
            (
                429,
                quota_reason,
                Some("60"),
                spent(Some(Duration::from_secs(60))),
                "crisp_quota",
            ),
            (429, REFUSED, None, Outcome::RateLimited(None), "http_429"),
            (420, REFUSED, None, Outcome::RateLimited(None), "crisp_420"),
            (
                420,
                "<html>quota</html>",
                None,
                Outcome::RateLimited(None),
                "crisp_420",
            ),
            (400, invalid, None, Outcome::Final, "fallback"),
        ] {
            assert_eq!(
                classify(Some(&RULES), &answer_with(code, body, retry_after)),
                (outcome, by),
                "{code} {body}"
            );
        }
    }

    /// Over loopback: the server's "quota spent" fails the call at once with `QuotaExhausted`
    /// (not retried), marks the client's daily budget spent, and the next call is never sent.
    /// (Paused clock: the mark and the budget are read at one instant, so `resets_in` is exact.)
    #[tokio::test(start_paused = true)]
    async fn a_spent_quota_stops_the_client_before_the_next_request() {
        let (url, hits) = script(vec![(200, OK), (429, QUOTA)]).await;
        let crisp = CrispClient::builder()
            .credentials(Credentials::new("id", "key", Tier::Plugin))
            .base_url(&url)
            .daily_quota(crate::PLUGIN_DAILY_QUOTA)
            .build()
            .unwrap();
        let create = || crisp.website("w").conversations().create();
        create().await.unwrap();
        let err = create().await.unwrap_err();
        assert!(
            matches!(err, Error::QuotaExhausted { vendor: "crisp", resets_in: Some(d) } if d == Duration::from_secs(86_400)),
            "{err:?}"
        );
        assert_eq!(hits.load(Ordering::SeqCst), 2, "not retried");
        let again = create().await.unwrap_err();
        assert!(matches!(again, Error::QuotaExhausted { .. }), "{again:?}");
        assert_eq!(
            hits.load(Ordering::SeqCst),
            2,
            "the third call was never sent"
        );
        let budget = crisp
            .transport()
            .rate_limiter()
            .budget("crisp")
            .await
            .unwrap();
        assert_eq!((budget.limit, budget.used, budget.remaining), (5_000, 2, 0));
    }
}
