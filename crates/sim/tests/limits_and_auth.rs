//! Rate limits (per token and route class, burst, daily quota, 429/420, Retry-After) and Carrot
//! authentication in all its documented forms.

mod common;

use chatdesk_sim::{RateLimit, RateScope, Sim, Vendor};
use common::*;

#[tokio::test]
async fn burst_then_429_with_retry_after_per_token_and_class() {
    let sim = Sim::builder()
        .rate_limit(RateLimit::new(1.0, 2).vendor(Vendor::Carrot))
        .start()
        .await
        .unwrap();
    let app = sim.carrot_app_id();
    let path = format!("/apps/{app}/channels");
    assert_eq!(carrot_get(&sim, &path).await.status, 200);
    assert_eq!(carrot_get(&sim, &path).await.status, 200);
    let r = carrot_get(&sim, &path).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.json()["meta"]["status"], 429);
    assert!(r.json()["meta"]["error"].is_string());
    assert!(sim.requests().last().unwrap().rate_limited);
    // Another route class has its own bucket.
    assert_eq!(
        carrot_get(&sim, &format!("/apps/{app}/users")).await.status,
        200
    );
    // The same token sent as `auth_token` shares the bucket; `Bearer` too.
    let q = format!("{path}?auth_token={}", sim.carrot_token());
    assert_eq!(
        request(sim.addr(), "GET", &q, &[], b"")
            .await
            .unwrap()
            .status,
        429
    );
    let bearer = format!("Bearer {}", sim.carrot_token());
    let r = request(sim.addr(), "GET", &path, &[("Authorization", &bearer)], b"")
        .await
        .unwrap();
    assert_eq!(r.status, 429);
    // Another token is another bucket (refused by auth, not by the limiter).
    let r = request(
        sim.addr(),
        "GET",
        &path,
        &[("Authorization", "Token other")],
        b"",
    )
    .await
    .unwrap();
    assert_eq!(r.status, 401);
    // Refill: one token per second.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(carrot_get(&sim, &path).await.status, 200);
}

#[tokio::test]
async fn crisp_420_without_retry_after_and_daily_quota() {
    let sim = Sim::builder()
        .rate_limit(
            RateLimit::new(1.0, 1)
                .vendor(Vendor::Crisp)
                .crisp_status(420)
                .retry_after(false)
                .scope(RateScope::PerToken),
        )
        .rate_limit(
            RateLimit::daily(3)
                .vendor(Vendor::Carrot)
                .route_class("conversations"),
        )
        .start()
        .await
        .unwrap();
    let creds = sim.crisp_credentials();
    let auth = format!(
        "Basic {}",
        base64_encode(&format!("{}:{}", creds.identifier, creds.key))
    );
    let hdrs = [("Authorization", auth.as_str()), ("X-Crisp-Tier", "plugin")];
    let p = format!("/v1/website/{}", creds.website_id);
    let first = request(sim.addr(), "GET", &p, &hdrs, b"").await.unwrap();
    assert_ne!(first.status, 420);
    let r = request(
        sim.addr(),
        "GET",
        &format!("{p}/conversations/1"),
        &hdrs,
        b"",
    )
    .await
    .unwrap();
    assert_eq!(r.status, 420, "per-token scope covers every Crisp route");
    assert_eq!(r.header("retry-after"), None);
    assert_eq!(r.json()["error"], true);
    assert_eq!(r.json()["reason"], "rate_limited");

    // Daily quota on Carrot conversation routes only.
    let conv = sim.carrot_conversation_ids()[0];
    for _ in 0..3 {
        assert_eq!(
            carrot_get(&sim, &format!("/conversations/{conv}"))
                .await
                .status,
            200
        );
    }
    let r = carrot_get(&sim, &format!("/conversations/{conv}")).await;
    assert_eq!(r.status, 429);
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!(wait > 80_000, "until the day window ends: {wait}");
    // Per route class: the parts listing has its own quota.
    assert_eq!(
        carrot_get(&sim, &format!("/conversations/{conv}/parts"))
            .await
            .status,
        200
    );
    assert_eq!(
        carrot_get(&sim, &format!("/apps/{}/channels", sim.carrot_app_id()))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn rate_limit_strings_parse_like_the_cli() {
    let r: RateLimit = "rps=2.5,burst=4,daily=100,vendor=carrot,class=users,retry_after=false"
        .parse()
        .unwrap();
    assert_eq!(r.burst, 4);
    assert_eq!(r.daily_quota, Some(100));
    assert_eq!(r.vendor, Some(Vendor::Carrot));
    assert!("rps=-1".parse::<RateLimit>().is_err());
    assert!("burst=3".parse::<RateLimit>().is_err());
    assert!("rps=1,status=503".parse::<RateLimit>().is_err());
}

fn base64_encode(s: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(s)
}

#[tokio::test]
async fn carrot_auth_forms() {
    let sim = Sim::builder()
        .carrot_token("app.77.secret")
        .carrot_app_id(77)
        .start()
        .await
        .unwrap();
    let user = sim.carrot_user_ids()[0];
    let path = format!("/users/{user}");
    let get = |hdrs: Vec<(&'static str, String)>, path: String| {
        let addr = sim.addr();
        async move {
            let h: Vec<(&str, &str)> = hdrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            request(addr, "GET", &path, &h, b"").await.unwrap()
        }
    };
    // Missing, wrong, wrong scheme.
    for hdrs in [
        vec![],
        vec![("Authorization", "Token nope".to_string())],
        vec![("Authorization", "Basic YXBwLjc3LnNlY3JldDo=".to_string())],
    ] {
        let r = get(hdrs, path.clone()).await;
        assert_eq!(r.status, 401);
        assert_eq!(r.carrot_error(), "NotAuthenticated");
        assert_eq!(r.json()["meta"]["status"], 401);
    }
    // Token, Bearer, auth_token in the query and in the body.
    assert_eq!(
        get(
            vec![("Authorization", "Token app.77.secret".into())],
            path.clone()
        )
        .await
        .status,
        200
    );
    assert_eq!(
        get(
            vec![("Authorization", "Bearer app.77.secret".into())],
            path.clone()
        )
        .await
        .status,
        200
    );
    assert_eq!(
        get(vec![], format!("{path}?auth_token=app.77.secret"))
            .await
            .status,
        200
    );
    let r = request(
        sim.addr(),
        "POST",
        &format!("/users/{user}/setpresence"),
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"auth_token=app.77.secret&presence=idle",
    )
    .await
    .unwrap();
    assert_eq!(r.status, 200);
    // The app id follows the builder.
    assert_eq!(
        get(vec![], "/apps/77/channels?auth_token=app.77.secret".into())
            .await
            .status,
        200
    );
    assert_eq!(
        get(vec![], "/apps/3/channels?auth_token=app.77.secret".into())
            .await
            .status,
        403
    );
}

#[tokio::test]
async fn crisp_requests_without_credentials_get_a_crisp_envelope() {
    let sim = Sim::builder().start().await.unwrap();
    let path = format!("/v1/website/{}/conversations/1", sim.crisp_website_id());
    let r = bare_get(sim.addr(), &path).await;
    assert!((400..500).contains(&r.status), "{}", r.status);
    let v = r.json();
    assert_eq!(v["error"], true, "{v}");
    assert!(v["reason"].is_string());
}

#[tokio::test]
async fn rate_limits_can_be_set_and_lifted_at_run_time() {
    let sim = Sim::builder().start().await.unwrap();
    let path = format!("/apps/{}/channels", sim.carrot_app_id());
    assert_eq!(carrot_get(&sim, &path).await.status, 200);
    sim.set_rate_limits(vec![RateLimit::daily(1)]);
    assert_eq!(sim.rate_limits().len(), 1);
    assert_eq!(carrot_get(&sim, &path).await.status, 200);
    assert_eq!(carrot_get(&sim, &path).await.status, 429);
    sim.set_rate_limits(Vec::new());
    assert_eq!(carrot_get(&sim, &path).await.status, 200);
    let limited = sim.requests().iter().filter(|r| r.rate_limited).count();
    assert_eq!(limited, 1);
}
