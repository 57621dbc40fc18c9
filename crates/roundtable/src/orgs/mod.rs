//! Organisations: police academies, NHRIs and their units, ministries, CSOs, bar
//! associations, universities. Members see all of them; the public sees those a
//! coordinator has made public. Coordinators and admins keep them up to date.

pub mod api;
pub mod search;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{now_ms, Arg, Args, Db, Tx};
use crate::members::access::Audience;
use crate::members::query::members_of_org;
use crate::vocab::{Country, Sector};
use crate::web::Routes;
use crate::web::{page_number, AppError, AppResult, AppState, Coordinator, Form, Message, Page, Viewer};
use crate::{bind_args, on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("orgs/list.html", include_str!("templates/list.html")),
    ("orgs/show.html", include_str!("templates/show.html")),
    ("orgs/edit.html", include_str!("templates/edit.html")),
];

const PAGE_SIZE: i64 = 30;

pub fn routes() -> Routes {
    vec![
        ("/organisations", get(list).post(create)),
        ("/organisations/new", get(new_form)),
        ("/organisations/{id}", get(show).post(update)),
        ("/organisations/{id}/edit", get(edit_form)),
        ("/api/v1/organisations", get(api::list)),
        ("/api/v1/organisations/{id}", get(api::show)),
    ]
}

/// The one decision on whether a viewer may see an organisation: members see every one,
/// everyone else the public ones.
pub fn can_view(viewer: &Viewer, public: bool) -> bool {
    viewer.is_member() || public
}

/// [`can_view`] as SQL on the organisations row `alias`; `member` is the placeholder (or
/// expression) for whether the viewer is signed in.
pub fn visible_sql(alias: &str, member: &str) -> String {
    format!("({alias}.public = TRUE OR {member})")
}

/// Organisations with their parent, named only where the viewer may see it too.
fn with_parent(member: &str) -> String {
    format!(
        "FROM organisations o LEFT JOIN organisations parent ON parent.id = o.parent_id AND {}",
        visible_sql("parent", member)
    )
}

/// An organisation of the network.
#[derive(sqlx::FromRow, Serialize, Clone, Debug, utoipa::ToSchema)]
pub struct Org {
    pub id: i64,
    pub name: String,
    /// A key of the sector vocabulary (`police`, `nhri`, `civil_society`, …).
    pub sector: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub website: Option<String>,
    pub description: String,
    /// The parent organisation, when the viewer may see it.
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    /// Shown to visitors who are not signed in.
    pub public: bool,
}

impl Org {
    /// A parent the viewer may not see is not named ([`with_parent`] left out its name):
    /// not its id either.
    pub fn without_hidden_parent(self) -> Org {
        Org { parent_id: self.parent_id.filter(|_| self.parent_name.is_some()), ..self }
    }
}

const ORG_COLUMNS: &str = "o.id, o.name, o.sector, o.country, o.website, o.description, o.parent_id, \
                           parent.name AS parent_name, o.public";

/// The organisation, with its parent's name (for coordinators' forms, which see them all).
async fn load(db: &Db, id: i64) -> Result<Option<Org>, sqlx::Error> {
    let sql = format!("SELECT {ORG_COLUMNS} {} WHERE o.id = $1", with_parent("TRUE"));
    on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

/// The organisation if `viewer` may see it, its parent named only if they may see that too.
async fn visible(db: &Db, viewer: &Viewer, id: i64) -> AppResult<Org> {
    let sql = format!("SELECT {ORG_COLUMNS} {} WHERE o.id = $1 AND {}", with_parent("$2"), visible_sql("o", "$2"));
    let org: Option<Org> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(viewer.is_member()).fetch_optional(pool).await)?;
    org.ok_or(AppError::NotFound)
}

#[derive(sqlx::FromRow, Serialize)]
pub struct Choice {
    pub id: i64,
    pub name: String,
}

/// Organisations offered in filters: all for members, the public ones for everyone else.
pub async fn visible_choices(db: &Db, viewer: &Viewer) -> Result<Vec<Choice>, sqlx::Error> {
    let sql =
        format!("SELECT o.id, o.name FROM organisations o WHERE {} ORDER BY lower(o.name)", visible_sql("o", "$1"));
    on_db!(db, pool => sqlx::query_as(&sql).bind(viewer.is_member()).fetch_all(pool).await)
}

#[derive(Deserialize, Default)]
struct ListQuery {
    q: Option<String>,
    sector: Option<String>,
    country: Option<String>,
    page: Option<i64>,
}

async fn list(State(state): State<AppState>, page: Page, Query(q): Query<ListQuery>) -> AppResult<Html<String>> {
    let sector: Option<Sector> = q.sector.as_deref().filter(|s| !s.is_empty()).map(str::parse).transpose()?;
    let country: Option<Country> = q.country.as_deref().filter(|s| !s.is_empty()).map(str::parse).transpose()?;
    let text = q.q.as_deref().map(str::trim).unwrap_or_default();
    if text.chars().count() > 100 {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", 100)));
    }
    let mut args = Args::default();
    let member = args.push(Arg::Bool(page.viewer.is_member()));
    let mut from = format!("{} WHERE {}", with_parent(&member), visible_sql("o", &member));
    if let Some(s) = sector {
        from += &format!(" AND o.sector = {}", args.push(Arg::Text(s.key().into())));
    }
    if let Some(c) = country {
        from += &format!(" AND o.country = {}", args.push(Arg::Text(c.key().into())));
    }
    if !text.is_empty() {
        let pattern = crate::db::like_contains(text);
        let n = args.push(Arg::Text(pattern));
        from += &format!(" AND (lower(o.name) LIKE {n} ESCAPE '\\' OR lower(o.description) LIKE {n} ESCAPE '\\')");
    }
    let count_sql = format!("SELECT COUNT(*) {from}");
    let total: i64 = on_db!(&state.db, pool => bind_args!(sqlx::query_scalar(&count_sql), args).fetch_one(pool).await)?;
    let number = page_number(q.page);
    let l = args.push(Arg::Int(PAGE_SIZE));
    let o = args.push(Arg::Int((number - 1) * PAGE_SIZE));
    let sql = format!("SELECT {ORG_COLUMNS} {from} ORDER BY o.country, lower(o.name) LIMIT {l} OFFSET {o}");
    let orgs: Vec<Org> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in [("q", &q.q), ("sector", &q.sector), ("country", &q.country)] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            query.append_pair(k, v);
        }
    }
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let selected = context! {
        q => text, sector => q.sector.clone().unwrap_or_default(), country => q.country.clone().unwrap_or_default(),
    };
    page.render(
        &state,
        "orgs/list.html",
        context! {
            orgs, total, page => number, pages, selected, query => query.finish(),
            sectors => Sector::keys(), countries => Country::keys(),
        },
    )
}

#[derive(Deserialize)]
struct ShowQuery {
    done: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Html<String>> {
    let org = visible(&state.db, &page.viewer, id).await?;
    // Said only to those who could have done it.
    let done = match q.done.as_deref() {
        Some("created") if page.viewer.is_coordinator() => Some(page.t("orgs-created")),
        Some("saved") if page.viewer.is_coordinator() => Some(page.t("orgs-saved")),
        _ => None,
    };
    let sql = format!(
        "SELECT o.id, o.name FROM organisations o WHERE o.parent_id = $1 AND {} ORDER BY lower(o.name)",
        visible_sql("o", "$2")
    );
    let units: Vec<Choice> = on_db!(&state.db, pool => sqlx::query_as(&sql)
        .bind(id).bind(page.viewer.is_member()).fetch_all(pool).await)?;
    let members = members_of_org(&state.db, Audience::of_viewer(&page.viewer), page.viewer.id(), id).await?;
    let initiatives = crate::initiatives::of_organisation(&state.db, &page.viewer, page.locale.tag(), id).await?;
    page.render(&state, "orgs/show.html", context! { org, units, members, initiatives, done })
}

#[derive(Deserialize, Default)]
struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    public: Option<String>,
}

struct OrgChange {
    name: String,
    sector: Sector,
    country: Country,
    website: Option<String>,
    description: String,
    parent: Option<i64>,
    public: bool,
}

fn text_field(value: &str, max: usize, required: bool) -> AppResult<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(AppError::invalid("error-name-required"));
    }
    if value.chars().count() > max {
        return Err(AppError::Invalid(Message::new("error-too-long").arg("max", max)));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
        return Err(AppError::invalid("error-control-characters"));
    }
    Ok(value.replace("\r\n", "\n"))
}

async fn parse_org(db: &Db, form: &OrgForm, editing: Option<i64>) -> AppResult<OrgChange> {
    let website = match form.website.trim() {
        "" => None,
        w => {
            let url = url::Url::parse(w).map_err(|_| AppError::invalid("error-website-invalid"))?;
            if !matches!(url.scheme(), "http" | "https") || w.len() > 200 {
                return Err(AppError::invalid("error-website-invalid"));
            }
            Some(url.to_string())
        }
    };
    let parent = match form.parent.trim() {
        "" => None,
        p => {
            let id: i64 = p.parse().map_err(|_| AppError::invalid("error-unknown-organisation"))?;
            load(db, id).await?.ok_or(AppError::invalid("error-unknown-organisation"))?;
            // Walk up from the new parent: meeting the organisation itself would make a loop.
            if let Some(me) = editing {
                let mut cursor = Some(id);
                let mut steps = 0;
                while let Some(c) = cursor {
                    if c == me || steps > 100 {
                        return Err(AppError::invalid("error-parent-loop"));
                    }
                    cursor = load(db, c).await?.and_then(|o| o.parent_id);
                    steps += 1;
                }
            }
            Some(id)
        }
    };
    Ok(OrgChange {
        name: text_field(&form.name, 150, true)?,
        sector: form.sector.parse()?,
        country: form.country.parse()?,
        website,
        description: text_field(&form.description, 2000, false)?,
        parent,
        public: form.public.is_some(),
    })
}

/// An organisation from an imported spreadsheet, checked by the form's own rules; not
/// public until a coordinator makes it so.
pub struct NewOrganisation(OrgChange);

/// Check one imported organisation (`sector` and `country` as keys).
pub async fn check_new(
    db: &Db,
    name: &str,
    sector: &str,
    country: &str,
    website: &str,
    description: &str,
) -> AppResult<NewOrganisation> {
    let form = OrgForm {
        name: name.into(),
        sector: sector.into(),
        country: country.into(),
        website: website.into(),
        description: description.into(),
        parent: String::new(),
        public: None,
    };
    parse_org(db, &form, None).await.map(NewOrganisation)
}

/// Write a checked organisation and its search entry in `tx`; a unique violation means
/// one of that name exists in that country.
pub async fn insert_new(tx: &mut Tx, org: &NewOrganisation, now: i64) -> Result<i64, sqlx::Error> {
    let c = &org.0;
    let sql = "INSERT INTO organisations (name, sector, country, website, description, parent_id, public, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, NULL, FALSE, $6, $6) RETURNING id";
    let id: i64 = on_tx!(tx, conn => sqlx::query_scalar(sql).bind(&c.name).bind(c.sector.key()).bind(c.country.key())
        .bind(&c.website).bind(&c.description).bind(now).fetch_one(&mut **conn).await)?;
    search::index(tx, id).await?;
    Ok(id)
}

/// An organisation's own entry, and its members' (their entries name it), in the
/// transaction of the change.
async fn reindex_with_members(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    search::index(tx, id).await?;
    // In one order, so that two changes to organisations sharing members lock them alike.
    let members: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT user_id FROM affiliations WHERE org_id = $1 ORDER BY user_id")
        .bind(id).fetch_all(&mut **c).await)?;
    for m in members {
        crate::members::search::index(tx, m).await?;
    }
    Ok(())
}

async fn edit_context(state: &AppState) -> AppResult<Value> {
    let orgs = org_choices(&state.db).await?;
    Ok(context! { sectors => Sector::keys(), countries => Country::keys(), orgs })
}

fn form_view(form: &OrgForm) -> Value {
    context! {
        name => form.name, sector => form.sector, country => form.country, website => form.website,
        description => form.description, parent => form.parent, public => form.public.is_some(),
    }
}

async fn new_form(State(state): State<AppState>, page: Page, _c: Coordinator) -> AppResult<Html<String>> {
    let ctx = edit_context(&state).await?;
    page.render(&state, "orgs/edit.html", context! { form => form_view(&OrgForm::default()), id => None::<i64>, ..ctx })
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    _c: Coordinator,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let org = load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let form = OrgForm {
        name: org.name,
        sector: org.sector,
        country: org.country,
        website: org.website.unwrap_or_default(),
        description: org.description,
        parent: org.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        public: org.public.then(|| "on".to_string()),
    };
    let ctx = edit_context(&state).await?;
    page.render(&state, "orgs/edit.html", context! { form => form_view(&form), id, ..ctx })
}

async fn invalid_form(
    state: &AppState,
    page: &Page,
    form: &OrgForm,
    id: Option<i64>,
    err: AppError,
) -> AppResult<Response> {
    let AppError::Invalid(m) = err else {
        return Err(err);
    };
    let ctx = edit_context(state).await?;
    let error = page.locale.t_args(m.id, &m.args);
    let html = page.render(state, "orgs/edit.html", context! { form => form_view(form), id, error, ..ctx })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    _c: Coordinator,
    Form(form): Form<OrgForm>,
) -> AppResult<Response> {
    let change = match parse_org(&state.db, &form, None).await {
        Ok(c) => c,
        Err(e) => return invalid_form(&state, &page, &form, None, e).await,
    };
    let now = now_ms();
    let sql = "INSERT INTO organisations (name, sector, country, website, description, parent_id, public, created_at, updated_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
    let mut tx = state.db.begin().await?;
    let result: Result<i64, sqlx::Error> = on_tx!(&mut tx, c => sqlx::query_scalar(sql)
        .bind(&change.name).bind(change.sector.key()).bind(change.country.key()).bind(&change.website)
        .bind(&change.description).bind(change.parent).bind(change.public).bind(now).fetch_one(&mut **c).await);
    match result {
        Ok(id) => {
            search::index(&mut tx, id).await?;
            tx.commit().await?;
            Ok(Redirect::to(&format!("/organisations/{id}?done=created")).into_response())
        }
        Err(e) if crate::db::is_unique_violation(&e) => {
            // The page reads from the pool: the failed transaction is let go first.
            drop(tx);
            invalid_form(&state, &page, &form, None, AppError::invalid("error-organisation-exists")).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    _c: Coordinator,
    Path(id): Path<i64>,
    Form(form): Form<OrgForm>,
) -> AppResult<Response> {
    load(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let change = match parse_org(&state.db, &form, Some(id)).await {
        Ok(c) => c,
        Err(e) => return invalid_form(&state, &page, &form, Some(id), e).await,
    };
    let sql = "UPDATE organisations SET name = $1, sector = $2, country = $3, website = $4, description = $5, \
               parent_id = $6, public = $7, updated_at = $8 WHERE id = $9";
    let mut tx = state.db.begin().await?;
    let result = on_tx!(&mut tx, c => sqlx::query(sql)
        .bind(&change.name).bind(change.sector.key()).bind(change.country.key()).bind(&change.website)
        .bind(&change.description).bind(change.parent).bind(change.public).bind(now_ms()).bind(id)
        .execute(&mut **c).await.map(crate::db::affected));
    match result {
        Ok(_) => {
            reindex_with_members(&mut tx, id).await?;
            tx.commit().await?;
            Ok(Redirect::to(&format!("/organisations/{id}?done=saved")).into_response())
        }
        Err(e) if crate::db::is_unique_violation(&e) => {
            // The page reads from the pool: the failed transaction is let go first.
            drop(tx);
            invalid_form(&state, &page, &form, Some(id), AppError::invalid("error-organisation-exists")).await
        }
        Err(e) => Err(e.into()),
    }
}

/// An organisation to choose in a form (every one a member may see: all of them).
#[derive(sqlx::FromRow, serde::Serialize)]
pub struct OrgChoice {
    pub id: i64,
    pub name: String,
}

pub async fn org_choices(db: &Db) -> Result<Vec<OrgChoice>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as("SELECT id, name FROM organisations ORDER BY lower(name)").fetch_all(pool).await)
}
