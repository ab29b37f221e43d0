//! A `redis-server` of the test's own: a free loopback port, persistence off, a temporary
//! directory, killed (and waited for) on drop.
//!
//! The binary is `$CHATDESK_REDIS_SERVER`, else `redis-server` on the `PATH`. When there is
//! none, [`RedisServer::start`] prints a notice and returns `None` (the test skips), unless
//! `CHATDESK_REQUIRE_REDIS=1`, where it panics (CI sets it).
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub struct RedisServer {
    child: Child,
    port: u16,
    dir: PathBuf,
    cluster: bool,
}

fn binary() -> String {
    std::env::var("CHATDESK_REDIS_SERVER").unwrap_or_else(|_| "redis-server".to_owned())
}

/// A reply that is a string or an integer, as text.
pub fn text(v: redis::Value) -> String {
    match v {
        redis::Value::BulkString(b) => String::from_utf8(b).unwrap(),
        redis::Value::SimpleString(s) => s,
        redis::Value::VerbatimString { text, .. } => text,
        redis::Value::Int(i) => i.to_string(),
        other => panic!("unexpected reply {other:?}"),
    }
}

fn required() -> bool {
    std::env::var("CHATDESK_REQUIRE_REDIS").is_ok_and(|v| v == "1")
}

fn free_port() -> u16 {
    // Bind port 0, read the port, let it go: another process may take it before
    // redis-server does, so `start` tries a few.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

impl RedisServer {
    /// A fresh server, or `None` (after a printed notice) when no `redis-server` is installed.
    pub fn start() -> Option<RedisServer> {
        Self::start_as(false)
    }

    /// A fresh one-node Redis Cluster (`cluster-enabled`, its config file in the temporary
    /// directory) owning every slot, once `CLUSTER INFO` says `cluster_state:ok`; `None` as
    /// for [`start`](Self::start).
    pub fn start_cluster() -> Option<RedisServer> {
        let server = Self::start_as(true)?;
        server
            .query(&["CLUSTER", "ADDSLOTSRANGE", "0", "16383"])
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let info = text(server.query(&["CLUSTER", "INFO"]).unwrap());
            if info.contains("cluster_state:ok") {
                return Some(server);
            }
            assert!(
                Instant::now() < deadline,
                "the one-node cluster did not reach cluster_state:ok within 10 s:\n{info}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn start_as(cluster: bool) -> Option<RedisServer> {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "chatdesk-redis-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        for _ in 0..3 {
            match Self::spawn(free_port(), &dir, cluster) {
                Ok(Some(server)) => return Some(server),
                Ok(None) => continue, // lost the port race: the child exited
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let _ = std::fs::remove_dir_all(&dir);
                    assert!(
                        !required(),
                        "CHATDESK_REQUIRE_REDIS=1 but `{}` was not found",
                        binary()
                    );
                    eprintln!(
                        "skipped: no `{}` (install redis-server or set CHATDESK_REDIS_SERVER)",
                        binary()
                    );
                    return None;
                }
                Err(e) => panic!("could not start {}: {e}", binary()),
            }
        }
        panic!("redis-server did not start on any of three ports");
    }

    fn spawn(port: u16, dir: &PathBuf, cluster: bool) -> std::io::Result<Option<RedisServer>> {
        Ok(spawn_child(port, dir, cluster)?.map(|child| RedisServer {
            child,
            port,
            dir: dir.clone(),
            cluster,
        }))
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// The node's URL as a cluster seed (no database: a cluster has only 0).
    pub fn seed(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// One command on a connection of its own (blocking).
    pub fn query(&self, args: &[&str]) -> redis::RedisResult<redis::Value> {
        let client = redis::Client::open(self.url())?;
        let mut conn = client.get_connection_with_timeout(Duration::from_secs(2))?;
        let mut cmd = redis::cmd(args[0]);
        for a in &args[1..] {
            cmd.arg(*a);
        }
        cmd.query(&mut conn)
    }

    /// Sends `signal` (`STOP`, `CONT`, `KILL`) to the server process.
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success(), "kill -{signal} failed");
    }

    /// Kills the server (SIGKILL) and waits for it to exit.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// A new server process on the same port (empty: no data, no scripts).
    pub fn restart(&mut self) {
        self.kill();
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(child) = spawn_child(self.port, &self.dir, self.cluster).unwrap() {
                self.child = child;
                return;
            }
            assert!(Instant::now() < deadline, "redis-server did not restart");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Starts `redis-server` on `port` (a cluster node when `cluster`) and waits (at most 5 s)
/// until it answers PING; `None` when it exited first (the port was taken).
fn spawn_child(port: u16, dir: &PathBuf, cluster: bool) -> std::io::Result<Option<Child>> {
    let mut command = Command::new(binary());
    command
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .arg("--dir")
        .arg(dir)
        .arg("--logfile")
        .arg(dir.join("redis.log"));
    if cluster {
        command
            .args(["--cluster-enabled", "yes", "--cluster-config-file"])
            .arg(dir.join(format!("nodes-{port}.conf")));
    }
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if child.try_wait()?.is_some() {
            return Ok(None);
        }
        if ping(port) {
            return Ok(Some(child));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("redis-server on port {port} did not answer PING within 5 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether a server on `port` answers `PING` with `PONG` (not `-LOADING`).
fn ping(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut buf = [0u8; 16];
    stream.write_all(b"PING\r\n").is_ok()
        && stream
            .read(&mut buf)
            .is_ok_and(|n| buf[..n].starts_with(b"+PONG"))
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-CONT")
            .arg(self.child.id().to_string())
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
