//! The base URL every request of a client starts with, checked once.

use crate::error::Error;
use http::Uri;
use http::uri::{Authority, Scheme};

/// A base URL split once into the part every request starts with.
///
/// Plain `http://` is accepted only for loopback targets (`127.0.0.0/8`, `::1`, `localhost`):
/// the vendor crates send the API credentials with every request, and over plain HTTP anyone on
/// the path reads them. Other plain-HTTP targets (a proxy on a private network) need the
/// explicit [`BaseUrl::parse_allowing_plain_http`], which both vendor client builders expose as
/// `allow_plain_http()`.
///
/// ```
/// use chatdesk_transport::BaseUrl;
/// let base = BaseUrl::parse("http://127.0.0.1:8080/v1/").unwrap();
/// assert_eq!(base.as_str(), "http://127.0.0.1:8080/v1");
/// assert!(BaseUrl::parse("https://api.crisp.chat/v1").is_ok());
/// assert!(BaseUrl::parse("http://api.crisp.chat/v1").is_err());
/// assert!(BaseUrl::parse_allowing_plain_http("http://proxy.internal:8080/v1").is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// The URL as given, without a trailing slash.
    url: String,
    /// Its parts, parsed once: every request's URI is made from clones of the first two (a
    /// reference count each) and its own path.
    scheme: Scheme,
    authority: Authority,
    /// The path every request's path follows (`""` or `/v1`, say), without a trailing slash.
    path: String,
}

/// Why [`BaseUrl::parse`] refused a base URL: plain `http://` to a host that is not a loopback
/// address. It is the `source()` of the [`Error::InvalidRequest`] returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "plain http:// to `{host}`, which is not a loopback address, would send the credentials in clear"
)]
#[non_exhaustive]
pub struct PlainHttpRefused {
    /// The host of the refused URL.
    pub host: String,
}

impl BaseUrl {
    /// Checks that `url` is an absolute `https` URL without query or fragment, or a plain
    /// `http` one to a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    ///
    /// Plain `http` to any other host fails with [`Error::InvalidRequest`] whose source is
    /// [`PlainHttpRefused`]; see [`BaseUrl::parse_allowing_plain_http`].
    pub fn parse(url: &str) -> Result<BaseUrl, Error> {
        Self::parse_inner(url, false)
    }

    /// Like [`BaseUrl::parse`], but accepts plain `http` to any host: the credentials then travel
    /// in clear, so use it only for a target you trust the network path to (a proxy on a
    /// private network).
    pub fn parse_allowing_plain_http(url: &str) -> Result<BaseUrl, Error> {
        Self::parse_inner(url, true)
    }

    fn parse_inner(url: &str, allow_plain_http: bool) -> Result<BaseUrl, Error> {
        let uri: Uri = url.parse().map_err(|e| Error::InvalidRequest {
            reason: format!("base URL {url:?} is not a URL"),
            source: Some(Box::new(e)),
        })?;
        let plain = match uri.scheme_str() {
            Some("https") => false,
            Some("http") => true,
            _ => {
                return Err(Error::invalid(format!(
                    "base URL {url:?} must start with http:// or https://"
                )));
            }
        };
        let Some(host) = uri.host().filter(|_| uri.query().is_none()) else {
            return Err(Error::invalid(format!(
                "base URL {url:?} needs a host and no query"
            )));
        };
        if plain && !allow_plain_http && !is_loopback(host) {
            return Err(Error::InvalidRequest {
                reason: format!(
                    "base URL uses plain http:// to `{host}`, which is not a loopback address, \
                     so the credentials would travel in clear: use https://, or opt in with \
                     `allow_plain_http()` on the client builder"
                ),
                source: Some(Box::new(PlainHttpRefused {
                    host: host.to_owned(),
                })),
            });
        }
        let (Some(scheme), Some(authority)) = (uri.scheme(), uri.authority()) else {
            return Err(Error::invalid(format!("base URL {url:?} needs a host")));
        };
        // Shared once here, so that a request's clone is a reference count, not a copy.
        let authority = Authority::from_maybe_shared(bytes::Bytes::copy_from_slice(
            authority.as_str().as_bytes(),
        ))
        .map_err(|e| Error::InvalidRequest {
            reason: format!("base URL {url:?} has an invalid host"),
            source: Some(Box::new(e)),
        })?;
        Ok(BaseUrl {
            url: url.trim_end_matches('/').to_owned(),
            scheme: scheme.clone(),
            authority,
            path: uri.path().trim_end_matches('/').to_owned(),
        })
    }

    /// The URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The scheme, parsed.
    pub(crate) fn scheme(&self) -> &Scheme {
        &self.scheme
    }

    /// The authority (host and port), parsed.
    pub(crate) fn authority(&self) -> &Authority {
        &self.authority
    }

    /// The path every request's path follows, without a trailing slash (`""` for none).
    pub(crate) fn path(&self) -> &str {
        &self.path
    }
}

/// `127.0.0.0/8`, `::1` (also IPv4-mapped) or the name `localhost`.
pub(crate) fn is_loopback(host: &str) -> bool {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.to_canonical().is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_accepted_only_for_loopback_or_with_the_opt_in() {
        let refused = [
            "http://api.crisp.chat/v1",
            "http://10.0.0.7:8080/v1",
            "http://128.0.0.1/v1",
            "http://[::2]/v1",
            "http://localhost.example/v1",
            "http://user@example.com/v1",
        ];
        for url in refused {
            let err = BaseUrl::parse(url).unwrap_err();
            let Error::InvalidRequest { reason, source } = &err else {
                panic!("{url}: {err:?}");
            };
            assert!(reason.contains("allow_plain_http()"), "{url}: {reason}");
            let typed = source
                .as_ref()
                .and_then(|s| s.downcast_ref::<PlainHttpRefused>());
            assert!(typed.is_some(), "{url}: {source:?}");
            assert!(BaseUrl::parse_allowing_plain_http(url).is_ok(), "{url}");
        }
        let accepted = [
            "http://127.0.0.1:8080/v1",
            "http://127.255.1.2/v1",
            "http://[::1]:9000/v1",
            "http://[::ffff:127.0.0.1]/v1",
            "http://localhost:3000/v1",
            "http://LocalHost/v1",
            "https://api.crisp.chat/v1",
            "https://10.0.0.7/v1",
        ];
        for url in accepted {
            assert!(BaseUrl::parse(url).is_ok(), "{url}");
        }
        // The opt-in relaxes only the scheme rule.
        assert!(BaseUrl::parse_allowing_plain_http("ftp://x").is_err());
        assert!(BaseUrl::parse_allowing_plain_http("http://x/?q=1").is_err());
    }
}
