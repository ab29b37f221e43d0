//! Bad input never crashes the simulator: malformed bodies, huge headers, bad UTF-8, unknown
//! routes and broken HTTP all get an error answer (the vendor's envelope wherever hyper lets the
//! request through), and the server keeps serving.

mod common;

use chatdesk_sim::Sim;
use common::*;

async fn alive(sim: &Sim) {
    let r = carrot_get(sim, &format!("/apps/{}/channels", sim.carrot_app_id())).await;
    assert_eq!(r.status, 200, "server still serving");
}

fn carrot_err(r: &Resp, status: u16, name: &str) {
    assert_eq!(r.status, status, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(v["meta"]["status"], status);
    assert_eq!(v["meta"]["error"], name, "{v}");
    assert!(v["meta"]["error_message"].is_string());
}

#[tokio::test]
async fn malformed_bodies_get_bad_request_envelopes() {
    let sim = Sim::builder().start().await.unwrap();
    let conv = sim.carrot_conversation_ids()[0];
    let path = format!("/conversations/{conv}/reply");
    let cases: [(&str, &[u8]); 6] = [
        (
            "multipart/form-data; boundary=XX",
            b"--XX\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nno end",
        ),
        ("multipart/form-data", b"--XX\r\n"),
        ("multipart/form-data; boundary=XX", b"--XX\r\nno-header-end"),
        ("application/json", b"{\"body\": "),
        ("application/json", b"[1,2,3]"),
        (
            "application/x-www-form-urlencoded",
            b"body=%FF%FE&from_admin=default_admin",
        ),
    ];
    for (ct, body) in cases {
        let r = carrot_send(&sim, "POST", &path, ct, body).await;
        carrot_err(&r, 400, "BadRequest");
    }
    // Raw non-UTF-8 bytes in a form body.
    let r = carrot_send(
        &sim,
        "POST",
        &path,
        FORM,
        b"body=\xff\xfe\xfd&from_admin=default_admin",
    )
    .await;
    carrot_err(&r, 400, "BadRequest");
    // A JSON object body is read like a form (nested values JSON-encoded).
    let json = br#"{"body":"json body","from_admin":"default_admin","body_json":{"blocks":[]}}"#;
    let r = carrot_send(&sim, "POST", &path, "application/json", json).await;
    assert_eq!(ok_data(&r)["body_json"], serde_json::json!({"blocks": []}));
    // Bad nested JSON and bad numbers are validation errors.
    let r = carrot_post(
        &sim,
        &path,
        &[
            ("body", "x"),
            ("from_admin", "default_admin"),
            ("random_id", "-1"),
        ],
    )
    .await;
    carrot_err(&r, 400, "ValidationError");
    let r = carrot_get(
        &sim,
        &format!("/conversations/{conv}/parts?paginate_position=%7Bnope"),
    )
    .await;
    carrot_err(&r, 400, "ValidationError");
    let r = carrot_get(&sim, "/conversations/99999999999999999999999999").await;
    carrot_err(&r, 400, "LookupError");
    alive(&sim).await;
}

#[tokio::test]
async fn huge_headers_and_bodies() {
    let sim = Sim::builder().max_body_bytes(4096).start().await.unwrap();
    let auth = token_header(&sim);
    let big = "x".repeat(100 * 1024);
    // Over our 64 KiB header budget: the vendor's envelope.
    let r = request(
        sim.addr(),
        "GET",
        &format!("/apps/{}/channels", sim.carrot_app_id()),
        &[("Authorization", &auth), ("X-Big", &big)],
        b"",
    )
    .await
    .unwrap();
    carrot_err(&r, 431, "BadRequest");
    let r = request(
        sim.addr(),
        "GET",
        "/v1/website/abc",
        &[("Authorization", "Basic eDp5"), ("X-Big", &big)],
        b"",
    )
    .await
    .unwrap();
    assert_eq!(r.status, 431);
    assert_eq!(r.json()["error"], true);
    // Around hyper's 1 MiB head buffer: a 431 (ours or hyper's bare one); the server lives on.
    let huge = "y".repeat(1100 * 1024);
    let raw = exchange_raw(
        sim.addr(),
        format!("GET /apps/1/channels HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Huge: {huge}\r\n\r\n").as_bytes(),
    )
    .await
    .unwrap_or_default();
    if !raw.is_empty() {
        assert!(
            raw.starts_with(b"HTTP/1.1 431"),
            "{}",
            String::from_utf8_lossy(&raw[..40.min(raw.len())])
        );
    }
    // Body over max_body_bytes: 413 envelope.
    let conv = sim.carrot_conversation_ids()[0];
    let body = "b".repeat(5000);
    let r = carrot_post(
        &sim,
        &format!("/conversations/{conv}/reply"),
        &[("body", &body)],
    )
    .await;
    carrot_err(&r, 413, "BadRequest");
    alive(&sim).await;
}

#[tokio::test]
async fn bad_utf8_unknown_routes_and_wrong_methods() {
    let sim = Sim::builder().start().await.unwrap();
    let auth = token_header(&sim);
    let r = carrot_get(&sim, "/users/%FF%FE").await;
    carrot_err(&r, 400, "BadRequest");
    let r = carrot_get(&sim, "/users/1?by_user_id=%FF").await;
    carrot_err(&r, 400, "BadRequest");
    for path in [
        "/apps/3/nothing",
        "/",
        "/v1/users/1/nothing",
        "/v2/utils/x",
        "/conversations",
    ] {
        let r = carrot_get(&sim, path).await;
        carrot_err(&r, 404, "Error404");
    }
    // Unknown route without credentials: Carrot's 404 outside /v1, Crisp's envelope inside.
    let r = bare_get(sim.addr(), "/no/such/thing").await;
    carrot_err(&r, 404, "Error404");
    let r = bare_get(sim.addr(), "/v1/no/such/thing").await;
    assert!(r.status >= 400);
    assert_eq!(r.json()["error"], true);
    let r = request(
        sim.addr(),
        "PUT",
        "/conversations/1/reply",
        &[("Authorization", &auth)],
        b"",
    )
    .await
    .unwrap();
    carrot_err(&r, 405, "MethodNotAllowed");
    // Raw non-ASCII bytes in the request target and a garbage request line: hyper refuses them.
    for raw in [
        &b"GET /users/\xff HTTP/1.1\r\nHost: x\r\n\r\n"[..],
        b"HELLO\r\n\r\n",
        b"\x00\x01\x02\r\n\r\n",
    ] {
        let answer = exchange_raw(sim.addr(), raw).await.unwrap_or_default();
        if !answer.is_empty() {
            assert!(
                answer.starts_with(b"HTTP/1.1 4"),
                "{}",
                String::from_utf8_lossy(&answer)
            );
        }
    }
    // A request body cut short by the client (it half-closes after 11 of 500 bytes).
    {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
        let head = format!(
            "POST /users/1/props HTTP/1.1\r\nHost: x\r\nAuthorization: {auth}\r\nContent-Length: 500\r\n\r\noperations="
        );
        s.write_all(head.as_bytes()).await.unwrap();
        s.shutdown().await.unwrap();
        let mut buf = Vec::new();
        let read = tokio::time::timeout(STEP, s.read_to_end(&mut buf)).await;
        assert!(
            read.is_ok(),
            "the server hangs up instead of waiting forever"
        );
    }
    alive(&sim).await;
}

#[tokio::test]
async fn pseudo_random_parameters_never_cause_server_errors() {
    let sim = Sim::builder().start().await.unwrap();
    let conv = sim.carrot_conversation_ids()[0];
    let user = sim.carrot_user_ids()[0];
    let app = sim.carrot_app_id();
    let routes = [
        ("POST", format!("/conversations/{conv}/reply")),
        ("POST", format!("/conversations/{conv}/assign")),
        ("POST", format!("/conversations/{conv}/tag")),
        ("DELETE", format!("/conversations/{conv}/tag")),
        ("POST", format!("/users/{user}/props")),
        ("POST", format!("/users/{user}/events")),
        ("POST", format!("/users/{user}/startconversation")),
        ("POST", "/users/import".to_string()),
        ("GET", format!("/apps/{app}/users")),
        ("GET", format!("/apps/{app}/conversations")),
        ("GET", format!("/users/{user}/events")),
    ];
    let keys = [
        "body",
        "from_admin",
        "from_user",
        "admin",
        "tag",
        "operations",
        "event",
        "params",
        "created",
        "filters",
        "offset",
        "limit",
        "paginate_position",
        "paginate_direction",
        "paginate_count",
        "after",
        "count",
        "by_user_id",
        "random_id",
        "tags",
        "app",
        "file",
    ];
    let values = [
        "",
        "0",
        "-1",
        "18446744073709551616",
        "[",
        "[]",
        "{}",
        "[1,\"a\",null]",
        "null",
        "true",
        "default_admin",
        "[{\"op\":\"add\",\"key\":\"n\",\"value\":\"x\"}]",
        "[{\"op\":1}]",
        "around",
        "{\"type\":\"or\",\"filters\":[{\"type\":\"gt\",\"property_name\":\"$x\"}]}",
        "1e400",
        "\u{1F600}",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..300 {
        let (method, path) = &routes[i % routes.len()];
        let n = (next() % 4) as usize + 1;
        let fields: Vec<(&str, &str)> = (0..n)
            .map(|_| {
                (
                    keys[(next() % keys.len() as u64) as usize],
                    values[(next() % values.len() as u64) as usize],
                )
            })
            .collect();
        let r = if *method == "GET" {
            let q = serde_urlencoded::to_string(&fields).unwrap();
            carrot_get(&sim, &format!("{path}?{q}")).await
        } else {
            carrot_form(&sim, method, path, &fields).await
        };
        assert!(r.status < 500, "{method} {path} {fields:?}: {}", r.status);
        let v = r.json();
        assert_eq!(v["meta"]["status"], r.status, "{v}");
    }
    alive(&sim).await;
}
