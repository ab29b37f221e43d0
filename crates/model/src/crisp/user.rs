//! User tier (legacy routes from the PHP wrapper and early Go clients): account, profile,
//! notification preferences, session login and availability.

use super::common::response_struct as object;
use super::website::Availability;
use serde::{Deserialize, Serialize};

object! {
    /// The current user account.
    pub struct UserAccount {
        /// User id.
        pub user_id: Option<String>,
        /// E-mail.
        pub email: Option<String>,
    }

    /// Profile of the current user.
    pub struct UserProfile {
        /// User id.
        pub user_id: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// First name.
        pub first_name: Option<String>,
        /// Last name.
        pub last_name: Option<String>,
        /// Phone.
        pub phone: Option<String>,
    }

    /// Notification preferences of the current user. Also the body of their update.
    pub struct NotificationSettings {
        /// All notifications off.
        pub disabled: Option<bool>,
        /// Notify of messages while online.
        pub messages_online: Option<bool>,
        /// Notify of messages while offline.
        pub messages_offline: Option<bool>,
        /// Send transcripts.
        pub messages_transcript: Option<bool>,
        /// Play sounds.
        pub sounds: Option<bool>,
    }

    /// A user-tier token keypair returned by login.
    pub struct SessionKeypair {
        /// Token identifier.
        pub identifier: Option<String>,
        /// Token key.
        pub key: Option<String>,
    }
}

wire_struct! {
    /// Body of `POST /user/account` (sign up).
    #[derive(Default, Eq)]
    pub struct AccountCreate {
        /// E-mail.
        pub email: String,
        /// Password.
        pub password: String,
        /// First name.
        pub first_name: Option<String>,
        /// Last name.
        pub last_name: Option<String>,
    }
}

impl AccountCreate {
    /// An account for `email`.
    pub fn new(email: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            password: password.into(),
            ..Self::default()
        }
    }
}

wire_struct! {
    /// Body of `PATCH /user/account/profile`: only the fields set change.
    #[derive(Default, Eq)]
    pub struct ProfileUpdate {
        /// First name.
        pub first_name: Option<String>,
        /// Last name.
        pub last_name: Option<String>,
        /// E-mail.
        pub email: Option<String>,
        /// New password.
        pub password: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Phone.
        pub phone: Option<String>,
    }
}

wire_struct! {
    /// Body of `POST /user/session/login`.
    #[derive(Default, Eq)]
    pub struct SessionLogin {
        /// E-mail.
        pub email: String,
        /// Password.
        pub password: String,
        /// Two-factor code.
        pub token: Option<String>,
    }
}

impl SessionLogin {
    /// Logs in as `email`.
    pub fn new(email: impl Into<String>, password: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            password: password.into(),
            token: None,
        }
    }
}

/// Body of `POST /user/session/recover` (password reset e-mail).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecover {
    /// Account e-mail.
    pub email: String,
}

impl SessionRecover {
    /// Recovers `email`.
    pub fn new(email: impl Into<String>) -> Self {
        Self {
            email: email.into(),
        }
    }
}

wire_struct! {
    /// Body of `PATCH /user/availability`.
    #[derive(Eq)]
    pub struct AvailabilityUpdate {
        /// Availability to advertise.
        #[serde(rename = "type")]
        pub kind: Availability,
        /// How long it holds.
        pub time: Option<AvailabilityFor>,
    }
}

impl AvailabilityUpdate {
    /// Advertises `kind` until changed.
    pub fn new(kind: Availability) -> Self {
        Self { kind, time: None }
    }
}

/// Duration of an advertised availability.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityFor {
    /// Duration (`for` on the wire).
    #[serde(rename = "for")]
    pub duration: i64,
}
