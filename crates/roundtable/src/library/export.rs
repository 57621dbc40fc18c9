//! The library's catalogue as a file (CSV or XLSX): every resource the person exporting may
//! see, with its tags and where to find it, but nothing of a secret group's
//! ([`crate::groups::access::goes_in_files`]).

use axum::extract::{Query, State};
use axum::response::Response;

use crate::db::{Arg, Args};
use crate::web::sheet::{Cell, FormatQuery, Sheet};
use crate::web::{AppResult, AppState, Page};
use crate::{bind_args, on_db};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    kind: String,
    published_on: Option<String>,
    organisation: Option<String>,
    licence: String,
    link: Option<String>,
    access: String,
    downloads: i64,
}

pub async fn catalogue(State(state): State<AppState>, page: Page, Query(q): Query<FormatQuery>) -> AppResult<Response> {
    let mut args = Args::default();
    let visible = super::visible_sql("r", &page.viewer);
    let member = args.push(Arg::Bool(page.viewer.is_member()));
    let sql = format!(
        "SELECT r.id, r.title, r.kind, r.published_on, CASE WHEN {org_visible} THEN o.name END AS organisation, \
           r.licence, r.link, r.access, r.downloads \
         FROM resources r LEFT JOIN organisations o ON o.id = r.organisation_id \
         WHERE {visible} AND (r.group_id IS NULL OR EXISTS \
           (SELECT 1 FROM network_groups g WHERE g.id = r.group_id AND {in_files})) \
         ORDER BY COALESCE(r.published_on, '') DESC, r.id DESC",
        org_visible = crate::orgs::visible_sql("o", &member),
        in_files = crate::groups::access::files_sql("g"),
    );
    let rows: Vec<Row> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let tags = super::tags_of(&state.db, &ids).await?;

    let l = page.locale;
    let headers = ["library-field-title", "library-field-type", "library-field-date", "library-field-organisation"]
        .into_iter()
        .chain(["library-field-topics", "library-field-languages", "library-field-countries", "library-field-licence"])
        .chain(["library-field-access", "export-address", "export-downloads"])
        .map(|k| l.t(k))
        .collect();
    let mut sheet = Sheet::new(l.t("library-title"), headers);
    let labels = |id: i64, vocab: &str, prefix: &str| -> Cell {
        let keys = super::tags_for(&tags, id, vocab);
        Some(keys.iter().map(|k| l.t(&format!("{prefix}-{k}"))).collect::<Vec<_>>().join("; "))
            .filter(|s| !s.is_empty())
            .into()
    };
    for r in rows {
        let page_url = state.config.base_url.join(&format!("library/{}", r.id)).map(String::from).ok();
        sheet.push(vec![
            r.title.into(),
            l.t(&format!("resource-type-{}", r.kind)).into(),
            r.published_on.into(),
            r.organisation.into(),
            labels(r.id, "topic", "expertise"),
            labels(r.id, "language", "lang"),
            labels(r.id, "country", "country"),
            l.t(&format!("licence-{}", r.licence)).into(),
            l.t(&format!("resource-access-{}", r.access)).into(),
            r.link.or(page_url).into(),
            Cell::from(r.downloads),
        ]);
    }
    sheet.download(q.format, "library")
}
