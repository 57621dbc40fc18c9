//! Bringing a network in: people from a spreadsheet, checked row by row, kept until a
//! coordinator sends their invitations. Nobody imported is listed anywhere, or gets mail,
//! before that; members already in the network are left as they are.

pub mod organisations;
pub mod page;
pub mod people;
pub mod table;
pub mod ties;
pub mod ties_page;

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

use crate::accounts::domain::Email;
use crate::accounts::NewInvitation;
use crate::audit::{self, Detail, Entry};
use crate::db::{now_ms, Db};
use crate::vocab::{AuditAction, Role};
use crate::web::{AppError, AppResult, AppState, ClientIp, Coordinator, Form, Locale, Message, Routes};
use crate::{on_db, on_tx};

pub use people::{check, guess, Checked, Known};

/// Imported people not sent an invitation within this many days are forgotten.
pub const KEEP_DAYS: i64 = 90;

pub const TEMPLATES: &[(&str, &str)] = &[
    ("imports/people.html", include_str!("templates/people.html")),
    ("imports/ties.html", include_str!("templates/ties.html")),
];

pub use page::upload_routes;

/// A bar on the terminal for `total` rows being written (hidden when the output is not a
/// terminal, as in scripts and logs).
pub fn progress_bar(total: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows, {eta} left") {
        bar.set_style(style);
    }
    bar
}

pub fn routes() -> Routes {
    vec![("/invitations/imported/send", post(send_all))]
}

/// What the check needs to know of the network.
pub async fn known(db: &Db) -> Result<Known, sqlx::Error> {
    let organisations: Vec<(i64, String)> =
        on_db!(db, pool => sqlx::query_as("SELECT id, name FROM organisations").fetch_all(pool).await)?;
    let members: Vec<String> = on_db!(db, pool => sqlx::query_scalar("SELECT email FROM users").fetch_all(pool).await)?;
    let invited: Vec<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT email FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1 \
         UNION SELECT email FROM imported_people").bind(now_ms()).fetch_all(pool).await)?;
    Ok(Known { organisations, members, invited })
}

/// Keep the checked people until their invitations are sent: all of them, or none when the
/// file has any problem.
pub async fn keep(
    db: &Db,
    checked: &Checked,
    imported_by: Option<i64>,
    progress: Option<&indicatif::ProgressBar>,
) -> Result<usize, AppError> {
    if !checked.problems.is_empty() {
        return Err(AppError::invalid("import-error-problems"));
    }
    let mut tx = db.begin().await?;
    let now = now_ms();
    for p in &checked.people {
        let sql =
            "INSERT INTO imported_people (email, name, org_id, sector, country, locale, imported_by, created_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(&p.email).bind(&p.name).bind(p.organisation)
            .bind(p.sector.map(|s| s.key())).bind(p.country.map(|c| c.key())).bind(p.language.map(|l| l.tag()))
            .bind(imported_by).bind(now).execute(&mut **c).await.map(crate::db::affected))?;
        progress.inspect(|p| p.inc(1));
    }
    tx.commit().await?;
    Ok(checked.people.len())
}

/// How many imported people wait for their invitations.
pub async fn waiting(db: &Db) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM imported_people").fetch_one(pool).await)
}

#[derive(sqlx::FromRow)]
struct Imported {
    id: i64,
    email: String,
    name: String,
    org_id: Option<i64>,
    sector: Option<String>,
    country: Option<String>,
    locale: Option<String>,
}

#[derive(serde::Deserialize)]
struct Empty {}

/// Send every waiting invitation, as members, each in the language the file gave (else the
/// coordinator's): one transaction, within the day's limit of invitations.
async fn send_all(
    State(state): State<AppState>,
    page: crate::web::Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    user.require_confirmed("/invitations")?;
    let mut tx = state.db.begin().await?;
    let waiting: Vec<Imported> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT id, email, name, org_id, sector, country, locale FROM imported_people ORDER BY id")
        .fetch_all(&mut **c).await)?;
    let limit = crate::accounts::bulk::BULK_INVITATIONS;
    let now = state.clock.now_ms();
    let done: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(limit.count_sql).bind(user.user_id)
        .bind(now - limit.window_ms).fetch_one(&mut **c).await)?;
    if done + waiting.len() as i64 > limit.max {
        return Err(AppError::TooMany(
            Message::new("bulk-error-limit").arg("max", limit.max).arg("left", (limit.max - done).max(0)),
        ));
    }
    for person in &waiting {
        let invitation = NewInvitation {
            email: Email::parse(&person.email)?,
            role: Role::Member,
            org_id: person.org_id,
            name: person.name.clone(),
            locale: person.locale.as_deref().and_then(Locale::parse).unwrap_or(page.locale),
            note: String::new(),
            sector: person.sector.as_deref().and_then(|s| s.parse().ok()),
            country: person.country.as_deref().and_then(|c| c.parse().ok()),
        };
        crate::accounts::create_invitation(&mut tx, &state, &invitation, Some(user.user_id), &user.display_name)
            .await?;
        let detail = Detail::Role { from: None, to: Role::Member };
        let entry =
            Entry { actor: Some(user.user_id), action: AuditAction::InvitationCreated, target: None, detail, ip };
        audit::record(&mut tx, entry).await?;
        on_tx!(&mut tx, c => sqlx::query("DELETE FROM imported_people WHERE id = $1").bind(person.id)
            .execute(&mut **c).await.map(crate::db::affected))?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/invitations?done=sent").into_response())
}
