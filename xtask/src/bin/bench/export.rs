//! Part 4: stream every seeded message out of the simulator as JSON lines, measuring items per
//! second and how much the process's peak resident memory grows while doing it.

use crate::sys::{reset_peak_rss, rss_kib};
use chatdesk::crisp::{Credentials, CrispClient, Tier};
use chatdesk::transport::Error;
use chatdesk_sim::{Seed, Sim};
use futures_util::TryStreamExt;
use std::io::Write;
use std::time::{Duration, Instant};

pub struct Export {
    pub conversations: usize,
    pub messages: usize,
    pub wall: Duration,
    /// Peak RSS growth during the export, in KiB (`None` when /proc is unavailable).
    pub peak_growth_kib: Option<u64>,
    /// Requests the export sent (the simulator's count).
    pub requests: u64,
    /// The fewest requests that can fetch it all: `ceil(conversations / 50)` pages of the list
    /// plus `ceil(messages / 20)` batches per conversation (at least one each). The list walk
    /// spends one more, its empty last page: Crisp gives lists no end signal.
    pub minimum: u64,
}

/// Seeds `conversations` × `per_conversation` messages, then exports them all.
pub async fn run(conversations: usize, per_conversation: usize) -> Result<Export, String> {
    let sim = Sim::builder()
        .seed(Seed::empty().conversations(conversations, per_conversation))
        .start()
        .await
        .map_err(|e| e.to_string())?;
    let c = sim.crisp_credentials();
    let tier: Tier = c.tier.as_str().parse().map_err(|e: Error| e.to_string())?;
    let client = CrispClient::builder()
        .credentials(Credentials::new(c.identifier, c.key, tier))
        .base_url(sim.crisp_base_url())
        .build()
        .map_err(|e| e.to_string())?;
    let website = client.website(&c.website_id);

    // Warm up (pool, allocator), then take the baseline.
    website
        .conversations()
        .list()
        .await
        .map_err(|e| e.to_string())?;
    let sent_before = sim.total_requests();
    let reset = reset_peak_rss();
    let base = rss_kib();

    let mut out = std::io::sink();
    let mut line = Vec::with_capacity(4096);
    let (mut n_conv, mut n_msg) = (0usize, 0usize);
    let t0 = Instant::now();
    let mut list = website.conversations().list().per_page(50u32).stream();
    while let Some(conv) = list.try_next().await.map_err(|e| e.to_string())? {
        let Some(session) = conv.session_id else {
            continue;
        };
        n_conv += 1;
        let mut messages = website.conversation(&session).messages().stream();
        while let Some(msg) = messages.try_next().await.map_err(|e| e.to_string())? {
            line.clear();
            serde_json::to_writer(&mut line, &msg).map_err(|e| e.to_string())?;
            line.push(b'\n');
            out.write_all(&line).map_err(|e| e.to_string())?;
            n_msg += 1;
        }
    }
    let wall = t0.elapsed();
    let requests = sim.total_requests().saturating_sub(sent_before);
    let minimum = (conversations as u64).div_ceil(50)
        + conversations as u64 * (per_conversation as u64).div_ceil(20).max(1);
    let end = rss_kib();
    let peak_growth_kib = match (reset, base, end) {
        (true, Some((rss0, _)), Some((_, hwm1))) => Some(hwm1.saturating_sub(rss0)),
        _ => None,
    };
    Ok(Export {
        conversations: n_conv,
        messages: n_msg,
        wall,
        peak_growth_kib,
        requests,
        minimum,
    })
}
