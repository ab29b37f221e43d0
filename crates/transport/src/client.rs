//! The default inner service: hyper-util's pooled client over rustls (ring provider).

use crate::Body;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use std::sync::Arc;
use std::time::Duration;

/// The one TLS configuration of the transport, for REST and (with the `websocket` feature)
/// sockets alike: rustls with the ring provider passed explicitly, its safe default protocol
/// versions, Mozilla's root certificates (webpki-roots) and no client certificate. No ALPN is
/// set here; each user sets its own.
pub fn tls_config() -> Result<rustls::ClientConfig, rustls::Error> {
    use hyper_rustls::ConfigBuilderExt as _;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_webpki_roots()
        .with_no_client_auth())
}

/// The hyper client type the default stack uses.
pub type HyperClient = Client<HttpsConnector<HttpConnector>, Body>;

/// Builds the default pooled client: HTTP/1.1 and HTTP/2 (chosen by ALPN), TLS through rustls
/// with the ring provider passed explicitly (so another provider elsewhere in the build never
/// makes rustls guess) and Mozilla's root certificates, plain `http://` allowed for loopback
/// simulators and proxies.
pub fn hyper_client() -> Result<HyperClient, rustls::Error> {
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls_config()?)
        .https_or_http()
        .enable_all_versions()
        .build();
    Ok(Client::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(64)
        .pool_timer(TokioTimer::new())
        .timer(TokioTimer::new())
        .build(connector))
}
