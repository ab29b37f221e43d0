//! The Engine.IO v4 / Socket.IO v5 text packets the RTM client reads and writes: a pure codec
//! (no I/O), total over its input: any text decodes to a packet or a [`CodecError`].
//!
//! An Engine.IO packet is one websocket text frame, a type digit then its data: `0` open (a JSON
//! handshake), `1` close, `2` ping, `3` pong, `4` message (a Socket.IO packet), `5` upgrade,
//! `6` noop. A Socket.IO packet is a type digit, an optional `/namespace,`, an optional ack id,
//! then JSON: `0` connect, `1` disconnect, `2` event (`["name", arg…]`), `4` connect error.
//! Binary packets and acks are not part of Crisp RTM and are refused (acks ids are skipped).

use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;

/// The server's Engine.IO handshake (`0{…}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Handshake {
    /// The Engine.IO session id.
    pub sid: String,
    /// Transports the connection could upgrade to (none for a websocket).
    #[serde(default)]
    pub upgrades: Vec<String>,
    /// How often the server pings, in milliseconds.
    pub ping_interval: u64,
    /// How long the server waits for a pong, in milliseconds.
    pub ping_timeout: u64,
    /// The largest payload the server accepts, in bytes.
    #[serde(default)]
    pub max_payload: Option<u64>,
}

impl Handshake {
    /// How long without a ping means the connection is dead: `pingInterval + pingTimeout`.
    pub fn heartbeat_deadline(&self) -> Duration {
        Duration::from_millis(self.ping_interval.saturating_add(self.ping_timeout))
    }
}

/// One decoded Engine.IO packet.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Packet {
    /// `0{…}`: the handshake.
    Open(Handshake),
    /// `1`: the server closes the Engine.IO session.
    Close,
    /// `2`: a heartbeat ping (answer with [`Packet::Pong`]).
    Ping,
    /// `3`: a pong.
    Pong,
    /// `4…`: a Socket.IO packet.
    Message(SioPacket),
    /// `5`: upgrade (polling only; ignored).
    Upgrade,
    /// `6`: noop.
    Noop,
}

/// One decoded Socket.IO packet on the main namespace.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SioPacket {
    /// `40` or `40{"sid"}`: the namespace is connected.
    Connect {
        /// The Socket.IO session id, when sent.
        sid: Option<String>,
    },
    /// `41`: the server disconnected the namespace.
    Disconnect,
    /// `42["name", arg]`: an event with its first argument (`null` when none).
    Event {
        /// The event name.
        name: String,
        /// The first argument.
        data: Value,
    },
    /// `44{…}`: the server refused the namespace connection.
    ConnectError {
        /// `message` of the error object, when there is one.
        message: Option<String>,
        /// The error as sent.
        data: Value,
    },
}

/// Why a frame is not a packet this client understands.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    /// An empty frame (or an empty Socket.IO packet).
    #[error("empty packet")]
    Empty,
    /// An Engine.IO or Socket.IO type this client does not know or support.
    #[error("unsupported packet type `{0}`")]
    UnsupportedType(String),
    /// A packet on another namespace than `/`.
    #[error("packet for namespace `{0}`, only `/` is used")]
    Namespace(String),
    /// The JSON part does not parse, or is not the shape the packet type needs.
    #[error("malformed {what} packet")]
    Json {
        /// Which packet.
        what: &'static str,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// An event whose arguments are not `["name", …]`.
    #[error("event packet is not [\"name\", …]")]
    BadEvent,
}

fn json<T: serde::de::DeserializeOwned>(what: &'static str, text: &str) -> Result<T, CodecError> {
    serde_json::from_str(text).map_err(|source| CodecError::Json { what, source })
}

/// Decodes one text frame.
pub fn decode(frame: &str) -> Result<Packet, CodecError> {
    let mut chars = frame.chars();
    let Some(kind) = chars.next() else {
        return Err(CodecError::Empty);
    };
    let rest = chars.as_str();
    Ok(match kind {
        '0' => Packet::Open(json("open", rest)?),
        '1' => Packet::Close,
        '2' => Packet::Ping,
        '3' => Packet::Pong,
        '4' => Packet::Message(decode_sio(rest)?),
        '5' => Packet::Upgrade,
        '6' => Packet::Noop,
        other => return Err(CodecError::UnsupportedType(other.to_string())),
    })
}

fn decode_sio(packet: &str) -> Result<SioPacket, CodecError> {
    let mut chars = packet.chars();
    let Some(kind) = chars.next() else {
        return Err(CodecError::Empty);
    };
    let mut rest = chars.as_str();
    // An optional namespace, `/name,`; `/` alone is the main one.
    if rest.starts_with('/') {
        let (namespace, after) = rest.split_once(',').unwrap_or((rest, ""));
        if namespace != "/" {
            return Err(CodecError::Namespace(namespace.to_owned()));
        }
        rest = after;
    }
    // An optional ack id (the server asking for an acknowledgement): Crisp sends none, and
    // this client never acknowledges, so it is skipped.
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    Ok(match kind {
        '0' => {
            #[derive(Deserialize)]
            struct Connected {
                sid: Option<String>,
            }
            if rest.is_empty() {
                SioPacket::Connect { sid: None }
            } else {
                let c: Connected = json("connect", rest)?;
                SioPacket::Connect { sid: c.sid }
            }
        }
        '1' => SioPacket::Disconnect,
        '2' => {
            let mut args: Vec<Value> = json("event", rest)?;
            if args.is_empty() {
                return Err(CodecError::BadEvent);
            }
            let data = if args.len() > 1 {
                args.swap_remove(1)
            } else {
                Value::Null
            };
            match args.swap_remove(0) {
                Value::String(name) => SioPacket::Event { name, data },
                _ => return Err(CodecError::BadEvent),
            }
        }
        '4' => {
            let data: Value = if rest.is_empty() {
                Value::Null
            } else {
                json("connect error", rest)?
            };
            let message = match &data {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get("message").and_then(Value::as_str).map(str::to_owned),
                _ => None,
            };
            SioPacket::ConnectError { message, data }
        }
        other => return Err(CodecError::UnsupportedType(format!("4{other}"))),
    })
}

/// `3`: the answer to a ping.
pub const PONG: &str = "3";
/// `40`: connect to the main namespace.
pub const CONNECT: &str = "40";
/// `41`: leave the main namespace (a graceful close).
pub const DISCONNECT: &str = "41";

/// `42["name", data]`: emits an event with one argument.
pub fn encode_event(name: &str, data: &Value) -> String {
    // A `Value` and a `&str` always serialise.
    let args = Value::Array(vec![Value::String(name.to_owned()), data.clone()]);
    format!("42{args}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn open_packet_reads_the_handshake() {
        let p = decode(r#"0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"#).unwrap();
        let Packet::Open(h) = p else { panic!("{p:?}") };
        assert_eq!(h.sid, "abc");
        assert_eq!(h.heartbeat_deadline(), Duration::from_secs(45));
        assert_eq!(h.max_payload, Some(1_000_000));
        assert!(matches!(
            decode("0{}"),
            Err(CodecError::Json { what: "open", .. })
        ));
        assert!(matches!(decode("0"), Err(CodecError::Json { .. })));
    }

    #[test]
    fn engine_io_control_packets() {
        assert_eq!(decode("1").unwrap(), Packet::Close);
        assert_eq!(decode("2").unwrap(), Packet::Ping);
        assert_eq!(decode("3").unwrap(), Packet::Pong);
        assert_eq!(decode("5").unwrap(), Packet::Upgrade);
        assert_eq!(decode("6").unwrap(), Packet::Noop);
        assert!(matches!(decode(""), Err(CodecError::Empty)));
        assert!(matches!(decode("9"), Err(CodecError::UnsupportedType(t)) if t == "9"));
        assert!(matches!(decode("é"), Err(CodecError::UnsupportedType(_))));
    }

    #[test]
    fn socket_io_connect_with_and_without_sid() {
        assert_eq!(
            decode("40").unwrap(),
            Packet::Message(SioPacket::Connect { sid: None })
        );
        assert_eq!(
            decode(r#"40{"sid":"s1"}"#).unwrap(),
            Packet::Message(SioPacket::Connect {
                sid: Some("s1".into())
            })
        );
        assert_eq!(
            decode(r#"40/,{"sid":"s1"}"#).unwrap(),
            Packet::Message(SioPacket::Connect {
                sid: Some("s1".into())
            })
        );
        assert!(matches!(decode("40{"), Err(CodecError::Json { .. })));
        assert!(matches!(decode("40/admin,"), Err(CodecError::Namespace(n)) if n == "/admin"));
    }

    #[test]
    fn socket_io_events() {
        assert_eq!(
            decode(r#"42["message:send",{"website_id":"w"}]"#).unwrap(),
            Packet::Message(SioPacket::Event {
                name: "message:send".into(),
                data: json!({"website_id": "w"})
            })
        );
        assert_eq!(
            decode(r#"42["authenticated",true]"#).unwrap(),
            Packet::Message(SioPacket::Event {
                name: "authenticated".into(),
                data: json!(true)
            })
        );
        // No argument, extra arguments, an ack id.
        assert_eq!(
            decode(r#"42["x"]"#).unwrap(),
            Packet::Message(SioPacket::Event {
                name: "x".into(),
                data: Value::Null
            })
        );
        assert_eq!(
            decode(r#"4217["x",1,2]"#).unwrap(),
            Packet::Message(SioPacket::Event {
                name: "x".into(),
                data: json!(1)
            })
        );
        for bad in ["42[]", "42[1,2]", "42{}", "42", r#"42["x""#] {
            assert!(decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn socket_io_disconnect_and_connect_error() {
        assert_eq!(
            decode("41").unwrap(),
            Packet::Message(SioPacket::Disconnect)
        );
        assert_eq!(
            decode(r#"44{"message":"Not authorized"}"#).unwrap(),
            Packet::Message(SioPacket::ConnectError {
                message: Some("Not authorized".into()),
                data: json!({"message": "Not authorized"})
            })
        );
        assert!(matches!(
            decode("44"),
            Ok(Packet::Message(SioPacket::ConnectError {
                message: None,
                ..
            }))
        ));
        assert!(matches!(decode("4"), Err(CodecError::Empty)));
        assert!(matches!(decode("45[]"), Err(CodecError::UnsupportedType(t)) if t == "45"));
        assert!(matches!(
            decode("43[]"),
            Err(CodecError::UnsupportedType(_))
        ));
    }

    #[test]
    fn client_packets_encode() {
        assert_eq!(
            encode_event("socket:bind", &json!({})),
            r#"42["socket:bind",{}]"#
        );
        assert_eq!(encode_event("a\"b", &json!(null)), r#"42["a\"b",null]"#);
        assert_eq!((PONG, CONNECT, DISCONNECT), ("3", "40", "41"));
        // What we encode, we decode.
        let text = encode_event("authentication", &json!({"tier": "plugin"}));
        assert!(matches!(
            decode(&text).unwrap(),
            Packet::Message(SioPacket::Event { name, .. }) if name == "authentication"
        ));
    }

    proptest::proptest! {
        #[test]
        fn decoding_never_panics(text in "\\PC*") {
            let _ = decode(&text);
        }

        #[test]
        fn decoding_socket_io_prefixes_never_panics(tail in "\\PC*", kind in 0u8..10) {
            let _ = decode(&format!("4{kind}{tail}"));
            let _ = decode(&format!("4{kind}/{tail}"));
            let _ = decode(&format!("0{tail}"));
        }
    }
}
