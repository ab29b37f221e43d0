//! Read-only calls against the real Crisp API. Ignored by default; run with
//!
//! ```text
//! CRISP_IDENTIFIER=… CRISP_KEY=… CRISP_TIER=plugin CRISP_WEBSITE_ID=… \
//!     cargo test -p chatdesk-crisp-api --test live -- --ignored
//! ```

use chatdesk_crisp_api::{Credentials, CrispClient, Tier};

/// The client from the environment, or `None` (the test then passes without calling anything).
fn live() -> Option<(CrispClient, String)> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let (Some(identifier), Some(key), Some(tier), Some(website_id)) = (
        var("CRISP_IDENTIFIER"),
        var("CRISP_KEY"),
        var("CRISP_TIER"),
        var("CRISP_WEBSITE_ID"),
    ) else {
        eprintln!("CRISP_IDENTIFIER, CRISP_KEY, CRISP_TIER, CRISP_WEBSITE_ID not all set: skipped");
        return None;
    };
    let tier: Tier = tier.parse().expect("CRISP_TIER is plugin, website or user");
    Some((
        CrispClient::new(Credentials::new(identifier, key, tier)),
        website_id,
    ))
}

#[tokio::test]
#[ignore = "calls the real Crisp API; needs CRISP_* variables"]
async fn live_get_website_and_first_page_of_conversations() {
    let Some((client, website_id)) = live() else {
        return;
    };
    let website = client
        .website(&website_id)
        .get()
        .await
        .expect("get website");
    assert_eq!(website.website_id.as_deref(), Some(website_id.as_str()));
    let conversations = client
        .website(&website_id)
        .conversations()
        .list()
        .await
        .expect("list conversations");
    assert!(conversations.len() <= 50);
}

#[tokio::test]
#[ignore = "calls the real Crisp API; needs CRISP_* variables"]
async fn live_head_check_on_an_unknown_conversation_is_false() {
    let Some((client, website_id)) = live() else {
        return;
    };
    let exists = client
        .website(&website_id)
        .conversation("session_00000000-0000-0000-0000-000000000000")
        .exists()
        .await
        .expect("check conversation");
    assert!(!exists);
}
