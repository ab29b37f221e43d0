//! Campaigns (one-shot and automated messages to people) and their templates.

use super::common::{DataMap, Geolocation, flag01, response_struct as object};
use super::website::{Filter, UserRef};
use serde::{Deserialize, Serialize};

string_enum! {
    /// How a campaign is sent.
    pub enum CampaignType {
        /// Sent once, on dispatch.
        OneShot => "one-shot",
        /// Sent when people match the flow.
        Automated => "automated",
    }
}

string_enum! {
    /// Markup of a campaign or template body.
    pub enum CampaignFormat {
        /// Markdown text.
        Markdown => "markdown",
        /// HTML.
        Html => "html",
    }
}

object! {
    /// A campaign. Lists return the excerpt fields only; the item adds sender, recipients, flow,
    /// message, options and statistics. Also the body of save (PUT) and update (PATCH).
    pub struct Campaign {
        /// Campaign id.
        pub campaign_id: Option<String>,
        /// One-shot or automated.
        #[serde(rename = "type")]
        pub kind: Option<CampaignType>,
        /// Body markup.
        pub format: Option<CampaignFormat>,
        /// Internal name.
        pub name: Option<String>,
        /// E-mail subject.
        pub subject: Option<String>,
        /// Tag.
        pub tag: Option<String>,
        /// Whether it is ready to send.
        pub ready: Option<bool>,
        /// Whether it was dispatched.
        pub dispatched: Option<bool>,
        /// Whether it is sending now.
        pub running: Option<bool>,
        /// Sending progress, in percent.
        pub progress: Option<f64>,
        /// People targeted.
        pub targets: Option<u64>,
        /// People reached.
        pub reached: Option<u64>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
        /// Dispatch time, in milliseconds.
        pub dispatched_at: Option<i64>,
        /// Operator it is sent as.
        pub sender: Option<UserRef>,
        /// Who receives it.
        pub recipients: Option<CampaignRecipients>,
        /// When automated campaigns fire.
        pub flow: Option<CampaignFlow>,
        /// Message body.
        pub message: Option<String>,
        /// Delivery options.
        pub options: Option<CampaignOptions>,
        /// Open, click and unsubscribe counts.
        pub statistics: Option<CampaignStatistics>,
    }

    /// Who a campaign targets.
    pub struct CampaignRecipients {
        /// Targeting mode (e.g. `all`, `segment`, `people`, `filter`).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Segments targeted.
        pub segments: Option<Vec<String>>,
        /// People ids targeted.
        pub people: Option<Vec<String>>,
        /// Filter targeted.
        pub filter: Option<Vec<Filter>>,
    }

    /// Trigger of an automated campaign.
    pub struct CampaignFlow {
        /// Event that launches it.
        pub launch_event: Option<String>,
        /// Filter people must match.
        pub assert_filter: Option<Vec<Filter>>,
        /// Delay before checking the filter.
        pub assert_delay: Option<u64>,
        /// Send at most once per person.
        pub deliver_once: Option<bool>,
        /// Delay before sending.
        pub deliver_delay: Option<u64>,
    }

    /// Delivery options of a campaign.
    pub struct CampaignOptions {
        /// Show in the chatbox.
        pub deliver_to_chatbox: Option<bool>,
        /// Send by e-mail.
        pub deliver_to_email: Option<bool>,
        /// Use the website name as sender name.
        pub sender_name_website: Option<bool>,
        /// Let replies go to the sender's e-mail.
        pub sender_email_reply: Option<bool>,
        /// Track opens and clicks.
        pub tracking: Option<bool>,
    }

    /// Engagement counts of a campaign.
    pub struct CampaignStatistics {
        /// Opens.
        pub opened: Option<u64>,
        /// Clicks.
        pub clicked: Option<u64>,
        /// Unsubscriptions.
        pub unsubscribed: Option<u64>,
    }

    /// Result of creating a campaign.
    pub struct CampaignCreated {
        /// New campaign id.
        pub campaign_id: Option<String>,
    }

    /// A campaign template. Lists omit `content`. Also the body of save and update.
    pub struct CampaignTemplate {
        /// Template id.
        pub template_id: Option<String>,
        /// Template kind (e.g. `static`, `custom`).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Body markup.
        pub format: Option<CampaignFormat>,
        /// Body.
        pub content: Option<String>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
    }

    /// Result of creating a template.
    pub struct TemplateCreated {
        /// New template id.
        pub template_id: Option<String>,
    }

    /// A person a campaign targets (also the `profile` of a statistic).
    pub struct CampaignRecipient {
        /// Profile id.
        pub people_id: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// Name and avatar.
        pub person: Option<CampaignPerson>,
        /// Whether they still accept campaigns.
        pub subscribed: Option<bool>,
    }

    /// Public details of a recipient.
    pub struct CampaignPerson {
        /// Display name.
        pub nickname: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Location (statistics only).
        pub geolocation: Option<Geolocation>,
    }

    /// One recorded action (open, click, unsubscribe) on a campaign.
    pub struct CampaignStatistic {
        /// Action kind.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Who did it.
        pub profile: Option<CampaignRecipient>,
        /// Action details (e.g. the clicked URL).
        pub data: Option<DataMap>,
        /// First time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last time, in milliseconds.
        pub updated_at: Option<i64>,
    }
}

/// Body of `POST …/campaign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignNew {
    /// One-shot or automated.
    #[serde(rename = "type")]
    pub kind: CampaignType,
    /// Internal name.
    pub name: String,
}

impl CampaignNew {
    /// A new campaign.
    pub fn new(kind: CampaignType, name: impl Into<String>) -> Self {
        Self {
            kind,
            name: name.into(),
        }
    }
}

/// Body of `POST …/campaigns/template`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateNew {
    /// Body markup.
    pub format: CampaignFormat,
    /// Name.
    pub name: String,
}

impl TemplateNew {
    /// A new template.
    pub fn new(format: CampaignFormat, name: impl Into<String>) -> Self {
        Self {
            format,
            name: name.into(),
        }
    }
}

wire_struct! {
    /// Filters of `GET …/campaigns/list/{page}` (supported by the API and the Go client; Node sends
    /// none). Flags travel as `1`/`0`.
    #[derive(Default, Eq)]
    pub struct CampaignListQuery {
        /// Name contains.
        pub search_name: Option<String>,
        /// Has this tag.
        pub filter_tag: Option<String>,
        /// One-shot campaigns only.
        #[serde(with = "flag01")]
        pub filter_type_one_shot: Option<bool>,
        /// Automated campaigns only.
        #[serde(with = "flag01")]
        pub filter_type_automated: Option<bool>,
        /// Not configured yet.
        #[serde(with = "flag01")]
        pub filter_status_not_configured: Option<bool>,
        /// Ready to send.
        #[serde(with = "flag01")]
        pub filter_status_ready: Option<bool>,
        /// Paused.
        #[serde(with = "flag01")]
        pub filter_status_paused: Option<bool>,
        /// Sending now.
        #[serde(with = "flag01")]
        pub filter_status_sending: Option<bool>,
        /// Done.
        #[serde(with = "flag01")]
        pub filter_status_done: Option<bool>,
    }
}

wire_struct! {
    /// Filters of `GET …/campaigns/templates/{page}` (API and Go client; Node sends none).
    #[derive(Default, Eq)]
    pub struct TemplateListQuery {
        /// Name contains.
        pub search_name: Option<String>,
        /// Static templates only.
        #[serde(with = "flag01")]
        pub filter_type_static: Option<bool>,
        /// Custom templates only.
        #[serde(with = "flag01")]
        pub filter_type_custom: Option<bool>,
    }
}
