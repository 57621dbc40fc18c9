//! Translations: Fluent files under `locales/`, embedded at build time.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::Serialize;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Isolation marks would leak into attributes, e-mails and plain text; every UI
        // language is left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the interface is offered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Locale {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "th")]
    Th,
    #[serde(rename = "ms")]
    Ms,
    #[serde(rename = "fil")]
    Fil,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Th, Locale::Ms, Locale::Fil];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Th => "th",
            Locale::Ms => "ms",
            Locale::Fil => "fil",
        }
    }

    /// The language's own name, as shown in the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Th => "ไทย",
            Locale::Ms => "Bahasa Melayu",
            Locale::Fil => "Filipino",
        }
    }

    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "th" => Some(Locale::Th),
            "ms" | "zsm" => Some(Locale::Ms),
            // Tagalog is the base of Filipino; browsers send either.
            "fil" | "tl" => Some(Locale::Fil),
            _ => None,
        }
    }

    /// The best match for an `Accept-Language` header, in the order the browser prefers.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut candidates: Vec<(f32, usize, Locale)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let q =
                    pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
                (q > 0.0).then_some((q, i, locale))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|c| c.2)
    }

    fn langid(self) -> LanguageIdentifier {
        self.tag().parse().expect("locale tags are valid")
    }

    /// Translate a message id; a missing id shows the id itself, which tests catch.
    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(&self.langid(), id)
    }

    pub fn t_args(self, id: &str, args: &[(&str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v.parse::<f64>() {
                    Ok(n) if !v.is_empty() => FluentValue::from(n),
                    _ => FluentValue::from(v.clone()),
                };
                (Cow::Owned(k.to_string()), value)
            })
            .collect();
        LOCALES.lookup_with_args(&self.langid(), id, &args)
    }

    /// Whether this locale has its own translation of `id` (no fallback to English).
    pub fn has(self, id: &str) -> bool {
        LOCALES.lookup_no_default_fallback::<&str>(&self.langid(), id, None).is_some()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality_then_order() {
        assert_eq!(Locale::negotiate("th-TH,th;q=0.9,en;q=0.8"), Some(Locale::Th));
        assert_eq!(Locale::negotiate("de, ms;q=0.5, en;q=0.7"), Some(Locale::En));
        assert_eq!(Locale::negotiate("tl"), Some(Locale::Fil));
        assert_eq!(Locale::negotiate("de, fr"), None);
        assert_eq!(Locale::negotiate("en;q=0"), None);
    }

    /// Message ids and their first lines, read from a Fluent file's text.
    fn messages(ftl: &str) -> Vec<(&str, &str)> {
        ftl.lines()
            .filter(|l| !l.starts_with(['#', ' ', '\t', '.', '*', '[', '}']) && l.contains(" ="))
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, value)| (id.trim(), value.trim()))
            .collect()
    }

    /// All `.ftl` files of one locale, concatenated; features may keep their own file.
    pub(crate) fn locale_text(tag: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(tag);
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.retain(|p| p.extension().is_some_and(|e| e == "ftl"));
        files.sort();
        files.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n").collect()
    }

    /// A count chosen by plural rules always shows the number it was given: Filipino puts
    /// 2, 3, 5, 7 and 8 in the "one" category, so a branch written as "1 ..." would lie.
    #[test]
    fn plural_messages_show_their_number() {
        let english = locale_text("en");
        // Each plural message with the names of all its variables.
        let mut messages: Vec<(&str, Vec<String>)> = Vec::new();
        let mut current: Option<(&str, String)> = None;
        for line in english.lines().chain(std::iter::once("end =")) {
            if !line.starts_with([' ', '\t', '}', '[', '*']) && line.contains(" =") {
                if let Some((id, body)) = current.take() {
                    if body.contains("{ $count ->") {
                        let vars = body
                            .split('$')
                            .skip(1)
                            .map(|v| v.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
                        messages.push((id, vars.collect()));
                    }
                }
                current = line.split_once(" =").map(|(id, rest)| (id.trim(), rest.to_string()));
            } else if let Some((_, body)) = current.as_mut() {
                body.push_str(line);
            }
        }
        assert!(messages.len() > 5);
        for locale in Locale::ALL {
            for (id, vars) in &messages {
                for n in ["2", "3", "5", "7", "21"] {
                    let args: Vec<(&str, String)> = vars
                        .iter()
                        .map(|v| (v.as_str(), if v == "count" { n.to_string() } else { "x".into() }))
                        .collect();
                    let text = locale.t_args(id, &args);
                    assert!(text.contains(n), "{locale:?} {id} with {n}: {text}");
                }
            }
        }
    }

    /// Labels that have a word of their own in every language, and were once left in
    /// English; loanwords people really use in software (Password, Website) may stay.
    #[test]
    fn plain_labels_are_translated() {
        let ids = [
            "event-field-address",
            "event-material-url",
            "event-status-short-waitlisted",
            "event-mix-target",
            "champion-timeline-heading",
            "field-email",
            "resource-type-case_study",
            "support-event_invitation",
        ];
        for locale in [Locale::Th, Locale::Ms, Locale::Fil] {
            let english: Vec<&str> = ids.into_iter().filter(|id| locale.t(id) == Locale::En.t(id)).collect();
            assert!(english.is_empty(), "{locale:?} shows {english:?} in English");
        }
    }

    /// Every message in English exists in every other locale, and is translated.
    #[test]
    fn every_locale_is_complete() {
        let english_text = locale_text("en");
        let english = messages(&english_text);
        assert!(english.len() > 100, "found only {} ids", english.len());
        let mut seen = std::collections::HashSet::new();
        let twice: Vec<&str> = english.iter().map(|m| m.0).filter(|id| !seen.insert(*id)).collect();
        assert!(twice.is_empty(), "defined twice: {twice:?}");
        for tag in ["th", "ms", "fil"] {
            let text = locale_text(tag);
            let theirs = messages(&text);
            let ids: Vec<&str> = theirs.iter().map(|m| m.0).collect();
            let missing: Vec<&str> = english.iter().map(|m| m.0).filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{tag} lacks {missing:?}");
            let same = english.iter().filter(|(id, value)| !value.is_empty() && theirs.contains(&(id, value))).count();
            // Names (LINE, WhatsApp, ...) stay as they are; almost everything else changes.
            assert!(same * 5 < english.len(), "{tag}: {same} messages are still in English");
            let locale = Locale::parse(tag).unwrap();
            assert_ne!(locale.t("signin-title"), Locale::En.t("signin-title"));
        }
    }
}
