//! Credentials, tiers and the order of the request checks.

use super::*;

#[test]
fn missing_or_wrong_credentials_are_401_invalid_session() {
    let t = T::new();
    let path = format!("/website/{}", t.w());
    let kp = t.sim.config().keypair(CrispTier::Plugin).unwrap().clone();
    // A GET of `path` with these credentials and this announced tier.
    let get =
        |auth: Option<(&str, &str)>, tier: Option<&str>| ex("GET", &path, "", b"", auth, tier);
    let (id, key) = (kp.identifier.as_str(), kp.key.as_str());
    for exchange in [
        get(None, Some("plugin")),
        get(Some((id, "wrong")), Some("plugin")),
        get(Some(("nobody", key)), Some("plugin")),
        // The right keypair announced as another tier (and the default tier is `user`).
        get(Some((id, key)), Some("website")),
        get(Some((id, key)), None),
        get(Some((id, key)), Some("admin")),
    ] {
        let reply = t.sim.handle(&exchange);
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        let v: Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(v["reason"], "invalid_session");
        assert_eq!(v["error"], true);
    }
    let mut bad_scheme = get(None, Some("plugin"));
    bad_scheme
        .headers
        .insert("authorization", HeaderValue::from_static("Bearer abc"));
    assert_eq!(t.sim.handle(&bad_scheme).status, StatusCode::UNAUTHORIZED);
    let mut bad_b64 = get(None, Some("plugin"));
    bad_b64
        .headers
        .insert("authorization", HeaderValue::from_static("Basic %%%"));
    assert_eq!(t.sim.handle(&bad_b64).status, StatusCode::UNAUTHORIZED);
    // Every configured tier authenticates with its own header.
    for tier in [CrispTier::User, CrispTier::Website, CrispTier::Plugin] {
        assert_eq!(
            t.as_tier(tier, "GET", &path, "", "").0,
            StatusCode::OK,
            "{tier:?}"
        );
    }
}

#[test]
fn routes_outside_a_tier_are_403_restricted_route_tier() {
    let t = T::new();
    let w = t.w();
    let user_only = [
        (
            "POST",
            "/website".to_owned(),
            r#"{"name":"A","domain":"a.example.com"}"#,
        ),
        (
            "DELETE",
            format!("/website/{w}"),
            r#"{"verify":{"method":"password","secret":"x"}}"#,
        ),
        ("DELETE", format!("/website/{w}/expunge"), ""),
        ("GET", "/plans/subscription".to_owned(), ""),
        ("GET", format!("/plans/subscription/{w}"), ""),
        ("GET", "/user/account".to_owned(), ""),
        ("GET", "/user/availability".to_owned(), ""),
    ];
    for (m, p, b) in &user_only {
        for tier in [CrispTier::Plugin, CrispTier::Website] {
            let (status, v) = t.as_tier(tier, m, p, "", b);
            assert_eq!(status, StatusCode::FORBIDDEN, "{m} {p} as {tier:?}: {v}");
            assert_eq!(v["reason"], "restricted_route_tier");
        }
        assert!(
            t.as_tier(CrispTier::User, m, p, "", b).0.is_success(),
            "{m} {p} as user"
        );
    }
    for tier in [CrispTier::User, CrispTier::Website] {
        let (status, v) = t.as_tier(tier, "GET", "/plugin/connect/account", "", "");
        assert_eq!(
            (status, v["reason"].as_str()),
            (StatusCode::FORBIDDEN, Some("restricted_route_tier"))
        );
    }
    assert_eq!(
        t.ok("GET", "/plugin/connect/account", "", "")["plugin_id"],
        json!(t.sim.config().plugin_id)
    );
}

#[test]
fn plugin_tokens_need_the_plugin_installed_404_not_subscribed() {
    let t = T::new();
    // Unknown website.
    let (status, reason) = t.err("GET", "/website/nope/conversations/1", "", "");
    assert_eq!(
        (status, reason.as_str()),
        (StatusCode::NOT_FOUND, "not_subscribed")
    );
    // The user tier sees an unknown website as not found.
    let (status, v) = t.as_tier(CrispTier::User, "GET", "/website/nope", "", "");
    assert_eq!(
        (status, v["reason"].as_str()),
        (StatusCode::NOT_FOUND, Some("website_not_found"))
    );
    // A website created by the user has no plugin until subscribed.
    let created = t
        .as_tier(
            CrispTier::User,
            "POST",
            "/website",
            "",
            r#"{"name":"New","domain":"new.example.com"}"#,
        )
        .1;
    let id = created["data"]["website_id"].as_str().unwrap().to_owned();
    assert_eq!(
        t.as_tier(CrispTier::User, "GET", &format!("/website/{id}"), "", "")
            .0,
        StatusCode::OK
    );
    let (status, reason) = t.err("GET", &format!("/website/{id}"), "", "");
    assert_eq!(
        (status, reason.as_str()),
        (StatusCode::NOT_FOUND, "not_subscribed")
    );
    let pid = t.sim.config().plugin_id.clone();
    let body = json!({ "plugin_id": pid }).to_string();
    assert_eq!(
        t.as_tier(
            CrispTier::User,
            "POST",
            &format!("/plugins/subscription/{id}"),
            "",
            &body
        )
        .0,
        StatusCode::OK
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{id}"), "", "")["domain"],
        "new.example.com"
    );
    // And loses access when unsubscribed.
    let w = t.w();
    assert_eq!(
        t.as_tier(
            CrispTier::User,
            "DELETE",
            &format!("/plugins/subscription/{w}/{pid}"),
            "",
            ""
        )
        .0,
        StatusCode::OK
    );
    assert_eq!(
        t.err("GET", &format!("/website/{w}"), "", "").1,
        "not_subscribed"
    );
}
