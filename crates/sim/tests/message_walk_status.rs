//! The Crisp message walk's status signal: `GET …/conversation/{session_id}/messages` answers
//! 206 Partial Content while the conversation holds messages older than the batch, and 200 on
//! the batch holding the oldest one (Crisp staff, crisp-im/ruby-crisp-api#16). Page-numbered
//! lists answer 200 on every page unless told otherwise.

mod common;

use bytes::Bytes;
use chatdesk_sim::crisp::CrispSim;
use chatdesk_sim::exchange::Exchange;
use chatdesk_sim::{CrispConfig, CrispListStatus, CrispTier, Sim};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::Value;

fn config(messages: usize) -> CrispConfig {
    CrispConfig {
        conversations_per_website: 2,
        messages_per_conversation: messages,
        people_per_website: 45,
        visitors_per_website: 3,
        ..CrispConfig::default()
    }
}

fn get(sim: &CrispSim, path: &str, query: &str) -> (StatusCode, Vec<Value>) {
    let kp = sim.config().keypair(CrispTier::Website).unwrap().clone();
    let mut headers = HeaderMap::new();
    headers.insert(
        "authorization",
        HeaderValue::from_str(&kp.authorization()).unwrap(),
    );
    headers.insert("x-crisp-tier", HeaderValue::from_static("website"));
    let reply = sim.handle(&Exchange {
        method: Method::GET,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: Bytes::new(),
    });
    let v: Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(v["error"], Value::Bool(false), "{v}");
    let items = v["data"].as_array().cloned().unwrap_or_default();
    (reply.status, items)
}

/// Walks the conversation backwards as a client does, `timestamp_before` the oldest message
/// seen, until an empty batch; returns each batch's status and size.
fn walk(sim: &CrispSim) -> Vec<(StatusCode, usize)> {
    let path = format!(
        "/website/{}/conversation/{}/messages",
        sim.website_id(),
        sim.session_id()
    );
    let mut query = String::new();
    let mut batches = Vec::new();
    loop {
        let (status, items) = get(sim, &path, &query);
        batches.push((status, items.len()));
        let Some(oldest) = items.first().and_then(|m| m["timestamp"].as_i64()) else {
            break;
        };
        query = format!("timestamp_before={oldest}");
        assert!(batches.len() < 100, "the walk does not end");
    }
    batches
}

#[test]
fn the_batch_holding_the_oldest_message_is_200_and_every_earlier_one_206() {
    for n in [1usize, 7, 19, 20, 21, 39, 40, 45, 60] {
        let sim = CrispSim::new(config(n));
        let batches = walk(&sim);
        // The walk above goes on to an empty batch; the status must have said "last" before it.
        let (empty_status, empty_len) = batches[batches.len() - 1];
        assert_eq!(empty_len, 0, "n={n}");
        assert_eq!(empty_status, StatusCode::OK, "n={n}: the empty batch");
        let batches = &batches[..batches.len() - 1];
        assert_eq!(batches.len(), n.div_ceil(20), "n={n}: {batches:?}");
        assert_eq!(batches.iter().map(|b| b.1).sum::<usize>(), n, "n={n}");
        let (last, earlier) = batches.split_last().unwrap();
        assert_eq!(
            last.0,
            StatusCode::OK,
            "n={n}: the oldest batch: {batches:?}"
        );
        for (status, len) in earlier {
            assert_eq!(*status, StatusCode::PARTIAL_CONTENT, "n={n}: {batches:?}");
            assert_eq!(*len, 20, "n={n}");
        }
    }
}

#[test]
fn an_exactly_full_oldest_batch_is_200_not_206() {
    // 40 messages: the second batch is full (20) and holds the oldest message.
    let batches = walk(&CrispSim::new(config(40)));
    assert_eq!(
        batches,
        vec![
            (StatusCode::PARTIAL_CONTENT, 20),
            (StatusCode::OK, 20),
            (StatusCode::OK, 0)
        ]
    );
    // 20 messages: the first batch already holds them all.
    let batches = walk(&CrispSim::new(config(20)));
    assert_eq!(batches, vec![(StatusCode::OK, 20), (StatusCode::OK, 0)]);
}

#[test]
fn an_empty_conversation_answers_200() {
    let sim = CrispSim::new(config(0));
    assert_eq!(walk(&sim), vec![(StatusCode::OK, 0)]);
}

#[test]
fn forward_and_around_batches_say_206_while_older_messages_exist() {
    let sim = CrispSim::new(config(45));
    let path = format!(
        "/website/{}/conversation/{}/messages",
        sim.website_id(),
        sim.session_id()
    );
    let (_, all) = get(&sim, &path, "");
    let newest = all.last().unwrap()["timestamp"].as_i64().unwrap();
    let oldest_seen = all.first().unwrap()["timestamp"].as_i64().unwrap();
    // After a timestamp before everything: the batch starts at the oldest message.
    let (status, items) = get(&sim, &path, "timestamp_after=0");
    assert_eq!((status, items.len()), (StatusCode::OK, 20));
    // After the newest: nothing newer, but older messages exist.
    let (status, items) = get(&sim, &path, &format!("timestamp_after={newest}"));
    assert_eq!((status, items.len()), (StatusCode::PARTIAL_CONTENT, 0));
    let (status, _) = get(&sim, &path, &format!("timestamp_around={oldest_seen}"));
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
}

#[test]
fn the_always_ok_option_answers_200_on_every_batch() {
    let sim = CrispSim::new(CrispConfig {
        messages_always_ok: true,
        ..config(45)
    });
    let batches = walk(&sim);
    assert_eq!(batches.len(), 4, "{batches:?}");
    assert!(batches.iter().all(|b| b.0 == StatusCode::OK), "{batches:?}");
}

fn list_statuses(sim: &CrispSim, per_page: Option<usize>) -> Vec<(StatusCode, usize)> {
    let mut out = Vec::new();
    for page in 1.. {
        let path = format!("/website/{}/people/profiles/{page}", sim.website_id());
        let query = per_page
            .map(|n| format!("per_page={n}"))
            .unwrap_or_default();
        let (status, items) = get(sim, &path, &query);
        out.push((status, items.len()));
        if items.is_empty() {
            break;
        }
    }
    out
}

#[test]
fn page_numbered_lists_answer_200_even_on_a_full_page_by_default() {
    let sim = CrispSim::new(config(3));
    let pages = list_statuses(&sim, None);
    assert_eq!(
        pages,
        vec![
            (StatusCode::OK, 20),
            (StatusCode::OK, 20),
            (StatusCode::OK, 5),
            (StatusCode::OK, 0)
        ]
    );
}

#[test]
fn partial_while_full_lists_answer_206_on_full_pages_only() {
    let sim = CrispSim::new(CrispConfig {
        list_status: CrispListStatus::PartialWhileFull,
        ..config(3)
    });
    assert_eq!(
        list_statuses(&sim, None),
        vec![
            (StatusCode::PARTIAL_CONTENT, 20),
            (StatusCode::PARTIAL_CONTENT, 20),
            (StatusCode::OK, 5),
            (StatusCode::OK, 0)
        ]
    );
    // The page size is `per_page` when given: 45 people in pages of 45 is one full page.
    assert_eq!(
        list_statuses(&sim, Some(45)),
        vec![(StatusCode::PARTIAL_CONTENT, 45), (StatusCode::OK, 0)]
    );
    assert_eq!(
        list_statuses(&sim, Some(50)),
        vec![(StatusCode::OK, 45), (StatusCode::OK, 0)]
    );
}

#[tokio::test]
async fn the_status_reaches_the_wire_and_the_builder_options_apply() {
    for (always_ok, first) in [(false, 206), (true, 200)] {
        let sim = Sim::builder()
            .crisp_config(config(45))
            .crisp_message_walk_always_ok(always_ok)
            .crisp_list_status(CrispListStatus::PartialWhileFull)
            .start()
            .await
            .unwrap();
        let kp = sim
            .crisp_config()
            .keypair(CrispTier::Website)
            .unwrap()
            .clone();
        let auth = kp.authorization();
        let headers = [
            ("Authorization", auth.as_str()),
            ("X-Crisp-Tier", "website"),
        ];
        let w = sim.crisp_website_id();
        let s = sim.crisp_config().session_id();
        let messages = format!("/v1/website/{w}/conversation/{s}/messages");
        let r = common::request(sim.addr(), "GET", &messages, &headers, b"")
            .await
            .unwrap();
        assert_eq!(r.status, first, "always_ok={always_ok}");
        assert_eq!(r.json()["data"].as_array().map(Vec::len), Some(20));
        let people = format!("/v1/website/{w}/people/profiles/1");
        let r = common::request(sim.addr(), "GET", &people, &headers, b"")
            .await
            .unwrap();
        assert_eq!(r.status, 206);
    }
}
