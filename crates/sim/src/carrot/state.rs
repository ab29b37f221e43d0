//! The Carrot Quest app held in memory: users, events, conversations with their parts, admins and
//! channels, plus the deterministic fixture.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};

use crate::config::Seed;

/// Seconds of the first seeded timestamp (2023-11-14T22:13:20Z).
pub(crate) const SEED_EPOCH: u64 = 1_700_000_000;
const BIG: u64 = 1_152_921_504_606_846_976; // 2^60

/// Id bases (the small ones look like the vendor's examples).
pub(crate) struct Bases {
    pub user: u64,
    pub conversation: u64,
    pub part: u64,
    pub event: u64,
}

impl Bases {
    fn new(big: bool) -> Self {
        let extra = if big { BIG } else { 0 };
        Bases {
            user: 22_735_000 + extra,
            conversation: 7_100_000 + extra,
            part: 7_936_000 + extra,
            event: 335_704_000 + extra,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Admin {
    pub id: u64,
    pub name: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Channel {
    pub id: u64,
    pub name: String,
    pub kind: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    Online,
    Idle,
    Offline,
}

impl Presence {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Presence::Online => "online",
            Presence::Idle => "idle",
            Presence::Offline => "offline",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: u64,
    pub user_id: Option<String>,
    pub props: BTreeMap<String, Value>,
    pub presence: Presence,
    pub presence_page: Option<String>,
    pub presence_at: u64,
    /// Conversation ids, ascending.
    pub conversations: Vec<u64>,
    /// Event ids, ascending.
    pub events: Vec<u64>,
}

#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub id: u64,
    pub created: u64,
    pub type_id: u64,
    pub user: u64,
    pub props: Map<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    ReplyUser,
    ReplyAdmin,
    Note,
    Article,
    Assigned,
    Closed,
    TagAdded,
    TagRemoved,
}

impl PartKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            PartKind::ReplyUser => "reply_user",
            PartKind::ReplyAdmin => "reply_admin",
            PartKind::Note => "note",
            PartKind::Article => "article",
            PartKind::Assigned => "service_assign",
            PartKind::Closed => "service_close",
            PartKind::TagAdded => "service_add_tag",
            PartKind::TagRemoved => "service_delete_tag",
        }
    }

    pub(crate) fn by_user(self) -> bool {
        self == PartKind::ReplyUser
    }

    /// Replies and notes (not system parts).
    pub(crate) fn is_message(self) -> bool {
        matches!(
            self,
            PartKind::ReplyUser | PartKind::ReplyAdmin | PartKind::Note | PartKind::Article
        )
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub id: u64,
    /// Microseconds since the epoch.
    pub created_us: u64,
    pub kind: PartKind,
    /// The user id (user parts) or admin id (other parts).
    pub from: u64,
    /// `None` for seeded parts: the body is rendered from the id.
    pub body: Option<Box<str>>,
    pub read: bool,
    pub random_id: u64,
    pub part_group: u64,
    pub extra: Option<Box<PartExtra>>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct PartExtra {
    pub body_json: Option<Value>,
    pub external_id: Option<String>,
    pub attachment: Option<(String, usize)>,
    pub sent_via: Option<&'static str>,
}

impl Part {
    pub(crate) fn body(&self) -> String {
        match &self.body {
            Some(b) => b.to_string(),
            None => format!("Seeded message {}", self.id),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Conversation {
    pub id: u64,
    pub user: u64,
    pub created: u64,
    pub last_update_us: u64,
    pub closed: bool,
    pub assignee: Option<u64>,
    pub tags: Vec<String>,
    pub parts: Vec<Part>,
    pub channel: u64,
    pub kind: &'static str,
    pub last_admin: Option<u64>,
    pub typing: Option<(u64, String)>,
}

impl Conversation {
    pub(crate) fn part_last(&self) -> Option<&Part> {
        self.parts.iter().rev().find(|p| p.kind.is_message())
    }
    pub(crate) fn reply_last(&self) -> Option<&Part> {
        self.parts
            .iter()
            .rev()
            .find(|p| matches!(p.kind, PartKind::ReplyUser | PartKind::ReplyAdmin))
    }
    pub(crate) fn important_part_last(&self) -> Option<&Part> {
        self.parts.iter().rev().find(|p| {
            matches!(
                p.kind,
                PartKind::ReplyUser | PartKind::ReplyAdmin | PartKind::Note
            )
        })
    }
    pub(crate) fn replied(&self) -> bool {
        self.parts.iter().any(|p| p.kind == PartKind::ReplyAdmin)
    }
    pub(crate) fn unread_count(&self) -> usize {
        self.parts
            .iter()
            .filter(|p| p.kind.by_user() && !p.read)
            .count()
    }
    /// Whether the user has written in it (what `with_user_replies_only` filters on).
    pub(crate) fn user_replied(&self) -> bool {
        self.parts.iter().any(|p| p.kind.by_user())
    }
}

/// Everything of one app.
pub(crate) struct State {
    pub app_id: u64,
    pub bases: Bases,
    pub admins: Vec<Admin>,
    pub channels: Vec<Channel>,
    /// Indexed by `id - bases.user`.
    pub users: Vec<User>,
    pub by_user_id: HashMap<String, u64>,
    /// Indexed by `id - bases.conversation`.
    pub conversations: Vec<Conversation>,
    /// `(last_update_us, id)` of every conversation.
    pub conv_order: BTreeSet<(u64, u64)>,
    /// Indexed by `id - bases.event`.
    pub events: Vec<Event>,
    pub event_types: HashMap<String, u64>,
    pub event_type_names: Vec<String>,
    pub next_part: u64,
    pub next_part_group: u64,
    pub next_message: u64,
    pub last_us: u64,
    pub emails: Vec<Value>,
    pub imports: u64,
}

fn wall_us() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

const FIRST_NAMES: [&str; 8] = ["Alex", "Maria", "Ivan", "Olga", "Sam", "Kim", "Lee", "Nina"];
const EVENT_NAMES: [&str; 3] = ["$session_start", "$product_viewed", "purchase"];

impl State {
    /// Builds the deterministic fixture.
    pub(crate) fn seeded(app_id: u64, seed: &Seed) -> State {
        let bases = Bases::new(seed.big_ids);
        let mut st = State {
            app_id,
            admins: (0..seed.admins.max(1) as u64)
                .map(|i| Admin {
                    id: 24_601 + i,
                    name: format!("Admin {}", i + 1),
                })
                .collect(),
            channels: vec![
                Channel {
                    id: 1001,
                    name: "Website chat".into(),
                    kind: "manual",
                },
                Channel {
                    id: 1002,
                    name: "Telegram".into(),
                    kind: "telegram",
                },
            ],
            users: Vec::new(),
            by_user_id: HashMap::new(),
            conversations: Vec::with_capacity(seed.conversations),
            conv_order: BTreeSet::new(),
            events: Vec::new(),
            event_types: HashMap::new(),
            event_type_names: Vec::new(),
            next_part: bases.part,
            next_part_group: 900_000_000,
            next_message: 2_800,
            last_us: 0,
            emails: Vec::new(),
            imports: 0,
            bases,
        };
        let n_users = seed.users.max(1);
        for i in 0..n_users {
            let name = FIRST_NAMES[i % FIRST_NAMES.len()];
            let created = SEED_EPOCH + i as u64;
            let id = st.create_user(Some(format!("user-{}", i + 1)), created);
            let u = st.user_mut(id);
            let mut props = BTreeMap::new();
            props.insert("$name".into(), Value::from(format!("{name} {}", i + 1)));
            props.insert(
                "$email".into(),
                Value::from(format!("user{}@example.com", i + 1)),
            );
            props.insert("$last_seen".into(), Value::from(created + 86_400));
            if let Some(u) = u {
                u.props = props;
            }
        }
        for i in 0..n_users {
            let uid = st.bases.user + i as u64;
            for e in 0..seed.events_per_user {
                let name = EVENT_NAMES[e % EVENT_NAMES.len()];
                let mut props = Map::new();
                props.insert("n".into(), Value::from(e as u64));
                st.add_event(uid, name, props, SEED_EPOCH + 10_000 + (i * 100 + e) as u64);
            }
        }
        let admin0 = st.admins[0].id;
        let m = seed.messages_per_conversation;
        for c in 0..seed.conversations {
            let uid = st.bases.user + (c % n_users) as u64;
            let created = SEED_EPOCH + 100_000 + c as u64 * 3_600;
            let id = st.bases.conversation + c as u64;
            let mut parts = Vec::with_capacity(m);
            for j in 0..m {
                let from_user = j % 2 == 0;
                parts.push(Part {
                    id: st.next_part,
                    created_us: (created + j as u64) * 1_000_000,
                    kind: if from_user {
                        PartKind::ReplyUser
                    } else {
                        PartKind::ReplyAdmin
                    },
                    from: if from_user { uid } else { admin0 },
                    body: None,
                    read: true,
                    random_id: 0,
                    part_group: 0,
                    extra: None,
                });
                st.next_part += 1;
            }
            let last_update_us = (created + m as u64) * 1_000_000;
            st.conversations.push(Conversation {
                id,
                user: uid,
                created,
                last_update_us,
                closed: false,
                assignee: (c % 3 == 1).then_some(admin0),
                tags: Vec::new(),
                parts,
                channel: 1001,
                kind: "popup_chat",
                last_admin: (m > 1).then_some(admin0),
                typing: None,
            });
            st.conv_order.insert((last_update_us, id));
            if let Some(u) = st.user_mut(uid) {
                u.conversations.push(id);
            }
        }
        st
    }

    /// A strictly increasing microsecond clock (wall time, never below the seeded data).
    pub(crate) fn now_us(&mut self) -> u64 {
        let floor = self
            .conv_order
            .last()
            .map_or(0, |&(t, _)| t)
            .max(self.last_us);
        let t = wall_us().max(floor + 1);
        self.last_us = t;
        t
    }

    pub(crate) fn user(&self, id: u64) -> Option<&User> {
        let idx = id.checked_sub(self.bases.user)?;
        self.users.get(usize::try_from(idx).ok()?)
    }

    pub(crate) fn user_mut(&mut self, id: u64) -> Option<&mut User> {
        let idx = id.checked_sub(self.bases.user)?;
        self.users.get_mut(usize::try_from(idx).ok()?)
    }

    pub(crate) fn conv(&self, id: u64) -> Option<&Conversation> {
        let idx = id.checked_sub(self.bases.conversation)?;
        self.conversations.get(usize::try_from(idx).ok()?)
    }

    pub(crate) fn conv_mut(&mut self, id: u64) -> Option<&mut Conversation> {
        let idx = id.checked_sub(self.bases.conversation)?;
        self.conversations.get_mut(usize::try_from(idx).ok()?)
    }

    pub(crate) fn event(&self, id: u64) -> Option<&Event> {
        let idx = id.checked_sub(self.bases.event)?;
        self.events.get(usize::try_from(idx).ok()?)
    }

    pub(crate) fn admin(&self, id: u64) -> Option<&Admin> {
        self.admins.iter().find(|a| a.id == id)
    }

    pub(crate) fn create_user(&mut self, user_id: Option<String>, created: u64) -> u64 {
        let id = self.bases.user + self.users.len() as u64;
        if let Some(ext) = &user_id {
            self.by_user_id.insert(ext.clone(), id);
        }
        self.users.push(User {
            id,
            user_id,
            props: BTreeMap::new(),
            presence: Presence::Offline,
            presence_page: None,
            presence_at: created,
            conversations: Vec::new(),
            events: Vec::new(),
        });
        id
    }

    pub(crate) fn event_type(&mut self, name: &str) -> u64 {
        if let Some(&id) = self.event_types.get(name) {
            return id;
        }
        let id = 5_857 + self.event_type_names.len() as u64;
        self.event_types.insert(name.to_string(), id);
        self.event_type_names.push(name.to_string());
        id
    }

    pub(crate) fn event_type_name(&self, type_id: u64) -> &str {
        type_id
            .checked_sub(5_857)
            .and_then(|i| self.event_type_names.get(i as usize))
            .map_or("", String::as_str)
    }

    pub(crate) fn add_event(
        &mut self,
        user: u64,
        name: &str,
        props: Map<String, Value>,
        created: u64,
    ) -> u64 {
        let type_id = self.event_type(name);
        let id = self.bases.event + self.events.len() as u64;
        self.events.push(Event {
            id,
            created,
            type_id,
            user,
            props,
        });
        if let Some(u) = self.user_mut(user) {
            u.events.push(id);
        }
        id
    }

    /// Appends a part, moves the conversation to the top of the order and returns the part id.
    pub(crate) fn push_part(&mut self, conv_id: u64, mut part: Part) -> Option<u64> {
        let now = self.now_us();
        let pid = self.next_part;
        part.id = pid;
        part.created_us = now;
        let conv = self.conv_mut(conv_id)?;
        let old = conv.last_update_us;
        conv.last_update_us = now;
        if part.kind == PartKind::ReplyAdmin {
            conv.last_admin = Some(part.from);
        }
        conv.parts.push(part);
        self.next_part += 1;
        self.conv_order.remove(&(old, conv_id));
        self.conv_order.insert((now, conv_id));
        Some(pid)
    }

    /// Opens a conversation for `user` and returns its id.
    pub(crate) fn open_conversation(&mut self, user: u64, kind: &'static str) -> u64 {
        let now = self.now_us();
        let id = self.bases.conversation + self.conversations.len() as u64;
        self.conversations.push(Conversation {
            id,
            user,
            created: now / 1_000_000,
            last_update_us: now,
            closed: false,
            assignee: None,
            tags: Vec::new(),
            parts: Vec::new(),
            channel: 1001,
            kind,
            last_admin: None,
            typing: None,
        });
        self.conv_order.insert((now, id));
        if let Some(u) = self.user_mut(user) {
            u.conversations.push(id);
        }
        id
    }

    pub(crate) fn new_part_group(&mut self) -> u64 {
        self.next_part_group += 1;
        self.next_part_group
    }
}
