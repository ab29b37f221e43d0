//! Everything that is neither a conversation nor a people profile, one file per API group:
//! `website` (with bucket and media), `plans`, `plugins` (subscriptions and Connect),
//! `campaigns`, `helpdesk` (node 11 tree and legacy routes), `operators` (inboxes,
//! operators, settings, verify), `visitors` and the legacy `user`-tier routes. The route
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

pub(crate) use crate::dates::iso;

pub(super) fn render_website(site: &Website) -> Value {
    json!({"website_id": site.website_id, "name": site.name, "domain": site.domain,
           "logo": format!("https://{}/logo.png", site.domain), "verified": true, "institutional": false})
}
