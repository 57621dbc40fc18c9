//! Who hears of a new post: the people it mentions, then those who follow its thread, each
//! only if they may read the thread.

use crate::config::Config;
use crate::db::Tx;
use crate::notify::{self, Kind, Notice};
use crate::on_tx;
use crate::web::{AppError, Viewer, Who};

/// Of `users`, those who may read `thread`, by the forum's one rule, and who have not
/// blocked `author` (a block holds everywhere: nobody hears of what the blocked write).
async fn readers(tx: &mut Tx, thread: i64, author: Option<i64>, users: &[i64]) -> Result<Vec<i64>, sqlx::Error> {
    let sql = format!(
        "SELECT u.id FROM users u WHERE u.id = $1 AND u.active AND {} \
         AND EXISTS (SELECT 1 FROM threads t WHERE t.id = $2 AND {})",
        crate::chat::access::unblocked_sql("u.id", "$3"),
        super::access::readable_sql("t", &Who::account("u.id"))
    );
    let mut out = Vec::new();
    for &user in users {
        let ok: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(&sql).bind(user).bind(thread).bind(author.unwrap_or(-1))
            .fetch_optional(&mut **c).await)?;
        out.extend(ok);
    }
    Ok(out)
}

/// Tells the people a new post mentions, and then those who follow its thread, about it.
/// `already` are people told about this post before (when an edit adds a mention).
pub async fn post_written(
    tx: &mut Tx,
    config: &Config,
    author: &Viewer,
    thread: i64,
    post: i64,
    body: &str,
    followers_too: bool,
) -> Result<(), AppError> {
    let actor = author.id();
    let mentioned =
        notify::mentioned(tx, author, body, |id, at_risk| crate::members::access::sees_person(author, id, at_risk))
            .await?;
    let sql = "SELECT user_id FROM notifications WHERE post_id = $1 AND kind = 'mention'";
    let already: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(sql).bind(post).fetch_all(&mut **c).await)?;
    let fresh: Vec<i64> = mentioned.into_iter().filter(|u| !already.contains(u)).collect();
    for user in readers(tx, thread, actor, &fresh).await? {
        let notice = Notice { actor, thread: Some(thread), post: Some(post), ..Notice::new(user, Kind::Mention, "") };
        notify::notify(tx, config, notice).await?;
    }
    if !followers_too {
        return Ok(());
    }
    let sql = "SELECT user_id FROM thread_follows WHERE thread_id = $1 ORDER BY user_id";
    let followers: Vec<i64> = on_tx!(tx, c => sqlx::query_scalar(sql).bind(thread).fetch_all(&mut **c).await)?;
    let followers: Vec<i64> = followers.into_iter().filter(|u| !fresh.contains(u) && Some(*u) != actor).collect();
    for user in readers(tx, thread, actor, &followers).await? {
        let notice = Notice { actor, thread: Some(thread), post: Some(post), ..Notice::new(user, Kind::Reply, "") };
        notify::notify(tx, config, notice).await?;
    }
    Ok(())
}
