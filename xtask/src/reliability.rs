//! The fault matrix behind `docs/reliability.md` (`cargo xtask reliability`).
//!
//! For every write endpoint of [`Endpoint::ALL`] (declared in the vendor crates' `ENDPOINTS`)
//! and every fault kind of the benchmark ([`crate::bulk::fault_kinds`]), a fresh simulator hits every second request to that endpoint
//! with the fault ([`Nth::Every`]`(2)`, so the counts are the same on every run), the client sends
//! [`CALLS`] writes one after the other, each with a key of our choosing, and the row records
//! what the simulator applied and what the caller was told.
//!
//! The replay class of a row is read from the vendor crate's own endpoint table, and the
//! "confirmation lookups" column counts the reads the *client* made while the writes ran (the
//! driver itself sends none): a client that confirms an ambiguous write by looking it up (for
//! example `GET …/message/{fingerprint}`) fills that column without a change here.

use crate::{Reported, carrot_client, crisp_client, fault_transport};
use chatdesk::crisp::model::message::{MessageContent, MessageSend};
use chatdesk::crisp::model::people::PeopleProfileUpdate;
use chatdesk::transport::http::Method;
use chatdesk::transport::{EndpointSpec, Error, Replay};
use chatdesk_sim::{Fault, FaultKind, Nth, Seed, Sim, Vendor};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Writes sent per row.
pub const CALLS: u64 = 6;

/// Base of the fingerprints and `random_id`s the rows use (write `i` uses `BASE + i`).
const BASE: u64 = 9_000_000;

/// The write endpoints the matrix covers: for each vendor, unsafe ones (POST) and safe ones
/// (DELETE, and a POST the API refuses or ignores when repeated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Endpoint {
    /// Crisp `send_message_in_conversation` (a fingerprint of ours).
    CrispSendMessage,
    /// Crisp `add_new_people_profile` (an e-mail of ours).
    CrispAddPeopleProfile,
    /// Crisp `remove_message_in_conversation` (messages sent before the faults start).
    CrispRemoveMessage,
    /// Carrot `reply_in_conversation` (a `random_id` of ours).
    CarrotReply,
    /// Carrot `add_conversation_tag` (a tag of ours).
    CarrotAddTag,
}

impl Endpoint {
    /// Every endpoint of the matrix.
    pub const ALL: [Endpoint; 5] = [
        Endpoint::CrispSendMessage,
        Endpoint::CrispAddPeopleProfile,
        Endpoint::CrispRemoveMessage,
        Endpoint::CarrotReply,
        Endpoint::CarrotAddTag,
    ];

    /// The vendor.
    pub fn vendor(self) -> Vendor {
        match self {
            Endpoint::CarrotReply | Endpoint::CarrotAddTag => Vendor::Carrot,
            _ => Vendor::Crisp,
        }
    }

    /// The stable endpoint name in the vendor crate's `ENDPOINTS`.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::CrispSendMessage => "send_message_in_conversation",
            Endpoint::CrispAddPeopleProfile => "add_new_people_profile",
            Endpoint::CrispRemoveMessage => "remove_message_in_conversation",
            Endpoint::CarrotReply => "reply_in_conversation",
            Endpoint::CarrotAddTag => "add_conversation_tag",
        }
    }

    /// The vendor crate's declaration of this endpoint.
    pub fn spec(self) -> Option<&'static EndpointSpec> {
        let table: &'static [EndpointSpec] = match self.vendor() {
            Vendor::Crisp => chatdesk_crisp_api::ENDPOINTS,
            Vendor::Carrot => chatdesk_carrot_api::ENDPOINTS,
        };
        table.iter().find(|s| s.name == self.name())
    }

    /// The replay class as the vendor crate declares it (`Safe`, `Unsafe`, or any class added
    /// later, by its name).
    pub fn class(self) -> String {
        self.spec()
            .map_or_else(|| "unknown".to_owned(), |s| format!("{:?}", s.replay))
    }

    /// The simulator path pattern of the endpoint: both clients here use a `…/v1` base URL, and
    /// every placeholder becomes `*`.
    fn pattern(spec: &EndpointSpec) -> String {
        let mut out = String::from("/v1");
        let mut in_placeholder = false;
        for ch in spec.path.chars() {
            match ch {
                '{' => {
                    in_placeholder = true;
                    out.push('*');
                }
                '}' => in_placeholder = false,
                c if !in_placeholder => out.push(c),
                _ => {}
            }
        }
        out
    }
}

/// One row of the matrix: which write, which fault, and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `crisp` or `carrot`.
    pub vendor: &'static str,
    /// The endpoint's stable name.
    pub endpoint: &'static str,
    /// Its replay class.
    pub class: String,
    /// The fault's name (the benchmark's labels).
    pub fault: &'static str,
    /// The counts.
    pub counts: Counts,
}

impl Row {
    /// The part of a row that does not depend on a run: what `docs/reliability.md` must list.
    pub fn key(&self) -> RowKey {
        RowKey {
            vendor: self.vendor.to_owned(),
            endpoint: self.endpoint.to_owned(),
            class: self.class.clone(),
            fault: self.fault.to_owned(),
        }
    }

    /// What went wrong in this row, if anything: a write applied twice where the class does not
    /// allow a re-send, a success that was never applied, a "not sent" that was applied.
    pub fn findings(&self) -> Vec<String> {
        let c = &self.counts;
        let mut out = Vec::new();
        if c.applied_twice > 0 && self.class != format!("{:?}", Replay::Safe) {
            out.push(format!("{} applied more than once", c.applied_twice));
        }
        if c.lost > 0 {
            out.push(format!("{} reported successful but not applied", c.lost));
        }
        if c.not_sent_but_applied > 0 {
            out.push(format!(
                "{} reported \"not sent\" but applied",
                c.not_sent_but_applied
            ));
        }
        out
    }
}

/// The identity of a row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowKey {
    /// `crisp` or `carrot`.
    pub vendor: String,
    /// The endpoint's stable name.
    pub endpoint: String,
    /// Its replay class.
    pub class: String,
    /// The fault's name.
    pub fault: String,
}

/// What one row measured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Writes the client was asked to send.
    pub calls: u64,
    /// Requests to the endpoint the simulator received (re-sends included).
    pub sent: u64,
    /// Writes the simulator applied at least once.
    pub applied: u64,
    /// Writes applied more than once (a duplicate for an unsafe write; an idempotent re-send for
    /// a safe one).
    pub applied_twice: u64,
    /// Writes reported successful but never applied.
    pub lost: u64,
    /// Calls that returned `Ok`.
    pub ok: u64,
    /// Calls that failed with "may have been sent".
    pub may_have_been_sent: u64,
    /// Calls that failed with "not sent".
    pub not_sent: u64,
    /// Of those, writes the simulator had applied.
    pub not_sent_but_applied: u64,
    /// Reads the client made on its own while the writes ran (confirmation lookups).
    pub lookups: u64,
}

/// Every (vendor, endpoint, class, fault) the matrix has, without running it.
pub fn row_keys() -> Vec<RowKey> {
    let mut keys = Vec::new();
    for e in Endpoint::ALL {
        for (fault, _) in crate::bulk::fault_kinds() {
            keys.push(RowKey {
                vendor: e.vendor().as_str().to_owned(),
                endpoint: e.name().to_owned(),
                class: e.class(),
                fault: fault.to_owned(),
            });
        }
    }
    keys
}

/// Why the matrix could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ReliabilityError {
    /// The simulator did not start.
    #[error("starting the simulator: {0}")]
    Sim(#[from] chatdesk_sim::SimError),
    /// Building a client or a setup call failed.
    #[error("setup of {endpoint}: {source}")]
    Setup {
        /// The row's endpoint.
        endpoint: &'static str,
        /// The failure.
        source: Error,
    },
    /// An endpoint of the matrix is missing from its vendor crate's table.
    #[error("`{0}` is not in the vendor crate's ENDPOINTS")]
    UnknownEndpoint(&'static str),
    /// The setup answer lacked something.
    #[error("setup: {0}")]
    Missing(&'static str),
}

/// Runs every row. Needs a tokio runtime with the time and I/O drivers.
pub async fn run() -> Result<Vec<Row>, ReliabilityError> {
    let mut rows = Vec::new();
    for e in Endpoint::ALL {
        for (fault, kind) in crate::bulk::fault_kinds() {
            rows.push(run_row(e, fault, kind).await?);
        }
    }
    Ok(rows)
}

/// The fixture of one row: a simulator, both clients and the conversations written to.
struct Ctx {
    sim: Sim,
    crisp: chatdesk::crisp::CrispClient,
    carrot: chatdesk::carrot::CarrotClient,
    website: String,
    session: String,
    carrot_conv: u64,
}

async fn run_row(
    e: Endpoint,
    fault: &'static str,
    kind: FaultKind,
) -> Result<Row, ReliabilityError> {
    let setup = |source| ReliabilityError::Setup {
        endpoint: e.name(),
        source,
    };
    let spec = e
        .spec()
        .ok_or(ReliabilityError::UnknownEndpoint(e.name()))?;
    let sim = Sim::builder().seed(Seed::default()).start().await?;
    let crisp = crisp_client(&sim, fault_transport()).map_err(setup)?;
    let carrot = carrot_client(&sim, fault_transport()).map_err(setup)?;
    let website = sim.crisp_website_id();
    let session = crisp
        .website(&website)
        .conversations()
        .create()
        .await
        .map_err(setup)?
        .session_id
        .ok_or(ReliabilityError::Missing("no session_id"))?;
    let carrot_conv = *sim
        .carrot_conversation_ids()
        .first()
        .ok_or(ReliabilityError::Missing("no seeded Carrot conversation"))?;
    let ctx = Ctx {
        sim,
        crisp,
        carrot,
        website,
        session,
        carrot_conv,
    };
    if e == Endpoint::CrispRemoveMessage {
        for i in 1..=CALLS {
            send_crisp_message(&ctx, i).await.map_err(setup)?;
        }
    }

    let rule = Fault::new(kind)
        .vendor(e.vendor())
        .method(spec.method.clone())
        .path(Endpoint::pattern(spec))
        .nth(Nth::Every(2));
    // Two probe reads bracket the writes: the simulator numbers requests as they arrive but logs
    // them when they finish, and a request whose client gave up (a slow-header fault past the
    // attempt deadline) is cancelled unlogged. The numbers missing between the probes are those.
    ctx.sim.reset_accounting();
    ctx.sim.set_faults(vec![rule.clone()]);
    probe(&ctx).await.map_err(setup)?;
    let mut reported = Vec::new();
    for i in 1..=CALLS {
        reported.push(call(&ctx, e, i).await);
    }
    ctx.sim.clear_faults();
    probe(&ctx).await.map_err(setup)?;

    let counts_now = ctx.sim.write_counts();
    let mut c = Counts {
        calls: CALLS,
        ..Counts::default()
    };
    let log = ctx.sim.requests();
    // The probes arrived first and last (a cancelled request may still be logged after the
    // second, so take the arrival numbers, not the log order).
    let seqs = || log.iter().map(|r| r.seq);
    let (first, last) = match (seqs().min(), seqs().max()) {
        (Some(a), Some(b)) if b > a => (a, b),
        _ => {
            return Err(ReliabilityError::Missing(
                "the probes are not in the request log",
            ));
        }
    };
    let between: Vec<_> = log
        .iter()
        .filter(|r| r.seq > first && r.seq < last)
        .collect();
    // Unlogged requests: only the endpoint's requests are faulted, so only they are cancelled.
    c.sent = (last - first - 1) - between.len() as u64;
    for r in between {
        let Ok(method) = Method::from_bytes(r.method.as_bytes()) else {
            continue;
        };
        if rule.matches(r.vendor, &method, &r.path) {
            c.sent += 1;
        } else if method == Method::GET || method == Method::HEAD {
            c.lookups += 1;
        }
    }
    for (i, rep) in (1..=CALLS).zip(reported) {
        let applied = counts_now.get(&key(&ctx, e, i)).copied().unwrap_or(0);
        c.applied += u64::from(applied > 0);
        c.applied_twice += u64::from(applied > 1);
        match rep {
            Reported::Success => {
                c.ok += 1;
                c.lost += u64::from(applied == 0);
            }
            Reported::MayHaveBeenSent => c.may_have_been_sent += 1,
            Reported::NotSent => {
                c.not_sent += 1;
                c.not_sent_but_applied += u64::from(applied > 0);
            }
        }
    }
    Ok(Row {
        vendor: e.vendor().as_str(),
        endpoint: e.name(),
        class: e.class(),
        fault,
        counts: c,
    })
}

async fn send_crisp_message(ctx: &Ctx, i: u64) -> Result<(), Error> {
    let mut msg = MessageSend::operator(MessageContent::Text(format!("reliability {i}")));
    msg.fingerprint = i64::try_from(BASE + i).ok();
    ctx.crisp
        .website(&ctx.website)
        .conversation(&ctx.session)
        .send_message(msg)
        .await
        .map(drop)
}

/// A read that matches no fault rule of the matrix, to mark a point in the request log.
async fn probe(ctx: &Ctx) -> Result<(), Error> {
    ctx.crisp.website(&ctx.website).get().await.map(drop)
}

fn email(i: u64) -> String {
    format!("reliability-{i}@example.com")
}

fn tag(i: u64) -> String {
    format!("reliability-{i}")
}

/// Sends write `i` of endpoint `e`.
async fn call(ctx: &Ctx, e: Endpoint, i: u64) -> Reported {
    let fp = i64::try_from(BASE + i).unwrap_or(i64::MAX);
    let conv = ctx.crisp.website(&ctx.website);
    match e {
        Endpoint::CrispSendMessage => Reported::of(&send_crisp_message(ctx, i).await),
        Endpoint::CrispAddPeopleProfile => {
            let body = PeopleProfileUpdate {
                email: Some(email(i)),
                ..PeopleProfileUpdate::default()
            };
            Reported::of(&conv.people().add_profile(body).await)
        }
        Endpoint::CrispRemoveMessage => {
            Reported::of(&conv.conversation(&ctx.session).remove_message(fp).await)
        }
        Endpoint::CarrotReply => {
            let c = ctx.carrot.conversation(ctx.carrot_conv);
            Reported::of(
                &c.reply(format!("reliability {i}"))
                    .random_id(BASE + i)
                    .await,
            )
        }
        Endpoint::CarrotAddTag => Reported::of(
            &ctx.carrot
                .conversation(ctx.carrot_conv)
                .add_tag(tag(i))
                .await,
        ),
    }
}

/// The simulator's write-counter key of write `i` of endpoint `e`.
fn key(ctx: &Ctx, e: Endpoint, i: u64) -> String {
    match e {
        Endpoint::CrispSendMessage => format!("crisp:message:{}", BASE + i),
        Endpoint::CrispAddPeopleProfile => format!("crisp:people:create:{}", email(i)),
        Endpoint::CrispRemoveMessage => {
            format!("crisp:message:delete:{}:{}", ctx.session, BASE + i)
        }
        Endpoint::CarrotReply => format!("carrot:reply:{}:{}", ctx.carrot_conv, BASE + i),
        Endpoint::CarrotAddTag => format!("carrot:tag:{}:{}", ctx.carrot_conv, tag(i)),
    }
}

/// The header of the matrix table; [`parse_rows`] reads the rows under it.
const TABLE_HEADER: &str = "| vendor | endpoint | class | fault | calls | sent | applied | applied twice | lost | ok | may have been sent | not sent | \"not sent\" but applied | confirmation lookups |";

/// Renders `docs/reliability.md`.
pub fn render(rows: &[Row]) -> String {
    let mut s = String::new();
    let kinds = crate::bulk::fault_kinds().len();
    let _ = write!(
        s,
        "# Reliability matrix\n\n\
         <!-- Generated by `cargo xtask reliability` (xtask/src/reliability.rs). Do not edit: re-run it. \
         `cargo test -p xtask` checks that the rows below match the generator's. -->\n\n\
         What each write endpoint does under each fault the simulator can inject, measured against \
         `chatdesk-sim` over loopback. For every row a fresh simulator hits **every second request** \
         to the endpoint with the fault, and the client sends {CALLS} writes one after the other, each \
         with a key of ours (a Crisp fingerprint, an e-mail, a Carrot `random_id`, a tag), so the \
         simulator's write counters tell what was applied. Fault placement is deterministic: the \
         counts are the same on every run.\n\n\
         The clients use the benchmark's fault settings: retries with a 20 ms base backoff, a 1 s \
         attempt deadline (below the slow-header fault) and a 1 MiB body cap (below the oversized \
         fault). The {kinds} faults are the benchmark's (`cargo xtask bench`, part 3).\n\n\
         Columns:\n\n\
         * **class**: the replay class the vendor crate declares. `Safe` writes are re-sent after a \
         lost answer; `Unsafe` ones only when the request never left the process or was refused \
         unprocessed.\n\
         * **sent**: requests to the endpoint the simulator received, re-sends included (counted \
         on arrival, so one whose client stopped waiting counts too).\n\
         * **applied** / **applied twice**: writes the simulator applied at least once / more than \
         once. Twice is a duplicate for an `Unsafe` write; for a `Safe` one it is the idempotent \
         re-send its class allows.\n\
         * **lost**: reported successful but never applied (must be 0).\n\
         * **ok** / **may have been sent** / **not sent**: what the caller was told. \"May have been \
         sent\" is an error whose `was_sent()` is `Some(true)`, a 5xx, or a 2xx the client could not \
         read; \"not sent\" is `was_sent() == Some(false)` or a 4xx.\n\
         * **\"not sent\" but applied**: an error that told the caller the write was not applied \
         although it was (must be 0).\n\
         * **confirmation lookups**: reads the client made on its own while the writes ran (for \
         example `GET …/message/{{fingerprint}}` to confirm an ambiguous send). The driver sends no \
         reads, so every one is the client's.\n\n"
    );
    s.push_str(TABLE_HEADER);
    s.push('\n');
    s.push_str("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        let c = &r.counts;
        let _ = writeln!(
            s,
            "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.vendor,
            r.endpoint,
            r.class,
            r.fault,
            c.calls,
            c.sent,
            c.applied,
            c.applied_twice,
            c.lost,
            c.ok,
            c.may_have_been_sent,
            c.not_sent,
            c.not_sent_but_applied,
            c.lookups
        );
    }
    s.push_str("\n## Findings\n\n");
    let mut any = false;
    for r in rows {
        for f in r.findings() {
            any = true;
            let _ = writeln!(s, "* {} `{}` under {}: {f}.", r.vendor, r.endpoint, r.fault);
        }
    }
    if !any {
        s.push_str("None: no duplicate, no lost write, no false \"not sent\".\n");
    }
    s
}

/// The rows a rendered matrix lists (vendor, endpoint, class, fault), in file order.
pub fn parse_rows(doc: &str) -> Vec<RowKey> {
    let Some(start) = doc.find(TABLE_HEADER) else {
        return Vec::new();
    };
    doc[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            Some(RowKey {
                vendor: (*cells.first()?).to_owned(),
                endpoint: cells.get(1)?.trim_matches('`').to_owned(),
                class: (*cells.get(2)?).to_owned(),
                fault: (*cells.get(3)?).to_owned(),
            })
        })
        .collect()
}

/// Every (vendor, endpoint, class, fault) as a set, for comparisons that ignore order.
pub fn key_set(keys: impl IntoIterator<Item = RowKey>) -> BTreeSet<RowKey> {
    keys.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_is_declared_and_patterns_replace_placeholders() {
        for e in Endpoint::ALL {
            let spec = e.spec().unwrap_or_else(|| panic!("{e:?} not declared"));
            assert!(!Endpoint::pattern(spec).contains('{'), "{e:?}");
        }
        let send = Endpoint::CrispSendMessage.spec().map(Endpoint::pattern);
        assert_eq!(
            send.as_deref(),
            Some("/v1/website/*/conversation/*/message")
        );
    }

    #[test]
    fn rendered_rows_parse_back() {
        let rows: Vec<Row> = row_keys()
            .into_iter()
            .zip(Endpoint::ALL.iter().flat_map(|e| {
                crate::bulk::fault_kinds()
                    .into_iter()
                    .map(move |(f, _)| (*e, f))
            }))
            .map(|(k, (e, fault))| Row {
                vendor: e.vendor().as_str(),
                endpoint: e.name(),
                class: k.class,
                fault,
                counts: Counts::default(),
            })
            .collect();
        let parsed = parse_rows(&render(&rows));
        assert_eq!(parsed, rows.iter().map(Row::key).collect::<Vec<_>>());
        assert_eq!(
            parsed.len(),
            Endpoint::ALL.len() * crate::bulk::fault_kinds().len()
        );
    }
}
