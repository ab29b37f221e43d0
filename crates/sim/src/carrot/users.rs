//! The `users/{id}/…` routes and `users/import`: profiles, events, properties, presence,
//! messages and conversations started for a user, unsubscriptions.

use super::*;

impl CarrotSim {
    /// `GET /users/{id}`.
    pub(super) fn user(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = self.user_id(st, arg, req, false)?;
        let u = st.user(id).ok_or_else(|| lookup("User not found"))?;
        Ok((user_json(req, st, u, true), none()))
    }

    /// `GET /users/{id}/events`: the user's events in cursor pages.
    pub(super) fn events_get(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let id = self.user_id(st, arg, req, false)?;
        let pg = paging(req)?;
        let u = st.user(id).ok_or_else(|| lookup("User not found"))?;
        let filter = req.text("filter_name").map(str::to_string);
        let type_filter = filter.as_ref().map(|n| st.event_types.get(n).copied());
        let keep = |eid: u64| match type_filter {
            None => true,
            Some(None) => false,
            Some(Some(t)) => st.event(eid).is_some_and(|e| e.type_id == t),
        };
        let src = ByKey {
            items: &u.events,
            key: |e: &u64| *e,
        };
        let page = paginate(&src, &keep, &pg.by_id()?);
        let pas = req.flag("props_as_string").unwrap_or(false);
        let data: Vec<Value> = page
            .items
            .iter()
            .filter_map(|&e| st.event(e))
            .map(|e| event_json(req, st, e, pas))
            .collect();
        Ok((Value::Array(data), meta_ids(req, &pg, &page)))
    }

    /// `GET /users/{id}/conversations`.
    pub(super) fn user_conversations(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let id = self.user_id(st, arg, req, false)?;
        let pg = paging(req)?;
        let only_replied = req.flag("with_user_replies_only").unwrap_or(false);
        let keys: BTreeSet<(u64, u64)> = st
            .user(id)
            .map(|u| {
                u.conversations
                    .iter()
                    .filter_map(|&c| st.conv(c))
                    .filter(|c| !only_replied || c.user_replied())
                    .map(|c| (c.last_update_us, c.id))
                    .collect()
            })
            .unwrap_or_default();
        let page = paginate(&keys, &|_| true, &pg.by_time()?);
        let data: Vec<Value> = page
            .items
            .iter()
            .filter_map(|&(_, c)| st.conv(c))
            .map(|c| conversation_json(req, st, c))
            .collect();
        Ok((Value::Array(data), meta_time(req, &pg, &page)))
    }

    /// `POST /users/{id}/events`: tracks an event.
    pub(super) fn events_post(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let name = req
            .text("event")
            .ok_or_else(|| validation("event", "event is required"))?
            .to_string();
        if name.chars().count() > 255 {
            return Err(validation("event", "event must be 1 to 255 characters"));
        }
        let params = match req.json("params")? {
            None => Map::new(),
            Some(Value::Object(m)) => m,
            Some(_) => return Err(validation("params", "params must be a JSON object")),
        };
        let created = match req.text("created") {
            None => None,
            Some(s) => Some(
                s.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|t| t.is_finite() && *t >= 0.0)
                    .ok_or_else(|| validation("created", "created must be a Unix timestamp"))?
                    as u64,
            ),
        };
        let uid = self.user_id(st, arg, req, true)?;
        let now = st.now_us() / 1_000_000;
        let eid = st.add_event(uid, &name, params, created.unwrap_or(now));
        self.write(format!(
            "carrot:event:{uid}:{name}:{}",
            req.get("params").unwrap_or("{}")
        ));
        self.rts_event(st, eid);
        let hook = self.event_hook(st, eid);
        self.queue_hook(hook);
        let e = st.event(eid).ok_or_else(|| lookup("event vanished"))?;
        let data = if req.v1 {
            json!({"id": req.id(eid)})
        } else {
            event_json(req, st, e, false)
        };
        Ok((data, none()))
    }

    /// `POST /users/{id}/props`: applies property operations.
    pub(super) fn props(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let raw = req
            .text("operations")
            .ok_or_else(|| validation("operations", "operations is required"))?;
        let ops = match serde_json::from_str::<Value>(raw) {
            Ok(Value::Array(a)) => a,
            _ => return Err(validation("operations", "operations must be a JSON array")),
        };
        if ops.len() > MAX_PROPS_OPERATIONS {
            return Err(validation(
                "operations",
                format!("at most {MAX_PROPS_OPERATIONS} operations per request"),
            ));
        }
        let mut parsed = Vec::with_capacity(ops.len());
        for op in &ops {
            let o = op.get("op").and_then(Value::as_str);
            let k = op.get("key").and_then(Value::as_str);
            match (o, k) {
                (Some(o), Some(k)) if !k.is_empty() && k.chars().count() <= 255 => {
                    if !matches!(
                        o,
                        "update_or_create"
                            | "set_once"
                            | "add"
                            | "delete"
                            | "append"
                            | "union"
                            | "exclude"
                    ) {
                        return Err(validation("operations", format!("unknown operation `{o}`")));
                    }
                    parsed.push((o, k, op.get("value").unwrap_or(&Value::Null)));
                }
                _ => {
                    return Err(validation(
                        "operations",
                        "each operation needs op and key (1 to 255 characters)",
                    ));
                }
            }
        }
        let uid = self.user_id(st, arg, req, true)?;
        let mut affected: Vec<Value> = Vec::new();
        let mut ignored: Vec<Value> = Vec::new();
        if let Some(u) = st.user_mut(uid) {
            for (i, (o, k, v)) in parsed.into_iter().enumerate() {
                if apply_op(&mut u.props, o, k, v)? {
                    if !affected.iter().any(|a| a == k) {
                        affected.push(Value::from(k));
                    }
                } else {
                    ignored.push(ops[i].clone());
                }
            }
        }
        let ext = st
            .user(uid)
            .and_then(|u| match (&u.user_id, u.props.get("$user_id")) {
                (None, Some(Value::String(ext))) => Some(ext.clone()),
                _ => None,
            });
        if let Some(ext) = ext
            && !st.by_user_id.contains_key(&ext)
        {
            if let Some(u) = st.user_mut(uid) {
                u.user_id = Some(ext.clone());
            }
            st.by_user_id.insert(ext, uid);
        }
        self.write(format!("carrot:props:{uid}:{raw}"));
        let keys: Vec<&str> = affected.iter().filter_map(Value::as_str).collect();
        self.rts_props(st, uid, &keys);
        let mut meta = Map::new();
        meta.insert("affected_props".into(), Value::Array(affected));
        meta.insert("ignored_operations".into(), Value::Array(ignored));
        Ok((json!({}), meta))
    }

    /// `POST /users/{id}/setpresence`.
    pub(super) fn set_presence(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        if req.flag("by_user_id") == Some(true) {
            return Err(validation(
                "by_user_id",
                "setpresence accepts only the Carrot user id",
            ));
        }
        let presence = match req.text("presence") {
            Some("online") => Presence::Online,
            Some("idle") => Presence::Idle,
            Some("offline") => Presence::Offline,
            Some(_) => {
                return Err(validation("presence", "presence must be online or idle"));
            }
            None => return Err(validation("presence", "presence is required")),
        };
        let uid = self.user_id(st, arg, req, false)?;
        let page = req
            .text("current_page")
            .or(req.text("current_url"))
            .map(str::to_string);
        let now = st.now_us() / 1_000_000;
        if let Some(u) = st.user_mut(uid) {
            u.presence = presence;
            u.presence_at = now;
            if page.is_some() {
                u.presence_page = page;
            }
        }
        self.write(format!("carrot:setpresence:{uid}:{}", presence.as_str()));
        self.rts_presence(st, uid);
        Ok((json!({}), none()))
    }

    /// `POST /users/{id}/sendmessage`.
    pub(super) fn send_message(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let body = req
            .text("body")
            .ok_or_else(|| validation("body", "body is required"))?
            .to_string();
        let kind = match req.text("type") {
            None | Some("popup_chat") => "popup_chat",
            Some("popup_small") => "popup_small",
            Some("popup_big") => "popup_big",
            Some("email") => "email",
            Some(_) => {
                return Err(validation(
                    "type",
                    "type must be popup_chat, popup_small or popup_big",
                ));
            }
        };
        if body.chars().count() > MAX_REPLY_CHARS {
            return Err(api_err(400, "ReplyTooBig", "The message is too big"));
        }
        let uid = self.user_id(st, arg, req, false)?;
        let admin = st.admins.first().map_or(0, |a| a.id);
        let cid = st.open_conversation(uid, kind);
        let pid = st.push_part(
            cid,
            new_part(PartKind::ReplyAdmin, admin, body.clone(), 0, None),
        );
        if let Some(c) = st.conv_mut(cid) {
            c.last_admin = Some(admin);
        }
        st.next_message += 1;
        let msg = st.next_message;
        self.write(format!("carrot:sendmessage:{uid}:{body}"));
        self.rts_new_conversation(st, cid, false);
        if let Some(pid) = pid {
            self.rts_reply(st, cid, pid);
        }
        Ok((
            json!({"conversation": req.id(cid), "message": req.id(msg)}),
            none(),
        ))
    }

    /// `POST /users/{id}/startconversation`.
    pub(super) fn start_conversation(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let body = req.get("body").unwrap_or("").to_string();
        let file = req.file("file");
        if body.is_empty() && file.is_none() {
            return Err(validation("body", "body or file is required"));
        }
        if file.is_some() && req.text("filename").is_none() {
            return Err(validation("filename", "filename is required with file"));
        }
        if body.chars().count() > MAX_REPLY_CHARS {
            return Err(api_err(400, "ReplyTooBig", "The message is too big"));
        }
        let random_id = req.uint("random_id")?.unwrap_or(0);
        let uid = self.user_id(st, arg, req, true)?;
        let cid = st.open_conversation(uid, "popup_chat");
        let mut part = new_part(PartKind::ReplyUser, uid, body.clone(), random_id, None);
        if let Some((_, data)) = file {
            let name = req.text("filename").unwrap_or("file").to_string();
            part.extra = Some(Box::new(PartExtra {
                attachment: Some((name, data.len())),
                ..PartExtra::default()
            }));
        }
        let pid = st.push_part(cid, part);
        let disc = if random_id != 0 {
            random_id.to_string()
        } else {
            body
        };
        self.write(format!("carrot:startconversation:{uid}:{disc}"));
        self.rts_new_conversation(st, cid, true);
        let hook = self.conversation_hook(st, cid, pid);
        self.queue_hook(hook);
        Ok((json!({"id": req.id(cid)}), none()))
    }

    /// `POST /users/{id}/unsubscribeemail`.
    pub(super) fn unsubscribe(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let uid = self.user_id(st, arg, req, false)?;
        if let Some(u) = st.user_mut(uid) {
            u.props
                .insert("$email_unsubscribed".into(), Value::Bool(true));
        }
        self.write(format!("carrot:unsubscribeemail:{uid}"));
        self.rts_props(st, uid, &["$email_unsubscribed"]);
        Ok((json!({}), none()))
    }

    pub(super) fn import(&self, st: &mut State, req: &Req) -> Res<(Value, Map<String, Value>)> {
        let app = req
            .text("app")
            .ok_or_else(|| validation("app", "app is required"))?;
        self.check_app(app)?;
        let (filename, data) = req
            .file("file")
            .ok_or_else(|| validation("file", "file (multipart CSV) is required"))?;
        if data.len() >= 30 * 1024 * 1024 {
            return Err(validation("file", "file must be smaller than 30 MB"));
        }
        let delim = match req.text("delimiter") {
            None | Some("tab") => '\t',
            Some("comma") => ',',
            Some("pipe") => '|',
            Some("semicolon") => ';',
            Some("space") => ' ',
            Some(_) => {
                return Err(validation(
                    "delimiter",
                    "delimiter must be comma, pipe, semicolon, tab or space",
                ));
            }
        };
        let merge = match req.text("merge_field") {
            None | Some("$user_id") => "$user_id",
            Some("$email") => "$email",
            Some(_) => {
                return Err(validation(
                    "merge_field",
                    "merge_field must be $user_id or $email",
                ));
            }
        };
        if let Some(t) = req.json("tags")?
            && !t.as_array().is_some_and(|a| a.iter().all(Value::is_string))
        {
            return Err(validation("tags", "tags must be a JSON array of strings"));
        }
        let text =
            std::str::from_utf8(data).map_err(|_| validation("file", "file must be UTF-8"))?;
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let header: Vec<String> = lines
            .next()
            .ok_or_else(|| validation("file", "file has no header row"))?
            .split(delim)
            .map(|h| h.trim().trim_matches('"').to_string())
            .collect();
        let Some(merge_col) = header.iter().position(|h| h == merge) else {
            return Err(validation("file", format!("header has no {merge} column")));
        };
        let mut row_errors = Map::new();
        let mut planned = 0u64;
        let now = st.now_us() / 1_000_000;
        for (i, line) in lines.enumerate() {
            let row = i + 1;
            let cells: Vec<&str> = line
                .split(delim)
                .map(|c| c.trim().trim_matches('"'))
                .collect();
            if cells.len() != header.len() {
                row_errors.insert(
                    row.to_string(),
                    Value::from(format!("Error in string {row}: wrong number of columns")),
                );
                continue;
            }
            let key = cells[merge_col];
            if key.is_empty() {
                row_errors.insert(
                    row.to_string(),
                    Value::from(format!("Error in string {row}: empty {merge}")),
                );
                continue;
            }
            let uid = if merge == "$user_id" {
                match st.by_user_id.get(key) {
                    Some(&id) => id,
                    None => st.create_user(Some(key.to_string()), now),
                }
            } else {
                let found = st
                    .users
                    .iter()
                    .find(|u| u.props.get("$email").and_then(Value::as_str) == Some(key))
                    .map(|u| u.id);
                match found {
                    Some(id) => id,
                    None => st.create_user(None, now),
                }
            };
            if let Some(u) = st.user_mut(uid) {
                for (h, c) in header.iter().zip(&cells) {
                    if h != "$user_id" && !c.is_empty() {
                        u.props.insert(h.clone(), Value::from(*c));
                    }
                }
            }
            planned += 1;
        }
        st.imports += 1;
        self.write(format!("carrot:import:{filename}:{}", data.len()));
        Ok((
            json!({"row_errors": row_errors, "updates_planned": planned}),
            Map::new(),
        ))
    }
}

/// Applies one props operation; `Ok(true)` when it changed something.
pub(super) fn apply_op(
    props: &mut BTreeMap<String, Value>,
    op: &str,
    key: &str,
    value: &Value,
) -> Res<bool> {
    let empty = value.is_null() || value.as_str() == Some("");
    let as_list = |v: &Value| -> Vec<Value> {
        match v {
            Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        }
    };
    Ok(match op {
        "update_or_create" => {
            if empty || props.get(key) == Some(value) {
                false
            } else {
                props.insert(key.to_string(), value.clone());
                true
            }
        }
        "set_once" => {
            if empty || props.contains_key(key) {
                false
            } else {
                props.insert(key.to_string(), value.clone());
                true
            }
        }
        "add" => {
            let Some(delta) = json_f64(value) else {
                return Ok(false);
            };
            let cur = match props.get(key) {
                None => Value::from(0),
                Some(v) => v.clone(),
            };
            let Some(c) = json_f64(&cur) else {
                return Ok(false);
            };
            let int_delta = match value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.parse::<i64>().ok(),
                _ => None,
            };
            let int_cur = match &cur {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.parse::<i64>().ok(),
                _ => None,
            };
            let new = match (int_cur, int_delta) {
                (Some(a), Some(b)) => a.checked_add(b).map_or(Value::from(c + delta), Value::from),
                _ => Value::from(c + delta),
            };
            if delta == 0.0 {
                return Ok(false);
            }
            props.insert(key.to_string(), new);
            true
        }
        "delete" => props.remove(key).is_some(),
        "append" => {
            let entry = props.entry(key.to_string()).or_insert_with(|| json!([]));
            if !entry.is_array() {
                *entry = json!([entry.clone()]);
            }
            if let Value::Array(a) = entry {
                a.push(value.clone());
            }
            true
        }
        "union" => {
            let entry = props.entry(key.to_string()).or_insert_with(|| json!([]));
            if !entry.is_array() {
                *entry = json!([entry.clone()]);
            }
            let mut changed = false;
            if let Value::Array(a) = entry {
                for v in as_list(value) {
                    if !a.contains(&v) {
                        a.push(v);
                        changed = true;
                    }
                }
            }
            changed
        }
        "exclude" => match props.get_mut(key) {
            Some(Value::Array(a)) => {
                let drop = as_list(value);
                let before = a.len();
                a.retain(|v| !drop.contains(v));
                a.len() != before
            }
            _ => false,
        },
        other => {
            return Err(validation(
                "operations",
                format!("unknown operation `{other}`"),
            ));
        }
    })
}
