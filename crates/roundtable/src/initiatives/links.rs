//! What an initiative's work is linked to: its events, library resources, forum threads and
//! groups. Those who keep it link what they themselves may see, by pasting its address; each
//! reader sees a link only where the linked thing's own rule lets them see that thing.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use crate::db::{affected, rows, Arg, Args, Db};
use crate::{on_db, on_tx};

/// Links one initiative may hold: more than a page can usefully show.
const MAX_LINKS: i64 = 100;
use crate::vocab::InitiativeLink;
use crate::web::{AppError, AppResult, AppState, Form, Page, SignedIn, Viewer, Who};

/// What a kind of link points at: its table and title, and the feature's own rule for who
/// may see a row of it, as SQL on the alias `x`.
fn target(kind: InitiativeLink, viewer: &Viewer) -> (&'static str, &'static str, String) {
    let who = Who::literal(viewer);
    match kind {
        InitiativeLink::Event => ("events", "x.title", crate::events::access::visible_sql("x", &who)),
        InitiativeLink::Resource => ("resources", "x.title", crate::library::visible_sql("x", viewer)),
        // A thread its moderators hid is not linked for anyone else, as its page is not.
        InitiativeLink::Thread => ("threads", "x.title", crate::forums::access::openable_sql("x", &who)),
        InitiativeLink::Group => ("network_groups", "x.name", crate::groups::access::known_sql("x", &who)),
    }
}

/// The kind and id of the page at `address` (`https://…/events/12`, `/library/7`,
/// `/forum/threads/3`, `/groups/5`), if it is one an initiative may link to.
fn parse(address: &str) -> Option<(InitiativeLink, i64)> {
    let address = address.trim();
    let path = if address.starts_with('/') {
        address.split(['?', '#']).next()?.to_string()
    } else {
        url::Url::parse(address).ok().filter(|u| matches!(u.scheme(), "http" | "https"))?.path().to_string()
    };
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    let (kind, id) = match parts.as_slice() {
        ["events", id] => (InitiativeLink::Event, id),
        ["library", id] => (InitiativeLink::Resource, id),
        ["forum", "threads", id] => (InitiativeLink::Thread, id),
        ["groups", id] => (InitiativeLink::Group, id),
        _ => return None,
    };
    Some((kind, id.parse().ok()?))
}

#[derive(Deserialize)]
pub(super) struct LinkForm {
    #[serde(default)]
    address: String,
}

fn back(id: i64, done: &str) -> Response {
    Redirect::to(&format!("/initiatives/{id}?done={done}#links")).into_response()
}

pub(super) async fn add(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path(id): Path<i64>,
    Form(form): Form<LinkForm>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let (kind, target_id) = parse(&form.address).ok_or(AppError::invalid("error-initiative-link"))?;
    // Only what the editor may see: a missing page and a hidden one are refused alike.
    let (table, _, rule) = target(kind, &page.viewer);
    let sql = format!("SELECT COUNT(*) FROM {table} x WHERE x.id = $1 AND {rule}");
    let seen: i64 = on_db!(&state.db, pool => sqlx::query_scalar(&sql).bind(target_id).fetch_one(pool).await)?;
    if seen == 0 {
        return Err(AppError::invalid("error-initiative-link"));
    }
    let mut tx = state.db.begin().await?;
    let sql = "SELECT COUNT(*) FROM initiative_links WHERE initiative_id = $1";
    let count: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(sql).bind(id).fetch_one(&mut **c).await)?;
    if count >= MAX_LINKS {
        return Err(AppError::invalid("error-initiative-too-many-links"));
    }
    let sql = "INSERT INTO initiative_links (initiative_id, kind, target_id, created_at) VALUES ($1, $2, $3, $4) \
               ON CONFLICT DO NOTHING";
    on_tx!(&mut tx, c => sqlx::query(sql).bind(id).bind(kind.key()).bind(target_id).bind(state.clock.now_ms())
        .execute(&mut **c).await.map(affected))?;
    tx.commit().await?;
    Ok(back(id, "link_added"))
}

#[derive(Deserialize)]
pub(super) struct Empty {}

pub(super) async fn remove(
    State(state): State<AppState>,
    page: Page,
    _user: SignedIn,
    Path((id, kind, target_id)): Path<(i64, String, i64)>,
    Form(_): Form<Empty>,
) -> AppResult<Response> {
    super::managed(&state.db, &page.viewer, id).await?;
    let kind: InitiativeLink = kind.parse().map_err(|_| AppError::NotFound)?;
    // Only a link the remover may see: one to something hidden from them is not theirs to
    // know of, nor to take away from those who see it.
    let (table, _, rule) = target(kind, &page.viewer);
    let sql = format!(
        "DELETE FROM initiative_links WHERE initiative_id = $1 AND kind = $2 AND target_id = $3 \
         AND EXISTS (SELECT 1 FROM {table} x WHERE x.id = $3 AND {rule})"
    );
    let gone = on_db!(&state.db, pool => sqlx::query(&sql).bind(id).bind(kind.key()).bind(target_id)
        .execute(pool).await.map(affected))?;
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    Ok(back(id, "link_removed"))
}

#[derive(sqlx::FromRow, Serialize)]
struct Linked {
    id: i64,
    title: String,
}

/// The links of initiative `id` that `viewer` may follow, by kind.
pub(super) async fn of(db: &Db, viewer: &Viewer, id: i64) -> AppResult<Vec<Value>> {
    let mut out = Vec::new();
    for kind in InitiativeLink::ALL {
        let (table, title, rule) = target(*kind, viewer);
        let sql = format!(
            "SELECT x.id, {title} AS title FROM initiative_links l JOIN {table} x ON x.id = l.target_id \
             WHERE l.initiative_id = $1 AND l.kind = $2 AND {rule} ORDER BY lower({title}), x.id"
        );
        let found: Vec<Linked> = rows(db, &sql, &Args::of(&[Arg::Int(id), Arg::Text(kind.key().into())])).await?;
        let prefix = match kind {
            InitiativeLink::Event => "/events/",
            InitiativeLink::Resource => "/library/",
            InitiativeLink::Thread => "/forum/threads/",
            InitiativeLink::Group => "/groups/",
        };
        for l in found {
            out.push(
                context! { kind => kind.key(), id => l.id, title => l.title, href => format!("{prefix}{}", l.id) },
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_of_pages_an_initiative_may_link_to() {
        assert_eq!(parse("https://network.example.org/events/12"), Some((InitiativeLink::Event, 12)));
        assert_eq!(parse("/library/7?lang=th"), Some((InitiativeLink::Resource, 7)));
        assert_eq!(parse(" /forum/threads/3#reply "), Some((InitiativeLink::Thread, 3)));
        assert_eq!(parse("http://localhost:8080/groups/5/"), Some((InitiativeLink::Group, 5)));
        for bad in
            ["/events/12/edit", "/members/4", "javascript:alert(1)", "/events/x", "events/12", "", "/library/1.5"]
        {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
