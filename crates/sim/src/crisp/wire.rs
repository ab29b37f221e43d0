//! Wire-level helpers: the `{error, reason, data}` envelope, API errors, body schemas, query
//! strings and path segment decoding.

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::exchange::Reply;

/// An error answer: status, machine `reason` and human `data.message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub reason: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, reason: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            reason,
            message: message.into(),
        }
    }

    /// 400 `invalid_data` (schema violation).
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_data", message)
    }

    /// 404 with a resource-specific reason.
    pub fn not_found(reason: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, reason, message)
    }

    /// 404 `not_found` for a route that does not exist.
    pub fn no_route() -> ApiError {
        ApiError::not_found("not_found", "the route does not exist")
    }

    /// 409 for a resource that already exists.
    pub fn conflict(reason: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, reason, message)
    }

    /// The JSON envelope for this error.
    pub fn reply(&self) -> Reply {
        Reply::json(
            self.status,
            &json!({"error": true, "reason": self.reason, "data": {"message": self.message}}),
        )
    }
}

/// Handler result: the `data` of a success envelope.
pub(crate) type Res = Result<Value, ApiError>;

/// A success envelope with `data`.
pub(crate) fn ok_reply(status: StatusCode, reason: &str, data: Value) -> Reply {
    Reply::json(
        status,
        &json!({"error": false, "reason": reason, "data": data}),
    )
}

/// The JSON kinds a body field can be checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    Num,
    Bool,
    Obj,
    Arr,
    /// An array of strings.
    StrArr,
    /// An array of numbers.
    NumArr,
    /// A string or `null`.
    StrOrNull,
    /// An object or `null`.
    ObjOrNull,
    /// A string or an object.
    StrOrObj,
    /// A boolean or an object.
    BoolOrObj,
    /// Anything (presence only).
    Any,
}

impl Kind {
    fn accepts(self, v: &Value) -> bool {
        match self {
            Kind::Str => v.is_string(),
            Kind::Num => v.is_number(),
            Kind::Bool => v.is_boolean(),
            Kind::Obj => v.is_object(),
            Kind::Arr => v.is_array(),
            Kind::StrArr => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
            Kind::NumArr => v.as_array().is_some_and(|a| a.iter().all(Value::is_number)),
            Kind::StrOrNull => v.is_string() || v.is_null(),
            Kind::ObjOrNull => v.is_object() || v.is_null(),
            Kind::StrOrObj => v.is_string() || v.is_object(),
            Kind::BoolOrObj => v.is_boolean() || v.is_object(),
            Kind::Any => true,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Kind::Str => "string",
            Kind::Num => "number",
            Kind::Bool => "boolean",
            Kind::Obj => "object",
            Kind::Arr => "array",
            Kind::StrArr => "array of strings",
            Kind::NumArr => "array of numbers",
            Kind::StrOrNull => "string or null",
            Kind::ObjOrNull => "object or null",
            Kind::StrOrObj => "string or object",
            Kind::BoolOrObj => "boolean or object",
            Kind::Any => "any value",
        }
    }
}

/// One top-level body field of a route's schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

/// A required field.
pub(crate) const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

/// An optional field (type-checked when present and not `null`... unless the kind allows null).
pub(crate) const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

/// Parses a request body as a JSON object (empty body = `{}`).
pub(crate) fn parse_body(raw: &[u8]) -> Result<Value, ApiError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    let text = std::str::from_utf8(raw)
        .map_err(|_| ApiError::invalid("the request body is not valid UTF-8"))?;
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ApiError::invalid(format!("the request body is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(ApiError::invalid("data should be object"));
    }
    Ok(value)
}

/// Checks `body` (an object) against `schema`, ajv-style messages.
pub(crate) fn check_schema(body: &Value, schema: &[Field]) -> Result<(), ApiError> {
    let Some(obj) = body.as_object() else {
        return Err(ApiError::invalid("data should be object"));
    };
    for field in schema {
        match obj.get(field.name) {
            None => {
                if field.required {
                    return Err(ApiError::invalid(format!(
                        "data should have required property '.{}'",
                        field.name
                    )));
                }
            }
            Some(Value::Null) if !field.required && !field.kind.accepts(&Value::Null) => {}
            Some(v) => {
                if !field.kind.accepts(v) {
                    return Err(ApiError::invalid(format!(
                        "data.{} should be {}",
                        field.name,
                        field.kind.describe()
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Decodes a query string into pairs (lenient: undecodable pairs are skipped).
pub(crate) fn parse_query(raw: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(raw).unwrap_or_else(|_| {
        raw.split('&')
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                Some((decode_segment(k)?, decode_segment(v)?))
            })
            .collect()
    })
}

/// Percent-decodes one path segment; `None` when the result is not UTF-8.
pub(crate) fn decode_segment(raw: &str) -> Option<String> {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// Parses a `0|1` / `true|false` query flag.
pub(crate) fn flag(value: Option<&str>) -> bool {
    matches!(value, Some("1") | Some("true"))
}

/// Deep-merges `patch` into `target` (objects merge key by key, everything else replaces).
pub(crate) fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                match t.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        t.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

/// 64-bit FNV-1a, for deterministic ids and content hashes.
pub(crate) fn fnv64(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A splitmix64 step, to spread sequential numbers.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A deterministic UUID-shaped id derived from `tag` and `n`.
pub(crate) fn uuid(tag: &str, n: u64) -> String {
    let a = mix(fnv64(&[tag.as_bytes()]) ^ n);
    let b = mix(a ^ n.rotate_left(17));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        (a & 0x0fff) as u16,
        (b >> 52) as u16 & 0x0fff,
        b & 0xffff_ffff_ffff
    )
}

/// Slices one 1-based page of `len` items: the index range, empty past the end.
pub(crate) fn page_range(len: usize, page: usize, per_page: usize) -> std::ops::Range<usize> {
    let start = page.saturating_sub(1).saturating_mul(per_page).min(len);
    let end = start.saturating_add(per_page).min(len);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_messages_name_the_field() {
        let schema = [req("type", Kind::Str), opt("stealth", Kind::Bool)];
        let err = check_schema(&json!({}), &schema).unwrap_err();
        assert_eq!(err.reason, "invalid_data");
        assert!(err.message.contains("'.type'"));
        let err = check_schema(&json!({"type": 1}), &schema).unwrap_err();
        assert!(err.message.contains("data.type should be string"));
        assert!(check_schema(&json!({"type": "text", "stealth": null}), &schema).is_ok());
        assert!(check_schema(&json!({"type": "text", "stealth": "x"}), &schema).is_err());
    }

    #[test]
    fn bodies_must_be_json_objects() {
        assert_eq!(parse_body(b"").unwrap(), json!({}));
        assert_eq!(parse_body(b"  \n").unwrap(), json!({}));
        assert!(parse_body(b"[1]").is_err());
        assert!(parse_body(b"{\"a\":").is_err());
        assert!(parse_body(&[0xff, 0xfe]).is_err());
    }

    #[test]
    fn pages_are_one_based_and_end_empty() {
        assert_eq!(page_range(45, 1, 20), 0..20);
        assert_eq!(page_range(45, 3, 20), 40..45);
        assert_eq!(page_range(45, 4, 20), 45..45);
        assert_eq!(page_range(45, usize::MAX, 20), 45..45);
    }

    #[test]
    fn uuids_are_stable_and_distinct() {
        assert_eq!(uuid("x", 1), uuid("x", 1));
        assert_ne!(uuid("x", 1), uuid("x", 2));
        assert_eq!(uuid("x", 1).len(), 36);
    }
}
