//! A re-sent safe DELETE: the error of its last attempt says which attempt it was and whether an
//! earlier one may have been processed, so a caller can tell "not found" after a lost answer
//! from a first-attempt "not found".

mod support;

use chatdesk_carrot_api::Error;
use support::{Server, json};

fn history(err: &Error) -> (u16, u32, bool) {
    match err {
        Error::Api(api) => {
            let attempts = api.attempts.expect("the retry layer's history");
            (
                api.status.as_u16(),
                attempts.number(),
                attempts.earlier_may_have_applied(),
            )
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_error_of_a_resent_delete_carries_its_attempt_history() {
    let not_found = r#"{"meta":{"status":404,"error":"LookupError"}}"#;
    // A 503 may have been processed; the repeat is answered 404.
    let server = Server::start(move |n, _| match n {
        0 => json(503, r#"{"meta":{"status":503}}"#),
        _ => json(404, not_found),
    })
    .await;
    let err = server
        .client()
        .conversation(7_u64)
        .delete_tag("vip")
        .await
        .unwrap_err();
    assert_eq!(history(&err), (404, 2, true));
    assert_eq!(server.hits(), 2);
    // Refused unprocessed (429) first: nothing earlier may have applied.
    let server = Server::start(move |n, _| match n {
        0 => json(429, r#"{"meta":{"status":429}}"#),
        _ => json(404, not_found),
    })
    .await;
    let err = server
        .client()
        .conversation(7_u64)
        .delete_tag("vip")
        .await
        .unwrap_err();
    assert_eq!(history(&err), (404, 2, false));
    // A first-attempt 404.
    let server = Server::start(move |_, _| json(404, not_found)).await;
    let err = server
        .client()
        .conversation(7_u64)
        .delete_tag("vip")
        .await
        .unwrap_err();
    assert_eq!(history(&err), (404, 1, false));
}
