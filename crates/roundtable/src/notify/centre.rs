//! The notification centre, each member's settings per kind, and one-click unsubscribe.

use axum::extract::{Path, Query, State};
use axum::http::header::CACHE_CONTROL;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::{label_id, proof, target, About, Delivery, Kind, Visible, PER_PAGE};
use crate::db::{affected, now_ms, Db, Tx};
use crate::web::{page_number, AppError, AppResult, AppState, Form, Locale, Page, SignedIn, Viewer};
use crate::{on_db, on_tx};

#[derive(sqlx::FromRow)]
pub(super) struct Row {
    kind: String,
    event: String,
    actor_id: Option<i64>,
    actor_name: Option<String>,
    actor_at_risk: bool,
    thread_id: Option<i64>,
    thread_title: Option<String>,
    post_id: Option<i64>,
    group_id: Option<i64>,
    group_name: Option<String>,
    question_id: Option<i64>,
    event_id: Option<i64>,
    conversation_id: Option<i64>,
    initiative_id: Option<i64>,
    created_at: i64,
    read_at: Option<i64>,
}

#[derive(Serialize)]
pub(super) struct ItemView {
    text: String,
    href: String,
    created_at: i64,
    unread: bool,
}

/// Whether a viewer may see a member named as the actor of a notification (`viewer`, the
/// actor's id, whether they are at risk): the member rule, handed over when the application
/// is built.
#[derive(Clone, Copy)]
pub struct ActorSight(pub fn(&Viewer, i64, bool) -> bool);

/// The actor's name as the member may see them, else "someone".
pub(super) fn actor(viewer: &Viewer, locale: Locale, row: &Row, sight: ActorSight) -> String {
    let sees = row.actor_id.is_some_and(|id| (sight.0)(viewer, id, row.actor_at_risk));
    match (&row.actor_name, sees) {
        (Some(name), true) => name.clone(),
        _ => locale.t("notify-someone"),
    }
}

pub(super) fn describe(viewer: &Viewer, locale: Locale, row: &Row, sight: ActorSight) -> Option<ItemView> {
    let kind = Kind::parse(&row.kind)?;
    let id = if row.event.is_empty() {
        format!("notify-{}", kind.key())
    } else {
        format!("notify-{}-{}", kind.key(), row.event)
    };
    let args = [
        ("actor", actor(viewer, locale, row, sight)),
        ("title", row.thread_title.clone().unwrap_or_default()),
        ("group", row.group_name.clone().unwrap_or_default()),
    ];
    Some(ItemView {
        text: locale.t_args(&id, &args),
        href: target(
            kind,
            About {
                thread: row.thread_id,
                post: row.post_id,
                group: row.group_id,
                question: row.question_id,
                event: row.event_id,
                conversation: row.conversation_id,
                initiative: row.initiative_id,
            },
        ),
        created_at: row.created_at,
        unread: row.read_at.is_none(),
    })
}

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    page: Option<i64>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let number = page_number(q.page);
    let visible = &*state.part::<Visible>().0;
    let sql = format!(
        "SELECT n.kind, n.event, n.actor_id, a.display_name AS actor_name, COALESCE(p.at_risk, FALSE) AS actor_at_risk, \
           n.thread_id, COALESCE(t.title, q.title, ev.title, ini.title) AS thread_title, n.post_id, n.group_id, g.name AS group_name, \
           n.question_id, n.event_id, n.conversation_id, n.initiative_id, n.created_at, n.read_at \
         FROM notifications n LEFT JOIN users a ON a.id = n.actor_id LEFT JOIN profiles p ON p.user_id = n.actor_id \
           LEFT JOIN threads t ON t.id = n.thread_id LEFT JOIN network_groups g ON g.id = n.group_id \
           LEFT JOIN questions q ON q.id = n.question_id LEFT JOIN events ev ON ev.id = n.event_id \
           LEFT JOIN initiatives ini ON ini.id = n.initiative_id \
         WHERE n.user_id = $1 AND {visible} ORDER BY n.id DESC LIMIT $2 OFFSET $3"
    );
    let rows: Vec<Row> = on_db!(&state.db, pool => sqlx::query_as(&sql).bind(user.user_id).bind(PER_PAGE + 1)
        .bind((number - 1) * PER_PAGE).fetch_all(pool).await)?;
    let more = rows.len() as i64 > PER_PAGE;
    let items: Vec<ItemView> = rows
        .iter()
        .take(PER_PAGE as usize)
        .filter_map(|r| describe(&page.viewer, page.locale, r, *state.part::<ActorSight>()))
        .collect();
    let html = page.render(&state, "notify/list.html", context! { items, page => number, more })?;
    Ok(([(CACHE_CONTROL, "no-store")], html).into_response())
}

pub(super) async fn mark_all_read(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(_): Form<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let sql = "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL";
    on_db!(&state.db, pool => sqlx::query(sql).bind(now_ms()).bind(user.user_id).execute(pool).await.map(affected))?;
    Ok(Redirect::to("/notifications").into_response())
}

/// The member's choice for every kind, defaults filled in.
pub(super) async fn choices(db: &Db, user: i64) -> Result<Vec<(Kind, Delivery)>, sqlx::Error> {
    let sql = "SELECT kind, delivery FROM notification_settings WHERE user_id = $1";
    let chosen: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(sql).bind(user).fetch_all(pool).await)?;
    Ok(Kind::ALL
        .into_iter()
        .map(|k| {
            let d = chosen.iter().find(|(kind, _)| kind == k.key()).and_then(|(_, d)| Delivery::parse(d));
            (k, d.unwrap_or(k.default_delivery()))
        })
        .collect())
}

#[derive(Deserialize, Default)]
pub(super) struct SettingsQuery {
    done: Option<String>,
}

pub(crate) async fn settings_page(
    state: &AppState,
    page: &Page,
    user: i64,
    feed_url: Option<String>,
    done: Option<&str>,
) -> AppResult<Response> {
    let kinds: Vec<_> = choices(&state.db, user)
        .await?
        .into_iter()
        .map(|(k, d)| context! { key => k.key(), label => page.t(&label_id(k)), delivery => d.key() })
        .collect();
    let deliveries: Vec<&str> = Delivery::ALL.iter().map(|d| d.key()).collect();
    let sql = "SELECT COUNT(*) FROM feed_tokens WHERE user_id = $1";
    let has_feed: i64 = on_db!(&state.db, pool => sqlx::query_scalar(sql).bind(user).fetch_one(pool).await)?;
    let html = page.render(
        state,
        "notify/settings.html",
        context! { kinds, deliveries, has_feed => has_feed > 0, feed_url, done => done.map(|d| page.t(&format!("notify-done-{d}"))) },
    )?;
    Ok(([(CACHE_CONTROL, "no-store")], html).into_response())
}

pub(super) async fn settings(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Query(q): Query<SettingsQuery>,
) -> AppResult<Response> {
    let done = q.done.as_deref().filter(|d| ["saved", "revoked"].contains(d));
    settings_page(&state, &page, user.user_id, None, done).await
}

pub(super) async fn save_settings(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Form(form): Form<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    let mut chosen = Vec::new();
    for kind in Kind::ALL {
        let value = form.get(kind.key()).ok_or_else(|| AppError::invalid("error-notify-delivery"))?;
        chosen.push((kind, Delivery::parse(value).ok_or_else(|| AppError::invalid("error-notify-delivery"))?));
    }
    let mut tx = state.db.begin().await?;
    for (kind, delivery) in chosen {
        set_delivery(&mut tx, user.user_id, kind, delivery).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to("/notifications/settings?done=saved").into_response())
}

pub(super) async fn set_delivery(tx: &mut Tx, user: i64, kind: Kind, delivery: Delivery) -> Result<(), sqlx::Error> {
    let sql = "INSERT INTO notification_settings (user_id, kind, delivery) VALUES ($1, $2, $3) \
               ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery";
    on_tx!(tx, c => sqlx::query(sql).bind(user).bind(kind.key()).bind(delivery.key()).execute(&mut **c).await.map(affected))?;
    // What waited for a digest of a kind now turned off stays in the centre only.
    if delivery == Delivery::Never {
        let sql = "UPDATE notifications SET mail = 'none' WHERE user_id = $1 AND kind = $2 AND mail = 'digest'";
        on_tx!(tx, c => sqlx::query(sql).bind(user).bind(kind.key()).execute(&mut **c).await.map(affected))?;
    }
    Ok(())
}

// ---- one-click unsubscribe ----------------------------------------------------------------

/// The member whose address this is, if the proof holds for that member and kind.
pub(super) async fn proven(db: &Db, user: &str, kind: &str, given: &str) -> AppResult<(i64, Kind)> {
    let kind = Kind::parse(kind).ok_or(AppError::NotFound)?;
    let user: i64 = user.parse().map_err(|_| AppError::NotFound)?;
    let sql = "SELECT token FROM unsubscribe_tokens WHERE user_id = $1";
    let secret: String =
        on_db!(db, pool => sqlx::query_scalar(sql).bind(user).fetch_optional(pool).await)?.ok_or(AppError::NotFound)?;
    if !crate::web::csrf::token_matches(&proof(&secret, kind), given) {
        return Err(AppError::NotFound);
    }
    Ok((user, kind))
}

/// A link in a mail is only shown a button: mail scanners open links, and must not
/// unsubscribe anyone by doing so.
pub(super) async fn unsubscribe_page(
    State(state): State<AppState>,
    page: Page,
    Path((user, kind, given)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (user, kind) = proven(&state.db, &user, &kind, &given).await?;
    let action = format!("/unsubscribe/{user}/{}/{given}", kind.key());
    let html = page.render(
        &state,
        "notify/unsubscribe.html",
        context! { kind => page.t(&label_id(kind)), action, done => false },
    )?;
    Ok(([(CACHE_CONTROL, "no-store")], html).into_response())
}

/// The button, and mail programs' one-click unsubscribe (RFC 8058), which posts without a
/// session or a form token: the proof in the address is the authority, and all it can do
/// is stop the one kind of mail it was made for.
pub(super) async fn unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Path((user, kind, given)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let (user, kind) = proven(&state.db, &user, &kind, &given).await?;
    let mut tx = state.db.begin().await?;
    set_delivery(&mut tx, user, kind, Delivery::Never).await?;
    tx.commit().await?;
    let html = page.render(
        &state,
        "notify/unsubscribe.html",
        context! { kind => page.t(&label_id(kind)), action => "", done => true },
    )?;
    Ok(([(CACHE_CONTROL, "no-store")], html).into_response())
}
