//! The simulator's state: websites with their conversations, messages, people, visitors and the
//! generic collections/documents most endpoints are served from.
//!
//! Seeding is deterministic and cheap: seeded messages are generated from their index on demand
//! (a conversation only stores one small slot per message, and only once a handler needs them),
//! seeded people are compact structs, visitors are computed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{Map, Value, json};

use super::CrispConfig;
use super::wire::{mix, uuid};

/// Milliseconds between two seeded messages of a conversation.
pub(crate) const SEED_MESSAGE_STEP_MS: i64 = 1_000;
/// Milliseconds between the creation of two seeded conversations.
pub(crate) const SEED_CONVERSATION_STEP_MS: i64 = 60_000;

/// A generic, insertion-ordered collection of JSON items keyed by id.
#[derive(Debug, Default, Clone)]
pub(crate) struct Coll {
    pub items: HashMap<String, Value>,
    pub order: Vec<String>,
}

impl Coll {
    pub fn insert(&mut self, id: String, item: Value) {
        if self.items.insert(id.clone(), item).is_none() {
            self.order.push(id);
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Value> {
        let removed = self.items.remove(id)?;
        self.order.retain(|k| k != id);
        Some(removed)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.order.iter().filter_map(|k| self.items.get(k))
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }
}

/// One message slot: a seeded message generated from its index, or a stored one.
#[derive(Debug, Clone)]
pub(crate) enum Msg {
    Seed(u32),
    Full(Box<Value>),
}

/// A conversation (session).
#[derive(Debug, Clone)]
pub(crate) struct Conversation {
    pub session_id: String,
    /// Creation sequence number (stable tie-breaker for ordering).
    pub seq: u64,
    pub created_at: i64,
    pub updated_at: i64,
    pub waiting_since: Option<i64>,
    pub state: String,
    pub blocked: bool,
    pub verified: bool,
    pub verifications: Vec<Value>,
    pub opened: bool,
    pub inbox_id: Option<String>,
    pub people_id: Option<String>,
    pub assigned: Option<String>,
    pub meta: Map<String, Value>,
    pub participants: Vec<Value>,
    pub mentions: Vec<String>,
    pub compose: Map<String, Value>,
    pub unread_operator: u64,
    pub unread_visitor: u64,
    /// Seed coordinates (website index, conversation index) and the seeded message count.
    pub seed: Option<(usize, usize, usize)>,
    /// Message slots in ascending timestamp order; `None` until first needed.
    pub messages: Option<Vec<Msg>>,
    pub last_message: String,
    pub preview: Option<Value>,
    pub events: Vec<Value>,
    pub pages: Vec<Value>,
    /// fingerprint -> (read origin, delivered origin).
    pub marks: BTreeMap<i64, (Option<String>, Option<String>)>,
    pub call: Option<String>,
    pub browsing: Vec<Value>,
}

impl Conversation {
    /// A fresh, empty conversation.
    pub fn new(session_id: String, seq: u64, now: i64) -> Conversation {
        Conversation {
            session_id,
            seq,
            created_at: now,
            updated_at: now,
            waiting_since: None,
            state: "pending".to_owned(),
            blocked: false,
            verified: false,
            verifications: Vec::new(),
            opened: false,
            inbox_id: None,
            people_id: None,
            assigned: None,
            meta: Map::new(),
            participants: Vec::new(),
            mentions: Vec::new(),
            compose: Map::new(),
            unread_operator: 0,
            unread_visitor: 0,
            seed: None,
            messages: Some(Vec::new()),
            last_message: String::new(),
            preview: None,
            events: Vec::new(),
            pages: Vec::new(),
            marks: BTreeMap::new(),
            call: None,
            browsing: Vec::new(),
        }
    }

    /// How many messages the conversation holds.
    pub fn message_count(&self) -> usize {
        match (&self.messages, self.seed) {
            (Some(m), _) => m.len(),
            (None, Some((_, _, n))) => n,
            (None, None) => 0,
        }
    }

    /// The message slots, materialising the seeded ones on first use.
    pub fn slots(&mut self) -> &mut Vec<Msg> {
        let seeded = self.seed.map(|(_, _, n)| n).unwrap_or(0);
        self.messages.get_or_insert_with(|| {
            (0..seeded)
                .map(|i| Msg::Seed(u32::try_from(i).unwrap_or(u32::MAX)))
                .collect()
        })
    }

    /// The timestamp of a seeded message.
    pub fn seed_timestamp(&self, i: u32) -> i64 {
        self.created_at + (i64::from(i) + 1) * SEED_MESSAGE_STEP_MS
    }

    /// The fingerprint of a seeded message (below 2^53, so JavaScript clients keep it exact).
    pub fn seed_fingerprint(&self, i: u32) -> i64 {
        let (w, c) = self.seed.map(|(w, c, _)| (w, c)).unwrap_or((0, 0));
        let base = mix(((w as u64) << 32) ^ c as u64) % (1 << 27);
        let fp = (1u64 << 51) + (base << 24) + (u64::from(i) % (1 << 24));
        i64::try_from(fp).unwrap_or(i64::MAX)
    }

    /// The timestamp of a slot.
    pub fn slot_timestamp(&self, slot: &Msg) -> i64 {
        match slot {
            Msg::Seed(i) => self.seed_timestamp(*i),
            Msg::Full(v) => v.get("timestamp").and_then(Value::as_i64).unwrap_or(0),
        }
    }

    /// The fingerprint of a slot.
    pub fn slot_fingerprint(&self, slot: &Msg) -> i64 {
        match slot {
            Msg::Seed(i) => self.seed_fingerprint(*i),
            Msg::Full(v) => v.get("fingerprint").and_then(Value::as_i64).unwrap_or(0),
        }
    }
}

/// A people profile (seeded ones are compact: everything else is rendered from defaults).
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub people_id: String,
    pub email: String,
    pub nickname: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// Written profile fields (`person`, `company`, `segments`, `notepad`, `active`...).
    pub card: Map<String, Value>,
    pub data: Map<String, Value>,
    pub events: Vec<Value>,
    pub subscribed: bool,
}

/// A plugin installed on a website.
#[derive(Debug, Clone)]
pub(crate) struct PluginSub {
    pub since: i64,
    pub settings: Value,
    pub usage: Vec<Value>,
}

/// A plan subscription of a website.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub id: String,
    pub since: i64,
    pub bill_period: String,
    pub coupon_redeemed: bool,
}

/// A Helpdesk tree node (node 11 Knowledge Base).
#[derive(Debug, Clone)]
pub(crate) struct TreeNode {
    pub kind: String,
    pub title: String,
    pub content: String,
    pub metadata: Map<String, Value>,
    pub entity_id: String,
}

/// A website (workspace) and everything in it.
#[derive(Debug, Clone)]
pub(crate) struct Website {
    pub website_id: String,
    /// Seed index (visitors and seeded content are derived from it).
    pub index: usize,
    pub name: String,
    pub domain: String,
    pub created_at: i64,
    pub deletion_scheduled: bool,
    pub conversations: HashMap<String, Conversation>,
    pub conversation_seq: u64,
    /// Bumped on every conversation change; keys the list-order cache.
    pub conversations_version: u64,
    pub list_cache: Option<(u64, String, std::sync::Arc<Vec<String>>)>,
    pub people: HashMap<String, Person>,
    pub people_order: Vec<String>,
    pub people_email: HashMap<String, String>,
    pub visitors: usize,
    pub blocked_rules: BTreeMap<String, u64>,
    pub plugins: BTreeMap<String, PluginSub>,
    pub plan: Option<Plan>,
    pub helpdesk: Option<Map<String, Value>>,
    pub tree: BTreeMap<(String, String, String), TreeNode>,
    /// Generic collections by name (`inboxes`, `campaigns`, `articles:en`, ...).
    pub colls: BTreeMap<String, Coll>,
    /// Generic documents by name (`settings`, `verify`, `helpdesk_settings`, ...).
    pub docs: BTreeMap<String, Value>,
    /// Suggestions dismissed through the `suggest` DELETE routes (`kind:value`).
    pub dismissed: BTreeSet<String>,
    pub operators_active_flushed: bool,
}

/// The whole simulator state.
#[derive(Debug)]
pub(crate) struct State {
    pub websites: BTreeMap<String, Website>,
    pub website_seq: u64,
    pub clock: i64,
    pub id_seq: u64,
    pub writes: BTreeMap<String, u64>,
    pub conversations_created: u64,
    /// Documents outside any website (user account, availability...).
    pub docs: BTreeMap<String, Value>,
}

impl State {
    /// Advances the logical clock and returns the new "now" (epoch milliseconds).
    pub fn now(&mut self) -> i64 {
        self.clock += SEED_MESSAGE_STEP_MS;
        self.clock
    }

    /// A fresh id for a created resource.
    pub fn new_id(&mut self, tag: &str) -> String {
        self.id_seq += 1;
        // A namespace of its own, so created ids never collide with seeded ones.
        uuid(&format!("created:{tag}"), self.id_seq)
    }

    /// Counts one applied logical write.
    pub fn count_write(&mut self, key: String) {
        *self.writes.entry(key).or_insert(0) += 1;
    }

    /// Seeds the state from `cfg`.
    pub fn seed(cfg: &CrispConfig) -> State {
        let mut st = State {
            websites: BTreeMap::new(),
            website_seq: 0,
            clock: 0,
            id_seq: 0,
            writes: BTreeMap::new(),
            conversations_created: 0,
            docs: BTreeMap::new(),
        };
        let mut latest = cfg.epoch_ms;
        for (w, website_id) in cfg.website_ids.iter().enumerate() {
            let site = seed_website(cfg, w, website_id);
            for c in site.conversations.values() {
                latest = latest.max(c.updated_at);
            }
            st.websites.insert(website_id.clone(), site);
            st.website_seq += 1;
        }
        st.clock = latest + 86_400_000;
        st
    }
}

/// The id of the `index`-th seeded person of website `w`.
pub(crate) fn seeded_people_id(w: usize, index: usize) -> String {
    uuid("people", ((w as u64) << 32) | index as u64)
}

/// The user id of the `index`-th seeded operator of website `w` (0 is the owner).
pub(crate) fn seeded_operator_id(w: usize, index: usize) -> String {
    uuid("operator", ((w as u64) << 32) | index as u64)
}

/// Seeded operators per website.
pub(crate) const SEED_OPERATORS: usize = 3;

fn seed_website(cfg: &CrispConfig, w: usize, website_id: &str) -> Website {
    let epoch = cfg.epoch_ms;
    let mut site = empty_website(
        website_id.to_owned(),
        w,
        format!("Website {w}"),
        format!("site{w}.example.com"),
        epoch,
    );
    site.visitors = cfg.visitors_per_website;
    site.blocked_rules.insert("ip_domain".to_owned(), 2);
    site.blocked_rules.insert("email_domain".to_owned(), 1);
    site.plugins.insert(
        cfg.plugin_id.clone(),
        PluginSub {
            since: epoch,
            settings: json!({"enabled": true}),
            usage: Vec::new(),
        },
    );
    site.plan = Some(Plan {
        id: "plan-unlimited".to_owned(),
        since: epoch,
        bill_period: "monthly".to_owned(),
        coupon_redeemed: false,
    });

    // Operators.
    let roles = ["owner", "member", "member"];
    let mut operators = Coll::default();
    for (i, role) in roles.iter().enumerate().take(SEED_OPERATORS) {
        let user_id = seeded_operator_id(w, i);
        operators.insert(
            user_id.clone(),
            json!({
                "user_id": user_id, "email": format!("operator{i}@site{w}.example.com"),
                "avatar": format!("https://avatars.example.com/operator{i}.png"),
                "first_name": format!("Operator{i}"), "last_name": "Sim", "role": role,
                "title": "Support", "availability": if i == 0 { "online" } else { "offline" },
                "has_token": i == 0, "identifier": "", "key": ""
            }),
        );
    }
    site.colls.insert("operators".to_owned(), operators);

    // People.
    for p in 0..cfg.people_per_website {
        let people_id = seeded_people_id(w, p);
        let email = format!("person{p}@site{w}.example.com");
        site.people_email.insert(email.clone(), people_id.clone());
        site.people_order.push(people_id.clone());
        site.people.insert(
            people_id.clone(),
            Person {
                people_id,
                email,
                nickname: format!("Person {p}"),
                created_at: epoch + p as i64 * SEED_MESSAGE_STEP_MS,
                updated_at: epoch + p as i64 * SEED_MESSAGE_STEP_MS,
                card: Map::new(),
                data: Map::new(),
                events: Vec::new(),
                subscribed: true,
            },
        );
    }

    // Inboxes and teams.
    let mut inboxes = Coll::default();
    for i in 0..2u64 {
        let inbox_id = uuid("inbox", ((w as u64) << 32) | i);
        inboxes.insert(
            inbox_id.clone(),
            json!({"inbox_id": inbox_id, "name": format!("Inbox {i}"), "emoji": "📥", "order": i,
                   "operators": [seeded_operator_id(w, 0)], "teams": [], "team_operators": [],
                   "conditions": [], "created_at": epoch, "updated_at": epoch}),
        );
    }
    let first_inbox = inboxes.order.first().cloned();
    site.colls.insert("inboxes".to_owned(), inboxes);
    let mut teams = Coll::default();
    for i in 0..2u64 {
        let team_id = uuid("team", ((w as u64) << 32) | i);
        teams.insert(
            team_id.clone(),
            json!({"team_id": team_id, "name": format!("Team {i}"), "emoji": "👥",
                   "operators": [seeded_operator_id(w, 0)], "created_at": epoch, "updated_at": epoch}),
        );
    }
    site.colls.insert("teams".to_owned(), teams);

    // Conversations.
    for c in 0..cfg.conversations_per_website {
        let session_id = cfg.seeded_session_id(w, c);
        let created = epoch + c as i64 * SEED_CONVERSATION_STEP_MS;
        let mut conv = Conversation::new(session_id.clone(), c as u64, created);
        let n = cfg.messages_per_conversation;
        conv.seed = Some((w, c, n));
        conv.messages = None;
        conv.state = ["pending", "unresolved", "resolved"][c % 3].to_owned();
        if cfg.people_per_website > 0 {
            let p = c % cfg.people_per_website;
            conv.people_id = Some(seeded_people_id(w, p));
            conv.meta.insert(
                "email".to_owned(),
                json!(format!("person{p}@site{w}.example.com")),
            );
            conv.meta
                .insert("nickname".to_owned(), json!(format!("Person {p}")));
        } else {
            conv.meta
                .insert("nickname".to_owned(), json!(format!("visitor{c}")));
        }
        if c % 2 == 1 {
            conv.inbox_id = first_inbox.clone();
        }
        conv.meta.insert(
            "segments".to_owned(),
            json!(if c.is_multiple_of(4) {
                vec!["vip"]
            } else {
                vec!["lead"]
            }),
        );
        conv.meta.insert(
            "data".to_owned(),
            json!({"plan": if c.is_multiple_of(2) { "free" } else { "pro" }}),
        );

        if n > 0 {
            let last = u32::try_from(n - 1).unwrap_or(u32::MAX);
            conv.updated_at = conv.seed_timestamp(last);
            let from = if (n - 1).is_multiple_of(2) {
                "user"
            } else {
                "operator"
            };
            let excerpt = seed_message_text(c, last);
            conv.last_message = excerpt.clone();
            conv.preview = Some(json!({"type": "text", "from": from, "excerpt": excerpt,
                                       "fingerprint": conv.seed_fingerprint(last)}));
            if from == "user" {
                conv.unread_operator = 1;
                conv.waiting_since = Some(conv.updated_at);
            }
        }
        if c == 0 {
            conv.call = Some(uuid("call", w as u64));
        }
        site.conversation_seq += 1;
        site.conversations.insert(session_id, conv);
    }

    // Campaigns, templates.
    let mut campaigns = Coll::default();
    for i in 0..25u64 {
        let campaign_id = uuid("campaign", ((w as u64) << 32) | i);
        campaigns.insert(campaign_id.clone(), seed_campaign(&campaign_id, i, epoch));
    }
    site.colls.insert("campaigns".to_owned(), campaigns);
    let mut templates = Coll::default();
    for i in 0..3u64 {
        let template_id = uuid("template", ((w as u64) << 32) | i);
        templates.insert(
            template_id.clone(),
            json!({"template_id": template_id, "type": "custom", "name": format!("Template {i}"),
                   "format": "markdown", "content": "Hello {{name}}", "created_at": epoch, "updated_at": epoch}),
        );
    }
    site.colls.insert("templates".to_owned(), templates);

    // Spam.
    let mut spams = Coll::default();
    for i in 0..2u64 {
        let spam_id = uuid("spam", ((w as u64) << 32) | i);
        spams.insert(
            spam_id.clone(),
            json!({"spam_id": spam_id, "type": "email", "reason": "junk_filter",
                   "metadata": {"from": "spammer@example.com"}, "headers": {"subject": "WIN"},
                   "timestamp": epoch + i as i64, "content": "You won!"}),
        );
    }
    site.colls.insert("spams".to_owned(), spams);

    // Helpdesk.
    seed_helpdesk(&mut site, w, epoch);
    site
}

/// The text of a seeded message.
pub(crate) fn seed_message_text(c: usize, i: u32) -> String {
    format!("Seeded message {i} of conversation {c}")
}

pub(crate) fn seed_campaign(campaign_id: &str, i: u64, epoch: i64) -> Value {
    json!({
        "campaign_id": campaign_id, "type": if i.is_multiple_of(2) { "one-shot" } else { "automated" },
        "format": "markdown", "name": format!("Campaign {i}"), "subject": format!("Subject {i}"),
        "tag": if i.is_multiple_of(3) { "newsletter" } else { "onboarding" }, "ready": true, "dispatched": false,
        "running": false, "progress": 0, "targets": 0, "reached": 0,
        "created_at": epoch + i as i64, "updated_at": epoch + i as i64,
        "sender": {"user_id": ""}, "recipients": {"type": "all", "segments": [], "people": [], "filter": []},
        "flow": {"launch_event": "", "assert_filter": [], "assert_delay": 0, "deliver_once": true, "deliver_delay": 0},
        "message": "Hello!", "options": {"deliver_to_chatbox": true, "deliver_to_email": true,
            "sender_name_website": false, "sender_email_reply": false, "tracking": true},
        "statistics": {"opened": 0, "clicked": 0, "unsubscribed": 0}
    })
}

fn seed_helpdesk(site: &mut Website, w: usize, epoch: i64) {
    let mut hd = Map::new();
    hd.insert("name".to_owned(), json!(format!("Website {w} help")));
    hd.insert(
        "url".to_owned(),
        json!(format!("https://site{w}.help.example.com/")),
    );
    site.helpdesk = Some(hd);
    let mut locales = Coll::default();
    for locale in ["en", "fr"] {
        locales.insert(locale.to_owned(), new_locale(site, locale));
    }
    site.colls.insert("helpdesk_locales".to_owned(), locales);
    for (path, kind, title) in [
        ("getting-started", "page", "Getting started"),
        ("guides", "folder", "Guides"),
        ("guides/install", "page", "Install"),
        ("guides/getting started", "page", "Getting started (guide)"),
    ] {
        site.tree.insert(
            ("en".to_owned(), "articles".to_owned(), path.to_owned()),
            TreeNode {
                kind: kind.to_owned(),
                title: title.to_owned(),
                content: format!("# {title}"),
                metadata: Map::new(),
                entity_id: uuid(
                    "entity",
                    mix(path.len() as u64) ^ ((w as u64) << 40) ^ title.len() as u64,
                ),
            },
        );
    }
    // Legacy Helpdesk (articles, categories, sections per locale).
    let mut categories = Coll::default();
    let category_id = uuid("category", w as u64);
    categories.insert(
        category_id.clone(),
        json!({"category_id": category_id, "name": "General", "description": "", "color": "blue",
               "image": "", "order": 1, "url": "", "created_at": epoch, "updated_at": epoch}),
    );
    site.colls.insert("categories:en".to_owned(), categories);
    let mut sections = Coll::default();
    let section_id = uuid("section", w as u64);
    sections.insert(
        section_id.clone(),
        json!({"section_id": section_id, "name": "Basics", "order": 1, "created_at": epoch, "updated_at": epoch}),
    );
    site.colls
        .insert(format!("sections:en:{category_id}"), sections);
    let mut articles = Coll::default();
    for i in 0..25u64 {
        let article_id = uuid("article", ((w as u64) << 32) | i);
        articles.insert(
            article_id.clone(),
            json!({"article_id": article_id, "title": format!("Article {i}"), "description": "",
                   "content": format!("Body of article {i}"), "status": "published", "visibility": "visible",
                   "featured": false, "visits": 0, "order": i, "url": format!("https://site{w}.help.example.com/en/article/{i}"),
                   "category": {"category_id": category_id, "section_id": section_id},
                   "alternates": {"fr": uuid("article-fr", ((w as u64) << 32) | i)}, "created_at": epoch, "updated_at": epoch, "published_at": epoch}),
        );
    }
    site.colls.insert("articles:en".to_owned(), articles);
    let mut redirections = Coll::default();
    for i in 0..3u64 {
        let redirection_id = uuid("redirection", ((w as u64) << 32) | i);
        redirections.insert(
            redirection_id.clone(),
            json!({"redirection_id": redirection_id, "path": format!("/old/{i}"),
                   "target": format!("https://site{w}.help.example.com/new/{i}"), "created_at": epoch, "updated_at": epoch}),
        );
    }
    site.colls.insert("redirections".to_owned(), redirections);
    let mut changes = Coll::default();
    let change_id = uuid("change", w as u64);
    changes.insert(
        change_id.clone(),
        history_change(&change_id, "Seeded content", "getting-started", epoch),
    );
    site.colls.insert("history".to_owned(), changes);
}

/// A Helpdesk history change record.
pub(crate) fn history_change(change_id: &str, message: &str, path: &str, at: i64) -> Value {
    json!({"change_id": change_id, "message": message, "author": {"email": "operator0@example.com", "name": "Operator0 Sim"},
           "edits": {"insertions": 1, "deletions": 0}, "created_at": at,
           "files": [{"change": "update", "path": path, "content": ""}]})
}

/// A Helpdesk locale item.
pub(crate) fn new_locale(site: &Website, locale: &str) -> Value {
    let zero = json!({"entries": 0, "groups": 0});
    json!({"locale_id": uuid(&format!("locale:{}", site.website_id), locale.len() as u64 ^ mix(locale.bytes().map(u64::from).sum())),
           "locale": locale, "url": format!("https://{}.help.example.com/{locale}/", site.domain.replace('.', "-")),
           "statistics": {"articles": zero, "guides": zero, "references": zero, "news": zero}})
}

/// An empty website.
pub(crate) fn empty_website(
    website_id: String,
    index: usize,
    name: String,
    domain: String,
    now: i64,
) -> Website {
    Website {
        website_id,
        index,
        name,
        domain,
        created_at: now,
        deletion_scheduled: false,
        conversations: HashMap::new(),
        conversation_seq: 0,
        conversations_version: 0,
        list_cache: None,
        people: HashMap::new(),
        people_order: Vec::new(),
        people_email: HashMap::new(),
        visitors: 0,
        blocked_rules: BTreeMap::new(),
        plugins: BTreeMap::new(),
        plan: None,
        helpdesk: None,
        tree: BTreeMap::new(),
        colls: BTreeMap::new(),
        docs: BTreeMap::new(),
        dismissed: BTreeSet::new(),
        operators_active_flushed: false,
    }
}
