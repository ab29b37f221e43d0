//! Thousands of writes against a rate-limited API, at the limit rather than into it.
//!
//! The simulator allows `RATE` requests a second per route, with bursts of `BURST`; the client's
//! limiter paces each vendor to the same steady rate without bursting, so the server's burst
//! allowance is left to absorb network jitter and no request is refused. Should one be, the
//! default retry stack waits for the server's `Retry-After` and sends it again. Half the records become Crisp messages, half Carrot events; at the end the
//! simulator's write counters show whether every write was applied exactly once.
//!
//! ```sh
//! cargo run --example bulk_import                # 2000 writes, about 10 s
//! cargo run --example bulk_import -- --size 100
//! ```

mod common;

use chatdesk::crisp::model::message::{MessageContent, MessageSend};
use chatdesk::prelude::*;
use chatdesk_sim::{RateLimit, Sim};
use futures_util::stream;
use indicatif::{ProgressBar, ProgressStyle};

/// Requests a second per vendor and route, on both sides; and the burst the server allows.
const RATE: u32 = 100;
const BURST: u32 = 10;
/// Writes in flight at once.
const CONCURRENCY: usize = 16;
/// Crisp fingerprints we choose, so each message has a write key we know.
const FINGERPRINT_BASE: i64 = 7_000_000_000;

#[tokio::main]
async fn main() -> common::Fallible<()> {
    let (count, _) = common::args(2000)?;
    let sim = Sim::builder()
        .rate_limit(RateLimit::new(f64::from(RATE), BURST))
        .start()
        .await?;

    // One transport for both clients, pacing each vendor to the simulator's rate. The client
    // spends none of the burst: a request delayed on its way would otherwise find the server's
    // bucket empty.
    let quota = Quota::per_second(RATE, 1);
    let limiter = LocalRateLimiter::new()
        .vendor_quota("crisp", quota)
        .vendor_quota("carrot", quota);
    let transport = Transport::builder().rate_limiter(limiter).build();
    let (crisp, website_id) = common::crisp(&sim, transport.clone())?;
    let carrot = common::carrot(&sim, transport)?;
    let website = crisp.website(website_id);
    let session_id = website
        .conversations()
        .create()
        .await?
        .session_id
        .ok_or("no session_id")?;
    let conversation = website.conversation(session_id);

    println!("importing {count} records at {RATE} requests/s per vendor ({CONCURRENCY} in flight)");
    let bar = ProgressBar::new(count as u64).with_style(ProgressStyle::with_template(
        "{wide_bar} {pos}/{len} {per_sec} eta {eta}",
    )?);
    let writes = stream::iter(0..count).map(|row| {
        let (conversation, carrot) = (&conversation, &carrot);
        async move {
            if row % 2 == 0 {
                let mut message = MessageSend::operator(MessageContent::text(format!("row {row}")));
                message.fingerprint = Some(FINGERPRINT_BASE + row as i64);
                conversation.send_message(message).await.map(drop)
            } else {
                let user = UserRef::external(format!("import-{}", row % 50));
                let event = carrot.user(user).track_event("imported").param("row", row);
                event.await.map(drop)
            }
        }
    });
    let (mut ok, mut failed) = (0usize, 0usize);
    let mut results = writes.buffer_unordered(CONCURRENCY);
    while let Some(result) = results.next().await {
        match result {
            Ok(()) => ok += 1,
            Err(e) => {
                failed += 1;
                bar.println(format!("failed: {e}"));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!("ok: {ok}, failed: {failed}, in {:.1?}", bar.elapsed());

    // The simulator's side: each record's write key, and how often it was applied.
    let counts = sim.write_counts();
    let ours: Vec<u64> = counts
        .iter()
        .filter(|(key, _)| key.starts_with("crisp:message:") || key.starts_with("carrot:event:"))
        .map(|(_, &n)| n)
        .collect();
    let exactly_once = ours.len() == ok && ours.iter().all(|&n| n == 1);
    let refused = sim.requests().iter().filter(|r| r.rate_limited).count();
    println!(
        "simulator: {} writes applied, each exactly once: {}; refused for rate limiting: {refused}",
        ours.len(),
        if exactly_once { "yes" } else { "NO" },
    );
    if failed > 0 || !exactly_once {
        return Err("the import did not apply every record exactly once".into());
    }
    Ok(())
}
