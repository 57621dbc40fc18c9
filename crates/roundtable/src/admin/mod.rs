//! Account administration: roles and deactivation, by admins only.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::audit::{self, Detail, Entry};
use crate::db::{Arg, Args};
use crate::vocab::{AuditAction, FactorPolicy, Role};
use crate::web::Routes;
use crate::web::{page_number, Admin, AppError, AppResult, AppState, ClientIp, Form, Page};
use crate::{bind_args, on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("admin/users.html", include_str!("templates/users.html")),
    ("admin/security.html", include_str!("templates/security.html")),
];

/// The longest grace period an admin may give before a second factor is required, in days.
const MAX_GRACE_DAYS: i64 = 90;

const PAGE_SIZE: i64 = 50;

pub fn routes() -> Routes {
    vec![
        ("/admin/users", get(users)),
        ("/admin/users/{id}/role", post(change_role)),
        ("/admin/users/{id}/active", post(set_active)),
        ("/admin/security", get(security).post(set_policy)),
    ]
}

#[derive(sqlx::FromRow, Serialize)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    active: bool,
    created_at: i64,
    last_seen: Option<i64>,
}

#[derive(Deserialize)]
struct UsersQuery {
    q: Option<String>,
    page: Option<i64>,
}

async fn users(
    State(state): State<AppState>,
    page: Page,
    _admin: Admin,
    Query(q): Query<UsersQuery>,
) -> AppResult<Html<String>> {
    let number = page_number(q.page);
    let mut args = Args::default();
    let mut filter = String::from("TRUE");
    let text = q.q.as_deref().map(str::trim).unwrap_or_default();
    if !text.is_empty() {
        let pattern = crate::db::like_contains(text);
        let n = args.push(Arg::Text(pattern));
        filter = format!("(lower(u.display_name) LIKE {n} ESCAPE '\\' OR u.email LIKE {n} ESCAPE '\\')");
    }
    let l = args.push(Arg::Int(PAGE_SIZE + 1));
    let o = args.push(Arg::Int((number - 1) * PAGE_SIZE));
    let sql = format!(
        "SELECT u.id, u.email, u.display_name, u.role, u.active, u.created_at, \
         (SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS last_seen \
         FROM users u WHERE {filter} ORDER BY lower(u.display_name), u.id LIMIT {l} OFFSET {o}"
    );
    let rows: Vec<UserRow> = on_db!(&state.db, pool => bind_args!(sqlx::query_as(&sql), args).fetch_all(pool).await)?;
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<UserRow> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    page.render(&state, "admin/users.html", context! { rows, roles => Role::keys(), page => number, more, q => text })
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(form): Form<RoleForm>,
) -> AppResult<Response> {
    admin.require_confirmed("/admin/users")?;
    let role: Role = form.role.parse()?;
    // An admin cannot demote themself: the network must never be left without one.
    if id == admin.user_id {
        return Err(AppError::invalid("error-own-role"));
    }
    let mut tx = state.db.begin().await?;
    let old: Option<String> = on_tx!(&mut tx, c => sqlx::query_scalar("SELECT role FROM users WHERE id = $1")
        .bind(id).fetch_optional(&mut **c).await)?;
    let old = old.ok_or(AppError::NotFound)?;
    if old != role.key() {
        on_tx!(&mut tx, c => sqlx::query("UPDATE users SET role = $1 WHERE id = $2").bind(role.key()).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
        // A recovery approved for a member's account must not open a coordinator's.
        crate::accounts::recovery::cancel_open(&mut tx, state.clock.now_ms(), id).await?;
        let detail = Detail::Role { from: old.parse().ok(), to: role };
        audit::record(
            &mut tx,
            Entry {
                actor: Some(admin.user_id),
                action: crate::vocab::AuditAction::RoleChanged,
                target: Some(id),
                detail,
                ip,
            },
        )
        .await?;
    }
    crate::members::search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/users").into_response())
}

#[derive(Deserialize)]
struct ActiveForm {
    #[serde(default)]
    active: String,
}

async fn set_active(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Form(form): Form<ActiveForm>,
) -> AppResult<Response> {
    admin.require_confirmed("/admin/users")?;
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    if id == admin.user_id {
        return Err(AppError::invalid("error-own-role"));
    }
    let mut tx = state.db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query("UPDATE users SET active = $1 WHERE id = $2").bind(active).bind(id).execute(&mut **c).await.map(crate::db::affected))?;
    if done == 0 {
        return Err(AppError::NotFound);
    }
    if !active {
        crate::web::session::end_everywhere(&mut tx, id).await?;
        crate::accounts::throttle::forget_devices(&mut tx, id).await?;
    }
    let action = if active {
        crate::vocab::AuditAction::AccountReactivated
    } else {
        crate::vocab::AuditAction::AccountDeactivated
    };
    audit::record(&mut tx, Entry { actor: Some(admin.user_id), action, target: Some(id), detail: Detail::None, ip })
        .await?;
    crate::members::search::index(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/users").into_response())
}

// ---- the second-factor policy -----------------------------------------------------------

async fn security_context(state: &AppState) -> AppResult<minijinja::Value> {
    let (policy, grace_until): (String, Option<i64>) = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT required_for, grace_until FROM signin_policy WHERE id = 1").fetch_one(pool).await)?;
    let without = format!(
        "SELECT COUNT(*) FROM users u WHERE u.active AND {{}} AND NOT {}",
        crate::web::session::has_factor_sql("u.id")
    );
    let staff_sql = without.replace("{}", "u.role IN ('admin', 'coordinator')");
    let staff: i64 = on_db!(&state.db, pool => sqlx::query_scalar(&staff_sql).fetch_one(pool).await)?;
    let everyone_sql = without.replace("{}", "TRUE");
    let everyone: i64 = on_db!(&state.db, pool => sqlx::query_scalar(&everyone_sql).fetch_one(pool).await)?;
    Ok(context! {
        policy, grace_until, policies => FactorPolicy::keys(), staff_without => staff, everyone_without => everyone,
        max_days => MAX_GRACE_DAYS,
    })
}

async fn security(State(state): State<AppState>, page: Page, _admin: Admin) -> AppResult<Html<String>> {
    let ctx = security_context(&state).await?;
    page.render(&state, "admin/security.html", ctx)
}

#[derive(Deserialize)]
struct PolicyForm {
    #[serde(default)]
    required_for: String,
    #[serde(default)]
    grace_days: String,
}

/// Sets who must use a second factor and how long they have; an admin asks it of staff
/// only once they have one themself, so as not to close their own pages.
async fn set_policy(
    State(state): State<AppState>,
    page: Page,
    Admin(admin): Admin,
    ClientIp(ip): ClientIp,
    Form(form): Form<PolicyForm>,
) -> AppResult<Response> {
    admin.require_confirmed("/admin/security")?;
    let parsed = (|| -> AppResult<(FactorPolicy, i64)> {
        let policy: FactorPolicy = form.required_for.trim().parse()?;
        let days =
            match form.grace_days.trim() {
                "" => 0,
                d => d.parse::<i64>().ok().filter(|d| (0..=MAX_GRACE_DAYS).contains(d)).ok_or(AppError::Invalid(
                    crate::web::Message::new("error-grace-days").arg("max", MAX_GRACE_DAYS),
                ))?,
            };
        Ok((policy, days))
    })();
    let (policy, days) = match parsed {
        Ok(v) => v,
        Err(AppError::Invalid(m)) => {
            let error = page.locale.t_args(m.id, &m.args);
            let ctx = security_context(&state).await?;
            let html = page.render(&state, "admin/security.html", context! { error, ..ctx })?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
        Err(e) => return Err(e),
    };
    if policy.applies_to(admin.role) {
        let sql = format!("SELECT {}", crate::web::session::has_factor_sql("$1"));
        let own: bool = on_db!(&state.db, pool => sqlx::query_scalar(&sql).bind(admin.user_id).fetch_one(pool).await)?;
        if !own {
            let error = page.t("error-policy-own-factor-first");
            let ctx = security_context(&state).await?;
            let html = page.render(&state, "admin/security.html", context! { error, ..ctx })?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
        }
    }
    let now = crate::db::now_ms();
    let grace_until = (days > 0).then_some(now + days * 86_400_000);
    let mut tx = state.db.begin().await?;
    let sql =
        "UPDATE signin_policy SET required_for = $1, grace_until = $2, updated_by = $3, updated_at = $4 WHERE id = 1";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(policy.key()).bind(grace_until).bind(admin.user_id).bind(now)
        .execute(&mut **c).await.map(crate::db::affected))?;
    let detail = Detail::Policy { required_for: policy, grace_days: days };
    let entry =
        Entry { actor: Some(admin.user_id), action: AuditAction::SigninPolicyChanged, target: None, detail, ip };
    audit::record(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(Redirect::to("/admin/security?done=saved").into_response())
}
