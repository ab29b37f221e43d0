//! Key names: a prefix, a hash tag per vendor and token, and a fingerprint instead of the token.

use crate::meta::RateKey;
use sha2::{Digest, Sha256};

/// The prefix every key starts with unless configured otherwise.
pub const DEFAULT_PREFIX: &str = "chatdesk";

/// How many bytes of the SHA-256 of the token id name a token (16 hex digits).
const FINGERPRINT_BYTES: usize = 8;

/// The short fingerprint that stands for a token id in key names: the first 8 bytes of its
/// SHA-256, in hex. Neither the id nor a credential ever reaches Redis.
pub(super) fn fingerprint(token_id: &str) -> String {
    let digest = Sha256::digest(token_id.as_bytes());
    digest[..FINGERPRINT_BYTES]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The names of one token's keys.
///
/// `<prefix>:{<vendor>:<fingerprint>}:gcra` (the vendor quota),
/// `…:gcra:<class>` (the route), `…:pause:<class>` (the shared pause) and `…:day` (the daily
/// quota's counts). The braces are a
/// Redis Cluster hash tag: one token's keys share a slot, so one script may touch them all.
#[derive(Debug, Clone)]
pub(super) struct Keys {
    prefix: String,
    fingerprint: String,
}

impl Keys {
    pub(super) fn new(prefix: &str, token_id: &str) -> Keys {
        Keys {
            prefix: prefix.to_owned(),
            fingerprint: fingerprint(token_id),
        }
    }

    pub(super) fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    fn base(&self, vendor: &str) -> String {
        format!("{}:{{{vendor}:{}}}", self.prefix, self.fingerprint)
    }

    /// The vendor quota's TAT.
    pub(super) fn vendor_tat(&self, key: RateKey) -> String {
        format!("{}:gcra", self.base(key.vendor))
    }

    /// The route's TAT.
    pub(super) fn route_tat(&self, key: RateKey) -> String {
        format!("{}:gcra:{}", self.base(key.vendor), key.class)
    }

    /// The vendor's daily counts.
    pub(super) fn day(&self, vendor: &str) -> String {
        format!("{}:day", self.base(vendor))
    }

    /// The route's shared pause.
    pub(super) fn pause(&self, key: RateKey) -> String {
        format!("{}:pause:{}", self.base(key.vendor), key.class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_carry_a_fingerprint_and_one_hash_tag_per_token() {
        let keys = Keys::new("app", "token-id-1");
        let k = RateKey::new("crisp", "messages");
        let fp = fingerprint("token-id-1");
        assert_eq!(fp.len(), 16);
        assert_ne!(fp, fingerprint("token-id-2"));
        assert_eq!(keys.vendor_tat(k), format!("app:{{crisp:{fp}}}:gcra"));
        assert_eq!(
            keys.route_tat(k),
            format!("app:{{crisp:{fp}}}:gcra:messages")
        );
        assert_eq!(keys.pause(k), format!("app:{{crisp:{fp}}}:pause:messages"));
        assert_eq!(keys.day("crisp"), format!("app:{{crisp:{fp}}}:day"));
        assert!(!keys.pause(k).contains("token-id-1"));
    }
}
