//! The `conversations/{id}/…` routes: reading a conversation and its parts, replies, typing,
//! assignment, tags, closing and read marks.

use super::*;
use rts::publish::Actor;

impl CarrotSim {
    /// `GET /conversations/{id}`.
    pub(super) fn conversation(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = Self::conv_id(st, arg)?;
        let c = st
            .conv(id)
            .ok_or_else(|| lookup("Conversation not found"))?;
        Ok((conversation_json(req, st, c), none()))
    }

    /// `GET /conversations/{id}/parts`: the conversation's parts in cursor pages.
    pub(super) fn parts(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let id = Self::conv_id(st, arg)?;
        let pg = paging(req)?;
        let c = st
            .conv(id)
            .ok_or_else(|| lookup("Conversation not found"))?;
        let src = ByKey {
            items: &c.parts,
            key: |p: &Part| p.id,
        };
        let page = paginate(&src, &|_| true, &pg.by_id()?);
        let data: Vec<Value> = page
            .items
            .iter()
            .filter_map(|id| c.parts.binary_search_by_key(id, |p| p.id).ok())
            .map(|i| part_json(req, st, c, &c.parts[i]))
            .collect();
        Ok((Value::Array(data), meta_ids(req, &pg, &page)))
    }

    /// `POST /conversations/{id}/settyping`.
    pub(super) fn set_typing(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = Self::conv_id(st, arg)?;
        let who = match req.text("from_user") {
            Some(_) => Actor::User(st.conv(id).map_or(0, |c| c.user)),
            None => Actor::Admin(
                Self::admin_param(st, req, "from_admin", false)?
                    .or_else(|| st.admins.first().map(|a| a.id))
                    .unwrap_or(0),
            ),
        };
        let who_id = match who {
            Actor::User(u) | Actor::Admin(u) => u,
        };
        let body = req.get("body").unwrap_or("").to_string();
        if let Some(c) = st.conv_mut(id) {
            c.typing = Some((who_id, body.clone()));
        }
        self.write(format!("carrot:settyping:{id}"));
        self.rts_typing(st, id, who, &body);
        Ok((json!({}), none()))
    }

    /// `POST /conversations/{id}/assign`.
    pub(super) fn assign(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = Self::conv_id(st, arg)?;
        let from = Self::admin_param(st, req, "from_admin", true)?.unwrap_or(0);
        // An empty `admin` (or `0`) unassigns.
        let admin = if req.text("admin").map(str::trim) == Some("0") {
            None
        } else {
            Self::admin_param(st, req, "admin", false)?
        };
        let random_id = req.uint("random_id")?.unwrap_or(0);
        if st.conv(id).map(|c| c.assignee) == Some(admin) {
            return Ok((json!({}), none()));
        }
        if let Some(c) = st.conv_mut(id) {
            c.assignee = admin;
        }
        let body = match admin {
            Some(a) => format!("assigned to {a}"),
            None => "unassigned".to_string(),
        };
        let r = self.system_part(st, id, PartKind::Assigned, from, body, random_id, req)?;
        self.write(format!("carrot:assign:{id}:{}", admin.unwrap_or(0)));
        self.rts_assigned(st, id, from);
        Ok((r, none()))
    }

    /// `POST` and `DELETE /conversations/{id}/tag`.
    pub(super) fn tag(&self, route: Route, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = Self::conv_id(st, arg)?;
        let tag = req
            .text("tag")
            .ok_or_else(|| validation("tag", "tag is required"))?
            .to_string();
        if tag.chars().count() > 255 {
            return Err(validation("tag", "tag must be at most 255 characters"));
        }
        let from = Self::admin_param(st, req, "from_admin", false)?
            .or_else(|| st.admins.first().map(|a| a.id))
            .unwrap_or(0);
        let random_id = req.uint("random_id")?.unwrap_or(0);
        let delete = route == Route::TagDelete
            || match req.text("action") {
                None | Some("add") => false,
                Some("delete") => true,
                Some(_) => {
                    return Err(validation("action", "action must be add or delete"));
                }
            };
        let has = st.conv(id).is_some_and(|c| c.tags.contains(&tag));
        if delete {
            if !has {
                if req.v1 {
                    return Ok((json!({}), none()));
                }
                return Err(api_err(
                    400,
                    "ConversationTagIsNotAssigned",
                    format!("Tag `{tag}` is not assigned to the conversation"),
                ));
            }
            if let Some(c) = st.conv_mut(id) {
                c.tags.retain(|t| t != &tag);
            }
            let r = self.system_part(
                st,
                id,
                PartKind::TagRemoved,
                from,
                tag.clone(),
                random_id,
                req,
            )?;
            self.write(format!("carrot:untag:{id}:{tag}"));
            self.rts_tag(st, id, &tag, from, false);
            return Ok((if req.v1 { json!({}) } else { r }, none()));
        }
        if has {
            if req.v1 {
                return Ok((json!({}), none()));
            }
            return Err(api_err(
                400,
                "ConversationTagAlreadyAssigned",
                format!("Tag `{tag}` is already assigned to the conversation"),
            ));
        }
        if req.v1 && tag.contains(',') {
            return Err(validation("tag", "tag must not contain commas"));
        }
        if let Some(c) = st.conv_mut(id) {
            c.tags.push(tag.clone());
        }
        let r = self.system_part(
            st,
            id,
            PartKind::TagAdded,
            from,
            tag.clone(),
            random_id,
            req,
        )?;
        self.write(format!("carrot:tag:{id}:{tag}"));
        self.rts_tag(st, id, &tag, from, true);
        Ok((if req.v1 { json!({}) } else { r }, none()))
    }

    /// `POST /conversations/{id}/close`.
    pub(super) fn close(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = Self::conv_id(st, arg)?;
        let from = Self::admin_param(st, req, "from_admin", true)?.unwrap_or(0);
        let random_id = req.uint("random_id")?.unwrap_or(0);
        if let Some(c) = st.conv_mut(id) {
            c.closed = true;
        }
        let r = self.system_part(
            st,
            id,
            PartKind::Closed,
            from,
            "closed".into(),
            random_id,
            req,
        )?;
        self.write(format!("carrot:close:{id}"));
        self.rts_closed(st, id, from);
        Ok((r, none()))
    }

    /// `POST /conversations/{id}/markread`.
    pub(super) fn mark_read(&self, st: &mut State, arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let id = Self::conv_id(st, arg)?;
        if let Some(c) = st.conv_mut(id) {
            for p in &mut c.parts {
                p.read = true;
            }
        }
        self.write(format!("carrot:markread:{id}"));
        self.rts_read(st, id);
        Ok((json!({"conversation": req.id(id)}), none()))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn system_part(
        &self,
        st: &mut State,
        conv: u64,
        kind: PartKind,
        from: u64,
        body: String,
        random_id: u64,
        req: &Req,
    ) -> Res<Value> {
        let group = st.new_part_group();
        let mut part = new_part(kind, from, body, random_id, None);
        part.part_group = group;
        let pid = st
            .push_part(conv, part)
            .ok_or_else(|| lookup("Conversation not found"))?;
        Ok(json!({"id": req.id(pid), "part_group": req.id(group)}))
    }

    pub(super) fn reply(
        &self,
        st: &mut State,
        arg: &str,
        req: &Req,
    ) -> Res<(Value, Map<String, Value>)> {
        let id = Self::conv_id(st, arg)?;
        let conv_user = st.conv(id).map_or(0, |c| c.user);
        let (kind, from) = match (req.text("from_user"), req.text("from_admin")) {
            (Some(u), _) => {
                let uid = match u {
                    "default_user" => conv_user,
                    s if truthy(s) && s.parse::<u64>().is_err() => conv_user,
                    s => s.parse::<u64>().map_err(|_| {
                        validation("from_user", "from_user must be a user id or default_user")
                    })?,
                };
                if uid != conv_user {
                    return Err(api_err(
                        403,
                        "PermissionDeniedError",
                        "from_user must be the user of the conversation",
                    ));
                }
                (PartKind::ReplyUser, uid)
            }
            (None, Some(_)) => {
                let admin = Self::admin_param(st, req, "from_admin", true)?.unwrap_or(0);
                let kind = match req.text("type") {
                    None | Some("reply_admin") => PartKind::ReplyAdmin,
                    Some("note") => PartKind::Note,
                    Some("article") => PartKind::Article,
                    Some(_) => {
                        return Err(validation(
                            "type",
                            "type must be reply_admin, note or article",
                        ));
                    }
                };
                (kind, admin)
            }
            (None, None) => {
                return Err(validation(
                    "from_admin",
                    "from_admin or from_user is required",
                ));
            }
        };
        let body = req.get("body").unwrap_or("").to_string();
        let body_json = req.json("body_json")?;
        let attachment = req.file("attachment");
        if body.is_empty() && attachment.is_none() && body_json.is_none() {
            return Err(validation("body", "body is required"));
        }
        if body.chars().count() > MAX_REPLY_CHARS {
            return Err(api_err(400, "ReplyTooBig", "The reply is too big"));
        }
        let random_id = req.uint("random_id")?.unwrap_or(0);
        let external_id = req.text("external_id").map(str::to_string);
        let auto_assign = Self::admin_param(st, req, "auto_assign", false)?;
        let mut part = new_part(kind, from, body.clone(), random_id, None);
        if body_json.is_some() || external_id.is_some() || attachment.is_some() {
            part.extra = Some(Box::new(PartExtra {
                body_json,
                external_id: external_id.clone(),
                attachment: attachment.map(|(name, data)| {
                    (
                        req.text("attachment_file_name").unwrap_or(name).to_string(),
                        data.len(),
                    )
                }),
                sent_via: None,
            }));
        }
        if let Some(c) = st.conv_mut(id) {
            if kind == PartKind::ReplyUser {
                c.closed = false;
            } else if kind == PartKind::ReplyAdmin {
                for p in c.parts.iter_mut().filter(|p| p.kind.by_user()) {
                    p.read = true;
                }
            }
            if let Some(a) = auto_assign {
                c.assignee = Some(a);
            }
        }
        let pid = st
            .push_part(id, part)
            .ok_or_else(|| lookup("Conversation not found"))?;
        let disc = if random_id != 0 {
            random_id.to_string()
        } else if let Some(e) = external_id {
            e
        } else {
            body
        };
        self.write(format!("carrot:reply:{id}:{disc}"));
        self.rts_reply(st, id, pid);
        if kind == PartKind::ReplyUser {
            let hook = self.conversation_hook(st, id, Some(pid));
            self.queue_hook(hook);
        }
        let c = st
            .conv(id)
            .ok_or_else(|| lookup("Conversation not found"))?;
        let i = c
            .parts
            .binary_search_by_key(&pid, |p| p.id)
            .map_err(|_| lookup("part vanished"))?;
        Ok((part_json(req, st, c, &c.parts[i]), Map::new()))
    }
}

pub(super) fn new_part(
    kind: PartKind,
    from: u64,
    body: String,
    random_id: u64,
    extra: Option<Box<PartExtra>>,
) -> Part {
    Part {
        id: 0,
        created_us: 0,
        kind,
        from,
        body: Some(body.into_boxed_str()),
        read: false,
        random_id,
        part_group: 0,
        extra,
    }
}
