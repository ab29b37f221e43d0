//! Crisp events, as web hooks and RTM deliver them: signature verification and the typed
//! [`Event`].
//!
//! Crisp sends the same events two ways: POSTed to your URL (web hooks, the body
//! `{website_id, event, data, timestamp}`) or pushed on an RTM websocket (`["<event>", data]`).
//! The `data` is the same in both, so both decode to one value: [`Event::from_parts`] from the
//! name and data of a push, [`parse_webhook`] from a hook body (its [`WebhookPayload::event`]).
//! An RTM push and a hook delivery of one event give equal [`Event`]s and equal
//! [`Event::identity`], which is what de-duplication keys on.
//!
//! Plugin hooks (set up in the Marketplace) are signed: the header `X-Crisp-Signature` holds the
//! lowercase hex HMAC-SHA256, keyed with the plugin's hook secret, of the bytes
//! `[` + `X-Crisp-Request-Timestamp` + `;` + raw body + `]`. Website hooks (set up in website
//! settings) are not signed at all; protect them with a secret in the URL instead.
//!
//! Verify over the raw request bytes, before any parsing, then decode with [`parse_webhook`]:
//!
//! ```
//! use chatdesk_model::crisp::webhook::{compute_signature, parse_webhook, verify_signature, Event};
//!
//! let body = br#"{"website_id":"w","event":"session:set_email","data":{"session_id":"s","email":"a@b.c"},"timestamp":1700000000000}"#;
//! let signature = compute_signature(b"secret", body, "1700000000000").unwrap();
//! verify_signature(b"secret", body, "1700000000000", &signature).unwrap();
//! let hook = parse_webhook(body).unwrap();
//! assert!(matches!(hook.event, Event::SessionSetEmail(ref e) if e.email.as_deref() == Some("a@b.c")));
//! ```
//!
//! Neither official client checks how old a hook is; [`verify_signature_fresh`] adds that check.
//! Everything here needs only this crate (no HTTP types).

use super::common::{DataMap, Geolocation, response_struct};
use super::conversation::{
    ConnectionInfo, ConversationEvent, ConversationPage, ConversationState, Participant,
    SessionAvailability, SystemInfo, Verification,
};
use super::message::{ComposeType, Message, MessageUser, PickerContent};
use super::people::{PeopleCompany, PeoplePerson};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use sha2::Sha256;
use std::fmt;
use std::time::Duration;

/// Name of the header carrying the signature (plugin hooks only).
pub const SIGNATURE_HEADER: &str = "X-Crisp-Signature";
/// Name of the header carrying the emission timestamp that is part of the signed bytes.
pub const TIMESTAMP_HEADER: &str = "X-Crisp-Request-Timestamp";

// ---------------------------------------------------------------------------------------------
// Signature
// ---------------------------------------------------------------------------------------------

/// Why a web hook was refused.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature header is not 64 hexadecimal digits.
    MalformedSignature,
    /// The signature does not match the body, timestamp and secret.
    BadSignature,
    /// The timestamp header is not a number.
    MalformedTimestamp,
    /// The signature matches, but the timestamp is outside the accepted window.
    Stale {
        /// How old the hook is, in milliseconds (negative when dated in the future).
        age_ms: i64,
    },
    /// The secret could not be used as an HMAC key.
    InvalidKey,
    /// The secret is empty, as when its environment variable is unset. HMAC accepts a
    /// zero-length key, so anyone could sign hooks that would then verify; refused instead,
    /// as [`verify_token`](crate::carrot::verify_token) refuses an empty Carrot token (with the
    /// `carrot` feature).
    EmptySecret,
    /// The body is not a web hook (not JSON, no `event`, or a payload of the wrong shape).
    Payload(serde_json::Error),
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::MalformedSignature => {
                f.write_str("web hook signature is not hex SHA-256")
            }
            WebhookError::BadSignature => f.write_str("web hook signature does not match"),
            WebhookError::MalformedTimestamp => f.write_str("web hook timestamp is not a number"),
            WebhookError::Stale { age_ms } => {
                write!(f, "web hook timestamp is {age_ms} ms away from now")
            }
            WebhookError::InvalidKey => f.write_str("web hook secret is not a usable key"),
            WebhookError::EmptySecret => f.write_str("web hook secret is empty (not configured?)"),
            WebhookError::Payload(e) => write!(f, "web hook body is malformed: {e}"),
        }
    }
}

impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WebhookError::Payload(e) => Some(e),
            _ => None,
        }
    }
}

type HmacSha256 = Hmac<Sha256>;

fn signed_mac(secret: &[u8], raw_body: &[u8], timestamp: &str) -> Result<HmacSha256, WebhookError> {
    if secret.is_empty() {
        return Err(WebhookError::EmptySecret);
    }
    let mut mac =
        <HmacSha256 as Mac>::new_from_slice(secret).map_err(|_| WebhookError::InvalidKey)?;
    mac.update(b"[");
    mac.update(timestamp.as_bytes());
    mac.update(b";");
    mac.update(raw_body);
    mac.update(b"]");
    Ok(mac)
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

fn encode_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// The signature Crisp puts on a hook: lowercase hex HMAC-SHA256 of `[timestamp;raw_body]`.
///
/// Useful to test a receiver or to sign hooks in a simulator. An empty `secret` is refused
/// with [`WebhookError::EmptySecret`].
pub fn compute_signature(
    secret: &[u8],
    raw_body: &[u8],
    timestamp: &str,
) -> Result<String, WebhookError> {
    let mac = signed_mac(secret, raw_body, timestamp)?;
    Ok(encode_hex(&mac.finalize().into_bytes()))
}

/// Checks a hook's signature over the raw body bytes, in constant time.
///
/// `timestamp` is the `X-Crisp-Request-Timestamp` header exactly as received and `signature_hex`
/// the `X-Crisp-Signature` header (either case of hex digits; surrounding spaces ignored).
///
/// An empty `secret` is refused with [`WebhookError::EmptySecret`] before anything else is
/// looked at, so a receiver whose secret is not configured accepts no hook at all.
pub fn verify_signature(
    secret: &[u8],
    raw_body: &[u8],
    timestamp: &str,
    signature_hex: &str,
) -> Result<(), WebhookError> {
    let mac = signed_mac(secret, raw_body, timestamp)?;
    let expected = decode_hex(signature_hex.trim()).ok_or(WebhookError::MalformedSignature)?;
    if expected.len() != 32 {
        return Err(WebhookError::MalformedSignature);
    }
    mac.verify_slice(&expected)
        .map_err(|_| WebhookError::BadSignature)
}

/// Epoch values below this are taken as seconds, at or above it as milliseconds.
///
/// 10^11 seconds is past the year 5000 while 10^11 milliseconds is in 1973, so every realistic
/// value of either unit is told apart.
const SECONDS_LIMIT: i64 = 100_000_000_000;

/// Converts an epoch value given in seconds or milliseconds to milliseconds.
///
/// The Crisp notes give epoch milliseconds for every timestamp (the hook body's `timestamp` is
/// one), without stating the unit of the timestamp header; both units are accepted here.
pub fn epoch_to_millis(value: i64) -> i64 {
    if value.unsigned_abs() < SECONDS_LIMIT.unsigned_abs() {
        value.saturating_mul(1000)
    } else {
        value
    }
}

fn parse_epoch_millis(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(v) = text.parse::<i64>() {
        return Some(epoch_to_millis(v));
    }
    let v = text.parse::<f64>().ok().filter(|v| v.is_finite())?;
    // `as` saturates on overflow; values this large fail the age check anyway.
    Some(if v.abs() < SECONDS_LIMIT as f64 {
        (v * 1000.0) as i64
    } else {
        v as i64
    })
}

/// [`verify_signature`], then refuses hooks whose timestamp is more than `max_age` away from
/// `now` (in either direction, to allow for clock skew but not for replays).
///
/// `timestamp` is the header as received; `now` is the current epoch time in seconds or
/// milliseconds (see [`epoch_to_millis`]). A forged hook reports [`WebhookError::BadSignature`]
/// even when it is also stale.
pub fn verify_signature_fresh(
    secret: &[u8],
    raw_body: &[u8],
    timestamp: &str,
    signature_hex: &str,
    now: i64,
    max_age: Duration,
) -> Result<(), WebhookError> {
    verify_signature(secret, raw_body, timestamp, signature_hex)?;
    let sent = parse_epoch_millis(timestamp).ok_or(WebhookError::MalformedTimestamp)?;
    let age_ms = epoch_to_millis(now).saturating_sub(sent);
    let limit = i64::try_from(max_age.as_millis()).unwrap_or(i64::MAX);
    if age_ms.unsigned_abs() > limit.unsigned_abs() {
        return Err(WebhookError::Stale { age_ms });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Payload shapes
// ---------------------------------------------------------------------------------------------

/// Declares session-scoped event payloads: each gets `website_id`, `session_id` and `inbox_id`
/// before its own fields, with the response conventions of `response_struct!`.
macro_rules! session_payload {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    )+) => {
        response_struct! {$(
            $(#[$meta])*
            pub struct $name {
                /// Website id.
                pub website_id: Option<String>,
                /// Conversation id.
                pub session_id: Option<String>,
                /// Inbox of the conversation (`null` for the default inbox).
                pub inbox_id: Option<String>,
                $( $(#[$fmeta])* pub $field : $ty ),*
            }
        )+}
    };
}

/// Declares website-scoped event payloads: each gets `website_id` before its own fields.
macro_rules! website_payload {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    )+) => {
        response_struct! {$(
            $(#[$meta])*
            pub struct $name {
                /// Website id.
                pub website_id: Option<String>,
                $( $(#[$fmeta])* pub $field : $ty ),*
            }
        )+}
    };
}

session_payload! {
    /// Payload that identifies a conversation and nothing more (`session:request:initiated`,
    /// `session:removed`, `message:notify:unread:*`, `browsing:request:rejected`).
    pub struct SessionRef {}

    /// `session:update_availability`: the visitor came online or went offline.
    pub struct SessionAvailabilityUpdated {
        /// New availability.
        pub availability: Option<SessionAvailability>,
    }

    /// `session:update_verify`: identity verification changed.
    pub struct SessionVerifyUpdated {
        /// Whether the identity is verified.
        pub is_verified: Option<bool>,
        /// Verifications done.
        pub verifications: Option<Vec<Verification>>,
    }

    /// `session:set_email`.
    pub struct SessionEmailSet {
        /// New e-mail.
        pub email: Option<String>,
    }

    /// `session:set_phone`.
    pub struct SessionPhoneSet {
        /// New phone.
        pub phone: Option<String>,
    }

    /// `session:set_address`.
    pub struct SessionAddressSet {
        /// New address.
        pub address: Option<String>,
    }

    /// `session:set_subject`.
    pub struct SessionSubjectSet {
        /// New subject.
        pub subject: Option<String>,
    }

    /// `session:set_avatar`.
    pub struct SessionAvatarSet {
        /// New avatar URL.
        pub avatar: Option<String>,
    }

    /// `session:set_nickname`.
    pub struct SessionNicknameSet {
        /// New name.
        pub nickname: Option<String>,
    }

    /// `session:set_origin`.
    pub struct SessionOriginSet {
        /// New origin.
        pub origin: Option<String>,
    }

    /// `session:set_data`.
    pub struct SessionDataSet {
        /// New custom data.
        pub data: Option<DataMap>,
    }

    /// `session:set_segments`.
    pub struct SessionSegmentsSet {
        /// New segments.
        pub segments: Option<Vec<String>>,
    }

    /// `session:set_block`.
    pub struct SessionBlockSet {
        /// Whether incoming messages are now blocked.
        pub is_blocked: Option<bool>,
    }

    /// `session:set_opened` and `session:set_closed`: an operator opened or closed the
    /// conversation.
    pub struct SessionOpenStateSet {
        /// The operator.
        pub operator: Option<EventOperator>,
    }

    /// `session:set_participants`.
    pub struct SessionParticipantsSet {
        /// New participants.
        pub participants: Option<Vec<Participant>>,
    }

    /// `session:set_mentions`.
    pub struct SessionMentionsSet {
        /// Operators now mentioned.
        pub mentions: Option<Vec<String>>,
    }

    /// `session:set_routing`.
    pub struct SessionRoutingSet {
        /// New routing id (`null` when none).
        pub routing_id: Option<String>,
        /// Previous routing id.
        pub previous_routing_id: Option<String>,
    }

    /// `session:set_inbox`: the conversation moved inbox (`inbox_id` is the new one).
    pub struct SessionInboxSet {
        /// Previous inbox (`null` for the default inbox).
        pub previous_inbox_id: Option<String>,
    }

    /// `session:set_state`.
    pub struct SessionStateSet {
        /// New state.
        pub state: Option<ConversationState>,
    }

    /// `session:sync:capabilities`.
    pub struct SessionCapabilitiesSynced {
        /// Chatbox capabilities.
        pub capabilities: Option<Vec<String>>,
    }

    /// `session:sync:geolocation`.
    pub struct SessionGeolocationSynced {
        /// Visitor location.
        pub geolocation: Option<Geolocation>,
    }

    /// `session:sync:system`.
    pub struct SessionSystemSynced {
        /// Visitor system and browser.
        pub system: Option<SystemInfo>,
    }

    /// `session:sync:network`.
    pub struct SessionNetworkSynced {
        /// Visitor network.
        pub network: Option<NetworkInfo>,
    }

    /// `session:sync:timezone`.
    pub struct SessionTimezoneSynced {
        /// Visitor time zone.
        pub timezone: Option<TimezoneInfo>,
    }

    /// `session:sync:locales`.
    pub struct SessionLocalesSynced {
        /// Visitor locales.
        pub locales: Option<LocalesInfo>,
    }

    /// `session:sync:pages`.
    pub struct SessionPagesSynced {
        /// Pages browsed.
        pub pages: Option<Vec<ConversationPage>>,
    }

    /// `session:sync:events`.
    pub struct SessionEventsSynced {
        /// Events recorded.
        pub events: Option<Vec<ConversationEvent>>,
    }

    /// `session:sync:rating`.
    pub struct SessionRatingSynced {
        /// The visitor's rating.
        pub rating: Option<SessionRating>,
    }

    /// `session:sync:topic`.
    pub struct SessionTopicSynced {
        /// New topic.
        pub topic: Option<String>,
    }

    /// `session:error`: a value could not be applied to the session.
    pub struct SessionErrorRaised {
        /// What failed.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// The value refused.
        pub value: Option<String>,
        /// The value kept.
        pub previous_value: Option<String>,
    }

    /// `message:updated`: a message was edited.
    pub struct MessageUpdated {
        /// Fingerprint of the message.
        pub fingerprint: Option<i64>,
        /// New content.
        pub content: Option<UpdatedContent>,
    }

    /// `message:removed`.
    pub struct MessageRemoved {
        /// Fingerprint of the removed message.
        pub fingerprint: Option<i64>,
    }

    /// `message:compose:send` (visitor typing) and `message:compose:receive` (operator typing,
    /// with `user`).
    pub struct ComposeEvent {
        /// Start or stop.
        #[serde(rename = "type")]
        pub kind: Option<ComposeType>,
        /// Text typed so far.
        pub excerpt: Option<String>,
        /// When it changed (ms).
        pub timestamp: Option<i64>,
        /// Who is typing (operator side).
        pub user: Option<MessageUser>,
    }

    /// `message:acknowledge:*`: messages were read, marked unread, delivered or skipped.
    pub struct MessagesAcknowledged {
        /// Channel of the acknowledgement.
        pub origin: Option<String>,
        /// Fingerprints concerned.
        pub fingerprints: Option<Vec<i64>>,
        /// Why delivery was skipped (`message:acknowledge:ignored` only).
        pub details: Option<IgnoredDetails>,
    }

    /// `people:bind:session`: a conversation was bound to a profile.
    pub struct PeopleSessionBound {
        /// Profile id.
        pub people_id: Option<String>,
    }

    /// `people:sync:profile`: enrichment data found for the profile of a conversation.
    pub struct PeopleProfileSynced {
        /// Profile id.
        pub people_id: Option<String>,
        /// Enriched identity.
        pub identity: Option<ProfileIdentity>,
    }

    /// `browsing:request:initiated`: the visitor accepted co-browsing.
    pub struct BrowsingRequestInitiated {
        /// Browsing id.
        pub browsing_id: Option<String>,
        /// Token to join.
        pub browsing_token: Option<String>,
    }

    /// `call:request:initiated` and `call:request:rejected`.
    pub struct CallRequest {
        /// Call id.
        pub call_id: Option<String>,
    }

    /// `widget:action:processed`: a plugin answered a widget action.
    pub struct WidgetActionProcessed {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// Id returned when the action was delivered.
        pub correlation_id: Option<String>,
        /// Success or failure.
        pub outcome: Option<WidgetOutcome>,
        /// Result data from the plugin.
        pub result: Option<DataMap>,
    }
}

website_payload! {
    /// `spam:message`: a message was held as spam.
    pub struct SpamMessage {
        /// Spam id.
        pub spam_id: Option<String>,
        /// Kind of spam.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Why it was held.
        pub reason: Option<String>,
        /// Free-form metadata.
        pub metadata: Option<DataMap>,
        /// Original headers.
        pub headers: Option<DataMap>,
        /// When it was received (ms).
        pub timestamp: Option<i64>,
    }

    /// `spam:decision`: a spam decision was taken.
    pub struct SpamDecided {
        /// Spam id.
        pub spam_id: Option<String>,
        /// The decision.
        pub action: Option<String>,
    }

    /// `people:profile:created`.
    pub struct PeopleProfileCreated {
        /// Profile id.
        pub people_id: Option<String>,
        /// Profile e-mail.
        pub email: Option<String>,
    }

    /// `people:profile:updated`.
    pub struct PeopleProfileUpdated {
        /// Profile id.
        pub people_id: Option<String>,
        /// Profile e-mail.
        pub email: Option<String>,
        /// What changed.
        pub update: Option<ProfileChange>,
    }

    /// `people:profile:removed`.
    pub struct PeopleProfileRemoved {
        /// Profile id.
        pub people_id: Option<String>,
    }

    /// `people:import:progress`.
    pub struct PeopleImportProgress {
        /// Profile just imported, if any.
        pub people_id: Option<String>,
        /// Progress in percent.
        pub progress: Option<i64>,
        /// Counters.
        pub count: Option<ImportCount>,
        /// Details of skipped rows.
        pub items: Option<ImportItems>,
    }

    /// `people:import:done`.
    pub struct PeopleImportDone {
        /// Last profile imported, if any.
        pub people_id: Option<String>,
        /// Whether the import failed.
        pub error: Option<bool>,
    }

    /// `campaign:progress`.
    pub struct CampaignProgress {
        /// Campaign id.
        pub campaign_id: Option<String>,
        /// Progress in percent.
        pub progress: Option<i64>,
    }

    /// `campaign:dispatched`.
    pub struct CampaignDispatched {
        /// Campaign id.
        pub campaign_id: Option<String>,
    }

    /// `campaign:running`.
    pub struct CampaignRunning {
        /// Campaign id.
        pub campaign_id: Option<String>,
        /// Whether it now runs.
        pub running: Option<bool>,
    }

    /// `identity:verify:request`: a plugin is asked to deliver a verification code.
    pub struct IdentityVerifyRequested {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// Conversation id.
        pub session_id: Option<String>,
        /// Where to deliver the code.
        pub target: Option<String>,
        /// The code.
        pub code: Option<String>,
        /// Link confirming the identity.
        pub confirm_url: Option<String>,
    }

    /// `status:health:changed`: status page health changed.
    pub struct StatusHealthChanged {
        /// New overall health.
        pub health: Option<HealthState>,
        /// Nodes concerned.
        pub nodes: Option<Vec<StatusNode>>,
    }

    /// `website:update_visitors_count`.
    pub struct VisitorsCountUpdated {
        /// Visitors online now.
        pub visitors_count: Option<i64>,
    }

    /// `website:update_operators_availability`.
    pub struct OperatorAvailabilityUpdated {
        /// Operator user id.
        pub user_id: Option<String>,
        /// New availability.
        pub availability: Option<OperatorAvailabilityInfo>,
    }

    /// `website:users:available`: whether any operator is available.
    pub struct UsersAvailable {
        /// Whether someone is available.
        pub available: Option<bool>,
    }

    /// `email:subscribe`: an e-mail subscription changed.
    pub struct EmailSubscribed {
        /// The address.
        pub email: Option<String>,
        /// Whether it is now subscribed.
        pub subscribed: Option<bool>,
    }

    /// `email:track:view`: a tracked e-mail was opened.
    pub struct EmailTrackViewed {
        /// What was tracked.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Tracked item id.
        pub identifier: Option<String>,
        /// Tracking mode.
        pub mode: Option<String>,
    }

    /// `plugin:channel`: a message on a plugin's channel.
    pub struct PluginChannelMessage {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// Channel identifier.
        pub identifier: Option<String>,
        /// Message namespace.
        pub namespace: Option<String>,
        /// Free-form payload.
        pub payload: Option<Value>,
    }

    /// `plugin:event`: an event dispatched to a plugin.
    pub struct PluginEventReceived {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// Plugin URN.
        pub urn: Option<String>,
        /// Event name.
        pub name: Option<String>,
        /// Free-form event data.
        pub data: Option<DataMap>,
    }

    /// `plugin:subscription:updated`: the plugin was installed or removed on a website.
    pub struct PluginSubscriptionUpdated {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// Whether it is now installed.
        pub bound: Option<bool>,
        /// What changed.
        pub target: Option<String>,
    }

    /// `plugin:settings:saved`.
    pub struct PluginSettingsSaved {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// New settings (plugin-defined).
        pub settings: Option<DataMap>,
    }

    /// `plan:subscription:updated`.
    pub struct PlanSubscriptionUpdated {
        /// The plan now subscribed.
        pub plan: Option<PlanInfo>,
    }
}

response_struct! {
    /// An operator as named in session events.
    pub struct EventOperator {
        /// Operator user id.
        pub user_id: Option<String>,
        /// Avatar URL (may be `null`).
        pub avatar: Option<String>,
        /// Name.
        pub nickname: Option<String>,
    }

    /// Network details of `session:sync:network`.
    pub struct NetworkInfo {
        /// IP address.
        pub ip: Option<String>,
        /// Provider details.
        pub connection: Option<ConnectionInfo>,
    }

    /// Time zone of `session:sync:timezone`.
    pub struct TimezoneInfo {
        /// Offset in minutes.
        pub offset: Option<i64>,
    }

    /// Locales of `session:sync:locales`.
    pub struct LocalesInfo {
        /// Preferred locales.
        pub locales: Option<Vec<String>>,
    }

    /// A visitor's rating of a conversation.
    pub struct SessionRating {
        /// Stars given.
        pub stars: Option<i64>,
        /// Comment left.
        pub comment: Option<String>,
    }

    /// Why delivery of messages was skipped.
    pub struct IgnoredDetails {
        /// Kind of skip.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Reason code.
        pub reason: Option<String>,
    }

    /// The change carried by `people:profile:updated`.
    pub struct ProfileChange {
        /// When it changed (ms).
        pub updated_at: Option<i64>,
        /// Person fields as they are now.
        pub person: Option<PeoplePerson>,
    }

    /// Enriched identity of `people:sync:profile`.
    pub struct ProfileIdentity {
        /// The person.
        pub person: Option<PeoplePerson>,
        /// The company.
        pub company: Option<PeopleCompany>,
    }

    /// Counters of `people:import:progress`.
    pub struct ImportCount {
        /// Rows skipped so far.
        pub skipped: Option<i64>,
        /// Rows left.
        pub remaining: Option<i64>,
    }

    /// Row details of `people:import:progress`.
    pub struct ImportItems {
        /// Rows skipped, with why.
        pub skipped: Option<Vec<ImportSkipped>>,
    }

    /// A row skipped by an import.
    pub struct ImportSkipped {
        /// Row identifier (may be `null`).
        pub identifier: Option<String>,
        /// Why it was skipped.
        pub reason: Option<String>,
    }

    /// A status page node.
    pub struct StatusNode {
        /// Node label.
        pub label: Option<String>,
        /// Replica name.
        pub replica: Option<String>,
    }

    /// Availability of `website:update_operators_availability`.
    pub struct OperatorAvailabilityInfo {
        /// `online` or `offline`.
        #[serde(rename = "type")]
        pub kind: Option<SessionAvailability>,
    }

    /// `bucket:url:*:generated`: a signed upload URL is ready.
    pub struct BucketUrlGenerated {
        /// Who asked for it.
        pub from: Option<String>,
        /// Request id chosen by the caller.
        pub id: Option<LooseId>,
        /// Identifier of the upload.
        pub identifier: Option<String>,
        /// Resource the upload is for.
        pub resource: Option<BucketResource>,
        /// Upload limits.
        pub policy: Option<BucketPolicy>,
        /// Kind of upload.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// The URLs.
        pub url: Option<BucketUrls>,
    }

    /// Resource a bucket URL is for.
    pub struct BucketResource {
        /// Resource kind, e.g. `website`.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Resource id.
        pub id: Option<String>,
    }

    /// Limits of a bucket URL.
    pub struct BucketPolicy {
        /// Largest accepted size in bytes.
        pub size_limit: Option<i64>,
    }

    /// URLs of a bucket upload.
    pub struct BucketUrls {
        /// Where the file will be readable.
        pub resource: Option<String>,
        /// Where to upload it (signed).
        pub signed: Option<String>,
    }

    /// `media:animation:listed`: results of an animation search.
    pub struct AnimationsListed {
        /// Request id chosen by the caller.
        pub id: Option<LooseId>,
        /// Search identifier.
        pub identifier: Option<String>,
        /// Animations found.
        pub results: Option<Vec<AnimationResult>>,
    }

    /// One animation found.
    pub struct AnimationResult {
        /// MIME type.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// URL.
        pub url: Option<String>,
    }

    /// Plan of `plan:subscription:updated`.
    pub struct PlanInfo {
        /// Plan id.
        pub id: Option<String>,
        /// Plan name.
        pub name: Option<String>,
        /// Price, as sent.
        pub price: Option<serde_json::Number>,
        /// Whether it is a trial.
        pub trialing: Option<bool>,
    }
}

/// An id the API sends as a number or a string, depending on the client that made the request.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LooseId {
    /// Sent as a number.
    Number(i64),
    /// Sent as a string.
    Text(String),
}

/// New content of `message:updated`: text, or a picker whose selection changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum UpdatedContent {
    /// Text (text and note messages).
    Text(String),
    /// Picker content.
    Picker(PickerContent),
    /// Any other shape, kept raw.
    Other(Value),
}

string_enum! {
    /// Outcome of a widget action.
    pub enum WidgetOutcome {
        /// The plugin handled it.
        Success => "success",
        /// The plugin failed.
        Failure => "failure",
    }
}

string_enum! {
    /// Health of a status page.
    pub enum HealthState {
        /// All good.
        Healthy => "healthy",
        /// Degraded.
        Sick => "sick",
        /// Down.
        Dead => "dead",
    }
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/// Declares [`Event`], one variant per event name, plus the name table and the
/// name/data conversions.
macro_rules! webhook_events {
    ($( $(#[$doc:meta])* $variant:ident($payload:ty) = $name:literal, )+) => {
        /// A Crisp event, by name, with its payload: what a web hook delivers and what an RTM
        /// push carries, decoded the same way for both.
        ///
        /// Names this crate does not know are kept in [`Event::Unknown`] with their data.
        ///
        /// ```
        /// use chatdesk_model::crisp::webhook::{parse_webhook, Event};
        /// use serde_json::json;
        ///
        /// let data = json!({"website_id": "w", "session_id": "s", "state": "resolved"});
        /// // An RTM push: `42["session:set_state", data]`.
        /// let pushed = Event::from_parts("session:set_state", data.clone()).unwrap();
        /// // A web hook delivery of the same event.
        /// let body = json!({"website_id": "w", "event": "session:set_state", "data": data, "timestamp": 1});
        /// let hooked = parse_webhook(body.to_string().as_bytes()).unwrap().event;
        /// assert_eq!(pushed, hooked);
        /// assert_eq!(pushed.identity(), hooked.identity());
        /// ```
        // Payload sizes differ (a message or an enriched profile is large), but an event is
        // decoded once per hook and handed over by value; boxing would only make matching worse.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant($payload), )+
            /// An event name this crate does not know, with its data as sent.
            Unknown {
                /// The event name.
                name: String,
                /// The event data.
                data: Value,
            },
        }

        /// Every event name this crate types, in the order of the API notes.
        pub const EVENT_NAMES: &[&str] = &[ $( $name ),+ ];

        impl Event {
            /// The event name, e.g. `message:send`.
            pub fn name(&self) -> &str {
                match self {
                    $( Event::$variant(_) => $name, )+
                    Event::Unknown { name, .. } => name,
                }
            }

            /// Types `data` according to the event `name`.
            ///
            /// Unknown names are kept raw. A `null` data reads as `{}`. Fails only when the data
            /// of a known event has the wrong JSON type somewhere (e.g. a string where a list is
            /// expected).
            pub fn from_parts(name: &str, data: Value) -> Result<Self, serde_json::Error> {
                Self::from_parts_keeping(name, data).map_err(|(e, _)| e)
            }

            /// [`from_parts`](Self::from_parts) that hands `data` back, untouched, when it does
            /// not fit: for a caller that keeps what failed (a stream's "malformed" item)
            /// without cloning every event's data beforehand.
            pub fn from_parts_keeping(
                name: &str,
                data: Value,
            ) -> Result<Self, (serde_json::Error, Value)> {
                let data = if data.is_null() { Value::Object(DataMap::new()) } else { data };
                let typed = match name {
                    $( $name => <$payload>::deserialize(&data).map(Event::$variant), )+
                    _ => return Ok(Event::Unknown { name: name.to_owned(), data }),
                };
                typed.map_err(|e| (e, data))
            }

            /// The payload back as JSON.
            pub fn data_value(&self) -> Result<Value, serde_json::Error> {
                match self {
                    $( Event::$variant(p) => serde_json::to_value(p), )+
                    Event::Unknown { data, .. } => Ok(data.clone()),
                }
            }
        }
    };
}

webhook_events! {
    /// `session:update_availability`.
    SessionUpdateAvailability(SessionAvailabilityUpdated) = "session:update_availability",
    /// `session:update_verify`.
    SessionUpdateVerify(SessionVerifyUpdated) = "session:update_verify",
    /// `session:request:initiated`: the visitor started a conversation.
    SessionRequestInitiated(SessionRef) = "session:request:initiated",
    /// `session:set_email`.
    SessionSetEmail(SessionEmailSet) = "session:set_email",
    /// `session:set_phone`.
    SessionSetPhone(SessionPhoneSet) = "session:set_phone",
    /// `session:set_address`.
    SessionSetAddress(SessionAddressSet) = "session:set_address",
    /// `session:set_subject`.
    SessionSetSubject(SessionSubjectSet) = "session:set_subject",
    /// `session:set_avatar`.
    SessionSetAvatar(SessionAvatarSet) = "session:set_avatar",
    /// `session:set_nickname`.
    SessionSetNickname(SessionNicknameSet) = "session:set_nickname",
    /// `session:set_origin`.
    SessionSetOrigin(SessionOriginSet) = "session:set_origin",
    /// `session:set_data`.
    SessionSetData(SessionDataSet) = "session:set_data",
    /// `session:sync:pages`.
    SessionSyncPages(SessionPagesSynced) = "session:sync:pages",
    /// `session:sync:events`.
    SessionSyncEvents(SessionEventsSynced) = "session:sync:events",
    /// `session:sync:capabilities`.
    SessionSyncCapabilities(SessionCapabilitiesSynced) = "session:sync:capabilities",
    /// `session:sync:geolocation`.
    SessionSyncGeolocation(SessionGeolocationSynced) = "session:sync:geolocation",
    /// `session:sync:system`.
    SessionSyncSystem(SessionSystemSynced) = "session:sync:system",
    /// `session:sync:network`.
    SessionSyncNetwork(SessionNetworkSynced) = "session:sync:network",
    /// `session:sync:timezone`.
    SessionSyncTimezone(SessionTimezoneSynced) = "session:sync:timezone",
    /// `session:sync:locales`.
    SessionSyncLocales(SessionLocalesSynced) = "session:sync:locales",
    /// `session:sync:rating`.
    SessionSyncRating(SessionRatingSynced) = "session:sync:rating",
    /// `session:sync:topic`.
    SessionSyncTopic(SessionTopicSynced) = "session:sync:topic",
    /// `session:set_state`.
    SessionSetState(SessionStateSet) = "session:set_state",
    /// `session:set_block`.
    SessionSetBlock(SessionBlockSet) = "session:set_block",
    /// `session:set_segments`.
    SessionSetSegments(SessionSegmentsSet) = "session:set_segments",
    /// `session:set_opened`.
    SessionSetOpened(SessionOpenStateSet) = "session:set_opened",
    /// `session:set_closed`.
    SessionSetClosed(SessionOpenStateSet) = "session:set_closed",
    /// `session:set_participants`.
    SessionSetParticipants(SessionParticipantsSet) = "session:set_participants",
    /// `session:set_mentions`.
    SessionSetMentions(SessionMentionsSet) = "session:set_mentions",
    /// `session:set_routing`.
    SessionSetRouting(SessionRoutingSet) = "session:set_routing",
    /// `session:set_inbox`.
    SessionSetInbox(SessionInboxSet) = "session:set_inbox",
    /// `session:removed`.
    SessionRemoved(SessionRef) = "session:removed",
    /// `session:error`.
    SessionError(SessionErrorRaised) = "session:error",
    /// `message:updated`.
    MessageUpdated(MessageUpdated) = "message:updated",
    /// `message:send`: the visitor sent a message.
    MessageSend(Message) = "message:send",
    /// `message:received`: an operator sent a message.
    MessageReceived(Message) = "message:received",
    /// `message:removed`.
    MessageRemoved(MessageRemoved) = "message:removed",
    /// `message:compose:send`: the visitor is typing.
    MessageComposeSend(ComposeEvent) = "message:compose:send",
    /// `message:compose:receive`: an operator is typing.
    MessageComposeReceive(ComposeEvent) = "message:compose:receive",
    /// `message:acknowledge:read:send`: the visitor read operator messages.
    MessageAcknowledgeReadSend(MessagesAcknowledged) = "message:acknowledge:read:send",
    /// `message:acknowledge:read:received`: an operator read visitor messages.
    MessageAcknowledgeReadReceived(MessagesAcknowledged) = "message:acknowledge:read:received",
    /// `message:acknowledge:unread:send`.
    MessageAcknowledgeUnreadSend(MessagesAcknowledged) = "message:acknowledge:unread:send",
    /// `message:acknowledge:delivered`.
    MessageAcknowledgeDelivered(MessagesAcknowledged) = "message:acknowledge:delivered",
    /// `message:acknowledge:ignored`.
    MessageAcknowledgeIgnored(MessagesAcknowledged) = "message:acknowledge:ignored",
    /// `message:notify:unread:send`.
    MessageNotifyUnreadSend(SessionRef) = "message:notify:unread:send",
    /// `message:notify:unread:received`.
    MessageNotifyUnreadReceived(SessionRef) = "message:notify:unread:received",
    /// `spam:message`.
    SpamMessage(SpamMessage) = "spam:message",
    /// `spam:decision`.
    SpamDecision(SpamDecided) = "spam:decision",
    /// `people:profile:created`.
    PeopleProfileCreated(PeopleProfileCreated) = "people:profile:created",
    /// `people:profile:updated`.
    PeopleProfileUpdated(PeopleProfileUpdated) = "people:profile:updated",
    /// `people:profile:removed`.
    PeopleProfileRemoved(PeopleProfileRemoved) = "people:profile:removed",
    /// `people:bind:session`.
    PeopleBindSession(PeopleSessionBound) = "people:bind:session",
    /// `people:sync:profile`.
    PeopleSyncProfile(PeopleProfileSynced) = "people:sync:profile",
    /// `people:import:progress`.
    PeopleImportProgress(PeopleImportProgress) = "people:import:progress",
    /// `people:import:done`.
    PeopleImportDone(PeopleImportDone) = "people:import:done",
    /// `campaign:progress`.
    CampaignProgress(CampaignProgress) = "campaign:progress",
    /// `campaign:dispatched`.
    CampaignDispatched(CampaignDispatched) = "campaign:dispatched",
    /// `campaign:running`.
    CampaignRunning(CampaignRunning) = "campaign:running",
    /// `browsing:request:initiated`.
    BrowsingRequestInitiated(BrowsingRequestInitiated) = "browsing:request:initiated",
    /// `browsing:request:rejected`.
    BrowsingRequestRejected(SessionRef) = "browsing:request:rejected",
    /// `call:request:initiated`.
    CallRequestInitiated(CallRequest) = "call:request:initiated",
    /// `call:request:rejected`.
    CallRequestRejected(CallRequest) = "call:request:rejected",
    /// `identity:verify:request`.
    IdentityVerifyRequest(IdentityVerifyRequested) = "identity:verify:request",
    /// `status:health:changed`.
    StatusHealthChanged(StatusHealthChanged) = "status:health:changed",
    /// `website:update_visitors_count`.
    WebsiteUpdateVisitorsCount(VisitorsCountUpdated) = "website:update_visitors_count",
    /// `website:update_operators_availability`.
    WebsiteUpdateOperatorsAvailability(OperatorAvailabilityUpdated) = "website:update_operators_availability",
    /// `website:users:available`.
    WebsiteUsersAvailable(UsersAvailable) = "website:users:available",
    /// `bucket:url:upload:generated`.
    BucketUrlUploadGenerated(BucketUrlGenerated) = "bucket:url:upload:generated",
    /// `bucket:url:avatar:generated`.
    BucketUrlAvatarGenerated(BucketUrlGenerated) = "bucket:url:avatar:generated",
    /// `bucket:url:website:generated`.
    BucketUrlWebsiteGenerated(BucketUrlGenerated) = "bucket:url:website:generated",
    /// `bucket:url:campaign:generated`.
    BucketUrlCampaignGenerated(BucketUrlGenerated) = "bucket:url:campaign:generated",
    /// `bucket:url:helpdesk:generated`.
    BucketUrlHelpdeskGenerated(BucketUrlGenerated) = "bucket:url:helpdesk:generated",
    /// `bucket:url:status:generated`.
    BucketUrlStatusGenerated(BucketUrlGenerated) = "bucket:url:status:generated",
    /// `bucket:url:processing:generated`.
    BucketUrlProcessingGenerated(BucketUrlGenerated) = "bucket:url:processing:generated",
    /// `media:animation:listed`.
    MediaAnimationListed(AnimationsListed) = "media:animation:listed",
    /// `email:subscribe`.
    EmailSubscribe(EmailSubscribed) = "email:subscribe",
    /// `email:track:view`.
    EmailTrackView(EmailTrackViewed) = "email:track:view",
    /// `plugin:channel`.
    PluginChannel(PluginChannelMessage) = "plugin:channel",
    /// `plugin:event`.
    PluginEvent(PluginEventReceived) = "plugin:event",
    /// `plugin:subscription:updated`.
    PluginSubscriptionUpdated(PluginSubscriptionUpdated) = "plugin:subscription:updated",
    /// `plugin:settings:saved`.
    PluginSettingsSaved(PluginSettingsSaved) = "plugin:settings:saved",
    /// `plan:subscription:updated`.
    PlanSubscriptionUpdated(PlanSubscriptionUpdated) = "plan:subscription:updated",
    /// `widget:action:processed` (typed by the Node client but missing from its accepted list).
    WidgetActionProcessed(WidgetActionProcessed) = "widget:action:processed",
}

/// The name [`Event`] had when it served web hooks only.
#[deprecated(
    note = "renamed `Event`: the same type serves web hooks and RTM; this alias goes in the next release"
)]
pub type WebhookEvent = Event;

/// What tells one event from another, whichever way it arrived: the key of de-duplication.
///
/// * `message:send`, `message:received` and `message:removed` are known by their name, website,
///   conversation and message `fingerprint` (Crisp's id of a message), when the data has one.
/// * Every other event (and a message event without a fingerprint) is known by its name and
///   a 64-bit hash of its data (object keys sorted, so the key order as sent does not matter).
///
/// An RTM push and a web hook delivery of one event, and every retried delivery of a hook,
/// have the same identity. The flip side: two events of one name with equal data (a
/// conversation set to `resolved` twice, with no timestamp in the data) have the same identity
/// too, so keep de-duplication windows short (see the `chatdesk-crisp-api` de-dup helper).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventIdentity {
    name: String,
    key: IdentityKey,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum IdentityKey {
    Message {
        website_id: Option<String>,
        session_id: Option<String>,
        fingerprint: i64,
    },
    Data(u64),
}

impl EventIdentity {
    /// The event name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The message fingerprint, for the message events known by it.
    pub fn fingerprint(&self) -> Option<i64> {
        match self.key {
            IdentityKey::Message { fingerprint, .. } => Some(fingerprint),
            IdentityKey::Data(_) => None,
        }
    }
}

impl Event {
    /// This event's identity (see [`EventIdentity`]): equal for an RTM push and a web hook
    /// delivery of the same event, and for every retry of one delivery.
    pub fn identity(&self) -> EventIdentity {
        let message =
            |website_id: &Option<String>, session_id: &Option<String>, fp: Option<i64>| {
                fp.map(|fingerprint| IdentityKey::Message {
                    website_id: website_id.clone(),
                    session_id: session_id.clone(),
                    fingerprint,
                })
            };
        let key = match self {
            Event::MessageSend(m) | Event::MessageReceived(m) => {
                message(&m.website_id, &m.session_id, m.fingerprint)
            }
            Event::MessageRemoved(m) => message(&m.website_id, &m.session_id, m.fingerprint),
            _ => None,
        };
        let key = key.unwrap_or_else(|| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            match self.data_value() {
                Ok(data) => hash_json(&data, &mut hasher),
                // Serialising a typed payload cannot fail (no map has non-string keys); should
                // it ever, its debug form still tells different events apart.
                Err(_) => std::hash::Hash::hash(&format!("{self:?}"), &mut hasher),
            }
            IdentityKey::Data(std::hash::Hasher::finish(&hasher))
        });
        EventIdentity {
            name: self.name().to_owned(),
            key,
        }
    }
}

/// Feeds a JSON value to `hasher` with object keys in sorted order and a tag per JSON type, so
/// equal values hash equally however their objects were ordered.
fn hash_json(value: &Value, hasher: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    match value {
        Value::Null => 0u8.hash(hasher),
        Value::Bool(b) => (1u8, b).hash(hasher),
        Value::Number(n) => (2u8, n.to_string()).hash(hasher),
        Value::String(s) => (3u8, s).hash(hasher),
        Value::Array(items) => {
            (4u8, items.len()).hash(hasher);
            for item in items {
                hash_json(item, hasher);
            }
        }
        Value::Object(map) => {
            (5u8, map.len()).hash(hasher);
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            for (key, item) in entries {
                key.hash(hasher);
                hash_json(item, hasher);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Body
// ---------------------------------------------------------------------------------------------

wire_struct! {
    /// A web hook body with `data` left as raw JSON: `{website_id, event, data, timestamp}`.
    ///
    /// Decodes from any JSON object with a string `event`, so a receiver can always log or store
    /// what it got, even when [`WebhookPayload`] refuses it.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct RawWebhook {
        /// Website the event is about.
        pub website_id: Option<String>,
        /// Event name.
        pub event: String,
        /// Event payload.
        #[serde(default)]
        pub data: Value,
        /// When the hook was emitted (ms).
        pub timestamp: Option<i64>,
    }
}

impl RawWebhook {
    /// Types the payload by event name.
    pub fn typed(self) -> Result<WebhookPayload, WebhookError> {
        let event = Event::from_parts(&self.event, self.data).map_err(WebhookError::Payload)?;
        Ok(WebhookPayload {
            website_id: self.website_id,
            timestamp: self.timestamp,
            event,
        })
    }
}

/// A decoded web hook: envelope fields plus the typed event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WebhookPayload {
    /// Website the event is about.
    pub website_id: Option<String>,
    /// When the hook was emitted (ms).
    pub timestamp: Option<i64>,
    /// The event and its data.
    pub event: Event,
}

impl WebhookPayload {
    /// A hook carrying `event`.
    pub fn new(website_id: Option<String>, timestamp: Option<i64>, event: Event) -> Self {
        WebhookPayload {
            website_id,
            timestamp,
            event,
        }
    }

    /// The event name.
    pub fn name(&self) -> &str {
        self.event.name()
    }

    /// Back to the raw form.
    pub fn to_raw(&self) -> Result<RawWebhook, serde_json::Error> {
        Ok(RawWebhook {
            website_id: self.website_id.clone(),
            event: self.event.name().to_owned(),
            data: self.event.data_value()?,
            timestamp: self.timestamp,
        })
    }
}

impl Serialize for WebhookPayload {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_raw()
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for WebhookPayload {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawWebhook::deserialize(d)?;
        let event = Event::from_parts(&raw.event, raw.data).map_err(serde::de::Error::custom)?;
        Ok(WebhookPayload {
            website_id: raw.website_id,
            timestamp: raw.timestamp,
            event,
        })
    }
}

/// Decodes a web hook body into its raw form (see [`RawWebhook`]).
pub fn parse_webhook_raw(raw_body: &[u8]) -> Result<RawWebhook, WebhookError> {
    serde_json::from_slice(raw_body).map_err(WebhookError::Payload)
}

/// Decodes a web hook body and types its event. Verify the signature first.
pub fn parse_webhook(raw_body: &[u8]) -> Result<WebhookPayload, WebhookError> {
    parse_webhook_raw(raw_body)?.typed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn identity(name: &str, data: Value) -> EventIdentity {
        Event::from_parts(name, data).unwrap().identity()
    }

    #[test]
    fn a_decode_that_fails_hands_the_data_back_untouched() {
        let data = json!({"website_id": "w", "session_id": "s", "fingerprint": "not a number"});
        let (error, back) = Event::from_parts_keeping("message:send", data.clone()).unwrap_err();
        assert_eq!(back, data);
        assert!(error.to_string().contains("invalid type"), "{error}");
        let unknown = Event::from_parts_keeping("no:such:event", data.clone()).unwrap();
        assert_eq!(
            unknown,
            Event::Unknown {
                name: "no:such:event".into(),
                data
            }
        );
    }

    #[test]
    fn messages_are_known_by_fingerprint_and_the_rest_by_their_data() {
        let sent = |content: &str| {
            identity(
                "message:send",
                json!({"website_id": "w", "session_id": "s", "fingerprint": 9, "content": content}),
            )
        };
        // A message is its fingerprint: an edit of the content in between does not matter.
        assert_eq!(sent("a"), sent("b"));
        assert_eq!(sent("a").fingerprint(), Some(9));
        let received = identity(
            "message:received",
            json!({"website_id": "w", "session_id": "s", "fingerprint": 9}),
        );
        assert_ne!(sent("a"), received, "the name is part of the identity");
        let other_session = identity(
            "message:send",
            json!({"website_id": "w", "session_id": "t", "fingerprint": 9}),
        );
        assert_ne!(sent("a"), other_session);

        let state = |state: &str, order_flipped: bool| {
            let data = if order_flipped {
                json!({"state": state, "session_id": "s", "website_id": "w"})
            } else {
                json!({"website_id": "w", "session_id": "s", "state": state})
            };
            identity("session:set_state", data)
        };
        assert_eq!(state("resolved", false), state("resolved", true));
        assert_ne!(state("resolved", false), state("pending", false));
        assert_eq!(state("resolved", false).fingerprint(), None);
        let unknown = |x: i64| identity("brand:new", json!({"nested": {"b": [x], "a": null}}));
        assert_eq!(unknown(1), unknown(1));
        assert_ne!(unknown(1), unknown(2));
    }

    #[test]
    #[allow(deprecated)]
    fn the_old_name_still_names_the_type() {
        let event: WebhookEvent = Event::from_parts("session:removed", json!({})).unwrap();
        assert!(matches!(event, WebhookEvent::SessionRemoved(_)));
    }
}
