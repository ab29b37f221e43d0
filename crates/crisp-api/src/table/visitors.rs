//! Visitors: the live list, map and blocking.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! visitors_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
