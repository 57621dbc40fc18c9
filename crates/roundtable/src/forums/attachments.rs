//! Files attached to forum posts. They go through the library's file store: checked by
//! content, size-limited, stored once by their SHA-256. Whoever may read a post may download
//! its files, and nobody else: every download asks [`super::Access::of`] again, so a file in
//! a secret group, or of a hidden post, is as invisible as the post.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use super::{load_post, may_edit};
use crate::db::{affected, now_ms, Db};
use crate::library::{accepted, files, read_multipart};
use crate::web::{AppError, AppResult, AppState, Message, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

/// At most this many files on one post.
pub const PER_POST: crate::web::limits::Cap = crate::web::limits::Cap {
    count_sql: "SELECT COUNT(*) FROM post_attachments WHERE post_id = $1",
    max: 5,
    message: "forums-error-too-many-files",
};
/// Files one member may attach in a day, as for the library's resources: a bound on how
/// fast one account can fill the server's disk.
pub const PER_DAY: i64 = 30;

/// How many files `user` attached in the last day.
async fn attached_today(db: &Db, user: i64) -> Result<i64, sqlx::Error> {
    let sql = "SELECT COUNT(*) FROM post_attachments a JOIN posts p ON p.id = a.post_id \
               WHERE p.author_id = $1 AND a.created_at > $2";
    on_db!(db, pool => sqlx::query_scalar(sql).bind(user).bind(now_ms() - 86_400_000).fetch_one(pool).await)
}

#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Attachment {
    pub id: i64,
    pub post_id: i64,
    pub filename: String,
    pub size: i64,
}

/// The files of these posts, oldest first.
pub async fn of_posts(db: &Db, posts: &[i64]) -> Result<Vec<Attachment>, sqlx::Error> {
    if posts.is_empty() {
        return Ok(Vec::new());
    }
    // Ids are numbers from our own query, never input.
    let ids = posts.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT id, post_id, filename, size FROM post_attachments WHERE post_id IN ({ids}) ORDER BY id");
    on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await)
}

/// The author attaches a file to their post (while they may still edit it).
pub async fn upload(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let viewer = Viewer(Some(user.clone()));
    let allowed = match load_post(&state.db, &viewer, id).await {
        Ok((post, thread, _)) if may_edit(&viewer, &post, &thread) => Ok((post, thread)),
        Ok(_) => Err(AppError::Forbidden),
        Err(e) => Err(e),
    };
    let post = match allowed {
        Ok((post, _)) => post,
        Err(e) => {
            files::drain(multipart).await;
            return Err(e);
        }
    };
    // Checked before the upload is stored: a member over the limit sends nothing to disk.
    if attached_today(&state.db, user.user_id).await? >= PER_DAY {
        files::drain(multipart).await;
        return Err(AppError::TooMany(Message::new("forums-error-too-many-today").arg("max", PER_DAY)));
    }
    let data_dir = state.config.data_dir.clone();
    let (_, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    let upload = accepted(file)?.ok_or(AppError::invalid("forums-error-no-file"))?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    // The author's row and the post's are locked first, so that two uploads at once cannot
    // both pass a count.
    on_tx!(&mut tx, c => sqlx::query("UPDATE users SET active = active WHERE id = $1").bind(user.user_id)
        .execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE posts SET thread_id = thread_id WHERE id = $1").bind(id)
        .execute(&mut **c).await.map(affected))?;
    let sql = "SELECT COUNT(*) FROM post_attachments a JOIN posts p ON p.id = a.post_id WHERE p.author_id = $1 AND a.created_at > $2";
    let today: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(user.user_id).bind(now - 86_400_000)
        .fetch_one(&mut **c).await)?;
    if today >= PER_DAY {
        return Err(AppError::TooMany(Message::new("forums-error-too-many-today").arg("max", PER_DAY)));
    }
    PER_POST.check(&mut tx, id).await?;
    let sql = "INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(&upload.sha256).bind(upload.size).bind(upload.media_type).bind(now)
        .execute(&mut **c).await.map(affected))?;
    let sql = "INSERT INTO post_attachments (post_id, sha256, filename, size, media_type, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(&upload.sha256).bind(&upload.filename).bind(upload.size)
        .bind(upload.media_type).bind(now).execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    upload.keep(&data_dir).map_err(|e| AppError::Internal(e.into()))?;
    Ok(Redirect::to(&format!("/forum/threads/{}?post={id}#post-{id}", post.thread_id)).into_response())
}

/// A download, for whoever may read the post it belongs to.
pub async fn download(State(state): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Response> {
    let sql = "SELECT post_id, sha256, filename, media_type FROM post_attachments WHERE id = $1";
    let row: Option<(i64, String, String, String)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?;
    let (post_id, sha256, filename, media_type) = row.ok_or(AppError::NotFound)?;
    let (post, _, access) = load_post(&state.db, &viewer, post_id).await?;
    if post.hidden && !access.moderate {
        return Err(AppError::NotFound);
    }
    let bytes = tokio::fs::read(files::path_of(&state.config.data_dir, &sha256))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("attachment {id} ({sha256}) unreadable: {e}")))?;
    Ok(files::download(bytes, media_type, &filename))
}
