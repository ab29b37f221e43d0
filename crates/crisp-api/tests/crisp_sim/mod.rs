//! Crisp clients against `chatdesk-sim`: the client wired to the simulator (every test against
//! it), and for the fault tests a started simulator with a conversation, messages keyed by their
//! fingerprint, and the counts of what the client sent (`sim_faults.rs`, `confirmed_writes.rs`,
//! `confirmed_writes_traced.rs`, `user_op.rs`); the fault accounting is `chatdesk_sim::testkit`.
#![allow(dead_code)]

use chatdesk_crisp_api::model::message::{MessageContent, MessageDispatched, MessageSend};
use chatdesk_crisp_api::{Credentials, CrispClient, CrispClientBuilder, Error};
use chatdesk_sim::testkit::{ATTEMPT_TIMEOUT, FaultCase, fault_cases, no_duplicates};
use chatdesk_sim::{CrispTier, Fault, FaultKind, Sim, SimBuilder};
use chatdesk_transport::Transport;
use chatdesk_transport::http::Method;

/// A client builder for the simulator's Crisp API with the keypair `identifier`/`key` of `tier`.
pub fn builder_for(sim: &Sim, identifier: &str, key: &str, tier: CrispTier) -> CrispClientBuilder {
    let tier = tier.as_str().parse().unwrap();
    CrispClient::builder()
        .credentials(Credentials::new(identifier, key, tier))
        .base_url(sim.crisp_base_url())
}

/// [`builder_for`] the simulator's default keypair.
pub fn sim_builder(sim: &Sim) -> CrispClientBuilder {
    let creds = sim.crisp_credentials();
    builder_for(sim, &creds.identifier, &creds.key, creds.tier)
}

/// The sim's Crisp path for message sends (`*` matches the website and the session).
pub const MESSAGE_PATH: &str = "/v1/website/*/conversation/*/message";

/// Starts `builder`, creates a conversation through a client over `transport`, and returns the
/// simulator, the client, the website and the session.
pub async fn start(
    builder: SimBuilder,
    transport: Transport,
) -> (Sim, CrispClient, String, String) {
    start_confirming(builder, transport, true).await
}

/// [`start`], with write confirmation on or off for the whole client.
pub async fn start_confirming(
    builder: SimBuilder,
    transport: Transport,
    confirm_writes: bool,
) -> (Sim, CrispClient, String, String) {
    let sim = builder.start().await.unwrap();
    let creds = sim.crisp_credentials();
    assert_eq!(creds.tier, CrispTier::Plugin, "the default keypair's tier");
    let client = sim_builder(&sim)
        .transport(transport)
        .confirm_writes(confirm_writes)
        .build()
        .unwrap();
    let session = new_conversation(&client, &creds.website_id).await;
    (sim, client, creds.website_id, session)
}

/// Creates a conversation on `website_id` and returns its session id.
pub async fn new_conversation(client: &CrispClient, website_id: &str) -> String {
    let created = client
        .website(website_id)
        .conversations()
        .create()
        .await
        .unwrap();
    created.session_id.expect("a session id")
}

/// An operator text message with a fingerprint of our choosing, so that the simulator keys its
/// write counter `crisp:message:<fingerprint>`.
pub fn message(fingerprint: u64) -> MessageSend {
    let mut m = MessageSend::operator(MessageContent::text(format!("message {fingerprint}")));
    m.fingerprint = Some(i64::try_from(fingerprint).unwrap());
    m
}

pub fn key(fingerprint: u64) -> String {
    format!("crisp:message:{fingerprint}")
}

/// The sim's path of a message look-up by fingerprint.
pub const LOOKUP_PATH: &str = "/v1/website/*/conversation/*/message/*";

/// The sim's path of people profile creation.
pub const PROFILE_PATH: &str = "/v1/website/*/people/profile";

/// The largest body the confirming clients read, below the oversized fault's body.
pub const MAX_BODY: usize = 1024 * 1024;

/// Every fault kind a write can meet, the oversized answer included.
pub fn every_fault() -> Vec<FaultCase> {
    let mut cases = fault_cases();
    cases.push(FaultCase {
        kind: FaultKind::OversizedBody {
            bytes: 2 * MAX_BODY as u64,
        },
    });
    cases
}

pub fn confirming_transport() -> Transport {
    Transport::builder()
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .max_body(MAX_BODY)
        .build()
}

/// How many requests in the log went to `method` on a path matching `pattern`.
pub fn count(sim: &Sim, method: &str, pattern: &str) -> usize {
    let rule = Fault::new(FaultKind::CloseBeforeProcessing).path(pattern);
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    sim.requests()
        .iter()
        .filter(|r| r.method == method.as_str() && rule.matches(r.vendor, &method, &r.path))
        .count()
}

pub fn lookups(sim: &Sim) -> usize {
    count(sim, "GET", LOOKUP_PATH)
}

/// The POSTs to `pattern` in the log, where the log has them all: a request whose delayed
/// answer the client stopped waiting for is never logged (its write is still counted, so a
/// re-send of it would show as a duplicate).
pub fn logged_posts(sim: &Sim, case: &FaultCase, pattern: &str) -> Option<usize> {
    match case.kind {
        FaultKind::Delay { .. } => None,
        _ => Some(count(sim, "POST", pattern)),
    }
}

/// Sends messages `1..=n` through a confirming client under `faults`, in a simulator that keeps
/// (or, with `ignore`, replaces) supplied fingerprints. Returns the simulator and each result.
pub async fn confirmed_sends(
    faults: Vec<Fault>,
    ignore: bool,
    n: u64,
) -> (Sim, Vec<Result<MessageDispatched, Error>>) {
    let mut builder = Sim::builder().crisp_ignore_supplied_fingerprints(ignore);
    for fault in faults {
        builder = builder.fault(fault);
    }
    let (sim, client, website, session) = start(builder, confirming_transport()).await;
    let conversation = client.website(&website).conversation(&session);
    let mut results = Vec::new();
    for fp in 1..=n {
        results.push(conversation.send_message(message(fp)).await);
    }
    (sim, results)
}

/// Every send succeeded, with its own fingerprint, and was applied exactly once.
pub fn assert_all_landed_once<T: std::fmt::Debug>(
    what: &str,
    sim: &Sim,
    results: &[Result<T, Error>],
) {
    for (fp, result) in (1..).zip(results) {
        assert!(result.is_ok(), "{what}: message {fp}: {result:?}");
        assert_eq!(sim.write_count(&key(fp)), 1, "{what}: message {fp}");
    }
    no_duplicates(&sim.write_counts());
}

/// The (look-ups, POSTs) of six writes under a fault on every second POST: a processing fault
/// is found by the look-up (three hits, nothing re-sent); an unprocessed one is re-sent, and the
/// re-send shifts the cadence so that every write after the first is hit once.
pub fn expected_traffic(case: &FaultCase) -> (usize, usize) {
    if case.kind.processes() {
        (3, 6)
    } else {
        (5, 11)
    }
}
