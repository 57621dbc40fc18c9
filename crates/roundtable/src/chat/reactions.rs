//! Reactions to a message: one of a small set ([`Reaction`]), at most one of each per
//! person, shown as counts and never with names, so they say nothing of who is in a
//! conversation beyond what its page says. Only someone who reads a message may react to
//! it, and a blocked person's reactions do not count for the one who blocked them, as
//! their messages are not shown either.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use serde::{Deserialize, Serialize};

use super::access;
use crate::db::{affected, rows, Args, Db};
use crate::web::limits::{Limit, MINUTE};
use crate::web::{AppError, AppResult, AppState, Form, Routes, SignedIn};
use crate::{on_db, on_tx};

pub use crate::vocab::Reaction;

/// Reactions one member may give: quick to give, but not a flood of notices.
pub const REACTIONS: Limit = Limit {
    count_sql: "SELECT COUNT(*) FROM message_reactions WHERE user_id = $1 AND created_at > $2",
    max: 60,
    window_ms: MINUTE,
};

pub fn routes() -> Routes {
    vec![("/messages/{id}/m/{message}/react", post(react))]
}

#[derive(Deserialize)]
struct ReactForm {
    #[serde(default)]
    reaction: String,
}

/// Give a reaction, or take it back if given.
async fn react(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, message)): Path<(i64, i64)>,
    Form(form): Form<ReactForm>,
) -> AppResult<Response> {
    let reaction: Reaction = form.reaction.parse()?;
    let (me, now) = (user.user_id, state.clock.now_ms());
    super::conversation::writable(&state.db, id, me, now).await?;
    let sql = format!(
        "SELECT COUNT(*) FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id \
           AND cm.user_id = $1 AND {} \
         WHERE m.id = $2 AND m.conversation_id = $3 AND NOT m.deleted AND {}",
        access::takes_part_sql("cm"),
        access::message_sql("m", "cm", "$4")
    );
    let reads: i64 = on_db!(&state.db, pool => sqlx::query_scalar(&sql)
        .bind(me).bind(message).bind(id).bind(now).fetch_one(pool).await)?;
    if reads == 0 {
        return Err(AppError::NotFound);
    }
    let mut tx = state.db.begin().await?;
    let taken_back = on_tx!(&mut tx, c => sqlx::query(
        "DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND reaction = $3")
        .bind(message).bind(me).bind(reaction.key()).execute(&mut **c).await.map(affected))?;
    if taken_back == 0 {
        REACTIONS.check(&mut tx, me, now).await?;
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO message_reactions (message_id, user_id, reaction, created_at) VALUES ($1, $2, $3, $4)")
            .bind(message).bind(me).bind(reaction.key()).bind(now).execute(&mut **c).await.map(affected))?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/messages/{id}#m-{message}")).into_response())
}

/// One reaction on one message, as a viewer sees it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Shown {
    pub reaction: &'static str,
    pub sign: &'static str,
    pub count: i64,
    /// The viewer gave it (and may take it back).
    pub mine: bool,
}

/// The reactions on `messages` that `me` sees, by message, in the order of [`Reaction::ALL`].
pub async fn on(db: &Db, messages: &[i64], me: i64) -> Result<HashMap<i64, Vec<Shown>>, sqlx::Error> {
    if messages.is_empty() {
        return Ok(HashMap::new());
    }
    let list: Vec<String> = messages.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT r.message_id, r.reaction, COUNT(*) AS n, CAST(MAX(CASE WHEN r.user_id = {me} THEN 1 ELSE 0 END) AS BIGINT) AS mine \
         FROM message_reactions r WHERE r.message_id IN ({}) \
           AND {} GROUP BY r.message_id, r.reaction",
        list.join(", "),
        access::unblocked_sql(&me.to_string(), "r.user_id")
    );
    let found: Vec<(i64, String, i64, i64)> = rows(db, &sql, &Args::default()).await?;
    let mut by_message: HashMap<i64, Vec<Shown>> = HashMap::new();
    for (message, key, count, mine) in found {
        let Ok(reaction) = key.parse::<Reaction>() else { continue };
        let shown = Shown { reaction: reaction.key(), sign: reaction.sign(), count, mine: mine > 0 };
        by_message.entry(message).or_default().push(shown);
    }
    let order = |s: &Shown| Reaction::ALL.iter().position(|r| r.key() == s.reaction);
    for shown in by_message.values_mut() {
        shown.sort_by_key(order);
    }
    Ok(by_message)
}
