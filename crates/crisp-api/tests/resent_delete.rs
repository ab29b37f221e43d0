//! A safe DELETE whose first answer is lost after the simulator processed it is sent again and
//! answered 404: the call reports the deletion it asked for, not a "not found" the caller could
//! not tell from a real one. A 404 after an attempt that certainly was not processed stays a 404,
//! and carries its attempt number.

mod crisp_sim;

use chatdesk_crisp_api::{CrispClient, Error};
use chatdesk_sim::{ErrorBody, Fault, FaultKind, Nth, Sim, SimBuilder};
use chatdesk_transport::http::{Method, StatusCode};
use chatdesk_transport::{RetryConfig, Transport};
use std::time::Duration;

const CONVERSATION: &str = "/v1/website/*/conversation/*";

/// A fault on the first DELETE of a conversation only.
fn first_delete(kind: FaultKind) -> Fault {
    Fault::new(kind)
        .method(Method::DELETE)
        .path(CONVERSATION)
        .nth(Nth::Only(1))
}

async fn start(builder: SimBuilder) -> (Sim, CrispClient, String) {
    let sim = builder.start().await.unwrap();
    let creds = sim.crisp_credentials();
    let transport = Transport::builder()
        .retry(RetryConfig {
            base_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(5),
            ..RetryConfig::default()
        })
        .build();
    let client = crisp_sim::sim_builder(&sim)
        .transport(transport)
        .build()
        .unwrap();
    (sim, client, creds.website_id)
}

fn not_found(err: &Error) -> (u32, bool) {
    match err {
        Error::Api(api) if api.status == StatusCode::NOT_FOUND => {
            let attempts = api.attempts.expect("the retry layer's history");
            (attempts.number(), attempts.earlier_may_have_applied())
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_delete_processed_then_cut_off_and_answered_404_on_the_repeat_succeeds() {
    for kind in [FaultKind::CloseAfterProcessing, FaultKind::TruncatedBody] {
        let (_sim, client, website) = start(Sim::builder().fault(first_delete(kind.clone()))).await;
        let site = client.website(&website);
        let session = crisp_sim::new_conversation(&client, &website).await;
        site.conversation(&session)
            .remove()
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: {e:?}"));
        // It is gone: the first attempt deleted it.
        let err = site.conversation(&session).get().await.unwrap_err();
        assert_eq!(not_found(&err), (1, false), "{kind:?}");
    }
}

#[tokio::test]
async fn a_404_after_attempts_that_were_not_processed_stays_a_404() {
    // Refused without processing (429), then 404: nothing could have deleted it on our behalf.
    // (A connection closed before processing cannot be told from one closed after: the client
    // sees the same failure after writing the request, so there the 404 counts as deleted.)
    let refused = FaultKind::Status {
        status: 429,
        body: ErrorBody::Json,
    };
    let cases = [
        (Sim::builder().fault(first_delete(refused)), (2, false)),
        // And a first-attempt 404 is a 404.
        (Sim::builder(), (1, false)),
    ];
    for (builder, want) in cases {
        let (_sim, client, website) = start(builder).await;
        let err = client
            .website(&website)
            .conversation("no-such-session")
            .remove()
            .await
            .unwrap_err();
        assert_eq!(not_found(&err), want);
    }
}
