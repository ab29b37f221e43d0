//! What each applied Carrot write publishes over RTS, and the payload (`message`) of each kind.
//!
//! The one payload Carrot Quest documents is the `conversation_reply` example
//! (`tests/data/carrot-examples/rts_conversation_reply.json`, from the vendor's RTS channel page): the conversation part as the REST
//! API renders it, plus the conversation's `assignee`. The others are the simulator's own
//! inference, built from the REST forms of the same objects (see the README, "Carrot RTS").

use serde_json::{Map, Value, json};

use super::Kind;
use crate::carrot::CarrotSim;
use crate::carrot::render::{admin_json, conversation_json, event_json, part_json};
use crate::carrot::state::State;
use crate::carrot::wire::Req;

/// Ids rendered as numbers, every optional field included: how RTS payloads are rendered.
fn plain_req() -> Req {
    Req {
        params: Vec::new(),
        v1: false,
        ids_str: false,
    }
}

/// Who did something in a conversation: a user id (a number) or an admin object.
#[derive(Debug, Clone, Copy)]
pub(in crate::carrot) enum Actor {
    User(u64),
    Admin(u64),
}

impl Actor {
    fn json(self, req: &Req, st: &State) -> Value {
        match self {
            Actor::User(id) => req.id(id),
            Actor::Admin(id) => admin_json(req, st, id),
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Actor::User(_) => "user",
            Actor::Admin(_) => "admin",
        }
    }
}

impl CarrotSim {
    /// Publishes `message` for `kind` about conversation `conv` (on the app's channel and/or the
    /// conversation user's, as the kind has them).
    fn publish_conv(&self, st: &State, kind: Kind, conv: u64, message: Value) {
        if let Some(c) = st.conv(conv) {
            self.rts.publish_kind(kind, st.app_id, c.user, &message);
        }
    }

    /// `{conversation, …extra}`.
    fn conv_message(req: &Req, conv: u64, extra: &[(&str, Value)]) -> Value {
        let mut m = Map::new();
        m.insert("conversation".into(), req.id(conv));
        for (k, v) in extra {
            m.insert((*k).to_owned(), v.clone());
        }
        Value::Object(m)
    }

    /// A new part (a reply, a note): `conversation_reply`, the part with the conversation's
    /// `assignee`, as in the vendor's example.
    pub(in crate::carrot) fn rts_reply(&self, st: &State, conv: u64, part: u64) {
        let req = plain_req();
        let Some(c) = st.conv(conv) else { return };
        let Ok(i) = c.parts.binary_search_by_key(&part, |p| p.id) else {
            return;
        };
        let mut message = part_json(&req, st, c, &c.parts[i]);
        if let Some(m) = message.as_object_mut() {
            m.insert(
                "assignee".into(),
                c.assignee.map_or(Value::Null, |a| admin_json(&req, st, a)),
            );
        }
        self.publish_conv(st, Kind::ConversationReply, conv, message);
    }

    /// A new conversation: `conversation` (and, when the user started it,
    /// `conversation_started_user`), the conversation as `GET /conversations/{id}` renders it.
    pub(in crate::carrot) fn rts_new_conversation(&self, st: &State, conv: u64, by_user: bool) {
        let req = plain_req();
        let Some(c) = st.conv(conv) else { return };
        let message = conversation_json(&req, st, c);
        if by_user {
            self.publish_conv(st, Kind::ConversationStartedUser, conv, message.clone());
        }
        self.publish_conv(st, Kind::Conversation, conv, message);
    }

    /// `settyping`: `{conversation, from, from_type, body}`.
    pub(in crate::carrot) fn rts_typing(&self, st: &State, conv: u64, who: Actor, body: &str) {
        let req = plain_req();
        let message = Self::conv_message(
            &req,
            conv,
            &[
                ("from", who.json(&req, st)),
                ("from_type", Value::from(who.kind())),
                ("body", Value::from(body)),
            ],
        );
        self.publish_conv(st, Kind::ConversationTyping, conv, message);
    }

    /// `markread`: `{conversation, user}`.
    pub(in crate::carrot) fn rts_read(&self, st: &State, conv: u64) {
        let req = plain_req();
        let user = st.conv(conv).map_or(Value::Null, |c| req.id(c.user));
        let message = Self::conv_message(&req, conv, &[("user", user)]);
        self.publish_conv(st, Kind::ConversationRead, conv, message);
    }

    /// `assign`: `{conversation, assignee, from}` (`assignee` null when unassigned).
    pub(in crate::carrot) fn rts_assigned(&self, st: &State, conv: u64, from: u64) {
        let req = plain_req();
        let assignee = st
            .conv(conv)
            .and_then(|c| c.assignee)
            .map_or(Value::Null, |a| admin_json(&req, st, a));
        let message = Self::conv_message(
            &req,
            conv,
            &[("assignee", assignee), ("from", admin_json(&req, st, from))],
        );
        self.publish_conv(st, Kind::ConversationAssigned, conv, message);
    }

    /// `close`: `{conversation, from}`.
    pub(in crate::carrot) fn rts_closed(&self, st: &State, conv: u64, from: u64) {
        let req = plain_req();
        let message = Self::conv_message(&req, conv, &[("from", admin_json(&req, st, from))]);
        self.publish_conv(st, Kind::ConversationClosed, conv, message);
    }

    /// Tag added or deleted: `{conversation, tag, from}`.
    pub(in crate::carrot) fn rts_tag(
        &self,
        st: &State,
        conv: u64,
        tag: &str,
        from: u64,
        added: bool,
    ) {
        let req = plain_req();
        let message = Self::conv_message(
            &req,
            conv,
            &[
                ("tag", Value::from(tag)),
                ("from", admin_json(&req, st, from)),
            ],
        );
        let kind = if added {
            Kind::ConversationTagAdded
        } else {
            Kind::ConversationTagDeleted
        };
        self.publish_conv(st, kind, conv, message);
    }

    /// `setpresence`: `{user, presence, last_seen, current_page}`.
    pub(in crate::carrot) fn rts_presence(&self, st: &State, user: u64) {
        let req = plain_req();
        let Some(u) = st.user(user) else { return };
        let message = json!({
            "user": req.id(u.id),
            "presence": u.presence.as_str(),
            "last_seen": u.presence_at,
            "current_page": u.presence_page,
        });
        self.rts
            .publish_kind(Kind::UserPresenceChanged, st.app_id, user, &message);
    }

    /// Properties changed: `{user, props}`, `props` holding each changed key's new value (null
    /// when deleted). Nothing is published when no key changed.
    pub(in crate::carrot) fn rts_props(&self, st: &State, user: u64, keys: &[&str]) {
        if keys.is_empty() {
            return;
        }
        let req = plain_req();
        let Some(u) = st.user(user) else { return };
        let props: Map<String, Value> = keys
            .iter()
            .map(|k| {
                (
                    (*k).to_owned(),
                    u.props.get(*k).cloned().unwrap_or(Value::Null),
                )
            })
            .collect();
        let message = json!({"user": req.id(user), "props": props});
        self.rts
            .publish_kind(Kind::UserPropsChanged, st.app_id, user, &message);
    }

    /// An event tracked: the event as `GET /users/{id}/events` renders it.
    pub(in crate::carrot) fn rts_event(&self, st: &State, event: u64) {
        let req = plain_req();
        let Some(e) = st.event(event) else { return };
        let message = event_json(&req, st, e, false);
        self.rts
            .publish_kind(Kind::Event, st.app_id, e.user, &message);
    }
}
