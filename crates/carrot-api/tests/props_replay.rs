//! The replay class of a props request, checked against a small reference model of the seven
//! operations: a request classed safe must leave the same properties whether it is applied once
//! or twice (a re-send after a lost answer), from any starting state.

mod support;

use chatdesk_carrot_api::model::{PropOp, PropOperation};
use chatdesk_carrot_api::{SetProps, UserRef};
use chatdesk_transport::{Replay, RequestMeta};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use support::offline_client;

fn props(ops: &[PropOperation]) -> SetProps {
    offline_client()
        .user(UserRef::external("customer-42"))
        .props()
        .operations(ops.iter().cloned())
}

/// The class the transport sees on the (single) request of `ops`.
fn class(builder: SetProps) -> Replay {
    let requests = builder.to_requests().expect("requests");
    assert_eq!(requests.len(), 1);
    RequestMeta::of(&requests[0]).replay
}

fn class_of(ops: &[PropOperation]) -> Replay {
    class(props(ops))
}

/// The rule before the fix, which is still right when every key has one operation: safe when
/// every operation converges on its own.
fn converges_alone(op: &PropOp) -> bool {
    matches!(
        op,
        PropOp::UpdateOrCreate | PropOp::SetOnce | PropOp::Delete | PropOp::Union | PropOp::Exclude
    )
}

#[test]
fn exclude_then_set_once_on_one_key_is_unsafe() {
    let ops = [
        PropOperation::exclude("tags", json!(["vip"])),
        PropOperation::set_once("tags", json!(["vip"])),
    ];
    assert_eq!(class_of(&ops), Replay::Unsafe);
    // The reference model agrees that this request is not idempotent: absent -> ["vip"] once,
    // [] twice (an empty list being a value).
    let once = apply_all(&State::new(), &ops, Semantics::default());
    let twice = apply_all(&once, &ops, Semantics::default());
    assert_ne!(once, twice);
}

#[test]
fn combinations_on_one_key() {
    let list = || json!(["x", "y"]);
    let cases: Vec<(Vec<PropOperation>, Replay)> = vec![
        // Scalar operations combine freely.
        (
            vec![
                PropOperation::update_or_create("a", 1),
                PropOperation::update_or_create("a", 2),
            ],
            Replay::Safe,
        ),
        (
            vec![
                PropOperation::delete("a"),
                PropOperation::set_once("a", 1),
                PropOperation::update_or_create("a", 3),
                PropOperation::set_once("a", 4),
            ],
            Replay::Safe,
        ),
        // A list operation must be alone on its key.
        (
            vec![
                PropOperation::exclude("a", json!(["x"])),
                PropOperation::union("a", list()),
            ],
            Replay::Unsafe,
        ),
        (
            vec![
                PropOperation::union("a", list()),
                PropOperation::union("a", list()),
            ],
            Replay::Unsafe,
        ),
        (
            vec![
                PropOperation::update_or_create("a", list()),
                PropOperation::union("a", list()),
            ],
            Replay::Unsafe,
        ),
        // Keys differing only in case count as one key.
        (
            vec![
                PropOperation::exclude("Tags", json!(["vip"])),
                PropOperation::set_once("tags", json!(["vip"])),
            ],
            Replay::Unsafe,
        ),
        // Different keys do not interact.
        (
            vec![
                PropOperation::exclude("a", json!(["x"])),
                PropOperation::union("b", list()),
                PropOperation::set_once("c", 1),
                PropOperation::set_once("c", 2),
            ],
            Replay::Safe,
        ),
    ];
    for (ops, want) in cases {
        assert_eq!(class_of(&ops), want, "{ops:?}");
    }
}

#[test]
fn double_subscribe_keeps_an_otherwise_safe_request_unsafe() {
    let ops = [PropOperation::update_or_create("$email", "a@example.com")];
    assert_eq!(class_of(&ops), Replay::Safe);
    assert_eq!(class(props(&ops).double_subscribe(true)), Replay::Unsafe);
    assert_eq!(class(props(&ops).double_subscribe(false)), Replay::Safe);
}

// ---- reference model ----------------------------------------------------------------------

/// A property value, as far as the operations tell them apart.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Num(i64),
    Str(String),
    List(Vec<String>),
}

type State = BTreeMap<String, Val>;

/// The points the docs leave open; the rule must hold whichever way the server decides them.
#[derive(Debug, Clone, Copy, Default)]
struct Semantics {
    /// `set_once` treats an empty string or list as "no value yet".
    empty_is_unset: bool,
    /// `update_or_create` and `set_once` with an empty value are ignored ("empty values").
    ignore_empty: bool,
    /// `exclude` on a missing key stores an empty list (else it leaves the key missing).
    exclude_creates: bool,
}

fn val(v: &Value) -> Option<Val> {
    match v {
        Value::Number(n) => n.as_i64().map(Val::Num),
        Value::String(s) => Some(Val::Str(s.clone())),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(Val::List),
        _ => None,
    }
}

fn items(v: &Value) -> Vec<String> {
    match val(v) {
        Some(Val::List(l)) => l,
        Some(Val::Str(s)) => vec![s],
        _ => Vec::new(),
    }
}

fn is_empty(v: &Val) -> bool {
    matches!(v, Val::Str(s) if s.is_empty()) || matches!(v, Val::List(l) if l.is_empty())
}

/// One operation, as docs/api/carrot-api.md §5.2 describes it; a value of the wrong type is
/// ignored.
fn apply(state: &mut State, op: &PropOperation, sem: Semantics) {
    let key = op.key.clone();
    let current = state.get(&key).cloned();
    let operand = val(&op.value);
    let ignored = |v: &Val| sem.ignore_empty && is_empty(v);
    match op.op {
        PropOp::UpdateOrCreate => {
            if let Some(v) = operand.filter(|v| !ignored(v)) {
                state.insert(key, v);
            }
        }
        PropOp::SetOnce => {
            let unset = current
                .as_ref()
                .is_none_or(|c| sem.empty_is_unset && is_empty(c));
            if let Some(v) = operand.filter(|v| unset && !ignored(v)) {
                state.insert(key, v);
            }
        }
        PropOp::Add => match (current, operand) {
            (None, Some(Val::Num(n))) => {
                state.insert(key, Val::Num(n));
            }
            (Some(Val::Num(c)), Some(Val::Num(n))) => {
                state.insert(key, Val::Num(c + n));
            }
            _ => {}
        },
        PropOp::Delete => {
            state.remove(&key);
        }
        PropOp::Append | PropOp::Union => {
            let mut list = match current {
                None => Vec::new(),
                Some(Val::List(l)) => l,
                Some(_) => return,
            };
            for item in items(&op.value) {
                if op.op == PropOp::Append || !list.contains(&item) {
                    list.push(item);
                }
            }
            state.insert(key, Val::List(list));
        }
        PropOp::Exclude => match current {
            None if sem.exclude_creates => {
                state.insert(key, Val::List(Vec::new()));
            }
            Some(Val::List(mut l)) => {
                let gone = items(&op.value);
                l.retain(|i| !gone.contains(i));
                state.insert(key, Val::List(l));
            }
            _ => {}
        },
        PropOp::Other(_) => {}
    }
}

fn apply_all(state: &State, ops: &[PropOperation], sem: Semantics) -> State {
    let mut state = state.clone();
    for op in ops {
        apply(&mut state, op, sem);
    }
    state
}

// ---- random requests ----------------------------------------------------------------------

const KEYS: [&str; 3] = ["a", "b", "c"];

fn key() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&KEYS[..])
}

fn item_list() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(vec!["x", "y"]), 0..3)
        .prop_map(|l| l.into_iter().map(str::to_owned).collect())
}

fn any_val() -> impl Strategy<Value = Val> {
    prop_oneof![
        (-1i64..3).prop_map(Val::Num),
        prop::sample::select(vec!["", "x"]).prop_map(|s| Val::Str(s.to_owned())),
        item_list().prop_map(Val::List),
    ]
}

fn to_json(v: &Val) -> Value {
    match v {
        Val::Num(n) => json!(n),
        Val::Str(s) => json!(s),
        Val::List(l) => json!(l),
    }
}

fn operation() -> impl Strategy<Value = PropOperation> {
    // Scalar operations weigh more, so that a good share of requests is classed safe.
    prop_oneof![
        3 => (key(), any_val()).prop_map(|(k, v)| PropOperation::update_or_create(k, to_json(&v))),
        3 => (key(), any_val()).prop_map(|(k, v)| PropOperation::set_once(k, to_json(&v))),
        2 => key().prop_map(PropOperation::delete),
        1 => (key(), -1i64..2).prop_map(|(k, n)| PropOperation::add(k, n)),
        1 => (key(), prop::sample::select(vec!["x", "y"])).prop_map(|(k, i)| PropOperation::append(k, i)),
        2 => (key(), item_list()).prop_map(|(k, l)| PropOperation::union(k, json!(l))),
        2 => (key(), item_list()).prop_map(|(k, l)| PropOperation::exclude(k, json!(l))),
    ]
}

fn state() -> impl Strategy<Value = State> {
    prop::collection::vec(prop::option::of(any_val()), KEYS.len()).prop_map(|vals| {
        KEYS.iter()
            .zip(vals)
            .filter_map(|(k, v)| Some(((*k).to_owned(), v?)))
            .collect()
    })
}

fn semantics() -> impl Strategy<Value = Semantics> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(a, b, c)| Semantics {
        empty_is_unset: a,
        ignore_empty: b,
        exclude_creates: c,
    })
}

proptest! {
    // 2000 cases in CI; more when `PROPTEST_CASES` asks for more (`cargo xtask fuzz`).
    #![proptest_config(ProptestConfig::with_cases(ProptestConfig::default().cases.max(2000)))]

    /// Safe means idempotent: from any state, under any reading of the open points, a second
    /// copy of the request changes nothing.
    #[test]
    fn requests_classed_safe_are_idempotent(
        ops in prop::collection::vec(operation(), 1..6),
        start in state(),
        sem in semantics(),
    ) {
        if class_of(&ops) == Replay::Safe {
            let once = apply_all(&start, &ops, sem);
            let twice = apply_all(&once, &ops, sem);
            prop_assert_eq!(once, twice, "{:?} from {:?} under {:?}", ops, start, sem);
        }
    }

    /// With one operation per key, the class is what it was before combinations were checked:
    /// safe exactly when every operation converges on its own.
    #[test]
    fn one_operation_per_key_keeps_its_class(ops in prop::collection::vec(operation(), 1..6)) {
        let ops: Vec<PropOperation> = ops
            .into_iter()
            .enumerate()
            .map(|(i, op)| PropOperation { key: format!("key{i}"), ..op })
            .collect();
        let want = if ops.iter().all(|op| converges_alone(&op.op)) {
            Replay::Safe
        } else {
            Replay::Unsafe
        };
        prop_assert_eq!(class_of(&ops), want);
    }
}
