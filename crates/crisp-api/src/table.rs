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
        GenerateBucketUrl = "generate_bucket_url" { Unsafe POST "/bucket/url/generate"
            fn generate_url() body[m::misc::BucketUrlRequest] -> m::common::Empty }
    }
    Media ("media()", rate "media") {
        /// List animation medias.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-animation-medias).
        ListAnimationMedias = "list_animation_medias" { Safe GET "/media/animation/list/{page_number}"
            fn list_animations(page_number: u32) query[m::misc::AnimationListQuery] -> m::common::Empty }
    }
    Plan ("plan()", rate "plans") {
        /// List all active subscriptions.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-all-active-plan-subscriptions).
        PlanListAllActiveSubscriptions = "plan_list_all_active_subscriptions" { Safe GET "/plans/subscription"
            fn list_subscriptions() -> Vec<m::misc::PlanSubscription> }
    }
    PlanWebsite ("plan().website(website_id)", rate "plans") {
        /// Get plan subscription for website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-plan-subscription-for-a-website).
        GetPlanSubscriptionForWebsite = "get_plan_subscription_for_website" { Safe GET "/plans/subscription/{website_id}"
            fn get() -> m::misc::PlanSubscription }
        /// Subscribe website to plan.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#subscribe-website-to-plan).
        SubscribeWebsiteToPlan = "subscribe_website_to_plan" { Unsafe POST "/plans/subscription/{website_id}"
            fn subscribe() body[m::misc::PlanSubscribe] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Unsubscribe plan from website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unsubscribe-plan-from-website).
        UnsubscribePlanFromWebsite = "unsubscribe_plan_from_website" { Safe DELETE "/plans/subscription/{website_id}"
            fn unsubscribe() -> m::common::Empty }
        /// Change bill period for website plan subscription.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#change-bill-period-for-website-plan-subscription).
        ChangeBillPeriodForWebsitePlanSubscription = "change_bill_period_for_website_plan_subscription" { Unsafe PATCH "/plans/subscription/{website_id}/bill/period"
            fn change_bill_period() body[m::misc::BillPeriodChange] -> m::common::Empty }
        /// Check coupon availability for website plan subscription.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-coupon-availability-for-website-plan-subscription).
        CheckCouponAvailabilityForWebsitePlanSubscription = "check_coupon_availability_for_website_plan_subscription" { Safe GET "/plans/subscription/{website_id}/coupon"
            fn check_coupon() query_req[m::misc::CouponCode] -> m::misc::PlanCoupon }
        /// Redeem coupon for website plan subscription.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#redeem-coupon-for-website-plan-subscription).
        RedeemCouponForWebsitePlanSubscription = "redeem_coupon_for_website_plan_subscription" { Unsafe PATCH "/plans/subscription/{website_id}/coupon"
            fn redeem_coupon() body[m::misc::CouponCode] -> m::common::Empty }
    }
    Plugin ("plugin()", rate "plugin") {
        /// Get connect account.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-connect-account).
        GetConnectAccount = "get_connect_account" { Safe GET "/plugin/connect/account"
            fn connect_account() -> m::plugin::PluginRef }
        /// Check connect session validity.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-connect-session-validity).
        CheckConnectSessionValidity = "check_connect_session_validity" { Safe HEAD "/plugin/connect/session"
            fn check_connect_session() -> exists }
        /// List all connect websites.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-all-connect-websites).
        ListAllConnectWebsites = "list_all_connect_websites" { Safe GET "/plugin/connect/websites/all/{page_number}"
            fn list_connect_websites() query[m::plugin::ConnectWebsitesQuery] -> page[m::plugin::ConnectWebsite] }
        /// List connect websites since.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-connect-websites-since).
        ListConnectWebsitesSince = "list_connect_websites_since" { Safe GET "/plugin/connect/websites/since"
            fn list_connect_websites_since() query_req[m::plugin::ConnectWebsitesSinceQuery] -> Vec<m::plugin::ConnectWebsite> }
        /// Get connect endpoints.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-connect-endpoints).
        PluginGetConnectEndpoints = "plugin_get_connect_endpoints" { Safe GET "/plugin/connect/endpoints"
            fn connect_endpoints() -> m::website::ConnectEndpoints }
        /// List all active subscriptions.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-all-active-subscriptions).
        PluginListAllActiveSubscriptions = "plugin_list_all_active_subscriptions" { Safe GET "/plugins/subscription"
            fn list_subscriptions() -> Vec<m::plugin::PluginSubscription> }
    }
    PluginWebsite ("plugin().website(website_id)", rate "plugin") {
        /// List subscriptions for website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-subscriptions-for-a-website).
        ListSubscriptionsForWebsite = "list_subscriptions_for_website" { Safe GET "/plugins/subscription/{website_id}"
            fn list_subscriptions() -> Vec<m::plugin::PluginSubscription> }
        /// Subscribe website to plugin.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#subscribe-website-to-plugin).
        SubscribeWebsiteToPlugin = "subscribe_website_to_plugin" { Unsafe POST "/plugins/subscription/{website_id}"
            fn subscribe() body[m::plugin::PluginSubscribe] -> m::common::Empty }
    }
    PluginSubscription ("plugin().website(website_id).subscription(plugin_id)", rate "plugin") {
        /// Get subscription details.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-subscription-details).
        GetSubscriptionDetails = "get_subscription_details" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}"
            fn get() -> m::plugin::PluginSubscription }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Unsubscribe plugin from website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unsubscribe-plugin-from-website).
        UnsubscribePluginFromWebsite = "unsubscribe_plugin_from_website" { Safe DELETE "/plugins/subscription/{website_id}/{plugin_id}"
            fn unsubscribe() -> m::common::Empty }
        /// Get subscription settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-subscription-settings).
        GetSubscriptionSettings = "get_subscription_settings" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}/settings"
            fn settings() -> m::plugin::SubscriptionSettings }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save subscription settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-subscription-settings).
        SaveSubscriptionSettings = "save_subscription_settings" { Safe PUT "/plugins/subscription/{website_id}/{plugin_id}/settings"
            fn save_settings() body[m::common::DataMap] -> m::common::Empty }
        /// Update subscription settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-subscription-settings).
        UpdateSubscriptionSettings = "update_subscription_settings" { Unsafe PATCH "/plugins/subscription/{website_id}/{plugin_id}/settings"
            fn update_settings() body[m::common::DataMap] -> m::common::Empty }
        /// Get plugin usage bills.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-plugin-usage-bills).
        GetPluginUsageBills = "get_plugin_usage_bills" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}/bill/usage"
            fn usage_bills() -> Vec<m::plugin::UsageBill> }
        /// Report plugin usage to bill.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#report-plugin-usage-to-bill).
        ReportPluginUsageToBill = "report_plugin_usage_to_bill" { Unsafe POST "/plugins/subscription/{website_id}/{plugin_id}/bill/usage"
            fn report_usage() body[m::plugin::UsageReport] -> m::common::Empty }
        /// Get plugin attest provenance.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-plugin-attest-provenance).
        GetPluginAttestProvenance = "get_plugin_attest_provenance" { Safe GET "/plugins/subscription/{website_id}/{plugin_id}/attest/provenance"
            fn attest_provenance() -> m::plugin::AttestProvenance }
        /// Forward plugin payload to channel.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#forward-plugin-payload-to-channel).
        ForwardPluginPayloadToChannel = "forward_plugin_payload_to_channel" { Unsafe POST "/plugins/subscription/{website_id}/{plugin_id}/channel"
            fn forward_to_channel() body[m::plugin::ChannelForward] -> m::common::Empty }
        /// Dispatch plugin event.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#dispatch-plugin-event).
        DispatchPluginEvent = "dispatch_plugin_event" { Unsafe POST "/plugins/subscription/{website_id}/{plugin_id}/event"
            fn dispatch_event() body[m::plugin::PluginEvent] -> m::common::Empty }
    }
    Websites ("websites()", rate "website") {
        /// Check website exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-website-exists).
        CheckWebsiteExists = "check_website_exists" { Safe HEAD "/website"
            fn exists() query_req[m::website::WebsiteExistsQuery] -> exists }
        /// Create website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-website).
        CreateWebsite = "create_website" { Unsafe POST "/website"
            fn create() body[m::website::WebsiteCreate] -> m::website::Website }
    }
    Website ("website(website_id)", rate "website") {
        /// Get website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-website).
        GetWebsite = "get_website" { Safe GET "/website/{website_id}"
            fn get() -> m::website::Website }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-a-website).
        DeleteWebsite = "delete_website" { Safe DELETE "/website/{website_id}"
            fn delete() body[m::website::VerifiedDeletion] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Abort website deletion.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#abort-website-deletion).
        AbortWebsiteDeletion = "abort_website_deletion" { Safe DELETE "/website/{website_id}/expunge"
            fn abort_deletion() -> m::common::Empty }
        /// Generate analytics.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#generate-analytics).
        GenerateAnalytics = "generate_analytics" { Unsafe POST "/website/{website_id}/analytics/generate"
            fn generate_analytics() body[m::website::AnalyticsQuery] -> Vec<m::website::AnalyticsPoint> }
        /// Get website availability status.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-availability-status).
        GetWebsiteAvailabilityStatus = "get_website_availability_status" { Safe GET "/website/{website_id}/availability/status"
            fn availability_status() -> m::website::AvailabilityStatus }
        /// List website operator availabilities.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-website-operator-availabilities).
        ListWebsiteOperatorAvailabilities = "list_website_operator_availabilities" { Safe GET "/website/{website_id}/availability/operators"
            fn operator_availabilities() -> Vec<m::website::OperatorAvailability> }
        /// Get connect endpoints.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-connect-endpoints).
        WebsiteGetConnectEndpoints = "website_get_connect_endpoints" { Safe GET "/website/{website_id}/connect/endpoints"
            fn connect_endpoints() -> m::website::ConnectEndpoints }
    }
    Batch ("website(website_id).batch()", rate "batch") {
        /// Batch resolve conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-resolve-items).
        BatchResolveConversations = "batch_resolve_conversations" { Unsafe PATCH "/website/{website_id}/batch/resolve"
            fn resolve_conversations() body[m::website::BatchConversations] -> m::common::Empty }
        /// Batch unresolve conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-unresolve-items).
        BatchUnresolveConversations = "batch_unresolve_conversations" { Unsafe PATCH "/website/{website_id}/batch/unresolve"
            fn unresolve_conversations() body[m::website::BatchConversations] -> m::common::Empty }
        /// Batch read conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-read-items).
        BatchReadConversations = "batch_read_conversations" { Unsafe PATCH "/website/{website_id}/batch/read"
            fn read_conversations() body[m::website::BatchConversations] -> m::common::Empty }
        /// Batch unread conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-unread-items).
        BatchUnreadConversations = "batch_unread_conversations" { Unsafe PATCH "/website/{website_id}/batch/unread"
            fn unread_conversations() body[m::website::BatchConversations] -> m::common::Empty }
        /// Batch remove conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-remove-items).
        BatchRemoveConversations = "batch_remove_conversations" { Unsafe PATCH "/website/{website_id}/batch/remove"
            fn remove_conversations() body[m::website::BatchConversations] -> m::common::Empty }
        /// Batch remove people.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-remove-items).
        BatchRemovePeople = "batch_remove_people" { Unsafe PATCH "/website/{website_id}/batch/remove"
            fn remove_people() body[m::website::BatchPeople] -> m::common::Empty }
        /// Batch report conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-report-items).
        BatchReportConversations = "batch_report_conversations" { Unsafe POST "/website/{website_id}/batch/report"
            fn report_conversations() body[m::website::BatchReport] -> m::common::Empty }
        /// Batch block conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-block-items).
        BatchBlockConversations = "batch_block_conversations" { Unsafe PATCH "/website/{website_id}/batch/block"
            fn block_conversations() body[m::website::BatchBlock] -> m::common::Empty }
        /// Batch routing conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-routing-items).
        BatchRoutingConversations = "batch_routing_conversations" { Unsafe PATCH "/website/{website_id}/batch/routing"
            fn route_conversations() body[m::website::BatchRouting] -> m::common::Empty }
        /// Batch inbox conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-inbox-items).
        BatchInboxConversations = "batch_inbox_conversations" { Unsafe PATCH "/website/{website_id}/batch/inbox"
            fn move_conversations_to_inbox() body[m::website::BatchInbox] -> m::common::Empty }
        /// Batch update conversations data.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-data-items).
        BatchUpdateConversationsData = "batch_update_conversations_data" { Unsafe PATCH "/website/{website_id}/batch/data"
            fn update_conversations_data() body[m::website::BatchData] -> m::common::Empty }
        /// Batch update people data.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-data-items).
        BatchUpdatePeopleData = "batch_update_people_data" { Unsafe PATCH "/website/{website_id}/batch/data"
            fn update_people_data() body[m::website::BatchData] -> m::common::Empty }
        /// Batch update conversations segments.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-segments-items).
        BatchUpdateConversationsSegments = "batch_update_conversations_segments" { Unsafe PATCH "/website/{website_id}/batch/segments"
            fn update_conversations_segments() body[m::website::BatchSegments] -> m::common::Empty }
        /// Batch update people segments.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-segments-items).
        BatchUpdatePeopleSegments = "batch_update_people_segments" { Unsafe PATCH "/website/{website_id}/batch/segments"
            fn update_people_segments() body[m::website::BatchSegments] -> m::common::Empty }
    }
    Conversations ("website(website_id).conversations()", rate "conversations") {
        /// List conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversations).
        ListConversations = "list_conversations" { Safe GET "/website/{website_id}/conversations/{page_number}"
            fn list() query[m::conversation::ConversationsQuery] -> page[m::conversation::Conversation] }
        /// List suggested conversation segments.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-conversation-segments).
        ListSuggestedConversationSegments = "list_suggested_conversation_segments" { Safe GET "/website/{website_id}/conversations/suggest/segments/{page_number}"
            fn list_suggested_segments() -> page[m::common::SuggestedSegment] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested conversation segment.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-conversation-segment).
        DeleteSuggestedConversationSegment = "delete_suggested_conversation_segment" { Safe DELETE "/website/{website_id}/conversations/suggest/segment"
            fn delete_suggested_segment() body[m::common::SuggestedSegmentDelete] -> m::common::Empty }
        /// List suggested conversation data keys.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-conversation-data-keys).
        ListSuggestedConversationDataKeys = "list_suggested_conversation_data_keys" { Safe GET "/website/{website_id}/conversations/suggest/data/{page_number}"
            fn list_suggested_data_keys() -> page[m::common::SuggestedDataKey] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested conversation data key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-conversation-data-key).
        DeleteSuggestedConversationDataKey = "delete_suggested_conversation_data_key" { Safe DELETE "/website/{website_id}/conversations/suggest/data"
            fn delete_suggested_data_key() body[m::common::SuggestedDataKeyDelete] -> m::common::Empty }
        /// List spam conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-spam-conversations).
        ListSpamConversations = "list_spam_conversations" { Safe GET "/website/{website_id}/conversations/spams/{page_number}"
            fn list_spams() -> page[m::conversation::SpamConversation] }
        /// Resolve spam conversation content.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-spam-conversation-content).
        ResolveSpamConversationContent = "resolve_spam_conversation_content" { Safe GET "/website/{website_id}/conversations/spam/{spam_id}/content"
            fn spam_content(spam_id: &str) -> m::conversation::SpamConversation }
        /// Submit spam conversation decision.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#submit-spam-conversation-decision).
        SubmitSpamConversationDecision = "submit_spam_conversation_decision" { Unsafe POST "/website/{website_id}/conversations/spam/{spam_id}/decision"
            fn submit_spam_decision(spam_id: &str) body[m::conversation::SpamDecision] -> m::common::Empty }
        /// Create new conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-conversation).
        CreateNewConversation = "create_new_conversation" { Unsafe POST "/website/{website_id}/conversation"
            fn create() -> m::conversation::ConversationNew }
    }
    Conversation ("website(website_id).conversation(session_id)", rate "conversation") {
        /// Check conversation exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-conversation-exists).
        CheckConversationExists = "check_conversation_exists" { Safe HEAD "/website/{website_id}/conversation/{session_id}"
            fn exists() -> exists }
        /// Get conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-conversation).
        GetConversation = "get_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}"
            fn get() -> m::conversation::Conversation }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-conversation).
        RemoveConversation = "remove_conversation" { Safe DELETE "/website/{website_id}/conversation/{session_id}"
            fn remove() -> m::common::Empty }
        /// Initiate conversation with existing session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initiate-a-conversation-with-existing-session).
        InitiateConversationWithExistingSession = "initiate_conversation_with_existing_session" { Unsafe POST "/website/{website_id}/conversation/{session_id}/initiate"
            fn initiate() -> m::common::Empty }
        /// Get messages in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-messages-in-conversation).
        GetMessagesInConversation = "get_messages_in_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/messages"
            fn messages() query[m::message::MessagesQuery] -> Vec<m::message::Message> }
        /// Send message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#send-a-message-in-conversation).
        SendMessageInConversation = "send_message_in_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/message"
            fn send_message() body[m::message::MessageSend] -> m::message::MessageDispatched }
        /// Get message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-message-in-conversation).
        GetMessageInConversation = "get_message_in_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/message/{fingerprint}"
            fn message(fingerprint: u64) -> m::message::Message }
        /// Update message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-a-message-in-conversation).
        UpdateMessageInConversation = "update_message_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/message/{fingerprint}"
            fn update_message(fingerprint: u64) body[m::message::MessageUpdate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-message-in-conversation).
        RemoveMessageInConversation = "remove_message_in_conversation" { Safe DELETE "/website/{website_id}/conversation/{session_id}/message/{fingerprint}"
            fn remove_message(fingerprint: u64) -> m::common::Empty }
        /// Compose message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#compose-a-message-in-conversation).
        ComposeMessageInConversation = "compose_message_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/compose"
            fn compose() body[m::message::ComposeMessage] -> m::common::Empty }
        /// Mark messages read in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#mark-messages-as-read-in-conversation).
        MarkMessagesReadInConversation = "mark_messages_read_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/read"
            fn mark_read() body[m::message::MessagesMark] -> m::common::Empty }
        /// Mark conversation as unread.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#mark-conversation-as-unread).
        MarkConversationAsUnread = "mark_conversation_as_unread" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/unread"
            fn mark_unread() body[m::message::UnreadMark] -> m::common::Empty }
        /// Mark messages delivered in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#mark-messages-as-delivered-in-conversation).
        MarkMessagesDeliveredInConversation = "mark_messages_delivered_in_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/delivered"
            fn mark_delivered() body[m::message::MessagesMark] -> m::common::Empty }
        /// Update conversation open state.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-conversation-open-state).
        UpdateConversationOpenState = "update_conversation_open_state" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/open"
            fn update_open_state() body[m::conversation::OpenStateUpdate] -> m::common::Empty }
        /// Get conversation routing assign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-routing-assign).
        GetConversationRoutingAssign = "get_conversation_routing_assign" { Safe GET "/website/{website_id}/conversation/{session_id}/routing"
            fn routing() -> m::conversation::RoutingAssign }
        /// Assign conversation routing.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#assign-conversation-routing).
        AssignConversationRouting = "assign_conversation_routing" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/routing"
            fn assign_routing() body[m::conversation::RoutingAssignUpdate] -> m::common::Empty }
        /// Update conversation inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-conversation-inbox).
        UpdateConversationInbox = "update_conversation_inbox" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/inbox"
            fn update_inbox() body[m::conversation::InboxUpdate] -> m::common::Empty }
        /// Get conversation metas.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-metas).
        GetConversationMetas = "get_conversation_metas" { Safe GET "/website/{website_id}/conversation/{session_id}/meta"
            fn metas() -> m::conversation::ConversationMeta }
        /// Update conversation metas.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-conversation-metas).
        UpdateConversationMetas = "update_conversation_metas" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/meta"
            fn update_metas() body[m::conversation::ConversationMetaUpdate] -> m::common::Empty }
        /// Get original message in conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-an-original-message-in-conversation).
        GetOriginalMessageInConversation = "get_original_message_in_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/original/{original_id}"
            fn original_message(original_id: &str) -> m::conversation::ConversationOriginal }
        /// List conversation pages.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversation-pages).
        ListConversationPages = "list_conversation_pages" { Safe GET "/website/{website_id}/conversation/{session_id}/pages/{page_number}"
            fn list_pages() -> page[m::conversation::ConversationPage] }
        /// List conversation events.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversation-events).
        ListConversationEvents = "list_conversation_events" { Safe GET "/website/{website_id}/conversation/{session_id}/events/{page_number}"
            fn list_events() -> page[m::conversation::ConversationEvent] }
        /// List conversation files.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-conversation-files).
        ListConversationFiles = "list_conversation_files" { Safe GET "/website/{website_id}/conversation/{session_id}/files/{page_number}"
            fn list_files() -> page[m::conversation::ConversationFile] }
        /// Get conversation state.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-state).
        GetConversationState = "get_conversation_state" { Safe GET "/website/{website_id}/conversation/{session_id}/state"
            fn state() -> m::conversation::ConversationStateData }
        /// Change conversation state.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#change-conversation-state).
        ChangeConversationState = "change_conversation_state" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/state"
            fn change_state() body[m::conversation::StateUpdate] -> m::common::Empty }
        /// Get conversation relations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-relations).
        GetConversationRelations = "get_conversation_relations" { Safe GET "/website/{website_id}/conversation/{session_id}/relations"
            fn relations() -> m::conversation::ConversationRelations }
        /// Get conversation participants.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-conversation-participants).
        GetConversationParticipants = "get_conversation_participants" { Safe GET "/website/{website_id}/conversation/{session_id}/participants"
            fn participants() -> m::conversation::ConversationParticipants }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save conversation participants.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-conversation-participants).
        SaveConversationParticipants = "save_conversation_participants" { Safe PUT "/website/{website_id}/conversation/{session_id}/participants"
            fn save_participants() body[m::conversation::ParticipantsSave] -> m::common::Empty }
        /// Get block status for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-block-status-for-conversation).
        GetBlockStatusForConversation = "get_block_status_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/block"
            fn block_status() -> m::conversation::BlockStatus }
        /// Block incoming messages for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#block-incoming-messages-for-conversation).
        BlockIncomingMessagesForConversation = "block_incoming_messages_for_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/block"
            fn block() body[m::conversation::BlockUpdate] -> m::common::Empty }
        /// Get verify status for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-verify-status-for-conversation).
        GetVerifyStatusForConversation = "get_verify_status_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/verify"
            fn verify_status() -> m::conversation::VerifyStatus }
        /// Update verify status for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-verify-status-for-conversation).
        UpdateVerifyStatusForConversation = "update_verify_status_for_conversation" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/verify"
            fn update_verify_status() body[m::conversation::VerifyUpdate] -> m::common::Empty }
        /// Request identity verification for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-identity-verification-for-conversation).
        RequestIdentityVerificationForConversation = "request_identity_verification_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/verify/identity"
            fn request_identity_verification() body[m::conversation::IdentityVerifyRequest] -> m::common::Empty }
        // Unsafe although a PUT: it redeems a one-time verification token (an action with a side
        // effect on the conversation), not a document replacement; never re-sent once it may
        // have been processed.
        /// Redeem identity verification link for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#redeem-identity-verification-link-for-conversation).
        RedeemIdentityVerificationLinkForConversation = "redeem_identity_verification_link_for_conversation" { Unsafe PUT "/website/{website_id}/conversation/{session_id}/verify/identity/link"
            fn redeem_identity_verification_link() body[m::conversation::IdentityVerifyRedeem] -> m::common::Empty }
        /// Request email transcript for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-email-transcript-for-conversation).
        RequestEmailTranscriptForConversation = "request_email_transcript_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/transcript"
            fn request_email_transcript() body[m::conversation::TranscriptRequest] -> m::common::Empty }
        /// Request chatbox binding purge for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-chatbox-binding-purge-for-conversation).
        RequestChatboxBindingPurgeForConversation = "request_chatbox_binding_purge_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/purge"
            fn request_chatbox_binding_purge() -> m::common::Empty }
        /// Request user feedback for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-user-feedback-for-conversation).
        RequestUserFeedbackForConversation = "request_user_feedback_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/feedback"
            fn request_user_feedback() -> m::common::Empty }
        /// List browsing sessions for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-browsing-sessions-for-conversation).
        ListBrowsingSessionsForConversation = "list_browsing_sessions_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/browsing"
            fn list_browsing_sessions() -> Vec<m::conversation::BrowsingSession> }
        /// Initiate browsing session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initiate-browsing-session-for-conversation).
        InitiateBrowsingSessionForConversation = "initiate_browsing_session_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/browsing"
            fn initiate_browsing_session() -> m::common::Empty }
        /// Send action to existing browsing session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#send-action-to-an-existing-browsing-session).
        SendActionToExistingBrowsingSession = "send_action_to_existing_browsing_session" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}"
            fn send_browsing_action(browsing_id: &str) body[m::conversation::BrowsingAction] -> m::common::Empty }
        /// Assist existing browsing session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#assist-an-existing-browsing-session).
        AssistExistingBrowsingSession = "assist_existing_browsing_session" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/browsing/{browsing_id}/assist"
            fn assist_browsing_session(browsing_id: &str) body[m::conversation::BrowsingAssist] -> m::common::Empty }
        /// Initiate new call session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initiate-new-call-session-for-conversation).
        InitiateNewCallSessionForConversation = "initiate_new_call_session_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/call"
            fn initiate_call() body[m::conversation::CallStart] -> m::conversation::CallSession }
        /// Get ongoing call session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-ongoing-call-session-for-conversation).
        GetOngoingCallSessionForConversation = "get_ongoing_call_session_for_conversation" { Safe GET "/website/{website_id}/conversation/{session_id}/call"
            fn ongoing_call() -> m::conversation::CallSession }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Abort ongoing call session for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#abort-ongoing-call-session-for-conversation).
        AbortOngoingCallSessionForConversation = "abort_ongoing_call_session_for_conversation" { Safe DELETE "/website/{website_id}/conversation/{session_id}/call/{call_id}"
            fn abort_call(call_id: &str) body[m::conversation::CallAbort] -> m::common::Empty }
        /// Transmit signaling on ongoing call session.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#transmit-signaling-on-ongoing-call-session).
        TransmitSignalingOnOngoingCallSession = "transmit_signaling_on_ongoing_call_session" { Unsafe PATCH "/website/{website_id}/conversation/{session_id}/call/{call_id}"
            fn transmit_call_signaling(call_id: &str) body[m::conversation::CallSignaling] -> m::common::Empty }
        /// Request tool call for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-tool-call-for-conversation).
        RequestToolCallForConversation = "request_tool_call_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/tool"
            fn request_tool_call() body[m::conversation::ToolCallRequest] -> m::conversation::ToolCallResult }
        /// Deliver widget button action for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#deliver-widget-button-action-for-conversation).
        DeliverWidgetButtonActionForConversation = "deliver_widget_button_action_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/button"
            fn deliver_widget_button_action(plugin_id: &str) body[m::conversation::WidgetButtonAction] -> m::conversation::WidgetActionDelivered }
        /// Deliver widget data fetch action for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#deliver-widget-data-action-for-conversation).
        DeliverWidgetDataFetchActionForConversation = "deliver_widget_data_fetch_action_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data"
            fn deliver_widget_data_fetch_action(plugin_id: &str) body[m::conversation::WidgetDataFetchAction] -> m::conversation::WidgetActionDelivered }
        /// Deliver widget data edit action for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#deliver-widget-data-action-for-conversation).
        DeliverWidgetDataEditActionForConversation = "deliver_widget_data_edit_action_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/widget/{plugin_id}/data"
            fn deliver_widget_data_edit_action(plugin_id: &str) body[m::conversation::WidgetDataEditAction] -> m::conversation::WidgetActionDelivered }
        /// Schedule reminder for conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#schedule-a-reminder-for-conversation).
        ScheduleReminderForConversation = "schedule_reminder_for_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/reminder"
            fn schedule_reminder() body[m::conversation::ReminderSchedule] -> m::common::Empty }
        /// Report conversation.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#report-conversation).
        ReportConversation = "report_conversation" { Unsafe POST "/website/{website_id}/conversation/{session_id}/report"
            fn report() body[m::conversation::ConversationReport] -> m::common::Empty }
    }
    People ("website(website_id).people()", rate "people") {
        /// Get people statistics.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-statistics).
        GetPeopleStatistics = "get_people_statistics" { Safe GET "/website/{website_id}/people/stats"
            fn stats() -> m::people::PeopleStatistics }
        /// List suggested people segments.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-people-segments).
        ListSuggestedPeopleSegments = "list_suggested_people_segments" { Safe GET "/website/{website_id}/people/suggest/segments/{page_number}"
            fn list_suggested_segments() -> page[m::common::SuggestedSegment] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested people segment.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-people-segment).
        DeleteSuggestedPeopleSegment = "delete_suggested_people_segment" { Safe DELETE "/website/{website_id}/people/suggest/segment"
            fn delete_suggested_segment() body[m::common::SuggestedSegmentDelete] -> m::common::Empty }
        /// List suggested people data keys.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-people-data-keys).
        ListSuggestedPeopleDataKeys = "list_suggested_people_data_keys" { Safe GET "/website/{website_id}/people/suggest/data/{page_number}"
            fn list_suggested_data_keys() -> page[m::common::SuggestedDataKey] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested people data key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-people-data-key).
        DeleteSuggestedPeopleDataKey = "delete_suggested_people_data_key" { Safe DELETE "/website/{website_id}/people/suggest/data"
            fn delete_suggested_data_key() body[m::common::SuggestedDataKeyDelete] -> m::common::Empty }
        /// List suggested people events.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-suggested-people-events).
        ListSuggestedPeopleEvents = "list_suggested_people_events" { Safe GET "/website/{website_id}/people/suggest/events/{page_number}"
            fn list_suggested_events() -> page[m::people::SuggestedEvent] }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete suggested people event.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-suggested-people-event).
        DeleteSuggestedPeopleEvent = "delete_suggested_people_event" { Safe DELETE "/website/{website_id}/people/suggest/event"
            fn delete_suggested_event() body[m::people::SuggestedEventDelete] -> m::common::Empty }
        /// List people profiles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-profiles).
        ListPeopleProfiles = "list_people_profiles" { Safe GET "/website/{website_id}/people/profiles/{page_number}"
            fn list_profiles() query[m::people::PeopleProfilesQuery] -> page[m::people::PeopleProfile] }
        /// Add new people profile.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-new-people-profile).
        AddNewPeopleProfile = "add_new_people_profile" { Unsafe POST "/website/{website_id}/people/profile"
            fn add_profile() body[m::people::PeopleProfileUpdate] -> m::people::PeopleProfileNew }
        /// Export people profiles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#export-people-profiles).
        ExportPeopleProfiles = "export_people_profiles" { Unsafe POST "/website/{website_id}/people/export/profiles"
            fn export_profiles() -> m::common::Empty }
        /// Import people profiles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#import-people-profiles).
        ImportPeopleProfiles = "import_people_profiles" { Unsafe POST "/website/{website_id}/people/import/profiles"
            fn import_profiles() body[m::people::PeopleImport] -> m::people::PeopleImportStarted }
        /// List people segments.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ListPeopleSegments = "list_people_segments" { Safe GET "/website/{website_id}/people/segments/{page_number}"
            fn list_segments() -> page[String] }
    }
    Person ("website(website_id).person(people_id)", rate "people") {
        /// Check people profile exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-people-profile-exists).
        CheckPeopleProfileExists = "check_people_profile_exists" { Safe HEAD "/website/{website_id}/people/profile/{people_id}"
            fn exists() -> exists }
        /// Get people profile.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-profile).
        GetPeopleProfile = "get_people_profile" { Safe GET "/website/{website_id}/people/profile/{people_id}"
            fn get() -> m::people::PeopleProfile }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save people profile.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-people-profile).
        SavePeopleProfile = "save_people_profile" { Safe PUT "/website/{website_id}/people/profile/{people_id}"
            fn save() body[m::people::PeopleProfileUpdate] -> m::common::Empty }
        /// Update people profile.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-people-profile).
        UpdatePeopleProfile = "update_people_profile" { Unsafe PATCH "/website/{website_id}/people/profile/{people_id}"
            fn update() body[m::people::PeopleProfileUpdate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove people profile.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-people-profile).
        RemovePeopleProfile = "remove_people_profile" { Safe DELETE "/website/{website_id}/people/profile/{people_id}"
            fn remove() -> m::common::Empty }
        /// List people conversations.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-conversations).
        ListPeopleConversations = "list_people_conversations" { Safe GET "/website/{website_id}/people/conversations/{people_id}/list/{page_number}"
            fn list_conversations() query[m::people::PeopleConversationsQuery] -> page[String] }
        /// List people campaigns.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-campaigns).
        ListPeopleCampaigns = "list_people_campaigns" { Safe GET "/website/{website_id}/people/campaigns/{people_id}/list/{page_number}"
            fn list_campaigns() -> page[m::people::PeopleCampaign] }
        /// Add people event.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-a-people-event).
        AddPeopleEvent = "add_people_event" { Unsafe POST "/website/{website_id}/people/events/{people_id}"
            fn add_event() body[m::people::PeopleEventNew] -> m::common::Empty }
        /// List people events.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-people-events).
        ListPeopleEvents = "list_people_events" { Safe GET "/website/{website_id}/people/events/{people_id}/list/{page_number}"
            fn list_events() -> page[m::people::PeopleEvent] }
        /// Get people data.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-data).
        GetPeopleData = "get_people_data" { Safe GET "/website/{website_id}/people/data/{people_id}"
            fn data() -> m::people::PeopleData }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save people data.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-people-data).
        SavePeopleData = "save_people_data" { Safe PUT "/website/{website_id}/people/data/{people_id}"
            fn save_data() body[m::people::PeopleDataUpdate] -> m::common::Empty }
        /// Update people data.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-people-data).
        UpdatePeopleData = "update_people_data" { Unsafe PATCH "/website/{website_id}/people/data/{people_id}"
            fn update_data() body[m::people::PeopleDataUpdate] -> m::common::Empty }
        /// Get people subscription status.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-people-subscription-status).
        GetPeopleSubscriptionStatus = "get_people_subscription_status" { Safe GET "/website/{website_id}/people/subscription/{people_id}"
            fn subscription_status() -> m::people::PeopleSubscription }
        /// Update people subscription status.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-people-subscription-status).
        UpdatePeopleSubscriptionStatus = "update_people_subscription_status" { Unsafe PATCH "/website/{website_id}/people/subscription/{people_id}"
            fn update_subscription_status() body[m::people::PeopleSubscriptionUpdate] -> m::common::Empty }
    }
    Campaigns ("website(website_id).campaigns()", rate "campaigns") {
        /// List campaigns.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaigns).
        ListCampaigns = "list_campaigns" { Safe GET "/website/{website_id}/campaigns/list/{page_number}"
            fn list() query[m::campaign::CampaignListQuery] -> page[m::campaign::Campaign] }
        /// List campaign tags.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-tags).
        ListCampaignTags = "list_campaign_tags" { Safe GET "/website/{website_id}/campaigns/tags"
            fn tags() -> Vec<String> }
        /// List campaign templates.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-templates).
        ListCampaignTemplates = "list_campaign_templates" { Safe GET "/website/{website_id}/campaigns/templates/{page_number}"
            fn list_templates() query[m::campaign::TemplateListQuery] -> page[m::campaign::CampaignTemplate] }
        /// Create new campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-campaign-template).
        CreateNewCampaignTemplate = "create_new_campaign_template" { Unsafe POST "/website/{website_id}/campaigns/template"
            fn create_template() body[m::campaign::TemplateNew] -> m::campaign::TemplateCreated }
        /// Create new campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-campaign).
        CreateNewCampaign = "create_new_campaign" { Unsafe POST "/website/{website_id}/campaign"
            fn create() body[m::campaign::CampaignNew] -> m::campaign::CampaignCreated }
    }
    Campaign ("website(website_id).campaign(campaign_id)", rate "campaigns") {
        /// Check campaign exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-campaign-exists).
        CheckCampaignExists = "check_campaign_exists" { Safe HEAD "/website/{website_id}/campaign/{campaign_id}"
            fn exists() -> exists }
        /// Get campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-campaign).
        GetCampaign = "get_campaign" { Safe GET "/website/{website_id}/campaign/{campaign_id}"
            fn get() -> m::campaign::Campaign }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-campaign).
        SaveCampaign = "save_campaign" { Safe PUT "/website/{website_id}/campaign/{campaign_id}"
            fn save() body[m::campaign::Campaign] -> m::common::Empty }
        /// Update campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-a-campaign).
        UpdateCampaign = "update_campaign" { Unsafe PATCH "/website/{website_id}/campaign/{campaign_id}"
            fn update() body[m::campaign::Campaign] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-campaign).
        RemoveCampaign = "remove_campaign" { Safe DELETE "/website/{website_id}/campaign/{campaign_id}"
            fn remove() -> m::common::Empty }
        /// Dispatch campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#dispatch-a-campaign).
        DispatchCampaign = "dispatch_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/dispatch"
            fn dispatch() -> m::common::Empty }
        /// Resume campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resume-a-campaign).
        ResumeCampaign = "resume_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/resume"
            fn resume() -> m::common::Empty }
        /// Pause campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#pause-a-campaign).
        PauseCampaign = "pause_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/pause"
            fn pause() -> m::common::Empty }
        /// Test campaign.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#test-a-campaign).
        TestCampaign = "test_campaign" { Unsafe POST "/website/{website_id}/campaign/{campaign_id}/test"
            fn test() -> m::common::Empty }
        /// List campaign recipients.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-recipients).
        ListCampaignRecipients = "list_campaign_recipients" { Safe GET "/website/{website_id}/campaign/{campaign_id}/recipients/{page_number}"
            fn list_recipients() -> page[m::campaign::CampaignRecipient] }
        /// List campaign statistics.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-campaign-statistics).
        ListCampaignStatistics = "list_campaign_statistics" { Safe GET "/website/{website_id}/campaign/{campaign_id}/statistics/{action}/{page_number}"
            fn list_statistics(action: &str) -> page[m::campaign::CampaignStatistic] }
    }
    CampaignTemplate ("website(website_id).campaign_template(template_id)", rate "campaigns") {
        /// Check campaign template exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-campaign-template-exists).
        CheckCampaignTemplateExists = "check_campaign_template_exists" { Safe HEAD "/website/{website_id}/campaigns/template/{template_id}"
            fn exists() -> exists }
        /// Get campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-campaign-template).
        GetCampaignTemplate = "get_campaign_template" { Safe GET "/website/{website_id}/campaigns/template/{template_id}"
            fn get() -> m::campaign::CampaignTemplate }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-campaign-template).
        SaveCampaignTemplate = "save_campaign_template" { Safe PUT "/website/{website_id}/campaigns/template/{template_id}"
            fn save() body[m::campaign::CampaignTemplate] -> m::common::Empty }
        /// Update campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-a-campaign-template).
        UpdateCampaignTemplate = "update_campaign_template" { Unsafe PATCH "/website/{website_id}/campaigns/template/{template_id}"
            fn update() body[m::campaign::CampaignTemplate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Remove campaign template.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-campaign-template).
        RemoveCampaignTemplate = "remove_campaign_template" { Safe DELETE "/website/{website_id}/campaigns/template/{template_id}"
            fn remove() -> m::common::Empty }
    }
    Helpdesk ("website(website_id).helpdesk()", rate "helpdesk") {
        /// Check helpdesk exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-exists).
        CheckHelpdeskExists = "check_helpdesk_exists" { Safe HEAD "/website/{website_id}/helpdesk"
            fn exists() -> exists }
        /// Resolve helpdesk.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk).
        ResolveHelpdesk = "resolve_helpdesk" { Safe GET "/website/{website_id}/helpdesk"
            fn get() -> m::helpdesk::Helpdesk }
        /// Initialize helpdesk.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#initialize-helpdesk).
        InitializeHelpdesk = "initialize_helpdesk" { Unsafe POST "/website/{website_id}/helpdesk"
            fn initialize() body[m::helpdesk::HelpdeskInit] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk).
        DeleteHelpdesk = "delete_helpdesk" { Safe DELETE "/website/{website_id}/helpdesk"
            fn delete() body[m::website::VerifiedDeletion] -> m::common::Empty }
        /// List helpdesk locales.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locales).
        ListHelpdeskLocales = "list_helpdesk_locales" { Safe GET "/website/{website_id}/helpdesk/locales/{page_number}"
            fn list_locales() -> page[m::helpdesk::HelpdeskLocale] }
        /// Add helpdesk locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-locale).
        AddHelpdeskLocale = "add_helpdesk_locale" { Unsafe POST "/website/{website_id}/helpdesk/locale"
            fn add_locale() body[m::helpdesk::LocaleNew] -> m::common::Empty }
        /// List helpdesk history changes.
        ListHelpdeskHistoryChanges = "list_helpdesk_history_changes" { Safe GET "/website/{website_id}/helpdesk/history/changes/{page_number}"
            fn list_history_changes() query[m::helpdesk::HistoryQuery] -> page[m::helpdesk::HistoryChange] }
        /// Resolve helpdesk history change.
        ResolveHelpdeskHistoryChange = "resolve_helpdesk_history_change" { Safe GET "/website/{website_id}/helpdesk/history/change/{change_id}"
            fn history_change(change_id: &str) -> m::helpdesk::HistoryChange }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Cancel helpdesk history change.
        CancelHelpdeskHistoryChange = "cancel_helpdesk_history_change" { Safe DELETE "/website/{website_id}/helpdesk/history/change/{change_id}"
            fn cancel_history_change(change_id: &str) body[m::helpdesk::HistoryCancel] -> m::common::Empty }
        /// List helpdesk redirections.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-redirections).
        ListHelpdeskRedirections = "list_helpdesk_redirections" { Safe GET "/website/{website_id}/helpdesk/redirections/{page_number}"
            fn list_redirections() -> page[m::helpdesk::Redirection] }
        /// Add helpdesk redirection.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-redirection).
        AddHelpdeskRedirection = "add_helpdesk_redirection" { Unsafe POST "/website/{website_id}/helpdesk/redirection"
            fn add_redirection() body[m::helpdesk::RedirectionNew] -> m::helpdesk::RedirectionCreated }
        /// Check helpdesk redirection exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-redirection-exists).
        CheckHelpdeskRedirectionExists = "check_helpdesk_redirection_exists" { Safe HEAD "/website/{website_id}/helpdesk/redirection/{redirection_id}"
            fn redirection_exists(redirection_id: &str) -> exists }
        /// Resolve helpdesk redirection.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-redirection).
        ResolveHelpdeskRedirection = "resolve_helpdesk_redirection" { Safe GET "/website/{website_id}/helpdesk/redirection/{redirection_id}"
            fn redirection(redirection_id: &str) -> m::helpdesk::Redirection }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk redirection.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-redirection).
        DeleteHelpdeskRedirection = "delete_helpdesk_redirection" { Safe DELETE "/website/{website_id}/helpdesk/redirection/{redirection_id}"
            fn delete_redirection(redirection_id: &str) -> m::common::Empty }
        /// Resolve helpdesk settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-settings).
        ResolveHelpdeskSettings = "resolve_helpdesk_settings" { Safe GET "/website/{website_id}/helpdesk/settings"
            fn settings() -> m::helpdesk::HelpdeskSettings }
        /// Save helpdesk settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-settings).
        SaveHelpdeskSettings = "save_helpdesk_settings" { Unsafe PATCH "/website/{website_id}/helpdesk/settings"
            fn save_settings() body[m::helpdesk::HelpdeskSettings] -> m::common::Empty }
        /// Resolve helpdesk domain.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-domain).
        ResolveHelpdeskDomain = "resolve_helpdesk_domain" { Safe GET "/website/{website_id}/helpdesk/domain"
            fn domain() -> m::helpdesk::HelpdeskDomain }
        /// Request helpdesk domain change.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#request-helpdesk-domain-change).
        RequestHelpdeskDomainChange = "request_helpdesk_domain_change" { Unsafe PATCH "/website/{website_id}/helpdesk/domain"
            fn request_domain_change() body[m::helpdesk::DomainChange] -> m::common::Empty }
        /// Generate helpdesk domain setup flow.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#generate-helpdesk-domain-setup-flow).
        GenerateHelpdeskDomainSetupFlow = "generate_helpdesk_domain_setup_flow" { Safe GET "/website/{website_id}/helpdesk/domain/setup"
            fn domain_setup_flow() query_req[m::helpdesk::DomainSetupQuery] -> m::helpdesk::DomainSetupFlow }
    }
    HelpdeskLocale ("website(website_id).helpdesk().locale(locale)", rate "helpdesk") {
        /// Check helpdesk locale exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-exists).
        CheckHelpdeskLocaleExists = "check_helpdesk_locale_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}"
            fn exists() -> exists }
        /// Resolve helpdesk locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale).
        ResolveHelpdeskLocale = "resolve_helpdesk_locale" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}"
            fn get() -> m::helpdesk::HelpdeskLocale }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale).
        DeleteHelpdeskLocale = "delete_helpdesk_locale" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}"
            fn delete() -> m::common::Empty }
        /// List helpdesk locale articles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-articles).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ListHelpdeskLocaleArticles = "list_helpdesk_locale_articles" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/articles/{page_number}"
            fn list_articles() -> page[m::helpdesk::LocaleArticle] }
        /// Add new helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-a-new-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        AddNewHelpdeskLocaleArticle = "add_new_helpdesk_locale_article" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/article"
            fn add_article() body[m::helpdesk::ArticleNew] -> m::helpdesk::ArticleCreated }
        /// List helpdesk locale categories.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-categories).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ListHelpdeskLocaleCategories = "list_helpdesk_locale_categories" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/categories/{page_number}"
            fn list_categories() -> page[m::helpdesk::LocaleCategory] }
        /// Add helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        AddHelpdeskLocaleCategory = "add_helpdesk_locale_category" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/category"
            fn add_category() body[m::helpdesk::NamedNew] -> m::helpdesk::CategoryCreated }
        /// Map helpdesk locale feedback ratings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#map-helpdesk-locale-feedback-ratings).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        LegacyMapHelpdeskLocaleFeedbackRatings = "legacy_map_helpdesk_locale_feedback_ratings" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/feedback/ratings"
            fn feedback_ratings() query[m::helpdesk::DateRangeQuery] -> m::helpdesk::FeedbackRatings }
        /// List helpdesk locale feedbacks.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-feedbacks).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        LegacyListHelpdeskLocaleFeedbacks = "legacy_list_helpdesk_locale_feedbacks" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/feedback/list/{page_number}"
            fn list_feedbacks() query[m::helpdesk::DateRangeQuery] -> page[m::helpdesk::FeedbackItem] }
        /// Import external helpdesk to locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#import-external-helpdesk-to-locale).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        LegacyImportExternalHelpdeskToLocale = "legacy_import_external_helpdesk_to_locale" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/import"
            fn import_external() body[m::helpdesk::ExternalImport] -> m::common::Empty }
        /// Export helpdesk locale articles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#export-helpdesk-locale-articles).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        LegacyExportHelpdeskLocaleArticles = "legacy_export_helpdesk_locale_articles" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/export"
            fn export_articles() -> m::common::Empty }
    }
    HelpdeskContent ("website(website_id).helpdesk().locale(locale).content(content_type)", rate "helpdesk") {
        /// List helpdesk pages.
        ListHelpdeskPages = "list_helpdesk_pages" { Safe GET "/website/{website_id}/helpdesk/page/list/{locale}/{content_type}/{page_number}"
            fn list_pages() -> page[m::helpdesk::HelpdeskPage] }
        /// Resolve helpdesk page entity.
        ResolveHelpdeskPageEntity = "resolve_helpdesk_page_entity" { Safe GET "/website/{website_id}/helpdesk/page/entity/{locale}/{content_type}/{entity_id}"
            fn page_entity(entity_id: &str) -> m::helpdesk::HelpdeskPage }
        /// List helpdesk tree.
        ListHelpdeskTree = "list_helpdesk_tree" { Safe GET "/website/{website_id}/helpdesk/tree/list/{locale}/{content_type}/{page_number}"
            fn list_tree() query[m::helpdesk::TreeListQuery] -> page[m::helpdesk::TreeEntry] }
        /// Create helpdesk tree path.
        CreateHelpdeskTreePath = "create_helpdesk_tree_path" { Unsafe POST "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn create_tree_path(path: &str) -> m::common::Empty }
        /// Resolve helpdesk tree path.
        ResolveHelpdeskTreePath = "resolve_helpdesk_tree_path" { Safe GET "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn tree_path(path: &str) -> m::helpdesk::TreeEntry }
        /// Update helpdesk tree path.
        UpdateHelpdeskTreePath = "update_helpdesk_tree_path" { Unsafe PATCH "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn update_tree_path(path: &str) body[m::helpdesk::TreePathUpdate] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk tree path.
        DeleteHelpdeskTreePath = "delete_helpdesk_tree_path" { Safe DELETE "/website/{website_id}/helpdesk/tree/path/{locale}/{content_type}/{path}"
            fn delete_tree_path(path: &str) -> m::common::Empty }
        /// Resolve helpdesk tree content.
        ResolveHelpdeskTreeContent = "resolve_helpdesk_tree_content" { Safe GET "/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}"
            fn tree_content(path: &str) -> m::helpdesk::TreeContent }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk tree content.
        SaveHelpdeskTreeContent = "save_helpdesk_tree_content" { Safe PUT "/website/{website_id}/helpdesk/tree/content/{locale}/{content_type}/{path}"
            fn save_tree_content(path: &str) body[m::helpdesk::TreeContentSave] -> m::common::Empty }
        /// Resolve helpdesk tree metadata.
        ResolveHelpdeskTreeMetadata = "resolve_helpdesk_tree_metadata" { Safe GET "/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}"
            fn tree_metadata(path: &str) -> m::helpdesk::TreeMetadata }
        /// Update helpdesk tree metadata.
        UpdateHelpdeskTreeMetadata = "update_helpdesk_tree_metadata" { Unsafe PATCH "/website/{website_id}/helpdesk/tree/metadata/{locale}/{content_type}/{path}"
            fn update_tree_metadata(path: &str) body[m::helpdesk::TreeMetadata] -> m::common::Empty }
        /// Resolve helpdesk tree page.
        ResolveHelpdeskTreePage = "resolve_helpdesk_tree_page" { Safe GET "/website/{website_id}/helpdesk/tree/page/{locale}/{content_type}/{path}"
            fn tree_page(path: &str) -> m::helpdesk::PageLink }
        /// Request helpdesk content refresh.
        RequestHelpdeskContentRefresh = "request_helpdesk_content_refresh" { Unsafe POST "/website/{website_id}/helpdesk/refresh/{locale}/{content_type}"
            fn request_refresh() -> m::common::Empty }
        /// Map helpdesk locale feedback ratings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#map-helpdesk-locale-feedback-ratings).
        MapHelpdeskLocaleFeedbackRatings = "map_helpdesk_locale_feedback_ratings" { Safe GET "/website/{website_id}/helpdesk/feedback/ratings/{locale}/{content_type}"
            fn feedback_ratings() query[m::helpdesk::DateRangeQuery] -> m::helpdesk::FeedbackRatings }
        /// List helpdesk locale feedbacks.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-feedbacks).
        ListHelpdeskLocaleFeedbacks = "list_helpdesk_locale_feedbacks" { Safe GET "/website/{website_id}/helpdesk/feedback/list/{locale}/{content_type}/{page_number}"
            fn list_feedbacks() query[m::helpdesk::DateRangeQuery] -> page[m::helpdesk::FeedbackItem] }
        /// Import external helpdesk to locale.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#import-external-helpdesk-to-locale).
        ImportExternalHelpdeskToLocale = "import_external_helpdesk_to_locale" { Unsafe POST "/website/{website_id}/helpdesk/import/{locale}/{content_type}"
            fn import_external() body[m::helpdesk::ExternalImport] -> m::common::Empty }
        /// Export helpdesk locale articles.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#export-helpdesk-locale-articles).
        ExportHelpdeskLocaleArticles = "export_helpdesk_locale_articles" { Unsafe POST "/website/{website_id}/helpdesk/export/{locale}/{content_type}"
            fn export() -> m::common::Empty }
    }
    HelpdeskArticle ("website(website_id).helpdesk().locale(locale).article(article_id)", rate "helpdesk") {
        /// Check helpdesk locale article exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-article-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        CheckHelpdeskLocaleArticleExists = "check_helpdesk_locale_article_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn exists() -> exists }
        /// Resolve helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ResolveHelpdeskLocaleArticle = "resolve_helpdesk_locale_article" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn get() -> m::helpdesk::LocaleArticle }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        SaveHelpdeskLocaleArticle = "save_helpdesk_locale_article" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn save() body[m::helpdesk::LocaleArticle] -> m::common::Empty }
        /// Update helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        UpdateHelpdeskLocaleArticle = "update_helpdesk_locale_article" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn update() body[m::helpdesk::LocaleArticle] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        DeleteHelpdeskLocaleArticle = "delete_helpdesk_locale_article" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}"
            fn delete() -> m::common::Empty }
        /// Resolve helpdesk locale article page.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article-page).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ResolveHelpdeskLocaleArticlePage = "resolve_helpdesk_locale_article_page" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/page"
            fn page() -> m::helpdesk::PageLink }
        /// Resolve helpdesk locale article category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ResolveHelpdeskLocaleArticleCategory = "resolve_helpdesk_locale_article_category" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category"
            fn category() -> m::helpdesk::ArticleCategory }
        /// Update helpdesk locale article category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-article-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        UpdateHelpdeskLocaleArticleCategory = "update_helpdesk_locale_article_category" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/category"
            fn update_category() body[m::helpdesk::ArticleCategoryUpdate] -> m::common::Empty }
        /// List helpdesk locale article alternates.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-article-alternates).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ListHelpdeskLocaleArticleAlternates = "list_helpdesk_locale_article_alternates" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternates"
            fn alternates() -> Vec<m::helpdesk::ArticleAlternate> }
        /// Check helpdesk locale article alternate exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-article-alternate-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        CheckHelpdeskLocaleArticleAlternateExists = "check_helpdesk_locale_article_alternate_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn alternate_exists(locale_linked: &str) -> exists }
        /// Resolve helpdesk locale article alternate.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-article-alternate).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ResolveHelpdeskLocaleArticleAlternate = "resolve_helpdesk_locale_article_alternate" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn alternate(locale_linked: &str) -> m::helpdesk::ArticleAlternate }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale article alternate.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-article-alternate).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        SaveHelpdeskLocaleArticleAlternate = "save_helpdesk_locale_article_alternate" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn save_alternate(locale_linked: &str) body[m::helpdesk::AlternateSave] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale article alternate.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-article-alternate).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        DeleteHelpdeskLocaleArticleAlternate = "delete_helpdesk_locale_article_alternate" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/alternate/{locale_linked}"
            fn delete_alternate(locale_linked: &str) -> m::common::Empty }
        /// Publish helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#publish-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        PublishHelpdeskLocaleArticle = "publish_helpdesk_locale_article" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/publish"
            fn publish() -> m::helpdesk::ArticlePublished }
        /// Unpublish helpdesk locale article.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unpublish-helpdesk-locale-article).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        UnpublishHelpdeskLocaleArticle = "unpublish_helpdesk_locale_article" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/article/{article_id}/unpublish"
            fn unpublish() -> m::common::Empty }
    }
    HelpdeskCategory ("website(website_id).helpdesk().locale(locale).category(category_id)", rate "helpdesk") {
        /// Check helpdesk locale category exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-category-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        CheckHelpdeskLocaleCategoryExists = "check_helpdesk_locale_category_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn exists() -> exists }
        /// Resolve helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ResolveHelpdeskLocaleCategory = "resolve_helpdesk_locale_category" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn get() -> m::helpdesk::LocaleCategory }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        SaveHelpdeskLocaleCategory = "save_helpdesk_locale_category" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn save() body[m::helpdesk::LocaleCategory] -> m::common::Empty }
        /// Update helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        UpdateHelpdeskLocaleCategory = "update_helpdesk_locale_category" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn update() body[m::helpdesk::LocaleCategory] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale category.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-category).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        DeleteHelpdeskLocaleCategory = "delete_helpdesk_locale_category" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}"
            fn delete() -> m::common::Empty }
        /// List helpdesk locale sections.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-helpdesk-locale-sections).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ListHelpdeskLocaleSections = "list_helpdesk_locale_sections" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/sections/{page_number}"
            fn list_sections() -> page[m::helpdesk::LocaleSection] }
        /// Add helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#add-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        AddHelpdeskLocaleSection = "add_helpdesk_locale_section" { Unsafe POST "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section"
            fn add_section() body[m::helpdesk::NamedNew] -> m::helpdesk::SectionCreated }
        /// Check helpdesk locale section exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-helpdesk-locale-section-exists).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        CheckHelpdeskLocaleSectionExists = "check_helpdesk_locale_section_exists" { Safe HEAD "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn section_exists(section_id: &str) -> exists }
        /// Resolve helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#resolve-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        ResolveHelpdeskLocaleSection = "resolve_helpdesk_locale_section" { Safe GET "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn section(section_id: &str) -> m::helpdesk::LocaleSection }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        SaveHelpdeskLocaleSection = "save_helpdesk_locale_section" { Safe PUT "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn save_section(section_id: &str) body[m::helpdesk::LocaleSection] -> m::common::Empty }
        /// Update helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        UpdateHelpdeskLocaleSection = "update_helpdesk_locale_section" { Unsafe PATCH "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn update_section(section_id: &str) body[m::helpdesk::LocaleSection] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete helpdesk locale section.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-helpdesk-locale-section).
        ///
        /// Not in the official Node client 11.3.0 (Go client only).
        DeleteHelpdeskLocaleSection = "delete_helpdesk_locale_section" { Safe DELETE "/website/{website_id}/helpdesk/locale/{locale}/category/{category_id}/section/{section_id}"
            fn delete_section(section_id: &str) -> m::common::Empty }
    }
    Inboxes ("website(website_id).inboxes()", rate "inboxes") {
        /// List inboxes.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-website-inboxes).
        ListInboxes = "list_inboxes" { Safe GET "/website/{website_id}/inboxes/list/{page_number}"
            fn list() -> page[m::website::Inbox] }
        /// Batch order inboxes.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#batch-order-website-inboxes).
        BatchOrderInboxes = "batch_order_inboxes" { Unsafe PATCH "/website/{website_id}/inboxes/batch/order"
            fn batch_order() body[m::website::InboxOrders] -> m::common::Empty }
        /// Create new inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-website-inbox).
        CreateNewInbox = "create_new_inbox" { Unsafe POST "/website/{website_id}/inbox"
            fn create() body[m::website::Inbox] -> m::website::InboxCreated }
    }
    Inbox ("website(website_id).inbox(inbox_id)", rate "inboxes") {
        /// Check inbox exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-website-inbox-exists).
        CheckInboxExists = "check_inbox_exists" { Safe HEAD "/website/{website_id}/inbox/{inbox_id}"
            fn exists() -> exists }
        /// Get inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-inbox).
        GetInbox = "get_inbox" { Safe GET "/website/{website_id}/inbox/{inbox_id}"
            fn get() -> m::website::Inbox }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-website-inbox).
        SaveInbox = "save_inbox" { Safe PUT "/website/{website_id}/inbox/{inbox_id}"
            fn save() body[m::website::Inbox] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete inbox.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#delete-website-inbox).
        DeleteInbox = "delete_inbox" { Safe DELETE "/website/{website_id}/inbox/{inbox_id}"
            fn delete() -> m::common::Empty }
    }
    Operators ("website(website_id).operators()", rate "operators") {
        /// List website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-website-operators).
        ListWebsiteOperators = "list_website_operators" { Safe GET "/website/{website_id}/operators/list"
            fn list() -> Vec<m::website::OperatorListItem> }
        /// List last active website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-last-active-website-operators).
        ListLastActiveWebsiteOperators = "list_last_active_website_operators" { Safe GET "/website/{website_id}/operators/active"
            fn list_last_active() -> Vec<m::website::LastActiveOperator> }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Flush last active website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#flush-last-active-website-operators).
        FlushLastActiveWebsiteOperators = "flush_last_active_website_operators" { Safe DELETE "/website/{website_id}/operators/active"
            fn flush_last_active() -> m::common::Empty }
        /// Send email to website operators.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#send-email-to-website-operators).
        SendEmailToWebsiteOperators = "send_email_to_website_operators" { Unsafe POST "/website/{website_id}/operators/email"
            fn send_email() body[m::website::OperatorEmail] -> m::common::Empty }
        /// Invite website operator.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#invite-a-website-operator).
        InviteWebsiteOperator = "invite_website_operator" { Unsafe POST "/website/{website_id}/operator"
            fn invite() body[m::website::OperatorInvite] -> m::common::Empty }
    }
    Operator ("website(website_id).operator(user_id)", rate "operators") {
        /// Get website operator.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-website-operator).
        GetWebsiteOperator = "get_website_operator" { Safe GET "/website/{website_id}/operator/{user_id}"
            fn get() -> m::website::Operator }
        /// Change operator membership.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#change-operator-membership).
        ChangeOperatorMembership = "change_operator_membership" { Unsafe PATCH "/website/{website_id}/operator/{user_id}"
            fn change_membership() body[m::website::OperatorMembership] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Unlink operator from website.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#unlink-operator-from-website).
        UnlinkOperatorFromWebsite = "unlink_operator_from_website" { Safe DELETE "/website/{website_id}/operator/{user_id}"
            fn unlink() -> m::common::Empty }
    }
    Teams ("website(website_id).teams()", rate "teams") {
        /// List teams.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-teams).
        ListTeams = "list_teams" { Safe GET "/website/{website_id}/teams/list/{page_number}"
            fn list() -> page[m::website::Team] }
        /// Create new team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-team).
        CreateNewTeam = "create_new_team" { Unsafe POST "/website/{website_id}/team"
            fn create() body[m::website::Team] -> m::website::TeamCreated }
    }
    Team ("website(website_id).team(team_id)", rate "teams") {
        /// Check team exists.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-team-exists).
        CheckTeamExists = "check_team_exists" { Safe HEAD "/website/{website_id}/team/{team_id}"
            fn exists() -> exists }
        /// Get team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-team).
        GetTeam = "get_team" { Safe GET "/website/{website_id}/team/{team_id}"
            fn get() -> m::website::Team }
        // Safe: a PUT replaces the whole document, so a second copy writes the same state.
        /// Save team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-team).
        SaveTeam = "save_team" { Safe PUT "/website/{website_id}/team/{team_id}"
            fn save() body[m::website::Team] -> m::common::Empty }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Delete team.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-team).
        DeleteTeam = "delete_team" { Safe DELETE "/website/{website_id}/team/{team_id}"
            fn delete() -> m::common::Empty }
    }
    Visitors ("website(website_id).visitors()", rate "visitors") {
        /// Count visitors.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#count-visitors).
        CountVisitors = "count_visitors" { Safe GET "/website/{website_id}/visitors/count"
            fn count() -> m::website::VisitorCount }
        /// List visitors.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-visitors).
        ListVisitors = "list_visitors" { Safe GET "/website/{website_id}/visitors/list/{page_number}"
            fn list() -> page[m::website::Visitor] }
        /// Pinpoint visitors on map.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#pinpoint-visitors-on-a-map).
        PinpointVisitorsOnMap = "pinpoint_visitors_on_map" { Safe GET "/website/{website_id}/visitors/map"
            fn map() query[m::website::VisitorsMapQuery] -> Vec<m::website::MapPoint> }
        /// Get session identifier from token.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-session-identifier-from-token).
        GetSessionIdentifierFromToken = "get_session_identifier_from_token" { Safe GET "/website/{website_id}/visitors/token/{token_id}"
            fn session_from_token(token_id: &str) -> m::website::TokenSession }
        /// Count blocked visitors.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#count-blocked-visitors/).
        CountBlockedVisitors = "count_blocked_visitors" { Safe GET "/website/{website_id}/visitors/blocked"
            fn count_blocked() -> m::website::BlockedVisitors }
        /// Count blocked visitors in rule.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#count-blocked-visitors-in-rule).
        CountBlockedVisitorsInRule = "count_blocked_visitors_in_rule" { Safe GET "/website/{website_id}/visitors/blocked/{rule}"
            fn count_blocked_in_rule(rule: &str) -> m::website::BlockedVisitors }
        // Safe: a DELETE of one resource; a repeat finds it already gone.
        /// Clear blocked visitors in rule.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#clear-blocked-visitors-in-rule).
        ClearBlockedVisitorsInRule = "clear_blocked_visitors_in_rule" { Safe DELETE "/website/{website_id}/visitors/blocked/{rule}"
            fn clear_blocked_in_rule(rule: &str) -> m::common::Empty }
    }
    Settings ("website(website_id).settings()", rate "settings") {
        /// Get website settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-website-settings).
        GetWebsiteSettings = "get_website_settings" { Safe GET "/website/{website_id}/settings"
            fn get() -> m::website::WebsiteSettings }
        /// Update website settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-website-settings).
        UpdateWebsiteSettings = "update_website_settings" { Unsafe PATCH "/website/{website_id}/settings"
            fn update() body[m::website::WebsiteSettingsUpdate] -> m::common::Empty }
        /// Get verify settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-verify-settings).
        GetVerifySettings = "get_verify_settings" { Safe GET "/website/{website_id}/verify/settings"
            fn verify_settings() -> m::website::VerifySettings }
        /// Update verify settings.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#update-verify-settings).
        UpdateVerifySettings = "update_verify_settings" { Unsafe PATCH "/website/{website_id}/verify/settings"
            fn update_verify_settings() body[m::website::VerifySettingsUpdate] -> m::common::Empty }
        /// Get verify key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-verify-key).
        GetVerifyKey = "get_verify_key" { Safe GET "/website/{website_id}/verify/key"
            fn verify_key() -> m::website::VerifyKey }
        /// Roll verify key.
        ///
        /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#roll-verify-key).
        RollVerifyKey = "roll_verify_key" { Unsafe POST "/website/{website_id}/verify/key"
            fn roll_verify_key() -> m::common::Empty }
    }
    User ("user()", rate "user") {
        /// Get user account.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        GetUserAccount = "get_user_account" { Safe GET "/user/account"
            fn account() -> m::user::UserAccount }
        /// Create user account.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        CreateUserAccount = "create_user_account" { Unsafe POST "/user/account"
            fn create_account() body[m::user::AccountCreate] -> m::website::UserRef }
        /// Get user profile.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        GetUserProfile = "get_user_profile" { Safe GET "/user/account/profile"
            fn profile() -> m::user::UserProfile }
        /// Update user profile.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        UpdateUserProfile = "update_user_profile" { Unsafe PATCH "/user/account/profile"
            fn update_profile() body[m::user::ProfileUpdate] -> m::common::Empty }
        /// Get user notification settings.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        GetUserNotificationSettings = "get_user_notification_settings" { Safe GET "/user/account/notification"
            fn notification_settings() -> m::user::NotificationSettings }
        /// Update user notification settings.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        UpdateUserNotificationSettings = "update_user_notification_settings" { Unsafe PATCH "/user/account/notification"
            fn update_notification_settings() body[m::user::NotificationSettings] -> m::common::Empty }
        /// List user websites.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        ListUserWebsites = "list_user_websites" { Safe GET "/user/account/websites"
            fn list_websites() -> Vec<m::website::Website> }
        /// Check session validity.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        CheckSessionValidity = "check_session_validity" { Safe HEAD "/user/session"
            fn check_session() -> exists }
        /// Create new session.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        CreateNewSession = "create_new_session" { Unsafe POST "/user/session/login"
            fn create_session() body[m::user::SessionLogin] -> m::user::SessionKeypair }
        /// Destroy session.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        DestroySession = "destroy_session" { Unsafe POST "/user/session/logout"
            fn destroy_session() -> m::common::Empty }
        /// Recover session.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        RecoverSession = "recover_session" { Unsafe POST "/user/session/recover"
            fn recover_session() body[m::user::SessionRecover] -> m::common::Empty }
        /// Get user availability.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        GetUserAvailability = "get_user_availability" { Safe GET "/user/availability"
            fn availability() -> m::website::OperatorAvailability }
        /// Update user availability.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        UpdateUserAvailability = "update_user_availability" { Unsafe PATCH "/user/availability"
            fn update_availability() body[m::user::AvailabilityUpdate] -> m::common::Empty }
        /// Get user availability status.
        ///
        /// Not in the official Node client 11.3.0 (legacy route known from older clients).
        GetUserAvailabilityStatus = "get_user_availability_status" { Safe GET "/user/availability/status"
            fn availability_status() -> m::website::AvailabilityStatus }
    }
}
