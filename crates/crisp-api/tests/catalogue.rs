//! The declared endpoints (`ENDPOINTS`, built from the endpoint table) against the catalogue
//! `docs/api/crisp-endpoints.tsv` (copied from the team's API reference material).

use chatdesk_crisp_api::ENDPOINTS;
use chatdesk_transport::Replay;
use std::collections::{BTreeMap, BTreeSet};

const CATALOGUE: &str = include_str!("../../../docs/api/crisp-endpoints.tsv");

/// (method, path template) → catalogue rows (Node method names).
fn catalogue() -> BTreeMap<(String, String), Vec<String>> {
    let mut lines = CATALOGUE.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (m, p, n) = (
        col("http_method"),
        col("path_template"),
        col("node_method_name"),
    );
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        out.entry((f[m].to_owned(), f[p].to_owned()))
            .or_default()
            .push(f[n].to_owned());
    }
    out
}

#[test]
fn declared_endpoints_are_exactly_the_catalogue() {
    let catalogue = catalogue();
    let declared: BTreeSet<(String, String)> = ENDPOINTS
        .iter()
        .map(|s| (s.method.to_string(), s.path.to_owned()))
        .collect();
    let expected: BTreeSet<(String, String)> = catalogue.keys().cloned().collect();
    let missing: Vec<_> = expected.difference(&declared).collect();
    let extra: Vec<_> = declared.difference(&expected).collect();
    assert!(
        missing.is_empty(),
        "endpoints in the catalogue but not declared: {missing:#?}"
    );
    assert!(
        extra.is_empty(),
        "declared endpoints not in the catalogue: {extra:#?}"
    );
    assert_eq!(declared.len(), 275);
}

#[test]
fn an_endpoint_is_declared_twice_only_where_node_has_two_methods() {
    // Node has two methods (different bodies) for batch remove/data/segments and for widget
    // data: each gets its own typed call, on the same endpoint.
    let catalogue = catalogue();
    let mut counts: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for s in ENDPOINTS {
        *counts.entry((s.method.to_string(), s.path)).or_default() += 1;
    }
    for ((method, path), n) in counts {
        let rows = &catalogue[&(method.clone(), path.to_owned())];
        assert_eq!(
            n,
            rows.len(),
            "{method} {path}: declared {n} times, catalogue rows {rows:?}"
        );
    }
    assert_eq!(ENDPOINTS.len(), 279);
}

#[test]
fn names_and_calls_are_unique_and_classes_consistent() {
    let mut names = BTreeSet::new();
    let mut calls = BTreeSet::new();
    for s in ENDPOINTS {
        assert_eq!(s.vendor, "crisp");
        assert!(names.insert(s.name), "duplicate name {}", s.name);
        assert!(calls.insert(s.call), "duplicate call {}", s.call);
        assert!(!s.rate_class.is_empty());
        assert!(
            !s.path.ends_with('/') && s.path.starts_with('/'),
            "{}",
            s.path
        );
        let expected = match s.method.as_str() {
            "GET" | "HEAD" => Replay::Safe,
            "POST" | "PATCH" => Replay::Unsafe,
            // Whole-document PUTs and single-resource DELETEs are idempotent...
            "PUT" | "DELETE" => {
                // ...except this one-time token redemption (see its declaration).
                if s.name == "redeem_identity_verification_link_for_conversation" {
                    Replay::Unsafe
                } else {
                    Replay::Safe
                }
            }
            other => panic!("unexpected method {other}"),
        };
        assert_eq!(s.replay, expected, "{} {}", s.method, s.path);
        // The call's parameters are the placeholders after the handle's, minus the page.
        if s.path.ends_with("/{page_number}") && !s.call.starts_with("media()") {
            assert!(!s.call.contains("page_number"), "{}", s.call);
        }
    }
}
