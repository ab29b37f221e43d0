//! Legacy user-tier routes (`/user/*`).
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! user_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
    };
}
