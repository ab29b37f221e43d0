//! The client against the team's simulator (`chatdesk-sim`), which speaks the Crisp wire format
//! from the reference without our model types: a route it does not know, or an answer our types
//! cannot decode, is a misunderstanding on one side or the other.

mod common;
mod crisp_sim;

use chatdesk_crisp_api::model::message::{MessageContent, MessageSend};
use chatdesk_crisp_api::{CrispClient, Error};
use chatdesk_sim::{Seed, Sim};
use chatdesk_transport::{RetryConfig, Transport};
use futures_util::TryStreamExt;
use serde_json::json;
use std::collections::BTreeSet;

/// Until the simulator answers the message walk with 206 while older messages exist (as Crisp
/// does, and as branch `sim-split` makes it), a full batch of 20 is marked 206 here, so the
/// walk's stop-after-200 rule can be exercised against it. A simulator that already sends 206
/// is left as it is (at worst a last batch of exactly 20 costs one empty request more). Lists
/// ignore the status, so marking their full pages too changes nothing.
fn transport() -> Transport {
    let layer = tower::layer::layer_fn(|inner: chatdesk_transport::HttpService| {
        tower::ServiceExt::map_response(inner, |mut resp: http::Response<bytes::Bytes>| {
            let full_batch = resp.status() == http::StatusCode::OK
                && serde_json::from_slice::<serde_json::Value>(resp.body())
                    .ok()
                    .and_then(|v| v["data"].as_array().map(|a| a.len() == 20))
                    .unwrap_or(false);
            if full_batch {
                *resp.status_mut() = http::StatusCode::PARTIAL_CONTENT;
            }
            resp
        })
    });
    Transport::builder()
        .retry(RetryConfig::disabled())
        .layer_per_call(layer)
        .build()
}

async fn start(seed: Seed) -> (Sim, CrispClient, String) {
    let sim = Sim::builder().seed(seed).start().await.unwrap();
    let client = crisp_sim::sim_builder(&sim)
        .transport(transport())
        .build()
        .unwrap();
    let website_id = sim.crisp_website_id();
    (sim, client, website_id)
}

/// Every declared endpoint, with the snapshot fixtures' arguments: the simulator must know the
/// route, and every answer must decode (a success into the endpoint's type, an error into
/// `Error::Api`). Resource ids are made up, so many answers are `*_not_found`: that is fine.
#[tokio::test]
async fn every_endpoint_is_routed_and_its_answer_decodes() {
    let (_sim, client, website_id) = start(Seed::default()).await;
    let mut problems = Vec::new();
    let mut ok = 0;
    for fx in common::fixtures() {
        let args: Vec<String> = fx
            .spec
            .placeholders()
            .zip(&fx.path_args)
            .map(|(n, v)| {
                if n == "website_id" {
                    website_id.clone()
                } else {
                    v.clone()
                }
            })
            .collect();
        let req = (fx.build.build)(&client, args, &fx.query, fx.body.clone()).unwrap();
        let what = format!("{} {} ({})", fx.spec.method, fx.spec.path, fx.spec.name);
        match client.transport().send(req).await {
            Ok(resp) => match (fx.build.decode)(resp) {
                Ok(()) => ok += 1,
                Err(Error::Api(api))
                    if api.message.as_deref() == Some("the route does not exist") =>
                {
                    problems.push(format!("{what}: unknown route"))
                }
                Err(Error::Api(_)) => {}
                Err(e) => {
                    problems.push(format!("{what}: {e} ({:?})", std::error::Error::source(&e)))
                }
            },
            Err(e) => problems.push(format!("{what}: {e}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(ok > 50, "only {ok} endpoints answered with success");
}

#[tokio::test]
async fn conversations_stream_and_message_history_walk_everything_once() {
    let (_sim, client, website_id) = start(Seed::default().conversations(45, 130)).await;
    let website = client.website(&website_id);
    let conversations: Vec<_> = website
        .conversations()
        .list()
        .per_page(20)
        .stream()
        .try_collect()
        .await
        .unwrap();
    let ids: BTreeSet<_> = conversations
        .iter()
        .filter_map(|c| c.session_id.clone())
        .collect();
    assert_eq!(ids.len(), 45, "every seeded conversation once");

    let session = conversations[0].session_id.clone().unwrap();
    let messages: Vec<_> = website
        .conversation(&session)
        .messages()
        .stream_backwards()
        .try_collect()
        .await
        .unwrap();
    let fingerprints: BTreeSet<_> = messages.iter().filter_map(|m| m.fingerprint).collect();
    assert_eq!(fingerprints.len(), 130, "every message once");
    assert!(
        messages
            .windows(2)
            .all(|w| w[0].timestamp >= w[1].timestamp),
        "newest first"
    );
}

#[tokio::test]
async fn conversation_and_contact_round_trip() {
    let (_sim, client, website_id) = start(Seed::default()).await;
    let website = client.website(&website_id);

    let created = website.conversations().create().await.unwrap();
    let session = created.session_id.clone().expect("a session id");
    let conversation = website.conversation(&session);
    assert!(conversation.exists().await.unwrap());

    let sent = conversation
        .send_message(MessageSend::operator(MessageContent::text(
            "Hello from Rust",
        )))
        .await
        .unwrap();
    let fingerprint = sent.fingerprint.expect("a fingerprint");
    let message = conversation.message(fingerprint).await.unwrap();
    assert_eq!(message.content.as_text(), Some("Hello from Rust"));

    conversation
        .change_state(serde_json::from_value(json!({"state": "resolved"})).unwrap())
        .await
        .unwrap();
    let state = conversation.state().await.unwrap();
    assert_eq!(serde_json::to_value(&state).unwrap()["state"], "resolved");

    conversation.remove().await.unwrap();
    assert!(!conversation.exists().await.unwrap());

    let profile = website
        .people()
        .add_profile(
            serde_json::from_value(
                json!({"email": "jane.doe@example.com", "person": {"nickname": "Jane Doe"}}),
            )
            .unwrap(),
        )
        .await
        .unwrap();
    let people_id = profile.people_id.clone().expect("a people id");
    let person = website.person(&people_id).get().await.unwrap();
    assert_eq!(person.email.as_deref(), Some("jane.doe@example.com"));
    assert!(!website.person("a/b?c#d e").exists().await.unwrap());
}
