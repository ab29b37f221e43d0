//! Visitors and blocked visitors.

use super::*;

pub(super) fn visitor_session(ctx: &Ctx<'_>, site: &Website, i: usize) -> String {
    if i < ctx.cfg.conversations_per_website && site.index < ctx.cfg.website_ids.len() {
        ctx.cfg.seeded_session_id(site.index, i)
    } else {
        format!(
            "session_{}",
            uuid("visitor", ((site.index as u64) << 32) | i as u64)
        )
    }
}

pub(super) fn render_visitor(session_id: &str, i: usize, domain: &str) -> Value {
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
