//! The RTM steps shared by the RTM tests (`rtm.rs` against an in-test server, `rtm_sim.rs` and
//! `hooks.rs` against the simulator); each test file passes its own bound on a wait.
#![allow(dead_code)]

use chatdesk_crisp_api::rtm::{Rtm, RtmBuilder, RtmError, RtmItem};
use futures_util::StreamExt;
use std::time::Duration;
use tokio::time::timeout;

/// The next item of `rtm` (`None`: the stream ended), failing the test after `wait`.
pub async fn next_within(rtm: &mut Rtm, wait: Duration) -> Option<Result<RtmItem, RtmError>> {
    timeout(wait, rtm.next())
        .await
        .unwrap_or_else(|_| panic!("no RTM item within {wait:?}"))
}

/// Connects `rtm` and checks that its first item, within `wait`, is `Connected`.
pub async fn connected(rtm: RtmBuilder, wait: Duration) -> Rtm {
    let mut rtm = rtm.connect().await.unwrap();
    let first = next_within(&mut rtm, wait)
        .await
        .expect("the RTM stream ended");
    assert_eq!(first.unwrap(), RtmItem::Connected);
    rtm
}
