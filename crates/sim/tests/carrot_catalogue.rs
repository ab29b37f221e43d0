//! Every current Carrot endpoint of the catalogue (`tests/data/carrot-endpoints.tsv`, groups
//! `apps`, `conversations`, `users`, `utils`) answers valid input with a 2xx `{meta, data}`
//! envelope, under both the current (no prefix) and the v1 (`/v1`) base.

mod common;

use chatdesk_sim::{Seed, Sim};
use common::*;

const CATALOGUE: &str = include_str!("data/carrot-endpoints.tsv");
const CURRENT: [&str; 4] = ["apps", "conversations", "users", "utils"];

struct Row {
    name: String,
    method: String,
    template: String,
}

fn rows() -> Vec<Row> {
    let mut lines = CATALOGUE.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).expect("column");
    let (g, n, m, p) = (
        col("group"),
        col("name"),
        col("http_method"),
        col("path_template"),
    );
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() > p && CURRENT.contains(&c[g]))
        .map(|c| Row {
            name: c[n].to_string(),
            method: c[m].to_string(),
            template: c[p].to_string(),
        })
        .collect()
}

/// Valid parameters for each endpoint (form fields; GET ones go to the query).
fn fields(method: &str, template: &str) -> Vec<(&'static str, String)> {
    let tail = template.rsplit('/').next().unwrap_or("");
    let f =
        |pairs: &[(&'static str, &str)]| pairs.iter().map(|(k, v)| (*k, v.to_string())).collect();
    match (method, tail) {
        ("POST", "reply") => f(&[("body", "catalogue reply"), ("from_admin", "default_admin")]),
        ("POST", "settyping") => f(&[("body", "typing"), ("from_admin", "default_admin")]),
        ("POST", "assign") => f(&[("admin", ""), ("from_admin", "default_admin")]),
        ("POST", "tag") => f(&[("tag", "catalogue"), ("from_admin", "default_admin")]),
        ("DELETE", "tag") => f(&[("tag", "seeded-tag"), ("from_admin", "default_admin")]),
        ("POST", "close") => f(&[("from_admin", "default_admin")]),
        ("POST", "events") => f(&[("event", "catalogue_event"), ("params", r#"{"k":"v"}"#)]),
        ("POST", "props") => f(&[(
            "operations",
            r#"[{"op":"update_or_create","key":"plan","value":"pro"}]"#,
        )]),
        ("POST", "setpresence") => f(&[("presence", "online")]),
        ("POST", "sendmessage") => f(&[("body", "hello from the catalogue")]),
        ("POST", "startconversation") => f(&[("body", "new conversation")]),
        ("POST", "email") => f(&[
            ("from_email", "shop@example.com"),
            ("to_emails", r#"["a@example.com"]"#),
            ("subject", "Hello"),
            ("html", "<p>hi</p>"),
        ]),
        _ => Vec::new(),
    }
}

async fn run(prefix: &str) {
    let sim = Sim::builder()
        .seed(Seed::default().conversations(3, 4))
        .start()
        .await
        .expect("sim starts");
    let conv = sim.carrot_conversation_ids()[0];
    let user = sim.carrot_user_ids()[0];
    // The DELETE tag row needs a tag to remove.
    let r = carrot_post(
        &sim,
        &format!("/conversations/{conv}/tag"),
        &[("tag", "seeded-tag")],
    )
    .await;
    ok_data(&r);

    let rows = rows();
    assert_eq!(rows.len(), 24, "the catalogue lists 24 current endpoints");
    for row in &rows {
        let path = row
            .template
            .replace("{app_id}", &sim.carrot_app_id().to_string())
            .replace("{conversation_id}", &conv.to_string())
            .replace("{user}", &user.to_string());
        let path = format!("{prefix}{path}");
        let what = format!("{} {} ({})", row.method, path, row.name);
        let r = if row.template == "/users/import" {
            carrot_multipart(
                &sim,
                &path,
                &[
                    ("app", None, b"$self_app"),
                    ("file", Some("u.csv"), b"$user_id\tplan\ncat-1\tfree\n"),
                ],
            )
            .await
        } else if row.method == "GET" {
            carrot_get(&sim, &path).await
        } else {
            let fields = fields(&row.method, &row.template);
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            carrot_form(&sim, &row.method, &path, &pairs).await
        };
        assert!(
            (200..300).contains(&r.status),
            "{what}: status {} body {}",
            r.status,
            String::from_utf8_lossy(&r.body)
        );
        let v = r.json();
        assert_eq!(v["meta"]["status"], 200, "{what}: {v}");
        assert!(
            v.get("data").is_some_and(|d| d.is_object() || d.is_array()),
            "{what}: {v}"
        );
        assert!(v["meta"].get("error").is_none(), "{what}: {v}");
    }
    // Every row was a distinct request the simulator routed to a known class.
    let unknown = sim
        .requests()
        .iter()
        .filter(|r| r.route_class == "unknown")
        .count();
    assert_eq!(unknown, 0);
}

#[tokio::test]
async fn every_current_endpoint_answers_2xx_without_prefix() {
    run("").await;
}

#[tokio::test]
async fn every_current_endpoint_answers_2xx_under_v1() {
    run("/v1").await;
}
