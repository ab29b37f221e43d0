//! Every endpoint, declared once.
//!
//! Each declaration below names the endpoint's marker type and stable name, its method and path
//! template (exactly as in `docs/api/carrot-endpoints.tsv`), the Rust call that reaches it, its
//! parameter and `data` types from `chatdesk_model::carrot`, which user references its path
//! accepts, its rate-limit class, and its replay class with the reason. The macro turns each into
//! a marker type implementing [`Def`], an `IntoFuture` for [`Call`] of it, one entry of
//! [`ENDPOINTS`] and one of [`DECLARATIONS`].
//!
//! Replay classes follow one rule: an endpoint is [`Replay::Safe`] only when a second copy
//! provably leaves the same state (reads, heartbeats, set-membership changes the API rejects or
//! ignores when repeated). Where docs/api/carrot-api.md leaves a point open (§14: does
//! `random_id` deduplicate?) or says nothing (does closing twice add a second system part?), the
//! endpoint is [`Replay::Unsafe`]: the transport then re-sends it only when it never left the
//! process or the server refused it unprocessed (429).

use crate::call::{Call, Def, UserKinds};
use crate::paginate::ListPage;
use chatdesk_model::carrot::{
    ActiveUsersParams, AnyData, AppConversationsParams, AssignParams, Channel, ChannelsParams,
    CloseParams, Conversation, ConversationParams, ConversationPart, Empty, Event, GetUserParams,
    ImportResult, ImportUsersParams, Leads, LeadsParams, MarkReadParams, Meta, PartsParams,
    PropsOutcome, ReplyParams, SendEmailParams, SendMessageParams, SentMessage, SetPresenceParams,
    SetPropsParams, SetTypingParams, StartConversationParams, StartedConversation, SystemPart,
    TagParams, TrackEventParams, UnsubscribeEmailParams, User, UserConversationsParams,
    UserEventsParams,
};
use chatdesk_transport::{EndpointSpec, Replay, http::Method};

/// One endpoint declaration, as data: what [`ENDPOINTS`] holds plus the wire types and reasons.
#[derive(Debug, Clone, Copy)]
pub struct Declaration {
    /// The transport-level description.
    pub spec: &'static EndpointSpec,
    /// The parameter type (in `chatdesk_model::carrot`).
    pub params: &'static str,
    /// The `data` type (in `chatdesk_model::carrot`).
    pub data: &'static str,
    /// What `.await` returns.
    pub output: &'static str,
    /// Which user references the path accepts.
    pub users: UserKinds,
    /// Why the endpoint has its replay class.
    pub replay_reason: &'static str,
}

fn data<T>(_meta: Meta, data: T) -> T {
    data
}

fn list<T>(meta: Meta, items: Vec<T>) -> ListPage<T> {
    ListPage { items, meta }
}

fn props_outcome(meta: Meta, _data: Empty) -> PropsOutcome {
    PropsOutcome::from_meta(&meta)
}

macro_rules! spec {
    ($name:literal, $method:ident, $path:literal, $call:literal, $replay:ident, $rate:literal) => {
        EndpointSpec {
            vendor: "carrot",
            call: $call,
            name: $name,
            method: Method::$method,
            path: $path,
            replay: Replay::$replay,
            rate_class: $rate,
        }
    };
}

macro_rules! endpoints {
    ($(
        $(#[$doc:meta])*
        $ty:ident = $name:literal {
            $method:ident $path:literal as $call:literal,
            params: $params:ty, data: $data:ty, output: $output:ty = $conv:path,
            users: $users:ident, rate: $rate:literal,
            replay: $replay:ident $reason:literal $(,)?
        }
    )+) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy)]
            pub struct $ty;

            impl Def for $ty {
                type Params = $params;
                type Data = $data;
                type Output = $output;
                const SPEC: &'static EndpointSpec =
                    &spec!($name, $method, $path, $call, $replay, $rate);
                const USERS: UserKinds = UserKinds::$users;
                const REPLAY_REASON: &'static str = $reason;
                fn output(meta: Meta, data: $data) -> $output {
                    $conv(meta, data)
                }
                fn replay_for(params: &$params) -> Option<Replay> {
                    ReplayFor::replay_for(params)
                }
            }

            chatdesk_transport::endpoint_into_future!(Call<$ty>);
        )+

        /// Every endpoint of the current API (24), in catalogue order.
        pub static ENDPOINTS: &[EndpointSpec] = &[
            $( spec!($name, $method, $path, $call, $replay, $rate), )+
        ];

        /// Every declaration, with its wire types and the reason for its replay class.
        pub static DECLARATIONS: &[Declaration] = &[
            $(Declaration {
                spec: <$ty as Def>::SPEC,
                params: stringify!($params),
                data: stringify!($data),
                output: stringify!($output),
                users: UserKinds::$users,
                replay_reason: $reason,
            },)+
        ];
    };
}

/// A per-request replay class, better than the declared one when the parameters allow it.
trait ReplayFor {
    fn replay_for(&self) -> Option<Replay> {
        None
    }
}

macro_rules! declared_replay_only {
    ($($t:ty),+) => { $(impl ReplayFor for $t {})+ };
}

declared_replay_only!(
    ActiveUsersParams,
    LeadsParams,
    AppConversationsParams,
    ChannelsParams,
    ConversationParams,
    PartsParams,
    ReplyParams,
    SetTypingParams,
    AssignParams,
    TagParams,
    CloseParams,
    MarkReadParams,
    GetUserParams,
    UserEventsParams,
    UserConversationsParams,
    TrackEventParams,
    SetPresenceParams,
    SendMessageParams,
    StartConversationParams,
    ImportUsersParams,
    UnsubscribeEmailParams,
    SendEmailParams
);

impl ReplayFor for SetPropsParams {
    /// See [`crate::props::replay_class`]: safe only when a second copy of the whole request
    /// provably leaves every key as one copy did.
    fn replay_for(&self) -> Option<Replay> {
        crate::props::replay_class(self)
    }
}

endpoints! {
    // ---- apps -------------------------------------------------------------------------------
    /// `GET /apps/{app_id}/activeusers`: users online now.
    ActiveUsers = "list_active_users" {
        GET "/apps/{app_id}/activeusers" as "app(app).active_users()",
        params: ActiveUsersParams, data: Vec<User>, output: ListPage<User> = list,
        users: NoUser, rate: "apps",
        replay: Safe "a read",
    }
    /// `GET /apps/{app_id}/users`: leads, offset-paged, with the total.
    ListLeads = "list_leads" {
        GET "/apps/{app_id}/users" as "app(app).leads()",
        params: LeadsParams, data: Leads, output: Leads = data,
        users: NoUser, rate: "apps",
        replay: Safe "a read",
    }
    /// `GET /apps/{app_id}/conversations`: the app's conversations, newest update first.
    AppConversations = "list_app_conversations" {
        GET "/apps/{app_id}/conversations" as "app(app).conversations()",
        params: AppConversationsParams, data: Vec<Conversation>, output: ListPage<Conversation> = list,
        users: NoUser, rate: "apps",
        replay: Safe "a read",
    }
    /// `GET /apps/{app_id}/channels`: the app's conversation channels.
    Channels = "list_channels" {
        GET "/apps/{app_id}/channels" as "app(app).channels()",
        params: ChannelsParams, data: Vec<Channel>, output: Vec<Channel> = data,
        users: NoUser, rate: "apps",
        replay: Safe "a read",
    }

    // ---- conversations ----------------------------------------------------------------------
    /// `GET /conversations/{conversation_id}`: one conversation.
    GetConversation = "get_conversation" {
        GET "/conversations/{conversation_id}" as "conversation(id).get()",
        params: ConversationParams, data: Conversation, output: Conversation = data,
        users: NoUser, rate: "conversations.read",
        replay: Safe "a read",
    }
    /// `GET /conversations/{conversation_id}/parts`: the messages of a conversation.
    ConversationParts = "list_conversation_parts" {
        GET "/conversations/{conversation_id}/parts" as "conversation(id).parts()",
        params: PartsParams, data: Vec<ConversationPart>, output: ListPage<ConversationPart> = list,
        users: NoUser, rate: "conversations.read",
        replay: Safe "a read",
    }
    /// `POST /conversations/{conversation_id}/reply`: a reply, note or article.
    Reply = "reply_in_conversation" {
        POST "/conversations/{conversation_id}/reply" as "conversation(id).reply(body)",
        params: ReplyParams, data: ConversationPart, output: ConversationPart = data,
        users: NoUser, rate: "conversations.write",
        replay: Unsafe "creates a message; whether random_id deduplicates a re-send is UNCERTAIN",
    }
    /// `POST /conversations/{conversation_id}/settyping`: a typing indicator.
    SetTyping = "set_typing" {
        POST "/conversations/{conversation_id}/settyping" as "conversation(id).set_typing()",
        params: SetTypingParams, data: Empty, output: Empty = data,
        users: NoUser, rate: "conversations.write",
        replay: Safe "an ephemeral indicator that creates nothing; a copy only refreshes it",
    }
    /// `POST /conversations/{conversation_id}/assign`: (un)assigns an operator.
    Assign = "assign_conversation" {
        POST "/conversations/{conversation_id}/assign" as "conversation(id).assign(admin)",
        params: AssignParams, data: SystemPart, output: SystemPart = data,
        users: NoUser, rate: "conversations.write",
        replay: Safe "documented: when the assignee does not change the API answers {} and creates nothing",
    }
    /// `POST /conversations/{conversation_id}/tag`: adds a tag.
    AddTag = "add_conversation_tag" {
        POST "/conversations/{conversation_id}/tag" as "conversation(id).add_tag(tag)",
        params: TagParams, data: SystemPart, output: SystemPart = data,
        users: NoUser, rate: "conversations.write",
        replay: Safe "a second copy is refused with ConversationTagAlreadyAssigned and changes nothing",
    }
    /// `DELETE /conversations/{conversation_id}/tag`: removes a tag.
    DeleteTag = "delete_conversation_tag" {
        DELETE "/conversations/{conversation_id}/tag" as "conversation(id).delete_tag(tag)",
        params: TagParams, data: SystemPart, output: SystemPart = data,
        users: NoUser, rate: "conversations.write",
        replay: Safe "a second copy is refused with ConversationTagIsNotAssigned and changes nothing",
    }
    /// `POST /conversations/{conversation_id}/close`: closes a conversation.
    Close = "close_conversation" {
        POST "/conversations/{conversation_id}/close" as "conversation(id).close()",
        params: CloseParams, data: SystemPart, output: SystemPart = data,
        users: NoUser, rate: "conversations.write",
        replay: Unsafe "creates a system part; whether closing a closed conversation adds another is UNCERTAIN",
    }
    /// `POST /conversations/{conversation_id}/markread`: marks every part read (legacy v1).
    MarkRead = "mark_conversation_read" {
        POST "/conversations/{conversation_id}/markread" as "conversation(id).mark_read()",
        params: MarkReadParams, data: AnyData, output: AnyData = data,
        users: NoUser, rate: "conversations.write",
        replay: Safe "marking everything read twice leaves everything read",
    }

    // ---- users ------------------------------------------------------------------------------
    /// `GET /users/{user}`: one user.
    GetUser = "get_user" {
        GET "/users/{user}" as "user(user).get()",
        params: GetUserParams, data: User, output: User = data,
        users: Any, rate: "users.read",
        replay: Safe "a read",
    }
    /// `GET /users/{user}/events`: a user's events, newest first.
    UserEvents = "list_user_events" {
        GET "/users/{user}/events" as "user(user).events()",
        params: UserEventsParams, data: Vec<Event>, output: ListPage<Event> = list,
        users: Any, rate: "users.read",
        replay: Safe "a read",
    }
    /// `GET /users/{user}/conversations`: a user's conversations.
    UserConversations = "list_user_conversations" {
        GET "/users/{user}/conversations" as "user(user).conversations()",
        params: UserConversationsParams, data: Vec<Conversation>, output: ListPage<Conversation> = list,
        users: Any, rate: "users.read",
        replay: Safe "a read",
    }
    /// `POST /users/{user}/events`: tracks an event.
    TrackEvent = "track_event" {
        POST "/users/{user}/events" as "user(user).track_event(name)",
        params: TrackEventParams, data: Event, output: Event = data,
        users: Any, rate: "users.write",
        replay: Unsafe "every copy records another event",
    }
    /// `POST /users/{user}/props`: up to 250 property operations (see [`crate::SetProps`] for
    /// more, split automatically).
    UserProps = "set_user_props" {
        POST "/users/{user}/props" as "user(user).props()",
        params: SetPropsParams, data: Empty, output: PropsOutcome = props_outcome,
        users: Any, rate: "users.write",
        replay: Unsafe "add and append accumulate; a request of only converging operations without double_subscribe is sent as Safe",
    }
    /// `POST /users/{user}/setpresence`: a presence heartbeat (Carrot id only).
    SetPresence = "set_presence" {
        POST "/users/{user}/setpresence" as "user(user).set_presence(presence)",
        params: SetPresenceParams, data: Empty, output: Empty = data,
        users: CarrotOnly, rate: "users.write",
        replay: Safe "a heartbeat that sets the current presence; a copy sets the same",
    }
    /// `POST /users/{user}/sendmessage`: a manual message to a user.
    SendMessage = "send_user_message" {
        POST "/users/{user}/sendmessage" as "user(user).send_message(body)",
        params: SendMessageParams, data: SentMessage, output: SentMessage = data,
        users: Any, rate: "users.write",
        replay: Unsafe "every copy creates a conversation and a message",
    }
    /// `POST /users/{user}/startconversation`: a conversation whose first message is the user's.
    StartConversation = "start_conversation" {
        POST "/users/{user}/startconversation" as "user(user).start_conversation(body)",
        params: StartConversationParams, data: StartedConversation, output: StartedConversation = data,
        users: Any, rate: "users.write",
        replay: Unsafe "every copy creates a conversation; whether random_id deduplicates is UNCERTAIN",
    }
    /// `POST /users/import`: a CSV import, run asynchronously.
    ImportUsers = "import_users" {
        POST "/users/import" as "import_users(params, csv)",
        params: ImportUsersParams, data: ImportResult, output: ImportResult = data,
        users: NoUser, rate: "users.import",
        replay: Unsafe "every copy plans another import (tags, add-style columns)",
    }
    /// `POST /users/{user}/unsubscribeemail`: unsubscribes the user's e-mail (undocumented today).
    UnsubscribeEmail = "unsubscribe_email" {
        POST "/users/{user}/unsubscribeemail" as "user(user).unsubscribe_email()",
        params: UnsubscribeEmailParams, data: AnyData, output: AnyData = data,
        users: Any, rate: "users.write",
        replay: Safe "unsubscribing twice leaves the user unsubscribed",
    }

    // ---- utils ------------------------------------------------------------------------------
    /// `POST /utils/email`: a transactional e-mail (undocumented; seen in public code only).
    SendEmail = "send_email" {
        POST "/utils/email" as "send_email(params)",
        params: SendEmailParams, data: AnyData, output: AnyData = data,
        users: NoUser, rate: "utils",
        replay: Unsafe "every copy sends another e-mail",
    }
}
