//! Conversations and their parts (messages), and the `/conversations/{id}/...` endpoints.

use crate::carrot::common::{Admin, AdminRef, Pagination, Timestamp, UserSender};
use crate::carrot::user::{MessageType, User};
use crate::carrot::wire::opt_json_text;
use crate::id::FlexId;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::collections::BTreeMap;

string_enum! {
    /// What a conversation part is.
    pub enum PartType {
        /// A message from the user.
        ReplyUser => "reply_user",
        /// A message from an operator.
        ReplyAdmin => "reply_admin",
        /// An internal note.
        Note => "note",
        /// A knowledge-base article sent in the chat.
        Article => "article",
    }
}

/// The sender of a part: an id alone, or an embedded admin object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PartFrom {
    /// Only the sender's id (a user's Carrot id or an admin id).
    Id(FlexId),
    /// An operator object with name and avatar.
    Admin(Admin),
}

impl PartFrom {
    /// The sender's id either way.
    pub fn id(&self) -> FlexId {
        match self {
            PartFrom::Id(id) => *id,
            PartFrom::Admin(a) => a.id,
        }
    }
}

wire_struct! {
    /// One part (message, note or system event) of a conversation.
    #[non_exhaustive]
    pub struct ConversationPart {
        /// Part id.
        pub id: FlexId,
        /// When it was created.
        pub created: Option<Timestamp>,
        /// The conversation it belongs to.
        pub conversation: Option<FlexId>,
        /// Text (HTML for operator replies).
        pub body: Option<String>,
        /// Structured body, when sent with `body_json`.
        pub body_json: Option<Value>,
        /// Whether the recipient has read it.
        pub read: Option<bool>,
        /// What the part is.
        #[serde(rename = "type")]
        pub part_type: Option<PartType>,
        /// The channel or client it came through, e.g. `web_user`, `app_chrome`.
        pub sent_via: Option<String>,
        /// Who sent it.
        pub from: Option<PartFrom>,
        /// Direction, e.g. `u2a` (user to admin), seen in web hooks.
        pub direction: Option<String>,
        /// The client-chosen number the part was sent with.
        pub random_id: Option<FlexId>,
        /// The conversation's assignee, in real-time and web hook payloads.
        pub assignee: Option<Admin>,
        /// Group of system parts this one belongs to.
        pub part_group: Option<FlexId>,
        /// Attachments; shape not documented.
        pub attachments: Option<Value>,
    }
}

impl ConversationPart {
    /// A part with only its id, for tests and simulators.
    pub fn new(id: impl Into<FlexId>) -> Self {
        ConversationPart {
            id: id.into(),
            created: None,
            conversation: None,
            body: None,
            body_json: None,
            read: None,
            part_type: None,
            sent_via: None,
            from: None,
            direction: None,
            random_id: None,
            assignee: None,
            part_group: None,
            attachments: None,
        }
    }
}

wire_struct! {
    /// A conversation (chat) with a user.
    #[non_exhaustive]
    pub struct Conversation {
        /// Conversation id.
        pub id: FlexId,
        /// When it started.
        pub created: Option<Timestamp>,
        /// The user (included by default).
        pub user: Option<User>,
        /// Whether the last message has been read.
        pub read: Option<bool>,
        /// Whether an operator has replied.
        pub replied: Option<bool>,
        /// Whether the user clicked the message.
        pub clicked: Option<bool>,
        /// Whether the user unsubscribed from it.
        pub unsubscribed: Option<bool>,
        /// Whether it is closed.
        pub closed: Option<bool>,
        /// The automated or manual message that started it, if any; shape not documented.
        pub message: Option<Value>,
        /// How it is shown, e.g. `popup_chat`.
        #[serde(rename = "type")]
        pub conversation_type: Option<MessageType>,
        /// How the user may reply, e.g. `text`.
        pub reply_type: Option<String>,
        /// The latest part.
        pub part_last: Option<ConversationPart>,
        /// The latest important part.
        pub important_part_last: Option<ConversationPart>,
        /// The latest reply.
        pub reply_last: Option<ConversationPart>,
        /// Number of parts.
        pub parts_count: Option<u64>,
        /// The assigned operator; `None` when unassigned.
        pub assignee: Option<Admin>,
        /// Number of unread parts.
        pub unread_parts_count: Option<u64>,
        /// The last operator who took part.
        pub last_admin: Option<Admin>,
        /// Time of the last change; v2 lists are ordered by it.
        pub last_update: Option<Timestamp>,
        /// Tags.
        pub tags: Option<Vec<String>>,
        /// The channel it came through (included by default on the single-conversation endpoint);
        /// shape not documented.
        pub channel: Option<Value>,
    }
}

impl Conversation {
    /// A conversation with only its id, for tests and simulators.
    pub fn new(id: impl Into<FlexId>) -> Self {
        Conversation {
            id: id.into(),
            created: None,
            user: None,
            read: None,
            replied: None,
            clicked: None,
            unsubscribed: None,
            closed: None,
            message: None,
            conversation_type: None,
            reply_type: None,
            part_last: None,
            important_part_last: None,
            reply_last: None,
            parts_count: None,
            assignee: None,
            unread_parts_count: None,
            last_admin: None,
            last_update: None,
            tags: None,
            channel: None,
        }
    }
}

wire_struct! {
    /// `data` of assign, close and tag: the system part the action created. Assign answers `{}`
    /// (both `None`) when the assignee did not change; v1 tag answered `{}` too.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct SystemPart {
        /// The created part.
        pub id: Option<FlexId>,
        /// Its part group.
        pub part_group: Option<FlexId>,
    }
}

params_struct! {
    /// Query of `GET /conversations/{id}`.
    #[derive(Default)]
    pub struct ConversationParams {
        /// Further query flags sent as given, such as the flags that include optional Conversation
        /// fields (their names are not in our sources).
        #[serde(flatten)]
        pub extra: BTreeMap<String, String>,
    }
}

params_struct! {
    /// Query of `GET /conversations/{id}/parts`: ordered by part id, each v2 page in descending
    /// order unless `paginate_page_order` is `asc` (docs/api/carrot-api.md §6).
    #[derive(Default)]
    pub struct PartsParams {
        /// Paging (v2 by part id, or v1 cursor).
        #[serde(flatten)]
        pub pagination: Pagination,
        /// Further query flags sent as given (optional ConversationPart fields).
        #[serde(flatten)]
        pub extra: BTreeMap<String, String>,
    }
}

string_enum! {
    /// What an operator reply is.
    pub enum ReplyType {
        /// A reply the user sees (the default).
        ReplyAdmin => "reply_admin",
        /// An internal note.
        Note => "note",
        /// A knowledge-base article.
        Article => "article",
    }
}

params_struct! {
    /// Form of `POST /conversations/{id}/reply`. Set `from_admin` or `from_user`. An attachment
    /// goes as a multipart part named `attachment`, added by the caller.
    #[derive(Default)]
    pub struct ReplyParams {
        /// Message text (may be empty with an attachment).
        pub body: Option<String>,
        /// Structured body (sent as JSON).
        #[serde(serialize_with = "opt_json_text")]
        pub body_json: Option<Value>,
        /// Attachment file name, 1 to 255 characters.
        pub attachment_file_name: Option<String>,
        /// Send as the user (then `type` is ignored).
        pub from_user: Option<UserSender>,
        /// Send as this admin.
        pub from_admin: Option<AdminRef>,
        /// Kind of reply (server default `reply_admin`).
        #[serde(rename = "type")]
        pub reply_type: Option<ReplyType>,
        /// Your id for the message.
        pub external_id: Option<String>,
        /// Client-chosen number attached to the part (server default 0).
        pub random_id: Option<u64>,
        /// Assign the conversation to this admin at the same time.
        pub auto_assign: Option<FlexId>,
        /// `random_id` of the assignment part.
        pub auto_assign_random_id: Option<u64>,
        /// URL of the page the reply is about.
        pub referrer: Option<String>,
        /// Buttons or other actions (sent as a JSON array; shape not documented).
        #[serde(serialize_with = "opt_json_text")]
        pub actions: Option<Value>,
        /// Legacy bot name, dropped from the current docs.
        pub bot_name: Option<String>,
    }
}

impl ReplyParams {
    /// An operator reply with `body` from `from_admin`.
    pub fn admin(from_admin: AdminRef, body: impl Into<String>) -> Self {
        ReplyParams {
            body: Some(body.into()),
            from_admin: Some(from_admin),
            ..Self::default()
        }
    }

    /// A message with `body` sent as the user.
    pub fn user(from_user: UserSender, body: impl Into<String>) -> Self {
        ReplyParams {
            body: Some(body.into()),
            from_user: Some(from_user),
            ..Self::default()
        }
    }
}

params_struct! {
    /// Form of `POST /conversations/{id}/settyping`.
    #[derive(Default)]
    pub struct SetTypingParams {
        /// The text being typed.
        pub body: Option<String>,
        /// Typing as the user.
        pub from_user: Option<UserSender>,
        /// Typing as this admin.
        pub from_admin: Option<AdminRef>,
        /// Legacy bot name.
        pub bot_name: Option<String>,
    }
}

/// Who a conversation gets assigned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assignee {
    /// This admin.
    Admin(FlexId),
    /// Nobody: unassigns (sent as an empty value).
    #[default]
    Nobody,
}

impl Serialize for Assignee {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Assignee::Admin(id) => id.serialize(s),
            Assignee::Nobody => s.serialize_str(""),
        }
    }
}

params_struct! {
    /// Form of `POST /conversations/{id}/assign`.
    #[derive(Default)]
    pub struct AssignParams {
        /// The new assignee.
        pub admin: Assignee,
        /// The admin performing the change.
        pub from_admin: AdminRef,
        /// Client-chosen number for the system part (server default 0).
        pub random_id: Option<u64>,
        /// Legacy bot name.
        pub bot_name: Option<String>,
    }
}

impl AssignParams {
    /// Assigns to `admin`, acting as `from_admin`.
    pub fn new(admin: Assignee, from_admin: AdminRef) -> Self {
        AssignParams {
            admin,
            from_admin,
            random_id: None,
            bot_name: None,
        }
    }
}

string_enum! {
    /// The deprecated `action` of `POST /conversations/{id}/tag`.
    pub enum TagAction {
        /// Add the tag (the default).
        Add => "add",
        /// Remove the tag (use `DELETE` instead).
        Delete => "delete",
    }
}

params_struct! {
    /// Form of `POST /conversations/{id}/tag` (add) and `DELETE /conversations/{id}/tag` (remove).
    #[derive(Default)]
    pub struct TagParams {
        /// The tag, 1 to 255 characters (no commas in v1).
        pub tag: String,
        /// The admin performing the change.
        pub from_admin: Option<AdminRef>,
        /// Client-chosen number for the system part.
        pub random_id: Option<u64>,
        /// Deprecated: `add` or `delete` on the POST route (required in v1).
        pub action: Option<TagAction>,
        /// Legacy bot name.
        pub bot_name: Option<String>,
    }
}

impl TagParams {
    /// Tags with `tag`.
    pub fn new(tag: impl Into<String>) -> Self {
        TagParams {
            tag: tag.into(),
            ..Self::default()
        }
    }
}

params_struct! {
    /// Form of `POST /conversations/{id}/close`.
    #[derive(Default)]
    pub struct CloseParams {
        /// The admin closing it.
        pub from_admin: AdminRef,
        /// Client-chosen number for the system part.
        pub random_id: Option<u64>,
        /// Legacy bot name.
        pub bot_name: Option<String>,
    }
}

impl CloseParams {
    /// Closes as `from_admin`.
    pub fn new(from_admin: AdminRef) -> Self {
        CloseParams {
            from_admin,
            random_id: None,
            bot_name: None,
        }
    }
}

params_struct! {
    /// Form of the legacy `POST /conversations/{id}/markread`: no parameters. Its `data` shape is
    /// not documented, so the response type is `serde_json::Value`.
    #[derive(Default)]
    pub struct MarkReadParams {
    }
}
string_enum! {
    /// Which conversations of a user to list.
    pub enum RecipientType {
        /// Web conversations (the default).
        Web => "web",
        /// Mobile SDK conversations.
        Sdk => "sdk",
    }
}

params_struct! {
    /// Query of `GET /users/{user}/conversations`.
    #[derive(Default)]
    pub struct UserConversationsParams {
        /// Only conversations where the user replied.
        pub with_user_replies_only: Option<bool>,
        /// Web or SDK conversations.
        pub recipient_type: Option<RecipientType>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
        /// Paging (v2 by `[last_update, id]`, or v1 cursor).
        #[serde(flatten)]
        pub pagination: Pagination,
        /// Further query flags sent as given (optional Conversation fields).
        #[serde(flatten)]
        pub extra: BTreeMap<String, String>,
    }
}
