//! Plans: the catalogue and a website's subscription, billing period and coupons.

use super::*;

pub(super) fn render_plan(site: &Website, plan: &Plan, cfg: &crate::crisp::CrispConfig) -> Value {
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

pub(super) fn plan_missing() -> ApiError {
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
