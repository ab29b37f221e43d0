//! Confirmed writes: a write that failed in a way that leaves its fate open is looked up by a
//! natural key, so that the caller gets a definite answer instead of "may have been sent".
//!
//! A write is *ambiguous* when the transport cannot tell whether the server applied it: the
//! connection failed after the request was written, the attempt timed out, the server answered
//! 5xx, or a success answer could not be read (truncated, not JSON, too large). A 4xx answer is
//! the server's decision and is returned as it is; so is every failure the transport knows to be
//! unsent ([`Error::was_sent`] is `Some(false)`), since the transport already re-sends those.
//!
//! After an ambiguous failure the write is looked up once:
//!
//! * **found**: the call succeeds, with the same output a successful answer would have given;
//! * **not found**, and absence is proof that the write was not applied: the same request is
//!   sent again (same fingerprint, same body), at most [`MAX_SENDS`] sends in all, each re-send
//!   withdrawn from the transport's retry budget ([`chatdesk_transport::RetryBudget`]; none when
//!   the transport's retries are disabled);
//! * **not found**, and absence proves nothing: the original error is returned;
//! * **the look-up failed**: an [`Error::Transport`] with `maybe_sent: true` whose source is an
//!   [`Unconfirmed`] holding both the original error and the look-up's.
//!
//! Each look-up emits one `tracing` event at INFO level (target `chatdesk_crisp_api::confirm`)
//! with the write's and the look-up's endpoint names, the outcome (`found`, `not_found` or
//! `failed`) and whether the write is sent again. It carries no path, id, body or header.
//!
//! Which writes are confirmed, and by what key:
//!
//! * **Message send** (`send_message`): by fingerprint. A fingerprint is generated when the
//!   message has none (a random integer in `1..=2^53-1`, so it survives a trip through a
//!   JavaScript number), and the message is looked up with `GET …/message/{fingerprint}`. A
//!   "not found" leads to a re-send only once this client has seen the API keep a fingerprint it
//!   supplied (a successful send answered `data.fingerprint` with the supplied value, or a
//!   look-up found a message by it). An API that answers another fingerprint is never trusted
//!   again by that client: a message it stored under its own fingerprint cannot be found by
//!   ours, so "not found" would not prove anything.
//! * **People profile creation** (`add_profile`): by e-mail, looked up with
//!   `GET …/people/profile/{email}`. Found: the call succeeds with that profile's `people_id`
//!   (it is the profile with this e-mail, whether this call or an earlier one created it).
//!   Not found is proof: the e-mail is the profile's unique key on the server, which refuses a
//!   second profile with it (`409 people_exists`), so a re-send cannot make a duplicate.
//!
//! Turn confirmation off for one call with `.confirm(false)`, or for a whole client with
//! [`crate::CrispClientBuilder::confirm_writes`]; the call then behaves as any other write.

use crate::call::{Call, NoBody};
use crate::client::CrispClient;
use crate::ops;
use chatdesk_model::crisp as m;
use chatdesk_transport::http::StatusCode;
use chatdesk_transport::kit::{Op, Parts, send_once};
use chatdesk_transport::{BoxFuture, Error};
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// The most sends of one confirmed write, the first one included. Each re-send also withdraws
/// from the transport's retry budget, shared with the transport's own retries, so an outage
/// cannot multiply traffic however many writes are confirmed at once; and each send goes
/// through the transport's own retry rules. Five sends make a write fail only when four
/// look-ups in a row found it unsent after a fault: with independent faults at a rate `p`, that
/// is `p^5` of the writes.
pub const MAX_SENDS: u32 = 5;

/// The largest fingerprint generated: `2^53 - 1`, the largest integer a JavaScript number
/// (Crisp's own clients) holds exactly.
pub const MAX_GENERATED_FINGERPRINT: i64 = (1 << 53) - 1;

/// An endpoint whose write is confirmed after an ambiguous failure (marked in the endpoint
/// table). Its calls get [`Call::confirm`].
pub trait Confirmed: Op<Client = CrispClient> {
    #[doc(hidden)]
    type By: Confirmation<Self>;
}

impl<K: Confirmed> Call<K> {
    /// Whether this call is looked up after an ambiguous failure (default: yes, unless the
    /// client was built with [`crate::CrispClientBuilder::confirm_writes`]`(false)`). With
    /// `false` a failure is returned as it is, "may have been sent" included.
    pub fn confirm(mut self, on: bool) -> Self {
        self.parts_mut().extra_mut().confirm = on;
        self
    }
}

/// How one confirmed write is keyed, looked up and learnt from.
#[doc(hidden)]
pub trait Confirmation<K: Op<Client = CrispClient>>: 'static {
    /// The natural key.
    type Key: Send + Sync + 'static;
    /// The look-up endpoint.
    type Lookup: Op<Client = CrispClient>;
    /// The call's key, set on the call when it has none; `None`: it cannot be looked up.
    fn key(call: &mut Parts<K>) -> Option<Self::Key>;
    /// The write as the server holds it: `Some` output when found, `None` on a 404.
    fn lookup(call: &Parts<K>, key: &Self::Key) -> BoxFuture<Result<Option<K::Output>, Error>>;
    /// Whether "not found" proves the write was not applied.
    fn absence_is_proof(client: &CrispClient) -> bool;
    /// What a successful answer teaches about the API.
    fn learn(client: &CrispClient, key: &Self::Key, output: &K::Output);
}

/// What a client has learnt about the fingerprints it supplies.
const UNKNOWN: u8 = 0;
const KEPT: u8 = 1;
const IGNORED: u8 = 2;

/// The per-client part of confirmation: the opt-out and what the API was seen to do.
#[derive(Debug)]
pub(crate) struct ClientState {
    pub(crate) enabled: bool,
    fingerprints: AtomicU8,
}

impl ClientState {
    pub(crate) fn new(enabled: bool) -> ClientState {
        ClientState {
            enabled,
            fingerprints: AtomicU8::new(UNKNOWN),
        }
    }

    /// The API kept a fingerprint we supplied; never overrides an "ignored".
    fn kept(&self) {
        let _ =
            self.fingerprints
                .compare_exchange(UNKNOWN, KEPT, Ordering::AcqRel, Ordering::Acquire);
    }

    /// The API answered another fingerprint than the one supplied: from now on a "not found"
    /// proves nothing.
    fn ignored(&self) {
        self.fingerprints.store(IGNORED, Ordering::Release);
    }

    fn keeps_fingerprints(&self) -> bool {
        self.fingerprints.load(Ordering::Acquire) == KEPT
    }
}

/// A confirmed write that failed ambiguously and whose look-up failed too: it may have been
/// applied. Found as the source of an [`Error::Transport`] with `maybe_sent: true`.
#[derive(Debug)]
#[non_exhaustive]
pub struct Unconfirmed {
    /// The error of the write itself.
    pub sent: Error,
    /// The error of the look-up that was to confirm it.
    pub lookup: Error,
}

impl fmt::Display for Unconfirmed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the write may have been applied ({}), and looking it up failed ({})",
            self.sent, self.lookup
        )
    }
}

impl std::error::Error for Unconfirmed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.sent)
    }
}

/// Whether a failed write may have been applied without the caller being told so definitely:
/// not a failure known to be unsent, and not the server's 4xx decision.
pub(crate) fn ambiguous(err: &Error) -> bool {
    err.was_sent() != Some(false) && !err.status().is_some_and(|s| s.is_client_error())
}

/// Sends a confirmed write: see the module docs.
pub(crate) fn confirmed<K: Confirmed>(mut call: Parts<K>) -> BoxFuture<Result<K::Output, Error>> {
    if !(call.extra().confirm && call.client().inner.confirm.enabled) {
        return send_once(&call);
    }
    let Some(key) = K::By::key(&mut call) else {
        return send_once(&call);
    };
    Box::pin(async move {
        let mut sends = 0;
        loop {
            sends += 1;
            let err = match send_once(&call).await {
                Ok(output) => {
                    K::By::learn(call.client(), &key, &output);
                    return Ok(output);
                }
                Err(err) if !ambiguous(&err) => return Err(err),
                Err(err) => err,
            };
            let found = K::By::lookup(&call, &key).await;
            let event = |outcome: &str, resend: bool| {
                tracing::info!(
                    target: "chatdesk_crisp_api::confirm",
                    write = K::SPEC.name,
                    endpoint = <K::By as Confirmation<K>>::Lookup::SPEC.name,
                    outcome,
                    resend,
                    "confirmation lookup"
                );
            };
            match found {
                Ok(Some(output)) => {
                    event("found", false);
                    return Ok(output);
                }
                Ok(None) => {
                    let resend = sends < MAX_SENDS
                        && K::By::absence_is_proof(call.client())
                        && call.client().inner.transport.retry_budget().withdraw();
                    event("not_found", resend);
                    if !resend {
                        return Err(err);
                    }
                }
                Err(lookup) => {
                    event("failed", false);
                    return Err(Error::Transport {
                        maybe_sent: true,
                        source: Box::new(Unconfirmed { sent: err, lookup }),
                    });
                }
            }
        }
    })
}

/// Looks a write up with `L` at `path` (relative to the write's client): `Some` with what
/// `answer` makes of the found item, `None` for a 404, or the look-up's error.
fn look_up<
    K: Op<Client = CrispClient>,
    L: Op<Client = CrispClient, Params = (), Body = NoBody>,
    T: Send + 'static,
>(
    call: &Parts<K>,
    path: Vec<String>,
    answer: impl FnOnce(L::Output) -> T + Send + 'static,
) -> BoxFuture<Result<Option<T>, Error>> {
    let lookup = Parts::<L>::new(call.client().clone(), path, (), NoBody);
    Box::pin(async move {
        match send_once(&lookup).await {
            Ok(output) => Ok(Some(answer(output))),
            Err(err) if err.status() == Some(StatusCode::NOT_FOUND) => Ok(None),
            Err(err) => Err(err),
        }
    })
}

/// The leading path argument of a call (its website id).
fn website_id<K: Op>(call: &Parts<K>) -> String {
    call.path_args().first().cloned().unwrap_or_default()
}

/// Messages, by fingerprint.
#[doc(hidden)]
#[derive(Debug)]
pub struct ByFingerprint;

impl Confirmation<ops::SendMessageInConversation> for ByFingerprint {
    type Key = i64;
    type Lookup = ops::GetMessageInConversation;

    fn key(call: &mut Parts<ops::SendMessageInConversation>) -> Option<i64> {
        let message = &mut call.body_mut().0;
        Some(
            *message
                .fingerprint
                .get_or_insert_with(|| fastrand::i64(1..=MAX_GENERATED_FINGERPRINT)),
        )
    }

    fn lookup(
        call: &Parts<ops::SendMessageInConversation>,
        fingerprint: &i64,
    ) -> BoxFuture<Result<Option<m::message::MessageDispatched>, Error>> {
        let session = call.path_args().get(1).cloned().unwrap_or_default();
        let path = vec![website_id(call), session, fingerprint.to_string()];
        let (client, fingerprint) = (call.client().clone(), *fingerprint);
        look_up::<_, Self::Lookup, _>(call, path, move |_message| {
            // Found by the fingerprint we chose: the API keeps supplied fingerprints.
            client.inner.confirm.kept();
            let mut sent = m::message::MessageDispatched::default();
            sent.fingerprint = Some(fingerprint);
            sent
        })
    }

    fn absence_is_proof(client: &CrispClient) -> bool {
        client.inner.confirm.keeps_fingerprints()
    }

    fn learn(client: &CrispClient, fingerprint: &i64, output: &m::message::MessageDispatched) {
        if output.fingerprint == Some(*fingerprint) {
            client.inner.confirm.kept();
        } else {
            client.inner.confirm.ignored();
        }
    }
}

/// People profiles, by e-mail.
#[doc(hidden)]
#[derive(Debug)]
pub struct ByEmail;

impl Confirmation<ops::AddNewPeopleProfile> for ByEmail {
    type Key = String;
    type Lookup = ops::GetPeopleProfile;

    fn key(call: &mut Parts<ops::AddNewPeopleProfile>) -> Option<String> {
        call.body().0.email.clone().filter(|e| !e.is_empty())
    }

    fn lookup(
        call: &Parts<ops::AddNewPeopleProfile>,
        email: &String,
    ) -> BoxFuture<Result<Option<m::people::PeopleProfileNew>, Error>> {
        let path = vec![website_id(call), email.clone()];
        look_up::<_, Self::Lookup, _>(call, path, |profile| {
            let mut created = m::people::PeopleProfileNew::default();
            created.people_id = profile.people_id;
            created
        })
    }

    fn absence_is_proof(_client: &CrispClient) -> bool {
        true
    }

    fn learn(_client: &CrispClient, _email: &String, _output: &m::people::PeopleProfileNew) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use chatdesk_transport::{ApiError, RateLimitScope};
    use std::time::Duration;

    #[test]
    fn only_open_outcomes_are_ambiguous() {
        let api = |status: u16| -> Error {
            ApiError::new(StatusCode::from_u16(status).unwrap(), Default::default()).into()
        };
        let timeout = Error::Timeout {
            after: Duration::from_secs(1),
            maybe_sent: true,
        };
        let closed = Error::Transport {
            maybe_sent: true,
            source: "reset".into(),
        };
        for open in [
            timeout,
            closed,
            api(502),
            api(503),
            Error::BodyTooLarge { limit: 1 },
        ] {
            assert!(ambiguous(&open), "{open:?}");
        }
        let refused = Error::RateLimited {
            retry_after: None,
            scope: RateLimitScope::Server,
            status: Some(StatusCode::from_u16(420).unwrap()),
        };
        let unsent = Error::Transport {
            maybe_sent: false,
            source: "not written".into(),
        };
        for settled in [api(400), api(404), api(409), refused, unsent] {
            assert!(!ambiguous(&settled), "{settled:?}");
        }
    }

    #[test]
    fn an_ignored_fingerprint_is_never_forgotten() {
        let state = ClientState::new(true);
        assert!(!state.keeps_fingerprints(), "unknown at first");
        state.kept();
        assert!(state.keeps_fingerprints());
        state.ignored();
        state.kept();
        assert!(!state.keeps_fingerprints());
    }
}
