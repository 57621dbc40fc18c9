//! Initiatives: the partnerships that pair civil society with government agencies (an NHRI
//! setting up an NPM unit, a police academy moving to investigative interviewing, detention
//! monitoring shared across countries), with the organisations and people in them, their
//! status over time, their milestones, and what they achieve (indicators and stories of
//! change).
//!
//! Who sees an initiative, who keeps it, and who is named on it is decided in `access.rs`,
//! and nowhere else: the pages here, the profile and organisation pages that list
//! initiatives, and the demo all go through it.

pub mod access;
mod edit;
mod follow;
mod links;
mod list;
mod outcomes;
mod partnerships;
mod show;
pub mod updates;
mod work;

use axum::routing::{get, post};
use serde::Serialize;

use crate::db::{rows, Arg, Args, Db};
use crate::on_db;
use crate::vocab::{InitiativeStatus, InitiativeVisibility};
use crate::web::{AppError, AppResult, Routes, Viewer, Who};
use access::Relation;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("initiatives/list.html", include_str!("templates/list.html")),
    ("initiatives/show.html", include_str!("templates/show.html")),
    ("initiatives/edit.html", include_str!("templates/edit.html")),
    ("initiatives/_listed.html", include_str!("templates/_listed.html")),
    ("initiatives/partnerships.html", include_str!("templates/partnerships.html")),
    ("initiatives/_country_topic.html", include_str!("templates/_country_topic.html")),
];

pub fn routes() -> Routes {
    vec![
        ("/initiatives", get(list::list).post(edit::create)),
        ("/initiatives/new", get(edit::new_form)),
        ("/initiatives/partnerships", get(partnerships::view)),
        ("/initiatives/{id}", get(show::show).post(edit::update)),
        ("/initiatives/{id}/edit", get(edit::edit_form)),
        ("/initiatives/{id}/translation", get(edit::translation_form).post(edit::translate)),
        ("/initiatives/{id}/status", post(work::change_status)),
        ("/initiatives/{id}/partners", post(work::add_partner)),
        ("/initiatives/{id}/partners/{org}/remove", post(work::remove_partner)),
        ("/initiatives/{id}/people", post(work::add_person)),
        ("/initiatives/{id}/people/{user}/remove", post(work::remove_person)),
        ("/initiatives/{id}/listing", post(work::listing)),
        ("/initiatives/{id}/follow", post(follow::follow)),
        ("/initiatives/{id}/updates/{update}/remove", post(updates::remove)),
        ("/initiatives/{id}/updates/{update}/files/{file}", get(updates::download)),
        ("/initiatives/{id}/milestones", post(work::add_milestone)),
        ("/initiatives/{id}/milestones/{milestone}", post(work::update_milestone)),
        ("/initiatives/{id}/indicators", post(outcomes::add_indicator)),
        ("/initiatives/{id}/indicators/{indicator}/remove", post(outcomes::remove_indicator)),
        ("/initiatives/{id}/indicators/{indicator}/values", post(outcomes::add_value)),
        ("/initiatives/{id}/indicators/{indicator}/values/{value}/remove", post(outcomes::remove_value)),
        ("/initiatives/{id}/links", post(links::add)),
        ("/initiatives/{id}/links/{kind}/{target}/remove", post(links::remove)),
        ("/initiatives/{id}/stories", post(outcomes::add_story)),
        ("/initiatives/{id}/stories/{story}/remove", post(outcomes::remove_story)),
    ]
}

/// An initiative as stored, in the language it was written in.
#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Initiative {
    pub id: i64,
    pub lang: String,
    pub title: String,
    pub purpose: String,
    pub purpose_html: String,
    pub status: String,
    /// Calendar days, YYYY-MM-DD.
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub visibility: String,
    pub group_id: Option<i64>,
    pub updated_at: i64,
}

impl Initiative {
    /// The stored key, read back; an unknown one (never written) counts as the narrowest.
    pub fn visibility(&self) -> InitiativeVisibility {
        self.visibility.parse().unwrap_or(InitiativeVisibility::Coordinators)
    }

    pub fn status(&self) -> InitiativeStatus {
        self.status.parse().unwrap_or(InitiativeStatus::Idea)
    }
}

const COLUMNS: &str = "i.id, i.lang, i.title, i.purpose, i.purpose_html, i.status, i.starts_on, i.ends_on, \
                       i.visibility, i.group_id, i.updated_at";

async fn load(db: &Db, id: i64) -> Result<Option<Initiative>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM initiatives i WHERE i.id = $1");
    on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await)
}

/// How `viewer` stands to `initiative`: their role on it, and their place in its group.
pub async fn relation(db: &Db, viewer: &Viewer, initiative: &Initiative) -> Result<Relation, sqlx::Error> {
    let Some(me) = viewer.id() else {
        let secret = match initiative.group_id {
            Some(g) => {
                crate::groups::load(db, g).await?.is_some_and(|g| !crate::groups::access::goes_in_files(g.access()))
            }
            None => false,
        };
        return Ok(Relation { group_secret: secret, ..Relation::default() });
    };
    let sql = "SELECT role FROM initiative_people WHERE initiative_id = $1 AND user_id = $2";
    let role: Option<String> =
        on_db!(db, pool => sqlx::query_scalar(sql).bind(initiative.id).bind(me).fetch_optional(pool).await)?;
    let (in_group, group_secret) = match initiative.group_id {
        Some(g) => {
            let group = crate::groups::load(db, g).await?;
            let standing = crate::groups::standing(db, g, Some(me)).await?;
            (standing.is_member(), group.is_some_and(|g| !crate::groups::access::goes_in_files(g.access())))
        }
        None => (false, false),
    };
    Ok(Relation { role: role.and_then(|r| r.parse().ok()), in_group, group_secret })
}

/// The initiative with the viewer's relation to it, or 404 when they may not know it exists.
async fn visible(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Initiative, Relation)> {
    let initiative = load(db, id).await?.ok_or(AppError::NotFound)?;
    let relation = relation(db, viewer, &initiative).await?;
    if !access::can_view(viewer, initiative.visibility(), &relation) {
        return Err(AppError::NotFound);
    }
    Ok((initiative, relation))
}

/// The initiative if the viewer keeps it; 404 if they may not even see it, 403 if they only
/// see it.
async fn managed(db: &Db, viewer: &Viewer, id: i64) -> AppResult<(Initiative, Relation)> {
    let (initiative, relation) = visible(db, viewer, id).await?;
    if !access::can_manage(viewer, &relation) {
        return Err(AppError::Forbidden);
    }
    Ok((initiative, relation))
}

/// An initiative in a list, titled in the reader's language where a translation exists.
#[derive(sqlx::FromRow, Serialize)]
pub struct Listed {
    pub id: i64,
    pub title: String,
    pub lang: String,
    pub status: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    /// The organisation's or person's role in it, on their pages.
    pub role: Option<String>,
}

/// The title of the initiatives row `i` in the language bound as `lang`, with its language.
pub(crate) fn titled(lang: &str) -> String {
    format!(
        "COALESCE((SELECT tr.title FROM initiative_translations tr WHERE tr.initiative_id = i.id AND tr.lang = {lang}), i.title) AS title, \
         CASE WHEN EXISTS (SELECT 1 FROM initiative_translations tl WHERE tl.initiative_id = i.id AND tl.lang = {lang}) \
              THEN {lang} ELSE i.lang END AS lang"
    )
}

/// The initiatives an organisation is a partner in, as far as `viewer` may see them.
pub async fn of_organisation(db: &Db, viewer: &Viewer, lang: &str, org: i64) -> Result<Vec<Listed>, sqlx::Error> {
    let mut args = Args::default();
    let (org, lang) = (args.push(Arg::Int(org)), args.push(Arg::Text(lang.into())));
    let sql = format!(
        "SELECT i.id, {}, i.status, i.starts_on, i.ends_on, ip.role FROM initiatives i \
         JOIN initiative_partners ip ON ip.initiative_id = i.id \
         WHERE ip.org_id = {org} AND {} ORDER BY i.starts_on DESC, i.id DESC",
        titled(&lang),
        access::visible_sql("i", &Who::literal(viewer))
    );
    rows(db, &sql, &args).await
}

/// The initiatives member `person` works on, as far as `viewer` may see them and see the
/// person named on them.
pub async fn of_person(db: &Db, viewer: &Viewer, lang: &str, person: i64) -> Result<Vec<Listed>, sqlx::Error> {
    let mut args = Args::default();
    let (person, lang) = (args.push(Arg::Int(person)), args.push(Arg::Text(lang.into())));
    let who = Who::literal(viewer);
    let sql = format!(
        "SELECT i.id, {}, i.status, i.starts_on, i.ends_on, ip.role FROM initiatives i \
         JOIN initiative_people ip ON ip.initiative_id = i.id JOIN users u ON u.id = ip.user_id \
         LEFT JOIN profiles p ON p.user_id = ip.user_id \
         WHERE ip.user_id = {person} AND {} AND {} ORDER BY i.starts_on DESC, i.id DESC",
        titled(&lang),
        access::visible_sql("i", &who),
        access::person_sql("ip", "i", &who)
    );
    rows(db, &sql, &args).await
}

/// Today's date in the viewer's zone, as the forms' dates are read.
fn today(state: &crate::web::AppState, page: &crate::web::Page) -> chrono::NaiveDate {
    crate::events::time::local_date(state.clock.now_ms(), page.zone)
}

/// A calendar day from a form (YYYY-MM-DD), within a century either way of today.
fn day(value: &str, today: chrono::NaiveDate) -> AppResult<Option<chrono::NaiveDate>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let date =
        chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| AppError::invalid("error-initiative-date"))?;
    if (date - today).num_days().abs() > 36_500 {
        return Err(AppError::invalid("error-initiative-date"));
    }
    Ok(Some(date))
}
