//! Form bodies decoded into the domain's types: the vocabularies (through serde and
//! `FromStr`) and the account values (`Email`, `DisplayName`, `NewPassword`). A value is
//! accepted only in its one spelling, and what is accepted is what its rules promise.
#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use roundtable::accounts::domain::{DisplayName, Email, NewPassword};
use roundtable::vocab::*;
use serde::Deserialize;

/// A form as the browser sends it: every field as text, repeated fields as lists.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Raw {
    visibility: Vec<String>,
    role: Vec<String>,
    sector: Vec<String>,
    expertise: Vec<String>,
    country: Vec<String>,
    language: Vec<String>,
    contact: Vec<String>,
    kind: Vec<String>,
    licence: Vec<String>,
    email: Option<String>,
    name: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
}

/// The same form decoded straight into the types, as handlers take them.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Typed {
    visibility: Vec<Visibility>,
    role: Vec<Role>,
    sector: Vec<Sector>,
    expertise: Vec<Expertise>,
    country: Vec<Country>,
    language: Vec<Language>,
    contact: Vec<ContactKind>,
    kind: Vec<EventKind>,
    licence: Vec<Licence>,
}

/// Every value parses exactly when it is a key, and writes itself back as that key.
fn keys<T: FromStr + std::fmt::Display + Copy + PartialEq>(values: &[String], all: &[T]) -> bool {
    values.iter().all(|v| {
        let parsed = v.parse::<T>().ok();
        let known = all.iter().find(|k| k.to_string() == *v).copied();
        assert!(parsed == known, "{v:?}");
        parsed.is_some()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_html_form::from_bytes::<Raw>(data) else { return };
    let all_known = [
        keys(&raw.visibility, Visibility::ALL),
        keys(&raw.role, Role::ALL),
        keys(&raw.sector, Sector::ALL),
        keys(&raw.expertise, Expertise::ALL),
        keys(&raw.country, Country::ALL),
        keys(&raw.language, Language::ALL),
        keys(&raw.contact, ContactKind::ALL),
        keys(&raw.kind, EventKind::ALL),
        keys(&raw.licence, Licence::ALL),
    ]
    .iter()
    .all(|k| *k);
    let typed = serde_html_form::from_bytes::<Typed>(data);
    assert_eq!(typed.is_ok(), all_known, "typed decoding agrees with the keys");
    if let Ok(t) = typed {
        assert_eq!(t.sector.iter().map(|s| s.key()).collect::<Vec<_>>(), raw.sector);
        assert_eq!(t.country.len(), raw.country.len());
    }

    if let Some(input) = &raw.email {
        if let Ok(email) = Email::parse(input) {
            let e = email.as_str();
            assert!(e.len() <= 254 && e == e.trim() && e == e.to_lowercase(), "{e:?}");
            // An address goes into mail headers: nothing in it may end or fold a header line.
            assert!(!e.chars().any(char::is_control), "a control character in {e:?}");
            let (_, domain) = e.rsplit_once('@').expect("an @");
            assert!(domain.contains('.'), "{e:?}");
            assert_eq!(Email::parse(e).ok().as_ref(), Some(&email), "parsing is idempotent");
        }
    }
    if let Some(input) = &raw.name {
        if let Ok(name) = DisplayName::parse(input) {
            let n = name.as_str();
            let count = n.chars().count();
            assert!((1..=DisplayName::MAX).contains(&count), "{n:?}");
            assert!(!n.chars().any(|c| c.is_control() || c == '<' || c == '>'), "{n:?}");
            assert!(n.trim() == n && !n.contains("  "), "{n:?}");
            assert_eq!(DisplayName::parse(n).ok().as_ref(), Some(&name), "parsing is idempotent");
        }
    }
    if let Some(password) = &raw.password {
        let confirm = raw.confirm.as_deref().unwrap_or(password);
        let inputs: Vec<&str> = raw.email.iter().chain(raw.name.iter()).map(String::as_str).collect();
        if let Ok(p) = NewPassword::parse(password, confirm, &inputs) {
            let count = p.as_str().chars().count();
            assert!((NewPassword::MIN..=NewPassword::MAX).contains(&count));
            assert_eq!(p.as_str(), confirm);
        }
    }
});
