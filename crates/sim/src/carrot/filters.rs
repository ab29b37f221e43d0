//! The `filters` parameter of the leads list: `{type: and|or, filters: [condition, ...]}`.
//!
//! A condition is `{type, property_name, value}` and its `value` is always an object: `{}` for
//! the kinds without an operand, `{"value": x}` for one operand, `{"value1": a, "value2": b}` for
//! `range`, `{"value": n, "unit": u}` for the relative date kinds. The kinds and shapes follow the
//! vendor's "User filters" page (developers.dashly.io/filters; its Carrot twin
//! developers.carrotquest.io/filters) and, for the kinds that page names without an example
//! (`str_notcontains`, booleans, dates, lists), the public PHP client's filter builder listed in
//! `docs/api/carrot-api.md`. Anything else (a bare operand, an unknown kind, an operand of the
//! wrong type) is a `ValidationError` on `filters`, so a client sending a kind the live API does
//! not know fails here too.
//!
//! Choices where the sources are silent: only `unknown` and the `*_or_unknown` kinds match a user
//! without the property (so `neq`, `str_neq` and `str_notcontains` need a value); number kinds
//! compare numbers (a numeric string counts, other values never match); string kinds compare
//! text ignoring case (numbers and booleans by their JSON text); dates are Unix seconds.

use std::time::{SystemTime, UNIX_EPOCH};

use super::*;
use apps::text;

/// What a leads filter is checked against: the user's property by name, and the time now.
pub(super) struct Filter<'a> {
    any: bool,
    conditions: Vec<Condition<'a>>,
}

/// One parsed condition.
struct Condition<'a> {
    property: &'a str,
    test: Test<'a>,
}

/// A condition's kind with its operand, checked once before any user is looked at.
enum Test<'a> {
    Known,
    Unknown,
    Num(NumOp, f64),
    Range(f64, f64),
    Str(StrOp, String),
    Bool(bool),
    Date {
        more: bool,
        or_unknown: bool,
        seconds: f64,
    },
    ListContains(&'a Value),
}

#[derive(Clone, Copy)]
enum NumOp {
    Eq,
    Neq,
    Gt { or_unknown: bool },
    Lt { or_unknown: bool },
}

#[derive(Clone, Copy)]
enum StrOp {
    Eq,
    Neq,
    Contains,
    NotContains,
}

fn bad(message: impl Into<String>) -> ApiErr {
    validation("filters", message)
}

impl<'a> Filter<'a> {
    /// Parses `filters`; every malformed part is a `ValidationError`.
    pub(super) fn parse(filters: &'a Value) -> Res<Self> {
        let list = filters
            .get("filters")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("filters must be {type, filters: [...]}"))?;
        let any = match filters.get("type").and_then(Value::as_str) {
            None | Some("and") => false,
            Some("or") => true,
            Some(_) => return Err(bad("filters.type must be and or or")),
        };
        let conditions = list.iter().map(Condition::parse).collect::<Res<_>>()?;
        Ok(Filter { any, conditions })
    }

    /// Whether `u` passes, with `now` in Unix seconds for the date kinds.
    pub(super) fn matches(&self, u: &User, now: f64) -> bool {
        if self.conditions.is_empty() {
            return true;
        }
        let mut each = self.conditions.iter().map(|c| c.matches(u, now));
        if self.any {
            each.any(|x| x)
        } else {
            each.all(|x| x)
        }
    }
}

/// The time now in Unix seconds (wall clock).
pub(super) fn now_secs() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

fn number(v: Option<&Value>, what: &str) -> Res<f64> {
    v.and_then(json_f64)
        .filter(|n| n.is_finite())
        .ok_or_else(|| bad(format!("{what} must be a number")))
}

impl<'a> Condition<'a> {
    fn parse(f: &'a Value) -> Res<Self> {
        let kind = f
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("each filter needs type and property_name"))?;
        let property = f
            .get("property_name")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("each filter needs type and property_name"))?;
        let operand = f
            .get("value")
            .and_then(Value::as_object)
            .ok_or_else(|| bad(format!("the value of a `{kind}` filter must be an object")))?;
        let one = || operand.get("value");
        let string = || {
            one()
                .and_then(Value::as_str)
                .map(str::to_lowercase)
                .ok_or_else(|| bad(format!("value.value of a `{kind}` filter must be a string")))
        };
        let num = || number(one(), "value.value");
        let date = |more: bool, or_unknown: bool| -> Res<Test<'a>> {
            let amount = one()
                .and_then(Value::as_u64)
                .ok_or_else(|| bad("value.value of a date filter must be a whole number"))?;
            let unit = match operand.get("unit").and_then(Value::as_str) {
                Some("minutes") => 60.0,
                Some("hours") => 3_600.0,
                Some("days") => 86_400.0,
                Some("weeks") => 604_800.0,
                _ => return Err(bad("value.unit must be minutes, hours, days or weeks")),
            };
            Ok(Test::Date {
                more,
                or_unknown,
                seconds: amount as f64 * unit,
            })
        };
        let test = match kind {
            "known" => Test::Known,
            "unknown" => Test::Unknown,
            "eq" => Test::Num(NumOp::Eq, num()?),
            "neq" => Test::Num(NumOp::Neq, num()?),
            "gt" => Test::Num(NumOp::Gt { or_unknown: false }, num()?),
            "gt_or_unknown" => Test::Num(NumOp::Gt { or_unknown: true }, num()?),
            "lt" => Test::Num(NumOp::Lt { or_unknown: false }, num()?),
            "lt_or_unknown" => Test::Num(NumOp::Lt { or_unknown: true }, num()?),
            "range" => Test::Range(
                number(operand.get("value1"), "value.value1")?,
                number(operand.get("value2"), "value.value2")?,
            ),
            "str_eq" => Test::Str(StrOp::Eq, string()?),
            "str_neq" => Test::Str(StrOp::Neq, string()?),
            "str_contains" => Test::Str(StrOp::Contains, string()?),
            "str_notcontains" => Test::Str(StrOp::NotContains, string()?),
            "bool_true" => Test::Bool(true),
            "bool_false" => Test::Bool(false),
            "daysmore" => date(true, false)?,
            "daysmore_or_unknown" => date(true, true)?,
            "daysless" => date(false, false)?,
            "daysless_or_unknown" => date(false, true)?,
            "lcontains" => Test::ListContains(
                one().ok_or_else(|| bad("value.value of a `lcontains` filter is required"))?,
            ),
            other => return Err(bad(format!("unknown filter type `{other}`"))),
        };
        Ok(Condition { property, test })
    }

    fn matches(&self, u: &User, now: f64) -> bool {
        let owned;
        let have = if self.property == "$user_id" {
            owned = u.user_id.clone().map(Value::from);
            owned.as_ref()
        } else {
            u.props.get(self.property)
        };
        let have = have.filter(|v| !v.is_null());
        let Some(h) = have else {
            return match self.test {
                Test::Unknown => true,
                Test::Num(NumOp::Gt { or_unknown } | NumOp::Lt { or_unknown }, _) => or_unknown,
                Test::Date { or_unknown, .. } => or_unknown,
                _ => false,
            };
        };
        match &self.test {
            Test::Known => true,
            Test::Unknown => false,
            Test::Num(op, want) => json_f64(h).is_some_and(|x| match op {
                NumOp::Eq => x == *want,
                NumOp::Neq => x != *want,
                NumOp::Gt { .. } => x > *want,
                NumOp::Lt { .. } => x < *want,
            }),
            Test::Range(from, to) => json_f64(h).is_some_and(|x| *from <= x && x <= *to),
            Test::Str(op, want) => {
                let got = text(h).to_lowercase();
                match op {
                    StrOp::Eq => got == *want,
                    StrOp::Neq => got != *want,
                    StrOp::Contains => got.contains(want.as_str()),
                    StrOp::NotContains => !got.contains(want.as_str()),
                }
            }
            Test::Bool(want) => match h {
                Value::Bool(b) => b == want,
                Value::String(s) => s.eq_ignore_ascii_case(if *want { "true" } else { "false" }),
                _ => false,
            },
            Test::Date { more, seconds, .. } => json_f64(h).is_some_and(|t| {
                let ago = now - t;
                if *more {
                    ago > *seconds
                } else {
                    ago < *seconds
                }
            }),
            Test::ListContains(item) => match h {
                Value::Array(a) => a.iter().any(|v| v == *item || text(v) == text(item)),
                _ => false,
            },
        }
    }
}
