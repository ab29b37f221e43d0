//! The pieces both vendor crates declare their endpoints with.
//!
//! An endpoint is a static [`EndpointSpec`] (method, path template, replay class, rate-limit
//! class) plus a builder that supplies the path arguments, query and body. This module turns
//! those into an `http::Request`: every path argument percent-encoded, the query and form bodies
//! URL-encoded, JSON bodies serialised, the [`RequestMeta`](crate::RequestMeta) attached for the layers. It also
//! decodes JSON answers with the failing field's path.

mod base_url;
mod decode;
mod request;
mod spec;

#[cfg(feature = "websocket")]
pub(crate) use base_url::is_loopback;
pub use base_url::{BaseUrl, PlainHttpRefused};
pub use decode::{decode_json, parse_json};
pub use request::{Multipart, RequestBody, build_described, build_request, encode_query};
pub use spec::{EndpointSpec, PathArg};

use crate::error::Error;
use crate::{Body, BoxFuture, Transport};
use bytes::Bytes;
use http::{Request, Response};

/// One endpoint call, ready to be sent: implemented by every request builder of the vendor
/// crates so that `.await`, `.send()` and request inspection work the same everywhere.
pub trait Endpoint: Sized + Send + 'static {
    /// What a successful call returns.
    type Output: Send + 'static;

    /// The endpoint's static description.
    fn spec(&self) -> &'static EndpointSpec;

    /// The exact request that would be sent, without sending it (for inspection and tests).
    fn to_request(&self) -> Result<Request<Body>, Error>;

    /// The transport to send it through.
    fn transport(&self) -> &Transport;

    /// Turns the answer into the output, or into [`Error::Api`] for an error answer.
    fn decode(response: Response<Bytes>) -> Result<Self::Output, Error>;

    /// Sends the request and decodes the answer.
    fn send(self) -> BoxFuture<Result<Self::Output, Error>> {
        let request = self.to_request();
        let transport = self.transport().clone();
        Box::pin(async move {
            let response = transport.send(request?).await?;
            Self::decode(response)
        })
    }
}

/// Implements `IntoFuture` for endpoint builders, so that `builder.await` sends them.
///
/// ```ignore
/// chatdesk_transport::endpoint_into_future!(GetConversation, ListMessages);
/// ```
#[macro_export]
macro_rules! endpoint_into_future {
    ($($ty:ty),+ $(,)?) => {$(
        impl ::core::future::IntoFuture for $ty {
            type Output = ::core::result::Result<
                <$ty as $crate::Endpoint>::Output,
                $crate::Error,
            >;
            type IntoFuture = $crate::BoxFuture<Self::Output>;
            fn into_future(self) -> Self::IntoFuture {
                $crate::Endpoint::send(self)
            }
        }
    )+};
}
