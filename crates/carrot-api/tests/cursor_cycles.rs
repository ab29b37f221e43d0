//! A server that cycles its cursors (A → B → C → A) cannot keep a cursor stream reading: the
//! stream remembers every cursor of the walk and ends, cleanly, when one comes again.

mod support;

use support::{Server, json, walk_ids};

/// v2 positions cycling with period 3.
#[tokio::test]
async fn v2_positions_cycling_with_period_three_end_the_stream() {
    let server = Server::start(|_, seen| {
        let body = match seen.query("paginate_position") {
            None => r#"{"meta":{"next_before_position":[1]},"data":[{"id":10}]}"#,
            Some("[1]") => r#"{"meta":{"next_before_position":[2]},"data":[{"id":11}]}"#,
            Some("[2]") => r#"{"meta":{"next_before_position":[3]},"data":[{"id":12}]}"#,
            Some("[3]") => r#"{"meta":{"next_before_position":[1]},"data":[{"id":13}]}"#,
            Some(other) => panic!("unexpected position {other}"),
        };
        json(200, body)
    })
    .await;
    let c = server.client();
    let ids = walk_ids(c.conversation(1_u64).parts().stream().max_pages(50)).await;
    // Start → [1] → [2] → [3], whose next is [1] again: four pages, then a clean end.
    assert_eq!(ids, [10, 11, 12, 13]);
    assert_eq!(server.hits(), 4);
}

/// v1 `after` cursors cycling A → B → C → A.
#[tokio::test]
async fn v1_cursors_cycling_with_period_three_end_the_stream() {
    let server = Server::start(|_, seen| {
        let body = match seen.query("after") {
            None => r#"{"meta":{"next_after":"A"},"data":[{"id":1}]}"#,
            Some("A") => r#"{"meta":{"next_after":"B"},"data":[{"id":2}]}"#,
            Some("B") => r#"{"meta":{"next_after":"C"},"data":[{"id":3}]}"#,
            Some("C") => r#"{"meta":{"next_after":"A"},"data":[{"id":4}]}"#,
            Some(other) => panic!("unexpected cursor {other}"),
        };
        json(200, body)
    })
    .await;
    let c = server.client();
    let ids = walk_ids(c.this_app().conversations().stream().max_pages(50)).await;
    assert_eq!(ids, [1, 2, 3, 4]);
    assert_eq!(server.hits(), 4, "A is not fetched a second time");
}
