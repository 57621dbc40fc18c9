//! Momentum and impact: what the network achieves over time, in figures. Coordinators read
//! the impact dashboard over a period they choose (`dashboard.rs`); the public reads "the
//! network in figures", from stored quarterly snapshots, once an admin publishes it
//! (`figures.rs`). Both count through `measures.rs`, which asks each feature's own access
//! rules what its lens may know.

mod dashboard;
pub mod figures;
pub mod measures;
pub mod quarter;
mod table;

use axum::routing::{get, post};

use crate::audit::{Detail, Entry};
use crate::db::Db;
use crate::vocab::AuditAction;
use crate::web::{AppResult, Routes};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("impact/dashboard.html", include_str!("templates/dashboard.html")),
    ("impact/figures.html", include_str!("templates/figures.html")),
];

pub fn routes() -> Routes {
    vec![
        ("/impact", get(dashboard::page)),
        ("/impact/csv/{table}", get(dashboard::download)),
        ("/impact/figures", post(figures::publish)),
        ("/figures", get(figures::page)),
        ("/figures/export", get(figures::export)),
    ]
}

/// Records that `user` took impact figures away as a file, as every export is recorded.
async fn exported(db: &Db, user: i64, ip: Option<std::net::IpAddr>) -> AppResult<()> {
    let entry =
        Entry { actor: Some(user), action: AuditAction::ImpactExported, target: None, detail: Detail::None, ip };
    crate::audit::record_alone(db, entry).await?;
    Ok(())
}
