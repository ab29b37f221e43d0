//! Users (leads): the User object and the `/users/{user}/...` endpoints other than props and
//! events.
//!
//! `{user}` in the path is the Carrot id by default, or your own User ID with `by_user_id=true`;
//! choosing between them is the API crate's job (`UserRef`).

use crate::carrot::common::AppRef;
use crate::carrot::wire::{de_opt_lenient_string, opt_json_text};
use crate::id::FlexId;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

string_enum! {
    /// A user's presence on the site.
    pub enum Presence {
        /// Active on the site.
        Online => "online",
        /// On the site but inactive for two minutes or more.
        Idle => "idle",
        /// Not on the site.
        Offline => "offline",
    }
}

wire_struct! {
    /// A user (lead) as returned by the API and embedded in conversations and web hooks.
    ///
    /// Only `id` is always present; the rest depends on the endpoint and its flags.
    #[non_exhaustive]
    pub struct User {
        /// The Carrot id.
        pub id: FlexId,
        /// The app the user belongs to.
        pub app: Option<FlexId>,
        /// Your own User ID (`$user_id`), if set; numbers on the wire are read as text.
        #[serde(deserialize_with = "de_opt_lenient_string")]
        pub user_id: Option<String>,
        /// Current presence.
        pub presence: Option<Presence>,
        /// Details of the presence (page, session...); shape not documented.
        pub presence_details: Option<Value>,
        /// Properties by name; system ones start with `$`.
        pub props: Option<Map<String, Value>>,
        /// Custom properties, when asked for with `props_custom`.
        pub props_custom: Option<Map<String, Value>>,
        /// Event-derived properties, when asked for with `props_events`.
        pub props_events: Option<Value>,
        /// Events, when asked for with `events`.
        pub events: Option<Value>,
        /// Segments, when asked for with `segments`.
        pub segments: Option<Value>,
        /// Notes, when asked for with `notes`.
        pub notes: Option<Value>,
        /// Tags, when asked for with `tags`.
        pub tags: Option<Value>,
        /// E-mail deliverability status, when asked for with `email_status`.
        pub email_status: Option<Value>,
        /// Time zone offset, when asked for with `timezone_offset`.
        pub timezone_offset: Option<Value>,
    }
}

impl User {
    /// A user with only its Carrot id, for tests and simulators.
    pub fn new(id: impl Into<FlexId>) -> Self {
        User {
            id: id.into(),
            app: None,
            user_id: None,
            presence: None,
            presence_details: None,
            props: None,
            props_custom: None,
            props_events: None,
            events: None,
            segments: None,
            notes: None,
            tags: None,
            email_status: None,
            timezone_offset: None,
        }
    }

    /// A property by name, from `props` then `props_custom`.
    pub fn prop(&self, name: &str) -> Option<&Value> {
        self.props
            .as_ref()
            .and_then(|p| p.get(name))
            .or_else(|| self.props_custom.as_ref().and_then(|p| p.get(name)))
    }
}

params_struct! {
    /// Query of `GET /users/{user}`: which optional parts of the User to include.
    #[derive(Default)]
    pub struct GetUserParams {
        /// Include `props` (server default true).
        pub props: Option<bool>,
        /// Include `props_events`.
        pub props_events: Option<bool>,
        /// Include `props_custom`.
        pub props_custom: Option<bool>,
        /// Include `presence_details`.
        pub presence_details: Option<bool>,
        /// Include `events`.
        pub events: Option<bool>,
        /// Include `segments`.
        pub segments: Option<bool>,
        /// Include `notes`.
        pub notes: Option<bool>,
        /// Include `tags`.
        pub tags: Option<bool>,
        /// Include `email_status`.
        pub email_status: Option<bool>,
        /// Convert property values to their types (server default true); false gives strings.
        pub convert_props_types: Option<bool>,
        /// Include `timezone_offset`.
        pub timezone_offset: Option<bool>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
    }
}

params_struct! {
    /// Form of `POST /users/{user}/setpresence` (Carrot id only); a heartbeat sent about once a
    /// minute.
    pub struct SetPresenceParams {
        /// The presence to report.
        pub presence: Presence,
        /// Title of the current page.
        pub current_page: Option<String>,
        /// URL of the current page.
        pub current_url: Option<String>,
        /// Session identifier (sent by the doc example, absent from its parameter table).
        pub session: Option<String>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
    }
}

impl SetPresenceParams {
    /// Reports `presence`.
    pub fn new(presence: Presence) -> Self {
        SetPresenceParams {
            presence,
            current_page: None,
            current_url: None,
            session: None,
            app: None,
        }
    }
}

string_enum! {
    /// How a manual message or a conversation is shown to the user.
    pub enum MessageType {
        /// A chat pop-up (the default for `sendmessage`).
        PopupChat => "popup_chat",
        /// A small pop-up.
        PopupSmall => "popup_small",
        /// A big pop-up.
        PopupBig => "popup_big",
        /// An e-mail (v1 docs).
        Email => "email",
    }
}

params_struct! {
    /// Form of `POST /users/{user}/sendmessage`.
    pub struct SendMessageParams {
        /// Message text.
        pub body: String,
        /// How to show it (server default `popup_chat`).
        #[serde(rename = "type")]
        pub message_type: Option<MessageType>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
    }
}

impl SendMessageParams {
    /// Sends `body` as a chat pop-up.
    pub fn new(body: impl Into<String>) -> Self {
        SendMessageParams {
            body: body.into(),
            message_type: None,
            app: None,
        }
    }
}

wire_struct! {
    /// `data` of `POST /users/{user}/sendmessage`: what was created.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct SentMessage {
        /// The new conversation (visible in the inbox once the user replies).
        pub conversation: Option<FlexId>,
        /// The manual message.
        pub message: Option<FlexId>,
    }
}

params_struct! {
    /// Form of `POST /users/{user}/startconversation`: a conversation whose first message is the
    /// user's. A file goes as a multipart part named `file`, added by the caller.
    #[derive(Default)]
    pub struct StartConversationParams {
        /// First message text (needed unless a file is sent).
        pub body: Option<String>,
        /// File name, required with a file.
        pub filename: Option<String>,
        /// Client-chosen number attached to the message.
        pub random_id: Option<u64>,
        /// URL of the page the conversation starts from.
        pub referrer: Option<String>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
    }
}

impl StartConversationParams {
    /// Starts a conversation with `body`.
    pub fn new(body: impl Into<String>) -> Self {
        StartConversationParams {
            body: Some(body.into()),
            ..Self::default()
        }
    }
}

/// `data` of `POST /users/{user}/startconversation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StartedConversation {
    /// The new conversation's id.
    pub id: FlexId,
}

string_enum! {
    /// The property that matches CSV rows to existing users.
    pub enum MergeField {
        /// Your User ID (the default).
        UserId => "$user_id",
        /// E-mail address.
        Email => "$email",
    }
}

string_enum! {
    /// The CSV column separator.
    pub enum CsvDelimiter {
        /// `,`
        Comma => "comma",
        /// `|`
        Pipe => "pipe",
        /// `;`
        Semicolon => "semicolon",
        /// Tab (the default).
        Tab => "tab",
        /// Space.
        Space => "space",
    }
}

params_struct! {
    /// Form of `POST /users/import`; the CSV goes as a multipart part named `file`, added by the
    /// caller. The header row holds property keys. The file must be under 30 MB; the import runs
    /// later, on the server (docs/api/carrot-api.md §8).
    #[derive(Default)]
    pub struct ImportUsersParams {
        /// The app to import into.
        pub app: AppRef,
        /// The property that identifies existing users (server default `$user_id`).
        pub merge_field: Option<MergeField>,
        /// Column separator (server default tab).
        pub delimiter: Option<CsvDelimiter>,
        /// Tags put on every imported user (sent as a JSON array).
        #[serde(serialize_with = "opt_json_text")]
        pub tags: Option<Vec<String>>,
    }
}

impl ImportUsersParams {
    /// Imports into `app`.
    pub fn new(app: AppRef) -> Self {
        ImportUsersParams {
            app,
            ..Self::default()
        }
    }
}

wire_struct! {
    /// `data` of `POST /users/import`; the import itself runs later.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct ImportResult {
        /// Errors by CSV line number (the keys are line numbers as text).
        pub row_errors: Option<BTreeMap<String, String>>,
        /// How many users will be created or updated.
        pub updates_planned: Option<u64>,
    }
}

params_struct! {
    /// Form of `POST /users/{user}/unsubscribeemail` (undocumented today; response shape unknown).
    #[derive(Default)]
    pub struct UnsubscribeEmailParams {
    }
}
