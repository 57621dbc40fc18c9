//! The library's file store: every file is kept once, under its SHA-256, in
//! `<data_dir>/files/ab/cdef…`. What a file is gets decided by its content (magic bytes),
//! never by its name or the type the browser declares, and a file whose content disagrees
//! with its extension is refused: a page of HTML called `report.pdf` is not a report.
//!
//! An upload is streamed into a temporary file in the store's own folder while it is hashed;
//! only after the transaction that records it has committed is it renamed to its address.
//! A refused or failed upload leaves nothing behind: the temporary file is removed when it
//! is dropped.

use std::path::{Path, PathBuf};

use axum::extract::multipart::Field;
use sha2::{Digest, Sha256};
use tempfile::NamedTempFile;
use tokio::io::AsyncWriteExt;

use crate::db::{affected, Tx};
use crate::on_tx;
use crate::web::{AppError, Message};

/// The bytes kept in memory for sniffing: enough for the parts of Office files that tell
/// a spreadsheet from a document.
const HEAD: usize = 256 * 1024;

/// Media types the library accepts, each with the extensions a file of that type may carry.
const ALLOWED: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("application/msword", &["doc"]),
    ("application/vnd.ms-excel", &["xls"]),
    ("application/vnd.ms-powerpoint", &["ppt"]),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", &["docx"]),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &["xlsx"]),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", &["pptx"]),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("application/vnd.oasis.opendocument.presentation", &["odp"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/png", &["png"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    ("audio/mpeg", &["mp3"]),
    ("audio/m4a", &["m4a"]),
    ("audio/ogg", &["ogg", "oga"]),
    ("audio/opus", &["opus", "ogg"]),
    ("audio/x-wav", &["wav"]),
    ("video/mp4", &["mp4"]),
    ("video/webm", &["webm"]),
    ("video/quicktime", &["mov"]),
    ("text/plain", &["txt", "md"]),
    ("text/csv", &["csv"]),
];

/// Why a file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    /// Its content is of a type the library does not keep (HTML, programs, archives …).
    Type,
    /// Its content is an allowed type, but not the one its name says.
    Disguised,
    /// An image whose structure cannot be read, so its metadata cannot be removed.
    Unreadable,
}

impl Refusal {
    pub fn error(self) -> AppError {
        AppError::invalid(match self {
            Refusal::Empty => "library-error-file-empty",
            Refusal::Type => "library-error-file-type",
            Refusal::Disguised => "library-error-file-disguised",
            Refusal::Unreadable => "library-error-file-unreadable",
        })
    }
}

fn allowed(mime: &str) -> &'static (&'static str, &'static [&'static str]) {
    ALLOWED.iter().find(|(m, _)| *m == mime).expect("a type of the allow-list")
}

/// The lower-cased extension of a file name, if it has one.
fn extension(filename: &str) -> Option<String> {
    let (stem, ext) = filename.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Whether the whole content is text that is safe to call plain text: UTF-8, no NUL bytes,
/// and not markup (which a browser might be talked into rendering).
pub fn is_plain_text(content: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(content) else { return false };
    !text.contains('\0') && !is_markup(content)
}

/// Whether the content opens like markup (HTML, SVG, XML), whatever its magic bytes say.
fn is_markup(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(1024)]);
    text.trim_start_matches('\u{feff}').trim_start().starts_with('<')
}

/// The media type of a file, from its first bytes (`head`), its name, and whether its whole
/// content is plain text; or why it is refused.
pub fn classify(head: &[u8], filename: &str, plain_text: bool) -> Result<&'static str, Refusal> {
    if head.is_empty() {
        return Err(Refusal::Empty);
    }
    let ext = extension(filename);
    let sniffed = match infer::get(head) {
        Some(kind) => ALLOWED.iter().find(|(mime, _)| *mime == kind.mime_type()).ok_or(Refusal::Type)?,
        // Text has no magic bytes: it is what its extension says, if it really is text.
        None if is_markup(head) => return Err(Refusal::Type),
        None if plain_text => match ext.as_deref() {
            Some("csv") => allowed("text/csv"),
            Some("txt" | "md") => allowed("text/plain"),
            Some(e) if ALLOWED.iter().any(|(_, exts)| exts.contains(&e)) => return Err(Refusal::Disguised),
            _ => return Err(Refusal::Type),
        },
        None => {
            return Err(match ext.as_deref() {
                Some(e) if ALLOWED.iter().any(|(_, exts)| exts.contains(&e)) => Refusal::Disguised,
                _ => Refusal::Type,
            })
        }
    };
    match ext {
        Some(e) if sniffed.1.contains(&e.as_str()) => Ok(sniffed.0),
        _ => Err(Refusal::Disguised),
    }
}

/// A file name fit to show and to send back: no folders, no control or quoting characters,
/// at most 120 characters with its extension kept.
pub fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String =
        base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|')).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_string();
    if cleaned.chars().count() <= 120 {
        return if cleaned.is_empty() { "file".into() } else { cleaned };
    }
    match cleaned.rsplit_once('.') {
        Some((stem, ext)) if ext.chars().count() <= 10 => {
            let stem: String = stem.chars().take(119 - ext.chars().count()).collect();
            format!("{stem}.{ext}")
        }
        _ => cleaned.chars().take(120).collect(),
    }
}

/// `Content-Disposition` for a download (RFC 6266): always an attachment, with an ASCII
/// fallback name and the real one in `filename*` (RFC 8187).
pub fn content_disposition(filename: &str) -> String {
    let name = clean_filename(filename);
    let ascii: String =
        name.chars().map(|c| if c.is_ascii_graphic() && c != '\\' || c == ' ' { c } else { '_' }).collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        // attr-char of RFC 8187; everything else percent-encoded.
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A stored file as a download: always an attachment, with its own type, and a policy under
/// which a browser that renders it anyway runs nothing and reaches nothing.
pub fn download(bytes: Vec<u8>, media_type: String, filename: &str) -> axum::response::Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let content_type =
        if media_type.starts_with("text/") { format!("{media_type}; charset=utf-8") } else { media_type };
    (
        [
            (CONTENT_TYPE, content_type),
            (CONTENT_DISPOSITION, content_disposition(filename)),
            (CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_string()),
            (CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// Where the file with this SHA-256 (64 hex digits) lives.
pub fn path_of(data_dir: &Path, sha256: &str) -> PathBuf {
    data_dir.join("files").join(&sha256[..2]).join(&sha256[2..])
}

/// A received, checked upload, not yet in its place.
pub struct Upload {
    tmp: NamedTempFile,
    pub sha256: String,
    pub size: i64,
    pub media_type: &'static str,
    pub filename: String,
}

impl Upload {
    /// Moves the file to its content address (keeping the copy already there, which has the
    /// same bytes). Call once the row that records it has committed.
    pub fn keep(self, data_dir: &Path) -> std::io::Result<()> {
        let dest = path_of(data_dir, &self.sha256);
        if dest.exists() {
            return Ok(());
        }
        std::fs::create_dir_all(dest.parent().expect("a content address has a folder"))?;
        self.tmp.persist(&dest).map(|_| ()).map_err(|e| e.error)
    }
}

impl Upload {
    /// Moves the file to `dest`, a store of the caller's own (message attachments, which go
    /// with their message and so are never shared by content). Call once the row that
    /// records it has committed.
    pub fn keep_at(self, dest: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dest.parent().expect("a file in a folder"))?;
        self.tmp.persist(dest).map(|_| ()).map_err(|e| e.error)
    }
}

/// Stores bytes the application made itself (the demo's files) at their address.
pub fn store_bytes(data_dir: &Path, bytes: &[u8]) -> std::io::Result<String> {
    let sha256 = hex(&Sha256::digest(bytes));
    let dest = path_of(data_dir, &sha256);
    if !dest.exists() {
        std::fs::create_dir_all(dest.parent().expect("a content address has a folder"))?;
        let mut tmp = NamedTempFile::new_in(data_dir.join("files"))?;
        std::io::Write::write_all(&mut tmp, bytes)?;
        tmp.persist(&dest).map_err(|e| e.error)?;
    }
    Ok(sha256)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn too_large(limit: u64) -> AppError {
    AppError::Invalid(Message::new("library-error-file-too-large").arg("mb", limit / (1024 * 1024)))
}

/// What became of a file field.
pub enum Received {
    Upload(Upload),
    /// The file was refused; the rest of the request must still be read, so that the
    /// browser gets the answer instead of a broken connection.
    Refused(AppError),
}

/// Streams one multipart file field into the store's temporary folder, hashing it, and
/// checks its size and type.
pub async fn receive(mut field: Field<'_>, data_dir: &Path, limit: u64) -> Result<Received, AppError> {
    let filename = clean_filename(field.file_name().unwrap_or(""));
    let folder = data_dir.join("files");
    tokio::fs::create_dir_all(&folder).await.map_err(|e| AppError::Internal(e.into()))?;
    let tmp = NamedTempFile::new_in(&folder).map_err(|e| AppError::Internal(e.into()))?;
    let mut out = tokio::fs::File::from_std(tmp.reopen().map_err(|e| AppError::Internal(e.into()))?);
    let mut hasher = Sha256::new();
    let mut head = Vec::new();
    let mut size: u64 = 0;
    let mut over = false;
    while let Some(chunk) = field.chunk().await.map_err(|e| multipart_error(&e, limit))? {
        size += chunk.len() as u64;
        if size > limit {
            over = true;
            continue;
        }
        hasher.update(&chunk);
        if head.len() < HEAD {
            head.extend_from_slice(&chunk[..chunk.len().min(HEAD - head.len())]);
        }
        out.write_all(&chunk).await.map_err(|e| AppError::Internal(e.into()))?;
    }
    if over {
        return Ok(Received::Refused(too_large(limit)));
    }
    out.flush().await.map_err(|e| AppError::Internal(e.into()))?;
    out.sync_all().await.map_err(|e| AppError::Internal(e.into()))?;
    drop(out);
    let plain_text = if infer::get(&head).is_none() && size as usize <= HEAD {
        is_plain_text(&head)
    } else if infer::get(&head).is_none() {
        let content = tokio::fs::read(tmp.path()).await.map_err(|e| AppError::Internal(e.into()))?;
        is_plain_text(&content)
    } else {
        false
    };
    let media_type = match classify(&head, &filename, plain_text) {
        Ok(media_type) => media_type,
        Err(refusal) => return Ok(Received::Refused(refusal.error())),
    };
    let path = tmp.path().to_path_buf();
    let scrubbed = tokio::task::spawn_blocking(move || scrub_in_place(&path, media_type))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?;
    let (sha256, size) = match scrubbed {
        Ok(Some(rewritten)) => rewritten,
        Ok(None) => (hex(&hasher.finalize()), size as i64),
        Err(refusal) => return Ok(Received::Refused(refusal.error())),
    };
    Ok(Received::Upload(Upload { tmp, sha256, size, media_type, filename }))
}

/// Rewrites an image without its metadata (see [`super::scrub`]); its address and size are
/// those of the bytes kept. `None` for types left as they came.
fn scrub_in_place(path: &Path, media_type: &str) -> std::io::Result<Result<Option<(String, i64)>, Refusal>> {
    if !media_type.starts_with("image/") {
        return Ok(Ok(None));
    }
    let bytes = std::fs::read(path)?;
    match super::scrub::scrub(media_type, bytes) {
        Ok(Some(clean)) => {
            std::fs::write(path, &clean)?;
            std::fs::File::open(path)?.sync_all()?;
            Ok(Ok(Some((hex(&Sha256::digest(&clean)), clean.len() as i64))))
        }
        Ok(None) => Ok(Ok(None)),
        Err(_) => Ok(Err(Refusal::Unreadable)),
    }
}

/// Reads a refused request to its end (within the route's limit) and throws it away, so that
/// the browser receives the answer instead of a broken connection.
pub async fn drain(mut multipart: axum::extract::Multipart) {
    while let Ok(Some(mut field)) = multipart.next_field().await {
        while let Ok(Some(_)) = field.chunk().await {}
    }
}

/// A multipart stream that broke off: over the request limit, or malformed.
pub fn multipart_error(e: &axum::extract::multipart::MultipartError, limit: u64) -> AppError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        too_large(limit)
    } else {
        AppError::invalid("error-form-malformed")
    }
}

/// Of the file store's files `shas`, forgets those nothing uses any more (a resource's
/// version, a post's or an initiative update's attachment) and returns them, for
/// [`remove_files`] to delete once the transaction has committed. The one list of what
/// holds a stored file.
pub(crate) async fn forget_unused(tx: &mut Tx, shas: Vec<String>) -> Result<Vec<String>, sqlx::Error> {
    let mut unused = Vec::new();
    for sha in shas {
        // On PostgreSQL, two removals of files that share a stored file would each still see
        // the other's row and both keep it; the first to lock it decides, and the second sees
        // the first's removal once it has the lock. SQLite writes one transaction at a time.
        if let Tx::Postgres(c) = tx {
            sqlx::query("SELECT sha256 FROM library_files WHERE sha256 = $1 FOR UPDATE")
                .bind(&sha)
                .execute(&mut **c)
                .await?;
        }
        let sql = "DELETE FROM library_files WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM resource_versions v WHERE v.sha256 = $1) \
                   AND NOT EXISTS (SELECT 1 FROM post_attachments a WHERE a.sha256 = $1) \
                   AND NOT EXISTS (SELECT 1 FROM initiative_update_files f WHERE f.sha256 = $1)";
        if on_tx!(tx, c => sqlx::query(sql).bind(&sha).execute(&mut **c).await.map(affected))? > 0 {
            unused.push(sha);
        }
    }
    Ok(unused)
}

/// Deletes from disk the files [`forget_unused`] forgot.
pub(crate) async fn remove_files(data_dir: &Path, unused: Vec<String>) {
    for sha in unused {
        if let Err(e) = tokio::fs::remove_file(path_of(data_dir, &sha)).await {
            tracing::warn!(error = %e, sha, "library file not removed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];

    #[test]
    fn types_come_from_content_and_must_match_the_name() {
        assert_eq!(classify(PDF, "guide.pdf", false), Ok("application/pdf"));
        assert_eq!(classify(PDF, "GUIDE.PDF", false), Ok("application/pdf"));
        assert_eq!(classify(PNG, "slide.png", false), Ok("image/png"));
        // A PDF that calls itself a picture, and a picture that calls itself a PDF.
        assert_eq!(classify(PDF, "photo.jpg", false), Err(Refusal::Disguised));
        assert_eq!(classify(PNG, "report.pdf", false), Err(Refusal::Disguised));
        assert_eq!(classify(PDF, "no-extension", false), Err(Refusal::Disguised));
        // HTML is refused whatever it is called.
        let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>";
        assert_eq!(classify(html, "report.pdf", is_plain_text(html)), Err(Refusal::Type));
        assert_eq!(classify(html, "notes.txt", is_plain_text(html)), Err(Refusal::Type));
        assert_eq!(
            classify(b"<svg onload=alert(1)>", "a.txt", is_plain_text(b"<svg onload=alert(1)>")),
            Err(Refusal::Type)
        );
        // Programs and archives are not library material.
        let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
        elf.resize(64, 0);
        assert_eq!(classify(&elf, "tool.pdf", false), Err(Refusal::Type));
        assert_eq!(classify(b"PK\x03\x04\x14\0\0\0\0\0", "bundle.zip", false), Err(Refusal::Type));
        assert_eq!(classify(b"", "empty.txt", true), Err(Refusal::Empty));
    }

    #[test]
    fn text_is_text_only_when_it_is() {
        let csv = "name,country\nสมชาย,TH\n".as_bytes();
        assert!(is_plain_text(csv));
        assert_eq!(classify(csv, "list.csv", true), Ok("text/csv"));
        assert_eq!(classify(csv, "notes.txt", true), Ok("text/plain"));
        // Text called a PDF, and bytes that are not UTF-8 called text.
        assert_eq!(classify(csv, "list.pdf", true), Err(Refusal::Disguised));
        let binary = [0xff, 0xfe, 0x00, 0x41];
        assert!(!is_plain_text(&binary));
        assert_eq!(classify(&binary, "data.csv", false), Err(Refusal::Disguised));
        assert_eq!(classify(csv, "script.sh", true), Err(Refusal::Type));
    }

    #[test]
    fn filenames_are_cleaned_and_sent_safely() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("C:\\Users\\me\\report.pdf"), "report.pdf");
        assert_eq!(clean_filename("a\"b\r\nc<>.pdf"), "abc.pdf");
        assert_eq!(clean_filename("..."), "file");
        let long = format!("{}.pdf", "ก".repeat(300));
        let cleaned = clean_filename(&long);
        assert!(cleaned.ends_with(".pdf") && cleaned.chars().count() == 120);

        assert_eq!(
            content_disposition("คู่มือ ก.pdf"),
            "attachment; filename=\"______ _.pdf\"; filename*=UTF-8''%E0%B8%84%E0%B8%B9%E0%B9%88%E0%B8%A1%E0%B8%B7%E0%B8%AD%20%E0%B8%81.pdf"
        );
        let evil = content_disposition("x\";\r\nSet-Cookie: a=b.pdf");
        assert!(!evil.contains('\r') && !evil.contains('\n'));
        assert_eq!(evil.matches('"').count(), 2, "{evil}");
    }

    #[test]
    fn files_live_at_their_content_address() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("files")).unwrap();
        let a = store_bytes(dir.path(), b"hello").unwrap();
        assert_eq!(a, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assert_eq!(store_bytes(dir.path(), b"hello").unwrap(), a);
        let path = path_of(dir.path(), &a);
        assert!(path.ends_with("files/2c/f24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));
        assert_eq!(std::fs::read(path).unwrap(), b"hello");
        assert_eq!(std::fs::read_dir(dir.path().join("files")).unwrap().count(), 1, "no temporary file left");
    }
}
