//! Conversations (`website_conversation` group): listing and searching, suggestions, spam,
//! one conversation's state, metas, routing, participants, blocking, verification, browsing, calls,
//! widget actions, reminders and reports.
//!
//! Message routes of the same group (send, fetch, update, compose, read marks) use the types of
//! [`super::message`].

use super::common::{
    DataMap, Geolocation, SearchOperator, SearchQuery, SearchType, response_struct,
};
use super::message::{MessageFrom, MessageType, MessageUser, Origin};
use serde::{Deserialize, Serialize};
use serde_json::Value;

string_enum! {
    /// Resolution state of a conversation.
    pub enum ConversationState {
        /// Waiting for a first answer.
        Pending => "pending",
        /// Open.
        Unresolved => "unresolved",
        /// Closed.
        Resolved => "resolved",
    }
}

string_enum! {
    /// Whether the visitor of a session is connected.
    pub enum SessionAvailability {
        /// Connected.
        Online => "online",
        /// Not connected.
        Offline => "offline",
    }
}

// ---------------------------------------------------------------------------------------------
// Conversation object
// ---------------------------------------------------------------------------------------------

response_struct! {
    /// A conversation, as listed or fetched.
    pub struct Conversation {
        /// Conversation (session) id.
        pub session_id: Option<String>,
        /// Website id.
        pub website_id: Option<String>,
        /// Inbox it is routed to, if not the default one.
        pub inbox_id: Option<String>,
        /// Contact profile bound to it.
        pub people_id: Option<String>,
        /// Resolution state.
        pub state: Option<ConversationState>,
        /// Numeric form of the state, as sent.
        pub status: Option<i64>,
        /// Whether the visitor's identity is verified.
        pub is_verified: Option<bool>,
        /// Whether incoming messages are blocked.
        pub is_blocked: Option<bool>,
        /// Visitor availability (`online` / `offline`).
        pub availability: Option<SessionAvailability>,
        /// Visitor activity.
        pub active: Option<ConversationActive>,
        /// Excerpt of the last message.
        pub last_message: Option<String>,
        /// Preview of the last message.
        pub preview_message: Option<PreviewMessage>,
        /// Topic set on the conversation.
        pub topic: Option<String>,
        /// Identity verifications done.
        pub verifications: Option<Vec<Verification>>,
        /// Extra participants (e-mail CCs…).
        pub participants: Option<Vec<Participant>>,
        /// Operators mentioned (user ids).
        pub mentions: Option<Vec<String>>,
        /// Typing indicators.
        pub compose: Option<ComposeState>,
        /// Unread counters.
        pub unread: Option<UnreadCounts>,
        /// Assigned operator.
        pub assigned: Option<AssignedUser>,
        /// Visitor metas.
        pub meta: Option<ConversationMeta>,
        /// Creation time (ms).
        pub created_at: Option<i64>,
        /// Last update time (ms).
        pub updated_at: Option<i64>,
        /// Since when the visitor waits for an answer (ms).
        pub waiting_since: Option<i64>,
    }

    /// Whether the visitor is active, and when it last was.
    pub struct ConversationActive {
        /// Active right now.
        pub now: Option<bool>,
        /// Last activity (ms).
        pub last: Option<i64>,
    }

    /// A short preview of the last message of a conversation.
    pub struct PreviewMessage {
        /// Message type.
        #[serde(rename = "type")]
        pub kind: Option<MessageType>,
        /// Which side wrote it.
        pub from: Option<MessageFrom>,
        /// Text excerpt.
        pub excerpt: Option<String>,
        /// Message fingerprint.
        pub fingerprint: Option<i64>,
    }

    /// One identity verification of a conversation.
    pub struct Verification {
        /// What was verified (`email`, `phone`, `urn:…`).
        pub identity: Option<String>,
        /// How it was verified.
        pub method: Option<String>,
        /// Free-text annotation.
        pub annotation: Option<String>,
    }

    /// An extra participant of a conversation.
    pub struct Participant {
        /// Participant kind, e.g. `email`.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Address or id of the participant.
        pub target: Option<String>,
    }

    /// Typing indicators of both sides.
    pub struct ComposeState {
        /// The operator side.
        pub operator: Option<ComposeAtom>,
        /// The visitor side.
        pub visitor: Option<ComposeAtom>,
    }

    /// One side's typing indicator.
    pub struct ComposeAtom {
        /// `start` or `stop`.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Text typed so far.
        pub excerpt: Option<String>,
        /// When it changed (ms).
        pub timestamp: Option<i64>,
        /// Who is typing.
        pub user: Option<MessageUser>,
        /// Typing comes from automation.
        pub automated: Option<bool>,
    }

    /// Unread message counters of both sides.
    pub struct UnreadCounts {
        /// Messages the operators have not read.
        pub operator: Option<i64>,
        /// Messages the visitor has not read.
        pub visitor: Option<i64>,
    }

    /// The operator a conversation is assigned to.
    pub struct AssignedUser {
        /// Operator user id.
        pub user_id: Option<String>,
    }

    /// Visitor details attached to a conversation.
    pub struct ConversationMeta {
        /// Visitor name.
        pub nickname: Option<String>,
        /// Visitor e-mail.
        pub email: Option<String>,
        /// Visitor phone.
        pub phone: Option<String>,
        /// Visitor IP address.
        pub ip: Option<String>,
        /// Visitor avatar URL.
        pub avatar: Option<String>,
        /// Postal address.
        pub address: Option<String>,
        /// Conversation subject.
        pub subject: Option<String>,
        /// Channel the conversation started on.
        pub origin: Option<String>,
        /// Custom data (string, number or boolean values).
        pub data: Option<DataMap>,
        /// Segments (tags).
        pub segments: Option<Vec<String>>,
        /// Network details.
        pub connection: Option<ConnectionInfo>,
        /// Device details.
        pub device: Option<DeviceInfo>,
    }

    /// Network details of a visitor.
    pub struct ConnectionInfo {
        /// Internet service provider.
        pub isp: Option<String>,
        /// Autonomous system number.
        pub asn: Option<String>,
    }

    /// Device details of a visitor.
    pub struct DeviceInfo {
        /// Chatbox capabilities, e.g. `call`.
        pub capabilities: Option<Vec<String>>,
        /// Location.
        pub geolocation: Option<Geolocation>,
        /// Operating system and browser.
        pub system: Option<SystemInfo>,
        /// Time zone offset in minutes.
        pub timezone: Option<i64>,
        /// Preferred locales.
        pub locales: Option<Vec<String>>,
    }

    /// Operating system and browser of a visitor.
    pub struct SystemInfo {
        /// Operating system.
        pub os: Option<SoftwareVersion>,
        /// Rendering engine.
        pub engine: Option<SoftwareVersion>,
        /// Browser.
        pub browser: Option<BrowserInfo>,
        /// Raw user agent.
        pub useragent: Option<String>,
    }

    /// A named piece of software and its version.
    pub struct SoftwareVersion {
        /// Name.
        pub name: Option<String>,
        /// Version.
        pub version: Option<String>,
    }

    /// Browser name and versions.
    pub struct BrowserInfo {
        /// Major version.
        pub major: Option<String>,
        /// Full version.
        pub version: Option<String>,
        /// Name.
        pub name: Option<String>,
    }
}

impl Participant {
    /// A participant of `kind` (e.g. `email`) at `target`.
    pub fn new(kind: impl Into<String>, target: impl Into<String>) -> Self {
        Participant {
            kind: Some(kind.into()),
            target: Some(target.into()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// List, suggestions, spam
// ---------------------------------------------------------------------------------------------

wire_struct! {
    /// Query of `GET /website/{website_id}/conversations/{page_number}`.
    ///
    /// Flags are sent as `1`/`0`. For a filter search, set `search_type` to
    /// [`SearchType::Filter`] and `search_query` to [`SearchQuery::Filters`] (see
    /// [`ConversationsQuery::filtered`]).
    #[derive(Default)]
    pub struct ConversationsQuery {
        /// Page size (the reference allows 20 to 50; default 20).
        pub per_page: Option<u32>,
        /// Include conversations without messages.
        #[serde(with = "super::common::flag01")]
        pub include_empty: Option<bool>,
        /// Only this inbox.
        pub filter_inbox_id: Option<String>,
        /// Only unread conversations.
        #[serde(with = "super::common::flag01")]
        pub filter_unread: Option<bool>,
        /// Only resolved conversations.
        #[serde(with = "super::common::flag01")]
        pub filter_resolved: Option<bool>,
        /// Only conversations not resolved.
        #[serde(with = "super::common::flag01")]
        pub filter_not_resolved: Option<bool>,
        /// Only conversations mentioning the caller.
        #[serde(with = "super::common::flag01")]
        pub filter_mention: Option<bool>,
        /// Only conversations assigned to this operator (user id).
        pub filter_assigned: Option<String>,
        /// Only unassigned conversations.
        #[serde(with = "super::common::flag01")]
        pub filter_unassigned: Option<bool>,
        /// Created on or after this ISO-8601 date.
        pub filter_date_start: Option<String>,
        /// Created on or before this ISO-8601 date.
        pub filter_date_end: Option<String>,
        /// Order by creation date.
        #[serde(with = "super::common::flag01")]
        pub order_date_created: Option<bool>,
        /// Order by update date.
        #[serde(with = "super::common::flag01")]
        pub order_date_updated: Option<bool>,
        /// Order by waiting time.
        #[serde(with = "super::common::flag01")]
        pub order_date_waiting: Option<bool>,
        /// What to search: text, segment name, or filter clauses.
        pub search_query: Option<SearchQuery>,
        /// How `search_query` is read.
        pub search_type: Option<SearchType>,
        /// How filter clauses combine (filter searches only).
        pub search_operator: Option<SearchOperator>,
    }
}

impl ConversationsQuery {
    /// A full-text search for `text`.
    pub fn text(text: impl Into<String>) -> Self {
        ConversationsQuery {
            search_query: Some(SearchQuery::Text(text.into())),
            search_type: Some(SearchType::Text),
            ..ConversationsQuery::default()
        }
    }

    /// A filter search: `filters` combined with `operator`.
    pub fn filtered(filters: Vec<super::common::SearchFilter>, operator: SearchOperator) -> Self {
        ConversationsQuery {
            search_query: Some(SearchQuery::Filters(filters)),
            search_type: Some(SearchType::Filter),
            search_operator: Some(operator),
            ..ConversationsQuery::default()
        }
    }
}

response_struct! {
    /// A message flagged as spam, held back from the inbox.
    ///
    /// The "resolve content" route returns the same object with `content` filled in.
    pub struct SpamConversation {
        /// Spam id.
        pub spam_id: Option<String>,
        /// Kind of spam (e.g. the channel it came through).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Why it was classified as spam.
        pub reason: Option<String>,
        /// Free-form metadata.
        pub metadata: Option<DataMap>,
        /// Headers of the original (e-mail) message.
        pub headers: Option<DataMap>,
        /// When it was received (ms).
        pub timestamp: Option<i64>,
        /// The held content (content route only).
        pub content: Option<String>,
    }
}

/// Body of `POST …/conversations/spam/{spam_id}/decision`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpamDecision {
    /// The decision, e.g. `reject`.
    pub action: String,
}

impl SpamDecision {
    /// Submits `action`.
    pub fn new(action: impl Into<String>) -> Self {
        SpamDecision {
            action: action.into(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One conversation
// ---------------------------------------------------------------------------------------------

response_struct! {
    /// Answer to "create a new conversation".
    pub struct ConversationNew {
        /// The new conversation's id.
        pub session_id: Option<String>,
    }

    /// The original (raw) form of a message, e.g. an e-mail.
    pub struct ConversationOriginal {
        /// Website id.
        pub website_id: Option<String>,
        /// Conversation id.
        pub session_id: Option<String>,
        /// Original id.
        pub original_id: Option<String>,
        /// Original kind (e.g. a MIME type).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Original headers.
        pub headers: Option<DataMap>,
        /// Raw content.
        pub content: Option<String>,
        /// When it was received (ms).
        pub timestamp: Option<i64>,
    }

    /// A page the visitor browsed.
    pub struct ConversationPage {
        /// Page title.
        pub page_title: Option<String>,
        /// Page URL.
        pub page_url: Option<String>,
        /// Referring page.
        pub page_referrer: Option<String>,
        /// When it was visited (ms).
        pub timestamp: Option<i64>,
    }

    /// A custom event recorded on the conversation.
    pub struct ConversationEvent {
        /// Event text.
        pub text: Option<String>,
        /// Event data.
        pub data: Option<DataMap>,
        /// Color label.
        pub color: Option<String>,
        /// When it happened (ms).
        pub timestamp: Option<i64>,
    }

    /// A file exchanged in the conversation.
    pub struct ConversationFile {
        /// File name.
        pub name: Option<String>,
        /// MIME type.
        #[serde(rename = "type")]
        pub mime: Option<String>,
        /// File URL.
        pub url: Option<String>,
        /// Fingerprint of the message carrying it.
        pub fingerprint: Option<i64>,
        /// When it was sent (ms).
        pub timestamp: Option<i64>,
    }

    /// Answer to "get conversation state".
    pub struct ConversationStateData {
        /// Current state.
        pub state: Option<ConversationState>,
    }

    /// Answer to "get conversation relations".
    pub struct ConversationRelations {
        /// Parent and children.
        pub conversations: Option<RelatedConversations>,
    }

    /// Parent and children of a conversation.
    pub struct RelatedConversations {
        /// Parent conversation id (`null` when none).
        pub parent: Option<String>,
        /// Child conversation ids.
        pub children: Option<Vec<String>>,
    }

    /// Answer to "get conversation participants".
    pub struct ConversationParticipants {
        /// The participants.
        pub participants: Option<Vec<Participant>>,
    }

    /// Answer to "get block status".
    pub struct BlockStatus {
        /// Whether incoming messages are blocked.
        pub blocked: Option<bool>,
    }

    /// Answer to "get verify status".
    pub struct VerifyStatus {
        /// Whether the identity is verified.
        pub verified: Option<bool>,
        /// Verifications done.
        pub verifications: Option<Vec<Verification>>,
    }

    /// Answer to "get routing assign".
    pub struct RoutingAssign {
        /// The assigned operator, if any.
        pub assigned: Option<AssignedUser>,
    }

    /// A co-browsing session.
    pub struct BrowsingSession {
        /// Browsing id.
        pub browsing_id: Option<String>,
        /// Token to join it.
        pub browsing_token: Option<String>,
        /// Visitor user agent.
        pub useragent: Option<String>,
    }

    /// An audio or video call session.
    pub struct CallSession {
        /// Call id.
        pub call_id: Option<String>,
    }

    /// Answer to a widget action: how to correlate its result.
    pub struct WidgetActionDelivered {
        /// Id found again in the `widget:action:processed` event.
        pub correlation_id: Option<String>,
        /// Delivery strategy.
        pub strategy: Option<WidgetStrategy>,
    }

    /// How a widget action is retried.
    pub struct WidgetStrategy {
        /// Delivery attempts, as sent.
        pub attempts: Option<i64>,
        /// Exhaustion limit, as sent.
        pub exhaustion: Option<i64>,
    }
}

/// Body of `PATCH …/open`: open or close the conversation in the chatbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenStateUpdate {
    /// Whether the chatbox shows it as open.
    pub opened: bool,
}

impl OpenStateUpdate {
    /// Sets the open state.
    pub fn new(opened: bool) -> Self {
        OpenStateUpdate { opened }
    }
}

/// The operator reference in a routing update.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignTarget {
    /// Operator user id.
    pub user_id: String,
}

/// Body of `PATCH …/routing`: assign the conversation to an operator, or unassign it.
///
/// `assigned` is always sent; `null` unassigns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingAssignUpdate {
    /// The operator, or `None` to unassign.
    #[serde(default)]
    pub assigned: Option<AssignTarget>,
    /// Do not notify the operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silent: Option<bool>,
}

impl RoutingAssignUpdate {
    /// Assigns to operator `user_id`.
    pub fn assign(user_id: impl Into<String>) -> Self {
        RoutingAssignUpdate {
            assigned: Some(AssignTarget {
                user_id: user_id.into(),
            }),
            silent: None,
        }
    }

    /// Removes the assignment.
    pub fn unassign() -> Self {
        RoutingAssignUpdate::default()
    }
}

/// Body of `PATCH …/inbox`: move the conversation to an inbox (`None`: the default inbox).
///
/// `inbox_id` is always sent, as `null` for the default inbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxUpdate {
    /// Target inbox, or `None` for the default one.
    #[serde(default)]
    pub inbox_id: Option<String>,
}

impl InboxUpdate {
    /// Moves to `inbox_id`.
    pub fn new(inbox_id: Option<String>) -> Self {
        InboxUpdate { inbox_id }
    }
}

wire_struct! {
    /// Body of `PATCH …/meta`: change visitor details. Only the fields set are changed.
    #[derive(Default)]
    pub struct ConversationMetaUpdate {
        /// Visitor name.
        pub nickname: Option<String>,
        /// Visitor e-mail.
        pub email: Option<String>,
        /// Visitor phone.
        pub phone: Option<String>,
        /// Visitor IP address.
        pub ip: Option<String>,
        /// Visitor avatar URL.
        pub avatar: Option<String>,
        /// Custom data (string, number or boolean values).
        pub data: Option<DataMap>,
        /// Network details.
        pub connection: Option<ConnectionInfo>,
        /// Device details.
        pub device: Option<DeviceInfo>,
        /// Segments (replaces the list).
        pub segments: Option<Vec<String>>,
        /// Postal address.
        pub address: Option<String>,
        /// Conversation subject.
        pub subject: Option<String>,
        /// Channel the conversation started on.
        pub origin: Option<String>,
    }
}

wire_struct! {
    /// Body of `PATCH …/state`.
    pub struct StateUpdate {
        /// New state.
        pub state: ConversationState,
        /// Who makes the change, as shown in the conversation.
        pub user: Option<MessageUser>,
        /// Channel of the change.
        pub origin: Option<Origin>,
    }
}

impl StateUpdate {
    /// Changes the state to `state`.
    pub fn new(state: ConversationState) -> Self {
        StateUpdate {
            state,
            user: None,
            origin: None,
        }
    }
}

wire_struct! {
    /// Body of `PUT …/participants`: replace the extra participants.
    #[derive(Default)]
    pub struct ParticipantsSave {
        /// The new list.
        pub participants: Vec<Participant>,
        /// Who makes the change.
        pub user: Option<MessageUser>,
        /// Channel of the change.
        pub origin: Option<Origin>,
    }
}

impl ParticipantsSave {
    /// Replaces the participants with `participants`.
    pub fn new(participants: Vec<Participant>) -> Self {
        ParticipantsSave {
            participants,
            user: None,
            origin: None,
        }
    }
}

wire_struct! {
    /// Body of `PATCH …/block`: block or unblock incoming messages.
    #[derive(Default)]
    pub struct BlockUpdate {
        /// Whether to block.
        pub blocked: bool,
        /// Who makes the change.
        pub user: Option<MessageUser>,
        /// Channel of the change.
        pub origin: Option<Origin>,
    }
}

impl BlockUpdate {
    /// Blocks (`true`) or unblocks.
    pub fn new(blocked: bool) -> Self {
        BlockUpdate {
            blocked,
            user: None,
            origin: None,
        }
    }
}

/// Body of `PATCH …/verify`: mark the visitor's identity verified or not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyUpdate {
    /// Whether the identity is verified.
    pub verified: bool,
}

impl VerifyUpdate {
    /// Sets the verified flag.
    pub fn new(verified: bool) -> Self {
        VerifyUpdate { verified }
    }
}

string_enum! {
    /// How an identity verification is carried out.
    pub enum VerifyMethod {
        /// A link sent to the identity.
        Link => "link",
    }
}

/// Body of `POST …/verify/identity`: send a verification request to the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityVerifyRequest {
    /// What to verify: `email`, `phone` or a `urn:…`.
    pub identity: String,
    /// How to verify it.
    pub method: VerifyMethod,
    /// Address the request goes to.
    pub recipient: String,
}

impl IdentityVerifyRequest {
    /// Verifies `identity` by a link sent to `recipient`.
    pub fn link(identity: impl Into<String>, recipient: impl Into<String>) -> Self {
        IdentityVerifyRequest {
            identity: identity.into(),
            method: VerifyMethod::Link,
            recipient: recipient.into(),
        }
    }
}

/// Body of `PUT …/verify/identity/link`: redeem a verification link token.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityVerifyRedeem {
    /// What was verified: `email`, `phone` or a `urn:…`.
    pub identity: String,
    /// Token from the link.
    pub token: String,
    /// Address the link was sent to.
    pub recipient: String,
}

impl IdentityVerifyRedeem {
    /// Redeems `token` for `identity` at `recipient`.
    pub fn new(
        identity: impl Into<String>,
        token: impl Into<String>,
        recipient: impl Into<String>,
    ) -> Self {
        IdentityVerifyRedeem {
            identity: identity.into(),
            token: token.into(),
            recipient: recipient.into(),
        }
    }
}

string_enum! {
    /// Who receives an e-mail transcript.
    pub enum TranscriptTo {
        /// The visitor.
        User => "user",
        /// The operator.
        Operator => "operator",
    }
}

wire_struct! {
    /// Body of `POST …/transcript`: e-mail a transcript of the conversation.
    pub struct TranscriptRequest {
        /// Who receives it.
        pub to: TranscriptTo,
        /// Address to use instead of the known one.
        pub email: Option<String>,
    }
}

impl TranscriptRequest {
    /// Sends the transcript to `to`.
    pub fn new(to: TranscriptTo) -> Self {
        TranscriptRequest { to, email: None }
    }
}

/// Body of `PATCH …/browsing/{browsing_id}`: control a co-browsing session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrowsingAction {
    /// Action, e.g. `start`.
    pub action: String,
}

impl BrowsingAction {
    /// Sends `action`.
    pub fn new(action: impl Into<String>) -> Self {
        BrowsingAction {
            action: action.into(),
        }
    }
}

/// Body of `PATCH …/browsing/{browsing_id}/assist`: free-form assist command (e.g. `{"mode":
/// "view"}`, or mouse/click/scroll positions).
pub type BrowsingAssist = DataMap;

string_enum! {
    /// Kind of call.
    pub enum CallMode {
        /// Voice only.
        Audio => "audio",
        /// Voice and video.
        Video => "video",
    }
}

wire_struct! {
    /// Body of `POST …/call`: start a call (the Node client always sends `mode`, `audio` by
    /// default, which is also what [`CallStart::default`] gives).
    pub struct CallStart {
        /// Audio or video.
        pub mode: CallMode,
        /// Who starts it.
        pub user: Option<MessageUser>,
        /// Channel.
        pub origin: Option<Origin>,
    }
}

impl CallStart {
    /// Starts a call in `mode`.
    pub fn new(mode: CallMode) -> Self {
        CallStart {
            mode,
            user: None,
            origin: None,
        }
    }
}

impl Default for CallStart {
    fn default() -> Self {
        CallStart::new(CallMode::Audio)
    }
}

wire_struct! {
    /// Body of `DELETE …/call/{call_id}`: abort a call (both fields optional).
    #[derive(Default)]
    pub struct CallAbort {
        /// Who aborts it.
        pub user: Option<MessageUser>,
        /// Channel.
        pub origin: Option<Origin>,
    }
}

/// Body of `PATCH …/call/{call_id}`: free-form WebRTC signaling payload (e.g. `{"type": "offer",
/// "sdp": …}`).
pub type CallSignaling = DataMap;

wire_struct! {
    /// Body of `POST …/tool`: ask the conversation's AI agent tooling to run a command.
    #[derive(Default)]
    pub struct ToolCallRequest {
        /// Command name.
        pub command: String,
        /// Command arguments.
        pub payload: Option<DataMap>,
    }
}

impl ToolCallRequest {
    /// Runs `command` without arguments.
    pub fn new(command: impl Into<String>) -> Self {
        ToolCallRequest {
            command: command.into(),
            payload: None,
        }
    }
}

/// Answer of `POST …/tool`: undocumented, kept as raw JSON.
pub type ToolCallResult = Value;

wire_struct! {
    /// Body of `POST …/widget/{plugin_id}/button`: a button press in a plugin widget.
    #[derive(Default)]
    pub struct WidgetButtonAction {
        /// Widget section id.
        pub section_id: String,
        /// Widget item id.
        pub item_id: String,
        /// Data attached to the button.
        pub data: Value,
        /// Value of the input next to it, if any.
        pub value: Option<Value>,
    }
}

impl WidgetButtonAction {
    /// A press on `item_id` of `section_id`, with its `data`.
    pub fn new(section_id: impl Into<String>, item_id: impl Into<String>, data: Value) -> Self {
        WidgetButtonAction {
            section_id: section_id.into(),
            item_id: item_id.into(),
            data,
            value: None,
        }
    }
}

/// Body of `POST …/widget/{plugin_id}/data` when fetching item data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WidgetDataFetchAction {
    /// Widget section id.
    pub section_id: String,
    /// Widget item id.
    pub item_id: String,
    /// Data attached to the item.
    pub data: Value,
}

impl WidgetDataFetchAction {
    /// Fetches the data of `item_id` in `section_id`.
    pub fn new(section_id: impl Into<String>, item_id: impl Into<String>, data: Value) -> Self {
        WidgetDataFetchAction {
            section_id: section_id.into(),
            item_id: item_id.into(),
            data,
        }
    }
}

/// Body of `POST …/widget/{plugin_id}/data` when an item was edited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetDataEditAction {
    /// Widget section id.
    pub section_id: String,
    /// Widget item id.
    pub item_id: String,
    /// The new value.
    pub value: String,
}

impl WidgetDataEditAction {
    /// Sets `item_id` in `section_id` to `value`.
    pub fn new(
        section_id: impl Into<String>,
        item_id: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        WidgetDataEditAction {
            section_id: section_id.into(),
            item_id: item_id.into(),
            value: value.into(),
        }
    }
}

wire_struct! {
    /// Body of `POST …/reminder`.
    #[derive(Default)]
    pub struct ReminderSchedule {
        /// When to remind, ISO-8601 (e.g. `2026-02-02T09:30:00.000Z`).
        pub date: String,
        /// Reminder text.
        pub note: String,
        /// Who schedules it.
        pub user: Option<MessageUser>,
        /// Channel.
        pub origin: Option<Origin>,
    }
}

impl ReminderSchedule {
    /// A reminder at `date` saying `note`.
    pub fn new(date: impl Into<String>, note: impl Into<String>) -> Self {
        ReminderSchedule {
            date: date.into(),
            note: note.into(),
            user: None,
            origin: None,
        }
    }
}

/// Body of `POST …/report`: report the conversation (abuse, spam).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationReport {
    /// Report flag, e.g. `spam`.
    pub flag: String,
}

impl ConversationReport {
    /// Reports with `flag`.
    pub fn new(flag: impl Into<String>) -> Self {
        ConversationReport { flag: flag.into() }
    }
}
