//! Stateful Carrot Quest flows over raw HTTP, checked against the vendor wire format
//! (`docs/api/carrot-api.md`, `carrot-examples/`).

mod common;

use std::collections::BTreeSet;

use chatdesk_sim::{Seed, Sim};
use common::*;
use serde_json::{Value, json};

async fn sim_with(seed: Seed) -> Sim {
    Sim::builder().seed(seed).start().await.expect("sim starts")
}

#[tokio::test]
async fn conversation_lifecycle_start_reply_assign_tag_close_read() {
    let sim = sim_with(Seed::default()).await;
    let user = sim.carrot_user_ids()[0];
    let admin = sim.carrot_admin_ids()[1];

    // The user opens a conversation: data = {id}.
    let r = carrot_post(
        &sim,
        &format!("/users/{user}/startconversation"),
        &[("body", "Hi, my order is late"), ("random_id", "777")],
    )
    .await;
    let data = ok_data(&r);
    let conv = data["id"].as_u64().expect("numeric id");
    assert_eq!(data.as_object().map(|o| o.len()), Some(1), "{data}");

    // An admin replies (form-encoded), then a note (multipart).
    let reply_path = format!("/conversations/{conv}/reply");
    let admin_id = admin.to_string();
    let r = carrot_post(
        &sim,
        &reply_path,
        &[
            ("body", "Looking into it"),
            ("from_admin", &admin_id),
            ("random_id", "1001"),
        ],
    )
    .await;
    let part = ok_data(&r);
    assert_eq!(part["type"], "reply_admin");
    assert_eq!(part["conversation"], conv);
    assert_eq!(part["body"], "Looking into it");
    assert_eq!(part["from"]["id"], admin);
    assert_eq!(part["from"]["type"], "admin");
    let r = carrot_multipart(
        &sim,
        &reply_path,
        &[
            ("body", None, "internal: check warehouse".as_bytes()),
            ("from_admin", None, b"default_admin"),
            ("type", None, b"note"),
        ],
    )
    .await;
    assert_eq!(ok_data(&r)["type"], "note");

    // The user answers through from_user=default_user.
    let r = carrot_post(
        &sim,
        &reply_path,
        &[("body", "thanks!"), ("from_user", "default_user")],
    )
    .await;
    let p = ok_data(&r);
    assert_eq!(p["type"], "reply_user");
    assert_eq!(p["from"], user);

    // Listing shows every message, newest first.
    let r = carrot_get(&sim, &format!("/conversations/{conv}/parts")).await;
    let parts = ok_data(&r);
    let bodies: Vec<&str> = parts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            "thanks!",
            "internal: check warehouse",
            "Looking into it",
            "Hi, my order is late"
        ]
    );
    assert_eq!(r.json()["meta"]["next_before_position"], Value::Null);

    // Assign: {id, part_group}; the same assignee again gives {}.
    let assign_path = format!("/conversations/{conv}/assign");
    let assign = [
        ("admin", admin_id.as_str()),
        ("from_admin", "default_admin"),
    ];
    let d = ok_data(&carrot_post(&sim, &assign_path, &assign).await);
    assert!(d["id"].is_u64() && d["part_group"].is_u64(), "{d}");
    let r = carrot_post(&sim, &assign_path, &assign).await;
    assert_eq!(ok_data(&r), json!({}));
    // from_admin is required.
    let r = carrot_post(&sim, &assign_path, &[("admin", "")]).await;
    assert_eq!(r.carrot_refusal(), (400, "ValidationError".into()));

    // Tags: add, add again (error), delete via DELETE, delete again (error), deprecated action=delete.
    let tag_path = format!("/conversations/{conv}/tag");
    let r = carrot_post(
        &sim,
        &tag_path,
        &[("tag", "vip"), ("from_admin", "default_admin")],
    )
    .await;
    assert!(ok_data(&r)["part_group"].is_u64());
    let r = carrot_post(&sim, &tag_path, &[("tag", "vip")]).await;
    assert_eq!(
        r.carrot_refusal(),
        (400, "ConversationTagAlreadyAssigned".into())
    );
    let r = carrot_post(&sim, &tag_path, &[("tag", "late")]).await;
    ok_data(&r);
    let r = carrot_form(&sim, "DELETE", &tag_path, &[("tag", "vip")]).await;
    assert!(ok_data(&r)["id"].is_u64());
    let r = carrot_form(&sim, "DELETE", &tag_path, &[("tag", "vip")]).await;
    assert_eq!(
        r.carrot_refusal(),
        (400, "ConversationTagIsNotAssigned".into())
    );

    // Typing and close.
    let r = carrot_post(
        &sim,
        &format!("/conversations/{conv}/settyping"),
        &[("body", "typing…"), ("from_admin", "default_admin")],
    )
    .await;
    assert_eq!(ok_data(&r), json!({}));
    let r = carrot_post(
        &sim,
        &format!("/conversations/{conv}/close"),
        &[("from_admin", "default_admin")],
    )
    .await;
    assert!(ok_data(&r)["part_group"].is_u64());

    let r = carrot_get(&sim, &format!("/conversations/{conv}")).await;
    let c = ok_data(&r);
    assert_eq!(c["id"], conv);
    assert_eq!(c["closed"], true);
    assert_eq!(c["tags"], json!(["late"]));
    assert_eq!(c["assignee"]["id"], admin);
    assert_eq!(c["user"]["id"], user);
    assert_eq!(c["part_last"]["body"], "thanks!");
    assert_eq!(c["unread_parts_count"], 1);
    let r = carrot_post(&sim, &format!("/conversations/{conv}/markread"), &[]).await;
    ok_data(&r);
    let c = ok_data(&carrot_get(&sim, &format!("/conversations/{conv}")).await);
    assert_eq!(c["unread_parts_count"], 0);
    assert_eq!(c["read"], true);

    // Unknown conversation: 400 LookupError, not 404.
    let r = carrot_get(&sim, "/conversations/1").await;
    assert_eq!(r.carrot_refusal(), (400, "LookupError".into()));

    // Every write was counted once.
    let w = sim.write_counts();
    assert_eq!(w.get(&format!("carrot:reply:{conv}:1001")), Some(&1));
    assert_eq!(
        w.get(&format!("carrot:startconversation:{user}:777")),
        Some(&1)
    );
    assert_eq!(w.get(&format!("carrot:close:{conv}")), Some(&1));
}

#[tokio::test]
async fn props_all_seven_operations_and_the_250_limit() {
    let sim = sim_with(Seed::default()).await;
    let user = sim.carrot_user_ids()[0];
    let path = format!("/users/{user}/props");
    let ops = json!([
        {"op": "update_or_create", "key": "plan", "value": "pro"},
        {"op": "set_once", "key": "first_seen", "value": "2024-01-01"},
        {"op": "set_once", "key": "$email", "value": "other@example.com"},
        {"op": "add", "key": "visits", "value": 5},
        {"op": "add", "key": "visits", "value": -2},
        {"op": "append", "key": "pages", "value": "/a"},
        {"op": "union", "key": "pages", "value": ["/a", "/b"]},
        {"op": "exclude", "key": "pages", "value": "/a"},
        {"op": "delete", "key": "$name", "value": 0},
        {"op": "delete", "key": "nothing", "value": 0}
    ]);
    let r = carrot_post(&sim, &path, &[("operations", &ops.to_string())]).await;
    let v = r.json();
    assert_eq!(ok_data(&r), json!({}));
    assert_eq!(
        v["meta"]["affected_props"],
        json!(["plan", "first_seen", "visits", "pages", "$name"])
    );
    assert_eq!(
        v["meta"]["ignored_operations"],
        json!([
            {"op": "set_once", "key": "$email", "value": "other@example.com"},
            {"op": "delete", "key": "nothing", "value": 0}
        ])
    );
    let u = ok_data(&carrot_get(&sim, &format!("/users/{user}")).await);
    let props = &u["props"];
    assert_eq!(props["plan"], "pro");
    assert_eq!(props["first_seen"], "2024-01-01");
    assert_eq!(props["$email"], "user1@example.com");
    assert_eq!(props["visits"], 3);
    assert_eq!(props["pages"], json!(["/b"]));
    assert!(props.get("$name").is_none());

    // Same value again: ignored.
    let again = json!([{"op": "update_or_create", "key": "plan", "value": "pro"}]);
    let r = carrot_post(&sim, &path, &[("operations", &again.to_string())]).await;
    assert_eq!(r.json()["meta"]["affected_props"], json!([]));

    // 251 operations are refused and nothing is applied.
    let many: Vec<Value> = (0..251)
        .map(|i| json!({"op": "update_or_create", "key": format!("k{i}"), "value": i}))
        .collect();
    let r = carrot_post(
        &sim,
        &path,
        &[("operations", &Value::Array(many.clone()).to_string())],
    )
    .await;
    assert_eq!(r.carrot_refusal(), (400, "ValidationError".into()));
    assert!(r.json()["meta"]["error_fields"].get("operations").is_some());
    let u = ok_data(&carrot_get(&sim, &format!("/users/{user}")).await);
    assert!(u["props"].get("k0").is_none());
    // 250 pass.
    let r = carrot_post(
        &sim,
        &path,
        &[(
            "operations",
            &Value::Array(many[..250].to_vec()).to_string(),
        )],
    )
    .await;
    assert_eq!(
        r.json()["meta"]["affected_props"].as_array().map(Vec::len),
        Some(250)
    );

    // Unknown op, not JSON.
    let r = carrot_post(
        &sim,
        &path,
        &[("operations", r#"[{"op":"set","key":"a","value":1}]"#)],
    )
    .await;
    assert_eq!(r.carrot_error(), "ValidationError");
    let r = carrot_post(&sim, &path, &[("operations", "not json")]).await;
    assert_eq!(r.carrot_error(), "ValidationError");
}

#[tokio::test]
async fn users_by_external_id_events_presence_and_id_as_string() {
    let sim = sim_with(Seed::default()).await;

    // Unknown external id: GET is a LookupError (400), POST props/events create the user.
    let r = carrot_get(&sim, "/users/shop%2F42?by_user_id=true").await;
    assert_eq!(r.carrot_refusal(), (400, "LookupError".into()));
    let r = carrot_post(
        &sim,
        "/users/shop%2F42/events",
        &[
            ("event", "$order_paid"),
            ("params", r#"{"amount":120,"currency":"EUR"}"#),
            ("by_user_id", "true"),
        ],
    )
    .await;
    let ev = ok_data(&r);
    assert_eq!(ev["type"]["name"], "$order_paid");
    assert_eq!(ev["props"]["amount"], 120);
    let uid = ev["user"].as_u64().unwrap();
    assert_eq!(sim.carrot_external_user_id(uid).as_deref(), Some("shop/42"));
    carrot_post(
        &sim,
        "/users/shop%2F42/events?by_user_id=1",
        &[("event", "viewed")],
    )
    .await;
    carrot_post(
        &sim,
        "/users/shop%2F42/events?by_user_id=1",
        &[("event", "$order_paid"), ("params", "{}")],
    )
    .await;

    let r = carrot_get(&sim, "/users/shop%2F42?by_user_id=true&id_as_string=true").await;
    let u = ok_data(&r);
    assert_eq!(u["id"], uid.to_string());
    assert_eq!(u["user_id"], "shop/42");

    // Events newest first, filter_name, v1 short answer.
    let evs = ok_data(&carrot_get(&sim, &format!("/users/{uid}/events")).await);
    let names: Vec<&str> = evs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["$order_paid", "viewed", "$order_paid"]);
    let evs = ok_data(
        &carrot_get(
            &sim,
            &format!("/users/{uid}/events?filter_name=%24order_paid&props_as_string=true"),
        )
        .await,
    );
    assert_eq!(evs.as_array().map(Vec::len), Some(2));
    assert_eq!(evs[1]["props"]["amount"], "120");
    let r = carrot_post(
        &sim,
        &format!("/v1/users/{uid}/events"),
        &[("event", "v1style")],
    )
    .await;
    let d = ok_data(&r);
    assert!(
        d["id"].is_u64() && d.as_object().map(|o| o.len()) == Some(1),
        "{d}"
    );

    // Presence and activeusers.
    let presence_path = format!("/users/{uid}/setpresence");
    let online = [
        ("presence", "online"),
        ("current_page", "https://shop/cart"),
    ];
    assert_eq!(
        ok_data(&carrot_post(&sim, &presence_path, &online).await),
        json!({})
    );
    let r = carrot_post(&sim, &presence_path, &[("presence", "sleeping")]).await;
    assert_eq!(r.carrot_error(), "ValidationError");
    let r = carrot_post(
        &sim,
        "/users/shop%2F42/setpresence?by_user_id=true",
        &[("presence", "online")],
    )
    .await;
    assert_eq!(r.status, 400);
    let active =
        ok_data(&carrot_get(&sim, &format!("/apps/{}/activeusers", sim.carrot_app_id())).await);
    assert_eq!(ids(&active), [uid]);
    let u = ok_data(&carrot_get(&sim, &format!("/users/{uid}?presence_details=true")).await);
    assert_eq!(u["presence"], "online");
    assert_eq!(u["presence_details"]["current_page"], "https://shop/cart");

    // sendmessage then the user's conversation list shows it.
    let r = carrot_post(
        &sim,
        "/users/shop%2F42/sendmessage?by_user_id=true",
        &[("body", "Your order shipped")],
    )
    .await;
    let d = ok_data(&r);
    let conv = d["conversation"].as_u64().unwrap();
    assert!(d["message"].is_u64());
    let list = ok_data(&carrot_get(&sim, &format!("/users/{uid}/conversations")).await);
    assert_eq!(list[0]["id"], conv);
    assert_eq!(list[0]["part_last"]["body"], "Your order shipped");
    let r = carrot_post(
        &sim,
        "/users/nobody/sendmessage?by_user_id=true",
        &[("body", "x")],
    )
    .await;
    assert_eq!(r.carrot_refusal(), (400, "LookupError".into()));

    // id_as_string turns every primary key into a string.
    let c = ok_data(&carrot_get(&sim, &format!("/conversations/{conv}?id_as_string=true")).await);
    assert_eq!(c["id"], conv.to_string());
    assert!(
        c["part_last"]["id"].is_string() && c["part_last"]["from"]["id"].is_string(),
        "{c}"
    );
}

#[tokio::test]
async fn leads_offset_limit_walk_every_user_once() {
    let sim = sim_with(Seed {
        users: 47,
        ..Seed::empty()
    })
    .await;
    let app = sim.carrot_app_id();
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let d = ok_data(
            &carrot_get(&sim, &format!("/apps/{app}/users?offset={offset}&limit=20")).await,
        );
        assert_eq!(d["total"], 47);
        let users = ids(&d["users"]);
        if users.is_empty() {
            break;
        }
        seen.extend(users);
        offset += 20;
    }
    let unique: BTreeSet<u64> = seen.iter().copied().collect();
    assert_eq!((seen.len(), unique.len()), (47, 47));
    // Sorted by $last_seen desc by default.
    assert_eq!(seen[0], *sim.carrot_user_ids().last().unwrap());

    // Filters and $self_app; another app id is refused.
    let leads_where = |f: Value| {
        let q = serde_urlencoded::to_string([("filters", f.to_string())]).unwrap();
        format!("/apps/$self_app/users?{q}")
    };
    let f = json!({"type": "and", "filters": [{"type": "str_eq", "property_name": "$email", "value": {"value": "USER3@example.com"}}]});
    let d = ok_data(&carrot_get(&sim, &leads_where(f)).await);
    assert_eq!(d["total"], 1, "str_eq ignores case");
    assert_eq!(d["users"][0]["props"]["$email"], "user3@example.com");
    let f = json!({"type": "or", "filters": [
        {"type": "str_contains", "property_name": "$email", "value": {"value": "user4@"}},
        {"type": "range", "property_name": "$last_seen", "value": {"value1": 0, "value2": 1}},
        {"type": "unknown", "property_name": "$email", "value": {}},
    ]});
    let d = ok_data(&carrot_get(&sim, &leads_where(f)).await);
    assert_eq!(d["total"], 1, "or: only the str_contains condition holds");
    assert_eq!(d["users"][0]["props"]["$email"], "user4@example.com");
    // The live API's vocabulary only: the old bare-operand and made-up kinds are refused.
    for bad in [
        json!({"type": "eq", "property_name": "$email", "value": "user3@example.com"}),
        json!({"type": "str_eq", "property_name": "$email", "value": "user3@example.com"}),
        json!({"type": "gte", "property_name": "$last_seen", "value": {"value": 1}}),
        json!({"type": "lte", "property_name": "$last_seen", "value": {"value": 1}}),
        json!({"type": "contains", "property_name": "$email", "value": {"value": "user"}}),
        json!({"type": "not_contains", "property_name": "$email", "value": {"value": "x"}}),
        json!({"type": "have", "property_name": "$email", "value": {}}),
        json!({"type": "not_have", "property_name": "$email", "value": {}}),
        json!({"type": "gt", "property_name": "$last_seen", "value": {"value": "soon"}}),
        json!({"type": "range", "property_name": "$last_seen", "value": {"value1": 1}}),
        json!({"type": "daysmore", "property_name": "$last_seen", "value": {"value": 1, "unit": "years"}}),
        json!({"type": "str_contains", "property_name": "$email", "value": {"value": 5}}),
    ] {
        let f = json!({"type": "and", "filters": [bad]});
        let r = carrot_get(&sim, &leads_where(f.clone())).await;
        assert_eq!(r.carrot_refusal(), (400, "ValidationError".into()), "{f}");
    }
    let r = carrot_get(&sim, "/apps/999/users").await;
    assert_eq!(r.carrot_refusal(), (403, "PermissionDeniedError".into()));
    let r = carrot_get(&sim, &format!("/apps/{app}/users?limit=51")).await;
    assert_eq!(r.carrot_error(), "ValidationError");
}

async fn walk_v2(sim: &Sim, first: &str, direction: &str) -> Vec<u64> {
    let mut seen = Vec::new();
    let mut url = first.to_string();
    for _ in 0..1000 {
        let r = carrot_get(sim, &url).await;
        let v = r.json();
        seen.extend(ids(&ok_data(&r)));
        let next = &v["meta"][format!("next_{direction}_position")];
        if next.is_null() {
            return seen;
        }
        let q = serde_urlencoded::to_string([("paginate_position", next.to_string())]).unwrap();
        url = format!("{first}&{q}&paginate_direction={direction}");
    }
    panic!("pagination did not end");
}

#[tokio::test]
async fn app_conversations_v2_and_v1_cursors_walk_every_item_once() {
    let sim = sim_with(Seed::default().conversations(53, 2)).await;
    let app = sim.carrot_app_id();
    let all: BTreeSet<u64> = sim.carrot_conversation_ids().into_iter().collect();

    // v2, newest first.
    let seen = walk_v2(
        &sim,
        &format!("/apps/{app}/conversations?paginate_count=10"),
        "before",
    )
    .await;
    assert_eq!(seen.len(), 53);
    assert_eq!(seen.iter().copied().collect::<BTreeSet<_>>(), all);
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest (last seeded) first"
    );

    // v2 going forward from the oldest, ascending pages.
    let seen_up = walk_v2(
        &sim,
        &format!("/apps/{app}/conversations?paginate_count=7&paginate_page_order=asc&paginate_direction=after"),
        "after",
    )
    .await;
    let mut rev = seen.clone();
    rev.reverse();
    assert_eq!(seen_up, rev);

    // v1 after/count with float cursors.
    let mut v1 = Vec::new();
    let mut url = format!("/v1/apps/{app}/conversations?count=20");
    loop {
        let r = carrot_get(&sim, &url).await;
        let v = r.json();
        v1.extend(ids(&ok_data(&r)));
        match &v["meta"]["next_after"] {
            Value::Null => break,
            Value::Number(n) => {
                assert!(n.is_f64(), "v1 cursor is a float timestamp");
                url = format!("/v1/apps/{app}/conversations?count=20&after={n}");
            }
            other => panic!("bad cursor {other}"),
        }
    }
    assert_eq!(v1, seen);

    // A reply moves its conversation to the top.
    let oldest = *seen.last().unwrap();
    carrot_post(
        &sim,
        &format!("/conversations/{oldest}/reply"),
        &[("body", "bump"), ("from_admin", "default_admin")],
    )
    .await;
    let top =
        ok_data(&carrot_get(&sim, &format!("/apps/{app}/conversations?paginate_count=1")).await);
    assert_eq!(top[0]["id"], oldest);
    assert_eq!(top[0]["part_last"]["body"], "bump");

    // Filters: closed and tags.
    carrot_post(
        &sim,
        &format!("/conversations/{oldest}/close"),
        &[("from_admin", "default_admin")],
    )
    .await;
    carrot_post(
        &sim,
        &format!("/conversations/{oldest}/tag"),
        &[("tag", "refund")],
    )
    .await;
    let closed =
        ok_data(&carrot_get(&sim, &format!("/apps/{app}/conversations?closed=true")).await);
    assert_eq!(closed.as_array().map(Vec::len), Some(1));
    let tagged = ok_data(
        &carrot_get(
            &sim,
            &format!("/apps/{app}/conversations?tags=%5B%22refund%22%5D"),
        )
        .await,
    );
    assert_eq!(tagged[0]["id"], oldest);
    let r = carrot_get(&sim, &format!("/apps/{app}/conversations?paginate_count=0")).await;
    assert_eq!(r.carrot_error(), "ValidationError");
}

#[tokio::test]
async fn parts_pagination_by_id_both_versions() {
    let sim = sim_with(Seed::default().conversations(1, 45)).await;
    let conv = sim.carrot_conversation_ids()[0];
    let seen = {
        let mut seen = Vec::new();
        let first = format!("/conversations/{conv}/parts?paginate_count=20");
        let mut url = first.clone();
        loop {
            let r = carrot_get(&sim, &url).await;
            let v = r.json();
            seen.extend(ids(&ok_data(&r)));
            let next = &v["meta"]["next_before_position"];
            if next.is_null() {
                break;
            }
            assert_eq!(next.as_array().map(Vec::len), Some(1), "[part_id] cursor");
            url = format!("{first}&paginate_position={}", next);
        }
        seen
    };
    assert_eq!(seen.len(), 45);
    assert!(seen.windows(2).all(|w| w[0] > w[1]));
    let mut v1 = Vec::new();
    let mut url = format!("/v1/conversations/{conv}/parts?count=50");
    loop {
        let r = carrot_get(&sim, &url).await;
        let v = r.json();
        v1.extend(ids(&ok_data(&r)));
        match v["meta"]["next_after"].as_u64() {
            Some(n) => url = format!("/v1/conversations/{conv}/parts?count=7&after={n}"),
            None => break,
        }
    }
    assert_eq!(v1, seen);
}

#[tokio::test]
async fn import_csv_and_utils_email() {
    let sim = sim_with(Seed::default()).await;
    let csv = b"$user_id\t$email\tplan\nnew-1\tn1@example.com\tfree\nuser-1\t\tpro\nbroken\n";
    let r = carrot_multipart(
        &sim,
        "/users/import",
        &[
            ("app", None, b"$self_app"),
            ("file", Some("leads.csv"), csv),
            ("tags", None, br#"["imported"]"#),
        ],
    )
    .await;
    let d = ok_data(&r);
    assert_eq!(d["updates_planned"], 2);
    assert!(d["row_errors"]["3"].is_string(), "{d}");
    let u = ok_data(&carrot_get(&sim, "/users/new-1?by_user_id=true").await);
    assert_eq!(u["props"]["plan"], "free");
    let u = ok_data(&carrot_get(&sim, "/users/user-1?by_user_id=true").await);
    assert_eq!(u["props"]["plan"], "pro");

    let r = carrot_post(
        &sim,
        "/v1/utils/email",
        &[
            ("from_email", "shop@example.com"),
            ("to_emails", r#"["a@example.com"]"#),
            ("subject", "Hi"),
            ("html", "<b>hi</b>"),
        ],
    )
    .await;
    ok_data(&r);
    let mails = sim.carrot_sent_emails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0]["to_emails"], json!(["a@example.com"]));
    let r = carrot_post(
        &sim,
        "/v1/utils/email",
        &[("from_email", "shop@example.com")],
    )
    .await;
    assert_eq!(r.carrot_error(), "ValidationError");
}

#[tokio::test]
async fn cursor_options_around_including_and_string_ids() {
    let sim = sim_with(Seed::default().conversations(1, 30)).await;
    let conv = sim.carrot_conversation_ids()[0];
    let base = format!("/conversations/{conv}/parts");
    let all = ids(&ok_data(
        &carrot_get(&sim, &format!("{base}?paginate_count=50")).await,
    ));
    assert_eq!(all.len(), 30);
    let mid = all[15];
    // around: three older than the position, then it and two newer; newest first.
    let around = ok_data(
        &carrot_get(&sim, &format!("{base}?paginate_position=[{mid}]&paginate_direction=around&paginate_count=6&paginate_including=true")).await,
    );
    assert_eq!(ids(&around), all[13..19].to_vec());
    // including=true keeps the position itself.
    let incl = ok_data(
        &carrot_get(
            &sim,
            &format!("{base}?paginate_position=[{mid}]&paginate_including=true&paginate_count=2"),
        )
        .await,
    );
    assert_eq!(ids(&incl), vec![mid, all[16]]);
    let excl = ok_data(
        &carrot_get(
            &sim,
            &format!("{base}?paginate_position=[{mid}]&paginate_count=2"),
        )
        .await,
    );
    assert_eq!(ids(&excl), vec![all[16], all[17]]);
    // With id_as_string the cursor holds strings, and strings are accepted back.
    let r = carrot_get(&sim, &format!("{base}?paginate_count=10&id_as_string=true")).await;
    let next = r.json()["meta"]["next_before_position"].clone();
    assert!(next[0].is_string(), "{next}");
    let q = serde_urlencoded::to_string([("paginate_position", next.to_string())]).unwrap();
    let page = ok_data(
        &carrot_get(
            &sim,
            &format!("{base}?paginate_count=10&id_as_string=true&{q}"),
        )
        .await,
    );
    assert_eq!(page[0]["id"], all[10].to_string());
    // around without a position is refused.
    let r = carrot_get(&sim, &format!("{base}?paginate_direction=around")).await;
    assert_eq!(r.carrot_error(), "ValidationError");
}
