//! Fixtures shared by the request tests: every declared endpoint with realistic arguments,
//! taken from the Node 11.3.0 recording (`full` rows) or from `data/extra-requests.json`.
#![allow(dead_code)]

use chatdesk_crisp_api::__private::RAW;
use chatdesk_crisp_api::{Credentials, CrispClient, Tier};
use chatdesk_transport::EndpointSpec;
use percent_encoding::percent_decode_str;
use serde_json::Value;

pub const NODE_JSONL: &str = include_str!("../data/crisp-wire-node-11.3.0.jsonl");
pub const EXTRA: &str = include_str!("../data/extra-requests.json");
pub const CATALOGUE: &str = include_str!("../../../../docs/api/crisp-endpoints.tsv");

pub fn client() -> CrispClient {
    CrispClient::builder()
        .credentials(Credentials::new(
            "7b1c4f2e-5d1a-4c8e-9f0b-2a3d4e5f6a7b",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
            Tier::Plugin,
        ))
        .build()
        .unwrap()
}

/// One endpoint with the arguments to call it with.
pub struct Fixture {
    pub spec: &'static EndpointSpec,
    pub build: chatdesk_crisp_api::__private::RawEntry,
    /// Values for the placeholders, in order.
    pub path_args: Vec<String>,
    pub query: String,
    pub body: Option<Value>,
    /// The Node `full` row this fixture comes from, if any.
    pub node: Option<Value>,
}

pub fn node_rows(variant: &str) -> Vec<Value> {
    NODE_JSONL
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["variant"] == variant)
        .collect()
}

/// `website.sendMessageInConversation` → `send_message_in_conversation`.
pub fn snake(node_method: &str) -> (String, String) {
    let (service, method) = node_method.split_once('.').unwrap();
    let method = method.replace("URL", "Url").replace("ID", "Id");
    let mut out = String::new();
    for (i, c) in method.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    (out.clone(), format!("{service}_{out}"))
}

/// The Node row for `spec`: same method and template, and same name where several methods
/// share an endpoint.
pub fn node_row_for<'a>(rows: &'a [Value], spec: &EndpointSpec) -> Option<&'a Value> {
    let same: Vec<&Value> = rows
        .iter()
        .filter(|r| r["http_method"] == spec.method.as_str() && r["path_template"] == spec.path)
        .collect();
    if same.len() <= 1 {
        return same.into_iter().next();
    }
    same.into_iter().find(|r| {
        let (a, b) = snake(r["method"].as_str().unwrap());
        spec.name == a || spec.name == b
    })
}

/// Splits a recorded path into the values of the template's placeholders.
pub fn path_args_from(template: &str, path: &str) -> Vec<String> {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    let mut out = Vec::new();
    let mut j = 0;
    for (i, seg) in t.iter().enumerate() {
        if *seg == "{path}" {
            let rest = t.len() - i - 1;
            let take = p.len() - j - rest;
            let joined = p[j..j + take].join("/");
            out.push(
                percent_decode_str(&joined)
                    .decode_utf8()
                    .unwrap()
                    .into_owned(),
            );
            j += take;
        } else {
            if seg.starts_with('{') {
                out.push(percent_decode_str(p[j]).decode_utf8().unwrap().into_owned());
            }
            j += 1;
        }
    }
    out
}

/// A realistic value for a placeholder of an endpoint Node does not cover.
pub fn default_arg(name: &str) -> &'static str {
    match name {
        "website_id" => "8c842203-7ed8-4e29-a608-7cf78a7d2fcc",
        "locale" => "en",
        "locale_linked" => "fr",
        "article_id" => "b4a5d2c1-3e6f-4a7b-8c9d-0e1f2a3b4c5d",
        "category_id" => "5a9a9b8c-7e3b-4d1c-9a47-2c2f7f9e1d10",
        "section_id" => "0b7c6c4e-2d7e-4a8e-b1f2-53f1c1b0e3a7",
        "page_number" => "2",
        other => panic!("no default for placeholder {other}"),
    }
}

pub fn fixtures() -> Vec<Fixture> {
    let rows = node_rows("full");
    let extra: Value = serde_json::from_str(EXTRA).unwrap();
    RAW.iter()
        .map(|entry| {
            let spec = (entry.spec)();
            let build = *entry;
            match node_row_for(&rows, spec) {
                Some(row) => Fixture {
                    spec,
                    build,
                    path_args: path_args_from(spec.path, row["path"].as_str().unwrap()),
                    query: row["query_raw"].as_str().unwrap_or("").to_owned(),
                    body: Some(snake_keys(row["body"].clone())).filter(|b| !b.is_null()),
                    node: Some(row.clone()),
                },
                None => {
                    let e = &extra[spec.name];
                    Fixture {
                        spec,
                        build,
                        path_args: spec
                            .placeholders()
                            .map(|p| default_arg(p).to_owned())
                            .collect(),
                        query: e["query"].as_str().unwrap_or("").to_owned(),
                        body: Some(e["body"].clone()).filter(|b| !b.is_null()),
                        node: None,
                    }
                }
            }
        })
        .collect()
}

/// Node's type declarations put a few camelCase keys on the wire where the API (and Go's JSON
/// tags) use snake_case (docs/api/crisp-api.md §9); our types carry the snake_case field, so a
/// Node body is read with those keys renamed.
pub fn snake_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let k = match k.as_str() {
                        "userID" => "user_id".to_owned(),
                        "websiteID" => "website_id".to_owned(),
                        _ => k,
                    };
                    (k, snake_keys(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(snake_keys).collect()),
        other => other,
    }
}

/// JSON equality where numbers compare by value (`10` and `10.0` are the same number).
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}
