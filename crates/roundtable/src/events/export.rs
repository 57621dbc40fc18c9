//! An event's registrants as a file (CSV or XLSX), for its organisers: what the manage page
//! shows them, without anyone at risk ([`crate::members::access::goes_in_files`]) and
//! without the participants who keep their name private; never a secret group's event
//! ([`crate::groups::access::goes_in_files`]). Each download is in the audit log: the file
//! holds addresses.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;

use super::registration;
use crate::audit::{self, Detail, Entry};
use crate::vocab::AuditAction;
use crate::web::sheet::{Cell, FormatQuery, Sheet};
use crate::web::{AppError, AppResult, AppState, ClientIp, Page, Routes, SignedIn};

pub fn routes() -> Routes {
    vec![("/events/{id}/registrants", get(registrants))]
}

async fn registrants(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Path(id): Path<i64>,
    Query(q): Query<FormatQuery>,
) -> AppResult<Response> {
    let (event, relation) = super::managed(&state.db, &page.viewer, id).await?;
    if relation.group_secret {
        return Err(AppError::invalid("export-error-secret"));
    }
    let people = registration::registrants(&state.db, &page.viewer, &event).await?;
    let l = page.locale;
    let questions: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        for (prompt, _) in people.iter().flat_map(|r| &r.answers) {
            if !seen.contains(prompt) {
                seen.push(prompt.clone());
            }
        }
        seen
    };
    let headers = ["field-name", "field-email", "field-organisation", "field-sector", "field-country"]
        .into_iter()
        .chain(["event-status", "event-attended"])
        .map(|k| l.t(k))
        .chain(questions.iter().cloned())
        .collect();
    let mut sheet = Sheet::new(l.t("event-registrants"), headers);
    for r in people.into_iter().filter(|r| r.in_files && !r.private) {
        let mut row: Vec<Cell> = vec![
            r.name.into(),
            Some(r.email).filter(|e| !e.is_empty()).into(),
            Some(r.organisation).filter(|o| !o.is_empty()).into(),
            r.sector.map(|k| l.t(&format!("sector-{k}"))).into(),
            r.country.map(|k| l.t(&format!("country-{k}"))).into(),
            l.t(&format!("event-status-short-{}", r.status)).into(),
            if r.attended { l.t("export-yes").into() } else { Cell::Empty },
        ];
        for question in &questions {
            row.push(r.answers.iter().find(|(p, _)| p == question).map(|(_, a)| a.clone()).into());
        }
        sheet.push(row);
    }
    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::RegistrantsExported,
        target: None,
        detail: Detail::None,
        ip,
    };
    audit::record_alone(&state.db, entry).await?;
    sheet.download(q.format, &format!("event-{id}-registrants"))
}
