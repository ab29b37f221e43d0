//! The call type every endpoint returns ([`Call`], from the kit), how a Carrot call becomes a
//! request ([`Vendor`] for [`CarrotClient`]), and the Carrot-only data of an endpoint.

use crate::client::{CarrotClient, UserRef};
use bytes::Bytes;
use chatdesk_transport::kit::{Op, Parts, Vendor};
use chatdesk_transport::{
    Described, EndpointSpec, Error, Multipart, PathArg, Replay, RequestBody, Transport,
    build_described, encode_query,
};
use http::Method;
use std::fmt;

chatdesk_transport::call_type!();

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

/// One endpoint declaration, as data: what [`crate::ENDPOINTS`] holds plus the wire types and
/// the reason for the replay class. Generated from the same table entry as the endpoint's
/// marker and method.
#[derive(Debug, Clone, Copy)]
pub struct Declaration {
    /// The transport-level description.
    pub spec: &'static EndpointSpec,
    /// The parameter type (in `chatdesk_model::carrot`).
    pub params: &'static str,
    /// The `data` type (in `chatdesk_model::carrot`).
    pub data: &'static str,
    /// What `.await` returns.
    pub output: &'static str,
    /// Which user references the path accepts.
    pub users: UserKinds,
    /// Why the endpoint has its replay class.
    pub replay_reason: &'static str,
}

/// The Carrot-only facts of an endpoint, beside the kit's [`Op`]: generated from the table.
pub(crate) trait CarrotOp: Op<Client = CarrotClient, Body = ()> {
    /// Which user references the path accepts.
    const USERS: UserKinds;

    /// A replay class for this particular request, when it can be better than the declared one
    /// (a props request made only of idempotent operations).
    fn replay_for(_params: &Self::Params) -> Option<Replay> {
        None
    }

    /// Refuses parameters the API states it does not accept (a page size outside 1–50), before
    /// anything is sent.
    fn check(_params: &Self::Params) -> Result<(), String> {
        Ok(())
    }
}

/// A file sent as one multipart part.
#[derive(Clone)]
pub(crate) struct FilePart {
    pub field: &'static str,
    pub filename: String,
    pub content_type: String,
    pub data: Bytes,
}

/// What a Carrot call holds beside its parameters: the user reference of a `/users/{user}`
/// path (it decides `by_user_id`), the file of a multipart request, and why the call cannot be
/// sent (an endpoint that refuses the user reference), found when the call was made.
///
/// Opaque; its `Debug` shows the user reference, the file's name and the reason, never the
/// file's bytes.
#[derive(Clone, Default)]
pub struct CallExtra {
    pub(crate) user: Option<UserRef>,
    pub(crate) file: Option<FilePart>,
    pub(crate) invalid: Option<String>,
}

impl fmt::Debug for CallExtra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallExtra")
            .field("user", &self.user)
            .field("file", &self.file.as_ref().map(|f| &f.filename))
            .field("invalid", &self.invalid)
            .finish()
    }
}

/// A call to `O` with `path` (the handle's ids, unencoded), the user reference the path
/// holds, and `params`; an endpoint that refuses this kind of user records why.
pub(crate) fn new_call<O: CarrotOp>(
    client: &CarrotClient,
    path: Vec<String>,
    user: Option<UserRef>,
    params: O::Params,
) -> Call<O> {
    let mut parts: Parts<O> = Parts::new(client.clone(), path, params, ());
    let extra: &mut CallExtra = parts.extra_mut();
    extra.invalid = user.as_ref().and_then(|u| check_user::<O>(u).err());
    extra.user = user;
    Call(parts)
}

impl<O: Op<Client = CarrotClient>> Call<O> {
    pub(crate) fn set_file(&mut self, file: FilePart) {
        self.parts_mut().extra_mut().file = Some(file);
    }
}

fn check_user<O: CarrotOp>(user: &UserRef) -> Result<(), String> {
    match (O::USERS, user) {
        (UserKinds::CarrotOnly, UserRef::External(_)) => Err(format!(
            "{}: this endpoint accepts only a Carrot id (UserRef::Carrot), not your own User ID",
            O::SPEC.name
        )),
        (_, UserRef::External(id)) if id.chars().count() > 255 => Err(format!(
            "{}: a User ID has at most 255 characters",
            O::SPEC.name
        )),
        _ => Ok(()),
    }
}

/// `Op::describe` of every Carrot endpoint: the endpoint's own checks, the request the client
/// renders, and the request's own replay class where it is better than the declared one.
pub(crate) fn describe<O: CarrotOp>(call: &Parts<O>) -> Result<Described, Error> {
    O::check(call.params()).map_err(Error::invalid)?;
    let mut described = CarrotClient::describe(call)?;
    if let Some(replay) = O::replay_for(call.params()) {
        described.meta.replay = replay;
    }
    Ok(described)
}

impl Vendor for CarrotClient {
    type Extra = CallExtra;

    fn transport(&self) -> &Transport {
        CarrotClient::transport(self)
    }

    /// The base URL and the rendered path; the parameters in the query (GET) or as a form
    /// (multipart when a file is attached), always with `id_as_string=true` in the query and
    /// `by_user_id=true` for a User ID; the token header.
    fn describe<O: Op<Client = Self>>(call: &Parts<O>) -> Result<Described, Error> {
        let extra = call.extra();
        if let Some(reason) = &extra.invalid {
            return Err(Error::invalid(reason.clone()));
        }
        let spec = O::SPEC;
        // `$self_app` is the API's own token for "the token's app": `$` is a sub-delimiter RFC 3986
        // allows in a path segment, so it goes as written (a raw argument), not as `%24`.
        let path =
            spec.render_path_by_name(call.path_args(), |name, value| match (name, value) {
                ("app_id", SELF_APP) => PathArg::Raw(SELF_APP),
                (_, other) => PathArg::Segment(other),
            })?;
        let (query, body) = encode(spec, call.params(), extra)?;
        let client = call.client();
        let headers = client.headers()?;
        build_described(client.base()?, spec, &path, &query, body, headers)
            .map(|described| described.with_rules(crate::retry_rules::RULES))
    }
}

/// The path argument that names the token's own app.
const SELF_APP: &str = "$self_app";

/// The query and the body of a call. `id_as_string=true` (every request, in the query) and
/// `by_user_id=true` (a User ID in the path) are the client's to send; the parameter types do
/// not carry them.
fn encode<P: serde::Serialize>(
    spec: &EndpointSpec,
    params: &P,
    extra: &CallExtra,
) -> Result<(String, RequestBody), Error> {
    let params = encode_query(params)?;
    let by_user_id = matches!(extra.user, Some(UserRef::External(_)));
    if spec.method == Method::GET {
        // One string, sized once: `id_as_string=true[&by_user_id=true][&params]`.
        const ID_AS_STRING: &str = "id_as_string=true";
        const BY_USER_ID: &str = "&by_user_id=true";
        let mut query =
            String::with_capacity(ID_AS_STRING.len() + BY_USER_ID.len() + 1 + params.len());
        query.push_str(ID_AS_STRING);
        if by_user_id {
            query.push_str(BY_USER_ID);
        }
        if !params.is_empty() {
            query.push('&');
            query.push_str(&params);
        }
        return Ok((query, RequestBody::Empty));
    }
    let mut fields = String::with_capacity(params.len() + 16);
    if by_user_id {
        fields.push_str("by_user_id=true");
    }
    if !params.is_empty() {
        if !fields.is_empty() {
            fields.push('&');
        }
        fields.push_str(&params);
    }
    let body = match &extra.file {
        None => RequestBody::Form(Bytes::from(fields)),
        Some(file) => {
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_str(&fields).map_err(|e| Error::InvalidRequest {
                    reason: format!("{}: could not build the multipart form", spec.name),
                    source: Some(Box::new(e)),
                })?;
            let mut mp = Multipart::new();
            for (k, v) in &pairs {
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
