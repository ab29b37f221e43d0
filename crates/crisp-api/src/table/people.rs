//! People: profiles, their data, events and conversations.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! people_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
            People ("website(website_id).people()", rate "people") {
                /// Get people statistics.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-statistics).
                ///
                /// Same as `website.getPeopleStatistics` in the Node client 11.3.0.
                GetPeopleStatistics = "get_people_statistics" { Safe GET "/website/{website_id}/people/stats"
                    fn stats() -> m::people::PeopleStatistics }
                /// List suggested people segments.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-people-segments).
                ///
                /// Same as `website.listSuggestedPeopleSegments` in the Node client 11.3.0.
                ListSuggestedPeopleSegments = "list_suggested_people_segments" { Safe GET "/website/{website_id}/people/suggest/segments/{page_number}"
                    fn list_suggested_segments() -> page[m::common::SuggestedSegment] }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Delete suggested people segment.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-people-segment).
                ///
                /// Same as `website.deleteSuggestedPeopleSegment` in the Node client 11.3.0.
                DeleteSuggestedPeopleSegment = "delete_suggested_people_segment" { Safe DELETE "/website/{website_id}/people/suggest/segment"
                    fn delete_suggested_segment() body[m::common::SuggestedSegmentDelete] -> m::common::Empty }
                /// List suggested people data keys.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-people-data-keys).
                ///
                /// Same as `website.listSuggestedPeopleDataKeys` in the Node client 11.3.0.
                ListSuggestedPeopleDataKeys = "list_suggested_people_data_keys" { Safe GET "/website/{website_id}/people/suggest/data/{page_number}"
                    fn list_suggested_data_keys() -> page[m::common::SuggestedDataKey] }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Delete suggested people data key.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-people-data-key).
                ///
                /// Same as `website.deleteSuggestedPeopleDataKey` in the Node client 11.3.0.
                DeleteSuggestedPeopleDataKey = "delete_suggested_people_data_key" { Safe DELETE "/website/{website_id}/people/suggest/data"
                    fn delete_suggested_data_key() body[m::common::SuggestedDataKeyDelete] -> m::common::Empty }
                /// List suggested people events.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-people-events).
                ///
                /// Same as `website.listSuggestedPeopleEvents` in the Node client 11.3.0.
                ListSuggestedPeopleEvents = "list_suggested_people_events" { Safe GET "/website/{website_id}/people/suggest/events/{page_number}"
                    fn list_suggested_events() -> page[m::people::SuggestedEvent] }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Delete suggested people event.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-people-event).
                ///
                /// Same as `website.deleteSuggestedPeopleEvent` in the Node client 11.3.0.
                DeleteSuggestedPeopleEvent = "delete_suggested_people_event" { Safe DELETE "/website/{website_id}/people/suggest/event"
                    fn delete_suggested_event() body[m::people::SuggestedEventDelete] -> m::common::Empty }
                /// List people profiles.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-profiles).
                ///
                /// Same as `website.listPeopleProfiles` in the Node client 11.3.0.
                ListPeopleProfiles = "list_people_profiles" { Safe GET "/website/{website_id}/people/profiles/{page_number}"
                    fn list_profiles() query[m::people::PeopleProfilesQuery] check[crate::query::check_profiles] -> page[m::people::PeopleProfile] }
                /// Add new people profile.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-new-people-profile).
                ///
                /// Same as `website.addNewPeopleProfile` in the Node client 11.3.0.
                AddNewPeopleProfile = "add_new_people_profile" { Unsafe POST "/website/{website_id}/people/profile"
                    fn add_profile() body[m::people::PeopleProfileUpdate] confirmed[crate::confirm::ByEmail] -> m::people::PeopleProfileNew }
                /// Export people profiles.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#export-people-profiles).
                ///
                /// Same as `website.exportPeopleProfiles` in the Node client 11.3.0.
                ExportPeopleProfiles = "export_people_profiles" { Unsafe POST "/website/{website_id}/people/export/profiles"
                    fn export_profiles() -> m::common::Empty }
                /// Import people profiles.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#import-people-profiles).
                ///
                /// Same as `website.importPeopleProfiles` in the Node client 11.3.0.
                ImportPeopleProfiles = "import_people_profiles" { Unsafe POST "/website/{website_id}/people/import/profiles"
                    fn import_profiles() body[m::people::PeopleImport] -> m::people::PeopleImportStarted }
                /// List people segments.
                ///
                /// Not in the official Node client 11.3.0 (legacy route known from older clients).
                ///
                /// Same as `website.listPeopleSegments` in the older PHP/Go clients.
                ListPeopleSegments = "list_people_segments" { Safe GET "/website/{website_id}/people/segments/{page_number}"
                    fn list_segments() -> page[String] }
            }
            Person ("website(website_id).person(people_id)", rate "people") {
                /// Check people profile exists.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-people-profile-exists).
                ///
                /// Same as `website.checkPeopleProfileExists` in the Node client 11.3.0.
                CheckPeopleProfileExists = "check_people_profile_exists" { Safe HEAD "/website/{website_id}/people/profile/{people_id}"
                    fn exists() -> exists }
                /// Get people profile.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-profile).
                ///
                /// Same as `website.getPeopleProfile` in the Node client 11.3.0.
                GetPeopleProfile = "get_people_profile" { Safe GET "/website/{website_id}/people/profile/{people_id}"
                    fn get() -> m::people::PeopleProfile }
                // Safe: a PUT replaces the whole document, so a second copy writes the same state.
                /// Save people profile.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-people-profile).
                ///
                /// Same as `website.savePeopleProfile` in the Node client 11.3.0.
                SavePeopleProfile = "save_people_profile" { Safe PUT "/website/{website_id}/people/profile/{people_id}"
                    fn save() body[m::people::PeopleProfileUpdate] -> m::common::Empty }
                /// Update people profile.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-people-profile).
                ///
                /// Same as `website.updatePeopleProfile` in the Node client 11.3.0.
                UpdatePeopleProfile = "update_people_profile" { Unsafe PATCH "/website/{website_id}/people/profile/{people_id}"
                    fn update() body[m::people::PeopleProfileUpdate] -> m::common::Empty }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Remove people profile.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-people-profile).
                ///
                /// Same as `website.removePeopleProfile` in the Node client 11.3.0.
                RemovePeopleProfile = "remove_people_profile" { Safe DELETE "/website/{website_id}/people/profile/{people_id}"
                    fn remove() -> m::common::Empty }
                /// List people conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-conversations).
                ///
                /// Same as `website.listPeopleConversations` in the Node client 11.3.0.
                ListPeopleConversations = "list_people_conversations" { Safe GET "/website/{website_id}/people/conversations/{people_id}/list/{page_number}"
                    fn list_conversations() query[m::people::PeopleConversationsQuery] -> page[String] }
                /// List people campaigns.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-campaigns).
                ///
                /// Same as `website.listPeopleCampaigns` in the Node client 11.3.0.
                ListPeopleCampaigns = "list_people_campaigns" { Safe GET "/website/{website_id}/people/campaigns/{people_id}/list/{page_number}"
                    fn list_campaigns() -> page[m::people::PeopleCampaign] }
                /// Add people event.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-a-people-event).
                ///
                /// Same as `website.addPeopleEvent` in the Node client 11.3.0.
                AddPeopleEvent = "add_people_event" { Unsafe POST "/website/{website_id}/people/events/{people_id}"
                    fn add_event() body[m::people::PeopleEventNew] -> m::common::Empty }
                /// List people events.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-events).
                ///
                /// Same as `website.listPeopleEvents` in the Node client 11.3.0.
                ListPeopleEvents = "list_people_events" { Safe GET "/website/{website_id}/people/events/{people_id}/list/{page_number}"
                    fn list_events() -> page[m::people::PeopleEvent] }
                /// Get people data.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-data).
                ///
                /// Same as `website.getPeopleData` in the Node client 11.3.0.
                GetPeopleData = "get_people_data" { Safe GET "/website/{website_id}/people/data/{people_id}"
                    fn data() -> m::people::PeopleData }
                // Safe: a PUT replaces the whole document, so a second copy writes the same state.
                /// Save people data.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-people-data).
                ///
                /// Same as `website.savePeopleData` in the Node client 11.3.0.
                SavePeopleData = "save_people_data" { Safe PUT "/website/{website_id}/people/data/{people_id}"
                    fn save_data() body[m::people::PeopleDataUpdate] -> m::common::Empty }
                /// Update people data.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-people-data).
                ///
                /// Same as `website.updatePeopleData` in the Node client 11.3.0.
                UpdatePeopleData = "update_people_data" { Unsafe PATCH "/website/{website_id}/people/data/{people_id}"
                    fn update_data() body[m::people::PeopleDataUpdate] -> m::common::Empty }
                /// Get people subscription status.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-subscription-status).
                ///
                /// Same as `website.getPeopleSubscriptionStatus` in the Node client 11.3.0.
                GetPeopleSubscriptionStatus = "get_people_subscription_status" { Safe GET "/website/{website_id}/people/subscription/{people_id}"
                    fn subscription_status() -> m::people::PeopleSubscription }
                /// Update people subscription status.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-people-subscription-status).
                ///
                /// Same as `website.updatePeopleSubscriptionStatus` in the Node client 11.3.0.
                UpdatePeopleSubscriptionStatus = "update_people_subscription_status" { Unsafe PATCH "/website/{website_id}/people/subscription/{people_id}"
                    fn update_subscription_status() body[m::people::PeopleSubscriptionUpdate] -> m::common::Empty }
            }
        }
    };
}
