//! The list of initiatives a viewer may see, filtered by country, topic and status.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{rows, Arg, Args, Db};
use crate::vocab::{Country, Expertise, InitiativeStatus};
use crate::web::{page_number, AppError, AppResult, AppState, Message, Page, Who};
use crate::{bind_args, on_db};

const PAGE_SIZE: i64 = 30;

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    q: Option<String>,
    country: Option<String>,
    topic: Option<String>,
    status: Option<String>,
    page: Option<i64>,
    done: Option<String>,
}

#[derive(sqlx::FromRow, Serialize)]
struct Row {
    id: i64,
    title: String,
    lang: String,
    status: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    visibility: String,
    partners: i64,
}

/// The countries of each initiative in `ids`.
pub(super) async fn countries_of(db: &Db, ids: &[i64]) -> Result<BTreeMap<i64, Vec<String>>, sqlx::Error> {
    let mut out: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT initiative_id, country FROM initiative_countries WHERE initiative_id IN ({}) ORDER BY country",
        list.join(", ")
    );
    let found: Vec<(i64, String)> = rows(db, &sql, &Args::default()).await?;
    for (id, country) in found {
        out.entry(id).or_default().push(country);
    }
    Ok(out)
}

pub(super) async fn list(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let country: Option<Country> = some(&q.country).map(|s| s.parse()).transpose()?;
    let topic: Option<Expertise> = some(&q.topic).map(|s| s.parse()).transpose()?;
    let status: Option<InitiativeStatus> = some(&q.status).map(|s| s.parse()).transpose()?;
    let text = q.q.as_deref().map(str::trim).unwrap_or_default();
    if text.chars().count() > 100 {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", 100)));
    }
    let mut args = Args::default();
    let lang = args.push(Arg::Text(page.locale.tag().into()));
    let mut from = format!("FROM initiatives i WHERE {}", super::access::visible_sql("i", &Who::literal(&page.viewer)));
    if let Some(c) = country {
        let c = args.push(Arg::Text(c.key().into()));
        from += &format!(
            " AND EXISTS (SELECT 1 FROM initiative_countries fc WHERE fc.initiative_id = i.id AND fc.country = {c})"
        );
    }
    if let Some(t) = topic {
        let t = args.push(Arg::Text(t.key().into()));
        from += &format!(
            " AND EXISTS (SELECT 1 FROM initiative_topics ft WHERE ft.initiative_id = i.id AND ft.topic = {t})"
        );
    }
    if let Some(s) = status {
        from += &format!(" AND i.status = {}", args.push(Arg::Text(s.key().into())));
    }
    if !text.is_empty() {
        let n = args.push(Arg::Text(crate::db::like_contains(text)));
        from += &format!(
            " AND (lower(i.title) LIKE {n} ESCAPE '\\' OR lower(i.purpose) LIKE {n} ESCAPE '\\' \
               OR EXISTS (SELECT 1 FROM initiative_translations fx WHERE fx.initiative_id = i.id \
                  AND (lower(fx.title) LIKE {n} ESCAPE '\\' OR lower(fx.purpose) LIKE {n} ESCAPE '\\')))"
        );
    }
    // The count reads every argument but the language, which only the titles use.
    let count_sql = format!("SELECT COUNT(*) {from} AND {lang} = {lang}");
    let total: i64 = on_db!(&state.db, pool => bind_args!(sqlx::query_scalar(&count_sql), args).fetch_one(pool).await)?;
    let number = page_number(q.page);
    let (l, o) = (args.push(Arg::Int(PAGE_SIZE)), args.push(Arg::Int((number - 1) * PAGE_SIZE)));
    // Partners are counted as the viewer may see them: a members-only organisation is not
    // counted for the public.
    let sql = format!(
        "SELECT i.id, {}, i.status, i.starts_on, i.ends_on, i.visibility, \
           (SELECT COUNT(*) FROM initiative_partners pa JOIN organisations o ON o.id = pa.org_id \
            WHERE pa.initiative_id = i.id AND {}) AS partners \
         {from} ORDER BY CASE i.status WHEN 'active' THEN 0 WHEN 'planned' THEN 1 WHEN 'paused' THEN 2 \
           WHEN 'idea' THEN 3 ELSE 4 END, i.updated_at DESC, i.id DESC LIMIT {l} OFFSET {o}",
        super::titled(&lang),
        crate::orgs::visible_sql("o", if page.viewer.is_member() { "TRUE" } else { "FALSE" })
    );
    let found: Vec<Row> = rows(&state.db, &sql, &args).await?;
    let countries = countries_of(&state.db, &found.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    let initiatives: Vec<_> = found
        .into_iter()
        .map(|r| {
            let c = countries.get(&r.id).cloned().unwrap_or_default();
            context! { countries => c, ..minijinja::Value::from_serialize(&r) }
        })
        .collect();
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("q", &q.q), ("country", &q.country), ("topic", &q.topic), ("status", &q.status)] {
        if let Some(v) = some(v) {
            query.append_pair(k, &v);
        }
    }
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let selected = context! {
        q => text, country => some(&q.country).unwrap_or_default(), topic => some(&q.topic).unwrap_or_default(),
        status => some(&q.status).unwrap_or_default(),
    };
    page.render(
        &state,
        "initiatives/list.html",
        context! {
            initiatives, total, page => number, pages, selected, query => query.finish(),
            countries => Country::keys(), topics => Expertise::keys(), statuses => InitiativeStatus::keys(),
            can_create => page.viewer.is_coordinator(), done => page.done(q.done.as_deref(), &["left"], "initiatives-done"),
        },
    )
}
