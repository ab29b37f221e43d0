//! Calls against the real API. Ignored by default; run with
//! `CARROT_TOKEN=app.… cargo test -p chatdesk-carrot-api --test live -- --ignored`
//! (and `CARROT_BASE_URL=https://api.dashly.app/v1` for Dashly). Read-only: nothing is written.

use chatdesk_carrot_api::{CarrotClient, UserRef};
use futures_util::{StreamExt, TryStreamExt};

fn client() -> Option<CarrotClient> {
    let token = std::env::var("CARROT_TOKEN")
        .ok()
        .filter(|t| !t.is_empty())?;
    let base = std::env::var("CARROT_BASE_URL")
        .unwrap_or_else(|_| chatdesk_carrot_api::DEFAULT_BASE_URL.to_owned());
    Some(
        CarrotClient::builder()
            .token(token)
            .base_url(base)
            .build()
            .expect("CARROT_BASE_URL is a URL"),
    )
}

#[tokio::test]
#[ignore = "needs CARROT_TOKEN"]
async fn live_reads_app_lists() {
    let Some(c) = client() else {
        eprintln!("CARROT_TOKEN not set: skipped");
        return;
    };
    let channels = c.this_app().channels().await.expect("channels");
    eprintln!("{} channels", channels.len());
    let leads = c.this_app().count_leads().await.expect("leads");
    eprintln!("leads total: {:?}", leads.meta.total);
    // At most 12 conversations: three pages of 5, whichever cursor the server answers with.
    let first: Vec<_> = c
        .this_app()
        .conversations()
        .per_page(5)
        .stream()
        .take(12)
        .try_collect()
        .await
        .expect("conversations");
    eprintln!("{} conversations", first.len());
    if let Some(conv) = first.first() {
        let parts = c.conversation(conv.id).parts().await.expect("parts");
        eprintln!("{} parts on the first page", parts.items.len());
    }
}

#[tokio::test]
#[ignore = "needs CARROT_TOKEN"]
async fn live_unknown_user_id_is_a_lookup_error() {
    let Some(c) = client() else {
        eprintln!("CARROT_TOKEN not set: skipped");
        return;
    };
    let err = c
        .user(UserRef::external("chatdesk-live-test/no-such-user"))
        .get()
        .await
        .expect_err("unknown User ID");
    eprintln!("{err}");
    assert_eq!(err.reason(), Some("LookupError"));
}
