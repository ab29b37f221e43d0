//! One websocket connector for the vendor crates' real-time clients (feature `websocket`).
//!
//! [`connect`] opens a client websocket over TCP, through the same rustls configuration as the
//! REST stack ([`tls_config`](crate::tls_config): ring provider, Mozilla roots, no native TLS),
//! with ALPN `http/1.1` because a websocket upgrade is an HTTP/1.1 exchange. The upgrade request
//! is written here (tungstenite's client handshake logs the request line, query included, to the
//! `log` crate, and a query may carry a token); the framing is tokio-tungstenite's, re-exported
//! as `websocket::tungstenite` for its message type.
//!
//! Plain `ws://` (or `http://`) is refused unless the host is a loopback address, the same rule
//! as [`BaseUrl::parse`](crate::BaseUrl::parse): the vendor protocols send the API credentials
//! over the socket, and in clear anyone on the path reads them.
//!
//! ```
//! use chatdesk_transport::websocket::WsUrl;
//! let url = WsUrl::parse("https://app.relay.example/socket/?a=1").unwrap();
//! assert_eq!(url.as_str(), "wss://app.relay.example/socket/?a=1");
//! assert!(WsUrl::parse("ws://127.0.0.1:9000/").is_ok());
//! assert!(WsUrl::parse("ws://relay.example/").is_err());
//! ```

use crate::endpoint::is_loopback;
use http::Uri;
use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

pub use tokio_tungstenite::tungstenite;

/// An open client websocket.
pub type WsStream = tokio_tungstenite::WebSocketStream<WsIo>;

/// A checked websocket URL: `wss://`, or `ws://` to a loopback host (`http`/`https` are read as
/// `ws`/`wss`).
#[derive(Clone, PartialEq, Eq)]
pub struct WsUrl {
    uri: Uri,
    tls: bool,
}

impl fmt::Debug for WsUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only the origin and path: a query may carry a token on some services.
        write!(
            f,
            "WsUrl({}://{}{})",
            if self.tls { "wss" } else { "ws" },
            self.uri.authority().map_or("", |a| a.as_str()),
            self.uri.path()
        )
    }
}

impl WsUrl {
    /// Checks `url`: an absolute `ws`, `wss`, `http` or `https` URL with a host; plain to a
    /// loopback host only.
    pub fn parse(url: &str) -> Result<WsUrl, WsError> {
        Self::parse_inner(url, false)
    }

    /// Like [`WsUrl::parse`], but accepts plain `ws://` to any host (the credentials then
    /// travel in clear).
    pub fn parse_allowing_plain(url: &str) -> Result<WsUrl, WsError> {
        Self::parse_inner(url, true)
    }

    fn parse_inner(url: &str, allow_plain: bool) -> Result<WsUrl, WsError> {
        let invalid = |reason: &str| WsError::InvalidUrl {
            reason: reason.to_owned(),
        };
        let uri: Uri = url
            .parse()
            .map_err(|_| invalid("not an absolute URL (scheme, host, path)"))?;
        let (tls, scheme) = match uri.scheme_str() {
            Some("wss" | "https") => (true, "wss"),
            Some("ws" | "http") => (false, "ws"),
            _ => return Err(invalid("the scheme must be ws, wss, http or https")),
        };
        let Some(authority) = uri.authority() else {
            return Err(invalid("no host"));
        };
        let host = uri.host().unwrap_or_default();
        if host.is_empty() {
            return Err(invalid("no host"));
        }
        if !tls && !allow_plain && !is_loopback(host) {
            return Err(WsError::PlainRefused {
                host: host.to_owned(),
            });
        }
        let path_and_query = uri.path_and_query().map_or("/", |p| p.as_str());
        let rebuilt = format!("{scheme}://{authority}{path_and_query}");
        let uri = rebuilt
            .parse()
            .map_err(|_| invalid("not an absolute URL (scheme, host, path)"))?;
        Ok(WsUrl { uri, tls })
    }

    /// The URL, with a `ws` or `wss` scheme.
    pub fn as_str(&self) -> String {
        self.uri.to_string()
    }

    /// The parsed URL.
    pub fn uri(&self) -> &Uri {
        &self.uri
    }

    /// Whether the connection is encrypted (`wss`).
    pub fn is_tls(&self) -> bool {
        self.tls
    }

    fn host(&self) -> &str {
        let host = self.uri.host().unwrap_or_default();
        host.strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
    }

    fn port(&self) -> u16 {
        self.uri
            .port_u16()
            .unwrap_or(if self.tls { 443 } else { 80 })
    }
}

/// Why a websocket could not be opened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WsError {
    /// The URL is not a websocket URL.
    #[error("invalid websocket URL: {reason}")]
    InvalidUrl {
        /// What is wrong with it.
        reason: String,
    },
    /// Plain `ws://` to a host that is not a loopback address.
    #[error(
        "plain ws:// to `{host}`, which is not a loopback address, would send the credentials in clear"
    )]
    PlainRefused {
        /// The refused host.
        host: String,
    },
    /// The TLS configuration could not be built.
    #[error("TLS configuration")]
    Tls(#[source] rustls::Error),
    /// TCP or TLS failed (DNS, refused, reset, certificate).
    #[error("could not connect to the websocket server")]
    Io(#[source] std::io::Error),
    /// The websocket upgrade failed (a non-101 answer, a bad handshake).
    #[error("websocket handshake failed")]
    Handshake(#[source] Box<tungstenite::Error>),
    /// Nothing answered within the connect timeout.
    #[error("no websocket connection within {0:?}")]
    Timeout(Duration),
}

/// Options of [`connect`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WsConfig {
    /// The `User-Agent` of the upgrade request.
    pub user_agent: Option<String>,
    /// The longest TCP + TLS + upgrade may take.
    pub timeout: Duration,
    /// The largest frame and message accepted from the server, in bytes.
    pub max_message: usize,
}

impl Default for WsConfig {
    fn default() -> Self {
        WsConfig {
            user_agent: None,
            timeout: Duration::from_secs(10),
            max_message: 16 << 20,
        }
    }
}

/// The byte stream under a [`WsStream`]: TCP, or TLS over TCP.
pub struct WsIo(Io);

enum Io {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

impl fmt::Debug for WsIo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            Io::Plain(_) => "WsIo(tcp)",
            Io::Tls(_) => "WsIo(tls)",
        })
    }
}

impl AsyncRead for WsIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().0 {
            Io::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for WsIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match &mut self.get_mut().0 {
            Io::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().0 {
            Io::Plain(s) => Pin::new(s).poll_flush(cx),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().0 {
            Io::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Io::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

/// Opens a client websocket to `url`: TCP, TLS for `wss` (the transport's rustls
/// configuration, ALPN `http/1.1`), then the HTTP/1.1 upgrade, all within `config.timeout`.
pub async fn connect(url: &WsUrl, config: &WsConfig) -> Result<WsStream, WsError> {
    tokio::time::timeout(config.timeout, connect_inner(url, config))
        .await
        .map_err(|_| WsError::Timeout(config.timeout))?
}

async fn connect_inner(url: &WsUrl, config: &WsConfig) -> Result<WsStream, WsError> {
    let tcp = TcpStream::connect((url.host(), url.port()))
        .await
        .map_err(WsError::Io)?;
    // Small frames (pongs, emits) should not wait for Nagle.
    let _ = tcp.set_nodelay(true);
    let io = if url.tls {
        let mut tls = crate::client::tls_config().map_err(WsError::Tls)?;
        tls.alpn_protocols = vec![b"http/1.1".to_vec()];
        let name =
            rustls::pki_types::ServerName::try_from(url.host().to_owned()).map_err(|_| {
                WsError::InvalidUrl {
                    reason: "the host is not a valid TLS server name".into(),
                }
            })?;
        let stream = tokio_rustls::TlsConnector::from(Arc::new(tls))
            .connect(name, tcp)
            .await
            .map_err(WsError::Io)?;
        WsIo(Io::Tls(Box::new(stream)))
    } else {
        WsIo(Io::Plain(tcp))
    };
    let ws_config = tungstenite::protocol::WebSocketConfig::default()
        .max_message_size(Some(config.max_message))
        .max_frame_size(Some(config.max_message));
    // Our own upgrade: tungstenite's would log the request line, query (and token) included.
    crate::ws_handshake::upgrade(io, url, config.user_agent.as_deref(), ws_config).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_like_base_urls() {
        let u = WsUrl::parse("http://localhost:8080/rtm/?EIO=4").unwrap();
        assert_eq!(u.as_str(), "ws://localhost:8080/rtm/?EIO=4");
        assert!(!u.is_tls());
        assert_eq!(u.port(), 8080);
        let u = WsUrl::parse("wss://[::1]/").unwrap();
        assert_eq!((u.host(), u.port()), ("::1", 443));
        assert!(matches!(
            WsUrl::parse("ws://relay.example/"),
            Err(WsError::PlainRefused { host }) if host == "relay.example"
        ));
        assert!(WsUrl::parse_allowing_plain("ws://relay.example/").is_ok());
        for bad in ["", "ftp://x/", "/relative", "wss:///nohost"] {
            assert!(
                matches!(WsUrl::parse(bad), Err(WsError::InvalidUrl { .. })),
                "{bad}"
            );
        }
        assert!(!format!("{:?}", WsUrl::parse("wss://h/p?token=x").unwrap()).contains("token"));
    }

    #[tokio::test]
    async fn connects_over_loopback_tcp() {
        use futures_util::{SinkExt, StreamExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let (tcp, _) = listener.accept().await.unwrap();
            let mut ws = tokio_tungstenite::accept_async(tcp).await.unwrap();
            let msg = ws.next().await.unwrap().unwrap();
            ws.send(msg).await.unwrap();
        });
        let url = WsUrl::parse(&format!("ws://{addr}/echo")).unwrap();
        let mut ws = connect(&url, &WsConfig::default()).await.unwrap();
        ws.send(tungstenite::Message::text("hi")).await.unwrap();
        let back = ws.next().await.unwrap().unwrap();
        assert_eq!(back.into_text().unwrap().as_str(), "hi");
        server.await.unwrap();
    }

    #[tokio::test]
    async fn refused_connection_is_an_io_error() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let url = WsUrl::parse(&format!("ws://{addr}/")).unwrap();
        assert!(matches!(
            connect(&url, &WsConfig::default()).await,
            Err(WsError::Io(_))
        ));
    }
}
