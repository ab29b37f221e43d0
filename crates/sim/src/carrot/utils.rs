//! The `utils/…` routes: transactional e-mail.

use super::*;

impl CarrotSim {
    /// `POST /utils/email`: records the e-mail instead of sending it.
    pub(super) fn email(&self, st: &mut State, _arg: &str, req: &Req) -> Res<Answer> {
        let none = Map::new;
        let from = req
            .text("from_email")
            .ok_or_else(|| validation("from_email", "from_email is required"))?;
        let to_raw = req
            .text("to_emails")
            .ok_or_else(|| validation("to_emails", "to_emails is required"))?;
        let to: Vec<String> = if to_raw.trim_start().starts_with('[') {
            serde_json::from_str(to_raw)
                .map_err(|_| validation("to_emails", "to_emails must be a JSON array of strings"))?
        } else {
            to_raw.split(',').map(|s| s.trim().to_string()).collect()
        };
        if to.is_empty() || to.iter().any(|t| !t.contains('@')) {
            return Err(validation(
                "to_emails",
                "to_emails must hold e-mail addresses",
            ));
        }
        let subject = req
            .text("subject")
            .ok_or_else(|| validation("subject", "subject is required"))?;
        let html = req
            .text("html")
            .ok_or_else(|| validation("html", "html is required"))?;
        st.emails
            .push(json!({"from_email": from, "to_emails": to, "subject": subject, "html": html}));
        self.write(format!("carrot:email:{subject}"));
        Ok((json!({}), none()))
    }
}
