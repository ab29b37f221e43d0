//! What the simulator's two real-time servers (Crisp RTM under `/rtm/`, Carrot RTS under `/rts/`)
//! share: the websocket upgrade on the REST port (`websocket.rs`), the connection gate that
//! counts attempts, refuses the next few and cuts every socket at once (`gate.rs`), and the
//! plumbing of their `/_sim/…` control routes (`control.rs`).

pub(crate) mod control;
pub(crate) mod gate;
pub(crate) mod websocket;

pub(crate) use gate::Gate;

/// The value of query parameter `name` as sent (not percent-decoded), the first one wins.
pub(crate) fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k == name).then_some(v)
    })
}
