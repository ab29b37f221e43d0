//! The Crisp REST v1 side of the simulator.
//!
//! [`CrispSim`] is an independent, stateful implementation of the Crisp wire protocol: it checks
//! the `Authorization`/`X-Crisp-Tier` pair, routes every catalogued endpoint through a table and
//! answers with the `{error, reason, data}` envelope. The server core hands it an [`Exchange`]
//! (the path is what follows `/v1`) and sends back the [`Reply`].

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::exchange::{Exchange, Reply};

/// The kind of token a keypair is, as sent in the `X-Crisp-Tier` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CrispTier {
    /// A user-account token (the official clients' default tier).
    User,
    /// A workspace-bound website token.
    Website,
    /// A Marketplace plugin token; only works on websites the plugin is installed on.
    Plugin,
}

impl CrispTier {
    /// The header value for this tier (`user`, `website` or `plugin`).
    pub fn as_str(self) -> &'static str {
        match self {
            CrispTier::User => "user",
            CrispTier::Website => "website",
            CrispTier::Plugin => "plugin",
        }
    }

    /// Parses an `X-Crisp-Tier` header value.
    pub fn parse(value: &str) -> Option<CrispTier> {
        match value.trim() {
            "user" => Some(CrispTier::User),
            "website" => Some(CrispTier::Website),
            "plugin" => Some(CrispTier::Plugin),
            _ => None,
        }
    }
}

/// One token keypair the simulator accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrispKeypair {
    /// The token identifier (Basic auth user name).
    pub identifier: String,
    /// The token key (Basic auth password).
    pub key: String,
    /// The tier the token belongs to; requests must announce it in `X-Crisp-Tier`.
    pub tier: CrispTier,
}

impl CrispKeypair {
    /// The `Authorization` header value for this keypair (`Basic base64(identifier:key)`).
    pub fn authorization(&self) -> String {
        use base64::Engine as _;
        let raw = format!("{}:{}", self.identifier, self.key);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }
}

/// How the simulator is seeded and which credentials it accepts.
///
/// Everything is deterministic: two simulators built from equal configs answer identically.
#[derive(Debug, Clone)]
pub struct CrispConfig {
    /// The accepted keypairs. The first one is the "default" keypair handed out to quickstarts.
    pub keypairs: Vec<CrispKeypair>,
    /// The ids of the seeded websites (the plugin is installed on every one of them).
    pub website_ids: Vec<String>,
    /// Seeded conversations per website.
    pub conversations_per_website: usize,
    /// Seeded messages per seeded conversation (generated lazily, so large values are cheap).
    pub messages_per_conversation: usize,
    /// Seeded people profiles per website.
    pub people_per_website: usize,
    /// Seeded visitors per website.
    pub visitors_per_website: usize,
    /// The Marketplace plugin id the plugin keypairs belong to.
    pub plugin_id: String,
    /// The secret web hooks are signed with (see [`CrispSim::sign_webhook`]).
    pub webhook_secret: String,
    /// Epoch milliseconds the seeded data is dated from.
    pub epoch_ms: i64,
}

impl Default for CrispConfig {
    fn default() -> Self {
        CrispConfig {
            keypairs: vec![
                CrispKeypair {
                    identifier: "0b5e5b4e-7c1a-4d1a-9a52-5fd0b7a3c001".to_owned(),
                    key: "sim-plugin-key-7f3c9a1e2b4d6f8091a3c5e7f9b1d3e5".to_owned(),
                    tier: CrispTier::Plugin,
                },
                CrispKeypair {
                    identifier: "0b5e5b4e-7c1a-4d1a-9a52-5fd0b7a3c002".to_owned(),
                    key: "sim-website-key-2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c1e".to_owned(),
                    tier: CrispTier::Website,
                },
                CrispKeypair {
                    identifier: "0b5e5b4e-7c1a-4d1a-9a52-5fd0b7a3c003".to_owned(),
                    key: "sim-user-key-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b".to_owned(),
                    tier: CrispTier::User,
                },
            ],
            website_ids: vec![
                "8c842203-7ed8-4e29-a608-7cf78a7d2fcc".to_owned(),
                "42286ab3-b29a-4fde-8538-da0ae501d825".to_owned(),
            ],
            conversations_per_website: 30,
            messages_per_conversation: 45,
            people_per_website: 45,
            visitors_per_website: 25,
            plugin_id: "c64f3595-adee-425a-8d3a-89d47f7ed6bb".to_owned(),
            webhook_secret: "sim-webhook-secret".to_owned(),
            epoch_ms: 1_767_225_600_000,
        }
    }
}

impl CrispConfig {
    /// The default keypair (the first configured one).
    pub fn default_keypair(&self) -> Option<&CrispKeypair> {
        self.keypairs.first()
    }

    /// The first keypair of the given tier.
    pub fn keypair(&self, tier: CrispTier) -> Option<&CrispKeypair> {
        self.keypairs.iter().find(|k| k.tier == tier)
    }

    /// The first seeded website id (empty when no website is configured).
    pub fn website_id(&self) -> &str {
        self.website_ids.first().map(String::as_str).unwrap_or("")
    }

    /// The session id of the `index`-th seeded conversation of the `website`-th website.
    pub fn seeded_session_id(&self, website: usize, index: usize) -> String {
        format!("session_{:08x}-5eed-4c0e-8000-{:012x}", website, index)
    }

    /// The session id of the first seeded conversation of the first website.
    pub fn session_id(&self) -> String {
        self.seeded_session_id(0, 0)
    }
}

/// The stateful Crisp simulator. Cheap to share (`Send + Sync`); handlers are synchronous and
/// never hold the state lock across an await.
#[derive(Debug)]
pub struct CrispSim {
    config: CrispConfig,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    writes: BTreeMap<String, u64>,
}

impl CrispSim {
    /// Builds a simulator seeded from `config`.
    pub fn new(config: CrispConfig) -> CrispSim {
        CrispSim {
            config,
            state: Mutex::new(State::default()),
        }
    }

    /// The configuration the simulator was built with.
    pub fn config(&self) -> &CrispConfig {
        &self.config
    }

    /// Answers one request; `ex.path` is what follows `/v1`.
    pub fn handle(&self, ex: &Exchange) -> Reply {
        let _ = ex;
        Reply::json(
            http::StatusCode::NOT_FOUND,
            &serde_json::json!({"error": true, "reason": "not_found", "data": {"message": "the route does not exist"}}),
        )
    }

    /// A stable name for the route `ex` hits (e.g. `website/conversation/messages`), for per-route
    /// rate limits and fault scripts; `unknown` when no route matches.
    pub fn route_class(ex: &Exchange) -> &'static str {
        let _ = ex;
        "unknown"
    }

    /// How many times each logical write was applied (e.g. `message:<fingerprint>`,
    /// `conversation:create:<n>`).
    pub fn write_counts(&self) -> BTreeMap<String, u64> {
        match self.state.lock() {
            Ok(state) => state.writes.clone(),
            Err(poisoned) => poisoned.into_inner().writes.clone(),
        }
    }

    /// The hex HMAC-SHA256 of `[timestamp;body]` keyed with `secret`, as Crisp signs web hooks
    /// (`X-Crisp-Signature`).
    pub fn sign_webhook(secret: &[u8], timestamp: &str, body: &[u8]) -> String {
        let _ = (secret, timestamp, body);
        String::new()
    }

    /// A web hook body `{website_id, event, data, timestamp}` for `event`.
    pub fn webhook_body(&self, event: &str, website_id: &str, data: serde_json::Value) -> Vec<u8> {
        serde_json::json!({"website_id": website_id, "event": event, "data": data, "timestamp": self.config.epoch_ms})
            .to_string()
            .into_bytes()
    }
}
