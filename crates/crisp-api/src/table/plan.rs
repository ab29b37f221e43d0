//! Plans: billing subscriptions (`/plans/subscription/*`).
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! plan_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
