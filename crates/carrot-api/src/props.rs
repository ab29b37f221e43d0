//! User properties: a typed operations builder that splits past the 250-operation limit.

use crate::call::Call;
use crate::client::{CarrotClient, UserRef};
use crate::endpoints::UserProps;
use chatdesk_model::carrot::{
    AppRef, MAX_PROP_OPERATIONS, PropOp, PropOperation, PropsOutcome, SetPropsParams,
};
use chatdesk_transport::{Body, BoxFuture, Endpoint, Error, http::Request};
use serde_json::Value;
use std::fmt;

/// `POST /users/{user}/props`: property operations for one user.
///
/// More than [`MAX_PROP_OPERATIONS`] (250) operations are split into several requests of at most
/// 250, sent **in order, one after the other**; the first failure stops the sequence and
/// [`PropsError::applied`] says how many operations the server had accepted before it. The
/// outcome (`affected_props`, `ignored_operations`) is merged over the requests.
///
/// Each request is sent as replay-safe when all its operations converge (`update_or_create`,
/// `set_once`, `delete`, `union`, `exclude`) and `double_subscribe` is off; `add` or `append`
/// make it unsafe, so the transport never re-sends it after it may have been applied. A re-sent
/// safe request may report as ignored what its lost first copy had changed.
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
    client: CarrotClient,
    user: UserRef,
    params: SetPropsParams,
}

impl fmt::Debug for SetProps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SetProps")
            .field("user", &self.user)
            .field("operations", &self.params.operations.len())
            .finish_non_exhaustive()
    }
}

impl SetProps {
    pub(crate) fn new(client: CarrotClient, user: UserRef) -> SetProps {
        SetProps {
            client,
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
                Call::new(
                    &self.client,
                    vec![self.user.path_segment()],
                    Some(self.user.clone()),
                    params,
                )
            })
            .collect()
    }

    /// The exact requests that would be sent, in order, without sending them.
    pub fn to_requests(&self) -> Result<Vec<Request<Body>>, Error> {
        if self.is_empty() {
            return Err(no_operations());
        }
        self.chunks().iter().map(Endpoint::to_request).collect()
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
                let n = chunk.parameters().operations.len();
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
