//! Following an initiative, and telling its followers of its news (a status changed, a
//! milestone done, a story of change, an update) as the forum tells a thread's followers of replies:
//! only those who may still see the initiative, by its one rule, and who have not blocked
//! the member who made the news.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::config::Config;
use crate::db::{affected, Db, Tx};
use crate::notify::{self, Kind, Notice};
use crate::web::{AppError, AppResult, AppState, Form, Page, SignedIn, Who};
use crate::{on_db, on_tx};

#[derive(Deserialize)]
pub(super) struct FollowForm {
    #[serde(default)]
    action: String,
}

/// Follow or stop following, for anyone who may see the initiative.
pub(super) async fn follow(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<FollowForm>,
) -> AppResult<Response> {
    super::visible(&state.db, &page.viewer, id).await?;
    let (sql, done) = match form.action.as_str() {
        "follow" => (
            "INSERT INTO initiative_follows (user_id, initiative_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            "followed",
        ),
        "unfollow" => ("DELETE FROM initiative_follows WHERE user_id = $1 AND initiative_id = $2", "unfollowed"),
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    on_db!(&state.db, pool => sqlx::query(sql).bind(user.user_id).bind(id).execute(pool).await.map(affected))?;
    Ok(Redirect::to(&format!("/initiatives/{id}?done={done}")).into_response())
}

/// Whether `user` follows initiative `id`.
pub(super) async fn follows(db: &Db, user: i64, id: i64) -> Result<bool, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM initiative_follows WHERE user_id = $1 AND initiative_id = $2";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(user).bind(id).fetch_one(pool).await)?;
    Ok(n > 0)
}

/// `user` follows initiative `id` from now on (starting it, being named on it).
pub(super) async fn start_following(tx: &mut Tx, user: i64, id: i64) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO initiative_follows (user_id, initiative_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    on_tx!(tx, c => sqlx::query(sql).bind(user).bind(id).execute(&mut **c).await.map(affected))?;
    Ok(())
}

/// What happened to an initiative, as its notices name it (`notify-initiative-{key}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum News {
    Status,
    Milestone,
    Story,
    Update,
}

impl News {
    fn key(self) -> &'static str {
        match self {
            News::Status => "status",
            News::Milestone => "milestone",
            News::Story => "story",
            News::Update => "update",
        }
    }
}

/// Tells the followers of initiative `id` who may still see it, other than `actor`, of
/// `news`; in the transaction that made it.
pub(super) async fn tell(tx: &mut Tx, config: &Config, id: i64, actor: i64, news: News) -> Result<(), AppError> {
    let sql = format!(
        "SELECT f.user_id FROM initiative_follows f JOIN users u ON u.id = f.user_id JOIN initiatives i ON i.id = f.initiative_id \
         WHERE f.initiative_id = $1 AND f.user_id <> $2 AND u.active AND {} AND {} ORDER BY f.user_id",
        super::access::visible_sql("i", &Who::account("u.id")),
        crate::chat::access::unblocked_sql("u.id", "$2"),
    );
    let followers: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(id).bind(actor).fetch_all(&mut **c).await)?;
    // Someone who declined to be listed on it is not named beside it here either.
    let sql = "SELECT listed FROM initiative_people WHERE initiative_id = $1 AND user_id = $2";
    let listed: Option<bool> =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(id).bind(actor).fetch_optional(&mut **c).await)?;
    let named = listed.unwrap_or(true).then_some(actor);
    for user in followers {
        let notice = Notice { actor: named, initiative: Some(id), ..Notice::new(user, Kind::Initiative, news.key()) };
        notify::notify(tx, config, notice).await?;
    }
    Ok(())
}
