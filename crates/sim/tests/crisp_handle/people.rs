//! People profiles, their data, events and segments.

use super::*;

#[test]
fn people_create_update_data_and_list() {
    let t = T::new();
    let w = t.w();
    let created = t.ok(
        "POST",
        &format!("/website/{w}/people/profile"),
        "",
        r#"{"email":"Ada@Example.com","person":{"nickname":"Ada L"},"segments":["vip"]}"#,
    );
    let id = created["people_id"].as_str().unwrap().to_owned();
    let (status, reason) = t.err(
        "POST",
        &format!("/website/{w}/people/profile"),
        "",
        r#"{"email":"ada@example.com"}"#,
    );
    assert_eq!(
        (status, reason.as_str()),
        (StatusCode::CONFLICT, "people_exists")
    );
    assert_eq!(
        t.err(
            "POST",
            &format!("/website/{w}/people/profile"),
            "",
            r#"{"person":{}}"#
        )
        .1,
        "invalid_data"
    );
    let by_email = t.ok(
        "GET",
        &format!("/website/{w}/people/profile/ada%40example.com"),
        "",
        "",
    );
    assert_eq!(by_email["people_id"], json!(id));
    assert_eq!(by_email["person"]["nickname"], "Ada L");
    t.ok(
        "PATCH",
        &format!("/website/{w}/people/profile/{id}"),
        "",
        r#"{"person":{"phone":"+331"},"notepad":"hi"}"#,
    );
    let p = t.ok("GET", &format!("/website/{w}/people/profile/{id}"), "", "");
    assert_eq!(
        (
            p["person"]["nickname"].as_str(),
            p["person"]["phone"].as_str(),
            p["notepad"].as_str()
        ),
        (Some("Ada L"), Some("+331"), Some("hi"))
    );
    t.ok(
        "PUT",
        &format!("/website/{w}/people/data/{id}"),
        "",
        r#"{"data":{"plan":"pro"}}"#,
    );
    t.ok(
        "PATCH",
        &format!("/website/{w}/people/data/{id}"),
        "",
        r#"{"data":{"seats":5}}"#,
    );
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/people/data/{id}"), "", "")["data"],
        json!({"plan": "pro", "seats": 5})
    );
    assert_eq!(
        t.err(
            "PATCH",
            &format!("/website/{w}/people/data/{id}"),
            "",
            r#"{"data":{"x":[1]}}"#
        )
        .1,
        "invalid_data"
    );
    t.ok(
        "POST",
        &format!("/website/{w}/people/events/{id}"),
        "",
        r#"{"text":"Signed up","color":"blue"}"#,
    );
    assert_eq!(
        t.ok(
            "GET",
            &format!("/website/{w}/people/events/{id}/list/1"),
            "",
            ""
        )[0]["text"],
        "Signed up"
    );
    let found = t.ok(
        "GET",
        &format!("/website/{w}/people/profiles/1"),
        "search_text=ada",
        "",
    );
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(
        t.ok("GET", &format!("/website/{w}/people/stats"), "", "")["total"],
        62
    );
    let segs = t.ok(
        "GET",
        &format!("/website/{w}/people/suggest/segments/1"),
        "",
        "",
    );
    assert_eq!(segs, json!([{"segment": "vip", "count": 1}]));
    t.ok(
        "DELETE",
        &format!("/website/{w}/people/profile/{id}"),
        "",
        "",
    );
    assert_eq!(
        t.call("HEAD", &format!("/website/{w}/people/profile/{id}"), "", "")
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.sim.write_counts().get("people:create:ada@example.com"),
        Some(&1)
    );
}

#[test]
fn people_pages_walk_every_profile_once() {
    let t = T::new();
    let w = t.w();
    let mut seen = BTreeSet::new();
    let mut pages = 0;
    for page in 1.. {
        let items = t.ok(
            "GET",
            &format!("/website/{w}/people/profiles/{page}"),
            "",
            "",
        );
        let items = items.as_array().unwrap().clone();
        if items.is_empty() {
            break;
        }
        pages += 1;
        for p in items {
            assert!(seen.insert(p["people_id"].as_str().unwrap().to_owned()));
        }
    }
    assert_eq!((seen.len(), pages), (61, 4));
    let sorted = t.ok(
        "GET",
        &format!("/website/{w}/people/profiles/1"),
        "sort_field=email&sort_order=descending&per_page=50",
        "",
    );
    assert_eq!(sorted.as_array().unwrap().len(), 50);
    assert_eq!(sorted[0]["email"], "person9@site0.example.com");
}
