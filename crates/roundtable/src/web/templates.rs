//! The template environment: every feature's templates, embedded in the binary, plus the
//! functions and filters they share (`t` for translations, `datetime`, `label`).

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior};

use super::i18n::Locale;

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn new(sources: &[&[(&'static str, &'static str)]]) -> Templates {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        for list in sources {
            for (name, source) in *list {
                env.add_template(name, source).unwrap_or_else(|e| panic!("template {name} does not parse: {e:#}"));
            }
        }
        env.add_function("t", translate);
        env.add_function("label", label);
        env.add_filter("datetime", datetime);
        env.add_filter("date", date);
        Templates { env }
    }

    pub fn render(&self, name: &str, ctx: Value) -> Result<String, Error> {
        self.env.get_template(name)?.render(ctx)
    }
}

fn locale_of(state: &State) -> Locale {
    state.lookup("locale").and_then(|v| v.as_str().and_then(Locale::parse)).unwrap_or(Locale::En)
}

/// `{{ t("message-id", name=value) }}`
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    let locale = locale_of(state);
    let mut args = Vec::new();
    for key in kwargs.args() {
        let value: Value = kwargs.get(key)?;
        args.push((key, value.to_string()));
    }
    if args.is_empty() {
        Ok(locale.t(id))
    } else {
        Ok(locale.t_args(id, &args))
    }
}

/// `{{ label("sector", "police") }}`: the translated label of a vocabulary key.
fn label(state: &State, vocabulary: &str, key: &str) -> Result<String, Error> {
    if key.is_empty() {
        return Ok(String::new());
    }
    Ok(locale_of(state).t(&format!("{vocabulary}-{key}")))
}

fn zone_of(state: &State) -> chrono_tz::Tz {
    state.lookup("time_zone").and_then(|v| v.as_str().and_then(|z| z.parse().ok())).unwrap_or(chrono_tz::UTC)
}

fn out_of_range() -> Error {
    Error::new(ErrorKind::InvalidOperation, "timestamp out of range")
}

/// Unix milliseconds as `2026-06-26 16:30 UTC+07:00`, in the viewer's zone.
fn datetime(state: &State, ms: i64) -> Result<String, Error> {
    super::zone::datetime(ms, zone_of(state)).ok_or_else(out_of_range)
}

/// Unix milliseconds as the date `2026-06-26` in the viewer's zone.
fn date(state: &State, ms: i64) -> Result<String, Error> {
    super::zone::date(ms, zone_of(state)).ok_or_else(out_of_range)
}
