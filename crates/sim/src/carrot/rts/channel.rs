//! RTS channel names: the kinds Carrot Quest documents, which of them take a user id, and which
//! names a connection of this app may subscribe to.

/// Whether a channel kind names a user after the app (`kind.{app}.{user}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UserPart {
    /// `kind.{app}` only.
    No,
    /// `kind.{app}` and `kind.{app}.{user}`.
    Optional,
    /// `kind.{app}.{user}` only.
    Required,
}

/// A documented channel kind (besides `ping`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Conversation,
    ConversationStartedUser,
    ConversationReply,
    ConversationTyping,
    ConversationRead,
    ConversationAssigned,
    ConversationClosed,
    ConversationTagAdded,
    ConversationTagDeleted,
    UserPresenceChanged,
    UserPropsChanged,
    Event,
}

/// Every kind with its name and user part, as in the channel list of the RTS documentation.
const KINDS: [(Kind, &str, UserPart); 12] = [
    (Kind::Conversation, "conversation", UserPart::Optional),
    (
        Kind::ConversationStartedUser,
        "conversation_started_user",
        UserPart::No,
    ),
    (
        Kind::ConversationReply,
        "conversation_reply",
        UserPart::Optional,
    ),
    (
        Kind::ConversationTyping,
        "conversation_typing",
        UserPart::Optional,
    ),
    (
        Kind::ConversationRead,
        "conversation_read",
        UserPart::Optional,
    ),
    (
        Kind::ConversationAssigned,
        "conversation_assigned",
        UserPart::No,
    ),
    (
        Kind::ConversationClosed,
        "conversation_closed",
        UserPart::No,
    ),
    (
        Kind::ConversationTagAdded,
        "conversation_tag_added",
        UserPart::No,
    ),
    (
        Kind::ConversationTagDeleted,
        "conversation_tag_deleted",
        UserPart::No,
    ),
    (
        Kind::UserPresenceChanged,
        "user_presence_changed",
        UserPart::No,
    ),
    (
        Kind::UserPropsChanged,
        "user_props_changed",
        UserPart::Required,
    ),
    (Kind::Event, "event", UserPart::Required),
];

/// The liveness channel, which names no app.
pub(crate) const PING: &str = "ping";

/// Most channels one connection may list (more are closed with 3403).
pub(crate) const MAX_CHANNELS: usize = 50;

impl Kind {
    fn entry(self) -> (&'static str, UserPart) {
        KINDS
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or(("", UserPart::No), |(_, n, u)| (n, *u))
    }

    /// The channels a message of this kind about `user` in `app` is published on: `kind.{app}`
    /// and/or `kind.{app}.{user}`, as the kind allows.
    pub(crate) fn channels(self, app: u64, user: u64) -> Vec<String> {
        let (name, part) = self.entry();
        let mut out = Vec::with_capacity(2);
        if part != UserPart::Required {
            out.push(format!("{name}.{app}"));
        }
        if part != UserPart::No {
            out.push(format!("{name}.{app}.{user}"));
        }
        out
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a connection of app `app` may subscribe to `channel`: `ping`, or a documented kind
/// for this app, with a numeric user id where the kind takes one.
pub(crate) fn permitted(channel: &str, app: u64) -> bool {
    if channel == PING {
        return true;
    }
    let mut parts = channel.split('.');
    let (Some(name), Some(app_part)) = (parts.next(), parts.next()) else {
        return false;
    };
    let user = parts.next();
    if parts.next().is_some() || app_part.parse::<u64>().ok() != Some(app) || !is_id(app_part) {
        return false;
    }
    let Some((_, _, part)) = KINDS.iter().find(|(_, n, _)| *n == name) else {
        return false;
    };
    match (part, user) {
        (UserPart::No, None) | (UserPart::Optional, None) => true,
        (UserPart::Optional | UserPart::Required, Some(u)) => is_id(u),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permits_the_documented_forms_of_this_app_only() {
        for ok in [
            "ping",
            "conversation.3",
            "conversation.3.17",
            "conversation_started_user.3",
            "conversation_reply.3.17",
            "user_props_changed.3.17",
            "event.3.17",
            "user_presence_changed.3",
        ] {
            assert!(permitted(ok, 3), "{ok}");
        }
        for refused in [
            "conversation.4",
            "conversation_reply.03x",
            "user_props_changed.3",
            "event.3",
            "conversation_closed.3.17",
            "conversation.3.17.1",
            "conversation.3.abc",
            "unknown.3",
            "conversation",
            "",
        ] {
            assert!(!permitted(refused, 3), "{refused}");
        }
    }

    #[test]
    fn publishes_on_the_forms_each_kind_has() {
        assert_eq!(
            Kind::ConversationReply.channels(3, 17),
            ["conversation_reply.3", "conversation_reply.3.17"]
        );
        assert_eq!(
            Kind::ConversationClosed.channels(3, 17),
            ["conversation_closed.3"]
        );
        assert_eq!(Kind::Event.channels(3, 17), ["event.3.17"]);
        for (kind, _, _) in KINDS {
            for ch in kind.channels(3, 17) {
                assert!(permitted(&ch, 3), "{ch}");
            }
        }
    }
}
