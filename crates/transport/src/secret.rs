//! Credentials that never show up in `Debug`, `Display` or logs.

use http::HeaderValue;
use std::fmt;

/// A secret string (an API key or token).
///
/// `Debug` and `Display` print `<redacted>`; the value is reachable only through
/// [`Secret::expose`], so accidental logging of a struct holding one cannot leak it.
///
/// ```
/// use chatdesk_transport::Secret;
/// let key = Secret::new("s3cr3t");
/// assert_eq!(format!("{key:?} {key}"), "Secret(<redacted>) <redacted>");
/// assert_eq!(key.expose(), "s3cr3t");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Box<str>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into().into_boxed_str())
    }

    /// The secret itself. Call it only where the value is put on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Builds a header value from `value`, marked sensitive so that HTTP libraries and
    /// middleware that honour the flag (hyper's HPACK encoder, tower-http's loggers) skip it.
    /// Returns `None` when the value contains characters a header cannot carry.
    pub fn sensitive_header(value: &str) -> Option<HeaderValue> {
        let mut v = HeaderValue::from_str(value).ok()?;
        v.set_sensitive(true);
        Some(v)
    }
}

impl From<String> for Secret {
    fn from(v: String) -> Secret {
        Secret::new(v)
    }
}

impl From<&str> for Secret {
    fn from(v: &str) -> Secret {
        Secret::new(v)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn header_is_marked_sensitive() {
        let v = Secret::sensitive_header("Token abc").unwrap();
        assert!(v.is_sensitive());
        assert!(Secret::sensitive_header("bad\r\nvalue").is_none());
    }
}
