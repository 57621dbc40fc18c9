//! Updates on an initiative: news in Markdown from those who keep it, each with a file if
//! they add one. Files go through the library's file store (checked by content, scrubbed of
//! metadata, stored once by their SHA-256), but belong to the update: whoever may see the
//! initiative may read its updates and download their files, and nobody else, since every
//! page and download asks the initiative's rule ([`super::visible`]) again. A file so
//! follows the initiative's visibility, whatever it becomes.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use super::follow::News;
use crate::db::{affected, rows, Arg, Args, Db};
use crate::library::{accepted, files, read_multipart};
use crate::web::{markdown, AppError, AppResult, AppState, Form, Message, Page, SignedIn, Viewer, Who};
use crate::{on_db, on_tx};

/// The longest update, in characters.
const MAX_BODY: usize = 10_000;
/// Updates one initiative keeps; older ones are not pruned, so this bounds a flood.
pub const MAX_UPDATES: i64 = 1_000;
/// Updates one member may post in a day: each may carry a file and tells every follower, so
/// this bounds both how fast one account fills the disk and how many mails it causes. Logged,
/// because removing an update must not give the allowance back.
pub const PER_DAY: crate::web::limits::Logged =
    crate::web::limits::Logged { action: "initiative_update", max: 30, window_ms: crate::web::limits::DAY };

/// Posts an update (multipart: `body`, and an optional `file`), for those who keep the
/// initiative; its followers hear of it.
pub async fn post(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    if let Err(e) = super::managed(&state.db, &page.viewer, id).await {
        files::drain(multipart).await;
        return Err(e);
    }
    let now = state.clock.now_ms();
    // Checked before the upload is stored: a member over the limit sends nothing to disk.
    if let Err(e) = PER_DAY.check(&state.db, user.user_id, now).await {
        files::drain(multipart).await;
        return Err(e);
    }
    let data_dir = state.config.data_dir.clone();
    let (fields, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    let upload = accepted(file)?;
    let body = fields.iter().find(|(k, _)| k == "body").map(|(_, v)| v.trim()).unwrap_or_default();
    if body.is_empty() {
        return Err(AppError::invalid("initiatives-error-update-empty"));
    }
    if body.chars().count() > MAX_BODY {
        return Err(AppError::Invalid(Message::new("initiatives-error-update-long").arg("max", MAX_BODY)));
    }
    let mut tx = state.db.begin().await?;
    // The author's row and the initiative's first, so that two updates at once cannot both
    // pass a count.
    on_tx!(&mut tx, c => sqlx::query("UPDATE users SET active = active WHERE id = $1").bind(user.user_id)
        .execute(&mut **c).await.map(affected))?;
    on_tx!(&mut tx, c => sqlx::query("UPDATE initiatives SET updated_at = $1 WHERE id = $2").bind(now).bind(id)
        .execute(&mut **c).await.map(affected))?;
    PER_DAY.check_and_log(&mut tx, user.user_id, now).await?;
    let sql = "SELECT COUNT(*) FROM initiative_updates WHERE initiative_id = $1";
    let count: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).fetch_one(&mut **c).await)?;
    if count >= MAX_UPDATES {
        return Err(AppError::Invalid(Message::new("initiatives-error-updates-many").arg("max", MAX_UPDATES)));
    }
    // A random id: the update's files are addressed by it.
    let sql = "INSERT INTO initiative_updates (id, initiative_id, author_id, body, body_html, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let update: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(crate::db::secret_id()).bind(id)
        .bind(user.user_id).bind(body).bind(markdown::render(body)).bind(now).fetch_one(&mut **c).await)?;
    if let Some(upload) = &upload {
        let sql = "INSERT INTO library_files (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (sha256) DO NOTHING";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(&upload.sha256).bind(upload.size).bind(upload.media_type).bind(now)
            .execute(&mut **c).await.map(affected))?;
        let sql =
            "INSERT INTO initiative_update_files (id, update_id, sha256, filename, size, media_type, created_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7)";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(crate::db::secret_id()).bind(update).bind(&upload.sha256)
            .bind(&upload.filename).bind(upload.size).bind(upload.media_type).bind(now)
            .execute(&mut **c).await.map(affected))?;
    }
    super::follow::tell(&mut tx, &state.config, id, user.user_id, News::Update).await?;
    tx.commit().await?;
    if let Some(upload) = upload {
        upload.keep(&data_dir).map_err(|e| AppError::Internal(e.into()))?;
    }
    Ok(Redirect::to(&format!("/initiatives/{id}?done=update_posted#updates")).into_response())
}

/// Removes an update and its files (those who keep the initiative).
pub async fn remove(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, update)): Path<(i64, i64)>,
    Form(_): Form<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let mut tx = state.db.begin().await?;
    let sql = "SELECT f.sha256 FROM initiative_update_files f JOIN initiative_updates u ON u.id = f.update_id \
               WHERE u.id = $1 AND u.initiative_id = $2";
    let shas: Vec<String> =
        on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(update).bind(id).fetch_all(&mut **c).await)?;
    let sql = "DELETE FROM initiative_updates WHERE id = $1 AND initiative_id = $2";
    if on_tx!(&mut tx, c => sqlx::query(sql).bind(update).bind(id).execute(&mut **c).await.map(affected))? == 0 {
        return Err(AppError::NotFound);
    }
    let unused = crate::library::forget_unused(&mut tx, shas).await?;
    tx.commit().await?;
    crate::library::remove_files(&state.config.data_dir, unused).await;
    Ok(Redirect::to(&format!("/initiatives/{id}?done=update_removed#updates")).into_response())
}

/// A file of an update, for whoever may see the initiative.
pub async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, update, file)): Path<(i64, i64, i64)>,
) -> AppResult<Response> {
    super::visible(&state.db, &viewer, id).await?;
    let sql = "SELECT f.sha256, f.filename, f.media_type FROM initiative_update_files f \
               JOIN initiative_updates u ON u.id = f.update_id WHERE f.id = $1 AND u.id = $2 AND u.initiative_id = $3";
    let row: Option<(String, String, String)> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(file).bind(update).bind(id).fetch_optional(pool).await)?;
    let (sha256, filename, media_type) = row.ok_or(AppError::NotFound)?;
    let bytes = tokio::fs::read(files::path_of(&state.config.data_dir, &sha256))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("update file {file} ({sha256}) unreadable: {e}")))?;
    Ok(files::download(bytes, media_type, &filename))
}

#[derive(sqlx::FromRow)]
struct UpdateRow {
    id: i64,
    author_id: Option<i64>,
    /// Only where the viewer may see the author named here.
    author: Option<String>,
    body_html: String,
    created_at: i64,
}

#[derive(sqlx::FromRow, Serialize)]
struct FileRow {
    id: i64,
    update_id: i64,
    filename: String,
    size: i64,
}

#[derive(Serialize)]
pub(super) struct UpdateView {
    id: i64,
    /// The author's name where the viewer may see them; otherwise none.
    author: Option<String>,
    author_id: Option<i64>,
    body_html: String,
    created_at: i64,
    files: Vec<FileRow>,
}

/// The updates of an initiative the viewer already sees, newest first. An author is named
/// to members only, and as the initiative's person rule says where they are on it (not once
/// they declined to be listed, not at risk but to coordinators); someone who keeps it
/// without being on it (a coordinator) as the member rule says. The public sees people on
/// an initiative only as in the directory, which an author's name would bypass: never.
pub(super) async fn of(db: &Db, viewer: &Viewer, id: i64) -> Result<Vec<UpdateView>, sqlx::Error> {
    let args = Args::of(&[Arg::Int(id)]);
    let who = Who::literal(viewer);
    let named = format!(
        "({} AND u.id IS NOT NULL AND ((ip.user_id IS NOT NULL AND {}) OR (ip.user_id IS NULL AND {})))",
        who.member(),
        super::access::person_sql("ip", "i", &who),
        crate::members::access::account_sql("u", "p", &who),
    );
    let sql = format!(
        "SELECT up.id, up.author_id, CASE WHEN {named} THEN u.display_name END AS author, up.body_html, up.created_at \
         FROM initiative_updates up JOIN initiatives i ON i.id = up.initiative_id \
           LEFT JOIN users u ON u.id = up.author_id LEFT JOIN profiles p ON p.user_id = up.author_id \
           LEFT JOIN initiative_people ip ON ip.initiative_id = i.id AND ip.user_id = up.author_id \
         WHERE up.initiative_id = $1 ORDER BY up.created_at DESC, up.id"
    );
    let updates: Vec<UpdateRow> = rows(db, &sql, &args).await?;
    let mut files: Vec<FileRow> = rows(
        db,
        "SELECT f.id, f.update_id, f.filename, f.size FROM initiative_update_files f \
         JOIN initiative_updates u ON u.id = f.update_id WHERE u.initiative_id = $1 ORDER BY f.created_at, f.id",
        &args,
    )
    .await?;
    Ok(updates
        .into_iter()
        .map(|u| {
            let (mine, rest): (Vec<FileRow>, Vec<FileRow>) = files.drain(..).partition(|f| f.update_id == u.id);
            files = rest;
            UpdateView {
                id: u.id,
                author_id: u.author_id.filter(|_| u.author.is_some()),
                author: u.author,
                body_html: u.body_html,
                created_at: u.created_at,
                files: mine,
            }
        })
        .collect())
}
