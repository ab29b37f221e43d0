//! Realtime Services (RTS): the messages Carrot Quest / Dashly push over its websocket, and their
//! payloads by channel.
//!
//! The table of payloads and an example are on [`RtsEvent`].

use crate::carrot::common::{Admin, Timestamp};
use crate::carrot::conversation::{Conversation, PartFrom};
use crate::carrot::event::Event;
use crate::carrot::user::Presence;
use crate::carrot::webhook::ChatMessage;
use crate::id::FlexId;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// One RTS message as sent: `{id, channel, message, tag, time}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RtsEnvelope {
    /// The message id (a number or a string on the wire, kept as text), unique per message: what
    /// the client de-duplicates by across reconnects.
    #[serde(deserialize_with = "de_text")]
    pub id: String,
    /// The channel it was published on, e.g. `conversation_reply.42`.
    pub channel: String,
    /// The payload.
    #[serde(default)]
    pub message: Value,
    /// The position tag (a string or a number on the wire, kept as text); passed back on reconnect.
    #[serde(default, deserialize_with = "de_opt_text")]
    pub tag: Option<String>,
    /// When it was published, an HTTP date; passed back on reconnect.
    #[serde(default)]
    pub time: Option<String>,
}

impl RtsEnvelope {
    /// An envelope (for simulators and tests).
    pub fn new(id: impl Into<String>, channel: impl Into<String>, message: Value) -> Self {
        RtsEnvelope {
            id: id.into(),
            channel: channel.into(),
            message,
            tag: None,
            time: None,
        }
    }
}

fn text_of<E: serde::de::Error>(v: Value) -> Result<Option<String>, E> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        Value::Number(n) => Ok(Some(n.to_string())),
        other => Err(E::custom(format!(
            "expected a string or a number, found {other}"
        ))),
    }
}

fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text_of(Value::deserialize(d)?)?.ok_or_else(|| serde::de::Error::custom("the id is null"))
}

fn de_opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text_of(Value::deserialize(d)?)
}

wire_struct! {
    /// `conversation_typing.*`: someone is typing in a conversation.
    #[non_exhaustive]
    pub struct RtsTyping {
        /// The conversation.
        pub conversation: Option<FlexId>,
        /// Who types: a user's Carrot id or an admin, as a part's `from`.
        pub from: Option<PartFrom>,
        /// `user` or `admin`, when sent.
        pub from_type: Option<String>,
        /// The text typed so far.
        pub body: Option<String>,
    }
}

wire_struct! {
    /// `conversation_read.*`: a conversation was read.
    #[non_exhaustive]
    pub struct RtsRead {
        /// The conversation.
        pub conversation: Option<FlexId>,
        /// The user's Carrot id.
        pub user: Option<FlexId>,
    }
}

wire_struct! {
    /// `conversation_assigned.{app}`: a conversation got an assignee (or lost it).
    #[non_exhaustive]
    pub struct RtsAssigned {
        /// The conversation.
        pub conversation: Option<FlexId>,
        /// The new assignee (`None` when unassigned or not sent).
        pub assignee: Option<Admin>,
        /// Who made the change: an admin, or an id.
        pub from: Option<PartFrom>,
    }
}

wire_struct! {
    /// `conversation_closed.{app}`: a conversation was closed.
    #[non_exhaustive]
    pub struct RtsClosed {
        /// The conversation.
        pub conversation: Option<FlexId>,
        /// Who closed it: an admin, or an id.
        pub from: Option<PartFrom>,
    }
}

wire_struct! {
    /// `conversation_tag_added.{app}` and `conversation_tag_deleted.{app}`.
    #[non_exhaustive]
    pub struct RtsTagChanged {
        /// The conversation.
        pub conversation: Option<FlexId>,
        /// The tag.
        pub tag: Option<String>,
        /// Who made the change: an admin, or an id.
        pub from: Option<PartFrom>,
    }
}

wire_struct! {
    /// `user_presence_changed.{app}`: a user came online, went idle or left.
    #[non_exhaustive]
    pub struct RtsPresenceChanged {
        /// The user's Carrot id.
        pub user: Option<FlexId>,
        /// The new presence.
        pub presence: Option<Presence>,
        /// When the user was last seen.
        pub last_seen: Option<Timestamp>,
        /// The page the user is on.
        pub current_page: Option<String>,
    }
}

wire_struct! {
    /// `user_props_changed.{app}.{user}`: properties of a user changed.
    #[non_exhaustive]
    pub struct RtsPropsChanged {
        /// The user's Carrot id.
        pub user: Option<FlexId>,
        /// The changed properties with their new values.
        pub props: Option<Map<String, Value>>,
    }
}

/// An RTS payload, typed by its channel's kind.
///
/// Every message is an [`RtsEnvelope`] `{id, channel, message, tag, time}`; `message` is the
/// payload, whose shape follows the channel's kind (the part of the channel name before the
/// first `.`). [`RtsEvent::decode`] types it:
///
/// | channel | payload |
/// |---|---|
/// | `conversation_reply.{app}[.{user}]` | [`ChatMessage`], the same type as the chat-message web hook's `conversation` |
/// | `conversation_started_user.{app}` | [`Conversation`] |
/// | `conversation_typing.{app}[.{user}]` | [`RtsTyping`] |
/// | `conversation_read.{app}[.{user}]` | [`RtsRead`] |
/// | `conversation_assigned.{app}` | [`RtsAssigned`] |
/// | `conversation_closed.{app}` | [`RtsClosed`] |
/// | `conversation_tag_added.{app}`, `conversation_tag_deleted.{app}` | [`RtsTagChanged`] |
/// | `user_presence_changed.{app}` | [`RtsPresenceChanged`] |
/// | `user_props_changed.{app}.{user}` | [`RtsPropsChanged`] |
/// | `event.{app}.{user}` | [`Event`], the same type as the event web hook's `event` |
/// | `conversation.{app}[.{user}]`, `ping`, anything else | kept as sent ([`RtsEvent::Other`]) |
///
/// Only the reply payload is documented (an example in the vendor's RTS page); the other shapes
/// are inferred from the REST forms of the same objects (who acted is a `from` like a part's:
/// a user id or an admin object) and read leniently: every field is optional, unknown fields are ignored, so a payload that
/// carries more or less than these types still decodes. A payload that is not even an object of
/// the expected kind is an error of [`RtsEvent::decode`], which the client turns into an item that
/// keeps the raw JSON.
///
/// ```
/// use chatdesk_model::carrot::{RtsEnvelope, RtsEvent};
///
/// let text = r#"{"id":"17","channel":"conversation_reply.42","tag":3,
///     "time":"Sun, 13 Dec 2015 08:00:24 GMT",
///     "message":{"id":7498329,"conversation":4718671,"body":"Reply test","type":"reply_user"}}"#;
/// let envelope: RtsEnvelope = serde_json::from_str(text).unwrap();
/// assert_eq!(envelope.tag.as_deref(), Some("3"));
/// match RtsEvent::decode(&envelope.channel, envelope.message).unwrap() {
///     RtsEvent::Reply(reply) => assert_eq!(reply.part.body.as_deref(), Some("Reply test")),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RtsEvent {
    /// `conversation_reply.*`: a new message in a conversation.
    Reply(Box<ChatMessage>),
    /// `conversation_started_user.*`: a user started a conversation.
    ConversationStarted(Box<Conversation>),
    /// `conversation_typing.*`.
    Typing(RtsTyping),
    /// `conversation_read.*`.
    Read(RtsRead),
    /// `conversation_assigned.*`.
    Assigned(RtsAssigned),
    /// `conversation_closed.*`.
    Closed(RtsClosed),
    /// `conversation_tag_added.*`.
    TagAdded(RtsTagChanged),
    /// `conversation_tag_deleted.*`.
    TagDeleted(RtsTagChanged),
    /// `user_presence_changed.*`.
    PresenceChanged(RtsPresenceChanged),
    /// `user_props_changed.*`.
    PropsChanged(RtsPropsChanged),
    /// `event.*`: a tracked event of a user.
    Event(Box<Event>),
    /// A channel kind without a typed payload (`conversation`, `ping`, or one this version does
    /// not know): the payload as sent.
    Other {
        /// The channel's kind, e.g. `ping`.
        kind: String,
        /// The payload.
        message: Value,
    },
}

/// The kind of a channel name: its part before the first `.` (`conversation_reply.42.7` →
/// `conversation_reply`).
pub fn rts_channel_kind(channel: &str) -> &str {
    channel.split('.').next().unwrap_or(channel)
}

impl RtsEvent {
    /// Types `message` by the kind of `channel`. Fails only when the channel has a typed payload
    /// and `message` does not fit it; the caller keeps the raw JSON then.
    pub fn decode(channel: &str, message: Value) -> Result<RtsEvent, serde_json::Error> {
        use serde_json::from_value as de;
        Ok(match rts_channel_kind(channel) {
            "conversation_reply" => RtsEvent::Reply(Box::new(de(message)?)),
            "conversation_started_user" => RtsEvent::ConversationStarted(Box::new(de(message)?)),
            "conversation_typing" => RtsEvent::Typing(de(message)?),
            "conversation_read" => RtsEvent::Read(de(message)?),
            "conversation_assigned" => RtsEvent::Assigned(de(message)?),
            "conversation_closed" => RtsEvent::Closed(de(message)?),
            "conversation_tag_added" => RtsEvent::TagAdded(de(message)?),
            "conversation_tag_deleted" => RtsEvent::TagDeleted(de(message)?),
            "user_presence_changed" => RtsEvent::PresenceChanged(de(message)?),
            "user_props_changed" => RtsEvent::PropsChanged(de(message)?),
            "event" => RtsEvent::Event(Box::new(de(message)?)),
            kind => RtsEvent::Other {
                kind: kind.to_owned(),
                message,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documented_reply_decodes_as_the_web_hook_type() {
        let example = include_str!("../../tests/fixtures/carrot/rts_conversation_reply.json");
        let message: Value = serde_json::from_str(example).unwrap();
        match RtsEvent::decode("conversation_reply.42", message).unwrap() {
            RtsEvent::Reply(reply) => {
                assert_eq!(reply.part.id, FlexId(7498329));
                assert_eq!(reply.part.conversation, Some(FlexId(4718671)));
                assert_eq!(reply.part.assignee.unwrap().name.as_deref(), Some("Maks"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn envelope_tags_and_ids_read_as_text_either_way() {
        let e: RtsEnvelope =
            serde_json::from_value(json!({"id": 5, "channel": "ping", "message": {}, "tag": "t9"}))
                .unwrap();
        assert_eq!((e.id.as_str(), e.tag.as_deref()), ("5", Some("t9")));
        let e: RtsEnvelope =
            serde_json::from_value(json!({"id": "a", "channel": "ping", "tag": 12})).unwrap();
        assert_eq!(
            (e.id.as_str(), e.tag.as_deref(), e.time),
            ("a", Some("12"), None)
        );
        assert!(serde_json::from_value::<RtsEnvelope>(json!({"id": [1], "channel": "x"})).is_err());
    }

    #[test]
    fn unknown_kinds_stay_raw_and_misfits_are_errors() {
        let ping = RtsEvent::decode("ping", json!({"x": 1})).unwrap();
        assert_eq!(
            ping,
            RtsEvent::Other {
                kind: "ping".into(),
                message: json!({"x": 1})
            }
        );
        assert!(RtsEvent::decode("conversation_closed.1", json!("not an object")).is_err());
        assert_eq!(rts_channel_kind("event.1.2"), "event");
    }
}
