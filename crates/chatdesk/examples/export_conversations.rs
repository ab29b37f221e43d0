//! Every conversation and every message, as JSON lines, holding one page at a time.
//!
//! Crisp: each conversation, then its messages (newest first). Carrot: each conversation, then
//! its parts. One line per record, `{"vendor", "kind", …}`; a summary goes to stderr, so the
//! output can be piped.
//!
//! ```sh
//! cargo run --example export_conversations                           # to stdout
//! cargo run --example export_conversations -- --size 500 export.jsonl
//! cargo run --example export_conversations -- --resume walk.json export.jsonl
//! cargo run --example export_conversations -- --daily 100 export.jsonl   # stops on the budget
//! cargo run --example export_conversations -- --sim-daily 50 export.jsonl # the server's quota
//! ```
//!
//! **Daily quota.** Crisp caps each token per day (a plugin token: 5,000 requests by default).
//! The client counts its Crisp requests against `--daily N` (default 5,000, over a rolling 24
//! hours) and prints the budget left at the end. When the budget is spent, or the server says
//! the token's quota is (`--sim-daily N` sets the simulator's own quota for Crisp), the next
//! call fails with `Error::QuotaExhausted` **before sending**: the export stops there, says when
//! the quota frees up, and exits with status 3 (1 is any other failure). With `--resume`, a
//! later run goes on from the last complete page.
//!
//! With `--resume <file>`, the Crisp conversation walk is resumable: after each page of
//! conversations (and all their messages) is written, the walk's position (`PageStep::next`, a
//! serialisable `Position`) is stored in `<file>`; a later run with the same file starts from
//! that position with `.pages_from(position)` instead of page 1, and the file is removed once the
//! walk is complete. The core of it:
//!
//! ```ignore
//! let list = website.conversations().list().per_page(PAGE);
//! let mut pages = match stored_position {
//!     Some(position) => list.pages_from(position),
//!     None => list.pages(),
//! };
//! while let Some(step) = pages.try_next().await? {
//!     for conversation in step.items { /* write it, and its messages */ }
//!     store(&step.next)?;
//! }
//! remove_stored_position()?; // the walk is complete
//! ```
//!
//! (The simulator is seeded afresh each run, so against it a resumed run exports the pages the
//! stored position names of a new, identical data set; against the API it is the same list.)

mod common;

use chatdesk::prelude::*;
use chatdesk::transport::DailyQuota;
use chatdesk_sim::{RateLimit, RateScope, Seed, Sim, Vendor};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

/// Page size for every list.
const PAGE: u32 = 50;
/// Messages in each simulated conversation.
const MESSAGES: usize = 3;
/// The client's Crisp budget per rolling 24 hours unless `--daily N` says otherwise: the daily
/// quota of a plugin token.
const DAILY: u32 = 5_000;
/// The exit status when a daily quota stopped the export.
const QUOTA_SPENT: i32 = 3;

#[tokio::main]
async fn main() -> common::Fallible<()> {
    let (size, mut rest) = common::args(200)?;
    let resume = match rest.iter().position(|a| a == "--resume") {
        Some(i) => {
            rest.remove(i);
            if i >= rest.len() {
                return Err("--resume needs a file".into());
            }
            Some(std::path::PathBuf::from(rest.remove(i)))
        }
        None => None,
    };
    let daily = take_number(&mut rest, "--daily")?.unwrap_or(DAILY);
    let sim_daily = take_number(&mut rest, "--sim-daily")?;
    let out: Box<dyn Write> = match rest.first() {
        Some(path) => Box::new(BufWriter::new(std::fs::File::create(path)?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut out = JsonLines {
        out,
        counts: BTreeMap::new(),
    };
    let mut sim = Sim::builder().seed(Seed::default().conversations(size, MESSAGES));
    if let Some(quota) = sim_daily {
        // One count per token over every route, as Crisp's plugin quota.
        let rule = RateLimit::daily(quota.into())
            .vendor(Vendor::Crisp)
            .scope(RateScope::PerToken);
        sim = sim.rate_limit(rule);
    }
    let sim = sim.start().await?;
    let limiter = chatdesk::default_rate_limiter().daily_quota("crisp", DailyQuota::rolling(daily));
    let transport = Transport::builder().rate_limiter(limiter).build();
    let (crisp, website_id) = common::crisp(&sim, transport.clone())?;
    let carrot = common::carrot(&sim, transport.clone())?;

    let result = export(&crisp, &website_id, &carrot, &mut out, resume.as_deref()).await;
    out.out.flush()?;
    for ((vendor, kind), n) in &out.counts {
        eprintln!("{vendor}: {n} {kind} records");
    }
    if let Some(b) = transport.rate_limiter().budget("crisp").await {
        eprintln!(
            "crisp daily budget: {} of {} requests left ({} used), more frees up in {}",
            b.remaining,
            b.limit,
            b.used,
            human(b.resets_in)
        );
    }
    match result {
        Err(e) => match e.downcast_ref::<chatdesk::Error>() {
            Some(chatdesk::Error::QuotaExhausted { vendor, resets_in }) => {
                let when = resets_in.map_or("at an unknown time".to_owned(), |d| {
                    format!("in {}", human(d))
                });
                eprintln!("stopped: the {vendor} daily quota is spent; it frees up {when}");
                std::process::exit(QUOTA_SPENT);
            }
            _ => Err(e),
        },
        Ok(()) => Ok(()),
    }
}

/// Writes every Crisp conversation and message, then every Carrot conversation and part.
async fn export(
    crisp: &CrispClient,
    website_id: &str,
    carrot: &CarrotClient,
    out: &mut JsonLines,
    resume: Option<&std::path::Path>,
) -> common::Fallible<()> {
    let website = crisp.website(website_id);
    let list = website.conversations().list().per_page(PAGE);
    let stored: Option<chatdesk::crisp::Position<u32>> = match resume {
        Some(path) if path.exists() => serde_json::from_slice(&std::fs::read(path)?)?,
        _ => None,
    };
    if let Some(position) = &stored {
        eprintln!(
            "crisp: resuming at page {} (skipping {})",
            position.cursor, position.skip
        );
    }
    let mut pages = match stored {
        Some(position) => list.pages_from(position),
        None => list.pages(),
    };
    while let Some(step) = pages.try_next().await? {
        for conversation in step.items {
            let Some(session_id) = conversation.session_id.clone() else {
                continue;
            };
            out.write(
                json!({"vendor": "crisp", "kind": "conversation", "conversation": conversation}),
            )?;
            // The lossless walk: an export must not miss a message that shares the
            // millisecond of a batch's oldest one (one message read twice per batch of 20).
            let mut messages = website
                .conversation(&session_id)
                .messages()
                .stream_lossless();
            while let Some(message) = messages.try_next().await? {
                out.write(json!({"vendor": "crisp", "kind": "message", "session_id": session_id, "message": message}))?;
            }
        }
        if let Some(path) = resume {
            // Written after the page's records are flushed, so a crash never skips a page.
            out.out.flush()?;
            if let Some(next) = &step.next {
                std::fs::write(path, serde_json::to_vec(next)?)?;
            }
        }
    }
    // The walk is complete (a page-numbered list ends on an empty page, which yields no step).
    if let Some(path) = resume.filter(|p| p.exists()) {
        std::fs::remove_file(path)?;
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
    Ok(())
}

/// Removes `flag N` from `args` and returns `N`.
fn take_number(args: &mut Vec<String>, flag: &str) -> common::Fallible<Option<u32>> {
    let Some(i) = args.iter().position(|a| a == flag) else {
        return Ok(None);
    };
    args.remove(i);
    if i >= args.len() {
        return Err(format!("{flag} needs a number").into());
    }
    Ok(Some(args.remove(i).parse()?))
}

/// `1h 02m 03s`, to the second.
fn human(d: std::time::Duration) -> String {
    let s = d.as_secs();
    format!("{}h {:02}m {:02}s", s / 3600, s / 60 % 60, s % 60)
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
