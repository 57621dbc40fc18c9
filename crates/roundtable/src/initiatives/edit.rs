//! Starting an initiative (coordinators), editing it and translating its title and purpose
//! (coordinators and its leads and focal points).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, rows, Arg, Args, Tx};
use crate::vocab::{Country, Expertise, InitiativeStatus, InitiativeVisibility};
use crate::web::markdown;
use crate::web::{AppError, AppResult, AppState, Coordinator, Form, Locale, Page, SignedIn};
use crate::{on_db, on_tx};

use super::Initiative;

pub(super) const MAX_TITLE: usize = 200;
const MAX_PURPOSE: usize = 10_000;

#[derive(Deserialize, Serialize, Default)]
pub(super) struct InitiativeForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
    #[serde(default)]
    visibility: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
}

/// An initiative as a form gives it, parsed.
struct Draft {
    lang: Locale,
    title: String,
    purpose: String,
    status: InitiativeStatus,
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
    visibility: InitiativeVisibility,
    group: Option<i64>,
    countries: Vec<Country>,
    topics: Vec<Expertise>,
}

fn parse_all<T: std::str::FromStr<Err = AppError> + Ord>(values: &[String]) -> AppResult<Vec<T>> {
    let mut parsed: Vec<T> =
        values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).map(str::parse).collect::<AppResult<_>>()?;
    parsed.sort();
    parsed.dedup();
    Ok(parsed)
}

/// A title and purpose in one of the four languages, within bounds.
fn text(lang: &str, title: &str, purpose: &str) -> AppResult<(Locale, String, String)> {
    let lang = Locale::parse(lang.trim()).ok_or(AppError::invalid("error-unknown-language"))?;
    let title = crate::members::bounded(title, MAX_TITLE)?;
    let purpose = crate::members::bounded(purpose, MAX_PURPOSE)?;
    if title.is_empty() {
        return Err(AppError::invalid("error-initiative-title"));
    }
    Ok((lang, title, purpose))
}

impl InitiativeForm {
    /// The draft, with `groups` the groups the editor may share it with.
    fn parse(&self, today: NaiveDate, groups: &[Choice]) -> AppResult<Draft> {
        let (lang, title, purpose) = text(&self.lang, &self.title, &self.purpose)?;
        let status = if self.status.trim().is_empty() { InitiativeStatus::Idea } else { self.status.trim().parse()? };
        let starts_on = super::day(&self.starts_on, today)?;
        let ends_on = super::day(&self.ends_on, today)?;
        if let (Some(s), Some(e)) = (starts_on, ends_on) {
            if e < s {
                return Err(AppError::invalid("error-initiative-ends-before"));
            }
        }
        let visibility: InitiativeVisibility = self.visibility.trim().parse()?;
        let group = match visibility {
            InitiativeVisibility::Group => {
                let id: i64 = self.group.trim().parse().map_err(|_| AppError::invalid("error-initiative-group"))?;
                if !groups.iter().any(|g| g.id == id) {
                    return Err(AppError::invalid("error-initiative-group"));
                }
                Some(id)
            }
            _ => None,
        };
        let countries: Vec<Country> = parse_all(&self.countries)?;
        let topics: Vec<Expertise> = parse_all(&self.topics)?;
        Ok(Draft { lang, title, purpose, status, starts_on, ends_on, visibility, group, countries, topics })
    }
}

#[derive(sqlx::FromRow, Serialize)]
pub(super) struct Choice {
    id: i64,
    name: String,
}

/// The groups an editor may share an initiative with: those they are an active member of,
/// and the one it is shared with now (which its keepers may keep).
async fn groups_for(state: &AppState, page: &Page, current: Option<i64>) -> AppResult<Vec<Choice>> {
    let me = page.viewer.id().unwrap_or(-1);
    let sql = "SELECT g.id, g.name FROM network_groups g WHERE g.id = $2 OR EXISTS (SELECT 1 FROM group_members m \
                 WHERE m.group_id = g.id AND m.user_id = $1 AND m.status = 'active') ORDER BY lower(g.name), g.id";
    Ok(rows(&state.db, sql, &Args::of(&[Arg::Int(me), Arg::Int(current.unwrap_or(-1))])).await?)
}

fn form_context(form: &InitiativeForm, groups: Vec<Choice>, editing: Option<i64>) -> Value {
    let locales: Vec<Value> = Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.autonym() }).collect();
    context! {
        form, groups, locales, editing, translation => false,
        statuses => InitiativeStatus::keys(), visibilities => InitiativeVisibility::keys(),
        countries => Country::keys(), topics => Expertise::keys(), max_title => MAX_TITLE, max_purpose => MAX_PURPOSE,
    }
}

/// The form again with what was wrong, answered 422.
fn refused(state: &AppState, page: &Page, error: AppError, ctx: Value) -> AppResult<Response> {
    match error {
        AppError::Invalid(m) => {
            let error = page.locale.t_args(m.id, &m.args);
            let html = page.render(state, "initiatives/edit.html", context! { error, ..ctx })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        e => Err(e),
    }
}

pub(super) async fn new_form(State(state): State<AppState>, page: Page, _c: Coordinator) -> AppResult<Html<String>> {
    let form = InitiativeForm {
        lang: page.locale.tag().into(),
        status: "idea".into(),
        visibility: "members".into(),
        ..Default::default()
    };
    let groups = groups_for(&state, &page, None).await?;
    page.render(&state, "initiatives/edit.html", form_context(&form, groups, None))
}

fn day_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// Countries and topics of an initiative, replaced by the draft's.
async fn write_tags(tx: &mut Tx, id: i64, draft: &Draft) -> AppResult<()> {
    for table in ["initiative_countries", "initiative_topics"] {
        let sql = format!("DELETE FROM {table} WHERE initiative_id = $1");
        on_tx!(tx, c => sqlx::query(&sql).bind(id).execute(&mut **c).await.map(affected))?;
    }
    for country in &draft.countries {
        let sql = "INSERT INTO initiative_countries (initiative_id, country) VALUES ($1, $2)";
        on_tx!(tx, c => sqlx::query(sql).bind(id).bind(country.key()).execute(&mut **c).await.map(affected))?;
    }
    for topic in &draft.topics {
        let sql = "INSERT INTO initiative_topics (initiative_id, topic) VALUES ($1, $2)";
        on_tx!(tx, c => sqlx::query(sql).bind(id).bind(topic.key()).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

pub(super) async fn create(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    Form(form): Form<InitiativeForm>,
) -> AppResult<Response> {
    let today = super::today(&state, &page);
    let groups = groups_for(&state, &page, None).await?;
    let draft = match form.parse(today, &groups) {
        Ok(d) => d,
        Err(e) => return refused(&state, &page, e, form_context(&form, groups, None)),
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    // A random id: a gap in a row of ids would tell of a secret group's initiative.
    let sql = "INSERT INTO initiatives (lang, title, purpose, purpose_html, status, starts_on, ends_on, visibility, \
                 group_id, created_by, created_at, updated_at, id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) \
               RETURNING id";
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(draft.lang.tag()).bind(&draft.title)
        .bind(&draft.purpose).bind(markdown::render(&draft.purpose)).bind(draft.status.key())
        .bind(day_text(draft.starts_on)).bind(day_text(draft.ends_on)).bind(draft.visibility.key()).bind(draft.group)
        .bind(user.user_id).bind(now).bind(crate::db::secret_id()).fetch_one(&mut **c).await)?;
    write_tags(&mut tx, id, &draft).await?;
    let sql = "INSERT INTO initiative_status_changes (initiative_id, status, changed_on, changed_by, created_at) \
               VALUES ($1, $2, $3, $4, $5)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(draft.status.key()).bind(today.format("%Y-%m-%d").to_string())
        .bind(user.user_id).bind(now).execute(&mut **c).await.map(affected))?;
    super::follow::start_following(&mut tx, user.user_id, id).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/initiatives/{id}?done=created")).into_response())
}

fn form_of(i: &Initiative, countries: Vec<String>, topics: Vec<String>) -> InitiativeForm {
    InitiativeForm {
        lang: i.lang.clone(),
        title: i.title.clone(),
        purpose: i.purpose.clone(),
        status: i.status.clone(),
        starts_on: i.starts_on.clone().unwrap_or_default(),
        ends_on: i.ends_on.clone().unwrap_or_default(),
        visibility: i.visibility.clone(),
        group: i.group_id.map(|g| g.to_string()).unwrap_or_default(),
        countries,
        topics,
    }
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (initiative, _) = super::managed(&state.db, &page.viewer, id).await?;
    let args = Args::of(&[Arg::Int(id)]);
    let countries: Vec<(String,)> =
        rows(&state.db, "SELECT country FROM initiative_countries WHERE initiative_id = $1", &args).await?;
    let topics: Vec<(String,)> =
        rows(&state.db, "SELECT topic FROM initiative_topics WHERE initiative_id = $1", &args).await?;
    let form =
        form_of(&initiative, countries.into_iter().map(|c| c.0).collect(), topics.into_iter().map(|t| t.0).collect());
    let groups = groups_for(&state, &page, initiative.group_id).await?;
    page.render(&state, "initiatives/edit.html", form_context(&form, groups, Some(id)))
}

pub(super) async fn update(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<InitiativeForm>,
) -> AppResult<Response> {
    let (initiative, _) = super::managed(&state.db, &page.viewer, id).await?;
    let groups = groups_for(&state, &page, initiative.group_id).await?;
    // The status changes on the page, with its date; the form keeps what is stored.
    let form = InitiativeForm { status: initiative.status.clone(), ..form };
    let draft = match form.parse(super::today(&state, &page), &groups) {
        // Who can see an initiative is the coordinators' decision: a lead or focal point who
        // made it public, or moved it out of a group, would speak for everyone on it.
        Ok(d)
            if !page.viewer.is_coordinator()
                && (d.visibility.key() != initiative.visibility || d.group != initiative.group_id) =>
        {
            let e = AppError::invalid("initiatives-error-visibility-coordinators");
            return refused(&state, &page, e, form_context(&form, groups, Some(id)));
        }
        Ok(d) => d,
        Err(e) => return refused(&state, &page, e, form_context(&form, groups, Some(id))),
    };
    let mut tx = state.db.begin().await?;
    let sql = "UPDATE initiatives SET lang = $1, title = $2, purpose = $3, purpose_html = $4, starts_on = $5, \
               ends_on = $6, visibility = $7, group_id = $8, updated_at = $9 WHERE id = $10";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(draft.lang.tag()).bind(&draft.title).bind(&draft.purpose)
        .bind(markdown::render(&draft.purpose)).bind(day_text(draft.starts_on)).bind(day_text(draft.ends_on))
        .bind(draft.visibility.key()).bind(draft.group).bind(state.clock.now_ms()).bind(id)
        .execute(&mut **c).await.map(affected))?;
    // The original is now in this language: a translation into it would stand in its way.
    let sql = "DELETE FROM initiative_translations WHERE initiative_id = $1 AND lang = $2";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(draft.lang.tag()).execute(&mut **c).await.map(affected))?;
    write_tags(&mut tx, id, &draft).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/initiatives/{id}?done=saved")).into_response())
}

#[derive(Deserialize)]
pub(super) struct LangQuery {
    lang: Option<String>,
}

fn translation_context(initiative: &Initiative, form: &InitiativeForm) -> Value {
    let locales: Vec<Value> = Locale::ALL
        .iter()
        .filter(|l| l.tag() != initiative.lang)
        .map(|l| context! { tag => l.tag(), name => l.autonym() })
        .collect();
    let original = context! {
        id => initiative.id, title => initiative.title, purpose => initiative.purpose, lang => initiative.lang,
    };
    context! { form, locales, original, translation => true, max_title => MAX_TITLE, max_purpose => MAX_PURPOSE }
}

pub(super) async fn translation_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> AppResult<Html<String>> {
    let (initiative, _) = super::managed(&state.db, &page.viewer, id).await?;
    let lang = q
        .lang
        .and_then(|l| Locale::parse(&l))
        .filter(|l| l.tag() != initiative.lang)
        .unwrap_or(Locale::ALL.into_iter().find(|l| l.tag() != initiative.lang).unwrap_or(Locale::En));
    let sql = "SELECT title, purpose FROM initiative_translations WHERE initiative_id = $1 AND lang = $2";
    let existing: Option<(String, String)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).bind(lang.tag()).fetch_optional(pool).await)?;
    let (title, purpose) = existing.unwrap_or_default();
    let form = InitiativeForm { lang: lang.tag().into(), title, purpose, ..Default::default() };
    page.render(&state, "initiatives/edit.html", translation_context(&initiative, &form))
}

pub(super) async fn translate(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<InitiativeForm>,
) -> AppResult<Response> {
    let (initiative, _) = super::managed(&state.db, &page.viewer, id).await?;
    let parsed = text(&form.lang, &form.title, &form.purpose).and_then(|t| {
        if t.0.tag() == initiative.lang {
            Err(AppError::invalid("error-initiative-same-language"))
        } else {
            Ok(t)
        }
    });
    let (lang, title, purpose) = match parsed {
        Ok(t) => t,
        Err(e) => return refused(&state, &page, e, translation_context(&initiative, &form)),
    };
    let mut tx = state.db.begin().await?;
    let sql = "DELETE FROM initiative_translations WHERE initiative_id = $1 AND lang = $2";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(lang.tag()).execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO initiative_translations (initiative_id, lang, title, purpose, purpose_html) \
               VALUES ($1, $2, $3, $4, $5)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(lang.tag()).bind(&title).bind(&purpose)
        .bind(markdown::render(&purpose)).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/initiatives/{id}?lang={}&done=translated", lang.tag())).into_response())
}
