//! People profiles (+ data, events, segments, subscription) and the people batch operations.
//!
//! `{people_id}` may also be an email, as the PHP wrapper's `findByEmail` relies on.

use serde_json::{Map, Value, json};

use super::ctx::{Ctx, PAGE_SIZE, paged};
use super::state::{Person, Website};
use super::wire::{ApiError, Field, Kind::*, Res, merge, opt, page_range, req};

/// The write body of a profile (`PeopleProfileUpdateCard`).
pub(crate) const CARD: [Field; 6] = [
    opt("email", Str),
    opt("person", Obj),
    opt("company", Obj),
    opt("segments", StrArr),
    opt("notepad", Str),
    opt("active", Num),
];

/// Creation additionally requires an email.
const CREATE_REQUIRED: Field = req("email", Str);

fn not_found() -> ApiError {
    ApiError::not_found("people_not_found", "people profile not found")
}

fn resolve(site: &Website, key: &str) -> Option<String> {
    if site.people.contains_key(key) {
        return Some(key.to_owned());
    }
    site.people_email.get(&key.to_lowercase()).cloned()
}

fn person<'c>(ctx: &'c mut Ctx<'_>) -> Result<&'c mut Person, ApiError> {
    let key = ctx.param("people_id").to_owned();
    let site = ctx.site()?;
    let id = resolve(site, &key).ok_or_else(not_found)?;
    site.people.get_mut(&id).ok_or_else(not_found)
}

/// A `PeopleProfile` object.
pub(crate) fn render(p: &Person) -> Value {
    let mut person = json!({
        "nickname": p.nickname, "avatar": "", "gender": "", "phone": "", "address": "", "description": "",
        "website": "", "timezone": 0, "profiles": [], "employment": {}, "geolocation": {}, "locales": []
    });
    if let Some(written) = p.card.get("person") {
        merge(&mut person, written);
    }
    let last = p
        .card
        .get("active")
        .and_then(Value::as_i64)
        .unwrap_or(p.updated_at);
    json!({
        "people_id": p.people_id, "email": p.email, "person": person,
        "company": p.card.get("company").cloned().unwrap_or(json!({})),
        "segments": p.card.get("segments").cloned().unwrap_or(json!([])),
        "notepad": p.card.get("notepad").cloned().unwrap_or(json!("")),
        "active": {"now": false, "last": last}, "score": 0,
        "created_at": p.created_at, "updated_at": p.updated_at
    })
}

fn segments_of(p: &Person) -> Vec<String> {
    p.card
        .get("segments")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// `GET …/people/stats`.
pub(crate) fn stats(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"total": ctx.site()?.people.len()}))
}

fn suggested<F>(ctx: &mut Ctx<'_>, kind: &str, field: &str, extract: F) -> Res
where
    F: Fn(&Person) -> Vec<String>,
{
    let page = ctx.page()?;
    let site = ctx.site()?;
    let mut counts: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for p in site.people.values() {
        for s in extract(p) {
            *counts.entry(s).or_insert(0) += 1;
        }
    }
    let items: Vec<Value> = counts
        .into_iter()
        .filter(|(k, _)| !site.dismissed.contains(&format!("people:{kind}:{k}")))
        .map(|(k, n)| json!({ field: k, "count": n }))
        .collect();
    Ok(Value::Array(paged(&items, page)))
}

/// `GET …/people/suggest/segments/{page_number}`.
pub(crate) fn suggest_segments(ctx: &mut Ctx<'_>) -> Res {
    suggested(ctx, "segment", "segment", segments_of)
}

/// `GET …/people/suggest/data/{page_number}`.
pub(crate) fn suggest_data(ctx: &mut Ctx<'_>) -> Res {
    suggested(ctx, "data", "key", |p| p.data.keys().cloned().collect())
}

/// `GET …/people/suggest/events/{page_number}`.
pub(crate) fn suggest_events(ctx: &mut Ctx<'_>) -> Res {
    suggested(ctx, "event", "text", |p| {
        p.events
            .iter()
            .filter_map(|e| e.get("text").and_then(Value::as_str).map(str::to_owned))
            .collect()
    })
}

fn dismiss(ctx: &mut Ctx<'_>, kind: &str, field: &str) -> Res {
    let value = ctx.bs(field).unwrap_or("").to_owned();
    ctx.site()?
        .dismissed
        .insert(format!("people:{kind}:{value}"));
    Ok(json!({}))
}

/// `DELETE …/people/suggest/segment`.
pub(crate) fn dismiss_segment(ctx: &mut Ctx<'_>) -> Res {
    dismiss(ctx, "segment", "segment")
}

/// `DELETE …/people/suggest/data`.
pub(crate) fn dismiss_data(ctx: &mut Ctx<'_>) -> Res {
    dismiss(ctx, "data", "key")
}

/// `DELETE …/people/suggest/event`.
pub(crate) fn dismiss_event(ctx: &mut Ctx<'_>) -> Res {
    dismiss(ctx, "event", "text")
}

fn field_of(p: &Person, criterion: &str) -> String {
    let rendered = render(p);
    let mut cur = &rendered;
    for part in criterion.split('.') {
        match cur.get(part) {
            Some(v) => cur = v,
            None => {
                return criterion
                    .strip_prefix("data.")
                    .and_then(|k| p.data.get(k))
                    .map(|v| {
                        v.as_str()
                            .map(str::to_owned)
                            .unwrap_or_else(|| v.to_string())
                    })
                    .unwrap_or_default();
            }
        }
    }
    match cur {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn filter_matches(p: &Person, f: &Value) -> bool {
    let criterion = f.get("criterion").and_then(Value::as_str).unwrap_or("");
    let operator = f.get("operator").and_then(Value::as_str).unwrap_or("eq");
    let values: Vec<String> = match f.get("query") {
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let actual = field_of(p, criterion);
    let actual_l = actual.to_lowercase();
    match operator {
        "eq" => values.contains(&actual),
        "neq" => values.iter().all(|v| *v != actual),
        "ex" => !actual.is_empty(),
        "nex" => actual.is_empty(),
        _ => values.iter().any(|v| actual_l.contains(&v.to_lowercase())),
    }
}

/// `GET …/people/profiles/{page_number}` (search_text, search_filter, sort_field/sort_order).
pub(crate) fn list(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let per_page = match ctx.q("per_page") {
        None | Some("") => PAGE_SIZE,
        Some(raw) => match raw.parse::<usize>() {
            Ok(n) if (20..=50).contains(&n) => n,
            _ => {
                return Err(ApiError::invalid(
                    "per_page should be an integer between 20 and 50",
                ));
            }
        },
    };
    let text = ctx
        .q("search_text")
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase);
    let filters: Option<Vec<Value>> = match ctx.q("search_filter").filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => Some(
            serde_json::from_str::<Value>(raw)
                .ok()
                .and_then(|v| v.as_array().cloned())
                .ok_or_else(|| {
                    ApiError::invalid("search_filter should be a JSON array of filters")
                })?,
        ),
    };
    let any = ctx.q("search_operator") == Some("or");
    let sort_field = ctx.q("sort_field").map(str::to_owned);
    let descending = matches!(ctx.q("sort_order"), Some("descending") | Some("desc"));
    let site = ctx.site()?;
    if text.is_none() && filters.is_none() && sort_field.is_none() {
        let range = page_range(site.people_order.len(), page, per_page);
        let mut out = Vec::with_capacity(range.len());
        for id in &site.people_order[range] {
            if let Some(p) = site.people.get(id) {
                out.push(render(p));
            }
        }
        return Ok(Value::Array(out));
    }
    let mut matched: Vec<&Person> = site
        .people_order
        .iter()
        .filter_map(|id| site.people.get(id))
        .filter(|p| {
            text.as_ref().is_none_or(|t| {
                p.email.to_lowercase().contains(t.as_str())
                    || field_of(p, "person.nickname")
                        .to_lowercase()
                        .contains(t.as_str())
            })
        })
        .filter(|p| {
            filters.as_ref().is_none_or(|fs| {
                if any {
                    fs.iter().any(|f| filter_matches(p, f))
                } else {
                    fs.iter().all(|f| filter_matches(p, f))
                }
            })
        })
        .collect();
    if let Some(field) = &sort_field {
        let field = match field.as_str() {
            "nickname" => "person.nickname",
            other => other,
        };
        matched.sort_by_cached_key(|p| field_of(p, field));
        if descending {
            matched.reverse();
        }
    }
    let range = page_range(matched.len(), page, per_page);
    Ok(Value::Array(
        matched[range].iter().map(|p| render(p)).collect(),
    ))
}

fn apply_card(p: &mut Person, body: &Map<String, Value>, replace: bool) {
    if replace {
        p.card = Map::new();
    }
    for (k, v) in body {
        match k.as_str() {
            "email" => {}
            "person" => {
                let entry = p.card.entry("person").or_insert_with(|| json!({}));
                merge(entry, v);
                if let Some(n) = v.get("nickname").and_then(Value::as_str) {
                    p.nickname = n.to_owned();
                }
            }
            _ => {
                p.card.insert(k.clone(), v.clone());
            }
        }
    }
}

fn set_email(site: &mut Website, id: &str, email: Option<&str>) -> Result<(), ApiError> {
    let Some(email) = email else { return Ok(()) };
    let lower = email.to_lowercase();
    if let Some(owner) = site.people_email.get(&lower)
        && owner != id
    {
        return Err(ApiError::conflict(
            "people_exists",
            "a profile already has this email",
        ));
    }
    if let Some(p) = site.people.get_mut(id) {
        let old = std::mem::replace(&mut p.email, email.to_owned());
        site.people_email.remove(&old.to_lowercase());
        site.people_email.insert(lower, id.to_owned());
    }
    Ok(())
}

/// `POST …/people/profile`: answers `{people_id}`; 409 `people_exists` on a taken email.
pub(crate) fn create(ctx: &mut Ctx<'_>) -> Res {
    super::wire::check_schema(&ctx.body, &[CREATE_REQUIRED])?;
    let body = ctx.body.as_object().cloned().unwrap_or_default();
    let email = ctx.bs("email").unwrap_or("").to_owned();
    if !email.contains('@') {
        return Err(ApiError::invalid("data.email should be an email address"));
    }
    let now = ctx.st.now();
    let id = ctx.st.new_id("people");
    let site = ctx.site()?;
    if site.people_email.contains_key(&email.to_lowercase()) {
        return Err(ApiError::conflict(
            "people_exists",
            "a profile already has this email",
        ));
    }
    let mut p = Person {
        people_id: id.clone(),
        email: email.clone(),
        nickname: email.split('@').next().unwrap_or("").to_owned(),
        created_at: now,
        updated_at: now,
        card: Map::new(),
        data: Map::new(),
        events: Vec::new(),
        subscribed: true,
    };
    apply_card(&mut p, &body, false);
    site.people_email.insert(email.to_lowercase(), id.clone());
    site.people_order.push(id.clone());
    site.people.insert(id.clone(), p);
    ctx.write_key = Some(format!("people:create:{}", email.to_lowercase()));
    ctx.reason = Some("added");
    Ok(json!({ "people_id": id }))
}

/// `GET|HEAD …/people/profile/{people_id}`.
pub(crate) fn get(ctx: &mut Ctx<'_>) -> Res {
    Ok(render(person(ctx)?))
}

fn write_card(ctx: &mut Ctx<'_>, replace: bool) -> Res {
    let body = ctx.body.as_object().cloned().unwrap_or_default();
    let now = ctx.st.now();
    let key = ctx.param("people_id").to_owned();
    let site = ctx.site()?;
    let id = resolve(site, &key).ok_or_else(not_found)?;
    set_email(site, &id, body.get("email").and_then(Value::as_str))?;
    let p = site.people.get_mut(&id).ok_or_else(not_found)?;
    apply_card(p, &body, replace);
    p.updated_at = now;
    ctx.write_key = Some(format!("people:update:{id}"));
    Ok(json!({}))
}

/// `PUT …/people/profile/{people_id}`: replaces the profile card.
pub(crate) fn save(ctx: &mut Ctx<'_>) -> Res {
    write_card(ctx, true)
}

/// `PATCH …/people/profile/{people_id}`: merges into the profile card.
pub(crate) fn update(ctx: &mut Ctx<'_>) -> Res {
    write_card(ctx, false)
}

fn remove_person(site: &mut Website, id: &str) -> bool {
    match site.people.remove(id) {
        Some(p) => {
            site.people_email.remove(&p.email.to_lowercase());
            site.people_order.retain(|k| k != id);
            true
        }
        None => false,
    }
}

/// `DELETE …/people/profile/{people_id}`.
pub(crate) fn remove(ctx: &mut Ctx<'_>) -> Res {
    let key = ctx.param("people_id").to_owned();
    let site = ctx.site()?;
    let id = resolve(site, &key).ok_or_else(not_found)?;
    remove_person(site, &id);
    Ok(json!({}))
}

/// `GET …/people/conversations/{people_id}/list/{page_number}`: session ids.
pub(crate) fn conversations(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let key = ctx.param("people_id").to_owned();
    let site = ctx.site()?;
    let id = resolve(site, &key).ok_or_else(not_found)?;
    let email = site
        .people
        .get(&id)
        .map(|p| p.email.clone())
        .unwrap_or_default();
    let mut convs: Vec<_> = site
        .conversations
        .values()
        .filter(|c| {
            c.people_id.as_deref() == Some(id.as_str())
                || c.meta.get("email").and_then(Value::as_str) == Some(email.as_str())
        })
        .collect();
    convs.sort_by_key(|c| std::cmp::Reverse(c.seq));
    let ids: Vec<Value> = convs.iter().map(|c| json!(c.session_id)).collect();
    Ok(Value::Array(paged(&ids, page)))
}

/// `GET …/people/campaigns/{people_id}/list/{page_number}`.
pub(crate) fn campaigns(ctx: &mut Ctx<'_>) -> Res {
    ctx.page()?;
    person(ctx)?;
    Ok(json!([]))
}

/// `POST …/people/events/{people_id}`.
pub(crate) fn add_event(ctx: &mut Ctx<'_>) -> Res {
    let now = ctx.st.now();
    let text = ctx.bs("text").unwrap_or("").to_owned();
    let data = ctx.b("data").cloned().unwrap_or(json!({}));
    let color = ctx.bs("color").unwrap_or("").to_owned();
    let ts = ctx.b("timestamp").and_then(Value::as_i64).unwrap_or(now);
    let p = person(ctx)?;
    p.events
        .push(json!({"text": text, "data": data, "color": color, "timestamp": ts}));
    Ok(json!({}))
}

/// `GET …/people/events/{people_id}/list/{page_number}` (newest first).
pub(crate) fn events(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let p = person(ctx)?;
    let newest_first: Vec<Value> = p.events.iter().rev().cloned().collect();
    Ok(Value::Array(paged(&newest_first, page)))
}

fn scalar_data(ctx: &Ctx<'_>) -> Result<Map<String, Value>, ApiError> {
    let data = ctx
        .b("data")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (k, v) in &data {
        if !(v.is_string() || v.is_number() || v.is_boolean()) {
            return Err(ApiError::invalid(format!(
                "data.data.{k} should be string, number or boolean"
            )));
        }
    }
    Ok(data)
}

/// `GET …/people/data/{people_id}`.
pub(crate) fn data_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"data": person(ctx)?.data}))
}

/// `PUT …/people/data/{people_id}`: replaces the data.
pub(crate) fn data_save(ctx: &mut Ctx<'_>) -> Res {
    let data = scalar_data(ctx)?;
    person(ctx)?.data = data;
    Ok(json!({}))
}

/// `PATCH …/people/data/{people_id}`: merges the data.
pub(crate) fn data_update(ctx: &mut Ctx<'_>) -> Res {
    let data = scalar_data(ctx)?;
    let p = person(ctx)?;
    for (k, v) in data {
        p.data.insert(k, v);
    }
    Ok(json!({}))
}

/// `GET …/people/subscription/{people_id}`.
pub(crate) fn subscription_get(ctx: &mut Ctx<'_>) -> Res {
    Ok(json!({"email": person(ctx)?.subscribed}))
}

/// `PATCH …/people/subscription/{people_id}`.
pub(crate) fn subscription_set(ctx: &mut Ctx<'_>) -> Res {
    let email = ctx.b("email").and_then(Value::as_bool).unwrap_or(true);
    person(ctx)?.subscribed = email;
    Ok(json!({}))
}

/// `POST …/people/import/profiles`.
pub(crate) fn import(ctx: &mut Ctx<'_>) -> Res {
    let id = ctx.st.new_id("import");
    Ok(json!({ "import_id": id }))
}

/// Legacy `GET …/people/segments/{page_number}`: segment names.
pub(crate) fn segments_legacy(ctx: &mut Ctx<'_>) -> Res {
    let page = ctx.page()?;
    let site = ctx.site()?;
    let mut all = std::collections::BTreeSet::new();
    for p in site.people.values() {
        all.extend(segments_of(p));
    }
    let items: Vec<Value> = all.into_iter().map(Value::String).collect();
    Ok(Value::Array(paged(&items, page)))
}

/// The profiles a people batch selects: `people.profiles` (ids or emails), else `people.search`
/// (text matched against email and nickname). An empty selector selects nobody.
fn batch_targets(ctx: &mut Ctx<'_>) -> Result<Vec<String>, ApiError> {
    let selector = ctx.b("people").cloned().unwrap_or(json!({}));
    let site = ctx.site()?;
    if let Some(list) = selector.get("profiles").and_then(Value::as_array) {
        return Ok(list
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|k| resolve(site, k))
            .collect());
    }
    match selector.get("search") {
        Some(Value::String(s)) if !s.is_empty() => {
            let s = s.to_lowercase();
            Ok(site
                .people_order
                .iter()
                .filter(|id| {
                    site.people.get(*id).is_some_and(|p| {
                        p.email.to_lowercase().contains(&s)
                            || p.nickname.to_lowercase().contains(&s)
                    })
                })
                .cloned()
                .collect())
        }
        _ => Ok(Vec::new()),
    }
}

/// `PATCH …/batch/remove` with `people`.
pub(crate) fn batch_remove(ctx: &mut Ctx<'_>) -> Res {
    let ids = batch_targets(ctx)?;
    let site = ctx.site()?;
    for id in ids {
        remove_person(site, &id);
    }
    Ok(json!({}))
}

/// `PATCH …/batch/data` with `people`.
pub(crate) fn batch_data(ctx: &mut Ctx<'_>) -> Res {
    let data = scalar_data(ctx)?;
    let ids = batch_targets(ctx)?;
    let site = ctx.site()?;
    for id in ids {
        if let Some(p) = site.people.get_mut(&id) {
            for (k, v) in &data {
                p.data.insert(k.clone(), v.clone());
            }
        }
    }
    Ok(json!({}))
}

/// `PATCH …/batch/segments` with `people`: adds the segments.
pub(crate) fn batch_segments(ctx: &mut Ctx<'_>) -> Res {
    let segments: Vec<String> = ctx
        .b("segments")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let ids = batch_targets(ctx)?;
    let site = ctx.site()?;
    for id in ids {
        if let Some(p) = site.people.get_mut(&id) {
            let mut current = segments_of(p);
            for s in &segments {
                if !current.contains(s) {
                    current.push(s.clone());
                }
            }
            p.card.insert("segments".to_owned(), json!(current));
        }
    }
    Ok(json!({}))
}
