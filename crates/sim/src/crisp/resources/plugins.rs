//! Marketplace plugins: Connect (account, websites, endpoints) and subscriptions with their
//! settings, usage and attestation.

use super::*;

/// `GET /plugin/connect/account`.
pub(crate) fn connect_account(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"plugin_id": ctx.cfg.plugin_id}))
}

pub(super) fn connect_items(ctx: &mut Ctx<'_>, difference: bool) -> Vec<Value> {
    let plugin = ctx.cfg.plugin_id.clone();
    let include_plan = flag(ctx.q("include_plan"));
    let configured_only = flag(ctx.q("filter_configured"));
    let since = ctx.q("date_since").and_then(crate::dates::parse_ms);
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

/// The RTM URL (and its rescue twin) on the simulator's own port: Engine.IO is served under
/// `/rtm/`, so a client must use the URL's path, not `/socket.io/`.
pub(super) fn socket_urls(ctx: &Ctx<'_>) -> (String, String) {
    match &ctx.host {
        Some(h) => (format!("ws://{h}/rtm/"), format!("ws://{h}/rtm/rescue/")),
        None => (
            "wss://relay.sim.invalid/".to_owned(),
            "wss://relay-rescue.sim.invalid/".to_owned(),
        ),
    }
}

/// `GET /plugin/connect/endpoints`, `/website/connect/endpoints` and `/user/connect/endpoints`.
pub(crate) fn connect_endpoints(ctx: &mut Ctx<'_>) -> Res {
    let (app, rescue) = socket_urls(ctx);
    Ok(json!({"socket": {"app": app}, "rescue": {"socket": {"app": rescue}}}))
}

/// `GET /website/{website_id}/connect/endpoints`.
pub(crate) fn website_connect_endpoints(ctx: &mut Ctx<'_>) -> Res {
    let (app, rescue) = socket_urls(ctx);
    Ok(
        json!({"socket": {"app": app, "stream": app}, "rescue": {"socket": {"app": rescue, "stream": rescue}}}),
    )
}

pub(super) fn render_sub(website_id: &str, plugin_id: &str, sub: &PluginSub) -> Value {
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

pub(super) fn sub_mut<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut PluginSub, ApiError> {
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
