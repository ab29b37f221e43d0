//! The Crisp side over real HTTP: requests are written byte for byte on a TCP socket to a running
//! [`Sim`], so these tests see what a client sees (status line, headers, envelope).

use std::net::SocketAddr;
use std::time::Duration;

use base64::Engine as _;
use chatdesk_sim::{CrispConfig, Sim};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const STEP: Duration = Duration::from_secs(10);

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

async fn raw(addr: SocketAddr, request: &[u8]) -> Resp {
    let mut s = tokio::time::timeout(STEP, TcpStream::connect(addr))
        .await
        .unwrap()
        .unwrap();
    tokio::time::timeout(STEP, s.write_all(request))
        .await
        .unwrap()
        .unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(STEP, s.read_to_end(&mut out))
        .await
        .unwrap()
        .unwrap();
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a full head");
    let head = String::from_utf8_lossy(&out[..split]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = out[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        let mut decoded = Vec::new();
        let mut rest = &body[..];
        while let Some(pos) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[..pos]).trim(), 16)
                .unwrap_or(0);
            if size == 0 {
                break;
            }
            decoded.extend_from_slice(&rest[pos + 2..pos + 2 + size]);
            rest = &rest[pos + 2 + size + 2..];
        }
        body = decoded;
    }
    Resp {
        status,
        headers,
        body,
    }
}

struct Client {
    addr: SocketAddr,
    auth: String,
    tier: String,
}

impl Client {
    fn new(sim: &Sim) -> Client {
        let c = sim.crisp_credentials();
        let auth =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", c.identifier, c.key));
        Client {
            addr: sim.addr(),
            auth: format!("Basic {auth}"),
            tier: c.tier.as_str().to_owned(),
        }
    }

    async fn send(&self, method: &str, target: &str, body: Option<&[u8]>) -> Resp {
        let mut req = format!(
            "{method} /v1{target} HTTP/1.1\r\nHost: {}\r\nAuthorization: {}\r\nX-Crisp-Tier: {}\r\nUser-Agent: node-crisp-api/11.3.0\r\nConnection: close\r\n",
            self.addr, self.auth, self.tier
        )
        .into_bytes();
        if let Some(b) = body {
            req.extend_from_slice(
                format!(
                    "Content-Type: application/json\r\nContent-Length: {}\r\n",
                    b.len()
                )
                .as_bytes(),
            );
        }
        req.extend_from_slice(b"\r\n");
        if let Some(b) = body {
            req.extend_from_slice(b);
        }
        raw(self.addr, &req).await
    }
}

async fn start() -> Sim {
    Sim::builder()
        .crisp_config(CrispConfig {
            conversations_per_website: 30,
            messages_per_conversation: 25,
            ..CrispConfig::default()
        })
        .start()
        .await
        .expect("the simulator starts")
}

#[tokio::test]
async fn send_then_list_over_http_with_percent_encoded_ids() {
    let sim = start().await;
    let c = Client::new(&sim);
    let w = sim.crisp_website_id();
    let created = c
        .send("POST", &format!("/website/{w}/conversation"), Some(b"{}"))
        .await;
    assert_eq!(created.status, 200);
    assert!(
        created
            .header("content-type")
            .is_some_and(|v| v.starts_with("application/json"))
    );
    let sid = created.json()["data"]["session_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A good client percent-encodes ids; the simulator decodes per segment.
    let enc = sid.replace('_', "%5F");
    let body = json!({"type": "text", "from": "operator", "origin": "chat", "content": "Bonjour ! Ça va ?", "fingerprint": 4242}).to_string();
    let sent = c
        .send(
            "POST",
            &format!("/website/{w}/conversation/{enc}/message"),
            Some(body.as_bytes()),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", String::from_utf8_lossy(&sent.body));
    let env = sent.json();
    assert_eq!(
        (env["error"].as_bool(), env["data"]["fingerprint"].as_i64()),
        (Some(false), Some(4242))
    );
    let listed = c
        .send(
            "GET",
            &format!("/website/{w}/conversation/{enc}/messages"),
            None,
        )
        .await
        .json();
    assert_eq!(listed["data"][0]["content"], "Bonjour ! Ça va ?");
    let page = c
        .send(
            "GET",
            &format!("/website/{w}/conversations/1?per_page=20"),
            None,
        )
        .await
        .json();
    assert_eq!(page["data"][0]["session_id"], json!(sid));
    assert_eq!(sim.write_count("crisp:message:4242"), 1);
    assert_eq!(sim.write_count("crisp:conversation:create:1"), 1);
    sim.shutdown().await;
}

#[tokio::test]
async fn errors_and_head_answers_over_http() {
    let sim = start().await;
    let c = Client::new(&sim);
    let w = sim.crisp_website_id();
    let s = sim.crisp_config().session_id();
    let unknown = c.send("GET", "/website/x/nothing/here", None).await;
    assert_eq!(
        (
            unknown.status,
            unknown.json()["reason"].as_str().map(str::to_owned)
        ),
        (404, Some("not_found".to_owned()))
    );
    let bad = c
        .send(
            "POST",
            &format!("/website/{w}/conversation/{s}/message"),
            Some(b"{\"type\":"),
        )
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["reason"], "invalid_data");
    assert!(bad.json()["data"]["message"].is_string());
    let head = c
        .send("HEAD", &format!("/website/{w}/conversation/{s}"), None)
        .await;
    assert_eq!((head.status, head.body.len()), (200, 0));
    let missing = c
        .send(
            "HEAD",
            &format!("/website/{w}/conversation/session_nope"),
            None,
        )
        .await;
    assert_eq!((missing.status, missing.body.len()), (404, 0));
    let forbidden = c
        .send(
            "POST",
            "/website",
            Some(br#"{"name":"A","domain":"a.example.com"}"#),
        )
        .await;
    assert_eq!(
        (
            forbidden.status,
            forbidden.json()["reason"].as_str().map(str::to_owned)
        ),
        (403, Some("restricted_route_tier".to_owned()))
    );
    let anonymous = raw(sim.addr(), format!("GET /v1/website/{w} HTTP/1.1\r\nHost: x\r\nX-Crisp-Tier: plugin\r\nConnection: close\r\n\r\n").as_bytes()).await;
    assert_eq!(anonymous.status, 401);
    assert_eq!(anonymous.json()["error"], true);
    sim.shutdown().await;
}
