//! The per-request context handlers work on, and the generic handlers many endpoints share
//! (collections of JSON items, stored documents, plain acknowledgements).

use serde_json::{Value, json};

use super::CrispConfig;
use super::state::{Coll, State, Website};
use super::wire::{ApiError, Res, merge, page_range};

/// Items per page on page-numbered lists.
pub(crate) const PAGE_SIZE: usize = 20;

/// How a route is answered.
pub(crate) enum H {
    /// A specific handler.
    F(fn(&mut Ctx<'_>) -> Res),
    /// Page `{page_number}` of a website collection (name may hold `{param}` placeholders).
    List(&'static str),
    /// Creates an item in a collection; answers `{<id field>: id}`.
    Create(&'static str, &'static str),
    /// Returns the item whose id is the named path parameter.
    Get(&'static str, &'static str),
    /// Existence check of an item (HEAD).
    Head(&'static str, &'static str),
    /// Replaces an item (keeps its id and creation date).
    Put(&'static str, &'static str),
    /// Merges the body into an item.
    Patch(&'static str, &'static str),
    /// Removes an item.
    Del(&'static str, &'static str),
    /// Returns a website document (default content until first written).
    DocGet(&'static str),
    /// Merges the body into a website document.
    DocPatch(&'static str),
    /// Returns a user-level document.
    UserDocGet(&'static str),
    /// Merges the body into a user-level document.
    UserDocPatch(&'static str),
    /// Accepts the request and answers `data: {}`.
    Ack,
}

/// Everything a handler needs.
pub(crate) struct Ctx<'a> {
    pub cfg: &'a CrispConfig,
    pub st: &'a mut State,
    pub params: Vec<(&'static str, String)>,
    pub query: Vec<(String, String)>,
    pub body: Value,
    pub host: Option<String>,
    /// The logical write key to count (defaults to method + class + parameters).
    pub write_key: Option<String>,
    /// A success reason overriding the per-method default.
    pub reason: Option<&'static str>,
    /// A success status overriding the default (200, or the list rule of
    /// [`super::CrispListStatus`]).
    pub status: Option<http::StatusCode>,
}

impl<'a> Ctx<'a> {
    /// A path parameter (empty when absent).
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// A query parameter.
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A body field.
    pub fn b(&self, name: &str) -> Option<&Value> {
        self.body.get(name)
    }

    /// A string body field.
    pub fn bs(&self, name: &str) -> Option<&str> {
        self.body.get(name).and_then(Value::as_str)
    }

    /// The `{page_number}` parameter: a positive integer.
    pub fn page(&self) -> Result<usize, ApiError> {
        let raw = self.param("page_number");
        match raw.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(ApiError::invalid(format!(
                "page_number should be a positive integer, got '{raw}'"
            ))),
        }
    }

    /// The website named by `{website_id}` (its existence was checked before dispatch).
    pub fn site(&mut self) -> Result<&mut Website, ApiError> {
        let id = self.param("website_id").to_owned();
        self.st
            .websites
            .get_mut(&id)
            .ok_or_else(|| ApiError::not_found("website_not_found", "website not found"))
    }

    /// A collection name with `{param}` placeholders filled in.
    pub fn coll_name(&self, template: &str) -> String {
        let mut out = template.to_owned();
        for (k, v) in &self.params {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }
}

/// Page `page` of `items`.
pub(crate) fn paged<T: Clone>(items: &[T], page: usize) -> Vec<T> {
    items[page_range(items.len(), page, PAGE_SIZE)].to_vec()
}

fn item_not_found(id_field: &str) -> ApiError {
    let what = id_field.strip_suffix("_id").unwrap_or(id_field);
    ApiError::not_found("not_found", format!("{what} not found"))
}

/// Runs a generic handler.
pub(crate) fn run(h: &H, ctx: &mut Ctx<'_>) -> Res {
    match h {
        H::F(handler) => handler(ctx),
        H::Ack => Ok(json!({})),
        H::List(coll) => {
            let page = ctx.page()?;
            let name = ctx.coll_name(coll);
            let site = ctx.site()?;
            let items: Vec<Value> = match site.colls.get(&name) {
                Some(c) => {
                    let range = page_range(c.len(), page, PAGE_SIZE);
                    c.order[range]
                        .iter()
                        .filter_map(|k| c.items.get(k).cloned())
                        .collect()
                }
                None => Vec::new(),
            };
            Ok(Value::Array(items))
        }
        H::Create(coll, id_field) => {
            let name = ctx.coll_name(coll);
            let now = ctx.st.now();
            let id = ctx.st.new_id(id_field);
            let mut item = ctx.body.clone();
            if let Some(obj) = item.as_object_mut() {
                obj.insert((*id_field).to_owned(), json!(id));
                obj.insert("created_at".to_owned(), json!(now));
                obj.insert("updated_at".to_owned(), json!(now));
            }
            ctx.site()?
                .colls
                .entry(name.clone())
                .or_default()
                .insert(id.clone(), item);
            ctx.write_key = Some(format!("{name}:create:{id}"));
            Ok(json!({ *id_field: id }))
        }
        H::Get(coll, id_param) | H::Head(coll, id_param) => {
            let name = ctx.coll_name(coll);
            let id = ctx.param(id_param).to_owned();
            let site = ctx.site()?;
            site.colls
                .get(&name)
                .and_then(|c| c.items.get(&id))
                .cloned()
                .ok_or_else(|| item_not_found(id_param))
        }
        H::Put(coll, id_param) | H::Patch(coll, id_param) => {
            let name = ctx.coll_name(coll);
            let id = ctx.param(id_param).to_owned();
            let now = ctx.st.now();
            let replace = matches!(h, H::Put(..));
            let body = ctx.body.clone();
            let site = ctx.site()?;
            let item = site
                .colls
                .get_mut(&name)
                .and_then(|c| c.items.get_mut(&id))
                .ok_or_else(|| item_not_found(id_param))?;
            let created = item.get("created_at").cloned();
            if replace {
                *item = body;
            } else {
                merge(item, &body);
            }
            if let Some(obj) = item.as_object_mut() {
                obj.insert((*id_param).to_owned(), json!(id));
                if let Some(created) = created {
                    obj.insert("created_at".to_owned(), created);
                }
                if obj.contains_key("updated_at") || replace {
                    obj.insert("updated_at".to_owned(), json!(now));
                }
            }
            Ok(json!({}))
        }
        H::Del(coll, id_param) => {
            let name = ctx.coll_name(coll);
            let id = ctx.param(id_param).to_owned();
            let site = ctx.site()?;
            site.colls
                .get_mut(&name)
                .and_then(|c| c.remove(&id))
                .map(|_| json!({}))
                .ok_or_else(|| item_not_found(id_param))
        }
        H::DocGet(doc) => {
            let site = ctx.site()?;
            Ok(site
                .docs
                .get(*doc)
                .cloned()
                .unwrap_or_else(|| default_doc(doc, site)))
        }
        H::DocPatch(doc) => {
            let body = ctx.body.clone();
            let site = ctx.site()?;
            let mut current = site
                .docs
                .get(*doc)
                .cloned()
                .unwrap_or_else(|| default_doc(doc, site));
            merge(&mut current, &body);
            site.docs.insert((*doc).to_owned(), current);
            Ok(json!({}))
        }
        H::UserDocGet(doc) => {
            let cfg = ctx.cfg;
            Ok(ctx
                .st
                .docs
                .get(*doc)
                .cloned()
                .unwrap_or_else(|| default_user_doc(doc, cfg)))
        }
        H::UserDocPatch(doc) => {
            let body = ctx.body.clone();
            let cfg = ctx.cfg;
            let mut current = ctx
                .st
                .docs
                .get(*doc)
                .cloned()
                .unwrap_or_else(|| default_user_doc(doc, cfg));
            merge(&mut current, &body);
            ctx.st.docs.insert((*doc).to_owned(), current);
            Ok(json!({}))
        }
    }
}

/// The id of the user behind the user-tier keypair.
pub(crate) fn user_id(cfg: &CrispConfig) -> String {
    super::wire::uuid("user", cfg.website_ids.len() as u64)
}

/// The initial content of a user-level document.
pub(crate) fn default_user_doc(doc: &str, cfg: &CrispConfig) -> Value {
    let user_id = user_id(cfg);
    match doc {
        "account" => {
            json!({"user_id": user_id, "email": "owner@example.com", "locale": "en", "created_at": cfg.epoch_ms})
        }
        "profile" => {
            json!({"user_id": user_id, "email": "owner@example.com", "first_name": "Owner", "last_name": "Sim",
                            "avatar": "https://avatars.example.com/owner.png", "phone": "+33600000000"})
        }
        "notification" => {
            json!({"disabled": false, "sounds": true, "urgent": true, "new_conversation": true,
                                 "new_message": true, "digest": "daily"})
        }
        "availability" => json!({"type": "online", "time": {"for": 0, "since": cfg.epoch_ms}}),
        _ => json!({}),
    }
}

/// The initial content of a website document.
pub(crate) fn default_doc(doc: &str, site: &Website) -> Value {
    match doc {
        "settings" => {
            let chatbox = chatbox_defaults();
            let mut v = json!({
            "website_id": site.website_id, "name": site.name, "domain": site.domain,
            "domain_alternates": [], "logo": "",
            "audit": {"log": false},
            "contact": {"email": format!("contact@{}", site.domain), "phone": "", "messenger": "", "telegram": "",
                        "twitter": "", "whatsapp": "", "instagram": ""},
            "inbox": {"lock_removal": false, "force_operator_token": false, "locale": "en"},
            "emails": {"rating": true, "transcript": true, "trackers": true, "junk_filter": true},
            });
            if let Some(o) = v.as_object_mut() {
                o.insert("chatbox".to_owned(), chatbox);
            }
            v
        }
        "verify_settings" => json!({"enabled": false}),
        "verify_key" => {
            json!({"secret": super::wire::uuid("verify", site.index as u64).replace('-', "")})
        }
        "helpdesk_settings" => json!({
            "name": site.helpdesk.as_ref().and_then(|h| h.get("name")).cloned().unwrap_or(json!(site.name)),
            "appearance": {"color": {"mode": "light", "mode_changeable": true}, "logos": {"favicon": "", "header": "", "footer": ""}, "banner": ""},
            "localization": {"writing_locale": "en", "translated_automatic": false, "translated_locales_readonly": false},
            "section": {"articles": "Articles", "guides": "Guides", "references": "References", "news": "News"},
            "behavior": {"frequently_read": true, "show_category_images": true, "show_chatbox": true, "ask_feedback": true,
                "report_incorrect": true, "serve_markdown": false, "agent_chat_bar": true, "agent_copy_button": true,
                "table_of_contents": true, "locale_picker": true, "refer_link": true, "forbid_indexing": false,
                "status_health_dead": false},
            "service": {"mcp_server": false}, "include": {"html": ""},
            "access": {"restrict_mode": "public", "password": "", "jwt_secret": ""}
        }),
        "helpdesk_domain" => json!({
            "root": "help.example.com", "basic": format!("site{}", site.index),
            "custom": "", "verified": false
        }),
        _ => json!({}),
    }
}

/// The items of a website collection, in insertion order (empty when the collection is absent).
pub(crate) fn coll_values(site: &Website, name: &str) -> Vec<Value> {
    site.colls
        .get(name)
        .map(|c: &Coll| c.values().cloned().collect())
        .unwrap_or_default()
}

fn chatbox_defaults() -> Value {
    let mut v = json!({"tile": "default", "conversations": true, "wait_game": false, "website_logo": true,
                "last_operator_face": false, "ongoing_operator_face": true, "activity_metrics": true,
                "operator_privacy": false, "visitor_privacy": false, "availability_tooltip": true,
                "hide_vacation": false, "hide_on_away": false, "hide_on_mobile": false, "position_reverse": false,
                "email_visitors": true, "phone_visitors": false, "force_identify": false, "ignore_privacy": false,
                "visitor_compose": false, "file_transfer": true, "audio_record": true});
    let rest = json!({"guard_level": "normal",
                "mode_initial": "default", "home": true, "overlay_search": false, "overlay_mode": false,
                "helpdesk_link": true, "helpdesk_only": false, "helpdesk_navigate": "default",
                "status_health_dead": true, "check_domain": false, "color_theme": "default",
                "color_mode": "light", "layout_theme": "default", "text_theme": "default",
                "welcome_message": "default", "locale": "", "allowed_pages": [], "blocked_pages": [],
                "blocked_countries": [], "blocked_locales": [], "blocked_ips": []});
    merge(&mut v, &rest);
    v
}
