//! The list calls on the kit: one page is a `Page` with the server's "more" signal, every
//! walk (v2 cursor, v1 cursor, leads offset) resumes exactly from a stored position, `.pages()`
//! says where each page starts and where to resume, and page sizes outside the API's 1–50 are
//! refused unsent. Against a hyper server on 127.0.0.1.

mod support;

use chatdesk_carrot_api::model::{PageDirection, Position as CarrotPosition, PositionValue};
use chatdesk_carrot_api::{Call, CarrotClient, Cursor, Error, List, Paginator, Position, UserRef};
use futures_util::TryStreamExt;
use serde::Serialize;
use serde::de::DeserializeOwned;
use support::{HasId, Server, json, ok, walk_ids};

/// v2 cursor pages: 2 + 2 + 1 parts, `null` ends.
fn v2_parts(seen: &support::Seen) -> support::Reply {
    let body = match seen.query("paginate_position") {
        None => {
            r#"{"meta":{"status":200,"next_before_position":[30]},"data":[{"id":50},{"id":40}]}"#
        }
        Some("[30]") => {
            r#"{"meta":{"status":200,"next_before_position":[1684739969.358085,10]},"data":[{"id":30},{"id":20}]}"#
        }
        Some("[1684739969.358085,10]") => {
            r#"{"meta":{"status":200,"next_before_position":null,"next_after_position":[60]},"data":[{"id":10}]}"#
        }
        Some(other) => panic!("unexpected position {other}"),
    };
    json(200, body)
}

/// v1 cursor pages: 2 + 1 + 1 conversations, `null` ends.
fn v1_conversations(seen: &support::Seen) -> support::Reply {
    let body = match seen.query("after") {
        None => r#"{"meta":{"next_after":1447339319.900966},"data":[{"id":1},{"id":2}]}"#,
        Some("1447339319.900966") => {
            r#"{"meta":{"next_after":1160406004324630614},"data":[{"id":3}]}"#
        }
        Some("1160406004324630614") => r#"{"meta":{"next_after":null},"data":[{"id":4}]}"#,
        Some(other) => panic!("unexpected cursor {other}"),
    };
    json(200, body)
}

/// Leads by offset, two a page, five in all.
fn leads(seen: &support::Seen) -> support::Reply {
    assert_eq!(seen.query("limit"), Some("2"));
    match seen.query("offset") {
        None | Some("0") => ok(r#"{"users":[{"id":1},{"id":2}],"total":5}"#),
        Some("2") => ok(r#"{"users":[{"id":3},{"id":4}],"total":5}"#),
        Some("4") => ok(r#"{"users":[{"id":5}],"total":5}"#),
        other => panic!("unexpected offset {other:?}"),
    }
}

/// The walk of `call`, from its start or resumed at `from`.
fn walk_from<O: List>(
    call: Call<O>,
    from: Option<Position<O::Cursor>>,
) -> Paginator<O::Item, O::Cursor> {
    match from {
        None => call.stream(),
        Some(position) => call.stream_from(position),
    }
}

/// Walks `k` items with `first`, stores its position through JSON, resumes with `resume`, and
/// checks the two together yield exactly `all`.
async fn resumes_exactly<T, C, F>(all: &[u64], new: F)
where
    T: HasId,
    C: Clone + Serialize + DeserializeOwned,
    F: Fn(Option<Position<C>>) -> Paginator<T, C>,
{
    for k in 0..=all.len() {
        let mut first = new(None);
        let mut got = Vec::new();
        for _ in 0..k {
            got.push(first.try_next().await.unwrap().unwrap().id());
        }
        let Some(position) = first.position() else {
            assert_eq!(got, all, "only a finished walk has no position");
            continue;
        };
        let stored = serde_json::to_string(&position).unwrap();
        let position: Position<C> = serde_json::from_str(&stored).unwrap();
        got.extend(walk_ids(new(Some(position))).await);
        assert_eq!(got, all, "stopped after {k}, resumed from {stored}");
    }
}

#[tokio::test]
async fn a_v2_cursor_walk_resumes_exactly_from_its_stored_position() {
    let server = Server::start(|_, seen| v2_parts(seen)).await;
    let c = server.client();
    let all = walk_ids(c.conversation(1_u64).parts().stream()).await;
    assert_eq!(all, [50, 40, 30, 20, 10]);
    resumes_exactly(&all, |from| walk_from(c.conversation(1_u64).parts(), from)).await;
}

#[tokio::test]
async fn a_v1_cursor_walk_resumes_exactly_from_its_stored_position() {
    let server = Server::start(|_, seen| v1_conversations(seen)).await;
    let c = server.client();
    let user = c.user(UserRef::external("u-1"));
    let all = walk_ids(user.conversations().stream()).await;
    assert_eq!(all, [1, 2, 3, 4]);
    resumes_exactly(&all, |from| walk_from(user.conversations(), from)).await;
    // The v1 cursor is resumed digit for digit.
    assert!(
        server
            .seen()
            .iter()
            .any(|s| s.query("after") == Some("1447339319.900966"))
    );
}

#[tokio::test]
async fn the_leads_walk_resumes_exactly_from_its_stored_offset() {
    let server = Server::start(|_, seen| leads(seen)).await;
    let c = server.client();
    let all = walk_ids(c.this_app().leads().per_page(2).stream()).await;
    assert_eq!(all, [1, 2, 3, 4, 5]);
    resumes_exactly(&all, |from| {
        walk_from(c.this_app().leads().per_page(2), from)
    })
    .await;
    // A position mid-page names the page's offset and the items already handled.
    let mut walk = c.this_app().leads().per_page(2).stream();
    for _ in 0..3 {
        walk.try_next().await.unwrap();
    }
    assert_eq!(walk.position(), Some(Position { cursor: 2, skip: 1 }));
}

#[tokio::test]
async fn pages_say_where_each_page_starts_and_where_to_resume() {
    let server = Server::start(|_, seen| v2_parts(seen)).await;
    let c = server.client();
    let steps: Vec<_> = c
        .conversation(1_u64)
        .parts()
        .pages()
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = steps.iter().map(|s| s.items.len()).collect();
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(steps[0].at, Position::at(Cursor::Start));
    let second = Cursor::Position(CarrotPosition(vec![PositionValue::Number("30".into())]));
    assert_eq!(steps[0].next, Some(Position::at(second.clone())));
    assert_eq!(steps[1].at, Position::at(second));
    assert_eq!(steps[2].next, None, "the last page has nowhere to resume");
    // Resuming from a step's `next` gives the pages after it.
    let Some(next) = steps[1].next.clone() else {
        panic!("the second page is not the last")
    };
    let rest: Vec<_> = c
        .conversation(1_u64)
        .parts()
        .pages_from(next)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].items[0].id.0, 10);
}

#[tokio::test]
async fn one_page_is_a_page_with_the_servers_more_signal() {
    let server = Server::start(|_, seen| match seen.query("paginate_direction") {
        Some("after") => json(
            200,
            r#"{"meta":{"next_after_position":null,"next_before_position":[1]},"data":[{"id":"10"}]}"#,
        ),
        _ => v2_parts(seen),
    })
    .await;
    let c = server.client();
    let page = c.conversation(1_u64).parts().await.unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page.has_more(), Some(true));
    assert_eq!(
        page.meta.next_before_position,
        Some(CarrotPosition(vec![PositionValue::Number("30".into())]))
    );
    assert_eq!(
        Cursor::next(&page.meta, None),
        Some(Cursor::Position(CarrotPosition(vec![
            PositionValue::Number("30".into())
        ])))
    );
    // The single-page setter `.cursor(c)` asks for the page a cursor names.
    let last = c
        .conversation(1_u64)
        .parts()
        .cursor(Cursor::Position(CarrotPosition(vec![
            PositionValue::Number("1684739969.358085".into()),
            PositionValue::Number("10".into()),
        ])))
        .await
        .unwrap();
    assert_eq!(last.len(), 1);
    assert_eq!(last.has_more(), Some(false), "a null cursor ends the list");
    // Reading `after`, the `after` cursor is the signal (the `before` one is not null here).
    let after = c
        .user(1_u64)
        .events()
        .direction(PageDirection::After)
        .await
        .unwrap();
    assert_eq!(after.has_more(), Some(false));
}

#[tokio::test]
async fn one_page_of_leads_carries_the_total_and_whether_more_follow() {
    let server = Server::start(|_, seen| match seen.query("limit") {
        Some("2") => leads(seen),
        _ => ok(r#"{"users":[{"id":1}]}"#),
    })
    .await;
    let c = server.client();
    let first = c.this_app().leads().per_page(2).await.unwrap();
    assert_eq!(first.meta.total, Some(5));
    assert_eq!(first.has_more(), Some(true));
    let last = c.this_app().leads().per_page(2).offset(4).await.unwrap();
    assert_eq!(last.len(), 1);
    assert_eq!(last.has_more(), Some(false));
    // Without a total the server gives no signal.
    let unknown = c.this_app().leads().per_page(3).await.unwrap();
    assert_eq!(unknown.meta.total, None);
    assert_eq!(unknown.has_more(), None);
}

#[tokio::test]
async fn page_sizes_outside_one_to_fifty_are_refused_unsent() {
    let server = Server::start(|_, _| ok("[]")).await;
    let c: CarrotClient = server.client();
    for size in [0, 51, 1000] {
        let err = c
            .conversation(1_u64)
            .parts()
            .per_page(size)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
        assert!(err.to_string().contains("1 to 50"), "{err}");
        let err = c.this_app().leads().per_page(size).await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
        // The walks refuse it too, on their first page.
        let err = c
            .user(1_u64)
            .events()
            .per_page(size)
            .stream()
            .try_next()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    }
    assert_eq!(server.hits(), 0, "nothing was sent");
    for size in [1, 50] {
        c.conversation(1_u64).parts().per_page(size).await.unwrap();
    }
    assert_eq!(server.hits(), 2);
}
