//! Inboxes, operators, website settings and verify keys.

use super::*;

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
        .unwrap_or_else(|| crate::crisp::ctx::default_doc("settings", site));
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
