//! Settings shared by the builder and the command line: seeding, rate limits and faults.
//!
//! Every type here can be built in code or parsed from the compact `key=value,…` strings the
//! binary accepts (`--seed`, `--rate-limit`, `--fault`), so a test in another language can ask for
//! exactly what a Rust test gets.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use http::Method;

/// Which vendor API a request was addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vendor {
    /// Crisp REST v1 (`/v1/…`, `Authorization: Basic`).
    Crisp,
    /// Carrot Quest (`/v1/…`, `/v2/…` or no prefix, `Authorization: Token`).
    Carrot,
}

impl Vendor {
    /// The lower-case name used in logs, CLI strings and write-count keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Vendor::Crisp => "crisp",
            Vendor::Carrot => "carrot",
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Vendor {
    type Err = ConfigError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "crisp" => Ok(Vendor::Crisp),
            "carrot" => Ok(Vendor::Carrot),
            other => Err(ConfigError(format!("unknown vendor `{other}`"))),
        }
    }
}

/// A setting string that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

fn bad(msg: impl Into<String>) -> ConfigError {
    ConfigError(msg.into())
}

/// Splits `a=1,b=2,flag` into pairs (a bare word gets an empty value).
fn pairs(s: &str) -> impl Iterator<Item = (&str, &str)> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (p, ""),
        })
}

fn num<T: FromStr>(key: &str, v: &str) -> Result<T, ConfigError> {
    v.parse()
        .map_err(|_| bad(format!("`{key}` needs a number, got `{v}`")))
}

fn flag(v: &str) -> bool {
    !matches!(
        v.to_ascii_lowercase().as_str(),
        "false" | "0" | "no" | "off"
    )
}

/// Parses `250ms`, `2s`, `1.5s` or a bare number of milliseconds.
pub(crate) fn duration(key: &str, v: &str) -> Result<Duration, ConfigError> {
    let (n, scale) = if let Some(n) = v.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1.0)
    } else {
        (v, 0.001)
    };
    let n: f64 = num(key, n)?;
    if !(n.is_finite() && n >= 0.0) {
        return Err(bad(format!("`{key}` needs a non-negative duration")));
    }
    Duration::try_from_secs_f64(n * scale).map_err(|_| bad(format!("`{key}` is out of range")))
}

/// The deterministic fixture loaded at start-up.
///
/// The same values always give the same ids, names and timestamps. Seeded message bodies are not
/// stored (they are rendered from their ids), so a large fixture stays cheap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    /// Users (Carrot leads) to create; at least one is always created.
    pub users: usize,
    /// Conversations to create, spread round-robin over the users.
    pub conversations: usize,
    /// Messages in each seeded conversation (alternating user and admin replies).
    pub messages_per_conversation: usize,
    /// Events tracked for each seeded user.
    pub events_per_user: usize,
    /// Operators/admins; at least one is always created.
    pub admins: usize,
    /// Start Carrot primary keys above 2^60 so that clients that squeeze ids through `f64` fail.
    pub big_ids: bool,
}

impl Default for Seed {
    fn default() -> Self {
        Seed {
            users: 3,
            conversations: 2,
            messages_per_conversation: 3,
            events_per_user: 2,
            admins: 2,
            big_ids: false,
        }
    }
}

impl Seed {
    /// An empty fixture apart from one user and one admin.
    pub fn empty() -> Self {
        Seed {
            users: 1,
            conversations: 0,
            messages_per_conversation: 0,
            events_per_user: 0,
            admins: 1,
            big_ids: false,
        }
    }

    /// `conversations` conversations of `messages` messages each (the benchmark shape).
    pub fn conversations(mut self, conversations: usize, messages: usize) -> Self {
        self.conversations = conversations;
        self.messages_per_conversation = messages;
        self
    }
}

impl FromStr for Seed {
    type Err = ConfigError;
    /// `users=10,conversations=1000,messages=100,events=2,admins=2,big_ids`
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut seed = Seed::default();
        for (k, v) in pairs(s) {
            match k {
                "users" => seed.users = num(k, v)?,
                "conversations" => seed.conversations = num(k, v)?,
                "messages" => seed.messages_per_conversation = num(k, v)?,
                "events" => seed.events_per_user = num(k, v)?,
                "admins" => seed.admins = num(k, v)?,
                "big_ids" => seed.big_ids = flag(v),
                "empty" => seed = Seed::empty(),
                _ => return Err(bad(format!("unknown seed key `{k}`"))),
            }
        }
        Ok(seed)
    }
}

/// How rate-limit buckets are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateScope {
    /// One bucket per token and route class (the default).
    PerClass,
    /// One bucket per token for every route the rule covers.
    PerToken,
}

/// One rate-limit rule: a token bucket (`per_second` refill, `burst` capacity) and an optional
/// daily quota, applied per token (the `Authorization` value or `auth_token` parameter).
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimit {
    /// Only this vendor's requests (both when `None`).
    pub vendor: Option<Vendor>,
    /// Only route classes starting with this text (see `Sim::requests` for the class names).
    pub route_class: Option<String>,
    /// Refill rate in requests per second; `0` disables the bucket (quota only).
    pub per_second: f64,
    /// Bucket capacity (requests allowed at once).
    pub burst: u32,
    /// Requests allowed per 24 hours (tokio clock), if any.
    pub daily_quota: Option<u64>,
    /// Status for Crisp answers: 429 (default) or 420. Carrot always answers 429.
    pub crisp_status: u16,
    /// Whether to send `Retry-After` (whole seconds, rounded up).
    pub retry_after: bool,
    /// Bucket keying.
    pub scope: RateScope,
}

impl RateLimit {
    /// `per_second` requests per second with a burst of `burst`, for every route of both vendors.
    pub fn new(per_second: f64, burst: u32) -> Self {
        RateLimit {
            vendor: None,
            route_class: None,
            per_second,
            burst,
            daily_quota: None,
            crisp_status: 429,
            retry_after: true,
            scope: RateScope::PerClass,
        }
    }

    /// Only a daily quota (no per-second limit).
    pub fn daily(quota: u64) -> Self {
        RateLimit {
            daily_quota: Some(quota),
            ..RateLimit::new(0.0, 0)
        }
    }

    /// Restricts the rule to one vendor.
    pub fn vendor(mut self, vendor: Vendor) -> Self {
        self.vendor = Some(vendor);
        self
    }

    /// Restricts the rule to route classes starting with `prefix`.
    pub fn route_class(mut self, prefix: impl Into<String>) -> Self {
        self.route_class = Some(prefix.into());
        self
    }

    /// Adds a daily quota.
    pub fn daily_quota(mut self, quota: u64) -> Self {
        self.daily_quota = Some(quota);
        self
    }

    /// Crisp status when limited (429 or 420).
    pub fn crisp_status(mut self, status: u16) -> Self {
        self.crisp_status = status;
        self
    }

    /// Whether to send `Retry-After`.
    pub fn retry_after(mut self, on: bool) -> Self {
        self.retry_after = on;
        self
    }

    /// Bucket keying.
    pub fn scope(mut self, scope: RateScope) -> Self {
        self.scope = scope;
        self
    }
}

impl FromStr for RateLimit {
    type Err = ConfigError;
    /// `rps=5,burst=10,daily=1000,vendor=crisp,class=website,status=420,retry_after=false,scope=token`
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut rl = RateLimit::new(0.0, 0);
        let mut burst_set = false;
        for (k, v) in pairs(s) {
            match k {
                "rps" | "per_second" => rl.per_second = num(k, v)?,
                "burst" => {
                    rl.burst = num(k, v)?;
                    burst_set = true;
                }
                "daily" | "daily_quota" => rl.daily_quota = Some(num(k, v)?),
                "vendor" => rl.vendor = Some(v.parse()?),
                "class" | "route_class" => rl.route_class = Some(v.to_string()),
                "status" => {
                    let st: u16 = num(k, v)?;
                    if st != 429 && st != 420 {
                        return Err(bad("rate-limit `status` must be 429 or 420"));
                    }
                    rl.crisp_status = st;
                }
                "retry_after" => rl.retry_after = flag(v),
                "scope" => {
                    rl.scope = match v {
                        "class" => RateScope::PerClass,
                        "token" => RateScope::PerToken,
                        _ => return Err(bad("rate-limit `scope` is `class` or `token`")),
                    }
                }
                _ => return Err(bad(format!("unknown rate-limit key `{k}`"))),
            }
        }
        if !(rl.per_second.is_finite() && rl.per_second >= 0.0) {
            return Err(bad("rate-limit `rps` must be a non-negative number"));
        }
        if !burst_set {
            rl.burst = rl.per_second.ceil().max(1.0) as u32;
        }
        if rl.per_second == 0.0 && rl.daily_quota.is_none() {
            return Err(bad("rate-limit needs `rps` or `daily`"));
        }
        Ok(rl)
    }
}

/// Which of the matching requests a fault hits (counted per fault rule, from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nth {
    /// Every matching request.
    Always,
    /// Only the n-th matching request.
    Only(u64),
    /// Every n-th matching request (n, 2n, 3n, …).
    Every(u64),
    /// The first n matching requests.
    First(u64),
}

impl Nth {
    /// Whether the `count`-th matching request (1-based) is hit.
    pub fn hits(self, count: u64) -> bool {
        match self {
            Nth::Always => true,
            Nth::Only(n) => count == n,
            Nth::Every(n) => n != 0 && count.is_multiple_of(n),
            Nth::First(n) => count <= n,
        }
    }
}

/// Body flavour of an injected 5xx.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorBody {
    /// The vendor's JSON error envelope.
    Json,
    /// An HTML page, as a proxy or load balancer would send.
    Html,
}

/// What an injected fault does.
///
/// Kinds marked "processed" apply the request to the state first, so a client that retries them
/// blindly writes twice; the others never touch the state.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultKind {
    /// Wait before sending the response head (`headers`) and between body chunks (`body`,
    /// spread over 8 chunks). Processed.
    Delay {
        /// Delay before the status line and headers.
        headers: Duration,
        /// Total delay spread over the body.
        body: Duration,
    },
    /// Close the connection without processing or answering.
    CloseBeforeProcessing,
    /// Process the request, then close the connection without answering.
    CloseAfterProcessing,
    /// Answer with this status (500, 502, 503, …) without processing.
    Status {
        /// The status code.
        status: u16,
        /// JSON envelope or HTML page.
        body: ErrorBody,
    },
    /// Process, then send half of the body under a `Content-Length` for the whole, and close.
    TruncatedBody,
    /// Process, then answer 200 with a body that is not valid JSON.
    InvalidJson,
    /// Process, then answer 200 with a valid JSON envelope padded to `bytes` bytes.
    OversizedBody {
        /// Total body size.
        bytes: u64,
    },
}

impl FaultKind {
    /// A short name for logs and the request log.
    pub fn name(&self) -> &'static str {
        match self {
            FaultKind::Delay { .. } => "delay",
            FaultKind::CloseBeforeProcessing => "close_before",
            FaultKind::CloseAfterProcessing => "close_after",
            FaultKind::Status { .. } => "status",
            FaultKind::TruncatedBody => "truncated",
            FaultKind::InvalidJson => "invalid_json",
            FaultKind::OversizedBody { .. } => "oversized",
        }
    }

    /// Whether the request reaches the vendor handler (and the state) under this fault.
    pub fn processes(&self) -> bool {
        !matches!(
            self,
            FaultKind::CloseBeforeProcessing | FaultKind::Status { .. }
        )
    }
}

/// A scripted fault: which requests it hits and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// Only this method (any when `None`).
    pub method: Option<Method>,
    /// Only paths matching this: a prefix, or a pattern where `*` matches any run of characters.
    /// Matched against the full request path as sent (e.g. `/v1/website/…`, `/users/…`).
    pub path: Option<String>,
    /// Only this vendor.
    pub vendor: Option<Vendor>,
    /// Which matching requests are hit.
    pub nth: Nth,
    /// The effect.
    pub kind: FaultKind,
}

impl Fault {
    /// A fault on every request.
    pub fn new(kind: FaultKind) -> Self {
        Fault {
            method: None,
            path: None,
            vendor: None,
            nth: Nth::Always,
            kind,
        }
    }

    /// Restricts to one method.
    pub fn method(mut self, method: Method) -> Self {
        self.method = Some(method);
        self
    }

    /// Restricts to a path prefix or `*` pattern.
    pub fn path(mut self, pattern: impl Into<String>) -> Self {
        self.path = Some(pattern.into());
        self
    }

    /// Restricts to one vendor.
    pub fn vendor(mut self, vendor: Vendor) -> Self {
        self.vendor = Some(vendor);
        self
    }

    /// Chooses which matching requests are hit.
    pub fn nth(mut self, nth: Nth) -> Self {
        self.nth = nth;
        self
    }

    /// Whether `method path` (of `vendor`) is covered by this rule.
    pub fn matches(&self, vendor: Option<Vendor>, method: &Method, path: &str) -> bool {
        if self.method.as_ref().is_some_and(|m| m != method) {
            return false;
        }
        if self.vendor.is_some_and(|v| Some(v) != vendor) {
            return false;
        }
        match &self.path {
            None => true,
            Some(p) if p.contains('*') => glob(p.as_bytes(), path.as_bytes()),
            Some(p) => path.starts_with(p.as_str()),
        }
    }
}

/// `*` matches any run of bytes (including `/`); everything else literally. A pattern must match the
/// whole path.
fn glob(pat: &[u8], s: &[u8]) -> bool {
    let (mut p, mut i) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while i < s.len() {
        if p < pat.len() && pat[p] == b'*' {
            star = Some((p, i));
            p += 1;
        } else if p < pat.len() && pat[p] == s[i] {
            p += 1;
            i += 1;
        } else if let Some((sp, si)) = star {
            p = sp + 1;
            i = si + 1;
            star = Some((sp, si + 1));
        } else {
            return false;
        }
    }
    while p < pat.len() && pat[p] == b'*' {
        p += 1;
    }
    p == pat.len()
}

impl FromStr for Fault {
    type Err = ConfigError;
    /// `kind=status,status=503,html,method=POST,path=/v1/website/*/conversation/*/message,every=3`
    ///
    /// Kinds: `delay` (`headers=200ms`, `body=1s`), `close_before`, `close_after`, `status`
    /// (`status=500|502|503`, `html`), `truncated`, `invalid_json`, `oversized` (`bytes=N`).
    /// Selection: `method`, `path`, `vendor`, and one of `nth=N`, `every=N`, `first=N` (default:
    /// every matching request).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut kind_name = None;
        let mut method = None;
        let mut path = None;
        let mut vendor = None;
        let mut nth = Nth::Always;
        let mut headers = Duration::ZERO;
        let mut body = Duration::ZERO;
        let mut status = 503u16;
        let mut html = false;
        let mut bytes = 16 * 1024 * 1024u64;
        for (k, v) in pairs(s) {
            match k {
                "kind" => kind_name = Some(v.to_string()),
                "method" => {
                    method = Some(
                        Method::from_bytes(v.to_ascii_uppercase().as_bytes())
                            .map_err(|_| bad(format!("bad method `{v}`")))?,
                    )
                }
                "path" => path = Some(v.to_string()),
                "vendor" => vendor = Some(v.parse()?),
                "nth" => nth = Nth::Only(num(k, v)?),
                "every" => nth = Nth::Every(num(k, v)?),
                "first" => nth = Nth::First(num(k, v)?),
                "headers" => headers = duration(k, v)?,
                "body" => body = duration(k, v)?,
                "status" => status = num(k, v)?,
                "html" => html = flag(v),
                "bytes" => bytes = num(k, v)?,
                _ => return Err(bad(format!("unknown fault key `{k}`"))),
            }
        }
        let kind = match kind_name.as_deref() {
            Some("delay") => FaultKind::Delay { headers, body },
            Some("close_before") => FaultKind::CloseBeforeProcessing,
            Some("close_after") => FaultKind::CloseAfterProcessing,
            Some("status") => {
                if !(400..=599).contains(&status) {
                    return Err(bad("fault `status` must be 400..=599"));
                }
                FaultKind::Status {
                    status,
                    body: if html {
                        ErrorBody::Html
                    } else {
                        ErrorBody::Json
                    },
                }
            }
            Some("truncated") => FaultKind::TruncatedBody,
            Some("invalid_json") => FaultKind::InvalidJson,
            Some("oversized") => FaultKind::OversizedBody { bytes },
            Some(other) => return Err(bad(format!("unknown fault kind `{other}`"))),
            None => return Err(bad("a fault needs `kind=…`")),
        };
        Ok(Fault {
            method,
            path,
            vendor,
            nth,
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_whole_paths() {
        assert!(glob(b"/conversations/*/reply", b"/conversations/12/reply"));
        assert!(glob(b"/v1/*", b"/v1/users/1"));
        assert!(!glob(b"/conversations/*/reply", b"/conversations/12/close"));
        assert!(glob(b"*", b""));
    }

    #[test]
    fn parses_cli_strings() {
        let f: Fault = "kind=status,status=502,html,method=post,path=/users/*,every=2"
            .parse()
            .unwrap();
        assert_eq!(f.nth, Nth::Every(2));
        assert_eq!(
            f.kind,
            FaultKind::Status {
                status: 502,
                body: ErrorBody::Html
            }
        );
        let r: RateLimit = "rps=2,vendor=crisp,status=420".parse().unwrap();
        assert_eq!(r.burst, 2);
        assert_eq!(r.crisp_status, 420);
        let s: Seed = "conversations=1000,messages=100".parse().unwrap();
        assert_eq!(s.messages_per_conversation, 100);
        assert!("kind=nope".parse::<Fault>().is_err());
    }
}
