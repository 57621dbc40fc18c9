//! Announcements: coordinators to the whole network, a group's moderators to its members.
//! Markdown, in one of the four languages with translations into the others, until an end
//! date, optionally mailed; shown on home until the reader dismisses it or it ends. Who
//! reads and who writes is decided in `access.rs`.

pub mod access;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{Datelike, NaiveDate, TimeZone};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, rows, Arg, Args, Db};
use crate::groups::access::Standing;
use crate::outbox::{self, Mail};
use crate::web::markdown;
use crate::web::{AppError, AppResult, AppState, Form, Locale, Page, Routes, SignedIn};
use crate::{on_db, on_tx};
use access::Audience;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("announcements/list.html", include_str!("templates/list.html")),
    ("announcements/edit.html", include_str!("templates/edit.html")),
    ("announcements/_item.html", include_str!("templates/_item.html")),
];

const MAX_TITLE: usize = 200;
const MAX_BODY: usize = 5000;
/// An announcement runs at most this long.
const MAX_DAYS: i64 = 366;
/// Announcements one member may post in a day: each reaches a whole network or group, and
/// may mail it.
pub const ANNOUNCEMENTS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM announcements WHERE author_id = $1 AND translation_of IS NULL AND created_at > $2",
    max: 5,
    window_ms: crate::web::limits::DAY,
};
/// How many current announcements home shows.
const ON_HOME: i64 = 5;

pub fn routes() -> Routes {
    vec![
        ("/announcements", get(list).post(create)),
        ("/announcements/new", get(new_form)),
        ("/announcements/{id}/dismiss", post(dismiss)),
        ("/announcements/{id}/end", post(end)),
        ("/announcements/{id}/translation", get(translation_form).post(translate)),
    ]
}

#[derive(sqlx::FromRow, Serialize)]
pub struct Shown {
    id: i64,
    title: String,
    body_html: String,
    group_id: Option<i64>,
    group_name: Option<String>,
    ends_at: i64,
    lang: String,
}

/// The current announcements `page`'s viewer may read and has not dismissed, each in the
/// viewer's language where a translation exists.
pub async fn current(state: &AppState, page: &Page) -> AppResult<Vec<Shown>> {
    let Some(me) = page.viewer.id() else { return Ok(Vec::new()) };
    let mut args = Args::default();
    let (now, lang) = (args.push(Arg::Int(state.clock.now_ms())), args.push(Arg::Text(page.locale.tag().into())));
    let sql = format!(
        "SELECT a.id, COALESCE(t.title, a.title) AS title, COALESCE(t.body_html, a.body_html) AS body_html, \
           a.group_id, g.name AS group_name, a.ends_at, COALESCE(t.lang, a.lang) AS lang \
         FROM announcements a LEFT JOIN announcements t ON t.translation_of = a.id AND t.lang = {lang} \
         LEFT JOIN network_groups g ON g.id = a.group_id \
         WHERE a.translation_of IS NULL AND a.ends_at > {now} AND {} \
         AND NOT EXISTS (SELECT 1 FROM announcement_dismissals d WHERE d.announcement_id = a.id AND d.user_id = {me}) \
         ORDER BY a.created_at DESC, a.id DESC LIMIT {ON_HOME}",
        access::readable_sql("a.group_id", &crate::web::Who::literal(&page.viewer))
    );
    Ok(rows(&state.db, &sql, &args).await?)
}

#[derive(sqlx::FromRow)]
struct Original {
    id: i64,
    group_id: Option<i64>,
    lang: String,
    title: String,
    body: String,
    ends_at: i64,
}

async fn original(db: &Db, id: i64) -> Result<Option<Original>, sqlx::Error> {
    let sql =
        "SELECT id, group_id, lang, title, body, ends_at FROM announcements WHERE id = $1 AND translation_of IS NULL";
    on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)
}

async fn standing(db: &Db, page: &Page, audience: Audience) -> Result<Standing, sqlx::Error> {
    match audience {
        Audience::Network => Ok(Standing::None),
        Audience::Group(g) => crate::groups::standing(db, g, page.viewer.id()).await,
    }
}

/// The announcement `id` if the viewer may write for it; 404 if they may not even read it.
async fn writable(state: &AppState, page: &Page, id: i64) -> AppResult<Original> {
    let a = original(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let audience = Audience::of(a.group_id);
    let standing = standing(&state.db, page, audience).await?;
    if !access::can_read(&page.viewer, audience, standing) && !access::can_write(&page.viewer, audience, standing) {
        return Err(AppError::NotFound);
    }
    if !access::can_write(&page.viewer, audience, standing) {
        return Err(AppError::Forbidden);
    }
    Ok(a)
}

#[derive(sqlx::FromRow, Serialize)]
struct Choice {
    id: i64,
    name: String,
}

/// The groups the viewer moderates: the audiences they may write for besides the network.
async fn moderated(db: &Db, me: i64) -> Result<Vec<Choice>, sqlx::Error> {
    let sql = "SELECT g.id, g.name FROM network_groups g JOIN group_members m ON m.group_id = g.id \
               WHERE m.user_id = $1 AND m.status = 'active' AND m.role = 'moderator' ORDER BY lower(g.name), g.id";
    on_db!(db, pool => sqlx::query_as(sql).bind(me).fetch_all(pool).await)
}

#[derive(sqlx::FromRow, Serialize)]
struct Managed {
    id: i64,
    title: String,
    group_name: Option<String>,
    ends_at: i64,
    translations: String,
}

#[derive(Deserialize)]
struct DoneQuery {
    done: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    let current = current(&state, &page).await?;
    let groups = moderated(&state.db, user.user_id).await?;
    // What the viewer writes for: the network (coordinators), and the groups they moderate.
    let mut args = Args::default();
    let since = args.push(Arg::Int(state.clock.now_ms() - 90 * 86_400_000));
    let network = if page.viewer.is_coordinator() { "a.group_id IS NULL OR " } else { "" };
    let ids: Vec<String> = groups.iter().map(|g| g.id.to_string()).collect();
    let in_groups = if ids.is_empty() { "FALSE".to_string() } else { format!("a.group_id IN ({})", ids.join(", ")) };
    let sql = format!(
        "SELECT a.id, a.title, g.name AS group_name, a.ends_at, \
           COALESCE((SELECT string_agg(t.lang, ' ') FROM announcements t WHERE t.translation_of = a.id), '') AS translations \
         FROM announcements a LEFT JOIN network_groups g ON g.id = a.group_id \
         WHERE a.translation_of IS NULL AND a.ends_at > {since} AND ({network}{in_groups}) \
         ORDER BY a.created_at DESC, a.id DESC LIMIT 50"
    );
    let sql = if state.db.backend() == "sqlite" {
        sql.replace("string_agg(t.lang, ' ')", "group_concat(t.lang, ' ')")
    } else {
        sql
    };
    let managed: Vec<Managed> = rows(&state.db, &sql, &args).await?;
    let can_post = page.viewer.is_coordinator() || !groups.is_empty();
    let done = q
        .done
        .filter(|d| matches!(d.as_str(), "posted" | "ended" | "translated" | "dismissed"))
        .map(|d| page.t(&format!("announcements-done-{d}")));
    page.render(
        &state,
        "announcements/list.html",
        context! { current, managed, can_post, done, now => state.clock.now_ms() },
    )
}

#[derive(Deserialize, Serialize, Default)]
struct AnnouncementForm {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    ends: String,
    mail: Option<String>,
}

async fn form_context(state: &AppState, page: &Page, me: i64, form: &AnnouncementForm) -> AppResult<Value> {
    let groups = moderated(&state.db, me).await?;
    let locales: Vec<Value> = Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.autonym() }).collect();
    Ok(context! {
        form, groups, locales, network => page.viewer.is_coordinator(),
        max_title => MAX_TITLE, max_body => MAX_BODY, translation => false,
    })
}

async fn new_form(State(state): State<AppState>, page: Page, SignedIn(user): SignedIn) -> AppResult<Html<String>> {
    let today = crate::events::time::local_date(state.clock.now_ms(), page.zone);
    let form = AnnouncementForm {
        audience: if page.viewer.is_coordinator() { "network".into() } else { String::new() },
        lang: page.locale.tag().into(),
        ends: (today + chrono::Duration::days(14)).format("%Y-%m-%d").to_string(),
        ..Default::default()
    };
    let ctx = form_context(&state, &page, user.user_id, &form).await?;
    page.render(&state, "announcements/edit.html", ctx)
}

/// An announcement's text, parsed: a language of the four, a title, a body, within bounds.
fn text(lang: &str, title: &str, body: &str) -> AppResult<(Locale, String, String)> {
    let locale = Locale::parse(lang.trim()).ok_or(AppError::invalid("error-unknown-language"))?;
    let title = crate::members::bounded(title, MAX_TITLE)?;
    let body = crate::members::bounded(body, MAX_BODY)?;
    if title.is_empty() || body.is_empty() {
        return Err(AppError::invalid("error-announcement-empty"));
    }
    Ok((locale, title, body))
}

/// The end of the day `ends` (YYYY-MM-DD) in the viewer's zone, from tomorrow's start to a
/// year ahead.
fn end_of(ends: &str, page: &Page, now: i64) -> AppResult<i64> {
    let date =
        NaiveDate::parse_from_str(ends.trim(), "%Y-%m-%d").map_err(|_| AppError::invalid("error-announcement-end"))?;
    let today = crate::events::time::local_date(now, page.zone);
    if date < today || date > today + chrono::Duration::days(MAX_DAYS) {
        return Err(AppError::invalid("error-announcement-end"));
    }
    let next = date.succ_opt().ok_or(AppError::invalid("error-announcement-end"))?;
    page.zone
        .with_ymd_and_hms(next.year(), next.month(), next.day(), 0, 0, 0)
        .earliest()
        .map(|t| t.timestamp_millis())
        .ok_or(AppError::invalid("error-announcement-end"))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<AnnouncementForm>,
) -> AppResult<Response> {
    let now = state.clock.now_ms();
    let parsed = (|| -> AppResult<_> {
        let audience = match form.audience.trim() {
            "network" => Audience::Network,
            g => Audience::Group(g.parse().map_err(|_| AppError::invalid("error-announcement-audience"))?),
        };
        Ok((audience, text(&form.lang, &form.title, &form.body)?, end_of(&form.ends, &page, now)?))
    })();
    let (audience, (lang, title, body), ends_at) = match parsed {
        Ok(p) => p,
        Err(AppError::Invalid(m)) => {
            let ctx = form_context(&state, &page, user.user_id, &form).await?;
            let error = page.locale.t_args(m.id, &m.args);
            let html = page.render(&state, "announcements/edit.html", context! { error, ..ctx })?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
        Err(e) => return Err(e),
    };
    let standing = standing(&state.db, &page, audience).await?;
    if !access::can_write(&page.viewer, audience, standing) {
        return Err(AppError::Forbidden);
    }
    let group = match audience {
        Audience::Network => None,
        Audience::Group(g) => Some(g),
    };
    let mail = form.mail.is_some();
    let mut tx = state.db.begin().await?;
    ANNOUNCEMENTS.check(&mut tx, user.user_id, now).await?;
    let sql =
        "INSERT INTO announcements (group_id, author_id, lang, title, body, body_html, ends_at, mailed, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(group).bind(user.user_id).bind(lang.tag()).bind(&title).bind(&body)
        .bind(markdown::render(&body)).bind(ends_at).bind(mail).bind(now).execute(&mut **c).await.map(affected))?;
    if mail {
        // Every reader of the announcement, as the access rule has them, gets it by mail.
        let recipients = format!(
            "SELECT u.email, u.locale FROM users u WHERE u.active AND {}",
            access::readable_sql("CAST($1 AS BIGINT)", &crate::web::Who::account("u.id"))
        );
        let to: Vec<(String, String)> =
            on_tx!(&mut tx, c => sqlx::query_as(&recipients).bind(group).fetch_all(&mut **c).await)?;
        let link = state.config.base_url.to_string();
        for (email, locale) in to {
            let locale = Locale::parse(&locale).unwrap_or(Locale::En);
            let args = [("title", title.clone()), ("text", markdown::plain(&body)), ("link", link.clone())];
            let mail = Mail {
                to: &email,
                subject: title.clone(),
                body: locale.t_args("mail-announcement-body", &args),
                kind: "announcement",
                unsubscribe: None,
            };
            outbox::enqueue(&mut tx, mail).await?;
        }
    }
    tx.commit().await?;
    Ok(Redirect::to("/announcements?done=posted").into_response())
}

#[derive(Deserialize)]
struct Empty {}

async fn dismiss(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let a = original(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let audience = Audience::of(a.group_id);
    if !access::can_read(&page.viewer, audience, standing(&state.db, &page, audience).await?) {
        return Err(AppError::NotFound);
    }
    let sql = "INSERT INTO announcement_dismissals (announcement_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    on_db!(&state.db, pool => sqlx::query(sql).bind(a.id).bind(user.user_id).execute(pool).await.map(affected))?;
    Ok(Redirect::to("/").into_response())
}

async fn end(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let a = writable(&state, &page, id).await?;
    let now = state.clock.now_ms();
    let sql = "UPDATE announcements SET ends_at = $1 WHERE id = $2 AND ends_at > $1";
    on_db!(&state.db, pool => sqlx::query(sql).bind(now).bind(a.id).execute(pool).await.map(affected))?;
    Ok(Redirect::to("/announcements?done=ended").into_response())
}

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

async fn translation_form(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> AppResult<Html<String>> {
    let a = writable(&state, &page, id).await?;
    let lang = q
        .lang
        .and_then(|l| Locale::parse(&l))
        .filter(|l| l.tag() != a.lang)
        .unwrap_or(Locale::ALL.into_iter().find(|l| l.tag() != a.lang).unwrap_or(Locale::En));
    let sql = "SELECT title, body FROM announcements WHERE translation_of = $1 AND lang = $2";
    let existing: Option<(String, String)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(a.id).bind(lang.tag()).fetch_optional(pool).await)?;
    let (title, body) = existing.unwrap_or_default();
    let form = AnnouncementForm { lang: lang.tag().into(), title, body, ..Default::default() };
    let locales: Vec<Value> = Locale::ALL
        .iter()
        .filter(|l| l.tag() != a.lang)
        .map(|l| context! { tag => l.tag(), name => l.autonym() })
        .collect();
    let original = context! { id => a.id, title => a.title, body => a.body, lang => a.lang };
    page.render(
        &state,
        "announcements/edit.html",
        context! { form, locales, original, translation => true, max_title => MAX_TITLE, max_body => MAX_BODY },
    )
}

async fn translate(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<AnnouncementForm>,
) -> AppResult<Response> {
    let a = writable(&state, &page, id).await?;
    let (lang, title, body) = text(&form.lang, &form.title, &form.body)?;
    if lang.tag() == a.lang {
        return Err(AppError::invalid("error-announcement-same-language"));
    }
    let mut tx = state.db.begin().await?;
    let sql = "DELETE FROM announcements WHERE translation_of = $1 AND lang = $2";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(a.id).bind(lang.tag()).execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO announcements (group_id, author_id, translation_of, lang, title, body, body_html, ends_at, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(a.group_id).bind(user.user_id).bind(a.id).bind(lang.tag()).bind(&title)
        .bind(&body).bind(markdown::render(&body)).bind(a.ends_at).bind(state.clock.now_ms())
        .execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(Redirect::to("/announcements?done=translated").into_response())
}
