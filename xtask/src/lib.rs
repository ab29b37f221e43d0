//! The library half of `cargo xtask`: the long-running checks that both the `xtask` binary and
//! the crate's tests call, so that the short CI form and the full command run the same code.
//!
//! * [`soak`]: many mixed calls over both vendors against an in-process simulator with random
//!   faults, checking for task, socket and memory leaks and for exactly-once writes.
//! * [`reliability`]: the fault matrix behind `docs/reliability.md`.
//! * [`fuzz`]: which property tests `cargo xtask fuzz` runs.
//! * [`rtm_bench`]: the benchmark's RTM row (events per second and CPU per event, our client
//!   against a bare websocket reader).
//! * [`bulk`], [`sys`]: bulk sends under a limit and under faults (the benchmark's parts 2 and
//!   3, and the fault list the soak and the matrix use), and the `/proc` readings.

pub mod bulk;
pub mod fuzz;
pub mod reliability;
pub mod rtm_bench;
pub mod soak;
pub mod sys;

use chatdesk::crisp::{Credentials, CrispClient, Tier};
use chatdesk::transport::{Error, RetryConfig, Transport};
use chatdesk_sim::Sim;
use std::time::Duration;

/// The runtime the long checks and the benchmark's bulk parts run on: two worker threads.
pub fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())
}

/// The transport of the soak and the reliability matrix, with the benchmark's fault settings
/// (part 3): short backoffs, an attempt deadline below the slow-header fault, a body cap below
/// the oversized fault.
pub fn fault_transport() -> Transport {
    Transport::builder()
        .retry(RetryConfig {
            base_backoff: Duration::from_millis(20),
            ..RetryConfig::default()
        })
        .attempt_timeout(Duration::from_millis(1000))
        .max_body(1024 * 1024)
        .build()
}

/// A Crisp client for the simulator's default keypair over `transport`.
pub fn crisp_client(sim: &Sim, transport: Transport) -> Result<CrispClient, Error> {
    let c = sim.crisp_credentials();
    let tier: Tier = c.tier.as_str().parse()?;
    CrispClient::builder()
        .credentials(Credentials::new(c.identifier, c.key, tier))
        .base_url(sim.crisp_base_url())
        .transport(transport)
        .build()
}

/// A Carrot client for the simulator's token over `transport`, on the client's default API shape
/// (`…/v1`); pacing is whatever `transport`'s limiter does (none unless it has a quota).
pub fn carrot_client(
    sim: &Sim,
    transport: Transport,
) -> Result<chatdesk::carrot::CarrotClient, Error> {
    chatdesk::carrot::CarrotClient::builder()
        .token(sim.carrot_token())
        .base_url(sim.carrot_base_url_v1())
        .transport(transport)
        .build()
}

/// What a failed call told its caller about a write: may the server have applied it?
///
/// [`Error::was_sent`] answers for failures without an answer; an answer says it by its status
/// (a 4xx refused the request, a 5xx may follow processing); a 2xx the client could not read
/// (undecodable, too large) was processed. The same rule as the vendor crates' fault tests.
pub fn may_have_been_sent(err: &Error) -> bool {
    match (err.was_sent(), err) {
        (Some(sent), _) => sent,
        (None, Error::Api(api)) => !api.status.is_client_error(),
        (None, _) => true,
    }
}

/// What a caller saw of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reported {
    /// The call returned `Ok`.
    Success,
    /// An error that says the write may have been applied.
    MayHaveBeenSent,
    /// An error that says the write was not applied.
    NotSent,
}

impl Reported {
    /// Classifies a call's result.
    pub fn of<T>(result: &Result<T, Error>) -> Reported {
        match result {
            Ok(_) => Reported::Success,
            Err(e) if may_have_been_sent(e) => Reported::MayHaveBeenSent,
            Err(_) => Reported::NotSent,
        }
    }
}
