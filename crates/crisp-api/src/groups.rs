//! The group handles: one per resource of the API, each holding the ids of its path prefix.
//!
//! Handles are cheap (a client clone and a few strings) and only build [`crate::Call`]s; their
//! endpoint methods are generated from the endpoint table in `table/`.

use crate::client::CrispClient;

macro_rules! group {
    ($(
        $(#[$meta:meta])*
        $name:ident;
    )*) => {$(
        $(#[$meta])*
        #[derive(Clone)]
        pub struct $name {
            pub(crate) client: CrispClient,
            pub(crate) ids: Vec<String>,
        }

        impl $name {
            pub(crate) fn new(client: CrispClient, ids: Vec<String>) -> $name {
                $name { client, ids }
            }

            #[allow(dead_code)]
            fn child<T>(&self, make: fn(CrispClient, Vec<String>) -> T, id: Option<String>) -> T {
                let mut ids = Vec::with_capacity(self.ids.len() + 2);
                ids.extend(self.ids.iter().cloned());
                ids.extend(id);
                make(self.client.clone(), ids)
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($name)).field("ids", &self.ids).finish_non_exhaustive()
            }
        }
    )*};
}

group! {
    /// `/website/{website_id}`: the website itself, and every per-website resource below it.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let website = client.website("website-1");
    /// let req = website.get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/website-1");
    /// let req = website.conversations().list().page(2).to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/website-1/conversations/2");
    /// ```
    Website;
    /// `/website` (no id): check that a domain has a website, create one (user tier).
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_model::crisp::website::WebsiteExistsQuery;
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::User));
    /// let query = WebsiteExistsQuery { domain: "example.com".into(), ..Default::default() };
    /// let req = client.websites().exists(query).to_request().unwrap();
    /// assert_eq!(req.method(), "HEAD");
    /// assert_eq!(req.uri().query(), Some("domain=example.com"));
    /// ```
    Websites;
    /// `/website/{website_id}/conversations/*`: lists, search, suggestions and spam.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").conversations().list().per_page(50).filter_unread(true)
    ///     .to_request().unwrap();
    /// assert_eq!(req.uri().path_and_query().unwrap(), "/v1/website/w/conversations/1?per_page=50&filter_unread=1");
    /// ```
    Conversations;
    /// `/website/{website_id}/conversation/{session_id}`: one conversation, its messages,
    /// state, metas, routing, calls and widgets.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_model::crisp::message::{MessageContent, MessageSend};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let message = MessageSend::operator(MessageContent::text("Hello!"));
    /// let req = client.website("w").conversation("session_1").send_message(message).to_request().unwrap();
    /// assert_eq!(req.method(), "POST");
    /// assert_eq!(req.uri().path(), "/v1/website/w/conversation/session_1/message");
    /// ```
    Conversation;
    /// `/website/{website_id}/people/*`: profiles collection, statistics, suggestions, import
    /// and export.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").people().list_profiles().search_text("jane").to_request().unwrap();
    /// assert_eq!(req.uri().path_and_query().unwrap(), "/v1/website/w/people/profiles/1?search_text=jane");
    /// ```
    People;
    /// `/website/{website_id}/people/…/{people_id}`: one contact (people id or email).
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// // Ids are percent-encoded: an email cannot change the route.
    /// let req = client.website("w").person("jane/doe@example.com").get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/people/profile/jane%2Fdoe%40example.com");
    /// ```
    Person;
    /// `/website/{website_id}/campaigns/*` and `/campaign`: lists, tags, templates, creation.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").campaigns().list().page(3).to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/campaigns/list/3");
    /// ```
    Campaigns;
    /// `/website/{website_id}/campaign/{campaign_id}`: one campaign.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").campaign("c1").dispatch().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/campaign/c1/dispatch");
    /// ```
    Campaign;
    /// `/website/{website_id}/campaigns/template/{template_id}`: one campaign template.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").campaign_template("t1").get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/campaigns/template/t1");
    /// ```
    CampaignTemplate;
    /// `/website/{website_id}/helpdesk/*`: the knowledge base, its locales, settings, domain,
    /// redirections and history.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").helpdesk().list_locales().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/helpdesk/locales/1");
    /// ```
    Helpdesk;
    /// One Helpdesk locale (`{locale}`), with the legacy article/category/section routes.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").helpdesk().locale("en").get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/helpdesk/locale/en");
    /// ```
    HelpdeskLocale;
    /// The content of one Helpdesk locale and content type (`{locale}/{content_type}`): pages,
    /// the tree (`{path}` spans several segments), feedback, import, export.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let articles = client.website("w").helpdesk().locale("en").content("articles");
    /// let req = articles.tree_content("guides/getting started").to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/helpdesk/tree/content/en/articles/guides/getting%20started");
    /// ```
    HelpdeskContent;
    /// A legacy Helpdesk article (`/helpdesk/locale/{locale}/article/{article_id}`).
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").helpdesk().locale("en").article("a1").publish().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/helpdesk/locale/en/article/a1/publish");
    /// ```
    HelpdeskArticle;
    /// A legacy Helpdesk category (`/helpdesk/locale/{locale}/category/{category_id}`) and its
    /// sections.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").helpdesk().locale("en").category("c1").section("s1").to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/helpdesk/locale/en/category/c1/section/s1");
    /// ```
    HelpdeskCategory;
    /// `/website/{website_id}/inboxes/*` and `/inbox`: list, order, create.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").inboxes().list().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/inboxes/list/1");
    /// ```
    Inboxes;
    /// `/website/{website_id}/inbox/{inbox_id}`: one inbox.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").inbox("i1").exists().to_request().unwrap();
    /// assert_eq!(req.method(), "HEAD");
    /// ```
    Inbox;
    /// `/website/{website_id}/operators/*` and `/operator`: list, last active, invite, email.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").operators().list().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/operators/list");
    /// ```
    Operators;
    /// `/website/{website_id}/operator/{user_id}`: one operator.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").operator("u1").get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/operator/u1");
    /// ```
    Operator;
    /// `/website/{website_id}/teams/*` and `/team`: list and create teams.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").teams().list().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/teams/list/1");
    /// ```
    Teams;
    /// `/website/{website_id}/team/{team_id}`: one team.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").team("t1").delete().to_request().unwrap();
    /// assert_eq!(req.method(), "DELETE");
    /// ```
    Team;
    /// `/website/{website_id}/visitors/*`: live visitors, map, blocked visitors.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").visitors().count().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/visitors/count");
    /// ```
    Visitors;
    /// `/website/{website_id}/batch/*`: operations on many conversations or profiles at once.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_model::crisp::website::BatchConversations;
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let body = BatchConversations { sessions: Some(vec!["session_1".into()]), ..Default::default() };
    /// let req = client.website("w").batch().resolve_conversations(body).to_request().unwrap();
    /// assert_eq!(req.method(), "PATCH");
    /// ```
    Batch;
    /// `/website/{website_id}/settings` and `/verify/*`: website settings and identity
    /// verification.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.website("w").settings().get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/website/w/settings");
    /// ```
    Settings;
    /// `/plugin/connect/*` and `/plugins/subscription` (no website): the plugin's own account,
    /// the websites it is installed on, its subscriptions.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.plugin().list_connect_websites().filter_configured(true).to_request().unwrap();
    /// assert_eq!(req.uri().path_and_query().unwrap(), "/v1/plugin/connect/websites/all/1?filter_configured=1");
    /// ```
    Plugin;
    /// `/plugins/subscription/{website_id}`: the plugins installed on one website.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.plugin().website("w").list_subscriptions().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/plugins/subscription/w");
    /// ```
    PluginWebsite;
    /// `/plugins/subscription/{website_id}/{plugin_id}`: one plugin on one website: settings,
    /// usage billing, channel and events.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.plugin().website("w").subscription("p1").settings().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/plugins/subscription/w/p1/settings");
    /// ```
    PluginSubscription;
    /// `/plans/subscription`: billing plans of the user's websites (user tier).
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::User));
    /// let req = client.plan().website("w").get().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/plans/subscription/w");
    /// ```
    Plan;
    /// `/plans/subscription/{website_id}`: one website's plan.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::User));
    /// let req = client.plan().website("w").unsubscribe().to_request().unwrap();
    /// assert_eq!(req.method(), "DELETE");
    /// ```
    PlanWebsite;
    /// `/bucket/url/generate`: signed upload URLs (the URL arrives as a `bucket:url:*` event).
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_model::crisp::misc::BucketUrlRequest;
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let body: BucketUrlRequest = serde_json::from_str(
    ///     r#"{"namespace":"upload","file":{"name":"a.png","type":"image/png"}}"#).unwrap();
    /// let req = client.bucket().generate_url(body).to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/bucket/url/generate");
    /// ```
    Bucket;
    /// `/media/animation/list`: GIF search (results arrive as a `media:animation:listed` event).
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::Plugin));
    /// let req = client.media().list_animations(1).to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/media/animation/list/1");
    /// ```
    Media;
    /// `/user/*`: legacy user-tier routes (account, session, availability), known from the
    /// older PHP and Go clients only.
    ///
    /// ```
    /// # use chatdesk_crisp_api::{CrispClient, Credentials, Tier};
    /// use chatdesk_transport::Endpoint;
    /// # let client = CrispClient::new(Credentials::new("id", "key", Tier::User));
    /// let req = client.user().account().to_request().unwrap();
    /// assert_eq!(req.uri().path(), "/v1/user/account");
    /// ```
    User;
}

impl Website {
    /// Conversation lists and searches.
    pub fn conversations(&self) -> Conversations {
        self.child(Conversations::new, None)
    }
    /// One conversation, by session id.
    pub fn conversation(&self, session_id: impl Into<String>) -> Conversation {
        self.child(Conversation::new, Some(session_id.into()))
    }
    /// The people (contacts) collection.
    pub fn people(&self) -> People {
        self.child(People::new, None)
    }
    /// One contact, by people id (or email where the API accepts it).
    pub fn person(&self, people_id: impl Into<String>) -> Person {
        self.child(Person::new, Some(people_id.into()))
    }
    /// Campaign lists, tags and templates.
    pub fn campaigns(&self) -> Campaigns {
        self.child(Campaigns::new, None)
    }
    /// One campaign.
    pub fn campaign(&self, campaign_id: impl Into<String>) -> Campaign {
        self.child(Campaign::new, Some(campaign_id.into()))
    }
    /// One campaign template.
    pub fn campaign_template(&self, template_id: impl Into<String>) -> CampaignTemplate {
        self.child(CampaignTemplate::new, Some(template_id.into()))
    }
    /// The knowledge base.
    pub fn helpdesk(&self) -> Helpdesk {
        self.child(Helpdesk::new, None)
    }
    /// Inbox list and creation.
    pub fn inboxes(&self) -> Inboxes {
        self.child(Inboxes::new, None)
    }
    /// One inbox.
    pub fn inbox(&self, inbox_id: impl Into<String>) -> Inbox {
        self.child(Inbox::new, Some(inbox_id.into()))
    }
    /// Operator list, invitations and emails.
    pub fn operators(&self) -> Operators {
        self.child(Operators::new, None)
    }
    /// One operator, by user id.
    pub fn operator(&self, user_id: impl Into<String>) -> Operator {
        self.child(Operator::new, Some(user_id.into()))
    }
    /// Team list and creation.
    pub fn teams(&self) -> Teams {
        self.child(Teams::new, None)
    }
    /// One team.
    pub fn team(&self, team_id: impl Into<String>) -> Team {
        self.child(Team::new, Some(team_id.into()))
    }
    /// Live visitors.
    pub fn visitors(&self) -> Visitors {
        self.child(Visitors::new, None)
    }
    /// Batch operations.
    pub fn batch(&self) -> Batch {
        self.child(Batch::new, None)
    }
    /// Settings and identity verification.
    pub fn settings(&self) -> Settings {
        self.child(Settings::new, None)
    }
}

impl Helpdesk {
    /// One locale of the knowledge base (e.g. `en`).
    pub fn locale(&self, locale: impl Into<String>) -> HelpdeskLocale {
        self.child(HelpdeskLocale::new, Some(locale.into()))
    }
}

impl HelpdeskLocale {
    /// The content of this locale of one type: `articles`, `guides`, `references` or `news`.
    pub fn content(&self, content_type: impl Into<String>) -> HelpdeskContent {
        self.child(HelpdeskContent::new, Some(content_type.into()))
    }
    /// A legacy article of this locale.
    pub fn article(&self, article_id: impl Into<String>) -> HelpdeskArticle {
        self.child(HelpdeskArticle::new, Some(article_id.into()))
    }
    /// A legacy category of this locale.
    pub fn category(&self, category_id: impl Into<String>) -> HelpdeskCategory {
        self.child(HelpdeskCategory::new, Some(category_id.into()))
    }
}

impl Plugin {
    /// The subscriptions of one website.
    pub fn website(&self, website_id: impl Into<String>) -> PluginWebsite {
        self.child(PluginWebsite::new, Some(website_id.into()))
    }
}

impl PluginWebsite {
    /// One plugin installed on this website.
    pub fn subscription(&self, plugin_id: impl Into<String>) -> PluginSubscription {
        self.child(PluginSubscription::new, Some(plugin_id.into()))
    }
}

impl Plan {
    /// The plan of one website.
    pub fn website(&self, website_id: impl Into<String>) -> PlanWebsite {
        self.child(PlanWebsite::new, Some(website_id.into()))
    }
}
