//! Invitations: a coordinator invites someone by address, in the language they read, with
//! their name and a personal note; the single-use link is mailed and shown once; the
//! invitee accepts it by choosing a display name and a password.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::domain::{DisplayName, Email, NewPassword};
use super::{create_user, device, form_error, notice, password, session_cookie, Empty};
use crate::audit::{self, Detail, Entry};
use crate::db::{now_ms, Db, Tx};
use crate::outbox::{self, Mail};
use crate::vocab::Role;
use crate::web::session::{create_session, hash_token, random_token};
use crate::web::Routes;
use crate::web::{AppError, AppResult, AppState, ClientIp, Coordinator, Form, Locale, Page};
use crate::{on_db, on_tx};

pub const INVITATION_DAYS: i64 = 7;

pub fn routes() -> Routes {
    vec![
        ("/invite/{token}", get(accept_form).post(accept)),
        ("/invitations", get(invitations).post(invite)),
        ("/invitations/{id}/revoke", get(confirm_revoke).post(revoke_invitation)),
        ("/invitations/{id}/renew", post(renew_invitation)),
    ]
}

#[derive(sqlx::FromRow, Serialize)]
struct PendingInvitation {
    id: i64,
    email: String,
    name: String,
    role: String,
    organisation: Option<String>,
    invited_by: Option<String>,
    created_at: i64,
    expires_at: i64,
}

/// The roles a coordinator may hand out; only an admin makes admins.
pub(super) fn grantable_roles(granter: Role) -> Vec<&'static str> {
    Role::ALL.iter().filter(|r| granter == Role::Admin || **r != Role::Admin).map(|r| r.key()).collect()
}

async fn invitations_context(state: &AppState, granter: Role) -> AppResult<Value> {
    let sql = "SELECT i.id, i.email, i.name, i.role, o.name AS organisation, u.display_name AS invited_by, i.created_at, i.expires_at \
               FROM invitations i LEFT JOIN organisations o ON o.id = i.org_id LEFT JOIN users u ON u.id = i.invited_by \
               WHERE i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $1 ORDER BY i.created_at DESC";
    let pending: Vec<PendingInvitation> =
        on_db!(&state.db, pool => sqlx::query_as(sql).bind(now_ms()).fetch_all(pool).await)?;
    let orgs = crate::orgs::org_choices(&state.db).await?;
    let imported = crate::imports::waiting(&state.db).await?;
    Ok(context! { pending, orgs, imported, roles => grantable_roles(granter) })
}

#[derive(Deserialize)]
struct ListQuery {
    done: Option<String>,
}

async fn invitations(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let ctx = invitations_context(&state, user.role).await?;
    let done = match q.done.as_deref() {
        Some("withdrawn") => Some(page.t("invitations-withdrawn")),
        Some("sent") => Some(page.t("invitations-imported-sent")),
        Some("imported") => Some(page.t("invitations-imported-done")),
        _ => None,
    };
    page.render(&state, "accounts/invitations.html", context! { form => InviteForm::blank(page.locale), done, ..ctx })
}

/// Longest personal note on an invitation, in characters.
const MAX_NOTE: usize = 1000;

#[derive(Deserialize, Serialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    note: String,
}

impl InviteForm {
    /// An empty form: a member, in the inviter's language.
    fn blank(locale: Locale) -> InviteForm {
        InviteForm {
            email: String::new(),
            name: String::new(),
            role: Role::Member.key().into(),
            organisation: String::new(),
            locale: locale.tag().into(),
            note: String::new(),
        }
    }
}

pub struct NewInvitation {
    pub email: Email,
    pub role: Role,
    pub org_id: Option<i64>,
    /// How to greet them, and the display name proposed to them; may be empty.
    pub name: String,
    /// The language of the invitation mail.
    pub locale: Locale,
    /// A few words from the inviter, quoted in the mail; may be empty.
    pub note: String,
    /// Sector and country for their profile once they accept (read from an imported
    /// spreadsheet); otherwise those of the organisation, if any.
    pub sector: Option<crate::vocab::Sector>,
    pub country: Option<crate::vocab::Country>,
}

/// Create an invitation and queue its e-mail; returns the link. Used by the web form and
/// by `roundtable admin invite`.
pub async fn create_invitation(
    tx: &mut Tx,
    state: &AppState,
    invitation: &NewInvitation,
    invited_by: Option<i64>,
    inviter_name: &str,
) -> AppResult<String> {
    let token = random_token();
    let now = now_ms();
    let sql = "INSERT INTO invitations (email, role, org_id, token_hash, invited_by, created_at, expires_at, \
               name, locale, note, sector, country) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
    on_tx!(tx, c => sqlx::query(sql).bind(invitation.email.as_str()).bind(invitation.role.key())
        .bind(invitation.org_id).bind(hash_token(&token)).bind(invited_by).bind(now)
        .bind(now + INVITATION_DAYS * 86_400_000).bind(&invitation.name).bind(invitation.locale.tag())
        .bind(&invitation.note).bind(invitation.sector.map(|s| s.key())).bind(invitation.country.map(|c| c.key()))
        .execute(&mut **c).await.map(crate::db::affected))?;
    let link = state.config.base_url.join(&format!("invite/{token}")).map_err(|e| AppError::Internal(e.into()))?;
    let locale = invitation.locale;
    let args =
        [("inviter", inviter_name.to_string()), ("link", link.to_string()), ("days", INVITATION_DAYS.to_string())];
    let greeting = match invitation.name.as_str() {
        "" => locale.t("mail-invitation-hello"),
        name => locale.t_args("mail-invitation-hello-name", &[("name", name.to_string())]),
    };
    let mut body = format!("{greeting}\n\n{}", locale.t_args("mail-invitation-body", &args));
    if !invitation.note.is_empty() {
        let quoted: Vec<String> = invitation.note.lines().map(|l| format!("> {l}")).collect();
        body = format!("{body}\n\n{}\n{}", locale.t_args("mail-invitation-note", &args), quoted.join("\n"));
    }
    outbox::enqueue(
        tx,
        Mail {
            to: invitation.email.as_str(),
            subject: locale.t_args("mail-invitation-subject", &args),
            body,
            kind: "invitation",
            unsubscribe: None,
        },
    )
    .await?;
    Ok(link.to_string())
}

/// The form as an invitation; without a language, it is written in `inviter`'s.
async fn parse_invitation(
    state: &AppState,
    granter: Role,
    form: &InviteForm,
    inviter: Locale,
) -> AppResult<NewInvitation> {
    let email = Email::parse(&form.email)?;
    let role: Role = form.role.parse()?;
    if !grantable_roles(granter).contains(&role.key()) {
        return Err(AppError::Forbidden);
    }
    let org_id = match form.organisation.trim() {
        "" => None,
        id => {
            let id: i64 = id.parse().map_err(|_| AppError::invalid("error-unknown-organisation"))?;
            let exists: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                .bind(id).fetch_optional(pool).await)?;
            Some(exists.ok_or(AppError::invalid("error-unknown-organisation"))?)
        }
    };
    let name = match form.name.trim() {
        "" => String::new(),
        name => DisplayName::parse(name)?.as_str().to_string(),
    };
    let locale = match form.locale.trim() {
        "" => inviter,
        tag => Locale::parse(tag).ok_or(AppError::invalid("error-unknown-language"))?,
    };
    let note = crate::members::bounded(&form.note, MAX_NOTE)?;
    let taken: Option<i64> = on_db!(&state.db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email.as_str()).fetch_optional(pool).await)?;
    if taken.is_some() {
        return Err(AppError::invalid("error-email-taken"));
    }
    Ok(NewInvitation { email, role, org_id, name, locale, note, sector: None, country: None })
}

/// The pending invitation for this address, if there is one.
pub(super) async fn pending_for(db: &Db, email: &str) -> Result<Option<i64>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar(
        "SELECT id FROM invitations WHERE email = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2")
        .bind(email).bind(now_ms()).fetch_optional(pool).await)
}

/// The invitations page after an invitation was made: its link, shown once.
async fn created_page(state: &AppState, page: &Page, granter: Role, email: &str, link: String) -> AppResult<Response> {
    let ctx = invitations_context(state, granter).await?;
    let created = context! { email, link };
    Ok(page
        .render(
            state,
            "accounts/invitations.html",
            context! { created, form => InviteForm::blank(page.locale), ..ctx },
        )?
        .into_response())
}

async fn invite(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let invitation = match parse_invitation(&state, user.role, &form, page.locale).await {
        Ok(i) => i,
        Err(e) => {
            let ctx = invitations_context(&state, user.role).await?;
            let ctx = context! { form => &form, ..ctx };
            return Ok(form_error(&page, &state, "accounts/invitations.html", ctx, e));
        }
    };
    // Making someone staff is a role change: it asks who one is, as changing a role does.
    if invitation.role != Role::Member {
        user.require_confirmed("/invitations")?;
    }
    // Someone invited already: offer to renew that invitation (its link was shown once and
    // is stored only as a hash) rather than refuse.
    if let Some(pending) = pending_for(&state.db, invitation.email.as_str()).await? {
        let ctx = invitations_context(&state, user.role).await?;
        let renew = context! { id => pending, email => invitation.email.as_str() };
        let ctx = context! { renew, form => &form, ..ctx };
        return Ok(page.render(&state, "accounts/invitations.html", ctx)?.into_response());
    }
    let tx = state.db.begin().await?;
    issue(tx, &state, &page, &user, ip, &invitation, crate::vocab::AuditAction::InvitationCreated).await
}

/// Makes the invitation in `tx`, audits it as `action`, commits, and shows its link once.
/// Invitations (new or renewed) one coordinator may send in a day: each mails someone.
pub const INVITATIONS: crate::web::limits::Limit = crate::web::limits::Limit {
    count_sql: "SELECT COUNT(*) FROM invitations WHERE invited_by = $1 AND created_at > $2",
    max: 50,
    window_ms: crate::web::limits::DAY,
};

async fn issue(
    mut tx: Tx,
    state: &AppState,
    page: &Page,
    user: &crate::web::session::SessionUser,
    ip: Option<std::net::IpAddr>,
    invitation: &NewInvitation,
    action: crate::vocab::AuditAction,
) -> AppResult<Response> {
    INVITATIONS.check(&mut tx, user.user_id, state.clock.now_ms()).await?;
    let link = create_invitation(&mut tx, state, invitation, Some(user.user_id), &user.display_name).await?;
    let detail = Detail::Role { from: None, to: invitation.role };
    audit::record(&mut tx, Entry { actor: Some(user.user_id), action, target: None, detail, ip }).await?;
    tx.commit().await?;
    created_page(state, page, user.role, invitation.email.as_str(), link).await
}

/// Ends a pending invitation: its link stops working, and its mail, if still waiting, is
/// not sent (404 if there is none to end).
async fn withdraw(tx: &mut Tx, id: i64) -> AppResult<()> {
    let sql = "UPDATE invitations SET revoked_at = $1, name = '', note = '' \
               WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL RETURNING email";
    let email: Option<String> =
        on_tx!(tx, c => sqlx::query_scalar(sql).bind(now_ms()).bind(id).fetch_optional(&mut **c).await)?;
    let email = email.ok_or(AppError::NotFound)?;
    outbox::withdraw(tx, &email, "invitation").await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    email: String,
    role: String,
    org_id: Option<i64>,
    name: String,
    locale: String,
    note: String,
    sector: Option<String>,
    country: Option<String>,
}

/// A pending invitation that this coordinator may act on: only what they could have made
/// (an admin's invitation is an admin's to renew or withdraw).
async fn actionable(state: &AppState, id: i64, granter: Role) -> AppResult<PendingRow> {
    let sql = "SELECT email, role, org_id, name, locale, note, sector, country FROM invitations \
               WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL";
    let row: PendingRow = on_db!(&state.db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await)?
        .ok_or(AppError::NotFound)?;
    if !grantable_roles(granter).contains(&row.role.as_str()) {
        return Err(AppError::Forbidden);
    }
    Ok(row)
}

/// A pending invitation made again: the old link stops working, a new one is mailed and
/// shown once, valid for the full period. A coordinator renews only what they could have
/// made (an admin's invitation is an admin's to renew).
async fn renew_invitation(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    let row = actionable(&state, id, user.role).await?;
    let role: Role = row.role.parse()?;
    if role != Role::Member {
        user.require_confirmed("/invitations")?;
    }
    let invitation = NewInvitation {
        email: Email::parse(&row.email)?,
        role,
        org_id: row.org_id,
        name: row.name,
        locale: Locale::parse(&row.locale).unwrap_or(Locale::En),
        note: row.note,
        sector: row.sector.and_then(|s| s.parse().ok()),
        country: row.country.and_then(|c| c.parse().ok()),
    };
    let mut tx = state.db.begin().await?;
    withdraw(&mut tx, id).await?;
    issue(tx, &state, &page, &user, ip, &invitation, crate::vocab::AuditAction::InvitationRenewed).await
}

/// Withdrawing asks first: the link already sent stops working and cannot be restored.
async fn confirm_revoke(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let row = actionable(&state, id, user.role).await?;
    page.render(&state, "accounts/revoke.html", context! { id, email => row.email })
}

async fn revoke_invitation(
    State(state): State<AppState>,
    Coordinator(user): Coordinator,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    actionable(&state, id, user.role).await?;
    let mut tx = state.db.begin().await?;
    withdraw(&mut tx, id).await?;
    audit::record(
        &mut tx,
        Entry {
            actor: Some(user.user_id),
            action: crate::vocab::AuditAction::InvitationRevoked,
            target: None,
            detail: Detail::None,
            ip,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/invitations?done=withdrawn").into_response())
}

#[derive(sqlx::FromRow)]
struct OpenInvitation {
    id: i64,
    email: String,
    role: String,
    org_id: Option<i64>,
    name: String,
    locale: String,
    org_name: Option<String>,
    sector: Option<String>,
    country: Option<String>,
}

/// A usable invitation for this token: not used, not revoked, not expired.
async fn open_invitation(db: &Db, token: &str) -> Result<Option<OpenInvitation>, sqlx::Error> {
    let sql = "SELECT i.id, i.email, i.role, i.org_id, i.name, i.locale, o.name AS org_name, i.sector, i.country \
               FROM invitations i LEFT JOIN organisations o ON o.id = i.org_id \
               WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $2";
    on_db!(db, pool => sqlx::query_as(sql).bind(hash_token(token)).bind(now_ms()).fetch_optional(pool).await)
}

fn invitation_gone(page: &Page, state: &AppState) -> AppResult<Response> {
    let html = notice(page, state, "invitation-gone-title", page.t("invitation-gone-text"))?;
    Ok((StatusCode::GONE, html).into_response())
}

async fn accept_form(State(state): State<AppState>, page: Page, Path(token): Path<String>) -> AppResult<Response> {
    match open_invitation(&state.db, &token).await? {
        Some(inv) => {
            let ctx = context! { email => inv.email, display_name => inv.name, org => inv.org_name, token };
            Ok(page.render(&state, "accounts/accept.html", ctx)?.into_response())
        }
        None => invitation_gone(&page, &state),
    }
}

#[derive(Deserialize)]
struct AcceptForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn accept(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<AcceptForm>,
) -> AppResult<Response> {
    let Some(inv) = open_invitation(&state.db, &token).await? else {
        return invitation_gone(&page, &state);
    };
    let ctx = context! {
        email => inv.email.clone(), display_name => form.display_name.clone(), org => inv.org_name.clone(),
        token => token.clone(),
    };
    let parsed = DisplayName::parse(&form.display_name).and_then(|name| {
        let local = inv.email.split('@').next().unwrap_or_default();
        let inputs = [inv.email.as_str(), local, name.as_str()];
        NewPassword::parse(&form.password, &form.confirm, &inputs).map(|p| (name, p))
    });
    let (name, new_password) = match parsed {
        Ok(v) => v,
        Err(e) => return Ok(form_error(&page, &state, "accounts/accept.html", ctx, e)),
    };
    let hash = password::hash(new_password.as_str().to_string()).await?;
    let role: Role = inv.role.parse()?;

    let mut tx = state.db.begin().await?;
    // Claim the invitation first: of two simultaneous posts, only one sees a row to update.
    let claim = "UPDATE invitations SET used_at = $1, name = '', note = '' \
                 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL";
    let claimed = on_tx!(&mut tx, c => sqlx::query(claim)
        .bind(now_ms()).bind(inv.id).execute(&mut **c).await.map(crate::db::affected))?;
    if claimed == 0 {
        return invitation_gone(&page, &state);
    }
    // Mail to them stays in the language they were invited in, until they choose another.
    let locale = Locale::parse(&inv.locale).unwrap_or(page.locale);
    let user_id = match create_user(&mut tx, &inv.email, &hash, role, name.as_str(), locale).await {
        Ok(id) => id,
        Err(AppError::Db(e)) if crate::db::is_unique_violation(&e) => {
            return Ok(form_error(&page, &state, "accounts/accept.html", ctx, AppError::invalid("error-email-taken")))
        }
        Err(e) => return Err(e),
    };
    if let Some(org_id) = inv.org_id {
        on_tx!(&mut tx, c => sqlx::query("INSERT INTO affiliations (user_id, org_id, title) VALUES ($1, $2, '')")
            .bind(user_id).bind(org_id).execute(&mut **c).await.map(crate::db::affected))?;
        // Sector and country start as the organisation's, shown as the profile's safe
        // defaults allow; the member changes them on their profile.
        let sql = "UPDATE profiles SET sector = (SELECT sector FROM organisations WHERE id = $1), \
                   country = (SELECT country FROM organisations WHERE id = $1) WHERE user_id = $2";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(org_id).bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    }
    // What an imported spreadsheet said of them comes before the organisation's.
    if inv.sector.is_some() || inv.country.is_some() {
        let sql =
            "UPDATE profiles SET sector = COALESCE($1, sector), country = COALESCE($2, country) WHERE user_id = $3";
        on_tx!(&mut tx, c => sqlx::query(sql).bind(&inv.sector).bind(&inv.country).bind(user_id)
            .execute(&mut **c).await.map(crate::db::affected))?;
    }
    let how = crate::web::session::SessionKind::default();
    let session = create_session(&mut tx, &state, user_id, &device(&headers), how).await?;
    let detail = Detail::Role { from: None, to: role };
    audit::record(
        &mut tx,
        Entry { actor: Some(user_id), action: crate::vocab::AuditAction::InvitationAccepted, target: None, detail, ip },
    )
    .await?;
    crate::members::search::index(&mut tx, user_id).await?;
    tell_webhooks(&mut tx, &state, user_id).await?;
    // A few steps set the new member up (language, visibility, notifications, people).
    on_tx!(&mut tx, c => sqlx::query("UPDATE users SET welcome_step = 1 WHERE id = $1")
        .bind(user_id).execute(&mut **c).await.map(crate::db::affected))?;
    tx.commit().await?;
    Ok(([session_cookie(&state, &session, how)], Redirect::to("/welcome")).into_response())
}

/// Webhooks hear of a new member by id, name and profile address, as a file may hold them:
/// never of a member at risk.
async fn tell_webhooks(tx: &mut crate::db::Tx, state: &AppState, user_id: i64) -> AppResult<()> {
    let (name, at_risk): (String, bool) = on_tx!(tx, c => sqlx::query_as(
        "SELECT u.display_name, COALESCE(p.at_risk, FALSE) FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1")
        .bind(user_id).fetch_one(&mut **c).await)?;
    if !crate::members::access::goes_in_files(at_risk) {
        return Ok(());
    }
    let profile = state.config.base_url.join(&format!("members/{user_id}")).map(String::from).ok();
    let member = serde_json::json!({ "id": user_id, "name": name, "profile": profile });
    let now = state.clock.now_ms();
    // The new member first walks through the welcome, where they may ask to be treated as
    // at risk: the delivery waits, and is checked again when it is sent.
    let told = crate::webhooks::Told {
        event: crate::vocab::WebhookEvent::MemberJoined,
        data: serde_json::json!({ "member": member }),
        member: Some(user_id),
        wait_ms: WEBHOOK_WAIT_MS,
    };
    crate::webhooks::enqueue(tx, now, told).await?;
    Ok(())
}

/// How long a new member's arrival waits before webhooks hear of it.
pub const WEBHOOK_WAIT_MS: i64 = 24 * 3_600_000;
