//! `/utils/...`: helpers seen in public code only, with no documented response.

params_struct! {
    /// Form of `POST /utils/email`, a transactional e-mail helper (undocumented; seen under `/v1`).
    /// Its response shape is unknown, so the response type is `serde_json::Value`.
    #[derive(Default)]
    pub struct SendEmailParams {
        /// Sender address.
        pub from_email: String,
        /// Recipients (sent as a JSON array).
        #[serde(serialize_with = "crate::carrot::wire::json_text")]
        pub to_emails: Vec<String>,
        /// Subject line.
        pub subject: String,
        /// HTML body.
        pub html: String,
    }
}

impl SendEmailParams {
    /// An e-mail from `from_email` to `to_emails`.
    pub fn new(
        from_email: impl Into<String>,
        to_emails: Vec<String>,
        subject: impl Into<String>,
        html: impl Into<String>,
    ) -> Self {
        SendEmailParams {
            from_email: from_email.into(),
            to_emails,
            subject: subject.into(),
            html: html.into(),
        }
    }
}
