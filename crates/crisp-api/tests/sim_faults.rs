//! Fault accounting for Crisp message sends through `CrispClient` against `chatdesk-sim`: under
//! every fault the simulator injects, no message is applied twice, every message the client
//! reports as sent is applied exactly once, and each error says truthfully whether the message
//! may have been applied. Over a rate limit every message lands, once.
//!
//! The checks are the ones the Carrot client is held to (`chatdesk_sim::testkit`).
//!
//! Message sends are confirmed writes (`chatdesk_crisp_api::confirm`): the tests of the split
//! between sent and failed sends here turn confirmation off; `confirmed_writes.rs` covers it.

mod crisp_sim;

use chatdesk_crisp_api::Error;
use chatdesk_sim::testkit::{
    ATTEMPT_TIMEOUT, FaultCase, Tally, assert_burst_log, fault_cases, no_duplicates,
    patient_transport, send_each,
};
use chatdesk_sim::{RateLimit, Sim, Vendor};
use chatdesk_transport::{RateLimitScope, RetryConfig, Transport};
use crisp_sim::{MESSAGE_PATH, key, message, start, start_confirming};
use std::future::IntoFuture;
use std::time::Duration;

/// Sends `n` messages one after the other under `case`'s fault, which hits every second send,
/// from a client that does not confirm its writes, and checks each outcome against the
/// simulator's counter.
async fn messages_under(case: &FaultCase, n: u64) -> Tally {
    let transport = Transport::builder()
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .build();
    let builder = Sim::builder().fault(case.fault(MESSAGE_PATH));
    let (sim, client, website, session) = start_confirming(builder, transport, false).await;
    let conversation = client.website(&website).conversation(&session);
    send_each(
        &sim,
        case,
        n,
        |i| conversation.send_message(message(i)).into_future(),
        key,
    )
    .await
}

#[tokio::test(start_paused = true)]
async fn message_faults_never_apply_a_message_twice_and_errors_tell_the_truth() {
    for case in fault_cases() {
        // Every second send is hit, and a send may not be re-sent: three land, three fail
        // (confirmation off for the client, so the behaviour is the unconfirmed one).
        messages_under(&case, 6).await.assert_split(3, 3);
    }
}

/// The messages that did land are the ones the conversation shows, once each (each send opts
/// out of confirmation, so a lost answer is reported as "may have been sent").
#[tokio::test(start_paused = true)]
async fn the_conversation_holds_exactly_the_applied_messages() {
    let case = FaultCase {
        kind: chatdesk_sim::FaultKind::CloseAfterProcessing,
    };
    let transport = Transport::builder().build();
    let builder = Sim::builder().fault(case.fault(MESSAGE_PATH));
    let (sim, client, website, session) = start(builder, transport).await;
    let conversation = client.website(&website).conversation(&session);
    let mut lost = Vec::new();
    for fp in 1..=6_u64 {
        match conversation.send_message(message(fp)).confirm(false).await {
            Ok(_) => {}
            Err(err @ Error::Transport { .. }) => {
                assert_eq!(err.was_sent(), Some(true));
                lost.push(fp);
            }
            Err(other) => panic!("message {fp}: {other:?}"),
        }
    }
    assert_eq!(lost, [2, 4, 6], "every second answer was lost");
    let mut shown: Vec<u64> = conversation
        .messages()
        .await
        .unwrap()
        .into_iter()
        .filter_map(|m| m.fingerprint.and_then(|fp| u64::try_from(fp).ok()))
        .filter(|fp| (1..=6).contains(fp))
        .collect();
    shown.sort_unstable();
    assert_eq!(shown, [1, 2, 3, 4, 5, 6], "lost answers, applied writes");
    for fp in 1..=6 {
        assert_eq!(sim.write_count(&key(fp)), 1, "message {fp}");
    }
}

#[tokio::test(start_paused = true)]
async fn messages_over_the_rate_limit_all_land_once() {
    const N: u64 = 12;
    let transport = patient_transport();
    // The conversation is created before the limit is set, so every refusal is a message's.
    let (sim, client, website, session) = start(Sim::builder(), transport).await;
    sim.set_rate_limits(vec![RateLimit::new(2.0, 2).vendor(Vendor::Crisp)]);
    sim.reset_accounting();
    let conversation = client.website(&website).conversation(&session);
    let sends = (1..=N).map(|fp| conversation.send_message(message(fp)).into_future());
    let results = futures_util::future::join_all(sends).await;
    for (fp, result) in (1..=N).zip(&results) {
        let sent = result
            .as_ref()
            .unwrap_or_else(|e| panic!("message {fp}: {e:?}"));
        assert_eq!(sent.fingerprint, i64::try_from(fp).ok(), "message {fp}");
        assert_eq!(sim.write_count(&key(fp)), 1, "message {fp}");
    }
    no_duplicates(&sim.write_counts());
    assert_burst_log(&sim.requests(), N);
}

/// A refusal the client will not wait out surfaces as `RateLimited` by the server, and the
/// refused message was not applied.
#[tokio::test(start_paused = true)]
async fn a_refusal_not_waited_out_is_reported_and_not_applied() {
    let transport = Transport::builder()
        .retry(RetryConfig {
            max_retry_after: Duration::ZERO,
            ..RetryConfig::default()
        })
        .build();
    let (sim, client, website, session) = start(Sim::builder(), transport).await;
    sim.set_rate_limits(vec![RateLimit::new(1.0, 1).vendor(Vendor::Crisp)]);
    let conversation = client.website(&website).conversation(&session);
    conversation.send_message(message(1)).await.unwrap();
    let err = conversation.send_message(message(2)).await.unwrap_err();
    match &err {
        Error::RateLimited {
            retry_after,
            scope,
            status,
        } => {
            assert_eq!(*scope, RateLimitScope::Server);
            assert_eq!(status.map(|s| s.as_u16()), Some(429));
            assert_eq!(*retry_after, Some(Duration::from_secs(1)));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(sim.write_count(&key(1)), 1);
    assert_eq!(sim.write_count(&key(2)), 0, "refused unprocessed");
    assert!(
        sim.requests()
            .iter()
            .any(|r| r.rate_limited && !r.processed)
    );
}
