//! Where the limiter's commands go: one Redis server or a Redis Cluster, behind one type.
//!
//! redis-rs's [`ConnectionManager`] reconnects to one server and does not follow a cluster's
//! slots; its cluster connection does. [`Conn`] is either, and is what the scripts run on:
//! [`redis::Script`]'s `EVALSHA`-then-load-on-`NOSCRIPT` works on any connection, and on a
//! cluster the `EVALSHA` goes to the node that owns the first key's slot while `SCRIPT LOAD`
//! goes to every primary.

use redis::aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig};
use redis::{Cmd, Pipeline, RedisFuture, RedisResult, Value};
use std::time::Duration;

/// Bounds the connection keeps for itself. The limiter's own timeout bounds every round
/// trip; these only stop a dead connection from being held longer than that.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(1);
const RETRIES: u32 = 3;

/// What the limiter connects to, checked when it is built; nothing is connected yet. There is
/// one per limiter, behind its `Arc`, so the variants' difference in size does not matter.
#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub(super) enum Source {
    Single(redis::Client),
    #[cfg(feature = "redis-cluster")]
    Cluster(redis::cluster::ClusterClient),
}

impl Source {
    /// One server at `url`.
    pub(super) fn single(url: &str) -> RedisResult<Source> {
        redis::Client::open(url).map(Source::Single)
    }

    /// A cluster reached through any of `seeds` (node URLs).
    #[cfg(feature = "redis-cluster")]
    pub(super) fn cluster(seeds: &[String]) -> RedisResult<Source> {
        redis::cluster::ClusterClient::builder(seeds.iter().map(String::as_str))
            .connection_timeout(CONNECT_TIMEOUT)
            .response_timeout(RESPONSE_TIMEOUT)
            .retries(RETRIES)
            .build()
            .map(Source::Cluster)
    }

    /// The shared connection. Must run inside a Tokio runtime (both kinds spawn a task).
    pub(super) async fn connect(&self) -> RedisResult<Conn> {
        match self {
            Source::Single(client) => {
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(CONNECT_TIMEOUT))
                    .set_response_timeout(Some(RESPONSE_TIMEOUT))
                    .set_number_of_retries(RETRIES as usize);
                ConnectionManager::new_with_config(client.clone(), config)
                    .await
                    .map(Conn::Single)
            }
            #[cfg(feature = "redis-cluster")]
            Source::Cluster(client) => client.get_async_connection().await.map(Conn::Cluster),
        }
    }
}

/// A handle on the shared connection; cheap to clone (both kinds are handles on a task).
#[derive(Clone)]
pub(super) enum Conn {
    Single(ConnectionManager),
    #[cfg(feature = "redis-cluster")]
    Cluster(redis::cluster_async::ClusterConnection),
}

impl ConnectionLike for Conn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            Conn::Single(c) => c.req_packed_command(cmd),
            #[cfg(feature = "redis-cluster")]
            Conn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            Conn::Single(c) => c.req_packed_commands(pipeline, offset, count),
            #[cfg(feature = "redis-cluster")]
            Conn::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Conn::Single(c) => c.get_db(),
            #[cfg(feature = "redis-cluster")]
            Conn::Cluster(c) => c.get_db(),
        }
    }
}
