//! A bot on Crisp's real-time events (RTM): it answers every visitor message with "got it"
//! over REST. Against the in-process simulator by default, where the example also plays the
//! visitor (it writes `--max-events` messages, 3 by default, so the run ends); against the live
//! API when credentials are in the environment, where it runs until `--max-events` answers, or
//! forever.
//!
//! ```sh
//! cargo run -p chatdesk --example rtm_bot --features rtm,sim -- --max-events 2
//! # live: CRISP_IDENTIFIER=… CRISP_KEY=… [CRISP_TIER=plugin] cargo run -p chatdesk --example rtm_bot --features rtm,sim
//! ```
//!
//! RTM has no replay: when the stream says `Reconnected { downtime }`, events of that gap were
//! not delivered. A real bot would then list the recent messages of its open conversations over
//! REST and answer those it missed; this one only says so.

use chatdesk::crisp::model::message::{MessageContent, MessageFrom, MessageSend, Origin};
use chatdesk::crisp::model::webhook::Event;
use chatdesk::crisp::rtm::RtmItem;
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use chatdesk::sim::Sim;
use futures_util::StreamExt;
use std::env::var;

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
    // Dropping the simulator shuts it down, so it lives until the end of `main`.
    let (client, sim) = if live {
        println!("crisp: LIVE API (credentials from the environment)");
        let tier: Tier = var("CRISP_TIER")
            .unwrap_or_else(|_| "plugin".into())
            .parse()?;
        let creds = Credentials::new(var("CRISP_IDENTIFIER")?, var("CRISP_KEY")?, tier);
        (CrispClient::new(creds), None)
    } else {
        let sim = Sim::builder().start().await?;
        println!("crisp: simulator at {}", sim.crisp_base_url());
        (chatdesk::sim::crisp_client(&sim).build()?, Some(sim))
    };
    let max = match (&sim, max) {
        (Some(_), None) => Some(3),
        (_, max) => max,
    };

    // Only visitor messages: the bot's own answers are `message:received`, not bound.
    let mut rtm = client.rtm().events(["message:send"]).connect().await?;

    let mut answered = 0u64;
    let mut conversations = std::collections::BTreeSet::new();
    while let Some(item) = rtm.next().await {
        match item? {
            RtmItem::Connected => {
                println!("connected, waiting for visitor messages");
                if let (Some(sim), Some(n)) = (&sim, max) {
                    let (client, website_id) = (client.clone(), sim.crisp_website_id());
                    tokio::spawn(async move {
                        if let Err(e) = visitor(client, website_id, n).await {
                            eprintln!("the simulated visitor failed: {e}");
                        }
                    });
                }
            }
            RtmItem::Event(Event::MessageSend(message)) => {
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
                    rtm.close()?;
                }
            }
            RtmItem::Reconnecting {
                attempt,
                after,
                cause,
            } => eprintln!("connection lost ({cause}); attempt {attempt} in {after:?}"),
            RtmItem::Reconnected { downtime } => {
                eprintln!(
                    "reconnected; events of the last {downtime:?} were missed (resync over REST)"
                );
            }
            _ => {}
        }
    }
    println!("done: answered {answered} visitor messages");
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
