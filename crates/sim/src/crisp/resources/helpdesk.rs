//! The Helpdesk: locales, the node tree of articles, guides, references and news, pages,
//! history, ratings and feedbacks, and the legacy article routes.

use super::*;

pub(super) const CONTENT_TYPES: [&str; 4] = ["articles", "guides", "references", "news"];

pub(super) fn helpdesk_missing() -> ApiError {
    ApiError::not_found("helpdesk_not_found", "the website has no helpdesk")
}

/// `GET|HEAD /website/{website_id}/helpdesk`.
pub(crate) fn helpdesk_get(ctx: &mut Ctx<'_>) -> Res {
    let hd = ctx.site()?.helpdesk.clone().ok_or_else(helpdesk_missing)?;
    Ok(Value::Object(hd))
}

/// `POST /website/{website_id}/helpdesk` (idempotent: re-initialising renames).
pub(crate) fn helpdesk_init(ctx: &mut Ctx<'_>) -> Res {
    let name = ctx.bs("name").unwrap_or("").to_owned();
    let basic = ctx.bs("domain_basic").unwrap_or("").to_owned();
    let site = ctx.site()?;
    let mut hd = Map::new();
    hd.insert("name".to_owned(), json!(name));
    hd.insert(
        "url".to_owned(),
        json!(format!("https://{basic}.help.example.com/")),
    );
    site.helpdesk = Some(hd);
    if !site.colls.contains_key("helpdesk_locales") {
        let mut locales = Coll::default();
        locales.insert("en".to_owned(), new_locale(site, "en"));
        site.colls.insert("helpdesk_locales".to_owned(), locales);
    }
    Ok(json!({}))
}

/// `DELETE /website/{website_id}/helpdesk`.
pub(crate) fn helpdesk_delete(ctx: &mut Ctx<'_>) -> Res {
    let site = ctx.site()?;
    site.helpdesk.take().ok_or_else(helpdesk_missing)?;
    site.colls.remove("helpdesk_locales");
    site.tree.clear();
    Ok(json!({}))
}

pub(super) fn locale_exists(site: &Website, locale: &str) -> bool {
    site.colls
        .get("helpdesk_locales")
        .is_some_and(|c| c.items.contains_key(locale))
}

pub(super) fn locale_missing() -> ApiError {
    ApiError::not_found("locale_not_found", "helpdesk locale not found")
}

/// `GET …/helpdesk/locales/{page_number}` (statistics are computed from the tree).
pub(crate) fn hd_locales(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let site = ctx.site()?;
    let items: Vec<Value> = coll_values(site, "helpdesk_locales")
        .into_iter()
        .map(|mut l| {
            let locale = l
                .get("locale")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if let Some(o) = l.as_object_mut() {
                o.insert("statistics".to_owned(), locale_stats(site, &locale));
            }
            l
        })
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

pub(super) fn locale_stats(site: &Website, locale: &str) -> Value {
    let mut stats = Map::new();
    for ct in CONTENT_TYPES {
        let (mut entries, mut groups) = (0u64, 0u64);
        for ((l, c, _), node) in &site.tree {
            if l == locale && c == ct {
                if node.kind == "folder" {
                    groups += 1;
                } else {
                    entries += 1;
                }
            }
        }
        stats.insert(ct.to_owned(), json!({"entries": entries, "groups": groups}));
    }
    Value::Object(stats)
}

/// `POST …/helpdesk/locale` (idempotent).
pub(crate) fn hd_locale_add(ctx: &mut Ctx<'_>) -> Res {
    let locale = ctx.bs("locale").unwrap_or("").to_owned();
    if locale.is_empty() {
        return Err(ApiError::invalid("data.locale should not be empty"));
    }
    let site = ctx.site()?;
    if site.helpdesk.is_none() {
        return Err(helpdesk_missing());
    }
    if !locale_exists(site, &locale) {
        let item = new_locale(site, &locale);
        site.colls
            .entry("helpdesk_locales".to_owned())
            .or_default()
            .insert(locale, item);
    }
    Ok(json!({}))
}

/// `GET|HEAD …/helpdesk/locale/{locale}`.
pub(crate) fn hd_locale_get(ctx: &mut Ctx<'_>) -> Res {
    let locale = ctx.param("locale").to_owned();
    let site = ctx.site()?;
    let mut item = site
        .colls
        .get("helpdesk_locales")
        .and_then(|c| c.items.get(&locale))
        .cloned()
        .ok_or_else(locale_missing)?;
    if let Some(o) = item.as_object_mut() {
        o.insert("statistics".to_owned(), locale_stats(site, &locale));
    }
    Ok(item)
}

/// `DELETE …/helpdesk/locale/{locale}`.
pub(crate) fn hd_locale_delete(ctx: &mut Ctx<'_>) -> Res {
    let locale = ctx.param("locale").to_owned();
    let site = ctx.site()?;
    site.colls
        .get_mut("helpdesk_locales")
        .and_then(|c| c.remove(&locale))
        .ok_or_else(locale_missing)?;
    site.tree.retain(|(l, _, _), _| *l != locale);
    Ok(json!({}))
}

/// Checks `{locale}` (and `{content_type}` when the route has one).
pub(super) fn check_locale(ctx: &mut Ctx<'_>) -> Result<(String, String), ApiError> {
    let locale = ctx.param("locale").to_owned();
    let ct = ctx.param("content_type").to_owned();
    let has_ct = ctx.params.iter().any(|(k, _)| *k == "content_type");
    if has_ct && !CONTENT_TYPES.contains(&ct.as_str()) {
        return Err(ApiError::invalid(
            "content_type should be articles, guides, references or news",
        ));
    }
    let site = ctx.site()?;
    if !locale_exists(site, &locale) {
        return Err(locale_missing());
    }
    Ok((locale, ct))
}

/// Locale-scoped acknowledgements (refresh, import, export).
pub(crate) fn hd_locale_ack(ctx: &mut Ctx<'_>) -> Res {
    check_locale(ctx).map(|_| json!({}))
}

pub(super) fn tree_key(ctx: &mut Ctx<'_>) -> Result<(String, String, String), ApiError> {
    let (locale, ct) = check_locale(ctx)?;
    let path = ctx.param("path").trim_matches('/').to_owned();
    if path.is_empty() {
        return Err(ApiError::invalid("path should not be empty"));
    }
    Ok((locale, ct, path))
}

pub(super) fn entry_not_found() -> ApiError {
    ApiError::not_found("not_found", "helpdesk tree entry not found")
}

pub(super) fn state_of(node: &TreeNode) -> Value {
    let mut state = json!({"published": true, "hidden": false, "featured": false});
    if let Some(s) = node.metadata.get("state") {
        merge(&mut state, s);
    }
    state
}

pub(super) fn render_entry(
    site: &Website,
    key: &(String, String, String),
    node: &TreeNode,
    depth: u8,
) -> Value {
    let slug = key.2.rsplit('/').next().unwrap_or(&key.2);
    let children: Vec<Value> = if depth > 0 && node.kind == "folder" {
        children_of(site, &key.0, &key.1, &key.2)
            .into_iter()
            .map(|(k, n)| render_entry(site, &k, n, depth - 1))
            .collect()
    } else {
        Vec::new()
    };
    json!({"type": node.kind, "slug": slug, "title": node.title, "state": state_of(node), "children": children})
}

pub(super) fn children_of<'s>(
    site: &'s Website,
    locale: &str,
    ct: &str,
    parent: &str,
) -> Vec<((String, String, String), &'s TreeNode)> {
    site.tree
        .iter()
        .filter(|((l, c, p), _)| {
            l == locale
                && c == ct
                && match p.rsplit_once('/') {
                    Some((dir, _)) => dir == parent,
                    None => parent.is_empty(),
                }
        })
        .map(|(k, n)| (k.clone(), n))
        .collect()
}

/// `GET …/helpdesk/tree/list/{locale}/{content_type}/{page_number}`.
pub(crate) fn hd_tree_list(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let (locale, ct) = check_locale(ctx)?;
    let sub_path = ctx.q("sub_path").unwrap_or("").trim_matches('/').to_owned();
    let title = ctx
        .q("search_title")
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let site = ctx.site()?;
    let items: Vec<Value> = match title {
        Some(t) => site
            .tree
            .iter()
            .filter(|((l, c, p), n)| {
                *l == locale
                    && *c == ct
                    && (sub_path.is_empty() || p.starts_with(&sub_path))
                    && n.title.to_lowercase().contains(&t)
            })
            .map(|(k, n)| render_entry(site, k, n, 1))
            .collect(),
        None => children_of(site, &locale, &ct, &sub_path)
            .into_iter()
            .map(|(k, n)| render_entry(site, &k, n, 1))
            .collect(),
    };
    Ok(Value::Array(paged(&items, page)))
}

pub(super) fn record_change(ctx: &mut Ctx<'_>, message: &str, path: &str) -> Result<(), ApiError> {
    let now = ctx.st.now();
    let id = ctx.st.new_id("change");
    let change = history_change(&id, message, path, now);
    ctx.site()?
        .colls
        .entry("history".to_owned())
        .or_default()
        .insert(id, change);
    Ok(())
}

/// `POST …/helpdesk/tree/path/{locale}/{content_type}/{path}` (idempotent).
pub(crate) fn hd_tree_create(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let entity_id = ctx.st.new_id("entity");
    let path = key.2.clone();
    let site = ctx.site()?;
    if let std::collections::btree_map::Entry::Vacant(slot) = site.tree.entry(key) {
        let title = path.rsplit('/').next().unwrap_or(&path).replace('-', " ");
        slot.insert(TreeNode {
            kind: "page".to_owned(),
            title,
            content: String::new(),
            metadata: Map::new(),
            entity_id,
        });
        record_change(ctx, "Create page", &path)?;
    }
    Ok(json!({}))
}

/// `GET …/helpdesk/tree/path/…`.
pub(crate) fn hd_tree_get(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let site = ctx.site()?;
    let node = site.tree.get(&key).ok_or_else(entry_not_found)?;
    Ok(render_entry(site, &key, node, 1))
}

/// `PATCH …/helpdesk/tree/path/…`: `path.to` moves the entry (and what is below it).
pub(crate) fn hd_tree_update(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let to = ctx
        .b("path")
        .and_then(|p| p.get("to"))
        .and_then(Value::as_str)
        .map(|s| s.trim_matches('/').to_owned());
    let site = ctx.site()?;
    if !site.tree.contains_key(&key) {
        return Err(entry_not_found());
    }
    if let Some(to) = to.filter(|t| !t.is_empty() && *t != key.2) {
        let prefix = format!("{}/", key.2);
        let moving: Vec<(String, String, String)> = site
            .tree
            .keys()
            .filter(|(l, c, p)| {
                *l == key.0 && *c == key.1 && (*p == key.2 || p.starts_with(&prefix))
            })
            .cloned()
            .collect();
        for old in moving {
            if let Some(node) = site.tree.remove(&old) {
                let new_path = format!("{to}{}", &old.2[key.2.len()..]);
                site.tree.insert((old.0, old.1, new_path), node);
            }
        }
    }
    record_change(ctx, "Move entry", &key.2)?;
    Ok(json!({}))
}

/// `DELETE …/helpdesk/tree/path/…` (with what is below it).
pub(crate) fn hd_tree_delete(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let site = ctx.site()?;
    if site.tree.remove(&key).is_none() {
        return Err(entry_not_found());
    }
    let prefix = format!("{}/", key.2);
    site.tree
        .retain(|(l, c, p), _| !(*l == key.0 && *c == key.1 && p.starts_with(&prefix)));
    record_change(ctx, "Delete entry", &key.2)?;
    Ok(json!({}))
}

pub(super) fn node_mut<'c>(ctx: &'c mut Ctx<'_>) -> Result<(&'c mut TreeNode, String), ApiError> {
    let key = tree_key(ctx)?;
    let path = key.2.clone();
    let node = ctx.site()?.tree.get_mut(&key).ok_or_else(entry_not_found)?;
    Ok((node, path))
}

/// `GET …/helpdesk/tree/content/…`.
pub(crate) fn hd_content_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"content": node_mut(ctx)?.0.content}))
}

/// `PUT …/helpdesk/tree/content/…`.
pub(crate) fn hd_content_put(ctx: &mut Ctx<'_>) -> Res {
    let content = ctx.bs("content").unwrap_or("").to_owned();
    let (node, path) = node_mut(ctx)?;
    node.content = content;
    record_change(ctx, "Update content", &path)?;
    Ok(json!({}))
}

/// `GET …/helpdesk/tree/metadata/…`.
pub(crate) fn hd_meta_get(ctx: &mut Ctx<'_>) -> Res {
    let owner = seeded_operator_id(0, 0);
    let (node, _) = node_mut(ctx)?;
    let mut meta = json!({"format": "markdown", "title": node.title, "description": "", "state": state_of(node),
                          "author": {"user_id": owner}, "color": "", "image": ""});
    let mut extra = Value::Object(node.metadata.clone());
    if let Some(o) = extra.as_object_mut() {
        o.remove("state");
    }
    merge(&mut meta, &extra);
    Ok(meta)
}

/// `PATCH …/helpdesk/tree/metadata/…`.
pub(crate) fn hd_meta_patch(ctx: &mut Ctx<'_>) -> Res {
    let body = ctx.body.clone();
    let (node, path) = node_mut(ctx)?;
    let mut meta = Value::Object(std::mem::take(&mut node.metadata));
    merge(&mut meta, &body);
    node.metadata = meta.as_object().cloned().unwrap_or_default();
    if let Some(t) = body.get("title").and_then(Value::as_str) {
        node.title = t.to_owned();
    }
    record_change(ctx, "Update metadata", &path)?;
    Ok(json!({}))
}

pub(super) fn page_url(site: &Website, locale: &str, ct: &str, path: &str) -> String {
    format!(
        "https://{}.help.example.com/{locale}/{ct}/{path}",
        site.domain.replace('.', "-")
    )
}

/// `GET …/helpdesk/tree/page/…`.
pub(crate) fn hd_tree_page(ctx: &mut Ctx<'_>) -> Res {
    let key = tree_key(ctx)?;
    let site = ctx.site()?;
    let node = site.tree.get(&key).ok_or_else(entry_not_found)?;
    Ok(json!({"title": node.title, "url": page_url(site, &key.0, &key.1, &key.2)}))
}

pub(super) fn render_page(
    site: &Website,
    key: &(String, String, String),
    node: &TreeNode,
) -> Value {
    json!({"entity_id": node.entity_id, "title": node.title, "tree_path": key.2, "url": page_url(site, &key.0, &key.1, &key.2)})
}

/// `GET …/helpdesk/page/list/{locale}/{content_type}/{page_number}`.
pub(crate) fn hd_pages(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let (locale, ct) = check_locale(ctx)?;
    let site = ctx.site()?;
    let items: Vec<Value> = site
        .tree
        .iter()
        .filter(|((l, c, _), n)| *l == locale && *c == ct && n.kind == "page")
        .map(|(k, n)| render_page(site, k, n))
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `GET …/helpdesk/page/entity/{locale}/{content_type}/{entity_id}`.
pub(crate) fn hd_page_entity(ctx: &mut Ctx<'_>) -> Res {
    let (locale, ct) = check_locale(ctx)?;
    let entity = ctx.param("entity_id").to_owned();
    let site = ctx.site()?;
    site.tree
        .iter()
        .find(|((l, c, _), n)| *l == locale && *c == ct && n.entity_id == entity)
        .map(|(k, n)| render_page(site, k, n))
        .ok_or_else(entry_not_found)
}

/// `GET …/helpdesk/history/changes/{page_number}` (newest first; `filter_tree_path` prefix).
pub(crate) fn hd_history(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let prefix = ctx.q("filter_tree_path").unwrap_or("").to_owned();
    let site = ctx.site()?;
    let mut items: Vec<Value> = coll_values(site, "history")
        .into_iter()
        .filter(|c| {
            prefix.is_empty()
                || c.get("files").and_then(Value::as_array).is_some_and(|fs| {
                    fs.iter().any(|f| {
                        f.get("path")
                            .and_then(Value::as_str)
                            .is_some_and(|p| p.starts_with(&prefix))
                    })
                })
        })
        .collect();
    items.reverse();
    Ok(Value::Array(paged(&items, page)))
}

/// `DELETE …/helpdesk/history/change/{change_id}`.
pub(crate) fn hd_history_cancel(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.param("change_id").to_owned();
    ctx.site()?
        .colls
        .get_mut("history")
        .and_then(|c| c.remove(&id))
        .map(|_| json!({}))
        .ok_or_else(|| ApiError::not_found("not_found", "change not found"))
}

/// Feedback ratings (node 11 and legacy paths).
pub(crate) fn hd_ratings(ctx: &mut Ctx<'_>) -> Res {
    check_locale(ctx)?;
    Ok(json!({"ratings": {"helpful": 3, "unhelpful": 1}}))
}

/// Feedback list (node 11 and legacy paths).
pub(crate) fn hd_feedbacks(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    check_locale(ctx)?;
    let at = ctx.cfg.epoch_ms;
    let items: Vec<Value> = (0..2)
        .map(|i| json!({"rating": if i == 0 { "helpful" } else { "unhelpful" }, "comment": format!("Feedback {i}"),
                         "article": {"article_id": uuid("article", i), "title": format!("Article {i}"), "url": ""},
                         "session": {"session_id": format!("session_{}", uuid("feedback", i)), "nickname": "visitor",
                                     "email": "", "avatar": "", "geolocation": {}, "assigned": {}},
                         "created_at": at}))
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `GET …/helpdesk/domain/setup?custom=`.
pub(crate) fn hd_domain_setup(ctx: &mut Ctx<'_>) -> Res {
    let custom = ctx.q("custom").unwrap_or("help.example.com").to_owned();
    ctx.site()?;
    Ok(
        json!({"custom": custom, "setup": {"records": [{"type": "CNAME", "query": custom, "name": custom, "value": "helpdesk.example.com"}]}}),
    )
}

pub(super) fn article_mut<'c>(
    ctx: &'c mut Ctx<'_>,
) -> Result<&'c mut Map<String, Value>, ApiError> {
    let name = format!("articles:{}", ctx.param("locale"));
    let id = ctx.param("article_id").to_owned();
    ctx.site()?
        .colls
        .get_mut(&name)
        .and_then(|c| c.items.get_mut(&id))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| ApiError::not_found("not_found", "article not found"))
}

/// Legacy `GET …/article/{article_id}/page`.
pub(crate) fn legacy_article_page(ctx: &mut Ctx<'_>) -> Res {
    let a = article_mut(ctx)?;
    Ok(
        json!({"title": a.get("title").cloned().unwrap_or(json!("")), "url": a.get("url").cloned().unwrap_or(json!(""))}),
    )
}

/// Legacy `GET …/article/{article_id}/category`.
pub(crate) fn legacy_article_category(ctx: &mut Ctx<'_>) -> Res {
    let a = article_mut(ctx)?;
    Ok(a.get("category")
        .cloned()
        .unwrap_or(json!({"category_id": null, "section_id": null})))
}

/// Legacy `PATCH …/article/{article_id}/category`.
pub(crate) fn legacy_article_category_set(ctx: &mut Ctx<'_>) -> Res {
    let category = json!({"category_id": ctx.b("category_id").cloned().unwrap_or(Value::Null),
                          "section_id": ctx.b("section_id").cloned().unwrap_or(Value::Null)});
    article_mut(ctx)?.insert("category".to_owned(), category);
    Ok(json!({}))
}

/// Legacy `GET …/article/{article_id}/alternates`.
pub(crate) fn legacy_alternates(ctx: &mut Ctx<'_>) -> Res {
    let a = article_mut(ctx)?;
    let alternates = a
        .get("alternates")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    Ok(Value::Array(
        alternates
            .into_iter()
            .map(|(locale, id)| json!({"locale": locale, "article_id": id}))
            .collect(),
    ))
}

/// Legacy `GET|HEAD …/article/{article_id}/alternate/{locale_linked}`.
pub(crate) fn legacy_alternate_get(ctx: &mut Ctx<'_>) -> Res {
    let linked = ctx.param("locale_linked").to_owned();
    let a = article_mut(ctx)?;
    a.get("alternates")
        .and_then(|m| m.get(&linked))
        .map(|id| json!({"locale": linked, "article_id": id}))
        .ok_or_else(|| ApiError::not_found("not_found", "alternate not found"))
}

/// Legacy `PUT …/article/{article_id}/alternate/{locale_linked}`.
pub(crate) fn legacy_alternate_put(ctx: &mut Ctx<'_>) -> Res {
    let linked = ctx.param("locale_linked").to_owned();
    let target = ctx.b("article_id").cloned().unwrap_or(Value::Null);
    let a = article_mut(ctx)?;
    let entry = a.entry("alternates").or_insert_with(|| json!({}));
    if let Some(o) = entry.as_object_mut() {
        o.insert(linked, target);
    }
    Ok(json!({}))
}

/// Legacy `DELETE …/article/{article_id}/alternate/{locale_linked}`.
pub(crate) fn legacy_alternate_delete(ctx: &mut Ctx<'_>) -> Res {
    let linked = ctx.param("locale_linked").to_owned();
    let a = article_mut(ctx)?;
    a.get_mut("alternates")
        .and_then(Value::as_object_mut)
        .and_then(|m| m.remove(&linked))
        .map(|_| json!({}))
        .ok_or_else(|| ApiError::not_found("not_found", "alternate not found"))
}

/// Legacy `POST …/article/{article_id}/publish`: answers the article URL.
pub(crate) fn legacy_publish(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    let a = article_mut(ctx)?;
    a.insert("status".to_owned(), json!("published"));
    a.insert("published_at".to_owned(), json!(now));
    Ok(json!({"url": a.get("url").cloned().unwrap_or(json!(""))}))
}

/// Legacy `POST …/article/{article_id}/unpublish`.
pub(crate) fn legacy_unpublish(ctx: &mut Ctx<'_>) -> Res {
    article_mut(ctx)?.insert("status".to_owned(), json!("draft"));
    Ok(json!({}))
}
