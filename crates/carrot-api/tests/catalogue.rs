//! The declared endpoints against the catalogue, the PHP wrapper's methods against the Rust
//! calls, and the dependency tree against Crisp.

mod support;

use chatdesk_carrot_api::model::{Assignee, Presence};
use chatdesk_carrot_api::{DECLARATIONS, ENDPOINTS, UserKinds, UserRef};
use chatdesk_transport::{Body, Error, Replay, RequestMeta};
use http::{Method, Request};
use std::collections::{BTreeMap, BTreeSet};
use support::offline_client;

const CURRENT_GROUPS: [&str; 4] = ["apps", "conversations", "users", "utils"];

/// `(method, path)` of every current-group row of `docs/api/carrot-endpoints.tsv`.
fn catalogue() -> Vec<(String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/api/carrot-endpoints.tsv"
    );
    let text = std::fs::read_to_string(path).expect("docs/api/carrot-endpoints.tsv");
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (group, method, path) = (col("group"), col("http_method"), col("path_template"));
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| CURRENT_GROUPS.contains(&f[group]))
        .map(|f| (f[method].to_owned(), f[path].to_owned()))
        .collect()
}

#[test]
fn endpoints_match_the_catalogue_exactly() {
    let declared: BTreeSet<(String, String)> = ENDPOINTS
        .iter()
        .map(|s| (s.method.to_string(), s.path.to_owned()))
        .collect();
    let rows = catalogue();
    let listed: BTreeSet<(String, String)> = rows.iter().cloned().collect();
    assert_eq!(rows.len(), listed.len(), "duplicate rows in the catalogue");
    let missing: Vec<_> = listed.difference(&declared).collect();
    let extra: Vec<_> = declared.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "catalogue endpoints not declared: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "declared endpoints not in the catalogue: {extra:?}"
    );
    assert_eq!(ENDPOINTS.len(), 24);
    assert_eq!(ENDPOINTS.len(), listed.len(), "no endpoint declared twice");
}

#[test]
fn declarations_are_consistent() {
    assert_eq!(DECLARATIONS.len(), ENDPOINTS.len());
    let mut names = BTreeSet::new();
    for (d, spec) in DECLARATIONS.iter().zip(ENDPOINTS) {
        assert_eq!(d.spec, spec, "DECLARATIONS and ENDPOINTS in the same order");
        assert_eq!(spec.vendor, "carrot");
        assert!(names.insert(spec.name), "duplicate name {}", spec.name);
        assert!(!d.replay_reason.is_empty());
        assert!(!spec.rate_class.is_empty());
        let has_user = spec.placeholders().any(|p| p == "user");
        assert_eq!(has_user, d.users != UserKinds::NoUser, "{}", spec.name);
        // Reads are safe; writes documented as UNCERTAIN are not.
        if spec.method == Method::GET {
            assert_eq!(spec.replay, Replay::Safe, "{}", spec.name);
        }
        if d.replay_reason.contains("UNCERTAIN") {
            assert_eq!(spec.replay, Replay::Unsafe, "{}", spec.name);
        }
    }
    let by_name: BTreeMap<&str, _> = DECLARATIONS.iter().map(|d| (d.spec.name, d)).collect();
    assert_eq!(by_name["set_presence"].users, UserKinds::CarrotOnly);
    assert_eq!(by_name["reply_in_conversation"].spec.replay, Replay::Unsafe);
    assert_eq!(by_name["track_event"].spec.replay, Replay::Unsafe);
}

type Build = fn() -> Result<Request<Body>, Error>;

/// The 21 methods of the PHP wrapper veksa/carrot-api, each with the Rust call that replaces it
/// and the route it must reach.
const PHP_METHODS: [(&str, Build, &str, &str); 21] = [
    (
        "getActiveUsers",
        || offline_client().this_app().active_users().to_request(),
        "GET",
        "/v1/apps/$self_app/activeusers",
    ),
    (
        "getCountLeads",
        || offline_client().this_app().count_leads().to_request(),
        "GET",
        "/v1/apps/$self_app/users",
    ),
    (
        "getLeads",
        || offline_client().this_app().leads().to_request(),
        "GET",
        "/v1/apps/$self_app/users",
    ),
    (
        "getConversations",
        || offline_client().this_app().conversations().to_request(),
        "GET",
        "/v1/apps/$self_app/conversations",
    ),
    (
        "getConversation",
        || offline_client().conversation(7_u64).get().to_request(),
        "GET",
        "/v1/conversations/7",
    ),
    (
        "getMessages",
        || offline_client().conversation(7_u64).parts().to_request(),
        "GET",
        "/v1/conversations/7/parts",
    ),
    (
        "sendConversationMessage",
        || {
            offline_client()
                .conversation(7_u64)
                .reply("hi")
                .to_request()
        },
        "POST",
        "/v1/conversations/7/reply",
    ),
    (
        "readMessages",
        || {
            offline_client()
                .conversation(7_u64)
                .mark_read()
                .to_request()
        },
        "POST",
        "/v1/conversations/7/markread",
    ),
    (
        "setTyping",
        || {
            offline_client()
                .conversation(7_u64)
                .set_typing()
                .to_request()
        },
        "POST",
        "/v1/conversations/7/settyping",
    ),
    (
        "assignConversation",
        || {
            offline_client()
                .conversation(7_u64)
                .assign(Assignee::Nobody)
                .to_request()
        },
        "POST",
        "/v1/conversations/7/assign",
    ),
    (
        "addTag",
        || {
            offline_client()
                .conversation(7_u64)
                .add_tag("vip")
                .to_request()
        },
        "POST",
        "/v1/conversations/7/tag",
    ),
    (
        "deleteTag",
        || {
            offline_client()
                .conversation(7_u64)
                .delete_tag("vip")
                .to_request()
        },
        "DELETE",
        "/v1/conversations/7/tag",
    ),
    (
        "closeConversation",
        || offline_client().conversation(7_u64).close().to_request(),
        "POST",
        "/v1/conversations/7/close",
    ),
    (
        "getUser",
        || offline_client().user(9_u64).get().to_request(),
        "GET",
        "/v1/users/9",
    ),
    (
        "setProps",
        || {
            first(
                offline_client()
                    .user(9_u64)
                    .set_props([("$name", "Ada")])
                    .to_requests(),
            )
        },
        "POST",
        "/v1/users/9/props",
    ),
    (
        "deleteProps",
        || {
            first(
                offline_client()
                    .user(9_u64)
                    .delete_props(["$name"])
                    .to_requests(),
            )
        },
        "POST",
        "/v1/users/9/props",
    ),
    (
        "setPresence",
        || {
            offline_client()
                .user(9_u64)
                .set_presence(Presence::Online)
                .to_request()
        },
        "POST",
        "/v1/users/9/setpresence",
    ),
    (
        "sendUserMessage",
        || offline_client().user(9_u64).send_message("hi").to_request(),
        "POST",
        "/v1/users/9/sendmessage",
    ),
    (
        "startConversation",
        || {
            offline_client()
                .user(9_u64)
                .start_conversation("hi")
                .to_request()
        },
        "POST",
        "/v1/users/9/startconversation",
    ),
    (
        "trackEvent",
        || {
            offline_client()
                .track_event(UserRef::Carrot(9), "paid")
                .to_request()
        },
        "POST",
        "/v1/users/9/events",
    ),
    (
        "getEvents",
        || {
            offline_client()
                .user(9_u64)
                .events()
                .filter_name("paid")
                .to_request()
        },
        "GET",
        "/v1/users/9/events",
    ),
];

fn first(r: Result<Vec<Request<Body>>, Error>) -> Result<Request<Body>, Error> {
    r.map(|mut v| v.remove(0))
}

#[test]
fn every_php_wrapper_method_has_a_rust_call() {
    let names: BTreeSet<&str> = PHP_METHODS.iter().map(|m| m.0).collect();
    assert_eq!(names.len(), 21);
    for (php, build, method, path) in PHP_METHODS {
        let req = build().unwrap_or_else(|e| panic!("{php}: {e}"));
        assert_eq!(req.method().as_str(), method, "{php}");
        assert_eq!(req.uri().path(), path, "{php}");
        let endpoint = RequestMeta::of(&req).endpoint;
        assert!(
            ENDPOINTS.iter().any(|s| s.name == endpoint),
            "{php} reaches an undeclared endpoint"
        );
    }
    // The PHP bug of sending the admin under `from_user` is not reproduced.
    let req = offline_client()
        .conversation(7_u64)
        .reply("hi")
        .from_admin(5_u64)
        .to_request()
        .unwrap();
    let text = support::render(&req);
    assert!(
        text.contains("from_admin = \"5\"") && !text.contains("from_user"),
        "{text}"
    );
    // getCountLeads asks for one lead only: the total is what it reads.
    let req = offline_client()
        .this_app()
        .count_leads()
        .to_request()
        .unwrap();
    assert!(req.uri().query().unwrap().contains("limit=1"));
}

#[test]
fn no_crisp_crate_in_the_dependency_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "tree",
            "-p",
            "chatdesk-carrot-api",
            "--edges",
            "normal,build,dev",
            "--prefix",
            "none",
            "--format",
            "{p} {f}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("chatdesk-model"), "{tree}");
    for line in tree.lines() {
        let package = line.split_whitespace().next().unwrap_or("");
        assert!(
            !package.to_ascii_lowercase().contains("crisp"),
            "a Crisp package is in the tree: {line}"
        );
        if package == "chatdesk-model" {
            let features = line.rsplit(' ').next().unwrap_or("");
            assert!(
                !features.split(',').any(|f| f == "crisp"),
                "chatdesk-model is built with its crisp feature: {line}"
            );
        }
    }
}

/// The wire types of each declaration are the ones the model's map file
/// (`docs/api/carrot-types-map.tsv`) gives for that route. Skipped while the map is absent.
#[test]
fn declared_wire_types_follow_the_model_map() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/api/carrot-types-map.tsv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("no types map yet: skipped");
        return;
    };
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (m, p, params, response) = (
        col("http_method"),
        col("path_template"),
        col("params_type"),
        col("response_type"),
    );
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let mut checked = 0;
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(d) = DECLARATIONS
            .iter()
            .find(|d| d.spec.method.as_str() == f[m] && d.spec.path == f[p])
        else {
            continue;
        };
        assert_eq!(squash(d.params), squash(f[params]), "{} {}", f[m], f[p]);
        assert_eq!(squash(d.data), squash(f[response]), "{} {}", f[m], f[p]);
        checked += 1;
    }
    assert_eq!(checked, ENDPOINTS.len(), "every endpoint is in the map");
}
