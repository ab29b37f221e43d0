//! Campaigns and campaign templates.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! campaigns_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
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
        }
    };
}
