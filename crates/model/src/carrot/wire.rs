//! Serde helpers private to the Carrot Quest module.
//!
//! Carrot Quest takes arrays and objects as JSON text inside a single form or query value, sends
//! some scalars as numbers or strings depending on `id_as_string`, and sends pagination cursors that
//! must be passed back digit for digit. These helpers cover those three quirks.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// Serializes a present value as its JSON text, for a form or query parameter.
///
/// Used with `skip_serializing_if = "Option::is_none"`; a `None` that still reaches it is written
/// as a unit so form encoders leave the key out.
pub(crate) fn opt_json_text<T: Serialize, S: Serializer>(
    value: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => {
            let text = serde_json::to_string(v).map_err(S::Error::custom)?;
            s.serialize_str(&text)
        }
        None => s.serialize_none(),
    }
}

/// Serializes a value as its JSON text, for a required form parameter.
pub(crate) fn json_text<T: Serialize, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    let text = serde_json::to_string(value).map_err(S::Error::custom)?;
    s.serialize_str(&text)
}

/// How a JSON scalar looked on the wire.
pub(crate) enum Scalar {
    /// `null`.
    Null,
    /// A number, with its exact text.
    Number(String),
    /// A string, unescaped.
    Text(String),
}

/// Classifies the raw JSON text of one value as a scalar, keeping numbers digit for digit.
pub(crate) fn classify(raw: &RawValue) -> Result<Scalar, String> {
    let text = raw.get().trim();
    match text.as_bytes().first() {
        Some(b'n') if text == "null" => Ok(Scalar::Null),
        Some(b'"') => serde_json::from_str::<String>(text)
            .map(Scalar::Text)
            .map_err(|e| e.to_string()),
        Some(b'-' | b'0'..=b'9') => Ok(Scalar::Number(text.to_owned())),
        _ => Err(format!("expected a number or a string, found {text}")),
    }
}

/// Reads an optional cursor sent as an integer, a float or a string, keeping its exact text.
///
/// Needs a `serde_json` deserializer (text or `Value`); other formats report an error.
pub(crate) fn de_cursor<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let raw: Option<Box<RawValue>> = Option::deserialize(d)?;
    match raw {
        None => Ok(None),
        Some(raw) => match classify(&raw).map_err(D::Error::custom)? {
            Scalar::Null => Ok(None),
            Scalar::Number(t) | Scalar::Text(t) => Ok(Some(t)),
        },
    }
}

/// Reads an optional string that may arrive as a JSON number (for example a numeric User ID).
pub(crate) fn de_opt_lenient_string<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(V)
}

/// Reads an optional non-negative integer sent as a number or a numeric string; any other value
/// (or one out of range) reads as `None`. For informational fields such as `meta.status`.
pub(crate) fn de_opt_lenient_uint<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64>,
{
    let v = serde_json::Value::deserialize(d)?;
    let n = match &v {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    };
    Ok(n.and_then(|n| T::try_from(n).ok()))
}
