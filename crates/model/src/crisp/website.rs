//! Website-level resources: the website itself, settings, availability, identity verification,
//! RTM endpoints, analytics, operators, inboxes, teams, visitors and batch operations.
//!
//! This module also holds the shapes the other part-2 modules share ([`Filter`], [`UserRef`],
//! [`VerifyCredentials`], [`Availability`]).

use super::common::{DataMap, Geolocation, SearchFilter, response_struct as object};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

object! {
    /// A filter clause of campaign targeting and flows; its operand may be a list or an object.
    pub struct Filter {
        /// What is filtered (`people`, `session`, …).
        pub model: Option<String>,
        /// The field tested.
        pub criterion: Option<String>,
        /// The comparison (`eq`, `neq`, `has`, …).
        pub operator: Option<String>,
        /// The operand; its shape depends on the criterion (a list of strings or an object).
        pub query: Option<Value>,
    }

    /// A reference to an operator by user id (campaign sender, author, assignee…).
    pub struct UserRef {
        /// The user (operator) id.
        pub user_id: Option<String>,
    }
}

/// Credentials confirming a destructive action (website or helpdesk deletion).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyCredentials {
    /// How the secret is checked, usually `password`.
    pub method: String,
    /// The secret itself (the account password for `password`).
    pub secret: String,
}

impl VerifyCredentials {
    /// Credentials of the given method.
    pub fn new(method: impl Into<String>, secret: impl Into<String>) -> Self {
        Self {
            method: method.into(),
            secret: secret.into(),
        }
    }

    /// Password credentials, the usual method.
    pub fn password(secret: impl Into<String>) -> Self {
        Self::new("password", secret)
    }
}

/// Body of a verified deletion (`DELETE` website or helpdesk): `{verify: {method, secret}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedDeletion {
    /// Proof that the caller may delete.
    pub verify: VerifyCredentials,
}

impl VerifiedDeletion {
    /// A deletion confirmed by these credentials.
    pub fn new(verify: VerifyCredentials) -> Self {
        Self { verify }
    }
}

string_enum! {
    /// Availability of a website or an operator.
    pub enum Availability {
        /// Reachable now.
        Online => "online",
        /// Connected but away.
        Away => "away",
        /// Not reachable.
        Offline => "offline",
    }
}

string_enum! {
    /// Role of an operator on a website.
    pub enum OperatorRole {
        /// Full control, billing included.
        Owner => "owner",
        /// Regular operator.
        Member => "member",
    }
}

string_enum! {
    /// Comparison used by an inbox routing condition.
    pub enum ConditionOperator {
        /// Equal.
        Eq => "eq",
        /// Not equal.
        Neq => "neq",
        /// Greater than or equal.
        Gte => "gte",
        /// Less than or equal.
        Lte => "lte",
        /// Greater than.
        Gt => "gt",
        /// Less than.
        Lt => "lt",
    }
}

// ---------------------------------------------------------------------------------------------
// Base
// ---------------------------------------------------------------------------------------------

object! {
    /// A website (workspace).
    pub struct Website {
        /// Website id.
        pub website_id: Option<String>,
        /// Display name.
        pub name: Option<String>,
        /// Main domain.
        pub domain: Option<String>,
        /// Logo URL.
        pub logo: Option<String>,
        /// Whether the domain ownership was verified.
        pub verified: Option<bool>,
        /// Whether this is an institutional (non-commercial) workspace.
        pub institutional: Option<bool>,
    }
}

/// Query of `HEAD /website`: does a website with this domain exist?
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteExistsQuery {
    /// Domain to look up.
    pub domain: String,
}

impl WebsiteExistsQuery {
    /// Looks up `domain`.
    pub fn new(domain: impl Into<String>) -> Self {
        Self {
            domain: domain.into(),
        }
    }
}

/// Body of `POST /website` (user tier).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebsiteCreate {
    /// Display name.
    pub name: String,
    /// Main domain.
    pub domain: String,
}

impl WebsiteCreate {
    /// A website called `name` on `domain`.
    pub fn new(name: impl Into<String>, domain: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            domain: domain.into(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

object! {
    /// Website settings (`GET …/settings`).
    pub struct WebsiteSettings {
        /// Website id (the Node types call it `websiteID`; the wire uses snake_case).
        pub website_id: Option<String>,
        /// Display name.
        pub name: Option<String>,
        /// Main domain.
        pub domain: Option<String>,
        /// Other domains the chatbox runs on.
        pub domain_alternates: Option<Vec<String>>,
        /// Logo URL.
        pub logo: Option<String>,
        /// Audit log settings.
        pub audit: Option<SettingsAudit>,
        /// Public contact channels.
        pub contact: Option<SettingsContact>,
        /// Inbox behaviour.
        pub inbox: Option<SettingsInbox>,
        /// E-mail behaviour.
        pub emails: Option<SettingsEmails>,
        /// Chatbox look and behaviour.
        pub chatbox: Option<SettingsChatbox>,
    }

    /// Audit log settings.
    pub struct SettingsAudit {
        /// Whether operator actions are logged.
        pub log: Option<bool>,
    }

    /// Contact channels shown to visitors.
    pub struct SettingsContact {
        /// Contact e-mail.
        pub email: Option<String>,
        /// Contact phone.
        pub phone: Option<String>,
        /// Messenger handle.
        pub messenger: Option<String>,
        /// Telegram handle.
        pub telegram: Option<String>,
        /// Twitter handle.
        pub twitter: Option<String>,
        /// WhatsApp number.
        pub whatsapp: Option<String>,
        /// Instagram handle.
        pub instagram: Option<String>,
    }

    /// Inbox behaviour.
    pub struct SettingsInbox {
        /// Prevent operators from removing conversations.
        pub lock_removal: Option<bool>,
        /// Require operators to use a token.
        pub force_operator_token: Option<bool>,
        /// Inbox locale.
        pub locale: Option<String>,
    }

    /// E-mail behaviour.
    pub struct SettingsEmails {
        /// Ask for a rating by e-mail.
        pub rating: Option<bool>,
        /// Send transcripts.
        pub transcript: Option<bool>,
        /// Add open trackers.
        pub trackers: Option<bool>,
        /// Filter junk e-mail.
        pub junk_filter: Option<bool>,
    }

    /// Chatbox look and behaviour.
    pub struct SettingsChatbox {
        /// Chat button tile style.
        pub tile: Option<String>,
        /// Show past conversations.
        pub conversations: Option<bool>,
        /// Offer a game while waiting.
        pub wait_game: Option<bool>,
        /// Show the website logo.
        pub website_logo: Option<bool>,
        /// Show the last operator's face.
        pub last_operator_face: Option<bool>,
        /// Show the ongoing operator's face.
        pub ongoing_operator_face: Option<bool>,
        /// Show response-time metrics.
        pub activity_metrics: Option<bool>,
        /// Hide operator details from visitors.
        pub operator_privacy: Option<bool>,
        /// Hide visitor details (IP, location) from operators.
        pub visitor_privacy: Option<bool>,
        /// Show the availability tooltip.
        pub availability_tooltip: Option<bool>,
        /// Hide the chatbox during vacation.
        pub hide_vacation: Option<bool>,
        /// Hide the chatbox when everyone is away.
        pub hide_on_away: Option<bool>,
        /// Hide the chatbox on mobile.
        pub hide_on_mobile: Option<bool>,
        /// Put the chatbox on the other side.
        pub position_reverse: Option<bool>,
        /// Ask visitors for their e-mail.
        pub email_visitors: Option<bool>,
        /// Ask visitors for their phone.
        pub phone_visitors: Option<bool>,
        /// Require identification before chatting.
        pub force_identify: Option<bool>,
        /// Skip the privacy consent.
        pub ignore_privacy: Option<bool>,
        /// Let visitors compose before an operator answers.
        pub visitor_compose: Option<bool>,
        /// Allow file transfers.
        pub file_transfer: Option<bool>,
        /// Allow audio recordings.
        pub audio_record: Option<bool>,
        /// Spam guard level.
        pub guard_level: Option<String>,
        /// Initial chatbox mode.
        pub mode_initial: Option<String>,
        /// Show the home screen.
        pub home: Option<bool>,
        /// Show search in the overlay.
        pub overlay_search: Option<bool>,
        /// Open as an overlay.
        pub overlay_mode: Option<bool>,
        /// Link to the helpdesk.
        pub helpdesk_link: Option<bool>,
        /// Only show the helpdesk.
        pub helpdesk_only: Option<bool>,
        /// How helpdesk links open.
        pub helpdesk_navigate: Option<String>,
        /// Warn when the status page reports an outage.
        pub status_health_dead: Option<bool>,
        /// Only load on allowed domains.
        pub check_domain: Option<bool>,
        /// Colour theme.
        pub color_theme: Option<String>,
        /// Colour mode.
        pub color_mode: Option<String>,
        /// Layout theme.
        pub layout_theme: Option<String>,
        /// Text theme.
        pub text_theme: Option<String>,
        /// Welcome message.
        pub welcome_message: Option<String>,
        /// Chatbox locale.
        pub locale: Option<String>,
        /// Pages where the chatbox shows.
        pub allowed_pages: Option<Vec<String>>,
        /// Pages where the chatbox is hidden.
        pub blocked_pages: Option<Vec<String>>,
        /// Countries where the chatbox is hidden.
        pub blocked_countries: Option<Vec<String>>,
        /// Locales for which the chatbox is hidden.
        pub blocked_locales: Option<Vec<String>>,
        /// IPs for which the chatbox is hidden.
        pub blocked_ips: Option<Vec<String>>,
    }
}

wire_struct! {
    /// Body of `PATCH …/settings`: only the fields set are changed.
    ///
    /// Node also puts a `websiteID` key in this body; it is redundant with the path and not sent
    /// here.
    #[derive(Default)]
    pub struct WebsiteSettingsUpdate {
        /// Display name.
        pub name: Option<String>,
        /// Main domain.
        pub domain: Option<String>,
        /// Other domains.
        pub domain_alternates: Option<Vec<String>>,
        /// Logo URL.
        pub logo: Option<String>,
        /// Audit log settings.
        pub audit: Option<SettingsAudit>,
        /// Contact channels.
        pub contact: Option<SettingsContact>,
        /// Inbox behaviour.
        pub inbox: Option<SettingsInbox>,
        /// E-mail behaviour.
        pub emails: Option<SettingsEmails>,
        /// Chatbox settings.
        pub chatbox: Option<SettingsChatbox>,
    }
}

// ---------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------

object! {
    /// Availability of the whole website, or of the current user.
    pub struct AvailabilityStatus {
        /// Current status.
        pub status: Option<Availability>,
        /// Since when, in milliseconds.
        pub since: Option<i64>,
    }

    /// Availability of one operator (or of the current user).
    pub struct OperatorAvailability {
        /// Operator id.
        pub user_id: Option<String>,
        /// Advertised availability.
        #[serde(rename = "type")]
        pub kind: Option<Availability>,
        /// When it was set and how long it holds.
        pub time: Option<AvailabilityTime>,
    }

    /// Timing of an advertised availability.
    pub struct AvailabilityTime {
        /// How long the availability holds (`for` on the wire).
        #[serde(rename = "for")]
        pub duration: Option<i64>,
        /// Since when, in milliseconds.
        pub since: Option<i64>,
    }
}

// ---------------------------------------------------------------------------------------------
// Verify
// ---------------------------------------------------------------------------------------------

object! {
    /// Identity verification (HMAC-signed user e-mails) settings.
    pub struct VerifySettings {
        /// Whether verification is on.
        pub enabled: Option<bool>,
    }

    /// The identity verification secret.
    pub struct VerifyKey {
        /// HMAC secret.
        pub secret: Option<String>,
    }
}

/// Body of `PATCH …/verify/settings`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifySettingsUpdate {
    /// Turn verification on or off.
    pub enabled: bool,
}

impl VerifySettingsUpdate {
    /// Sets verification to `enabled`.
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }
}

// ---------------------------------------------------------------------------------------------
// Connect (RTM endpoint discovery), shared by the website and plugin tiers
// ---------------------------------------------------------------------------------------------

object! {
    /// Where to open the RTM socket.
    pub struct ConnectEndpoints {
        /// The main socket.
        pub socket: Option<ConnectSocket>,
        /// A fallback socket.
        pub rescue: Option<ConnectRescue>,
    }

    /// A socket location.
    pub struct ConnectSocket {
        /// URL of the socket.io application.
        pub app: Option<String>,
        /// URL of the stream endpoint (website tier).
        pub stream: Option<String>,
    }

    /// The fallback socket.
    pub struct ConnectRescue {
        /// Socket location.
        pub socket: Option<ConnectSocket>,
    }
}

// ---------------------------------------------------------------------------------------------
// Analytics
// ---------------------------------------------------------------------------------------------

wire_struct! {
    /// Body of `POST …/analytics/generate`.
    #[derive(Default)]
    pub struct AnalyticsQuery {
        /// Metric to compute (e.g. `conversation`).
        pub metric: String,
        /// Kind of value (e.g. `total`).
        #[serde(rename = "type")]
        pub kind: String,
        /// How values are aggregated.
        pub aggregator: Option<String>,
        /// Dimension to split by.
        pub split_by: Option<String>,
        /// Filter; its shape depends on the metric.
        pub filter: Option<Value>,
        /// Period and bucketing.
        pub date: AnalyticsDate,
        /// Condition on another metric.
        #[serde(rename = "if")]
        pub condition: Option<AnalyticsIf>,
        /// What to compute when the condition holds.
        #[serde(rename = "then")]
        pub then: Option<AnalyticsThen>,
        /// Ask for a raw export instead of points.
        pub raw_export: Option<bool>,
    }
}

impl AnalyticsQuery {
    /// Computes `metric` of `kind` over `date`.
    pub fn new(metric: impl Into<String>, kind: impl Into<String>, date: AnalyticsDate) -> Self {
        Self {
            metric: metric.into(),
            kind: kind.into(),
            date,
            ..Self::default()
        }
    }
}

wire_struct! {
    /// Period of an analytics query.
    #[derive(Default)]
    pub struct AnalyticsDate {
        /// Start, ISO-8601.
        pub from: String,
        /// End, ISO-8601.
        pub to: String,
        /// Bucket size (`hour`, `day`, …).
        pub split: String,
        /// IANA time zone.
        pub timezone: String,
        /// Opening hours per weekday (`monday` … `sunday`) to restrict to.
        pub days: Option<BTreeMap<String, AnalyticsHours>>,
    }
}

impl AnalyticsDate {
    /// From `from` to `to`, bucketed by `split`, in `timezone`.
    pub fn new(
        from: impl Into<String>,
        to: impl Into<String>,
        split: impl Into<String>,
        timezone: impl Into<String>,
    ) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            split: split.into(),
            timezone: timezone.into(),
            days: None,
        }
    }
}

/// Hours of one weekday.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsHours {
    /// Start hour, `HH:MM`.
    pub hour_from: String,
    /// End hour, `HH:MM`.
    pub hour_to: String,
}

/// Condition of an analytics query (`if`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsIf {
    /// Metric tested.
    pub metric: String,
    /// Dimension tested.
    pub split_by: String,
}

wire_struct! {
    /// Consequence of an analytics condition (`then`).
    #[derive(Default)]
    pub struct AnalyticsThen {
        /// Kind of value.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Filter.
        pub filter: Option<Value>,
    }
}

object! {
    /// One point of generated analytics.
    pub struct AnalyticsPoint {
        /// Bucket label.
        pub period: Option<String>,
        /// Value in the bucket.
        pub value: Option<f64>,
        /// Split value this point belongs to.
        pub split_by: Option<String>,
        /// Hits in the bucket.
        pub hits: Option<u64>,
        /// Unique hits in the bucket.
        pub unique_hits: Option<u64>,
        /// Sum of values.
        pub sum_value: Option<f64>,
        /// Sum of hits.
        pub sum_hits: Option<u64>,
    }
}

// ---------------------------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------------------------

object! {
    /// An operator of the website.
    pub struct Operator {
        /// User id.
        pub user_id: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// First name.
        pub first_name: Option<String>,
        /// Last name.
        pub last_name: Option<String>,
        /// Role on this website.
        pub role: Option<OperatorRole>,
        /// Job title.
        pub title: Option<String>,
        /// Current availability.
        pub availability: Option<Availability>,
        /// Whether the operator has an API token.
        pub has_token: Option<bool>,
        /// Token identifier, when readable.
        pub identifier: Option<String>,
        /// Token key, when readable.
        pub key: Option<String>,
    }

    /// An entry of the operators list.
    pub struct OperatorListItem {
        /// Entry kind (`operator`, or `invite` for a pending invitation).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// The operator.
        pub details: Option<Operator>,
    }

    /// An operator recently active.
    pub struct LastActiveOperator {
        /// User id.
        pub user_id: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Display name.
        pub nickname: Option<String>,
        /// Last activity, in milliseconds.
        pub timestamp: Option<i64>,
    }
}

wire_struct! {
    /// Body of `POST …/operators/email`.
    ///
    /// Node types the user as `userID`; the API field is `user_id`.
    #[derive(Default, Eq)]
    pub struct OperatorEmail {
        /// Who receives it (`owners`, `all`, or `user` with `user_id`).
        pub recipient: String,
        /// The one operator to write to.
        pub user_id: Option<String>,
        /// Subject line.
        pub subject: String,
        /// Message text.
        pub message: String,
        /// Call-to-action link.
        pub target: Option<EmailTarget>,
    }
}

impl OperatorEmail {
    /// An e-mail to `recipient`.
    pub fn new(
        recipient: impl Into<String>,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            recipient: recipient.into(),
            subject: subject.into(),
            message: message.into(),
            ..Self::default()
        }
    }
}

/// A link button in an operator e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailTarget {
    /// Button label.
    pub label: String,
    /// Link URL.
    pub url: String,
}

/// Body of `POST …/operator` (invite).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorInvite {
    /// E-mail of the invitee.
    pub email: String,
    /// Role to grant.
    pub role: OperatorRole,
    /// Confirmation: Node sends a boolean, Go sends credentials.
    pub verify: InviteVerify,
}

impl OperatorInvite {
    /// Invites `email` as `role`, with Node's boolean confirmation.
    pub fn new(email: impl Into<String>, role: OperatorRole, verify: bool) -> Self {
        Self {
            email: email.into(),
            role,
            verify: InviteVerify::Flag(verify),
        }
    }
}

/// The `verify` value of an invitation, in either form the clients send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum InviteVerify {
    /// Node form: a boolean.
    Flag(bool),
    /// Go form: `{method, secret}`.
    Credentials(VerifyCredentials),
}

wire_struct! {
    /// Body of `PATCH …/operator/{user_id}`.
    #[derive(Eq)]
    pub struct OperatorMembership {
        /// New role.
        pub role: OperatorRole,
        /// New job title.
        pub title: Option<String>,
    }
}

impl OperatorMembership {
    /// Sets the role, leaving the title alone.
    pub fn new(role: OperatorRole) -> Self {
        Self { role, title: None }
    }
}

// ---------------------------------------------------------------------------------------------
// Inboxes and teams
// ---------------------------------------------------------------------------------------------

object! {
    /// An inbox: a routed subset of conversations. Also the body of create and save.
    pub struct Inbox {
        /// Inbox id (ignored on create).
        pub inbox_id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Emoji shown next to the name.
        pub emoji: Option<String>,
        /// Position in the list.
        pub order: Option<i64>,
        /// Operators (user ids) with access.
        pub operators: Option<Vec<String>>,
        /// Teams (team ids) with access.
        pub teams: Option<Vec<String>>,
        /// Operators reached through teams.
        pub team_operators: Option<Vec<String>>,
        /// Routing conditions.
        pub conditions: Option<Vec<InboxCondition>>,
        /// How the conditions combine.
        pub operator: Option<String>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
    }

    /// A routing condition of an inbox.
    pub struct InboxCondition {
        /// What is tested (`session`).
        pub model: Option<String>,
        /// Field tested.
        pub criterion: Option<String>,
        /// Comparison.
        pub operator: Option<ConditionOperator>,
        /// Operands.
        pub query: Option<Vec<String>>,
    }

    /// Result of creating an inbox.
    pub struct InboxCreated {
        /// New inbox id.
        pub inbox_id: Option<String>,
    }

    /// A team of operators. Also the body of create and save.
    pub struct Team {
        /// Team id (ignored on create).
        pub team_id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Emoji.
        pub emoji: Option<String>,
        /// Members (user ids).
        pub operators: Option<Vec<String>>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
    }

    /// Result of creating a team.
    pub struct TeamCreated {
        /// New team id.
        pub team_id: Option<String>,
    }
}

/// Body of `PATCH …/inboxes/batch/order`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxOrders {
    /// New positions.
    pub orders: Vec<InboxOrder>,
}

/// New position of one inbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxOrder {
    /// Inbox id.
    pub inbox_id: String,
    /// Position.
    pub order: i64,
}

// ---------------------------------------------------------------------------------------------
// Visitors
// ---------------------------------------------------------------------------------------------

object! {
    /// Visitor counts.
    pub struct VisitorCount {
        /// Visitors online.
        pub count: Option<u64>,
        /// Visitors active.
        pub active: Option<u64>,
        /// Whether the count was capped.
        pub limited: Option<bool>,
    }

    /// A visitor browsing the website now (also the sessions of a map point).
    pub struct Visitor {
        /// Session id.
        pub session_id: Option<String>,
        /// Inbox of the session.
        pub inbox_id: Option<String>,
        /// Display name.
        pub nickname: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Browser user agent.
        pub useragent: Option<String>,
        /// Whether a conversation started.
        pub initiated: Option<bool>,
        /// Whether the visitor is active.
        pub active: Option<bool>,
        /// Page being viewed.
        pub last_page: Option<VisitorPage>,
        /// Location.
        pub geolocation: Option<Geolocation>,
        /// UTC offset, in minutes.
        pub timezone: Option<i64>,
        /// Browser capabilities.
        pub capabilities: Option<Vec<String>>,
        /// Browser locales.
        pub locales: Option<Vec<String>>,
    }

    /// A page a visitor views.
    pub struct VisitorPage {
        /// Page title.
        pub page_title: Option<String>,
        /// Page URL.
        pub page_url: Option<String>,
    }

    /// Visitors gathered around one place.
    pub struct MapPoint {
        /// Visitors there.
        pub visitors: Option<MapVisitors>,
        /// The place.
        pub geolocation: Option<Geolocation>,
    }

    /// Visitors at a map point.
    pub struct MapVisitors {
        /// How many.
        pub count: Option<u64>,
        /// Count above which sessions are not listed.
        pub threshold: Option<u64>,
        /// The sessions, when few enough.
        pub sessions: Option<Vec<Visitor>>,
    }

    /// The session a visitor token points to.
    pub struct TokenSession {
        /// Session id.
        pub session_id: Option<String>,
    }

    /// Blocked visitors for one rule.
    pub struct BlockedRule {
        /// Rule definition.
        pub rule: Option<Vec<String>>,
        /// How many visitors it blocked.
        pub blocked: Option<u64>,
    }
}

wire_struct! {
    /// Query of `GET …/visitors/map`: empty for the whole world, or a circle.
    #[derive(Default)]
    pub struct VisitorsMapQuery {
        /// Longitude of the centre.
        pub center_longitude: Option<f64>,
        /// Latitude of the centre.
        pub center_latitude: Option<f64>,
        /// Radius, in kilometres.
        pub center_radius: Option<u32>,
    }
}

impl VisitorsMapQuery {
    /// Visitors within `radius` km of a point.
    pub fn area(longitude: f64, latitude: f64, radius: u32) -> Self {
        Self {
            center_longitude: Some(longitude),
            center_latitude: Some(latitude),
            center_radius: Some(radius),
        }
    }
}

/// Blocked-visitor counts. Node and Go disagree on the shape (a number, one rule, or a list), so
/// every form is accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum BlockedVisitors {
    /// A bare count.
    Count(u64),
    /// Counts per rule.
    Rules(Vec<BlockedRule>),
    /// One rule.
    Rule(BlockedRule),
}

// ---------------------------------------------------------------------------------------------
// Batch operations
// ---------------------------------------------------------------------------------------------

wire_struct! {
    /// Body of batch resolve/unresolve/read/unread/remove on conversations: omit `sessions` to act
    /// on every conversation (of `inbox_id` if set).
    #[derive(Default, Eq)]
    pub struct BatchConversations {
        /// Restrict to one inbox.
        pub inbox_id: Option<String>,
        /// Session ids.
        pub sessions: Option<Vec<String>>,
    }
}

impl BatchConversations {
    /// Acts on these sessions.
    pub fn sessions<I: IntoIterator<Item = S>, S: Into<String>>(sessions: I) -> Self {
        Self {
            inbox_id: None,
            sessions: Some(sessions.into_iter().map(Into::into).collect()),
        }
    }
}

wire_struct! {
    /// Which people profiles a batch acts on.
    #[derive(Default)]
    pub struct PeopleSelection {
        /// Profile ids.
        pub profiles: Option<Vec<String>>,
        /// A search selecting profiles.
        pub search: Option<PeopleSearch>,
    }
}

/// A people search, in either form the clients send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PeopleSearch {
    /// Node form: search text.
    Text(String),
    /// Go form: filter clauses.
    Filter {
        /// Clauses.
        filter: Vec<SearchFilter>,
        /// How they combine (`and`, `or`).
        operator: String,
    },
}

/// Body of `PATCH …/batch/remove` for people.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchPeople {
    /// Selected profiles.
    pub people: PeopleSelection,
}

/// Body of `POST …/batch/report`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReport {
    /// Session ids.
    pub sessions: Vec<String>,
    /// Report reason (e.g. `spam`).
    pub flag: String,
}

/// Body of `PATCH …/batch/block`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchBlock {
    /// Session ids.
    pub sessions: Vec<String>,
    /// Block or unblock.
    pub blocked: bool,
}

/// Body of `PATCH …/batch/routing`; `assigned: null` unassigns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRouting {
    /// Session ids.
    pub sessions: Vec<String>,
    /// New assignee, or `None` (sent as `null`) to unassign.
    pub assigned: Option<Assignee>,
}

/// An operator to assign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignee {
    /// User id.
    pub user_id: String,
}

/// Body of `PATCH …/batch/inbox`; `inbox_id: null` moves back to the default inbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchInbox {
    /// Session ids.
    pub sessions: Vec<String>,
    /// Target inbox, or `None` (sent as `null`).
    pub inbox_id: Option<String>,
}

wire_struct! {
    /// Body of `PATCH …/batch/data`: set `sessions` for conversations or `people` for profiles.
    #[derive(Default)]
    pub struct BatchData {
        /// Session ids (conversation form).
        pub sessions: Option<Vec<String>>,
        /// Selected profiles (people form).
        pub people: Option<PeopleSelection>,
        /// Keys and values to store.
        pub data: DataMap,
    }
}

wire_struct! {
    /// Body of `PATCH …/batch/segments`: set `sessions` for conversations or `people` for profiles.
    #[derive(Default)]
    pub struct BatchSegments {
        /// Session ids (conversation form).
        pub sessions: Option<Vec<String>>,
        /// Selected profiles (people form).
        pub people: Option<PeopleSelection>,
        /// Segments to set.
        pub segments: Vec<String>,
    }
}
