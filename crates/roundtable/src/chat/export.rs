//! A member's export of their own conversations, as JSON or as one HTML file: the
//! conversations they take part in, with the messages they read now (not expired, not from
//! someone they blocked, nothing deleted), named as the privacy rules name people to them.
//! The page warns first: a file leaves the timer's reach.

use axum::extract::State;
use axum::response::{Html, Response};
use axum::routing::get;
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::access;
use super::pages::people;
use crate::db::{rows, Arg, Args};
use crate::web::{AppError, AppResult, AppState, Form, Page, Routes, SignedIn};

pub fn routes() -> Routes {
    vec![("/messages/export", get(page).post(export))]
}

/// At most this many messages go in one export (the newest), so that one request stays short.
const MAX_MESSAGES: i64 = 20_000;

async fn page(State(state): State<AppState>, page: Page, SignedIn(_): SignedIn) -> AppResult<Html<String>> {
    page.render(&state, "chat/export.html", context! {})
}

#[derive(Deserialize, Default)]
struct ExportForm {
    #[serde(default)]
    format: String,
}

#[derive(sqlx::FromRow)]
struct ConversationRow {
    id: i64,
    kind: String,
    title: String,
    timer_ms: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    conversation_id: i64,
    author_id: i64,
    body: String,
    body_html: String,
    created_at: i64,
    edited_at: Option<i64>,
    expires_at: Option<i64>,
}

#[derive(Serialize)]
struct Exported {
    exported_at: String,
    conversations: Vec<ConversationOut>,
}

#[derive(Serialize)]
struct ConversationOut {
    kind: String,
    title: String,
    people: Vec<String>,
    timer: &'static str,
    messages: Vec<MessageOut>,
}

#[derive(Serialize)]
struct MessageOut {
    author: String,
    sent_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    edited_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disappears_at: Option<String>,
    text: String,
    #[serde(skip)]
    html: String,
}

fn when(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms).map(|t| t.to_rfc3339()).unwrap_or_default()
}

async fn export(
    State(state): State<AppState>,
    page: Page,
    SignedIn(user): SignedIn,
    Form(form): Form<ExportForm>,
) -> AppResult<Response> {
    let json = match form.format.as_str() {
        "json" => true,
        "html" => false,
        _ => return Err(AppError::invalid("error-form-malformed")),
    };
    let me = user.user_id;
    let now = state.clock.now_ms();
    let mut args = Args::default();
    let at = args.push(Arg::Int(now));
    let sql = format!(
        "SELECT c.id, c.kind, {title} AS title, c.timer_ms FROM conversations c \
         JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = {me} \
         WHERE {part} ORDER BY c.last_message_at DESC, c.id DESC",
        title = super::title_sql("c"),
        part = access::takes_part_sql("cm"),
    );
    let conversations: Vec<ConversationRow> = rows(&state.db, &sql, &Args::default()).await?;
    let sql = format!(
        "SELECT * FROM (SELECT m.conversation_id, m.author_id, m.body, m.body_html, m.created_at, m.edited_at, m.expires_at \
           FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = {me} \
           WHERE {part} AND NOT m.deleted AND {visible} ORDER BY m.id DESC LIMIT {MAX_MESSAGES}) newest \
         ORDER BY created_at",
        part = access::takes_part_sql("cm"),
        visible = access::message_sql("m", "cm", &at),
    );
    let messages: Vec<MessageRow> = rows(&state.db, &sql, &args).await?;
    let ids: Vec<i64> = conversations.iter().map(|c| c.id).collect();
    let people = people(&state.db, &page.viewer, &ids).await?;
    let private = page.t("chat-private-name");
    let name_of = |conversation: i64, author: i64| -> String {
        if author == me {
            return user.display_name.clone();
        }
        people
            .iter()
            .find(|(c, p)| *c == conversation && p.id == author)
            .and_then(|(_, p)| p.name.clone())
            .unwrap_or_else(|| private.clone())
    };
    let out = Exported {
        exported_at: when(now),
        conversations: conversations
            .iter()
            .map(|c| ConversationOut {
                kind: c.kind.clone(),
                title: c.title.clone(),
                people: people
                    .iter()
                    .filter(|(id, _)| *id == c.id)
                    .map(|(_, p)| p.name.clone().unwrap_or_else(|| private.clone()))
                    .collect(),
                timer: super::Timer::from_ms(c.timer_ms).key(),
                messages: messages
                    .iter()
                    .filter(|m| m.conversation_id == c.id)
                    .map(|m| MessageOut {
                        author: name_of(c.id, m.author_id),
                        sent_at: when(m.created_at),
                        edited_at: m.edited_at.map(when),
                        disappears_at: m.expires_at.map(when),
                        text: m.body.clone(),
                        html: m.body_html.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let day = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(now).map(|t| t.format("%Y-%m-%d").to_string());
    let stem = format!("roundtable-messages-{}", day.unwrap_or_default());
    if json {
        let bytes = serde_json::to_vec_pretty(&out).map_err(|e| AppError::Internal(e.into()))?;
        return Ok(crate::library::files::download(bytes, "application/json".into(), &format!("{stem}.json")));
    }
    let conversations: Vec<minijinja::Value> = out
        .conversations
        .iter()
        .map(|c| {
            let messages: Vec<minijinja::Value> = c
                .messages
                .iter()
                .map(
                    |m| context! { author => m.author, sent_at => m.sent_at, edited_at => m.edited_at, html => m.html },
                )
                .collect();
            context! { kind => c.kind, title => c.title, people => c.people, timer => c.timer, messages }
        })
        .collect();
    let Html(html) =
        page.render(&state, "chat/export_file.html", context! { exported_at => out.exported_at, conversations })?;
    Ok(crate::library::files::download(html.into_bytes(), "text/html".into(), &format!("{stem}.html")))
}
