//! Conversation messages: the content union keyed by `type`, received messages, and the bodies of
//! the message routes (send, update, compose, read/delivered/unread marks, history query).
//!
//! [`MessageContent`] is shared by sending and receiving: on the wire it is the two sibling fields
//! `type` and `content` of a message object, and it is flattened into [`Message`] and
//! [`MessageSend`].

use super::common::{DataMap, response_struct};
use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

string_enum! {
    /// The kind of a message, i.e. its `type` field.
    pub enum MessageType {
        /// Plain text.
        Text => "text",
        /// Private note between operators.
        Note => "note",
        /// A file link.
        File => "file",
        /// An animated image (GIF).
        Animation => "animation",
        /// A voice recording.
        Audio => "audio",
        /// A list of choices.
        Picker => "picker",
        /// A form field the visitor fills in.
        Field => "field",
        /// A carousel of cards.
        Carousel => "carousel",
        /// A system event shown in the conversation.
        Event => "event",
    }
}

string_enum! {
    /// Which side of the conversation sent something.
    pub enum MessageFrom {
        /// The visitor or contact.
        User => "user",
        /// An operator (human or bot).
        Operator => "operator",
    }
}

string_enum! {
    /// The channel a message or action comes from: `chat`, `email`, or a plugin URN
    /// (`urn:…`, kept in `Other`).
    pub enum Origin {
        /// The chatbox or operator app.
        Chat => "chat",
        /// E-mail.
        Email => "email",
    }
}

response_struct! {
    /// Content of a `file` message.
    pub struct FileContent {
        /// File name shown to the reader.
        pub name: Option<String>,
        /// Where the file is.
        pub url: Option<String>,
        /// MIME type.
        #[serde(rename = "type")]
        pub mime: Option<String>,
    }

    /// Content of an `animation` message.
    pub struct AnimationContent {
        /// Where the animation is.
        pub url: Option<String>,
        /// MIME type.
        #[serde(rename = "type")]
        pub mime: Option<String>,
    }

    /// Content of an `audio` message.
    pub struct AudioContent {
        /// Where the recording is.
        pub url: Option<String>,
        /// MIME type.
        #[serde(rename = "type")]
        pub mime: Option<String>,
        /// Length in seconds.
        pub duration: Option<u32>,
    }

    /// Content of a `picker` message: a question with choices.
    pub struct PickerContent {
        /// Picker id, echoed back when the visitor picks.
        pub id: Option<String>,
        /// The question.
        pub text: Option<String>,
        /// The choices.
        pub choices: Option<Vec<PickerChoice>>,
        /// Whether an answer is required.
        pub required: Option<bool>,
    }

    /// One choice of a picker.
    pub struct PickerChoice {
        /// Value reported when picked.
        pub value: Option<String>,
        /// Emoji or icon shown next to the label.
        pub icon: Option<String>,
        /// Label shown.
        pub label: Option<String>,
        /// Whether this choice is the one selected.
        pub selected: Option<bool>,
        /// What happens when it is picked.
        pub action: Option<PickerAction>,
    }

    /// An action attached to a picker choice.
    pub struct PickerAction {
        /// Action kind.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Action target, e.g. a URL.
        pub target: Option<String>,
    }

    /// Content of a `field` message: a single input.
    pub struct FieldContent {
        /// Field id.
        pub id: Option<String>,
        /// The question.
        pub text: Option<String>,
        /// Help text.
        pub explain: Option<String>,
        /// The value entered, once there is one.
        pub value: Option<String>,
        /// Whether a value is required.
        pub required: Option<bool>,
    }

    /// Content of a `carousel` message.
    pub struct CarouselContent {
        /// Text above the cards.
        pub text: Option<String>,
        /// The cards.
        pub targets: Option<Vec<CarouselTarget>>,
    }

    /// One card of a carousel.
    pub struct CarouselTarget {
        /// Card title.
        pub title: Option<String>,
        /// Card text.
        pub description: Option<String>,
        /// Card image URL.
        pub image: Option<String>,
        /// Buttons on the card.
        pub actions: Option<Vec<CarouselAction>>,
    }

    /// A button on a carousel card.
    pub struct CarouselAction {
        /// Button label.
        pub label: Option<String>,
        /// URL opened.
        pub url: Option<String>,
    }

    /// Content of an `event` message.
    pub struct EventContent {
        /// Event namespace.
        pub namespace: Option<String>,
        /// Optional text shown with it.
        pub text: Option<String>,
    }
}

impl FileContent {
    /// A file called `name` at `url`, of MIME type `mime`.
    pub fn new(name: impl Into<String>, url: impl Into<String>, mime: impl Into<String>) -> Self {
        FileContent {
            name: Some(name.into()),
            url: Some(url.into()),
            mime: Some(mime.into()),
        }
    }
}

impl AnimationContent {
    /// An animation at `url`, of MIME type `mime`.
    pub fn new(url: impl Into<String>, mime: impl Into<String>) -> Self {
        AnimationContent {
            url: Some(url.into()),
            mime: Some(mime.into()),
        }
    }
}

impl AudioContent {
    /// A recording at `url`, of MIME type `mime`, lasting `duration` seconds.
    pub fn new(url: impl Into<String>, mime: impl Into<String>, duration: u32) -> Self {
        AudioContent {
            url: Some(url.into()),
            mime: Some(mime.into()),
            duration: Some(duration),
        }
    }
}

impl PickerContent {
    /// A picker `id` asking `text` with the given choices.
    pub fn new(id: impl Into<String>, text: impl Into<String>, choices: Vec<PickerChoice>) -> Self {
        PickerContent {
            id: Some(id.into()),
            text: Some(text.into()),
            choices: Some(choices),
            required: None,
        }
    }
}

impl PickerChoice {
    /// An unselected choice reporting `value` and showing `label`.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        PickerChoice {
            value: Some(value.into()),
            label: Some(label.into()),
            selected: Some(false),
            ..PickerChoice::default()
        }
    }
}

impl FieldContent {
    /// A field `id` asking `text`, with help text `explain`.
    pub fn new(id: impl Into<String>, text: impl Into<String>, explain: impl Into<String>) -> Self {
        FieldContent {
            id: Some(id.into()),
            text: Some(text.into()),
            explain: Some(explain.into()),
            ..FieldContent::default()
        }
    }
}

impl CarouselContent {
    /// A carousel with `text` above the given cards.
    pub fn new(text: impl Into<String>, targets: Vec<CarouselTarget>) -> Self {
        CarouselContent {
            text: Some(text.into()),
            targets: Some(targets),
        }
    }
}

impl CarouselTarget {
    /// A card with a title, a description and buttons.
    pub fn new(
        title: impl Into<String>,
        description: impl Into<String>,
        actions: Vec<CarouselAction>,
    ) -> Self {
        CarouselTarget {
            title: Some(title.into()),
            description: Some(description.into()),
            image: None,
            actions: Some(actions),
        }
    }
}

impl CarouselAction {
    /// A button labelled `label` opening `url`.
    pub fn new(label: impl Into<String>, url: impl Into<String>) -> Self {
        CarouselAction {
            label: Some(label.into()),
            url: Some(url.into()),
        }
    }
}

impl EventContent {
    /// An event in `namespace`, without text.
    pub fn new(namespace: impl Into<String>) -> Self {
        EventContent {
            namespace: Some(namespace.into()),
            text: None,
        }
    }
}

/// The body of a message, chosen by its `type`.
///
/// Serialized as the two fields `"type"` and `"content"` (flatten it into the enclosing object).
/// A type this crate does not know, or a known type whose content does not have the expected
/// shape (e.g. a `file` whose content is a string), decodes into [`MessageContent::Other`] with the
/// content kept as sent, so no message is ever lost to decoding.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageContent {
    /// `text`: plain text.
    Text(String),
    /// `note`: private note text.
    Note(String),
    /// `file`: a file link.
    File(FileContent),
    /// `animation`: an animated image.
    Animation(AnimationContent),
    /// `audio`: a voice recording.
    Audio(AudioContent),
    /// `picker`: a question with choices.
    Picker(PickerContent),
    /// `field`: a single input.
    Field(FieldContent),
    /// `carousel`: cards with buttons.
    Carousel(CarouselContent),
    /// `event`: a system event.
    Event(EventContent),
    /// Anything else, kept raw. An empty `kind` means the `type` field was absent, and a `Null`
    /// content means `content` was absent; both are then left out again when encoding.
    Other {
        /// The `type` as sent.
        kind: String,
        /// The `content` as sent.
        content: Value,
    },
}

impl Default for MessageContent {
    fn default() -> Self {
        MessageContent::Text(String::new())
    }
}

impl MessageContent {
    /// A text message.
    pub fn text(text: impl Into<String>) -> Self {
        MessageContent::Text(text.into())
    }

    /// A private note.
    pub fn note(text: impl Into<String>) -> Self {
        MessageContent::Note(text.into())
    }

    /// The `type` of this content.
    pub fn kind(&self) -> MessageType {
        match self {
            MessageContent::Text(_) => MessageType::Text,
            MessageContent::Note(_) => MessageType::Note,
            MessageContent::File(_) => MessageType::File,
            MessageContent::Animation(_) => MessageType::Animation,
            MessageContent::Audio(_) => MessageType::Audio,
            MessageContent::Picker(_) => MessageType::Picker,
            MessageContent::Field(_) => MessageType::Field,
            MessageContent::Carousel(_) => MessageType::Carousel,
            MessageContent::Event(_) => MessageType::Event,
            MessageContent::Other { kind, .. } => match kind.parse::<MessageType>() {
                Ok(t) => t,
                Err(never) => match never {},
            },
        }
    }

    /// The text of a `text` or `note` message.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            MessageContent::Text(t) | MessageContent::Note(t) => Some(t),
            _ => None,
        }
    }

    /// The `content` field alone, as JSON (what the message update route takes).
    pub fn content_value(&self) -> Value {
        fn to<T: Serialize>(v: &T) -> Value {
            serde_json::to_value(v).unwrap_or(Value::Null)
        }
        match self {
            MessageContent::Text(t) | MessageContent::Note(t) => Value::String(t.clone()),
            MessageContent::File(c) => to(c),
            MessageContent::Animation(c) => to(c),
            MessageContent::Audio(c) => to(c),
            MessageContent::Picker(c) => to(c),
            MessageContent::Field(c) => to(c),
            MessageContent::Carousel(c) => to(c),
            MessageContent::Event(c) => to(c),
            MessageContent::Other { content, .. } => content.clone(),
        }
    }

    /// Builds the content from a `type` and a raw `content`, falling back to `Other`.
    pub fn from_parts(kind: Option<String>, content: Option<Value>) -> Self {
        fn typed<T: DeserializeOwned>(
            kind: String,
            content: Value,
            wrap: fn(T) -> MessageContent,
        ) -> MessageContent {
            match T::deserialize(&content) {
                Ok(v) => wrap(v),
                Err(_) => MessageContent::Other { kind, content },
            }
        }
        let content = content.unwrap_or(Value::Null);
        let Some(kind) = kind else {
            return MessageContent::Other {
                kind: String::new(),
                content,
            };
        };
        match kind.as_str() {
            "text" | "note" => match content {
                Value::String(s) if kind == "text" => MessageContent::Text(s),
                Value::String(s) => MessageContent::Note(s),
                other => MessageContent::Other {
                    kind,
                    content: other,
                },
            },
            "file" => typed(kind, content, MessageContent::File),
            "animation" => typed(kind, content, MessageContent::Animation),
            "audio" => typed(kind, content, MessageContent::Audio),
            "picker" => typed(kind, content, MessageContent::Picker),
            "field" => typed(kind, content, MessageContent::Field),
            "carousel" => typed(kind, content, MessageContent::Carousel),
            "event" => typed(kind, content, MessageContent::Event),
            _ => MessageContent::Other { kind, content },
        }
    }
}

impl Serialize for MessageContent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self {
            MessageContent::Other { kind, content } => {
                if !kind.is_empty() {
                    map.serialize_entry("type", kind)?;
                }
                if !content.is_null() {
                    map.serialize_entry("content", content)?;
                }
            }
            typed => {
                // Every known kind is written as its `MessageType` name, from one place.
                map.serialize_entry("type", typed.kind().as_str())?;
                match typed {
                    MessageContent::Text(t) | MessageContent::Note(t) => {
                        map.serialize_entry("content", t)?
                    }
                    MessageContent::File(c) => map.serialize_entry("content", c)?,
                    MessageContent::Animation(c) => map.serialize_entry("content", c)?,
                    MessageContent::Audio(c) => map.serialize_entry("content", c)?,
                    MessageContent::Picker(c) => map.serialize_entry("content", c)?,
                    MessageContent::Field(c) => map.serialize_entry("content", c)?,
                    MessageContent::Carousel(c) => map.serialize_entry("content", c)?,
                    MessageContent::Event(c) => map.serialize_entry("content", c)?,
                    MessageContent::Other { .. } => {}
                }
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for MessageContent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Parts {
            #[serde(rename = "type", default)]
            kind: Option<String>,
            #[serde(default)]
            content: Option<Value>,
        }
        let parts = Parts::deserialize(d)?;
        Ok(MessageContent::from_parts(parts.kind, parts.content))
    }
}

response_struct! {
    /// Who wrote a message, as shown to the other side.
    pub struct MessageUser {
        /// Kind of author, e.g. `website` on messages sent through the API.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Author id: an operator's user id or the visitor's session id.
        pub user_id: Option<String>,
        /// Name shown.
        pub nickname: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
    }

    /// A link a message points to (help article, URL…).
    pub struct MessageReference {
        /// Reference kind, e.g. `url`.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Name shown.
        pub name: Option<String>,
        /// What it points to.
        pub target: Option<String>,
    }

    /// Pointer to the original (e.g. raw e-mail) a message was made from.
    pub struct MessageOriginal {
        /// Id to pass to the "get original message" route.
        pub original_id: Option<String>,
    }

    /// A link preview attached to a message.
    pub struct MessagePreview {
        /// Previewed URL.
        pub url: Option<String>,
        /// Site name.
        pub website: Option<String>,
        /// Page title.
        pub title: Option<String>,
        /// Preview details.
        pub preview: Option<PreviewDetails>,
        /// Whether the preview was stamped (stored) by Crisp.
        pub stamped: Option<bool>,
    }

    /// Details of a link preview.
    pub struct PreviewDetails {
        /// Text excerpt.
        pub excerpt: Option<String>,
        /// Image URL.
        pub image: Option<String>,
        /// Embeddable player URL.
        pub embed: Option<String>,
    }

    /// Why delivery of a message was skipped on a channel.
    pub struct MessageIgnored {
        /// Kind of skip.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Reason code.
        pub reason: Option<String>,
    }
}

impl MessageUser {
    /// An author shown as `nickname`.
    pub fn named(nickname: impl Into<String>) -> Self {
        MessageUser {
            nickname: Some(nickname.into()),
            ..MessageUser::default()
        }
    }
}

impl MessageReference {
    /// A reference of `kind` named `name` pointing at `target`.
    pub fn new(
        kind: impl Into<String>,
        name: impl Into<String>,
        target: impl Into<String>,
    ) -> Self {
        MessageReference {
            kind: Some(kind.into()),
            name: Some(name.into()),
            target: Some(target.into()),
        }
    }
}

impl MessageOriginal {
    /// A pointer to the original `original_id`.
    pub fn new(original_id: impl Into<String>) -> Self {
        MessageOriginal {
            original_id: Some(original_id.into()),
        }
    }
}

wire_struct! {
    /// A message of a conversation, as listed, fetched, or pushed by `message:send` /
    /// `message:received` events.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct Message {
        /// Conversation the message belongs to.
        pub session_id: Option<String>,
        /// Website the conversation belongs to.
        pub website_id: Option<String>,
        /// Inbox of the conversation (events only; `null` for the default inbox).
        pub inbox_id: Option<String>,
        /// The `type` and `content` fields.
        #[serde(flatten)]
        pub content: MessageContent,
        /// Which side wrote it.
        pub from: Option<MessageFrom>,
        /// Channel it came through.
        pub origin: Option<Origin>,
        /// Link previews.
        pub preview: Option<Vec<MessagePreview>>,
        /// Operators mentioned (user ids).
        pub mentions: Option<Vec<String>>,
        /// Channel on which it was read, once read.
        pub read: Option<String>,
        /// Channel on which it was delivered, once delivered.
        pub delivered: Option<String>,
        /// Channels where delivery was skipped, by channel name.
        pub ignored: Option<BTreeMap<String, MessageIgnored>>,
        /// Whether it was edited after sending.
        pub edited: Option<bool>,
        /// Whether it was machine-translated.
        pub translated: Option<bool>,
        /// Whether a bot or automation sent it.
        pub automated: Option<bool>,
        /// Whether Crisp stored (stamped) it.
        pub stamped: Option<bool>,
        /// Unique message id within the conversation (exceeds 32 bits).
        pub fingerprint: Option<i64>,
        /// When it was sent, in milliseconds since the epoch.
        pub timestamp: Option<i64>,
        /// Author details.
        pub user: Option<MessageUser>,
        /// Links the message points to.
        pub references: Option<Vec<MessageReference>>,
        /// Pointer to the original it was made from.
        pub original: Option<MessageOriginal>,
        /// Custom properties (string, number or boolean values).
        pub properties: Option<DataMap>,
    }
}

wire_struct! {
    /// Body of `POST /website/{website_id}/conversation/{session_id}/message`.
    ///
    /// `type`, `from`, `origin` and `content` are required; the rest is optional.
    pub struct MessageSend {
        /// The `type` and `content` fields.
        #[serde(flatten)]
        pub content: MessageContent,
        /// Which side sends it (`operator` for an integration speaking to a visitor).
        pub from: MessageFrom,
        /// Channel, usually `chat` (or a plugin URN).
        pub origin: Origin,
        /// Fingerprint to use instead of a server-generated one.
        pub fingerprint: Option<i64>,
        /// Author shown.
        pub user: Option<MessageUser>,
        /// Operators mentioned (notes).
        pub mentions: Option<Vec<String>>,
        /// Links the message points to.
        pub references: Option<Vec<MessageReference>>,
        /// Pointer to an original.
        pub original: Option<MessageOriginal>,
        /// Custom properties (string, number or boolean values).
        pub properties: Option<DataMap>,
        /// Send time to record, in milliseconds (importing history).
        pub timestamp: Option<i64>,
        /// Send in stealth mode (no notification to the other side).
        pub stealth: Option<bool>,
        /// Mark as machine-translated.
        pub translated: Option<bool>,
        /// Mark as sent by a bot or automation.
        pub automated: Option<bool>,
    }
}

impl MessageSend {
    /// A message with the required fields only.
    pub fn new(from: MessageFrom, origin: Origin, content: MessageContent) -> Self {
        MessageSend {
            content,
            from,
            origin,
            fingerprint: None,
            user: None,
            mentions: None,
            references: None,
            original: None,
            properties: None,
            timestamp: None,
            stealth: None,
            translated: None,
            automated: None,
        }
    }

    /// An operator message on the `chat` channel, the usual case for integrations.
    pub fn operator(content: MessageContent) -> Self {
        MessageSend::new(MessageFrom::Operator, Origin::Chat, content)
    }
}

response_struct! {
    /// Answer to a sent message: the fingerprint it was given.
    pub struct MessageDispatched {
        /// The new message's fingerprint.
        pub fingerprint: Option<i64>,
    }
}

/// Body of `PATCH …/message/{fingerprint}`: the new `content` (same shape as the message type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageUpdate {
    /// New content: a string for text and notes, an object for the other types.
    pub content: Value,
}

impl MessageUpdate {
    /// Replaces the text of a text message or note.
    pub fn text(text: impl Into<String>) -> Self {
        MessageUpdate {
            content: Value::String(text.into()),
        }
    }

    /// Replaces the content with the `content` part of `new`.
    pub fn from_content(new: &MessageContent) -> Self {
        MessageUpdate {
            content: new.content_value(),
        }
    }
}

wire_struct! {
    /// Query of `GET …/conversation/{session_id}/messages`.
    ///
    /// With no field set, the latest batch is returned. Page backwards with `timestamp_before` set
    /// to the oldest timestamp already seen. Set at most one field.
    #[derive(Default, Eq)]
    pub struct MessagesQuery {
        /// Messages sent before this time (milliseconds).
        pub timestamp_before: Option<i64>,
        /// Messages sent after this time (milliseconds).
        pub timestamp_after: Option<i64>,
        /// Messages around this time (milliseconds).
        pub timestamp_around: Option<i64>,
    }
}

impl MessagesQuery {
    /// Messages older than `timestamp` (ms).
    pub fn before(timestamp: i64) -> Self {
        MessagesQuery {
            timestamp_before: Some(timestamp),
            ..MessagesQuery::default()
        }
    }
}

string_enum! {
    /// Start or stop of a typing indicator.
    pub enum ComposeType {
        /// Typing started.
        Start => "start",
        /// Typing stopped.
        Stop => "stop",
    }
}

wire_struct! {
    /// Body of `PATCH …/conversation/{session_id}/compose`: show or hide a typing indicator.
    pub struct ComposeMessage {
        /// Start or stop.
        #[serde(rename = "type")]
        pub kind: ComposeType,
        /// Which side is typing.
        pub from: MessageFrom,
        /// Text typed so far.
        pub excerpt: Option<String>,
        /// Do not show it to the other side.
        pub stealth: Option<bool>,
        /// Typing comes from a bot or automation.
        pub automated: Option<bool>,
    }
}

impl ComposeMessage {
    /// A start/stop signal from one side.
    pub fn new(kind: ComposeType, from: MessageFrom) -> Self {
        ComposeMessage {
            kind,
            from,
            excerpt: None,
            stealth: None,
            automated: None,
        }
    }
}

/// Body of `PATCH …/read` and `PATCH …/delivered`: acknowledge messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessagesMark {
    /// Side whose messages are acknowledged (the other side reads them).
    pub from: MessageFrom,
    /// Channel of the acknowledgement.
    pub origin: Origin,
    /// Fingerprints of the messages.
    pub fingerprints: Vec<i64>,
}

impl MessagesMark {
    /// Acknowledges `fingerprints` sent by `from`, on `origin`.
    pub fn new(from: MessageFrom, origin: Origin, fingerprints: Vec<i64>) -> Self {
        MessagesMark {
            from,
            origin,
            fingerprints,
        }
    }
}

/// Body of `PATCH …/unread`: mark the conversation unread for one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnreadMark {
    /// Side for which it becomes unread.
    pub from: MessageFrom,
}

impl UnreadMark {
    /// Marks unread for `from`.
    pub fn new(from: MessageFrom) -> Self {
        UnreadMark { from }
    }
}
