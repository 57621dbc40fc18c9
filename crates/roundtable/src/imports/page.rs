//! The import on the web: a coordinator uploads a spreadsheet of people, sees which column
//! was taken for what, the first rows and every problem by row and column, and imports it
//! when nothing is wrong (after confirming their password). The file is read in memory and
//! never stored.

use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::HashMap;

use axum::routing::get;
use minijinja::context;

use super::people::Field;
use crate::web::csrf::token_matches;
use crate::web::{AppError, AppResult, AppState, Coordinator, Page, Routes};

/// The largest spreadsheet taken: 20,000 people fill a few megabytes.
const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 10;
/// Problems listed at most (the count says how many there are).
const LISTED_PROBLEMS: usize = 200;

pub fn upload_routes() -> Routes {
    vec![("/invitations/import", get(form).post(upload).layer(DefaultBodyLimit::max(MAX_BYTES + 64 * 1024)))]
}

async fn form(State(state): State<AppState>, page: Page, _: Coordinator) -> AppResult<Html<String>> {
    page.render(&state, "imports/people.html", context! {})
}

/// What the form sent: what it asks (check or import), the columns chosen by hand
/// (`map_email=2`; empty for none), and the file.
pub(super) struct Sent {
    pub action: String,
    pub chosen: Vec<(String, String)>,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The form's fields and file, the CSRF token checked before the file is read.
pub(super) async fn read(page: &Page, mut multipart: Multipart) -> AppResult<Sent> {
    let malformed = || AppError::invalid("error-form-malformed");
    let (mut token, mut action, mut file, mut chosen) = (None, String::new(), None, Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|_| malformed())? {
        let name = field.name().unwrap_or("").to_string();
        match name.as_str() {
            "csrf" => token = Some(field.text().await.map_err(|_| malformed())?),
            "action" => action = field.text().await.map_err(|_| malformed())?,
            m if m.starts_with("map_") && chosen.len() < Field::ALL.len() => {
                chosen.push((m.trim_start_matches("map_").to_string(), field.text().await.map_err(|_| malformed())?));
            }
            "file" => {
                if !token.as_deref().is_some_and(|t| token_matches(&page.csrf, t)) {
                    return Err(AppError::Csrf);
                }
                let name = field.file_name().unwrap_or("").to_string();
                let bytes = field.bytes().await.map_err(|_| AppError::TooLarge)?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    if !token.as_deref().is_some_and(|t| token_matches(&page.csrf, t)) {
        return Err(AppError::Csrf);
    }
    let (name, bytes) = file.filter(|(_, b)| !b.is_empty()).ok_or(AppError::invalid("import-error-no-file"))?;
    Ok(Sent { action, chosen, name, bytes })
}

/// The guessed columns, changed where the coordinator chose otherwise.
fn mapping(header: &[String], chosen: &[(String, String)]) -> AppResult<HashMap<Field, usize>> {
    let mut mapping = super::guess(header);
    for (key, value) in chosen {
        let field = Field::ALL.into_iter().find(|f| f.key() == key).ok_or(AppError::invalid("error-form-malformed"))?;
        match value.as_str() {
            "" => {
                mapping.remove(&field);
            }
            index => {
                let i: usize = index.parse().map_err(|_| AppError::invalid("error-form-malformed"))?;
                if i >= header.len() {
                    return Err(AppError::invalid("error-form-malformed"));
                }
                mapping.insert(field, i);
            }
        }
    }
    Ok(mapping)
}

async fn upload(
    State(state): State<AppState>,
    page: Page,
    Coordinator(user): Coordinator,
    multipart: Multipart,
) -> AppResult<Response> {
    let Sent { action, chosen, name, bytes } = read(&page, multipart).await?;
    let importing = action == "import";
    if importing {
        user.require_confirmed("/invitations/import")?;
    }
    let table = match super::table::read(&bytes, &name) {
        Ok(t) => t,
        Err(e) => {
            let error = page.locale.t_args("import-error-file", &[("reason", e.say(page.locale))]);
            return Ok(page.render(&state, "imports/people.html", context! { error })?.into_response());
        }
    };
    let mapping = mapping(&table.header, &chosen)?;
    let known = super::known(&state.db).await?;
    let checked = super::check(&table, &mapping, &known, page.locale);
    if importing && checked.problems.is_empty() && !checked.people.is_empty() {
        let kept = super::keep(&state.db, &checked, Some(user.user_id), None).await?;
        return Ok(Redirect::to(&format!("/invitations?done=imported&count={kept}")).into_response());
    }
    let columns: Vec<_> = Field::ALL
        .iter()
        .map(|f| context! { key => f.key(), field => page.t(f.label()), index => mapping.get(f) })
        .collect();
    let rows: Vec<&Vec<String>> = table.rows.iter().take(PREVIEW_ROWS).map(|(_, r)| r).collect();
    let problems: Vec<_> = checked.problems.iter().take(LISTED_PROBLEMS).collect();
    let result = context! {
        file => name, columns, header => &table.header, rows, problems,
        problem_count => checked.problems.len(), people => checked.people.len(), members => checked.members.len(),
        total => table.rows.len(),
    };
    Ok(page.render(&state, "imports/people.html", context! { result })?.into_response())
}
