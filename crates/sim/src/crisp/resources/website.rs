//! Websites (create, read, delete, analytics, availability) and the bucket and media routes.

use super::*;

/// `POST /bucket/url/generate` (the URL itself is pushed as an RTM/web hook event on Crisp).
pub(crate) fn bucket_url(_ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({}))
}

/// `GET /media/animation/list/{page_number}` (results are pushed as an RTM event on Crisp).
pub(crate) fn animation_list(ctx: &mut Ctx<'_>) -> Res {
    ctx.page()?;
    Ok(json!({}))
}

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
