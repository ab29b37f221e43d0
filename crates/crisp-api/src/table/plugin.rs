//! Plugins: connect routes and subscriptions (`/plugin/connect/*`, `/plugins/subscription/*`).
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! plugin_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
