//! Events: tracking (`POST /users/{user}/events`) and listing (`GET /users/{user}/events`).

use crate::carrot::common::{Pagination, Timestamp};
use crate::carrot::wire::opt_json_text;
use crate::id::FlexId;
use serde_json::{Map, Number, Value};

wire_struct! {
    /// The kind of an event (its name and settings), embedded in each Event.
    #[derive(Default)]
    #[non_exhaustive]
    pub struct EventType {
        /// Event type id.
        pub id: Option<FlexId>,
        /// Event name; system events start with `$`.
        pub name: Option<String>,
        /// Lead score the event adds.
        pub score: Option<Number>,
        /// Whether the event shows in the admin panel.
        pub visible: Option<bool>,
        /// Whether the event type is active.
        pub active: Option<bool>,
    }
}

wire_struct! {
    /// An event that happened to a user. In v1, tracking answered with `{id}` only.
    #[non_exhaustive]
    pub struct Event {
        /// Event id.
        pub id: FlexId,
        /// When it happened.
        pub created: Option<Timestamp>,
        /// Its kind.
        #[serde(rename = "type")]
        pub event_type: Option<EventType>,
        /// The user's Carrot id.
        pub user: Option<FlexId>,
        /// Event properties (strings with `props_as_string=true`).
        pub props: Option<Map<String, Value>>,
    }
}

impl Event {
    /// An event with only its id, for tests and simulators.
    pub fn new(id: impl Into<FlexId>) -> Self {
        Event {
            id: id.into(),
            created: None,
            event_type: None,
            user: None,
            props: None,
        }
    }

    /// The event name, if the type is present.
    pub fn name(&self) -> Option<&str> {
        self.event_type.as_ref().and_then(|t| t.name.as_deref())
    }
}

params_struct! {
    /// Form of `POST /users/{user}/events`. An unknown User ID (with `by_user_id`) is created.
    #[derive(Default)]
    pub struct TrackEventParams {
        /// Event name, 1 to 255 characters; system events start with `$`.
        pub event: String,
        /// Event properties (sent as a JSON object).
        #[serde(serialize_with = "opt_json_text")]
        pub params: Option<Map<String, Value>>,
        /// Back-dates the event; such events trigger no automessages, bots or integrations.
        pub created: Option<Timestamp>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
    }
}

impl TrackEventParams {
    /// Tracks `event` with no properties.
    pub fn new(event: impl Into<String>) -> Self {
        TrackEventParams {
            event: event.into(),
            ..Self::default()
        }
    }

    /// Adds one event property.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.params
            .get_or_insert_with(Map::new)
            .insert(key.into(), value.into());
        self
    }
}

params_struct! {
    /// Query of `GET /users/{user}/events` (newest first).
    #[derive(Default)]
    pub struct UserEventsParams {
        /// Only events with this name.
        pub filter_name: Option<String>,
        /// Return property values as strings.
        pub props_as_string: Option<bool>,
        /// The app, when not the token's.
        pub app: Option<FlexId>,
        /// Paging (v2 by event id, or v1 cursor).
        #[serde(flatten)]
        pub pagination: Pagination,
    }
}
