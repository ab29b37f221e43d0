//! The loopback and paused-clock suites again, over the other composition of the stack.
//!
//! Without a per-call layer the builder fuses its own layers into one future per call; with
//! one, it composes them as tower services. Both must behave the same, so every test of those
//! two suites runs here again from a builder with a per-call layer that changes nothing.

// Each suite brings its own `mod support;`: the helpers are compiled once per suite module.
#![allow(clippy::duplicate_mod)]

use chatdesk_transport::{Transport, TransportBuilder};

fn builder() -> TransportBuilder {
    Transport::builder().layer_per_call(tower::layer::util::Identity::new())
}

#[path = "retry_over_loopback.rs"]
mod retry_over_loopback;

#[path = "limits_on_paused_clock.rs"]
mod limits_on_paused_clock;

/// The two builders here do make the two compositions.
#[test]
fn a_per_call_layer_makes_the_layered_stack() {
    assert!(format!("{:?}", builder().build()).contains(r#"stack: "layered""#));
    assert!(format!("{:?}", Transport::builder().build()).contains(r#"stack: "fused""#));
    let per_attempt = Transport::builder()
        .layer_per_attempt(tower::layer::util::Identity::new())
        .build();
    assert!(format!("{per_attempt:?}").contains(r#"stack: "fused""#));
}
