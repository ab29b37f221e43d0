//! User properties: `POST /users/{user}/props` and its operations.
//!
//! The endpoint answers `data = {}`; what it did is in `meta.affected_props` and
//! `meta.ignored_operations` (see [`PropsOutcome`]).

use crate::carrot::common::AppRef;
use crate::carrot::envelope::Meta;
use crate::carrot::wire::{json_text, opt_json_text};
use serde::{Deserialize, Serialize};
use serde_json::Value;

string_enum! {
    /// What a property operation does.
    pub enum PropOp {
        /// Set the value, creating the property if needed.
        UpdateOrCreate => "update_or_create",
        /// Set the value only if the property has none yet.
        SetOnce => "set_once",
        /// Add a number (negative to subtract); a missing property counts as 0.
        Add => "add",
        /// Remove the property; the value is ignored.
        Delete => "delete",
        /// Add an item to a list property.
        Append => "append",
        /// Add items to a list property, skipping ones already there.
        Union => "union",
        /// Remove items from a list property.
        Exclude => "exclude",
    }
}

/// One `{op, key, value}` entry of the `operations` parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PropOperation {
    /// The operation.
    pub op: PropOp,
    /// Property name; system properties start with `$`.
    pub key: String,
    /// The operand. The server keeps numbers within ±2^53, strings of up to 255 characters,
    /// ISO 8601 dates (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`), booleans, and lists of at most 30
    /// strings of up to 255 characters each (docs/api/carrot-api.md §5.2).
    pub value: Value,
}

impl PropOperation {
    /// An operation of any kind.
    pub fn new(op: PropOp, key: impl Into<String>, value: impl Into<Value>) -> Self {
        PropOperation {
            op,
            key: key.into(),
            value: value.into(),
        }
    }

    /// Sets `key` to `value`.
    pub fn update_or_create(key: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(PropOp::UpdateOrCreate, key, value)
    }

    /// Sets `key` to `value` unless it already has a value.
    pub fn set_once(key: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(PropOp::SetOnce, key, value)
    }

    /// Adds `amount` to the number in `key`.
    pub fn add(key: impl Into<String>, amount: impl Into<Value>) -> Self {
        Self::new(PropOp::Add, key, amount)
    }

    /// Removes `key`; sends `0` as the ignored value, as the vendor's own integrations do.
    pub fn delete(key: impl Into<String>) -> Self {
        Self::new(PropOp::Delete, key, 0)
    }

    /// Appends `item` to the list in `key`.
    pub fn append(key: impl Into<String>, item: impl Into<Value>) -> Self {
        Self::new(PropOp::Append, key, item)
    }

    /// Adds `items` to the list in `key`, skipping duplicates.
    pub fn union(key: impl Into<String>, items: impl Into<Value>) -> Self {
        Self::new(PropOp::Union, key, items)
    }

    /// Removes `items` from the list in `key`.
    pub fn exclude(key: impl Into<String>, items: impl Into<Value>) -> Self {
        Self::new(PropOp::Exclude, key, items)
    }
}

/// The most operations one request may carry.
pub const MAX_PROP_OPERATIONS: usize = 250;

/// The JSON text of the `operations` parameter: `[{"op":..,"key":..,"value":..},...]`.
pub fn operations_json(ops: &[PropOperation]) -> Result<String, serde_json::Error> {
    serde_json::to_string(ops)
}

params_struct! {
    /// Form of `POST /users/{user}/props`.
    #[derive(Default)]
    pub struct SetPropsParams {
        /// The operations, at most [`MAX_PROP_OPERATIONS`]; sent as one JSON array.
        #[serde(serialize_with = "json_text")]
        pub operations: Vec<PropOperation>,
        /// Ask for double opt-in when setting `$email`.
        pub double_subscribe: Option<bool>,
        /// Detect custom value types, so `"123"` becomes a number (server default true).
        pub parse_custom_props_type: Option<bool>,
        /// Where an e-mail or phone came from (sent as a JSON object).
        #[serde(serialize_with = "opt_json_text")]
        pub source: Option<Value>,
        /// The app, when not the token's.
        pub app: Option<AppRef>,
    }
}

impl SetPropsParams {
    /// Applies `operations`.
    pub fn new(operations: Vec<PropOperation>) -> Self {
        SetPropsParams {
            operations,
            ..Self::default()
        }
    }
}

/// What `POST /users/{user}/props` did, read from the response `meta`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropsOutcome {
    /// Names of the properties that changed.
    #[serde(default)]
    pub affected_props: Vec<String>,
    /// Operations the server skipped, as sent back (shape not documented).
    #[serde(default)]
    pub ignored_operations: Vec<Value>,
}

impl PropsOutcome {
    /// Reads the outcome out of a response `meta`; missing lists are empty.
    pub fn from_meta(meta: &Meta) -> Self {
        PropsOutcome {
            affected_props: meta.affected_props.clone().unwrap_or_default(),
            ignored_operations: meta.ignored_operations.clone().unwrap_or_default(),
        }
    }

    /// The ignored operations that have the `{op, key, value}` shape.
    pub fn ignored_as_operations(&self) -> Vec<PropOperation> {
        self.ignored_operations
            .iter()
            .filter_map(|v| serde_json::from_value(v.clone()).ok())
            .collect()
    }
}
