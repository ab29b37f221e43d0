//! Pieces every Crisp endpoint group uses: the response envelope, error and empty bodies, the
//! helper that puts JSON inside a query parameter, search filters, and small shared shapes.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Declares response structs with the team's response conventions.
///
/// Each struct gets `Debug, Clone, Default, PartialEq, Serialize, Deserialize` and
/// `#[non_exhaustive]`; each field gets `#[serde(default, skip_serializing_if = "Option::is_none")]`,
/// so every field must be an `Option` (anything else fails to compile). `Default` lets callers
/// outside the crate build a value and fill in fields when the same shape is sent back.
macro_rules! response_struct {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    )+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: $ty,
            )*
        }
    )+};
}
pub(crate) use response_struct;

/// Free-form key/value data: custom conversation or people data, metadata, plugin payloads.
pub type DataMap = Map<String, Value>;

// ---------------------------------------------------------------------------------------------
// Envelope
// ---------------------------------------------------------------------------------------------

/// The wrapper around every Crisp JSON response: `{error, reason, data}`.
///
/// Decoding is lenient: a missing `error` reads as `false`, a missing `reason` as an empty string,
/// and a missing or `null` `data` as `None` (the Node client turns that case into `{}`).
///
/// On an HTTP error status, `data` usually holds [`ErrorData`] rather than the endpoint's type, so
/// decode error bodies as `Envelope<ErrorData>`; `Envelope<Empty>` reads only `error` and `reason`
/// from any body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Envelope<T> {
    /// Whether the call failed.
    #[serde(default)]
    pub error: bool,
    /// A machine-readable code such as `invalid_data` or `not_found` (success reasons are
    /// undocumented and carry no meaning).
    #[serde(default)]
    pub reason: String,
    /// The payload of the endpoint, when there is one.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

impl<T> Envelope<T> {
    /// A successful envelope around `data` (what a simulator answers).
    pub fn ok(reason: impl Into<String>, data: T) -> Self {
        Envelope {
            error: false,
            reason: reason.into(),
            data: Some(data),
        }
    }

    /// A failed envelope with the given reason code and payload.
    pub fn failure(reason: impl Into<String>, data: Option<T>) -> Self {
        Envelope {
            error: true,
            reason: reason.into(),
            data,
        }
    }

    /// Whether the API reported a failure.
    pub fn is_error(&self) -> bool {
        self.error
    }

    /// The payload, dropping `error` and `reason`.
    pub fn into_data(self) -> Option<T> {
        self.data
    }
}

/// The `data` of an error envelope: usually `{message: "..."}` with human-readable text.
///
/// Any JSON decodes: an object keeps its `message` (when it is a string) and its other fields, a
/// bare string becomes the message, and anything else leaves both empty.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ErrorData {
    /// Human-readable explanation, e.g. JSON-schema validation text for `invalid_data`.
    pub message: Option<String>,
    /// Other fields of the error object, kept as sent.
    pub extra: DataMap,
}

impl ErrorData {
    /// Error data carrying only a message.
    pub fn with_message(message: impl Into<String>) -> Self {
        ErrorData {
            message: Some(message.into()),
            extra: DataMap::new(),
        }
    }
}

impl Serialize for ErrorData {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        if let Some(m) = &self.message {
            map.serialize_entry("message", m)?;
        }
        for (k, v) in &self.extra {
            if self.message.is_none() || k != "message" {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ErrorData {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Object(mut obj) => {
                let message = match obj.get("message") {
                    Some(Value::String(_)) => match obj.remove("message") {
                        Some(Value::String(s)) => Some(s),
                        _ => None,
                    },
                    // Absent, or not text: anything there stays in `extra`, untouched.
                    _ => None,
                };
                ErrorData {
                    message,
                    extra: obj,
                }
            }
            Value::String(s) => ErrorData::with_message(s),
            _ => ErrorData::default(),
        })
    }
}

/// A payload with nothing useful in it.
///
/// It decodes from any JSON (endpoints that only acknowledge return `{}`, `null` or a bare value)
/// and encodes as `{}`, which is also the body the Node client sends on POST/PATCH/PUT routes that
/// take no input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Empty;

impl Serialize for Empty {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for Empty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| Empty)
    }
}

// ---------------------------------------------------------------------------------------------
// JSON inside a query parameter
// ---------------------------------------------------------------------------------------------

/// Encodes a value as JSON text, for query parameters that carry a JSON document.
///
/// Crisp takes `search_query` (with `search_type=filter`) and `search_filter` as one query
/// parameter holding a JSON array; URL encoding of the text is the query serializer's job.
pub fn to_query_json<T: Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(value)
}

/// A value sent as JSON text inside a single query parameter (see [`to_query_json`]).
///
/// Serializes to a string (`[{"model":"people",…}]`), so `serde_urlencoded` and friends put it in
/// one parameter. Decoding accepts that string form, and also the plain JSON value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonParam<T>(pub T);

impl<T: Serialize> Serialize for JsonParam<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = serde_json::to_string(&self.0).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for JsonParam<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let inner = match &v {
            Value::String(s) => serde_json::from_str(s),
            other => T::deserialize(other),
        };
        inner.map(JsonParam).map_err(serde::de::Error::custom)
    }
}

/// One clause of a search filter: `{model, criterion, operator, query[]}`.
///
/// Used by conversation searches (`search_type=filter`) and people profile searches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFilter {
    /// What is searched, e.g. `people` or `session`.
    pub model: String,
    /// The field tested, e.g. `email` or `segments`.
    pub criterion: String,
    /// The comparison, e.g. `eq`, `neq`, `has`, `gte`.
    pub operator: String,
    /// The operands, always as strings.
    pub query: Vec<String>,
}

impl SearchFilter {
    /// A clause testing `criterion` of `model` with `operator` against `query`.
    pub fn new(
        model: impl Into<String>,
        criterion: impl Into<String>,
        operator: impl Into<String>,
        query: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        SearchFilter {
            model: model.into(),
            criterion: criterion.into(),
            operator: operator.into(),
            query: query.into_iter().map(Into::into).collect(),
        }
    }
}

/// The `search_query` parameter of conversation searches: free text, or filter clauses sent as a
/// JSON array (pair with `search_type=filter`).
#[derive(Debug, Clone, PartialEq)]
pub enum SearchQuery {
    /// Text (for `search_type=text`) or a segment name (for `search_type=segment`).
    Text(String),
    /// Filter clauses, encoded as one JSON string.
    Filters(Vec<SearchFilter>),
}

impl Serialize for SearchQuery {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SearchQuery::Text(t) => s.serialize_str(t),
            SearchQuery::Filters(f) => JsonParam(f).serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for SearchQuery {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.trim_start().starts_with('[')
            && let Ok(filters) = serde_json::from_str::<Vec<SearchFilter>>(&text)
        {
            return Ok(SearchQuery::Filters(filters));
        }
        Ok(SearchQuery::Text(text))
    }
}

string_enum! {
    /// How `search_query` is interpreted in a conversation search.
    pub enum SearchType {
        /// Full-text search.
        Text => "text",
        /// Conversations in a segment.
        Segment => "segment",
        /// Filter clauses (`search_query` is a JSON array).
        Filter => "filter",
    }
}

string_enum! {
    /// How several filter clauses combine.
    pub enum SearchOperator {
        /// Every clause must match.
        And => "and",
        /// Any clause may match.
        Or => "or",
    }
}

/// Serde adapter for optional flags that Crisp reads as `1`/`0` in query strings.
///
/// Apply with `#[serde(default, with = "chatdesk_model::crisp::common::flag01", skip_serializing_if =
/// "Option::is_none")]`. Decoding accepts `1`/`0`/`true`/`false` as numbers, strings or booleans.
pub mod flag01 {
    use serde::{Deserialize, Deserializer, Serializer};
    use serde_json::Value;

    /// Writes `Some(true)` as `"1"`, `Some(false)` as `"0"`, `None` as none.
    pub fn serialize<S: Serializer>(v: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(true) => s.serialize_str("1"),
            Some(false) => s.serialize_str("0"),
            None => s.serialize_none(),
        }
    }

    /// Reads a flag in any accepted form.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        let v = Option::<Value>::deserialize(d)?;
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(Value::Number(n)) if n.as_u64() == Some(1) => Ok(Some(true)),
            Some(Value::Number(n)) if n.as_u64() == Some(0) => Ok(Some(false)),
            Some(Value::String(s)) if s == "1" || s == "true" => Ok(Some(true)),
            Some(Value::String(s)) if s == "0" || s == "false" => Ok(Some(false)),
            Some(other) => Err(serde::de::Error::custom(format_args!(
                "{other} is not a 1/0 flag"
            ))),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

response_struct! {
    /// Latitude and longitude in degrees.
    pub struct Coordinates {
        /// Latitude.
        pub latitude: Option<f64>,
        /// Longitude.
        pub longitude: Option<f64>,
    }

    /// An approximate location, as resolved by Crisp.
    pub struct Geolocation {
        /// Country code.
        pub country: Option<String>,
        /// Region or state code.
        pub region: Option<String>,
        /// City name.
        pub city: Option<String>,
        /// Latitude and longitude.
        pub coordinates: Option<Coordinates>,
    }

    /// A segment suggested from existing conversations or profiles, with its use count.
    pub struct SuggestedSegment {
        /// Segment name.
        pub segment: Option<String>,
        /// How many conversations or profiles carry it.
        pub count: Option<i64>,
    }

    /// A custom data key suggested from existing conversations or profiles, with its use count.
    pub struct SuggestedDataKey {
        /// Data key.
        pub key: Option<String>,
        /// How many conversations or profiles carry it.
        pub count: Option<i64>,
    }
}

/// Body of the `DELETE …/suggest/segment` routes: forget a suggested segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedSegmentDelete {
    /// Segment to forget.
    pub segment: String,
}

impl SuggestedSegmentDelete {
    /// Forgets `segment`.
    pub fn new(segment: impl Into<String>) -> Self {
        SuggestedSegmentDelete {
            segment: segment.into(),
        }
    }
}

/// Body of the `DELETE …/suggest/data` routes: forget a suggested data key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedDataKeyDelete {
    /// Data key to forget.
    pub key: String,
}

impl SuggestedDataKeyDelete {
    /// Forgets `key`.
    pub fn new(key: impl Into<String>) -> Self {
        SuggestedDataKeyDelete { key: key.into() }
    }
}
