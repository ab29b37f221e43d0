//! Property tests over the Crisp envelope decoder (`chatdesk_crisp_api::envelope`), which every
//! Crisp answer goes through: any status with any body never panics, a success envelope yields
//! its `data`, and an error status or `error: true` always surfaces as `Error::Api` with the
//! status and the envelope's `reason`.
//!
//! proptest's default configuration: `PROPTEST_CASES` sets the number of cases
//! (`cargo xtask fuzz`).

use chatdesk_crisp_api::Error;
use chatdesk_crisp_api::envelope::{api_error, decode_data, decode_exists};
use chatdesk_transport::bytes::Bytes;
use chatdesk_transport::http::{Response, StatusCode};
use proptest::prelude::*;
use serde_json::{Value, json};

fn response(status: StatusCode, body: Vec<u8>) -> Response<Bytes> {
    let mut r = Response::new(Bytes::from(body));
    *r.status_mut() = status;
    r
}

fn status() -> impl Strategy<Value = StatusCode> {
    (100u16..600).prop_filter_map("a valid status", |s| StatusCode::from_u16(s).ok())
}

/// JSON without floats, so that what is encoded decodes to an equal value.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A body: noise, a random document, or an envelope around one, sometimes cut short.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        (
            any::<bool>(),
            "[a-z_]{0,10}",
            json_value(),
            any::<Option<usize>>()
        )
            .prop_map(|(error, reason, data, cut)| {
                let mut raw = json!({"error": error, "reason": reason, "data": data})
                    .to_string()
                    .into_bytes();
                if let Some(cut) = cut {
                    raw.truncate(cut % (raw.len() + 1));
                }
                raw
            }),
    ]
}

proptest! {
    #[test]
    fn any_status_and_body_never_panic(status in status(), body in body()) {
        let _ = decode_data::<Value>(response(status, body.clone()));
        let _ = decode_data::<Vec<String>>(response(status, body.clone()));
        let _ = decode_exists(response(status, body.clone()));
        let _ = api_error(status, Bytes::from(body));
    }

    #[test]
    fn a_success_envelope_yields_its_data(data in json_value(), reason in "[a-z_]{0,10}") {
        prop_assume!(!data.is_null());
        let body = json!({"error": false, "reason": reason, "data": data}).to_string();
        let out = decode_data::<Value>(response(StatusCode::OK, body.into_bytes()));
        prop_assert_eq!(out.ok(), Some(data));
    }

    #[test]
    fn an_error_answer_is_an_api_error_with_its_status_and_reason(
        status in status(),
        error in any::<bool>(),
        reason in "[a-z_]{1,10}",
        data in json_value(),
    ) {
        prop_assume!(error || !status.is_success());
        let body = json!({"error": error, "reason": reason, "data": data}).to_string();
        match decode_data::<Value>(response(status, body.into_bytes())) {
            Err(Error::Api(api)) => {
                prop_assert_eq!(api.status, status);
                prop_assert_eq!(api.reason.as_deref(), Some(reason.as_str()));
            }
            other => prop_assert!(false, "{status}: {other:?}"),
        }
    }
}
