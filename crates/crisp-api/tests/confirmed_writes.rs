//! Confirmed writes against `chatdesk-sim` (`chatdesk_crisp_api::confirm`): under every fault
//! kind, message sends and profile creations end exactly once, and the call says so; against a
//! simulator that ignores supplied fingerprints nothing is re-sent; the opt-outs restore the
//! unconfirmed behaviour. Every figure is a count (sends, look-ups, applications), never a time.

mod crisp_sim;

use chatdesk_crisp_api::Error;
use chatdesk_crisp_api::confirm::{MAX_GENERATED_FINGERPRINT, Unconfirmed};
use chatdesk_crisp_api::model::message::{MessageContent, MessageSend};
use chatdesk_crisp_api::model::people::PeopleProfileUpdate;
use chatdesk_sim::testkit::{self, FaultCase, no_duplicates, send_each};
use chatdesk_sim::{ErrorBody, Fault, FaultKind, Nth, Sim};
use chatdesk_transport::http::Method;
use crisp_sim::*;
use std::future::IntoFuture;

/// Under every fault kind on every second send: no send fails, none is applied twice, none is
/// lost; each hit costs exactly one look-up, and only the unprocessed ones a re-send.
#[tokio::test(start_paused = true)]
async fn confirmed_sends_under_every_fault_fail_none_duplicate_none_lose_none() {
    for case in every_fault() {
        let (sim, results) = confirmed_sends(vec![case.fault(MESSAGE_PATH)], false, 6).await;
        let what = format!("{:?}", case.kind);
        assert_all_landed_once(&what, &sim, &results);
        for (fp, result) in (1..).zip(&results) {
            let sent = result.as_ref().unwrap();
            assert_eq!(
                sent.fingerprint,
                Some(fp),
                "{what}: the output of a plain send"
            );
        }
        let (expected_lookups, expected_posts) = expected_traffic(&case);
        assert_eq!(
            lookups(&sim),
            expected_lookups,
            "{what}: one look-up per hit"
        );
        if let Some(posts) = logged_posts(&sim, &case, MESSAGE_PATH) {
            assert_eq!(
                posts, expected_posts,
                "{what}: re-sent only what was not found"
            );
        }
    }
}

/// Every fault kind in one run, each hitting one send (every other POST, so that a re-send is
/// never hit): every message lands once, with one look-up per fault.
#[tokio::test(start_paused = true)]
async fn confirmed_sends_under_all_faults_at_once_land_once_each() {
    let cases = every_fault();
    let faults = (0..)
        .zip(&cases)
        .map(|(i, case)| case.fault(MESSAGE_PATH).nth(Nth::Only(2 + 2 * i)))
        .collect();
    let n = 2 * cases.len() as u64 + 2;
    let (sim, results) = confirmed_sends(faults, false, n).await;
    assert_all_landed_once("all faults", &sim, &results);
    assert_eq!(lookups(&sim), cases.len(), "one look-up per fault");
}

/// A message sent without a fingerprint gets a generated one (positive, within 2^53), which is
/// what the look-up uses and what the call answers.
#[tokio::test(start_paused = true)]
async fn a_generated_fingerprint_confirms_a_lost_answer() {
    let case = FaultCase {
        kind: FaultKind::CloseAfterProcessing,
    };
    let builder = Sim::builder().fault(case.fault(MESSAGE_PATH));
    let (sim, client, website, session) = start(builder, confirming_transport()).await;
    let conversation = client.website(&website).conversation(&session);
    for i in 0..4 {
        let text = MessageContent::text(format!("no fingerprint {i}"));
        let sent = conversation
            .send_message(MessageSend::operator(text))
            .await
            .unwrap();
        let fp = sent.fingerprint.expect("a fingerprint");
        assert!((1..=MAX_GENERATED_FINGERPRINT).contains(&fp), "{fp}");
        assert_eq!(sim.write_count(&format!("crisp:message:{fp}")), 1);
    }
    no_duplicates(&sim.write_counts());
    assert_eq!(lookups(&sim), 2);
}

/// Against an API that does not keep supplied fingerprints, a look-up never finds the message,
/// and "not found" is not taken as proof: the hit sends fail with the fault's own error (which
/// says honestly whether they may have been applied), and nothing is re-sent or duplicated.
#[tokio::test(start_paused = true)]
async fn ignored_fingerprints_never_lead_to_a_resend() {
    for case in every_fault() {
        let builder = Sim::builder()
            .crisp_ignore_supplied_fingerprints(true)
            .fault(case.fault(MESSAGE_PATH));
        let (sim, client, website, session) = start(builder, confirming_transport()).await;
        let conversation = client.website(&website).conversation(&session);
        let tally = send_each(
            &sim,
            &case,
            6,
            |i| conversation.send_message(message(i)).into_future(),
            key,
        )
        .await;
        tally.assert_split(3, 3);
        let what = format!("{:?}", case.kind);
        assert_eq!(lookups(&sim), 3, "{what}: the look-ups were made");
        if let Some(posts) = logged_posts(&sim, &case, MESSAGE_PATH) {
            assert_eq!(posts, 6, "{what}: no re-send");
        }
    }
}

/// Until the client has seen the API keep a fingerprint, "not found" proves nothing: a first
/// send that fails unprocessed is reported, not re-sent. Once a send has echoed its fingerprint
/// (or a look-up found one), the same failure is re-sent and lands.
#[tokio::test(start_paused = true)]
async fn not_found_leads_to_a_resend_only_once_the_api_was_seen_keeping_fingerprints() {
    let unprocessed = FaultCase {
        kind: FaultKind::CloseBeforeProcessing,
    };
    let hit = |nth| unprocessed.fault(MESSAGE_PATH).nth(Nth::Only(nth));
    // POST 1 (message 1) is hit before anything is known; POST 2 (message 2) teaches; POST 3
    // (message 3) is hit and re-sent as POST 4.
    let (sim, results) = confirmed_sends(vec![hit(1), hit(3)], false, 3).await;
    let first = results[0].as_ref().unwrap_err();
    assert!(
        matches!(
            first,
            Error::Transport {
                maybe_sent: true,
                ..
            }
        ),
        "{first:?}"
    );
    assert_eq!(sim.write_count(&key(1)), 0);
    assert!(results[1].is_ok() && results[2].is_ok(), "{results:?}");
    assert_eq!(sim.write_count(&key(3)), 1);
    assert_eq!((lookups(&sim), count(&sim, "POST", MESSAGE_PATH)), (2, 4));

    // A look-up that finds the first message teaches the same.
    let processed = FaultCase {
        kind: FaultKind::CloseAfterProcessing,
    };
    let faults = vec![
        processed.fault(MESSAGE_PATH).nth(Nth::Only(1)),
        unprocessed.fault(MESSAGE_PATH).nth(Nth::Only(2)),
    ];
    let (sim, results) = confirmed_sends(faults, false, 2).await;
    assert_all_landed_once("found first", &sim, &results);
    assert_eq!((lookups(&sim), count(&sim, "POST", MESSAGE_PATH)), (2, 3));
}

/// A look-up that fails leaves the write unconfirmed: "may have been sent", with both errors
/// reachable.
#[tokio::test(start_paused = true)]
async fn a_failed_lookup_reports_both_errors_as_may_have_been_sent() {
    let lost = FaultCase {
        kind: FaultKind::CloseAfterProcessing,
    };
    let broken_lookup = Fault::new(FaultKind::Status {
        status: 503,
        body: ErrorBody::Json,
    })
    .method(Method::GET)
    .path(LOOKUP_PATH);
    let faults = vec![lost.fault(MESSAGE_PATH), broken_lookup];
    let (sim, results) = confirmed_sends(faults, false, 2).await;
    assert!(results[0].is_ok());
    let err = results[1].as_ref().unwrap_err();
    assert_eq!(err.was_sent(), Some(true), "{err:?}");
    let unconfirmed = std::error::Error::source(err)
        .and_then(|s| s.downcast_ref::<Unconfirmed>())
        .unwrap_or_else(|| panic!("an Unconfirmed source: {err:?}"));
    assert!(
        matches!(
            unconfirmed.sent,
            Error::Transport {
                maybe_sent: true,
                ..
            }
        ),
        "{unconfirmed:?}"
    );
    assert_eq!(unconfirmed.lookup.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(sim.write_count(&key(2)), 1, "applied, and not re-sent");
    assert_eq!(count(&sim, "POST", MESSAGE_PATH), 2);
}

/// A send that opts out is not looked up; a client that opts out looks nothing up.
#[tokio::test(start_paused = true)]
async fn opting_out_per_call_or_per_client_skips_the_lookup() {
    let case = FaultCase {
        kind: FaultKind::CloseAfterProcessing,
    };
    for per_client in [true, false] {
        let builder = Sim::builder().fault(case.fault(MESSAGE_PATH));
        let (sim, client, website, session) =
            start_confirming(builder, confirming_transport(), !per_client).await;
        let conversation = client.website(&website).conversation(&session);
        let tally = send_each(
            &sim,
            &case,
            4,
            |i| {
                let call = conversation.send_message(message(i));
                let call = if per_client {
                    call
                } else {
                    call.confirm(false)
                };
                call.into_future()
            },
            key,
        )
        .await;
        tally.assert_split(2, 2);
        assert_eq!(lookups(&sim), 0, "per client: {per_client}");
    }
}

/// Profiles created with an e-mail under every fault kind: each is created once, and each call
/// answers the id the profile has.
#[tokio::test(start_paused = true)]
async fn profiles_created_under_every_fault_are_confirmed_by_email() {
    for case in every_fault() {
        let builder = Sim::builder().fault(case.fault(PROFILE_PATH));
        let (sim, client, website, _) = start(builder, confirming_transport()).await;
        let website = client.website(&website);
        let what = format!("{:?}", case.kind);
        for i in 1..=6 {
            let email = format!("confirmed{i}@example.com");
            let profile = PeopleProfileUpdate {
                email: Some(email.clone()),
                ..PeopleProfileUpdate::default()
            };
            let created = website
                .people()
                .add_profile(profile)
                .await
                .unwrap_or_else(|e| panic!("{what}: profile {i}: {e:?}"));
            let stored = website.person(&email).get().await.unwrap();
            assert_eq!(created.people_id, stored.people_id, "{what}: profile {i}");
            assert_eq!(
                sim.write_count(&format!("crisp:people:create:{email}")),
                1,
                "{what}: profile {i}"
            );
        }
        no_duplicates(&sim.write_counts());
        if let Some(posts) = logged_posts(&sim, &case, PROFILE_PATH) {
            assert_eq!(posts, expected_traffic(&case).1, "{what}");
        }
    }
}

/// Re-sends draw on the transport's retry budget: with the transport's retries disabled, a
/// confirmed send that was not found is reported, not re-sent (the look-up still runs); and
/// four unprocessed faults in a row on one write are ridden out within `MAX_SENDS`.
#[tokio::test(start_paused = true)]
async fn resends_draw_on_the_transport_retry_budget() {
    use chatdesk_crisp_api::confirm::MAX_SENDS;
    use chatdesk_transport::{RetryConfig, Transport};
    let unprocessed = FaultCase {
        kind: FaultKind::CloseBeforeProcessing,
    };
    let hit = |nth| unprocessed.fault(MESSAGE_PATH).nth(Nth::Only(nth));

    // Retries off: message 1 teaches, message 2 is hit (POST 2), looked up, not re-sent.
    let transport = Transport::builder()
        .retry(RetryConfig::disabled())
        .attempt_timeout(testkit::ATTEMPT_TIMEOUT)
        .build();
    let (sim, client, website, session) = start(Sim::builder().fault(hit(2)), transport).await;
    let conversation = client.website(&website).conversation(&session);
    conversation.send_message(message(1)).await.unwrap();
    let err = conversation.send_message(message(2)).await.unwrap_err();
    assert_eq!(err.was_sent(), Some(true), "{err:?}");
    assert_eq!(sim.write_count(&key(2)), 0);
    assert_eq!((lookups(&sim), count(&sim, "POST", MESSAGE_PATH)), (1, 2));

    // Default retries: message 2 is hit on four sends in a row (POSTs 2 to 5) and lands on the
    // fifth, the last MAX_SENDS allows.
    assert_eq!(MAX_SENDS, 5);
    let (sim, results) = confirmed_sends(vec![hit(2), hit(3), hit(4), hit(5)], false, 2).await;
    assert_all_landed_once("four faults in a row", &sim, &results);
    assert_eq!((lookups(&sim), count(&sim, "POST", MESSAGE_PATH)), (4, 6));
}
