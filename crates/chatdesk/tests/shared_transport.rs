//! One `Transport` serving both vendor clients: one pool, one rate limiter, independent keys.

#![cfg(all(feature = "crisp", feature = "carrot", feature = "hyper-client"))]

#[path = "../examples/common/mod.rs"]
mod common;

use chatdesk::prelude::*;
use chatdesk::transport::{Body, RateLimitScope};
use chatdesk_sim::{RateLimit, Sim, Vendor};
use http::Request;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tower::util::MapRequestLayer;

type Fallible = common::Fallible<()>;

fn shared_transport() -> Transport {
    Transport::builder()
        .rate_limiter(chatdesk::default_rate_limiter())
        .build()
}

/// Who refused a Crisp `GET /website/{id}`, or what happened instead.
async fn refusal(client: &CrispClient, website_id: &str) -> Result<RateLimitScope, String> {
    match client.website(website_id).get().await {
        Err(Error::RateLimited { scope, .. }) => Ok(scope),
        other => Err(format!("not refused for rate limiting: {other:?}")),
    }
}

/// Carrot requests the simulator refused for rate limiting.
fn carrot_refusals(sim: &Sim) -> usize {
    sim.requests()
        .iter()
        .filter(|r| r.vendor == Some(Vendor::Carrot) && r.rate_limited)
        .count()
}

#[tokio::test]
async fn both_clients_send_through_the_one_transport_and_its_limiter() -> Fallible {
    let sim = Sim::builder().start().await?;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let transport = Transport::builder()
        .rate_limiter(chatdesk::default_rate_limiter())
        .layer_per_call(MapRequestLayer::new(move |req: Request<Body>| {
            counter.fetch_add(1, Ordering::SeqCst);
            req
        }))
        .build();
    let (crisp, website_id) = common::crisp(&sim, transport.clone())?;
    let carrot = common::carrot(&sim, transport.clone())?;

    let limiter = transport.rate_limiter();
    assert!(Arc::ptr_eq(crisp.transport().rate_limiter(), limiter));
    assert!(Arc::ptr_eq(carrot.transport().rate_limiter(), limiter));
    // A client left to build its own transport gets its own limiter.
    let own = CarrotClient::builder().token("app.1.t").build()?;
    assert!(!Arc::ptr_eq(own.transport().rate_limiter(), limiter));

    crisp.website(&website_id).get().await?;
    carrot
        .user(UserRef::external("shared"))
        .track_event("shared_transport")
        .await?;
    // Both calls went through our layer, and both reached the simulator once.
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert_eq!(sim.total_requests(), 2);
    Ok(())
}

#[tokio::test]
async fn a_crisp_refusal_pauses_that_crisp_route_on_every_clone_but_not_carrot() -> Fallible {
    // One Crisp request per 100 s: the second is refused with `Retry-After: 100`.
    let sim = Sim::builder()
        .rate_limit(RateLimit::new(0.01, 1).vendor(Vendor::Crisp))
        .start()
        .await?;
    let transport = shared_transport();
    let (crisp, website_id) = common::crisp(&sim, transport.clone())?;
    let (other_crisp, _) = common::crisp(&sim, transport.clone())?;
    let carrot = common::carrot(&sim, transport.clone())?;

    crisp.website(&website_id).get().await?;
    assert_eq!(
        refusal(&crisp, &website_id).await,
        Ok(RateLimitScope::Server)
    );

    // The limiter now holds that route closed for 100 s (over its 60 s cap), so a client on
    // another clone fails at once without sending anything.
    let sent = sim.total_requests();
    assert_eq!(
        refusal(&other_crisp, &website_id).await,
        Ok(RateLimitScope::Client)
    );
    assert_eq!(sim.total_requests(), sent);

    // A Crisp client on a transport of its own does not share that state: its request goes out
    // (and the server refuses it).
    let (separate, _) = common::crisp(&sim, Transport::default())?;
    assert_eq!(
        refusal(&separate, &website_id).await,
        Ok(RateLimitScope::Server)
    );
    assert_eq!(sim.total_requests(), sent + 1);

    // Carrot, on the same transport and limiter, is not paused.
    let user = carrot.user(UserRef::external("unaffected"));
    user.track_event("still_going").await?;
    user.get().await?;
    assert_eq!(carrot_refusals(&sim), 0);
    Ok(())
}

/// Sends `events` Carrot events in a row through `transport`, against a simulator limiting
/// Carrot to `rule`, and returns how many requests the simulator refused.
async fn carrot_refusals_under(
    rule: RateLimit,
    transport: Transport,
    events: u32,
) -> common::Fallible<usize> {
    let sim = Sim::builder()
        .rate_limit(rule.vendor(Vendor::Carrot))
        .start()
        .await?;
    let user = common::carrot(&sim, transport)?.user(UserRef::external("paced"));
    for step in 0..events {
        user.track_event("paced").param("step", step).await?;
    }
    Ok(carrot_refusals(&sim))
}

// On tokio's paused clock, which the limiter and the simulator's buckets both read: whether a
// request is refused then depends on the pacing alone, not on how fast the machine answers.
#[tokio::test(start_paused = true)]
async fn the_default_limiter_paces_carrot_on_a_shared_transport() -> Fallible {
    // The server allows 4 a second with bursts of 3; the Carrot default quota is 3 a second.
    let refused = carrot_refusals_under(RateLimit::new(4.0, 3), shared_transport(), 6).await?;
    assert_eq!(refused, 0);
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_plain_transport_leaves_carrot_unpaced() -> Fallible {
    // Documented behaviour of `CarrotClientBuilder::transport`: the transport is used as given,
    // so without the default limiter nothing keeps Carrot under its pace. One request every 2 s,
    // bursts of 3: the fourth quick request is refused (and retried after `Retry-After`).
    let refused = carrot_refusals_under(RateLimit::new(0.5, 3), Transport::default(), 4).await?;
    assert!(refused >= 1, "{refused}");
    Ok(())
}
