//! One initiative's page: its purpose in the reader's language, where it stands and how it
//! got there, its partners, people and milestones, and, for those who keep it, the forms
//! that change them.

use axum::extract::{Path, Query, State};
use axum::response::Html;
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{rows, Arg, Args};
use crate::vocab::{IndicatorKind, InitiativeRole, InitiativeStatus, MilestoneState, PartnerRole};
use crate::web::{AppResult, AppState, Locale, Page, Who};

use super::access::{self, Relation};
use super::Initiative;

#[derive(Deserialize)]
pub(super) struct ShowQuery {
    done: Option<String>,
    /// Read the initiative in this language (the original or a translation).
    lang: Option<String>,
}

#[derive(sqlx::FromRow, Serialize)]
struct Partner {
    id: i64,
    name: String,
    sector: String,
    country: String,
    role: String,
}

#[derive(sqlx::FromRow, Serialize)]
struct Person {
    id: i64,
    name: String,
    role: String,
    listed: bool,
    at_risk: bool,
}

#[derive(sqlx::FromRow, Serialize)]
struct Milestone {
    id: i64,
    title: String,
    due_on: String,
    state: String,
    done_on: Option<String>,
}

#[derive(sqlx::FromRow, Serialize)]
struct Change {
    status: String,
    changed_on: String,
    note: String,
}

#[derive(sqlx::FromRow, Serialize)]
struct Text {
    lang: String,
    title: String,
    purpose_html: String,
}

/// What was done, said only to those who could have done it.
const DONE: &[&str] = &[
    "created",
    "followed",
    "unfollowed",
    "update_posted",
    "update_removed",
    "saved",
    "translated",
    "status",
    "partner_added",
    "partner_removed",
    "person_added",
    "person_removed",
    "listed",
    "unlisted",
    "milestone_added",
    "milestone_saved",
    "milestone_removed",
    "indicator_added",
    "indicator_removed",
    "value_added",
    "value_removed",
    "story_added",
    "story_removed",
    "link_added",
    "link_removed",
];

pub(super) async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Html<String>> {
    let (initiative, relation) = super::visible(&state.db, &page.viewer, id).await?;
    let manages = access::can_manage(&page.viewer, &relation);
    let db = &state.db;
    let who = Who::literal(&page.viewer);

    // The text in the language asked for, else the reader's, else the original.
    let translations: Vec<Text> = rows(
        db,
        "SELECT lang, title, purpose_html FROM initiative_translations WHERE initiative_id = $1 ORDER BY lang",
        &Args::of(&[Arg::Int(id)]),
    )
    .await?;
    let wanted = q.lang.as_deref().and_then(Locale::parse).unwrap_or(page.locale);
    let text = translations.iter().find(|t| t.lang == wanted.tag() && t.lang != initiative.lang).map_or_else(
        || Text {
            lang: initiative.lang.clone(),
            title: initiative.title.clone(),
            purpose_html: initiative.purpose_html.clone(),
        },
        |t| Text { lang: t.lang.clone(), title: t.title.clone(), purpose_html: t.purpose_html.clone() },
    );
    let mut languages: Vec<String> = vec![initiative.lang.clone()];
    languages.extend(translations.iter().map(|t| t.lang.clone()).filter(|l| *l != initiative.lang));
    let languages: Vec<_> = languages
        .into_iter()
        .filter_map(|l| Locale::parse(&l).map(|loc| context! { tag => l, name => loc.autonym() }))
        .collect();

    let args = Args::of(&[Arg::Int(id)]);
    let countries: Vec<(String,)> =
        rows(db, "SELECT country FROM initiative_countries WHERE initiative_id = $1 ORDER BY country", &args).await?;
    let topics: Vec<(String,)> =
        rows(db, "SELECT topic FROM initiative_topics WHERE initiative_id = $1 ORDER BY topic", &args).await?;
    let history: Vec<Change> = rows(
        db,
        "SELECT status, changed_on, note FROM initiative_status_changes WHERE initiative_id = $1 \
         ORDER BY changed_on DESC, id DESC",
        &args,
    )
    .await?;
    let member = if page.viewer.is_member() { "TRUE" } else { "FALSE" };
    let partners: Vec<Partner> = rows(
        db,
        &format!(
            "SELECT o.id, o.name, o.sector, o.country, ip.role FROM initiative_partners ip \
             JOIN organisations o ON o.id = ip.org_id WHERE ip.initiative_id = $1 AND {} \
             ORDER BY CASE ip.role WHEN 'lead' THEN 0 ELSE 1 END, lower(o.name)",
            crate::orgs::visible_sql("o", member)
        ),
        &args,
    )
    .await?;
    let people: Vec<Person> = rows(
        db,
        &format!(
            "SELECT u.id, u.display_name AS name, ip.role, ip.listed, COALESCE(p.at_risk, FALSE) AS at_risk \
             FROM initiative_people ip JOIN initiatives i ON i.id = ip.initiative_id JOIN users u ON u.id = ip.user_id \
             LEFT JOIN profiles p ON p.user_id = ip.user_id WHERE ip.initiative_id = $1 AND {} \
             ORDER BY CASE ip.role WHEN 'lead' THEN 0 WHEN 'focal_point' THEN 1 WHEN 'expert' THEN 2 ELSE 3 END, \
               lower(u.display_name)",
            access::person_sql("ip", "i", &who)
        ),
        &args,
    )
    .await?;
    let milestones: Vec<Milestone> = rows(
        db,
        "SELECT id, title, due_on, state, done_on FROM initiative_milestones WHERE initiative_id = $1 \
         ORDER BY due_on, id",
        &args,
    )
    .await?;
    let group = group_named(&state, &page, &initiative).await?;
    let mine = relation.role.map(|_| {
        let listed = people.iter().find(|p| page.viewer.is(p.id)).is_none_or(|p| p.listed);
        context! { listed }
    });
    let forms = if manages { Some(forms(&state, &page, &initiative).await?) } else { None };
    let (indicators, stories) = super::outcomes::of(db, page.locale, id).await?;
    let links = super::links::of(db, &page.viewer, id).await?;
    let done = page.done(q.done.as_deref(), DONE, "initiatives-done");
    let updates = super::updates::of(db, &page.viewer, id).await?;
    let following = match page.viewer.id() {
        Some(me) => {
            crate::notify::mark_read(db, me, "initiative_id", id).await?;
            Some(super::follow::follows(db, me, id).await?)
        }
        None => None,
    };
    page.render(
        &state,
        "initiatives/show.html",
        context! {
            initiative, text, languages, countries => countries.into_iter().map(|c| c.0).collect::<Vec<_>>(),
            topics => topics.into_iter().map(|t| t.0).collect::<Vec<_>>(), history, partners, people,
            milestones, group, manages, mine, forms, done, relation => relation_view(&relation), indicators, stories, links,
            following, updates,
        },
    )
}

fn relation_view(relation: &Relation) -> minijinja::Value {
    context! { role => relation.role.map(|r| r.key()) }
}

/// The group an initiative is shared with, named only to those who may know the group.
async fn group_named(state: &AppState, page: &Page, initiative: &Initiative) -> AppResult<Option<minijinja::Value>> {
    let Some(g) = initiative.group_id else { return Ok(None) };
    Ok(match crate::groups::visible(&state.db, &page.viewer, g).await {
        Ok((group, _, _)) => Some(context! { id => group.id, name => group.name }),
        Err(crate::web::AppError::NotFound) => None,
        Err(e) => return Err(e),
    })
}

#[derive(sqlx::FromRow, Serialize)]
struct Choice {
    id: i64,
    name: String,
}

/// What the forms of those who keep the initiative offer: organisations not yet partners,
/// members they may see who are not yet on it, and the vocabularies.
async fn forms(state: &AppState, page: &Page, initiative: &Initiative) -> AppResult<minijinja::Value> {
    let db = &state.db;
    let args = Args::of(&[Arg::Int(initiative.id)]);
    let orgs: Vec<Choice> = rows(
        db,
        "SELECT o.id, o.name FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM initiative_partners ip \
           WHERE ip.initiative_id = $1 AND ip.org_id = o.id) ORDER BY lower(o.name), o.id",
        &args,
    )
    .await?;
    let who = Who::literal(&page.viewer);
    let members: Vec<Choice> = rows(
        db,
        &format!(
            "SELECT u.id, u.display_name AS name FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
             WHERE u.active AND {} AND NOT EXISTS (SELECT 1 FROM initiative_people ip \
               WHERE ip.initiative_id = $1 AND ip.user_id = u.id) ORDER BY lower(u.display_name), u.id",
            crate::members::access::person_sql("p", "u.id", &who)
        ),
        &args,
    )
    .await?;
    Ok(context! {
        orgs, members, today => super::today(state, page).format("%Y-%m-%d").to_string(),
        statuses => InitiativeStatus::keys(), partner_roles => PartnerRole::keys(),
        roles => InitiativeRole::keys(), states => MilestoneState::keys(), kinds => IndicatorKind::keys(),
    })
}
