//! [`CrispClient`]: credentials, headers, base URL and the transport every call goes through.

use crate::groups::{Bucket, Media, Plan, Plugin, User, Website, Websites};
use chatdesk_transport::http::header::{AUTHORIZATION, HeaderName, HeaderValue, USER_AGENT};
use chatdesk_transport::{BaseUrl, DailyQuota, Error, LocalRateLimiter, Quota, Secret, Transport};
use std::fmt;
use std::sync::Arc;

/// The API root every path is relative to.
pub const DEFAULT_BASE_URL: &str = "https://api.crisp.chat/v1";

/// The `User-Agent` sent unless [`CrispClientBuilder::user_agent`] says otherwise.
pub const DEFAULT_USER_AGENT: &str = concat!("chatdesk-crisp-api/", env!("CARGO_PKG_VERSION"));

/// The kind of token a keypair is, sent as `X-Crisp-Tier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    /// A Marketplace plugin token (the tier Crisp recommends for integrations).
    Plugin,
    /// A website token, bound to one workspace.
    Website,
    /// A user account token (needed by a few user-only routes, e.g. creating a website).
    User,
}

impl Tier {
    /// The header value: `plugin`, `website` or `user`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Plugin => "plugin",
            Tier::Website => "website",
            Tier::User => "user",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Tier {
    type Err = Error;
    fn from_str(s: &str) -> Result<Tier, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plugin" => Ok(Tier::Plugin),
            "website" => Ok(Tier::Website),
            "user" => Ok(Tier::User),
            other => Err(Error::invalid(format!(
                "unknown Crisp tier {other:?} (expected plugin, website or user)"
            ))),
        }
    }
}

/// A token keypair and its tier.
///
/// `Debug` never shows the key.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The token identifier (the Basic auth user name).
    pub identifier: String,
    /// The token key (the Basic auth password).
    pub key: Secret,
    /// What kind of token it is.
    pub tier: Tier,
}

impl Credentials {
    /// A keypair of `tier`.
    pub fn new(identifier: impl Into<String>, key: impl Into<Secret>, tier: Tier) -> Credentials {
        Credentials {
            identifier: identifier.into(),
            key: key.into(),
            tier,
        }
    }
}

pub(crate) struct Inner {
    /// The base URL and the headers of every request, or why they could not be made.
    pub(crate) setup: Result<Setup, String>,
    pub(crate) transport: Transport,
    pub(crate) tier: Tier,
    /// The keypair, for the RTM `authentication` emit (the REST headers carry it encoded).
    #[cfg_attr(not(feature = "rtm"), allow(dead_code))]
    pub(crate) credentials: Option<Credentials>,
    /// Whether writes are confirmed, and what the API was seen to do with fingerprints.
    pub(crate) confirm: crate::confirm::ClientState,
}

pub(crate) struct Setup {
    pub(crate) base: BaseUrl,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
}

/// A Crisp REST v1 client: cheap to clone (an `Arc`), `Send + Sync`.
///
/// Calls are grouped the way the API is: [`CrispClient::website`] (conversations, people,
/// campaigns, helpdesk, …), [`CrispClient::plugin`], [`CrispClient::plan`],
/// [`CrispClient::bucket`], [`CrispClient::media`], [`CrispClient::websites`] and the legacy
/// [`CrispClient::user`] routes. Every call returns a builder ([`crate::Call`]) that you
/// `.await`, `.send()`, or turn into the exact `http::Request` with `to_request()`.
///
/// ```
/// use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
/// use chatdesk_transport::Endpoint;
///
/// let client = CrispClient::new(Credentials::new("identifier", "key", Tier::Plugin));
/// let request = client.website("website-1").conversation("session_1").get().to_request().unwrap();
/// assert_eq!(request.uri(), "https://api.crisp.chat/v1/website/website-1/conversation/session_1");
/// assert_eq!(request.headers()["x-crisp-tier"], "plugin");
/// ```
#[derive(Clone)]
pub struct CrispClient {
    pub(crate) inner: Arc<Inner>,
}

impl fmt::Debug for CrispClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CrispClient")
            .field("base_url", &self.base_url())
            .field("tier", &self.inner.tier)
            .finish_non_exhaustive()
    }
}

impl CrispClient {
    /// A client for `https://api.crisp.chat/v1` over the default [`Transport`].
    ///
    /// Credentials that cannot be put in a header (a CR or LF in the identifier, say) make
    /// every call fail with [`Error::InvalidRequest`]; use [`CrispClient::builder`] to get the
    /// error up front.
    pub fn new(credentials: Credentials) -> CrispClient {
        let tier = credentials.tier;
        let builder = CrispClient::builder().credentials(credentials.clone());
        let setup = builder.setup().map_err(|e| e.to_string());
        CrispClient {
            inner: Arc::new(Inner {
                setup,
                transport: Transport::default(),
                tier,
                credentials: Some(credentials),
                confirm: crate::confirm::ClientState::new(true),
            }),
        }
    }

    /// A builder to set the credentials, the base URL, the user agent and the transport.
    pub fn builder() -> CrispClientBuilder {
        CrispClientBuilder {
            credentials: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            transport: None,
            quota: None,
            daily_quota: None,
            allow_plain_http: false,
            confirm_writes: true,
        }
    }

    /// The tier of the credentials.
    pub fn tier(&self) -> Tier {
        self.inner.tier
    }

    /// The base URL every path is appended to.
    pub fn base_url(&self) -> &str {
        match &self.inner.setup {
            Ok(setup) => setup.base.as_str(),
            Err(_) => "",
        }
    }

    /// The transport calls go through (share it with other clients by cloning).
    pub fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// Routes under `/website/{website_id}`: conversations, people, campaigns, helpdesk, …
    pub fn website(&self, website_id: impl Into<String>) -> Website {
        Website::new(self.clone(), vec![website_id.into()])
    }

    /// Routes on the `/website` collection: check that a domain exists, create a website.
    pub fn websites(&self) -> Websites {
        Websites::new(self.clone(), Vec::new())
    }

    /// Plugin routes: `/plugin/connect/*` and `/plugins/subscription/*`.
    pub fn plugin(&self) -> Plugin {
        Plugin::new(self.clone(), Vec::new())
    }

    /// Billing routes: `/plans/subscription/*`.
    pub fn plan(&self) -> Plan {
        Plan::new(self.clone(), Vec::new())
    }

    /// File upload URLs: `/bucket/url/generate`.
    pub fn bucket(&self) -> Bucket {
        Bucket::new(self.clone(), Vec::new())
    }

    /// Media search: `/media/animation/list`.
    pub fn media(&self) -> Media {
        Media::new(self.clone(), Vec::new())
    }

    /// Legacy user-tier routes (`/user/*`), known from older clients only.
    pub fn user(&self) -> User {
        User::new(self.clone(), Vec::new())
    }
}

/// Configures a [`CrispClient`].
///
/// ```
/// use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
/// use chatdesk_transport::{RetryConfig, Transport};
///
/// let transport = Transport::builder().retry(RetryConfig::disabled()).build();
/// let client = CrispClient::builder()
///     .credentials(Credentials::new("id", "key", Tier::Website))
///     .base_url("http://127.0.0.1:8080/v1")
///     .user_agent("my-app/1.0")
///     .transport(transport)
///     .build()
///     .unwrap();
/// assert_eq!(client.base_url(), "http://127.0.0.1:8080/v1");
/// ```
#[must_use]
pub struct CrispClientBuilder {
    credentials: Option<Credentials>,
    base_url: String,
    user_agent: String,
    transport: Option<Transport>,
    quota: Option<Quota>,
    daily_quota: Option<DailyQuota>,
    allow_plain_http: bool,
    confirm_writes: bool,
}

impl fmt::Debug for CrispClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CrispClientBuilder")
            .field("credentials", &self.credentials)
            .field("base_url", &self.base_url)
            .field("user_agent", &self.user_agent)
            .finish_non_exhaustive()
    }
}

/// The default transport, paced to `quota` and counting `daily` when they are set.
fn default_transport(quota: Option<Quota>, daily: Option<DailyQuota>) -> Transport {
    if quota.is_none() && daily.is_none() {
        return Transport::default();
    }
    let mut limiter = LocalRateLimiter::new();
    if let Some(quota) = quota {
        limiter = limiter.vendor_quota("crisp", quota);
    }
    if let Some(daily) = daily {
        limiter = limiter.daily_quota("crisp", daily);
    }
    Transport::builder().rate_limiter(limiter).build()
}

/// The published daily quota of a plugin token (5,000 requests a day by default), over a
/// rolling 24 hours: a suggestion for [`CrispClientBuilder::daily_quota`], not applied by
/// default. A plugin whose quota was raised should give its own figure.
pub const PLUGIN_DAILY_QUOTA: DailyQuota = DailyQuota::rolling(5_000);

/// The published daily quota of a website token (10,000 requests a day), over a rolling 24
/// hours: a suggestion for [`CrispClientBuilder::daily_quota`], not applied by default.
pub const WEBSITE_DAILY_QUOTA: DailyQuota = DailyQuota::rolling(10_000);

impl CrispClientBuilder {
    /// The token keypair and its tier (required).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The API root, `https://api.crisp.chat/v1` by default (a simulator: `http://127.0.0.1:PORT/v1`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Accepts a plain `http://` base URL to a host that is not a loopback address (a proxy on a
    /// private network, say). Without it such a URL fails [`build`](Self::build), because the
    /// token keypair would travel in clear; `https://` and loopback `http://` need no opt-in.
    pub fn allow_plain_http(mut self) -> Self {
        self.allow_plain_http = true;
        self
    }

    /// The `User-Agent` header, `chatdesk-crisp-api/<version>` by default.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// A client-side pace for the default transport: at most `quota` requests to Crisp, over
    /// every route (the transport's rate limiter, vendor `"crisp"`). `None`, the default, sends
    /// as fast as the server allows: Crisp publishes no per-route limits and answers 429 (or
    /// 420 for a plan quota) when one is reached, which pauses that route's class. Ignored when
    /// you supply a transport: give its limiter a `"crisp"` vendor quota instead.
    ///
    /// ```
    /// use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Quota;
    /// let client = CrispClient::builder()
    ///     .credentials(Credentials::new("id", "key", Tier::Plugin))
    ///     .quota(Some(Quota::per_second(5, 5)))
    ///     .build()?;
    /// # Ok::<(), chatdesk_crisp_api::Error>(())
    /// ```
    pub fn quota(mut self, quota: Option<Quota>) -> Self {
        self.quota = quota;
        self
    }

    /// A daily request budget for the default transport (the limiter's `"crisp"` daily quota):
    /// once it is spent, calls fail with [`Error::QuotaExhausted`] **before sending**, carrying
    /// when the budget frees up, so that a bulk job stops cleanly instead of collecting
    /// refusals. None by default: Crisp's quota depends on the token (plugin tokens 5,000
    /// requests a day unless raised on request, website tokens 10,000, development tokens
    /// less), so no figure is right for every client. [`PLUGIN_DAILY_QUOTA`] and
    /// [`WEBSITE_DAILY_QUOTA`] are the published defaults, counted over a rolling 24 hours as
    /// Crisp does not say when its count resets. Ignored when you supply a transport: give its
    /// limiter a `"crisp"` daily quota instead
    /// ([`LocalRateLimiter::daily_quota`](chatdesk_transport::LocalRateLimiter::daily_quota)).
    ///
    /// Whatever is set here, a 429 or 420 answer whose `reason` or message mentions a quota
    /// (Crisp documents no code for a spent quota; this is the rule chosen) fails the call
    /// with [`Error::QuotaExhausted`], and marks a configured daily quota spent.
    ///
    /// ```
    /// use chatdesk_crisp_api::{CrispClient, Credentials, PLUGIN_DAILY_QUOTA, Tier};
    /// let client = CrispClient::builder()
    ///     .credentials(Credentials::new("id", "key", Tier::Plugin))
    ///     // Keep 50 requests for the token's other users.
    ///     .daily_quota(PLUGIN_DAILY_QUOTA.margin(50))
    ///     .build()?;
    /// # Ok::<(), chatdesk_crisp_api::Error>(())
    /// ```
    pub fn daily_quota(mut self, quota: DailyQuota) -> Self {
        self.daily_quota = Some(quota);
        self
    }

    /// The transport (retries, rate limiting, timeouts); pass a clone to share one pool and
    /// one rate limiter between clients. By default a new [`Transport::default`] (paced to
    /// [`quota`](Self::quota) if one is set).
    pub fn transport(mut self, transport: Transport) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Whether writes that have a natural key (a message's fingerprint, a new profile's e-mail)
    /// are looked up after a failure that leaves their fate open, and answered from what the
    /// server holds (default: yes; see [`crate::confirm`]). With `false`, such a failure is
    /// returned as it is, `was_sent()` saying whether the write may have been applied. One call
    /// can opt out with [`crate::Call::confirm`].
    pub fn confirm_writes(mut self, on: bool) -> Self {
        self.confirm_writes = on;
        self
    }

    /// Checks the base URL and the credentials and builds the client.
    pub fn build(self) -> Result<CrispClient, Error> {
        let setup = self.setup()?;
        let tier = self.credentials.as_ref().map_or(Tier::Plugin, |c| c.tier);
        Ok(CrispClient {
            inner: Arc::new(Inner {
                setup: Ok(setup),
                transport: match self.transport {
                    Some(transport) => transport,
                    None => default_transport(self.quota, self.daily_quota),
                },
                tier,
                credentials: self.credentials.clone(),
                confirm: crate::confirm::ClientState::new(self.confirm_writes),
            }),
        })
    }

    fn setup(&self) -> Result<Setup, Error> {
        let credentials = self
            .credentials
            .as_ref()
            .ok_or_else(|| Error::invalid("CrispClientBuilder: no credentials given"))?;
        Ok(Setup {
            base: if self.allow_plain_http {
                BaseUrl::parse_allowing_plain_http(&self.base_url)?
            } else {
                BaseUrl::parse(&self.base_url)?
            },
            headers: auth_headers(credentials, &self.user_agent)?,
        })
    }
}

fn auth_headers(
    credentials: &Credentials,
    user_agent: &str,
) -> Result<Vec<(HeaderName, HeaderValue)>, Error> {
    use base64::Engine as _;
    if credentials.identifier.contains(':') {
        return Err(Error::invalid(
            "the token identifier cannot contain `:` (Basic auth separator)",
        ));
    }
    let token = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        credentials.identifier,
        credentials.key.expose()
    ));
    let authorization = Secret::sensitive_header(&format!("Basic {token}"))
        .ok_or_else(|| Error::invalid("the credentials cannot be put in a header"))?;
    let user_agent = HeaderValue::from_str(user_agent)
        .map_err(|_| Error::invalid("the user agent is not a valid header value"))?;
    Ok(vec![
        (AUTHORIZATION, authorization),
        (
            HeaderName::from_static("x-crisp-tier"),
            HeaderValue::from_static(credentials.tier.as_str()),
        ),
        (USER_AGENT, user_agent),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_carry_basic_auth_tier_and_user_agent() {
        let client = CrispClient::new(Credentials::new("ident", "s3cr3t", Tier::User));
        let req = client.user().account().to_request().unwrap();
        let auth = &req.headers()[AUTHORIZATION];
        assert_eq!(auth, "Basic aWRlbnQ6czNjcjN0");
        assert!(auth.is_sensitive());
        assert_eq!(req.headers()["x-crisp-tier"], "user");
        assert_eq!(req.headers()[USER_AGENT], DEFAULT_USER_AGENT);
        assert!(format!("{client:?}").contains("api.crisp.chat"));
        assert!(
            !format!(
                "{client:?} {:?}",
                Credentials::new("i", "s3cr3t", Tier::User)
            )
            .contains("s3cr3t")
        );
    }

    #[test]
    fn bad_setup_fails_calls_instead_of_panicking() {
        let client = CrispClient::new(Credentials::new("ident:x", "key", Tier::Plugin));
        assert!(matches!(
            client.website("w").get().to_request(),
            Err(Error::InvalidRequest { .. })
        ));
        assert!(CrispClient::builder().build().is_err());
        let colon = Credentials::new("a:b", "k", Tier::Plugin);
        assert!(CrispClient::builder().credentials(colon).build().is_err());
        let creds = Credentials::new("i", "k", Tier::Plugin);
        assert!(
            CrispClient::builder()
                .credentials(creds.clone())
                .base_url("ftp://x")
                .build()
                .is_err()
        );
        assert!(
            CrispClient::builder()
                .credentials(creds)
                .user_agent("a\nb")
                .build()
                .is_err()
        );
    }

    #[test]
    fn a_quota_paces_the_default_transport_and_leaves_a_given_one_as_it_is() {
        let creds = Credentials::new("i", "k", Tier::Plugin);
        let given = Transport::default();
        let quota = Some(Quota::per_second(1, 1));
        let with_given = CrispClient::builder()
            .credentials(creds.clone())
            .quota(quota)
            .transport(given.clone())
            .build()
            .unwrap();
        assert!(Arc::ptr_eq(
            with_given.transport().rate_limiter(),
            given.rate_limiter()
        ));
        let paced = CrispClient::builder()
            .credentials(creds)
            .quota(quota)
            .build()
            .unwrap();
        assert!(!Arc::ptr_eq(
            paced.transport().rate_limiter(),
            given.rate_limiter()
        ));
        assert_eq!(paced.base_url(), DEFAULT_BASE_URL);
    }

    #[test]
    fn tiers_parse_and_print() {
        for tier in [Tier::Plugin, Tier::Website, Tier::User] {
            assert_eq!(tier.as_str().parse::<Tier>().unwrap(), tier);
        }
        assert_eq!(" Plugin ".parse::<Tier>().unwrap(), Tier::Plugin);
        assert!("admin".parse::<Tier>().is_err());
    }
}
