//! Everything that is neither a conversation nor a people profile: websites, plans, plugin
//! subscriptions and Connect, campaigns, Helpdesk (node 11 tree and legacy routes), inboxes,
//! operators, settings, verify, visitors and the legacy user-tier routes.

use serde_json::{Map, Value, json};

use super::ctx::{Ctx, PAGE_SIZE, coll_values, paged, user_id};
use super::state::{
    Coll, Plan, PluginSub, TreeNode, Website, empty_website, history_change, new_locale,
    seeded_operator_id,
};
use super::wire::{ApiError, Res, flag, fnv64, merge, page_range, uuid};

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

fn render_website(site: &Website) -> Value {
    json!({"website_id": site.website_id, "name": site.name, "domain": site.domain,
           "logo": format!("https://{}/logo.png", site.domain), "verified": true, "institutional": false})
}

// ---------------------------------------------------------------------------------------------
// Bucket, media
// ---------------------------------------------------------------------------------------------

/// `POST /bucket/url/generate` (the URL itself is pushed as an RTM/web hook event on Crisp).
pub(crate) fn bucket_url(_ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({}))
}

/// `GET /media/animation/list/{page_number}` (results are pushed as an RTM event on Crisp).
pub(crate) fn animation_list(ctx: &mut Ctx<'_>) -> Res {
    ctx.page()?;
    Ok(json!({}))
}

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

fn render_plan(site: &Website, plan: &Plan, cfg: &super::CrispConfig) -> Value {
    json!({
        "id": plan.id, "name": "Unlimited", "price": 95, "since": iso(plan.since), "trialing": false,
        "trial_end": "", "trial_end_date": "", "bill_period": plan.bill_period,
        "bill_valid_until": iso(plan.since + 30 * 86_400_000), "active": true, "sandbox": true,
        "website": {"id": site.website_id, "name": site.name, "domain": site.domain, "logo": ""},
        "coupon_redeemed": plan.coupon_redeemed, "card_id": "",
        "owner": {"user_id": user_id(cfg), "email": "owner@example.com", "first_name": "Owner", "last_name": "Sim"}
    })
}

/// `GET /plans/subscription`.
pub(crate) fn plans_list(ctx: &mut Ctx<'_>) -> Res {
    let cfg = ctx.cfg;
    Ok(Value::Array(
        ctx.st
            .websites
            .values()
            .filter_map(|s| s.plan.as_ref().map(|p| render_plan(s, p, cfg)))
            .collect(),
    ))
}

fn plan_missing() -> ApiError {
    ApiError::not_found(
        "subscription_not_found",
        "the website has no plan subscription",
    )
}

/// `GET /plans/subscription/{website_id}`.
pub(crate) fn plan_get(ctx: &mut Ctx<'_>) -> Res {
    let cfg = ctx.cfg;
    let site = ctx.site()?;
    let plan = site.plan.as_ref().ok_or_else(plan_missing)?;
    Ok(render_plan(site, plan, cfg))
}

/// `POST /plans/subscription/{website_id}`.
pub(crate) fn plan_subscribe(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.bs("plan_id").unwrap_or("").to_owned();
    let now = ctx.st.now();
    ctx.site()?.plan = Some(Plan {
        id,
        since: now,
        bill_period: "monthly".to_owned(),
        coupon_redeemed: false,
    });
    Ok(json!({}))
}

/// `DELETE /plans/subscription/{website_id}`.
pub(crate) fn plan_unsubscribe(ctx: &mut Ctx<'_>) -> Res {
    ctx.site()?.plan.take().ok_or_else(plan_missing)?;
    Ok(json!({}))
}

/// `PATCH /plans/subscription/{website_id}/bill/period`.
pub(crate) fn plan_period(ctx: &mut Ctx<'_>) -> Res {
    let period = ctx.bs("period").unwrap_or("").to_owned();
    if !matches!(period.as_str(), "monthly" | "yearly") {
        return Err(ApiError::invalid("data.period should be monthly or yearly"));
    }
    ctx.site()?
        .plan
        .as_mut()
        .ok_or_else(plan_missing)?
        .bill_period = period;
    Ok(json!({}))
}

/// `GET /plans/subscription/{website_id}/coupon?code=`.
pub(crate) fn plan_coupon(ctx: &mut Ctx<'_>) -> Res {
    let code = ctx
        .q("code")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| ApiError::invalid("query should have required property 'code'"))?
        .to_owned();
    let expire = ctx.cfg.epoch_ms + 365 * 86_400_000;
    ctx.site()?;
    Ok(
        json!({"code": code, "policy": {"rebate_percent": 20, "trial_days": 14}, "redeem_limit": 100, "expire_at": iso(expire)}),
    )
}

/// `PATCH /plans/subscription/{website_id}/coupon`.
pub(crate) fn plan_coupon_redeem(ctx: &mut Ctx<'_>) -> Res {
    ctx.site()?
        .plan
        .as_mut()
        .ok_or_else(plan_missing)?
        .coupon_redeemed = true;
    Ok(json!({}))
}

// ---------------------------------------------------------------------------------------------
// Plugin Connect and subscriptions
// ---------------------------------------------------------------------------------------------

/// `GET /plugin/connect/account`.
pub(crate) fn connect_account(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"plugin_id": ctx.cfg.plugin_id}))
}

fn connect_items(ctx: &mut Ctx<'_>, difference: bool) -> Vec<Value> {
    let plugin = ctx.cfg.plugin_id.clone();
    let include_plan = flag(ctx.q("include_plan"));
    let configured_only = flag(ctx.q("filter_configured"));
    let since = ctx
        .q("date_since")
        .and_then(super::conversations::parse_iso8601_ms);
    ctx.st
        .websites
        .values()
        .filter_map(|s| {
            let sub = s.plugins.get(&plugin)?;
            if configured_only && sub.settings.as_object().is_none_or(Map::is_empty) {
                return None;
            }
            if since.is_some_and(|t| sub.since < t) {
                return None;
            }
            let mut v = json!({"website_id": s.website_id, "price": 0,
                               "token": uuid("connect-token", fnv64(&[s.website_id.as_bytes()])),
                               "settings": sub.settings});
            if let Some(o) = v.as_object_mut() {
                if include_plan {
                    o.insert(
                        "plan".to_owned(),
                        json!({"id": "plugin-plan-free", "name": "Free", "trialing": false}),
                    );
                }
                if difference {
                    o.insert("difference".to_owned(), json!("added"));
                }
            }
            Some(v)
        })
        .collect()
}

/// `GET /plugin/connect/websites/all/{page_number}`.
pub(crate) fn connect_websites(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let items = connect_items(ctx, false);
    Ok(Value::Array(paged(&items, page)))
}

/// `GET /plugin/connect/websites/since` (not paginated).
pub(crate) fn connect_websites_since(ctx: &mut Ctx<'_>) -> Res {
    Ok(Value::Array(connect_items(ctx, true)))
}

fn socket_url(ctx: &Ctx<'_>) -> String {
    match &ctx.host {
        Some(h) => format!("ws://{h}/"),
        None => "wss://relay.sim.invalid/".to_owned(),
    }
}

/// `GET /plugin/connect/endpoints`.
pub(crate) fn connect_endpoints(ctx: &mut Ctx<'_>) -> Res {
    let app = socket_url(ctx);
    Ok(json!({"socket": {"app": app}, "rescue": {"socket": {"app": app}}}))
}

/// `GET /website/{website_id}/connect/endpoints`.
pub(crate) fn website_connect_endpoints(ctx: &mut Ctx<'_>) -> Res {
    let app = socket_url(ctx);
    Ok(
        json!({"socket": {"app": app, "stream": app}, "rescue": {"socket": {"app": app, "stream": app}}}),
    )
}

fn render_sub(website_id: &str, plugin_id: &str, sub: &PluginSub) -> Value {
    json!({
        "id": plugin_id, "urn": format!("urn:sim:plugin:{plugin_id}"), "type": "private", "category": "automation",
        "name": "Simulator plugin", "summary": "A plugin served by chatdesk-sim", "price": 0,
        "plans": [{"id": "plugin-plan-free", "name": "Free", "price": 0}],
        "icon": "", "website_url": "", "contact_url": "", "terms_url": "", "privacy_url": "", "help_url": "",
        "video_url": "", "configurable": true, "since": iso(sub.since), "active": true,
        "website_id": website_id, "card_id": ""
    })
}

/// `GET /plugins/subscription`.
pub(crate) fn plugin_subs_all(ctx: &mut Ctx<'_>) -> Res {
    let mut out = Vec::new();
    for s in ctx.st.websites.values() {
        for (pid, sub) in &s.plugins {
            out.push(render_sub(&s.website_id, pid, sub));
        }
    }
    Ok(Value::Array(out))
}

/// `GET /plugins/subscription/{website_id}`.
pub(crate) fn plugin_subs_website(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    Ok(Value::Array(
        site.plugins
            .iter()
            .map(|(pid, sub)| render_sub(&site.website_id, pid, sub))
            .collect(),
    ))
}

fn sub_mut<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut PluginSub, ApiError> {
    let pid = ctx.param("plugin_id").to_owned();
    ctx.site()?.plugins.get_mut(&pid).ok_or_else(|| {
        ApiError::not_found("not_found", "the plugin is not subscribed on this website")
    })
}

/// `GET /plugins/subscription/{website_id}/{plugin_id}`.
pub(crate) fn plugin_sub_get(ctx: &mut Ctx<'_>) -> Res {
    let wid = ctx.param("website_id").to_owned();
    let pid = ctx.param("plugin_id").to_owned();
    let sub = sub_mut(ctx)?;
    Ok(render_sub(&wid, &pid, sub))
}

/// `POST /plugins/subscription/{website_id}`.
pub(crate) fn plugin_subscribe(ctx: &mut Ctx<'_>) -> Res {
    let pid = ctx.bs("plugin_id").unwrap_or("").to_owned();
    let now = ctx.st.now();
    ctx.site()?.plugins.entry(pid).or_insert(PluginSub {
        since: now,
        settings: json!({}),
        usage: Vec::new(),
    });
    Ok(json!({}))
}

/// `DELETE /plugins/subscription/{website_id}/{plugin_id}`.
pub(crate) fn plugin_unsubscribe(ctx: &mut Ctx<'_>) -> Res {
    let pid = ctx.param("plugin_id").to_owned();
    ctx.site()?
        .plugins
        .remove(&pid)
        .map(|_| json!({}))
        .ok_or_else(|| {
            ApiError::not_found("not_found", "the plugin is not subscribed on this website")
        })
}

/// `GET …/{plugin_id}/settings`.
pub(crate) fn plugin_settings_get(ctx: &mut Ctx<'_>) -> Res {
    let wid = ctx.param("website_id").to_owned();
    let pid = ctx.param("plugin_id").to_owned();
    let sub = sub_mut(ctx)?;
    Ok(
        json!({"plugin_id": pid, "website_id": wid, "token": uuid("plugin-token", fnv64(&[wid.as_bytes(), pid.as_bytes()])),
              "schema": {}, "settings": sub.settings, "settings_form_url": "", "callback_url": ""}),
    )
}

/// `PUT …/{plugin_id}/settings`: replaces the settings.
pub(crate) fn plugin_settings_put(ctx: &mut Ctx<'_>) -> Res {
    let body = ctx.body.clone();
    sub_mut(ctx)?.settings = body;
    Ok(json!({}))
}

/// `PATCH …/{plugin_id}/settings`: merges the settings.
pub(crate) fn plugin_settings_patch(ctx: &mut Ctx<'_>) -> Res {
    let body = ctx.body.clone();
    merge(&mut sub_mut(ctx)?.settings, &body);
    Ok(json!({}))
}

/// `GET …/{plugin_id}/bill/usage`.
pub(crate) fn plugin_usage_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(Value::Array(sub_mut(ctx)?.usage.clone()))
}

/// `POST …/{plugin_id}/bill/usage`.
pub(crate) fn plugin_usage_post(ctx: &mut Ctx<'_>) -> Res {
    let body = ctx.body.clone();
    sub_mut(ctx)?.usage.push(body);
    Ok(json!({}))
}

/// `GET …/{plugin_id}/attest/provenance`.
pub(crate) fn plugin_attest(ctx: &mut Ctx<'_>) -> Res {
    let wid = ctx.param("website_id").to_owned();
    let pid = ctx.param("plugin_id").to_owned();
    let expire = ctx.st.clock + 3_600_000;
    let uid = user_id(ctx.cfg);
    sub_mut(ctx)?;
    let signed = format!("{:016x}", fnv64(&[wid.as_bytes(), pid.as_bytes()]));
    Ok(
        json!({"payload": {"website": {"website_id": wid}, "user": {"user_id": uid, "role": "owner"}, "plugin": {"plugin_id": pid}}, "signed": signed, "expire_at": expire}),
    )
}

/// `POST …/{plugin_id}/channel|event`.
pub(crate) fn plugin_sub_ack(ctx: &mut Ctx<'_>) -> Res {
    sub_mut(ctx).map(|_| json!({}))
}

// ---------------------------------------------------------------------------------------------
// Websites
// ---------------------------------------------------------------------------------------------

/// `HEAD /website?domain=`.
pub(crate) fn website_exists(ctx: &mut Ctx<'_>) -> Res {
    let domain = ctx
        .q("domain")
        .filter(|d| !d.is_empty())
        .ok_or_else(|| ApiError::invalid("query should have required property 'domain'"))?
        .to_lowercase();
    ctx.st
        .websites
        .values()
        .find(|s| s.domain.to_lowercase() == domain)
        .map(|_| json!({}))
        .ok_or_else(|| ApiError::not_found("website_not_found", "no website with this domain"))
}

/// `POST /website` (user tier): creates an empty website.
pub(crate) fn website_create(ctx: &mut Ctx<'_>) -> Res {
    let name = ctx.bs("name").unwrap_or("").to_owned();
    let domain = ctx.bs("domain").unwrap_or("").to_lowercase();
    if domain.is_empty() || name.is_empty() {
        return Err(ApiError::invalid(
            "data.name and data.domain should not be empty",
        ));
    }
    if ctx.st.websites.values().any(|s| s.domain == domain) {
        return Err(ApiError::conflict(
            "website_exists",
            "a website already uses this domain",
        ));
    }
    let now = ctx.st.now();
    let id = ctx.st.new_id("website");
    let index = usize::try_from(ctx.st.website_seq).unwrap_or(usize::MAX);
    ctx.st.website_seq += 1;
    let mut site = empty_website(id.clone(), index, name, domain.clone(), now);
    let mut operators = Coll::default();
    let uid = user_id(ctx.cfg);
    operators.insert(
        uid.clone(),
        json!({"user_id": uid, "email": "owner@example.com", "avatar": "", "first_name": "Owner", "last_name": "Sim",
               "role": "owner", "title": "", "availability": "online", "has_token": false, "identifier": "", "key": ""}),
    );
    site.colls.insert("operators".to_owned(), operators);
    let rendered = render_website(&site);
    ctx.st.websites.insert(id, site);
    ctx.write_key = Some(format!("website:create:{domain}"));
    ctx.reason = Some("added");
    Ok(rendered)
}

/// `GET /website/{website_id}`.
pub(crate) fn website_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(render_website(ctx.site()?))
}

/// `DELETE /website/{website_id}` (user tier): schedules the deletion.
pub(crate) fn website_delete(ctx: &mut Ctx<'_>) -> Res {
    ctx.site()?.deletion_scheduled = true;
    Ok(json!({}))
}

/// `DELETE /website/{website_id}/expunge` (user tier): aborts a scheduled deletion.
pub(crate) fn website_abort_delete(ctx: &mut Ctx<'_>) -> Res {
    ctx.site()?.deletion_scheduled = false;
    Ok(json!({}))
}

/// `POST /website/{website_id}/analytics/generate`.
pub(crate) fn analytics(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    let total = site.conversations.len() as u64;
    let split_by = "";
    Ok(json!([
        {"period": "2026-01-01", "value": total, "split_by": split_by, "hits": total, "unique_hits": total, "sum_value": total, "sum_hits": total},
        {"period": "2026-01-02", "value": 0, "split_by": split_by, "hits": 0, "unique_hits": 0, "sum_value": 0, "sum_hits": 0}
    ]))
}

/// `GET …/availability/status`.
pub(crate) fn availability_status(ctx: &mut Ctx<'_>) -> Res {
    let since = ctx.site()?.created_at;
    Ok(json!({"status": "online", "since": since}))
}

/// `GET …/availability/operators`.
pub(crate) fn availability_operators(ctx: &mut Ctx<'_>) -> Res {
    let since = ctx.cfg.epoch_ms;
    let site = ctx.site()?;
    Ok(Value::Array(
        coll_values(site, "operators")
            .iter()
            .map(|op| {
                json!({"user_id": op.get("user_id").cloned().unwrap_or(json!("")),
                       "type": op.get("availability").cloned().unwrap_or(json!("offline")),
                       "time": {"for": 0, "since": since}})
            })
            .collect(),
    ))
}

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

/// `GET …/campaigns/tags`.
pub(crate) fn campaign_tags(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    let tags: std::collections::BTreeSet<String> = coll_values(site, "campaigns")
        .iter()
        .filter_map(|c| c.get("tag").and_then(Value::as_str).map(str::to_owned))
        .filter(|t| !t.is_empty())
        .collect();
    Ok(json!(tags))
}

/// `POST …/campaigns/template`: answers `{template_id}`.
pub(crate) fn template_create(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    let id = ctx.st.new_id("template");
    let item = json!({"template_id": id, "type": "custom", "name": ctx.bs("name").unwrap_or(""),
                      "format": ctx.bs("format").unwrap_or("markdown"), "content": "",
                      "created_at": now, "updated_at": now});
    ctx.site()?
        .colls
        .entry("templates".to_owned())
        .or_default()
        .insert(id.clone(), item);
    ctx.write_key = Some(format!("template:create:{id}"));
    Ok(json!({ "template_id": id }))
}

/// `POST …/campaign`: answers `{campaign_id}`.
pub(crate) fn campaign_create(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    let id = ctx.st.new_id("campaign");
    let mut item = super::state::seed_campaign(&id, 0, now);
    if let Some(o) = item.as_object_mut() {
        o.insert("name".to_owned(), json!(ctx.bs("name").unwrap_or("")));
        o.insert(
            "type".to_owned(),
            json!(ctx.bs("type").unwrap_or("one-shot")),
        );
        o.insert("ready".to_owned(), json!(false));
        o.insert("tag".to_owned(), json!(""));
    }
    ctx.site()?
        .colls
        .entry("campaigns".to_owned())
        .or_default()
        .insert(id.clone(), item);
    ctx.write_key = Some(format!("campaign:create:{id}"));
    Ok(json!({ "campaign_id": id }))
}

fn campaign_mut<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut Map<String, Value>, ApiError> {
    let id = ctx.param("campaign_id").to_owned();
    ctx.site()?
        .colls
        .get_mut("campaigns")
        .and_then(|c| c.items.get_mut(&id))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| ApiError::not_found("not_found", "campaign not found"))
}

/// `POST …/campaign/{campaign_id}/dispatch`.
pub(crate) fn campaign_dispatch(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    let c = campaign_mut(ctx)?;
    c.insert("dispatched".to_owned(), json!(true));
    c.insert("running".to_owned(), json!(true));
    c.insert("dispatched_at".to_owned(), json!(now));
    Ok(json!({}))
}

/// `POST …/campaign/{campaign_id}/resume`.
pub(crate) fn campaign_resume(ctx: &mut Ctx<'_>) -> Res {
    campaign_mut(ctx)?.insert("running".to_owned(), json!(true));
    Ok(json!({}))
}

/// `POST …/campaign/{campaign_id}/pause`.
pub(crate) fn campaign_pause(ctx: &mut Ctx<'_>) -> Res {
    campaign_mut(ctx)?.insert("running".to_owned(), json!(false));
    Ok(json!({}))
}

/// `POST …/campaign/{campaign_id}/test`.
pub(crate) fn campaign_test(ctx: &mut Ctx<'_>) -> Res {
    campaign_mut(ctx).map(|_| json!({}))
}

/// `GET …/campaign/{campaign_id}/recipients/{page_number}`: the website's people.
pub(crate) fn campaign_recipients(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    campaign_mut(ctx)?;
    let site = ctx.site()?;
    let range = page_range(site.people_order.len(), page, PAGE_SIZE);
    Ok(Value::Array(
        site.people_order[range]
            .iter()
            .filter_map(|id| site.people.get(id))
            .map(|p| json!({"people_id": p.people_id, "email": p.email,
                             "person": {"nickname": p.nickname, "avatar": ""}, "subscribed": p.subscribed}))
            .collect(),
    ))
}

/// `GET …/campaign/{campaign_id}/statistics/{action}/{page_number}`.
pub(crate) fn campaign_statistics(ctx: &mut Ctx<'_>) -> Res {
    ctx.page()?;
    if !matches!(ctx.param("action"), "opened" | "clicked" | "unsubscribed") {
        return Err(ApiError::invalid(
            "action should be opened, clicked or unsubscribed",
        ));
    }
    campaign_mut(ctx)?;
    Ok(json!([]))
}

// ---------------------------------------------------------------------------------------------
// Helpdesk
// ---------------------------------------------------------------------------------------------

const CONTENT_TYPES: [&str; 4] = ["articles", "guides", "references", "news"];

fn helpdesk_missing() -> ApiError {
    ApiError::not_found("helpdesk_not_found", "the website has no helpdesk")
}

/// `GET|HEAD /website/{website_id}/helpdesk`.
pub(crate) fn helpdesk_get(ctx: &mut Ctx<'_>) -> Res {
    let hd = ctx.site()?.helpdesk.clone().ok_or_else(helpdesk_missing)?;
    Ok(Value::Object(hd))
}

/// `POST /website/{website_id}/helpdesk` (idempotent: re-initialising renames).
pub(crate) fn helpdesk_init(ctx: &mut Ctx<'_>) -> Res {
    let name = ctx.bs("name").unwrap_or("").to_owned();
    let basic = ctx.bs("domain_basic").unwrap_or("").to_owned();
    let site = ctx.site()?;
    let mut hd = Map::new();
    hd.insert("name".to_owned(), json!(name));
    hd.insert(
        "url".to_owned(),
        json!(format!("https://{basic}.help.example.com/")),
    );
    site.helpdesk = Some(hd);
    if !site.colls.contains_key("helpdesk_locales") {
        let mut locales = Coll::default();
        locales.insert("en".to_owned(), new_locale(site, "en"));
        site.colls.insert("helpdesk_locales".to_owned(), locales);
    }
    Ok(json!({}))
}

/// `DELETE /website/{website_id}/helpdesk`.
pub(crate) fn helpdesk_delete(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    site.helpdesk.take().ok_or_else(helpdesk_missing)?;
    site.colls.remove("helpdesk_locales");
    site.tree.clear();
    Ok(json!({}))
}

fn locale_exists(site: &Website, locale: &str) -> bool {
    site.colls
        .get("helpdesk_locales")
        .is_some_and(|c| c.items.contains_key(locale))
}

fn locale_missing() -> ApiError {
    ApiError::not_found("locale_not_found", "helpdesk locale not found")
}

/// `GET …/helpdesk/locales/{page_number}` (statistics are computed from the tree).
pub(crate) fn hd_locales(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let site = ctx.site()?;
    let items: Vec<Value> = coll_values(site, "helpdesk_locales")
        .into_iter()
        .map(|mut l| {
            let locale = l
                .get("locale")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if let Some(o) = l.as_object_mut() {
                o.insert("statistics".to_owned(), locale_stats(site, &locale));
            }
            l
        })
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

fn locale_stats(site: &Website, locale: &str) -> Value {
    let mut stats = Map::new();
    for ct in CONTENT_TYPES {
        let (mut entries, mut groups) = (0u64, 0u64);
        for ((l, c, _), node) in &site.tree {
            if l == locale && c == ct {
                if node.kind == "folder" {
                    groups += 1;
                } else {
                    entries += 1;
                }
            }
        }
        stats.insert(ct.to_owned(), json!({"entries": entries, "groups": groups}));
    }
    Value::Object(stats)
}

/// `POST …/helpdesk/locale` (idempotent).
pub(crate) fn hd_locale_add(ctx: &mut Ctx<'_>) -> Res {
    let locale = ctx.bs("locale").unwrap_or("").to_owned();
    if locale.is_empty() {
        return Err(ApiError::invalid("data.locale should not be empty"));
    }
    let site = ctx.site()?;
    if site.helpdesk.is_none() {
        return Err(helpdesk_missing());
    }
    if !locale_exists(site, &locale) {
        let item = new_locale(site, &locale);
        site.colls
            .entry("helpdesk_locales".to_owned())
            .or_default()
            .insert(locale, item);
    }
    Ok(json!({}))
}

/// `GET|HEAD …/helpdesk/locale/{locale}`.
pub(crate) fn hd_locale_get(ctx: &mut Ctx<'_>) -> Res {
    let locale = ctx.param("locale").to_owned();
    let site = ctx.site()?;
    let mut item = site
        .colls
        .get("helpdesk_locales")
        .and_then(|c| c.items.get(&locale))
        .cloned()
        .ok_or_else(locale_missing)?;
    if let Some(o) = item.as_object_mut() {
        o.insert("statistics".to_owned(), locale_stats(site, &locale));
    }
    Ok(item)
}

/// `DELETE …/helpdesk/locale/{locale}`.
pub(crate) fn hd_locale_delete(ctx: &mut Ctx<'_>) -> Res {
    let locale = ctx.param("locale").to_owned();
    let site = ctx.site()?;
    site.colls
        .get_mut("helpdesk_locales")
        .and_then(|c| c.remove(&locale))
        .ok_or_else(locale_missing)?;
    site.tree.retain(|(l, _, _), _| *l != locale);
    Ok(json!({}))
}

/// Checks `{locale}` (and `{content_type}` when the route has one).
fn check_locale(ctx: &mut Ctx<'_>) -> Result<(String, String), ApiError> {
    let locale = ctx.param("locale").to_owned();
    let ct = ctx.param("content_type").to_owned();
    let has_ct = ctx.params.iter().any(|(k, _)| *k == "content_type");
    if has_ct && !CONTENT_TYPES.contains(&ct.as_str()) {
        return Err(ApiError::invalid(
            "content_type should be articles, guides, references or news",
        ));
    }
    let site = ctx.site()?;
    if !locale_exists(site, &locale) {
        return Err(locale_missing());
    }
    Ok((locale, ct))
}

/// Locale-scoped acknowledgements (refresh, import, export).
pub(crate) fn hd_locale_ack(ctx: &mut Ctx<'_>) -> Res {
    check_locale(ctx).map(|_| json!({}))
}

fn tree_key(ctx: &mut Ctx<'_>) -> Result<(String, String, String), ApiError> {
    let (locale, ct) = check_locale(ctx)?;
    let path = ctx.param("path").trim_matches('/').to_owned();
    if path.is_empty() {
        return Err(ApiError::invalid("path should not be empty"));
    }
    Ok((locale, ct, path))
}

fn entry_not_found() -> ApiError {
    ApiError::not_found("not_found", "helpdesk tree entry not found")
}

fn state_of(node: &TreeNode) -> Value {
    let mut state = json!({"published": true, "hidden": false, "featured": false});
    if let Some(s) = node.metadata.get("state") {
        merge(&mut state, s);
    }
    state
}

fn render_entry(
    site: &Website,
    key: &(String, String, String),
    node: &TreeNode,
    depth: u8,
) -> Value {
    let slug = key.2.rsplit('/').next().unwrap_or(&key.2);
    let children: Vec<Value> = if depth > 0 && node.kind == "folder" {
        children_of(site, &key.0, &key.1, &key.2)
            .into_iter()
            .map(|(k, n)| render_entry(site, &k, n, depth - 1))
            .collect()
    } else {
        Vec::new()
    };
    json!({"type": node.kind, "slug": slug, "title": node.title, "state": state_of(node), "children": children})
}

fn children_of<'s>(
    site: &'s Website,
    locale: &str,
    ct: &str,
    parent: &str,
) -> Vec<((String, String, String), &'s TreeNode)> {
    site.tree
        .iter()
        .filter(|((l, c, p), _)| {
            l == locale
                && c == ct
                && match p.rsplit_once('/') {
                    Some((dir, _)) => dir == parent,
                    None => parent.is_empty(),
                }
        })
        .map(|(k, n)| (k.clone(), n))
        .collect()
}

/// `GET …/helpdesk/tree/list/{locale}/{content_type}/{page_number}`.
pub(crate) fn hd_tree_list(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let (locale, ct) = check_locale(ctx)?;
    let sub_path = ctx.q("sub_path").unwrap_or("").trim_matches('/').to_owned();
    let title = ctx
        .q("search_title")
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let site = ctx.site()?;
    let items: Vec<Value> = match title {
        Some(t) => site
            .tree
            .iter()
            .filter(|((l, c, p), n)| {
                *l == locale
                    && *c == ct
                    && (sub_path.is_empty() || p.starts_with(&sub_path))
                    && n.title.to_lowercase().contains(&t)
            })
            .map(|(k, n)| render_entry(site, k, n, 1))
            .collect(),
        None => children_of(site, &locale, &ct, &sub_path)
            .into_iter()
            .map(|(k, n)| render_entry(site, &k, n, 1))
            .collect(),
    };
    Ok(Value::Array(paged(&items, page)))
}

fn record_change(ctx: &mut Ctx<'_>, message: &str, path: &str) -> Result<(), ApiError> {
    let now = ctx.st.now();
    let id = ctx.st.new_id("change");
    let change = history_change(&id, message, path, now);
    ctx.site()?
        .colls
        .entry("history".to_owned())
        .or_default()
        .insert(id, change);
    Ok(())
}

/// `POST …/helpdesk/tree/path/{locale}/{content_type}/{path}` (idempotent).
pub(crate) fn hd_tree_create(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let entity_id = ctx.st.new_id("entity");
    let path = key.2.clone();
    let site = ctx.site()?;
    if let std::collections::btree_map::Entry::Vacant(slot) = site.tree.entry(key) {
        let title = path.rsplit('/').next().unwrap_or(&path).replace('-', " ");
        slot.insert(TreeNode {
            kind: "page".to_owned(),
            title,
            content: String::new(),
            metadata: Map::new(),
            entity_id,
        });
        record_change(ctx, "Create page", &path)?;
    }
    Ok(json!({}))
}

/// `GET …/helpdesk/tree/path/…`.
pub(crate) fn hd_tree_get(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let site = ctx.site()?;
    let node = site.tree.get(&key).ok_or_else(entry_not_found)?;
    Ok(render_entry(site, &key, node, 1))
}

/// `PATCH …/helpdesk/tree/path/…`: `path.to` moves the entry (and what is below it).
pub(crate) fn hd_tree_update(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let to = ctx
        .b("path")
        .and_then(|p| p.get("to"))
        .and_then(Value::as_str)
        .map(|s| s.trim_matches('/').to_owned());
    let site = ctx.site()?;
    if !site.tree.contains_key(&key) {
        return Err(entry_not_found());
    }
    if let Some(to) = to.filter(|t| !t.is_empty() && *t != key.2) {
        let prefix = format!("{}/", key.2);
        let moving: Vec<(String, String, String)> = site
            .tree
            .keys()
            .filter(|(l, c, p)| {
                *l == key.0 && *c == key.1 && (*p == key.2 || p.starts_with(&prefix))
            })
            .cloned()
            .collect();
        for old in moving {
            if let Some(node) = site.tree.remove(&old) {
                let new_path = format!("{to}{}", &old.2[key.2.len()..]);
                site.tree.insert((old.0, old.1, new_path), node);
            }
        }
    }
    record_change(ctx, "Move entry", &key.2)?;
    Ok(json!({}))
}

/// `DELETE …/helpdesk/tree/path/…` (with what is below it).
pub(crate) fn hd_tree_delete(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let site = ctx.site()?;
    if site.tree.remove(&key).is_none() {
        return Err(entry_not_found());
    }
    let prefix = format!("{}/", key.2);
    site.tree
        .retain(|(l, c, p), _| !(*l == key.0 && *c == key.1 && p.starts_with(&prefix)));
    record_change(ctx, "Delete entry", &key.2)?;
    Ok(json!({}))
}

fn node_mut<'c>(ctx: &'c mut Ctx<'_>) -> Result<(&'c mut TreeNode, String), ApiError> {
    let key = tree_key(ctx)?;
    let path = key.2.clone();
    let node = ctx.site()?.tree.get_mut(&key).ok_or_else(entry_not_found)?;
    Ok((node, path))
}

/// `GET …/helpdesk/tree/content/…`.
pub(crate) fn hd_content_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"content": node_mut(ctx)?.0.content}))
}

/// `PUT …/helpdesk/tree/content/…`.
pub(crate) fn hd_content_put(ctx: &mut Ctx<'_>) -> Res {
    let content = ctx.bs("content").unwrap_or("").to_owned();
    let (node, path) = node_mut(ctx)?;
    node.content = content;
    record_change(ctx, "Update content", &path)?;
    Ok(json!({}))
}

/// `GET …/helpdesk/tree/metadata/…`.
pub(crate) fn hd_meta_get(ctx: &mut Ctx<'_>) -> Res {
    let owner = seeded_operator_id(0, 0);
    let (node, _) = node_mut(ctx)?;
    let mut meta = json!({"format": "markdown", "title": node.title, "description": "", "state": state_of(node),
                          "author": {"user_id": owner}, "color": "", "image": ""});
    let mut extra = Value::Object(node.metadata.clone());
    if let Some(o) = extra.as_object_mut() {
        o.remove("state");
    }
    merge(&mut meta, &extra);
    Ok(meta)
}

/// `PATCH …/helpdesk/tree/metadata/…`.
pub(crate) fn hd_meta_patch(ctx: &mut Ctx<'_>) -> Res {
    let body = ctx.body.clone();
    let (node, path) = node_mut(ctx)?;
    let mut meta = Value::Object(std::mem::take(&mut node.metadata));
    merge(&mut meta, &body);
    node.metadata = meta.as_object().cloned().unwrap_or_default();
    if let Some(t) = body.get("title").and_then(Value::as_str) {
        node.title = t.to_owned();
    }
    record_change(ctx, "Update metadata", &path)?;
    Ok(json!({}))
}

fn page_url(site: &Website, locale: &str, ct: &str, path: &str) -> String {
    format!(
        "https://{}.help.example.com/{locale}/{ct}/{path}",
        site.domain.replace('.', "-")
    )
}

/// `GET …/helpdesk/tree/page/…`.
pub(crate) fn hd_tree_page(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let site = ctx.site()?;
    let node = site.tree.get(&key).ok_or_else(entry_not_found)?;
    Ok(json!({"title": node.title, "url": page_url(site, &key.0, &key.1, &key.2)}))
}

fn render_page(site: &Website, key: &(String, String, String), node: &TreeNode) -> Value {
    json!({"entity_id": node.entity_id, "title": node.title, "tree_path": key.2, "url": page_url(site, &key.0, &key.1, &key.2)})
}

/// `GET …/helpdesk/page/list/{locale}/{content_type}/{page_number}`.
pub(crate) fn hd_pages(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let (locale, ct) = check_locale(ctx)?;
    let site = ctx.site()?;
    let items: Vec<Value> = site
        .tree
        .iter()
        .filter(|((l, c, _), n)| *l == locale && *c == ct && n.kind == "page")
        .map(|(k, n)| render_page(site, k, n))
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `GET …/helpdesk/page/entity/{locale}/{content_type}/{entity_id}`.
pub(crate) fn hd_page_entity(ctx: &mut Ctx<'_>) -> Res {
    let (locale, ct) = check_locale(ctx)?;
    let entity = ctx.param("entity_id").to_owned();
    let site = ctx.site()?;
    site.tree
        .iter()
        .find(|((l, c, _), n)| *l == locale && *c == ct && n.entity_id == entity)
        .map(|(k, n)| render_page(site, k, n))
        .ok_or_else(entry_not_found)
}

/// `GET …/helpdesk/history/changes/{page_number}` (newest first; `filter_tree_path` prefix).
pub(crate) fn hd_history(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let prefix = ctx.q("filter_tree_path").unwrap_or("").to_owned();
    let site = ctx.site()?;
    let mut items: Vec<Value> = coll_values(site, "history")
        .into_iter()
        .filter(|c| {
            prefix.is_empty()
                || c.get("files").and_then(Value::as_array).is_some_and(|fs| {
                    fs.iter().any(|f| {
                        f.get("path")
                            .and_then(Value::as_str)
                            .is_some_and(|p| p.starts_with(&prefix))
                    })
                })
        })
        .collect();
    items.reverse();
    Ok(Value::Array(paged(&items, page)))
}

/// `DELETE …/helpdesk/history/change/{change_id}`.
pub(crate) fn hd_history_cancel(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.param("change_id").to_owned();
    ctx.site()?
        .colls
        .get_mut("history")
        .and_then(|c| c.remove(&id))
        .map(|_| json!({}))
        .ok_or_else(|| ApiError::not_found("not_found", "change not found"))
}

/// Feedback ratings (node 11 and legacy paths).
pub(crate) fn hd_ratings(ctx: &mut Ctx<'_>) -> Res {
    check_locale(ctx)?;
    Ok(json!({"ratings": {"helpful": 3, "unhelpful": 1}}))
}

/// Feedback list (node 11 and legacy paths).
pub(crate) fn hd_feedbacks(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    check_locale(ctx)?;
    let at = ctx.cfg.epoch_ms;
    let items: Vec<Value> = (0..2)
        .map(|i| json!({"rating": if i == 0 { "helpful" } else { "unhelpful" }, "comment": format!("Feedback {i}"),
                         "article": {"article_id": uuid("article", i), "title": format!("Article {i}"), "url": ""},
                         "session": {"session_id": format!("session_{}", uuid("feedback", i)), "nickname": "visitor",
                                     "email": "", "avatar": "", "geolocation": {}, "assigned": {}},
                         "created_at": at}))
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `GET …/helpdesk/domain/setup?custom=`.
pub(crate) fn hd_domain_setup(ctx: &mut Ctx<'_>) -> Res {
    let custom = ctx.q("custom").unwrap_or("help.example.com").to_owned();
    ctx.site()?;
    Ok(
        json!({"custom": custom, "setup": {"records": [{"type": "CNAME", "query": custom, "name": custom, "value": "helpdesk.example.com"}]}}),
    )
}

fn article_mut<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut Map<String, Value>, ApiError> {
    let name = format!("articles:{}", ctx.param("locale"));
    let id = ctx.param("article_id").to_owned();
    ctx.site()?
        .colls
        .get_mut(&name)
        .and_then(|c| c.items.get_mut(&id))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| ApiError::not_found("not_found", "article not found"))
}

/// Legacy `GET …/article/{article_id}/page`.
pub(crate) fn legacy_article_page(ctx: &mut Ctx<'_>) -> Res {
    let a = article_mut(ctx)?;
    Ok(
        json!({"title": a.get("title").cloned().unwrap_or(json!("")), "url": a.get("url").cloned().unwrap_or(json!(""))}),
    )
}

/// Legacy `GET …/article/{article_id}/category`.
pub(crate) fn legacy_article_category(ctx: &mut Ctx<'_>) -> Res {
    let a = article_mut(ctx)?;
    Ok(a.get("category")
        .cloned()
        .unwrap_or(json!({"category_id": null, "section_id": null})))
}

/// Legacy `PATCH …/article/{article_id}/category`.
pub(crate) fn legacy_article_category_set(ctx: &mut Ctx<'_>) -> Res {
    let category = json!({"category_id": ctx.b("category_id").cloned().unwrap_or(Value::Null),
                          "section_id": ctx.b("section_id").cloned().unwrap_or(Value::Null)});
    article_mut(ctx)?.insert("category".to_owned(), category);
    Ok(json!({}))
}

/// Legacy `GET …/article/{article_id}/alternates`.
pub(crate) fn legacy_alternates(ctx: &mut Ctx<'_>) -> Res {
    let a = article_mut(ctx)?;
    let alternates = a
        .get("alternates")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    Ok(Value::Array(
        alternates
            .into_iter()
            .map(|(locale, id)| json!({"locale": locale, "article_id": id}))
            .collect(),
    ))
}

/// Legacy `GET|HEAD …/article/{article_id}/alternate/{locale_linked}`.
pub(crate) fn legacy_alternate_get(ctx: &mut Ctx<'_>) -> Res {
    let linked = ctx.param("locale_linked").to_owned();
    let a = article_mut(ctx)?;
    a.get("alternates")
        .and_then(|m| m.get(&linked))
        .map(|id| json!({"locale": linked, "article_id": id}))
        .ok_or_else(|| ApiError::not_found("not_found", "alternate not found"))
}

/// Legacy `PUT …/article/{article_id}/alternate/{locale_linked}`.
pub(crate) fn legacy_alternate_put(ctx: &mut Ctx<'_>) -> Res {
    let linked = ctx.param("locale_linked").to_owned();
    let target = ctx.b("article_id").cloned().unwrap_or(Value::Null);
    let a = article_mut(ctx)?;
    let entry = a.entry("alternates").or_insert_with(|| json!({}));
    if let Some(o) = entry.as_object_mut() {
        o.insert(linked, target);
    }
    Ok(json!({}))
}

/// Legacy `DELETE …/article/{article_id}/alternate/{locale_linked}`.
pub(crate) fn legacy_alternate_delete(ctx: &mut Ctx<'_>) -> Res {
    let linked = ctx.param("locale_linked").to_owned();
    let a = article_mut(ctx)?;
    a.get_mut("alternates")
        .and_then(Value::as_object_mut)
        .and_then(|m| m.remove(&linked))
        .map(|_| json!({}))
        .ok_or_else(|| ApiError::not_found("not_found", "alternate not found"))
}

/// Legacy `POST …/article/{article_id}/publish`: answers the article URL.
pub(crate) fn legacy_publish(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    let a = article_mut(ctx)?;
    a.insert("status".to_owned(), json!("published"));
    a.insert("published_at".to_owned(), json!(now));
    Ok(json!({"url": a.get("url").cloned().unwrap_or(json!(""))}))
}

/// Legacy `POST …/article/{article_id}/unpublish`.
pub(crate) fn legacy_unpublish(ctx: &mut Ctx<'_>) -> Res {
    article_mut(ctx)?.insert("status".to_owned(), json!("draft"));
    Ok(json!({}))
}

// ---------------------------------------------------------------------------------------------
// Inboxes, operators, settings, verify
// ---------------------------------------------------------------------------------------------

/// `PATCH …/inboxes/batch/order`.
pub(crate) fn inbox_order(ctx: &mut Ctx<'_>) -> Res {
    let orders = ctx
        .b("orders")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut parsed = Vec::new();
    for o in &orders {
        match (
            o.get("inbox_id").and_then(Value::as_str),
            o.get("order").and_then(Value::as_i64),
        ) {
            (Some(id), Some(n)) => parsed.push((id.to_owned(), n)),
            _ => {
                return Err(ApiError::invalid(
                    "data.orders items should have inbox_id (string) and order (number)",
                ));
            }
        }
    }
    let site = ctx.site()?;
    if let Some(inboxes) = site.colls.get_mut("inboxes") {
        for (id, n) in parsed {
            if let Some(item) = inboxes.items.get_mut(&id).and_then(Value::as_object_mut) {
                item.insert("order".to_owned(), json!(n));
            }
        }
    }
    Ok(json!({}))
}

/// `DELETE …/inbox/{inbox_id}`: conversations of the inbox go back to the main inbox.
pub(crate) fn inbox_delete(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.param("inbox_id").to_owned();
    let site = ctx.site()?;
    site.colls
        .get_mut("inboxes")
        .and_then(|c| c.remove(&id))
        .ok_or_else(|| ApiError::not_found("not_found", "inbox not found"))?;
    for c in site.conversations.values_mut() {
        if c.inbox_id.as_deref() == Some(id.as_str()) {
            c.inbox_id = None;
        }
    }
    Ok(json!({}))
}

/// `GET …/operators/list`.
pub(crate) fn operators_list(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    Ok(Value::Array(
        coll_values(site, "operators")
            .into_iter()
            .map(|op| json!({"type": "website", "details": op}))
            .collect(),
    ))
}

/// `GET …/operators/active`.
pub(crate) fn operators_active(ctx: &mut Ctx<'_>) -> Res {
    let at = ctx.cfg.epoch_ms;
    let site = ctx.site()?;
    if site.operators_active_flushed {
        return Ok(json!([]));
    }
    Ok(Value::Array(
        coll_values(site, "operators")
            .into_iter()
            .map(|op| {
                let nickname = format!(
                    "{} {}",
                    op.get("first_name").and_then(Value::as_str).unwrap_or(""),
                    op.get("last_name").and_then(Value::as_str).unwrap_or("")
                );
                json!({"user_id": op.get("user_id").cloned().unwrap_or(json!("")),
                       "avatar": op.get("avatar").cloned().unwrap_or(json!("")),
                       "nickname": nickname.trim(), "timestamp": at})
            })
            .collect(),
    ))
}

/// `DELETE …/operators/active`.
pub(crate) fn operators_flush(ctx: &mut Ctx<'_>) -> Res {
    ctx.site()?.operators_active_flushed = true;
    Ok(json!({}))
}

/// `POST …/operator`: invites (adds) an operator.
pub(crate) fn operator_invite(ctx: &mut Ctx<'_>) -> Res {
    let email = ctx.bs("email").unwrap_or("").to_owned();
    let role = ctx.bs("role").unwrap_or("member").to_owned();
    if !matches!(role.as_str(), "owner" | "member") {
        return Err(ApiError::invalid("data.role should be owner or member"));
    }
    let id = ctx.st.new_id("operator");
    let site = ctx.site()?;
    let ops = site.colls.entry("operators".to_owned()).or_default();
    if ops
        .values()
        .any(|o| o.get("email").and_then(Value::as_str) == Some(email.as_str()))
    {
        return Err(ApiError::conflict(
            "operator_exists",
            "this email is already an operator",
        ));
    }
    ops.insert(
        id.clone(),
        json!({"user_id": id, "email": email, "avatar": "", "first_name": "", "last_name": "", "role": role,
               "title": "", "availability": "offline", "has_token": false, "identifier": "", "key": ""}),
    );
    ctx.write_key = Some(format!("operator:invite:{email}"));
    Ok(json!({}))
}

/// `PATCH …/settings`: deep merge; `name`/`domain` also rename the website.
pub(crate) fn settings_patch(ctx: &mut Ctx<'_>) -> Res {
    let mut body = ctx.body.clone();
    if let Some(o) = body.as_object_mut() {
        // node's WebsiteSettingsUpdate type carries a camelCase `websiteID`: never stored.
        o.remove("websiteID");
        o.remove("website_id");
    }
    let site = ctx.site()?;
    let mut current = site
        .docs
        .get("settings")
        .cloned()
        .unwrap_or_else(|| super::ctx::default_doc("settings", site));
    merge(&mut current, &body);
    if let Some(n) = body.get("name").and_then(Value::as_str) {
        site.name = n.to_owned();
    }
    if let Some(d) = body.get("domain").and_then(Value::as_str) {
        site.domain = d.to_lowercase();
    }
    site.docs.insert("settings".to_owned(), current);
    Ok(json!({}))
}

/// `POST …/verify/key`: rolls the verify secret.
pub(crate) fn verify_roll(ctx: &mut Ctx<'_>) -> Res {
    let secret = ctx.st.new_id("verify").replace('-', "");
    ctx.site()?
        .docs
        .insert("verify_key".to_owned(), json!({ "secret": secret }));
    Ok(json!({}))
}

// ---------------------------------------------------------------------------------------------
// Visitors
// ---------------------------------------------------------------------------------------------

fn visitor_session(ctx: &Ctx<'_>, site: &Website, i: usize) -> String {
    if i < ctx.cfg.conversations_per_website && site.index < ctx.cfg.website_ids.len() {
        ctx.cfg.seeded_session_id(site.index, i)
    } else {
        format!(
            "session_{}",
            uuid("visitor", ((site.index as u64) << 32) | i as u64)
        )
    }
}

fn render_visitor(session_id: &str, i: usize, domain: &str) -> Value {
    let (lat, lon, city, country) = if i.is_multiple_of(2) {
        (48.8566, 2.3522, "Paris", "FR")
    } else {
        (52.52, 13.405, "Berlin", "DE")
    };
    json!({"session_id": session_id, "inbox_id": "", "nickname": format!("visitor{i}"), "email": "", "avatar": "",
           "useragent": "Mozilla/5.0 (sim)", "initiated": i.is_multiple_of(3), "active": i.is_multiple_of(2),
           "last_page": {"page_title": "Home", "page_url": format!("https://{domain}/")},
           "geolocation": {"coordinates": {"latitude": lat, "longitude": lon}, "city": city, "region": "", "country": country},
           "timezone": -60, "capabilities": ["browsing", "call"], "locales": ["en"]})
}

/// `GET …/visitors/count`.
pub(crate) fn visitors_count(ctx: &mut Ctx<'_>) -> Res {
    let n = ctx.site()?.visitors;
    Ok(json!({"count": n, "active": n.div_ceil(2), "limited": false}))
}

/// `GET …/visitors/list/{page_number}`.
pub(crate) fn visitors_list(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let wid = ctx.param("website_id").to_owned();
    let site = ctx
        .st
        .websites
        .get(&wid)
        .ok_or_else(|| ApiError::not_found("website_not_found", "website not found"))?;
    let range = page_range(site.visitors, page, PAGE_SIZE);
    Ok(Value::Array(
        range
            .map(|i| render_visitor(&visitor_session(ctx, site, i), i, &site.domain))
            .collect(),
    ))
}

/// `GET …/visitors/map` (two points: Paris and Berlin).
pub(crate) fn visitors_map(ctx: &mut Ctx<'_>) -> Res {
    for name in ["center_longitude", "center_latitude", "center_radius"] {
        if let Some(v) = ctx.q(name)
            && v.parse::<f64>().is_err()
        {
            return Err(ApiError::invalid(format!("{name} should be a number")));
        }
    }
    let wid = ctx.param("website_id").to_owned();
    let site = ctx
        .st
        .websites
        .get(&wid)
        .ok_or_else(|| ApiError::not_found("website_not_found", "website not found"))?;
    let mut points = Vec::new();
    for parity in 0..2usize {
        let sessions: Vec<Value> = (0..site.visitors)
            .filter(|i| i % 2 == parity)
            .take(10)
            .map(|i| {
                let mut v = render_visitor(&visitor_session(ctx, site, i), i, &site.domain);
                if let Some(o) = v.as_object_mut() {
                    o.remove("geolocation");
                    o.remove("inbox_id");
                    o.remove("useragent");
                }
                v
            })
            .collect();
        if sessions.is_empty() {
            continue;
        }
        let count = (0..site.visitors).filter(|i| i % 2 == parity).count();
        let (lat, lon, city, country) = if parity == 0 {
            (48.8566, 2.3522, "Paris", "FR")
        } else {
            (52.52, 13.405, "Berlin", "DE")
        };
        points.push(json!({"visitors": {"count": count, "threshold": 10, "sessions": sessions},
                           "geolocation": {"coordinates": {"latitude": lat, "longitude": lon}, "city": city, "region": "", "country": country}}));
    }
    Ok(Value::Array(points))
}

/// `GET …/visitors/token/{token_id}`: the token maps to one of the website's visitors.
pub(crate) fn visitors_token(ctx: &mut Ctx<'_>) -> Res {
    let token = ctx.param("token_id").to_owned();
    let wid = ctx.param("website_id").to_owned();
    let site = ctx
        .st
        .websites
        .get(&wid)
        .ok_or_else(|| ApiError::not_found("website_not_found", "website not found"))?;
    if site.visitors == 0 {
        return Err(ApiError::not_found("not_found", "token not found"));
    }
    let i = (fnv64(&[token.as_bytes()]) % site.visitors as u64) as usize;
    Ok(json!({"session_id": visitor_session(ctx, site, i)}))
}

/// `GET …/visitors/blocked` (node shape: `{rule[], blocked}`).
pub(crate) fn blocked_count(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    let rules: Vec<&String> = site
        .blocked_rules
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, _)| k)
        .collect();
    let total: u64 = site.blocked_rules.values().sum();
    Ok(json!({"rule": rules, "blocked": total}))
}

/// `GET …/visitors/blocked/{rule}` (node shape: a number).
pub(crate) fn blocked_rule(ctx: &mut Ctx<'_>) -> Res {
    let rule = ctx.param("rule").to_owned();
    Ok(json!(
        ctx.site()?.blocked_rules.get(&rule).copied().unwrap_or(0)
    ))
}

/// `DELETE …/visitors/blocked/{rule}`.
pub(crate) fn blocked_clear(ctx: &mut Ctx<'_>) -> Res {
    let rule = ctx.param("rule").to_owned();
    ctx.site()?.blocked_rules.remove(&rule);
    Ok(json!({}))
}

// ---------------------------------------------------------------------------------------------
// Legacy user-tier routes
// ---------------------------------------------------------------------------------------------

/// `POST /user/account`.
pub(crate) fn user_create(ctx: &mut Ctx<'_>) -> Res {
    let email = ctx.bs("email").unwrap_or("").to_owned();
    let id = ctx.st.new_id("user");
    ctx.write_key = Some(format!("user:create:{email}"));
    Ok(json!({ "user_id": id }))
}

/// `GET /user/account/websites`.
pub(crate) fn user_websites(ctx: &mut Ctx<'_>) -> Res {
    Ok(Value::Array(
        ctx.st.websites.values().map(render_website).collect(),
    ))
}

/// `POST /user/session/login`: hands out the configured user keypair.
pub(crate) fn user_login(ctx: &mut Ctx<'_>) -> Res {
    let kp = ctx.cfg.keypair(super::CrispTier::User).ok_or_else(|| {
        ApiError::new(
            http::StatusCode::UNAUTHORIZED,
            "invalid_session",
            "no user account",
        )
    })?;
    Ok(json!({"identifier": kp.identifier, "key": kp.key}))
}

/// `PATCH /user/availability`.
pub(crate) fn user_availability_set(ctx: &mut Ctx<'_>) -> Res {
    let kind = ctx.bs("type").unwrap_or("").to_owned();
    if !matches!(kind.as_str(), "online" | "away" | "offline") {
        return Err(ApiError::invalid(
            "data.type should be online, away or offline",
        ));
    }
    let time_for = ctx
        .b("time")
        .and_then(|t| t.get("for"))
        .cloned()
        .unwrap_or(json!(0));
    let now = ctx.st.now();
    ctx.st.docs.insert(
        "availability".to_owned(),
        json!({"type": kind, "time": {"for": time_for, "since": now}}),
    );
    Ok(json!({}))
}

/// `GET /user/availability/status`.
pub(crate) fn user_availability_status(ctx: &mut Ctx<'_>) -> Res {
    let status = ctx
        .st
        .docs
        .get("availability")
        .and_then(|d| d.get("type"))
        .and_then(Value::as_str)
        .unwrap_or("online")
        .to_owned();
    Ok(json!({ "status": status }))
}
