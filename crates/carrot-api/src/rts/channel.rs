//! The typed channel names of Carrot RTS, and the checks a subscription passes before any
//! connection is opened.

use chatdesk_model::id::FlexId;
use std::fmt;

/// The most channels one RTS connection may subscribe to (a server-side limit; the client
/// refuses more before connecting).
pub const MAX_CHANNELS: usize = 50;

/// An app or user id in a channel name: a Carrot id, given as a number or as its digits.
///
/// A string is checked when the subscription is built ([`RtsBuilder::connect`](super::RtsBuilder::connect)):
/// 1 to 20 ASCII digits, since the channel name is a path segment of the websocket URL and the
/// ids in it are numeric. Your own User IDs cannot name an RTS channel; use the Carrot id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RtsId(String);

impl RtsId {
    /// The id as it goes into the channel name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn is_well_formed(&self) -> bool {
        (1..=20).contains(&self.0.len()) && self.0.bytes().all(|b| b.is_ascii_digit())
    }
}

impl From<u64> for RtsId {
    fn from(id: u64) -> Self {
        RtsId(id.to_string())
    }
}

impl From<FlexId> for RtsId {
    fn from(id: FlexId) -> Self {
        RtsId(id.0.to_string())
    }
}

impl From<&str> for RtsId {
    fn from(id: &str) -> Self {
        RtsId(id.to_owned())
    }
}

impl From<String> for RtsId {
    fn from(id: String) -> Self {
        RtsId(id)
    }
}

impl fmt::Display for RtsId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One RTS channel: a kind, and the app and user it is scoped to.
///
/// Built only by the constructors below, one per channel the vendor documents, so a channel
/// name is never formatted by hand. [`Display`](fmt::Display) gives the name as sent.
///
/// ```
/// use chatdesk_carrot_api::rts::Channel;
///
/// assert_eq!(Channel::conversation_reply(42_u64, None).to_string(), "conversation_reply.42");
/// assert_eq!(Channel::conversation_reply(42_u64, Some(7_u64.into())).to_string(), "conversation_reply.42.7");
/// assert_eq!(Channel::event(42_u64, 7_u64).to_string(), "event.42.7");
/// assert_eq!(Channel::ping().to_string(), "ping");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Channel {
    kind: &'static str,
    app: Option<RtsId>,
    user: Option<RtsId>,
}

/// Declares one constructor per channel kind, by how the kind takes a user: `optional`
/// (`kind.{app}[.{user}]`), `none` (`kind.{app}`) or `required` (`kind.{app}.{user}`).
macro_rules! channels {
    ($( $(#[$doc:meta])* $name:ident = $kind:literal, user $user:ident; )+) => {
        /// Every channel kind this client builds, as it starts the channel name.
        pub const CHANNEL_KINDS: &[&str] = &[$($kind,)+ "ping"];
        impl Channel {
            $( channels!(@fn $(#[$doc])* $name $kind $user); )+
        }
    };
    (@fn $(#[$doc:meta])* $name:ident $kind:literal optional) => {
        $(#[$doc])*
        #[doc = concat!("\n\n`", $kind, ".{app}`, or `", $kind, ".{app}.{user}` for one user.")]
        pub fn $name(app: impl Into<RtsId>, user: Option<RtsId>) -> Channel {
            Channel { kind: $kind, app: Some(app.into()), user }
        }
    };
    (@fn $(#[$doc:meta])* $name:ident $kind:literal none) => {
        $(#[$doc])*
        #[doc = concat!("\n\n`", $kind, ".{app}`.")]
        pub fn $name(app: impl Into<RtsId>) -> Channel {
            Channel { kind: $kind, app: Some(app.into()), user: None }
        }
    };
    (@fn $(#[$doc:meta])* $name:ident $kind:literal required) => {
        $(#[$doc])*
        #[doc = concat!("\n\n`", $kind, ".{app}.{user}`.")]
        pub fn $name(app: impl Into<RtsId>, user: impl Into<RtsId>) -> Channel {
            Channel { kind: $kind, app: Some(app.into()), user: Some(user.into()) }
        }
    };
}

channels! {
    /// Changes to the conversations of an app (or of one user); the payload is kept raw.
    conversation = "conversation", user optional;
    /// A user started a conversation.
    conversation_started_user = "conversation_started_user", user none;
    /// A new message (reply, note) in a conversation.
    conversation_reply = "conversation_reply", user optional;
    /// Someone is typing.
    conversation_typing = "conversation_typing", user optional;
    /// A conversation was read.
    conversation_read = "conversation_read", user optional;
    /// A conversation was assigned.
    conversation_assigned = "conversation_assigned", user none;
    /// A conversation was closed.
    conversation_closed = "conversation_closed", user none;
    /// A tag was added to a conversation.
    conversation_tag_added = "conversation_tag_added", user none;
    /// A tag was removed from a conversation.
    conversation_tag_deleted = "conversation_tag_deleted", user none;
    /// A user's presence changed.
    user_presence_changed = "user_presence_changed", user none;
    /// Properties of a user changed.
    user_props_changed = "user_props_changed", user required;
    /// A user tracked an event.
    event = "event", user required;
}

impl Channel {
    /// `ping`: the server's liveness channel. Subscribe to it so that a quiet app still sees
    /// traffic, which keeps the silence timeout ([`RtsBuilder::silence_timeout`](super::RtsBuilder::silence_timeout))
    /// from declaring a healthy connection dead.
    pub fn ping() -> Channel {
        Channel {
            kind: "ping",
            app: None,
            user: None,
        }
    }

    /// The channel's kind, e.g. `conversation_reply`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The app id, except for `ping`.
    pub fn app(&self) -> Option<&RtsId> {
        self.app.as_ref()
    }

    /// The user id, for a per-user channel.
    pub fn user(&self) -> Option<&RtsId> {
        self.user.as_ref()
    }

    fn check(&self) -> Result<(), ChannelError> {
        for (which, id) in [("app", &self.app), ("user", &self.user)] {
            if let Some(id) = id
                && !id.is_well_formed()
            {
                return Err(ChannelError::InvalidId {
                    kind: self.kind,
                    which,
                    id: id.0.clone(),
                });
            }
        }
        Ok(())
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind)?;
        for id in [&self.app, &self.user].into_iter().flatten() {
            write!(f, ".{id}")?;
        }
        Ok(())
    }
}

/// Why a set of channels cannot be subscribed to. Checked before any connection.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChannelError {
    /// No channel was given.
    #[error("an RTS subscription needs at least one channel")]
    Empty,
    /// More than [`MAX_CHANNELS`] distinct channels.
    #[error("{count} RTS channels, but one connection takes at most {MAX_CHANNELS}")]
    TooMany {
        /// How many distinct channels were given.
        count: usize,
    },
    /// An app or user id that is not 1 to 20 digits.
    #[error("the {which} id {id:?} of the {kind} channel is not a Carrot id (1 to 20 digits)")]
    InvalidId {
        /// The channel's kind.
        kind: &'static str,
        /// `app` or `user`.
        which: &'static str,
        /// The id as given.
        id: String,
    },
}

/// Checks a subscription: 1 to [`MAX_CHANNELS`] channels, every id well-formed. A channel given
/// twice counts once (and is subscribed to once).
pub(crate) fn checked(channels: &[Channel]) -> Result<Vec<Channel>, ChannelError> {
    let mut unique: Vec<Channel> = Vec::with_capacity(channels.len());
    for channel in channels {
        channel.check()?;
        if !unique.contains(channel) {
            unique.push(channel.clone());
        }
    }
    match unique.len() {
        0 => Err(ChannelError::Empty),
        count if count > MAX_CHANNELS => Err(ChannelError::TooMany { count }),
        _ => Ok(unique),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_formats_as_the_vendor_documents() {
        let u = || Some(RtsId::from(7_u64));
        let names: Vec<String> = [
            Channel::conversation(1_u64, u()),
            Channel::conversation_started_user(1_u64),
            Channel::conversation_reply(1_u64, None),
            Channel::conversation_typing(1_u64, u()),
            Channel::conversation_read(1_u64, None),
            Channel::conversation_assigned(1_u64),
            Channel::conversation_closed(1_u64),
            Channel::conversation_tag_added(1_u64),
            Channel::conversation_tag_deleted(1_u64),
            Channel::user_presence_changed(1_u64),
            Channel::user_props_changed(1_u64, 7_u64),
            Channel::event(1_u64, 7_u64),
            Channel::ping(),
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            names,
            [
                "conversation.1.7",
                "conversation_started_user.1",
                "conversation_reply.1",
                "conversation_typing.1.7",
                "conversation_read.1",
                "conversation_assigned.1",
                "conversation_closed.1",
                "conversation_tag_added.1",
                "conversation_tag_deleted.1",
                "user_presence_changed.1",
                "user_props_changed.1.7",
                "event.1.7",
                "ping",
            ]
        );
        assert_eq!(CHANNEL_KINDS.len(), names.len());
    }

    #[test]
    fn subscriptions_are_checked_before_connecting() {
        assert_eq!(checked(&[]), Err(ChannelError::Empty));
        let many: Vec<Channel> = (0..51_u64).map(Channel::conversation_closed).collect();
        assert_eq!(checked(&many), Err(ChannelError::TooMany { count: 51 }));
        assert_eq!(checked(&many[..50]).map(|c| c.len()), Ok(50));
        // Duplicates count once.
        let twice = vec![Channel::ping(); 60];
        assert_eq!(checked(&twice).map(|c| c.len()), Ok(1));
        for bad in ["", "12a", "1/2", "1.2", "123456789012345678901"] {
            assert!(
                matches!(
                    checked(&[Channel::conversation_reply(bad, None)]),
                    Err(ChannelError::InvalidId { which: "app", .. })
                ),
                "{bad:?}"
            );
        }
        assert!(matches!(
            checked(&[Channel::event(1_u64, "x")]),
            Err(ChannelError::InvalidId {
                which: "user",
                kind: "event",
                ..
            })
        ));
    }
}
