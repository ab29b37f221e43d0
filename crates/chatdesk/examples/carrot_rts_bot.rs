//! A bot on Carrot Quest's real-time messages (RTS): it answers the first message of every new
//! conversation over REST. Against the in-process simulator by default, where the example also
//! plays the visitors (each starts one conversation; `--conversations` of them, 2 by default,
//! so the run ends); against the live API when `CARROT_TOKEN` and `CARROT_APP_ID` are in the
//! environment, where it runs until `--conversations` answers, or forever.
//!
//! ```sh
//! cargo run -p chatdesk --example carrot_rts_bot --features rts,sim -- --conversations 3
//! # live: CARROT_TOKEN=… CARROT_APP_ID=… [CARROT_ADMIN_ID=…] [CARROT_DASHLY=1] \
//! #   cargo run -p chatdesk --example carrot_rts_bot --features rts,sim
//! ```
//!
//! Unlike Crisp RTM, RTS resumes: after `Reconnecting`, `Resumed` asks the server for what was
//! published in between, and the client drops what it already delivered, so a conversation
//! started during a network cut is still answered, and answered once.

use chatdesk::carrot::model::{PartType, RtsEvent};
use chatdesk::carrot::rts::{Channel, RtsItem};
use chatdesk::carrot::{CarrotClient, UserRef};
use chatdesk::sim::Sim;
use futures_util::StreamExt;
use std::env::var;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

const ANSWER: &str = "Thanks for writing! An operator will be with you shortly.";

fn max_conversations() -> Fallible<Option<u64>> {
    let mut args = std::env::args().skip(1);
    let mut max = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--conversations" => {
                let n = args.next().ok_or("--conversations needs a number")?;
                max = Some(n.parse()?);
            }
            other => return Err(format!("unknown argument {other:?}").into()),
        }
    }
    Ok(max)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Fallible<()> {
    let max = max_conversations()?;
    let live = var("CARROT_TOKEN").is_ok() && var("CARROT_APP_ID").is_ok();
    // Dropping the simulator shuts it down, so it lives until the end of `main`.
    let (client, app, admin, sim) = if live {
        println!("carrot: LIVE API (token from the environment)");
        let token = var("CARROT_TOKEN")?;
        let client = if var("CARROT_DASHLY").is_ok() {
            CarrotClient::dashly(token)
        } else {
            CarrotClient::new(token)
        };
        let admin = var("CARROT_ADMIN_ID").ok().map(|a| a.parse()).transpose()?;
        (client, var("CARROT_APP_ID")?.parse::<u64>()?, admin, None)
    } else {
        let sim = Sim::builder().start().await?;
        println!("carrot: simulator at {}", sim.carrot_base_url());
        let client = chatdesk::sim::carrot_client(&sim).build()?;
        let admin = sim.carrot_admin_ids().first().copied();
        (client, sim.carrot_app_id(), admin, Some(sim))
    };
    let max = match (&sim, max) {
        (Some(_), None) => Some(2),
        (_, max) => max,
    };

    let mut builder = client
        .rts()
        .channel(Channel::conversation_started_user(app))
        .channel(Channel::ping());
    if let Some(sim) = &sim {
        // The brand's host is derived from the REST host; the simulator names its own.
        builder = builder.url(sim.carrot_rts_url());
    }
    let mut rts = builder.connect().await?;

    let mut answered = Vec::new();
    while let Some(item) = rts.next().await {
        match item? {
            RtsItem::Connected => {
                println!("connected, waiting for new conversations");
                if let (Some(sim), Some(n)) = (&sim, max) {
                    let (client, users) = (client.clone(), sim.carrot_user_ids());
                    tokio::spawn(async move {
                        if let Err(e) = visitors(client, users, n).await {
                            eprintln!("the simulated visitors failed: {e}");
                        }
                    });
                }
            }
            RtsItem::Message(message) => {
                let RtsEvent::ConversationStarted(conversation) = message.event else {
                    continue;
                };
                let first = conversation
                    .part_last
                    .as_ref()
                    .and_then(|p| p.body.as_deref())
                    .unwrap_or("(no text)");
                println!("new conversation {}: {first}", conversation.id);
                let mut reply = client.conversation(conversation.id).reply(ANSWER);
                if let Some(admin) = admin {
                    reply = reply.from_admin(admin);
                }
                reply.await?;
                answered.push(conversation.id);
                println!(
                    "answered conversation {} ({})",
                    conversation.id,
                    answered.len()
                );
                if max.is_some_and(|max| answered.len() as u64 >= max) {
                    break;
                }
            }
            RtsItem::Reconnecting {
                attempt,
                after,
                cause,
            } => eprintln!("connection lost ({cause}); attempt {attempt} in {after:?}"),
            RtsItem::Resumed { from_tag, .. } => {
                eprintln!("resumed from tag {from_tag:?}: missed messages follow, none twice");
            }
            _ => {}
        }
    }
    println!("done: answered {} new conversations", answered.len());
    if sim.is_some() {
        // What the simulator holds: every new conversation has the answer, once.
        let mut answers = 0;
        for id in &answered {
            answers += client
                .conversation(*id)
                .parts()
                .await?
                .iter()
                .filter(|p| p.part_type == Some(PartType::ReplyAdmin))
                .filter(|p| p.body.as_deref() == Some(ANSWER))
                .count();
        }
        println!("simulator: {answers} answers stored");
    }
    Ok(())
}

/// Plays the visitors on the simulator: `n` users each start one conversation.
async fn visitors(client: CarrotClient, users: Vec<u64>, n: u64) -> Result<(), String> {
    for (i, user) in users.iter().cycle().take(n as usize).enumerate() {
        client
            .user(UserRef::Carrot(*user))
            .start_conversation(format!("Hello, question {}", i + 1))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
