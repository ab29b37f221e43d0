//! Where an RTS subscription connects: the brand's host, and the websocket URL of a set of
//! channels with the token and the resume position in its query.

use super::channel::Channel;
use super::item::RtsError;
use chatdesk_transport::websocket::WsUrl;
use http::Uri;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// The RTS base of Carrot Quest (the brand of [`DEFAULT_BASE_URL`](crate::DEFAULT_BASE_URL)).
pub const CARROT_RTS_URL: &str = "wss://realtime-services.carrotquest.io";
/// The RTS base of Dashly (the brand of [`DASHLY_BASE_URL`](crate::DASHLY_BASE_URL)).
pub const DASHLY_RTS_URL: &str = "wss://realtime-services.dashly.app";

/// The RTS base for a REST base URL: Dashly for a host under `dashly.app`, Carrot Quest for one
/// under `carrotquest.io`; `None` for any other host (a proxy, a simulator), which must name its
/// RTS URL explicitly.
pub(crate) fn brand_base(rest_base: &str) -> Option<&'static str> {
    let uri: Uri = rest_base.parse().ok()?;
    let host = uri.host()?.to_ascii_lowercase();
    let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if under("dashly.app") {
        Some(DASHLY_RTS_URL)
    } else if under("carrotquest.io") {
        Some(CARROT_RTS_URL)
    } else {
        None
    }
}

/// Where to resume: the `tag` and `time` of the last message delivered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Resume {
    pub(crate) tag: Option<String>,
    pub(crate) time: Option<String>,
}

/// Everything but unreserved characters is escaped in a query value (an HTTP date has spaces
/// and a comma; `+` would read as a space on some servers).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `{base}/websocket/{ch1}/{ch2}…?auth_token=…[&tag=…][&time=…]`.
///
/// The URL holds the token: keep it in the returned [`WsUrl`], whose `Debug` shows only the
/// origin and the path (the channels), and never print [`WsUrl::as_str`].
pub(crate) fn socket_url(
    base: &str,
    channels: &[Channel],
    token: &str,
    resume: &Resume,
    allow_plain: bool,
) -> Result<WsUrl, RtsError> {
    let mut url = base.trim_end_matches('/').to_owned();
    url.push_str("/websocket");
    for channel in channels {
        url.push('/');
        url.push_str(&channel.to_string());
    }
    url.push_str("?auth_token=");
    url.extend(utf8_percent_encode(token, QUERY_VALUE));
    for (name, value) in [("tag", &resume.tag), ("time", &resume.time)] {
        if let Some(value) = value {
            url.push('&');
            url.push_str(name);
            url.push('=');
            url.extend(utf8_percent_encode(value, QUERY_VALUE));
        }
    }
    let parsed = if allow_plain {
        WsUrl::parse_allowing_plain(&url)
    } else {
        WsUrl::parse(&url)
    };
    parsed.map_err(RtsError::Url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brand_follows_the_rest_host() {
        assert_eq!(brand_base(crate::DEFAULT_BASE_URL), Some(CARROT_RTS_URL));
        assert_eq!(
            brand_base("https://api-eu.carrotquest.io/v1"),
            Some(CARROT_RTS_URL)
        );
        assert_eq!(brand_base(crate::DASHLY_BASE_URL), Some(DASHLY_RTS_URL));
        assert_eq!(brand_base("http://127.0.0.1:8080/carrot/v1"), None);
        assert_eq!(brand_base("https://notcarrotquest.io/v1"), None);
    }

    #[test]
    fn the_url_carries_channels_token_and_position_and_debug_hides_the_query() {
        let channels = [
            Channel::conversation_reply(42_u64, None),
            Channel::event(42_u64, 7_u64),
        ];
        let resume = Resume {
            tag: Some("3".into()),
            time: Some("Sun, 13 Dec 2015 08:00:24 GMT".into()),
        };
        let url = socket_url(CARROT_RTS_URL, &channels, "app.1.s3cr3t+x", &resume, false).unwrap();
        assert_eq!(
            url.as_str(),
            "wss://realtime-services.carrotquest.io/websocket/conversation_reply.42/event.42.7\
             ?auth_token=app.1.s3cr3t%2Bx&tag=3&time=Sun%2C%2013%20Dec%202015%2008%3A00%3A24%20GMT"
        );
        let debug = format!("{url:?}");
        assert!(!debug.contains("s3cr3t"), "{debug}");
        assert!(
            debug.contains("/websocket/conversation_reply.42/event.42.7"),
            "{debug}"
        );
        let fresh = socket_url(
            "ws://127.0.0.1:9/",
            &channels[..1],
            "t",
            &Resume::default(),
            false,
        )
        .unwrap();
        assert_eq!(
            fresh.as_str(),
            "ws://127.0.0.1:9/websocket/conversation_reply.42?auth_token=t"
        );
        assert!(matches!(
            socket_url(
                "ws://relay.example",
                &channels,
                "t",
                &Resume::default(),
                false
            ),
            Err(RtsError::Url(_))
        ));
    }
}
