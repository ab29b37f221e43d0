//! Requests as other vendors' clients send them (found by running those clients against the
//! simulator): the PHP wrapper `veksa/carrot-api` sends `after=0` on every first page, and the
//! official Crisp Python client puts a slash before the query of every search.

mod common;

use base64::Engine as _;
use chatdesk_sim::Sim;
use common::*;

/// Every Carrot list that takes a v1 `after` cursor, under the v1 prefix and the current API.
fn carrot_lists(sim: &Sim) -> Vec<String> {
    let (user, conv) = (sim.carrot_user_ids()[0], sim.carrot_conversation_ids()[0]);
    let lists = [
        format!("/apps/{}/conversations", sim.carrot_app_id()),
        format!("/users/{user}/conversations"),
        format!("/conversations/{conv}/parts"),
        format!("/users/{user}/events"),
    ];
    ["/v1", ""]
        .iter()
        .flat_map(|prefix| lists.iter().map(move |l| format!("{prefix}{l}")))
        .collect()
}

#[tokio::test]
async fn carrot_after_zero_or_empty_is_the_first_page() {
    let sim = Sim::builder().start().await.unwrap();
    for list in carrot_lists(&sim) {
        let first = carrot_get(&sim, &format!("{list}?count=2")).await;
        assert_eq!(first.status, 200, "{list}");
        let data = first.json()["data"].clone();
        assert!(
            data.as_array().is_some_and(|a| !a.is_empty()),
            "{list}: {data}"
        );
        for after in ["after=0", "after=", "after=0&count=2&x=1"] {
            let r = carrot_get(&sim, &format!("{list}?count=2&{after}")).await;
            assert_eq!(r.status, 200, "{list}?{after}");
            assert_eq!(r.json(), first.json(), "{list}?{after}");
        }
    }
}

#[tokio::test]
async fn carrot_a_trailing_slash_routes_like_none() {
    // Carrot's router already ignored one trailing slash; this keeps it that way.
    let sim = Sim::builder().start().await.unwrap();
    let conv = sim.carrot_conversation_ids()[0];
    for path in [
        format!("/conversations/{conv}"),
        format!("/conversations/{conv}/parts?count=2"),
        format!("/v1/apps/{}/conversations?count=2", sim.carrot_app_id()),
    ] {
        let slashed = match path.split_once('?') {
            Some((p, q)) => format!("{p}/?{q}"),
            None => format!("{path}/"),
        };
        let (a, b) = (
            carrot_get(&sim, &path).await,
            carrot_get(&sim, &slashed).await,
        );
        assert_eq!(a.status, 200, "{path}");
        assert_eq!((b.status, b.json()), (200, a.json()), "{slashed}");
    }
}

async fn crisp_get(sim: &Sim, path: &str) -> Resp {
    let c = sim.crisp_credentials();
    let basic =
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", c.identifier, c.key));
    request(
        sim.addr(),
        "GET",
        path,
        &[
            ("Authorization", &format!("Basic {basic}")),
            ("X-Crisp-Tier", c.tier.as_str()),
        ],
        b"",
    )
    .await
    .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

#[tokio::test]
async fn crisp_a_trailing_slash_before_the_query_routes_like_none() {
    let sim = Sim::builder().start().await.unwrap();
    let (w, s) = (sim.crisp_website_id(), sim.crisp_config().session_id());
    let person = sim.crisp_config().seeded_people_id(0, 0);
    // (path without the slash, query): the search as the Python client sends it, a list, and
    // routes whose last segment is an id.
    let cases = [
        (
            format!("/v1/website/{w}/conversations/1"),
            "search_query=seeded&search_type=text",
        ),
        (format!("/v1/website/{w}/conversations/1"), ""),
        (format!("/v1/website/{w}"), ""),
        (format!("/v1/website/{w}/conversation/{s}"), ""),
        (format!("/v1/website/{w}/conversation/{s}/messages"), ""),
        (format!("/v1/website/{w}/people/profile/{person}"), ""),
    ];
    for (path, query) in cases {
        let q = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        let plain = crisp_get(&sim, &format!("{path}{q}")).await;
        // The seeded conversation holds more than one batch, so its newest batch says 206.
        let expected = if path.ends_with("/messages") {
            206
        } else {
            200
        };
        assert_eq!(
            plain.status,
            expected,
            "{path}{q}: {}",
            String::from_utf8_lossy(&plain.body)
        );
        let slashed = crisp_get(&sim, &format!("{path}/{q}")).await;
        assert_eq!(
            (slashed.status, slashed.json()),
            (expected, plain.json()),
            "{path}/{q}"
        );
    }
    // The route class (rate limits, fault scripts) is the same too.
    let log = sim.requests();
    for pair in log.chunks(2) {
        assert_eq!(pair[0].route_class, pair[1].route_class, "{}", pair[1].path);
        assert_ne!(pair[0].route_class, "unknown", "{}", pair[0].path);
    }
}
