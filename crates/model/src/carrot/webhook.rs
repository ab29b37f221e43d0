//! Inbound web hooks: the form-encoded POSTs Carrot Quest sends to your URL.
//!
//! Two kinds have a fixed shape: event web hooks (`type=event`) and the chat-message web hook
//! (`type=conversation`). Both carry `token`, a shared secret shown in the admin panel; there is
//! no signature, so check it with [`verify_token`] (or [`Webhook::verify`]) before trusting
//! anything else. Answer 200, or the delivery is retried.
//!
//! The parsed token is a [`WebhookToken`]: `Debug` and `Display` print `<redacted>` and the
//! hook types leave it out when serialised, so logging or storing a parsed hook does not leak
//! the secret.
//!
//! ```
//! use chatdesk_model::carrot::{Webhook, parse_webhook};
//!
//! let body = b"type=event&token=s3cret&event_name=%24order_paid&event_id=42&user_id=7";
//! let hook = parse_webhook(body).map_err(|e| e.to_string())?;
//! assert!(hook.verify("s3cret"));
//! match hook {
//!     Webhook::Event(ev) => assert_eq!(ev.event_name.as_deref(), Some("$order_paid")),
//!     _ => unreachable!(),
//! }
//! # Ok::<(), String>(())
//! ```

use crate::carrot::conversation::ConversationPart;
use crate::carrot::event::Event;
use crate::carrot::user::User;
use crate::id::FlexId;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use subtle::ConstantTimeEq;

/// Compares the web hook `token` with the expected secret in constant time (for equal lengths).
///
/// An empty `expected` never matches, so a missing configuration cannot accept everything.
pub fn verify_token(expected: &str, received: &str) -> bool {
    if expected.is_empty() {
        return false;
    }
    expected.as_bytes().ct_eq(received.as_bytes()).into()
}

/// The `token` of a Carrot web hook: the shared secret that proves a hook came from Carrot Quest.
///
/// `Debug` and `Display` print `<redacted>`; the value is reachable only through
/// [`expose`](Self::expose) (to forward it deliberately). Equality is compared in constant time
/// for equal lengths, like [`verify_token`]. The hook types skip it when serialising and read
/// it back as empty when it is absent.
///
/// ```
/// use chatdesk_model::carrot::WebhookToken;
///
/// let token = WebhookToken::new("s3cret");
/// assert_eq!(format!("{token:?} {token}"), "WebhookToken(<redacted>) <redacted>");
/// assert!(token.verify("s3cret"));
/// ```
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct WebhookToken(String);

impl WebhookToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        WebhookToken(token.into())
    }

    /// The token in clear. Keep it out of logs and error messages.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the token is empty (or was absent).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether this token matches `expected`: [`verify_token`]`(expected, token)`.
    pub fn verify(&self, expected: &str) -> bool {
        verify_token(expected, &self.0)
    }
}

impl PartialEq for WebhookToken {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for WebhookToken {}

impl From<String> for WebhookToken {
    fn from(token: String) -> Self {
        WebhookToken(token)
    }
}

impl From<&str> for WebhookToken {
    fn from(token: &str) -> Self {
        WebhookToken(token.to_owned())
    }
}

impl fmt::Debug for WebhookToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookToken(<redacted>)")
    }
}

impl fmt::Display for WebhookToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Why a web hook body could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// The body is not `application/x-www-form-urlencoded`.
    Form(String),
    /// A required field is absent.
    MissingField(&'static str),
    /// A field holds a value of the wrong shape.
    InvalidField {
        /// The form field.
        field: &'static str,
        /// What was wrong.
        message: String,
    },
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::Form(m) => write!(f, "web hook body is not a valid form: {m}"),
            WebhookError::MissingField(name) => write!(f, "web hook field `{name}` is missing"),
            WebhookError::InvalidField { field, message } => {
                write!(f, "web hook field `{field}` is invalid: {message}")
            }
        }
    }
}

impl std::error::Error for WebhookError {}

wire_struct! {
    /// An event web hook (`type=event`): a tracked event of a user.
    #[non_exhaustive]
    pub struct EventWebhook {
        /// The shared secret, to compare with [`WebhookToken::verify`]; never serialised.
        #[serde(default, skip_serializing)]
        pub token: WebhookToken,
        /// The user (decoded from the JSON in the `user` field).
        pub user: Option<User>,
        /// The user's Carrot id (`user_id` field). The docs call it an id; should a non-numeric
        /// value arrive, it is left in `extra` rather than failing the whole web hook.
        pub user_id: Option<FlexId>,
        /// The event name (`event_name` field).
        pub event_name: Option<String>,
        /// The event (decoded from the JSON in the `event` field).
        pub event: Option<Event>,
        /// The event id (`event_id` field).
        pub event_id: Option<FlexId>,
        /// Form fields not listed above, as sent.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub extra: BTreeMap<String, String>,
    }
}

wire_struct! {
    /// The `conversation` field of the chat-message web hook: a conversation part plus the state of
    /// its conversation.
    #[non_exhaustive]
    pub struct ChatMessage {
        /// The message itself (id, body, type, from, assignee, random_id, direction...).
        #[serde(flatten)]
        pub part: ConversationPart,
        /// Whether the conversation is closed.
        #[serde(deserialize_with = "de_opt_lenient_bool")]
        pub conversation_closed: Option<bool>,
        /// The conversation's tags.
        pub conversation_tags: Option<Vec<String>>,
        /// The bot handling the conversation, if any.
        pub conversation_assistant_type: Option<String>,
        /// The user, when included.
        pub user: Option<User>,
    }
}

/// The chat-message web hook (`type=conversation`), enabled by Carrot Quest support on request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatWebhook {
    /// The shared secret, to compare with [`WebhookToken::verify`]; never serialised.
    #[serde(default, skip_serializing)]
    pub token: WebhookToken,
    /// The message (decoded from the JSON in the `conversation` field).
    pub conversation: ChatMessage,
    /// Form fields not listed above, as sent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// Any web hook, by its `type` field.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Webhook {
    /// `type=event`.
    Event(Box<EventWebhook>),
    /// `type=conversation`.
    Conversation(Box<ChatWebhook>),
    /// Another `type`, with its raw form fields (including `type`, without `token`).
    Other {
        /// The `type` field.
        kind: String,
        /// The `token` field (empty when absent).
        token: WebhookToken,
        /// The form fields as sent, in order, except every `token` field (kept out so that
        /// printing them cannot leak the secret; the first one is in `token`).
        fields: Vec<(String, String)>,
    },
}

impl Webhook {
    /// The `token` field.
    pub fn token(&self) -> &WebhookToken {
        match self {
            Webhook::Event(e) => &e.token,
            Webhook::Conversation(c) => &c.token,
            Webhook::Other { token, .. } => token,
        }
    }

    /// Whether the token matches `expected`, compared in constant time.
    pub fn verify(&self, expected: &str) -> bool {
        self.token().verify(expected)
    }
}

type Fields = BTreeMap<String, String>;

fn read_form(body: &[u8]) -> Result<Vec<(String, String)>, WebhookError> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .map_err(|e| WebhookError::Form(e.to_string()))
}

fn take_required(fields: &mut Fields, name: &'static str) -> Result<String, WebhookError> {
    fields.remove(name).ok_or(WebhookError::MissingField(name))
}

/// Removes a field; an empty value counts as absent.
fn take(fields: &mut Fields, name: &'static str) -> Option<String> {
    fields.remove(name).filter(|v| !v.trim().is_empty())
}

fn take_json<T: DeserializeOwned>(
    fields: &mut Fields,
    name: &'static str,
) -> Result<Option<T>, WebhookError> {
    match take(fields, name) {
        None => Ok(None),
        Some(text) if text.trim() == "null" => Ok(None),
        Some(text) => {
            serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| WebhookError::InvalidField {
                    field: name,
                    message: e.to_string(),
                })
        }
    }
}

fn take_id(fields: &mut Fields, name: &'static str) -> Result<Option<FlexId>, WebhookError> {
    match take(fields, name) {
        None => Ok(None),
        Some(text) => {
            text.trim()
                .parse()
                .map(|v| Some(FlexId(v)))
                .map_err(|_| WebhookError::InvalidField {
                    field: name,
                    message: format!("{text:?} is not an id"),
                })
        }
    }
}

/// Like [`take_id`], but a value that is not an id goes back into `fields` and reads as `None`.
fn take_lenient_id(fields: &mut Fields, name: &'static str) -> Option<FlexId> {
    let text = take(fields, name)?;
    match text.trim().parse() {
        Ok(v) => Some(FlexId(v)),
        Err(_) => {
            fields.insert(name.to_owned(), text);
            None
        }
    }
}

fn json_field<T: Serialize>(name: &'static str, value: &T) -> Result<String, WebhookError> {
    serde_json::to_string(value).map_err(|e| WebhookError::InvalidField {
        field: name,
        message: e.to_string(),
    })
}

fn encode_form(pairs: &[(String, String)]) -> Result<String, WebhookError> {
    serde_urlencoded::to_string(pairs).map_err(|e| WebhookError::Form(e.to_string()))
}

fn to_fields(pairs: &[(String, String)]) -> Fields {
    // A repeated key keeps its first value.
    let mut fields = Fields::new();
    for (k, v) in pairs {
        fields.entry(k.clone()).or_insert_with(|| v.clone());
    }
    fields
}

fn check_type(fields: &mut Fields, want: &str) -> Result<(), WebhookError> {
    let kind = take_required(fields, "type")?;
    if kind == want {
        Ok(())
    } else {
        Err(WebhookError::InvalidField {
            field: "type",
            message: format!("expected {want:?}, found {kind:?}"),
        })
    }
}

impl EventWebhook {
    /// An event web hook with only its token, to fill in (for simulators and tests).
    pub fn new(token: impl Into<WebhookToken>) -> Self {
        EventWebhook {
            token: token.into(),
            user: None,
            user_id: None,
            event_name: None,
            event: None,
            event_id: None,
            extra: BTreeMap::new(),
        }
    }

    /// The form body Carrot Quest would send for this web hook.
    pub fn to_form(&self) -> Result<String, WebhookError> {
        let mut pairs = vec![
            ("type".to_owned(), "event".to_owned()),
            ("token".to_owned(), self.token.expose().to_owned()),
        ];
        if let Some(user) = &self.user {
            pairs.push(("user".to_owned(), json_field("user", user)?));
        }
        if let Some(id) = self.user_id {
            pairs.push(("user_id".to_owned(), id.to_string()));
        }
        if let Some(name) = &self.event_name {
            pairs.push(("event_name".to_owned(), name.clone()));
        }
        if let Some(event) = &self.event {
            pairs.push(("event".to_owned(), json_field("event", event)?));
        }
        if let Some(id) = self.event_id {
            pairs.push(("event_id".to_owned(), id.to_string()));
        }
        pairs.extend(self.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        encode_form(&pairs)
    }

    /// Parses an event web hook from its form body.
    pub fn from_form(body: &[u8]) -> Result<Self, WebhookError> {
        let mut fields = to_fields(&read_form(body)?);
        check_type(&mut fields, "event")?;
        Self::from_fields(fields)
    }

    fn from_fields(mut fields: Fields) -> Result<Self, WebhookError> {
        Ok(EventWebhook {
            token: take_required(&mut fields, "token")?.into(),
            user: take_json(&mut fields, "user")?,
            user_id: take_lenient_id(&mut fields, "user_id"),
            event_name: take(&mut fields, "event_name"),
            event: take_json(&mut fields, "event")?,
            event_id: take_id(&mut fields, "event_id")?,
            extra: fields,
        })
    }
}

impl ChatMessage {
    /// A chat message around `part`, with no conversation state (for simulators and tests).
    pub fn new(part: ConversationPart) -> Self {
        ChatMessage {
            part,
            conversation_closed: None,
            conversation_tags: None,
            conversation_assistant_type: None,
            user: None,
        }
    }
}

impl ChatWebhook {
    /// A chat-message web hook (for simulators and tests).
    pub fn new(token: impl Into<WebhookToken>, conversation: ChatMessage) -> Self {
        ChatWebhook {
            token: token.into(),
            conversation,
            extra: BTreeMap::new(),
        }
    }

    /// The form body Carrot Quest would send for this web hook.
    pub fn to_form(&self) -> Result<String, WebhookError> {
        let mut pairs = vec![
            ("type".to_owned(), "conversation".to_owned()),
            ("token".to_owned(), self.token.expose().to_owned()),
            (
                "conversation".to_owned(),
                json_field("conversation", &self.conversation)?,
            ),
        ];
        pairs.extend(self.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        encode_form(&pairs)
    }

    /// Parses a chat-message web hook from its form body.
    pub fn from_form(body: &[u8]) -> Result<Self, WebhookError> {
        let mut fields = to_fields(&read_form(body)?);
        check_type(&mut fields, "conversation")?;
        Self::from_fields(fields)
    }

    fn from_fields(mut fields: Fields) -> Result<Self, WebhookError> {
        let token = take_required(&mut fields, "token")?.into();
        let conversation = take_json(&mut fields, "conversation")?
            .ok_or(WebhookError::MissingField("conversation"))?;
        Ok(ChatWebhook {
            token,
            conversation,
            extra: fields,
        })
    }
}

/// Parses any web hook from its `application/x-www-form-urlencoded` body, by its `type` field.
pub fn parse_webhook(body: &[u8]) -> Result<Webhook, WebhookError> {
    let pairs = read_form(body)?;
    let mut fields = to_fields(&pairs);
    let kind = take_required(&mut fields, "type")?;
    match kind.as_str() {
        "event" => EventWebhook::from_fields(fields).map(|e| Webhook::Event(Box::new(e))),
        "conversation" => {
            ChatWebhook::from_fields(fields).map(|c| Webhook::Conversation(Box::new(c)))
        }
        _ => Ok(Webhook::Other {
            kind,
            token: fields.remove("token").unwrap_or_default().into(),
            fields: pairs.into_iter().filter(|(k, _)| k != "token").collect(),
        }),
    }
}

/// Reads a boolean sent as `true`/`false`, `1`/`0` or the same as strings.
fn de_opt_lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a boolean, 0/1, or a string of either")
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v != 0))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v != 0))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            match v.trim().to_ascii_lowercase().as_str() {
                "" => Ok(None),
                "false" | "0" => Ok(Some(false)),
                _ => Ok(Some(true)),
            }
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(V)
}
