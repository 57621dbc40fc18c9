//! The audit log: sign-ins, failed sign-ins, invitations, role and visibility changes.
//! It keeps who acted on whom and a network prefix of the address, never an attempted
//! e-mail or password, and no more of the address than is needed to spot an attack.

use std::net::IpAddr;

use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use minijinja::context;
use serde::{Deserialize, Serialize};

use crate::db::{now_ms, Tx};
use crate::vocab::AuditAction;
use crate::web::Routes;
use crate::web::{page_number, Admin, AppResult, AppState, Page};
use crate::{on_db, on_tx};

pub const TEMPLATES: &[(&str, &str)] = &[("audit/list.html", include_str!("templates/list.html"))];

const PAGE_SIZE: i64 = 50;

pub struct Entry<'a> {
    pub actor: Option<i64>,
    pub action: AuditAction,
    pub target: Option<i64>,
    pub detail: &'a str,
    pub ip: Option<IpAddr>,
}

/// IPv4 to its /24, IPv6 to its /48.
pub fn network_prefix(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.0/24", o[0], o[1], o[2])
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

pub async fn record(tx: &mut Tx, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO audit_log (at, actor_id, action, target_id, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)";
    let ip = entry.ip.map(network_prefix);
    on_tx!(tx, c => sqlx::query(sql).bind(now_ms()).bind(entry.actor).bind(entry.action.key())
        .bind(entry.target).bind(entry.detail).bind(ip).execute(&mut **c).await.map(crate::db::affected))?;
    Ok(())
}

#[derive(sqlx::FromRow, Serialize)]
struct Row {
    at: i64,
    actor: Option<String>,
    action: String,
    target: Option<String>,
    detail: String,
    ip: Option<String>,
}

#[derive(Deserialize)]
struct ListQuery {
    page: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    _admin: Admin,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    let number = page_number(q.page);
    let sql = "SELECT a.at, actor.display_name AS actor, a.action, target.display_name AS target, a.detail, a.ip \
               FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_id \
               LEFT JOIN users target ON target.id = a.target_id \
               ORDER BY a.at DESC, a.id DESC LIMIT $1 OFFSET $2";
    let rows: Vec<Row> = on_db!(&state.db, pool => sqlx::query_as(sql)
        .bind(PAGE_SIZE + 1).bind((number - 1) * PAGE_SIZE).fetch_all(pool).await)?;
    let more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<Row> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    page.render(&state, "audit/list.html", context! { rows, page => number, more })
}

pub fn routes() -> Routes {
    vec![("/admin/audit", get(list))]
}
