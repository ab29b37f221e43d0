//! Each confirmation look-up is one tracing event. In a test binary of its own: a scoped
//! subscriber does not see events from callsites that tests on other threads registered first.

mod crisp_sim;

use chatdesk_sim::testkit::FaultCase;
use chatdesk_sim::{FaultKind, Nth};
use crisp_sim::{MESSAGE_PATH, assert_all_landed_once, confirmed_sends, lookups};

/// Each look-up is one tracing event, with the endpoints and the outcome and no secret.
#[tokio::test(start_paused = true)]
async fn each_lookup_is_one_tracing_event() {
    let capture = chatdesk_sim::testkit::CaptureWriter::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let processed = FaultCase {
        kind: FaultKind::CloseAfterProcessing,
    };
    let unprocessed = FaultCase {
        kind: FaultKind::CloseBeforeProcessing,
    };
    let faults = vec![
        processed.fault(MESSAGE_PATH).nth(Nth::Only(2)),
        unprocessed.fault(MESSAGE_PATH).nth(Nth::Only(4)),
    ];
    let (sim, results) = confirmed_sends(faults, false, 4).await;
    assert_all_landed_once("traced", &sim, &results);
    let logs = capture.text();
    let events: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("confirmation lookup"))
        .collect();
    assert_eq!(events.len(), 2, "{logs}");
    assert_eq!(events.len(), lookups(&sim));
    assert!(events[0].contains(r#"outcome="found""#), "{}", events[0]);
    assert!(
        events[1].contains(r#"outcome="not_found""#),
        "{}",
        events[1]
    );
    assert!(events[1].contains("resend=true"), "{}", events[1]);
    for event in &events {
        assert!(event.contains(r#"endpoint="get_message_in_conversation""#));
        assert!(event.contains(r#"write="send_message_in_conversation""#));
    }
    let creds = sim.crisp_credentials();
    assert!(!logs.contains(&creds.key), "the key is never logged");
}
