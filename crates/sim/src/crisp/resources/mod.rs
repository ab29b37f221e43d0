//! Everything that is neither a conversation nor a people profile, one file per API group:
//! [`website`] (with bucket and media), [`plans`], [`plugins`] (subscriptions and Connect),
//! [`campaigns`], [`helpdesk`] (node 11 tree and legacy routes), [`operators`] (inboxes,
//! operators, settings, verify), [`visitors`] and the legacy [`user`]-tier routes. The route
//! table names every handler as `resources::…`.

mod campaigns;
mod helpdesk;
mod operators;
mod plans;
mod plugins;
mod user;
mod visitors;
mod website;

pub(crate) use campaigns::*;
pub(crate) use helpdesk::*;
pub(crate) use operators::*;
pub(crate) use plans::*;
pub(crate) use plugins::*;
pub(crate) use user::*;
pub(crate) use visitors::*;
pub(crate) use website::*;

use serde_json::{Map, Value, json};

use super::wire::{ApiError, Res, flag, fnv64, merge, page_range, uuid};
use crate::crisp::ctx::{Ctx, PAGE_SIZE, coll_values, paged, user_id};
use crate::crisp::state::{
    Coll, Plan, PluginSub, TreeNode, Website, empty_website, history_change, new_locale,
    seeded_operator_id,
};

/// Epoch milliseconds as an ISO-8601 UTC string (`2026-01-01T00:00:00.000Z`).
pub(crate) fn iso(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    // Civil from days (Howard Hinnant).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    )
}

pub(super) fn render_website(site: &Website) -> Value {
    json!({"website_id": site.website_id, "name": site.name, "domain": site.domain,
           "logo": format!("https://{}/logo.png", site.domain), "verified": true, "institutional": false})
}
