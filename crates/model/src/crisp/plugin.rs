//! Plugin tier: the plugin's own connect account and websites, and plugin subscriptions on
//! websites (settings, usage billing, provenance, channel and event forwarding).

use super::common::{DataMap, flag01, response_struct as object};
use serde::{Deserialize, Serialize};
use serde_json::Value;

string_enum! {
    /// How a website changed since a date, in the connect websites diff.
    pub enum ConnectDifference {
        /// The plugin was installed.
        Added => "added",
        /// The plugin was removed.
        Removed => "removed",
    }
}

object! {
    /// A plugin, by id (connect account, provenance payload).
    pub struct PluginRef {
        /// Plugin id.
        pub plugin_id: Option<String>,
    }

    /// A website that installed the plugin.
    pub struct ConnectWebsite {
        /// Website id.
        pub website_id: Option<String>,
        /// Price paid.
        pub price: Option<f64>,
        /// Plugin token for this website.
        pub token: Option<String>,
        /// Plugin settings on this website.
        pub settings: Option<DataMap>,
        /// Crisp plan of the website (with `include_plan`).
        pub plan: Option<ConnectWebsitePlan>,
        /// Change kind (since-list only).
        pub difference: Option<ConnectDifference>,
    }

    /// Crisp plan of a connected website.
    pub struct ConnectWebsitePlan {
        /// Plan id.
        pub id: Option<String>,
        /// Plan name.
        pub name: Option<String>,
        /// Whether it is a trial.
        pub trialing: Option<bool>,
    }

    /// A plugin subscribed to by a website (or available to it).
    pub struct PluginSubscription {
        /// Plugin id.
        pub id: Option<String>,
        /// Plugin URN.
        pub urn: Option<String>,
        /// Plugin kind.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Marketplace category.
        pub category: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Short description.
        pub summary: Option<String>,
        /// Base price.
        pub price: Option<f64>,
        /// Paid plans.
        pub plans: Option<Vec<PluginPlan>>,
        /// Icon URL.
        pub icon: Option<String>,
        /// Vendor website.
        pub website_url: Option<String>,
        /// Vendor contact page.
        pub contact_url: Option<String>,
        /// Terms of service.
        pub terms_url: Option<String>,
        /// Privacy policy.
        pub privacy_url: Option<String>,
        /// Help page.
        pub help_url: Option<String>,
        /// Demo video.
        pub video_url: Option<String>,
        /// Whether it has settings.
        pub configurable: Option<bool>,
        /// Subscribed since (date string).
        pub since: Option<String>,
        /// Whether the subscription is active.
        pub active: Option<bool>,
        /// Subscribing website.
        pub website_id: Option<String>,
        /// Card paying for it.
        pub card_id: Option<String>,
    }

    /// A paid plan of a plugin.
    pub struct PluginPlan {
        /// Plan id.
        pub id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Price.
        pub price: Option<f64>,
    }

    /// Settings of a plugin on a website.
    pub struct SubscriptionSettings {
        /// Plugin id.
        pub plugin_id: Option<String>,
        /// Website id.
        pub website_id: Option<String>,
        /// Plugin token for the website.
        pub token: Option<String>,
        /// JSON schema of the settings.
        pub schema: Option<Value>,
        /// Current settings.
        pub settings: Option<DataMap>,
        /// Settings page URL.
        pub settings_form_url: Option<String>,
        /// Callback URL.
        pub callback_url: Option<String>,
    }

    /// One usage line billed by a plugin.
    pub struct UsageBill {
        /// What is billed.
        pub name: Option<String>,
        /// Units used.
        pub units: Option<u64>,
        /// Price per unit.
        pub price: Option<f64>,
    }

    /// A signed statement of where a plugin call comes from.
    pub struct AttestProvenance {
        /// Who is attested.
        pub payload: Option<ProvenancePayload>,
        /// Signature.
        pub signed: Option<String>,
        /// Expiry, in milliseconds.
        pub expire_at: Option<i64>,
    }

    /// Parties in a provenance statement.
    pub struct ProvenancePayload {
        /// Website.
        pub website: Option<ProvenanceWebsite>,
        /// User.
        pub user: Option<ProvenanceUser>,
        /// Plugin.
        pub plugin: Option<PluginRef>,
    }

    /// Website in a provenance statement.
    pub struct ProvenanceWebsite {
        /// Website id.
        pub website_id: Option<String>,
    }

    /// User in a provenance statement.
    pub struct ProvenanceUser {
        /// User id.
        pub user_id: Option<String>,
        /// Role on the website.
        pub role: Option<String>,
    }
}

wire_struct! {
    /// Query of `GET /plugin/connect/websites/all/{page}`. Flags travel as `1`/`0`.
    #[derive(Default, Eq)]
    pub struct ConnectWebsitesQuery {
        /// Only websites that configured the plugin.
        #[serde(with = "flag01")]
        pub filter_configured: Option<bool>,
        /// Include each website's plan.
        #[serde(with = "flag01")]
        pub include_plan: Option<bool>,
    }
}

wire_struct! {
    /// Query of `GET /plugin/connect/websites/since` (not paginated).
    #[derive(Default, Eq)]
    pub struct ConnectWebsitesSinceQuery {
        /// Changes after this date, ISO-8601.
        pub date_since: String,
        /// Only websites that configured the plugin.
        #[serde(with = "flag01")]
        pub filter_configured: Option<bool>,
        /// Include each website's plan.
        #[serde(with = "flag01")]
        pub include_plan: Option<bool>,
    }
}

impl ConnectWebsitesSinceQuery {
    /// Changes since `date_since`.
    pub fn new(date_since: impl Into<String>) -> Self {
        Self {
            date_since: date_since.into(),
            ..Self::default()
        }
    }
}

/// Body of `POST /plugins/subscription/{website_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginSubscribe {
    /// Plugin to install.
    pub plugin_id: String,
}

impl PluginSubscribe {
    /// Installs `plugin_id`.
    pub fn new(plugin_id: impl Into<String>) -> Self {
        Self {
            plugin_id: plugin_id.into(),
        }
    }
}

/// Body of `POST …/bill/usage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UsageReport {
    /// What is billed.
    pub name: String,
    /// Units used.
    pub units: u64,
    /// Price per unit.
    pub price: f64,
}

impl UsageReport {
    /// Reports `units` of `name` at `price`.
    pub fn new(name: impl Into<String>, units: u64, price: f64) -> Self {
        Self {
            name: name.into(),
            units,
            price,
        }
    }
}

/// Body of `POST …/channel`: forwards a payload to the plugin's channel (RTM `plugin:channel`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChannelForward {
    /// Channel namespace.
    pub namespace: String,
    /// Channel identifier.
    pub identifier: String,
    /// Payload.
    pub payload: Value,
}

impl ChannelForward {
    /// Forwards `payload`.
    pub fn new(
        namespace: impl Into<String>,
        identifier: impl Into<String>,
        payload: Value,
    ) -> Self {
        Self {
            namespace: namespace.into(),
            identifier: identifier.into(),
            payload,
        }
    }
}

/// Body of `POST …/event`: dispatches a plugin event (RTM `plugin:event`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PluginEvent {
    /// Event name.
    pub name: String,
    /// Event data.
    pub data: Value,
}

impl PluginEvent {
    /// Event `name` carrying `data`.
    pub fn new(name: impl Into<String>, data: Value) -> Self {
        Self {
            name: name.into(),
            data,
        }
    }
}
