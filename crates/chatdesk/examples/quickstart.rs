//! A real flow on both APIs: against the in-process simulator by default, against the live API
//! for a vendor whose credentials are in the environment.
//!
//! ```sh
//! cargo run --example quickstart
//! # live Crisp:  CRISP_IDENTIFIER=… CRISP_KEY=… CRISP_WEBSITE_ID=… [CRISP_TIER=plugin] cargo run --example quickstart
//! # live Carrot: CARROT_TOKEN=… [CARROT_BASE_URL=https://api.dashly.app/v1] [CARROT_USER_ID=…] cargo run --example quickstart
//! ```

use chatdesk::carrot::{CarrotClient, UserRef};
use chatdesk::crisp::model::common::DataMap;
use chatdesk::crisp::model::message::{MessageContent, MessageSend, PickerChoice, PickerContent};
use chatdesk::crisp::model::people::{PeopleDataUpdate, PeopleProfileUpdate};
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use chatdesk::sim::Sim;
use futures_util::TryStreamExt;
use std::env::var;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Fallible<()> {
    // The simulator starts only if some vendor has no credentials; dropping it shuts it down.
    let live_crisp = var("CRISP_IDENTIFIER").is_ok()
        && var("CRISP_KEY").is_ok()
        && var("CRISP_WEBSITE_ID").is_ok();
    let live_carrot = var("CARROT_TOKEN").is_ok();
    let sim = if live_crisp && live_carrot {
        None
    } else {
        Some(Sim::builder().start().await?)
    };

    let (crisp, website_id) = match (&sim, live_crisp) {
        (Some(sim), false) => {
            println!("crisp:  simulator at {}", sim.crisp_base_url());
            let client = chatdesk::sim::crisp_client(sim).build()?;
            (client, sim.crisp_website_id())
        }
        _ => {
            println!("crisp:  LIVE API (credentials from the environment)");
            let tier: Tier = var("CRISP_TIER")
                .unwrap_or_else(|_| "plugin".into())
                .parse()?;
            let creds = Credentials::new(var("CRISP_IDENTIFIER")?, var("CRISP_KEY")?, tier);
            (CrispClient::new(creds), var("CRISP_WEBSITE_ID")?)
        }
    };
    crisp_flow(&crisp, &website_id).await?;

    let (carrot, user) = match (&sim, live_carrot) {
        (Some(sim), false) => {
            println!("carrot: simulator at {}", sim.carrot_base_url());
            let client = chatdesk::sim::carrot_client(sim).build()?;
            (client, UserRef::external("quickstart-user"))
        }
        _ => {
            println!("carrot: LIVE API (token from the environment)");
            let mut builder = CarrotClient::builder().token(var("CARROT_TOKEN")?);
            if let Ok(url) = var("CARROT_BASE_URL") {
                builder = builder.base_url(url);
            }
            let user = var("CARROT_USER_ID").unwrap_or_else(|_| "chatdesk-quickstart".into());
            (builder.build()?, UserRef::external(user))
        }
    };
    carrot_flow(&carrot, user).await?;

    println!("done");
    Ok(())
}

async fn crisp_flow(client: &CrispClient, website_id: &str) -> Fallible<()> {
    let website = client.website(website_id);

    let created = website.conversations().create().await?;
    let session_id = created.session_id.ok_or("the API returned no session_id")?;
    println!("  created conversation {session_id}");
    let conversation = website.conversation(&session_id);

    let text = conversation
        .send_message(MessageSend::operator(MessageContent::Text(
            "Hello from chatdesk!".into(),
        )))
        .await?;
    let picker = PickerContent::new(
        "satisfaction",
        "How did we do?",
        vec![
            PickerChoice::new("great", "Great"),
            PickerChoice::new("meh", "Could be better"),
        ],
    );
    conversation
        .send_message(MessageSend::operator(MessageContent::Picker(picker)))
        .await?;
    println!(
        "  sent a text (fingerprint {:?}) and a picker",
        text.fingerprint
    );

    let messages = conversation.messages().await?;
    let kinds: Vec<String> = messages
        .iter()
        .map(|m| m.content.kind().to_string())
        .collect();
    println!(
        "  listed {} messages back: {}",
        messages.len(),
        kinds.join(", ")
    );

    let mut stream = website.conversations().list().per_page(20u32).stream();
    let mut seen = 0usize;
    while let Some(_conversation) = stream.try_next().await? {
        seen += 1;
        if seen >= 60 {
            break;
        }
    }
    println!("  paged through {seen} conversations as a stream");

    // Find or create a contact, then merge custom data into its profile.
    let email = "ada@example.com";
    let person = website.person(email);
    if !person.exists().await? {
        let created = website
            .people()
            .add_profile(PeopleProfileUpdate::with_email(email))
            .await?;
        println!("  created people profile {:?}", created.people_id);
    }
    let mut data = DataMap::new();
    data.insert("plan".into(), "enterprise".into());
    data.insert("seats".into(), 42.into());
    person.update_data(PeopleDataUpdate::new(data)).await?;
    let stored = person.data().await?;
    println!(
        "  updated people data: {}",
        serde_json::to_string(&stored.data)?
    );
    Ok(())
}

async fn carrot_flow(client: &CarrotClient, who: UserRef) -> Fallible<()> {
    let user = client.user(who);

    let outcome = user
        .props()
        .update_or_create("$name", "Ada Lovelace")
        .set_once("first_seen_source", "quickstart")
        .add("logins", 1)
        .union("tags", serde_json::json!(["beta"]))
        .await?;
    println!("  set props, affected: {:?}", outcome.affected_props);

    let event = user
        .track_event("quickstart_completed")
        .param("language", "rust")
        .await?;
    println!("  tracked event {}", event.id);

    let started = user.start_conversation("Hi! I have a question.").await?;
    println!("  started conversation {}", started.id);
    let part = client
        .conversation(started.id)
        .reply("Thanks for writing, we are on it.")
        .await?;
    println!("  replied (part {})", part.id);

    let mut events = user.events().per_page(20).stream();
    let mut names = Vec::new();
    while let Some(event) = events.try_next().await? {
        names.push(event.name().unwrap_or_default().to_owned());
        if names.len() >= 100 {
            break;
        }
    }
    let first: Vec<&str> = names.iter().take(5).map(String::as_str).collect();
    println!(
        "  paged through the user's events: {} read, first {first:?}",
        names.len()
    );
    Ok(())
}
