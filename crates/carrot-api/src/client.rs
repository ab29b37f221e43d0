//! [`CarrotClient`], its builder, and [`UserRef`].

use chatdesk_transport::http::header::{
    ACCEPT, AUTHORIZATION, HeaderName, HeaderValue, USER_AGENT,
};
use chatdesk_transport::{BaseUrl, DailyQuota, Error, LocalRateLimiter, Quota, Secret, Transport};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The Carrot Quest (Russia) REST base URL, the default of [`CarrotClient::new`] and
/// [`CarrotClient::builder`].
pub const DEFAULT_BASE_URL: &str = "https://api.carrotquest.io/v1";
/// The Dashly (international) REST base URL: the same API on another host.
pub const DASHLY_BASE_URL: &str = "https://api.dashly.app/v1";

/// The client-side pace the default transport keeps to: **3 requests a second, bursts of 3**.
///
/// Carrot Quest publishes no rate limit and no `429` behaviour; its only guidance (the user-import
/// tuning page, docs/api/carrot-api.md §8) is that bursts of synchronous requests may get the token
/// *blocked* and that 2–3 requests a second is optimal. A block is far costlier than a short wait,
/// so the default stays at the top of that range: a steady 3/s, with a burst of 3 so that a short
/// interactive sequence (read a conversation, its parts, reply) does not wait. Change it with
/// [`CarrotClientBuilder::quota`]; a transport you supply yourself is used as given.
pub const DEFAULT_QUOTA: Quota = Quota {
    interval: Duration::from_nanos(333_333_334),
    burst: 3,
};

/// A user in a `/users/{user}/…` path: a Carrot id, or your own User ID.
///
/// `External` ids are sent percent-encoded in the path with `by_user_id=true`; endpoints that
/// accept only a Carrot id (`setpresence`) refuse them with [`Error::InvalidRequest`] before
/// sending anything.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UserRef {
    /// The Carrot Quest user id (the `carrotquest_uid` cookie of the widget).
    Carrot(u64),
    /// Your own User ID (`$user_id`, at most 255 characters).
    External(String),
}

impl UserRef {
    /// Your own User ID.
    pub fn external(id: impl Into<String>) -> UserRef {
        UserRef::External(id.into())
    }

    pub(crate) fn path_segment(&self) -> String {
        match self {
            UserRef::Carrot(id) => id.to_string(),
            UserRef::External(id) => id.clone(),
        }
    }
}

impl From<u64> for UserRef {
    fn from(id: u64) -> Self {
        UserRef::Carrot(id)
    }
}

impl From<chatdesk_model::id::FlexId> for UserRef {
    fn from(id: chatdesk_model::id::FlexId) -> Self {
        UserRef::Carrot(id.0)
    }
}

impl fmt::Display for UserRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserRef::Carrot(id) => write!(f, "{id}"),
            UserRef::External(id) => write!(f, "user_id:{id}"),
        }
    }
}

struct Inner {
    base: Result<BaseUrl, String>,
    base_str: String,
    /// The headers of every REST request (token, `Accept`, `User-Agent`), built once; the
    /// reason the token cannot be sent when it cannot.
    headers: Result<[(HeaderName, HeaderValue); 3], String>,
    /// The token itself, for the RTS URL (feature `rts`), which carries it in its query.
    #[cfg(feature = "rts")]
    token: Secret,
    #[cfg(feature = "rts")]
    user_agent: HeaderValue,
    transport: Transport,
}

/// A Carrot Quest / Dashly REST client: cheap to clone, `Send + Sync`.
///
/// ```no_run
/// use chatdesk_carrot_api::{CarrotClient, UserRef};
/// # async fn run() -> Result<(), chatdesk_transport::Error> {
/// let client = CarrotClient::new(std::env::var("CARROT_TOKEN").unwrap_or_default());
/// let user = client.user(UserRef::external("customer-42")).get().await?;
/// println!("{:?}", user.prop("$email"));
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct CarrotClient {
    inner: Arc<Inner>,
}

impl fmt::Debug for CarrotClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CarrotClient")
            .field("base", &self.inner.base_str)
            .field("token", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl CarrotClient {
    /// A client for `https://api.carrotquest.io/v1` with the default transport (paced to
    /// [`DEFAULT_QUOTA`]).
    pub fn new(token: impl Into<Secret>) -> CarrotClient {
        Self::with_base(token.into(), DEFAULT_BASE_URL)
    }

    /// A client for Dashly, `https://api.dashly.app/v1`, with the default transport.
    pub fn dashly(token: impl Into<Secret>) -> CarrotClient {
        Self::with_base(token.into(), DASHLY_BASE_URL)
    }

    fn with_base(token: Secret, base: &str) -> CarrotClient {
        // Both constants parse (a unit test checks it); an error would surface on each call.
        let parsed = BaseUrl::parse(base).map_err(|e| e.to_string());
        CarrotClient::from_parts(
            parsed,
            base,
            &token,
            default_user_agent(),
            default_transport(Some(DEFAULT_QUOTA), None),
        )
    }

    /// A builder for any base URL, user agent, quota or transport.
    pub fn builder() -> CarrotClientBuilder {
        CarrotClientBuilder {
            token: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            user_agent: None,
            transport: None,
            quota: Some(DEFAULT_QUOTA),
            daily_quota: None,
            allow_plain_http: false,
        }
    }

    fn from_parts(
        base: Result<BaseUrl, String>,
        base_str: &str,
        token: &Secret,
        user_agent: HeaderValue,
        transport: Transport,
    ) -> CarrotClient {
        let auth = Secret::sensitive_header(&format!("Token {}", token.expose()))
            .ok_or_else(|| "the API token contains characters a header cannot carry".to_owned());
        let headers = auth.map(|auth| {
            [
                (AUTHORIZATION, auth),
                (ACCEPT, HeaderValue::from_static("application/json")),
                (USER_AGENT, user_agent.clone()),
            ]
        });
        CarrotClient {
            inner: Arc::new(Inner {
                base_str: base.as_ref().map_or(base_str, |b| b.as_str()).to_owned(),
                base,
                headers,
                #[cfg(feature = "rts")]
                token: token.clone(),
                #[cfg(feature = "rts")]
                user_agent,
                transport,
            }),
        }
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_str
    }

    pub(crate) fn base(&self) -> Result<&BaseUrl, Error> {
        self.inner
            .base
            .as_ref()
            .map_err(|e| Error::invalid(e.clone()))
    }

    /// The API token (for the RTS URL).
    #[cfg(feature = "rts")]
    pub(crate) fn token(&self) -> &Secret {
        &self.inner.token
    }

    /// The `User-Agent` of REST requests, reused for the RTS upgrade.
    #[cfg(feature = "rts")]
    pub(crate) fn user_agent(&self) -> &HeaderValue {
        &self.inner.user_agent
    }

    /// The transport requests go through.
    pub fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// The headers of every REST request, built when the client was.
    pub(crate) fn headers(&self) -> Result<&[(HeaderName, HeaderValue)], Error> {
        self.inner
            .headers
            .as_ref()
            .map(|h| h.as_slice())
            .map_err(|e| Error::invalid(e.clone()))
    }
}

fn default_user_agent() -> HeaderValue {
    HeaderValue::from_static(concat!("chatdesk-carrot-api/", env!("CARGO_PKG_VERSION")))
}

fn default_transport(quota: Option<Quota>, daily: Option<DailyQuota>) -> Transport {
    let mut limiter = LocalRateLimiter::new();
    if let Some(q) = quota {
        limiter = limiter.vendor_quota("carrot", q);
    }
    if let Some(daily) = daily {
        limiter = limiter.daily_quota("carrot", daily);
    }
    Transport::builder().rate_limiter(limiter).build()
}

/// Builds a [`CarrotClient`]: base URL, user agent, client-side quota, or your own [`Transport`].
///
/// ```
/// use chatdesk_carrot_api::CarrotClient;
/// use chatdesk_transport::Quota;
/// let client = CarrotClient::builder()
///     .token("app.1.secret")
///     .base_url("https://api-eu.carrotquest.io/v1")
///     .user_agent("my-crm/2.1")
///     .quota(Some(Quota::per_second(2, 1)))
///     .build()
///     .unwrap();
/// assert_eq!(client.base_url(), "https://api-eu.carrotquest.io/v1");
/// ```
#[must_use]
pub struct CarrotClientBuilder {
    token: Option<Secret>,
    base_url: String,
    user_agent: Option<String>,
    transport: Option<Transport>,
    quota: Option<Quota>,
    daily_quota: Option<DailyQuota>,
    allow_plain_http: bool,
}

impl fmt::Debug for CarrotClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CarrotClientBuilder")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl CarrotClientBuilder {
    /// The API token (sent only as `Authorization: Token …`, marked sensitive).
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The base URL, including the version prefix (default [`DEFAULT_BASE_URL`]).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Uses [`DASHLY_BASE_URL`].
    pub fn dashly(self) -> Self {
        self.base_url(DASHLY_BASE_URL)
    }

    /// Accepts a plain `http://` base URL to a host that is not a loopback address (a proxy on a
    /// private network, say). Without it such a URL fails [`build`](Self::build), because the
    /// token would travel in clear; `https://` and loopback `http://` need no opt-in.
    pub fn allow_plain_http(mut self) -> Self {
        self.allow_plain_http = true;
        self
    }

    /// The `User-Agent` header (default `chatdesk-carrot-api/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// The client-side pace of the default transport (default [`DEFAULT_QUOTA`]; `None` for no
    /// pacing). Ignored when you supply a transport.
    pub fn quota(mut self, quota: Option<Quota>) -> Self {
        self.quota = quota;
        self
    }

    /// A daily request budget for the default transport (the limiter's `"carrot"` daily
    /// quota): once it is spent, calls fail with [`Error::QuotaExhausted`] before sending.
    /// None by default, as Carrot publishes no daily limit; set one when your plan has one.
    /// Ignored when you supply a transport: give its limiter a `"carrot"` daily quota instead.
    ///
    /// ```
    /// use chatdesk_carrot_api::CarrotClient;
    /// use chatdesk_transport::DailyQuota;
    /// let client = CarrotClient::builder()
    ///     .token("app.1.secret")
    ///     .daily_quota(DailyQuota::utc_midnight(20_000))
    ///     .build()?;
    /// # Ok::<(), chatdesk_transport::Error>(())
    /// ```
    pub fn daily_quota(mut self, quota: DailyQuota) -> Self {
        self.daily_quota = Some(quota);
        self
    }

    /// Sends through `transport`, used as given (its own rate limiter and retries).
    ///
    /// The client's own pace ([`quota`](Self::quota), [`DEFAULT_QUOTA`] by default) is then not
    /// applied: give the transport's limiter a `"carrot"` vendor quota to keep it, as below (or
    /// use `chatdesk::default_rate_limiter()`, which also suits a transport shared with Crisp).
    ///
    /// ```
    /// use chatdesk_carrot_api::{CarrotClient, DEFAULT_QUOTA};
    /// use chatdesk_transport::{LocalRateLimiter, Transport};
    ///
    /// let transport = Transport::builder()
    ///     .rate_limiter(LocalRateLimiter::new().vendor_quota("carrot", DEFAULT_QUOTA))
    ///     .build();
    /// let client = CarrotClient::builder()
    ///     .token("app.1.secret")
    ///     .transport(transport)
    ///     .build()?;
    /// # Ok::<(), chatdesk_transport::Error>(())
    /// ```
    pub fn transport(mut self, transport: Transport) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Builds the client. Fails with [`Error::InvalidRequest`] without a token, with a base URL
    /// that is not an absolute http(s) URL (or is plain `http://` to a host that is not loopback,
    /// without [`allow_plain_http`](Self::allow_plain_http)), or with a user agent a header
    /// cannot carry.
    pub fn build(self) -> Result<CarrotClient, Error> {
        let token = self
            .token
            .ok_or_else(|| Error::invalid("CarrotClient::builder(): no token"))?;
        let base = if self.allow_plain_http {
            BaseUrl::parse_allowing_plain_http(&self.base_url)?
        } else {
            BaseUrl::parse(&self.base_url)?
        };
        let user_agent = match self.user_agent {
            None => default_user_agent(),
            Some(ua) => HeaderValue::from_str(&ua).map_err(|e| Error::InvalidRequest {
                reason: "the user agent cannot be put in a header".into(),
                source: Some(Box::new(e)),
            })?,
        };
        if token.expose().contains(['\r', '\n', '\0']) {
            return Err(Error::invalid(
                "the API token contains characters a header cannot carry",
            ));
        }
        let transport = match self.transport {
            Some(t) => t,
            None => default_transport(self.quota, self.daily_quota),
        };
        let base_str = base.as_str().to_owned();
        Ok(CarrotClient::from_parts(
            Ok(base),
            &base_str,
            &token,
            user_agent,
            transport,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_base_urls_parse_and_the_default_quota_is_three_per_second() {
        assert!(BaseUrl::parse(DEFAULT_BASE_URL).is_ok());
        assert!(BaseUrl::parse(DASHLY_BASE_URL).is_ok());
        let per_second =
            Duration::from_secs(1).as_secs_f64() / DEFAULT_QUOTA.interval.as_secs_f64();
        assert!((2.9..=3.0).contains(&per_second), "{per_second}");
    }

    #[test]
    fn debug_never_shows_the_token() {
        let c = CarrotClient::new("app.1.very-secret");
        assert!(!format!("{c:?}").contains("very-secret"));
        let b = CarrotClient::builder().token("app.1.very-secret");
        assert!(!format!("{b:?}").contains("very-secret"));
    }
}
