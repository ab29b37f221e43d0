//! App-wide lists: `/apps/{app_id}/activeusers`, `/users` (leads), `/conversations`,
//! `/channels`. `{app_id}` may be `$self_app` ([`AppRef`](crate::carrot::AppRef)).

use crate::carrot::common::{Pagination, SortOrder};
use crate::carrot::filter::LeadsFilter;
use crate::carrot::user::User;
use crate::carrot::wire::opt_json_text;
use crate::id::FlexId;
use serde_json::Value;
use std::collections::BTreeMap;

params_struct! {
    /// Query of `GET /apps/{app_id}/activeusers` (users now online).
    #[derive(Default)]
    pub struct ActiveUsersParams {
        /// Paging; one client says this list is paginated, the docs do not confirm it.
        #[serde(flatten)]
        pub pagination: Pagination,
    }
}

params_struct! {
    /// Query of `GET /apps/{app_id}/users` (leads, offset paging; the docs warn that a lead may
    /// appear on two pages, docs/api/carrot-api.md §6). Optional User fields cannot be asked for
    /// on this list.
    #[derive(Default)]
    pub struct LeadsParams {
        /// Which leads (sent as JSON; server default: all of them). Build it from the typed
        /// conditions of [`LeadsCondition`](crate::carrot::LeadsCondition).
        #[serde(serialize_with = "opt_json_text")]
        pub filters: Option<LeadsFilter>,
        /// Property to sort by (server default `$last_seen`).
        pub sort_prop: Option<String>,
        /// Sort order (server default `desc`).
        pub sort_order: Option<SortOrder>,
        /// Leads to skip (server default 0).
        pub offset: Option<u64>,
        /// Page size, 1 to [`MAX_PAGE_SIZE`](crate::carrot::MAX_PAGE_SIZE) (server default 20).
        pub limit: Option<u32>,
        /// Convert property values to their types (server default true).
        pub convert_props_types: Option<bool>,
    }
}

wire_struct! {
    /// `data` of `GET /apps/{app_id}/users`.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct Leads {
        /// This page of leads.
        #[serde(default)]
        pub users: Vec<User>,
        /// Total number of matching leads (read by one client; not shown in the docs).
        pub total: Option<u64>,
    }
}

string_enum! {
    /// The bot handling a conversation.
    pub enum AssistantType {
        /// Dialogflow bot.
        Dialogflow => "dialogflow",
        /// Lead bot.
        LeadBot => "lead_bot",
        /// Routing bot.
        RoutingBot => "routing_bot",
        /// Facebook bot.
        FacebookBot => "facebook_bot",
        /// Telegram bot.
        TelegramBot => "telegram_bot",
        /// Widget bot.
        WidgetBot => "widget_bot",
    }
}

params_struct! {
    /// Query of `GET /apps/{app_id}/conversations` (newest `last_update` first).
    #[derive(Default)]
    pub struct AppConversationsParams {
        /// Only closed (true) or open (false) ones.
        pub closed: Option<bool>,
        /// Only answered or unanswered ones.
        pub answered: Option<bool>,
        /// Only delayed or not delayed ones.
        pub delayed: Option<bool>,
        /// Only those assigned to this admin (`FlexId(0)`: to nobody).
        pub assigned: Option<FlexId>,
        /// Also include unassigned ones.
        pub include_not_assigned: Option<bool>,
        /// Only those with these tags (sent as a JSON array).
        #[serde(serialize_with = "opt_json_text")]
        pub tags: Option<Vec<String>>,
        /// Also include untagged ones.
        pub include_no_tags: Option<bool>,
        /// Only those from this channel (`FlexId(0)`: none).
        pub channel: Option<FlexId>,
        /// Only those handled by this kind of bot.
        pub assistant_type: Option<AssistantType>,
        /// Paging (v2 by `[last_update, id]`, or v1 cursor).
        #[serde(flatten)]
        pub pagination: Pagination,
        /// Further query flags sent as given (optional Conversation fields).
        #[serde(flatten)]
        pub extra: BTreeMap<String, String>,
    }
}

params_struct! {
    /// Query of `GET /apps/{app_id}/channels`.
    #[derive(Default)]
    pub struct ChannelsParams {
    }
}
string_enum! {
    /// Where a channel's conversations come from.
    pub enum ChannelType {
        /// E-mail.
        Email => "email",
        /// Mobile SDK.
        Mobile => "mobile",
        /// Created by hand.
        Manual => "manual",
        /// VK.
        Vk => "vk",
        /// Facebook.
        Facebook => "facebook",
        /// Instagram.
        Instagram => "instagram",
        /// Telegram.
        Telegram => "telegram",
        /// Yandex Dialogs.
        YandexDialogs => "yandex_dialogs",
        /// Viber.
        Viber => "viber",
        /// WhatsApp.
        Whatsapp => "whatsapp",
    }
}

wire_struct! {
    /// A conversation channel of the app. The field list comes from client code, not the docs.
    #[non_exhaustive]
    pub struct Channel {
        /// Channel id.
        pub id: FlexId,
        /// Name.
        pub name: Option<String>,
        /// Avatar image URL.
        pub avatar: Option<String>,
        /// Kind of channel.
        #[serde(rename = "type")]
        pub channel_type: Option<ChannelType>,
        /// Operators of the channel; shape not documented.
        pub operators: Option<Value>,
        /// Priority; shape not documented.
        pub priority: Option<Value>,
    }
}

impl Channel {
    /// A channel with only its id, for tests and simulators.
    pub fn new(id: impl Into<FlexId>) -> Self {
        Channel {
            id: id.into(),
            name: None,
            avatar: None,
            channel_type: None,
            operators: None,
            priority: None,
        }
    }
}
