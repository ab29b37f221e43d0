//! Every endpoint of the Crisp catalogue (`tests/data/crisp-endpoints.tsv`, 275 distinct endpoints)
//! answers a valid request with a 2xx envelope whose `data` has the documented shape.
//!
//! Requests use the bodies and query strings the official Node client sends (`full` variant of
//! `tests/data/crisp-wire-full.jsonl`), path parameters filled with seeded ids discovered through
//! the API itself, and a fresh simulator per row so rows cannot disturb each other. Shapes are
//! checked against the Node type declarations (`tests/data/crisp-types-trimmed.json`) or the
//! field lists of the catalogue's `response_data` column.

use std::collections::{BTreeMap, BTreeSet};

use bytes::Bytes;
use chatdesk_sim::crisp::{CrispConfig, CrispSim, CrispTier};
use chatdesk_sim::exchange::Exchange;
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::{Value, json};

const TSV: &str = include_str!("data/crisp-endpoints.tsv");
const WIRE: &str = include_str!("data/crisp-wire-full.jsonl");
const TYPES: &str = include_str!("data/crisp-types-trimmed.json");

fn config() -> CrispConfig {
    CrispConfig {
        conversations_per_website: 25,
        messages_per_conversation: 30,
        people_per_website: 25,
        visitors_per_website: 25,
        ..CrispConfig::default()
    }
}

fn call(
    sim: &CrispSim,
    tier: CrispTier,
    method: &str,
    path: &str,
    query: &str,
    body: &str,
) -> (StatusCode, Option<Value>, Bytes) {
    let cfg = sim.config();
    let kp = cfg
        .keypair(tier)
        .expect("a keypair of every tier is configured by default");
    let mut headers = HeaderMap::new();
    headers.insert(
        "authorization",
        HeaderValue::from_str(&kp.authorization()).unwrap(),
    );
    headers.insert("x-crisp-tier", HeaderValue::from_static(tier.as_str()));
    let ex = Exchange {
        method: Method::from_bytes(method.as_bytes()).unwrap(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Bytes::from(body.to_owned()),
    };
    let reply = sim.handle(&ex);
    let parsed = serde_json::from_slice::<Value>(&reply.body).ok();
    (reply.status, parsed, reply.body)
}

fn data(sim: &CrispSim, path: &str) -> Value {
    let (status, body, raw) = call(sim, CrispTier::Plugin, "GET", path, "", "");
    // The message walk answers 206 while older messages exist.
    let expected = if path.ends_with("/messages") && status == StatusCode::PARTIAL_CONTENT {
        StatusCode::PARTIAL_CONTENT
    } else {
        StatusCode::OK
    };
    assert_eq!(
        status,
        expected,
        "GET {path}: {}",
        String::from_utf8_lossy(&raw)
    );
    body.and_then(|b| b.get("data").cloned())
        .unwrap_or(Value::Null)
}

fn first(sim: &CrispSim, path: &str, pointer: &str) -> String {
    data(sim, path)
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("GET {path} has no {pointer}"))
        .to_owned()
}

/// Seeded ids for every path parameter of the catalogue, found through the API.
fn ids(sim: &CrispSim) -> BTreeMap<&'static str, String> {
    let w = sim.config().website_id().to_owned();
    let s = sim.config().session_id();
    let base = format!("/website/{w}");
    let category_id = first(
        sim,
        &format!("{base}/helpdesk/locale/en/categories/1"),
        "/0/category_id",
    );
    let mut m = BTreeMap::new();
    // The ids read from a seeded list: (parameter, path under the website, JSON pointer).
    let sections = format!("/helpdesk/locale/en/category/{category_id}/sections/1");
    let listed = [
        ("template_id", "/campaigns/templates/1", "/0/template_id"),
        ("campaign_id", "/campaigns/list/1", "/0/campaign_id"),
        ("spam_id", "/conversations/spams/1", "/0/spam_id"),
        ("call_id", &format!("/conversation/{s}/call"), "/call_id"),
        (
            "entity_id",
            "/helpdesk/page/list/en/articles/1",
            "/0/entity_id",
        ),
        ("change_id", "/helpdesk/history/changes/1", "/0/change_id"),
        (
            "redirection_id",
            "/helpdesk/redirections/1",
            "/0/redirection_id",
        ),
        (
            "article_id",
            "/helpdesk/locale/en/articles/1",
            "/0/article_id",
        ),
        ("section_id", &sections, "/0/section_id"),
        ("inbox_id", "/inboxes/list/1", "/0/inbox_id"),
        ("team_id", "/teams/list/1", "/0/team_id"),
        ("user_id", "/operators/list", "/0/details/user_id"),
        ("people_id", "/people/profiles/1", "/0/people_id"),
    ];
    for (name, path, pointer) in listed {
        m.insert(name, first(sim, &format!("{base}{path}"), pointer));
    }
    let fp = data(sim, &format!("{base}/conversation/{s}/messages"))
        .pointer("/0/fingerprint")
        .and_then(Value::as_i64)
        .expect("seeded messages");
    m.insert("fingerprint", fp.to_string());
    m.insert("website_id", w.clone());
    m.insert("session_id", s.clone());
    m.insert("page_number", "1".to_owned());
    m.insert("plugin_id", sim.config().plugin_id.clone());
    m.insert("action", "opened".to_owned());
    m.insert("original_id", "original-1".to_owned());
    m.insert("browsing_id", "browsing-1".to_owned());
    m.insert("locale", "en".to_owned());
    m.insert("content_type", "articles".to_owned());
    m.insert("path", "getting-started".to_owned());
    m.insert("locale_linked", "fr".to_owned());
    m.insert("category_id", category_id);
    m.insert("token_id", "token-1".to_owned());
    m.insert("rule", "ip_domain".to_owned());
    m
}

struct Row {
    group: String,
    name: String,
    method: String,
    template: String,
    response: String,
}

fn rows() -> Vec<Row> {
    TSV.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                group: c[0].to_owned(),
                name: c[1].to_owned(),
                method: c[2].to_owned(),
                template: c[3].to_owned(),
                response: c[6].to_owned(),
            }
        })
        .collect()
}

/// `(node method, path template) -> (query, body)` from the Node client's `full` requests.
fn wire() -> BTreeMap<(String, String), (String, String)> {
    WIRE.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["variant"] == "full")
        .map(|v| {
            (
                (
                    v["method"].as_str().unwrap().to_owned(),
                    v["path_template"].as_str().unwrap().to_owned(),
                ),
                (
                    v["query_raw"].as_str().unwrap_or("").to_owned(),
                    v["body_raw"].as_str().unwrap_or("").to_owned(),
                ),
            )
        })
        .collect()
}

/// Bodies for the rows the Node 11 client does not send (Go-only legacy Helpdesk, PHP user tier).
fn fallback_body(name: &str, method: &str) -> &'static str {
    match name {
        "website.addNewHelpdeskLocaleArticle"
        | "website.saveHelpdeskLocaleArticle"
        | "website.updateHelpdeskLocaleArticle" => r#"{"title":"Install guide"}"#,
        "website.updateHelpdeskLocaleArticleCategory" => r#"{"category_id":"category-1"}"#,
        "website.saveHelpdeskLocaleArticleAlternate" => r#"{"article_id":"article-fr-1"}"#,
        "website.addHelpdeskLocaleCategory"
        | "website.saveHelpdeskLocaleCategory"
        | "website.updateHelpdeskLocaleCategory" => r#"{"name":"Billing"}"#,
        "website.addHelpdeskLocaleSection"
        | "website.saveHelpdeskLocaleSection"
        | "website.updateHelpdeskLocaleSection" => r#"{"name":"Invoices","order":2}"#,
        "website.importExternalHelpdeskToLocale" => {
            r#"{"helpdesk_url":"https://help.example.com/"}"#
        }
        "user.createUserAccount" | "user.createNewSession" => {
            r#"{"email":"new@example.com","password":"hunter22"}"#
        }
        "user.updateUserProfile" => r#"{"first_name":"Ada"}"#,
        "user.updateUserNotificationSettings" => r#"{"digest":"weekly"}"#,
        "user.recoverSession" => r#"{"email":"owner@example.com"}"#,
        "user.updateUserAvailability" => r#"{"type":"away","time":{"for":3600}}"#,
        _ if matches!(method, "POST" | "PUT" | "PATCH") => "{}",
        _ => "",
    }
}

fn tier_for(row: &Row) -> CrispTier {
    let user_only = [
        "website.createWebsite",
        "website.deleteWebsite",
        "website.abortWebsiteDeletion",
        "plugin.subscribeWebsiteToPlugin",
        "plugin.unsubscribePluginFromWebsite",
    ];
    if row.group.starts_with("user_")
        || row.group == "plan_subscription"
        || user_only.contains(&row.name.as_str())
    {
        CrispTier::User
    } else {
        CrispTier::Plugin
    }
}

fn fill(template: &str, ids: &BTreeMap<&'static str, String>) -> String {
    let mut out = template.to_owned();
    for (k, v) in ids {
        let encoded = if *k == "path" {
            v.clone()
        } else {
            percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string()
        };
        out = out.replace(&format!("{{{k}}}"), &encoded);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Shape checks
// ---------------------------------------------------------------------------------------------

struct Types(BTreeMap<String, Value>);

impl Types {
    fn load() -> Types {
        Types(serde_json::from_str(TYPES).expect("types json"))
    }

    /// Checks `v` against a TypeScript type expression; unknown names are accepted.
    fn check(&self, v: &Value, ts: &str, at: &str, depth: u8) -> Result<(), String> {
        let ts = ts.trim();
        if depth > 8 {
            return Ok(());
        }
        if let Some(inner) = ts.strip_suffix("[]") {
            let items = v
                .as_array()
                .ok_or(format!("{at}: expected array ({ts}), got {v}"))?;
            for (i, item) in items.iter().enumerate() {
                self.check(item, inner, &format!("{at}[{i}]"), depth + 1)?;
            }
            return Ok(());
        }
        if ts.starts_with('(') && ts.ends_with(')') {
            return self.check(v, &ts[1..ts.len() - 1], at, depth);
        }
        if ts.contains(" | ") {
            let alts: Vec<&str> = ts.split(" | ").collect();
            if alts.iter().any(|a| self.check(v, a, at, depth).is_ok()) {
                return Ok(());
            }
            return Err(format!("{at}: {v} matches none of {ts}"));
        }
        let ok = match ts {
            "string" => v.is_string(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            "object" => v.is_object(),
            "any" | "unknown" => true,
            t if t.starts_with('"') || t.starts_with('`') => v.is_string(),
            t if t.parse::<f64>().is_ok() => v.is_number(),
            t if t.starts_with("Record<") || t.starts_with('{') => v.is_object(),
            name => match self.0.get(name) {
                Some(def) => {
                    if let Some(alias) = def.get("alias").and_then(Value::as_str) {
                        return self.check(v, alias, at, depth + 1);
                    }
                    let obj = v
                        .as_object()
                        .ok_or(format!("{at}: expected {name} object, got {v}"))?;
                    for f in def["fields"].as_array().into_iter().flatten() {
                        let (fname, ftype, optional) = (
                            f[0].as_str().unwrap(),
                            f[1].as_str().unwrap(),
                            f[2].as_bool().unwrap(),
                        );
                        match obj.get(fname) {
                            None if !optional => {
                                return Err(format!("{at}: {name} lacks required field {fname}"));
                            }
                            None => {}
                            Some(Value::Null) if optional => {}
                            Some(fv) => {
                                self.check(fv, ftype, &format!("{at}.{fname}"), depth + 1)?
                            }
                        }
                    }
                    true
                }
                None => true,
            },
        };
        if ok {
            Ok(())
        } else {
            Err(format!("{at}: {v} is not {ts}"))
        }
    }
}

/// Top-level keys of a `{a, b?, c:{...}}` field list (required ones only).
fn brace_keys(spec: &str) -> Vec<String> {
    let Some(start) = spec.find('{') else {
        return Vec::new();
    };
    let mut depth = 0;
    let mut cur = String::new();
    let mut keys = Vec::new();
    for ch in spec[start + 1..].chars() {
        match ch {
            '{' | '[' => {
                depth += 1;
                cur.push(ch)
            }
            '}' | ']' if depth == 0 => {
                keys.push(cur.clone());
                break;
            }
            '}' | ']' => {
                depth -= 1;
                cur.push(ch)
            }
            ',' if depth == 0 => {
                keys.push(std::mem::take(&mut cur));
            }
            _ => cur.push(ch),
        }
    }
    keys.iter()
        .map(|k| k.trim().split(':').next().unwrap_or("").trim().to_owned())
        .filter(|k| {
            !k.is_empty()
                && !k.ends_with('?')
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect()
}

/// The WebsiteOperator / WebsiteSettings Node types are camelCase while the wire is snake_case
/// (`docs/api/crisp-api.md` §9): those are checked through their field lists instead.
const CAMEL_TYPES: [&str; 3] = ["WebsiteOperator", "WebsiteSettings", "UserAccount"];

fn check_shape(types: &Types, row: &Row, data: &Value) -> Result<(), String> {
    let spec = row.response.trim();
    let first_word = spec.split_whitespace().next().unwrap_or("");
    if spec == "empty" {
        return if data == &json!({}) {
            Ok(())
        } else {
            Err(format!("expected data {{}}, got {data}"))
        };
    }
    if spec.starts_with("none")
        || spec.starts_with("not decoded")
        || spec.starts_with("untyped")
        || spec == "-"
        || spec.starts_with("node:")
        || spec.starts_with("Go ")
    {
        return Ok(());
    }
    if spec.starts_with("[]") || first_word == "string[]" || spec.contains(" []") {
        let items = data
            .as_array()
            .ok_or(format!("expected array, got {data}"))?;
        let keys = brace_keys(spec);
        for item in items {
            if first_word == "string[]" {
                if !item.is_string() {
                    return Err(format!("expected strings, got {item}"));
                }
                continue;
            }
            for k in &keys {
                if item.get(k).is_none() {
                    return Err(format!("item lacks {k}: {item}"));
                }
            }
        }
        return Ok(());
    }
    let (name, is_array) = match first_word.strip_suffix("[]") {
        Some(n) => (n, true),
        None => (first_word, false),
    };
    if name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        if is_array && !data.is_array() {
            return Err(format!("expected array of {name}, got {data}"));
        }
        if !is_array && !data.is_object() {
            return Err(format!("expected {name} object, got {data}"));
        }
        if !CAMEL_TYPES.contains(&name) {
            types.check(data, first_word, "data", 0)?;
        }
        let keys = brace_keys(spec);
        let items: Vec<&Value> = if is_array {
            data.as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        } else {
            vec![data]
        };
        for item in items {
            for k in &keys {
                if item.get(k).is_none() {
                    return Err(format!("{name} lacks {k}: {item}"));
                }
            }
        }
        return Ok(());
    }
    if spec.starts_with('{') {
        for k in brace_keys(spec) {
            if data.get(&k).is_none() {
                return Err(format!("data lacks {k}: {data}"));
            }
        }
        return Ok(());
    }
    if spec.contains("object") && !data.is_object() {
        return Err(format!("expected object, got {data}"));
    }
    Ok(())
}

#[test]
fn every_catalogued_endpoint_answers_2xx_with_the_documented_shape() {
    let rows = rows();
    assert_eq!(rows.len(), 279, "catalogue rows");
    let distinct: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.method.clone(), r.template.clone()))
        .collect();
    assert_eq!(distinct.len(), 275, "distinct endpoints");

    let ids = ids(&CrispSim::new(config()));
    let wire = wire();
    let types = Types::load();
    let mut failures = Vec::new();
    let mut checked = BTreeSet::new();
    let mut typed = 0;
    let mut non_empty_lists = 0;
    for row in &rows {
        let sim = CrispSim::new(config());
        let path = fill(&row.template, &ids);
        let (mut query, mut body) = wire
            .get(&(row.name.clone(), row.template.clone()))
            .cloned()
            .unwrap_or_else(|| {
                (
                    String::new(),
                    fallback_body(&row.name, &row.method).to_owned(),
                )
            });
        if row.name == "website.checkWebsiteExists" {
            query = "domain=site0.example.com".to_owned();
        }
        if row.name == "plan.checkCouponAvailabilityForWebsitePlanSubscription" && query.is_empty()
        {
            query = "code=WELCOME".to_owned();
        }
        if body.is_empty() && matches!(row.method.as_str(), "POST" | "PUT" | "PATCH") {
            body = "{}".to_owned();
        }
        let (status, parsed, raw) = call(&sim, tier_for(row), &row.method, &path, &query, &body);
        let label = format!("{} {} {} ({})", row.method, path, query, row.name);
        if !status.is_success() {
            failures.push(format!(
                "{label}: {status} {}",
                String::from_utf8_lossy(&raw)
            ));
            continue;
        }
        if row.method == "HEAD" {
            if !raw.is_empty() {
                failures.push(format!("{label}: HEAD answered a body"));
            }
            checked.insert((row.method.clone(), row.template.clone()));
            continue;
        }
        let Some(envelope) = parsed else {
            failures.push(format!("{label}: body is not JSON"));
            continue;
        };
        if envelope.get("error") != Some(&json!(false))
            || !envelope.get("reason").is_some_and(Value::is_string)
        {
            failures.push(format!("{label}: not a success envelope: {envelope}"));
            continue;
        }
        let data = envelope.get("data").cloned().unwrap_or(Value::Null);
        let first_word = row.response.split_whitespace().next().unwrap_or("");
        if first_word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            && types.0.contains_key(first_word.trim_end_matches("[]"))
        {
            typed += 1;
        }
        if data.as_array().is_some_and(|a| !a.is_empty()) {
            non_empty_lists += 1;
        }
        if let Err(e) = check_shape(&types, row, &data) {
            failures.push(format!("{label}: shape: {e}"));
            continue;
        }
        // Filters in the Node request may leave a list empty: check the unfiltered list too.
        if row.method == "GET"
            && !query.is_empty()
            && !row.name.contains("Coupon")
            && !row.name.contains("checkWebsite")
        {
            let (status, parsed, raw) = call(&sim, tier_for(row), "GET", &path, "", "");
            let data = parsed
                .and_then(|p| p.get("data").cloned())
                .unwrap_or(Value::Null);
            if !status.is_success() {
                failures.push(format!(
                    "{label} (no query): {status} {}",
                    String::from_utf8_lossy(&raw)
                ));
                continue;
            }
            if data.as_array().is_some_and(|a| !a.is_empty()) {
                non_empty_lists += 1;
            }
            if let Err(e) = check_shape(&types, row, &data) {
                failures.push(format!("{label} (no query): shape: {e}"));
                continue;
            }
        }
        checked.insert((row.method.clone(), row.template.clone()));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(checked.len(), 275);
    // The shape checks must have had something to bite on.
    assert!(typed >= 40, "only {typed} rows checked against a Node type");
    assert!(
        non_empty_lists >= 35,
        "only {non_empty_lists} non-empty lists"
    );
}

#[test]
fn the_node_clients_hostile_requests_are_routed_like_the_api_would() {
    // Node does not percent-encode ids: `a/b?c` becomes another route, `pt%2FBR` stays one
    // segment. The simulator splits on `/` first and decodes each segment after.
    let sim = CrispSim::new(config());
    let w = sim.config().website_id().to_owned();
    let hostile: Vec<&str> = WIRE
        .lines()
        .filter(|l| l.contains(r#""variant": "hostile""#))
        .collect();
    assert_eq!(hostile.len(), 10);
    for line in hostile {
        let v: Value = serde_json::from_str(line).unwrap();
        let url = v["url_raw"].as_str().unwrap().replace("website-1", &w);
        let url = url.strip_prefix("/v1").unwrap();
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let method = v["http_method"].as_str().unwrap();
        let body = v["body_raw"].as_str().unwrap_or("");
        let (status, parsed, _) = call(&sim, CrispTier::Plugin, method, path, query, body);
        let reason = parsed
            .as_ref()
            .and_then(|p| p["reason"].as_str())
            .unwrap_or("")
            .to_owned();
        match v["method"].as_str().unwrap() {
            // `a/b?c` adds a segment: no such route.
            "website.getConversation" => assert_eq!(
                (status, reason.as_str()),
                (StatusCode::NOT_FOUND, "not_found")
            ),
            // `/v1/admin`: no such route.
            "website.getWebsite" => assert_eq!(status, StatusCode::NOT_FOUND),
            // One segment `pt/BR`: a locale that does not exist (HEAD: no body).
            "website.checkHelpdeskLocaleExists" => assert_eq!(status, StatusCode::NOT_FOUND),
            // An email in people_id position is accepted; unknown here.
            "website.getPeopleProfile" | "website.removePeopleProfile" => {
                assert_eq!(
                    (status, reason.as_str()),
                    (StatusCode::NOT_FOUND, "people_not_found")
                )
            }
            // `session_ü ñ/` decoded as one segment: an unknown session, not an unknown route.
            "website.sendMessageInConversation" => {
                assert_eq!(
                    (status, reason.as_str()),
                    (StatusCode::NOT_FOUND, "session_not_found")
                )
            }
            // Tree paths may hold `/` and encoded spaces.
            "website.resolveHelpdeskTreePage" => assert_eq!(status, StatusCode::OK, "{parsed:?}"),
            // Query strings with encoded JSON filters decode fine.
            "website.listConversations" | "website.listPeopleProfiles" => {
                assert_eq!(status, StatusCode::OK, "{parsed:?}")
            }
            "plugin.getSubscriptionDetails" => assert_eq!(status, StatusCode::NOT_FOUND),
            other => panic!("unexpected hostile row {other}"),
        }
    }
}
