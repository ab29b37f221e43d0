//! What an RTS subscription yields: lifecycle items and messages, and the errors that end it.

use super::channel::ChannelError;
use chatdesk_model::carrot::{RtsEnvelope, RtsEvent};
use chatdesk_transport::websocket::{WsError, tungstenite};
use std::time::Duration;

/// One message of a channel, its payload typed by the channel's kind.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RtsMessage {
    /// The message id (unique; what duplicates are recognised by).
    pub id: String,
    /// The channel it came on, e.g. `conversation_reply.42`.
    pub channel: String,
    /// Its position tag, as text.
    pub tag: Option<String>,
    /// When it was published (an HTTP date).
    pub time: Option<String>,
    /// The payload.
    pub event: RtsEvent,
}

/// One item of an [`Rts`](super::Rts) stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RtsItem {
    /// The first connection is open: messages flow from now on. The first item of every stream.
    Connected,
    /// A message, seen for the first time.
    Message(RtsMessage),
    /// A message on a channel with a typed payload whose payload did not fit its type: the
    /// envelope as sent (it still counts as delivered, and moves the resume position).
    Malformed {
        /// The message as sent.
        envelope: RtsEnvelope,
        /// What did not decode.
        error: String,
    },
    /// A text frame that is not an RTS message at all, as sent.
    Unreadable {
        /// The frame's text.
        text: String,
        /// Why it is not a message.
        error: String,
    },
    /// The connection was lost (or an attempt failed); the next attempt starts after `after`.
    Reconnecting {
        /// 1 for the first attempt after a loss; it keeps counting while connections fail
        /// before delivering anything.
        attempt: u32,
        /// The wait before this attempt.
        after: Duration,
        /// Why the connection (or the previous attempt) failed.
        cause: String,
    },
    /// Connected again, asking for what was published since this position: the last message
    /// delivered, or, when none was yet, the moment the first connection opened less 5 s
    /// (`time` alone). Messages already delivered are not delivered again.
    Resumed {
        /// The `tag` sent.
        from_tag: Option<String>,
        /// The `time` sent.
        from_time: Option<String>,
    },
}

/// What ends an RTS subscription or refuses to start it.
///
/// No variant holds the URL: it carries the token. Hosts and channel names may appear.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RtsError {
    /// The channels cannot be subscribed to (none, more than 50, a malformed id). Final, and
    /// found before any connection.
    #[error("invalid RTS subscription")]
    Channels(#[from] ChannelError),
    /// The client's REST base URL is not a Carrot Quest or Dashly host, so the RTS host is not
    /// known: name it with [`RtsBuilder::url`](super::RtsBuilder::url). Final.
    #[error("no RTS host is known for the REST host of {base}; set RtsBuilder::url")]
    NoHost {
        /// The REST base URL.
        base: String,
    },
    /// The RTS URL is not usable (not a URL, or plain `ws://` to a remote host). Final.
    #[error("unusable RTS URL")]
    Url(#[source] WsError),
    /// The token was refused: close code 3401 (bad or expired token), or 401 on the upgrade.
    /// Final: no further connection is attempted.
    #[error("the RTS server refused the token (3401){}", reason_suffix(.reason))]
    Unauthorized {
        /// The close reason, when the server sent one.
        reason: Option<String>,
    },
    /// None of the channels is permitted to the token: close code 3403, or 403 on the upgrade.
    /// Final.
    #[error("the RTS server permits none of the channels (3403){}", reason_suffix(.reason))]
    Forbidden {
        /// The close reason, when the server sent one.
        reason: Option<String>,
    },
    /// The upgrade was answered with another status than 101. Retried for 5xx, 408 and 429
    /// (Carrot documents 502 and 503); final for other 4xx, which trying again cannot change.
    #[error("the RTS upgrade was answered with HTTP {status}")]
    Upgrade {
        /// The status.
        status: u16,
    },
    /// TCP, TLS or the upgrade failed otherwise. Retried.
    #[error("could not open the RTS websocket")]
    Connect(#[source] WsError),
    /// The server closed the websocket with another code than 3401 or 3403 (Carrot documents
    /// 3500, 3502 and 3503), or without one. Retried.
    #[error("the RTS server closed the connection{}{}", .code.map(|c| format!(" ({c})")).unwrap_or_default(), reason_suffix(.reason))]
    Closed {
        /// The close code, when a close frame came.
        code: Option<u16>,
        /// The close reason, when the server sent one.
        reason: Option<String>,
    },
    /// The websocket failed while open. Retried.
    #[error("the RTS websocket failed")]
    Socket(#[source] Box<tungstenite::Error>),
    /// Nothing arrived for the silence timeout. Retried.
    #[error("the RTS connection was silent for {0:?}")]
    Silent(Duration),
}

fn reason_suffix(reason: &Option<String>) -> String {
    reason
        .as_deref()
        .map(|r| format!(": {r}"))
        .unwrap_or_default()
}

impl RtsError {
    /// Whether trying again cannot help: an invalid subscription, no host, an unusable URL, a
    /// refused token (3401), no permitted channel (3403), a 4xx upgrade answer.
    pub fn is_final(&self) -> bool {
        match self {
            RtsError::Channels(_)
            | RtsError::NoHost { .. }
            | RtsError::Url(_)
            | RtsError::Unauthorized { .. }
            | RtsError::Forbidden { .. } => true,
            RtsError::Upgrade { status } => {
                (400..500).contains(status) && !matches!(status, 408 | 429)
            }
            RtsError::Connect(_)
            | RtsError::Closed { .. }
            | RtsError::Socket(_)
            | RtsError::Silent(_) => false,
        }
    }

    /// The error of a close frame: 3401 and 3403 are final, anything else a lost connection.
    pub(crate) fn from_close(code: Option<u16>, reason: Option<String>) -> RtsError {
        let reason = reason.filter(|r| !r.is_empty());
        match code {
            Some(3401) => RtsError::Unauthorized { reason },
            Some(3403) => RtsError::Forbidden { reason },
            _ => RtsError::Closed { code, reason },
        }
    }

    /// The error of a failed connection attempt: the status of a non-101 answer is kept (and
    /// decides whether to retry), the rest of the answer is not.
    pub(crate) fn from_connect(e: WsError) -> RtsError {
        if let WsError::Handshake(inner) = &e
            && let tungstenite::Error::Http(response) = inner.as_ref()
        {
            return match response.status().as_u16() {
                401 => RtsError::Unauthorized { reason: None },
                403 => RtsError::Forbidden { reason: None },
                status => RtsError::Upgrade { status },
            };
        }
        RtsError::Connect(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_codes_and_statuses_decide_finality() {
        assert!(RtsError::from_close(Some(3401), None).is_final());
        assert!(RtsError::from_close(Some(3403), Some("no".into())).is_final());
        for code in [Some(3500), Some(3502), Some(3503), Some(1006), None] {
            assert!(!RtsError::from_close(code, None).is_final(), "{code:?}");
        }
        for status in [500, 502, 503, 408, 429] {
            assert!(!RtsError::Upgrade { status }.is_final(), "{status}");
        }
        assert!(RtsError::Upgrade { status: 404 }.is_final());
        assert_eq!(
            RtsError::from_close(Some(3502), Some("bye".into())).to_string(),
            "the RTS server closed the connection (3502): bye"
        );
    }
}
