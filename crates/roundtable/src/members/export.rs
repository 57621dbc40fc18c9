//! The directory as a file (CSV or XLSX): the members the person exporting finds in the
//! directory, with the same filters and the fields they may see, but never a member at risk
//! ([`super::access::goes_in_files`]). Each export is recorded in the audit log.

use axum::extract::{Query, State};
use axum::response::Response;

use super::access::Audience;
use super::query::{self, ListField};
use super::{parse_filter, DirectoryQuery};
use crate::audit::{self, Detail, Entry};
use crate::vocab::AuditAction;
use crate::web::sheet::{Cell, FormatQuery, Sheet};
use crate::web::{AppResult, AppState, ClientIp, Page, SignedIn};

/// More than any network this serves; the cap keeps one request's memory bounded.
const MAX_ROWS: i64 = 100_000;

pub async fn directory(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    ClientIp(ip): ClientIp,
    Query(q): Query<DirectoryQuery>,
    Query(f): Query<FormatQuery>,
) -> AppResult<Response> {
    let filter = query::Filter { leaving: true, ..parse_filter(&q)? };
    let audience = Audience::of_viewer(&page.viewer);
    let viewer = page.viewer.id();
    let (cards, _) = query::directory(&state.db, audience, viewer, &filter, MAX_ROWS, 0).await?;
    let ids: Vec<i64> = cards.iter().map(|c| c.id).collect();
    let expertise = query::keys_of(&state.db, audience, viewer, &ids, ListField::Expertise).await?;
    let languages = query::keys_of(&state.db, audience, viewer, &ids, ListField::Languages).await?;

    let l = page.locale;
    let headers = ["field-name", "export-profile", "field-sector", "field-country", "field-region"]
        .into_iter()
        .chain(["field-organisations", "field-expertise", "field-languages"])
        .map(|k| l.t(k))
        .collect();
    let mut sheet = Sheet::new(l.t("nav-members"), headers);
    let labels = |pairs: &[(i64, String)], id: i64, vocabulary: &str| -> Cell {
        let found: Vec<String> =
            pairs.iter().filter(|(m, _)| *m == id).map(|(_, k)| l.t(&format!("{vocabulary}-{k}"))).collect();
        if found.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(found.join("; "))
        }
    };
    for card in cards {
        let organisations: Vec<String> = card
            .organisations
            .iter()
            .map(|a| if a.title.is_empty() { a.name.clone() } else { format!("{} ({})", a.name, a.title) })
            .collect();
        let link = state.config.base_url.join(&format!("members/{}", card.id)).map(String::from).ok();
        sheet.push(vec![
            card.name.into(),
            link.into(),
            card.sector.map(|k| l.t(&format!("sector-{k}"))).into(),
            card.country.map(|k| l.t(&format!("country-{k}"))).into(),
            card.region.into(),
            Some(organisations.join("; ")).filter(|s| !s.is_empty()).into(),
            labels(&expertise, card.id, "expertise"),
            labels(&languages, card.id, "lang"),
        ]);
    }

    let entry = Entry {
        actor: Some(user.user_id),
        action: AuditAction::DirectoryExported,
        target: None,
        detail: Detail::None,
        ip,
    };
    audit::record_alone(&state.db, entry).await?;
    sheet.download(f.format, "members")
}
