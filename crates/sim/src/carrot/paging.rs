//! Cursor paging parameters (v1 `after`/`count`, v2 `paginate_*`) and the `meta` they answer.

use super::*;

/// Pagination parameters as asked for, independent of the key type.
pub(super) struct Paging {
    pub(super) v1: bool,
    pub(super) position: Option<Vec<Value>>,
    pub(super) after: Option<Value>,
    pub(super) direction: Direction,
    pub(super) including: bool,
    pub(super) count: usize,
    pub(super) asc: bool,
}

pub(super) fn paging(req: &Req) -> Res<Paging> {
    let legacy = req.v1
        || ((req.get("after").is_some() || req.get("count").is_some())
            && !req.params.iter().any(|(k, _)| k.starts_with("paginate_")));
    let count_key = if legacy { "count" } else { "paginate_count" };
    let count = match req.text(count_key) {
        None => 20,
        Some(s) => match s.trim().parse::<usize>() {
            Ok(n) if (1..=50).contains(&n) => n,
            _ => {
                return Err(validation(
                    if legacy { "count" } else { "paginate_count" },
                    "count must be between 1 and 50",
                ));
            }
        },
    };
    if legacy {
        // An empty `after` (`text` skips it) and `after=0` mean "no cursor": the PHP wrapper
        // `veksa/carrot-api` sends `after=0` on every first page.
        let after = match req.text("after") {
            None => None,
            Some(s) => Some(
                serde_json::from_str::<Value>(s)
                    .ok()
                    .filter(|v| json_f64(v).is_some())
                    .ok_or_else(|| validation("after", "after must be a number"))?,
            )
            .filter(|v| json_f64(v) != Some(0.0)),
        };
        return Ok(Paging {
            v1: true,
            position: None,
            after,
            direction: Direction::Before,
            including: false,
            count,
            asc: false,
        });
    }
    let position = match req.json("paginate_position")? {
        None => None,
        Some(Value::Array(a)) if !a.is_empty() => Some(a),
        Some(Value::Number(n)) => Some(vec![Value::Number(n)]),
        Some(_) => {
            return Err(validation(
                "paginate_position",
                "paginate_position must be a non-empty JSON array",
            ));
        }
    };
    let direction = match req.text("paginate_direction") {
        None | Some("before") => Direction::Before,
        Some("after") => Direction::After,
        Some("around") => Direction::Around,
        Some(_) => {
            return Err(validation(
                "paginate_direction",
                "paginate_direction must be after, before or around",
            ));
        }
    };
    let asc = match req.text("paginate_page_order") {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(_) => {
            return Err(validation(
                "paginate_page_order",
                "paginate_page_order must be asc or desc",
            ));
        }
    };
    if direction == Direction::Around && position.is_none() {
        return Err(validation(
            "paginate_position",
            "paginate_direction=around needs paginate_position",
        ));
    }
    Ok(Paging {
        v1: false,
        position,
        after: None,
        direction,
        including: req.flag("paginate_including").unwrap_or(false),
        count,
        asc,
    })
}

impl Paging {
    /// For id-ordered lists (parts, events).
    pub(super) fn by_id(&self) -> Res<PageReq<u64>> {
        let position = if self.v1 {
            match &self.after {
                None => None,
                Some(v) => {
                    Some(json_u64(v).ok_or_else(|| validation("after", "after must be an id"))?)
                }
            }
        } else {
            match &self.position {
                None => None,
                Some(a) => Some(
                    a.first()
                        .and_then(json_u64)
                        .ok_or_else(|| validation("paginate_position", "expected [id]"))?,
                ),
            }
        };
        Ok(PageReq {
            position,
            direction: self.direction,
            including: self.including,
            count: self.count,
            asc: self.asc,
        })
    }

    /// For conversations ordered by `(last_update, id)`.
    pub(super) fn by_time(&self) -> Res<PageReq<(u64, u64)>> {
        let position = if self.v1 {
            match &self.after {
                None => None,
                Some(v) => Some((
                    ts_to_us(
                        json_f64(v)
                            .ok_or_else(|| validation("after", "after must be a timestamp"))?,
                    ),
                    0,
                )),
            }
        } else {
            match self.position.as_deref() {
                None => None,
                Some([t]) => {
                    let us = ts_to_us(json_f64(t).ok_or_else(|| {
                        validation("paginate_position", "expected [timestamp, id]")
                    })?);
                    let id = if self.direction == Direction::After {
                        u64::MAX
                    } else {
                        0
                    };
                    Some((us, id))
                }
                Some([t, id, ..]) => Some((
                    ts_to_us(json_f64(t).ok_or_else(|| {
                        validation("paginate_position", "expected [timestamp, id]")
                    })?),
                    json_u64(id).ok_or_else(|| {
                        validation("paginate_position", "expected [timestamp, id]")
                    })?,
                )),
                Some([]) => None,
            }
        };
        Ok(PageReq {
            position,
            direction: self.direction,
            including: self.including,
            count: self.count,
            asc: self.asc,
        })
    }
}

/// Cursor `meta` for an id-ordered page.
pub(super) fn meta_ids(req: &Req, pg: &Paging, page: &Page<u64>) -> Map<String, Value> {
    let mut m = Map::new();
    if pg.v1 {
        m.insert(
            "next_after".into(),
            page.next_before.map_or(Value::Null, |id| req.id(id)),
        );
    } else {
        m.insert(
            "next_before_position".into(),
            page.next_before
                .map_or(Value::Null, |id| json!([req.id(id)])),
        );
        m.insert(
            "next_after_position".into(),
            page.next_after
                .map_or(Value::Null, |id| json!([req.id(id)])),
        );
    }
    m
}

/// Cursor `meta` for a time-ordered page.
pub(super) fn meta_time(req: &Req, pg: &Paging, page: &Page<(u64, u64)>) -> Map<String, Value> {
    let mut m = Map::new();
    if pg.v1 {
        m.insert(
            "next_after".into(),
            page.next_before.map_or(Value::Null, |(t, _)| us_to_ts(t)),
        );
    } else {
        let pos = |k: Option<(u64, u64)>| {
            k.map_or(Value::Null, |(t, id)| json!([us_to_ts(t), req.id(id)]))
        };
        m.insert("next_before_position".into(), pos(page.next_before));
        m.insert("next_after_position".into(), pos(page.next_after));
    }
    m
}
