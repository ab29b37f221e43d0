//! Buckets (signed upload URLs), media (animation search) and Crisp plan subscriptions.

use super::common::{JsonParam, response_struct as object};
use serde::{Deserialize, Serialize};

string_enum! {
    /// What an uploaded file is for.
    pub enum BucketNamespace {
        /// A file sent in a conversation.
        Upload => "upload",
        /// An avatar.
        Avatar => "avatar",
        /// A website asset.
        Website => "website",
        /// A campaign asset.
        Campaign => "campaign",
        /// A helpdesk asset.
        Helpdesk => "helpdesk",
        /// A status page asset.
        Status => "status",
        /// A file to process.
        Processing => "processing",
    }
}

string_enum! {
    /// Billing period of a plan.
    pub enum BillPeriod {
        /// Billed each month.
        Monthly => "monthly",
        /// Billed each year.
        Yearly => "yearly",
    }
}

wire_struct! {
    /// Body of `POST /bucket/url/generate`. The signed URL arrives later as a
    /// `bucket:url:*:generated` event, not in the response.
    #[derive(Eq)]
    pub struct BucketUrlRequest {
        /// What the file is for.
        pub namespace: BucketNamespace,
        /// Caller's id, echoed in the event.
        pub id: Option<String>,
        /// The file.
        pub file: Option<BucketFile>,
        /// What the file is attached to.
        pub resource: Option<BucketResource>,
    }
}

impl BucketUrlRequest {
    /// A URL for `file` in `namespace`.
    pub fn new(namespace: BucketNamespace, file: BucketFile) -> Self {
        Self {
            namespace,
            id: None,
            file: Some(file),
            resource: None,
        }
    }
}

/// A file to upload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketFile {
    /// File name.
    pub name: String,
    /// MIME type.
    #[serde(rename = "type")]
    pub kind: String,
}

impl BucketFile {
    /// A file `name` of MIME type `kind`.
    pub fn new(name: impl Into<String>, kind: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind: kind.into(),
        }
    }
}

/// What an upload is attached to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketResource {
    /// Resource kind (e.g. `website`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Resource id.
    pub id: String,
}

wire_struct! {
    /// Query of `GET /media/animation/list/{page}`. Results arrive as a `media:animation:listed`
    /// event.
    #[derive(Default)]
    pub struct AnimationListQuery {
        /// Caller's list id, echoed in the event.
        pub list_id: Option<String>,
        /// The search, sent as a JSON string (`{"text":"…"}`).
        pub search_query: Option<JsonParam<AnimationSearch>>,
    }
}

impl AnimationListQuery {
    /// Animations matching `text`.
    pub fn search(text: impl Into<String>) -> Self {
        Self {
            list_id: None,
            search_query: Some(JsonParam(AnimationSearch { text: text.into() })),
        }
    }
}

/// Search terms for animations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnimationSearch {
    /// Text to search.
    pub text: String,
}

object! {
    /// A Crisp plan subscription of a website.
    pub struct PlanSubscription {
        /// Plan id.
        pub id: Option<String>,
        /// Plan name.
        pub name: Option<String>,
        /// Price.
        pub price: Option<f64>,
        /// Subscribed since (date string).
        pub since: Option<String>,
        /// Whether it is a trial.
        pub trialing: Option<bool>,
        /// Trial end.
        pub trial_end: Option<String>,
        /// Trial end date.
        pub trial_end_date: Option<String>,
        /// Billing period.
        pub bill_period: Option<BillPeriod>,
        /// Paid until.
        pub bill_valid_until: Option<String>,
        /// Whether it is active.
        pub active: Option<bool>,
        /// Whether it is a sandbox.
        pub sandbox: Option<bool>,
        /// The website.
        pub website: Option<PlanWebsite>,
        /// Whether a coupon was used.
        pub coupon_redeemed: Option<bool>,
        /// Card paying for it.
        pub card_id: Option<String>,
        /// Who owns it.
        pub owner: Option<PlanOwner>,
    }

    /// Website of a plan subscription.
    pub struct PlanWebsite {
        /// Website id.
        pub id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Domain.
        pub domain: Option<String>,
        /// Logo URL.
        pub logo: Option<String>,
    }

    /// Owner of a plan subscription.
    pub struct PlanOwner {
        /// User id.
        pub user_id: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// First name.
        pub first_name: Option<String>,
        /// Last name.
        pub last_name: Option<String>,
    }

    /// A coupon and what it grants.
    pub struct PlanCoupon {
        /// Coupon code.
        pub code: Option<String>,
        /// What it grants.
        pub policy: Option<CouponPolicy>,
        /// How many times it can be used.
        pub redeem_limit: Option<u64>,
        /// Expiry (date string).
        pub expire_at: Option<String>,
    }

    /// What a coupon grants.
    pub struct CouponPolicy {
        /// Discount, in percent.
        pub rebate_percent: Option<f64>,
        /// Extra trial days.
        pub trial_days: Option<u64>,
    }
}

/// Body of `POST /plans/subscription/{website_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSubscribe {
    /// Plan to subscribe to.
    pub plan_id: String,
}

impl PlanSubscribe {
    /// Subscribes to `plan_id`.
    pub fn new(plan_id: impl Into<String>) -> Self {
        Self {
            plan_id: plan_id.into(),
        }
    }
}

/// Body of `PATCH …/bill/period`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillPeriodChange {
    /// New period.
    pub period: BillPeriod,
}

impl BillPeriodChange {
    /// Switches to `period`.
    pub fn new(period: BillPeriod) -> Self {
        Self { period }
    }
}

/// A coupon code: the query of the coupon check and the body of its redemption.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponCode {
    /// Coupon code.
    pub code: String,
}

impl CouponCode {
    /// The coupon `code`.
    pub fn new(code: impl Into<String>) -> Self {
        Self { code: code.into() }
    }
}
