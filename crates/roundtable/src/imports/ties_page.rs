//! Ties from a file on the web, for coordinators: the same check as `roundtable import ties`
//! (an edge list, Kumu's connections or a Gephi GEXF file), every problem named by row and
//! column, and the ties recorded all at once after the coordinator confirms their password.
//! The file is read in memory and never stored.

use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use minijinja::context;

use super::ties::{self, Checked, Members};
use crate::web::{AppResult, AppState, Coordinator, DoneQuery, Page, Routes};

/// The largest file taken, as for people.
const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Problems listed at most (the count says how many there are).
const LISTED_PROBLEMS: usize = 200;

pub fn upload_routes() -> Routes {
    vec![("/network/ties/import", get(form).post(upload).layer(DefaultBodyLimit::max(MAX_BYTES + 64 * 1024)))]
}

async fn form(
    State(state): State<AppState>,
    page: Page,
    _: Coordinator,
    Query(q): Query<DoneQuery>,
) -> AppResult<Html<String>> {
    // A number, never words from the address.
    let done = q
        .done
        .and_then(|d| d.parse::<usize>().ok())
        .map(|n| page.locale.t_args("import-ties-done", &[("count", n.to_string())]));
    page.render(&state, "imports/ties.html", context! { done })
}

/// The file checked: a GEXF file by its name or its first bytes, else a table.
fn check(name: &str, bytes: &[u8], members: &Members, page: &Page) -> Result<Checked, String> {
    let gexf = name.to_lowercase().ends_with(".gexf") || bytes.windows(5).take(512).any(|w| w == b"<gexf");
    if gexf {
        let text = std::str::from_utf8(bytes).map_err(|_| page.t("import-error-encoding"))?;
        return ties::read_gexf(text, members, page.locale).map_err(|_| page.t("import-ties-gexf"));
    }
    let table = super::table::read(bytes, name).map_err(|e| e.say(page.locale))?;
    Ok(ties::check(&table, &ties::guess(&table.header), members, page.locale))
}

async fn upload(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    multipart: Multipart,
) -> AppResult<Response> {
    let super::page::Sent { action, name, bytes, .. } = super::page::read(&page, multipart).await?;
    let importing = action == "import";
    if importing {
        user.require_confirmed("/network/ties/import")?;
    }
    let members = Members::load(&state.db).await?;
    let checked = match check(&name, &bytes, &members, &page) {
        Ok(checked) => checked,
        Err(reason) => {
            let error = page.locale.t_args("import-error-file", &[("reason", reason)]);
            return Ok(page.render(&state, "imports/ties.html", context! { error })?.into_response());
        }
    };
    if importing && checked.problems.is_empty() && !checked.edges.is_empty() {
        let kept = ties::keep(&state.db, &checked, Some(user.user_id), None).await?;
        return Ok(Redirect::to(&format!("/network/ties/import?done={kept}")).into_response());
    }
    let problems: Vec<_> = checked.problems.iter().take(LISTED_PROBLEMS).collect();
    let result = context! {
        file => name, ties => checked.edges.len(), problems, problem_count => checked.problems.len(),
    };
    Ok(page.render(&state, "imports/ties.html", context! { result })?.into_response())
}
