//! The endpoint table: every Crisp REST v1 endpoint, declared once, one file per API group.
//!
//! Each entry gives the marker type and stable name, the replay class, the HTTP method and
//! the path template exactly as in `docs/api/crisp-endpoints.tsv`, the Rust method generated on
//! the group handle with its positional arguments, and the query, body and output types from
//! `chatdesk-model` (see `macros.rs` for the grammar).
//!
//! Replay classes: GET and HEAD are `Safe`. POST and PATCH are `Unsafe` (a POST creates or
//! triggers something; Crisp's PATCH routes merge fields or trigger actions, and nothing in the
//! API documents them as idempotent). PUT and DELETE are `Safe` where they replace a whole
//! document or remove one resource, which a second copy cannot make worse; the exceptions are
//! marked next to their declaration.
//!
//! Rate-limit classes are coarse, one per group (`conversation`, `people`, `helpdesk`, …):
//! Crisp's per-route limits are undisclosed, and a refusal pauses only its class.

use chatdesk_model::crisp as m;

/// Hands the rows gathered so far to the next group's macro, and the whole table, once every
/// group has added its rows, to `endpoints!` (one expansion: one `ops` module, one `ENDPOINTS`).
macro_rules! table_chain {
    ([$next:ident $($rest:ident)*] $($acc:tt)*) => {
        $next! { [$($rest)*] $($acc)* }
    };
    ([] $($acc:tt)*) => {
        endpoints! { $($acc)* }
    };
}

#[macro_use]
mod bucket;
#[macro_use]
mod media;
#[macro_use]
mod plan;
#[macro_use]
mod plugin;
#[macro_use]
mod website;
#[macro_use]
mod conversations;
#[macro_use]
mod people;
#[macro_use]
mod campaigns;
#[macro_use]
mod helpdesk;
#[macro_use]
mod inboxes;
#[macro_use]
mod operators;
#[macro_use]
mod teams;
#[macro_use]
mod visitors;
#[macro_use]
mod settings;
#[macro_use]
mod user;

table_chain! { [bucket_rows media_rows plan_rows plugin_rows website_rows conversations_rows people_rows campaigns_rows helpdesk_rows inboxes_rows operators_rows teams_rows visitors_rows settings_rows user_rows] }
