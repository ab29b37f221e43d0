//! The endpoint-specific setters: inherent methods of `Call<ops::Name>`, most of them one
//! line of the [`params!`] macro. The list setters (`.per_page(n)`, `.direction(d)`,
//! `.cursor(c)`) are generated with each list from the table.

use crate::call::{Call, FilePart};
use crate::ops::*;
use bytes::Bytes;
use chatdesk_model::carrot::{
    AdminRef, AssistantType, CsvDelimiter, LeadsFilter, MergeField, MessageType, RecipientType,
    ReplyType, SortOrder, Timestamp, UserSender,
};
use chatdesk_model::id::FlexId;
use serde_json::{Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

impl Call<ListLeads> {
    params! {
        /// Only leads matching `filter`.
        filter(filter: LeadsFilter) => filters;
    }

    /// Sorts by `prop` (default `$last_seen`) in `order` (default descending).
    pub fn sort(mut self, prop: impl Into<String>, order: SortOrder) -> Self {
        self.params_mut().sort_prop = Some(prop.into());
        self.params_mut().sort_order = Some(order);
        self
    }

    params! {
        /// Skips `offset` leads (this page starts there; a walk starts there unless resumed).
        offset(offset: u64) => offset;
    }

    /// Page size, 1 to 50 (the API's range; the server's default is 20), sent as `limit`. A
    /// size outside 1–50 fails with `Error::InvalidRequest`, unsent.
    pub fn per_page(mut self, size: u32) -> Self {
        self.params_mut().limit = Some(size);
        self
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
        self.params_mut().tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    params! {
        /// Only conversations from `channel`.
        channel(channel: into FlexId) => channel;
        /// Only conversations handled by this kind of bot.
        assistant_type(kind: AssistantType) => assistant_type;
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
        self.params_mut().attachment_file_name = Some(filename.clone());
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
        /// The text being typed (sent as `body`; `.body()` is the call's own, the request
        /// body, which a Carrot call does not use).
        text(text: into String) => body;
    }
}

/// The sender of a reply or of a typing indicator: an admin or the user, one excluding the
/// other.
macro_rules! sender {
    ($($ty:ty),+) => {$(
        impl Call<$ty> {
            /// As this admin (replaces a `from_user` set before).
            pub fn from_admin(mut self, admin: impl Into<AdminRef>) -> Self {
                self.params_mut().from_admin = Some(admin.into());
                self.params_mut().from_user = None;
                self
            }

            /// As the user (replaces a `from_admin` set before). On a reply the API then
            /// ignores the reply type.
            pub fn from_user(mut self, user: impl Into<UserSender>) -> Self {
                self.params_mut().from_user = Some(user.into());
                self.params_mut().from_admin = None;
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
                self.params_mut().from_admin = admin.into();
                self
            }

            /// A client-chosen number for the system part the action creates.
            pub fn random_id(mut self, random_id: u64) -> Self {
                self.params_mut().random_id = Some(random_id);
                self
            }
        }
    )+};
}

acting_admin!(Assign, AddTag, DeleteTag, Close);

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
        self.params_mut().segments = Some(yes);
        self.params_mut().notes = Some(yes);
        self.params_mut().tags = Some(yes);
        self
    }
}

impl Call<TrackEvent> {
    /// Adds one event property.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.params_mut()
            .params
            .get_or_insert_with(Map::new)
            .insert(key.into(), value.into());
        self
    }

    /// Adds event properties (`.params()` is the call's own: the parameters as they stand).
    pub fn event_params<I, K, V>(mut self, params: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        let map = self.params_mut().params.get_or_insert_with(Map::new);
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
        self.params_mut().current_page = Some(title.into());
        self.params_mut().current_url = Some(url.into());
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
        self.params_mut().filename = Some(filename.clone());
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
        self.params_mut().tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }
}

impl Call<ImportUsers> {
    /// The CSV file of an import, as its multipart part.
    pub(crate) fn csv_file(mut self, csv: impl Into<Bytes>) -> Self {
        self.set_file(FilePart {
            field: "file",
            filename: "users.csv".to_owned(),
            content_type: "text/csv".to_owned(),
            data: csv.into(),
        });
        self
    }
}
