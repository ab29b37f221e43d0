//! Routing: which handler a Carrot path and method reach, and the route classes rate limits and
//! fault scripts name.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    ActiveUsers,
    Leads,
    AppConversations,
    Channels,
    ConvGet,
    Parts,
    Reply,
    SetTyping,
    Assign,
    TagAdd,
    TagDelete,
    Close,
    MarkRead,
    UserGet,
    EventsGet,
    UserConversations,
    EventsPost,
    Props,
    SetPresence,
    SendMessage,
    StartConversation,
    Import,
    Unsubscribe,
    Email,
}

impl Route {
    pub(super) fn class(self) -> &'static str {
        match self {
            Route::ActiveUsers => "apps.activeusers",
            Route::Leads => "apps.users",
            Route::AppConversations => "apps.conversations",
            Route::Channels => "apps.channels",
            Route::ConvGet => "conversations.get",
            Route::Parts => "conversations.parts",
            Route::Reply => "conversations.reply",
            Route::SetTyping => "conversations.settyping",
            Route::Assign => "conversations.assign",
            Route::TagAdd | Route::TagDelete => "conversations.tag",
            Route::Close => "conversations.close",
            Route::MarkRead => "conversations.markread",
            Route::UserGet => "users.get",
            Route::EventsGet | Route::EventsPost => "users.events",
            Route::UserConversations => "users.conversations",
            Route::Props => "users.props",
            Route::SetPresence => "users.setpresence",
            Route::SendMessage => "users.sendmessage",
            Route::StartConversation => "users.startconversation",
            Route::Import => "users.import",
            Route::Unsubscribe => "users.unsubscribeemail",
            Route::Email => "utils.email",
        }
    }
}

pub(super) enum RouteErr {
    NotFound,
    Method,
}

/// Matches a path (after any version prefix) to a route and its raw path argument.
pub(super) fn resolve<'p>(method: &Method, path: &'p str) -> Result<(Route, &'p str), RouteErr> {
    let trimmed = path.trim_start_matches('/');
    let trimmed = trimmed.strip_suffix('/').unwrap_or(trimmed);
    let segs: Vec<&str> = trimmed.split('/').collect();
    let get = method == Method::GET || method == Method::HEAD;
    let post = method == Method::POST;
    let pick = |ok: bool, r: Route, arg: &'p str| {
        if ok {
            Ok((r, arg))
        } else {
            Err(RouteErr::Method)
        }
    };
    match segs.as_slice() {
        ["apps", app, tail] => {
            let r = match *tail {
                "activeusers" => Route::ActiveUsers,
                "users" => Route::Leads,
                "conversations" => Route::AppConversations,
                "channels" => Route::Channels,
                _ => return Err(RouteErr::NotFound),
            };
            pick(get, r, app)
        }
        ["conversations", id] => pick(get, Route::ConvGet, id),
        ["conversations", id, tail] => match *tail {
            "parts" => pick(get, Route::Parts, id),
            "reply" => pick(post, Route::Reply, id),
            "settyping" => pick(post, Route::SetTyping, id),
            "assign" => pick(post, Route::Assign, id),
            "close" => pick(post, Route::Close, id),
            "markread" => pick(post, Route::MarkRead, id),
            "tag" if post => Ok((Route::TagAdd, id)),
            "tag" if method == Method::DELETE => Ok((Route::TagDelete, id)),
            "tag" => Err(RouteErr::Method),
            _ => Err(RouteErr::NotFound),
        },
        ["users", "import"] if post => Ok((Route::Import, "")),
        ["users", id] => pick(get, Route::UserGet, id),
        ["users", id, tail] => match *tail {
            "events" if get => Ok((Route::EventsGet, id)),
            "events" if post => Ok((Route::EventsPost, id)),
            "events" => Err(RouteErr::Method),
            "conversations" => pick(get, Route::UserConversations, id),
            "props" => pick(post, Route::Props, id),
            "setpresence" => pick(post, Route::SetPresence, id),
            "sendmessage" => pick(post, Route::SendMessage, id),
            "startconversation" => pick(post, Route::StartConversation, id),
            "unsubscribeemail" => pick(post, Route::Unsubscribe, id),
            _ => Err(RouteErr::NotFound),
        },
        ["utils", "email"] => pick(post, Route::Email, ""),
        _ => Err(RouteErr::NotFound),
    }
}

/// The route class of a Carrot request path (after the version prefix), for rate limits.
pub fn route_class(method: &Method, path: &str) -> &'static str {
    match resolve(method, path) {
        Ok((r, _)) => r.class(),
        Err(_) => "unknown",
    }
}
