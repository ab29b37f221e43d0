//! A web hook endpoint on plain hyper 1 that trusts only what it can verify: Crisp hooks by
//! their HMAC signature, Carrot hooks by their shared token.
//!
//! The simulator delivers the hooks: Carrot ones on its own whenever the client tracks an event
//! or a user writes, Crisp ones on request. Then one forged hook of each vendor is sent, and
//! refused with 401.
//!
//! This example shows the checks by hand, for both vendors on one hyper server. For Crisp alone,
//! `chatdesk::crisp::hooks::WebhookReceiver` (feature `rtm`) does the same checks as a ready
//! `tower::Service` and yields the events on the stream RTM gives; `rtm_bot` uses it in web hook
//! mode.
//!
//! ```sh
//! cargo run --example webhook_receiver                # 3 tracked events
//! cargo run --example webhook_receiver -- --size 10
//! ```

mod common;

use bytes::Bytes;
use chatdesk::model::carrot::{self as carrot_hooks, Webhook};
use chatdesk::model::crisp::webhook as crisp_hooks;
use chatdesk::prelude::*;
use chatdesk_sim::Sim;
use http::{HeaderMap, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc;

/// The Carrot hook token (in production: from the Carrot Quest admin panel).
const CARROT_TOKEN: &str = "example-hook-token";
/// The largest hook body read.
const MAX_BODY: usize = 1 << 20;

/// What the receiver checks hooks against, and where it reports them.
struct Receiver {
    crisp_secret: Vec<u8>,
    carrot_token: String,
    report: mpsc::UnboundedSender<String>,
}

#[tokio::main]
async fn main() -> common::Fallible<()> {
    let (events, _) = common::args(3)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hooks", listener.local_addr()?);
    let sim = Sim::builder()
        .carrot_webhook(format!("{url}/carrot"))
        .carrot_webhook_token(CARROT_TOKEN)
        .start()
        .await?;
    let (report, mut reports) = mpsc::unbounded_channel();
    let receiver = Arc::new(Receiver {
        crisp_secret: sim.crisp_config().webhook_secret.clone().into_bytes(),
        carrot_token: CARROT_TOKEN.to_owned(),
        report,
    });
    tokio::spawn(serve(listener, receiver));
    println!("receiving at {url}");

    // Carrot: tracked events and a user's message make the simulator post hooks.
    let carrot = common::carrot(&sim, chatdesk::transport::Transport::default())?;
    let user = carrot.user(UserRef::external("hook-demo"));
    for n in 1..=events {
        user.track_event("plan_upgraded").param("step", n).await?;
    }
    user.start_conversation("Hello, is anyone there?").await?;
    for _ in 0..=events {
        let line = tokio::time::timeout(Duration::from_secs(10), reports.recv())
            .await?
            .ok_or("the receiver stopped")?;
        println!("{line}");
    }

    // Crisp: the simulator signs with the plugin's hook secret.
    let data = serde_json::json!({"session_id": "session_demo", "email": "ada@example.com"});
    let website_id = sim.crisp_website_id();
    let status = sim
        .send_crisp_webhook(
            &format!("{url}/crisp"),
            "session:set_email",
            &website_id,
            data,
        )
        .await?;
    println!("{} (answered {status})", next(&mut reports).await?);

    // Forgeries: a Crisp hook with a made-up signature, a Carrot hook with a guessed token.
    let forged = Request::post(format!("{url}/crisp"))
        .header(crisp_hooks::TIMESTAMP_HEADER, now_ms().to_string())
        .header(crisp_hooks::SIGNATURE_HEADER, "ab".repeat(32))
        .body(Full::new(Bytes::from_static(
            br#"{"website_id":"w","event":"session:set_email","data":{"session_id":"s","email":"eve@example.com"}}"#,
        )))?;
    let crisp_status = Transport::default().send(forged).await?.status();
    println!("{} (answered {crisp_status})", next(&mut reports).await?);
    let form = "type=event&token=guess&event_name=%24order_paid&user_id=1".to_owned();
    let carrot_status = sim
        .send_carrot_webhook(&format!("{url}/carrot"), form)
        .await?;
    println!("{} (answered {carrot_status})", next(&mut reports).await?);
    if crisp_status != StatusCode::UNAUTHORIZED || carrot_status != 401 {
        return Err("a forged hook was not refused".into());
    }
    Ok(())
}

/// Accepts connections until the program ends, one task per connection.
async fn serve(listener: tokio::net::TcpListener, receiver: Arc<Receiver>) {
    while let Ok((stream, _)) = listener.accept().await {
        let receiver = receiver.clone();
        let service = hyper::service::service_fn(move |req| handle(req, receiver.clone()));
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            if let Err(e) = conn.await {
                eprintln!("connection error: {e}");
            }
        });
    }
}

/// Reads the body (bounded), checks the hook, answers 200 or the reason for refusing it.
async fn handle(
    req: Request<Incoming>,
    receiver: Arc<Receiver>,
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let (head, body) = req.into_parts();
    let verdict = match Limited::new(body, MAX_BODY).collect().await {
        Err(e) => Err((StatusCode::PAYLOAD_TOO_LARGE, e.to_string())),
        Ok(body) => {
            let body = body.to_bytes();
            match head.uri.path() {
                "/hooks/crisp" => crisp_hook(&head.headers, &body, &receiver.crisp_secret),
                "/hooks/carrot" => carrot_hook(&body, &receiver.carrot_token),
                _ => Err((StatusCode::NOT_FOUND, "no hook here".to_owned())),
            }
        }
    };
    let (status, line) = match verdict {
        Ok(what) => (StatusCode::OK, format!("verified {what}")),
        Err((status, why)) => (
            status,
            format!(
                "rejected {} hook: {why}",
                head.uri.path().trim_start_matches("/hooks/")
            ),
        ),
    };
    let _ = receiver.report.send(line);
    let mut resp = Response::new(Full::new(Bytes::new()));
    *resp.status_mut() = status;
    Ok(resp)
}

type Verdict = Result<String, (StatusCode, String)>;

fn crisp_hook(headers: &HeaderMap, body: &[u8], secret: &[u8]) -> Verdict {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    let (timestamp, signature) = (
        header(crisp_hooks::TIMESTAMP_HEADER),
        header(crisp_hooks::SIGNATURE_HEADER),
    );
    // Signed bytes first, then a five-minute window against replays.
    let max_age = Duration::from_secs(300);
    crisp_hooks::verify_signature_fresh(secret, body, timestamp, signature, now_ms(), max_age)
        .map_err(|e| (StatusCode::UNAUTHORIZED, e.to_string()))?;
    let hook =
        crisp_hooks::parse_webhook(body).map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
    Ok(format!(
        "crisp {} on website {}",
        hook.name(),
        hook.website_id.as_deref().unwrap_or("?")
    ))
}

fn carrot_hook(body: &[u8], token: &str) -> Verdict {
    let hook =
        carrot_hooks::parse_webhook(body).map_err(|e| (StatusCode::BAD_REQUEST, e.to_string()))?;
    if !hook.verify(token) {
        return Err((StatusCode::UNAUTHORIZED, "wrong token".to_owned()));
    }
    Ok(match hook {
        Webhook::Event(e) => format!(
            "carrot event {} of user {}",
            e.event_name.as_deref().unwrap_or("?"),
            e.user_id.map_or(0, |id| id.0)
        ),
        Webhook::Conversation(c) => format!(
            "carrot message in conversation {}: {:?}",
            c.conversation.part.conversation.map_or(0, |id| id.0),
            c.conversation.part.body.as_deref().unwrap_or("")
        ),
        _ => "carrot hook of another type".to_owned(),
    })
}

async fn next(reports: &mut mpsc::UnboundedReceiver<String>) -> common::Fallible<String> {
    Ok(reports.recv().await.ok_or("the receiver stopped")?)
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
