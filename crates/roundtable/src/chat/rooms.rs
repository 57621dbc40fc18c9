//! A group's chat room. The group's moderators switch it on (and off, which deletes it with
//! its messages); whoever is an active member of the group is in it, and nobody else.
//!
//! Members at risk are never put in a room: they join by their own choice, from the group's
//! page, and others see them there as everywhere else ("a participant who keeps their name
//! private" to all but coordinators). Anyone may leave the room and stay in the group.
//!
//! Who reads a room is decided by [`access::takes_part_sql`], which checks the group itself;
//! [`follow`] keeps the participant rows in step with the group (who is in, as what) so that
//! lists and unread counts are right, but a row it failed to remove still reads nothing.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};

use super::access;
use super::Timer;
use crate::audit::{self, Detail, Entry};
use crate::db::{affected, Db, Tx};
use crate::groups::Standing;
use crate::web::{AppError, AppResult, AppState, ClientIp, Form, Routes, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};

pub fn routes() -> Routes {
    vec![("/groups/{id}/room", post(change))]
}

/// A group's room as its page shows it to the viewer.
#[derive(Serialize, Default)]
pub struct RoomView {
    /// The room's conversation, if it is on.
    pub id: Option<i64>,
    /// The viewer reads it.
    pub inside: bool,
    /// The viewer may join it (a member of the group not in the room: at risk, or left).
    pub may_join: bool,
    /// The viewer keeps their name private (at risk): the page says what joining means.
    pub at_risk: bool,
}

/// The room of group `group`, if it is on.
pub async fn of_group(db: &Db, group: i64) -> Result<Option<i64>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT id FROM conversations WHERE group_id = $1 AND kind = 'room'")
        .bind(group).fetch_optional(pool).await)
}

/// What the group's page says of its room to `viewer`, whose standing in the group is
/// `standing`.
pub async fn view(db: &Db, viewer: &Viewer, group: i64, standing: Standing) -> Result<RoomView, sqlx::Error> {
    let Some(id) = of_group(db, group).await? else { return Ok(RoomView::default()) };
    let Some(me) = viewer.id().filter(|_| standing.is_member()) else {
        return Ok(RoomView { id: Some(id), ..RoomView::default() });
    };
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM conversations c WHERE c.id = $1 AND {}), \
           COALESCE((SELECT p.at_risk FROM profiles p WHERE p.user_id = $2), FALSE)",
        access::reads_sql("c", &Who::literal(viewer))
    );
    let (inside, at_risk): (bool, bool) =
        on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(me).fetch_one(pool).await)?;
    Ok(RoomView { id: Some(id), inside, may_join: !inside, at_risk })
}

/// A participant's role in a room, from their role in the group: moderators of the group
/// set the room's timer.
fn role_of(standing: Standing) -> &'static str {
    if standing == Standing::Moderator {
        "moderator"
    } else {
        "member"
    }
}

/// Keep `user`'s place in the room of `group` (if it is on) in step with their membership,
/// in the transaction that changed it: in while they are an active member of the group (a
/// member at risk only once they chose to join), as moderator or member as in the group; out
/// once they are not a member.
pub async fn follow(tx: &mut Tx, group: i64, user: i64, now: i64) -> Result<(), sqlx::Error> {
    let room: Option<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM conversations WHERE group_id = $1 AND kind = 'room'")
        .bind(group).fetch_optional(&mut **c).await)?;
    let Some(room) = room else { return Ok(()) };
    let row: Option<(String, String)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT role, status FROM group_members WHERE group_id = $1 AND user_id = $2")
        .bind(group).bind(user).fetch_optional(&mut **c).await)?;
    let standing = Standing::from_row(row);
    if !standing.is_member() {
        on_tx!(tx, c => sqlx::query("DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2")
            .bind(room).bind(user).execute(&mut **c).await.map(affected))?;
        return Ok(());
    }
    let role = role_of(standing);
    // Someone already in the room (or who left it) keeps their place; only the role follows.
    on_tx!(tx, c => sqlx::query("UPDATE conversation_members SET role = $1 WHERE conversation_id = $2 AND user_id = $3")
        .bind(role).bind(room).bind(user).execute(&mut **c).await.map(affected))?;
    super::put_in(tx, room, user, role, now).await
}

#[derive(Deserialize, Default)]
struct ChangeForm {
    #[serde(default)]
    action: String,
}

/// Switch a group's room on or off (its moderators), or join it (a member of the group who
/// is not in it: at risk, or having left it).
async fn change(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Path(group): Path<i64>,
    Form(form): Form<ChangeForm>,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let (_, standing, _) = crate::groups::visible(&state.db, &viewer, group).await?;
    let me = user.user_id;
    let now = state.clock.now_ms();
    let room = of_group(&state.db, group).await?;
    let mut tx = state.db.begin().await?;
    let (to, action) = match (form.action.as_str(), room) {
        ("on", None) if standing == Standing::Moderator => {
            let sql =
                "INSERT INTO conversations (id, kind, group_id, created_by, timer_ms, last_message_at, created_at) \
                       VALUES ($1, 'room', $2, $3, $4, $5, $5) RETURNING id";
            let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(crate::db::secret_id()).bind(group).bind(me)
                .bind(Timer::DEFAULT.ms()).bind(now).fetch_one(&mut **c).await)?;
            // Everyone in the group is in the room from now on, except members at risk.
            let sql = format!(
                "INSERT INTO conversation_members (conversation_id, user_id, role, state, joined_at) \
                 SELECT $1, gm.user_id, CASE WHEN gm.role = 'moderator' THEN 'moderator' ELSE 'member' END, 'active', $2 \
                 FROM group_members gm JOIN users u ON u.id = gm.user_id LEFT JOIN profiles p ON p.user_id = gm.user_id \
                 WHERE gm.group_id = $3 AND gm.status = 'active' AND {}",
                access::put_in_sql("u", "p")
            );
            on_tx!(&mut tx, c => sqlx::query(&sql).bind(id).bind(now).bind(group).execute(&mut **c).await.map(affected))?;
            (format!("/groups/{group}?done=room_on"), Some(crate::vocab::AuditAction::ChatRoomOpened))
        }
        ("off", Some(id)) if standing == Standing::Moderator => {
            user.require_confirmed(&format!("/groups/{group}"))?;
            super::delete_conversation(&mut tx, id).await?;
            (format!("/groups/{group}?done=room_off"), Some(crate::vocab::AuditAction::ChatRoomClosed))
        }
        ("join", Some(id)) if standing.is_member() => {
            let role = role_of(standing);
            super::join_afresh(&mut tx, id, me, role, now).await?;
            (format!("/messages/{id}"), None)
        }
        // Already on, already off, or joining a room that is off: nothing to do.
        ("on", Some(_)) | ("off", None) if standing == Standing::Moderator => (format!("/groups/{group}"), None),
        ("join", None) if standing.is_member() => (format!("/groups/{group}"), None),
        ("on" | "off" | "join", _) => return Err(AppError::Forbidden),
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    if let Some(action) = action {
        audit::record(&mut tx, Entry { actor: Some(me), action, target: None, detail: Detail::None, ip }).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&to).into_response())
}
