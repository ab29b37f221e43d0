//! The client side of the websocket upgrade (RFC 6455 §4.1), done here rather than by
//! tungstenite: tungstenite's client handshake writes the raw request, path and query included,
//! to the `log` crate at trace level, and a real-time URL may carry a token in its query
//! (Carrot RTS's `auth_token`). Framing after the upgrade is still tungstenite's.

use crate::websocket::{WsError, WsIo, WsStream, WsUrl, tungstenite};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::WebSocketStream;
use tungstenite::error::{CapacityError, Error as TError, ProtocolError};
use tungstenite::handshake::client::generate_key;
use tungstenite::handshake::derive_accept_key;
use tungstenite::protocol::{Role, WebSocketConfig};

/// The largest response head accepted before the upgrade.
const MAX_HEAD: usize = 16 * 1024;

fn refused(e: TError) -> WsError {
    WsError::Handshake(Box::new(e))
}

fn protocol(e: ProtocolError) -> WsError {
    refused(TError::Protocol(e))
}

/// Sends the upgrade request for `url` on `io`, checks the `101` answer and returns the socket.
/// A non-101 answer is `WsError::Handshake(Error::Http(response))` with its status (no body).
pub(crate) async fn upgrade(
    mut io: WsIo,
    url: &WsUrl,
    user_agent: Option<&str>,
    config: WebSocketConfig,
) -> Result<WsStream, WsError> {
    let key = generate_key();
    let uri = url.uri();
    let authority = uri.authority().map_or("", |a| a.as_str());
    // Never userinfo in `Host`.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let mut request = format!(
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {key}\r\n"
    );
    if let Some(agent) =
        user_agent.filter(|a| a.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b)))
    {
        request.push_str("User-Agent: ");
        request.push_str(agent);
        request.push_str("\r\n");
    }
    request.push_str("\r\n");
    io.write_all(request.as_bytes())
        .await
        .map_err(WsError::Io)?;
    io.flush().await.map_err(WsError::Io)?;
    drop(request);

    let (head, rest) = read_head(&mut io).await?;
    let (status, headers) = parse_head(&head)?;
    if status != 101 {
        let mut response = http::Response::new(None);
        *response.status_mut() = http::StatusCode::from_u16(status)
            .map_err(|_| protocol(ProtocolError::HandshakeIncomplete))?;
        return Err(refused(TError::Http(Box::new(response))));
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    if !header("upgrade").is_some_and(|v| v.trim().eq_ignore_ascii_case("websocket")) {
        return Err(protocol(ProtocolError::MissingUpgradeWebSocketHeader));
    }
    let connection_upgrade = header("connection").is_some_and(|v| {
        v.split(',')
            .any(|token| token.trim().eq_ignore_ascii_case("upgrade"))
    });
    if !connection_upgrade {
        return Err(protocol(ProtocolError::MissingConnectionUpgradeHeader));
    }
    if header("sec-websocket-accept").map(str::trim) != Some(&derive_accept_key(key.as_bytes())) {
        return Err(protocol(ProtocolError::SecWebSocketAcceptKeyMismatch));
    }
    Ok(WebSocketStream::from_partially_read(io, rest, Role::Client, Some(config)).await)
}

/// Reads up to the end of the response head; returns the head and what followed it (the first
/// frames, when the server sent them in the same segment).
async fn read_head(io: &mut WsIo) -> Result<(String, Vec<u8>), WsError> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = buf.split_off(end + 4);
            let head =
                String::from_utf8(buf).map_err(|_| protocol(ProtocolError::HandshakeIncomplete))?;
            return Ok((head, rest));
        }
        if buf.len() > MAX_HEAD {
            return Err(refused(TError::Capacity(CapacityError::TooManyHeaders)));
        }
        let n = io.read(&mut chunk).await.map_err(WsError::Io)?;
        if n == 0 {
            return Err(protocol(ProtocolError::HandshakeIncomplete));
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// The status and the headers of a response head.
fn parse_head(head: &str) -> Result<(u16, Vec<(String, String)>), WsError> {
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split(' ');
    if parts.next() != Some("HTTP/1.1") {
        return Err(protocol(ProtocolError::WrongHttpVersion));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| protocol(ProtocolError::HandshakeIncomplete))?;
    let headers = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Ok((status, headers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::websocket::{WsConfig, connect};
    use futures_util::StreamExt;
    use tokio::net::TcpListener;

    /// A server that reads the request head and answers with `answer(key)`.
    async fn answering(answer: fn(&str) -> Vec<u8>) -> (WsUrl, tokio::task::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = WsUrl::parse(&format!(
            "ws://{}/websocket/ping?auth_token=t0k",
            listener.local_addr().unwrap()
        ))
        .unwrap();
        let server = tokio::spawn(async move {
            let (mut tcp, _) = listener.accept().await.unwrap();
            let mut buf = vec![0u8; 4096];
            let mut head = Vec::new();
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = tcp.read(&mut buf).await.unwrap();
                head.extend_from_slice(&buf[..n]);
            }
            let head = String::from_utf8(head).unwrap();
            let key = head
                .lines()
                .find_map(|l| l.strip_prefix("Sec-WebSocket-Key: "))
                .unwrap()
                .to_owned();
            tcp.write_all(&answer(&key)).await.unwrap();
            // Keep the connection until the client is done.
            let _ = tcp.read(&mut buf).await;
            head
        });
        (url, server)
    }

    #[tokio::test]
    async fn a_frame_sent_with_the_101_is_not_lost() {
        let (url, server) = answering(|key| {
            let mut out = format!(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
                 Sec-WebSocket-Accept: {}\r\n\r\n",
                derive_accept_key(key.as_bytes())
            )
            .into_bytes();
            // An unmasked text frame "hi", in the same write as the head.
            out.extend_from_slice(&[0x81, 2, b'h', b'i']);
            out
        })
        .await;
        let config = WsConfig {
            user_agent: Some("chatdesk-test".into()),
            ..WsConfig::default()
        };
        let mut ws = connect(&url, &config).await.unwrap();
        let first = ws.next().await.unwrap().unwrap();
        assert_eq!(first.into_text().unwrap().as_str(), "hi");
        drop(ws);
        let head = server.await.unwrap();
        assert!(
            head.starts_with("GET /websocket/ping?auth_token=t0k HTTP/1.1\r\n"),
            "{head}"
        );
        assert!(head.contains("\r\nUser-Agent: chatdesk-test\r\n"), "{head}");
        assert!(head.contains(&format!("\r\nHost: {}\r\n", url.uri().authority().unwrap())));
    }

    #[tokio::test]
    async fn a_wrong_accept_key_and_a_refusal_are_handshake_errors() {
        let (url, _server) = answering(|_| {
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
              Sec-WebSocket-Accept: bm90IHRoZSBrZXk=\r\n\r\n"
                .to_vec()
        })
        .await;
        let err = connect(&url, &WsConfig::default()).await.unwrap_err();
        assert!(
            matches!(&err, WsError::Handshake(e) if matches!(**e, TError::Protocol(ProtocolError::SecWebSocketAcceptKeyMismatch))),
            "{err:?}"
        );
        let (url, _server) =
            answering(|_| b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".to_vec()).await;
        let err = connect(&url, &WsConfig::default()).await.unwrap_err();
        assert!(
            matches!(&err, WsError::Handshake(e) if matches!(&**e, TError::Http(r) if r.status() == 502)),
            "{err:?}"
        );
    }
}
