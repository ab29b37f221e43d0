//! The generic request builder every endpoint shares, and the one place responses are decoded.

use crate::client::{CarrotClient, UserRef};
use bytes::Bytes;
use chatdesk_model::carrot::{ErrorName, Meta};
use chatdesk_transport::{
    Body, Endpoint, EndpointSpec, Error, Multipart, PathArg, Replay, RequestBody, RequestMeta,
    Transport, build_request, decode_json, encode_query, parse_json,
};
use http::{Method, Request, Response, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::fmt;
use std::marker::PhantomData;

/// Which kinds of [`UserRef`] an endpoint's `{user}` placeholder accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserKinds {
    /// The path has no `{user}`.
    NoUser,
    /// A Carrot id or your own User ID (sent with `by_user_id=true`).
    Any,
    /// Only a Carrot id (for example `setpresence`): a [`UserRef::External`] fails with
    /// [`Error::InvalidRequest`] before anything is sent.
    CarrotOnly,
}

/// The static description of one endpoint: its [`EndpointSpec`] and its wire types.
///
/// Implemented by the marker types in [`crate::endpoints`], each generated from one declaration;
/// not meant to be implemented elsewhere.
pub trait Def: Send + Sync + 'static {
    /// The query (GET) or form (POST/DELETE) parameters, from `chatdesk_model::carrot`.
    type Params: Serialize + Clone + fmt::Debug + Send + Sync + 'static;
    /// The type `data` of the envelope decodes into.
    type Data: DeserializeOwned;
    /// What a successful call returns.
    type Output: Send + 'static;
    /// Method, path template, replay class, rate-limit class.
    const SPEC: &'static EndpointSpec;
    /// Which user references the path accepts.
    const USERS: UserKinds;
    /// Why the endpoint has its replay class.
    const REPLAY_REASON: &'static str;
    /// Builds the output from the envelope's `meta` and decoded `data`.
    fn output(meta: Meta, data: Self::Data) -> Self::Output;
    /// A replay class for this particular request, when it can be better than the declared one
    /// (a props request made only of idempotent operations).
    fn replay_for(_params: &Self::Params) -> Option<Replay> {
        None
    }
}

/// A file sent as one multipart part.
#[derive(Debug, Clone)]
pub(crate) struct FilePart {
    pub field: &'static str,
    pub filename: String,
    pub content_type: String,
    pub data: Bytes,
}

/// One call to endpoint `D`, ready to send: `.await` it, or inspect it with
/// [`Endpoint::to_request`].
///
/// Endpoint-specific setters (`.filter_name(..)`, `.from_admin(..)`...) are inherent methods on
/// `Call<SomeEndpoint>`; any parameter of the model type is reachable through
/// [`Call::params_mut`] / [`Call::with_params`].
#[must_use = "a call does nothing until it is awaited or sent"]
pub struct Call<D: Def> {
    pub(crate) client: CarrotClient,
    pub(crate) path: Vec<String>,
    pub(crate) user: Option<UserRef>,
    pub(crate) params: D::Params,
    pub(crate) file: Option<FilePart>,
    pub(crate) invalid: Option<String>,
    _def: PhantomData<fn() -> D>,
}

impl<D: Def> Clone for Call<D> {
    fn clone(&self) -> Self {
        Call {
            client: self.client.clone(),
            path: self.path.clone(),
            user: self.user.clone(),
            params: self.params.clone(),
            file: self.file.clone(),
            invalid: self.invalid.clone(),
            _def: PhantomData,
        }
    }
}

impl<D: Def> fmt::Debug for Call<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("endpoint", &D::SPEC.name)
            .field("path", &self.path)
            .field("user", &self.user)
            .field("params", &self.params)
            .field("file", &self.file.as_ref().map(|f| &f.filename))
            .finish_non_exhaustive()
    }
}

impl<D: Def> Call<D> {
    pub(crate) fn new(
        client: &CarrotClient,
        path: Vec<String>,
        user: Option<UserRef>,
        params: D::Params,
    ) -> Self {
        let invalid = user.as_ref().and_then(|u| check_user::<D>(u).err());
        Call {
            client: client.clone(),
            path,
            user,
            params,
            file: None,
            invalid,
            _def: PhantomData,
        }
    }

    /// The parameters, to change any of them.
    pub fn params_mut(&mut self) -> &mut D::Params {
        &mut self.params
    }

    /// The parameters as they stand.
    pub fn parameters(&self) -> &D::Params {
        &self.params
    }

    /// Changes the parameters with `f` and returns the call (for chaining).
    pub fn with_params(mut self, f: impl FnOnce(&mut D::Params)) -> Self {
        f(&mut self.params);
        self
    }

    pub(crate) fn set_file(&mut self, file: FilePart) {
        self.file = Some(file);
    }

    fn by_user_id(&self) -> bool {
        matches!(self.user, Some(UserRef::External(_)))
    }

    fn encode(&self) -> Result<(String, RequestBody), Error> {
        let spec = D::SPEC;
        let params = encode_query(&self.params)?;
        // `id_as_string` and `by_user_id` are the client's to set: drop any copy in the params.
        let mut pairs: Vec<&str> = Vec::new();
        if self.by_user_id() {
            pairs.push("by_user_id=true");
        }
        pairs.extend(params.split('&').filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !p.is_empty() && key != "id_as_string" && key != "by_user_id"
        }));
        if spec.method == Method::GET {
            let mut query = String::from("id_as_string=true");
            for p in pairs {
                query.push('&');
                query.push_str(p);
            }
            return Ok((query, RequestBody::Empty));
        }
        let form = pairs.join("&");
        let body = match &self.file {
            None => RequestBody::Form(Bytes::from(form)),
            Some(file) => {
                let fields: Vec<(String, String)> =
                    serde_urlencoded::from_str(&form).map_err(|e| Error::InvalidRequest {
                        reason: format!("{}: could not build the multipart form", spec.name),
                        source: Some(Box::new(e)),
                    })?;
                let mut mp = Multipart::new();
                for (k, v) in &fields {
                    mp = mp.text(k, v);
                }
                mp.file(
                    file.field,
                    &file.filename,
                    &file.content_type,
                    file.data.to_vec(),
                )
                .finish()
            }
        };
        Ok(("id_as_string=true".to_owned(), body))
    }
}

fn check_user<D: Def>(user: &UserRef) -> Result<(), String> {
    match (D::USERS, user) {
        (UserKinds::CarrotOnly, UserRef::External(_)) => Err(format!(
            "{}: this endpoint accepts only a Carrot id (UserRef::Carrot), not your own User ID",
            D::SPEC.name
        )),
        (_, UserRef::External(id)) if id.chars().count() > 255 => Err(format!(
            "{}: a User ID has at most 255 characters",
            D::SPEC.name
        )),
        _ => Ok(()),
    }
}

impl<D: Def> Endpoint for Call<D> {
    type Output = D::Output;

    fn spec(&self) -> &'static EndpointSpec {
        D::SPEC
    }

    fn to_request(&self) -> Result<Request<Body>, Error> {
        if let Some(reason) = &self.invalid {
            return Err(Error::invalid(reason.clone()));
        }
        let spec = D::SPEC;
        let args: Vec<PathArg<'_>> = self
            .path
            .iter()
            .map(|s| PathArg::Segment(s.as_str()))
            .collect();
        let mut path = spec.render_path(&args)?;
        // `$self_app` is the API's own token for "the token's app". `$` is a sub-delimiter that
        // RFC 3986 allows in a path segment, so it is sent as written rather than as `%24`.
        if let Some(rest) = path.strip_prefix("/apps/%24self_app/") {
            path = format!("/apps/$self_app/{rest}");
        }
        let (query, body) = self.encode()?;
        let headers = self.client.headers()?;
        let mut req = build_request(self.client.base()?, spec, &path, &query, body, &headers)?;
        req.extensions_mut().insert(crate::retry_rules::RULES);
        if let Some(replay) = D::replay_for(&self.params) {
            let meta = RequestMeta {
                replay,
                ..spec.meta()
            };
            req.extensions_mut().insert(meta);
        }
        Ok(req)
    }

    fn transport(&self) -> &Transport {
        self.client.transport()
    }

    fn decode(response: Response<Bytes>) -> Result<D::Output, Error> {
        let (meta, data) = decode_envelope::<D::Data>(response)?;
        Ok(D::output(meta, data))
    }
}

#[derive(serde::Deserialize)]
struct RawEnvelope<'a> {
    #[serde(default)]
    meta: Option<Meta>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

#[derive(serde::Deserialize)]
struct ErrorEnvelope {
    #[serde(default)]
    meta: Option<Meta>,
}

/// Decodes the `{meta, data}` envelope of any Carrot Quest answer.
///
/// * a non-2xx status, or a `meta.error` (or error `meta.status`) in a 2xx answer →
///   [`Error::Api`] with the status, `meta.error` as the reason (unknown names kept as sent) and
///   `meta.error_message` as the message; an HTML or other non-JSON error page gives an
///   [`Error::Api`] with no reason and the start of the page as its body;
/// * a 2xx answer that is empty, not JSON, or whose `data` does not fit `T` → [`Error::Decode`]
///   naming the failing field (`data.…`).
///
/// A missing or `null` `data` decodes as `null`, or else as `{}` (for the endpoints that answer
/// an empty object). Every [`Error::Api`] carries the attempt history in
/// [`ApiError::attempts`](chatdesk_transport::ApiError::attempts).
pub fn decode_envelope<T: DeserializeOwned>(response: Response<Bytes>) -> Result<(Meta, T), Error> {
    let attempts = chatdesk_transport::Attempts::of(&response);
    // Carrot's one DELETE (`…/tag`) removes a tag named in the parameters: its repeat is refused
    // with a 400 (`ConversationTagIsNotAssigned`), and a 404 there means the conversation is
    // missing, which no earlier attempt caused. So no 404 is read as "deleted" here; the
    // attempt history on the error tells the caller how the answer was reached.
    decode_body(response.status(), response.into_body()).map_err(|e| e.with_attempts(attempts))
}

fn decode_body<T: DeserializeOwned>(status: StatusCode, body: Bytes) -> Result<(Meta, T), Error> {
    if !status.is_success() {
        return Err(api_error(status, body));
    }
    // `data` is borrowed from the body, so decoding it below copies nothing.
    let raw: RawEnvelope<'_> = match parse_json(&body) {
        Ok(raw) => raw,
        Err(e) => {
            return Err(Error::Decode {
                path: ".".into(),
                source: e,
                body: body.slice(..body.len().min(4096)),
            });
        }
    };
    let meta = raw.meta.unwrap_or_default();
    if meta.is_error() {
        return Err(api_error(status, body));
    }
    let data = match raw.data {
        Some(r) if r.get().trim() != "null" => {
            decode_json::<T>(&body.slice_ref(r.get().as_bytes())).map_err(in_data)?
        }
        _ => match serde_json::from_str::<T>("null") {
            Ok(v) => v,
            Err(_) => decode_json::<T>(&Bytes::from_static(b"{}")).map_err(in_data)?,
        },
    };
    Ok((meta, data))
}

fn in_data(e: Error) -> Error {
    match e {
        Error::Decode { path, source, body } => Error::Decode {
            path: if path == "." {
                "data".to_owned()
            } else {
                format!("data.{path}")
            },
            source,
            body,
        },
        other => other,
    }
}

fn api_error(status: StatusCode, body: Bytes) -> Error {
    let meta = serde_json::from_slice::<ErrorEnvelope>(&body)
        .ok()
        .and_then(|e| e.meta);
    let (reason, message, meta_status) = match meta {
        Some(m) => (
            m.error.as_ref().map(|e| e.as_str().to_owned()),
            m.error_message,
            m.status,
        ),
        None => (None, None, None),
    };
    // A 2xx answer that reports an error in `meta` takes the status `meta` gives.
    let status = if status.is_success() {
        meta_status
            .and_then(|s| StatusCode::from_u16(s).ok())
            .filter(|s| !s.is_success())
            .unwrap_or(status)
    } else {
        status
    };
    chatdesk_transport::ApiError::new(status, body)
        .with_reason(reason)
        .with_message(message)
        .into()
}

/// The `meta` of an [`Error::Api`] from Carrot Quest, for the details the error itself does not
/// carry (`meta.error_fields` of a `ValidationError`).
///
/// ```
/// # use chatdesk_carrot_api::error_meta;
/// # let err = chatdesk_transport::Error::invalid("x");
/// if let Some(meta) = error_meta(&err) {
///     println!("{:?}", meta.error_fields);
/// }
/// ```
pub fn error_meta(err: &Error) -> Option<Meta> {
    match err {
        Error::Api(api) => serde_json::from_slice::<ErrorEnvelope>(&api.body)
            .ok()
            .and_then(|e| e.meta),
        _ => None,
    }
}

/// The Carrot Quest error name of an [`Error::Api`] (`ValidationError`, `LookupError`...), typed.
pub fn error_name(err: &Error) -> Option<ErrorName> {
    err.reason().map(|r| match r.parse::<ErrorName>() {
        Ok(n) => n,
        Err(never) => match never {},
    })
}
