//! Helpdesk (knowledge base): the current tree-based API (Node 11) and the legacy
//! article/category/section routes that non-migrated workspaces still serve (Go, Node ≤ 10).

use super::common::{Geolocation, response_struct as object};
use super::website::UserRef;
use serde::{Deserialize, Serialize};

string_enum! {
    /// Kind of knowledge-base content (the `{content_type}` path segment).
    pub enum ContentType {
        /// How-to articles.
        Articles => "articles",
        /// Step-by-step guides.
        Guides => "guides",
        /// Reference pages.
        References => "references",
        /// News posts.
        News => "news",
    }
}

object! {
    /// The helpdesk of a website.
    pub struct Helpdesk {
        /// Name.
        pub name: Option<String>,
        /// Public URL.
        pub url: Option<String>,
    }

    /// A helpdesk locale.
    pub struct HelpdeskLocale {
        /// Locale id.
        pub locale_id: Option<String>,
        /// Locale code.
        pub locale: Option<String>,
        /// Public URL of this locale.
        pub url: Option<String>,
        /// Entry counts per content type (current API).
        pub statistics: Option<LocaleStatistics>,
        /// Article count (legacy API).
        pub articles: Option<u64>,
        /// Category count (legacy API).
        pub categories: Option<u64>,
    }

    /// Entry counts of a locale per content type.
    pub struct LocaleStatistics {
        /// Articles.
        pub articles: Option<ContentStatistics>,
        /// Guides.
        pub guides: Option<ContentStatistics>,
        /// References.
        pub references: Option<ContentStatistics>,
        /// News.
        pub news: Option<ContentStatistics>,
    }

    /// Entry counts of one content type.
    pub struct ContentStatistics {
        /// Pages.
        pub entries: Option<u64>,
        /// Folders.
        pub groups: Option<u64>,
    }

    /// A published page.
    pub struct HelpdeskPage {
        /// Entity id.
        pub entity_id: Option<String>,
        /// Title.
        pub title: Option<String>,
        /// Path in the tree.
        pub tree_path: Option<String>,
        /// Public URL.
        pub url: Option<String>,
    }

    /// A node of the content tree: a page or a folder with children.
    pub struct TreeEntry {
        /// `page` or `folder` style kind.
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Path segment.
        pub slug: Option<String>,
        /// Title.
        pub title: Option<String>,
        /// Publication state.
        pub state: Option<TreeState>,
        /// Child entries.
        pub children: Option<Vec<TreeEntry>>,
    }

    /// Publication state of a tree entry.
    pub struct TreeState {
        /// Published.
        pub published: Option<bool>,
        /// Hidden from listings.
        pub hidden: Option<bool>,
        /// Featured.
        pub featured: Option<bool>,
    }

    /// Markdown content of a tree entry.
    pub struct TreeContent {
        /// The content.
        pub content: Option<String>,
    }

    /// Metadata of a tree entry. Also the body of its update (PATCH).
    pub struct TreeMetadata {
        /// Content format.
        pub format: Option<String>,
        /// Title.
        pub title: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Publication state.
        pub state: Option<TreeState>,
        /// Author.
        pub author: Option<UserRef>,
        /// Colour.
        pub color: Option<String>,
        /// Image URL.
        pub image: Option<String>,
    }

    /// Title and public URL of a page.
    pub struct PageLink {
        /// Title.
        pub title: Option<String>,
        /// Public URL.
        pub url: Option<String>,
    }

    /// One change in the helpdesk history.
    pub struct HistoryChange {
        /// Change id.
        pub change_id: Option<String>,
        /// Change message.
        pub message: Option<String>,
        /// Who made it.
        pub author: Option<HistoryAuthor>,
        /// Line counts.
        pub edits: Option<HistoryEdits>,
        /// When, in milliseconds.
        pub created_at: Option<i64>,
        /// Files touched.
        pub files: Option<Vec<HistoryFile>>,
    }

    /// Author of a change.
    pub struct HistoryAuthor {
        /// E-mail.
        pub email: Option<String>,
        /// Name.
        pub name: Option<String>,
    }

    /// Line counts of a change.
    pub struct HistoryEdits {
        /// Lines added.
        pub insertions: Option<u64>,
        /// Lines removed.
        pub deletions: Option<u64>,
    }

    /// One file in a change.
    pub struct HistoryFile {
        /// Kind of change to the file.
        pub change: Option<String>,
        /// Tree path.
        pub path: Option<String>,
        /// Metadata after the change.
        pub metadata: Option<TreeMetadata>,
        /// Content after the change.
        pub content: Option<String>,
    }

    /// Feedback ratings of a locale.
    pub struct FeedbackRatings {
        /// Counts.
        pub ratings: Option<FeedbackCounts>,
    }

    /// Helpful / unhelpful counts.
    pub struct FeedbackCounts {
        /// Helpful votes.
        pub helpful: Option<u64>,
        /// Unhelpful votes.
        pub unhelpful: Option<u64>,
    }

    /// One piece of reader feedback.
    pub struct FeedbackItem {
        /// Rating given.
        pub rating: Option<String>,
        /// Comment left.
        pub comment: Option<String>,
        /// Article rated.
        pub article: Option<FeedbackArticle>,
        /// Reader's session.
        pub session: Option<FeedbackSession>,
        /// When, in milliseconds.
        pub created_at: Option<i64>,
    }

    /// Article a feedback is about.
    pub struct FeedbackArticle {
        /// Article id.
        pub article_id: Option<String>,
        /// Title.
        pub title: Option<String>,
        /// Public URL.
        pub url: Option<String>,
    }

    /// Session of the reader who left feedback.
    pub struct FeedbackSession {
        /// Session id.
        pub session_id: Option<String>,
        /// Display name.
        pub nickname: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Location.
        pub geolocation: Option<Geolocation>,
        /// Assigned operator.
        pub assigned: Option<UserRef>,
    }

    /// A URL redirection of the helpdesk.
    pub struct Redirection {
        /// Redirection id.
        pub redirection_id: Option<String>,
        /// Old path.
        pub path: Option<String>,
        /// Target URL.
        pub target: Option<String>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
    }

    /// Result of adding a redirection.
    pub struct RedirectionCreated {
        /// New redirection id.
        pub redirection_id: Option<String>,
    }

    /// Helpdesk settings. Also the body of their update (PATCH).
    pub struct HelpdeskSettings {
        /// Name.
        pub name: Option<String>,
        /// Look.
        pub appearance: Option<SettingsAppearance>,
        /// Languages.
        pub localization: Option<SettingsLocalization>,
        /// Section titles per content type.
        pub section: Option<SettingsSection>,
        /// Behaviour flags.
        pub behavior: Option<SettingsBehavior>,
        /// Extra services.
        pub service: Option<SettingsService>,
        /// Custom code.
        pub include: Option<SettingsInclude>,
        /// Access restriction.
        pub access: Option<SettingsAccess>,
    }

    /// Helpdesk look.
    pub struct SettingsAppearance {
        /// Colour mode.
        pub color: Option<SettingsColor>,
        /// Logos.
        pub logos: Option<SettingsLogos>,
        /// Banner URL.
        pub banner: Option<String>,
    }

    /// Helpdesk colour mode.
    pub struct SettingsColor {
        /// Mode (`light`, `dark`, …).
        pub mode: Option<String>,
        /// Whether readers can switch.
        pub mode_changeable: Option<bool>,
    }

    /// Helpdesk logos.
    pub struct SettingsLogos {
        /// Favicon URL.
        pub favicon: Option<String>,
        /// Header logo URL.
        pub header: Option<String>,
        /// Footer logo URL.
        pub footer: Option<String>,
    }

    /// Helpdesk languages.
    pub struct SettingsLocalization {
        /// Locale content is written in.
        pub writing_locale: Option<String>,
        /// Translate automatically.
        pub translated_automatic: Option<bool>,
        /// Make translations read-only.
        pub translated_locales_readonly: Option<bool>,
    }

    /// Section titles per content type.
    pub struct SettingsSection {
        /// Articles title.
        pub articles: Option<String>,
        /// Guides title.
        pub guides: Option<String>,
        /// References title.
        pub references: Option<String>,
        /// News title.
        pub news: Option<String>,
    }

    /// Helpdesk behaviour flags.
    pub struct SettingsBehavior {
        /// Show frequently read pages.
        pub frequently_read: Option<bool>,
        /// Show category images.
        pub show_category_images: Option<bool>,
        /// Show the chatbox.
        pub show_chatbox: Option<bool>,
        /// Ask readers for feedback.
        pub ask_feedback: Option<bool>,
        /// Let readers report mistakes.
        pub report_incorrect: Option<bool>,
        /// Serve Markdown to machines.
        pub serve_markdown: Option<bool>,
        /// Show the agent chat bar.
        pub agent_chat_bar: Option<bool>,
        /// Show the agent copy button.
        pub agent_copy_button: Option<bool>,
        /// Show a table of contents.
        pub table_of_contents: Option<bool>,
        /// Show the locale picker.
        pub locale_picker: Option<bool>,
        /// Show the referral link.
        pub refer_link: Option<bool>,
        /// Ask search engines not to index.
        pub forbid_indexing: Option<bool>,
        /// Warn when the status page reports an outage.
        pub status_health_dead: Option<bool>,
    }

    /// Extra helpdesk services.
    pub struct SettingsService {
        /// Expose an MCP server.
        pub mcp_server: Option<bool>,
    }

    /// Custom code injected in pages.
    pub struct SettingsInclude {
        /// HTML snippet.
        pub html: Option<String>,
    }

    /// Helpdesk access restriction.
    pub struct SettingsAccess {
        /// Restriction mode.
        pub restrict_mode: Option<String>,
        /// Shared password.
        pub password: Option<String>,
        /// JWT secret.
        pub jwt_secret: Option<String>,
    }

    /// Helpdesk domains.
    pub struct HelpdeskDomain {
        /// Root domain.
        pub root: Option<String>,
        /// Basic (sub-domain) name.
        pub basic: Option<String>,
        /// Custom domain.
        pub custom: Option<String>,
        /// Whether the custom domain is verified.
        pub verified: Option<bool>,
    }

    /// DNS setup for a custom helpdesk domain.
    pub struct DomainSetupFlow {
        /// Custom domain.
        pub custom: Option<String>,
        /// Records to create.
        pub setup: Option<DomainSetup>,
    }

    /// DNS records to create.
    pub struct DomainSetup {
        /// Records.
        pub records: Option<Vec<DnsRecord>>,
    }

    /// One DNS record.
    pub struct DnsRecord {
        /// Record type (`CNAME`, `TXT`, …).
        #[serde(rename = "type")]
        pub kind: Option<String>,
        /// Query name.
        pub query: Option<String>,
        /// Record name.
        pub name: Option<String>,
        /// Record value.
        pub value: Option<String>,
    }

    // Legacy routes (`/helpdesk/locale/{locale}/…`).

    /// A legacy helpdesk article. Also the body of save (PUT) and update (PATCH).
    pub struct LocaleArticle {
        /// Article id.
        pub article_id: Option<String>,
        /// Title.
        pub title: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Markdown content.
        pub content: Option<String>,
        /// Publication status.
        pub status: Option<String>,
        /// Visibility.
        pub visibility: Option<String>,
        /// Featured.
        pub featured: Option<bool>,
        /// Views.
        pub visits: Option<u64>,
        /// Position.
        pub order: Option<i64>,
        /// Public URL.
        pub url: Option<String>,
        /// Category (list excerpts).
        pub category: Option<LocaleCategory>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
        /// Publication time, in milliseconds.
        pub published_at: Option<i64>,
    }

    /// Result of adding an article.
    pub struct ArticleCreated {
        /// New article id.
        pub article_id: Option<String>,
    }

    /// Category and section an article belongs to.
    pub struct ArticleCategory {
        /// Category id.
        pub category_id: Option<String>,
        /// Section id.
        pub section_id: Option<String>,
    }

    /// An article linked as the translation of another.
    pub struct ArticleAlternate {
        /// Locale of the translation.
        pub locale: Option<String>,
        /// Article id in that locale.
        pub article_id: Option<String>,
    }

    /// Result of publishing an article.
    pub struct ArticlePublished {
        /// Public URL.
        pub url: Option<String>,
    }

    /// A legacy category. Also the body of save and update.
    pub struct LocaleCategory {
        /// Category id.
        pub category_id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Colour.
        pub color: Option<String>,
        /// Image URL.
        pub image: Option<String>,
        /// Position.
        pub order: Option<i64>,
        /// Public URL.
        pub url: Option<String>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
    }

    /// Result of adding a category.
    pub struct CategoryCreated {
        /// New category id.
        pub category_id: Option<String>,
    }

    /// A legacy section of a category. Also the body of save and update.
    pub struct LocaleSection {
        /// Section id.
        pub section_id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Position.
        pub order: Option<i64>,
        /// Creation time, in milliseconds.
        pub created_at: Option<i64>,
        /// Last update, in milliseconds.
        pub updated_at: Option<i64>,
    }

    /// Result of adding a section.
    pub struct SectionCreated {
        /// New section id.
        pub section_id: Option<String>,
    }
}

/// Body of `POST …/helpdesk` (initialise).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskInit {
    /// Name.
    pub name: String,
    /// Sub-domain name.
    pub domain_basic: String,
}

impl HelpdeskInit {
    /// A helpdesk called `name` on sub-domain `domain_basic`.
    pub fn new(name: impl Into<String>, domain_basic: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            domain_basic: domain_basic.into(),
        }
    }
}

/// Body of `POST …/helpdesk/locale`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocaleNew {
    /// Locale code.
    pub locale: String,
}

impl LocaleNew {
    /// Adds `locale`.
    pub fn new(locale: impl Into<String>) -> Self {
        Self {
            locale: locale.into(),
        }
    }
}

wire_struct! {
    /// Query of `GET …/helpdesk/tree/list/…`.
    #[derive(Default, Eq)]
    pub struct TreeListQuery {
        /// Only below this path.
        pub sub_path: Option<String>,
        /// Title contains.
        pub search_title: Option<String>,
        /// Changed after, ISO-8601.
        pub filter_date_start: Option<String>,
        /// Changed before, ISO-8601.
        pub filter_date_end: Option<String>,
    }
}

wire_struct! {
    /// Body of `PATCH …/helpdesk/tree/path/…` (move or reorder).
    #[derive(Default, Eq)]
    pub struct TreePathUpdate {
        /// What to do (e.g. `move`, `position`).
        pub action: String,
        /// Destination, for a move.
        pub path: Option<TreePathTarget>,
        /// New position, for a reorder.
        pub position: Option<i64>,
    }
}

impl TreePathUpdate {
    /// An update doing `action`.
    pub fn new(action: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            ..Self::default()
        }
    }
}

/// Destination of a tree move.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreePathTarget {
    /// New tree path.
    pub to: String,
}

/// Body of `PUT …/helpdesk/tree/content/…`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeContentSave {
    /// Markdown content.
    pub content: String,
}

impl TreeContentSave {
    /// Saves `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
        }
    }
}

wire_struct! {
    /// Query of `GET …/helpdesk/history/changes/{page}`.
    #[derive(Default, Eq)]
    pub struct HistoryQuery {
        /// Only this locale.
        pub filter_locale: Option<String>,
        /// Only this change type.
        pub filter_type: Option<String>,
        /// Only this tree path.
        pub filter_tree_path: Option<String>,
    }
}

/// Body of `DELETE …/helpdesk/history/change/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryCancel {
    /// How to cancel (e.g. `revert`).
    pub action: String,
}

impl HistoryCancel {
    /// Cancels with `action`.
    pub fn new(action: impl Into<String>) -> Self {
        Self {
            action: action.into(),
        }
    }
}

wire_struct! {
    /// Date window of the feedback routes.
    #[derive(Default, Eq)]
    pub struct DateRangeQuery {
        /// Start, ISO-8601.
        pub filter_date_start: Option<String>,
        /// End, ISO-8601.
        pub filter_date_end: Option<String>,
    }
}

wire_struct! {
    /// Body of the helpdesk import routes. The legacy route only reads `helpdesk_url`.
    #[derive(Default, Eq)]
    pub struct ExternalImport {
        /// URL of the helpdesk to import.
        pub helpdesk_url: String,
        /// Detect the source locales.
        pub detect_locales: Option<bool>,
        /// Other locales to import.
        pub other_locales: Option<Vec<String>>,
    }
}

impl ExternalImport {
    /// Imports from `helpdesk_url`.
    pub fn new(helpdesk_url: impl Into<String>) -> Self {
        Self {
            helpdesk_url: helpdesk_url.into(),
            ..Self::default()
        }
    }
}

/// Body of `POST …/helpdesk/redirection`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedirectionNew {
    /// Old path.
    pub path: String,
    /// Target URL.
    pub target: String,
}

impl RedirectionNew {
    /// Redirects `path` to `target`.
    pub fn new(path: impl Into<String>, target: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            target: target.into(),
        }
    }
}

wire_struct! {
    /// Body of `PATCH …/helpdesk/domain`.
    #[derive(Default, Eq)]
    pub struct DomainChange {
        /// New sub-domain name.
        pub basic: Option<String>,
        /// New custom domain.
        pub custom: Option<String>,
    }
}

wire_struct! {
    /// Query of `GET …/helpdesk/domain/setup`.
    ///
    /// `custom` is optional on the wire: Node's `generateHelpdeskDomainSetupFlow` sends no query
    /// without it, and so does `DomainSetupQuery::default()`.
    #[derive(Default, Eq)]
    pub struct DomainSetupQuery {
        /// Custom domain to set up (absent: none sent).
        pub custom: Option<String>,
    }
}

impl DomainSetupQuery {
    /// Setup for `custom`.
    pub fn new(custom: impl Into<String>) -> Self {
        Self {
            custom: Some(custom.into()),
        }
    }
}

/// Body of the legacy `POST …/article` (add).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleNew {
    /// Title.
    pub title: String,
}

impl ArticleNew {
    /// An article titled `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
        }
    }
}

wire_struct! {
    /// Body of the legacy `PATCH …/article/{id}/category`.
    #[derive(Default, Eq)]
    pub struct ArticleCategoryUpdate {
        /// Category id.
        pub category_id: String,
        /// Section id.
        pub section_id: Option<String>,
    }
}

impl ArticleCategoryUpdate {
    /// Moves the article to `category_id`.
    pub fn new(category_id: impl Into<String>) -> Self {
        Self {
            category_id: category_id.into(),
            section_id: None,
        }
    }
}

/// Body of the legacy `PUT …/article/{id}/alternate/{locale}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlternateSave {
    /// Article id in the linked locale.
    pub article_id: String,
}

impl AlternateSave {
    /// Links to `article_id`.
    pub fn new(article_id: impl Into<String>) -> Self {
        Self {
            article_id: article_id.into(),
        }
    }
}

/// Body of the legacy category and section add routes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedNew {
    /// Name.
    pub name: String,
}

impl NamedNew {
    /// Named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}
