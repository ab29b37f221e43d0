//! Wire types of the Crisp groups outside conversations and people ("part 2"): fixtures decode,
//! every field of a fixture is known, request bodies match what the official Node client sends,
//! tolerance to empty and unknown input, and random JSON never panics a decoder.
#![cfg(feature = "crisp")]

use chatdesk_model::crisp::{campaign, common, helpdesk, misc, plugin, user, website};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::BTreeSet;

const MAP_TSV: &str = include_str!("../../../docs/api/crisp-types-map-part2.tsv");

const FIXTURES: [&str; 6] = [
    include_str!("fixtures/crisp/p2_website.json"),
    include_str!("fixtures/crisp/p2_campaign.json"),
    include_str!("fixtures/crisp/p2_helpdesk.json"),
    include_str!("fixtures/crisp/p2_plugin.json"),
    include_str!("fixtures/crisp/p2_user.json"),
    include_str!("fixtures/crisp/p2_misc.json"),
];

/// Decodes `v` as `T` and serializes it back.
type Decoder = fn(&Value) -> Result<Value, serde_json::Error>;

fn decode<T: DeserializeOwned + Serialize>(v: &Value) -> Result<Value, serde_json::Error> {
    let t: T = serde_json::from_value(v.clone())?;
    serde_json::to_value(t)
}

macro_rules! decoders {
    ($($ty:ty),* $(,)?) => {
        vec![$((stringify!($ty).replace(' ', ""), decode::<$ty> as Decoder)),*]
    };
}

/// Every response type named in the map TSV, by the name the TSV uses.
fn decoders() -> Vec<(String, Decoder)> {
    decoders![
        common::Empty,
        campaign::Campaign,
        campaign::CampaignCreated,
        campaign::CampaignTemplate,
        campaign::TemplateCreated,
        Vec<campaign::Campaign>,
        Vec<campaign::CampaignRecipient>,
        Vec<campaign::CampaignStatistic>,
        Vec<campaign::CampaignTemplate>,
        Vec<String>,
        helpdesk::ArticleAlternate,
        helpdesk::ArticleCategory,
        helpdesk::ArticleCreated,
        helpdesk::ArticlePublished,
        helpdesk::CategoryCreated,
        helpdesk::DomainSetupFlow,
        helpdesk::FeedbackRatings,
        helpdesk::Helpdesk,
        helpdesk::HelpdeskDomain,
        helpdesk::HelpdeskLocale,
        helpdesk::HelpdeskPage,
        helpdesk::HelpdeskSettings,
        helpdesk::HistoryChange,
        helpdesk::LocaleArticle,
        helpdesk::LocaleCategory,
        helpdesk::LocaleSection,
        helpdesk::PageLink,
        helpdesk::Redirection,
        helpdesk::RedirectionCreated,
        helpdesk::SectionCreated,
        helpdesk::TreeContent,
        helpdesk::TreeEntry,
        helpdesk::TreeMetadata,
        Vec<helpdesk::ArticleAlternate>,
        Vec<helpdesk::FeedbackItem>,
        Vec<helpdesk::HelpdeskLocale>,
        Vec<helpdesk::HelpdeskPage>,
        Vec<helpdesk::HistoryChange>,
        Vec<helpdesk::LocaleArticle>,
        Vec<helpdesk::LocaleCategory>,
        Vec<helpdesk::LocaleSection>,
        Vec<helpdesk::Redirection>,
        Vec<helpdesk::TreeEntry>,
        misc::PlanCoupon,
        misc::PlanSubscription,
        Vec<misc::PlanSubscription>,
        plugin::AttestProvenance,
        plugin::PluginRef,
        plugin::PluginSubscription,
        plugin::SubscriptionSettings,
        Vec<plugin::ConnectWebsite>,
        Vec<plugin::PluginSubscription>,
        Vec<plugin::UsageBill>,
        user::NotificationSettings,
        user::SessionKeypair,
        user::UserAccount,
        user::UserProfile,
        website::AvailabilityStatus,
        website::BlockedVisitors,
        website::ConnectEndpoints,
        website::Inbox,
        website::InboxCreated,
        website::Operator,
        website::OperatorAvailability,
        website::Team,
        website::TeamCreated,
        website::TokenSession,
        website::UserRef,
        website::VerifyKey,
        website::VerifySettings,
        website::VisitorCount,
        website::Website,
        website::WebsiteSettings,
        Vec<website::AnalyticsPoint>,
        Vec<website::Inbox>,
        Vec<website::LastActiveOperator>,
        Vec<website::MapPoint>,
        Vec<website::OperatorAvailability>,
        Vec<website::OperatorListItem>,
        Vec<website::Team>,
        Vec<website::Visitor>,
        Vec<website::Website>,
    ]
}

struct MapRow {
    http_method: String,
    path: String,
    node_method: String,
    types: [String; 3],
}

fn map_rows() -> Vec<MapRow> {
    let mut lines = MAP_TSV.lines();
    assert_eq!(
        lines.next(),
        Some("http_method\tpath_template\tnode_method\tquery_type\tbody_type\tresponse_type")
    );
    lines
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 6, "bad row {l:?}");
            MapRow {
                http_method: c[0].into(),
                path: c[1].into(),
                node_method: c[2].into(),
                types: [c[3].into(), c[4].into(), c[5].into()],
            }
        })
        .collect()
}

/// Every fixture sample with the response type it is for; a type may have several samples.
fn fixtures() -> Vec<(String, Value)> {
    let mut all = Vec::new();
    for f in FIXTURES {
        let Value::Object(m) = serde_json::from_str::<Value>(f).unwrap() else {
            panic!("fixture is not an object")
        };
        all.extend(m);
    }
    all
}

fn fixture(name: &str) -> Value {
    fixtures()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"))
        .1
}

/// Asserts that `out` (our re-serialization) carries exactly what `input` carried: no field was
/// dropped (an unknown or misspelled name would be) and none invented. `null` in the input may be
/// absent from the output; numbers compare by value.
fn assert_same(path: &str, input: &Value, out: &Value) {
    match (input, out) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => assert_same(&format!("{path}.{k}"), v, w),
                    None => assert!(v.is_null(), "{path}.{k} was dropped"),
                }
            }
            for k in b.keys() {
                assert!(a.contains_key(k), "{path}.{k} was invented");
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}: length");
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                assert_same(&format!("{path}[{i}]"), v, w);
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            assert_eq!(a.as_f64(), b.as_f64(), "{path}: number")
        }
        (a, b) => assert_eq!(a, b, "{path}"),
    }
}

#[test]
fn map_covers_every_endpoint_of_the_groups_once() {
    let rows = map_rows();
    assert_eq!(
        rows.len(),
        193,
        "one row per catalogue row of the part-2 groups"
    );
    let endpoints: BTreeSet<(&str, &str)> = rows
        .iter()
        .map(|r| (r.http_method.as_str(), r.path.as_str()))
        .collect();
    assert_eq!(endpoints.len(), 190, "distinct (method, path) endpoints");
    let methods: BTreeSet<(&str, &str)> = rows
        .iter()
        .map(|r| (r.node_method.as_str(), r.path.as_str()))
        .collect();
    assert_eq!(
        methods.len(),
        rows.len(),
        "a (node method, path) pair twice"
    );
    for r in &rows {
        if r.http_method == "HEAD" {
            assert_eq!(r.types[2], "-", "HEAD {} has no body", r.path);
        }
        if r.http_method == "GET" || r.http_method == "HEAD" {
            assert_eq!(
                r.types[1], "-",
                "{} {} sends no body",
                r.http_method, r.path
            );
        }
    }
}

#[test]
fn every_response_type_of_the_map_has_a_decoder_and_a_fixture() {
    let named: BTreeSet<String> = map_rows()
        .into_iter()
        .map(|r| r.types[2].clone())
        .filter(|t| t != "-")
        .collect();
    let ours: BTreeSet<String> = decoders().into_iter().map(|(n, _)| n).collect();
    assert_eq!(named, ours, "decoder table and map TSV disagree");
    let fx = fixtures();
    for name in &ours {
        assert!(fx.iter().any(|(n, _)| n == name), "no fixture for {name}");
    }
}

#[test]
fn fixtures_decode_and_keep_every_field() {
    let fx = fixtures();
    let table = decoders();
    for (name, sample) in &fx {
        let Some((_, dec)) = table.iter().find(|(n, _)| n == name) else {
            panic!("fixture {name} matches no response type")
        };
        let out = dec(sample).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_same(name, sample, &out);
        assert_eq!(dec(&out).unwrap(), out, "{name}: second round trip differs");
    }
}

#[test]
fn every_response_type_tolerates_an_empty_payload() {
    // The API may answer with an empty `data` (Node turns a missing one into `{}`); every object
    // type has only optional fields, every list accepts `[]`. `BlockedVisitors` reads `{}` as an
    // empty rule.
    for (name, dec) in decoders() {
        let empty = if name.starts_with("Vec<") {
            json!([])
        } else {
            json!({})
        };
        dec(&empty).unwrap_or_else(|e| panic!("{name} rejects {empty}: {e}"));
    }
}

#[test]
fn decoded_values_are_the_expected_ones() {
    let get = fixture;

    let ops: Vec<website::OperatorListItem> =
        serde_json::from_value(get("Vec<website::OperatorListItem>")).unwrap();
    let john = ops[0].details.as_ref().unwrap();
    assert_eq!(john.first_name.as_deref(), Some("John"));
    assert_eq!(john.role, Some(website::OperatorRole::Owner));
    assert_eq!(john.availability, Some(website::Availability::Online));
    assert_eq!(john.has_token, Some(true));
    assert_eq!(ops[1].kind.as_deref(), Some("invite"));

    let av: Vec<website::OperatorAvailability> =
        serde_json::from_value(get("Vec<website::OperatorAvailability>")).unwrap();
    let t = av[1].time.as_ref().unwrap();
    assert_eq!((t.duration, t.since), (Some(3600), Some(1_767_229_200_000)));
    assert_eq!(av[1].kind, Some(website::Availability::Away));

    let tree: Vec<helpdesk::TreeEntry> =
        serde_json::from_value(get("Vec<helpdesk::TreeEntry>")).unwrap();
    let child = &tree[0].children.as_ref().unwrap()[0];
    assert_eq!(child.slug.as_deref(), Some("install"));
    assert_eq!(child.state.as_ref().unwrap().featured, Some(true));

    let locales: Vec<helpdesk::HelpdeskLocale> =
        serde_json::from_value(get("Vec<helpdesk::HelpdeskLocale>")).unwrap();
    let stats = locales[0].statistics.as_ref().unwrap();
    assert_eq!(stats.articles.as_ref().unwrap().entries, Some(42));
    assert_eq!(locales[1].categories, Some(3), "legacy counts");

    let sites: Vec<plugin::ConnectWebsite> =
        serde_json::from_value(get("Vec<plugin::ConnectWebsite>")).unwrap();
    assert_eq!(
        sites[1].difference,
        Some(plugin::ConnectDifference::Removed)
    );
    assert_eq!(sites[0].settings.as_ref().unwrap()["channel"], "support");

    let plan: misc::PlanSubscription =
        serde_json::from_value(get("misc::PlanSubscription")).unwrap();
    assert_eq!(plan.bill_period, Some(misc::BillPeriod::Yearly));

    let camp: campaign::Campaign = serde_json::from_value(get("campaign::Campaign")).unwrap();
    assert_eq!(camp.kind, Some(campaign::CampaignType::Automated));
    assert_eq!(camp.progress, Some(12.5));
    let filter = &camp.recipients.as_ref().unwrap().filter.as_ref().unwrap()[0];
    assert_eq!(filter.query, Some(json!(["example.com"])));

    let points: Vec<website::AnalyticsPoint> =
        serde_json::from_value(get("Vec<website::AnalyticsPoint>")).unwrap();
    assert_eq!(points[1].value, Some(3.5));

    // Node and Go disagree on blocked-visitor counts; every shape decodes.
    let blocked = |v: Value| serde_json::from_value::<website::BlockedVisitors>(v).unwrap();
    assert_eq!(blocked(json!(17)), website::BlockedVisitors::Count(17));
    assert!(matches!(blocked(json!([{"rule": ["ip"], "blocked": 2}])),
        website::BlockedVisitors::Rules(r) if r[0].blocked == Some(2)));
    assert!(matches!(blocked(get("website::BlockedVisitors")),
        website::BlockedVisitors::Rule(r) if r.blocked == Some(17)));
}

#[test]
fn unknown_fields_are_ignored_and_unknown_enum_values_kept() {
    let op: website::Operator = serde_json::from_value(json!({
        "user_id": "u1", "role": "viewer", "availability": "busy",
        "shiny_new_field": {"nested": [1, 2, 3]}
    }))
    .unwrap();
    assert_eq!(op.role, Some(website::OperatorRole::Other("viewer".into())));
    assert_eq!(
        op.availability,
        Some(website::Availability::Other("busy".into()))
    );
    // Unknown values survive a round trip unchanged; unknown fields are dropped.
    assert_eq!(
        serde_json::to_value(&op).unwrap(),
        json!({"user_id": "u1", "role": "viewer", "availability": "busy"})
    );

    let camp: campaign::Campaign = serde_json::from_value(json!({
        "type": "recurring", "format": "mjml", "statistics": {"opened": 1, "bounced": 4}
    }))
    .unwrap();
    assert_eq!(
        camp.kind,
        Some(campaign::CampaignType::Other("recurring".into()))
    );
    assert_eq!(
        camp.format,
        Some(campaign::CampaignFormat::Other("mjml".into()))
    );
    assert_eq!(camp.statistics.unwrap().opened, Some(1));

    let sub: misc::PlanSubscription =
        serde_json::from_value(json!({"bill_period": "weekly", "future": true})).unwrap();
    assert_eq!(
        sub.bill_period,
        Some(misc::BillPeriod::Other("weekly".into()))
    );
    let site: plugin::ConnectWebsite =
        serde_json::from_value(json!({"difference": "updated"})).unwrap();
    assert_eq!(
        site.difference,
        Some(plugin::ConnectDifference::Other("updated".into()))
    );
    let cond: website::InboxCondition =
        serde_json::from_value(json!({"operator": "regex"})).unwrap();
    assert_eq!(
        cond.operator,
        Some(website::ConditionOperator::Other("regex".into()))
    );
}

fn body<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

/// JSON equality where numbers compare by value (`10` and `10.0` are the same number).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same(v, w))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Asserts that our body equals the one Node sent.
#[track_caller]
fn assert_wire(ours: Value, node: Value) {
    assert!(same(&ours, &node), "ours: {ours}\nnode: {node}");
}

fn wire(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap()
}

/// Bodies built through our types equal what Node 11.3.0 sends (rows of the recorded wire log,
/// copied verbatim).
#[test]
fn request_bodies_match_the_node_client() {
    // bucket.generateBucketURL (full)
    let mut req = misc::BucketUrlRequest::new(
        misc::BucketNamespace::Upload,
        misc::BucketFile::new("avatar.png", "image/png"),
    );
    req.id = Some("upload-1".into());
    req.resource = Some(misc::BucketResource {
        kind: "website".into(),
        id: "website-1".into(),
    });
    assert_wire(
        body(&req),
        wire(
            r#"{"namespace":"upload","id":"upload-1","file":{"name":"avatar.png","type":"image/png"},"resource":{"type":"website","id":"website-1"}}"#,
        ),
    );

    // plan.changeBillPeriodForWebsitePlanSubscription, plan.redeemCoupon…, plan.subscribe…
    assert_wire(
        body(&misc::BillPeriodChange::new(misc::BillPeriod::Monthly)),
        wire(r#"{"period":"monthly"}"#),
    );
    assert_wire(
        body(&misc::CouponCode::new("WELCOME2026")),
        wire(r#"{"code":"WELCOME2026"}"#),
    );
    assert_wire(
        body(&misc::PlanSubscribe::new("plan-1")),
        wire(r#"{"plan_id":"plan-1"}"#),
    );

    // plugin.reportPluginUsageToBill, forwardPluginPayloadToChannel, dispatchPluginEvent
    assert_wire(
        body(&plugin::UsageReport::new("messages", 3, 10.0)),
        wire(r#"{"name":"messages","units":3,"price":10}"#),
    );
    assert_wire(
        body(&plugin::ChannelForward::new(
            "upload",
            "channel-1",
            json!({"type": "offer", "sdp": "v=0"}),
        )),
        wire(
            r#"{"namespace":"upload","identifier":"channel-1","payload":{"type":"offer","sdp":"v=0"}}"#,
        ),
    );
    assert_wire(
        body(&plugin::PluginEvent::new(
            "Acme Support",
            json!({"plan": "pro", "seats": 5}),
        )),
        wire(r#"{"name":"Acme Support","data":{"plan":"pro","seats":5}}"#),
    );

    // website.deleteWebsite / deleteHelpdesk (full)
    assert_wire(
        body(&website::VerifiedDeletion::new(
            website::VerifyCredentials::password("correct-horse-battery-staple"),
        )),
        wire(r#"{"verify":{"method":"password","secret":"correct-horse-battery-staple"}}"#),
    );

    // website.generateAnalytics (minimal)
    let q = website::AnalyticsQuery::new(
        "conversation",
        "total",
        website::AnalyticsDate::new(
            "2026-01-01T00:00:00.000Z",
            "2026-01-31T23:59:59.000Z",
            "day",
            "UTC",
        ),
    );
    assert_wire(
        body(&q),
        wire(
            r#"{"metric":"conversation","type":"total","date":{"from":"2026-01-01T00:00:00.000Z","to":"2026-01-31T23:59:59.000Z","split":"day","timezone":"UTC"}}"#,
        ),
    );

    // website.batchRoutingConversations (full) and its unassign form
    let mut routing = website::BatchRouting {
        sessions: vec!["session_abc".into()],
        assigned: Some(website::Assignee {
            user_id: "user-1".into(),
        }),
    };
    assert_wire(
        body(&routing),
        wire(r#"{"sessions":["session_abc"],"assigned":{"user_id":"user-1"}}"#),
    );
    routing.assigned = None;
    assert_wire(
        body(&routing),
        json!({"sessions": ["session_abc"], "assigned": null}),
    );

    // website.batchInboxConversations (minimal)
    let inbox = website::BatchInbox {
        sessions: vec!["session_abc".into()],
        inbox_id: Some("inbox-1".into()),
    };
    assert_wire(
        body(&inbox),
        wire(r#"{"sessions":["session_abc"],"inbox_id":"inbox-1"}"#),
    );

    // website.batchResolveConversations (full)
    let mut resolve = website::BatchConversations::sessions(["session_abc"]);
    resolve.inbox_id = Some("inbox-1".into());
    assert_wire(
        body(&resolve),
        wire(r#"{"inbox_id":"inbox-1","sessions":["session_abc"]}"#),
    );

    // website.batchUpdatePeopleData (full) and batchUpdateConversationsSegments (full)
    let people = website::PeopleSelection {
        profiles: Some(vec!["people-1".into()]),
        search: Some(website::PeopleSearch::Text("john".into())),
    };
    let data = json!({"plan": "pro", "seats": 5})
        .as_object()
        .unwrap()
        .clone();
    let batch = website::BatchData {
        people: Some(people.clone()),
        data,
        ..Default::default()
    };
    assert_wire(
        body(&batch),
        wire(
            r#"{"people":{"profiles":["people-1"],"search":"john"},"data":{"plan":"pro","seats":5}}"#,
        ),
    );
    assert_wire(
        body(&website::BatchPeople { people }),
        wire(r#"{"people":{"profiles":["people-1"],"search":"john"}}"#),
    );
    let segs = website::BatchSegments {
        sessions: Some(vec!["session_abc".into()]),
        segments: vec!["vip".into()],
        ..Default::default()
    };
    assert_wire(
        body(&segs),
        wire(r#"{"sessions":["session_abc"],"segments":["vip"]}"#),
    );

    // website.createNewCampaign, createNewCampaignTemplate (minimal)
    assert_wire(
        body(&campaign::CampaignNew::new(
            campaign::CampaignType::OneShot,
            "Spring newsletter",
        )),
        wire(r#"{"type":"one-shot","name":"Spring newsletter"}"#),
    );
    assert_wire(
        body(&campaign::TemplateNew::new(
            campaign::CampaignFormat::Markdown,
            "Welcome template",
        )),
        wire(r#"{"format":"markdown","name":"Welcome template"}"#),
    );

    // website.inviteWebsiteOperator, changeOperatorMembership
    assert_wire(
        body(&website::OperatorInvite::new(
            "john.doe@example.com",
            website::OperatorRole::Member,
            true,
        )),
        wire(r#"{"email":"john.doe@example.com","role":"member","verify":true}"#),
    );
    let mut membership = website::OperatorMembership::new(website::OperatorRole::Member);
    membership.title = Some("Support agent".into());
    assert_wire(
        body(&membership),
        wire(r#"{"role":"member","title":"Support agent"}"#),
    );

    // website.importExternalHelpdeskToLocale (full), updateHelpdeskTreePath (full),
    // cancelHelpdeskHistoryChange, initializeHelpdesk, addHelpdeskRedirection
    let mut import = helpdesk::ExternalImport::new("https://acme.example.com/helpdesk-url");
    import.detect_locales = Some(true);
    import.other_locales = Some(vec!["en".into()]);
    assert_wire(
        body(&import),
        wire(
            r#"{"helpdesk_url":"https://acme.example.com/helpdesk-url","detect_locales":true,"other_locales":["en"]}"#,
        ),
    );
    let mut mv = helpdesk::TreePathUpdate::new("position");
    mv.path = Some(helpdesk::TreePathTarget {
        to: "guides/getting-started".into(),
    });
    mv.position = Some(0);
    assert_wire(
        body(&mv),
        wire(r#"{"action":"position","path":{"to":"guides/getting-started"},"position":0}"#),
    );
    assert_wire(
        body(&helpdesk::HistoryCancel::new("revert")),
        wire(r#"{"action":"revert"}"#),
    );
    assert_wire(
        body(&helpdesk::HelpdeskInit::new("Acme Support", "acme")),
        wire(r#"{"name":"Acme Support","domain_basic":"acme"}"#),
    );
    assert_wire(
        body(&helpdesk::RedirectionNew::new(
            "/old-page",
            "https://help.acme.example.com/new-page",
        )),
        wire(r#"{"path":"/old-page","target":"https://help.acme.example.com/new-page"}"#),
    );
}

/// Node sends `userID` in the operator e-mail body; the API (and Go) use `user_id`. Everything
/// else matches.
#[test]
fn operator_email_uses_the_snake_case_user_id() {
    let node = wire(
        r#"{"recipient":"john.doe@example.com","userID":"user-1","subject":"Order #1234","message":"Weekly report is ready","target":{"label":"Open dashboard","url":"https://acme.example.com/url"}}"#,
    );
    let mut mail = website::OperatorEmail::new(
        "john.doe@example.com",
        "Order #1234",
        "Weekly report is ready",
    );
    mail.user_id = Some("user-1".into());
    mail.target = Some(website::EmailTarget {
        label: "Open dashboard".into(),
        url: "https://acme.example.com/url".into(),
    });
    let mut expected = node.as_object().unwrap().clone();
    let uid = expected.remove("userID").unwrap();
    expected.insert("user_id".into(), uid);
    assert_wire(body(&mail), Value::Object(expected));
}

/// Shapes sent back in full (PUT/PATCH) keep every field Node sends: decode the recorded body
/// into our type and serialize it again.
#[test]
fn resource_bodies_keep_every_node_field() {
    fn check<T: DeserializeOwned + Serialize>(what: &str, raw: &str) {
        let v = wire(raw);
        assert_same(what, &v, &decode::<T>(&v).unwrap());
    }
    check::<campaign::Campaign>(
        "website.saveCampaign",
        r#"{"campaign_id":"campaign-1","type":"one-shot","format":"markdown","name":"Acme Support","subject":"Order #1234","tag":"newsletter","ready":true,"dispatched":true,"running":true,"progress":0,"targets":100,"reached":0,"created_at":1767225600000,"updated_at":1767225600000,"dispatched_at":1767225600000,"sender":{"user_id":"user-1"},"recipients":{"type":"segment","segments":["vip"],"people":["people-1"],"filter":[{"model":"people","criterion":"email","operator":"has","query":{"value":"example.com"}}]},"flow":{"launch_event":"launch event example","assert_filter":[{"model":"people","criterion":"email","operator":"has","query":{"value":"example.com"}}],"assert_delay":1,"deliver_once":true,"deliver_delay":1},"message":"Weekly report is ready","options":{"deliver_to_chatbox":true,"deliver_to_email":true,"sender_name_website":true,"sender_email_reply":true,"tracking":true},"statistics":{"opened":1,"clicked":1,"unsubscribed":1}}"#,
    );
    check::<campaign::CampaignTemplate>(
        "website.saveCampaignTemplate",
        r#"{"template_id":"template-1","type":"text","name":"Acme Support","format":"markdown","created_at":1767225600000,"updated_at":1767225600000,"content":"Hello! How can I help you today?"}"#,
    );
    check::<website::Inbox>(
        "website.saveInbox",
        r#"{"inbox_id":"inbox-1","name":"Acme Support","emoji":"📬","order":1,"operators":["user-1"],"teams":["team-1"],"team_operators":["user-1"],"conditions":[{"model":"session","criterion":"email","operator":"eq","query":["query example"]}],"operator":"has","created_at":1767225600000,"updated_at":1767225600000}"#,
    );
    check::<website::Team>(
        "website.saveTeam",
        r#"{"team_id":"team-1","name":"Acme Support","emoji":"📬","operators":["user-1"],"created_at":1767225600000,"updated_at":1767225600000}"#,
    );
    check::<helpdesk::TreeMetadata>(
        "website.updateHelpdeskTreeMetadata",
        r#"{"format":"markdown","title":"Support agent","description":"Customer since 2024","state":{"published":true,"hidden":true,"featured":true},"author":{"user_id":"user-1"},"color":"blue","image":"https://acme.example.com/image.png"}"#,
    );
    check::<helpdesk::HelpdeskSettings>(
        "website.saveHelpdeskSettings",
        r#"{"name":"Acme Support","appearance":{"color":{"mode":"light","mode_changeable":true},"logos":{"favicon":"https://acme.example.com/favicon.png","header":"https://acme.example.com/header.png","footer":"https://acme.example.com/footer.png"},"banner":"https://acme.example.com/banner.png"},"localization":{"writing_locale":"en","translated_automatic":true,"translated_locales_readonly":true},"section":{"articles":"articles example","guides":"guides example","references":"references example","news":"news example"},"behavior":{"frequently_read":true,"show_category_images":true,"show_chatbox":true,"ask_feedback":true,"report_incorrect":true,"serve_markdown":true,"agent_chat_bar":true,"agent_copy_button":true,"table_of_contents":true,"locale_picker":true,"refer_link":true,"forbid_indexing":true,"status_health_dead":true},"service":{"mcp_server":true},"include":{"html":"html example"},"access":{"restrict_mode":"restrict mode example","password":"password example","jwt_secret":"jwt secret example"}}"#,
    );
    // Node also sends `"websiteID":"website-1"` here (a camelCase slip); it is left out.
    check::<website::WebsiteSettingsUpdate>(
        "website.updateWebsiteSettings",
        r##"{"name":"Acme Support","domain":"acme.example.com","domain_alternates":["www.acme.example.com"],"logo":"https://acme.example.com/logo.png","audit":{"log":true},"contact":{"email":"john.doe@example.com","phone":"+33612345678","messenger":"messenger example","telegram":"telegram example","twitter":"twitter example","whatsapp":"whatsapp example","instagram":"instagram example"},"inbox":{"lock_removal":true,"force_operator_token":true,"locale":"en"},"emails":{"rating":true,"transcript":true,"trackers":true,"junk_filter":true},"chatbox":{"tile":"tile example","conversations":true,"wait_game":true,"website_logo":true,"last_operator_face":true,"ongoing_operator_face":true,"activity_metrics":true,"operator_privacy":true,"visitor_privacy":true,"availability_tooltip":true,"hide_vacation":true,"hide_on_away":true,"hide_on_mobile":true,"position_reverse":true,"email_visitors":true,"phone_visitors":true,"force_identify":true,"ignore_privacy":true,"visitor_compose":true,"file_transfer":true,"audio_record":true,"guard_level":"guard level example","mode_initial":"mode initial example","home":true,"overlay_search":true,"overlay_mode":true,"helpdesk_link":true,"helpdesk_only":true,"helpdesk_navigate":"helpdesk navigate example","status_health_dead":true,"check_domain":true,"color_theme":"#1972F5","color_mode":"#1972F5","layout_theme":"layout theme example","text_theme":"text theme example","welcome_message":"welcome message example","locale":"en","allowed_pages":["allowed page example"],"blocked_pages":["blocked page example"],"blocked_countries":["blocked country example"],"blocked_locales":["en"],"blocked_ips":["blocked ip example"]}}"##,
    );
}

/// Flattens a serialized query struct the way a query string carries it: every value as text.
fn as_query<T: Serialize>(q: &T) -> Value {
    let Value::Object(m) = body(q) else {
        panic!("query is not an object")
    };
    Value::Object(
        m.into_iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                (k, Value::String(s))
            })
            .collect(),
    )
}

#[test]
fn query_structs_carry_the_node_parameters() {
    // plugin.listConnectWebsitesSince (full): flags go as 1/0.
    let mut since = plugin::ConnectWebsitesSinceQuery::new("2026-01-01T00:00:00.000Z");
    since.filter_configured = Some(true);
    since.include_plan = Some(true);
    assert_eq!(
        as_query(&since),
        json!({"filter_configured": "1", "include_plan": "1", "date_since": "2026-01-01T00:00:00.000Z"})
    );
    let all = plugin::ConnectWebsitesQuery {
        filter_configured: Some(false),
        include_plan: None,
    };
    assert_eq!(as_query(&all), json!({"filter_configured": "0"}));

    // website.pinpointVisitorsOnMap (full)
    assert_eq!(
        as_query(&website::VisitorsMapQuery::area(2.3522, 48.8566, 100)),
        json!({"center_longitude": "2.3522", "center_latitude": "48.8566", "center_radius": "100"})
    );
    assert_eq!(as_query(&website::VisitorsMapQuery::default()), json!({}));

    // website.listHelpdeskTree (full), listHelpdeskHistoryChanges (full)
    let tree = helpdesk::TreeListQuery {
        sub_path: Some("guides".into()),
        search_title: Some("install".into()),
        filter_date_start: Some("2026-01-01T00:00:00.000Z".into()),
        filter_date_end: Some("2026-01-31T23:59:59.000Z".into()),
    };
    assert_eq!(
        as_query(&tree),
        json!({"sub_path": "guides", "search_title": "install", "filter_date_start": "2026-01-01T00:00:00.000Z", "filter_date_end": "2026-01-31T23:59:59.000Z"})
    );
    let hist = helpdesk::HistoryQuery {
        filter_locale: Some("en".into()),
        filter_type: Some("update".into()),
        filter_tree_path: Some("guides".into()),
    };
    assert_eq!(
        as_query(&hist),
        json!({"filter_locale": "en", "filter_type": "update", "filter_tree_path": "guides"})
    );

    // website.checkWebsiteExists, generateHelpdeskDomainSetupFlow, plan coupon check
    assert_eq!(
        as_query(&website::WebsiteExistsQuery::new("acme.example.com")),
        json!({"domain": "acme.example.com"})
    );
    assert_eq!(
        as_query(&helpdesk::DomainSetupQuery::new("help.acme.example.com")),
        json!({"custom": "help.acme.example.com"})
    );
    // (minimal) Node sends no `custom` when none is given: optional on the wire.
    assert_eq!(as_query(&helpdesk::DomainSetupQuery::default()), json!({}));

    // media.listAnimationMedias (full): the search travels as JSON text in one parameter.
    let mut media = misc::AnimationListQuery::search("thumbs up");
    media.list_id = Some("list-1".into());
    assert_eq!(
        as_query(&media),
        json!({"list_id": "list-1", "search_query": "{\"text\":\"thumbs up\"}"})
    );
    let back: misc::AnimationListQuery = serde_json::from_value(as_query(&media)).unwrap();
    assert_eq!(back, media);

    // plan.checkCouponAvailabilityForWebsitePlanSubscription (full)
    assert_eq!(
        as_query(&misc::CouponCode::new("WELCOME2026")),
        json!({"code": "WELCOME2026"})
    );

    // Go-only campaign filters: flags as 1/0 too.
    let camp = campaign::CampaignListQuery {
        search_name: Some("spring".into()),
        filter_status_done: Some(true),
        ..Default::default()
    };
    assert_eq!(
        as_query(&camp),
        json!({"search_name": "spring", "filter_status_done": "1"})
    );
}

#[test]
fn flags_decode_from_every_form() {
    for (raw, want) in [
        (r#"{"filter_configured":"1"}"#, Some(true)),
        (r#"{"filter_configured":"0"}"#, Some(false)),
        (r#"{"filter_configured":1}"#, Some(true)),
        (r#"{"filter_configured":false}"#, Some(false)),
        (r#"{"filter_configured":"true"}"#, Some(true)),
        (r#"{"filter_configured":null}"#, None),
        (r#"{}"#, None),
    ] {
        let q: plugin::ConnectWebsitesQuery = serde_json::from_str(raw).unwrap();
        assert_eq!(q.filter_configured, want, "{raw}");
    }
    for bad in [r#"{"include_plan":"yes"}"#, r#"{"include_plan":2}"#] {
        assert!(serde_json::from_str::<plugin::ConnectWebsitesQuery>(bad).is_err());
    }
}

#[test]
fn invite_verify_accepts_both_client_forms() {
    let go: website::OperatorInvite = serde_json::from_value(json!({
        "email": "a@example.com", "role": "member",
        "verify": {"method": "password", "secret": "s"}
    }))
    .unwrap();
    assert_eq!(
        go.verify,
        website::InviteVerify::Credentials(website::VerifyCredentials::password("s"))
    );
    let search: website::PeopleSelection = serde_json::from_value(json!({
        "search": {"filter": [{"model": "people", "criterion": "email", "operator": "has", "query": ["x"]}], "operator": "and"}
    }))
    .unwrap();
    assert!(
        matches!(search.search, Some(website::PeopleSearch::Filter { ref operator, .. }) if operator == "and")
    );
}

// ---------------------------------------------------------------------------------------------
// Random input never panics a decoder.
// ---------------------------------------------------------------------------------------------

/// Keys our types read, so random objects reach nested decoders, not just the top level.
const KEYS: &[&str] = &[
    "type",
    "time",
    "for",
    "since",
    "status",
    "role",
    "availability",
    "details",
    "children",
    "state",
    "statistics",
    "articles",
    "settings",
    "difference",
    "plan",
    "plans",
    "payload",
    "rule",
    "blocked",
    "visitors",
    "sessions",
    "geolocation",
    "coordinates",
    "latitude",
    "recipients",
    "filter",
    "query",
    "flow",
    "bill_period",
    "policy",
    "records",
    "files",
    "metadata",
    "author",
    "ratings",
    "session",
    "article",
    "category",
    "socket",
    "rescue",
    "conditions",
    "operator",
    "value",
    "hits",
    "progress",
    "price",
    "order",
    "created_at",
];

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z0-9 _:-]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("online"),
            Just("owner"),
            Just("one-shot"),
            Just("monthly"),
            Just("added"),
            Just("1"),
            Just("0"),
            Just("eq")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    prop::sample::select(KEYS).prop_map(str::to_owned),
                    "[a-z_]{1,10}"
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    // 512 cases in CI; more when `PROPTEST_CASES` asks for more (`cargo xtask fuzz`).
    #![proptest_config(ProptestConfig::with_cases(ProptestConfig::default().cases.max(512)))]

    #[test]
    fn random_json_never_panics_a_decoder(v in arb_json()) {
        for (_, dec) in decoders() {
            // Errors are fine; a panic fails the test. What decodes must serialize again.
            if let Ok(out) = dec(&v) {
                prop_assert!(dec(&out).is_ok());
            }
        }
    }

    #[test]
    fn random_json_in_a_fixture_field_never_panics(v in arb_json(), pick in any::<prop::sample::Index>()) {
        let fx = fixtures();
        let table = decoders();
        let (name, sample) = &fx[pick.index(fx.len())];
        let dec = table.iter().find(|(n, _)| n == name).unwrap().1;
        let mut sample = sample.clone();
        // Replace one field of the (first) object with random JSON.
        let target = match &mut sample {
            Value::Array(a) => a.first_mut(),
            other => Some(other),
        };
        if let Some(Value::Object(m)) = target
            && let Some(k) = m.keys().nth(pick.index(m.len().max(1))).cloned()
        {
            m.insert(k, v);
        }
        let _ = dec(&sample);
    }
}
