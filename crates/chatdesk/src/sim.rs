//! Clients wired to a running [`chatdesk-sim`](chatdesk_sim) simulator in one call (feature
//! `sim`).
//!
//! Each function returns the vendor's builder with the simulator's credentials and base URL set,
//! so a test or an example adds only what it wants on top (a shared transport, confirmed
//! writes, a quota) before `build()`. The vendor crates do not depend on the simulator; only
//! this module, behind the `sim` feature, does (it pulls in the simulator's HTTP server, so
//! keep the feature for tests and examples, typically in `[dev-dependencies]`).
//!
//! ```no_run
//! # #[cfg(not(all(feature = "crisp", feature = "carrot")))] fn main() {}
//! # #[cfg(all(feature = "crisp", feature = "carrot"))]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use chatdesk::sim::{Sim, carrot_client, crisp_client};
//!
//! let sim = Sim::builder().start().await?;
//! let crisp = crisp_client(&sim).build()?;
//! let website = crisp.website(sim.crisp_website_id());
//! let carrot = carrot_client(&sim).build()?;
//! # let _ = (website, carrot);
//! # Ok(()) }
//! ```

pub use chatdesk_sim::{Sim, SimBuilder};

/// A Crisp client builder for the simulator's default keypair (identifier, key and tier) at
/// its Crisp base URL; the website to use is [`Sim::crisp_website_id`].
///
/// Plain `http://` is allowed on the builder: the simulator speaks nothing else, and its keys
/// are its own, so nothing secret travels in clear even when it is bound to a non-loopback
/// address.
#[cfg(feature = "crisp")]
pub fn crisp_client(sim: &Sim) -> crate::crisp::CrispClientBuilder {
    use crate::crisp::{Credentials, CrispClient, Tier};
    use chatdesk_sim::CrispTier;
    let c = sim.crisp_credentials();
    let tier = match c.tier {
        CrispTier::Plugin => Tier::Plugin,
        CrispTier::Website => Tier::Website,
        CrispTier::User => Tier::User,
    };
    CrispClient::builder()
        .credentials(Credentials::new(c.identifier, c.key, tier))
        .base_url(sim.crisp_base_url())
        .allow_plain_http()
}

/// A Carrot client builder for the simulator's token at its Carrot base URL for the current
/// API (v2, no version prefix); for API v1 set `.base_url(sim.carrot_base_url_v1())` on it.
///
/// Plain `http://` is allowed on the builder, as for [`crisp_client`].
#[cfg(feature = "carrot")]
pub fn carrot_client(sim: &Sim) -> crate::carrot::CarrotClientBuilder {
    crate::carrot::CarrotClient::builder()
        .token(sim.carrot_token())
        .base_url(sim.carrot_base_url())
        .allow_plain_http()
}
