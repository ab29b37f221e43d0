//! Teams.
//!
//! The rows of this group of the endpoint table (see `mod.rs` for what a row says, and
//! `macros.rs` for its grammar); `table_chain!` in `mod.rs` hands them, with every other
//! group's, to one `endpoints!` expansion, in the order of `ENDPOINTS`.

macro_rules! teams_rows {
    ([$($rest:ident)*] $($acc:tt)*) => {
        table_chain! { [$($rest)*] $($acc)*
            Teams ("website(website_id).teams()", rate "teams") {
                /// List teams.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#list-teams).
                ///
                /// Same as `website.listTeams` in the Node client 11.3.0.
                ListTeams = "list_teams" { Safe GET "/website/{website_id}/teams/list/{page_number}"
                    fn list() -> page[m::website::Team] }
                /// Create new team.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#create-a-new-team).
                ///
                /// Same as `website.createNewTeam` in the Node client 11.3.0.
                CreateNewTeam = "create_new_team" { Unsafe POST "/website/{website_id}/team"
                    fn create() body[m::website::Team] -> m::website::TeamCreated }
            }
            Team ("website(website_id).team(team_id)", rate "teams") {
                /// Check team exists.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#check-if-team-exists).
                ///
                /// Same as `website.checkTeamExists` in the Node client 11.3.0.
                CheckTeamExists = "check_team_exists" { Safe HEAD "/website/{website_id}/team/{team_id}"
                    fn exists() -> exists }
                /// Get team.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#get-a-team).
                ///
                /// Same as `website.getTeam` in the Node client 11.3.0.
                GetTeam = "get_team" { Safe GET "/website/{website_id}/team/{team_id}"
                    fn get() -> m::website::Team }
                // Safe: a PUT replaces the whole document, so a second copy writes the same state.
                /// Save team.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#save-a-team).
                ///
                /// Same as `website.saveTeam` in the Node client 11.3.0.
                SaveTeam = "save_team" { Safe PUT "/website/{website_id}/team/{team_id}"
                    fn save() body[m::website::Team] -> m::common::Empty }
                // Safe: a DELETE of one resource; a repeat finds it already gone.
                /// Delete team.
                ///
                /// [Reference](https://docs.crisp.chat/references/rest-api/v1/#remove-a-team).
                ///
                /// Same as `website.deleteTeam` in the Node client 11.3.0.
                DeleteTeam = "delete_team" { Safe DELETE "/website/{website_id}/team/{team_id}"
                    fn delete() -> m::common::Empty }
            }
        }
    };
}
