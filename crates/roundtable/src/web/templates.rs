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

fn to_datetime(ms: i64) -> Result<chrono::DateTime<chrono::Utc>, Error> {
    chrono::DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "timestamp out of range"))
}

/// Unix milliseconds as `2026-06-26 09:30 UTC`.
fn datetime(ms: i64) -> Result<String, Error> {
    Ok(to_datetime(ms)?.format("%Y-%m-%d %H:%M UTC").to_string())
}

fn date(ms: i64) -> Result<String, Error> {
    Ok(to_datetime(ms)?.format("%Y-%m-%d").to_string())
}
