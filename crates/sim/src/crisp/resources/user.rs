//! The legacy user-tier routes (`/user/…`).

use super::*;

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
    let kp = ctx
        .cfg
        .keypair(crate::crisp::CrispTier::User)
        .ok_or_else(|| {
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
