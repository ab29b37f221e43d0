//! The `filters` parameter of the leads list (`GET /apps/{app_id}/users`).
//!
//! Wire form and sources: see [`LeadsFilter`].

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value, json};

string_enum! {
    /// How the conditions of a leads filter combine.
    pub enum FilterLogic {
        /// All must hold.
        And => "and",
        /// Any may hold.
        Or => "or",
    }
}

string_enum! {
    /// The unit of a relative date condition ([`LeadsCondition::days_more`] and the like).
    pub enum TimeUnit {
        /// Minutes.
        Minutes => "minutes",
        /// Hours.
        Hours => "hours",
        /// Days.
        Days => "days",
        /// Weeks.
        Weeks => "weeks",
    }
}

/// One condition of a leads filter: a kind, the property it tests and its operand.
///
/// Build one with the typed constructors, one per documented kind (sources and operand shapes:
/// [`LeadsFilter`]); [`LeadsCondition::new`] sends any kind and operand as given. Properties are
/// named as on the User, system ones with `$` (`$email`, `$sessions`, `$last_seen`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadsCondition {
    /// The condition's kind as sent (`known`, `eq`, `str_contains`...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Property compared.
    pub property_name: String,
    /// Operand.
    #[serde(default)]
    pub value: Value,
}

impl LeadsCondition {
    /// A condition of `kind` on `property_name` against `value`, sent exactly as given.
    pub fn new(
        kind: impl Into<String>,
        property_name: impl Into<String>,
        value: impl Into<Value>,
    ) -> Self {
        LeadsCondition {
            kind: kind.into(),
            property_name: property_name.into(),
            value: value.into(),
        }
    }

    fn no_operand(kind: &str, property: impl Into<String>) -> Self {
        Self::new(kind, property, Value::Object(Default::default()))
    }

    fn one(kind: &str, property: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(kind, property, json!({ "value": value.into() }))
    }

    fn days(kind: &str, property: impl Into<String>, amount: u64, unit: TimeUnit) -> Self {
        Self::new(
            kind,
            property,
            json!({ "value": amount, "unit": unit.as_str() }),
        )
    }

    /// `known`: the property has a value (any type).
    pub fn known(property: impl Into<String>) -> Self {
        Self::no_operand("known", property)
    }

    /// `unknown`: the property has no value (any type).
    pub fn unknown(property: impl Into<String>) -> Self {
        Self::no_operand("unknown", property)
    }

    /// `eq`: the number equals `value`. For text use [`str_eq`](Self::str_eq).
    pub fn eq(property: impl Into<String>, value: impl Into<Number>) -> Self {
        Self::one("eq", property, value.into())
    }

    /// `neq`: the number differs from `value`.
    pub fn neq(property: impl Into<String>, value: impl Into<Number>) -> Self {
        Self::one("neq", property, value.into())
    }

    /// `gt`: the number is greater than `value`.
    pub fn gt(property: impl Into<String>, value: impl Into<Number>) -> Self {
        Self::one("gt", property, value.into())
    }

    /// `gt_or_unknown`: the number is greater than `value`, or the property has no value.
    pub fn gt_or_unknown(property: impl Into<String>, value: impl Into<Number>) -> Self {
        Self::one("gt_or_unknown", property, value.into())
    }

    /// `lt`: the number is less than `value`.
    pub fn lt(property: impl Into<String>, value: impl Into<Number>) -> Self {
        Self::one("lt", property, value.into())
    }

    /// `lt_or_unknown`: the number is less than `value`, or the property has no value.
    pub fn lt_or_unknown(property: impl Into<String>, value: impl Into<Number>) -> Self {
        Self::one("lt_or_unknown", property, value.into())
    }

    /// `range`: the number lies from `from` to `to`, both included. The API has no
    /// greater-or-equal kind; this is the way to say "at least" with a bound.
    pub fn range(
        property: impl Into<String>,
        from: impl Into<Number>,
        to: impl Into<Number>,
    ) -> Self {
        Self::new(
            "range",
            property,
            json!({ "value1": from.into(), "value2": to.into() }),
        )
    }

    /// `str_eq`: the text equals `value`, ignoring case.
    pub fn str_eq(property: impl Into<String>, value: impl Into<String>) -> Self {
        Self::one("str_eq", property, value.into())
    }

    /// `str_neq`: the text differs from `value`, ignoring case.
    pub fn str_neq(property: impl Into<String>, value: impl Into<String>) -> Self {
        Self::one("str_neq", property, value.into())
    }

    /// `str_contains`: the text contains `value`, ignoring case.
    pub fn str_contains(property: impl Into<String>, value: impl Into<String>) -> Self {
        Self::one("str_contains", property, value.into())
    }

    /// `str_notcontains`: the text does not contain `value`.
    pub fn str_not_contains(property: impl Into<String>, value: impl Into<String>) -> Self {
        Self::one("str_notcontains", property, value.into())
    }

    /// `bool_true`: the boolean property is true.
    pub fn is_true(property: impl Into<String>) -> Self {
        Self::no_operand("bool_true", property)
    }

    /// `bool_false`: the boolean property is false.
    pub fn is_false(property: impl Into<String>) -> Self {
        Self::no_operand("bool_false", property)
    }

    /// `daysmore`: the date is more than `amount` `unit`s ago.
    pub fn days_more(property: impl Into<String>, amount: u64, unit: TimeUnit) -> Self {
        Self::days("daysmore", property, amount, unit)
    }

    /// `daysmore_or_unknown`: the date is more than `amount` `unit`s ago, or unset.
    pub fn days_more_or_unknown(property: impl Into<String>, amount: u64, unit: TimeUnit) -> Self {
        Self::days("daysmore_or_unknown", property, amount, unit)
    }

    /// `daysless`: the date is less than `amount` `unit`s ago.
    pub fn days_less(property: impl Into<String>, amount: u64, unit: TimeUnit) -> Self {
        Self::days("daysless", property, amount, unit)
    }

    /// `daysless_or_unknown`: the date is less than `amount` `unit`s ago, or unset.
    pub fn days_less_or_unknown(property: impl Into<String>, amount: u64, unit: TimeUnit) -> Self {
        Self::days("daysless_or_unknown", property, amount, unit)
    }

    /// `lcontains`: the list property contains `item`.
    pub fn list_contains(property: impl Into<String>, item: impl Into<String>) -> Self {
        Self::one("lcontains", property, item.into())
    }
}

/// The `filters` parameter of the leads list, sent as JSON text in one query value.
///
/// A filter is `{"type": "and"|"or", "filters": [condition, ...]}`; each condition is
/// `{"type": kind, "property_name": name, "value": operand}`. The operand is an object: `{}` for
/// the kinds that take none, `{"value": x}` for one value, `{"value1": a, "value2": b}` for a
/// range, `{"value": n, "unit": u}` for dates.
///
/// Sources for the kinds and operand shapes: the vendor's "User filters" page
/// (`developers.dashly.io/filters`, mirrored at `dashly.io/developers/filters`) for the general,
/// number and string kinds; the public PHP client `EvgnEkb/carrot-quest-api-php-client`
/// (`UsersFilter.php`), which `docs/api/carrot-api.md` §6 points to, for `str_notcontains`, the
/// boolean, date and list kinds. That client sends the operand JSON-encoded inside a string and an
/// empty string for the kinds without one; the vendor page shows objects, which is what these
/// constructors send. String comparisons are case-insensitive on the server (vendor page).
///
/// Kinds without a constructor here can still be sent with [`LeadsCondition::new`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadsFilter {
    /// How the conditions combine.
    #[serde(rename = "type")]
    pub logic: FilterLogic,
    /// The conditions.
    pub filters: Vec<LeadsCondition>,
}

impl LeadsFilter {
    /// A filter combining `filters` with `logic`.
    pub fn new(logic: FilterLogic, filters: Vec<LeadsCondition>) -> Self {
        LeadsFilter { logic, filters }
    }

    /// Leads matching every one of `filters`.
    pub fn all(filters: Vec<LeadsCondition>) -> Self {
        Self::new(FilterLogic::And, filters)
    }

    /// Leads matching at least one of `filters`.
    pub fn any(filters: Vec<LeadsCondition>) -> Self {
        Self::new(FilterLogic::Or, filters)
    }
}
