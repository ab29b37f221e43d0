//! Campaigns and campaign templates.

use super::*;

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
    let mut item = crate::crisp::state::seed_campaign(&id, 0, now);
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

pub(super) fn campaign_mut<'c>(
    ctx: &'c mut Ctx<'_>,
) -> Result<&'c mut Map<String, Value>, ApiError> {
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
