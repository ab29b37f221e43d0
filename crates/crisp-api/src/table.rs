//! The endpoint table: every Crisp REST v1 endpoint, declared once.
//!
//! Each entry gives the marker type and stable name, the replay class, the HTTP method and
//! the path template exactly as in `docs/api/crisp-endpoints.tsv`, the Rust method generated on
//! the group handle with its positional arguments, and the query, body and output types from
//! `chatdesk-model` (see `macros.rs` for the grammar).
//!
//! Replay classes: GET and HEAD are `Safe`. POST and PATCH are `Unsafe` (a POST creates or
//! triggers something; Crisp's PATCH routes merge fields or trigger actions, and nothing in the
//! API documents them as idempotent). PUT and DELETE are `Safe` where they replace a whole
//! document or remove one resource, which a second copy cannot make worse; the exceptions are
//! marked next to their declaration.
//!
//! Rate-limit classes are coarse, one per group (`conversation`, `people`, `helpdesk`, …):
//! Crisp's per-route limits are undisclosed, and a refusal pauses only its class.

use chatdesk_model::crisp as m;

endpoints! {
    Bucket ("bucket()", rate "bucket") {
        /// Generate bucket URL.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#bucket-url).
        ///
        /// Same as `bucket.generateBucketURL` in the Node client 11.3.0.
        GenerateBucketUrl = "generate_bucket_url" { Unsafe POST "/bucket/url/generate"
            fn generate_url() body[m::misc::BucketUrlRequest] -> m::common::Empty }
    }
    Media ("media()", rate "media") {
        /// List animation medias.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-animation-medias).
        ///
        /// Same as `media.listAnimationMedias` in the Node client 11.3.0.
        ListAnimationMedias = "list_animation_medias" { Safe GET "/media/animation/list/{page_number}"
            fn list_animations(page_number: u32) query[m::misc::AnimationListQuery] -> m::common::Empty }
    }
    Plan ("plan()", rate "plans") {
        /// List all active subscriptions.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-all-active-plan-subscriptions).
        ///
        /// Same as `plan.listAllActiveSubscriptions` in the Node client 11.3.0.
        /// Needs a `user` tier token.
        PlanListAllActiveSubscriptions = "plan_list_all_active_subscriptions" { Safe GET "/plans/subscription"
            fn list_subscriptions() -> Vec<m::misc::PlanSubscription> }
    }
    PlanWebsite ("plan().website(website_id)", rate "plans") {
        /// Get plan subscription for website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-plan-subscription-for-a-website).
        ///
        /// Same as `plan.getPlanSubscriptionForWebsite` in the Node client 11.3.0.
        GetPlanSubscriptionForWebsite = "get_plan_subscription_for_website" { Safe GET "/plans/subscription/{website_id}"
            fn get() -> m::misc::PlanSubscription }
        /// Subscribe website to plan.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#subscribe-website-to-plan).
        ///
        /// Same as `plan.subscribeWebsiteToPlan` in the Node client 11.3.0.
        SubscribeWebsiteToPlan = "subscribe_website_to_plan" { Unsafe POST "/plans/subscription/{website_id}"
            fn subscribe() body[m::misc::PlanSubscribe] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Unsubscribe plan from website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unsubscribe-plan-from-website).
        ///
        /// Same as `plan.unsubscribePlanFromWebsite` in the Node client 11.3.0.
        UnsubscribePlanFromWebsite = "unsubscribe_plan_from_website" { Safe DELETE "/plans/subscription/{website_id}"
            fn unsubscribe() -> m::common::Empty }
        /// Change bill period for website plan subscription.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#change-bill-period-for-website-plan-subscription).
        ///
        /// Same as `plan.changeBillPeriodForWebsitePlanSubscription` in the Node client 11.3.0.
        ChangeBillPeriodForWebsitePlanSubscription = "change_bill_period_for_website_plan_subscription" { Unsafe PATCH "/plans/subscription/{website_id}/bill/period"
            fn change_bill_period() body[m::misc::BillPeriodChange] -> m::common::Empty }
        /// Check coupon availability for website plan subscription.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-coupon-availability-for-website-plan-subscription).
        ///
        /// Same as `plan.checkCouponAvailabilityForWebsitePlanSubscription` in the Node client 11.3.0.
        CheckCouponAvailabilityForWebsitePlanSubscription = "check_coupon_availability_for_website_plan_subscription" { Safe GET "/plans/subscription/{website_id}/coupon"
            fn check_coupon() query_req[m::misc::CouponCode] -> m::misc::PlanCoupon }
        /// Redeem coupon for website plan subscription.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#redeem-coupon-for-website-plan-subscription).
        ///
        /// Same as `plan.redeemCouponForWebsitePlanSubscription` in the Node client 11.3.0.
        RedeemCouponForWebsitePlanSubscription = "redeem_coupon_for_website_plan_subscription" { Unsafe PATCH "/plans/subscription/{website_id}/coupon"
            fn redeem_coupon() body[m::misc::CouponCode] -> m::common::Empty }
    }
    Plugin ("plugin()", rate "plugin") {
        /// Get connect account.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-connect-account).
        ///
        /// Same as `plugin.getConnectAccount` in the Node client 11.3.0.
        /// Needs a `plugin` tier token.
        GetConnectAccount = "get_connect_account" { Safe GET "/plugin/connect/account"
            fn connect_account() -> m::plugin::PluginRef }
        /// Check connect session validity.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-connect-session-validity).
        ///
        /// Same as `plugin.checkConnectSessionValidity` in the Node client 11.3.0.
        CheckConnectSessionValidity = "check_connect_session_validity" { Safe HEAD "/plugin/connect/session"
            fn check_connect_session() -> exists }
        /// List all connect websites.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-all-connect-websites).
        ///
        /// Same as `plugin.listAllConnectWebsites` in the Node client 11.3.0.
        ListAllConnectWebsites = "list_all_connect_websites" { Safe GET "/plugin/connect/websites/all/{page_number}"
            fn list_connect_websites() query[m::plugin::ConnectWebsitesQuery] -> page[m::plugin::ConnectWebsite] }
        /// List connect websites since.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-connect-websites-since).
        ///
        /// Same as `plugin.listConnectWebsitesSince` in the Node client 11.3.0.
        ListConnectWebsitesSince = "list_connect_websites_since" { Safe GET "/plugin/connect/websites/since"
            fn list_connect_websites_since() query_req[m::plugin::ConnectWebsitesSinceQuery] -> Vec<m::plugin::ConnectWebsite> }
        /// Get connect endpoints.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-connect-endpoints).
        ///
        /// Same as `plugin.getConnectEndpoints` in the Node client 11.3.0.
        /// Needs a `plugin` tier token.
        PluginGetConnectEndpoints = "plugin_get_connect_endpoints" { Safe GET "/plugin/connect/endpoints"
            fn connect_endpoints() -> m::website::ConnectEndpoints }
        /// List all active subscriptions.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-all-active-subscriptions).
        ///
        /// Same as `plugin.listAllActiveSubscriptions` in the Node client 11.3.0.
        PluginListAllActiveSubscriptions = "plugin_list_all_active_subscriptions" { Safe GET "/plugins/subscription"
            fn list_subscriptions() -> Vec<m::plugin::PluginSubscription> }
    }
    PluginWebsite ("plugin().website(website_id)", rate "plugin") {
        /// List subscriptions for website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-subscriptions-for-a-website).
        ///
        /// Same as `plugin.listSubscriptionsForWebsite` in the Node client 11.3.0.
        ListSubscriptionsForWebsite = "list_subscriptions_for_website" { Safe GET "/plugins/subscription/{website_id}"
            fn list_subscriptions() -> Vec<m::plugin::PluginSubscription> }
        /// Subscribe website to plugin.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#subscribe-website-to-plugin).
        ///
        /// Same as `plugin.subscribeWebsiteToPlugin` in the Node client 11.3.0.
        SubscribeWebsiteToPlugin = "subscribe_website_to_plugin" { Unsafe POST "/plugins/subscription/{website_id}"
            fn subscribe() body[m::plugin::PluginSubscribe] -> m::common::Empty }
    }
    PluginSubscription ("plugin().website(website_id).subscription(plugin_id)", rate "plugin") {
        /// Get subscription details.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-subscription-details).
        ///
        /// Same as `plugin.getSubscriptionDetails` in the Node client 11.3.0.
        GetSubscriptionDetails = "get_subscription_details" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}"
            fn get() -> m::plugin::PluginSubscription }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Unsubscribe plugin from website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unsubscribe-plugin-from-website).
        ///
        /// Same as `plugin.unsubscribePluginFromWebsite` in the Node client 11.3.0.
        UnsubscribePluginFromWebsite = "unsubscribe_plugin_from_website" { Safe DELETE "/plugins/subscription/{website_id}/{plugin_id}"
            fn unsubscribe() -> m::common::Empty }
        /// Get subscription settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-subscription-settings).
        ///
        /// Same as `plugin.getSubscriptionSettings` in the Node client 11.3.0.
        GetSubscriptionSettings = "get_subscription_settings" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}/settings"
            fn settings() -> m::plugin::SubscriptionSettings }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save subscription settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-subscription-settings).
        ///
        /// Same as `plugin.saveSubscriptionSettings` in the Node client 11.3.0.
        SaveSubscriptionSettings = "save_subscription_settings" { Safe PUT "/plugins/subscription/{website_id}/{plugin_id}/settings"
            fn save_settings() body[m::common::DataMap] -> m::common::Empty }
        /// Update subscription settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-subscription-settings).
        ///
        /// Same as `plugin.updateSubscriptionSettings` in the Node client 11.3.0.
        UpdateSubscriptionSettings = "update_subscription_settings" { Unsafe PATCH "/plugins/subscription/{website_id}/{plugin_id}/settings"
            fn update_settings() body[m::common::DataMap] -> m::common::Empty }
        /// Get plugin usage bills.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-plugin-usage-bills).
        ///
        /// Same as `plugin.getPluginUsageBills` in the Node client 11.3.0.
        GetPluginUsageBills = "get_plugin_usage_bills" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}/bill/usage"
            fn usage_bills() -> Vec<m::plugin::UsageBill> }
        /// Report plugin usage to bill.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#report-plugin-usage-to-bill).
        ///
        /// Same as `plugin.reportPluginUsageToBill` in the Node client 11.3.0.
        ReportPluginUsageToBill = "report_plugin_usage_to_bill" { Unsafe POST "/plugins/subscription/{website_id}/{plugin_id}/bill/usage"
            fn report_usage() body[m::plugin::UsageReport] -> m::common::Empty }
        /// Get plugin attest provenance.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-plugin-attest-provenance).
        ///
        /// Same as `plugin.getPluginAttestProvenance` in the Node client 11.3.0.
        GetPluginAttestProvenance = "get_plugin_attest_provenance" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}/attest/provenance"
            fn attest_provenance() -> m::plugin::AttestProvenance }
        /// Forward plugin payload to channel.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#forward-plugin-payload-to-channel).
        ///
        /// Same as `plugin.forwardPluginPayloadToChannel` in the Node client 11.3.0.
        ForwardPluginPayloadToChannel = "forward_plugin_payload_to_channel" { Unsafe POST "/plugins/subscription/{website_id}/{plugin_id}/channel"
            fn forward_to_channel() body[m::plugin::ChannelForward] -> m::common::Empty }
        /// Dispatch plugin event.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#dispatch-plugin-event).
        ///
        /// Same as `plugin.dispatchPluginEvent` in the Node client 11.3.0.
        DispatchPluginEvent = "dispatch_plugin_event" { Unsafe POST "/plugins/subscription/{website_id}/{plugin_id}/event"
            fn dispatch_event() body[m::plugin::PluginEvent] -> m::common::Empty }
    }
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
    Conversations ("website(website_id).conversations()", rate "conversations") {
        /// List conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversations).
        ///
        /// Same as `website.listConversations` in the Node client 11.3.0.
        ListConversations = "list_conversations" { Safe GET "/website/{website_id}/conversations/{page_number}"
            fn list() query[m::conversation::ConversationsQuery] check[crate::query::check_conversations] -> page[m::conversation::Conversation] }
        /// List suggested conversation segments.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-conversation-segments).
        ///
        /// Same as `website.listSuggestedConversationSegments` in the Node client 11.3.0.
        ListSuggestedConversationSegments = "list_suggested_conversation_segments" { Safe GET "/website/{website_id}/conversations/suggest/segments/{page_number}"
            fn list_suggested_segments() -> page[m::common::SuggestedSegment] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested conversation segment.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-conversation-segment).
        ///
        /// Same as `website.deleteSuggestedConversationSegment` in the Node client 11.3.0.
        DeleteSuggestedConversationSegment = "delete_suggested_conversation_segment" { Safe DELETE "/website/{website_id}/conversations/suggest/segment"
            fn delete_suggested_segment() body[m::common::SuggestedSegmentDelete] -> m::common::Empty }
        /// List suggested conversation data keys.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-conversation-data-keys).
        ///
        /// Same as `website.listSuggestedConversationDataKeys` in the Node client 11.3.0.
        ListSuggestedConversationDataKeys = "list_suggested_conversation_data_keys" { Safe GET "/website/{website_id}/conversations/suggest/data/{page_number}"
            fn list_suggested_data_keys() -> page[m::common::SuggestedDataKey] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested conversation data key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-conversation-data-key).
        ///
        /// Same as `website.deleteSuggestedConversationDataKey` in the Node client 11.3.0.
        DeleteSuggestedConversationDataKey = "delete_suggested_conversation_data_key" { Safe DELETE "/website/{website_id}/conversations/suggest/data"
            fn delete_suggested_data_key() body[m::common::SuggestedDataKeyDelete] -> m::common::Empty }
        /// List spam conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-spam-conversations).
        ///
        /// Same as `website.listSpamConversations` in the Node client 11.3.0.
        ListSpamConversations = "list_spam_conversations" { Safe GET "/website/{website_id}/conversations/spams/{page_number}"
            fn list_spams() -> page[m::conversation::SpamConversation] }
        /// Resolve spam conversation content.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-spam-conversation-content).
        ///
        /// Same as `website.resolveSpamConversationContent` in the Node client 11.3.0.
        ResolveSpamConversationContent = "resolve_spam_conversation_content" { Safe GET "/website/{website_id}/conversations/spam/{spam_id}/content"
            fn spam_content(spam_id: &str) -> m::conversation::SpamConversation }
        /// Submit spam conversation decision.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#submit-spam-conversation-decision).
        ///
        /// Same as `website.submitSpamConversationDecision` in the Node client 11.3.0.
        SubmitSpamConversationDecision = "submit_spam_conversation_decision" { Unsafe POST "/website/{website_id}/conversations/spam/{spam_id}/decision"
            fn submit_spam_decision(spam_id: &str) body[m::conversation::SpamDecision] -> m::common::Empty }
        /// Create new conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-conversation).
        ///
        /// Same as `website.createNewConversation` in the Node client 11.3.0.
        CreateNewConversation = "create_new_conversation" { Unsafe POST "/website/{website_id}/conversation"
            fn create() -> m::conversation::ConversationNew }
    }
    Conversation ("website(website_id).conversation(session_id)", rate "conversation") {
        /// Check conversation exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-conversation-exists).
        ///
        /// Same as `website.checkConversationExists` in the Node client 11.3.0.
        CheckConversationExists = "check_conversation_exists" { Safe HEAD "/website/{website_id}/conversation/{session_id}"
            fn exists() -> exists }
        /// Get conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-conversation).
        ///
        /// Same as `website.getConversation` in the Node client 11.3.0.
        GetConversation = "get_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}"
            fn get() -> m::conversation::Conversation }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-conversation).
        ///
        /// Same as `website.removeConversation` in the Node client 11.3.0.
        RemoveConversation = "remove_conversation" { Safe DELETE "/website/{website_id}/conversation/{session_id}"
            fn remove() -> m::common::Empty }
        /// Initiate conversation with existing session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initiate-a-conversation-with-existing-session).
        ///
        /// Same as `website.initiateConversationWithExistingSession` in the Node client 11.3.0.
        InitiateConversationWithExistingSession = "initiate_conversation_with_existing_session" { Unsafe POST "/website/{website_id}/conversation/{session_id}/initiate"
            fn initiate() -> m::common::Empty }
        /// Get messages in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-messages-in-conversation).
        ///
        /// Same as `website.getMessagesInConversation` in the Node client 11.3.0.
        GetMessagesInConversation = "get_messages_in_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/messages"
            fn messages() query[m::message::MessagesQuery] -> batch[m::message::Message] }
        /// Send message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#send-a-message-in-conversation).
        ///
        /// Same as `website.sendMessageInConversation` in the Node client 11.3.0.
        SendMessageInConversation = "send_message_in_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/message"
            fn send_message() body[m::message::MessageSend] confirmed[crate::confirm::ByFingerprint] -> m::message::MessageDispatched }
        /// Get message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-message-in-conversation).
        ///
        /// Same as `website.getMessageInConversation` in the Node client 11.3.0.
        GetMessageInConversation = "get_message_in_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/message/{fingerprint}"
            fn message(fingerprint: i64) -> m::message::Message }
        /// Update message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-a-message-in-conversation).
        ///
        /// Same as `website.updateMessageInConversation` in the Node client 11.3.0.
        UpdateMessageInConversation = "update_message_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/message/{fingerprint}"
            fn update_message(fingerprint: i64) body[m::message::MessageUpdate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-message-in-conversation).
        ///
        /// Same as `website.removeMessageInConversation` in the Node client 11.3.0.
        RemoveMessageInConversation = "remove_message_in_conversation" { Safe DELETE "/website/{website_id}/conversation/{session_id}/message/{fingerprint}"
            fn remove_message(fingerprint: i64) -> m::common::Empty }
        /// Compose message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#compose-a-message-in-conversation).
        ///
        /// Same as `website.composeMessageInConversation` in the Node client 11.3.0.
        ComposeMessageInConversation = "compose_message_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/compose"
            fn compose() body[m::message::ComposeMessage] -> m::common::Empty }
        /// Mark messages read in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#mark-messages-as-read-in-conversation).
        ///
        /// Same as `website.markMessagesReadInConversation` in the Node client 11.3.0.
        MarkMessagesReadInConversation = "mark_messages_read_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/read"
            fn mark_read() body[m::message::MessagesMark] -> m::common::Empty }
        /// Mark conversation as unread.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#mark-conversation-as-unread).
        ///
        /// Same as `website.markConversationAsUnread` in the Node client 11.3.0.
        MarkConversationAsUnread = "mark_conversation_as_unread" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/unread"
            fn mark_unread() body[m::message::UnreadMark] -> m::common::Empty }
        /// Mark messages delivered in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#mark-messages-as-delivered-in-conversation).
        ///
        /// Same as `website.markMessagesDeliveredInConversation` in the Node client 11.3.0.
        MarkMessagesDeliveredInConversation = "mark_messages_delivered_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/delivered"
            fn mark_delivered() body[m::message::MessagesMark] -> m::common::Empty }
        /// Update conversation open state.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-conversation-open-state).
        ///
        /// Same as `website.updateConversationOpenState` in the Node client 11.3.0.
        UpdateConversationOpenState = "update_conversation_open_state" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/open"
            fn update_open_state() body[m::conversation::OpenStateUpdate] -> m::common::Empty }
        /// Get conversation routing assign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-routing-assign).
        ///
        /// Same as `website.getConversationRoutingAssign` in the Node client 11.3.0.
        GetConversationRoutingAssign = "get_conversation_routing_assign" { Safe GET "/website/{website_id}/conversation/{session_id}/routing"
            fn routing() -> m::conversation::RoutingAssign }
        /// Assign conversation routing.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#assign-conversation-routing).
        ///
        /// Same as `website.assignConversationRouting` in the Node client 11.3.0.
        AssignConversationRouting = "assign_conversation_routing" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/routing"
            fn assign_routing() body[m::conversation::RoutingAssignUpdate] -> m::common::Empty }
        /// Update conversation inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-conversation-inbox).
        ///
        /// Same as `website.updateConversationInbox` in the Node client 11.3.0.
        UpdateConversationInbox = "update_conversation_inbox" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/inbox"
            fn update_inbox() body[m::conversation::InboxUpdate] -> m::common::Empty }
        /// Get conversation metas.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-metas).
        ///
        /// Same as `website.getConversationMetas` in the Node client 11.3.0.
        GetConversationMetas = "get_conversation_metas" { Safe GET "/website/{website_id}/conversation/{session_id}/meta"
            fn metas() -> m::conversation::ConversationMeta }
        /// Update conversation metas.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-conversation-metas).
        ///
        /// Same as `website.updateConversationMetas` in the Node client 11.3.0.
        UpdateConversationMetas = "update_conversation_metas" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/meta"
            fn update_metas() body[m::conversation::ConversationMetaUpdate] -> m::common::Empty }
        /// Get original message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-an-original-message-in-conversation).
        ///
        /// Same as `website.getOriginalMessageInConversation` in the Node client 11.3.0.
        GetOriginalMessageInConversation = "get_original_message_in_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/original/{original_id}"
            fn original_message(original_id: &str) -> m::conversation::ConversationOriginal }
        /// List conversation pages.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversation-pages).
        ///
        /// Same as `website.listConversationPages` in the Node client 11.3.0.
        ListConversationPages = "list_conversation_pages" { Safe GET "/website/{website_id}/conversation/{session_id}/pages/{page_number}"
            fn list_pages() -> page[m::conversation::ConversationPage] }
        /// List conversation events.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversation-events).
        ///
        /// Same as `website.listConversationEvents` in the Node client 11.3.0.
        ListConversationEvents = "list_conversation_events" { Safe GET "/website/{website_id}/conversation/{session_id}/events/{page_number}"
            fn list_events() -> page[m::conversation::ConversationEvent] }
        /// List conversation files.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversation-files).
        ///
        /// Same as `website.listConversationFiles` in the Node client 11.3.0.
        ListConversationFiles = "list_conversation_files" { Safe GET "/website/{website_id}/conversation/{session_id}/files/{page_number}"
            fn list_files() -> page[m::conversation::ConversationFile] }
        /// Get conversation state.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-state).
        ///
        /// Same as `website.getConversationState` in the Node client 11.3.0.
        GetConversationState = "get_conversation_state" { Safe GET "/website/{website_id}/conversation/{session_id}/state"
            fn state() -> m::conversation::ConversationStateData }
        /// Change conversation state.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#change-conversation-state).
        ///
        /// Same as `website.changeConversationState` in the Node client 11.3.0.
        ChangeConversationState = "change_conversation_state" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/state"
            fn change_state() body[m::conversation::StateUpdate] -> m::common::Empty }
        /// Get conversation relations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-relations).
        ///
        /// Same as `website.getConversationRelations` in the Node client 11.3.0.
        GetConversationRelations = "get_conversation_relations" { Safe GET "/website/{website_id}/conversation/{session_id}/relations"
            fn relations() -> m::conversation::ConversationRelations }
        /// Get conversation participants.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-participants).
        ///
        /// Same as `website.getConversationParticipants` in the Node client 11.3.0.
        GetConversationParticipants = "get_conversation_participants" { Safe GET "/website/{website_id}/conversation/{session_id}/participants"
            fn participants() -> m::conversation::ConversationParticipants }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save conversation participants.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-conversation-participants).
        ///
        /// Same as `website.saveConversationParticipants` in the Node client 11.3.0.
        SaveConversationParticipants = "save_conversation_participants" { Safe PUT "/website/{website_id}/conversation/{session_id}/participants"
            fn save_participants() body[m::conversation::ParticipantsSave] -> m::common::Empty }
        /// Get block status for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-block-status-for-conversation).
        ///
        /// Same as `website.getBlockStatusForConversation` in the Node client 11.3.0.
        GetBlockStatusForConversation = "get_block_status_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/block"
            fn block_status() -> m::conversation::BlockStatus }
        /// Block incoming messages for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#block-incoming-messages-for-conversation).
        ///
        /// Same as `website.blockIncomingMessagesForConversation` in the Node client 11.3.0.
        BlockIncomingMessagesForConversation = "block_incoming_messages_for_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/block"
            fn block() body[m::conversation::BlockUpdate] -> m::common::Empty }
        /// Get verify status for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-verify-status-for-conversation).
        ///
        /// Same as `website.getVerifyStatusForConversation` in the Node client 11.3.0.
        GetVerifyStatusForConversation = "get_verify_status_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/verify"
            fn verify_status() -> m::conversation::VerifyStatus }
        /// Update verify status for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-verify-status-for-conversation).
        ///
        /// Same as `website.updateVerifyStatusForConversation` in the Node client 11.3.0.
        UpdateVerifyStatusForConversation = "update_verify_status_for_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/verify"
            fn update_verify_status() body[m::conversation::VerifyUpdate] -> m::common::Empty }
        /// Request identity verification for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-identity-verification-for-conversation).
        ///
        /// Same as `website.requestIdentityVerificationForConversation` in the Node client 11.3.0.
        RequestIdentityVerificationForConversation = "request_identity_verification_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/verify/identity"
            fn request_identity_verification() body[m::conversation::IdentityVerifyRequest] -> m::common::Empty }
        // Unsafe although a PUT: it redeems a one-time verification token (an action with a side
        // effect on the conversation), not a document replacement; never re-sent once it may
        // have been processed.
        /// Redeem identity verification link for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#redeem-identity-verification-link-for-conversation).
        ///
        /// Same as `website.redeemIdentityVerificationLinkForConversation` in the Node client 11.3.0.
        RedeemIdentityVerificationLinkForConversation = "redeem_identity_verification_link_for_conversation" { Unsafe PUT "/website/{website_id}/conversation/{session_id}/verify/identity/link"
            fn redeem_identity_verification_link() body[m::conversation::IdentityVerifyRedeem] -> m::common::Empty }
        /// Request email transcript for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-email-transcript-for-conversation).
        ///
        /// Same as `website.requestEmailTranscriptForConversation` in the Node client 11.3.0.
        RequestEmailTranscriptForConversation = "request_email_transcript_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/transcript"
            fn request_email_transcript() body[m::conversation::TranscriptRequest] -> m::common::Empty }
        /// Request chatbox binding purge for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-chatbox-binding-purge-for-conversation).
        ///
        /// Same as `website.requestChatboxBindingPurgeForConversation` in the Node client 11.3.0.
        RequestChatboxBindingPurgeForConversation = "request_chatbox_binding_purge_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/purge"
            fn request_chatbox_binding_purge() -> m::common::Empty }
        /// Request user feedback for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-user-feedback-for-conversation).
        ///
        /// Same as `website.requestUserFeedbackForConversation` in the Node client 11.3.0.
        RequestUserFeedbackForConversation = "request_user_feedback_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/feedback"
            fn request_user_feedback() -> m::common::Empty }
        /// List browsing sessions for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-browsing-sessions-for-conversation).
        ///
        /// Same as `website.listBrowsingSessionsForConversation` in the Node client 11.3.0.
        ListBrowsingSessionsForConversation = "list_browsing_sessions_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/browsing"
            fn list_browsing_sessions() -> Vec<m::conversation::BrowsingSession> }
        /// Initiate browsing session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initiate-browsing-session-for-conversation).
        ///
        /// Same as `website.initiateBrowsingSessionForConversation` in the Node client 11.3.0.
        InitiateBrowsingSessionForConversation = "initiate_browsing_session_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/browsing"
            fn initiate_browsing_session() -> m::common::Empty }
        /// Send action to existing browsing session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#send-action-to-an-existing-browsing-session).
        ///
        /// Same as `website.sendActionToExistingBrowsingSession` in the Node client 11.3.0.
        SendActionToExistingBrowsingSession = "send_action_to_existing_browsing_session" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}"
            fn send_browsing_action(browsing_id: &str) body[m::conversation::BrowsingAction] -> m::common::Empty }
        /// Assist existing browsing session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#assist-an-existing-browsing-session).
        ///
        /// Same as `website.assistExistingBrowsingSession` in the Node client 11.3.0.
        AssistExistingBrowsingSession = "assist_existing_browsing_session" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist"
            fn assist_browsing_session(browsing_id: &str) body[m::conversation::BrowsingAssist] -> m::common::Empty }
        /// Initiate new call session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initiate-new-call-session-for-conversation).
        ///
        /// Same as `website.initiateNewCallSessionForConversation` in the Node client 11.3.0.
        InitiateNewCallSessionForConversation = "initiate_new_call_session_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/call"
            fn initiate_call() body[m::conversation::CallStart] -> m::conversation::CallSession }
        /// Get ongoing call session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-ongoing-call-session-for-conversation).
        ///
        /// Same as `website.getOngoingCallSessionForConversation` in the Node client 11.3.0.
        GetOngoingCallSessionForConversation = "get_ongoing_call_session_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/call"
            fn ongoing_call() -> m::conversation::CallSession }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Abort ongoing call session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#abort-ongoing-call-session-for-conversation).
        ///
        /// Same as `website.abortOngoingCallSessionForConversation` in the Node client 11.3.0.
        AbortOngoingCallSessionForConversation = "abort_ongoing_call_session_for_conversation" { Safe DELETE "/website/{website_id}/conversation/{session_id}/call/{call_id}"
            fn abort_call(call_id: &str) body[m::conversation::CallAbort] -> m::common::Empty }
        /// Transmit signaling on ongoing call session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#transmit-signaling-on-ongoing-call-session).
        ///
        /// Same as `website.transmitSignalingOnOngoingCallSession` in the Node client 11.3.0.
        TransmitSignalingOnOngoingCallSession = "transmit_signaling_on_ongoing_call_session" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/call/{call_id}"
            fn transmit_call_signaling(call_id: &str) body[m::conversation::CallSignaling] -> m::common::Empty }
        /// Request tool call for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-tool-call-for-conversation).
        ///
        /// Same as `website.requestToolCallForConversation` in the Node client 11.3.0.
        RequestToolCallForConversation = "request_tool_call_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/tool"
            fn request_tool_call() body[m::conversation::ToolCallRequest] -> m::conversation::ToolCallResult }
        /// Deliver widget button action for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#deliver-widget-button-action-for-conversation).
        ///
        /// Same as `website.deliverWidgetButtonActionForConversation` in the Node client 11.3.0.
        DeliverWidgetButtonActionForConversation = "deliver_widget_button_action_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button"
            fn deliver_widget_button_action(plugin_id: &str) body[m::conversation::WidgetButtonAction] -> m::conversation::WidgetActionDelivered }
        /// Deliver widget data fetch action for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#deliver-widget-data-action-for-conversation).
        ///
        /// Same as `website.deliverWidgetDataFetchActionForConversation` in the Node client 11.3.0.
        DeliverWidgetDataFetchActionForConversation = "deliver_widget_data_fetch_action_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data"
            fn deliver_widget_data_fetch_action(plugin_id: &str) body[m::conversation::WidgetDataFetchAction] -> m::conversation::WidgetActionDelivered }
        /// Deliver widget data edit action for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#deliver-widget-data-action-for-conversation).
        ///
        /// Same as `website.deliverWidgetDataEditActionForConversation` in the Node client 11.3.0.
        DeliverWidgetDataEditActionForConversation = "deliver_widget_data_edit_action_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data"
            fn deliver_widget_data_edit_action(plugin_id: &str) body[m::conversation::WidgetDataEditAction] -> m::conversation::WidgetActionDelivered }
        /// Schedule reminder for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#schedule-a-reminder-for-conversation).
        ///
        /// Same as `website.scheduleReminderForConversation` in the Node client 11.3.0.
        ScheduleReminderForConversation = "schedule_reminder_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/reminder"
            fn schedule_reminder() body[m::conversation::ReminderSchedule] -> m::common::Empty }
        /// Report conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#report-conversation).
        ///
        /// Same as `website.reportConversation` in the Node client 11.3.0.
        ReportConversation = "report_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/report"
            fn report() body[m::conversation::ConversationReport] -> m::common::Empty }
    }
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
    Campaigns ("website(website_id).campaigns()", rate "campaigns") {
        /// List campaigns.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaigns).
        ///
        /// Same as `website.listCampaigns` in the Node client 11.3.0.
        ListCampaigns = "list_campaigns" { Safe GET "/website/{website_id}/campaigns/list/{page_number}"
            fn list() query[m::campaign::CampaignListQuery] -> page[m::campaign::Campaign] }
        /// List campaign tags.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-tags).
        ///
        /// Same as `website.listCampaignTags` in the Node client 11.3.0.
        ListCampaignTags = "list_campaign_tags" { Safe GET "/website/{website_id}/campaigns/tags"
            fn tags() -> Vec<String> }
        /// List campaign templates.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-templates).
        ///
        /// Same as `website.listCampaignTemplates` in the Node client 11.3.0.
        ListCampaignTemplates = "list_campaign_templates" { Safe GET "/website/{website_id}/campaigns/templates/{page_number}"
            fn list_templates() query[m::campaign::TemplateListQuery] -> page[m::campaign::CampaignTemplate] }
        /// Create new campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-campaign-template).
        ///
        /// Same as `website.createNewCampaignTemplate` in the Node client 11.3.0.
        CreateNewCampaignTemplate = "create_new_campaign_template" { Unsafe POST "/website/{website_id}/campaigns/template"
            fn create_template() body[m::campaign::TemplateNew] -> m::campaign::TemplateCreated }
        /// Create new campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-campaign).
        ///
        /// Same as `website.createNewCampaign` in the Node client 11.3.0.
        CreateNewCampaign = "create_new_campaign" { Unsafe POST "/website/{website_id}/campaign"
            fn create() body[m::campaign::CampaignNew] -> m::campaign::CampaignCreated }
    }
    Campaign ("website(website_id).campaign(campaign_id)", rate "campaigns") {
        /// Check campaign exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-campaign-exists).
        ///
        /// Same as `website.checkCampaignExists` in the Node client 11.3.0.
        CheckCampaignExists = "check_campaign_exists" { Safe HEAD "/website/{website_id}/campaign/{campaign_id}"
            fn exists() -> exists }
        /// Get campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-campaign).
        ///
        /// Same as `website.getCampaign` in the Node client 11.3.0.
        GetCampaign = "get_campaign" { Safe GET "/website/{website_id}/campaign/{campaign_id}"
            fn get() -> m::campaign::Campaign }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-campaign).
        ///
        /// Same as `website.saveCampaign` in the Node client 11.3.0.
        SaveCampaign = "save_campaign" { Safe PUT "/website/{website_id}/campaign/{campaign_id}"
            fn save() body[m::campaign::Campaign] -> m::common::Empty }
        /// Update campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-a-campaign).
        ///
        /// Same as `website.updateCampaign` in the Node client 11.3.0.
        UpdateCampaign = "update_campaign" { Unsafe PATCH "/website/{website_id}/campaign/{campaign_id}"
            fn update() body[m::campaign::Campaign] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-campaign).
        ///
        /// Same as `website.removeCampaign` in the Node client 11.3.0.
        RemoveCampaign = "remove_campaign" { Safe DELETE "/website/{website_id}/campaign/{campaign_id}"
            fn remove() -> m::common::Empty }
        /// Dispatch campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#dispatch-a-campaign).
        ///
        /// Same as `website.dispatchCampaign` in the Node client 11.3.0.
        DispatchCampaign = "dispatch_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/dispatch"
            fn dispatch() -> m::common::Empty }
        /// Resume campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resume-a-campaign).
        ///
        /// Same as `website.resumeCampaign` in the Node client 11.3.0.
        ResumeCampaign = "resume_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/resume"
            fn resume() -> m::common::Empty }
        /// Pause campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#pause-a-campaign).
        ///
        /// Same as `website.pauseCampaign` in the Node client 11.3.0.
        PauseCampaign = "pause_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/pause"
            fn pause() -> m::common::Empty }
        /// Test campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#test-a-campaign).
        ///
        /// Same as `website.testCampaign` in the Node client 11.3.0.
        TestCampaign = "test_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/test"
            fn test() -> m::common::Empty }
        /// List campaign recipients.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-recipients).
        ///
        /// Same as `website.listCampaignRecipients` in the Node client 11.3.0.
        ListCampaignRecipients = "list_campaign_recipients" { Safe GET "/website/{website_id}/campaign/{campaign_id}/recipients/{page_number}"
            fn list_recipients() -> page[m::campaign::CampaignRecipient] }
        /// List campaign statistics.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-statistics).
        ///
        /// Same as `website.listCampaignStatistics` in the Node client 11.3.0.
        ListCampaignStatistics = "list_campaign_statistics" { Safe GET "/website/{website_id}/campaign/{campaign_id}/statistics/{action}/{page_number}"
            fn list_statistics(action: &str) -> page[m::campaign::CampaignStatistic] }
    }
    CampaignTemplate ("website(website_id).campaign_template(template_id)", rate "campaigns") {
        /// Check campaign template exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-campaign-template-exists).
        ///
        /// Same as `website.checkCampaignTemplateExists` in the Node client 11.3.0.
        CheckCampaignTemplateExists = "check_campaign_template_exists" { Safe HEAD "/website/{website_id}/campaigns/template/{template_id}"
            fn exists() -> exists }
        /// Get campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-campaign-template).
        ///
        /// Same as `website.getCampaignTemplate` in the Node client 11.3.0.
        GetCampaignTemplate = "get_campaign_template" { Safe GET "/website/{website_id}/campaigns/template/{template_id}"
            fn get() -> m::campaign::CampaignTemplate }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-campaign-template).
        ///
        /// Same as `website.saveCampaignTemplate` in the Node client 11.3.0.
        SaveCampaignTemplate = "save_campaign_template" { Safe PUT "/website/{website_id}/campaigns/template/{template_id}"
            fn save() body[m::campaign::CampaignTemplate] -> m::common::Empty }
        /// Update campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-a-campaign-template).
        ///
        /// Same as `website.updateCampaignTemplate` in the Node client 11.3.0.
        UpdateCampaignTemplate = "update_campaign_template" { Unsafe PATCH "/website/{website_id}/campaigns/template/{template_id}"
            fn update() body[m::campaign::CampaignTemplate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-campaign-template).
        ///
        /// Same as `website.removeCampaignTemplate` in the Node client 11.3.0.
        RemoveCampaignTemplate = "remove_campaign_template" { Safe DELETE "/website/{website_id}/campaigns/template/{template_id}"
            fn remove() -> m::common::Empty }
    }
    Helpdesk ("website(website_id).helpdesk()", rate "helpdesk") {
        /// Check helpdesk exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-exists).
        ///
        /// Same as `website.checkHelpdeskExists` in the Node client 11.3.0.
        CheckHelpdeskExists = "check_helpdesk_exists" { Safe HEAD "/website/{website_id}/helpdesk"
            fn exists() -> exists }
        /// Resolve helpdesk.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk).
        ///
        /// Same as `website.resolveHelpdesk` in the Node client 11.3.0.
        ResolveHelpdesk = "resolve_helpdesk" { Safe GET "/website/{website_id}/helpdesk"
            fn get() -> m::helpdesk::Helpdesk }
        /// Initialize helpdesk.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initialize-helpdesk).
        ///
        /// Same as `website.initializeHelpdesk` in the Node client 11.3.0.
        InitializeHelpdesk = "initialize_helpdesk" { Unsafe POST "/website/{website_id}/helpdesk"
            fn initialize() body[m::helpdesk::HelpdeskInit] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk).
        ///
        /// Same as `website.deleteHelpdesk` in the Node client 11.3.0.
        DeleteHelpdesk = "delete_helpdesk" { Safe DELETE "/website/{website_id}/helpdesk"
            fn delete() body[m::website::VerifiedDeletion] -> m::common::Empty }
        /// List helpdesk locales.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locales).
        ///
        /// Same as `website.listHelpdeskLocales` in the Node client 11.3.0.
        ListHelpdeskLocales = "list_helpdesk_locales" { Safe GET "/website/{website_id}/helpdesk/locales/{page_number}"
            fn list_locales() -> page[m::helpdesk::HelpdeskLocale] }
        /// Add helpdesk locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-locale).
        ///
        /// Same as `website.addHelpdeskLocale` in the Node client 11.3.0.
        AddHelpdeskLocale = "add_helpdesk_locale" { Unsafe POST "/website/{website_id}/helpdesk/locale"
            fn add_locale() body[m::helpdesk::LocaleNew] -> m::common::Empty }
        /// List helpdesk history changes.
        ///
        /// Same as `website.listHelpdeskHistoryChanges` in the Node client 11.3.0.
        ListHelpdeskHistoryChanges = "list_helpdesk_history_changes" { Safe GET "/website/{website_id}/helpdesk/history/changes/{page_number}"
            fn list_history_changes() query[m::helpdesk::HistoryQuery] -> page[m::helpdesk::HistoryChange] }
        /// Resolve helpdesk history change.
        ///
        /// Same as `website.resolveHelpdeskHistoryChange` in the Node client 11.3.0.
        ResolveHelpdeskHistoryChange = "resolve_helpdesk_history_change" { Safe GET "/website/{website_id}/helpdesk/history/change/{change_id}"
            fn history_change(change_id: &str) -> m::helpdesk::HistoryChange }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Cancel helpdesk history change.
        ///
        /// Same as `website.cancelHelpdeskHistoryChange` in the Node client 11.3.0.
        CancelHelpdeskHistoryChange = "cancel_helpdesk_history_change" { Safe DELETE "/website/{website_id}/helpdesk/history/change/{change_id}"
            fn cancel_history_change(change_id: &str) body[m::helpdesk::HistoryCancel] -> m::common::Empty }
        /// List helpdesk redirections.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-redirections).
        ///
        /// Same as `website.listHelpdeskRedirections` in the Node client 11.3.0.
        ListHelpdeskRedirections = "list_helpdesk_redirections" { Safe GET "/website/{website_id}/helpdesk/redirections/{page_number}"
            fn list_redirections() -> page[m::helpdesk::Redirection] }
        /// Add helpdesk redirection.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-redirection).
        ///
        /// Same as `website.addHelpdeskRedirection` in the Node client 11.3.0.
        AddHelpdeskRedirection = "add_helpdesk_redirection" { Unsafe POST "/website/{website_id}/helpdesk/redirection"
            fn add_redirection() body[m::helpdesk::RedirectionNew] -> m::helpdesk::RedirectionCreated }
        /// Check helpdesk redirection exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-redirection-exists).
        ///
        /// Same as `website.checkHelpdeskRedirectionExists` in the Node client 11.3.0.
        CheckHelpdeskRedirectionExists = "check_helpdesk_redirection_exists" { Safe HEAD "/website/{website_id}/helpdesk/redirection/{redirection_id}"
            fn redirection_exists(redirection_id: &str) -> exists }
        /// Resolve helpdesk redirection.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-redirection).
        ///
        /// Same as `website.resolveHelpdeskRedirection` in the Node client 11.3.0.
        ResolveHelpdeskRedirection = "resolve_helpdesk_redirection" { Safe GET "/website/{website_id}/helpdesk/redirection/{redirection_id}"
            fn redirection(redirection_id: &str) -> m::helpdesk::Redirection }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk redirection.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-redirection).
        ///
        /// Same as `website.deleteHelpdeskRedirection` in the Node client 11.3.0.
        DeleteHelpdeskRedirection = "delete_helpdesk_redirection" { Safe DELETE "/website/{website_id}/helpdesk/redirection/{redirection_id}"
            fn delete_redirection(redirection_id: &str) -> m::common::Empty }
        /// Resolve helpdesk settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-settings).
        ///
        /// Same as `website.resolveHelpdeskSettings` in the Node client 11.3.0.
        ResolveHelpdeskSettings = "resolve_helpdesk_settings" { Safe GET "/website/{website_id}/helpdesk/settings"
            fn settings() -> m::helpdesk::HelpdeskSettings }
        /// Save helpdesk settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-settings).
        ///
        /// Same as `website.saveHelpdeskSettings` in the Node client 11.3.0.
        SaveHelpdeskSettings = "save_helpdesk_settings" { Unsafe PATCH "/website/{website_id}/helpdesk/settings"
            fn save_settings() body[m::helpdesk::HelpdeskSettings] -> m::common::Empty }
        /// Resolve helpdesk domain.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-domain).
        ///
        /// Same as `website.resolveHelpdeskDomain` in the Node client 11.3.0.
        ResolveHelpdeskDomain = "resolve_helpdesk_domain" { Safe GET "/website/{website_id}/helpdesk/domain"
            fn domain() -> m::helpdesk::HelpdeskDomain }
        /// Request helpdesk domain change.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-helpdesk-domain-change).
        ///
        /// Same as `website.requestHelpdeskDomainChange` in the Node client 11.3.0.
        RequestHelpdeskDomainChange = "request_helpdesk_domain_change" { Unsafe PATCH "/website/{website_id}/helpdesk/domain"
            fn request_domain_change() body[m::helpdesk::DomainChange] -> m::common::Empty }
        /// Generate helpdesk domain setup flow.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#generate-helpdesk-domain-setup-flow).
        ///
        /// Same as `website.generateHelpdeskDomainSetupFlow` in the Node client 11.3.0.
        GenerateHelpdeskDomainSetupFlow = "generate_helpdesk_domain_setup_flow" { Safe GET "/website/{website_id}/helpdesk/domain/setup"
            fn domain_setup_flow() query_req[m::helpdesk::DomainSetupQuery] -> m::helpdesk::DomainSetupFlow }
    }
    HelpdeskLocale ("website(website_id).helpdesk().locale(locale)", rate "helpdesk") {
        /// Check helpdesk locale exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-exists).
        ///
        /// Same as `website.checkHelpdeskLocaleExists` in the Node client 11.3.0.
        CheckHelpdeskLocaleExists = "check_helpdesk_locale_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}"
            fn exists() -> exists }
        /// Resolve helpdesk locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale).
        ///
        /// Same as `website.resolveHelpdeskLocale` in the Node client 11.3.0.
        ResolveHelpdeskLocale = "resolve_helpdesk_locale" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}"
            fn get() -> m::helpdesk::HelpdeskLocale }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale).
        ///
        /// Same as `website.deleteHelpdeskLocale` in the Node client 11.3.0.
        DeleteHelpdeskLocale = "delete_helpdesk_locale" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}"
            fn delete() -> m::common::Empty }
        /// List helpdesk locale articles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-articles).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.listHelpdeskLocaleArticles` in the older Node and Go clients.
        ListHelpdeskLocaleArticles = "list_helpdesk_locale_articles" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/articles/{page_number}"
            fn list_articles() -> page[m::helpdesk::LocaleArticle] }
        /// Add new helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-a-new-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.addNewHelpdeskLocaleArticle` in the older Node and Go clients.
        AddNewHelpdeskLocaleArticle = "add_new_helpdesk_locale_article" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/article"
            fn add_article() body[m::helpdesk::ArticleNew] -> m::helpdesk::ArticleCreated }
        /// List helpdesk locale categories.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-categories).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.listHelpdeskLocaleCategories` in the older Node and Go clients.
        ListHelpdeskLocaleCategories = "list_helpdesk_locale_categories" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/categories/{page_number}"
            fn list_categories() -> page[m::helpdesk::LocaleCategory] }
        /// Add helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.addHelpdeskLocaleCategory` in the older Node and Go clients.
        AddHelpdeskLocaleCategory = "add_helpdesk_locale_category" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/category"
            fn add_category() body[m::helpdesk::NamedNew] -> m::helpdesk::CategoryCreated }
        /// Map helpdesk locale feedback ratings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#map-helpdesk-locale-feedback-ratings).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.mapHelpdeskLocaleFeedbackRatings` in the older Node and Go clients.
        LegacyMapHelpdeskLocaleFeedbackRatings = "legacy_map_helpdesk_locale_feedback_ratings" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/feedback/ratings"
            fn feedback_ratings() query[m::helpdesk::DateRangeQuery] -> m::helpdesk::FeedbackRatings }
        /// List helpdesk locale feedbacks.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-feedbacks).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.listHelpdeskLocaleFeedbacks` in the older Node and Go clients.
        LegacyListHelpdeskLocaleFeedbacks = "legacy_list_helpdesk_locale_feedbacks" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/feedback/list/{page_number}"
            fn list_feedbacks() query[m::helpdesk::DateRangeQuery] -> page[m::helpdesk::FeedbackItem] }
        /// Import external helpdesk to locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#import-external-helpdesk-to-locale).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.importExternalHelpdeskToLocale` in the older Node and Go clients.
        LegacyImportExternalHelpdeskToLocale = "legacy_import_external_helpdesk_to_locale" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/import"
            fn import_external() body[m::helpdesk::ExternalImport] -> m::common::Empty }
        /// Export helpdesk locale articles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#export-helpdesk-locale-articles).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.exportHelpdeskLocaleArticles` in the older Node and Go clients.
        LegacyExportHelpdeskLocaleArticles = "legacy_export_helpdesk_locale_articles" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/export"
            fn export_articles() -> m::common::Empty }
    }
    HelpdeskContent ("website(website_id).helpdesk().locale(locale).content(content_type)", rate "helpdesk") {
        /// List helpdesk pages.
        ///
        /// Same as `website.listHelpdeskPages` in the Node client 11.3.0.
        ListHelpdeskPages = "list_helpdesk_pages" { Safe GET "/website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}"
            fn list_pages() -> page[m::helpdesk::HelpdeskPage] }
        /// Resolve helpdesk page entity.
        ///
        /// Same as `website.resolveHelpdeskPageEntity` in the Node client 11.3.0.
        ResolveHelpdeskPageEntity = "resolve_helpdesk_page_entity" { Safe GET "/website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}"
            fn page_entity(entity_id: &str) -> m::helpdesk::HelpdeskPage }
        /// List helpdesk tree.
        ///
        /// Same as `website.listHelpdeskTree` in the Node client 11.3.0.
        ListHelpdeskTree = "list_helpdesk_tree" { Safe GET "/website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}"
            fn list_tree() query[m::helpdesk::TreeListQuery] -> page[m::helpdesk::TreeEntry] }
        /// Create helpdesk tree path.
        ///
        /// Same as `website.createHelpdeskTreePath` in the Node client 11.3.0.
        CreateHelpdeskTreePath = "create_helpdesk_tree_path" { Unsafe POST "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn create_tree_path(path: &str) -> m::common::Empty }
        /// Resolve helpdesk tree path.
        ///
        /// Same as `website.resolveHelpdeskTreePath` in the Node client 11.3.0.
        ResolveHelpdeskTreePath = "resolve_helpdesk_tree_path" { Safe GET "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn tree_path(path: &str) -> m::helpdesk::TreeEntry }
        /// Update helpdesk tree path.
        ///
        /// Same as `website.updateHelpdeskTreePath` in the Node client 11.3.0.
        UpdateHelpdeskTreePath = "update_helpdesk_tree_path" { Unsafe PATCH "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn update_tree_path(path: &str) body[m::helpdesk::TreePathUpdate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk tree path.
        ///
        /// Same as `website.deleteHelpdeskTreePath` in the Node client 11.3.0.
        DeleteHelpdeskTreePath = "delete_helpdesk_tree_path" { Safe DELETE "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn delete_tree_path(path: &str) -> m::common::Empty }
        /// Resolve helpdesk tree content.
        ///
        /// Same as `website.resolveHelpdeskTreeContent` in the Node client 11.3.0.
        ResolveHelpdeskTreeContent = "resolve_helpdesk_tree_content" { Safe GET "/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}"
            fn tree_content(path: &str) -> m::helpdesk::TreeContent }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk tree content.
        ///
        /// Same as `website.saveHelpdeskTreeContent` in the Node client 11.3.0.
        SaveHelpdeskTreeContent = "save_helpdesk_tree_content" { Safe PUT "/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}"
            fn save_tree_content(path: &str) body[m::helpdesk::TreeContentSave] -> m::common::Empty }
        /// Resolve helpdesk tree metadata.
        ///
        /// Same as `website.resolveHelpdeskTreeMetadata` in the Node client 11.3.0.
        ResolveHelpdeskTreeMetadata = "resolve_helpdesk_tree_metadata" { Safe GET "/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}"
            fn tree_metadata(path: &str) -> m::helpdesk::TreeMetadata }
        /// Update helpdesk tree metadata.
        ///
        /// Same as `website.updateHelpdeskTreeMetadata` in the Node client 11.3.0.
        UpdateHelpdeskTreeMetadata = "update_helpdesk_tree_metadata" { Unsafe PATCH "/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}"
            fn update_tree_metadata(path: &str) body[m::helpdesk::TreeMetadata] -> m::common::Empty }
        /// Resolve helpdesk tree page.
        ///
        /// Same as `website.resolveHelpdeskTreePage` in the Node client 11.3.0.
        ResolveHelpdeskTreePage = "resolve_helpdesk_tree_page" { Safe GET "/website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{path}"
            fn tree_page(path: &str) -> m::helpdesk::PageLink }
        /// Request helpdesk content refresh.
        ///
        /// Same as `website.requestHelpdeskContentRefresh` in the Node client 11.3.0.
        RequestHelpdeskContentRefresh = "request_helpdesk_content_refresh" { Unsafe POST "/website/{website_id}/helpdesk/refresh/{locale}/{content_type}"
            fn request_refresh() -> m::common::Empty }
        /// Map helpdesk locale feedback ratings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#map-helpdesk-locale-feedback-ratings).
        ///
        /// Same as `website.mapHelpdeskLocaleFeedbackRatings` in the Node client 11.3.0.
        MapHelpdeskLocaleFeedbackRatings = "map_helpdesk_locale_feedback_ratings" { Safe GET "/website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}"
            fn feedback_ratings() query[m::helpdesk::DateRangeQuery] -> m::helpdesk::FeedbackRatings }
        /// List helpdesk locale feedbacks.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-feedbacks).
        ///
        /// Same as `website.listHelpdeskLocaleFeedbacks` in the Node client 11.3.0.
        ListHelpdeskLocaleFeedbacks = "list_helpdesk_locale_feedbacks" { Safe GET "/website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}"
            fn list_feedbacks() query[m::helpdesk::DateRangeQuery] -> page[m::helpdesk::FeedbackItem] }
        /// Import external helpdesk to locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#import-external-helpdesk-to-locale).
        ///
        /// Same as `website.importExternalHelpdeskToLocale` in the Node client 11.3.0.
        ImportExternalHelpdeskToLocale = "import_external_helpdesk_to_locale" { Unsafe POST "/website/{website_id}/helpdesk/import/{locale}/{content_type}"
            fn import_external() body[m::helpdesk::ExternalImport] -> m::common::Empty }
        /// Export helpdesk locale articles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#export-helpdesk-locale-articles).
        ///
        /// Same as `website.exportHelpdeskLocaleArticles` in the Node client 11.3.0.
        ExportHelpdeskLocaleArticles = "export_helpdesk_locale_articles" { Unsafe POST "/website/{website_id}/helpdesk/export/{locale}/{content_type}"
            fn export() -> m::common::Empty }
    }
    HelpdeskArticle ("website(website_id).helpdesk().locale(locale).article(article_id)", rate "helpdesk") {
        /// Check helpdesk locale article exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-article-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.checkHelpdeskLocaleArticleExists` in the older Node and Go clients.
        CheckHelpdeskLocaleArticleExists = "check_helpdesk_locale_article_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn exists() -> exists }
        /// Resolve helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.resolveHelpdeskLocaleArticle` in the older Node and Go clients.
        ResolveHelpdeskLocaleArticle = "resolve_helpdesk_locale_article" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn get() -> m::helpdesk::LocaleArticle }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.saveHelpdeskLocaleArticle` in the older Node and Go clients.
        SaveHelpdeskLocaleArticle = "save_helpdesk_locale_article" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn save() body[m::helpdesk::LocaleArticle] -> m::common::Empty }
        /// Update helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.updateHelpdeskLocaleArticle` in the older Node and Go clients.
        UpdateHelpdeskLocaleArticle = "update_helpdesk_locale_article" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn update() body[m::helpdesk::LocaleArticle] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.deleteHelpdeskLocaleArticle` in the older Node and Go clients.
        DeleteHelpdeskLocaleArticle = "delete_helpdesk_locale_article" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn delete() -> m::common::Empty }
        /// Resolve helpdesk locale article page.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article-page).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.resolveHelpdeskLocaleArticlePage` in the older Node and Go clients.
        ResolveHelpdeskLocaleArticlePage = "resolve_helpdesk_locale_article_page" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/page"
            fn page() -> m::helpdesk::PageLink }
        /// Resolve helpdesk locale article category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.resolveHelpdeskLocaleArticleCategory` in the older Node and Go clients.
        ResolveHelpdeskLocaleArticleCategory = "resolve_helpdesk_locale_article_category" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category"
            fn category() -> m::helpdesk::ArticleCategory }
        /// Update helpdesk locale article category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-article-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.updateHelpdeskLocaleArticleCategory` in the older Node and Go clients.
        UpdateHelpdeskLocaleArticleCategory = "update_helpdesk_locale_article_category" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category"
            fn update_category() body[m::helpdesk::ArticleCategoryUpdate] -> m::common::Empty }
        /// List helpdesk locale article alternates.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-article-alternates).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.listHelpdeskLocaleArticleAlternates` in the older Node and Go clients.
        ListHelpdeskLocaleArticleAlternates = "list_helpdesk_locale_article_alternates" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternates"
            fn alternates() -> Vec<m::helpdesk::ArticleAlternate> }
        /// Check helpdesk locale article alternate exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-article-alternate-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.checkHelpdeskLocaleArticleAlternateExists` in the older Node and Go clients.
        CheckHelpdeskLocaleArticleAlternateExists = "check_helpdesk_locale_article_alternate_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn alternate_exists(locale_linked: &str) -> exists }
        /// Resolve helpdesk locale article alternate.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article-alternate).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.resolveHelpdeskLocaleArticleAlternate` in the older Node and Go clients.
        ResolveHelpdeskLocaleArticleAlternate = "resolve_helpdesk_locale_article_alternate" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn alternate(locale_linked: &str) -> m::helpdesk::ArticleAlternate }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale article alternate.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-article-alternate).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.saveHelpdeskLocaleArticleAlternate` in the older Node and Go clients.
        SaveHelpdeskLocaleArticleAlternate = "save_helpdesk_locale_article_alternate" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn save_alternate(locale_linked: &str) body[m::helpdesk::AlternateSave] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale article alternate.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-article-alternate).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.deleteHelpdeskLocaleArticleAlternate` in the older Node and Go clients.
        DeleteHelpdeskLocaleArticleAlternate = "delete_helpdesk_locale_article_alternate" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn delete_alternate(locale_linked: &str) -> m::common::Empty }
        /// Publish helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#publish-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.publishHelpdeskLocaleArticle` in the older Node and Go clients.
        PublishHelpdeskLocaleArticle = "publish_helpdesk_locale_article" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/publish"
            fn publish() -> m::helpdesk::ArticlePublished }
        /// Unpublish helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unpublish-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.unpublishHelpdeskLocaleArticle` in the older Node and Go clients.
        UnpublishHelpdeskLocaleArticle = "unpublish_helpdesk_locale_article" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/unpublish"
            fn unpublish() -> m::common::Empty }
    }
    HelpdeskCategory ("website(website_id).helpdesk().locale(locale).category(category_id)", rate "helpdesk") {
        /// Check helpdesk locale category exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-category-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.checkHelpdeskLocaleCategoryExists` in the older Node and Go clients.
        CheckHelpdeskLocaleCategoryExists = "check_helpdesk_locale_category_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn exists() -> exists }
        /// Resolve helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.resolveHelpdeskLocaleCategory` in the older Node and Go clients.
        ResolveHelpdeskLocaleCategory = "resolve_helpdesk_locale_category" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn get() -> m::helpdesk::LocaleCategory }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.saveHelpdeskLocaleCategory` in the older Node and Go clients.
        SaveHelpdeskLocaleCategory = "save_helpdesk_locale_category" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn save() body[m::helpdesk::LocaleCategory] -> m::common::Empty }
        /// Update helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.updateHelpdeskLocaleCategory` in the older Node and Go clients.
        UpdateHelpdeskLocaleCategory = "update_helpdesk_locale_category" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn update() body[m::helpdesk::LocaleCategory] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.deleteHelpdeskLocaleCategory` in the older Node and Go clients.
        DeleteHelpdeskLocaleCategory = "delete_helpdesk_locale_category" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn delete() -> m::common::Empty }
        /// List helpdesk locale sections.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-sections).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.listHelpdeskLocaleSections` in the older Node and Go clients.
        ListHelpdeskLocaleSections = "list_helpdesk_locale_sections" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/sections/{page_number}"
            fn list_sections() -> page[m::helpdesk::LocaleSection] }
        /// Add helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.addHelpdeskLocaleSection` in the older Node and Go clients.
        AddHelpdeskLocaleSection = "add_helpdesk_locale_section" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section"
            fn add_section() body[m::helpdesk::NamedNew] -> m::helpdesk::SectionCreated }
        /// Check helpdesk locale section exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-section-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.checkHelpdeskLocaleSectionExists` in the older Node and Go clients.
        CheckHelpdeskLocaleSectionExists = "check_helpdesk_locale_section_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn section_exists(section_id: &str) -> exists }
        /// Resolve helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.resolveHelpdeskLocaleSection` in the older Node and Go clients.
        ResolveHelpdeskLocaleSection = "resolve_helpdesk_locale_section" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn section(section_id: &str) -> m::helpdesk::LocaleSection }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.saveHelpdeskLocaleSection` in the older Node and Go clients.
        SaveHelpdeskLocaleSection = "save_helpdesk_locale_section" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn save_section(section_id: &str) body[m::helpdesk::LocaleSection] -> m::common::Empty }
        /// Update helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.updateHelpdeskLocaleSection` in the older Node and Go clients.
        UpdateHelpdeskLocaleSection = "update_helpdesk_locale_section" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn update_section(section_id: &str) body[m::helpdesk::LocaleSection] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ///
        /// Same as `website.deleteHelpdeskLocaleSection` in the older Node and Go clients.
        DeleteHelpdeskLocaleSection = "delete_helpdesk_locale_section" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn delete_section(section_id: &str) -> m::common::Empty }
    }
    Inboxes ("website(website_id).inboxes()", rate "inboxes") {
        /// List inboxes.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-website-inboxes).
        ///
        /// Same as `website.listInboxes` in the Node client 11.3.0.
        ListInboxes = "list_inboxes" { Safe GET "/website/{website_id}/inboxes/list/{page_number}"
            fn list() -> page[m::website::Inbox] }
        /// Batch order inboxes.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-order-website-inboxes).
        ///
        /// Same as `website.batchOrderInboxes` in the Node client 11.3.0.
        BatchOrderInboxes = "batch_order_inboxes" { Unsafe PATCH "/website/{website_id}/inboxes/batch/order"
            fn batch_order() body[m::website::InboxOrders] -> m::common::Empty }
        /// Create new inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-website-inbox).
        ///
        /// Same as `website.createNewInbox` in the Node client 11.3.0.
        CreateNewInbox = "create_new_inbox" { Unsafe POST "/website/{website_id}/inbox"
            fn create() body[m::website::Inbox] -> m::website::InboxCreated }
    }
    Inbox ("website(website_id).inbox(inbox_id)", rate "inboxes") {
        /// Check inbox exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-website-inbox-exists).
        ///
        /// Same as `website.checkInboxExists` in the Node client 11.3.0.
        CheckInboxExists = "check_inbox_exists" { Safe HEAD "/website/{website_id}/inbox/{inbox_id}"
            fn exists() -> exists }
        /// Get inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-inbox).
        ///
        /// Same as `website.getInbox` in the Node client 11.3.0.
        GetInbox = "get_inbox" { Safe GET "/website/{website_id}/inbox/{inbox_id}"
            fn get() -> m::website::Inbox }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-website-inbox).
        ///
        /// Same as `website.saveInbox` in the Node client 11.3.0.
        SaveInbox = "save_inbox" { Safe PUT "/website/{website_id}/inbox/{inbox_id}"
            fn save() body[m::website::Inbox] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-website-inbox).
        ///
        /// Same as `website.deleteInbox` in the Node client 11.3.0.
        DeleteInbox = "delete_inbox" { Safe DELETE "/website/{website_id}/inbox/{inbox_id}"
            fn delete() -> m::common::Empty }
    }
    Operators ("website(website_id).operators()", rate "operators") {
        /// List website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-website-operators).
        ///
        /// Same as `website.listWebsiteOperators` in the Node client 11.3.0.
        ListWebsiteOperators = "list_website_operators" { Safe GET "/website/{website_id}/operators/list"
            fn list() -> Vec<m::website::OperatorListItem> }
        /// List last active website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-last-active-website-operators).
        ///
        /// Same as `website.listLastActiveWebsiteOperators` in the Node client 11.3.0.
        ListLastActiveWebsiteOperators = "list_last_active_website_operators" { Safe GET "/website/{website_id}/operators/active"
            fn list_last_active() -> Vec<m::website::LastActiveOperator> }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Flush last active website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#flush-last-active-website-operators).
        ///
        /// Same as `website.flushLastActiveWebsiteOperators` in the Node client 11.3.0.
        FlushLastActiveWebsiteOperators = "flush_last_active_website_operators" { Safe DELETE "/website/{website_id}/operators/active"
            fn flush_last_active() -> m::common::Empty }
        /// Send email to website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#send-email-to-website-operators).
        ///
        /// Same as `website.sendEmailToWebsiteOperators` in the Node client 11.3.0.
        SendEmailToWebsiteOperators = "send_email_to_website_operators" { Unsafe POST "/website/{website_id}/operators/email"
            fn send_email() body[m::website::OperatorEmail] -> m::common::Empty }
        /// Invite website operator.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#invite-a-website-operator).
        ///
        /// Same as `website.inviteWebsiteOperator` in the Node client 11.3.0.
        InviteWebsiteOperator = "invite_website_operator" { Unsafe POST "/website/{website_id}/operator"
            fn invite() body[m::website::OperatorInvite] -> m::common::Empty }
    }
    Operator ("website(website_id).operator(user_id)", rate "operators") {
        /// Get website operator.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-website-operator).
        ///
        /// Same as `website.getWebsiteOperator` in the Node client 11.3.0.
        GetWebsiteOperator = "get_website_operator" { Safe GET "/website/{website_id}/operator/{user_id}"
            fn get() -> m::website::Operator }
        /// Change operator membership.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#change-operator-membership).
        ///
        /// Same as `website.changeOperatorMembership` in the Node client 11.3.0.
        ChangeOperatorMembership = "change_operator_membership" { Unsafe PATCH "/website/{website_id}/operator/{user_id}"
            fn change_membership() body[m::website::OperatorMembership] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Unlink operator from website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unlink-operator-from-website).
        ///
        /// Same as `website.unlinkOperatorFromWebsite` in the Node client 11.3.0.
        UnlinkOperatorFromWebsite = "unlink_operator_from_website" { Safe DELETE "/website/{website_id}/operator/{user_id}"
            fn unlink() -> m::common::Empty }
    }
    Teams ("website(website_id).teams()", rate "teams") {
        /// List teams.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-teams).
        ///
        /// Same as `website.listTeams` in the Node client 11.3.0.
        ListTeams = "list_teams" { Safe GET "/website/{website_id}/teams/list/{page_number}"
            fn list() -> page[m::website::Team] }
        /// Create new team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-team).
        ///
        /// Same as `website.createNewTeam` in the Node client 11.3.0.
        CreateNewTeam = "create_new_team" { Unsafe POST "/website/{website_id}/team"
            fn create() body[m::website::Team] -> m::website::TeamCreated }
    }
    Team ("website(website_id).team(team_id)", rate "teams") {
        /// Check team exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-team-exists).
        ///
        /// Same as `website.checkTeamExists` in the Node client 11.3.0.
        CheckTeamExists = "check_team_exists" { Safe HEAD "/website/{website_id}/team/{team_id}"
            fn exists() -> exists }
        /// Get team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-team).
        ///
        /// Same as `website.getTeam` in the Node client 11.3.0.
        GetTeam = "get_team" { Safe GET "/website/{website_id}/team/{team_id}"
            fn get() -> m::website::Team }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-team).
        ///
        /// Same as `website.saveTeam` in the Node client 11.3.0.
        SaveTeam = "save_team" { Safe PUT "/website/{website_id}/team/{team_id}"
            fn save() body[m::website::Team] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-team).
        ///
        /// Same as `website.deleteTeam` in the Node client 11.3.0.
        DeleteTeam = "delete_team" { Safe DELETE "/website/{website_id}/team/{team_id}"
            fn delete() -> m::common::Empty }
    }
    Visitors ("website(website_id).visitors()", rate "visitors") {
        /// Count visitors.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#count-visitors).
        ///
        /// Same as `website.countVisitors` in the Node client 11.3.0.
        CountVisitors = "count_visitors" { Safe GET "/website/{website_id}/visitors/count"
            fn count() -> m::website::VisitorCount }
        /// List visitors.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-visitors).
        ///
        /// Same as `website.listVisitors` in the Node client 11.3.0.
        ListVisitors = "list_visitors" { Safe GET "/website/{website_id}/visitors/list/{page_number}"
            fn list() -> page[m::website::Visitor] }
        /// Pinpoint visitors on map.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#pinpoint-visitors-on-a-map).
        ///
        /// Same as `website.pinpointVisitorsOnMap` in the Node client 11.3.0.
        PinpointVisitorsOnMap = "pinpoint_visitors_on_map" { Safe GET "/website/{website_id}/visitors/map"
            fn map() query[m::website::VisitorsMapQuery] -> Vec<m::website::MapPoint> }
        /// Get session identifier from token.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-session-identifier-from-token).
        ///
        /// Same as `website.getSessionIdentifierFromToken` in the Node client 11.3.0.
        GetSessionIdentifierFromToken = "get_session_identifier_from_token" { Safe GET "/website/{website_id}/visitors/token/{token_id}"
            fn session_from_token(token_id: &str) -> m::website::TokenSession }
        /// Count blocked visitors.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#count-blocked-visitors/).
        ///
        /// Same as `website.countBlockedVisitors` in the Node client 11.3.0.
        CountBlockedVisitors = "count_blocked_visitors" { Safe GET "/website/{website_id}/visitors/blocked"
            fn count_blocked() -> m::website::BlockedVisitors }
        /// Count blocked visitors in rule.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#count-blocked-visitors-in-rule).
        ///
        /// Same as `website.countBlockedVisitorsInRule` in the Node client 11.3.0.
        CountBlockedVisitorsInRule = "count_blocked_visitors_in_rule" { Safe GET "/website/{website_id}/visitors/blocked/{rule}"
            fn count_blocked_in_rule(rule: &str) -> m::website::BlockedVisitors }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Clear blocked visitors in rule.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#clear-blocked-visitors-in-rule).
        ///
        /// Same as `website.clearBlockedVisitorsInRule` in the Node client 11.3.0.
        ClearBlockedVisitorsInRule = "clear_blocked_visitors_in_rule" { Safe DELETE "/website/{website_id}/visitors/blocked/{rule}"
            fn clear_blocked_in_rule(rule: &str) -> m::common::Empty }
    }
    Settings ("website(website_id).settings()", rate "settings") {
        /// Get website settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-settings).
        ///
        /// Same as `website.getWebsiteSettings` in the Node client 11.3.0.
        GetWebsiteSettings = "get_website_settings" { Safe GET "/website/{website_id}/settings"
            fn get() -> m::website::WebsiteSettings }
        /// Update website settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-website-settings).
        ///
        /// Same as `website.updateWebsiteSettings` in the Node client 11.3.0.
        UpdateWebsiteSettings = "update_website_settings" { Unsafe PATCH "/website/{website_id}/settings"
            fn update() body[m::website::WebsiteSettingsUpdate] -> m::common::Empty }
        /// Get verify settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-verify-settings).
        ///
        /// Same as `website.getVerifySettings` in the Node client 11.3.0.
        GetVerifySettings = "get_verify_settings" { Safe GET "/website/{website_id}/verify/settings"
            fn verify_settings() -> m::website::VerifySettings }
        /// Update verify settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-verify-settings).
        ///
        /// Same as `website.updateVerifySettings` in the Node client 11.3.0.
        UpdateVerifySettings = "update_verify_settings" { Unsafe PATCH "/website/{website_id}/verify/settings"
            fn update_verify_settings() body[m::website::VerifySettingsUpdate] -> m::common::Empty }
        /// Get verify key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-verify-key).
        ///
        /// Same as `website.getVerifyKey` in the Node client 11.3.0.
        GetVerifyKey = "get_verify_key" { Safe GET "/website/{website_id}/verify/key"
            fn verify_key() -> m::website::VerifyKey }
        /// Roll verify key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#roll-verify-key).
        ///
        /// Same as `website.rollVerifyKey` in the Node client 11.3.0.
        RollVerifyKey = "roll_verify_key" { Unsafe POST "/website/{website_id}/verify/key"
            fn roll_verify_key() -> m::common::Empty }
    }
    User ("user()", rate "user") {
        /// Get user account.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.getUserAccount` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        GetUserAccount = "get_user_account" { Safe GET "/user/account"
            fn account() -> m::user::UserAccount }
        /// Create user account.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.createUserAccount` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        CreateUserAccount = "create_user_account" { Unsafe POST "/user/account"
            fn create_account() body[m::user::AccountCreate] -> m::website::UserRef }
        /// Get user profile.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.getUserProfile` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        GetUserProfile = "get_user_profile" { Safe GET "/user/account/profile"
            fn profile() -> m::user::UserProfile }
        /// Update user profile.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.updateUserProfile` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        UpdateUserProfile = "update_user_profile" { Unsafe PATCH "/user/account/profile"
            fn update_profile() body[m::user::ProfileUpdate] -> m::common::Empty }
        /// Get user notification settings.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.getUserNotificationSettings` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        GetUserNotificationSettings = "get_user_notification_settings" { Safe GET "/user/account/notification"
            fn notification_settings() -> m::user::NotificationSettings }
        /// Update user notification settings.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.updateUserNotificationSettings` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        UpdateUserNotificationSettings = "update_user_notification_settings" { Unsafe PATCH "/user/account/notification"
            fn update_notification_settings() body[m::user::NotificationSettings] -> m::common::Empty }
        /// List user websites.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.listUserWebsites` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        ListUserWebsites = "list_user_websites" { Safe GET "/user/account/websites"
            fn list_websites() -> Vec<m::website::Website> }
        /// Check session validity.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.checkSessionValidity` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        CheckSessionValidity = "check_session_validity" { Safe HEAD "/user/session"
            fn check_session() -> exists }
        /// Create new session.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.createNewSession` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        CreateNewSession = "create_new_session" { Unsafe POST "/user/session/login"
            fn create_session() body[m::user::SessionLogin] -> m::user::SessionKeypair }
        /// Destroy session.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.destroySession` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        DestroySession = "destroy_session" { Unsafe POST "/user/session/logout"
            fn destroy_session() -> m::common::Empty }
        /// Recover session.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.recoverSession` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        RecoverSession = "recover_session" { Unsafe POST "/user/session/recover"
            fn recover_session() body[m::user::SessionRecover] -> m::common::Empty }
        /// Get user availability.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.getUserAvailability` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        GetUserAvailability = "get_user_availability" { Safe GET "/user/availability"
            fn availability() -> m::website::OperatorAvailability }
        /// Update user availability.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.updateUserAvailability` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        UpdateUserAvailability = "update_user_availability" { Unsafe PATCH "/user/availability"
            fn update_availability() body[m::user::AvailabilityUpdate] -> m::common::Empty }
        /// Get user availability status.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ///
        /// Same as `user.getUserAvailabilityStatus` in the older PHP/Go clients.
        /// Needs a `user` tier token.
        GetUserAvailabilityStatus = "get_user_availability_status" { Safe GET "/user/availability/status"
            fn availability_status() -> m::website::AvailabilityStatus }
    }
}
