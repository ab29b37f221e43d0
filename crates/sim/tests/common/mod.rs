//! Raw-HTTP helpers shared by the simulator's tests: requests are written byte for byte on a
//! `TcpStream` and answers parsed by hand, so the tests see exactly what a client would.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use chatdesk_sim::Sim;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Every network step of a test is bounded by this.
pub const STEP: Duration = Duration::from_secs(10);

/// A parsed answer.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    /// `meta.error` of a Carrot envelope.
    pub fn carrot_error(&self) -> String {
        self.json()["meta"]["error"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }
    /// The status and `meta.error` of a Carrot envelope, to compare with a refusal.
    pub fn carrot_refusal(&self) -> (u16, String) {
        (self.status, self.carrot_error())
    }
}

/// The `id` of every object in the JSON array `list`.
pub fn ids(list: &Value) -> Vec<u64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_u64().unwrap())
        .collect()
}

/// The value of header `name` (any case) in an HTTP head, trimmed.
pub fn head_header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        k.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// Writes `raw` on a fresh connection and reads until the server closes it.
pub async fn exchange_raw(addr: SocketAddr, raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut s = tokio::time::timeout(STEP, TcpStream::connect(addr)).await??;
    tokio::time::timeout(STEP, s.write_all(raw)).await??;
    let mut out = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        match tokio::time::timeout(STEP, s.read(&mut buf)).await? {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if out.is_empty() => return Err(e),
            Err(_) => break,
        }
    }
    Ok(out)
}

/// Parses one HTTP/1.1 answer; `Err` when it is missing or shorter than announced.
pub fn parse(raw: &[u8]) -> Result<Resp, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no complete head in {} bytes", raw.len()))?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| "head is not UTF-8".to_string())?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let get = |n: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.clone())
    };
    let body = if let Some(len) = get("content-length") {
        let len: usize = len.parse().map_err(|_| "bad content-length".to_string())?;
        if rest.len() < len {
            return Err(format!("truncated body: {} of {len} bytes", rest.len()));
        }
        rest[..len].to_vec()
    } else if get("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        let mut body = Vec::new();
        let mut r = rest;
        loop {
            let nl = r.windows(2).position(|w| w == b"\r\n").ok_or("bad chunk")?;
            let size = usize::from_str_radix(
                std::str::from_utf8(&r[..nl])
                    .map_err(|_| "bad chunk")?
                    .trim(),
                16,
            )
            .map_err(|_| "bad chunk size")?;
            r = &r[nl + 2..];
            if size == 0 {
                break;
            }
            if r.len() < size + 2 {
                return Err("truncated chunk".into());
            }
            body.extend_from_slice(&r[..size]);
            r = &r[size + 2..];
        }
        body
    } else {
        rest.to_vec()
    };
    Ok(Resp {
        status,
        headers,
        body,
    })
}

/// Sends one request (`Connection: close`) and parses the answer.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Resp, String> {
    let mut raw = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        raw.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" || method == "DELETE" {
        raw.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    raw.push_str("\r\n");
    let mut bytes = raw.into_bytes();
    bytes.extend_from_slice(body);
    let answer = exchange_raw(addr, &bytes)
        .await
        .map_err(|e| format!("i/o: {e}"))?;
    if answer.is_empty() {
        return Err("connection closed without an answer".into());
    }
    parse(&answer)
}

/// `GET` `path` with no header of our own.
pub async fn bare_get(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, &[], b"")
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

pub fn token_header(sim: &Sim) -> String {
    format!("Token {}", sim.carrot_token())
}

/// Sends `body` as `content_type` with `method` and the token header to a Carrot path.
pub async fn carrot_send(
    sim: &Sim,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> Resp {
    let auth = token_header(sim);
    let headers = [
        ("Authorization", auth.as_str()),
        ("Content-Type", content_type),
    ];
    request(sim.addr(), method, path, &headers, body)
        .await
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

/// `GET` a Carrot path (no version prefix unless given) with the token header.
pub async fn carrot_get(sim: &Sim, path: &str) -> Resp {
    let auth = token_header(sim);
    request(sim.addr(), "GET", path, &[("Authorization", &auth)], b"")
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// Form-encodes `fields` and sends them with `method`.
pub async fn carrot_form(sim: &Sim, method: &str, path: &str, fields: &[(&str, &str)]) -> Resp {
    let body = serde_urlencoded::to_string(fields).expect("encodable");
    carrot_send(sim, method, path, FORM, body.as_bytes()).await
}

/// The content type of a form body.
pub const FORM: &str = "application/x-www-form-urlencoded";

pub async fn carrot_post(sim: &Sim, path: &str, fields: &[(&str, &str)]) -> Resp {
    carrot_form(sim, "POST", path, fields).await
}

/// Builds a multipart body; a field with `Some(filename)` is a file part.
pub fn multipart(boundary: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, file, data) in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => out.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: text/csv\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => out.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        out.extend_from_slice(data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

pub async fn carrot_multipart(
    sim: &Sim,
    path: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> Resp {
    let body = multipart("----chatdeskBoundary7MA4YWxk", parts);
    let content_type = "multipart/form-data; boundary=----chatdeskBoundary7MA4YWxk";
    carrot_send(sim, "POST", path, content_type, &body).await
}

/// A loopback web hook receiver at `path` (with any query): it answers each request with
/// `status` and hands over its head (as received) and body.
pub async fn hook_receiver(
    path: &str,
    status: u16,
) -> (
    String,
    tokio::sync::mpsc::UnboundedReceiver<(String, Vec<u8>)>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}{path}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 8192];
                loop {
                    let Ok(n) = s.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                        continue;
                    };
                    let head = String::from_utf8_lossy(&buf[..end]).to_string();
                    let len: usize = head_header(&head, "content-length")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    if buf.len() < end + 4 + len {
                        continue;
                    }
                    let body = buf[end + 4..end + 4 + len].to_vec();
                    let _ = tx.send((head, body));
                    let resp = format!(
                        "HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    );
                    let _ = s.write_all(resp.as_bytes()).await;
                    return;
                }
            });
        }
    });
    (url, rx)
}

/// Asserts a 200 Carrot envelope and returns `data`.
pub fn ok_data(r: &Resp) -> Value {
    assert_eq!(
        r.status,
        200,
        "status {} body {}",
        r.status,
        String::from_utf8_lossy(&r.body)
    );
    let v = r.json();
    assert_eq!(v["meta"]["status"], 200, "{v}");
    assert!(v.get("data").is_some(), "{v}");
    v["data"].clone()
}

/// The `chatdesk-sim` binary started by [`start_binary`]; killed when dropped, even when the
/// test fails.
pub struct Binary(pub std::process::Child);

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the `chatdesk-sim` binary with `args` and reads its start-up line (within [`STEP`]).
pub async fn start_binary(args: &[&str]) -> (Binary, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let child = Command::new(env!("CARGO_BIN_EXE_chatdesk-sim"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut child = Binary(child);
    let stdout = child.0.stdout.take().expect("stdout");
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).map(|_| line)
    });
    let line = tokio::time::timeout(STEP, line)
        .await
        .expect("start-up line within the deadline")
        .expect("join")
        .expect("read");
    (child, line)
}
