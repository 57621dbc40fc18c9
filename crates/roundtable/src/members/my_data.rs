//! A member's own data, all of it, as one zip: `data.json` (account, profile with its
//! visibilities, contacts, organisations, ties, endorsements, groups, posts, event
//! registrations, initiatives and the updates they posted on them, resources) and `files/`
//! (their photo, and the files of their resources, posts and updates). The file leaves
//! Roundtable's protection, so it holds what any file may (`goes_in_files`): no name of a
//! member at risk (whoever downloads it, coordinators too), and nothing of a secret group
//! (its name, threads, posts, events, resources, initiatives). After
//! confirming one's password, as for every sensitive action: the file is the account's
//! whole record.

use std::io::Write;

use axum::extract::State;
use axum::response::{Html, Response};
use axum::routing::get;
use minijinja::context;
use serde::Serialize;

use super::access::files_sql;
use crate::audit::{self, Detail, Entry};
use crate::db::{rows, Args};
use crate::vocab::AuditAction;
use crate::web::limits::Logged;
use crate::web::sheet::attachment;
use crate::web::{AppError, AppResult, AppState, ClientIp, Form, Page, Routes, SignedIn};

pub fn routes() -> Routes {
    vec![("/account/data", get(page).post(download))]
}

async fn page(State(state): State<AppState>, page: Page, SignedIn(_): SignedIn) -> AppResult<Html<String>> {
    page.render(&state, "members/my_data.html", context! {})
}

#[derive(serde::Deserialize)]
struct Empty {}

/// Downloads of one's data a day: each reads every file of the account.
const EXPORTS: Logged = Logged { action: "own_data_export", max: 5, window_ms: crate::web::limits::DAY };
/// The most the files in one download may weigh; those past it are named in `data.json`
/// (under `left_out`) and can be downloaded from the library one by one.
const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

fn when(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms).map(|t| t.to_rfc3339()).unwrap_or_default()
}

#[derive(sqlx::FromRow, Serialize)]
struct Account {
    email: String,
    display_name: String,
    role: String,
    locale: String,
    #[serde(skip)]
    created_at: i64,
}

#[derive(sqlx::FromRow, Serialize)]
struct Profile {
    sector: Option<String>,
    sector_vis: String,
    orgs_vis: String,
    country: Option<String>,
    country_vis: String,
    region: String,
    region_vis: String,
    languages_vis: String,
    expertise_vis: String,
    bio: String,
    bio_vis: String,
    photo_vis: String,
    at_risk: bool,
}

#[derive(sqlx::FromRow, Serialize)]
struct Contact {
    kind: String,
    value: String,
    visibility: String,
}

#[derive(sqlx::FromRow, Serialize)]
struct Organisation {
    name: String,
    title: String,
}

#[derive(sqlx::FromRow, Serialize)]
struct Tie {
    /// Empty when the other member keeps their name from this member.
    #[serde(rename = "with")]
    other: String,
    kind: String,
    strength: Option<i64>,
    since: Option<String>,
    #[serde(skip)]
    created_at: i64,
}

#[derive(sqlx::FromRow, Serialize)]
struct Endorsement {
    direction: String,
    person: String,
    area: String,
}

#[derive(sqlx::FromRow, Serialize)]
struct Membership {
    group: String,
    role: String,
    status: String,
}

#[derive(sqlx::FromRow, Serialize)]
struct Post {
    #[serde(skip)]
    id: i64,
    thread: Option<String>,
    text: String,
    #[serde(skip)]
    created_at: i64,
    #[serde(skip)]
    edited_at: Option<i64>,
}

#[derive(sqlx::FromRow, Serialize)]
struct OnInitiative {
    initiative: String,
    status: String,
    role: String,
    listed: bool,
}

/// An update the member posted on an initiative.
#[derive(sqlx::FromRow, Serialize)]
struct InitiativeUpdate {
    id: i64,
    initiative: String,
    body: String,
    #[serde(skip)]
    created_at: i64,
}

#[derive(sqlx::FromRow, Serialize)]
struct Registration {
    event: String,
    status: String,
    #[serde(skip)]
    starts_at: i64,
    attended: bool,
}

#[derive(sqlx::FromRow, Serialize)]
struct Resource {
    #[serde(skip)]
    id: i64,
    title: String,
    summary: String,
    kind: String,
    access: String,
    link: Option<String>,
}

#[derive(sqlx::FromRow)]
struct StoredFile {
    owner: i64,
    /// The version's or attachment's id: two files of one resource may share a name.
    entry: i64,
    sha256: String,
    filename: String,
}

async fn download(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/account/data")?;
    let mut tx = state.db.begin().await?;
    EXPORTS.check_and_log(&mut tx, user.user_id, state.clock.now_ms()).await?;
    tx.commit().await?;
    let db = &state.db;
    let me = user.user_id;
    // Every value in this SQL is the signed-in member's own id, written in as a number.
    let args = Args::default();
    let id = me.to_string();
    let one = |sql: &str| sql.replace("{me}", &id);

    let account: Vec<Account> =
        rows(db, &one("SELECT email, display_name, role, locale, created_at FROM users WHERE id = {me}"), &args)
            .await?;
    let account = account.into_iter().next().ok_or(AppError::NotFound)?;
    let profile: Vec<Profile> = rows(
        db,
        &one("SELECT sector, sector_vis, orgs_vis, country, country_vis, region, region_vis, languages_vis, \
              expertise_vis, bio, bio_vis, photo_vis, at_risk FROM profiles WHERE user_id = {me}"),
        &args,
    )
    .await?;
    let languages: Vec<(String,)> =
        rows(db, &one("SELECT lang FROM profile_languages WHERE user_id = {me} ORDER BY lang"), &args).await?;
    let expertise: Vec<(String,)> =
        rows(db, &one("SELECT area FROM profile_expertise WHERE user_id = {me} ORDER BY area"), &args).await?;
    let contacts: Vec<Contact> =
        rows(db, &one("SELECT kind, value, visibility FROM contact_channels WHERE user_id = {me} ORDER BY id"), &args)
            .await?;
    let organisations: Vec<Organisation> = rows(
        db,
        &one("SELECT o.name, a.title FROM affiliations a JOIN organisations o ON o.id = a.org_id \
              WHERE a.user_id = {me} ORDER BY lower(o.name)"),
        &args,
    )
    .await?;
    let named = files_sql("p");
    let secret_free = |g: &str| {
        format!(
            "({g} IS NULL OR EXISTS (SELECT 1 FROM network_groups g WHERE g.id = {g} AND {}))",
            crate::groups::access::files_sql("g")
        )
    };
    let ties: Vec<Tie> = rows(
        db,
        &one(&format!(
            "SELECT CASE WHEN {named} THEN u.display_name ELSE '' END AS other, t.kind, t.strength, t.since, t.created_at \
             FROM ties t JOIN users u ON u.id = CASE WHEN t.a_id = {{me}} THEN t.b_id ELSE t.a_id END \
             LEFT JOIN profiles p ON p.user_id = u.id WHERE t.a_id = {{me}} OR t.b_id = {{me}} ORDER BY t.created_at"
        )),
        &args,
    )
    .await?;
    let endorsements: Vec<Endorsement> = rows(
        db,
        &one(&format!(
            "SELECT CASE WHEN e.endorser_id = {{me}} THEN 'given' ELSE 'received' END AS direction, \
               CASE WHEN {named} THEN u.display_name ELSE '' END AS person, e.area \
             FROM endorsements e JOIN users u ON u.id = CASE WHEN e.endorser_id = {{me}} THEN e.member_id ELSE e.endorser_id END \
             LEFT JOIN profiles p ON p.user_id = u.id WHERE e.endorser_id = {{me}} OR e.member_id = {{me}} \
             ORDER BY e.created_at"
        )),
        &args,
    )
    .await?;
    let groups: Vec<Membership> = rows(
        db,
        &one(&format!(
            "SELECT g.name AS \"group\", m.role, m.status FROM group_members m JOIN network_groups g ON g.id = m.group_id \
             WHERE m.user_id = {{me}} AND {} ORDER BY lower(g.name)",
            crate::groups::access::files_sql("g")
        )),
        &args,
    )
    .await?;
    let posts: Vec<Post> = rows(
        db,
        &one(&format!(
            "SELECT p.id, t.title AS thread, p.body AS text, p.created_at, p.edited_at \
             FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.author_id = {{me}} AND {} ORDER BY p.created_at",
            secret_free("t.group_id")
        )),
        &args,
    )
    .await?;
    let registrations: Vec<Registration> = rows(
        db,
        &one(&format!(
            "SELECT e.title AS event, r.status, e.starts_at, (r.attended_at IS NOT NULL) AS attended \
             FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE r.user_id = {{me}} AND {} \
             ORDER BY e.starts_at",
            secret_free("e.group_id")
        )),
        &args,
    )
    .await?;
    let initiatives: Vec<OnInitiative> = rows(
        db,
        &one(&format!(
            "SELECT i.title AS initiative, i.status, ip.role, ip.listed FROM initiative_people ip \
             JOIN initiatives i ON i.id = ip.initiative_id WHERE ip.user_id = {{me}} AND {} ORDER BY i.created_at",
            secret_free("i.group_id")
        )),
        &args,
    )
    .await?;
    let updates: Vec<InitiativeUpdate> = rows(
        db,
        &one(&format!(
            "SELECT u.id, i.title AS initiative, u.body, u.created_at FROM initiative_updates u \
             JOIN initiatives i ON i.id = u.initiative_id WHERE u.author_id = {{me}} AND {} ORDER BY u.created_at",
            secret_free("i.group_id")
        )),
        &args,
    )
    .await?;
    let update_files: Vec<StoredFile> = rows(
        db,
        &one(&format!(
            "SELECT f.update_id AS owner, f.id AS entry, f.sha256, f.filename FROM initiative_update_files f \
             JOIN initiative_updates u ON u.id = f.update_id JOIN initiatives i ON i.id = u.initiative_id \
             WHERE u.author_id = {{me}} AND {} ORDER BY f.id",
            secret_free("i.group_id")
        )),
        &args,
    )
    .await?;
    let resources: Vec<Resource> = rows(
        db,
        &one(&format!(
            "SELECT id, title, summary, kind, access, link FROM resources WHERE created_by = {{me}} AND {} ORDER BY created_at",
            secret_free("group_id")
        )),
        &args,
    )
    .await?;
    let resource_files: Vec<StoredFile> = rows(
        db,
        &one(&format!(
            "SELECT v.resource_id AS owner, v.id AS entry, v.sha256, v.filename FROM resource_versions v \
             JOIN resources r ON r.id = v.resource_id WHERE r.created_by = {{me}} AND {} ORDER BY v.id",
            secret_free("r.group_id")
        )),
        &args,
    )
    .await?;
    let post_files: Vec<StoredFile> = rows(
        db,
        &one(&format!(
            "SELECT a.post_id AS owner, a.id AS entry, a.sha256, a.filename FROM post_attachments a \
             JOIN posts p ON p.id = a.post_id JOIN threads t ON t.id = p.thread_id \
             WHERE p.author_id = {{me}} AND {} ORDER BY a.id",
            secret_free("t.group_id")
        )),
        &args,
    )
    .await?;
    let photo: Vec<(Option<Vec<u8>>,)> =
        rows(db, &one("SELECT photo FROM profiles WHERE user_id = {me}"), &args).await?;

    // Files go in as `files/resources/<resource>/<version>-<name>`,
    // `files/posts/<post>/<attachment>-<name>` and `files/updates/<update>/<file>-<name>`.
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for (folder, list) in [("resources", &resource_files), ("posts", &post_files), ("updates", &update_files)] {
        for f in list {
            let name = crate::library::files::clean_filename(&f.filename);
            files.push((
                format!("files/{folder}/{}/{}-{name}", f.owner, f.entry),
                crate::library::files::path_of(&state.config.data_dir, &f.sha256),
            ));
        }
    }
    let mut total = 0u64;
    let mut left_out = Vec::new();
    files.retain(|(name, path)| {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        total += size;
        let keep = total <= MAX_FILE_BYTES;
        if !keep {
            left_out.push(name.clone());
        }
        keep
    });
    let listed: Vec<&str> =
        files.iter().map(|(name, _)| name.as_str()).chain(left_out.iter().map(String::as_str)).collect();
    let data = serde_json::json!({
        "exported_at": when(state.clock.now_ms()),
        "account": { "created_at": when(account.created_at), "details": account },
        "profile": profile.first(),
        "languages": languages.into_iter().map(|l| l.0).collect::<Vec<_>>(),
        "expertise": expertise.into_iter().map(|e| e.0).collect::<Vec<_>>(),
        "contacts": contacts,
        "organisations": organisations,
        "ties": ties.iter().map(|t| serde_json::json!({ "recorded_at": when(t.created_at), "tie": t })).collect::<Vec<_>>(),
        "endorsements": endorsements,
        "groups": groups,
        "posts": posts.iter().map(|p| serde_json::json!({
            "written_at": when(p.created_at), "edited_at": p.edited_at.map(when), "post": p,
            "files": listed.iter().filter(|f| f.starts_with(&format!("files/posts/{}/", p.id))).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "initiatives": initiatives,
        "initiative_updates": updates.iter().map(|u| serde_json::json!({
            "written_at": when(u.created_at), "update": u,
            "files": listed.iter().filter(|f| f.starts_with(&format!("files/updates/{}/", u.id))).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "event_registrations": registrations.iter().map(|r| serde_json::json!({ "starts_at": when(r.starts_at), "registration": r })).collect::<Vec<_>>(),
        "resources": resources.iter().map(|r| serde_json::json!({
            "resource": r,
            "files": listed.iter().filter(|f| f.starts_with(&format!("files/resources/{}/", r.id))).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "photo": photo.first().and_then(|p| p.0.as_ref()).map(|_| "files/photo.jpg"),
        "left_out": left_out,
    });
    let json = serde_json::to_vec_pretty(&data).map_err(|e| AppError::Internal(e.into()))?;
    let photo = photo.into_iter().next().and_then(|p| p.0);
    let zip = tokio::task::spawn_blocking(move || write_zip(&json, photo.as_deref(), &files))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::Internal)?;

    let entry = Entry { actor: Some(me), action: AuditAction::OwnDataExported, target: None, detail: Detail::None, ip };
    audit::record_alone(&state.db, entry).await?;
    Ok(attachment(zip, "application/zip", "my-data.zip"))
}

fn write_zip(json: &[u8], photo: Option<&[u8]>, files: &[(String, std::path::PathBuf)]) -> anyhow::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("data.json", options)?;
    zip.write_all(json)?;
    if let Some(photo) = photo {
        zip.start_file("files/photo.jpg", options)?;
        zip.write_all(photo)?;
    }
    for (name, path) in files {
        // A file already gone from the store (deleted since) is left out, not an error.
        let Ok(bytes) = std::fs::read(path) else { continue };
        zip.start_file(name.as_str(), options)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
