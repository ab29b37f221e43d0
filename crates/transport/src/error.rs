//! The one error type every chatdesk call returns.

use bytes::Bytes;
use http::StatusCode;
use std::fmt;
use std::time::Duration;

/// A boxed error, as tower and hyper pass them around.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong with a call, by what the caller can do about it.
///
/// Each variant keeps its cause in the `source()` chain. [`Error::is_retryable`],
/// [`Error::retry_after`] and [`Error::status`] answer the questions a caller usually has.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built, so it was never sent (a bad argument, an id that cannot
    /// be put in a URL, a body that failed to serialise). Fix the input.
    #[error("invalid request: {reason}")]
    InvalidRequest {
        /// What was wrong.
        reason: String,
        /// The underlying error, when there is one.
        #[source]
        source: Option<BoxError>,
    },

    /// No connection could be made (DNS, TCP or TLS), so the server never saw the request.
    /// Check the base URL and the network; it is safe to try again.
    #[error("could not connect to the API")]
    Connect {
        /// The connector's error.
        #[source]
        source: BoxError,
    },

    /// The connection failed while the request or its answer was in flight.
    /// When `maybe_sent` is true the server may have processed the request: re-sending a write
    /// may apply it twice.
    #[error("connection failed during the exchange (request {})", if *.maybe_sent { "may have been processed" } else { "was not sent" })]
    Transport {
        /// Whether the server may have received (and processed) the request.
        maybe_sent: bool,
        /// The I/O or protocol error.
        #[source]
        source: BoxError,
    },

    /// No complete answer arrived within the configured time.
    #[error("no answer within {after:?}")]
    Timeout {
        /// The limit that ran out.
        after: Duration,
        /// Whether the server may have received (and processed) the request.
        maybe_sent: bool,
    },

    /// The call was refused for rate limiting, and waiting longer than the configured cap would
    /// have been needed (or the retries ran out). Try again after `retry_after`.
    #[error("rate limited ({scope}){}", match .retry_after { Some(d) => format!(", retry after {d:?}"), None => String::new() })]
    RateLimited {
        /// How long to wait before trying again, when known.
        retry_after: Option<Duration>,
        /// Who limited the call.
        scope: RateLimitScope,
        /// The status of the refusing answer when the server refused ([`RateLimitScope::Server`]):
        /// 429, or a vendor's own refusal status such as Crisp's 420; 429 when a success answer
        /// carried the refusal in its body (Carrot's `meta.status`). `None` when our own limiter
        /// refused before sending.
        status: Option<StatusCode>,
    },

    /// A [`DailyQuota`](crate::DailyQuota) is spent (or the vendor said the token's quota is),
    /// so the request was **not sent**. Retrying before `resets_in` fails the same way; a bulk
    /// job should stop here and resume after it. Never retried by the retry layer.
    #[error("the {vendor} daily quota is spent{}", match .resets_in { Some(d) => format!(", frees up in {d:?}"), None => String::new() })]
    QuotaExhausted {
        /// The vendor whose quota is spent (`"crisp"`, `"carrot"`).
        vendor: &'static str,
        /// How long until a request may go again, when known.
        resets_in: Option<Duration>,
    },

    /// The API answered with an error status.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// The API answered with a success status but a body that does not match the expected shape
    /// (empty, not JSON, or a missing/mistyped field at `path`).
    #[error("could not decode the response at `{path}`")]
    Decode {
        /// The JSON path of the field that failed (`.` for the whole document).
        path: String,
        /// The decoder's error.
        #[source]
        source: serde_json::Error,
        /// The start of the body, for diagnosis (at most a few KiB).
        body: Bytes,
    },

    /// The response body was larger than the configured cap and was not read further.
    #[error("response body exceeds the {limit}-byte limit")]
    BodyTooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
}

/// Who refused a call for rate limiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RateLimitScope {
    /// The server refused the call: a 429, or an answer the vendor's retry rules classify as a
    /// refusal (Crisp's 420, say; see [`crate::classify`]).
    Server,
    /// Our own limiter: a pause learnt from an earlier refusal, or the configured quota, would
    /// have needed a longer wait than allowed.
    Client,
}

impl fmt::Display for RateLimitScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RateLimitScope::Server => "by the server",
            RateLimitScope::Client => "by the client-side limiter",
        })
    }
}

/// An error answer from the API.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The vendor's machine-readable code (Crisp's `reason`, Carrot's `meta.error`), when the
    /// body carried one.
    pub reason: Option<String>,
    /// The vendor's human-readable message, when the body carried one.
    pub message: Option<String>,
    /// The start of the raw body (at most [`ApiError::MAX_BODY`] bytes).
    pub body: Bytes,
    /// Which attempt of the call got this answer, and whether an earlier one may have been
    /// processed (when the answer came through the retry layer). A 404 on attempt 2 of a
    /// DELETE whose first attempt timed out may mean that the first one deleted it.
    pub attempts: Option<crate::retry::Attempts>,
}

impl ApiError {
    /// How much of an error body is kept.
    pub const MAX_BODY: usize = 16 * 1024;

    /// An error for `status` with the raw `body` (truncated to [`ApiError::MAX_BODY`]).
    pub fn new(status: StatusCode, body: Bytes) -> ApiError {
        ApiError {
            status,
            reason: None,
            message: None,
            body: truncate(body, Self::MAX_BODY),
            attempts: None,
        }
    }

    /// Sets the attempt history, usually `Attempts::of(&response)`.
    pub fn with_attempts(mut self, attempts: Option<crate::retry::Attempts>) -> ApiError {
        self.attempts = attempts;
        self
    }

    /// Sets the vendor's code.
    pub fn with_reason(mut self, reason: Option<String>) -> ApiError {
        self.reason = reason;
        self
    }

    /// Sets the vendor's message.
    pub fn with_message(mut self, message: Option<String>) -> ApiError {
        self.message = message;
        self
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("reason", &self.reason)
            .field("message", &self.message)
            .field("body_len", &self.body.len())
            .field("attempts", &self.attempts)
            .finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "API error {}", self.status)?;
        if let Some(r) = &self.reason {
            write!(f, " `{r}`")?;
        }
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Error {
        Error::Api(Box::new(e))
    }
}

pub(crate) fn truncate(body: Bytes, max: usize) -> Bytes {
    if body.len() > max {
        body.slice(..max)
    } else {
        body
    }
}

impl Error {
    /// Sets [`ApiError::attempts`] on an [`Error::Api`]; any other error is returned as it is.
    pub fn with_attempts(self, attempts: Option<crate::retry::Attempts>) -> Error {
        match self {
            Error::Api(mut api) => {
                api.attempts = attempts;
                Error::Api(api)
            }
            other => other,
        }
    }

    /// Shorthand for [`Error::InvalidRequest`] without a source.
    pub fn invalid(reason: impl Into<String>) -> Error {
        Error::InvalidRequest {
            reason: reason.into(),
            source: None,
        }
    }

    /// Turns a boxed error from a layer back into an [`Error`]: ours are unboxed, anything
    /// else is treated as a failure after the request may have been sent.
    pub fn from_boxed(e: BoxError) -> Error {
        match e.downcast::<Error>() {
            Ok(ours) => *ours,
            Err(other) => Error::Transport {
                maybe_sent: true,
                source: other,
            },
        }
    }

    /// Whether trying the same call again later could succeed: connection failures, timeouts,
    /// rate limiting, 5xx, 429 and 408 answers, and any answer the request's retry classifiers
    /// judged a refusal or a server error (carried in [`ApiError::attempts`], so a vendor's own
    /// refusal status counts when the answer came through the transport). Whether it is *safe*
    /// to re-send a write is a separate question: see [`Error::was_sent`]. A spent daily quota
    /// ([`Error::QuotaExhausted`]) is not retryable: wait for its `resets_in`.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Connect { .. }
            | Error::Transport { .. }
            | Error::Timeout { .. }
            | Error::RateLimited { .. } => true,
            Error::Api(api) => {
                api.attempts.is_some_and(|a| a.outcome().is_transient())
                    || api.status.is_server_error()
                    || api.status == StatusCode::TOO_MANY_REQUESTS
                    || api.status == StatusCode::REQUEST_TIMEOUT
            }
            _ => false,
        }
    }

    /// Whether the server may have processed the request: `Some(false)` when it certainly did
    /// not, `Some(true)` when it may have, `None` when it answered (see the status).
    ///
    /// A rate-limit refusal is `Some(false)` whoever gave it: our limiter sent nothing, and a
    /// server's refusal (429, or what the vendor's rules call one) says it did not process the
    /// request, so a write may be sent again.
    pub fn was_sent(&self) -> Option<bool> {
        match self {
            Error::InvalidRequest { .. }
            | Error::Connect { .. }
            | Error::RateLimited { .. }
            | Error::QuotaExhausted { .. } => Some(false),
            Error::Transport { maybe_sent, .. } | Error::Timeout { maybe_sent, .. } => {
                Some(*maybe_sent)
            }
            _ => None,
        }
    }

    /// How long to wait before trying again, when the server or the limiter said (for
    /// [`Error::QuotaExhausted`], when the quota frees up).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            Error::QuotaExhausted { resets_in, .. } => *resets_in,
            _ => None,
        }
    }

    /// The HTTP status of an API error answer, or of the server's rate-limit refusal (Crisp's
    /// 420 stays 420).
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::RateLimited { status, .. } => *status,
            _ => None,
        }
    }

    /// The vendor's error code of an API error answer (e.g. `not_found`, `ValidationError`).
    pub fn reason(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.reason.as_deref(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_says_what_happened_and_keeps_source() {
        let e = Error::Connect {
            source: "refused".into(),
        };
        assert_eq!(e.to_string(), "could not connect to the API");
        assert_eq!(
            std::error::Error::source(&e).map(|s| s.to_string()),
            Some("refused".into())
        );
        let api: Error = ApiError::new(StatusCode::NOT_FOUND, Bytes::from_static(b"{}"))
            .with_reason(Some("not_found".into()))
            .with_message(Some("the route does not exist".into()))
            .into();
        assert_eq!(
            api.to_string(),
            "API error 404 Not Found `not_found`: the route does not exist"
        );
        assert_eq!(api.reason(), Some("not_found"));
        assert!(!api.is_retryable());
    }

    #[test]
    fn helpers_classify() {
        let rl = Error::RateLimited {
            retry_after: Some(Duration::from_secs(3)),
            scope: RateLimitScope::Server,
            status: Some(StatusCode::TOO_MANY_REQUESTS),
        };
        assert!(rl.is_retryable());
        assert_eq!(rl.retry_after(), Some(Duration::from_secs(3)));
        assert_eq!(rl.status(), Some(StatusCode::TOO_MANY_REQUESTS));
        // The server refused the request: it did not process it, so a write may be re-sent.
        assert_eq!(rl.was_sent(), Some(false));
        let t = Error::Timeout {
            after: Duration::from_secs(1),
            maybe_sent: true,
        };
        assert_eq!(t.was_sent(), Some(true));
        let big = ApiError::new(StatusCode::BAD_GATEWAY, Bytes::from(vec![b'x'; 100_000]));
        assert_eq!(big.body.len(), ApiError::MAX_BODY);
        assert!(Error::from(big).is_retryable());
    }

    #[test]
    fn from_boxed_unwraps_our_errors() {
        let boxed: BoxError = Box::new(Error::BodyTooLarge { limit: 5 });
        assert!(matches!(
            Error::from_boxed(boxed),
            Error::BodyTooLarge { limit: 5 }
        ));
        let other: BoxError = "boom".into();
        assert!(matches!(
            Error::from_boxed(other),
            Error::Transport {
                maybe_sent: true,
                ..
            }
        ));
    }
}
