//! The library's list: filtered by type, topic, language, country, group and words, as
//! far as [`super::visible_sql`] lets the viewer see.

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::{context, Value};
use serde::Deserialize;

use super::{in_group, tags_for, tags_of, visible_sql, PER_PAGE};
use crate::db::{Arg, Args};
use crate::vocab::{Country, Expertise, Language, ResourceKind};
use crate::web::{page_number, AppError, AppResult, AppState, Page};
use crate::{bind_args, on_db};

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
    topic: Option<String>,
    language: Option<String>,
    country: Option<String>,
    /// One group's resources (of a group the viewer belongs to; any other shows none).
    group: Option<i64>,
    page: Option<i64>,
    done: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(super) struct Listed {
    id: i64,
    title: String,
    summary: String,
    kind: String,
    published_on: Option<String>,
    access: String,
    is_file: bool,
    downloads: i64,
    organisation: Option<String>,
}

pub(super) fn parse_filter<T: std::str::FromStr<Err = AppError>>(value: &Option<String>) -> AppResult<Option<T>> {
    value.as_deref().filter(|v| !v.is_empty()).map(str::parse).transpose()
}

pub(super) async fn list(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let kind: Option<ResourceKind> = parse_filter(&q.kind)?;
    let topic: Option<Expertise> = parse_filter(&q.topic)?;
    let language: Option<Language> = parse_filter(&q.language)?;
    let country: Option<Country> = parse_filter(&q.country)?;
    let number = page_number(q.page);

    let mut args = Args::default();
    let mut filter = visible_sql("r", &page.viewer);
    if let Some(k) = kind {
        filter += &format!(" AND r.kind = {}", args.push(Arg::Text(k.key().into())));
    }
    for (vocab, key) in [
        ("topic", topic.map(|t| t.key())),
        ("language", language.map(|l| l.key())),
        ("country", country.map(|c| c.key())),
    ] {
        if let Some(key) = key {
            let (v, k) = (args.push(Arg::Text(vocab.into())), args.push(Arg::Text(key.into())));
            filter += &format!(
                " AND EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.vocab = {v} AND t.key = {k})"
            );
        }
    }
    if let Some(g) = q.group {
        filter += &format!(" AND r.access = 'group' AND r.group_id = {}", args.push(Arg::Int(g)));
    }
    let count_sql = format!("SELECT COUNT(*) FROM resources r WHERE {filter}");
    let total: i64 = on_db!(&state.db, pool => bind_args!(sqlx::query_scalar(&count_sql), args).fetch_one(pool).await)?;
    let member = args.push(Arg::Bool(page.viewer.is_member()));
    let sql = format!(
        "SELECT r.id, r.title, r.summary, r.kind, r.published_on, r.access, (r.link IS NULL) AS is_file, r.downloads, \
           CASE WHEN {org_visible} THEN o.name END AS organisation \
         FROM resources r LEFT JOIN organisations o ON o.id = r.organisation_id WHERE {filter} \
         ORDER BY COALESCE(r.published_on, '') DESC, r.id DESC LIMIT {PER_PAGE} OFFSET {}",
        (number - 1) * PER_PAGE,
        org_visible = crate::orgs::visible_sql("o", &member),
    );
    let rows: Vec<Listed> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let tags = tags_of(&state.db, &ids).await?;
    let resources: Vec<Value> = rows
        .iter()
        .map(|r| {
            context! {
                id => r.id, title => r.title, summary => crate::groups::snippet(&crate::web::markdown::plain(&r.summary), 200), kind => r.kind,
                published_on => r.published_on, access => r.access, is_file => r.is_file, downloads => r.downloads,
                organisation => r.organisation,
                topics => tags_for(&tags, r.id, "topic"), languages => tags_for(&tags, r.id, "language"),
                countries => tags_for(&tags, r.id, "country"),
            }
        })
        .collect();
    // The group is named only to its members: anyone else could probe secret groups' names.
    let group = match q.group {
        Some(g) if in_group(&state.db, &page.viewer, Some(g)).await? => {
            crate::groups::load(&state.db, g).await?.map(|g| g.name)
        }
        _ => None,
    };
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in [
        ("type", kind.map(|k| k.key())),
        ("topic", topic.map(|t| t.key())),
        ("language", language.map(|l| l.key())),
        ("country", country.map(|c| c.key())),
    ] {
        if let Some(v) = value {
            query.append_pair(name, v);
        }
    }
    if let Some(g) = q.group {
        query.append_pair("group", &g.to_string());
    }
    let done = q.done.as_deref().filter(|d| *d == "deleted");
    page.render(
        &state,
        "library/list.html",
        context! {
            resources, total, page => number, pages => (total + PER_PAGE - 1) / PER_PAGE, query => query.finish(), done, group,
            kinds => ResourceKind::keys(), topics => Expertise::keys(), languages => Language::keys(), countries => Country::keys(),
            selected => context! {
                kind => kind.map(|k| k.key()), topic => topic.map(|t| t.key()),
                language => language.map(|l| l.key()), country => country.map(|c| c.key()),
            },
        },
    )
}
