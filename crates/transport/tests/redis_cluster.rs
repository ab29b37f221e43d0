//! `RedisRateLimiter` on a one-node Redis Cluster the tests start themselves
//! (`support/redis_server.rs`: `cluster-enabled`, every slot added, `cluster_state:ok`): the
//! shared quota and daily-quota tables and pause sharing (`support/redis_tables.rs`, the same
//! checks as on one server), every key of a token in one slot, and scripts reloaded after
//! `SCRIPT FLUSH`.
//!
//! Skipped with a notice when `redis-server` is not installed, failed under
//! `CHATDESK_REQUIRE_REDIS=1`. Run: `cargo test -p chatdesk-transport --features
//! redis-cluster --test redis_cluster`.
#![cfg(feature = "redis-cluster")]

#[path = "support/daily_cases.rs"]
mod daily_cases;
#[path = "support/quota_cases.rs"]
mod quota_cases;
#[path = "support/redis_server.rs"]
mod redis_server;
#[path = "support/redis_tables.rs"]
mod redis_tables;

use chatdesk_transport::ratelimit::redis::RedisRateLimiterBuilder;
use chatdesk_transport::{DailyQuota, Error, FailurePolicy, Quota, RateLimiter, RedisRateLimiter};
use quota_cases::KEY;
use redis_server::{RedisServer, text};
use std::time::Duration;

fn builder(server: &RedisServer, token: &str) -> RedisRateLimiterBuilder {
    RedisRateLimiter::cluster_builder([server.seed()]).token_id(token)
}

fn all_keys(server: &RedisServer) -> Vec<String> {
    match server.query(&["KEYS", "*"]).unwrap() {
        redis::Value::Array(keys) => keys.into_iter().map(text).collect(),
        other => panic!("KEYS answered {other:?}"),
    }
}

#[tokio::test]
async fn cluster_follows_the_quota_table() {
    let Some(server) = RedisServer::start_cluster() else {
        return;
    };
    redis_tables::quota_table(|token| builder(&server, token)).await;
}

#[tokio::test]
async fn cluster_follows_the_daily_quota_table() {
    let Some(server) = RedisServer::start_cluster() else {
        return;
    };
    redis_tables::daily_table(|token| builder(&server, token)).await;
}

#[tokio::test]
async fn a_refusal_pauses_every_worker_on_the_cluster() {
    let Some(server) = RedisServer::start_cluster() else {
        return;
    };
    redis_tables::pause_reaches_every_worker(|token| builder(&server, token)).await;
}

/// Every key one token's requests, refusals and daily quota write hashes to one slot (the
/// script touching them all may run on a cluster), and it is the slot of the token's tag.
#[tokio::test]
async fn every_key_of_a_token_is_in_one_cluster_slot() {
    let Some(server) = RedisServer::start_cluster() else {
        return;
    };
    let limiter = builder(&server, "one-slot-token")
        .vendor_quota("crisp", Quota::per_second(10, 5))
        .key_quota(KEY, Quota::per_second(5, 2))
        .daily_quota("crisp", DailyQuota::rolling(1000))
        .failure_policy(FailurePolicy::FailClosed)
        .build()
        .unwrap();
    limiter.acquire(KEY).await.unwrap();
    limiter
        .pause_at(KEY, Duration::from_secs(5), None)
        .await
        .unwrap();
    let keys = all_keys(&server);
    let fp = limiter.fingerprint().to_owned();
    let tag_slot = text(
        server
            .query(&["CLUSTER", "KEYSLOT", &format!("{{crisp:{fp}}}")])
            .unwrap(),
    );
    // The vendor and route pacing, the route's pause, the daily counts.
    for suffix in [":gcra", ":gcra:messages", ":pause:messages", ":day"] {
        assert!(
            keys.iter().any(|k| k.ends_with(suffix) && k.contains(&fp)),
            "no {suffix} key in {keys:?}"
        );
    }
    for key in &keys {
        assert!(key.contains(&fp), "{key} is not the token's");
        let slot = text(server.query(&["CLUSTER", "KEYSLOT", key]).unwrap());
        assert_eq!(slot, tag_slot, "{key} is in another slot");
    }
}

/// `calls` of one command in `INFO commandstats` (`cmdstat_<name>:calls=N,…`), 0 if absent.
fn calls(server: &RedisServer, name: &str) -> u64 {
    let info = text(server.query(&["INFO", "commandstats"]).unwrap());
    let prefix = format!("cmdstat_{name}:calls=");
    info.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map_or(0, |rest| rest.split(',').next().unwrap().parse().unwrap())
}

/// After `SCRIPT FLUSH` (as after a restart or a fail-over), `EVALSHA` answers `NOSCRIPT` and
/// the limiter loads the script once and runs it again: every request is decided by Redis,
/// with no failure counted (fail closed, so a failure would have been an error).
#[tokio::test]
async fn scripts_flushed_from_the_cluster_are_loaded_again() {
    let Some(server) = RedisServer::start_cluster() else {
        return;
    };
    let limiter = builder(&server, "flushed")
        .vendor_quota("crisp", Quota::per_second(100, 10))
        .failure_policy(FailurePolicy::FailClosed)
        .build()
        .unwrap();
    limiter.acquire(KEY).await.unwrap();
    server.query(&["SCRIPT", "FLUSH"]).unwrap();
    server.query(&["CONFIG", "RESETSTAT"]).unwrap();
    for _ in 0..3 {
        limiter.acquire(KEY).await.unwrap();
    }
    // One NOSCRIPT, one load, then the hash again for the retried and the later requests.
    assert_eq!(calls(&server, "script|load"), 1);
    assert_eq!(calls(&server, "evalsha"), 4);
    let stats = limiter.stats();
    assert_eq!(stats.redis_decisions, 4, "{stats:?}");
    assert_eq!(stats.redis_failures, 0, "{stats:?}");
    assert_eq!(stats.refused_unavailable, 0, "{stats:?}");
}

/// A cluster needs a seed, and a bad seed list is reported without its URLs (they may hold a
/// password). Needs no server.
#[test]
fn a_cluster_needs_seeds_and_a_bad_seed_is_not_echoed() {
    let none: [&str; 0] = [];
    let err = RedisRateLimiter::cluster_builder(none)
        .token_id("t")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    let err = RedisRateLimiter::cluster_builder(["redis://:hunter2@127.0.0.1:1", "hunter2://x"])
        .token_id("t")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("hunter2"));
    let builder = RedisRateLimiter::cluster_builder(["redis://:hunter2@127.0.0.1:1"]).token_id("t");
    assert!(!format!("{builder:?}").contains("hunter2"));
}
