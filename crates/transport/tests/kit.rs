//! The endpoint kit from a vendor crate's side: a toy vendor declares its `Call` with
//! `call_type!`, one list endpoint and one setter, and everything the kit promises works on it.

use bytes::Bytes;
use chatdesk_transport::http::{Request, Response};
use chatdesk_transport::kit::{List, Op, Parts, Vendor};
use chatdesk_transport::{
    Body, Described, EndpointSpec, Error, Fetched, Paginator, Position, Replay, RetryConfig,
    Secret, Transport, build_described, http::Method,
};
use futures_util::TryStreamExt;
use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

chatdesk_transport::call_type!();

/// The toy vendor's client: a transport and a key that must never be printed.
#[derive(Clone)]
struct Toy {
    transport: Transport,
    key: Secret,
}

#[derive(Debug, Clone, Default)]
struct ToyExtra {
    traced: bool,
}

impl Vendor for Toy {
    type Extra = ToyExtra;
    fn transport(&self) -> &Transport {
        &self.transport
    }
    fn describe<O: Op<Client = Self>>(call: &Parts<O>) -> Result<Described, Error> {
        let path = O::SPEC.render_path(
            &call
                .path_args()
                .iter()
                .map(|a| chatdesk_transport::PathArg::Segment(a))
                .collect::<Vec<_>>(),
        )?;
        let query = chatdesk_transport::encode_query(call.params())?;
        let base = chatdesk_transport::BaseUrl::parse_allowing_plain_http("http://toy.invalid")?;
        let mut headers = Vec::new();
        let mut key = chatdesk_transport::http::HeaderValue::from_str(call.client().key.expose())
            .map_err(|e| Error::invalid(e.to_string()))?;
        key.set_sensitive(true);
        headers.push((
            chatdesk_transport::http::HeaderName::from_static("x-key"),
            key,
        ));
        if call.extra().traced {
            headers.push((
                chatdesk_transport::http::HeaderName::from_static("x-traced"),
                chatdesk_transport::http::HeaderValue::from_static("1"),
            ));
        }
        build_described(
            &base,
            O::SPEC,
            &path,
            &query,
            chatdesk_transport::RequestBody::Empty,
            &headers,
        )
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
struct ListParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    per_page: Option<u32>,
}

/// `GET /items/{page}`: pages of `per_page` numbers out of 0..10.
struct ListItems;

impl Op for ListItems {
    type Client = Toy;
    type Params = ListParams;
    type Body = ();
    type Output = Vec<u32>;
    const SPEC: &'static EndpointSpec = &EndpointSpec {
        vendor: "toy",
        call: "items(page)",
        name: "list_items",
        method: Method::GET,
        path: "/items/{page}",
        replay: Replay::Safe,
        rate_class: "items",
    };
    fn decode(response: Response<Bytes>) -> Result<Vec<u32>, Error> {
        chatdesk_transport::decode_json(response.body())
    }
}

impl List for ListItems {
    type Item = u32;
    type Cursor = u32;
    fn walk(call: Parts<Self>, from: Option<u32>) -> Paginator<u32, u32> {
        let first = from.unwrap_or(1);
        Paginator::new(first, move |page: u32| {
            let mut call = call.clone();
            call.path_args_mut()[0] = page.to_string();
            Box::pin(async move {
                let items = call.send().await?;
                Ok(Fetched {
                    items,
                    next: page.checked_add(1),
                })
            }) as chatdesk_transport::BoxFuture<_>
        })
    }
}

impl Call<ListItems> {
    /// A setter of the toy vendor: an inherent method on its own `Call`.
    fn per_page(self, n: u32) -> Self {
        self.with_params(|p| p.per_page = Some(n))
    }
    fn traced(mut self) -> Self {
        self.parts_mut().extra_mut().traced = true;
        self
    }
}

fn toy(requests: Arc<AtomicUsize>) -> Toy {
    let service = tower::service_fn(move |req: Request<Body>| {
        requests.fetch_add(1, Ordering::SeqCst);
        async move {
            let page: usize = req
                .uri()
                .path()
                .rsplit('/')
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or(1);
            let per: usize = req
                .uri()
                .query()
                .and_then(|q| q.strip_prefix("per_page="))
                .and_then(|n| n.parse().ok())
                .unwrap_or(3);
            let items: Vec<u32> = (0..10u32).skip((page - 1) * per).take(per).collect();
            let body = serde_json::to_vec(&items).unwrap_or_default();
            Ok::<_, Infallible>(Response::new(http_body_util::Full::new(Bytes::from(body))))
        }
    });
    Toy {
        transport: Transport::builder()
            .retry(RetryConfig::disabled())
            .service(service)
            .build(),
        key: Secret::new("s3cret-key"),
    }
}

fn list(client: &Toy) -> Call<ListItems> {
    Call(Parts::new(
        client.clone(),
        vec!["1".to_owned()],
        ListParams::default(),
        (),
    ))
}

#[tokio::test]
async fn a_vendor_call_awaits_renders_and_never_prints_its_key() {
    let requests = Arc::new(AtomicUsize::new(0));
    let client = toy(requests.clone());
    let call = list(&client).per_page(4).traced();
    let request = call.to_request().unwrap();
    assert_eq!(
        request.uri().path_and_query().unwrap(),
        "/items/1?per_page=4"
    );
    assert_eq!(request.headers()["x-traced"], "1");
    let printed = format!("{call:?}");
    assert!(
        printed.contains("list_items") && printed.contains("per_page"),
        "{printed}"
    );
    assert!(!printed.contains("s3cret"), "{printed}");
    assert_eq!(call.clone().await.unwrap(), [0, 1, 2, 3]);
    assert_eq!(call.send().await.unwrap(), [0, 1, 2, 3]);
    assert_eq!(requests.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_list_call_streams_pages_and_resumes_from_a_stored_position() {
    let client = toy(Arc::new(AtomicUsize::new(0)));
    let all: Vec<u32> = list(&client).stream().try_collect().await.unwrap();
    assert_eq!(all, (0..10).collect::<Vec<_>>());

    let mut walk = list(&client).stream();
    let mut got = Vec::new();
    for _ in 0..5 {
        got.extend(walk.try_next().await.unwrap());
    }
    let stored = serde_json::to_string(&walk.position().unwrap()).unwrap();
    drop(walk);
    let position: Position<u32> = serde_json::from_str(&stored).unwrap();
    assert_eq!(position, Position { cursor: 2, skip: 2 });
    let rest: Vec<u32> = list(&client)
        .stream_from(position)
        .try_collect()
        .await
        .unwrap();
    got.extend(rest);
    assert_eq!(got, all);

    let steps: Vec<_> = list(&client)
        .per_page(5)
        .pages()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[1].items, [5, 6, 7, 8, 9]);
    assert_eq!(steps[1].next, Some(Position::at(3)));
}
