//! The route table: method + path pattern → tiers, body schema and handler.
//!
//! Patterns are written as in `crisp-endpoints.tsv`. `{name}` matches exactly one path segment
//! (percent-decoded after splitting, so `a%2Fb` is one segment); `{path}` — the Helpdesk tree
//! path — swallows every remaining segment and is decoded as a whole (it may contain `/`).

use std::sync::OnceLock;

use super::conversations as conv;
use super::ctx::{Ctx, H};
use super::people;
use super::resources as res;
use super::wire::{Field, Kind::*, Res, decode_segment, opt, req};

/// The HTTP methods the Crisp API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum M {
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
}

impl M {
    pub fn from_http(method: &http::Method) -> Option<M> {
        Some(match *method {
            http::Method::GET => M::Get,
            http::Method::HEAD => M::Head,
            http::Method::POST => M::Post,
            http::Method::PUT => M::Put,
            http::Method::PATCH => M::Patch,
            http::Method::DELETE => M::Delete,
            _ => return None,
        })
    }

    pub fn is_write(self) -> bool {
        !matches!(self, M::Get | M::Head)
    }

    /// The `http` method.
    pub fn to_http(self) -> http::Method {
        match self {
            M::Get => http::Method::GET,
            M::Head => http::Method::HEAD,
            M::Post => http::Method::POST,
            M::Put => http::Method::PUT,
            M::Patch => http::Method::PATCH,
            M::Delete => http::Method::DELETE,
        }
    }
}

/// Tier bit for `user` tokens.
pub(crate) const U: u8 = 1;
/// Tier bit for `website` tokens.
pub(crate) const W: u8 = 2;
/// Tier bit for `plugin` tokens.
pub(crate) const P: u8 = 4;
/// Every tier.
pub(crate) const ALL: u8 = U | W | P;

/// One catalogued endpoint.
pub(crate) struct Route {
    pub method: M,
    pub pattern: &'static str,
    pub tiers: u8,
    /// `None`: the route takes no body (ignored). `Some(schema)`: a JSON object checked against it.
    pub body: Option<&'static [Field]>,
    pub handler: H,
}

const fn r(
    method: M,
    pattern: &'static str,
    tiers: u8,
    body: Option<&'static [Field]>,
    handler: H,
) -> Route {
    Route {
        method,
        pattern,
        tiers,
        body,
        handler,
    }
}

const NO: Option<&'static [Field]> = None;
const OBJ: Option<&'static [Field]> = Some(&[]);

const fn f(handler: fn(&mut Ctx<'_>) -> Res) -> H {
    H::F(handler)
}

use M::{Delete as DEL, Get as GET, Head as HEAD, Patch as PATCH, Post as POST, Put as PUT};

const BATCH_CONV: Option<&'static [Field]> =
    Some(&[opt("inbox_id", StrOrNull), opt("sessions", StrArr)]);
const WHO: [Field; 2] = [opt("user", Obj), opt("origin", Str)];
const MARK: Option<&'static [Field]> = Some(&[
    req("from", Str),
    req("origin", Str),
    req("fingerprints", NumArr),
]);

/// Every endpoint of `crisp-endpoints.tsv` (275 distinct method + path pairs), plus the two RTM
/// discovery routes of the website and user tiers.
pub(crate) static ROUTES: &[Route] = &[
    // bucket, media
    r(
        POST,
        "/bucket/url/generate",
        ALL,
        Some(&[
            opt("namespace", Str),
            opt("id", Str),
            opt("file", Obj),
            opt("resource", Obj),
        ]),
        f(res::bucket_url),
    ),
    r(
        GET,
        "/media/animation/list/{page_number}",
        ALL,
        NO,
        f(res::animation_list),
    ),
    // plans (user tier)
    r(GET, "/plans/subscription", U, NO, f(res::plans_list)),
    r(
        GET,
        "/plans/subscription/{website_id}",
        U,
        NO,
        f(res::plan_get),
    ),
    r(
        POST,
        "/plans/subscription/{website_id}",
        U,
        Some(&[req("plan_id", Str)]),
        f(res::plan_subscribe),
    ),
    r(
        DEL,
        "/plans/subscription/{website_id}",
        U,
        NO,
        f(res::plan_unsubscribe),
    ),
    r(
        PATCH,
        "/plans/subscription/{website_id}/bill/period",
        U,
        Some(&[req("period", Str)]),
        f(res::plan_period),
    ),
    r(
        GET,
        "/plans/subscription/{website_id}/coupon",
        U,
        NO,
        f(res::plan_coupon),
    ),
    r(
        PATCH,
        "/plans/subscription/{website_id}/coupon",
        U,
        Some(&[req("code", Str)]),
        f(res::plan_coupon_redeem),
    ),
    // plugin connect (plugin tier)
    r(
        GET,
        "/plugin/connect/account",
        P,
        NO,
        f(res::connect_account),
    ),
    r(HEAD, "/plugin/connect/session", P, NO, H::Ack),
    r(
        GET,
        "/plugin/connect/websites/all/{page_number}",
        P,
        NO,
        f(res::connect_websites),
    ),
    r(
        GET,
        "/plugin/connect/websites/since",
        P,
        NO,
        f(res::connect_websites_since),
    ),
    r(
        GET,
        "/plugin/connect/endpoints",
        P,
        NO,
        f(res::connect_endpoints),
    ),
    // RTM discovery for the other tiers: not in the REST catalogue, but what the official clients
    // call for website and user tokens.
    r(
        GET,
        "/website/connect/endpoints",
        W,
        NO,
        f(res::connect_endpoints),
    ),
    r(
        GET,
        "/user/connect/endpoints",
        U,
        NO,
        f(res::connect_endpoints),
    ),
    // plugin subscriptions
    r(
        GET,
        "/plugins/subscription",
        U | P,
        NO,
        f(res::plugin_subs_all),
    ),
    r(
        GET,
        "/plugins/subscription/{website_id}",
        ALL,
        NO,
        f(res::plugin_subs_website),
    ),
    r(
        GET,
        "/plugins/subscription/{website_id}/{plugin_id}",
        ALL,
        NO,
        f(res::plugin_sub_get),
    ),
    r(
        POST,
        "/plugins/subscription/{website_id}",
        U | W,
        Some(&[req("plugin_id", Str)]),
        f(res::plugin_subscribe),
    ),
    r(
        DEL,
        "/plugins/subscription/{website_id}/{plugin_id}",
        U | W,
        NO,
        f(res::plugin_unsubscribe),
    ),
    r(
        GET,
        "/plugins/subscription/{website_id}/{plugin_id}/settings",
        ALL,
        NO,
        f(res::plugin_settings_get),
    ),
    r(
        PUT,
        "/plugins/subscription/{website_id}/{plugin_id}/settings",
        ALL,
        OBJ,
        f(res::plugin_settings_put),
    ),
    r(
        PATCH,
        "/plugins/subscription/{website_id}/{plugin_id}/settings",
        ALL,
        OBJ,
        f(res::plugin_settings_patch),
    ),
    r(
        GET,
        "/plugins/subscription/{website_id}/{plugin_id}/bill/usage",
        ALL,
        NO,
        f(res::plugin_usage_get),
    ),
    r(
        POST,
        "/plugins/subscription/{website_id}/{plugin_id}/bill/usage",
        ALL,
        Some(&[opt("name", Str), opt("units", Num), opt("price", Num)]),
        f(res::plugin_usage_post),
    ),
    r(
        GET,
        "/plugins/subscription/{website_id}/{plugin_id}/attest/provenance",
        ALL,
        NO,
        f(res::plugin_attest),
    ),
    r(
        POST,
        "/plugins/subscription/{website_id}/{plugin_id}/channel",
        ALL,
        Some(&[
            opt("namespace", Str),
            opt("identifier", Str),
            opt("payload", Any),
        ]),
        f(res::plugin_sub_ack),
    ),
    r(
        POST,
        "/plugins/subscription/{website_id}/{plugin_id}/event",
        ALL,
        Some(&[opt("name", Str), opt("data", Any)]),
        f(res::plugin_sub_ack),
    ),
    // website base
    r(HEAD, "/website", ALL, NO, f(res::website_exists)),
    r(
        POST,
        "/website",
        U,
        Some(&[req("name", Str), req("domain", Str)]),
        f(res::website_create),
    ),
    r(GET, "/website/{website_id}", ALL, NO, f(res::website_get)),
    r(
        DEL,
        "/website/{website_id}",
        U,
        Some(&[req("verify", Obj)]),
        f(res::website_delete),
    ),
    r(
        DEL,
        "/website/{website_id}/expunge",
        U,
        NO,
        f(res::website_abort_delete),
    ),
    r(
        POST,
        "/website/{website_id}/analytics/generate",
        ALL,
        Some(&[
            req("metric", Str),
            req("type", Str),
            req("date", Obj),
            opt("aggregator", Str),
            opt("split_by", Str),
        ]),
        f(res::analytics),
    ),
    r(
        GET,
        "/website/{website_id}/availability/status",
        ALL,
        NO,
        f(res::availability_status),
    ),
    r(
        GET,
        "/website/{website_id}/availability/operators",
        ALL,
        NO,
        f(res::availability_operators),
    ),
    // batch
    r(
        PATCH,
        "/website/{website_id}/batch/resolve",
        ALL,
        BATCH_CONV,
        f(conv::batch_resolve),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/unresolve",
        ALL,
        BATCH_CONV,
        f(conv::batch_unresolve),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/read",
        ALL,
        BATCH_CONV,
        f(conv::batch_read),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/unread",
        ALL,
        BATCH_CONV,
        f(conv::batch_unread),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/remove",
        ALL,
        Some(&[
            opt("inbox_id", StrOrNull),
            opt("sessions", StrArr),
            opt("people", Obj),
        ]),
        f(conv::batch_remove),
    ),
    r(
        POST,
        "/website/{website_id}/batch/report",
        ALL,
        Some(&[req("sessions", StrArr), req("flag", Str)]),
        f(conv::batch_report),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/block",
        ALL,
        Some(&[req("sessions", StrArr), req("blocked", Bool)]),
        f(conv::batch_block),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/routing",
        ALL,
        Some(&[req("sessions", StrArr), req("assigned", ObjOrNull)]),
        f(conv::batch_routing),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/inbox",
        ALL,
        Some(&[req("sessions", StrArr), req("inbox_id", StrOrNull)]),
        f(conv::batch_inbox),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/data",
        ALL,
        Some(&[
            opt("sessions", StrArr),
            opt("people", Obj),
            req("data", Obj),
        ]),
        f(conv::batch_data),
    ),
    r(
        PATCH,
        "/website/{website_id}/batch/segments",
        ALL,
        Some(&[
            opt("sessions", StrArr),
            opt("people", Obj),
            req("segments", StrArr),
        ]),
        f(conv::batch_segments),
    ),
    // campaigns
    r(
        GET,
        "/website/{website_id}/campaigns/list/{page_number}",
        ALL,
        NO,
        H::List("campaigns"),
    ),
    r(
        GET,
        "/website/{website_id}/campaigns/tags",
        ALL,
        NO,
        f(res::campaign_tags),
    ),
    r(
        GET,
        "/website/{website_id}/campaigns/templates/{page_number}",
        ALL,
        NO,
        H::List("templates"),
    ),
    r(
        POST,
        "/website/{website_id}/campaigns/template",
        ALL,
        Some(&[req("format", Str), req("name", Str)]),
        f(res::template_create),
    ),
    r(
        HEAD,
        "/website/{website_id}/campaigns/template/{template_id}",
        ALL,
        NO,
        H::Head("templates", "template_id"),
    ),
    r(
        GET,
        "/website/{website_id}/campaigns/template/{template_id}",
        ALL,
        NO,
        H::Get("templates", "template_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/campaigns/template/{template_id}",
        ALL,
        Some(&[opt("name", Str), opt("format", Str), opt("content", Str)]),
        H::Put("templates", "template_id"),
    ),
    r(
        PATCH,
        "/website/{website_id}/campaigns/template/{template_id}",
        ALL,
        Some(&[opt("name", Str), opt("format", Str), opt("content", Str)]),
        H::Patch("templates", "template_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/campaigns/template/{template_id}",
        ALL,
        NO,
        H::Del("templates", "template_id"),
    ),
    r(
        POST,
        "/website/{website_id}/campaign",
        ALL,
        Some(&[req("type", Str), req("name", Str)]),
        f(res::campaign_create),
    ),
    r(
        HEAD,
        "/website/{website_id}/campaign/{campaign_id}",
        ALL,
        NO,
        H::Head("campaigns", "campaign_id"),
    ),
    r(
        GET,
        "/website/{website_id}/campaign/{campaign_id}",
        ALL,
        NO,
        H::Get("campaigns", "campaign_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/campaign/{campaign_id}",
        ALL,
        Some(&[
            opt("name", Str),
            opt("type", Str),
            opt("format", Str),
            opt("recipients", Obj),
            opt("flow", Obj),
            opt("options", Obj),
        ]),
        H::Put("campaigns", "campaign_id"),
    ),
    r(
        PATCH,
        "/website/{website_id}/campaign/{campaign_id}",
        ALL,
        Some(&[
            opt("name", Str),
            opt("type", Str),
            opt("format", Str),
            opt("recipients", Obj),
            opt("flow", Obj),
            opt("options", Obj),
        ]),
        H::Patch("campaigns", "campaign_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/campaign/{campaign_id}",
        ALL,
        NO,
        H::Del("campaigns", "campaign_id"),
    ),
    r(
        POST,
        "/website/{website_id}/campaign/{campaign_id}/dispatch",
        ALL,
        OBJ,
        f(res::campaign_dispatch),
    ),
    r(
        POST,
        "/website/{website_id}/campaign/{campaign_id}/resume",
        ALL,
        OBJ,
        f(res::campaign_resume),
    ),
    r(
        POST,
        "/website/{website_id}/campaign/{campaign_id}/pause",
        ALL,
        OBJ,
        f(res::campaign_pause),
    ),
    r(
        POST,
        "/website/{website_id}/campaign/{campaign_id}/test",
        ALL,
        OBJ,
        f(res::campaign_test),
    ),
    r(
        GET,
        "/website/{website_id}/campaign/{campaign_id}/recipients/{page_number}",
        ALL,
        NO,
        f(res::campaign_recipients),
    ),
    r(
        GET,
        "/website/{website_id}/campaign/{campaign_id}/statistics/{action}/{page_number}",
        ALL,
        NO,
        f(res::campaign_statistics),
    ),
    r(
        GET,
        "/website/{website_id}/connect/endpoints",
        ALL,
        NO,
        f(res::website_connect_endpoints),
    ),
    // conversations
    r(
        GET,
        "/website/{website_id}/conversations/{page_number}",
        ALL,
        NO,
        f(conv::list),
    ),
    r(
        GET,
        "/website/{website_id}/conversations/suggest/segments/{page_number}",
        ALL,
        NO,
        f(conv::suggest_segments),
    ),
    r(
        DEL,
        "/website/{website_id}/conversations/suggest/segment",
        ALL,
        Some(&[req("segment", Str)]),
        f(conv::dismiss_segment),
    ),
    r(
        GET,
        "/website/{website_id}/conversations/suggest/data/{page_number}",
        ALL,
        NO,
        f(conv::suggest_data),
    ),
    r(
        DEL,
        "/website/{website_id}/conversations/suggest/data",
        ALL,
        Some(&[req("key", Str)]),
        f(conv::dismiss_data),
    ),
    r(
        GET,
        "/website/{website_id}/conversations/spams/{page_number}",
        ALL,
        NO,
        f(conv::spam_list),
    ),
    r(
        GET,
        "/website/{website_id}/conversations/spam/{spam_id}/content",
        ALL,
        NO,
        H::Get("spams", "spam_id"),
    ),
    r(
        POST,
        "/website/{website_id}/conversations/spam/{spam_id}/decision",
        ALL,
        Some(&[req("action", Str)]),
        f(conv::spam_decision),
    ),
    r(
        POST,
        "/website/{website_id}/conversation",
        ALL,
        OBJ,
        f(conv::create),
    ),
    r(
        HEAD,
        "/website/{website_id}/conversation/{session_id}",
        ALL,
        NO,
        f(conv::exists),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}",
        ALL,
        NO,
        f(conv::get),
    ),
    r(
        DEL,
        "/website/{website_id}/conversation/{session_id}",
        ALL,
        NO,
        f(conv::remove),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/initiate",
        ALL,
        OBJ,
        f(conv::initiate),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/messages",
        ALL,
        NO,
        f(conv::messages),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/message",
        ALL,
        Some(&[
            req("type", Str),
            req("from", Str),
            req("origin", Str),
            req("content", StrOrObj),
            opt("fingerprint", Num),
            opt("user", Obj),
            opt("mentions", StrArr),
            opt("references", Arr),
            opt("original", Obj),
            opt("properties", Obj),
            opt("timestamp", Num),
            opt("stealth", Bool),
            opt("translated", Bool),
            opt("automated", Bool),
        ]),
        f(conv::send_message),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/message/{fingerprint}",
        ALL,
        NO,
        f(conv::get_message),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/message/{fingerprint}",
        ALL,
        Some(&[req("content", StrOrObj)]),
        f(conv::edit_message),
    ),
    r(
        DEL,
        "/website/{website_id}/conversation/{session_id}/message/{fingerprint}",
        ALL,
        NO,
        f(conv::delete_message),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/compose",
        ALL,
        Some(&[
            req("type", Str),
            req("from", Str),
            opt("excerpt", Str),
            opt("stealth", Bool),
            opt("automated", Bool),
        ]),
        f(conv::compose),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/read",
        ALL,
        MARK,
        f(conv::mark_read),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/unread",
        ALL,
        Some(&[req("from", Str)]),
        f(conv::mark_unread),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/delivered",
        ALL,
        MARK,
        f(conv::mark_delivered),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/open",
        ALL,
        Some(&[req("opened", Bool)]),
        f(conv::set_open),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/routing",
        ALL,
        NO,
        f(conv::routing_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/routing",
        ALL,
        Some(&[req("assigned", ObjOrNull), opt("silent", Bool)]),
        f(conv::routing_set),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/inbox",
        ALL,
        Some(&[req("inbox_id", StrOrNull)]),
        f(conv::inbox_set),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/meta",
        ALL,
        NO,
        f(conv::meta_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/meta",
        ALL,
        Some(&[
            opt("nickname", Str),
            opt("email", Str),
            opt("phone", Str),
            opt("ip", Str),
            opt("avatar", Str),
            opt("data", Obj),
            opt("connection", Obj),
            opt("device", Obj),
            opt("segments", StrArr),
            opt("address", Str),
            opt("subject", Str),
            opt("origin", Str),
        ]),
        f(conv::meta_set),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/original/{original_id}",
        ALL,
        NO,
        f(conv::original),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/pages/{page_number}",
        ALL,
        NO,
        f(conv::pages),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/events/{page_number}",
        ALL,
        NO,
        f(conv::events),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/files/{page_number}",
        ALL,
        NO,
        f(conv::files),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/state",
        ALL,
        NO,
        f(conv::state_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/state",
        ALL,
        Some(&[req("state", Str), WHO[0], WHO[1]]),
        f(conv::state_set),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/relations",
        ALL,
        NO,
        f(conv::relations),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/participants",
        ALL,
        NO,
        f(conv::participants_get),
    ),
    r(
        PUT,
        "/website/{website_id}/conversation/{session_id}/participants",
        ALL,
        Some(&[req("participants", Arr), WHO[0], WHO[1]]),
        f(conv::participants_set),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/block",
        ALL,
        NO,
        f(conv::block_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/block",
        ALL,
        Some(&[req("blocked", Bool), WHO[0], WHO[1]]),
        f(conv::block_set),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/verify",
        ALL,
        NO,
        f(conv::verify_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/verify",
        ALL,
        Some(&[req("verified", Bool)]),
        f(conv::verify_set),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/verify/identity",
        ALL,
        Some(&[
            req("identity", Str),
            req("method", Str),
            req("recipient", Str),
        ]),
        f(conv::verify_request),
    ),
    r(
        PUT,
        "/website/{website_id}/conversation/{session_id}/verify/identity/link",
        ALL,
        Some(&[
            req("identity", Str),
            req("token", Str),
            req("recipient", Str),
        ]),
        f(conv::verify_redeem),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/transcript",
        ALL,
        Some(&[req("to", Str), opt("email", Str)]),
        f(conv::transcript),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/purge",
        ALL,
        OBJ,
        f(conv::ack),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/feedback",
        ALL,
        OBJ,
        f(conv::ack),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/browsing",
        ALL,
        NO,
        f(conv::browsing_list),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/browsing",
        ALL,
        OBJ,
        f(conv::browsing_start),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}",
        ALL,
        Some(&[req("action", Str)]),
        f(conv::browsing_action),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist",
        ALL,
        OBJ,
        f(conv::browsing_action),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/call",
        ALL,
        Some(&[opt("mode", Str), WHO[0], WHO[1]]),
        f(conv::call_start),
    ),
    r(
        GET,
        "/website/{website_id}/conversation/{session_id}/call",
        ALL,
        NO,
        f(conv::call_get),
    ),
    r(
        DEL,
        "/website/{website_id}/conversation/{session_id}/call/{call_id}",
        ALL,
        Some(&WHO),
        f(conv::call_abort),
    ),
    r(
        PATCH,
        "/website/{website_id}/conversation/{session_id}/call/{call_id}",
        ALL,
        OBJ,
        f(conv::call_signal),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/tool",
        ALL,
        Some(&[req("command", Str), opt("payload", Any)]),
        f(conv::ack),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button",
        ALL,
        Some(&[
            req("section_id", Str),
            req("item_id", Str),
            opt("data", Any),
            opt("value", Any),
        ]),
        f(conv::widget_action),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data",
        ALL,
        Some(&[
            req("section_id", Str),
            req("item_id", Str),
            opt("data", Any),
            opt("value", Any),
        ]),
        f(conv::widget_action),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/reminder",
        ALL,
        Some(&[req("date", Str), req("note", Str), WHO[0], WHO[1]]),
        f(conv::ack),
    ),
    r(
        POST,
        "/website/{website_id}/conversation/{session_id}/report",
        ALL,
        Some(&[req("flag", Str)]),
        f(conv::ack),
    ),
    // helpdesk
    r(
        HEAD,
        "/website/{website_id}/helpdesk",
        ALL,
        NO,
        f(res::helpdesk_get),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk",
        ALL,
        NO,
        f(res::helpdesk_get),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk",
        ALL,
        Some(&[req("name", Str), req("domain_basic", Str)]),
        f(res::helpdesk_init),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk",
        ALL,
        Some(&[req("verify", Obj)]),
        f(res::helpdesk_delete),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locales/{page_number}",
        ALL,
        NO,
        f(res::hd_locales),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale",
        ALL,
        Some(&[req("locale", Str)]),
        f(res::hd_locale_add),
    ),
    r(
        HEAD,
        "/website/{website_id}/helpdesk/locale/{locale}",
        ALL,
        NO,
        f(res::hd_locale_get),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}",
        ALL,
        NO,
        f(res::hd_locale_get),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/locale/{locale}",
        ALL,
        NO,
        f(res::hd_locale_delete),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}",
        ALL,
        NO,
        f(res::hd_pages),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}",
        ALL,
        NO,
        f(res::hd_page_entity),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}",
        ALL,
        NO,
        f(res::hd_tree_list),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}",
        ALL,
        OBJ,
        f(res::hd_tree_create),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}",
        ALL,
        NO,
        f(res::hd_tree_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}",
        ALL,
        Some(&[req("action", Str), opt("path", Obj), opt("position", Num)]),
        f(res::hd_tree_update),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}",
        ALL,
        NO,
        f(res::hd_tree_delete),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}",
        ALL,
        NO,
        f(res::hd_content_get),
    ),
    r(
        PUT,
        "/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}",
        ALL,
        Some(&[req("content", Str)]),
        f(res::hd_content_put),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}",
        ALL,
        NO,
        f(res::hd_meta_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}",
        ALL,
        Some(&[
            opt("format", Str),
            opt("title", Str),
            opt("description", Str),
            opt("state", Obj),
            opt("author", Obj),
            opt("color", Str),
            opt("image", Str),
        ]),
        f(res::hd_meta_patch),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{path}",
        ALL,
        NO,
        f(res::hd_tree_page),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/history/changes/{page_number}",
        ALL,
        NO,
        f(res::hd_history),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/history/change/{change_id}",
        ALL,
        NO,
        H::Get("history", "change_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/history/change/{change_id}",
        ALL,
        Some(&[req("action", Str)]),
        f(res::hd_history_cancel),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/refresh/{locale}/{content_type}",
        ALL,
        OBJ,
        f(res::hd_locale_ack),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}",
        ALL,
        NO,
        f(res::hd_ratings),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}",
        ALL,
        NO,
        f(res::hd_feedbacks),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/import/{locale}/{content_type}",
        ALL,
        Some(&[
            req("helpdesk_url", Str),
            opt("detect_locales", Bool),
            opt("other_locales", StrArr),
        ]),
        f(res::hd_locale_ack),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/export/{locale}/{content_type}",
        ALL,
        OBJ,
        f(res::hd_locale_ack),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/redirections/{page_number}",
        ALL,
        NO,
        H::List("redirections"),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/redirection",
        ALL,
        Some(&[req("path", Str), req("target", Str)]),
        H::Create("redirections", "redirection_id"),
    ),
    r(
        HEAD,
        "/website/{website_id}/helpdesk/redirection/{redirection_id}",
        ALL,
        NO,
        H::Head("redirections", "redirection_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/redirection/{redirection_id}",
        ALL,
        NO,
        H::Get("redirections", "redirection_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/redirection/{redirection_id}",
        ALL,
        NO,
        H::Del("redirections", "redirection_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/settings",
        ALL,
        NO,
        H::DocGet("helpdesk_settings"),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/settings",
        ALL,
        Some(&[
            opt("name", Str),
            opt("appearance", Obj),
            opt("localization", Obj),
            opt("section", Obj),
            opt("behavior", Obj),
            opt("service", Obj),
            opt("include", Obj),
            opt("access", Obj),
        ]),
        H::DocPatch("helpdesk_settings"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/domain",
        ALL,
        NO,
        H::DocGet("helpdesk_domain"),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/domain",
        ALL,
        Some(&[opt("basic", Str), opt("custom", Str)]),
        H::DocPatch("helpdesk_domain"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/domain/setup",
        ALL,
        NO,
        f(res::hd_domain_setup),
    ),
    // legacy helpdesk (Go and node <= 10)
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/articles/{page_number}",
        ALL,
        NO,
        H::List("articles:{locale}"),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/article",
        ALL,
        Some(&[req("title", Str)]),
        H::Create("articles:{locale}", "article_id"),
    ),
    r(
        HEAD,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}",
        ALL,
        NO,
        H::Head("articles:{locale}", "article_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}",
        ALL,
        NO,
        H::Get("articles:{locale}", "article_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}",
        ALL,
        Some(&[
            opt("title", Str),
            opt("description", Str),
            opt("content", Str),
        ]),
        H::Put("articles:{locale}", "article_id"),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}",
        ALL,
        Some(&[
            opt("title", Str),
            opt("description", Str),
            opt("content", Str),
        ]),
        H::Patch("articles:{locale}", "article_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}",
        ALL,
        NO,
        H::Del("articles:{locale}", "article_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/page",
        ALL,
        NO,
        f(res::legacy_article_page),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category",
        ALL,
        NO,
        f(res::legacy_article_category),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category",
        ALL,
        Some(&[req("category_id", Str), opt("section_id", StrOrNull)]),
        f(res::legacy_article_category_set),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternates",
        ALL,
        NO,
        f(res::legacy_alternates),
    ),
    r(
        HEAD,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}",
        ALL,
        NO,
        f(res::legacy_alternate_get),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}",
        ALL,
        NO,
        f(res::legacy_alternate_get),
    ),
    r(
        PUT,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}",
        ALL,
        Some(&[req("article_id", Str)]),
        f(res::legacy_alternate_put),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}",
        ALL,
        NO,
        f(res::legacy_alternate_delete),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/publish",
        ALL,
        OBJ,
        f(res::legacy_publish),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/unpublish",
        ALL,
        OBJ,
        f(res::legacy_unpublish),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/categories/{page_number}",
        ALL,
        NO,
        H::List("categories:{locale}"),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/category",
        ALL,
        Some(&[req("name", Str)]),
        H::Create("categories:{locale}", "category_id"),
    ),
    r(
        HEAD,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}",
        ALL,
        NO,
        H::Head("categories:{locale}", "category_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}",
        ALL,
        NO,
        H::Get("categories:{locale}", "category_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}",
        ALL,
        Some(&[opt("name", Str)]),
        H::Put("categories:{locale}", "category_id"),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}",
        ALL,
        Some(&[opt("name", Str)]),
        H::Patch("categories:{locale}", "category_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}",
        ALL,
        NO,
        H::Del("categories:{locale}", "category_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/sections/{page_number}",
        ALL,
        NO,
        H::List("sections:{locale}:{category_id}"),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section",
        ALL,
        Some(&[req("name", Str)]),
        H::Create("sections:{locale}:{category_id}", "section_id"),
    ),
    r(
        HEAD,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}",
        ALL,
        NO,
        H::Head("sections:{locale}:{category_id}", "section_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}",
        ALL,
        NO,
        H::Get("sections:{locale}:{category_id}", "section_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}",
        ALL,
        Some(&[opt("name", Str), opt("order", Num)]),
        H::Put("sections:{locale}:{category_id}", "section_id"),
    ),
    r(
        PATCH,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}",
        ALL,
        Some(&[opt("name", Str), opt("order", Num)]),
        H::Patch("sections:{locale}:{category_id}", "section_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}",
        ALL,
        NO,
        H::Del("sections:{locale}:{category_id}", "section_id"),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/feedback/ratings",
        ALL,
        NO,
        f(res::hd_ratings),
    ),
    r(
        GET,
        "/website/{website_id}/helpdesk/locale/{locale}/feedback/list/{page_number}",
        ALL,
        NO,
        f(res::hd_feedbacks),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/import",
        ALL,
        Some(&[req("helpdesk_url", Str)]),
        f(res::hd_locale_ack),
    ),
    r(
        POST,
        "/website/{website_id}/helpdesk/locale/{locale}/export",
        ALL,
        OBJ,
        f(res::hd_locale_ack),
    ),
    // inboxes
    r(
        GET,
        "/website/{website_id}/inboxes/list/{page_number}",
        ALL,
        NO,
        H::List("inboxes"),
    ),
    r(
        PATCH,
        "/website/{website_id}/inboxes/batch/order",
        ALL,
        Some(&[req("orders", Arr)]),
        f(res::inbox_order),
    ),
    r(
        POST,
        "/website/{website_id}/inbox",
        ALL,
        Some(&[
            opt("name", Str),
            opt("emoji", Str),
            opt("order", Num),
            opt("operators", StrArr),
            opt("teams", StrArr),
            opt("team_operators", StrArr),
            opt("conditions", Arr),
        ]),
        H::Create("inboxes", "inbox_id"),
    ),
    r(
        HEAD,
        "/website/{website_id}/inbox/{inbox_id}",
        ALL,
        NO,
        H::Head("inboxes", "inbox_id"),
    ),
    r(
        GET,
        "/website/{website_id}/inbox/{inbox_id}",
        ALL,
        NO,
        H::Get("inboxes", "inbox_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/inbox/{inbox_id}",
        ALL,
        Some(&[
            opt("name", Str),
            opt("emoji", Str),
            opt("order", Num),
            opt("operators", StrArr),
            opt("teams", StrArr),
            opt("team_operators", StrArr),
            opt("conditions", Arr),
        ]),
        H::Put("inboxes", "inbox_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/inbox/{inbox_id}",
        ALL,
        NO,
        f(res::inbox_delete),
    ),
    // operators
    r(
        GET,
        "/website/{website_id}/operators/list",
        ALL,
        NO,
        f(res::operators_list),
    ),
    r(
        GET,
        "/website/{website_id}/operators/active",
        ALL,
        NO,
        f(res::operators_active),
    ),
    r(
        DEL,
        "/website/{website_id}/operators/active",
        ALL,
        NO,
        f(res::operators_flush),
    ),
    r(
        POST,
        "/website/{website_id}/operators/email",
        ALL,
        Some(&[
            req("recipient", Str),
            req("subject", Str),
            req("message", Str),
            opt("user_id", Str),
            opt("target", Obj),
        ]),
        H::Ack,
    ),
    r(
        GET,
        "/website/{website_id}/operator/{user_id}",
        ALL,
        NO,
        H::Get("operators", "user_id"),
    ),
    r(
        POST,
        "/website/{website_id}/operator",
        ALL,
        Some(&[
            req("email", Str),
            req("role", Str),
            opt("verify", BoolOrObj),
        ]),
        f(res::operator_invite),
    ),
    r(
        PATCH,
        "/website/{website_id}/operator/{user_id}",
        ALL,
        Some(&[opt("role", Str), opt("title", Str)]),
        H::Patch("operators", "user_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/operator/{user_id}",
        ALL,
        NO,
        H::Del("operators", "user_id"),
    ),
    // people
    r(
        GET,
        "/website/{website_id}/people/stats",
        ALL,
        NO,
        f(people::stats),
    ),
    r(
        GET,
        "/website/{website_id}/people/suggest/segments/{page_number}",
        ALL,
        NO,
        f(people::suggest_segments),
    ),
    r(
        DEL,
        "/website/{website_id}/people/suggest/segment",
        ALL,
        Some(&[req("segment", Str)]),
        f(people::dismiss_segment),
    ),
    r(
        GET,
        "/website/{website_id}/people/suggest/data/{page_number}",
        ALL,
        NO,
        f(people::suggest_data),
    ),
    r(
        DEL,
        "/website/{website_id}/people/suggest/data",
        ALL,
        Some(&[req("key", Str)]),
        f(people::dismiss_data),
    ),
    r(
        GET,
        "/website/{website_id}/people/suggest/events/{page_number}",
        ALL,
        NO,
        f(people::suggest_events),
    ),
    r(
        DEL,
        "/website/{website_id}/people/suggest/event",
        ALL,
        Some(&[req("text", Str)]),
        f(people::dismiss_event),
    ),
    r(
        GET,
        "/website/{website_id}/people/profiles/{page_number}",
        ALL,
        NO,
        f(people::list),
    ),
    r(
        POST,
        "/website/{website_id}/people/profile",
        ALL,
        Some(&people::CARD),
        f(people::create),
    ),
    r(
        HEAD,
        "/website/{website_id}/people/profile/{people_id}",
        ALL,
        NO,
        f(people::get),
    ),
    r(
        GET,
        "/website/{website_id}/people/profile/{people_id}",
        ALL,
        NO,
        f(people::get),
    ),
    r(
        PUT,
        "/website/{website_id}/people/profile/{people_id}",
        ALL,
        Some(&people::CARD),
        f(people::save),
    ),
    r(
        PATCH,
        "/website/{website_id}/people/profile/{people_id}",
        ALL,
        Some(&people::CARD),
        f(people::update),
    ),
    r(
        DEL,
        "/website/{website_id}/people/profile/{people_id}",
        ALL,
        NO,
        f(people::remove),
    ),
    r(
        GET,
        "/website/{website_id}/people/conversations/{people_id}/list/{page_number}",
        ALL,
        NO,
        f(people::conversations),
    ),
    r(
        GET,
        "/website/{website_id}/people/campaigns/{people_id}/list/{page_number}",
        ALL,
        NO,
        f(people::campaigns),
    ),
    r(
        POST,
        "/website/{website_id}/people/events/{people_id}",
        ALL,
        Some(&[
            req("text", Str),
            opt("data", Obj),
            opt("color", Str),
            opt("timestamp", Num),
        ]),
        f(people::add_event),
    ),
    r(
        GET,
        "/website/{website_id}/people/events/{people_id}/list/{page_number}",
        ALL,
        NO,
        f(people::events),
    ),
    r(
        GET,
        "/website/{website_id}/people/data/{people_id}",
        ALL,
        NO,
        f(people::data_get),
    ),
    r(
        PUT,
        "/website/{website_id}/people/data/{people_id}",
        ALL,
        Some(&[req("data", Obj)]),
        f(people::data_save),
    ),
    r(
        PATCH,
        "/website/{website_id}/people/data/{people_id}",
        ALL,
        Some(&[req("data", Obj)]),
        f(people::data_update),
    ),
    r(
        GET,
        "/website/{website_id}/people/subscription/{people_id}",
        ALL,
        NO,
        f(people::subscription_get),
    ),
    r(
        PATCH,
        "/website/{website_id}/people/subscription/{people_id}",
        ALL,
        Some(&[req("email", Bool)]),
        f(people::subscription_set),
    ),
    r(
        POST,
        "/website/{website_id}/people/export/profiles",
        ALL,
        OBJ,
        H::Ack,
    ),
    r(
        POST,
        "/website/{website_id}/people/import/profiles",
        ALL,
        Some(&[req("url", Str), opt("mapping", Arr), opt("options", Obj)]),
        f(people::import),
    ),
    r(
        GET,
        "/website/{website_id}/people/segments/{page_number}",
        ALL,
        NO,
        f(people::segments_legacy),
    ),
    // settings, teams, verify, visitors
    r(
        GET,
        "/website/{website_id}/settings",
        ALL,
        NO,
        H::DocGet("settings"),
    ),
    r(
        PATCH,
        "/website/{website_id}/settings",
        ALL,
        Some(&[
            opt("name", Str),
            opt("domain", Str),
            opt("logo", Str),
            opt("domain_alternates", StrArr),
            opt("audit", Obj),
            opt("contact", Obj),
            opt("inbox", Obj),
            opt("emails", Obj),
            opt("chatbox", Obj),
        ]),
        f(res::settings_patch),
    ),
    r(
        GET,
        "/website/{website_id}/teams/list/{page_number}",
        ALL,
        NO,
        H::List("teams"),
    ),
    r(
        POST,
        "/website/{website_id}/team",
        ALL,
        Some(&[
            opt("name", Str),
            opt("emoji", Str),
            opt("operators", StrArr),
        ]),
        H::Create("teams", "team_id"),
    ),
    r(
        HEAD,
        "/website/{website_id}/team/{team_id}",
        ALL,
        NO,
        H::Head("teams", "team_id"),
    ),
    r(
        GET,
        "/website/{website_id}/team/{team_id}",
        ALL,
        NO,
        H::Get("teams", "team_id"),
    ),
    r(
        PUT,
        "/website/{website_id}/team/{team_id}",
        ALL,
        Some(&[
            opt("name", Str),
            opt("emoji", Str),
            opt("operators", StrArr),
        ]),
        H::Put("teams", "team_id"),
    ),
    r(
        DEL,
        "/website/{website_id}/team/{team_id}",
        ALL,
        NO,
        H::Del("teams", "team_id"),
    ),
    r(
        GET,
        "/website/{website_id}/verify/settings",
        ALL,
        NO,
        H::DocGet("verify_settings"),
    ),
    r(
        PATCH,
        "/website/{website_id}/verify/settings",
        ALL,
        Some(&[req("enabled", Bool)]),
        H::DocPatch("verify_settings"),
    ),
    r(
        GET,
        "/website/{website_id}/verify/key",
        ALL,
        NO,
        H::DocGet("verify_key"),
    ),
    r(
        POST,
        "/website/{website_id}/verify/key",
        ALL,
        OBJ,
        f(res::verify_roll),
    ),
    r(
        GET,
        "/website/{website_id}/visitors/count",
        ALL,
        NO,
        f(res::visitors_count),
    ),
    r(
        GET,
        "/website/{website_id}/visitors/list/{page_number}",
        ALL,
        NO,
        f(res::visitors_list),
    ),
    r(
        GET,
        "/website/{website_id}/visitors/map",
        ALL,
        NO,
        f(res::visitors_map),
    ),
    r(
        GET,
        "/website/{website_id}/visitors/token/{token_id}",
        ALL,
        NO,
        f(res::visitors_token),
    ),
    r(
        GET,
        "/website/{website_id}/visitors/blocked",
        ALL,
        NO,
        f(res::blocked_count),
    ),
    r(
        GET,
        "/website/{website_id}/visitors/blocked/{rule}",
        ALL,
        NO,
        f(res::blocked_rule),
    ),
    r(
        DEL,
        "/website/{website_id}/visitors/blocked/{rule}",
        ALL,
        NO,
        f(res::blocked_clear),
    ),
    // legacy user-tier routes
    r(GET, "/user/account", U, NO, H::UserDocGet("account")),
    r(
        POST,
        "/user/account",
        U,
        Some(&[
            req("email", Str),
            req("password", Str),
            opt("first_name", Str),
            opt("last_name", Str),
        ]),
        f(res::user_create),
    ),
    r(
        GET,
        "/user/account/profile",
        U,
        NO,
        H::UserDocGet("profile"),
    ),
    r(
        PATCH,
        "/user/account/profile",
        U,
        OBJ,
        H::UserDocPatch("profile"),
    ),
    r(
        GET,
        "/user/account/notification",
        U,
        NO,
        H::UserDocGet("notification"),
    ),
    r(
        PATCH,
        "/user/account/notification",
        U,
        OBJ,
        H::UserDocPatch("notification"),
    ),
    r(GET, "/user/account/websites", U, NO, f(res::user_websites)),
    r(HEAD, "/user/session", U, NO, H::Ack),
    r(
        POST,
        "/user/session/login",
        U,
        Some(&[req("email", Str), req("password", Str)]),
        f(res::user_login),
    ),
    r(POST, "/user/session/logout", U, OBJ, H::Ack),
    r(
        POST,
        "/user/session/recover",
        U,
        Some(&[req("email", Str)]),
        H::Ack,
    ),
    r(
        GET,
        "/user/availability",
        U,
        NO,
        H::UserDocGet("availability"),
    ),
    r(
        PATCH,
        "/user/availability",
        U,
        Some(&[req("type", Str), opt("time", Obj)]),
        f(res::user_availability_set),
    ),
    r(
        GET,
        "/user/availability/status",
        U,
        NO,
        f(res::user_availability_status),
    ),
];

/// A pattern segment.
enum Seg {
    Lit(&'static str),
    Param(&'static str),
    Tail(&'static str),
}

/// A route with its pattern split and its class computed, built once.
pub(crate) struct Compiled {
    pub route: &'static Route,
    segs: Vec<Seg>,
    literals: usize,
    pub class: String,
}

fn compiled() -> &'static [Compiled] {
    static TABLE: OnceLock<Vec<Compiled>> = OnceLock::new();
    TABLE.get_or_init(|| {
        ROUTES
            .iter()
            .map(|route| {
                let segs: Vec<Seg> = route
                    .pattern
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(
                        |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                            Some("path") => Seg::Tail("path"),
                            Some(name) => Seg::Param(name),
                            None => Seg::Lit(s),
                        },
                    )
                    .collect();
                let literals = segs.iter().filter(|s| matches!(s, Seg::Lit(_))).count();
                let class = segs
                    .iter()
                    .filter_map(|s| match s {
                        Seg::Lit(l) => Some(*l),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                Compiled {
                    route,
                    segs,
                    literals,
                    class,
                }
            })
            .collect()
    })
}

/// The outcome of matching a request path.
pub(crate) enum Lookup {
    /// A route matched, with its decoded parameters.
    Found(&'static Compiled, Vec<(&'static str, String)>),
    /// No route has this method and path.
    NotFound,
}

fn match_segments(
    c: &'static Compiled,
    raw: &[&str],
    decoded: &[String],
) -> Option<Vec<(&'static str, String)>> {
    let mut params = Vec::new();
    for (i, seg) in c.segs.iter().enumerate() {
        match seg {
            Seg::Tail(name) => {
                if raw.len() <= i {
                    return None;
                }
                let joined = raw[i..].join("/");
                params.push((*name, decode_lossy(&joined)));
                return Some(params);
            }
            Seg::Lit(lit) => {
                if decoded.get(i)? != lit {
                    return None;
                }
            }
            Seg::Param(name) => {
                params.push((*name, decoded.get(i)?.clone()));
            }
        }
    }
    (raw.len() == c.segs.len()).then_some(params)
}

fn decode_lossy(raw: &str) -> String {
    decode_segment(raw).unwrap_or_else(|| {
        String::from_utf8_lossy(&percent_encoding::percent_decode_str(raw).collect::<Vec<u8>>())
            .into_owned()
    })
}

/// Splits the raw path (after `/v1`) into segments: on `/` first, decoding happens per segment.
/// One trailing slash is ignored (`…/conversations/1/?search_query=…`, as the official Python
/// client sends every search, routes like `…/conversations/1`).
fn split_path(path: &str) -> Vec<&str> {
    let trimmed = path.strip_prefix('/').unwrap_or(path);
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    if trimmed.is_empty() {
        return Vec::new();
    }
    trimmed.split('/').collect()
}

/// Finds the route for `method` and raw `path`; the most literal match wins.
pub(crate) fn lookup(method: M, path: &str) -> Lookup {
    let raw = split_path(path);
    let decoded: Vec<String> = raw.iter().map(|s| decode_lossy(s)).collect();
    let mut best: Option<(&'static Compiled, Vec<(&'static str, String)>)> = None;
    for c in compiled() {
        if c.route.method != method {
            continue;
        }
        if let Some(params) = match_segments(c, &raw, &decoded) {
            let better = match &best {
                None => true,
                Some((b, _)) => c.literals > b.literals,
            };
            if better {
                best = Some((c, params));
            }
        }
    }
    match best {
        Some((c, params)) => Lookup::Found(c, params),
        None => Lookup::NotFound,
    }
}

/// The route class for `method` and raw `path` (`unknown` when nothing matches).
pub(crate) fn class_of(method: &http::Method, path: &str) -> &'static str {
    let Some(m) = M::from_http(method) else {
        return "unknown";
    };
    match lookup(m, path) {
        Lookup::Found(c, _) => c.class.as_str(),
        Lookup::NotFound => "unknown",
    }
}
