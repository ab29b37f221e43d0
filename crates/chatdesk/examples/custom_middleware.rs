//! Your own tower layers inside the stack, and a test double in place of the network.
//!
//! 1. Against the simulator, with one 503 injected: a layer per call counts calls, a layer per
//!    attempt counts what went on the wire (the retry shows up only there) and stamps a header.
//! 2. With [`TransportBuilder::service`], a closure answers instead of any server: the client
//!    code is unchanged, the double sees the exact requests.
//!
//! ```sh
//! cargo run --example custom_middleware                # 5 calls
//! cargo run --example custom_middleware -- --size 20
//! ```

mod common;

use bytes::Bytes;
use chatdesk::prelude::*;
use chatdesk::transport::Body;
use chatdesk_sim::{ErrorBody, Fault, FaultKind, Nth, Sim, Vendor};
use http::{HeaderValue, Request, Response};
use http_body_util::Full;
use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tower::util::MapRequestLayer;

#[tokio::main]
async fn main() -> common::Fallible<()> {
    let (calls, _) = common::args(5)?;

    // 1. Counting layers around the real stack.
    let sim = Sim::builder()
        .fault(
            Fault::new(FaultKind::Status {
                status: 503,
                body: ErrorBody::Json,
            })
            .vendor(Vendor::Crisp)
            .nth(Nth::Only(1)),
        )
        .start()
        .await?;
    let per_call = Arc::new(AtomicUsize::new(0));
    let per_attempt = Arc::new(AtomicUsize::new(0));
    let transport = Transport::builder()
        .layer_per_call(counting(per_call.clone()))
        .layer_per_attempt(counting(per_attempt.clone()))
        .layer_per_attempt(MapRequestLayer::new(stamp))
        .build();
    let (crisp, website_id) = common::crisp(&sim, transport)?;
    for _ in 0..calls {
        crisp.website(&website_id).get().await?;
    }
    println!(
        "layers: {} calls, {} attempts (the 503 was retried)",
        per_call.load(Ordering::Relaxed),
        per_attempt.load(Ordering::Relaxed)
    );

    // 2. A test double as the inner service: it records each request and answers with a canned
    //    Carrot envelope.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let double = tower::service_fn(move |req: Request<Body>| {
        let source = req.headers().get("x-source").cloned();
        if let Ok(mut log) = log.lock() {
            log.push(format!(
                "{} {} x-source={source:?}",
                req.method(),
                req.uri().path()
            ));
        }
        let body = r#"{"meta":{"status":200},"data":{"id":"42"}}"#;
        async move {
            Ok::<_, Infallible>(Response::new(Full::new(Bytes::from_static(
                body.as_bytes(),
            ))))
        }
    });
    let transport = Transport::builder()
        .layer_per_attempt(MapRequestLayer::new(stamp))
        .service(double)
        .build();
    let carrot = CarrotClient::builder()
        .token("app.1.not-a-real-token")
        .transport(transport)
        .build()?;
    let event = carrot
        .user(UserRef::external("double"))
        .track_event("tested")
        .await?;
    println!("double: event id {} without a network", event.id);
    for line in seen.lock().map_err(|_| "log poisoned")?.iter() {
        println!("double saw: {line}");
    }
    Ok(())
}

/// Marks a request as ours, for whoever reads it downstream.
fn stamp(mut req: Request<Body>) -> Request<Body> {
    req.headers_mut()
        .insert("x-source", HeaderValue::from_static("custom-middleware"));
    req
}

/// A layer that counts the requests passing through it.
fn counting(
    counter: Arc<AtomicUsize>,
) -> MapRequestLayer<impl Fn(Request<Body>) -> Request<Body> + Clone> {
    MapRequestLayer::new(move |req| {
        counter.fetch_add(1, Ordering::Relaxed);
        req
    })
}
