//! Builder methods for the optional query parameters of the endpoints that have some.
//!
//! Each setter fills one field of the endpoint's parameters; [`Call::replace_params`] replaces
//! them all, [`Call::params_mut`] reaches any field.

use crate::call::Call;
use crate::ops;
use chatdesk_model::crisp::common::{
    JsonParam, SearchFilter, SearchOperator, SearchQuery, SearchType,
};
use chatdesk_model::crisp::conversation::ConversationsQuery;
use chatdesk_model::crisp::people::{PeopleProfilesQuery, SortOrder};
use chatdesk_transport::Error;

/// The page sizes the API accepts where it takes `per_page` (conversations, people profiles):
/// "between 20 and 50, defaults to 20" in the API reference.
pub const PER_PAGE: std::ops::RangeInclusive<u32> = 20..=50;

fn check_per_page(endpoint: &str, per_page: Option<u32>) -> Result<(), Error> {
    match per_page {
        Some(n) if !PER_PAGE.contains(&n) => Err(Error::invalid(format!(
            "{endpoint}: per_page {n} is outside the 20–50 the API accepts"
        ))),
        _ => Ok(()),
    }
}

/// Refuses a `per_page` the API does not accept, before anything is sent.
pub(crate) fn check_conversations(q: &ConversationsQuery) -> Result<(), Error> {
    check_per_page("list_conversations", q.per_page)
}

/// Refuses a `per_page` the API does not accept, before anything is sent.
pub(crate) fn check_profiles(q: &PeopleProfilesQuery) -> Result<(), Error> {
    check_per_page("list_people_profiles", q.per_page)
}

macro_rules! setters {
    ($(
        $op:ident {
            $( $field:ident : $ty:ty ),* $(,)?
            $(; text $( $tfield:ident ),* $(,)? )?
        }
    )*) => {$(
        impl Call<ops::$op> {
            $(
                #[doc = concat!("Sets the `", stringify!($field), "` query parameter.")]
                pub fn $field(self, value: $ty) -> Self {
                    self.with_params(|p| p.$field = Some(value))
                }
            )*
            $($(
                #[doc = concat!("Sets the `", stringify!($tfield), "` query parameter.")]
                pub fn $tfield(self, value: impl Into<String>) -> Self {
                    self.with_params(|p| p.$tfield = Some(value.into()))
                }
            )*)?
        }
    )*};
}

setters! {
    ListAnimationMedias {
        ; text list_id
    }
    ListAllConnectWebsites {
        filter_configured: bool,
        include_plan: bool,
    }
    ListConnectWebsitesSince {
        filter_configured: bool,
        include_plan: bool,
    }
    ListConversations {
        include_empty: bool,
        filter_unread: bool,
        filter_resolved: bool,
        filter_not_resolved: bool,
        filter_mention: bool,
        filter_unassigned: bool,
        order_date_created: bool,
        order_date_updated: bool,
        order_date_waiting: bool,
        search_type: SearchType,
        search_operator: SearchOperator,
        ; text filter_inbox_id, filter_assigned, filter_date_start, filter_date_end
    }
    GetMessagesInConversation {
        timestamp_before: i64,
        timestamp_after: i64,
        timestamp_around: i64,
    }
    ListPeopleProfiles {
        sort_order: SortOrder,
        search_operator: SearchOperator,
        ; text sort_field, search_text, filter_date_start, filter_date_end
    }
    ListPeopleConversations {
        filter_unread: bool,
        filter_resolved: bool,
        filter_not_resolved: bool,
    }
    ListCampaigns {
        filter_type_one_shot: bool,
        filter_type_automated: bool,
        filter_status_not_configured: bool,
        filter_status_ready: bool,
        filter_status_paused: bool,
        filter_status_sending: bool,
        filter_status_done: bool,
        ; text search_name, filter_tag
    }
    ListCampaignTemplates {
        filter_type_static: bool,
        filter_type_custom: bool,
        ; text search_name
    }
    ListHelpdeskHistoryChanges {
        ; text filter_locale, filter_type, filter_tree_path
    }
    ListHelpdeskTree {
        ; text sub_path, search_title, filter_date_start, filter_date_end
    }
    MapHelpdeskLocaleFeedbackRatings {
        ; text filter_date_start, filter_date_end
    }
    ListHelpdeskLocaleFeedbacks {
        ; text filter_date_start, filter_date_end
    }
    LegacyMapHelpdeskLocaleFeedbackRatings {
        ; text filter_date_start, filter_date_end
    }
    LegacyListHelpdeskLocaleFeedbacks {
        ; text filter_date_start, filter_date_end
    }
    PinpointVisitorsOnMap {
        center_longitude: f64,
        center_latitude: f64,
        center_radius: u32,
    }
}

impl Call<ops::ListConversations> {
    /// The page size, `per_page`: **20 to 50** (the API's range; 20 when unset). A value outside
    /// it makes the call fail with [`Error::InvalidRequest`] before anything is sent.
    pub fn per_page(self, per_page: u32) -> Self {
        self.with_params(|p| p.per_page = Some(per_page))
    }

    /// Full-text search (`search_type=text`, `search_query=<text>`).
    pub fn search_text(mut self, text: impl Into<String>) -> Self {
        self.params_mut().search_type = Some(SearchType::Text);
        self.params_mut().search_query = Some(SearchQuery::Text(text.into()));
        self
    }

    /// Conversations in a segment (`search_type=segment`).
    pub fn search_segment(mut self, segment: impl Into<String>) -> Self {
        self.params_mut().search_type = Some(SearchType::Segment);
        self.params_mut().search_query = Some(SearchQuery::Text(segment.into()));
        self
    }

    /// Filter clauses (`search_type=filter`, `search_query` = the clauses as one JSON array).
    pub fn search_filters(mut self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.params_mut().search_type = Some(SearchType::Filter);
        self.params_mut().search_query = Some(SearchQuery::Filters(filters.into_iter().collect()));
        self
    }
}

impl Call<ops::ListPeopleProfiles> {
    /// The page size, `per_page`: **20 to 50** (the API's range; 20 when unset). A value outside
    /// it makes the call fail with [`Error::InvalidRequest`] before anything is sent.
    pub fn per_page(self, per_page: u32) -> Self {
        self.with_params(|p| p.per_page = Some(per_page))
    }

    /// Filter clauses, sent as one JSON array in `search_filter`.
    pub fn search_filters(mut self, filters: impl IntoIterator<Item = SearchFilter>) -> Self {
        self.params_mut().search_filter = Some(JsonParam(filters.into_iter().collect()));
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::{Credentials, CrispClient, Tier};
    use chatdesk_model::crisp::common::SearchFilter;

    fn query_of(req: http::Request<chatdesk_transport::Body>) -> Vec<(String, String)> {
        serde_urlencoded::from_str(req.uri().query().unwrap_or("")).unwrap()
    }

    #[test]
    fn flags_are_1_0_unset_is_absent_and_filters_are_one_json_parameter() {
        let client = CrispClient::new(Credentials::new("i", "k", Tier::Plugin));
        let website = client.website("w");
        let req = website
            .conversations()
            .list()
            .filter_unread(true)
            .filter_resolved(false)
            .filter_assigned("user 1&2")
            .to_request()
            .unwrap();
        assert_eq!(
            query_of(req),
            [
                ("filter_unread".into(), "1".into()),
                ("filter_resolved".into(), "0".into()),
                ("filter_assigned".into(), "user 1&2".into()),
            ]
        );
        let req = website
            .people()
            .list_profiles()
            .search_filters([SearchFilter::new("people", "segments", "has", ["vip"])])
            .to_request()
            .unwrap();
        assert_eq!(
            query_of(req),
            [(
                "search_filter".into(),
                r#"[{"model":"people","criterion":"segments","operator":"has","query":["vip"]}]"#
                    .into()
            )]
        );
        let req = website
            .conversations()
            .list()
            .search_text("refund")
            .to_request()
            .unwrap();
        assert_eq!(
            query_of(req),
            [
                ("search_query".into(), "refund".into()),
                ("search_type".into(), "text".into())
            ]
        );
        let plain = website.conversations().list().to_request().unwrap();
        assert_eq!(plain.uri().query(), None, "no parameters, no `?`");
    }

    /// Every numeric setter and numeric path argument takes its own integer or float type, so
    /// bare literals compile (`.per_page(20)`, not `.per_page(20u32)`), and they encode as
    /// plain numbers.
    #[test]
    fn numeric_setters_take_bare_literals() {
        let client = CrispClient::new(Credentials::new("i", "k", Tier::Plugin));
        let website = client.website("w");
        let uri = |req: http::Request<chatdesk_transport::Body>| req.uri().to_string();
        assert_eq!(
            uri(website
                .conversations()
                .list()
                .per_page(20)
                .page(2)
                .to_request()
                .unwrap()),
            "https://api.crisp.chat/v1/website/w/conversations/2?per_page=20"
        );
        assert_eq!(
            uri(website
                .people()
                .list_profiles()
                .per_page(50)
                .to_request()
                .unwrap()),
            "https://api.crisp.chat/v1/website/w/people/profiles/1?per_page=50"
        );
        let conversation = website.conversation("s");
        assert_eq!(
            uri(conversation
                .messages()
                .timestamp_before(1_700_000_000_000)
                .timestamp_after(1)
                .timestamp_around(2)
                .to_request()
                .unwrap()),
            "https://api.crisp.chat/v1/website/w/conversation/s/messages\
             ?timestamp_before=1700000000000&timestamp_after=1&timestamp_around=2"
        );
        assert_eq!(
            uri(conversation.message(42).to_request().unwrap()),
            "https://api.crisp.chat/v1/website/w/conversation/s/message/42"
        );
        assert_eq!(
            uri(website
                .visitors()
                .map()
                .center_longitude(2.35)
                .center_latitude(48.85)
                .center_radius(10)
                .to_request()
                .unwrap()),
            "https://api.crisp.chat/v1/website/w/visitors/map\
             ?center_longitude=2.35&center_latitude=48.85&center_radius=10"
        );
        assert_eq!(
            uri(client.media().list_animations(3).to_request().unwrap()),
            "https://api.crisp.chat/v1/media/animation/list/3"
        );
    }
}
