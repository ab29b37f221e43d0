//! Conversations: the lists, and one conversation with its messages, state, metas and routing.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! conversations_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
                ///
                /// One batch of at most [`MESSAGE_BATCH`](crate::MESSAGE_BATCH) (20) messages,
                /// **oldest first**: the latest batch, or the one before
                /// [`timestamp_before`](crate::Call::timestamp_before). The answer's status is in
                /// [`Page::has_more`](chatdesk_transport::Page::has_more): `Some(true)` for 206
                /// (older messages exist), `Some(false)` for 200 (none do).
                /// [`.stream()`](crate::Call::stream) walks the whole history **newest first**,
                /// stopping after the 200 batch, so `N` messages cost `ceil(N / 20)` requests; its
                /// position (cursor [`MessageCursor`](crate::MessageCursor)) is serialisable and
                /// [`.stream_from(position)`](crate::Call::stream_from) resumes it (see the
                /// [`List`](chatdesk_transport::List) impl of this op for shared timestamps).
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
        }
    };
}
