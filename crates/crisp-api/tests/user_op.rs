//! An operation a user declares outside the endpoint table (`chatdesk_transport::kit::Op`) with
//! a JSON body: the Crisp vendor renders and sends its body like a table endpoint's, with no
//! override of `Op::to_request`.

mod crisp_sim;

use bytes::Bytes;
use chatdesk_crisp_api::model::message::MessageDispatched;
use chatdesk_crisp_api::{Call, CrispClient, Error, Json};
use chatdesk_sim::Sim;
use chatdesk_transport::kit::{Op, Parts};
use chatdesk_transport::{EndpointSpec, Replay, RetryConfig, Transport};
use http::{Method, Response};
use http_body_util::BodyExt;
use serde_json::{Value, json};

/// The user's own operation: send a message with a body they write as plain JSON.
struct PostRawMessage;

impl Op for PostRawMessage {
    type Client = CrispClient;
    type Params = ();
    type Body = Json<Value>;
    type Output = MessageDispatched;
    const SPEC: &'static EndpointSpec = &EndpointSpec {
        vendor: "crisp",
        call: "post_raw_message()",
        name: "post_raw_message",
        method: Method::POST,
        path: "/website/{website_id}/conversation/{session_id}/message",
        replay: Replay::Unsafe,
        rate_class: "website",
    };

    fn decode(response: Response<Bytes>) -> Result<MessageDispatched, Error> {
        chatdesk_crisp_api::envelope::decode_data(response)
    }
}

fn post_raw(
    client: &CrispClient,
    website: &str,
    session: &str,
    body: Value,
) -> Call<PostRawMessage> {
    Parts::new(
        client.clone(),
        vec![website.to_owned(), session.to_owned()],
        (),
        Json(body),
    )
    .into()
}

fn note() -> Value {
    json!({"type": "note", "from": "operator", "origin": "chat", "content": "left by a user op"})
}

/// A simulator with one conversation, and a client on it (the fault tests' `crisp_sim::start`).
async fn start() -> (Sim, CrispClient, String, String) {
    let transport = Transport::builder().retry(RetryConfig::disabled()).build();
    crisp_sim::start(Sim::builder(), transport).await
}

#[tokio::test]
async fn user_op_with_json_body_renders_method_content_type_and_body() {
    let (_sim, client, website_id, _session) = start().await;
    let request = post_raw(&client, &website_id, "session_abc", note())
        .to_request()
        .unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri().path(),
        format!("/v1/website/{website_id}/conversation/session_abc/message")
    );
    assert_eq!(
        request.headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
    let body = request.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(body, Bytes::from(note().to_string()));
}

#[tokio::test]
async fn user_op_with_json_body_is_sent_and_stored() {
    let (_sim, client, website_id, session) = start().await;
    let website = client.website(&website_id);

    let sent = post_raw(&client, &website_id, &session, note())
        .await
        .unwrap();
    let fingerprint = sent.fingerprint.expect("a fingerprint");
    let stored = website
        .conversation(&session)
        .message(fingerprint)
        .await
        .unwrap();
    assert_eq!(stored.content.as_text(), Some("left by a user op"));
}
