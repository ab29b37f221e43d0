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
    // (the first answer, the error's status, attempt number, earlier may have applied); every
    // later answer is a 404.
    let cases = [
        // A 503 may have been processed; the repeat is answered 404.
        (Some(503), (404, 2, true)),
        // Refused unprocessed first: nothing earlier may have applied.
        (Some(429), (404, 2, false)),
        // A first-attempt 404.
        (None, (404, 1, false)),
    ];
    for (first, want) in cases {
        let server = Server::start(move |n, _| match (n, first) {
            (0, Some(status)) => json(status, format!(r#"{{"meta":{{"status":{status}}}}}"#)),
            _ => json(404, r#"{"meta":{"status":404,"error":"LookupError"}}"#),
        })
        .await;
        let err = server
            .client()
            .conversation(7_u64)
            .delete_tag("vip")
            .await
            .unwrap_err();
        assert_eq!(history(&err), want, "{first:?}");
        assert_eq!(server.hits(), want.1 as usize, "{first:?}");
    }
}
