//! Set-up the examples share: their command line, and clients pointed at a running simulator.
//!
//! Each example `mod common;`s this file; not every example uses every helper.
#![allow(dead_code)]

use chatdesk::prelude::*;
use chatdesk_sim::Sim;

pub type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

/// The example's size from `--size N` (or the `CHATDESK_EXAMPLE_SIZE` variable), else `default`,
/// and the other arguments in order.
pub fn args(default: usize) -> Fallible<(usize, Vec<String>)> {
    let mut size = match std::env::var("CHATDESK_EXAMPLE_SIZE") {
        Ok(text) => text.parse()?,
        Err(_) => default,
    };
    let mut rest = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--size" {
            size = args.next().ok_or("--size needs a number")?.parse()?;
        } else {
            rest.push(arg);
        }
    }
    Ok((size, rest))
}

/// A Crisp client for the simulator's keypair, sending through `transport`, and the id of the
/// simulator's website.
pub fn crisp(sim: &Sim, transport: Transport) -> Fallible<(CrispClient, String)> {
    let c = sim.crisp_credentials();
    let client = CrispClient::builder()
        .credentials(Credentials::new(
            c.identifier,
            c.key,
            c.tier.as_str().parse()?,
        ))
        .base_url(sim.crisp_base_url())
        .transport(transport)
        .build()?;
    Ok((client, c.website_id))
}

/// A Carrot client for the simulator's token, sending through `transport`.
pub fn carrot(sim: &Sim, transport: Transport) -> Fallible<CarrotClient> {
    Ok(CarrotClient::builder()
        .token(sim.carrot_token())
        .base_url(sim.carrot_base_url())
        .transport(transport)
        .build()?)
}
