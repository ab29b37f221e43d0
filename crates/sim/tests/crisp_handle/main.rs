//! Tests of the Crisp simulator through its public API: `CrispSim::handle` driven with
//! `Exchange` values, no socket. One file per group of the API; the harness is here.

mod auth;
mod conversations;
mod people;
mod protocol;
mod resources;

use std::collections::BTreeSet;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::{Value, json};

use base64::Engine as _;
use chatdesk_sim::crisp::{CrispConfig, CrispSim, CrispTier};
use chatdesk_sim::exchange::Exchange;
use hmac::{Hmac, Mac};
use sha2::Sha256;

fn small() -> CrispConfig {
    CrispConfig {
        conversations_per_website: 45,
        messages_per_conversation: 47,
        people_per_website: 61,
        visitors_per_website: 25,
        ..CrispConfig::default()
    }
}

struct T {
    sim: CrispSim,
}

fn ex(
    method: &str,
    path: &str,
    query: &str,
    body: &[u8],
    auth: Option<(&str, &str)>,
    tier: Option<&str>,
) -> Exchange {
    let mut headers = HeaderMap::new();
    if let Some((id, key)) = auth {
        let raw = format!("{id}:{key}");
        let value = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        );
        headers.insert("authorization", HeaderValue::from_str(&value).unwrap());
    }
    if let Some(t) = tier {
        headers.insert("x-crisp-tier", HeaderValue::from_str(t).unwrap());
    }
    Exchange {
        method: Method::from_bytes(method.as_bytes()).unwrap(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Bytes::copy_from_slice(body),
    }
}

impl T {
    fn new() -> T {
        T::with(small())
    }

    fn with(cfg: CrispConfig) -> T {
        T {
            sim: CrispSim::new(cfg),
        }
    }

    fn w(&self) -> String {
        self.sim.website_id().to_owned()
    }

    fn s(&self) -> String {
        self.sim.session_id()
    }

    fn as_tier(
        &self,
        tier: CrispTier,
        method: &str,
        path: &str,
        query: &str,
        body: &str,
    ) -> (StatusCode, Value) {
        let kp = self.sim.config().keypair(tier).unwrap().clone();
        let reply = self.sim.handle(&ex(
            method,
            path,
            query,
            body.as_bytes(),
            Some((&kp.identifier, &kp.key)),
            Some(tier.as_str()),
        ));
        let v = if reply.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&reply.body).unwrap()
        };
        (reply.status, v)
    }

    /// As the plugin (default) keypair.
    fn call(&self, method: &str, path: &str, query: &str, body: &str) -> (StatusCode, Value) {
        self.as_tier(CrispTier::Plugin, method, path, query, body)
    }

    fn ok(&self, method: &str, path: &str, query: &str, body: &str) -> Value {
        let (status, v) = self.call(method, path, query, body);
        // The message walk says 206 while older messages exist (see tests/message_walk_status.rs).
        let partial_ok = path.ends_with("/messages") && status == StatusCode::PARTIAL_CONTENT;
        if !partial_ok {
            assert_eq!(status, StatusCode::OK, "{method} {path}?{query}: {v}");
        }
        assert_eq!(v["error"], json!(false), "{v}");
        v["data"].clone()
    }

    fn err(&self, method: &str, path: &str, query: &str, body: &str) -> (StatusCode, String) {
        let (status, v) = self.call(method, path, query, body);
        assert!(!status.is_success(), "{method} {path} should fail: {v}");
        if method != "HEAD" {
            assert_eq!(v["error"], json!(true), "{v}");
            assert!(v["data"]["message"].is_string(), "{v}");
        }
        (status, v["reason"].as_str().unwrap_or("").to_owned())
    }
}
