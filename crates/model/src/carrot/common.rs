//! Small types shared by several Carrot Quest endpoints: timestamps, admins, empty bodies, sender
//! references and pagination.

use crate::carrot::wire::{Scalar, classify};
use crate::id::FlexId;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;

/// A Unix time in seconds, sent as an integer or a float (and, in web hooks, sometimes as a string).
///
/// The number is kept as sent, so an integer stays an integer on re-encoding.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(pub serde_json::Number);

impl Timestamp {
    /// A timestamp of whole seconds.
    pub fn from_secs(secs: i64) -> Self {
        Timestamp(secs.into())
    }

    /// The value in seconds as a float (sub-second part kept, up to `f64` precision).
    pub fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    /// The whole seconds, rounding a fractional value down; `None` when that does not fit an
    /// `i64` (a float of magnitude 2^63 or more, or an integer above `i64::MAX`).
    pub fn secs(&self) -> Option<i64> {
        // ±2^63 are exact in f64 (i64::MAX is not): the floor fits iff it is in [-2^63, 2^63).
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        self.0.as_i64().or_else(|| {
            let floor = self.0.as_f64()?.floor();
            // NaN and the infinities are outside the range too.
            (-LIMIT..LIMIT).contains(&floor).then_some(floor as i64)
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Unix timestamp as a number or a numeric string")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(v.into()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Timestamp, E> {
                serde_json::Number::from_f64(v)
                    .map(Timestamp)
                    .ok_or_else(|| E::custom("timestamp is not a finite number"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                let t = v.trim();
                if let Ok(i) = t.parse::<i64>() {
                    return Ok(Timestamp(i.into()));
                }
                t.parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map(Timestamp)
                    .ok_or_else(|| E::custom(format_args!("timestamp {v:?} is not a number")))
            }
        }
        d.deserialize_any(V)
    }
}

string_enum! {
    /// What kind of party an admin-like object describes.
    pub enum ActorKind {
        /// An operator of the app.
        Admin => "admin",
        /// A visitor or lead.
        User => "user",
        /// A bot.
        Bot => "bot",
    }
}

wire_struct! {
    /// An operator as embedded in conversations and parts (`assignee`, `last_admin`, `from`).
    #[non_exhaustive]
    pub struct Admin {
        /// The operator's id.
        pub id: FlexId,
        /// Display name.
        pub name: Option<String>,
        /// Avatar image URL.
        pub avatar: Option<String>,
        /// Kind of party, usually `admin`.
        #[serde(rename = "type")]
        pub kind: Option<ActorKind>,
    }
}

impl Admin {
    /// An admin with only its id, for tests and simulators.
    pub fn new(id: impl Into<FlexId>) -> Self {
        Admin {
            id: id.into(),
            name: None,
            avatar: None,
            kind: None,
        }
    }
}

/// The `data` of endpoints that answer `{}`. It encodes as `{}`; any JSON value (an object with
/// fields, `[]`, ...) decodes into it and is ignored, so a change on the server's side never fails
/// an otherwise successful call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Empty {}

impl<'de> Deserialize<'de> for Empty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d)?;
        Ok(Empty {})
    }
}

impl Empty {
    /// The empty object.
    pub fn new() -> Self {
        Empty {}
    }
}

/// The admin an action is performed as: a given admin id or the app's default admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AdminRef {
    /// The admin with this id.
    Id(FlexId),
    /// The app's default admin (wire value `default_admin`).
    #[default]
    Default,
}

impl Serialize for AdminRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AdminRef::Id(id) => id.serialize(s),
            AdminRef::Default => s.serialize_str("default_admin"),
        }
    }
}

impl From<u64> for AdminRef {
    fn from(id: u64) -> Self {
        AdminRef::Id(FlexId(id))
    }
}

impl From<FlexId> for AdminRef {
    fn from(id: FlexId) -> Self {
        AdminRef::Id(id)
    }
}

/// The user a reply or typing notice is sent as: a given Carrot id or the conversation's user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UserSender {
    /// The user with this Carrot id.
    Id(FlexId),
    /// The conversation's own user (wire value `default_user`).
    #[default]
    Default,
}

impl Serialize for UserSender {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            UserSender::Id(id) => id.serialize(s),
            UserSender::Default => s.serialize_str("default_user"),
        }
    }
}

impl From<u64> for UserSender {
    fn from(id: u64) -> Self {
        UserSender::Id(FlexId(id))
    }
}

/// An app id in a parameter: a numeric id or `$self_app` (the app the token belongs to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AppRef {
    /// The app with this id.
    Id(FlexId),
    /// The token's own app (wire value `$self_app`).
    #[default]
    SelfApp,
}

impl Serialize for AppRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AppRef::Id(id) => id.serialize(s),
            AppRef::SelfApp => s.serialize_str("$self_app"),
        }
    }
}

impl fmt::Display for AppRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppRef::Id(id) => id.fmt(f),
            AppRef::SelfApp => f.write_str("$self_app"),
        }
    }
}

impl From<u64> for AppRef {
    fn from(id: u64) -> Self {
        AppRef::Id(FlexId(id))
    }
}

/// One element of a v2 pagination position, kept exactly as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PositionValue {
    /// A JSON number, as its exact text (a float timestamp or an id beyond 2^53).
    Number(String),
    /// A JSON string (ids under `id_as_string=true`).
    Text(String),
}

impl PositionValue {
    /// The value as text, without quotes.
    pub fn as_str(&self) -> &str {
        match self {
            PositionValue::Number(t) | PositionValue::Text(t) => t,
        }
    }

    /// Whether the text is a valid JSON number.
    fn is_json_number(text: &str) -> bool {
        matches!(text.as_bytes().first(), Some(b'-' | b'0'..=b'9'))
            && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    }

    /// The value as JSON text: numbers verbatim, strings quoted.
    fn to_json(&self) -> String {
        match self {
            PositionValue::Number(t) if Self::is_json_number(t) => t.clone(),
            other => serde_json::Value::String(other.as_str().to_owned()).to_string(),
        }
    }
}

impl From<u64> for PositionValue {
    fn from(v: u64) -> Self {
        PositionValue::Number(v.to_string())
    }
}

impl Serialize for PositionValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PositionValue::Number(t) => {
                if let Ok(u) = t.parse::<u64>() {
                    s.serialize_u64(u)
                } else if let Ok(i) = t.parse::<i64>() {
                    s.serialize_i64(i)
                } else if Self::is_json_number(t) {
                    // Exact under serde_json; other formats see serde_json's raw-value wrapper.
                    match RawValue::from_string(t.clone()) {
                        Ok(raw) => raw.serialize(s),
                        Err(_) => s.serialize_str(t),
                    }
                } else {
                    s.serialize_str(t)
                }
            }
            PositionValue::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for PositionValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(d)?;
        match classify(&raw).map_err(D::Error::custom)? {
            Scalar::Number(t) => Ok(PositionValue::Number(t)),
            Scalar::Text(t) => Ok(PositionValue::Text(t)),
            Scalar::Null => Err(D::Error::custom("null in a pagination position")),
        }
    }
}

/// A v2 pagination position (`meta.next_before_position` / `meta.next_after_position`), to pass
/// back as `paginate_position`: `[id]` or `[timestamp, id]`, numbers kept digit for digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Position(pub Vec<PositionValue>);

impl Position {
    /// A position made of a single id, as used for lists ordered by id.
    pub fn id(id: impl Into<FlexId>) -> Self {
        Position(vec![PositionValue::from(id.into().0)])
    }

    /// The position as the JSON text the `paginate_position` parameter takes.
    pub fn to_param(&self) -> String {
        let items: Vec<String> = self.0.iter().map(PositionValue::to_json).collect();
        format!("[{}]", items.join(","))
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_param())
    }
}

fn ser_position<S: Serializer>(p: &Option<Position>, s: S) -> Result<S::Ok, S::Error> {
    match p {
        Some(p) => s.serialize_str(&p.to_param()),
        None => s.serialize_none(),
    }
}

string_enum! {
    /// Which way a v2 page reads from the position.
    pub enum PageDirection {
        /// Items after the position.
        After => "after",
        /// Items before the position (the server's default).
        Before => "before",
        /// Items on both sides of the position.
        Around => "around",
    }
}

string_enum! {
    /// Sort order.
    pub enum SortOrder {
        /// Ascending.
        Asc => "asc",
        /// Descending.
        Desc => "desc",
    }
}

/// The largest page the Carrot list endpoints serve: `paginate_count`, `count` and the leads
/// `limit` all take 1 to 50 (docs/api/carrot-api.md §6).
pub const MAX_PAGE_SIZE: u32 = 50;

/// The page size the server uses when none is sent (docs/api/carrot-api.md §6).
pub const DEFAULT_PAGE_SIZE: u32 = 20;

params_struct! {
    /// Pagination parameters of the list endpoints, v2 (`paginate_*`) and v1 (`after` / `count`).
    ///
    /// Set only the scheme the server speaks: v2 without a version prefix, v1 under `/v1`. Page
    /// sizes go from 1 to [`MAX_PAGE_SIZE`] (server default [`DEFAULT_PAGE_SIZE`]); the v2
    /// position ends the walk when the server answers `null` for the next one
    /// (docs/api/carrot-api.md §6).
    #[derive(Default)]
    pub struct Pagination {
        /// v2: where to start, from `meta.next_before_position` or `meta.next_after_position`.
        #[serde(serialize_with = "ser_position")]
        pub paginate_position: Option<Position>,
        /// v2: page size, 1 to [`MAX_PAGE_SIZE`] (server default 20).
        pub paginate_count: Option<u32>,
        /// v2: direction from the position (server default `before`).
        pub paginate_direction: Option<PageDirection>,
        /// v2: whether the item at the position is included (server default false).
        pub paginate_including: Option<bool>,
        /// v2: order of the items within the page (server default `desc`).
        pub paginate_page_order: Option<SortOrder>,
        /// v1: the cursor from `meta.next_after`, passed back exactly as received.
        pub after: Option<String>,
        /// v1: page size, 1 to [`MAX_PAGE_SIZE`] (server default 20).
        pub count: Option<u32>,
    }
}

impl Pagination {
    /// A v2 page of `count` items read in `direction` from `position`.
    pub fn v2(position: Option<Position>, direction: PageDirection, count: u32) -> Self {
        Pagination {
            paginate_position: position,
            paginate_count: Some(count),
            paginate_direction: Some(direction),
            ..Self::default()
        }
    }

    /// A v1 page of `count` items after the cursor `after` (none for the first page).
    pub fn v1(after: Option<String>, count: u32) -> Self {
        Pagination {
            after,
            count: Some(count),
            ..Self::default()
        }
    }
}

/// The `data` of endpoints whose response shape is not documented (`markread`,
/// `unsubscribeemail`, `/utils/email`): any JSON.
pub type AnyData = serde_json::Value;
