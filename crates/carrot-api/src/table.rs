//! The endpoint table: every current Carrot Quest endpoint, declared once.
//!
//! Each entry gives the marker type and stable name, the replay class, the method and path
//! template exactly as in `docs/api/carrot-endpoints.tsv`, the rate-limit class, which user
//! references the path accepts, the method on the group handle with its arguments (which make
//! the spec's `call` string), the parameter type from `chatdesk_model::carrot` and how the
//! arguments fill it, the output, and the reason for the replay class (see `macros.rs` for the
//! grammar). The table's order is the catalogue's, kept by [`ENDPOINTS`] and
//! [`DECLARATIONS`].

use bytes::Bytes;
use chatdesk_model::carrot::{
    ActiveUsersParams, AdminRef, AnyData, AppConversationsParams, AssignParams, Assignee, Channel,
    ChannelsParams, CloseParams, Conversation, ConversationParams, ConversationPart, Empty, Event,
    GetUserParams, ImportResult, ImportUsersParams, LeadsParams, MarkReadParams, PartsParams,
    Presence, ReplyParams, SendEmailParams, SendMessageParams, SentMessage, SetPresenceParams,
    SetPropsParams, SetTypingParams, StartConversationParams, StartedConversation, SystemPart,
    TagAction, TagParams, TrackEventParams, UnsubscribeEmailParams, User, UserConversationsParams,
    UserEventsParams,
};

endpoints! {
    App ("app(app).") {
        /// Users online now: one page; `.stream()` walks every page (cursor pagination, `null`
        /// cursor or a repeated one ends it).
        ActiveUsers = "list_active_users" {
            Safe GET "/apps/{app_id}/activeusers" rate "apps" users NoUser
            fn active_users() params[ActiveUsersParams] -> list[User]
            why "a read"
        }
        /// One page of leads (offset-paged, 20 unless `.per_page(n)`), with the total in
        /// `page.meta.total`; `.stream()` walks every lead (50 a page unless set).
        ListLeads = "list_leads" {
            Safe GET "/apps/{app_id}/users" rate "apps" users NoUser
            fn leads() params[LeadsParams] -> leads[User]
            why "a read"
        }
        /// One page of the app's conversations, newest update first; `.stream()` walks all.
        AppConversations = "list_app_conversations" {
            Safe GET "/apps/{app_id}/conversations" rate "apps" users NoUser
            fn conversations() params[AppConversationsParams] -> list[Conversation]
            why "a read"
        }
        /// The app's conversation channels (not paginated).
        Channels = "list_channels" {
            Safe GET "/apps/{app_id}/channels" rate "apps" users NoUser
            fn channels() params[ChannelsParams] -> data[Vec<Channel>]
            why "a read"
        }
    }
    Conversation ("conversation(id).") {
        /// One conversation.
        GetConversation = "get_conversation" {
            Safe GET "/conversations/{conversation_id}" rate "conversations.read" users NoUser
            fn get() params[ConversationParams] -> data[Conversation]
            why "a read"
        }
        /// One page of the conversation's messages, newest first; `.stream()` walks all.
        ConversationParts = "list_conversation_parts" {
            Safe GET "/conversations/{conversation_id}/parts" rate "conversations.read" users NoUser
            fn parts() params[PartsParams] -> list[ConversationPart]
            why "a read"
        }
        /// A reply `body` from the app's default admin (change it with `.from_admin(..)` or
        /// `.from_user(..)`; `.note()` for an internal note).
        Reply = "reply_in_conversation" {
            Unsafe POST "/conversations/{conversation_id}/reply" rate "conversations.write" users NoUser
            fn reply(body: impl Into<String>) params[ReplyParams]
                = { ReplyParams::admin(AdminRef::Default, body) }
            -> data[ConversationPart]
            why "creates a message; whether random_id deduplicates a re-send is UNCERTAIN"
        }
        /// The default admin is typing (add `.text(..)`, `.from_admin(..)` or `.from_user(..)`).
        SetTyping = "set_typing" {
            Safe POST "/conversations/{conversation_id}/settyping" rate "conversations.write" users NoUser
            fn set_typing() params[SetTypingParams]
                = { SetTypingParams { from_admin: Some(AdminRef::Default), ..SetTypingParams::default() } }
            -> data[Empty]
            why "an ephemeral indicator that creates nothing; a copy only refreshes it"
        }
        /// Assigns the conversation to `admin` ([`Assignee::Nobody`] unassigns) as the
        /// default admin.
        Assign = "assign_conversation" {
            Safe POST "/conversations/{conversation_id}/assign" rate "conversations.write" users NoUser
            fn assign(admin: Assignee) params[AssignParams]
                = { AssignParams::new(admin, AdminRef::Default) }
            -> data[SystemPart]
            why "documented: when the assignee does not change the API answers {} and creates nothing"
        }
        /// Adds `tag` (1 to 255 characters) as the default admin.
        ///
        /// Sends `action=add` as well: the current API ignores it (it defaults to adding), the v1
        /// docs require it, so the call works whichever version the server applies.
        ///
        /// Re-sent after a lost answer (the state converges, so it is safe): should the first copy
        /// have been applied, the re-sent one can come back as `Error::Api` with reason
        /// `ConversationTagAlreadyAssigned`, which then means the conversation is already as you
        /// asked.
        AddTag = "add_conversation_tag" {
            Safe POST "/conversations/{conversation_id}/tag" rate "conversations.write" users NoUser
            fn add_tag(tag: impl Into<String>) params[TagParams]
                = { TagParams { from_admin: Some(AdminRef::Default), action: Some(TagAction::Add), ..TagParams::new(tag) } }
            -> data[SystemPart]
            why "a second copy is refused with ConversationTagAlreadyAssigned and changes nothing"
        }
        /// Removes `tag` as the default admin.
        ///
        /// The older clients removed tags with the deprecated v1 form, `POST …/tag` with
        /// `action=delete`; should a server refuse the `DELETE`, that form is
        /// `conversation(id).add_tag(tag).with_params(|p| p.action = Some(model::TagAction::Delete))`.
        ///
        /// Re-sent after a lost answer (the state converges, so it is safe): should the first copy
        /// have been applied, the re-sent one can come back as `Error::Api` with reason
        /// `ConversationTagIsNotAssigned`, which then means the conversation is already as you
        /// asked.
        DeleteTag = "delete_conversation_tag" {
            Safe DELETE "/conversations/{conversation_id}/tag" rate "conversations.write" users NoUser
            fn delete_tag(tag: impl Into<String>) params[TagParams]
                = { TagParams { from_admin: Some(AdminRef::Default), ..TagParams::new(tag) } }
            -> data[SystemPart]
            why "a second copy is refused with ConversationTagIsNotAssigned and changes nothing"
        }
        /// Closes the conversation as the default admin.
        Close = "close_conversation" {
            Unsafe POST "/conversations/{conversation_id}/close" rate "conversations.write" users NoUser
            fn close() params[CloseParams] = { CloseParams::new(AdminRef::Default) }
            -> data[SystemPart]
            why "creates a system part; whether closing a closed conversation adds another is UNCERTAIN"
        }
        /// Marks every part read (legacy v1 endpoint; answer kept as JSON).
        MarkRead = "mark_conversation_read" {
            Safe POST "/conversations/{conversation_id}/markread" rate "conversations.write" users NoUser
            fn mark_read() params[MarkReadParams] -> data[AnyData]
            why "marking everything read twice leaves everything read"
        }
    }
    User ("user(user).") {
        /// One user (an unknown User ID gives a `LookupError`).
        GetUser = "get_user" {
            Safe GET "/users/{user}" rate "users.read" users Any
            fn get() params[GetUserParams] -> data[User]
            why "a read"
        }
        /// One page of the user's events, newest first; `.filter_name(..)` keeps one event
        /// name, `.stream()` walks every page.
        UserEvents = "list_user_events" {
            Safe GET "/users/{user}/events" rate "users.read" users Any
            fn events() params[UserEventsParams] -> list[Event]
            why "a read"
        }
        /// One page of the user's conversations; `.stream()` walks all.
        UserConversations = "list_user_conversations" {
            Safe GET "/users/{user}/conversations" rate "users.read" users Any
            fn conversations() params[UserConversationsParams] -> list[Conversation]
            why "a read"
        }
        /// Records event `name` (1 to 255 characters; `$` starts the system events). An
        /// unknown User ID is created.
        TrackEvent = "track_event" {
            Unsafe POST "/users/{user}/events" rate "users.write" users Any
            fn track_event(name: impl Into<String>) params[TrackEventParams]
                = { TrackEventParams::new(name) }
            -> data[Event]
            why "every copy records another event"
        }
        /// Up to 250 property operations a request; `user.props()` (in `props.rs`) is a
        /// builder that splits more.
        UserProps = "set_user_props" {
            Unsafe POST "/users/{user}/props" rate "users.write" users Any
            hand props() params[SetPropsParams] -> props[Empty]
            replay_by[crate::props::replay_class]
            why "add and append accumulate; a request of only converging operations without double_subscribe is sent as Safe"
        }
        /// A presence heartbeat, about once a minute. **Carrot id only**: with a
        /// [`UserRef::External`](crate::UserRef::External) the call fails with
        /// `Error::InvalidRequest` unsent.
        SetPresence = "set_presence" {
            Safe POST "/users/{user}/setpresence" rate "users.write" users CarrotOnly
            fn set_presence(presence: Presence) params[SetPresenceParams]
                = { SetPresenceParams::new(presence) }
            -> data[Empty]
            why "a heartbeat that sets the current presence; a copy sets the same"
        }
        /// A manual message to the user (chat pop-up unless `.kind(..)`).
        SendMessage = "send_user_message" {
            Unsafe POST "/users/{user}/sendmessage" rate "users.write" users Any
            fn send_message(body: impl Into<String>) params[SendMessageParams]
                = { SendMessageParams::new(body) }
            -> data[SentMessage]
            why "every copy creates a conversation and a message"
        }
        /// A conversation whose first message is `body`, from the user.
        StartConversation = "start_conversation" {
            Unsafe POST "/users/{user}/startconversation" rate "users.write" users Any
            fn start_conversation(body: impl Into<String>) params[StartConversationParams]
                = { StartConversationParams::new(body) }
            -> data[StartedConversation]
            why "every copy creates a conversation; whether random_id deduplicates is UNCERTAIN"
        }
    }
    CarrotClient ("") {
        /// Imports users from a CSV file (UTF-8, a header row of property keys, below 30 MB),
        /// sent as `multipart/form-data`. The import runs later; the answer plans it.
        ImportUsers = "import_users" {
            Unsafe POST "/users/import" rate "users.import" users NoUser
            fn import_users(params: ImportUsersParams, csv: impl Into<Bytes>) params[ImportUsersParams]
                = { params }
            then csv_file(csv)
            -> data[ImportResult]
            why "every copy plans another import (tags, add-style columns)"
        }
    }
    User ("user(user).") {
        /// Unsubscribes the user's e-mail (undocumented today; answer kept as JSON).
        UnsubscribeEmail = "unsubscribe_email" {
            Safe POST "/users/{user}/unsubscribeemail" rate "users.write" users Any
            fn unsubscribe_email() params[UnsubscribeEmailParams] -> data[AnyData]
            why "unsubscribing twice leaves the user unsubscribed"
        }
    }
    CarrotClient ("") {
        /// A transactional e-mail (undocumented endpoint, seen in public code only; answer
        /// kept as JSON).
        SendEmail = "send_email" {
            Unsafe POST "/utils/email" rate "utils" users NoUser
            fn send_email(params: SendEmailParams) params[SendEmailParams] = { params }
            -> data[AnyData]
            why "every copy sends another e-mail"
        }
    }
}
