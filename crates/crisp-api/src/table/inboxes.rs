//! Inboxes.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! inboxes_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
