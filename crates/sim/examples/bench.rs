//! Measures the simulator's throughput for a cheap GET with the server on ONE core.
//!
//! The simulator runs on a current-thread tokio runtime (one core); the load generator runs on
//! another thread with keep-alive connections, so the figure is the server's, not the client's.
//!
//! ```text
//! cargo run --release -p chatdesk-sim --example bench -- [seconds=5] [connections=32] [route=channels]
//! ```
//! `route` is `channels` (Carrot `GET /apps/{id}/channels`), `conversation` (Carrot
//! `GET /conversations/{id}`) or `crisp` (Crisp `GET /v1/website/{id}`).

use std::time::{Duration, Instant};

use chatdesk_sim::{Seed, Sim};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends `req` repeatedly on one keep-alive connection until `deadline`; returns answers read.
async fn worker(
    addr: std::net::SocketAddr,
    req: Vec<u8>,
    deadline: Instant,
) -> std::io::Result<u64> {
    let mut s = TcpStream::connect(addr).await?;
    s.set_nodelay(true)?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut n = 0u64;
    while Instant::now() < deadline {
        s.write_all(&req).await?;
        // Read one answer: head, then Content-Length bytes.
        let mut have = 0usize;
        loop {
            let r = s.read(&mut buf[have..]).await?;
            if r == 0 {
                return Ok(n);
            }
            have += r;
            if let Some(end) = buf[..have].windows(4).position(|w| w == b"\r\n\r\n") {
                let head = std::str::from_utf8(&buf[..end]).unwrap_or("");
                if !head.starts_with("HTTP/1.1 200") {
                    return Err(std::io::Error::other(format!("unexpected answer: {head}")));
                }
                let len: usize = head
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse().ok())?
                    })
                    .unwrap_or(0);
                while have < end + 4 + len {
                    let r = s.read(&mut buf[have..]).await?;
                    if r == 0 {
                        return Ok(n);
                    }
                    have += r;
                }
                break;
            }
        }
        n += 1;
    }
    Ok(n)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let secs: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(5);
    let conns: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(32);
    let route = args.get(2).cloned().unwrap_or_else(|| "channels".into());

    // Server: one core.
    let server_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (tx, rx) = std::sync::mpsc::channel();
    let server = std::thread::Builder::new()
        .name("sim-server".into())
        .spawn(move || {
            server_rt.block_on(async move {
                let sim = Sim::builder()
                    .seed(Seed::default().conversations(1000, 100))
                    .start()
                    .await
                    .expect("sim starts");
                let info = (
                    sim.addr(),
                    sim.carrot_token().to_string(),
                    sim.carrot_app_id(),
                    sim.carrot_conversation_ids()[0],
                    sim.crisp_credentials(),
                );
                let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
                tx.send((info, stop_tx)).expect("main thread waits");
                let _ = stop_rx.await;
                let total = sim.total_requests();
                drop(sim);
                total
            })
        })?;
    let ((addr, token, app, conv, crisp), stop) = rx.recv()?;
    let req = match route.as_str() {
        "conversation" => format!(
            "GET /conversations/{conv} HTTP/1.1\r\nHost: sim\r\nAuthorization: Token {token}\r\n\r\n"
        ),
        "crisp" => {
            use base64::Engine as _;
            let basic = base64::engine::general_purpose::STANDARD
                .encode(format!("{}:{}", crisp.identifier, crisp.key));
            format!(
                "GET /v1/website/{} HTTP/1.1\r\nHost: sim\r\nAuthorization: Basic {basic}\r\nX-Crisp-Tier: {}\r\n\r\n",
                crisp.website_id,
                crisp.tier.as_str()
            )
        }
        _ => format!(
            "GET /apps/{app}/channels HTTP/1.1\r\nHost: sim\r\nAuthorization: Token {token}\r\n\r\n"
        ),
    };

    // Client: the other core.
    let client_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (count, elapsed) = client_rt.block_on(async move {
        let start = Instant::now();
        let deadline = start + Duration::from_secs(secs);
        let mut tasks = Vec::new();
        for _ in 0..conns {
            tasks.push(tokio::spawn(worker(
                addr,
                req.clone().into_bytes(),
                deadline,
            )));
        }
        let mut total = 0u64;
        for t in tasks {
            match t.await {
                Ok(Ok(n)) => total += n,
                Ok(Err(e)) => eprintln!("worker failed: {e}"),
                Err(e) => eprintln!("worker panicked: {e}"),
            }
        }
        (total, start.elapsed())
    });
    let _ = stop.send(());
    let served = server.join().map_err(|_| "server thread panicked")?;
    let rps = count as f64 / elapsed.as_secs_f64();
    println!(
        "route={route} connections={conns} seconds={:.1} answers={count} server_total={served} req/s={rps:.0}",
        elapsed.as_secs_f64()
    );
    Ok(())
}
