//! Every conversation and every message, as JSON lines, holding one page at a time.
//!
//! Crisp: each conversation, then its messages (newest first). Carrot: each conversation, then
//! its parts. One line per record, `{"vendor", "kind", …}`; a summary goes to stderr, so the
//! output can be piped.
//!
//! ```sh
//! cargo run --example export_conversations                           # to stdout
//! cargo run --example export_conversations -- --size 500 export.jsonl
//! ```

mod common;

use chatdesk::prelude::*;
use chatdesk_sim::{Seed, Sim};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

/// Page size for every list.
const PAGE: u32 = 50;
/// Messages in each simulated conversation.
const MESSAGES: usize = 3;

#[tokio::main]
async fn main() -> common::Fallible<()> {
    let (size, rest) = common::args(200)?;
    let out: Box<dyn Write> = match rest.first() {
        Some(path) => Box::new(BufWriter::new(std::fs::File::create(path)?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut out = JsonLines {
        out,
        counts: BTreeMap::new(),
    };
    let sim = Sim::builder()
        .seed(Seed::default().conversations(size, MESSAGES))
        .start()
        .await?;
    let transport = Transport::builder()
        .rate_limiter(chatdesk::default_rate_limiter())
        .build();
    let (crisp, website_id) = common::crisp(&sim, transport.clone())?;
    let carrot = common::carrot(&sim, transport)?;

    let website = crisp.website(website_id);
    let mut list = website.conversations().list().per_page(PAGE).stream();
    while let Some(conversation) = list.try_next().await? {
        let Some(session_id) = conversation.session_id.clone() else {
            continue;
        };
        out.write(
            json!({"vendor": "crisp", "kind": "conversation", "conversation": conversation}),
        )?;
        let call = website.conversation(&session_id).messages();
        let mut messages = call.stream_backwards();
        while let Some(message) = messages.try_next().await? {
            out.write(json!({"vendor": "crisp", "kind": "message", "session_id": session_id, "message": message}))?;
        }
    }

    let mut list = carrot.this_app().conversations().per_page(PAGE).stream();
    while let Some(conversation) = list.try_next().await? {
        let id = conversation.id;
        out.write(
            json!({"vendor": "carrot", "kind": "conversation", "conversation": conversation}),
        )?;
        let mut parts = carrot.conversation(id).parts().per_page(PAGE).stream();
        while let Some(part) = parts.try_next().await? {
            out.write(
                json!({"vendor": "carrot", "kind": "part", "conversation_id": id, "part": part}),
            )?;
        }
    }
    out.out.flush()?;
    for ((vendor, kind), n) in &out.counts {
        eprintln!("{vendor}: {n} {kind} records");
    }
    Ok(())
}

/// Writes one JSON document a line, and counts them by vendor and kind.
struct JsonLines {
    out: Box<dyn Write>,
    counts: BTreeMap<(String, String), usize>,
}

impl JsonLines {
    fn write(&mut self, record: serde_json::Value) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")?;
        let field = |name: &str| record[name].as_str().unwrap_or("?").to_owned();
        *self
            .counts
            .entry((field("vendor"), field("kind")))
            .or_default() += 1;
        Ok(())
    }
}
