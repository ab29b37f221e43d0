//! A bot on Crisp's real-time events: it answers every visitor message with "got it" over
//! REST. The events come over RTM (a websocket, the default) or as web hooks
//! (`CHATDESK_CRISP_MODE=webhook`): both give the same `Events` stream, so the handler below is
//! the same code for both; only where the stream comes from differs.
//!
//! Against the in-process simulator by default, where the example also plays the visitor (it
//! writes `--max-events` messages, 3 by default, so the run ends) and, in web hook mode, the
//! simulator posts its signed hooks to the bot. Against the live API when credentials are in the
//! environment, where it runs until `--max-events` answers, or forever.
//!
//! ```sh
//! cargo run -p chatdesk --example rtm_bot --features rtm,sim -- --max-events 2
//! CHATDESK_CRISP_MODE=webhook cargo run -p chatdesk --example rtm_bot --features rtm,sim
//! # live: CRISP_IDENTIFIER=… CRISP_KEY=… [CRISP_TIER=plugin] cargo run -p chatdesk --example rtm_bot --features rtm,sim
//! # live web hooks: also CHATDESK_CRISP_MODE=webhook CHATDESK_CRISP_LISTEN=0.0.0.0:8080 and
//! #   CRISP_HOOK_SECRET=… (plugin hooks, signed) or CRISP_HOOK_KEY=… (website hooks, `?key=`)
//! ```
//!
//! RTM has no replay: when the stream says `Reconnected { downtime }`, events of that gap were
//! not delivered. A real bot would then list the recent messages of its open conversations over
//! REST and answer those it missed; this one only says so. Web hooks are retried by Crisp, so the
//! stream is de-duplicated (`.dedup(..)`): a retried delivery is answered once.

use chatdesk::crisp::events::EventItem;
use chatdesk::crisp::hooks::{WebhookReceiver, WebhookService};
use chatdesk::crisp::model::message::{MessageContent, MessageFrom, MessageSend, Origin};
use chatdesk::crisp::model::webhook::Event;
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use chatdesk::sim::Sim;
use futures_util::StreamExt;
use std::env::var;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

const ANSWER: &str = "got it";

fn max_events() -> Fallible<Option<u64>> {
    let mut args = std::env::args().skip(1);
    let mut max = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--max-events" => {
                let n = args.next().ok_or("--max-events needs a number")?;
                max = Some(n.parse()?);
            }
            other => return Err(format!("unknown argument {other:?}").into()),
        }
    }
    Ok(max)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Fallible<()> {
    let max = max_events()?;
    let live = var("CRISP_IDENTIFIER").is_ok() && var("CRISP_KEY").is_ok();
    // Web hook mode listens first, so that the simulator can be told where to post.
    let listener = match var("CHATDESK_CRISP_MODE").as_deref() {
        Ok("webhook") => {
            let addr = var("CHATDESK_CRISP_LISTEN").unwrap_or_else(|_| "127.0.0.1:0".into());
            Some(TcpListener::bind(&addr).await?)
        }
        Ok("rtm") | Err(_) => None,
        Ok(other) => {
            return Err(format!("CHATDESK_CRISP_MODE is rtm or webhook, not {other:?}").into());
        }
    };
    let hook_url = match &listener {
        Some(l) => Some(format!("http://{}/crisp", l.local_addr()?)),
        None => None,
    };
    // Dropping the simulator shuts it down, so it lives until the end of `main`.
    let (client, sim) = if live {
        println!("crisp: LIVE API (credentials from the environment)");
        let tier: Tier = var("CRISP_TIER")
            .unwrap_or_else(|_| "plugin".into())
            .parse()?;
        let creds = Credentials::new(var("CRISP_IDENTIFIER")?, var("CRISP_KEY")?, tier);
        (CrispClient::new(creds), None)
    } else {
        let mut builder = Sim::builder();
        if let Some(url) = &hook_url {
            builder = builder.crisp_webhook(url);
        }
        let sim = builder.start().await?;
        println!("crisp: simulator at {}", sim.crisp_base_url());
        (chatdesk::sim::crisp_client(&sim).build()?, Some(sim))
    };
    let max = match (&sim, max) {
        (Some(_), None) => Some(3),
        (_, max) => max,
    };

    // The only difference between the modes: where the stream comes from.
    let events = match (listener, hook_url) {
        (Some(listener), Some(url)) => {
            let (service, events) = receiver(sim.as_ref())?.build();
            tokio::spawn(serve(listener, service));
            println!("web hooks: POST {url}; waiting for visitor messages");
            start_visitor(&client, sim.as_ref(), max);
            events
        }
        // Only visitor messages: the bot's own answers are `message:received`, not bound.
        _ => client.rtm().events(["message:send"]).connect().await?,
    };
    // Crisp retries a hook whose answer it missed: answer each message once. One hour, 4096
    // events: longer than Crisp's retries, far fewer than a bot sees in that time.
    let mut events = events.dedup(4096, Duration::from_secs(3600));

    // From here on, the same code for RTM and web hooks.
    let mut answered = 0u64;
    let mut conversations = std::collections::BTreeSet::new();
    while let Some(item) = events.next().await {
        match item? {
            EventItem::Connected => {
                println!("connected, waiting for visitor messages");
                start_visitor(&client, sim.as_ref(), max);
            }
            EventItem::Event(Event::MessageSend(message)) => {
                let (Some(website_id), Some(session_id)) = (message.website_id, message.session_id)
                else {
                    continue;
                };
                if message.from != Some(MessageFrom::User) {
                    continue;
                }
                let text = message.content.as_text().unwrap_or("(not text)");
                println!("visitor in {session_id}: {text}");
                conversations.insert((website_id.clone(), session_id.clone()));
                client
                    .website(&website_id)
                    .conversation(&session_id)
                    .send_message(MessageSend::operator(MessageContent::text(ANSWER)))
                    .await?;
                answered += 1;
                println!("answered {ANSWER:?} ({answered})");
                if max.is_some_and(|max| answered >= max) {
                    events.close()?;
                }
            }
            EventItem::Reconnecting {
                attempt,
                after,
                cause,
            } => eprintln!("connection lost ({cause}); attempt {attempt} in {after:?}"),
            EventItem::Reconnected { downtime } => {
                eprintln!(
                    "reconnected; events of the last {downtime:?} were missed (resync over REST)"
                );
            }
            _ => {}
        }
    }
    println!("done: answered {answered} visitor messages");
    if events.duplicates() > 0 {
        println!("skipped {} duplicate deliveries", events.duplicates());
    }
    if sim.is_some() {
        // What the simulator holds: every visitor message has its answer.
        let mut answers = 0;
        for (website_id, session_id) in &conversations {
            let conversation = client.website(website_id).conversation(session_id);
            answers += conversation
                .messages()
                .await?
                .iter()
                .filter(|m| m.from == Some(MessageFrom::Operator))
                .filter(|m| m.content.as_text() == Some(ANSWER))
                .count();
        }
        println!("simulator: {answers} {ANSWER:?} answers stored");
    }
    Ok(())
}

/// On the simulator, plays the visitor in a task once the bot is listening.
fn start_visitor(client: &CrispClient, sim: Option<&Sim>, max: Option<u64>) {
    if let (Some(sim), Some(n)) = (sim, max) {
        let (client, website_id) = (client.clone(), sim.crisp_website_id());
        tokio::spawn(async move {
            if let Err(e) = visitor(client, website_id, n).await {
                eprintln!("the simulated visitor failed: {e}");
            }
        });
    }
}

/// The web hook checks: on the simulator, the plugin hook secret it signs with; live,
/// `CRISP_HOOK_SECRET` (plugin hooks, signed) or `CRISP_HOOK_KEY` (website hooks, `?key=`).
fn receiver(sim: Option<&Sim>) -> Fallible<WebhookReceiver> {
    if let Some(sim) = sim {
        return Ok(WebhookReceiver::plugin(
            sim.crisp_config().webhook_secret.clone(),
        ));
    }
    match (var("CRISP_HOOK_SECRET"), var("CRISP_HOOK_KEY")) {
        (Ok(secret), _) => Ok(WebhookReceiver::plugin(secret)),
        (_, Ok(key)) => Ok(WebhookReceiver::website_key(key)),
        _ => Err("web hook mode needs CRISP_HOOK_SECRET or CRISP_HOOK_KEY".into()),
    }
}

/// Serves the receiver over HTTP/1 (hyper; axum would mount the same service with
/// `Router::route_service`).
async fn serve(listener: TcpListener, service: WebhookService) {
    while let Ok((stream, _)) = listener.accept().await {
        let service = service.clone();
        let service = hyper::service::service_fn(move |request| service.clone().oneshot(request));
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            if let Err(e) = connection.await {
                eprintln!("web hook connection error: {e}");
            }
        });
    }
}

/// Plays the visitor on the simulator: one conversation, `n` messages from the `user` side.
async fn visitor(client: CrispClient, website_id: String, n: u64) -> Result<(), String> {
    let website = client.website(&website_id);
    let created = website
        .conversations()
        .create()
        .await
        .map_err(|e| e.to_string())?;
    let session_id = created.session_id.ok_or("the API returned no session_id")?;
    for i in 1..=n {
        let question = MessageContent::text(format!("question {i}"));
        website
            .conversation(&session_id)
            .send_message(MessageSend::new(MessageFrom::User, Origin::Chat, question))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
