//! Files sent in a conversation. They pass the library's checks on the way in (by content,
//! size-limited, images rewritten without their metadata) but live in a store of their own,
//! `messages/` in the data folder, each under a random name: the library's store keeps one
//! copy per content for everyone, where a message's file must go with that message. Whoever
//! reads the message may download its file, and nobody else ([`super::access::message_sql`]
//! again on every download).
//!
//! Rows go with their message (its expiry, its deletion, its author's account, the
//! conversation); [`sweep_files`] then removes every file that no row names. A file is
//! written only after its row has committed, so a file without a row is always one to go.

use std::collections::{HashMap, HashSet};
use std::path::{Path as FsPath, PathBuf};

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Serialize;

use super::{access, Body};
use crate::db::{affected, rows, Args, Db};
use crate::library::{accepted, files, read_multipart};
use crate::web::{AppError, AppResult, AppState, Message, Page, Routes, SignedIn};
use crate::{on_db, on_tx};

pub fn routes() -> Routes {
    vec![("/messages/{id}/files/{file}", get(download))]
}

/// Files one member may send in a day: a bound on how fast one account can fill the disk.
pub const PER_DAY: i64 = 30;

/// The folder of the messages' own store.
fn store(data_dir: &FsPath) -> PathBuf {
    data_dir.join("messages")
}

/// A new file's name: 128 random bits in hex.
fn new_token() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stored file's place: tokens are our own random hex, never input.
fn path_of(data_dir: &FsPath, token: &str) -> PathBuf {
    store(data_dir).join(token)
}

#[derive(sqlx::FromRow, Serialize, Clone, Debug)]
pub struct Attachment {
    pub id: i64,
    pub message_id: i64,
    pub filename: String,
    pub size: i64,
    pub media_type: String,
}

impl Attachment {
    /// Shown in the page as a picture (the others as a link to download).
    pub fn image(&self) -> bool {
        self.media_type.starts_with("image/")
    }
}

/// The files of these messages (ids from our own queries), by message, oldest first.
pub async fn of_messages(db: &Db, messages: &[i64]) -> Result<HashMap<i64, Vec<Attachment>>, sqlx::Error> {
    let mut by_message: HashMap<i64, Vec<Attachment>> = HashMap::new();
    if messages.is_empty() {
        return Ok(by_message);
    }
    let ids = messages.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT id, message_id, filename, size, media_type FROM message_attachments WHERE message_id IN ({ids}) ORDER BY id"
    );
    let found: Vec<Attachment> = rows(db, &sql, &Args::default()).await?;
    for a in found {
        by_message.entry(a.message_id).or_default().push(a);
    }
    Ok(by_message)
}

/// Send a file, with an optional line of text, as a message of its own. Works as a plain form.
pub async fn upload(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Path(id): Path<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    let (me, now) = (user.user_id, state.clock.now_ms());
    let allowed = super::conversation::writable(&state.db, id, me, now).await;
    let sent_today: i64 = on_db!(&state.db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM message_attachments a JOIN messages m ON m.id = a.message_id WHERE m.author_id = $1 AND a.created_at > $2")
        .bind(me).bind(now - crate::web::limits::DAY).fetch_one(pool).await)?;
    // Checked before the upload is stored: nothing goes to disk for a refused request.
    if let Err(e) = allowed {
        files::drain(multipart).await;
        return Err(e);
    }
    if sent_today >= PER_DAY {
        files::drain(multipart).await;
        return Err(AppError::TooMany(Message::new("chat-error-files-today").arg("max", PER_DAY)));
    }
    let data_dir = state.config.data_dir.clone();
    let (fields, file) = read_multipart(&page, multipart, &data_dir, state.config.upload_limit()).await?;
    let upload = accepted(file)?.ok_or(AppError::invalid("chat-error-no-file"))?;
    let caption = fields.iter().find(|(k, _)| k == "body").map(|(_, v)| v.trim()).unwrap_or("");
    let body = Body::parse(if caption.is_empty() { &upload.filename } else { caption })?;
    let token = new_token();
    let mut tx = state.db.begin().await?;
    let message = super::insert_message(&mut tx, &state.config, id, &page.viewer, &body, None, now).await?;
    let sql = "INSERT INTO message_attachments (message_id, token, filename, size, media_type, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(message).bind(&token).bind(&upload.filename).bind(upload.size)
        .bind(upload.media_type).bind(now).execute(&mut **c).await.map(affected))?;
    super::live::commit(&state, tx, id).await?;
    if let Err(e) = upload.keep_at(&path_of(&data_dir, &token)) {
        // No message may point to a file that is not there: it goes, as if deleted.
        let mut tx = state.db.begin().await?;
        on_tx!(&mut tx, c => sqlx::query("UPDATE messages SET body = '', body_html = '', deleted = TRUE, edited_at = $2 WHERE id = $1")
            .bind(message).bind(now).execute(&mut **c).await.map(affected))?;
        super::forget_message_extras(&mut tx, message).await?;
        super::live::commit(&state, tx, id).await?;
        return Err(AppError::Internal(anyhow::anyhow!("storing a message's file: {e}")));
    }
    Ok(Redirect::to(&format!("/messages/{id}#m-{message}")).into_response())
}

/// A file, for whoever reads its message now.
async fn download(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((id, file)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let me = user.user_id;
    super::conversation::readable(&state.db, id, me).await?;
    let sql = format!(
        "SELECT a.token, a.filename, a.media_type FROM message_attachments a JOIN messages m ON m.id = a.message_id \
         JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = $3 \
         WHERE a.id = $1 AND m.conversation_id = $2 AND NOT m.deleted AND {}",
        access::message_sql("m", "cm", "$4")
    );
    let found: Option<(String, String, String)> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(file).bind(id)
        .bind(me).bind(state.clock.now_ms()).fetch_optional(pool).await)?;
    let (token, filename, media_type) = found.ok_or(AppError::NotFound)?;
    let bytes = tokio::fs::read(path_of(&state.config.data_dir, &token))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("message file {file} unreadable: {e}")))?;
    Ok(files::download(bytes, media_type, &filename))
}

/// Remove every file in the messages' store that no row names (its message expired or was
/// deleted); returns how many.
pub async fn sweep_files(db: &Db, data_dir: &FsPath) -> anyhow::Result<u64> {
    let folder = store(data_dir);
    let mut names = Vec::new();
    match std::fs::read_dir(&folder) {
        Ok(entries) => {
            for entry in entries {
                let name = entry?.file_name().to_string_lossy().into_owned();
                if name.len() == 32 && name.chars().all(|c| c.is_ascii_hexdigit()) {
                    names.push(name);
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e.into()),
    }
    let mut removed = 0;
    for chunk in names.chunks(500) {
        // Names are our own hex tokens (checked above), so they are quoted safely.
        let list = chunk.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT token FROM message_attachments WHERE token IN ({list})");
        let kept: HashSet<String> =
            on_db!(db, pool => sqlx::query_scalar::<_, String>(&sql).fetch_all(pool).await)?.into_iter().collect();
        for name in chunk.iter().filter(|n| !kept.contains(*n)) {
            match std::fs::remove_file(folder.join(name)) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(removed)
}
