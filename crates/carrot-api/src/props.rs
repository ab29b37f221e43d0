//! User properties: a typed operations builder that splits past the 250-operation limit.

use crate::call::Call;
use crate::groups::{Handle, User};
use crate::ops::UserProps;
use chatdesk_model::carrot::{
    AppRef, MAX_PROP_OPERATIONS, PropOp, PropOperation, PropsOutcome, SetPropsParams,
};
use chatdesk_transport::{Body, BoxFuture, Error, Replay, http::Request};
use serde_json::Value;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;

/// `POST /users/{user}/props`: property operations for one user.
///
/// More than [`MAX_PROP_OPERATIONS`] (250) operations are split into several requests of at most
/// 250, sent **in order, one after the other**; the first failure stops the sequence and
/// [`PropsError::applied`] says how many operations the server had accepted before it. The
/// outcome (`affected_props`, `ignored_operations`) is merged over the requests.
///
/// Each request is sent as replay-safe only when applying it twice provably leaves the same
/// properties as applying it once: `double_subscribe` is off, no operation is `add` or
/// `append`, and every key (compared ignoring case) is touched either only by
/// `update_or_create` / `set_once` / `delete`, in any number and order, or by a single `union`
/// or a single `exclude`. Any sequence of the first three on one key is idempotent; a list
/// operation next to another one on its key need not be (`exclude(["vip"])` then
/// `set_once(["vip"])` ends as `["vip"]` sent once and `[]` sent twice). Any other request is
/// unsafe, so the transport never re-sends it after it may have been applied. A re-sent safe
/// request may report as ignored what its lost first copy had changed.
///
/// ```
/// # use chatdesk_carrot_api::{CarrotClient, UserRef};
/// # use chatdesk_transport::Endpoint;
/// let client = CarrotClient::new("app.1.secret");
/// let props = client
///     .user(UserRef::external("customer-42"))
///     .props()
///     .update_or_create("$name", "Ada Lovelace")
///     .set_once("first_seen_plan", "trial")
///     .add("orders", 1)
///     .union("interests", serde_json::json!(["math", "engines"]))
///     .delete("legacy_flag");
/// assert_eq!(props.len(), 5);
/// let requests = props.to_requests().unwrap();
/// assert_eq!(requests.len(), 1);
/// assert_eq!(requests[0].uri().path(), "/v1/users/customer-42/props");
/// ```
#[must_use = "a props builder does nothing until it is awaited"]
#[derive(Clone)]
pub struct SetProps {
    user: User,
    params: SetPropsParams,
}

impl fmt::Debug for SetProps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SetProps")
            .field("user", self.user.user_ref())
            .field("operations", &self.params.operations.len())
            .finish_non_exhaustive()
    }
}

impl SetProps {
    pub(crate) fn new(user: User) -> SetProps {
        SetProps {
            user,
            params: SetPropsParams::default(),
        }
    }

    /// Adds one operation.
    pub fn operation(mut self, op: PropOperation) -> Self {
        self.params.operations.push(op);
        self
    }

    /// Adds operations, in order.
    pub fn operations(mut self, ops: impl IntoIterator<Item = PropOperation>) -> Self {
        self.params.operations.extend(ops);
        self
    }

    fn op(self, op: PropOp, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.operation(PropOperation::new(op, key, value))
    }

    /// Sets `key` to `value`, creating the property if needed.
    pub fn update_or_create(self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.op(PropOp::UpdateOrCreate, key, value)
    }

    /// Sets `key` to `value` only if it has no value yet.
    pub fn set_once(self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.op(PropOp::SetOnce, key, value)
    }

    /// Adds `amount` (negative to subtract) to the number in `key`.
    pub fn add(self, key: impl Into<String>, amount: impl Into<Value>) -> Self {
        self.op(PropOp::Add, key, amount)
    }

    /// Removes `key`.
    pub fn delete(self, key: impl Into<String>) -> Self {
        self.operation(PropOperation::delete(key))
    }

    /// Appends `item` to the list in `key`.
    pub fn append(self, key: impl Into<String>, item: impl Into<Value>) -> Self {
        self.op(PropOp::Append, key, item)
    }

    /// Adds `items` to the list in `key`, skipping ones already there.
    pub fn union(self, key: impl Into<String>, items: impl Into<Value>) -> Self {
        self.op(PropOp::Union, key, items)
    }

    /// Removes `items` from the list in `key`.
    pub fn exclude(self, key: impl Into<String>, items: impl Into<Value>) -> Self {
        self.op(PropOp::Exclude, key, items)
    }

    /// Asks for double opt-in when `$email` is set.
    pub fn double_subscribe(mut self, yes: bool) -> Self {
        self.params.double_subscribe = Some(yes);
        self
    }

    /// Whether custom values are typed by the server (`"123"` becomes a number; default true).
    pub fn parse_custom_props_type(mut self, yes: bool) -> Self {
        self.params.parse_custom_props_type = Some(yes);
        self
    }

    /// Where an e-mail or phone came from.
    pub fn source(mut self, source: Value) -> Self {
        self.params.source = Some(source);
        self
    }

    /// The app, when not the token's.
    pub fn app(mut self, app: impl Into<AppRef>) -> Self {
        self.params.app = Some(app.into());
        self
    }

    /// How many operations are queued.
    pub fn len(&self) -> usize {
        self.params.operations.len()
    }

    /// Whether no operation is queued.
    pub fn is_empty(&self) -> bool {
        self.params.operations.is_empty()
    }

    /// The requests this builder sends, in order: one per 250 operations.
    pub fn chunks(&self) -> Vec<Call<UserProps>> {
        self.params
            .operations
            .chunks(MAX_PROP_OPERATIONS)
            .map(|ops| {
                let params = SetPropsParams {
                    operations: ops.to_vec(),
                    ..self.params.clone()
                };
                self.user.call::<UserProps>(params)
            })
            .collect()
    }

    /// The exact requests that would be sent, in order, without sending them.
    pub fn to_requests(&self) -> Result<Vec<Request<Body>>, Error> {
        if self.is_empty() {
            return Err(no_operations());
        }
        self.chunks().iter().map(Call::to_request).collect()
    }

    /// Sends the requests in order and merges their outcomes.
    pub fn send(self) -> BoxFuture<Result<PropsOutcome, PropsError>> {
        let total = self.len();
        let chunks = self.chunks();
        Box::pin(async move {
            let mut merged = PropsOutcome::default();
            let mut applied = 0usize;
            if chunks.is_empty() {
                return Err(PropsError {
                    applied,
                    total,
                    outcome: merged,
                    source: no_operations(),
                });
            }
            for chunk in chunks {
                let n = chunk.params().operations.len();
                match chunk.send().await {
                    Ok(outcome) => {
                        merged.affected_props.extend(outcome.affected_props);
                        merged.ignored_operations.extend(outcome.ignored_operations);
                        applied += n;
                    }
                    Err(source) => {
                        return Err(PropsError {
                            applied,
                            total,
                            outcome: merged,
                            source,
                        });
                    }
                }
            }
            Ok(merged)
        })
    }
}

/// How an operation acts on its key, as far as the replay rule of [`replay_class`] cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    /// `update_or_create`, `set_once`, `delete`: any sequence of them on one key is idempotent.
    Scalar,
    /// `union` or `exclude`: idempotent alone, not provably so next to another operation.
    List,
    /// `add`, `append`, or an operation this crate does not know: never idempotent.
    Accumulates,
}

fn effect(op: &PropOp) -> Effect {
    match op {
        PropOp::UpdateOrCreate | PropOp::SetOnce | PropOp::Delete => Effect::Scalar,
        PropOp::Union | PropOp::Exclude => Effect::List,
        PropOp::Add | PropOp::Append | PropOp::Other(_) => Effect::Accumulates,
    }
}

/// The replay class of one props request: [`Replay::Safe`] only when applying the request a
/// second time (a re-send after a lost answer) cannot change what one copy left.
///
/// The rule: `double_subscribe` is not on (it may send a confirmation e-mail per request), no
/// operation is `add`, `append` or unknown, and for every key (compared ignoring case, since
/// the docs do not say whether the server does) its operations are either
/// - any number of `update_or_create`, `set_once` and `delete`, in any order, or
/// - exactly one `union`, or exactly one `exclude`.
///
/// Otherwise `None`: the endpoint's declared class (unsafe) applies.
///
/// Why this is enough. The request changes each key by the composition `g` of the operations
/// on that key, applied in order; two copies apply `g` twice, so the request is safe when
/// `g(g(s)) == g(s)` for every key and every state `s`. Say a key "has no value" when it is
/// absent (or whatever else the server counts as unset). Each scalar operation acts on a key as
/// one of three maps: *constant* `c` (`update_or_create`, `delete`), *identity* (an operation
/// the server ignores for its operand, say an empty value), or *fill* `c`: "`c` if there is no
/// value, else unchanged" (`set_once`). These maps are closed under composition (a constant
/// composed with anything, in either order, is a constant; identity changes nothing; fill `c`
/// after fill `d` is fill `d` when `d` is a value, else fill `c`), and each is idempotent (fill
/// `c` applied to its own result `c` gives `c` again). So every all-scalar sequence is
/// idempotent. A lone `union` leaves its items present and a lone `exclude` leaves them
/// absent, so a second copy changes nothing. Combinations outside the rule are not:
/// `exclude(["vip"])` then `set_once(["vip"])` on an absent key leaves `["vip"]` once and `[]`
/// twice (when an empty list counts as a value); `exclude(["x"])` then `union(["x", "y"])` on
/// an empty list leaves `["x", "y"]` once and `["y", "x"]` twice; `add` and `append` accumulate.
///
/// Assumed, as everywhere in this crate: the server applies a request's operations in order,
/// operations on different keys do not interact, and whether it ignores an operation depends on
/// the operand and not on the stored value (apart from `set_once` finding a value, and a value
/// equal to the stored one, which change nothing either way).
pub(crate) fn replay_class(params: &SetPropsParams) -> Option<Replay> {
    if params.double_subscribe == Some(true) {
        return None;
    }
    let mut keys: BTreeMap<String, Effect> = BTreeMap::new();
    for op in &params.operations {
        let effect = effect(&op.op);
        if effect == Effect::Accumulates {
            return None;
        }
        match keys.entry(op.key.to_lowercase()) {
            Entry::Vacant(slot) => {
                slot.insert(effect);
            }
            Entry::Occupied(seen) => {
                if (*seen.get(), effect) != (Effect::Scalar, Effect::Scalar) {
                    return None;
                }
            }
        }
    }
    Some(Replay::Safe)
}

fn no_operations() -> Error {
    Error::invalid("set_user_props: no operations to send")
}

impl std::future::IntoFuture for SetProps {
    type Output = Result<PropsOutcome, PropsError>;
    type IntoFuture = BoxFuture<Self::Output>;
    fn into_future(self) -> Self::IntoFuture {
        self.send()
    }
}

/// A props update that stopped part-way: the requests before the failing one were applied.
#[derive(Debug)]
#[non_exhaustive]
pub struct PropsError {
    /// Operations the server accepted before the failure (a multiple of 250).
    pub applied: usize,
    /// Operations queued in all.
    pub total: usize,
    /// The merged outcome of the requests that succeeded.
    pub outcome: PropsOutcome,
    /// Why the next request failed.
    pub source: Error,
}

impl PropsError {
    /// The underlying error, dropping the progress information.
    pub fn into_error(self) -> Error {
        self.source
    }
}

impl fmt::Display for PropsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "user props: {} of {} operations applied before a request failed",
            self.applied, self.total
        )
    }
}

impl std::error::Error for PropsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

impl From<PropsError> for Error {
    fn from(e: PropsError) -> Error {
        e.source
    }
}
