//! Websites, plans, plugins, campaigns, the Helpdesk, operators and visitors.

use super::*;

#[test]
fn generic_collections_create_get_list_update_delete() {
    let t = T::new();
    let w = t.w();
    let id = t.ok(
        "POST",
        &format!("/website/{w}/inbox"),
        "",
        r#"{"name":"Sales","emoji":"💰","order":5}"#,
    )["inbox_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        t.call("HEAD", &format!("/website/{w}/inbox/{id}"), "", "")
            .0,
        StatusCode::OK
    );
    let inbox = t.ok("GET", &format!("/website/{w}/inbox/{id}"), "", "");
    assert_eq!(
        (inbox["name"].as_str(), inbox["inbox_id"].as_str()),
        (Some("Sales"), Some(id.as_str()))
    );
    t.ok(
        "PUT",
        &format!("/website/{w}/inbox/{id}"),
        "",
        r#"{"name":"Sales EU"}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/inbox/{id}"), "", "")["name"],
        "Sales EU"
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/inbox/{id}"), "", "")["inbox_id"],
        json!(id)
    );
    let all = t.ok("GET", &format!("/website/{w}/inboxes/list/1"), "", "");
    assert_eq!(all.as_array().unwrap().len(), 3);
    t.ok("DELETE", &format!("/website/{w}/inbox/{id}"), "", "");
    assert_eq!(
        t.err("GET", &format!("/website/{w}/inbox/{id}"), "", "").0,
        StatusCode::NOT_FOUND
    );

    // Campaigns: 25 seeded, two pages then an empty one; dispatch changes the state.
    let pages: Vec<usize> = (1..=3)
        .map(|p| {
            t.ok("GET", &format!("/website/{w}/campaigns/list/{p}"), "", "")
                .as_array()
                .unwrap()
                .len()
        })
        .collect();
    assert_eq!(pages, [20, 5, 0]);
    let cid = t.ok(
        "POST",
        &format!("/website/{w}/campaign"),
        "",
        r#"{"type":"one-shot","name":"Launch"}"#,
    )["campaign_id"]
        .as_str()
        .unwrap()
        .to_owned();
    t.ok(
        "POST",
        &format!("/website/{w}/campaign/{cid}/dispatch"),
        "",
        "{}",
    );
    let c = t.ok("GET", &format!("/website/{w}/campaign/{cid}"), "", "");
    assert_eq!(
        (c["name"].as_str(), c["dispatched"].as_bool()),
        (Some("Launch"), Some(true))
    );

    // Operators: invite then list.
    t.ok(
        "POST",
        &format!("/website/{w}/operator"),
        "",
        r#"{"email":"new@op.example.com","role":"member","verify":true}"#,
    );
    let ops = t.ok("GET", &format!("/website/{w}/operators/list"), "", "");
    assert!(
        ops.as_array()
            .unwrap()
            .iter()
            .any(|o| o["details"]["email"] == "new@op.example.com")
    );
    assert_eq!(ops[0]["type"], "website");

    // Settings deep-merge.
    t.ok(
        "PATCH",
        &format!("/website/{w}/settings"),
        "",
        r#"{"chatbox":{"color_theme":"red"},"name":"Renamed"}"#,
    );
    let settings = t.ok("GET", &format!("/website/{w}/settings"), "", "");
    assert_eq!(
        (
            settings["chatbox"]["color_theme"].as_str(),
            settings["chatbox"]["locale"].as_str()
        ),
        (Some("red"), Some(""))
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}"), "", "")["name"],
        "Renamed"
    );

    // Visitors: counted and paged.
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/visitors/count"), "", "")["count"],
        25
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/visitors/list/2"), "", "")
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/visitors/blocked/ip_domain"),
            "",
            ""
        ),
        2
    );
    t.ok(
        "DELETE",
        &format!("/website/{w}/visitors/blocked/ip_domain"),
        "",
        "",
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/visitors/blocked"), "", ""),
        json!({"rule": ["email_domain"], "blocked": 1})
    );
}

#[test]
fn helpdesk_tree_paths_span_segments_and_move() {
    let t = T::new();
    let w = t.w();
    let base = format!("/website/{w}/helpdesk/tree");
    assert_eq!(
        t.ok(
            "GET",
            &format!("{base}/page/en/articles/guides/getting%20started"),
            "",
            ""
        )["title"],
        "Getting started (guide)"
    );
    t.ok(
        "POST",
        &format!("{base}/path/en/articles/guides/faq/billing"),
        "",
        "{}",
    );
    t.ok(
        "PUT",
        &format!("{base}/content/en/articles/guides/faq/billing"),
        "",
        r#"{"content":"Pay us"}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("{base}/content/en/articles/guides/faq/billing"),
            "",
            ""
        )["content"],
        "Pay us"
    );
    t.ok(
        "PATCH",
        &format!("{base}/path/en/articles/guides/faq/billing"),
        "",
        r#"{"action":"move","path":{"to":"billing"}}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("{base}/content/en/articles/billing"),
            "",
            ""
        )["content"],
        "Pay us"
    );
    assert_eq!(
        t.err(
            "GET",
            &format!("{base}/content/en/articles/guides/faq/billing"),
            "",
            ""
        )
        .0,
        StatusCode::NOT_FOUND
    );
    let top = t.ok("GET", &format!("{base}/list/en/articles/1"), "", "");
    let slugs: BTreeSet<&str> = top
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        BTreeSet::from(["billing", "getting-started", "guides"])
    );
    assert_eq!(
        t.err("GET", &format!("{base}/list/en/manuals/1"), "", "").1,
        "invalid_data"
    );
    assert_eq!(
        t.err("GET", &format!("{base}/list/de/articles/1"), "", "")
            .1,
        "locale_not_found"
    );
    let history = t.ok(
        "GET",
        &format!("/website/{w}/helpdesk/history/changes/1"),
        "",
        "",
    );
    assert_eq!(history[0]["message"], "Move entry");
}
