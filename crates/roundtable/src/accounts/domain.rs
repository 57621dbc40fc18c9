//! Values that cross the boundary into accounts, parsed once.

use crate::web::{AppError, Message};

/// A lower-cased, syntactically valid e-mail address of reasonable length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, AppError> {
        let trimmed = input.trim().to_lowercase();
        if trimmed.len() > 254 {
            return Err(AppError::Invalid(Message::new("error-too-long").arg("max", 254)));
        }
        let parsed = email_address::EmailAddress::parse_with_options(
            &trimmed,
            email_address::Options::default().without_display_text().without_domain_literal(),
        );
        match parsed {
            // A dot in the domain: addresses at bare host names cannot receive our mail.
            Ok(e) if e.domain().contains('.') => Ok(Email(trimmed)),
            _ => Err(AppError::invalid("error-email-invalid")),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How a member is shown: 1 to 80 characters, no control characters. A pseudonym is fine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX: usize = 80;

    pub fn parse(input: &str) -> Result<DisplayName, AppError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(AppError::invalid("error-name-required"));
        }
        if name.chars().count() > Self::MAX {
            return Err(AppError::Invalid(Message::new("error-too-long").arg("max", Self::MAX)));
        }
        if name.chars().any(|c| c.is_control() || matches!(c, '<' | '>')) {
            return Err(AppError::invalid("error-name-characters"));
        }
        Ok(DisplayName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the policy: 12 to 128 characters and not easy to guess
/// (common passwords, keyboard walks, repeats, the person's own name or e-mail).
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 12;
    pub const MAX: usize = 128;

    pub fn parse(password: &str, confirm: &str, user_inputs: &[&str]) -> Result<NewPassword, AppError> {
        let length = password.chars().count();
        if length < Self::MIN {
            return Err(AppError::Invalid(Message::new("error-password-short").arg("min", Self::MIN)));
        }
        if length > Self::MAX {
            return Err(AppError::Invalid(Message::new("error-too-long").arg("max", Self::MAX)));
        }
        if password != confirm {
            return Err(AppError::invalid("error-password-mismatch"));
        }
        // The person's own name or address inside the password is the first thing tried.
        let lowered = password.to_lowercase();
        let personal = user_inputs
            .iter()
            .flat_map(|input| {
                input.to_lowercase().split(['@', '.', ' ', '-', '_']).map(str::to_string).collect::<Vec<_>>()
            })
            .any(|part| part.chars().count() >= 4 && lowered.contains(&part));
        if personal {
            return Err(AppError::invalid("error-password-common"));
        }
        let estimate = zxcvbn::zxcvbn(password, user_inputs);
        if estimate.score() < zxcvbn::Score::Three {
            return Err(AppError::invalid("error-password-common"));
        }
        Ok(NewPassword(password.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("  Somchai@Example.ORG ").unwrap().as_str(), "somchai@example.org");
        for bad in ["", "somchai", "somchai@", "@example.org", "a@b", "a b@example.org", "<a@example.org>"] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
        assert!(Email::parse(&format!("{}@example.org", "a".repeat(250))).is_err());
    }

    #[test]
    fn display_names_allow_pseudonyms_and_thai() {
        assert_eq!(DisplayName::parse("  Kru   Dao ").unwrap().as_str(), "Kru Dao");
        assert!(DisplayName::parse("สมชาย วงศ์สวัสดิ์").is_ok());
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"x".repeat(81)).is_err());
        assert!(DisplayName::parse("a\u{7}b").is_err());
    }

    #[test]
    fn password_policy() {
        let ok = "correct horse battery staple";
        assert!(NewPassword::parse(ok, ok, &[]).is_ok());
        assert!(NewPassword::parse("short", "short", &[]).is_err());
        assert!(NewPassword::parse("password1234", "password1234", &[]).is_err());
        assert!(NewPassword::parse("qwertyuiop123", "qwertyuiop123", &[]).is_err());
        assert!(NewPassword::parse(ok, "something else", &[]).is_err());
        let own = "somchai.wongsawat";
        assert!(NewPassword::parse(own, own, &["somchai.wongsawat@example.org", "somchai", "wongsawat"]).is_err());
    }
}
