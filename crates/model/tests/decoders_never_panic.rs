//! Property tests over the public decoders of both vendors that the other fuzz files leave out:
//! raw bytes (not only well-formed JSON) into the response and web hook decoders, decode → encode
//! → decode round trips of what decodes, flexible ids, and the Crisp signature check under
//! random secrets.
//!
//! They use proptest's default configuration, so `PROPTEST_CASES` sets the number of cases
//! (`cargo xtask fuzz` runs many more than CI's default 256).

#![cfg(all(feature = "crisp", feature = "carrot"))]

use chatdesk_model::carrot;
use chatdesk_model::crisp::{conversation, message, people, webhook};
use chatdesk_model::id::FlexId;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Field names the model types use, so that random objects reach real fields.
const KEYS: &[&str] = &[
    "id",
    "type",
    "from",
    "origin",
    "content",
    "fingerprint",
    "timestamp",
    "session_id",
    "website_id",
    "user_id",
    "people_id",
    "email",
    "nickname",
    "state",
    "status",
    "body",
    "props",
    "meta",
    "data",
    "error",
    "created",
    "created_at",
    "updated_at",
    "conversation",
    "part_type",
    "user",
    "event",
];

/// JSON without floats (serde_json's default float parsing is not exact, which is not what these
/// properties are about), with keys drawn mostly from [`KEYS`].
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    4 => prop::sample::select(KEYS).prop_map(str::to_owned),
                    1 => "[a-z_]{1,8}",
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Bytes that are often almost JSON: a random document cut short or with one byte changed, or
/// plain random bytes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        (json(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(v, at, b)| {
            let mut raw = serde_json::to_vec(&v).unwrap_or_default();
            if !raw.is_empty() {
                let i = at.index(raw.len());
                if b % 2 == 0 {
                    raw.truncate(i);
                } else {
                    raw[i] = b;
                }
            }
            raw
        }),
    ]
}

/// Decodes `raw` as `T`; what decodes must encode and decode again to an equal value.
fn round_trips<T>(v: &Value) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(first) = serde_json::from_value::<T>(v.clone()) {
        let encoded = serde_json::to_value(&first)
            .map_err(|e| TestCaseError::fail(format!("decoded but cannot encode: {e}")))?;
        let second = serde_json::from_value::<T>(encoded.clone()).map_err(|e| {
            TestCaseError::fail(format!("re-encoded {encoded} does not decode: {e}"))
        })?;
        prop_assert_eq!(first, second);
    }
    Ok(())
}

/// The same check over every type with value equality, one line each.
macro_rules! round_trip_all {
    ($v:expr; $($t:ty),+ $(,)?) => {{
        $( round_trips::<$t>($v)?; )+
    }};
}

/// Every response and web hook decoder, on raw bytes. Errors are expected; panics fail.
fn decode_bytes(raw: &[u8]) {
    macro_rules! from_slice {
        ($($t:ty),+ $(,)?) => {$( let _ = serde_json::from_slice::<$t>(raw); )+};
    }
    from_slice!(
        message::Message,
        message::MessageSend,
        conversation::Conversation,
        people::PeopleProfile,
        carrot::Envelope<carrot::Conversation>,
        carrot::Envelope<Vec<carrot::ConversationPart>>,
        carrot::Envelope<carrot::User>,
        carrot::Envelope<Vec<carrot::Event>>,
        FlexId,
    );
    let _ = webhook::parse_webhook(raw);
    let _ = webhook::parse_webhook_raw(raw);
    let _ = carrot::parse_webhook(raw);
    let _ = carrot::EventWebhook::from_form(raw);
    let _ = carrot::ChatWebhook::from_form(raw);
}

proptest! {
    #[test]
    fn raw_bytes_never_panic_a_response_or_web_hook_decoder(raw in bytes()) {
        decode_bytes(&raw);
    }

    #[test]
    fn what_decodes_encodes_and_decodes_to_the_same_value(v in json()) {
        round_trip_all!(&v;
            message::Message,
            message::MessageSend,
            carrot::Conversation,
            carrot::ConversationPart,
            carrot::User,
            carrot::Event,
            FlexId,
        );
    }

    #[test]
    fn an_id_reads_the_same_as_a_number_and_as_a_string(n in any::<u64>(), pad in "[ ]{0,2}") {
        let as_number: FlexId = serde_json::from_value(Value::from(n)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let as_string: FlexId = serde_json::from_value(Value::String(format!("{pad}{n}{pad}"))).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(as_number, FlexId(n));
        prop_assert_eq!(as_string, FlexId(n));
        let back: FlexId = serde_json::from_value(serde_json::to_value(as_number).map_err(|e| TestCaseError::fail(e.to_string()))?).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, as_number);
    }

    #[test]
    fn a_crisp_signature_verifies_its_own_body_only(
        secret in prop::collection::vec(any::<u8>(), 1..64),
        body in prop::collection::vec(any::<u8>(), 0..256),
        ts in "[0-9]{0,14}",
        flip in any::<prop::sample::Index>(),
    ) {
        let sig = webhook::compute_signature(&secret, &body, &ts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(webhook::verify_signature(&secret, &body, &ts, &sig).is_ok());
        prop_assert!(webhook::verify_signature(&secret, &body, &ts, &sig.to_uppercase()).is_ok());
        if !body.is_empty() {
            let mut other = body.clone();
            let i = flip.index(other.len());
            other[i] ^= 0x01;
            prop_assert!(webhook::verify_signature(&secret, &other, &ts, &sig).is_err());
        }
        let mut wrong = secret.clone();
        wrong[0] ^= 0x80;
        prop_assert!(webhook::verify_signature(&wrong, &body, &ts, &sig).is_err());
    }
}
