//! Contacts (`website_people` group): profiles, their statistics, suggestions, events, custom
//! data, e-mail subscription, campaigns, conversations, and bulk import/export.
//!
//! The `{people_id}` path position also accepts an e-mail address.

use super::common::{
    DataMap, Geolocation, JsonParam, SearchFilter, SearchOperator, response_struct,
};
use serde::{Deserialize, Serialize};

response_struct! {
    /// Answer to "get people statistics".
    pub struct PeopleStatistics {
        /// Number of profiles.
        pub total: Option<i64>,
    }

    /// An event text suggested from existing profiles, with its use count.
    pub struct SuggestedEvent {
        /// Event text.
        pub text: Option<String>,
        /// How many profiles carry it.
        pub count: Option<i64>,
    }
}

/// Body of `DELETE …/people/suggest/event`: forget a suggested event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedEventDelete {
    /// Event text to forget.
    pub text: String,
}

impl SuggestedEventDelete {
    /// Forgets `text`.
    pub fn new(text: impl Into<String>) -> Self {
        SuggestedEventDelete { text: text.into() }
    }
}

// ---------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------

string_enum! {
    /// Sort direction of a profile list.
    pub enum SortOrder {
        /// Smallest first.
        Ascending => "ascending",
        /// Largest first.
        Descending => "descending",
    }
}

wire_struct! {
    /// Query of `GET /website/{website_id}/people/profiles/{page_number}`.
    ///
    /// `search_filter` travels as one JSON-array parameter.
    #[derive(Default)]
    pub struct PeopleProfilesQuery {
        /// Page size; listed by the reference (via its Postman mirror), not sent by the Node
        /// client.
        pub per_page: Option<u32>,
        /// Field to sort on, e.g. `nickname`.
        pub sort_field: Option<String>,
        /// Sort direction.
        pub sort_order: Option<SortOrder>,
        /// How filter clauses combine.
        pub search_operator: Option<SearchOperator>,
        /// Filter clauses.
        pub search_filter: Option<JsonParam<Vec<SearchFilter>>>,
        /// Full-text search.
        pub search_text: Option<String>,
        /// Created on or after this ISO-8601 date (reference only, not sent by Node).
        pub filter_date_start: Option<String>,
        /// Created on or before this ISO-8601 date (reference only, not sent by Node).
        pub filter_date_end: Option<String>,
    }
}

impl PeopleProfilesQuery {
    /// Profiles matching `filters` combined with `operator`.
    pub fn filtered(filters: Vec<SearchFilter>, operator: SearchOperator) -> Self {
        PeopleProfilesQuery {
            search_operator: Some(operator),
            search_filter: Some(JsonParam(filters)),
            ..PeopleProfilesQuery::default()
        }
    }
}

response_struct! {
    /// A contact profile.
    pub struct PeopleProfile {
        /// Profile id.
        pub people_id: Option<String>,
        /// E-mail address (unique per website).
        pub email: Option<String>,
        /// The person.
        pub person: Option<PeoplePerson>,
        /// The person's company.
        pub company: Option<PeopleCompany>,
        /// Segments (tags).
        pub segments: Option<Vec<String>>,
        /// Operator notes.
        pub notepad: Option<String>,
        /// Activity.
        pub active: Option<PeopleActive>,
        /// Engagement score.
        pub score: Option<i64>,
        /// Creation time (ms).
        pub created_at: Option<i64>,
        /// Last update time (ms).
        pub updated_at: Option<i64>,
    }

    /// Details about the person of a profile.
    pub struct PeoplePerson {
        /// Name.
        pub nickname: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Gender, e.g. `male`.
        pub gender: Option<String>,
        /// Phone.
        pub phone: Option<String>,
        /// Postal address.
        pub address: Option<String>,
        /// Free-text description.
        pub description: Option<String>,
        /// Personal website.
        pub website: Option<String>,
        /// Time zone offset in minutes.
        pub timezone: Option<i64>,
        /// Social profiles.
        pub profiles: Option<Vec<SocialProfile>>,
        /// Job.
        pub employment: Option<Employment>,
        /// Location.
        pub geolocation: Option<Geolocation>,
        /// Preferred locales.
        pub locales: Option<Vec<String>>,
    }

    /// A social network profile.
    pub struct SocialProfile {
        /// Network, e.g. `twitter`.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Handle on that network.
        pub handle: Option<String>,
        /// Profile URL.
        pub url: Option<String>,
    }

    /// A person's job.
    pub struct Employment {
        /// Employer name.
        pub name: Option<String>,
        /// Employer domain.
        pub domain: Option<String>,
        /// Job title.
        pub title: Option<String>,
        /// Role.
        pub role: Option<String>,
        /// Seniority.
        pub seniority: Option<String>,
    }

    /// Details about a profile's company.
    pub struct PeopleCompany {
        /// Name.
        pub name: Option<String>,
        /// Legal name.
        pub legal_name: Option<String>,
        /// Domain.
        pub domain: Option<String>,
        /// Website URL.
        pub url: Option<String>,
        /// Free-text description.
        pub description: Option<String>,
        /// Time zone offset in minutes.
        pub timezone: Option<i64>,
        /// Phones.
        pub phones: Option<Vec<String>>,
        /// E-mails.
        pub emails: Option<Vec<String>>,
        /// Location.
        pub geolocation: Option<Geolocation>,
        /// Size and money figures.
        pub metrics: Option<CompanyMetrics>,
        /// Tags.
        pub tags: Option<Vec<String>>,
    }

    /// Size and money figures of a company, kept as the exact JSON numbers sent.
    pub struct CompanyMetrics {
        /// Head count.
        pub employees: Option<serde_json::Number>,
        /// Market capitalisation.
        pub market_cap: Option<serde_json::Number>,
        /// Funds raised.
        pub raised: Option<serde_json::Number>,
        /// Annual recurring revenue.
        pub arr: Option<serde_json::Number>,
    }

    /// Whether the person is active, and when it last was.
    pub struct PeopleActive {
        /// Active right now.
        pub now: Option<bool>,
        /// Last activity (ms).
        pub last: Option<i64>,
    }

    /// Answer to "add new people profile".
    pub struct PeopleProfileNew {
        /// The new profile's id.
        pub people_id: Option<String>,
    }
}

wire_struct! {
    /// Body of the profile add (POST), save (PUT, replaces) and update (PATCH, merges) routes.
    #[derive(Default)]
    pub struct PeopleProfileUpdate {
        /// E-mail address (required when adding).
        pub email: Option<String>,
        /// The person.
        pub person: Option<PeoplePerson>,
        /// The company.
        pub company: Option<PeopleCompany>,
        /// Segments (tags).
        pub segments: Option<Vec<String>>,
        /// Operator notes.
        pub notepad: Option<String>,
        /// Last activity time to record (ms); note the number here, unlike the object read back.
        pub active: Option<i64>,
    }
}

impl PeopleProfileUpdate {
    /// A profile for `email` with nothing else set.
    pub fn with_email(email: impl Into<String>) -> Self {
        PeopleProfileUpdate {
            email: Some(email.into()),
            ..PeopleProfileUpdate::default()
        }
    }
}

wire_struct! {
    /// Query of `GET …/people/conversations/{people_id}/list/{page_number}`; the Go client sends
    /// these filters, Node none.
    #[derive(Default, Eq)]
    pub struct PeopleConversationsQuery {
        /// Only unread conversations.
        #[serde(with = "super::common::flag01")]
        pub filter_unread: Option<bool>,
        /// Only resolved conversations.
        #[serde(with = "super::common::flag01")]
        pub filter_resolved: Option<bool>,
        /// Only conversations not resolved.
        #[serde(with = "super::common::flag01")]
        pub filter_not_resolved: Option<bool>,
    }
}

// ---------------------------------------------------------------------------------------------
// Campaigns, events, data, subscription
// ---------------------------------------------------------------------------------------------

response_struct! {
    /// A campaign a profile received.
    pub struct PeopleCampaign {
        /// Campaign id.
        pub campaign_id: Option<String>,
        /// Campaign type (`one-shot` / `automated`).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Campaign name.
        pub name: Option<String>,
        /// Creation time (ms).
        pub created_at: Option<i64>,
        /// Last update time (ms).
        pub updated_at: Option<i64>,
        /// Dispatch time (ms).
        pub dispatched_at: Option<i64>,
        /// When the profile got it (ms).
        pub occurred_at: Option<i64>,
        /// What happened with it (e.g. `opened`, `clicked`).
        pub statistics: Option<Vec<String>>,
    }

    /// An event recorded on a profile.
    pub struct PeopleEvent {
        /// Event text.
        pub text: Option<String>,
        /// Event data.
        pub data: Option<DataMap>,
        /// Color label.
        pub color: Option<String>,
        /// When it happened (ms).
        pub timestamp: Option<i64>,
    }

    /// Custom data of a profile.
    pub struct PeopleData {
        /// The data (string, number or boolean values).
        pub data: Option<DataMap>,
    }

    /// E-mail subscription status of a profile.
    pub struct PeopleSubscription {
        /// Whether the profile receives campaign e-mails.
        pub email: Option<bool>,
    }

    /// Answer to "import people profiles".
    pub struct PeopleImportStarted {
        /// Import job id (progress arrives as `people:import:*` events).
        pub import_id: Option<String>,
    }
}

wire_struct! {
    /// Body of `POST …/people/events/{people_id}`: record an event on a profile.
    #[derive(Default)]
    pub struct PeopleEventNew {
        /// Event text.
        pub text: String,
        /// Event data.
        pub data: Option<DataMap>,
        /// Color label, e.g. `blue`.
        pub color: Option<String>,
        /// When it happened (ms); now when absent.
        pub timestamp: Option<i64>,
    }
}

impl PeopleEventNew {
    /// An event saying `text`.
    pub fn new(text: impl Into<String>) -> Self {
        PeopleEventNew {
            text: text.into(),
            ..PeopleEventNew::default()
        }
    }
}

/// Body of `PUT` (replace) and `PATCH` (merge) `…/people/data/{people_id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PeopleDataUpdate {
    /// The data (string, number or boolean values).
    pub data: DataMap,
}

impl PeopleDataUpdate {
    /// Sends `data`.
    pub fn new(data: DataMap) -> Self {
        PeopleDataUpdate { data }
    }
}

/// Body of `PATCH …/people/subscription/{people_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleSubscriptionUpdate {
    /// Whether the profile receives campaign e-mails.
    pub email: bool,
}

impl PeopleSubscriptionUpdate {
    /// Subscribes (`true`) or unsubscribes.
    pub fn new(email: bool) -> Self {
        PeopleSubscriptionUpdate { email }
    }
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

wire_struct! {
    /// Body of `POST …/people/import/profiles`: import profiles from a CSV file.
    #[derive(Default)]
    pub struct PeopleImport {
        /// URL of the CSV file.
        pub url: String,
        /// Which column feeds which profile field.
        pub mapping: Vec<ImportMapping>,
        /// Parsing options.
        pub options: Option<ImportOptions>,
    }
}

impl PeopleImport {
    /// Imports `url` with `mapping`.
    pub fn new(url: impl Into<String>, mapping: Vec<ImportMapping>) -> Self {
        PeopleImport {
            url: url.into(),
            mapping,
            options: None,
        }
    }
}

/// One column-to-field mapping of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportMapping {
    /// Column number (as counted by Crisp; the Node example starts at 1).
    pub column: u32,
    /// Profile field path, e.g. `email` or `person.nickname`.
    pub field: String,
}

impl ImportMapping {
    /// Maps `column` to `field`.
    pub fn new(column: u32, field: impl Into<String>) -> Self {
        ImportMapping {
            column,
            field: field.into(),
        }
    }
}

wire_struct! {
    /// CSV parsing options of an import.
    #[derive(Default, Eq)]
    pub struct ImportOptions {
        /// Column separator, e.g. `,` or `;`.
        pub column_separator: Option<String>,
        /// Whether the first line holds headers.
        pub skip_header: Option<bool>,
    }
}
