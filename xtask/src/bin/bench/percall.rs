//! Part 1: client CPU and throughput per request, chatdesk against a bare hyper-util client.
//!
//! A minimal HTTP server on its own thread answers every request with a fixed envelope (a Crisp
//! conversation, or a Carrot conversation). The clients run on a current-thread runtime on the
//! calling thread, so the CPU time of that one thread is the whole client cost (connection tasks
//! run there too; the server's CPU is not counted).

use crate::sys::thread_cpu_ns;
use bytes::Bytes;
use chatdesk::carrot::CarrotClient;
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use http::{Request, Response};
use http_body_util::{BodyExt, Full};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct Row {
    pub client: &'static str,
    pub concurrency: usize,
    pub per_sec: f64,
    pub cpu_us: f64,
}

const CRISP_CONVERSATION: &str = r#"{"error":false,"reason":"resolved","data":{"session_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881","website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","inbox_id":null,"people_id":"c5d5e1ea-bd6c-4c72-8e53-1d6ad3c1b9a1","state":"resolved","status":2,"is_verified":true,"is_blocked":false,"availability":"offline","active":{"now":false,"last":1506985696616},"last_message":"Thanks, that fixed it!","preview_message":{"type":"text","from":"user","excerpt":"Thanks, that fixed it!","fingerprint":150698569649423},"topic":"Billing question","participants":[{"type":"email","target":"ada@example.com"}],"mentions":[],"compose":{"operator":{"type":"stop","excerpt":"","timestamp":1506985696616,"user":{"user_id":"a4c32c68-be91-4e29-8a05-976e93abbe3f","nickname":"Baptiste","avatar":"https://example.com/a.png"}}},"unread":{"operator":0,"visitor":1},"assigned":{"user_id":"a4c32c68-be91-4e29-8a05-976e93abbe3f"},"meta":{"nickname":"Ada Lovelace","email":"ada@example.com","phone":"+44 20 7946 0958","ip":"203.0.113.7","avatar":"https://example.com/u.png","data":{"plan":"enterprise","seats":42},"subject":"Invoice","segments":["customer","vip"],"device":{"capabilities":["browsing","call"],"geolocation":{"country":"GB","region":"England","city":"London","coordinates":{"latitude":51.5,"longitude":-0.12}},"system":{"os":{"version":"14","name":"Mac OS"},"engine":{"version":"605","name":"WebKit"},"browser":{"major":"17","version":"17.1","name":"Safari"},"useragent":"Mozilla/5.0"},"timezone":-60,"locales":["en","fr"]}},"created_at":1506985653127,"updated_at":1506985696616,"waiting_since":1506985696616}}"#;

/// The vendor's own example answer for `GET /conversations/{id}` (kept as a model fixture).
const CARROT_CONVERSATION: &str =
    include_str!("../../../../crates/model/tests/fixtures/carrot/conversations_get.json");

/// Starts the fixed-answer server on its own thread; returns its address.
fn start_server() -> Result<SocketAddr, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                return;
            };
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let _ = stream.set_nodelay(true);
                let svc =
                    hyper::service::service_fn(|req: Request<hyper::body::Incoming>| async move {
                        let body = if req.uri().path().starts_with("/v1/website") {
                            CRISP_CONVERSATION
                        } else {
                            CARROT_CONVERSATION
                        };
                        let mut resp =
                            Response::new(Full::new(Bytes::from_static(body.as_bytes())));
                        resp.headers_mut().insert(
                            http::header::CONTENT_TYPE,
                            http::HeaderValue::from_static("application/json"),
                        );
                        Ok::<_, std::convert::Infallible>(resp)
                    });
                tokio::spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), svc)
                        .await;
                });
            }
        });
    });
    Ok(addr)
}

/// Runs `n` calls of `call` with `c` in flight; returns (wall, client CPU).
async fn drive<F, Fut>(n: usize, c: usize, call: F) -> Result<(Duration, Duration), String>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let cpu0 = thread_cpu_ns().unwrap_or(0);
    let t0 = Instant::now();
    let mut tasks = Vec::with_capacity(c);
    for _ in 0..c {
        let (next, call) = (next.clone(), call.clone());
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, Ordering::Relaxed) < n {
                call().await?;
            }
            Ok::<(), String>(())
        }));
    }
    for t in tasks {
        t.await.map_err(|e| e.to_string())??;
    }
    let wall = t0.elapsed();
    let cpu = Duration::from_nanos(thread_cpu_ns().unwrap_or(0).saturating_sub(cpu0));
    Ok((wall, cpu))
}

/// The client of one row, built once per concurrency and driven in rounds.
enum Client {
    /// A bare hyper-util client, same pool settings as the transport, no decoding.
    Bare(chatdesk::transport::HyperClient, http::Uri),
    /// The bare client plus the typed decode the vendor call does.
    BareDecode(Vendor, chatdesk::transport::HyperClient, http::Uri),
    /// The chatdesk transport stack alone, no decoding.
    Transport(chatdesk::transport::Transport, http::Uri),
    /// chatdesk Crisp `get_conversation`, full stack and typed decode.
    Crisp(CrispClient),
    /// chatdesk Carrot `conversation(id).get()`, full stack and typed decode.
    Carrot(CarrotClient),
}

impl Client {
    /// `n` calls with `c` in flight: (wall, client CPU). Each variant drives its own closure,
    /// so no row pays for a boxed future the others do not.
    async fn drive(&self, n: usize, c: usize) -> Result<(Duration, Duration), String> {
        match self {
            Client::Bare(bare, uri) => {
                let (bare, uri) = (bare.clone(), uri.clone());
                drive(n, c, move || {
                    let (bare, uri) = (bare.clone(), uri.clone());
                    async move {
                        let req = Request::get(uri)
                            .body(Full::<Bytes>::default())
                            .map_err(|e| e.to_string())?;
                        let resp = bare.request(req).await.map_err(|e| e.to_string())?;
                        let body = resp
                            .into_body()
                            .collect()
                            .await
                            .map_err(|e| e.to_string())?;
                        if body.to_bytes().is_empty() {
                            return Err("empty body".into());
                        }
                        Ok(())
                    }
                })
                .await
            }
            &Client::BareDecode(vendor, ref bare, ref uri) => {
                let (bare, uri) = (bare.clone(), uri.clone());
                drive(n, c, move || {
                    let (bare, uri) = (bare.clone(), uri.clone());
                    async move {
                        let req = Request::get(uri)
                            .body(Full::<Bytes>::default())
                            .map_err(|e| e.to_string())?;
                        let resp = bare.request(req).await.map_err(|e| e.to_string())?;
                        let (parts, body) = resp.into_parts();
                        let body = body.collect().await.map_err(|e| e.to_string())?;
                        vendor.decode(Response::from_parts(parts, body.to_bytes()))
                    }
                })
                .await
            }
            Client::Transport(transport, uri) => {
                let (transport, uri) = (transport.clone(), uri.clone());
                drive(n, c, move || {
                    let (transport, uri) = (transport.clone(), uri.clone());
                    async move {
                        let req = Request::get(uri)
                            .body(chatdesk::transport::Body::default())
                            .map_err(|e| e.to_string())?;
                        let resp = transport.send(req).await.map_err(|e| e.to_string())?;
                        if resp.body().is_empty() {
                            return Err("empty body".into());
                        }
                        Ok(())
                    }
                })
                .await
            }
            Client::Crisp(crisp) => {
                let crisp = crisp.clone();
                drive(n, c, move || {
                    let crisp = crisp.clone();
                    async move {
                        let conv = crisp
                            .website("8c842203-7ed8-4e29-a608-7cf78a7d2fcc")
                            .conversation("session_700c65e1")
                            .get()
                            .await
                            .map_err(|e| e.to_string())?;
                        if conv.session_id.is_none() {
                            return Err("decoded no session_id".into());
                        }
                        Ok(())
                    }
                })
                .await
            }
            Client::Carrot(carrot) => {
                let carrot = carrot.clone();
                drive(n, c, move || {
                    let carrot = carrot.clone();
                    async move {
                        let conv = carrot
                            .conversation(7100586_u64)
                            .get()
                            .await
                            .map_err(|e| e.to_string())?;
                        let _ = conv;
                        Ok(())
                    }
                })
                .await
            }
        }
    }
}

/// The rows selected by `BENCH_ROWS`, each with a fresh client, in the report's order.
fn clients(addr: SocketAddr) -> Result<Vec<(&'static str, Client)>, String> {
    let crisp_url = format!("http://{addr}/v1");
    let bare_uri: http::Uri = format!(
        "{crisp_url}/website/8c842203-7ed8-4e29-a608-7cf78a7d2fcc/conversation/session_700c65e1"
    )
    .parse()
    .map_err(|e: http::uri::InvalidUri| e.to_string())?;
    let carrot_uri: http::Uri = format!("http://{addr}/v1/conversations/7100586")
        .parse()
        .map_err(|e: http::uri::InvalidUri| e.to_string())?;
    let hyper = || chatdesk::transport::hyper_client().map_err(|e| e.to_string());
    let mut rows = Vec::new();
    if selected("bare") {
        rows.push(("bare hyper-util", Client::Bare(hyper()?, bare_uri.clone())));
    }
    // The honest limit for a typed client: one row per vendor, each decoding that vendor's model.
    for vendor in [Vendor::Crisp, Vendor::Carrot] {
        if selected(vendor.bare_key()) {
            let uri = match vendor {
                Vendor::Crisp => bare_uri.clone(),
                Vendor::Carrot => carrot_uri.clone(),
            };
            rows.push((vendor.bare_row(), Client::BareDecode(vendor, hyper()?, uri)));
        }
    }
    // Separates the stack's cost (retry, limiter, timeouts, body cap, tracing) from the decode's.
    if selected("transport") {
        rows.push((
            "chatdesk transport only (no decode)",
            Client::Transport(chatdesk::transport::Transport::default(), bare_uri.clone()),
        ));
    }
    if selected("crisp") {
        let crisp = CrispClient::builder()
            .credentials(Credentials::new("id", "key", Tier::Plugin))
            .base_url(crisp_url.clone())
            .build()
            .map_err(|e| e.to_string())?;
        rows.push(("chatdesk crisp get_conversation", Client::Crisp(crisp)));
    }
    // The default client-side pace is turned off so the stack, not the quota, is measured.
    if selected("carrot") {
        let carrot = CarrotClient::builder()
            .token("app.1.bench")
            .base_url(crisp_url)
            .quota(None)
            .build()
            .map_err(|e| e.to_string())?;
        rows.push(("chatdesk carrot conversation.get", Client::Carrot(carrot)));
    }
    Ok(rows)
}

/// `requests` calls per row at concurrency 1 and 32, each row's calls split into `rounds`
/// rounds: every round runs each row once, in the report's order and, every other round, in
/// the reverse order. A row's figures are its totals over all rounds, so a row and the row it
/// is compared with are measured side by side throughout rather than minutes apart: a slow
/// spell of the machine (this VM's timings drift by 2× and more within minutes) falls on both.
/// Each client first makes 200 warm-up calls, one at a time.
pub fn run(requests: usize, rounds: usize) -> Result<Vec<Row>, String> {
    let addr = start_server()?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let rounds = rounds.clamp(1, requests.max(1));
    let per_round = requests / rounds;
    rt.block_on(async move {
        let mut rows = Vec::new();
        for c in [1usize, 32] {
            let clients = clients(addr)?;
            for (_, client) in &clients {
                client.drive(200, 1).await?;
            }
            let mut totals = vec![(Duration::ZERO, Duration::ZERO); clients.len()];
            for round in 0..rounds {
                let order: Vec<usize> = if round % 2 == 0 {
                    (0..clients.len()).collect()
                } else {
                    (0..clients.len()).rev().collect()
                };
                for i in order {
                    let (wall, cpu) = clients[i].1.drive(per_round, c).await?;
                    totals[i].0 += wall;
                    totals[i].1 += cpu;
                }
            }
            for ((name, _), (wall, cpu)) in clients.iter().zip(totals) {
                rows.push(row(name, c, per_round * rounds, wall, cpu));
            }
        }
        Ok(rows)
    })
}

/// The vendor of a "bare hyper-util + typed decode" row.
#[derive(Debug, Clone, Copy)]
enum Vendor {
    Crisp,
    Carrot,
}

impl Vendor {
    fn bare_key(self) -> &'static str {
        match self {
            Vendor::Crisp => "bare decode crisp",
            Vendor::Carrot => "bare decode carrot",
        }
    }

    fn bare_row(self) -> &'static str {
        match self {
            Vendor::Crisp => BARE_DECODE_CRISP,
            Vendor::Carrot => BARE_DECODE_CARROT,
        }
    }

    /// The typed decode the vendor call does: Crisp's envelope into the `get_conversation`
    /// model, Carrot's envelope into the `conversation(id).get()` model.
    fn decode(self, resp: Response<Bytes>) -> Result<(), String> {
        use chatdesk::carrot::model::Conversation as CarrotConversation;
        use chatdesk::crisp::model::conversation::Conversation as CrispConversation;
        match self {
            Vendor::Crisp => {
                let conv = chatdesk::crisp::envelope::decode_data::<CrispConversation>(resp)
                    .map_err(|e| e.to_string())?;
                if conv.session_id.is_none() {
                    return Err("decoded no session_id".into());
                }
            }
            Vendor::Carrot => {
                chatdesk::carrot::envelope::decode_envelope::<CarrotConversation>(resp)
                    .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    }
}

/// The name of the Crisp "bare hyper-util + typed decode" row, which the Crisp rows are compared to.
pub const BARE_DECODE_CRISP: &str = "bare hyper-util + crisp typed decode";
/// The name of the Carrot "bare hyper-util + typed decode" row.
pub const BARE_DECODE_CARROT: &str = "bare hyper-util + carrot typed decode";

/// Client CPU µs per typed decode of the two fixed answers, with no I/O: `(crisp, carrot)`.
///
/// The share of a call's cost that any typed client pays for the same struct; the rest of the
/// gap to the bare client is the stack and the request building.
pub fn decode_only(n: usize) -> Result<(f64, f64), String> {
    use chatdesk::carrot::model::Conversation as CarrotConversation;
    use chatdesk::crisp::model::conversation::Conversation as CrispConversation;
    let per_decode = |decode: &dyn Fn() -> Result<(), String>| -> Result<f64, String> {
        let cpu0 = thread_cpu_ns().unwrap_or(0);
        for _ in 0..n {
            decode()?;
        }
        let cpu = thread_cpu_ns().unwrap_or(0).saturating_sub(cpu0);
        Ok(cpu as f64 / 1e3 / n as f64)
    };
    let crisp = per_decode(&|| {
        let resp = Response::new(Bytes::from_static(CRISP_CONVERSATION.as_bytes()));
        chatdesk::crisp::envelope::decode_data::<CrispConversation>(resp)
            .map(drop)
            .map_err(|e| e.to_string())
    })?;
    let carrot = per_decode(&|| {
        let resp = Response::new(Bytes::from_static(CARROT_CONVERSATION.as_bytes()));
        chatdesk::carrot::envelope::decode_envelope::<CarrotConversation>(resp)
            .map(drop)
            .map_err(|e| e.to_string())
    })?;
    Ok((crisp, carrot))
}

/// Whether a row is selected by `BENCH_ROWS` (a substring of the client name; all when unset).
fn selected(client: &str) -> bool {
    std::env::var("BENCH_ROWS").map_or(true, |f| client.contains(f.as_str()))
}

fn row(client: &'static str, c: usize, n: usize, wall: Duration, cpu: Duration) -> Row {
    Row {
        client,
        concurrency: c,
        per_sec: n as f64 / wall.as_secs_f64(),
        cpu_us: cpu.as_secs_f64() * 1e6 / n as f64,
    }
}
