//! The handles that reach the endpoints: [`App`], [`Conversation`], [`User`] (and the client
//! itself for the endpoints outside them). Their methods are generated from the endpoint table,
//! except the few here that are more than one call.

use crate::call::{Call, CarrotOp, new_call};
use crate::ops::{ListLeads, TrackEvent};
use crate::props::SetProps;
use chatdesk_model::carrot::{AppRef, PropOperation};
use chatdesk_model::id::FlexId;
use serde_json::Value;

pub(crate) use crate::client::{CarrotClient, UserRef};

/// What a handle gives the calls it makes: the client, the path ids it holds, and the user
/// reference of a `/users/{user}` path.
pub(crate) trait Handle {
    fn client(&self) -> &CarrotClient;
    fn path(&self) -> Vec<String>;
    fn user(&self) -> Option<&UserRef> {
        None
    }

    fn call<O: CarrotOp>(&self, params: O::Params) -> Call<O> {
        new_call(self.client(), self.path(), self.user().cloned(), params)
    }
}

impl Handle for CarrotClient {
    fn client(&self) -> &CarrotClient {
        self
    }
    fn path(&self) -> Vec<String> {
        Vec::new()
    }
}

impl CarrotClient {
    /// The endpoints under `/apps/{app_id}`; `AppRef::SelfApp` (`$self_app`) is the token's app.
    pub fn app(&self, app: impl Into<AppRef>) -> App {
        App {
            client: self.clone(),
            app: app.into(),
        }
    }

    /// The endpoints under `/apps/$self_app`: the app the token belongs to.
    pub fn this_app(&self) -> App {
        self.app(AppRef::SelfApp)
    }

    /// The endpoints under `/conversations/{conversation_id}`.
    pub fn conversation(&self, id: impl Into<FlexId>) -> Conversation {
        Conversation {
            client: self.clone(),
            id: id.into(),
        }
    }

    /// The endpoints under `/users/{user}`, by Carrot id or by your own User ID.
    pub fn user(&self, user: impl Into<UserRef>) -> User {
        User {
            client: self.clone(),
            user: user.into(),
        }
    }

    /// `POST /users/{user}/events`: shorthand for `client.user(user).track_event(name)`.
    pub fn track_event(
        &self,
        user: impl Into<UserRef>,
        name: impl Into<String>,
    ) -> Call<TrackEvent> {
        self.user(user).track_event(name)
    }
}

/// The endpoints of one app (`/apps/{app_id}/…`).
#[derive(Debug, Clone)]
pub struct App {
    client: CarrotClient,
    app: AppRef,
}

impl Handle for App {
    fn client(&self) -> &CarrotClient {
        &self.client
    }
    fn path(&self) -> Vec<String> {
        vec![self.app.to_string()]
    }
}

impl App {
    /// `GET /apps/{app_id}/users` with `limit=1`: read `page.meta.total` for the number of
    /// leads (what the PHP wrapper's `getCountLeads` did).
    pub fn count_leads(&self) -> Call<ListLeads> {
        self.leads().per_page(1)
    }
}

/// The endpoints of one conversation (`/conversations/{conversation_id}/…`).
#[derive(Debug, Clone)]
pub struct Conversation {
    client: CarrotClient,
    id: FlexId,
}

impl Handle for Conversation {
    fn client(&self) -> &CarrotClient {
        &self.client
    }
    fn path(&self) -> Vec<String> {
        vec![self.id.to_string()]
    }
}

/// The endpoints of one user (`/users/{user}/…`), by Carrot id or by your own User ID.
#[derive(Debug, Clone)]
pub struct User {
    client: CarrotClient,
    user: UserRef,
}

impl Handle for User {
    fn client(&self) -> &CarrotClient {
        &self.client
    }
    fn path(&self) -> Vec<String> {
        vec![self.user.path_segment()]
    }
    fn user(&self) -> Option<&UserRef> {
        Some(&self.user)
    }
}

impl User {
    /// `POST /users/{user}/props`: a builder of property operations, split into requests of
    /// at most 250 operations (the API's limit per request).
    pub fn props(&self) -> SetProps {
        SetProps::new(self.clone())
    }

    /// Sets every `(key, value)` with `update_or_create` (the PHP wrapper's `setProps`).
    pub fn set_props<I, K, V>(&self, props: I) -> SetProps
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        self.props().operations(
            props
                .into_iter()
                .map(|(k, v)| PropOperation::update_or_create(k, v)),
        )
    }

    /// Deletes every property in `keys` (the PHP wrapper's `deleteProps`).
    pub fn delete_props<I, K>(&self, keys: I) -> SetProps
    where
        I: IntoIterator<Item = K>,
        K: Into<String>,
    {
        self.props()
            .operations(keys.into_iter().map(PropOperation::delete))
    }

    /// The user reference this handle holds.
    pub fn user_ref(&self) -> &UserRef {
        &self.user
    }
}
