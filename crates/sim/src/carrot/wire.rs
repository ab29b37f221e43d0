//! The wire conventions: the `{meta, data}` envelope and vendor errors, request parameters
//! (query, url-encoded, multipart or JSON bodies) and the JSON number and timestamp forms.

use super::*;

/// A vendor error.
#[derive(Debug)]
pub(super) struct ApiErr {
    pub(super) status: u16,
    pub(super) name: &'static str,
    pub(super) message: String,
    pub(super) field: Option<&'static str>,
}

pub(super) type Res<T> = Result<T, ApiErr>;
/// What a handler answers: the envelope's `data` and `meta`.
pub(super) type Answer = (Value, Map<String, Value>);

pub(super) fn validation(field: &'static str, message: impl Into<String>) -> ApiErr {
    ApiErr {
        status: 400,
        name: "ValidationError",
        message: message.into(),
        field: Some(field),
    }
}

pub(super) fn lookup(message: impl Into<String>) -> ApiErr {
    ApiErr {
        status: 400,
        name: "LookupError",
        message: message.into(),
        field: None,
    }
}

pub(super) fn api_err(status: u16, name: &'static str, message: impl Into<String>) -> ApiErr {
    ApiErr {
        status,
        name,
        message: message.into(),
        field: None,
    }
}

/// The Carrot error envelope (`{"meta": {status, error, error_message}, "data": {}}`).
pub fn error_reply(status: u16, name: &str, message: &str) -> Reply {
    let st = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    Reply::json(
        st,
        &json!({"meta": {"status": status, "error": name, "error_message": message}, "data": {}}),
    )
}

pub(super) fn reply_for(e: &ApiErr) -> Reply {
    let mut meta = json!({"status": e.status, "error": e.name, "error_message": e.message});
    if let (Some(f), Some(m)) = (e.field, meta.as_object_mut()) {
        m.insert("error_fields".into(), json!({ f: [e.message.clone()] }));
    }
    let st = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    Reply::json(st, &json!({"meta": meta, "data": {}}))
}

pub(super) fn ok(data: Value, meta: Map<String, Value>) -> Reply {
    let mut m = meta;
    m.insert("status".into(), Value::from(200));
    Reply::json(StatusCode::OK, &json!({"meta": m, "data": data}))
}

/// Decoded parameters of one request plus per-request rendering options.
pub(super) struct Req {
    pub(super) params: Vec<(String, form::Value)>,
    pub(super) v1: bool,
    pub(super) ids_str: bool,
}

/// Docs rule: `false`, `0` or empty (any case) are false, anything else true.
pub(super) fn truthy(s: &str) -> bool {
    !(s.is_empty() || s == "0" || s.eq_ignore_ascii_case("false"))
}

impl Req {
    pub(super) fn get(&self, k: &str) -> Option<&str> {
        self.params.iter().find_map(|(n, v)| match v {
            form::Value::Text(t) if n == k => Some(t.as_str()),
            _ => None,
        })
    }
    pub(super) fn text(&self, k: &str) -> Option<&str> {
        self.get(k).filter(|s| !s.is_empty())
    }
    pub(super) fn flag(&self, k: &str) -> Option<bool> {
        self.get(k).map(truthy)
    }
    pub(super) fn file(&self, k: &str) -> Option<(&str, &Bytes)> {
        self.params.iter().find_map(|(n, v)| match v {
            form::Value::File { filename, data, .. } if n == k => Some((filename.as_str(), data)),
            _ => None,
        })
    }
    pub(super) fn uint(&self, k: &'static str) -> Res<Option<u64>> {
        match self.text(k) {
            None => Ok(None),
            Some(s) => s
                .trim()
                .parse::<u64>()
                .map(Some)
                .map_err(|_| validation(k, format!("{k} must be an unsigned integer"))),
        }
    }
    pub(super) fn json(&self, k: &'static str) -> Res<Option<Value>> {
        match self.text(k) {
            None => Ok(None),
            Some(s) => serde_json::from_str(s)
                .map(Some)
                .map_err(|_| validation(k, format!("{k} must be valid JSON"))),
        }
    }
    pub(super) fn id(&self, v: u64) -> Value {
        if self.ids_str {
            Value::from(v.to_string())
        } else {
            Value::from(v)
        }
    }
    /// Include flag with a default.
    pub(super) fn include(&self, k: &str, default: bool) -> bool {
        self.flag(k).unwrap_or(default)
    }
}

/// Parses an id that may arrive as a JSON number or a string.
pub(super) fn json_u64(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

pub(super) fn json_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

pub(super) fn ts_to_us(ts: f64) -> u64 {
    if ts.is_finite() && ts > 0.0 {
        (ts * 1e6).round() as u64
    } else {
        0
    }
}

pub(super) fn us_to_ts(us: u64) -> Value {
    Value::from(us as f64 / 1e6)
}

pub(super) fn content_type(ex: &Exchange) -> &str {
    ex.headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Decodes query and body parameters.
pub(super) fn decode_params(ex: &Exchange) -> Res<Vec<(String, form::Value)>> {
    let mut out = Vec::new();
    let bad = |e: form::FormError| api_err(400, "BadRequest", e.0);
    form::urlencoded(ex.query.as_bytes(), &mut out).map_err(bad)?;
    if ex.body.is_empty() {
        return Ok(out);
    }
    let ct = content_type(ex).to_ascii_lowercase();
    if ct.starts_with("multipart/form-data") {
        let b = form::boundary(content_type(ex))
            .ok_or_else(|| api_err(400, "BadRequest", "multipart body without a boundary"))?;
        form::multipart(&ex.body, &b, &mut out).map_err(bad)?;
    } else if ct.starts_with("application/json") {
        form::json_object(&ex.body, &mut out).map_err(bad)?;
    } else {
        // Form encoding is the documented default; a missing content type is read the same way.
        form::urlencoded(&ex.body, &mut out).map_err(bad)?;
    }
    Ok(out)
}

/// The token a request carries (header first, then `auth_token`).
pub(crate) fn request_token(ex: &Exchange) -> Option<&str> {
    let h = ex.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, rest) = h.trim().split_once(' ')?;
    (scheme.eq_ignore_ascii_case("token") || scheme.eq_ignore_ascii_case("bearer"))
        .then(|| rest.trim())
}
