//! Keeping an initiative up to date: its status with dated changes, its partner
//! organisations and people with their roles, and its milestones. A person on an initiative
//! decides themself whether they are listed there, and may leave it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::follow::News;
use crate::db::{affected, Tx};
use crate::vocab::{InitiativeRole, InitiativeStatus, MilestoneState, PartnerRole};
use crate::web::{AppError, AppResult, AppState, Form, Page, SignedIn, Who};
use crate::{on_db, on_tx};

const MAX_NOTE: usize = 500;

fn back(id: i64, done: &str) -> Response {
    Redirect::to(&format!("/initiatives/{id}?done={done}")).into_response()
}

async fn touch(tx: &mut Tx, id: i64, now: i64) -> AppResult<()> {
    let sql = "UPDATE initiatives SET updated_at = $1 WHERE id = $2";
    on_tx!(tx, c => sqlx::query(sql).bind(now).bind(id).execute(&mut **c).await.map(affected))?;
    Ok(())
}

#[derive(Deserialize)]
pub(super) struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    changed_on: String,
    #[serde(default)]
    note: String,
}

/// A dated change of status. The initiative stands where its latest change (by date) puts
/// it, so that a change recorded late for an earlier day does not overrule a later one.
pub(super) async fn change_status(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<StatusForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let status: InitiativeStatus = form.status.trim().parse()?;
    let today = super::today(&state, &page);
    let on = super::day(&form.changed_on, today)?.unwrap_or(today);
    if on > today {
        return Err(AppError::invalid("error-initiative-future-change"));
    }
    let note = crate::members::bounded(&form.note, MAX_NOTE)?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let current = "SELECT status FROM initiatives WHERE id = $1";
    let before: String = on_tx!(&mut tx, c => sqlx::query_scalar(current).bind(id).fetch_one(&mut **c).await)?;
    let sql =
        "INSERT INTO initiative_status_changes (initiative_id, status, changed_on, note, changed_by, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(status.key()).bind(on.format("%Y-%m-%d").to_string())
        .bind(&note).bind(user.user_id).bind(now).execute(&mut **c).await.map(affected))?;
    let sql = "UPDATE initiatives SET status = (SELECT s.status FROM initiative_status_changes s \
                 WHERE s.initiative_id = $1 ORDER BY s.changed_on DESC, s.id DESC LIMIT 1), updated_at = $2 WHERE id = $1";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(now).execute(&mut **c).await.map(affected))?;
    // A change recorded for an earlier day may leave the initiative where it stands: no news.
    let after: String = on_tx!(&mut tx, c => sqlx::query_scalar(current).bind(id).fetch_one(&mut **c).await)?;
    if after != before {
        super::follow::tell(&mut tx, &state.config, id, user.user_id, News::Status).await?;
    }
    tx.commit().await?;
    Ok(back(id, "status"))
}

#[derive(Deserialize)]
pub(super) struct PartnerForm {
    #[serde(default)]
    org: String,
    #[serde(default)]
    role: String,
}

/// Name an organisation as a partner with its role (or give a partner a new role).
pub(super) async fn add_partner(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<PartnerForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let role: PartnerRole = form.role.trim().parse()?;
    let org: i64 = form.org.trim().parse().map_err(|_| AppError::invalid("error-initiative-partner"))?;
    // Those who keep an initiative are members, who see every organisation.
    let sql = "SELECT COUNT(*) FROM organisations WHERE id = $1";
    let known: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(org).fetch_one(pool).await)?;
    if known == 0 {
        return Err(AppError::invalid("error-initiative-partner"));
    }
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let sql = "INSERT INTO initiative_partners (initiative_id, org_id, role, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (initiative_id, org_id) DO UPDATE SET role = excluded.role";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(org).bind(role.key()).bind(now)
        .execute(&mut **c).await.map(affected))?;
    touch(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(back(id, "partner_added"))
}

#[derive(Deserialize)]
pub(super) struct Empty {}

pub(super) async fn remove_partner(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, org)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let mut tx = state.db.begin().await?;
    let sql = "DELETE FROM initiative_partners WHERE initiative_id = $1 AND org_id = $2";
    if on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(org).execute(&mut **c).await.map(affected))? == 0 {
        return Err(AppError::NotFound);
    }
    touch(&mut tx, id, state.clock.now_ms()).await?;
    tx.commit().await?;
    Ok(back(id, "partner_removed"))
}

#[derive(Deserialize)]
pub(super) struct PersonForm {
    #[serde(default)]
    user: String,
    #[serde(default)]
    role: String,
}

/// Name a member on the initiative with their role (or give them a new one). Only members
/// the editor may see are offered and taken: a lead who is not a coordinator cannot name
/// (or learn of) a member at risk.
pub(super) async fn add_person(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    let (initiative, _) = super::managed(&state.db, &page.viewer, id).await?;
    let role: InitiativeRole = form.role.trim().parse()?;
    let person: i64 = form.user.trim().parse().map_err(|_| AppError::invalid("error-initiative-person"))?;
    // On a secret group's initiative, only the group's members: anyone else would be shut
    // out of it, unable to see it, leave it or unlist themself.
    let sql = format!(
        "SELECT COUNT(*) FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1 AND u.active AND {} AND {}",
        crate::members::access::person_sql("p", "u.id", &Who::literal(&page.viewer)),
        crate::groups::access::not_shut_out_sql(
            &initiative.group_id.map_or("NULL".to_string(), |g| g.to_string()),
            &Who::account("u.id")
        )
    );
    let known: i64 = on_db!(&state.db, pool => sqlx::query_scalar(&sql).bind(person).fetch_one(pool).await)?;
    if known == 0 {
        return Err(AppError::invalid("error-initiative-person"));
    }
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    let sql = "INSERT INTO initiative_people (initiative_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT (initiative_id, user_id) DO UPDATE SET role = excluded.role";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(person).bind(role.key()).bind(now)
        .execute(&mut **c).await.map(affected))?;
    super::follow::start_following(&mut tx, person, id).await?;
    touch(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(back(id, "person_added"))
}

/// Take a person off the initiative: those who keep it, or the person themself. Someone
/// who may not see the person (a lead, of a member at risk) cannot tell them apart from
/// someone not on it.
pub(super) async fn remove_person(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, person)): Path<(i64, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let (_, relation) = super::visible(&state.db, &page.viewer, id).await?;
    let own = page.viewer.is(person);
    if !own && !super::access::can_manage(&page.viewer, &relation) {
        return Err(AppError::Forbidden);
    }
    let sql = format!(
        "SELECT COUNT(*) FROM initiative_people ip JOIN initiatives i ON i.id = ip.initiative_id \
         JOIN users u ON u.id = ip.user_id LEFT JOIN profiles p ON p.user_id = ip.user_id \
         WHERE ip.initiative_id = $1 AND ip.user_id = $2 AND {}",
        super::access::person_sql("ip", "i", &Who::literal(&page.viewer))
    );
    let seen: i64 = on_db!(&state.db, pool => sqlx::query_scalar(&sql).bind(id).bind(person).fetch_one(pool).await)?;
    if seen == 0 {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.begin().await?;
    let sql = "DELETE FROM initiative_people WHERE initiative_id = $1 AND user_id = $2";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(person).execute(&mut **c).await.map(affected))?;
    touch(&mut tx, id, state.clock.now_ms()).await?;
    tx.commit().await?;
    if own && !super::access::can_manage(&page.viewer, &relation) {
        // They may no longer see it; the list is where they can go.
        return Ok(Redirect::to("/initiatives?done=left").into_response());
    }
    Ok(back(id, "person_removed"))
}

#[derive(Deserialize)]
pub(super) struct ListingForm {
    #[serde(default)]
    listed: String,
}

/// A person on the initiative says whether they are listed there.
pub(super) async fn listing(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<ListingForm>,
) -> AppResult<Response> {
    super::visible(&state.db, &page.viewer, id).await?;
    let listed = match form.listed.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::invalid("error-initiative-listing")),
    };
    let sql = "UPDATE initiative_people SET listed = $1 WHERE initiative_id = $2 AND user_id = $3";
    let changed = on_db!(&state.db, pool => sqlx::query(sql).bind(listed).bind(id).bind(user.user_id).execute(pool).await.map(affected))?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(back(id, if listed { "listed" } else { "unlisted" }))
}

#[derive(Deserialize)]
pub(super) struct MilestoneForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    due_on: String,
}

pub(super) async fn add_milestone(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<MilestoneForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let title = crate::members::bounded(&form.title, super::edit::MAX_TITLE)?;
    if title.is_empty() {
        return Err(AppError::invalid("error-milestone-title"));
    }
    let due = super::day(&form.due_on, super::today(&state, &page))?.ok_or(AppError::invalid("error-milestone-due"))?;
    let now = state.clock.now_ms();
    let mut tx = state.db.begin().await?;
    // Random ids for what pages of possibly hidden initiatives carry in their addresses.
    let sql = "INSERT INTO initiative_milestones (id, initiative_id, title, due_on, state, created_at, updated_at) \
               VALUES ($5, $1, $2, $3, 'planned', $4, $4)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(&title).bind(due.format("%Y-%m-%d").to_string()).bind(now)
        .bind(crate::db::secret_id()).execute(&mut **c).await.map(affected))?;
    touch(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(back(id, "milestone_added"))
}

#[derive(Deserialize)]
pub(super) struct MilestoneChange {
    #[serde(default)]
    action: String,
    /// The day it was done, or the new day it is due.
    #[serde(default)]
    on: String,
}

/// Mark a milestone done (on a day, today if none is given), slipped (to a new day, if
/// given), planned again, or remove it.
pub(super) async fn update_milestone(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path((id, milestone)): Path<(i64, i64)>,
    Form(form): Form<MilestoneChange>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let today = super::today(&state, &page);
    let on = super::day(&form.on, today)?;
    let now = state.clock.now_ms();
    let text = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut tx = state.db.begin().await?;
    let sql = "SELECT state FROM initiative_milestones WHERE id = $1 AND initiative_id = $2";
    let was: Option<String> =
        on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(milestone).bind(id).fetch_optional(&mut **c).await)?;
    let changed = if form.action == "remove" {
        let sql = "DELETE FROM initiative_milestones WHERE id = $1 AND initiative_id = $2";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(milestone).bind(id).execute(&mut **c).await.map(affected))?
    } else {
        let state_key: MilestoneState = form.action.trim().parse()?;
        let (done_on, due_on) = match state_key {
            MilestoneState::Done => {
                let done = on.unwrap_or(today);
                if done > today {
                    return Err(AppError::invalid("error-milestone-done-future"));
                }
                (Some(text(done)), None)
            }
            MilestoneState::Slipped | MilestoneState::Planned => (None, on.map(text)),
        };
        let sql = "UPDATE initiative_milestones SET state = $1, done_on = $2, due_on = COALESCE($3, due_on), \
                   updated_at = $4 WHERE id = $5 AND initiative_id = $6";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(state_key.key()).bind(done_on).bind(due_on).bind(now)
            .bind(milestone).bind(id).execute(&mut **c).await.map(affected))?
    };
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    // Done again (a corrected day) is no news.
    if form.action == MilestoneState::Done.key() && was.as_deref() != Some(MilestoneState::Done.key()) {
        super::follow::tell(&mut tx, &state.config, id, user.user_id, News::Milestone).await?;
    }
    touch(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(back(id, if form.action == "remove" { "milestone_removed" } else { "milestone_saved" }))
}
