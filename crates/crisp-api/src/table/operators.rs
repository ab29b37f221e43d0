//! Operators.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! operators_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
