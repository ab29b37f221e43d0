//! The handles that reach the endpoints: [`AppApi`], [`ConversationApi`], [`UserApi`], and the
//! endpoint-specific setters on [`Call`].

use crate::call::{Call, FilePart};
use crate::client::{CarrotClient, UserRef};
use crate::endpoints::*;
use crate::props::SetProps;
use bytes::Bytes;
use chatdesk_model::carrot::{
    ActiveUsersParams, AdminRef, AppConversationsParams, AppRef, AssignParams, Assignee,
    AssistantType, ChannelsParams, CloseParams, ConversationParams, CsvDelimiter, GetUserParams,
    ImportUsersParams, LeadsFilter, LeadsParams, MarkReadParams, MergeField, MessageType,
    PartsParams, Presence, PropOperation, RecipientType, ReplyParams, ReplyType, SendEmailParams,
    SendMessageParams, SetPresenceParams, SetTypingParams, SortOrder, StartConversationParams,
    TagAction, TagParams, Timestamp, TrackEventParams, UnsubscribeEmailParams,
    UserConversationsParams, UserEventsParams, UserSender,
};
use chatdesk_model::id::FlexId;
use serde_json::{Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// Optional-parameter setters, one line each: `name(arg: Type) => field;` stores the value as
/// given, `name(arg: into Type) => field;` takes anything `Into<Type>`. Each keeps its doc
/// comment.
macro_rules! params {
    () => {};
    ($(#[$doc:meta])* $name:ident($arg:ident: into $ty:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn $name(mut self, $arg: impl Into<$ty>) -> Self {
            self.params.$field = Some($arg.into());
            self
        }
        params!($($rest)*);
    };
    ($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) => $field:ident; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn $name(mut self, $arg: $ty) -> Self {
            self.params.$field = Some($arg);
            self
        }
        params!($($rest)*);
    };
}

impl CarrotClient {
    /// The endpoints under `/apps/{app_id}`; `AppRef::SelfApp` (`$self_app`) is the token's app.
    pub fn app(&self, app: impl Into<AppRef>) -> AppApi {
        AppApi {
            client: self.clone(),
            app: app.into(),
        }
    }

    /// The endpoints under `/apps/$self_app`: the app the token belongs to.
    pub fn this_app(&self) -> AppApi {
        self.app(AppRef::SelfApp)
    }

    /// The endpoints under `/conversations/{conversation_id}`.
    pub fn conversation(&self, id: impl Into<FlexId>) -> ConversationApi {
        ConversationApi {
            client: self.clone(),
            id: id.into(),
        }
    }

    /// The endpoints under `/users/{user}`, by Carrot id or by your own User ID.
    pub fn user(&self, user: impl Into<UserRef>) -> UserApi {
        UserApi {
            client: self.clone(),
            user: user.into(),
        }
    }

    /// `POST /users/{user}/events`: shorthand for `client.user(user).track_event(name)`.
    pub fn track_event(
        &self,
        user: impl Into<UserRef>,
        name: impl Into<String>,
    ) -> Call<TrackEvent> {
        self.user(user).track_event(name)
    }

    /// `POST /users/import`: imports users from a CSV file (UTF-8, header row of property keys,
    /// below 30 MB). The import runs later; the answer plans it.
    pub fn import_users(
        &self,
        params: ImportUsersParams,
        csv: impl Into<Bytes>,
    ) -> Call<ImportUsers> {
        let mut call = Call::new(self, vec![], None, params);
        call.set_file(FilePart {
            field: "file",
            filename: "users.csv".to_owned(),
            content_type: "text/csv".to_owned(),
            data: csv.into(),
        });
        call
    }

    /// `POST /utils/email`: a transactional e-mail (undocumented endpoint; answer kept as JSON).
    pub fn send_email(&self, params: SendEmailParams) -> Call<SendEmail> {
        Call::new(self, vec![], None, params)
    }
}

/// The endpoints of one app.
#[derive(Debug, Clone)]
pub struct AppApi {
    client: CarrotClient,
    app: AppRef,
}

impl AppApi {
    fn path(&self) -> Vec<String> {
        vec![self.app.to_string()]
    }

    /// `GET /apps/{app_id}/activeusers`: users online now (`.into_stream()` for every page).
    pub fn active_users(&self) -> Call<ActiveUsers> {
        Call::new(
            &self.client,
            self.path(),
            None,
            ActiveUsersParams::default(),
        )
    }

    /// `GET /apps/{app_id}/users`: one page of leads with the total; `.into_stream()` for all.
    pub fn leads(&self) -> Call<ListLeads> {
        Call::new(&self.client, self.path(), None, LeadsParams::default())
    }

    /// `GET /apps/{app_id}/users` with `limit=1`: read `total` of the answer for the number of
    /// leads (what the PHP wrapper's `getCountLeads` did).
    pub fn count_leads(&self) -> Call<ListLeads> {
        self.leads().limit(1)
    }

    /// `GET /apps/{app_id}/conversations`: one page of conversations; `.into_stream()` for all.
    pub fn conversations(&self) -> Call<AppConversations> {
        Call::new(
            &self.client,
            self.path(),
            None,
            AppConversationsParams::default(),
        )
    }

    /// `GET /apps/{app_id}/channels`.
    pub fn channels(&self) -> Call<Channels> {
        Call::new(&self.client, self.path(), None, ChannelsParams::default())
    }
}

impl Call<ListLeads> {
    params! {
        /// Only leads matching `filter`.
        filter(filter: LeadsFilter) => filters;
    }

    /// Sorts by `prop` (default `$last_seen`) in `order` (default descending).
    pub fn sort(mut self, prop: impl Into<String>, order: SortOrder) -> Self {
        self.params.sort_prop = Some(prop.into());
        self.params.sort_order = Some(order);
        self
    }

    params! {
        /// Skips `offset` leads.
        offset(offset: u64) => offset;
        /// Page size, 1 to 50.
        limit(limit: u32) => limit;
    }
}

impl Call<AppConversations> {
    params! {
        /// Only closed (`true`) or open (`false`) conversations.
        closed(closed: bool) => closed;
        /// Only answered (`true`) or unanswered (`false`) conversations.
        answered(answered: bool) => answered;
        /// Only conversations assigned to `admin` (`0`: to nobody).
        assigned(admin: into FlexId) => assigned;
    }

    /// Only conversations with every one of `tags`.
    pub fn tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.params.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    params! {
        /// Only conversations from `channel`.
        channel(channel: into FlexId) => channel;
        /// Only conversations handled by this kind of bot.
        assistant_type(kind: AssistantType) => assistant_type;
    }
}

/// The endpoints of one conversation.
#[derive(Debug, Clone)]
pub struct ConversationApi {
    client: CarrotClient,
    id: FlexId,
}

impl ConversationApi {
    fn path(&self) -> Vec<String> {
        vec![self.id.to_string()]
    }

    /// `GET /conversations/{conversation_id}`.
    pub fn get(&self) -> Call<GetConversation> {
        Call::new(
            &self.client,
            self.path(),
            None,
            ConversationParams::default(),
        )
    }

    /// `GET /conversations/{conversation_id}/parts`: one page of messages; `.into_stream()` for
    /// all of them.
    pub fn parts(&self) -> Call<ConversationParts> {
        Call::new(&self.client, self.path(), None, PartsParams::default())
    }

    /// `POST /conversations/{conversation_id}/reply`: `body` from the app's default admin
    /// (change it with `.from_admin(..)` or `.from_user(..)`).
    pub fn reply(&self, body: impl Into<String>) -> Call<Reply> {
        let params = ReplyParams::admin(AdminRef::Default, body);
        Call::new(&self.client, self.path(), None, params)
    }

    /// `POST /conversations/{conversation_id}/settyping`: the default admin is typing (add
    /// `.body(..)`, `.from_admin(..)` or `.from_user(..)`).
    pub fn set_typing(&self) -> Call<SetTyping> {
        let params = SetTypingParams {
            from_admin: Some(AdminRef::Default),
            ..SetTypingParams::default()
        };
        Call::new(&self.client, self.path(), None, params)
    }

    /// `POST /conversations/{conversation_id}/assign`: assigns to `admin`
    /// ([`Assignee::Nobody`] unassigns) as the default admin.
    pub fn assign(&self, admin: Assignee) -> Call<Assign> {
        let params = AssignParams::new(admin, AdminRef::Default);
        Call::new(&self.client, self.path(), None, params)
    }

    /// `POST /conversations/{conversation_id}/tag`: adds `tag` as the default admin.
    ///
    /// Sends `action=add` as well: the current API ignores it (it defaults to adding), the v1
    /// docs require it, so the call works whichever version the server applies.
    ///
    /// Re-sent after a lost answer (the state converges, so it is safe): should the first copy
    /// have been applied, the re-sent one can come back as `Error::Api` with reason `ConversationTagAlreadyAssigned`,
    /// which then means the conversation is already as you asked.
    pub fn add_tag(&self, tag: impl Into<String>) -> Call<AddTag> {
        let params = TagParams {
            from_admin: Some(AdminRef::Default),
            action: Some(TagAction::Add),
            ..TagParams::new(tag)
        };
        Call::new(&self.client, self.path(), None, params)
    }

    /// `DELETE /conversations/{conversation_id}/tag`: removes `tag` as the default admin.
    ///
    /// The older clients removed tags with the deprecated v1 form, `POST …/tag` with
    /// `action=delete`; should a server refuse the `DELETE`, that form is
    /// `conversation(id).add_tag(tag).with_params(|p| p.action = Some(model::TagAction::Delete))`.
    ///
    /// Re-sent after a lost answer (the state converges, so it is safe): should the first copy
    /// have been applied, the re-sent one can come back as `Error::Api` with reason `ConversationTagIsNotAssigned`,
    /// which then means the conversation is already as you asked.
    pub fn delete_tag(&self, tag: impl Into<String>) -> Call<DeleteTag> {
        let params = TagParams {
            from_admin: Some(AdminRef::Default),
            ..TagParams::new(tag)
        };
        Call::new(&self.client, self.path(), None, params)
    }

    /// `POST /conversations/{conversation_id}/close` as the default admin.
    pub fn close(&self) -> Call<Close> {
        Call::new(
            &self.client,
            self.path(),
            None,
            CloseParams::new(AdminRef::Default),
        )
    }

    /// `POST /conversations/{conversation_id}/markread` (legacy v1 endpoint).
    pub fn mark_read(&self) -> Call<MarkRead> {
        Call::new(&self.client, self.path(), None, MarkReadParams::default())
    }
}

impl Call<Reply> {
    /// An internal note instead of a visible reply.
    pub fn note(self) -> Self {
        self.reply_type(ReplyType::Note)
    }

    params! {
        /// The kind of reply (default `reply_admin`).
        reply_type(kind: ReplyType) => reply_type;
        /// A client-chosen number attached to the part (the API does not say it deduplicates).
        random_id(random_id: u64) => random_id;
        /// Your own id for the message.
        external_id(id: into String) => external_id;
        /// Assigns the conversation to `admin` at the same time.
        auto_assign(admin: into FlexId) => auto_assign;
        /// A structured body (sent as JSON text).
        body_json(body: Value) => body_json;
    }

    /// Attaches a file; the request becomes `multipart/form-data`.
    pub fn attachment(
        mut self,
        filename: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        let filename = filename.into();
        self.params.attachment_file_name = Some(filename.clone());
        self.set_file(FilePart {
            field: "attachment",
            filename,
            content_type: content_type.into(),
            data: data.into(),
        });
        self
    }
}

impl Call<SetTyping> {
    params! {
        /// The text being typed.
        body(body: into String) => body;
    }
}

/// The sender of a reply or of a typing indicator: an admin or the user, one excluding the
/// other.
macro_rules! sender {
    ($($ty:ty),+) => {$(
        impl Call<$ty> {
            /// As this admin (replaces a `from_user` set before).
            pub fn from_admin(mut self, admin: impl Into<AdminRef>) -> Self {
                self.params.from_admin = Some(admin.into());
                self.params.from_user = None;
                self
            }

            /// As the user (replaces a `from_admin` set before). On a reply the API then
            /// ignores the reply type.
            pub fn from_user(mut self, user: impl Into<UserSender>) -> Self {
                self.params.from_user = Some(user.into());
                self.params.from_admin = None;
                self
            }
        }
    )+};
}

sender!(Reply, SetTyping);

macro_rules! acting_admin {
    ($($ty:ty),+) => {$(
        impl Call<$ty> {
            /// Acts as this admin (default: the app's default admin).
            pub fn from_admin(mut self, admin: impl Into<AdminRef>) -> Self {
                let admin: AdminRef = admin.into();
                self.params.from_admin = admin.into();
                self
            }

            /// A client-chosen number for the system part the action creates.
            pub fn random_id(mut self, random_id: u64) -> Self {
                self.params.random_id = Some(random_id);
                self
            }
        }
    )+};
}

acting_admin!(Assign, AddTag, DeleteTag, Close);

/// The endpoints of one user.
#[derive(Debug, Clone)]
pub struct UserApi {
    client: CarrotClient,
    user: UserRef,
}

impl UserApi {
    fn call<D: crate::Def>(&self, params: D::Params) -> Call<D> {
        Call::new(
            &self.client,
            vec![self.user.path_segment()],
            Some(self.user.clone()),
            params,
        )
    }

    /// `GET /users/{user}` (an unknown User ID gives a `LookupError`).
    pub fn get(&self) -> Call<GetUser> {
        self.call(GetUserParams::default())
    }

    /// `GET /users/{user}/events`: one page of events, newest first; `.filter_name(..)` to keep
    /// one event name, `.into_stream()` for every page.
    pub fn events(&self) -> Call<UserEvents> {
        self.call(UserEventsParams::default())
    }

    /// `GET /users/{user}/conversations`: one page; `.into_stream()` for all.
    pub fn conversations(&self) -> Call<UserConversations> {
        self.call(UserConversationsParams::default())
    }

    /// `POST /users/{user}/events`: records event `name` (an unknown User ID is created).
    pub fn track_event(&self, name: impl Into<String>) -> Call<TrackEvent> {
        self.call(TrackEventParams::new(name))
    }

    /// `POST /users/{user}/props`: a builder of property operations, split into requests of
    /// at most 250 operations.
    pub fn props(&self) -> SetProps {
        SetProps::new(self.client.clone(), self.user.clone())
    }

    /// Sets every `(key, value)` with `update_or_create` (the PHP wrapper's `setProps`).
    pub fn set_props<I, K, V>(&self, props: I) -> SetProps
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        self.props().operations(
            props
                .into_iter()
                .map(|(k, v)| PropOperation::update_or_create(k, v)),
        )
    }

    /// Deletes every property in `keys` (the PHP wrapper's `deleteProps`).
    pub fn delete_props<I, K>(&self, keys: I) -> SetProps
    where
        I: IntoIterator<Item = K>,
        K: Into<String>,
    {
        self.props()
            .operations(keys.into_iter().map(PropOperation::delete))
    }

    /// `POST /users/{user}/setpresence`: a heartbeat, about once a minute. **Carrot id only**:
    /// with a [`UserRef::External`] the call fails with `Error::InvalidRequest` unsent.
    pub fn set_presence(&self, presence: Presence) -> Call<SetPresence> {
        self.call(SetPresenceParams::new(presence))
    }

    /// `POST /users/{user}/sendmessage`: a manual message (chat pop-up unless `.kind(..)`).
    pub fn send_message(&self, body: impl Into<String>) -> Call<SendMessage> {
        self.call(SendMessageParams::new(body))
    }

    /// `POST /users/{user}/startconversation`: a conversation whose first message is `body`,
    /// from the user.
    pub fn start_conversation(&self, body: impl Into<String>) -> Call<StartConversation> {
        self.call(StartConversationParams::new(body))
    }

    /// `POST /users/{user}/unsubscribeemail` (undocumented today; answer kept as JSON).
    pub fn unsubscribe_email(&self) -> Call<UnsubscribeEmail> {
        self.call(UnsubscribeEmailParams::default())
    }
}

impl Call<UserEvents> {
    params! {
        /// Only events named `name`.
        filter_name(name: into String) => filter_name;
        /// Property values as strings.
        props_as_string(yes: bool) => props_as_string;
    }
}

impl Call<UserConversations> {
    params! {
        /// Only conversations where the user replied.
        with_user_replies_only(yes: bool) => with_user_replies_only;
        /// Web (default) or mobile SDK conversations.
        recipient_type(kind: RecipientType) => recipient_type;
    }
}

impl Call<GetUser> {
    params! {
        /// Also include `presence_details`.
        presence_details(yes: bool) => presence_details;
        /// Also include the user's events.
        events(yes: bool) => events;
    }

    /// Also include segments, notes and tags.
    pub fn segments_notes_tags(mut self, yes: bool) -> Self {
        self.params.segments = Some(yes);
        self.params.notes = Some(yes);
        self.params.tags = Some(yes);
        self
    }
}

impl Call<TrackEvent> {
    /// Adds one event property.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.params
            .params
            .get_or_insert_with(Map::new)
            .insert(key.into(), value.into());
        self
    }

    /// Adds event properties.
    pub fn params<I, K, V>(mut self, params: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        let map = self.params.params.get_or_insert_with(Map::new);
        for (k, v) in params {
            map.insert(k.into(), v.into());
        }
        self
    }

    params! {
        /// Back-dates the event (Unix seconds, UTC); such events fire no automessages, bots or
        /// triggered integrations.
        created(at: Timestamp) => created;
    }

    /// Back-dates the event to `at` (whole seconds).
    pub fn created_at(self, at: SystemTime) -> Self {
        let secs = match at.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
        };
        self.created(Timestamp::from_secs(secs))
    }
}

impl Call<SetPresence> {
    /// The current page's title and URL.
    pub fn page(mut self, title: impl Into<String>, url: impl Into<String>) -> Self {
        self.params.current_page = Some(title.into());
        self.params.current_url = Some(url.into());
        self
    }

    params! {
        /// The session identifier.
        session(session: into String) => session;
    }
}

impl Call<SendMessage> {
    params! {
        /// How the message is shown (default chat pop-up).
        kind(kind: MessageType) => message_type;
    }
}

impl Call<StartConversation> {
    params! {
        /// A client-chosen number attached to the message.
        random_id(random_id: u64) => random_id;
        /// The page the conversation starts from.
        referrer(url: into String) => referrer;
    }

    /// Attaches a file (at most 10 MB); the request becomes `multipart/form-data`.
    pub fn file(
        mut self,
        filename: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        let filename = filename.into();
        self.params.filename = Some(filename.clone());
        self.set_file(FilePart {
            field: "file",
            filename,
            content_type: content_type.into(),
            data: data.into(),
        });
        self
    }
}

impl Call<ImportUsers> {
    params! {
        /// The property that matches rows to existing users (default `$user_id`).
        merge_field(field: MergeField) => merge_field;
        /// The column separator (default tab).
        delimiter(delimiter: CsvDelimiter) => delimiter;
    }

    /// Tags put on every imported user.
    pub fn tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tags: I) -> Self {
        self.params.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }
}
