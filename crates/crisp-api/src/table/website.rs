//! Website: the website itself, its creation and existence check, and batch operations.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! website_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
            Websites ("websites()", rate "website") {
                /// Check website exists.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-website-exists).
                ///
                /// Same as `website.checkWebsiteExists` in the Node client 11.3.0.
                CheckWebsiteExists = "check_website_exists" { Safe HEAD "/website"
                    fn exists() query_req[m::website::WebsiteExistsQuery] -> exists }
                /// Create website.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-website).
                ///
                /// Same as `website.createWebsite` in the Node client 11.3.0.
                /// Needs a `user` tier token.
                CreateWebsite = "create_website" { Unsafe POST "/website"
                    fn create() body[m::website::WebsiteCreate] -> m::website::Website }
            }
            Website ("website(website_id)", rate "website") {
                /// Get website.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-website).
                ///
                /// Same as `website.getWebsite` in the Node client 11.3.0.
                GetWebsite = "get_website" { Safe GET "/website/{website_id}"
                    fn get() -> m::website::Website }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Delete website.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-a-website).
                ///
                /// Same as `website.deleteWebsite` in the Node client 11.3.0.
                DeleteWebsite = "delete_website" { Safe DELETE "/website/{website_id}"
                    fn delete() body[m::website::VerifiedDeletion] -> m::common::Empty }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Abort website deletion.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#abort-website-deletion).
                ///
                /// Same as `website.abortWebsiteDeletion` in the Node client 11.3.0.
                AbortWebsiteDeletion = "abort_website_deletion" { Safe DELETE "/website/{website_id}/expunge"
                    fn abort_deletion() -> m::common::Empty }
                /// Generate analytics.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#generate-analytics).
                ///
                /// Same as `website.generateAnalytics` in the Node client 11.3.0.
                GenerateAnalytics = "generate_analytics" { Unsafe POST "/website/{website_id}/analytics/generate"
                    fn generate_analytics() body[m::website::AnalyticsQuery] -> Vec<m::website::AnalyticsPoint> }
                /// Get website availability status.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-availability-status).
                ///
                /// Same as `website.getWebsiteAvailabilityStatus` in the Node client 11.3.0.
                GetWebsiteAvailabilityStatus = "get_website_availability_status" { Safe GET "/website/{website_id}/availability/status"
                    fn availability_status() -> m::website::AvailabilityStatus }
                /// List website operator availabilities.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-website-operator-availabilities).
                ///
                /// Same as `website.listWebsiteOperatorAvailabilities` in the Node client 11.3.0.
                ListWebsiteOperatorAvailabilities = "list_website_operator_availabilities" { Safe GET "/website/{website_id}/availability/operators"
                    fn operator_availabilities() -> Vec<m::website::OperatorAvailability> }
                /// Get connect endpoints.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-connect-endpoints).
                ///
                /// Same as `website.getConnectEndpoints` in the Node client 11.3.0.
                /// Needs a `website` tier token.
                WebsiteGetConnectEndpoints = "website_get_connect_endpoints" { Safe GET "/website/{website_id}/connect/endpoints"
                    fn connect_endpoints() -> m::website::ConnectEndpoints }
            }
            Batch ("website(website_id).batch()", rate "batch") {
                /// Batch resolve conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-resolve-items).
                ///
                /// Same as `website.batchResolveConversations` in the Node client 11.3.0.
                BatchResolveConversations = "batch_resolve_conversations" { Unsafe PATCH "/website/{website_id}/batch/resolve"
                    fn resolve_conversations() body[m::website::BatchConversations] -> m::common::Empty }
                /// Batch unresolve conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-unresolve-items).
                ///
                /// Same as `website.batchUnresolveConversations` in the Node client 11.3.0.
                BatchUnresolveConversations = "batch_unresolve_conversations" { Unsafe PATCH "/website/{website_id}/batch/unresolve"
                    fn unresolve_conversations() body[m::website::BatchConversations] -> m::common::Empty }
                /// Batch read conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-read-items).
                ///
                /// Same as `website.batchReadConversations` in the Node client 11.3.0.
                BatchReadConversations = "batch_read_conversations" { Unsafe PATCH "/website/{website_id}/batch/read"
                    fn read_conversations() body[m::website::BatchConversations] -> m::common::Empty }
                /// Batch unread conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-unread-items).
                ///
                /// Same as `website.batchUnreadConversations` in the Node client 11.3.0.
                BatchUnreadConversations = "batch_unread_conversations" { Unsafe PATCH "/website/{website_id}/batch/unread"
                    fn unread_conversations() body[m::website::BatchConversations] -> m::common::Empty }
                /// Batch remove conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-remove-items).
                ///
                /// Same as `website.batchRemoveConversations` in the Node client 11.3.0.
                BatchRemoveConversations = "batch_remove_conversations" { Unsafe PATCH "/website/{website_id}/batch/remove"
                    fn remove_conversations() body[m::website::BatchConversations] -> m::common::Empty }
                /// Batch remove people.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-remove-items).
                ///
                /// Same as `website.batchRemovePeople` in the Node client 11.3.0.
                BatchRemovePeople = "batch_remove_people" { Unsafe PATCH "/website/{website_id}/batch/remove"
                    fn remove_people() body[m::website::BatchPeople] -> m::common::Empty }
                /// Batch report conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-report-items).
                ///
                /// Same as `website.batchReportConversations` in the Node client 11.3.0.
                BatchReportConversations = "batch_report_conversations" { Unsafe POST "/website/{website_id}/batch/report"
                    fn report_conversations() body[m::website::BatchReport] -> m::common::Empty }
                /// Batch block conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-block-items).
                ///
                /// Same as `website.batchBlockConversations` in the Node client 11.3.0.
                BatchBlockConversations = "batch_block_conversations" { Unsafe PATCH "/website/{website_id}/batch/block"
                    fn block_conversations() body[m::website::BatchBlock] -> m::common::Empty }
                /// Batch routing conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-routing-items).
                ///
                /// Same as `website.batchRoutingConversations` in the Node client 11.3.0.
                BatchRoutingConversations = "batch_routing_conversations" { Unsafe PATCH "/website/{website_id}/batch/routing"
                    fn route_conversations() body[m::website::BatchRouting] -> m::common::Empty }
                /// Batch inbox conversations.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-inbox-items).
                ///
                /// Same as `website.batchInboxConversations` in the Node client 11.3.0.
                BatchInboxConversations = "batch_inbox_conversations" { Unsafe PATCH "/website/{website_id}/batch/inbox"
                    fn move_conversations_to_inbox() body[m::website::BatchInbox] -> m::common::Empty }
                /// Batch update conversations data.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-data-items).
                ///
                /// Same as `website.batchUpdateConversationsData` in the Node client 11.3.0.
                BatchUpdateConversationsData = "batch_update_conversations_data" { Unsafe PATCH "/website/{website_id}/batch/data"
                    fn update_conversations_data() body[m::website::BatchData] -> m::common::Empty }
                /// Batch update people data.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-data-items).
                ///
                /// Same as `website.batchUpdatePeopleData` in the Node client 11.3.0.
                BatchUpdatePeopleData = "batch_update_people_data" { Unsafe PATCH "/website/{website_id}/batch/data"
                    fn update_people_data() body[m::website::BatchData] -> m::common::Empty }
                /// Batch update conversations segments.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-segments-items).
                ///
                /// Same as `website.batchUpdateConversationsSegments` in the Node client 11.3.0.
                BatchUpdateConversationsSegments = "batch_update_conversations_segments" { Unsafe PATCH "/website/{website_id}/batch/segments"
                    fn update_conversations_segments() body[m::website::BatchSegments] -> m::common::Empty }
                /// Batch update people segments.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-segments-items).
                ///
                /// Same as `website.batchUpdatePeopleSegments` in the Node client 11.3.0.
                BatchUpdatePeopleSegments = "batch_update_people_segments" { Unsafe PATCH "/website/{website_id}/batch/segments"
                    fn update_people_segments() body[m::website::BatchSegments] -> m::common::Empty }
            }
        }
    };
}
