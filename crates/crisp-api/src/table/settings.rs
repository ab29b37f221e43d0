//! Website settings (verify, availability, …).
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! settings_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
