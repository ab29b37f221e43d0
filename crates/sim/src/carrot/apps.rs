//! The `apps/{app}/…` routes: active users, channels, the leads list and the app's conversations.

use super::*;

impl CarrotSim {
    /// `GET /apps/{app}/activeusers`: the users online now.
    pub(super) fn active_users(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        self.check_app(arg)?;
        let users: Vec<Value> = st
            .users
            .iter()
            .filter(|u| u.presence == Presence::Online)
            .map(|u| user_json(req, st, u, false))
            .collect();
        Ok((Value::Array(users), none()))
    }

    /// `GET /apps/{app}/channels`: the app's channels, every admin an operator of each.
    pub(super) fn channels(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        self.check_app(arg)?;
        let admins: Vec<Value> = st.admins.iter().map(|a| req.id(a.id)).collect();
        let list: Vec<Value> = st
            .channels
            .iter()
            .enumerate()
            .map(|(i, ch)| {
                json!({
                    "id": req.id(ch.id),
                    "name": ch.name,
                    "avatar": null,
                    "type": ch.kind,
                    "operators": admins,
                    "priority": i,
                })
            })
            .collect();
        Ok((Value::Array(list), none()))
    }

    /// `GET /apps/{app}/users`: the leads list, filtered, sorted and cut by `offset`/`limit`.
    pub(super) fn leads(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        self.check_app(arg)?;
        let offset = req.uint("offset")?.unwrap_or(0) as usize;
        let limit = match req.uint("limit")? {
            None => 20,
            Some(n @ 1..=50) => n as usize,
            Some(_) => return Err(validation("limit", "limit must be between 1 and 50")),
        };
        let filters = req.json("filters")?;
        let sort_prop = req.text("sort_prop").unwrap_or("$last_seen");
        let asc = match req.text("sort_order") {
            None | Some("desc") => false,
            Some("asc") => true,
            Some(_) => {
                return Err(validation("sort_order", "sort_order must be asc or desc"));
            }
        };
        let filter = filters.as_ref().map(Filter::parse).transpose()?;
        let now = now_secs();
        let mut matched: Vec<&User> = st
            .users
            .iter()
            .filter(|u| filter.as_ref().is_none_or(|f| f.matches(u, now)))
            .collect();
        matched.sort_by(|a, b| {
            cmp_props(a.props.get(sort_prop), b.props.get(sort_prop)).then(a.id.cmp(&b.id))
        });
        if !asc {
            matched.reverse();
        }
        let total = matched.len();
        let users: Vec<Value> = matched
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|u| user_json(req, st, u, false))
            .collect();
        Ok((json!({"users": users, "total": total}), none()))
    }

    /// `GET /apps/{app}/conversations`: the app's conversations, filtered, in cursor pages.
    pub(super) fn app_conversations(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        self.check_app(arg)?;
        let pg = paging(req)?;
        let closed = req.flag("closed");
        let answered = req.flag("answered");
        let delayed = req.flag("delayed");
        let assigned = req.uint("assigned")?;
        let include_not_assigned = req.flag("include_not_assigned").unwrap_or(false);
        let tags: Option<Vec<String>> = match req.text("tags") {
            None => None,
            Some(s) if s.trim_start().starts_with('[') => {
                let v: Vec<String> = serde_json::from_str(s)
                    .map_err(|_| validation("tags", "tags must be a JSON array of strings"))?;
                Some(v)
            }
            Some(s) => Some(
                s.split(',')
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
            ),
        };
        let include_no_tags = req.flag("include_no_tags").unwrap_or(false);
        let channel = req.uint("channel")?;
        let assistant = req.text("assistant_type");
        let keep = |(_, id): (u64, u64)| -> bool {
            let Some(c) = st.conv(id) else { return false };
            if closed.is_some_and(|x| x != c.closed) {
                return false;
            }
            if answered.is_some_and(|x| x != c.replied()) {
                return false;
            }
            if delayed == Some(true) || assistant.is_some() {
                return false;
            }
            if let Some(a) = assigned {
                let hit = if a == 0 {
                    c.assignee.is_none()
                } else {
                    c.assignee == Some(a)
                };
                if !(hit || include_not_assigned && c.assignee.is_none()) {
                    return false;
                }
            }
            if let Some(t) = &tags {
                let hit = t.iter().all(|t| c.tags.contains(t));
                if !(hit || include_no_tags && c.tags.is_empty()) {
                    return false;
                }
            }
            !channel.is_some_and(|ch| ch != 0 && c.channel != ch)
        };
        let page = paginate(&st.conv_order, &keep, &pg.by_time()?);
        let data: Vec<Value> = page
            .items
            .iter()
            .filter_map(|&(_, id)| st.conv(id))
            .map(|c| conversation_json(req, st, c))
            .collect();
        Ok((Value::Array(data), meta_time(req, &pg, &page)))
    }
}

/// Compares two property values for sorting (numbers numerically, otherwise as text).
pub(super) fn cmp_props(a: Option<&Value>, b: Option<&Value>) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (None, None) => Equal,
        (None, Some(_)) => Less,
        (Some(_), None) => Greater,
        (Some(x), Some(y)) => match (json_f64(x), json_f64(y)) {
            (Some(p), Some(q)) => p.partial_cmp(&q).unwrap_or(Equal),
            _ => text(x).cmp(&text(y)),
        },
    }
}

pub(super) fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
