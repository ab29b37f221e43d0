//! Engine.IO / Socket.IO text packets as the RTM server reads and writes them.
//!
//! Only what Crisp RTM uses: Engine.IO `0` open, `1` close, `2` ping, `3` pong, `4` message and
//! `6` noop; inside a message, Socket.IO `0` connect, `1` disconnect, `2` event and `4` connect
//! error, on the default namespace (`/`). Binary packets and acknowledgements are not part of RTM.

use serde_json::Value;

/// One packet a client sent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inbound {
    /// Engine.IO close (`1`).
    Close,
    /// Engine.IO ping (`2`, EIO3 clients ping the server), with its probe text if any.
    Ping(String),
    /// Engine.IO pong (`3`), the answer to our ping.
    Pong,
    /// Engine.IO noop (`6`).
    Noop,
    /// Socket.IO connect (`40`) to a namespace (`/` unless named).
    Connect { namespace: String },
    /// Socket.IO disconnect (`41`).
    Disconnect,
    /// Socket.IO event (`42`): its name and first argument (`null` when there is none).
    Event { name: String, arg: Value },
    /// Anything else (kept for logging; the server ignores it).
    Other,
}

/// Parses one websocket text frame.
pub(crate) fn parse(text: &str) -> Inbound {
    let mut chars = text.chars();
    match chars.next() {
        Some('1') => Inbound::Close,
        Some('2') => Inbound::Ping(chars.as_str().to_owned()),
        Some('3') => Inbound::Pong,
        Some('6') => Inbound::Noop,
        Some('4') => parse_socketio(chars.as_str()),
        _ => Inbound::Other,
    }
}

fn parse_socketio(text: &str) -> Inbound {
    let mut chars = text.chars();
    let kind = chars.next();
    let rest = chars.as_str();
    // An optional namespace (`/name,`) comes first.
    let (namespace, rest) = match rest.strip_prefix('/') {
        Some(after) => match after.split_once(',') {
            Some((ns, tail)) => (format!("/{ns}"), tail),
            None => (format!("/{after}"), ""),
        },
        None => ("/".to_owned(), rest),
    };
    match kind {
        Some('0') => Inbound::Connect { namespace },
        Some('1') => Inbound::Disconnect,
        Some('2') => {
            // An acknowledgement id (digits) may precede the array; RTM never asks for one.
            let json = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            let Ok(Value::Array(mut items)) = serde_json::from_str::<Value>(json) else {
                return Inbound::Other;
            };
            if items.is_empty() {
                return Inbound::Other;
            }
            let name = match items.remove(0) {
                Value::String(s) => s,
                _ => return Inbound::Other,
            };
            let arg = if items.is_empty() {
                Value::Null
            } else {
                items.remove(0)
            };
            Inbound::Event { name, arg }
        }
        _ => Inbound::Other,
    }
}

/// The Engine.IO open packet (`0{…}`).
pub(crate) fn open(
    sid: &str,
    ping_interval_ms: u64,
    ping_timeout_ms: u64,
    max_payload: usize,
) -> String {
    format!(
        "0{}",
        serde_json::json!({
            "sid": sid,
            "upgrades": [],
            "pingInterval": ping_interval_ms,
            "pingTimeout": ping_timeout_ms,
            "maxPayload": max_payload,
        })
    )
}

/// The Socket.IO connect answer on `/` (`40{"sid":…}`; EIO3 clients get a bare `40`).
pub(crate) fn connected(sid: &str, eio3: bool) -> String {
    if eio3 {
        "40".to_owned()
    } else {
        format!("40{}", serde_json::json!({ "sid": sid }))
    }
}

/// A connect error for a namespace the server does not serve.
pub(crate) fn connect_error(namespace: &str) -> String {
    format!(
        "44{namespace},{}",
        serde_json::json!({"message": "Invalid namespace"})
    )
}

/// A Socket.IO event with one argument (`42["name",arg]`).
pub(crate) fn event(name: &str, arg: &Value) -> String {
    format!("42{}", serde_json::json!([name, arg]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_every_packet_kind_rtm_uses() {
        assert_eq!(parse("1"), Inbound::Close);
        assert_eq!(parse("2"), Inbound::Ping(String::new()));
        assert_eq!(parse("2probe"), Inbound::Ping("probe".into()));
        assert_eq!(parse("3"), Inbound::Pong);
        assert_eq!(parse("6"), Inbound::Noop);
        assert_eq!(
            parse("40"),
            Inbound::Connect {
                namespace: "/".into()
            }
        );
        assert_eq!(
            parse("40{\"token\":1}"),
            Inbound::Connect {
                namespace: "/".into()
            }
        );
        assert_eq!(
            parse("40/admin,"),
            Inbound::Connect {
                namespace: "/admin".into()
            }
        );
        assert_eq!(parse("41"), Inbound::Disconnect);
        assert_eq!(
            parse("42[\"authentication\",{\"tier\":\"plugin\"}]"),
            Inbound::Event {
                name: "authentication".into(),
                arg: json!({"tier": "plugin"})
            }
        );
        assert_eq!(
            parse("4212[\"socket:bind\"]"),
            Inbound::Event {
                name: "socket:bind".into(),
                arg: Value::Null
            }
        );
        assert_eq!(parse("42[1]"), Inbound::Other);
        assert_eq!(parse("42[]"), Inbound::Other);
        assert_eq!(parse("42{"), Inbound::Other);
        assert_eq!(parse(""), Inbound::Other);
        assert_eq!(parse("x"), Inbound::Other);
    }

    #[test]
    fn writes_the_server_packets() {
        let o = open("abc", 25000, 20000, 1000);
        assert!(o.starts_with('0'));
        let v: Value = serde_json::from_str(&o[1..]).unwrap();
        assert_eq!(v["sid"], "abc");
        assert_eq!(v["pingInterval"], 25000);
        assert_eq!(v["pingTimeout"], 20000);
        assert_eq!(connected("s", false), "40{\"sid\":\"s\"}");
        assert_eq!(connected("s", true), "40");
        assert_eq!(
            event("authenticated", &json!(true)),
            "42[\"authenticated\",true]"
        );
        assert!(connect_error("/x").starts_with("44/x,{"));
    }
}
