//! Every typed leads-filter constructor of the model, sent through the client's leads call to
//! `chatdesk-sim`, selects exactly the users it should. The simulator evaluates the vendor's
//! documented condition kinds on its own (it does not use the model's types), so a constructor
//! sending a wrong kind or operand shape gets a `ValidationError` or the wrong users here.

use chatdesk_carrot_api::model::{ErrorName, LeadsCondition, LeadsFilter, TimeUnit};
use chatdesk_carrot_api::{CarrotClient, UserRef};
use chatdesk_sim::{Seed, Sim};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{SystemTime, UNIX_EPOCH};

/// The simulator with its one seeded user (who has none of the properties below), and our three
/// users: the name each test expectation uses, mapped to the Carrot id.
struct World {
    sim: Sim,
    client: CarrotClient,
    names: BTreeMap<u64, &'static str>,
}

async fn world() -> World {
    let sim = Sim::builder()
        .seed(Seed {
            users: 1,
            ..Seed::default()
        })
        .start()
        .await
        .unwrap();
    let client = CarrotClient::builder()
        .token(sim.carrot_token())
        .base_url(sim.carrot_base_url_v1())
        .quota(None)
        .build()
        .unwrap();
    let mut names = BTreeMap::new();
    for id in sim.carrot_user_ids() {
        names.insert(id, "seed");
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // ann: few orders, "Pro Annual", vip, last order 10 days ago, likes math and music.
    // bob: many orders, "basic", not vip, last order an hour ago, likes art.
    // cy: 5 orders, "pro", nothing else.
    let people = [
        (
            "ann",
            json!({"orders": 3, "plan": "Pro Annual", "vip": true, "last_order": now - 10 * 86_400}),
            Some(json!(["math", "music"])),
        ),
        (
            "bob",
            json!({"orders": 7, "plan": "basic", "vip": false, "last_order": now - 3_600}),
            Some(json!(["art"])),
        ),
        ("cy", json!({"orders": 5, "plan": "pro"}), None),
    ];
    for (name, props, interests) in people {
        let user = client.user(UserRef::external(format!("filters-{name}")));
        let mut ops = user.props();
        for (k, v) in props.as_object().unwrap() {
            ops = ops.update_or_create(k.clone(), v.clone());
        }
        if let Some(list) = interests {
            ops = ops.union("interests", list);
        }
        ops.await.unwrap();
        let id = user.get().await.unwrap().id.0;
        names.insert(id, name);
    }
    assert_eq!(names.len(), 4, "one seeded user and our three");
    World { sim, client, names }
}

impl World {
    /// The names of the users the leads call returns for `filter`.
    async fn select(&self, filter: LeadsFilter) -> BTreeSet<&'static str> {
        let page = self
            .client
            .this_app()
            .leads()
            .filter(filter.clone())
            .per_page(50)
            .await
            .unwrap_or_else(|e| panic!("{filter:?}: {e}"));
        let got: BTreeSet<&str> = page
            .items
            .iter()
            .map(|u| self.names.get(&u.id.0).copied().unwrap_or("stranger"))
            .collect();
        assert_eq!(got.len(), page.items.len(), "no user twice");
        got
    }
}

fn set(names: &[&'static str]) -> BTreeSet<&'static str> {
    names.iter().copied().collect()
}

#[tokio::test]
async fn every_typed_condition_selects_exactly_the_expected_users() {
    let w = world().await;
    let cases: Vec<(LeadsCondition, &[&str])> = vec![
        (LeadsCondition::known("orders"), &["ann", "bob", "cy"]),
        (LeadsCondition::unknown("vip"), &["cy", "seed"]),
        (LeadsCondition::eq("orders", 5), &["cy"]),
        (LeadsCondition::neq("orders", 5), &["ann", "bob"]),
        (LeadsCondition::gt("orders", 4), &["bob", "cy"]),
        (LeadsCondition::gt("orders", 5), &["bob"]),
        (LeadsCondition::range("orders", 5, 7), &["bob", "cy"]),
        (
            LeadsCondition::gt_or_unknown("orders", 4),
            &["bob", "cy", "seed"],
        ),
        (LeadsCondition::lt("orders", 5), &["ann"]),
        (LeadsCondition::lt_or_unknown("orders", 5), &["ann", "seed"]),
        (LeadsCondition::range("orders", 3, 5), &["ann", "cy"]),
        (LeadsCondition::range("orders", 4, 4), &[]),
        (LeadsCondition::str_eq("plan", "PRO"), &["cy"]),
        (LeadsCondition::str_neq("plan", "pro"), &["ann", "bob"]),
        (LeadsCondition::str_contains("plan", "pRo"), &["ann", "cy"]),
        (LeadsCondition::str_not_contains("plan", "pro"), &["bob"]),
        (LeadsCondition::is_true("vip"), &["ann"]),
        (LeadsCondition::is_false("vip"), &["bob"]),
        (
            LeadsCondition::days_more("last_order", 2, TimeUnit::Days),
            &["ann"],
        ),
        (
            LeadsCondition::days_more_or_unknown("last_order", 2, TimeUnit::Days),
            &["ann", "cy", "seed"],
        ),
        (
            LeadsCondition::days_less("last_order", 2, TimeUnit::Days),
            &["bob"],
        ),
        (
            LeadsCondition::days_less("last_order", 1, TimeUnit::Weeks),
            &["bob"],
        ),
        (
            LeadsCondition::days_more("last_order", 30, TimeUnit::Minutes),
            &["ann", "bob"],
        ),
        (
            LeadsCondition::days_less_or_unknown("last_order", 3, TimeUnit::Hours),
            &["bob", "cy", "seed"],
        ),
        (
            LeadsCondition::list_contains("interests", "music"),
            &["ann"],
        ),
        (LeadsCondition::list_contains("interests", "mus"), &[]),
    ];
    for (condition, want) in cases {
        let got = w.select(LeadsFilter::all(vec![condition.clone()])).await;
        assert_eq!(got, set(want), "{condition:?}");
    }
}

#[tokio::test]
async fn conditions_combine_with_and_and_or() {
    let w = world().await;
    let gt4 = LeadsCondition::gt("orders", 4);
    let pro = LeadsCondition::str_contains("plan", "pro");
    assert_eq!(
        w.select(LeadsFilter::all(vec![gt4.clone(), pro.clone()]))
            .await,
        set(&["cy"])
    );
    assert_eq!(
        w.select(LeadsFilter::any(vec![gt4, pro])).await,
        set(&["ann", "bob", "cy"])
    );
    assert_eq!(
        w.select(LeadsFilter::all(vec![])).await,
        set(&["ann", "bob", "cy", "seed"]),
        "no condition keeps everyone"
    );
    assert_eq!(w.sim.carrot_user_ids().len(), 4);
}

#[tokio::test]
async fn a_kind_the_api_does_not_know_is_refused() {
    let w = world().await;
    for condition in [
        LeadsCondition::new("gte", "orders", json!({"value": 5})),
        LeadsCondition::new("eq", "orders", 5),
    ] {
        let err = w
            .client
            .this_app()
            .leads()
            .filter(LeadsFilter::all(vec![condition.clone()]))
            .await
            .unwrap_err();
        assert_eq!(
            chatdesk_carrot_api::error_name(&err),
            Some(ErrorName::ValidationError),
            "{condition:?}: {err}"
        );
    }
}
